/*
 * bijeenkomsten_agenda — the agenda of an event on its page (rules:
 * app/bijeenkomsten_agenda.h): the accepted programme for everyone; for
 * partner editors and province staff the proposals with their support, a
 * "Steunen" button, the form to propose an item, and for staff a form per
 * item to accept or reject it and set its order and time.
 *
 *   POST /bijeenkomsten/{id}/agendapunten                  propose (partner editor)
 *   POST /bijeenkomsten/{id}/agendapunten/{punt}/steun     support (partner editor)
 *   POST /bijeenkomsten/{id}/agendapunten/{punt}/besluit   decide (province staff)
 */
#ifndef ATLAS_PAGES_BIJEENKOMSTEN_AGENDA_H
#define ATLAS_PAGES_BIJEENKOMSTEN_AGENDA_H

#include "../http/request.h"
#include "../lib/buf.h"
#include "../store/store_bijeenkomsten.h"

/* What a failed agenda form shows on the event page. */
struct agenda_form_state {
	const struct field_errors *err; /* the proposal form's field errors, or NULL */
	const char *problem;		/* a refusal or a decision's error, or NULL */
};

/* The agenda sections of event e on its page for the reader of r (fs:
 * after a failed agenda form, or NULL). */
void bijeenkomsten_agenda_section(struct buf *b, struct request *r, struct store *st,
				  const struct event_row *e, const struct agenda_form_state *fs);

int page_bijeenkomst_agenda_propose(struct request *r);
int page_bijeenkomst_agenda_support(struct request *r);
int page_bijeenkomst_agenda_decide(struct request *r);

#endif
