/*
 * map — the map of the gemeenten (/kaart) and what it shares with the API
 * (api/api_map.c): the geometry loaded once at startup from a GeoJSON file,
 * the "map view" (counts per gemeente under the request's filters, legend
 * classes, the chosen collaboration) and its GeoJSON writer.
 *
 * Pages: GET /kaart (filter form, server-rendered SVG map, side panel,
 * legend, sortable table; works without JavaScript; web/js/map.js enhances
 * it), GET /kaart.csv (the table), GET /kaart.geojson (download).
 *
 * The geometry is read-only after map_load_geometry, so request threads
 * share it without locks. Counting is domain/mapcount.c.
 */
#ifndef ATLAS_MAP_H
#define ATLAS_MAP_H

#include "../domain/filter.h"
#include "../domain/mapcount.h"
#include "../http/request.h"

#include <stddef.h>

/* The GeoJSON shipped with the repository (CBS/PDOK via cartomap/nl). */
#define MAP_GEO_DEFAULT "data/geo/utrecht_gemeenten_2025.geojson"
/* The attribution the map data requires (CC BY 4.0). */
#define MAP_ATTRIBUTION                                                                            \
	"Kaartgegevens: CBS, Kadaster / PDOK (CC BY 4.0), vereenvoudigd door cartomap/nl"

/*
 * Load the gemeente shapes (a FeatureCollection of Polygon/MultiPolygon
 * features with properties.statcode "GM0344" and statnaam) from path,
 * project them for the SVG map and keep them for the life of the process.
 * Call once at startup, before the server runs. Returns the number of
 * features, or -1 with a message on stderr.
 */
int map_load_geometry(const char *path);

/* issue 6: the compact GeoJSON geometry of the gemeente with CBS code
 * cbs_code ("GM0344", any case), as loaded at startup; NULL when none.
 * Trusted JSON (made by jansson); lives until map_free_geometry. */
const char *map_geometry_for(const char *cbs_code);

/* Free the geometry (at shutdown; optional). */
void map_free_geometry(void);

/* Everything a map reply shows, computed from the snapshot and the query.
 * Arrays live in the request arena. */
struct map_view {
	struct collab_filter f; /* beleidsdomein, juridischeVorm, fase, soort; status actief */
	int n;			/* number of map gemeenten */
	int *orgs;		/* their organisation indexes, by name */
	int *counts;		/* active collaborations per gemeente under f */
	int *cls;		/* legend class per gemeente (0-based) */
	int *feature;		/* geometry feature per gemeente, -1 if none */
	struct map_classes k;	/* the legend */
	int *matching;		/* indexes of the collaborations passing f */
	int n_matching;
	int verband; /* chosen collaboration (query "verband"), -1 */
};

/*
 * Compute the view for request r: filters from the declared query keys,
 * verband from "verband". Returns 0; or -1 with a Dutch message in msg and
 * the offending parameter name in *param when a value is unknown (the view
 * is still complete, without that value, so a page can show it anyway).
 */
int map_view_build(struct request *r, struct map_view *v, char *msg, size_t msglen,
		   const char **param);

/* Write the view as a GeoJSON FeatureCollection (see docs/API.md,
 * GET /api/v1/kaart) into r->out and set the content type. */
void map_write_geojson(struct request *r, const struct map_view *v);

/* The fill colour (#rrggbb) of palette shade 0..MAP_MAX_CLASSES-1. */
const char *map_shade_colour(int shade);

int page_map(struct request *r);	 /* GET /kaart */
int page_map_csv(struct request *r);	 /* GET /kaart.csv */
int page_map_geojson(struct request *r); /* GET /kaart.geojson */

#endif
