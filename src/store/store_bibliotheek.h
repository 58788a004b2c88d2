/*
 * store_bibliotheek — the knowledge base's items (publications, analyses,
 * specials, reports, links) with their themes, related collaborations and
 * related organisations, on either engine. Outside the read model: indexed
 * queries per request. Every write is one transaction with its audit event
 * (naming the item, its organisation, kind and visibility; never the text)
 * and bumps the data version, because public items show on the cached
 * organisation and collaboration pages. Who may see or do what is
 * app/bibliotheek.h's business.
 */
#ifndef ATLAS_STORE_BIBLIOTHEEK_H
#define ATLAS_STORE_BIBLIOTHEEK_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct publication_row {
	int64_t id;
	const char *kind, *title, *url, *summary, *published_on, *licence, *org_code, *visibility;
	int64_t created_by; /* 0 when the account is gone */
	int64_t version;
	const char *created_at, *updated_at;
	const char **themes; /* beleidsdomein keys */
	int n_themes;
	const char **collabs; /* collaboration keys */
	int n_collabs;
	const char **orgs; /* related organisation codes */
	int n_orgs;
};

/* An item to write; search_text is its folded text (domain/bibliotheek.h). */
struct publication_new {
	const char *kind, *title, *url, *summary, *published_on, *licence, *org_code, *visibility;
	const char *search_text;
	int64_t created_by;
	const char *const *themes;
	int n_themes;
	const char *const *collabs;
	int n_collabs;
	const char *const *orgs;
	int n_orgs;
};

#define PUBLICATION_QUERY_WORDS 5

/* Which items a list shows. NULL / 0: any. */
struct publication_filter {
	bool signed_in;	  /* false: only openbaar items */
	const char *kind; /* soort */
	const char *theme;
	const char *org;    /* owned by or related to this organisation */
	const char *collab; /* related to this collaboration */
	/* folded query words (domain/bibliotheek.h); each must start a word of
	 * the item's search text */
	const char (*words)[64];
	int n_words;
	int limit, offset;
};

int store_publication_add(struct store *s, const struct write_ctx *w,
			  const struct publication_new *in, int64_t *id_out);

/* Replace item id's fields and links (in->created_by is ignored).
 * expected_version 0: any; else STORE_ERR_CONFLICT when the item has
 * another version (a negative one always conflicts: a form without one). STORE_ERR_NOTFOUND when it
 * is gone. */
int store_publication_update(struct store *s, const struct write_ctx *w, int64_t id,
			     int64_t expected_version, const struct publication_new *in);

/* Remove item id with its links; STORE_ERR_NOTFOUND when it is gone. */
int store_publication_delete(struct store *s, const struct write_ctx *w, int64_t id);

/* One item with its links; STORE_ERR_NOTFOUND. */
int store_publication_get(struct store *s, struct arena *a, int64_t id,
			  struct publication_row *out);

/* The items that match f, newest first (date, then id), with their links;
 * *total how many match in all. */
int store_publications(struct store *s, struct arena *a, const struct publication_filter *f,
		       struct publication_row **out, int *n, int *total);

#endif
