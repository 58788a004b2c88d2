/*
 * api_network — GET /api/v1/netwerk: the bipartite network of
 * organisations and active collaborations as nodes (knopen) and edges
 * (verbindingen), for the same filters as the page /netwerk
 * (beleidsdomein, juridischeVorm, fase, soort, deelnemer, alleOrganisaties).
 * The nodes and edges come from domain/network.c. Reads only the snapshot.
 */
#ifndef ATLAS_API_NETWORK_H
#define ATLAS_API_NETWORK_H

#include "../http/request.h"

int api_network(struct request *r); /* GET /api/v1/netwerk */

#endif
