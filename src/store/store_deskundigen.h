/*
 * store_deskundigen — experts' listings ("Wie weet wat") on either engine.
 * A listing belongs to one user account (unique), is written only by that
 * user, with the moment consent was given, and is deleted at once when the
 * user removes it (no copy kept: the audit event names the listing's id,
 * never its text). Module data outside the registry snapshot; every read is
 * one indexed query. Listings of disabled accounts are not listed.
 */
#ifndef ATLAS_STORE_DESKUNDIGEN_H
#define ATLAS_STORE_DESKUNDIGEN_H

#include "store.h"
#include "store_write.h"

#include <stdint.h>

struct arena;

struct expert_row {
	int64_t id, user_id;
	const char *name;     /* the account's display name (its user name when empty) */
	const char *org_code; /* the account's organisation at listing time, "" */
	const char *expertise, *keywords, *contact;
	const char *themes; /* ";"-joined beleidsdomein keys, "" */
	const char *consent_at, *updated_at;
};

/* The values of a listing (already checked: domain/deskundigen.h). themes
 * ";"-joined. */
struct expert_values {
	const char *org_code, *expertise, *keywords, *contact, *themes;
};

/* Every listing of an active account, by name; with theme (a key, NULL =
 * any) only those with that theme. */
int store_experts(struct store *s, struct arena *a, const char *theme, struct expert_row **out,
		  int *n);
/* The listing of user_id; STORE_ERR_NOTFOUND when none. */
int store_expert_of_user(struct store *s, struct arena *a, int64_t user_id, struct expert_row *out);
/* Create or replace the listing of user_id (consent stamped now); *id_out. */
int store_expert_save(struct store *s, const struct write_ctx *w, int64_t user_id,
		      const struct expert_values *v, int64_t *id_out);
/* Delete the listing of user_id; STORE_ERR_NOTFOUND when none. */
int store_expert_remove(struct store *s, const struct write_ctx *w, int64_t user_id);

#endif
