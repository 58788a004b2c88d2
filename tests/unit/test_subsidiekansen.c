/*
 * test_subsidiekansen — domain/subsidiekansen.c: a call's status on a day
 * (komend, open — the deadline day included —, gesloten), the input rules
 * (programme, title, http(s) link, dates with the deadline not before the
 * opening, a past deadline only with a status note, budget not negative,
 * co-financing 0..100), the deadline window, the theme and status filters,
 * the list order and adding days across months and years; the lead times
 * of deadline reminders and which reminder is due on a day.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/subsidiekansen.h"

#define TODAY "2027-03-15"

static void test_status(void **state)
{
	(void)state;
	assert_int_equal(funding_status_on("", "2027-04-01", TODAY), FUNDING_OPEN);
	assert_int_equal(funding_status_on("2027-03-15", "2027-04-01", TODAY), FUNDING_OPEN);
	assert_int_equal(funding_status_on("2027-03-16", "2027-04-01", TODAY), FUNDING_UPCOMING);
	assert_int_equal(funding_status_on("", "2027-03-15", TODAY), FUNDING_OPEN);
	assert_int_equal(funding_status_on("", "2027-03-14", TODAY), FUNDING_CLOSED);
	assert_int_equal(funding_status_on("2026-01-01", "2026-06-01", TODAY), FUNDING_CLOSED);
	assert_string_equal(funding_status_api(FUNDING_OPEN), "open");
	assert_string_equal(funding_status_api(FUNDING_UPCOMING), "komend");
	assert_string_equal(funding_status_api(FUNDING_CLOSED), "gesloten");
}

static const struct funding_input good = {
    .programme = "interreg",
    .title = "Fictieve oproep Grensloos Groen",
    .url = "https://voorbeeld.invalid/oproep",
    .opens_on = "2027-03-01",
    .deadline = "2027-06-30",
    .eligible = "Gemeenten",
    .budget = "2.500.000",
    .cofinancing = "40",
    .description = "",
    .status_note = "",
};

/* The field of the only error of in, or NULL when in is valid. */
static const char *only_error(const struct funding_input *in, const char *stored)
{
	static struct field_errors e;
	memset(&e, 0, sizeof e);
	int64_t cents;
	int rate;
	funding_check(&e, in, TODAY, stored, &cents, &rate);
	if (!e.n)
		return NULL;
	assert_int_equal(e.n, 1);
	return e.e[0].field;
}

static void test_check(void **state)
{
	(void)state;
	struct field_errors e = {0};
	int64_t cents;
	int rate;
	funding_check(&e, &good, TODAY, NULL, &cents, &rate);
	assert_int_equal(e.n, 0);
	assert_int_equal(cents, 250000000);
	assert_int_equal(rate, 40);
	struct funding_input in = good;
	in.budget = "";
	in.cofinancing = "";
	memset(&e, 0, sizeof e);
	funding_check(&e, &in, TODAY, NULL, &cents, &rate);
	assert_int_equal(e.n, 0);
	assert_int_equal(cents, -1);
	assert_int_equal(rate, -1);

#define BAD(member, value, field)                                                                  \
	do {                                                                                       \
		in = good;                                                                         \
		in.member = value;                                                                 \
		assert_string_equal(only_error(&in, NULL), field);                                 \
	} while (0)
	BAD(programme, "verzonnen", "programma");
	BAD(programme, NULL, "programma");
	BAD(title, "", "titel");
	BAD(title, "   ", "titel");
	BAD(url, "", "link");
	BAD(url, "ftp://voorbeeld.invalid/x", "link");
	BAD(url, "javascript:alert(1)", "link");
	BAD(url, "voorbeeld.invalid", "link");
	BAD(opens_on, "2027-02-30", "opent");
	BAD(deadline, "", "deadline");
	BAD(deadline, "30-06-2027", "deadline");
	BAD(budget, "-5", "budget");
	BAD(budget, "veel", "budget");
	BAD(cofinancing, "101", "cofinanciering");
	BAD(cofinancing, "-1", "cofinanciering");
	BAD(cofinancing, "12.5", "cofinanciering");
#undef BAD
	in = good;
	in.opens_on = "2027-05-01";
	in.deadline = "2027-04-30"; /* before the opening date */
	assert_string_equal(only_error(&in, NULL), "deadline");
	in = good;
	in.url = "http://voorbeeld.invalid/x";
	in.cofinancing = "100";
	in.budget = "0";
	assert_null(only_error(&in, NULL));
	in.opens_on = "";
	in.deadline = "2027-03-15"; /* today */
	assert_null(only_error(&in, NULL));
}

static void test_past_deadline(void **state)
{
	(void)state;
	struct funding_input in = good;
	in.opens_on = "2026-01-01";
	in.deadline = "2026-06-01";
	assert_string_equal(only_error(&in, NULL), "statusNotitie");
	in.status_note = "Gesloten; opgenomen voor het overzicht.";
	assert_null(only_error(&in, NULL));
	/* editing a call whose (past) deadline stays the same needs no note */
	in.status_note = "";
	assert_null(only_error(&in, "2026-06-01"));
	/* moving the deadline into the past does */
	assert_string_equal(only_error(&in, "2027-06-01"), "statusNotitie");
}

static void test_window_and_filters(void **state)
{
	(void)state;
	int d;
	assert_true(funding_parse_window("", &d) && d == 0);
	assert_true(funding_parse_window(NULL, &d) && d == 0);
	assert_true(funding_parse_window("30", &d) && d == 30);
	assert_false(funding_parse_window("0", &d));
	assert_false(funding_parse_window("-3", &d));
	assert_false(funding_parse_window("abc", &d));
	assert_false(funding_parse_window("99999", &d));

	assert_true(funding_has_theme("milieu;water", "water"));
	assert_true(funding_has_theme("milieu;water", "milieu"));
	assert_false(funding_has_theme("milieu;water", "wat"));
	assert_false(funding_has_theme("", "water"));

	struct funding_filter f = {.theme = "water"};
	assert_true(funding_matches("milieu;water", "", "2027-04-01", &f, TODAY));
	assert_false(funding_matches("milieu", "", "2027-04-01", &f, TODAY));
	f = (struct funding_filter){.within = 30};
	assert_true(funding_matches("", "", "2027-04-14", &f, TODAY));	/* 30 days */
	assert_false(funding_matches("", "", "2027-04-15", &f, TODAY)); /* 31 days */
	assert_true(funding_matches("", "", TODAY, &f, TODAY));
	assert_false(funding_matches("", "", "2027-03-14", &f, TODAY));		 /* closed */
	assert_true(funding_matches("", "2027-04-01", "2027-04-10", &f, TODAY)); /* upcoming */
	f = (struct funding_filter){.status = "komend"};
	assert_true(funding_matches("", "2027-04-01", "2027-04-10", &f, TODAY));
	assert_false(funding_matches("", "", "2027-04-10", &f, TODAY));
	f = (struct funding_filter){.status = "gesloten"};
	assert_true(funding_matches("", "", "2027-01-10", &f, TODAY));
}

static void test_order(void **state)
{
	(void)state;
	/* open by deadline, then upcoming by opening date, then closed latest first */
	assert_true(funding_compare("", "2027-04-01", 2, "", "2027-05-01", 1, TODAY) < 0);
	assert_true(funding_compare("", "2027-09-01", 1, "2027-04-01", "2027-04-30", 2, TODAY) < 0);
	assert_true(funding_compare("2027-04-01", "2027-12-01", 1, "2027-05-01", "2027-05-30", 2,
				    TODAY) < 0);
	assert_true(funding_compare("2027-05-01", "2027-12-01", 1, "", "2026-01-01", 2, TODAY) < 0);
	assert_true(funding_compare("", "2026-12-01", 1, "", "2026-01-01", 2, TODAY) < 0);
	assert_true(funding_compare("", "2027-04-01", 1, "", "2027-04-01", 2, TODAY) < 0);
	assert_int_equal(funding_compare("", "2027-04-01", 1, "", "2027-04-01", 1, TODAY), 0);
}

static void test_add_days(void **state)
{
	(void)state;
	char out[11];
	assert_true(funding_add_days("2027-03-15", 30, out));
	assert_string_equal(out, "2027-04-14");
	assert_true(funding_add_days("2027-12-20", 20, out));
	assert_string_equal(out, "2028-01-09");
	assert_true(funding_add_days("2028-02-28", 1, out));
	assert_string_equal(out, "2028-02-29");
	assert_false(funding_add_days("morgen", 1, out));
	assert_false(funding_add_days("", 1, out));
}

static void test_lead_days(void **state)
{
	(void)state;
	int l[FUNDING_LEADS_MAX], n;
	assert_true(funding_parse_lead_days("14,3", l, &n));
	assert_int_equal(n, 2);
	assert_int_equal(l[0], 14);
	assert_int_equal(l[1], 3);
	assert_true(funding_parse_lead_days(" 3 , 30,14,3", l, &n)); /* sorted, no repeats */
	assert_int_equal(n, 3);
	assert_int_equal(l[0], 30);
	assert_int_equal(l[1], 14);
	assert_int_equal(l[2], 3);
	assert_true(funding_parse_lead_days("0", l, &n)); /* on the deadline day */
	assert_int_equal(n, 1);
	assert_int_equal(l[0], 0);
	assert_true(funding_parse_lead_days("365", l, &n));
	assert_false(funding_parse_lead_days("366", l, &n));
	assert_false(funding_parse_lead_days("", l, &n));
	assert_false(funding_parse_lead_days("14,", l, &n));
	assert_false(funding_parse_lead_days(",3", l, &n));
	assert_false(funding_parse_lead_days("14;3", l, &n));
	assert_false(funding_parse_lead_days("veertien", l, &n));
	assert_false(funding_parse_lead_days("-3", l, &n));
	assert_false(funding_parse_lead_days("1,2,3,4,5,6,7,8,9", l, &n));
	assert_false(funding_parse_lead_days(NULL, l, &n));
}

static void test_reminder_due(void **state)
{
	(void)state;
	const int l[] = {14, 3};
	/* deadline 2027-03-31: reminder days 03-17 (14) and 03-28 (3) */
	assert_int_equal(funding_reminder_due("2027-03-31", "2027-03-16", l, 2), -1);
	assert_int_equal(funding_reminder_due("2027-03-31", "2027-03-17", l, 2), 14);
	assert_int_equal(funding_reminder_due("2027-03-31", "2027-03-27", l, 2), 14);
	assert_int_equal(funding_reminder_due("2027-03-31", "2027-03-28", l, 2), 3);
	/* a mark made (or a sweep run) after both days: the nearest only */
	assert_int_equal(funding_reminder_due("2027-03-31", "2027-03-30", l, 2), 3);
	assert_int_equal(funding_reminder_due("2027-03-31", "2027-03-31", l, 2), 3);
	/* closed: nothing */
	assert_int_equal(funding_reminder_due("2027-03-31", "2027-04-01", l, 2), -1);
	/* across a year end, and an unsorted list */
	const int m[] = {3, 14};
	assert_int_equal(funding_reminder_due("2028-01-05", "2027-12-22", m, 2), 14);
	assert_int_equal(funding_reminder_due("2028-01-05", "2027-12-21", m, 2), -1);
	assert_int_equal(funding_reminder_due("2028-01-05", "2028-01-02", m, 2), 3);
	assert_int_equal(funding_reminder_due("morgen", "2028-01-02", m, 2), -1);
	int d;
	assert_true(funding_days_until("2028-02-27", "2028-03-01", &d));
	assert_int_equal(d, 3);
	assert_true(funding_days_until("2027-03-02", "2027-03-01", &d));
	assert_int_equal(d, -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_status),	  cmocka_unit_test(test_check),
	    cmocka_unit_test(test_past_deadline), cmocka_unit_test(test_window_and_filters),
	    cmocka_unit_test(test_order),	  cmocka_unit_test(test_add_days),
	    cmocka_unit_test(test_lead_days),	  cmocka_unit_test(test_reminder_due),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
