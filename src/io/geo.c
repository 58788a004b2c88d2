/*
 * geo — reading and projecting the gemeente shapes; see geo.h.
 */
#include "geo.h"
#include "../lib/buf.h"
#include "../lib/text.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define VIEW_PAD 8.0
#define PROJ_LAT 52.0 /* latitude whose scale the projection keeps */

/* The loaded features; their strings are malloc'd and owned here. */
static struct geo_feature *feats;
static int n_feats;
static double view_h;

struct bbox {
	double lon0, lon1, lat0, lat1;
	bool any;
};

/* Call fn for every linear ring of a Polygon or MultiPolygon geometry. */
static int rings_each(json_t *geom, int (*fn)(json_t *ring, void *ctx), void *ctx)
{
	const char *type = json_string_value(json_object_get(geom, "type"));
	json_t *coords = json_object_get(geom, "coordinates");
	if (!type || !json_is_array(coords))
		return -1;
	size_t i, j;
	json_t *poly, *ring;
	if (strcmp(type, "Polygon") == 0) {
		json_array_foreach(coords, i, ring) if (fn(ring, ctx) < 0) return -1;
		return 0;
	}
	if (strcmp(type, "MultiPolygon") == 0) {
		json_array_foreach(coords, i, poly)
		{
			json_array_foreach(poly, j, ring) if (fn(ring, ctx) < 0) return -1;
		}
		return 0;
	}
	return -1;
}

static int point(json_t *pt, double *lon, double *lat)
{
	if (!json_is_array(pt) || json_array_size(pt) < 2 ||
	    !json_is_number(json_array_get(pt, 0)) || !json_is_number(json_array_get(pt, 1)))
		return -1;
	*lon = json_number_value(json_array_get(pt, 0));
	*lat = json_number_value(json_array_get(pt, 1));
	return 0;
}

static int bbox_ring(json_t *ring, void *ctx)
{
	struct bbox *bb = ctx;
	size_t i;
	json_t *pt;
	if (!json_is_array(ring))
		return -1;
	json_array_foreach(ring, i, pt)
	{
		double lon, lat;
		if (point(pt, &lon, &lat) < 0)
			return -1;
		if (!bb->any || lon < bb->lon0)
			bb->lon0 = lon;
		if (!bb->any || lon > bb->lon1)
			bb->lon1 = lon;
		if (!bb->any || lat < bb->lat0)
			bb->lat0 = lat;
		if (!bb->any || lat > bb->lat1)
			bb->lat1 = lat;
		bb->any = true;
	}
	return 0;
}

struct proj_ctx {
	const struct bbox *bb;
	double kx, scale;
	struct buf *d;
	double best_area, lx, ly;
};

static void project(const struct proj_ctx *p, double lon, double lat, double *x, double *y)
{
	*x = VIEW_PAD + (lon - p->bb->lon0) * p->kx * p->scale;
	*y = VIEW_PAD + (p->bb->lat1 - lat) * p->scale;
}

static int path_ring(json_t *ring, void *ctx)
{
	struct proj_ctx *p = ctx;
	size_t i, n = json_array_size(ring);
	json_t *pt;
	double a = 0, cx = 0, cy = 0, px = 0, py = 0, x0 = 0, y0 = 0;
	json_array_foreach(ring, i, pt)
	{
		double lon, lat, x, y;
		if (point(pt, &lon, &lat) < 0)
			return -1;
		project(p, lon, lat, &x, &y);
		if (i + 1 == n && n > 1 && fabs(x - x0) < 1e-9 && fabs(y - y0) < 1e-9)
			break; /* closing point: Z closes the ring */
		buf_printf(p->d, i == 0 ? "M%.1f %.1f" : "L%.1f %.1f", x, y);
		if (i == 0) {
			x0 = x;
			y0 = y;
		} else {
			double cross = px * y - x * py;
			a += cross;
			cx += (px + x) * cross;
			cy += (py + y) * cross;
		}
		px = x;
		py = y;
	}
	buf_putc(p->d, 'Z');
	double cross = px * y0 - x0 * py; /* close the ring for the centroid */
	a += cross;
	cx += (px + x0) * cross;
	cy += (py + y0) * cross;
	if (fabs(a) > p->best_area && fabs(a) > 1e-9) {
		p->best_area = fabs(a);
		p->lx = cx / (3.0 * a);
		p->ly = cy / (3.0 * a);
	}
	return 0;
}

void geo_free(void)
{
	for (int i = 0; i < n_feats; i++) {
		free(feats[i].statcode);
		free(feats[i].name);
		free(feats[i].geometry);
		free(feats[i].path_d);
	}
	free(feats);
	feats = NULL;
	n_feats = 0;
}

int geo_load(const char *path)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	int rc = -1;
	if (!root) {
		fprintf(stderr, "atlas: kan kaartgegevens %s niet lezen: %s (regel %d)\n", path,
			err.text, err.line);
		return -1;
	}
	json_t *fs = json_object_get(root, "features");
	size_t i;
	json_t *f;
	struct bbox bb = {0};
	if (!json_is_array(fs) || json_array_size(fs) == 0)
		goto bad;
	json_array_foreach(fs, i, f)
	{
		if (rings_each(json_object_get(f, "geometry"), bbox_ring, &bb) < 0)
			goto bad;
	}
	if (!bb.any || bb.lon1 <= bb.lon0 || bb.lat1 <= bb.lat0)
		goto bad;
	geo_free();
	feats = calloc(json_array_size(fs), sizeof *feats);
	if (!feats)
		goto out;
	struct proj_ctx p = {.bb = &bb, .kx = cos(PROJ_LAT * M_PI / 180.0)};
	p.scale = (GEO_VIEW_W - 2 * VIEW_PAD) / ((bb.lon1 - bb.lon0) * p.kx);
	view_h = ceil((bb.lat1 - bb.lat0) * p.scale + 2 * VIEW_PAD);
	json_array_foreach(fs, i, f)
	{
		json_t *props = json_object_get(f, "properties");
		const char *code = json_string_value(json_object_get(props, "statcode"));
		const char *name = json_string_value(json_object_get(props, "statnaam"));
		json_t *geom = json_object_get(f, "geometry");
		if (!code || !name)
			goto bad;
		struct buf d = BUF_INIT;
		p.d = &d;
		p.best_area = 0;
		p.lx = p.ly = 0;
		if (rings_each(geom, path_ring, &p) < 0 || d.err) {
			buf_free(&d);
			goto bad;
		}
		struct geo_feature *ft = &feats[n_feats++];
		ft->statcode = strdup(code);
		ft->name = strdup(name);
		ft->geometry = json_dumps(geom, JSON_COMPACT | JSON_REAL_PRECISION(8));
		ft->path_d = buf_detach(&d, NULL);
		ft->lx = p.lx;
		ft->ly = p.ly;
		if (!ft->statcode || !ft->name || !ft->geometry || !ft->path_d)
			goto out;
	}
	rc = n_feats;
	goto out;
bad:
	fprintf(stderr,
		"atlas: %s is geen bruikbare GeoJSON FeatureCollection van (Multi)Polygonen met "
		"properties.statcode en statnaam\n",
		path);
out:
	if (rc < 0)
		geo_free();
	json_decref(root);
	return rc;
}

int geo_find(const char *cbs_code)
{
	if (str_empty(cbs_code))
		return -1;
	for (int i = 0; i < n_feats; i++)
		if (strcasecmp(feats[i].statcode, cbs_code) == 0)
			return i;
	return -1;
}

const char *geo_geometry_for(const char *cbs_code)
{
	int i = geo_find(cbs_code);
	return i >= 0 ? feats[i].geometry : NULL;
}
int geo_count(void)
{
	return n_feats;
}

const struct geo_feature *geo_feature_at(int i)
{
	return &feats[i];
}

double geo_view_height(void)
{
	return view_h;
}
