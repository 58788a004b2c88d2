/*
 * map — the map page /kaart and its CSV download. See map.h. The view is
 * app/map.c, the shapes io/geo.c, the GeoJSON downloads api/api_map.c.
 *
 * The map is a server-rendered SVG (equirectangular projection, longitude
 * scaled by cos 52°): every gemeente is an SVG link (focusable, Enter
 * selects it, works without JavaScript) with a <title>, filled by legend
 * class. web/js/map.js enhances the same markup (recolouring from the API,
 * side panel, highlighting) without replacing it. No tiles, no external
 * requests. Reads the snapshot only; writes nothing.
 */
#include "auth_ui.h"
#include "forms.h"
#include "filter_form.h"
#include "map.h"
#include "../app/map.h"
#include "../domain/labels.h"
#include "../io/geo.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/assets.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/json.h"
#include "../render/layout.h"

#include "history.h"
#include "../domain/regions.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- page helpers ------------------------------------------------------------------- */

/* Query keys /kaart keeps in its links, in order. */
static const char *const page_keys[] = {
    "beleidsdomein", "juridischeVorm", "fase",	    "soort",	     "verband",	  "gemeente", "met",
    "sorteer",	     "weergave",       "vergelijk", "waterschappen", "peildatum", NULL};

/* Append "k=v&" for every key of page_keys with a value, except those in
 * skip (NULL-terminated), then `extra` (already encoded, may be NULL). */
static void query(struct buf *q, const struct request *r, const char *const *skip)
{
	for (int i = 0; page_keys[i]; i++) {
		bool skipped = false;
		for (int j = 0; skip && skip[j]; j++)
			skipped = skipped || strcmp(skip[j], page_keys[i]) == 0;
		const char *val = req_param(r, page_keys[i]);
		if (skipped || str_empty(val))
			continue;
		url_arg(q, page_keys[i]);
		buf_putc(q, '=');
		url_arg(q, val);
		buf_putc(q, '&');
	}
}

/* "path?query" without a trailing separator, in the request arena. */
static const char *href(struct request *r, const char *path, const char *const *skip,
			const char *key, const char *val)
{
	struct buf q = BUF_INIT;
	buf_puts(&q, path);
	buf_putc(&q, '?');
	query(&q, r, skip);
	if (key && val) {
		url_arg(&q, key);
		buf_putc(&q, '=');
		url_arg(&q, val);
		buf_putc(&q, '&');
	}
	q.data[--q.len] = '\0'; /* the trailing '?' or '&' */
	const char *out = arena_strdup(r->arena, q.data ? q.data : path);
	buf_free(&q);
	return out;
}

static void class_label(struct buf *b, const struct map_class *c)
{
	if (c->lo == c->hi)
		html_int_nl(b, c->lo);
	else {
		html_int_nl(b, c->lo);
		html_raw(b, " tot en met ");
		html_int_nl(b, c->hi);
	}
}

static void swatch(struct buf *b, int shade)
{
	html_rawf(
	    b,
	    "<svg class=\"atlas-map__swatch\" width=\"20\" height=\"20\" viewBox=\"0 0 20 20\" "
	    "aria-hidden=\"true\" focusable=\"false\"><rect class=\"atlas-map__t%d\" x=\"1\" "
	    "y=\"1\" width=\"18\" height=\"18\"/></svg>",
	    shade);
}

static void legend(struct buf *b, const struct map_view *v)
{
	html_raw(b,
		 "<div class=\"atlas-map__legend\" id=\"kaart-legenda\">"
		 "<h2 class=\"utrecht-heading-3 atlas-map__legend-title\">Legenda: aantal actieve "
		 "samenwerkingsverbanden per gemeente</h2><ul class=\"atlas-map__legend-list\">");
	for (int i = 0; i < v->k.n; i++) {
		html_raw(b, "<li class=\"atlas-map__legend-item\">");
		swatch(b, v->k.c[i].shade);
		html_raw(b, "<span>");
		class_label(b, &v->k.c[i]);
		html_raw(b, "</span></li>");
	}
	html_raw(b, "</ul>");
	html_raw(b, "<p class=\"atlas-map__legend-note\">Hoe donkerder, hoe meer "
		    "samenwerkingsverbanden. Het getal op de kaart is het aantal.");
	html_raw(b, "</p></div>");
}

/* The static SVG map; every gemeente an SVG link that selects it. */
static void svg_map(struct request *r, const struct map_view *v, int sel_gemeente)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const char *const skip_g[] = {"gemeente", "met", NULL};
	html_rawf(b,
		  "<svg class=\"atlas-map__svg\" id=\"kaart-svg\" viewBox=\"0 0 %.0f %.0f\" "
		  "role=\"group\" aria-labelledby=\"kaart-svg-titel\">",
		  GEO_VIEW_W, geo_view_height());
	html_raw(b, "<title id=\"kaart-svg-titel\">Kaart van de gemeenten in de provincie Utrecht, "
		    "gekleurd naar het aantal actieve samenwerkingsverbanden</title>");
	html_raw(b, "<g class=\"atlas-map__areas\">");
	for (int j = 0; j < v->n; j++) {
		if (v->feature[j] < 0)
			continue;
		const struct organisation *o = &s->orgs[v->orgs[j]];
		const char *label = arena_printf(
		    r->arena, "%s: %d actieve %s", o->name, v->counts[j],
		    v->counts[j] == 1 ? "samenwerkingsverband" : "samenwerkingsverbanden");
		html_raw(b, "<a class=\"atlas-map__link\" href=\"");
		html_attr(b, href(r, "/kaart", skip_g, "gemeente", o->code));
		html_raw(b, "#kaart-paneel\" data-code=\"");
		html_attr(b, o->code);
		html_raw(b, "\" aria-label=\"");
		html_attr(b, label);
		html_raw(b, "\"");
		if (j == sel_gemeente)
			html_raw(b, " aria-current=\"true\"");
		html_rawf(b, "><path class=\"atlas-map__area atlas-map__t%d",
			  v->k.c[v->cls[j] < 0 ? 0 : v->cls[j]].shade);
		if (j == sel_gemeente)
			html_raw(b, " is-selected");
		if (v->verband >= 0)
			html_raw(b, mapcount_takes_part(s, v->verband, v->orgs[j]) ? " is-in"
										   : " is-dim");
		html_raw(b, "\" d=\"");
		html_raw(b, geo_feature_at(v->feature[j])->path_d); /* numbers and M/L/Z only */
		html_raw(b, "\"><title>");
		html_text(b, label);
		html_raw(b, "</title></path></a>");
	}
	html_raw(b, "</g><g class=\"atlas-map__nums\" aria-hidden=\"true\">");
	for (int j = 0; j < v->n; j++) {
		if (v->feature[j] < 0)
			continue;
		int shade = v->k.c[v->cls[j] < 0 ? 0 : v->cls[j]].shade;
		html_rawf(b,
			  "<text class=\"atlas-map__num%s%s\" x=\"%.1f\" y=\"%.1f\" "
			  "data-code=\"",
			  shade >= 3 ? " atlas-map__num--light" : "",
			  v->verband >= 0 && !mapcount_takes_part(s, v->verband, v->orgs[j])
			      ? " is-dim"
			      : "",
			  geo_feature_at(v->feature[j])->lx, geo_feature_at(v->feature[j])->ly);
		html_attr(b, s->orgs[v->orgs[j]].code);
		html_rawf(b, "\">%d</text>", v->counts[j]);
	}
	html_raw(b, "</g></svg>");
}

/* The filter form (GET /kaart). */
static void filter_form(struct request *r, const struct map_view *v)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct arena *a = r->arena;
	struct comp_option *o;
	int n;

	html_raw(b,
		 "<form class=\"utrecht-form atlas-filter atlas-map__filter\" id=\"kaart-filter\" "
		 "method=\"get\" action=\"/kaart\" aria-labelledby=\"filter-titel\">"
		 "<h2 class=\"utrecht-heading-2 atlas-filter__title\" id=\"filter-titel\">"
		 "Wat wilt u zien?</h2><div class=\"atlas-filter__grid\">");
	filter_form_selects(r, FF_DOMAIN | FF_LEGAL_FORM | FF_PHASE | FF_KIND);

	/* the collaborations passing the filters, plus the chosen one */
	o = arena_calloc(a, (size_t)v->n_matching + 2, sizeof *o);
	o[0] = (struct comp_option){"", "Geen"};
	n = 1;
	bool chosen_listed = false;
	for (int m = 0; m < v->n_matching; m++) {
		const struct collaboration *c = &s->collabs[v->matching[m]];
		o[n++] = (struct comp_option){c->key, c->name};
		chosen_listed = chosen_listed || v->matching[m] == v->verband;
	}
	if (v->verband >= 0 && !chosen_listed)
		o[n++] =
		    (struct comp_option){s->collabs[v->verband].key, s->collabs[v->verband].name};
	comp_select(b, "verband",
		    v->mode == MAP_MODE_REGIONS ? "Eén verband als gebied"
						: "Samenwerkingsverband uitlichten",
		    o, n, v->verband >= 0 ? s->collabs[v->verband].key : "");

	/* the second indeling, the view, the water boards, the date */
	struct comp_option *d = arena_calloc(a, (size_t)s->n_domains + 1, sizeof *d);
	d[0] = (struct comp_option){"", "Niet vergelijken"};
	for (int i = 0; i < s->n_domains; i++)
		d[i + 1] = (struct comp_option){s->domains[i].key, s->domains[i].name};
	comp_select(b, "vergelijk", "Vergelijk met beleidsdomein", d, s->n_domains + 1,
		    v->cmp_domain >= 0 ? s->domains[v->cmp_domain].key : "");
	static const struct comp_option views[] = {{"regio", "Regio-indeling"},
						   {"aantal", "Aantal per gemeente"}};
	comp_select(b, "weergave", "Weergave", views, 2,
		    v->mode == MAP_MODE_COUNT ? "aantal" : "regio");
	html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox "
		    "atlas-map__layer\"><div class=\"utrecht-form-field__input\"><input "
		    "class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" "
		    "id=\"f-waterschappen\" name=\"waterschappen\" value=\"ja\"");
	if (v->waterboards)
		html_raw(b, " checked");
	html_raw(b, "></div><div class=\"utrecht-form-field__label "
		    "utrecht-form-field__label--checkbox\"><label class=\"utrecht-form-label "
		    "utrecht-form-label--checkbox\" for=\"f-waterschappen\">Waterschapsgrenzen "
		    "tonen</label></div></div>");
	history_timetravel_field(b, r);
	html_raw(b, "</div>");
	/* keep the chosen gemeente and sort order across a form submit */
	for (int i = 0; i < 3; i++) {
		static const char *const keep[] = {"gemeente", "met", "sorteer"};
		const char *val = req_param(r, keep[i]);
		if (str_empty(val))
			continue;
		form_hidden(b, keep[i], val);
	}
	html_raw(b,
		 "<div class=\"atlas-filter__actions\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		 "Kaart bijwerken</button>"
		 "<a class=\"utrecht-link utrecht-link--html-a\" href=\"/kaart\">"
		 "Alle filters wissen</a></div></form>");
}

/* List item with a link to one organisation and its kind. */
static void org_item(struct buf *b, const struct organisation *o, int shared)
{
	html_raw(b, "<li>");
	comp_link_seg(b, "/organisaties", o->code, o->name);
	html_raw(b, " <span class=\"atlas-muted\">(");
	html_text(b, org_kind_labels[o->kind].label);
	if (!o->in_province && o->kind != ORG_WATER_BOARD) /* water boards cross borders anyway */
		html_raw(b, ", buiten de provincie");
	if (shared > 0) {
		html_raw(b, "; ");
		html_int_nl(b, shared);
		html_raw(b, " gedeeld");
	}
	html_raw(b, ")</span></li>");
}

/* The side panel part for the chosen collaboration. */
static void panel_verband(struct request *r, const struct map_view *v)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const struct collaboration *c = &s->collabs[v->verband];
	int n_in = 0, n_off = 0;
	for (int j = 0; j < v->n; j++)
		n_in += mapcount_takes_part(s, v->verband, v->orgs[j]);
	html_raw(b, "<section class=\"atlas-map__section\" aria-labelledby=\"paneel-verband\">"
		    "<h2 class=\"utrecht-heading-3\" id=\"paneel-verband\">Uitgelicht: ");
	html_text(b, c->name);
	html_raw(b, "</h2><p class=\"utrecht-paragraph\">");
	if (!c->active)
		html_raw(b, "Dit samenwerkingsverband is beëindigd. ");
	html_raw(b, "Op de kaart zijn de deelnemende gemeenten omlijnd; de andere zijn lichter. ");
	comp_link_seg(b, "/samenwerkingsverbanden", c->key, "Alle gegevens van dit verband");
	html_raw(b, ".</p><h3 class=\"utrecht-heading-4\">Deelnemende gemeenten (");
	html_int_nl(b, n_in);
	html_raw(b, ")</h3>");
	if (n_in == 0)
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen gemeenten op de kaart.</p>");
	else {
		html_raw(b, "<ul class=\"utrecht-unordered-list atlas-map__list\">");
		for (int j = 0; j < v->n; j++)
			if (mapcount_takes_part(s, v->verband, v->orgs[j])) {
				const struct organisation *o = &s->orgs[v->orgs[j]];
				html_raw(b, "<li>");
				comp_link_seg(b, "/organisaties", o->code, o->name);
				html_raw(b, "</li>");
			}
		html_raw(b, "</ul>");
	}
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		n_off += p->active && map_view_pos(v, p->organisation) < 0;
	}
	html_raw(b, "<h3 class=\"utrecht-heading-4\">Deelnemers zonder vorm op de kaart (");
	html_int_nl(b, n_off);
	html_raw(b, ")</h3>");
	if (n_off == 0) {
		html_raw(b,
			 "<p class=\"utrecht-paragraph\">Geen: alle deelnemers zijn gemeenten op "
			 "de kaart.</p>");
	} else {
		html_raw(b, "<ul class=\"utrecht-unordered-list atlas-map__list\">");
		for (int k = 0; k < c->n_parts; k++) {
			const struct participation *p = &s->parts[c->parts[k]];
			if (p->active && map_view_pos(v, p->organisation) < 0)
				org_item(b, &s->orgs[p->organisation], 0);
		}
		html_raw(b, "</ul>");
	}
	html_raw(b, "</section>");
}

/* The side panel part for the chosen gemeente (position j), optionally
 * narrowed to what it shares with gemeente `with` (position or -1). */
static void panel_gemeente(struct request *r, const struct map_view *v, int j, int with)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const struct organisation *g = &s->orgs[v->orgs[j]];
	const struct organisation *w = with >= 0 ? &s->orgs[v->orgs[with]] : NULL;
	html_raw(b, "<section class=\"atlas-map__section\" aria-labelledby=\"paneel-gemeente\">"
		    "<h2 class=\"utrecht-heading-3\" id=\"paneel-gemeente\">");
	html_text(b, g->name);
	html_raw(b, "</h2><p class=\"utrecht-paragraph\">Neemt deel aan <strong>");
	html_int_nl(b, v->counts[j]);
	html_raw(b, v->counts[j] == 1 ? " actief samenwerkingsverband"
				      : " actieve samenwerkingsverbanden");
	html_raw(b, "</strong> (met de gekozen filters). ");
	comp_link_seg(b, "/organisaties", g->code, "Alle gegevens van deze gemeente");
	html_raw(b, ".</p>");
	if (v->mode == MAP_MODE_REGIONS && !v->too_many && v->n_areas > 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\" id=\"paneel-gebieden\">Ligt in ");
		html_int_nl(b, v->n_areas_of[j]);
		html_raw(b, v->n_areas_of[j] == 1 ? " getoond gebied" : " getoonde gebieden");
		int k = 0;
		for (int i = 0; i < v->n_areas; i++)
			if (v->areas[i].in[j]) {
				html_raw(b, k++ ? "; " : ": ");
				html_text(b, v->areas[i].label);
				html_raw(b, " ");
				html_text(b, s->collabs[v->areas[i].collab].name);
			}
		html_raw(b, ".</p>");
	}

	/* compare with another gemeente */
	html_raw(
	    b, "<form class=\"atlas-map__compare\" method=\"get\" action=\"/kaart#kaart-paneel\">");
	for (int i = 0; page_keys[i]; i++) {
		const char *val = req_param(r, page_keys[i]);
		if (strcmp(page_keys[i], "met") == 0 || str_empty(val))
			continue;
		html_raw(b, "<input type=\"hidden\" name=\"");
		html_attr(b, page_keys[i]);
		html_raw(b, "\" value=\"");
		html_attr(b, val);
		html_raw(b, "\">");
	}
	struct comp_option *o = arena_calloc(r->arena, (size_t)v->n + 1, sizeof *o);
	int n = 0;
	o[n++] = (struct comp_option){"", "Geen (alle samenwerkingsverbanden)"};
	for (int q = 0; q < v->n; q++)
		if (q != j)
			o[n++] = (struct comp_option){s->orgs[v->orgs[q]].code,
						      s->orgs[v->orgs[q]].name};
	comp_select(b, "met", "Gedeeld met gemeente", o, n, w ? w->code : "");
	html_raw(b, "<button class=\"utrecht-button utrecht-button--secondary-action "
		    "atlas-map__compare-button\" type=\"submit\">Toon gedeelde</button></form>");

	int *shared = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof(int));
	int n_list = 0;
	struct buf items = BUF_INIT;
	for (int m = 0; m < v->n_matching; m++) {
		int c = v->matching[m];
		if (!mapcount_takes_part(s, c, v->orgs[j]))
			continue;
		if (w && !mapcount_takes_part(s, c, v->orgs[with]))
			continue;
		n_list++;
		const struct collaboration *col = &s->collabs[c];
		buf_puts(&items, "<li>");
		comp_link_seg(&items, "/samenwerkingsverbanden", col->key, col->name);
		buf_puts(&items, "</li>");
		for (int k = 0; k < col->n_parts; k++) {
			const struct participation *p = &s->parts[col->parts[k]];
			const struct organisation *po = &s->orgs[p->organisation];
			if (p->active && map_view_pos(v, p->organisation) < 0 &&
			    (po->kind == ORG_WATER_BOARD || !po->in_province) &&
			    !(k > 0 && s->parts[col->parts[k - 1]].organisation == p->organisation))
				shared[p->organisation]++;
		}
	}
	html_raw(b, "<h3 class=\"utrecht-heading-4\">");
	if (w) {
		html_raw(b, "Gedeeld met ");
		html_text(b, w->name);
	} else {
		html_raw(b, "Samenwerkingsverbanden");
	}
	html_raw(b, " (");
	html_int_nl(b, n_list);
	html_raw(b, ")</h3>");
	if (n_list == 0)
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen met deze filters.</p>");
	else {
		html_raw(b, "<ul class=\"utrecht-unordered-list atlas-map__list\">");
		buf_add(b, items.data, items.len);
		html_raw(b, "</ul>");
	}
	buf_free(&items);

	int n_off = 0;
	for (int q = 0; q < s->n_orgs; q++)
		n_off += shared[q] > 0;
	html_raw(b,
		 "<h3 class=\"utrecht-heading-4\">Waterschappen en partners buiten de provincie (");
	html_int_nl(b, n_off);
	html_raw(b, ")</h3>");
	if (n_off == 0)
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen in deze "
			    "samenwerkingsverbanden.</p>");
	else {
		html_raw(
		    b, "<p class=\"utrecht-paragraph atlas-muted\">Deze deelnemers hebben geen "
		       "vorm op de kaart. Tussen haakjes: in hoeveel van de samenwerkingsverbanden "
		       "hierboven.</p><ul class=\"utrecht-unordered-list atlas-map__list\">");
		for (int q = 0; q < s->n_orgs; q++)
			if (shared[q] > 0)
				org_item(b, &s->orgs[q], shared[q]);
		html_raw(b, "</ul>");
	}
	html_raw(b, "</section>");
}

/* Find gemeente `param` among the map gemeenten; -1 when absent or unknown
 * (then *bad is set). */
static int param_gemeente(const struct request *r, const struct map_view *v, const char *param,
			  bool *bad)
{
	const char *code = req_param(r, param);
	if (str_empty(code))
		return -1;
	int o = snapshot_find_org(r->snap, code);
	int j = o >= 0 ? map_view_pos(v, o) : -1;
	if (j < 0)
		*bad = true;
	return j;
}

enum map_sort { MS_NAME, MS_COUNT, MS_COUNT_DESC };

static _Thread_local const struct map_view *sort_view;
static _Thread_local const struct snapshot *sort_snap;
static _Thread_local enum map_sort sort_by;

static int cmp_rows(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	int d = 0;
	if (sort_by == MS_COUNT)
		d = sort_view->counts[a] - sort_view->counts[b];
	else if (sort_by == MS_COUNT_DESC)
		d = sort_view->counts[b] - sort_view->counts[a];
	if (d == 0)
		d = str_collate_nl(sort_snap->orgs[sort_view->orgs[a]].name,
				   sort_snap->orgs[sort_view->orgs[b]].name);
	return d ? d : a - b;
}

/* Row order for the table and CSV; returns -1 for an unknown sort value. */
static int sort_rows(struct request *r, const struct map_view *v, int *rows, enum map_sort *by)
{
	const char *so = req_param(r, "sorteer");
	int rc = 0;
	*by = MS_NAME;
	if (!str_empty(so)) {
		if (strcmp(so, "aantal") == 0)
			*by = MS_COUNT;
		else if (strcmp(so, "-aantal") == 0)
			*by = MS_COUNT_DESC;
		else if (strcmp(so, "naam") != 0)
			rc = -1;
	}
	for (int j = 0; j < v->n; j++)
		rows[j] = j;
	sort_view = v;
	sort_snap = r->snap;
	sort_by = *by;
	qsort(rows, (size_t)v->n, sizeof *rows, cmp_rows);
	return rc;
}

static void table(struct request *r, const struct map_view *v, const int *rows, enum map_sort by)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const char *const skip_sort[] = {"sorteer", NULL};
	html_raw(b, "<div class=\"utrecht-table-container atlas-table-container\" "
		    "id=\"kaart-tabel\"><table class=\"utrecht-table utrecht-table--html-table "
		    "utrecht-table--alternate-row-color atlas-map__table\">"
		    "<caption class=\"utrecht-table__caption\">Aantal actieve "
		    "samenwerkingsverbanden per gemeente");
	if (v->verband >= 0) {
		html_raw(b, ", met deelname aan ");
		html_text(b, s->collabs[v->verband].name);
	}
	html_raw(
	    b,
	    "</caption><thead class=\"utrecht-table__header\"><tr "
	    "class=\"utrecht-table__row\"><th scope=\"col\" class=\"utrecht-table__header-cell\"");
	if (by == MS_NAME)
		html_raw(b, " aria-sort=\"ascending\"");
	html_raw(b, "><a class=\"utrecht-link utrecht-link--html-a atlas-map__sort\" href=\"");
	html_attr(b, href(r, "/kaart", skip_sort, "sorteer", "naam"));
	html_raw(b, "#kaart-tabel\" data-sort=\"naam\">Gemeente</a></th><th scope=\"col\" "
		    "class=\"utrecht-table__header-cell "
		    "utrecht-table__header-cell--numeric-column\"");
	if (by == MS_COUNT)
		html_raw(b, " aria-sort=\"ascending\"");
	else if (by == MS_COUNT_DESC)
		html_raw(b, " aria-sort=\"descending\"");
	const char *next = by == MS_COUNT_DESC ? "aantal" : "-aantal";
	html_raw(b, "><a class=\"utrecht-link utrecht-link--html-a atlas-map__sort\" href=\"");
	html_attr(b, href(r, "/kaart", skip_sort, "sorteer", next));
	html_raw(b, "#kaart-tabel\" data-sort=\"");
	html_attr(b, next);
	html_raw(b, "\">Aantal actieve samenwerkingsverbanden</a></th>"
		    "<th scope=\"col\" class=\"utrecht-table__header-cell\">Klasse</th>");
	if (v->verband >= 0)
		html_raw(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">Neemt deel aan "
			    "uitgelicht verband</th>");
	html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (int i = 0; i < v->n; i++) {
		int j = rows[i];
		const struct organisation *o = &s->orgs[v->orgs[j]];
		html_raw(b, "<tr class=\"utrecht-table__row\" data-code=\"");
		html_attr(b, o->code);
		html_raw(b, "\">");
		comp_th_open(b);
		comp_link_seg(b, "/organisaties", o->code, o->name);
		comp_th_close(b);
		comp_td_int(b, v->counts[j]);
		comp_td_open(b, false);
		if (v->cls[j] >= 0) {
			swatch(b, v->k.c[v->cls[j]].shade);
			html_raw(b, " ");
			class_label(b, &v->k.c[v->cls[j]]);
		}
		comp_td_close(b);
		if (v->verband >= 0)
			comp_td_text(
			    b, mapcount_takes_part(s, v->verband, v->orgs[j]) ? "Ja" : "Nee", NULL);
		comp_row_close(b);
	}
	html_raw(b, "</tbody></table></div>");
}

/* ---- the regio-indeling --------------------------------------------------------------- */

/* A short name for the map on narrow screens: the initials of a name of
 * several capitalised words ("UH" for Utrechtse Heuvelrug), else the first
 * three letters, four when another gemeente starts the same way. */
static const char *short_name(struct request *r, const struct map_view *v, int j)
{
	const char *name = r->snap->orgs[v->orgs[j]].name;
	char ini[16];
	int n_ini = 0, words = 0;
	for (const char *p = name; *p && n_ini < 6; p++)
		if ((p == name || p[-1] == ' ') && *p >= 'A' && *p <= 'Z') {
			ini[n_ini++] = *p;
			words++;
		}
	ini[n_ini] = '\0';
	if (words >= 2 && strchr(name, ' '))
		return arena_strdup(r->arena, ini);
	int len = 3;
	for (int q = 0; q < v->n; q++)
		if (q != j && strncmp(r->snap->orgs[v->orgs[q]].name, name, 3) == 0)
			len = 4;
	return arena_printf(r->arena, "%.*s", len, name);
}

/* The SVG <pattern> of area style k, id "kp-<id>". */
static void pattern_def(struct buf *b, const char *id, int style)
{
	const char *c = map_area_colour(style);
	int p = map_area_pattern(style);
	html_raw(b, "<pattern id=\"kp-");
	html_attr(b, id);
	html_rawf(b, "\" width=\"14\" height=\"14\" patternUnits=\"userSpaceOnUse\"%s>",
		  p == 0   ? " patternTransform=\"rotate(45)\""
		  : p == 1 ? " patternTransform=\"rotate(-45)\""
			   : "");
	switch (p) {
	case 0:
	case 1:
	case 3:
		html_rawf(b,
			  "<line x1=\"7\" y1=\"0\" x2=\"7\" y2=\"14\" stroke=\"%s\" "
			  "stroke-width=\"3\"/>",
			  c);
		break;
	case 2:
		html_rawf(b,
			  "<line x1=\"0\" y1=\"7\" x2=\"14\" y2=\"7\" stroke=\"%s\" "
			  "stroke-width=\"3\"/>",
			  c);
		break;
	case 4:
		html_rawf(b, "<circle cx=\"7\" cy=\"7\" r=\"2.6\" fill=\"%s\"/>", c);
		break;
	default:
		html_rawf(b,
			  "<path d=\"M7 0V14M0 7H14\" stroke=\"%s\" stroke-width=\"2\" "
			  "fill=\"none\"/>",
			  c);
		break;
	}
	html_raw(b, "</pattern>");
}

/* The map features (indexes into io/geo.h) of the gemeenten of area ar. */
static int area_features(const struct map_view *v, const struct map_area *ar, int *fs)
{
	int n = 0;
	for (int j = 0; j < v->n; j++)
		if (ar->in[j] && v->feature[j] >= 0)
			fs[n++] = v->feature[j];
	return n;
}

/* Draw area ar: its gemeenten filled with its pattern (unless pattern is
 * false), then the outline of their union (edge cancellation) in its
 * colour; dashed for a compared indeling. Without shared vertices the
 * members are outlined one by one, thick, with the same colour. */
static void draw_area(struct request *r, const struct map_view *v, const struct map_area *ar,
		      bool pattern, bool dashed)
{
	struct buf *b = &r->out;
	int *fs = arena_calloc(r->arena, (size_t)v->n + 1, sizeof(int));
	if (!fs)
		return;
	int n = area_features(v, ar, fs);
	if (n == 0)
		return;
	const char *c = dashed ? "#1a1a1a" : map_area_colour(ar->style);
	html_raw(b, "<g class=\"atlas-map__region\" data-gebied=\"");
	html_attr(b, r->snap->collabs[ar->collab].key);
	html_raw(b, "\">");
	if (pattern)
		for (int q = 0; q < n; q++) {
			html_raw(b, "<path class=\"atlas-map__region-fill\" fill=\"url(#kp-");
			html_attr(b, ar->label);
			html_raw(b, ")\" d=\"");
			html_raw(b, geo_feature_at(fs[q])->path_d);
			html_raw(b, "\"/>");
		}
	struct buf d = BUF_INIT;
	if (geo_union_outline(fs, n, &d) == 0 && d.len > 0) {
		html_rawf(b,
			  "<path class=\"atlas-map__outline%s\" data-omtrek=\"unie\" fill=\"none\" "
			  "stroke=\"%s\" d=\"",
			  dashed ? " atlas-map__outline--dashed" : "", c);
		buf_add(b, d.data, d.len);
		html_raw(b, "\"/>");
	} else {
		for (int q = 0; q < n; q++) {
			html_rawf(b,
				  "<path class=\"atlas-map__outline atlas-map__outline--member%s\" "
				  "data-omtrek=\"leden\" fill=\"none\" stroke=\"%s\" d=\"",
				  dashed ? " atlas-map__outline--dashed" : "", c);
			html_raw(b, geo_feature_at(fs[q])->path_d);
			html_raw(b, "\"/>");
		}
	}
	buf_free(&d);
	html_raw(b, "</g>");
}

/* The label badge of area ar: on the gemeente of the area that lies in the
 * fewest drawn areas and has no badge yet, nearest the area's middle. */
static void draw_badge(struct request *r, const struct map_view *v, const struct map_area *ar,
		       int *badges_at, bool square)
{
	double mx = 0, my = 0;
	int n = 0;
	for (int j = 0; j < v->n; j++)
		if (ar->in[j] && v->feature[j] >= 0) {
			mx += geo_feature_at(v->feature[j])->lx;
			my += geo_feature_at(v->feature[j])->ly;
			n++;
		}
	if (n == 0)
		return;
	mx /= n;
	my /= n;
	int best = -1;
	double best_score = 0;
	for (int j = 0; j < v->n; j++) {
		if (!ar->in[j] || v->feature[j] < 0)
			continue;
		const struct geo_feature *g = geo_feature_at(v->feature[j]);
		double dx = g->lx - mx, dy = g->ly - my;
		double score =
		    sqrt(dx * dx + dy * dy) + 400.0 * badges_at[j] + 60.0 * v->n_areas_of[j];
		if (best < 0 || score < best_score) {
			best = j;
			best_score = score;
		}
	}
	const struct geo_feature *g = geo_feature_at(v->feature[best]);
	double x = g->lx + 44.0 * badges_at[best], y = g->ly - 36.0;
	badges_at[best]++;
	html_rawf(&r->out, "<g class=\"atlas-map__badge%s\" transform=\"translate(%.1f %.1f)\">",
		  square ? " atlas-map__badge--square" : "", x, y);
	if (square)
		html_raw(&r->out, "<rect class=\"atlas-map__badge-shape\" x=\"-17\" y=\"-17\" "
				  "width=\"34\" height=\"34\" fill=\"#1a1a1a\"/>");
	else
		html_rawf(&r->out,
			  "<circle class=\"atlas-map__badge-shape\" r=\"17\" fill=\"%s\"/>",
			  map_area_colour(ar->style));
	html_raw(&r->out, "<text class=\"atlas-map__badge-text\" text-anchor=\"middle\" "
			  "dominant-baseline=\"central\">");
	html_text(&r->out, ar->label);
	html_raw(&r->out, "</text></g>");
}

/* The regio-indeling as a server-rendered SVG: the gemeenten as links (as
 * on the count map), over them the drawn areas, the water-board layer, the
 * gemeente names and the area labels. */
static void svg_regions(struct request *r, const struct map_view *v, int sel)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const char *const skip_g[] = {"gemeente", "met", NULL};
	bool compare = v->cmp_domain >= 0;
	bool draw = !v->too_many;
	html_rawf(b,
		  "<svg class=\"atlas-map__svg atlas-map__svg--regio\" id=\"kaart-svg\" "
		  "viewBox=\"0 0 %.0f %.0f\" role=\"group\" aria-labelledby=\"kaart-svg-titel\">",
		  GEO_VIEW_W, geo_view_height());
	html_raw(b, "<title id=\"kaart-svg-titel\">");
	if (compare)
		html_raw(b, "Kaart: twee regio-indelingen over elkaar, de gemeenten die anders "
			    "ingedeeld zijn gearceerd");
	else if (v->verband >= 0) {
		html_raw(b, "Kaart: het gebied van ");
		html_text(b, s->collabs[v->verband].name);
	} else
		html_raw(b, "Kaart: de regio-indeling, elk samenwerkingsverband als eigen gebied");
	html_raw(b, "</title><defs>");
	for (int i = 0; draw && i < v->n_areas; i++)
		pattern_def(b, v->areas[i].label, v->areas[i].style);
	html_raw(b, "<pattern id=\"kp-afwijkend\" width=\"12\" height=\"12\" "
		    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
		    "<rect width=\"12\" height=\"12\" fill=\"#fff3c4\"/>"
		    "<line x1=\"6\" y1=\"0\" x2=\"6\" y2=\"12\" stroke=\"#767676\" "
		    "stroke-width=\"2\"/></pattern></defs>");

	/* the gemeenten: links that select one (side panel) */
	html_raw(b, "<g class=\"atlas-map__areas\">");
	for (int j = 0; j < v->n; j++) {
		if (v->feature[j] < 0)
			continue;
		const struct organisation *o = &s->orgs[v->orgs[j]];
		struct buf lab = BUF_INIT;
		buf_puts(&lab, o->name);
		if (draw && v->n_areas > 0) {
			int k = 0;
			for (int i = 0; i < v->n_areas; i++)
				if (v->areas[i].in[j])
					buf_printf(&lab, "%s%s %s", k++ ? "; " : ": in ",
						   v->areas[i].label,
						   s->collabs[v->areas[i].collab].name);
			if (k == 0)
				buf_puts(&lab, ": in geen van de getoonde gebieden");
		}
		if (compare && v->mismatch && v->mismatch[j])
			buf_puts(&lab, " (hier vallen de grenzen niet samen)");
		html_raw(b, "<a class=\"atlas-map__link\" href=\"");
		html_attr(b, href(r, "/kaart", skip_g, "gemeente", o->code));
		html_raw(b, "#kaart-paneel\" data-code=\"");
		html_attr(b, o->code);
		html_raw(b, "\" aria-label=\"");
		html_attr(b, lab.data ? lab.data : o->name);
		html_raw(b, "\"");
		if (j == sel)
			html_raw(b, " aria-current=\"true\"");
		html_raw(b, "><path class=\"atlas-map__area atlas-map__area--base");
		if (j == sel)
			html_raw(b, " is-selected");
		if (draw && v->n_areas_of[j] > 1 && !compare)
			html_raw(b, " is-multi");
		if (compare && v->mismatch && v->mismatch[j])
			html_raw(b, " is-mismatch");
		html_raw(b, "\" d=\"");
		html_raw(b, geo_feature_at(v->feature[j])->path_d);
		html_raw(b, "\"><title>");
		html_text(b, lab.data ? lab.data : o->name);
		html_raw(b, "</title></path></a>");
		buf_free(&lab);
	}
	html_raw(b, "</g><g class=\"atlas-map__regions\" aria-hidden=\"true\">");
	if (compare && v->mismatch)
		for (int j = 0; j < v->n; j++)
			if (v->mismatch[j] && v->feature[j] >= 0) {
				html_raw(b, "<path class=\"atlas-map__mismatch\" "
					    "fill=\"url(#kp-afwijkend)\" d=\"");
				html_raw(b, geo_feature_at(v->feature[j])->path_d);
				html_raw(b, "\"/>");
			}
	for (int i = 0; draw && i < v->n_areas; i++)
		draw_area(r, v, &v->areas[i], !compare, false);
	for (int i = 0; compare && i < v->n_cmp; i++)
		draw_area(r, v, &v->cmp[i], false, true);
	html_raw(b, "</g>");

	/* the water boards taking part in the chosen collaboration: their own
	 * area, outlined (also without the layer) */
	bool *wb_member = arena_calloc(r->arena, (size_t)geo_waterboard_count() + 1, sizeof(bool));
	bool any_member = false;
	for (int o = 0; wb_member && v->verband >= 0 && v->n_areas > 0 && o < s->n_orgs; o++) {
		const struct organisation *org = &s->orgs[o];
		if (!map_area_has_other(&v->areas[0], o) || org->kind != ORG_WATER_BOARD)
			continue;
		int w =
		    geo_waterboard_find(str_empty(org->tooi) ? org->code : org->tooi, org->name);
		if (w >= 0)
			any_member = wb_member[w] = true;
	}
	if (any_member && !v->waterboards) {
		html_raw(b, "<g class=\"atlas-map__waterboards\" aria-hidden=\"true\">");
		for (int w = 0; w < geo_waterboard_count(); w++)
			if (wb_member[w]) {
				html_raw(b, "<path class=\"atlas-map__waterboard is-member\" "
					    "data-waterschap=\"");
				html_attr(b, geo_waterboard_at(w)->statcode);
				html_raw(b, "\" d=\"");
				html_raw(b, geo_waterboard_at(w)->path_d);
				html_raw(b, "\"/>");
			}
		html_raw(b, "</g>");
	}
	if (v->waterboards && geo_waterboard_count() > 0) {
		html_raw(b, "<g class=\"atlas-map__waterboards\" aria-hidden=\"true\">");
		for (int w = 0; w < geo_waterboard_count(); w++) {
			html_raw(b, "<path class=\"atlas-map__waterboard");
			if (wb_member && wb_member[w])
				html_raw(b, " is-member");
			html_raw(b, "\" fill=\"none\" data-waterschap=\"");
			html_attr(b, geo_waterboard_at(w)->statcode);
			html_raw(b, "\" d=\"");
			html_raw(b, geo_waterboard_at(w)->path_d);
			html_raw(b, "\"/>");
		}
		for (int w = 0; w < geo_waterboard_count(); w++) {
			const struct geo_feature *g = geo_waterboard_at(w);
			html_rawf(b,
				  "<text class=\"atlas-map__name atlas-map__name--waterboard\" "
				  "x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
				  g->lx, g->ly + 34);
			html_text(b, g->name);
			html_raw(b, "</text>");
		}
		html_raw(b, "</g>");
	}

	/* the names; "×2" after a gemeente that lies in two of the areas */
	html_raw(b, "<g class=\"atlas-map__names\" aria-hidden=\"true\">");
	for (int j = 0; j < v->n; j++) {
		if (v->feature[j] < 0)
			continue;
		const struct geo_feature *g = geo_feature_at(v->feature[j]);
		const char *mark = draw && !compare && v->n_areas_of[j] > 1
				       ? arena_printf(r->arena, " ×%d", v->n_areas_of[j])
				       : "";
		for (int variant = 0; variant < 2; variant++) {
			html_rawf(b,
				  "<text class=\"atlas-map__name atlas-map__name--%s\" x=\"%.1f\" "
				  "y=\"%.1f\" text-anchor=\"middle\">",
				  variant ? "short" : "full", g->lx, g->ly);
			html_text(b, variant ? short_name(r, v, j) : s->orgs[v->orgs[j]].name);
			html_text(b, mark);
			html_raw(b, "</text>");
		}
	}
	html_raw(b, "</g><g class=\"atlas-map__badges\" aria-hidden=\"true\">");
	int *badges_at = arena_calloc(r->arena, (size_t)v->n + 1, sizeof(int));
	for (int i = 0; badges_at && draw && i < v->n_areas; i++)
		draw_badge(r, v, &v->areas[i], badges_at, false);
	for (int i = 0; badges_at && compare && i < v->n_cmp; i++)
		draw_badge(r, v, &v->cmp[i], badges_at, true);
	html_raw(b, "</g></svg>");
}

/* A legend swatch for area ar: its pattern in a square with its outline. */
static void area_swatch(struct buf *b, const struct map_area *ar, bool dashed, bool outline_only)
{
	if (outline_only) { /* a compared indeling 1: drawn as outlines only */
		html_rawf(
		    b,
		    "<svg class=\"atlas-map__swatch\" width=\"28\" height=\"28\" "
		    "viewBox=\"0 0 28 28\" aria-hidden=\"true\" focusable=\"false\"><path "
		    "d=\"M2 2H26V26H2Z\" fill=\"none\" stroke=\"%s\" stroke-width=\"4\"/></svg>",
		    map_area_colour(ar->style));
		return;
	}
	html_raw(b, "<svg class=\"atlas-map__swatch\" width=\"28\" height=\"28\" "
		    "viewBox=\"0 0 28 28\" aria-hidden=\"true\" focusable=\"false\">");
	if (!dashed) {
		char id[16];
		snprintf(id, sizeof id, "l%s", ar->label);
		html_raw(b, "<defs>");
		pattern_def(b, id, ar->style);
		html_raw(b, "</defs>");
		html_raw(b, "<path d=\"M2 2H26V26H2Z\" fill=\"url(#kp-l");
		html_attr(b, ar->label);
		html_rawf(b, ")\" stroke=\"%s\" stroke-width=\"3\"/>", map_area_colour(ar->style));
	} else {
		html_raw(b, "<path d=\"M2 2H26V26H2Z\" fill=\"none\" stroke=\"#1a1a1a\" "
			    "stroke-width=\"3\" stroke-dasharray=\"6 4\"/>");
	}
	html_raw(b, "</svg>");
}

/* The names of the map gemeenten in area ar, comma separated, in b. */
static void area_gemeenten(struct buf *b, const struct snapshot *s, const struct map_view *v,
			   const struct map_area *ar)
{
	int k = 0;
	for (int j = 0; j < v->n; j++)
		if (ar->in[j]) {
			if (k++)
				html_raw(b, ", ");
			html_text(b, s->orgs[v->orgs[j]].name);
		}
	if (k == 0)
		html_raw(b, "geen gemeenten in de provincie");
}

/* "via U10 en Regio Amersfoort" for the nested collaborations of ar. */
static void area_via(struct buf *b, const struct snapshot *s, const struct map_area *ar)
{
	if (ar->n_via == 0)
		return;
	int k = 0;
	html_raw(b, " <span class=\"atlas-muted\">(via ");
	for (int c = 0; c < s->n_collabs; c++)
		if (map_area_has_via(ar, c)) {
			if (k++)
				html_raw(b, k == ar->n_via ? " en " : ", ");
			html_text(b, s->collabs[c].name);
		}
	html_raw(b, ")</span>");
}

static void legend_regions(struct request *r, const struct map_view *v)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	bool compare = v->cmp_domain >= 0;
	html_raw(b, "<div class=\"atlas-map__legend\" id=\"kaart-legenda\">"
		    "<h2 class=\"utrecht-heading-3 atlas-map__legend-title\">Legenda</h2>");
	if (v->too_many) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er passen ");
		html_int_nl(b, v->n_areas);
		html_rawf(b,
			  " gebieden bij deze keuze; de kaart tekent er hoogstens %d. Kies "
			  "een beleidsdomein, vorm of soort, of één samenwerkingsverband. De "
			  "tabellen hieronder bevatten ze allemaal.</p>",
			  MAP_MAX_AREAS);
	} else if (v->n_areas > 0) {
		if (compare)
			html_raw(b, "<h3 class=\"utrecht-heading-4\">Indeling 1 (doorgetrokken "
				    "lijn, letter)</h3>");
		html_raw(b, "<ul class=\"atlas-map__legend-list atlas-map__legend-list--areas\">");
		const char *const skip_v[] = {"verband", "gemeente", "met", NULL};
		for (int i = 0; i < v->n_areas; i++) {
			const struct map_area *ar = &v->areas[i];
			const struct collaboration *c = &s->collabs[ar->collab];
			html_raw(b, "<li class=\"atlas-map__legend-item\">");
			area_swatch(b, ar, false, compare);
			html_raw(b, "<span><strong class=\"atlas-map__legend-label\">");
			html_text(b, ar->label);
			html_raw(
			    b, "</strong> <a class=\"utrecht-link utrecht-link--html-a\" href=\"");
			html_attr(b, href(r, "/kaart", skip_v, "verband", c->key));
			html_raw(b, "\">");
			html_text(b, c->name);
			html_raw(b, "</a> (");
			html_int_nl(b, ar->n_in);
			html_raw(b, ar->n_in == 1 ? " gemeente" : " gemeenten");
			if (!compare) {
				html_raw(b, "; ");
				html_text(b, map_pattern_name(map_area_pattern(ar->style)));
			}
			html_raw(b, ")</span></li>");
		}
		html_raw(b, "</ul>");
	} else {
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen samenwerkingsverbanden met "
			    "deze keuze.</p>");
	}
	if (compare) {
		html_raw(b, "<h3 class=\"utrecht-heading-4\">Indeling 2 (gestreepte lijn, "
			    "cijfer)</h3><ul class=\"atlas-map__legend-list "
			    "atlas-map__legend-list--areas\">");
		for (int i = 0; i < v->n_cmp; i++) {
			html_raw(b, "<li class=\"atlas-map__legend-item\">");
			area_swatch(b, &v->cmp[i], true, false);
			html_raw(b, "<span><strong class=\"atlas-map__legend-label\">");
			html_text(b, v->cmp[i].label);
			html_raw(b, "</strong> ");
			html_text(b, s->collabs[v->cmp[i].collab].name);
			html_raw(b, "</span></li>");
		}
		html_raw(
		    b, "</ul><p class=\"atlas-map__legend-note\"><svg class=\"atlas-map__swatch\" "
		       "width=\"28\" height=\"28\" viewBox=\"0 0 28 28\" aria-hidden=\"true\" "
		       "focusable=\"false\"><rect width=\"28\" height=\"28\" "
		       "fill=\"#fff3c4\"/><path d=\"M0 28L28 0M-7 21L21 -7M7 35L35 7\" "
		       "stroke=\"#767676\" stroke-width=\"2\"/><rect x=\"1\" y=\"1\" width=\"26\" "
		       "height=\"26\" fill=\"none\" stroke=\"#5c5c5c\"/></svg> Gearceerd (geel): "
		       "hier vallen de grenzen niet samen: de gemeente ligt in een gebied dat "
		       "door een grens van de andere indeling wordt doorsneden.</p>");
	} else if (!v->too_many && v->n_areas > 1) {
		html_raw(b, "<p class=\"atlas-map__legend-note\">“×2” achter een naam: de "
			    "gemeente ligt in twee van deze gebieden (dikke stippellijn).</p>");
	}
	bool wb_member = false;
	for (int o = 0; v->verband >= 0 && v->n_areas > 0 && o < s->n_orgs; o++)
		wb_member =
		    wb_member ||
		    (map_area_has_other(&v->areas[0], o) && s->orgs[o].kind == ORG_WATER_BOARD &&
		     geo_waterboard_find(str_empty(s->orgs[o].tooi) ? s->orgs[o].code
								    : s->orgs[o].tooi,
					 s->orgs[o].name) >= 0);
	if (wb_member)
		html_raw(b, "<p class=\"atlas-map__legend-note\"><svg class=\"atlas-map__swatch\" "
			    "width=\"28\" height=\"28\" viewBox=\"0 0 28 28\" aria-hidden=\"true\" "
			    "focusable=\"false\"><path class=\"atlas-map__waterboard is-member\" "
			    "d=\"M2 14H26\"/></svg> Grens van een waterschap dat deelneemt.</p>");
	if (v->waterboards)
		html_raw(
		    b, "<p class=\"atlas-map__legend-note\"><svg class=\"atlas-map__swatch\" "
		       "width=\"28\" height=\"28\" viewBox=\"0 0 28 28\" aria-hidden=\"true\" "
		       "focusable=\"false\"><path class=\"atlas-map__waterboard\" d=\"M2 14H26\"/>"
		       "</svg> Grens van een waterschap.</p>");
	html_raw(b, "</div>");
}

/* The areas as a table: label, collaboration, its gemeenten, the other
 * participants it covers. */
static void table_areas(struct request *r, const struct map_view *v, const struct map_area *areas,
			int n, const char *id, const char *caption)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	html_raw(b, "<div class=\"utrecht-table-container atlas-table-container\" id=\"");
	html_attr(b, id);
	html_raw(b, "\"><table class=\"utrecht-table utrecht-table--html-table "
		    "utrecht-table--alternate-row-color atlas-map__table\"><caption "
		    "class=\"utrecht-table__caption\">");
	html_text(b, caption);
	html_raw(
	    b, "</caption><thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
	       "<th scope=\"col\" class=\"utrecht-table__header-cell\">Label</th>"
	       "<th scope=\"col\" class=\"utrecht-table__header-cell\">Samenwerkingsverband</th>"
	       "<th scope=\"col\" class=\"utrecht-table__header-cell "
	       "utrecht-table__header-cell--numeric-column\">Gemeenten</th>"
	       "<th scope=\"col\" class=\"utrecht-table__header-cell\">Welke gemeenten</th>"
	       "<th scope=\"col\" class=\"utrecht-table__header-cell\">Andere deelnemers</th>"
	       "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (int i = 0; i < n; i++) {
		const struct map_area *ar = &areas[i];
		const struct collaboration *c = &s->collabs[ar->collab];
		html_raw(b, "<tr class=\"utrecht-table__row\" data-gebied=\"");
		html_attr(b, c->key);
		html_raw(b, "\">");
		comp_td_text(b, ar->label, NULL);
		comp_th_open(b);
		comp_link_seg(b, "/samenwerkingsverbanden", c->key, c->name);
		area_via(b, s, ar);
		comp_th_close(b);
		comp_td_int(b, ar->n_in);
		comp_td_open(b, false);
		area_gemeenten(b, s, v, ar);
		comp_td_close(b);
		comp_td_open(b, false);
		int k = 0;
		for (int o = 0; o < s->n_orgs; o++)
			if (map_area_has_other(ar, o)) {
				if (k++)
					html_raw(b, ", ");
				html_text(b, s->orgs[o].name);
			}
		if (k == 0)
			html_raw(b, "geen");
		comp_td_close(b);
		comp_row_close(b);
	}
	html_raw(b, "</tbody></table></div>");
}

/* Per gemeente: the areas it lies in (and, comparing, in the second
 * indeling, and with whom it is grouped differently). */
static void table_gemeenten_regions(struct request *r, const struct map_view *v)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	bool compare = v->cmp_domain >= 0;
	html_raw(b, "<div class=\"utrecht-table-container atlas-table-container\" "
		    "id=\"kaart-tabel-gemeenten\"><table class=\"utrecht-table "
		    "utrecht-table--html-table utrecht-table--alternate-row-color "
		    "atlas-map__table\"><caption class=\"utrecht-table__caption\">");
	html_raw(b, compare ? "Per gemeente: de groepering in beide indelingen"
			    : "Per gemeente: in welke gebieden ze ligt");
	html_raw(
	    b, "</caption><thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
	       "<th scope=\"col\" class=\"utrecht-table__header-cell\">Gemeente</th>");
	if (compare)
		html_raw(b,
			 "<th scope=\"col\" class=\"utrecht-table__header-cell\">Indeling 1</th>"
			 "<th scope=\"col\" class=\"utrecht-table__header-cell\">Indeling 2</th>"
			 "<th scope=\"col\" class=\"utrecht-table__header-cell\">Grens valt niet "
			 "samen</th>"
			 "<th scope=\"col\" class=\"utrecht-table__header-cell\">Samen in de ene "
			 "indeling, niet in de andere</th>");
	else
		html_raw(b, "<th scope=\"col\" class=\"utrecht-table__header-cell "
			    "utrecht-table__header-cell--numeric-column\">Aantal gebieden</th>"
			    "<th scope=\"col\" class=\"utrecht-table__header-cell\">Gebieden</th>");
	html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (int j = 0; j < v->n; j++) {
		const struct organisation *o = &s->orgs[v->orgs[j]];
		html_raw(b, "<tr class=\"utrecht-table__row\" data-code=\"");
		html_attr(b, o->code);
		if (compare && v->mismatch && v->mismatch[j])
			html_raw(b, "\" data-afwijkend=\"ja");
		else if (compare && v->only_one && v->only_one[j])
			html_raw(b, "\" data-afwijkend=\"een-indeling");
		html_raw(b, "\">");
		comp_th_open(b);
		comp_link_seg(b, "/organisaties", o->code, o->name);
		comp_th_close(b);
		if (!compare)
			comp_td_int(b, v->n_areas_of[j]);
		for (int set = 0; set < (compare ? 2 : 1); set++) {
			const struct map_area *as = set ? v->cmp : v->areas;
			int na = set ? v->n_cmp : v->n_areas;
			comp_td_open(b, false);
			int k = 0;
			for (int i = 0; i < na; i++)
				if (as[i].in[j]) {
					if (k++)
						html_raw(b, "; ");
					html_text(b, as[i].label);
					html_raw(b, " ");
					html_text(b, s->collabs[as[i].collab].name);
				}
			if (k == 0)
				html_raw(b, "geen");
			comp_td_close(b);
		}
		if (compare) {
			comp_td_text(b,
				     v->mismatch && v->mismatch[j]   ? "Ja, grenzen kruisen"
				     : v->only_one && v->only_one[j] ? "Alleen in één indeling"
								     : "Nee",
				     NULL);
			comp_td_open(b, false);
			int k = 0;
			for (int q = 0; q < v->n && v->mismatch && v->mismatch[j]; q++) {
				if (q == j)
					continue;
				bool ta = map_view_together(v->areas, v->n_areas, j, q);
				bool tb = map_view_together(v->cmp, v->n_cmp, j, q);
				if (ta == tb)
					continue;
				if (k++)
					html_raw(b, ", ");
				html_text(b, s->orgs[v->orgs[q]].name);
				html_raw(b, ta ? " (alleen 1)" : " (alleen 2)");
			}
			if (k == 0)
				html_raw(b, "—");
			comp_td_close(b);
		}
		comp_row_close(b);
	}
	html_raw(b, "</tbody></table></div>");
}

/* The names of the map gemeenten marked in flags, "A, B en C". */
static void name_list(struct buf *b, const struct snapshot *s, const struct map_view *v,
		      const bool *flags, int n_flags)
{
	int k = 0;
	for (int j = 0; j < v->n; j++)
		if (flags[j]) {
			if (k++)
				html_raw(b, k == n_flags ? " en " : ", ");
			html_text(b, s->orgs[v->orgs[j]].name);
		}
}

/* The plain-language sentence above a comparison. */
static void compare_summary(struct request *r, const struct map_view *v, const char *name_a)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const char *name_b = s->domains[v->cmp_domain].name;
	html_raw(b, "<p class=\"utrecht-paragraph atlas-map__conclusion\" id=\"kaart-conclusie\">");
	if (v->n_mismatch == 0) {
		html_raw(b, "<strong>De grenzen sluiten op elkaar aan:</strong> waar ");
		html_text(b, name_a);
		html_raw(b, " (indeling 1) en ");
		html_text(b, name_b);
		html_raw(b, " (indeling 2) allebei gemeenten indelen, is elk gebied gelijk aan "
			    "een gebied van de andere indeling of ligt het er helemaal binnen.");
	} else {
		html_raw(b, "<strong>Bij ");
		html_int_nl(b, v->n_mismatch);
		html_raw(b, " van de ");
		html_int_nl(b, v->n);
		html_raw(b, " gemeenten vallen de grenzen niet samen:</strong> ");
		name_list(b, s, v, v->mismatch, v->n_mismatch);
		html_raw(b, v->n_mismatch == 1 ? " ligt" : " liggen");
		html_raw(b, " in een gebied van ");
		html_text(b, name_a);
		html_raw(b, " (indeling 1) of ");
		html_text(b, name_b);
		html_raw(b, " (indeling 2) dat niet gelijk is aan, niet binnen en niet om een "
			    "gebied van de andere indeling ligt.");
	}
	if (v->n_only_one > 0) {
		html_raw(b, " ");
		html_int_nl(b, v->n_only_one);
		html_raw(b, v->n_only_one == 1 ? " gemeente valt" : " gemeenten vallen");
		html_raw(b, " maar in één van de twee: ");
		name_list(b, s, v, v->only_one, v->n_only_one);
		html_raw(b, ".");
	}
	html_raw(b, "</p>");
}

/* Members outside the province on a small national outline: the area's
 * gemeenten lightly, the outside gemeenten darker (with a list beside). */
static void national_inset(struct request *r, const struct map_view *v, const struct map_area *ar)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	int n_out = 0;
	for (int o = 0; o < s->n_orgs; o++)
		n_out += map_area_has_other(ar, o) && s->orgs[o].kind == ORG_MUNICIPALITY &&
			 !s->orgs[o].in_province && geo_nl_gemeente(s->orgs[o].cbs_code);
	if (n_out == 0 || geo_nl_province_count() == 0)
		return;
	const char *c = map_area_colour(ar->style);
	html_raw(b, "<figure class=\"atlas-map__inset\" id=\"kaart-nederland\"><svg "
		    "class=\"atlas-map__inset-svg\" role=\"img\" "
		    "aria-labelledby=\"kaart-nederland-titel\" ");
	html_rawf(b, "viewBox=\"0 0 %.0f %.0f\">", GEO_NL_VIEW_W, geo_nl_view_height());
	for (int i = 0; i < geo_nl_province_count(); i++) {
		const struct geo_feature *g = geo_nl_province_at(i);
		html_rawf(b, "<path class=\"atlas-map__inset-province%s\" d=\"",
			  strcasecmp(g->statcode, "PV26") == 0 ? " is-home" : "");
		html_raw(b, g->path_d);
		html_raw(b, "\"/>");
	}
	for (int j = 0; j < v->n; j++) {
		const struct geo_feature *g =
		    ar->in[j] ? geo_nl_gemeente(s->orgs[v->orgs[j]].cbs_code) : NULL;
		if (!g)
			continue;
		html_rawf(b, "<path class=\"atlas-map__inset-in\" fill=\"%s\" d=\"", c);
		html_raw(b, g->path_d);
		html_raw(b, "\"/>");
	}
	for (int o = 0; o < s->n_orgs; o++) {
		const struct geo_feature *g = map_area_has_other(ar, o) &&
						      s->orgs[o].kind == ORG_MUNICIPALITY &&
						      !s->orgs[o].in_province
						  ? geo_nl_gemeente(s->orgs[o].cbs_code)
						  : NULL;
		if (!g)
			continue;
		html_raw(b, "<path class=\"atlas-map__inset-out\" data-code=\"");
		html_attr(b, s->orgs[o].code);
		html_raw(b, "\" d=\"");
		html_raw(b, g->path_d);
		html_raw(b, "\"/>");
	}
	html_raw(b, "</svg><figcaption id=\"kaart-nederland-titel\">Nederland: het gebied in de "
		    "provincie Utrecht lichter gekleurd, de ");
	html_int_nl(b, n_out);
	html_raw(b, n_out == 1 ? " deelnemende gemeente" : " deelnemende gemeenten");
	html_raw(b, " buiten de provincie donker: ");
	int k = 0;
	for (int o = 0; o < s->n_orgs; o++)
		if (map_area_has_other(ar, o) && s->orgs[o].kind == ORG_MUNICIPALITY &&
		    !s->orgs[o].in_province && geo_nl_gemeente(s->orgs[o].cbs_code)) {
			if (k++)
				html_raw(b, k == n_out ? " en " : ", ");
			html_text(b, s->orgs[o].name);
		}
	html_raw(b, ".</figcaption></figure>");
}

/* The side panel for the chosen collaboration in the regio-indeling: its
 * gemeenten (nested members resolved) and the other participants. */
static void panel_verband_regions(struct request *r, const struct map_view *v)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const struct map_area *ar = &v->areas[0];
	const struct collaboration *c = &s->collabs[v->verband];
	html_raw(b, "<section class=\"atlas-map__section\" aria-labelledby=\"paneel-verband\">"
		    "<h2 class=\"utrecht-heading-3\" id=\"paneel-verband\">Gebied van ");
	html_text(b, c->name);
	html_raw(b, "</h2><p class=\"utrecht-paragraph\">");
	if (!c->active)
		html_raw(b, "Dit samenwerkingsverband is beëindigd. ");
	html_raw(b, "Op de kaart is het gebied omlijnd: alle gemeenten die meedoen");
	if (ar->n_via > 0) {
		html_raw(b, ", ook via deelnemers die zelf een samenwerkingsverband zijn");
		area_via(b, s, ar);
	}
	html_raw(b, ". ");
	comp_link_seg(b, "/samenwerkingsverbanden", c->key, "Alle gegevens van dit verband");
	html_raw(b, ".</p><h3 class=\"utrecht-heading-4\">Deelnemende gemeenten (");
	html_int_nl(b, ar->n_in);
	html_raw(b, ")</h3>");
	if (ar->n_in == 0)
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen gemeenten op de kaart.</p>");
	else {
		html_raw(
		    b, "<ul class=\"utrecht-unordered-list atlas-map__list\" id=\"kaart-leden\">");
		for (int j = 0; j < v->n; j++)
			if (ar->in[j]) {
				const struct organisation *o = &s->orgs[v->orgs[j]];
				html_raw(b, "<li>");
				comp_link_seg(b, "/organisaties", o->code, o->name);
				html_raw(b, "</li>");
			}
		html_raw(b, "</ul>");
	}
	html_raw(b, "<h3 class=\"utrecht-heading-4\">Andere deelnemers (");
	html_int_nl(b, ar->n_others);
	html_raw(b, ")</h3>");
	if (ar->n_others == 0)
		html_raw(b,
			 "<p class=\"utrecht-paragraph\">Geen: alle deelnemers zijn gemeenten op "
			 "de kaart.</p>");
	else {
		html_raw(
		    b,
		    "<ul class=\"utrecht-unordered-list atlas-map__list\" id=\"kaart-anderen\">");
		for (int o = 0; o < s->n_orgs; o++)
			if (map_area_has_other(ar, o))
				org_item(b, &s->orgs[o], 0);
		html_raw(b, "</ul>");
		national_inset(r, v, ar);
	}
	html_raw(b, "</section>");
}

/* ---- handlers ------------------------------------------------------------------------ */

/* The map view (app/map.c) for the request's query; see map_view_build and
 * map_view_regions. */
static int build_view(struct request *r, struct map_view *v, char *msg, size_t msglen,
		      const char **param)
{
	const char *vals[MAP_N_FILTERS];
	for (int i = 0; i < MAP_N_FILTERS; i++)
		vals[i] = req_param(r, map_filter_keys[i]);
	int rc =
	    map_view_build(r->snap, r->arena, vals, req_param(r, "verband"), v, msg, msglen, param);
	char m2[320];
	const char *p2 = NULL;
	if (map_view_regions(r->snap, r->arena, v, req_param(r, "weergave"),
			     req_param(r, "vergelijk"), req_param(r, "waterschappen"), m2,
			     sizeof m2, &p2) < 0 &&
	    rc == 0) {
		rc = -1;
		*param = p2;
		snprintf(msg, msglen, "%s", m2);
	}
	return rc;
}

/* What the chosen filters call indeling 1 ("Werk en inkomen", …). */
static const char *indeling_name(struct request *r, const struct map_view *v)
{
	const struct snapshot *s = r->snap;
	if (v->verband >= 0)
		return s->collabs[v->verband].name;
	if (v->f.domain >= 0)
		return s->domains[v->f.domain].name;
	return "de gekozen samenwerkingsverbanden";
}

/* The summary line above the regio-indeling. */
static void regions_summary(struct request *r, const struct map_view *v)
{
	struct buf *b = &r->out;
	int covered = 0, multi = 0;
	for (int j = 0; j < v->n; j++) {
		covered += v->n_areas_of[j] > 0;
		multi += v->n_areas_of[j] > 1;
	}
	html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\" id=\"kaart-samenvatting\">");
	if (v->verband >= 0) {
		html_raw(b, "<strong>");
		html_text(b, r->snap->collabs[v->verband].name);
		html_raw(b, "</strong> beslaat ");
		html_int_nl(b, v->areas[0].n_in);
		html_raw(b, " van de ");
		html_int_nl(b, v->n);
		html_raw(b, " gemeenten.");
	} else {
		html_raw(b, "<strong>");
		html_int_nl(b, v->n_areas);
		html_raw(b, v->n_areas == 1 ? " gebied" : " gebieden");
		html_raw(b, "</strong> (actieve samenwerkingsverbanden met deze keuze); ");
		html_int_nl(b, covered);
		html_raw(b, " van de ");
		html_int_nl(b, v->n);
		html_raw(b, " gemeenten liggen in minstens één");
		if (multi > 0) {
			html_raw(b, ", ");
			html_int_nl(b, multi);
			html_raw(b, " in meer dan één");
		}
		html_raw(b, ".");
	}
	html_raw(b, "</p>");
	if (v->too_many) {
		/* too many areas for one map: offer the subjects, each a link */
		const struct snapshot *s = r->snap;
		const char *const skip[] = {"beleidsdomein", "verband", "gemeente", "met", NULL};
		html_raw(b, "<div class=\"atlas-map__choose\" id=\"kaart-kies\"><p "
			    "class=\"utrecht-paragraph\"><strong>Te veel gebieden voor één "
			    "kaart.</strong> Kies een onderwerp om de gebieden te tekenen:</p><ul "
			    "class=\"atlas-map__choose-list\">");
		for (int i = 0; i < s->n_domains; i++) {
			if (s->domains[i].n_active == 0)
				continue;
			html_raw(b, "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"");
			html_attr(b, href(r, "/kaart", skip, "beleidsdomein", s->domains[i].key));
			html_raw(b, "\">");
			html_text(b, s->domains[i].name);
			html_raw(b, "</a> (");
			html_int_nl(b, s->domains[i].n_active);
			html_raw(b, ")</li>");
		}
		html_raw(b, "</ul></div>");
	}
}

static int page_map_view(struct request *r, const void *tt)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct map_view v;
	char msg[320];
	const char *param;
	int status = 200;

	if (build_view(r, &v, msg, sizeof msg, &param) < 0)
		status = 400;
	bool regions = v.mode == MAP_MODE_REGIONS;
	bool bad_g = false, bad_m = false;
	int sel = param_gemeente(r, &v, "gemeente", &bad_g);
	int with = param_gemeente(r, &v, "met", &bad_m);
	if (with == sel)
		with = -1;
	if (status == 200 && (bad_g || bad_m)) {
		status = 400;
		param = bad_g ? "gemeente" : "met";
		snprintf(msg, sizeof msg,
			 "Er is geen gemeente op de kaart met de code '%.40s' (parameter '%s'). "
			 "Kies een gemeente op de kaart of in de tabel.",
			 req_param(r, param), param);
	}
	int *rows = arena_calloc(r->arena, (size_t)v.n + 1, sizeof(int));
	enum map_sort by;
	if (sort_rows(r, &v, rows, &by) < 0 && status == 200) {
		status = 400;
		param = "sorteer";
		snprintf(msg, sizeof msg,
			 "De waarde '%.40s' is niet geldig voor de parameter 'sorteer'. Kies naam, "
			 "aantal of -aantal.",
			 req_param(r, "sorteer"));
	}
	if (status == 200)
		r->etag = s->etag;

	const struct page_head h = {
	    .title = v.verband >= 0
			 ? arena_printf(r->arena, "Kaart: %s", s->collabs[v.verband].name)
			 : (regions ? "Kaart: regio-indeling" : "Kaart van de samenwerking"),
	    .nav = NAV_MAP,
	    .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url("css/map.css"));
	html_raw(b, "\">");
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Kaart van de samenwerking</h1>");
	if (regions)
		html_raw(
		    b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Elk "
		       "samenwerkingsverband als eigen gebied: kies een beleidsdomein, vorm of "
		       "soort en zie of de regio's op elkaar aansluiten, of kies één "
		       "samenwerkingsverband. Vergelijk twee indelingen om te zien waar de grenzen "
		       "niet samenvallen. De tabellen onder de kaart bevatten hetzelfde.</p>");
	else
		html_raw(b,
			 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Hoe donkerder een "
			 "gemeente, hoe meer actieve samenwerkingsverbanden ze heeft. Kies een "
			 "gemeente op de kaart voor haar samenwerkingsverbanden, of licht één "
			 "samenwerkingsverband uit om te zien wie meedoet. De tabel onder de kaart "
			 "bevat dezelfde getallen.</p>");
	history_timetravel_notice(b, r, tt);
	if (status != 200) {
		html_raw(
		    b, "<div class=\"utrecht-alert utrecht-alert--error atlas-notice "
		       "atlas-notice--error\" role=\"alert\"><div class=\"utrecht-alert__content\">"
		       "<p class=\"utrecht-alert__message\"><strong>Ongeldige keuze:</strong> ");
		html_text(b, msg);
		html_raw(b, "</p></div></div>");
	}
	filter_form(r, &v);

	if (regions) {
		regions_summary(r, &v);
		if (v.cmp_domain >= 0)
			compare_summary(r, &v, indeling_name(r, &v));
	} else {
		int total_in = 0;
		for (int j = 0; j < v.n; j++)
			total_in += v.counts[j] > 0;
		html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\" "
			    "id=\"kaart-samenvatting\"><strong>");
		html_int_nl(b, v.n_matching);
		html_raw(b, v.n_matching == 1 ? " actief samenwerkingsverband"
					      : " actieve samenwerkingsverbanden");
		html_raw(b, "</strong> met deze filters; ");
		html_int_nl(b, total_in);
		html_raw(b, " van de ");
		html_int_nl(b, v.n);
		html_raw(b, " gemeenten doen mee aan minstens één.</p>");
	}
	html_raw(b, "<div class=\"atlas-visually-hidden\" id=\"kaart-melding\" role=\"status\" "
		    "aria-live=\"polite\"></div>");

	html_rawf(b,
		  "<div class=\"atlas-map%s\" id=\"kaart\" data-api=\"/api/v1/kaart\" "
		  "data-weergave=\"%s\"><div class=\"atlas-map__figure\">",
		  regions ? " atlas-map--regio" : "", regions ? "regio" : "aantal");
	if (geo_count() > 0 && regions)
		svg_regions(r, &v, sel);
	else if (geo_count() > 0)
		svg_map(r, &v, sel);
	else
		comp_notice(b, "Kaart niet beschikbaar:",
			    "de vormen van de gemeenten zijn niet geladen. De tabel hieronder "
			    "bevat alle getallen.");
	if (regions) {
		legend_regions(r, &v);
		html_raw(b, "<p class=\"atlas-map__abbr\">Afkortingen op de kaart: ");
		for (int j = 0; j < v.n; j++) {
			if (j)
				html_raw(b, ", ");
			html_text(b, short_name(r, &v, j));
			html_raw(b, " = ");
			html_text(b, s->orgs[v.orgs[j]].name);
		}
		html_raw(b, ".</p>");
	} else {
		legend(b, &v);
	}
	html_raw(b, "<p class=\"atlas-map__attribution\">" GEO_ATTRIBUTION ".");
	if (regions && v.waterboards)
		html_raw(b, " " GEO_WATERBOARD_ATTRIBUTION ".");
	html_raw(b, "</p></div>");

	html_raw(b, "<div class=\"atlas-map__panel\" id=\"kaart-paneel\" tabindex=\"-1\">");
	if (v.verband >= 0) {
		if (regions)
			panel_verband_regions(r, &v);
		else
			panel_verband(r, &v);
	}
	if (sel >= 0)
		panel_gemeente(r, &v, sel, with);
	if (v.verband < 0 && sel < 0)
		html_raw(
		    b,
		    "<section class=\"atlas-map__section atlas-map__hint\" "
		    "aria-labelledby=\"paneel-hint\"><h2 class=\"utrecht-heading-3\" "
		    "id=\"paneel-hint\">Details</h2><p class=\"utrecht-paragraph\">Kies een "
		    "gemeente op de kaart (met de muis, of met Tab en Enter) om te zien aan welke "
		    "samenwerkingsverbanden ze deelneemt en met welke waterschappen en partners "
		    "buiten de provincie.</p><p class=\"utrecht-paragraph\">Of kies één "
		    "samenwerkingsverband: het gebied wordt omlijnd en de deelnemers staan "
		    "hier.</p></section>");
	html_raw(b, "</div></div>");

	if (regions) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"tabel-titel\">De indeling in "
			    "tabellen</h2>");
		table_areas(r, &v, v.areas, v.n_areas, "kaart-tabel-gebieden",
			    v.cmp_domain >= 0 ? "Indeling 1: de gebieden en hun gemeenten"
					      : "De gebieden en hun gemeenten");
		if (v.cmp_domain >= 0)
			table_areas(r, &v, v.cmp, v.n_cmp, "kaart-tabel-vergelijk",
				    "Indeling 2: de gebieden en hun gemeenten");
		table_gemeenten_regions(r, &v);
	} else {
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"tabel-titel\">De getallen in een "
			    "tabel</h2><p class=\"utrecht-paragraph atlas-sort-hint\">Klik op een "
			    "kolomkop om te sorteren.</p>");
		table(r, &v, rows, by);
	}

	const char *const skip_page[] = {"gemeente",  "met",	       "weergave",
					 "vergelijk", "waterschappen", NULL};
	const char *const skip_api[] = {"gemeente", "met", "sorteer", "weergave", NULL};
	html_raw(b,
		 "<p class=\"utrecht-paragraph atlas-opendata atlas-map__exports\">Deze kaart "
		 "als open data: <a class=\"utrecht-link utrecht-link--html-a\" id=\"export-csv\" "
		 "href=\"");
	html_attr(b, href(r, "/kaart.csv", skip_page, NULL, NULL));
	html_raw(b, "\">tabel als CSV</a>, <a class=\"utrecht-link utrecht-link--html-a\" "
		    "id=\"export-geojson\" href=\"");
	html_attr(b, href(r, "/kaart.geojson", skip_api, NULL, NULL));
	html_raw(b, "\">kaart als GeoJSON</a> of <a class=\"utrecht-link utrecht-link--html-a\" "
		    "id=\"export-json\" href=\"");
	html_attr(b, href(r, "/api/v1/kaart", skip_api, NULL, NULL));
	html_raw(b, "\">JSON via de open API</a>.</p>");
	if (!regions) {
		html_raw(b, "<script type=\"module\" src=\"");
		html_attr(b, assets_url("js/map.js"));
		html_raw(b, "\"></script>");
	}
	layout_end(b, s->stats.newest_confirmed);
	return status;
}

int page_map(struct request *r)
{
	int tt_status = 0; /* ?peildatum= swaps r->snap for that date */
	void *tt = history_timetravel_begin(r, &tt_status);
	if (tt_status)
		return tt_status;
	int status = page_map_view(r, tt);
	history_timetravel_end(r, tt);
	return status;
}

static int page_map_csv_view(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct map_view v;
	char msg[320];
	const char *param;
	if (build_view(r, &v, msg, sizeof msg, &param) < 0)
		return respond_error(r, 400, "Ongeldige parameter", msg, param);
	int *rows = arena_calloc(r->arena, (size_t)v.n + 1, sizeof(int));
	enum map_sort by;
	if (sort_rows(r, &v, rows, &by) < 0)
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'sorteer' moet naam, aantal of -aantal zijn.",
				     "sorteer");
	struct csv c;
	csv_begin(&c, &r->out);
	csv_cell(&c, "Gemeente");
	csv_cell(&c, "Code");
	csv_cell(&c, "CBS-code");
	csv_cell(&c, "Aantal actieve samenwerkingsverbanden");
	csv_cell(&c, "Klasse van");
	csv_cell(&c, "Klasse tot en met");
	if (v.verband >= 0)
		csv_cell(&c,
			 arena_printf(r->arena, "Neemt deel aan %s", s->collabs[v.verband].name));
	csv_end_row(&c);
	for (int i = 0; i < v.n; i++) {
		int j = rows[i];
		const struct organisation *o = &s->orgs[v.orgs[j]];
		csv_cell(&c, o->name);
		csv_cell(&c, o->code);
		csv_cell(&c, o->cbs_code);
		csv_int(&c, v.counts[j]);
		csv_int(&c, v.cls[j] >= 0 ? v.k.c[v.cls[j]].lo : 0);
		csv_int(&c, v.cls[j] >= 0 ? v.k.c[v.cls[j]].hi : 0);
		if (v.verband >= 0)
			csv_cell(&c, mapcount_takes_part(s, v.verband, v.orgs[j]) ? "ja" : "nee");
		csv_end_row(&c);
	}
	r->content_type = "text/csv; charset=utf-8";
	r->etag = s->etag;
	req_header(r, "Content-Disposition", "attachment; filename=\"kaart-gemeenten.csv\"");
	return 200;
}

int page_map_csv(struct request *r)
{
	int tt_status = 0;
	void *tt = history_timetravel_begin(r, &tt_status);
	if (tt_status)
		return tt_status;
	int status = page_map_csv_view(r);
	history_timetravel_end(r, tt);
	return status;
}
