/*
 * store_corrections — the review queue of proposed corrections, on either
 * engine through the db.h driver; see store_corrections.h.
 */
#include "store_corrections.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *nz(const char *v)
{
	return v ? v : "";
}

int store_correction_create(struct store *s, const struct write_ctx *w,
			    const struct correction_input *in, int64_t *id_out)
{
	if (id_out)
		*id_out = 0;
	if (!s || !in || str_empty(in->ticket) || str_empty(in->entity) ||
	    str_empty(in->entity_key) || str_empty(in->field))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "melding vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	char *after = NULL;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO correction (ticket, entity, entity_key, field, current_value, "
	       "proposed_value, source_url, comment, email, user_id, client_key, status, "
	       "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'open', "
	       "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
	if (!st)
		goto out;
	db_bind_text(st, 1, in->ticket, -1, DB_STATIC);
	db_bind_text(st, 2, in->entity, -1, DB_STATIC);
	db_bind_text(st, 3, in->entity_key, -1, DB_STATIC);
	db_bind_text(st, 4, in->field, -1, DB_STATIC);
	db_bind_text(st, 5, nz(in->current_value), -1, DB_STATIC);
	db_bind_text(st, 6, nz(in->proposed_value), -1, DB_STATIC);
	db_bind_text(st, 7, nz(in->source_url), -1, DB_STATIC);
	db_bind_text(st, 8, nz(in->comment), -1, DB_STATIC);
	db_bind_text(st, 9, nz(in->email), -1, DB_STATIC);
	if (in->user_id > 0)
		db_bind_int64(st, 10, in->user_id);
	db_bind_text(st, 11, nz(in->client_key), -1, DB_STATIC);
	if (store_step_done(s, st, "melding vastleggen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	if (id <= 0)
		goto out;
	/* what the trail may say: which record and field, never who wrote
	 * it from where, nor the text */
	json_t *o = json_object();
	store_json_set(o, "object", in->entity);
	store_json_set(o, "sleutel", in->entity_key);
	store_json_set(o, "veld", in->field);
	store_json_set(o, "status", "open");
	after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	if (store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w), "insert",
			      "correction", key, NULL, after) ||
	    store_tx_commit(s, "melding vastleggen", NULL, 0))
		goto out;
	if (id_out)
		*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	return rc;
}

#define CORRECTION_SELECT                                                                          \
	"SELECT c.id, COALESCE(c.user_id, 0), c.entity, c.entity_key, c.field, c.current_value, "  \
	"c.proposed_value, c.source_url, c.comment, c.email, c.status, c.reason, c.created_at, "   \
	"c.handled_at, c.handled_by, COALESCE(u.username, '') FROM correction c "                  \
	"LEFT JOIN app_user u ON u.id = c.user_id "

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static void read_row(db_stmt *st, struct arena *a, void *out)
{
	struct correction_row *r = out;
	r->id = db_column_int64(st, 0);
	r->user_id = db_column_int64(st, 1);
	r->entity = dup(a, st, 2);
	r->entity_key = dup(a, st, 3);
	r->field = dup(a, st, 4);
	r->current_value = dup(a, st, 5);
	r->proposed_value = dup(a, st, 6);
	r->source_url = dup(a, st, 7);
	r->comment = dup(a, st, 8);
	r->email = dup(a, st, 9);
	r->status = dup(a, st, 10);
	r->reason = dup(a, st, 11);
	r->created_at = dup(a, st, 12);
	r->handled_at = dup(a, st, 13);
	r->handled_by = dup(a, st, 14);
	r->proposer = dup(a, st, 15);
}

int store_corrections_list(struct store *s, struct arena *a, bool open, int limit,
			   struct correction_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, open ? CORRECTION_SELECT "WHERE c.status = 'open' "
						   "ORDER BY c.created_at, c.id LIMIT ?"
			       : CORRECTION_SELECT "WHERE c.status <> 'open' "
						   "ORDER BY c.handled_at DESC, c.id DESC "
						   "LIMIT ?");
	if (!st)
		return STORE_ERR;
	db_bind_int(st, 1, limit);
	return store_collect(s, a, st, sizeof **out, read_row, (void **)out, n);
}

int store_corrections_of_user(struct store *s, struct arena *a, int64_t user_id, int limit,
			      struct correction_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, CORRECTION_SELECT "WHERE c.user_id = ? ORDER BY c.id DESC LIMIT ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, user_id);
	db_bind_int(st, 2, limit);
	return store_collect(s, a, st, sizeof **out, read_row, (void **)out, n);
}

/* The one row of st (bound), or STORE_ERR_NOTFOUND. */
static int one_row(struct store *s, struct arena *a, db_stmt *st, struct correction_row *out)
{
	struct correction_row *rows = NULL;
	int n = 0;
	int rc = store_collect(s, a, st, sizeof *rows, read_row, (void **)&rows, &n);
	if (rc)
		return rc;
	if (n < 1)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

int store_correction_get(struct store *s, struct arena *a, int64_t id, struct correction_row *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, CORRECTION_SELECT "WHERE c.id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	return one_row(s, a, st, out);
}

int store_correction_by_ticket(struct store *s, struct arena *a, const char *ticket,
			       struct correction_row *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
	if (str_empty(ticket))
		return STORE_ERR_NOTFOUND;
	db_stmt *st = store_stmt(s, CORRECTION_SELECT "WHERE c.ticket = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, ticket, -1, DB_STATIC);
	return one_row(s, a, st, out);
}

int store_correction_handle(struct store *s, const struct write_ctx *w, int64_t id,
			    const char *status, const char *reason,
			    const struct provenance_input *prov)
{
	if (!s || !status || (strcmp(status, "accepted") != 0 && strcmp(status, "rejected") != 0))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "melding afhandelen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	char *before = NULL, *after = NULL;
	db_stmt *st = store_stmt(s, "SELECT status FROM correction WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	bool open = step == DB_ROW && strcmp(store_col_text(st, 0), "open") == 0;
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "melding lezen", NULL, 0);
		goto out;
	}
	if (!open) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	st = store_stmt(s, "UPDATE correction SET status = ?1, reason = ?2, email = '', "
			   "handled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), handled_by = ?3 "
			   "WHERE id = ?4");
	if (!st)
		goto out;
	db_bind_text(st, 1, status, -1, DB_STATIC);
	db_bind_text(st, 2, nz(reason), -1, DB_STATIC);
	db_bind_text(st, 3, store_ctx_actor(w), -1, DB_STATIC);
	db_bind_int64(st, 4, id);
	if (store_step_done(s, st, "melding afhandelen", NULL, 0))
		goto out;
	if (prov && store_provenance_put(s, w, prov))
		goto out;
	json_t *b = json_object();
	store_json_set(b, "status", "open");
	before = store_json_text(b);
	json_t *o = json_object();
	store_json_set(o, "status", status);
	after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	if (store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w), "update",
			      "correction", key, before, after) ||
	    store_tx_commit(s, "melding afhandelen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	free(after);
	return rc;
}

/* The integer of a one-value query with text parameters p1 (and p2). */
static int count_of(struct store *s, const char *sql, const char *p1, const char *p2, int *n)
{
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, nz(p1), -1, DB_STATIC);
	if (p2)
		db_bind_text(st, 2, p2, -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : store_db_fail(s, "meldingen tellen", NULL, 0);
}

int store_corrections_count_client(struct store *s, const char *client_key, const char *since,
				   int *n)
{
	return count_of(s,
			"SELECT count(*) FROM correction WHERE client_key = ?1 AND "
			"created_at >= ?2",
			client_key, nz(since), n);
}

int store_corrections_count_open(struct store *s, const char *entity, const char *entity_key,
				 int *n)
{
	return count_of(s,
			"SELECT count(*) FROM correction WHERE entity = ?1 AND entity_key = ?2 "
			"AND status = 'open'",
			entity, nz(entity_key), n);
}
