/*
 * test_toezicht_ladder — domain/toezicht_ladder.c: the ladder transitions
 * (escalating beyond step 2 and skipping a step need a reason, the same
 * step again is refused, a start before the current step's), which records
 * are public (steps 4 and 5 and the crown track), the crown track (a
 * subject, no step), ending a record, agreements, and the dialogue log
 * (kinds, visibility, the reviewers of a peer review).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/toezicht_ladder.h"

static void test_transitions(void **state)
{
	(void)state;
	assert_false(ibt_step_needs_reason(0, 1)); /* signalering: no reason */
	assert_false(ibt_step_needs_reason(1, 2));
	assert_true(ibt_step_needs_reason(0, 2)); /* skips step 1 */
	assert_true(ibt_step_needs_reason(2, 3)); /* beyond step 2 */
	assert_true(ibt_step_needs_reason(3, 4));
	assert_true(ibt_step_needs_reason(4, 5));
	assert_true(ibt_step_needs_reason(1, 3));  /* skips and escalates */
	assert_false(ibt_step_needs_reason(3, 2)); /* de-escalation */
	assert_false(ibt_step_needs_reason(5, 1));
	assert_string_equal(ibt_step_name(1), "Signalering");
	assert_string_equal(ibt_step_name(4), "Besluit tot indeplaatsstelling");
	assert_string_equal(ibt_step_name(6), "");
	assert_int_equal(ibt_track_from("kroon"), IBT_TRACK_CROWN);
	assert_int_equal(ibt_track_from("Kroon"), -1);
}

static void test_public(void **state)
{
	(void)state;
	for (int s = 1; s <= 3; s++)
		assert_false(ibt_record_public(IBT_TRACK_LADDER, s));
	assert_true(ibt_record_public(IBT_TRACK_LADDER, 4));
	assert_true(ibt_record_public(IBT_TRACK_LADDER, 5));
	assert_true(ibt_record_public(IBT_TRACK_CROWN, 0));
}

static const struct ibt_step_context ctx = {
    .org_known = true,
    .domain_known = true,
    .domain_applies = true,
    .current = 2,
    .current_since = "2026-02-01",
    .today = "2027-03-15",
};

static struct ibt_step_input step(const char *s, const char *reason)
{
	return (struct ibt_step_input){.org = "gm9999",
				       .domain = "informatiebeheer",
				       .track = "",
				       .step = s,
				       .since = "2027-01-05",
				       .subject = "",
				       .reason = reason};
}

static void test_step(void **state)
{
	(void)state;
	enum ibt_track t;
	int n;
	struct field_errors e = {0};
	struct ibt_step_input in = step("3", "Fictieve reden.");
	ibt_check_step(&e, &in, &ctx, &t, &n);
	assert_int_equal(e.n, 0);
	assert_int_equal(n, 3);
	assert_int_equal(t, IBT_TRACK_LADDER);
	struct field_errors e2 = {0};
	in = step("3", "  \n");
	ibt_check_step(&e2, &in, &ctx, &t, &n);
	assert_non_null(strstr(field_errors_get(&e2, "reden"), "Opschalen voorbij trede 2"));
	struct field_errors e3 = {0};
	in = step("4", "");
	ibt_check_step(&e3, &in, &ctx, &t, &n);
	assert_non_null(strstr(field_errors_get(&e3, "reden"), "slaat een trede over"));
	struct field_errors e4 = {0};
	in = step("2", "");
	ibt_check_step(&e4, &in, &ctx, &t, &n);
	assert_non_null(strstr(field_errors_get(&e4, "trede"), "al de huidige trede"));
	struct field_errors e5 = {0};
	in = step("1", ""); /* back down: no reason needed */
	ibt_check_step(&e5, &in, &ctx, &t, &n);
	assert_int_equal(e5.n, 0);
	struct field_errors e6 = {0};
	in = step("1", "");
	in.since = "2026-01-31"; /* before the current step began */
	ibt_check_step(&e6, &in, &ctx, &t, &n);
	assert_non_null(field_errors_get(&e6, "sinds"));
	struct field_errors e7 = {0};
	in = step("1", "");
	in.since = "2027-03-16";
	ibt_check_step(&e7, &in, &ctx, &t, &n);
	assert_non_null(strstr(field_errors_get(&e7, "sinds"), "toekomst"));
	struct field_errors e8 = {0};
	in = step("0", "");
	ibt_check_step(&e8, &in, &ctx, &t, &n);
	assert_non_null(field_errors_get(&e8, "trede"));
	struct field_errors e9 = {0};
	struct ibt_step_context bad = ctx;
	bad.domain_applies = false;
	in = step("3", "Fictief.");
	ibt_check_step(&e9, &in, &bad, &t, &n);
	assert_non_null(strstr(field_errors_get(&e9, "domein"), "geldt niet"));
}

static void test_crown(void **state)
{
	(void)state;
	enum ibt_track t;
	int n;
	struct field_errors e = {0};
	struct ibt_step_input in = step("", "");
	in.track = "kroon";
	in.subject = "Fictief raadsbesluit";
	ibt_check_step(&e, &in, &ctx, &t, &n);
	assert_int_equal(e.n, 0);
	assert_int_equal(t, IBT_TRACK_CROWN);
	assert_int_equal(n, 0);
	struct field_errors e2 = {0};
	in.subject = "";
	in.step = "4";
	ibt_check_step(&e2, &in, &ctx, &t, &n);
	assert_non_null(field_errors_get(&e2, "onderwerp"));
	assert_non_null(field_errors_get(&e2, "trede"));
	struct field_errors e3 = {0};
	in.track = "beroep";
	ibt_check_step(&e3, &in, &ctx, &t, &n);
	assert_non_null(field_errors_get(&e3, "spoor"));
}

static void test_end_and_agreement(void **state)
{
	(void)state;
	struct field_errors e = {0};
	ibt_check_end(&e, "2027-01-01", "2026-06-01", "2027-03-15");
	assert_int_equal(e.n, 0);
	ibt_check_end(&e, "2026-05-31", "2026-06-01", "2027-03-15");
	assert_non_null(strstr(field_errors_get(&e, "tot"), "voor de begindatum"));
	struct field_errors e2 = {0};
	ibt_check_end(&e2, "2027-04-01", "2026-06-01", "2027-03-15");
	assert_non_null(strstr(field_errors_get(&e2, "tot"), "toekomst"));
	enum ibt_agreement_status s;
	struct field_errors e3 = {0};
	struct ibt_agreement_input a = {"Fictieve actie", "Fictief college", "2028-01-01", ""};
	ibt_check_agreement(&e3, &a, &s);
	assert_int_equal(e3.n, 0);
	assert_int_equal(s, IBT_AGR_OPEN); /* a due date in the future is fine */
	a.status = "uitgevoerd";
	ibt_check_agreement(&e3, &a, &s);
	assert_int_equal(s, IBT_AGR_DONE);
	struct field_errors e4 = {0};
	struct ibt_agreement_input bad = {" ", "x", "1 januari", "klaar"};
	ibt_check_agreement(&e4, &bad, &s);
	assert_int_equal(e4.n, 4);
}

static bool known(const char *code, void *arg)
{
	(void)arg;
	return !strcmp(code, "gm0001") || !strcmp(code, "gm0002") || !strcmp(code, "gm9999");
}

static void test_dialogue(void **state)
{
	(void)state;
	struct ibt_dialogue_context c = {
	    .org_known = true, .today = "2027-03-15", .reviewer_known = known};
	struct ibt_dialogue_input in = {.org = "gm9999",
					.domain = "",
					.kind = "peer-review",
					.held_on = "2027-02-01",
					.subject = "Fictieve visitatie",
					.participants = "",
					.reviewers = "gm0001;gm0002",
					.report_url = "https://voorbeeld.invalid/r.pdf",
					.notes = "",
					.visibility = "gedeeld"};
	enum ibt_dialogue_kind k;
	bool shared;
	struct field_errors e = {0};
	ibt_check_dialogue(&e, &in, &c, &k, &shared);
	assert_int_equal(e.n, 0);
	assert_int_equal(k, IBT_DLG_PEER);
	assert_true(shared);
	const char *bad_reviewers[] = {"", "gm0001;gm0001", "gm0001;gm9999", "gm0001;gm4040"};
	for (size_t i = 0; i < sizeof bad_reviewers / sizeof *bad_reviewers; i++) {
		struct field_errors x = {0};
		in.reviewers = bad_reviewers[i];
		ibt_check_dialogue(&x, &in, &c, &k, &shared);
		assert_non_null(field_errors_get(&x, "beoordelaars"));
	}
	struct field_errors e2 = {0};
	in.kind = "toezichtgesprek";
	in.reviewers = "gm0001";
	in.visibility = "openbaar";
	in.report_url = "ftp://x";
	ibt_check_dialogue(&e2, &in, &c, &k, &shared);
	assert_non_null(field_errors_get(&e2, "beoordelaars"));
	assert_non_null(field_errors_get(&e2, "zichtbaarheid"));
	assert_non_null(field_errors_get(&e2, "rapport"));
	struct field_errors e3 = {0};
	in.reviewers = "";
	in.visibility = "intern";
	in.report_url = "";
	in.held_on = "2027-03-16";
	ibt_check_dialogue(&e3, &in, &c, &k, &shared);
	assert_int_equal(e3.n, 1);
	assert_non_null(field_errors_get(&e3, "datum"));
	assert_false(shared);
	assert_int_equal(ibt_dialogue_kind_from("reality-check"), IBT_DLG_REALITY);
	assert_int_equal(ibt_dialogue_kind_from("visitatie"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_transitions),
	    cmocka_unit_test(test_public),
	    cmocka_unit_test(test_step),
	    cmocka_unit_test(test_crown),
	    cmocka_unit_test(test_end_and_agreement),
	    cmocka_unit_test(test_dialogue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
