/*
 * test_financien_kengetallen — the six BBV kengetallen against worked
 * examples from published begrotingen and jaarverslagen (inputs, expected
 * outputs and their source in each test), the reasons a ratio cannot be
 * computed, the presentation columns, the signal bands and the input
 * rules (units, negative amounts, years, sources).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/financien_kengetallen.h"

/* Thousands of euro (the published tables' unit) as cents. */
#define K(x) ((int64_t)(x)*100000)

static void set(struct kg_inputs *in, int c, int64_t cents)
{
	in->has[c] = true;
	in->cents[c] = cents;
}

/*
 * Dordrecht, jaarverslag 2018, "Structurele exploitatieruimte"
 * (https://dordrecht.jaarverslag-2018.nl/p6995/structurele-exploitatieruimte),
 * bedragen x € 1.000, rekening 2018: lasten 490.444 of which incidenteel
 * 39.412 (A = 451.032), baten 485.061 of which incidenteel 25.712
 * (B = 459.349), C structurele toevoegingen 28.447, D structurele
 * onttrekkingen 37.058, E totale baten 485.061; published: 3,5 %.
 * Rekening 2017 from the same table: A 441.596, B 448.082, C 17.297,
 * D 24.697, E 467.486 (incidentele baten = E − B = 19.404, incidentele
 * lasten taken as 0 so that A is the published structurele lasten);
 * published: 3,0 %. Begroting 2019: A 453.712, B 449.119, C 10.610,
 * D 13.770, E 478.920; published: -0,3 %.
 */
static void test_ser_dordrecht(void **state)
{
	(void)state;
	struct kg_inputs in = {0};
	set(&in, KG_TOTALE_LASTEN, K(490444));
	set(&in, KG_INCIDENTELE_LASTEN, K(39412));
	set(&in, KG_TOTALE_BATEN, K(485061));
	set(&in, KG_INCIDENTELE_BATEN, K(25712));
	set(&in, KG_STRUCTURELE_TOEVOEGINGEN, K(28447));
	set(&in, KG_STRUCTURELE_ONTTREKKINGEN, K(37058));
	struct kg_result r;
	kg_compute(KG_SER, &in, &r);
	assert_true(r.ok);
	assert_true(r.shown == 3.5);
	char p[32];
	assert_string_equal(kg_format_pct(r.shown, p, sizeof p), "3,5 %");
	assert_non_null(strstr(r.filled, "((€ 459.349.000 − € 451.032.000) + (€ 37.058.000 − "
					 "€ 28.447.000)) / € 485.061.000 × 100% = 3,5 %"));

	struct kg_inputs y17 = {0};
	set(&y17, KG_TOTALE_LASTEN, K(441596));
	set(&y17, KG_INCIDENTELE_LASTEN, 0);
	set(&y17, KG_TOTALE_BATEN, K(467486));
	set(&y17, KG_INCIDENTELE_BATEN, K(467486 - 448082));
	set(&y17, KG_STRUCTURELE_TOEVOEGINGEN, K(17297));
	set(&y17, KG_STRUCTURELE_ONTTREKKINGEN, K(24697));
	kg_compute(KG_SER, &y17, &r);
	assert_true(r.ok);
	assert_true(r.shown == 3.0);

	struct kg_inputs b19 = {0};
	set(&b19, KG_TOTALE_LASTEN, K(453712));
	set(&b19, KG_INCIDENTELE_LASTEN, 0);
	set(&b19, KG_TOTALE_BATEN, K(478920));
	set(&b19, KG_INCIDENTELE_BATEN, K(478920 - 449119));
	set(&b19, KG_STRUCTURELE_TOEVOEGINGEN, K(10610));
	set(&b19, KG_STRUCTURELE_ONTTREKKINGEN, K(13770));
	kg_compute(KG_SER, &b19, &r);
	assert_true(r.ok);
	assert_true(r.shown == -0.3);
	assert_string_equal(kg_format_pct(r.shown, p, sizeof p), "-0,3 %");
}

/*
 * Velsen, begroting 2017, "4. Structurele begrotingsruimte"
 * (https://velsen.begroting-2017.nl/p168/4-structurele-begrotingsruimte),
 * bedragen x € 1.000. Rekening 2015: A 162.843, B 170.216, C 211, D 752,
 * E 171.748; published 4,61. Rekening 2014: A 148.203, B 145.290, C 546,
 * D 834, E 151.018; published -1,74. (Incidentele baten = E − B, incidentele
 * lasten 0, as above.) Shown with one decimal: 4,6 % and -1,7 %.
 */
static void test_ser_velsen(void **state)
{
	(void)state;
	struct kg_inputs in = {0};
	set(&in, KG_TOTALE_LASTEN, K(162843));
	set(&in, KG_INCIDENTELE_LASTEN, 0);
	set(&in, KG_TOTALE_BATEN, K(171748));
	set(&in, KG_INCIDENTELE_BATEN, K(171748 - 170216));
	set(&in, KG_STRUCTURELE_TOEVOEGINGEN, K(211));
	set(&in, KG_STRUCTURELE_ONTTREKKINGEN, K(752));
	struct kg_result r;
	kg_compute(KG_SER, &in, &r);
	assert_true(r.ok);
	assert_true(r.value > 4.605 && r.value < 4.615);
	assert_true(r.shown == 4.6);
	set(&in, KG_TOTALE_LASTEN, K(148203));
	set(&in, KG_TOTALE_BATEN, K(151018));
	set(&in, KG_INCIDENTELE_BATEN, K(151018 - 145290));
	set(&in, KG_STRUCTURELE_TOEVOEGINGEN, K(546));
	set(&in, KG_STRUCTURELE_ONTTREKKINGEN, K(834));
	kg_compute(KG_SER, &in, &r);
	assert_true(r.value > -1.745 && r.value < -1.735);
	assert_true(r.shown == -1.7);
}

/*
 * Geldrop-Mierlo, meerjarenbegroting 2023-2026, "Uiteenzetting van de
 * financiële positie", geprognosticeerde balans 1-1-2023 (x € 1.000):
 * eigen vermogen 52.517, totaal passiva 187.286. No ratio is published
 * beside it; by hand 52.517 / 187.286 = 28,04 %, category B (20–50 %).
 * The same balance's NSQ numerator: vaste schulden 86.384 + netto-vlottende
 * schulden 9.410 + overlopende passiva 15.788 − financiële vaste activa
 * 3.731 − uitzettingen < 1 jaar 10.245 − liquide middelen 759 − overlopende
 * activa 7.509 = 89.338; with fictional totale baten of 100.000 that is
 * 89,3 % (the baten are not on that page).
 */
static void test_solvabiliteit_and_nsq_geldrop_mierlo(void **state)
{
	(void)state;
	struct kg_inputs in = {0};
	set(&in, KG_EIGEN_VERMOGEN, K(52517));
	set(&in, KG_BALANSTOTAAL, K(187286));
	struct kg_result r;
	kg_compute(KG_SOLVABILITEIT, &in, &r);
	assert_true(r.ok);
	assert_true(r.shown == 28.0);
	assert_string_equal(r.filled, "€ 52.517.000 / € 187.286.000 × 100% = 28,0 %");
	const struct kg_band sr = {2000, 5000, true};
	assert_int_equal(kg_category(&sr, r.shown), 'B');

	set(&in, KG_VASTE_SCHULDEN, K(86384));
	set(&in, KG_NETTO_VLOTTENDE_SCHULDEN, K(9410));
	set(&in, KG_OVERLOPENDE_PASSIVA, K(15788));
	set(&in, KG_UITZETTINGEN_LANG, K(3731));
	set(&in, KG_UITZETTINGEN_KORT, K(10245));
	set(&in, KG_LIQUIDE_MIDDELEN, K(759));
	set(&in, KG_OVERLOPENDE_ACTIVA, K(7509));
	set(&in, KG_TOTALE_BATEN, K(100000));
	kg_compute(KG_NSQ, &in, &r);
	assert_true(r.ok);
	assert_true(r.shown == 89.3);
	/* corrected: also the loans (fictional 5.000) are subtracted */
	kg_compute(KG_NSQ_GECORRIGEERD, &in, &r);
	assert_false(r.ok);
	assert_int_equal(r.n_missing, 1);
	assert_int_equal(r.missing[0], KG_LENINGEN_VERSTREKT);
	assert_non_null(strstr(r.reason, "Niet te berekenen"));
	assert_non_null(strstr(r.filled, "(€ 3.731.000 + ?)"));
	set(&in, KG_LENINGEN_VERSTREKT, K(5000));
	kg_compute(KG_NSQ_GECORRIGEERD, &in, &r);
	assert_true(r.ok);
	assert_true(r.shown == 84.3);
}

/* Grondexploitatie and belastingcapaciteit with fictional round numbers. */
static void test_grex_and_belastingcapaciteit(void **state)
{
	(void)state;
	struct kg_inputs in = {0};
	set(&in, KG_BOUWGROND_NIET_IN_EXPL, 0);
	set(&in, KG_BOUWGROND_IN_EXPL, K(12000));
	set(&in, KG_TOTALE_BATEN, K(80000));
	struct kg_result r;
	kg_compute(KG_GREX, &in, &r);
	assert_true(r.ok);
	assert_true(r.shown == 15.0);
	/* OZB 300 + riool 200 + afval 300 − korting 50 = 750 against 800 */
	set(&in, KG_OZB_GEZIN, 30000);
	set(&in, KG_RIOOLHEFFING_GEZIN, 20000);
	set(&in, KG_AFVALSTOFFENHEFFING_GEZIN, 30000);
	set(&in, KG_HEFFINGSKORTING, 5000);
	set(&in, KG_WOONLASTEN_LANDELIJK, 80000);
	kg_compute(KG_BELASTINGCAPACITEIT, &in, &r);
	assert_true(r.ok);
	assert_true(r.value == 93.75);
	assert_true(r.shown == 93.8);
	assert_string_equal(r.filled, "(€ 300 + € 200 + € 300 − € 50) / € 800 × 100% = 93,8 %");
}

/* Never a number for what cannot be computed. */
static void test_not_computable(void **state)
{
	(void)state;
	struct kg_inputs in = {0};
	struct kg_result r;
	kg_compute(KG_SOLVABILITEIT, &in, &r);
	assert_false(r.ok);
	assert_int_equal(r.n_missing, 2);
	assert_string_equal(r.reason, "Niet te berekenen: onderdelen ontbreken (eigen vermogen "
				      "(algemene reserve, bestemmingsreserves en resultaat); "
				      "balanstotaal (totaal passiva)).");
	/* negative eigen vermogen */
	set(&in, KG_EIGEN_VERMOGEN, -K(1200));
	set(&in, KG_BALANSTOTAAL, K(50000));
	kg_compute(KG_SOLVABILITEIT, &in, &r);
	assert_false(r.ok);
	assert_non_null(strstr(r.reason, "negatief"));
	/* division by zero */
	set(&in, KG_EIGEN_VERMOGEN, 0);
	set(&in, KG_BALANSTOTAAL, 0);
	kg_compute(KG_SOLVABILITEIT, &in, &r);
	assert_false(r.ok);
	assert_non_null(strstr(r.reason, "delen door nul"));
	struct kg_inputs g = {0};
	set(&g, KG_BOUWGROND_NIET_IN_EXPL, 0);
	set(&g, KG_BOUWGROND_IN_EXPL, K(10));
	set(&g, KG_TOTALE_BATEN, 0);
	kg_compute(KG_GREX, &g, &r);
	assert_false(r.ok);
	assert_non_null(strstr(r.reason, "totale baten (C) is € 0"));
	/* incidentele lasten above the total */
	struct kg_inputs s = {0};
	set(&s, KG_TOTALE_LASTEN, K(100));
	set(&s, KG_INCIDENTELE_LASTEN, K(200));
	set(&s, KG_TOTALE_BATEN, K(100));
	set(&s, KG_INCIDENTELE_BATEN, 0);
	set(&s, KG_STRUCTURELE_TOEVOEGINGEN, 0);
	set(&s, KG_STRUCTURELE_ONTTREKKINGEN, 0);
	kg_compute(KG_SER, &s, &r);
	assert_false(r.ok);
	assert_non_null(strstr(r.reason, "incidentele lasten"));
	struct kg_inputs b = {0};
	set(&b, KG_OZB_GEZIN, 100);
	set(&b, KG_RIOOLHEFFING_GEZIN, 100);
	set(&b, KG_AFVALSTOFFENHEFFING_GEZIN, 100);
	set(&b, KG_HEFFINGSKORTING, 0);
	set(&b, KG_WOONLASTEN_LANDELIJK, 0);
	kg_compute(KG_BELASTINGCAPACITEIT, &b, &r);
	assert_false(r.ok);
	assert_non_null(strstr(r.reason, "delen door nul"));
}

/* Regeling, bijlage 2: begroting t shows verslag t-2, begroting t-1,
 * begroting t; jaarverslag t shows verslag t-1, begroting t, verslag t. */
static void test_columns(void **state)
{
	(void)state;
	struct kg_column c[3];
	kg_columns(2024, KG_BEGROTING, c);
	assert_int_equal(c[0].year, 2022);
	assert_int_equal(c[0].kind, KG_JAARVERSLAG);
	assert_int_equal(c[1].year, 2023);
	assert_int_equal(c[1].kind, KG_BEGROTING);
	assert_int_equal(c[2].year, 2024);
	assert_int_equal(c[2].kind, KG_BEGROTING);
	kg_columns(2023, KG_JAARVERSLAG, c);
	assert_int_equal(c[0].year, 2022);
	assert_int_equal(c[0].kind, KG_JAARVERSLAG);
	assert_int_equal(c[1].year, 2023);
	assert_int_equal(c[1].kind, KG_BEGROTING);
	assert_int_equal(c[2].year, 2023);
	assert_int_equal(c[2].kind, KG_JAARVERSLAG);
}

/* The bands of the facts file (Etten-Leur begroting 2017): NSQ < 90 A,
 * 90–130 B, > 130 C; solvabiliteit > 50 A, 20–50 B, < 20 C; SER > 0 A,
 * 0 B, < 0 C. */
static void test_bands(void **state)
{
	(void)state;
	const struct kg_band nsq = {9000, 13000, false};
	assert_int_equal(kg_category(&nsq, 89.9), 'A');
	assert_int_equal(kg_category(&nsq, 90.0), 'B');
	assert_int_equal(kg_category(&nsq, 130.0), 'B');
	assert_int_equal(kg_category(&nsq, 130.1), 'C');
	const struct kg_band sr = {2000, 5000, true};
	assert_int_equal(kg_category(&sr, 50.1), 'A');
	assert_int_equal(kg_category(&sr, 20.0), 'B');
	assert_int_equal(kg_category(&sr, 19.9), 'C');
	const struct kg_band ser = {0, 0, true};
	assert_int_equal(kg_category(&ser, 3.5), 'A');
	assert_int_equal(kg_category(&ser, 0.0), 'B');
	assert_int_equal(kg_category(&ser, -0.3), 'C');
	char t[64];
	assert_string_equal(kg_band_text(&nsq, 'A', t, sizeof t), "lager dan 90,0 %");
	assert_string_equal(kg_band_text(&nsq, 'B', t, sizeof t), "90,0 % tot en met 130,0 %");
	assert_string_equal(kg_band_text(&nsq, 'C', t, sizeof t), "hoger dan 130,0 %");
	assert_string_equal(kg_band_text(&sr, 'A', t, sizeof t), "hoger dan 50,0 %");
	assert_string_equal(kg_band_text(&sr, 'C', t, sizeof t), "lager dan 20,0 %");
	assert_string_equal(kg_band_text(&ser, 'B', t, sizeof t), "precies 0,0 %");
	int64_t v;
	assert_true(kg_parse_pct("90", &v));
	assert_int_equal(v, 9000);
	assert_true(kg_parse_pct("12,5", &v));
	assert_int_equal(v, 1250);
	assert_true(kg_parse_pct("-5.25 %", &v));
	assert_int_equal(v, -525);
	assert_false(kg_parse_pct("", &v));
	assert_false(kg_parse_pct("abc", &v));
	assert_false(kg_parse_pct("1,234", &v));
}

static void test_input_rules(void **state)
{
	(void)state;
	int64_t c;
	assert_null(kg_parse_amount(KG_VASTE_SCHULDEN, "€ 12.345", KG_UNIT_EURO, &c));
	assert_int_equal(c, 1234500);
	/* € 1.000: 12.345,6 thousand = 12.345.600 euro */
	assert_null(kg_parse_amount(KG_VASTE_SCHULDEN, "12.345,6", KG_UNIT_THOUSAND, &c));
	assert_int_equal(c, 1234560000);
	assert_non_null(kg_parse_amount(KG_VASTE_SCHULDEN, "-5", KG_UNIT_EURO, &c));
	assert_null(kg_parse_amount(KG_EIGEN_VERMOGEN, "-1.200", KG_UNIT_THOUSAND, &c));
	assert_int_equal(c, -120000000);
	assert_non_null(kg_parse_amount(KG_OZB_GEZIN, "300", KG_UNIT_THOUSAND, &c));
	assert_null(kg_parse_amount(KG_OZB_GEZIN, "312,45", KG_UNIT_EURO, &c));
	assert_int_equal(c, 31245);
	assert_non_null(kg_parse_amount(KG_VASTE_SCHULDEN, "", KG_UNIT_EURO, &c));
	assert_non_null(kg_parse_amount(KG_VASTE_SCHULDEN, "12,500", KG_UNIT_EURO, &c));
	assert_non_null(kg_parse_amount(KG_VASTE_SCHULDEN, "veel", KG_UNIT_EURO, &c));
	enum kg_unit u;
	assert_true(kg_unit_parse("duizend_euro", &u));
	assert_false(kg_unit_parse("miljoen", &u));
	int y;
	assert_true(kg_parse_year("2024", &y));
	assert_false(kg_parse_year("1999", &y));
	assert_false(kg_parse_year("20x4", &y));
	assert_null(kg_check_source("jaarrekening 2023, p. 112"));
	assert_non_null(kg_check_source(""));
	assert_non_null(kg_check_source("twee\nregels"));
	assert_int_equal(kg_comp_find("liquide_middelen"), KG_LIQUIDE_MIDDELEN);
	assert_int_equal(kg_comp_find("onbekend"), -1);
	assert_int_equal(kg_ratio_find("grondexploitatie"), KG_GREX);
	enum kg_kind k;
	assert_true(kg_kind_parse("jaarverslag", &k));
	assert_int_equal(k, KG_JAARVERSLAG);
	assert_false(kg_kind_parse("jaarrekening", &k));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ser_dordrecht),
	    cmocka_unit_test(test_ser_velsen),
	    cmocka_unit_test(test_solvabiliteit_and_nsq_geldrop_mierlo),
	    cmocka_unit_test(test_grex_and_belastingcapaciteit),
	    cmocka_unit_test(test_not_computable),
	    cmocka_unit_test(test_columns),
	    cmocka_unit_test(test_bands),
	    cmocka_unit_test(test_input_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
