/*
 * bijeenkomsten_agenda — the pure rules of "agenda in samenspraak": partners
 * propose agenda items for an event, others support them, province staff
 * accept or reject them and set their order and time. The statuses, the
 * checks of a proposal and of a staff decision (Dutch field errors), until
 * when proposing and supporting are open (until the event starts), and
 * whether a user may support an item (not an item of their own
 * organisation, once per user, only an open proposal). No I/O.
 */
#ifndef ATLAS_DOMAIN_BIJEENKOMSTEN_AGENDA_H
#define ATLAS_DOMAIN_BIJEENKOMSTEN_AGENDA_H

#include "labels.h"
#include "records.h"

#include <stdbool.h>

extern const struct label agenda_status_labels[3];

#define AGENDA_TITLE_MAX 200
#define AGENDA_TEXT_MAX 2000
#define AGENDA_POSITION_MAX 999

/* A proposal as entered (form or API); NULL = "". */
struct agenda_input {
	const char *title;	 /* titel: 1..AGENDA_TITLE_MAX, one line */
	const char *description; /* toelichting: 0..AGENDA_TEXT_MAX */
};

/* The Dutch label of status code v (or v itself). */
const char *agenda_status_label(const char *v);

/* Check a proposal into e; true when valid. */
bool agenda_check_item(const struct agenda_input *in, struct field_errors *e);

/* A staff decision as entered; NULL = keep the current value. */
struct agenda_decision {
	const char *status;	/* status: agenda_status_labels */
	const char *position;	/* volgorde: "" (none) or 1..AGENDA_POSITION_MAX */
	const char *start_time; /* tijd: "" (none) or HH:MM */
};

/* Check d into e; *position_out is the parsed position (0: none, -1: not
 * given). True when valid. */
bool agenda_check_decision(const struct agenda_decision *d, int *position_out,
			   struct field_errors *e);

/* Is s a time of day "HH:MM" (00:00–23:59)? */
bool agenda_time_valid(const char *s);

/* Are proposing and supporting open at local time now for an event that
 * starts at starts_at (YYYY-MM-DDTHH:MM)? Open until (not at) the start. */
bool agenda_open(const char *starts_at, const char *now);

enum agenda_support_rule {
	AGENDA_SUPPORT_OK,
	AGENDA_SUPPORT_OWN,	/* the item was proposed by the user's organisation */
	AGENDA_SUPPORT_TWICE,	/* the user supports it already */
	AGENDA_SUPPORT_DECIDED, /* the item is no longer an open proposal */
	AGENDA_SUPPORT_CLOSED,	/* the event has started */
};

/* May a user of organisation user_org (who supports the item already:
 * already) support an item with status of organisation item_org, with
 * proposing open (open)? */
enum agenda_support_rule agenda_support_rule(const char *status, const char *item_org,
					     const char *user_org, bool already, bool open);

#endif
