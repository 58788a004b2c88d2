/*
 * store_phases — the phase history of a collaboration: list and add.
 * Audit entity "phase_event", entity_key "<collaboration key>/<id>".

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

/* ------------------------------------------------------ phase history */

static void read_phase(db_stmt *st, struct arena *a, void *dst)
{
	struct phase_event *p = dst;
	p->id = db_column_int64(st, 0);
	p->collab_key = arena_strdup(a, store_col_text(st, 1));
	int ph = label_from_db(phase_labels, PHASE_COUNT, store_col_text(st, 2));
	p->phase = ph >= 0 ? ph : PHASE_UNKNOWN;
	p->process_phase = arena_strdup(a, store_col_text(st, 3));
	p->date = arena_strdup(a, store_col_text(st, 4));
	p->note = arena_strdup(a, store_col_text(st, 5));
}

int store_phases_of_collab(struct store *s, struct arena *a, const char *collab_key,
			   struct phase_event **out, int *n)
{
	return store_list(s, a,
			  "SELECT e.id, c.key, e.phase, e.process_phase, e.occurred_on, e.note "
			  "FROM phase_event e JOIN collaboration c ON c.id = e.collaboration_id ",
			  "WHERE c.key = ? ORDER BY e.occurred_on, e.id", field_nz(collab_key),
			  sizeof **out, read_phase, (void **)out, n);
}

int store_phase_add(struct store *s, const struct write_ctx *w, const char *collab_key,
		    const struct phase_input *in, int64_t *id_out, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct collab_info c;
	char key[128], tb[11];
	char *after = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_phase_input(in, e);
	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = store_collab_lookup(s, collab_key, &c)))
		goto out;
	rc = STORE_ERR;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	const char *phase_db = store_label_db(phase_labels, PHASE_COUNT, in->phase);
	db_stmt *st = store_stmt(
	    s,
	    "INSERT INTO phase_event (collaboration_id, phase, process_phase, occurred_on, note, "
	    "version, last_confirmed, confirmed_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?)");
	if (!st)
		goto out;
	db_bind_int64(st, 1, c.id);
	db_bind_text(st, 2, phase_db, -1, DB_STATIC);
	db_bind_text(st, 3, field_nz(in->process_phase), -1, DB_STATIC);
	db_bind_text(st, 4, in->date, -1, DB_STATIC);
	db_bind_text(st, 5, field_nz(in->note), -1, DB_STATIC);
	db_bind_text(st, 6, store_ctx_today(w, tb), -1, DB_STATIC);
	db_bind_text(st, 7, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "fase toevoegen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	snprintf(key, sizeof key, "%s/%lld", c.key, (long long)id);
	json_t *o = json_object();
	store_json_set(o, "samenwerkingsverband", c.key);
	store_json_set(o, "fase", store_label_api(phase_labels, PHASE_COUNT, phase_db));
	store_json_set(o, "procesfase", in->process_phase);
	store_json_set(o, "datum", in->date);
	store_json_set(o, "toelichting", in->note);
	after = store_json_text(o);
	if (store_write_finish(s, w, "insert", "phase_event", key, NULL, after))
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
