/*
 * indicatoren_vergelijk — the compare page of the indicator store (rules
 * and data: app/indicatoren_vergelijk.h). Public, read per request, no
 * JavaScript:
 *
 *   GET /kennis/vergelijk      without indicator: the form (indicator by theme,
 *                              the province's gemeenten as checkboxes, codes
 *                              elsewhere, peers of a gemeente, period); with
 *                              it: the chosen gemeenten with rank and
 *                              difference from the national median, a
 *                              choropleth of the province and the national
 *                              distribution, each with its table
 *   GET /kennis/vergelijk.csv  the same figures as CSV (alle=ja: every
 *                              gemeente of the country), source and licence
 *                              included
 */
#ifndef ATLAS_PAGES_INDICATOREN_VERGELIJK_H
#define ATLAS_PAGES_INDICATOREN_VERGELIJK_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec indicatoren_vergelijk_params[];
extern const struct param_spec indicatoren_vergelijk_csv_params[];

int page_indicatoren_vergelijk(struct request *r);
int page_indicatoren_vergelijk_csv(struct request *r);

#endif
