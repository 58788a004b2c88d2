/*
 * html — escaping writers; see html.h.
 */
#include "html.h"
#include "../lib/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void escape_html(struct buf *b, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *rep;
		switch (*p) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_add(b, run, (size_t)(p - run));
		buf_puts(b, rep);
		run = p + 1;
	}
	buf_puts(b, run);
}

void html_text(struct buf *b, const char *s)
{
	escape_html(b, s);
}

void html_attr(struct buf *b, const char *s)
{
	escape_html(b, s);
}

static void escape_url(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			buf_putc(b, (char)c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_add(b, e, 3);
		}
	}
}

void url_seg(struct buf *b, const char *s)
{
	escape_url(b, s);
}

void url_arg(struct buf *b, const char *s)
{
	escape_url(b, s);
}

void html_rawf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void html_int_nl(struct buf *b, long long v)
{
	char digits[32];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	int n = snprintf(digits, sizeof digits, "%llu", u);
	if (v < 0)
		buf_putc(b, '-');
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, '.');
		buf_putc(b, digits[i]);
	}
}

void html_date_nl(struct buf *b, const char *iso)
{
	static const char *months[] = {"januari",   "februari", "maart",    "april",
				       "mei",	    "juni",	"juli",	    "augustus",
				       "september", "oktober",	"november", "december"};
	if (!iso || !is_iso_date(iso)) {
		html_text(b, iso);
		return;
	}
	int m = (iso[5] - '0') * 10 + (iso[6] - '0');
	int d = (iso[8] - '0') * 10 + (iso[9] - '0');
	buf_printf(b, "%d %s %.4s", d, months[m - 1], iso);
}
