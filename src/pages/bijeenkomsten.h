/*
 * bijeenkomsten — the pages of events with registration: the public list
 * (upcoming and earlier events) and event page with places left and the
 * registration form, the iCal feed and per-event calendar, the confirm and
 * cancel pages of the mailed links, and for province staff the event form,
 * the attendee list with attendance and the CSV of registrations. Never
 * cached (places left change without a data-version bump).
 */
#ifndef ATLAS_PAGES_BIJEENKOMSTEN_H
#define ATLAS_PAGES_BIJEENKOMSTEN_H

#include "../http/request.h"

#include <stdint.h>

int page_bijeenkomsten(struct request *r);
int page_bijeenkomsten_ics(struct request *r);
/* GET /bijeenkomsten/{id} and /bijeenkomsten/{id}.ics */
int page_bijeenkomst(struct request *r);
int page_bijeenkomst_new(struct request *r);
int page_bijeenkomst_create(struct request *r);
int page_bijeenkomst_edit(struct request *r);
int page_bijeenkomst_update(struct request *r);
/* POST /bijeenkomsten/{id}/aanmelden: signed in or guest (CSRF checked here). */
int page_bijeenkomst_register(struct request *r);
int page_bijeenkomst_unregister(struct request *r);
int page_bijeenkomst_attendance(struct request *r);
int page_bijeenkomst_csv(struct request *r);
/* GET shows, POST uses the mailed links. */
int page_bijeenkomst_confirm(struct request *r);
int page_bijeenkomst_cancel(struct request *r);

struct agenda_form_state;
/* The event page of id with status, after a failed agenda form (fs). */
int bijeenkomsten_event_page_agenda(struct request *r, int64_t id,
				    const struct agenda_form_state *fs, int status);

#endif
