/*
 * store_bijeenkomsten_verslag — what follows an event, on either engine:
 * its report (event.report, public like the event), its document links
 * (event_document) and which partners' contact log already holds the event
 * (contact_moment.event_id; the contact moments themselves are written by
 * store_relaties.h). Every write is one transaction (a savepoint inside a
 * batch) with its audit event, which names the event only — never the
 * report's text.
 */
#ifndef ATLAS_STORE_BIJEENKOMSTEN_VERSLAG_H
#define ATLAS_STORE_BIJEENKOMSTEN_VERSLAG_H

#include "store.h"
#include "store_write.h"

#include <stdint.h>

struct arena;

struct event_document_row {
	int64_t id, event_id;
	const char *title, *url, *created_by, *created_at;
};

/* The report of event id ("" when none); STORE_ERR_NOTFOUND when there is
 * no such event. */
int store_event_report(struct store *s, struct arena *a, int64_t id, const char **out);
/* Set the report of event id; STORE_ERR_NOTFOUND when there is none. */
int store_event_set_report(struct store *s, const struct write_ctx *w, int64_t id,
			   const char *report);

/* The document links of event_id in the order they were added. */
int store_event_documents(struct store *s, struct arena *a, int64_t event_id,
			  struct event_document_row **out, int *n);
int store_event_document_add(struct store *s, const struct write_ctx *w, int64_t event_id,
			     const char *title, const char *url, int64_t *id_out);
/* Remove document link id of event_id; STORE_ERR_NOTFOUND when there is none. */
int store_event_document_remove(struct store *s, const struct write_ctx *w, int64_t event_id,
				int64_t id);

/* The organisation codes whose contact log holds a contact moment of
 * event_id, in code order. */
int store_event_contact_orgs(struct store *s, struct arena *a, int64_t event_id, const char ***out,
			     int *n);
/* The newest contact moment of event_id in org_code's log: *id, 0 when
 * none. */
int store_event_contact_for(struct store *s, int64_t event_id, const char *org_code, int64_t *id);

#endif
