/*
 * test_csv — the CSV writer used by every export (render/csv.h): BOM,
 * CRLF row ends, RFC 4180 quoting, and formula neutralisation (cells that
 * start with = + - @ tab or CR get a leading apostrophe and are quoted, so
 * a spreadsheet shows them as text instead of running them).
 * Fixtures are fictional.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/render/csv.h"

#include <stdio.h>
#include <string.h>

/* Write one row of cells and return the document (caller frees b). */
static const char *one_row(struct buf *b, const char *const *cells, int n)
{
	struct csv c;
	csv_begin(&c, b);
	for (int i = 0; i < n; i++)
		csv_cell(&c, cells[i]);
	csv_end_row(&c);
	assert_false(b->err);
	return b->data;
}

static void test_bom_and_crlf(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	const char *cells[] = {"Naam", "Korte naam"};
	const char *out = one_row(&b, cells, 2);
	assert_string_equal(out, "\xEF\xBB\xBFNaam,Korte naam\r\n");
	buf_free(&b);
}

static void test_quoting(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	const char *cells[] = {
	    "Gemeente Testdorp, Oost", "Regio \"Test\"", "a\nb", "x;y", NULL, ""};
	const char *out = one_row(&b, cells, 6);
	assert_string_equal(out, "\xEF\xBB\xBF\"Gemeente Testdorp, Oost\",\"Regio \"\"Test\"\"\","
				 "\"a\nb\",\"x;y\",,\r\n");
	buf_free(&b);
}

static void test_formula_neutralised(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"=SUM(A1:A9)", "\"'=SUM(A1:A9)\""},
	    {"+31 30 123", "\"'+31 30 123\""},
	    {"-2+3", "\"'-2+3\""},
	    {"@Testdorp", "\"'@Testdorp\""},
	    {"\tTestdorp", "\"'\tTestdorp\""},
	    {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
	    {"Gemeente = Testdorp", "Gemeente = Testdorp"}, /* only the first character counts */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;
		const char *cells[] = {cases[i].in};
		const char *out = one_row(&b, cells, 1);
		char expect[128];
		snprintf(expect, sizeof expect, "\xEF\xBB\xBF%s\r\n", cases[i].out);
		assert_string_equal(out, expect);
		buf_free(&b);
	}
}

static void test_numbers(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct csv c;
	csv_begin(&c, &b);
	csv_int(&c, 26);
	csv_num(&c, 0.125);
	csv_cell(&c, "Testdorp");
	csv_end_row(&c);
	assert_string_equal(b.data, "\xEF\xBB\xBF"
				    "26,0.125,Testdorp\r\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bom_and_crlf),
	    cmocka_unit_test(test_quoting),
	    cmocka_unit_test(test_formula_neutralised),
	    cmocka_unit_test(test_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
