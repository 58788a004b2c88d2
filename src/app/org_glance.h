/*
 * org_glance (app) — "an organisation at a glance": for one organisation,
 * each collaboration it takes part in ONCE, with its seats (people
 * registry, visible to the user), its yearly contribution now and a year
 * ago, its share of the collaboration's known contributions, the next
 * moment for its council (Wgr calendar) — plus totals, cost per inhabitant
 * and the same totals for comparable organisations. The organisation page,
 * its printable overview, the council iCal feed and the API share it.
 *
 * The contribution is the yearly amount as recorded on the participation;
 * last year's is the value the audit trail shows on 31 December of last
 * year (unknown when the participation or its amount was recorded later).
 * Unknown amounts stay unknown (-1); they never count as zero.
 */
#ifndef ATLAS_APP_ORG_GLANCE_H
#define ATLAS_APP_ORG_GLANCE_H

#include "../domain/model.h"
#include "../domain/org_glance.h"
#include "../domain/people.h"
#include "../domain/wgr_calendar.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;
struct user;

struct glance_seat {
	enum seat_body body;	/* labels in seat_body_labels (domain/people.h) */
	const char *person;	/* shown name */
	const char *person_key; /* URL id, "" when none */
	bool by_law;		/* derived from an office (e.g. the burgemeester) */
};

struct glance_row {
	int collab;		     /* snapshot index */
	int part;		     /* the organisation's (first) active participation */
	int64_t amount, amount_prev; /* yearly contribution now / a year ago; -1 unknown */
	int64_t total;		     /* sum of the known contributions of the active members */
	int n_known, n_members;	     /* members with a known contribution / all active */
	double share;		     /* amount / total, -1 unknown */
	struct glance_seat *seats;
	int n_seats;
	enum wgr_budget budget; /* own budget, none, not Wgr, unknown form */
	bool has_next;		/* a dated council moment from today on */
	struct wgr_moment next;
	char next_text[240];   /* the council phrasing of next, or why there is none */
	char pending[240];     /* the coming begroting zienswijze when it is not next, "" */
	bool pending_dated;    /* ... with a date (else "datum nog niet in de atlas") */
	char pending_date[11]; /* that date, "" when undated */
};

struct glance_peer {
	int org;
	int64_t total; /* known contributions */
	int n_known, n_collabs;
	double per_inhabitant; /* -1 unknown */
};

#define GLANCE_MAX_PEERS 4

struct org_glance {
	int org;
	int year;		 /* the snapshot's year: "this year" */
	struct glance_row *rows; /* by collaboration name */
	int n_rows;
	int64_t total, total_prev; /* sums of the known amounts */
	int n_known, n_known_prev;
	double per_inhabitant; /* -1 unknown */
	struct glance_peer peers[GLANCE_MAX_PEERS];
	int n_peers;
	struct glance_council council;
};

/*
 * Build the overview of organisation oi on s->today (a dated snapshot for
 * time travel gives that date's collaborations and seats). st may be NULL
 * (no seats, no AB dates, no last-year amounts). u decides which people
 * are shown (policy.h). Memory in arena a. 0, or -1 when out of memory.
 */
int org_glance_build(struct store *st, const struct snapshot *s, int oi, const struct user *u,
		     struct arena *a, struct org_glance *out);

/* One dated council moment for a feed. */
struct glance_event {
	int collab;
	struct wgr_moment m;
	bool agenda;	/* the "agenderen" reminder of a zienswijze deadline */
	char date[11];	/* the event's date (the first of the agenda month for a reminder) */
	char text[240]; /* the council phrasing */
};

/*
 * The council moments of organisation oi from s->today on, dated only, by
 * date: documents that reach the council, zienswijze deadlines, and for
 * each zienswijze deadline an "agenderen" reminder on the first day of
 * the agenda month (when that is not past). Memory in arena a; 0 or -1.
 */
int org_glance_council_events(struct store *st, const struct snapshot *s, int oi, struct arena *a,
			      struct glance_event **out, int *n);

/*
 * The Wgr moments of collaboration c for budget years y0..y1 with the
 * recorded AB dates (store, may be NULL). Returns the number written.
 */
int org_glance_moments(struct store *st, struct arena *a, const struct snapshot *s, int c, int y0,
		       int y1, struct wgr_moment *out, int max);

#endif
