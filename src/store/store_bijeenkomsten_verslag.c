/*
 * store_bijeenkomsten_verslag — an event's report, document links and
 * contact-log entries; see store_bijeenkomsten_verslag.h.
 */
#include "store_bijeenkomsten_verslag.h"
#include "../lib/arena.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

static int audit(struct store *s, const struct write_ctx *w, const char *entity, int64_t id,
		 const char *k, const char *v)
{
	json_t *o = json_object();
	store_json_set(o, k, v);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   "update", entity, key, NULL, after);
	free(after);
	return rc;
}

int store_event_report(struct store *s, struct arena *a, int64_t id, const char **out)
{
	*out = "";
	db_stmt *st = s ? store_stmt(s, "SELECT report FROM event WHERE id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	if (step == DB_ROW)
		*out = arena_strdup(a, store_col_text(st, 0));
	db_reset(st);
	return step == DB_ROW ? STORE_OK : step == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
}

int store_event_set_report(struct store *s, const struct write_ctx *w, int64_t id,
			   const char *report)
{
	if (!s)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "verslag vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "UPDATE event SET report = ?2, updated_at = " NOW
				    " WHERE id = ?1 RETURNING id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, report ? report : "", -1, DB_STATIC);
	int step = db_step(st);
	while (step == DB_ROW && db_step(st) == DB_ROW)
		;
	db_reset(st);
	if (step != DB_ROW) {
		rc = step == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
		goto out;
	}
	if (audit(s, w, "event", id, "verslag", report && *report ? "vastgelegd" : "leeg") ||
	    store_tx_commit(s, "verslag vastleggen", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

static void read_doc(db_stmt *st, struct arena *a, void *out)
{
	struct event_document_row *r = out;
	r->id = db_column_int64(st, 0);
	r->event_id = db_column_int64(st, 1);
	r->title = arena_strdup(a, store_col_text(st, 2));
	r->url = arena_strdup(a, store_col_text(st, 3));
	r->created_by = arena_strdup(a, store_col_text(st, 4));
	r->created_at = arena_strdup(a, store_col_text(st, 5));
}

int store_event_documents(struct store *s, struct arena *a, int64_t event_id,
			  struct event_document_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT id, event_id, title, url, created_by, created_at "
					"FROM event_document WHERE event_id = ?1 ORDER BY id")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, event_id);
	return store_collect(s, a, st, sizeof **out, read_doc, (void **)out, n);
}

int store_event_document_add(struct store *s, const struct write_ctx *w, int64_t event_id,
			     const char *title, const char *url, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !title || !url)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "document toevoegen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "INSERT INTO event_document (event_id, title, url, "
				    "created_by, created_at) VALUES (?1, ?2, ?3, ?4, " NOW ")");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, event_id);
	db_bind_text(st, 2, title, -1, DB_STATIC);
	db_bind_text(st, 3, url, -1, DB_STATIC);
	db_bind_text(st, 4, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "document toevoegen", NULL, 0))
		goto fail;
	int64_t id = db_last_insert_id(s);
	char doc[24];
	snprintf(doc, sizeof doc, "%lld", (long long)id);
	if (id <= 0 || audit(s, w, "event", event_id, "document", doc) ||
	    store_tx_commit(s, "document toevoegen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

static void read_code(db_stmt *st, struct arena *a, void *out)
{
	*(const char **)out = arena_strdup(a, store_col_text(st, 0));
}

int store_event_contact_orgs(struct store *s, struct arena *a, int64_t event_id, const char ***out,
			     int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT DISTINCT org_code FROM contact_moment WHERE "
					"event_id = ?1 ORDER BY org_code")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, event_id);
	return store_collect(s, a, st, sizeof **out, read_code, (void **)out, n);
}

int store_event_contact_for(struct store *s, int64_t event_id, const char *org_code, int64_t *id)
{
	*id = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT id FROM contact_moment WHERE event_id = ?1 AND "
					"org_code = ?2 ORDER BY id DESC LIMIT 1")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, event_id);
	db_bind_text(st, 2, org_code, -1, DB_STATIC);
	int step = db_step(st);
	if (step == DB_ROW)
		*id = db_column_int64(st, 0);
	db_reset(st);
	return step == DB_ROW || step == DB_DONE ? STORE_OK : STORE_ERR;
}

int store_event_document_remove(struct store *s, const struct write_ctx *w, int64_t event_id,
				int64_t id)
{
	if (!s)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "document verwijderen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "DELETE FROM event_document WHERE id = ?1 AND event_id = ?2 "
				    "RETURNING id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, event_id);
	int step = db_step(st);
	while (step == DB_ROW && db_step(st) == DB_ROW)
		;
	db_reset(st);
	if (step != DB_ROW) {
		rc = step == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
		goto out;
	}
	char doc[24];
	snprintf(doc, sizeof doc, "%lld", (long long)id);
	if (audit(s, w, "event", event_id, "documentVerwijderd", doc) ||
	    store_tx_commit(s, "document verwijderen", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}
