/*
 * store_persoonsgegevens — the personal data the atlas holds about someone
 * who is not in the people registry, found by e-mail address, and its
 * erasure: event registrations (name, address, organisation), the address
 * a correction's proposer left, and mail in the outbox. Also the erasure
 * rules for event registrations the events module applies: at a guest's
 * cancellation and after an event plus the retention period.
 *
 * Every erasure is one transaction with one audit event (action 'erase',
 * entity 'persoonsgegevens' or 'event_registration') that counts what was
 * erased and never names the address. Addresses are compared without
 * regard to case.
 */
#ifndef ATLAS_STORE_PERSOONSGEGEVENS_H
#define ATLAS_STORE_PERSOONSGEGEVENS_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

/* A registration held under an address (or an account's name). */
struct personal_registration {
	int64_t id, event_id;
	const char *event_title, *starts_at, *ends_at;
	const char *name, *email, *organisation, *status, *created_at;
	bool show_name;
	bool account; /* made by a signed-in user */
};

/* A correction proposal that left the address for an answer. */
struct personal_correction {
	int64_t id;
	const char *entity, *entity_key, *field, *status, *created_at;
};

/* A message to the address in the outbox. */
struct personal_mail {
	int64_t id;
	const char *kind, *subject, *status, *created_at, *sent_at;
	bool pruned; /* its text was removed after the retention period */
};

struct personal_data {
	struct personal_registration *registrations;
	int n_registrations;
	struct personal_correction *corrections;
	int n_corrections;
	struct personal_mail *mail;
	int n_mail;
	int n_listings; /* "Wie weet wat" listings of accounts with the address */
};

/* What an erasure changed. */
struct personal_erased {
	int registrations, corrections, mail, listings;
};

/* Everything held under address email (rows in arena a). */
int store_personal_data_find(struct store *s, struct arena *a, const char *email,
			     struct personal_data *out);
/*
 * Erase everything held under email in one transaction: registrations lose
 * name, address, organisation and tokens (status and event stay, so places
 * and attendance still count); the correction forgets the address; queued
 * mail to it is withdrawn, sent or failed mail loses address, name and text;
 * the experts' listings of accounts with the address are deleted.
 * One audit event with the counts, as actor w.
 */
int store_personal_data_erase(struct store *s, const struct write_ctx *w, const char *email,
			      struct personal_erased *out);

/*
 * The registrations of events a person's address holds, for the person
 * export (store_person.c): as store_personal_data_find's registrations.
 */
int store_personal_registrations(struct store *s, struct arena *a, const char *email,
				 struct personal_registration **out, int *n);
/* Inside the person erasure's transaction: erase the registrations under
 * email and delete the experts' listings of accounts with it (no audit
 * event of its own); *n the number of registrations erased. */
int store_personal_registrations_erase_in(struct store *s, const char *email, int *n);

/*
 * A guest cancelled registration id: its name, address and organisation are
 * erased (the cancel token's digest stays, so the link used again says it
 * was used). A savepoint with its own audit event inside a batch.
 */
int store_registration_erase(struct store *s, const struct write_ctx *w, int64_t id);

/*
 * The retention sweep: registrations of events that ended before
 * ended_before (local wall-clock time jjjj-mm-ddTuu:mm) are erased,
 * unconfirmed registrations whose link expired before expired_before (ISO
 * UTC) are removed, and the client digests kept for the rate limit are
 * cleared on registrations made before expired_before. One transaction, one
 * audit event when anything changed; the counts in *erased and *removed.
 */
int store_registrations_sweep(struct store *s, const struct write_ctx *w, const char *ended_before,
			      const char *expired_before, int *erased, int *removed);

#endif
