/*
 * slug — the one rule that turns a name into the base of a URL key:
 * kebab-case ASCII, letters lower-cased, Latin-1 accented letters folded
 * ("Súdwest-Fryslân" → "sudwest-fryslan"), every other run of characters one
 * dash, no leading or trailing dash.
 *
 * Not here: making the key unique (the store appends -2, -3, … or an id).
 */
#ifndef ATLAS_SLUG_H
#define ATLAS_SLUG_H

#include <stddef.h>

/*
 * Write the slug of name (NULL counts as "") into out (outlen bytes, always
 * terminated), at most max characters. A slug shorter than two characters
 * is replaced by fallback (e.g. "persoon").
 */
void slug_make(const char *name, size_t max, const char *fallback, char *out, size_t outlen);

#endif
