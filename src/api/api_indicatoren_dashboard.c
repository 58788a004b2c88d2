/*
 * api_indicatoren_dashboard — the gemeente dashboard as JSON; see
 * api_indicatoren_dashboard.h.
 */
#include "api_indicatoren_dashboard.h"
#include "api_common.h"
#include "../app/indicatoren_dashboard.h"
#include "../lib/arena.h"
#include "../render/json.h"

#include <string.h>

const struct param_spec api_indicatoren_dashboard_params[] = {
    {"klasse", PT_TEXT, 40}, {"vergelijk", PT_LIST, PEERS_MAX_CODES}, {NULL, 0, 0}};

static void item_json(struct jw *w, const struct dash_item *it)
{
	jw_obj(w);
	jw_kstr(w, "sleutel", it->ind->d.key);
	jw_kstr(w, "naam", it->ind->d.name);
	jw_kstr(w, "thema", it->ind->d.theme);
	jw_kstr(w, "eenheid", *it->ind->d.unit ? it->ind->d.unit : NULL);
	jw_kstr(w, "richting", it->ind->d.direction);
	jw_kstr(w, "bron", it->ind->d.source);
	jw_kstr(w, "waarschuwing", *it->ind->d.warning ? it->ind->d.warning : NULL);
	jw_kstr(w, "periode", it->period);
	jw_knum_or_null(w, "waarde", it->value_has, it->value);
	jw_kstr(w, "bronNotitie", it->note && *it->note ? it->note : NULL);
	jw_key(w, "reeks");
	jw_arr(w);
	for (int i = 0; i < it->n_series; i++) {
		jw_obj(w);
		jw_kstr(w, "periode", it->periods[i]);
		jw_knum_or_null(w, "waarde", it->has[i], it->values[i]);
		jw_end(w);
	}
	jw_end(w);
	jw_knum_or_null(w, "verandering", it->trend.n_present >= 2, it->trend.change);
	jw_key(w, "rang");
	if (it->rank)
		jw_int(w, it->rank);
	else
		jw_null(w);
	jw_kint(w, "aantalGerangschikt", it->n_ranked);
	jw_key(w, "vergelijkbaar");
	jw_obj(w);
	jw_kint(w, "aantalMetWaarde", it->peers.n);
	jw_knum_or_null(w, "gemiddelde", it->peers.n > 0, it->peers.mean);
	jw_knum_or_null(w, "mediaan", it->peers.n > 0, it->peers.median);
	jw_kstr(w, "positie", peers_position_key(it->position));
	jw_end(w);
	jw_end(w);
}

int api_indicatoren_dashboard(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct dashboard d;
	const char *err;
	enum dash_status ds =
	    indicatoren_dashboard(s, r->arena, r->path_args[0], req_param(r, "klasse"),
				  req_param(r, "vergelijk"), &d, &err);
	if (ds == DASH_FAULT)
		return api_store_down(r);
	if (ds == DASH_NOTFOUND)
		return respond_not_found(r);
	if (ds == DASH_BAD)
		return respond_error(r, 400, "Ongeldige parameter", err,
				     req_param(r, "vergelijk") ? "vergelijk" : "klasse");
	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_links_self(&w,
		       arena_printf(r->arena, API_BASE "/kennis/gemeenten/%s/dashboard", d.area));
	jw_kstr(&w, "gemeente", d.area);
	jw_kstr(&w, "naam", d.area_name);
	jw_kstr(&w, "provincie", d.province);
	jw_key(&w, "vergelijking");
	jw_obj(&w);
	jw_kstr(&w, "klasse", d.cls ? d.cls->param : NULL);
	jw_knum_or_null(&w, "klasseWaarde", d.class_has, d.class_value);
	jw_kstr(&w, "klassePeriode", d.class_period);
	jw_key(&w, "gemeenten");
	jw_arr(&w);
	for (int i = 0; i < d.n_peers; i++) {
		jw_obj(&w);
		jw_kstr(&w, "code", d.peers[i].code);
		jw_kstr(&w, "naam", d.peers[i].name);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	jw_kint(&w, "totaal", d.n_items);
	jw_key(&w, "indicatoren");
	jw_arr(&w);
	for (int i = 0; i < d.n_items; i++)
		item_json(&w, &d.items[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}
