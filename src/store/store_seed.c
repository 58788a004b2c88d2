/*
 * store_seed — the seed import: bring the five seed tables (sources,
 * domains, organisations, collaborations, participations; read by
 * io/seed.c) into the database, and the search-index rebuild it shares
 * with the other writers.
 *
 * The import is table driven: each seed file has a descriptor listing its
 * columns (SQL column, CSV column, type, referenced table). From that the
 * importer builds the SELECT/INSERT/UPDATE statements (identifiers come only
 * from these static descriptors; every value is bound), turns each CSV row
 * into a JSON object in the same shape as the stored row, and compares the
 * two: equal rows are left alone, different ones are updated, missing ones
 * inserted. The same JSON objects become the audit before/after images.
 * References are kept as keys in those objects (the source key, not its
 * database id), so the audit log reads without joins. A seed update of a
 * collaboration, organisation or participation also bumps its optimistic
 * `version`. Everything runs in one write transaction on either engine.
 *
 * Not here: parsing the CSV files (io/seed.c), deleting rows the seed no
 * longer has (retirements are recorded by hand), HTML, HTTP.
 */
#include "store.h"
#include "../domain/labels.h"
#include "../domain/validate.h"
#include "../io/seed.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const seed_table_names[SEED_TABLES] = {
    [SEED_SOURCES] = "sources",	     [SEED_DOMAINS] = "domains",
    [SEED_ORGS] = "organisations",   [SEED_COLLABS] = "collaborations",
    [SEED_PARTS] = "participations",
};

enum col_type {
	CT_TEXT,   /* TEXT, '' when empty */
	CT_INT,	   /* INTEGER, NULL when empty */
	CT_REAL,   /* REAL, NULL when empty */
	CT_FLAG,   /* INTEGER 0/1, 0 when empty */
	CT_REF,	   /* INTEGER id of ref_table; compared and audited as its key */
	CT_DOMAINS /* collaboration_domain rows, as sorted ';'-joined keys */
};

struct col_desc {
	const char *name;   /* property in the audit JSON */
	const char *column; /* SQL column; NULL for CT_DOMAINS */
	int csv;	    /* index in the seed row */
	enum col_type type;
	const char *ref_table; /* CT_REF: referenced table */
	const char *ref_key;   /* CT_REF: its key column */
	const char *ref_what;  /* CT_REF: Dutch noun for messages */
};

struct table_desc {
	enum seed_table seed;		/* report slot and file stem */
	const char *table;		/* SQL table = audit entity */
	const char *const *csv_columns; /* header of the seed file */
	int ncsv;
	int (*validate)(const char *const *f, char *err, size_t errlen);
	const struct col_desc *cols;
	int ncols;
	int nkeys; /* the first nkeys columns identify a row */
};

#define REF(table, key, what) CT_REF, table, key, what
#define COLS(a) a, (int)(sizeof a / sizeof a[0])

static const struct col_desc source_cols[] = {
    {"key", "key", SEED_SRC_ID, CT_TEXT, NULL, NULL, NULL},
    {"title", "title", SEED_SRC_TITLE, CT_TEXT, NULL, NULL, NULL},
    {"publisher", "publisher", SEED_SRC_PUBLISHER, CT_TEXT, NULL, NULL, NULL},
    {"url", "url", SEED_SRC_URL, CT_TEXT, NULL, NULL, NULL},
    {"licence", "licence", SEED_SRC_LICENCE, CT_TEXT, NULL, NULL, NULL},
    {"attribution", "attribution", SEED_SRC_ATTRIBUTION, CT_TEXT, NULL, NULL, NULL},
    {"reference_date", "reference_date", SEED_SRC_REFERENCE_DATE, CT_TEXT, NULL, NULL, NULL},
    {"retrieved", "retrieved", SEED_SRC_RETRIEVED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_SRC_NOTE, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc domain_cols[] = {
    {"key", "key", SEED_DOM_KEY, CT_TEXT, NULL, NULL, NULL},
    {"name", "name", SEED_DOM_NAME, CT_TEXT, NULL, NULL, NULL},
    {"description", "description", SEED_DOM_DESCRIPTION, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc collab_cols[] = {
    {"key", "key", SEED_COL_KEY, CT_TEXT, NULL, NULL, NULL},
    {"name", "name", SEED_COL_NAME, CT_TEXT, NULL, NULL, NULL},
    {"short_name", "short_name", SEED_COL_SHORT_NAME, CT_TEXT, NULL, NULL, NULL},
    {"kind", "kind", SEED_COL_KIND, CT_TEXT, NULL, NULL, NULL},
    {"legal_form", "legal_form", SEED_COL_LEGAL_FORM, CT_TEXT, NULL, NULL, NULL},
    {"powers", "powers", SEED_COL_POWERS, CT_TEXT, NULL, NULL, NULL},
    {"domains", NULL, SEED_COL_DOMAINS, CT_DOMAINS, NULL, NULL, NULL},
    {"phase", "phase", SEED_COL_PHASE, CT_TEXT, NULL, NULL, NULL},
    {"purpose", "purpose", SEED_COL_PURPOSE, CT_TEXT, NULL, NULL, NULL},
    {"seat", "seat", SEED_COL_SEAT, CT_TEXT, NULL, NULL, NULL},
    {"start_date", "start_date", SEED_COL_START_DATE, CT_TEXT, NULL, NULL, NULL},
    {"end_date", "end_date", SEED_COL_END_DATE, CT_TEXT, NULL, NULL, NULL},
    {"website", "website", SEED_COL_WEBSITE, CT_TEXT, NULL, NULL, NULL},
    {"source", "source_id", SEED_COL_SOURCE_ID, REF("source", "key", "bron")},
    {"last_confirmed", "last_confirmed", SEED_COL_LAST_CONFIRMED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_COL_NOTE, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc org_cols[] = {
    {"code", "code", SEED_ORG_CODE, CT_TEXT, NULL, NULL, NULL},
    {"kind", "kind", SEED_ORG_KIND, CT_TEXT, NULL, NULL, NULL},
    {"name", "name", SEED_ORG_NAME, CT_TEXT, NULL, NULL, NULL},
    {"cbs_code", "cbs_code", SEED_ORG_CBS_CODE, CT_TEXT, NULL, NULL, NULL},
    {"tooi", "tooi", SEED_ORG_TOOI, CT_TEXT, NULL, NULL, NULL},
    {"in_province", "in_province", SEED_ORG_IN_PROVINCE, CT_FLAG, NULL, NULL, NULL},
    {"valid_from", "valid_from", SEED_ORG_VALID_FROM, CT_TEXT, NULL, NULL, NULL},
    {"valid_to", "valid_to", SEED_ORG_VALID_TO, CT_TEXT, NULL, NULL, NULL},
    {"ended", "ended", SEED_ORG_ENDED, CT_FLAG, NULL, NULL, NULL},
    {"successor", "successor_id", SEED_ORG_SUCCESSOR_CODE, REF("organisation", "code", "opvolger")},
    {"population", "population", SEED_ORG_POPULATION, CT_INT, NULL, NULL, NULL},
    {"population_date", "population_date", SEED_ORG_POPULATION_DATE, CT_TEXT, NULL, NULL, NULL},
    {"area_km2", "area_km2", SEED_ORG_AREA_KM2, CT_REAL, NULL, NULL, NULL},
    {"collaboration", "collaboration_id", SEED_ORG_COLLABORATION_KEY,
     REF("collaboration", "key", "samenwerkingsverband")},
    {"source", "source_id", SEED_ORG_SOURCE_ID, REF("source", "key", "bron")},
    {"last_confirmed", "last_confirmed", SEED_ORG_LAST_CONFIRMED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_ORG_NOTE, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc part_cols[] = {
    {"collaboration", "collaboration_id", SEED_PAR_COLLABORATION_KEY,
     REF("collaboration", "key", "samenwerkingsverband")},
    {"organisation", "organisation_id", SEED_PAR_ORGANISATION_CODE,
     REF("organisation", "code", "organisatie")},
    {"joined", "joined", SEED_PAR_JOINED, CT_TEXT, NULL, NULL, NULL},
    {"body", "body", SEED_PAR_BODY, CT_TEXT, NULL, NULL, NULL},
    {"role", "role", SEED_PAR_ROLE, CT_TEXT, NULL, NULL, NULL},
    {"cost_share", "cost_share", SEED_PAR_COST_SHARE, CT_REAL, NULL, NULL, NULL},
    {"contribution_eur", "contribution_eur", SEED_PAR_CONTRIBUTION_EUR, CT_INT, NULL, NULL, NULL},
    {"left", "left_on", SEED_PAR_LEFT, CT_TEXT, NULL, NULL, NULL},
    {"source", "source_id", SEED_PAR_SOURCE_ID, REF("source", "key", "bron")},
    {"last_confirmed", "last_confirmed", SEED_PAR_LAST_CONFIRMED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_PAR_NOTE, CT_TEXT, NULL, NULL, NULL},
};

/* In import order: referenced tables first. */
static const struct table_desc tables[SEED_TABLES] = {
    {SEED_SOURCES, "source", source_columns, SEED_SRC_NCOLS, validate_source_row, COLS(source_cols),
     1},
    {SEED_DOMAINS, "domain", domain_columns, SEED_DOM_NCOLS, validate_domain_row, COLS(domain_cols),
     1},
    {SEED_COLLABS, "collaboration", collab_columns, SEED_COL_NCOLS, validate_collab_row,
     COLS(collab_cols), 1},
    {SEED_ORGS, "organisation", org_columns, SEED_ORG_NCOLS, validate_org_row, COLS(org_cols), 1},
    {SEED_PARTS, "participation", part_columns, SEED_PAR_NCOLS, validate_part_row, COLS(part_cols),
     3},
};

/* The SQL built from one descriptor, at the start of an import. */
struct table_sql {
	char *select; /* id + every column (refs as keys) by natural key */
	char *insert;
	char *update;	   /* ... WHERE id = ? (last parameter) */
	char *update_bump; /* the same, also version + 1 where the table has one */
};

struct import_ctx {
	struct store *s;
	const char *actor;
	struct import_report *rep;
	char *err;
	size_t errlen;
};

/* SELECT expression giving a column the way the JSON image holds it. */
static void select_expr(struct buf *b, const struct col_desc *c)
{
	switch (c->type) {
	case CT_REF:
		buf_printf(b, "coalesce((SELECT r.%s FROM %s r WHERE r.id = t.%s), '')", c->ref_key,
			   c->ref_table, c->column);
		break;
	case CT_DOMAINS:
		buf_puts(b, "coalesce((SELECT group_concat(k, ';') FROM (SELECT d.key AS k "
			    "FROM collaboration_domain cd JOIN domain d ON d.id = cd.domain_id "
			    "WHERE cd.collaboration_id = t.id ORDER BY d.key) AS ks), '')");
		break;
	default:
		buf_printf(b, "t.%s", c->column);
	}
}

/* Parameter expression for writing a column from its JSON value. */
static void value_expr(struct buf *b, const struct col_desc *c)
{
	if (c->type == CT_REF)
		buf_printf(b, "(SELECT id FROM %s WHERE %s = ?)", c->ref_table, c->ref_key);
	else
		buf_puts(b, "?");
}

static void build_sql(const struct table_desc *t, struct table_sql *q)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "SELECT t.id");
	for (int i = 0; i < t->ncols; i++) {
		buf_puts(&b, ", ");
		select_expr(&b, &t->cols[i]);
	}
	buf_printf(&b, " FROM %s t WHERE ", t->table);
	for (int i = 0; i < t->nkeys; i++) {
		buf_printf(&b, "%st.%s = ", i ? " AND " : "", t->cols[i].column);
		value_expr(&b, &t->cols[i]);
	}
	q->select = buf_detach(&b, NULL);

	buf_printf(&b, "INSERT INTO %s (", t->table);
	int n = 0;
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].type != CT_DOMAINS)
			buf_printf(&b, "%s%s", n++ ? ", " : "", t->cols[i].column);
	buf_puts(&b, ") VALUES (");
	n = 0;
	for (int i = 0; i < t->ncols; i++) {
		if (t->cols[i].type == CT_DOMAINS)
			continue;
		if (n++)
			buf_puts(&b, ", ");
		value_expr(&b, &t->cols[i]);
	}
	buf_puts(&b, ")");
	q->insert = buf_detach(&b, NULL);

	buf_printf(&b, "UPDATE %s SET ", t->table);
	n = 0;
	for (int i = 0; i < t->ncols; i++) {
		if (t->cols[i].type == CT_DOMAINS)
			continue;
		buf_printf(&b, "%s%s = ", n++ ? ", " : "", t->cols[i].column);
		value_expr(&b, &t->cols[i]);
	}
	/* registry records carry an optimistic version (migration 2): a
	 * changed row gets version + 1, like an edit through the web */
	char *set = buf_detach(&b, NULL);
	buf_printf(&b, "%s WHERE id = ?", set ? set : "");
	q->update = buf_detach(&b, NULL);
	buf_printf(&b, "%s%s WHERE id = ?", set ? set : "",
		   t->seed == SEED_SOURCES || t->seed == SEED_DOMAINS ? ""
								      : ", version = version + 1");
	q->update_bump = buf_detach(&b, NULL);
	free(set);
	buf_free(&b);
}

static void free_sql(struct table_sql *q)
{
	free(q->select);
	free(q->insert);
	free(q->update);
	free(q->update_bump);
}

/* A JSON string; invalid UTF-8 (never from a validated seed) becomes U+FFFD. */
static json_t *jstr(const char *s, size_t n)
{
	json_t *j = json_stringn(s ? s : "", s ? n : 0);
	return j ? j : json_string("\xEF\xBF\xBD");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* Sorted, de-duplicated ';'-joined domain keys of a seed cell. */
static json_t *domains_value(const char *cell)
{
	char keys[VALIDATE_MAX_DOMAINS][81];
	int n = validate_split_domains(cell, keys, VALIDATE_MAX_DOMAINS);
	struct buf b = BUF_INIT;
	if (n > 0)
		qsort(keys, (size_t)n, sizeof keys[0], cmp_str);
	for (int i = 0, out = 0; i < n; i++) {
		if (i > 0 && strcmp(keys[i], keys[i - 1]) == 0)
			continue;
		buf_printf(&b, "%s%s", out++ ? ";" : "", keys[i]);
	}
	json_t *j = json_string(b.data ? b.data : "");
	buf_free(&b);
	return j;
}

/* The wanted row image of a (validated) seed row. */
static json_t *row_want(const struct table_desc *t, const struct seed_row *r)
{
	json_t *o = json_object();
	for (int i = 0; i < t->ncols; i++) {
		const struct col_desc *c = &t->cols[i];
		const char *v = r->cols[c->csv];
		json_t *j;
		long long n;
		double d;
		switch (c->type) {
		case CT_INT:
			validate_count_opt(v, &n);
			j = n < 0 ? json_null() : json_integer(n);
			break;
		case CT_REAL:
			j = str_empty(v) || !validate_number_opt(v, -1e300, 1e300, &d)
				? json_null()
				: json_real(d);
			break;
		case CT_FLAG:
			j = json_integer(strcmp(v, "1") == 0);
			break;
		case CT_DOMAINS:
			j = domains_value(v);
			break;
		default:
			j = jstr(v, strlen(v));
		}
		json_object_set_new(o, c->name, j);
	}
	return o;
}

/* The stored row image from the SELECT built by build_sql. */
static json_t *row_have(const struct table_desc *t, db_stmt *st)
{
	json_t *o = json_object();
	for (int i = 0; i < t->ncols; i++) {
		int k = i + 1;
		json_t *j;
		switch (db_column_type(st, k)) {
		case DB_NULL:
			j = json_null();
			break;
		case DB_INTEGER:
			j = json_integer(db_column_int64(st, k));
			break;
		case DB_FLOAT:
			j = json_real(db_column_double(st, k));
			break;
		default:
			j = jstr((const char *)db_column_text(st, k),
				 (size_t)db_column_bytes(st, k));
		}
		json_object_set_new(o, t->cols[i].name, j);
	}
	return o;
}

static void bind_json(db_stmt *st, int idx, json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		db_bind_text(st, idx, json_string_value(v), (int)json_string_length(v), DB_STATIC);
		break;
	case JSON_INTEGER:
		db_bind_int64(st, idx, json_integer_value(v));
		break;
	case JSON_REAL:
		db_bind_double(st, idx, json_real_value(v));
		break;
	default:
		db_bind_null(st, idx);
	}
}

/* The natural key as text for audit_event.entity_key: "a" or "a/b[/c]". */
static char *entity_key(const struct table_desc *t, json_t *want)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < t->nkeys; i++) {
		const char *v = json_string_value(json_object_get(want, t->cols[i].name));
		if (i > 0 && str_empty(v))
			continue;
		buf_printf(&b, "%s%s", i ? "/" : "", v ? v : "");
	}
	char *k = buf_detach(&b, NULL);
	buf_free(&b);
	return k ? k : xstrdup("");
}

/* Find the stored row for want: *id > 0 and *have set, or *id = 0. */
static int lookup(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		  json_t *want, int64_t *id, json_t **have)
{
	*id = 0;
	*have = NULL;
	db_stmt *st = store_stmt(ix->s, q->select);
	if (!st)
		return store_db_fail(ix->s, "rij opzoeken", ix->err, ix->errlen);
	for (int i = 0; i < t->nkeys; i++)
		bind_json(st, i + 1, json_object_get(want, t->cols[i].name));
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_column_int64(st, 0);
		*have = row_have(t, st);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(ix->s, "rij opzoeken", ix->err, ix->errlen);
	return STORE_OK;
}

/* True when key exists in table.column. */
static int key_exists(struct import_ctx *ix, const char *table, const char *column, const char *key,
		      bool *found)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE %s = ?", table, column);
	db_stmt *st = store_stmt(ix->s, sql);
	if (!st)
		return store_db_fail(ix->s, "verwijzing controleren", ix->err, ix->errlen);
	db_bind_text(st, 1, key, -1, DB_STATIC);
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(ix->s, "verwijzing controleren", ix->err, ix->errlen);
	*found = rc == DB_ROW;
	return STORE_OK;
}

/* Every reference of want must name an existing row. */
static int check_refs(struct import_ctx *ix, const struct table_desc *t, json_t *want,
		      const struct seed_file *f, const struct seed_row *r)
{
	for (int i = 0; i < t->ncols; i++) {
		const struct col_desc *c = &t->cols[i];
		const char *csvname = t->csv_columns[c->csv];
		bool found = true;
		if (c->type == CT_REF) {
			const char *v = json_string_value(json_object_get(want, c->name));
			if (str_empty(v))
				continue;
			if (key_exists(ix, c->ref_table, c->ref_key, v, &found))
				return STORE_ERR;
			if (!found) {
				store_set_err(ix->err, ix->errlen,
					      "%s, regel %d: kolom %s: onbekende %s '%s'", f->path,
					      r->line, csvname, c->ref_what, v);
				return STORE_ERR_INVALID;
			}
		} else if (c->type == CT_DOMAINS) {
			char keys[VALIDATE_MAX_DOMAINS][81];
			int n = validate_split_domains(r->cols[c->csv], keys, VALIDATE_MAX_DOMAINS);
			for (int k = 0; k < n; k++) {
				if (key_exists(ix, "domain", "key", keys[k], &found))
					return STORE_ERR;
				if (!found) {
					store_set_err(
					    ix->err, ix->errlen,
					    "%s, regel %d: kolom %s: onbekend beleidsdomein '%s'",
					    f->path, r->line, csvname, keys[k]);
					return STORE_ERR_INVALID;
				}
			}
		}
	}
	return STORE_OK;
}

/* Insert (id == 0, new id to *id) or update row id with want; bump: a
 * real change (version + 1), not the second pass that completes a row
 * pre_create inserted in the same import. */
static int write_row(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		     json_t *want, int64_t *id, bool bump)
{
	bool insert = *id == 0;
	db_stmt *st = store_stmt(ix->s, insert ? q->insert : bump ? q->update_bump : q->update);
	if (!st)
		return store_db_fail(ix->s, "rij schrijven", ix->err, ix->errlen);
	int p = 1;
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].type != CT_DOMAINS)
			bind_json(st, p++, json_object_get(want, t->cols[i].name));
	if (!insert)
		db_bind_int64(st, p, *id);
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(ix->s, insert ? "rij toevoegen" : "rij bijwerken", ix->err,
				     ix->errlen);
	if (insert)
		*id = db_last_insert_id(ix->s);

	for (int i = 0; i < t->ncols; i++) {
		if (t->cols[i].type != CT_DOMAINS)
			continue;
		st = store_stmt(ix->s,
				"DELETE FROM collaboration_domain WHERE collaboration_id = ?");
		if (!st)
			return store_db_fail(ix->s, "beleidsdomeinen schrijven", ix->err,
					     ix->errlen);
		db_bind_int64(st, 1, *id);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE)
			return store_db_fail(ix->s, "beleidsdomeinen schrijven", ix->err,
					     ix->errlen);
		const char *list = json_string_value(json_object_get(want, t->cols[i].name));
		char keys[VALIDATE_MAX_DOMAINS][81];
		int n = validate_split_domains(list, keys, VALIDATE_MAX_DOMAINS);
		for (int k = 0; k < n; k++) {
			st =
			    store_stmt(ix->s, "INSERT INTO collaboration_domain (collaboration_id, "
					      "domain_id) SELECT ?, id FROM domain WHERE key = ?");
			if (!st)
				return store_db_fail(ix->s, "beleidsdomeinen schrijven", ix->err,
						     ix->errlen);
			db_bind_int64(st, 1, *id);
			db_bind_text(st, 2, keys[k], -1, DB_STATIC);
			rc = db_step(st);
			db_reset(st);
			if (rc != DB_DONE)
				return store_db_fail(ix->s, "beleidsdomeinen schrijven", ix->err,
						     ix->errlen);
		}
	}
	return STORE_OK;
}

/* One audit_event row; before may be NULL (insert). */
static int audit(struct import_ctx *ix, const struct table_desc *t, const char *action,
		 json_t *before, json_t *after)
{
	int flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
	char *key = entity_key(t, after);
	char *b = before ? json_dumps(before, flags) : NULL;
	char *a = after ? json_dumps(after, flags) : NULL;
	int ret =
	    store_audit_write(ix->s, ix->actor, "import", "seed", action, t->table, key, b, a);
	if (ret != STORE_OK)
		store_set_err(ix->err, ix->errlen, "databasefout bij auditregel schrijven");
	free(key);
	free(b);
	free(a);
	return ret;
}

/*
 * True when a person changed this record after the seed put it there (an
 * audit event of the record written through the web, the API or the CLI).
 * Such records are not overwritten by a later seed import, so `make run`
 * (which imports the seed at every start) never undoes a partner's edit.
 */
static bool edited_by_person(struct import_ctx *ix, const struct table_desc *t, int64_t id)
{
	static const struct {
		const char *table, *sql;
	} q[] = {
	    {"organisation",
	     "SELECT EXISTS (SELECT 1 FROM audit_event a, organisation o "
	     "WHERE o.id = ?1 AND a.entity = 'organisation' AND a.entity_key = o.code "
	     "AND a.via IN ('web', 'api', 'cli'))"},
	    {"collaboration",
	     "SELECT EXISTS (SELECT 1 FROM audit_event a, collaboration c "
	     "WHERE c.id = ?1 AND a.entity = 'collaboration' AND a.entity_key = c.key "
	     "AND a.via IN ('web', 'api', 'cli'))"},
	    {"participation",
	     "SELECT EXISTS (SELECT 1 FROM audit_event a, participation p, collaboration c "
	     "WHERE p.id = ?1 AND c.id = p.collaboration_id AND a.entity = 'participation' "
	     "AND a.entity_key = c.key || '/' || p.id AND a.via IN ('web', 'api', 'cli'))"},
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		if (strcmp(t->table, q[i].table) != 0)
			continue;
		db_stmt *st = store_stmt(ix->s, q[i].sql);
		if (!st)
			return false;
		db_bind_int64(st, 1, id);
		bool yes = db_step(st) == DB_ROW && db_column_int(st, 0) == 1;
		db_reset(st);
		return yes;
	}
	return false;
}

/*
 * Bring one seed row into the database: insert, update or leave it.
 * created: the row was inserted by pre_create (organisations, whose
 * successors may come later in the file); it is completed and audited as an
 * insert.
 */
static int sync_row(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		    const struct seed_file *f, const struct seed_row *r, bool created)
{
	json_t *want = row_want(t, r), *have = NULL;
	int64_t id;
	int rc;

	if ((rc = check_refs(ix, t, want, f, r)) || (rc = lookup(ix, t, q, want, &id, &have)))
		goto out;
	if (id == 0 || created) {
		if ((rc = write_row(ix, t, q, want, &id, false)) ||
		    (rc = audit(ix, t, "insert", NULL, want)))
			goto out;
		ix->rep->added[t->seed]++;
	} else if (!json_equal(want, have) && edited_by_person(ix, t, id)) {
		/* a partner maintains this record now: the seed no longer rules it */
		ix->rep->unchanged[t->seed]++;
	} else if (!json_equal(want, have)) {
		if ((rc = write_row(ix, t, q, want, &id, true)) ||
		    (rc = audit(ix, t, "update", have, want)))
			goto out;
		ix->rep->changed[t->seed]++;
	} else {
		ix->rep->unchanged[t->seed]++;
	}
out:
	json_decref(want);
	json_decref(have);
	return rc;
}

/* First pass for organisations: insert a new organisation without its
 * successor, so successor references within the file resolve in the second
 * pass (sync_row completes the row); *created tells whether it was new. */
static int pre_create(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		      const struct seed_row *r, bool *created)
{
	json_t *want = row_want(t, r), *have = NULL;
	int64_t id;
	int rc = lookup(ix, t, q, want, &id, &have);
	*created = false;
	if (rc == STORE_OK && id == 0) {
		for (int i = 0; i < t->ncols; i++)
			if (t->cols[i].type == CT_REF &&
			    strcmp(t->cols[i].ref_table, t->table) == 0)
				json_object_set_new(want, t->cols[i].name, json_string(""));
		rc = write_row(ix, t, q, want, &id, false);
		*created = rc == STORE_OK;
	}
	json_decref(want);
	json_decref(have);
	return rc;
}

struct dup_key {
	char *key;
	int line;
};

static int cmp_dup(const void *a, const void *b)
{
	const struct dup_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : x->line - y->line;
}

/* A natural key may occur only once per seed file. */
static int check_duplicates(const struct table_desc *t, const struct seed_file *f, char *err,
			    size_t errlen)
{
	struct dup_key *k = xcalloc((size_t)(f->nrows ? f->nrows : 1), sizeof *k);
	int rc = STORE_OK;
	for (int i = 0; i < f->nrows; i++) {
		struct buf b = BUF_INIT;
		for (int c = 0; c < t->nkeys; c++)
			buf_printf(&b, "%s%s", c ? "/" : "", f->rows[i].cols[t->cols[c].csv]);
		k[i].key = buf_detach(&b, NULL);
		if (!k[i].key)
			k[i].key = xstrdup("");
		k[i].line = f->rows[i].line;
	}
	qsort(k, (size_t)f->nrows, sizeof *k, cmp_dup);
	for (int i = 1; i < f->nrows; i++) {
		if (strcmp(k[i].key, k[i - 1].key) == 0) {
			store_set_err(err, errlen, "%s, regel %d: '%s' staat ook al op regel %d",
				      f->path, k[i].line, k[i].key, k[i - 1].line);
			rc = STORE_ERR_INVALID;
			break;
		}
	}
	for (int i = 0; i < f->nrows; i++)
		free(k[i].key);
	free(k);
	return rc;
}

/* Read and validate one seed file completely (no database access). */
static int read_seed(const char *dir, const struct table_desc *t, struct seed_file **out, char *err,
		     size_t errlen)
{
	char reason[512];
	if (seed_read(dir, seed_table_names[t->seed], t->csv_columns, t->ncsv, out, err, errlen))
		return STORE_ERR_INVALID;
	const struct seed_file *f = *out;
	for (int i = 0; i < f->nrows; i++) {
		if (t->validate((const char *const *)f->rows[i].cols, reason, sizeof reason)) {
			store_set_err(err, errlen, "%s, regel %d: %s", f->path, f->rows[i].line,
				      reason);
			return STORE_ERR_INVALID;
		}
	}
	return check_duplicates(t, f, err, errlen);
}

/* Rebuild the full-text index from the tables (small: a full rebuild is
 * simpler and as fast as tracking single rows); what a row holds is
 * store_search_index (store_search.c). */
int store_rebuild_search(struct store *s, char *err, size_t errlen)
{
	if (store_exec(s, "DELETE FROM search_fts", "zoekindex bijwerken", err, errlen))
		return STORE_ERR;
	if (store_search_index(s, 0, 0)) {
		store_set_err(err, errlen, "zoekindex bijwerken mislukt");
		return STORE_ERR;
	}
	return STORE_OK;
}

/* True when the search index does not hold one row per collaboration and
 * organisation (e.g. data written by an older version). */
static int search_stale(struct store *s, bool *stale)
{
	db_stmt *st = store_stmt(s, "SELECT (SELECT count(*) FROM search_fts) <> "
				    "(SELECT count(*) FROM collaboration) + "
				    "(SELECT count(*) FROM organisation)");
	if (!st)
		return STORE_ERR;
	int rc = db_step(st);
	*stale = rc == DB_ROW && db_column_int(st, 0) != 0;
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : STORE_ERR;
}

int store_import_seed(struct store *s, const char *dir, const char *actor,
		      struct import_report *rep, char *err, size_t errlen)
{
	struct seed_file *files[SEED_TABLES] = {0};
	struct table_sql sql[SEED_TABLES] = {{0}};
	bool *created = NULL;
	struct import_ctx ix = {s, str_empty(actor) ? "onbekend" : actor, rep, err, errlen};
	int rc;

	memset(rep, 0, sizeof *rep);
	if (err && errlen)
		err[0] = '\0';
	/* everything is read and checked before the database is touched */
	for (int i = 0; i < SEED_TABLES; i++)
		if ((rc = read_seed(dir, &tables[i], &files[i], err, errlen)))
			goto out;
	for (int i = 0; i < SEED_TABLES; i++)
		build_sql(&tables[i], &sql[i]);

	if ((rc = store_tx_begin(s, "import starten", err, errlen)))
		goto out;
	for (int i = 0; i < SEED_TABLES; i++) {
		const struct table_desc *t = &tables[i];
		const struct seed_file *f = files[i];
		bool two_pass = t->seed == SEED_ORGS;
		free(created);
		created = xcalloc((size_t)f->nrows + 1, sizeof *created);
		if (two_pass)
			for (int r = 0; r < f->nrows; r++)
				if ((rc = pre_create(&ix, t, &sql[i], &f->rows[r], &created[r])))
					goto out;
		for (int r = 0; r < f->nrows; r++)
			if ((rc = sync_row(&ix, t, &sql[i], f, &f->rows[r], created[r])))
				goto out;
	}

	bool changed = false, stale = false;
	for (int i = 0; i < SEED_TABLES; i++)
		changed = changed || rep->added[i] || rep->changed[i];
	if ((rc = search_stale(s, &stale))) {
		store_db_fail(s, "zoekindex controleren", err, errlen);
		goto out;
	}
	if ((changed || stale) && (rc = store_rebuild_search(s, err, errlen)))
		goto out;
	if (changed && (rc = store_bump_data_version(s, err, errlen)))
		goto out;
	if ((rc = store_tx_commit(s, "import vastleggen", err, errlen)))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK) {
		store_tx_rollback(s);
		memset(rep, 0, sizeof *rep);
	}
	free(created);
	for (int i = 0; i < SEED_TABLES; i++) {
		seed_file_free(files[i]);
		free_sql(&sql[i]);
	}
	return rc;
}
