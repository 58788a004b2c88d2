/*
 * test_db_copy — the field escaping of PostgreSQL's COPY text format
 * (store/db.h db_copy_field), which the indicator import streams its new
 * values through: NULL as \N; backslash, tab, newline and carriage return
 * escaped; the text "\N" kept as text; everything else (UTF-8, quotes,
 * commas, other control bytes) passed through as it is. The rules are those
 * of the PostgreSQL 15 documentation, COPY, "Text Format". The round trip
 * through a real server is tests/http/indicatoren_import.test.mjs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/lib/buf.h"
#include "../../src/store/db.h"

#include <string.h>

static void field(const char *in, const char *want)
{
	struct buf b = BUF_INIT;
	db_copy_field(&b, in);
	assert_false(b.err);
	if (!*want) {
		assert_int_equal(b.len, 0);
	} else {
		assert_non_null(b.data);
		assert_int_equal(b.len, strlen(want));
		assert_memory_equal(b.data, want, b.len);
	}
	buf_free(&b);
}

static void test_plain(void **state)
{
	(void)state;
	field("", "");
	field("GM0344", "GM0344");
	field("2024", "2024");
	field("12.5", "12.5");
	field("CBS, tabel \"83765NED\" (voorlopig) 'x'", "CBS, tabel \"83765NED\" (voorlopig) 'x'");
	field("Súdwest-Fryslân ✓", "Súdwest-Fryslân ✓");
}

static void test_null_and_backslash_n(void **state)
{
	(void)state;
	field(NULL, "\\N");
	field("\\N", "\\\\N"); /* the text \N, not NULL */
	field("N", "N");
}

static void test_specials(void **state)
{
	(void)state;
	field("a\tb", "a\\tb");
	field("a\nb", "a\\nb");
	field("a\r\nb", "a\\r\\nb");
	field("C:\\data\\x.csv", "C:\\\\data\\\\x.csv");
	field("\\", "\\\\");
	field("\t\n\r\\", "\\t\\n\\r\\\\");
	field("\\.", "\\\\."); /* never COPY's end-of-data line */
	/* other control bytes need no escape in text format */
	field("a\x01\x7f"
	      "b",
	      "a\x01\x7f"
	      "b");
}

static void test_appends(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_puts(&b, "1\t");
	db_copy_field(&b, "x\ty");
	buf_putc(&b, '\t');
	db_copy_field(&b, NULL);
	buf_putc(&b, '\n');
	assert_string_equal(b.data, "1\tx\\ty\t\\N\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),
	    cmocka_unit_test(test_null_and_backslash_n),
	    cmocka_unit_test(test_specials),
	    cmocka_unit_test(test_appends),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
