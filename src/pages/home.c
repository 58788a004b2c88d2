/*
 * home — the start page /: what the atlas holds (counts from the
 * snapshot's stats), how old the data is, a search form and the way into
 * the lists. Reads only the snapshot.
 */
#include "auth_ui.h"
#include "pages.h"
#include "currency.h" /* actualiteit per partner */
#include "forms.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../render/assets.h"
#include "../render/svg.h"

#include <stdlib.h>
#include <string.h>

/* A key figure tile: a big number, a label and a link. */
static void figure(struct buf *b, long long n, const char *label, const char *href,
		   const char *link_text)
{
	html_raw(b, "<li class=\"atlas-figure\"><span class=\"atlas-figure__number\">");
	html_int_nl(b, n);
	html_raw(b, "</span> <span class=\"atlas-figure__label\">");
	html_text(b, label);
	html_raw(b, "</span> ");
	comp_link(b, href, link_text);
	html_raw(b, "</li>");
}

/* "prefix<value>" with value URL-encoded as a query value (arena string). */
static const char *query_href(struct arena *a, const char *prefix, const char *value)
{
	struct buf q = BUF_INIT;
	buf_puts(&q, prefix);
	url_arg(&q, value);
	const char *s = arena_strdup(a, q.data ? q.data : "");
	buf_free(&q);
	return s;
}

/* Sort bars by value, largest first (stable; a handful of bars). */
static void sort_bars(struct svg_bar *bars, int n)
{
	for (int i = 1; i < n; i++) {
		struct svg_bar t = bars[i];
		int j = i;
		while (j > 0 && bars[j - 1].value < t.value) {
			bars[j] = bars[j - 1];
			j--;
		}
		bars[j] = t;
	}
}

/* The charts: active collaborations per policy domain and per legal form,
 * each with its data table (src/render/svg.c). */
static void charts(struct buf *b, struct request *r)
{
	const struct snapshot *s = r->snap;
	const struct snapshot_stats *st = &s->stats;
	struct svg_bar *bars = arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *bars);
	int n = 0, without = 0;
	for (int d = 0; d < s->n_domains; d++) {
		if (!s->domains[d].n_active)
			continue;
		bars[n++] = (struct svg_bar){
		    s->domains[d].name, s->domains[d].n_active,
		    query_href(r->arena,
			       "/samenwerkingsverbanden?beleidsdomein=", s->domains[d].key)};
	}
	for (int i = 0; i < s->n_collabs; i++)
		if (s->collabs[i].active && s->collabs[i].n_domains == 0)
			without++;
	sort_bars(bars, n);
	if (without)
		bars[n++] = (struct svg_bar){"Zonder beleidsdomein", without, NULL};

	html_raw(b, "<link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url("css/charts.css"));
	html_raw(b,
		 "\"><h2 class=\"utrecht-heading-2\" id=\"in-beeld\">Samenwerkingsverbanden in "
		 "beeld</h2><div class=\"atlas-columns\"><div><h3 class=\"utrecht-heading-3\">Per "
		 "beleidsdomein</h3>");
	const struct svg_chart dom = {
	    .id = "grafiek-beleidsdomein",
	    .title = "Actieve samenwerkingsverbanden per beleidsdomein",
	    .desc =
		arena_printf(r->arena,
			     "Staafdiagram van het aantal actieve samenwerkingsverbanden per "
			     "beleidsdomein, van veel naar weinig. Een samenwerkingsverband kan "
			     "onder meer dan één beleidsdomein vallen en telt dan bij elk mee. "
			     "Totaal %d actieve samenwerkingsverbanden.",
			     st->n_active),
	    .cat_label = "Beleidsdomein",
	    .value_label = "Aantal actief",
	    .bars = bars,
	    .n_bars = n};
	svg_bar_figure(b, &dom, true);
	html_raw(b, "<p class=\"utrecht-paragraph atlas-muted\">Een samenwerkingsverband kan onder "
		    "meer dan één beleidsdomein vallen en telt dan bij elk mee.</p>");

	struct svg_bar *lf = arena_calloc(r->arena, LF_COUNT + 1, sizeof *lf);
	int m = 0;
	for (int k = 1; k < LF_COUNT; k++)
		if (st->n_active_by_form[k])
			lf[m++] = (struct svg_bar){
			    legal_form_labels[k].label, st->n_active_by_form[k],
			    query_href(r->arena, "/samenwerkingsverbanden?juridischeVorm=",
				       legal_form_labels[k].api)};
	sort_bars(lf, m);
	if (st->n_active_by_form[LF_UNKNOWN])
		lf[m++] = (struct svg_bar){"Onbekend", st->n_active_by_form[LF_UNKNOWN],
					   "/samenwerkingsverbanden?juridischeVorm=onbekend"};
	html_raw(b, "</div><div><h3 class=\"utrecht-heading-3\">Per juridische vorm</h3>");
	const struct svg_chart form = {
	    .id = "grafiek-juridische-vorm",
	    .title = "Actieve samenwerkingsverbanden per juridische vorm",
	    .desc = arena_printf(r->arena,
				 "Staafdiagram van het aantal actieve samenwerkingsverbanden per "
				 "juridische vorm, van veel naar weinig; onbekend staat onderaan. "
				 "Totaal %d actieve samenwerkingsverbanden.",
				 st->n_active),
	    .cat_label = "Juridische vorm",
	    .value_label = "Aantal actief",
	    .bars = lf,
	    .n_bars = m};
	svg_bar_figure(b, &form, true);
	html_raw(b, "</div></div>");
}

static void search_form(struct buf *b)
{
	html_raw(b,
		 "<form class=\"utrecht-form atlas-search\" method=\"get\" action=\"/zoeken\" "
		 "role=\"search\"><div class=\"utrecht-form-field\">"
		 "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		 "for=\"q\">Zoek een samenwerkingsverband of organisatie</label></div>"
		 "<div class=\"utrecht-form-field__input atlas-search__row\">"
		 "<input class=\"utrecht-textbox utrecht-textbox--html-input atlas-search__input\" "
		 "type=\"search\" id=\"q\" name=\"q\" maxlength=\"200\" autocomplete=\"off\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		 "Zoeken</button></div></div>"
		 "<p class=\"utrecht-paragraph atlas-muted\">Bijvoorbeeld: Zeist, afval, "
		 "veiligheidsregio.</p></form>");
}

/* How current each partner in the province is (app/currency.h): the ten
 * least current, the rest on /actualiteit. */
static void freshness(struct buf *b, struct request *r)
{
	html_raw(b, "<h3 class=\"utrecht-heading-3\">Actualiteit per partner</h3>"
		    "<p class=\"utrecht-paragraph\">Partners bevestigen hun eigen gegevens: de "
		    "organisatie zelf, haar deelnames en de samenwerkingsverbanden waarvan zij "
		    "penvoerder is. Een gegeven dat langer dan 12 maanden niet is bevestigd, geldt "
		    "als verouderd. Hieronder de tien minst actuele partners in de provincie.</p>");
	currency_table(b, r, 10, true, "Minst actuele partners in de provincie");
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, "/actualiteit", "Alle partners, gesorteerd op actualiteit");
	html_raw(b, "</p>");
}

int page_home(struct request *r)
{
	const struct snapshot *s = r->snap;
	const struct snapshot_stats *st = &s->stats;
	struct buf *b = &r->out;
	r->etag = s->etag;

	/* the 26 gemeenten and other current partners inside the province */
	int n_gm = 0, n_taking_part = 0, n_old = 0;
	int existing[ORG_KIND_COUNT] = {0}, ended[ORG_KIND_COUNT] = {0};
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		if (o->ended) {
			ended[o->kind]++;
			continue;
		}
		existing[o->kind]++;
		if (o->kind == ORG_MUNICIPALITY && o->in_province)
			n_gm++;
		if (o->n_active_collabs > 0)
			n_taking_part++;
	}
	/* how many active collaborations were last confirmed more than five years ago */
	int year = atoi(s->today) - 5;
	for (int i = 0; i < s->n_collabs; i++)
		if (s->collabs[i].active && atoi(s->collabs[i].last_confirmed) < year)
			n_old++;

	const struct page_head h = {.title = "Home", .nav = NAV_HOME, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Samenwerkingsatlas Provincie Utrecht</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Met wie werken de "
		 "provincie Utrecht, de gemeenten en de waterschappen samen, in welke vorm en "
		 "waarvoor? De atlas zet de samenwerkingsverbanden op een rij, met de deelnemers "
		 "en bij elk gegeven de bron en de datum.</p>");
	search_form(b);
	static const struct comp_anchor sections[] = {
	    {"in-de-atlas", "Wat staat in de atlas"},
	    {"in-beeld", "Samenwerkingsverbanden in beeld"},
	    {"actualiteit", "Hoe actueel zijn de gegevens?"},
	};
	comp_page_nav(b, sections, 3);

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"in-de-atlas\">Wat staat in de atlas</h2>"
		    "<ul class=\"atlas-figures\">");
	figure(b, st->n_active,
	       st->n_active == 1 ? "actief samenwerkingsverband" : "actieve samenwerkingsverbanden",
	       "/samenwerkingsverbanden", "Bekijk de lijst");
	figure(b, n_gm, "gemeenten in de provincie", "/organisaties?soort=gemeente",
	       "Bekijk de gemeenten");
	figure(b, n_taking_part,
	       n_taking_part == 1 ? "organisatie neemt deel" : "organisaties nemen deel",
	       "/organisaties", "Bekijk de organisaties");
	figure(b, st->n_participations, "deelnames vastgelegd", "/over", "Waar komen ze vandaan?");
	html_raw(b, "</ul>");

	if (n_old > 0) {
		html_raw(b,
			 "<div class=\"utrecht-alert utrecht-alert--warning atlas-notice\" "
			 "role=\"note\"><div class=\"utrecht-alert__content\">"
			 "<p class=\"utrecht-alert__message\"><strong>Let op de datum.</strong> ");
		html_int_nl(b, n_old);
		html_raw(b, " van de ");
		html_int_nl(b, st->n_active);
		html_rawf(b, " actieve samenwerkingsverbanden zijn het laatst bevestigd vóór %d",
			  year);
		if (st->oldest_confirmed[0]) {
			html_raw(b, " (het oudste gegeven is van ");
			html_date_nl(b, st->oldest_confirmed);
			html_raw(b, ")");
		}
		html_raw(b,
			 ". Hun deelnemers kunnen inmiddels anders zijn. Bij elk "
			 "samenwerkingsverband staan de bron en de datum. <a class=\"utrecht-link "
			 "utrecht-link--html-a\" href=\"/over\">Lees meer over de gegevens</a>."
			 "</p></div></div>");
	}

	/* active collaborations by kind */
	static const struct comp_col kind_cols[] = {{"Soort", false}, {"Aantal actief", true}};
	html_raw(b, "<div class=\"atlas-columns\"><div>");
	comp_table_open(b, "Actieve samenwerkingsverbanden per soort", kind_cols, 2);
	for (int k = 0; k < COLLAB_KIND_COUNT; k++) {
		comp_row_open(b);
		comp_th_open(b);
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" "
			    "href=\"/samenwerkingsverbanden?soort=");
		url_arg(b, collab_kind_labels[k].api);
		html_raw(b, "\">");
		html_text(b, collab_kind_labels[k].label);
		html_raw(b, "</a>");
		comp_th_close(b);
		comp_td_int(b, st->n_active_by_kind[k]);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</div><div>");

	/* organisations by kind */
	static const struct comp_col org_cols[] = {
	    {"Soort", false}, {"Bestaand", true}, {"Opgeheven", true}};
	comp_table_open(b, "Organisaties in de atlas per soort", org_cols, 3);
	for (int k = 0; k < ORG_KIND_COUNT; k++) {
		if (!existing[k] && !ended[k])
			continue;
		comp_row_open(b);
		comp_th_open(b);
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" "
			    "href=\"/organisaties?soort=");
		url_arg(b, org_kind_labels[k].api);
		html_raw(b, "\">");
		html_text(b, org_kind_labels[k].label);
		html_raw(b, "</a>");
		comp_th_close(b);
		comp_td_int(b, existing[k]);
		comp_td_int(b, ended[k]);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b,
		 "<p class=\"utrecht-paragraph atlas-muted\">Ook organisaties buiten de "
		 "provincie staan in de atlas als ze deelnemen aan een samenwerkingsverband.</p>");

	html_raw(b, "</div></div>");

	charts(b, r);

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"actualiteit\">Hoe actueel zijn de "
		    "gegevens?</h2>");
	comp_dl_open(b);
	comp_dl_date(b, "Oudste „laatst bevestigd”", st->oldest_confirmed);
	comp_dl_date(b, "Nieuwste „laatst bevestigd”", st->newest_confirmed);
	comp_dl_item_open(b, "Beëindigde samenwerkingsverbanden");
	html_int_nl(b, st->n_ended);
	html_raw(b, " (<a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/samenwerkingsverbanden?status=beeindigd\">bekijk</a>)");
	comp_dl_item_close(b);
	comp_dl_item_open(b, "Bronnen");
	html_int_nl(b, s->n_sources);
	html_raw(b, " (<a class=\"utrecht-link utrecht-link--html-a\" href=\"/over#bronnen\">"
		    "bekijk de bronnen</a>)");
	comp_dl_item_close(b);
	comp_dl_close(b);
	freshness(b, r);
	html_raw(b, "<p class=\"utrecht-paragraph\">„Laatst bevestigd” is de datum waarop een "
		    "bron het gegeven voor het laatst heeft bevestigd. <a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"/over\">Meer over de bronnen en hoe de gegevens "
		    "worden bijgehouden</a>.</p>");
	/* the Wgr calendar (not in the main navigation) */
	html_raw(b, "<p class=\"utrecht-paragraph\">Raadslid? In de <a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"/kalender\">Wgr-kalender</a> staat wanneer uw "
		    "raad een zienswijze kan geven op de begroting van een gemeenschappelijke "
		    "regeling.</p>");
	layout_end(b, st->newest_confirmed);
	return 200;
}
