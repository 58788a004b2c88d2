/*
 * api_write — the write side of the open API:
 *
 *   POST   /api/v1/samenwerkingsverbanden                          create
 *   PUT    /api/v1/samenwerkingsverbanden/{id}                     replace
 *   PATCH  /api/v1/samenwerkingsverbanden/{id}                     merge-patch
 *   DELETE /api/v1/samenwerkingsverbanden/{id}                     end (soft)
 *   POST   /api/v1/samenwerkingsverbanden/{id}/deelnemers           add participant
 *   GET    /api/v1/samenwerkingsverbanden/{id}/deelnemers/{deelname} one participation
 *   PATCH  /api/v1/samenwerkingsverbanden/{id}/deelnemers/{deelname} change it
 *   DELETE /api/v1/samenwerkingsverbanden/{id}/deelnemers/{deelname} end it
 *
 * Writes need a personal API token (Authorization: Bearer; a browser
 * session cookie is refused with 401, so a cross-site form can never write
 * through the API), the route's minimum role (editor) and the per-object
 * permission of the web forms; and they need If-Match with the record's
 * current ETag ("c<id>-v<version>" for collaborations, "p<id>-v<version>"
 * for participations): missing → 428, stale → 412. Bodies are JSON objects
 * with the Dutch field names of the read API; unknown fields and invalid
 * values give 400 with every problem in invalidParams. Validation and the
 * transaction (with its audit event) are the store's (store_write.h).
 *
 * Also exposes the detail writers of api_collab.c so that a write can answer
 * with the record as GET would show it.
 */
#ifndef ATLAS_API_WRITE_H
#define ATLAS_API_WRITE_H

#include "../http/request.h"
#include "../http/router.h"
#include "../render/json.h"

int api_collab_create(struct request *r); /* POST /api/v1/samenwerkingsverbanden */
int api_collab_put(struct request *r);	  /* PUT .../{id} */
int api_collab_patch(struct request *r);  /* PATCH .../{id} */
int api_collab_delete(struct request *r); /* DELETE .../{id} */
int api_part_create(struct request *r);	  /* POST .../{id}/deelnemers */
int api_part_get(struct request *r);	  /* GET .../{id}/deelnemers/{deelname} */
int api_part_patch(struct request *r);	  /* PATCH .../{id}/deelnemers/{deelname} */
int api_part_delete(struct request *r);	  /* DELETE .../{id}/deelnemers/{deelname} */

/* Query parameters of DELETE .../deelnemers/{deelname} (uitgetreden). */
extern const struct param_spec api_part_delete_params[];

/* The per-record ETag of collaboration c ("c<id>-v<version>", quoted) in
 * the request arena. */
const char *api_collab_etag(struct request *r, const struct collaboration *c);
/* The per-record ETag of participation p ("p<id>-v<version>", quoted). */
const char *api_part_etag(struct request *r, const struct participation *p);

/* (api_collab.c) The full detail object of collaboration ci in s, as GET
 * /api/v1/samenwerkingsverbanden/{id} writes it. */
void api_collab_write_detail(struct jw *w, const struct snapshot *s, int ci);
/* (api_collab.c) One participant object as in the detail's "deelnemers". */
void api_collab_write_participant(struct jw *w, const struct snapshot *s,
				  const struct participation *p);

#endif
