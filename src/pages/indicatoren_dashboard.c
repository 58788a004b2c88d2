/*
 * indicatoren_dashboard — the gemeente dashboard page; see
 * indicatoren_dashboard.h.
 */
#include "indicatoren_dashboard.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/indicatoren_dashboard.h"
#include "../domain/indicatoren.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <math.h>
#include <string.h>

const struct param_spec indicatoren_dashboard_params[] = {
    {"klasse", PT_TEXT, 40}, {"vergelijk", PT_LIST, PEERS_MAX_CODES}, {NULL, 0, 0}};

static const char *num(struct arena *a, double v)
{
	char out[64];
	return arena_strdup(a, indicator_format_nl(v, 2, out, sizeof out));
}

static void missing(struct buf *b)
{
	comp_missing(b, "geen gegevens");
}

/* A sparkline of the series: present values as a polyline, a dot on the
 * newest; its <title> names the first and last value (the table cell
 * beside it holds every number). */
static void sparkline(struct buf *b, struct arena *a, const struct dash_item *it)
{
	if (it->trend.n_present < 2)
		return;
	double lo = INFINITY, hi = -INFINITY;
	for (int i = 0; i < it->n_series; i++)
		if (it->has[i]) {
			lo = fmin(lo, it->values[i]);
			hi = fmax(hi, it->values[i]);
		}
	const double w = 80, h = 20, pad = 2;
	double span = hi - lo;
	int n = it->n_series;
	html_raw(b, "<svg class=\"atlas-sparkline\" role=\"img\" width=\"80\" height=\"20\" "
		    "viewBox=\"0 0 80 20\" focusable=\"false\"><title>");
	html_text(b,
		  arena_printf(a, "Verloop %s tot %s: van %s naar %s", it->periods[it->trend.first],
			       it->periods[it->trend.last], num(a, it->values[it->trend.first]),
			       num(a, it->values[it->trend.last])));
	html_raw(b, "</title><polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" "
		    "points=\"");
	double lx = 0, ly = 0;
	for (int i = 0; i < n; i++) {
		if (!it->has[i])
			continue;
		lx = pad + (n > 1 ? (w - 2 * pad) * i / (n - 1) : 0);
		ly = span > 0 ? pad + (h - 2 * pad) * (1 - (it->values[i] - lo) / span) : h / 2;
		html_rawf(b, "%.1f,%.1f ", lx, ly);
	}
	html_rawf(b, "\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"currentColor\"/></svg>",
		  lx, ly);
}

static void trend_text(struct buf *b, struct arena *a, const struct dash_item *it)
{
	if (it->trend.n_present < 2) {
		html_raw(b, it->trend.n_present ? "één periode" : "");
		return;
	}
	html_raw(b, "<span class=\"atlas-trend\">");
	for (int i = 0; i < it->n_series; i++) {
		if (i)
			html_raw(b, "; ");
		html_text(b, it->periods[i]);
		html_raw(b, ": ");
		if (it->has[i])
			html_text(b, num(a, it->values[i]));
		else
			missing(b);
	}
	double c = it->trend.change;
	html_raw(b, " (");
	html_text(b, c > 0 ? "+" : "");
	html_text(b, num(a, c));
	html_raw(b, ")</span>");
}

/* The gemeenten of the own selection: the province's as checkboxes. */
static struct form_gemeente *pickable(struct request *r, const struct dashboard *d, int *n)
{
	struct dash_gemeente *g;
	int ng = 0;
	*n = 0;
	if (indicatoren_dashboard_all_gemeenten(store_thread(), r->arena, &g, &ng))
		return NULL;
	struct form_gemeente *out = arena_calloc(r->arena, (size_t)ng + 1, sizeof *out);
	for (int i = 0; i < ng; i++)
		if (!d || strcmp(g[i].code, d->area) != 0) /* never the gemeente itself */
			out[(*n)++] = (struct form_gemeente){
			    g[i].code, g[i].name, d && strcmp(g[i].province, d->province) == 0};
	return out;
}

static void peer_form(struct request *r, const char *org_code, const struct dashboard *d,
		      const char *klasse, const char *vergelijk)
{
	struct buf *b = &r->out;
	struct comp_option opts[8];
	int n = 0;
	for (int i = 0; i < dash_n_classes; i++)
		opts[n++] = (struct comp_option){dash_classes[i].param, dash_classes[i].label};
	opts[n++] = (struct comp_option){"eigen", "eigen selectie (hieronder aangevinkt)"};
	const char *sel = vergelijk && *vergelijk && (!klasse || !*klasse) ? "eigen"
			  : klasse && *klasse				   ? klasse
									   : DASH_DEFAULT_CLASS;
	html_raw(
	    b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"/organisaties/");
	html_attr(b, org_code);
	html_raw(b, "/kennis\" aria-labelledby=\"peers-titel\"><h2 class=\"utrecht-heading-2 "
		    "atlas-filter__title\" id=\"peers-titel\">Vergelijken met</h2>"
		    "<div class=\"atlas-filter__grid\">");
	comp_select(b, "klasse", "Vergelijkbare gemeenten", opts, n, sel);
	html_raw(b, "</div>");
	int ng;
	struct form_gemeente *g = pickable(r, d, &ng);
	form_gemeente_picker(b, "vergelijk", "Eigen selectie: gemeenten in de provincie", g, ng,
			     d && d->list ? d->list : (vergelijk ? vergelijk : ""));
	html_raw(b, "</div><div class=\"atlas-filter__actions\"><button "
		    "class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		    "Vergelijken</button></div></form>");
}

static void peer_list(struct buf *b, struct request *r, const struct dashboard *d)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	if (d->cls) {
		html_text(b,
			  arena_printf(r->arena, "Vergelijkbaar: gemeenten met %s", d->cls->label));
		if (d->class_has)
			html_text(b, arena_printf(r->arena, " (klasse %s, %s)",
						  num(r->arena, d->class_value), d->class_period));
		else
			html_text(b, " — voor deze gemeente is die klasse niet bekend");
	} else {
		html_text(b, "Vergelijkbaar: uw eigen selectie");
	}
	html_rawf(b, ". %d gemeente%s.</p>", d->n_peers, d->n_peers == 1 ? "" : "n");
	if (!d->n_peers)
		return;
	html_raw(b, "<details class=\"atlas-peers\"><summary>Welke gemeenten</summary><ul "
		    "class=\"utrecht-unordered-list\">");
	for (int i = 0; i < d->n_peers; i++) {
		html_raw(b, "<li>");
		html_text(b, d->peers[i].name);
		html_raw(b, " <span class=\"atlas-meta\">(");
		html_text(b, d->peers[i].code);
		html_raw(b, ")</span></li>");
	}
	html_raw(b, "</ul></details>");
}

static void item_row(struct buf *b, struct request *r, const struct dashboard *d,
		     const struct dash_item *it)
{
	struct arena *a = r->arena;
	comp_row_open(b);
	comp_th_open(b);
	struct buf u = BUF_INIT;
	buf_puts(&u, "/kennis/indicatoren/");
	url_seg(&u, it->ind->d.key);
	comp_link(b, u.data, it->ind->d.name);
	buf_free(&u);
	if (*it->ind->d.unit) {
		html_raw(b, " <span class=\"atlas-meta\">(");
		html_text(b, it->ind->d.unit);
		html_raw(b, ")</span>");
	}
	/* the compare page with this gemeente and its peers chosen */
	struct buf cmp = BUF_INIT;
	buf_puts(&cmp, "/kennis/vergelijk?indicator=");
	url_arg(&cmp, it->ind->d.key);
	if (d->list) {
		buf_puts(&cmp, "&gebieden=");
		url_arg(&cmp, arena_printf(a, "%s,%s", d->area, d->list));
	} else {
		buf_puts(&cmp, "&van=");
		url_arg(&cmp, d->area);
		if (d->cls) {
			buf_puts(&cmp, "&klasse=");
			url_arg(&cmp, d->cls->param);
		}
	}
	html_raw(b, "<br><a class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, cmp.data);
	html_raw(b, "\">Vergelijk<span class=\"atlas-visually-hidden\"> ");
	html_text(b, it->ind->d.name);
	html_raw(b, "</span> met andere gemeenten</a>");
	buf_free(&cmp);
	if (*it->ind->d.warning) {
		html_raw(b, "<br><span class=\"atlas-warning\"><strong>Let op:</strong> ");
		html_text(b, it->ind->d.warning);
		html_raw(b, "</span>");
	}
	comp_th_close(b);
	/* value, period, source */
	comp_td_open(b, true);
	if (it->value_has) {
		html_text(b, num(a, it->value));
		html_raw(b, "<br><span class=\"atlas-meta\">");
		html_text(b, it->period);
		html_raw(b, ", ");
		html_text(b, *it->note ? it->note : it->ind->d.source);
		html_raw(b, "</span>");
	} else {
		missing(b);
	}
	comp_td_close(b);
	comp_td_open(b, false);
	sparkline(b, a, it);
	html_raw(b, " ");
	trend_text(b, a, it);
	comp_td_close(b);
	comp_td_open(b, true);
	if (it->rank)
		html_text(b, arena_printf(a, "%d van %d", it->rank, it->n_ranked));
	else
		html_raw(b, "—");
	comp_td_close(b);
	comp_td_open(b, true);
	if (it->peers.n) {
		html_text(b, num(a, it->peers.mean));
		html_raw(b, "<br><span class=\"atlas-meta\">");
		html_text(b, arena_printf(a, "mediaan %s, %d gemeenten", num(a, it->peers.median),
					  it->peers.n));
		html_raw(b, "</span>");
	} else {
		missing(b);
	}
	comp_td_close(b);
	comp_td_open(b, false);
	if (it->position != PEER_NONE)
		html_text(b, arena_printf(a, "%s %s.", d->area_name, peers_sentence(it->position)));
	comp_td_close(b);
	comp_row_close(b);
}

int page_indicatoren_dashboard(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct snapshot *s = r->snap;
	int oi = snapshot_find_org(s, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[oi];
	if (o->kind != ORG_MUNICIPALITY || str_empty(o->cbs_code))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *klasse = req_param(r, "klasse");
	const char *vergelijk = req_param(r, "vergelijk");
	const char *use_list = NULL;
	const char *use_class = klasse;
	if (klasse && strcmp(klasse, "eigen") == 0) {
		use_list = vergelijk ? vergelijk : "";
		use_class = NULL;
	} else if (!klasse && vergelijk && *vergelijk) {
		use_list = vergelijk;
	}
	struct dashboard d;
	const char *err = NULL;
	enum dash_status ds =
	    indicatoren_dashboard(st, r->arena, o->cbs_code, use_class, use_list, &d, &err);
	if (ds == DASH_FAULT)
		return page_store_down(r);

	struct buf *b = &r->out;
	const char *org_href = arena_printf(r->arena, "/organisaties/%s", o->code);
	const char *title = arena_printf(r->arena, "Cijfers van %s", o->name);
	const struct crumb crumbs[] = {
	    {"Organisaties", "/organisaties"}, {o->name, org_href}, {"Cijfers", NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	comp_para(b, "De cijfers van de gemeente per thema uit open bronnen: de nieuwste waarde, "
		     "het verloop over de perioden, de rang onder de gemeenten van de provincie en "
		     "het gemiddelde van vergelijkbare gemeenten. Een waarde ligt rond het "
		     "gemiddelde als zij minder dan 2,5% ervan afwijkt. Ontbrekende waarden tonen "
		     "we als \"geen gegevens\", nooit als nul.");
	if (ds == DASH_BAD) {
		comp_notice(b, "Vergelijking niet mogelijk.", err);
		peer_form(r, o->code, NULL, klasse, vergelijk);
		layout_end(b, NULL);
		return 400;
	}
	if (ds == DASH_NOTFOUND) {
		comp_para(b, "Voor deze gemeente zijn er geen cijfers geladen.");
		layout_end(b, NULL);
		return 200;
	}
	peer_form(r, o->code, &d, klasse, vergelijk);
	peer_list(b, r, &d);
	if (!d.n_items) {
		comp_para(b, "Er zijn nog geen indicatoren geladen.");
		layout_end(b, NULL);
		return 200;
	}
	static const struct comp_col cols[] = {{"Indicator", false},
					       {"Waarde", true},
					       {"Verloop", false},
					       {"Rang in de provincie", true},
					       {"Gemiddelde vergelijkbare gemeenten", true},
					       {"Samenvatting", false}};
	int themes = 0;
	for (int i = 0; i < d.n_items; i++) {
		const struct dash_item *it = &d.items[i];
		if (!i || strcmp(it->ind->d.theme, d.items[i - 1].ind->d.theme) != 0) {
			if (i) {
				comp_table_close(b);
				html_raw(b, "</section>");
			}
			themes++;
			html_rawf(b,
				  "<section class=\"atlas-dashboard-theme\" "
				  "aria-labelledby=\"thema-%d\">",
				  themes);
			comp_h2(b, arena_printf(r->arena, "thema-%d", themes), it->ind->d.theme);
			comp_table_open_ex(
			    b, arena_printf(r->arena, "%s: %s", d.area_name, it->ind->d.theme),
			    cols, 6, true);
		}
		item_row(b, r, &d, it);
	}
	comp_table_close(b);
	html_raw(b, "</section>");
	html_raw(b, "<p class=\"utrecht-paragraph\">Dezelfde cijfers als JSON: ");
	comp_link(b, arena_printf(r->arena, "/api/v1/kennis/gemeenten/%s/dashboard", d.area),
		  "API");
	html_raw(b, ".</p>");
	layout_end(b, NULL);
	return 200;
}
