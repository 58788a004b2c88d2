/*
 * store_provenance — provenance per field and import batches, on either
 * engine through the db.h driver; see store_provenance.h.
 */
#include "store_provenance.h"
#include "../lib/arena.h"
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

static const char *nz(const char *v)
{
	return v ? v : "";
}

/* source.id of key: > 0, 0 when absent, -1 on a fault. */
static int64_t source_id(struct store *s, const char *key)
{
	db_stmt *st = store_stmt(s, "SELECT id FROM source WHERE key = ?");
	if (!st)
		return -1;
	db_bind_text(st, 1, key, -1, DB_STATIC);
	int rc = db_step(st);
	int64_t id = rc == DB_ROW ? db_column_int64(st, 0) : rc == DB_DONE ? 0 : -1;
	db_reset(st);
	return id;
}

int store_provenance_put(struct store *s, const struct write_ctx *w,
			 const struct provenance_input *p)
{
	int64_t sid = 0;
	if (p->source_key && *p->source_key) {
		sid = source_id(s, p->source_key);
		if (sid < 0)
			return store_db_fail(s, "bron opzoeken", NULL, 0);
		if (sid == 0)
			return STORE_ERR_INVALID;
	}
	db_stmt *st = store_stmt(
	    s, "INSERT INTO provenance (entity, entity_key, field, status, value, source_id, "
	       "source_url, source_date, confidence, note, recorded_at, recorded_by, batch_id) "
	       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	       "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?11, ?12) "
	       "ON CONFLICT (entity, entity_key, field, status) DO UPDATE SET "
	       "value = excluded.value, source_id = excluded.source_id, "
	       "source_url = excluded.source_url, source_date = excluded.source_date, "
	       "confidence = excluded.confidence, note = excluded.note, "
	       "recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by, "
	       "batch_id = excluded.batch_id");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, p->entity, -1, DB_STATIC);
	db_bind_text(st, 2, p->entity_key, -1, DB_STATIC);
	db_bind_text(st, 3, p->field, -1, DB_STATIC);
	db_bind_text(st, 4, p->status ? p->status : "fact", -1, DB_STATIC);
	db_bind_text(st, 5, nz(p->value), -1, DB_STATIC);
	if (sid > 0)
		db_bind_int64(st, 6, sid);
	db_bind_text(st, 7, nz(p->source_url), -1, DB_STATIC);
	db_bind_text(st, 8, nz(p->source_date), -1, DB_STATIC);
	db_bind_text(st, 9, p->confidence ? p->confidence : "medium", -1, DB_STATIC);
	db_bind_text(st, 10, nz(p->note), -1, DB_STATIC);
	db_bind_text(st, 11, store_ctx_actor(w), -1, DB_STATIC);
	if (s->import_batch > 0)
		db_bind_int64(st, 12, s->import_batch);
	return store_step_done(s, st, "herkomst vastleggen", NULL, 0);
}

int store_provenance_drop(struct store *s, const char *entity, const char *entity_key,
			  const char *field, const char *status)
{
	db_stmt *st = store_stmt(s, "DELETE FROM provenance WHERE entity = ? AND entity_key = ? "
				    "AND field = ? AND status = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, entity, -1, DB_STATIC);
	db_bind_text(st, 2, entity_key, -1, DB_STATIC);
	db_bind_text(st, 3, field, -1, DB_STATIC);
	db_bind_text(st, 4, status, -1, DB_STATIC);
	return store_step_done(s, st, "herkomst verwijderen", NULL, 0);
}

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static void read_row(db_stmt *st, struct arena *a, void *out)
{
	struct provenance_row *r = out;
	r->entity = dup(a, st, 0);
	r->entity_key = dup(a, st, 1);
	r->field = dup(a, st, 2);
	r->status = dup(a, st, 3);
	r->value = dup(a, st, 4);
	r->source_key = dup(a, st, 5);
	r->source_title = dup(a, st, 6);
	r->source_publisher = dup(a, st, 7);
	r->source_kind = dup(a, st, 8);
	r->source_url = dup(a, st, 9);
	r->source_date = dup(a, st, 10);
	r->confidence = dup(a, st, 11);
	r->note = dup(a, st, 12);
	r->recorded_at = dup(a, st, 13);
	r->recorded_by = dup(a, st, 14);
	r->batch_id = db_column_int64(st, 15);
}

#define PROVENANCE_SELECT                                                                          \
	"SELECT p.entity, p.entity_key, p.field, p.status, p.value, COALESCE(s.key, ''), "         \
	"COALESCE(s.title, ''), COALESCE(s.publisher, ''), COALESCE(s.kind, ''), "                 \
	"CASE WHEN p.source_url <> '' THEN p.source_url ELSE COALESCE(s.url, '') END, "            \
	"p.source_date, p.confidence, p.note, p.recorded_at, p.recorded_by, "                      \
	"COALESCE(p.batch_id, 0) FROM provenance p LEFT JOIN source s ON s.id = p.source_id "

int store_provenance_of(struct store *s, struct arena *a, const char *entity, const char *key,
			bool with_children, struct provenance_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	if (with_children) {
		/* the record itself, and every key in ["<key>/", "<key>0"): '0' follows '/' */
		st =
		    store_stmt(s, PROVENANCE_SELECT
			       "WHERE (p.entity = ?1 AND p.entity_key = ?2) OR (p.entity_key >= ?3 "
			       "AND p.entity_key < ?4) ORDER BY p.entity, p.entity_key, p.field, "
			       "p.status");
	} else {
		st = store_stmt(s, PROVENANCE_SELECT "WHERE p.entity = ?1 AND p.entity_key = ?2 "
						     "ORDER BY p.field, p.status");
	}
	if (!st)
		return STORE_ERR;
	char lo[300], hi[300];
	snprintf(lo, sizeof lo, "%s/", key);
	snprintf(hi, sizeof hi, "%s0", key);
	db_bind_text(st, 1, entity, -1, DB_STATIC);
	db_bind_text(st, 2, key, -1, DB_STATIC);
	if (with_children) {
		db_bind_text(st, 3, lo, -1, DB_TRANSIENT);
		db_bind_text(st, 4, hi, -1, DB_TRANSIENT);
	}
	return store_collect(s, a, st, sizeof **out, read_row, (void **)out, n);
}

int store_import_batch_begin(struct store *s, const struct write_ctx *w, const char *title,
			     int64_t *id)
{
	if (!s->batch)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "INSERT INTO import_batch (at, actor, via, title) VALUES "
				    "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?)");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, store_ctx_actor(w), -1, DB_STATIC);
	db_bind_text(st, 2, store_ctx_via(w), -1, DB_STATIC);
	db_bind_text(st, 3, title, -1, DB_STATIC);
	if (store_step_done(s, st, "import vastleggen", NULL, 0))
		return STORE_ERR;
	s->import_batch = db_last_insert_id(s);
	if (id)
		*id = s->import_batch;
	return s->import_batch > 0 ? STORE_OK : STORE_ERR;
}

int store_import_batch_end(struct store *s, int64_t id, int changes)
{
	db_stmt *st = store_stmt(s, "UPDATE import_batch SET changes = ? WHERE id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int(st, 1, changes);
	db_bind_int64(st, 2, id);
	s->import_batch = 0;
	return store_step_done(s, st, "import afsluiten", NULL, 0);
}
