/*
 * store_toezicht_ladder — the intervention ladder, agreements and dialogue
 * log of IBT on either engine through the db.h driver; see
 * store_toezicht_ladder.h.
 */
#include "store_toezicht_ladder.h"
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

/* The audit event: entity and key with non-personal facts (key, value
 * pairs). */
static int audit(struct store *s, const struct write_ctx *w, const char *action, const char *entity,
		 int64_t id, const char *const *kv, int n)
{
	json_t *o = json_object();
	for (int i = 0; i + 1 < n; i += 2)
		store_json_set(o, kv[i], kv[i + 1]);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, entity, key, NULL, after);
	free(after);
	return rc;
}

/* Step a statement that returns one id: STORE_OK with *id, none_rc when no
 * row came back, STORE_ERR (logged) on a fault. */
static int returned_id(struct store *s, db_stmt *st, int none_rc, const char *what, int64_t *id)
{
	int step = db_step(st);
	*id = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step == DB_DONE)
		return none_rc;
	if (step != DB_ROW)
		return store_db_fail(s, what, NULL, 0);
	return STORE_OK;
}

/* ---- ladder records ------------------------------------------------------------------ */

#define LADDER_SELECT                                                                              \
	"SELECT l.id, l.org_code, l.domain_id, d.key, l.track, l.step, l.subject, l.reason, "      \
	"l.started_on, COALESCE(l.ended_on, ''), l.recorded_by, l.created_at, (SELECT count(*) "   \
	"FROM ibt_agreement g WHERE g.ladder_id = l.id) FROM ibt_ladder l JOIN ibt_domain d ON "   \
	"d.id = l.domain_id "

static void read_ladder(db_stmt *st, struct arena *a, void *out)
{
	struct ibt_ladder_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->domain_id = db_column_int64(st, 2);
	r->domain_key = dup(a, st, 3);
	int t = ibt_track_from(store_col_text(st, 4));
	r->track = t < 0 ? IBT_TRACK_LADDER : (enum ibt_track)t;
	r->step = (int)db_column_int64(st, 5);
	r->subject = dup(a, st, 6);
	r->reason = dup(a, st, 7);
	r->started_on = dup(a, st, 8);
	r->ended_on = dup(a, st, 9);
	r->recorded_by = dup(a, st, 10);
	r->created_at = dup(a, st, 11);
	r->n_agreements = (int)db_column_int64(st, 12);
}

int store_ibt_ladder(struct store *s, struct arena *a, const struct ibt_ladder_filter *f,
		     struct ibt_ladder_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, LADDER_SELECT
			   "WHERE (CAST(?1 AS TEXT) IS NULL OR l.org_code = ?1) AND (?2 = 0 OR "
			   "l.domain_id = ?2) AND (?3 = 0 OR l.track = 'kroon' OR l.step >= 4) AND "
			   "(?4 = 0 OR l.ended_on IS NULL) ORDER BY l.org_code, d.position, "
			   "l.started_on DESC, l.id DESC")
	      : NULL;
	if (!st)
		return STORE_ERR;
	if (f->org_code)
		db_bind_text(st, 1, f->org_code, -1, DB_STATIC);
	else
		db_bind_null(st, 1);
	db_bind_int64(st, 2, f->domain_id);
	db_bind_int(st, 3, f->public_only ? 1 : 0);
	db_bind_int(st, 4, f->open_only ? 1 : 0);
	return store_collect(s, a, st, sizeof **out, read_ladder, (void **)out, n) ? STORE_ERR
										   : STORE_OK;
}

static int ladder_one(struct store *s, struct arena *a, db_stmt *st, struct ibt_ladder_row *out)
{
	struct ibt_ladder_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_ladder, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

int store_ibt_ladder_get(struct store *s, struct arena *a, int64_t id, struct ibt_ladder_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, LADDER_SELECT "WHERE l.id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	return ladder_one(s, a, st, out);
}

int store_ibt_ladder_current(struct store *s, struct arena *a, const char *org_code,
			     int64_t domain_id, struct ibt_ladder_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, LADDER_SELECT
				     "WHERE l.org_code = ?1 AND l.domain_id = ?2 AND l.track = "
				     "'ladder' AND l.ended_on IS NULL ORDER BY l.id DESC LIMIT 1")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, nz(org_code), -1, DB_STATIC);
	db_bind_int64(st, 2, domain_id);
	return ladder_one(s, a, st, out);
}

static const char *num(char buf[24], long long v)
{
	snprintf(buf, 24, "%lld", v);
	return buf;
}

static int ladder_audit(struct store *s, const struct write_ctx *w, const char *action, int64_t id,
			const char *org, const char *domain, enum ibt_track t, int step)
{
	char sb[24];
	const char *kv[] = {"organisatie",    org,     "domein",     domain, "spoor",
			    ibt_track_api(t), "trede", num(sb, step)};
	return audit(s, w, action, "ibt_ladder", id, kv, 8);
}

int store_ibt_ladder_add(struct store *s, const struct write_ctx *w,
			 const struct ibt_ladder_new *in, int expect_current, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->org_code) || in->domain_id <= 0)
		return STORE_ERR_INVALID;
	const char *what = "trede vastleggen";
	if (store_tx_begin(s, what, NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st;
	if (in->track == IBT_TRACK_LADDER) {
		/* the current step is still the one the check saw */
		st = store_stmt(s, "SELECT id, step FROM ibt_ladder WHERE org_code = ?1 AND "
				   "domain_id = ?2 AND track = 'ladder' AND ended_on IS NULL");
		if (!st)
			goto out;
		db_bind_text(st, 1, in->org_code, -1, DB_STATIC);
		db_bind_int64(st, 2, in->domain_id);
		int64_t cur_id = 0;
		int cur = 0, step, rows = 0;
		while ((step = db_step(st)) == DB_ROW) {
			cur_id = db_column_int64(st, 0);
			cur = (int)db_column_int64(st, 1);
			rows++;
		}
		db_reset(st);
		if (step != DB_DONE) {
			store_db_fail(s, what, NULL, 0);
			goto out;
		}
		if (rows > 1 || cur != expect_current) {
			rc = STORE_ERR_CONFLICT;
			goto out;
		}
		if (cur_id) {
			st = store_stmt(s, "UPDATE ibt_ladder SET ended_on = ?2, updated_at = " NOW
					   " WHERE id = ?1 AND ended_on IS NULL");
			if (!st)
				goto out;
			db_bind_int64(st, 1, cur_id);
			db_bind_text(st, 2, nz(in->started_on), -1, DB_STATIC);
			if (store_step_done(s, st, what, NULL, 0) ||
			    ladder_audit(s, w, "update", cur_id, in->org_code, in->domain_key,
					 IBT_TRACK_LADDER, cur))
				goto out;
		}
	}
	st = store_stmt(s,
			"INSERT INTO ibt_ladder (org_code, domain_id, track, step, subject, "
			"reason, started_on, recorded_by, created_at, updated_at) VALUES (?1, ?2, "
			"?3, ?4, ?5, ?6, ?7, ?8, " NOW ", " NOW ") RETURNING id");
	if (!st)
		goto out;
	db_bind_text(st, 1, in->org_code, -1, DB_STATIC);
	db_bind_int64(st, 2, in->domain_id);
	db_bind_text(st, 3, ibt_track_api(in->track), -1, DB_STATIC);
	db_bind_int(st, 4, in->step);
	db_bind_text(st, 5, nz(in->subject), -1, DB_STATIC);
	db_bind_text(st, 6, nz(in->reason), -1, DB_STATIC);
	db_bind_text(st, 7, nz(in->started_on), -1, DB_STATIC);
	db_bind_text(st, 8, nz(in->recorded_by), -1, DB_STATIC);
	int64_t id;
	if (returned_id(s, st, STORE_ERR, what, &id) ||
	    ladder_audit(s, w, "insert", id, in->org_code, in->domain_key, in->track, in->step) ||
	    store_tx_commit(s, what, NULL, 0))
		goto out;
	*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_ibt_ladder_end(struct store *s, const struct write_ctx *w, int64_t id,
			 const char *ended_on)
{
	if (!s || str_empty(ended_on))
		return STORE_ERR_INVALID;
	const char *what = "trede beëindigen";
	if (store_tx_begin(s, what, NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	struct ibt_ladder_row r;
	struct arena *a = arena_new();
	rc = store_ibt_ladder_get(s, a, id, &r);
	if (rc != STORE_OK)
		goto out;
	rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "UPDATE ibt_ladder SET ended_on = ?2, updated_at = " NOW
				    " WHERE id = ?1 AND ended_on IS NULL RETURNING id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, ended_on, -1, DB_STATIC);
	int64_t got;
	if ((rc = returned_id(s, st, STORE_ERR_CONFLICT, what, &got)))
		goto out;
	rc = STORE_ERR;
	if (ladder_audit(s, w, "update", id, r.org_code, r.domain_key, r.track, r.step) ||
	    store_tx_commit(s, what, NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	arena_free(a);
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ---- agreements ------------------------------------------------------------------------ */

#define AGREEMENT_SELECT                                                                           \
	"SELECT id, ladder_id, action, owner, due_on, status, created_at, updated_at FROM "        \
	"ibt_agreement "

static void read_agreement(db_stmt *st, struct arena *a, void *out)
{
	struct ibt_agreement_row *r = out;
	r->id = db_column_int64(st, 0);
	r->ladder_id = db_column_int64(st, 1);
	r->action = dup(a, st, 2);
	r->owner = dup(a, st, 3);
	r->due_on = dup(a, st, 4);
	int k = ibt_agreement_status_from(store_col_text(st, 5));
	r->status = k < 0 ? IBT_AGR_OPEN : (enum ibt_agreement_status)k;
	r->created_at = dup(a, st, 6);
	r->updated_at = dup(a, st, 7);
}

int store_ibt_agreements(struct store *s, struct arena *a, int64_t ladder_id,
			 struct ibt_agreement_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, AGREEMENT_SELECT "WHERE ladder_id = ?1 ORDER BY due_on, id") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, ladder_id);
	return store_collect(s, a, st, sizeof **out, read_agreement, (void **)out, n) ? STORE_ERR
										      : STORE_OK;
}

int store_ibt_agreement_get(struct store *s, struct arena *a, int64_t id,
			    struct ibt_agreement_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, AGREEMENT_SELECT "WHERE id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	struct ibt_agreement_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_agreement, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

static int agreement_audit(struct store *s, const struct write_ctx *w, const char *action,
			   int64_t id, int64_t ladder_id, enum ibt_agreement_status status)
{
	char lb[24];
	const char *kv[] = {"trede", num(lb, ladder_id), "status",
			    ibt_agreement_status_api(status)};
	return audit(s, w, action, "ibt_agreement", id, kv, 4);
}

static void bind_agreement(db_stmt *st, const struct ibt_agreement_new *in)
{
	db_bind_text(st, 2, nz(in->action), -1, DB_STATIC);
	db_bind_text(st, 3, nz(in->owner), -1, DB_STATIC);
	db_bind_text(st, 4, nz(in->due_on), -1, DB_STATIC);
	db_bind_text(st, 5, ibt_agreement_status_api(in->status), -1, DB_STATIC);
}

int store_ibt_agreement_add(struct store *s, const struct write_ctx *w, int64_t ladder_id,
			    const struct ibt_agreement_new *in, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in)
		return STORE_ERR_INVALID;
	const char *what = "afspraak vastleggen";
	if (store_tx_begin(s, what, NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO ibt_agreement (ladder_id, action, owner, due_on, status, created_at, "
	       "updated_at) SELECT ?1, ?2, ?3, ?4, ?5, " NOW ", " NOW
	       " FROM ibt_ladder WHERE id = ?1 RETURNING id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, ladder_id);
	bind_agreement(st, in);
	int64_t id;
	if ((rc = returned_id(s, st, STORE_ERR_NOTFOUND, what, &id)))
		goto out;
	rc = STORE_ERR;
	if (agreement_audit(s, w, "insert", id, ladder_id, in->status) ||
	    store_tx_commit(s, what, NULL, 0))
		goto out;
	*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_ibt_agreement_update(struct store *s, const struct write_ctx *w, int64_t id,
			       const struct ibt_agreement_new *in)
{
	if (!s || !in)
		return STORE_ERR_INVALID;
	const char *what = "afspraak wijzigen";
	if (store_tx_begin(s, what, NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "UPDATE ibt_agreement SET action = ?2, owner = ?3, due_on = "
				    "?4, status = ?5, updated_at = " NOW
				    " WHERE id = ?1 RETURNING ladder_id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	bind_agreement(st, in);
	int64_t ladder_id;
	if ((rc = returned_id(s, st, STORE_ERR_NOTFOUND, what, &ladder_id)))
		goto out;
	rc = STORE_ERR;
	if (agreement_audit(s, w, "update", id, ladder_id, in->status) ||
	    store_tx_commit(s, what, NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ---- the dialogue log ------------------------------------------------------------------ */

static void read_dialogue(db_stmt *st, struct arena *a, void *out)
{
	struct ibt_dialogue_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->domain_id = db_column_int64(st, 2);
	r->domain_key = dup(a, st, 3);
	int k = ibt_dialogue_kind_from(store_col_text(st, 4));
	r->kind = k < 0 ? IBT_DLG_TALK : (enum ibt_dialogue_kind)k;
	r->held_on = dup(a, st, 5);
	r->subject = dup(a, st, 6);
	r->participants = dup(a, st, 7);
	r->reviewers = dup(a, st, 8);
	r->report_url = dup(a, st, 9);
	r->notes = dup(a, st, 10);
	r->shared = !strcmp(store_col_text(st, 11), "gedeeld");
	r->recorded_by = dup(a, st, 12);
	r->created_at = dup(a, st, 13);
}

int store_ibt_dialogues(struct store *s, struct arena *a, const struct ibt_dialogue_filter *f,
			struct ibt_dialogue_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, "SELECT g.id, g.org_code, COALESCE(g.domain_id, 0), "
			      "COALESCE(d.key, ''), g.kind, g.held_on, g.subject, g.participants, "
			      "g.reviewers, g.report_url, g.notes, g.visibility, g.recorded_by, "
			      "g.created_at FROM ibt_dialogue g LEFT JOIN ibt_domain d ON d.id = "
			      "g.domain_id WHERE (CAST(?1 AS TEXT) IS NULL OR g.org_code = ?1) AND "
			      "(?2 = 0 OR g.domain_id = ?2) AND (?3 = 0 OR g.visibility = "
			      "'gedeeld') ORDER BY g.held_on DESC, g.id DESC")
	      : NULL;
	if (!st)
		return STORE_ERR;
	if (f->org_code)
		db_bind_text(st, 1, f->org_code, -1, DB_STATIC);
	else
		db_bind_null(st, 1);
	db_bind_int64(st, 2, f->domain_id);
	db_bind_int(st, 3, f->shared_only ? 1 : 0);
	return store_collect(s, a, st, sizeof **out, read_dialogue, (void **)out, n) ? STORE_ERR
										     : STORE_OK;
}

int store_ibt_dialogue_add(struct store *s, const struct write_ctx *w,
			   const struct ibt_dialogue_new *in, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->org_code))
		return STORE_ERR_INVALID;
	const char *what = "dialoog vastleggen";
	if (store_tx_begin(s, what, NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO ibt_dialogue (org_code, domain_id, kind, held_on, subject, "
	       "participants, reviewers, report_url, notes, visibility, recorded_by, created_at) "
	       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, " NOW ") RETURNING id");
	if (!st)
		goto out;
	db_bind_text(st, 1, in->org_code, -1, DB_STATIC);
	if (in->domain_id > 0)
		db_bind_int64(st, 2, in->domain_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, ibt_dialogue_kind_api(in->kind), -1, DB_STATIC);
	db_bind_text(st, 4, nz(in->held_on), -1, DB_STATIC);
	db_bind_text(st, 5, nz(in->subject), -1, DB_STATIC);
	db_bind_text(st, 6, nz(in->participants), -1, DB_STATIC);
	db_bind_text(st, 7, nz(in->reviewers), -1, DB_STATIC);
	db_bind_text(st, 8, nz(in->report_url), -1, DB_STATIC);
	db_bind_text(st, 9, nz(in->notes), -1, DB_STATIC);
	db_bind_text(st, 10, in->shared ? "gedeeld" : "intern", -1, DB_STATIC);
	db_bind_text(st, 11, nz(in->recorded_by), -1, DB_STATIC);
	int64_t id;
	if (returned_id(s, st, STORE_ERR, what, &id))
		goto out;
	const char *kv[] = {"organisatie",   in->org_code,
			    "domein",	     nz(in->domain_key),
			    "soort",	     ibt_dialogue_kind_api(in->kind),
			    "zichtbaarheid", in->shared ? "gedeeld" : "intern"};
	if (audit(s, w, "insert", "ibt_dialogue", id, kv, 8) || store_tx_commit(s, what, NULL, 0))
		goto out;
	*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}
