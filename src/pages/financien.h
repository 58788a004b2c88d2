/*
 * financien — the financial scan's pages: /financien (the province's
 * gemeenten) and /financien/{code} (lasten and baten per Iv3 taakveld
 * against a peer group, the largest deviations first). Public, read per
 * request from the indicator read model; see app/financien.h.
 */
#ifndef ATLAS_PAGES_FINANCIEN_H
#define ATLAS_PAGES_FINANCIEN_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec financien_params[];
extern const struct param_spec financien_national_params[];
/* /financien, with ?taakveld= the national table of one taakveld; and its
 * CSV (/financien.csv). */
int page_financien(struct request *r);
int page_financien_csv(struct request *r);
int page_financien_gemeente(struct request *r);

#endif
