/*
 * api_indicatoren_dashboard — GET /api/v1/kennis/gemeenten/{code}/dashboard
 *: the numbers of the gemeente dashboard as JSON — per indicator
 * the newest value, the series, the rank in the province and the peer
 * mean, median and position. ?klasse= or ?vergelijk= choose the peers.
 * Public; see app/indicatoren_dashboard.h.
 */
#ifndef ATLAS_API_INDICATOREN_DASHBOARD_H
#define ATLAS_API_INDICATOREN_DASHBOARD_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_indicatoren_dashboard_params[];
int api_indicatoren_dashboard(struct request *r);

#endif
