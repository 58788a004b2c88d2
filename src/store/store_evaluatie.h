/*
 * store_evaluatie — measuring the programme on either engine: the
 * versioned item bank (survey_item), rounds with their organisations,
 * collaborations and ordered items, single-use response links (only the
 * digest of a token), drafts and the anonymous responses.
 *
 * Anonymity by construction. A draft (survey_draft) is tied to its link
 * until submission; store_ev_submit checks the link is unused, writes the
 * answers as new responses with a random id (not in submission order; on
 * SQLite the tables have no rowid), the date only, the target group and
 * organisation kind, deletes the draft and marks the link used, all in one
 * transaction. No column, no audit event and no log line joins a response
 * to a link: audit events of drafts and submissions name the round only.
 * Module data read per request, outside the snapshot (no data-version
 * bump). Who may do what is app/evaluatie.h's business.
 */
#ifndef ATLAS_STORE_EVALUATIE_H
#define ATLAS_STORE_EVALUATIE_H

#include "store.h"
#include "store_write.h"
#include "../domain/mail_address.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct ev_item_row {
	int64_t id;
	const char *item_key;
	int version;
	const char *block, *kind, *scope, *text, *options, *source;
	bool required, proposal;
	int position;
	int64_t superseded_by; /* 0: the current version */
	bool used;	       /* in a round: frozen */
	const char *created_at;
};

struct ev_item_new {
	const char *block, *kind, *scope, *text, *options, *source;
	bool required;
};

struct ev_round_row {
	int64_t id;
	const char *name, *starts_on, *ends_on, *groups, *status;
	bool released;
	const char *created_at, *updated_at;
	const char **orgs; /* organisation codes */
	int n_orgs;
	const char **collabs; /* collaboration keys */
	int n_collabs;
	int64_t *items; /* item ids in questionnaire order */
	int n_items;
};

struct ev_round_new {
	const char *name, *starts_on, *ends_on, *groups;
	const char *const *orgs;
	int n_orgs;
	const char *const *collabs;
	int n_collabs;
	const int64_t *items;
	int n_items;
};

struct ev_link_row {
	int64_t id, round_id;
	const char *target_group, *org_code;
	bool used;
	const char *draft; /* the saved answers (form encoded), "" when none */
};

/* Links of a round per target group and organisation. */
struct ev_link_count {
	const char *target_group, *org_code;
	int total, used;
};

/* One link to create: its token's digest, and the mail that carries it
 * (mail.to NULL: no mail; then mail_token is ignored). */
struct ev_link_new {
	const char *digest;
	struct mail_message mail;
	const char *mail_token;
};

/* One answer of a submission. */
struct ev_answer {
	int64_t item_id;
	const char *sub; /* "" or the option / party.perspective it is about */
	int num;	 /* the scale value or option; -1: none (open text) */
	const char *text;
};

/* One part of a submission: the general block (collab_key "") or the block
 * of one collaboration, stored as a response of its own. */
struct ev_part {
	const char *collab_key;
	const struct ev_answer *answers;
	int n_answers;
};

/* One count of the results: how many answers had value num (or how many
 * respondents answered, with num -1) for item / collab / sub in a target
 * group and organisation kind. */
struct ev_count {
	int64_t item_id;
	const char *collab_key, *sub, *target_group, *org_kind;
	int num, n;
};

struct ev_open_answer {
	int64_t item_id;
	const char *collab_key, *text;
};

/* ---- the item bank ---- */
int store_ev_items(struct store *s, struct arena *a, struct ev_item_row **out, int *n);
int store_ev_item_get(struct store *s, struct arena *a, int64_t id, struct ev_item_row *out);
/* A new item (supersedes 0), or a new version of item supersedes (which
 * must be the current version: else STORE_ERR_CONFLICT). */
int store_ev_item_add(struct store *s, const struct write_ctx *w, const struct ev_item_new *in,
		      int64_t supersedes, int64_t *id_out);
/* Change item id in place: only when it is in no round and is the current
 * version (else STORE_ERR_CONFLICT). */
int store_ev_item_update(struct store *s, const struct write_ctx *w, int64_t id,
			 const struct ev_item_new *in);

/* ---- rounds ---- */
int store_ev_rounds(struct store *s, struct arena *a, struct ev_round_row **out, int *n);
int store_ev_round_get(struct store *s, struct arena *a, int64_t id, struct ev_round_row *out);
int store_ev_round_add(struct store *s, const struct write_ctx *w, const struct ev_round_new *in,
		       int64_t *id_out);
/* Move round id from status from to status to; STORE_ERR_CONFLICT when it
 * is not in from. */
int store_ev_round_move(struct store *s, const struct write_ctx *w, int64_t id, const char *from,
			const char *to);
/* Release (or withdraw) the aggregates of round id. */
int store_ev_round_release(struct store *s, const struct write_ctx *w, int64_t id, bool released);

/* ---- links ---- */
/* Create links[0..n) for round id, target group and organisation, with
 * their mail (store_outbox_insert), in one transaction. */
int store_ev_links_add(struct store *s, const struct write_ctx *w, int64_t round_id,
		       const char *target_group, const char *org_code,
		       const struct ev_link_new *links, int n);
int store_ev_link_counts(struct store *s, struct arena *a, int64_t round_id,
			 struct ev_link_count **out, int *n);
/* The link with token digest, with its draft; STORE_ERR_NOTFOUND. */
int store_ev_link_by_digest(struct store *s, struct arena *a, const char *digest,
			    struct ev_link_row *out);
/* Save the draft of unused link link_id (form encoded answers);
 * STORE_ERR_CONFLICT when the link was used meanwhile. */
int store_ev_draft_save(struct store *s, const struct write_ctx *w, int64_t link_id,
			int64_t round_id, const char *answers);
/*
 * Submit: with the link still unused, write parts[0..n) as responses
 * (random ids from ids[0..n), dated today, with target group and org
 * kind), delete the draft and mark the link used, with one audit event
 * naming the round only. STORE_ERR_CONFLICT when the link was used.
 */
int store_ev_submit(struct store *s, const struct write_ctx *w, int64_t link_id, int64_t round_id,
		    const char *target_group, const char *org_kind, const char *today,
		    const struct ev_part *parts, const char *const *ids, int n);

/* ---- results ---- */
/* The counts of round id: per item, collaboration, sub, target group and
 * organisation kind the number of respondents (num -1) and the number per
 * value. */
int store_ev_counts(struct store *s, struct arena *a, int64_t round_id, struct ev_count **out,
		    int *n);
/* The open answers of round id (staff only), in random order. */
int store_ev_open_answers(struct store *s, struct arena *a, int64_t round_id,
			  struct ev_open_answer **out, int *n);
/* How many responses (general blocks) round id has. */
int store_ev_response_count(struct store *s, int64_t round_id, int *n);

#endif
