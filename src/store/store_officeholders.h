/*
 * store_officeholders — what the import of public office holders
 * (app/officeholders.c, the change-set table "office_holders") reads and
 * writes beyond the people store (store_people.h): the person a row means,
 * the current office or seat it describes, updates of an office's or
 * seat's dates, and the source a row rests on.
 *
 * Reads take an arena and return strings in it (never NULL). Writes run
 * inside the change-set's open batch (store_batch_begin): each is one
 * savepoint with its audit event, like every store write.
 */
#ifndef ATLAS_STORE_OFFICEHOLDERS_H
#define ATLAS_STORE_OFFICEHOLDERS_H

#include "store_people.h"

struct arena;

/* An organisation as the import checks it: found, its kind (db code) and
 * name. */
struct oh_org {
	bool found;
	const char *kind, *name;
};
int store_officeholders_org(struct store *s, struct arena *a, const char *code, struct oh_org *out);

/* A collaboration as the import checks it. */
struct oh_collab {
	bool found;
	const char *name;
	enum legal_form lf;
	enum collab_kind kind;
};
int store_officeholders_collab(struct store *s, struct arena *a, const char *key,
			       struct oh_collab *out);

/* Does organisation org take part in collaboration collab during [from,
 * to)? 1, 0, or -1 on a fault. */
int store_officeholders_participates(struct store *s, const char *collab, const char *org,
				     const char *from, const char *to);

/*
 * The person a row means: a person (not erased) named exactly name who
 * holds or held an office at, or a seat on behalf of, one of the
 * organisations orgs[0..n); the lowest id wins. *key is "" when there is
 * none (the import then creates one).
 */
int store_officeholders_person(struct store *s, struct arena *a, const char *name,
			       const char *const *orgs, int n, const char **key);

/* The current office (to_date empty or after today) of person_key at
 * org_code of kind (api value), lowest id; out->id 0 when none. */
int store_officeholders_office(struct store *s, struct arena *a, const char *person_key,
			       const char *org_code, const char *kind, const char *today,
			       struct office *out);

/* The current seat of person_key in body (api value) of collab_key on
 * behalf of org_code; out->id 0 when none. */
int store_officeholders_seat(struct store *s, struct arena *a, const char *person_key,
			     const char *collab_key, const char *body, const char *org_code,
			     const char *today, struct seat *out);

/* Set an office's start date, portfolio and acting flag (audited as an
 * update of entity "office", key "<org code>/<id>"). STORE_ERR_NOTFOUND. */
int store_officeholders_office_set(struct store *s, const struct write_ctx *w, int64_t id,
				   const char *from, const char *portfolio, bool acting);

/* Set a seat's start date (audited, entity "seat", key "<collab>/<id>"). */
int store_officeholders_seat_set(struct store *s, const struct write_ctx *w, int64_t id,
				 const char *from);

/* A source row as the import creates it. */
struct oh_source {
	const char *key, *title, *publisher, *url, *reference_date, *retrieved, *kind;
};

/* The key of the source with this key, else of the first source with
 * exactly this URL; "" when none. */
int store_officeholders_source_find(struct store *s, struct arena *a, const char *key,
				    const char *url, const char **found);

/* Insert a source (audited: entity "source", action insert). */
int store_officeholders_source_add(struct store *s, const struct write_ctx *w,
				   const struct oh_source *src);

#endif
