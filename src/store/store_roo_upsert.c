/*
 * store_roo_upsert — the generic upsert of the ROO import (struct rec): look
 * the row up, compare the imported columns as text, INSERT or UPDATE
 * (version + 1) only when something differs, and write an audit event whose
 * before/after images are the compared columns; plus the term map (ROO
 * terms to domain keys), unique keys and the seen-set of the run. On either
 * engine through the db.h driver, inside the import's transaction.
 */
#include "store_roo_internal.h"

#include "../domain/slug.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --- small helpers --- */

void store_roo_rec_add(struct rec *r, const char *col, const char *v)
{
	r->col[r->n] = col;
	r->val[r->n] = v ? strdup(v) : NULL;
	r->real[r->n] = false;
	r->keep[r->n] = false;
	r->n++;
}

void store_roo_rec_addf(struct rec *r, const char *col, double v)
{
	char b[40];
	snprintf(b, sizeof b, "%.6g", v);
	store_roo_rec_add(r, col, b);
	r->real[r->n - 1] = true;
}

void store_roo_rec_addi(struct rec *r, const char *col, int64_t v)
{
	char b[32];
	snprintf(b, sizeof b, "%lld", (long long)v);
	store_roo_rec_add(r, col, b);
}

void store_roo_rec_free(struct rec *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->val[i]);
	r->n = 0;
}

void store_roo_lower(char *d, size_t n, const char *s)
{
	size_t i = 0;
	for (; s[i] && i + 1 < n; i++)
		d[i] = (char)tolower((unsigned char)s[i]);
	d[i] = '\0';
}

/* The last path segment of a TOOI id when it looks like a code (gm0344,
 * pv26, ws0636), else "". */
void store_roo_tooi_code(const char *tooi, char *out, size_t n)
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
	store_roo_lower(out, n, c);
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
int store_roo_upsert(struct imp *im, struct rec *r, int64_t id, int kind, bool ended,
		     int64_t *out_id, char *err, size_t el)
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
int64_t store_roo_find_id(struct store *s, const char *sql, const char *a, const char *b)
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

int64_t store_roo_find_id_int(struct store *s, const char *sql, int64_t a)
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

int store_roo_mark_seen(struct imp *im, char kind, int64_t id)
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

bool store_roo_seen(struct imp *im, char kind, int64_t id)
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
void store_roo_unique_key(struct store *s, const char *table, const char *col, const char *base,
			  const char *sid, char *out, size_t n)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE %s = ?", table, col);
	snprintf(out, n, "%s", base);
	if (store_roo_find_id(s, sql, out, NULL) == 0)
		return;
	snprintf(out, n, "%.60s-%s", base, sid);
	for (int i = 2; store_roo_find_id(s, sql, out, NULL) != 0 && i < 1000; i++)
		snprintf(out, n, "%.60s-%s-%d", base, sid, i);
}

/* --- the term map --- */

void store_roo_map_free(struct term_map *m)
{
	for (int i = 0; i < m->n; i++)
		free(m->term[i]), free(m->key[i]);
	free(m->term);
	free(m->key);
	memset(m, 0, sizeof *m);
}

/* Read "beleidsterrein,domein" lines; a quoted first field may hold commas. */
int store_roo_map_load(struct term_map *m, const char *path)
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

const char *store_roo_map_find(const struct term_map *m, const char *term)
{
	for (int i = 0; i < m->n; i++)
		if (strcasecmp(m->term[i], term) == 0)
			return m->key[i];
	return NULL;
}

int store_roo_map_term(const char *map_csv, const char *term, char *out, size_t outlen)
{
	struct term_map m = {0};
	if (store_roo_map_load(&m, map_csv) != 0)
		return -1;
	const char *k = store_roo_map_find(&m, term);
	if (k)
		snprintf(out, outlen, "%s", k);
	store_roo_map_free(&m);
	return k ? 0 : -1;
}

void store_roo_report_unknown(struct roo_report *rep, const char *term)
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
