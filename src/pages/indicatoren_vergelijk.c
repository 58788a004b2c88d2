/*
 * indicatoren_vergelijk — the compare page and its CSV; see
 * indicatoren_vergelijk.h.
 */
#include "indicatoren_vergelijk.h"
#include "auth_ui.h"
#include "chart_verdeling.h"
#include "forms.h"
#include "../app/indicatoren.h"
#include "../app/indicatoren_vergelijk.h"
#include "../io/geo.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/assets.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <math.h>
#include <string.h>

#define VERGELIJK_PARAMS                                                                           \
	{"indicator", PT_TEXT, INDICATOR_KEY_MAX}, {"gebieden", PT_LIST, VERGELIJK_MAX_CODES},     \
	    {"periode", PT_TEXT, INDICATOR_PERIOD_MAX}, {"van", PT_TEXT, 6},                       \
	{                                                                                          \
		"klasse", PT_TEXT, 40                                                              \
	}

const struct param_spec indicatoren_vergelijk_params[] = {VERGELIJK_PARAMS, {NULL, 0, 0}};
const struct param_spec indicatoren_vergelijk_csv_params[] = {
    VERGELIJK_PARAMS, {"alle", PT_TEXT, 3}, {NULL, 0, 0}};

static const char *num(struct arena *a, double v)
{
	char out[64];
	return arena_strdup(a, indicator_format_nl(v, 2, out, sizeof out));
}

static const char *signed_num(struct arena *a, double v)
{
	return arena_printf(a, "%s%s", v > 0 ? "+" : "", num(a, v));
}

/* The query string of this comparison (the request's own choices). */
static const char *query_of(struct request *r, const char *extra)
{
	static const char *const keys[] = {"indicator", "gebieden", "periode", "van", "klasse"};
	struct buf q = BUF_INIT;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const char *v = req_param(r, keys[i]);
		if (str_empty(v))
			continue;
		buf_puts(&q, q.len ? "&" : "?");
		buf_puts(&q, keys[i]);
		buf_puts(&q, "=");
		url_arg(&q, v);
	}
	if (extra) {
		buf_puts(&q, q.len ? "&" : "?");
		buf_puts(&q, extra);
	}
	const char *s = arena_strdup(r->arena, q.data ? q.data : "");
	buf_free(&q);
	return s;
}

/* ---- the form ---------------------------------------------------------- */

static void form(struct request *r, const struct indicator_row *inds, int n_inds,
		 const struct vergelijk_cell *gem, int n_gem, const char *key, const char *chosen)
{
	struct buf *b = &r->out;
	html_raw(b,
		 "<form class=\"utrecht-form atlas-filter atlas-vergelijk__form\" method=\"get\" "
		 "action=\"/kennis/vergelijk\" aria-labelledby=\"keuze-titel\">"
		 "<h2 class=\"utrecht-heading-2 atlas-filter__title\" id=\"keuze-titel\">"
		 "Wat wilt u vergelijken?</h2>");
	/* the indicator, grouped by theme */
	html_raw(b, "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\">"
		    "<label class=\"utrecht-form-label\" for=\"indicator\">Indicator</label></div>"
		    "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select "
		    "utrecht-select--html-select\" id=\"indicator\" name=\"indicator\" required>"
		    "<option value=\"\">Kies een indicator</option>");
	const char *theme = NULL;
	for (int i = 0; i < n_inds; i++) {
		const struct indicator_row *x = &inds[i];
		if (strcmp(x->d.area_level, "gemeente") != 0 || !x->n_periods)
			continue;
		if (!theme || strcmp(theme, x->d.theme) != 0) {
			if (theme)
				html_raw(b, "</optgroup>");
			html_raw(b, "<optgroup label=\"");
			html_attr(b, x->d.theme);
			html_raw(b, "\">");
			theme = x->d.theme;
		}
		html_raw(b, "<option value=\"");
		html_attr(b, x->d.key);
		html_raw(b, key && strcmp(key, x->d.key) == 0 ? "\" selected>" : "\">");
		html_text(b, x->d.name);
		if (*x->d.unit) {
			html_raw(b, " (");
			html_text(b, x->d.unit);
			html_raw(b, ")");
		}
		html_raw(b, "</option>");
	}
	if (theme)
		html_raw(b, "</optgroup>");
	html_raw(b, "</select></div></div>");

	/* the province's gemeenten as checkboxes, the others typed */
	struct form_gemeente *pick = arena_calloc(r->arena, (size_t)n_gem + 1, sizeof *pick);
	for (int i = 0; i < n_gem; i++)
		pick[i] = (struct form_gemeente){
		    gem[i].area, gem[i].name, strcmp(gem[i].province, INDICATOREN_PROVINCE) == 0};
	form_gemeente_picker(b, "gebieden", "Gemeenten in de provincie Utrecht", pick, n_gem,
			     chosen);
	/* the peers of one gemeente */
	html_raw(b, "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\">"
		    "<label class=\"utrecht-form-label\" for=\"van\">Ook vergelijkbare gemeenten "
		    "van</label></div><div class=\"utrecht-form-field__input\"><select "
		    "class=\"utrecht-select utrecht-select--html-select\" id=\"van\" name=\"van\">"
		    "<option value=\"\">geen</option>");
	for (int i = 0; i < n_gem; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, gem[i].area);
		html_raw(b, "\">");
		html_text(b, gem[i].name);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div></div>");
	struct comp_option opts[8];
	int n = 0;
	const char *label;
	for (const char *p; n < 8 && (p = indicatoren_vergelijk_class(n, &label)); n++)
		opts[n] = (struct comp_option){p, label};
	comp_select(b, "klasse", "Vergelijkbaar naar", opts, n, req_param(r, "klasse"));
	html_raw(b,
		 "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\">"
		 "<label class=\"utrecht-form-label\" for=\"periode\">Periode</label></div>"
		 "<div class=\"utrecht-form-field__description\" id=\"periode-uitleg\">Leeg: "
		 "de nieuwste periode met cijfers.</div><div class=\"utrecht-form-field__input\">"
		 "<input class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"text\" "
		 "id=\"periode\" name=\"periode\" inputmode=\"numeric\" "
		 "aria-describedby=\"periode-uitleg\" value=\"");
	html_attr(b, req_param(r, "periode") ? req_param(r, "periode") : "");
	html_raw(b, "\"></div></div></div><div class=\"atlas-filter__actions\"><button "
		    "class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		    "Vergelijken</button></div></form>");
}

/* ---- the choropleth of the province ------------------------------------ */

static const char *class_name(struct arena *a, const struct vergelijk *v, int c)
{
	const char *lo = c ? num(a, v->breaks[c - 1]) : num(a, v->min);
	return arena_printf(a, "%s%s tot en met %s", c ? "boven " : "", lo, num(a, v->breaks[c]));
}

static void choropleth(struct request *r, const struct vergelijk *v)
{
	struct buf *b = &r->out;
	struct arena *a = r->arena;
	const char *unit = v->ind.d.unit;
	html_raw(b, "<section class=\"atlas-vergelijk__kaart\" aria-labelledby=\"kaart\">");
	comp_h2(b, "kaart", "Kaart van de provincie Utrecht");
	comp_para(b, "De kleur en het cijfer op elke gemeente zeggen in welk vijfde van alle "
		     "gemeenten van Nederland de waarde valt: 1 is het laagste vijfde, 5 het "
		     "hoogste. De gekozen gemeenten hebben een dikke rand.");
	html_raw(b,
		 "<div class=\"atlas-map atlas-vergelijk__map\" data-weergave=\"aantal\"><figure "
		 "class=\"atlas-map__figure\">");
	if (geo_count() > 0) {
		html_rawf(b,
			  "<svg class=\"atlas-map__svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
			  "aria-labelledby=\"kaart-svg-titel\"><title id=\"kaart-svg-titel\">",
			  GEO_VIEW_W, geo_view_height());
		html_text(b, arena_printf(a, "Kaart: %s per gemeente in de provincie Utrecht, %s",
					  v->ind.d.name, v->period));
		html_raw(b, "</title><defs><pattern id=\"vg-ontbreekt\" width=\"10\" "
			    "height=\"10\" patternUnits=\"userSpaceOnUse\"><rect width=\"10\" "
			    "height=\"10\" fill=\"#ffffff\"/><path d=\"M0 10L10 0\" "
			    "stroke=\"#767676\" stroke-width=\"1.5\"/></pattern></defs>"
			    "<g class=\"atlas-map__areas\">");
		for (int j = 0; j < v->n_province; j++) {
			const struct vergelijk_row *p = &v->province[j];
			int f = geo_find(p->code);
			if (f < 0)
				continue;
			if (p->cls >= 0)
				html_rawf(
				    b, "<path class=\"atlas-vergelijk__area atlas-map__t%d\" d=\"",
				    p->cls);
			else
				html_raw(b, "<path class=\"atlas-vergelijk__area\" "
					    "fill=\"url(#vg-ontbreekt)\" d=\"");
			html_raw(b, geo_feature_at(f)->path_d); /* numbers and M/L/Z only */
			html_raw(b, "\"><title>");
			if (p->has)
				html_text(b, arena_printf(a, "%s: %s%s%s (klasse %d van 5)",
							  p->name, num(a, p->value),
							  *unit ? " " : "", unit, p->cls + 1));
			else
				html_text(b, arena_printf(a, "%s: geen gegevens", p->name));
			html_raw(b, "</title></path>");
		}
		html_raw(b, "</g><g class=\"atlas-vergelijk__chosen\">");
		for (int j = 0; j < v->n_province; j++) {
			int f = geo_find(v->province[j].code);
			if (f < 0 || !v->province[j].chosen)
				continue;
			/* a white halo under the black outline: visible on every shade */
			for (int k = 0; k < 2; k++) {
				html_raw(b, k ? "<path d=\"" : "<path class=\"is-halo\" d=\"");
				html_raw(b, geo_feature_at(f)->path_d);
				html_raw(b, "\"/>");
			}
		}
		html_raw(b, "</g><g class=\"atlas-map__nums\" aria-hidden=\"true\">");
		for (int j = 0; j < v->n_province; j++) {
			const struct vergelijk_row *p = &v->province[j];
			int f = geo_find(p->code);
			if (f < 0)
				continue;
			html_rawf(b, "<text class=\"atlas-map__num%s\" x=\"%.1f\" y=\"%.1f\">",
				  p->cls >= 3 ? " atlas-map__num--light" : "",
				  geo_feature_at(f)->lx, geo_feature_at(f)->ly);
			if (p->cls >= 0)
				html_rawf(b, "%d", p->cls + 1);
			else
				html_raw(b, "–");
			html_raw(b, "</text>");
		}
		html_raw(b, "</g></svg>");
		html_raw(b, "<figcaption class=\"atlas-meta\">");
		html_text(b, GEO_ATTRIBUTION);
		html_raw(b, "</figcaption>");
	}
	html_raw(b, "</figure><div>");
	/* the legend: text, not colour only */
	html_raw(b, "<div class=\"atlas-map__legend\"><h3 class=\"utrecht-heading-3 "
		    "atlas-map__legend-title\">Legenda</h3><ul class=\"atlas-map__legend-list\">");
	for (int c = 0; c < VERGELIJK_CLASSES; c++) {
		html_rawf(b,
			  "<li class=\"atlas-map__legend-item\"><svg class=\"atlas-map__swatch\" "
			  "width=\"20\" height=\"20\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" "
			  "focusable=\"false\"><rect class=\"atlas-map__t%d\" x=\"1\" y=\"1\" "
			  "width=\"18\" height=\"18\" stroke=\"#333\"/></svg><span>",
			  c);
		html_text(b, arena_printf(a, "%d: %s (%d %s in Nederland)", c + 1,
					  class_name(a, v, c), v->class_count[c],
					  v->class_count[c] == 1 ? "gemeente" : "gemeenten"));
		html_raw(b, "</span></li>");
	}
	html_raw(b, "<li class=\"atlas-map__legend-item\"><svg class=\"atlas-map__swatch\" "
		    "width=\"20\" height=\"20\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" "
		    "focusable=\"false\"><rect x=\"1\" y=\"1\" width=\"18\" height=\"18\" "
		    "fill=\"url(#vg-ontbreekt)\" stroke=\"#333\"/></svg><span>– gearceerd: geen "
		    "gegevens</span></li>");
	html_raw(b, "<li class=\"atlas-map__legend-item\"><svg class=\"atlas-map__swatch\" "
		    "width=\"20\" height=\"20\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" "
		    "focusable=\"false\"><rect x=\"2\" y=\"2\" width=\"16\" height=\"16\" "
		    "fill=\"none\" stroke=\"#000\" stroke-width=\"4\"/></svg><span>dikke rand: "
		    "gekozen gemeente</span></li></ul></div>");
	/* the data table beside the map */
	static const struct comp_col cols[] = {{"Gemeente", false},
					       {"Waarde", true},
					       {"Klasse", true},
					       {"Rang in de provincie", true}};
	comp_table_open(b,
			arena_printf(a, "De kaart als tabel: %s, %s%s%s%s", v->ind.d.name,
				     v->period, *unit ? " (" : "", unit, *unit ? ")" : ""),
			cols, 4);
	for (int j = 0; j < v->n_province; j++) {
		const struct vergelijk_row *p = &v->province[j];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, p->name);
		if (p->chosen)
			html_raw(b, " <span class=\"atlas-meta\">(gekozen)</span>");
		comp_th_close(b);
		comp_td_open(b, true);
		if (p->has)
			html_text(b, num(a, p->value));
		else
			comp_missing(b, "geen gegevens");
		comp_td_close(b);
		comp_td_open(b, true);
		if (p->cls >= 0)
			html_rawf(b, "%d", p->cls + 1);
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_td_open(b, true);
		if (p->rank_pv)
			html_text(b, arena_printf(a, "%d van %d", p->rank_pv, p->n_pv));
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</div></div></section>");
}

/* ---- the national distribution ------------------------------------------ */

/* One sentence per chosen gemeente: value, share below, national rank. */
static void summary(struct request *r, const struct vergelijk *v)
{
	struct buf *b = &r->out;
	struct arena *a = r->arena;
	const char *unit = v->ind.d.unit;
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-vergelijk__samenvatting\">");
	for (int i = 0; i < v->n_chosen; i++) {
		const struct vergelijk_row *c = &v->chosen[i];
		html_raw(b, "<li>");
		if (!c->has) {
			html_text(
			    b, arena_printf(a, "%s: geen gegevens voor %s.", c->name, v->period));
		} else if (c->share_below >= 0) {
			html_text(b, arena_printf(a, "%s: %s%s%s — hoger dan %d%% van de gemeenten",
						  c->name, num(a, c->value), *unit ? " " : "", unit,
						  c->share_below));
			html_text(b, arena_printf(a, " (rang %d van %d in Nederland).", c->rank_nl,
						  c->n_nl));
		} else {
			html_text(b, arena_printf(a, "%s: %s%s%s.", c->name, num(a, c->value),
						  *unit ? " " : "", unit));
		}
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul>");
}

static void distribution(struct request *r, const struct vergelijk *v)
{
	struct buf *b = &r->out;
	struct arena *a = r->arena;
	html_raw(b, "<section class=\"atlas-vergelijk__verdeling\" aria-labelledby=\"verdeling\">");
	const char *unit = v->ind.d.unit;
	comp_h2(b, "verdeling", "Alle gemeenten van Nederland");
	comp_para(
	    b, arena_printf(a,
			    "Hoe de %d gemeenten met een waarde verdeeld zijn%s%s%s: elk staafje "
			    "telt de gemeenten in één interval, de streepjeslijn is de mediaan, "
			    "een zwarte lijn met stip een gekozen gemeente.",
			    v->n_present, *unit ? " (in " : "", unit, *unit ? ")" : ""));
	struct verdeling_mark *marks = arena_calloc(a, (size_t)v->n_chosen + 1, sizeof *marks);
	int n_marks = 0;
	for (int i = 0; i < v->n_chosen; i++)
		if (v->chosen[i].has)
			marks[n_marks++] =
			    (struct verdeling_mark){v->chosen[i].name, v->chosen[i].value};
	chart_verdeling(r, &(struct verdeling){
			       .title = arena_printf(a, "Verdeling van %s over %d gemeenten, %s",
						     v->ind.d.name, v->n_present, v->period),
			       .hist = v->hist,
			       .nbins = VERGELIJK_BINS,
			       .lo = v->hist_lo,
			       .hi = v->hist_hi,
			       .min = v->min,
			       .max = v->max,
			       .median = v->median,
			       .marks = marks,
			       .n_marks = n_marks,
			       .marks_label = "Gekozen gemeenten",
			       .marks_what = "de gekozen gemeenten",
			       .fmt = num,
			   });
	html_raw(b, "</section>");
}

/* ---- the chosen gemeenten ---------------------------------------------- */

static void chosen_table(struct request *r, const struct vergelijk *v)
{
	struct buf *b = &r->out;
	struct arena *a = r->arena;
	const char *unit = v->ind.d.unit;
	static const struct comp_col cols[] = {{"Gemeente", false},
					       {"Waarde", true},
					       {"Rang in Nederland", true},
					       {"Rang in de provincie", true},
					       {"Verschil met de mediaan van Nederland", true}};
	comp_table_open(b,
			arena_printf(a, "%s: de gekozen gemeenten, %s%s%s%s", v->ind.d.name,
				     v->period, *unit ? " (" : "", unit, *unit ? ")" : ""),
			cols, 5);
	for (int i = 0; i < v->n_chosen; i++) {
		const struct vergelijk_row *c = &v->chosen[i];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, c->name);
		html_raw(b, " <span class=\"atlas-meta\">(");
		html_text(b, c->code);
		html_raw(b, ")</span>");
		comp_th_close(b);
		comp_td_open(b, true);
		if (c->has) {
			html_text(b, num(a, c->value));
			html_raw(b, "<br><span class=\"atlas-meta\">");
			html_text(b, *c->note ? c->note : v->ind.d.source);
			html_raw(b, "</span>");
		} else {
			comp_missing(b, "geen gegevens");
		}
		comp_td_close(b);
		comp_td_open(b, true);
		if (c->rank_nl)
			html_text(b, arena_printf(a, "%d van %d", c->rank_nl, c->n_nl));
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_td_open(b, true);
		if (c->rank_pv)
			html_text(b, arena_printf(a, "%d van %d", c->rank_pv, c->n_pv));
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_td_open(b, true);
		if (c->has && v->n_present)
			html_text(b, signed_num(a, c->value - v->median));
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void about(struct request *r, const struct vergelijk *v)
{
	struct buf *b = &r->out;
	const struct indicator_def *d = &v->ind.d;
	if (*d->warning)
		comp_notice(b, "Let op:", d->warning);
	comp_dl_open(b);
	comp_dl_text(b, "Eenheid", *d->unit ? d->unit : "—");
	comp_dl_item_open(b, "Periode");
	html_text(b, v->period);
	if (v->ind.n_periods > 1) {
		html_raw(b, " <span class=\"atlas-meta\">(ook: ");
		bool first = true;
		for (int i = v->ind.n_periods - 1; i >= 0; i--) {
			const char *p = v->ind.periods[i].period;
			if (strcmp(p, v->period) == 0 || !v->ind.periods[i].n_present)
				continue;
			html_raw(b, first ? "" : ", ");
			first = false;
			struct buf u = BUF_INIT;
			buf_puts(&u, "/kennis/vergelijk?indicator=");
			url_arg(&u, d->key);
			if (!str_empty(req_param(r, "gebieden"))) {
				buf_puts(&u, "&gebieden=");
				url_arg(&u, req_param(r, "gebieden"));
			}
			if (!str_empty(req_param(r, "van"))) {
				buf_puts(&u, "&van=");
				url_arg(&u, req_param(r, "van"));
			}
			if (!str_empty(req_param(r, "klasse"))) {
				buf_puts(&u, "&klasse=");
				url_arg(&u, req_param(r, "klasse"));
			}
			buf_puts(&u, "&periode=");
			url_arg(&u, p);
			comp_link(b, u.data, p);
			buf_free(&u);
		}
		html_raw(b, ")</span>");
	}
	comp_dl_item_close(b);
	comp_dl_text(b, "Richting", indicator_direction_label(d->direction));
	comp_dl_item_open(b, "Bron");
	if (*d->source_url)
		comp_ext_link(b, d->source_url, d->source);
	else
		html_text(b, d->source);
	comp_dl_item_close(b);
	comp_dl_text(b, "Licentie", *d->licence ? d->licence : "—");
	comp_dl_close(b);
}

static void exports(struct request *r)
{
	struct buf *b = &r->out;
	html_raw(b, "<section class=\"atlas-vergelijk__export\" aria-labelledby=\"downloaden\">");
	comp_h2(b, "downloaden", "Downloaden");
	html_raw(b, "<ul class=\"utrecht-unordered-list\"><li>");
	comp_link(b, arena_printf(r->arena, "/kennis/vergelijk.csv%s", query_of(r, NULL)),
		  "CSV van de gekozen gemeenten");
	html_raw(b, "</li><li>");
	comp_link(b, arena_printf(r->arena, "/kennis/vergelijk.csv%s", query_of(r, "alle=ja")),
		  "CSV van alle gemeenten van Nederland");
	html_raw(b, "</li><li>");
	comp_link(b, arena_printf(r->arena, "/api/v1/kennis/vergelijk%s", query_of(r, NULL)),
		  "JSON (API) van de gekozen gemeenten");
	html_raw(b, "</li><li>");
	comp_link(b, arena_printf(r->arena, "/api/v1/kennis/vergelijk%s", query_of(r, "alle=ja")),
		  "JSON (API) van alle gemeenten");
	html_raw(b, "</li></ul><p class=\"utrecht-paragraph\">Met bron en licentie; ontbrekende "
		    "waarden zijn leeg, nooit nul.</p></section>");
}

int page_indicatoren_vergelijk(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct indicator_row *inds;
	struct vergelijk_cell *gem;
	int n_inds, n_gem;
	if (indicatoren_vergelijk_choices(st, r->arena, &inds, &n_inds, &gem, &n_gem))
		return page_store_down(r);
	const char *key = req_param(r, "indicator");
	struct vergelijk v;
	memset(&v, 0, sizeof v);
	const char *err = NULL, *param = NULL;
	enum vergelijk_status vs = VG_OK;
	if (!str_empty(key)) {
		vs = indicatoren_vergelijk(st, r->arena, key, req_param(r, "gebieden"),
					   req_param(r, "periode"), req_param(r, "van"),
					   req_param(r, "klasse"), &v, &err, &param);
		if (vs == VG_FAULT)
			return page_store_down(r);
		if (vs == VG_NOTFOUND) {
			vs = VG_BAD;
			err = "Die indicator kennen we niet. Kies er een uit de lijst.";
		}
	}
	bool result = !str_empty(key) && vs == VG_OK;
	struct buf *b = &r->out;
	const char *title = result ? arena_printf(r->arena, "Vergelijken: %s", v.ind.d.name)
				   : "Gemeenten vergelijken";
	const struct crumb crumbs[] = {
	    {"Kennis", "/kennis"},
	    {"Gemeenten vergelijken", result ? "/kennis/vergelijk" : NULL},
	    {v.ind.d.name, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = result ? 3 : 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url("css/map.css"));
	html_raw(b, "\"><div class=\"atlas-vergelijk\"><h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	if (!result) {
		comp_para(b,
			  "Kies een indicator en de gemeenten die u naast elkaar wilt zien. U "
			  "krijgt een tabel met rang en verschil met de mediaan van Nederland, een "
			  "kaart van de provincie en de verdeling over alle gemeenten. Ontbrekende "
			  "waarden tonen we als \"geen gegevens\", nooit als nul.");
		if (vs == VG_BAD)
			comp_notice(b, "Vergelijken lukt zo niet.", err);
		char(*codes)[7] = arena_calloc(r->arena, VERGELIJK_MAX_CODES + 1, sizeof *codes);
		char msg[200];
		int nc = vergelijk_parse_codes(req_param(r, "gebieden"), codes, VERGELIJK_MAX_CODES,
					       msg, sizeof msg);
		struct buf joined = BUF_INIT;
		for (int i = 0; i < nc; i++)
			buf_printf(&joined, "%s%s", i ? "," : "", codes[i]);
		form(r, inds, n_inds, gem, n_gem, key,
		     arena_strdup(r->arena, joined.data ? joined.data : ""));
		buf_free(&joined);
		html_raw(b, "</div>");
		layout_end(b, NULL);
		return vs == VG_BAD ? 400 : 200;
	}
	if (!v.period) {
		comp_para(b, "Voor deze indicator zijn er nog geen waarden.");
		form(r, inds, n_inds, gem, n_gem, key, v.codes);
		html_raw(b, "</div>");
		layout_end(b, NULL);
		return 200;
	}
	html_raw(b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">");
	html_text(b, *v.ind.d.definition ? v.ind.d.definition : v.ind.d.name);
	html_raw(b, "</p>");
	if (v.n_chosen) {
		html_raw(b, "<section aria-labelledby=\"kort\">");
		comp_h2(b, "kort", "In het kort");
		summary(r, &v);
		html_raw(b, "</section>");
	}
	about(r, &v);
	html_raw(b, "<section aria-labelledby=\"gekozen\">");
	comp_h2(b, "gekozen", "De gekozen gemeenten");
	if (v.n_present) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_text(b,
			  arena_printf(
			      r->arena,
			      "De mediaan van de %d gemeenten van Nederland met een waarde is %s. "
			      "Rang 1 is %s; gelijke waarden delen een rang.",
			      v.n_present, num(r->arena, v.median),
			      strcmp(v.ind.d.direction, "lager_beter") == 0
				  ? "de laagste waarde (lager is beter)"
				  : "de hoogste waarde"));
		html_raw(b, "</p>");
	} else {
		comp_para(b,
			  arena_printf(r->arena,
				       "Voor %s heeft geen enkele gemeente een waarde: er is niets "
				       "om te rangschikken, in te kleuren of te verdelen.",
				       v.period));
	}
	if (v.n_chosen)
		chosen_table(r, &v);
	else
		comp_para(b, "U hebt nog geen gemeenten gekozen; kies ze hieronder.");
	html_raw(b, "</section>");
	exports(r);
	if (v.n_present) { /* without any value there are no classes and no distribution */
		choropleth(r, &v);
		distribution(r, &v);
	}
	form(r, inds, n_inds, gem, n_gem, v.ind.d.key, v.codes);
	html_raw(b, "</div>");
	layout_end(b, NULL);
	return 200;
}

/* ---- CSV ----------------------------------------------------------------- */

static void csv_row(struct csv *c, const struct vergelijk *v, const struct vergelijk_row *x)
{
	csv_cell(c, x->code);
	csv_cell(c, x->name);
	csv_cell(c, x->province);
	csv_cell(c, v->period);
	if (x->has)
		csv_num(c, x->value);
	else
		csv_cell(c, NULL);
	csv_cell(c, v->ind.d.unit);
	if (x->rank_nl)
		csv_int(c, x->rank_nl);
	else
		csv_cell(c, NULL);
	csv_int(c, x->n_nl);
	if (x->rank_pv)
		csv_int(c, x->rank_pv);
	else
		csv_cell(c, NULL);
	csv_int(c, x->n_pv);
	if (x->has && v->n_present)
		csv_num(c, x->value - v->median);
	else
		csv_cell(c, NULL);
	csv_cell(c, x->chosen ? "ja" : "nee");
	csv_cell(c, *x->note ? x->note : v->ind.d.source);
	csv_cell(c, v->ind.d.licence);
	csv_end_row(c);
}

int page_indicatoren_vergelijk_csv(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	const char *key = req_param(r, "indicator");
	const char *alle = req_param(r, "alle");
	if (str_empty(key))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Kies een indicator (parameter 'indicator').", "indicator");
	if (alle && strcmp(alle, "ja") != 0)
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'alle' kan alleen 'ja' zijn.", "alle");
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct vergelijk v;
	const char *err, *param;
	enum vergelijk_status vs = indicatoren_vergelijk(
	    st, r->arena, key, req_param(r, "gebieden"), req_param(r, "periode"),
	    req_param(r, "van"), req_param(r, "klasse"), &v, &err, &param);
	if (vs == VG_FAULT)
		return page_store_down(r);
	if (vs == VG_NOTFOUND)
		return respond_error(r, 400, "Ongeldige parameter", "Die indicator kennen we niet.",
				     "indicator");
	if (vs == VG_BAD)
		return respond_error(r, 400, "Ongeldige parameter", err, param);
	r->content_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition",
		   arena_printf(r->arena, "attachment; filename=\"vergelijk-%s%s.csv\"",
				v.ind.d.key, alle ? "-alle" : ""));
	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const head[] = {"Gemeentecode",
					   "Gemeente",
					   "Provincie",
					   "Periode",
					   "Waarde",
					   "Eenheid",
					   "Rang in Nederland",
					   "Gerangschikt in Nederland",
					   "Rang in de provincie",
					   "Gerangschikt in de provincie",
					   "Verschil met de mediaan van Nederland",
					   "Gekozen",
					   "Bron",
					   "Licentie"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(&c, head[i]);
	csv_end_row(&c);
	if (alle)
		for (int i = 0; i < v.n_all; i++)
			csv_row(&c, &v, &v.all[i]);
	else
		for (int i = 0; i < v.n_chosen; i++)
			csv_row(&c, &v, &v.chosen[i]);
	return 200;
}
