/*
 * ical — a small RFC 5545 (iCalendar) writer for the Wgr calendar feeds:
 * CRLF line ends, content lines folded at 75 octets (never inside a UTF-8
 * sequence), TEXT values escaped (backslash, semicolon, comma, newline),
 * all-day events as VALUE=DATE with an exclusive DTEND on the next day.
 * Times are dates only, so no VTIMEZONE is needed; the calendar states
 * Europe/Amsterdam through X-WR-TIMEZONE for clients that show it.
 * Writes into a buf; knows nothing about the registry.
 */
#ifndef ATLAS_ICAL_H
#define ATLAS_ICAL_H

#include "../lib/buf.h"

/* PRODID of every feed. */
#define ICAL_PRODID "-//Provincie Utrecht//Samenwerkingsatlas//NL"

struct ical_event {
	const char
	    *uid; /* stable, globally unique (e.g. "kadernota-vru-2025@samenwerkingsatlas") */
	const char *dtstamp;	 /* UTC "YYYYMMDDTHHMMSSZ" */
	const char *date;	 /* ISO YYYY-MM-DD: the all-day date */
	const char *summary;	 /* plain text */
	const char *description; /* plain text, may hold newlines; NULL = none */
	const char *url;	 /* absolute URL (RFC 5545 URI); NULL = none */
	const char *categories;	 /* one category (plain text); NULL = none */
};

/* Escape a TEXT value: \ ; , and newlines (CRLF/LF → \n). */
void ical_escape(struct buf *b, const char *s);

/*
 * Write one content line "name:value" (name may include parameters, e.g.
 * "DTSTART;VALUE=DATE"); value is written as given (escape TEXT first),
 * folded at 75 octets, ended with CRLF.
 */
void ical_line(struct buf *b, const char *name, const char *value);

/* Like ical_line but escapes value as TEXT. */
void ical_text_line(struct buf *b, const char *name, const char *value);

/* BEGIN:VCALENDAR with VERSION, PRODID, CALSCALE, METHOD, X-WR-CALNAME
 * (calname, plain text) and X-WR-TIMEZONE:Europe/Amsterdam. */
void ical_begin(struct buf *b, const char *calname);

/* One all-day VEVENT (skipped when e->date is not an ISO date). */
void ical_event(struct buf *b, const struct ical_event *e);

/* END:VCALENDAR. */
void ical_end(struct buf *b);

#endif
