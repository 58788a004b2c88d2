/*
 * subsidiekansen — funding calls (EU and Rijk "subsidiekansen"), shared by
 * the pages (pages/subsidiekansen.c) and the API (api/api_subsidiekansen.c).
 *
 * Province staff (accounthouder and up) record calls: programme, title,
 * link, opening date and deadline, themes (the registry's policy domains),
 * who may apply, budget, co-financing rate, description. Everyone reads the
 * list (open calls by deadline, then upcoming, then closed ones — past
 * calls are kept) and a call's page. A partner editor marks "interesse"
 * for their own organisation and withdraws it; province staff see which
 * organisations marked interest, by whom and with what note, to bundle
 * applications; everyone else sees the count only. A call recorded after
 * its deadline needs a status note (domain/subsidiekansen.h).
 *
 * Deadline reminders: a mark asks for them (the default) or not. The sweep
 * (subsidiekansen_remind: the outbox's housekeeping tick every ten minutes,
 * and `atlas herinneringen`) queues for each mark that asked the one
 * reminder due today (domain funding_reminder_due; lead times from
 * ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN, default "14,3") to the address
 * of the account that made the mark, under the dedupe key
 * subsidiekans-<call>-<organisation>-<lead>-<deadline>, so however often it
 * runs, on however many instances, each is queued once.
 *
 * Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_SUBSIDIEKANSEN_H
#define ATLAS_APP_SUBSIDIEKANSEN_H

#include "../domain/model.h"
#include "../domain/records.h"
#include "../domain/subsidiekansen.h"
#include "../store/store_auth.h"
#include "../store/store_subsidiekansen.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

enum fc_outcome {
	FC_OK,
	FC_INVALID,   /* e has a Dutch message per field */
	FC_NOTFOUND,  /* no such call */
	FC_FORBIDDEN, /* u may not do this */
	FC_STALE,     /* the call changed meanwhile (version) */
	FC_TWICE,     /* the organisation already marked interest */
	FC_NONE,      /* no interest to withdraw */
	FC_FAILED,
};

/* A Dutch sentence for a refusal or conflict outcome. */
const char *subsidiekansen_message(enum fc_outcome o);

/* The calls that match f on today, in list order (domain funding_compare). */
enum fc_outcome subsidiekansen_list(struct store *st, struct arena *a,
				    const struct funding_filter *f, const char *today,
				    struct funding_call_row **out, int *n);

enum fc_outcome subsidiekansen_get(struct store *st, struct arena *a, int64_t id,
				   struct funding_call_row *out);

/* What reader u may do with and see of a call. */
struct funding_view {
	bool may_manage;    /* edit the call */
	bool may_mark;	    /* mark or withdraw interest for own_org */
	bool marked;	    /* own_org has marked interest */
	bool see_interests; /* interests[] is filled (province staff) */
	const char *own_org;
	bool marked_remind; /* own_org's mark asked for reminders */
	struct funding_interest_row *interests;
	int n_interests;
	struct funding_reminder_row *reminders; /* with interests: queued reminders */
	int n_reminders;
};
enum fc_outcome subsidiekansen_view(struct store *st, struct arena *a, const struct snapshot *s,
				    const struct user *u, const struct funding_call_row *c,
				    struct funding_view *v);

/* A call as entered; themes ';'-joined policy-domain keys (themas). */
struct funding_form {
	struct funding_input in;
	const char *themes;
};

enum fc_outcome subsidiekansen_create(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *via,
				      const struct funding_form *f, struct field_errors *e,
				      int64_t *id);

/* Change call id; expected_version the version the editor started from. */
enum fc_outcome subsidiekansen_update(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *via, int64_t id,
				      int64_t expected_version, const struct funding_form *f,
				      struct field_errors *e);

/* u's organisation marks interest in call id, with an optional note
 * (toelichting) for province staff, and reminders before the deadline or
 * not (remind). */
enum fc_outcome subsidiekansen_mark(struct store *st, struct arena *a, const struct snapshot *s,
				    const struct user *u, const char *via, int64_t id,
				    const char *note, bool remind, struct field_errors *e);

/* u's organisation withdraws its interest in call id. */
enum fc_outcome subsidiekansen_withdraw(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const char *via, int64_t id);

/* The Dutch names of a call's themes, ", "-joined (unknown keys as such). */
const char *subsidiekansen_theme_names(struct arena *a, const struct snapshot *s,
				       const char *themes);

/* ---- deadline reminders */

/* The environment variable with the lead times. */
#define SUBSIDIEKANSEN_LEADS_ENV "ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN"

/* Set the lead times from spec ("14,3"; NULL or "" the default). False,
 * with a Dutch message in err, when spec is malformed; the lead times are
 * then unchanged. Call before any thread starts. */
bool subsidiekansen_reminders_configure(const char *spec, char *err, size_t errlen);

/* The lead times as set, largest first, in Dutch ("30, 14 en 3"). */
const char *subsidiekansen_reminder_days(void);

/* Queue the reminders due on today (YYYY-MM-DD) in one transaction with
 * one audit event; *queued the number of new mails. STORE_OK or
 * STORE_ERR. */
int subsidiekansen_remind(struct store *st, const char *today, int *queued);

/* The sweep for the outbox's housekeeping tick (errors logged). */
void subsidiekansen_housekeeping(struct store *st);

#endif
