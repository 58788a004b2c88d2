/*
 * api_samenwerking_cijfers — GET /api/v1/samenwerkingsverbanden/{id}/cijfers:
 * the figures of a collaboration's active participants as JSON (the same
 * as the section "Cijfers van de deelnemers" of its page): inhabitants,
 * area and lasten per inhabitant per policy domain, each with period,
 * coverage, source and the values per participant. Public; see
 * app/samenwerking_cijfers.h.
 */
#ifndef ATLAS_API_SAMENWERKING_CIJFERS_H
#define ATLAS_API_SAMENWERKING_CIJFERS_H

#include "../http/request.h"
#include "../http/router.h"

int api_samenwerking_cijfers(struct request *r);

#endif
