/*
 * persoonsgegevens — requests about personal data of people outside the
 * people registry (AVG articles 15 and 17): what the atlas holds under an
 * e-mail address (a guest's event registrations, the address a correction's
 * proposer left, mail in the outbox), as a page, as JSON, and its erasure;
 * plus the retention of event registrations: a guest's name and address go
 * when the guest cancels, everyone's when the event ended longer ago than
 * the retention period (ATLAS_BIJEENKOMSTEN_BEWAARTERMIJN_DAGEN, default
 * 90), unconfirmed registrations when their link has expired.
 *
 * Only administrators (policy_may_handle_personal_data) look up and erase;
 * the audit trail records that it happened and what it counted, never the
 * address. People in the registry are exported and erased on their own
 * page (store_person_export_by, store_person_erase), which include the
 * registrations under the person's address.
 */
#ifndef ATLAS_APP_PERSOONSGEGEVENS_H
#define ATLAS_APP_PERSOONSGEGEVENS_H

#include "../store/store_auth.h"
#include "../store/store_persoonsgegevens.h"

struct arena;

enum pd_outcome {
	PD_OK,
	PD_INVALID,   /* not an e-mail address (field "email" in e) */
	PD_FORBIDDEN, /* not an administrator */
	PD_FAILED,    /* the store failed */
};

/* The name shown for a registration: its name, or "Gewiste deelnemer"
 * after an erasure. */
const char *persoonsgegevens_shown_name(const char *name);

/* Everything held under email, for u. */
enum pd_outcome persoonsgegevens_find(struct store *st, struct arena *a, const struct user *u,
				      const char *email, struct personal_data *out,
				      struct field_errors *e);
/* Erase it all as u through via ("web", "api"); *out what was erased. */
enum pd_outcome persoonsgegevens_erase(struct store *st, const struct user *u, const char *via,
				       const char *email, struct personal_erased *out,
				       struct field_errors *e);

/* The retention period in days (ATLAS_BIJEENKOMSTEN_BEWAARTERMIJN_DAGEN). */
int persoonsgegevens_retention_days(void);
/*
 * Apply the retention rules now: erase the registrations of events that
 * ended more than the retention period ago, remove unconfirmed ones whose
 * link expired, clear old rate-limit digests. Logs what it did (counts
 * only). STORE_OK or STORE_ERR.
 */
int persoonsgegevens_sweep(struct store *st, int *erased, int *removed);
/* The sweep for the outbox's housekeeping tick (errors logged). */
void persoonsgegevens_housekeeping(struct store *st);

#endif
