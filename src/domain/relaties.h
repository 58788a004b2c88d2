/*
 * relaties — the pure rules of the relations module: the vocabularies
 * (kinds of contact, severities and statuses of signals, statuses of
 * follow-ups, confidentiality) and the validation of what a user enters.
 * API and form values are the Dutch words below; the database stores the
 * same words. Also which organisations of a snapshot are regional networks
 * (relaties_is_network). No I/O.
 */
#ifndef ATLAS_DOMAIN_RELATIES_H
#define ATLAS_DOMAIN_RELATIES_H

#include "labels.h"
#include "model.h"
#include "records.h"

#include <stdbool.h>

extern const struct label contact_kind_labels[6];
extern const struct label signal_severity_labels[3];
extern const struct label signal_status_labels[3];
extern const struct label follow_up_status_labels[2];
extern const struct label confidentiality_labels[2];

/* The Dutch label of api value v in table t (n entries), or v itself. */
const char *relaties_label(const struct label *t, int n, const char *v);

#define RELATIES_SUBJECT_MAX 200
#define RELATIES_TEXT_MAX 8000
#define RELATIES_LINKS_MAX 40

/*
 * A contact moment as entered: held_on (datum, YYYY-MM-DD, not after
 * today), kind (soort), subject (onderwerp, required), summary
 * (samenvatting), confidentiality (vertrouwelijkheid). Adds a Dutch
 * message per wrong field to e.
 */
void relaties_check_contact(struct field_errors *e, const char *held_on, const char *kind,
			    const char *subject, const char *summary, const char *confidentiality,
			    const char *today);

/* A signal: title (titel), description (toelichting), severity (ernst),
 * confidentiality. */
void relaties_check_signal(struct field_errors *e, const char *title, const char *description,
			   const char *severity, const char *confidentiality);

/* A follow-up: title (titel), owner given (eigenaar; has_owner), due date
 * (uiterlijk, YYYY-MM-DD, not before today), confidentiality. */
void relaties_check_follow_up(struct field_errors *e, const char *title, bool has_owner,
			      const char *due_date, const char *confidentiality, const char *today);

/* May a signal go from status `from` to `to`? Any change between the three
 * statuses except to itself. */
bool relaties_signal_transition(const char *from, const char *to);

/*
 * Is the latest contact (YYYY-MM-DD, "" for none) older than `months`
 * months before today? No contact at all counts as quiet.
 */
bool relaties_is_quiet(const char *last_contact, const char *today, int months);

/*
 * When to remind the owner of a follow-up due on due_date (YYYY-MM-DD): at
 * 07:00 UTC the day before, written to out as YYYY-MM-DDTHH:MM:SSZ. False
 * when due_date is not a date.
 */
bool relaties_reminder_at(const char *due_date, char out[21]);

/*
 * Is organisation oi of s a regional network the province keeps relations
 * with (U10, U16, Regio Amersfoort, Regio Foodvalley, ...)? An organisation
 * of kind "other", not ended, that is the organisation of a collaboration
 * (its `collaboration`) of kind network or joint arrangement, still active,
 * in which at least one gemeente of the province that has not ended takes
 * part today (an active participation). A rule, not a list of codes: a new
 * network organisation in the registry is a partner as soon as it fits.
 */
bool relaties_is_network(const struct snapshot *s, int oi);

#endif
