/*
 * test_evaluatie_vergelijk — the Mann–Whitney U test of two survey rounds
 * (domain/evaluatie_vergelijk.h) against reference values:
 *
 * (a) published worked examples:
 *   - NAG Library, g08amc (nag_mann_whitney) example program, data
 *     g08amce.d and results g08amce.r
 *     (https://support.nag.com/numeric/fl/nagdoc_cl26.2/examples/baseresults/g08amce.r.html):
 *     16 against 23 values with many ties; U = 86.0000, normal statistic
 *     −2.8039 (ties-corrected variance, continuity correction), lower-tail
 *     probability 0.0025; the ranks printed by the g08akf example
 *     (same data) sum to 222 for group 1.
 *   - SciPy, scipy.stats.mannwhitneyu, the diabetes example (Mann and
 *     Whitney via [4] of its documentation,
 *     https://scipy.github.io/devdocs/reference/generated/scipy.stats.mannwhitneyu.html):
 *     males 19 22 16 29 24, females 20 11 17 12; U1 = 17, U2 = 3, exact
 *     two-sided p = 0.1111.
 *   - SciPy, scipy.stats.tiecorrect: the ranks of 1 3 2 4 5 7 2 8 4 give the
 *     tie factor 0.9833333333333333
 *     (https://docs.scipy.org/doc/scipy-1.7.1/reference/reference/generated/scipy.stats.tiecorrect.html);
 *     the variance of U is n1·n2·(n+1)/12 times that factor.
 * (b) an independent brute-force implementation,
 *   tests/unit/evaluatie_vergelijk_ref.mjs (node, run by hand; its output is
 *   quoted at each case): U by counting pairs, the mean and variance of U
 *   from every split of the pooled answers (the permutation distribution,
 *   no ties formula), the exact permutation p, and the continuity-corrected
 *   normal p with its own erfc.
 *
 * Plus the honest outcomes: identical groups (p = 1), all answers tied,
 * too few answers, a swapped comparison, bad arguments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/evaluatie_vergelijk.h"

#include <math.h>
#include <string.h>

#define N(x) (sizeof(x) / sizeof *(x))

static void near(double got, double want, double tol)
{
	if (fabs(got - want) > tol)
		fail_msg("%.12g differs from %.12g by more than %g", got, want, tol);
}

static evaluatie_mw_result run(const int *a, size_t na, const int *b, size_t nb, size_t min_n)
{
	evaluatie_mw_result r;
	assert_int_equal(evaluatie_mann_whitney(a, na, b, nb, min_n, &r), 0);
	return r;
}

/* The standard deviation the result used: |z| = (|U1 − n1·n2/2| − ½) / σ. */
static double sigma_of(const evaluatie_mw_result *r)
{
	double d = fabs(r->u1 - (double)r->n1 * (double)r->n2 / 2) - 0.5;
	return d / fabs(r->z);
}

static void test_nag_ties(void **state)
{
	(void)state;
	const int x[] = {13, 6, 12, 7, 12, 7, 10, 7, 10, 7, 16, 7, 10, 8, 9, 8};
	const int y[] = {17, 6,	 10, 8,	 15, 8,	 15, 10, 15, 10, 14, 10,
			 14, 11, 14, 11, 13, 12, 13, 12, 13, 12, 12};
	evaluatie_mw_result r = run(x, N(x), y, N(y), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	assert_int_equal(r.n1, 16);
	assert_int_equal(r.n2, 23);
	near(r.u1, 86.0, 1e-12);
	near(r.u2, 16.0 * 23 - 86, 1e-12);
	near(r.mean_rank1 * 16, 222.0, 1e-9); /* the published ranks of group 1 */
	near(r.mean_rank2 * 23, 39.0 * 40 / 2 - 222, 1e-9);
	near(r.z, -2.8039, 0.00005);		  /* NAG: −2.8039 */
	near(r.p_two_sided / 2, 0.0025, 0.00005); /* NAG's one tail: 0.0025 */
	near(r.effect_r, 2.8039 / sqrt(39), 0.0001);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_SIGNIFICANT);
}

static void test_scipy_no_ties(void **state)
{
	(void)state;
	const int males[] = {19, 22, 16, 29, 24}, females[] = {20, 11, 17, 12};
	/* four females are below the default minimum: not tested */
	evaluatie_mw_result r = run(males, N(males), females, N(females), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_TOO_FEW);
	near(r.u1, 17, 1e-12);
	near(r.u2, 3, 1e-12);
	near(r.p_two_sided, 1, 0);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_TOO_FEW);
	/* with a minimum of 4: SciPy's U1 = 17, U2 = 3; the reference script:
	 * no_ties: n1=5 n2=4 U1=17 U2=3 mean=10 var=16.6666666667
	 * z=1.592168333 p=0.1113468865 r=0.5307227776 exact_p=0.1111111111 */
	r = run(males, N(males), females, N(females), 4);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	near(r.u1, 17, 1e-12);
	near(r.u2, 3, 1e-12);
	near(r.z, 1.592168333, 1e-9);
	near(r.p_two_sided, 0.1113468865, 1e-9);
	near(r.effect_r, 0.5307227776, 1e-9);
	near(r.p_two_sided, 0.1111, 0.001); /* SciPy's exact p, published */
	near(r.mean_rank1, (17 + 5.0 * 6 / 2) / 5, 1e-12);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_NOT_SIGNIFICANT);
}

static void test_scipy_tiecorrect(void **state)
{
	(void)state;
	/* the pooled values 1 3 2 4 5 7 2 8 4 of SciPy's tiecorrect example,
	 * split 4 + 5: σ² = 4·5·10/12 · 0.9833333333333333 */
	const int a[] = {1, 3, 2, 4}, b[] = {5, 7, 2, 8, 4};
	evaluatie_mw_result r = run(a, N(a), b, N(b), 4);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	near(r.u1, 3, 1e-12); /* 0 + 1 + ½ + 1½ pairs won */
	double s = sigma_of(&r);
	near(s * s, 4.0 * 5 * 10 / 12 * 0.9833333333333333, 1e-9);
	assert_true(r.z < 0);
}

static void test_reference_ties(void **state)
{
	(void)state;
	/* likert_ties: n1=7 n2=8 U1=9 U2=47 mean=28 var=70.9333333333
	 * z=-2.196577567 p=0.02805062982 r=0.5671538890 exact_p=0.02719502720 */
	const int a[] = {1, 2, 2, 3, 3, 3, 4}, b[] = {2, 3, 4, 4, 4, 5, 5, 5};
	evaluatie_mw_result r = run(a, N(a), b, N(b), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	near(r.u1, 9, 1e-12);
	near(r.u2, 47, 1e-12);
	double s = sigma_of(&r);
	near(s * s, 70.9333333333, 1e-9);
	near(r.z, -2.196577567, 1e-9);
	near(r.p_two_sided, 0.02805062982, 1e-10);
	near(r.effect_r, 0.5671538890, 1e-9);
	near(r.p_two_sided, 0.02719502720, 0.004); /* the exact permutation p */
	assert_true(r.mean_rank1 < r.mean_rank2);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_SIGNIFICANT);
	assert_string_equal(evaluatie_mw_verdict_label(evaluatie_mw_verdict(&r)),
			    "significant verschil (p < 0,05)");
}

static void test_reference_unequal(void **state)
{
	(void)state;
	/* unequal: n1=5 n2=11 U1=16 U2=39 mean=27.5 var=71.0416666667
	 * z=-1.305076935 p=0.1918666518 r=0.3262692338 exact_p=0.1950549451 */
	const int a[] = {3, 3, 4, 2, 5}, b[] = {4, 5, 5, 4, 3, 5, 4, 5, 5, 2, 4};
	evaluatie_mw_result r = run(a, N(a), b, N(b), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	near(r.u1, 16, 1e-12);
	near(r.u2, 39, 1e-12);
	double s = sigma_of(&r);
	near(s * s, 71.0416666667, 1e-9);
	near(r.z, -1.305076935, 1e-9);
	near(r.p_two_sided, 0.1918666518, 1e-9);
	near(r.effect_r, 0.3262692338, 1e-9);
	near(r.p_two_sided, 0.1950549451, 0.004);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_NOT_SIGNIFICANT);
	assert_string_equal(evaluatie_mw_verdict_label(evaluatie_mw_verdict(&r)),
			    "geen significant verschil");
	/* swapped: the same test seen from the other side */
	evaluatie_mw_result w = run(b, N(b), a, N(a), EVALUATIE_MW_MIN_N);
	near(w.u1, r.u2, 1e-12);
	near(w.u2, r.u1, 1e-12);
	near(w.z, -r.z, 1e-12);
	near(w.p_two_sided, r.p_two_sided, 1e-12);
	near(w.mean_rank1, r.mean_rank2, 1e-12);
}

static void test_reference_separated(void **state)
{
	(void)state;
	/* separated: n1=6 n2=6 U1=0 U2=36 mean=18 var=36.8181818182
	 * z=-2.884077189 p=0.003925625175 r=0.8325613708 exact_p=0.002164502165 */
	const int a[] = {1, 1, 2, 2, 2, 1}, b[] = {4, 5, 5, 4, 5, 4};
	evaluatie_mw_result r = run(a, N(a), b, N(b), EVALUATIE_MW_MIN_N);
	near(r.u1, 0, 1e-12);
	near(r.z, -2.884077189, 1e-9);
	near(r.p_two_sided, 0.003925625175, 1e-11);
	near(r.effect_r, 0.8325613708, 1e-9);
	near(r.p_two_sided, 0.002164502165, 0.002);
}

static void test_identical_groups(void **state)
{
	(void)state;
	/* identical: n1=5 n2=5 U1=12.5 U2=12.5 mean=12.5 var=22.2222222222
	 * z=0 p=1 r=0 exact_p=1 */
	const int a[] = {1, 2, 3, 4, 5}, b[] = {5, 4, 3, 2, 1};
	evaluatie_mw_result r = run(a, N(a), b, N(b), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	near(r.u1, 12.5, 1e-12);
	near(r.z, 0, 0);
	near(r.p_two_sided, 1, 0);
	near(r.effect_r, 0, 0);
	near(r.mean_rank1, r.mean_rank2, 1e-12);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_NOT_SIGNIFICANT);
	/* one pair short of the middle: still p = 1 after the correction */
	const int c[] = {1, 2, 3, 4, 5}, d[] = {1, 2, 3, 4, 6};
	r = run(c, N(c), d, N(d), EVALUATIE_MW_MIN_N);
	near(r.u1, 12, 1e-12);
	near(r.p_two_sided, 1, 0);
}

static void test_all_tied(void **state)
{
	(void)state;
	const int a[] = {3, 3, 3, 3, 3, 3}, b[] = {3, 3, 3, 3, 3};
	evaluatie_mw_result r = run(a, N(a), b, N(b), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_NO_VARIANCE);
	near(r.u1, 15, 1e-12); /* every pair a tie: ½ · 30 */
	near(r.p_two_sided, 1, 0);
	near(r.z, 0, 0);
	assert_false(isnan(r.z) || isnan(r.effect_r));
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_NOT_SIGNIFICANT);
	/* tied within each group but not across: a real difference */
	const int c[] = {2, 2, 2, 2, 2}, d[] = {4, 4, 4, 4, 4};
	r = run(c, N(c), d, N(d), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	near(r.u1, 0, 1e-12);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_SIGNIFICANT);
}

static void test_too_few(void **state)
{
	(void)state;
	const int a[] = {1, 2, 3, 4, 5, 5, 5}, b[] = {4, 5, 5, 5};
	evaluatie_mw_result r = run(a, N(a), b, N(b), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_TOO_FEW);
	assert_int_equal(r.n1, 7);
	assert_int_equal(r.n2, 4);
	near(r.p_two_sided, 1, 0);
	near(r.effect_r, 0, 0);
	assert_int_equal(evaluatie_mw_verdict(&r), EVALUATIE_VERDICT_TOO_FEW);
	assert_string_equal(evaluatie_mw_verdict_label(EVALUATIE_VERDICT_TOO_FEW),
			    "te weinig antwoorden");
	/* an empty round; too few beats all tied */
	r = run(a, N(a), NULL, 0, EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_TOO_FEW);
	assert_int_equal(r.n2, 0);
	const int t[] = {3, 3, 3};
	r = run(t, N(t), t, N(t), EVALUATIE_MW_MIN_N);
	assert_int_equal(r.status, EVALUATIE_MW_TOO_FEW);
	/* min_n 0 counts as 1 */
	const int one[] = {1}, two[] = {2};
	r = run(one, 1, two, 1, 0);
	assert_int_equal(r.status, EVALUATIE_MW_OK);
	near(r.p_two_sided, 1, 0);
}

static void test_bad_arguments(void **state)
{
	(void)state;
	evaluatie_mw_result r;
	const int a[] = {1, 2, 3, 4, 5};
	assert_int_equal(evaluatie_mann_whitney(NULL, 5, a, N(a), 5, &r), -1);
	assert_int_equal(r.status, EVALUATIE_MW_TOO_FEW);
	near(r.p_two_sided, 1, 0);
	assert_int_equal(evaluatie_mann_whitney(a, N(a), NULL, 2, 5, &r), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nag_ties),	      cmocka_unit_test(test_scipy_no_ties),
	    cmocka_unit_test(test_scipy_tiecorrect),  cmocka_unit_test(test_reference_ties),
	    cmocka_unit_test(test_reference_unequal), cmocka_unit_test(test_reference_separated),
	    cmocka_unit_test(test_identical_groups),  cmocka_unit_test(test_all_tied),
	    cmocka_unit_test(test_too_few),	      cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
