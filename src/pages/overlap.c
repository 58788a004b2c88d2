/*
 * pages/overlap — /analyse/overlap and /analyse/overlap.csv. Reads the
 * query (drempel, the shared collaboration filters, sorteer), runs the
 * analysis (domain/overlap.c) in the request arena and renders it: plain
 * Dutch explanations per section, the GET form, tables with captions, the
 * congruence heat map (render/heatmap.c) with its table, and links to the
 * CSV exports and the JSON API with the same query. Works without
 * JavaScript; writes nothing.
 */
#include "auth_ui.h"
#include "filter_form.h"
#include "history.h"
#include "overlap.h"
#include "../app/overlap.h"
#include "../domain/labels.h"
#include "../domain/overlap.h"
#include "../lib/text.h"
#include "../render/assets.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/heatmap.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_PATH "/analyse/overlap"
#define MAX_PAIR_ROWS 100 /* pairs shown on the page; all are in the CSV */
#define MAX_CPAIR_ROWS 25 /* congruence pairs shown on the page */
/* at national scale (342 gemeenten) the heat map alone was 15 MB of
 * SVG plus a 9 MB table, and the page 25 MB; a province has at most 56 */
#define MAX_HEATMAP 60	   /* gemeenten in the heat map and its table */
#define MAX_DIV_ROWS 50	   /* gemeenten in the "different partners" table */
#define MAX_EMPTY_LINKS 50 /* collaborations without participants named */
#define LINK_CLASS "utrecht-link utrecht-link--html-a"

/* Parse the query into q; on a bad value the error reply is written and
 * its status returned, else 0. */
static int query_or_respond(struct request *r, struct overlap_query *q)
{
	char msg[256];
	overlap_query_init(q);
	for (int k = 0; overlap_query_keys[k]; k++) {
		const char *v = req_param(r, overlap_query_keys[k]);
		if (str_empty(v))
			continue;
		if (overlap_query_set(q, r->snap, overlap_query_keys[k], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     arena_strdup(r->arena, msg), overlap_query_keys[k]);
	}
	return 0;
}

/* Append "k=v&" for each set query key except skip (may be NULL). */
static void query_string(struct buf *q, const struct request *r, const char *skip)
{
	for (int i = 0; overlap_query_keys[i]; i++) {
		const char *k = overlap_query_keys[i];
		const char *v = req_param(r, k);
		if (str_empty(v) || (skip && strcmp(skip, k) == 0))
			continue;
		url_arg(q, k);
		buf_putc(q, '=');
		url_arg(q, v);
		buf_putc(q, '&');
	}
	history_timetravel_query(q, r);
}

/* An href "path?<query>extra" (extra may be NULL; built with url_arg). */
static const char *href(struct request *r, const char *path, const char *skip, const char *extra)
{
	struct buf q = BUF_INIT;
	buf_puts(&q, path);
	buf_putc(&q, '?');
	query_string(&q, r, skip);
	if (extra)
		buf_puts(&q, extra);
	if (q.len && (q.data[q.len - 1] == '&' || q.data[q.len - 1] == '?'))
		q.data[--q.len] = '\0';
	const char *s = arena_strndup(r->arena, q.data ? q.data : "", q.len);
	buf_free(&q);
	return s;
}

static void percent(struct buf *b, double share)
{
	comp_decimal_nl(b, share * 100.0, 1);
	html_raw(b, "\u00a0%");
}

static void threshold_text(struct buf *b, struct overlap_threshold t)
{
	percent(b, overlap_threshold_value(t));
}

static void collab_link(struct buf *b, const struct snapshot *s, int i)
{
	comp_link_seg(b, "/samenwerkingsverbanden", s->collabs[i].key, s->collabs[i].name);
}

static void org_link(struct buf *b, const struct snapshot *s, int o)
{
	comp_link_seg(b, "/organisaties", s->orgs[o].code, s->orgs[o].name);
}

static void paragraph(struct buf *b, const char *text)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, text);
	html_raw(b, "</p>");
}

/* ---- the form ------------------------------------------------------------ */

static void form(struct buf *b, struct request *r)
{
	const char *drempel = req_param(r, "drempel");

	html_raw(b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"" PAGE_PATH
		    "\" aria-labelledby=\"filter-titel\">"
		    "<h2 class=\"utrecht-heading-2 atlas-filter__title\" id=\"filter-titel\">"
		    "Drempel en filters</h2><div class=\"atlas-filter__grid\">"
		    "<div class=\"utrecht-form-field atlas-form-field\">"
		    "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		    "for=\"f-drempel\">Drempel voor overeenkomst</label></div>"
		    "<div class=\"utrecht-form-field__description atlas-muted\" "
		    "id=\"f-drempel-uitleg\">Een getal van 0 tot en met 1, bijvoorbeeld 0,8 "
		    "(= 80&nbsp;%).</div><div class=\"utrecht-form-field__input\">"
		    "<input class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"text\" "
		    "inputmode=\"decimal\" id=\"f-drempel\" name=\"drempel\" maxlength=\"8\" "
		    "size=\"8\" autocomplete=\"off\" aria-describedby=\"f-drempel-uitleg\" "
		    "value=\"");
	html_attr(b, str_empty(drempel) ? "0,8" : drempel);
	html_raw(b, "\"></div></div>");

	filter_form_selects(r, FF_DOMAIN | FF_LEGAL_FORM | FF_PHASE_ACTIVE | FF_KIND);
	history_timetravel_field(b, r);

	const char *so = req_param(r, "sorteer");
	if (!str_empty(so)) {
		html_raw(b, "<input type=\"hidden\" name=\"sorteer\" value=\"");
		html_attr(b, so);
		html_raw(b, "\">");
	}
	html_raw(b, "</div><div class=\"atlas-filter__actions\">"
		    "<button class=\"utrecht-button utrecht-button--primary-action\" "
		    "type=\"submit\">Analyse bijwerken</button>"
		    "<a class=\"" LINK_CLASS "\" href=\"" PAGE_PATH "\">Standaardinstellingen "
		    "(drempel 0,8, geen filters)</a></div></form>");
}

/* ---- section 1: pairs ---------------------------------------------------- */

static void domain_names(struct buf *b, const struct snapshot *s, uint64_t mask)
{
	bool first = true;
	for (int d = 0; d < s->n_domains && d < 64; d++) {
		if (!(mask & (1ull << d)))
			continue;
		if (!first)
			html_raw(b, ", ");
		html_text(b, s->domains[d].name);
		first = false;
	}
}

static void section_pairs(struct buf *b, struct request *r, const struct overlap_result *res)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<section aria-labelledby=\"paren\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"paren\">1. Samenwerkingsverbanden met bijna dezelfde deelnemers</h2>");
	paragraph(b, "Voor elk paar samenwerkingsverbanden vergelijken we wie er deelneemt. De "
		     "overeenkomst is het aantal gemeenschappelijke deelnemers gedeeld door het "
		     "aantal verschillende deelnemers van beide samen (de Jaccard-index): 100 % "
		     "betekent precies dezelfde deelnemers, 0 % niemand gemeenschappelijk. Paren "
		     "zonder een enkele gemeenschappelijke deelnemer tellen nooit mee.");
	paragraph(b, "Hebben twee verbanden bijna dezelfde deelnemers én werken ze in hetzelfde "
		     "beleidsdomein, dan zijn ze kandidaten om te bundelen: dezelfde bestuurders "
		     "vergaderen dan twee keer over verwant werk. Dat is een aanwijzing om verder "
		     "te kijken, geen oordeel.");
	if (res->n_pairs == 0) {
		html_raw(b,
			 "<p class=\"utrecht-paragraph\"><strong>Geen paren met een overeenkomst "
			 "van ten minste ");
		threshold_text(b, res->threshold);
		html_raw(b, ".</strong> ");
		if (res->threshold.num * 2 > res->threshold.den) {
			html_raw(b,
				 "Probeer een lagere drempel, bijvoorbeeld <a class=\"" LINK_CLASS
				 "\" href=\"");
			html_attr(b, href(r, PAGE_PATH, "drempel", "drempel=0,5"));
			html_raw(b, "\">0,5</a>.");
		}
		html_raw(b, "</p></section>");
		return;
	}
	int n_cand = 0;
	for (int i = 0; i < res->n_pairs; i++)
		n_cand += res->pairs[i].candidate;
	html_raw(b, "<p class=\"utrecht-paragraph\"><strong>");
	html_int_nl(b, res->n_pairs);
	html_raw(b, res->n_pairs == 1 ? " paar" : " paren");
	html_raw(b, "</strong> met een overeenkomst van ten minste ");
	threshold_text(b, res->threshold);
	html_raw(b, ", waarvan <strong>");
	html_int_nl(b, n_cand);
	html_raw(b, n_cand == 1 ? " kandidaat" : " kandidaten");
	html_raw(b, " om te bundelen</strong>.");
	if (res->n_pairs > MAX_PAIR_ROWS) {
		html_rawf(b, " Hieronder de eerste %d; alle paren staan in de ", MAX_PAIR_ROWS);
		html_raw(b, "<a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href(r, PAGE_PATH ".csv", "sorteer", "tabel=paren"));
		html_raw(b, "\">CSV-export</a>.");
	}
	html_raw(b, "</p>");

	static const struct comp_col cols[] = {
	    {"Samenwerkingsverband A", false}, {"Deelnemers A", true},
	    {"Samenwerkingsverband B", false}, {"Deelnemers B", true},
	    {"Gemeenschappelijk", true},       {"Overeenkomst", true},
	    {"Gedeeld beleidsdomein", false}};
	char caption[160];
	snprintf(caption, sizeof caption,
		 "Paren van samenwerkingsverbanden, van meeste naar minste overeenkomst");
	comp_table_open(b, caption, cols, 7);
	for (int i = 0; i < res->n_pairs && i < MAX_PAIR_ROWS; i++) {
		const struct overlap_pair *p = &res->pairs[i];
		comp_row_open(b);
		comp_th_open(b);
		collab_link(b, s, p->a);
		comp_th_close(b);
		comp_td_int(b, p->size_a);
		comp_td_open(b, false);
		collab_link(b, s, p->b);
		comp_td_close(b);
		comp_td_int(b, p->size_b);
		comp_td_int(b, p->inter);
		comp_td_open(b, true);
		percent(b, p->jaccard);
		comp_td_close(b);
		comp_td_open(b, false);
		if (p->candidate) {
			comp_badge(b, BADGE_WARNING, "Kandidaat om te bundelen");
			html_raw(b, " ");
			domain_names(b, s, p->shared_domains);
		} else {
			html_raw(b, "<span class=\"atlas-muted\">Geen</span>");
		}
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</section>");
}

/* ---- section 2: identical groups ----------------------------------------- */

static void section_groups(struct buf *b, struct request *r, const struct overlap_result *res)
{
	const struct snapshot *s = r->snap;
	html_raw(b,
		 "<section aria-labelledby=\"groepen\"><h2 class=\"utrecht-heading-2\" "
		 "id=\"groepen\">2. Samenwerkingsverbanden met precies dezelfde deelnemers</h2>");
	paragraph(b, "Groepen van twee of meer samenwerkingsverbanden waarin precies dezelfde "
		     "organisaties actief deelnemen. Zo'n groep is vaak één bestuurlijke kring "
		     "die voor verschillende taken aparte regelingen heeft.");
	if (res->n_groups == 0) {
		paragraph(b,
			  "Er zijn geen samenwerkingsverbanden met precies dezelfde deelnemers.");
		html_raw(b, "</section>");
		return;
	}
	static const struct comp_col cols[] = {{"Samenwerkingsverbanden", false},
					       {"Aantal verbanden", true},
					       {"Aantal deelnemers", true},
					       {"Deelnemers", false}};
	comp_table_open(b, "Groepen met precies dezelfde deelnemers", cols, 4);
	for (int i = 0; i < res->n_groups; i++) {
		const struct overlap_group *g = &res->groups[i];
		comp_row_open(b);
		comp_th_open(b);
		html_raw(b, "<ul class=\"atlas-list atlas-overlap-list\">");
		for (int k = 0; k < g->n; k++) {
			html_raw(b, "<li>");
			collab_link(b, s, g->collabs[k]);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
		comp_th_close(b);
		comp_td_int(b, g->n);
		comp_td_open(b, true);
		html_int_nl(b, g->set_size);
		if (g->set_size == 1) {
			html_raw(b, " ");
			comp_badge(b, BADGE_NEUTRAL, "één deelnemer");
		}
		comp_td_close(b);
		comp_td_open(b, false);
		const struct collaboration *c = &s->collabs[g->collabs[0]];
		int last = -1, shown = 0;
		for (int k = 0; k < c->n_parts; k++) {
			const struct participation *p = &s->parts[c->parts[k]];
			if (!p->active || p->organisation == last)
				continue;
			last = p->organisation;
			if (shown++)
				html_raw(b, ", ");
			org_link(b, s, p->organisation);
		}
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	paragraph(b, "Een groep met één deelnemer is gemarkeerd: dan zijn het verbanden waarin "
		     "(volgens de gegevens) maar één organisatie actief deelneemt.");
	html_raw(b, "</section>");
}

/* ---- section 3: bestuurlijke drukte ---------------------------------------- */

static _Thread_local const struct overlap_muni *sort_munis;

static int cmp_muni_pos(const void *pa, const void *pb)
{
	const struct overlap_muni *x = &sort_munis[*(const int *)pa];
	const struct overlap_muni *y = &sort_munis[*(const int *)pb];
	if (x->n_collabs != y->n_collabs)
		return x->n_collabs > y->n_collabs ? -1 : 1;
	return x->org < y->org ? -1 : x->org > y->org;
}

/* Positions in res->munis, most collaborations first, then by name. */
static int *muni_order(struct request *r, const struct overlap_result *res)
{
	int *ord = arena_calloc(r->arena, (size_t)res->n_munis + 1, sizeof(int));
	for (int i = 0; i < res->n_munis; i++)
		ord[i] = i;
	sort_munis = res->munis;
	qsort(ord, (size_t)res->n_munis, sizeof(int), cmp_muni_pos);
	return ord;
}

static void section_munis(struct buf *b, struct request *r, const struct overlap_result *res)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<section aria-labelledby=\"drukte\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"drukte\">3. Bestuurlijke drukte per gemeente</h2>");
	paragraph(b, "Per gemeente: in hoeveel actieve samenwerkingsverbanden zij deelneemt, met "
		     "hoeveel verschillende samenstellingen van partners (verbanden met precies "
		     "dezelfde deelnemers tellen als één samenstelling) en hoeveel zij daar per "
		     "jaar aan bijdraagt, voor zover die bijdragen bekend zijn. Veel verbanden met "
		     "veel verschillende samenstellingen betekent veel bestuurlijke drukte: meer "
		     "overleggen, meer afstemming en minder overzicht voor de raad.");
	static const struct comp_col cols[] = {{"Gemeente", false},
					       {"Actieve samenwerkingsverbanden", true},
					       {"Verschillende partnersamenstellingen", true},
					       {"Bekende bijdragen per jaar", true}};
	comp_table_open(b, "Bestuurlijke drukte per gemeente, meeste samenwerkingsverbanden eerst",
			cols, 4);
	int *ord = muni_order(r, res);
	for (int k = 0; k < res->n_munis; k++) {
		const struct overlap_muni *m = &res->munis[ord[k]];
		const struct organisation *o = &s->orgs[m->org];
		comp_row_open(b);
		comp_th_open(b);
		org_link(b, s, m->org);
		if (!o->in_province) {
			html_raw(b, " ");
			comp_badge(b, BADGE_NEUTRAL, "buiten de provincie");
		}
		comp_th_close(b);
		comp_td_int(b, m->n_collabs);
		comp_td_int(b, m->n_configs);
		comp_td_open(b, true);
		if (m->n_known > 0) {
			html_raw(b, "€\u00a0");
			html_int_nl(b, m->contribution);
		} else {
			html_raw(b, "<span class=\"atlas-unknown\">onbekend</span>");
		}
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</section>");
}

/* ---- section 4: congruence ------------------------------------------------- */

static void sort_links(struct buf *b, struct request *r, enum overlap_order cur)
{
	static const struct {
		enum overlap_order order;
		const char *value, *label;
	} opts[] = {{OVERLAP_ORDER_SHARE_DESC, "-aandeel", "meest samen eerst"},
		    {OVERLAP_ORDER_SHARE_ASC, "aandeel", "minst samen eerst"},
		    {OVERLAP_ORDER_NAME, "gemeente", "op naam"}};
	html_raw(b, "<nav class=\"atlas-overlap-sort\" aria-label=\"Sortering van de paren\">"
		    "<p class=\"utrecht-paragraph\">Sorteren: ");
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		if (i)
			html_raw(b, " · ");
		if (opts[i].order == cur) {
			html_raw(b, "<strong aria-current=\"true\">");
			html_text(b, opts[i].label);
			html_raw(b, "</strong>");
			continue;
		}
		struct buf extra = BUF_INIT;
		buf_puts(&extra, "sorteer=");
		url_arg(&extra, opts[i].value);
		html_raw(b, "<a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href(r, PAGE_PATH, "sorteer", extra.data));
		html_raw(b, "#congruentie-paren\">");
		html_text(b, opts[i].label);
		html_raw(b, "</a>");
		buf_free(&extra);
	}
	html_raw(b, "</p></nav>");
}

static void partner_names(struct buf *b, const struct snapshot *s, const uint64_t *x,
			  const uint64_t *y)
{
	int shown = 0;
	for (int o = 0; o < s->n_orgs; o++) {
		if (!overlap_has(x, o) || overlap_has(y, o))
			continue;
		if (shown++)
			html_raw(b, ", ");
		html_text(b, s->orgs[o].name);
	}
	if (!shown)
		html_raw(b, "<span class=\"atlas-muted\">geen</span>");
}

static void divergence_table(struct buf *b, struct request *r, const struct overlap_result *res)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"verschillende-partners\">Gemeenten die "
		    "per beleidsdomein met andere gemeenten samenwerken</h3>");
	paragraph(b, "Een gemeente staat hier als zij in het ene beleidsdomein grotendeels met "
		     "andere gemeenten samenwerkt dan in het andere: minder dan de helft van al "
		     "haar partnergemeenten in die twee domeinen is in beide domeinen partner "
		     "(Jaccard-index van de twee partnergroepen onder 50 %).");
	if (res->n_divs == 0) {
		paragraph(b, "Met deze filters werkt geen gemeente per beleidsdomein met duidelijk "
			     "andere gemeenten samen.");
		return;
	}
	paragraph(b, "Per gemeente staat hieronder het paar beleidsdomeinen waarin de partners "
		     "het meest verschillen, met de partnergemeenten die alleen in het ene of "
		     "alleen in het andere domein voorkomen. 'Gedeeld' is het aantal partners in "
		     "beide domeinen; 'Meer paren' telt de andere paren domeinen van die gemeente "
		     "onder 50 %. Alle paren staan in de JSON-export.");
	static const struct comp_col cols[] = {{"Gemeente", false},
					       {"Domein 1: partners alleen hier", false},
					       {"Domein 2: partners alleen hier", false},
					       {"Gedeeld", true},
					       {"Overeenkomst", true},
					       {"Meer paren", true}};
	int n_gm = 0; /* gemeenten in the list (divs are grouped by gemeente) */
	for (int i = 0; i < res->n_divs; i++)
		n_gm += i == 0 || res->divs[i].cong != res->divs[i - 1].cong;
	if (n_gm > MAX_DIV_ROWS) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_int_nl(b, n_gm);
		html_rawf(b, " gemeenten; hieronder de eerste %d op naam. Alle staan in de ",
			  MAX_DIV_ROWS);
		html_raw(b, "<a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href(r, "/api/v1/analyse/overlap", NULL, NULL));
		html_raw(b, "\">JSON-export</a> (<code>congruentie.verschillendePartners</code>, "
			    "per pagina).</p>");
	}
	/* a long table: collapsed, so the page stays a sensible length */
	html_raw(b, "<details class=\"atlas-overlap-more\"><summary>Toon de tabel (");
	html_int_nl(b, n_gm < MAX_DIV_ROWS ? n_gm : MAX_DIV_ROWS);
	html_raw(b, n_gm == 1 ? " gemeente)" : " gemeenten)");
	html_raw(b, "</summary>");
	comp_table_open(b, "Gemeenten met verschillende partners per beleidsdomein", cols, 6);
	for (int i = 0, rows = 0; i < res->n_divs && rows < MAX_DIV_ROWS; rows++) {
		int j = i + 1;
		while (j < res->n_divs && res->divs[j].cong == res->divs[i].cong)
			j++;
		const struct overlap_divergence *d = &res->divs[i];
		const uint64_t *pa = overlap_partners(res, d->cong, d->domain_a);
		const uint64_t *pb = overlap_partners(res, d->cong, d->domain_b);
		comp_row_open(b);
		comp_th_open(b);
		org_link(b, s, res->cong_orgs[d->cong]);
		comp_th_close(b);
		comp_td_open(b, false);
		html_raw(b, "<strong>");
		html_text(b, s->domains[d->domain_a].name);
		html_raw(b, "</strong>: ");
		partner_names(b, s, pa, pb);
		comp_td_close(b);
		comp_td_open(b, false);
		html_raw(b, "<strong>");
		html_text(b, s->domains[d->domain_b].name);
		html_raw(b, "</strong>: ");
		partner_names(b, s, pb, pa);
		comp_td_close(b);
		comp_td_int(b, d->inter);
		comp_td_open(b, true);
		percent(b, d->jaccard);
		comp_td_close(b);
		comp_td_int(b, j - i - 1);
		comp_row_close(b);
		i = j;
	}
	comp_table_close(b);
	html_raw(b, "</details>");
}

/* The plain-language conclusion of the seriation: which blocks, and whom a
 * gemeente outside every block works with most. */
static void conclusion(struct buf *b, struct request *r, const struct overlap_result *res,
		       const struct overlap_seriation *ser)
{
	const struct snapshot *s = r->snap;
	int n = res->n_cong, real = 0, alone = 0;
	for (int k = 0; k < ser->n_blocks; k++) {
		if (ser->size[k] > 1)
			real++;
		else
			alone++;
	}
	static const char *const words[] = {"geen", "één",   "twee", "drie",  "vier", "vijf",
					    "zes",  "zeven", "acht", "negen", "tien"};
	html_raw(b, "<div class=\"atlas-overlap-conclusion\" id=\"conclusie\"><h3 "
		    "class=\"utrecht-heading-3\">Conclusie</h3><p class=\"utrecht-paragraph\">");
	if (real == 0) {
		html_raw(b, "De gemeenten vormen geen blokken: geen groep gemeenten zit gemiddeld "
			    "in meer dan ");
		percent(b, OVERLAP_BLOCK_CUT);
		html_raw(b, " van elkaars samenwerkingsverbanden.</p>");
	} else {
		html_raw(b, "De ");
		html_int_nl(b, n - alone);
		if (alone) {
			html_raw(b, " van de ");
			html_int_nl(b, n);
		}
		html_raw(b, " gemeenten vallen in ");
		if (real < (int)(sizeof words / sizeof words[0]))
			html_raw(b, words[real]);
		else
			html_int_nl(b, real);
		html_raw(b, real == 1 ? " blok" : " blokken");
		html_raw(b, " die steeds in dezelfde samenwerkingsverbanden zitten (gemiddeld ten "
			    "minste ");
		percent(b, OVERLAP_BLOCK_CUT);
		html_raw(b, " gedeeld):</p><ul class=\"atlas-list\">");
		for (int k = 0; k < ser->n_blocks; k++) {
			if (ser->size[k] < 2)
				continue;
			html_raw(b, "<li><strong>");
			if (ser->named_after[k] >= 0) {
				const struct collaboration *c = &s->collabs[ser->named_after[k]];
				html_text(b, !str_empty(c->short_name) ? c->short_name : c->name);
			} else {
				html_rawf(b, "Blok %d", k + 1);
			}
			html_raw(b, "</strong> (");
			html_int_nl(b, ser->size[k]);
			html_raw(b, " gemeenten, gemiddeld ");
			percent(b, ser->cohesion[k]);
			html_raw(b, " gedeeld): ");
			int shown = 0;
			for (int p = 0; p < n; p++) {
				int pi = ser->order[p];
				if (ser->block[pi] != k)
					continue;
				if (shown++)
					html_raw(b, ", ");
				html_text(b, s->orgs[res->cong_orgs[pi]].name);
			}
			html_raw(b, ".</li>");
		}
		html_raw(b, "</ul>");
	}
	/* gemeenten outside every block, and the one that belongs least to
	 * its block: whom they work with most */
	for (int p = 0; p < n; p++) {
		int pi = ser->order[p];
		int k = ser->block[pi];
		if (ser->size[k] > 1) {
			/* the member least like the rest of its block, when below the cut */
			double sum = 0, low = 2;
			int weakest = -1;
			for (int q = 0; q < n; q++) {
				if (ser->block[q] != k)
					continue;
				sum = 0;
				for (int j = 0; j < n; j++)
					if (j != q && ser->block[j] == k)
						sum += overlap_congruence(res, q, j);
				if (sum / (ser->size[k] - 1) < low - 1e-12) {
					low = sum / (ser->size[k] - 1);
					weakest = q;
				}
			}
			if (weakest != pi || ser->size[k] < 3 || low >= OVERLAP_BLOCK_CUT)
				continue;
			html_raw(b, "<p class=\"utrecht-paragraph\">");
			html_text(b, s->orgs[res->cong_orgs[pi]].name);
			html_raw(b, " hoort het minst bij zijn blok (gemiddeld ");
			percent(b, low);
			html_raw(b, " gedeeld)");
		} else {
			html_raw(b, "<p class=\"utrecht-paragraph\">");
			html_text(b, s->orgs[res->cong_orgs[pi]].name);
			html_raw(b, " hoort bij geen blok");
		}
		int top[2] = {-1, -1};
		for (int j = 0; j < n; j++) {
			if (j == pi)
				continue;
			double v = overlap_congruence(res, pi, j);
			if (v <= 0)
				continue;
			if (top[0] < 0 || v > overlap_congruence(res, pi, top[0]) + 1e-12) {
				top[1] = top[0];
				top[0] = j;
			} else if (top[1] < 0 || v > overlap_congruence(res, pi, top[1]) + 1e-12) {
				top[1] = j;
			}
		}
		if (top[0] < 0) {
			html_raw(
			    b, " en deelt geen samenwerkingsverband met een andere gemeente in de "
			       "provincie.</p>");
			continue;
		}
		html_raw(b, " en werkt vooral samen met ");
		for (int t = 0; t < 2 && top[t] >= 0; t++) {
			if (t)
				html_raw(b, " en ");
			html_text(b, s->orgs[res->cong_orgs[top[t]]].name);
			html_raw(b, " (");
			percent(b, overlap_congruence(res, pi, top[t]));
			html_raw(b, ")");
		}
		html_raw(b, ".</p>");
	}
	html_raw(b, "</div>");
}

static void section_congruence(struct buf *b, struct request *r, const struct overlap_result *res,
			       enum overlap_order order)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<section aria-labelledby=\"congruentie\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"congruentie\">4. Congruentie: welke gemeenten werken steeds samen?</h2>");
	paragraph(b,
		  "Voor elk paar gemeenten in de provincie: welk deel van hun "
		  "samenwerkingsverbanden zij samen hebben. Hoe hoger, hoe vaker deze twee "
		  "gemeenten in dezelfde verbanden zitten. Een regio waarin gemeenten steeds met "
		  "dezelfde partners samenwerken is congruent en overzichtelijk; lage waarden "
		  "tussen buurgemeenten wijzen op een lappendeken van samenwerkingen.");
	html_raw(b,
		 "<p class=\"utrecht-paragraph atlas-overlap-formula\"><strong>Formule:</strong> "
		 "congruentie(a, b) = |C(a) ∩ C(b)| / |C(a) ∪ C(b)|, waarbij C(x) de actieve "
		 "samenwerkingsverbanden zijn waarin gemeente x deelneemt. In woorden: het aantal "
		 "verbanden waarin beide gemeenten zitten, gedeeld door het aantal verbanden "
		 "waarin ten minste één van beide zit. Hebben beide gemeenten geen enkel "
		 "verband, dan is de uitkomst 0.</p>");

	if (res->n_cong > MAX_HEATMAP) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Met ");
		html_int_nl(b, res->n_cong);
		html_rawf(b,
			  " gemeenten is een hittekaart te groot om te lezen (die tonen we tot "
			  "%d gemeenten). Hieronder staan de paren; alle paren staan in de ",
			  MAX_HEATMAP);
		html_raw(b, "<a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href(r, PAGE_PATH ".csv", NULL, "tabel=congruentie"));
		html_raw(b, "\">CSV-export</a>. Kies een beleidsdomein of soort om de analyse te "
			    "verkleinen.</p>");
	} else if (res->n_cong >= 2) {
		struct overlap_seriation ser;
		if (overlap_seriate(s, res, r->arena, &ser) < 0)
			return;
		conclusion(b, r, res, &ser);
		int n = res->n_cong;
		const char **labels = arena_calloc(r->arena, (size_t)n, sizeof *labels);
		int *blocks = arena_calloc(r->arena, (size_t)n, sizeof(int));
		double *vals = arena_calloc(r->arena, (size_t)n * (size_t)n, sizeof(double));
		for (int i = 0; i < n; i++) {
			int pi = ser.order[i];
			labels[i] = s->orgs[res->cong_orgs[pi]].name;
			blocks[i] = ser.size[ser.block[pi]] > 1 ? ser.block[pi] : -1;
			for (int j = 0; j < n; j++)
				vals[(size_t)i * (size_t)n + (size_t)j] =
				    i == j ? -1.0 : overlap_congruence(res, pi, ser.order[j]);
		}
		const struct heatmap h = {
		    .id = "hittekaart",
		    .title = "Congruentie tussen de gemeenten in de provincie Utrecht",
		    .desc =
			"Heatmap: per paar gemeenten het aandeel samenwerkingsverbanden dat ze "
			"samen hebben, van licht (weinig) naar donker (veel). De gemeenten staan "
			"zo dat wie veel samenwerkt naast elkaar staat; blokken zijn omlijnd. "
			"Dezelfde cijfers staan in de tabel onder de kaart.",
		    .caption = "Congruentie per paar gemeenten, in procenten (aandeel gedeelde "
			       "samenwerkingsverbanden), in de volgorde van de blokken",
		    .labels = labels,
		    .n = n,
		    .values = vals,
		    .blocks = blocks};
		html_raw(b,
			 "<div class=\"atlas-overlap-figure\" role=\"region\" tabindex=\"0\" "
			 "aria-label=\"Heatmap van de congruentie (schuift horizontaal op smalle "
			 "schermen)\"><figure class=\"atlas-overlap-figure__inner\">");
		heatmap_svg(b, &h);
		html_raw(
		    b, "<figcaption class=\"atlas-muted\">Lees een rij van links naar rechts: "
		       "hoe donkerder het vakje, hoe meer samenwerkingsverbanden de twee "
		       "gemeenten delen. Gemeenten die veel samenwerken staan naast elkaar; een "
		       "omlijnd vierkant op de diagonaal is een blok. Wijs een vakje aan voor het "
		       "percentage.</figcaption></figure></div>");
		heatmap_table(b, &h);
	}

	html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"congruentie-paren\">Paren van "
		    "gemeenten</h3>");
	/* res->cpairs are in this order already (app_overlap) */
	sort_links(b, r, order);
	static const struct comp_col cols[] = {{"Gemeente A", false},
					       {"Gemeente B", false},
					       {"Samen in", true},
					       {"In ten minste één van beide", true},
					       {"Congruentie", true}};
	char caption[160];
	snprintf(caption, sizeof caption, "De eerste %d van %d paren van gemeenten (%s)",
		 res->n_cpairs < MAX_CPAIR_ROWS ? res->n_cpairs : MAX_CPAIR_ROWS, res->n_cpairs,
		 order == OVERLAP_ORDER_SHARE_ASC ? "minst samen eerst"
		 : order == OVERLAP_ORDER_NAME	  ? "op naam"
						  : "meest samen eerst");
	comp_table_open(b, caption, cols, 5);
	for (int i = 0; i < res->n_cpairs && i < MAX_CPAIR_ROWS; i++) {
		const struct overlap_cpair *p = &res->cpairs[i];
		comp_row_open(b);
		comp_th_open(b);
		org_link(b, s, res->cong_orgs[p->a]);
		comp_th_close(b);
		comp_td_open(b, false);
		org_link(b, s, res->cong_orgs[p->b]);
		comp_td_close(b);
		comp_td_int(b, p->together);
		comp_td_int(b, p->either);
		comp_td_open(b, true);
		percent(b, p->share);
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "<p class=\"utrecht-paragraph\">Alle ");
	html_int_nl(b, res->n_cpairs);
	html_raw(b, " paren staan in de <a class=\"" LINK_CLASS "\" href=\"");
	html_attr(b, href(r, PAGE_PATH ".csv", NULL, "tabel=congruentie"));
	html_raw(b, "\">CSV-export van de congruentie</a>.</p>");

	divergence_table(b, r, res);
	html_raw(b, "</section>");
}

/* ---- the page --------------------------------------------------------------- */

static void summary(struct buf *b, struct request *r, const struct overlap_result *res)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\" id=\"resultaat\">"
		    "Geanalyseerd: <strong>");
	html_int_nl(b, res->n_considered);
	html_raw(b, res->n_considered == 1 ? " actief samenwerkingsverband"
					   : " actieve samenwerkingsverbanden");
	html_raw(b, "</strong> met ten minste één actieve deelnemer; drempel ");
	threshold_text(b, res->threshold);
	html_raw(b, ". Alleen actieve deelnames tellen mee: organisaties die zijn uitgetreden "
		    "niet.</p>");
	if (res->n_empty > 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Niet meegenomen, omdat er volgens de "
			    "gegevens geen actieve deelnemers zijn: ");
		int shown = res->n_empty > MAX_EMPTY_LINKS ? MAX_EMPTY_LINKS : res->n_empty;
		for (int i = 0; i < shown; i++) {
			if (i)
				html_raw(b, i == res->n_empty - 1 ? " en " : ", ");
			collab_link(b, s, res->empty[i]);
		}
		if (shown < res->n_empty) {
			html_raw(b, " en ");
			html_int_nl(b, res->n_empty - shown);
			html_raw(b, " andere (alle in de JSON-export, "
				    "<code>zonderActieveDeelnemers</code>)");
		}
		html_raw(b, ".</p>");
	}
	comp_notice(b, "Let op:",
		    "de uitkomsten zijn zo goed als de gegevens. Van veel gemeenschappelijke "
		    "regelingen zijn alleen de deelnemers uit 2015 bekend; bij elk "
		    "samenwerkingsverband staan bron en datum.");
}

static void exports(struct buf *b, struct request *r)
{
	static const struct {
		const char *extra, *label;
	} csvs[] = {{"tabel=paren", "paren van samenwerkingsverbanden (CSV)"},
		    {"tabel=gemeenten", "bestuurlijke drukte per gemeente (CSV)"},
		    {"tabel=congruentie", "congruentie per paar gemeenten (CSV)"}};
	html_raw(b, "<section class=\"atlas-opendata\" aria-labelledby=\"downloads\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"downloads\">Downloaden</h2>"
		    "<p class=\"utrecht-paragraph\">Deze analyse, met dezelfde drempel en "
		    "filters, als open data:</p><ul class=\"atlas-list\">");
	for (size_t i = 0; i < sizeof csvs / sizeof csvs[0]; i++) {
		html_raw(b, "<li><a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href(r, PAGE_PATH ".csv", i == 2 ? NULL : "sorteer", csvs[i].extra));
		html_raw(b, "\">");
		html_text(b, csvs[i].label);
		html_raw(b, "</a></li>");
	}
	html_raw(b, "<li><a class=\"" LINK_CLASS "\" href=\"");
	html_attr(b, href(r, "/api/v1/analyse/overlap", NULL, NULL));
	html_raw(b, "\">alle vier de onderdelen als JSON via de open API</a> (per pagina van "
		    "100 per onderdeel)</li></ul></section>");
}

static int overlap_page(struct request *r, void *tt)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct overlap_query q;
	int st = query_or_respond(r, &q);
	if (st)
		return st;
	struct rm_shared *hold;
	const struct overlap_result res = *app_overlap(r->snap, &q, &hold); /* arrays shared */
	arena_on_free(r->arena, rm_shared_release_cb, hold);

	r->etag = s->etag;
	const struct page_head h = {.title = "Overlap tussen samenwerkingsverbanden",
				    .nav = NAV_ANALYSIS};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url("css/overlap.css"));
	html_raw(b, "\">");
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Overlap tussen samenwerkingsverbanden</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Waar zitten dezelfde "
		    "partijen in meerdere samenwerkingsverbanden? Deze analyse zoekt verbanden met "
		    "(bijna) dezelfde deelnemers, laat per gemeente de bestuurlijke drukte zien en "
		    "toont welke gemeenten steeds met elkaar samenwerken. Zo ziet u waar "
		    "samenwerkingen effectiever kunnen worden ingericht.</p>");
	history_timetravel_notice(b, r, tt);
	form(b, r);
	summary(b, r, &res);
	html_raw(b, "<nav class=\"atlas-toc\" aria-label=\"Op deze pagina\"><ul "
		    "class=\"atlas-list\">"
		    "<li><a class=\"" LINK_CLASS "\" href=\"#paren\">1. Bijna dezelfde "
		    "deelnemers (kandidaten om te bundelen)</a></li>"
		    "<li><a class=\"" LINK_CLASS "\" href=\"#groepen\">2. Precies dezelfde "
		    "deelnemers</a></li>"
		    "<li><a class=\"" LINK_CLASS "\" href=\"#drukte\">3. Bestuurlijke drukte per "
		    "gemeente</a></li>"
		    "<li><a class=\"" LINK_CLASS "\" href=\"#congruentie\">4. Congruentie tussen "
		    "gemeenten</a></li>"
		    "<li><a class=\"" LINK_CLASS "\" href=\"#downloads\">Downloaden (CSV, "
		    "JSON)</a></li></ul></nav>");
	section_pairs(b, r, &res);
	section_groups(b, r, &res);
	section_munis(b, r, &res);
	section_congruence(b, r, &res, q.order);
	exports(b, r);
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

int page_overlap(struct request *r)
{
	int st = 0; /* ?peildatum= swaps r->snap for that date */
	void *tt = history_timetravel_begin(r, &st);
	if (st)
		return st;
	st = overlap_page(r, tt);
	history_timetravel_end(r, tt);
	return st;
}

/* ---- CSV ------------------------------------------------------------------------ */

static void csv_domains(struct csv *c, const struct snapshot *s, uint64_t mask, struct buf *tmp)
{
	buf_reset(tmp);
	for (int d = 0; d < s->n_domains && d < 64; d++) {
		if (!(mask & (1ull << d)))
			continue;
		if (tmp->len)
			buf_puts(tmp, "; ");
		buf_puts(tmp, s->domains[d].name);
	}
	csv_cell(c, tmp->len ? tmp->data : "");
}

static double round1(double v)
{
	return (double)(long long)(v * 10.0 + 0.5) / 10.0;
}

static void csv_pairs(struct csv *c, const struct snapshot *s, const struct overlap_result *res)
{
	static const char *const head[] = {"Samenwerkingsverband A",
					   "Id A",
					   "Deelnemers A",
					   "Samenwerkingsverband B",
					   "Id B",
					   "Deelnemers B",
					   "Gemeenschappelijke deelnemers",
					   "Deelnemers samen",
					   "Overeenkomst (Jaccard)",
					   "Overeenkomst (%)",
					   "Kandidaat om te bundelen",
					   "Gedeelde beleidsdomeinen"};
	struct buf tmp = BUF_INIT;
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_cell(c, head[i]);
	csv_end_row(c);
	for (int i = 0; i < res->n_pairs; i++) {
		const struct overlap_pair *p = &res->pairs[i];
		csv_cell(c, s->collabs[p->a].name);
		csv_cell(c, s->collabs[p->a].key);
		csv_int(c, p->size_a);
		csv_cell(c, s->collabs[p->b].name);
		csv_cell(c, s->collabs[p->b].key);
		csv_int(c, p->size_b);
		csv_int(c, p->inter);
		csv_int(c, p->uni);
		csv_num(c, p->jaccard);
		csv_num(c, round1(p->jaccard * 100.0));
		csv_cell(c, p->candidate ? "ja" : "nee");
		csv_domains(c, s, p->shared_domains, &tmp);
		csv_end_row(c);
	}
	buf_free(&tmp);
}

static void csv_munis(struct csv *c, struct request *r, const struct overlap_result *res)
{
	const struct snapshot *s = r->snap;
	static const char *const head[] = {"Gemeente",
					   "Code",
					   "In provincie Utrecht",
					   "Actieve samenwerkingsverbanden",
					   "Verschillende partnersamenstellingen",
					   "Bekende bijdragen per jaar (euro)",
					   "Aantal bekende bijdragen"};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_cell(c, head[i]);
	csv_end_row(c);
	int *ord = muni_order(r, res);
	for (int k = 0; k < res->n_munis; k++) {
		const struct overlap_muni *m = &res->munis[ord[k]];
		const struct organisation *o = &s->orgs[m->org];
		csv_cell(c, o->name);
		csv_cell(c, o->code);
		csv_cell(c, o->in_province ? "ja" : "nee");
		csv_int(c, m->n_collabs);
		csv_int(c, m->n_configs);
		if (m->n_known > 0)
			csv_int(c, m->contribution);
		else
			csv_cell(c, "onbekend");
		csv_int(c, m->n_known);
		csv_end_row(c);
	}
}

static void csv_congruence(struct csv *c, const struct snapshot *s,
			   const struct overlap_result *res)
{
	static const char *const head[] = {"Gemeente A",  "Code A",
					   "Gemeente B",  "Code B",
					   "Samen in",	  "In ten minste één van beide",
					   "Congruentie", "Congruentie (%)"};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_cell(c, head[i]);
	csv_end_row(c);
	for (int i = 0; i < res->n_cpairs; i++) {
		const struct overlap_cpair *p = &res->cpairs[i];
		const struct organisation *a = &s->orgs[res->cong_orgs[p->a]];
		const struct organisation *o = &s->orgs[res->cong_orgs[p->b]];
		csv_cell(c, a->name);
		csv_cell(c, a->code);
		csv_cell(c, o->name);
		csv_cell(c, o->code);
		csv_int(c, p->together);
		csv_int(c, p->either);
		csv_num(c, p->share);
		csv_num(c, round1(p->share * 100.0));
		csv_end_row(c);
	}
}

static int overlap_csv(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct overlap_query q;
	int st = query_or_respond(r, &q);
	if (st)
		return st;
	const char *tabel = req_param(r, "tabel");
	if (str_empty(tabel))
		tabel = "paren";
	if (strcmp(tabel, "paren") && strcmp(tabel, "gemeenten") && strcmp(tabel, "congruentie")) {
		char msg[200];
		snprintf(msg, sizeof msg,
			 "De waarde '%.60s' is niet geldig voor de parameter 'tabel' (kies paren, "
			 "gemeenten of congruentie).",
			 tabel);
		return respond_error(r, 400, "Ongeldige parameter", arena_strdup(r->arena, msg),
				     "tabel");
	}
	struct rm_shared *hold;
	const struct overlap_result res = *app_overlap(r->snap, &q, &hold); /* arrays shared */
	arena_on_free(r->arena, rm_shared_release_cb, hold);

	struct csv c;
	csv_begin(&c, &r->out);
	if (strcmp(tabel, "paren") == 0)
		csv_pairs(&c, s, &res);
	else if (strcmp(tabel, "gemeenten") == 0)
		csv_munis(&c, r, &res);
	else
		csv_congruence(&c, s, &res);
	r->content_type = "text/csv; charset=utf-8";
	r->etag = s->etag;
	req_header(r, "Content-Disposition",
		   arena_printf(r->arena, "attachment; filename=\"overlap-%s.csv\"", tabel));
	return 200;
}

int page_overlap_csv(struct request *r)
{
	int st = 0; /* ?peildatum= swaps r->snap for that date */
	void *tt = history_timetravel_begin(r, &st);
	if (st)
		return st;
	st = overlap_csv(r);
	history_timetravel_end(r, tt);
	return st;
}
