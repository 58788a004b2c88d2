/*
 * api_financien — GET /api/v1/financien/gemeenten/{code}: the comparison
 * of lasten and baten per Iv3 taakveld of one gemeente against a peer
 * group as JSON (?soort=jaarrekening|begroting, ?vergelijking= or
 * ?vergelijk=). Public; see app/financien.h.
 */
#ifndef ATLAS_API_FINANCIEN_H
#define ATLAS_API_FINANCIEN_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_financien_params[];
int api_financien_gemeente(struct request *r);
/* GET /api/v1/financien/taakvelden/{code}: one taakveld (6.1) across every
 * gemeente, per inhabitant, ranked (?soort=, ?maat=lasten|baten|saldo,
 * ?sorteer=hoog|laag|naam). */
extern const struct param_spec api_financien_national_params[];
int api_financien_taakveld(struct request *r);

#endif
