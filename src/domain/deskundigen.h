/*
 * deskundigen — the rules of an experts' listing ("Wie weet wat"): what a
 * listing may hold and that it needs consent. Pure: no store, no I/O.
 */
#ifndef ATLAS_DOMAIN_DESKUNDIGEN_H
#define ATLAS_DOMAIN_DESKUNDIGEN_H

#include "records.h"

#include <stdbool.h>

#define EXPERT_EXPERTISE_MAX 1000 /* characters of the description of expertise */
#define EXPERT_KEYWORDS_MAX 300
#define EXPERT_CONTACT_MAX 300
#define EXPERT_THEMES_MAX 12

/* A listing as entered: expertise (required), keywords and contact (how to
 * reach the expert) free text, themes beleidsdomein keys, consent the box
 * "ik geef toestemming" ticked. */
struct expert_input {
	const char *expertise, *keywords, *contact;
	const char *const *themes;
	int n_themes;
	bool consent;
};

/*
 * Check in; errors in e by field ("expertise", "trefwoorden", "contact",
 * "themas", "toestemming"). known(key) tells whether a theme key exists.
 */
void deskundige_check(struct field_errors *e, const struct expert_input *in,
		      bool (*known)(const char *key, const void *ctx), const void *ctx);

/* Does text (expertise, keywords, name) match the query q? Case-insensitive
 * on ASCII, every word of q must occur; an empty q matches. */
bool deskundige_matches(const char *q, const char *const *texts, int n);

#endif
