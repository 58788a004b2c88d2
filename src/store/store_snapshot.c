/*
 * store_snapshot — load the whole read model (domain/snapshot.h) from the
 * database in one read transaction: sources, domains, collaborations,
 * organisations and participations, stored codes mapped to their labels.
 * Runs on both engines through the db.h driver.
 *
 * Not here: what "active on a date" means (domain/snapshot.c), caching the
 * snapshot (the read model above the store), writes.
 */
#include "store.h"
#include "../domain/labels.h"
#include "../domain/snapshot.h"
#include "../domain/snapshot_delta.h"
#include "../domain/validate.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Map a stored enum code; unknown codes are a fault in the stored data. */
static int map_code(const struct label *t, int n, const char *code, const char *where, int64_t id,
		    int *out, char *err, size_t errlen)
{
	int v = label_from_db(t, n, code);
	if (v < 0) {
		store_set_err(err, errlen, "onbekende code '%.40s' in %s (id %lld)", code, where,
			      (long long)id);
		log_error("store: %s", err);
		return STORE_ERR;
	}
	*out = v;
	return STORE_OK;
}

/* A reference id column: NULL becomes -1. Ids must fit in an int. */
static int ref_id(db_stmt *st, int i)
{
	if (db_column_type(st, i) == DB_NULL)
		return -1;
	int64_t v = db_column_int64(st, i);
	return v > 0 && v <= INT_MAX ? (int)v : INT_MAX;
}

static int load_sources(struct store *s, struct snapshot *snap)
{
	db_stmt *st = store_stmt(s, "SELECT id, key, title, publisher, url, licence, attribution, "
				    "reference_date, retrieved, note FROM source ORDER BY id");
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct source *x = snapshot_add_source(snap);
		x->id = db_column_int64(st, 0);
		x->key = snapshot_str(snap, store_col_text(st, 1));
		x->title = snapshot_str(snap, store_col_text(st, 2));
		x->publisher = snapshot_str(snap, store_col_text(st, 3));
		x->url = snapshot_str(snap, store_col_text(st, 4));
		x->licence = snapshot_str(snap, store_col_text(st, 5));
		x->attribution = snapshot_str(snap, store_col_text(st, 6));
		x->reference_date = snapshot_str(snap, store_col_text(st, 7));
		x->retrieved = snapshot_str(snap, store_col_text(st, 8));
		x->note = snapshot_str(snap, store_col_text(st, 9));
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

static int load_domains(struct store *s, struct snapshot *snap)
{
	db_stmt *st = store_stmt(s, "SELECT id, key, name, description FROM domain ORDER BY id");
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct domain *x = snapshot_add_domain(snap);
		x->id = db_column_int64(st, 0);
		x->key = snapshot_str(snap, store_col_text(st, 1));
		x->name = snapshot_str(snap, store_col_text(st, 2));
		x->description = snapshot_str(snap, store_col_text(st, 3));
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

#define ORG_COLUMNS                                                                                \
	"SELECT id, code, kind, name, cbs_code, tooi, in_province, valid_from, valid_to, ended, "  \
	"successor_id, population, population_date, area_km2, collaboration_id, source_id, "       \
	"last_confirmed, note, confirmed_by, version FROM organisation "

/* Add the organisation in the current row of st (ORG_COLUMNS). */
static int org_row(db_stmt *st, struct snapshot *snap, char *err, size_t errlen)
{
	int kind;
	int64_t id = db_column_int64(st, 0);
	if (map_code(org_kind_labels, ORG_KIND_COUNT, store_col_text(st, 2), "organisation.kind",
		     id, &kind, err, errlen))
		return STORE_ERR_INVALID;
	struct organisation *x = snapshot_add_org(snap);
	x->id = id;
	x->code = snapshot_str(snap, store_col_text(st, 1));
	x->kind = (enum org_kind)kind;
	x->name = snapshot_str(snap, store_col_text(st, 3));
	x->cbs_code = snapshot_str(snap, store_col_text(st, 4));
	x->tooi = snapshot_str(snap, store_col_text(st, 5));
	x->in_province = db_column_int(st, 6) != 0;
	x->valid_from = snapshot_str(snap, store_col_text(st, 7));
	x->valid_to = snapshot_str(snap, store_col_text(st, 8));
	x->ended = db_column_int(st, 9) != 0;
	x->successor = ref_id(st, 10);
	x->population = db_column_type(st, 11) == DB_NULL ? -1 : db_column_int64(st, 11);
	x->population_date = snapshot_str(snap, store_col_text(st, 12));
	x->area_km2 = db_column_type(st, 13) == DB_NULL ? -1.0 : db_column_double(st, 13);
	x->collaboration = ref_id(st, 14);
	x->source = ref_id(st, 15);
	x->last_confirmed = snapshot_str(snap, store_col_text(st, 16));
	x->note = snapshot_str(snap, store_col_text(st, 17));
	x->confirmed_by = snapshot_str(snap, store_col_text(st, 18));
	x->version = db_column_int64(st, 19);
	return STORE_OK;
}

#define COLLAB_COLUMNS                                                                             \
	"SELECT id, key, name, short_name, kind, legal_form, powers, phase, purpose, seat, "       \
	"start_date, end_date, website, source_id, last_confirmed, note, confirmed_by, version "   \
	"FROM collaboration "

/* Add the collaboration in the current row of st (COLLAB_COLUMNS), without
 * its domains. */
static int collab_row(db_stmt *st, struct snapshot *snap, char *err, size_t errlen)
{
	int kind, lf, pw, ph;
	int64_t id = db_column_int64(st, 0);
	if (map_code(collab_kind_labels, COLLAB_KIND_COUNT, store_col_text(st, 4),
		     "collaboration.kind", id, &kind, err, errlen) ||
	    map_code(legal_form_labels, LF_COUNT, store_col_text(st, 5), "collaboration.legal_form",
		     id, &lf, err, errlen) ||
	    map_code(powers_labels, POW_COUNT, store_col_text(st, 6), "collaboration.powers", id,
		     &pw, err, errlen) ||
	    map_code(phase_labels, PHASE_COUNT, store_col_text(st, 7), "collaboration.phase", id,
		     &ph, err, errlen))
		return STORE_ERR_INVALID;
	struct collaboration *x = snapshot_add_collab(snap);
	x->id = id;
	x->key = snapshot_str(snap, store_col_text(st, 1));
	x->name = snapshot_str(snap, store_col_text(st, 2));
	x->short_name = snapshot_str(snap, store_col_text(st, 3));
	x->kind = (enum collab_kind)kind;
	x->legal_form = (enum legal_form)lf;
	x->powers = (enum powers)pw;
	x->phase = (enum phase)ph;
	x->purpose = snapshot_str(snap, store_col_text(st, 8));
	x->seat = snapshot_str(snap, store_col_text(st, 9));
	x->start_date = snapshot_str(snap, store_col_text(st, 10));
	x->end_date = snapshot_str(snap, store_col_text(st, 11));
	x->website = snapshot_str(snap, store_col_text(st, 12));
	x->source = ref_id(st, 13);
	x->last_confirmed = snapshot_str(snap, store_col_text(st, 14));
	x->note = snapshot_str(snap, store_col_text(st, 15));
	x->confirmed_by = snapshot_str(snap, store_col_text(st, 16));
	x->version = db_column_int64(st, 17);
	return STORE_OK;
}

/* Add every row of sql (the columns a row function reads) with fn. */
static int load_rows(struct store *s, struct snapshot *snap, const char *sql,
		     int (*fn)(db_stmt *, struct snapshot *, char *, size_t), char *err,
		     size_t errlen)
{
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (fn(st, snap, err, errlen)) {
			db_reset(st);
			return STORE_ERR_INVALID;
		}
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

static int load_collabs(struct store *s, struct snapshot *snap, char *err, size_t errlen)
{
	int rc = load_rows(s, snap, COLLAB_COLUMNS "ORDER BY id", collab_row, err, errlen);
	if (rc)
		return rc;

	/* domains per collaboration; collabs are in id order, so the rows of
	 * one collaboration come together and are matched by a merge walk */
	db_stmt *st = store_stmt(s, "SELECT collaboration_id, domain_id FROM collaboration_domain "
				    "ORDER BY collaboration_id, domain_id");
	if (!st)
		return STORE_ERR;
	int ids[VALIDATE_MAX_DOMAINS * 2];
	int n = 0, ci = 0;
	int64_t cur = -1;
	for (;;) {
		rc = db_step(st);
		int64_t cid = rc == DB_ROW ? db_column_int64(st, 0) : -1;
		if (cur >= 0 && cid != cur) {
			while (ci < snap->n_collabs && snap->collabs[ci].id < cur)
				ci++;
			if (ci < snap->n_collabs && snap->collabs[ci].id == cur)
				snapshot_collab_set_domains(snap, &snap->collabs[ci], ids, n);
			n = 0;
		}
		if (rc != DB_ROW)
			break;
		cur = cid;
		if (n < (int)(sizeof ids / sizeof ids[0]))
			ids[n++] = ref_id(st, 1);
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

#define PART_COLUMNS                                                                               \
	"SELECT id, collaboration_id, organisation_id, body, role, cost_share, contribution_eur, " \
	"joined, left_on, source_id, last_confirmed, note, confirmed_by, version "                 \
	"FROM participation "

/* Add the participation in the current row of st (PART_COLUMNS). */
static int part_row(db_stmt *st, struct snapshot *snap, char *err, size_t errlen)
{
	int body, role;
	int64_t id = db_column_int64(st, 0);
	if (map_code(body_labels, BODY_COUNT, store_col_text(st, 3), "participation.body", id,
		     &body, err, errlen) ||
	    map_code(role_labels, ROLE_COUNT, store_col_text(st, 4), "participation.role", id,
		     &role, err, errlen))
		return STORE_ERR_INVALID;
	struct participation *x = snapshot_add_part(snap);
	x->id = id;
	x->collaboration = ref_id(st, 1);
	x->organisation = ref_id(st, 2);
	x->body = (enum body)body;
	x->role = (enum role)role;
	x->cost_share = db_column_type(st, 5) == DB_NULL ? -1.0 : db_column_double(st, 5);
	x->contribution = db_column_type(st, 6) == DB_NULL ? -1 : db_column_int64(st, 6);
	x->joined = snapshot_str(snap, store_col_text(st, 7));
	x->left = snapshot_str(snap, store_col_text(st, 8));
	x->source = ref_id(st, 9);
	x->last_confirmed = snapshot_str(snap, store_col_text(st, 10));
	x->note = snapshot_str(snap, store_col_text(st, 11));
	x->confirmed_by = snapshot_str(snap, store_col_text(st, 12));
	x->version = db_column_int64(st, 13);
	return STORE_OK;
}

int store_load_snapshot(struct store *s, const char *today, struct snapshot **out, char *err,
			size_t errlen)
{
	struct snapshot *snap = NULL;
	uint64_t version;
	int rc;

	*out = NULL;
	/* one read transaction: every table from the same database state */
	if (store_tx_begin_read(s, "snapshot lezen", err, errlen))
		return STORE_ERR;
	if (store_data_version(s, &version)) {
		rc = store_db_fail(s, "dataversie lezen", err, errlen);
		goto out;
	}
	snap = snapshot_new(version);
	if ((rc = load_sources(s, snap)) || (rc = load_domains(s, snap)) ||
	    (rc = load_collabs(s, snap, err, errlen)) ||
	    (rc = load_rows(s, snap, ORG_COLUMNS "ORDER BY id", org_row, err, errlen)) ||
	    (rc = load_rows(s, snap, PART_COLUMNS "ORDER BY id", part_row, err, errlen))) {
		if (rc == STORE_ERR_INVALID)
			rc = STORE_ERR; /* bad stored code: message already in err */
		else
			store_db_fail(s, "snapshot lezen", err, errlen);
		goto out;
	}
	store_tx_commit(s, "snapshot lezen", NULL, 0);
	if (snapshot_finish(snap, today, err, errlen) != 0) {
		log_error("store: snapshot: %s", err);
		rc = STORE_ERR;
		goto out;
	}
	*out = snap;
	snap = NULL;
	rc = STORE_OK;
out:
	store_tx_rollback(s);
	snapshot_free(snap);
	return rc;
}

/* Read the current row of one changed record into d->rows, or note that it
 * is gone. */
static int load_changed(struct store *s, struct snapshot_delta *d, char kind, int64_t id, char *err,
			size_t errlen)
{
	const char *sql = kind == 'o'	? ORG_COLUMNS "WHERE id = ?"
			  : kind == 'c' ? COLLAB_COLUMNS "WHERE id = ?"
					: PART_COLUMNS "WHERE id = ?";
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	int rc = db_step(st);
	if (rc == DB_DONE) {
		db_reset(st);
		snapshot_delta_gone(d, kind, id);
		return STORE_OK;
	}
	if (rc != DB_ROW) {
		db_reset(st);
		return STORE_ERR;
	}
	struct snapshot *r = d->rows;
	int row_rc = kind == 'o'   ? org_row(st, r, err, errlen)
		     : kind == 'c' ? collab_row(st, r, err, errlen)
				   : part_row(st, r, err, errlen);
	db_reset(st);
	if (row_rc)
		return row_rc;
	if (kind != 'c')
		return STORE_OK;
	st = store_stmt(s, "SELECT domain_id FROM collaboration_domain WHERE collaboration_id = ? "
			   "ORDER BY domain_id");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	int ids[VALIDATE_MAX_DOMAINS * 2], n = 0;
	while ((rc = db_step(st)) == DB_ROW)
		if (n < (int)(sizeof ids / sizeof ids[0]))
			ids[n++] = ref_id(st, 0);
	db_reset(st);
	if (rc != DB_DONE)
		return STORE_ERR;
	snapshot_collab_set_domains(r, &r->collabs[r->n_collabs - 1], ids, n);
	return STORE_OK;
}

/* A journal row: entity initial and id, sorted for one read per record. */
struct changed {
	char kind;
	int64_t id;
};

static int cmp_changed(const void *a, const void *b)
{
	const struct changed *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	return (x->id > y->id) - (x->id < y->id);
}

int store_load_changes(struct store *s, uint64_t since, int max_rows, struct snapshot_delta **out,
		       char *err, size_t errlen)
{
	struct snapshot_delta *d = NULL;
	struct changed *rows = NULL;
	int n = 0, cap = 0, rc;
	uint64_t version;

	*out = NULL;
	if (store_tx_begin_read(s, "wijzigingen lezen", err, errlen))
		return STORE_ERR;
	if (store_data_version(s, &version)) {
		rc = store_db_fail(s, "dataversie lezen", err, errlen);
		goto out;
	}
	db_stmt *st = store_stmt(s, "SELECT CAST(value AS INTEGER) FROM meta "
				    "WHERE key = 'journal_floor'");
	if (!st) {
		rc = store_db_fail(s, "journaalgrens lezen", err, errlen);
		goto out;
	}
	int64_t floor = db_step(st) == DB_ROW ? db_column_int64(st, 0) : INT64_MAX;
	db_reset(st);
	if (since < (uint64_t)floor || version < since) {
		rc = STORE_OK; /* the journal does not reach back to `since`: rebuild */
		goto out;
	}
	/* rows committed after a write's bump have no version yet: take them too */
	st = store_stmt(s, "SELECT DISTINCT entity, row_id FROM change_journal "
			   "WHERE version > ? OR version IS NULL");
	if (!st) {
		rc = store_db_fail(s, "wijzigingsjournaal lezen", err, errlen);
		goto out;
	}
	db_bind_int64(st, 1, (int64_t)since);
	bool other = false, outside = false, too_many = false;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *entity = store_col_text(st, 0);
		char kind = strcmp(entity, "organisation") == 0	   ? 'o'
			    : strcmp(entity, "collaboration") == 0 ? 'c'
			    : strcmp(entity, "participation") == 0 ? 'p'
								   : 0;
		if (!kind) {
			if (strcmp(entity, "extern") == 0)
				outside = true;
			else
				other = true; /* sources, beleidsdomeinen */
			continue;
		}
		if (n == max_rows) {
			too_many = true;
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			rows = xreallocarray(rows, (size_t)cap, sizeof *rows);
		}
		rows[n].kind = kind;
		rows[n++].id = db_column_int64(st, 1);
	}
	db_reset(st);
	if (too_many) {
		rc = STORE_OK;
		goto out;
	}
	if (rc != DB_DONE) {
		rc = store_db_fail(s, "wijzigingsjournaal lezen", err, errlen);
		goto out;
	}
	d = snapshot_delta_new(version);
	d->other = other;
	d->outside = outside;
	if (n > 0)
		qsort(rows, (size_t)n, sizeof *rows, cmp_changed);
	for (int i = 0; i < n && !other; i++) {
		if (i > 0 && rows[i].kind == rows[i - 1].kind && rows[i].id == rows[i - 1].id)
			continue;
		if ((rc = load_changed(s, d, rows[i].kind, rows[i].id, err, errlen))) {
			if (rc == STORE_ERR_INVALID)
				rc = STORE_ERR;
			else
				store_db_fail(s, "gewijzigd record lezen", err, errlen);
			goto out;
		}
	}
	store_tx_commit(s, "wijzigingen lezen", NULL, 0);
	*out = d;
	d = NULL;
	rc = STORE_OK;
out:
	store_tx_rollback(s);
	snapshot_delta_free(d);
	free(rows);
	return rc;
}
