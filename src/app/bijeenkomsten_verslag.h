/*
 * bijeenkomsten_verslag — after the event: its report and document links
 * (public, like the event), and what the event leaves in the relations
 * module: a contact moment in the contact log of each chosen partner
 * ("Vastleggen in contactlog", linked to the event, the report as its
 * summary, confidentiality intern) and follow-ups for a partner, made by
 * app/relaties.h (relaties_add_contact, relaties_add_follow_up — the
 * follow-up's reminder mail included). Province staff (policy_is_province)
 * write, only from the start of the event; the contact log stays private
 * as the relations module keeps it.
 */
#ifndef ATLAS_APP_BIJEENKOMSTEN_VERSLAG_H
#define ATLAS_APP_BIJEENKOMSTEN_VERSLAG_H

#include "bijeenkomsten.h"
#include "relaties.h"
#include "../domain/bijeenkomsten_verslag.h"
#include "../store/store_bijeenkomsten_verslag.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct snapshot;

/* The report ("" when none) and document links of event id: public. */
enum ev_outcome bijeenkomsten_report(struct store *st, struct arena *a, int64_t id,
				     const char **report, struct event_document_row **docs,
				     int *n_docs);

/* Staff set the report of event id (field "verslag"; from the start). */
enum ev_outcome bijeenkomsten_save_report(struct store *st, const struct user *u, const char *via,
					  int64_t id, const char *report, struct field_errors *e);

/* Staff add a document link (fields "titel", "url": https only) to event
 * id, from its start; at most EVENT_DOCS_MAX. *doc_id the new link. */
enum ev_outcome bijeenkomsten_add_document(struct store *st, const struct user *u, const char *via,
					   int64_t id, const char *title, const char *url,
					   struct field_errors *e, int64_t *doc_id);

/* Staff remove document link doc_id of event id (EV_NOTFOUND when it is not
 * one of its links). */
enum ev_outcome bijeenkomsten_remove_document(struct store *st, const struct user *u,
					      const char *via, int64_t id, int64_t doc_id);

/* A partner as the follow-up forms offer it. */
struct event_partner {
	const char *code, *name;
	bool attended; /* an attendee (status aanwezig) came from it */
	bool logged;   /* its contact log holds this event already */
};

/* Staff: every partner (relaties_is_partner) of snapshot s, those with an
 * attendee first, then by name. EV_FORBIDDEN for others. */
enum ev_outcome bijeenkomsten_partners(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, int64_t id, struct event_partner **out,
				       int *n);

/* Staff log event id in the contact log of the partners codes[0..n)
 * (field "organisaties"): one contact moment each (kind
 * bijeenkomst_contact_kind, the event's start date, title as subject,
 * report as summary, intern, linked to the event), all in one
 * transaction; partners whose log holds the event already are skipped.
 * *written the number of new contact moments. */
enum ev_outcome bijeenkomsten_log_contacts(struct store *st, struct arena *a,
					   const struct snapshot *s, const struct user *u,
					   const char *via, int64_t id, const char *const *codes,
					   int n, struct field_errors *e, int *written);

/* Staff record a follow-up of event id for partner org_code (field
 * "organisatie"), with relaties_add_follow_up (title, owner, due date,
 * confidentiality; its reminder mail), linked to the partner's contact
 * moment of this event when there is one. *fu_id the follow-up. */
enum ev_outcome bijeenkomsten_add_follow_up(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, int64_t id, const char *org_code,
					    const struct relaties_follow_up_form *f,
					    struct field_errors *e, int64_t *fu_id);

#endif
