/*
 * store_indicatoren — the indicator store on either engine through the db.h
 * driver; see store_indicatoren.h.
 */
#include "store_indicatoren.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define WHAT "indicatoren importeren"

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* ---- import ------------------------------------------------------------------------ */

struct idkey {
	const char *key;
	int64_t id;
};

static int cmp_idkey(const void *x, const void *y)
{
	return strcmp(((const struct idkey *)x)->key, ((const struct idkey *)y)->key);
}

struct existing {
	int64_t ind, id, version;
	const char *area, *period, *note;
	bool has;
	double value;
};

static int cmp_existing(const void *x, const void *y)
{
	const struct existing *a = x, *b = y;
	if (a->ind != b->ind)
		return a->ind < b->ind ? -1 : 1;
	int c = strcmp(a->area, b->area);
	return c ? c : strcmp(a->period, b->period);
}

static int import_areas(struct store *s, struct arena *a, const struct indicator_area *areas, int n,
			struct indicator_import_counts *c)
{
	if (!n)
		return STORE_OK;
	db_stmt *st = store_stmt(s, "SELECT code, name, level, province FROM indicator_area");
	if (!st)
		return STORE_ERR;
	int cap = 64, m = 0;
	struct indicator_area *have = arena_alloc(a, (size_t)cap * sizeof *have);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		have = store_grow(a, have, m, &cap, sizeof *have);
		have[m++] = (struct indicator_area){dup(a, st, 0), dup(a, st, 1), dup(a, st, 2),
						    dup(a, st, 3)};
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, WHAT, NULL, 0);
	if (m > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(have, (size_t)m, sizeof *have, cmp_str);
	for (int i = 0; i < n; i++) {
		const struct indicator_area *x = &areas[i];
		const struct indicator_area *h =
		    m ? bsearch(x, have, (size_t)m, sizeof *have, cmp_str) : NULL;
		if (h && strcmp(h->name, x->name) == 0 && strcmp(h->level, x->level) == 0 &&
		    strcmp(h->province, nz(x->province)) == 0) {
			c->unchanged++;
			continue;
		}
		st =
		    store_stmt(s, h ? "UPDATE indicator_area SET name = ?2, level = ?3, province = "
				      "?4 WHERE code = ?1"
				    : "INSERT INTO indicator_area (code, name, level, province) "
				      "VALUES (?1, ?2, ?3, ?4)");
		if (!st)
			return STORE_ERR;
		db_bind_text(st, 1, x->code, -1, DB_STATIC);
		db_bind_text(st, 2, x->name, -1, DB_STATIC);
		db_bind_text(st, 3, x->level, -1, DB_STATIC);
		db_bind_text(st, 4, nz(x->province), -1, DB_STATIC);
		if (store_step_done(s, st, WHAT, NULL, 0))
			return STORE_ERR;
		if (h)
			c->changed++;
		else
			c->added++;
	}
	return STORE_OK;
}

#define DEF_COLS                                                                                   \
	"key, name, definition, unit, theme, source, source_url, licence, direction, "             \
	"area_level, warning"

static void read_def(db_stmt *st, struct arena *a, struct indicator_def *d, int at)
{
	d->key = dup(a, st, at + 0);
	d->name = dup(a, st, at + 1);
	d->definition = dup(a, st, at + 2);
	d->unit = dup(a, st, at + 3);
	d->theme = dup(a, st, at + 4);
	d->source = dup(a, st, at + 5);
	d->source_url = dup(a, st, at + 6);
	d->licence = dup(a, st, at + 7);
	d->direction = dup(a, st, at + 8);
	d->area_level = dup(a, st, at + 9);
	d->warning = dup(a, st, at + 10);
}

static bool def_equal(const struct indicator_def *a, const struct indicator_def *b)
{
	const char *x[] = {a->name,	  a->definition, a->unit,      a->theme,      a->source,
			   a->source_url, a->licence,	 a->direction, a->area_level, a->warning};
	const char *y[] = {b->name,	  b->definition, b->unit,      b->theme,      b->source,
			   b->source_url, b->licence,	 b->direction, b->area_level, b->warning};
	for (size_t i = 0; i < sizeof x / sizeof *x; i++)
		if (strcmp(nz(x[i]), nz(y[i])) != 0)
			return false;
	return true;
}

static int import_defs(struct store *s, struct arena *a, const struct indicator_def *defs, int n,
		       struct indicator_import_counts *c)
{
	if (!n)
		return STORE_OK;
	db_stmt *st = store_stmt(s, "SELECT " DEF_COLS " FROM indicator");
	if (!st)
		return STORE_ERR;
	int cap = 64, m = 0;
	struct indicator_def *have = arena_alloc(a, (size_t)cap * sizeof *have);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		have = store_grow(a, have, m, &cap, sizeof *have);
		read_def(st, a, &have[m++], 0);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, WHAT, NULL, 0);
	if (m > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(have, (size_t)m, sizeof *have, cmp_str);
	for (int i = 0; i < n; i++) {
		const struct indicator_def *x = &defs[i];
		const struct indicator_def *h =
		    m ? bsearch(x, have, (size_t)m, sizeof *have, cmp_str) : NULL;
		if (h && def_equal(h, x)) {
			c->unchanged++;
			continue;
		}
		st = store_stmt(
		    s,
		    h ? "UPDATE indicator SET name = ?2, definition = ?3, unit = ?4, theme = ?5, "
			"source = ?6, source_url = ?7, licence = ?8, direction = ?9, area_level "
			"= ?10, warning = ?11, updated_at = " NOW " WHERE key = ?1"
		      : "INSERT INTO indicator (" DEF_COLS ", updated_at) VALUES (?1, ?2, ?3, ?4, "
			"?5, ?6, ?7, ?8, ?9, ?10, ?11, " NOW ")");
		if (!st)
			return STORE_ERR;
		const char *v[] = {x->key,	 x->name,	x->definition, x->unit,
				   x->theme,	 x->source,	x->source_url, x->licence,
				   x->direction, x->area_level, x->warning};
		for (int k = 0; k < 11; k++)
			db_bind_text(st, k + 1, nz(v[k]), -1, DB_STATIC);
		if (store_step_done(s, st, WHAT, NULL, 0))
			return STORE_ERR;
		if (h)
			c->changed++;
		else
			c->added++;
	}
	return STORE_OK;
}

static bool same_value(const struct existing *e, const struct indicator_value_in *v)
{
	if (e->has != v->has)
		return false;
	if (e->has && e->value != v->value)
		return false;
	return strcmp(e->note, nz(v->note)) == 0;
}

static void bind_value(db_stmt *st, int i, const struct indicator_value_in *v)
{
	if (v->has)
		db_bind_double(st, i, v->value);
	else
		db_bind_null(st, i);
}

/* A new value, written after the walk over the file (PostgreSQL). */
struct pending {
	int64_t ind;
	const struct indicator_value_in *v;
};

/* COPY sends its rows in messages of about this size. */
#define COPY_CHUNK (1 << 20)

/*
 * PostgreSQL: the n new values of p, all stamped now, in one COPY … FROM
 * STDIN (text format): no statement, parameters or round trip per row. A
 * row the server refuses (a constraint) fails the COPY and with it the
 * import's transaction, exactly as a refused INSERT did.
 */
static int copy_values(struct store *s, const struct pending *p, int n, const char *now, char *err,
		       size_t errlen)
{
	if (!n)
		return STORE_OK;
	if (db_copy_begin(s, "COPY indicator_value (indicator_id, area_code, period, value, "
			     "version, source_note, updated_at) FROM STDIN") != DB_OK)
		return store_db_fail(s, WHAT, err, errlen);
	struct buf b = BUF_INIT;
	bool sent = true;
	for (int i = 0; i < n && sent; i++) {
		const struct indicator_value_in *v = p[i].v;
		char num[40] = "";
		if (v->has)
			snprintf(num, sizeof num, "%.17g", v->value); /* as db_bind_double */
		buf_printf(&b, "%lld\t", (long long)p[i].ind);
		db_copy_field(&b, v->area);
		buf_putc(&b, '\t');
		db_copy_field(&b, v->period);
		buf_putc(&b, '\t');
		db_copy_field(&b, v->has ? num : NULL);
		buf_puts(&b, "\t1\t");
		db_copy_field(&b, nz(v->note));
		buf_putc(&b, '\t');
		db_copy_field(&b, now);
		buf_putc(&b, '\n');
		if (b.err)
			sent = false;
		else if (b.len >= COPY_CHUNK || i == n - 1) {
			sent = db_copy_put(s, b.data, b.len) == DB_OK;
			buf_reset(&b);
		}
	}
	buf_free(&b);
	if (db_copy_end(s, sent ? NULL : "import afgebroken") != DB_OK)
		return store_db_fail(s, WHAT, err, errlen);
	return STORE_OK;
}

/*
 * PostgreSQL, a large COPY: the foreign keys of indicator_value checked
 * once instead of per row. Each row's two RI triggers (a key lookup and a
 * FOR KEY SHARE lock in indicator and indicator_area) cost three times the
 * COPY itself (docs/benchmarks.md, "Indicators"). So, inside the import's
 * transaction, the keys are dropped before the COPY and added again after
 * it with the definitions the catalog gave (fk_restore): PostgreSQL then
 * validates every row of the table in one join, the same guarantee at
 * commit, and a violation fails the import exactly as a row's trigger
 * would. The store has already resolved every key and area code in this
 * transaction; atlas writers are serialised by the write lock.
 * The price: dropping a constraint locks indicator_value against readers
 * until the commit (a few seconds), so only imports of FK_ONCE_MIN new
 * values or more do this. When the role may not alter the table, the
 * keys stay and are checked per row. The SQL is built by format(%I) from
 * the catalog, never from input.
 */
#define FK_ONCE_MIN 10000

struct fk_sql {
	const char *add;  /* ALTER TABLE … ADD CONSTRAINT, in the catalog's words */
	const char *drop; /* ALTER TABLE … DROP CONSTRAINT */
};

struct fk_saved {
	int n; /* keys dropped, to add again */
	const struct fk_sql *k;
};

static int fk_drop(struct store *s, struct arena *a, struct fk_saved *out, char *err, size_t errlen)
{
	out->n = 0;
	db_stmt *st = store_stmt(
	    s, "SELECT format('ALTER TABLE indicator_value ADD CONSTRAINT %I %s', conname, "
	       "pg_get_constraintdef(oid)), format('ALTER TABLE indicator_value DROP CONSTRAINT "
	       "%I', conname) FROM pg_constraint WHERE conrelid = 'indicator_value'::regclass "
	       "AND contype = 'f' ORDER BY conname");
	if (!st)
		return STORE_ERR;
	int cap = 4, n = 0, rc;
	struct fk_sql *k = arena_alloc(a, (size_t)cap * sizeof *k);
	while ((rc = db_step(st)) == DB_ROW) {
		k = store_grow(a, k, n, &cap, sizeof *k);
		k[n++] = (struct fk_sql){dup(a, st, 0), dup(a, st, 1)};
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, WHAT, err, errlen);
	if (!n)
		return STORE_OK;
	if (store_exec(s, "SAVEPOINT indicator_fk", WHAT, err, errlen))
		return STORE_ERR;
	for (int i = 0; i < n; i++) {
		if (db_exec(s, k[i].drop) != DB_OK) {
			log_info("store: %s: sleutels blijven per rij gecontroleerd: %s", WHAT,
				 db_errmsg(s));
			return store_exec(s, "ROLLBACK TO SAVEPOINT indicator_fk", WHAT, err,
					  errlen);
		}
	}
	if (store_exec(s, "RELEASE SAVEPOINT indicator_fk", WHAT, err, errlen))
		return STORE_ERR;
	out->n = n;
	out->k = k;
	return STORE_OK;
}

static int fk_restore(struct store *s, const struct fk_saved *fk, char *err, size_t errlen)
{
	for (int i = 0; i < fk->n; i++)
		if (store_exec(s, fk->k[i].add, WHAT, err, errlen))
			return STORE_ERR;
	return STORE_OK;
}

static int import_values(struct store *s, struct arena *a, struct arena *ra,
			 const struct indicator_value_in *vals, int n,
			 struct indicator_import_counts *c, char *err, size_t errlen)
{
	if (!n)
		return STORE_OK;
	/* indicator keys and area codes */
	db_stmt *st = store_stmt(s, "SELECT key, id FROM indicator");
	if (!st)
		return STORE_ERR;
	int cap = 64, nk = 0, rc;
	struct idkey *keys = arena_alloc(a, (size_t)cap * sizeof *keys);
	while ((rc = db_step(st)) == DB_ROW) {
		keys = store_grow(a, keys, nk, &cap, sizeof *keys);
		keys[nk++] = (struct idkey){dup(a, st, 0), db_column_int64(st, 1)};
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, WHAT, err, errlen);
	if (nk > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(keys, (size_t)nk, sizeof *keys, cmp_idkey);
	const char **codes;
	int ncodes;
	if (store_indicator_area_codes(s, a, &codes, &ncodes))
		return STORE_ERR;
	/* every value already stored */
	st = store_stmt(s, "SELECT indicator_id, area_code, period, id, version, value, "
			   "source_note FROM indicator_value");
	if (!st)
		return STORE_ERR;
	int ecap = 1024, ne = 0;
	struct existing *ex = arena_alloc(a, (size_t)ecap * sizeof *ex);
	while ((rc = db_step(st)) == DB_ROW) {
		ex = store_grow(a, ex, ne, &ecap, sizeof *ex);
		struct existing *e = &ex[ne++];
		e->ind = db_column_int64(st, 0);
		e->area = dup(a, st, 1);
		e->period = dup(a, st, 2);
		e->id = db_column_int64(st, 3);
		e->version = db_column_int64(st, 4);
		e->has = db_column_type(st, 5) != DB_NULL;
		e->value = e->has ? db_column_double(st, 5) : 0;
		e->note = dup(a, st, 6);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, WHAT, err, errlen);
	if (ne > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(ex, (size_t)ne, sizeof *ex, cmp_existing);
	char now[32];
	st = store_stmt(s, "SELECT " NOW);
	if (!st || db_step(st) != DB_ROW) {
		if (st)
			db_reset(st);
		return store_db_fail(s, WHAT, err, errlen);
	}
	snprintf(now, sizeof now, "%s", store_col_text(st, 0));
	db_reset(st);
	db_stmt *ins = NULL;
	/* PostgreSQL: new values wait for one COPY after the walk (nothing
	 * else may run on the connection during a COPY); SQLite, in process,
	 * inserts them as it goes */
	bool copy = s->engine == DB_PG;
	struct pending *pend = copy ? arena_alloc(a, (size_t)n * sizeof *pend) : NULL;
	int npend = 0;
	bool *touched = arena_calloc(a, (size_t)nk + 1, sizeof *touched);
	for (int i = 0; i < n; i++) {
		const struct indicator_value_in *v = &vals[i];
		struct idkey probe = {v->key, 0};
		const struct idkey *k =
		    nk ? bsearch(&probe, keys, (size_t)nk, sizeof *keys, cmp_idkey) : NULL;
		if (!k) {
			store_set_err(err, errlen, "onbekende indicator: %s", v->key);
			return STORE_ERR_INVALID;
		}
		if (!ncodes || !bsearch(&v->area, codes, (size_t)ncodes, sizeof *codes, cmp_str)) {
			store_set_err(err, errlen, "onbekend gebied: %s", v->area);
			return STORE_ERR_INVALID;
		}
		struct existing pe = {.ind = k->id, .area = v->area, .period = v->period};
		struct existing *e =
		    ne ? bsearch(&pe, ex, (size_t)ne, sizeof *ex, cmp_existing) : NULL;
		if (e && same_value(e, v)) {
			c->unchanged++;
			continue;
		}
		touched[k - keys] = true;
		if (!e && copy) {
			pend[npend++] = (struct pending){k->id, v};
			c->added++;
			continue;
		}
		if (!e) {
			/* prepared once per import: the cache lookup per row costs more
			 * than the insert */
			if (!ins)
				ins =
				    store_stmt(s, "INSERT INTO indicator_value (indicator_id, "
						  "area_code, period, value, version, source_note, "
						  "updated_at) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)");
			if (!ins)
				return STORE_ERR;
			st = ins;
			db_bind_int64(st, 1, k->id);
			db_bind_text(st, 2, v->area, -1, DB_STATIC);
			db_bind_text(st, 3, v->period, -1, DB_STATIC);
			bind_value(st, 4, v);
			db_bind_text(st, 5, nz(v->note), -1, DB_STATIC);
			db_bind_text(st, 6, now, -1, DB_STATIC);
			if (store_step_done(s, st, WHAT, err, errlen))
				return STORE_ERR;
			c->added++;
			continue;
		}
		st = store_stmt(s, "INSERT INTO indicator_value_history (value_id, version, value, "
				   "source_note, replaced_at) VALUES (?1, ?2, ?3, ?4, " NOW ")");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, e->id);
		db_bind_int64(st, 2, e->version);
		if (e->has)
			db_bind_double(st, 3, e->value);
		else
			db_bind_null(st, 3);
		db_bind_text(st, 4, e->note, -1, DB_STATIC);
		if (store_step_done(s, st, WHAT, err, errlen))
			return STORE_ERR;
		st = store_stmt(s, "UPDATE indicator_value SET value = ?2, source_note = ?3, "
				   "version = version + 1, updated_at = " NOW " WHERE id = ?1");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, e->id);
		bind_value(st, 2, v);
		db_bind_text(st, 3, nz(v->note), -1, DB_STATIC);
		if (store_step_done(s, st, WHAT, err, errlen))
			return STORE_ERR;
		/* a second row for the same key in this call sees the new value */
		e->has = v->has;
		e->value = v->value;
		e->note = nz(v->note);
		e->version++;
		c->changed++;
	}
	struct fk_saved fk = {0};
	if (npend >= FK_ONCE_MIN && fk_drop(s, a, &fk, err, errlen))
		return STORE_ERR;
	if (copy_values(s, pend, npend, now, err, errlen) || fk_restore(s, &fk, err, errlen))
		return STORE_ERR;
	/* the period summary of every indicator this import changed */
	c->touched = arena_calloc(ra, (size_t)nk + 1, sizeof *c->touched);
	for (int i = 0; i < nk; i++) {
		if (!touched[i])
			continue;
		c->touched[c->n_touched++] = arena_strdup(ra, keys[i].key);
		st = store_stmt(s, "DELETE FROM indicator_period WHERE indicator_id = ?1");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, keys[i].id);
		if (store_step_done(s, st, WHAT, err, errlen))
			return STORE_ERR;
		st = store_stmt(
		    s, "INSERT INTO indicator_period (indicator_id, period, n_values, "
		       "n_present) SELECT indicator_id, period, count(*), count(value) FROM "
		       "indicator_value WHERE indicator_id = ?1 GROUP BY indicator_id, period");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, keys[i].id);
		if (store_step_done(s, st, WHAT, err, errlen))
			return STORE_ERR;
	}
	return STORE_OK;
}

int store_indicator_import(struct store *s, struct arena *out_arena, const struct write_ctx *w,
			   const char *file, const struct indicator_def *defs, int ndefs,
			   const struct indicator_area *areas, int nareas,
			   const struct indicator_value_in *vals, int nvals, bool dry_run,
			   struct indicator_import_counts *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
	struct arena *a = arena_new();
	/* SQLite: a page cache that holds the value table's indexes while a
	 * large file is written (64 MiB), the connection's own afterwards */
	bool big = s->engine == DB_SQLITE && nvals > 10000;
	int64_t cache = -2000;
	if (big) {
		db_stmt *q = store_stmt(s, "PRAGMA cache_size");
		if (q && db_step(q) == DB_ROW)
			cache = db_column_int64(q, 0);
		if (q)
			db_reset(q);
		store_exec(s, "PRAGMA cache_size = -65536", WHAT, NULL, 0);
	}
	if (store_tx_begin(s, WHAT, err, errlen)) {
		arena_free(a);
		return STORE_ERR;
	}
	int rc = import_areas(s, a, areas, nareas, out);
	if (rc == STORE_OK)
		rc = import_defs(s, a, defs, ndefs, out);
	if (rc == STORE_OK)
		rc = import_values(s, a, out_arena, vals, nvals, out, err, errlen);
	if (rc == STORE_OK && !out->added && !out->changed)
		dry_run = true; /* nothing changed: no audit event, nothing to commit */
	if (rc == STORE_OK && !dry_run) {
		json_t *o = json_object();
		store_json_set(o, "bestand", file);
		json_object_set_new(o, "gebieden", json_integer(nareas));
		json_object_set_new(o, "indicatoren", json_integer(ndefs));
		json_object_set_new(o, "waarden", json_integer(nvals));
		json_object_set_new(o, "toegevoegd", json_integer(out->added));
		json_object_set_new(o, "gewijzigd", json_integer(out->changed));
		json_object_set_new(o, "ongewijzigd", json_integer(out->unchanged));
		char *after = store_json_text(o);
		rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				       out->added ? "insert" : "update", "indicator", file, NULL,
				       after);
		free(after);
		/* collaboration pages show indicator figures and are cached by
		 * data version: an import that changed anything journals
		 * ('extern', 0) and bumps the version, so those replies are
		 * dropped (one journal row per import, not per value) */
		if (rc == STORE_OK)
			rc = store_exec(s,
					"INSERT INTO change_journal (entity, row_id) VALUES "
					"('extern', 0)",
					WHAT, err, errlen);
		if (rc == STORE_OK)
			rc = store_bump_data_version(s, err, errlen);
	}
	arena_free(a);
	if (big) {
		char sql[48];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)cache);
		store_exec(s, sql, WHAT, NULL, 0);
	}
	if (rc != STORE_OK || dry_run) {
		store_tx_rollback(s);
		if (rc == STORE_ERR && err && !*err)
			store_set_err(err, errlen, "de database weigerde de import");
		return rc;
	}
	if (store_tx_commit(s, WHAT, err, errlen)) {
		store_tx_rollback(s);
		return STORE_ERR;
	}
	return STORE_OK;
}

/* ---- read side --------------------------------------------------------------------- */

static int periods_of(struct store *s, struct arena *a, int64_t id, struct indicator_row *r)
{
	db_stmt *st = store_stmt(s, "SELECT period, n_values, n_present FROM indicator_period "
				    "WHERE indicator_id = ?1 ORDER BY period");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	int cap = 8, rc;
	r->n_periods = 0;
	r->periods = arena_alloc(a, (size_t)cap * sizeof *r->periods);
	while ((rc = db_step(st)) == DB_ROW) {
		r->periods = store_grow(a, r->periods, r->n_periods, &cap, sizeof *r->periods);
		r->periods[r->n_periods++] = (struct indicator_period){
		    dup(a, st, 0), db_column_int(st, 1), db_column_int(st, 2)};
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, "indicator lezen", NULL, 0);
}

static void read_indicator(db_stmt *st, struct arena *a, void *out)
{
	struct indicator_row *r = out;
	r->id = db_column_int64(st, 0);
	read_def(st, a, &r->d, 1);
}

int store_indicator_get(struct store *s, struct arena *a, const char *key,
			struct indicator_row *out)
{
	memset(out, 0, sizeof *out);
	struct indicator_row *rows;
	int n;
	if (store_list(s, a, "SELECT id, " DEF_COLS " FROM indicator ", "WHERE key = ?1", key,
		       sizeof *rows, read_indicator, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return periods_of(s, a, out->id, out);
}

int store_indicators(struct store *s, struct arena *a, struct indicator_row **out, int *n)
{
	if (store_list(s, a, "SELECT id, " DEF_COLS " FROM indicator ", "ORDER BY theme, name, key",
		       NULL, sizeof **out, read_indicator, (void **)out, n))
		return STORE_ERR;
	if (!*n)
		return STORE_OK;
	/* the periods of every indicator in one pass */
	int64_t maxid = 0;
	for (int i = 0; i < *n; i++)
		if ((*out)[i].id > maxid)
			maxid = (*out)[i].id;
	int *pos = arena_calloc(a, (size_t)maxid + 1, sizeof *pos);
	int *cap = arena_calloc(a, (size_t)*n, sizeof *cap);
	for (int i = 0; i < *n; i++)
		pos[(*out)[i].id] = i + 1;
	db_stmt *st = store_stmt(s, "SELECT indicator_id, period, n_values, n_present FROM "
				    "indicator_period");
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_column_int64(st, 0);
		if (id < 1 || id > maxid || !pos[id])
			continue;
		struct indicator_row *r = &(*out)[pos[id] - 1];
		int *c = &cap[pos[id] - 1];
		if (!*c) {
			*c = 8;
			r->periods = arena_alloc(a, (size_t)*c * sizeof *r->periods);
		}
		r->periods = store_grow(a, r->periods, r->n_periods, c, sizeof *r->periods);
		r->periods[r->n_periods++] = (struct indicator_period){
		    dup(a, st, 1), db_column_int(st, 2), db_column_int(st, 3)};
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, "indicatoren lezen", NULL, 0);
	for (int i = 0; i < *n; i++) {
		struct indicator_row *r = &(*out)[i];
		for (int x = 1; x < r->n_periods; x++)
			for (int y = x;
			     y > 0 && strcmp(r->periods[y - 1].period, r->periods[y].period) > 0;
			     y--) {
				struct indicator_period t = r->periods[y];
				r->periods[y] = r->periods[y - 1];
				r->periods[y - 1] = t;
			}
	}
	return STORE_OK;
}

static void read_text0(db_stmt *st, struct arena *a, void *out)
{
	*(const char **)out = dup(a, st, 0);
}

int store_indicator_keys(struct store *s, struct arena *a, const char ***out, int *n)
{
	if (store_list(s, a, "SELECT key FROM indicator", "", NULL, sizeof **out, read_text0,
		       (void **)out, n))
		return STORE_ERR;
	if (*n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(*out, (size_t)*n, sizeof **out, cmp_str);
	return STORE_OK;
}

int store_indicator_area_codes(struct store *s, struct arena *a, const char ***out, int *n)
{
	if (store_list(s, a, "SELECT code FROM indicator_area", "", NULL, sizeof **out, read_text0,
		       (void **)out, n))
		return STORE_ERR;
	if (*n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(*out, (size_t)*n, sizeof **out, cmp_str);
	return STORE_OK;
}

static void read_value(db_stmt *st, struct arena *a, void *out)
{
	struct indicator_value_row *r = out;
	r->area = dup(a, st, 0);
	r->area_name = dup(a, st, 1);
	r->province = dup(a, st, 2);
	r->period = dup(a, st, 3);
	r->has = db_column_type(st, 4) != DB_NULL;
	r->value = r->has ? db_column_double(st, 4) : 0;
	r->version = db_column_int64(st, 5);
	r->note = dup(a, st, 6);
	r->updated_at = dup(a, st, 7);
}

#define VALUE_FILTER                                                                               \
	"FROM indicator_value v JOIN indicator_area g ON g.code = v.area_code WHERE "              \
	"v.indicator_id = ?1 AND (?2 = '' OR v.area_code = ?2) AND (?3 = '' OR v.period = ?3) "    \
	"AND (?4 = '' OR g.province = ?4) "

static void bind_filter(db_stmt *st, int64_t id, const char *area, const char *period,
			const char *province)
{
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, nz(area), -1, DB_STATIC);
	db_bind_text(st, 3, nz(period), -1, DB_STATIC);
	db_bind_text(st, 4, nz(province), -1, DB_STATIC);
}

int store_indicator_values(struct store *s, struct arena *a, int64_t id, const char *area,
			   const char *period, const char *province, int limit, int offset,
			   struct indicator_value_row **out, int *n, int *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT count(*) " VALUE_FILTER);
	if (!st)
		return STORE_ERR;
	bind_filter(st, id, area, period, province);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*total = db_column_int(st, 0);
	db_reset(st);
	if (rc != DB_ROW)
		return store_db_fail(s, "waarden lezen", NULL, 0);
	st = store_stmt(s, "SELECT v.area_code, g.name, g.province, v.period, v.value, v.version, "
			   "v.source_note, v.updated_at " VALUE_FILTER
			   "ORDER BY v.period DESC, v.area_code LIMIT ?5 OFFSET ?6");
	if (!st)
		return STORE_ERR;
	bind_filter(st, id, area, period, province);
	db_bind_int64(st, 5, limit < 0 ? 1000000000 : limit);
	db_bind_int64(st, 6, offset < 0 ? 0 : offset);
	return store_collect(s, a, st, sizeof **out, read_value, (void **)out, n);
}

static void read_history(db_stmt *st, struct arena *a, void *out)
{
	struct indicator_history_row *r = out;
	r->version = db_column_int64(st, 0);
	r->has = db_column_type(st, 1) != DB_NULL;
	r->value = r->has ? db_column_double(st, 1) : 0;
	r->note = dup(a, st, 2);
	r->replaced_at = dup(a, st, 3);
}

int store_indicator_history(struct store *s, struct arena *a, int64_t id, const char *area,
			    const char *period, struct indicator_history_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = store_stmt(
	    s, "SELECT h.version, h.value, h.source_note, h.replaced_at FROM "
	       "indicator_value_history h JOIN indicator_value v ON v.id = h.value_id WHERE "
	       "v.indicator_id = ?1 AND v.area_code = ?2 AND v.period = ?3 ORDER BY h.version");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, area, -1, DB_STATIC);
	db_bind_text(st, 3, period, -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_history, (void **)out, n);
}
