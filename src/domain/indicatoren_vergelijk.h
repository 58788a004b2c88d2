/*
 * indicatoren_vergelijk — the pure statistics of the compare page
 * (/kennis/vergelijk): national quantiles and the quantile classes of the
 * choropleth, the class of a value, the share of gemeenten below a value,
 * the difference from the median and the bins of the national distribution.
 * Ranks with shared places are indicator_rank (domain/indicatoren.h), the
 * median peers_stats (domain/indicatoren_peers.h). Missing values (has[i]
 * false) never count. No I/O.
 */
#ifndef ATLAS_DOMAIN_INDICATOREN_VERGELIJK_H
#define ATLAS_DOMAIN_INDICATOREN_VERGELIJK_H

#include <stdbool.h>

/* The choropleth's number of classes (quintiles). */
#define VERGELIJK_CLASSES 5
/* The national distribution's number of bins. */
#define VERGELIJK_BINS 20

/*
 * The p-quantile (0 <= p <= 1) of n values sorted ascending, by linear
 * interpolation between the closest ranks (the "type 7" of R and
 * spreadsheets: p = 0.5 of {1, 2, 3, 4} is 2.5). n must be > 0.
 */
double vergelijk_quantile(const double *sorted, int n, double p);

/*
 * Sort the present values of v (has[i]) ascending into out (room for n);
 * returns how many there are.
 */
int vergelijk_sorted(const double *v, const bool *has, int n, double *out);

/*
 * The upper bounds of k quantile classes of the sorted values: breaks[c]
 * is the (c+1)/k quantile, so class c holds the values above breaks[c-1]
 * up to and including breaks[c] (class 0 from the minimum). Equal breaks
 * are possible when many values are equal; classes can then be empty.
 */
void vergelijk_breaks(const double *sorted, int n, int k, double *breaks);

/* The class (0..k-1) of value x for the breaks of vergelijk_breaks. */
int vergelijk_class_of(double x, const double *breaks, int k);

/*
 * The percentage (0..100, rounded down) of the other gemeenten with a value
 * that have a lower value than x: below / (n_present - 1) for a gemeente
 * that is itself among the n_present. -1 when there is no other gemeente.
 */
int vergelijk_share_below(const double *sorted, int n, double x);

/*
 * The national distribution: counts[b] of nbins equal-width bins from lo
 * (the minimum) to hi (the maximum), the maximum in the last bin. With all
 * values equal (lo == hi) every value is in bin 0.
 */
void vergelijk_histogram(const double *sorted, int n, int nbins, int *counts, double *lo,
			 double *hi);

/* The bin (0..nbins-1) of x for the histogram from lo to hi. */
int vergelijk_bin_of(double x, double lo, double hi, int nbins);

/* At most this many gemeenten in ?gebieden= (a form's checkboxes and codes). */
#define VERGELIJK_MAX_CODES 120

/*
 * Parse the chosen gemeenten "gm0344,GM0355": comma-separated gemeente
 * codes (GM + four digits), any case, spaces around codes ignored,
 * duplicates dropped, stored upper-case in out (room for max, 7 bytes each,
 * first seen first). Returns the count (0 for an empty list), or -1 with
 * *err a Dutch message naming the bad code.
 */
int vergelijk_parse_codes(const char *s, char (*out)[7], int max, char *err, int errlen);

#endif
