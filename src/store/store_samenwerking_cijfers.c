/*
 * store_samenwerking_cijfers — the collaboration figures' queries and the
 * mapping's writer; see store_samenwerking_cijfers.h.
 */
#include "store_samenwerking_cijfers.h"
#include "../lib/arena.h"
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

#define WHAT "beleidsdomeinen koppelen"

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static void read_domain(db_stmt *st, struct arena *a, void *out)
{
	struct sc_domain_row *r = out;
	r->domain = dup(a, st, 0);
	r->keys = dup(a, st, 1);
	r->note = dup(a, st, 2);
}

int store_sc_domains(struct store *s, struct arena *a, struct sc_domain_row **out, int *n)
{
	return store_list(s, a,
			  "SELECT beleidsdomein, indicatoren, toelichting FROM "
			  "samenwerking_cijfers_domein ",
			  "ORDER BY beleidsdomein", NULL, sizeof **out, read_domain, (void **)out,
			  n);
}

static void read_key(db_stmt *st, struct arena *a, void *out)
{
	*(const char **)out = dup(a, st, 0);
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

int store_sc_registry_domains(struct store *s, struct arena *a, const char ***out, int *n)
{
	int rc = store_list(s, a, "SELECT key FROM domain ", "", NULL, sizeof **out, read_key,
			    (void **)out, n);
	if (rc == STORE_OK && *n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(*out, (size_t)*n, sizeof **out, cmp_str);
	return rc;
}

static bool same_mapping(const struct sc_domain_row *x, int nx, const struct sc_domain_row *y,
			 int ny)
{
	if (nx != ny)
		return false;
	for (int i = 0; i < nx; i++) {
		bool found = false;
		for (int j = 0; j < ny && !found; j++)
			found = strcmp(x[i].domain, y[j].domain) == 0 &&
				strcmp(x[i].keys, y[j].keys) == 0 &&
				strcmp(x[i].note, y[j].note) == 0;
		if (!found)
			return false;
	}
	return true;
}

int store_sc_domains_replace(struct store *s, const struct write_ctx *w, const char *file,
			     const struct sc_domain_row *rows, int n, bool dry_run, bool *changed,
			     char *err, size_t errlen)
{
	*changed = false;
	if (!s)
		return STORE_ERR;
	if (store_tx_begin(s, WHAT, err, errlen))
		return STORE_ERR;
	struct arena *a = arena_new();
	struct sc_domain_row *old;
	int nold;
	int rc = store_sc_domains(s, a, &old, &nold);
	if (rc == STORE_OK && same_mapping(rows, n, old, nold)) {
		arena_free(a);
		store_tx_rollback(s);
		return STORE_OK;
	}
	*changed = true;
	if (rc == STORE_OK)
		rc = store_exec(s, "DELETE FROM samenwerking_cijfers_domein", WHAT, err, errlen);
	for (int i = 0; rc == STORE_OK && i < n; i++) {
		db_stmt *st =
		    store_stmt(s, "INSERT INTO samenwerking_cijfers_domein (beleidsdomein, "
				  "indicatoren, toelichting) VALUES (?1, ?2, ?3)");
		if (!st) {
			rc = STORE_ERR;
			break;
		}
		db_bind_text(st, 1, rows[i].domain, -1, DB_STATIC);
		db_bind_text(st, 2, rows[i].keys, -1, DB_STATIC);
		db_bind_text(st, 3, rows[i].note, -1, DB_STATIC);
		rc = store_step_done(s, st, WHAT, err, errlen) ? STORE_ERR : STORE_OK;
	}
	if (rc == STORE_OK && !dry_run) {
		json_t *o = json_object();
		store_json_set(o, "bestand", file);
		json_object_set_new(o, "beleidsdomeinen", json_integer(n));
		char *after = store_json_text(o);
		rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				       "update", "indicator", file, NULL, after);
		free(after);
		if (rc == STORE_OK)
			rc = store_bump_data_version(s, err, errlen);
	}
	arena_free(a);
	if (rc != STORE_OK || dry_run) {
		store_tx_rollback(s);
		if (rc != STORE_OK && err && !*err)
			store_set_err(err, errlen, "de database weigerde de koppeling");
		return rc;
	}
	if (store_tx_commit(s, WHAT, err, errlen)) {
		store_tx_rollback(s);
		return STORE_ERR;
	}
	return STORE_OK;
}

/*
 * A comma-joined list bound as one parameter, as rows of one column `item`
 * that the planner joins through an index: json_each on SQLite (the list
 * is turned into a JSON array; its items are validated keys and codes,
 * [A-Za-z0-9_] only, so no quoting is needed), unnest on PostgreSQL.
 */
#define LIST_SQLITE(n) "(SELECT value AS item FROM json_each(?" #n "))"
#define LIST_PG(n) "(SELECT unnest(string_to_array(CAST(?" #n " AS TEXT), ',')) AS item)"

/* list as bound for engine e, in arena a: a JSON array on SQLite. */
static const char *list_param(struct store *s, struct arena *a, const char *list)
{
	if (db_engine(s) != DB_SQLITE)
		return list;
	size_t n = strlen(list);
	char *out = arena_alloc(a, 3 * n + 8), *p = out;
	*p++ = '[';
	if (n) {
		*p++ = '"';
		for (const char *c = list; *c; c++) {
			if (*c == ',') {
				memcpy(p, "\",\"", 3);
				p += 3;
			} else {
				*p++ = *c;
			}
		}
		*p++ = '"';
	}
	*p++ = ']';
	*p = '\0';
	return out;
}

static void read_def(db_stmt *st, struct arena *a, void *out)
{
	struct sc_def *d = out;
	d->key = dup(a, st, 0);
	d->name = dup(a, st, 1);
	d->unit = dup(a, st, 2);
	d->source = dup(a, st, 3);
	d->source_url = dup(a, st, 4);
	d->licence = dup(a, st, 5);
	d->warning = dup(a, st, 6);
}

int store_sc_defs(struct store *s, struct arena *a, const char *keys, struct sc_def **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
#define DEFS(list)                                                                                 \
	"SELECT i.key, i.name, i.unit, i.source, i.source_url, i.licence, i.warning FROM " list    \
	" k CROSS JOIN indicator i WHERE i.key = k.item ORDER BY i.key"
	db_stmt *st =
	    store_stmt(s, db_engine(s) == DB_SQLITE ? DEFS(LIST_SQLITE(1)) : DEFS(LIST_PG(1)));
#undef DEFS
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, list_param(s, a, keys), -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_def, (void **)out, n);
}

static void read_value(db_stmt *st, struct arena *a, void *out)
{
	struct sc_value *v = out;
	v->key = dup(a, st, 0);
	v->area = dup(a, st, 1);
	v->period = dup(a, st, 2);
	v->has = db_column_type(st, 3) != DB_NULL;
	v->value = v->has ? db_column_double(st, 3) : 0;
	v->note = dup(a, st, 4);
}

int store_sc_values(struct store *s, struct arena *a, const char *areas, const char *keys,
		    struct sc_value **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
		/* the keys (unique index on indicator.key), the areas, then the unique
		 * (indicator, area, period) index: exact lookups, no scan. CROSS JOIN
		 * keeps that order on SQLite. */
#define VALUES(keys, areas)                                                                        \
	"SELECT i.key, v.area_code, v.period, v.value, v.source_note FROM " keys                   \
	" k CROSS JOIN indicator i CROSS JOIN " areas " g CROSS JOIN indicator_value v WHERE "     \
	"i.key = k.item AND v.indicator_id = i.id AND v.area_code = g.item ORDER BY v.area_code, " \
	"i.key, v.period"
	db_stmt *st =
	    store_stmt(s, db_engine(s) == DB_SQLITE ? VALUES(LIST_SQLITE(2), LIST_SQLITE(1))
						    : VALUES(LIST_PG(2), LIST_PG(1)));
#undef VALUES
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, list_param(s, a, areas), -1, DB_STATIC);
	db_bind_text(st, 2, list_param(s, a, keys), -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_value, (void **)out, n);
}
