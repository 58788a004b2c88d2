/*
 * store_people_sqlite — the SQLite implementation of store_people.h:
 * people, offices, seats, role assessments, phase history and shared
 * agreements (issue 5).
 *
 * Every write is ONE BEGIN IMMEDIATE transaction: validate the fields
 * (domain/validate_people.c), check what only the database knows
 * (references, the legal form's bodies, participation, overlapping periods,
 * the end date of an organisation), write, add the audit event, bump
 * meta.data_version, commit. Any failure rolls back: a rejected write leaves
 * no row and no audit event.
 *
 * Audit trail: entity names person, office, seat, role_assessment,
 * phase_event, agreement; entity_key is the person key, "<org code>/<id>"
 * for an office and "<collaboration key>/<id>" for the others. before/after
 * are JSON images with the Dutch API field names. An erasure replaces the
 * images of the person's own rows (person, office, seat) by
 * {"gewist": true}, renames the person's key to "gewist-<id>" (the old key
 * is derived from the name) and adds one "erase" event.
 *
 * Privacy is the callers' business (see store_people.h): this file returns
 * everything. Not here: HTML, permissions.
 */
#include "store_people.h"
#include "../domain/labels.h"
#include "../domain/people.h"
#include "../domain/validate.h"
#include "../domain/validate_people.h"
#include "../domain/validate_write.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"
#include "../domain/fields.h"
#include "../domain/slug.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_BASE_MAX 70
#define PARTIES_MAX 64
#define ERASED_NAME "onbekende persoon"
#define ERASED_IMAGE "{\"gewist\": true}"

/* ------------------------------------------------------------ helpers */

#define CPY(dst, src) snprintf((dst), sizeof(dst), "%s", field_nz(src))

static const char *ctx_today(const struct write_ctx *w, char buf[11])
{
	if (w && w->today && is_iso_date(w->today))
		return w->today;
	today_iso(buf);
	return buf;
}

static void errs_reset(struct field_errors *e)
{
	if (e)
		e->n = 0;
}

/* Compact JSON text of o (caller frees); o is released. */
static char *dump(json_t *o)
{
	char *out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return out ? out : xstrdup("{}");
}

static void jset(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(field_nz(v)));
}

/* The db code of an api value ("" when unknown). */
static const char *db_of(const struct label *t, int n, const char *api)
{
	int i = label_from_api(t, n, api);
	return i >= 0 ? t[i].db : "";
}

static const char *api_of(const struct label *t, int n, const char *db)
{
	int i = label_from_db(t, n, db);
	return i >= 0 ? t[i].api : field_nz(db);
}

/*
 * Step st to the end, appending one element of size elem per row through
 * read(st, element). *out (malloc'd) and *n are set; STORE_ERR on a
 * database fault (nothing returned). st is reset.
 */
static int collect(struct store *s, db_stmt *st, size_t elem,
		   void (*read)(db_stmt *, void *), void **out, int *n)
{
	char *arr = NULL;
	int cnt = 0, cap = 0, rc;
	*out = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (cnt == cap) {
			cap = cap ? cap * 2 : 8;
			arr = xreallocarray(arr, (size_t)cap, elem);
		}
		memset(arr + (size_t)cnt * elem, 0, elem);
		read(st, arr + (size_t)cnt * elem);
		cnt++;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(arr);
		return store_db_fail(s, "lijst lezen", NULL, 0);
	}
	*out = arr;
	*n = cnt;
	return STORE_OK;
}

/* 1 when some person has this key, 0 when not, -1 on error. */
static int person_key_taken(struct store *s, const char *key)
{
	db_stmt *st = store_stmt(s, "SELECT 1 FROM person WHERE key = ?");
	if (!st)
		return -1;
	db_bind_text(st, 1, key, -1, DB_STATIC);
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		store_db_fail(s, "sleutel opzoeken", NULL, 0);
		return -1;
	}
	return rc == DB_ROW;
}

/* base, base-2, base-3, ...: the first key no person has. */
static int unique_person_key(struct store *s, const char *base, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", base);
	for (int i = 2; i < 100000; i++) {
		int t = person_key_taken(s, out);
		if (t < 0)
			return STORE_ERR;
		if (!t)
			return STORE_OK;
		snprintf(out, outlen, "%s-%d", base, i);
	}
	return STORE_ERR;
}

/* ------------------------------------------------------------ people */

static const char person_select[] =
    "SELECT p.id, p.key, p.name, p.party, p.email, p.phone, p.note, p.erased, "
    "EXISTS (SELECT 1 FROM office f WHERE f.person_id = p.id AND f.kind <> 'ambtenaar'), "
    "p.version, p.last_confirmed, p.confirmed_by FROM person p";

static void read_person(db_stmt *st, void *dst)
{
	struct person *p = dst;
	p->id = db_column_int64(st, 0);
	CPY(p->key, store_col_text(st, 1));
	CPY(p->name, store_col_text(st, 2));
	CPY(p->party, store_col_text(st, 3));
	CPY(p->email, store_col_text(st, 4));
	CPY(p->phone, store_col_text(st, 5));
	CPY(p->note, store_col_text(st, 6));
	p->erased = db_column_int(st, 7) != 0;
	p->has_public_office = db_column_int(st, 8) != 0;
	p->version = db_column_int64(st, 9);
	CPY(p->last_confirmed, store_col_text(st, 10));
	CPY(p->confirmed_by, store_col_text(st, 11));
}

int store_person_get(struct store *s, const char *key, struct person *out)
{
	if (!s) {
		memset(out, 0, sizeof *out);
		return STORE_ERR;
	}
	memset(out, 0, sizeof *out);
	db_stmt *st =
	    store_stmt(s, "SELECT p.id, p.key, p.name, p.party, p.email, p.phone, "
			  "p.note, p.erased, EXISTS (SELECT 1 FROM office f WHERE "
			  "f.person_id = p.id AND f.kind <> 'ambtenaar'), "
			  "p.version, p.last_confirmed, p.confirmed_by FROM person p "
			  "WHERE p.key = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(key), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_person(st, out);
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return store_db_fail(s, "persoon lezen", NULL, 0);
}

static int cmp_person(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	int c = str_collate_nl(x->name, y->name);
	return c ? c : strcmp(x->key, y->key);
}

int store_person_list(struct store *s, struct person **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	db_stmt *st = store_stmt(s, person_select);
	if (!st)
		return STORE_ERR;
	int rc = collect(s, st, sizeof **out, read_person, (void **)out, n);
	if (rc == STORE_OK && *n > 1)
		qsort(*out, (size_t)*n, sizeof **out, cmp_person);
	return rc;
}

/* The audit image of a person. */
static char *person_image(const struct person_input *m)
{
	json_t *o = json_object();
	jset(o, "naam", m->name);
	jset(o, "partij", m->party);
	jset(o, "email", m->email);
	jset(o, "telefoon", m->phone);
	jset(o, "opmerking", m->note);
	return dump(o);
}

int store_person_create(struct store *s, const struct write_ctx *w, const struct person_input *in,
			char *key_out, size_t keylen, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct person_input m = {field_nz(in->name), field_nz(in->party), field_nz(in->email), field_nz(in->phone),
				 field_nz(in->note)};
	char base[KEY_BASE_MAX + 1], key[96], tb[11];
	char *after = NULL;
	int rc = STORE_ERR;

	errs_reset(e);
	if (key_out && keylen)
		key_out[0] = '\0';
	validate_person_input(&m, e);
	if (e->n)
		return STORE_ERR_INVALID;
	if (store_write_begin(s))
		return STORE_ERR;
	slug_make(m.name, KEY_BASE_MAX, "persoon", base, sizeof base);
	if (unique_person_key(s, base, key, sizeof key))
		goto out;
	db_stmt *st =
	    store_stmt(s, "INSERT INTO person (key, name, party, email, phone, note, version, "
			  "last_confirmed, confirmed_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)");
	if (!st)
		goto out;
	db_bind_text(st, 1, key, -1, DB_STATIC);
	db_bind_text(st, 2, m.name, -1, DB_STATIC);
	db_bind_text(st, 3, m.party, -1, DB_STATIC);
	db_bind_text(st, 4, m.email, -1, DB_STATIC);
	db_bind_text(st, 5, m.phone, -1, DB_STATIC);
	db_bind_text(st, 6, m.note, -1, DB_STATIC);
	db_bind_text(st, 7, ctx_today(w, tb), -1, DB_STATIC);
	db_bind_text(st, 8, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "persoon toevoegen", NULL, 0))
		goto out;
	after = person_image(&m);
	if (store_write_finish(s, w, "insert", "person", key, NULL, after))
		goto out;
	if (key_out && keylen)
		snprintf(key_out, keylen, "%s", key);
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	return rc;
}

int store_person_update(struct store *s, const struct write_ctx *w, const char *key,
			int64_t expected_version, const struct person_input *in,
			struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct person p;
	char *before = NULL, *after = NULL;
	int rc = STORE_ERR;

	errs_reset(e);
	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = store_person_get(s, key, &p)))
		goto out;
	rc = STORE_ERR;
	if (current_version)
		*current_version = p.version;
	if (p.version != expected_version) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	if (p.erased) {
		field_errors_add(e, "naam",
				 "Deze persoon is gewist en kan niet meer worden bewerkt.");
		rc = STORE_ERR_INVALID;
		goto out;
	}
	struct person_input old = {p.name, p.party, p.email, p.phone, p.note};
	struct person_input m = {
	    in->name ? in->name : p.name,    in->party ? in->party : p.party,
	    in->email ? in->email : p.email, in->phone ? in->phone : p.phone,
	    in->note ? in->note : p.note,
	};
	validate_person_input(&m, e);
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	before = person_image(&old);
	after = person_image(&m);
	if (strcmp(before, after) == 0) { /* nothing changed: nothing written */
		store_tx_rollback(s);
		rc = STORE_OK;
		goto done;
	}
	db_stmt *st = store_stmt(s, "UPDATE person SET name = ?, party = ?, email = ?, "
					 "phone = ?, note = ?, version = version + 1 WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, m.name, -1, DB_STATIC);
	db_bind_text(st, 2, m.party, -1, DB_STATIC);
	db_bind_text(st, 3, m.email, -1, DB_STATIC);
	db_bind_text(st, 4, m.phone, -1, DB_STATIC);
	db_bind_text(st, 5, m.note, -1, DB_STATIC);
	db_bind_int64(st, 6, p.id);
	if (store_step_done(s, st, "persoon bijwerken", NULL, 0) ||
	    store_write_finish(s, w, "update", "person", p.key, before, after))
		goto out;
	if (current_version)
		*current_version = p.version + 1;
	rc = STORE_OK;
	goto done;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
done:
	free(before);
	free(after);
	return rc;
}

/* ------------------------------------------------------------ offices */

static const char office_select[] =
    "SELECT f.id, f.person_id, p.key, p.name, o.code, o.name, f.kind, f.portfolio, "
    "f.from_date, f.to_date, f.version FROM office f JOIN person p ON p.id = f.person_id "
    "JOIN organisation o ON o.id = f.organisation_id ";

static void read_office(db_stmt *st, void *dst)
{
	struct office *f = dst;
	f->id = db_column_int64(st, 0);
	f->person_id = db_column_int64(st, 1);
	CPY(f->person_key, store_col_text(st, 2));
	CPY(f->person_name, store_col_text(st, 3));
	CPY(f->org_code, store_col_text(st, 4));
	CPY(f->org_name, store_col_text(st, 5));
	int k = label_from_db(office_labels, OFFICE_COUNT, store_col_text(st, 6));
	f->kind = k >= 0 ? (enum office_kind)k : OFFICE_AMBTENAAR; /* unknown: never public */
	CPY(f->portfolio, store_col_text(st, 7));
	CPY(f->from, store_col_text(st, 8));
	CPY(f->to, store_col_text(st, 9));
	f->version = db_column_int64(st, 10);
}

/* Run office_select + tail bound to one text parameter. */
static int office_list(struct store *s, const char *tail, const char *param, struct office **out,
		       int *n)
{
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%s%s", office_select, tail);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	buf_free(&sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(param), -1, DB_TRANSIENT);
	return collect(s, st, sizeof **out, read_office, (void **)out, n);
}

int store_offices_of_person(struct store *s, const char *person_key, struct office **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	return office_list(s,
			   "WHERE p.key = ?1 ORDER BY (f.to_date = '') DESC, f.to_date DESC, "
			   "f.from_date DESC, f.id",
			   person_key, out, n);
}

int store_offices_of_org(struct store *s, const char *org_code, struct office **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	return office_list(s,
			   "WHERE o.code = ?1 ORDER BY (f.to_date = '') DESC, f.kind, p.name, "
			   "f.from_date DESC, f.id",
			   org_code, out, n);
}

/* What the checks need to know about an organisation. */
struct org_info {
	int64_t id;
	char code[81], name[201], valid_to[11];
	bool ended;
};

/* Look up an organisation by code: STORE_OK, STORE_ERR_NOTFOUND or STORE_ERR. */
static int org_lookup(struct store *s, const char *code, struct org_info *o)
{
	memset(o, 0, sizeof *o);
	db_stmt *st = store_stmt(
	    s, "SELECT id, code, name, valid_to, ended FROM organisation WHERE code = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(code), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		o->id = db_column_int64(st, 0);
		CPY(o->code, store_col_text(st, 1));
		CPY(o->name, store_col_text(st, 2));
		CPY(o->valid_to, store_col_text(st, 3));
		o->ended = db_column_int(st, 4) != 0;
	}
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return store_db_fail(s, "organisatie opzoeken", NULL, 0);
}

/*
 * An office or seat on behalf of an organisation that ended (valid_to, the
 * first day it no longer exists) may not start on or after that day, not
 * run past it and not stay open; an organisation ended without a known date
 * needs an end date. Errors on "van", "tot" or org_field.
 */
static void check_org_end(struct field_errors *e, const char *org_field, const struct org_info *o,
			  const char *from, const char *to)
{
	from = field_nz(from);
	to = field_nz(to);
	if (*o->valid_to) {
		if (*from && is_iso_date(from) && strcmp(from, o->valid_to) >= 0)
			field_errors_add(
			    e, "van",
			    "%s bestaat sinds %s niet meer; de periode kan niet na die "
			    "datum beginnen.",
			    o->name, o->valid_to);
		else if (*to && is_iso_date(to) && strcmp(to, o->valid_to) > 0)
			field_errors_add(e, "tot",
					 "%s bestaat sinds %s niet meer; de periode kan niet later "
					 "eindigen.",
					 o->name, o->valid_to);
		else if (!*to && !*from)
			field_errors_add(
			    e, org_field,
			    "%s bestaat sinds %s niet meer; vul de periode in (uiterlijk "
			    "tot die datum).",
			    o->name, o->valid_to);
		else if (!*to)
			field_errors_add(e, "tot",
					 "%s bestaat sinds %s niet meer; vul een einddatum in "
					 "(uiterlijk die datum).",
					 o->name, o->valid_to);
	} else if (o->ended && !*to) {
		field_errors_add(e, org_field, "%s is opgeheven; vul een einddatum in.", o->name);
	}
}

/* A person by key for a write: id and erased flag; STORE_ERR_NOTFOUND. */
static int person_for_write(struct store *s, const char *key, struct person *p,
			    struct field_errors *e)
{
	int rc = store_person_get(s, key, p);
	if (rc == STORE_OK && p->erased)
		field_errors_add(e, "persoon", "Deze persoon is gewist; voeg geen gegevens toe.");
	return rc;
}

static char *office_image(const char *person_key, const char *org_code, const char *kind,
			  const char *portfolio, const char *from, const char *to)
{
	json_t *o = json_object();
	jset(o, "persoon", person_key);
	jset(o, "organisatie", org_code);
	jset(o, "functie", kind);
	jset(o, "portefeuille", portfolio);
	jset(o, "van", from);
	jset(o, "tot", to);
	return dump(o);
}

/* The Dutch label of an office kind api value, lower case for sentences. */
static void lower_label(const char *label, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", label);
	if (out[0] >= 'A' && out[0] <= 'Z' && strncmp(label, "Commissaris", 11) != 0)
		out[0] = (char)(out[0] | 0x20);
}

int store_office_add(struct store *s, const struct write_ctx *w, const char *person_key,
		     const struct office_input *in, int64_t *id_out, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct office_input m = {field_nz(in->org_code), field_nz(in->kind), field_nz(in->portfolio), field_nz(in->from),
				 field_nz(in->to)};
	struct person p;
	struct org_info o;
	char *after = NULL, key[128];
	int rc = STORE_ERR;

	errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_office_input(&m, e);
	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = person_for_write(s, person_key, &p, e)))
		goto out;
	rc = STORE_ERR;
	bool have_org = false;
	if (!field_errors_get(e, "organisatie")) {
		int r = org_lookup(s, m.org_code, &o);
		if (r == STORE_ERR)
			goto out;
		if (r == STORE_ERR_NOTFOUND)
			field_errors_add(e, "organisatie", "Deze organisatie is onbekend.");
		else
			have_org = true;
	}
	bool dates_ok = !field_errors_get(e, "van") && !field_errors_get(e, "tot");
	if (have_org && dates_ok)
		check_org_end(e, "organisatie", &o, m.from, m.to);
	int kind = label_from_api(office_labels, OFFICE_COUNT, m.kind);
	if (have_org && dates_ok && kind >= 0 && !field_errors_get(e, "van")) {
		db_stmt *st =
		    store_stmt(s, "SELECT from_date, to_date FROM office WHERE "
				  "person_id = ? AND organisation_id = ? AND kind = ?");
		if (!st)
			goto out;
		db_bind_int64(st, 1, p.id);
		db_bind_int64(st, 2, o.id);
		db_bind_text(st, 3, office_labels[kind].db, -1, DB_STATIC);
		int r;
		while ((r = db_step(st)) == DB_ROW) {
			const char *f = store_col_text(st, 0), *t = store_col_text(st, 1);
			if (periods_overlap(m.from, m.to, f, t)) {
				char what[64];
				lower_label(office_labels[kind].label, what, sizeof what);
				field_errors_add(
				    e, "van",
				    "Deze persoon is in deze periode al %s bij %s (%s tot %s).",
				    what, o.name, *f ? f : "onbekend", *t ? t : "heden");
				break;
			}
		}
		db_reset(st);
		if (r != DB_ROW && r != DB_DONE) {
			store_db_fail(s, "functies controleren", NULL, 0);
			goto out;
		}
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	db_stmt *st = store_stmt(
	    s, "INSERT INTO office (person_id, organisation_id, kind, portfolio, from_date, "
	       "to_date, version) VALUES (?, ?, ?, ?, ?, ?, 1)");
	if (!st)
		goto out;
	db_bind_int64(st, 1, p.id);
	db_bind_int64(st, 2, o.id);
	db_bind_text(st, 3, office_labels[kind].db, -1, DB_STATIC);
	db_bind_text(st, 4, m.portfolio, -1, DB_STATIC);
	db_bind_text(st, 5, m.from, -1, DB_STATIC);
	db_bind_text(st, 6, m.to, -1, DB_STATIC);
	if (store_step_done(s, st, "functie toevoegen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	snprintf(key, sizeof key, "%s/%lld", o.code, (long long)id);
	after = office_image(p.key, o.code, office_labels[kind].api, m.portfolio, m.from, m.to);
	if (store_write_finish(s, w, "insert", "office", key, NULL, after))
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

int store_office_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		     struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct office *f = NULL;
	int n = 0;
	struct org_info o;
	char *before = NULL, *after = NULL, key[128];
	int rc = STORE_ERR;

	errs_reset(e);
	if (store_write_begin(s))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT f.id, f.person_id, p.key, p.name, o.code, o.name, "
					 "f.kind, f.portfolio, f.from_date, f.to_date, f.version "
					 "FROM office f JOIN person p ON p.id = f.person_id "
					 "JOIN organisation o ON o.id = f.organisation_id "
					 "WHERE f.id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	if (collect(s, st, sizeof *f, read_office, (void **)&f, &n))
		goto out;
	if (n == 0) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	validate_end_date(f->from, to, e);
	if (!e->n) {
		int r = org_lookup(s, f->org_code, &o);
		if (r)
			goto out;
		check_org_end(e, "organisatie", &o, f->from, to);
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	if (strcmp(f->to, to) == 0) { /* nothing changed */
		store_tx_rollback(s);
		rc = STORE_OK;
		goto done;
	}
	const char *kind = office_labels[f->kind].api;
	before = office_image(f->person_key, f->org_code, kind, f->portfolio, f->from, f->to);
	after = office_image(f->person_key, f->org_code, kind, f->portfolio, f->from, to);
	st = store_stmt(s, "UPDATE office SET to_date = ?, version = version + 1 WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, to, -1, DB_STATIC);
	db_bind_int64(st, 2, id);
	snprintf(key, sizeof key, "%s/%lld", f->org_code, (long long)id);
	if (store_step_done(s, st, "functie beëindigen", NULL, 0) ||
	    store_write_finish(s, w, "update", "office", key, before, after))
		goto out;
	rc = STORE_OK;
	goto done;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
done:
	free(f);
	free(before);
	free(after);
	return rc;
}

/* -------------------------------------------------------------- seats */

static const char seat_select[] =
    "SELECT t.id, t.person_id, p.key, p.name, c.key, c.name, o.code, o.name, t.body, "
    "t.from_date, t.to_date, t.version FROM seat t JOIN person p ON p.id = t.person_id "
    "JOIN collaboration c ON c.id = t.collaboration_id "
    "JOIN organisation o ON o.id = t.organisation_id ";

#define SEAT_BODY_ORDER                                                                            \
	"CASE t.body WHEN 'voorzitter' THEN 0 WHEN 'algemeen-bestuur' THEN 1 "                     \
	"WHEN 'dagelijks-bestuur' THEN 2 WHEN 'bestuur' THEN 3 "                                   \
	"WHEN 'portefeuillehoudersoverleg' THEN 4 ELSE 5 END"

static void read_seat(db_stmt *st, void *dst)
{
	struct seat *t = dst;
	t->id = db_column_int64(st, 0);
	t->person_id = db_column_int64(st, 1);
	CPY(t->person_key, store_col_text(st, 2));
	CPY(t->person_name, store_col_text(st, 3));
	CPY(t->collab_key, store_col_text(st, 4));
	CPY(t->collab_name, store_col_text(st, 5));
	CPY(t->org_code, store_col_text(st, 6));
	CPY(t->org_name, store_col_text(st, 7));
	int b = label_from_db(seat_body_labels, SEAT_BODY_COUNT, store_col_text(st, 8));
	t->body = b >= 0 ? (enum seat_body)b : SEAT_BESTUUR;
	CPY(t->from, store_col_text(st, 9));
	CPY(t->to, store_col_text(st, 10));
	t->version = db_column_int64(st, 11);
}

/* Run seat_select + tail, bound to param when not NULL. */
static int seat_list(struct store *s, const char *tail, const char *param, struct seat **out,
		     int *n)
{
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%s%s", seat_select, tail);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	buf_free(&sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERR;
	if (param)
		db_bind_text(st, 1, param, -1, DB_TRANSIENT);
	return collect(s, st, sizeof **out, read_seat, (void **)out, n);
}

int store_seats_of_person(struct store *s, const char *person_key, struct seat **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	return seat_list(s,
			 "WHERE p.key = ?1 ORDER BY (t.to_date = '') DESC, t.to_date DESC, "
			 "t.from_date DESC, t.id",
			 field_nz(person_key), out, n);
}

int store_seats_of_collab(struct store *s, const char *collab_key, struct seat **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	return seat_list(s,
			 "WHERE c.key = ?1 ORDER BY (t.to_date = '') DESC, " SEAT_BODY_ORDER
			 ", p.name, t.from_date DESC, t.id",
			 field_nz(collab_key), out, n);
}

int store_seats_of_org(struct store *s, const char *org_code, struct seat **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	return seat_list(
	    s,
	    "WHERE o.code = ?1 ORDER BY (t.to_date = '') DESC, c.name, " SEAT_BODY_ORDER
	    ", p.name, t.id",
	    field_nz(org_code), out, n);
}

int store_seats_all(struct store *s, struct seat **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	return seat_list(s, "ORDER BY p.name, p.id, c.name, t.from_date, t.id", NULL, out, n);
}

/* What the seat checks need to know about a collaboration. */
struct collab_info {
	int64_t id;
	char key[81], name[201], end_date[11];
	enum legal_form lf;
	enum collab_kind kind;
};

static int collab_lookup(struct store *s, const char *key, struct collab_info *c)
{
	memset(c, 0, sizeof *c);
	db_stmt *st = store_stmt(s, "SELECT id, key, name, end_date, legal_form, kind "
					 "FROM collaboration WHERE key = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(key), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		c->id = db_column_int64(st, 0);
		CPY(c->key, store_col_text(st, 1));
		CPY(c->name, store_col_text(st, 2));
		CPY(c->end_date, store_col_text(st, 3));
		int lf = label_from_db(legal_form_labels, LF_COUNT, store_col_text(st, 4));
		c->lf = lf >= 0 ? (enum legal_form)lf : LF_UNKNOWN;
		int k = label_from_db(collab_kind_labels, COLLAB_KIND_COUNT, store_col_text(st, 5));
		c->kind = k >= 0 ? (enum collab_kind)k : COLLAB_NETWORK;
	}
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return store_db_fail(s, "samenwerkingsverband opzoeken", NULL, 0);
}

/* 1 when org participates in collab during [from, to) (open ends), 0 when
 * not, -1 on error. */
static int participates(struct store *s, int64_t collab_id, int64_t org_id, const char *from,
			const char *to)
{
	db_stmt *st = store_stmt(s, "SELECT joined, left_on FROM participation WHERE "
					 "collaboration_id = ? AND organisation_id = ?");
	if (!st)
		return -1;
	db_bind_int64(st, 1, collab_id);
	db_bind_int64(st, 2, org_id);
	int rc, found = 0;
	while (!found && (rc = db_step(st)) == DB_ROW) {
		const char *j = store_col_text(st, 0), *l = store_col_text(st, 1);
		/* a participation joined and left on the same day still counts */
		if (periods_overlap(from, to, j, *l && strcmp(l, j) == 0 ? "" : l))
			found = 1;
	}
	if (found)
		rc = DB_DONE;
	db_reset(st);
	if (rc != DB_DONE) {
		store_db_fail(s, "deelname controleren", NULL, 0);
		return -1;
	}
	return found;
}

static char *seat_image(const char *person_key, const char *collab_key, const char *org_code,
			const char *body, const char *from, const char *to)
{
	json_t *o = json_object();
	jset(o, "persoon", person_key);
	jset(o, "samenwerkingsverband", collab_key);
	jset(o, "namens", org_code);
	jset(o, "orgaan", body);
	jset(o, "van", from);
	jset(o, "tot", to);
	return dump(o);
}

int store_seat_add(struct store *s, const struct write_ctx *w, const char *person_key,
		   const struct seat_input *in, int64_t *id_out, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct seat_input m = {field_nz(in->collab_key), field_nz(in->org_code), field_nz(in->body), field_nz(in->from),
			       field_nz(in->to)};
	struct person p;
	struct collab_info c;
	struct org_info o;
	char *after = NULL, key[128];
	int rc = STORE_ERR;

	errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_seat_input(&m, e);
	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = person_for_write(s, person_key, &p, e)))
		goto out;
	rc = STORE_ERR;
	bool dates_ok = !field_errors_get(e, "van") && !field_errors_get(e, "tot");
	bool have_collab = false, have_org = false;
	if (!field_errors_get(e, "samenwerkingsverband")) {
		int r = collab_lookup(s, m.collab_key, &c);
		if (r == STORE_ERR)
			goto out;
		if (r == STORE_ERR_NOTFOUND)
			field_errors_add(e, "samenwerkingsverband",
					 "Dit samenwerkingsverband is onbekend.");
		else
			have_collab = true;
	}
	if (!field_errors_get(e, "namens")) {
		int r = org_lookup(s, m.org_code, &o);
		if (r == STORE_ERR)
			goto out;
		if (r == STORE_ERR_NOTFOUND)
			field_errors_add(e, "namens", "Deze organisatie is onbekend.");
		else
			have_org = true;
	}
	int body = label_from_api(seat_body_labels, SEAT_BODY_COUNT, m.body);
	if (have_collab && body >= 0) {
		char msg[200];
		if (!seat_body_allowed(c.lf, c.kind, (enum seat_body)body, msg, sizeof msg))
			field_errors_add(e, "orgaan", "%s", msg);
	}
	if (have_collab && have_org && dates_ok) {
		int r = participates(s, c.id, o.id, m.from, m.to);
		if (r < 0)
			goto out;
		if (!r)
			field_errors_add(e, "namens",
					 "%s neemt (in deze periode) niet deel aan %s.", o.name,
					 c.name);
	}
	if (have_org && dates_ok)
		check_org_end(e, "namens", &o, m.from, m.to);
	if (have_collab && dates_ok && *c.end_date && *m.from && strcmp(m.from, c.end_date) > 0)
		field_errors_add(e, "van",
				 "%s is beëindigd per %s; de zetel kan niet later beginnen.",
				 c.name, c.end_date);
	if (have_collab && dates_ok && body >= 0 && !field_errors_get(e, "van")) {
		db_stmt *st =
		    store_stmt(s, "SELECT from_date, to_date FROM seat WHERE "
				  "person_id = ? AND collaboration_id = ? AND body = ?");
		if (!st)
			goto out;
		db_bind_int64(st, 1, p.id);
		db_bind_int64(st, 2, c.id);
		db_bind_text(st, 3, seat_body_labels[body].db, -1, DB_STATIC);
		int r;
		while ((r = db_step(st)) == DB_ROW) {
			const char *f = store_col_text(st, 0), *t = store_col_text(st, 1);
			if (periods_overlap(m.from, m.to, f, t)) {
				field_errors_add(
				    e, "van",
				    "Deze persoon zit in deze periode al in dit orgaan "
				    "(%s) van %s (%s tot %s).",
				    seat_body_labels[body].label, c.name, *f ? f : "onbekend",
				    *t ? t : "heden");
				break;
			}
		}
		db_reset(st);
		if (r != DB_ROW && r != DB_DONE) {
			store_db_fail(s, "zetels controleren", NULL, 0);
			goto out;
		}
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	db_stmt *st = store_stmt(
	    s, "INSERT INTO seat (person_id, collaboration_id, organisation_id, body, from_date, "
	       "to_date, version) VALUES (?, ?, ?, ?, ?, ?, 1)");
	if (!st)
		goto out;
	db_bind_int64(st, 1, p.id);
	db_bind_int64(st, 2, c.id);
	db_bind_int64(st, 3, o.id);
	db_bind_text(st, 4, seat_body_labels[body].db, -1, DB_STATIC);
	db_bind_text(st, 5, m.from, -1, DB_STATIC);
	db_bind_text(st, 6, m.to, -1, DB_STATIC);
	if (store_step_done(s, st, "zetel toevoegen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	snprintf(key, sizeof key, "%s/%lld", c.key, (long long)id);
	after = seat_image(p.key, c.key, o.code, seat_body_labels[body].api, m.from, m.to);
	if (store_write_finish(s, w, "insert", "seat", key, NULL, after))
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

int store_seat_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		   struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct seat *t = NULL;
	int n = 0;
	struct org_info o;
	char *before = NULL, *after = NULL, key[128];
	int rc = STORE_ERR;

	errs_reset(e);
	if (store_write_begin(s))
		return STORE_ERR;
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%sWHERE t.id = ?", seat_select);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	buf_free(&sql);
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	if (collect(s, st, sizeof *t, read_seat, (void **)&t, &n))
		goto out;
	if (n == 0) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	validate_end_date(t->from, to, e);
	if (!e->n) {
		if (org_lookup(s, t->org_code, &o))
			goto out;
		check_org_end(e, "namens", &o, t->from, to);
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	if (strcmp(t->to, to) == 0) {
		store_tx_rollback(s);
		rc = STORE_OK;
		goto done;
	}
	const char *body = seat_body_labels[t->body].api;
	before = seat_image(t->person_key, t->collab_key, t->org_code, body, t->from, t->to);
	after = seat_image(t->person_key, t->collab_key, t->org_code, body, t->from, to);
	st = store_stmt(s, "UPDATE seat SET to_date = ?, version = version + 1 WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, to, -1, DB_STATIC);
	db_bind_int64(st, 2, id);
	snprintf(key, sizeof key, "%s/%lld", t->collab_key, (long long)id);
	if (store_step_done(s, st, "zetel beëindigen", NULL, 0) ||
	    store_write_finish(s, w, "update", "seat", key, before, after))
		goto out;
	rc = STORE_OK;
	goto done;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
done:
	free(t);
	free(before);
	free(after);
	return rc;
}

/* ---------------------------------------------------- export and erase */

/* The audit rows of a person and of its offices and seats, oldest first. */
#define PERSON_AUDIT_WHERE                                                                         \
	"(entity = 'person' AND entity_key = ?1) OR (entity = 'office' AND entity_key IN "         \
	"(SELECT o.code || '/' || f.id FROM office f JOIN organisation o "                         \
	"ON o.id = f.organisation_id WHERE f.person_id = ?2)) OR (entity = 'seat' AND "            \
	"entity_key IN (SELECT c.key || '/' || t.id FROM seat t JOIN collaboration c "             \
	"ON c.id = t.collaboration_id WHERE t.person_id = ?2))"

/* A JSON value for stored audit text: parsed when it is JSON, else a string. */
static json_t *audit_json(db_stmt *st, int col)
{
	if (db_column_type(st, col) == DB_NULL)
		return json_null();
	const char *t = store_col_text(st, col);
	json_t *j = json_loads(t, JSON_DECODE_ANY, NULL);
	return j ? j : json_string(t);
}

int store_person_export(struct store *s, const char *key, char **json_out)
{
	return store_person_export_by(s, NULL, key, json_out);
}

/* The audit event of an export: who exported whose data (the person's id). */
static int export_audit(struct store *s, const struct write_ctx *w, int64_t person_id)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)person_id);
	if (store_write_begin(s))
		return STORE_ERR;
	if (store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w), "update", "person_export",
			      id, NULL, "{\"export\":true}") ||
	    store_tx_commit(s, "export vastleggen", NULL, 0)) {
		store_tx_rollback(s);
		return STORE_ERR;
	}
	return STORE_OK;
}

int store_person_export_by(struct store *s, const struct write_ctx *w, const char *key,
			   char **json_out)
{
	if (!s) {
		*json_out = NULL;
		return STORE_ERR;
	}
	struct person p;
	struct office *f = NULL;
	struct seat *t = NULL;
	int nf = 0, nt = 0, rc;
	json_t *doc = NULL;
	char today[11];

	*json_out = NULL;
	if ((rc = store_person_get(s, key, &p)))
		return rc;
	rc = STORE_ERR;
	if (store_offices_of_person(s, p.key, &f, &nf) || store_seats_of_person(s, p.key, &t, &nt))
		goto out;
	doc = json_object();
	today_iso(today);
	jset(doc, "exportdatum", today);
	json_t *jp = json_object();
	jset(jp, "sleutel", p.key);
	jset(jp, "naam", p.name);
	jset(jp, "partij", p.party);
	jset(jp, "email", p.email);
	jset(jp, "telefoon", p.phone);
	jset(jp, "opmerking", p.note);
	json_object_set_new(jp, "gewist", json_boolean(p.erased));
	json_object_set_new(jp, "versie", json_integer(p.version));
	jset(jp, "laatstBevestigd", p.last_confirmed);
	jset(jp, "bevestigdDoor", p.confirmed_by);
	json_object_set_new(doc, "persoon", jp);

	json_t *ja = json_array();
	for (int i = 0; i < nf; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(f[i].id));
		jset(o, "organisatie", f[i].org_code);
		jset(o, "organisatieNaam", f[i].org_name);
		jset(o, "functie", office_labels[f[i].kind].api);
		jset(o, "portefeuille", f[i].portfolio);
		jset(o, "van", f[i].from);
		jset(o, "tot", f[i].to);
		json_object_set_new(o, "versie", json_integer(f[i].version));
		json_array_append_new(ja, o);
	}
	json_object_set_new(doc, "functies", ja);

	ja = json_array();
	for (int i = 0; i < nt; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(t[i].id));
		jset(o, "samenwerkingsverband", t[i].collab_key);
		jset(o, "samenwerkingsverbandNaam", t[i].collab_name);
		jset(o, "namens", t[i].org_code);
		jset(o, "namensNaam", t[i].org_name);
		jset(o, "orgaan", seat_body_labels[t[i].body].api);
		jset(o, "van", t[i].from);
		jset(o, "tot", t[i].to);
		json_object_set_new(o, "versie", json_integer(t[i].version));
		json_array_append_new(ja, o);
	}
	json_object_set_new(doc, "zetels", ja);

	db_stmt *st = store_stmt(
	    s, "SELECT id, at, actor, via, action, entity, entity_key, "
	       "\"before\", \"after\" FROM audit_event WHERE " PERSON_AUDIT_WHERE " ORDER BY id");
	if (!st)
		goto out;
	db_bind_text(st, 1, p.key, -1, DB_STATIC);
	db_bind_int64(st, 2, p.id);
	ja = json_array();
	int r;
	while ((r = db_step(st)) == DB_ROW) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(db_column_int64(st, 0)));
		jset(o, "tijdstip", store_col_text(st, 1));
		jset(o, "door", store_col_text(st, 2));
		jset(o, "via", store_col_text(st, 3));
		jset(o, "actie", store_col_text(st, 4));
		jset(o, "soort", store_col_text(st, 5));
		jset(o, "sleutel", store_col_text(st, 6));
		json_object_set_new(o, "voor", audit_json(st, 7));
		json_object_set_new(o, "na", audit_json(st, 8));
		json_array_append_new(ja, o);
	}
	db_reset(st);
	json_object_set_new(doc, "geschiedenis", ja);
	if (r != DB_DONE) {
		store_db_fail(s, "geschiedenis lezen", NULL, 0);
		goto out;
	}
	*json_out = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	rc = *json_out ? STORE_OK : STORE_ERR;
	if (rc == STORE_OK && export_audit(s, w, p.id) != STORE_OK) {
		free(*json_out);
		*json_out = NULL;
		rc = STORE_ERR;
	}
out:
	json_decref(doc);
	free(f);
	free(t);
	return rc;
}

int store_person_erase(struct store *s, const struct write_ctx *w, const char *key)
{
	struct person p;
	char base[40], nkey[96];
	int rc;

	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = store_person_get(s, key, &p)))
		goto out;
	if (p.erased) { /* already erased: nothing to do */
		store_tx_rollback(s);
		return STORE_OK;
	}
	rc = STORE_ERR;
	snprintf(base, sizeof base, "gewist-%lld", (long long)p.id);
	if (unique_person_key(s, base, nkey, sizeof nkey))
		goto out;
	/* scrub the trail first: it finds the rows by the old key */
	db_stmt *st = store_stmt(
	    s, "UPDATE audit_event SET "
	       "\"before\" = CASE WHEN \"before\" IS NULL THEN NULL ELSE '" ERASED_IMAGE "' END, "
	       "\"after\" = CASE WHEN \"after\" IS NULL THEN NULL ELSE '" ERASED_IMAGE "' END, "
	       "entity_key = CASE WHEN entity = 'person' THEN ?3 ELSE entity_key END "
	       "WHERE " PERSON_AUDIT_WHERE);
	if (!st)
		goto out;
	db_bind_text(st, 1, p.key, -1, DB_STATIC);
	db_bind_int64(st, 2, p.id);
	db_bind_text(st, 3, nkey, -1, DB_STATIC);
	if (store_step_done(s, st, "geschiedenis wissen", NULL, 0))
		goto out;
	st = store_stmt(s, "UPDATE person SET key = ?, name = '" ERASED_NAME "', party = '', "
			   "email = '', phone = '', note = '', erased = 1, confirmed_by = '', "
			   "version = version + 1 WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, nkey, -1, DB_STATIC);
	db_bind_int64(st, 2, p.id);
	if (store_step_done(s, st, "persoon wissen", NULL, 0) ||
	    store_write_finish(s, w, "erase", "person", nkey, NULL, ERASED_IMAGE))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* ------------------------------------------------- role assessments */

static const char assessment_select[] =
    "SELECT a.id, a.participation_id, c.key, o.code, o.name, a.assessed_on, "
    "a.score_rechtmatig, a.score_presterend, a.score_samenwerkend, a.score_responsief, "
    "a.note, a.actor FROM role_assessment a JOIN participation pa ON pa.id = a.participation_id "
    "JOIN collaboration c ON c.id = pa.collaboration_id "
    "JOIN organisation o ON o.id = pa.organisation_id ";

static void read_assessment(db_stmt *st, void *dst)
{
	struct role_assessment *a = dst;
	a->id = db_column_int64(st, 0);
	a->participation_id = db_column_int64(st, 1);
	CPY(a->collab_key, store_col_text(st, 2));
	CPY(a->org_code, store_col_text(st, 3));
	CPY(a->org_name, store_col_text(st, 4));
	CPY(a->date, store_col_text(st, 5));
	for (int i = 0; i < PERSP_COUNT; i++)
		a->scores[i] = db_column_int(st, 6 + i);
	CPY(a->note, store_col_text(st, 10));
	CPY(a->actor, store_col_text(st, 11));
}

int store_assessments_of_collab(struct store *s, const char *collab_key,
				struct role_assessment **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%sWHERE c.key = ? ORDER BY a.assessed_on, a.id", assessment_select);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	buf_free(&sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(collab_key), -1, DB_TRANSIENT);
	return collect(s, st, sizeof **out, read_assessment, (void **)out, n);
}

int store_assessments_all(struct store *s, struct role_assessment **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%sORDER BY a.participation_id, a.assessed_on, a.id", assessment_select);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	buf_free(&sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERR;
	return collect(s, st, sizeof **out, read_assessment, (void **)out, n);
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

	errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_assessment_input(in, ctx_today(w, tb), scores, e);
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
	db_bind_text(st, 9, ctx_today(w, tb), -1, DB_STATIC);
	db_bind_text(st, 10, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "rolbeoordeling toevoegen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	snprintf(key, sizeof key, "%s/%lld", ckey, (long long)id);
	json_t *o = json_object();
	jset(o, "samenwerkingsverband", ckey);
	jset(o, "organisatie", ocode);
	json_object_set_new(o, "deelname", json_integer(participation_id));
	jset(o, "datum", in->date);
	for (int i = 0; i < PERSP_COUNT; i++)
		json_object_set_new(o, perspective_labels[i].api, json_integer(scores[i]));
	jset(o, "toelichting", in->note);
	after = dump(o);
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

/* ------------------------------------------------------ phase history */

static void read_phase(db_stmt *st, void *dst)
{
	struct phase_event *p = dst;
	p->id = db_column_int64(st, 0);
	CPY(p->collab_key, store_col_text(st, 1));
	int ph = label_from_db(phase_labels, PHASE_COUNT, store_col_text(st, 2));
	p->phase = ph >= 0 ? ph : PHASE_UNKNOWN;
	CPY(p->process_phase, store_col_text(st, 3));
	CPY(p->date, store_col_text(st, 4));
	CPY(p->note, store_col_text(st, 5));
}

int store_phases_of_collab(struct store *s, const char *collab_key, struct phase_event **out,
			   int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    store_stmt(s, "SELECT e.id, c.key, e.phase, e.process_phase, e.occurred_on, e.note "
			  "FROM phase_event e JOIN collaboration c ON c.id = e.collaboration_id "
			  "WHERE c.key = ? ORDER BY e.occurred_on, e.id");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(collab_key), -1, DB_TRANSIENT);
	return collect(s, st, sizeof **out, read_phase, (void **)out, n);
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

	errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_phase_input(in, e);
	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = collab_lookup(s, collab_key, &c)))
		goto out;
	rc = STORE_ERR;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	const char *phase_db = db_of(phase_labels, PHASE_COUNT, in->phase);
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
	db_bind_text(st, 6, ctx_today(w, tb), -1, DB_STATIC);
	db_bind_text(st, 7, store_ctx_actor(w), -1, DB_STATIC);
	if (store_step_done(s, st, "fase toevoegen", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	snprintf(key, sizeof key, "%s/%lld", c.key, (long long)id);
	json_t *o = json_object();
	jset(o, "samenwerkingsverband", c.key);
	jset(o, "fase", api_of(phase_labels, PHASE_COUNT, phase_db));
	jset(o, "procesfase", in->process_phase);
	jset(o, "datum", in->date);
	jset(o, "toelichting", in->note);
	after = dump(o);
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

/* --------------------------------------------------------- agreements */

static const char agreement_select[] =
    "SELECT g.id, c.key, g.title, g.description, g.parties, g.since, g.status, g.document_url, "
    "g.version FROM agreement g JOIN collaboration c ON c.id = g.collaboration_id ";

static void read_agreement(db_stmt *st, void *dst)
{
	struct agreement *g = dst;
	g->id = db_column_int64(st, 0);
	CPY(g->collab_key, store_col_text(st, 1));
	CPY(g->title, store_col_text(st, 2));
	CPY(g->description, store_col_text(st, 3));
	CPY(g->parties, store_col_text(st, 4));
	CPY(g->since, store_col_text(st, 5));
	int k = label_from_db(agreement_status_labels, AGR_COUNT, store_col_text(st, 6));
	g->status = k >= 0 ? (enum agreement_status)k : AGR_VOORGESTELD;
	CPY(g->document_url, store_col_text(st, 7));
	g->version = db_column_int64(st, 8);
}

int store_agreements_of_collab(struct store *s, const char *collab_key, struct agreement **out,
			       int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%sWHERE c.key = ? ORDER BY g.since DESC, g.id", agreement_select);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	buf_free(&sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(collab_key), -1, DB_TRANSIENT);
	return collect(s, st, sizeof **out, read_agreement, (void **)out, n);
}

static char *agreement_image(const char *collab_key, const struct agreement_input *m)
{
	json_t *o = json_object();
	jset(o, "samenwerkingsverband", collab_key);
	jset(o, "titel", m->title);
	jset(o, "omschrijving", m->description);
	jset(o, "partijen", m->parties);
	jset(o, "sinds", m->since);
	jset(o, "status", m->status);
	jset(o, "document", m->document_url);
	return dump(o);
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
		int r = org_lookup(s, codes[i], &o);
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

	errs_reset(e);
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
	if ((rc = collab_lookup(s, collab_key, &c)))
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
	db_bind_text(st, 6, db_of(agreement_status_labels, AGR_COUNT, m.status), -1,
			  DB_STATIC);
	db_bind_text(st, 7, m.document_url, -1, DB_STATIC);
	db_bind_text(st, 8, ctx_today(w, tb), -1, DB_STATIC);
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

	errs_reset(e);
	if (store_write_begin(s))
		return STORE_ERR;
	buf_printf(&sql, "%sWHERE g.id = ?", agreement_select);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	if (collect(s, st, sizeof *g, read_agreement, (void **)&g, &n))
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
	db_bind_text(st, 5, db_of(agreement_status_labels, AGR_COUNT, m.status), -1,
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
	free(g);
	free(before);
	free(after);
	return rc;
}
