/*
 * geo — the gemeente shapes for the map: read once at startup from a
 * GeoJSON FeatureCollection, projected for the server-rendered SVG map
 * (equirectangular, longitude scaled by cos 52°) and kept as compact GeoJSON
 * geometry for the API.
 *
 * The shapes are read-only after geo_load, so request threads share them
 * without locks. Does not count, filter or write replies: the map view is
 * app/map.c, the page pages/map.c, the GeoJSON replies api/api_map.c.
 */
#ifndef ATLAS_IO_GEO_H
#define ATLAS_IO_GEO_H

#include "../lib/buf.h"

#include <stdbool.h>

/* The GeoJSON shipped with the repository (CBS/PDOK via cartomap/nl). */
#define GEO_DEFAULT_FILE "data/geo/utrecht_gemeenten_2025.geojson"
/* The attribution the map data requires (CC BY 4.0). */
#define GEO_ATTRIBUTION                                                                            \
	"Kaartgegevens: CBS, Kadaster / PDOK (CC BY 4.0), vereenvoudigd door cartomap/nl"
/* The water-board layer, read from the directory of the gemeente file
 * (PDOK water-board boundaries; optional). */
#define GEO_WATERBOARD_FILE "utrecht_waterschappen.geojson"
#define GEO_WATERBOARD_ATTRIBUTION                                                                 \
	"Waterschapsgrenzen: Het Waterschapshuis / waterschappen, via PDOK (Waterschappen "        \
	"Waterschapsgrenzen IMSO); bewerking: vereenvoudigd"
/* The national outline for members outside the province, read from the
 * same directory (optional), and the width of its own view box. */
#define GEO_NL_PROVINCE_FILE "nl_provincies_2023.geojson"
#define GEO_NL_GEMEENTE_FILE "nl_gemeenten_2023.geojson"
#define GEO_NL_VIEW_W 300.0
/* Width of the SVG view box the shapes are projected into. */
#define GEO_VIEW_W 1000.0

/* One gemeente shape; every string is owned here and lives until geo_free. */
struct geo_feature {
	char *statcode; /* "GM0344" */
	char *name;	/* statnaam */
	char *geometry; /* compact GeoJSON geometry (trusted JSON made by jansson) */
	char *path_d;	/* SVG path data in view coordinates (numbers and M/L/Z only) */
	double lx, ly;	/* label point (centroid of the largest ring) */
};

/*
 * Load the gemeente shapes (a FeatureCollection of Polygon/MultiPolygon
 * features with properties.statcode "GM0344" and statnaam) from path,
 * project them and keep them for the life of the process. Call once at
 * startup, before the server runs. Returns the number of features, or -1
 * with a message on stderr (nothing is kept then).
 */
int geo_load(const char *path);

/* Free the shapes (at shutdown; optional; a no-op when none are loaded). */
void geo_free(void);

/* Number of loaded features (0 when none). */
int geo_count(void);

/* Index of the feature with CBS code cbs_code ("GM0344", any case), or -1. */
int geo_find(const char *cbs_code);

/* Feature i (0 <= i < geo_count()); owned by this module. */
const struct geo_feature *geo_feature_at(int i);

/* The compact GeoJSON geometry of the gemeente with CBS code cbs_code, or
 * NULL when none; lives until geo_free. */
const char *geo_geometry_for(const char *cbs_code);

/* Height of the SVG view box (the width is GEO_VIEW_W). */
double geo_view_height(void);

/* True when neighbouring gemeenten share their boundary vertices, so that
 * geo_union_outline can cancel inner edges (checked at load). */
bool geo_shared_topology(void);

/*
 * Append to d the SVG path data (M/L/Z, view coordinates) of the outline of
 * the union of the n features fs: every edge that is not shared by two of
 * them (edge cancellation). Returns 0; -1 when the shapes do not share
 * vertices (the caller then draws the members themselves) or on failure.
 */
int geo_union_outline(const int *fs, int n, struct buf *d);

/* The national outline: the provinces (statcode "PV26"), the gemeente of
 * the Netherlands with CBS code cbs_code (or NULL), projected into a view
 * box GEO_NL_VIEW_W wide and geo_nl_view_height() high (0: not loaded). */
int geo_nl_province_count(void);
const struct geo_feature *geo_nl_province_at(int i);
const struct geo_feature *geo_nl_gemeente(const char *cbs_code);
double geo_nl_view_height(void);

/* The water boards of the layer: statcode is the water-board code
 * ("ws0636"), name the official name. */
int geo_waterboard_count(void);
const struct geo_feature *geo_waterboard_at(int i);
/* The water board with code (e.g. TOOI "ws0636") or, failing that, the same
 * name apart from its first word ("Waterschap"/"Hoogheemraadschap"); -1. */
int geo_waterboard_find(const char *code, const char *name);

#endif
