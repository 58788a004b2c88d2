/*
 * test_bijeenkomsten — domain/bijeenkomsten.c: the checks of an event (a
 * Dutch message on the right field and nothing else; a start in the past
 * only refused for a new event), the date-time format, places left and the
 * registration deadline, which waiting-list entry moves up first, when the
 * reminder of the day before is due, a
 * guest's name and address, and the Dutch wall-clock time around the
 * daylight-saving changes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/bijeenkomsten.h"
#include "../../src/domain/bijeenkomsten_verslag.h"

static struct event_input good(void)
{
	return (struct event_input){
	    .kind = "netwerkdag",
	    .title = "Netwerkdag Samen Sterker",
	    .starts_at = "2027-03-15T10:00",
	    .ends_at = "2027-03-15T16:00",
	    .location = "Provinciehuis",
	    .capacity = "40",
	    .deadline = "2027-03-10T23:59",
	    .organiser = "Provincie Utrecht",
	};
}

#define NOW "2026-12-07T12:00"

static const char *only_error(const struct event_input *in, bool is_new)
{
	static struct field_errors e;
	memset(&e, 0, sizeof e);
	int cap = -1;
	assert_false(bijeenkomst_check(in, NOW, is_new, &cap, &e));
	assert_int_equal(e.n, 1);
	return e.e[0].field;
}

static void test_check(void **state)
{
	(void)state;
	struct event_input in = good();
	struct field_errors e = {0};
	int cap = 0;
	assert_true(bijeenkomst_check(&in, NOW, true, &cap, &e));
	assert_int_equal(e.n, 0);
	assert_int_equal(cap, 40);

	in.starts_at = "2026-12-07T11:59"; /* a minute ago */
	in.ends_at = "2026-12-07T13:00";
	in.deadline = "";
	assert_string_equal(only_error(&in, true), "begin");
	memset(&e, 0, sizeof e);
	assert_true(bijeenkomst_check(&in, NOW, false, &cap, &e)); /* a correction afterwards */

	in = good();
	in.ends_at = "2027-03-15T10:00"; /* end at the start */
	assert_string_equal(only_error(&in, true), "einde");
	in.ends_at = "2027-03-14T16:00";
	assert_string_equal(only_error(&in, true), "einde");

	in = good();
	in.deadline = "2027-03-15T10:01";
	assert_string_equal(only_error(&in, true), "aanmeldenTot");
	in.deadline = "2027-03-15T10:00"; /* at the start: allowed */
	memset(&e, 0, sizeof e);
	assert_true(bijeenkomst_check(&in, NOW, true, &cap, &e));

	in = good();
	const char *caps[] = {"0", "-3", "", "veertig", "1.5", "100001"};
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		in.capacity = caps[i];
		assert_string_equal(only_error(&in, true), "capaciteit");
	}
	in.capacity = "0";
	memset(&e, 0, sizeof e);
	bijeenkomst_check(&in, NOW, true, &cap, &e);
	assert_non_null(strstr(e.e[0].message, "minstens 1"));

	in = good();
	in.kind = "feest";
	assert_string_equal(only_error(&in, true), "soort");
	in.kind = "reflectieve_sessie";
	assert_string_equal(only_error(&in, true), "doelgroep");
	in.audience = "bestuurders";
	memset(&e, 0, sizeof e);
	assert_true(bijeenkomst_check(&in, NOW, true, &cap, &e));
	in.audience = "iedereen";
	assert_string_equal(only_error(&in, true), "doelgroep");

	in = good();
	in.location = "";
	assert_string_equal(only_error(&in, true), "locatie");
	in.online_url = "https://vergader.example.org/netwerkdag";
	memset(&e, 0, sizeof e);
	assert_true(bijeenkomst_check(&in, NOW, true, &cap, &e));
	in.online_url = "javascript:alert(1)";
	assert_string_equal(only_error(&in, true), "onlineLink");

	in = good();
	in.title = "Regel\neen";
	assert_string_equal(only_error(&in, true), "titel");
	in.title = "";
	assert_string_equal(only_error(&in, true), "titel");
}

static void test_datetime(void **state)
{
	(void)state;
	assert_true(bijeenkomst_datetime_valid("2028-02-29T00:00"));
	assert_true(bijeenkomst_datetime_valid("2027-12-31T23:59"));
	assert_false(bijeenkomst_datetime_valid("2027-02-29T10:00"));
	assert_false(bijeenkomst_datetime_valid("2027-04-31T10:00"));
	assert_false(bijeenkomst_datetime_valid("2027-03-15T24:00"));
	assert_false(bijeenkomst_datetime_valid("2027-03-15T10:60"));
	assert_false(bijeenkomst_datetime_valid("2027-03-15 10:00"));
	assert_false(bijeenkomst_datetime_valid("2027-03-15"));
	assert_false(bijeenkomst_datetime_valid("2027-03-15T10:00:00"));
	assert_false(bijeenkomst_datetime_valid(NULL));
}

static void test_places_and_deadline(void **state)
{
	(void)state;
	assert_int_equal(bijeenkomst_places_left(10, 0), 10);
	assert_int_equal(bijeenkomst_places_left(10, 9), 1);
	assert_int_equal(bijeenkomst_places_left(10, 10), 0);
	assert_int_equal(bijeenkomst_places_left(10, 12), 0); /* capacity lowered afterwards */
	const char *start = "2027-03-15T10:00";
	assert_true(bijeenkomst_registration_open("2027-03-10T23:59", start, "2027-03-10T23:58"));
	assert_false(bijeenkomst_registration_open("2027-03-10T23:59", start, "2027-03-10T23:59"));
	assert_false(bijeenkomst_registration_open("2027-03-10T23:59", start, "2027-03-11T08:00"));
	/* no deadline: until the start */
	assert_true(bijeenkomst_registration_open("", start, "2027-03-15T09:59"));
	assert_false(bijeenkomst_registration_open("", start, "2027-03-15T10:00"));
	assert_false(bijeenkomst_registration_open("", start, NULL));
	assert_false(bijeenkomst_is_past(start, "2027-03-15T16:00", "2027-03-15T15:59"));
	assert_true(bijeenkomst_is_past(start, "2027-03-15T16:00", "2027-03-15T16:01"));
	assert_true(bijeenkomst_status_takes_place("bevestigd"));
	assert_true(bijeenkomst_status_takes_place("aanwezig"));
	assert_false(bijeenkomst_status_takes_place("wachtlijst"));
	assert_false(bijeenkomst_status_takes_place("onbevestigd"));
	assert_false(bijeenkomst_status_takes_place(NULL));
}

static void test_waiting_list(void **state)
{
	(void)state;
	const struct waiting_entry w[] = {
	    {1, "bevestigd", ""},
	    {7, "wachtlijst", "2027-02-01T10:00:00.000Z"},
	    {3, "geannuleerd", "2027-01-01T10:00:00.000Z"}, /* was waiting, left */
	    {5, "wachtlijst", "2027-02-01T09:00:00.000Z"},
	    {4, "wachtlijst", "2027-02-01T09:00:00.000Z"}, /* same moment: lower id first */
	    {2, "onbevestigd", ""},
	};
	assert_int_equal(bijeenkomst_next_waiting(w, 6), 4);
	assert_int_equal(bijeenkomst_next_waiting(w, 2), 1);
	assert_int_equal(bijeenkomst_next_waiting(w, 1), -1);
	assert_int_equal(bijeenkomst_next_waiting(w, 0), -1);
}

static void test_guest(void **state)
{
	(void)state;
	struct field_errors e = {0};
	assert_true(
	    bijeenkomst_check_guest("Zoë de Vries", "Gemeente Fictief", "zoe@voorbeeld.nl", &e));
	assert_false(bijeenkomst_check_guest("Zoë", "Gemeente", "geen-adres", &e));
	assert_int_equal(e.n, 1);
	assert_string_equal(e.e[0].field, "email");
	memset(&e, 0, sizeof e);
	assert_false(
	    bijeenkomst_check_guest("Evil\r\nBcc: x@voorbeeld.nl", "X", "a@voorbeeld.nl", &e));
	assert_string_equal(e.e[0].field, "naam");
	memset(&e, 0, sizeof e);
	assert_false(bijeenkomst_check_guest("", "", "a@voorbeeld.nl", &e));
	assert_int_equal(e.n, 2);
}

static void test_reminder(void **state)
{
	(void)state;
	char at[21];
	assert_true(bijeenkomst_reminder_at("2027-03-15T10:00", at));
	assert_string_equal(at, "2027-03-14T07:00:00Z");
	assert_true(bijeenkomst_reminder_at("2027-03-01T09:00", at)); /* across a month */
	assert_string_equal(at, "2027-02-28T07:00:00Z");
	assert_true(bijeenkomst_reminder_at("2028-03-01T09:00", at)); /* a leap year */
	assert_string_equal(at, "2028-02-29T07:00:00Z");
	assert_true(bijeenkomst_reminder_at("2028-01-01T00:30", at)); /* across a year */
	assert_string_equal(at, "2027-12-31T07:00:00Z");
	assert_false(bijeenkomst_reminder_at("morgen", at));
}

static void test_local_time(void **state)
{
	(void)state;
	char out[17];
	bijeenkomst_local_time(1797076800, out); /* 2026-12-12T12:00Z, winter */
	assert_string_equal(out, "2026-12-12T13:00");
	bijeenkomst_local_time(1814356800, out); /* 2027-06-30T12:00Z, summer */
	assert_string_equal(out, "2027-06-30T14:00");
	/* 2027-03-28 is the last Sunday of March: 00:59Z is still CET, 01:00Z CEST */
	bijeenkomst_local_time(1806195540, out);
	assert_string_equal(out, "2027-03-28T01:59");
	bijeenkomst_local_time(1806195600, out);
	assert_string_equal(out, "2027-03-28T03:00");
	/* 2027-10-31: 00:59Z is CEST, 01:00Z CET again */
	bijeenkomst_local_time(1824944340, out);
	assert_string_equal(out, "2027-10-31T02:59");
	bijeenkomst_local_time(1824944400, out);
	assert_string_equal(out, "2027-10-31T02:00");
}

/* Where a queued reminder goes when the start moves: the day before at
 * 07:00 UTC while that is still ahead, else withdrawn. */
static void test_reminder_move(void **state)
{
	(void)state;
	char at[21];
	assert_true(bijeenkomst_reminder_move("2027-03-15T10:00", "2027-03-01T12:00:00.000Z", at));
	assert_string_equal(at, "2027-03-14T07:00:00Z");
	/* a minute before the reminder's moment: still moved */
	assert_true(bijeenkomst_reminder_move("2027-03-15T10:00", "2027-03-14T06:59:59.999Z", at));
	/* at or after that moment: withdrawn */
	assert_false(bijeenkomst_reminder_move("2027-03-15T10:00", "2027-03-14T07:00:00.000Z", at));
	assert_false(bijeenkomst_reminder_move("2027-03-15T10:00", "2027-03-15T09:00:00.000Z", at));
	/* moved to an earlier start across a month */
	assert_true(bijeenkomst_reminder_move("2027-03-01T09:00", "2027-02-01T00:00:00.000Z", at));
	assert_string_equal(at, "2027-02-28T07:00:00Z");
	assert_false(bijeenkomst_reminder_move("geen datum", "2027-02-01T00:00:00.000Z", at));
	assert_string_equal(at, "");
}

static void test_after_the_event(void **state)
{
	(void)state;
	struct field_errors e = {0};
	assert_true(bijeenkomst_has_started("2027-03-15T10:00", "2027-03-15T10:00"));
	assert_false(bijeenkomst_has_started("2027-03-15T10:00", "2027-03-15T09:59"));
	assert_false(
	    bijeenkomst_check_report("Verslag", "2027-03-15T10:00", "2027-03-15T09:59", &e));
	assert_string_equal(e.e[0].field, "verslag");
	memset(&e, 0, sizeof e);
	assert_true(bijeenkomst_check_report("Regel een\n\nRegel twee", "2027-03-15T10:00",
					     "2027-03-16T09:00", &e));
	assert_true(bijeenkomst_check_report("", "2027-03-15T10:00", "2027-03-16T09:00", &e));
	assert_true(bijeenkomst_url_valid("https://voorbeeld.nl/a.pdf"));
	assert_true(bijeenkomst_url_valid("https://voorbeeld.nl"));
	assert_false(bijeenkomst_url_valid("http://voorbeeld.nl/a.pdf"));
	assert_false(bijeenkomst_url_valid("https://"));
	assert_false(bijeenkomst_url_valid("https:///pad"));
	assert_false(bijeenkomst_url_valid("javascript:alert(1)"));
	assert_false(bijeenkomst_url_valid("https://voorbeeld.nl/met spatie"));
	assert_false(bijeenkomst_url_valid("https://voorbeeld.nl/\"<script>"));
	assert_false(
	    bijeenkomst_check_document("", "ftp://x", "2027-03-15T10:00", "2027-03-16T09:00", &e));
	assert_int_equal(e.n, 2);
	memset(&e, 0, sizeof e);
	assert_false(bijeenkomst_check_document("Presentatie", "https://voorbeeld.nl/a.pdf",
						"2027-03-15T10:00", "2027-03-14T09:00", &e));
	assert_string_equal(e.e[0].field, "titel");
	assert_string_equal(bijeenkomst_contact_kind("netwerkdag"), "netwerkdag");
	assert_string_equal(bijeenkomst_contact_kind("kennissessie"), "anders");
	memset(&e, 0, sizeof e);
	assert_true(bijeenkomst_check_attendee("Fenna Kwakkelstaart", "", &e));
	assert_false(bijeenkomst_check_attendee("", "Gemeente Fictief", &e));
	memset(&e, 0, sizeof e);
	assert_false(bijeenkomst_check_attendee("Evil\r\nBcc: x@voorbeeld.nl", "", &e));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_check),
	    cmocka_unit_test(test_datetime),
	    cmocka_unit_test(test_places_and_deadline),
	    cmocka_unit_test(test_waiting_list),
	    cmocka_unit_test(test_guest),
	    cmocka_unit_test(test_local_time),
	    cmocka_unit_test(test_reminder),
	    cmocka_unit_test(test_reminder_move),
	    cmocka_unit_test(test_after_the_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
