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

/* "i.key is one of the comma-joined keys in ?N": '_' is a LIKE wildcard, so
 * it is escaped; the keys are validated ([a-z0-9_]), so nothing else is. */
#define KEY_IN(n)                                                                                  \
	"(',' || CAST(?" #n " AS TEXT) || ',') LIKE ('%,' || replace(i.key, '_', '!_') || ',%') "  \
	"ESCAPE '!'"

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
	db_stmt *st = store_stmt(
	    s, "SELECT i.key, i.name, i.unit, i.source, i.source_url, "
	       "i.licence, i.warning FROM indicator i WHERE " KEY_IN(1) " ORDER BY i.key");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, keys, -1, DB_STATIC);
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
	/* the area codes are validated gemeente codes (GM + 4 digits): no
	 * wildcards. CROSS JOIN keeps the order areas → indicators → the
	 * unique index on SQLite. */
	db_stmt *st = store_stmt(
	    s, "SELECT i.key, g.code, v.period, v.value, v.source_note FROM indicator_area g "
	       "CROSS JOIN indicator i CROSS JOIN indicator_value v WHERE (',' || CAST(?1 AS "
	       "TEXT) || ',') LIKE ('%,' || g.code || ',%') AND " KEY_IN(
		   2) " AND v.indicator_id = i.id AND v.area_code = g.code ORDER BY g.code, i.key, "
		      "v.period");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, areas, -1, DB_STATIC);
	db_bind_text(st, 2, keys, -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_value, (void **)out, n);
}
