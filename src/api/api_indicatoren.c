/*
 * api_indicatoren — the indicator store through the API; see
 * api_indicatoren.h.
 */
#include "api_indicatoren.h"
#include "api_common.h"
#include "../app/indicatoren.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <stdio.h>
#include <string.h>

#define IND_PATH API_BASE "/kennis/indicatoren"
#define IND_PAGE_SIZE 100

const struct param_spec api_indicator_values_params[] = {{"gebied", PT_TEXT, 80},
							 {"periode", PT_TEXT, INDICATOR_PERIOD_MAX},
							 {"pagina", PT_PAGE, 0},
							 {"paginaGrootte", PT_PAGE_SIZE, 0},
							 {NULL, 0, 0}};

static const char *const value_keys[] = {"gebied", "periode", "paginaGrootte", "pagina", NULL};

static void periods_json(struct jw *w, const struct indicator_row *x)
{
	jw_key(w, "perioden");
	jw_arr(w);
	for (int i = 0; i < x->n_periods; i++) {
		jw_obj(w);
		jw_kstr(w, "periode", x->periods[i].period);
		jw_kint(w, "aantalWaarden", x->periods[i].n_values);
		jw_kint(w, "aantalBekend", x->periods[i].n_present);
		jw_end(w);
	}
	jw_end(w);
}

static void indicator_json(struct request *r, struct jw *w, const struct indicator_row *x,
			   bool links)
{
	jw_obj(w);
	jw_kstr(w, "sleutel", x->d.key);
	jw_kstr(w, "naam", x->d.name);
	jw_kstr(w, "definitie", *x->d.definition ? x->d.definition : NULL);
	jw_kstr(w, "eenheid", *x->d.unit ? x->d.unit : NULL);
	jw_kstr(w, "thema", x->d.theme);
	jw_kstr(w, "bron", x->d.source);
	jw_kstr(w, "bronUrl", *x->d.source_url ? x->d.source_url : NULL);
	jw_kstr(w, "licentie", *x->d.licence ? x->d.licence : NULL);
	jw_kstr(w, "richting", x->d.direction);
	jw_kstr(w, "gebiedsniveau", x->d.area_level);
	jw_kstr(w, "waarschuwing", *x->d.warning ? x->d.warning : NULL);
	periods_json(w, x);
	const char *self = arena_printf(r->arena, IND_PATH "/%s", x->d.key);
	if (links) {
		jw_key(w, "_links");
		jw_obj(w);
		jw_key(w, "self");
		jw_obj(w);
		jw_kstr(w, "href", self);
		jw_end(w);
		jw_key(w, "waarden");
		jw_obj(w);
		jw_kstr(w, "href", arena_printf(r->arena, "%s/waarden", self));
		jw_end(w);
		jw_end(w);
	} else {
		jw_kstr(w, "href", self);
	}
	jw_end(w);
}

int api_indicatoren_list(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct indicator_row *rows;
	int n;
	if (indicatoren_all(s, r->arena, &rows, &n))
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	api_links_self(&w, IND_PATH);
	jw_kint(&w, "totaal", n);
	jw_key(&w, "indicatoren");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		indicator_json(r, &w, &rows[i], false);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static int find(struct request *r, struct store **s, struct indicator_row *x)
{
	*s = store_thread();
	if (!*s)
		return api_store_down(r);
	int rc = indicatoren_one(*s, r->arena, r->path_args[0], x);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc)
		return api_store_down(r);
	return 0;
}

int api_indicator_show(struct request *r)
{
	struct store *s;
	struct indicator_row x;
	int rc = find(r, &s, &x);
	if (rc)
		return rc;
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	indicator_json(r, &w, &x, true);
	return 200;
}

int api_indicator_values(struct request *r)
{
	const char *area = req_param(r, "gebied");
	const char *period = req_param(r, "periode");
	if (area && !indicator_area_code_valid(area))
		return respond_error(
		    r, 400, "Ongeldige parameter",
		    "De parameter 'gebied' moet een gebiedscode zijn, bijvoorbeeld "
		    "GM0344.",
		    "gebied");
	char norm[INDICATOR_PERIOD_MAX + 1];
	bool prov;
	if (period && !indicator_period_normalise(period, norm, sizeof norm, &prov))
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'periode' moet een periode zijn, bijvoorbeeld "
				     "2024.",
				     "periode");
	long page = 1, size = IND_PAGE_SIZE;
	if (!api_param_long(r, "pagina", 1, 10000, &page))
		return respond_error(
		    r, 400, "Ongeldige parameter",
		    "De parameter 'pagina' moet een geheel getal van 1 tot en met 10000 zijn.",
		    "pagina");
	if (!api_param_long(r, "paginaGrootte", 1, 100, &size))
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'paginaGrootte' moet een geheel getal van 1 tot "
				     "en met 100 zijn.",
				     "paginaGrootte");
	struct store *s;
	struct indicator_row x;
	int rc = find(r, &s, &x);
	if (rc)
		return rc;
	struct indicator_value_row *v;
	int n, total;
	if (indicatoren_values(s, r->arena, &x, area, period ? norm : NULL, (int)size,
			       (int)((page - 1) * size), &v, &n, &total))
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	const char *path = arena_printf(r->arena, IND_PATH "/%s/waarden", x.d.key);
	api_paging(r, &w, path, value_keys, page, size, total);
	jw_kstr(&w, "indicator", x.d.key);
	jw_kstr(&w, "eenheid", *x.d.unit ? x.d.unit : NULL);
	jw_kstr(&w, "bron", x.d.source);
	jw_kstr(&w, "licentie", *x.d.licence ? x.d.licence : NULL);
	jw_key(&w, "waarden");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "gebied", v[i].area);
		jw_kstr(&w, "gebiedNaam", v[i].area_name);
		jw_kstr(&w, "periode", v[i].period);
		jw_key(&w, "waarde");
		if (v[i].has)
			jw_num(&w, v[i].value);
		else
			jw_null(&w);
		jw_kint(&w, "versie", v[i].version);
		jw_kstr(&w, "bronNotitie", *v[i].note ? v[i].note : NULL);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
