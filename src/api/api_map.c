/*
 * api_map — the map view (app/map.c) as GeoJSON: GET /api/v1/kaart and the
 * download GET /kaart.geojson. See api_map.h. Reads the snapshot only.
 */
#include "api_map.h"
#include "api_common.h"
#include "../app/map.h"
#include "../app/readmodel.h"
#include "../domain/labels.h"
#include "../io/geo.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <stdbool.h>
#include <string.h>

/* Write the active participant codes of collaboration c as an array value. */
static void participant_codes(struct jw *w, const struct snapshot *s, int c)
{
	const struct collaboration *col = &s->collabs[c];
	jw_arr(w);
	for (int k = 0; k < col->n_parts; k++) {
		const struct participation *p = &s->parts[col->parts[k]];
		if (!p->active)
			continue;
		bool dup = false; /* one organisation may take part with several bodies */
		for (int q = 0; q < k && !dup; q++) {
			const struct participation *pq = &s->parts[col->parts[q]];
			dup = pq->active && pq->organisation == p->organisation;
		}
		if (!dup)
			jw_str(w, s->orgs[p->organisation].code);
	}
	jw_end(w);
}

/* The geometry of area ar: a GeometryCollection of its gemeenten's shapes
 * (trusted compact JSON from io/geo.c), in the arena; NULL when none. */
static const char *area_geometry(struct request *r, const struct map_view *v,
				 const struct map_area *ar)
{
	struct buf g = BUF_INIT;
	int k = 0;
	buf_puts(&g, "{\"type\":\"GeometryCollection\",\"geometries\":[");
	for (int j = 0; j < v->n; j++)
		if (ar->in[j] && v->feature[j] >= 0) {
			if (k++)
				buf_putc(&g, ',');
			buf_puts(&g, geo_feature_at(v->feature[j])->geometry);
		}
	buf_puts(&g, "]}");
	const char *out = k > 0 && !g.err ? arena_strdup(r->arena, g.data) : NULL;
	buf_free(&g);
	return out;
}

/* Write the areas as GeoJSON Features (one per collaboration). */
static void write_areas(struct request *r, struct jw *w, const struct map_view *v,
			const struct map_area *areas, int n, bool compared)
{
	const struct snapshot *s = r->snap;
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		const struct map_area *ar = &areas[i];
		const struct collaboration *c = &s->collabs[ar->collab];
		api_geojson_feature(w, &r->out, c->key, area_geometry(r, v, ar));
		jw_key(w, "properties");
		jw_obj(w);
		jw_kstr(w, "id", c->key);
		jw_kstr(w, "naam", c->name);
		jw_kstr(w, "label", ar->label);
		jw_kstr(w, "kleur", compared ? "#1a1a1a" : map_area_colour(ar->style));
		jw_kstr(w, "patroon",
			compared ? "gestreepte lijn"
				 : map_pattern_name(map_area_pattern(ar->style)));
		jw_key(w, "gemeenten");
		jw_arr(w);
		for (int j = 0; j < v->n; j++)
			if (ar->in[j])
				jw_str(w, s->orgs[v->orgs[j]].code);
		jw_end(w);
		jw_key(w, "andereDeelnemers");
		jw_arr(w);
		for (int k = 0; k < ar->n_others; k++)
			jw_str(w, s->orgs[ar->others[k]].code);
		jw_end(w);
		jw_key(w, "via");
		jw_arr(w);
		for (int k = 0; k < ar->n_via; k++)
			jw_str(w, s->collabs[ar->via[k]].key);
		jw_end(w);
		jw_key(w, "deelnemers");
		participant_codes(w, s, ar->collab);
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
}

/* Write view v as a GeoJSON FeatureCollection (docs/API.md, GET /api/v1/kaart)
 * into r->out and set the content type and ETag. */
static void write_geojson(struct request *r, const struct map_view *v)
{
	const struct snapshot *s = r->snap;
	struct jw w;
	api_geojson_begin(r, &w);
	jw_key(&w, "features");
	jw_arr(&w);
	for (int j = 0; j < v->n; j++) {
		const struct organisation *o = &s->orgs[v->orgs[j]];
		api_geojson_feature(&w, &r->out, o->code,
				    v->feature[j] >= 0 ? geo_feature_at(v->feature[j])->geometry
						       : NULL);
		jw_key(&w, "properties");
		jw_obj(&w);
		jw_kstr(&w, "code", o->code);
		jw_kstr(&w, "naam", o->name);
		jw_kstr(&w, "cbsCode", o->cbs_code);
		jw_kint(&w, "aantal", v->counts[j]);
		jw_kint(&w, "klasse", v->cls[j] + 1);
		if (v->verband >= 0)
			jw_kbool(&w, "inVerband", mapcount_takes_part(s, v->verband, v->orgs[j]));
		jw_key(&w, "gebieden");
		jw_arr(&w);
		for (int i = 0; !v->too_many && i < v->n_areas; i++)
			if (v->areas[i].in[j])
				jw_str(&w, s->collabs[v->areas[i].collab].key);
		jw_end(&w);
		if (v->cmp_domain >= 0) {
			jw_kbool(&w, "grensValtNietSamen", v->mismatch && v->mismatch[j]);
			jw_kbool(&w, "inEenIndeling", v->only_one && v->only_one[j]);
		}
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);

	jw_key(&w, "klassen");
	jw_arr(&w);
	for (int i = 0; i < v->k.n; i++) {
		jw_obj(&w);
		jw_kint(&w, "klasse", i + 1);
		jw_kint(&w, "van", v->k.c[i].lo);
		jw_kint(&w, "tot", v->k.c[i].hi);
		jw_kstr(&w, "kleur", map_shade_colour(v->k.c[i].shade));
		jw_kint(&w, "tint", v->k.c[i].shade);
		jw_end(&w);
	}
	jw_end(&w);

	jw_key(&w, "filters");
	jw_obj(&w);
	for (int i = 0; map_filter_keys[i]; i++)
		jw_kstr(&w, map_filter_keys[i], v->filter_vals[i]);
	jw_kstr(&w, "status", "actief");
	jw_end(&w);
	jw_kint(&w, "aantalSamenwerkingsverbanden", v->n_matching);

	jw_key(&w, "samenwerkingsverbanden");
	jw_arr(&w);
	for (int m = 0; m < v->n_matching; m++) {
		const struct collaboration *c = &s->collabs[v->matching[m]];
		jw_obj(&w);
		jw_kstr(&w, "id", c->key);
		jw_kstr(&w, "naam", c->name);
		jw_key(&w, "deelnemers");
		participant_codes(&w, s, v->matching[m]);
		jw_end(&w);
	}
	jw_end(&w);

	jw_key(&w, "verband");
	if (v->verband >= 0) {
		const struct collaboration *c = &s->collabs[v->verband];
		jw_obj(&w);
		jw_kstr(&w, "id", c->key);
		jw_kstr(&w, "naam", c->name);
		jw_kbool(&w, "actief", c->active);
		jw_key(&w, "deelnemers");
		participant_codes(&w, s, v->verband);
		api_links_self_seg(&w, API_BASE "/samenwerkingsverbanden/", c->key);
		jw_end(&w);
	} else {
		jw_null(&w);
	}

	/* participants without a shape on the map, for the side panel */
	bool *off = map_view_off_map(s, v, r->arena);
	jw_key(&w, "zonderKaartvorm");
	jw_arr(&w);
	for (int o = 0; o < s->n_orgs; o++) {
		if (!off || !off[o])
			continue;
		const struct organisation *org = &s->orgs[o];
		jw_obj(&w);
		jw_kstr(&w, "code", org->code);
		jw_kstr(&w, "naam", org->name);
		jw_kstr(&w, "soort", org_kind_labels[org->kind].api);
		jw_kstr(&w, "soortLabel", org_kind_labels[org->kind].label);
		jw_kbool(&w, "inProvincie", org->in_province);
		jw_end(&w);
	}
	jw_end(&w);

	/* the regio-indeling: one Feature per collaboration area */
	jw_kstr(&w, "weergave", v->mode == MAP_MODE_COUNT ? "aantal" : "regio");
	jw_kbool(&w, "teVeelGebieden", v->too_many);
	jw_key(&w, "gebieden");
	write_areas(r, &w, v, v->areas, v->n_areas, false);
	jw_key(&w, "vergelijking");
	if (v->cmp_domain >= 0) {
		jw_obj(&w);
		jw_kstr(&w, "beleidsdomein", s->domains[v->cmp_domain].key);
		jw_kint(&w, "aantalGrensValtNietSamen", v->n_mismatch);
		jw_kint(&w, "aantalInEenIndeling", v->n_only_one);
		jw_key(&w, "gebieden");
		write_areas(r, &w, v, v->cmp, v->n_cmp, true);
		jw_end(&w);
	} else {
		jw_null(&w);
	}
	jw_key(&w, "waterschappen");
	jw_arr(&w);
	for (int i = 0; v->waterboards && i < geo_waterboard_count(); i++) {
		const struct geo_feature *g = geo_waterboard_at(i);
		api_geojson_feature(&w, &r->out, g->statcode, g->geometry);
		jw_key(&w, "properties");
		jw_obj(&w);
		jw_kstr(&w, "code", g->statcode);
		jw_kstr(&w, "naam", g->name);
		const char *org = NULL; /* the water board in the registry, when known */
		for (int o = 0; o < s->n_orgs && !org; o++)
			if (s->orgs[o].kind == ORG_WATER_BOARD &&
			    geo_waterboard_find(str_empty(s->orgs[o].tooi) ? s->orgs[o].code
									   : s->orgs[o].tooi,
						s->orgs[o].name) == i)
				org = s->orgs[o].code;
		jw_kstr(&w, "organisatie", org);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);

	jw_kstr(&w, "naamsvermelding", GEO_ATTRIBUTION);
	if (v->waterboards)
		jw_kstr(&w, "naamsvermeldingWaterschappen", GEO_WATERBOARD_ATTRIBUTION);
	jw_end(&w);
}

/* Build the view from the request's query; on an unknown value answer 400
 * (problem+json or an HTML page, by route kind) and return that status. */
static int view_or_respond(struct request *r, struct map_view *v)
{
	const char *vals[MAP_N_FILTERS];
	char msg[320];
	const char *param;
	for (int i = 0; i < MAP_N_FILTERS; i++)
		vals[i] = req_param(r, map_filter_keys[i]);
	if (map_view_build(r->snap, r->arena, vals, req_param(r, "verband"), v, msg, sizeof msg,
			   &param) < 0)
		return respond_error(r, 400, "Ongeldige parameter", arena_strdup(r->arena, msg),
				     param);
	if (map_view_regions(r->snap, r->arena, v, req_param(r, "weergave"),
			     req_param(r, "vergelijk"), req_param(r, "waterschappen"), msg,
			     sizeof msg, &param) < 0)
		return respond_error(r, 400, "Ongeldige parameter", arena_strdup(r->arena, msg),
				     param);
	return 0;
}

int api_map(struct request *r)
{
	int tt_status = api_at_date(r, NULL);
	if (tt_status)
		return tt_status;
	struct map_view v;
	int st = view_or_respond(r, &v);
	if (st)
		return st;
	write_geojson(r, &v);
	return 200;
}

int api_map_download(struct request *r)
{
	int st = api_map(r);
	if (st == 200)
		req_header(r, "Content-Disposition",
			   "attachment; filename=\"kaart-gemeenten.geojson\"");
	return st;
}
