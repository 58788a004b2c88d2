/*
 * api — the open JSON API under /api/v1 (Dutch names, camelCase, API Design
 * Rules). Each handler reads r->snap, writes JSON into r->out with the
 * streaming writer (render/json.h), sets r->content_type and r->etag, and
 * returns the status. Errors go through respond_error (problem+json).
 */
#ifndef ATLAS_API_H
#define ATLAS_API_H

#include "../http/request.h"

#include <stddef.h>

int api_collab_list(struct request *r);	       /* GET /api/v1/samenwerkingsverbanden */
int api_collab_get(struct request *r);	       /* GET /api/v1/samenwerkingsverbanden/{id} */
int api_org_list(struct request *r);	       /* GET /api/v1/organisaties */
int api_org_get(struct request *r);	       /* GET /api/v1/organisaties/{code} */
int api_org_participations(struct request *r); /* GET /api/v1/organisaties/{code}/deelnames */
int api_org_overview(struct request *r);       /* GET /api/v1/organisaties/{code}/overzicht */
int api_domain_list(struct request *r);	       /* GET /api/v1/beleidsdomeinen */
/* provenance: GET /api/v1/samenwerkingsverbanden/{id}/herkomst, organisaties/{code}/herkomst */
int api_collab_provenance(struct request *r);
int api_org_provenance(struct request *r);
/* search: GET /api/v1/zoeken?q= */
int api_search(struct request *r);
int api_openapi(struct request *r); /* GET /api/v1/openapi.json */

/* Give the API the OpenAPI document (read by main at startup; copied). */
void api_set_openapi(const char *json, size_t len);

#endif
