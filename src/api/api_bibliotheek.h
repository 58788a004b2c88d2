/*
 * api_bibliotheek — the knowledge base through the API (rules:
 * app/bibliotheek.h). Without a token only public items; with a token
 * also the items for partners.
 *
 *   GET    /api/v1/kennis/publicaties        the items, newest first (filters soort,
 *                                            thema, organisatie, samenwerkingsverband,
 *                                            q; pagina, paginaGrootte)
 *   GET    /api/v1/kennis/publicaties/{id}   one item
 *   POST   /api/v1/kennis/publicaties        add one (editor of the owner, staff)
 *   PATCH  /api/v1/kennis/publicaties/{id}   change the members given
 *   DELETE /api/v1/kennis/publicaties/{id}   remove it
 */
#ifndef ATLAS_API_BIBLIOTHEEK_H
#define ATLAS_API_BIBLIOTHEEK_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_bibliotheek_list_params[];

int api_bibliotheek_list(struct request *r);
int api_bibliotheek_show(struct request *r);
int api_bibliotheek_create(struct request *r);
int api_bibliotheek_patch(struct request *r);
int api_bibliotheek_delete(struct request *r);

#endif
