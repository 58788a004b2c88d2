/*
 * api_map — the map view (app/map.c) as GeoJSON: GET /api/v1/kaart and the
 * download GET /kaart.geojson. See api_map.h. Reads the snapshot only.
 */
#include "api_map.h"
#include "api_common.h"
#include "../app/map.h"
#include "../domain/labels.h"
#include "../io/geo.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <stdbool.h>

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

	jw_kstr(&w, "naamsvermelding", GEO_ATTRIBUTION);
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
		return respond_error(r, 400, "Ongeldige parameter", msg, param);
	return 0;
}

int api_map(struct request *r)
{
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
