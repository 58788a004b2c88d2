/*
 * test_bijeenkomsten_agenda — domain/bijeenkomsten_agenda.c: the checks of
 * a proposal (title required and at most 200 characters, an explanation of
 * at most 2000), of a staff decision (a known status, a place 1..999 or
 * none, a time HH:MM or none; NULL keeps), until when proposing is open
 * (before the start), and the support rule (closed, decided, own
 * organisation, twice, in that order).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/bijeenkomsten_agenda.h"

static char long_text[2100];

static const char *item_error(const char *title, const char *description)
{
	static struct field_errors e;
	memset(&e, 0, sizeof e);
	const struct agenda_input in = {.title = title, .description = description};
	bool ok = agenda_check_item(&in, &e);
	if (ok) {
		assert_int_equal(e.n, 0);
		return NULL;
	}
	assert_int_equal(e.n, 1);
	return e.e[0].message;
}

static void test_item(void **state)
{
	(void)state;
	assert_null(item_error("Woningbouw in de regio", ""));
	assert_null(item_error("Woningbouw in de regio", NULL));
	assert_null(item_error("Woningbouw", "Regel één\nRegel twee"));
	assert_string_equal(item_error("", ""), "Vul de titel van het agendapunt in.");
	assert_string_equal(item_error(NULL, ""), "Vul de titel van het agendapunt in.");
	assert_string_equal(item_error("   ", ""), "Vul de titel van het agendapunt in.");
	memset(long_text, 'x', 201);
	long_text[201] = '\0';
	assert_non_null(strstr(item_error(long_text, ""), "hoogstens 200 tekens"));
	long_text[200] = '\0';
	assert_null(item_error(long_text, ""));
	memset(long_text, 'y', 2001);
	long_text[2001] = '\0';
	assert_non_null(strstr(item_error("Goed", long_text), "hoogstens 2000 tekens"));
	assert_non_null(strstr(item_error("Twee\nregels", ""), "stuurteken"));
}

static struct field_errors decision(const char *status, const char *pos, const char *time, int *p)
{
	struct field_errors e = {0};
	const struct agenda_decision d = {.status = status, .position = pos, .start_time = time};
	agenda_check_decision(&d, p, &e);
	return e;
}

static void test_decision(void **state)
{
	(void)state;
	int p = 99;
	struct field_errors e = decision("geaccepteerd", "3", "14:30", &p);
	assert_int_equal(e.n, 0);
	assert_int_equal(p, 3);
	e = decision(NULL, NULL, NULL, &p);
	assert_int_equal(e.n, 0);
	assert_int_equal(p, -1); /* keep */
	e = decision("afgewezen", "", "", &p);
	assert_int_equal(e.n, 0);
	assert_int_equal(p, 0); /* none */
	e = decision("klaar", "0", "24:00", &p);
	assert_int_equal(e.n, 3);
	assert_non_null(field_errors_get(&e, "status"));
	assert_non_null(field_errors_get(&e, "volgorde"));
	assert_non_null(field_errors_get(&e, "tijd"));
	e = decision("voorgesteld", "1000", "9:30", &p);
	assert_int_equal(e.n, 2);
	e = decision("voorgesteld", "999", "23:59", &p);
	assert_int_equal(e.n, 0);
	assert_int_equal(p, 999);
	assert_true(agenda_time_valid("00:00"));
	assert_false(agenda_time_valid("12:60"));
	assert_false(agenda_time_valid("1230"));
	assert_false(agenda_time_valid(NULL));
	assert_string_equal(agenda_status_label("geaccepteerd"), "In het programma");
	assert_string_equal(agenda_status_label("onbekend"), "onbekend");
}

static void test_open(void **state)
{
	(void)state;
	assert_true(agenda_open("2027-03-15T10:00", "2027-03-15T09:59"));
	assert_false(agenda_open("2027-03-15T10:00", "2027-03-15T10:00"));
	assert_false(agenda_open("2027-03-15T10:00", "2027-03-16T08:00"));
	assert_false(agenda_open("", "2027-03-15T09:00"));
	assert_false(agenda_open("2027-03-15T10:00", NULL));
}

static void test_support(void **state)
{
	(void)state;
	assert_int_equal(agenda_support_rule("voorgesteld", "gm0344", "gm0307", false, true),
			 AGENDA_SUPPORT_OK);
	assert_int_equal(agenda_support_rule("voorgesteld", "gm0344", "gm0344", false, true),
			 AGENDA_SUPPORT_OWN);
	assert_int_equal(agenda_support_rule("voorgesteld", "gm0344", "gm0307", true, true),
			 AGENDA_SUPPORT_TWICE);
	assert_int_equal(agenda_support_rule("geaccepteerd", "gm0344", "gm0307", false, true),
			 AGENDA_SUPPORT_DECIDED);
	assert_int_equal(agenda_support_rule("afgewezen", "gm0344", "gm0344", true, true),
			 AGENDA_SUPPORT_DECIDED);
	assert_int_equal(agenda_support_rule("voorgesteld", "gm0344", "gm0344", true, false),
			 AGENDA_SUPPORT_CLOSED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_item),
	    cmocka_unit_test(test_decision),
	    cmocka_unit_test(test_open),
	    cmocka_unit_test(test_support),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
