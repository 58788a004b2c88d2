/*
 * store_roo — the ROO import into the store, on either engine through the
 * db.h driver, in one transaction of store_tx.c; see store_roo.h. Parsing
 * the file is io/roo.c.
 *
 * Every record goes through one generic upsert (struct rec): look the row
 * up, compare the imported columns as text, INSERT or UPDATE (version + 1)
 * only when something differs, and write an audit event whose before/after
 * images are the compared columns. Participations are collected in a
 * temporary table while streaming and resolved after the whole file is
 * read, because a participant may be a regeling that comes later. Then
 * everything an earlier ROO import wrote and this file no longer holds is
 * ended with the file's date.
 */
#include "store_roo.h"

#include "../io/roo.h"
#include "store_internal.h"
#include "../domain/slug.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define ACTOR "cli:import-roo"
#define VIA "import"
#define SOURCE_KEY "roo-export"
#define MAXCOL 16

const char *const roo_entity_names[ROO_E_COUNT] = {
    [ROO_E_ORG] = "organisaties", [ROO_E_COLLAB] = "samenwerkingsverbanden",
    [ROO_E_PART] = "deelnames",	  [ROO_E_PERSON] = "personen",
    [ROO_E_OFFICE] = "ambten",	  [ROO_E_SEAT] = "zetels",
};

struct term_map {
	char **term, **key;
	int n, cap;
};

struct imp {
	struct store *s;
	struct roo_report *rep;
	struct term_map map;
	char source[96]; /* audit source: "ROO-export <timestamp>" */
	char date[11];	 /* the file's date */
	int64_t source_id;
};

struct rec {
	const char *table, *entity;
	char key[200]; /* audit entity_key */
	int n;
	const char *col[MAXCOL];
	char *val[MAXCOL]; /* NULL = SQL NULL; owned */
	bool real[MAXCOL];
	bool keep[MAXCOL]; /* only set on insert or when the stored value is '' */
};

/* --- small helpers --- */

static void rec_add(struct rec *r, const char *col, const char *v)
{
	r->col[r->n] = col;
	r->val[r->n] = v ? strdup(v) : NULL;
	r->real[r->n] = false;
	r->keep[r->n] = false;
	r->n++;
}

static void rec_addf(struct rec *r, const char *col, double v)
{
	char b[40];
	snprintf(b, sizeof b, "%.6g", v);
	rec_add(r, col, b);
	r->real[r->n - 1] = true;
}

static void rec_addi(struct rec *r, const char *col, int64_t v)
{
	char b[32];
	snprintf(b, sizeof b, "%lld", (long long)v);
	rec_add(r, col, b);
}

static void rec_free(struct rec *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->val[i]);
	r->n = 0;
}

static void lower(char *d, size_t n, const char *s)
{
	size_t i = 0;
	for (; s[i] && i + 1 < n; i++)
		d[i] = (char)tolower((unsigned char)s[i]);
	d[i] = '\0';
}

/* The last path segment of a TOOI id when it looks like a code (gm0344,
 * pv26, ws0636), else "". */
static void tooi_code(const char *tooi, char *out, size_t n)
{
	out[0] = '\0';
	const char *slash = strrchr(tooi, '/');
	if (!slash || strncmp(tooi, "https://identifier.overheid.nl/tooi/id/", 39) != 0)
		return;
	const char *c = slash + 1;
	size_t i = 0;
	while (c[i] && isalpha((unsigned char)c[i]))
		i++;
	if (i == 0 || !isdigit((unsigned char)c[i]))
		return;
	while (isdigit((unsigned char)c[i]))
		i++;
	if (c[i] || i >= n)
		return;
	lower(out, n, c);
}

/* --- the generic upsert --- */

static char *rec_json(const struct rec *r, db_stmt *row)
{
	json_t *o = json_object();
	for (int i = 0; i < r->n; i++) {
		const char *v = r->val[i];
		if (row) {
			v = (const char *)db_column_text(row, i);
		}
		json_object_set_new(o, r->col[i], v ? json_string(v) : json_null());
	}
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

/* Column i of row as the same text the importer produces. */
static void col_text(db_stmt *row, int i, bool real, char *out, size_t n, bool *null)
{
	*null = db_column_type(row, i) == DB_NULL;
	if (*null) {
		out[0] = '\0';
	} else if (real) {
		snprintf(out, n, "%.6g", db_column_double(row, i));
	} else {
		snprintf(out, n, "%s", (const char *)db_column_text(row, i));
	}
}

/*
 * Insert (id == 0) or update row id of r->table with r's columns; audit;
 * count in rep under kind. *out_id: the row id. ended: count an update as
 * "ended" rather than "changed".
 */
static int upsert(struct imp *im, struct rec *r, int64_t id, int kind, bool ended, int64_t *out_id,
		  char *err, size_t el)
{
	struct store *s = im->s;
	char sql[2048];
	size_t o = 0;
	if (id == 0) {
		o += (size_t)snprintf(sql + o, sizeof sql - o, "INSERT INTO %s (", r->table);
		for (int i = 0; i < r->n; i++)
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s%s", i ? ", " : "",
					      r->col[i]);
		o += (size_t)snprintf(sql + o, sizeof sql - o, ") VALUES (");
		for (int i = 0; i < r->n; i++)
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s?", i ? ", " : "");
		snprintf(sql + o, sizeof sql - o, ")");
		db_stmt *st = store_stmt(s, sql);
		if (!st)
			return store_db_fail(s, "ROO-import: invoegen", err, el);
		for (int i = 0; i < r->n; i++) {
			if (!r->val[i])
				db_bind_null(st, i + 1);
			else if (r->real[i])
				db_bind_double(st, i + 1, strtod(r->val[i], NULL));
			else
				db_bind_text(st, i + 1, r->val[i], -1, DB_STATIC);
		}
		if (store_step_done(s, st, "ROO-import: invoegen", err, el))
			return STORE_ERR;
		*out_id = db_last_insert_id(s);
		char *after = rec_json(r, NULL);
		int rc = store_audit_write(s, ACTOR, VIA, im->source, "insert", r->entity, r->key,
					   NULL, after);
		free(after);
		if (rc)
			return store_db_fail(s, "ROO-import: audit", err, el);
		im->rep->added[kind]++;
		return STORE_OK;
	}
	*out_id = id;
	o = (size_t)snprintf(sql, sizeof sql, "SELECT ");
	for (int i = 0; i < r->n; i++)
		o += (size_t)snprintf(sql + o, sizeof sql - o, "%s%s", i ? ", " : "", r->col[i]);
	snprintf(sql + o, sizeof sql - o, " FROM %s WHERE id = ?", r->table);
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return store_db_fail(s, "ROO-import: lezen", err, el);
	db_bind_int64(st, 1, id);
	if (db_step(st) != DB_ROW) {
		db_reset(st);
		return store_db_fail(s, "ROO-import: lezen", err, el);
	}
	bool differs = false;
	for (int i = 0; i < r->n; i++) {
		char cur[4096];
		bool null;
		col_text(st, i, r->real[i], cur, sizeof cur, &null);
		if (r->keep[i] && !null && cur[0]) {
			/* keep the stored value: make the image say so */
			free(r->val[i]);
			r->val[i] = strdup(cur);
			continue;
		}
		bool vnull = r->val[i] == NULL;
		if (vnull != null || (!vnull && strcmp(cur, r->val[i]) != 0))
			differs = true;
	}
	if (!differs) {
		db_reset(st);
		im->rep->unchanged[kind]++;
		return STORE_OK;
	}
	char *before = rec_json(r, st);
	db_reset(st);
	o = (size_t)snprintf(sql, sizeof sql, "UPDATE %s SET ", r->table);
	for (int i = 0; i < r->n; i++)
		o += (size_t)snprintf(sql + o, sizeof sql - o, "%s = ?, ", r->col[i]);
	snprintf(sql + o, sizeof sql - o, "version = version + 1 WHERE id = ?");
	st = store_stmt(s, sql);
	if (!st) {
		free(before);
		return store_db_fail(s, "ROO-import: bijwerken", err, el);
	}
	for (int i = 0; i < r->n; i++) {
		if (!r->val[i])
			db_bind_null(st, i + 1);
		else if (r->real[i])
			db_bind_double(st, i + 1, strtod(r->val[i], NULL));
		else
			db_bind_text(st, i + 1, r->val[i], -1, DB_STATIC);
	}
	db_bind_int64(st, r->n + 1, id);
	if (store_step_done(s, st, "ROO-import: bijwerken", err, el)) {
		free(before);
		return STORE_ERR;
	}
	char *after = rec_json(r, NULL);
	int rc = store_audit_write(s, ACTOR, VIA, im->source, "update", r->entity, r->key, before,
				   after);
	free(before);
	free(after);
	if (rc)
		return store_db_fail(s, "ROO-import: audit", err, el);
	if (ended)
		im->rep->ended[kind]++;
	else
		im->rep->changed[kind]++;
	return STORE_OK;
}

/* First id of a one-column query with up to two text parameters; 0 if none. */
static int64_t find_id(struct store *s, const char *sql, const char *a, const char *b)
{
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return -1;
	db_bind_text(st, 1, a, -1, DB_TRANSIENT);
	if (b)
		db_bind_text(st, 2, b, -1, DB_TRANSIENT);
	int64_t id = 0;
	if (db_step(st) == DB_ROW)
		id = db_column_int64(st, 0);
	db_reset(st);
	return id;
}

static int64_t find_id_int(struct store *s, const char *sql, int64_t a)
{
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return -1;
	db_bind_int64(st, 1, a);
	int64_t id = 0;
	if (db_step(st) == DB_ROW)
		id = db_column_int64(st, 0);
	db_reset(st);
	return id;
}

static int mark_seen(struct imp *im, char kind, int64_t id)
{
	db_stmt *st = store_stmt(im->s, "INSERT INTO roo_seen (kind, id) "
					"VALUES (?, ?) ON CONFLICT DO NOTHING");
	if (!st)
		return STORE_ERR;
	char k[2] = {kind, 0};
	db_bind_text(st, 1, k, -1, DB_TRANSIENT);
	db_bind_int64(st, 2, id);
	int rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

static bool seen(struct imp *im, char kind, int64_t id)
{
	char k[2] = {kind, 0};
	db_stmt *st = store_stmt(im->s, "SELECT 1 FROM roo_seen WHERE kind = ? AND id = ?");
	if (!st)
		return false;
	db_bind_text(st, 1, k, -1, DB_TRANSIENT);
	db_bind_int64(st, 2, id);
	bool r = db_step(st) == DB_ROW;
	db_reset(st);
	return r;
}

/* A unique value for column col of table starting from base. */
static void unique_key(struct store *s, const char *table, const char *col, const char *base,
		       const char *sid, char *out, size_t n)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE %s = ?", table, col);
	snprintf(out, n, "%s", base);
	if (find_id(s, sql, out, NULL) == 0)
		return;
	snprintf(out, n, "%.60s-%s", base, sid);
	for (int i = 2; find_id(s, sql, out, NULL) != 0 && i < 1000; i++)
		snprintf(out, n, "%.60s-%s-%d", base, sid, i);
}

/* --- the term map --- */

static void map_free(struct term_map *m)
{
	for (int i = 0; i < m->n; i++)
		free(m->term[i]), free(m->key[i]);
	free(m->term);
	free(m->key);
	memset(m, 0, sizeof *m);
}

/* Read "beleidsterrein,domein" lines; a quoted first field may hold commas. */
static int map_load(struct term_map *m, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char line[1024];
	int ln = 0;
	while (fgets(line, sizeof line, f)) {
		ln++;
		line[strcspn(line, "\r\n")] = '\0';
		if (ln == 1 || !line[0] || line[0] == '#')
			continue;
		char term[512], key[128];
		const char *c = line;
		size_t t = 0;
		if (*c == '"') {
			for (c++; *c && t + 1 < sizeof term; c++) {
				if (*c == '"' && c[1] == '"')
					term[t++] = '"', c++;
				else if (*c == '"')
					break;
				else
					term[t++] = *c;
			}
			if (*c == '"')
				c++;
		} else {
			while (*c && *c != ',' && t + 1 < sizeof term)
				term[t++] = *c++;
		}
		term[t] = '\0';
		if (*c != ',')
			continue;
		snprintf(key, sizeof key, "%s", c + 1);
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 32;
			m->term = realloc(m->term, (size_t)m->cap * sizeof *m->term);
			m->key = realloc(m->key, (size_t)m->cap * sizeof *m->key);
			if (!m->term || !m->key)
				abort();
		}
		m->term[m->n] = strdup(term);
		m->key[m->n] = strdup(key);
		m->n++;
	}
	fclose(f);
	return 0;
}

static const char *map_find(const struct term_map *m, const char *term)
{
	for (int i = 0; i < m->n; i++)
		if (strcasecmp(m->term[i], term) == 0)
			return m->key[i];
	return NULL;
}

int store_roo_map_term(const char *map_csv, const char *term, char *out, size_t outlen)
{
	struct term_map m = {0};
	if (map_load(&m, map_csv) != 0)
		return -1;
	const char *k = map_find(&m, term);
	if (k)
		snprintf(out, outlen, "%s", k);
	map_free(&m);
	return k ? 0 : -1;
}

static void report_unknown(struct roo_report *rep, const char *term)
{
	for (int i = 0; i < rep->nunknown; i++)
		if (strcmp(rep->unknown_terms[i], term) == 0) {
			rep->unknown_counts[i]++;
			return;
		}
	if (rep->nunknown == rep->ucap) {
		rep->ucap = rep->ucap ? rep->ucap * 2 : 16;
		rep->unknown_terms =
		    realloc(rep->unknown_terms, (size_t)rep->ucap * sizeof(char *));
		rep->unknown_counts = realloc(rep->unknown_counts, (size_t)rep->ucap * sizeof(int));
		if (!rep->unknown_terms || !rep->unknown_counts)
			abort();
	}
	rep->unknown_terms[rep->nunknown] = strdup(term);
	rep->unknown_counts[rep->nunknown++] = 1;
}

/* --- organisations --- */

static const char *org_kind(const char *type, const char *tooi)
{
	char t[256];
	lower(t, sizeof t, type);
	if (strcmp(t, "gemeente") == 0 || strstr(tooi, "/tooi/id/gemeente/"))
		return "municipality";
	if (strcmp(t, "provincie") == 0 || strstr(tooi, "/tooi/id/provincie/"))
		return "province";
	if (strcmp(t, "waterschap") == 0 || strstr(tooi, "/tooi/id/waterschap/"))
		return "water_board";
	if (strstr(t, "samenwerkingsorgaan"))
		return "joint_arrangement_body";
	if (strstr(t, "ministerie") || strstr(tooi, "/tooi/id/ministerie/"))
		return "national";
	return "other";
}

/* The organisation for a ROO reference: by systeemId, TOOI id, then code. */
static int64_t find_org(struct imp *im, const char *sid, const char *tooi)
{
	int64_t id = 0;
	if (sid[0])
		id = find_id(
		    im->s,
		    "SELECT id FROM organisation WHERE roo_system_id = ? AND roo_system_id <> ''",
		    sid, NULL);
	if (id == 0 && tooi[0])
		id = find_id(im->s, "SELECT id FROM organisation WHERE tooi = ? AND tooi <> ''",
			     tooi, NULL);
	if (id == 0 && tooi[0]) {
		char code[64];
		tooi_code(tooi, code, sizeof code);
		if (code[0])
			id = find_id(im->s, "SELECT id FROM organisation WHERE code = ?", code,
				     NULL);
	}
	return id;
}

static void org_code_of(struct imp *im, int64_t id, char *out, size_t n)
{
	db_stmt *st = store_stmt(im->s, "SELECT code FROM organisation WHERE id = ?");
	out[0] = '\0';
	if (!st)
		return;
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW)
		snprintf(out, n, "%s", store_col_text(st, 0));
	db_reset(st);
}

/* Upsert an organisation. New rows get a code from the TOOI id or
 * "roo-<systeemId>". A row from another source (e.g. the seed) keeps its
 * name and kind; only the link and empty dates are filled. */
static int put_org(struct imp *im, const char *sid, const char *tooi, const char *name,
		   const char *kind, const char *from, const char *to, int64_t collab_id,
		   int64_t *out, char *err, size_t el)
{
	int64_t id = find_org(im, sid, tooi);
	if (id < 0)
		return store_db_fail(im->s, "organisatie zoeken", err, el);
	/* rows the ROO import created (its source) follow the ROO; others
	 * (the seed, edits) are linked but keep their name and kind */
	db_stmt *os = store_stmt(im->s, "SELECT source_id FROM organisation WHERE id = ?");
	bool linked = false;
	if (id && os) {
		db_bind_int64(os, 1, id);
		linked = db_step(os) == DB_ROW && db_column_int64(os, 0) == im->source_id;
		db_reset(os);
	}
	struct rec r = {.table = "organisation", .entity = "organisation"};
	char code[81];
	if (id)
		org_code_of(im, id, code, sizeof code);
	else {
		char base[64];
		tooi_code(tooi, base, sizeof base);
		if (!base[0])
			snprintf(base, sizeof base, "roo-%s", sid[0] ? sid : "0");
		unique_key(im->s, "organisation", "code", base, sid, code, sizeof code);
	}
	snprintf(r.key, sizeof r.key, "%s", code);
	if (!id) {
		rec_add(&r, "code", code);
		rec_add(&r, "kind", kind);
		rec_addi(&r, "source_id", im->source_id);
	}
	rec_add(&r, "roo_system_id", sid);
	if (tooi[0])
		rec_add(&r, "tooi", tooi);
	if (!id || linked) {
		rec_add(&r, "name", name);
		rec_add(&r, "valid_from", from);
		rec_add(&r, "valid_to", to);
		rec_addi(&r, "ended", to[0] && im->date[0] && strcmp(to, im->date) <= 0);
	} else {
		rec_add(&r, "valid_from", from);
		r.keep[r.n - 1] = true;
	}
	if (collab_id > 0) {
		rec_addi(&r, "collaboration_id", collab_id);
		r.keep[r.n - 1] = true;
	}
	int rc = upsert(im, &r, id, ROO_E_ORG, false, out, err, el);
	rec_free(&r);
	if (rc == STORE_OK && mark_seen(im, 'o', *out))
		return store_db_fail(im->s, "ROO-import", err, el);
	return rc;
}

/* --- people --- */

static const char *office_kind(const char *fname, const char *org_kind_code)
{
	char t[256];
	lower(t, sizeof t, fname);
	if (strstr(t, "commissaris van de koning"))
		return "cdk";
	if (strstr(t, "burgemeester") && !strstr(t, "loco"))
		return "burgemeester";
	if (strstr(t, "wethouder"))
		return "wethouder";
	if (strstr(t, "gedeputeerde"))
		return "gedeputeerde";
	if (strstr(t, "dijkgraaf"))
		return "dijkgraaf";
	if (strstr(t, "heemraad"))
		return "heemraad";
	if (strstr(t, "statenlid") || strstr(t, "lid provinciale staten"))
		return "statenlid";
	if (strstr(t, "raadslid") || strstr(t, "lid gemeenteraad") || strstr(t, "lid van de raad"))
		return "raadslid";
	if (strstr(t, "algemeen bestuur") && strcmp(org_kind_code, "water_board") == 0)
		return "ab-lid-waterschap";
	return NULL; /* officials and other functions are not imported */
}

static const char *seat_body(const char *fname)
{
	char t[256];
	lower(t, sizeof t, fname);
	if (strstr(t, "voorzitter") && !strstr(t, "vice"))
		return "voorzitter";
	if (strstr(t, "dagelijks bestuur"))
		return "dagelijks-bestuur";
	if (strstr(t, "algemeen bestuur"))
		return "algemeen-bestuur";
	if (strstr(t, "portefeuillehoudersoverleg"))
		return "portefeuillehoudersoverleg";
	if (strstr(t, "adviescommissie"))
		return "adviescommissie";
	if (strstr(t, "bestuur"))
		return "bestuur";
	return NULL;
}

static int put_person(struct imp *im, const struct roo_person *m, int64_t *out, char *err,
		      size_t el)
{
	int64_t id =
	    find_id(im->s, "SELECT id FROM person WHERE roo_system_id = ? AND roo_system_id <> ''",
		    m->sid, NULL);
	if (id < 0)
		return store_db_fail(im->s, "persoon zoeken", err, el);
	if (id && seen(im, 'p', id)) {
		*out = id;
		return STORE_OK;
	}
	struct rec r = {.table = "person", .entity = "person"};
	if (!id) {
		char base[81], key[81];
		slug_make(m->name, 60, "roo", base, sizeof base);
		unique_key(im->s, "person", "key", base, m->sid, key, sizeof key);
		snprintf(r.key, sizeof r.key, "%s", key);
		rec_add(&r, "key", key);
		rec_add(&r, "roo_system_id", m->sid);
	} else {
		db_stmt *st = store_stmt(im->s, "SELECT key FROM person WHERE id = ?");
		if (st) {
			db_bind_int64(st, 1, id);
			if (db_step(st) == DB_ROW)
				snprintf(r.key, sizeof r.key, "%s", store_col_text(st, 0));
			db_reset(st);
		}
	}
	rec_add(&r, "name", m->name);
	rec_add(&r, "party", m->party);
	int rc = upsert(im, &r, id, ROO_E_PERSON, false, out, err, el);
	rec_free(&r);
	if (rc == STORE_OK && mark_seen(im, 'p', *out))
		return store_db_fail(im->s, "ROO-import", err, el);
	return rc;
}

/* Offices (org_id > 0) or seats (collab_id > 0) for the functies. */
static int put_functions(struct imp *im, const struct roo_function *fs, int nf, int64_t org_id,
			 const char *okind, int64_t collab_id, const char *ckey, char *err,
			 size_t el)
{
	for (int i = 0; i < nf; i++) {
		const struct roo_function *f = &fs[i];
		const char *kind = collab_id ? seat_body(f->name) : office_kind(f->name, okind);
		if (!kind || (collab_id && org_id <= 0)) {
			im->rep->skipped_functions++;
			continue;
		}
		for (int j = 0; j < f->npeople; j++) {
			const struct roo_person *m = &f->people[j];
			if (!m->name[0] || !m->sid[0])
				continue;
			int64_t pid;
			if (put_person(im, m, &pid, err, el))
				return STORE_ERR;
			char rid[64];
			snprintf(rid, sizeof rid, "%s/%s", f->sid, m->sid);
			const char *table = collab_id ? "seat" : "office";
			char sql[96];
			snprintf(
			    sql, sizeof sql,
			    "SELECT id FROM %s WHERE roo_system_id = ? AND roo_system_id <> ''",
			    table);
			int64_t id = find_id(im->s, sql, rid, NULL);
			if (id < 0)
				return store_db_fail(im->s, "zetel zoeken", err, el);
			struct rec r = {.table = table, .entity = table};
			rec_add(&r, "roo_system_id", rid);
			rec_addi(&r, "person_id", pid);
			rec_addi(&r, "organisation_id", org_id);
			if (collab_id) {
				rec_addi(&r, "collaboration_id", collab_id);
				rec_add(&r, "body", kind);
			} else {
				rec_add(&r, "kind", kind);
				rec_add(&r, "portfolio", "");
				r.keep[r.n - 1] = true;
			}
			rec_add(&r, "from_date", m->from);
			rec_add(&r, "to_date", m->to);
			int64_t out;
			int rc = upsert(im, &r, id, collab_id ? ROO_E_SEAT : ROO_E_OFFICE, false,
					&out, err, el);
			/* the audit key: the id, as the people store does */
			(void)ckey;
			rec_free(&r);
			if (rc)
				return rc;
			if (mark_seen(im, collab_id ? 's' : 'f', out))
				return store_db_fail(im->s, "ROO-import", err, el);
		}
	}
	return STORE_OK;
}

/* --- callbacks --- */

static int on_header(void *ctx, const struct roo_header *h, char *err, size_t el)
{
	struct imp *im = ctx;
	snprintf(im->rep->timestamp, sizeof im->rep->timestamp, "%s", h->timestamp);
	snprintf(im->rep->version, sizeof im->rep->version, "%s", h->version);
	snprintf(im->source, sizeof im->source, "ROO-export %s",
		 h->timestamp[0] ? h->timestamp : "(zonder tijdstempel)");
	if (h->date[0]) {
		snprintf(im->date, sizeof im->date, "%s", h->date);
	} else {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(im->date, sizeof im->date, "%Y-%m-%d", &tm);
	}
	db_stmt *st = store_stmt(
	    im->s,
	    "INSERT INTO source (key, title, publisher, url, reference_date, retrieved, note) "
	    "VALUES (?1, 'Register van Overheidsorganisaties (export)', "
	    "'KOOP / Ministerie van BZK', "
	    "'https://organisaties.overheid.nl/archive/exportOO.xml', ?2, ?2, "
	    "'Ingelezen met atlas import roo') "
	    "ON CONFLICT(key) DO UPDATE SET reference_date = excluded.reference_date "
	    "WHERE source.reference_date < excluded.reference_date");
	if (!st)
		return store_db_fail(im->s, "bron vastleggen", err, el);
	db_bind_text(st, 1, SOURCE_KEY, -1, DB_STATIC);
	db_bind_text(st, 2, im->date, -1, DB_TRANSIENT);
	if (store_step_done(im->s, st, "bron vastleggen", err, el))
		return STORE_ERR;
	im->source_id = find_id(im->s, "SELECT id FROM source WHERE key = ?", SOURCE_KEY, NULL);
	return im->source_id > 0 ? STORE_OK : store_db_fail(im->s, "bron vastleggen", err, el);
}

static int on_org(void *ctx, const struct roo_org *o, char *err, size_t el)
{
	struct imp *im = ctx;
	im->rep->records++;
	if (!o->sid[0]) {
		snprintf(err, el, "organisatie '%.80s' zonder systeemId", o->name);
		return STORE_ERR_INVALID;
	}
	const char *kind = org_kind(o->type, o->tooi);
	int64_t id;
	if (put_org(im, o->sid, o->tooi, o->name, kind, o->from, o->to, 0, &id, err, el))
		return STORE_ERR;
	return put_functions(im, o->functions, o->nfunctions, id, kind, 0, NULL, err, el);
}

/* The beleidsterreinen of g without a domain, "; "-joined, into out. */
static void unknown_terms(struct imp *im, const struct roo_regeling *g, char *out, size_t n)
{
	out[0] = '\0';
	for (int i = 0; i < g->nterms; i++) {
		const char *key = map_find(&im->map, g->terms[i]);
		if (key && find_id(im->s, "SELECT id FROM domain WHERE key = ?", key, NULL) > 0)
			continue;
		report_unknown(im->rep, g->terms[i]);
		size_t u = strlen(out);
		snprintf(out + u, n - u, "%s%s", u ? "; " : "", g->terms[i]);
	}
}

/* Make the domains of collaboration cid those mapped from g's terms;
 * *changed tells whether they differed (have/want: the id lists). */
static int set_domains(struct imp *im, int64_t cid, const struct roo_regeling *g, bool *changed,
		       char *have, char *want, size_t n, char *err, size_t el)
{
	db_stmt *st = store_stmt(im->s, "DELETE FROM roo_dom");
	if (!st || store_step_done(im->s, st, "domeinen", err, el))
		return STORE_ERR;
	for (int i = 0; i < g->nterms; i++) {
		const char *key = map_find(&im->map, g->terms[i]);
		int64_t did =
		    key ? find_id(im->s, "SELECT id FROM domain WHERE key = ?", key, NULL) : 0;
		if (did <= 0)
			continue;
		st =
		    store_stmt(im->s, "INSERT INTO roo_dom (id) VALUES (?) ON CONFLICT DO NOTHING");
		if (!st)
			return store_db_fail(im->s, "domeinen", err, el);
		db_bind_int64(st, 1, did);
		if (store_step_done(im->s, st, "domeinen", err, el))
			return STORE_ERR;
	}
	st = store_stmt(im->s, "SELECT (SELECT group_concat(k, ';') FROM (SELECT d.key AS k FROM "
			       "roo_dom x JOIN domain d ON d.id = x.id ORDER BY d.key) AS ks), "
			       "(SELECT group_concat(k, ';') FROM (SELECT d.key AS k FROM "
			       "collaboration_domain cd JOIN domain d ON d.id = cd.domain_id WHERE "
			       "cd.collaboration_id = ? ORDER BY d.key) AS ks)");
	if (!st)
		return store_db_fail(im->s, "domeinen", err, el);
	db_bind_int64(st, 1, cid);
	want[0] = have[0] = '\0';
	if (db_step(st) == DB_ROW) {
		snprintf(want, n, "%s", store_col_text(st, 0));
		snprintf(have, n, "%s", store_col_text(st, 1));
	}
	db_reset(st);
	*changed = strcmp(want, have) != 0;
	if (!*changed)
		return STORE_OK;
	st = store_stmt(im->s, "DELETE FROM collaboration_domain WHERE collaboration_id = ?");
	if (!st)
		return store_db_fail(im->s, "domeinen", err, el);
	db_bind_int64(st, 1, cid);
	if (store_step_done(im->s, st, "domeinen", err, el))
		return STORE_ERR;
	st = store_stmt(im->s, "INSERT INTO collaboration_domain (collaboration_id, domain_id) "
			       "SELECT ?, id FROM roo_dom");
	if (!st)
		return store_db_fail(im->s, "domeinen", err, el);
	db_bind_int64(st, 1, cid);
	return store_step_done(im->s, st, "domeinen", err, el);
}

static int64_t find_collab(struct imp *im, const char *sid, const char *tooi)
{
	int64_t id = 0;
	if (sid[0])
		id = find_id(
		    im->s,
		    "SELECT id FROM collaboration WHERE roo_system_id = ? AND roo_system_id <> ''",
		    sid, NULL);
	if (id == 0 && tooi[0])
		id = find_id(im->s, "SELECT id FROM collaboration WHERE tooi = ? AND tooi <> ''",
			     tooi, NULL);
	return id;
}

static int on_regeling(void *ctx, const struct roo_regeling *g, char *err, size_t el)
{
	struct imp *im = ctx;
	im->rep->records++;
	if (!g->sid[0]) {
		snprintf(err, el, "regeling '%.80s' zonder systeemId", g->title);
		return STORE_ERR_INVALID;
	}
	int64_t id = find_collab(im, g->sid, g->tooi);
	if (id < 0)
		return store_db_fail(im->s, "regeling zoeken", err, el);
	struct rec r = {.table = "collaboration", .entity = "collaboration"};
	if (!id) {
		char base[81], key[81];
		slug_make(g->title, 60, "roo", base, sizeof base);
		unique_key(im->s, "collaboration", "key", base, g->sid, key, sizeof key);
		snprintf(r.key, sizeof r.key, "%s", key);
		rec_add(&r, "key", key);
		rec_add(&r, "kind", "joint_arrangement");
		rec_addi(&r, "source_id", im->source_id);
	} else {
		db_stmt *st = store_stmt(im->s, "SELECT key FROM collaboration WHERE id = ?");
		if (st) {
			db_bind_int64(st, 1, id);
			if (db_step(st) == DB_ROW)
				snprintf(r.key, sizeof r.key, "%s", store_col_text(st, 0));
			db_reset(st);
		}
	}
	char unknown[2048], have[1024], want[1024];
	bool dom_changed = false;
	unknown_terms(im, g, unknown, sizeof unknown);
	rec_add(&r, "roo_system_id", g->sid);
	rec_add(&r, "tooi", g->tooi);
	rec_add(&r, "name", g->title);
	rec_add(&r, "short_name", g->short_name);
	rec_add(&r, "legal_form", g->legal_form);
	rec_add(&r, "powers", g->powers);
	rec_add(&r, "purpose", g->purpose ? g->purpose : "");
	rec_add(&r, "start_date", g->from);
	rec_add(&r, "end_date", g->to);
	rec_add(&r, "roo_previous", g->previous.sid);
	rec_add(&r, "roo_next", g->next.sid);
	rec_add(&r, "roo_bronhouder", g->bronhouder.sid[0] ? g->bronhouder.name : "");
	rec_add(&r, "roo_terms", unknown);
	int64_t cid;
	int unchanged_before = im->rep->unchanged[ROO_E_COLLAB];
	int rc = upsert(im, &r, id, ROO_E_COLLAB, false, &cid, err, el);
	if (rc)
		goto out;
	rc = set_domains(im, cid, g, &dom_changed, have, want, sizeof have, err, el);
	if (rc)
		goto out;
	if (dom_changed && id) {
		/* the domains alone changed: count and audit it as a change */
		if (im->rep->unchanged[ROO_E_COLLAB] > unchanged_before) {
			im->rep->unchanged[ROO_E_COLLAB]--;
			im->rep->changed[ROO_E_COLLAB]++;
		}
		json_t *b = json_pack("{s:s}", "domains", have);
		json_t *a = json_pack("{s:s}", "domains", want);
		char *bs = json_dumps(b, JSON_COMPACT), *as = json_dumps(a, JSON_COMPACT);
		rc = store_audit_write(im->s, ACTOR, VIA, im->source, "update", "collaboration",
				       r.key, bs, as);
		free(bs);
		free(as);
		json_decref(b);
		json_decref(a);
		if (rc) {
			rc = store_db_fail(im->s, "ROO-import: audit", err, el);
			goto out;
		}
	}
	if (mark_seen(im, 'c', cid)) {
		rc = store_db_fail(im->s, "ROO-import", err, el);
		goto out;
	}
	/* the body that carries out the regeling (regionaal samenwerkingsorgaan) */
	int64_t body = 0;
	if (g->body.sid[0] || g->body.tooi[0]) {
		body = find_org(im, g->body.sid, g->body.tooi);
		if (body > 0) {
			db_stmt *st = store_stmt(im->s, "UPDATE organisation SET collaboration_id "
							"= ? WHERE id = ? AND collaboration_id "
							"IS NULL");
			if (!st) {
				rc = store_db_fail(im->s, "samenwerkingsorgaan", err, el);
				goto out;
			}
			db_bind_int64(st, 1, cid);
			db_bind_int64(st, 2, body);
			if ((rc = store_step_done(im->s, st, "samenwerkingsorgaan", err, el)))
				goto out;
		}
	}
	/* participations are resolved after the whole file (a participant may be
	 * a regeling further on) */
	for (int i = 0; i < g->nparts; i++) {
		const struct roo_participant *p = &g->parts[i];
		db_stmt *st = store_stmt(
		    im->s, "INSERT INTO roo_part (collaboration_id, sid, tooi, name, joined, "
			   "share, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
		if (!st) {
			rc = store_db_fail(im->s, "deelnemers", err, el);
			goto out;
		}
		db_bind_int64(st, 1, cid);
		db_bind_text(st, 2, p->sid, -1, DB_STATIC);
		db_bind_text(st, 3, p->tooi, -1, DB_STATIC);
		db_bind_text(st, 4, p->name, -1, DB_STATIC);
		db_bind_text(st, 5, p->joined, -1, DB_STATIC);
		if (p->has_share)
			db_bind_double(st, 6, p->share);
		db_bind_text(st, 7, p->body, -1, DB_STATIC);
		if ((rc = store_step_done(im->s, st, "deelnemers", err, el)))
			goto out;
	}
	rc = put_functions(im, g->functions, g->nfunctions, body, "", cid, r.key, err, el);
out:
	rec_free(&r);
	return rc;
}

/* --- after the file --- */

static const char *body_code(const char *name)
{
	char t[256];
	lower(t, sizeof t, name);
	if (strstr(t, "algemeen bestuur"))
		return "algemeen_bestuur";
	if (strstr(t, "college") || strstr(t, "gedeputeerde staten") ||
	    strstr(t, "dagelijks bestuur"))
		return "college";
	if (strstr(t, "burgemeester"))
		return "burgemeester";
	if (strstr(t, "raad") || strstr(t, "staten"))
		return "raad";
	return "";
}

/* The organisation standing for a participant that is itself a regeling. */
static int regeling_org(struct imp *im, int64_t cid, int64_t *out, char *err, size_t el)
{
	*out = find_id_int(
	    im->s, "SELECT id FROM organisation WHERE collaboration_id = ? ORDER BY id", cid);
	if (*out)
		return *out > 0 ? STORE_OK : STORE_ERR;
	char sid[24] = "", name[256] = "";
	db_stmt *st =
	    store_stmt(im->s, "SELECT roo_system_id, name FROM collaboration WHERE id = ?");
	if (!st)
		return store_db_fail(im->s, "regeling als deelnemer", err, el);
	db_bind_int64(st, 1, cid);
	if (db_step(st) == DB_ROW) {
		snprintf(sid, sizeof sid, "%s", store_col_text(st, 0));
		snprintf(name, sizeof name, "%s", store_col_text(st, 1));
	}
	db_reset(st);
	char rsid[32];
	snprintf(rsid, sizeof rsid, "gr%s", sid);
	return put_org(im, rsid, "", name, "joint_arrangement_body", "", "", cid, out, err, el);
}

static int resolve_parts(struct imp *im, char *err, size_t el)
{
	db_stmt *q;
	if (db_prepare(im->s,
		       "SELECT p.collaboration_id, p.sid, p.tooi, p.name, p.joined, p.share, "
		       "p.body, c.key FROM roo_part p JOIN collaboration c ON c.id = "
		       "p.collaboration_id ORDER BY p.seq",
		       &q) != DB_OK)
		return store_db_fail(im->s, "deelnemers", err, el);
	int rc = STORE_OK;
	while (rc == STORE_OK && db_step(q) == DB_ROW) {
		int64_t cid = db_column_int64(q, 0);
		char sid[24], tooi[256], name[256], joined[11], body[256], ckey[81];
		snprintf(sid, sizeof sid, "%s", store_col_text(q, 1));
		snprintf(tooi, sizeof tooi, "%s", store_col_text(q, 2));
		snprintf(name, sizeof name, "%s", store_col_text(q, 3));
		snprintf(joined, sizeof joined, "%s", store_col_text(q, 4));
		bool has_share = db_column_type(q, 5) != DB_NULL;
		double share = db_column_double(q, 5);
		snprintf(body, sizeof body, "%s", store_col_text(q, 6));
		snprintf(ckey, sizeof ckey, "%s", store_col_text(q, 7));
		int64_t oid = find_org(im, sid, tooi);
		if (oid == 0) {
			int64_t pc = find_collab(im, sid, tooi);
			if (pc > 0)
				rc = regeling_org(im, pc, &oid, err, el);
			else
				rc = put_org(im, sid, tooi, name[0] ? name : sid,
					     org_kind("", tooi), "", "", 0, &oid, err, el);
			if (rc)
				break;
		}
		if (oid < 0) {
			rc = store_db_fail(im->s, "deelnemer zoeken", err, el);
			break;
		}
		db_stmt *st = store_stmt(im->s, "SELECT id FROM participation WHERE "
						"collaboration_id = ? AND organisation_id = ? "
						"ORDER BY left_on <> '', id");
		if (!st) {
			rc = store_db_fail(im->s, "deelname zoeken", err, el);
			break;
		}
		db_bind_int64(st, 1, cid);
		db_bind_int64(st, 2, oid);
		int64_t id = 0;
		while (db_step(st) == DB_ROW) {
			int64_t cand = db_column_int64(st, 0);
			if (!seen(im, 'd', cand)) {
				id = cand;
				break;
			}
		}
		db_reset(st);
		char code[81];
		org_code_of(im, oid, code, sizeof code);
		struct rec r = {.table = "participation", .entity = "participation"};
		snprintf(r.key, sizeof r.key, "%s/%s%s%s", ckey, code, joined[0] ? "/" : "",
			 joined);
		if (!id) {
			rec_addi(&r, "collaboration_id", cid);
			rec_addi(&r, "organisation_id", oid);
			rec_add(&r, "role", "deelnemer");
			rec_addi(&r, "source_id", im->source_id);
		}
		rec_add(&r, "body", body_code(body));
		if (has_share)
			rec_addf(&r, "cost_share", share);
		else
			rec_add(&r, "cost_share", NULL);
		rec_add(&r, "joined", joined);
		rec_add(&r, "left_on", "");
		int64_t out;
		rc = upsert(im, &r, id, ROO_E_PART, false, &out, err, el);
		rec_free(&r);
		if (rc == STORE_OK && mark_seen(im, 'd', out))
			rc = store_db_fail(im->s, "ROO-import", err, el);
	}
	db_finalize(q);
	return rc;
}

/* End every row of table that an earlier ROO import wrote and this file
 * does not hold: set col to the file's date (or, with flag_col, also 1). */
static int end_missing(struct imp *im, const char *table, char kind, const char *where,
		       const char *col, const char *flag_col, int ekind, const char *keysql,
		       char *err, size_t el)
{
	char sql[800];
	snprintf(sql, sizeof sql,
		 "SELECT t.id, %s FROM %s t WHERE %s AND t.%s = '' AND NOT EXISTS (SELECT 1 FROM "
		 "roo_seen s WHERE s.kind = '%c' AND s.id = t.id)",
		 keysql, table, where, col, kind);
	db_stmt *q;
	if (db_prepare(im->s, sql, &q) != DB_OK)
		return store_db_fail(im->s, "beëindigen", err, el);
	int rc = STORE_OK;
	/* collect first: updating while stepping the same table is unsafe */
	int64_t *ids = NULL;
	char **keys = NULL;
	int n = 0, cap = 0;
	while (db_step(q) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			ids = realloc(ids, (size_t)cap * sizeof *ids);
			keys = realloc(keys, (size_t)cap * sizeof *keys);
			if (!ids || !keys)
				abort();
		}
		ids[n] = db_column_int64(q, 0);
		keys[n] = strdup(store_col_text(q, 1));
		n++;
	}
	db_finalize(q);
	for (int i = 0; i < n && rc == STORE_OK; i++) {
		struct rec r = {.table = table, .entity = table};
		snprintf(r.key, sizeof r.key, "%s", keys[i]);
		rec_add(&r, col, im->date);
		if (flag_col)
			rec_addi(&r, flag_col, 1);
		int64_t out;
		rc = upsert(im, &r, ids[i], ekind, true, &out, err, el);
		rec_free(&r);
	}
	for (int i = 0; i < n; i++)
		free(keys[i]);
	free(ids);
	free(keys);
	return rc;
}

static int end_all_missing(struct imp *im, char *err, size_t el)
{
	if (end_missing(im, "collaboration", 'c', "t.roo_system_id <> ''", "end_date", NULL,
			ROO_E_COLLAB, "t.key", err, el))
		return STORE_ERR;
	if (end_missing(im, "organisation", 'o', "t.roo_system_id <> ''", "valid_to", "ended",
			ROO_E_ORG, "t.code", err, el))
		return STORE_ERR;
	if (end_missing(im, "participation", 'd',
			"t.collaboration_id IN (SELECT id FROM collaboration WHERE roo_system_id "
			"<> '')",
			"left_on", NULL, ROO_E_PART,
			"(SELECT c.key || '/' || o.code || CASE WHEN t.joined <> '' THEN '/' || "
			"t.joined ELSE '' END FROM collaboration c, organisation o WHERE c.id = "
			"t.collaboration_id AND o.id = t.organisation_id)",
			err, el))
		return STORE_ERR;
	if (end_missing(im, "seat", 's', "t.roo_system_id <> ''", "to_date", NULL, ROO_E_SEAT,
			"CAST(t.id AS TEXT)", err, el))
		return STORE_ERR;
	if (end_missing(im, "office", 'f', "t.roo_system_id <> ''", "to_date", NULL, ROO_E_OFFICE,
			"CAST(t.id AS TEXT)", err, el))
		return STORE_ERR;
	return STORE_OK;
}

int store_roo_report_changes(const struct roo_report *rep)
{
	int n = 0;
	for (int i = 0; i < ROO_E_COUNT; i++)
		n += rep->added[i] + rep->changed[i] + rep->ended[i];
	return n;
}

void store_roo_report_free(struct roo_report *rep)
{
	for (int i = 0; i < rep->nunknown; i++)
		free(rep->unknown_terms[i]);
	free(rep->unknown_terms);
	free(rep->unknown_counts);
	rep->unknown_terms = NULL;
	rep->unknown_counts = NULL;
	rep->nunknown = rep->ucap = 0;
}

int store_roo_import(struct store *s, const char *path, const char *map_csv, bool dry_run,
		     bool progress, struct roo_report *rep, char *err, size_t errlen)
{
	struct imp im = {.s = s, .rep = rep};
	int rc = STORE_ERR;
	bool in_tx = false;
	if (map_load(&im.map, map_csv) != 0) {
		store_set_err(err, errlen, "%s: tabel beleidsterreinen niet te lezen", map_csv);
		return STORE_ERR_INVALID;
	}
	/* roo_part keeps file order in seq (an identity column on PostgreSQL) */
	if (store_exec(
		s,
		db_engine(s) == DB_PG
		    ? "CREATE TEMP TABLE IF NOT EXISTS roo_seen (kind TEXT NOT NULL, id "
		      "BIGINT NOT NULL, PRIMARY KEY (kind, id));"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_part (seq BIGINT GENERATED BY "
		      "DEFAULT AS IDENTITY PRIMARY KEY, collaboration_id BIGINT, sid TEXT, "
		      "tooi TEXT, name TEXT, joined TEXT, share DOUBLE PRECISION, body TEXT);"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_dom (id BIGINT PRIMARY KEY);"
		      "DELETE FROM roo_seen; DELETE FROM roo_part; DELETE FROM roo_dom;"
		    : "CREATE TEMP TABLE IF NOT EXISTS roo_seen (kind TEXT NOT NULL, id "
		      "INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_part (seq INTEGER PRIMARY KEY, "
		      "collaboration_id INTEGER, sid TEXT, tooi TEXT, name TEXT, joined TEXT, "
		      "share REAL, body TEXT);"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_dom (id INTEGER PRIMARY KEY);"
		      "DELETE FROM roo_seen; DELETE FROM roo_part; DELETE FROM roo_dom;",
		"ROO-import voorbereiden", err, errlen))
		goto out;
	if (store_tx_begin(s, "transactie starten", err, errlen))
		goto out;
	in_tx = true;
	struct roo_handler h = {
	    .ctx = &im, .header = on_header, .org = on_org, .regeling = on_regeling};
	struct roo_stats stats = {0};
	if (roo_parse_file(path, &h, progress, &stats, err, errlen) != 0) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	rc = resolve_parts(&im, err, errlen);
	if (rc == STORE_OK)
		rc = end_all_missing(&im, err, errlen);
	if (rc != STORE_OK)
		goto out;
	if (store_roo_report_changes(rep) > 0) {
		rc = store_exec(s,
				"DELETE FROM search_fts;"
				"INSERT INTO search_fts (kind, key, name, short_name, purpose) "
				"SELECT 'c', key, name, short_name, purpose FROM collaboration;"
				"INSERT INTO search_fts (kind, key, name, short_name, purpose) "
				"SELECT 'o', code, name, trim(code || ' ' || cbs_code), '' FROM "
				"organisation;",
				"zoekindex bijwerken", err, errlen);
		if (rc == STORE_OK)
			rc = store_bump_data_version(s, err, errlen);
		if (rc != STORE_OK)
			goto out;
	}
	if (dry_run) {
		store_tx_rollback(s);
		in_tx = false;
		rc = STORE_OK;
		goto out;
	}
	rc = store_tx_commit(s, "transactie afronden", err, errlen);
	if (rc == STORE_OK)
		in_tx = false;
out:
	if (in_tx)
		store_tx_rollback(s);
	map_free(&im.map);
	return rc;
}
