/*
 * currency (app) — how current a partner's data is, so the programme team
 * can chase the partners whose records nobody confirmed for a year.
 *
 * A partner's records are: its own organisation record, its current
 * participations (active on the snapshot's date), and the active
 * collaborations in which it is penvoerder (role "penvoerder", current
 * participation). A record is current when it was confirmed in the last
 * 12 months on the snapshot's date (provenance_stale is false). The share
 * is current / records. A partner is an organisation that has not ended
 * and has at least one current participation.
 *
 * Computed from the snapshot alone, in one pass over the participations
 * (hundreds of rows for a province): cheap enough per request, so no cache.
 */
#ifndef ATLAS_APP_CURRENCY_H
#define ATLAS_APP_CURRENCY_H

#include "../domain/model.h"
#include "../lib/arena.h"

struct currency {
	int org;     /* index into s->orgs */
	int records; /* its own record + current participations + penvoerder collaborations */
	int current; /* of those, confirmed in the last 12 months */
	const char *oldest; /* the oldest confirmation among them ("" = one never confirmed) */
};

/* The currency of organisation oi (records 1 or more). */
void app_currency_of(const struct snapshot *s, int oi, struct currency *out);

/* Every partner, least current first (share, then oldest confirmation,
 * then name); *n partners, array in a. */
struct currency *app_currency_partners(struct arena *a, const struct snapshot *s, int *n);

/* The share as a whole percentage 0..100, rounded down (99,6 % is not 100). */
int app_currency_percent(const struct currency *c);

#endif
