/*
 * bijeenkomsten_verslag — the pure rules of what follows an event: its
 * report and document links (only from the start of the event; a document
 * is a title and an https address), the kind of contact moment an event
 * becomes in the contact log, and where a queued reminder goes when the
 * event's start moves. No I/O.
 */
#ifndef ATLAS_DOMAIN_BIJEENKOMSTEN_VERSLAG_H
#define ATLAS_DOMAIN_BIJEENKOMSTEN_VERSLAG_H

#include "records.h"

#include <stdbool.h>

#define EVENT_DOC_TITLE_MAX 200
#define EVENT_DOC_URL_MAX 2000
#define EVENT_DOCS_MAX 50 /* document links per event */

/* Has the event starting at starts_at begun at local time now (both
 * YYYY-MM-DDTHH:MM)? */
bool bijeenkomst_has_started(const char *starts_at, const char *now);

/* Check a report (field "verslag"): at most EVENT_TEXT_MAX characters, and
 * only once the event has started. True when valid. */
bool bijeenkomst_check_report(const char *report, const char *starts_at, const char *now,
			      struct field_errors *e);

/* Is s an absolute https address with a host, without spaces or control
 * characters, at most EVENT_DOC_URL_MAX long? */
bool bijeenkomst_url_valid(const char *s);

/* Check a document link: its title ("titel") and address ("url"), only
 * once the event has started. True when valid. */
bool bijeenkomst_check_document(const char *title, const char *url, const char *starts_at,
				const char *now, struct field_errors *e);

/* The contact-log kind (domain/relaties.h contact_kind_labels) of an event
 * of kind: "netwerkdag" for a netwerkdag, "anders" for every other. */
const char *bijeenkomst_contact_kind(const char *kind);

/*
 * A queued reminder of an event whose start moved to starts_at: true with
 * its new due time in out (07:00 UTC the day before, bijeenkomst_reminder_at)
 * when that is after now_utc (ISO UTC, "YYYY-MM-DDTHH:MM:SS…Z"); false when
 * it has passed or starts_at is no date-time — then it is withdrawn.
 */
bool bijeenkomst_reminder_move(const char *starts_at, const char *now_utc, char out[21]);

/* Check a registration's name ("naam", required) and organisation
 * ("organisatie", may be empty) as staff correct them. True when valid. */
bool bijeenkomst_check_attendee(const char *name, const char *organisation, struct field_errors *e);

#endif
