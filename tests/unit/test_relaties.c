/*
 * test_relaties — domain/relaties.c: the input rules of contact moments,
 * signals and follow-ups (a Dutch message on the right field, nothing
 * else), the signal status transitions and the "no contact for N months"
 * flag at month and year boundaries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/relaties.h"

static const char *only_error(const struct field_errors *e)
{
	assert_int_equal(e->n, 1);
	return e->e[0].field;
}

static void test_contact(void **state)
{
	(void)state;
	struct field_errors e = {0};
	relaties_check_contact(&e, "2026-12-06", "bestuurlijk", "Regionale agenda", "", "intern",
			       "2026-12-07");
	assert_int_equal(e.n, 0);
	relaties_check_contact(&e, "2026-12-07", "netwerkdag", "Netwerkdag", "Regel 1\nRegel 2",
			       "partner", "2026-12-07");
	assert_int_equal(e.n, 0);
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-08", "bestuurlijk", "x", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "datum");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-02-30", "bestuurlijk", "x", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "datum");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "koffie", "x", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "soort");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "anders", "", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "onderwerp");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "anders", "Kop\nmet regel", "", "intern",
			       "2026-12-07");
	assert_string_equal(only_error(&e), "onderwerp");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "anders", "x", "", "openbaar", "2026-12-07");
	assert_string_equal(only_error(&e), "vertrouwelijkheid");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, NULL, NULL, NULL, NULL, NULL, "2026-12-07");
	assert_int_equal(e.n, 4);
}

static void test_signal_and_follow_up(void **state)
{
	(void)state;
	struct field_errors e = {0};
	relaties_check_signal(&e, "Quorum ontbreekt", "", "hoog", "intern");
	assert_int_equal(e.n, 0);
	relaties_check_signal(&e, "Quorum ontbreekt", "", "kritiek", "intern");
	assert_string_equal(only_error(&e), "ernst");
	memset(&e, 0, sizeof e);
	relaties_check_follow_up(&e, "Terugbellen", true, "2026-12-07", "partner", "2026-12-07");
	assert_int_equal(e.n, 0);
	relaties_check_follow_up(&e, "Terugbellen", false, "2026-12-07", "partner", "2026-12-07");
	assert_string_equal(only_error(&e), "eigenaar");
	memset(&e, 0, sizeof e);
	relaties_check_follow_up(&e, "Terugbellen", true, "2026-12-06", "partner", "2026-12-07");
	assert_string_equal(only_error(&e), "uiterlijk");
	memset(&e, 0, sizeof e);
	relaties_check_follow_up(&e, "Terugbellen", true, "", "partner", "2026-12-07");
	assert_string_equal(only_error(&e), "uiterlijk");

	assert_true(relaties_signal_transition("open", "in_behandeling"));
	assert_true(relaties_signal_transition("opgelost", "open"));
	assert_false(relaties_signal_transition("open", "open"));
	assert_false(relaties_signal_transition("open", "weg"));
	assert_false(relaties_signal_transition(NULL, "open"));
}

static void test_quiet(void **state)
{
	(void)state;
	assert_true(relaties_is_quiet("", "2026-12-07", 6));
	assert_true(relaties_is_quiet(NULL, "2026-12-07", 6));
	assert_false(relaties_is_quiet("2026-06-07", "2026-12-07", 6)); /* exactly six months */
	assert_true(relaties_is_quiet("2026-06-06", "2026-12-07", 6));
	/* across the turn of the year */
	assert_false(relaties_is_quiet("2025-09-15", "2026-02-10", 6));
	assert_true(relaties_is_quiet("2025-08-09", "2026-02-10", 6));
	assert_true(relaties_is_quiet("2024-12-31", "2026-12-07", 12));
	assert_false(relaties_is_quiet("2025-12-07", "2026-12-07", 12));
	/* an unreadable today never flags */
	assert_false(relaties_is_quiet("2020-01-01", "morgen", 6));
	assert_string_equal(relaties_label(signal_status_labels, 3, "in_behandeling"),
			    "In behandeling");
	assert_string_equal(relaties_label(signal_status_labels, 3, "onbekend"), "onbekend");
}

static void test_reminder_at(void **state)
{
	(void)state;
	char at[21];
	assert_true(relaties_reminder_at("2026-12-08", at));
	assert_string_equal(at, "2026-12-07T07:00:00Z");
	assert_true(relaties_reminder_at("2027-01-01", at));
	assert_string_equal(at, "2026-12-31T07:00:00Z");
	assert_true(relaties_reminder_at("2028-03-01", at));
	assert_string_equal(at, "2028-02-29T07:00:00Z"); /* a leap year */
	assert_false(relaties_reminder_at("2026-02-30", at));
	assert_false(relaties_reminder_at("morgen", at));
	assert_false(relaties_reminder_at(NULL, at));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_contact),
	    cmocka_unit_test(test_signal_and_follow_up),
	    cmocka_unit_test(test_quiet),
	    cmocka_unit_test(test_reminder_at),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
