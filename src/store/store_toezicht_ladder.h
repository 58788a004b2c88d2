/*
 * store_toezicht_ladder — the intervention ladder (with the parallel track
 * of schorsing/vernietiging), its agreements and the dialogue log of
 * interbestuurlijk toezicht on either engine (migration 24: ibt_ladder,
 * ibt_agreement, ibt_dialogue). Module data outside the read model, read
 * per request. Every write is one transaction with its audit event
 * (entities ibt_ladder, ibt_agreement, ibt_dialogue; organisation, domain,
 * track, step or status, never a text); none is a public history entity.
 * Who may see or do what is app/toezicht_ladder.h's business.
 */
#ifndef ATLAS_STORE_TOEZICHT_LADDER_H
#define ATLAS_STORE_TOEZICHT_LADDER_H

#include "store.h"
#include "store_write.h"
#include "../domain/toezicht_ladder.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct ibt_ladder_row {
	int64_t id;
	const char *org_code;
	int64_t domain_id;
	const char *domain_key;
	enum ibt_track track;
	int step;					      /* 1..5; 0 on the crown track */
	const char *subject, *reason, *started_on, *ended_on; /* ended_on "": open */
	const char *recorded_by, *created_at;
	int n_agreements;
};

/* The filter: 0 / NULL for "any". public_only keeps the public records
 * (ibt_record_public); open_only the records without an end date. */
struct ibt_ladder_filter {
	const char *org_code;
	int64_t domain_id;
	bool public_only, open_only;
};

/* Matching records by organisation, domain position, start date (newest
 * first). */
int store_ibt_ladder(struct store *s, struct arena *a, const struct ibt_ladder_filter *f,
		     struct ibt_ladder_row **out, int *n);
/* STORE_ERR_NOTFOUND. */
int store_ibt_ladder_get(struct store *s, struct arena *a, int64_t id, struct ibt_ladder_row *out);

/* The current (open) ladder record of org x domain: STORE_OK with *out, or
 * STORE_ERR_NOTFOUND when the organisation has no step in that domain. */
int store_ibt_ladder_current(struct store *s, struct arena *a, const char *org_code,
			     int64_t domain_id, struct ibt_ladder_row *out);

/* A record to store (checked by domain/toezicht_ladder.h). */
struct ibt_ladder_new {
	const char *org_code;
	int64_t domain_id;
	const char *domain_key;
	enum ibt_track track;
	int step;
	const char *subject, *reason, *started_on, *recorded_by;
};

/* Add a record. On the ladder, the current record (expected step
 * expect_current, 0: none) ends on the new one's start date, in the same
 * transaction; STORE_ERR_CONFLICT when the current step is no longer
 * expect_current. */
int store_ibt_ladder_add(struct store *s, const struct write_ctx *w,
			 const struct ibt_ladder_new *in, int expect_current, int64_t *id_out);

/* End open record id on ended_on; STORE_ERR_NOTFOUND, STORE_ERR_CONFLICT
 * when it has ended meanwhile. */
int store_ibt_ladder_end(struct store *s, const struct write_ctx *w, int64_t id,
			 const char *ended_on);

struct ibt_agreement_row {
	int64_t id, ladder_id;
	const char *action, *owner, *due_on;
	enum ibt_agreement_status status;
	const char *created_at, *updated_at;
};

/* The agreements of record ladder_id, by due date. */
int store_ibt_agreements(struct store *s, struct arena *a, int64_t ladder_id,
			 struct ibt_agreement_row **out, int *n);
int store_ibt_agreement_get(struct store *s, struct arena *a, int64_t id,
			    struct ibt_agreement_row *out);

struct ibt_agreement_new {
	const char *action, *owner, *due_on;
	enum ibt_agreement_status status;
};
/* Add to record ladder_id; STORE_ERR_NOTFOUND. */
int store_ibt_agreement_add(struct store *s, const struct write_ctx *w, int64_t ladder_id,
			    const struct ibt_agreement_new *in, int64_t *id_out);
/* Replace the fields of agreement id; STORE_ERR_NOTFOUND. */
int store_ibt_agreement_update(struct store *s, const struct write_ctx *w, int64_t id,
			       const struct ibt_agreement_new *in);

struct ibt_dialogue_row {
	int64_t id;
	const char *org_code;
	int64_t domain_id; /* 0: all domains */
	const char *domain_key;
	enum ibt_dialogue_kind kind;
	const char *held_on, *subject, *participants, *reviewers, *report_url, *notes;
	bool shared;
	const char *recorded_by, *created_at;
};

/* The filter: NULL / 0 for "any"; shared_only keeps the gedeeld records. */
struct ibt_dialogue_filter {
	const char *org_code;
	int64_t domain_id;
	bool shared_only;
};
/* Matching records, newest first. */
int store_ibt_dialogues(struct store *s, struct arena *a, const struct ibt_dialogue_filter *f,
			struct ibt_dialogue_row **out, int *n);

struct ibt_dialogue_new {
	const char *org_code;
	int64_t domain_id; /* 0: none */
	const char *domain_key;
	enum ibt_dialogue_kind kind;
	const char *held_on, *subject, *participants, *reviewers, *report_url, *notes;
	bool shared;
	const char *recorded_by;
};
int store_ibt_dialogue_add(struct store *s, const struct write_ctx *w,
			   const struct ibt_dialogue_new *in, int64_t *id_out);

#endif
