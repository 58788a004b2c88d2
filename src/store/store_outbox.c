/*
 * store_outbox — the e-mail outbox on either engine through the db.h
 * driver; see store_outbox.h.
 */
#include "store_outbox.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUTBOX_COLUMNS                                                                             \
	"id, kind, COALESCE(dedupe_key, ''), to_address, to_name, subject, body, token, status, "  \
	"attempts, not_before, lease_until, last_error, created_at, sent_at, pruned"

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static void read_row(db_stmt *st, struct arena *a, void *out)
{
	struct outbox_row *r = out;
	r->id = db_column_int64(st, 0);
	r->kind = dup(a, st, 1);
	r->dedupe_key = dup(a, st, 2);
	r->to_address = dup(a, st, 3);
	r->to_name = dup(a, st, 4);
	r->subject = dup(a, st, 5);
	r->body = dup(a, st, 6);
	r->token = dup(a, st, 7);
	r->status = dup(a, st, 8);
	r->attempts = db_column_int(st, 9);
	r->not_before = dup(a, st, 10);
	r->lease_until = dup(a, st, 11);
	r->last_error = dup(a, st, 12);
	r->created_at = dup(a, st, 13);
	r->sent_at = dup(a, st, 14);
	r->pruned = db_column_int(st, 15) != 0;
}

static const char *nz(const char *v)
{
	return v ? v : "";
}

int store_outbox_insert(struct store *s, const struct mail_message *m, const char *token,
			int64_t *id_out, bool *duplicate)
{
	*id_out = 0;
	*duplicate = false;
	if (!s || !m || str_empty(token))
		return STORE_ERR_INVALID;
	if (!s->tx && !s->batch)
		return STORE_ERR; /* a caller bug: the row must join a transaction */
	bool dedupe = !str_empty(m->dedupe_key);
	db_stmt *st = store_stmt(
	    s, "INSERT INTO outbox (kind, dedupe_key, to_address, to_name, subject, body, token, "
	       "status, attempts, not_before, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	       "'queued', 0, COALESCE(NULLIF(?8, ''), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), "
	       "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (dedupe_key) DO NOTHING "
	       "RETURNING id");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, m->kind, -1, DB_STATIC);
	if (dedupe)
		db_bind_text(st, 2, m->dedupe_key, -1, DB_STATIC);
	db_bind_text(st, 3, m->to, -1, DB_STATIC);
	db_bind_text(st, 4, nz(m->to_name), -1, DB_STATIC);
	db_bind_text(st, 5, m->subject, -1, DB_STATIC);
	db_bind_text(st, 6, m->body, -1, DB_STATIC);
	db_bind_text(st, 7, token, -1, DB_STATIC);
	db_bind_text(st, 8, nz(m->not_before), -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*id_out = db_column_int64(st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(s, "bericht in de wachtrij zetten", NULL, 0);
	if (rc == DB_ROW)
		return STORE_OK;
	if (!dedupe)
		return STORE_ERR;
	/* the dedupe key was there already: the same notification, queued once */
	*duplicate = true;
	st = store_stmt(s, "SELECT id FROM outbox WHERE dedupe_key = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, m->dedupe_key, -1, DB_STATIC);
	rc = db_step(st);
	if (rc == DB_ROW)
		*id_out = db_column_int64(st, 0);
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : store_db_fail(s, "wachtrij lezen", NULL, 0);
}

int store_outbox_queue(struct store *s, const struct write_ctx *w, const struct mail_message *m,
		       const char *token, int64_t *id_out, bool *duplicate)
{
	*id_out = 0;
	*duplicate = false;
	if (!s || !m)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "bericht in de wachtrij zetten", NULL, 0))
		return STORE_ERR;
	char *after = NULL;
	int rc = store_outbox_insert(s, m, token, id_out, duplicate);
	if (rc)
		goto out;
	rc = STORE_ERR;
	if (!*duplicate) {
		/* the trail names the row and its kind: never the address or text */
		json_t *o = json_object();
		store_json_set(o, "soort", m->kind);
		store_json_set(o, "status", "wachtrij");
		after = store_json_text(o);
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)*id_out);
		if (store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				      "insert", "outbox", key, NULL, after))
			goto out;
	}
	if (store_tx_commit(s, "bericht in de wachtrij zetten", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK) {
		store_tx_rollback(s);
		*id_out = 0;
	}
	free(after);
	return rc;
}

int store_outbox_claim(struct store *s, struct arena *a, const char *now, const char *lease_until,
		       const char *claim, struct outbox_row *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
		/* Due: queued and not before now, or sending with a lease that ran
		 * out. The outer WHERE repeats the condition, so a row another sender
		 * claimed between the subquery and the update is left alone. */
#define DUE                                                                                        \
	"((status = 'queued' AND not_before <= ?1) OR (status = 'sending' AND lease_until < ?1))"
	const char *sql =
	    db_engine(s) == DB_PG
		? "UPDATE outbox SET status = 'sending', claim = ?3, lease_until = ?2, "
		  "attempts = attempts + 1 WHERE id = (SELECT id FROM outbox WHERE " DUE
		  " ORDER BY not_before, id LIMIT 1 FOR UPDATE SKIP LOCKED) AND " DUE
		  " RETURNING " OUTBOX_COLUMNS
		: "UPDATE outbox SET status = 'sending', claim = ?3, lease_until = ?2, "
		  "attempts = attempts + 1 WHERE id = (SELECT id FROM outbox WHERE " DUE
		  " ORDER BY not_before, id LIMIT 1) AND " DUE " RETURNING " OUTBOX_COLUMNS;
#undef DUE
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, now, -1, DB_STATIC);
	db_bind_text(st, 2, lease_until, -1, DB_STATIC);
	db_bind_text(st, 3, claim, -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_row(st, a, out);
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return store_db_fail(s, "bericht uit de wachtrij nemen", NULL, 0);
}

/* Run st (bound) and say whether it changed a row: STORE_OK when it did,
 * STORE_ERR_CONFLICT when not. Statements end in RETURNING id. */
static int changed_one(struct store *s, db_stmt *st, const char *what)
{
	int rc = db_step(st);
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_CONFLICT;
	return store_db_fail(s, what, NULL, 0);
}

int store_outbox_sent(struct store *s, int64_t id, const char *claim, const char *now)
{
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE outbox SET status = 'sent', sent_at = ?3, lease_until = '', claim = '', "
	       "last_error = '' WHERE id = ?1 AND claim = ?2 AND status = 'sending' RETURNING id");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, claim, -1, DB_STATIC);
	db_bind_text(st, 3, now, -1, DB_STATIC);
	return changed_one(s, st, "bericht als verzonden markeren");
}

int store_outbox_failed(struct store *s, int64_t id, const char *claim, const char *next_at,
			int max_attempts, bool permanent, const char *error, bool *failed)
{
	*failed = false;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE outbox SET status = CASE WHEN ?4 = 1 OR attempts >= ?5 THEN 'failed' "
	       "ELSE 'queued' END, not_before = ?3, last_error = ?6, lease_until = '', "
	       "claim = '' WHERE id = ?1 AND claim = ?2 AND status = 'sending' RETURNING status");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, claim, -1, DB_STATIC);
	db_bind_text(st, 3, next_at, -1, DB_STATIC);
	db_bind_int(st, 4, permanent ? 1 : 0);
	db_bind_int(st, 5, max_attempts);
	db_bind_text(st, 6, nz(error), -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*failed = strcmp(store_col_text(st, 0), "failed") == 0;
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_CONFLICT;
	return store_db_fail(s, "mislukte poging vastleggen", NULL, 0);
}

int store_outbox_release(struct store *s, int64_t id, const char *claim)
{
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE outbox SET status = 'queued', attempts = attempts - 1, lease_until = '', "
	       "claim = '' WHERE id = ?1 AND claim = ?2 AND status = 'sending' RETURNING id");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, claim, -1, DB_STATIC);
	return changed_one(s, st, "bericht teruggeven");
}

int store_outbox_retry(struct store *s, const struct write_ctx *w, int64_t id)
{
	if (!s)
		return STORE_ERR;
	if (store_tx_begin(s, "bericht opnieuw proberen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	char *before = NULL, *after = NULL;
	db_stmt *st = store_stmt(s, "SELECT status FROM outbox WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	bool is_failed = step == DB_ROW && strcmp(store_col_text(st, 0), "failed") == 0;
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "bericht opnieuw proberen", NULL, 0);
		goto out;
	}
	if (!is_failed) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	st = store_stmt(s, "UPDATE outbox SET status = 'queued', attempts = 0, "
			   "not_before = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	if (store_step_done(s, st, "bericht opnieuw proberen", NULL, 0))
		goto out;
	json_t *b = json_object(), *a = json_object();
	store_json_set(b, "status", "mislukt");
	store_json_set(a, "status", "wachtrij");
	before = store_json_text(b);
	after = store_json_text(a);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	if (store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w), "update",
			      "outbox", key, before, after) ||
	    store_tx_commit(s, "bericht opnieuw proberen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	free(after);
	return rc;
}

int store_outbox_list(struct store *s, struct arena *a, const char *status, int limit,
		      struct outbox_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT " OUTBOX_COLUMNS " FROM outbox WHERE "
				    "(CAST(?1 AS TEXT) IS NULL OR status = ?1) "
				    "ORDER BY id DESC LIMIT ?2");
	if (!st)
		return STORE_ERR;
	if (status)
		db_bind_text(st, 1, status, -1, DB_STATIC);
	db_bind_int(st, 2, limit);
	return store_collect(s, a, st, sizeof **out, read_row, (void **)out, n);
}

int store_outbox_get(struct store *s, struct arena *a, int64_t id, struct outbox_row *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT " OUTBOX_COLUMNS " FROM outbox WHERE id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	struct outbox_row *rows = NULL;
	int n = 0;
	int rc = store_collect(s, a, st, sizeof *rows, read_row, (void **)&rows, &n);
	if (rc)
		return rc;
	if (n < 1)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

int store_outbox_count(struct store *s, struct outbox_counts *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT status, count(*) FROM outbox GROUP BY status");
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *k = store_col_text(st, 0);
		int v = db_column_int(st, 1);
		if (strcmp(k, "queued") == 0)
			out->queued = v;
		else if (strcmp(k, "sending") == 0)
			out->sending = v;
		else if (strcmp(k, "sent") == 0)
			out->sent = v;
		else if (strcmp(k, "failed") == 0)
			out->failed = v;
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, "wachtrij tellen", NULL, 0);
}

int store_outbox_prune(struct store *s, const char *before, int *n)
{
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "UPDATE outbox SET body = '', to_address = '', to_name = '', pruned = 1 "
			  "WHERE status = 'sent' "
			  "AND pruned = 0 AND sent_at < ? RETURNING id");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, before, -1, DB_STATIC);
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		(*n)++;
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, "oude berichten opruimen", NULL, 0);
}

int store_outbox_withdraw(struct store *s, const char *dedupe_key, bool *withdrawn)
{
	*withdrawn = false;
	if (!s || str_empty(dedupe_key))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "bericht intrekken", NULL, 0))
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "DELETE FROM outbox WHERE dedupe_key = ?1 AND status = 'queued' "
			  "RETURNING id");
	if (!st)
		goto fail;
	db_bind_text(st, 1, dedupe_key, -1, DB_STATIC);
	int rc = changed_one(s, st, "bericht intrekken");
	if (rc != STORE_OK && rc != STORE_ERR_CONFLICT)
		goto fail;
	*withdrawn = rc == STORE_OK;
	if (store_tx_commit(s, "bericht intrekken", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}
