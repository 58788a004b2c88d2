/*
 * financien — see financien.h.
 */
#include "financien.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *iv3_doc_key(enum iv3_doc d)
{
	return d == IV3_BEGROTING ? "begroting" : "rekening";
}

const char *iv3_doc_label(enum iv3_doc d)
{
	return d == IV3_BEGROTING ? "begroting" : "jaarrekening";
}

bool iv3_doc_parse(const char *s, enum iv3_doc *out)
{
	if (!s)
		return false;
	if (strcmp(s, "jaarrekening") == 0)
		*out = IV3_REKENING;
	else if (strcmp(s, "begroting") == 0)
		*out = IV3_BEGROTING;
	else
		return false;
	return true;
}

const char *iv3_inhabitants_key(enum iv3_doc d)
{
	return d == IV3_BEGROTING ? "iv3_begroting_inwonertal" : "iv3_rekening_inwonertal";
}

bool iv3_parse_key(const char *key, struct iv3_key *out)
{
	static const char *const docs[] = {"iv3_rekening_", "iv3_begroting_"};
	const char *p = NULL;
	for (int d = 0; d < 2 && !p; d++)
		if (strncmp(key, docs[d], strlen(docs[d])) == 0) {
			out->doc = d ? IV3_BEGROTING : IV3_REKENING;
			p = key + strlen(docs[d]);
		}
	if (!p)
		return false;
	if (strncmp(p, "lasten_", 7) == 0) {
		out->lasten = true;
		p += 7;
	} else if (strncmp(p, "baten_", 6) == 0) {
		out->lasten = false;
		p += 6;
	} else {
		return false;
	}
	/* {hoofdstuk}_{digits}[letter] */
	if (p[0] < '0' || p[0] > '8' || p[1] != '_' || !isdigit((unsigned char)p[2]))
		return false;
	const char *q = p + 2;
	while (isdigit((unsigned char)*q))
		q++;
	if (*q >= 'a' && *q <= 'z')
		q++;
	if (*q || q - (p + 2) > 3)
		return false;
	out->hoofdstuk = p[0] - '0';
	snprintf(out->taakveld, sizeof out->taakveld, "%c.%s", p[0], p + 2);
	return true;
}

const char *cbs_province_name(const char *code)
{
	static const char *const names[] = {
	    "Groningen",     "Fryslân",	     "Drenthe", "Overijssel",	 "Gelderland", "Utrecht",
	    "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",    "Flevoland",
	};
	/* PV20 … PV31, with Flevoland PV24 */
	static const int numbers[] = {20, 21, 22, 23, 25, 26, 27, 28, 29, 30, 31, 24};
	if (code && strncmp(code, "PV", 2) == 0) {
		int n = atoi(code + 2);
		for (int i = 0; i < 12; i++)
			if (numbers[i] == n)
				return names[i];
	}
	return code ? code : "";
}

const char *iv3_hoofdstuk_name(int h)
{
	static const char *const names[] = {
	    "Bestuur en ondersteuning",
	    "Veiligheid",
	    "Verkeer, vervoer en waterstaat",
	    "Economie",
	    "Onderwijs",
	    "Sport, cultuur en recreatie",
	    "Sociaal domein",
	    "Volksgezondheid en milieu",
	    "Volkshuisvesting, leefomgeving en stedelijke vernieuwing",
	};
	return h >= 0 && h <= 8 ? names[h] : "";
}

bool iv3_changed_2023(const char *taakveld)
{
	return taakveld[0] == '6' || strcmp(taakveld, "7.1") == 0;
}

int iv3_taakveld_cmp(const char *a, const char *b)
{
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	const char *pa = strchr(a, '.'), *pb = strchr(b, '.');
	if (!pa || !pb)
		return strcmp(a, b);
	long na = strtol(pa + 1, NULL, 10), nb = strtol(pb + 1, NULL, 10);
	if (na != nb)
		return na < nb ? -1 : 1;
	return strcmp(a, b);
}

static int cmp_double(const void *x, const void *y)
{
	double p = *(const double *)x, q = *(const double *)y;
	return (p > q) - (p < q);
}

static double at(const double *v, int n, double q)
{
	double pos = (n - 1) * q;
	int lo = (int)pos;
	double frac = pos - lo;
	return lo + 1 < n ? v[lo] + frac * (v[lo + 1] - v[lo]) : v[lo];
}

bool fin_quartiles(double *v, int n, struct fin_quartiles *out)
{
	*out = (struct fin_quartiles){0};
	if (n <= 0)
		return false;
	if (n > 1)
		qsort(v, (size_t)n, sizeof *v, cmp_double);
	out->n = n;
	out->p25 = at(v, n, 0.25);
	out->median = at(v, n, 0.5);
	out->p75 = at(v, n, 0.75);
	return true;
}

enum fin_band fin_band_of(double v, const struct fin_quartiles *q)
{
	if (!q->n)
		return FIN_BAND_NONE;
	if (v < q->p25)
		return FIN_BAND_BELOW;
	if (v > q->p75)
		return FIN_BAND_ABOVE;
	return FIN_BAND_INSIDE;
}
