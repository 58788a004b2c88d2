/*
 * store_roles — role perspective assessments of a participation: lists
 * and add. Audit entity "role_assessment", entity_key
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

/* ------------------------------------------------- role assessments */

static const char assessment_select[] =
    "SELECT a.id, a.participation_id, c.key, o.code, o.name, a.assessed_on, "
    "a.score_rechtmatig, a.score_presterend, a.score_samenwerkend, a.score_responsief, "
    "a.note, a.actor FROM role_assessment a JOIN participation pa ON pa.id = a.participation_id "
    "JOIN collaboration c ON c.id = pa.collaboration_id "
    "JOIN organisation o ON o.id = pa.organisation_id ";

static void read_assessment(db_stmt *st, struct arena *ar, void *dst)
{
	struct role_assessment *a = dst;
	a->id = db_column_int64(st, 0);
	a->participation_id = db_column_int64(st, 1);
	a->collab_key = arena_strdup(ar, store_col_text(st, 2));
	a->org_code = arena_strdup(ar, store_col_text(st, 3));
	a->org_name = arena_strdup(ar, store_col_text(st, 4));
	a->date = arena_strdup(ar, store_col_text(st, 5));
	for (int i = 0; i < PERSP_COUNT; i++)
		a->scores[i] = db_column_int(st, 6 + i);
	a->note = arena_strdup(ar, store_col_text(st, 10));
	a->actor = arena_strdup(ar, store_col_text(st, 11));
}

int store_assessments_of_collab(struct store *s, struct arena *a, const char *collab_key,
				struct role_assessment **out, int *n)
{
	return store_list(s, a, assessment_select, "WHERE c.key = ? ORDER BY a.assessed_on, a.id",
			  field_nz(collab_key), sizeof **out, read_assessment, (void **)out, n);
}

int store_assessments_all(struct store *s, struct arena *a, struct role_assessment **out, int *n)
{
	return store_list(s, a, assessment_select,
			  "ORDER BY a.participation_id, a.assessed_on, a.id", NULL, sizeof **out,
			  read_assessment, (void **)out, n);
}

int store_assessment_add(struct store *s, const struct write_ctx *w, int64_t participation_id,
			 const struct assessment_input *in, int64_t *id_out,
			 struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	int scores[PERSP_COUNT];
	char tb[11], key[128], ckey[81] = "", ocode[81] = "";
	char *after = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_assessment_input(in, store_ctx_today(w, tb), scores, e);
	if (store_write_begin(s))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT c.key, o.code FROM participation pa "
				    "JOIN collaboration c ON c.id = pa.collaboration_id "
				    "JOIN organisation o ON o.id = pa.organisation_id "
				    "WHERE pa.id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, participation_id);
	int r = db_step(st);
	if (r == DB_ROW) {
		CPY(ckey, store_col_text(st, 0));
		CPY(ocode, store_col_text(st, 1));
	}
	db_reset(st);
	if (r == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (r != DB_ROW) {
		store_db_fail(s, "deelname opzoeken", NULL, 0);
		goto out;
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	st = store_stmt(s, "INSERT INTO role_assessment (participation_id, assessed_on, "
			   "score_rechtmatig, score_presterend, score_samenwerkend, "
			   "score_responsief, note, actor, version, last_confirmed, confirmed_by) "
			   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
	if (!st)
		goto out;
	db_bind_int64(st, 1, participation_id);
	db_bind_text(st, 2, in->date, -1, DB_STATIC);
	for (int i = 0; i < PERSP_COUNT; i++)
		db_bind_int(st, 3 + i, scores[i]);
	db_bind_text(st, 7, field_nz(in->note), -1, DB_STATIC);
	db_bind_text(st, 8, store_ctx_actor(w), -1, DB_STATIC);
	db_bind_text(st, 9, store_ctx_today(w, tb), -1, DB_STATIC);
	db_bind_text(st, 10, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "rolbeoordeling toevoegen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	snprintf(key, sizeof key, "%s/%lld", ckey, (long long)id);
	json_t *o = json_object();
	store_json_set(o, "samenwerkingsverband", ckey);
	store_json_set(o, "organisatie", ocode);
	json_object_set_new(o, "deelname", json_integer(participation_id));
	store_json_set(o, "datum", in->date);
	for (int i = 0; i < PERSP_COUNT; i++)
		json_object_set_new(o, perspective_labels[i].api, json_integer(scores[i]));
	store_json_set(o, "toelichting", in->note);
	after = store_json_text(o);
	if (store_write_finish(s, w, "insert", "role_assessment", key, NULL, after))
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
