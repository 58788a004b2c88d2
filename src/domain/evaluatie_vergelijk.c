/*
 * evaluatie_vergelijk — the Mann–Whitney U test of two survey rounds; see
 * evaluatie_vergelijk.h for the method and its choices.
 */
#include "evaluatie_vergelijk.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

static void not_tested(evaluatie_mw_result *out, int status)
{
	out->z = 0;
	out->p_two_sided = 1;
	out->effect_r = 0;
	out->status = status;
}

int evaluatie_mann_whitney(const int *a, size_t na, const int *b, size_t nb, size_t min_n,
			   evaluatie_mw_result *out)
{
	memset(out, 0, sizeof *out);
	not_tested(out, EVALUATIE_MW_TOO_FEW);
	if ((na && !a) || (nb && !b))
		return -1;
	out->n1 = na;
	out->n2 = nb;
	if (!na || !nb)
		return 0;
	/* sorted copies of both groups, walked side by side value by value */
	int *sa = malloc((na + nb) * sizeof *sa);
	if (!sa) {
		out->n1 = out->n2 = 0;
		return -1;
	}
	int *sb = sa + na;
	memcpy(sa, a, na * sizeof *sa);
	memcpy(sb, b, nb * sizeof *sb);
	qsort(sa, na, sizeof *sa, cmp_int);
	qsort(sb, nb, sizeof *sb, cmp_int);
	double r1 = 0, ties = 0; /* rank sum of a; Σ(t³ − t) */
	size_t i = 0, j = 0, below = 0, groups = 0;
	while (i < na || j < nb) {
		int v = i < na && (j >= nb || sa[i] <= sb[j]) ? sa[i] : sb[j];
		size_t ca = 0, cb = 0;
		while (i < na && sa[i] == v) {
			i++;
			ca++;
		}
		while (j < nb && sb[j] == v) {
			j++;
			cb++;
		}
		double t = (double)(ca + cb);
		/* the tied values hold ranks below+1 … below+t: their mean */
		r1 += (double)ca * ((double)below + (t + 1) / 2);
		ties += t * t * t - t;
		below += ca + cb;
		groups++;
	}
	free(sa);
	double n1 = (double)na, n2 = (double)nb, n = n1 + n2;
	out->u1 = r1 - n1 * (n1 + 1) / 2;
	out->u2 = n1 * n2 - out->u1;
	out->mean_rank1 = r1 / n1;
	out->mean_rank2 = (n * (n + 1) / 2 - r1) / n2;
	if (min_n < 1)
		min_n = 1;
	if (na < min_n || nb < min_n)
		return 0;
	if (groups == 1) {
		not_tested(out, EVALUATIE_MW_NO_VARIANCE);
		return 0;
	}
	double var = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
	double d = out->u1 - n1 * n2 / 2;
	double off = fabs(d) - 0.5;
	double z = off > 0 ? copysign(off, d) / sqrt(var) : 0;
	out->z = z;
	out->p_two_sided = fmin(1, erfc(fabs(z) / sqrt(2)));
	out->effect_r = fabs(z) / sqrt(n);
	out->status = EVALUATIE_MW_OK;
	return 0;
}

enum evaluatie_mw_verdict evaluatie_mw_verdict(const evaluatie_mw_result *r)
{
	if (r->status == EVALUATIE_MW_TOO_FEW)
		return EVALUATIE_VERDICT_TOO_FEW;
	if (r->status == EVALUATIE_MW_OK && r->p_two_sided < EVALUATIE_MW_ALPHA)
		return EVALUATIE_VERDICT_SIGNIFICANT;
	return EVALUATIE_VERDICT_NOT_SIGNIFICANT;
}

const char *evaluatie_mw_verdict_label(enum evaluatie_mw_verdict v)
{
	switch (v) {
	case EVALUATIE_VERDICT_SIGNIFICANT:
		return "significant verschil (p < 0,05)";
	case EVALUATIE_VERDICT_NOT_SIGNIFICANT:
		return "geen significant verschil";
	case EVALUATIE_VERDICT_TOO_FEW:
		break;
	}
	return "te weinig antwoorden";
}
