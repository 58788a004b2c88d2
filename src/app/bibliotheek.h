/*
 * bibliotheek — the knowledge base ("Bibliotheek", /kennis/bibliotheek),
 * shared by the pages (pages/bibliotheek.c) and the API
 * (api/api_bibliotheek.c).
 *
 * Publications, analyses, specials, reports and links, each owned by an
 * organisation, with themes (beleidsdomeinen), related collaborations and
 * organisations (gemeenten), a date, a licence and a summary. Any
 * signed-in editor of an organisation adds items of their own organisation
 * and edits or removes them; programme staff manage every item (policy.h,
 * section "knowledge base"). Items are public unless marked "partners":
 * those are read by signed-in users only, and never reach anonymous pages,
 * the API without a token, search for anonymous visitors, or a cached
 * reply. Search matches the folded text of an item (case and diacritics
 * ignored, domain/bibliotheek.h) per request.
 *
 * Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_BIBLIOTHEEK_H
#define ATLAS_APP_BIBLIOTHEEK_H

#include "../domain/bibliotheek.h"
#include "../domain/model.h"
#include "../domain/records.h"
#include "../store/store_auth.h"
#include "../store/store_bibliotheek.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

enum bib_outcome {
	BIB_OK,
	BIB_INVALID,   /* e has a Dutch message per field */
	BIB_NOTFOUND,  /* no such item, or one u may not see */
	BIB_FORBIDDEN, /* u may see it but not do this */
	BIB_CONFLICT,  /* the item changed meanwhile */
	BIB_FAILED,
};

/* A list as asked for; NULL or "": any. */
struct bibliotheek_query {
	const char *kind, *theme, *org, *collab, *q;
	int page, page_size; /* page from 1 */
};

/* The items u may read that match q, newest first; *total in all. */
int bibliotheek_list(struct store *st, struct arena *a, const struct user *u,
		     const struct bibliotheek_query *q, struct publication_row **out, int *n,
		     int *total);

/* Item id if u may read it. */
enum bib_outcome bibliotheek_get(struct store *st, struct arena *a, const struct user *u,
				 int64_t id, struct publication_row *out);

/* The newest public items owned by or related to organisation code, or
 * related to collaboration key (for their pages: public only, because
 * those pages are cached for anonymous visitors). */
int bibliotheek_for_org(struct store *st, struct arena *a, const char *code, int limit,
			struct publication_row **out, int *n, int *total);
int bibliotheek_for_collab(struct store *st, struct arena *a, const char *key, int limit,
			   struct publication_row **out, int *n, int *total);

/* An item as entered. */
struct bibliotheek_form {
	const char *org_code; /* the owner; NULL or "": u's own organisation */
	struct bibliotheek_input in;
	const char *const *themes; /* beleidsdomein keys */
	int n_themes;
	const char *const *collabs; /* collaboration keys */
	int n_collabs;
	const char *const *orgs; /* related organisation codes */
	int n_orgs;
	int64_t version; /* an edit: the version it started from (0: any) */
};

/* Add an item (id 0) or replace item id; *id_out the item's id. Checks the
 * input (domain/bibliotheek.h) and that every theme, collaboration and
 * organisation exists in s. */
enum bib_outcome bibliotheek_save(struct store *st, struct arena *a, const struct snapshot *s,
				  const struct user *u, const char *via, int64_t id,
				  const struct bibliotheek_form *f, struct field_errors *e,
				  int64_t *id_out);

/* Remove item id. */
enum bib_outcome bibliotheek_delete(struct store *st, struct arena *a, const struct user *u,
				    const char *via, int64_t id);

/* May u edit or remove item r? */
bool bibliotheek_may_edit(const struct user *u, const struct publication_row *r);

/* The form of existing item r (to change some fields of it). */
void bibliotheek_form_of(const struct publication_row *r, struct bibliotheek_form *f);

#endif
