/*
 * search — pure rules that make search find what users type: the
 * abbreviations of a name ("Waterschap Amstel, Gooi en Vecht" → "WAGV AGV"),
 * and a small table of words users type for a policy field that the
 * registry calls otherwise ("jeugdzorg" → "jeugd", beleidsdomein
 * Sociaal domein). The index itself and the query are store/store_search.c;
 * the suggestion "Bedoelt u het beleidsdomein …?" is pages/search.c and
 * api/api_search.c.
 */
#ifndef ATLAS_DOMAIN_SEARCH_H
#define ATLAS_DOMAIN_SEARCH_H

#include <stddef.h>

/*
 * Append to out (n bytes, always terminated) the abbreviations of name: the
 * initials of its capitalised words (lower-case words such as "en", "van"
 * are skipped), and the same without a leading kind word (Waterschap,
 * Hoogheemraadschap, Gemeente, Provincie, Regio, Stichting …), separated
 * by spaces. "Hoogheemraadschap De Stichtse
 * Rijnlanden" gives "HDSR DSR"; abbreviations of fewer than three letters
 * are left out. Returns out.
 */
char *search_acronyms(const char *name, char *out, size_t n);

/* A word users type and what the registry says instead. */
struct search_synonym {
	const char *word;	/* the typed word, lower-case ASCII ("jeugdzorg") */
	const char *instead;	/* the word searched as well ("jeugd") */
	const char *domains[3]; /* beleidsdomein keys to suggest, first existing wins */
};

/* The synonym for one typed word (compared without case; the word may be a
 * prefix of the table's word of at least 5 letters, as users type), or
 * NULL. */
const struct search_synonym *search_synonym(const char *word, size_t len);

/* The first word of query that has a synonym, or NULL. Words are what the
 * store's query takes: runs of SEARCH_WORD_BYTE. */
const struct search_synonym *search_suggest(const char *query);

/* A byte of a search word: ASCII letters and digits, and every byte of a
 * UTF-8 sequence (letters beyond ASCII). */
#define SEARCH_WORD_BYTE(c)                                                                        \
	((c) >= 0x80 || ((c) >= '0' && (c) <= '9') || (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z'))

struct snapshot;

/*
 * The beleidsdomein a query points at, as an index into s->domains, or -1:
 * the domain of the first word with a synonym (the first of its keys that
 * exists), else a domain whose key or name equals the whole query or one
 * of its words (case ignored). For "Bedoelt u het beleidsdomein …?".
 */
int search_domain_hint(const struct snapshot *s, const char *query);

#endif
