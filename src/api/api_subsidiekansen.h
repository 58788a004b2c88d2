/*
 * api_subsidiekansen — funding calls through the API (rules:
 * app/subsidiekansen.h). Same rules and Dutch messages as the pages.
 *
 *   GET    /api/v1/kennis/subsidiekansen                  the list; filters thema,
 *                                                         binnenDagen, status
 *   POST   /api/v1/kennis/subsidiekansen                  record a call (staff token)
 *   GET    /api/v1/kennis/subsidiekansen/{id}             a call (ETag "sk{id}-v{versie}");
 *                                                         the interested organisations
 *                                                         for staff tokens only
 *   PATCH  /api/v1/kennis/subsidiekansen/{id}             change a call (staff token,
 *                                                         If-Match with that ETag)
 *   POST   /api/v1/kennis/subsidiekansen/{id}/interesse   mark interest (partner token)
 *   DELETE /api/v1/kennis/subsidiekansen/{id}/interesse   withdraw it (partner token)
 */
#ifndef ATLAS_API_SUBSIDIEKANSEN_H
#define ATLAS_API_SUBSIDIEKANSEN_H

#include "../http/request.h"

int api_subsidiekansen_list(struct request *r);
int api_subsidiekans_create(struct request *r);
int api_subsidiekans_show(struct request *r);
int api_subsidiekans_patch(struct request *r);
int api_subsidiekans_interest(struct request *r);
int api_subsidiekans_withdraw(struct request *r);

#endif
