/*
 * store_subsidiekansen — funding calls and the partners' "interesse" marks
 * on either engine. Module data outside the read model: indexed queries
 * per request, no journal trigger, no data-version bump. Every write is one
 * transaction with its audit event (naming the call, its programme and
 * deadline, or the organisation of a mark; never a note or a user). Who
 * may see or do what is app/subsidiekansen.h's business.
 */
#ifndef ATLAS_STORE_SUBSIDIEKANSEN_H
#define ATLAS_STORE_SUBSIDIEKANSEN_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct funding_call_row {
	int64_t id;
	const char *programme, *title, *url, *opens_on, *deadline;
	const char *themes; /* ';'-joined policy-domain keys */
	const char *eligible;
	int64_t budget;	 /* cents, -1 when unknown */
	int cofinancing; /* percent, -1 when unknown */
	const char *description, *status_note;
	int64_t version;
	const char *created_at, *updated_at;
	int interests; /* organisations that marked interest */
};

/* A call to store: budget -1 / cofinancing -1 for unknown. */
struct funding_call_new {
	const char *programme, *title, *url, *opens_on, *deadline, *themes, *eligible, *description,
	    *status_note;
	int64_t budget;
	int cofinancing;
};

/* One organisation's mark; user and note are for province staff. */
struct funding_interest_row {
	int64_t id, call_id;
	const char *org_code;
	const char *user; /* display name or username; "" when the account is gone */
	const char *note, *created_at;
};

int store_funding_call_add(struct store *s, const struct write_ctx *w,
			   const struct funding_call_new *in, int64_t *id_out);

/* Change call id when its version is still expected_version (then +1);
 * STORE_ERR_NOTFOUND, STORE_ERR_CONFLICT when the version moved on. */
int store_funding_call_update(struct store *s, const struct write_ctx *w, int64_t id,
			      int64_t expected_version, const struct funding_call_new *in);

/* One call with its interest count; STORE_ERR_NOTFOUND. */
int store_funding_call_get(struct store *s, struct arena *a, int64_t id,
			   struct funding_call_row *out);

/* Every call (at most limit) with its interest count, by deadline. */
int store_funding_calls(struct store *s, struct arena *a, int limit, struct funding_call_row **out,
			int *n);

/* The marks on call id, by organisation code. */
int store_funding_interests(struct store *s, struct arena *a, int64_t call_id,
			    struct funding_interest_row **out, int *n);

/* Organisation org_code marks interest in call id (user_id the editor);
 * STORE_ERR_CONFLICT when it already has. */
int store_funding_interest_add(struct store *s, const struct write_ctx *w, int64_t call_id,
			       const char *org_code, int64_t user_id, const char *note);

/* Withdraw org_code's mark on call id; STORE_ERR_NOTFOUND when none. */
int store_funding_interest_remove(struct store *s, const struct write_ctx *w, int64_t call_id,
				  const char *org_code);

#endif
