/*
 * amount — money as Dutch users type it and read it. One pure parser for
 * every place an amount is entered (the bijdrage of a participation) and
 * one formatter for showing it.
 *
 * Accepted (all → 12.500 euro, or with cents where given):
 *   12500   12.500   € 12.500   €12.500   EUR 12.500   12.500,-   €12.500,-
 *   12.500,50   12500,50   12500,5 (= 12.500,50)
 * Thousands are separated by dots in groups of exactly three digits, the
 * comma starts the cents (one or two digits) or ",-" (no cents). Spaces
 * (also non-breaking ones) around the euro sign and the number are
 * ignored. Anything that could be read in two ways is refused with a
 * Dutch message that shows the two correct spellings — never a guess:
 *   12.50  (cents with a dot, or a misplaced thousands dot?)
 *   12,500 (three digits after the comma: English thousands?)
 *   1.234.56, 1,234.56, 12.5000
 * Negative amounts are refused.
 */
#ifndef ATLAS_AMOUNT_H
#define ATLAS_AMOUNT_H

#include <stddef.h>
#include <stdint.h>

enum amount_result {
	AMOUNT_OK,
	AMOUNT_EMPTY,	/* nothing but spaces: the caller decides (optional field) */
	AMOUNT_INVALID, /* *message says why, in Dutch */
};

/* The largest accepted amount: 1 000 000 000 000 euro (in cents). */
#define AMOUNT_MAX_CENTS ((int64_t)100000000000000)

/*
 * Parse s into cents. On AMOUNT_INVALID, *message (when message != NULL)
 * points to a static Dutch sentence for the user. s may be NULL (empty).
 */
enum amount_result amount_parse(const char *s, int64_t *cents, const char **message);

/*
 * The amount in s as whole euros in plain digits ("€ 12.500,-" → "12500"),
 * for a field stored in whole euros. AMOUNT_INVALID with a Dutch *message
 * when s is not an amount or has cents other than ",00" / ",-".
 */
enum amount_result amount_whole_euros(const char *s, char *out, size_t n, const char **message);

/*
 * Write cents as "€ 12.500" (whole euros) or "€ 12.500,50" into out (NUL
 * terminated, truncated to n). with_sign false leaves out "€ ". Negative
 * values get a leading minus. Returns out.
 */
char *amount_format_nl(int64_t cents, char *out, size_t n, int with_sign);

#endif
