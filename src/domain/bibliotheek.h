/*
 * bibliotheek — the pure rules of the knowledge base ("Bibliotheek"):
 * the kinds of item (publicatie, analyse, special, rapport, link), who may
 * read an item (openbaar: everyone; partners: signed-in users), the input
 * rules of an item, and the folded text that search matches (case and
 * diacritics ignored). API and form values are the Dutch words below; the
 * database stores the same words. No I/O.
 */
#ifndef ATLAS_DOMAIN_BIBLIOTHEEK_H
#define ATLAS_DOMAIN_BIBLIOTHEEK_H

#include "labels.h"
#include "records.h"

#include <stdbool.h>
#include <stddef.h>

extern const struct label bibliotheek_kind_labels[5];
extern const struct label bibliotheek_visibility_labels[2];

#define BIBLIOTHEEK_TITLE_MAX 200
#define BIBLIOTHEEK_SUMMARY_MAX 2000
#define BIBLIOTHEEK_URL_MAX 500
#define BIBLIOTHEEK_LICENCE_MAX 100
#define BIBLIOTHEEK_THEMES_MAX 10
#define BIBLIOTHEEK_COLLABS_MAX 20
#define BIBLIOTHEEK_ORGS_MAX 40
/* The folded search text of an item: title, summary and the names of its
 * themes and organisations (bytes). */
#define BIBLIOTHEEK_SEARCH_MAX 8000

/* An item as entered (NULL counts as ""). */
struct bibliotheek_input {
	const char *kind, *title, *url, *summary, *published_on, *licence, *visibility;
};

/*
 * Check an item: soort (one of the kinds), titel (1..200), url (http or
 * https; required for a link, else optional), samenvatting (1..2000,
 * multi-line), datum (a date YYYY-MM-DD, not after today when today is
 * given), licentie (optional, at most 100), zichtbaarheid (openbaar or
 * partners; "" counts as openbaar). Adds one Dutch message per wrong field
 * to e.
 */
void bibliotheek_check(struct field_errors *e, const struct bibliotheek_input *in,
		       const char *today);

/* May a reader see an item of visibility v? openbaar: everyone; partners:
 * signed-in readers only; anything else: nobody. */
bool bibliotheek_readable(const char *visibility, bool signed_in);

/*
 * Fold text for matching into out (n bytes, always terminated): letters
 * lower-cased, Latin-1 accented letters folded (é = e, ë = e), every run of
 * other characters one '-', with a '-' at either end so whole words can be
 * matched ("-Één rapport!" → "-een-rapport-"). Returns out.
 */
char *bibliotheek_fold(const char *text, char *out, size_t n);

/*
 * Split query into at most max folded words (each without dashes, at most
 * 60 bytes, in words[i]); returns how many. Words are separated by anything
 * that is not a letter or digit; words of one character are left out
 * (they would match nearly everything).
 */
int bibliotheek_query_words(const char *query, char words[][64], int max);

/* The Dutch label of api value v in table t (n entries), or v itself. */
const char *bibliotheek_label(const struct label *t, int n, const char *v);

#endif
