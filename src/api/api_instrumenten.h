/*
 * api_instrumenten — instrument requests through the API (rules:
 * app/instrumenten.h).
 *
 *   GET   /api/v1/instrumenten                 the public ones (granted stimulus
 *                                              contributions, lobby dossiers); with a
 *                                              token also the requests it may see
 *   GET   /api/v1/instrumenten/{id}            one request it may see
 *   POST  /api/v1/instrumenten                 ask (partner editor, province staff)
 *   PATCH /api/v1/instrumenten/{id}            {"status", "besluitdatum", "bedragToegekend",
 *                                              "reden"} and/or {"samenwerkingsverband"}
 *                                              (province staff)
 *   POST  /api/v1/instrumenten/{id}/steun      the token's organisation supports a lobby dossier
 */
#ifndef ATLAS_API_INSTRUMENTEN_H
#define ATLAS_API_INSTRUMENTEN_H

#include "../http/request.h"

int api_instrumenten_list(struct request *r);
int api_instrument_show(struct request *r);
int api_instrument_create(struct request *r);
int api_instrument_patch(struct request *r);
int api_instrument_support(struct request *r);

#endif
