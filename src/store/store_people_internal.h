/*
 * store_people_internal — what the people store files (store_person.c,
 * store_membership.c, store_roles.c, store_phases.c, store_agreements.c)
 * share and nobody else uses: lookups of the organisation, collaboration
 * and person a write refers to, and the organisation-end rule of a dated
 * membership. Private to src/store/.
 */
#ifndef ATLAS_STORE_PEOPLE_INTERNAL_H
#define ATLAS_STORE_PEOPLE_INTERNAL_H

#include "store_people.h"

#include <stdio.h>

/* Longest key base made from a name (characters). */
#define KEY_BASE_MAX 70
/* Copy src (NULL as "") into the array dst, cut to its size. */
#define CPY(dst, src) snprintf((dst), sizeof(dst), "%s", field_nz(src))

struct org_info {
	int64_t id;
	char code[81], name[801], valid_to[11]; /* name: 200 code points of up to 4 bytes */
	bool ended;
};

/* Look up an organisation by code: STORE_OK, STORE_ERR_NOTFOUND or STORE_ERR. */
int store_org_lookup(struct store *s, const char *code, struct org_info *o);

struct collab_info {
	int64_t id;
	char key[81], name[801], end_date[11]; /* name: 200 code points of up to 4 bytes */
	enum legal_form lf;
	enum collab_kind kind;
};

/* Look up a collaboration by key: STORE_OK, STORE_ERR_NOTFOUND or STORE_ERR. */
int store_collab_lookup(struct store *s, const char *key, struct collab_info *c);

/*
 * An office or seat on behalf of an organisation that ended may not start on
 * or after its end, not run past it and not stay open. Errors on "van",
 * "tot" or org_field.
 */
void store_check_org_end(struct field_errors *e, const char *org_field, const struct org_info *o,
			 const char *from, const char *to);

/* 1 when organisation org_id takes part in collaboration collab_id during
 * [from, to) (open ends), 0 when not, -1 on a fault. */
int store_participates(struct store *s, int64_t collab_id, int64_t org_id, const char *from,
		       const char *to);

/* The audit image of an office (malloc'd JSON text; "waarnemend" only when
 * acting). */
char *store_office_image(const char *person_key, const char *org_code, const char *kind,
			 bool acting, const char *portfolio, const char *from, const char *to);

/* A person by key for a write (an erased person gets an error on
 * "persoon"); its strings in arena a. STORE_ERR_NOTFOUND when absent. */
int store_person_for_write(struct store *s, struct arena *a, const char *key, struct person *p,
			   struct field_errors *e);

#endif
