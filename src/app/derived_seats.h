/*
 * derived_seats (app) — the seats a law gives by office (see
 * domain/derived_seats.h), worked out at read time for the collaboration
 * page's people section, the people API and the network: per rule of a
 * collaboration, each active participant of the office's kind of
 * organisation with the office holder who sits by that rule today (or
 * none recorded), and that office's own source (its provenance). Nothing
 * is stored: the seats follow the offices.
 *
 * Privacy: only public offices give derived seats (the rule table allows
 * no other); erased people are skipped like everywhere else.
 */
#ifndef ATLAS_APP_DERIVED_SEATS_H
#define ATLAS_APP_DERIVED_SEATS_H

#include "../domain/derived_seats.h"
#include "../domain/model.h"
#include "../store/store_people.h"
#include "../store/store_provenance.h"

struct arena;
struct store;

struct derived_seat {
	const struct legal_rule *rule;
	int org;			     /* snapshot index of the participant */
	struct office office;		     /* office.id 0: no current office holder recorded */
	struct person person;		     /* the holder (when office.id > 0) */
	const struct provenance_row *source; /* the office's source, or NULL */
};

/*
 * The derived seats of collaboration ci of s on s->today, rules in
 * derived_rules_current() order, participants by name. Arrays in arena a.
 * Returns 0, or -1 when the store cannot be read (*n = 0).
 */
int derived_seats_of_collab(struct store *st, const struct snapshot *s, int ci, struct arena *a,
			    struct derived_seat **out, int *n);

/*
 * The derived seats that the offices of[0..n) give today: for each current
 * office and each rule for its kind whose collaboration has the office's
 * organisation as an active participant, the seat when that office is the
 * one the rule picks for the organisation (so a person's page or an
 * organisation's page can list them). Arrays in arena a; 0 or -1.
 */
int derived_seats_of_offices(struct store *st, const struct snapshot *s, const struct office *of,
			     int n, struct arena *a, struct derived_seat **out, int *nout);

/* Has collaboration ci any legal-composition rule? */
bool derived_seats_apply(const struct snapshot *s, int ci);

#endif
