/*
 * test_financien — the financial scan's pure rules, worked examples: Iv3
 * indicator keys, taakveld order, the 2023 booking changes, and quartiles
 * by type-7 interpolation on odd and even groups (as a spreadsheet's
 * PERCENTILE gives them) with the band a value falls in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/financien.h"

static void test_keys(void **state)
{
	(void)state;
	struct iv3_key k;
	assert_true(iv3_parse_key("iv3_rekening_lasten_6_71a", &k));
	assert_int_equal(k.doc, IV3_REKENING);
	assert_true(k.lasten);
	assert_string_equal(k.taakveld, "6.71a");
	assert_int_equal(k.hoofdstuk, 6);
	assert_true(iv3_parse_key("iv3_begroting_baten_0_10", &k));
	assert_int_equal(k.doc, IV3_BEGROTING);
	assert_false(k.lasten);
	assert_string_equal(k.taakveld, "0.10");
	/* not a per-taakveld figure */
	assert_false(iv3_parse_key("iv3_rekening_inwonertal", &k));
	assert_false(iv3_parse_key("iv3_rekening_lasten_9_1", &k));
	assert_false(iv3_parse_key("iv3_rekening_lasten_6_", &k));
	assert_false(iv3_parse_key("iv3_rekening_lasten_6_71ab", &k));
	assert_false(iv3_parse_key("iv3_rekening_saldo_6_1", &k));
	assert_false(iv3_parse_key("inwoners", &k));
	assert_string_equal(iv3_inhabitants_key(IV3_BEGROTING), "iv3_begroting_inwonertal");
	enum iv3_doc d;
	assert_true(iv3_doc_parse("begroting", &d));
	assert_int_equal(d, IV3_BEGROTING);
	assert_false(iv3_doc_parse("rekening", &d));
	assert_string_equal(iv3_doc_label(IV3_REKENING), "jaarrekening");
}

static void test_order_and_changes(void **state)
{
	(void)state;
	assert_true(iv3_taakveld_cmp("0.2", "0.10") < 0);
	assert_true(iv3_taakveld_cmp("0.11", "0.10") > 0);
	assert_true(iv3_taakveld_cmp("6.71", "6.71a") < 0);
	assert_true(iv3_taakveld_cmp("6.72d", "6.73a") < 0);
	assert_true(iv3_taakveld_cmp("5.7", "6.1") < 0);
	assert_int_equal(iv3_taakveld_cmp("6.3", "6.3"), 0);
	assert_true(iv3_changed_2023("6.1"));
	assert_true(iv3_changed_2023("6.82b"));
	assert_true(iv3_changed_2023("7.1"));
	assert_false(iv3_changed_2023("7.2"));
	assert_false(iv3_changed_2023("0.1"));
	assert_string_equal(iv3_hoofdstuk_name(6), "Sociaal domein");
	assert_string_equal(iv3_hoofdstuk_name(9), "");
	assert_string_equal(cbs_province_name("PV26"), "Utrecht");
	assert_string_equal(cbs_province_name("PV24"), "Flevoland");
	assert_string_equal(cbs_province_name("PV31"), "Limburg");
	assert_string_equal(cbs_province_name("PV99"), "PV99");
}

static void test_quartiles(void **state)
{
	(void)state;
	struct fin_quartiles q;
	/* even: 80, 90, 120, 200 (unsorted in) -> positions 0.75, 1.5, 2.25 */
	double even[] = {200, 80, 120, 90};
	assert_true(fin_quartiles(even, 4, &q));
	assert_int_equal(q.n, 4);
	assert_float_equal(q.p25, 87.5, 1e-9);
	assert_float_equal(q.median, 105, 1e-9);
	assert_float_equal(q.p75, 140, 1e-9);
	/* odd: 1..5 -> 2, 3, 4 exactly */
	double odd[] = {5, 3, 1, 4, 2};
	assert_true(fin_quartiles(odd, 5, &q));
	assert_float_equal(q.p25, 2, 1e-9);
	assert_float_equal(q.median, 3, 1e-9);
	assert_float_equal(q.p75, 4, 1e-9);
	/* three: 10, 20, 40 -> 15, 20, 30 */
	double three[] = {40, 10, 20};
	assert_true(fin_quartiles(three, 3, &q));
	assert_float_equal(q.p25, 15, 1e-9);
	assert_float_equal(q.p75, 30, 1e-9);
	/* one value is every quartile; none gives no statistics */
	double one[] = {7};
	assert_true(fin_quartiles(one, 1, &q));
	assert_float_equal(q.p25, 7, 1e-9);
	assert_float_equal(q.p75, 7, 1e-9);
	assert_false(fin_quartiles(one, 0, &q));
	assert_int_equal(q.n, 0);
	assert_int_equal(fin_band_of(1, &q), FIN_BAND_NONE);
	/* bands against 87.5 .. 140, edges inside */
	fin_quartiles(even, 4, &q);
	assert_int_equal(fin_band_of(87.5, &q), FIN_BAND_INSIDE);
	assert_int_equal(fin_band_of(140, &q), FIN_BAND_INSIDE);
	assert_int_equal(fin_band_of(87, &q), FIN_BAND_BELOW);
	assert_int_equal(fin_band_of(141, &q), FIN_BAND_ABOVE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keys),
	    cmocka_unit_test(test_order_and_changes),
	    cmocka_unit_test(test_quartiles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
