/*
 * store_subsidiekansen — funding calls and the partners' "interesse" marks
 * on either engine. Module data outside the read model: indexed queries
 * per request, no journal trigger, no data-version bump. Every write is one
 * transaction with its audit event (naming the call, its programme and
 * deadline, or the organisation of a mark; never a note or a user). Who
 * may see or do what is app/subsidiekansen.h's business.
 *
 * Deadline reminders (migration 22): a mark asks for them or not
 * (funding_interest.remind); each reminder queued is a row of
 * funding_reminder pointing at its outbox row. Withdrawing a mark, or
 * moving a call's deadline, withdraws the reminders no sender has claimed
 * yet in the same transaction (the outbox row goes, funding_reminder keeps
 * the fact with outbox_id NULL).
 */
#ifndef ATLAS_STORE_SUBSIDIEKANSEN_H
#define ATLAS_STORE_SUBSIDIEKANSEN_H

#include "../domain/mail_address.h"
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
	bool remind; /* the organisation asked for deadline reminders */
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

/* Organisation org_code marks interest in call id (user_id the editor),
 * with reminders before the deadline or not (remind); STORE_ERR_CONFLICT
 * when it already has. */
int store_funding_interest_add(struct store *s, const struct write_ctx *w, int64_t call_id,
			       const char *org_code, int64_t user_id, const char *note,
			       bool remind);

/* Withdraw org_code's mark on call id, and its reminders no sender has
 * claimed yet; STORE_ERR_NOTFOUND when none. */
int store_funding_interest_remove(struct store *s, const struct write_ctx *w, int64_t call_id,
				  const char *org_code);

/* ---- deadline reminders */

/* A mark that may get a reminder: it asked for one, the account that made
 * it is enabled, has an address and still belongs to the organisation (so
 * the organisation's note never goes to someone who moved on), the call's
 * deadline lies in the window. email and name are the account's (for the
 * outbox only). */
struct funding_reminder_candidate {
	int64_t call_id;
	const char *org_code, *title, *programme, *url, *deadline, *note;
	const char *email, *name;
	const char *org_name; /* the organisation's name */
};

/* The marks whose call has a deadline from `from` up to `to` (YYYY-MM-DD,
 * both included), by call and organisation. */
int store_funding_reminder_candidates(struct store *s, struct arena *a, const char *from,
				      const char *to, struct funding_reminder_candidate **out,
				      int *n);

/* One reminder to queue: msg (validated by the caller, with its dedupe
 * key) and the outbox token; the call, organisation, lead time and
 * deadline it is for. */
struct funding_reminder_new {
	int64_t call_id;
	const char *org_code, *deadline;
	int lead_days;
	struct mail_message msg;
	const char *token;
};

/*
 * Queue reminders in[0..n-1] in one transaction: each goes into the outbox
 * (store_outbox_insert; one whose dedupe key is there already — sent, or
 * queued by another run or instance — is skipped) and into
 * funding_reminder; then one audit event (action insert, entity
 * funding_reminder, key "herinneringen", the number queued) when any was.
 * *queued the number of new mails. STORE_ERR rolls everything back.
 */
int store_funding_reminders_queue(struct store *s, const struct write_ctx *w,
				  const struct funding_reminder_new *in, int n, int *queued);

/* A reminder of a call, for province staff: organisation, lead time, the
 * deadline it was for, when it was queued, and its outbox status ("" when
 * withdrawn) and time sent. No address. */
struct funding_reminder_row {
	int64_t id;
	const char *org_code, *deadline, *queued_at, *status, *sent_at;
	int lead_days;
};

/* The reminders of call id, newest first. */
int store_funding_reminders(struct store *s, struct arena *a, int64_t call_id,
			    struct funding_reminder_row **out, int *n);

#endif
