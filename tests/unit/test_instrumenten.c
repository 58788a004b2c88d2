/*
 * test_instrumenten — domain/instrumenten.c: the input rules of a request
 * per kind (a Dutch message on the right field), the moves between
 * statuses, the rules of a decision and which requests are public.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/instrumenten.h"

static bool has(const struct field_errors *e, const char *field)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0)
			return true;
	return false;
}

static void test_request(void **state)
{
	(void)state;
	struct field_errors e = {0};
	int64_t c;
	struct instrument_input scan = {.kind = "financiele_scan", .title = "Scan Testwaard"};
	instrument_check(&e, &scan, &c);
	assert_int_equal(e.n, 0);
	assert_int_equal(c, 0);
	struct instrument_input st = {.kind = "stimulans",
				      .title = "Samen sterker",
				      .purpose = "Buren bij elkaar",
				      .amount = "25.000",
				      .period_start = "2027-01-01",
				      .period_end = "2027-12-31"};
	instrument_check(&e, &st, &c);
	assert_int_equal(e.n, 0);
	assert_int_equal(c, 2500000);
	st.amount = "0";
	st.period_end = "2026-12-31";
	instrument_check(&e, &st, &c);
	assert_true(has(&e, "bedrag"));
	assert_true(has(&e, "periodeTot"));
	assert_int_equal(e.n, 2);
	memset(&e, 0, sizeof e);
	struct instrument_input lobby = {.kind = "lobby", .title = "Spoor"};
	instrument_check(&e, &lobby, &c);
	assert_true(has(&e, "doel"));
	memset(&e, 0, sizeof e);
	struct instrument_input bad = {.kind = "subsidie", .title = ""};
	instrument_check(&e, &bad, &c);
	assert_true(has(&e, "soort"));
	assert_true(has(&e, "titel"));
}

static void test_moves_and_decisions(void **state)
{
	(void)state;
	assert_true(instrument_transition("ingediend", "in_behandeling"));
	assert_true(instrument_transition("ingediend", "afgewezen"));
	assert_true(instrument_transition("in_behandeling", "toegekend"));
	assert_true(instrument_transition("toegekend", "afgerond"));
	assert_false(instrument_transition("ingediend", "afgerond"));
	assert_false(instrument_transition("afgewezen", "toegekend"));
	assert_false(instrument_transition("afgerond", "in_behandeling"));
	assert_false(instrument_transition("toegekend", "toegekend"));
	struct field_errors e = {0};
	int64_t c;
	instrument_check_decision(&e, "stimulans", "toegekend", "", "", "20.000", "2026-12-07", &c);
	assert_int_equal(e.n, 0);
	assert_int_equal(c, 2000000);
	instrument_check_decision(&e, "stimulans", "toegekend", "", "", "", "2026-12-07", &c);
	assert_true(has(&e, "bedragToegekend"));
	memset(&e, 0, sizeof e);
	instrument_check_decision(&e, "lobby", "afgewezen", "2026-12-08", "", NULL, "2026-12-07",
				  &c);
	assert_true(has(&e, "besluitdatum")); /* not in the future */
	assert_true(has(&e, "reden"));	      /* a refusal says why */
	memset(&e, 0, sizeof e);
	instrument_check_decision(&e, "lobby", "toegekend", "", "", NULL, "2026-12-07", &c);
	assert_int_equal(e.n, 0);
}

static void test_public(void **state)
{
	(void)state;
	assert_true(instrument_public("stimulans", true));
	assert_true(instrument_public("lobby", true));
	assert_false(instrument_public("financiele_scan", true));
	assert_false(instrument_public("stimulans", false));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_request),
	    cmocka_unit_test(test_moves_and_decisions),
	    cmocka_unit_test(test_public),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
