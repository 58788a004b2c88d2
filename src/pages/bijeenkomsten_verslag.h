/*
 * bijeenkomsten_verslag — the pages after an event: the public "Verslag"
 * and "Documenten" on the event page, the staff page "Verslag en vervolg"
 * (report, document links, "Vastleggen in contactlog", follow-ups), and
 * the staff page that corrects or removes one registration. Never cached.
 */
#ifndef ATLAS_PAGES_BIJEENKOMSTEN_VERSLAG_H
#define ATLAS_PAGES_BIJEENKOMSTEN_VERSLAG_H

#include "../http/request.h"
#include "../lib/buf.h"

struct event_row;
struct store;

/* The event page's report and document links (public; the staff list of
 * registrations links to "Verslag en vervolg"). */
void bijeenkomsten_verslag_section(struct buf *b, struct request *r, struct store *st,
				   const struct event_row *e);

/* GET /bijeenkomsten/{id}/verslag (staff) */
int page_bijeenkomst_verslag(struct request *r);
/* POST /bijeenkomsten/{id}/verslag, …/documenten, …/contactlog, …/vervolgacties */
int page_bijeenkomst_verslag_save(struct request *r);
int page_bijeenkomst_document_add(struct request *r);
/* POST /bijeenkomsten/{id}/documenten/{did}/verwijderen */
int page_bijeenkomst_document_remove(struct request *r);
int page_bijeenkomst_contactlog(struct request *r);
int page_bijeenkomst_follow_up(struct request *r);
/* GET and POST /bijeenkomsten/{id}/aanmeldingen/{rid}; POST …/verwijderen */
int page_bijeenkomst_registration(struct request *r);
int page_bijeenkomst_registration_save(struct request *r);
int page_bijeenkomst_registration_remove(struct request *r);

#endif
