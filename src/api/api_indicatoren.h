/*
 * api_indicatoren — the indicator store through the API (data and rules:
 * app/indicatoren.h); public, read only:
 *
 *   GET /api/v1/kennis/indicatoren                     every indicator with its periods
 *   GET /api/v1/kennis/indicatoren/{key}               one indicator
 *   GET /api/v1/kennis/indicatoren/{key}/waarden       its values, filtered on gebied and
 *       [?gebied=GM0344][&periode=2024][&pagina=][&paginaGrootte=]  periode, paginated
 */
#ifndef ATLAS_API_INDICATOREN_H
#define ATLAS_API_INDICATOREN_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_indicator_values_params[];

int api_indicatoren_list(struct request *r);
int api_indicator_show(struct request *r);
int api_indicator_values(struct request *r);

#endif
