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

/* The rings of every gemeente in fixed-point degrees (GRID units), for the
 * union outlines: edge i of a feature runs from point i to point i + 1 of
 * its ring. Parallel to feats. */
#define GRID 100000.0
struct rings {
	long *xy; /* x0 y0 x1 y1 ... */
	int n_pts;
	int *ends; /* one past the last point of each ring */
	int n_rings;
};
static struct rings *feat_rings;
static bool shared_topology;

/* The projection of the loaded gemeenten (kept for the water-board layer). */
static struct bbox proj_bb;
static double proj_kx, proj_scale;

/* The water boards (layer), projected like the gemeenten. */
static struct geo_feature *wbs;
static int n_wbs;

/* The national outline (provinces and gemeenten of the Netherlands) in
 * its own small view box, for members outside the province. */
static struct geo_feature *nl_provs, *nl_gems;
static int n_nl_provs, n_nl_gems;
static double nl_view_h;

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

static int ring_collect(json_t *ring, void *ctx)
{
	struct rings *rg = ctx;
	size_t n = json_array_size(ring), i;
	json_t *pt;
	long *xy = realloc(rg->xy, ((size_t)rg->n_pts + n) * 2 * sizeof *xy);
	int *ends = realloc(rg->ends, ((size_t)rg->n_rings + 1) * sizeof *ends);
	if (xy)
		rg->xy = xy;
	if (ends)
		rg->ends = ends;
	if (!xy || !ends)
		return -1;
	json_array_foreach(ring, i, pt)
	{
		double lon, lat;
		if (point(pt, &lon, &lat) < 0)
			return -1;
		rg->xy[2 * rg->n_pts] = lround(lon * GRID);
		rg->xy[2 * rg->n_pts + 1] = lround(lat * GRID);
		rg->n_pts++;
	}
	rg->ends[rg->n_rings++] = rg->n_pts;
	return 0;
}

/* Number of edges of feature f (a closed ring of k points has k - 1). */
static int edge_count(const struct rings *rg)
{
	return rg->n_pts - rg->n_rings;
}

/* Edge e of rings rg as four fixed-point numbers; returns false when e is
 * out of range. */
static bool edge_at(const struct rings *rg, int e, long out[4])
{
	int start = 0;
	for (int r = 0; r < rg->n_rings; r++) {
		int k = rg->ends[r] - start; /* points in this ring */
		if (e < k - 1) {
			int i = start + e;
			out[0] = rg->xy[2 * i];
			out[1] = rg->xy[2 * i + 1];
			out[2] = rg->xy[2 * i + 2];
			out[3] = rg->xy[2 * i + 3];
			return true;
		}
		e -= k - 1;
		start = rg->ends[r];
	}
	return false;
}

/* True when some feature other than f (among the list, or all when list is
 * NULL) has the reverse of edge ed. */
static bool has_twin(const long ed[4], int f, const int *list, int n_list)
{
	int n = list ? n_list : n_feats;
	for (int q = 0; q < n; q++) {
		int g = list ? list[q] : q;
		if (g == f || g < 0 || g >= n_feats)
			continue;
		const struct rings *rg = &feat_rings[g];
		int ne = edge_count(rg);
		for (int e = 0; e < ne; e++) {
			long o[4];
			edge_at(rg, e, o);
			if (o[0] == ed[2] && o[1] == ed[3] && o[2] == ed[0] && o[3] == ed[1])
				return true;
		}
	}
	return false;
}

/* Check that neighbouring gemeenten share their boundary vertices (then an
 * inner edge of a union appears twice, once in each direction). */
static bool check_topology(void)
{
	int total = 0, twins = 0;
	for (int f = 0; f < n_feats; f++) {
		int ne = edge_count(&feat_rings[f]);
		for (int e = 0; e < ne; e++) {
			long ed[4];
			edge_at(&feat_rings[f], e, ed);
			total++;
			twins += has_twin(ed, f, NULL, 0);
		}
	}
	/* a province of adjacent gemeenten: most edges are inner edges */
	return n_feats < 2 || (total > 0 && twins * 4 >= total);
}

static void project_fixed(long x, long y, double *px, double *py)
{
	*px = VIEW_PAD + (x / GRID - proj_bb.lon0) * proj_kx * proj_scale;
	*py = VIEW_PAD + (proj_bb.lat1 - y / GRID) * proj_scale;
}

bool geo_shared_topology(void)
{
	return shared_topology;
}

int geo_union_outline(const int *fs, int n, struct buf *d)
{
	if (!shared_topology || n <= 0)
		return -1;
	/* the edges of the members that have no reverse twin in another member */
	long *keep = NULL;
	size_t n_keep = 0, cap = 0;
	for (int q = 0; q < n; q++) {
		int f = fs[q];
		if (f < 0 || f >= n_feats)
			continue;
		int ne = edge_count(&feat_rings[f]);
		for (int e = 0; e < ne; e++) {
			long ed[4];
			edge_at(&feat_rings[f], e, ed);
			if (has_twin(ed, f, fs, n))
				continue;
			if (n_keep == cap) {
				cap = cap ? 2 * cap : 64;
				long *k = realloc(keep, cap * 4 * sizeof *k);
				if (!k) {
					free(keep);
					return -1;
				}
				keep = k;
			}
			memcpy(keep + 4 * n_keep++, ed, 4 * sizeof *ed);
		}
	}
	/* chain the remaining edges into paths */
	bool *used = calloc(n_keep + 1, sizeof *used);
	if (!used) {
		free(keep);
		return -1;
	}
	for (size_t i = 0; i < n_keep; i++) {
		if (used[i])
			continue;
		double x, y;
		size_t cur = i;
		used[cur] = true;
		project_fixed(keep[4 * cur], keep[4 * cur + 1], &x, &y);
		buf_printf(d, "M%.1f %.1f", x, y);
		long sx = keep[4 * cur], sy = keep[4 * cur + 1];
		for (;;) {
			long ex = keep[4 * cur + 2], ey = keep[4 * cur + 3];
			if (ex == sx && ey == sy) {
				buf_putc(d, 'Z');
				break;
			}
			project_fixed(ex, ey, &x, &y);
			buf_printf(d, "L%.1f %.1f", x, y);
			size_t next = n_keep;
			for (size_t j = 0; j < n_keep && next == n_keep; j++)
				if (!used[j] && keep[4 * j] == ex && keep[4 * j + 1] == ey)
					next = j;
			if (next == n_keep)
				break;
			used[next] = true;
			cur = next;
		}
	}
	free(used);
	free(keep);
	return d->err ? -1 : 0;
}

static void free_features(struct geo_feature *fs, int n)
{
	for (int i = 0; i < n; i++) {
		free(fs[i].statcode);
		free(fs[i].name);
		free(fs[i].geometry);
		free(fs[i].path_d);
	}
	free(fs);
}

void geo_free(void)
{
	free_features(wbs, n_wbs);
	wbs = NULL;
	n_wbs = 0;
	free_features(nl_provs, n_nl_provs);
	free_features(nl_gems, n_nl_gems);
	nl_provs = nl_gems = NULL;
	n_nl_provs = n_nl_gems = 0;
	for (int i = 0; feat_rings && i < n_feats; i++) {
		free(feat_rings[i].xy);
		free(feat_rings[i].ends);
	}
	free(feat_rings);
	feat_rings = NULL;
	shared_topology = false;

	free_features(feats, n_feats);
	feats = NULL;
	n_feats = 0;
}

/* Clip polygon (x,y pairs, n points) against one side of the view box:
 * keep points with sign * (coord - limit) <= 0 on axis (0 = x, 1 = y).
 * Writes at most 2n points into out; returns how many. */
static int clip_side(const double *in, int n, double *out, int axis, double limit, double sign)
{
	int m = 0;
	for (int i = 0; i < n; i++) {
		const double *p = in + 2 * i, *q = in + 2 * ((i + 1) % n);
		bool pin = sign * (p[axis] - limit) <= 0, qin = sign * (q[axis] - limit) <= 0;
		if (pin) {
			out[2 * m] = p[0];
			out[2 * m + 1] = p[1];
			m++;
		}
		if (pin != qin) {
			double t = (limit - p[axis]) / (q[axis] - p[axis]);
			out[2 * m] = p[0] + t * (q[0] - p[0]);
			out[2 * m + 1] = p[1] + t * (q[1] - p[1]);
			m++;
		}
	}
	return m;
}

/* Like path_ring, but the ring is clipped to the view box first, so a
 * layer that reaches beyond the province (the water boards) stays inside
 * the map. */
static int path_ring_clipped(json_t *ring, void *ctx)
{
	struct proj_ctx *p = ctx;
	size_t n = json_array_size(ring), i;
	json_t *pt;
	double *a = calloc(4 * n + 8, sizeof *a), *b = calloc(4 * n + 8, sizeof *b);
	if (!a || !b) {
		free(a);
		free(b);
		return -1;
	}
	int m = 0;
	json_array_foreach(ring, i, pt)
	{
		double lon, lat;
		if (point(pt, &lon, &lat) < 0) {
			free(a);
			free(b);
			return -1;
		}
		project(p, lon, lat, &a[2 * m], &a[2 * m + 1]);
		m++;
	}
	if (m > 1 && a[0] == a[2 * m - 2] && a[1] == a[2 * m - 1])
		m--; /* the closing point */
	m = clip_side(a, m, b, 0, 0, -1);
	m = clip_side(b, m, a, 0, GEO_VIEW_W, 1);
	m = clip_side(a, m, b, 1, 0, -1);
	m = clip_side(b, m, a, 1, view_h, 1);
	double ar = 0, cx = 0, cy = 0;
	for (int k = 0; k < m; k++) {
		buf_printf(p->d, k == 0 ? "M%.1f %.1f" : "L%.1f %.1f", a[2 * k], a[2 * k + 1]);
		const double *u = a + 2 * k, *w = a + 2 * ((k + 1) % m);
		double cross = u[0] * w[1] - w[0] * u[1];
		ar += cross;
		cx += (u[0] + w[0]) * cross;
		cy += (u[1] + w[1]) * cross;
	}
	if (m > 0)
		buf_putc(p->d, 'Z');
	if (fabs(ar) > p->best_area && fabs(ar) > 1e-9) {
		p->best_area = fabs(ar);
		p->lx = cx / (3.0 * ar);
		p->ly = cy / (3.0 * ar);
	}
	free(a);
	free(b);
	return 0;
}

/* The path of file name in the directory of the gemeente file (or ".");
 * the optional layers lie beside it. */
static void sibling_path(char *out, size_t n, const char *gemeente_path, const char *name)
{
	const char *slash = strrchr(gemeente_path, '/');
	int dir_len = slash ? (int)(slash - gemeente_path) : 1;
	snprintf(out, n, "%.*s/%s", dir_len, slash ? gemeente_path : ".", name);
}

/* Load the water-board layer from GEO_WATERBOARD_FILE in the directory of
 * the gemeente file, projected like the gemeenten. Optional: without the
 * file (or with a bad one) the map has no water-board layer. */
static void load_waterboards(const char *gemeente_path)
{
	char path[4096];
	sibling_path(path, sizeof path, gemeente_path, GEO_WATERBOARD_FILE);
	json_t *root = json_load_file(path, 0, NULL);
	json_t *fs = json_object_get(root, "features");
	size_t i;
	json_t *f;
	if (!json_is_array(fs) || json_array_size(fs) == 0) {
		json_decref(root);
		return;
	}
	wbs = calloc(json_array_size(fs), sizeof *wbs);
	struct proj_ctx p = {.bb = &proj_bb, .kx = proj_kx, .scale = proj_scale};
	json_array_foreach(fs, i, f)
	{
		if (!wbs)
			break;
		json_t *props = json_object_get(f, "properties");
		const char *code = json_string_value(json_object_get(props, "code"));
		const char *name = json_string_value(json_object_get(props, "naam"));
		json_t *geom = json_object_get(f, "geometry");
		struct buf d = BUF_INIT;
		p.d = &d;
		p.best_area = 0;
		p.lx = p.ly = 0;
		if (!code || !name || rings_each(geom, path_ring_clipped, &p) < 0 || d.err) {
			buf_free(&d);
			continue;
		}
		struct geo_feature *ft = &wbs[n_wbs++];
		ft->statcode = strdup(code);
		ft->name = strdup(name);
		ft->geometry = json_dumps(geom, JSON_COMPACT | JSON_REAL_PRECISION(8));
		ft->path_d = buf_detach(&d, NULL);
		ft->lx = p.lx;
		ft->ly = p.ly;
	}
	json_decref(root);
}

/* Read a FeatureCollection (properties.statcode, statnaam) projected with
 * p (its bbox, kx and scale set) into a new array; *n gets the count. Only
 * the path and label point are kept. */
static struct geo_feature *load_projected(const char *path, struct proj_ctx *p, int *n)
{
	json_t *root = json_load_file(path, 0, NULL);
	json_t *fs = json_object_get(root, "features");
	size_t i;
	json_t *f;
	*n = 0;
	struct geo_feature *out =
	    json_is_array(fs) ? calloc(json_array_size(fs) + 1, sizeof *out) : NULL;
	json_array_foreach(fs, i, f)
	{
		if (!out)
			break;
		json_t *props = json_object_get(f, "properties");
		const char *code = json_string_value(json_object_get(props, "statcode"));
		const char *name = json_string_value(json_object_get(props, "statnaam"));
		struct buf d = BUF_INIT;
		p->d = &d;
		p->best_area = 0;
		p->lx = p->ly = 0;
		if (!code || !name ||
		    rings_each(json_object_get(f, "geometry"), path_ring, p) < 0 || d.err) {
			buf_free(&d);
			continue;
		}
		struct geo_feature *ft = &out[(*n)++];
		ft->statcode = strdup(code);
		ft->name = strdup(name);
		ft->path_d = buf_detach(&d, NULL);
		ft->lx = p->lx;
		ft->ly = p->ly;
	}
	json_decref(root);
	return out;
}

/* Load the national outline from GEO_NL_PROVINCE_FILE and
 * GEO_NL_GEMEENTE_FILE beside the gemeente file (optional). */
static void load_national(const char *gemeente_path)
{
	char path[4096];
	sibling_path(path, sizeof path, gemeente_path, GEO_NL_PROVINCE_FILE);
	json_t *root = json_load_file(path, 0, NULL);
	json_t *fs = json_object_get(root, "features");
	struct bbox bb = {0};
	size_t i;
	json_t *f;
	bool ok = json_is_array(fs) && json_array_size(fs) > 0;
	json_array_foreach(fs, i, f) if (ok && rings_each(json_object_get(f, "geometry"), bbox_ring,
							  &bb) < 0) ok = false;
	json_decref(root);
	if (!ok || !bb.any || bb.lon1 <= bb.lon0 || bb.lat1 <= bb.lat0)
		return;
	struct proj_ctx p = {.bb = &bb, .kx = cos(PROJ_LAT * M_PI / 180.0)};
	p.scale = (GEO_NL_VIEW_W - 2 * VIEW_PAD) / ((bb.lon1 - bb.lon0) * p.kx);
	nl_view_h = ceil((bb.lat1 - bb.lat0) * p.scale + 2 * VIEW_PAD);
	nl_provs = load_projected(path, &p, &n_nl_provs);
	sibling_path(path, sizeof path, gemeente_path, GEO_NL_GEMEENTE_FILE);
	nl_gems = load_projected(path, &p, &n_nl_gems);
}

int geo_nl_province_count(void)
{
	return n_nl_provs;
}

const struct geo_feature *geo_nl_province_at(int i)
{
	return &nl_provs[i];
}

const struct geo_feature *geo_nl_gemeente(const char *cbs_code)
{
	for (int i = 0; i < n_nl_gems && !str_empty(cbs_code); i++)
		if (strcasecmp(nl_gems[i].statcode, cbs_code) == 0)
			return &nl_gems[i];
	return NULL;
}

double geo_nl_view_height(void)
{
	return nl_view_h;
}

int geo_waterboard_count(void)
{
	return n_wbs;
}

const struct geo_feature *geo_waterboard_at(int i)
{
	return &wbs[i];
}

/* The name without its first word ("Waterschap", "Hoogheemraadschap"). */
static const char *wb_core(const char *name)
{
	const char *sp = strchr(name, ' ');
	return sp ? sp + 1 : name;
}

int geo_waterboard_find(const char *code, const char *name)
{
	for (int i = 0; i < n_wbs; i++)
		if (!str_empty(code) && strcasecmp(wbs[i].statcode, code) == 0)
			return i;
	for (int i = 0; i < n_wbs && !str_empty(name); i++)
		if (strcasecmp(wb_core(wbs[i].name), wb_core(name)) == 0)
			return i;
	return -1;
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
	feat_rings = calloc(json_array_size(fs), sizeof *feat_rings);
	if (!feats || !feat_rings)
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
		if (rings_each(geom, ring_collect, &feat_rings[n_feats]) < 0)
			goto bad;
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
	proj_bb = bb;
	proj_kx = p.kx;
	proj_scale = p.scale;
	shared_topology = check_topology();
	load_waterboards(path);
	load_national(path);
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
