/*
 * api_map — GET /api/v1/kaart; see api_map.h. Reads the snapshot only.
 */
#include "api_map.h"
#include "../pages/map.h"

int api_map(struct request *r)
{
	struct map_view v;
	char msg[320];
	const char *param;
	if (map_view_build(r, &v, msg, sizeof msg, &param) < 0)
		return respond_error(r, 400, "Ongeldige parameter", msg, param);
	map_write_geojson(r, &v);
	return 200;
}
