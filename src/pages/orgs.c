/*
 * orgs — the organisation pages: the list /organisaties (grouped by kind,
 * filterable by kind and status) and one organisation /organisaties/{code}:
 * first the organisation at a glance (app/org_glance.h: one row per
 * collaboration with seats, contributions, share and the next council
 * moment, totals and comparable organisations; also on its own as the
 * printable /organisaties/{code}/overzicht), then its details and its
 * collaborations grouped by policy domain. Both honour ?peildatum=. Reads
 * the snapshot and (seats, AB dates, last year's amounts) the store; writes
 * nothing.
 */
#include "auth_ui.h"
#include "corrections.h"
#include "pages.h"
#include "edit.h"
#include "forms.h"
#include "bibliotheek.h"
#include "relaties.h"
#include "../app/policy.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "provenance.h" /* sources per field, gaps, staleness, currency */
#include "../app/currency.h"
#include "../lib/log.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../render/assets.h"
#include "../render/svg.h"
#include "people.h"   /* people */
#include "history.h"  /* time travel */
#include "calendar.h" /* page_org_overview */
#include "../app/org_glance.h"
#include "../store/store.h"

#include <stdio.h>
#include <string.h>

#define ORG_PAGE_SIZE 100

/* Plural headings per organisation kind (filter options). */
static const char *const kind_plural[ORG_KIND_COUNT] = {
    [ORG_PROVINCE] = "Provincies",	 [ORG_MUNICIPALITY] = "Gemeenten",
    [ORG_WATER_BOARD] = "Waterschappen", [ORG_JOINT_BODY] = "Samenwerkingsorganen",
    [ORG_NATIONAL] = "Rijksoverheid",	 [ORG_OTHER] = "Overige organisaties",
};

/* The groups of the list, in display order: gemeenten are split so the 26
 * of the province come first and merged or outside ones do not mix in. */
enum org_group {
	GRP_PROVINCE,
	GRP_GM_IN,
	GRP_GM_ENDED,
	GRP_GM_OUT,
	GRP_WATER_BOARD,
	GRP_JOINT_BODY,
	GRP_NATIONAL,
	GRP_OTHER,
	GRP_COUNT
};

static const char *const group_title[GRP_COUNT] = {
    [GRP_PROVINCE] = "Provincies",	    [GRP_GM_IN] = "Gemeenten in de provincie Utrecht",
    [GRP_GM_ENDED] = "Opgeheven gemeenten", [GRP_GM_OUT] = "Gemeenten buiten de provincie",
    [GRP_WATER_BOARD] = "Waterschappen",    [GRP_JOINT_BODY] = "Samenwerkingsorganen",
    [GRP_NATIONAL] = "Rijksoverheid",	    [GRP_OTHER] = "Overige organisaties",
};

static enum org_group org_group(const struct organisation *o)
{
	switch (o->kind) {
	case ORG_PROVINCE:
		return GRP_PROVINCE;
	case ORG_MUNICIPALITY:
		return o->ended ? GRP_GM_ENDED : o->in_province ? GRP_GM_IN : GRP_GM_OUT;
	case ORG_WATER_BOARD:
		return GRP_WATER_BOARD;
	case ORG_JOINT_BODY:
		return GRP_JOINT_BODY;
	case ORG_NATIONAL:
		return GRP_NATIONAL;
	default:
		return GRP_OTHER;
	}
}

enum org_status { ORG_ALL, ORG_ACTIVE, ORG_ENDED };

static bool org_matches(const struct organisation *o, int kind, enum org_status st)
{
	if (kind >= 0 && (int)o->kind != kind)
		return false;
	if (st == ORG_ACTIVE && o->ended)
		return false;
	if (st == ORG_ENDED && !o->ended)
		return false;
	return true;
}

static void org_filter_form(struct buf *b, const char *kind, const char *status)
{
	struct comp_option kinds[ORG_KIND_COUNT + 1];
	kinds[0] = (struct comp_option){"", "Alle soorten"};
	for (int i = 0; i < ORG_KIND_COUNT; i++)
		kinds[i + 1] = (struct comp_option){org_kind_labels[i].api, kind_plural[i]};
	static const struct comp_option statuses[] = {
	    {"alle", "Bestaand en opgeheven"}, {"actief", "Bestaand"}, {"beeindigd", "Opgeheven"}};

	html_raw(
	    b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"/organisaties\" "
	       "aria-labelledby=\"filter-titel\"><h2 class=\"utrecht-heading-2 "
	       "atlas-filter__title\" id=\"filter-titel\">Filteren</h2>"
	       "<div class=\"atlas-filter__grid\">");
	comp_select(b, "soort", "Soort organisatie", kinds, ORG_KIND_COUNT + 1, kind);
	comp_select(b, "status", "Status", statuses, 3, str_empty(status) ? "alle" : status);
	html_raw(b,
		 "</div><div class=\"atlas-filter__actions\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		 "Filter toepassen</button>"
		 "<a class=\"utrecht-link utrecht-link--html-a\" href=\"/organisaties\">"
		 "Alle filters wissen</a></div></form>");
}

static void org_table(struct buf *b, const struct snapshot *s, const char *caption, const int *idx,
		      long from, long to)
{
	static const struct comp_col cols[] = {{"Naam", false},
					       {"Code", false},
					       {"CBS-code", false},
					       {"Actieve samenwerkingsverbanden", true}};
	comp_table_open_ex(b, caption, cols, 4, true);
	for (long k = from; k < to; k++) {
		const struct organisation *o = &s->orgs[idx[k]];
		comp_row_open(b);
		comp_th_open(b);
		comp_link_seg(b, "/organisaties", o->code, o->name);
		if (o->ended) {
			html_raw(b, " ");
			comp_badge(b, BADGE_ENDED, "Opgeheven");
		}
		comp_th_close(b);
		comp_td_open(b, false);
		html_raw(b, "<code class=\"atlas-code\">");
		html_text(b, o->code);
		html_raw(b, "</code>");
		comp_td_close(b);
		comp_td_text(b, o->cbs_code, "—");
		comp_td_int(b, o->n_active_collabs);
		comp_row_close(b);
	}
	comp_table_close(b);
}

int page_org_list(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct buf base = BUF_INIT;
	const char *kind_s = req_param(r, "soort");
	const char *status_s = req_param(r, "status");
	int kind = -1;
	enum org_status st = ORG_ALL;
	long page = 1, page_size = ORG_PAGE_SIZE;
	int status = 200;

	if (!str_empty(kind_s) &&
	    (kind = label_from_api(org_kind_labels, ORG_KIND_COUNT, kind_s)) < 0) {
		status = respond_error(r, 400, "Ongeldige parameter",
				       "De parameter 'soort' heeft een onbekende waarde.", "soort");
		goto out;
	}
	if (!str_empty(status_s)) {
		if (strcmp(status_s, "actief") == 0)
			st = ORG_ACTIVE;
		else if (strcmp(status_s, "beeindigd") == 0)
			st = ORG_ENDED;
		else if (strcmp(status_s, "alle") != 0) {
			status = respond_error(r, 400, "Ongeldige parameter",
					       "De parameter 'status' moet actief, beeindigd of "
					       "alle zijn.",
					       "status");
			goto out;
		}
	}
	const char *pg = req_param(r, "pagina");
	if (!str_empty(pg) && !parse_long(pg, 1, 10000, &page)) {
		status =
		    respond_error(r, 400, "Ongeldige parameter",
				  "De parameter 'pagina' moet een geheel getal van 1 tot en met "
				  "10000 zijn.",
				  "pagina");
		goto out;
	}
	const char *ps = req_param(r, "paginaGrootte");
	if (!str_empty(ps) && !parse_long(ps, 1, 100, &page_size)) {
		status =
		    respond_error(r, 400, "Ongeldige parameter",
				  "De parameter 'paginaGrootte' moet een geheel getal van 1 tot "
				  "en met 100 zijn.",
				  "paginaGrootte");
		goto out;
	}

	/* matching organisations, grouped (stable: name order within a group) */
	int *idx = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof(int));
	int total = 0;
	for (int g = 0; g < GRP_COUNT; g++)
		for (int i = 0; i < s->n_orgs; i++)
			if ((int)org_group(&s->orgs[i]) == g && org_matches(&s->orgs[i], kind, st))
				idx[total++] = i;
	long n_pages = (total + page_size - 1) / page_size;
	long first = (page - 1) * page_size;
	long last = first + page_size < total ? first + page_size : total;

	r->etag = s->etag;
	const struct page_head h = {.title = "Organisaties", .nav = NAV_ORGS, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Organisaties</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">De provincie, de "
		 "gemeenten, de waterschappen en de andere organisaties die in de atlas voorkomen. "
		 "Opgeheven organisaties, zoals gemeenten die zijn samengevoegd, blijven vindbaar "
		 "met een verwijzing naar hun opvolger.</p>");
	org_filter_form(b, kind_s, status_s);

	html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\"><strong>");
	html_int_nl(b, total);
	html_raw(b, total == 1 ? " organisatie" : " organisaties");
	html_raw(b, "</strong>");
	if (n_pages > 1)
		html_rawf(b, ", pagina %ld van %ld", page, n_pages);
	html_raw(b, "</p>");

	if (total == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen organisaties gevonden met deze "
			    "filters.</p>");
	} else if (first >= total) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Deze pagina bestaat niet. <a "
			    "class=\"utrecht-link utrecht-link--html-a\" href=\"/organisaties\">"
			    "Terug naar het overzicht</a>.</p>");
	}
	/* one table per group present on this page */
	for (long k = first; k < last;) {
		enum org_group g = org_group(&s->orgs[idx[k]]);
		long end = k;
		while (end < last && org_group(&s->orgs[idx[end]]) == g)
			end++;
		html_raw(b, "<h2 class=\"utrecht-heading-2\">");
		html_text(b, group_title[g]);
		html_raw(b, " <span class=\"atlas-count\">(");
		html_int_nl(b, end - k);
		html_raw(b, ")</span></h2>");
		org_table(b, s, group_title[g], idx, k, end);
		k = end;
	}

	buf_puts(&base, "/organisaties?");
	if (!str_empty(kind_s)) {
		buf_puts(&base, "soort=");
		url_arg(&base, kind_s);
		buf_putc(&base, '&');
	}
	if (!str_empty(status_s)) {
		buf_puts(&base, "status=");
		url_arg(&base, status_s);
		buf_putc(&base, '&');
	}
	if (!str_empty(ps)) {
		buf_puts(&base, "paginaGrootte=");
		url_arg(&base, ps);
		buf_putc(&base, '&');
	}
	comp_pagination(b, base.data, page, n_pages);
	html_raw(b, "<p class=\"utrecht-paragraph atlas-opendata\">Deze lijst als open data: <a "
		    "class=\"utrecht-link utrecht-link--html-a\" href=\"/api/v1/organisaties\">"
		    "JSON via de open API</a>.</p>");
	layout_end(b, s->stats.newest_confirmed);
out:
	buf_free(&base);
	return status;
}

/* A participation counts as current when it and its collaboration are active. */
static bool is_current(const struct snapshot *s, const struct participation *p)
{
	return p->active && s->collabs[p->collaboration].active;
}

static void collab_item(struct buf *b, const struct snapshot *s, const struct participation *p)
{
	const struct collaboration *c = &s->collabs[p->collaboration];
	html_raw(b, "<li>");
	comp_link_seg(b, "/samenwerkingsverbanden", c->key, c->name);
	html_raw(b, " <span class=\"atlas-meta\">— ");
	html_text(b, collab_kind_labels[c->kind].label);
	if (p->role != ROLE_DEELNEMER) {
		html_raw(b, ", ");
		html_text(b, role_labels[p->role].label);
	}
	html_raw(b, "</span></li>");
}

static void org_collabs(struct buf *b, struct request *r, const struct organisation *o)
{
	const struct snapshot *s = r->snap;
	int *per_domain = arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof(int));
	int n_current = 0, n_without = 0;
	for (int k = 0; k < o->n_parts; k++) {
		const struct participation *p = &s->parts[o->parts[k]];
		if (!is_current(s, p))
			continue;
		n_current++;
		const struct collaboration *c = &s->collabs[p->collaboration];
		for (int d = 0; d < c->n_domains; d++)
			per_domain[c->domains[d]]++;
		if (c->n_domains == 0)
			n_without++;
	}

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"samenwerkingsverbanden\">"
		    "Neemt deel aan <span class=\"atlas-count\">(");
	html_int_nl(b, n_current);
	html_raw(b, n_current == 1 ? " samenwerkingsverband)" : " samenwerkingsverbanden)");
	html_raw(b, "</span></h2>");
	if (n_current == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn geen actieve deelnames "
			    "vastgelegd.</p>");
	} else {
		/* the charts: per domain (with the summary table below as its data)
		 * and per legal form */
		struct svg_bar *bars =
		    arena_calloc(r->arena, (size_t)s->n_domains + 2, sizeof *bars);
		int nb = 0;
		for (int d = 0; d < s->n_domains; d++)
			if (per_domain[d])
				bars[nb++] =
				    (struct svg_bar){s->domains[d].name, per_domain[d], NULL};
		if (n_without)
			bars[nb++] = (struct svg_bar){"Zonder beleidsdomein", n_without, NULL};
		int per_form[LF_COUNT] = {0};
		for (int k = 0; k < o->n_parts; k++) {
			const struct participation *p = &s->parts[o->parts[k]];
			if (is_current(s, p))
				per_form[s->collabs[p->collaboration].legal_form]++;
		}
		struct svg_bar forms[LF_COUNT];
		int nf = 0;
		for (int n = 1; n <= LF_COUNT; n++) {
			int k = n % LF_COUNT; /* unknown last */
			if (per_form[k])
				forms[nf++] = (struct svg_bar){
				    k == LF_UNKNOWN ? "Onbekend" : legal_form_labels[k].label,
				    per_form[k], NULL};
		}
		const struct svg_chart dom_chart = {
		    .id = "grafiek-beleidsdomein",
		    .title = arena_printf(r->arena,
					  "Actieve samenwerkingsverbanden van %s per beleidsdomein",
					  o->name),
		    .desc = arena_printf(
			r->arena,
			"Staafdiagram: aan hoeveel actieve samenwerkingsverbanden "
			"%s deelneemt, per beleidsdomein. Een samenwerkingsverband "
			"kan onder meer dan één beleidsdomein vallen. De cijfers staan "
			"ook in de tabel eronder.",
			o->name),
		    .cat_label = "Beleidsdomein",
		    .value_label = "Samenwerkingsverbanden",
		    .bars = bars,
		    .n_bars = nb};
		const struct svg_chart form_chart = {
		    .id = "grafiek-juridische-vorm",
		    .title = arena_printf(
			r->arena, "Actieve samenwerkingsverbanden van %s per juridische vorm",
			o->name),
		    .desc =
			arena_printf(r->arena,
				     "Staafdiagram: aan hoeveel actieve samenwerkingsverbanden "
				     "%s deelneemt, per juridische vorm; onbekend staat onderaan. "
				     "Totaal %d.",
				     o->name, n_current),
		    .cat_label = "Juridische vorm",
		    .value_label = "Samenwerkingsverbanden",
		    .bars = forms,
		    .n_bars = nf};
		html_raw(b, "<link rel=\"stylesheet\" href=\"");
		html_attr(b, assets_url("css/charts.css"));
		html_raw(b, "\"><div class=\"atlas-columns\"><div><h3 class=\"utrecht-heading-3\">"
			    "Per beleidsdomein</h3>");
		svg_bar_chart(b, &dom_chart);

		/* the summary: domains with counts, linking to the sections below */
		static const struct comp_col cols[] = {{"Beleidsdomein", false},
						       {"Samenwerkingsverbanden", true}};
		comp_table_open(b, "Aantal samenwerkingsverbanden per beleidsdomein", cols, 2);
		for (int d = 0; d < s->n_domains; d++) {
			if (!per_domain[d])
				continue;
			comp_row_open(b);
			comp_th_open(b);
			html_raw(b,
				 "<a class=\"utrecht-link utrecht-link--html-a\" href=\"#domein-");
			html_attr(b, s->domains[d].key);
			html_raw(b, "\">");
			html_text(b, s->domains[d].name);
			html_raw(b, "</a>");
			comp_th_close(b);
			comp_td_int(b, per_domain[d]);
			comp_row_close(b);
		}
		if (n_without) {
			comp_row_open(b);
			comp_th_open(b);
			html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" "
				    "href=\"#domein-geen\">Zonder beleidsdomein</a>");
			comp_th_close(b);
			comp_td_int(b, n_without);
			comp_row_close(b);
		}
		comp_table_close(b);
		html_raw(b,
			 "<p class=\"utrecht-paragraph atlas-muted\">Een samenwerkingsverband kan "
			 "onder meer dan één beleidsdomein vallen en telt dan bij elk mee.</p>");
		html_raw(b, "</div><div><h3 class=\"utrecht-heading-3\">Per juridische vorm</h3>");
		svg_bar_figure(b, &form_chart, true);
		html_raw(b, "</div></div>");

		for (int d = 0; d <= s->n_domains; d++) {
			bool none = d == s->n_domains;
			if (none ? !n_without : !per_domain[d])
				continue;
			html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"domein-");
			html_attr(b, none ? "geen" : s->domains[d].key);
			html_raw(b, "\">");
			html_text(b, none ? "Zonder beleidsdomein" : s->domains[d].name);
			html_raw(b, " <span class=\"atlas-count\">(");
			html_int_nl(b, none ? n_without : per_domain[d]);
			html_raw(b,
				 ")</span></h3><ul class=\"utrecht-unordered-list atlas-list\">");
			for (int k = 0; k < o->n_parts; k++) {
				const struct participation *p = &s->parts[o->parts[k]];
				if (!is_current(s, p))
					continue;
				const struct collaboration *c = &s->collabs[p->collaboration];
				bool in = none && c->n_domains == 0;
				for (int j = 0; !none && j < c->n_domains; j++)
					in = in || c->domains[j] == d;
				if (in)
					collab_item(b, s, p);
			}
			html_raw(b, "</ul>");
		}
	}

	/* former participations and ended collaborations */
	int n_former = o->n_parts - n_current;
	if (n_former > 0) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Eerdere deelnames <span "
			    "class=\"atlas-count\">(");
		html_int_nl(b, n_former);
		html_raw(b, ")</span></h2>");
		static const struct comp_col cols[] = {{"Samenwerkingsverband", false},
						       {"Soort", false},
						       {"Toegetreden", false},
						       {"Uitgetreden", false},
						       {"Reden", false}};
		comp_table_open(b, "Eerdere deelnames en beëindigde samenwerkingsverbanden", cols,
				5);
		for (int k = 0; k < o->n_parts; k++) {
			const struct participation *p = &s->parts[o->parts[k]];
			if (is_current(s, p))
				continue;
			const struct collaboration *c = &s->collabs[p->collaboration];
			comp_row_open(b);
			comp_th_open(b);
			comp_link_seg(b, "/samenwerkingsverbanden", c->key, c->name);
			comp_th_close(b);
			comp_td_text(b, collab_kind_labels[c->kind].label, "Onbekend");
			comp_td_date(b, p->joined, "Onbekend");
			comp_td_date(b, p->left, "—");
			comp_td_text(
			    b, !c->active ? "Samenwerkingsverband beëindigd" : "Uitgetreden", "");
			comp_row_close(b);
		}
		comp_table_close(b);
	}
}

/* "Actualiteit: 3 van 12 gegevens (25 %) bevestigd in het afgelopen jaar"
 * for a partner (app/currency.h). */
static void org_currency_item(struct buf *b, const struct snapshot *s, int oi)
{
	struct currency cur;
	app_currency_of(s, oi, &cur);
	if (cur.records <= 1 && s->orgs[oi].n_parts == 0)
		return;
	comp_dl_item_open(b, "Actualiteit");
	html_int_nl(b, cur.current);
	html_raw(b, " van ");
	html_int_nl(b, cur.records);
	html_rawf(b, " gegevens (%d\u00a0%%) bevestigd in het afgelopen jaar ",
		  app_currency_percent(&cur));
	html_raw(b, "<span class=\"atlas-meta\">(de organisatie zelf, haar huidige deelnames en "
		    "de samenwerkingsverbanden waarvan zij penvoerder is; ");
	comp_link(b, "/actualiteit", "alle partners");
	html_raw(b, ")</span>");
	comp_dl_item_close(b);
}

/* ---- "in één oogopslag": the overview table (app/org_glance.h) ---------- */

static void money(struct buf *b, int64_t v)
{
	html_raw(b, "€\u00a0");
	html_int_nl(b, v);
}

static void per_inhabitant(struct buf *b, double v)
{
	html_raw(b, "€\u00a0");
	comp_decimal_nl(b, v, 2);
}

static const char *org_href(struct request *r, const char *code, const char *suffix)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "/organisaties/");
	url_seg(&u, code);
	buf_puts(&u, suffix);
	const char *out = arena_strdup(r->arena, u.data ? u.data : "/organisaties");
	buf_free(&u);
	return out;
}

/* The earliest dated council moment over all rows (-1 when none). */
static int glance_first(const struct org_glance *g)
{
	int best = -1;
	for (int i = 0; i < g->n_rows; i++)
		if (g->rows[i].has_next &&
		    (best < 0 || strcmp(g->rows[i].next.date, g->rows[best].next.date) < 0))
			best = i;
	return best;
}

static void glance_summary(struct buf *b, struct request *r, const struct org_glance *g)
{
	const struct snapshot *s = r->snap;
	const struct organisation *o = &s->orgs[g->org];
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-glance__facts\"><li><strong>Kosten: "
		    "</strong>");
	if (g->n_known > 0) {
		html_text(b, o->name);
		html_rawf(b, " draagt per jaar ");
		money(b, g->total);
		html_rawf(b, " bij aan %d van de %d samenwerkingsverbanden", g->n_known, g->n_rows);
		if (g->per_inhabitant >= 0) {
			html_raw(b, " (");
			per_inhabitant(b, g->per_inhabitant);
			html_raw(b, " per inwoner)");
		}
		html_raw(b, ".");
		if (g->n_known < g->n_rows)
			html_rawf(b, " Van %d samenwerkingsverbanden is de bijdrage niet bekend.",
				  g->n_rows - g->n_known);
	} else {
		html_raw(b, "nog van geen enkel samenwerkingsverband is de jaarlijkse bijdrage "
			    "vastgelegd.");
	}
	html_raw(b, "</li><li><strong>Eerstvolgende moment voor ");
	html_text(b, g->council.name);
	html_raw(b, ": </strong>");
	int f = glance_first(g);
	if (f >= 0) {
		const struct glance_row *row = &g->rows[f];
		html_text(b, row->next_text);
		html_raw(b, " (");
		comp_link_seg(b, "/samenwerkingsverbanden", s->collabs[row->collab].key,
			      s->collabs[row->collab].name);
		html_raw(b, ").");
	} else {
		html_raw(b, "geen datum bekend.");
	}
	html_raw(b, "</li>");
	/* the first zienswijze deadline, when it is not the moment above */
	int z = -1;
	const char *zdate = NULL;
	for (int i = 0; i < g->n_rows; i++) {
		const struct glance_row *row = &g->rows[i];
		const char *d = row->has_next && row->next.doc == WGR_DOC_ZIENSWIJZE_BEGROTING
				    ? row->next.date
				    : row->pending_date;
		if (d[0] && (!zdate || strcmp(d, zdate) < 0)) {
			z = i;
			zdate = d;
		}
	}
	if (z >= 0 && !(z == f && g->rows[z].next.doc == WGR_DOC_ZIENSWIJZE_BEGROTING)) {
		const struct glance_row *row = &g->rows[z];
		html_raw(b, "<li><strong>Eerstvolgende zienswijze: </strong>");
		html_text(b, row->has_next && row->next.doc == WGR_DOC_ZIENSWIJZE_BEGROTING
				 ? row->next_text
				 : row->pending);
		html_raw(b, " (");
		comp_link_seg(b, "/samenwerkingsverbanden", s->collabs[row->collab].key,
			      s->collabs[row->collab].name);
		html_raw(b, ").</li>");
	} else if (z < 0) {
		/* no dated zienswijze: say why, once */
		int undated = 0;
		for (int i = 0; i < g->n_rows; i++)
			undated += g->rows[i].pending[0] && !g->rows[i].pending_dated;
		if (undated > 0)
			html_rawf(
			    b,
			    "<li><strong>Zienswijzen op de begroting: </strong>bij %d "
			    "regeling%s nog zonder datum: die hangt af van de vergadering van "
			    "het algemeen bestuur, die nog niet in de atlas staat.</li>",
			    undated, undated == 1 ? "" : "en");
	}
	html_raw(b, "</ul>");
}

/* A data cell that names its column (data-label), so the table can stack
 * into labelled rows on a small screen. */
static void td_label(struct buf *b, const char *label, bool numeric)
{
	html_raw(b, numeric ? "<td class=\"utrecht-table__cell "
			      "utrecht-table__cell--numeric-column\" data-label=\""
			    : "<td class=\"utrecht-table__cell\" data-label=\"");
	html_attr(b, label);
	html_raw(b, "\">");
}

static void money_td(struct buf *b, const char *label, int64_t v)
{
	td_label(b, label, true);
	if (v >= 0)
		money(b, v);
	else
		html_raw(b, "<span class=\"atlas-muted\">onbekend</span>");
	html_raw(b, "</td>");
}

static void glance_table(struct buf *b, struct request *r, const struct org_glance *g)
{
	const struct snapshot *s = r->snap;
	const struct organisation *o = &s->orgs[g->org];
	const char *now = arena_printf(r->arena, "Bijdrage %d", g->year);
	const char *prev = arena_printf(r->arena, "Bijdrage %d", g->year - 1);
	const char *seats = arena_printf(r->arena, "Zetels namens %s", o->name);
	const char *next = arena_printf(r->arena, "Volgende moment voor %s", g->council.name);
	const struct comp_col cols[] = {{"Samenwerkingsverband, vorm en stukken", false},
					{seats, false},
					{now, true},
					{prev, true},
					{"Aandeel in het totaal", true},
					{next, false}};
	html_raw(b, "<div class=\"atlas-glance__table atlas-glance__main\">");
	comp_table_open_ex(
	    b, arena_printf(r->arena, "Samenwerkingsverbanden van %s in één oogopslag", o->name),
	    cols, 6, true);
	for (int i = 0; i < g->n_rows; i++) {
		const struct glance_row *row = &g->rows[i];
		const struct collaboration *c = &s->collabs[row->collab];
		comp_row_open(b);
		comp_th_open(b);
		comp_link_seg(b, "/samenwerkingsverbanden", c->key, c->name);
		html_raw(b, "<br><span class=\"atlas-meta\">");
		html_text(b, c->legal_form == LF_UNKNOWN
				 ? arena_printf(r->arena, "%s, vorm onbekend",
						c->kind == COLLAB_JOINT_ARRANGEMENT
						    ? "Wgr-regeling"
						    : collab_kind_labels[c->kind].label)
				 : legal_form_labels[c->legal_form].label);
		const struct participation *p = &s->parts[row->part];
		if (p->role != ROLE_DEELNEMER) {
			html_raw(b, "; ");
			html_text(b, role_labels[p->role].label);
		}
		html_raw(b, "</span>");
		if (!str_empty(c->website)) {
			html_raw(b, "<span class=\"atlas-meta atlas-glance__web\"><br>");
			comp_ext_link(b, c->website, "website (begroting, kadernota)");
			html_raw(b, "</span>");
		}
		comp_th_close(b);
		td_label(b, seats, false);
		if (row->n_seats == 0)
			html_raw(b, "<span class=\"atlas-muted\">geen vastgelegd</span>");
		for (int k = 0; k < row->n_seats; k++) {
			const struct glance_seat *st = &row->seats[k];
			if (k > 0)
				html_raw(b, "<br>");
			html_text(b, seat_body_labels[st->body].label);
			html_raw(b, ": ");
			if (st->person_key[0])
				comp_link_seg(b, "/personen", st->person_key, st->person);
			else
				html_text(b, st->person);
			if (st->by_law)
				html_raw(b, " <span class=\"atlas-meta\">(van rechtswege)</span>");
		}
		html_raw(b, "</td>");
		money_td(b, now, row->amount);
		money_td(b, prev, row->amount_prev);
		td_label(b, "Aandeel in het totaal", true);
		if (row->share >= 0) {
			comp_decimal_nl(b, row->share * 100.0, 1);
			html_raw(b, "\u00a0%<br><span class=\"atlas-meta\">van ");
			money(b, row->total);
			if (row->n_known < row->n_members)
				html_rawf(b, " (%d van %d bekend)", row->n_known, row->n_members);
			html_raw(b, "</span>");
		} else {
			html_raw(b, "<span class=\"atlas-muted\">onbekend</span>");
		}
		html_raw(b, "</td>");
		td_label(b, next, false);
		if (row->has_next) {
			html_raw(b, "<time datetime=\"");
			html_attr(b, row->next.date);
			html_raw(b, "\">");
			html_text(b, row->next_text);
			html_raw(b, "</time>");
		} else {
			html_raw(b, "<span class=\"atlas-muted\">");
			html_text(b, row->next_text);
			html_raw(b, "</span>");
		}
		if (row->pending[0]) {
			html_raw(b, row->pending_dated
					? "<span class=\"atlas-glance__zienswijze\"><br>"
					: "<span class=\"atlas-meta atlas-glance__pending\"><br>");
			html_text(b, row->pending);
			html_raw(b, "</span>");
		}
		html_raw(b, "</td>");
		comp_row_close(b);
	}
	/* totals */
	html_raw(b, "<tr class=\"utrecht-table__row atlas-glance__total\"><th scope=\"row\" "
		    "class=\"utrecht-table__header-cell atlas-row-header\">Totaal bekende "
		    "bijdragen");
	if (g->per_inhabitant >= 0) {
		html_raw(b, "<br><span class=\"atlas-meta\">");
		per_inhabitant(b, g->per_inhabitant);
		html_raw(b, " per inwoner</span>");
	}
	html_raw(b, "</th><td class=\"utrecht-table__cell atlas-glance__empty\"></td>");
	td_label(b, now, true);
	if (g->n_known > 0) {
		html_raw(b, "<strong>");
		money(b, g->total);
		html_raw(b, "</strong>");
	} else {
		html_raw(b, "onbekend");
	}
	html_raw(b, "</td>");
	money_td(b, prev, g->n_known_prev > 0 ? g->total_prev : -1);
	html_raw(b, "<td class=\"utrecht-table__cell atlas-glance__empty\"></td>"
		    "<td class=\"utrecht-table__cell atlas-glance__empty\"></td></tr>");
	comp_table_close(b);
	html_raw(b, "</div>");
	html_raw(b,
		 "<p class=\"utrecht-paragraph atlas-meta\">Bijdrage: het jaarbedrag zoals nu "
		 "vastgelegd; het vorige jaar zoals de wijzigingsgeschiedenis het op 31 december "
		 "liet zien. Aandeel: van de bekende bijdragen van alle huidige deelnemers. "
		 "Onbekend telt nooit als nul. Termijnen volgen uit de Wgr; de eigen regeling kan "
		 "eerdere data afspreken. Links naar begroting en kadernota zelf staan nog niet in "
		 "de atlas; waar bekend verwijzen we naar de website van de regeling.</p>");
}

static void glance_peers_table(struct buf *b, struct request *r, const struct org_glance *g)
{
	const struct snapshot *s = r->snap;
	const struct organisation *o = &s->orgs[g->org];
	html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"vergelijking\">Vergelijking</h3>");
	if (g->n_peers == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen vergelijking mogelijk: het "
			    "inwonertal is niet bekend.</p>");
		return;
	}
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, arena_printf(r->arena,
				  "%s naast de %s%s met het inwonertal dat het dichtst bij ligt.",
				  o->name,
				  o->kind == ORG_MUNICIPALITY  ? "gemeenten"
				  : o->kind == ORG_WATER_BOARD ? "waterschappen"
							       : "organisaties van dezelfde soort",
				  o->in_province ? " in de provincie" : ""));
	html_raw(b, "</p>");
	static const struct comp_col cols[] = {{"Organisatie", false},
					       {"Inwoners", true},
					       {"Samenwerkingsverbanden", true},
					       {"Bijdrage bekend", true},
					       {"Bekende bijdragen per jaar", true},
					       {"Per inwoner", true}};
	html_raw(b, "<div class=\"atlas-glance__table\">");
	comp_table_open(b, "Bekende bijdragen vergeleken", cols, 6);
	for (int i = -1; i < g->n_peers; i++) {
		int oi = i < 0 ? g->org : g->peers[i].org;
		const struct organisation *x = &s->orgs[oi];
		int64_t total = i < 0 ? g->total : g->peers[i].total;
		int known = i < 0 ? g->n_known : g->peers[i].n_known;
		int n = i < 0 ? g->n_rows : g->peers[i].n_collabs;
		double per = i < 0 ? g->per_inhabitant : g->peers[i].per_inhabitant;
		comp_row_open(b);
		comp_th_open(b);
		if (i < 0)
			html_raw(b, "<strong>");
		comp_link_seg(b, "/organisaties", x->code, x->name);
		if (i < 0)
			html_raw(b, "</strong>");
		comp_th_close(b);
		td_label(b, "Inwoners", true);
		html_int_nl(b, x->population);
		html_raw(b, "</td>");
		td_label(b, "Samenwerkingsverbanden", true);
		html_int_nl(b, n);
		html_raw(b, "</td>");
		td_label(b, "Bijdrage bekend", true);
		html_rawf(b, "%d van %d", known, n);
		html_raw(b, "</td>");
		money_td(b, "Bekende bijdragen per jaar", known > 0 ? total : -1);
		td_label(b, "Per inwoner", true);
		if (per >= 0)
			per_inhabitant(b, per);
		else
			html_raw(b, "<span class=\"atlas-muted\">onbekend</span>");
		html_raw(b, "</td>");
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</div>");
	html_raw(b, "<p class=\"utrecht-paragraph atlas-meta\">Alleen bekende bijdragen tellen "
		    "mee; vergelijk per inwoner alleen bij een vergelijkbaar aantal bekende "
		    "bijdragen.</p>");
}

/* The overview section: summary, the table, the comparison and the links
 * to the printable overview and the council feed. */
static void org_glance_section(struct buf *b, struct request *r, int oi, bool standalone)
{
	const struct snapshot *s = r->snap;
	const struct organisation *o = &s->orgs[oi];
	struct org_glance g;
	if (org_glance_build(store_thread(), s, oi, r->user, r->arena, &g) != 0)
		return;
	html_raw(b, "<section class=\"atlas-glance\" aria-labelledby=\"oogopslag\">");
	if (!standalone)
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"oogopslag\">In één "
			    "oogopslag</h2>");
	else
		html_raw(b, "<h2 class=\"utrecht-heading-2 atlas-visually-hidden\" "
			    "id=\"oogopslag\">Overzicht</h2>");
	if (g.n_rows == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_text(b, o->name);
		html_raw(b, " neemt aan geen actieve samenwerkingsverbanden deel.</p></section>");
		return;
	}
	glance_summary(b, r, &g);
	glance_table(b, r, &g);
	if (o->kind == ORG_MUNICIPALITY || o->kind == ORG_WATER_BOARD || o->kind == ORG_PROVINCE)
		glance_peers_table(b, r, &g);
	html_raw(b, "<p class=\"utrecht-paragraph atlas-glance__links\">");
	if (!standalone) {
		comp_link(b, org_href(r, o->code, "/overzicht"), "Afdrukbaar overzicht (één A4)");
		html_raw(b, " · ");
	}
	comp_link(b, org_href(r, o->code, "/raadskalender.ics"),
		  arena_printf(r->arena, "Agenda voor %s (iCal: zienswijzen en agenderen)",
			       g.council.name));
	html_raw(b, " · ");
	comp_link(b, org_href(r, o->code, "/kalender"), "Wgr-kalender");
	html_raw(b, " · ");
	if (o->kind == ORG_MUNICIPALITY && !str_empty(o->cbs_code)) {
		comp_link(b, org_href(r, o->code, "/kennis"), "Cijfers en vergelijking");
		html_raw(b, " · ");
		comp_link(
		    b,
		    arena_printf(r->arena, "/financien/%s", ascii_lower_dup(r->arena, o->cbs_code)),
		    "Lasten en baten vergeleken");
		html_raw(b, " · ");
	}
	if (o->kind == ORG_MUNICIPALITY || o->kind == ORG_WATER_BOARD ||
	    o->kind == ORG_JOINT_BODY) {
		comp_link(b, org_href(r, o->code, "/toezicht"), "Interbestuurlijk toezicht");
		html_raw(b, " · ");
	}
	comp_link(b, org_href(r, o->code, "/geschiedenis"), "Geschiedenis van de wijzigingen");
	html_raw(b, " · ");
	comp_link(b, arena_printf(r->arena, "/api/v1%s", org_href(r, o->code, "/overzicht")),
		  "als JSON");
	html_raw(b, "</p></section>");
}

/* The date control for time travel (a small GET form). */
static void org_timetravel_form(struct buf *b, struct request *r, const char *action)
{
	html_raw(b, "<form class=\"utrecht-form atlas-timetravel-form\" method=\"get\" "
		    "action=\"");
	html_attr(b, action);
	html_raw(b, "\">");
	history_timetravel_field(b, r);
	html_raw(b, "<button class=\"utrecht-button utrecht-button--secondary-action\" "
		    "type=\"submit\">Toon op deze datum</button></form>");
}

static int org_show(struct request *r, const void *tt);

int page_org_overview(struct request *r)
{
	int tt_status = 0;
	void *tt = history_timetravel_begin(r, &tt_status);
	if (tt_status)
		return tt_status;
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	int oi = snapshot_find_org(s, r->path_args[0]);
	if (oi < 0) {
		history_timetravel_end(r, tt);
		return respond_not_found(r);
	}
	const struct organisation *o = &s->orgs[oi];
	r->etag = s->etag;
	const char *title = arena_printf(r->arena, "%s in één oogopslag", o->name);
	const struct crumb crumbs[] = {{"Organisaties", "/organisaties"},
				       {o->name, org_href(r, o->code, "")},
				       {"Overzicht", NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1><p class=\"utrecht-paragraph atlas-meta\">Stand van ");
	html_date_nl(b, s->today);
	html_raw(b, " · Samenwerkingsatlas provincie Utrecht</p>");
	history_timetravel_notice(b, r, tt);
	org_glance_section(b, r, oi, true);
	layout_end(b, s->stats.newest_confirmed);
	history_timetravel_end(r, tt);
	return 200;
}

int page_org_show(struct request *r)
{
	int tt_status = 0; /* ?peildatum= swaps r->snap for that date */
	void *tt = history_timetravel_begin(r, &tt_status);
	if (tt_status)
		return tt_status;
	int status = org_show(r, tt);
	history_timetravel_end(r, tt);
	return status;
}

static int org_show(struct request *r, const void *tt)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	int oi = snapshot_find_org(s, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[oi];
	r->etag = s->etag;

	const struct crumb crumbs[] = {{"Organisaties", "/organisaties"}, {o->name, NULL}};
	const struct page_head h = {
	    .title = o->name, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, o->name);
	html_raw(b, "</h1><p class=\"atlas-badges\">");
	comp_badge(b, BADGE_NEUTRAL, org_kind_labels[o->kind].label);
	if (o->ended) {
		html_raw(b, " ");
		comp_badge(b, BADGE_ENDED, "Opgeheven");
	}
	provenance_stale_badge(b, s, o->last_confirmed);
	html_raw(b, "</p>");
	form_flash(b, r);
	history_timetravel_notice(b, r, tt);
	/* provenance per field, read per request (app/provenance.h) */
	struct prov_view pv;
	if (app_provenance_for_org(r->arena, s, oi, &pv))
		log_error("org %s: provenance unavailable", o->code);
	struct prov_record pr = {.view = &pv, .entity = "organisation", .key = o->code};

	if (o->ended) {
		html_raw(
		    b, "<div class=\"utrecht-alert utrecht-alert--warning atlas-notice\" "
		       "role=\"note\"><div class=\"utrecht-alert__content\">"
		       "<p class=\"utrecht-alert__message\"><strong>Deze organisatie bestaat niet "
		       "meer.</strong> ");
		if (!str_empty(o->valid_to)) {
			html_raw(b, "Opgeheven per ");
			html_date_nl(b, o->valid_to);
			html_raw(b, ". ");
		}
		if (o->successor >= 0) {
			const struct organisation *succ = &s->orgs[o->successor];
			html_raw(b, "Opgevolgd door ");
			comp_link_seg(b, "/organisaties", succ->code, succ->name);
			html_raw(b, ".");
		} else {
			html_raw(b, "De opvolger is niet bekend uit de bronnen.");
		}
		html_raw(b, "</p></div></div>");
	}
	if (!str_empty(o->note)) {
		html_raw(b, "<p class=\"utrecht-paragraph\"><strong>Toelichting:</strong> ");
		html_text(b, o->note);
		html_raw(b, "</p>");
	}
	if (o->n_parts > 0)
		org_glance_section(b, r, oi, false);
	org_timetravel_form(b, r, org_href(r, o->code, ""));

	/* the details below do not print: the overview above is the paper copy */
	html_raw(b, "<div class=\"atlas-glance-more\">");
	html_raw(b, "<h2 class=\"utrecht-heading-2\">Gegevens</h2>");
	comp_dl_open(b);
	if (app_provenance_find(&pv, "organisation", o->code, "name", false) ||
	    app_provenance_find(&pv, "organisation", o->code, "name", true))
		provenance_dl_text(b, &pr, "Naam", o->name, "name", NULL);
	comp_dl_text(b, "Soort", org_kind_labels[o->kind].label);
	comp_dl_item_open(b, "Code in deze atlas");
	html_raw(b, "<code class=\"atlas-code\">");
	html_text(b, o->code);
	html_raw(b, "</code>");
	comp_dl_item_close(b);
	if (o->kind == ORG_MUNICIPALITY || o->kind == ORG_PROVINCE || !str_empty(o->cbs_code))
		provenance_dl_text(b, &pr, "CBS-code", o->cbs_code, "cbs_code", "CBS-code");
	provenance_dl_text(b, &pr, "TOOI-code", o->tooi, "tooi", "TOOI-code");
	/* the flag is reliable for current gemeenten and provinces (CBS indeling) only */
	if (!o->ended && (o->kind == ORG_MUNICIPALITY || o->kind == ORG_PROVINCE))
		comp_dl_text(b, "Ligt in provincie Utrecht", o->in_province ? "Ja" : "Nee");
	/* population and area: gemeenten and provinces have them (CBS); for
	 * others an empty value is no gap */
	bool has_cbs = o->kind == ORG_MUNICIPALITY || o->kind == ORG_PROVINCE;
	if (o->population >= 0) {
		comp_dl_item_open(b, "Inwoners");
		html_int_nl(b, o->population);
		html_raw(b, " <span class=\"atlas-meta\">(Bron: CBS");
		if (!str_empty(o->population_date)) {
			html_raw(b, ", peildatum ");
			html_date_nl(b, o->population_date);
		}
		html_raw(b, ")</span>");
		provenance_marks(b, &pr, "population");
		comp_dl_item_close(b);
	} else if (has_cbs && !o->ended) {
		provenance_add_gap(&pr, "inwoners");
	}
	if (o->area_km2 >= 0) {
		comp_dl_item_open(b, "Oppervlakte");
		comp_decimal_nl(b, o->area_km2, 2);
		html_raw(b, "\u00a0km² <span class=\"atlas-meta\">(Bron: CBS");
		if (!str_empty(o->population_date)) {
			html_raw(b, ", peildatum ");
			html_date_nl(b, o->population_date);
		}
		html_raw(b, ")</span>");
		comp_dl_item_close(b);
	} else if (has_cbs && !o->ended) {
		provenance_add_gap(&pr, "oppervlakte");
	}
	provenance_dl_date(b, &pr, "Bestaat sinds", o->valid_from, "valid_from", NULL);
	if (o->ended || app_provenance_find(&pv, "organisation", o->code, "valid_to", true))
		provenance_dl_date(b, &pr, "Opgeheven per", o->ended ? o->valid_to : "", "valid_to",
				   "datum van opheffing");
	if (o->successor >= 0) {
		comp_dl_item_open(b, "Opvolger");
		comp_link_seg(b, "/organisaties", s->orgs[o->successor].code,
			      s->orgs[o->successor].name);
		provenance_marks(b, &pr, "successor_code");
		comp_dl_item_close(b);
	}
	if (o->n_predecessors > 0) {
		comp_dl_item_open(b, o->n_predecessors == 1 ? "Voorganger" : "Voorgangers");
		for (int k = 0; k < o->n_predecessors; k++) {
			const struct organisation *pre = &s->orgs[o->predecessors[k]];
			if (k > 0)
				html_raw(b, ", ");
			comp_link_seg(b, "/organisaties", pre->code, pre->name);
		}
		comp_dl_item_close(b);
	}
	if (o->collaboration >= 0) {
		const struct collaboration *c = &s->collabs[o->collaboration];
		comp_dl_item_open(b, "Orgaan van samenwerkingsverband");
		comp_link_seg(b, "/samenwerkingsverbanden", c->key, c->name);
		comp_dl_item_close(b);
	}
	comp_dl_item_open(b, "Laatst bevestigd");
	provenance_confirmed(b, s, o->last_confirmed, o->confirmed_by);
	comp_dl_item_close(b);
	org_currency_item(b, s, oi);
	comp_dl_close(b);
	{
		struct buf u = BUF_INIT;
		buf_puts(&u, "/organisaties/");
		url_seg(&u, o->code);
		const char *base = arena_strdup(r->arena, u.data);
		buf_free(&u);
		provenance_gaps_line(b, &pr,
				     policy_may_edit_org(r->user, s, oi)
					 ? arena_printf(r->arena, "%s/bewerken", base)
					 : NULL,
				     arena_printf(r->arena, "%s/melding", base));
	}
	comp_source_note(b, s, o->source, o->last_confirmed);
	if (policy_may_edit_org(r->user, r->snap, oi)) {
		struct buf u = BUF_INIT;
		buf_puts(&u, "/organisaties/");
		url_seg(&u, o->code);
		const char *base = arena_strdup(r->arena, u.data);
		buf_free(&u);
		html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"beheer-kop\">"
			    "<h2 class=\"utrecht-heading-2\" id=\"beheer-kop\">Beheer</h2>"
			    "<p class=\"utrecht-paragraph\">");
		comp_link(b, arena_printf(r->arena, "%s/bewerken", base), "Gegevens bewerken");
		html_raw(b, "</p>");
		form_confirm_button(b, r, arena_printf(r->arena, "%s/bevestigen", base), o->version,
				    o->name, NULL);
		html_raw(b, "</section>");
	}

	org_collabs(b, r, o);
	people_render_org_section(b, r, oi);

	if (o->n_parts > 0) {
		/* the council member's view of the Wgr deadlines */
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link "
			    "utrecht-link--html-a\" href=\"/organisaties/");
		url_seg(b, o->code);
		html_raw(b, "/kalender\">Wgr-kalender: wanneer moet de raad een zienswijze "
			    "geven?</a></p>");
	}
	provenance_sources_section(b, s, &pv);
	html_raw(b, "<p class=\"utrecht-paragraph atlas-opendata\">");
	if (o->n_parts > 0) {
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" "
			    "href=\"/samenwerkingsverbanden?deelnemer=");
		url_arg(b, o->code);
		html_raw(b, "\">Bekijk deze samenwerkingsverbanden in de lijst</a> · ");
	}
	html_raw(b, "Als open data: <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/api/v1/organisaties/");
	url_seg(b, o->code);
	html_raw(b, "/deelnames\">deelnames in JSON</a> · <a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"/organisaties/");
	url_seg(b, o->code);
	html_raw(b, "/deelnames.csv\">deelnames als CSV (spreadsheet)</a>.</p>");
	relaties_org_section(b, r, o->code);	/* "Uw accounthouder", signed-in only */
	bibliotheek_org_section(b, r, o->code); /* public items of or about it */
	corrections_section(b, form_record_href(r, "/organisaties/", o->code, NULL));
	html_raw(b, "</div>");
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}
