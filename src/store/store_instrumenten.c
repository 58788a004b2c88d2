/*
 * store_instrumenten — instrument requests on either engine through the
 * db.h driver; see store_instrumenten.h.
 */
#include "store_instrumenten.h"
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

/* The audit event: the request, its organisation and status; no text. */
static int audit(struct store *s, const struct write_ctx *w, const char *action, int64_t id,
		 const char *org_code, const char *status, const char *k2, const char *v2)
{
	json_t *o = json_object();
	store_json_set(o, "organisatie", org_code);
	store_json_set(o, "status", status);
	if (k2)
		store_json_set(o, k2, v2);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, "instrument_request", key, NULL, after);
	free(after);
	return rc;
}

int store_instrument_add(struct store *s, const struct write_ctx *w,
			 const struct instrument_new *in, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->kind) || str_empty(in->org_code) || str_empty(in->title) ||
	    in->requested_by <= 0)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "aanvraag vastleggen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO instrument_request (kind, org_code, title, purpose, amount_asked, "
	       "period_start, period_end, status, collab_key, requested_by, created_at, "
	       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'ingediend', ?8, ?9, " NOW ", " NOW
	       ")");
	int64_t id = 0;
	if (!st)
		goto fail;
	db_bind_text(st, 1, in->kind, -1, DB_STATIC);
	db_bind_text(st, 2, in->org_code, -1, DB_STATIC);
	db_bind_text(st, 3, in->title, -1, DB_STATIC);
	db_bind_text(st, 4, in->purpose ? in->purpose : "", -1, DB_STATIC);
	if (in->amount_asked > 0)
		db_bind_int64(st, 5, in->amount_asked);
	db_bind_text(st, 6, in->period_start ? in->period_start : "", -1, DB_STATIC);
	db_bind_text(st, 7, in->period_end ? in->period_end : "", -1, DB_STATIC);
	db_bind_text(st, 8, in->collab_key ? in->collab_key : "", -1, DB_STATIC);
	db_bind_int64(st, 9, in->requested_by);
	if (store_step_done(s, st, "aanvraag vastleggen", NULL, 0))
		goto fail;
	id = db_last_insert_id(s);
	if (id <= 0)
		goto fail;
	for (int i = 0; i < in->n_parties; i++) {
		st = store_stmt(
		    s, "INSERT INTO instrument_party (request_id, org_code) VALUES (?1, ?2) "
		       "ON CONFLICT DO NOTHING");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, in->parties[i], -1, DB_STATIC);
		if (store_step_done(s, st, "aanvraag vastleggen", NULL, 0))
			goto fail;
	}
	if (audit(s, w, "insert", id, in->org_code, "ingediend", "soort", in->kind) ||
	    store_tx_commit(s, "aanvraag vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

#define INSTRUMENT_SELECT                                                                          \
	"SELECT r.id, r.kind, r.org_code, r.title, r.purpose, COALESCE(r.amount_asked, -1), "      \
	"r.period_start, r.period_end, r.status, r.granted, r.decision_date, "                     \
	"COALESCE(r.amount_granted, -1), r.reason, r.collab_key, r.requested_by, u.username, "     \
	"r.created_at, r.updated_at FROM instrument_request r JOIN app_user u ON u.id = "          \
	"r.requested_by "

static void read_row(db_stmt *st, struct arena *a, void *out)
{
	struct instrument_row *r = out;
	r->id = db_column_int64(st, 0);
	r->kind = dup(a, st, 1);
	r->org_code = dup(a, st, 2);
	r->title = dup(a, st, 3);
	r->purpose = dup(a, st, 4);
	r->amount_asked = db_column_int64(st, 5);
	r->period_start = dup(a, st, 6);
	r->period_end = dup(a, st, 7);
	r->status = dup(a, st, 8);
	r->granted = db_column_int(st, 9) != 0;
	r->decision_date = dup(a, st, 10);
	r->amount_granted = db_column_int64(st, 11);
	r->reason = dup(a, st, 12);
	r->collab_key = dup(a, st, 13);
	r->requested_by = db_column_int64(st, 14);
	r->requester = dup(a, st, 15);
	r->created_at = dup(a, st, 16);
	r->updated_at = dup(a, st, 17);
}

struct org_link {
	int64_t id;
	const char *org;
};

static void read_link(db_stmt *st, struct arena *a, void *out)
{
	struct org_link *l = out;
	l->id = db_column_int64(st, 0);
	l->org = dup(a, st, 1);
}

/* The organisation codes of table (instrument_party / instrument_support)
 * for rows r[0..n), attached as parties (support false) or supporters. */
static int attach(struct store *s, struct arena *a, struct instrument_row *r, int n, bool support)
{
	if (!n)
		return STORE_OK;
	int64_t lo = r[0].id, hi = r[0].id;
	for (int i = 1; i < n; i++) {
		lo = r[i].id < lo ? r[i].id : lo;
		hi = r[i].id > hi ? r[i].id : hi;
	}
	db_stmt *st =
	    store_stmt(s, support ? "SELECT request_id, org_code FROM instrument_support WHERE "
				    "request_id BETWEEN ?1 AND ?2 ORDER BY request_id, org_code"
				  : "SELECT request_id, org_code FROM instrument_party WHERE "
				    "request_id BETWEEN ?1 AND ?2 ORDER BY request_id, org_code");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, lo);
	db_bind_int64(st, 2, hi);
	struct org_link *l;
	int nl;
	if (store_collect(s, a, st, sizeof *l, read_link, (void **)&l, &nl))
		return STORE_ERR;
	for (int i = 0; i < n; i++) {
		const char **list = arena_calloc(a, (size_t)nl + 1, sizeof *list);
		int k = 0;
		for (int j = 0; j < nl; j++)
			if (l[j].id == r[i].id)
				list[k++] = l[j].org;
		if (support) {
			r[i].supporters = list;
			r[i].n_supporters = k;
		} else {
			r[i].parties = list;
			r[i].n_parties = k;
		}
	}
	return STORE_OK;
}

static int attach_all(struct store *s, struct arena *a, struct instrument_row *r, int n)
{
	return attach(s, a, r, n, false) || attach(s, a, r, n, true) ? STORE_ERR : STORE_OK;
}

int store_instrument_get(struct store *s, struct arena *a, int64_t id, struct instrument_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, INSTRUMENT_SELECT "WHERE r.id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	struct instrument_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_row, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	if (attach_all(s, a, rows, 1))
		return STORE_ERR;
	*out = rows[0];
	return STORE_OK;
}

int store_instruments(struct store *s, struct arena *a, bool public_only, const char *org_code,
		      const char *collab_key, int limit, struct instrument_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, INSTRUMENT_SELECT
				 "WHERE (?1 = 0 OR (r.granted = 1 AND r.kind IN ('stimulans', "
				 "'lobby'))) AND (CAST(?2 AS TEXT) IS NULL OR r.org_code = ?2) "
				 "AND (CAST(?3 AS TEXT) IS NULL OR r.collab_key = ?3) "
				 "ORDER BY r.created_at DESC, r.id DESC LIMIT ?4");
	if (!st)
		return STORE_ERR;
	db_bind_int(st, 1, public_only);
	if (org_code)
		db_bind_text(st, 2, org_code, -1, DB_STATIC);
	if (collab_key)
		db_bind_text(st, 3, collab_key, -1, DB_STATIC);
	db_bind_int(st, 4, limit);
	if (store_collect(s, a, st, sizeof **out, read_row, (void **)out, n))
		return STORE_ERR;
	return attach_all(s, a, *out, *n);
}

int store_instrument_set_status(struct store *s, const struct write_ctx *w, int64_t id,
				const char *from, const char *to, const char *decision_date,
				int64_t amount_granted, const char *reason)
{
	if (!s || str_empty(from) || str_empty(to))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "status van de aanvraag wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE instrument_request SET status = ?3, "
	       "granted = CASE WHEN ?3 = 'toegekend' THEN 1 ELSE granted END, "
	       "decision_date = CASE WHEN ?3 IN ('toegekend', 'afgewezen') THEN ?4 ELSE "
	       "decision_date END, "
	       "amount_granted = CASE WHEN ?3 = 'toegekend' AND ?5 > 0 THEN ?5 ELSE amount_granted "
	       "END, reason = CASE WHEN ?3 IN ('toegekend', 'afgewezen') THEN ?6 ELSE reason END, "
	       "updated_at = " NOW " WHERE id = ?1 AND status = ?2 RETURNING org_code");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, from, -1, DB_STATIC);
	db_bind_text(st, 3, to, -1, DB_STATIC);
	db_bind_text(st, 4, decision_date ? decision_date : "", -1, DB_STATIC);
	db_bind_int64(st, 5, amount_granted);
	db_bind_text(st, 6, reason ? reason : "", -1, DB_STATIC);
	int step = db_step(st);
	char org[96] = "";
	if (step == DB_ROW)
		snprintf(org, sizeof org, "%s", store_col_text(st, 0));
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "status van de aanvraag wijzigen", NULL, 0);
		goto out;
	}
	/* a grant may change a public collaboration page: a new data version
	 * invalidates its cached replies (the table journals 'extern') */
	if (audit(s, w, "update", id, org, to, NULL, NULL) || store_bump_data_version(s, NULL, 0) ||
	    store_tx_commit(s, "status van de aanvraag wijzigen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_instrument_set_collab(struct store *s, const struct write_ctx *w, int64_t id,
				const char *collab_key)
{
	if (!s)
		return STORE_ERR;
	if (store_tx_begin(s, "samenwerkingsverband koppelen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "UPDATE instrument_request SET collab_key = ?2, updated_at = " NOW
			  " WHERE id = ?1 RETURNING org_code, status");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, collab_key ? collab_key : "", -1, DB_STATIC);
	int step = db_step(st);
	char org[96] = "", status[32] = "";
	if (step == DB_ROW) {
		snprintf(org, sizeof org, "%s", store_col_text(st, 0));
		snprintf(status, sizeof status, "%s", store_col_text(st, 1));
	}
	db_reset(st);
	if (step != DB_ROW) {
		rc = step == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
		goto out;
	}
	if (audit(s, w, "update", id, org, status, "samenwerkingsverband", collab_key) ||
	    store_bump_data_version(s, NULL, 0) ||
	    store_tx_commit(s, "samenwerkingsverband koppelen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_instrument_support(struct store *s, const struct write_ctx *w, int64_t id,
			     const char *org_code)
{
	if (!s || str_empty(org_code))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "steun vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "INSERT INTO instrument_support (request_id, org_code, "
				    "created_at) VALUES (?1, ?2, " NOW ") ON CONFLICT DO NOTHING "
				    "RETURNING request_id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, org_code, -1, DB_STATIC);
	int step = db_step(st);
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "steun vastleggen", NULL, 0);
		goto out;
	}
	if (audit(s, w, "update", id, org_code, "steun", NULL, NULL) ||
	    store_tx_commit(s, "steun vastleggen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}
