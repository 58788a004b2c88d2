/*
 * store_bijeenkomsten_agenda — agenda items and their support on either
 * engine through the db.h driver; see store_bijeenkomsten_agenda.h.
 */
#include "store_bijeenkomsten_agenda.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* The audit event of an agenda write: the entity, the row's key, the event
 * and two more non-personal facts. */
static int audit(struct store *s, const struct write_ctx *w, const char *action, const char *entity,
		 int64_t id, int64_t event_id, const char *k1, const char *v1, const char *k2,
		 const char *v2)
{
	json_t *o = json_object();
	char ev[24], key[24];
	snprintf(ev, sizeof ev, "%lld", (long long)event_id);
	snprintf(key, sizeof key, "%lld", (long long)id);
	store_json_set(o, "bijeenkomst", ev);
	if (k1)
		store_json_set(o, k1, v1);
	if (k2)
		store_json_set(o, k2, v2);
	char *after = store_json_text(o);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, entity, key, NULL, after);
	free(after);
	return rc;
}

#define ITEM_SELECT                                                                                \
	"SELECT i.id, i.event_id, i.title, i.description, COALESCE(i.proposed_by, 0), "            \
	"i.org_code, i.status, i.sort_order, i.start_time, "                                       \
	"(SELECT count(*) FROM event_agenda_support x WHERE x.item_id = i.id), "                   \
	"(SELECT count(DISTINCT x.org_code) FROM event_agenda_support x WHERE x.item_id = "        \
	"i.id), "                                                                                  \
	"(SELECT count(*) FROM event_agenda_support x WHERE x.item_id = i.id AND x.user_id = "     \
	"?2), i.created_at, i.updated_at FROM event_agenda_item i "

static void read_item(db_stmt *st, struct arena *a, void *out)
{
	struct agenda_item_row *r = out;
	r->id = db_column_int64(st, 0);
	r->event_id = db_column_int64(st, 1);
	r->title = arena_strdup(a, store_col_text(st, 2));
	r->description = arena_strdup(a, store_col_text(st, 3));
	r->proposed_by = db_column_int64(st, 4);
	r->org_code = arena_strdup(a, store_col_text(st, 5));
	r->status = arena_strdup(a, store_col_text(st, 6));
	r->position = db_column_int(st, 7);
	r->start_time = arena_strdup(a, store_col_text(st, 8));
	r->supports = db_column_int(st, 9);
	r->support_orgs = db_column_int(st, 10);
	r->supported = db_column_int(st, 11) > 0;
	r->created_at = arena_strdup(a, store_col_text(st, 12));
	r->updated_at = arena_strdup(a, store_col_text(st, 13));
}

int store_agenda_items(struct store *s, struct arena *a, int64_t event_id, bool accepted_only,
		       int64_t user_id, struct agenda_item_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, ITEM_SELECT
			   "WHERE i.event_id = ?1 AND (?3 = 0 OR i.status = 'geaccepteerd') "
			   "ORDER BY CASE i.status WHEN 'geaccepteerd' THEN 0 WHEN 'voorgesteld' "
			   "THEN 1 ELSE 2 END, CASE WHEN i.status = 'geaccepteerd' AND "
			   "i.sort_order > 0 THEN i.sort_order ELSE 1000000 END, CASE WHEN "
			   "i.status = 'geaccepteerd' THEN i.start_time ELSE '' END, i.created_at, "
			   "i.id")
	      : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, event_id);
	db_bind_int64(st, 2, user_id);
	db_bind_int(st, 3, accepted_only ? 1 : 0);
	return store_collect(s, a, st, sizeof **out, read_item, (void **)out, n);
}

int store_agenda_item_get(struct store *s, struct arena *a, int64_t id, int64_t user_id,
			  struct agenda_item_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, ITEM_SELECT "WHERE i.id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, user_id);
	struct agenda_item_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_item, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

int store_agenda_item_add(struct store *s, const struct write_ctx *w, int64_t event_id,
			  int64_t user_id, const char *org_code, const char *title,
			  const char *description, int64_t *id_out)
{
	*id_out = 0;
	if (!s || str_empty(org_code) || str_empty(title))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "agendapunt vastleggen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO event_agenda_item (event_id, title, description, proposed_by, "
	       "org_code, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	       "'voorgesteld', " NOW ", " NOW ")");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, event_id);
	db_bind_text(st, 2, title, -1, DB_STATIC);
	db_bind_text(st, 3, description ? description : "", -1, DB_STATIC);
	if (user_id > 0)
		db_bind_int64(st, 4, user_id);
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, org_code, -1, DB_STATIC);
	if (store_step_done(s, st, "agendapunt vastleggen", NULL, 0))
		goto fail;
	int64_t id = db_last_insert_id(s);
	if (id <= 0 ||
	    audit(s, w, "insert", "event_agenda_item", id, event_id, "organisatie", org_code,
		  "status", "voorgesteld") ||
	    store_tx_commit(s, "agendapunt vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_agenda_item_decide(struct store *s, const struct write_ctx *w, int64_t id,
			     const char *status, int position, const char *start_time)
{
	if (!s || str_empty(status))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "agendapunt wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE event_agenda_item SET status = ?2, sort_order = CASE WHEN ?3 < 0 THEN "
	       "sort_order ELSE ?3 END, start_time = COALESCE(CAST(?4 AS TEXT), start_time), "
	       "updated_at = " NOW " WHERE id = ?1 RETURNING event_id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, status, -1, DB_STATIC);
	db_bind_int(st, 3, position);
	if (start_time)
		db_bind_text(st, 4, start_time, -1, DB_STATIC);
	else
		db_bind_null(st, 4);
	int step = db_step(st);
	int64_t event_id = step == DB_ROW ? db_column_int64(st, 0) : 0;
	while (step == DB_ROW)
		step = db_step(st);
	db_reset(st);
	if (step != DB_DONE) {
		store_db_fail(s, "agendapunt wijzigen", NULL, 0);
		goto out;
	}
	if (!event_id) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (audit(s, w, "update", "event_agenda_item", id, event_id, "status", status, NULL,
		  NULL) ||
	    store_tx_commit(s, "agendapunt wijzigen", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

int store_agenda_support_add(struct store *s, const struct write_ctx *w, int64_t id,
			     int64_t event_id, int64_t user_id, const char *org_code)
{
	if (!s || user_id <= 0 || str_empty(org_code))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "steun vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "INSERT INTO event_agenda_support (item_id, user_id, "
				    "org_code, created_at) VALUES (?1, ?2, ?3, " NOW
				    ") ON CONFLICT DO NOTHING RETURNING item_id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, org_code, -1, DB_STATIC);
	int step = db_step(st);
	while (step == DB_ROW) {
		rc = STORE_OK;
		step = db_step(st);
	}
	db_reset(st);
	if (step != DB_DONE) {
		rc = STORE_ERR;
		store_db_fail(s, "steun vastleggen", NULL, 0);
		goto out;
	}
	if (rc != STORE_OK) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	rc = STORE_ERR;
	if (audit(s, w, "insert", "event_agenda_support", id, event_id, "organisatie", org_code,
		  NULL, NULL) ||
	    store_tx_commit(s, "steun vastleggen", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}
