/*
 * amount — see amount.h. A small hand-written scanner: optional currency
 * mark, digit groups, an optional decimal part; every other shape is an
 * error with its own message.
 */
#include "amount.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char MSG_FORMAT[] =
    "Vul een bedrag in euro's in, bijvoorbeeld 12500, 12.500 of 12.500,50.";
static const char MSG_DOT_CENTS[] =
    "Dit bedrag is niet eenduidig: bedoelt u centen, schrijf dan een komma (12,50); bedoelt "
    "u duizenden, zet de punt dan voor groepen van drie cijfers (12.500).";
static const char MSG_COMMA_THOUSANDS[] =
    "Dit bedrag is niet eenduidig: na de komma komen de centen (één of twee cijfers, "
    "bijvoorbeeld 12,50); schrijf duizenden met een punt (12.500) of zonder teken (12500).";
static const char MSG_NEGATIVE[] = "Een bedrag kan niet negatief zijn.";
static const char MSG_TOO_LARGE[] = "Dit bedrag is te groot.";
static const char MSG_CENTS[] = "Dit bedrag wordt in hele euro's vastgelegd; laat de centen weg "
				"(bijvoorbeeld 12.500 of 12.500,-).";

/* Skip ASCII white space and the UTF-8 no-break spaces U+00A0 and U+202F. */
static const char *skip_space(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
			p += 2;
		else if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
			 (unsigned char)p[2] == 0xAF)
			p += 3;
		else
			return p;
	}
}

/* The end of s without trailing spaces (as skip_space). */
static const char *trim_end(const char *s, const char *end)
{
	while (end > s) {
		if (end[-1] == ' ' || end[-1] == '\t')
			end--;
		else if (end - s >= 2 && (unsigned char)end[-2] == 0xC2 &&
			 (unsigned char)end[-1] == 0xA0)
			end -= 2;
		else if (end - s >= 3 && (unsigned char)end[-3] == 0xE2 &&
			 (unsigned char)end[-2] == 0x80 && (unsigned char)end[-1] == 0xAF)
			end -= 3;
		else
			break;
	}
	return end;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static enum amount_result fail(const char **message, const char *m)
{
	if (message)
		*message = m;
	return AMOUNT_INVALID;
}

enum amount_result amount_parse(const char *s, int64_t *cents, const char **message)
{
	if (message)
		*message = NULL;
	if (!s)
		return AMOUNT_EMPTY;
	const char *p = skip_space(s);
	const char *end = trim_end(p, p + strlen(p));
	if (p == end)
		return AMOUNT_EMPTY;
	bool negative = false;
	if (*p == '-') {
		negative = true;
		p = skip_space(p + 1);
	}
	/* the currency: "€" or "EUR" (any case), before the number */
	if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x82 &&
	    (unsigned char)p[2] == 0xAC)
		p = skip_space(p + 3);
	else if (end - p >= 3 && (p[0] == 'E' || p[0] == 'e') && (p[1] == 'U' || p[1] == 'u') &&
		 (p[2] == 'R' || p[2] == 'r'))
		p = skip_space(p + 3);
	if (*p == '-' && !negative) {
		negative = true;
		p = skip_space(p + 1);
	}
	/* ",-" (or ",–" / ",—") at the end: whole euros */
	bool whole_mark = false;
	if (end - p >= 2 && end[-1] == '-' && end[-2] == ',') {
		end -= 2;
		whole_mark = true;
	} else if (end - p >= 4 && end[-4] == ',' && (unsigned char)end[-3] == 0xE2 &&
		   (unsigned char)end[-2] == 0x80 &&
		   ((unsigned char)end[-1] == 0x93 || (unsigned char)end[-1] == 0x94)) {
		end -= 4;
		whole_mark = true;
	}
	if (p == end || !is_digit(*p))
		return fail(message, MSG_FORMAT);

	/* the euros: digit groups separated by dots */
	int64_t euros = 0;
	int group_len = 0, n_groups = 1, first_len = 0;
	bool grouped = false;
	const char *q = p;
	for (; q < end && (is_digit(*q) || *q == '.'); q++) {
		if (*q == '.') {
			if (group_len == 0)
				return fail(message, MSG_FORMAT);
			if (n_groups == 1)
				first_len = group_len;
			else if (group_len != 3)
				return fail(message, MSG_DOT_CENTS);
			grouped = true;
			n_groups++;
			group_len = 0;
			continue;
		}
		if (euros > AMOUNT_MAX_CENTS / 100)
			return fail(message, MSG_TOO_LARGE);
		euros = euros * 10 + (*q - '0');
		group_len++;
	}
	if (grouped) {
		if (group_len != 3 || first_len > 3)
			return fail(message, group_len == 0 ? MSG_FORMAT : MSG_DOT_CENTS);
	}
	/* the cents: ",5" or ",50" */
	int64_t cent_part = 0;
	if (q < end) {
		if (*q != ',' || whole_mark)
			return fail(message, MSG_FORMAT);
		q++;
		int nd = 0;
		for (; q < end && is_digit(*q); q++, nd++)
			if (nd < 2)
				cent_part = cent_part * 10 + (*q - '0');
		if (q != end) {
			/* "1,234.56": English grouping */
			return fail(message, *q == '.' ? MSG_COMMA_THOUSANDS : MSG_FORMAT);
		}
		if (nd == 0)
			return fail(message, MSG_FORMAT);
		if (nd > 2)
			return fail(message, MSG_COMMA_THOUSANDS);
		if (nd == 1)
			cent_part *= 10;
	}
	int64_t v = euros * 100 + cent_part;
	if (v > AMOUNT_MAX_CENTS)
		return fail(message, MSG_TOO_LARGE);
	if (negative && v != 0)
		return fail(message, MSG_NEGATIVE);
	*cents = v;
	return AMOUNT_OK;
}

enum amount_result amount_whole_euros(const char *s, char *out, size_t n, const char **message)
{
	int64_t cents;
	enum amount_result r = amount_parse(s, &cents, message);
	if (r != AMOUNT_OK)
		return r;
	if (cents % 100 != 0)
		return fail(message, MSG_CENTS);
	snprintf(out, n, "%lld", (long long)(cents / 100));
	return AMOUNT_OK;
}

char *amount_format_nl(int64_t cents, char *out, size_t n, int with_sign)
{
	if (!out || n == 0)
		return out;
	char digits[32];
	bool neg = cents < 0;
	uint64_t v = neg ? (uint64_t)(-(cents + 1)) + 1 : (uint64_t)cents;
	uint64_t euros = v / 100, c = v % 100;
	int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)euros);
	char grouped[48];
	int k = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[k++] = '.';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	if (c)
		snprintf(out, n, "%s%s%s,%02llu", with_sign ? "€ " : "", neg ? "-" : "", grouped,
			 (unsigned long long)c);
	else
		snprintf(out, n, "%s%s%s", with_sign ? "€ " : "", neg ? "-" : "", grouped);
	return out;
}
