/*
 * test_store_names — the store returns names whole: a person and a
 * collaboration whose names are 200 code points of 4-byte UTF-8 (800 bytes)
 * come back intact from every read — the person itself, the people list,
 * an office and a seat (person and collaboration name) — in rows owned by
 * the caller's arena. Fictional seed, fictional names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/records.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/text.h"
#include "../../src/store/store.h"
#include "../../src/store/store_people.h"
#include "../../src/store/store_write.h"
#include "fixtures.h"

#define TODAY "2025-03-01"
#define FOUR_BYTE "\xF0\x9D\x94\x84" /* U+1D504 MATHEMATICAL FRAKTUR CAPITAL A */

struct fx {
	char dir[128];
	char db[256];
	struct store *s;
	struct arena *a;
	struct write_ctx w;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
	f->w = (struct write_ctx){"cli:test", "cli", TODAY};
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

/* 200 code points: the first and last differ so a cut shows. */
static char *long_name(const char *first)
{
	size_t n = strlen(FOUR_BYTE) * 199 + strlen(first) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%s", first);
	for (int i = 0; i < 199; i++)
		strcat(s, FOUR_BYTE);
	return s;
}

static void test_long_names_round_trip(void **state)
{
	struct fx *f = *state;
	char *pname = long_name("P");
	char *cname = long_name("C");
	assert_int_equal(strlen(pname), 1 + 199 * 4);
	struct field_errors e = {0};

	char pkey[128];
	struct person_input pin = {
	    .name = pname, .party = "", .email = "", .phone = "", .note = ""};
	assert_int_equal(store_person_create(f->s, &f->w, &pin, pkey, sizeof pkey, &e), STORE_OK);

	char ckey[128];
	struct collab_input cin = {.name = cname,
				   .short_name = "",
				   .kind = "wgr",
				   .legal_form = "GO",
				   .powers = "",
				   .domains = "afval",
				   .phase = "",
				   .purpose = "",
				   .seat = "",
				   .start_date = "2018-01-01",
				   .end_date = "",
				   .website = "",
				   .note = "",
				   .source_key = ""};
	assert_int_equal(store_collab_create(f->s, &f->w, &cin, ckey, sizeof ckey, &e), STORE_OK);
	struct part_input part = {.org_code = "gm9998",
				  .body = "",
				  .role = "deelnemer",
				  .cost_share = "",
				  .contribution = "",
				  .joined = "2018-01-01",
				  .left = "",
				  .note = ""};
	int64_t id;
	assert_int_equal(store_part_create(f->s, &f->w, ckey, &part, &id, &e), STORE_OK);

	struct office_input oin = {.org_code = "gm9999", .kind = "wethouder", .from = "2020-01-01"};
	assert_int_equal(store_office_add(f->s, &f->w, pkey, &oin, &id, &e), STORE_OK);
	struct seat_input sin = {
	    .collab_key = ckey, .org_code = "gm9998", .body = "bestuur", .from = "2020-01-01"};
	assert_int_equal(store_seat_add(f->s, &f->w, pkey, &sin, &id, &e), STORE_OK);

	struct person p;
	assert_int_equal(store_person_get(f->s, f->a, pkey, &p), STORE_OK);
	assert_string_equal(p.name, pname);
	assert_string_equal(p.party, ""); /* absent text is "", never NULL */

	struct person *list;
	int n;
	assert_int_equal(store_person_list(f->s, f->a, &list, &n), STORE_OK);
	bool found = false;
	for (int i = 0; i < n; i++)
		found = found || strcmp(list[i].name, pname) == 0;
	assert_true(found);

	struct office *o;
	assert_int_equal(store_offices_of_person(f->s, f->a, pkey, &o, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(o[0].person_name, pname);

	struct seat *t;
	assert_int_equal(store_seats_of_person(f->s, f->a, pkey, &t, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(t[0].person_name, pname);
	assert_string_equal(t[0].collab_name, cname);

	/* a message naming the long person is cut on a character boundary */
	struct office_input again = {
	    .org_code = "gm9999", .kind = "wethouder", .from = "2021-01-01"};
	struct field_errors e2 = {0};
	assert_int_equal(store_office_add(f->s, &f->w, pkey, &again, &id, &e2), STORE_ERR_INVALID);
	assert_true(e2.n > 0);
	for (int i = 0; i < e2.n; i++)
		assert_true(utf8_is_valid(e2.e[i].message, strlen(e2.e[i].message)));
	struct field_errors e3 = {0};
	field_errors_add(&e3, "naam", "%s", pname);
	assert_true(utf8_is_valid(e3.e[0].message, strlen(e3.e[0].message)));
	assert_true(strlen(e3.e[0].message) > 190);
	free(pname);
	free(cname);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_long_names_round_trip, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
