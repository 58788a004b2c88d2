/*
 * store_officeholders — reads and writes of the office-holders import, on
 * either engine through the db.h driver; see store_officeholders.h.
 */
#include "store_officeholders.h"

#include "../domain/fields.h"
#include "../domain/labels.h"
#include "../domain/people.h"
#include "../lib/arena.h"
#include "store_internal.h"
#include "store_people_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

int store_officeholders_org(struct store *s, struct arena *a, const char *code, struct oh_org *out)
{
	memset(out, 0, sizeof *out);
	out->kind = out->name = "";
	db_stmt *st = store_stmt(s, "SELECT kind, name FROM organisation WHERE code = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(code), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		out->found = true;
		out->kind = dup(a, st, 0);
		out->name = dup(a, st, 1);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(s, "organisatie opzoeken", NULL, 0);
	return STORE_OK;
}

int store_officeholders_collab(struct store *s, struct arena *a, const char *key,
			       struct oh_collab *out)
{
	struct collab_info c;
	memset(out, 0, sizeof *out);
	out->name = "";
	int rc = store_collab_lookup(s, key, &c);
	if (rc == STORE_ERR_NOTFOUND)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	out->found = true;
	out->name = arena_strdup(a, c.name);
	out->lf = c.lf;
	out->kind = c.kind;
	return STORE_OK;
}

int store_officeholders_participates(struct store *s, const char *collab, const char *org,
				     const char *from, const char *to)
{
	struct collab_info c;
	struct org_info o;
	int rc = store_collab_lookup(s, collab, &c);
	if (rc == STORE_ERR_NOTFOUND)
		return 0;
	if (rc != STORE_OK)
		return -1;
	rc = store_org_lookup(s, org, &o);
	if (rc == STORE_ERR_NOTFOUND)
		return 0;
	if (rc != STORE_OK)
		return -1;
	return store_participates(s, c.id, o.id, from, to);
}

int store_officeholders_person(struct store *s, struct arena *a, const char *name,
			       const char *const *orgs, int n, const char **key)
{
	*key = "";
	db_stmt *st = store_stmt(
	    s, "SELECT p.key FROM person p JOIN organisation o ON o.code = ?2 WHERE p.name = ?1 "
	       "AND p.erased = 0 AND (EXISTS (SELECT 1 FROM office f WHERE f.person_id = p.id "
	       "AND f.organisation_id = o.id) OR EXISTS (SELECT 1 FROM seat t WHERE "
	       "t.person_id = p.id AND t.organisation_id = o.id)) ORDER BY p.id LIMIT 1");
	if (!st)
		return STORE_ERR;
	for (int i = 0; i < n && !**key; i++) {
		db_bind_text(st, 1, field_nz(name), -1, DB_TRANSIENT);
		db_bind_text(st, 2, field_nz(orgs[i]), -1, DB_TRANSIENT);
		int rc = db_step(st);
		if (rc == DB_ROW)
			*key = dup(a, st, 0);
		db_reset(st);
		if (rc != DB_ROW && rc != DB_DONE)
			return store_db_fail(s, "persoon opzoeken", NULL, 0);
	}
	return STORE_OK;
}

static void read_office_row(db_stmt *st, struct arena *a, struct office *f)
{
	f->id = db_column_int64(st, 0);
	f->person_id = db_column_int64(st, 1);
	f->person_key = dup(a, st, 2);
	f->person_name = dup(a, st, 3);
	f->org_code = dup(a, st, 4);
	f->org_name = dup(a, st, 5);
	int k = label_from_db(office_labels, OFFICE_COUNT, store_col_text(st, 6));
	f->kind = k >= 0 ? (enum office_kind)k : OFFICE_AMBTENAAR;
	f->portfolio = dup(a, st, 7);
	f->from = dup(a, st, 8);
	f->to = dup(a, st, 9);
	f->version = db_column_int64(st, 10);
	f->acting = db_column_int(st, 11) != 0;
}

#define OH_OFFICE_SELECT                                                                           \
	"SELECT f.id, f.person_id, p.key, p.name, o.code, o.name, f.kind, f.portfolio, "           \
	"f.from_date, f.to_date, f.version, f.acting FROM office f JOIN person p ON p.id = "       \
	"f.person_id JOIN organisation o ON o.id = f.organisation_id "

int store_officeholders_office(struct store *s, struct arena *a, const char *person_key,
			       const char *org_code, const char *kind, const char *today,
			       struct office *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = store_stmt(s, OH_OFFICE_SELECT
				 "WHERE p.key = ? AND o.code = ? AND f.kind = ? AND "
				 "(f.to_date = '' OR f.to_date > ?) ORDER BY f.id LIMIT 1");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(person_key), -1, DB_TRANSIENT);
	db_bind_text(st, 2, field_nz(org_code), -1, DB_TRANSIENT);
	db_bind_text(st, 3, store_label_db(office_labels, OFFICE_COUNT, kind), -1, DB_STATIC);
	db_bind_text(st, 4, field_nz(today), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_office_row(st, a, out);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(s, "functie opzoeken", NULL, 0);
	return STORE_OK;
}

#define OH_SEAT_SELECT                                                                             \
	"SELECT t.id, t.person_id, p.key, p.name, c.key, c.name, o.code, o.name, t.body, "         \
	"t.from_date, t.to_date, t.version FROM seat t JOIN person p ON p.id = t.person_id "       \
	"JOIN collaboration c ON c.id = t.collaboration_id JOIN organisation o ON o.id = "         \
	"t.organisation_id "

int store_officeholders_seat(struct store *s, struct arena *a, const char *person_key,
			     const char *collab_key, const char *body, const char *org_code,
			     const char *today, struct seat *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = store_stmt(s, OH_SEAT_SELECT
				 "WHERE p.key = ? AND c.key = ? AND t.body = ? AND o.code = ? AND "
				 "(t.to_date = '' OR t.to_date > ?) ORDER BY t.id LIMIT 1");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(person_key), -1, DB_TRANSIENT);
	db_bind_text(st, 2, field_nz(collab_key), -1, DB_TRANSIENT);
	db_bind_text(st, 3, store_label_db(seat_body_labels, SEAT_BODY_COUNT, body), -1, DB_STATIC);
	db_bind_text(st, 4, field_nz(org_code), -1, DB_TRANSIENT);
	db_bind_text(st, 5, field_nz(today), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		out->id = db_column_int64(st, 0);
		out->person_id = db_column_int64(st, 1);
		out->person_key = dup(a, st, 2);
		out->person_name = dup(a, st, 3);
		out->collab_key = dup(a, st, 4);
		out->collab_name = dup(a, st, 5);
		out->org_code = dup(a, st, 6);
		out->org_name = dup(a, st, 7);
		int b = label_from_db(seat_body_labels, SEAT_BODY_COUNT, store_col_text(st, 8));
		out->body = b >= 0 ? (enum seat_body)b : SEAT_BESTUUR;
		out->from = dup(a, st, 9);
		out->to = dup(a, st, 10);
		out->version = db_column_int64(st, 11);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(s, "zetel opzoeken", NULL, 0);
	return STORE_OK;
}

int store_officeholders_office_set(struct store *s, const struct write_ctx *w, int64_t id,
				   const char *from, const char *portfolio, bool acting)
{
	struct office f;
	char *before = NULL, *after = NULL, key[128];
	int rc = STORE_ERR;
	if (store_write_begin(s))
		return STORE_ERR;
	struct arena *a = arena_new();
	db_stmt *st = store_stmt(s, OH_OFFICE_SELECT "WHERE f.id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int r = db_step(st);
	if (r == DB_ROW)
		read_office_row(st, a, &f);
	db_reset(st);
	if (r == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (r != DB_ROW) {
		store_db_fail(s, "functie lezen", NULL, 0);
		goto out;
	}
	const char *kind = office_labels[f.kind].api;
	before =
	    store_office_image(f.person_key, f.org_code, kind, f.acting, f.portfolio, f.from, f.to);
	after = store_office_image(f.person_key, f.org_code, kind, acting, field_nz(portfolio),
				   field_nz(from), f.to);
	if (strcmp(before, after) == 0) {
		store_tx_rollback(s);
		rc = STORE_OK;
		goto done;
	}
	st = store_stmt(s, "UPDATE office SET from_date = ?, portfolio = ?, acting = ?, "
			   "version = version + 1 WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, field_nz(from), -1, DB_TRANSIENT);
	db_bind_text(st, 2, field_nz(portfolio), -1, DB_TRANSIENT);
	db_bind_int(st, 3, acting ? 1 : 0);
	db_bind_int64(st, 4, id);
	snprintf(key, sizeof key, "%s/%lld", f.org_code, (long long)id);
	if (store_step_done(s, st, "functie bijwerken", NULL, 0) ||
	    store_write_finish(s, w, "update", "office", key, before, after))
		goto out;
	rc = STORE_OK;
	goto done;
out:
	store_tx_rollback(s);
done:
	free(before);
	free(after);
	arena_free(a);
	return rc;
}

static char *seat_image(const struct seat *t, const char *from)
{
	json_t *o = json_object();
	store_json_set(o, "persoon", t->person_key);
	store_json_set(o, "samenwerkingsverband", t->collab_key);
	store_json_set(o, "namens", t->org_code);
	store_json_set(o, "orgaan", seat_body_labels[t->body].api);
	store_json_set(o, "van", from);
	store_json_set(o, "tot", t->to);
	return store_json_text(o);
}

int store_officeholders_seat_set(struct store *s, const struct write_ctx *w, int64_t id,
				 const char *from)
{
	struct seat t;
	memset(&t, 0, sizeof t);
	char *before = NULL, *after = NULL, key[128];
	int rc = STORE_ERR;
	if (store_write_begin(s))
		return STORE_ERR;
	struct arena *a = arena_new();
	db_stmt *st = store_stmt(s, OH_SEAT_SELECT "WHERE t.id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	int r = db_step(st);
	if (r == DB_ROW) {
		t.person_key = dup(a, st, 2);
		t.collab_key = dup(a, st, 4);
		t.org_code = dup(a, st, 6);
		int b = label_from_db(seat_body_labels, SEAT_BODY_COUNT, store_col_text(st, 8));
		t.body = b >= 0 ? (enum seat_body)b : SEAT_BESTUUR;
		t.from = dup(a, st, 9);
		t.to = dup(a, st, 10);
	}
	db_reset(st);
	if (r == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (r != DB_ROW) {
		store_db_fail(s, "zetel lezen", NULL, 0);
		goto out;
	}
	if (strcmp(t.from, field_nz(from)) == 0) {
		store_tx_rollback(s);
		rc = STORE_OK;
		goto done;
	}
	before = seat_image(&t, t.from);
	after = seat_image(&t, field_nz(from));
	st = store_stmt(s, "UPDATE seat SET from_date = ?, version = version + 1 WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, field_nz(from), -1, DB_TRANSIENT);
	db_bind_int64(st, 2, id);
	snprintf(key, sizeof key, "%s/%lld", t.collab_key, (long long)id);
	if (store_step_done(s, st, "zetel bijwerken", NULL, 0) ||
	    store_write_finish(s, w, "update", "seat", key, before, after))
		goto out;
	rc = STORE_OK;
	goto done;
out:
	store_tx_rollback(s);
done:
	free(before);
	free(after);
	arena_free(a);
	return rc;
}

int store_officeholders_source_find(struct store *s, struct arena *a, const char *key,
				    const char *url, const char **found)
{
	*found = "";
	db_stmt *st = store_stmt(s, "SELECT key FROM source WHERE key = ?1 OR (url = ?2 AND "
				    "url <> '') ORDER BY key = ?1 DESC, id LIMIT 1");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(key), -1, DB_TRANSIENT);
	db_bind_text(st, 2, field_nz(url), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*found = dup(a, st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(s, "bron opzoeken", NULL, 0);
	return STORE_OK;
}

int store_officeholders_source_add(struct store *s, const struct write_ctx *w,
				   const struct oh_source *src)
{
	if (store_write_begin(s))
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "INSERT INTO source (key, title, publisher, url, "
			  "reference_date, retrieved, kind) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (!st) {
		store_tx_rollback(s);
		return STORE_ERR;
	}
	db_bind_text(st, 1, field_nz(src->key), -1, DB_TRANSIENT);
	db_bind_text(st, 2, field_nz(src->title), -1, DB_TRANSIENT);
	db_bind_text(st, 3, field_nz(src->publisher), -1, DB_TRANSIENT);
	db_bind_text(st, 4, field_nz(src->url), -1, DB_TRANSIENT);
	db_bind_text(st, 5, field_nz(src->reference_date), -1, DB_TRANSIENT);
	db_bind_text(st, 6, field_nz(src->retrieved), -1, DB_TRANSIENT);
	db_bind_text(st, 7, field_nz(src->kind), -1, DB_TRANSIENT);
	json_t *o = json_object();
	store_json_set(o, "titel", src->title);
	store_json_set(o, "uitgever", src->publisher);
	store_json_set(o, "url", src->url);
	store_json_set(o, "datum", src->reference_date);
	store_json_set(o, "soort", src->kind);
	char *after = store_json_text(o);
	int rc = STORE_OK;
	if (store_step_done(s, st, "bron toevoegen", NULL, 0) ||
	    store_write_finish(s, w, "insert", "source", src->key, NULL, after)) {
		store_tx_rollback(s);
		rc = STORE_ERR;
	}
	free(after);
	return rc;
}
