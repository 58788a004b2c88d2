/*
 * api_indicatoren_vergelijk — the compare view as JSON; see
 * api_indicatoren_vergelijk.h.
 */
#include "api_indicatoren_vergelijk.h"
#include "api_common.h"
#include "../app/indicatoren_vergelijk.h"
#include "../domain/indicatoren.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <string.h>

const struct param_spec api_indicatoren_vergelijk_params[] = {
    {"indicator", PT_TEXT, INDICATOR_KEY_MAX},
    {"gebieden", PT_LIST, VERGELIJK_MAX_CODES},
    {"periode", PT_TEXT, INDICATOR_PERIOD_MAX},
    {"van", PT_TEXT, 6},
    {"klasse", PT_TEXT, 40},
    {"alle", PT_TEXT, 3},
    {NULL, 0, 0}};

static void num_or_null(struct jw *w, const char *key, bool has, double v)
{
	jw_key(w, key);
	if (has)
		jw_num(w, v);
	else
		jw_null(w);
}

static void int_or_null(struct jw *w, const char *key, int v)
{
	jw_key(w, key);
	if (v)
		jw_int(w, v);
	else
		jw_null(w);
}

static void row_json(struct jw *w, const struct vergelijk *v, const struct vergelijk_row *x)
{
	jw_obj(w);
	jw_kstr(w, "code", x->code);
	jw_kstr(w, "naam", x->name);
	jw_kstr(w, "provincie", *x->province ? x->province : NULL);
	num_or_null(w, "waarde", x->has, x->value);
	jw_kstr(w, "bronNotitie", x->note && *x->note ? x->note : NULL);
	int_or_null(w, "rangNederland", x->rank_nl);
	jw_kint(w, "gerangschiktNederland", x->n_nl);
	int_or_null(w, "rangProvincie", x->rank_pv);
	jw_kint(w, "gerangschiktProvincie", x->n_pv);
	num_or_null(w, "verschilMediaan", x->has && v->n_present, x->value - v->median);
	jw_key(w, "percentageLager");
	if (x->share_below >= 0)
		jw_int(w, x->share_below);
	else
		jw_null(w);
	int_or_null(w, "klasse", x->cls + 1);
	jw_kbool(w, "gekozen", x->chosen);
	jw_end(w);
}

int api_indicatoren_vergelijk(struct request *r)
{
	const char *key = req_param(r, "indicator");
	const char *alle = req_param(r, "alle");
	if (str_empty(key))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Kies een indicator (parameter 'indicator').", "indicator");
	if (alle && strcmp(alle, "ja") != 0)
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'alle' kan alleen 'ja' zijn.", "alle");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct vergelijk v;
	const char *err, *param;
	enum vergelijk_status vs = indicatoren_vergelijk(
	    s, r->arena, key, req_param(r, "gebieden"), req_param(r, "periode"),
	    req_param(r, "van"), req_param(r, "klasse"), &v, &err, &param);
	if (vs == VG_FAULT)
		return api_store_down(r);
	if (vs == VG_NOTFOUND)
		return respond_error(r, 400, "Ongeldige parameter", "Die indicator kennen we niet.",
				     "indicator");
	if (vs == VG_BAD)
		return respond_error(r, 400, "Ongeldige parameter", err, param);
	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_links_self(&w, API_BASE "/kennis/vergelijk");
	jw_key(&w, "indicator");
	jw_obj(&w);
	jw_kstr(&w, "sleutel", v.ind.d.key);
	jw_kstr(&w, "naam", v.ind.d.name);
	jw_kstr(&w, "thema", v.ind.d.theme);
	jw_kstr(&w, "eenheid", *v.ind.d.unit ? v.ind.d.unit : NULL);
	jw_kstr(&w, "richting", v.ind.d.direction);
	jw_kstr(&w, "bron", v.ind.d.source);
	jw_kstr(&w, "bronUrl", *v.ind.d.source_url ? v.ind.d.source_url : NULL);
	jw_kstr(&w, "licentie", *v.ind.d.licence ? v.ind.d.licence : NULL);
	jw_kstr(&w, "waarschuwing", *v.ind.d.warning ? v.ind.d.warning : NULL);
	jw_end(&w);
	jw_kstr(&w, "periode", v.period);
	jw_key(&w, "nederland");
	jw_obj(&w);
	jw_kint(&w, "aantalMetWaarde", v.n_present);
	jw_kint(&w, "aantalGemeenten", v.n_all);
	num_or_null(&w, "mediaan", v.n_present > 0, v.median);
	num_or_null(&w, "minimum", v.n_present > 0, v.min);
	num_or_null(&w, "maximum", v.n_present > 0, v.max);
	jw_key(&w, "klassen");
	jw_arr(&w);
	for (int c = 0; v.n_present && c < VERGELIJK_CLASSES; c++) {
		jw_obj(&w);
		jw_kint(&w, "klasse", c + 1);
		jw_kint(&w, "aantal", v.class_count[c]);
		jw_key(&w, "totEnMet");
		jw_num(&w, v.breaks[c]);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "verdeling");
	jw_arr(&w);
	for (int k = 0; v.n_present && k < VERGELIJK_BINS; k++) {
		jw_obj(&w);
		jw_key(&w, "van");
		jw_num(&w, v.hist_lo + (v.hist_hi - v.hist_lo) * k / VERGELIJK_BINS);
		jw_key(&w, "tot");
		jw_num(&w, v.hist_lo + (v.hist_hi - v.hist_lo) * (k + 1) / VERGELIJK_BINS);
		jw_kint(&w, "aantal", v.hist[k]);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	bool all = alle != NULL;
	jw_kint(&w, "totaal", all ? v.n_all : v.n_chosen);
	jw_key(&w, "gemeenten");
	jw_arr(&w);
	for (int i = 0; i < (all ? v.n_all : v.n_chosen); i++)
		row_json(&w, &v, all ? &v.all[i] : &v.chosen[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}
