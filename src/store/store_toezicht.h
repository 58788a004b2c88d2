/*
 * store_toezicht — interbestuurlijk toezicht on either engine: the domains
 * and their label sets (configuration as data), the assessments per
 * organisation x domain x year and the written responses in the dialogue.
 * Module data outside the read model: indexed queries per request, no
 * journal trigger, no data-version bump. Every write is one transaction
 * with its audit event (entities ibt_domain, ibt_assessment, ibt_response;
 * they name the organisation, domain, year and status, never a text) —
 * none of them is a public history entity. Who may see or do what is
 * app/toezicht.h's business.
 */
#ifndef ATLAS_STORE_TOEZICHT_H
#define ATLAS_STORE_TOEZICHT_H

#include "store.h"
#include "store_write.h"
#include "../domain/toezicht.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct ibt_domain_row {
	int64_t id;
	const char *key, *name;
	int valid_from, valid_to; /* valid_to 0: open */
	const char *org_kinds;	  /* ';'-joined */
	const char *source_url;
	int position;
	struct ibt_label labels[IBT_LABELS_MAX]; /* levels 1..n_labels */
	int n_labels;
};

/* Every domain with its labels, by position and name. */
int store_ibt_domains(struct store *s, struct arena *a, struct ibt_domain_row **out, int *n);

/* Add a domain with its labels; STORE_ERR_CONFLICT when the key exists. */
int store_ibt_domain_add(struct store *s, const struct write_ctx *w,
			 const struct ibt_domain_row *d);
/* Change name, validity, kinds and source of the domain with d->key;
 * STORE_ERR_NOTFOUND. */
int store_ibt_domain_update(struct store *s, const struct write_ctx *w,
			    const struct ibt_domain_row *d);
/* Replace the label set of domain id; STORE_ERR_CONFLICT when an
 * assessment uses a level the new set no longer has. */
int store_ibt_labels_set(struct store *s, const struct write_ctx *w, int64_t domain_id,
			 const char *domain_key, const struct ibt_label *l, int n);

struct ibt_assessment_row {
	int64_t id;
	const char *org_code;
	int64_t domain_id;
	const char *domain_key;
	int year, level, own_level; /* own_level 0: none */
	const char *motivation, *links, *assessor, *assessed_on;
	enum ibt_status status;
	const char *established_on, *created_at, *updated_at;
	int n_responses;
};

/* An assessment to store (checked by domain/toezicht.h). */
struct ibt_assessment_new {
	const char *org_code;
	int64_t domain_id;
	const char *domain_key;
	int year, level, own_level;
	const char *motivation, *links, *assessor, *assessed_on;
};

/* STORE_ERR_CONFLICT when (org, domain, year) already has one. */
int store_ibt_assessment_add(struct store *s, const struct write_ctx *w,
			     const struct ibt_assessment_new *in, int64_t *id_out);

/* STORE_ERR_NOTFOUND. */
int store_ibt_assessment_get(struct store *s, struct arena *a, int64_t id,
			     struct ibt_assessment_row *out);

/* The assessments filter: 0 / NULL for "any"; statuses a bit mask of
 * 1 << enum ibt_status (0: none match). */
struct ibt_filter {
	int64_t domain_id;
	int year;
	const char *org_code;
	unsigned statuses;
};
#define IBT_ONLY(s) (1u << (s))

/* Matching assessments by organisation, domain position, year (newest
 * first). */
int store_ibt_assessments(struct store *s, struct arena *a, const struct ibt_filter *f,
			  struct ibt_assessment_row **out, int *n);

/* Move assessment id from status from to status to (established: today is
 * its date); STORE_ERR_NOTFOUND, STORE_ERR_CONFLICT when its status is no
 * longer from. */
int store_ibt_assessment_move(struct store *s, const struct write_ctx *w, int64_t id,
			      enum ibt_status from, enum ibt_status to);

struct ibt_response_row {
	int64_t id, assessment_id;
	const char *author, *body, *created_at;
};

/* The responses to assessment id, oldest first. */
int store_ibt_responses(struct store *s, struct arena *a, int64_t assessment_id,
			struct ibt_response_row **out, int *n);

/* Add a response while the assessment is in dialogue; STORE_ERR_CONFLICT
 * when it no longer is, STORE_ERR_NOTFOUND. */
int store_ibt_response_add(struct store *s, const struct write_ctx *w, int64_t assessment_id,
			   int64_t user_id, const char *author, const char *body, int64_t *id_out);

#endif
