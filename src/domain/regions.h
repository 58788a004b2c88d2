/*
 * regions — the regio-indeling behind the map (/kaart): which organisations
 * a collaboration covers once members that are themselves collaborations
 * (a network such as U10, the body of a joint arrangement) are resolved to
 * their own members, and whether two indelingen group the same gemeenten
 * together (the congruence question). Pure logic over a snapshot and plain
 * arrays; no I/O, no geometry, no markup.
 */
#ifndef ATLAS_REGIONS_H
#define ATLAS_REGIONS_H

#include "model.h"

#include <stdbool.h>

/*
 * Resolve collaboration c to the organisations it covers: for every active
 * participation, an organisation that represents a collaboration
 * (organisation.collaboration >= 0) is replaced by that collaboration's own
 * participants, recursively (cycles are cut); any other organisation is
 * marked in out (s->n_orgs bools, cleared first). via (s->n_collabs bools,
 * cleared first; may be NULL) marks the nested collaborations that were
 * resolved, c itself not included. Returns the number of organisations
 * marked in out.
 */
int regions_resolve(const struct snapshot *s, int c, bool *out, bool *via);

/*
 * An indeling: n_areas areas over n items (the gemeenten on the map);
 * in[a][j] is true when item j lies in area a.
 */
struct regions_set {
	const bool *const *in;
	int n_areas;
};

/* True when items i and j lie together in at least one area of set. */
bool regions_together(const struct regions_set *set, int i, int j);

/* True when item i lies in at least one area of set. */
bool regions_covered(const struct regions_set *set, int i);

/*
 * Compare indelingen a and b over n items (the congruence question). Two
 * areas, one of each, nest when, among the items both indelingen cover, one
 * holds all of the other (equal, or one within the other). mismatch[i] (n
 * bools) is set when item i, covered by both, lies in an area that nests
 * with none of the areas of the other indeling holding i: there a boundary
 * of one indeling cuts through an area of the other. only_one[i] (n bools;
 * may be NULL) is set when i is covered by just one of them. Returns the
 * number of items marked in mismatch.
 */
int regions_compare(const struct regions_set *a, const struct regions_set *b, int n, bool *mismatch,
		    bool *only_one);

#endif
