/*
 * indicatoren_dashboard — the gemeente dashboard page
 * /organisaties/{code}/kennis: the gemeente's figures by theme
 * with value, trend (an inline SVG sparkline beside the numbers), rank in
 * the province and position against peers chosen by a GET form. Public,
 * not cached, works without JavaScript. See app/indicatoren_dashboard.h.
 */
#ifndef ATLAS_PAGES_INDICATOREN_DASHBOARD_H
#define ATLAS_PAGES_INDICATOREN_DASHBOARD_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec indicatoren_dashboard_params[];
int page_indicatoren_dashboard(struct request *r);

#endif
