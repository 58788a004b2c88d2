/*
 * store_agreements — shared agreements of a collaboration's participants:
 * list, add, update. Audit entity "agreement", entity_key
 * "<collaboration key>/<id>".

 * Every write is one transaction of the store's transaction helper
 * (store_tx.c; a savepoint inside an import batch): validate the fields
 * (domain/validate_people.c), check what only the database knows, write,
 * add the audit event, bump meta.data_version, commit. Any failure rolls
 * back: a rejected write leaves no row and no audit event. Runs on both
 * engines through the db.h driver. Privacy is the callers' business (see
 * store_people.h): this file returns everything. Not here: HTML,
 * permissions.
 */
#include "store_people.h"
#include "../domain/fields.h"
#include "../domain/labels.h"
#include "../domain/people.h"
#include "../domain/validate.h"
#include "../domain/validate_people.h"
#include "../domain/validate_write.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"
#include "store_people_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PARTIES_MAX 64

/* --------------------------------------------------------- agreements */

static const char agreement_select[] =
    "SELECT g.id, c.key, g.title, g.description, g.parties, g.since, g.status, g.document_url, "
    "g.version FROM agreement g JOIN collaboration c ON c.id = g.collaboration_id ";

static void read_agreement(db_stmt *st, struct arena *a, void *dst)
{
	struct agreement *g = dst;
	g->id = db_column_int64(st, 0);
	g->collab_key = arena_strdup(a, store_col_text(st, 1));
	g->title = arena_strdup(a, store_col_text(st, 2));
	g->description = arena_strdup(a, store_col_text(st, 3));
	g->parties = arena_strdup(a, store_col_text(st, 4));
	g->since = arena_strdup(a, store_col_text(st, 5));
	int k = label_from_db(agreement_status_labels, AGR_COUNT, store_col_text(st, 6));
	g->status = k >= 0 ? (enum agreement_status)k : AGR_VOORGESTELD;
	g->document_url = arena_strdup(a, store_col_text(st, 7));
	g->version = db_column_int64(st, 8);
}

int store_agreements_of_collab(struct store *s, struct arena *a, const char *collab_key,
			       struct agreement **out, int *n)
{
	return store_list(s, a, agreement_select, "WHERE c.key = ? ORDER BY g.since DESC, g.id",
			  field_nz(collab_key), sizeof **out, read_agreement, (void **)out, n);
}

static char *agreement_image(const char *collab_key, const struct agreement_input *m)
{
	json_t *o = json_object();
	store_json_set(o, "samenwerkingsverband", collab_key);
	store_json_set(o, "titel", m->title);
	store_json_set(o, "omschrijving", m->description);
	store_json_set(o, "partijen", m->parties);
	store_json_set(o, "sinds", m->since);
	store_json_set(o, "status", m->status);
	store_json_set(o, "document", m->document_url);
	return store_json_text(o);
}

/*
 * Validate m completely; every party must be an existing organisation.
 * The normalised party list ("a;b") goes to parties. STORE_OK (errors in
 * e) or STORE_ERR.
 */
static int agreement_check(struct store *s, const struct agreement_input *m, struct field_errors *e,
			   struct buf *parties)
{
	validate_agreement_input(m, e);
	if (field_errors_get(e, "partijen"))
		return STORE_OK;
	char codes[PARTIES_MAX][81];
	int n = validate_code_list(m->parties, codes, PARTIES_MAX);
	for (int i = 0; i < n; i++) {
		struct org_info o;
		int r = store_org_lookup(s, codes[i], &o);
		if (r == STORE_ERR)
			return STORE_ERR;
		if (r == STORE_ERR_NOTFOUND)
			field_errors_add(e, "partijen", "De organisatie '%s' is onbekend.",
					 codes[i]);
		buf_printf(parties, "%s%s", i ? ";" : "", codes[i]);
	}
	return STORE_OK;
}

int store_agreement_add(struct store *s, const struct write_ctx *w, const char *collab_key,
			const struct agreement_input *in, int64_t *id_out,
			struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct collab_info c;
	struct buf parties = BUF_INIT;
	char key[128], tb[11];
	char *after = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
	if (id_out)
		*id_out = 0;
	struct agreement_input m = {
	    field_nz(in->title),
	    field_nz(in->description),
	    field_nz(in->parties),
	    field_nz(in->since),
	    str_empty(in->status) ? agreement_status_labels[AGR_VOORGESTELD].api : in->status,
	    field_nz(in->document_url),
	};
	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = store_collab_lookup(s, collab_key, &c)))
		goto out;
	rc = STORE_ERR;
	if (agreement_check(s, &m, e, &parties))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	m.parties = parties.data ? parties.data : "";
	db_stmt *st = store_stmt(
	    s, "INSERT INTO agreement (collaboration_id, title, description, parties, since, "
	       "status, document_url, version, last_confirmed, confirmed_by) "
	       "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
	if (!st)
		goto out;
	db_bind_int64(st, 1, c.id);
	db_bind_text(st, 2, m.title, -1, DB_STATIC);
	db_bind_text(st, 3, m.description, -1, DB_STATIC);
	db_bind_text(st, 4, m.parties, -1, DB_STATIC);
	db_bind_text(st, 5, m.since, -1, DB_STATIC);
	db_bind_text(st, 6, store_label_db(agreement_status_labels, AGR_COUNT, m.status), -1,
		     DB_STATIC);
	db_bind_text(st, 7, m.document_url, -1, DB_STATIC);
	db_bind_text(st, 8, store_ctx_today(w, tb), -1, DB_STATIC);
	db_bind_text(st, 9, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "afspraak toevoegen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	snprintf(key, sizeof key, "%s/%lld", c.key, (long long)id);
	after = agreement_image(c.key, &m);
	if (store_write_finish(s, w, "insert", "agreement", key, NULL, after))
		goto out;
	if (id_out)
		*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	buf_free(&parties);
	free(after);
	return rc;
}

int store_agreement_update(struct store *s, const struct write_ctx *w, int64_t id,
			   int64_t expected_version, const struct agreement_input *in,
			   struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct agreement *g = NULL;
	int n = 0;
	struct buf parties = BUF_INIT, sql = BUF_INIT;
	char key[128];
	char *before = NULL, *after = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
	if (store_write_begin(s))
		return STORE_ERR;
	struct arena *a = arena_new();
	buf_printf(&sql, "%sWHERE g.id = ?", agreement_select);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	if (store_collect(s, a, st, sizeof *g, read_agreement, (void **)&g, &n))
		goto out;
	if (n == 0) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (current_version)
		*current_version = g->version;
	if (g->version != expected_version) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	const char *old_status = agreement_status_labels[g->status].api;
	struct agreement_input old = {g->title, g->description, g->parties,
				      g->since, old_status,	g->document_url};
	struct agreement_input m = {
	    in->title ? in->title : g->title,
	    in->description ? in->description : g->description,
	    in->parties ? in->parties : g->parties,
	    in->since ? in->since : g->since,
	    in->status ? in->status : old_status,
	    in->document_url ? in->document_url : g->document_url,
	};
	if (agreement_check(s, &m, e, &parties))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	m.parties = parties.data ? parties.data : "";
	before = agreement_image(g->collab_key, &old);
	after = agreement_image(g->collab_key, &m);
	if (strcmp(before, after) == 0) {
		store_tx_rollback(s);
		rc = STORE_OK;
		goto done;
	}
	st = store_stmt(s, "UPDATE agreement SET title = ?, description = ?, parties = ?, "
			   "since = ?, status = ?, document_url = ?, version = version + 1 "
			   "WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, m.title, -1, DB_STATIC);
	db_bind_text(st, 2, m.description, -1, DB_STATIC);
	db_bind_text(st, 3, m.parties, -1, DB_STATIC);
	db_bind_text(st, 4, m.since, -1, DB_STATIC);
	db_bind_text(st, 5, store_label_db(agreement_status_labels, AGR_COUNT, m.status), -1,
		     DB_STATIC);
	db_bind_text(st, 6, m.document_url, -1, DB_STATIC);
	db_bind_int64(st, 7, id);
	snprintf(key, sizeof key, "%s/%lld", g->collab_key, (long long)id);
	if (store_step_done(s, st, "afspraak bijwerken", NULL, 0) ||
	    store_write_finish(s, w, "update", "agreement", key, before, after))
		goto out;
	if (current_version)
		*current_version = g->version + 1;
	rc = STORE_OK;
	goto done;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
done:
	buf_free(&sql);
	buf_free(&parties);
	arena_free(a);
	free(before);
	free(after);
	return rc;
}
