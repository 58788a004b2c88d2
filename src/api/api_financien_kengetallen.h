/*
 * api_financien_kengetallen — the six BBV kengetallen as JSON
 * (app/financien_kengetallen.h):
 *   GET  /api/v1/financien/gemeenten/{code}/kengetallen?jaar=&soort=
 *        public: per presentation column each kengetal (value or the reason
 *        it cannot be computed, the formula filled in, the signal and its
 *        band) with its components and their sources
 *   GET  /api/v1/financien/gemeenten/{code}/kengetallen/invoer?jaar=&soort=
 *        the stored inputs of one year and document (token of staff or the
 *        gemeente's own editor)
 *   POST /api/v1/financien/gemeenten/{code}/kengetallen/invoer
 *        replace them (JSON; same users)
 *   POST /api/v1/financien/gemeenten/{code}/kengetallen/importen
 *        the CSV import (text/csv or multipart part "bestand"; same users)
 */
#ifndef ATLAS_API_FINANCIEN_KENGETALLEN_H
#define ATLAS_API_FINANCIEN_KENGETALLEN_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_kengetallen_params[];
int api_kengetallen(struct request *r);
int api_kengetallen_invoer(struct request *r);
int api_kengetallen_invoer_save(struct request *r);
extern const struct param_spec api_kengetallen_import_params[];
int api_kengetallen_import(struct request *r);

#endif
