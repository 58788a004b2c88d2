/*
 * text — small string utilities: UTF-8 validation, percent-decoding,
 * ISO dates, ASCII case folding. No allocation except where stated.
 */
#ifndef ATLAS_TEXT_H
#define ATLAS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool utf8_is_valid(const char *s, size_t n);
/* Number of code points in valid UTF-8 s[0..n). */
size_t utf8_length(const char *s, size_t n);

/*
 * Percent-decode s[0..n) into out (which must hold n+1 bytes). With
 * plus_is_space, '+' decodes to ' ' (query strings). Returns the decoded
 * length, or -1 if a %-escape is malformed, the result holds a NUL byte, or
 * it is not valid UTF-8.
 */
long pct_decode(const char *s, size_t n, char *out, bool plus_is_space);

/* True if s is a valid calendar date in the form YYYY-MM-DD. */
bool is_iso_date(const char *s);
/* Write today's date (UTC) as YYYY-MM-DD into out[11]. */
void today_iso(char out[11]);
/* Current wall-clock time in microseconds (monotonic). */
uint64_t now_usec(void);

/* True if s is empty or NULL. */
static inline bool str_empty(const char *s)
{
	return !s || !*s;
}

/* A copy of s in the arena with ASCII letters lower-cased (codes in URLs:
 * GM0321 -> gm0321). */
struct arena;
char *ascii_lower_dup(struct arena *a, const char *s);
/* ASCII-only lower-case compare of NUL-terminated strings. */
int str_casecmp_ascii(const char *a, const char *b);

/* Parse a decimal integer in [min,max]; whole string must match. */
bool parse_long(const char *s, long min, long max, long *out);

/*
 * Compare two strings for sorting Dutch names: case-insensitive, diacritics
 * folded (é = e), and a leading "'s-" ignored. Suitable for qsort.
 */
int str_collate_nl(const char *a, const char *b);

#endif
