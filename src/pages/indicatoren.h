/*
 * indicatoren — the public pages of the indicator store (rules and data:
 * app/indicatoren.h). Semantic tables, no JavaScript; not cached by the
 * snapshot's ETag (module data read per request):
 *
 *   GET /kennis/indicatoren                  every indicator by theme: unit, source,
 *                                            periods, direction
 *   GET /kennis/indicatoren/{key}[?periode=] definition, source and licence, warning,
 *                                            the periods, and the 26 Utrecht gemeenten
 *                                            for the newest (or chosen) period with rank
 */
#ifndef ATLAS_PAGES_INDICATOREN_H
#define ATLAS_PAGES_INDICATOREN_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec indicatoren_show_params[];

int page_indicatoren(struct request *r);
int page_indicator_show(struct request *r);

#endif
