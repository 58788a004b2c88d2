/*
 * api_export — open exports in the API:
 *   GET /api/v1/export/roo.xml     the registry in the ROO export shape
 *                                  (io/roo_export.h), application/xml
 *   GET /api/v1/geo/organisaties   GeoJSON FeatureCollection of the
 *                                  organisations with a geometry (the 26
 *                                  gemeenten) and their participation count
 *                                  under the shared filter keys
 * Both read the snapshot only and carry its ETag.
 */
#ifndef ATLAS_API_EXPORT_H
#define ATLAS_API_EXPORT_H

#include "../http/router.h"

/* Query keys of GET /api/v1/geo/organisaties. */
extern const struct param_spec api_geo_params[];

int api_export_roo(struct request *r);
int api_geo_orgs(struct request *r);

#endif
