/*
 * indicatoren — pure rules of the indicator store; see indicatoren.h.
 */
#include "indicatoren.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

enum ind_number indicator_parse_number(const char *s, double *out)
{
	*out = 0;
	if (!s)
		return IND_NUM_MISSING;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n == 0 || (n == 1 && s[0] == '.'))
		return IND_NUM_MISSING;
	if (n > 40)
		return IND_NUM_BAD;
	char tmp[48];
	size_t j = 0, i = 0;
	if (s[0] == '-' || s[0] == '+')
		tmp[j++] = s[i++];
	int digits = 0, seps = 0;
	for (; i < n; i++) {
		if (is_digit(s[i])) {
			tmp[j++] = s[i];
			digits++;
		} else if ((s[i] == ',' || s[i] == '.') && !seps) {
			tmp[j++] = '.';
			seps++;
		} else {
			return IND_NUM_BAD;
		}
	}
	if (!digits)
		return IND_NUM_BAD;
	tmp[j] = 0;
	char *end;
	double v = strtod(tmp, &end);
	if (*end || !isfinite(v))
		return IND_NUM_BAD;
	*out = v;
	return IND_NUM_VALUE;
}

bool indicator_key_valid(const char *key)
{
	size_t n = key ? strlen(key) : 0;
	if (n < 1 || n > INDICATOR_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(is_digit(key[i]) || (key[i] >= 'a' && key[i] <= 'z') || key[i] == '_'))
			return false;
	return true;
}

bool indicator_direction_valid(const char *d)
{
	return d && (strcmp(d, "hoger_beter") == 0 || strcmp(d, "lager_beter") == 0 ||
		     strcmp(d, "neutraal") == 0);
}

bool indicator_level_valid(const char *l)
{
	return l && (strcmp(l, "gemeente") == 0 || strcmp(l, "waterschap") == 0 ||
		     strcmp(l, "provincie") == 0 || strcmp(l, "samenwerkingsverband") == 0);
}

bool indicator_area_code_valid(const char *c)
{
	size_t n = c ? strlen(c) : 0;
	if ((n == 6 || n == 4) && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z') {
		for (size_t i = 2; i < n; i++)
			if (!is_digit(c[i]))
				return false;
		return true;
	}
	if (n < 2 || n > 80 || c[0] == '-' || c[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(is_digit(c[i]) || (c[i] >= 'a' && c[i] <= 'z') || c[i] == '-'))
			return false;
	return true;
}

bool indicator_area_is_country(const char *c)
{
	return c && c[0] == 'N' && c[1] == 'L' && is_digit(c[2]) && is_digit(c[3]) && !c[4];
}

bool indicator_period_normalise(const char *s, char *out, size_t outlen, bool *provisional)
{
	*provisional = false;
	if (outlen < 17 || !s)
		return false;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n && s[n - 1] == '*') {
		*provisional = true;
		n--;
	}
	if (n == 8 && memcmp(s + 4, "JJ00", 4) == 0)
		n = 4;
	/* CBS's OData codes of quarters (2023KW01) and months (2023MM03): the
	 * store's own spellings 2023KW1 and 2023-03 */
	char tmp[8];
	if (n == 8 && memcmp(s + 4, "KW0", 3) == 0 && s[7] >= '1' && s[7] <= '4') {
		memcpy(tmp, s, 6);
		tmp[6] = s[7];
		s = tmp;
		n = 7;
	} else if (n == 8 && memcmp(s + 4, "MM", 2) == 0 && is_digit(s[6]) && is_digit(s[7]) &&
		   (s[6] - '0') * 10 + (s[7] - '0') >= 1 &&
		   (s[6] - '0') * 10 + (s[7] - '0') <= 12) {
		memcpy(tmp, s, 4);
		tmp[4] = '-';
		tmp[5] = s[6];
		tmp[6] = s[7];
		s = tmp;
		n = 7;
	}
	if (n < 4 || n > 16)
		return false;
	for (int i = 0; i < 4; i++)
		if (!is_digit(s[i]))
			return false;
	bool ok = n == 4 || (n == 7 && s[4] == '-' && is_digit(s[5]) && is_digit(s[6])) ||
		  (n == 7 && s[4] == 'K' && s[5] == 'W' && s[6] >= '1' && s[6] <= '4');
	if (!ok)
		return false;
	memcpy(out, s, n);
	out[n] = 0;
	return true;
}

const char *indicator_direction_label(const char *d)
{
	if (d && strcmp(d, "hoger_beter") == 0)
		return "hoger is beter";
	if (d && strcmp(d, "lager_beter") == 0)
		return "lager is beter";
	if (d && strcmp(d, "neutraal") == 0)
		return "neutraal";
	return d ? d : "";
}

void indicator_rank(const double *v, const bool *has, int n, const char *direction, int *rank)
{
	bool low = direction && strcmp(direction, "lager_beter") == 0;
	for (int i = 0; i < n; i++) {
		rank[i] = 0;
		if (!has[i])
			continue;
		int better = 0;
		for (int j = 0; j < n; j++)
			if (has[j] && (low ? v[j] < v[i] : v[j] > v[i]))
				better++;
		rank[i] = better + 1;
	}
}

const char *indicator_format_nl(double v, int decimals, char *out, size_t outlen)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	char raw[64];
	snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
	char *dot = strchr(raw, '.');
	if (dot) {
		char *e = raw + strlen(raw) - 1;
		while (e > dot && *e == '0')
			*e-- = 0;
		if (e == dot)
			*e = 0;
	}
	dot = strchr(raw, '.');
	size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw);
	char buf[96];
	size_t k = 0;
	bool neg = v < 0 && strspn(raw, "0.") != strlen(raw);
	if (neg)
		buf[k++] = '-';
	for (size_t i = 0; i < intlen; i++) {
		if (i && (intlen - i) % 3 == 0)
			buf[k++] = '.';
		buf[k++] = raw[i];
	}
	if (dot) {
		buf[k++] = ',';
		for (const char *p = dot + 1; *p; p++)
			buf[k++] = *p;
	}
	buf[k] = 0;
	snprintf(out, outlen, "%s", buf);
	return out;
}
