/*
 * api_map — GET /api/v1/kaart: the gemeenten of the map as a GeoJSON
 * FeatureCollection with, per gemeente, the number of active
 * collaborations under the shared filters (beleidsdomein, juridischeVorm,
 * fase, soort) and its legend class; optionally the chosen collaboration
 * (verband). The view itself is built by pages/map.c (shared with
 * /kaart.geojson); this module only validates and answers.
 */
#ifndef ATLAS_API_MAP_H
#define ATLAS_API_MAP_H

#include "../http/request.h"

/* GET /api/v1/kaart — application/geo+json; 400 problem+json for an
 * unknown filter value or verband. */
int api_map(struct request *r);

#endif
