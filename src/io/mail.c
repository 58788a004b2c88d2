/*
 * mail — see mail.h.
 */
#include "mail.h"

#include "../domain/mail_address.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define LINE_SOFT 78 /* RFC 5322 2.1.1: SHOULD */
#define QP_LINE 76   /* RFC 2045 6.7 (5) */
#define WORD_MAX 75  /* RFC 2047 2: an encoded word */
#define WORD_PREFIX "=?UTF-8?B?"

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void base64(struct buf *out, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		buf_putc(out, b64[(v >> 18) & 63]);
		buf_putc(out, b64[(v >> 12) & 63]);
		buf_putc(out, i + 1 < n ? b64[(v >> 6) & 63] : '=');
		buf_putc(out, i + 2 < n ? b64[v & 63] : '=');
	}
}

/* Bytes of s from which a chunk of at most max bytes ends on a character
 * boundary (at least one whole character). */
static size_t utf8_chunk(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	if (n == 0) { /* cannot happen with max >= 4; take one character */
		n = 1;
		while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
			n++;
	}
	return n;
}

/*
 * Append s as encoded words, the first starting at column col (the header
 * name and what precedes it already written), folding with CRLF SP so no
 * line passes LINE_SOFT. Returns the column after the last word.
 */
static size_t encoded_words(struct buf *out, const char *s, size_t col)
{
	size_t len = strlen(s), at = 0;
	const size_t overhead = sizeof WORD_PREFIX - 1 + 2; /* "=?UTF-8?B?" + "?=" */
	while (at < len) {
		size_t room = LINE_SOFT > col ? LINE_SOFT - col : 0;
		if (room > WORD_MAX)
			room = WORD_MAX;
		size_t quads = room > overhead ? (room - overhead) / 4 : 0;
		if (quads < 2) { /* too little room on this line: fold first */
			buf_puts(out, "\r\n ");
			col = 1;
			continue;
		}
		size_t take = utf8_chunk(s + at, len - at, quads * 3);
		buf_puts(out, WORD_PREFIX);
		base64(out, (const unsigned char *)s + at, take);
		buf_puts(out, "?=");
		col += overhead + (take + 2) / 3 * 4;
		at += take;
		if (at < len) {
			buf_puts(out, "\r\n ");
			col = 1;
		}
	}
	return col;
}

/* Printable ASCII only (space included)? */
static bool plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* "Name: " + mailbox: a quoted display name when it is plain ASCII and the
 * line stays short, else encoded words; then <addr>, on a line of its own
 * when it would not fit. */
static void mailbox_header(struct buf *out, const char *header, const char *name, const char *addr)
{
	buf_printf(out, "%s: ", header);
	size_t col = strlen(header) + 2;
	if (name && *name) {
		size_t quoted = 2;
		for (const char *p = name; *p; p++)
			quoted += (*p == '"' || *p == '\\') ? 2 : 1;
		if (plain_ascii(name) && strstr(name, "=?") == NULL &&
		    col + quoted + 3 + strlen(addr) <= LINE_SOFT) {
			buf_putc(out, '"');
			for (const char *p = name; *p; p++) {
				if (*p == '"' || *p == '\\')
					buf_putc(out, '\\');
				buf_putc(out, *p);
			}
			buf_putc(out, '"');
			col += quoted;
		} else {
			col = encoded_words(out, name, col);
		}
		if (col + 3 + strlen(addr) > LINE_SOFT) {
			buf_puts(out, "\r\n");
			col = 0;
		}
		buf_putc(out, ' ');
	}
	buf_printf(out, "<%s>\r\n", addr);
}

void mail_qp_body(struct buf *out, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *p = text ? text : "";
	for (;;) {
		size_t n = strcspn(p, "\n");
		size_t end = n;
		if (end > 0 && p[end - 1] == '\r')
			end--; /* CRLF: the CR belongs to the line end */
		size_t col = 0;
		for (size_t i = 0; i < end; i++) {
			unsigned char c = (unsigned char)p[i];
			bool last = i + 1 == end;
			bool enc = c == '=' || c > 0x7e || (c < 0x20 && c != '\t') ||
				   (i == 0 && c == '.') || (last && (c == ' ' || c == '\t'));
			size_t w = enc ? 3 : 1;
			/* room for the soft break '=' unless this is the line's last token */
			if (col + w > (last ? QP_LINE : QP_LINE - 1)) {
				buf_puts(out, "=\r\n");
				col = 0;
				if (c == '.') /* a '.' now starts a line */
					enc = true, w = 3;
			}
			if (enc) {
				buf_putc(out, '=');
				buf_putc(out, hex[c >> 4]);
				buf_putc(out, hex[c & 15]);
			} else {
				buf_putc(out, (char)c);
			}
			col += w;
		}
		buf_puts(out, "\r\n");
		if (!p[n] || !p[n + 1])
			break; /* end of text (a final line end adds no empty line) */
		p += n + 1;
	}
}

int mail_message_id(char *out, size_t n, const char *token, const char *from)
{
	const char *at = from ? strrchr(from, '@') : NULL;
	if (!at || !at[1] || !token || !*token)
		return -1;
	int w = snprintf(out, n, "%s@%s", token, at + 1);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

/* The message id: dot-atom text, '@', a domain; nothing that could break
 * the header. */
static bool message_id_ok(const char *id)
{
	if (!id || !*id || strlen(id) > 250)
		return false;
	for (const char *p = id; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || *p == '<' ||
		    *p == '>')
			return false;
	return strchr(id, '@') != NULL;
}

int mail_format(struct buf *out, const struct mail_envelope *m)
{
	if (!mail_address_valid(m->from) || !mail_address_valid(m->to) ||
	    !mail_header_text_valid(m->from_name, MAIL_NAME_MAX) ||
	    !mail_header_text_valid(m->to_name, MAIL_NAME_MAX) || !m->subject ||
	    !mail_header_text_valid(m->subject, MAIL_SUBJECT_MAX) || !message_id_ok(m->message_id))
		return -1;
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	time_t t = m->date;
	if (!gmtime_r(&t, &tm))
		return -1;
	buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday],
		   tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
		   tm.tm_sec);
	mailbox_header(out, "From", m->from_name, m->from);
	mailbox_header(out, "To", m->to_name, m->to);
	buf_puts(out, "Subject: ");
	if (plain_ascii(m->subject) && strstr(m->subject, "=?") == NULL &&
	    9 + strlen(m->subject) <= LINE_SOFT)
		buf_puts(out, m->subject);
	else
		encoded_words(out, m->subject, 9);
	buf_puts(out, "\r\n");
	buf_printf(out, "Message-ID: <%s>\r\n", m->message_id);
	buf_puts(out, "MIME-Version: 1.0\r\n"
		      "Content-Type: text/plain; charset=UTF-8\r\n"
		      "Content-Transfer-Encoding: quoted-printable\r\n"
		      "Auto-Submitted: auto-generated\r\n"
		      "\r\n");
	mail_qp_body(out, m->body);
	return 0;
}
