/*
 * overlap — where collaborations overlap (/analyse/overlap and
 * GET /api/v1/analyse/overlap). Pure logic over a snapshot: no I/O, no
 * markup; the page, the API and the CSV exports render its result.
 *
 * Only active collaborations that pass the shared list filter
 * (domain/filter.h) are considered, and within them only active
 * participations (ended participations are left out). A collaboration
 * without any active participant is listed as excluded and takes part in
 * nothing else.
 *
 * Four parts:
 *  1. pairs of collaborations whose participant sets A, B have a Jaccard
 *     similarity |A∩B| / |A∪B| >= the threshold (and at least one common
 *     participant), flagged as bundling candidates when they also share a
 *     domain;
 *  2. groups of two or more collaborations with exactly the same set of
 *     participants;
 *  3. per gemeente (municipality, not ended): active collaborations,
 *     distinct partner configurations (distinct participant sets) and the
 *     sum of known yearly contributions ("bestuurlijke drukte");
 *  4. congruence between in-province gemeenten a, b:
 *     |C(a)∩C(b)| / |C(a)∪C(b)| over the sets of collaborations C(x) they
 *     take part in, and gemeenten whose partner gemeenten differ between
 *     domains (Jaccard of the partner sets below OVERLAP_DIVERGENCE).
 *
 * Participant sets are bitsets over organisation indexes (uint64_t words,
 * popcount for intersections); pairs are pruned by size (|A|/|B| < t for
 * |A| <= |B| cannot reach t). Comparisons with the threshold are exact
 * (integer cross-multiplication with the decimal threshold as a fraction).
 * All memory comes from the caller's arena.
 */
#ifndef ATLAS_OVERLAP_H
#define ATLAS_OVERLAP_H

#include "filter.h"
#include "model.h"
#include "../lib/arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A decimal threshold 0..1 as an exact fraction num/den (den = 10^k). */
struct overlap_threshold {
	int64_t num; /* 0 <= num <= den */
	int64_t den; /* a power of ten, >= 1 */
};

#define OVERLAP_DEFAULT_THRESHOLD ((struct overlap_threshold){8, 10})
#define OVERLAP_MAX_DECIMALS 6
/* Partner sets of two domains "differ" when their Jaccard is below this. */
#define OVERLAP_DIVERGENCE 0.5

/* One pair of collaborations at or above the threshold. */
struct overlap_pair {
	int a, b;		 /* collaboration indexes, a < b (name order) */
	int size_a, size_b;	 /* active participants */
	int inter;		 /* |A∩B| */
	int uni;		 /* |A∪B| */
	double jaccard;		 /* inter / uni */
	uint64_t shared_domains; /* bit i: domain index i (< 64) applies to both */
	bool candidate;		 /* they share at least one domain */
};

/* Collaborations with exactly the same participant set. */
struct overlap_group {
	int *collabs; /* collaboration indexes in name order */
	int n;	      /* >= 2 */
	int set_size; /* size of the common participant set (1 is possible) */
};

/* "Bestuurlijke drukte" of one gemeente. */
struct overlap_muni {
	int org;	      /* organisation index */
	int n_collabs;	      /* considered collaborations it actively takes part in */
	int n_configs;	      /* distinct participant sets among those */
	int64_t contribution; /* sum of the known yearly contributions (euro) */
	int n_known;	      /* participations with a known contribution; 0 = unknown */
};

/* Congruence of two in-province gemeenten (positions in cong_orgs). */
struct overlap_cpair {
	int a, b;     /* positions in overlap_result.cong_orgs, a < b */
	int together; /* |C(a)∩C(b)| */
	int either;   /* |C(a)∪C(b)| */
	double share; /* together / either; 0 when either == 0 */
};

/* A gemeente whose partner gemeenten differ between two domains. */
struct overlap_divergence {
	int cong;     /* position in overlap_result.cong_orgs */
	int domain_a; /* domain index (a < b) */
	int domain_b;
	int n_a, n_b;	/* partner gemeenten in either domain */
	int inter, uni; /* of the two partner sets */
	double jaccard; /* inter / uni (< OVERLAP_DIVERGENCE) */
};

struct overlap_result {
	struct overlap_threshold threshold;
	int n_orgs;	 /* organisations in the snapshot (bitset width) */
	int words;	 /* uint64_t words per organisation bitset */
	int *considered; /* collaborations analysed (name order) */
	int n_considered;
	int *empty; /* matched the filter, active, but no active participant */
	int n_empty;
	int *size; /* per collaboration index: active participants, -1 = not considered */
	struct overlap_pair *pairs; /* by similarity desc, then intersection desc, names */
	int n_pairs;
	struct overlap_group *groups; /* by group size desc, set size desc, name */
	int n_groups;
	struct overlap_muni *munis; /* every non-ended municipality, name order */
	int n_munis;
	int *cong_orgs; /* in-province, non-ended municipalities, name order */
	int n_cong;
	int *together;		      /* n_cong*n_cong: |C(a)∩C(b)| (diagonal |C(a)|) */
	int *either;		      /* n_cong*n_cong: |C(a)∪C(b)| */
	struct overlap_cpair *cpairs; /* all n_cong*(n_cong-1)/2 pairs, share desc, names */
	int n_cpairs;
	struct overlap_divergence *divs; /* by gemeente (name order), jaccard asc */
	int n_divs;
	int n_domains;
	uint64_t *partners; /* private: [n_cong][n_domains][words] partner gemeenten */
};

/* How the congruence pairs are ordered (query key "sorteer"). */
enum overlap_order {
	OVERLAP_ORDER_SHARE_DESC, /* "-aandeel" (default): most together first */
	OVERLAP_ORDER_SHARE_ASC,  /* "aandeel": least together first */
	OVERLAP_ORDER_NAME,	  /* "gemeente": alphabetical by the pair's names */
};

/* Everything the query string of the analysis can set. */
struct overlap_query {
	struct collab_filter filter;	    /* status is always STATUS_ACTIVE */
	struct overlap_threshold threshold; /* "drempel" */
	enum overlap_order order;	    /* "sorteer" */
};

/*
 * The query keys the analysis accepts, in display order (NULL-terminated):
 * drempel, beleidsdomein, juridischeVorm, fase, soort, status, sorteer.
 */
extern const char *const overlap_query_keys[];

/* Defaults: no filter, active only, threshold 0.8, most together first. */
void overlap_query_init(struct overlap_query *q);

/*
 * Set one query parameter (a key of overlap_query_keys). Returns 0, 1 when
 * name is not one of them (ignored), or -1 with a Dutch message in msg:
 * drempel not a number 0..1, status other than "actief", an unknown filter
 * value or sort order.
 */
int overlap_query_set(struct overlap_query *q, const struct snapshot *s, const char *name,
		      const char *value, char *msg, size_t msglen);

/* Reorder r->cpairs (pairs of positions in cong_orgs, name order). */
void overlap_sort_congruence(struct overlap_result *r, enum overlap_order order);

/*
 * Parse a threshold "0", "1", "0.8", "0,75" (decimal point or comma, at
 * most OVERLAP_MAX_DECIMALS decimals, value 0..1). Returns true and sets *t,
 * or false when s is not such a number.
 */
bool overlap_threshold_parse(const char *s, struct overlap_threshold *t);

/* The threshold as a double. */
double overlap_threshold_value(struct overlap_threshold t);

/*
 * Run the analysis for the collaborations that pass f (its sort and paging
 * are ignored; only active collaborations are ever considered) with pair
 * threshold t. Everything in *out is allocated in arena a and lives as long
 * as it. Returns 0 (there is no failure mode besides out-of-memory, which
 * aborts via the arena).
 */
int overlap_analyse(const struct snapshot *s, const struct collab_filter *f,
		    struct overlap_threshold t, struct arena *a, struct overlap_result *out);

/*
 * The partner gemeenten (a bitset over organisation indexes, r->words
 * words) of in-province gemeente at position cong in domain d: the
 * non-ended municipalities it shares a considered collaboration of domain
 * d with, itself excluded. Valid while r lives.
 */
const uint64_t *overlap_partners(const struct overlap_result *r, int cong, int d);

/* True when bit i is set in bitset set. */
static inline bool overlap_has(const uint64_t *set, int i)
{
	return (set[i >> 6] >> (i & 63)) & 1u;
}

/* The congruence cell for positions i, j of cong_orgs (together / either). */
double overlap_congruence(const struct overlap_result *r, int i, int j);

/* ---- seriation: the order of the heat map and its conclusion ---------------- */

/* Gemeenten that share at least this (average congruence) form a block. */
#define OVERLAP_BLOCK_CUT 0.4
/* The API orders and divides at most this many gemeenten (O(n^3)). */
#define OVERLAP_SERIATION_MAX 120

struct overlap_seriation {
	int n;	    /* r->n_cong */
	int *order; /* order[k] = position in cong_orgs shown k-th */
	int *block; /* per position in cong_orgs: block number (in order of appearance) */
	int n_blocks;
	double *cohesion; /* per block: average congruence within it */
	int *named_after; /* per block: the considered collaboration whose in-province
			     gemeenten match it best (Jaccard >= 0.5), or -1 */
	int *size;	  /* per block: gemeenten in it */
};

/*
 * Order the in-province gemeenten of r so that gemeenten that work together
 * sit next to each other (domain/overlap_blocks.h over the congruence
 * matrix, cut at OVERLAP_BLOCK_CUT) and name the blocks. Deterministic.
 * Returns 0, or -1 when memory ran out.
 */
int overlap_seriate(const struct snapshot *s, const struct overlap_result *r, struct arena *a,
		    struct overlap_seriation *out);

#endif
