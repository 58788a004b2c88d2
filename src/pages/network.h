/*
 * network (pages) — the network view /netwerk and its CSV export
 * /netwerk.csv: the bipartite network of organisations and active
 * collaborations (domain/network.h), filtered with the shared list filter.
 *
 * The page works without JavaScript: the filter form, the counts, the
 * table of edges (organisatie — samenwerkingsverband, rol; grouped by
 * organisation or by collaboration) and the node lists are server-rendered.
 * web/js/network.js adds the interactive drawing (d3-force layout, our own
 * SVG, keyboard navigation) from GET /api/v1/netwerk with the same query.
 *
 * Query: beleidsdomein, juridischeVorm, fase, soort, deelnemer (PT_FILTER),
 * alleOrganisaties (ja|nee, default nee), groeperen (organisatie|
 * samenwerkingsverband, default organisatie), personen (ja|nee, default
 * nee: person nodes for current seats, app/network.c).
 * Otherwise reads only the snapshot.
 */
#ifndef ATLAS_PAGES_NETWORK_H
#define ATLAS_PAGES_NETWORK_H

#include "../http/router.h"

/* The declared query parameters of the network routes (page, CSV, API)
 * and of the collaboration list export (the list filter without paging). */
extern const struct param_spec network_params[];
extern const struct param_spec collab_export_params[];

int page_network(struct request *r);	 /* GET /netwerk */
int page_network_csv(struct request *r); /* GET /netwerk.csv */

#endif
