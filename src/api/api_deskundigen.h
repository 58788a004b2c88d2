/*
 * api_deskundigen — GET /api/v1/kennis/deskundigen[?q=…&thema=…]: the
 * experts' listings ("Wie weet wat"), only with a personal API token (the
 * listings are personal data, never open data).
 */
#ifndef ATLAS_API_DESKUNDIGEN_H
#define ATLAS_API_DESKUNDIGEN_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_deskundigen_params[];

int api_deskundigen_list(struct request *r);

#endif
