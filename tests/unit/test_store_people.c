/*
 * test_store_people — people, offices, seats, role assessments, phase
 * history and agreements through store_people.h against the fictional
 * seed plus two fictional collaborations made here (a gemeenschappelijk
 * orgaan and a centrumgemeenteconstructie), with clearly fictional people
 * ("Jan Testpersoon", "Els Voorbeeld (ambtenaar)"). Every write and its
 * validation; nothing written on failure (rows, versions, audit events and
 * data_version compared before/after); the export JSON; erasure; hostile
 * text stored unchanged; migration 3 (tables, the 'erase' audit action).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/store/store.h"
#include "../../src/store/store_people.h"
#include "../../src/store/store_write.h"
#include "../../src/domain/validate_write.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#include <jansson.h>

#define TODAY "2025-03-01"
#define HOSTILE "<script>alert(\"x\")</script> & 'quotes' \"dubbel\""
#define OL "gr-testregio-afval" /* openbaar lichaam; gm9998, gm9999, gm9997 (ended), pv99 */

/* The optional collaboration fields as "" (store_collab_create with NULL
 * optional fields reads freed memory in store_write_sqlite.c; reported). */
#define ALL_EMPTY                                                                                  \
	.short_name = "", .powers = "", .phase = "", .purpose = "", .seat = "", .end_date = "",    \
	.website = "", .note = "", .source_key = ""

struct fx {
	struct arena *a; /* owns what the store's read functions return */
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
	char go[96], cc[96]; /* keys of the GO and CC collaborations */
};

static struct fx *F;

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
	f->w = (struct write_ctx){"gebruiker:jan", "web", TODAY};
	/* a gemeenschappelijk orgaan and a centrumgemeenteconstructie, both
	 * with Testdorp (gm9998) as participant since 2018 */
	struct field_errors e;
	struct collab_input go = {.name = "Testorgaan Belastingen",
				  .kind = "wgr",
				  .legal_form = "GO",
				  .domains = "afval",
				  .start_date = "2018-01-01",
				  ALL_EMPTY};
	struct collab_input cc = {.name = "Centrumregeling Testdorp",
				  .kind = "wgr",
				  .legal_form = "CC",
				  .domains = "sociaal-domein",
				  .start_date = "2018-01-01",
				  ALL_EMPTY};
	struct part_input p = {.org_code = "gm9998",
			       .body = "",
			       .role = "deelnemer",
			       .cost_share = "",
			       .contribution = "",
			       .joined = "2018-01-01",
			       .left = "",
			       .note = ""};
	int64_t id;
	if (store_collab_create(f->s, &f->w, &go, f->go, sizeof f->go, &e) ||
	    store_collab_create(f->s, &f->w, &cc, f->cc, sizeof f->cc, &e) ||
	    store_part_create(f->s, &f->w, f->go, &p, &id, &e) ||
	    store_part_create(f->s, &f->w, f->cc, &p, &id, &e)) {
		fprintf(stderr, "setup: fixture collaborations failed (%d errors: %s %s)\n", e.n,
			e.n ? e.e[0].field : "", e.n ? e.e[0].message : "");
		return -1;
	}
	F = f;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_store_free(f);
	arena_free(f->a);
	free(f);
	return 0;
}

static long long q(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

/* A fingerprint of everything a people write may touch. */
static long long state_sum(struct fx *f)
{
	return q(
	    f, "SELECT (SELECT count(*) FROM audit_event) * 1000000 + "
	       "(SELECT count(*) FROM person) * 10000 + (SELECT count(*) FROM office) * 1000 + "
	       "(SELECT count(*) FROM seat) * 100 + (SELECT count(*) FROM role_assessment) * 10 + "
	       "(SELECT count(*) FROM phase_event) + (SELECT count(*) FROM agreement) * 3 + "
	       "coalesce((SELECT sum(version) FROM person), 0) * 11 + "
	       "coalesce((SELECT sum(version) FROM office), 0) * 13 + "
	       "coalesce((SELECT sum(version) FROM seat), 0) * 17 + "
	       "coalesce((SELECT sum(version) FROM agreement), 0) * 19 + "
	       "coalesce((SELECT sum(length(to_date)) FROM office), 0) * 23 + "
	       "coalesce((SELECT sum(length(to_date)) FROM seat), 0) * 29 + "
	       "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version') * 7");
}

static void expect_field(const struct field_errors *e, const char *field)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0) {
			assert_true(strlen(e->e[i].message) > 5);
			return;
		}
	print_error("no error for field %s (%d errors:", field, e->n);
	for (int i = 0; i < e->n; i++)
		print_error(" %s=%s", e->e[i].field, e->e[i].message);
	print_error(")\n");
	fail();
}

static void make_person(struct fx *f, const char *name, char *key, size_t keylen)
{
	struct field_errors e;
	struct person_input in = {.name = name};
	assert_int_equal(store_person_create(f->s, &f->w, &in, key, keylen, &e), STORE_OK);
}

static int64_t add_office(struct fx *f, const char *person, const char *org, const char *kind,
			  const char *from, const char *to, struct field_errors *e)
{
	struct office_input in = {.org_code = org, .kind = kind, .from = from, .to = to};
	int64_t id = 0;
	int rc = store_office_add(f->s, &f->w, person, &in, &id, e);
	return rc == STORE_OK ? id : rc;
}

static int64_t add_seat(struct fx *f, const char *person, const char *collab, const char *org,
			const char *body, const char *from, const char *to, struct field_errors *e)
{
	struct seat_input in = {
	    .collab_key = collab, .org_code = org, .body = body, .from = from, .to = to};
	int64_t id = 0;
	int rc = store_seat_add(f->s, &f->w, person, &in, &id, e);
	return rc == STORE_OK ? id : rc;
}

/* --------------------------------------------------------------- schema */

static void test_migration(void **state)
{
	struct fx *f = *state;
	assert_true(q(f, "PRAGMA user_version") >= 3); /* later migrations may follow */
	const char *tables[] = {"person",	   "office",	  "seat",
				"role_assessment", "phase_event", "agreement"};
	for (int i = 0; i < 6; i++) {
		char sql[200];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
			 tables[i]);
		assert_int_equal(q(f, sql), 1);
	}
	assert_int_equal(q(f, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
			      "('audit_event_entity', 'audit_event_actor', 'seat_person', "
			      "'office_person', 'role_assessment_participation')"),
			 5);
	/* the rebuilt audit table kept its rows and takes 'erase' but not nonsense */
	assert_true(q(f, "SELECT count(*) FROM audit_event") > 10);
	assert_int_equal(fx_exec_raw(f->db,
				     "INSERT INTO audit_event (at, actor, action, entity, "
				     "entity_key) VALUES ('x', 't', 'erase', 'person', 'k')"),
			 0);
	assert_int_equal(fx_exec_raw(f->db,
				     "INSERT INTO audit_event (at, actor, action, entity, "
				     "entity_key) VALUES ('x', 't', 'bogus', 'person', 'k')"),
			 -1);
	/* foreign keys hold */
	assert_int_equal(fx_exec_raw(f->db, "PRAGMA foreign_keys = ON; INSERT INTO office "
					    "(person_id, organisation_id, kind) VALUES (999, 1, "
					    "'wethouder')"),
			 -1);
	/* the store still opens the schema as current */
	assert_int_equal(store_check_schema(f->s, f->err, sizeof f->err), STORE_OK);
}

/* --------------------------------------------------------------- people */

static void test_person_create_update(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char k1[96], k2[96], k3[96];
	long long ev = q(f, "SELECT count(*) FROM audit_event");
	make_person(f, "Jan Testpersoon", k1, sizeof k1);
	make_person(f, "Jan Testpersoon", k2, sizeof k2);
	make_person(f, "Jan   Testpersoon!", k3, sizeof k3);
	assert_string_equal(k1, "jan-testpersoon");
	assert_string_equal(k2, "jan-testpersoon-2");
	assert_string_equal(k3, "jan-testpersoon-3");
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event"), ev + 3);
	assert_int_equal(q(f,
			   "SELECT count(*) FROM audit_event WHERE entity = 'person' AND "
			   "action = 'insert' AND entity_key = 'jan-testpersoon' AND via = 'web' "
			   "AND actor = 'gebruiker:jan'"),
			 1);
	char k4[96];
	make_person(f, "Els Voorbeeld (ambtenaar)", k4, sizeof k4);
	assert_string_equal(k4, "els-voorbeeld-ambtenaar");
	make_person(f, "Ëlla Ödegård", k4, sizeof k4);
	assert_string_equal(k4, "ella-odegard");

	struct person p;
	assert_int_equal(store_person_get(f->s, f->a, "jan-testpersoon", &p), STORE_OK);
	assert_string_equal(p.name, "Jan Testpersoon");
	assert_int_equal(p.version, 1);
	assert_false(p.erased);
	assert_false(p.has_public_office);
	assert_string_equal(p.last_confirmed, TODAY);
	assert_string_equal(p.confirmed_by, "gebruiker:jan");
	assert_int_equal(store_person_get(f->s, f->a, "bestaat-niet", &p), STORE_ERR_NOTFOUND);

	/* update: conflict, then a real change, then no change */
	int64_t cur = 0;
	struct person_input up = {
	    .party = "Testpartij", .email = "jan@example.org", .phone = "+31 30 123 4567"};
	long long before = state_sum(f);
	assert_int_equal(store_person_update(f->s, &f->w, "jan-testpersoon", 7, &up, &e, &cur),
			 STORE_ERR_CONFLICT);
	assert_int_equal(cur, 1);
	assert_int_equal(state_sum(f), before);
	assert_int_equal(store_person_update(f->s, &f->w, "jan-testpersoon", 1, &up, &e, &cur),
			 STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(store_person_get(f->s, f->a, "jan-testpersoon", &p), STORE_OK);
	assert_string_equal(p.name, "Jan Testpersoon"); /* NULL kept */
	assert_string_equal(p.party, "Testpartij");
	assert_string_equal(p.email, "jan@example.org");
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'person' AND "
			      "action = 'update'"),
			 1);
	before = state_sum(f);
	assert_int_equal(store_person_update(f->s, &f->w, "jan-testpersoon", 2, &up, &e, &cur),
			 STORE_OK);
	assert_int_equal(state_sum(f), before); /* nothing changed: nothing written */
	assert_int_equal(store_person_update(f->s, &f->w, "bestaat-niet", 1, &up, &e, &cur),
			 STORE_ERR_NOTFOUND);

	/* validation: several fields at once, nothing written */
	before = state_sum(f);
	struct person_input bad = {
	    .name = "J", .email = "geen adres", .phone = "bellen!", .note = "a\001b"};
	assert_int_equal(store_person_update(f->s, &f->w, "jan-testpersoon", 2, &bad, &e, &cur),
			 STORE_ERR_INVALID);
	expect_field(&e, "naam");
	expect_field(&e, "email");
	expect_field(&e, "telefoon");
	expect_field(&e, "opmerking");
	assert_int_equal(store_person_create(f->s, &f->w, &bad, k4, sizeof k4, &e),
			 STORE_ERR_INVALID);
	assert_int_equal(e.n, 4);
	assert_string_equal(k4, "");
	struct person_input empty = {0};
	assert_int_equal(store_person_create(f->s, &f->w, &empty, NULL, 0, &e), STORE_ERR_INVALID);
	expect_field(&e, "naam");
	assert_int_equal(state_sum(f), before);

	/* list: by name, all people */
	struct person *list;
	int n;
	assert_int_equal(store_person_list(f->s, f->a, &list, &n), STORE_OK);
	assert_int_equal(n, 5);
	assert_string_equal(list[0].name, "Ëlla Ödegård"); /* diacritics folded: e < j */
	assert_string_equal(list[1].name, "Els Voorbeeld (ambtenaar)");
}

static void test_hostile_text(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char key[96];
	struct person_input in = {.name = HOSTILE, .party = HOSTILE, .note = HOSTILE};
	assert_int_equal(store_person_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);
	assert_string_equal(key, "script-alert-x-script-quotes-dubbel");
	struct person p;
	assert_int_equal(store_person_get(f->s, f->a, key, &p), STORE_OK);
	assert_string_equal(p.name, HOSTILE);
	assert_string_equal(p.party, HOSTILE);
	assert_string_equal(p.note, HOSTILE);
	assert_true(add_office(f, key, "gm9998", "raadslid", "2020-01-01", "", &e) > 0);
	struct office_input oi = {.org_code = "gm9999", .kind = "wethouder", .portfolio = HOSTILE};
	int64_t id;
	assert_int_equal(store_office_add(f->s, &f->w, key, &oi, &id, &e), STORE_OK);
	struct office *o;
	int n;
	assert_int_equal(store_offices_of_person(f->s, f->a, key, &o, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(o[0].person_name, HOSTILE);
	bool found = false;
	for (int i = 0; i < n; i++)
		found |= strcmp(o[i].portfolio, HOSTILE) == 0;
	assert_true(found);
	struct agreement_input ai = {.title = HOSTILE, .description = HOSTILE, .status = "geldend"};
	assert_int_equal(store_agreement_add(f->s, &f->w, OL, &ai, &id, &e), STORE_OK);
	struct agreement *g;
	assert_int_equal(store_agreements_of_collab(f->s, f->a, OL, &g, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(g[0].title, HOSTILE);
	assert_string_equal(g[0].description, HOSTILE);
	/* the audit image is JSON that holds the text unchanged */
	const char *export = NULL;
	assert_int_equal(store_person_export(f->s, f->a, key, &export), STORE_OK);
	json_t *j = json_loads(export, 0, NULL);
	assert_non_null(j);
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(j, "persoon"), "naam")), HOSTILE);
	json_decref(j);
}

/* -------------------------------------------------------------- offices */

static void test_offices(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char jan[96], els[96];
	make_person(f, "Jan Testpersoon", jan, sizeof jan);
	make_person(f, "Els Voorbeeld (ambtenaar)", els, sizeof els);

	int64_t w1 = add_office(f, jan, "gm9998", "wethouder", "2018-01-01", "2022-01-01", &e);
	assert_true(w1 > 0);
	struct person p;
	assert_int_equal(store_person_get(f->s, f->a, jan, &p), STORE_OK);
	assert_true(p.has_public_office);

	long long before = state_sum(f);
	/* overlap with the same office in the same organisation */
	assert_int_equal(add_office(f, jan, "gm9998", "wethouder", "2021-06-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "van");
	assert_non_null(strstr(field_errors_get(&e, "van"), "wethouder"));
	assert_int_equal(add_office(f, jan, "gm9998", "wethouder", "", "", &e), STORE_ERR_INVALID);
	expect_field(&e, "van");
	/* end before start */
	assert_int_equal(add_office(f, jan, "gm9998", "raadslid", "2022-01-01", "2021-01-01", &e),
			 STORE_ERR_INVALID);
	assert_string_equal(field_errors_get(&e, "tot"), "De einddatum ligt vóór de begindatum.");
	/* not a date, unknown kind, unknown organisation */
	assert_int_equal(add_office(f, jan, "gm9998", "koning", "2022-13-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "functie");
	expect_field(&e, "van");
	assert_int_equal(add_office(f, jan, "gm0000", "raadslid", "2020-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "organisatie");
	assert_int_equal(add_office(f, jan, "", "", "", "", &e), STORE_ERR_INVALID);
	expect_field(&e, "organisatie");
	expect_field(&e, "functie");
	/* Gemeente Oudstad (gm9997) ended on 2019-01-01 */
	assert_int_equal(add_office(f, jan, "gm9997", "raadslid", "2019-06-01", "2020-01-01", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "van");
	assert_int_equal(add_office(f, jan, "gm9997", "raadslid", "2019-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "van");
	assert_int_equal(add_office(f, jan, "gm9997", "raadslid", "2015-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "tot");
	assert_int_equal(add_office(f, jan, "gm9997", "raadslid", "2015-01-01", "2020-01-01", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "tot");
	assert_int_equal(add_office(f, jan, "gm9997", "raadslid", "", "", &e), STORE_ERR_INVALID);
	expect_field(&e, "organisatie");
	/* unknown person */
	assert_int_equal(add_office(f, "niemand", "gm9998", "raadslid", "", "", &e),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);

	/* touching periods, another office, a past office in the ended organisation */
	assert_true(add_office(f, jan, "gm9998", "wethouder", "2022-01-01", "", &e) > 0);
	assert_true(add_office(f, jan, "gm9998", "raadslid", "2014-01-01", "2018-01-01", &e) > 0);
	assert_true(add_office(f, jan, "gm9997", "raadslid", "2015-01-01", "2019-01-01", &e) > 0);
	assert_true(add_office(f, jan, "pv99", "statenlid", "2019-03-01", "", &e) > 0);
	int64_t a1 = add_office(f, els, "gm9999", "ambtenaar", "2020-01-01", "", &e);
	assert_true(a1 > 0);
	assert_int_equal(store_person_get(f->s, f->a, els, &p), STORE_OK);
	assert_false(p.has_public_office);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'office' AND "
			      "action = 'insert'"),
			 6);

	struct office *o;
	int n;
	assert_int_equal(store_offices_of_person(f->s, f->a, jan, &o, &n), STORE_OK);
	assert_int_equal(n, 5);
	assert_string_equal(o[0].to, ""); /* current first */
	assert_string_equal(o[n - 1].from, "2014-01-01");
	assert_int_equal(store_offices_of_org(f->s, f->a, "gm9999", &o, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(o[0].kind, OFFICE_AMBTENAAR);
	assert_string_equal(o[0].person_name, "Els Voorbeeld (ambtenaar)");
	assert_string_equal(o[0].org_name, "Gemeente Voorbeeldstad");

	/* ending an office */
	before = state_sum(f);
	assert_int_equal(store_office_end(f->s, &f->w, a1, "2019-12-31", &e), STORE_ERR_INVALID);
	expect_field(&e, "tot");
	assert_int_equal(store_office_end(f->s, &f->w, a1, "", &e), STORE_ERR_INVALID);
	expect_field(&e, "tot");
	assert_int_equal(store_office_end(f->s, &f->w, a1, "gisteren", &e), STORE_ERR_INVALID);
	expect_field(&e, "tot");
	assert_int_equal(store_office_end(f->s, &f->w, 99999, "2024-01-01", &e),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);
	assert_int_equal(store_office_end(f->s, &f->w, a1, "2024-01-01", &e), STORE_OK);
	assert_int_equal(store_offices_of_org(f->s, f->a, "gm9999", &o, &n), STORE_OK);
	assert_string_equal(o[0].to, "2024-01-01");
	assert_int_equal(o[0].version, 2);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'office' AND "
			      "action = 'update' AND \"after\" LIKE '%2024-01-01%'"),
			 1);
	before = state_sum(f);
	assert_int_equal(store_office_end(f->s, &f->w, a1, "2024-01-01", &e), STORE_OK);
	assert_int_equal(state_sum(f), before); /* same date: nothing written */
}

/* ---------------------------------------------------------------- seats */

static void test_seats(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char jan[96], els[96];
	make_person(f, "Jan Testpersoon", jan, sizeof jan);
	make_person(f, "Els Voorbeeld (ambtenaar)", els, sizeof els);

	int64_t s1 = add_seat(f, jan, OL, "gm9998", "algemeen-bestuur", "2020-01-01", "", &e);
	assert_true(s1 > 0);
	int64_t s2 = add_seat(f, jan, f->go, "gm9998", "bestuur", "2020-01-01", "", &e);
	assert_true(s2 > 0);

	long long before = state_sum(f);
	/* bodies the legal form does not have: OL vs GO vs CC */
	assert_int_equal(add_seat(f, jan, OL, "gm9998", "bestuur", "2020-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "orgaan");
	assert_non_null(strstr(field_errors_get(&e, "orgaan"), "openbaar lichaam"));
	assert_int_equal(
	    add_seat(f, els, f->go, "gm9998", "dagelijks-bestuur", "2020-01-01", "", &e),
	    STORE_ERR_INVALID);
	expect_field(&e, "orgaan");
	assert_int_equal(add_seat(f, els, f->cc, "gm9998", "bestuur", "2020-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "orgaan");
	assert_non_null(strstr(field_errors_get(&e, "orgaan"), "geen eigen bestuursorganen"));
	assert_int_equal(add_seat(f, els, f->cc, "gm9998", "algemeen-bestuur", "", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "orgaan");
	/* overlapping period in the same body of the same collaboration */
	assert_int_equal(
	    add_seat(f, jan, OL, "gm9998", "algemeen-bestuur", "2024-01-01", "2025-01-01", &e),
	    STORE_ERR_INVALID);
	expect_field(&e, "van");
	/* end before start */
	assert_int_equal(
	    add_seat(f, jan, OL, "gm9998", "dagelijks-bestuur", "2024-01-01", "2023-01-01", &e),
	    STORE_ERR_INVALID);
	expect_field(&e, "tot");
	/* on behalf of an organisation that does not participate (Zeïsterwoud) */
	assert_int_equal(add_seat(f, els, OL, "gm9996", "algemeen-bestuur", "2020-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "namens");
	/* ... or not in that period: the network had Testdorp 2016-2020 and 2021-2022 */
	assert_int_equal(add_seat(f, els, "netwerk-lege-tafel", "gm9998", "bestuur", "2020-03-01",
				  "2020-06-01", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "namens");
	/* on behalf of the ended Oudstad after its end */
	assert_int_equal(add_seat(f, els, OL, "gm9997", "algemeen-bestuur", "2020-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "van");
	assert_int_equal(add_seat(f, els, OL, "gm9997", "algemeen-bestuur", "2016-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "tot");
	/* unknown references, missing everything, unknown person */
	assert_int_equal(add_seat(f, els, "bestaat-niet", "gm0000", "voorzitter", "", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "samenwerkingsverband");
	expect_field(&e, "namens");
	assert_int_equal(add_seat(f, els, "", "", "", "", "", &e), STORE_ERR_INVALID);
	expect_field(&e, "samenwerkingsverband");
	expect_field(&e, "namens");
	expect_field(&e, "orgaan");
	assert_int_equal(add_seat(f, els, OL, "gm9998", "zetelkast", "", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "orgaan");
	assert_int_equal(add_seat(f, "niemand", OL, "gm9998", "voorzitter", "", "", &e),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);

	/* allowed: touching period, another body, network in its period, old Oudstad seat */
	assert_true(
	    add_seat(f, jan, OL, "gm9998", "algemeen-bestuur", "2016-01-01", "2020-01-01", &e) > 0);
	assert_true(add_seat(f, jan, OL, "gm9998", "dagelijks-bestuur", "2020-01-01", "", &e) > 0);
	assert_true(add_seat(f, els, "netwerk-lege-tafel", "gm9998", "portefeuillehoudersoverleg",
			     "2016-05-01", "2017-01-01", &e) > 0);
	assert_true(
	    add_seat(f, els, OL, "gm9997", "algemeen-bestuur", "2016-01-01", "2018-12-31", &e) > 0);
	assert_true(
	    add_seat(f, els, "veiligheidsregio-testland", "gm9996", "voorzitter", "", "", &e) > 0);

	struct seat *t;
	int n;
	assert_int_equal(store_seats_of_collab(f->s, f->a, OL, &t, &n), STORE_OK);
	assert_int_equal(n, 4);
	assert_int_equal(t[0].body, SEAT_ALGEMEEN_BESTUUR); /* current, AB before DB */
	assert_string_equal(t[0].to, "");
	assert_int_equal(t[1].body, SEAT_DAGELIJKS_BESTUUR);
	assert_string_equal(t[0].collab_name, "Afvalschap Testregio");
	assert_string_equal(t[0].org_name, "Gemeente Testdorp");
	assert_int_equal(store_seats_of_person(f->s, f->a, jan, &t, &n), STORE_OK);
	assert_int_equal(n, 4);
	assert_int_equal(store_seats_of_org(f->s, f->a, "gm9998", &t, &n), STORE_OK);
	assert_int_equal(n, 5);
	assert_int_equal(store_seats_all(f->s, f->a, &t, &n), STORE_OK);
	assert_int_equal(n, 7);
	assert_string_equal(t[0].person_name, "Els Voorbeeld (ambtenaar)");
	assert_int_equal(store_seats_of_collab(f->s, f->a, "bestaat-niet", &t, &n), STORE_OK);
	assert_int_equal(n, 0);

	/* ending a seat */
	before = state_sum(f);
	assert_int_equal(store_seat_end(f->s, &f->w, s1, "2019-01-01", &e), STORE_ERR_INVALID);
	expect_field(&e, "tot");
	assert_int_equal(store_seat_end(f->s, &f->w, s1, NULL, &e), STORE_ERR_INVALID);
	expect_field(&e, "tot");
	assert_int_equal(store_seat_end(f->s, &f->w, 424242, "2024-01-01", &e), STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);
	assert_int_equal(store_seat_end(f->s, &f->w, s1, "2024-06-01", &e), STORE_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'seat' AND action "
			      "= 'update'"),
			 1);
	/* now a new AB period after the end does not overlap */
	assert_true(add_seat(f, jan, OL, "gm9998", "algemeen-bestuur", "2024-06-01", "", &e) > 0);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'seat' AND "
			      "entity_key LIKE 'gr-testregio-afval/%'"),
			 6);
}

/* ---------------------------------------------------- role assessments */

static void test_assessments(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	int64_t p1 = q(f, "SELECT p.id FROM participation p JOIN organisation o ON o.id = "
			  "p.organisation_id JOIN collaboration c ON c.id = p.collaboration_id "
			  "WHERE o.code = 'gm9998' AND c.key = 'gr-testregio-afval'");
	int64_t p2 = q(f, "SELECT p.id FROM participation p JOIN organisation o ON o.id = "
			  "p.organisation_id JOIN collaboration c ON c.id = p.collaboration_id "
			  "WHERE o.code = 'gm9999' AND c.key = 'gr-testregio-afval'");
	assert_true(p1 > 0 && p2 > 0);
	int64_t id;
	struct assessment_input a = {
	    .date = "2023-01-01", .scores = {"5", "2", "2", "1"}, .note = "Sterk op regels."};
	assert_int_equal(store_assessment_add(f->s, &f->w, p1, &a, &id, &e), STORE_OK);
	struct assessment_input b = {.date = "2024-06-01", .scores = {"2", "3", "5", "1"}};
	assert_int_equal(store_assessment_add(f->s, &f->w, p1, &b, &id, &e), STORE_OK);
	struct assessment_input c = {.date = TODAY, .scores = {"4", "4", "1", "1"}};
	assert_int_equal(store_assessment_add(f->s, &f->w, p2, &c, &id, &e), STORE_OK);

	long long before = state_sum(f);
	const char *bad[] = {"0", "6", "abc", "", "2.5", "-1", " 3", "3x", NULL};
	for (int i = 0; bad[i]; i++) {
		struct assessment_input x = {.date = "2024-01-01", .scores = {"3", "3", "3", "3"}};
		x.scores[i % PERSP_COUNT] = bad[i];
		assert_int_equal(store_assessment_add(f->s, &f->w, p1, &x, &id, &e),
				 STORE_ERR_INVALID);
		expect_field(&e, perspective_labels[i % PERSP_COUNT].api);
		assert_int_equal(e.n, 1);
	}
	struct assessment_input x = {.date = "2025-03-02", .scores = {"3", "3", "3", "3"}};
	assert_int_equal(store_assessment_add(f->s, &f->w, p1, &x, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "datum"); /* tomorrow */
	x.date = "";
	assert_int_equal(store_assessment_add(f->s, &f->w, p1, &x, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "datum");
	x.date = "2024-02-30";
	assert_int_equal(store_assessment_add(f->s, &f->w, p1, &x, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "datum");
	x.date = "2024-01-01";
	assert_int_equal(store_assessment_add(f->s, &f->w, 987654, &x, &id, &e),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);

	struct role_assessment *r;
	int n;
	assert_int_equal(store_assessments_of_collab(f->s, f->a, OL, &r, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].date, "2023-01-01"); /* newest last */
	assert_string_equal(r[2].date, TODAY);
	assert_int_equal(r[0].scores[PERSP_RECHTMATIG], 5);
	assert_string_equal(r[0].note, "Sterk op regels.");
	assert_string_equal(r[0].actor, "gebruiker:jan");
	assert_string_equal(r[0].org_code, "gm9998");
	assert_string_equal(r[0].collab_key, OL);
	assert_int_equal(store_assessments_all(f->s, f->a, &r, &n), STORE_OK);
	assert_int_equal(n, 3);
	/* by participation then date: p1's two first, a role change between them */
	assert_int_equal(r[0].participation_id, r[1].participation_id);
	assert_true(perspective_changed(r[0].scores, r[1].scores));
	assert_int_equal(perspective_dominant(r[2].scores), -1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'role_assessment' "
			      "AND \"after\" LIKE '%\"rechtmatig\":5%'"),
			 1);
}

/* ------------------------------------------------ phases and agreements */

static void test_phases(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	int64_t id;
	struct phase_input a = {.phase = "groei", .date = "2018-01-01", .process_phase = "delen"};
	struct phase_input b = {.phase = "initiatief", .date = "2015-01-01", .note = HOSTILE};
	assert_int_equal(store_phase_add(f->s, &f->w, OL, &a, &id, &e), STORE_OK);
	assert_int_equal(store_phase_add(f->s, &f->w, OL, &b, &id, &e), STORE_OK);
	long long before = state_sum(f);
	struct phase_input bad = {.phase = "bloei", .date = "2018-01-01"};
	assert_int_equal(store_phase_add(f->s, &f->w, OL, &bad, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "fase");
	bad = (struct phase_input){.phase = "onbekend", .date = ""};
	assert_int_equal(store_phase_add(f->s, &f->w, OL, &bad, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "fase");
	expect_field(&e, "datum");
	bad = (struct phase_input){.phase = "groei", .date = "2018-01-01", .process_phase = "x"};
	assert_int_equal(store_phase_add(f->s, &f->w, OL, &bad, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "procesfase");
	assert_int_equal(store_phase_add(f->s, &f->w, "bestaat-niet", &a, &id, &e),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);
	struct phase_event *ph;
	int n;
	assert_int_equal(store_phases_of_collab(f->s, f->a, OL, &ph, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(ph[0].phase, PHASE_INITIATIEF); /* oldest first */
	assert_string_equal(ph[0].note, HOSTILE);
	assert_int_equal(ph[1].phase, PHASE_GROEI);
	assert_string_equal(ph[1].process_phase, "delen");
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'phase_event'"), 2);
}

static void test_agreements(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	int64_t id, cur;
	struct agreement_input a = {.title = "Rolverdeling bij calamiteiten",
				    .description = "Wie doet wat.",
				    .parties = "gm9998 ; gm9999,gm9998",
				    .since = "2023-01-01",
				    .document_url = "https://example.org/afspraak.pdf"};
	assert_int_equal(store_agreement_add(f->s, &f->w, OL, &a, &id, &e), STORE_OK);
	int64_t first = id;
	struct agreement *g;
	int n;
	assert_int_equal(store_agreements_of_collab(f->s, f->a, OL, &g, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(g[0].parties, "gm9998;gm9999"); /* normalised */
	assert_int_equal(g[0].status, AGR_VOORGESTELD);	    /* default */
	assert_int_equal(g[0].version, 1);

	long long before = state_sum(f);
	struct agreement_input bad = {.title = "X",
				      .parties = "gm9998;gm0000",
				      .since = "2023-02-30",
				      .status = "misschien",
				      .document_url = "javascript:alert(1)"};
	assert_int_equal(store_agreement_add(f->s, &f->w, OL, &bad, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "titel");
	expect_field(&e, "sinds");
	expect_field(&e, "status");
	expect_field(&e, "document");
	bad = (struct agreement_input){.title = "Goede titel", .parties = "gm9998;gm0000"};
	assert_int_equal(store_agreement_add(f->s, &f->w, OL, &bad, &id, &e), STORE_ERR_INVALID);
	expect_field(&e, "partijen");
	assert_non_null(strstr(field_errors_get(&e, "partijen"), "gm0000"));
	assert_int_equal(store_agreement_add(f->s, &f->w, "bestaat-niet", &a, &id, &e),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(id, 0);
	id = first;
	struct agreement_input up = {.status = "geldend"};
	assert_int_equal(store_agreement_update(f->s, &f->w, id, 5, &up, &e, &cur),
			 STORE_ERR_CONFLICT);
	assert_int_equal(cur, 1);
	struct agreement_input up_bad = {.status = "weg"};
	assert_int_equal(store_agreement_update(f->s, &f->w, id, 1, &up_bad, &e, &cur),
			 STORE_ERR_INVALID);
	expect_field(&e, "status");
	assert_int_equal(store_agreement_update(f->s, &f->w, 9999, 1, &up, &e, &cur),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);

	assert_int_equal(store_agreement_update(f->s, &f->w, id, 1, &up, &e, &cur), STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(store_agreements_of_collab(f->s, f->a, OL, &g, &n), STORE_OK);
	assert_int_equal(g[0].status, AGR_GELDEND);
	assert_string_equal(g[0].title, "Rolverdeling bij calamiteiten");
	before = state_sum(f);
	assert_int_equal(store_agreement_update(f->s, &f->w, id, 2, &up, &e, &cur), STORE_OK);
	assert_int_equal(state_sum(f), before);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'agreement'"), 2);
}

/* ---------------------------------------------------- export and erase */

static void test_export_and_erase(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char jan[96], els[96];
	struct person_input in = {.name = "Jan Testpersoon",
				  .party = "Testpartij",
				  .email = "jan@example.org",
				  .phone = "030 123 4567",
				  .note = "Fictief."};
	assert_int_equal(store_person_create(f->s, &f->w, &in, jan, sizeof jan, &e), STORE_OK);
	make_person(f, "Els Voorbeeld (ambtenaar)", els, sizeof els);
	int64_t o1 = add_office(f, jan, "gm9998", "wethouder", "2018-01-01", "", &e);
	assert_true(o1 > 0);
	int64_t s1 = add_seat(f, jan, OL, "gm9998", "algemeen-bestuur", "2019-01-01", "", &e);
	assert_true(s1 > 0);
	assert_int_equal(store_seat_end(f->s, &f->w, s1, "2024-01-01", &e), STORE_OK);
	assert_true(add_office(f, els, "gm9998", "ambtenaar", "2020-01-01", "", &e) > 0);
	struct person_input up = {.note = "Fictief, bijgewerkt."};
	int64_t cur;
	assert_int_equal(store_person_update(f->s, &f->w, jan, 1, &up, &e, &cur), STORE_OK);

	/* export: everything stored about Jan */
	const char *doc = NULL;
	assert_int_equal(store_person_export(f->s, f->a, "niemand", &doc), STORE_ERR_NOTFOUND);
	assert_null(doc);
	assert_int_equal(store_person_export(f->s, f->a, jan, &doc), STORE_OK);
	json_error_t je;
	json_t *j = json_loads(doc, 0, &je);
	assert_non_null(j);
	json_t *p = json_object_get(j, "persoon");
	assert_string_equal(json_string_value(json_object_get(p, "naam")), "Jan Testpersoon");
	assert_string_equal(json_string_value(json_object_get(p, "email")), "jan@example.org");
	assert_string_equal(json_string_value(json_object_get(p, "telefoon")), "030 123 4567");
	assert_string_equal(json_string_value(json_object_get(p, "partij")), "Testpartij");
	assert_string_equal(json_string_value(json_object_get(p, "opmerking")),
			    "Fictief, bijgewerkt.");
	assert_int_equal(json_integer_value(json_object_get(p, "versie")), 2);
	json_t *fs = json_object_get(j, "functies");
	assert_int_equal(json_array_size(fs), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(fs, 0), "functie")),
			    "wethouder");
	json_t *zs = json_object_get(j, "zetels");
	assert_int_equal(json_array_size(zs), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(zs, 0), "orgaan")),
			    "algemeen-bestuur");
	assert_string_equal(json_string_value(json_object_get(json_array_get(zs, 0), "tot")),
			    "2024-01-01");
	json_t *hs = json_object_get(j, "geschiedenis");
	/* person insert + update, office insert, seat insert + update */
	assert_int_equal(json_array_size(hs), 5);
	json_t *h0 = json_array_get(hs, 0);
	assert_string_equal(json_string_value(json_object_get(h0, "actie")), "insert");
	assert_string_equal(json_string_value(json_object_get(json_object_get(h0, "na"), "naam")),
			    "Jan Testpersoon");
	assert_true(json_is_null(json_object_get(h0, "voor")));
	json_decref(j);
	assert_null(strstr(doc, "Els Voorbeeld")); /* nobody else's data */

	/* erase */
	long long els_rows = q(f, "SELECT count(*) FROM audit_event WHERE \"after\" LIKE "
				  "'%Els Voorbeeld%'");
	assert_int_equal(els_rows, 1);
	assert_int_equal(store_person_erase(f->s, &f->w, "niemand"), STORE_ERR_NOTFOUND);
	long long events = q(f, "SELECT count(*) FROM audit_event");
	assert_int_equal(store_person_erase(f->s, &f->w, jan), STORE_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event"), events + 1);
	assert_int_equal(q(f,
			   "SELECT count(*) FROM audit_event WHERE action = 'erase' AND entity = "
			   "'person' AND \"after\" = '{\"gewist\": true}' AND \"before\" IS NULL"),
			 1);
	struct person pp;
	assert_int_equal(store_person_get(f->s, f->a, jan, &pp), STORE_ERR_NOTFOUND);
	struct person *list;
	int n;
	assert_int_equal(store_person_list(f->s, f->a, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	struct person *gone = NULL;
	for (int i = 0; i < n; i++)
		if (list[i].erased)
			gone = &list[i];
	assert_non_null(gone);
	assert_string_equal(gone->name, "onbekende persoon");
	assert_string_equal(gone->email, "");
	assert_string_equal(gone->phone, "");
	assert_string_equal(gone->party, "");
	assert_string_equal(gone->note, "");
	assert_null(strstr(gone->key, "jan"));
	assert_int_equal(gone->version, 3);
	char gkey[96];
	snprintf(gkey, sizeof gkey, "%s", gone->key);
	/* offices and seats stay, as "onbekende persoon" */
	struct office *o;
	assert_int_equal(store_offices_of_org(f->s, f->a, "gm9998", &o, &n), STORE_OK);
	assert_int_equal(n, 2);
	int hits = 0;
	for (int i = 0; i < n; i++)
		if (strcmp(o[i].person_name, "onbekende persoon") == 0) {
			hits++;
			assert_string_equal(o[i].person_key, gkey);
			assert_int_equal(o[i].kind, OFFICE_WETHOUDER);
		}
	assert_int_equal(hits, 1);
	struct seat *t;
	assert_int_equal(store_seats_of_collab(f->s, f->a, OL, &t, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(t[0].person_name, "onbekende persoon");
	assert_string_equal(t[0].to, "2024-01-01");
	/* the trail keeps that things happened, not the data */
	assert_int_equal(
	    q(f, "SELECT count(*) FROM audit_event WHERE instr(coalesce(\"before\", '') || "
		 "coalesce(\"after\", '') || entity_key, 'Jan') OR instr(coalesce(\"before\", '') "
		 "|| coalesce(\"after\", '') || entity_key, 'jan@') OR instr(coalesce(\"before\", "
		 "'') || coalesce(\"after\", '') || entity_key, 'jan-testpersoon') OR "
		 "instr(coalesce(\"after\", ''), 'Testpartij') OR instr(coalesce(\"after\", ''), "
		 "'030 123')"),
	    0);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity IN ('person', "
			      "'office', 'seat') AND (\"after\" = '{\"gewist\": true}' OR "
			      "\"after\" IS NULL)"),
			 6);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE \"before\" IS NOT NULL AND "
			      "\"before\" = '{\"gewist\": true}'"),
			 2); /* the two updates */
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE \"after\" LIKE "
			      "'%Els Voorbeeld%'"),
			 els_rows); /* others untouched */
	/* nothing anywhere in the database still names Jan */
	assert_int_equal(q(f, "SELECT count(*) FROM person WHERE name LIKE '%Jan%' OR key LIKE "
			      "'%jan%' OR email <> '' AND erased = 1"),
			 0);
	/* the export of the erased person shows the erasure only */
	assert_int_equal(store_person_export(f->s, f->a, gkey, &doc), STORE_OK);
	assert_null(strstr(doc, "Jan"));
	assert_non_null(strstr(doc, "\"gewist\": true"));
	/* erasing again changes nothing; an erased person cannot be edited */
	events = state_sum(f);
	assert_int_equal(store_person_erase(f->s, &f->w, gkey), STORE_OK);
	up = (struct person_input){.name = "Jan Testpersoon"};
	assert_int_equal(store_person_update(f->s, &f->w, gkey, 3, &up, &e, &cur),
			 STORE_ERR_INVALID);
	expect_field(&e, "naam");
	assert_int_equal(add_office(f, gkey, "gm9999", "raadslid", "2024-01-01", "", &e),
			 STORE_ERR_INVALID);
	expect_field(&e, "persoon");
	assert_int_equal(state_sum(f), events);
	/* a new person with the same name gets the old key back: it is free */
	char again[96];
	make_person(f, "Jan Testpersoon", again, sizeof again);
	assert_string_equal(again, "jan-testpersoon");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_migration, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_person_create_update, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_hostile_text, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_offices, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_seats, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assessments, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_phases, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_agreements, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_export_and_erase, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
