/*
 * store_person — people: read, list, create, update, the export of
 * everything stored about a person (with its audit event) and erasure.
 * Audit entity "person", entity_key the person key. An erasure replaces the
 * images of the person's own rows (person, office, seat) by
 * {"gewist": true}, renames the person's key to "gewist-<id>" (the old key
 * is derived from the name) and adds one "erase" event.

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
#include "store_persoonsgegevens.h"
#include "store_people_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../domain/slug.h"

#define ERASED_NAME "onbekende persoon"
#define ERASED_IMAGE "{\"gewist\": true}"

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

static void read_person(db_stmt *st, struct arena *a, void *dst)
{
	struct person *p = dst;
	p->id = db_column_int64(st, 0);
	p->key = arena_strdup(a, store_col_text(st, 1));
	p->name = arena_strdup(a, store_col_text(st, 2));
	p->party = arena_strdup(a, store_col_text(st, 3));
	p->email = arena_strdup(a, store_col_text(st, 4));
	p->phone = arena_strdup(a, store_col_text(st, 5));
	p->note = arena_strdup(a, store_col_text(st, 6));
	p->erased = db_column_int(st, 7) != 0;
	p->has_public_office = db_column_int(st, 8) != 0;
	p->version = db_column_int64(st, 9);
	p->last_confirmed = arena_strdup(a, store_col_text(st, 10));
	p->confirmed_by = arena_strdup(a, store_col_text(st, 11));
}

int store_person_get(struct store *s, struct arena *a, const char *key, struct person *out)
{
	if (!s) {
		memset(out, 0, sizeof *out);
		return STORE_ERR;
	}
	memset(out, 0, sizeof *out);
	db_stmt *st = store_stmt(s, "SELECT p.id, p.key, p.name, p.party, p.email, p.phone, "
				    "p.note, p.erased, EXISTS (SELECT 1 FROM office f WHERE "
				    "f.person_id = p.id AND f.kind <> 'ambtenaar'), "
				    "p.version, p.last_confirmed, p.confirmed_by FROM person p "
				    "WHERE p.key = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, field_nz(key), -1, DB_TRANSIENT);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_person(st, a, out);
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

int store_person_list(struct store *s, struct arena *a, struct person **out, int *n)
{
	if (!s) { /* no connection (e.g. store_thread() failed) */
		*out = NULL;
		*n = 0;
		return STORE_ERR;
	}
	db_stmt *st = store_stmt(s, person_select);
	if (!st)
		return STORE_ERR;
	int rc = store_collect(s, a, st, sizeof **out, read_person, (void **)out, n);
	if (rc == STORE_OK && *n > 1)
		qsort(*out, (size_t)*n, sizeof **out, cmp_person);
	return rc;
}

/* The audit image of a person. */
static char *person_image(const struct person_input *m)
{
	json_t *o = json_object();
	store_json_set(o, "naam", m->name);
	store_json_set(o, "partij", m->party);
	store_json_set(o, "email", m->email);
	store_json_set(o, "telefoon", m->phone);
	store_json_set(o, "opmerking", m->note);
	return store_json_text(o);
}

int store_person_create(struct store *s, const struct write_ctx *w, const struct person_input *in,
			char *key_out, size_t keylen, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct person_input m = {field_nz(in->name), field_nz(in->party), field_nz(in->email),
				 field_nz(in->phone), field_nz(in->note)};
	char base[KEY_BASE_MAX + 1], key[96], tb[11];
	char *after = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
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
	db_bind_text(st, 7, store_ctx_today(w, tb), -1, DB_STATIC);
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

static int person_update_in(struct store *s, struct arena *a, const struct write_ctx *w,
			    const char *key, int64_t expected_version,
			    const struct person_input *in, struct field_errors *errs,
			    int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct person p;
	char *before = NULL, *after = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = store_person_get(s, a, key, &p)))
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

int store_person_update(struct store *s, const struct write_ctx *w, const char *key,
			int64_t expected_version, const struct person_input *in,
			struct field_errors *errs, int64_t *current_version)
{
	struct arena *a = arena_new();
	int rc = person_update_in(s, a, w, key, expected_version, in, errs, current_version);
	arena_free(a);
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

int store_person_export(struct store *s, struct arena *out, const char *key, const char **json_out)
{
	return store_person_export_by(s, out, NULL, key, json_out);
}

/* The audit event of an export: who exported whose data (the person's id). */
static int export_audit(struct store *s, const struct write_ctx *w, int64_t person_id)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)person_id);
	if (store_write_begin(s))
		return STORE_ERR;
	if (store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w), "update",
			      "person_export", id, NULL, "{\"export\":true}") ||
	    store_tx_commit(s, "export vastleggen", NULL, 0)) {
		store_tx_rollback(s);
		return STORE_ERR;
	}
	return STORE_OK;
}

int store_person_export_by(struct store *s, struct arena *out, const struct write_ctx *w,
			   const char *key, const char **json_out)
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
	struct arena *a = arena_new();
	if ((rc = store_person_get(s, a, key, &p)))
		goto out;
	rc = STORE_ERR;
	if (store_offices_of_person(s, a, p.key, &f, &nf) ||
	    store_seats_of_person(s, a, p.key, &t, &nt))
		goto out;
	doc = json_object();
	today_iso(today);
	store_json_set(doc, "exportdatum", today);
	json_t *jp = json_object();
	store_json_set(jp, "sleutel", p.key);
	store_json_set(jp, "naam", p.name);
	store_json_set(jp, "partij", p.party);
	store_json_set(jp, "email", p.email);
	store_json_set(jp, "telefoon", p.phone);
	store_json_set(jp, "opmerking", p.note);
	json_object_set_new(jp, "gewist", json_boolean(p.erased));
	json_object_set_new(jp, "versie", json_integer(p.version));
	store_json_set(jp, "laatstBevestigd", p.last_confirmed);
	store_json_set(jp, "bevestigdDoor", p.confirmed_by);
	json_object_set_new(doc, "persoon", jp);

	json_t *ja = json_array();
	for (int i = 0; i < nf; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(f[i].id));
		store_json_set(o, "organisatie", f[i].org_code);
		store_json_set(o, "organisatieNaam", f[i].org_name);
		store_json_set(o, "functie", office_labels[f[i].kind].api);
		json_object_set_new(o, "waarnemend", json_boolean(f[i].acting));
		store_json_set(o, "portefeuille", f[i].portfolio);
		store_json_set(o, "van", f[i].from);
		store_json_set(o, "tot", f[i].to);
		json_object_set_new(o, "versie", json_integer(f[i].version));
		json_array_append_new(ja, o);
	}
	json_object_set_new(doc, "functies", ja);

	ja = json_array();
	for (int i = 0; i < nt; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(t[i].id));
		store_json_set(o, "samenwerkingsverband", t[i].collab_key);
		store_json_set(o, "samenwerkingsverbandNaam", t[i].collab_name);
		store_json_set(o, "namens", t[i].org_code);
		store_json_set(o, "namensNaam", t[i].org_name);
		store_json_set(o, "orgaan", seat_body_labels[t[i].body].api);
		store_json_set(o, "van", t[i].from);
		store_json_set(o, "tot", t[i].to);
		json_object_set_new(o, "versie", json_integer(t[i].version));
		json_array_append_new(ja, o);
	}
	json_object_set_new(doc, "zetels", ja);

	/* event registrations under the person's address (a guest's, too) */
	struct personal_registration *g = NULL;
	int ng = 0;
	if (store_personal_registrations(s, a, p.email, &g, &ng))
		goto out;
	ja = json_array();
	for (int i = 0; i < ng; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(g[i].id));
		json_object_set_new(o, "bijeenkomst", json_integer(g[i].event_id));
		store_json_set(o, "bijeenkomstTitel", g[i].event_title);
		store_json_set(o, "begin", g[i].starts_at);
		store_json_set(o, "naam", g[i].name);
		store_json_set(o, "email", g[i].email);
		store_json_set(o, "organisatie", g[i].organisation);
		store_json_set(o, "status", g[i].status);
		json_object_set_new(o, "naamZichtbaar", json_boolean(g[i].show_name));
		store_json_set(o, "aangemeld", g[i].created_at);
		json_array_append_new(ja, o);
	}
	json_object_set_new(doc, "aanmeldingen", ja);

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
		store_json_set(o, "tijdstip", store_col_text(st, 1));
		store_json_set(o, "door", store_col_text(st, 2));
		store_json_set(o, "via", store_col_text(st, 3));
		store_json_set(o, "actie", store_col_text(st, 4));
		store_json_set(o, "soort", store_col_text(st, 5));
		store_json_set(o, "sleutel", store_col_text(st, 6));
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
	char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	rc = text ? STORE_OK : STORE_ERR;
	if (rc == STORE_OK && export_audit(s, w, p.id) != STORE_OK)
		rc = STORE_ERR;
	if (rc == STORE_OK)
		*json_out = arena_strdup(out, text);
	free(text);
out:
	json_decref(doc);
	arena_free(a);
	return rc;
}

static int person_erase_in(struct store *s, struct arena *a, const struct write_ctx *w,
			   const char *key)
{
	struct person p;
	char base[40], nkey[96];
	int rc;

	if (store_write_begin(s))
		return STORE_ERR;
	if ((rc = store_person_get(s, a, key, &p)))
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
	int erased_regs = 0; /* the registrations under the address go too */
	if (store_personal_registrations_erase_in(s, p.email, &erased_regs))
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

int store_person_erase(struct store *s, const struct write_ctx *w, const char *key)
{
	struct arena *a = arena_new();
	int rc = person_erase_in(s, a, w, key);
	arena_free(a);
	return rc;
}
