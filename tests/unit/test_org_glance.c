/*
 * test_org_glance — the pure rules of "an organisation at a glance"
 * (domain/org_glance.h): the agenda month before a deadline (across the
 * new year), the council phrasing per organisation kind, which moments
 * concern a council, shares and amounts per inhabitant that stay unknown
 * rather than zero, and the choice of comparable organisations.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/org_glance.h"

#include <string.h>

static void test_agenda_month(void **state)
{
	(void)state;
	int y, m;
	assert_int_equal(glance_agenda_month("2027-05-12", &y, &m), 0);
	assert_int_equal(y, 2027);
	assert_int_equal(m, 4);
	assert_int_equal(glance_agenda_month("2027-01-20", &y, &m), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 12);
	assert_int_equal(glance_agenda_month("2027-02-31", &y, &m), -1);
	assert_int_equal(glance_agenda_month("", &y, &m), -1);
}

static void test_phrase(void **state)
{
	(void)state;
	struct wgr_moment m = {.doc = WGR_DOC_ZIENSWIJZE_BEGROTING, .year = 2028};
	strcpy(m.date, "2027-05-12");
	char out[240];
	glance_moment_phrase(&m, ORG_MUNICIPALITY, out, sizeof out);
	assert_string_equal(out, "Zienswijze op de begroting 2028 indienen vóór 12 mei 2027 — "
				 "agendeer in de raad van april");
	glance_moment_phrase(&m, ORG_PROVINCE, out, sizeof out);
	assert_non_null(strstr(out, "agendeer in de Statenvergadering van april"));
	glance_moment_phrase(&m, ORG_WATER_BOARD, out, sizeof out);
	assert_non_null(strstr(out, "vergadering van het algemeen bestuur van april"));
	/* the agenda month in the year before names its year */
	strcpy(m.date, "2027-01-10");
	glance_moment_phrase(&m, ORG_MUNICIPALITY, out, sizeof out);
	assert_non_null(strstr(out, "agendeer in de raad van december 2026"));
	/* a document that reaches the council: discuss it the month after */
	struct wgr_moment k = {.doc = WGR_DOC_KADERNOTA, .year = 2028};
	strcpy(k.date, "2027-04-30");
	glance_moment_phrase(&k, ORG_MUNICIPALITY, out, sizeof out);
	assert_string_equal(out, "Kadernota 2028: uiterlijk 30 april 2027 — bespreek in de raad "
				 "van mei");
	/* undated: the calendar's own wording */
	struct wgr_moment u = {.doc = WGR_DOC_ZIENSWIJZE_BEGROTING, .year = 2028};
	strcpy(u.when, "uiterlijk op de dag van de AB-vergadering (datum onbekend)");
	glance_moment_phrase(&u, ORG_MUNICIPALITY, out, sizeof out);
	assert_string_equal(out, u.when);
}

static void test_for_council(void **state)
{
	(void)state;
	struct wgr_rule gs = {.cond = WGR_COND_GS}, minister = {.cond = WGR_COND_MINISTER};
	struct wgr_moment m = {.doc = WGR_DOC_BEGROTING_TOEZICHT, .rule = &gs};
	assert_false(glance_moment_for_council(&m, false));
	assert_true(glance_moment_for_council(&m, true));
	m.rule = &minister;
	assert_false(glance_moment_for_council(&m, true));
	m.doc = WGR_DOC_KADERNOTA;
	assert_true(glance_moment_for_council(&m, false));
	assert_true(glance_council_doc(WGR_DOC_ZIENSWIJZE_BEGROTING));
	assert_false(glance_council_doc(WGR_DOC_JAARREKENING_TOEZICHT));
}

static void test_unknown_stays_unknown(void **state)
{
	(void)state;
	assert_true(glance_share(12500, 100000) == 0.125);
	assert_true(glance_share(-1, 100000) < 0);
	assert_true(glance_share(100, 0) < 0);
	assert_true(glance_share(200, 100) < 0);
	assert_true(glance_per_inhabitant(50000, 50000) == 1.0);
	assert_true(glance_per_inhabitant(-1, 50000) < 0);
	assert_true(glance_per_inhabitant(100, -1) < 0);
}

static void test_peers(void **state)
{
	(void)state;
	struct organisation orgs[6] = {
	    {.code = "a", .kind = ORG_MUNICIPALITY, .in_province = true, .population = 50000},
	    {.code = "b", .kind = ORG_MUNICIPALITY, .in_province = true, .population = 49000},
	    {.code = "c", .kind = ORG_MUNICIPALITY, .in_province = true, .population = 80000},
	    {.code = "d", .kind = ORG_MUNICIPALITY, .in_province = false, .population = 50001},
	    {.code = "e", .kind = ORG_WATER_BOARD, .in_province = true, .population = 50000},
	    {.code = "f", .kind = ORG_MUNICIPALITY, .in_province = true, .population = 52000},
	};
	struct snapshot s = {.orgs = orgs, .n_orgs = 6};
	int out[4];
	int n = glance_peers(&s, 0, out, 2);
	assert_int_equal(n, 2);
	assert_int_equal(out[0], 1); /* 1.000 away */
	assert_int_equal(out[1], 5); /* 2.000 away; d is outside the province, e a water board */
	orgs[0].population = -1;
	assert_int_equal(glance_peers(&s, 0, out, 4), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_agenda_month), cmocka_unit_test(test_phrase),
	    cmocka_unit_test(test_for_council),	 cmocka_unit_test(test_unknown_stays_unknown),
	    cmocka_unit_test(test_peers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
