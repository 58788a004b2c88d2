/*
 * financien_kengetallen — the kengetallen pages; see financien_kengetallen.h.
 */
#include "financien_kengetallen.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/financien_kengetallen.h"
#include "../app/policy.h"
#include "../http/multipart.h"
#include "../io/financien_kengetallen_csv.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define BANDS "/beheer/financien/signaleringswaarden"

static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static void no_cache(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
}

/* /financien/{lower code}{suffix} */
static const char *gm_href(struct request *r, const char *code, const char *suffix)
{
	return arena_printf(r->arena, "/financien/%s%s", ascii_lower_dup(r->arena, code),
			    suffix ? suffix : "");
}

static void page_top(struct request *r, const struct kg_gemeente *g, const char *title,
		     const char *last)
{
	const struct crumb crumbs[] = {
	    {"Financiën", "/financien"},
	    {g->name, gm_href(r, g->code, NULL)},
	    {"Kengetallen", last ? gm_href(r, g->code, "/kengetallen") : NULL},
	    {last, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = last ? 4 : 3};
	layout_begin(&r->out, page_head_for(r, &h));
	html_raw(&r->out, "<h1 class=\"utrecht-heading-1\">");
	html_text(&r->out, title);
	html_raw(&r->out, "</h1>");
}

static int refuse(struct request *r, enum kg_outcome o)
{
	if (o == KG_NOTFOUND)
		return respond_not_found(r);
	if (o == KG_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang", kg_message(o), NULL);
	return page_store_down(r);
}

static const char *pct(struct request *r, double v)
{
	char p[32];
	return arena_strdup(r->arena, kg_format_pct(v, p, sizeof p));
}

static const char *euro(struct request *r, int64_t cents)
{
	char e[48];
	return arena_strdup(r->arena, kg_format_euro(cents, e, sizeof e));
}

/* "Categorie A (minst risicovol)" — the signal in words, never colour alone. */
static const char *signal_text(struct request *r, char cat)
{
	return arena_printf(r->arena, "Categorie %c (%s)", cat, kg_category_words(cat));
}

/* ---- the view ------------------------------------------------------------------------- */

static const struct form_notice view_notices[] = {
    {"opgeslagen", "De invoer is opgeslagen."},
    {"geimporteerd", "Het bestand is ingelezen."},
};

static void choice_form(struct request *r, const struct kg_view *v)
{
	struct buf *b = &r->out;
	html_raw(b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"");
	html_attr(b, gm_href(r, v->g.code, "/kengetallen"));
	html_raw(b, "\" aria-labelledby=\"keuze-titel\"><h2 class=\"utrecht-heading-2 "
		    "atlas-filter__title\" id=\"keuze-titel\">Jaar en stuk</h2>"
		    "<div class=\"atlas-filter__grid\"><div class=\"utrecht-form-field\">"
		    "<label class=\"utrecht-form-label\" for=\"f-jaar\">Jaar</label>"
		    "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"f-jaar\" "
		    "name=\"jaar\" inputmode=\"numeric\" maxlength=\"4\" size=\"6\" value=\"");
	html_rawf(b, "%d", v->year);
	html_raw(b, "\"></div>");
	static const struct comp_option kinds[] = {{"begroting", "Begroting"},
						   {"jaarverslag", "Jaarverslag"}};
	comp_select(b, "soort", "Stuk", kinds, 2, kg_kind_key(v->kind));
	html_raw(b, "</div><div class=\"atlas-filter__actions\"><button "
		    "class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		    "Tonen</button></div></form>");
}

static void result_cell(struct request *r, const struct kg_view_col *c, int k)
{
	struct buf *b = &r->out;
	comp_td_open(b, true);
	if (c->res[k].ok)
		html_text(b, pct(r, c->res[k].shown));
	else
		html_raw(b, "<span class=\"atlas-muted\">niet te berekenen</span>");
	comp_td_close(b);
}

static void summary_table(struct request *r, const struct kg_view *v)
{
	struct buf *b = &r->out;
	struct comp_col cols[5] = {{"Kengetal", false},
				   {v->cols[0].label, true},
				   {v->cols[1].label, true},
				   {v->cols[2].label, true},
				   {arena_printf(r->arena, "Signaal %s", v->cols[2].label), false}};
	comp_table_open(b,
			arena_printf(r->arena, "Kengetallen van %s, %s %d", v->g.name,
				     kg_kind_key(v->kind), v->year),
			cols, 5);
	for (int k = 0; k < KG_N_RATIO; k++) {
		comp_row_open(b);
		comp_th_open(b);
		html_raw(b, "<a class=\"utrecht-link\" href=\"#");
		html_attr(b, kg_ratios[k].key);
		html_raw(b, "\">");
		html_text(b, kg_ratios[k].name);
		html_raw(b, "</a>");
		comp_th_close(b);
		for (int c = 0; c < 3; c++)
			result_cell(r, &v->cols[c], k);
		char cat = v->cols[2].category[k];
		comp_td_text(b, cat ? signal_text(r, cat) : NULL, "geen signaal");
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void band_text(struct request *r, const struct kg_band_row *band)
{
	struct buf *b = &r->out;
	html_raw(b, "<p class=\"utrecht-paragraph\">Signaleringswaarden: ");
	static const char cats[] = {'A', 'B', 'C'};
	for (int i = 0; i < 3; i++) {
		char t[96];
		html_text(b, arena_printf(r->arena, "%scategorie %c (%s) %s", i ? "; " : "",
					  cats[i], kg_category_words(cats[i]),
					  kg_band_text(&band->band, cats[i], t, sizeof t)));
	}
	html_raw(b, ". Bron: ");
	if (*band->source_url)
		comp_ext_link(b, band->source_url, band->source);
	else
		html_text(b, band->source);
	html_raw(b, ".</p>");
}

static void ratio_section(struct request *r, const struct kg_view *v, int k)
{
	struct buf *b = &r->out;
	const struct kg_ratio_def *d = &kg_ratios[k];
	comp_h2(b, d->key, d->name);
	html_raw(b, "<p class=\"utrecht-paragraph\">Formule: <code>");
	html_text(b, d->formula);
	html_raw(b, "</code>, met ");
	html_text(b, d->legend);
	html_raw(b, ".</p>");
	if (k == KG_SER)
		comp_para(b,
			  "De structurele lasten en baten zijn berekend als gelijk van gelijk: "
			  "de incidentele lasten gaan af van de lasten en de incidentele baten van "
			  "de baten, zoals gemeenten het in de praktijk doen (bijvoorbeeld "
			  "Dordrecht, jaarverslag 2018).");
	static const struct comp_col cols[] = {
	    {"Kolom", false}, {"Berekening", false}, {"Uitkomst", false}, {"Signaal", false}};
	comp_table_open(b, arena_printf(r->arena, "%s: berekening per kolom", d->name), cols, 4);
	for (int c = 0; c < 3; c++) {
		const struct kg_view_col *vc = &v->cols[c];
		const struct kg_result *res = &vc->res[k];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, vc->label);
		comp_th_close(b);
		comp_td_text(b, res->filled, "");
		comp_td_text(b, res->ok ? pct(r, res->shown) : res->reason, "");
		comp_td_text(b, vc->category[k] ? signal_text(r, vc->category[k]) : NULL,
			     "geen signaal");
		comp_row_close(b);
	}
	comp_table_close(b);
	if (v->band[k])
		band_text(r, v->band[k]);
	else
		comp_para(b, "Voor dit kengetal zijn geen signaleringswaarden vastgelegd.");
	int comps[KG_N_COMP];
	int nc = kg_ratio_comps((enum kg_ratio)k, comps);
	struct comp_col icols[4] = {{"Onderdeel", false},
				    {v->cols[0].label, false},
				    {v->cols[1].label, false},
				    {v->cols[2].label, false}};
	comp_table_open(b, arena_printf(r->arena, "%s: onderdelen en bronnen", d->name), icols, 4);
	for (int i = 0; i < nc; i++) {
		int cp = comps[i];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, kg_comps[cp].name);
		html_raw(b, " <span class=\"atlas-muted\">(");
		html_text(b, kg_comps[cp].article);
		html_raw(b, ")</span>");
		comp_th_close(b);
		for (int c = 0; c < 3; c++) {
			const struct kg_view_col *vc = &v->cols[c];
			comp_td_open(b, false);
			if (vc->in.has[cp]) {
				html_text(b, euro(r, vc->in.cents[cp]));
				html_raw(b, "<br><span class=\"atlas-muted\">Bron: ");
				html_text(b, vc->source[cp]);
				html_raw(b, "</span>");
			} else {
				html_raw(b, "<span class=\"atlas-muted\">niet ingevoerd</span>");
			}
			comp_td_close(b);
		}
		comp_row_close(b);
	}
	comp_table_close(b);
}

int page_kengetallen(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct kg_view v;
	struct field_errors e = {0};
	enum kg_outcome o = kg_view_build(st, r->arena, r->snap, r->path_args[0],
					  req_param(r, "jaar"), req_param(r, "soort"), &v, &e);
	if (o != KG_OK && o != KG_INVALID)
		return refuse(r, o);
	struct buf *b = &r->out;
	page_top(r, &v.g, arena_printf(r->arena, "Kengetallen van %s", v.g.name), NULL);
	form_flash_from(b, r, view_notices, sizeof view_notices / sizeof *view_notices);
	if (o == KG_INVALID) {
		comp_notice(b, "Deze keuze kan niet.", e.e[0].message);
		choice_form(r, &v);
		layout_end(b, NULL);
		return 400;
	}
	html_raw(b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">");
	html_text(b,
		  arena_printf(r->arena,
			       "De zes financiële kengetallen van de %s %d, berekend volgens de "
			       "Regeling van de minister van BZK (BWBR0036853) uit de ingevoerde "
			       "bedragen in euro. Zoals de regeling voorschrijft staan ernaast %s "
			       "en %s.",
			       kg_kind_key(v.kind), v.year, v.cols[0].label, v.cols[1].label));
	html_raw(b, "</p>");
	comp_notice(b, "Een signaal is een vraag, geen oordeel.",
		    "De kengetallen zijn in de eerste plaats een instrument voor de raad; de "
		    "categorieën A (minst risicovol) tot en met C (meest risicovol) zijn "
		    "signaleringswaarden, geen normen. Lees ze in samenhang.");
	choice_form(r, &v);
	bool may = policy_may_enter_kengetallen(web_user(r), v.g.code);
	if (may) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"invoer\">Invoer</h2>"
			    "<ul class=\"utrecht-unordered-list\">");
		for (int c = 0; c < 3; c++) {
			html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
			comp_link(b,
				  arena_printf(r->arena, "%s?jaar=%d&soort=%s",
					       gm_href(r, v.g.code, "/kengetallen/invoer"),
					       v.cols[c].col.year, kg_kind_key(v.cols[c].col.kind)),
				  arena_printf(r->arena, "Invoer %s wijzigen", v.cols[c].label));
			html_rawf(b, " (%d onderdelen ingevoerd)</li>", v.cols[c].n_entered);
		}
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		comp_link(b, gm_href(r, v.g.code, "/kengetallen/importeren"),
			  "Bedragen importeren uit een CSV-bestand");
		html_raw(b, "</li></ul>");
	}
	comp_h2(b, "overzicht", "Overzicht");
	summary_table(r, &v);
	for (int k = 0; k < KG_N_RATIO; k++)
		ratio_section(r, &v, k);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, gm_href(r, v.g.code, NULL), "Lasten en baten tegen vergelijkbare gemeenten");
	if (policy_may_edit_kengetal_bands(web_user(r))) {
		html_raw(b, " · ");
		comp_link(b, BANDS, "Signaleringswaarden wijzigen");
	}
	html_raw(b, " · ");
	comp_link(b, "/financien/kengetallen/sjabloon.csv", "Sjabloon van de invoer (CSV)");
	html_raw(b, " · Dezelfde cijfers als JSON: ");
	comp_link(b,
		  arena_printf(r->arena,
			       "/api/v1/financien/gemeenten/%s/kengetallen?jaar=%d&soort=%s",
			       ascii_lower_dup(r->arena, v.g.code), v.year, kg_kind_key(v.kind)),
		  "API");
	html_raw(b, ".</p>");
	layout_end(b, NULL);
	return 200;
}

/* ---- the input form ------------------------------------------------------------------- */

#define N_HEAD 3
#define N_FIELDS (N_HEAD + 2 * KG_N_COMP)

static const struct comp_option kind_opts[] = {{"begroting", "Begroting"},
					       {"jaarverslag", "Jaarverslag (realisatie)"}};
static const struct comp_option unit_opts[] = {{"euro", "euro"},
					       {"duizend_euro", "€ 1.000 (duizend euro)"}};

static void input_fields(struct request *r, struct form_field *f)
{
	f[0] = (struct form_field){"jaar", "Jaar", FK_NUMBER, 4, true, NULL, NULL, 0};
	f[1] = (struct form_field){"soort", "Stuk", FK_SELECT, 0, true, NULL, kind_opts, 2};
	f[2] =
	    (struct form_field){"eenheid",
				"Eenheid van de bedragen",
				FK_SELECT,
				0,
				true,
				"Geldt voor de bedragen van balans en exploitatie; woonlasten per "
				"huishouden vult u altijd in euro in. Opgeslagen wordt in euro.",
				unit_opts,
				2};
	for (int c = 0; c < KG_N_COMP; c++) {
		f[N_HEAD + 2 * c] =
		    (struct form_field){kg_comps[c].key, kg_comps[c].name,    FK_NUMBER, 40,
					false,		 kg_comps[c].article, NULL,	 0};
		f[N_HEAD + 2 * c + 1] = (struct form_field){
		    kg_source_field(r->arena, c),
		    arena_printf(r->arena, "Bron: %s", kg_comps[c].name),
		    FK_TEXT,
		    KG_SOURCE_MAX,
		    false,
		    "Bijvoorbeeld: jaarrekening 2023, p. 112. Verplicht als er een bedrag is.",
		    NULL,
		    0};
	}
}

/* The groups of the form, by component index ranges. */
static const struct {
	const char *id, *title;
	int comps[16];
	int n;
} groups[] = {
    {"balans",
     "Balans",
     {KG_VASTE_SCHULDEN, KG_NETTO_VLOTTENDE_SCHULDEN, KG_OVERLOPENDE_PASSIVA, KG_UITZETTINGEN_LANG,
      KG_LENINGEN_VERSTREKT, KG_UITZETTINGEN_KORT, KG_LIQUIDE_MIDDELEN, KG_OVERLOPENDE_ACTIVA,
      KG_EIGEN_VERMOGEN, KG_BALANSTOTAAL, KG_BOUWGROND_NIET_IN_EXPL, KG_BOUWGROND_IN_EXPL},
     12},
    {"exploitatie",
     "Exploitatie",
     {KG_TOTALE_BATEN, KG_TOTALE_LASTEN, KG_INCIDENTELE_LASTEN, KG_INCIDENTELE_BATEN,
      KG_STRUCTURELE_TOEVOEGINGEN, KG_STRUCTURELE_ONTTREKKINGEN},
     6},
    {"woonlasten",
     "Woonlasten (belastingcapaciteit)",
     {KG_OZB_GEZIN, KG_RIOOLHEFFING_GEZIN, KG_AFVALSTOFFENHEFFING_GEZIN, KG_HEFFINGSKORTING,
      KG_WOONLASTEN_LANDELIJK},
     5},
};

static int input_page(struct request *r, const struct kg_gemeente *g,
		      const struct kg_form_input *in, const struct field_errors *e, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	page_top(r, g, arena_printf(r->arena, "Invoer kengetallen van %s", g->name), "Invoer");
	struct form_field f[N_FIELDS];
	input_fields(r, f);
	const char *v[N_FIELDS];
	v[0] = in->year;
	v[1] = in->kind;
	v[2] = in->unit;
	for (int c = 0; c < KG_N_COMP; c++) {
		v[N_HEAD + 2 * c] = in->amount[c];
		v[N_HEAD + 2 * c + 1] = in->source[c];
	}
	if (e)
		form_error_summary(b, e, f, N_FIELDS);
	comp_para(b, "Vul per onderdeel het bedrag en de bron in (document en pagina). Een "
		     "onderdeel zonder bedrag en zonder bron is niet ingevoerd; wat u leeg maakt, "
		     "wordt verwijderd. Een negatief bedrag kan alleen bij het eigen vermogen. Bij "
		     "een fout wordt niets opgeslagen.");
	form_open(b, r, gm_href(r, g->code, "/kengetallen/invoer"));
	form_fields(b, f, N_HEAD, v, e);
	for (size_t gi = 0; gi < sizeof groups / sizeof *groups; gi++) {
		html_raw(b, "<fieldset class=\"utrecht-form-fieldset\"><legend "
			    "class=\"utrecht-form-fieldset__legend\">");
		html_text(b, groups[gi].title);
		html_raw(b, "</legend>");
		for (int i = 0; i < groups[gi].n; i++) {
			int c = groups[gi].comps[i];
			form_field(b, &f[N_HEAD + 2 * c], v[N_HEAD + 2 * c], e);
			form_field(b, &f[N_HEAD + 2 * c + 1], v[N_HEAD + 2 * c + 1], e);
		}
		html_raw(b, "</fieldset>");
	}
	form_buttons(b, "Opslaan", gm_href(r, g->code, "/kengetallen"), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

/* The gemeente of the path for a writer: KG_OK or a refusal already sent. */
static enum kg_outcome writer_gemeente(struct request *r, struct store *st, struct kg_gemeente *g)
{
	enum kg_outcome o = kg_gemeente_find(st, r->arena, r->snap, r->path_args[0], g);
	if (o == KG_OK && !policy_may_enter_kengetallen(web_user(r), g->code))
		o = KG_FORBIDDEN;
	return o;
}

int page_kengetallen_invoer(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct kg_gemeente g;
	enum kg_outcome o = writer_gemeente(r, st, &g);
	if (o != KG_OK)
		return refuse(r, o);
	int year = kg_this_year();
	enum kg_kind kind = KG_BEGROTING;
	const char *jy = req_param(r, "jaar"), *js = req_param(r, "soort");
	if ((!str_empty(jy) && !kg_parse_year(jy, &year)) ||
	    (!str_empty(js) && !kg_kind_parse(js, &kind)))
		return respond_error(r, 400, "Ongeldige parameter",
				     "Kies een jaar van 2004 tot en met 2099 en begroting of "
				     "jaarverslag.",
				     NULL);
	struct kg_form_input in;
	if (kg_inputs_form(st, r->arena, g.code, year, kind, &in) != KG_OK)
		return page_store_down(r);
	return input_page(r, &g, &in, NULL, 200);
}

int page_kengetallen_invoer_save(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct kg_gemeente g;
	enum kg_outcome o = writer_gemeente(r, st, &g);
	if (o != KG_OK)
		return refuse(r, o);
	struct form_field f[N_FIELDS];
	input_fields(r, f);
	const char *v[N_FIELDS];
	form_submitted(r, f, N_FIELDS, v);
	struct kg_form_input in = {.year = v[0], .kind = v[1], .unit = v[2]};
	for (int c = 0; c < KG_N_COMP; c++) {
		in.amount[c] = v[N_HEAD + 2 * c];
		in.source[c] = v[N_HEAD + 2 * c + 1];
	}
	struct field_errors e = {0};
	o = kg_inputs_save(st, r->arena, r->snap, web_user(r), "web", r->path_args[0], &in, &e);
	if (o == KG_INVALID)
		return input_page(r, &g, &in, &e, 400);
	if (o != KG_OK)
		return refuse(r, o);
	return respond_redirect(r,
				arena_printf(r->arena, "%s?jaar=%s&soort=%s&melding=opgeslagen",
					     gm_href(r, g.code, "/kengetallen"), in.year, in.kind));
}

/* ---- the CSV import ------------------------------------------------------------------- */

static const struct form_field file_fields[] = {
    {"bestand", "Bestand", FK_TEXT, 0, true, NULL, NULL, 0},
};

static void upload_form(struct request *r, const struct kg_gemeente *g, const char *err)
{
	struct buf *b = &r->out;
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" "
		    "enctype=\"multipart/form-data\" novalidate action=\"");
	html_attr(b, gm_href(r, g->code, "/kengetallen/importeren"));
	html_raw(b, "\">");
	form_csrf(b, r);
	html_raw(b, "<div class=\"utrecht-form-field atlas-form-field");
	if (err)
		html_raw(b, " utrecht-form-field--invalid");
	html_raw(b,
		 "\"><div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		 "for=\"f-bestand\">Bestand <span class=\"atlas-muted\">(verplicht)</span>"
		 "</label></div><div class=\"utrecht-form-field__description "
		 "utrecht-form-field-description\" id=\"f-bestand-hint\">Een CSV-bestand met de "
		 "kolommen jaar, soort, onderdeel, bedrag, eenheid en bron (';' of ','), "
		 "hoogstens 1 MiB.</div>");
	if (err) {
		html_raw(b, "<div class=\"utrecht-form-field__error-message "
			    "utrecht-form-field-error-message\" id=\"f-bestand-fout\"><span "
			    "class=\"atlas-visually-hidden\">Fout: </span>");
		html_text(b, err);
		html_raw(b, "</div>");
	}
	html_raw(
	    b,
	    "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox "
	    "utrecht-textbox--html-input atlas-file-input\" type=\"file\" id=\"f-bestand\" "
	    "name=\"bestand\" required accept=\".csv,text/csv\" aria-describedby=\"f-bestand-hint");
	if (err)
		html_raw(b, " f-bestand-fout\" aria-invalid=\"true");
	html_raw(b, "\"></div></div>");
	form_submit(b, "Importeren", true);
	form_close(b);
}

static void import_intro(struct request *r)
{
	struct buf *b = &r->out;
	comp_para(b, "Lees de bedragen van een of meer jaren en stukken in één keer in. De import "
		     "is alles of niets: bij een fout wordt niets opgeslagen en ziet u elke fout "
		     "met regel en kolom. Een onderdeel dat al is ingevoerd krijgt het nieuwe "
		     "bedrag; onderdelen die niet in het bestand staan blijven zoals ze zijn. Een "
		     "regel zonder bedrag en zonder bron wordt overgeslagen.");
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, "/financien/kengetallen/sjabloon.csv", "Download het sjabloon (CSV)");
	html_raw(b,
		 ": elk onderdeel op een eigen regel met zijn BBV-artikel als toelichting. De "
		 "eenheid is euro of duizend_euro (woonlasten altijd euro). Hetzelfde kan via de "
		 "open API, met een POST van het bestand naar <code>…/kengetallen/importen</code> "
		 "van deze gemeente.</p>");
}

static int import_page(struct request *r, const struct kg_gemeente *g, const char *err, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	page_top(r, g, arena_printf(r->arena, "Kengetallen van %s importeren", g->name),
		 "Importeren");
	if (err) {
		struct field_errors fe = {0};
		field_errors_add(&fe, "bestand", "%s", err);
		form_error_summary(b, &fe, file_fields, 1);
	}
	import_intro(r);
	upload_form(r, g, err);
	layout_end(b, NULL);
	return status;
}

int page_kengetallen_import(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct kg_gemeente g;
	enum kg_outcome o = writer_gemeente(r, st, &g);
	if (o != KG_OK)
		return refuse(r, o);
	return import_page(r, &g, NULL, 200);
}

int page_kengetallen_import_submit(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct kg_gemeente g;
	enum kg_outcome o = writer_gemeente(r, st, &g);
	if (o != KG_OK)
		return refuse(r, o);
	const struct upload *up[2] = {NULL, NULL};
	int nf = req_files(r, "bestand", up, 2);
	if (r->form_bad)
		return import_page(r, &g,
				   "Het formulier kon niet worden gelezen. Kies het bestand "
				   "opnieuw.",
				   400);
	if (nf != 1 || str_empty(up[0]->filename))
		return import_page(r, &g, "Kies een bestand om te importeren.", 400);
	if (up[0]->len == 0)
		return import_page(r, &g, "Het gekozen bestand is leeg.", 400);
	struct kg_import_report *rep = arena_calloc(r->arena, 1, sizeof *rep);
	o = kg_import(st, r->arena, r->snap, web_user(r), "web", g.code, up[0]->filename,
		      up[0]->data, up[0]->len, rep);
	if (o == KG_OK)
		return respond_redirect(r, arena_printf(r->arena, "%s?melding=geimporteerd",
							gm_href(r, g.code, "/kengetallen")));
	if (o != KG_INVALID)
		return refuse(r, o);
	struct buf *b = &r->out;
	buf_reset(b);
	page_top(r, &g, arena_printf(r->arena, "Kengetallen van %s importeren", g.name),
		 "Importeren");
	html_raw(b, "<div class=\"utrecht-alert utrecht-alert--error atlas-notice "
		    "atlas-error-summary\" id=\"foutmeldingen\" tabindex=\"-1\" autofocus>"
		    "<div class=\"utrecht-alert__content\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"fouten\">");
	html_int_nl(b, rep->n_errors);
	html_raw(b, rep->n_errors == 1 ? " fout gevonden" : " fouten gevonden");
	html_raw(b, "</h2><p class=\"utrecht-paragraph\"><strong>Er is niets opgeslagen."
		    "</strong> Verbeter het bestand en importeer het opnieuw.</p>"
		    "<ul class=\"utrecht-unordered-list\" aria-labelledby=\"fouten\">");
	int kept = rep->n_errors < KG_IMPORT_MAX_ERRORS ? rep->n_errors : KG_IMPORT_MAX_ERRORS;
	for (int i = 0; i < kept; i++) {
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		html_text(b, kg_import_where(r->arena, up[0]->filename, &rep->errors[i]));
		html_raw(b, ": ");
		html_text(b, rep->errors[i].message);
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul>");
	if (rep->n_errors > kept)
		html_rawf(b, "<p class=\"utrecht-paragraph\">En nog %d fouten.</p>",
			  rep->n_errors - kept);
	html_raw(b, "</div></div><h2 class=\"utrecht-heading-2\">Opnieuw importeren</h2>");
	import_intro(r);
	upload_form(r, &g, NULL);
	layout_end(b, NULL);
	return 400;
}

int page_kengetallen_template(struct request *r)
{
	r->content_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", "attachment; filename=\"kengetallen-sjabloon.csv\"");
	kg_csv_template(&r->out);
	return 200;
}

/* ---- signal bands (staff) ------------------------------------------------------------- */

static void bands_top(struct request *r, const char *title, bool sub)
{
	const struct crumb crumbs[] = {
	    {"Beheer", "/beheer"}, {"Signaleringswaarden", sub ? BANDS : NULL}, {title, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = sub ? 3 : 2};
	layout_begin(&r->out, page_head_for(r, &h));
	html_raw(&r->out, "<h1 class=\"utrecht-heading-1\">");
	html_text(&r->out, title);
	html_raw(&r->out, "</h1>");
}

static const struct form_notice band_notices[] = {
    {"gewijzigd", "De signaleringswaarden zijn gewijzigd."},
};

int page_kengetallen_bands(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct kg_band_row *bands;
	int n;
	if (kg_bands(st, r->arena, &bands, &n) != KG_OK)
		return page_store_down(r);
	struct buf *b = &r->out;
	bands_top(r, "Signaleringswaarden van de kengetallen", false);
	form_flash_from(b, r, band_notices, sizeof band_notices / sizeof *band_notices);
	comp_para(b, "Uit deze grenzen volgt de signaalcategorie van elk kengetal: A (minst "
		     "risicovol), B of C (meest risicovol). Een wijziging geldt meteen voor elke "
		     "gemeente.");
	static const struct comp_col cols[] = {{"Kengetal", false},
					       {"Categorie A", false},
					       {"Categorie B", false},
					       {"Categorie C", false},
					       {"Bron", false}};
	comp_table_open(b, "Signaleringswaarden per kengetal", cols, 5);
	for (int i = 0; i < n; i++) {
		int k = kg_ratio_find(bands[i].ratio);
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, arena_printf(r->arena, BANDS "/%s", bands[i].ratio),
			  k >= 0 ? kg_ratios[k].name : bands[i].ratio);
		comp_th_close(b);
		static const char cats[] = {'A', 'B', 'C'};
		for (int c = 0; c < 3; c++) {
			char t[96];
			comp_td_text(b, kg_band_text(&bands[i].band, cats[c], t, sizeof t), "");
		}
		comp_td_text(b, bands[i].source, "");
		comp_row_close(b);
	}
	comp_table_close(b);
	layout_end(b, NULL);
	return 200;
}

enum { B_LOW, B_HIGH, B_DIR, B_SRC, B_URL, N_B };

static const struct comp_option dir_opts[] = {
    {"lager_is_beter", "Lager is beter (A onder de ondergrens, C boven de bovengrens)"},
    {"hoger_is_beter", "Hoger is beter (A boven de bovengrens, C onder de ondergrens)"}};

static void band_fields(struct form_field *f)
{
	f[B_LOW] = (struct form_field){
	    "ondergrens",
	    "Ondergrens (%)",
	    FK_NUMBER,
	    12,
	    true,
	    "Percentage, bijvoorbeeld 90 of 12,5. Categorie B loopt van de ondergrens tot en met "
	    "de bovengrens.",
	    NULL,
	    0};
	f[B_HIGH] =
	    (struct form_field){"bovengrens", "Bovengrens (%)", FK_NUMBER, 12, true, NULL, NULL, 0};
	f[B_DIR] =
	    (struct form_field){"richting", "Richting", FK_SELECT, 0, true, NULL, dir_opts, 2};
	f[B_SRC] = (struct form_field){
	    "bron", "Bron", FK_TEXTAREA, 1000, true, "Waar deze grenzen vandaan komen.", NULL, 0};
	f[B_URL] =
	    (struct form_field){"bronUrl", "Link naar de bron", FK_URL, 2000, false, NULL, NULL, 0};
}

static const char *bound_text(struct request *r, int64_t h)
{
	if (h % 100 == 0)
		return arena_printf(r->arena, "%lld", (long long)(h / 100));
	return arena_printf(r->arena, "%s%lld,%02lld", h < 0 ? "-" : "",
			    (long long)((h < 0 ? -h : h) / 100),
			    (long long)((h < 0 ? -h : h) % 100));
}

static int band_page(struct request *r, const char *key, const char *const *vals,
		     const struct field_errors *e, int status)
{
	int k = kg_ratio_find(key);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct kg_band_row *bands;
	int n;
	if (kg_bands(st, r->arena, &bands, &n) != KG_OK)
		return page_store_down(r);
	const struct kg_band_row *band = NULL;
	for (int i = 0; i < n; i++)
		if (strcmp(bands[i].ratio, key) == 0)
			band = &bands[i];
	if (k < 0 || !band)
		return respond_not_found(r);
	struct buf *b = &r->out;
	buf_reset(b);
	bands_top(r, kg_ratios[k].name, true);
	struct form_field f[N_B];
	band_fields(f);
	const char *v[N_B];
	if (vals) {
		memcpy(v, vals, sizeof v);
	} else {
		v[B_LOW] = bound_text(r, band->band.low);
		v[B_HIGH] = bound_text(r, band->band.high);
		v[B_DIR] = band->band.higher_better ? "hoger_is_beter" : "lager_is_beter";
		v[B_SRC] = band->source;
		v[B_URL] = band->source_url;
	}
	if (e)
		form_error_summary(b, e, f, N_B);
	form_open(b, r, arena_printf(r->arena, BANDS "/%s", key));
	form_fields(b, f, N_B, v, e);
	form_buttons(b, "Opslaan", BANDS, "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_kengetallen_band(struct request *r)
{
	no_cache(r);
	return band_page(r, r->path_args[0], NULL, NULL, 200);
}

int page_kengetallen_band_save(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct form_field f[N_B];
	band_fields(f);
	const char *v[N_B];
	form_submitted(r, f, N_B, v);
	struct kg_band_input in = {v[B_LOW], v[B_HIGH], v[B_DIR], v[B_SRC], v[B_URL]};
	struct field_errors e = {0};
	enum kg_outcome o =
	    kg_band_save(st, r->arena, web_user(r), "web", r->path_args[0], &in, &e);
	if (o == KG_INVALID)
		return band_page(r, r->path_args[0], v, &e, 400);
	if (o != KG_OK)
		return refuse(r, o);
	return respond_redirect(r, BANDS "?melding=gewijzigd");
}
