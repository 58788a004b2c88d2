/*
 * subsidiekansen — the pure rules of funding calls (EU and Rijk
 * "subsidiekansen"): the programmes a call belongs to, a call's status on a
 * day (komend, open, gesloten), the input rules of a call, the filters of
 * the public list (theme, deadline window, status) and its order. API and
 * form values are the Dutch words below; the database stores the same
 * words. No I/O.
 */
#ifndef ATLAS_DOMAIN_SUBSIDIEKANSEN_H
#define ATLAS_DOMAIN_SUBSIDIEKANSEN_H

#include "labels.h"
#include "records.h"

#include <stdbool.h>
#include <stdint.h>

extern const struct label funding_programme_labels[8];
extern const struct label funding_status_labels[3];

#define FUNDING_TITLE_MAX 200
#define FUNDING_SHORT_MAX 2000
#define FUNDING_TEXT_MAX 8000
#define FUNDING_THEMES_MAX 16
#define FUNDING_WINDOW_MAX 3660 /* days in the deadline window */

enum funding_status {
	FUNDING_UPCOMING, /* komend: opens after today */
	FUNDING_OPEN,	  /* open: opened (or no opening date) and the deadline not passed */
	FUNDING_CLOSED,	  /* gesloten: the deadline has passed */
};

/* The status of a call opening on opens ("" = open already) with deadline,
 * on today (all YYYY-MM-DD). The deadline day itself is still open. */
enum funding_status funding_status_on(const char *opens, const char *deadline, const char *today);

/* "open", "komend", "gesloten". */
const char *funding_status_api(enum funding_status s);

/* A call as entered (form or API). budget: euros as typed ("2.500.000",
 * "" = unknown); cofinancing: a whole percentage as typed ("" = unknown). */
struct funding_input {
	const char *programme, *title, *url, *opens_on, *deadline, *eligible, *budget, *cofinancing,
	    *description, *status_note;
};

/*
 * Check a call: programme (programma), title (titel), link (link: http or
 * https), opening date (opent: optional date), deadline (deadline: a date,
 * not before the opening date), who may apply (wieKanAanvragen), budget
 * (budget: not negative), co-financing rate (cofinanciering: 0–100),
 * description (omschrijving). A deadline before today is allowed only with
 * a status note (statusNotitie) — a past call recorded for the overview —
 * when the call is new or its deadline changes (stored_deadline: the
 * deadline stored now, NULL for a new call). *cents the budget (-1 when
 * unknown), *rate the percentage (-1 when unknown). Themes are checked by
 * the caller (they live in the registry). Adds one Dutch message per wrong
 * field to e.
 */
void funding_check(struct field_errors *e, const struct funding_input *in, const char *today,
		   const char *stored_deadline, int64_t *cents, int *rate);

/* The list filters: theme (a policy-domain key, NULL/"" = any), within
 * (days: the deadline falls between today and today + within; 0 = any;
 * closed calls never match a window), status (NULL/"" = any). */
struct funding_filter {
	const char *theme;
	int within;
	const char *status;
};

/* Parse the deadline window "30" (days, 1..FUNDING_WINDOW_MAX) into *days;
 * "" gives 0. False on anything else. */
bool funding_parse_window(const char *s, int *days);

/* Does a call with ';'-joined theme keys, opens and deadline match f on
 * today? */
bool funding_matches(const char *themes, const char *opens, const char *deadline,
		     const struct funding_filter *f, const char *today);

/* Is key one of the ';'-joined keys in themes? */
bool funding_has_theme(const char *themes, const char *key);

/* The list order: open calls by deadline (soonest first), then upcoming
 * calls by opening date, then closed calls by deadline (latest first); ties
 * by id. Negative, 0 or positive like strcmp. */
int funding_compare(const char *opens_a, const char *deadline_a, int64_t id_a, const char *opens_b,
		    const char *deadline_b, int64_t id_b, const char *today);

/* The date n days after YYYY-MM-DD iso into out[11]; false when iso is not
 * a date. */
bool funding_add_days(const char *iso, int n, char out[11]);

/* ---- deadline reminders to the organisations that marked interest */

#define FUNDING_LEADS_MAX 8	  /* lead times in the setting */
#define FUNDING_LEAD_DAYS_MAX 365 /* the longest lead time */
#define FUNDING_LEADS_DEFAULT "14,3"

/*
 * Parse the lead times of the reminders ("14,3": days before the deadline;
 * each 0..FUNDING_LEAD_DAYS_MAX, at most FUNDING_LEADS_MAX, comma
 * separated, spaces allowed around a number) into out, largest first,
 * without repeats; *n their number. False on anything else (an empty
 * setting, a stray comma, a letter, a number out of range).
 */
bool funding_parse_lead_days(const char *spec, int out[FUNDING_LEADS_MAX], int *n);

/*
 * The reminder due on day today (YYYY-MM-DD) for a call with deadline: the
 * lead time L (one of leads[0..n-1]) whose reminder day, deadline - L, is
 * today or has passed, and the nearest such one (the smallest L) — so a
 * mark made after a reminder day, or a sweep that did not run for a while,
 * gets one reminder, never a burst of all the missed ones. -1 when none is
 * due: before the first reminder day, after the deadline (the call is
 * closed), or on a date that does not parse. Each (call, organisation, L,
 * deadline) is sent once; the caller keeps track of that.
 */
int funding_reminder_due(const char *deadline, const char *today, const int *leads, int n);

/* Whole days from today to deadline (both YYYY-MM-DD; negative when the
 * deadline has passed); false when either does not parse. */
bool funding_days_until(const char *today, const char *deadline, int *days);

/* The Dutch label of api value v in table t (n entries), or v itself. */
const char *funding_label(const struct label *t, int n, const char *v);

#endif
