/*
 * network (pages) — the network view /netwerk and its CSV export
 * /netwerk.csv: the bipartite network of organisations and active
 * collaborations (domain/network.h), filtered with the shared list filter.
 *
 * Everything is server-rendered, without JavaScript: a selector (GET form:
 * kies + peildatum) above the drawing; with a chosen node (?kies=) its
 * neighbourhood drawn twice (radial for wide screens, columns for narrow
 * ones; domain/network_layout.h: every node labelled, no overlaps), every
 * node a link that centres it, and a table of its connections; without a
 * choice the organisations as labelled groups (network_groups) and a
 * collapsible table per group. The legend lists only the kinds drawn.
 *
 * Query: beleidsdomein, juridischeVorm, fase, soort, deelnemer (PT_FILTER),
 * alleOrganisaties (ja|nee, default nee), groeperen (organisatie|
 * samenwerkingsverband, default organisatie), personen (ja|nee, default
 * nee: person nodes for current seats, app/network.c), kies (o-<code>,
 * s-<id>, p-<key>), peildatum (time travel, pages/history.h).
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
