/*
 * org_glance (domain) — the pure rules behind "an organisation at a
 * glance" (app/org_glance.h): which Wgr moments concern the council of an
 * organisation, how a deadline reads in council terms, the month in which
 * to put it on the council agenda, and a participant's share of a
 * collaboration's known contributions.
 *
 * The council of a gemeente is the raad, of the provincie Provinciale
 * Staten, of a waterschap its algemeen bestuur; the wording follows.
 * Nothing here reads a clock: callers pass today's date.
 */
#ifndef ATLAS_DOMAIN_ORG_GLANCE_H
#define ATLAS_DOMAIN_ORG_GLANCE_H

#include "model.h"
#include "wgr_calendar.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The council's names for an organisation kind. */
struct glance_council {
	const char *name;    /* "de raad", "Provinciale Staten", "het algemeen bestuur" */
	const char *meeting; /* "de raad", "de Statenvergadering", "de vergadering van het
				algemeen bestuur" — as in "agendeer in … van april" */
};
struct glance_council glance_council_of(enum org_kind k);

/*
 * Does moment m concern the council of an organisation of kind k? The
 * documents sent to the councils (kadernota, voorlopige jaarrekening,
 * ontwerpbegroting) and the zienswijze on the begroting do; the documents
 * sent to the supervisor do not — except, for the provincie, those sent
 * to Gedeputeerde Staten, its own supervising body (when gs is true the
 * caller asks about the provincie's own calendar).
 */
bool glance_moment_for_council(const struct wgr_moment *m, bool gs);
/* The documents that ask the council to act or that reach it (no supervisor). */
bool glance_council_doc(enum wgr_doc d);

/*
 * The month in which to put a deadline on the council agenda: the month
 * before the deadline's month (a council meets about monthly; its agenda
 * closes weeks ahead). Writes year and month (1..12); -1 on a bad date.
 */
int glance_agenda_month(const char *deadline, int *year, int *month);

/* "april" for 4 (1..12), "" otherwise. */
const char *glance_month_name(int month);
/* "12 mei 2027" from an ISO date into out (the ISO text itself when malformed). */
void glance_date_words(const char *iso, char *out, size_t cap);

/*
 * The council phrasing of a dated moment, e.g. "Zienswijze indienen vóór 12
 * mei 2027 — agendeer in de raad van april" or "Kadernota 2028 komt uiterlijk
 * 30 april 2027 — bespreek in de raad van mei". Writes into out.
 */
void glance_moment_phrase(const struct wgr_moment *m, enum org_kind k, char *out, size_t cap);

/*
 * Share of part in total (0..1), or -1 when it cannot be known: part or
 * total unknown (< 0) or total zero.
 */
double glance_share(int64_t part, int64_t total);

/* Amount per inhabitant, or -1 when the amount or the population is unknown. */
double glance_per_inhabitant(int64_t amount, int64_t population);

/*
 * Up to max peers of organisation oi for a cost comparison: organisations
 * of the same kind, not ended, with a known population, in the province
 * when oi is (otherwise any), ordered by how close their population is.
 * Returns the number written to out (snapshot indexes); 0 when oi's own
 * population is unknown.
 */
int glance_peers(const struct snapshot *s, int oi, int *out, int max);

#endif
