/*
 * api_people — the read API about people (who sits where, which role each
 * party plays):
 *
 *   GET /api/v1/personen                                  paged list (filter organisatie)
 *   GET /api/v1/personen/{id}                             one person: offices and seats
 *   GET /api/v1/personen/{id}/export                      everything stored (beheerder)
 *   GET /api/v1/samenwerkingsverbanden/{id}/zetels        its seats, current and past
 *   GET /api/v1/samenwerkingsverbanden/{id}/rollen        role perspective assessments
 *   GET /api/v1/samenwerkingsverbanden/{id}/fasen         phase history
 *   GET /api/v1/samenwerkingsverbanden/{id}/afspraken     shared agreements
 *
 * People data is not in the snapshot: every handler reads it from the store
 * per request (store_thread(); low traffic). The routes are therefore not
 * in the reply cache (no ROUTE_CACHE) and their ETag is not the snapshot's
 * but "pv<data_version>-<snapshot version>-<today>-<view>" (view "o" for
 * anonymous, "i" for signed-in callers), read before the data: the body is
 * a deterministic function of those four, so the tag is a strong one (the
 * server's If-None-Match comparison and -gz variants work unchanged).
 * Replies vary with Authorization and Cookie (Vary) and are private for
 * signed-in callers.
 *
 * Privacy (AVG): anonymous callers see public-office facts only — a person
 * who holds or held at least one public office (office_is_public), with
 * name, party, public offices, seats and periods. Officials (ambtenaren),
 * contact details (email, telephone), notes and who entered an assessment
 * are for signed-in callers (r->user: session or API token) only; people
 * with only official offices do not exist for anonymous callers (404,
 * absent from lists and seat lists). Erased people ("onbekende persoon")
 * are absent from lists and 404; their seats stay, without a person id.
 * The export is for administrators only (the route's min_role; 401/403).
 */
#ifndef ATLAS_API_PEOPLE_H
#define ATLAS_API_PEOPLE_H

#include "../http/request.h"
#include "../http/router.h"

int api_person_list(struct request *r);	      /* GET /api/v1/personen */
int api_person_get(struct request *r);	      /* GET /api/v1/personen/{id} */
int api_person_export(struct request *r);     /* GET /api/v1/personen/{id}/export */
int api_collab_seats(struct request *r);      /* GET .../samenwerkingsverbanden/{id}/zetels */
int api_collab_roles(struct request *r);      /* GET .../samenwerkingsverbanden/{id}/rollen */
int api_collab_phases(struct request *r);     /* GET .../samenwerkingsverbanden/{id}/fasen */
int api_collab_agreements(struct request *r); /* GET .../samenwerkingsverbanden/{id}/afspraken */

/* Query parameters of GET /api/v1/personen (organisatie, pagina, paginaGrootte). */
extern const struct param_spec api_person_list_params[];

#endif
