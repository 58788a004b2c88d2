/*
 * indicatoren_peers — the dashboard's pure rules; see indicatoren_peers.h.
 */
#include "indicatoren_peers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int peers_parse_list(const char *s, char (*out)[PEERS_CODE_LEN], int max, const char **err)
{
	int n = 0;
	*err = NULL;
	if (!s)
		s = "";
	const char *p = s;
	for (;;) {
		while (*p == ' ')
			p++;
		const char *start = p;
		while (*p && *p != ',')
			p++;
		const char *end = p;
		while (end > start && end[-1] == ' ')
			end--;
		size_t len = (size_t)(end - start);
		if (len) {
			char code[PEERS_CODE_LEN];
			bool ok = len == 6;
			for (size_t i = 0; ok && i < 6; i++) {
				char c = start[i];
				if (i < 2) {
					c = (char)(c == 'g' ? 'G' : c == 'm' ? 'M' : c);
					ok = c == (i ? 'M' : 'G');
				} else {
					ok = is_digit(c);
				}
				code[i] = c;
			}
			if (!ok) {
				*err =
				    "Vergelijk met: gebruik gemeentecodes zoals gm0344, gescheiden "
				    "door komma's.";
				return -1;
			}
			code[6] = '\0';
			bool seen = false;
			for (int i = 0; i < n && !seen; i++)
				seen = strcmp(out[i], code) == 0;
			if (!seen) {
				if (n >= max) {
					*err = "Vergelijk met: kies hoogstens 40 gemeenten.";
					return -1;
				}
				memcpy(out[n++], code, sizeof code);
			}
		}
		if (!*p)
			break;
		p++;
	}
	if (!n) {
		*err = "Vergelijk met: kies minstens één gemeente.";
		return -1;
	}
	return n;
}

int peers_by_class(const double *cls, const bool *has, int n, int self, double own, bool own_has,
		   bool *member)
{
	int m = 0;
	for (int i = 0; i < n; i++) {
		member[i] = own_has && i != self && has[i] && cls[i] == own;
		m += member[i];
	}
	return m;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

bool peers_stats(const double *v, const bool *has, const bool *member, int n,
		 struct peer_stats *out)
{
	*out = (struct peer_stats){0, 0, 0};
	double *xs = malloc((size_t)(n > 0 ? n : 1) * sizeof *xs);
	if (!xs)
		return false;
	double sum = 0;
	for (int i = 0; i < n; i++)
		if (has[i] && (!member || member[i])) {
			xs[out->n++] = v[i];
			sum += v[i];
		}
	if (out->n) {
		qsort(xs, (size_t)out->n, sizeof *xs, cmp_double);
		out->mean = sum / out->n;
		out->median =
		    out->n % 2 ? xs[out->n / 2] : (xs[out->n / 2 - 1] + xs[out->n / 2]) / 2;
	}
	free(xs);
	return out->n > 0;
}

struct peer_trend peers_trend(const double *v, const bool *has, int n)
{
	struct peer_trend t = {-1, -1, 0, 0};
	for (int i = 0; i < n; i++) {
		if (!has[i])
			continue;
		if (t.first < 0)
			t.first = i;
		t.last = i;
		t.n_present++;
	}
	if (t.first >= 0)
		t.change = v[t.last] - v[t.first];
	return t;
}

enum peer_position peers_position(bool has, double value, const struct peer_stats *st)
{
	if (!has || !st || st->n < 1)
		return PEER_NONE;
	double d = value - st->mean;
	if (fabs(d) <= PEERS_TOLERANCE * fabs(st->mean))
		return PEER_AROUND;
	return d > 0 ? PEER_ABOVE : PEER_BELOW;
}

const char *peers_sentence(enum peer_position p)
{
	switch (p) {
	case PEER_ABOVE:
		return "ligt boven het gemiddelde van vergelijkbare gemeenten";
	case PEER_BELOW:
		return "ligt onder het gemiddelde van vergelijkbare gemeenten";
	case PEER_AROUND:
		return "ligt rond het gemiddelde van vergelijkbare gemeenten";
	case PEER_NONE:
		break;
	}
	return "";
}

const char *peers_position_key(enum peer_position p)
{
	return p == PEER_ABOVE	  ? "boven"
	       : p == PEER_BELOW  ? "onder"
	       : p == PEER_AROUND ? "rond"
				  : NULL;
}

int peers_ranked_count(const int *rank, int n)
{
	int m = 0;
	for (int i = 0; i < n; i++)
		m += rank[i] > 0;
	return m;
}
