/*
 * samenwerking_cijfers — the collaboration page's figures section; see
 * samenwerking_cijfers.h.
 */
#include "samenwerking_cijfers.h"
#include "../app/samenwerking_cijfers.h"
#include "../domain/indicatoren.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../render/components.h"
#include "../render/html.h"

#include <string.h>

static void number(struct buf *b, double v, int decimals)
{
	char out[64];
	html_text(b, indicator_format_nl(v, decimals, out, sizeof out));
}

static void euro(struct buf *b, double v)
{
	html_raw(b, "€\u00a0");
	number(b, v, 0);
}

static void indicator_link(struct buf *b, struct request *r, const struct sc_def *d)
{
	comp_link(b, arena_printf(r->arena, "/kennis/indicatoren/%s", d->key), d->name);
}

/* "2025; gegevens voor 11 van 12 deelnemers (het totaal telt alleen die 11)" */
static void coverage(struct buf *b, const char *period, const struct sc_total *t)
{
	html_raw(b, "<br><span class=\"atlas-meta\">");
	html_text(b, period);
	html_raw(b, " · gegevens voor ");
	html_int_nl(b, t->n_with);
	html_raw(b, " van ");
	html_int_nl(b, t->n_of);
	html_raw(b, t->n_of == 1 ? " deelnemer" : " deelnemers");
	if (t->n_with < t->n_of) {
		html_raw(b, "; het totaal telt alleen ");
		html_raw(b, t->n_with == 1 ? "die ene" : "die ");
		if (t->n_with != 1)
			html_int_nl(b, t->n_with);
	}
	html_raw(b, "</span>");
}

/* Source, licence and link of an indicator. */
static void source_line(struct buf *b, struct request *r, const struct sc_def *d)
{
	html_raw(b, "<br><span class=\"atlas-meta\">Bron: ");
	html_text(b, d->source);
	if (*d->licence) {
		html_raw(b, "; licentie ");
		html_text(b, d->licence);
	}
	html_raw(b, " · indicator ");
	indicator_link(b, r, d);
	html_raw(b, "</span>");
}

static void base_item(struct buf *b, struct request *r, const char *label,
		      const struct sc_figure *f, const char *unit, int decimals)
{
	comp_dl_item_open(b, label);
	if (!f->def || !f->period) {
		comp_missing(b, "geen gegevens");
	} else {
		html_raw(b, "<strong>");
		number(b, f->total.value, decimals);
		html_raw(b, "</strong>");
		if (*unit) {
			html_raw(b, "\u00a0");
			html_text(b, unit);
		}
		coverage(b, f->period, &f->total);
		source_line(b, r, f->def);
	}
	comp_dl_item_close(b);
}

static void domain_item(struct buf *b, struct request *r, const struct sc_domain_figure *f,
			bool loaded)
{
	comp_dl_item_open(b, arena_printf(r->arena, "Lasten per inwoner: %s", f->name));
	if (!loaded) {
		comp_missing(b, "geen gegevens: welke Iv3-taakvelden bij de beleidsdomeinen horen, "
				"is niet geladen");
	} else if (!f->mapped || !f->n_defs) {
		html_raw(b, "geen Iv3-taakveld bij dit beleidsdomein");
		if (*f->note) {
			html_raw(b, "<br><span class=\"atlas-meta\">");
			html_text(b, f->note);
			html_raw(b, "</span>");
		}
	} else if (!f->period || !f->total.has) {
		comp_missing(b, "geen gegevens");
	} else {
		html_raw(b, "<strong>");
		euro(b, f->total.value);
		html_raw(b, "</strong> per inwoner");
		coverage(b, f->period, &f->total);
		html_raw(b, "<br><span class=\"atlas-meta\">Gewogen naar inwoners: de lasten van "
			    "de deelnemers samen gedeeld door hun inwoners samen. Bron: ");
		html_text(b, f->defs[0]->source);
		if (*f->defs[0]->licence) {
			html_raw(b, "; licentie ");
			html_text(b, f->defs[0]->licence);
		}
		html_raw(b, "</span>");
	}
	if (f->mapped && f->n_defs) {
		html_raw(b, "<details class=\"atlas-details\"><summary>Welke Iv3-taakvelden tellen "
			    "mee (");
		html_int_nl(b, f->n_defs);
		html_raw(b, ")</summary>");
		if (*f->note) {
			html_raw(b, "<p class=\"utrecht-paragraph\">");
			html_text(b, f->note);
			html_raw(b, "</p>");
		}
		html_raw(b, "<ul class=\"utrecht-unordered-list\">");
		for (int k = 0; k < f->n_defs; k++) {
			html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
			indicator_link(b, r, f->defs[k]);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul></details>");
	}
	comp_dl_item_close(b);
}

static bool domain_shown(const struct sc_domain_figure *f)
{
	return f->mapped && f->n_defs && f->period;
}

static void cell(struct buf *b, const struct sc_cell *c, int decimals, bool is_euro)
{
	comp_td_open(b, true);
	if (!c->has)
		comp_missing(b, "geen gegevens");
	else if (is_euro)
		euro(b, c->value);
	else
		number(b, c->value, decimals);
	comp_td_close(b);
}

static void total_cell(struct buf *b, const struct sc_total *t, int decimals, bool is_euro)
{
	struct sc_cell c = {t->has, t->value};
	comp_td_open(b, true);
	if (!c.has) {
		comp_missing(b, "geen gegevens");
	} else {
		html_raw(b, "<strong>");
		if (is_euro)
			euro(b, c.value);
		else
			number(b, c.value, decimals);
		html_raw(b, "</strong>");
		if (t->n_with < t->n_of) {
			html_raw(b, " <span class=\"atlas-meta\">(");
			html_int_nl(b, t->n_with);
			html_raw(b, " van ");
			html_int_nl(b, t->n_of);
			html_raw(b, ")</span>");
		}
	}
	comp_td_close(b);
}

static void members_table(struct buf *b, struct request *r, const struct collaboration *c,
			  const struct sc_figures *f)
{
	struct comp_col *cols = arena_calloc(r->arena, (size_t)f->n_domains + 3, sizeof *cols);
	int n = 0;
	cols[n++] = (struct comp_col){"Deelnemer", false};
	cols[n++] = (struct comp_col){
	    f->inhabitants.period ? arena_printf(r->arena, "Inwoners (%s)", f->inhabitants.period)
				  : "Inwoners",
	    true};
	cols[n++] = (struct comp_col){
	    f->area.period ? arena_printf(r->arena, "Oppervlakte in km² (%s)", f->area.period)
			   : "Oppervlakte in km²",
	    true};
	for (int d = 0; d < f->n_domains; d++)
		if (domain_shown(&f->domains[d]))
			cols[n++] = (struct comp_col){
			    arena_printf(r->arena, "Lasten per inwoner, %s (%s)",
					 f->domains[d].name, f->domains[d].period),
			    true};
	comp_table_open(b, arena_printf(r->arena, "Cijfers per deelnemer van %s", c->name), cols,
			n);
	for (int m = 0; m < f->n_members; m++) {
		const struct sc_member *p = &f->members[m];
		comp_row_open(b);
		comp_th_open(b);
		comp_link_seg(b, "/organisaties", p->org_code, p->org_name);
		if (!*p->cbs)
			html_raw(b, " <span class=\"atlas-meta\">(geen gemeente)</span>");
		comp_th_close(b);
		cell(b, &p->inhabitants, 0, false);
		cell(b, &p->area, 2, false);
		for (int d = 0; d < f->n_domains; d++)
			if (domain_shown(&f->domains[d]))
				cell(b, &p->spend[d], 0, true);
		comp_row_close(b);
	}
	comp_row_open(b);
	comp_th_open(b);
	html_raw(b, "Totaal");
	comp_th_close(b);
	total_cell(b, &f->inhabitants.total, 0, false);
	total_cell(b, &f->area.total, 2, false);
	for (int d = 0; d < f->n_domains; d++)
		if (domain_shown(&f->domains[d]))
			total_cell(b, &f->domains[d].total, 0, true);
	comp_row_close(b);
	comp_table_close(b);
}

void samenwerking_cijfers_collab_section(struct buf *b, struct request *r, int ci)
{
	const struct collaboration *c = &r->snap->collabs[ci];
	struct store *st = store_thread();
	struct sc_figures f;
	if (!st || samenwerking_cijfers_build(st, r->arena, r->snap, ci, &f)) {
		log_error("collab %s: figures unavailable", c->key);
		return;
	}
	if (!f.n_members)
		return;
	html_raw(b, "<section aria-labelledby=\"cijfers\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"cijfers\">Cijfers van de deelnemers</h2>");
	if (!f.n_gemeenten) {
		comp_para(b,
			  "Geen van de huidige deelnemers is een gemeente. Voor waterschappen en "
			  "andere organisaties zijn er geen cijfers over inwoners, oppervlakte of "
			  "lasten.");
		html_raw(b, "</section>");
		return;
	}
	if (!f.inhabitants.def && !f.area.def && !f.mapping_loaded) {
		comp_para(b, "Er zijn nog geen cijfers over gemeenten geladen.");
		html_raw(b, "</section>");
		return;
	}
	if (f.n_gemeenten == 1)
		html_raw(b, "<p class=\"utrecht-paragraph\">Wat de ene deelnemende gemeente omvat");
	else {
		html_raw(b, "<p class=\"utrecht-paragraph\">Wat de ");
		html_int_nl(b, f.n_gemeenten);
		html_raw(b, " deelnemende gemeenten samen omvatten");
	}
	html_raw(b, ", uit open bronnen, telkens voor het nieuwste jaar met gegevens.");
	if (f.n_gemeenten < f.n_members) {
		html_raw(b, " ");
		html_int_nl(b, f.n_members - f.n_gemeenten);
		html_raw(
		    b,
		    f.n_members - f.n_gemeenten == 1
			? " deelnemer is geen gemeente (bijvoorbeeld een waterschap) en heeft "
			  "daarom geen gegevens."
			: " deelnemers zijn geen gemeente (bijvoorbeeld waterschappen) en hebben "
			  "daarom geen gegevens.");
	}
	html_raw(b, "</p>");
	comp_dl_open(b);
	base_item(b, r, "Inwoners", &f.inhabitants, "", 0);
	base_item(b, r, "Oppervlakte", &f.area, "km²", 2);
	for (int d = 0; d < f.n_domains; d++)
		domain_item(b, r, &f.domains[d], f.mapping_loaded);
	comp_dl_close(b);
	if (f.n_warnings) {
		/* the warnings the sources carry, one box (as comp_notice) with a list */
		html_raw(b, "<div class=\"utrecht-alert utrecht-alert--warning atlas-notice\" "
			    "role=\"note\"><div class=\"utrecht-alert__content\"><p "
			    "class=\"utrecht-alert__message\"><strong>Let op bij deze "
			    "cijfers:</strong></p><ul class=\"utrecht-unordered-list\">");
		for (int i = 0; i < f.n_warnings; i++) {
			html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
			html_text(b, f.warning_names[i]);
			html_raw(b, ": ");
			html_text(b, f.warnings[i]);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul></div></div>");
	}
	members_table(b, r, c, &f);
	html_raw(
	    b,
	    "<p class=\"utrecht-paragraph atlas-opendata\">Deze cijfers als open data: <a "
	    "class=\"utrecht-link utrecht-link--html-a\" href=\"/api/v1/samenwerkingsverbanden/");
	url_seg(b, c->key);
	html_raw(b, "/cijfers\">JSON via de open API</a>.</p></section>");
}
