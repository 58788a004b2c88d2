/*
 * test_form — the pure request decoders in http/form.h: form bodies
 * (fields, '+' and percent escapes, empty names skipped, the 512-field
 * limit, malformed escapes, NUL and bad UTF-8 refused) and the Cookie
 * header lookup (first match, empty and over-long values refused).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/http/form.h"
#include "../../src/http/request.h"

#include <stdlib.h>
#include <string.h>

static void test_form_fields(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct param *f;
	int n;
	const char *body = "naam=Afval+Z%C3%A9&=x&leeg&d=1&d=2";
	assert_int_equal(form_decode(a, body, strlen(body), &f, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(f[0].name, "naam");
	assert_string_equal(f[0].value, "Afval Z\xC3\xA9");
	assert_string_equal(f[1].name, "leeg");
	assert_string_equal(f[1].value, "");
	assert_string_equal(f[3].value, "2");
	assert_int_equal(form_decode(a, "", 0, &f, &n), 0);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void test_form_bad(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct param *f;
	int n;
	const char *bad[] = {"a=%zz", "a=%00", "a=%C3", "%FF=1"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(form_decode(a, bad[i], strlen(bad[i]), &f, &n), -1);
		assert_int_equal(n, 0);
	}
	/* 512 fields pass, 513 do not */
	char body[2 * 513 + 1];
	for (int i = 0; i < 513; i++) {
		body[2 * i] = 'a';
		body[2 * i + 1] = '&';
	}
	assert_int_equal(form_decode(a, body, 2 * 512 - 1, &f, &n), 0);
	assert_int_equal(n, 512);
	assert_int_equal(form_decode(a, body, 2 * 513 - 1, &f, &n), -1);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void test_cookie(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(cookie_find(a, "x=1; atlas_sessie=abc;y=2", "atlas_sessie"), "abc");
	assert_string_equal(cookie_find(a, ";;  atlas_sessie=z", "atlas_sessie"), "z");
	assert_null(cookie_find(a, "atlas_sessie=; atlas_sessie=b", "atlas_sessie"));
	assert_null(cookie_find(a, "xatlas_sessie=abc", "atlas_sessie"));
	assert_null(cookie_find(a, "", "atlas_sessie"));
	char longv[200] = "s=";
	memset(longv + 2, 'v', 129);
	longv[131] = 0;
	assert_null(cookie_find(a, longv, "s"));
	longv[130] = 0;
	assert_int_equal(strlen(cookie_find(a, longv, "s")), 128);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_form_fields),
	    cmocka_unit_test(test_form_bad),
	    cmocka_unit_test(test_cookie),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
