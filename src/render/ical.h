/*
 * ical — a small RFC 5545 (iCalendar) writer for the Wgr calendar feeds:
 * CRLF line ends, content lines folded at 75 octets (never inside a UTF-8
 * sequence), TEXT values escaped (backslash, semicolon, comma, newline),
 * all-day events as VALUE=DATE with an exclusive DTEND on the next day.
 * The Wgr feeds hold dates only; events with a time of day use local
 * times with TZID=Europe/Amsterdam and the calendar's VTIMEZONE
 * (ical_vtimezone). The calendar also states X-WR-TIMEZONE.
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

/* The TZID of the local times written with ICAL_TZ_PARAM. */
#define ICAL_TZID "Europe/Amsterdam"
/* A content line name with the time zone: ical_line(b, "DTSTART" ICAL_TZ_PARAM, …). */
#define ICAL_TZ_PARAM ";TZID=" ICAL_TZID
/* The VTIMEZONE of Europe/Amsterdam (CET/CEST, EU summer time rules), so
 * local date-times with TZID=Europe/Amsterdam are exact in every client;
 * write it once, after ical_begin, before the events that use it. */
void ical_vtimezone(struct buf *b);

/* One all-day VEVENT (skipped when e->date is not an ISO date). */
void ical_event(struct buf *b, const struct ical_event *e);

/* END:VCALENDAR. */
void ical_end(struct buf *b);

#endif
