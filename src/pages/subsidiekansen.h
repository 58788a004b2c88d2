/*
 * subsidiekansen — the pages of funding calls (rules: app/subsidiekansen.h).
 *
 *   GET  /kennis/subsidiekansen                 the list: open, upcoming, closed;
 *                                               filters thema= and binnen= (days)
 *   POST /kennis/subsidiekansen                 record a call (province staff)
 *   GET  /kennis/subsidiekansen.ics             the deadlines as all-day events
 *   GET  /kennis/subsidiekansen/nieuw           the form for a new call (staff)
 *   GET  /kennis/subsidiekansen/{id}            a call, its interest count; the
 *                                               interested organisations for staff
 *   GET  /kennis/subsidiekansen/{id}/bewerken   the edit form (staff)
 *   POST /kennis/subsidiekansen/{id}/bewerken   save it (staff)
 *   POST /kennis/subsidiekansen/{id}/interesse  mark interest, or withdraw it with
 *                                               actie=intrekken (partner editor)
 *
 * Never cached: what a page shows depends on the reader and on module data
 * outside the snapshot.
 */
#ifndef ATLAS_PAGES_SUBSIDIEKANSEN_H
#define ATLAS_PAGES_SUBSIDIEKANSEN_H

#include "../http/request.h"

int page_subsidiekansen(struct request *r);
int page_subsidiekansen_ics(struct request *r);
int page_subsidiekans_new(struct request *r);
int page_subsidiekans_create(struct request *r);
int page_subsidiekans(struct request *r);
int page_subsidiekans_edit(struct request *r);
int page_subsidiekans_update(struct request *r);
int page_subsidiekans_interest(struct request *r);

#endif
