/*
 * api_relaties — the relations module through the API (rules:
 * app/relaties.h). Never public: every route needs a personal API token of
 * a user allowed to see the records (province staff; a partner editor for
 * the records of their own organisation that are shared with the partner).
 *
 *   GET   /api/v1/relaties                              overview (province staff)
 *   GET   /api/v1/relaties/{code}                       one partner, what the token may see
 *   POST  /api/v1/relaties/{code}/contactmomenten       add a contact moment
 *   POST  /api/v1/relaties/{code}/signalen              add a signal
 *   POST  /api/v1/relaties/{code}/vervolgacties         add a follow-up
 *   PATCH /api/v1/signalen/{id}                         {"status": ...}
 *   PATCH /api/v1/vervolgacties/{id}                    {"status": ...}
 */
#ifndef ATLAS_API_RELATIES_H
#define ATLAS_API_RELATIES_H

#include "../http/request.h"

int api_relaties_list(struct request *r);
int api_relaties_show(struct request *r);
int api_relaties_contact_add(struct request *r);
int api_relaties_signal_add(struct request *r);
int api_relaties_follow_up_add(struct request *r);
int api_relaties_signal_patch(struct request *r);
int api_relaties_follow_up_patch(struct request *r);

#endif
