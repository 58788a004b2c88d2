/*
 * store_subsidiekansen — funding calls and interest marks on either engine
 * through the db.h driver; see store_subsidiekansen.h.
 */
#include "store_subsidiekansen.h"
#include "../lib/arena.h"
#include "store_outbox.h"
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

/* The audit event: entity and key, and two non-personal facts. */
static int audit(struct store *s, const struct write_ctx *w, const char *action, const char *entity,
		 int64_t id, const char *k1, const char *v1, const char *k2, const char *v2)
{
	json_t *o = json_object();
	if (k1)
		store_json_set(o, k1, v1);
	if (k2)
		store_json_set(o, k2, v2);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, entity, key, NULL, after);
	free(after);
	return rc;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* Bind the fields of in as ?1..?11 (programme … status_note). */
static void bind_call(db_stmt *st, const struct funding_call_new *in)
{
	db_bind_text(st, 1, nz(in->programme), -1, DB_STATIC);
	db_bind_text(st, 2, nz(in->title), -1, DB_STATIC);
	db_bind_text(st, 3, nz(in->url), -1, DB_STATIC);
	db_bind_text(st, 4, nz(in->opens_on), -1, DB_STATIC);
	db_bind_text(st, 5, nz(in->deadline), -1, DB_STATIC);
	db_bind_text(st, 6, nz(in->themes), -1, DB_STATIC);
	db_bind_text(st, 7, nz(in->eligible), -1, DB_STATIC);
	if (in->budget >= 0)
		db_bind_int64(st, 8, in->budget);
	else
		db_bind_null(st, 8);
	if (in->cofinancing >= 0)
		db_bind_int(st, 9, in->cofinancing);
	else
		db_bind_null(st, 9);
	db_bind_text(st, 10, nz(in->description), -1, DB_STATIC);
	db_bind_text(st, 11, nz(in->status_note), -1, DB_STATIC);
}

/* Withdraw the reminders of call_id that no sender has claimed yet: those
 * of organisation org_code (NULL: every organisation) and, with
 * keep_deadline, those for another deadline only. Inside the caller's
 * transaction; the reminder rows stay with outbox_id NULL. */
static int withdraw_reminders(struct store *s, int64_t call_id, const char *org_code,
			      const char *keep_deadline, const char *what)
{
	db_stmt *st = store_stmt(
	    s, "DELETE FROM outbox WHERE status = 'queued' AND id IN (SELECT r.outbox_id FROM "
	       "funding_reminder r WHERE r.call_id = ?1 AND r.outbox_id IS NOT NULL AND "
	       "(CAST(?2 AS TEXT) IS NULL OR r.org_code = ?2) AND (CAST(?3 AS TEXT) IS NULL OR "
	       "r.deadline <> ?3))");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, call_id);
	if (org_code)
		db_bind_text(st, 2, org_code, -1, DB_STATIC);
	else
		db_bind_null(st, 2);
	if (keep_deadline)
		db_bind_text(st, 3, keep_deadline, -1, DB_STATIC);
	else
		db_bind_null(st, 3);
	return store_step_done(s, st, what, NULL, 0) ? STORE_ERR : STORE_OK;
}

int store_funding_call_add(struct store *s, const struct write_ctx *w,
			   const struct funding_call_new *in, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->programme) || str_empty(in->title) ||
	    str_empty(in->deadline))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "subsidiekans vastleggen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO funding_call (programme, title, url, opens_on, deadline, themes, "
	       "eligible, budget, cofinancing, description, status_note, created_by, created_at, "
	       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, " NOW
	       ", " NOW ")");
	if (!st)
		goto fail;
	bind_call(st, in);
	db_bind_text(st, 12, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "subsidiekans vastleggen", NULL, 0))
		goto fail;
	int64_t id = db_last_insert_id(s);
	if (id <= 0 ||
	    audit(s, w, "insert", "funding_call", id, "programma", in->programme, "deadline",
		  in->deadline) ||
	    store_tx_commit(s, "subsidiekans vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_funding_call_update(struct store *s, const struct write_ctx *w, int64_t id,
			      int64_t expected_version, const struct funding_call_new *in)
{
	if (!s || !in || str_empty(in->programme) || str_empty(in->title) ||
	    str_empty(in->deadline))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "subsidiekans wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE funding_call SET programme = ?1, title = ?2, url = ?3, opens_on = ?4, "
	       "deadline = ?5, themes = ?6, eligible = ?7, budget = ?8, cofinancing = ?9, "
	       "description = ?10, status_note = ?11, version = version + 1, updated_at = " NOW
	       " WHERE id = ?12 AND version = ?13 RETURNING id");
	if (!st)
		goto out;
	bind_call(st, in);
	db_bind_int64(st, 12, id);
	db_bind_int64(st, 13, expected_version);
	int step = db_step(st);
	db_reset(st);
	if (step == DB_DONE) {
		st = store_stmt(s, "SELECT count(*) FROM funding_call WHERE id = ?1");
		if (!st)
			goto out;
		db_bind_int64(st, 1, id);
		int64_t n = db_step(st) == DB_ROW ? db_column_int64(st, 0) : -1;
		db_reset(st);
		rc = n == 0 ? STORE_ERR_NOTFOUND : n > 0 ? STORE_ERR_CONFLICT : STORE_ERR;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "subsidiekans wijzigen", NULL, 0);
		goto out;
	}
	/* a moved deadline: the reminders for the old one go; the sweep queues
	 * those of the new one */
	if (withdraw_reminders(s, id, NULL, in->deadline, "subsidiekans wijzigen") ||
	    audit(s, w, "update", "funding_call", id, "programma", in->programme, "deadline",
		  in->deadline) ||
	    store_tx_commit(s, "subsidiekans wijzigen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

#define CALL_SELECT                                                                                \
	"SELECT c.id, c.programme, c.title, c.url, c.opens_on, c.deadline, c.themes, c.eligible, " \
	"COALESCE(c.budget, -1), COALESCE(c.cofinancing, -1), c.description, c.status_note, "      \
	"c.version, c.created_at, c.updated_at, (SELECT count(*) FROM funding_interest i WHERE "   \
	"i.call_id = c.id) FROM funding_call c "

static void read_call(db_stmt *st, struct arena *a, void *out)
{
	struct funding_call_row *r = out;
	r->id = db_column_int64(st, 0);
	r->programme = dup(a, st, 1);
	r->title = dup(a, st, 2);
	r->url = dup(a, st, 3);
	r->opens_on = dup(a, st, 4);
	r->deadline = dup(a, st, 5);
	r->themes = dup(a, st, 6);
	r->eligible = dup(a, st, 7);
	r->budget = db_column_int64(st, 8);
	r->cofinancing = (int)db_column_int64(st, 9);
	r->description = dup(a, st, 10);
	r->status_note = dup(a, st, 11);
	r->version = db_column_int64(st, 12);
	r->created_at = dup(a, st, 13);
	r->updated_at = dup(a, st, 14);
	r->interests = (int)db_column_int64(st, 15);
}

int store_funding_call_get(struct store *s, struct arena *a, int64_t id,
			   struct funding_call_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, CALL_SELECT "WHERE c.id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	struct funding_call_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_call, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

int store_funding_calls(struct store *s, struct arena *a, int limit, struct funding_call_row **out,
			int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = s ? store_stmt(s, CALL_SELECT "ORDER BY c.deadline, c.id LIMIT ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int(st, 1, limit);
	return store_collect(s, a, st, sizeof **out, read_call, (void **)out, n) ? STORE_ERR
										 : STORE_OK;
}

static void read_interest(db_stmt *st, struct arena *a, void *out)
{
	struct funding_interest_row *r = out;
	r->id = db_column_int64(st, 0);
	r->call_id = db_column_int64(st, 1);
	r->org_code = dup(a, st, 2);
	r->user = dup(a, st, 3);
	r->note = dup(a, st, 4);
	r->created_at = dup(a, st, 5);
	r->remind = db_column_int64(st, 6) != 0;
}

int store_funding_interests(struct store *s, struct arena *a, int64_t call_id,
			    struct funding_interest_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, "SELECT i.id, i.call_id, i.org_code, COALESCE(NULLIF(u.display_name, "
			      "''), u.username, ''), i.note, i.created_at, i.remind FROM "
			      "funding_interest i "
			      "LEFT JOIN app_user u ON u.id = i.user_id WHERE i.call_id = ?1 "
			      "ORDER BY i.org_code")
	      : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, call_id);
	return store_collect(s, a, st, sizeof **out, read_interest, (void **)out, n) ? STORE_ERR
										     : STORE_OK;
}

int store_funding_interest_add(struct store *s, const struct write_ctx *w, int64_t call_id,
			       const char *org_code, int64_t user_id, const char *note, bool remind)
{
	if (!s || str_empty(org_code))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "interesse vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "INSERT INTO funding_interest (call_id, org_code, user_id, "
				    "note, remind, created_at) VALUES (?1, ?2, ?3, ?4, ?5, " NOW
				    ") ON CONFLICT DO NOTHING RETURNING id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, call_id);
	db_bind_text(st, 2, org_code, -1, DB_STATIC);
	if (user_id > 0)
		db_bind_int64(st, 3, user_id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, nz(note), -1, DB_STATIC);
	db_bind_int(st, 5, remind ? 1 : 0);
	int step = db_step(st);
	int64_t id = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "interesse vastleggen", NULL, 0);
		goto out;
	}
	char call[24];
	snprintf(call, sizeof call, "%lld", (long long)call_id);
	if (audit(s, w, "insert", "funding_interest", id, "subsidiekans", call, "organisatie",
		  org_code) ||
	    store_tx_commit(s, "interesse vastleggen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_funding_interest_remove(struct store *s, const struct write_ctx *w, int64_t call_id,
				  const char *org_code)
{
	if (!s || str_empty(org_code))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "interesse intrekken", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "DELETE FROM funding_interest WHERE call_id = ?1 AND org_code = ?2 RETURNING id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, call_id);
	db_bind_text(st, 2, org_code, -1, DB_STATIC);
	int step = db_step(st);
	int64_t id = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "interesse intrekken", NULL, 0);
		goto out;
	}
	char call[24];
	snprintf(call, sizeof call, "%lld", (long long)call_id);
	if (withdraw_reminders(s, call_id, org_code, NULL, "interesse intrekken") ||
	    audit(s, w, "delete", "funding_interest", id, "subsidiekans", call, "organisatie",
		  org_code) ||
	    store_tx_commit(s, "interesse intrekken", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ---- deadline reminders */

static void read_candidate(db_stmt *st, struct arena *a, void *out)
{
	struct funding_reminder_candidate *r = out;
	r->call_id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->title = dup(a, st, 2);
	r->programme = dup(a, st, 3);
	r->url = dup(a, st, 4);
	r->deadline = dup(a, st, 5);
	r->note = dup(a, st, 6);
	r->email = dup(a, st, 7);
	r->name = dup(a, st, 8);
	r->org_name = dup(a, st, 9);
}

int store_funding_reminder_candidates(struct store *s, struct arena *a, const char *from,
				      const char *to, struct funding_reminder_candidate **out,
				      int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s,
			   "SELECT c.id, i.org_code, c.title, c.programme, c.url, c.deadline, "
			   "i.note, u.email, COALESCE(NULLIF(u.display_name, ''), u.username), "
			   "o.name FROM funding_interest i JOIN funding_call c ON c.id = "
			   "i.call_id JOIN app_user u ON u.id = i.user_id JOIN organisation o ON "
			   "o.code = i.org_code AND o.id = u.org_id WHERE "
			   "i.remind = 1 AND "
			   "u.disabled = 0 AND u.email <> '' AND c.deadline >= ?1 AND "
			   "c.deadline <= ?2 ORDER BY c.id, i.org_code")
	      : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, nz(from), -1, DB_STATIC);
	db_bind_text(st, 2, nz(to), -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_candidate, (void **)out, n) ? STORE_ERR
										      : STORE_OK;
}

int store_funding_reminders_queue(struct store *s, const struct write_ctx *w,
				  const struct funding_reminder_new *in, int n, int *queued)
{
	*queued = 0;
	if (!s || n < 0)
		return STORE_ERR_INVALID;
	if (n == 0)
		return STORE_OK;
	if (store_tx_begin(s, "herinneringen subsidiekansen", NULL, 0))
		return STORE_ERR;
	for (int i = 0; i < n; i++) {
		int64_t oid = 0;
		bool duplicate = false;
		if (store_outbox_insert(s, &in[i].msg, in[i].token, &oid, &duplicate) != STORE_OK)
			goto fail;
		if (duplicate)
			continue;
		db_stmt *st = store_stmt(
		    s, "INSERT INTO funding_reminder (call_id, org_code, lead_days, deadline, "
		       "outbox_id, queued_at) VALUES (?1, ?2, ?3, ?4, ?5, " NOW
		       ") ON CONFLICT (call_id, org_code, lead_days, deadline) DO UPDATE SET "
		       "outbox_id = excluded.outbox_id, queued_at = excluded.queued_at");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, in[i].call_id);
		db_bind_text(st, 2, nz(in[i].org_code), -1, DB_STATIC);
		db_bind_int(st, 3, in[i].lead_days);
		db_bind_text(st, 4, nz(in[i].deadline), -1, DB_STATIC);
		db_bind_int64(st, 5, oid);
		if (store_step_done(s, st, "herinnering vastleggen", NULL, 0))
			goto fail;
		(*queued)++;
	}
	if (*queued) {
		json_t *o = json_object();
		json_object_set_new(o, "aantal", json_integer(*queued));
		char *after = store_json_text(o);
		int rc =
		    store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				      "insert", "funding_reminder", "herinneringen", NULL, after);
		free(after);
		if (rc)
			goto fail;
	}
	if (store_tx_commit(s, "herinneringen subsidiekansen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	*queued = 0;
	return STORE_ERR;
}

static void read_reminder(db_stmt *st, struct arena *a, void *out)
{
	struct funding_reminder_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->lead_days = (int)db_column_int64(st, 2);
	r->deadline = dup(a, st, 3);
	r->queued_at = dup(a, st, 4);
	r->status = dup(a, st, 5);
	r->sent_at = dup(a, st, 6);
}

int store_funding_reminders(struct store *s, struct arena *a, int64_t call_id,
			    struct funding_reminder_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s,
			   "SELECT r.id, r.org_code, r.lead_days, r.deadline, r.queued_at, "
			   "COALESCE(o.status, ''), COALESCE(o.sent_at, '') FROM funding_reminder "
			   "r LEFT JOIN outbox o ON o.id = r.outbox_id WHERE r.call_id = ?1 "
			   "ORDER BY r.queued_at DESC, r.id DESC")
	      : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, call_id);
	return store_collect(s, a, st, sizeof **out, read_reminder, (void **)out, n) ? STORE_ERR
										     : STORE_OK;
}
