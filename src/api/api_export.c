/*
 * api_export — see api_export.h.
 */
#include "api_export.h"
#include "api_common.h"
#include "../domain/filter.h"
#include "../domain/mapcount.h"
#include "../io/geo.h"
#include "../io/roo_export.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <stdio.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

const struct param_spec api_geo_params[] = {
    {"beleidsdomein", PT_FILTER, 0}, {"juridischeVorm", PT_FILTER, 0}, {"fase", PT_FILTER, 0},
    {"soort", PT_FILTER, 0},	     {"status", PT_FILTER, 0},	       {NULL, 0, 0}};

static const char *const geo_keys[] = {"beleidsdomein", "juridischeVorm", "fase",
				       "soort",		"status",	  NULL};

int api_export_roo(struct request *r)
{
	const struct snapshot *s = r->snap;
	char ts[32];
	/* the data's date, not the clock: the reply stays equal for one ETag */
	snprintf(ts, sizeof ts, "%sT00:00:00", s->today);
	roo_export_write(&r->out, s, ts, NULL);
	r->content_type = "application/xml; charset=utf-8";
	r->etag = s->etag;
	req_header(r, "Content-Disposition", "inline; filename=\"samenwerkingsatlas-roo.xml\"");
	return 200;
}

int api_geo_orgs(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct collab_filter f;
	char msg[256];
	collab_filter_init(&f, 20);
	for (int i = 0; geo_keys[i]; i++) {
		const char *v = req_param(r, geo_keys[i]);
		if (!str_empty(v) && collab_filter_set(&f, s, geo_keys[i], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter", msg, geo_keys[i]);
	}
	int *orgs = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof(int));
	int n = mapcount_map_orgs(s, orgs);
	struct jw w;
	api_geojson_begin(r, &w);
	jw_kstr(&w, "attributie", GEO_ATTRIBUTION);
	jw_key(&w, "features");
	jw_arr(&w);
	for (int j = 0; j < n; j++) {
		const struct organisation *o = &s->orgs[orgs[j]];
		const char *geom = geo_geometry_for(o->cbs_code);
		if (!geom)
			continue;
		f.org = orgs[j];
		int count = 0;
		for (int c = 0; c < s->n_collabs; c++)
			count += collab_filter_match(&f, s, c);
		api_geojson_feature(&w, &r->out, o->code, geom);
		jw_key(&w, "properties");
		jw_obj(&w);
		jw_kstr(&w, "code", o->code);
		jw_kstr(&w, "naam", o->name);
		jw_kstr(&w, "cbsCode", o->cbs_code);
		jw_kint(&w, "aantalSamenwerkingsverbanden", count);
		struct buf href = BUF_INIT;
		buf_printf(&href, "/api/v1/organisaties/%s", o->code);
		jw_kstr(&w, "href", href.data ? href.data : "");
		buf_free(&href);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
