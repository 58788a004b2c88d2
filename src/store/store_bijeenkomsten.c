/*
 * store_bijeenkomsten — events and registrations on either engine through
 * the db.h driver; see store_bijeenkomsten.h.
 */
#include "store_bijeenkomsten.h"
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

static void bind_opt(db_stmt *st, int i, const char *v)
{
	if (v && *v)
		db_bind_text(st, i, v, -1, DB_STATIC);
	else
		db_bind_null(st, i);
}

/* The audit event of a module write: entity, the row's id, and a few
 * non-personal facts (the event, a status). */
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

/* Step an UPDATE … RETURNING id: 1 when it changed a row, 0 when none,
 * -1 on a fault. */
static int step_changed(db_stmt *st)
{
	int step = db_step(st);
	int rc = step == DB_ROW ? 1 : step == DB_DONE ? 0 : -1;
	while (step == DB_ROW)
		step = db_step(st);
	if (step != DB_DONE)
		rc = -1;
	db_reset(st);
	return rc;
}

static int get_one(struct store *s, struct arena *a, db_stmt *st, size_t elem,
		   void (*read)(db_stmt *, struct arena *, void *), void *out)
{
	memset(out, 0, elem);
	void *rows;
	int n;
	if (store_collect(s, a, st, elem, read, &rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	memcpy(out, rows, elem);
	return STORE_OK;
}

/* ---- events --------------------------------------------------------------------- */

#define EVENT_SELECT                                                                               \
	"SELECT e.id, e.kind, e.audience, e.title, e.description, e.starts_at, e.ends_at, "        \
	"e.location, e.online_url, e.topic, e.deadline, e.organiser, e.capacity, "                 \
	"(SELECT count(*) FROM event_registration r WHERE r.event_id = e.id AND "                  \
	"r.status IN ('bevestigd', 'aanwezig')), "                                                 \
	"(SELECT count(*) FROM event_registration r WHERE r.event_id = e.id AND "                  \
	"r.status = 'wachtlijst'), e.created_by, e.created_at, e.updated_at FROM event e "

static void read_event(db_stmt *st, struct arena *a, void *out)
{
	struct event_row *r = out;
	r->id = db_column_int64(st, 0);
	r->kind = dup(a, st, 1);
	r->audience = dup(a, st, 2);
	r->title = dup(a, st, 3);
	r->description = dup(a, st, 4);
	r->starts_at = dup(a, st, 5);
	r->ends_at = dup(a, st, 6);
	r->location = dup(a, st, 7);
	r->online_url = dup(a, st, 8);
	r->topic = dup(a, st, 9);
	r->deadline = dup(a, st, 10);
	r->organiser = dup(a, st, 11);
	r->capacity = db_column_int(st, 12);
	r->taken = db_column_int(st, 13);
	r->waiting = db_column_int(st, 14);
	r->created_by = dup(a, st, 15);
	r->created_at = dup(a, st, 16);
	r->updated_at = dup(a, st, 17);
}

static void bind_event(db_stmt *st, const struct event_values *v)
{
	const char *t[] = {v->kind,	 v->audience, v->title,	   v->description,
			   v->starts_at, v->ends_at,  v->location, v->online_url,
			   v->topic,	 v->deadline, v->organiser};
	for (int i = 0; i < 11; i++)
		db_bind_text(st, i + 1, t[i] ? t[i] : "", -1, DB_STATIC);
	db_bind_int(st, 12, v->capacity);
}

int store_event_add(struct store *s, const struct write_ctx *w, const struct event_values *v,
		    int64_t *id_out)
{
	*id_out = 0;
	if (!s || !v || v->capacity < 1)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "bijeenkomst vastleggen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO event (kind, audience, title, description, starts_at, ends_at, "
	       "location, online_url, topic, deadline, organiser, capacity, created_by, "
	       "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	       "?12, ?13, " NOW ", " NOW ")");
	if (!st)
		goto fail;
	bind_event(st, v);
	db_bind_text(st, 13, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "bijeenkomst vastleggen", NULL, 0))
		goto fail;
	int64_t id = db_last_insert_id(s);
	if (id <= 0 || audit(s, w, "insert", "event", id, "begin", v->starts_at, NULL, NULL) ||
	    store_tx_commit(s, "bijeenkomst vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_event_update(struct store *s, const struct write_ctx *w, int64_t id,
		       const struct event_values *v)
{
	if (!s || !v || v->capacity < 1)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "bijeenkomst wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "UPDATE event SET kind = ?1, audience = ?2, title = ?3, "
			  "description = ?4, starts_at = ?5, ends_at = ?6, location = ?7, "
			  "online_url = ?8, topic = ?9, deadline = ?10, organiser = ?11, "
			  "capacity = ?12, updated_at = " NOW " WHERE id = ?13 RETURNING id");
	if (!st)
		goto out;
	bind_event(st, v);
	db_bind_int64(st, 13, id);
	int ch = step_changed(st);
	if (ch <= 0) {
		rc = ch == 0 ? STORE_ERR_NOTFOUND : STORE_ERR;
		goto out;
	}
	if (audit(s, w, "update", "event", id, "begin", v->starts_at, NULL, NULL) ||
	    store_tx_commit(s, "bijeenkomst wijzigen", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

int store_event_get(struct store *s, struct arena *a, int64_t id, struct event_row *out)
{
	db_stmt *st = s ? store_stmt(s, EVENT_SELECT "WHERE e.id = ?1") : NULL;
	if (!st) {
		memset(out, 0, sizeof *out);
		return STORE_ERR;
	}
	db_bind_int64(st, 1, id);
	return get_one(s, a, st, sizeof *out, read_event, out);
}

int store_events(struct store *s, struct arena *a, struct event_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = s ? store_stmt(s, EVENT_SELECT "ORDER BY e.starts_at, e.id") : NULL;
	if (!st)
		return STORE_ERR;
	return store_collect(s, a, st, sizeof **out, read_event, (void **)out, n);
}

/* ---- registrations ------------------------------------------------------------------ */

#define REG_SELECT                                                                                 \
	"SELECT id, event_id, user_id, email, name, organisation, show_name, status, "             \
	"confirm_until, waiting_since, created_at, cancel_digest FROM event_registration "

static void read_reg(db_stmt *st, struct arena *a, void *out)
{
	struct registration_row *r = out;
	r->id = db_column_int64(st, 0);
	r->event_id = db_column_int64(st, 1);
	r->user_id = db_column_int64(st, 2);
	r->email = dup(a, st, 3);
	r->name = dup(a, st, 4);
	r->organisation = dup(a, st, 5);
	r->show_name = db_column_int(st, 6) != 0;
	r->status = dup(a, st, 7);
	r->confirm_until = dup(a, st, 8);
	r->waiting_since = dup(a, st, 9);
	r->created_at = dup(a, st, 10);
	r->has_cancel = !str_empty(store_col_text(st, 11));
}

int store_registrations(struct store *s, struct arena *a, int64_t event_id,
			struct registration_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, REG_SELECT "WHERE event_id = ?1 ORDER BY "
					 "CASE status WHEN 'aanwezig' THEN 0 "
					 "WHEN 'bevestigd' THEN 0 WHEN 'wachtlijst' THEN 1 "
					 "WHEN 'onbevestigd' THEN 2 ELSE 3 END, "
					 "waiting_since, created_at, id")
	      : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, event_id);
	return store_collect(s, a, st, sizeof **out, read_reg, (void **)out, n);
}

int store_registration_find(struct store *s, struct arena *a, int64_t event_id, const char *email,
			    int64_t user_id, struct registration_row *out)
{
	db_stmt *st =
	    s ? store_stmt(s, REG_SELECT "WHERE event_id = ?1 AND ((CAST(?2 AS TEXT) IS NOT NULL "
					 "AND email = ?2) OR (CAST(?2 AS TEXT) IS NULL AND "
					 "user_id = ?3)) ORDER BY id LIMIT 1")
	      : NULL;
	if (!st) {
		memset(out, 0, sizeof *out);
		return STORE_ERR;
	}
	db_bind_int64(st, 1, event_id);
	bind_opt(st, 2, email);
	db_bind_int64(st, 3, user_id);
	return get_one(s, a, st, sizeof *out, read_reg, out);
}

int store_registration_by_token(struct store *s, struct arena *a, char which, const char *digest,
				struct registration_row *out)
{
	db_stmt *st = NULL;
	if (s && which == 'b')
		st = store_stmt(s, REG_SELECT "WHERE confirm_digest = ?1");
	else if (s && which == 'a')
		st = store_stmt(s, REG_SELECT "WHERE cancel_digest = ?1");
	if (!st || str_empty(digest)) {
		memset(out, 0, sizeof *out);
		return st ? STORE_ERR_NOTFOUND : STORE_ERR;
	}
	db_bind_text(st, 1, digest, -1, DB_STATIC);
	return get_one(s, a, st, sizeof *out, read_reg, out);
}

static int count_one(db_stmt *st, int *n)
{
	*n = 0;
	int step = db_step(st);
	if (step == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return step == DB_ROW ? STORE_OK : STORE_ERR;
}

int store_registration_taken(struct store *s, int64_t event_id, int *n)
{
	*n = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT count(*) FROM event_registration WHERE "
					"event_id = ?1 AND status IN ('bevestigd', 'aanwezig')")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, event_id);
	return count_one(st, n);
}

int store_registration_count_client(struct store *s, const char *client_key, const char *since,
				    int *n)
{
	*n = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT count(*) FROM event_registration WHERE "
					"client_key = ?1 AND created_at >= ?2")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, client_key, -1, DB_STATIC);
	db_bind_text(st, 2, since, -1, DB_STATIC);
	return count_one(st, n);
}

static void bind_reg(db_stmt *st, const struct registration_values *v)
{
	db_bind_int64(st, 1, v->event_id);
	if (v->user_id > 0)
		db_bind_int64(st, 2, v->user_id);
	else
		db_bind_null(st, 2);
	bind_opt(st, 3, v->email);
	db_bind_text(st, 4, v->name ? v->name : "", -1, DB_STATIC);
	db_bind_text(st, 5, v->organisation ? v->organisation : "", -1, DB_STATIC);
	db_bind_int(st, 6, v->show_name ? 1 : 0);
	db_bind_text(st, 7, v->status, -1, DB_STATIC);
	bind_opt(st, 8, v->confirm_digest);
	db_bind_text(st, 9, v->confirm_until ? v->confirm_until : "", -1, DB_STATIC);
	bind_opt(st, 10, v->cancel_digest);
	db_bind_text(st, 11, v->client_key ? v->client_key : "", -1, DB_STATIC);
}

static const char *event_key(char buf[24], int64_t id)
{
	snprintf(buf, 24, "%lld", (long long)id);
	return buf;
}

int store_registration_add(struct store *s, const struct write_ctx *w,
			   const struct registration_values *v, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !v || !v->status)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "aanmelding vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	struct registration_row old;
	struct arena *a = arena_new();
	int f = store_registration_find(s, a, v->event_id, v->email, v->user_id, &old);
	arena_free(a);
	if (f == STORE_OK) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	if (f != STORE_ERR_NOTFOUND)
		goto out;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO event_registration (event_id, user_id, email, name, organisation, "
	       "show_name, status, confirm_digest, confirm_until, cancel_digest, client_key, "
	       "waiting_since, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	       "?10, ?11, CASE WHEN ?7 = 'wachtlijst' THEN " NOW " ELSE '' END, " NOW ", " NOW ")");
	if (!st)
		goto out;
	bind_reg(st, v);
	if (store_step_done(s, st, "aanmelding vastleggen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	char ek[24];
	if (id <= 0 ||
	    audit(s, w, "insert", "event_registration", id, "bijeenkomst",
		  event_key(ek, v->event_id), "status", v->status) ||
	    store_tx_commit(s, "aanmelding vastleggen", NULL, 0))
		goto out;
	*id_out = id;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

int store_registration_renew(struct store *s, const struct write_ctx *w, int64_t id,
			     const struct registration_values *v)
{
	if (!s || !v || !v->status)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "aanmelding vastleggen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE event_registration SET user_id = ?2, email = ?3, name = ?4, "
	       "organisation = ?5, show_name = ?6, status = ?7, confirm_digest = ?8, "
	       "confirm_until = ?9, cancel_digest = ?10, client_key = ?11, waiting_since = "
	       "CASE WHEN ?7 = 'wachtlijst' THEN " NOW " ELSE '' END, created_at = " NOW ", "
	       "updated_at = " NOW
	       " WHERE id = ?12 AND event_id = ?1 AND status = 'geannuleerd' RETURNING id");
	if (!st)
		goto fail;
	bind_reg(st, v);
	db_bind_int64(st, 12, id);
	int ch = step_changed(st);
	if (ch < 0)
		goto fail;
	if (ch == 0) {
		store_tx_rollback(s);
		return STORE_ERR_CONFLICT;
	}
	char ek[24];
	if (audit(s, w, "update", "event_registration", id, "bijeenkomst",
		  event_key(ek, v->event_id), "status", v->status) ||
	    store_tx_commit(s, "aanmelding vastleggen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_registration_set_status(struct store *s, const struct write_ctx *w, int64_t id,
				  int64_t event_id, const char *status, const char *cancel_digest,
				  bool clear_confirm)
{
	if (!s || !status)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "aanmelding wijzigen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE event_registration SET status = ?2, "
	       "cancel_digest = COALESCE(CAST(?3 AS TEXT), cancel_digest), "
	       "confirm_digest = CASE WHEN ?4 = 1 THEN NULL ELSE confirm_digest END, "
	       "waiting_since = CASE WHEN ?2 = 'wachtlijst' AND status <> 'wachtlijst' THEN " NOW
	       " ELSE waiting_since END, updated_at = " NOW " WHERE id = ?1 RETURNING id");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, status, -1, DB_STATIC);
	bind_opt(st, 3, cancel_digest);
	db_bind_int(st, 4, clear_confirm ? 1 : 0);
	int ch = step_changed(st);
	if (ch < 0)
		goto fail;
	if (ch == 0) {
		store_tx_rollback(s);
		return STORE_ERR_NOTFOUND;
	}
	char ek[24];
	if (audit(s, w, "update", "event_registration", id, "bijeenkomst", event_key(ek, event_id),
		  "status", status) ||
	    store_tx_commit(s, "aanmelding wijzigen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_registration_get(struct store *s, struct arena *a, int64_t event_id, int64_t id,
			   struct registration_row *out)
{
	db_stmt *st = s ? store_stmt(s, REG_SELECT "WHERE id = ?1 AND event_id = ?2") : NULL;
	if (!st) {
		memset(out, 0, sizeof *out);
		return STORE_ERR;
	}
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, event_id);
	return get_one(s, a, st, sizeof *out, read_reg, out);
}

int store_registration_edit(struct store *s, const struct write_ctx *w, int64_t event_id,
			    int64_t id, const char *name, const char *organisation, bool show_name)
{
	if (!s || !name || !organisation)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "aanmelding wijzigen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "UPDATE event_registration SET name = ?3, organisation = ?4, "
				    "show_name = ?5, updated_at = " NOW
				    " WHERE id = ?1 AND event_id = ?2 RETURNING id");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, event_id);
	db_bind_text(st, 3, name, -1, DB_STATIC);
	db_bind_text(st, 4, organisation, -1, DB_STATIC);
	db_bind_int(st, 5, show_name ? 1 : 0);
	int ch = step_changed(st);
	if (ch < 0)
		goto fail;
	if (ch == 0) {
		store_tx_rollback(s);
		return STORE_ERR_NOTFOUND;
	}
	char ek[24];
	if (audit(s, w, "update", "event_registration", id, "bijeenkomst", event_key(ek, event_id),
		  "gegevens", "gewijzigd") ||
	    store_tx_commit(s, "aanmelding wijzigen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_registration_delete(struct store *s, const struct write_ctx *w, int64_t event_id,
			      int64_t id)
{
	if (!s)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "aanmelding verwijderen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "DELETE FROM event_registration WHERE id = ?1 AND "
				    "event_id = ?2 RETURNING id");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, event_id);
	int ch = step_changed(st);
	if (ch < 0)
		goto fail;
	if (ch == 0) {
		store_tx_rollback(s);
		return STORE_ERR_NOTFOUND;
	}
	char ek[24];
	if (audit(s, w, "delete", "event_registration", id, "bijeenkomst", event_key(ek, event_id),
		  NULL, NULL) ||
	    store_tx_commit(s, "aanmelding verwijderen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}
