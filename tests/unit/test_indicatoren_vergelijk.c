/*
 * test_indicatoren_vergelijk — the compare page's pure statistics, worked
 * examples: quantiles by linear interpolation, the quintile classes of the
 * choropleth and the class of a value, the share of gemeenten below a
 * value (ties are not below), the bins of the national distribution, the
 * shared ranks of ties, and the list of chosen gemeente codes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/indicatoren.h"
#include "../../src/domain/indicatoren_vergelijk.h"

/* five gemeenten with a value, one missing (never counted as zero) */
static const double V[] = {4, 1, 0, 3, 2, 10};
static const bool HAS[] = {true, true, false, true, true, true};

static void test_sorted_quantile(void **state)
{
	(void)state;
	double s[6];
	assert_int_equal(vergelijk_sorted(V, HAS, 6, s), 5);
	assert_true(s[0] == 1 && s[1] == 2 && s[2] == 3 && s[3] == 4 && s[4] == 10);
	assert_true(vergelijk_quantile(s, 5, 0.5) == 3);
	assert_true(vergelijk_quantile(s, 5, 0.25) == 2);
	/* h = 4 * 0.9 = 3.6: 4 + 0.6 * (10 - 4) */
	assert_float_equal(vergelijk_quantile(s, 5, 0.9), 7.6, 1e-9);
	assert_true(vergelijk_quantile(s, 5, 0) == 1);
	assert_true(vergelijk_quantile(s, 5, 1) == 10);
	const double even[] = {1, 2, 3, 4};
	assert_float_equal(vergelijk_quantile(even, 4, 0.5), 2.5, 1e-9);
	const double one[] = {7};
	assert_true(vergelijk_quantile(one, 1, 0.3) == 7);
}

static void test_classes(void **state)
{
	(void)state;
	const double s[] = {1, 2, 3, 4, 10};
	double br[VERGELIJK_CLASSES];
	vergelijk_breaks(s, 5, VERGELIJK_CLASSES, br);
	assert_float_equal(br[0], 1.8, 1e-9);
	assert_float_equal(br[1], 2.6, 1e-9);
	assert_float_equal(br[2], 3.4, 1e-9);
	assert_float_equal(br[3], 5.2, 1e-9);
	assert_float_equal(br[4], 10, 1e-9);
	assert_int_equal(vergelijk_class_of(1, br, 5), 0);
	assert_int_equal(vergelijk_class_of(1.8, br, 5), 0); /* upper bound included */
	assert_int_equal(vergelijk_class_of(2, br, 5), 1);
	assert_int_equal(vergelijk_class_of(3, br, 5), 2);
	assert_int_equal(vergelijk_class_of(4, br, 5), 3);
	assert_int_equal(vergelijk_class_of(10, br, 5), 4);
	assert_int_equal(vergelijk_class_of(100, br, 5), 4);
	/* all equal: every break the same, every value in the first class */
	const double eq[] = {5, 5, 5};
	vergelijk_breaks(eq, 3, VERGELIJK_CLASSES, br);
	assert_int_equal(vergelijk_class_of(5, br, 5), 0);
}

static void test_share_below(void **state)
{
	(void)state;
	const double s[] = {1, 2, 3, 4, 10};
	assert_int_equal(vergelijk_share_below(s, 5, 1), 0);
	assert_int_equal(vergelijk_share_below(s, 5, 3), 50);	/* 2 of the 4 others */
	assert_int_equal(vergelijk_share_below(s, 5, 10), 100); /* all 4 others */
	const double ties[] = {1, 2, 2, 5};
	assert_int_equal(vergelijk_share_below(ties, 4, 2), 33); /* 1 of 3; the tie is not below */
	const double one[] = {7};
	assert_int_equal(vergelijk_share_below(one, 1, 7), -1);
}

static void test_histogram(void **state)
{
	(void)state;
	const double s[] = {1, 2, 3, 4, 10};
	int c[3];
	double lo, hi;
	vergelijk_histogram(s, 5, 3, c, &lo, &hi);
	assert_true(lo == 1 && hi == 10);
	/* bins of width 3: [1,4) [4,7) [7,10], the maximum in the last */
	assert_int_equal(c[0], 3);
	assert_int_equal(c[1], 1);
	assert_int_equal(c[2], 1);
	assert_int_equal(vergelijk_bin_of(3.99, lo, hi, 3), 0);
	assert_int_equal(vergelijk_bin_of(10, lo, hi, 3), 2);
	assert_int_equal(vergelijk_bin_of(-5, lo, hi, 3), 0);
	const double eq[] = {5, 5};
	vergelijk_histogram(eq, 2, 3, c, &lo, &hi);
	assert_int_equal(c[0], 2);
	assert_int_equal(c[1] + c[2], 0);
}

static void test_rank_ties(void **state)
{
	(void)state;
	/* the compare page's ranks are indicator_rank: ties share, missing 0 */
	const double v[] = {3, 1, 3, 0, 2};
	const bool has[] = {true, true, true, false, true};
	int rank[5];
	indicator_rank(v, has, 5, "hoger_beter", rank);
	assert_int_equal(rank[0], 1);
	assert_int_equal(rank[2], 1);
	assert_int_equal(rank[4], 3);
	assert_int_equal(rank[1], 4);
	assert_int_equal(rank[3], 0);
	indicator_rank(v, has, 5, "lager_beter", rank);
	assert_int_equal(rank[1], 1);
	assert_int_equal(rank[0], 3);
	assert_int_equal(rank[2], 3);
}

static void test_codes(void **state)
{
	(void)state;
	char codes[VERGELIJK_MAX_CODES][7];
	char err[200];
	assert_int_equal(vergelijk_parse_codes("gm0321, GM0344,,gm0321", codes, 10, err, 200), 2);
	assert_string_equal(codes[0], "GM0321");
	assert_string_equal(codes[1], "GM0344");
	assert_int_equal(vergelijk_parse_codes("", codes, 10, err, 200), 0);
	assert_int_equal(vergelijk_parse_codes(NULL, codes, 10, err, 200), 0);
	assert_int_equal(vergelijk_parse_codes("gm0321,gm03", codes, 10, err, 200), -1);
	assert_non_null(strstr(err, "'gm03' is geen gemeentecode"));
	assert_int_equal(vergelijk_parse_codes("pv0026", codes, 10, err, 200), -1);
	assert_int_equal(vergelijk_parse_codes("gm0001,gm0002,gm0003", codes, 2, err, 200), -1);
	assert_non_null(strstr(err, "hoogstens 2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sorted_quantile), cmocka_unit_test(test_classes),
	    cmocka_unit_test(test_share_below),	    cmocka_unit_test(test_histogram),
	    cmocka_unit_test(test_rank_ties),	    cmocka_unit_test(test_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
