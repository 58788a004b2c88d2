/*
 * store_outbox — the outbox of e-mail that cannot be lost (table `outbox`):
 * a message is written here in the same transaction as the change it
 * reports, and a sender thread (app/outbox.h) delivers it later over SMTP.
 *
 * A row's life: queued → sending (claimed by one sender with a random claim
 * token and a lease) → sent; or back to queued with a later not_before
 * after a temporary failure; or failed after the last attempt or a
 * permanent refusal (staff may queue it again). A sender that crashed
 * mid-send leaves its row in sending until the lease has passed; the next
 * claim takes it again. Claiming is one UPDATE … RETURNING on both engines
 * (PostgreSQL: the candidate row is locked FOR UPDATE SKIP LOCKED), so two
 * senders never hold one row; a sender whose lease was taken over cannot
 * mark the row (its token no longer matches).
 *
 * Status codes in the table: queued, sending, sent, failed (Dutch words on
 * page and API: wachtrij, bezig, verzonden, mislukt). Timestamps are ISO
 * UTC with milliseconds (YYYY-MM-DDTHH:MM:SS.sssZ), compared as text; the
 * caller passes "now" so the schedule is testable.
 *
 * The outbox holds personal data (addresses, names, text): it never enters
 * the snapshot, search, exports, feeds or the public history; its audit
 * events (entity "outbox") name the row and kind only, no address.
 */
#ifndef ATLAS_STORE_OUTBOX_H
#define ATLAS_STORE_OUTBOX_H

#include "store.h"
#include "store_write.h"
#include "../domain/mail_address.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct outbox_row {
	int64_t id;
	const char *kind;
	const char *dedupe_key; /* "" when none */
	const char *to_address, *to_name, *subject, *body;
	const char *token;  /* stable random token: the Message-ID's local part */
	const char *status; /* queued | sending | sent | failed */
	int attempts;	    /* delivery attempts started */
	const char *not_before, *lease_until, *last_error, *created_at, *sent_at;
	bool pruned; /* the body was removed after the retention period */
};

/* Counts per status, for the page. */
struct outbox_counts {
	int queued, sending, sent, failed;
};

/*
 * Insert m (validated by the caller: domain/mail_address.h) as a queued
 * row with the given token, INSIDE THE CALLER'S OPEN WRITE TRANSACTION: a
 * store writer's own store_tx_begin … commit, or an import batch
 * (store_batch_begin), so the message commits together with the change it
 * reports, or not at all. STORE_ERR when no transaction is open. With a
 * dedupe key that is already in the outbox nothing is inserted:
 * *duplicate is set and *id_out is the existing row's id. No audit event.
 */
int store_outbox_insert(struct store *s, const struct mail_message *m, const char *token,
			int64_t *id_out, bool *duplicate);

/*
 * store_outbox_insert in a transaction of its own (a savepoint inside an
 * import batch) with an audit event (action insert, entity "outbox", the
 * row's id; only the kind in it) unless it was a duplicate.
 */
int store_outbox_queue(struct store *s, const struct write_ctx *w, const struct mail_message *m,
		       const char *token, int64_t *id_out, bool *duplicate);

/*
 * Claim the next due row: queued with not_before <= now, or sending with a
 * lease that ended before now (its sender crashed). Sets status sending,
 * claim token `claim`, lease_until, attempts + 1, and reads the row into
 * *out (strings in arena a). STORE_ERR_NOTFOUND when nothing is due.
 */
int store_outbox_claim(struct store *s, struct arena *a, const char *now, const char *lease_until,
		       const char *claim, struct outbox_row *out);

/* The claimed row id was accepted by the server: status sent at `now`.
 * STORE_ERR_CONFLICT when the claim was lost (the lease ran out and
 * another sender took the row). */
int store_outbox_sent(struct store *s, int64_t id, const char *claim, const char *now);

/*
 * The attempt on claimed row id failed with error: back to queued until
 * next_at, or failed when permanent or when attempts reached
 * max_attempts. *failed tells which. STORE_ERR_CONFLICT when the claim was
 * lost.
 */
int store_outbox_failed(struct store *s, int64_t id, const char *claim, const char *next_at,
			int max_attempts, bool permanent, const char *error, bool *failed);

/* Give a claimed row back untried (shutting down mid-send): queued, due at
 * once, the attempt not counted. */
int store_outbox_release(struct store *s, int64_t id, const char *claim);

/*
 * Staff: queue failed row id again (attempts 0, due at once), with an
 * audit event. STORE_ERR_NOTFOUND when absent, STORE_ERR_CONFLICT when it
 * is not failed.
 */
int store_outbox_retry(struct store *s, const struct write_ctx *w, int64_t id);

/*
 * Withdraw the message queued under dedupe_key that no sender has claimed
 * yet (a reminder whose reason is gone), in a transaction of its own — a
 * savepoint inside an import batch, so it commits with the change that
 * made it moot. *withdrawn tells whether there was one. A message being
 * sent or already sent stays.
 */
int store_outbox_withdraw(struct store *s, const char *dedupe_key, bool *withdrawn);

/* Rows with status (NULL: every status), newest first, at most limit, in
 * arena a. */
int store_outbox_list(struct store *s, struct arena *a, const char *status, int limit,
		      struct outbox_row **out, int *n);
/* One row by id; STORE_ERR_NOTFOUND when absent. */
int store_outbox_get(struct store *s, struct arena *a, int64_t id, struct outbox_row *out);
/* Rows per status. */
int store_outbox_count(struct store *s, struct outbox_counts *out);

/* Remove the bodies, addresses and names of mail sent before `before`
 * (the retention period); *n gets the number of rows pruned. */
int store_outbox_prune(struct store *s, const char *before, int *n);

#endif
