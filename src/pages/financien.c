/*
 * financien — the financial scan's pages; see financien.h.
 */
#include "financien.h"
#include "auth_ui.h"
#include "chart_verdeling.h"
#include "forms.h"
#include "../app/financien.h"
#include "../domain/indicatoren.h"
#include "../domain/indicatoren_peers.h"
#include "../domain/snapshot.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const struct param_spec financien_params[] = {{"soort", PT_TEXT, 20},
					      {"vergelijking", PT_TEXT, 40},
					      {"vergelijk", PT_LIST, PEERS_MAX_CODES},
					      {NULL, 0, 0}};

const struct param_spec financien_national_params[] = {{"taakveld", PT_TEXT, 10},
						       {"soort", PT_TEXT, 20},
						       {"maat", PT_TEXT, 10},
						       {"sorteer", PT_TEXT, 10},
						       {NULL, 0, 0}};

/* The province whose gemeenten the index lists. */
#define FIN_PROVINCE "PV26"

/* "€ 1.234" per inhabitant, whole euros. */
/* "€ 1.234" / "−€ 56" as text (escaped when written) */
static const char *euro_str(struct arena *a, double v)
{
	char out[64];
	return arena_printf(a, "%s%s", v < 0 ? "−€ " : "€ ",
			    indicator_format_nl(fabs(v), 0, out, sizeof out));
}

static void euro(struct buf *b, double v)
{
	char out[64];
	html_text(b, v < 0 ? "−€ " : "€ ");
	html_text(b, indicator_format_nl(fabs(v), 0, out, sizeof out));
}

/* A total in euros: "€ 2,3 mln" from a million, else whole euros. */
static void euro_total(struct buf *b, double v)
{
	char out[64];
	html_text(b, v < 0 ? "−€ " : "€ ");
	if (fabs(v) >= 1e6) {
		html_text(b, indicator_format_nl(fabs(v) / 1e6, 1, out, sizeof out));
		html_text(b, " mln");
	} else {
		html_text(b, indicator_format_nl(fabs(v), 0, out, sizeof out));
	}
}

static void missing(struct buf *b)
{
	comp_missing(b, "geen gegevens");
}

/* "€ 45 meer dan" / "€ 12 minder dan" the median */
static void deviation(struct buf *b, double dev)
{
	euro(b, fabs(dev));
	html_text(b, dev >= 0 ? " meer dan" : " minder dan");
}

static void measure_cells(struct buf *b, const struct fin_measure *m)
{
	comp_td_open(b, true);
	if (m->has)
		euro(b, m->value);
	else
		missing(b);
	comp_td_close(b);
	comp_td_open(b, true);
	if (m->peers.n) {
		euro(b, m->peers.median);
		html_raw(b, "<br><span class=\"atlas-meta\">");
		euro(b, m->peers.p25);
		html_raw(b, " – ");
		euro(b, m->peers.p75);
		html_raw(b, "</span>");
	} else {
		missing(b);
	}
	comp_td_close(b);
}

static void row_cells(struct buf *b, const struct fin_row *row, bool link)
{
	comp_row_open(b);
	comp_th_open(b);
	if (link && row->lasten_key) {
		struct buf u = BUF_INIT;
		buf_puts(&u, "/kennis/indicatoren/");
		url_seg(&u, row->lasten_key);
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
		html_attr(b, u.data);
		html_raw(b, "\">");
		html_text(b, row->taakveld);
		html_raw(b, " ");
		html_text(b, row->name);
		html_raw(b, "</a>");
		buf_free(&u);
	} else {
		html_text(b, row->taakveld);
		html_raw(b, " ");
		html_text(b, row->name);
	}
	if (row->changed_2023)
		html_raw(b, " <span class=\"atlas-warning\">(boekingsvoorschriften gewijzigd "
			    "in 2023)</span>");
	comp_th_close(b);
	measure_cells(b, &row->lasten);
	measure_cells(b, &row->baten);
	comp_td_open(b, true);
	if (row->saldo.has)
		euro(b, row->saldo.value);
	else
		missing(b);
	comp_td_close(b);
	comp_td_open(b, true);
	if (row->lasten.dev_has) {
		html_text(b, row->lasten.dev >= 0 ? "+" : "−");
		euro(b, fabs(row->lasten.dev));
		if (row->total_has) {
			html_raw(b, "<br><span class=\"atlas-meta\">");
			html_text(b, row->dev_total >= 0 ? "+" : "−");
			euro_total(b, fabs(row->dev_total));
			html_raw(b, " totaal</span>");
		}
	} else {
		missing(b);
	}
	comp_td_close(b);
	comp_row_close(b);
}

static const struct comp_col fin_cols[] = {
    {"Taakveld", false},
    {"Lasten per inwoner", true},
    {"Vergelijkbaar: mediaan (middelste helft)", true},
    {"Baten per inwoner", true},
    {"Vergelijkbaar: mediaan (middelste helft)", true},
    {"Saldo (baten − lasten)", true},
    {"Lasten t.o.v. mediaan (per inwoner; totaal)", true},
};
#define FIN_NCOLS ((int)(sizeof fin_cols / sizeof *fin_cols))

static void compare_form(struct request *r, const char *code, const struct fin_view *v,
			 const char *soort, const char *group, const char *list)
{
	struct buf *b = &r->out;
	html_raw(b,
		 "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"/financien/");
	html_attr(b, code);
	html_raw(b, "\" aria-labelledby=\"keuze-titel\"><h2 class=\"utrecht-heading-2 "
		    "atlas-filter__title\" id=\"keuze-titel\">Stuk en vergelijking</h2>"
		    "<div class=\"atlas-filter__grid\">");
	static const struct comp_option docs[] = {{"jaarrekening", "Jaarrekening"},
						  {"begroting", "Begroting"}};
	comp_select(b, "soort", "Stuk", docs, 2, soort && *soort ? soort : "jaarrekening");
	struct comp_option opts[8];
	int n = 0;
	for (int i = 0; i < fin_n_groups; i++)
		opts[n++] = (struct comp_option){fin_groups[i].param, fin_groups[i].label};
	opts[n++] = (struct comp_option){"eigen", "eigen selectie (hieronder aangevinkt)"};
	const char *sel = list && *list && (!group || !*group) ? "eigen"
			  : group && *group		       ? group
							       : FIN_DEFAULT_GROUP;
	comp_select(b, "vergelijking", "Vergelijken met", opts, n, sel);
	html_raw(b, "</div>");
	struct fin_peer *g = NULL;
	int ng = 0;
	if (financien_gemeenten(store_thread(), r->arena, NULL, &g, &ng))
		ng = 0;
	struct form_gemeente *pick = arena_calloc(r->arena, (size_t)ng + 1, sizeof *pick);
	int np = 0;
	for (int i = 0; i < ng; i++)
		if (!v || strcmp(g[i].code, v->area) != 0) /* never the gemeente itself */
			pick[np++] = (struct form_gemeente){
			    g[i].code, g[i].name, v && strcmp(g[i].province, v->province) == 0};
	form_gemeente_picker(b, "vergelijk", "Eigen selectie: gemeenten in de provincie", pick, np,
			     v && v->list ? v->list : (list ? list : ""));
	html_raw(b, "</div><div class=\"atlas-filter__actions\"><button "
		    "class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		    "Vergelijken</button></div></form>");
}

static void peer_list(struct buf *b, struct request *r, const struct fin_view *v)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, v->group ? arena_printf(r->arena, "Vergeleken met %s", v->group->label)
			      : "Vergeleken met uw eigen selectie");
	html_rawf(b, ": %d gemeente%s.</p>", v->n_peers, v->n_peers == 1 ? "" : "n");
	if (!v->n_peers)
		return;
	html_raw(b, "<details class=\"atlas-peers\"><summary>Welke gemeenten</summary><ul "
		    "class=\"utrecht-unordered-list\">");
	for (int i = 0; i < v->n_peers; i++) {
		html_raw(b, "<li>");
		html_text(b, v->peers[i].name);
		html_raw(b, " <span class=\"atlas-meta\">(");
		html_text(b, v->peers[i].code);
		html_raw(b, ")</span></li>");
	}
	html_raw(b, "</ul></details>");
}

/* The largest deviations, in words. */
#define FIN_TOP 10
static void largest(struct buf *b, const struct fin_view *v)
{
	comp_h2(b, "afwijkingen", "Grootste afwijkingen in de lasten");
	if (!v->n_ranked) {
		comp_para(b, "Er is niets te vergelijken: de gemeente of de vergelijkbare "
			     "gemeenten hebben voor dit stuk geen cijfers.");
		return;
	}
	comp_para(b, v->inhabitants_has
			 ? "Gerangschikt naar het verschil met de mediaan in euro's voor de hele "
			   "gemeente (per inwoner maal het inwonertal)."
			 : "Gerangschikt naar het verschil met de mediaan per inwoner (het "
			   "inwonertal ontbreekt, dus geen totalen).");
	html_raw(b, "<ol class=\"utrecht-ordered-list atlas-fin-top\">");
	for (int i = 0; i < v->n_ranked && i < FIN_TOP; i++) {
		const struct fin_row *row = &v->rows[v->ranked[i]];
		html_raw(b, "<li><strong>");
		html_text(b, row->taakveld);
		html_raw(b, " ");
		html_text(b, row->name);
		html_raw(b, "</strong>: lasten ");
		euro(b, row->lasten.value);
		html_raw(b, " per inwoner, ");
		deviation(b, row->lasten.dev);
		html_raw(b, " de mediaan van ");
		euro(b, row->lasten.peers.median);
		if (row->total_has) {
			html_raw(b, " (");
			euro_total(b, fabs(row->dev_total));
			html_raw(b,
				 row->dev_total >= 0 ? " meer in totaal)" : " minder in totaal)");
		}
		html_raw(b, row->lasten.band == FIN_BAND_INSIDE
				? "; binnen de middelste helft van de vergelijkbare gemeenten"
				: "; buiten de middelste helft van de vergelijkbare gemeenten");
		if (row->changed_2023)
			html_raw(b, "; let op: boekingsvoorschriften gewijzigd in 2023");
		html_raw(b, ".</li>");
	}
	html_raw(b, "</ol>");
}

/* The link to the gemeente's six BBV kengetallen (pages/financien_kengetallen.c). */
static void kengetallen_link(struct request *r, const char *code)
{
	html_raw(&r->out, "<p class=\"utrecht-paragraph\">");
	comp_link(&r->out, arena_printf(r->arena, "/financien/%s/kengetallen", code),
		  "De zes financiële kengetallen (BBV) met hun signaleringswaarden");
	html_raw(&r->out, "</p>");
}

/* A gemeente of the registry without Iv3 figures: said so (200), since
 * its organisation page links here; any other code is unknown (404). */
static int no_figures(struct request *r)
{
	const char *code = ascii_lower_dup(r->arena, r->path_args[0]);
	int oi = snapshot_find_org(r->snap, code);
	if (oi < 0 || r->snap->orgs[oi].kind != ORG_MUNICIPALITY)
		return respond_not_found(r);
	const struct organisation *o = &r->snap->orgs[oi];
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, "Financiën van %s", o->name);
	const struct crumb crumbs[] = {{"Financiën", "/financien"}, {o->name, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	comp_para(b, "Voor deze gemeente zijn nog geen Iv3-cijfers geladen.");
	kengetallen_link(r, code);
	layout_end(b, NULL);
	return 200;
}

int page_financien_gemeente(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *soort = req_param(r, "soort");
	const char *group = req_param(r, "vergelijking");
	const char *list = req_param(r, "vergelijk");
	const char *use_list = NULL, *use_group = group;
	if (group && strcmp(group, "eigen") == 0) {
		use_list = list ? list : "";
		use_group = NULL;
	} else if (!group && list && *list) {
		use_list = list;
	}
	enum iv3_doc doc = IV3_REKENING;
	bool bad_doc = soort && !iv3_doc_parse(soort, &doc);
	const char *err = NULL;
	struct fin_view v;
	enum fin_status fs =
	    financien_compare(st, r->arena, r->path_args[0], doc, bad_doc ? NULL : use_group,
			      bad_doc ? NULL : use_list, &v, &err);
	if (fs == FIN_OK && bad_doc) {
		fs = FIN_BAD;
		err = "Stuk: kies jaarrekening of begroting.";
	}
	if (fs == FIN_FAULT)
		return page_store_down(r);
	if (fs == FIN_NOTFOUND)
		return no_figures(r);

	struct buf *b = &r->out;
	const char *code = ascii_lower_dup(r->arena, v.area);
	const char *title = arena_printf(r->arena, "Financiën van %s", v.name);
	const struct crumb crumbs[] = {{"Financiën", "/financien"}, {v.name, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, ": lasten en baten tegen vergelijkbare gemeenten</h1>");
	if (fs == FIN_BAD) {
		comp_notice(b, "Vergelijking niet mogelijk.", err);
		compare_form(r, code, NULL, soort, group, list);
		layout_end(b, NULL);
		return 400;
	}
	html_raw(b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">");
	html_text(b, arena_printf(r->arena, "Iv3-cijfers van de %s %s in euro per inwoner",
				  iv3_doc_label(v.doc), *v.period ? v.period : "(geen cijfers)"));
	if (v.inhabitants_has) {
		char out[64];
		html_text(b, arena_printf(r->arena, " (%s inwoners)",
					  indicator_format_nl(v.inhabitants, 0, out, sizeof out)));
	}
	html_raw(b, ", per taakveld naast de mediaan en de middelste helft (25e tot 75e "
		    "percentiel) van vergelijkbare gemeenten.</p>");
	comp_notice(
	    b, "Een afwijking is een vraag, geen oordeel.",
	    "Beleidskeuzes, een centrumfunctie, samenwerking in een gemeenschappelijke "
	    "regeling of een andere manier van boeken verklaren veel verschillen. Gebruik de "
	    "grootste afwijkingen als begin van het gesprek, niet als conclusie.");
	compare_form(r, code, &v, soort, group, list);
	peer_list(b, r, &v);
	if (snapshot_find_org(r->snap, code) >= 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, arena_printf(r->arena, "/organisaties/%s", code),
			  arena_printf(r->arena, "%s in het register", v.name));
		html_raw(b, " · ");
		comp_link(b, arena_printf(r->arena, "/organisaties/%s/kennis", code),
			  "andere cijfers van de gemeente");
		html_raw(b, "</p>");
	}
	kengetallen_link(r, code);
	if (!v.n_rows) {
		comp_para(b, "Er zijn nog geen Iv3-cijfers geladen.");
		layout_end(b, NULL);
		return 200;
	}
	largest(b, &v);

	comp_h2(b, "hoofdstukken", "Per hoofdstuk");
	comp_table_open_ex(b, arena_printf(r->arena, "%s: per hoofdstuk", v.name), fin_cols,
			   FIN_NCOLS, true);
	for (int hh = 0; hh < 9; hh++)
		row_cells(b, &v.hoofdstukken[hh], false);
	comp_table_close(b);

	comp_h2(b, "taakvelden", "Per taakveld");
	for (int i = 0; i < v.n_rows; i++) {
		const struct fin_row *row = &v.rows[i];
		if (!i || row->hoofdstuk != v.rows[i - 1].hoofdstuk) {
			if (i)
				comp_table_close(b);
			html_rawf(b, "<h3 class=\"utrecht-heading-3\" id=\"hoofdstuk-%d\">",
				  row->hoofdstuk);
			html_text(b, arena_printf(r->arena, "%d %s", row->hoofdstuk,
						  iv3_hoofdstuk_name(row->hoofdstuk)));
			html_raw(b, "</h3>");
			if (row->hoofdstuk == 6 || (row->hoofdstuk == 7 && row->changed_2023))
				comp_notice(
				    b, "Let op.",
				    "Sinds begrotingsjaar 2023 gelden in het sociaal domein en bij "
				    "volksgezondheid andere boekingsvoorschriften; vergelijk met "
				    "eerdere jaren voorzichtig.");
			comp_table_open_ex(b,
					   arena_printf(r->arena, "%s: hoofdstuk %d %s", v.name,
							row->hoofdstuk,
							iv3_hoofdstuk_name(row->hoofdstuk)),
					   fin_cols, FIN_NCOLS, true);
		}
		row_cells(b, row, true);
	}
	comp_table_close(b);

	html_raw(b, "<p class=\"utrecht-paragraph atlas-meta\">Bron: ");
	if (v.source_url && *v.source_url)
		comp_ext_link(b, v.source_url, v.source);
	else
		html_text(b, v.source);
	html_raw(b, ". Licentie: ");
	html_text(b, v.licence);
	html_raw(b, ".");
	if (v.warning && *v.warning) {
		html_raw(b, " ");
		html_text(b, v.warning);
	}
	html_raw(b, "</p><p class=\"utrecht-paragraph\">Dezelfde cijfers als JSON: ");
	comp_link(b, arena_printf(r->arena, "/api/v1/financien/gemeenten/%s", code), "API");
	html_raw(b, ".</p>");
	layout_end(b, NULL);
	return 200;
}

/* The national view's choices from the request; NULL or a Dutch message. */
static const char *national_args(struct request *r, enum iv3_doc *doc,
				 enum fin_measure_kind *measure, enum fin_order *order)
{
	*doc = IV3_REKENING;
	*measure = FIN_LASTEN;
	*order = FIN_ORDER_HIGH;
	const char *v;
	if ((v = req_param(r, "soort")) && !iv3_doc_parse(v, doc))
		return "Stuk: kies jaarrekening of begroting.";
	if ((v = req_param(r, "maat")) && !fin_measure_parse(v, measure))
		return "Bedrag: kies lasten, baten of saldo.";
	if ((v = req_param(r, "sorteer")) && !fin_order_parse(v, order))
		return "Volgorde: kies hoog, laag of naam.";
	return NULL;
}

static void national_form(struct buf *b, struct request *r, const struct fin_taakveld *tv, int ntv)
{
	html_raw(b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" "
		    "action=\"/financien#landelijk\" aria-labelledby=\"landelijk\">"
		    "<div class=\"atlas-filter__grid\">");
	struct comp_option *opts = arena_calloc(r->arena, (size_t)ntv + 1, sizeof *opts);
	for (int i = 0; i < ntv; i++)
		opts[i] = (struct comp_option){
		    tv[i].code, arena_printf(r->arena, "%s %s", tv[i].code, tv[i].name)};
	const char *sel = req_param(r, "taakveld");
	comp_select(b, "taakveld", "Taakveld", opts, ntv, sel ? sel : (ntv ? tv[0].code : ""));
	static const struct comp_option docs[] = {{"jaarrekening", "Jaarrekening"},
						  {"begroting", "Begroting"}};
	sel = req_param(r, "soort");
	comp_select(b, "soort", "Stuk", docs, 2, sel ? sel : "jaarrekening");
	static const struct comp_option measures[] = {
	    {"lasten", "Lasten per inwoner"},
	    {"baten", "Baten per inwoner"},
	    {"saldo", "Saldo (baten − lasten) per inwoner"}};
	sel = req_param(r, "maat");
	comp_select(b, "maat", "Bedrag", measures, 3, sel ? sel : "lasten");
	static const struct comp_option orders[] = {
	    {"hoog", "Hoogste eerst"}, {"laag", "Laagste eerst"}, {"naam", "Op naam"}};
	sel = req_param(r, "sorteer");
	comp_select(b, "sorteer", "Volgorde", orders, 3, sel ? sel : "hoog");
	html_raw(b, "</div><div class=\"atlas-filter__actions\"><button class=\"utrecht-button "
		    "utrecht-button--primary-action\" type=\"submit\">Tonen</button></div></form>");
}

/* "taakveld=6.1&soort=…&maat=…" of the request for the export links. */
static const char *national_query(struct request *r, const struct fin_national *v)
{
	struct buf q = BUF_INIT;
	buf_puts(&q, "taakveld=");
	url_arg(&q, v->taakveld);
	buf_puts(&q, "&soort=");
	buf_puts(&q, iv3_doc_label(v->doc));
	buf_puts(&q, "&maat=");
	buf_puts(&q, fin_measure_key(v->measure));
	const char *out = arena_strdup(r->arena, q.data);
	buf_free(&q);
	return out;
}

/* The national distribution with the province's gemeenten marked. */
static void national_distribution(struct request *r, const struct fin_national *v, const char *what)
{
	struct arena *a = r->arena;
	struct verdeling_mark *marks = arena_calloc(a, (size_t)v->n_rows + 1, sizeof *marks);
	int n_marks = 0;
	for (int i = 0; i < v->n_rows; i++)
		if (v->rows[i].has && strcmp(v->rows[i].province, FIN_PROVINCE) == 0)
			marks[n_marks++] =
			    (struct verdeling_mark){v->rows[i].name, v->rows[i].value};
	html_raw(&r->out, "<h3 class=\"utrecht-heading-3\">Verdeling over de gemeenten</h3>");
	comp_para(
	    &r->out,
	    arena_printf(a,
			 "Elk staafje telt de gemeenten met een bedrag in één interval; de "
			 "streepjeslijn is de mediaan, %s een gemeente in de provincie "
			 "Utrecht (%d met een waarde). De tabel onder de grafiek noemt ze per "
			 "interval.",
			 n_marks <= VERDELING_LABELS_MAX ? "een zwarte lijn met stip"
							 : "een streepje onder de as",
			 n_marks));
	chart_verdeling(
	    r, &(struct verdeling){
		   .title = arena_printf(a, "Verdeling: %s, %d gemeenten", what, v->n_present),
		   .hist = v->hist,
		   .nbins = VERGELIJK_BINS,
		   .lo = v->hist_lo,
		   .hi = v->hist_hi,
		   .min = v->min,
		   .max = v->max,
		   .median = v->quartiles.median,
		   .marks = marks,
		   .n_marks = n_marks,
		   .marks_label = "Gemeenten in de provincie Utrecht",
		   .marks_what = "de gemeenten in de provincie Utrecht",
		   .fmt = euro_str,
	       });
}

static void national_table(struct buf *b, struct request *r, const struct fin_national *v)
{
	const char *what = arena_printf(r->arena, "%s per inwoner, taakveld %s %s (%s %s)",
					v->measure == FIN_LASTEN  ? "Lasten"
					: v->measure == FIN_BATEN ? "Baten"
								  : "Saldo (baten − lasten)",
					v->taakveld, v->name, iv3_doc_label(v->doc), v->period);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, arena_printf(r->arena, "%s. %d van de %d gemeenten hebben een waarde", what,
				  v->n_present, v->n_rows));
	if (v->quartiles.n) {
		html_raw(b, "; de mediaan is ");
		euro(b, v->quartiles.median);
		html_raw(b, ", de middelste helft ligt tussen ");
		euro(b, v->quartiles.p25);
		html_raw(b, " en ");
		euro(b, v->quartiles.p75);
	}
	html_raw(b, ". Gemeenten in de provincie Utrecht staan vet, met \"(provincie Utrecht)\" "
		    "achter de naam.</p>");
	if (v->changed_2023)
		comp_notice(b, "Let op.",
			    "Sinds begrotingsjaar 2023 gelden voor dit taakveld andere "
			    "boekingsvoorschriften; vergelijk met eerdere jaren voorzichtig.");
	const char *q = national_query(r, v);
	html_raw(b, "<p class=\"utrecht-paragraph\">Downloaden: ");
	comp_link(b, arena_printf(r->arena, "/financien.csv?%s", q), "CSV");
	html_raw(b, " · ");
	comp_link(b,
		  arena_printf(r->arena, "/api/v1/financien/taakvelden/%s?soort=%s&maat=%s",
			       v->taakveld, iv3_doc_label(v->doc), fin_measure_key(v->measure)),
		  "JSON (API)");
	html_raw(b, "</p>");
	if (v->n_present)
		national_distribution(r, v, what);
	static const struct comp_col cols[] = {
	    {"Rang", true}, {"Gemeente", false}, {"Per inwoner", true}, {"Provincie", false}};
	comp_table_open_ex(b, what, cols, 4, true);
	for (int i = 0; i < v->n_rows; i++) {
		const struct fin_national_row *row = &v->rows[i];
		bool own = strcmp(row->province, FIN_PROVINCE) == 0;
		comp_row_open(b);
		comp_td_open(b, true);
		if (row->rank)
			html_rawf(b, "%d", row->rank);
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_th_open(b);
		if (own)
			html_raw(b, "<strong>");
		comp_link(b,
			  arena_printf(r->arena, "/financien/%s?soort=%s",
				       ascii_lower_dup(r->arena, row->code), iv3_doc_label(v->doc)),
			  row->name);
		if (own)
			html_raw(b,
				 "</strong> <span class=\"atlas-meta\">(provincie Utrecht)</span>");
		comp_th_close(b);
		comp_td_open(b, true);
		if (row->has)
			euro(b, row->value);
		else
			missing(b);
		comp_td_close(b);
		comp_td_open(b, false);
		html_text(b, cbs_province_name(row->province));
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "<p class=\"utrecht-paragraph atlas-meta\">Bron: ");
	html_text(b, v->source);
	html_raw(b, ". Licentie: ");
	html_text(b, v->licence);
	html_raw(b, ".</p>");
}

int page_financien_csv(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	enum iv3_doc doc;
	enum fin_measure_kind measure;
	enum fin_order order;
	const char *err = national_args(r, &doc, &measure, &order);
	if (err)
		return respond_error(r, 400, "Ongeldige parameter", err, NULL);
	if (!req_param(r, "taakveld"))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Taakveld: kies een taakveld, bijvoorbeeld 6.1.", "taakveld");
	struct fin_national v;
	enum fin_status fs =
	    financien_national(st, r->arena, doc, req_param(r, "taakveld"), measure, order, &v);
	if (fs == FIN_FAULT)
		return page_store_down(r);
	if (fs == FIN_NOTFOUND)
		return respond_error(r, 404, "Niet gevonden",
				     "Dit stuk heeft geen taakveld met deze code.", "taakveld");
	r->content_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition",
		   arena_printf(r->arena, "attachment; filename=\"financien-%s-%s-%s.csv\"",
				v.taakveld, iv3_doc_label(v.doc), fin_measure_key(v.measure)));
	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const head[] = {
	    "Rang",    "Gemeentecode", "Gemeente",	   "Provincie", "Taakveld", "Stuk",
	    "Periode", "Bedrag",       "Euro per inwoner", "Bron",	"Licentie"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(&c, head[i]);
	csv_end_row(&c);
	for (int i = 0; i < v.n_rows; i++) {
		const struct fin_national_row *row = &v.rows[i];
		if (row->rank)
			csv_int(&c, row->rank);
		else
			csv_cell(&c, "");
		csv_cell(&c, row->code);
		csv_cell(&c, row->name);
		csv_cell(&c, row->province);
		csv_cell(&c, arena_printf(r->arena, "%s %s", v.taakveld, v.name));
		csv_cell(&c, iv3_doc_label(v.doc));
		csv_cell(&c, v.period);
		csv_cell(&c, fin_measure_key(v.measure));
		if (row->has)
			csv_num(&c, row->value);
		else
			csv_cell(&c, ""); /* missing, never 0 */
		csv_cell(&c, v.source);
		csv_cell(&c, v.licence);
		csv_end_row(&c);
	}
	return 200;
}

int page_financien(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct fin_peer *g;
	int n;
	if (financien_gemeenten(st, r->arena, FIN_PROVINCE, &g, &n))
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Financiën van gemeenten", .nav = NAV_ORGS};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Financiën van gemeenten</h1>");
	html_raw(
	    b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Waar geeft een gemeente "
	       "meer of minder uit dan vergelijkbare gemeenten? Per Iv3-taakveld de lasten en "
	       "baten per inwoner uit de jaarrekening 2023 en de begroting 2024, naast de "
	       "mediaan van gemeenten met dezelfde grootte en stedelijkheid, de eigen provincie, "
	       "het hele land of een eigen selectie. De grootste afwijkingen staan bovenaan.</p>");
	comp_h2(b, "gemeenten", "Gemeenten in de provincie Utrecht");
	if (!n) {
		comp_para(b, "Er zijn nog geen Iv3-cijfers geladen.");
	} else {
		html_raw(b, "<ul class=\"utrecht-unordered-list atlas-columns\">");
		for (int i = 0; i < n; i++) {
			html_raw(b, "<li>");
			comp_link(b,
				  arena_printf(r->arena, "/financien/%s",
					       ascii_lower_dup(r->arena, g[i].code)),
				  g[i].name);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
	}
	comp_para(b, "Elke andere gemeente van Nederland: /financien/ gevolgd door de "
		     "gemeentecode, bijvoorbeeld /financien/gm0363 voor Amsterdam, of via het "
		     "landelijk overzicht hieronder.");

	comp_h2(b, "landelijk", "Landelijk overzicht per taakveld");
	enum iv3_doc doc;
	enum fin_measure_kind measure;
	enum fin_order order;
	const char *err = national_args(r, &doc, &measure, &order);
	struct fin_taakveld *tv;
	int ntv;
	if (financien_taakvelden(st, r->arena, err ? IV3_REKENING : doc, &tv, &ntv))
		return page_store_down(r);
	if (!ntv) {
		comp_para(b, "Er zijn nog geen Iv3-cijfers geladen.");
		layout_end(b, NULL);
		return 200;
	}
	comp_para(b, "Eén taakveld voor alle gemeenten van Nederland, met de rang (hoogste bedrag "
		     "eerst) en de mediaan. Een hoog of laag bedrag is een vraag, geen oordeel.");
	national_form(b, r, tv, ntv);
	int status = 200;
	if (err) {
		comp_notice(b, "Overzicht niet mogelijk.", err);
		status = 400;
	} else if (req_param(r, "taakveld")) {
		struct fin_national v;
		enum fin_status fs = financien_national(st, r->arena, doc, req_param(r, "taakveld"),
							measure, order, &v);
		if (fs == FIN_FAULT)
			return page_store_down(r);
		if (fs == FIN_NOTFOUND) {
			comp_notice(b, "Overzicht niet mogelijk.",
				    "Taakveld: dit stuk heeft geen taakveld met deze code.");
			status = 400;
		} else {
			national_table(b, r, &v);
		}
	}
	layout_end(b, NULL);
	return status;
}
