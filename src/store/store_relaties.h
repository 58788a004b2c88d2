/*
 * store_relaties — the records of the relations module on either engine:
 * accounthouders per partner organisation, the contact log (contact moments
 * with their links to organisations, collaborations, beleidsdomeinen and
 * people), signals and follow-ups. Outside the read model: every list is
 * one indexed query per request. Every write is one transaction with its
 * audit event; the audit event names the record, never its text (the
 * records are confidential). Who may see or write what is app/relaties.h's
 * business, not the store's: the list functions take the filter the app
 * layer chose (partner_only: only records shared with the partner).
 */
#ifndef ATLAS_STORE_RELATIES_H
#define ATLAS_STORE_RELATIES_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct account_manager_row {
	int64_t id;
	const char *org_code;
	int64_t user_id;
	const char *username, *display_name;
	const char *start_date, *end_date; /* end_date "" while open */
};

/* A link of a contact moment: kind "organisatie", "samenwerkingsverband",
 * "beleidsdomein" or "persoon" and the record's key/code. */
struct contact_link {
	const char *kind, *ref;
};

struct contact_row {
	int64_t id;
	const char *org_code, *held_on, *kind, *subject, *summary, *confidentiality;
	const char *created_by, *created_at;
	int64_t event_id; /* 0: none; else the event it came from */
	struct contact_link *links;
	int n_links;
};

struct signal_row {
	int64_t id;
	const char *org_code, *collab_key, *title, *description, *severity, *status;
	const char *confidentiality, *created_by, *created_at, *updated_at;
};

struct follow_up_row {
	int64_t id;
	const char *org_code;
	int64_t contact_id; /* 0: none */
	const char *title;
	int64_t owner_id;
	const char *owner_username, *owner_name;
	const char *due_date, *status, *confidentiality, *created_by, *created_at;
};

/* One partner's figures for the overview: the newest contact date ("" if
 * none), open signals (open or in behandeling) and open follow-ups. */
struct relation_figures {
	const char *org_code;
	const char *last_contact;
	int open_signals, open_follow_ups, overdue_follow_ups;
};

/* ---- accounthouders ------------------------------------------------------ */

/* The assignments of org_code (NULL: of every organisation), open ones
 * first, then by start date, newest first. current_on (YYYY-MM-DD or NULL):
 * only the assignments running on that date. */
int store_account_managers(struct store *s, struct arena *a, const char *org_code,
			   const char *current_on, struct account_manager_row **out, int *n);
int store_account_manager_add(struct store *s, const struct write_ctx *w, const char *org_code,
			      int64_t user_id, const char *start_date, int64_t *id_out);
/* End assignment id on end_date; STORE_ERR_NOTFOUND, STORE_ERR_CONFLICT
 * when it has ended already. *org_out (arena a) its organisation, when
 * found. */
int store_account_manager_end(struct store *s, struct arena *a, const struct write_ctx *w,
			      int64_t id, const char *end_date, const char **org_out);

/* ---- contact log ------------------------------------------------------------ */

struct contact_input {
	const char *org_code, *held_on, *kind, *subject, *summary, *confidentiality;
	const struct contact_link *links;
	int n_links;
	int64_t event_id; /* 0: none; else the event it came from (bijeenkomsten) */
};
int store_contact_add(struct store *s, const struct write_ctx *w, const struct contact_input *in,
		      int64_t *id_out);
/* The contact moments of org_code, newest first, at most limit, with their
 * links; partner_only: only those shared with the partner. */
int store_contacts(struct store *s, struct arena *a, const char *org_code, bool partner_only,
		   int limit, struct contact_row **out, int *n);
int store_contact_get(struct store *s, struct arena *a, int64_t id, struct contact_row *out);

/* ---- signals ----------------------------------------------------------------- */

struct signal_input {
	const char *org_code, *collab_key, *title, *description, *severity, *confidentiality;
};
int store_signal_add(struct store *s, const struct write_ctx *w, const struct signal_input *in,
		     int64_t *id_out);
int store_signal_get(struct store *s, struct arena *a, int64_t id, struct signal_row *out);
/* STORE_ERR_CONFLICT when the status already is status. */
int store_signal_set_status(struct store *s, const struct write_ctx *w, int64_t id,
			    const char *status);
/* Signals of org_code and/or collab_key (NULL: any), open_only: status
 * open or in_behandeling; newest first. */
int store_signals(struct store *s, struct arena *a, const char *org_code, const char *collab_key,
		  bool open_only, bool partner_only, int limit, struct signal_row **out, int *n);

/* ---- follow-ups ------------------------------------------------------------------ */

struct follow_up_input {
	const char *org_code, *title, *due_date, *confidentiality;
	int64_t owner_id, contact_id; /* contact_id 0: none */
};
int store_follow_up_add(struct store *s, const struct write_ctx *w,
			const struct follow_up_input *in, int64_t *id_out);
int store_follow_up_get(struct store *s, struct arena *a, int64_t id, struct follow_up_row *out);
int store_follow_up_set_status(struct store *s, const struct write_ctx *w, int64_t id,
			       const char *status);
/* Follow-ups of org_code (NULL: any), open_only; by due date. */
int store_follow_ups(struct store *s, struct arena *a, const char *org_code, bool open_only,
		     bool partner_only, int limit, struct follow_up_row **out, int *n);

/* ---- the overview ------------------------------------------------------------------ */

/* The figures of every organisation that has any relation record, in
 * org_code order; today (YYYY-MM-DD) decides which follow-ups are overdue. */
int store_relation_figures(struct store *s, struct arena *a, const char *today,
			   struct relation_figures **out, int *n);

#endif
