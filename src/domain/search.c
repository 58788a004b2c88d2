/*
 * search — see search.h.
 */
#include "search.h"
#include "model.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Words that name what kind of body something is, not which one. */
static const char *const kind_words[] = {
    "waterschap", "hoogheemraadschap", "gemeente",   "provincie",  "regio",
    "stichting",  "vereniging",	       "coöperatie", "cooperatie", NULL};

static bool is_kind_word(const char *w, size_t len)
{
	for (const char *const *k = kind_words; *k; k++)
		if (strlen(*k) == len && strncasecmp(w, *k, len) == 0)
			return true;
	return false;
}

static void append(char *out, size_t n, const char *letters, size_t len)
{
	size_t used = strlen(out);
	if (len < 3 || used + len + 2 > n)
		return;
	if (used)
		out[used++] = ' ';
	memcpy(out + used, letters, len);
	out[used + len] = '\0';
}

char *search_acronyms(const char *name, char *out, size_t n)
{
	if (!out || n == 0)
		return out;
	char letters[32];
	size_t k = 0;
	bool first_is_kind = false;
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	for (int word = 0; *p;) {
		while (*p && !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p >= 0x80))
			p++;
		const unsigned char *start = p;
		while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p >= 0x80 ||
		       (*p >= '0' && *p <= '9'))
			p++;
		if (p == start)
			break;
		if (*start >= 'A' && *start <= 'Z') { /* capitalised: part of the name */
			if (word == 0)
				first_is_kind =
				    is_kind_word((const char *)start, (size_t)(p - start));
			if (k + 1 < sizeof letters)
				letters[k++] = (char)*start;
			word++;
		}
	}
	letters[k] = '\0';
	append(out, n, letters, k);
	if (first_is_kind && k > 2)
		append(out, n, letters + 1, k - 1);
	return out;
}

static const struct search_synonym synonyms[] = {
    {"jeugdzorg", "jeugd", {"jeugd", "sociaal-domein", NULL}},
    {"jeugdhulp", "jeugd", {"jeugd", "sociaal-domein", NULL}},
    {"jeugdbescherming", "jeugd", {"jeugd", "sociaal-domein", NULL}},
    {"wmo", "maatschappelijke", {"sociaal-domein", NULL, NULL}},
    {"afvalinzameling", "afval", {"afval", NULL, NULL}},
    {"afvalverwerking", "afval", {"afval", NULL, NULL}},
    {"vuilnis", "afval", {"afval", NULL, NULL}},
    {"huisvuil", "afval", {"afval", NULL, NULL}},
    {"brandweer", "veiligheid", {"veiligheid", NULL, NULL}},
    {"rampenbestrijding", "veiligheid", {"veiligheid", NULL, NULL}},
    {"crisisbeheersing", "veiligheid", {"veiligheid", NULL, NULL}},
    {"ggd", "gezondheid", {"gezondheid", NULL, NULL}},
    {"volksgezondheid", "gezondheid", {"gezondheid", NULL, NULL}},
    {"bijstand", "werk", {"werk-en-inkomen", NULL, NULL}},
    {"werkvoorziening", "werk", {"werk-en-inkomen", NULL, NULL}},
    {"ov", "mobiliteit", {"mobiliteit", NULL, NULL}},
    {"verkeer", "mobiliteit", {"mobiliteit", NULL, NULL}},
    {"woningbouw", "wonen", {"ruimte-en-wonen", NULL, NULL}},
    {"archief", "erfgoed", {"cultuur-en-erfgoed", NULL, NULL}},
    {"belasting", "belastingen", {"financien-en-belastingen", NULL, NULL}},
    {"ict", "bedrijfsvoering", {"bedrijfsvoering", NULL, NULL}},
    {"vergunningverlening", "omgeving", {"milieu-en-omgeving", NULL, NULL}},
    {"energietransitie", "energie", {"energie-en-klimaat", NULL, NULL}},
};

const struct search_synonym *search_suggest(const char *query)
{
	const unsigned char *p = (const unsigned char *)(query ? query : "");
	while (*p) {
		while (*p && !SEARCH_WORD_BYTE(*p))
			p++;
		const unsigned char *start = p;
		while (SEARCH_WORD_BYTE(*p))
			p++;
		const struct search_synonym *syn =
		    search_synonym((const char *)start, (size_t)(p - start));
		if (syn)
			return syn;
	}
	return NULL;
}

const struct search_synonym *search_synonym(const char *word, size_t len)
{
	if (!word || len == 0)
		return NULL;
	for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++) {
		const char *w = synonyms[i].word;
		size_t wl = strlen(w);
		if (len == wl && strncasecmp(word, w, len) == 0)
			return &synonyms[i];
		if (len >= 5 && len < wl && strncasecmp(word, w, len) == 0)
			return &synonyms[i];
	}
	return NULL;
}

/* Does [w, w+len) equal text, case ignored, spaces around text trimmed? */
static bool same_words(const char *w, size_t len, const char *text)
{
	while (len && (*w == ' ' || *w == '\t')) {
		w++;
		len--;
	}
	while (len && (w[len - 1] == ' ' || w[len - 1] == '\t'))
		len--;
	return len > 0 && strlen(text) == len && strncasecmp(w, text, len) == 0;
}

int search_domain_hint(const struct snapshot *s, const char *query)
{
	if (!s || !query)
		return -1;
	const struct search_synonym *syn = search_suggest(query);
	for (int k = 0; syn && k < 3 && syn->domains[k]; k++) {
		int d = snapshot_find_domain(s, syn->domains[k]);
		if (d >= 0)
			return d;
	}
	size_t qlen = strlen(query);
	for (int d = 0; d < s->n_domains; d++)
		if (same_words(query, qlen, s->domains[d].name) ||
		    same_words(query, qlen, s->domains[d].key))
			return d;
	const unsigned char *p = (const unsigned char *)query;
	while (*p) {
		while (*p && !SEARCH_WORD_BYTE(*p))
			p++;
		const unsigned char *start = p;
		while (SEARCH_WORD_BYTE(*p))
			p++;
		size_t len = (size_t)(p - start);
		for (int d = 0; len >= 4 && d < s->n_domains; d++)
			if (same_words((const char *)start, len, s->domains[d].name) ||
			    same_words((const char *)start, len, s->domains[d].key))
				return d;
	}
	return -1;
}
