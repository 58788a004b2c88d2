/*
 * store_bibliotheek — the knowledge base's items on either engine through
 * the db.h driver; see store_bibliotheek.h.
 */
#include "store_bibliotheek.h"
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

static void bind_opt(db_stmt *st, int i, const char *v)
{
	if (v && *v)
		db_bind_text(st, i, v, -1, DB_STATIC);
	else
		db_bind_null(st, i);
}

/* The audit event: the item, its organisation, kind and visibility; no
 * text. */
static int audit(struct store *s, const struct write_ctx *w, const char *action, int64_t id,
		 const char *org_code, const char *kind, const char *visibility)
{
	json_t *o = json_object();
	store_json_set(o, "organisatie", org_code);
	store_json_set(o, "soort", kind);
	store_json_set(o, "zichtbaarheid", visibility);
	char *after = store_json_text(o);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   action, "publication", key, NULL, after);
	free(after);
	return rc;
}

static const char *link_insert[3] = {
    "INSERT INTO publication_theme (publication_id, domain_key) VALUES (?1, ?2) "
    "ON CONFLICT DO NOTHING",
    "INSERT INTO publication_collab (publication_id, collab_key) VALUES (?1, ?2) "
    "ON CONFLICT DO NOTHING",
    "INSERT INTO publication_org (publication_id, org_code) VALUES (?1, ?2) "
    "ON CONFLICT DO NOTHING",
};

static const char *link_delete[3] = {
    "DELETE FROM publication_theme WHERE publication_id = ?1",
    "DELETE FROM publication_collab WHERE publication_id = ?1",
    "DELETE FROM publication_org WHERE publication_id = ?1",
};

/* Replace item id's themes, collaborations and organisations. */
static int write_links(struct store *s, int64_t id, const struct publication_new *in, bool replace)
{
	const char *const *lists[3] = {in->themes, in->collabs, in->orgs};
	int counts[3] = {in->n_themes, in->n_collabs, in->n_orgs};
	for (int t = 0; t < 3; t++) {
		db_stmt *st;
		if (replace) {
			st = store_stmt(s, link_delete[t]);
			if (!st)
				return STORE_ERR;
			db_bind_int64(st, 1, id);
			if (store_step_done(s, st, "bibliotheek opslaan", NULL, 0))
				return STORE_ERR;
		}
		for (int i = 0; i < counts[t]; i++) {
			st = store_stmt(s, link_insert[t]);
			if (!st)
				return STORE_ERR;
			db_bind_int64(st, 1, id);
			db_bind_text(st, 2, lists[t][i], -1, DB_STATIC);
			if (store_step_done(s, st, "bibliotheek opslaan", NULL, 0))
				return STORE_ERR;
		}
	}
	return STORE_OK;
}

static bool valid_new(const struct publication_new *in)
{
	return in && !str_empty(in->kind) && !str_empty(in->title) &&
	       !str_empty(in->published_on) && !str_empty(in->org_code) &&
	       !str_empty(in->visibility);
}

static void bind_fields(db_stmt *st, const struct publication_new *in)
{
	db_bind_text(st, 1, in->kind, -1, DB_STATIC);
	db_bind_text(st, 2, in->title, -1, DB_STATIC);
	db_bind_text(st, 3, in->url ? in->url : "", -1, DB_STATIC);
	db_bind_text(st, 4, in->summary ? in->summary : "", -1, DB_STATIC);
	db_bind_text(st, 5, in->published_on, -1, DB_STATIC);
	db_bind_text(st, 6, in->licence ? in->licence : "", -1, DB_STATIC);
	db_bind_text(st, 7, in->org_code, -1, DB_STATIC);
	db_bind_text(st, 8, in->visibility, -1, DB_STATIC);
	db_bind_text(st, 9, in->search_text ? in->search_text : "", -1, DB_STATIC);
}

int store_publication_add(struct store *s, const struct write_ctx *w,
			  const struct publication_new *in, int64_t *id_out)
{
	*id_out = 0;
	if (!s || !valid_new(in))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "bibliotheek opslaan", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "INSERT INTO publication (kind, title, url, summary, published_on, licence, "
	       "org_code, visibility, search_text, created_by, version, created_at, updated_at) "
	       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, " NOW ", " NOW ")");
	int64_t id = 0;
	if (!st)
		goto fail;
	bind_fields(st, in);
	if (in->created_by > 0)
		db_bind_int64(st, 10, in->created_by);
	else
		db_bind_null(st, 10);
	if (store_step_done(s, st, "bibliotheek opslaan", NULL, 0))
		goto fail;
	id = db_last_insert_id(s);
	if (id <= 0 || write_links(s, id, in, false))
		goto fail;
	if (audit(s, w, "insert", id, in->org_code, in->kind, in->visibility) ||
	    store_bump_data_version(s, NULL, 0) ||
	    store_tx_commit(s, "bibliotheek opslaan", NULL, 0))
		goto fail;
	*id_out = id;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_publication_update(struct store *s, const struct write_ctx *w, int64_t id,
			     int64_t expected_version, const struct publication_new *in)
{
	if (!s || !valid_new(in))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "bibliotheek opslaan", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT version FROM publication WHERE id = ?1");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	int64_t version = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (step != DB_ROW) {
		store_db_fail(s, "bibliotheek opslaan", NULL, 0);
		goto out;
	}
	if (expected_version != 0 && expected_version != version) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	st = store_stmt(s, "UPDATE publication SET kind = ?1, title = ?2, url = ?3, summary = ?4, "
			   "published_on = ?5, licence = ?6, org_code = ?7, visibility = ?8, "
			   "search_text = ?9, version = version + 1, updated_at = " NOW
			   " WHERE id = ?10");
	if (!st)
		goto out;
	bind_fields(st, in);
	db_bind_int64(st, 10, id);
	if (store_step_done(s, st, "bibliotheek opslaan", NULL, 0) || write_links(s, id, in, true))
		goto out;
	if (audit(s, w, "update", id, in->org_code, in->kind, in->visibility) ||
	    store_bump_data_version(s, NULL, 0) ||
	    store_tx_commit(s, "bibliotheek opslaan", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

int store_publication_delete(struct store *s, const struct write_ctx *w, int64_t id)
{
	if (!s)
		return STORE_ERR;
	if (store_tx_begin(s, "bibliotheek verwijderen", NULL, 0))
		return STORE_ERR;
	int rc = STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "DELETE FROM publication WHERE id = ?1 RETURNING org_code, kind, visibility");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int step = db_step(st);
	char org[96] = "", kind[32] = "", vis[32] = "";
	if (step == DB_ROW) {
		snprintf(org, sizeof org, "%s", store_col_text(st, 0));
		snprintf(kind, sizeof kind, "%s", store_col_text(st, 1));
		snprintf(vis, sizeof vis, "%s", store_col_text(st, 2));
	}
	db_reset(st);
	if (step != DB_ROW) {
		if (step == DB_DONE)
			rc = STORE_ERR_NOTFOUND;
		else
			store_db_fail(s, "bibliotheek verwijderen", NULL, 0);
		goto out;
	}
	/* the links go with it (ON DELETE CASCADE is not relied on: SQLite
	 * enforces it only with foreign keys on) */
	for (int t = 0; t < 3; t++) {
		st = store_stmt(s, link_delete[t]);
		if (!st)
			goto out;
		db_bind_int64(st, 1, id);
		if (store_step_done(s, st, "bibliotheek verwijderen", NULL, 0))
			goto out;
	}
	if (audit(s, w, "delete", id, org, kind, vis) || store_bump_data_version(s, NULL, 0) ||
	    store_tx_commit(s, "bibliotheek verwijderen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

#define PUBLICATION_SELECT                                                                         \
	"SELECT p.id, p.kind, p.title, p.url, p.summary, p.published_on, p.licence, p.org_code, "  \
	"p.visibility, COALESCE(p.created_by, 0), p.version, p.created_at, p.updated_at FROM "     \
	"publication p "

static void read_row(db_stmt *st, struct arena *a, void *out)
{
	struct publication_row *r = out;
	r->id = db_column_int64(st, 0);
	r->kind = dup(a, st, 1);
	r->title = dup(a, st, 2);
	r->url = dup(a, st, 3);
	r->summary = dup(a, st, 4);
	r->published_on = dup(a, st, 5);
	r->licence = dup(a, st, 6);
	r->org_code = dup(a, st, 7);
	r->visibility = dup(a, st, 8);
	r->created_by = db_column_int64(st, 9);
	r->version = db_column_int64(st, 10);
	r->created_at = dup(a, st, 11);
	r->updated_at = dup(a, st, 12);
}

struct link {
	int64_t id;
	const char *v;
};

static void read_link(db_stmt *st, struct arena *a, void *out)
{
	struct link *l = out;
	l->id = db_column_int64(st, 0);
	l->v = dup(a, st, 1);
}

static const char *link_select[3] = {
    "SELECT publication_id, domain_key FROM publication_theme WHERE publication_id BETWEEN ?1 "
    "AND ?2 ORDER BY publication_id, domain_key",
    "SELECT publication_id, collab_key FROM publication_collab WHERE publication_id BETWEEN ?1 "
    "AND ?2 ORDER BY publication_id, collab_key",
    "SELECT publication_id, org_code FROM publication_org WHERE publication_id BETWEEN ?1 AND "
    "?2 ORDER BY publication_id, org_code",
};

/* Attach the links of table t to rows r[0..n). */
static int attach(struct store *s, struct arena *a, struct publication_row *r, int n, int t)
{
	if (!n)
		return STORE_OK;
	int64_t lo = r[0].id, hi = r[0].id;
	for (int i = 1; i < n; i++) {
		lo = r[i].id < lo ? r[i].id : lo;
		hi = r[i].id > hi ? r[i].id : hi;
	}
	db_stmt *st = store_stmt(s, link_select[t]);
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, lo);
	db_bind_int64(st, 2, hi);
	struct link *l;
	int nl;
	if (store_collect(s, a, st, sizeof *l, read_link, (void **)&l, &nl))
		return STORE_ERR;
	for (int i = 0; i < n; i++) {
		const char **list = arena_calloc(a, (size_t)nl + 1, sizeof *list);
		int k = 0;
		for (int j = 0; j < nl; j++)
			if (l[j].id == r[i].id)
				list[k++] = l[j].v;
		if (t == 0) {
			r[i].themes = list;
			r[i].n_themes = k;
		} else if (t == 1) {
			r[i].collabs = list;
			r[i].n_collabs = k;
		} else {
			r[i].orgs = list;
			r[i].n_orgs = k;
		}
	}
	return STORE_OK;
}

static int attach_all(struct store *s, struct arena *a, struct publication_row *r, int n)
{
	for (int t = 0; t < 3; t++)
		if (attach(s, a, r, n, t))
			return STORE_ERR;
	return STORE_OK;
}

int store_publication_get(struct store *s, struct arena *a, int64_t id, struct publication_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = s ? store_stmt(s, PUBLICATION_SELECT "WHERE p.id = ?1") : NULL;
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	struct publication_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_row, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	if (attach_all(s, a, rows, 1))
		return STORE_ERR;
	*out = rows[0];
	return STORE_OK;
}

#define PUBLICATION_WHERE                                                                          \
	"WHERE (?1 = 1 OR p.visibility = 'openbaar') "                                             \
	"AND (CAST(?2 AS TEXT) IS NULL OR p.kind = ?2) "                                           \
	"AND (CAST(?3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM publication_theme t WHERE "        \
	"t.publication_id = p.id AND t.domain_key = ?3)) "                                         \
	"AND (CAST(?4 AS TEXT) IS NULL OR p.org_code = ?4 OR EXISTS (SELECT 1 FROM "               \
	"publication_org o WHERE o.publication_id = p.id AND o.org_code = ?4)) "                   \
	"AND (CAST(?5 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM publication_collab c WHERE "       \
	"c.publication_id = p.id AND c.collab_key = ?5)) "                                         \
	"AND (CAST(?6 AS TEXT) IS NULL OR p.search_text LIKE ?6) "                                 \
	"AND (CAST(?7 AS TEXT) IS NULL OR p.search_text LIKE ?7) "                                 \
	"AND (CAST(?8 AS TEXT) IS NULL OR p.search_text LIKE ?8) "                                 \
	"AND (CAST(?9 AS TEXT) IS NULL OR p.search_text LIKE ?9) "                                 \
	"AND (CAST(?10 AS TEXT) IS NULL OR p.search_text LIKE ?10) "

static void bind_filter(struct arena *a, db_stmt *st, const struct publication_filter *f)
{
	db_bind_int(st, 1, f->signed_in ? 1 : 0);
	bind_opt(st, 2, f->kind);
	bind_opt(st, 3, f->theme);
	bind_opt(st, 4, f->org);
	bind_opt(st, 5, f->collab);
	for (int i = 0; i < PUBLICATION_QUERY_WORDS; i++) {
		if (i < f->n_words && f->words[i][0])
			db_bind_text(st, 6 + i, arena_printf(a, "%%-%s%%", f->words[i]), -1,
				     DB_STATIC);
		else
			db_bind_null(st, 6 + i);
	}
}

int store_publications(struct store *s, struct arena *a, const struct publication_filter *f,
		       struct publication_row **out, int *n, int *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT count(*) FROM publication p " PUBLICATION_WHERE);
	if (!st)
		return STORE_ERR;
	bind_filter(a, st, f);
	int step = db_step(st);
	int64_t count = step == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (step != DB_ROW)
		return store_db_fail(s, "bibliotheek lezen", NULL, 0);
	*total = (int)count;
	if (!count || f->offset >= count)
		return STORE_OK;
	st = store_stmt(s, PUBLICATION_SELECT PUBLICATION_WHERE
			"ORDER BY p.published_on DESC, p.id DESC LIMIT ?11 OFFSET ?12");
	if (!st)
		return STORE_ERR;
	bind_filter(a, st, f);
	db_bind_int(st, 11, f->limit > 0 ? f->limit : 20);
	db_bind_int(st, 12, f->offset > 0 ? f->offset : 0);
	if (store_collect(s, a, st, sizeof **out, read_row, (void **)out, n))
		return STORE_ERR;
	return attach_all(s, a, *out, *n);
}
