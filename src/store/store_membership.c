/*
 * store_membership — dated memberships of a person: offices (a function at
 * an organisation) and seats (a place in a body of a collaboration on
 * behalf of an organisation): lists, add with overlap checks, end.
 * Audit entity "office" with entity_key "<org code>/<id>", "seat" with
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

/* ------------------------------------------------------------ offices */

static const char office_select[] =
    "SELECT f.id, f.person_id, p.key, p.name, o.code, o.name, f.kind, f.portfolio, "
    "f.from_date, f.to_date, f.version, f.acting FROM office f JOIN person p ON p.id = "
    "f.person_id JOIN organisation o ON o.id = f.organisation_id ";

static void read_office(db_stmt *st, struct arena *a, void *dst)
{
	struct office *f = dst;
	f->id = db_column_int64(st, 0);
	f->person_id = db_column_int64(st, 1);
	f->person_key = arena_strdup(a, store_col_text(st, 2));
	f->person_name = arena_strdup(a, store_col_text(st, 3));
	f->org_code = arena_strdup(a, store_col_text(st, 4));
	f->org_name = arena_strdup(a, store_col_text(st, 5));
	int k = label_from_db(office_labels, OFFICE_COUNT, store_col_text(st, 6));
	f->kind = k >= 0 ? (enum office_kind)k : OFFICE_AMBTENAAR; /* unknown: never public */
	f->portfolio = arena_strdup(a, store_col_text(st, 7));
	f->from = arena_strdup(a, store_col_text(st, 8));
	f->to = arena_strdup(a, store_col_text(st, 9));
	f->version = db_column_int64(st, 10);
	f->acting = db_column_int(st, 11) != 0;
}

int store_offices_of_person(struct store *s, struct arena *a, const char *person_key,
			    struct office **out, int *n)
{
	return store_list(s, a, office_select,
			  "WHERE p.key = ?1 ORDER BY (f.to_date = '') DESC, f.to_date DESC, "
			  "f.from_date DESC, f.id",
			  field_nz(person_key), sizeof **out, read_office, (void **)out, n);
}

int store_offices_of_org(struct store *s, struct arena *a, const char *org_code,
			 struct office **out, int *n)
{
	return store_list(s, a, office_select,
			  "WHERE o.code = ?1 ORDER BY (f.to_date = '') DESC, f.kind, p.name, "
			  "f.from_date DESC, f.id",
			  field_nz(org_code), sizeof **out, read_office, (void **)out, n);
}

/* What the checks need to know about an organisation. */

/* Look up an organisation by code: STORE_OK, STORE_ERR_NOTFOUND or STORE_ERR. */
int store_org_lookup(struct store *s, const char *code, struct org_info *o)
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
void store_check_org_end(struct field_errors *e, const char *org_field, const struct org_info *o,
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
int store_person_for_write(struct store *s, struct arena *a, const char *key, struct person *p,
			   struct field_errors *e)
{
	int rc = store_person_get(s, a, key, p);
	if (rc == STORE_OK && p->erased)
		field_errors_add(e, "persoon", "Deze persoon is gewist; voeg geen gegevens toe.");
	return rc;
}

char *store_office_image(const char *person_key, const char *org_code, const char *kind,
			 bool acting, const char *portfolio, const char *from, const char *to)
{
	json_t *o = json_object();
	store_json_set(o, "persoon", person_key);
	store_json_set(o, "organisatie", org_code);
	store_json_set(o, "functie", kind);
	if (acting)
		json_object_set_new(o, "waarnemend", json_true());
	store_json_set(o, "portefeuille", portfolio);
	store_json_set(o, "van", from);
	store_json_set(o, "tot", to);
	return store_json_text(o);
}

/* The Dutch label of an office kind api value, lower case for sentences. */
static void lower_label(const char *label, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", label);
	if (out[0] >= 'A' && out[0] <= 'Z' && strncmp(label, "Commissaris", 11) != 0)
		out[0] = (char)(out[0] | 0x20);
}

/* -------------------------------------------- the dated-membership writer */

/*
 * Offices and seats are both dated memberships of a person: a row with a
 * person, a place (organisation / collaboration), a code (office kind /
 * seat body), an on-behalf organisation and a period. One writer adds them
 * (overlap check, insert, audit) and ends them (validate the end date
 * against the period and the organisation's end, update, audit); the table
 * below holds what differs.
 */
struct dated_kind {
	const char *entity;	 /* table and audit entity: "office", "seat" */
	const char *org_field;	 /* input field of the organisation: "organisatie", "namens" */
	const char *overlap_sql; /* from_date, to_date of ?1 person, ?2 place, ?3 code */
	const char *insert_sql;	 /* ?1 person, ?2 place, ?3 code, ?4 extra, ?5 from, ?6 to */
	bool extra_is_id;	 /* ?4 is an id (seat: on-behalf organisation), else text */
	bool has_acting;	 /* ?7 is the acting flag (office) */
	const char *load_sql;	 /* one row by ?1 id, read by read() */
	size_t row_size;
	void (*read)(db_stmt *, struct arena *, void *);
	/* the period, organisation and audit key prefix of a loaded row */
	void (*view)(const void *row, const char **from, const char **to, const char **org_code,
		     const char **place_key);
	/* the audit image of a loaded row with end date `to` (malloc'd) */
	char *(*image)(const void *row, const char *to);
	const char *add_what, *check_what, *end_what; /* log wording */
};

/* A new membership as the writer inserts it. */
struct dated_row {
	int64_t person_id, place_id;
	const char *code;	/* db code of the kind / body */
	bool acting;		/* office: waarnemend */
	const char *extra_text; /* office: portfolio */
	int64_t extra_id;	/* seat: on-behalf organisation */
	const char *from, *to;
};

/* Inside the write transaction: does r overlap a period of the same person,
 * place and code? 1 with that period in f/t, 0, or STORE_ERR. */
static int dated_overlap(struct store *s, const struct dated_kind *k, const struct dated_row *r,
			 char f[11], char t[11])
{
	db_stmt *st = store_stmt(s, k->overlap_sql);
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, r->person_id);
	db_bind_int64(st, 2, r->place_id);
	db_bind_text(st, 3, r->code, -1, DB_STATIC);
	int rc, found = 0;
	while (!found && (rc = db_step(st)) == DB_ROW) {
		const char *a = store_col_text(st, 0), *b = store_col_text(st, 1);
		if (periods_overlap(r->from, r->to, a, b)) {
			snprintf(f, 11, "%s", *a ? a : "onbekend");
			snprintf(t, 11, "%s", *b ? b : "heden");
			found = 1;
		}
	}
	if (found)
		rc = DB_DONE;
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, k->check_what, NULL, 0);
	return found;
}

/* Inside the write transaction: insert r, audit it (key
 * "<place_key>/<id>", image after) and commit. */
static int dated_insert(struct store *s, const struct write_ctx *w, const struct dated_kind *k,
			const struct dated_row *r, const char *place_key, const char *after,
			int64_t *id_out)
{
	db_stmt *st = store_stmt(s, k->insert_sql);
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, r->person_id);
	db_bind_int64(st, 2, r->place_id);
	db_bind_text(st, 3, r->code, -1, DB_STATIC);
	if (k->extra_is_id)
		db_bind_int64(st, 4, r->extra_id);
	else
		db_bind_text(st, 4, r->extra_text, -1, DB_STATIC);
	db_bind_text(st, 5, r->from, -1, DB_STATIC);
	db_bind_text(st, 6, r->to, -1, DB_STATIC);
	if (k->has_acting)
		db_bind_int(st, 7, r->acting ? 1 : 0);
	if (store_step_done(s, st, k->add_what, NULL, 0))
		return STORE_ERR;
	int64_t id = db_last_insert_id(s);
	char key[128];
	snprintf(key, sizeof key, "%s/%lld", place_key, (long long)id);
	if (store_write_finish(s, w, "insert", k->entity, key, NULL, after))
		return STORE_ERR;
	if (id_out)
		*id_out = id;
	return STORE_OK;
}

/* End membership id of kind k on `to`: one write transaction. */
static int dated_end(struct store *s, const struct write_ctx *w, const struct dated_kind *k,
		     int64_t id, const char *to, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	void *row = NULL;
	int n = 0;
	struct org_info o;
	char *before = NULL, *after = NULL, key[128];
	int rc = STORE_ERR;

	store_errs_reset(e);
	if (store_write_begin(s))
		return STORE_ERR;
	struct arena *a = arena_new();
	db_stmt *st = store_stmt(s, k->load_sql);
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	if (store_collect(s, a, st, k->row_size, k->read, &row, &n))
		goto out;
	if (n == 0) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	const char *from, *old_to, *org_code, *place_key;
	k->view(row, &from, &old_to, &org_code, &place_key);
	validate_end_date(from, to, e);
	if (!e->n) {
		if (store_org_lookup(s, org_code, &o))
			goto out;
		store_check_org_end(e, k->org_field, &o, from, to);
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	if (strcmp(old_to, to) == 0) { /* nothing changed */
		store_tx_rollback(s);
		rc = STORE_OK;
		goto done;
	}
	before = k->image(row, old_to);
	after = k->image(row, to);
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE %s SET to_date = ?, version = version + 1 WHERE id = ?",
		 k->entity);
	st = store_stmt(s, sql);
	if (!st)
		goto out;
	db_bind_text(st, 1, to, -1, DB_STATIC);
	db_bind_int64(st, 2, id);
	snprintf(key, sizeof key, "%s/%lld", place_key, (long long)id);
	if (store_step_done(s, st, k->end_what, NULL, 0) ||
	    store_write_finish(s, w, "update", k->entity, key, before, after))
		goto out;
	rc = STORE_OK;
	goto done;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
done:
	arena_free(a);
	free(before);
	free(after);
	return rc;
}

/* --------------------------------------------------------- office writes */

static void office_view(const void *row, const char **from, const char **to, const char **org_code,
			const char **place_key)
{
	const struct office *f = row;
	*from = f->from;
	*to = f->to;
	*org_code = f->org_code;
	*place_key = f->org_code;
}

static char *office_row_image(const void *row, const char *to)
{
	const struct office *f = row;
	return store_office_image(f->person_key, f->org_code, office_labels[f->kind].api, f->acting,
				  f->portfolio, f->from, to);
}

static const struct dated_kind office_kind = {
    .entity = "office",
    .org_field = "organisatie",
    .overlap_sql = "SELECT from_date, to_date FROM office WHERE person_id = ?1 AND "
		   "organisation_id = ?2 AND kind = ?3",
    .insert_sql = "INSERT INTO office (person_id, organisation_id, kind, portfolio, from_date, "
		  "to_date, version, acting) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)",
    .extra_is_id = false,
    .has_acting = true,
    .load_sql = "SELECT f.id, f.person_id, p.key, p.name, o.code, o.name, f.kind, f.portfolio, "
		"f.from_date, f.to_date, f.version, f.acting FROM office f JOIN person p ON p.id = "
		"f.person_id JOIN organisation o ON o.id = f.organisation_id WHERE f.id = ?",
    .row_size = sizeof(struct office),
    .read = read_office,
    .view = office_view,
    .image = office_row_image,
    .add_what = "functie toevoegen",
    .check_what = "functies controleren",
    .end_what = "functie beëindigen",
};

int store_office_add(struct store *s, const struct write_ctx *w, const char *person_key,
		     const struct office_input *in, int64_t *id_out, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct office_input m = {field_nz(in->org_code),  field_nz(in->kind),
				 field_nz(in->portfolio), field_nz(in->from),
				 field_nz(in->to),	  in->acting};
	struct person p;
	struct org_info o;
	char *after = NULL;
	int rc = STORE_ERR;
	struct arena *a = NULL;

	store_errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_office_input(&m, e);
	if (store_write_begin(s))
		return STORE_ERR;
	a = arena_new();
	if ((rc = store_person_for_write(s, a, person_key, &p, e)))
		goto out;
	rc = STORE_ERR;
	bool have_org = false;
	if (!field_errors_get(e, "organisatie")) {
		int r = store_org_lookup(s, m.org_code, &o);
		if (r == STORE_ERR)
			goto out;
		if (r == STORE_ERR_NOTFOUND)
			field_errors_add(e, "organisatie", "Deze organisatie is onbekend.");
		else
			have_org = true;
	}
	bool dates_ok = !field_errors_get(e, "van") && !field_errors_get(e, "tot");
	if (have_org && dates_ok)
		store_check_org_end(e, "organisatie", &o, m.from, m.to);
	int kind = label_from_api(office_labels, OFFICE_COUNT, m.kind);
	struct dated_row r = {.person_id = p.id,
			      .place_id = have_org ? o.id : 0,
			      .code = kind >= 0 ? office_labels[kind].db : "",
			      .extra_text = m.portfolio,
			      .acting = in->acting,
			      .from = m.from,
			      .to = m.to};
	if (have_org && dates_ok && kind >= 0 && !field_errors_get(e, "van")) {
		char f[11], t[11];
		int ov = dated_overlap(s, &office_kind, &r, f, t);
		if (ov < 0)
			goto out;
		if (ov) {
			char what[64];
			lower_label(office_labels[kind].label, what, sizeof what);
			field_errors_add(
			    e, "van", "Deze persoon is in deze periode al %s bij %s (%s tot %s).",
			    what, o.name, f, t);
		}
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	after = store_office_image(p.key, o.code, office_labels[kind].api, in->acting, m.portfolio,
				   m.from, m.to);
	rc = dated_insert(s, w, &office_kind, &r, o.code, after, id_out);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	arena_free(a);
	return rc;
}

int store_office_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		     struct field_errors *errs)
{
	return dated_end(s, w, &office_kind, id, to, errs);
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

static void read_seat(db_stmt *st, struct arena *a, void *dst)
{
	struct seat *t = dst;
	t->id = db_column_int64(st, 0);
	t->person_id = db_column_int64(st, 1);
	t->person_key = arena_strdup(a, store_col_text(st, 2));
	t->person_name = arena_strdup(a, store_col_text(st, 3));
	t->collab_key = arena_strdup(a, store_col_text(st, 4));
	t->collab_name = arena_strdup(a, store_col_text(st, 5));
	t->org_code = arena_strdup(a, store_col_text(st, 6));
	t->org_name = arena_strdup(a, store_col_text(st, 7));
	int b = label_from_db(seat_body_labels, SEAT_BODY_COUNT, store_col_text(st, 8));
	t->body = b >= 0 ? (enum seat_body)b : SEAT_BESTUUR;
	t->from = arena_strdup(a, store_col_text(st, 9));
	t->to = arena_strdup(a, store_col_text(st, 10));
	t->version = db_column_int64(st, 11);
}

int store_seats_of_person(struct store *s, struct arena *a, const char *person_key,
			  struct seat **out, int *n)
{
	return store_list(s, a, seat_select,
			  "WHERE p.key = ?1 ORDER BY (t.to_date = '') DESC, t.to_date DESC, "
			  "t.from_date DESC, t.id",
			  field_nz(person_key), sizeof **out, read_seat, (void **)out, n);
}

int store_seats_of_collab(struct store *s, struct arena *a, const char *collab_key,
			  struct seat **out, int *n)
{
	return store_list(s, a, seat_select,
			  "WHERE c.key = ?1 ORDER BY (t.to_date = '') DESC, " SEAT_BODY_ORDER
			  ", p.name, t.from_date DESC, t.id",
			  field_nz(collab_key), sizeof **out, read_seat, (void **)out, n);
}

int store_seats_of_org(struct store *s, struct arena *a, const char *org_code, struct seat **out,
		       int *n)
{
	return store_list(
	    s, a, seat_select,
	    "WHERE o.code = ?1 ORDER BY (t.to_date = '') DESC, c.name, " SEAT_BODY_ORDER
	    ", p.name, t.id",
	    field_nz(org_code), sizeof **out, read_seat, (void **)out, n);
}

int store_seats_all(struct store *s, struct arena *a, struct seat **out, int *n)
{
	return store_list(s, a, seat_select, "ORDER BY p.name, p.id, c.name, t.from_date, t.id",
			  NULL, sizeof **out, read_seat, (void **)out, n);
}

/* What the seat checks need to know about a collaboration. */

int store_collab_lookup(struct store *s, const char *key, struct collab_info *c)
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
int store_participates(struct store *s, int64_t collab_id, int64_t org_id, const char *from,
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
	store_json_set(o, "persoon", person_key);
	store_json_set(o, "samenwerkingsverband", collab_key);
	store_json_set(o, "namens", org_code);
	store_json_set(o, "orgaan", body);
	store_json_set(o, "van", from);
	store_json_set(o, "tot", to);
	return store_json_text(o);
}

/* ----------------------------------------------------------- seat writes */

static void seat_view(const void *row, const char **from, const char **to, const char **org_code,
		      const char **place_key)
{
	const struct seat *t = row;
	*from = t->from;
	*to = t->to;
	*org_code = t->org_code;
	*place_key = t->collab_key;
}

static char *seat_row_image(const void *row, const char *to)
{
	const struct seat *t = row;
	return seat_image(t->person_key, t->collab_key, t->org_code, seat_body_labels[t->body].api,
			  t->from, to);
}

static const struct dated_kind seat_kind = {
    .entity = "seat",
    .org_field = "namens",
    .overlap_sql = "SELECT from_date, to_date FROM seat WHERE person_id = ?1 AND "
		   "collaboration_id = ?2 AND body = ?3",
    .insert_sql = "INSERT INTO seat (person_id, collaboration_id, body, organisation_id, "
		  "from_date, to_date, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
    .extra_is_id = true,
    .load_sql = NULL, /* seat_select + WHERE, set in seat_kind_of() */
    .row_size = sizeof(struct seat),
    .read = read_seat,
    .view = seat_view,
    .image = seat_row_image,
    .add_what = "zetel toevoegen",
    .check_what = "zetels controleren",
    .end_what = "zetel beëindigen",
};

int store_seat_add(struct store *s, const struct write_ctx *w, const char *person_key,
		   const struct seat_input *in, int64_t *id_out, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct seat_input m = {field_nz(in->collab_key), field_nz(in->org_code), field_nz(in->body),
			       field_nz(in->from), field_nz(in->to)};
	struct person p;
	struct collab_info c;
	struct org_info o;
	char *after = NULL;
	int rc = STORE_ERR;
	struct arena *a = NULL;

	store_errs_reset(e);
	if (id_out)
		*id_out = 0;
	validate_seat_input(&m, e);
	if (store_write_begin(s))
		return STORE_ERR;
	a = arena_new();
	if ((rc = store_person_for_write(s, a, person_key, &p, e)))
		goto out;
	rc = STORE_ERR;
	bool dates_ok = !field_errors_get(e, "van") && !field_errors_get(e, "tot");
	bool have_collab = false, have_org = false;
	if (!field_errors_get(e, "samenwerkingsverband")) {
		int r = store_collab_lookup(s, m.collab_key, &c);
		if (r == STORE_ERR)
			goto out;
		if (r == STORE_ERR_NOTFOUND)
			field_errors_add(e, "samenwerkingsverband",
					 "Dit samenwerkingsverband is onbekend.");
		else
			have_collab = true;
	}
	if (!field_errors_get(e, "namens")) {
		int r = store_org_lookup(s, m.org_code, &o);
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
		int r = store_participates(s, c.id, o.id, m.from, m.to);
		if (r < 0)
			goto out;
		if (!r)
			field_errors_add(e, "namens",
					 "%s neemt (in deze periode) niet deel aan %s.", o.name,
					 c.name);
	}
	if (have_org && dates_ok)
		store_check_org_end(e, "namens", &o, m.from, m.to);
	if (have_collab && dates_ok && *c.end_date && *m.from && strcmp(m.from, c.end_date) > 0)
		field_errors_add(e, "van",
				 "%s is beëindigd per %s; de zetel kan niet later beginnen.",
				 c.name, c.end_date);
	struct dated_row r = {.person_id = p.id,
			      .place_id = have_collab ? c.id : 0,
			      .code = body >= 0 ? seat_body_labels[body].db : "",
			      .extra_id = have_org ? o.id : 0,
			      .from = m.from,
			      .to = m.to};
	if (have_collab && dates_ok && body >= 0 && !field_errors_get(e, "van")) {
		char f[11], t[11];
		int ov = dated_overlap(s, &seat_kind, &r, f, t);
		if (ov < 0)
			goto out;
		if (ov)
			field_errors_add(e, "van",
					 "Deze persoon zit in deze periode al in dit orgaan "
					 "(%s) van %s (%s tot %s).",
					 seat_body_labels[body].label, c.name, f, t);
	}
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	after = seat_image(p.key, c.key, o.code, seat_body_labels[body].api, m.from, m.to);
	rc = dated_insert(s, w, &seat_kind, &r, c.key, after, id_out);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	arena_free(a);
	return rc;
}

int store_seat_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		   struct field_errors *errs)
{
	struct dated_kind k = seat_kind;
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%sWHERE t.id = ?", seat_select);
	k.load_sql = sql.data ? sql.data : "";
	int rc = dated_end(s, w, &k, id, to, errs);
	buf_free(&sql);
	return rc;
}
