/*
 * store_changeset — the SQL of the change-set import; see
 * store_changeset.h. Table driven: each table has a static descriptor of
 * the fields a change set may read or write (seed column name, SQL column,
 * type); statements are built from those descriptors only, every value is
 * bound.
 */
#include "store_changeset.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "../domain/changeset_rules.h"
#include "../domain/validate.h"
#include "store_internal.h"
#include "store_record.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ctype { T_TEXT, T_FLAG, T_INT, T_REAL, T_REF, T_DOMAINS };

struct cdesc {
	const char *name;   /* seed column name (the change files' name) */
	const char *column; /* SQL column; NULL for T_DOMAINS */
	enum ctype type;
	const char *ref_table, *ref_key; /* T_REF */
};

struct tdesc {
	const char *table;  /* SQL table = audit entity */
	const char *keycol; /* natural key column ("" for participations) */
	const struct cdesc *cols;
	int n;
	bool versioned; /* carries version (optimistic concurrency) */
	char reindex;	/* search index kind, 0 = none */
};

#define REF(t, k) T_REF, t, k
#define PLAIN(t) t, NULL, NULL

static const struct cdesc source_cols[] = {
    {"id", "key", PLAIN(T_TEXT)},
    {"title", "title", PLAIN(T_TEXT)},
    {"publisher", "publisher", PLAIN(T_TEXT)},
    {"url", "url", PLAIN(T_TEXT)},
    {"licence", "licence", PLAIN(T_TEXT)},
    {"attribution", "attribution", PLAIN(T_TEXT)},
    {"reference_date", "reference_date", PLAIN(T_TEXT)},
    {"retrieved", "retrieved", PLAIN(T_TEXT)},
    {"note", "note", PLAIN(T_TEXT)},
    {"kind", "kind", PLAIN(T_TEXT)},
};

static const struct cdesc org_cols[] = {
    {"code", "code", PLAIN(T_TEXT)},
    {"kind", "kind", PLAIN(T_TEXT)},
    {"name", "name", PLAIN(T_TEXT)},
    {"cbs_code", "cbs_code", PLAIN(T_TEXT)},
    {"tooi", "tooi", PLAIN(T_TEXT)},
    {"in_province", "in_province", PLAIN(T_FLAG)},
    {"valid_from", "valid_from", PLAIN(T_TEXT)},
    {"valid_to", "valid_to", PLAIN(T_TEXT)},
    {"successor_code", "successor_id", REF("organisation", "code")},
    {"population", "population", PLAIN(T_INT)},
    {"population_date", "population_date", PLAIN(T_TEXT)},
    {"area_km2", "area_km2", PLAIN(T_REAL)},
    {"collaboration_key", "collaboration_id", REF("collaboration", "key")},
    {"source_id", "source_id", REF("source", "key")},
    {"last_confirmed", "last_confirmed", PLAIN(T_TEXT)},
    {"note", "note", PLAIN(T_TEXT)},
    {"ended", "ended", PLAIN(T_FLAG)},
    {"former_names", "former_names", PLAIN(T_TEXT)},
};

static const struct cdesc collab_cols[] = {
    {"key", "key", PLAIN(T_TEXT)},
    {"name", "name", PLAIN(T_TEXT)},
    {"short_name", "short_name", PLAIN(T_TEXT)},
    {"kind", "kind", PLAIN(T_TEXT)},
    {"legal_form", "legal_form", PLAIN(T_TEXT)},
    {"powers", "powers", PLAIN(T_TEXT)},
    {"domains", NULL, PLAIN(T_DOMAINS)},
    {"phase", "phase", PLAIN(T_TEXT)},
    {"purpose", "purpose", PLAIN(T_TEXT)},
    {"seat", "seat", PLAIN(T_TEXT)},
    {"start_date", "start_date", PLAIN(T_TEXT)},
    {"end_date", "end_date", PLAIN(T_TEXT)},
    {"website", "website", PLAIN(T_TEXT)},
    {"source_id", "source_id", REF("source", "key")},
    {"last_confirmed", "last_confirmed", PLAIN(T_TEXT)},
    {"note", "note", PLAIN(T_TEXT)},
    {"former_names", "former_names", PLAIN(T_TEXT)},
};

static const struct cdesc part_cols[] = {
    {"collaboration_key", "collaboration_id", REF("collaboration", "key")},
    {"organisation_code", "organisation_id", REF("organisation", "code")},
    {"body", "body", PLAIN(T_TEXT)},
    {"role", "role", PLAIN(T_TEXT)},
    {"cost_share", "cost_share", PLAIN(T_REAL)},
    {"contribution_eur", "contribution_eur", PLAIN(T_INT)},
    {"joined", "joined", PLAIN(T_TEXT)},
    {"left", "left_on", PLAIN(T_TEXT)},
    {"source_id", "source_id", REF("source", "key")},
    {"last_confirmed", "last_confirmed", PLAIN(T_TEXT)},
    {"note", "note", PLAIN(T_TEXT)},
};

#define COLS(c) c, (int)(sizeof c / sizeof c[0])

static const struct tdesc t_source = {"source", "key", COLS(source_cols), false, 0};
static const struct tdesc t_org = {"organisation", "code", COLS(org_cols), true, 'o'};
static const struct tdesc t_collab = {"collaboration", "key", COLS(collab_cols), true, 'c'};
static const struct tdesc t_part = {"participation", "", COLS(part_cols), true, 0};

static const struct cdesc *col_of(const struct tdesc *t, const char *name)
{
	for (int i = 0; name && i < t->n; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	return NULL;
}

/*
 * An uncached statement for SQL this file builds from its descriptors: the
 * texts vary per table and field and a change-set import is rare, so they
 * stay out of the connection's statement cache. db_finalize it.
 */
static db_stmt *prep(struct store *s, const char *sql)
{
	db_stmt *st = NULL;
	if (!sql || db_prepare(s, sql, &st) != DB_OK) {
		store_db_fail(s, "opdracht voorbereiden", NULL, 0);
		return NULL;
	}
	return st;
}

/* Step an uncached statement once and finalize it: STORE_OK when it ran. */
static int run_once(struct store *s, db_stmt *st, const char *what)
{
	int rc = db_step(st);
	int ret = rc == DB_DONE || rc == DB_ROW ? STORE_OK : store_db_fail(s, what, NULL, 0);
	db_finalize(st);
	return ret;
}

const char *store_cs_get(const struct cs_record *r, const char *field)
{
	for (int i = 0; r && field && i < r->n; i++)
		if (strcmp(r->names[i], field) == 0)
			return r->values[i] ? r->values[i] : "";
	return "";
}

/* ------------------------------------------------------------- reading */

/* "SELECT t.id, <every column> FROM table t " */
static void select_sql(struct buf *b, const struct tdesc *t)
{
	buf_puts(b, "SELECT t.id");
	for (int i = 0; i < t->n; i++) {
		const struct cdesc *c = &t->cols[i];
		if (c->type == T_REF)
			buf_printf(b, ", coalesce((SELECT r.%s FROM %s r WHERE r.id = t.%s), '')",
				   c->ref_key, c->ref_table, c->column);
		else if (c->type == T_DOMAINS)
			buf_puts(b,
				 ", coalesce((SELECT group_concat(k, ';') FROM (SELECT d.key AS k "
				 "FROM collaboration_domain cd JOIN domain d ON d.id = "
				 "cd.domain_id WHERE cd.collaboration_id = t.id ORDER BY d.key) "
				 "AS ks), '')");
		else
			buf_printf(b, ", t.%s", c->column);
	}
	buf_printf(b, " FROM %s t ", t->table);
}

static void read_record(db_stmt *st, struct arena *a, const struct tdesc *t, struct cs_record *r)
{
	r->id = db_column_int64(st, 0);
	r->n = t->n;
	r->names = arena_calloc(a, (size_t)t->n, sizeof *r->names);
	r->values = arena_calloc(a, (size_t)t->n, sizeof *r->values);
	for (int i = 0; i < t->n; i++) {
		char tmp[48];
		r->names[i] = t->cols[i].name;
		r->values[i] = arena_strdup(a, store_rec_field_text(st, i + 1, tmp));
	}
	r->key = t->keycol[0] ? store_cs_get(r, t->cols[0].name) : "";
}

static int get_one(struct store *s, struct arena *a, const struct tdesc *t, const char *key,
		   struct cs_record *out)
{
	memset(out, 0, sizeof *out);
	struct buf b = BUF_INIT;
	select_sql(&b, t);
	buf_printf(&b, "WHERE t.%s = ?", t->keycol);
	db_stmt *st = prep(s, b.data);
	buf_free(&b);
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, key ? key : "", -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_record(st, a, t, out);
	db_finalize(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return store_db_fail(s, "record lezen", NULL, 0);
}

int store_cs_source(struct store *s, struct arena *a, const char *key, struct cs_record *out)
{
	return get_one(s, a, &t_source, key, out);
}

int store_cs_org(struct store *s, struct arena *a, const char *code, struct cs_record *out)
{
	return get_one(s, a, &t_org, code, out);
}

int store_cs_collab(struct store *s, struct arena *a, const char *key, struct cs_record *out)
{
	return get_one(s, a, &t_collab, key, out);
}

int store_cs_parts(struct store *s, struct arena *a, const char *collab_key, struct cs_record **out,
		   int *n)
{
	*out = NULL;
	*n = 0;
	struct buf b = BUF_INIT;
	select_sql(&b, &t_part);
	buf_puts(&b, "WHERE t.collaboration_id = (SELECT id FROM collaboration WHERE key = ?) "
		     "ORDER BY t.id");
	db_stmt *st = prep(s, b.data);
	buf_free(&b);
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, collab_key ? collab_key : "", -1, DB_STATIC);
	int cap = 0, rc;
	struct cs_record *rows = NULL;
	while ((rc = db_step(st)) == DB_ROW) {
		rows = store_grow(a, rows, *n, &cap, sizeof *rows);
		memset(&rows[*n], 0, sizeof rows[*n]);
		read_record(st, a, &t_part, &rows[*n]);
		(*n)++;
	}
	db_finalize(st);
	*out = rows;
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, "deelnames lezen", NULL, 0);
}

int store_cs_domain_exists(struct store *s, const char *key)
{
	return store_row_exists(s, "SELECT 1 FROM domain WHERE key = ?", key ? key : "", 0);
}

int store_cs_first_event(struct store *s, const char *title, int64_t *audit_id)
{
	*audit_id = 0;
	db_stmt *st = store_stmt(s, "SELECT coalesce(min(a.id), 0) FROM audit_event a JOIN "
				    "import_batch b ON b.id = a.batch_id WHERE b.title = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, title ? title : "", -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*audit_id = db_column_int64(st, 0);
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : store_db_fail(s, "import opzoeken", NULL, 0);
}

int store_cs_touched_since(struct store *s, const char *entity, const char *key, bool prefix,
			   int64_t audit_id, const char *title)
{
	db_stmt *st = store_stmt(
	    s, "SELECT EXISTS (SELECT 1 FROM audit_event a LEFT JOIN import_batch b ON b.id = "
	       "a.batch_id WHERE a.entity = ?1 AND (CAST(?6 AS INTEGER) = 0 AND a.entity_key = ?2 "
	       "OR CAST(?6 AS INTEGER) = 1 AND a.entity_key >= ?3 AND a.entity_key < ?4) AND "
	       "a.id > ?5 AND (b.title IS NULL OR b.title <> ?7))");
	if (!st)
		return -1;
	char lo[400], hi[400];
	snprintf(lo, sizeof lo, "%s/", key ? key : "");
	snprintf(hi, sizeof hi, "%s0", key ? key : ""); /* '0' follows '/' */
	db_bind_text(st, 1, entity, -1, DB_STATIC);
	db_bind_text(st, 2, key ? key : "", -1, DB_STATIC);
	db_bind_text(st, 3, lo, -1, DB_TRANSIENT);
	db_bind_text(st, 4, hi, -1, DB_TRANSIENT);
	db_bind_int64(st, 5, audit_id);
	db_bind_int(st, 6, prefix ? 1 : 0);
	db_bind_text(st, 7, title ? title : "", -1, DB_STATIC);
	int rc = db_step(st);
	int yes = rc == DB_ROW ? db_column_int(st, 0) != 0 : -1;
	db_reset(st);
	if (yes < 0)
		store_db_fail(s, "wijzigingen opzoeken", NULL, 0);
	return yes;
}

/* ------------------------------------------------------------- writing */

static void value_expr(struct buf *b, const struct cdesc *c)
{
	if (c->type == T_REF)
		buf_printf(b, "(SELECT id FROM %s WHERE %s = ?)", c->ref_table, c->ref_key);
	else
		buf_puts(b, "?");
}

static void bind_value(db_stmt *st, int i, const struct cdesc *c, const char *v)
{
	v = v ? v : "";
	switch (c->type) {
	case T_INT:
		if (*v)
			db_bind_int64(st, i, strtoll(v, NULL, 10));
		else
			db_bind_null(st, i);
		break;
	case T_REAL:
		if (*v)
			db_bind_double(st, i, strtod(v, NULL));
		else
			db_bind_null(st, i);
		break;
	case T_FLAG:
		db_bind_int(st, i, strcmp(v, "1") == 0);
		break;
	case T_REF:
		if (*v)
			db_bind_text(st, i, v, -1, DB_STATIC);
		else
			db_bind_null(st, i);
		break;
	default:
		db_bind_text(st, i, v, -1, DB_STATIC);
	}
}

/* Replace the collaboration's domains by the ';'-separated keys. */
static int write_domains(struct store *s, int64_t id, const char *list)
{
	db_stmt *st = store_stmt(s, "DELETE FROM collaboration_domain WHERE collaboration_id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	if (store_step_done(s, st, "beleidsdomeinen schrijven", NULL, 0))
		return STORE_ERR;
	char keys[VALIDATE_MAX_DOMAINS][81];
	int nd = validate_split_domains(list, keys, VALIDATE_MAX_DOMAINS);
	for (int i = 0; i < nd; i++) {
		st = store_stmt(s, "INSERT INTO collaboration_domain (collaboration_id, domain_id) "
				   "SELECT ?, id FROM domain WHERE key = ? ON CONFLICT DO NOTHING");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, keys[i], -1, DB_STATIC);
		if (store_step_done(s, st, "beleidsdomeinen schrijven", NULL, 0))
			return STORE_ERR;
	}
	return STORE_OK;
}

/* The name of a field in an audit image: the seed column name, except
 * for references, which domain/diff.c knows by their entity name. */
static const char *audit_name(const char *field)
{
	static const char *const map[][2] = {
	    {"source_id", "source"},
	    {"successor_code", "successor"},
	    {"organisation_code", "organisation"},
	    {"collaboration_key", "collaboration"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(field, map[i][0]) == 0)
			return map[i][1];
	return field;
}

/* Compact JSON of the given fields (values as strings). */
static char *image(const struct cs_value *v, int n)
{
	json_t *o = json_object();
	for (int i = 0; i < n; i++)
		store_json_set(o, audit_name(v[i].field), v[i].value);
	return store_json_text(o);
}

/* The audit key of a participation: "<collab key>/<id>". */
static char *part_audit_key(struct store *s, int64_t id)
{
	db_stmt *st = store_stmt(s, "SELECT c.key FROM participation p JOIN collaboration c "
				    "ON c.id = p.collaboration_id WHERE p.id = ?");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, id);
	char *k = NULL;
	if (db_step(st) == DB_ROW) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "%s/%lld", store_col_text(st, 0), (long long)id);
		k = buf_detach(&b, NULL);
		buf_free(&b);
	}
	db_reset(st);
	return k;
}

static int insert_rec(struct store *s, const struct write_ctx *w, const struct tdesc *t,
		      const struct cs_value *v, int n, int64_t *id_out)
{
	struct buf b = BUF_INIT;
	const char *domains = NULL;
	int ncol = 0;
	for (int i = 0; i < n; i++)
		if (!col_of(t, v[i].field))
			return STORE_ERR_INVALID;
	buf_printf(&b, "INSERT INTO %s (", t->table);
	for (int i = 0; i < n; i++) {
		const struct cdesc *c = col_of(t, v[i].field);
		if (c->type == T_DOMAINS) {
			domains = v[i].value;
			continue;
		}
		buf_printf(&b, "%s%s", ncol++ ? ", " : "", c->column);
	}
	buf_puts(&b, ") VALUES (");
	ncol = 0;
	for (int i = 0; i < n; i++) {
		const struct cdesc *c = col_of(t, v[i].field);
		if (c->type == T_DOMAINS)
			continue;
		if (ncol++)
			buf_puts(&b, ", ");
		value_expr(&b, c);
	}
	buf_puts(&b, ")");
	int rc = STORE_ERR;
	char *after = NULL, *key = NULL;
	if (store_write_begin(s)) {
		buf_free(&b);
		return STORE_ERR;
	}
	db_stmt *st = prep(s, b.data);
	buf_free(&b);
	if (!st)
		goto out;
	int p = 1;
	for (int i = 0; i < n; i++) {
		const struct cdesc *c = col_of(t, v[i].field);
		if (c->type != T_DOMAINS)
			bind_value(st, p++, c, v[i].value);
	}
	if (run_once(s, st, "record toevoegen"))
		goto out;
	int64_t id = db_last_insert_id(s);
	if (domains && write_domains(s, id, domains))
		goto out;
	if (t->keycol[0]) {
		const char *k = "";
		for (int i = 0; i < n; i++)
			if (strcmp(v[i].field, t->cols[0].name) == 0)
				k = v[i].value;
		key = xstrdup(k ? k : "");
	} else {
		key = part_audit_key(s, id);
		if (!key)
			goto out;
	}
	if (t->reindex && store_reindex(s, t->reindex, key, id))
		goto out;
	after = image(v, n);
	if (store_write_finish(s, w, "insert", t->table, key, NULL, after))
		goto out;
	if (id_out)
		*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	free(key);
	return rc;
}

int store_cs_source_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v,
			   int n)
{
	return insert_rec(s, w, &t_source, v, n, NULL);
}

int store_cs_org_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v, int n)
{
	return insert_rec(s, w, &t_org, v, n, NULL);
}

int store_cs_collab_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v,
			   int n)
{
	return insert_rec(s, w, &t_collab, v, n, NULL);
}

int store_cs_part_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v,
			 int n, int64_t *id)
{
	return insert_rec(s, w, &t_part, v, n, id);
}

/* Is name one of the "; "-separated items of list? */
static bool in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; p && *p;) {
		const char *e = strstr(p, "; ");
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p = e ? e + 2 : p + len;
	}
	return false;
}

/*
 * Update the fields v of the record found by key (or, for participations,
 * id). The old values come from a fresh read inside the transaction.
 */
static int update_rec(struct store *s, const struct write_ctx *w, const struct tdesc *t,
		      const char *key, int64_t id, const struct cs_value *v, int n)
{
	for (int i = 0; i < n; i++)
		if (!col_of(t, v[i].field) || strcmp(v[i].field, "former_names") == 0)
			return STORE_ERR_INVALID;
	struct arena *a = arena_new();
	struct cs_record old;
	char *before = NULL, *after = NULL, *akey = NULL;
	int rc = STORE_ERR;
	if (store_write_begin(s)) {
		arena_free(a);
		return STORE_ERR;
	}
	if (t->keycol[0]) {
		rc = get_one(s, a, t, key, &old);
	} else {
		struct buf b = BUF_INIT;
		select_sql(&b, t);
		buf_puts(&b, "WHERE t.id = ?");
		db_stmt *st = prep(s, b.data);
		buf_free(&b);
		rc = STORE_ERR;
		if (st) {
			db_bind_int64(st, 1, id);
			int r = db_step(st);
			if (r == DB_ROW)
				read_record(st, a, t, &old);
			db_finalize(st);
			rc = r == DB_ROW ? STORE_OK : r == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
		}
	}
	if (rc != STORE_OK)
		goto out;
	rc = STORE_ERR;
	/* the images: the fields set, plus what names a participation */
	json_t *jb = json_object(), *ja = json_object();
	if (!t->keycol[0]) {
		store_json_set(jb, "collaboration", store_cs_get(&old, "collaboration_key"));
		store_json_set(jb, "organisation", store_cs_get(&old, "organisation_code"));
		store_json_set(ja, "collaboration", store_cs_get(&old, "collaboration_key"));
		store_json_set(ja, "organisation", store_cs_get(&old, "organisation_code"));
	}
	const char *former = NULL;
	for (int i = 0; i < n; i++) {
		const struct cdesc *c = col_of(t, v[i].field);
		const char *was = store_cs_get(&old, v[i].field);
		store_json_set(jb, audit_name(v[i].field), was);
		store_json_set(ja, audit_name(v[i].field), v[i].value);
		if (strcmp(v[i].field, "name") == 0 && col_of(t, "former_names") && *was &&
		    strcmp(was, v[i].value ? v[i].value : "") != 0) {
			const char *f = store_cs_get(&old, "former_names");
			if (!in_list(f, was))
				former = *f ? arena_printf(a, "%s; %s", f, was) : was;
		}
		if (c->type == T_DOMAINS) {
			if (write_domains(s, old.id, v[i].value ? v[i].value : ""))
				goto out_json;
			continue;
		}
		struct buf b = BUF_INIT;
		buf_printf(&b, "UPDATE %s SET %s = ", t->table, c->column);
		value_expr(&b, c);
		buf_puts(&b, " WHERE id = ?");
		db_stmt *st = prep(s, b.data);
		buf_free(&b);
		if (!st)
			goto out_json;
		bind_value(st, 1, c, v[i].value);
		db_bind_int64(st, 2, old.id);
		if (run_once(s, st, "record bijwerken"))
			goto out_json;
	}
	if (former) {
		db_stmt *st =
		    store_stmt(s, t->reindex == 'o'
				      ? "UPDATE organisation SET former_names = ? WHERE id = ?"
				      : "UPDATE collaboration SET former_names = ? WHERE id = ?");
		if (!st)
			goto out_json;
		db_bind_text(st, 1, former, -1, DB_STATIC);
		db_bind_int64(st, 2, old.id);
		if (store_step_done(s, st, "vorige naam bewaren", NULL, 0))
			goto out_json;
		store_json_set(jb, "former_names", store_cs_get(&old, "former_names"));
		store_json_set(ja, "former_names", former);
	}
	if (t->versioned) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "UPDATE %s SET version = version + 1 WHERE id = ?", t->table);
		db_stmt *st = prep(s, b.data);
		buf_free(&b);
		if (!st)
			goto out_json;
		db_bind_int64(st, 1, old.id);
		if (run_once(s, st, "versie bijwerken"))
			goto out_json;
	}
	akey = t->keycol[0] ? xstrdup(old.key) : part_audit_key(s, old.id);
	if (!akey)
		goto out_json;
	if (t->reindex && store_reindex(s, t->reindex, akey, old.id))
		goto out_json;
	before = store_json_text(jb);
	after = store_json_text(ja);
	jb = ja = NULL;
	if (store_write_finish(s, w, "update", t->table, akey, before, after))
		goto out;
	rc = STORE_OK;
	goto out;
out_json:
	json_decref(jb);
	json_decref(ja);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	free(after);
	free(akey);
	arena_free(a);
	return rc;
}

int store_cs_source_update(struct store *s, const struct write_ctx *w, const char *key,
			   const struct cs_value *v, int n)
{
	return update_rec(s, w, &t_source, key, 0, v, n);
}

int store_cs_org_update(struct store *s, const struct write_ctx *w, const char *code,
			const struct cs_value *v, int n)
{
	return update_rec(s, w, &t_org, code, 0, v, n);
}

int store_cs_collab_update(struct store *s, const struct write_ctx *w, const char *key,
			   const struct cs_value *v, int n)
{
	return update_rec(s, w, &t_collab, key, 0, v, n);
}

int store_cs_part_update(struct store *s, const struct write_ctx *w, int64_t id,
			 const struct cs_value *v, int n)
{
	return update_rec(s, w, &t_part, NULL, id, v, n);
}

int store_cs_provenance(struct store *s, const struct write_ctx *w, const char *audit_key,
			const struct provenance_input *old, const struct provenance_input *p)
{
	if (store_write_begin(s))
		return STORE_ERR;
	int rc = store_provenance_put(s, w, p);
	if (rc == STORE_OK) {
		/* Dutch keys naming the field: the history pages show a key they
		 * do not know as it is, and only what changed */
		bool claim = p->status && strcmp(p->status, "unconfirmed") == 0;
		const char *label = cs_field_label(p->field);
		char kv[160], ks[160], kc[160];
		snprintf(kv, sizeof kv, "%s (niet bevestigd)", label);
		snprintf(ks, sizeof ks, "bron van %s%s", label, claim ? " (niet bevestigd)" : "");
		snprintf(kc, sizeof kc, "zekerheid van %s%s", label,
			 claim ? " (niet bevestigd)" : "");
		json_t *jb = json_object(), *ja = json_object();
		if (claim) {
			store_json_set(jb, kv, old ? old->value : "");
			store_json_set(ja, kv, p->value);
		}
		store_json_set(jb, ks, old ? old->source_key : "");
		store_json_set(ja, ks, p->source_key);
		store_json_set(jb, kc, old ? old->confidence : "");
		store_json_set(ja, kc, p->confidence);
		char *before = store_json_text(jb), *after = store_json_text(ja);
		rc = store_write_finish(s, w, "update", p->entity, audit_key, before, after);
		free(before);
		free(after);
	}
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}
