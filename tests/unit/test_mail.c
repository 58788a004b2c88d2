/*
 * test_mail — the message writer (io/mail.c) and the pure mail rules
 * (domain/mail_address.c): addresses, header text (no CR/LF: no header
 * injection), encoded words for UTF-8 names and subjects, folding at 78,
 * quoted-printable bodies at 76, the Date format, the retry schedule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/mail_address.h"
#include "../../src/io/mail.h"
#include "../../src/lib/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_addresses(void **state)
{
	(void)state;
	const char *good[] = {"a.b@example.org", "zoe+atlas@sub.example.nl", "x_y-z@a-b.example",
			      "o'brien@example.com"};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(mail_address_valid(good[i]));
	const char *bad[] = {NULL,
			     "",
			     "geen-adres",
			     "a@b",
			     "a@localhost",
			     "@example.org",
			     "a@@example.org",
			     "a@b@example.org",
			     ".a@example.org",
			     "a.@example.org",
			     "a..b@example.org",
			     "a b@example.org",
			     "a@-example.org",
			     "a@example-.org",
			     "a@example.123",
			     "\"q\"@example.org",
			     "a@[127.0.0.1]",
			     "zoë@example.org",
			     "a@example.org\r\nBcc: x@example.org",
			     "a@example.org\n",
			     "a<b@example.org"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(mail_address_valid(bad[i]));
	char longlocal[80];
	memset(longlocal, 'a', 65);
	strcpy(longlocal + 65, "@example.org");
	assert_false(mail_address_valid(longlocal));
}

static void test_header_text(void **state)
{
	(void)state;
	assert_true(mail_header_text_valid("Zoë de Vries", 200));
	assert_true(mail_header_text_valid("", 200));
	assert_false(mail_header_text_valid("a\r\nBcc: x@example.org", 200));
	assert_false(mail_header_text_valid("a\nb", 200));
	assert_false(mail_header_text_valid("a\tb", 200));
	assert_false(mail_header_text_valid("a\x7f", 200));
	assert_false(mail_header_text_valid("\xff\xfe", 200));
	assert_false(mail_header_text_valid("abcdef", 5));
	assert_true(mail_kind_valid("registratie-bevestiging"));
	assert_false(mail_kind_valid("Registratie"));
	assert_false(mail_kind_valid("-x"));
	assert_false(mail_kind_valid(""));
	struct field_errors e = {0};
	struct mail_message m = {.to = "a@example.org",
				 .subject = "Onderwerp\r\nBcc: x@example.org",
				 .body = "tekst",
				 .kind = "test",
				 .not_before = "2026-13-01T00:00:00Z"};
	assert_false(mail_message_check(&m, &e));
	assert_non_null(field_errors_get(&e, "onderwerp"));
	assert_non_null(field_errors_get(&e, "nietVoor"));
	assert_null(field_errors_get(&e, "aan"));
	e.n = 0;
	m.subject = "Onderwerp";
	m.not_before = "2026-12-01T08:30:00.000Z";
	assert_true(mail_message_check(&m, &e));
}

static void test_retry_delay(void **state)
{
	(void)state;
	assert_int_equal(mail_retry_delay_ms(1, 60000, 3600000), 60000);
	assert_int_equal(mail_retry_delay_ms(2, 60000, 3600000), 120000);
	assert_int_equal(mail_retry_delay_ms(4, 60000, 3600000), 480000);
	assert_int_equal(mail_retry_delay_ms(7, 60000, 3600000), 3600000);
	assert_int_equal(mail_retry_delay_ms(1000, 60000, 3600000), 3600000);
	assert_int_equal(mail_retry_delay_ms(0, 60000, 3600000), 60000);
}

/* Decode base64 (standard alphabet, padded) of s[0..n) into out; length. */
static size_t unbase64(const char *s, size_t n, unsigned char *out)
{
	static const char tbl[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;
	unsigned v = 0;
	int bits = 0;
	for (size_t i = 0; i < n && s[i] != '='; i++) {
		v = v << 6 | (unsigned)(strchr(tbl, s[i]) - tbl);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(v >> bits);
		}
	}
	return o;
}

/* The decoded value of header name (unfolded, encoded words decoded) in
 * msg, into out; asserts each encoded word is at most 75 characters. */
static void header_value(const char *msg, const char *name, char *out, size_t outlen)
{
	char key[64];
	snprintf(key, sizeof key, "\r\n%s: ", name);
	const char *p = strstr(msg, key);
	if (!p && strncmp(msg, key + 2, strlen(key) - 2) == 0)
		p = msg - 2;
	assert_non_null(p);
	p += strlen(key);
	size_t o = 0;
	for (;;) {
		if (strncmp(p, "=?UTF-8?B?", 10) == 0) {
			const char *end = strstr(p + 10, "?=");
			assert_non_null(end);
			assert_true(end + 2 - p <= 75);
			o += unbase64(p + 10, (size_t)(end - p - 10), (unsigned char *)out + o);
			p = end + 2;
		} else if (strncmp(p, "\r\n ", 3) == 0) {
			p += 3;
			if (strncmp(p, "=?UTF-8?B?", 10) != 0)
				out[o++] = ' ';
		} else if (strncmp(p, "\r\n", 2) == 0) {
			break;
		} else {
			out[o++] = *p++;
		}
		assert_true(o < outlen - 8);
	}
	out[o] = '\0';
}

/* Every line CRLF-terminated; header lines at most 78, body lines at most 76. */
static void check_lines(const char *msg)
{
	bool body = false;
	for (const char *p = msg; *p;) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		size_t len = (size_t)(e - p);
		for (const char *q = p; q < e; q++)
			assert_true(*q != '\r' && *q != '\n');
		if (len == 0)
			body = true;
		assert_true(len <= (body ? 76u : 78u));
		p = e + 2;
	}
}

static void test_format(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	const struct mail_envelope m = {
	    .from = "atlas@example.org",
	    .from_name = "Samenwerkingsatlas \"Utrecht\"",
	    .to = "zoe@example.org",
	    .to_name = "Zoë de Vries-IJsselmeer, afdeling Bestuurlijke Samenwerking en Regionale "
		       "Opgaven",
	    .subject = "Bevestiging: uw aanmelding voor de bijeenkomst „Sterk Utrechts Bestuur” "
		       "op 12 maart — zaal Ĳssel, 3e verdieping ✓",
	    .body = "Beste Zoë,\n\n"
		    "Uw aanmelding is ontvangen. Deze regel is bewust erg lang zodat hij over "
		    "meerdere regels van hoogstens zesenzeventig tekens wordt verdeeld = ok.\n"
		    ".punt aan het begin\n"
		    "spatie aan het eind \n",
	    .message_id = "abc_DEF-123@example.org",
	    .date = 1796661360, /* 2026-12-07 16:36:00 UTC, a Monday */
	};
	assert_int_equal(mail_format(&b, &m), 0);
	const char *msg = b.data;
	check_lines(msg);
	assert_true(strncmp(msg, "Date: Mon, 07 Dec 2026 16:36:00 +0000\r\n", 39) == 0);
	assert_non_null(strstr(msg, "\r\nFrom: \"Samenwerkingsatlas \\\"Utrecht\\\"\" "
				    "<atlas@example.org>\r\n"));
	assert_non_null(strstr(msg, "\r\nMessage-ID: <abc_DEF-123@example.org>\r\n"));
	assert_non_null(strstr(msg, "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
				    "charset=UTF-8\r\nContent-Transfer-Encoding: "
				    "quoted-printable\r\n"));
	char v[1024];
	header_value(msg, "Subject", v, sizeof v);
	assert_string_equal(v, m.subject);
	header_value(msg, "To", v, sizeof v);
	char want[512];
	snprintf(want, sizeof want, "%s <zoe@example.org>", m.to_name);
	assert_string_equal(v, want);
	const char *body = strstr(msg, "\r\n\r\n") + 4;
	assert_true(strncmp(body, "Beste Zo=C3=AB,\r\n\r\n", 19) == 0);
	assert_non_null(strstr(body, "=\r\n"));		      /* a soft break in the long line */
	assert_non_null(strstr(body, "=3D ok."));	      /* '=' encoded */
	assert_non_null(strstr(body, "\r\n=2Epunt"));	      /* a leading dot */
	assert_non_null(strstr(body, "aan het eind=20\r\n")); /* trailing blank */
	assert_true(strcmp(msg + b.len - 2, "\r\n") == 0);
	buf_free(&b);

	/* a short ASCII subject and no names stay as they are */
	struct buf c = BUF_INIT;
	struct mail_envelope s = m;
	s.from_name = NULL;
	s.to_name = "";
	s.subject = "Herinnering";
	assert_int_equal(mail_format(&c, &s), 0);
	assert_non_null(strstr(c.data, "\r\nFrom: <atlas@example.org>\r\nTo: <zoe@example.org>\r\n"
				       "Subject: Herinnering\r\n"));
	buf_free(&c);
}

static void test_format_refuses_injection(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct mail_envelope m = {.from = "atlas@example.org",
				  .to = "zoe@example.org",
				  .subject = "Onderwerp\r\nBcc: x@example.org",
				  .body = "x",
				  .message_id = "a@example.org",
				  .date = 0};
	assert_int_equal(mail_format(&b, &m), -1);
	m.subject = "Onderwerp";
	m.to_name = "Zoë\nBcc: x@example.org";
	assert_int_equal(mail_format(&b, &m), -1);
	m.to_name = NULL;
	m.to = "zoe@example.org>\r\nBcc: <x@example.org";
	assert_int_equal(mail_format(&b, &m), -1);
	m.to = "zoe@example.org";
	m.message_id = "a@example.org>\r\nBcc: x";
	assert_int_equal(mail_format(&b, &m), -1);
	assert_int_equal((int)b.len, 0);
	buf_free(&b);
	char id[64];
	assert_int_equal(mail_message_id(id, sizeof id, "tok", "atlas@example.org"), 0);
	assert_string_equal(id, "tok@example.org");
	assert_int_equal(mail_message_id(id, sizeof id, "tok", "geen-adres"), -1);
}

static void test_qp_edges(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	/* 80 multi-byte characters: every encoded triple stays whole */
	char text[400] = "";
	for (int i = 0; i < 80; i++)
		strcat(text, "é");
	mail_qp_body(&b, text);
	check_lines(b.data);
	for (const char *p = b.data; (p = strchr(p, '=')) != NULL; p++)
		assert_true(p[1] == '\r' ||
			    (strchr("0123456789ABCDEF", p[1]) && strchr("0123456789ABCDEF", p[2])));
	buf_reset(&b);
	mail_qp_body(&b, "a\r\nb\n");
	assert_string_equal(b.data, "a\r\nb\r\n");
	buf_reset(&b);
	mail_qp_body(&b, "");
	assert_string_equal(b.data, "\r\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_addresses),
	    cmocka_unit_test(test_header_text),
	    cmocka_unit_test(test_retry_delay),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_format_refuses_injection),
	    cmocka_unit_test(test_qp_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
