/*
 * test_wgr_calendar — the Wgr planning & control rules (domain/wgr_calendar.h)
 * with the real rule table data/wgr-pc-rules.csv (read by io/wgr_rules.h):
 * rule syntax, worked examples per article, year boundaries, 12 weeks across
 * the summer, old rules before the revision of 1 July 2022 versus new ones,
 * the minister (art. 58) versus Gedeputeerde Staten, and regelingen without
 * an own budget or with an unknown legal form. Runs from the repository root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/wgr_calendar.h"
#include "../../src/io/wgr_rules.h"

#include <stdio.h>
#include <string.h>

static struct wgr_rules rules;

static int setup(void **state)
{
	(void)state;
	char err[512];
	if (wgr_rules_load("data/wgr-pc-rules.csv", &rules, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	wgr_rules_free(&rules);
	return 0;
}

/* Compute and return the moment for doc (NULL when absent). */
static const struct wgr_moment *find(struct wgr_moment *m, int n, enum wgr_doc d)
{
	for (int i = 0; i < n; i++)
		if (m[i].doc == d)
			return &m[i];
	return NULL;
}

static int compute(enum legal_form lf, bool minister, int year, const char *ab,
		   struct wgr_moment *m)
{
	struct wgr_input in = {.legal_form = lf,
			       .kind = COLLAB_JOINT_ARRANGEMENT,
			       .minister = minister,
			       .year = year,
			       .ab_date = ab};
	return wgr_calendar_compute(&rules, &in, m, WGR_MAX_MOMENTS);
}

static void test_rule_syntax(void **state)
{
	(void)state;
	struct wgr_term t[WGR_MAX_TERMS];
	assert_int_equal(wgr_rule_parse("Y-1-04-30", t, WGR_MAX_TERMS), 1);
	assert_int_equal(t[0].kind, WGR_T_FIXED);
	assert_int_equal(t[0].year_offset, -1);
	assert_int_equal(t[0].month, 4);
	assert_int_equal(t[0].day, 30);
	assert_int_equal(wgr_rule_parse("Y+1-07-15", t, WGR_MAX_TERMS), 1);
	assert_int_equal(t[0].year_offset, 1);
	assert_int_equal(wgr_rule_parse("AB-12w", t, WGR_MAX_TERMS), 1);
	assert_int_equal(t[0].kind, WGR_T_AB);
	assert_int_equal(t[0].days, -84);
	assert_int_equal(wgr_rule_parse("AB+2w|Y-1-09-15", t, WGR_MAX_TERMS), 2);
	assert_int_equal(t[0].days, 14);
	assert_int_equal(t[1].month, 9);
	assert_int_equal(wgr_rule_parse("EVENT+8w", t, WGR_MAX_TERMS), 1);
	assert_int_equal(t[0].kind, WGR_T_EVENT);
	assert_int_equal(t[0].days, 56);
	const char *bad[] = {"",
			     "X",
			     "AB12w",
			     "AB-12",
			     "Y-1-02-30",
			     "Y-1-13-01",
			     "Y-1-04-30|",
			     "Y-9-04-30",
			     "AB-w",
			     "Y-1-4-30",
			     "AB-1w|AB-2w|AB-3w|AB-4w"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(wgr_rule_parse(bad[i], t, WGR_MAX_TERMS), -1);
}

static void test_table_loaded(void **state)
{
	(void)state;
	assert_true(rules.n >= 14);
	for (int i = 0; i < rules.n; i++) {
		assert_true(rules.rules[i].confidence == 'H' || rules.rules[i].confidence == 'M');
		assert_true(strncmp(rules.rules[i].source, "https://", 8) == 0);
	}
}

static void test_bad_rows(void **state)
{
	(void)state;
	struct wgr_rule r;
	char err[200];
	const char *ok[] = {"x", "kadernota",  "art. 34b", "Y-1-04-30",		  "alle", "a",
			    "b", "2022-07-01", "",	   "https://example.org", "M",	  ""};
	assert_int_equal(wgr_rule_from_fields(&r, ok, err, sizeof err), 0);
	const char *f[12];
	memcpy(f, ok, sizeof f);
	f[1] = "begroting";
	assert_int_equal(wgr_rule_from_fields(&r, f, err, sizeof err), -1);
	assert_non_null(strstr(err, "onbekend document"));
	memcpy(f, ok, sizeof f);
	f[4] = "iedereen";
	assert_int_equal(wgr_rule_from_fields(&r, f, err, sizeof err), -1);
	memcpy(f, ok, sizeof f);
	f[10] = "L";
	assert_int_equal(wgr_rule_from_fields(&r, f, err, sizeof err), -1);
	memcpy(f, ok, sizeof f);
	f[7] = "2022-02-30";
	assert_int_equal(wgr_rule_from_fields(&r, f, err, sizeof err), -1);
	memcpy(f, ok, sizeof f);
	f[8] = "2021-01-01"; /* before valid_from */
	assert_int_equal(wgr_rule_from_fields(&r, f, err, sizeof err), -1);
}

/* New rules (budget year 2025), no AB date known, gemeenten only (GS). */
static void test_new_rules_without_ab(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	int n = compute(LF_OL, false, 2025, NULL, m);
	assert_int_equal(n, 7);
	const struct wgr_moment *x = find(m, n, WGR_DOC_KADERNOTA);
	assert_string_equal(x->date, "2024-04-30"); /* art. 34b: before 30 April Y-1 */
	assert_string_equal(x->rule->article, "art. 34b Wgr");
	assert_int_equal(x->rule->confidence, 'M');
	assert_string_equal(x->when, "uiterlijk 30 april 2024");
	x = find(m, n, WGR_DOC_VOORLOPIGE_JAARREKENING);
	assert_string_equal(x->date, "2026-04-30"); /* art. 34b: before 30 April Y+1 */
	x = find(m, n, WGR_DOC_ONTWERPBEGROTING);   /* art. 35: no fake date */
	assert_string_equal(x->date, "");
	assert_string_equal(x->when, "uiterlijk 12 weken vóór de AB-vergadering (datum onbekend)");
	x = find(m, n, WGR_DOC_ZIENSWIJZE_BEGROTING);
	assert_string_equal(x->date, "");
	assert_non_null(strstr(x->when, "datum onbekend"));
	x = find(m, n, WGR_DOC_BEGROTING_TOEZICHT); /* art. 34: 15 September Y-1 to GS */
	assert_string_equal(x->date, "2024-09-15");
	assert_string_equal(x->receives, "Gedeputeerde Staten");
	assert_string_equal(x->rule->article, "art. 34 lid 2 Wgr");
	x = find(m, n, WGR_DOC_JAARREKENING_TOEZICHT); /* 15 July Y+1; M (inferred) */
	assert_string_equal(x->date, "2026-07-15");
	assert_int_equal(x->rule->confidence, 'M');
	x = find(m, n, WGR_DOC_ZIENSWIJZE_ONTWERPREGELING); /* art. 1: 8 weeks, no date */
	assert_string_equal(x->date, "");
	assert_string_equal(x->rule->article, "art. 1 lid 2-5 Wgr");
	assert_non_null(strstr(x->when, "8 weken"));
}

/* With an AB date the art. 35 moments and the 2-week term derive from it. */
static void test_with_ab_date(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	int n = compute(LF_OL, false, 2025, "2024-07-03", m);
	assert_string_equal(find(m, n, WGR_DOC_ONTWERPBEGROTING)->date, "2024-04-10");
	assert_string_equal(find(m, n, WGR_DOC_ZIENSWIJZE_BEGROTING)->date, "2024-07-03");
	/* within 2 weeks of adoption, and before 15 September: the earlier */
	assert_string_equal(find(m, n, WGR_DOC_BEGROTING_TOEZICHT)->date, "2024-07-17");
}

/* 12 weeks across the summer recess: AB on 2 October → draft by 10 July. */
static void test_twelve_weeks_across_summer(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	int n = compute(LF_OL, false, 2025, "2024-10-02", m);
	assert_string_equal(find(m, n, WGR_DOC_ONTWERPBEGROTING)->date, "2024-07-10");
	assert_string_equal(find(m, n, WGR_DOC_ZIENSWIJZE_BEGROTING)->date, "2024-10-02");
	/* 2 weeks after 2 October is later than 15 September: the fixed date wins */
	assert_string_equal(find(m, n, WGR_DOC_BEGROTING_TOEZICHT)->date, "2024-09-15");
}

/* Year boundaries and leap years. */
static void test_year_boundaries(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	int n = compute(LF_OL, false, 2025, "2025-01-20", m);
	assert_string_equal(find(m, n, WGR_DOC_ONTWERPBEGROTING)->date, "2024-10-28");
	n = compute(LF_OL, false, 2025, "2024-03-01", m); /* across 29 February 2024 */
	assert_string_equal(find(m, n, WGR_DOC_ONTWERPBEGROTING)->date, "2023-12-08");
	char out[11];
	wgr_date_add("2024-12-31", 1, out);
	assert_string_equal(out, "2025-01-01");
	wgr_date_add("2024-02-28", 1, out);
	assert_string_equal(out, "2024-02-29");
	int y, mo, d;
	assert_int_equal(wgr_date_parse("2023-02-29", &y, &mo, &d), -1);
	assert_int_equal(wgr_date_parse("2024-02-29", &y, &mo, &d), 0);
	/* a malformed AB date is treated as unknown, never guessed */
	n = compute(LF_OL, false, 2025, "2024-13-01", m);
	assert_string_equal(find(m, n, WGR_DOC_ONTWERPBEGROTING)->date, "");
}

/* Old rules: 15 April, 8 weeks, 1 August. */
static void test_old_rules(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	int n = compute(LF_OL, false, 2022, NULL, m);
	assert_string_equal(find(m, n, WGR_DOC_KADERNOTA)->date, "2021-04-15");
	assert_string_equal(find(m, n, WGR_DOC_BEGROTING_TOEZICHT)->date, "2021-08-01");
	assert_string_equal(find(m, n, WGR_DOC_ONTWERPBEGROTING)->when,
			    "uiterlijk 8 weken vóór de AB-vergadering (datum onbekend)");
	/* the voorlopige jaarrekening 2022 is due in 2023: new rule */
	assert_string_equal(find(m, n, WGR_DOC_VOORLOPIGE_JAARREKENING)->date, "2023-04-30");
	n = compute(LF_OL, false, 2022, "2021-07-07", m);
	assert_string_equal(find(m, n, WGR_DOC_ONTWERPBEGROTING)->date, "2021-05-12");
	assert_string_equal(find(m, n, WGR_DOC_BEGROTING_TOEZICHT)->date, "2021-07-21");
	/* transition: the kadernota 2023 was due in April 2022, before the revision */
	n = compute(LF_OL, false, 2023, NULL, m);
	assert_string_equal(find(m, n, WGR_DOC_KADERNOTA)->date, "2022-04-15");
	assert_string_equal(find(m, n, WGR_DOC_BEGROTING_TOEZICHT)->date, "2022-09-15");
	assert_non_null(strstr(find(m, n, WGR_DOC_ONTWERPBEGROTING)->when, "12 weken"));
	/* no jaarrekening rule is encoded before the revision (not verified) */
	n = compute(LF_OL, false, 2020, NULL, m);
	assert_null(find(m, n, WGR_DOC_JAARREKENING_TOEZICHT));
	assert_string_equal(find(m, n, WGR_DOC_KADERNOTA)->date, "2019-04-15");
}

/* A province or water board takes part: the minister of BZK (art. 58). */
static void test_minister(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	int n = compute(LF_OL, true, 2025, NULL, m);
	const struct wgr_moment *x = find(m, n, WGR_DOC_BEGROTING_TOEZICHT);
	assert_string_equal(x->date, "2024-09-15");
	assert_string_equal(x->rule->article, "art. 58 Wgr");
	assert_non_null(strstr(x->receives, "minister"));
	assert_int_equal(x->rule->confidence, 'H');
	x = find(m, n, WGR_DOC_JAARREKENING_TOEZICHT);
	assert_string_equal(x->date, "2026-07-15");
	assert_string_equal(x->rule->article, "art. 58 Wgr");
	/* exactly one supervisor per document */
	int k = 0;
	for (int i = 0; i < n; i++)
		k += m[i].doc == WGR_DOC_BEGROTING_TOEZICHT;
	assert_int_equal(k, 1);
}

/* GO and BVO have one board: no AB/DB wording. */
static void test_single_board(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	int n = compute(LF_BVO, false, 2025, NULL, m);
	assert_int_equal(n, 7);
	assert_string_equal(find(m, n, WGR_DOC_KADERNOTA)->acts, "bestuur");
	assert_non_null(
	    strstr(find(m, n, WGR_DOC_ONTWERPBEGROTING)->when, "vergadering van het bestuur"));
	assert_int_equal(compute(LF_GO, false, 2025, NULL, m), 7);
}

/* No own budget, not Wgr, or unknown form: nothing is computed. */
static void test_no_moments(void **state)
{
	(void)state;
	struct wgr_moment m[WGR_MAX_MOMENTS];
	assert_int_equal(compute(LF_CC, false, 2025, NULL, m), 0);
	assert_int_equal(compute(LF_RZM, false, 2025, NULL, m), 0);
	assert_int_equal(compute(LF_UNKNOWN, false, 2025, NULL, m), 0);
	assert_int_equal(wgr_budget_of(COLLAB_JOINT_ARRANGEMENT, LF_UNKNOWN), WGR_UNKNOWN_FORM);
	assert_int_equal(wgr_budget_of(COLLAB_NETWORK, LF_UNKNOWN), WGR_NOT_WGR);
	assert_int_equal(wgr_budget_of(COLLAB_NETWORK, LF_CONVENANT), WGR_NOT_WGR);
	assert_int_equal(wgr_budget_of(COLLAB_JOINT_ARRANGEMENT, LF_CC), WGR_NO_BUDGET);
	assert_int_equal(wgr_budget_of(COLLAB_JOINT_ARRANGEMENT, LF_OL), WGR_OWN_BUDGET);
	assert_non_null(strstr(wgr_budget_text(WGR_UNKNOWN_FORM),
			       "onbekend of deze regeling een eigen begroting heeft"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rule_syntax),
	    cmocka_unit_test(test_table_loaded),
	    cmocka_unit_test(test_bad_rows),
	    cmocka_unit_test(test_new_rules_without_ab),
	    cmocka_unit_test(test_with_ab_date),
	    cmocka_unit_test(test_twelve_weeks_across_summer),
	    cmocka_unit_test(test_year_boundaries),
	    cmocka_unit_test(test_old_rules),
	    cmocka_unit_test(test_minister),
	    cmocka_unit_test(test_single_board),
	    cmocka_unit_test(test_no_moments),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
