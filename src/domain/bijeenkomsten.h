/*
 * bijeenkomsten — the pure rules of events with registration: the
 * vocabularies (kinds, target groups, registration statuses), the checks of
 * an event's fields (dates, deadline, capacity) with Dutch field errors, the
 * places-left and deadline arithmetic, and which waiting-list entry moves up
 * first. Dates and times are local wall-clock times "YYYY-MM-DDTHH:MM"
 * (Europe/Amsterdam as the organiser types them), compared as text. No I/O.
 */
#ifndef ATLAS_DOMAIN_BIJEENKOMSTEN_H
#define ATLAS_DOMAIN_BIJEENKOMSTEN_H

#include "labels.h"
#include "records.h"

#include <stdbool.h>
#include <stdint.h>

extern const struct label event_kind_labels[5];
extern const struct label event_audience_labels[4];
extern const struct label registration_status_labels[5];

#define EVENT_TITLE_MAX 200
#define EVENT_TEXT_MAX 8000
#define EVENT_SHORT_MAX 300
#define EVENT_CAPACITY_MAX 100000
#define EVENT_NAME_MAX 200 /* a guest's name and organisation */

/* The Dutch label of code v in table t (n entries), or v itself. */
const char *bijeenkomst_label(const struct label *t, int n, const char *v);

/* An event as entered (form or API); every field a string, NULL = "". */
struct event_input {
	const char *kind;	 /* soort: event_kind_labels */
	const char *audience;	 /* doelgroep: event_audience_labels, only for reflectieve_sessie */
	const char *title;	 /* titel */
	const char *description; /* omschrijving */
	const char *starts_at;	 /* begin: YYYY-MM-DDTHH:MM */
	const char *ends_at;	 /* einde */
	const char *location;	 /* locatie */
	const char *online_url;	 /* onlineLink: http(s) */
	const char *topic;	 /* casus: REP, RES, Omgevingswet or free text */
	const char *capacity;	 /* capaciteit: a whole number >= 1 */
	const char *deadline;	 /* aanmeldenTot: YYYY-MM-DDTHH:MM, not after the start */
	const char *organiser;	 /* organisator */
};

/* Is s a local date-time "YYYY-MM-DDTHH:MM" (a real date, 00:00–23:59)? */
bool bijeenkomst_datetime_valid(const char *s);

/*
 * Check in; add one Dutch message per bad field to e (field names as in
 * struct event_input's comments). now is the current local time
 * (YYYY-MM-DDTHH:MM); is_new: a start in the past is refused (an existing
 * event may be corrected afterwards). *capacity_out is the parsed capacity
 * when valid. True when valid.
 */
bool bijeenkomst_check(const struct event_input *in, const char *now, bool is_new,
		       int *capacity_out, struct field_errors *e);

/* Places left for capacity and taken (confirmed or attended) places; never
 * below 0. */
int bijeenkomst_places_left(int capacity, int taken);

/* Is registration open at local time now, with deadline (YYYY-MM-DDTHH:MM,
 * "" = until the start) and start starts_at? Open until (not at) the
 * deadline, and never after the start. */
bool bijeenkomst_registration_open(const char *deadline, const char *starts_at, const char *now);

/* Has the event (end ends_at, or start when "") passed at now? */
bool bijeenkomst_is_past(const char *starts_at, const char *ends_at, const char *now);

/* One registration as the waiting-list rule sees it. */
struct waiting_entry {
	int64_t id;
	const char *status; /* registration_status_labels code */
	const char *since;  /* when it joined the waiting list (ISO UTC) */
};

/* The entry that moves up first: status "wachtlijst", earliest since, then
 * lowest id. -1 when there is none. */
int bijeenkomst_next_waiting(const struct waiting_entry *w, int n);

/* Does a registration with this status take a place? (bevestigd, aanwezig) */
bool bijeenkomst_status_takes_place(const char *status);

/* Check a guest's name (naam), organisation (organisatie) and address
 * (email) into e; true when valid. */
bool bijeenkomst_check_guest(const char *name, const char *organisation, const char *email,
			     struct field_errors *e);

/* When the reminder of an event starting at starts_at is due: 07:00 UTC
 * the day before, as "YYYY-MM-DDT07:00:00Z" in out. False when starts_at
 * is not a date-time. */
bool bijeenkomst_reminder_at(const char *starts_at, char out[21]);

/* The wall-clock time in the Netherlands (CET, CEST from the last Sunday
 * of March 01:00 UTC to the last Sunday of October 01:00 UTC) at Unix time
 * t, as "YYYY-MM-DDTHH:MM". */
void bijeenkomst_local_time(int64_t t, char out[17]);

#endif
