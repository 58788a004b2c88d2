/*
 * bijeenkomsten — events with registration ("Relatie en ontmoeten"): what
 * the pages and the API share. Province staff (policy_is_province) create
 * and edit events; anyone registers: a signed-in user in one step, a guest
 * with double opt-in (a confirmation link by e-mail; the registration only
 * counts once it is used). Places are counted and taken inside one write
 * transaction (store_batch_begin … store_batch_end) together with the mail
 * that reports it (outbox_queue), so capacity is never exceeded, also
 * between instances; a full event puts registrations on the waiting list
 * and a cancellation moves the first one up, with its mail, in the same
 * transaction. Confirm and cancel links carry random tokens of which only
 * the digests are stored (lib/secret.h).
 *
 * Deliberately not here: rendering (pages/, api/), SQL (store/). Names and
 * e-mail addresses are personal data: the functions that return them
 * (bijeenkomsten_registrations) are for staff only.
 */
#ifndef ATLAS_APP_BIJEENKOMSTEN_H
#define ATLAS_APP_BIJEENKOMSTEN_H

#include "../domain/bijeenkomsten.h"
#include "../store/store_auth.h"
#include "../store/store_bijeenkomsten.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

enum ev_outcome {
	EV_OK,
	EV_INVALID,   /* field errors in e */
	EV_NOTFOUND,  /* no such event or registration */
	EV_FORBIDDEN, /* not province staff */
	EV_CLOSED,    /* past the registration deadline (or the start) */
	EV_LIMITED,   /* too many registrations from this client */
	EV_USED,      /* the link was used before (or the registration is cancelled) */
	EV_EXPIRED,   /* the confirmation link expired */
	EV_DUPLICATE, /* already registered with this address or account */
	EV_FAILED,    /* the store failed */
};

#define BIJEENKOMSTEN_CONFIRM_HOURS 48 /* a confirmation link is valid this long */

/* The current local time (bijeenkomst_local_time). */
void bijeenkomsten_now(char out[17]);

/* Every event, by start. */
enum ev_outcome bijeenkomsten_list(struct store *st, struct arena *a, struct event_row **out,
				   int *n);
enum ev_outcome bijeenkomsten_get(struct store *st, struct arena *a, int64_t id,
				  struct event_row *out);

/* Create (id 0) or change event id as user u through via ("web", "api"):
 * EV_FORBIDDEN unless province staff, EV_INVALID with e. *id_out the
 * event. */
enum ev_outcome bijeenkomsten_save(struct store *st, const struct user *u, const char *via,
				   int64_t id, const struct event_input *in, struct field_errors *e,
				   int64_t *id_out);

/* Signed-in user u registers for event_id (show_name: may be shown to other
 * attendees). *status_out: "bevestigd" or "wachtlijst". A mail with a
 * cancel link goes to the account's address, when it has one. */
enum ev_outcome bijeenkomsten_register_user(struct store *st, const struct user *u,
					    int64_t event_id, bool show_name,
					    const char **status_out);

/* A guest registers with name, organisation and email from client_addr:
 * a registration "onbevestigd" and a mail with the confirmation link.
 * EV_INVALID (e), EV_LIMITED, EV_CLOSED. An address that is registered
 * already gets EV_DUPLICATE and nothing is sent. */
enum ev_outcome bijeenkomsten_register_guest(struct store *st, const char *client_addr,
					     int64_t event_id, const char *name,
					     const char *organisation, const char *email,
					     bool show_name, struct field_errors *e);

/* Use confirmation token: the registration takes a place or joins the
 * waiting list (*status_out), and gets its mail with a cancel link. EV_USED,
 * EV_EXPIRED, EV_NOTFOUND (unknown token), EV_CLOSED. *ev the event
 * (arena a) when known. */
enum ev_outcome bijeenkomsten_confirm(struct store *st, struct arena *a, const char *token,
				      struct event_row *ev, const char **status_out);

/* Look at a confirm ('b') or cancel ('a') token without using it: EV_OK
 * when it can be used, else as bijeenkomsten_confirm. */
enum ev_outcome bijeenkomsten_peek(struct store *st, struct arena *a, char which, const char *token,
				   struct event_row *ev);

/* Use cancel token: the registration is cancelled; when it held a place the
 * first on the waiting list moves up and is mailed. EV_USED when it was
 * cancelled before. */
enum ev_outcome bijeenkomsten_cancel(struct store *st, struct arena *a, const char *token,
				     struct event_row *ev);

/* Signed-in user u cancels their own registration for event_id. */
enum ev_outcome bijeenkomsten_cancel_user(struct store *st, const struct user *u, int64_t event_id);

/* u's own registration for event_id (EV_NOTFOUND when none). */
enum ev_outcome bijeenkomsten_mine(struct store *st, struct arena *a, const struct user *u,
				   int64_t event_id, struct registration_row *out);

/* The registrations of event_id with names and addresses: province staff
 * only (EV_FORBIDDEN). */
enum ev_outcome bijeenkomsten_registrations(struct store *st, struct arena *a, const struct user *u,
					    int64_t event_id, struct registration_row **out,
					    int *n);

/* The attendees u may see as names and organisations: those who agreed,
 * and only when u takes part (bevestigd or aanwezig) — else *n = 0. */
enum ev_outcome bijeenkomsten_fellow_attendees(struct store *st, struct arena *a,
					       const struct user *u, int64_t event_id,
					       struct registration_row **out, int *n);

/* Staff record attendance: the registrations present[0..n) of event_id are
 * "aanwezig", the other confirmed ones "bevestigd". One transaction. */
enum ev_outcome bijeenkomsten_attendance(struct store *st, const struct user *u, const char *via,
					 int64_t event_id, const int64_t *present, int n);

/* Registration id of event_id with its personal data: province staff only
 * (EV_FORBIDDEN); EV_NOTFOUND when it is not one of event_id's. */
enum ev_outcome bijeenkomsten_registration(struct store *st, struct arena *a, const struct user *u,
					   int64_t event_id, int64_t id,
					   struct registration_row *out);

/* Staff correct registration id of event_id: name (naam), organisation
 * (organisatie) and whether other attendees may see them. EV_INVALID with
 * e. */
enum ev_outcome bijeenkomsten_registration_edit(struct store *st, const struct user *u,
						const char *via, int64_t event_id, int64_t id,
						const char *name, const char *organisation,
						bool show_name, struct field_errors *e);

/* Staff remove registration id of event_id. When it held a place the first
 * on the waiting list moves up and is mailed, exactly as after a
 * cancellation, and its queued reminder is withdrawn — one transaction. */
enum ev_outcome bijeenkomsten_registration_remove(struct store *st, const struct user *u,
						  const char *via, int64_t event_id, int64_t id);

/* The address pages and mails link to: siteinfo_public_url(). */
const char *bijeenkomsten_public_url(void);

#endif
