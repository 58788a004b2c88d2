/*
 * test_store_calendar — recorded AB meeting dates (store_calendar.h)
 * against the fictional seed: validation of budget year and date (range,
 * real dates, leap years, the year before or the budget year itself), no
 * write and no audit event on invalid input or an unknown collaboration,
 * insert then update with one audit event each, get and list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/store/store.h"
#include "../../src/store/store_calendar.h"
#include "../../src/store/store_write.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

#define C "gr-testregio-afval"

struct fx {
	struct arena *a; /* owns what the store's read functions return */
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
	f->w = (struct write_ctx){"gebruiker:jan", "web", "2026-03-01"};
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

static void assert_invalid(const char *year, const char *date, const char *field)
{
	struct field_errors e = {0};
	int y = -1;
	assert_int_equal(store_ab_meeting_validate(year, date, &y, &e), STORE_ERR_INVALID);
	assert_int_equal(y, -1);
	bool found = false;
	for (int i = 0; i < e.n; i++)
		found |= strcmp(e.e[i].field, field) == 0;
	if (!found)
		fail_msg("%s %s: no error for %s", year, date, field);
}

static void test_validate(void **state)
{
	(void)state;
	struct field_errors e = {0};
	int y = 0;
	assert_int_equal(store_ab_meeting_validate("2027", "2026-07-01", &y, &e), STORE_OK);
	assert_int_equal(y, 2027);
	assert_int_equal(e.n, 0);
	assert_int_equal(store_ab_meeting_validate("2027", "2027-12-31", &y, &e), STORE_OK);
	assert_int_equal(store_ab_meeting_validate("2000", "1999-01-01", &y, &e), STORE_OK);
	assert_int_equal(store_ab_meeting_validate("2100", "2100-02-28", &y, &e), STORE_OK);
	assert_int_equal(store_ab_meeting_validate("2024", "2024-02-29", &y, &e), STORE_OK);
	assert_int_equal(e.n, 0);

	assert_invalid("1999", "1999-01-01", "begrotingsjaar");
	assert_invalid("2101", "2101-01-01", "begrotingsjaar");
	assert_invalid("", "2027-01-01", "begrotingsjaar");
	assert_invalid("20x7", "2027-01-01", "begrotingsjaar");
	assert_invalid("-2027", "2027-01-01", "begrotingsjaar");
	assert_invalid(NULL, "2027-01-01", "begrotingsjaar");
	assert_invalid("2027", "2027-02-31", "datum");
	assert_invalid("2023", "2023-02-29", "datum"); /* not a leap year */
	assert_invalid("2100", "2100-02-29", "datum"); /* neither is 2100 */
	assert_invalid("2027", "2027-13-01", "datum");
	assert_invalid("2027", "2027-1-01", "datum");
	assert_invalid("2027", "1 juli 2027", "datum");
	assert_invalid("2027", "", "datum");
	assert_invalid("2027", NULL, "datum");
	assert_invalid("2027", "2025-12-31", "datum"); /* two years before */
	assert_invalid("2027", "2028-01-01", "datum"); /* after the budget year */

	struct field_errors both = {0};
	assert_int_equal(store_ab_meeting_validate("abc", "nooit", NULL, &both), STORE_ERR_INVALID);
	assert_int_equal(both.n, 2);
}

static void test_set_get_list(void **state)
{
	struct fx *f = *state;
	const char *audit = "SELECT count(*) FROM audit_event WHERE entity = 'ab_meeting'";
	char d[11] = "";
	struct field_errors e = {0};
	assert_int_equal(store_ab_meeting_get(f->s, C, 2027, d), STORE_ERR_NOTFOUND);

	/* invalid and unknown: nothing written */
	assert_int_equal(store_ab_meeting_set(f->s, &f->w, C, "2027", "2027-02-30", &e),
			 STORE_ERR_INVALID);
	assert_int_equal(
	    store_ab_meeting_set(f->s, &f->w, "bestaat-niet", "2027", "2027-02-01", &e),
	    STORE_ERR_NOTFOUND);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM ab_meeting"), 0);
	assert_int_equal(fx_query_int(f->db, audit), 0);

	long long v0 = fx_query_int(f->db, "SELECT value FROM meta WHERE key = 'data_version'");
	e.n = 0;
	assert_int_equal(store_ab_meeting_set(f->s, &f->w, C, "2027", "2026-07-02", &e), STORE_OK);
	assert_int_equal(store_ab_meeting_get(f->s, C, 2027, d), STORE_OK);
	assert_string_equal(d, "2026-07-02");
	assert_int_equal(fx_query_int(f->db, audit), 1);
	assert_true(fx_query_int(f->db, "SELECT value FROM meta WHERE key = 'data_version'") > v0);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM audit_event WHERE entity = "
					     "'ab_meeting' AND action = 'insert' AND entity_key = "
					     "'" C "/2027' AND actor = 'gebruiker:jan'"),
			 1);

	/* update: one row, a second audit event with the old date as before */
	assert_int_equal(store_ab_meeting_set(f->s, &f->w, C, "2027", "2026-07-09", &e), STORE_OK);
	assert_int_equal(store_ab_meeting_get(f->s, C, 2027, d), STORE_OK);
	assert_string_equal(d, "2026-07-09");
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM ab_meeting"), 1);
	assert_int_equal(fx_query_int(f->db,
				      "SELECT count(*) FROM audit_event WHERE entity = "
				      "'ab_meeting' AND action = 'update' AND \"before\" LIKE "
				      "'%2026-07-02%' AND \"after\" LIKE '%2026-07-09%'"),
			 1);

	assert_int_equal(store_ab_meeting_set(f->s, &f->w, C, "2028", "2028-06-30", &e), STORE_OK);
	struct ab_meeting *list = NULL;
	int n = 0;
	assert_int_equal(store_ab_meeting_list(f->s, f->a, NULL, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].collab_key, C);
	assert_int_equal(list[0].budget_year, 2027);
	assert_int_equal(list[1].budget_year, 2028);
	assert_string_equal(list[1].date, "2028-06-30");
	assert_int_equal(store_ab_meeting_list(f->s, f->a, "veiligheidsregio-testland", &list, &n),
			 STORE_OK);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_validate),
	    cmocka_unit_test_setup_teardown(test_set_get_list, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
