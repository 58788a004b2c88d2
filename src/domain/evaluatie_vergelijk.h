/*
 * evaluatie_vergelijk — the statistics of comparing two survey rounds:
 * the Mann–Whitney U test of the answers to one
 * item in round a ("van") against round b ("naar"), with the ties
 * correction of the variance, a two-sided p-value, the effect size r, and an
 * honest verdict: a significant difference, no significant difference, or
 * too few answers to say. Pure C11, no I/O.
 *
 * Method (documented choice):
 * - Ranks of the pooled answers, ties get their mean rank; R1 is the rank
 *   sum of a, U1 = R1 − n1(n1+1)/2, U2 = n1·n2 − U1.
 * - Normal approximation always (no exact distribution): survey answers on
 *   a 1–5 scale are almost always tied, where the no-ties exact tables do
 *   not apply, and an exact permutation distribution with ties is not worth
 *   its cost at the round sizes the module serves (up to thousands of
 *   answers). On the small worked examples of the unit test (5 to 8 answers
 *   a group) the approximate p lies within 0.004 of the exact permutation p.
 * - Mean n1·n2/2; variance with the ties correction
 *   σ² = n1·n2/12 · ((n+1) − Σ(t³−t) / (n(n−1))), t the size of each group
 *   of tied values, n = n1 + n2.
 * - Continuity correction of ½ towards the mean:
 *   z = sign(U1 − n1·n2/2) · max(|U1 − n1·n2/2| − ½, 0) / σ, as NAG's
 *   g08amc and SciPy's mannwhitneyu (by default) do: U is discrete,
 *   and the correction keeps small samples from looking more significant
 *   than they are. z < 0: a ranks lower than b (for
 *   a = the earlier round, the answers went up).
 * - p = erfc(|z|/√2), two-sided; effect size r = |z| / √n.
 */
#ifndef ATLAS_DOMAIN_EVALUATIE_VERGELIJK_H
#define ATLAS_DOMAIN_EVALUATIE_VERGELIJK_H

#include <stddef.h>

/* The smallest group the comparison tests (the privacy threshold of issue
 * 21 as well): pass it as min_n unless a page has its reason to differ. */
#define EVALUATIE_MW_MIN_N 5
/* The significance level of the verdict. */
#define EVALUATIE_MW_ALPHA 0.05

enum evaluatie_mw_status {
	EVALUATIE_MW_OK = 0,	      /* tested: z, p and r are set */
	EVALUATIE_MW_TOO_FEW = 1,     /* a group has fewer than min_n answers: not tested */
	EVALUATIE_MW_NO_VARIANCE = 2, /* every answer in both groups is the same: p = 1 */
};

typedef struct {
	size_t n1, n2;
	double u1, u2;		       /* U of a and of b; u1 + u2 = n1·n2 */
	double mean_rank1, mean_rank2; /* of a and of b in the pooled ranking */
	double z;		       /* continuity-corrected; < 0: a lower than b */
	double p_two_sided;	       /* 1 when not tested */
	double effect_r;	       /* |z| / √(n1 + n2); 0 when not tested */
	int status;		       /* enum evaluatie_mw_status */
} evaluatie_mw_result;

/*
 * The Mann–Whitney U test of a[0..na) against b[0..nb). min_n below 1
 * counts as 1. Groups with fewer than min_n values give
 * EVALUATIE_MW_TOO_FEW with the counts (and, when both groups have values,
 * U and mean ranks) filled in and no test. Returns 0, or -1 when a or b is
 * NULL with a non-zero count or when memory for the sorted copies
 * (na + nb ints, malloc'd and freed inside) runs out; out is then zeroed
 * with p = 1 and status EVALUATIE_MW_TOO_FEW.
 */
int evaluatie_mann_whitney(const int *a, size_t na, const int *b, size_t nb, size_t min_n,
			   evaluatie_mw_result *out);

enum evaluatie_mw_verdict {
	EVALUATIE_VERDICT_SIGNIFICANT,	   /* p < EVALUATIE_MW_ALPHA */
	EVALUATIE_VERDICT_NOT_SIGNIFICANT, /* tested (or all answers equal), p >= alpha */
	EVALUATIE_VERDICT_TOO_FEW,	   /* not tested: too few answers */
};

/* The verdict of a result. */
enum evaluatie_mw_verdict evaluatie_mw_verdict(const evaluatie_mw_result *r);
/* Its Dutch label for pages and exports: "significant verschil (p < 0,05)",
 * "geen significant verschil", "te weinig antwoorden". */
const char *evaluatie_mw_verdict_label(enum evaluatie_mw_verdict v);

#endif
