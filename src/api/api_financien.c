/*
 * api_financien — the comparison of lasten and baten as JSON; see
 * api_financien.h.
 */
#include "api_financien.h"
#include "api_common.h"
#include "../app/financien.h"
#include "../domain/indicatoren_peers.h"
#include "../lib/arena.h"
#include "../render/json.h"

#include <string.h>

const struct param_spec api_financien_params[] = {{"soort", PT_TEXT, 20},
						  {"vergelijking", PT_TEXT, 40},
						  {"vergelijk", PT_LIST, PEERS_MAX_CODES},
						  {NULL, 0, 0}};

static const char *band_key(enum fin_band b)
{
	switch (b) {
	case FIN_BAND_BELOW:
		return "onder";
	case FIN_BAND_INSIDE:
		return "binnen";
	case FIN_BAND_ABOVE:
		return "boven";
	case FIN_BAND_NONE:
		break;
	}
	return NULL;
}

static void measure_json(struct jw *w, const char *key, const struct fin_measure *m)
{
	jw_key(w, key);
	jw_obj(w);
	jw_knum_or_null(w, "perInwoner", m->has, m->value);
	jw_key(w, "vergelijkbaar");
	jw_obj(w);
	jw_kint(w, "aantalMetWaarde", m->peers.n);
	jw_knum_or_null(w, "p25", m->peers.n > 0, m->peers.p25);
	jw_knum_or_null(w, "mediaan", m->peers.n > 0, m->peers.median);
	jw_knum_or_null(w, "p75", m->peers.n > 0, m->peers.p75);
	jw_end(w);
	jw_knum_or_null(w, "afwijkingPerInwoner", m->dev_has, m->dev);
	jw_kstr(w, "tenOpzichteVanKwartielen", band_key(m->band));
	jw_end(w);
}

static void row_json(struct jw *w, const struct fin_row *row)
{
	jw_obj(w);
	jw_kstr(w, "code", row->taakveld);
	jw_kstr(w, "naam", row->name);
	jw_kint(w, "hoofdstuk", row->hoofdstuk);
	jw_kbool(w, "boekingsvoorschriftenGewijzigd2023", row->changed_2023);
	measure_json(w, "lasten", &row->lasten);
	measure_json(w, "baten", &row->baten);
	measure_json(w, "saldo", &row->saldo);
	jw_knum_or_null(w, "afwijkingLastenTotaal", row->total_has, row->dev_total);
	jw_end(w);
}

int api_financien_gemeente(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	enum iv3_doc doc = IV3_REKENING;
	const char *soort = req_param(r, "soort");
	if (soort && !iv3_doc_parse(soort, &doc))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Soort: kies jaarrekening of begroting.", "soort");
	struct fin_view v;
	const char *err;
	enum fin_status fs =
	    financien_compare(s, r->arena, r->path_args[0], doc, req_param(r, "vergelijking"),
			      req_param(r, "vergelijk"), &v, &err);
	if (fs == FIN_FAULT)
		return api_store_down(r);
	if (fs == FIN_NOTFOUND)
		return respond_not_found(r);
	if (fs == FIN_BAD)
		return respond_error(r, 400, "Ongeldige parameter", err,
				     req_param(r, "vergelijk") ? "vergelijk" : "vergelijking");
	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_links_self(&w, arena_printf(r->arena, API_BASE "/financien/gemeenten/%s", v.area));
	jw_kstr(&w, "gemeente", v.area);
	jw_kstr(&w, "naam", v.name);
	jw_kstr(&w, "provincie", v.province);
	jw_kstr(&w, "soort", iv3_doc_label(v.doc));
	jw_kstr(&w, "periode", *v.period ? v.period : NULL);
	jw_kstr(&w, "eenheid", "euro per inwoner");
	jw_knum_or_null(&w, "inwonertal", v.inhabitants_has, v.inhabitants);
	jw_kstr(&w, "bron", v.source);
	jw_kstr(&w, "bronUrl", v.source_url && *v.source_url ? v.source_url : NULL);
	jw_kstr(&w, "licentie", v.licence);
	jw_kstr(&w, "waarschuwing", v.warning && *v.warning ? v.warning : NULL);
	jw_key(&w, "vergelijking");
	jw_obj(&w);
	jw_kstr(&w, "groep", v.group ? v.group->param : NULL);
	jw_key(&w, "gemeenten");
	jw_arr(&w);
	for (int i = 0; i < v.n_peers; i++) {
		jw_obj(&w);
		jw_kstr(&w, "code", v.peers[i].code);
		jw_kstr(&w, "naam", v.peers[i].name);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	jw_key(&w, "hoofdstukken");
	jw_arr(&w);
	for (int h = 0; h < 9; h++)
		row_json(&w, &v.hoofdstukken[h]);
	jw_end(&w);
	jw_kint(&w, "totaal", v.n_rows);
	jw_key(&w, "taakvelden");
	jw_arr(&w);
	for (int i = 0; i < v.n_rows; i++)
		row_json(&w, &v.rows[i]);
	jw_end(&w);
	jw_key(&w, "grootsteAfwijkingen");
	jw_arr(&w);
	for (int i = 0; i < v.n_ranked; i++)
		jw_str(&w, v.rows[v.ranked[i]].taakveld);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

const struct param_spec api_financien_national_params[] = {
    {"soort", PT_TEXT, 20}, {"maat", PT_TEXT, 10}, {"sorteer", PT_TEXT, 10}, {NULL, 0, 0}};

int api_financien_taakveld(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	enum iv3_doc doc = IV3_REKENING;
	enum fin_measure_kind measure = FIN_LASTEN;
	enum fin_order order = FIN_ORDER_HIGH;
	const char *v;
	if ((v = req_param(r, "soort")) && !iv3_doc_parse(v, &doc))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Soort: kies jaarrekening of begroting.", "soort");
	if ((v = req_param(r, "maat")) && !fin_measure_parse(v, &measure))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Maat: kies lasten, baten of saldo.", "maat");
	if ((v = req_param(r, "sorteer")) && !fin_order_parse(v, &order))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Sorteer: kies hoog, laag of naam.", "sorteer");
	struct fin_national n;
	enum fin_status fs =
	    financien_national(s, r->arena, doc, r->path_args[0], measure, order, &n);
	if (fs == FIN_FAULT)
		return api_store_down(r);
	if (fs == FIN_NOTFOUND)
		return respond_not_found(r);
	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_links_self(&w, arena_printf(r->arena, API_BASE "/financien/taakvelden/%s", n.taakveld));
	jw_kstr(&w, "taakveld", n.taakveld);
	jw_kstr(&w, "naam", n.name);
	jw_kstr(&w, "soort", iv3_doc_label(n.doc));
	jw_kstr(&w, "periode", *n.period ? n.period : NULL);
	jw_kstr(&w, "maat", fin_measure_key(n.measure));
	jw_kstr(&w, "eenheid", "euro per inwoner");
	jw_kbool(&w, "boekingsvoorschriftenGewijzigd2023", n.changed_2023);
	jw_kstr(&w, "bron", n.source);
	jw_kstr(&w, "licentie", n.licence);
	jw_key(&w, "landelijk");
	jw_obj(&w);
	jw_kint(&w, "aantalMetWaarde", n.quartiles.n);
	jw_knum_or_null(&w, "p25", n.quartiles.n > 0, n.quartiles.p25);
	jw_knum_or_null(&w, "mediaan", n.quartiles.n > 0, n.quartiles.median);
	jw_knum_or_null(&w, "p75", n.quartiles.n > 0, n.quartiles.p75);
	jw_end(&w);
	jw_kint(&w, "totaal", n.n_rows);
	jw_key(&w, "gemeenten");
	jw_arr(&w);
	for (int i = 0; i < n.n_rows; i++) {
		jw_obj(&w);
		jw_kstr(&w, "code", n.rows[i].code);
		jw_kstr(&w, "naam", n.rows[i].name);
		jw_kstr(&w, "provincie", n.rows[i].province);
		jw_knum_or_null(&w, "perInwoner", n.rows[i].has, n.rows[i].value);
		jw_key(&w, "rang");
		if (n.rows[i].rank)
			jw_int(&w, n.rows[i].rank);
		else
			jw_null(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
