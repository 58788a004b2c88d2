/*
 * store_history — the audit trail read back: the history of one record
 * (a collaboration with its participations, an organisation, a person …),
 * the change feed, and the current optimistic version of a record. Reads
 * only, each in one read transaction, on either engine.
 *
 * Not here: writing audit events (store.c, with every write).
 */
#include "store_write.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"
#include "store_record.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rows {
	struct arena *a; /* owns the rows and their text */
	struct audit_row *r;
	int n, cap;
	bool batch; /* the query has columns 10..12: batch id, title, changes */
};

/* The audit events the public change list, its feed and an import's
 * event list may show: the registry's own records, named one by one, so a
 * module's new entity stays out until it is added here on purpose (the
 * confidential records of the relations module, accounts, people, the
 * outbox, personal data and every module's records are not named). The
 * page layer (pages/history.c, `kinds`) shows the same five. */
#define PUBLIC_ENTITIES                                                                            \
	"entity IN ('collaboration', 'participation', 'organisation', 'source', 'domain')"

/* Append every row of the prepared audit query st; resets st. */
static int collect(struct store *s, db_stmt *st, struct rows *out)
{
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (out->n == out->cap) {
			int cap = out->cap ? out->cap * 2 : 16;
			struct audit_row *bigger =
			    arena_calloc(out->a, (size_t)cap, sizeof *bigger);
			if (out->n)
				memcpy(bigger, out->r, (size_t)out->n * sizeof *bigger);
			out->r = bigger;
			out->cap = cap;
		}
		struct audit_row *a = &out->r[out->n++];
		a->id = db_column_int64(st, 0);
		snprintf(a->at, sizeof a->at, "%s", store_col_text(st, 1));
		a->actor = arena_strdup(out->a, store_col_text(st, 2));
		a->via = arena_strdup(out->a, store_col_text(st, 3));
		a->action = arena_strdup(out->a, store_col_text(st, 4));
		a->entity = arena_strdup(out->a, store_col_text(st, 5));
		a->entity_key = arena_strdup(out->a, store_col_text(st, 6));
		a->before = arena_strdup(out->a, store_col_text(st, 7));
		a->after = arena_strdup(out->a, store_col_text(st, 8));
		a->source = arena_strdup(out->a, store_col_text(st, 9));
		a->batch_title = "";
		if (out->batch) {
			a->batch_id = db_column_int64(st, 10);
			a->batch_title = arena_strdup(out->a, store_col_text(st, 11));
			a->batch_changes = db_column_int(st, 12);
		}
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, "geschiedenis lezen", NULL, 0);
}

/* The columns collect() reads, with the import batch of each event. */
#define HISTORY_COLS                                                                               \
	"SELECT e.id, e.at, e.actor, e.via, e.action, e.entity, e.entity_key, "                    \
	"coalesce(e.\"before\", ''), coalesce(e.\"after\", ''), e.source, "                        \
	"coalesce(e.batch_id, 0), coalesce(b.title, ''), coalesce(b.changes, 0) "                  \
	"FROM audit_event e LEFT JOIN import_batch b ON b.id = e.batch_id "

int store_history(struct store *s, struct arena *a, const char *entity, const char *key,
		  struct audit_row **out, int *n)
{
	struct rows rows = {.a = a, .batch = true};
	struct buf b = BUF_INIT;
	db_stmt *st;
	int rc = STORE_ERR;

	*out = NULL;
	*n = 0;
	if (!entity || !key)
		return STORE_ERR_INVALID;
	if (store_tx_begin_read(s, "geschiedenis lezen", NULL, 0))
		return STORE_ERR;
	if (strcmp(entity, "collaboration") == 0) {
		/* its own events and those of its participations: entity keys
		 * "<key>/..." lie between "<key>/" and "<key>0" ('0' follows '/') */
		buf_printf(&b, "%s/", key);
		char *lo = buf_detach(&b, NULL);
		buf_printf(&b, "%s0", key);
		char *hi = buf_detach(&b, NULL);
		st = store_stmt(s, HISTORY_COLS
				"WHERE (e.entity = 'collaboration' AND "
				"e.entity_key = ?1) OR (e.entity = 'participation' AND "
				"e.entity_key >= ?2 AND e.entity_key < ?3) ORDER BY e.id DESC");
		if (st) {
			db_bind_text(st, 1, key, -1, DB_STATIC);
			db_bind_text(st, 2, lo ? lo : "", -1, DB_TRANSIENT);
			db_bind_text(st, 3, hi ? hi : "", -1, DB_TRANSIENT);
			rc = collect(s, st, &rows);
		}
		free(lo);
		free(hi);
	} else if (strcmp(entity, "participation") == 0) {
		/* by id: the edit events "<collab>/<id>" and the import's
		 * "<collab>/<org>" or "<collab>/<org>/<joined>" */
		long id;
		struct rec r;
		memset(&r, 0, sizeof r);
		if (!parse_long(key, 1, LONG_MAX, &id)) {
			rc = STORE_ERR_NOTFOUND;
			goto out;
		}
		if ((rc = store_rec_load(s, store_part_select, NULL, id, store_part_spec, PF_N, 2,
					 &r))) {
			store_rec_free(&r);
			goto out;
		}
		char *k[3];
		buf_printf(&b, "%s", r.key);
		k[0] = buf_detach(&b, NULL);
		buf_printf(&b, "%s/%s", r.v[PF_COLLAB], r.v[PF_ORG]);
		k[1] = buf_detach(&b, NULL);
		buf_printf(&b, "%s/%s/%s", r.v[PF_COLLAB], r.v[PF_ORG], r.v[PF_JOINED]);
		k[2] = buf_detach(&b, NULL);
		const char *seed_key = str_empty(r.v[PF_JOINED]) ? k[1] : k[2];
		st = store_stmt(s, HISTORY_COLS "WHERE e.entity = 'participation' AND "
						"e.entity_key IN (?1, ?2) ORDER BY e.id DESC");
		rc = STORE_ERR;
		if (st) {
			db_bind_text(st, 1, k[0] ? k[0] : "", -1, DB_TRANSIENT);
			db_bind_text(st, 2, seed_key ? seed_key : "", -1, DB_TRANSIENT);
			rc = collect(s, st, &rows);
		}
		for (int i = 0; i < 3; i++)
			free(k[i]);
		store_rec_free(&r);
	} else {
		st = store_stmt(s, HISTORY_COLS "WHERE e.entity = ?1 AND e.entity_key = ?2 "
						"ORDER BY e.id DESC");
		if (st) {
			db_bind_text(st, 1, entity, -1, DB_STATIC);
			db_bind_text(st, 2, key, -1, DB_STATIC);
			rc = collect(s, st, &rows);
		}
	}
out:
	store_tx_rollback(s);
	buf_free(&b);
	if (rc != STORE_OK) {
		return rc;
	}
	*out = rows.r;
	*n = rows.n;
	return STORE_OK;
}

int store_changes(struct store *s, struct arena *a, const char *entity, const char *actor,
		  int limit, int offset, struct audit_row **out, int *n, int *total)
{
	struct rows rows = {.a = a};
	int rc = STORE_ERR;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (limit < 0)
		limit = 0;
	if (limit > 1000)
		limit = 1000;
	if (offset < 0)
		offset = 0;
	const char *ent = str_empty(entity) ? NULL : entity;
	const char *act = str_empty(actor) ? NULL : actor;
	if (store_tx_begin_read(s, "wijzigingen lezen", NULL, 0))
		return STORE_ERR;
		/* one row per import batch: its newest event that passes the filters */
#define CHANGES_WHERE(e)                                                                           \
	e "." PUBLIC_ENTITIES " AND (CAST(?1 AS TEXT) IS NULL OR " e ".entity = ?1) "              \
	  "AND (CAST(?2 AS TEXT) IS NULL OR " e ".actor = ?2)"
#define CHANGES_FROM                                                                               \
	"FROM audit_event e LEFT JOIN import_batch b ON b.id = e.batch_id WHERE " CHANGES_WHERE(   \
	    "e") " AND (e.batch_id IS NULL OR e.id IN (SELECT max(e2.id) FROM audit_event e2 "     \
		 "WHERE e2.batch_id IS NOT NULL AND " CHANGES_WHERE(                               \
		     "e2") " GROUP BY e2.batch_id))"
	db_stmt *st = store_stmt(s, "SELECT count(*) " CHANGES_FROM);
	if (!st)
		goto out;
	if (ent)
		db_bind_text(st, 1, ent, -1, DB_STATIC);
	if (act)
		db_bind_text(st, 2, act, -1, DB_STATIC);
	int src = db_step(st);
	if (src == DB_ROW)
		*total = db_column_int(st, 0);
	db_reset(st);
	if (src != DB_ROW) {
		store_db_fail(s, "wijzigingen tellen", NULL, 0);
		goto out;
	}
	st = store_stmt(
	    s,
	    "SELECT e.id, e.at, e.actor, e.via, e.action, e.entity, e.entity_key, "
	    "coalesce(e.\"before\", ''), coalesce(e.\"after\", ''), e.source, "
	    "coalesce(e.batch_id, 0), coalesce(b.title, ''), coalesce(b.changes, 0) " CHANGES_FROM
	    " ORDER BY e.id DESC LIMIT ?3 OFFSET ?4");
#undef CHANGES_FROM
#undef CHANGES_WHERE
	if (!st)
		goto out;
	if (ent)
		db_bind_text(st, 1, ent, -1, DB_STATIC);
	if (act)
		db_bind_text(st, 2, act, -1, DB_STATIC);
	db_bind_int(st, 3, limit);
	db_bind_int(st, 4, offset);
	rows.batch = true;
	rc = collect(s, st, &rows);
out:
	store_tx_rollback(s);
	if (rc != STORE_OK) {
		*total = 0;
		return rc;
	}
	*out = rows.r;
	*n = rows.n;
	return STORE_OK;
}

int store_import_batch_events(struct store *s, struct arena *a, int64_t id, int limit, int offset,
			      struct import_batch_row *batch, struct audit_row **out, int *n)
{
	struct rows rows = {.a = a};
	int rc = STORE_ERR;
	*out = NULL;
	*n = 0;
	memset(batch, 0, sizeof *batch);
	if (limit < 0)
		limit = 0;
	if (limit > 5000)
		limit = 5000;
	if (offset < 0)
		offset = 0;
	if (store_tx_begin_read(s, "import lezen", NULL, 0))
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "SELECT b.id, b.at, b.actor, b.via, b.title, b.changes, "
			  "(SELECT count(*) FROM audit_event e WHERE e.batch_id = b.id AND "
			  "e." PUBLIC_ENTITIES ") FROM import_batch b WHERE b.id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int src = db_step(st);
	if (src == DB_ROW) {
		batch->id = db_column_int64(st, 0);
		snprintf(batch->at, sizeof batch->at, "%s", store_col_text(st, 1));
		batch->actor = arena_strdup(a, store_col_text(st, 2));
		batch->via = arena_strdup(a, store_col_text(st, 3));
		batch->title = arena_strdup(a, store_col_text(st, 4));
		batch->changes = db_column_int(st, 5);
		batch->events = db_column_int(st, 6);
	}
	db_reset(st);
	if (src != DB_ROW) {
		rc =
		    src == DB_DONE ? STORE_ERR_NOTFOUND : store_db_fail(s, "import lezen", NULL, 0);
		goto out;
	}
	st = store_stmt(s, "SELECT id, at, actor, via, action, entity, entity_key, "
			   "coalesce(\"before\", ''), coalesce(\"after\", ''), source "
			   "FROM audit_event WHERE batch_id = ?1 AND " PUBLIC_ENTITIES
			   " ORDER BY id LIMIT ?2 OFFSET ?3");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_int(st, 2, limit);
	db_bind_int(st, 3, offset);
	rc = collect(s, st, &rows);
out:
	store_tx_rollback(s);
	if (rc != STORE_OK)
		return rc;
	*out = rows.r;
	*n = rows.n;
	return STORE_OK;
}

int store_current_version(struct store *s, const char *entity, const char *key,
			  const char *collab_key, int64_t *version)
{
	bool part = strcmp(entity, "participation") == 0;
	db_stmt *st =
	    store_stmt(s, part ? "SELECT p.version FROM participation p JOIN collaboration c ON "
				 "c.id = p.collaboration_id WHERE p.id = ?1 AND c.key = ?2"
			       : "SELECT version FROM collaboration WHERE key = ?1");
	if (!st)
		return STORE_ERR;
	if (part) {
		char *end = NULL;
		long long id = strtoll(key, &end, 10);
		if (!end || *end || id <= 0) {
			db_reset(st);
			return STORE_ERR_NOTFOUND;
		}
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, collab_key ? collab_key : "", -1, DB_STATIC);
	} else {
		db_bind_text(st, 1, key, -1, DB_STATIC);
	}
	int rc = db_step(st);
	if (rc == DB_ROW)
		*version = db_column_int64(st, 0);
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	return rc == DB_DONE ? STORE_ERR_NOTFOUND : store_db_fail(s, "versie lezen", NULL, 0);
}
