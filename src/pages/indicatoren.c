/*
 * indicatoren — the pages of the indicator store; see indicatoren.h.
 */
#include "indicatoren.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/indicatoren.h"
#include "../app/policy.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <string.h>

const struct param_spec indicatoren_show_params[] = {{"periode", PT_TEXT, INDICATOR_PERIOD_MAX},
						     {NULL, 0, 0}};

/* The value as the pages show it: Dutch notation, at most two decimals. */
static void value_text(struct buf *b, bool has, double v)
{
	if (!has) {
		comp_missing(b, "ontbreekt");
		return;
	}
	char out[64];
	html_text(b, indicator_format_nl(v, 2, out, sizeof out));
}

static const char *href_of(struct request *r, const char *key)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "/kennis/indicatoren/");
	url_seg(&u, key);
	const char *s = arena_strdup(r->arena, u.data ? u.data : "");
	buf_free(&u);
	return s;
}

static void periods_text(struct buf *b, const struct indicator_row *x)
{
	if (!x->n_periods) {
		html_raw(b, "—");
		return;
	}
	for (int i = 0; i < x->n_periods; i++) {
		if (i)
			html_raw(b, ", ");
		html_text(b, x->periods[i].period);
	}
}

int page_indicatoren(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct indicator_row *rows;
	int n;
	if (indicatoren_all(st, r->arena, &rows, &n))
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Indicatoren", NULL}};
	const struct page_head h = {
	    .title = "Indicatoren", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Indicatoren</h1>");
	comp_para(b, "Cijfers per gemeente uit open bronnen, elk met definitie, eenheid, bron, "
		     "licentie en periode. Ontbrekende waarden tonen we als ontbrekend, nooit als "
		     "nul.");
	if (policy_may_import_indicators(r->user)) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, "/kennis/indicatoren/importeren", "Indicatoren importeren");
		html_raw(b, " (CSV of JSON uit de OData-API van het CBS).</p>");
	}
	if (!n) {
		comp_para(b, "Er zijn nog geen indicatoren geladen.");
		layout_end(b, NULL);
		return 200;
	}
	/* a table of contents of the themes */
	html_raw(b, "<nav aria-labelledby=\"thema-nav\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"thema-nav\">Thema's</h2><ul class=\"utrecht-unordered-list\">");
	int themes = 0;
	for (int i = 0; i < n; i++) {
		if (i && strcmp(rows[i].d.theme, rows[i - 1].d.theme) == 0)
			continue;
		themes++;
		html_raw(b, "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#thema-");
		html_rawf(b, "%d", themes);
		html_raw(b, "\">");
		html_text(b, rows[i].d.theme);
		html_raw(b, "</a></li>");
	}
	html_raw(b, "</ul></nav>");
	static const struct comp_col cols[] = {{"Indicator", false},
					       {"Eenheid", false},
					       {"Bron", false},
					       {"Perioden", false},
					       {"Richting", false}};
	themes = 0;
	for (int i = 0; i < n; i++) {
		const struct indicator_row *x = &rows[i];
		if (!i || strcmp(x->d.theme, rows[i - 1].d.theme) != 0) {
			if (i)
				comp_table_close(b);
			themes++;
			comp_h2(b, arena_printf(r->arena, "thema-%d", themes), x->d.theme);
			comp_table_open(
			    b, arena_printf(r->arena, "Indicatoren in het thema %s", x->d.theme),
			    cols, 5);
		}
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, href_of(r, x->d.key), x->d.name);
		comp_th_close(b);
		comp_td_text(b, x->d.unit, "—");
		comp_td_text(b, x->d.source, "—");
		comp_td_open(b, false);
		periods_text(b, x);
		comp_td_close(b);
		comp_td_text(b, indicator_direction_label(x->d.direction), "");
		comp_row_close(b);
	}
	comp_table_close(b);
	layout_end(b, NULL);
	return 200;
}

int page_indicator_show(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct indicator_row x;
	int rc = indicatoren_one(st, r->arena, r->path_args[0], &x);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc)
		return page_store_down(r);
	const char *asked = req_param(r, "periode");
	const char *period =
	    asked && indicatoren_has_period(&x, asked) ? asked : indicatoren_latest_period(&x);
	struct indicator_ranked *vals;
	int nv;
	if (indicatoren_province_ranked(st, r->arena, &x, period, INDICATOREN_PROVINCE, &vals, &nv))
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Indicatoren", "/kennis/indicatoren"}, {x.d.name, NULL}};
	const struct page_head h = {
	    .title = x.d.name, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, x.d.name);
	html_raw(b, "</h1>");
	if (asked && period != asked)
		comp_notice(b, "Periode onbekend.",
			    "Voor die periode zijn er geen cijfers; u ziet de nieuwste periode.");
	if (*x.d.warning)
		comp_notice(b, "Let op bij het vergelijken.", x.d.warning);
	comp_dl_open(b);
	comp_dl_text(b, "Definitie", *x.d.definition ? x.d.definition : "—");
	comp_dl_text(b, "Eenheid", *x.d.unit ? x.d.unit : "—");
	comp_dl_text(b, "Thema", x.d.theme);
	comp_dl_text(b, "Richting", indicator_direction_label(x.d.direction));
	comp_dl_text(b, "Gebiedsniveau", x.d.area_level);
	comp_dl_item_open(b, "Bron");
	if (*x.d.source_url)
		comp_ext_link(b, x.d.source_url, x.d.source);
	else
		html_text(b, x.d.source);
	comp_dl_item_close(b);
	comp_dl_text(b, "Licentie", *x.d.licence ? x.d.licence : "—");
	comp_dl_item_open(b, "Perioden");
	if (!x.n_periods)
		html_raw(b, "—");
	for (int i = 0; i < x.n_periods; i++) {
		if (i)
			html_raw(b, ", ");
		if (period && strcmp(x.periods[i].period, period) == 0) {
			html_raw(b, "<strong>");
			html_text(b, x.periods[i].period);
			html_raw(b, "</strong>");
			continue;
		}
		struct buf u = BUF_INIT;
		buf_puts(&u, href_of(r, x.d.key));
		buf_puts(&u, "?periode=");
		url_arg(&u, x.periods[i].period);
		comp_link(b, u.data, x.periods[i].period);
		buf_free(&u);
	}
	comp_dl_item_close(b);
	comp_dl_close(b);

	if (strcmp(x.d.area_level, "gemeente") == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		struct buf u = BUF_INIT;
		buf_puts(&u, "/kennis/vergelijk?indicator=");
		url_arg(&u, x.d.key);
		if (period) {
			buf_puts(&u, "&periode=");
			url_arg(&u, period);
		}
		comp_link(b, u.data, "Vergelijk gemeenten");
		buf_free(&u);
		html_raw(b, ": kies gemeenten en zie ze op de kaart en tussen alle gemeenten van "
			    "Nederland.</p>");
	}
	comp_h2(b, "utrecht", "Gemeenten in de provincie Utrecht");
	if (!period || !nv) {
		comp_para(b, "Er zijn geen waarden voor de gemeenten in de provincie Utrecht.");
		layout_end(b, NULL);
		return 200;
	}
	html_raw(b, "<p class=\"utrecht-paragraph\">Periode ");
	html_text(b, period);
	html_raw(b, ". Rang 1 is ");
	html_text(b, strcmp(x.d.direction, "lager_beter") == 0
			 ? "de laagste waarde (lager is beter)"
		     : strcmp(x.d.direction, "hoger_beter") == 0
			 ? "de hoogste waarde (hoger is beter)"
			 : "de hoogste waarde (geen oordeel: hoger is niet beter of slechter)");
	html_raw(b, ". Gelijke waarden delen een rang.</p>");
	static const struct comp_col cols[] = {
	    {"Rang", true}, {"Gemeente", false}, {"Waarde", true}, {"Bron en periode", false}};
	comp_table_open(b,
			arena_printf(r->arena, "%s per gemeente, %s%s%s%s", x.d.name, period,
				     *x.d.unit ? " (" : "", x.d.unit, *x.d.unit ? ")" : ""),
			cols, 4);
	for (int i = 0; i < nv; i++) {
		const struct indicator_ranked *v = &vals[i];
		comp_row_open(b);
		comp_td_open(b, true);
		if (v->rank)
			html_rawf(b, "%d", v->rank);
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_th_open(b);
		html_text(b, v->v.area_name);
		comp_th_close(b);
		comp_td_open(b, true);
		value_text(b, v->v.has, v->v.value);
		comp_td_close(b);
		comp_td_open(b, false);
		html_text(b, *v->v.note ? v->v.note : x.d.source);
		html_raw(b, ", ");
		html_text(b, v->v.period);
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "<p class=\"utrecht-paragraph\">Alle waarden, ook van de andere gemeenten en "
		    "perioden, staan in de ");
	comp_link(b, arena_printf(r->arena, "/api/v1/kennis/indicatoren/%s/waarden", x.d.key),
		  "API (JSON)");
	html_raw(b, ".</p>");
	layout_end(b, NULL);
	return 200;
}
