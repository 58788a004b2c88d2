/*
 * test_multipart — the multipart/form-data parser (http/multipart.h): the
 * boundary from the Content-Type (plain, quoted, missing, too long), text
 * fields and files of a browser-shaped body, a preamble and an epilogue,
 * directory parts of file names dropped, an empty file input, binary file
 * bytes kept as sent, and malformed bodies refused (no closing boundary,
 * no name, bad UTF-8 or NUL in a text field, too many parts).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/http/multipart.h"
#include "../../src/http/request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_boundary(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(multipart_boundary(a, "multipart/form-data; boundary=----WebKitX1"),
			    "----WebKitX1");
	assert_string_equal(multipart_boundary(a, "Multipart/Form-Data; charset=utf-8; "
						  "BOUNDARY=\"a b:c\""),
			    "a b:c");
	assert_null(multipart_boundary(a, "multipart/form-data"));
	assert_null(multipart_boundary(a, "application/x-www-form-urlencoded"));
	assert_null(multipart_boundary(a, NULL));
	assert_null(multipart_boundary(a, "multipart/form-data; boundary="));
	assert_null(multipart_boundary(a, "multipart/form-data; boundary=a<b"));
	char longb[128] = "multipart/form-data; boundary=";
	memset(longb + strlen(longb), 'x', 71);
	assert_null(multipart_boundary(a, longb));
	arena_free(a);
}

#define CRLF "\r\n"

static void test_parse(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const char body[] =
	    "preamble" CRLF "--XyZ" CRLF "Content-Disposition: form-data; name=\"csrf\"" CRLF CRLF
	    "t0k\xC3\xA9n" CRLF "--XyZ" CRLF "content-disposition: form-data; name=\"bestanden\"; "
	    "filename=\"C:\\\\map\\\\sources.csv\"" CRLF "Content-Type: text/csv" CRLF CRLF
	    "id,title" CRLF "x,\"y\"" CRLF CRLF "--XyZ" CRLF
	    "Content-Disposition: form-data; name=\"bestanden\"; filename=\"wb.xlsx\"" CRLF CRLF
	    "PK\x03\x04\x00\xff" CRLF "--XyZ" CRLF
	    "Content-Disposition: form-data; name=\"leeg\"; filename=\"\"" CRLF
	    "Content-Type: application/octet-stream" CRLF CRLF CRLF "--XyZ--" CRLF "epilogue";
	struct param *f;
	struct upload *u;
	int nf, nu;
	assert_int_equal(multipart_parse(a, body, sizeof body - 1, "XyZ", &f, &nf, &u, &nu), 0);
	assert_int_equal(nf, 1);
	assert_string_equal(f[0].name, "csrf");
	assert_string_equal(f[0].value, "t0k\xC3\xA9n");
	assert_int_equal(nu, 3);
	assert_string_equal(u[0].name, "bestanden");
	assert_string_equal(u[0].filename, "sources.csv");
	assert_string_equal(u[0].content_type, "text/csv");
	assert_int_equal(u[0].len, strlen("id,title" CRLF "x,\"y\"" CRLF));
	assert_memory_equal(u[0].data, "id,title" CRLF "x,\"y\"" CRLF, u[0].len);
	assert_string_equal(u[1].filename, "wb.xlsx");
	assert_int_equal(u[1].len, 6);
	assert_memory_equal(u[1].data, "PK\x03\x04\x00\xff", 6);
	assert_string_equal(u[2].filename, "");
	assert_int_equal(u[2].len, 0);
	/* the body starts with the boundary, no preamble, an empty value */
	static const char b2[] =
	    "--q" CRLF "Content-Disposition: form-data; name=x" CRLF CRLF CRLF "--q--";
	assert_int_equal(multipart_parse(a, b2, sizeof b2 - 1, "q", &f, &nf, &u, &nu), 0);
	assert_int_equal(nf, 1);
	assert_string_equal(f[0].value, "");
	arena_free(a);
}

static int parse(struct arena *a, const char *body)
{
	struct param *f;
	struct upload *u;
	int nf, nu;
	int rc = multipart_parse(a, body, strlen(body), "q", &f, &nf, &u, &nu);
	if (rc)
		assert_true(nf == 0 && nu == 0);
	return rc;
}

static void test_malformed(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* no closing delimiter */
	assert_int_equal(
	    parse(a, "--q" CRLF "Content-Disposition: form-data; name=x" CRLF CRLF "v"), -1);
	/* no boundary at all */
	assert_int_equal(parse(a, "x=1"), -1);
	/* no name */
	assert_int_equal(
	    parse(a, "--q" CRLF "Content-Disposition: form-data" CRLF CRLF "v" CRLF "--q--"), -1);
	/* not form-data */
	assert_int_equal(parse(a, "--q" CRLF "Content-Disposition: attachment; name=x" CRLF CRLF
				  "v" CRLF "--q--"),
			 -1);
	/* bad UTF-8 in a text field */
	assert_int_equal(parse(a, "--q" CRLF "Content-Disposition: form-data; name=x" CRLF CRLF
				  "\xff" CRLF "--q--"),
			 -1);
	/* an unterminated quoted name */
	assert_int_equal(parse(a, "--q" CRLF "Content-Disposition: form-data; name=\"x" CRLF CRLF
				  "v" CRLF "--q--"),
			 -1);
	/* garbage after a delimiter */
	assert_int_equal(parse(a, "--qX" CRLF "--q--"), -1);
	/* a NUL in a text field (length-aware) */
	static const char nul[] =
	    "--q" CRLF "Content-Disposition: form-data; name=x" CRLF CRLF "a\0b" CRLF "--q--";
	struct param *f;
	struct upload *u;
	int nf, nu;
	assert_int_equal(multipart_parse(a, nul, sizeof nul - 1, "q", &f, &nf, &u, &nu), -1);
	/* too many parts */
	size_t cap = (MULTIPART_MAX_PARTS + 2) * 64;
	char *many = malloc(cap);
	size_t o = 0;
	for (int i = 0; i <= MULTIPART_MAX_PARTS; i++)
		o += (size_t)snprintf(many + o, cap - o,
				      "--q" CRLF "Content-Disposition: form-data; name=f" CRLF CRLF
				      "1" CRLF);
	snprintf(many + o, cap - o, "--q--");
	assert_int_equal(parse(a, many), -1);
	free(many);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_boundary),
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
