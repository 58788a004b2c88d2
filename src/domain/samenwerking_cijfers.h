/*
 * samenwerking_cijfers — the pure rules of the collaboration figures: what
 * the active participating gemeenten of a collaboration add up to. Totals
 * are sums over the participants that have a value (coverage says how
 * many); spending per inhabitant is weighted: the sum of each participant's
 * lasten (per inhabitant × inhabitants) divided by the sum of their
 * inhabitants. A missing value is never taken as zero. No I/O.
 */
#ifndef ATLAS_DOMAIN_SAMENWERKING_CIJFERS_H
#define ATLAS_DOMAIN_SAMENWERKING_CIJFERS_H

#include <stdbool.h>

/* The indicators every collaboration shows (keys in the indicator store). */
#define SC_KEY_INHABITANTS "inwoners"
#define SC_KEY_AREA "oppervlakte_totaal"
/* At most this many indicator keys per policy domain in the mapping. */
#define SC_MAX_KEYS 40

/* One participant's value of one figure; has false: missing. */
struct sc_cell {
	bool has;
	double value;
};

/* A total over the participants: n_with of n_of have a value. has is false
 * when none has one (the total is then unknown, not 0). */
struct sc_total {
	bool has;
	double value;
	int n_with, n_of;
};

/* The sum of the present cells. */
struct sc_total sc_sum(const struct sc_cell *cells, int n);

/*
 * Spending per inhabitant over participants: per_inh[i] (euro per
 * inhabitant) weighted by inh[i]. A participant counts when both are
 * present and inh[i] > 0; the value is sum(per_inh × inh) / sum(inh) of
 * those. n_of is n.
 */
struct sc_total sc_weighted(const struct sc_cell *per_inh, const struct sc_cell *inh, int n);

/* The sum of the parts (the taakvelden of one domain for one participant):
 * missing when n is 0 or any part is missing. */
struct sc_cell sc_sum_parts(const struct sc_cell *parts, int n);

/*
 * Split a ';'-joined list of indicator keys (spaces around keys ignored,
 * empty entries skipped) into out (at most max, each a pointer into buf, a
 * copy the caller provides with room for strlen(list) + 1). Returns the
 * count, -1 when there are more than max keys or a key is not valid
 * (indicator_key_valid) or named twice.
 */
int sc_split_keys(const char *list, char *buf, const char **out, int max);

#endif
