/*
 * api_bijeenkomsten_verslag — after the event through the API: the report
 * and document links (open to read), and for staff tokens writing them,
 * logging the event in partners' contact logs, follow-ups, and correcting
 * or removing one registration.
 */
#ifndef ATLAS_API_BIJEENKOMSTEN_VERSLAG_H
#define ATLAS_API_BIJEENKOMSTEN_VERSLAG_H

#include "../http/request.h"

int api_bijeenkomst_verslag(struct request *r);		    /* GET …/{id}/verslag */
int api_bijeenkomst_verslag_put(struct request *r);	    /* PUT …/{id}/verslag */
int api_bijeenkomst_document_add(struct request *r);	    /* POST …/{id}/documenten */
int api_bijeenkomst_document_delete(struct request *r);	    /* DELETE …/{id}/documenten/{did} */
int api_bijeenkomst_contactlog(struct request *r);	    /* POST …/{id}/contactmomenten */
int api_bijeenkomst_follow_up(struct request *r);	    /* POST …/{id}/vervolgacties */
int api_bijeenkomst_registration_patch(struct request *r);  /* PATCH …/aanmeldingen/{rid} */
int api_bijeenkomst_registration_delete(struct request *r); /* DELETE …/aanmeldingen/{rid} */

#endif
