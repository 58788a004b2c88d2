/*
 * indicatoren_vergelijk — see indicatoren_vergelijk.h.
 */
#include "indicatoren_vergelijk.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

int vergelijk_sorted(const double *v, const bool *has, int n, double *out)
{
	int m = 0;
	for (int i = 0; i < n; i++)
		if (has[i])
			out[m++] = v[i];
	if (m > 1)
		qsort(out, (size_t)m, sizeof *out, cmp_double);
	return m;
}

double vergelijk_quantile(const double *sorted, int n, double p)
{
	if (n <= 1)
		return n == 1 ? sorted[0] : 0;
	if (p <= 0)
		return sorted[0];
	if (p >= 1)
		return sorted[n - 1];
	double h = (n - 1) * p;
	int lo = (int)floor(h);
	double frac = h - lo;
	if (lo + 1 >= n)
		return sorted[n - 1];
	return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

void vergelijk_breaks(const double *sorted, int n, int k, double *breaks)
{
	for (int c = 0; c < k; c++)
		breaks[c] = vergelijk_quantile(sorted, n, (double)(c + 1) / k);
}

int vergelijk_class_of(double x, const double *breaks, int k)
{
	for (int c = 0; c < k - 1; c++)
		if (x <= breaks[c])
			return c;
	return k - 1;
}

int vergelijk_share_below(const double *sorted, int n, double x)
{
	if (n < 2)
		return -1;
	int below = 0;
	while (below < n && sorted[below] < x)
		below++;
	return (int)(100.0 * below / (n - 1));
}

int vergelijk_bin_of(double x, double lo, double hi, int nbins)
{
	if (!(hi > lo))
		return 0;
	int b = (int)floor((x - lo) / (hi - lo) * nbins);
	return b < 0 ? 0 : b >= nbins ? nbins - 1 : b;
}

void vergelijk_histogram(const double *sorted, int n, int nbins, int *counts, double *lo,
			 double *hi)
{
	for (int b = 0; b < nbins; b++)
		counts[b] = 0;
	*lo = n ? sorted[0] : 0;
	*hi = n ? sorted[n - 1] : 0;
	for (int i = 0; i < n; i++)
		counts[vergelijk_bin_of(sorted[i], *lo, *hi, nbins)]++;
}

int vergelijk_parse_codes(const char *s, char (*out)[7], int max, char *err, int errlen)
{
	int n = 0;
	for (const char *p = s ? s : ""; *p;) {
		size_t len = strcspn(p, ",");
		const char *start = p, *end = p + len;
		p = *end ? end + 1 : end;
		while (start < end && *start == ' ')
			start++;
		while (end > start && end[-1] == ' ')
			end--;
		if (start == end)
			continue;
		char code[7];
		bool ok = end - start == 6;
		for (int i = 0; ok && i < 6; i++) {
			char c = start[i];
			if (i < 2)
				c = (char)(c == 'g' ? 'G' : c == 'm' ? 'M' : c);
			ok = i == 0 ? c == 'G' : i == 1 ? c == 'M' : c >= '0' && c <= '9';
			code[i] = c;
		}
		if (!ok) {
			snprintf(err, (size_t)errlen,
				 "'%.*s' is geen gemeentecode. Gebruik codes zoals gm0344, "
				 "gescheiden door komma's.",
				 (int)(end - start > 20 ? 20 : end - start), start);
			return -1;
		}
		code[6] = '\0';
		bool seen = false;
		for (int i = 0; i < n && !seen; i++)
			seen = strcmp(out[i], code) == 0;
		if (seen)
			continue;
		if (n >= max) {
			snprintf(err, (size_t)errlen, "Kies hoogstens %d gemeenten.", max);
			return -1;
		}
		memcpy(out[n++], code, sizeof code);
	}
	return n;
}
