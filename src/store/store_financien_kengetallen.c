/*
 * store_financien_kengetallen — inputs and signal bands of the kengetallen
 * on either engine through the db.h driver; see
 * store_financien_kengetallen.h.
 */
#include "store_financien_kengetallen.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* The audit event: entity and key with non-personal facts kv[0..n). */
static int audit(struct store *s, const struct write_ctx *w, const char *action, const char *entity,
		 const char *key, const char *const *kv, int n)
{
	json_t *o = json_object();
	for (int i = 0; i + 1 < n; i += 2)
		store_json_set(o, kv[i], kv[i + 1]);
	char *after = store_json_text(o);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, entity, key, NULL, after);
	free(after);
	return rc;
}

/* ---- bands ----------------------------------------------------------------------------- */

static void read_band(db_stmt *st, struct arena *a, void *out)
{
	struct kg_band_row *b = out;
	b->ratio = dup(a, st, 0);
	b->band.low = db_column_int64(st, 1);
	b->band.high = db_column_int64(st, 2);
	b->band.higher_better = db_column_int64(st, 3) != 0;
	b->source = dup(a, st, 4);
	b->source_url = dup(a, st, 5);
	b->updated_at = dup(a, st, 6);
	b->updated_by = dup(a, st, 7);
}

int store_kg_bands(struct store *s, struct arena *a, struct kg_band_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, "SELECT ratio, low, high, higher_better, source, source_url, "
			      "updated_at, updated_by FROM fin_kengetal_band "
			      "ORDER BY position, ratio")
	      : NULL;
	if (!st || store_collect(s, a, st, sizeof **out, read_band, (void **)out, n))
		return STORE_ERR;
	return STORE_OK;
}

int store_kg_band_update(struct store *s, const struct write_ctx *w, const struct kg_band_row *b)
{
	if (!s || !b || str_empty(b->ratio) || b->band.low > b->band.high)
		return STORE_ERR_INVALID;
	const char *what = "signaleringswaarde wijzigen";
	if (store_tx_begin(s, what, NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "UPDATE fin_kengetal_band SET low = ?2, high = ?3, "
				    "higher_better = ?4, source = ?5, source_url = ?6, "
				    "updated_at = " NOW ", updated_by = ?7 WHERE ratio = ?1 "
				    "RETURNING ratio");
	if (!st)
		goto out;
	db_bind_text(st, 1, b->ratio, -1, DB_STATIC);
	db_bind_int64(st, 2, b->band.low);
	db_bind_int64(st, 3, b->band.high);
	db_bind_int(st, 4, b->band.higher_better ? 1 : 0);
	db_bind_text(st, 5, nz(b->source), -1, DB_STATIC);
	db_bind_text(st, 6, nz(b->source_url), -1, DB_STATIC);
	db_bind_text(st, 7, store_ctx_actor(w), -1, DB_STATIC);
	int step = db_step(st);
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, what, NULL, 0);
		goto out;
	}
	char lo[24], hi[24];
	snprintf(lo, sizeof lo, "%lld", (long long)b->band.low);
	snprintf(hi, sizeof hi, "%lld", (long long)b->band.high);
	const char *kv[] = {
	    "kengetal",	  b->ratio,
	    "ondergrens", lo,
	    "bovengrens", hi,
	    "richting",	  b->band.higher_better ? "hoger_is_beter" : "lager_is_beter"};
	if (audit(s, w, "update", "fin_kengetal_band", b->ratio, kv, 8) ||
	    store_tx_commit(s, what, NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ---- inputs ---------------------------------------------------------------------------- */

static void read_input(db_stmt *st, struct arena *a, void *out)
{
	struct kg_input_row *r = out;
	r->year = (int)db_column_int64(st, 0);
	r->kind = dup(a, st, 1);
	r->component = dup(a, st, 2);
	r->cents = db_column_int64(st, 3);
	r->source = dup(a, st, 4);
	r->updated_at = dup(a, st, 5);
	r->updated_by = dup(a, st, 6);
}

int store_kg_inputs(struct store *s, struct arena *a, const char *gemeente, int from, int to,
		    struct kg_input_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT year, kind, component, cents, source, updated_at, "
					"updated_by FROM fin_kengetal_input WHERE gemeente = ?1 "
					"AND year >= ?2 AND year <= ?3 "
					"ORDER BY year, kind, component")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, nz(gemeente), -1, DB_TRANSIENT);
	db_bind_int(st, 2, from);
	db_bind_int(st, 3, to);
	if (store_collect(s, a, st, sizeof **out, read_input, (void **)out, n))
		return STORE_ERR;
	return STORE_OK;
}

static int write_set(struct store *s, const struct write_ctx *w, const char *gemeente,
		     const struct kg_input_set *set, bool replace)
{
	const char *what = "kengetalinvoer vastleggen";
	db_stmt *st;
	if (replace) {
		st = store_stmt(s, "DELETE FROM fin_kengetal_input WHERE gemeente = ?1 AND "
				   "year = ?2 AND kind = ?3");
		if (!st)
			return STORE_ERR;
		db_bind_text(st, 1, gemeente, -1, DB_STATIC);
		db_bind_int(st, 2, set->year);
		db_bind_text(st, 3, set->kind, -1, DB_STATIC);
		if (store_step_done(s, st, what, NULL, 0))
			return STORE_ERR;
	}
	for (int i = 0; i < set->n; i++) {
		const struct kg_input_row *r = &set->rows[i];
		st = store_stmt(
		    s, "INSERT INTO fin_kengetal_input (gemeente, year, kind, component, cents, "
		       "source, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW
		       ", ?7) ON CONFLICT (gemeente, year, kind, component) DO UPDATE SET "
		       "cents = excluded.cents, source = excluded.source, updated_at = "
		       "excluded.updated_at, updated_by = excluded.updated_by");
		if (!st)
			return STORE_ERR;
		db_bind_text(st, 1, gemeente, -1, DB_STATIC);
		db_bind_int(st, 2, set->year);
		db_bind_text(st, 3, set->kind, -1, DB_STATIC);
		db_bind_text(st, 4, nz(r->component), -1, DB_STATIC);
		db_bind_int64(st, 5, r->cents);
		db_bind_text(st, 6, nz(r->source), -1, DB_STATIC);
		db_bind_text(st, 7, store_ctx_actor(w), -1, DB_STATIC);
		if (store_step_done(s, st, what, NULL, 0))
			return STORE_ERR;
	}
	char key[64], year[12], count[12];
	snprintf(key, sizeof key, "%s/%d/%s", gemeente, set->year, set->kind);
	snprintf(year, sizeof year, "%d", set->year);
	snprintf(count, sizeof count, "%d", set->n);
	const char *kv[] = {"gemeente", gemeente,  "jaar",	 year,
			    "soort",	set->kind, "onderdelen", count};
	return audit(s, w, "update", "fin_kengetal_input", key, kv, 8);
}

int store_kg_inputs_write(struct store *s, const struct write_ctx *w, const char *gemeente,
			  const struct kg_input_set *sets, int n_sets, bool replace)
{
	if (!s || str_empty(gemeente) || n_sets < 1)
		return STORE_ERR_INVALID;
	const char *what = "kengetalinvoer vastleggen";
	if (store_tx_begin(s, what, NULL, 0))
		return STORE_ERR;
	for (int i = 0; i < n_sets; i++)
		if (write_set(s, w, gemeente, &sets[i], replace)) {
			store_tx_rollback(s);
			return STORE_ERR;
		}
	if (store_tx_commit(s, what, NULL, 0)) {
		store_tx_rollback(s);
		return STORE_ERR;
	}
	return STORE_OK;
}
