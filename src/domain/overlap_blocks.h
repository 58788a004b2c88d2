/*
 * overlap_blocks — a deterministic order and a division into blocks for a
 * symmetric similarity matrix (shares 0..1), so that things that belong
 * together sit next to each other: the seriation of the congruence heat map
 * on /analyse/overlap, its plain-language conclusion, and the groups of the
 * whole-province view of /netwerk.
 *
 * Average-linkage agglomerative clustering: start with every item alone,
 * repeatedly merge the two clusters with the highest average similarity
 * (ties: the pair with the lowest item positions), until one cluster
 * remains. The order is the leaf order of that tree; when two clusters are
 * joined, each may be reversed so that the two items that meet are as
 * similar as possible. The blocks are the clusters at the moment the best
 * remaining average similarity first drops below the cut: every block is a
 * contiguous run of the order. Pure, no I/O; memory from the caller's arena.
 */
#ifndef ATLAS_OVERLAP_BLOCKS_H
#define ATLAS_OVERLAP_BLOCKS_H

#include "../lib/arena.h"

struct overlap_blocks {
	int n;
	int *order; /* order[k] = item at position k */
	int *block; /* block[item] = block number, 0.. in order of appearance */
	int n_blocks;
	double *cohesion; /* per block: average similarity within (1 for a single item) */
};

/*
 * Order n items with similarity sim[i*n+j] (symmetric; the diagonal is
 * ignored) and divide them into blocks at cut (e.g. 0.4). Returns 0, or -1
 * when memory ran out.
 */
int overlap_blocks_compute(const double *sim, int n, double cut, struct arena *a,
			   struct overlap_blocks *out);

#endif
