/*
 * routes — the route table. Add a page or endpoint here; the router does
 * method, path and parameter checks before the handler runs.
 */
#include "router.h"
#include "static.h"
#include "../api/api.h"
#include "../pages/pages.h"
#include "../api/api_overlap.h"
#include "../pages/overlap.h"
#include "../api/api_map.h"
#include "../pages/map.h"
#include "../api/api_network.h"
#include "../pages/exports.h"
#include "../pages/network.h"

#include <stddef.h>

#define GET (HTTP_GET | HTTP_HEAD)

static const struct param_spec no_params[] = {{NULL, 0, 0}};

static const struct param_spec collab_filter_params[] = {
    {"beleidsdomein", PT_FILTER, 0}, {"juridischeVorm", PT_FILTER, 0}, {"fase", PT_FILTER, 0},
    {"soort", PT_FILTER, 0},         {"deelnemer", PT_FILTER, 0},      {"status", PT_FILTER, 0},
    {"sorteer", PT_FILTER, 0},       {"pagina", PT_FILTER, 0},         {"paginaGrootte", PT_FILTER, 0},
    {NULL, 0, 0}};

static const struct param_spec org_list_params[] = {{"soort", PT_ORG_KIND, 0},
						    {"status", PT_STATUS, 0},
						    {"pagina", PT_PAGE, 0},
						    {"paginaGrootte", PT_PAGE_SIZE, 0},
						    {NULL, 0, 0}};

static const struct param_spec org_parts_params[] = {{"status", PT_STATUS, 0}, {NULL, 0, 0}};

static const struct param_spec search_params[] = {
    {"q", PT_TEXT, 200}, {"pagina", PT_PAGE, 0}, {NULL, 0, 0}};

/* issue 3: map params */
static const struct param_spec map_page_params[] = {
    {"beleidsdomein", PT_FILTER, 0}, {"juridischeVorm", PT_FILTER, 0}, {"fase", PT_FILTER, 0},
    {"soort", PT_FILTER, 0},         {"verband", PT_TEXT, 200},        {"gemeente", PT_TEXT, 40},
    {"met", PT_TEXT, 40},            {"sorteer", PT_TEXT, 20},         {NULL, 0, 0}};

static const struct param_spec map_api_params[] = {
    {"beleidsdomein", PT_FILTER, 0}, {"juridischeVorm", PT_FILTER, 0}, {"fase", PT_FILTER, 0},
    {"soort", PT_FILTER, 0},         {"verband", PT_TEXT, 200},        {NULL, 0, 0}};

/* issue 3: overlap params */
#define OVERLAP_PARAMS                                                                             \
	{"drempel", PT_DECIMAL01, 0}, {"beleidsdomein", PT_FILTER, 0},                             \
	    {"juridischeVorm", PT_FILTER, 0}, {"fase", PT_FILTER, 0}, {"soort", PT_FILTER, 0},     \
	    {"status", PT_FILTER, 0}, {"sorteer", PT_TEXT, 20}
static const struct param_spec overlap_params[] = {OVERLAP_PARAMS, {NULL, 0, 0}};
static const struct param_spec overlap_csv_params[] = {OVERLAP_PARAMS, {"tabel", PT_TEXT, 20},
						       {NULL, 0, 0}};

const struct route routes[] = {
    {GET, "/", page_home, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/samenwerkingsverbanden", page_collab_list, ROUTE_PAGE, ROUTE_CACHE,
     collab_filter_params},
    {GET, "/samenwerkingsverbanden/{id}", page_collab_show, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/organisaties", page_org_list, ROUTE_PAGE, ROUTE_CACHE, org_list_params},
    {GET, "/organisaties/{code}", page_org_show, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/zoeken", page_search, ROUTE_PAGE, 0, search_params},
    {GET, "/over", page_about, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/toegankelijkheid", page_accessibility, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/api/v1/samenwerkingsverbanden", api_collab_list, ROUTE_API, ROUTE_CACHE,
     collab_filter_params},
    {GET, "/api/v1/samenwerkingsverbanden/{id}", api_collab_get, ROUTE_API, ROUTE_CACHE,
     no_params},
    {GET, "/api/v1/organisaties", api_org_list, ROUTE_API, ROUTE_CACHE, org_list_params},
    {GET, "/api/v1/organisaties/{code}", api_org_get, ROUTE_API, ROUTE_CACHE, no_params},
    {GET, "/api/v1/organisaties/{code}/deelnames", api_org_participations, ROUTE_API,
     ROUTE_CACHE, org_parts_params},
    {GET, "/api/v1/beleidsdomeinen", api_domain_list, ROUTE_API, ROUTE_CACHE, no_params},
    {GET, "/api/v1/openapi.json", api_openapi, ROUTE_API, ROUTE_CACHE, no_params},
    /* issue 3: overlap routes */
    {GET, "/analyse/overlap", page_overlap, ROUTE_PAGE, ROUTE_CACHE, overlap_params},
    {GET, "/analyse/overlap.csv", page_overlap_csv, ROUTE_PAGE, ROUTE_CACHE, overlap_csv_params},
    {GET, "/api/v1/analyse/overlap", api_overlap, ROUTE_API, ROUTE_CACHE, overlap_params},
    /* issue 3: map routes */
    {GET, "/kaart", page_map, ROUTE_PAGE, ROUTE_CACHE, map_page_params},
    {GET, "/kaart.csv", page_map_csv, ROUTE_PAGE, 0, map_page_params},
    {GET, "/kaart.geojson", page_map_geojson, ROUTE_PAGE, 0, map_api_params},
    {GET, "/api/v1/kaart", api_map, ROUTE_API, ROUTE_CACHE, map_api_params},
    /* issue 3: network and chart routes */
    {GET, "/netwerk", page_network, ROUTE_PAGE, ROUTE_CACHE, network_params},
    {GET, "/netwerk.csv", page_network_csv, ROUTE_PAGE, ROUTE_CACHE, network_params},
    {GET, "/api/v1/netwerk", api_network, ROUTE_API, ROUTE_CACHE, network_params},
    {GET, "/samenwerkingsverbanden.csv", page_collab_list_csv, ROUTE_PAGE, ROUTE_CACHE,
     collab_export_params},
    {GET, "/organisaties/{code}/deelnames.csv", page_org_parts_csv, ROUTE_PAGE, ROUTE_CACHE,
     org_parts_params},
    {GET, "/static/{*}", static_serve, ROUTE_STATIC, 0, no_params},
};

const int n_routes = (int)(sizeof routes / sizeof routes[0]);
