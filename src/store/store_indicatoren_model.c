/*
 * store_indicatoren_model — the reads behind the indicator read model; see
 * store_indicatoren_model.h.
 */
#include "store_indicatoren_model.h"
#include "../lib/arena.h"
#include "store_internal.h"

#define WHAT "indicatoren inlezen"

int store_indicator_stamp(struct store *s, uint64_t *out)
{
	*out = 0;
	if (!s)
		return STORE_ERR;
	/* index audit_event_entity: only the module's few import events */
	db_stmt *st = store_stmt(s, "SELECT coalesce(max(id), 0) FROM audit_event WHERE entity = "
				    "'indicator'");
	if (!st)
		return STORE_ERR;
	int rc = db_step(st);
	if (rc == DB_ROW)
		*out = (uint64_t)db_column_int64(st, 0);
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : store_db_fail(s, WHAT, NULL, 0);
}

static void read_area(db_stmt *st, struct arena *a, void *out)
{
	struct indicator_area *r = out;
	r->code = arena_strdup(a, store_col_text(st, 0));
	r->name = arena_strdup(a, store_col_text(st, 1));
	r->level = arena_strdup(a, store_col_text(st, 2));
	r->province = arena_strdup(a, store_col_text(st, 3));
}

static int scan(struct store *s, void (*fn)(void *, const struct indicator_scan_row *), void *arg)
{
	db_stmt *st =
	    store_stmt(s, "SELECT indicator_id, area_code, period, value, source_note "
			  "FROM indicator_value ORDER BY indicator_id, period, area_code");
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct indicator_scan_row r = {
		    .indicator_id = db_column_int64(st, 0),
		    .area = store_col_text(st, 1),
		    .period = store_col_text(st, 2),
		    .has = db_column_type(st, 3) != DB_NULL,
		    .note = store_col_text(st, 4),
		};
		r.value = r.has ? db_column_double(st, 3) : 0;
		fn(arg, &r);
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, WHAT, NULL, 0);
}

int store_indicator_model_read(struct store *s, struct arena *a, uint64_t *stamp,
			       struct indicator_area **areas, int *nareas,
			       struct indicator_row **inds, int *ninds,
			       void (*fn)(void *arg, const struct indicator_scan_row *row),
			       void *arg)
{
	*areas = NULL;
	*inds = NULL;
	*nareas = *ninds = 0;
	if (!s || store_tx_begin_read(s, WHAT, NULL, 0))
		return STORE_ERR;
	int rc = store_indicator_stamp(s, stamp);
	if (rc == STORE_OK)
		rc = store_list(s, a, "SELECT code, name, level, province FROM indicator_area ",
				"ORDER BY code", NULL, sizeof **areas, read_area, (void **)areas,
				nareas);
	if (rc == STORE_OK)
		rc = store_indicators(s, a, inds, ninds);
	if (rc == STORE_OK)
		rc = scan(s, fn, arg);
	if (rc == STORE_OK)
		rc = store_tx_commit(s, WHAT, NULL, 0);
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}
