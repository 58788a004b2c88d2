/*
 * test_indicatoren — the indicator store's pure parts: number parsing as
 * CBS-style files write numbers (decimal comma or point, '.' and "" for
 * missing), periods, keys and area codes, ranking by direction with ties,
 * Dutch formatting, and the CSV reader (io/indicatoren_csv.c): BOM,
 * separator sniffing, quoting, CRLF, padding and line numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/indicatoren.h"
#include "../../src/io/indicatoren_csv.h"
#include "../../src/lib/arena.h"

static void test_numbers(void **state)
{
	(void)state;
	double v;
	assert_int_equal(indicator_parse_number("12,5", &v), IND_NUM_VALUE);
	assert_true(v == 12.5);
	assert_int_equal(indicator_parse_number(" 12.5 ", &v), IND_NUM_VALUE);
	assert_true(v == 12.5);
	assert_int_equal(indicator_parse_number("-0,25", &v), IND_NUM_VALUE);
	assert_true(v == -0.25);
	assert_int_equal(indicator_parse_number("374238", &v), IND_NUM_VALUE);
	assert_true(v == 374238);
	assert_int_equal(indicator_parse_number(",5", &v), IND_NUM_VALUE);
	assert_true(v == 0.5);
	/* missing: never zero */
	assert_int_equal(indicator_parse_number("", &v), IND_NUM_MISSING);
	assert_int_equal(indicator_parse_number(".", &v), IND_NUM_MISSING);
	assert_int_equal(indicator_parse_number("  ", &v), IND_NUM_MISSING);
	assert_int_equal(indicator_parse_number(NULL, &v), IND_NUM_MISSING);
	/* not numbers */
	const char *bad[] = {"veel", "1.234,5", "1,2,3",  "1e5", "inf",
			     "nan",  "-",	"12 345", "€5",	 "0x10"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(indicator_parse_number(bad[i], &v), IND_NUM_BAD);
}

static void test_periods_keys_codes(void **state)
{
	(void)state;
	char p[17];
	bool prov;
	assert_true(indicator_period_normalise("2024", p, sizeof p, &prov));
	assert_string_equal(p, "2024");
	assert_false(prov);
	assert_true(indicator_period_normalise("2024*", p, sizeof p, &prov));
	assert_string_equal(p, "2024");
	assert_true(prov);
	assert_true(indicator_period_normalise("2020JJ00", p, sizeof p, &prov));
	assert_string_equal(p, "2020");
	assert_true(indicator_period_normalise("2024-06", p, sizeof p, &prov));
	assert_true(indicator_period_normalise("2024KW3", p, sizeof p, &prov));
	/* CBS's OData codes of quarters and months become the store's spellings */
	assert_true(indicator_period_normalise("2023KW01", p, sizeof p, &prov));
	assert_string_equal(p, "2023KW1");
	assert_true(indicator_period_normalise("2023MM03", p, sizeof p, &prov));
	assert_string_equal(p, "2023-03");
	assert_true(indicator_period_normalise("2023MM12*", p, sizeof p, &prov));
	assert_string_equal(p, "2023-12");
	assert_true(prov);
	assert_false(indicator_period_normalise("2023KW05", p, sizeof p, &prov));
	assert_false(indicator_period_normalise("2023MM13", p, sizeof p, &prov));
	assert_false(indicator_period_normalise("2023MM00", p, sizeof p, &prov));
	assert_false(indicator_period_normalise("2023G100", p, sizeof p, &prov));
	assert_false(indicator_period_normalise("twintig", p, sizeof p, &prov));
	assert_false(indicator_period_normalise("24", p, sizeof p, &prov));
	assert_false(indicator_period_normalise("2024-6", p, sizeof p, &prov));

	assert_true(indicator_key_valid("iv3_rekening_lasten_6_1"));
	assert_false(indicator_key_valid(""));
	assert_false(indicator_key_valid("Inwoners"));
	assert_false(indicator_key_valid("a-b"));

	assert_true(indicator_area_code_valid("GM0344"));
	assert_true(indicator_area_code_valid("PV26"));
	assert_true(indicator_area_code_valid("regio-testwaard"));
	assert_false(indicator_area_code_valid("GM03444"));
	assert_false(indicator_area_code_valid("gm 0344"));
	assert_false(indicator_area_code_valid("Bron: CBS"));
	assert_true(indicator_area_is_country("NL00"));
	assert_false(indicator_area_is_country("NL001"));

	assert_true(indicator_direction_valid("lager_beter"));
	assert_false(indicator_direction_valid("omhoog"));
	assert_true(indicator_level_valid("samenwerkingsverband"));
	assert_false(indicator_level_valid("wijk"));
	assert_string_equal(indicator_direction_label("hoger_beter"), "hoger is beter");
}

static void test_rank(void **state)
{
	(void)state;
	/* worked example: 10, 30, missing, 20, 30 */
	double v[] = {10, 30, 0, 20, 30};
	bool has[] = {true, true, false, true, true};
	int r[5];
	indicator_rank(v, has, 5, "hoger_beter", r);
	int hi[] = {4, 1, 0, 3, 1};
	for (int i = 0; i < 5; i++)
		assert_int_equal(r[i], hi[i]);
	indicator_rank(v, has, 5, "lager_beter", r);
	int lo[] = {1, 3, 0, 2, 3};
	for (int i = 0; i < 5; i++)
		assert_int_equal(r[i], lo[i]);
	indicator_rank(v, has, 5, "neutraal", r);
	for (int i = 0; i < 5; i++)
		assert_int_equal(r[i], hi[i]);
}

static void test_format(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(indicator_format_nl(1234.5, 2, b, sizeof b), "1.234,5");
	assert_string_equal(indicator_format_nl(374238, 2, b, sizeof b), "374.238");
	assert_string_equal(indicator_format_nl(0.6, 2, b, sizeof b), "0,6");
	assert_string_equal(indicator_format_nl(-1234567.126, 2, b, sizeof b), "-1.234.567,13");
	assert_string_equal(indicator_format_nl(-0.001, 2, b, sizeof b), "0");
	assert_string_equal(indicator_format_nl(13.75, 1, b, sizeof b), "13,8");
}

static void test_csv(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct sheet sh;
	char d, err[256];
	/* BOM, ';', CRLF, a title line, an empty line, quotes, padding */
	const char *text =
	    "\xEF\xBB\xBFTabel 1;;\r\n\r\nGemeentecode;Perioden;\"Waarde; (x 1 000)\"\r\n"
	    " GM0344 ;2024*;12,5\r\nGM0307;2024;\"a \"\"b\"\"\"\r\nGM0308\r\n";
	assert_int_equal(
	    indicatoren_csv_read(a, text, strlen(text), "t.csv", &sh, &d, err, sizeof err), 0);
	assert_int_equal(d, ';');
	assert_int_equal(sh.nrows, 5);
	assert_int_equal(sh.ncols, 3);
	assert_string_equal(sh.cells[0][0], "Tabel 1");
	assert_int_equal(sh.line[1], 3);
	assert_string_equal(sh.cells[1][2], "Waarde; (x 1 000)");
	assert_string_equal(sh.cells[2][0], "GM0344");
	assert_int_equal(sh.line[2], 4);
	assert_string_equal(sh.cells[3][2], "a \"b\"");
	assert_string_equal(sh.cells[4][0], "GM0308");
	assert_string_equal(sh.cells[4][2], ""); /* padded */
	/* ',' wins a tie and is the default */
	const char *comma = "indicator,gebied,periode,waarde\nx,GM0344,2024,1.5\n";
	assert_int_equal(
	    indicatoren_csv_read(a, comma, strlen(comma), "w.csv", &sh, &d, err, sizeof err), 0);
	assert_int_equal(d, ',');
	assert_string_equal(sh.cells[1][3], "1.5");
	/* a quoted line break keeps the line numbers right */
	const char *ml = "a,b\n\"x\ny\",1\nz,2\n";
	assert_int_equal(indicatoren_csv_read(a, ml, strlen(ml), "m.csv", &sh, &d, err, sizeof err),
			 0);
	assert_int_equal(sh.line[2], 4);
	/* errors name the file and line */
	const char *open = "a,b\n\"x,1\n";
	assert_int_equal(
	    indicatoren_csv_read(a, open, strlen(open), "o.csv", &sh, &d, err, sizeof err), -1);
	assert_non_null(strstr(err, "o.csv, regel 2"));
	const char *bad = "a,b\n\xff,1\n";
	assert_int_equal(
	    indicatoren_csv_read(a, bad, strlen(bad), "u.csv", &sh, &d, err, sizeof err), -1);
	assert_non_null(strstr(err, "UTF-8"));
	assert_int_equal(indicatoren_csv_read(a, "", 0, "e.csv", &sh, &d, err, sizeof err), 0);
	assert_int_equal(sh.nrows, 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_numbers), cmocka_unit_test(test_periods_keys_codes),
	    cmocka_unit_test(test_rank),    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
