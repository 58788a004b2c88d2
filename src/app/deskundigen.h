/*
 * deskundigen — "Wie weet wat": colleagues at the partners who agreed to be
 * found for their knowledge (programme line 3, "een gemeente vindt de
 * collega die het probleem al oploste"). What pages and API share: who may
 * see the list (policy_may_see_experts: signed-in users only), searching it
 * (themes and words, case-insensitive), and a user's own listing, which
 * only that user writes — with consent, recorded — and removes at once.
 * Deliberately not here: rendering (pages/, api/), SQL (store/).
 */
#ifndef ATLAS_APP_DESKUNDIGEN_H
#define ATLAS_APP_DESKUNDIGEN_H

#include "../domain/deskundigen.h"
#include "../domain/model.h"
#include "../store/store_auth.h"
#include "../store/store_deskundigen.h"

struct arena;

enum ex_outcome {
	EX_OK,
	EX_INVALID,   /* field errors in e */
	EX_FORBIDDEN, /* not signed in */
	EX_NOTFOUND,  /* no listing */
	EX_FAILED,    /* the store failed */
};

/* The listings matching q (words, NULL = all) and theme (a key, NULL =
 * any), for u. Organisation names from s count for q. */
enum ex_outcome deskundigen_search(struct store *st, struct arena *a, const struct snapshot *s,
				   const struct user *u, const char *q, const char *theme,
				   struct expert_row **out, int *n);
/* u's own listing (EX_NOTFOUND when none). */
enum ex_outcome deskundigen_mine(struct store *st, struct arena *a, const struct user *u,
				 struct expert_row *out);
/* Save u's listing from in (checked against the themes of s) through via. */
enum ex_outcome deskundigen_save(struct store *st, struct arena *a, const struct snapshot *s,
				 const struct user *u, const char *via,
				 const struct expert_input *in, struct field_errors *e);
/* Remove u's listing now. */
enum ex_outcome deskundigen_remove(struct store *st, const struct user *u, const char *via);

/* Is key a beleidsdomein of s? */
bool deskundigen_theme_known(const struct snapshot *s, const char *key);

/* The themes of a listing (its ";"-joined keys) as an array in a. */
int deskundigen_theme_keys(struct arena *a, const char *themes, const char ***out);

#endif
