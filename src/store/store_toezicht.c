/*
 * store_toezicht — IBT domains, labels, assessments and responses on either
 * engine through the db.h driver; see store_toezicht.h.
 */
#include "store_toezicht.h"
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

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* The audit event: entity and key with up to four non-personal facts. */
static int audit(struct store *s, const struct write_ctx *w, const char *action, const char *entity,
		 int64_t id, const char *const *kv, int n)
{
	json_t *o = json_object();
	for (int i = 0; i + 1 < n; i += 2)
		store_json_set(o, kv[i], kv[i + 1]);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, entity, key, NULL, after);
	free(after);
	return rc;
}

static const char *num(char buf[24], long long v)
{
	snprintf(buf, 24, "%lld", v);
	return buf;
}

/* ---- domains and labels -------------------------------------------------------------- */

static void read_domain(db_stmt *st, struct arena *a, void *out)
{
	struct ibt_domain_row *d = out;
	d->id = db_column_int64(st, 0);
	d->key = dup(a, st, 1);
	d->name = dup(a, st, 2);
	d->valid_from = (int)db_column_int64(st, 3);
	d->valid_to = (int)db_column_int64(st, 4);
	d->org_kinds = dup(a, st, 5);
	d->source_url = dup(a, st, 6);
	d->position = (int)db_column_int64(st, 7);
}

struct label_row {
	int64_t domain_id;
	struct ibt_label l;
};

static void read_label(db_stmt *st, struct arena *a, void *out)
{
	struct label_row *r = out;
	r->domain_id = db_column_int64(st, 0);
	r->l.level = (int)db_column_int64(st, 1);
	r->l.name = dup(a, st, 2);
	r->l.colour = dup(a, st, 3);
	r->l.pattern = dup(a, st, 4);
}

int store_ibt_domains(struct store *s, struct arena *a, struct ibt_domain_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT id, key, name, valid_from, COALESCE(valid_to, 0), "
					"org_kinds, source_url, position FROM ibt_domain "
					"ORDER BY position, name")
			: NULL;
	if (!st || store_collect(s, a, st, sizeof **out, read_domain, (void **)out, n))
		return STORE_ERR;
	st = store_stmt(s, "SELECT domain_id, level, name, colour, pattern FROM ibt_label "
			   "ORDER BY domain_id, level");
	struct label_row *l;
	int nl;
	if (!st || store_collect(s, a, st, sizeof *l, read_label, (void **)&l, &nl))
		return STORE_ERR;
	for (int i = 0; i < nl; i++)
		for (int d = 0; d < *n; d++)
			if ((*out)[d].id == l[i].domain_id && (*out)[d].n_labels < IBT_LABELS_MAX)
				(*out)[d].labels[(*out)[d].n_labels++] = l[i].l;
	return STORE_OK;
}

static int insert_labels(struct store *s, int64_t domain_id, const struct ibt_label *l, int n)
{
	for (int i = 0; i < n; i++) {
		db_stmt *st =
		    store_stmt(s, "INSERT INTO ibt_label (domain_id, level, name, colour, "
				  "pattern) VALUES (?1, ?2, ?3, ?4, ?5)");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, domain_id);
		db_bind_int(st, 2, i + 1);
		db_bind_text(st, 3, nz(l[i].name), -1, DB_STATIC);
		db_bind_text(st, 4, nz(l[i].colour), -1, DB_STATIC);
		db_bind_text(st, 5, nz(l[i].pattern), -1, DB_STATIC);
		if (store_step_done(s, st, "toezichtlabel vastleggen", NULL, 0))
			return STORE_ERR;
	}
	return STORE_OK;
}

static void bind_domain(db_stmt *st, const struct ibt_domain_row *d)
{
	db_bind_text(st, 1, nz(d->key), -1, DB_STATIC);
	db_bind_text(st, 2, nz(d->name), -1, DB_STATIC);
	db_bind_int(st, 3, d->valid_from);
	if (d->valid_to > 0)
		db_bind_int(st, 4, d->valid_to);
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, nz(d->org_kinds), -1, DB_STATIC);
	db_bind_text(st, 6, nz(d->source_url), -1, DB_STATIC);
}

static int domain_audit(struct store *s, const struct write_ctx *w, const char *action, int64_t id,
			const struct ibt_domain_row *d)
{
	char f[24], t[24];
	const char *kv[] = {"domein",	   d->key,
			    "geldigVanaf", num(f, d->valid_from),
			    "geldigTot",   num(t, d->valid_to)};
	return audit(s, w, action, "ibt_domain", id, kv, 6);
}

/* Step a statement that returns the id of the row it wrote: STORE_OK with
 * *id, none_rc when it wrote no row, STORE_ERR (logged) on a fault. */
static int returned_id(struct store *s, db_stmt *st, int none_rc, const char *what, int64_t *id)
{
	int step = db_step(st);
	*id = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step == DB_DONE)
		return none_rc;
	if (step != DB_ROW)
		return store_db_fail(s, what, NULL, 0);
	return STORE_OK;
}

int store_ibt_domain_add(struct store *s, const struct write_ctx *w, const struct ibt_domain_row *d)
{
	if (!s || !d || str_empty(d->key) || str_empty(d->name))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "toezichtdomein vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO ibt_domain (key, name, valid_from, valid_to, org_kinds, source_url, "
	       "position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT COALESCE(max(position), 0) + 1 "
	       "FROM ibt_domain)) ON CONFLICT DO NOTHING RETURNING id");
	if (!st)
		goto out;
	bind_domain(st, d);
	int64_t id;
	if ((rc = returned_id(s, st, STORE_ERR_CONFLICT, "toezichtdomein vastleggen", &id)))
		goto out;
	rc = STORE_ERR;
	if (insert_labels(s, id, d->labels, d->n_labels) || domain_audit(s, w, "insert", id, d) ||
	    store_tx_commit(s, "toezichtdomein vastleggen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_ibt_domain_update(struct store *s, const struct write_ctx *w,
			    const struct ibt_domain_row *d)
{
	if (!s || !d || str_empty(d->key) || str_empty(d->name))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "toezichtdomein wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "UPDATE ibt_domain SET name = ?2, valid_from = ?3, valid_to = "
			  "?4, org_kinds = ?5, source_url = ?6 WHERE key = ?1 RETURNING id");
	if (!st)
		goto out;
	bind_domain(st, d);
	int64_t id;
	if ((rc = returned_id(s, st, STORE_ERR_NOTFOUND, "toezichtdomein wijzigen", &id)))
		goto out;
	rc = STORE_ERR;
	if (domain_audit(s, w, "update", id, d) ||
	    store_tx_commit(s, "toezichtdomein wijzigen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_ibt_labels_set(struct store *s, const struct write_ctx *w, int64_t domain_id,
			 const char *domain_key, const struct ibt_label *l, int n)
{
	if (!s || n < 1)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "toezichtlabels wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT count(*) FROM ibt_assessment WHERE domain_id = ?1 AND "
				    "(level > ?2 OR own_level > ?2)");
	if (!st)
		goto out;
	db_bind_int64(st, 1, domain_id);
	db_bind_int(st, 2, n);
	int64_t used = db_step(st) == DB_ROW ? db_column_int64(st, 0) : -1;
	db_reset(st);
	if (used != 0) {
		rc = used > 0 ? STORE_ERR_CONFLICT : STORE_ERR;
		goto out;
	}
	st = store_stmt(s, "DELETE FROM ibt_label WHERE domain_id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, domain_id);
	if (store_step_done(s, st, "toezichtlabels wijzigen", NULL, 0))
		goto out;
	char nb[24];
	const char *kv[] = {"domein", domain_key, "labels", num(nb, n)};
	if (insert_labels(s, domain_id, l, n) ||
	    audit(s, w, "update", "ibt_domain", domain_id, kv, 4) ||
	    store_tx_commit(s, "toezichtlabels wijzigen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ---- assessments ----------------------------------------------------------------------- */

#define ASSESSMENT_SELECT                                                                          \
	"SELECT a.id, a.org_code, a.domain_id, d.key, a.year, a.level, COALESCE(a.own_level, 0), " \
	"a.motivation, a.links, a.assessor, a.assessed_on, a.status, a.established_on, "           \
	"a.created_at, a.updated_at, (SELECT count(*) FROM ibt_response r WHERE "                  \
	"r.assessment_id = a.id) FROM ibt_assessment a JOIN ibt_domain d ON d.id = a.domain_id "

static void read_assessment(db_stmt *st, struct arena *a, void *out)
{
	struct ibt_assessment_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->domain_id = db_column_int64(st, 2);
	r->domain_key = dup(a, st, 3);
	r->year = (int)db_column_int64(st, 4);
	r->level = (int)db_column_int64(st, 5);
	r->own_level = (int)db_column_int64(st, 6);
	r->motivation = dup(a, st, 7);
	r->links = dup(a, st, 8);
	r->assessor = dup(a, st, 9);
	r->assessed_on = dup(a, st, 10);
	int stt = ibt_status_from(store_col_text(st, 11));
	r->status = stt < 0 ? IBT_CONCEPT : (enum ibt_status)stt;
	r->established_on = dup(a, st, 12);
	r->created_at = dup(a, st, 13);
	r->updated_at = dup(a, st, 14);
	r->n_responses = (int)db_column_int64(st, 15);
}

static int assessment_audit(struct store *s, const struct write_ctx *w, const char *action,
			    int64_t id, const char *org, const char *domain, int year,
			    enum ibt_status status)
{
	char y[24];
	const char *kv[] = {"organisatie", org,		 "domein", domain,
			    "jaar",	   num(y, year), "status", ibt_status_api(status)};
	return audit(s, w, action, "ibt_assessment", id, kv, 8);
}

int store_ibt_assessment_add(struct store *s, const struct write_ctx *w,
			     const struct ibt_assessment_new *in, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->org_code) || in->domain_id <= 0 || in->level < 1)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "beoordeling vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO ibt_assessment (org_code, domain_id, year, level, own_level, "
	       "motivation, links, assessor, assessed_on, status, created_at, updated_at) VALUES "
	       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'concept', " NOW ", " NOW
	       ") ON CONFLICT DO NOTHING RETURNING id");
	if (!st)
		goto out;
	db_bind_text(st, 1, in->org_code, -1, DB_STATIC);
	db_bind_int64(st, 2, in->domain_id);
	db_bind_int(st, 3, in->year);
	db_bind_int(st, 4, in->level);
	if (in->own_level > 0)
		db_bind_int(st, 5, in->own_level);
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, nz(in->motivation), -1, DB_STATIC);
	db_bind_text(st, 7, nz(in->links), -1, DB_STATIC);
	db_bind_text(st, 8, nz(in->assessor), -1, DB_STATIC);
	db_bind_text(st, 9, nz(in->assessed_on), -1, DB_STATIC);
	int step = db_step(st);
	int64_t id = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "beoordeling vastleggen", NULL, 0);
		goto out;
	}
	if (assessment_audit(s, w, "insert", id, in->org_code, in->domain_key, in->year,
			     IBT_CONCEPT) ||
	    store_tx_commit(s, "beoordeling vastleggen", NULL, 0))
		goto out;
	*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_ibt_assessment_get(struct store *s, struct arena *a, int64_t id,
			     struct ibt_assessment_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, ASSESSMENT_SELECT "WHERE a.id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	struct ibt_assessment_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_assessment, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

int store_ibt_assessments(struct store *s, struct arena *a, const struct ibt_filter *f,
			  struct ibt_assessment_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    s ? store_stmt(s, ASSESSMENT_SELECT
			   "WHERE (?1 = 0 OR a.domain_id = ?1) AND (?2 = 0 OR a.year = ?2) AND "
			   "(CAST(?3 AS TEXT) IS NULL OR a.org_code = ?3) AND a.status IN (?4, ?5, "
			   "?6) ORDER BY a.org_code, d.position, a.year DESC")
	      : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, f->domain_id);
	db_bind_int(st, 2, f->year);
	if (f->org_code)
		db_bind_text(st, 3, f->org_code, -1, DB_STATIC);
	else
		db_bind_null(st, 3);
	for (int k = 0; k < IBT_STATUS_COUNT; k++)
		db_bind_text(st, 4 + k,
			     f->statuses & IBT_ONLY(k) ? ibt_status_api((enum ibt_status)k) : "",
			     -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_assessment, (void **)out, n) ? STORE_ERR
										       : STORE_OK;
}

int store_ibt_assessment_move(struct store *s, const struct write_ctx *w, int64_t id,
			      enum ibt_status from, enum ibt_status to)
{
	if (!s)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "beoordeling status wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "UPDATE ibt_assessment SET status = ?2, established_on = CASE WHEN ?2 = "
			  "'vastgesteld' THEN substr(" NOW
			  ", 1, 10) ELSE established_on END, updated_at = " NOW
			  " WHERE id = ?1 AND status = ?3 RETURNING org_code, domain_id, year");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, ibt_status_api(to), -1, DB_STATIC);
	db_bind_text(st, 3, ibt_status_api(from), -1, DB_STATIC);
	int step = db_step(st);
	char org[128] = "";
	int64_t dom = 0;
	int year = 0;
	if (step == DB_ROW) {
		snprintf(org, sizeof org, "%s", store_col_text(st, 0));
		dom = db_column_int64(st, 1);
		year = (int)db_column_int64(st, 2);
	}
	db_reset(st);
	if (step == DB_DONE) {
		st = store_stmt(s, "SELECT count(*) FROM ibt_assessment WHERE id = ?1");
		if (!st)
			goto out;
		db_bind_int64(st, 1, id);
		int64_t c = db_step(st) == DB_ROW ? db_column_int64(st, 0) : -1;
		db_reset(st);
		rc = c == 0 ? STORE_ERR_NOTFOUND : c > 0 ? STORE_ERR_CONFLICT : STORE_ERR;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "beoordeling status wijzigen", NULL, 0);
		goto out;
	}
	st = store_stmt(s, "SELECT key FROM ibt_domain WHERE id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, dom);
	char key[128] = "";
	if (db_step(st) == DB_ROW)
		snprintf(key, sizeof key, "%s", store_col_text(st, 0));
	db_reset(st);
	if (assessment_audit(s, w, "update", id, org, key, year, to) ||
	    store_tx_commit(s, "beoordeling status wijzigen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ---- responses ------------------------------------------------------------------------- */

static void read_response(db_stmt *st, struct arena *a, void *out)
{
	struct ibt_response_row *r = out;
	r->id = db_column_int64(st, 0);
	r->assessment_id = db_column_int64(st, 1);
	r->author = dup(a, st, 2);
	r->body = dup(a, st, 3);
	r->created_at = dup(a, st, 4);
}

int store_ibt_responses(struct store *s, struct arena *a, int64_t assessment_id,
			struct ibt_response_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = s ? store_stmt(s, "SELECT id, assessment_id, author, body, created_at FROM "
					"ibt_response WHERE assessment_id = ?1 ORDER BY id")
			: NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, assessment_id);
	return store_collect(s, a, st, sizeof **out, read_response, (void **)out, n) ? STORE_ERR
										     : STORE_OK;
}

int store_ibt_response_add(struct store *s, const struct write_ctx *w, int64_t assessment_id,
			   int64_t user_id, const char *author, const char *body, int64_t *id_out)
{
	*id_out = 0;
	if (!s || str_empty(body))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "reactie vastleggen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT status FROM ibt_assessment WHERE id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, assessment_id);
	int step = db_step(st);
	bool dialogue = step == DB_ROW && !strcmp(store_col_text(st, 0), "dialoog");
	db_reset(st);
	if (step != DB_ROW) {
		rc = step == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
		goto out;
	}
	if (!dialogue) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	st = store_stmt(s, "INSERT INTO ibt_response (assessment_id, user_id, author, body, "
			   "created_at) VALUES (?1, ?2, ?3, ?4, " NOW ") RETURNING id");
	if (!st)
		goto out;
	db_bind_int64(st, 1, assessment_id);
	if (user_id > 0)
		db_bind_int64(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, nz(author), -1, DB_STATIC);
	db_bind_text(st, 4, body, -1, DB_STATIC);
	step = db_step(st);
	int64_t id = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step != DB_ROW) {
		store_db_fail(s, "reactie vastleggen", NULL, 0);
		goto out;
	}
	char ab[24];
	const char *kv[] = {"beoordeling", num(ab, assessment_id)};
	if (audit(s, w, "insert", "ibt_response", id, kv, 2) ||
	    store_tx_commit(s, "reactie vastleggen", NULL, 0))
		goto out;
	*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}
