/*
 * store_evaluatie — measuring the programme on either engine through the
 * db.h driver; see store_evaluatie.h.
 */
#include "store_evaluatie.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"
#include "store_outbox.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

/* The audit event of a change: entity, key and a few plain fields (never
 * an answer, a token or a link). */
static int audit(struct store *s, const struct write_ctx *w, const char *action, const char *entity,
		 int64_t id, const char *k1, const char *v1)
{
	json_t *o = json_object();
	if (k1)
		store_json_set(o, k1, v1);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, entity, key, NULL, after);
	free(after);
	return rc;
}

/* ---- the item bank ------------------------------------------------------------------- */

#define ITEM_COLS                                                                                  \
	"i.id, i.item_key, i.version, i.block, i.kind, i.scope, i.text, i.options, i.source, "     \
	"i.required, i.proposal, i.position, coalesce(i.superseded_by, 0), "                       \
	"EXISTS (SELECT 1 FROM survey_round_item ri WHERE ri.item_id = i.id), i.created_at "

static void read_item(db_stmt *st, struct arena *a, void *p)
{
	struct ev_item_row *r = p;
	r->id = db_column_int64(st, 0);
	r->item_key = dup(a, st, 1);
	r->version = db_column_int(st, 2);
	r->block = dup(a, st, 3);
	r->kind = dup(a, st, 4);
	r->scope = dup(a, st, 5);
	r->text = dup(a, st, 6);
	r->options = dup(a, st, 7);
	r->source = dup(a, st, 8);
	r->required = db_column_int(st, 9) != 0;
	r->proposal = db_column_int(st, 10) != 0;
	r->position = db_column_int(st, 11);
	r->superseded_by = db_column_int64(st, 12);
	r->used = db_column_int(st, 13) != 0;
	r->created_at = dup(a, st, 14);
}

int store_ev_items(struct store *s, struct arena *a, struct ev_item_row **out, int *n)
{
	return store_list(s, a, "SELECT " ITEM_COLS "FROM survey_item i ",
			  "ORDER BY i.position, i.item_key, i.version", NULL, sizeof **out,
			  read_item, (void **)out, n);
}

int store_ev_item_get(struct store *s, struct arena *a, int64_t id, struct ev_item_row *out)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	struct ev_item_row *rows;
	int n;
	if (store_list(s, a, "SELECT " ITEM_COLS "FROM survey_item i ",
		       "WHERE i.id = CAST(?1 AS INTEGER)", key, sizeof *rows, read_item,
		       (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

static void bind_item(db_stmt *st, const struct ev_item_new *in)
{
	db_bind_text(st, 1, in->block, -1, DB_STATIC);
	db_bind_text(st, 2, in->kind, -1, DB_STATIC);
	db_bind_text(st, 3, in->scope, -1, DB_STATIC);
	db_bind_text(st, 4, in->text, -1, DB_STATIC);
	db_bind_text(st, 5, in->options ? in->options : "", -1, DB_STATIC);
	db_bind_text(st, 6, in->source ? in->source : "", -1, DB_STATIC);
	db_bind_int(st, 7, in->required ? 1 : 0);
}

/* Inside the transaction: is item id current (not superseded) and is it
 * in a round? STORE_ERR_NOTFOUND when it is gone. */
static int item_state(struct store *s, int64_t id, bool *current, bool *used, char *key,
		      size_t keylen, int *position)
{
	db_stmt *st = store_stmt(
	    s, "SELECT superseded_by IS NULL, EXISTS (SELECT 1 FROM survey_round_item ri "
	       "WHERE ri.item_id = i.id), item_key, position FROM survey_item i WHERE id = ?1");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	if (step == DB_ROW) {
		*current = db_column_int(st, 0) != 0;
		*used = db_column_int(st, 1) != 0;
		snprintf(key, keylen, "%s", store_col_text(st, 2));
		*position = db_column_int(st, 3);
	}
	db_reset(st);
	if (step == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return step == DB_ROW ? STORE_OK : store_db_fail(s, "vraag lezen", NULL, 0);
}

int store_ev_item_add(struct store *s, const struct write_ctx *w, const struct ev_item_new *in,
		      int64_t supersedes, int64_t *id_out)
{
	*id_out = 0;
	if (store_tx_begin(s, "vraag opslaan", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	char key[80] = "";
	int position = 0, version = 1;
	if (supersedes) {
		bool current = false, used = false;
		rc = item_state(s, supersedes, &current, &used, key, sizeof key, &position);
		if (rc)
			goto out;
		rc = STORE_ERR;
		if (!current) {
			rc = STORE_ERR_CONFLICT;
			goto out;
		}
		db_stmt *st =
		    store_stmt(s, "SELECT max(version) + 1 FROM survey_item WHERE item_key = ?1");
		if (!st)
			goto out;
		db_bind_text(st, 1, key, -1, DB_TRANSIENT);
		if (db_step(st) != DB_ROW) {
			db_reset(st);
			store_db_fail(s, "vraag opslaan", NULL, 0);
			goto out;
		}
		version = db_column_int(st, 0);
		db_reset(st);
	} else {
		db_stmt *st =
		    store_stmt(s, "SELECT coalesce(max(position), 0) + 1 FROM survey_item");
		if (!st)
			goto out;
		if (db_step(st) != DB_ROW) {
			db_reset(st);
			store_db_fail(s, "vraag opslaan", NULL, 0);
			goto out;
		}
		position = db_column_int(st, 0);
		db_reset(st);
	}
	/* a new item gets a key of its own once its id is known */
	db_stmt *st = store_stmt(
	    s, "INSERT INTO survey_item (item_key, version, block, kind, scope, text, options, "
	       "source, required, proposal, position, created_at) VALUES (?8, ?9, ?1, ?2, ?3, ?4, "
	       "?5, ?6, ?7, 0, ?10, " NOW ")");
	if (!st)
		goto out;
	bind_item(st, in);
	db_bind_text(st, 8, supersedes ? key : "nieuw", -1, DB_TRANSIENT);
	db_bind_int(st, 9, version);
	db_bind_int(st, 10, position);
	if (store_step_done(s, st, "vraag opslaan", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	if (id <= 0)
		goto out;
	if (!supersedes) {
		st = store_stmt(s, "UPDATE survey_item SET item_key = ?1 WHERE id = ?2");
		if (!st)
			goto out;
		snprintf(key, sizeof key, "vraag-%lld", (long long)id);
		db_bind_text(st, 1, key, -1, DB_TRANSIENT);
		db_bind_int64(st, 2, id);
		if (store_step_done(s, st, "vraag opslaan", NULL, 0))
			goto out;
	} else {
		st = store_stmt(s, "UPDATE survey_item SET superseded_by = ?1 WHERE id = ?2");
		if (!st)
			goto out;
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, supersedes);
		if (store_step_done(s, st, "vraag opslaan", NULL, 0))
			goto out;
	}
	if (audit(s, w, "insert", "survey_item", id, "vraag", key) ||
	    store_tx_commit(s, "vraag opslaan", NULL, 0))
		goto out;
	*id_out = id;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

int store_ev_item_update(struct store *s, const struct write_ctx *w, int64_t id,
			 const struct ev_item_new *in)
{
	if (store_tx_begin(s, "vraag opslaan", NULL, 0))
		return STORE_ERR;
	bool current = false, used = false;
	char key[80];
	int position;
	int rc = item_state(s, id, &current, &used, key, sizeof key, &position);
	if (rc)
		goto out;
	if (!current || used) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	rc = STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "UPDATE survey_item SET block = ?1, kind = ?2, scope = ?3, text = ?4, "
			  "options = ?5, source = ?6, required = ?7, proposal = 0 WHERE id = ?8");
	if (!st)
		goto out;
	bind_item(st, in);
	db_bind_int64(st, 8, id);
	if (store_step_done(s, st, "vraag opslaan", NULL, 0) ||
	    audit(s, w, "update", "survey_item", id, "vraag", key) ||
	    store_tx_commit(s, "vraag opslaan", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

/* ---- rounds -------------------------------------------------------------------------- */

#define ROUND_COLS                                                                                 \
	"id, name, starts_on, ends_on, target_groups, status, released, created_at, "              \
	"updated_at "

static void read_round(db_stmt *st, struct arena *a, void *p)
{
	struct ev_round_row *r = p;
	r->id = db_column_int64(st, 0);
	r->name = dup(a, st, 1);
	r->starts_on = dup(a, st, 2);
	r->ends_on = dup(a, st, 3);
	r->groups = dup(a, st, 4);
	r->status = dup(a, st, 5);
	r->released = db_column_int(st, 6) != 0;
	r->created_at = dup(a, st, 7);
	r->updated_at = dup(a, st, 8);
}

int store_ev_rounds(struct store *s, struct arena *a, struct ev_round_row **out, int *n)
{
	return store_list(s, a, "SELECT " ROUND_COLS "FROM survey_round ",
			  "ORDER BY starts_on DESC, id DESC", NULL, sizeof **out, read_round,
			  (void **)out, n);
}

static void read_text(db_stmt *st, struct arena *a, void *p)
{
	*(const char **)p = dup(a, st, 0);
}

static void read_id(db_stmt *st, struct arena *a, void *p)
{
	(void)a;
	*(int64_t *)p = db_column_int64(st, 0);
}

int store_ev_round_get(struct store *s, struct arena *a, int64_t id, struct ev_round_row *out)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	struct ev_round_row *rows;
	int n;
	if (store_list(s, a, "SELECT " ROUND_COLS "FROM survey_round ",
		       "WHERE id = CAST(?1 AS INTEGER)", key, sizeof *rows, read_round,
		       (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	if (store_list(s, a, "SELECT org_code FROM survey_round_org ",
		       "WHERE round_id = CAST(?1 AS INTEGER) ORDER BY org_code", key,
		       sizeof(const char *), read_text, (void **)&out->orgs, &out->n_orgs) ||
	    store_list(s, a, "SELECT collab_key FROM survey_round_collab ",
		       "WHERE round_id = CAST(?1 AS INTEGER) ORDER BY collab_key", key,
		       sizeof(const char *), read_text, (void **)&out->collabs, &out->n_collabs) ||
	    store_list(s, a, "SELECT item_id FROM survey_round_item ",
		       "WHERE round_id = CAST(?1 AS INTEGER) ORDER BY position", key,
		       sizeof(int64_t), read_id, (void **)&out->items, &out->n_items))
		return STORE_ERR;
	return STORE_OK;
}

int store_ev_round_add(struct store *s, const struct write_ctx *w, const struct ev_round_new *in,
		       int64_t *id_out)
{
	*id_out = 0;
	if (store_tx_begin(s, "ronde opslaan", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO survey_round (name, starts_on, ends_on, target_groups, status, "
	       "released, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'concept', 0, " NOW
	       ", " NOW ")");
	if (!st)
		goto fail;
	db_bind_text(st, 1, in->name, -1, DB_STATIC);
	db_bind_text(st, 2, in->starts_on, -1, DB_STATIC);
	db_bind_text(st, 3, in->ends_on, -1, DB_STATIC);
	db_bind_text(st, 4, in->groups, -1, DB_STATIC);
	if (store_step_done(s, st, "ronde opslaan", NULL, 0))
		goto fail;
	int64_t id = db_last_insert_id(s);
	if (id <= 0)
		goto fail;
	for (int i = 0; i < in->n_orgs; i++) {
		st = store_stmt(s, "INSERT INTO survey_round_org (round_id, org_code) VALUES "
				   "(?1, ?2) ON CONFLICT DO NOTHING");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, in->orgs[i], -1, DB_STATIC);
		if (store_step_done(s, st, "ronde opslaan", NULL, 0))
			goto fail;
	}
	for (int i = 0; i < in->n_collabs; i++) {
		st = store_stmt(s, "INSERT INTO survey_round_collab (round_id, collab_key) VALUES "
				   "(?1, ?2) ON CONFLICT DO NOTHING");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, in->collabs[i], -1, DB_STATIC);
		if (store_step_done(s, st, "ronde opslaan", NULL, 0))
			goto fail;
	}
	for (int i = 0; i < in->n_items; i++) {
		st = store_stmt(s, "INSERT INTO survey_round_item (round_id, position, item_id) "
				   "VALUES (?1, ?2, ?3)");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, id);
		db_bind_int(st, 2, i + 1);
		db_bind_int64(st, 3, in->items[i]);
		if (store_step_done(s, st, "ronde opslaan", NULL, 0))
			goto fail;
	}
	if (audit(s, w, "insert", "survey_round", id, "naam", in->name) ||
	    store_tx_commit(s, "ronde opslaan", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

/* One UPDATE of round id in its own audited transaction; rows 0 →
 * conflict (or not found). */
static int round_update(struct store *s, const struct write_ctx *w, int64_t id, const char *sql,
			const char *a1, int i1, const char *action, const char *k, const char *v)
{
	if (store_tx_begin(s, "ronde opslaan", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT 1 FROM survey_round WHERE id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	st = store_stmt(s, sql);
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	if (a1)
		db_bind_text(st, 2, a1, -1, DB_STATIC);
	else
		db_bind_int(st, 2, i1);
	if (v)
		db_bind_text(st, 3, v, -1, DB_STATIC);
	int step2 = db_step(st);
	bool changed = step2 == DB_ROW;
	db_reset(st);
	if (step2 != DB_ROW && step2 != DB_DONE) {
		store_db_fail(s, "ronde opslaan", NULL, 0);
		goto out;
	}
	if (!changed) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	if (audit(s, w, action, "survey_round", id, k, v ? v : (i1 ? "ja" : "nee")) ||
	    store_tx_commit(s, "ronde opslaan", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

int store_ev_round_move(struct store *s, const struct write_ctx *w, int64_t id, const char *from,
			const char *to)
{
	return round_update(s, w, id,
			    "UPDATE survey_round SET status = ?3, updated_at = " NOW
			    " WHERE id = ?1 AND status = ?2 RETURNING id",
			    from, 0, "update", "status", to);
}

int store_ev_round_release(struct store *s, const struct write_ctx *w, int64_t id, bool released)
{
	return round_update(s, w, id,
			    "UPDATE survey_round SET released = ?2, updated_at = " NOW
			    " WHERE id = ?1 RETURNING id",
			    NULL, released ? 1 : 0, "update", "vrijgegeven", NULL);
}

/* ---- links --------------------------------------------------------------------------- */

int store_ev_links_add(struct store *s, const struct write_ctx *w, int64_t round_id,
		       const char *target_group, const char *org_code,
		       const struct ev_link_new *links, int n)
{
	if (store_tx_begin(s, "links maken", NULL, 0))
		return STORE_ERR;
	int mails = 0;
	for (int i = 0; i < n; i++) {
		db_stmt *st =
		    store_stmt(s, "INSERT INTO survey_link (round_id, digest, "
				  "target_group, org_code, used) VALUES (?1, ?2, ?3, ?4, 0)");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, round_id);
		db_bind_text(st, 2, links[i].digest, -1, DB_STATIC);
		db_bind_text(st, 3, target_group, -1, DB_STATIC);
		db_bind_text(st, 4, org_code, -1, DB_STATIC);
		if (store_step_done(s, st, "links maken", NULL, 0))
			goto fail;
		if (links[i].mail.to) {
			int64_t mid;
			bool dupl;
			if (store_outbox_insert(s, &links[i].mail, links[i].mail_token, &mid,
						&dupl))
				goto fail;
			mails++;
		}
	}
	char what[120];
	snprintf(what, sizeof what, "%d links voor %s, %s (%d per e-mail)", n, target_group,
		 org_code, mails);
	if (audit(s, w, "insert", "survey_link", round_id, "links", what) ||
	    store_tx_commit(s, "links maken", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

static void read_link_count(db_stmt *st, struct arena *a, void *p)
{
	struct ev_link_count *r = p;
	r->target_group = dup(a, st, 0);
	r->org_code = dup(a, st, 1);
	r->total = db_column_int(st, 2);
	r->used = db_column_int(st, 3);
}

int store_ev_link_counts(struct store *s, struct arena *a, int64_t round_id,
			 struct ev_link_count **out, int *n)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)round_id);
	return store_list(s, a,
			  "SELECT target_group, org_code, count(*), sum(used) FROM survey_link ",
			  "WHERE round_id = CAST(?1 AS INTEGER) GROUP BY target_group, org_code "
			  "ORDER BY org_code, target_group",
			  key, sizeof **out, read_link_count, (void **)out, n);
}

int store_ev_link_by_digest(struct store *s, struct arena *a, const char *digest,
			    struct ev_link_row *out)
{
	db_stmt *st =
	    store_stmt(s, "SELECT l.id, l.round_id, l.target_group, l.org_code, l.used, "
			  "coalesce(d.answers, '') FROM survey_link l LEFT JOIN survey_draft d "
			  "ON d.link_id = l.id WHERE l.digest = ?1");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, digest, -1, DB_STATIC);
	int step = db_step(st);
	if (step == DB_ROW) {
		out->id = db_column_int64(st, 0);
		out->round_id = db_column_int64(st, 1);
		out->target_group = dup(a, st, 2);
		out->org_code = dup(a, st, 3);
		out->used = db_column_int(st, 4) != 0;
		out->draft = dup(a, st, 5);
	}
	db_reset(st);
	if (step == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return step == DB_ROW ? STORE_OK : store_db_fail(s, "link lezen", NULL, 0);
}

/* Inside the transaction: is link id unused? */
static int link_unused(struct store *s, int64_t id)
{
	db_stmt *st = store_stmt(s, "SELECT used FROM survey_link WHERE id = ?1");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	int used = step == DB_ROW ? db_column_int(st, 0) : 1;
	db_reset(st);
	if (step != DB_ROW && step != DB_DONE)
		return store_db_fail(s, "link lezen", NULL, 0);
	return step == DB_DONE ? STORE_ERR_NOTFOUND : used ? STORE_ERR_CONFLICT : STORE_OK;
}

int store_ev_draft_save(struct store *s, const struct write_ctx *w, int64_t link_id,
			int64_t round_id, const char *answers)
{
	if (store_tx_begin(s, "antwoorden bewaren", NULL, 0))
		return STORE_ERR;
	int rc = link_unused(s, link_id);
	if (rc)
		goto out;
	rc = STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "INSERT INTO survey_draft (link_id, answers) VALUES (?1, ?2) "
			  "ON CONFLICT (link_id) DO UPDATE SET answers = excluded.answers");
	if (!st)
		goto out;
	db_bind_int64(st, 1, link_id);
	db_bind_text(st, 2, answers, -1, DB_STATIC);
	if (store_step_done(s, st, "antwoorden bewaren", NULL, 0) ||
	    audit(s, w, "update", "survey_draft", round_id, NULL, NULL) ||
	    store_tx_commit(s, "antwoorden bewaren", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

int store_ev_submit(struct store *s, const struct write_ctx *w, int64_t link_id, int64_t round_id,
		    const char *target_group, const char *org_kind, const char *today,
		    const struct ev_part *parts, const char *const *ids, int n)
{
	if (store_tx_begin(s, "antwoorden versturen", NULL, 0))
		return STORE_ERR;
	int rc = link_unused(s, link_id);
	if (rc)
		goto out;
	rc = STORE_ERR;
	for (int p = 0; p < n; p++) {
		db_stmt *st = store_stmt(
		    s, "INSERT INTO survey_response (id, round_id, collab_key, target_group, "
		       "org_kind, submitted_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		if (!st)
			goto out;
		db_bind_text(st, 1, ids[p], -1, DB_STATIC);
		db_bind_int64(st, 2, round_id);
		db_bind_text(st, 3, parts[p].collab_key, -1, DB_STATIC);
		db_bind_text(st, 4, target_group, -1, DB_STATIC);
		db_bind_text(st, 5, org_kind, -1, DB_STATIC);
		db_bind_text(st, 6, today, -1, DB_STATIC);
		if (store_step_done(s, st, "antwoorden versturen", NULL, 0))
			goto out;
		for (int i = 0; i < parts[p].n_answers; i++) {
			const struct ev_answer *x = &parts[p].answers[i];
			st = store_stmt(s, "INSERT INTO survey_answer (response_id, item_id, sub, "
					   "num, text) VALUES (?1, ?2, ?3, ?4, ?5)");
			if (!st)
				goto out;
			db_bind_text(st, 1, ids[p], -1, DB_STATIC);
			db_bind_int64(st, 2, x->item_id);
			db_bind_text(st, 3, x->sub ? x->sub : "", -1, DB_STATIC);
			if (x->num >= 0)
				db_bind_int(st, 4, x->num);
			else
				db_bind_null(st, 4);
			db_bind_text(st, 5, x->text ? x->text : "", -1, DB_STATIC);
			if (store_step_done(s, st, "antwoorden versturen", NULL, 0))
				goto out;
		}
	}
	db_stmt *st = store_stmt(s, "DELETE FROM survey_draft WHERE link_id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, link_id);
	if (store_step_done(s, st, "antwoorden versturen", NULL, 0))
		goto out;
	st = store_stmt(s, "UPDATE survey_link SET used = 1 WHERE id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, link_id);
	if (store_step_done(s, st, "antwoorden versturen", NULL, 0) ||
	    audit(s, w, "insert", "survey_response", round_id, NULL, NULL) ||
	    store_tx_commit(s, "antwoorden versturen", NULL, 0))
		goto out;
	return STORE_OK;
out:
	store_tx_rollback(s);
	return rc;
}

/* ---- results ------------------------------------------------------------------------- */

static void read_count(db_stmt *st, struct arena *a, void *p)
{
	struct ev_count *r = p;
	r->item_id = db_column_int64(st, 0);
	r->collab_key = dup(a, st, 1);
	r->sub = dup(a, st, 2);
	r->target_group = dup(a, st, 3);
	r->org_kind = dup(a, st, 4);
	r->num = db_column_type(st, 5) == DB_NULL ? -1 : db_column_int(st, 5);
	r->n = db_column_int(st, 6);
}

int store_ev_counts(struct store *s, struct arena *a, int64_t round_id, struct ev_count **out,
		    int *n)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)round_id);
	/* per value; and (num NULL) the respondents per item, sub-independent */
	return store_list(
	    s, a,
	    "SELECT a.item_id, r.collab_key, a.sub, r.target_group, r.org_kind, a.num, count(*) "
	    "FROM survey_answer a JOIN survey_response r ON r.id = a.response_id ",
	    "WHERE r.round_id = CAST(?1 AS INTEGER) AND a.num IS NOT NULL "
	    "GROUP BY a.item_id, r.collab_key, a.sub, r.target_group, r.org_kind, a.num "
	    "UNION ALL SELECT a.item_id, r.collab_key, '', r.target_group, r.org_kind, NULL, "
	    "count(DISTINCT a.response_id) FROM survey_answer a JOIN survey_response r "
	    "ON r.id = a.response_id WHERE r.round_id = CAST(?1 AS INTEGER) "
	    "GROUP BY a.item_id, r.collab_key, r.target_group, r.org_kind",
	    key, sizeof **out, read_count, (void **)out, n);
}

static void read_open(db_stmt *st, struct arena *a, void *p)
{
	struct ev_open_answer *r = p;
	r->item_id = db_column_int64(st, 0);
	r->collab_key = dup(a, st, 1);
	r->text = dup(a, st, 2);
}

int store_ev_open_answers(struct store *s, struct arena *a, int64_t round_id,
			  struct ev_open_answer **out, int *n)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)round_id);
	return store_list(s, a,
			  "SELECT a.item_id, r.collab_key, a.text FROM survey_answer a "
			  "JOIN survey_response r ON r.id = a.response_id ",
			  "WHERE r.round_id = CAST(?1 AS INTEGER) AND a.text <> '' "
			  "ORDER BY a.item_id, a.response_id",
			  key, sizeof **out, read_open, (void **)out, n);
}

int store_ev_response_count(struct store *s, int64_t round_id, int *n)
{
	*n = 0;
	db_stmt *st = store_stmt(s, "SELECT count(*) FROM survey_response WHERE round_id = ?1 "
				    "AND collab_key = ''");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, round_id);
	int step = db_step(st);
	if (step == DB_ROW)
		*n = db_column_int(st, 0);
	db_reset(st);
	return step == DB_ROW ? STORE_OK : store_db_fail(s, "antwoorden tellen", NULL, 0);
}
