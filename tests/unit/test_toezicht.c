/*
 * test_toezicht — domain/toezicht.c: the status moves (concept → dialoog →
 * vastgesteld, dialoog back to concept, established is final), which
 * domains apply to which organisation kind and year, the input rules of an
 * assessment (a year in the future, a label not in the domain's set, a
 * domain not applicable to the organisation kind, an unknown domain or
 * organisation, links that are not http(s), a date in the future), of a
 * domain and of a label set (never two labels with the same pattern), and
 * of a written response.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/toezicht.h"

static void test_moves(void **state)
{
	(void)state;
	assert_true(ibt_may_move(IBT_CONCEPT, IBT_DIALOGUE));
	assert_true(ibt_may_move(IBT_DIALOGUE, IBT_ESTABLISHED));
	assert_true(ibt_may_move(IBT_DIALOGUE, IBT_CONCEPT));
	assert_false(ibt_may_move(IBT_CONCEPT, IBT_ESTABLISHED)); /* never without the dialogue */
	assert_false(ibt_may_move(IBT_CONCEPT, IBT_CONCEPT));
	assert_false(ibt_may_move(IBT_ESTABLISHED, IBT_CONCEPT));
	assert_false(ibt_may_move(IBT_ESTABLISHED, IBT_DIALOGUE));
	assert_false(ibt_may_move(IBT_DIALOGUE, IBT_DIALOGUE));
	assert_int_equal(ibt_status_from("concept"), IBT_CONCEPT);
	assert_int_equal(ibt_status_from("dialoog"), IBT_DIALOGUE);
	assert_int_equal(ibt_status_from("vastgesteld"), IBT_ESTABLISHED);
	assert_int_equal(ibt_status_from("Vastgesteld"), -1);
	assert_int_equal(ibt_status_from(NULL), -1);
	assert_string_equal(ibt_status_name(IBT_DIALOGUE), "In dialoog");
}

static void test_applies(void **state)
{
	(void)state;
	const char *fin = "gemeente;waterschap;samenwerkingsorgaan";
	assert_true(ibt_domain_applies(fin, "gemeente"));
	assert_true(ibt_domain_applies(fin, "waterschap"));
	assert_true(ibt_domain_applies(fin, "samenwerkingsorgaan"));
	assert_false(ibt_domain_applies(fin, "provincie"));
	assert_false(ibt_domain_applies("gemeente", "waterschap"));
	assert_false(ibt_domain_applies("gemeentelijk", "gemeente")); /* whole keys only */
	assert_false(ibt_domain_applies("gemeente", "gemeent"));
	assert_false(ibt_domain_applies("", "gemeente"));
	assert_false(ibt_domain_applies(fin, ""));
	assert_true(ibt_domain_valid_in(2014, 0, 2014));
	assert_true(ibt_domain_valid_in(2014, 0, 2090));
	assert_false(ibt_domain_valid_in(2014, 0, 2013));
	assert_true(ibt_domain_valid_in(2014, 2020, 2020));
	assert_false(ibt_domain_valid_in(2014, 2020, 2021));
}

static const struct ibt_context ctx = {
    .domain_known = true,
    .from = 2014,
    .to = 0,
    .kinds = "gemeente",
    .n_labels = 3,
    .org_known = true,
    .org_kind = "gemeente",
    .this_year = 2027,
};

static const struct ibt_assessment_input good = {
    .org = "gm9999",
    .domain = "informatiebeheer",
    .year = "2026",
    .level = "2",
    .own_level = "1",
    .motivation = "Fictieve motivering.",
    .links = "https://voorbeeld.invalid/a\r\n\nhttp://voorbeeld.invalid/b ",
    .assessed_on = "2027-02-01",
    .today = "2027-03-15",
};

/* The only field with an error after checking in against c, or NULL. */
static const char *one_error(const struct ibt_assessment_input *in, const struct ibt_context *c)
{
	static char field[64];
	struct field_errors e = {0};
	int y, l, o;
	ibt_check_assessment(&e, in, c, &y, &l, &o);
	assert_true(e.n <= 1);
	if (!e.n)
		return NULL;
	strncpy(field, e.e[0].field, sizeof field - 1);
	return field;
}

static void test_assessment(void **state)
{
	(void)state;
	struct field_errors e = {0};
	int y, l, o;
	ibt_check_assessment(&e, &good, &ctx, &y, &l, &o);
	assert_int_equal(e.n, 0);
	assert_int_equal(y, 2026);
	assert_int_equal(l, 2);
	assert_int_equal(o, 1);
	struct ibt_assessment_input in = good;
	in.year = "2027"; /* this year: allowed */
	assert_null(one_error(&in, &ctx));
	in.year = "2028";
	assert_string_equal(one_error(&in, &ctx), "jaar");
	in.year = "2013"; /* before the domain */
	assert_string_equal(one_error(&in, &ctx), "jaar");
	in.year = "26";
	assert_string_equal(one_error(&in, &ctx), "jaar");
	in = good;
	in.level = "4"; /* not in the set of three */
	assert_string_equal(one_error(&in, &ctx), "niveau");
	in.level = "0";
	assert_string_equal(one_error(&in, &ctx), "niveau");
	in.level = "";
	assert_string_equal(one_error(&in, &ctx), "niveau");
	in = good;
	in.own_level = "9";
	assert_string_equal(one_error(&in, &ctx), "eigenOordeel");
	in.own_level = ""; /* optional */
	assert_null(one_error(&in, &ctx));
	struct ibt_context wb = ctx;
	wb.org_kind = "waterschap"; /* a gemeente domain for a waterschap */
	assert_string_equal(one_error(&good, &wb), "domein");
	struct ibt_context none = ctx;
	none.domain_known = false;
	assert_string_equal(one_error(&good, &none), "domein");
	struct ibt_context noorg = ctx;
	noorg.org_known = false;
	assert_string_equal(one_error(&good, &noorg), "organisatie");
	struct ibt_context ended = ctx;
	ended.to = 2025;
	assert_string_equal(one_error(&good, &ended), "jaar");
	in = good;
	in.links = "https://voorbeeld.invalid/a\njavascript:alert(1)";
	assert_string_equal(one_error(&in, &ctx), "bronnen");
	in.links = "ftp://voorbeeld.invalid/x";
	assert_string_equal(one_error(&in, &ctx), "bronnen");
	in = good;
	in.assessed_on = "2027-03-16";
	assert_string_equal(one_error(&in, &ctx), "beoordeeldOp");
	in.assessed_on = "15-03-2027";
	assert_string_equal(one_error(&in, &ctx), "beoordeeldOp");
}

static void test_future_message(void **state)
{
	(void)state;
	struct ibt_assessment_input in = good;
	in.year = "2030";
	struct field_errors e = {0};
	int y, l, o;
	ibt_check_assessment(&e, &in, &ctx, &y, &l, &o);
	assert_non_null(strstr(field_errors_get(&e, "jaar"), "2030 ligt in de toekomst"));
	struct ibt_context wb = ctx;
	wb.org_kind = "waterschap";
	struct field_errors e2 = {0};
	ibt_check_assessment(&e2, &good, &wb, &y, &l, &o);
	assert_non_null(strstr(field_errors_get(&e2, "domein"), "geldt niet voor deze soort"));
}

static void test_domain(void **state)
{
	(void)state;
	struct ibt_domain_input d = {.key = "fictief-archief",
				     .name = "Fictief archieftoezicht",
				     .from = "2020",
				     .to = "",
				     .kinds = "gemeente;waterschap",
				     .source_url = ""};
	struct field_errors e = {0};
	int from, to;
	ibt_check_domain(&e, &d, &from, &to);
	assert_int_equal(e.n, 0);
	assert_int_equal(from, 2020);
	assert_int_equal(to, 0);
	d.to = "2019";
	ibt_check_domain(&e, &d, &from, &to);
	assert_non_null(field_errors_get(&e, "geldigTot"));
	struct ibt_domain_input bad = {.key = "Fout!",
				       .name = "x",
				       .from = "ooit",
				       .to = "",
				       .kinds = "provincie",
				       .source_url = "ftp://x"};
	struct field_errors e2 = {0};
	ibt_check_domain(&e2, &bad, &from, &to);
	assert_non_null(field_errors_get(&e2, "sleutel"));
	assert_non_null(field_errors_get(&e2, "naam"));
	assert_non_null(field_errors_get(&e2, "geldigVanaf"));
	assert_non_null(field_errors_get(&e2, "soorten"));
	assert_non_null(field_errors_get(&e2, "bron"));
	bad.kinds = "";
	struct field_errors e3 = {0};
	ibt_check_domain(&e3, &bad, &from, &to);
	assert_non_null(field_errors_get(&e3, "soorten"));
}

static void test_labels(void **state)
{
	(void)state;
	struct ibt_label l[3] = {{1, "Adequaat", "#2e7d32", "vol"},
				 {2, "Redelijk adequaat", "#b35900", "schuin"},
				 {3, "Niet adequaat", "#c62828", "kruis"}};
	struct field_errors e = {0};
	ibt_check_labels(&e, l, 3);
	assert_int_equal(e.n, 0);
	struct ibt_label same[2] = {{1, "Op orde", "#2e7d32", "vol"},
				    {2, "Niet op orde", "#c62828", "vol"}};
	ibt_check_labels(&e, same, 2);
	assert_non_null(strstr(field_errors_get(&e, "labels"), "hetzelfde patroon"));
	struct field_errors e2 = {0};
	ibt_check_labels(&e2, l, 1); /* at least two levels */
	assert_non_null(field_errors_get(&e2, "labels"));
	struct ibt_label colour[2] = {{1, "Op orde", "groen", "vol"},
				      {2, "Niet op orde", "#c62828", "kruis"}};
	struct field_errors e3 = {0};
	ibt_check_labels(&e3, colour, 2);
	assert_non_null(strstr(field_errors_get(&e3, "labels"), "kleur"));
	struct ibt_label pat[2] = {{1, "Op orde", "#2e7d32", "ruit"},
				   {2, "Niet op orde", "#c62828", "kruis"}};
	struct field_errors e4 = {0};
	ibt_check_labels(&e4, pat, 2);
	assert_non_null(strstr(field_errors_get(&e4, "labels"), "patroon"));
	assert_int_equal(ibt_pattern_from("stippen"), 3);
	assert_int_equal(ibt_pattern_from("ruit"), -1);
	assert_string_equal(ibt_pattern_name(2), "kruisarcering");
}

static void test_response(void **state)
{
	(void)state;
	struct field_errors e = {0};
	ibt_check_response(&e, "Een fictieve reactie.");
	assert_int_equal(e.n, 0);
	ibt_check_response(&e, "  \n\t ");
	assert_non_null(field_errors_get(&e, "tekst"));
	struct field_errors e2 = {0};
	ibt_check_response(&e2, NULL);
	assert_non_null(field_errors_get(&e2, "tekst"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_moves),      cmocka_unit_test(test_applies),
	    cmocka_unit_test(test_assessment), cmocka_unit_test(test_future_message),
	    cmocka_unit_test(test_domain),     cmocka_unit_test(test_labels),
	    cmocka_unit_test(test_response),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
