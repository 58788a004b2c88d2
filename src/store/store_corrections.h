/*
 * store_corrections — the review queue of proposed corrections ("Meld wat
 * niet klopt", table `correction` of migration 7): a proposal for one field
 * of a collaboration, organisation or participation, by a signed-in user or
 * an anonymous visitor, open until a reviewer accepts or rejects it.
 *
 * Proposals are module data read per request by index; they never enter
 * the registry snapshot, the reply cache, search, exports or feeds. The
 * audit events they write (entity "correction", the proposal's id as key)
 * carry neither the e-mail address nor the client key nor the proposal's
 * text; the public history pages leave the entity out. A proposal does not
 * bump the data version (nothing public changes); accepting one does,
 * through the registry edit it applies.
 *
 * The e-mail address is kept only to ask an anonymous proposer questions:
 * handling a proposal clears it (set to ''). ticket is the digest
 * (lib/secret.h) of the random status-link token shown once to the
 * proposer; client_key the digest of the proposer's address or account,
 * for rate limits.
 */
#ifndef ATLAS_STORE_CORRECTIONS_H
#define ATLAS_STORE_CORRECTIONS_H

#include "store.h"
#include "store_provenance.h"
#include "store_write.h"

#include <stdint.h>

struct arena;

struct correction_input {
	const char *ticket;	    /* digest of the status-link token (unique) */
	const char *entity;	    /* "collaboration", "organisation", "participation" */
	const char *entity_key;	    /* key, code, or "<collab key>/<participation id>" */
	const char *field;	    /* the Dutch field name ("fase", "naam", …) */
	const char *current_value;  /* the value when proposed */
	const char *proposed_value; /* validated by the caller */
	const char *source_url;	    /* http(s) URL or "" */
	const char *comment;
	const char *email; /* anonymous proposers only, or "" */
	int64_t user_id;   /* the signed-in proposer, 0 = anonymous */
	const char *client_key;
};

struct correction_row {
	int64_t id, user_id;
	const char *entity, *entity_key, *field, *current_value, *proposed_value;
	const char *source_url, *comment, *email, *status, *reason;
	const char *created_at, *handled_at, *handled_by;
	const char *proposer; /* the signed-in proposer's user name, or "" */
};

/* A new open proposal in one transaction with its audit event (action
 * insert; no e-mail, client key or text in it). *id_out gets its id. */
int store_correction_create(struct store *s, const struct write_ctx *w,
			    const struct correction_input *in, int64_t *id_out);

/* Proposals with status "open" (open true, oldest first) or handled ones
 * (accepted or rejected, newest handled first), at most limit, in arena a. */
int store_corrections_list(struct store *s, struct arena *a, bool open, int limit,
			   struct correction_row **out, int *n);

/* The proposals of user_id, newest first, at most limit. */
int store_corrections_of_user(struct store *s, struct arena *a, int64_t user_id, int limit,
			      struct correction_row **out, int *n);

/* One proposal by id / by ticket digest; STORE_ERR_NOTFOUND when absent. */
int store_correction_get(struct store *s, struct arena *a, int64_t id, struct correction_row *out);
int store_correction_by_ticket(struct store *s, struct arena *a, const char *ticket,
			       struct correction_row *out);

/*
 * Handle open proposal id: status "accepted" or "rejected" with reason,
 * handled_at now, handled_by w's actor, the e-mail address cleared; with
 * prov (may be NULL) the provenance row of the applied value; one audit
 * event. One transaction — or a savepoint inside a batch (store_batch_begin),
 * so an accept can commit the edit and the status together.
 * STORE_ERR_CONFLICT when the proposal is no longer open,
 * STORE_ERR_NOTFOUND when absent.
 */
int store_correction_handle(struct store *s, const struct write_ctx *w, int64_t id,
			    const char *status, const char *reason,
			    const struct provenance_input *prov);

/* Proposals by client_key created at or after since (ISO UTC timestamp). */
int store_corrections_count_client(struct store *s, const char *client_key, const char *since,
				   int *n);
/* Open proposals about one record (entity, entity_key). */
int store_corrections_count_open(struct store *s, const char *entity, const char *entity_key,
				 int *n);

#endif
