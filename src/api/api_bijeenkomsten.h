/*
 * api_bijeenkomsten — events through the API: the open list and event
 * (no personal data: places, never names or addresses), creating and
 * changing events with a staff token, and the registrations of an event
 * for staff tokens only. Same rules as the pages (app/bijeenkomsten.h).
 */
#ifndef ATLAS_API_BIJEENKOMSTEN_H
#define ATLAS_API_BIJEENKOMSTEN_H

#include "../http/request.h"

int api_bijeenkomsten_list(struct request *r);
int api_bijeenkomst_show(struct request *r);
int api_bijeenkomst_create(struct request *r);
int api_bijeenkomst_patch(struct request *r);
int api_bijeenkomst_registrations(struct request *r);

#endif
