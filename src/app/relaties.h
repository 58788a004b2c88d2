/*
 * relaties — "Relatie en ontmoeten": the accounthouders of every partner,
 * the contact log, signals ("hick-ups" in collaborations) and follow-ups,
 * shared by the pages (pages/relaties*.c) and the API (api/api_relaties.c).
 *
 * Who sees what (the access rules are policy.h's "relations" section and
 * are applied here to every record): province staff — every enabled user
 * with the role accounthouder or higher — see and write everything; a
 * partner editor sees only the records of their own organisation that are
 * shared with the partner (confidentiality "partner"), never "intern"
 * ones, and writes nothing; anonymous visitors see nothing. None of these
 * records is public: no anonymous page, export, search, feed or history
 * shows them (the audit events name only the record and its organisation).
 *
 * Partners are the gemeenten in the province and the waterschappen whose
 * area reaches into it (relaties_is_partner), not ended. The records live outside the read model:
 * every call is a few indexed queries.
 *
 * Takes plain values (store, snapshot, user, strings); renders nothing.
 */
#ifndef ATLAS_APP_RELATIES_H
#define ATLAS_APP_RELATIES_H

#include "../domain/model.h"
#include "../domain/records.h"
#include "../domain/relaties.h"
#include "../store/store_auth.h"
#include "../store/store_relaties.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

/* The default of "no contact for more than N months" (ATLAS_RELATIES_STIL_MAANDEN). */
#define RELATIES_QUIET_MONTHS 6

/* The configured number of months without contact that flags a partner. */
int relaties_quiet_months(void);

/* Is organisation oi of s a partner: a gemeente in the province or a
 * waterschap whose area reaches into it (the water-board layer of
 * data/geo), not ended? */
bool relaties_is_partner(const struct snapshot *s, int oi);

/* One row of the overview. */
struct relation_overview_row {
	int org;				    /* snapshot index */
	const struct account_manager_row *managers; /* current ones */
	int n_managers;
	const char *last_contact; /* "" when none */
	int open_signals, open_follow_ups, overdue_follow_ups;
	bool quiet; /* no contact for more than relaties_quiet_months() */
};

enum relaties_outcome {
	REL_OK,
	REL_INVALID,   /* e has a Dutch message per field */
	REL_NOTFOUND,  /* no such record, or one u may not know of */
	REL_FORBIDDEN, /* u may see it but not do this */
	REL_CONFLICT,  /* already in that state */
	REL_FAILED,    /* a store fault */
};

/* The overview of every partner for province staff, in name order; quiet_only: just
 * the partners flagged quiet. REL_FORBIDDEN for other users. */
enum relaties_outcome relaties_overview(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, bool quiet_only,
					struct relation_overview_row **out, int *n);

/* Everything about partner org_code that u may see. */
struct relation_partner {
	int org;
	struct account_manager_row *managers; /* current and former */
	int n_managers;
	struct contact_row *contacts;
	int n_contacts;
	struct signal_row *signals;
	int n_signals;
	struct follow_up_row *follow_ups;
	int n_follow_ups;
	const char *last_contact;
	bool quiet;
	bool partner_view; /* u sees only what is shared with the partner */
	bool may_write;	   /* u may add contacts, signals, follow-ups */
	bool may_assign;   /* u may assign and end accounthouders */
};
enum relaties_outcome relaties_partner(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, const char *org_code,
				       struct relation_partner *out);

/* The current accounthouders of organisation org_code, for any signed-in
 * user of that organisation or province staff (the organisation page's
 * "Uw accounthouder"); *n = 0 for everyone else. */
int relaties_managers_for(struct store *st, struct arena *a, const struct snapshot *s,
			  const struct user *u, const char *org_code,
			  struct account_manager_row **out, int *n);

/* Open signals about collaboration collab_key that u may see (province
 * staff only; *n = 0 for everyone else). */
int relaties_signals_for_collab(struct store *st, struct arena *a, const struct user *u,
				const char *collab_key, struct signal_row **out, int *n);

/* The users who may be accounthouder or own a follow-up: enabled, role
 * accounthouder or higher, in username order. */
int relaties_staff_users(struct store *st, struct arena *a, struct user **out, int *n);

/* ---- writes: each validates, checks u, writes one transaction with its audit event ---- */

/* A contact moment as entered. Links: organisation codes, collaboration
 * keys, beleidsdomein keys (each must exist in s) and the keys of the people
 * who took part (each must be in the people registry). */
struct relaties_contact_form {
	const char *held_on, *kind, *subject, *summary, *confidentiality;
	const char *const *orgs, *const *collabs, *const *domains, *const *people;
	int n_orgs, n_collabs, n_domains, n_people;
	int64_t event_id; /* 0: none; else the event it came from (app/bijeenkomsten_verslag.h) */
};
enum relaties_outcome relaties_add_contact(struct store *st, struct arena *a,
					   const struct snapshot *s, const struct user *u,
					   const char *via, const char *org_code,
					   const struct relaties_contact_form *f,
					   struct field_errors *e, int64_t *id);

/* The people who hold an office at organisation org_code today (the
 * choices for a contact moment's participants), by name; keys and names in
 * arena a. */
int relaties_people_of(struct store *st, struct arena *a, const char *org_code, const char ***keys,
		       const char ***names, int *n);

/* The name of person key as u may see it ("Onbekende persoon" when erased
 * or not visible), in arena a. */
const char *relaties_person_name(struct store *st, struct arena *a, const struct user *u,
				 const char *key);

struct relaties_signal_form {
	const char *collab_key; /* "" or NULL: not about one collaboration */
	const char *title, *description, *severity, *confidentiality;
};
enum relaties_outcome relaties_add_signal(struct store *st, const struct snapshot *s,
					  const struct user *u, const char *via,
					  const char *org_code,
					  const struct relaties_signal_form *f,
					  struct field_errors *e, int64_t *id);
/* New status of signal id (error field "status"); *org_out its partner. */
enum relaties_outcome relaties_set_signal_status(struct store *st, struct arena *a,
						 const struct user *u, const char *via, int64_t id,
						 const char *status, struct field_errors *e,
						 const char **org_out);

/* A new follow-up queues a reminder mail to its owner (when the owner has
 * an e-mail address) for 07:00 UTC the day before the due date, in the same
 * transaction (app/outbox.h); its link starts with siteinfo_public_url(). */
struct relaties_follow_up_form {
	const char *title, *owner, *due_date, *confidentiality; /* owner: a username */
	int64_t contact_id;					/* 0: none */
};
enum relaties_outcome relaties_add_follow_up(struct store *st, struct arena *a,
					     const struct snapshot *s, const struct user *u,
					     const char *via, const char *org_code,
					     const struct relaties_follow_up_form *f,
					     struct field_errors *e, int64_t *id);
/* New status of follow-up id: "afgerond" withdraws its reminder mail if
 * it has not been sent; "open" queues it again (once) when the due date has
 * not passed. */
enum relaties_outcome relaties_set_follow_up_status(struct store *st, struct arena *a,
						    const struct snapshot *s, const struct user *u,
						    const char *via, int64_t id, const char *status,
						    struct field_errors *e, const char **org_out);

/* Make user `username` accounthouder of org_code from start (YYYY-MM-DD;
 * "" = today). Error fields "gebruiker", "begindatum". */
enum relaties_outcome relaties_assign_manager(struct store *st, struct arena *a,
					      const struct snapshot *s, const struct user *u,
					      const char *via, const char *org_code,
					      const char *username, const char *start,
					      struct field_errors *e);
/* End assignment id today. *org_out its partner. */
enum relaties_outcome relaties_end_manager(struct store *st, struct arena *a, const struct user *u,
					   const char *via, int64_t id, const char **org_out);

#endif
