/*
 * store_relaties — accounthouders, contact log, signals and follow-ups on
 * either engine through the db.h driver; see store_relaties.h.
 */
#include "store_relaties.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

static const char *nz(const char *v)
{
	return v ? v : "";
}

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

/* The audit event of a relations write: which record, of which partner,
 * what changed (a status, a date) — never a subject, summary or title. */
static int audit(struct store *s, const struct write_ctx *w, const char *action, const char *entity,
		 int64_t id, const char *org_code, const char *k2, const char *v2)
{
	json_t *o = json_object();
	store_json_set(o, "organisatie", org_code);
	if (k2)
		store_json_set(o, k2, v2);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, entity, key, NULL, after);
	free(after);
	return rc;
}

/* Step an INSERT and read its new id; STORE_OK or STORE_ERR. */
static int insert_id(struct store *s, db_stmt *st, const char *what, int64_t *id)
{
	if (store_step_done(s, st, what, NULL, 0))
		return STORE_ERR;
	*id = db_last_insert_id(s);
	return *id > 0 ? STORE_OK : STORE_ERR;
}

/* The one row of `sql` (a SELECT with ?1 the id) read by read() into out
 * (elem bytes); STORE_ERR_NOTFOUND when there is none. */
static int get_one(struct store *s, struct arena *a, const char *sql, int64_t id, size_t elem,
		   void (*read)(db_stmt *, struct arena *, void *), void *out)
{
	memset(out, 0, elem);
	db_stmt *st = s ? store_stmt(s, sql) : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	void *rows;
	int n;
	if (store_collect(s, a, st, elem, read, &rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	memcpy(out, rows, elem);
	return STORE_OK;
}

/* ---- accounthouders ---------------------------------------------------------- */

#define MANAGER_SELECT                                                                             \
	"SELECT m.id, m.org_code, m.user_id, u.username, u.display_name, m.start_date, "           \
	"m.end_date FROM account_manager m JOIN app_user u ON u.id = m.user_id "

static void read_manager(db_stmt *st, struct arena *a, void *out)
{
	struct account_manager_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->user_id = db_column_int64(st, 2);
	r->username = dup(a, st, 3);
	r->display_name = dup(a, st, 4);
	r->start_date = dup(a, st, 5);
	r->end_date = dup(a, st, 6);
}

int store_account_managers(struct store *s, struct arena *a, const char *org_code,
			   const char *current_on, struct account_manager_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, MANAGER_SELECT
		       "WHERE (CAST(?1 AS TEXT) IS NULL OR m.org_code = ?1) "
		       "AND (CAST(?2 AS TEXT) IS NULL OR (m.start_date <= ?2 AND "
		       "(m.end_date = '' OR m.end_date >= ?2))) "
		       "ORDER BY m.org_code, (m.end_date = '') DESC, m.start_date DESC, m.id");
	if (!st)
		return STORE_ERR;
	if (org_code)
		db_bind_text(st, 1, org_code, -1, DB_STATIC);
	if (current_on)
		db_bind_text(st, 2, current_on, -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_manager, (void **)out, n);
}

int store_account_manager_add(struct store *s, const struct write_ctx *w, const char *org_code,
			      int64_t user_id, const char *start_date, int64_t *id_out)
{
	*id_out = 0;
	if (!s || str_empty(org_code) || user_id <= 0 || str_empty(start_date))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "accounthouder vastleggen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "INSERT INTO account_manager (org_code, user_id, start_date, "
				    "created_at) VALUES (?1, ?2, ?3, " NOW ")");
	int64_t id = 0;
	if (!st)
		goto fail;
	db_bind_text(st, 1, org_code, -1, DB_STATIC);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, start_date, -1, DB_STATIC);
	if (insert_id(s, st, "accounthouder vastleggen", &id) ||
	    audit(s, w, "insert", "account_manager", id, org_code, "begindatum", start_date) ||
	    store_tx_commit(s, "accounthouder vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_account_manager_end(struct store *s, struct arena *a, const struct write_ctx *w,
			      int64_t id, const char *end_date, const char **org_out)
{
	*org_out = NULL;
	if (!s || str_empty(end_date))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "accounthouder beëindigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT org_code, end_date FROM account_manager WHERE id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	if (step != DB_ROW) {
		db_reset(st);
		rc = step == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
		goto out;
	}
	const char *org = dup(a, st, 0);
	bool ended = !str_empty(store_col_text(st, 1));
	db_reset(st);
	*org_out = org;
	if (ended) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	st = store_stmt(s, "UPDATE account_manager SET end_date = ?2 WHERE id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, end_date, -1, DB_STATIC);
	if (store_step_done(s, st, "accounthouder beëindigen", NULL, 0) ||
	    audit(s, w, "update", "account_manager", id, org, "einddatum", end_date) ||
	    store_tx_commit(s, "accounthouder beëindigen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ---- contact log --------------------------------------------------------------- */

int store_contact_add(struct store *s, const struct write_ctx *w, const struct contact_input *in,
		      int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->org_code) || str_empty(in->held_on) || str_empty(in->kind) ||
	    str_empty(in->subject) || str_empty(in->confidentiality))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "contactmoment vastleggen", NULL, 0))
		return STORE_ERR;
	int64_t id = 0;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO contact_moment (org_code, held_on, kind, subject, summary, "
	       "confidentiality, created_by, created_at, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	       "?7, " NOW ", ?8)");
	if (!st)
		goto fail;
	db_bind_text(st, 1, in->org_code, -1, DB_STATIC);
	db_bind_text(st, 2, in->held_on, -1, DB_STATIC);
	db_bind_text(st, 3, in->kind, -1, DB_STATIC);
	db_bind_text(st, 4, in->subject, -1, DB_STATIC);
	db_bind_text(st, 5, nz(in->summary), -1, DB_STATIC);
	db_bind_text(st, 6, in->confidentiality, -1, DB_STATIC);
	db_bind_text(st, 7, store_ctx_actor(w), -1, DB_STATIC);
	if (in->event_id > 0)
		db_bind_int64(st, 8, in->event_id);
	else
		db_bind_null(st, 8);
	if (insert_id(s, st, "contactmoment vastleggen", &id))
		goto fail;
	for (int i = 0; i < in->n_links; i++) {
		st = store_stmt(s,
				"INSERT INTO contact_link (contact_id, kind, ref) VALUES (?1, ?2, "
				"?3) ON CONFLICT DO NOTHING");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, in->links[i].kind, -1, DB_STATIC);
		db_bind_text(st, 3, in->links[i].ref, -1, DB_STATIC);
		if (store_step_done(s, st, "contactmoment vastleggen", NULL, 0))
			goto fail;
	}
	if (audit(s, w, "insert", "contact_moment", id, in->org_code, "datum", in->held_on) ||
	    store_tx_commit(s, "contactmoment vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

#define CONTACT_SELECT                                                                             \
	"SELECT id, org_code, held_on, kind, subject, summary, confidentiality, created_by, "      \
	"created_at, event_id FROM contact_moment "

static void read_contact(db_stmt *st, struct arena *a, void *out)
{
	struct contact_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->held_on = dup(a, st, 2);
	r->kind = dup(a, st, 3);
	r->subject = dup(a, st, 4);
	r->summary = dup(a, st, 5);
	r->confidentiality = dup(a, st, 6);
	r->created_by = dup(a, st, 7);
	r->created_at = dup(a, st, 8);
	r->event_id = db_column_int64(st, 9);
}

struct link_row {
	int64_t contact_id;
	struct contact_link l;
};

static void read_link(db_stmt *st, struct arena *a, void *out)
{
	struct link_row *r = out;
	r->contact_id = db_column_int64(st, 0);
	r->l.kind = dup(a, st, 1);
	r->l.ref = dup(a, st, 2);
}

/* Attach the links of contacts c[0..n) (read in one query for the ids
 * between the smallest and largest of them). */
static int attach_links(struct store *s, struct arena *a, struct contact_row *c, int n)
{
	if (n == 0)
		return STORE_OK;
	int64_t lo = c[0].id, hi = c[0].id;
	for (int i = 1; i < n; i++) {
		lo = c[i].id < lo ? c[i].id : lo;
		hi = c[i].id > hi ? c[i].id : hi;
	}
	db_stmt *st =
	    store_stmt(s, "SELECT contact_id, kind, ref FROM contact_link "
			  "WHERE contact_id BETWEEN ?1 AND ?2 ORDER BY contact_id, kind, ref");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, lo);
	db_bind_int64(st, 2, hi);
	struct link_row *rows;
	int nr;
	if (store_collect(s, a, st, sizeof *rows, read_link, (void **)&rows, &nr))
		return STORE_ERR;
	for (int i = 0; i < n; i++) {
		int cnt = 0;
		for (int j = 0; j < nr; j++)
			cnt += rows[j].contact_id == c[i].id;
		if (!cnt)
			continue;
		c[i].links = arena_calloc(a, (size_t)cnt, sizeof *c[i].links);
		for (int j = 0; j < nr; j++)
			if (rows[j].contact_id == c[i].id)
				c[i].links[c[i].n_links++] = rows[j].l;
	}
	return STORE_OK;
}

int store_contacts(struct store *s, struct arena *a, const char *org_code, bool partner_only,
		   int limit, struct contact_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, CONTACT_SELECT "WHERE org_code = ?1 AND (?2 = 0 OR confidentiality = "
					 "'partner') ORDER BY held_on DESC, id DESC LIMIT ?3");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, org_code, -1, DB_STATIC);
	db_bind_int(st, 2, partner_only);
	db_bind_int(st, 3, limit);
	if (store_collect(s, a, st, sizeof **out, read_contact, (void **)out, n))
		return STORE_ERR;
	return attach_links(s, a, *out, *n);
}

int store_contact_get(struct store *s, struct arena *a, int64_t id, struct contact_row *out)
{
	int rc = get_one(s, a, CONTACT_SELECT "WHERE id = ?1", id, sizeof *out, read_contact, out);
	return rc ? rc : attach_links(s, a, out, 1);
}

/* ---- signals ---------------------------------------------------------------------- */

int store_signal_add(struct store *s, const struct write_ctx *w, const struct signal_input *in,
		     int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->org_code) || str_empty(in->title) ||
	    str_empty(in->severity) || str_empty(in->confidentiality))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "signaal vastleggen", NULL, 0))
		return STORE_ERR;
	int64_t id = 0;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO relation_signal (org_code, collab_key, title, description, severity, "
	       "status, confidentiality, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, "
	       "?4, ?5, 'open', ?6, ?7, " NOW ", " NOW ")");
	if (!st)
		goto fail;
	db_bind_text(st, 1, in->org_code, -1, DB_STATIC);
	db_bind_text(st, 2, nz(in->collab_key), -1, DB_STATIC);
	db_bind_text(st, 3, in->title, -1, DB_STATIC);
	db_bind_text(st, 4, nz(in->description), -1, DB_STATIC);
	db_bind_text(st, 5, in->severity, -1, DB_STATIC);
	db_bind_text(st, 6, in->confidentiality, -1, DB_STATIC);
	db_bind_text(st, 7, store_ctx_actor(w), -1, DB_STATIC);
	if (insert_id(s, st, "signaal vastleggen", &id) ||
	    audit(s, w, "insert", "relation_signal", id, in->org_code, "status", "open") ||
	    store_tx_commit(s, "signaal vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

#define SIGNAL_SELECT                                                                              \
	"SELECT id, org_code, collab_key, title, description, severity, status, confidentiality, " \
	"created_by, created_at, updated_at FROM relation_signal "

static void read_signal(db_stmt *st, struct arena *a, void *out)
{
	struct signal_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->collab_key = dup(a, st, 2);
	r->title = dup(a, st, 3);
	r->description = dup(a, st, 4);
	r->severity = dup(a, st, 5);
	r->status = dup(a, st, 6);
	r->confidentiality = dup(a, st, 7);
	r->created_by = dup(a, st, 8);
	r->created_at = dup(a, st, 9);
	r->updated_at = dup(a, st, 10);
}

int store_signal_get(struct store *s, struct arena *a, int64_t id, struct signal_row *out)
{
	return get_one(s, a, SIGNAL_SELECT "WHERE id = ?1", id, sizeof *out, read_signal, out);
}

/* The statements of set_status for one table. */
struct status_sql {
	const char *table, *select, *update;
};
static const struct status_sql signal_sql = {
    "relation_signal", "SELECT org_code, status FROM relation_signal WHERE id = ?1",
    "UPDATE relation_signal SET status = ?2, updated_at = " NOW " WHERE id = ?1"};
static const struct status_sql follow_up_sql = {
    "follow_up", "SELECT org_code, status FROM follow_up WHERE id = ?1",
    "UPDATE follow_up SET status = ?2, updated_at = " NOW " WHERE id = ?1"};

/* Change the status of row id (of q's table) with its audit event, in one
 * transaction; STORE_ERR_CONFLICT when it already has that status. */
static int set_status(struct store *s, const struct write_ctx *w, const struct status_sql *q,
		      int64_t id, const char *status)
{
	if (!s || str_empty(status))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "status wijzigen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, q->select);
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	if (step != DB_ROW) {
		db_reset(st);
		rc = step == DB_DONE ? STORE_ERR_NOTFOUND : STORE_ERR;
		goto out;
	}
	char org[96];
	snprintf(org, sizeof org, "%s", store_col_text(st, 0));
	bool same = strcmp(store_col_text(st, 1), status) == 0;
	db_reset(st);
	if (same) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	st = store_stmt(s, q->update);
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, status, -1, DB_STATIC);
	if (store_step_done(s, st, "status wijzigen", NULL, 0) ||
	    audit(s, w, "update", q->table, id, org, "status", status) ||
	    store_tx_commit(s, "status wijzigen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_signal_set_status(struct store *s, const struct write_ctx *w, int64_t id,
			    const char *status)
{
	return set_status(s, w, &signal_sql, id, status);
}

int store_signals(struct store *s, struct arena *a, const char *org_code, const char *collab_key,
		  bool open_only, bool partner_only, int limit, struct signal_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, SIGNAL_SELECT "WHERE (CAST(?1 AS TEXT) IS NULL OR org_code = ?1) "
			     "AND (CAST(?2 AS TEXT) IS NULL OR collab_key = ?2) "
			     "AND (?3 = 0 OR status <> 'opgelost') "
			     "AND (?4 = 0 OR confidentiality = 'partner') "
			     "ORDER BY (status = 'opgelost'), created_at DESC, id DESC LIMIT ?5");
	if (!st)
		return STORE_ERR;
	if (org_code)
		db_bind_text(st, 1, org_code, -1, DB_STATIC);
	if (collab_key)
		db_bind_text(st, 2, collab_key, -1, DB_STATIC);
	db_bind_int(st, 3, open_only);
	db_bind_int(st, 4, partner_only);
	db_bind_int(st, 5, limit);
	return store_collect(s, a, st, sizeof **out, read_signal, (void **)out, n);
}

/* ---- follow-ups ---------------------------------------------------------------------- */

int store_follow_up_add(struct store *s, const struct write_ctx *w,
			const struct follow_up_input *in, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !in || str_empty(in->org_code) || str_empty(in->title) || in->owner_id <= 0 ||
	    str_empty(in->due_date) || str_empty(in->confidentiality))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "vervolgactie vastleggen", NULL, 0))
		return STORE_ERR;
	int64_t id = 0;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO follow_up (org_code, contact_id, title, owner_id, due_date, status, "
	       "confidentiality, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	       "'open', ?6, ?7, " NOW ", " NOW ")");
	if (!st)
		goto fail;
	db_bind_text(st, 1, in->org_code, -1, DB_STATIC);
	if (in->contact_id > 0)
		db_bind_int64(st, 2, in->contact_id);
	db_bind_text(st, 3, in->title, -1, DB_STATIC);
	db_bind_int64(st, 4, in->owner_id);
	db_bind_text(st, 5, in->due_date, -1, DB_STATIC);
	db_bind_text(st, 6, in->confidentiality, -1, DB_STATIC);
	db_bind_text(st, 7, store_ctx_actor(w), -1, DB_STATIC);
	if (insert_id(s, st, "vervolgactie vastleggen", &id) ||
	    audit(s, w, "insert", "follow_up", id, in->org_code, "uiterlijk", in->due_date) ||
	    store_tx_commit(s, "vervolgactie vastleggen", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

#define FOLLOW_UP_SELECT                                                                           \
	"SELECT f.id, f.org_code, COALESCE(f.contact_id, 0), f.title, f.owner_id, u.username, "    \
	"u.display_name, f.due_date, f.status, f.confidentiality, f.created_by, f.created_at "     \
	"FROM follow_up f JOIN app_user u ON u.id = f.owner_id "

static void read_follow_up(db_stmt *st, struct arena *a, void *out)
{
	struct follow_up_row *r = out;
	r->id = db_column_int64(st, 0);
	r->org_code = dup(a, st, 1);
	r->contact_id = db_column_int64(st, 2);
	r->title = dup(a, st, 3);
	r->owner_id = db_column_int64(st, 4);
	r->owner_username = dup(a, st, 5);
	r->owner_name = dup(a, st, 6);
	r->due_date = dup(a, st, 7);
	r->status = dup(a, st, 8);
	r->confidentiality = dup(a, st, 9);
	r->created_by = dup(a, st, 10);
	r->created_at = dup(a, st, 11);
}

int store_follow_up_get(struct store *s, struct arena *a, int64_t id, struct follow_up_row *out)
{
	return get_one(s, a, FOLLOW_UP_SELECT "WHERE f.id = ?1", id, sizeof *out, read_follow_up,
		       out);
}

int store_follow_up_set_status(struct store *s, const struct write_ctx *w, int64_t id,
			       const char *status)
{
	return set_status(s, w, &follow_up_sql, id, status);
}

int store_follow_ups(struct store *s, struct arena *a, const char *org_code, bool open_only,
		     bool partner_only, int limit, struct follow_up_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, FOLLOW_UP_SELECT
				 "WHERE (CAST(?1 AS TEXT) IS NULL OR f.org_code = ?1) "
				 "AND (?2 = 0 OR f.status = 'open') "
				 "AND (?3 = 0 OR f.confidentiality = 'partner') "
				 "ORDER BY (f.status <> 'open'), f.due_date, f.id LIMIT ?4");
	if (!st)
		return STORE_ERR;
	if (org_code)
		db_bind_text(st, 1, org_code, -1, DB_STATIC);
	db_bind_int(st, 2, open_only);
	db_bind_int(st, 3, partner_only);
	db_bind_int(st, 4, limit);
	return store_collect(s, a, st, sizeof **out, read_follow_up, (void **)out, n);
}

/* ---- the overview -------------------------------------------------------------------- */

static void read_figures(db_stmt *st, struct arena *a, void *out)
{
	struct relation_figures *r = out;
	r->org_code = dup(a, st, 0);
	r->last_contact = dup(a, st, 1);
	r->open_signals = db_column_int(st, 2);
	r->open_follow_ups = db_column_int(st, 3);
	r->overdue_follow_ups = db_column_int(st, 4);
}

int store_relation_figures(struct store *s, struct arena *a, const char *today,
			   struct relation_figures **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	/* three grouped index scans, joined per organisation */
	db_stmt *st = store_stmt(
	    s,
	    "SELECT o.org_code, COALESCE(max(o.last_contact), ''), "
	    "COALESCE(sum(o.signals), 0), COALESCE(sum(o.follow_ups), 0), "
	    "COALESCE(sum(o.overdue), 0) FROM ("
	    "SELECT org_code, max(held_on) AS last_contact, 0 AS signals, 0 AS follow_ups, "
	    "0 AS overdue FROM contact_moment GROUP BY org_code "
	    "UNION ALL SELECT org_code, NULL, count(*), 0, 0 FROM relation_signal "
	    "WHERE status <> 'opgelost' GROUP BY org_code "
	    "UNION ALL SELECT org_code, NULL, 0, count(*), "
	    "sum(CASE WHEN due_date < ?1 THEN 1 ELSE 0 END) FROM follow_up "
	    "WHERE status = 'open' GROUP BY org_code) o GROUP BY o.org_code ORDER BY o.org_code");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, today, -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_figures, (void **)out, n);
}
