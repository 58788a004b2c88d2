/*
 * indicatoren — the pure rules of the indicator store: numbers
 * as CBS-style files write them, the keys, periods, area codes, directions
 * and area levels the store accepts, and ranking. No I/O.
 */
#ifndef ATLAS_DOMAIN_INDICATOREN_H
#define ATLAS_DOMAIN_INDICATOREN_H

#include <stdbool.h>
#include <stddef.h>

#define INDICATOR_KEY_MAX 80
#define INDICATOR_TEXT_MAX 2000
#define INDICATOR_PERIOD_MAX 16

enum ind_number {
	IND_NUM_VALUE = 1,   /* a number was read */
	IND_NUM_MISSING = 0, /* empty or "." (CBS: no data): stored as NULL, never 0 */
	IND_NUM_BAD = -1     /* not a number */
};

/*
 * Read one cell: surrounding spaces ignored; an optional sign, digits and
 * at most one decimal separator, ',' (decimal comma) or '.'; "" and "."
 * are missing. Thousands separators, exponents, "inf" and "nan" are
 * refused (a '.' and a ',' together is ambiguous).
 */
enum ind_number indicator_parse_number(const char *s, double *out);

/* ^[a-z0-9_]{1,80}$ */
bool indicator_key_valid(const char *key);
/* hoger_beter | lager_beter | neutraal */
bool indicator_direction_valid(const char *d);
/* gemeente | waterschap | provincie | samenwerkingsverband */
bool indicator_level_valid(const char *l);
/* An area code: two upper-case letters and four digits (GM0344, PV26 is
 * "PV" + 2 digits, also accepted), or a collaboration key (lower-case
 * kebab-case, 2..80). */
bool indicator_area_code_valid(const char *code);
/* A country-total code CBS files carry (NL00, NL01): skipped by the import. */
bool indicator_area_is_country(const char *code);

/*
 * The period of a source cell, normalised into out (size >= 17): spaces
 * trimmed, CBS's provisional mark ("2024*") and OData suffix ("2020JJ00")
 * dropped, OData's quarter and month codes rewritten ("2023KW01" → 2023KW1,
 * "2023MM03" → 2023-03). Accepted: YYYY, YYYY-MM, YYYYKWn. false when not a
 * period.
 * *provisional is set when the cell carried '*'.
 */
bool indicator_period_normalise(const char *s, char *out, size_t outlen, bool *provisional);

/* Dutch label of a direction ("hoger is beter", …); the value when unknown. */
const char *indicator_direction_label(const char *d);

/*
 * Ranks (1 = best) of n values; has[i] false = missing (rank 0). hoger_beter
 * and neutraal rank the highest first, lager_beter the lowest first; equal
 * values share a rank (1, 2, 2, 4).
 */
void indicator_rank(const double *v, const bool *has, int n, const char *direction, int *rank);

/* The value in Dutch notation (decimal comma, thousands with a dot, at
 * most `decimals` decimals, trailing zeros dropped) into out. */
const char *indicator_format_nl(double v, int decimals, char *out, size_t outlen);

#endif
