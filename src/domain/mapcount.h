/*
 * mapcount — the numbers behind the map (/kaart): which organisations are
 * the gemeenten on the map, how many active collaborations each takes part
 * in under a collaboration filter, and the legend classes those counts fall
 * into. Pure logic over a snapshot (and plain int arrays for the classes);
 * no I/O, no geometry, no markup.
 *
 * A count is the number of distinct collaborations that pass the filter
 * (status is forced to "actief") in which the organisation has an active
 * participation — exactly the "totaal" of
 * GET /api/v1/samenwerkingsverbanden?deelnemer=<code>&<same filters>.
 */
#ifndef ATLAS_MAPCOUNT_H
#define ATLAS_MAPCOUNT_H

#include "filter.h"
#include "model.h"

#include <stdbool.h>

#define MAP_MAX_CLASSES 5 /* the palette has this many shades */

/* One legend class: counts lo..hi (inclusive) get palette shade `shade`
 * (0 = lightest .. MAP_MAX_CLASSES-1 = darkest). */
struct map_class {
	int lo, hi;
	int shade;
};

struct map_classes {
	struct map_class c[MAP_MAX_CLASSES];
	int n; /* 1..MAP_MAX_CLASSES (0 only when there are no counts at all) */
};

/*
 * True when organisation o is drawn on the map: a municipality in the
 * province that has not ended (flag, or valid_to on or before s->today).
 */
bool mapcount_is_map_org(const struct snapshot *s, int o);

/*
 * Write the indexes of the map organisations (in snapshot order, i.e. by
 * name) into out, which must hold s->n_orgs ints. Returns how many.
 */
int mapcount_map_orgs(const struct snapshot *s, int *out);

/*
 * Count, for each of the n organisations in orgs, the active collaborations
 * that pass f (f->status is treated as STATUS_ACTIVE; f->org, sort and
 * paging are ignored) and in which it has an active participation. counts
 * must hold n ints.
 */
void mapcount_counts(const struct snapshot *s, const struct collab_filter *f, const int *orgs,
		     int n, int *counts);

/* True when organisation o has an active participation in collaboration c. */
bool mapcount_takes_part(const struct snapshot *s, int c, int o);

/*
 * Legend classes for n counts (all >= 0). Zero, when it occurs next to
 * positive counts, is a class of its own ("0": takes part in none); the
 * positive range [min, max] is split into the remaining number of classes
 * (fewer when the range has fewer values) whose integer widths differ by at
 * most one, wider classes first. Shades are spread over the palette so the darkest class always
 * gets the darkest shade and a zero class the lightest.
 */
void mapcount_classes(const int *counts, int n, struct map_classes *k);

/* The 0-based class of count v, or -1 when v lies outside every class. */
int mapcount_class_of(const struct map_classes *k, int v);

#endif
