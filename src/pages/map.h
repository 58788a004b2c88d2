/*
 * map (pages) — the map of the gemeenten: GET /kaart (filter form,
 * server-rendered SVG map, side panel, legend, sortable table; works without
 * JavaScript; web/js/map.js enhances it) and GET /kaart.csv (the table).
 *
 * The view (counts per gemeente, legend classes, the chosen collaboration)
 * is app/map.c, shared with the API; the shapes are io/geo.c; the GeoJSON
 * replies (/api/v1/kaart, /kaart.geojson) are api/api_map.c.
 */
#ifndef ATLAS_MAP_H
#define ATLAS_MAP_H

#include "../http/request.h"

int page_map(struct request *r);     /* GET /kaart */
int page_map_csv(struct request *r); /* GET /kaart.csv */

#endif
