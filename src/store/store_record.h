/*
 * store_record — the generic record of the registry writers
 * (store_write.c: collaborations, participations, organisations): field
 * tables, a record as text values in API form, loading it, its audit JSON
 * image, and the lookups those writers share (row exists, the user-input
 * source, keeping the search index in step). Private to src/store/.
 */
#ifndef ATLAS_STORE_RECORD_H
#define ATLAS_STORE_RECORD_H

#include "store_internal.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

#define REC_MAX 20
#define USER_SOURCE_KEY "invoer-gebruiker"

enum ftype { FT_STR, FT_INT, FT_REAL };

struct fspec {
	const char *name; /* Dutch API name, the key in the audit JSON */
	enum ftype type;
	const struct label *t; /* enumeration stored as db code, held as api value */
	int tn;
};

struct rec {
	int64_t id, version;
	int64_t ref[2];	   /* participation: collaboration id, organisation id */
	bool same_domains; /* collaboration update: beleidsdomeinen unchanged, not rewritten */
	char *key;	   /* entity_key of the audit trail */
	char *v[REC_MAX];
	const struct fspec *spec;
	int n;
};

enum collab_field {
	CF_NAME,
	CF_SHORT,
	CF_KIND,
	CF_LF,
	CF_POW,
	CF_DOMAINS,
	CF_PHASE,
	CF_PURPOSE,
	CF_SEAT,
	CF_START,
	CF_END,
	CF_WEB,
	CF_SOURCE,
	CF_CONFIRMED,
	CF_CONFIRMED_BY,
	CF_NOTE,
	CF_N
};

enum part_field {
	PF_COLLAB,
	PF_ORG,
	PF_ORG_NAME,
	PF_BODY,
	PF_ROLE,
	PF_COST,
	PF_CONTRIB,
	PF_JOINED,
	PF_LEFT,
	PF_SOURCE,
	PF_CONFIRMED,
	PF_CONFIRMED_BY,
	PF_NOTE,
	PF_N
};

enum org_field {
	OF_NAME,
	OF_POP,
	OF_POP_DATE,
	OF_AREA,
	OF_CONFIRMED,
	OF_CONFIRMED_BY,
	OF_NOTE,
	OF_N
};

extern const struct fspec store_collab_spec[CF_N];
extern const char store_collab_select[];
extern const struct fspec store_part_spec[PF_N];
extern const char store_part_select[];
extern const struct fspec store_org_spec[OF_N];
extern const char store_org_select[];

/* An empty record of n fields described by spec; release with
 * store_rec_free (which frees the values and the key). */
void store_rec_init(struct rec *r, const struct fspec *spec, int n);
void store_rec_free(struct rec *r);
/* Field i = a copy of v (NULL as ""); v may point into r itself. */
void store_rec_set(struct rec *r, int i, const char *v);

/*
 * Column i as text, the same on both engines: NULL is "", integers in
 * decimal, reals as SQLite's CAST(x AS TEXT) writes them (15 significant
 * digits, always with a decimal point: "12.0", "1.0e+20"). tmp holds it.
 */
const char *store_rec_field_text(db_stmt *st, int i, char tmp[48]);

/*
 * Load one record: sql selects id, version, entity key, the spec's fields
 * in order and nref reference ids; bound to key (text) or, when key is
 * NULL, to id. STORE_ERR_NOTFOUND when absent.
 */
int store_rec_load(struct store *s, const char *sql, const char *key, int64_t id,
		   const struct fspec *spec, int n, int nref, struct rec *r);

/* The audit image of r as compact JSON (caller frees). */
char *store_rec_image(const struct rec *r);

/* True when the query (one text parameter, or an int when text is NULL)
 * returns a row; -1 on error. */
int store_row_exists(struct store *s, const char *sql, const char *text, int64_t id);

/* The id of the source for user input, created on first use. */
int store_user_source(struct store *s, const char *today);

/* Keep the full-text index in step with one collaboration / organisation. */
int store_reindex(struct store *s, char kind, const char *old_key, int64_t id);

#endif
