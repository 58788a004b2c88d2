/*
 * api_map — GET /api/v1/kaart: the gemeenten of the map as a GeoJSON
 * FeatureCollection with, per gemeente, the number of active
 * collaborations under the shared filters (beleidsdomein, juridischeVorm,
 * fase, soort) and its legend class; optionally the chosen collaboration
 * (verband). Also the download GET /kaart.geojson (the same document as
 * an attachment). The view itself is built by app/map.c (shared with the
 * page /kaart); this module validates, writes the GeoJSON and answers.
 */
#ifndef ATLAS_API_MAP_H
#define ATLAS_API_MAP_H

#include "../http/request.h"

/* GET /api/v1/kaart — application/geo+json; 400 problem+json for an
 * unknown filter value or verband. */
int api_map(struct request *r);

/* GET /kaart.geojson — the same document as an attachment
 * (kaart-gemeenten.geojson); a page route, so errors are HTML pages. */
int api_map_download(struct request *r);

#endif
