/*
 * outbox — e-mail that cannot be lost: what the pages, the API, the CLI and
 * the coming modules (registration confirmations, waiting-list promotions,
 * reminders, request status mails) use to send mail, and the sender thread
 * of `atlas serve` that delivers it.
 *
 * Queueing. outbox_queue validates a message (domain/mail_address.h) and
 * writes it to the outbox table in a transaction — inside an import batch
 * (store_batch_begin … store_batch_end) a savepoint of the batch, so a
 * module that makes a change and queues its notification between
 * store_batch_begin and store_batch_end commits both or neither. Store
 * writers that queue inside their own single transaction call
 * store_outbox_insert (store_outbox.h) directly. A dedupe key makes the
 * same notification queue once.
 *
 * Sending. outbox_sender_start runs one thread that claims a due row
 * (store_outbox_claim: a lease, so a crash mid-send is retried after the
 * lease), formats it (io/mail.h), hands it to the SMTP server (io/smtp.h)
 * and marks it sent — or schedules the next attempt with exponential
 * backoff, or marks it failed after the last attempt. Delivery is at least
 * once: a crash after the server accepted a message and before it was
 * marked sent sends it again after the lease; the Message-ID is the same
 * on every attempt, so receivers can drop the duplicate
 * (docs/ARCHITECTURE.md, "The outbox"). The thread also removes the bodies
 * and addresses of sent mail after the retention period, and runs the
 * housekeeping hook (the retention of event registrations, the deadline
 * reminders of funding calls). Without an SMTP URL it sends nothing and the
 * queue waits.
 *
 * Who may see the outbox is policy_may_see_outbox (app/policy.h).
 */
#ifndef ATLAS_APP_OUTBOX_H
#define ATLAS_APP_OUTBOX_H

#include "../domain/mail_address.h"
#include "../io/smtp.h"
#include "../store/store_outbox.h"

#include <stdbool.h>
#include <stdint.h>

struct outbox_config {
	const char *smtp_url;	   /* NULL or "": no mail server, nothing is sent */
	const char *smtp_user;	   /* NULL: no AUTH */
	const char *smtp_password; /* with smtp_user; never logged */
	enum smtp_tls tls;	   /* STARTTLS policy for smtp:// */
	const char *from;	   /* the sender address (required with smtp_url) */
	const char *from_name;	   /* the sender's display name, may be NULL */
	int64_t retry_base_ms;	   /* wait after the first failure (default 60 000) */
	int64_t retry_max_ms;	   /* longest wait between attempts (default 3 600 000) */
	int max_attempts;	   /* attempts before "mislukt" (default 8) */
	int retention_days;	   /* bodies and addresses of sent mail kept this long (30) */
	int poll_ms;		   /* idle check for due mail (default 2 000) */
	int lease_s;		   /* a claim's lease (default 300); one send must end in it */
	/* Run by the sender thread at start and every ten minutes with the
	 * pruning of old mail (the retention of other personal data, periodic
	 * reminders), or NULL. */
	void (*housekeeping)(struct store *s);
};

/* The defaults above into c (no SMTP). */
void outbox_config_defaults(struct outbox_config *c);

/*
 * Queue message m as user/process w. Returns STORE_OK (*id_out the row,
 * *duplicate when the dedupe key was queued before and nothing new was
 * written), STORE_ERR_INVALID with e filled, or another store error.
 * e, id_out and duplicate may not be NULL.
 */
int outbox_queue(struct store *s, const struct write_ctx *w, const struct mail_message *m,
		 int64_t *id_out, bool *duplicate, struct field_errors *e);

/* Queue the operator's test message (`atlas mail test --to ADDRESS`) to
 * address `to` (display name name, may be NULL); as outbox_queue. */
int outbox_queue_test(struct store *s, const struct write_ctx *w, const char *to, const char *name,
		      int64_t *id_out, struct field_errors *e);

/*
 * Start the sender thread with configuration c (copied), on the store of
 * store_thread(). Call once, with SIGINT/SIGTERM blocked (the thread
 * inherits the mask). Returns 0 or -1 (logged). Without an SMTP URL the
 * thread only prunes old bodies.
 */
int outbox_sender_start(const struct outbox_config *c);
/* Stop and join the sender: a send in progress is aborted and its row
 * given back untried. A no-op when it is not running. */
void outbox_sender_stop(void);
/* Wake the sender now (a message was queued or retried in this process). */
void outbox_wake(void);
/* Is a mail server configured in this process? */
bool outbox_smtp_configured(void);

/* The Dutch word for a status code ("wachtrij", "bezig", "verzonden",
 * "mislukt"), and the code of a word (NULL when unknown). */
const char *outbox_status_word(const char *code);
const char *outbox_status_code(const char *word);

/* Staff: queue failed row id again, as user/process w; wakes the sender.
 * Store codes as store_outbox_retry. */
int outbox_retry(struct store *s, const struct write_ctx *w, int64_t id);

#endif
