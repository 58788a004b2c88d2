/*
 * api_indicatoren_vergelijk — GET /api/v1/kennis/vergelijk: one indicator
 * across chosen gemeenten as JSON (app/indicatoren_vergelijk.h): the
 * indicator with source and licence, the period, the national median,
 * quantile class bounds and distribution, and per chosen gemeente (alle=ja:
 * every gemeente of the country) the value (null: missing), ranks and the
 * difference from the median. Public.
 */
#ifndef ATLAS_API_INDICATOREN_VERGELIJK_H
#define ATLAS_API_INDICATOREN_VERGELIJK_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_indicatoren_vergelijk_params[];

int api_indicatoren_vergelijk(struct request *r);

#endif
