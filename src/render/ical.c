/*
 * ical — see ical.h.
 */
#include "ical.h"
#include "../lib/text.h"

#include <stdio.h>
#include <string.h>

void ical_escape(struct buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case ';':
			buf_puts(b, "\\;");
			break;
		case ',':
			buf_puts(b, "\\,");
			break;
		case '\r':
			if (p[1] == '\n')
				p++;
			buf_puts(b, "\\n");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		default:
			/* other control characters are not allowed in TEXT */
			if ((unsigned char)*p < 0x20 && *p != '\t')
				buf_putc(b, ' ');
			else
				buf_putc(b, *p);
		}
	}
}

/* Write s (len bytes) folded: at most 75 octets per physical line. */
static void fold(struct buf *b, const char *s, size_t len)
{
	size_t col = 0; /* octets on the current physical line */
	size_t i = 0;
	while (i < len) {
		/* length of the UTF-8 sequence starting at i */
		unsigned char c = (unsigned char)s[i];
		size_t n = c < 0x80	      ? 1
			   : (c >> 5) == 0x6  ? 2
			   : (c >> 4) == 0xE  ? 3
			   : (c >> 3) == 0x1E ? 4
					      : 1;
		if (i + n > len)
			n = len - i;
		if (col + n > 75) {
			buf_puts(b, "\r\n ");
			col = 1;
		}
		buf_add(b, s + i, n);
		col += n;
		i += n;
	}
	buf_puts(b, "\r\n");
}

void ical_line(struct buf *b, const char *name, const char *value)
{
	struct buf l = BUF_INIT;
	buf_puts(&l, name);
	buf_putc(&l, ':');
	buf_puts(&l, value ? value : "");
	if (l.err) {
		b->err = true;
	} else {
		fold(b, l.data, l.len);
	}
	buf_free(&l);
}

void ical_text_line(struct buf *b, const char *name, const char *value)
{
	struct buf v = BUF_INIT;
	ical_escape(&v, value);
	if (v.err)
		b->err = true;
	else
		ical_line(b, name, v.data ? v.data : "");
	buf_free(&v);
}

void ical_begin(struct buf *b, const char *calname)
{
	ical_line(b, "BEGIN", "VCALENDAR");
	ical_line(b, "VERSION", "2.0");
	ical_line(b, "PRODID", ICAL_PRODID);
	ical_line(b, "CALSCALE", "GREGORIAN");
	ical_line(b, "METHOD", "PUBLISH");
	ical_text_line(b, "X-WR-CALNAME", calname);
	ical_line(b, "X-WR-TIMEZONE", "Europe/Amsterdam");
}

void ical_vtimezone(struct buf *b)
{
	ical_line(b, "BEGIN", "VTIMEZONE");
	ical_line(b, "TZID", ICAL_TZID);
	ical_line(b, "BEGIN", "DAYLIGHT");
	ical_line(b, "TZOFFSETFROM", "+0100");
	ical_line(b, "TZOFFSETTO", "+0200");
	ical_line(b, "TZNAME", "CEST");
	ical_line(b, "DTSTART", "19700329T020000");
	ical_line(b, "RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
	ical_line(b, "END", "DAYLIGHT");
	ical_line(b, "BEGIN", "STANDARD");
	ical_line(b, "TZOFFSETFROM", "+0200");
	ical_line(b, "TZOFFSETTO", "+0100");
	ical_line(b, "TZNAME", "CET");
	ical_line(b, "DTSTART", "19701025T030000");
	ical_line(b, "RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
	ical_line(b, "END", "STANDARD");
	ical_line(b, "END", "VTIMEZONE");
}

/* "2024-04-30" → "20240430"; next day into next (via simple calendar math). */
static bool compact_date(const char *iso, char out[9])
{
	if (!is_iso_date(iso))
		return false;
	snprintf(out, 9, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
	return true;
}

static void next_day(const char *iso, char out[9])
{
	unsigned y = 0, m = 1, d = 1;
	if (sscanf(iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || m < 1 || m > 12)
		m = 1;
	static const unsigned md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	unsigned last = md[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (++d > last) {
		d = 1;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04u%02u%02u", y % 10000, m % 100, d % 100);
	memcpy(out, tmp, 8);
	out[8] = '\0';
}

void ical_event(struct buf *b, const struct ical_event *e)
{
	char start[9], end[9];
	if (!compact_date(e->date, start))
		return;
	next_day(e->date, end);
	ical_line(b, "BEGIN", "VEVENT");
	ical_text_line(b, "UID", e->uid);
	ical_line(b, "DTSTAMP", e->dtstamp);
	ical_line(b, "DTSTART;VALUE=DATE", start);
	ical_line(b, "DTEND;VALUE=DATE", end);
	ical_text_line(b, "SUMMARY", e->summary);
	if (e->description && *e->description)
		ical_text_line(b, "DESCRIPTION", e->description);
	if (e->categories && *e->categories)
		ical_text_line(b, "CATEGORIES", e->categories);
	if (e->url && *e->url)
		ical_line(b, "URL", e->url);
	ical_line(b, "TRANSP", "TRANSPARENT");
	ical_line(b, "END", "VEVENT");
}

void ical_end(struct buf *b)
{
	ical_line(b, "END", "VCALENDAR");
}
