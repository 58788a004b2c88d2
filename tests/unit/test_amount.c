/*
 * test_amount — domain/amount.c: amounts as Dutch users type them are read
 * to the right number of cents, ambiguous spellings are refused with a
 * message (never a guess), and amounts are shown in Dutch format.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/amount.h"

static int64_t parse_ok(const char *s)
{
	int64_t c = -1;
	const char *msg = "unset";
	assert_int_equal(amount_parse(s, &c, &msg), AMOUNT_OK);
	assert_null(msg);
	return c;
}

static const char *parse_bad(const char *s)
{
	int64_t c = 4242;
	const char *msg = NULL;
	assert_int_equal(amount_parse(s, &c, &msg), AMOUNT_INVALID);
	assert_int_equal(c, 4242); /* untouched */
	assert_non_null(msg);
	return msg;
}

static void test_typed_amounts(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("12500"), 1250000);
	assert_int_equal(parse_ok("12.500"), 1250000);
	assert_int_equal(parse_ok("€ 12.500"), 1250000);
	assert_int_equal(parse_ok("€12.500"), 1250000);
	assert_int_equal(parse_ok("12.500,50"), 1250050);
	assert_int_equal(parse_ok("12500,50"), 1250050);
	assert_int_equal(parse_ok("12500,5"), 1250050);
	assert_int_equal(parse_ok("€12.500,-"), 1250000);
	assert_int_equal(parse_ok("12.500,–"), 1250000); /* en dash */
	assert_int_equal(parse_ok("  EUR 1.234.567  "), 123456700);
	assert_int_equal(parse_ok("\xC2\xA0€\xC2\xA0"
				  "7\xC2\xA0"),
			 700); /* no-break spaces */
	assert_int_equal(parse_ok("0"), 0);
	assert_int_equal(parse_ok("999"), 99900);
	assert_int_equal(parse_ok("1.000"), 100000);
}

static void test_ambiguous_and_wrong(void **state)
{
	(void)state;
	/* a dot before two digits: cents or thousands? */
	assert_non_null(strstr(parse_bad("12.50"), "niet eenduidig"));
	assert_non_null(strstr(parse_bad("1.5"), "niet eenduidig"));
	assert_non_null(strstr(parse_bad("12.5000"), "niet eenduidig"));
	assert_non_null(strstr(parse_bad("1234.567"), "niet eenduidig"));
	/* three digits after the comma: English thousands? */
	assert_non_null(strstr(parse_bad("12,500"), "niet eenduidig"));
	assert_non_null(strstr(parse_bad("1,234.56"), "niet eenduidig"));
	parse_bad("12.500.50");
	parse_bad("abc");
	parse_bad("12 euro");
	parse_bad("12..500");
	parse_bad(".500");
	parse_bad("12,");
	parse_bad("12,50,-");
	parse_bad("€");
	parse_bad("1e5");
	assert_non_null(strstr(parse_bad("-5"), "negatief"));
	assert_non_null(strstr(parse_bad("€ -12.500"), "negatief"));
	assert_non_null(strstr(parse_bad("99999999999999999999"), "te groot"));
	int64_t c = 1;
	assert_int_equal(amount_parse("   ", &c, NULL), AMOUNT_EMPTY);
	assert_int_equal(amount_parse(NULL, &c, NULL), AMOUNT_EMPTY);
	assert_int_equal(amount_parse("", &c, NULL), AMOUNT_EMPTY);
}

static void test_format(void **state)
{
	(void)state;
	char out[40];
	assert_string_equal(amount_format_nl(1250000, out, sizeof out, 1), "€ 12.500");
	assert_string_equal(amount_format_nl(1250050, out, sizeof out, 1), "€ 12.500,50");
	assert_string_equal(amount_format_nl(1250005, out, sizeof out, 0), "12.500,05");
	assert_string_equal(amount_format_nl(0, out, sizeof out, 1), "€ 0");
	assert_string_equal(amount_format_nl(99900, out, sizeof out, 0), "999");
	assert_string_equal(amount_format_nl(123456789000, out, sizeof out, 0), "1.234.567.890");
	/* what is shown can be typed back */
	int64_t c;
	assert_int_equal(amount_parse(amount_format_nl(1250050, out, sizeof out, 1), &c, NULL),
			 AMOUNT_OK);
	assert_int_equal(c, 1250050);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_typed_amounts),
	    cmocka_unit_test(test_ambiguous_and_wrong),
	    cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
