/*
 * api_indicatoren_import — POST /api/v1/kennis/indicatoren/importen: the
 * indicator import (app/indicatoren.h) through the API, for the tokens of
 * the roles that import registry data (route: USER_ROLE_STAFF, ROUTE_TOKEN,
 * ROUTE_UPLOAD). The body is
 *   multipart/form-data   the file in part "bestand" (CSV or JSON), the
 *                         optional mapping file in part "koppelbestand"
 *   text/csv              the file itself (no mapping: the store's own formats)
 *   application/json      the file itself; JSON always needs a mapping, so
 *                         this answers 422 naming the missing mapping
 * ?bestand= names a raw body in messages and for the mapping's "bron"
 * (default indicatoren.csv / indicatoren.json); ?proef=true checks and
 * counts without writing. 200: the counts and the changed indicators; 422
 * problem+json with every error (file, line, column, field, reason):
 * nothing written.
 */
#ifndef ATLAS_API_INDICATOREN_IMPORT_H
#define ATLAS_API_INDICATOREN_IMPORT_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_indicatoren_import_params[];

int api_indicatoren_import(struct request *r);

#endif
