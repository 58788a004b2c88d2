/*
 * store_bijeenkomsten — events and their registrations on either engine.
 * Module data outside the read model: every list is one indexed query per
 * request, no write bumps the data version. Every write is one transaction
 * (a savepoint inside a batch: app/bijeenkomsten.c brackets a registration,
 * its place count and its mail with store_batch_begin … store_batch_end, so
 * the count-and-insert is serialised with every other write) with its audit
 * event. The audit event names the event and the registration's id and
 * status — never a name, organisation or e-mail address.
 */
#ifndef ATLAS_STORE_BIJEENKOMSTEN_H
#define ATLAS_STORE_BIJEENKOMSTEN_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct event_row {
	int64_t id;
	const char *kind, *audience, *title, *description, *starts_at, *ends_at;
	const char *location, *online_url, *topic, *deadline, *organiser;
	int capacity;
	int taken;   /* registrations bevestigd or aanwezig */
	int waiting; /* registrations on the waiting list */
	const char *created_by, *created_at, *updated_at;
};

/* The values of an event write (already checked: domain/bijeenkomsten.h). */
struct event_values {
	const char *kind, *audience, *title, *description, *starts_at, *ends_at;
	const char *location, *online_url, *topic, *deadline, *organiser;
	int capacity;
};

struct registration_row {
	int64_t id, event_id;
	int64_t user_id;   /* 0: a guest */
	const char *email; /* "" when none (an account without address) */
	const char *name, *organisation;
	bool show_name; /* agreed to be shown to other attendees */
	const char *status, *confirm_until, *waiting_since, *created_at;
	bool has_cancel; /* a cancel token exists */
};

/* The values of a new registration. */
struct registration_values {
	int64_t event_id, user_id; /* user_id 0: a guest */
	const char *email;	   /* NULL or "": none */
	const char *name, *organisation;
	bool show_name;
	const char *status;	    /* onbevestigd, bevestigd or wachtlijst */
	const char *confirm_digest; /* NULL: none */
	const char *confirm_until;  /* ISO UTC, "" */
	const char *cancel_digest;  /* NULL: none */
	const char *client_key;	    /* digest of the client for the rate limit */
};

/* ---- events ------------------------------------------------------------------ */

int store_event_add(struct store *s, const struct write_ctx *w, const struct event_values *v,
		    int64_t *id_out);
/* STORE_ERR_NOTFOUND when there is no event id. */
int store_event_update(struct store *s, const struct write_ctx *w, int64_t id,
		       const struct event_values *v);
int store_event_get(struct store *s, struct arena *a, int64_t id, struct event_row *out);
/* Every event by start (upcoming and past), with its place counts. */
int store_events(struct store *s, struct arena *a, struct event_row **out, int *n);

/* ---- registrations -------------------------------------------------------------- */

/* The registrations of event_id by status and creation. */
int store_registrations(struct store *s, struct arena *a, int64_t event_id,
			struct registration_row **out, int *n);
/* The registration of event_id by e-mail address (lower case) or, when
 * email is NULL, by account user_id; STORE_ERR_NOTFOUND when none. */
int store_registration_find(struct store *s, struct arena *a, int64_t event_id, const char *email,
			    int64_t user_id, struct registration_row *out);
/* The registration whose confirm (which 'b') or cancel ('a') token has
 * digest; STORE_ERR_NOTFOUND when none. */
int store_registration_by_token(struct store *s, struct arena *a, char which, const char *digest,
				struct registration_row *out);
/* Places taken (bevestigd, aanwezig) of event_id. */
int store_registration_taken(struct store *s, int64_t event_id, int *n);
/* Registrations made by client_key since (ISO UTC). */
int store_registration_count_client(struct store *s, const char *client_key, const char *since,
				    int *n);
/* Insert v; STORE_ERR_CONFLICT when the address or account is registered. */
int store_registration_add(struct store *s, const struct write_ctx *w,
			   const struct registration_values *v, int64_t *id_out);
/* Give cancelled registration id new values v (a new registration in the
 * old row: the address stays unique). */
int store_registration_renew(struct store *s, const struct write_ctx *w, int64_t id,
			     const struct registration_values *v);
/*
 * Set the status of registration id (of event_id, for the audit event).
 * cancel_digest not NULL: the new cancel token's digest; clear_confirm:
 * the confirm token is spent. Entering the waiting list stamps
 * waiting_since.
 */
int store_registration_set_status(struct store *s, const struct write_ctx *w, int64_t id,
				  int64_t event_id, const char *status, const char *cancel_digest,
				  bool clear_confirm);

/* Registration id of event_id; STORE_ERR_NOTFOUND when there is none. */
int store_registration_get(struct store *s, struct arena *a, int64_t event_id, int64_t id,
			   struct registration_row *out);
/* Staff correct registration id of event_id: name, organisation and
 * whether other attendees may see them. STORE_ERR_NOTFOUND when absent. */
int store_registration_edit(struct store *s, const struct write_ctx *w, int64_t event_id,
			    int64_t id, const char *name, const char *organisation, bool show_name);
/* Staff remove registration id of event_id (the row and its personal data
 * go). STORE_ERR_NOTFOUND when absent. */
int store_registration_delete(struct store *s, const struct write_ctx *w, int64_t event_id,
			      int64_t id);

#endif
