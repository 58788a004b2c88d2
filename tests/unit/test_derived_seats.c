/*
 * test_derived_seats — seats fixed by law (domain/derived_seats.h,
 * app/derived_seats.h): parsing a rule row; picking the office holder per
 * participant (current only, a waarnemer before the appointed burgemeester,
 * then the latest start, other organisations and kinds ignored); the basis
 * in words; and the derived algemeen bestuur of the fictional
 * veiligheidsregio-testland from fictional burgemeester offices in the
 * store, with each office's source, following a change of office without
 * anything stored as a seat; the bundled data/wettelijke-samenstelling.csv
 * loads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/app/derived_seats.h"
#include "../../src/io/derived_seats.h"
#include "../../src/lib/arena.h"
#include "../../src/store/store.h"
#include "../../src/store/store_people.h"
#include "../../src/store/store_provenance.h"
#include "../../src/store/store_write.h"
#include "fixtures.h"

#define TODAY "2026-12-06"

static struct legal_rule vrt_rule(void)
{
	const char *cols[LEGAL_RULE_NCOLS] = {
	    "veiligheidsregio-testland",
	    "algemeen-bestuur",
	    "burgemeester",
	    "Wet veiligheidsregio's",
	    "art. 11",
	    "https://wetten.overheid.nl/jci1.3:c:BWBR0027466&artikel=11"};
	struct legal_rule r;
	char why[200];
	assert_int_equal(legal_rule_from_fields(&r, cols, why, sizeof why), 0);
	return r;
}

static void test_rule_row(void **state)
{
	(void)state;
	struct legal_rule r = vrt_rule();
	assert_int_equal(r.body, SEAT_ALGEMEEN_BESTUUR);
	assert_int_equal(r.office, OFFICE_BURGEMEESTER);
	char buf[200];
	assert_string_equal(derived_seat_basis(&r, buf, sizeof buf),
			    "volgens de wet (Wet veiligheidsregio's, art. 11)");
	char why[200];
	const char *bad_body[LEGAL_RULE_NCOLS] = {"x", "raad", "burgemeester",
						  "W", "",     "https://a"};
	assert_int_equal(legal_rule_from_fields(&r, bad_body, why, sizeof why), -1);
	assert_non_null(strstr(why, "orgaan"));
	const char *official[LEGAL_RULE_NCOLS] = {"x", "bestuur", "ambtenaar",
						  "W", "",	  "https://a"};
	assert_int_equal(legal_rule_from_fields(&r, official, why, sizeof why), -1);
	const char *http[LEGAL_RULE_NCOLS] = {"x", "bestuur", "burgemeester", "W", "", "http://a"};
	assert_int_equal(legal_rule_from_fields(&r, http, why, sizeof why), -1);
	const char *no_law[LEGAL_RULE_NCOLS] = {"x", "bestuur", "burgemeester",
						"",  "",	"https://a"};
	assert_int_equal(legal_rule_from_fields(&r, no_law, why, sizeof why), -1);
}

static void test_pick(void **state)
{
	(void)state;
	struct legal_rule r = vrt_rule();
	struct derived_office of[] = {
	    {"gm1", OFFICE_BURGEMEESTER, false, "2010-01-01", "2020-01-01"}, /* 0: past */
	    {"gm1", OFFICE_BURGEMEESTER, false, "2020-01-01", ""},	     /* 1: appointed */
	    {"gm1", OFFICE_WETHOUDER, false, "2022-01-01", ""},		     /* 2: other kind */
	    {"gm2", OFFICE_BURGEMEESTER, false, "2015-01-01", ""},	     /* 3: gm2 */
	    {"gm2", OFFICE_BURGEMEESTER, false, "2026-01-01", ""},	     /* 4: successor */
	    {"gm3", OFFICE_BURGEMEESTER, false, "2027-01-01", ""},	     /* 5: future */
	};
	int n = (int)(sizeof of / sizeof of[0]);
	assert_int_equal(derived_seat_pick(&r, "gm1", of, n, TODAY), 1);
	assert_int_equal(derived_seat_pick(&r, "gm2", of, n, TODAY), 4);
	assert_int_equal(derived_seat_pick(&r, "gm3", of, n, TODAY), -1);
	assert_int_equal(derived_seat_pick(&r, "gm9", of, n, TODAY), -1);
	/* a waarnemer holds the seat, even before a later appointment */
	struct derived_office acting[] = {
	    {"gm1", OFFICE_BURGEMEESTER, false, "2022-08-31", ""},
	    {"gm1", OFFICE_BURGEMEESTER, true, "2025-10-02", ""},
	    {"gm1", OFFICE_BURGEMEESTER, false, "2026-01-01", ""},
	};
	assert_int_equal(derived_seat_pick(&r, "gm1", acting, 3, TODAY), 1);
	/* the day an office ends it no longer counts */
	struct derived_office ended[] = {{"gm1", OFFICE_BURGEMEESTER, true, "2025-01-01", TODAY}};
	assert_int_equal(derived_seat_pick(&r, "gm1", ended, 1, TODAY), -1);
}

struct fx {
	struct arena *a;
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
};

static void test_collab(void **state)
{
	(void)state;
	struct fx f = {0};
	assert_int_equal(fixture_store_seeded(&f), 0);
	f.a = arena_new();
	f.w = (struct write_ctx){"cli:test", "cli", TODAY};
	struct legal_rule rule = vrt_rule();
	struct legal_rules rules = {&rule, 1};
	derived_rules_set(&rules);

	/* fictional burgemeesters of Testdorp (gm9998; a waarnemer too) and
	 * Voorbeeldstad (gm9999); Zeïsterwoud (gm9996) has none */
	char k1[96], k2[96], k3[96];
	struct field_errors e;
	struct person_input p1 = {.name = "Anna Testburger"}, p2 = {.name = "Bram Waarnemer"},
			    p3 = {.name = "Cees Voorbeeld"};
	assert_int_equal(store_person_create(f.s, &f.w, &p1, k1, sizeof k1, &e), STORE_OK);
	assert_int_equal(store_person_create(f.s, &f.w, &p2, k2, sizeof k2, &e), STORE_OK);
	assert_int_equal(store_person_create(f.s, &f.w, &p3, k3, sizeof k3, &e), STORE_OK);
	struct office_input o1 = {
	    .org_code = "gm9998", .kind = "burgemeester", .from = "2019-01-01"};
	struct office_input o2 = {
	    .org_code = "gm9998", .kind = "burgemeester", .from = "2025-01-01", .acting = true};
	struct office_input o3 = {
	    .org_code = "gm9999", .kind = "burgemeester", .from = "2020-05-01"};
	int64_t id1, id2, id3;
	assert_int_equal(store_office_add(f.s, &f.w, k1, &o1, &id1, &e), STORE_OK);
	assert_int_equal(store_office_add(f.s, &f.w, k2, &o2, &id2, &e), STORE_OK);
	assert_int_equal(store_office_add(f.s, &f.w, k3, &o3, &id3, &e), STORE_OK);
	/* Voorbeeldstad's office has a source */
	assert_int_equal(store_batch_begin(f.s), STORE_OK);
	char key[64];
	snprintf(key, sizeof key, "gm9999/%lld", (long long)id3);
	struct provenance_input pi = {.entity = "office",
				      .entity_key = key,
				      .field = "record",
				      .status = "fact",
				      .value = "burgemeester",
				      .source_key = "test-bron-1",
				      .source_date = "2024-05",
				      .confidence = "low"};
	assert_int_equal(store_provenance_put(f.s, &f.w, &pi), STORE_OK);
	assert_int_equal(store_batch_end(f.s, true), STORE_OK);

	struct snapshot *snap = fixture_snapshot(f.s, TODAY);
	assert_non_null(snap);
	int ci = snapshot_find_collab(snap, "veiligheidsregio-testland");
	assert_true(ci >= 0);
	assert_true(derived_seats_apply(snap, ci));
	assert_false(derived_seats_apply(snap, snapshot_find_collab(snap, "gr-testregio-afval")));
	struct derived_seat *ds = NULL;
	int n = 0;
	assert_int_equal(derived_seats_of_collab(f.s, snap, ci, f.a, &ds, &n), 0);
	assert_int_equal(n, 3); /* the three active gemeenten; Oudstad left */
	int seen = 0;
	for (int i = 0; i < n; i++) {
		const char *code = snap->orgs[ds[i].org].code;
		assert_ptr_equal(ds[i].rule, &rule);
		if (strcmp(code, "gm9998") == 0) {
			assert_string_equal(ds[i].person.name, "Bram Waarnemer");
			assert_true(ds[i].office.acting);
			assert_null(ds[i].source);
			seen |= 1;
		} else if (strcmp(code, "gm9999") == 0) {
			assert_string_equal(ds[i].person.name, "Cees Voorbeeld");
			assert_non_null(ds[i].source);
			assert_string_equal(ds[i].source->confidence, "low");
			assert_string_equal(ds[i].source->source_key, "test-bron-1");
			seen |= 2;
		} else {
			assert_string_equal(code, "gm9996");
			assert_int_equal(ds[i].office.id, 0);
			seen |= 4;
		}
	}
	assert_int_equal(seen, 7);
	assert_int_equal(fx_query_int(f.db, "SELECT count(*) FROM seat"), 0);

	/* the same seats seen from the offices (a person's or an
	 * organisation's page): only the office the rule picks */
	struct office *of = NULL;
	int n_of = 0;
	assert_int_equal(store_offices_of_org(f.s, f.a, "gm9998", &of, &n_of), STORE_OK);
	assert_int_equal(n_of, 2);
	struct derived_seat *by = NULL;
	int n_by = 0;
	assert_int_equal(derived_seats_of_offices(f.s, snap, of, n_of, f.a, &by, &n_by), 0);
	assert_int_equal(n_by, 1);
	assert_string_equal(by[0].person.name, "Bram Waarnemer");
	assert_int_equal(by[0].rule->body, SEAT_ALGEMEEN_BESTUUR);

	/* the waarnemer leaves: the seat follows the offices */
	assert_int_equal(store_office_end(f.s, &f.w, id2, "2026-06-01", &e), STORE_OK);
	assert_int_equal(derived_seats_of_collab(f.s, snap, ci, f.a, &ds, &n), 0);
	for (int i = 0; i < n; i++)
		if (strcmp(snap->orgs[ds[i].org].code, "gm9998") == 0)
			assert_string_equal(ds[i].person.name, "Anna Testburger");

	snapshot_free(snap);
	derived_rules_set(NULL);
	arena_free(f.a);
	fixture_store_free(&f);
}

static void test_bundled_table(void **state)
{
	(void)state;
	struct legal_rules t;
	char err[512];
	assert_int_equal(derived_rules_load(DERIVED_RULES_DEFAULT, &t, err, sizeof err), 0);
	assert_true(t.n >= 1);
	assert_string_equal(t.rules[0].collab_key, "veiligheidsregio-utrecht");
	assert_int_equal(t.rules[0].office, OFFICE_BURGEMEESTER);
	derived_rules_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rule_row),
	    cmocka_unit_test(test_pick),
	    cmocka_unit_test(test_collab),
	    cmocka_unit_test(test_bundled_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
