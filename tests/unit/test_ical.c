/*
 * test_ical — the RFC 5545 writer (render/ical.h): CRLF line ends, folding
 * at 75 octets without splitting UTF-8 sequences, TEXT escaping of
 * backslash, semicolon, comma and newlines, and all-day events with an
 * exclusive DTEND across month and year ends. Fixtures are fictional.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/render/ical.h"

#include <string.h>

/* Every physical line ends in CRLF and has at most 75 octets. */
static void assert_lines_ok(const char *s)
{
	const char *p = s;
	while (*p) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= 75);
		for (const char *q = p; q < e; q++)
			assert_true(*q != '\n' && *q != '\r');
		p = e + 2;
	}
}

/* Undo folding: remove every CRLF followed by a space. */
static void unfold(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (const char *p = s; *p && n + 1 < cap; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		out[n++] = *p;
	}
	out[n] = '\0';
}

static void test_escaping(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	ical_escape(&b, "a,b;c\\d\ne\r\nf");
	assert_string_equal(b.data, "a\\,b\\;c\\\\d\\ne\\nf");
	buf_free(&b);
	ical_text_line(&b, "SUMMARY", "Kadernota, Testregio; \"Testdorp\"");
	assert_string_equal(b.data, "SUMMARY:Kadernota\\, Testregio\\; \"Testdorp\"\r\n");
	buf_free(&b);
}

static void test_folding_ascii(void **state)
{
	(void)state;
	char v[301];
	for (int i = 0; i < 300; i++)
		v[i] = (char)('a' + i % 26);
	v[300] = '\0';
	struct buf b = BUF_INIT;
	ical_line(&b, "DESCRIPTION", v);
	assert_lines_ok(b.data);
	/* first line exactly 75 octets, continuation lines start with a space */
	assert_int_equal(strstr(b.data, "\r\n") - b.data, 75);
	assert_int_equal(b.data[77], ' ');
	char u[512];
	unfold(b.data, u, sizeof u);
	char want[512];
	strcpy(want, "DESCRIPTION:");
	strcat(want, v);
	strcat(want, "\r\n");
	assert_string_equal(u, want);
	buf_free(&b);
}

static void test_folding_utf8(void **state)
{
	(void)state;
	char v[401] = "";
	for (int i = 0; i < 100; i++)
		strcat(v, i % 2 ? "é" : "€"); /* 2- and 3-octet sequences */
	struct buf b = BUF_INIT;
	ical_text_line(&b, "SUMMARY", v);
	assert_lines_ok(b.data);
	/* no line starts (after the fold space) with a continuation byte */
	for (const char *p = b.data; (p = strstr(p, "\r\n ")) != NULL; p += 3)
		assert_true(((unsigned char)p[3] & 0xC0) != 0x80);
	char u[1024];
	unfold(b.data, u, sizeof u);
	char want[1024] = "SUMMARY:";
	strcat(want, v);
	strcat(want, "\r\n");
	assert_string_equal(u, want);
	buf_free(&b);
}

static void test_event(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	ical_begin(&b, "Wgr-kalender Gemeente Testdorp");
	struct ical_event e = {.uid = "kadernota-testregio-2025@samenwerkingsatlas",
			       .dtstamp = "20261128T000000Z",
			       .date = "2024-12-31",
			       .summary = "Kadernota 2025 — Testregio",
			       .description = "Regel 1\nRegel 2",
			       .categories = "Wgr"};
	ical_event(&b, &e);
	e.date = "2024-02-28";
	ical_event(&b, &e);
	e.date = "2024-02-30"; /* not a date: skipped */
	ical_event(&b, &e);
	ical_end(&b);
	assert_lines_ok(b.data);
	assert_true(strncmp(b.data, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 37) == 0);
	assert_non_null(strstr(b.data, "X-WR-TIMEZONE:Europe/Amsterdam\r\n"));
	assert_non_null(
	    strstr(b.data, "DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n"));
	assert_non_null(
	    strstr(b.data, "DTSTART;VALUE=DATE:20240228\r\nDTEND;VALUE=DATE:20240229\r\n"));
	assert_null(strstr(b.data, "20240230"));
	assert_non_null(strstr(b.data, "DESCRIPTION:Regel 1\\nRegel 2\r\n"));
	const char *p = b.data;
	int n = 0;
	while ((p = strstr(p, "BEGIN:VEVENT")) != NULL) {
		n++;
		p++;
	}
	assert_int_equal(n, 2);
	size_t len = strlen(b.data);
	assert_string_equal(b.data + len - 15, "END:VCALENDAR\r\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escaping),
	    cmocka_unit_test(test_folding_ascii),
	    cmocka_unit_test(test_folding_utf8),
	    cmocka_unit_test(test_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
