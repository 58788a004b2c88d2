/*
 * evaluatie_resultaten — the results of a round (/evaluatie/{ronde}) and
 * their CSV: per item the n, a stacked bar (server-side SVG) with a table
 * beside it holding the same numbers, the mean, and the breakdowns by
 * target group, organisation kind and collaboration. Hidden cells
 * (app/evaluatie.h: fewer than five respondents, also by differencing)
 * show "minder dan 5" in tables and CSV and are left out of the charts.
 * Open answers: programme staff only.
 */
#include "evaluatie.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/evaluatie.h"
#include "../app/policy.h"
#include "../domain/fields.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define BASE "/evaluatie"
#define HIDDEN_TEXT "minder dan 5"

static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

/* Colours of the categories, dark enough for white text-free bars and
 * told apart by the table, not by colour alone. */
static const char *const colours[EV_CATS] = {"#8c8c8c", "#b2182b", "#ef8a62", "#d9d9d9",
					     "#67a9cf", "#2166ac", "#1b7837", "#762a83",
					     "#e08214", "#543005", "#003c30"};

static const char *category(struct request *r, const struct ev_result_row *x, int v)
{
	if (x->scale)
		return x->item && strcmp(x->item->kind, "likert") == 0 ? evaluatie_likert_labels[v]
								       : evaluatie_score_labels[v];
	char o[EVALUATIE_OPTION_MAX * 4 + 1];
	if (!evaluatie_option(x->item->options, v - 1, o, sizeof o))
		return "?";
	return arena_strdup(r->arena, o);
}

static const char *row_title(struct request *r, const struct ev_result_row *x)
{
	if (x->party < 0)
		return x->item->text;
	char o[EVALUATIE_OPTION_MAX * 4 + 1];
	evaluatie_option(x->item->options, x->party, o, sizeof o);
	return arena_printf(r->arena, "%s — %s: %s", x->item->text, o,
			    evaluatie_perspectives[x->persp]);
}

/* The stacked bar of cell c (not hidden), aria-hidden: the table beside it
 * holds the numbers. */
static void bar(struct buf *b, struct request *r, const struct ev_result_row *x,
		const struct ev_cell *c, const char *label)
{
	int total = 0;
	for (int v = x->first; v <= x->last; v++)
		total += c->counts[v];
	html_raw(b, "<svg class=\"atlas-stacked-bar\" role=\"img\" viewBox=\"0 0 100 6\" "
		    "preserveAspectRatio=\"none\" width=\"100%\" height=\"24\" aria-label=\"");
	html_attr(b, arena_printf(r->arena, "Verdeling %s (zie de tabel)", label));
	html_raw(b, "\">");
	double at = 0;
	for (int v = x->first; total > 0 && v <= x->last; v++) {
		double w = 100.0 * c->counts[v] / total;
		if (w <= 0)
			continue;
		html_rawf(b, "<rect x=\"%.3f\" y=\"0\" width=\"%.3f\" height=\"6\" fill=\"%s\">",
			  at, w, colours[v % EV_CATS]);
		html_raw(b, "<title>");
		html_text(b, arena_printf(r->arena, "%s: %d", category(r, x, v), c->counts[v]));
		html_raw(b, "</title></rect>");
		at += w;
	}
	html_raw(b, "</svg>");
}

static void td_int(struct buf *b, const char *label, long long v)
{
	html_raw(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\" data-label=\"");
	html_attr(b, label);
	html_raw(b, "\">");
	html_int_nl(b, v);
	html_raw(b, "</td>");
}

static void td_text(struct buf *b, const char *label, const char *text, bool numeric)
{
	html_raw(b, numeric ? "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\""
			    : "<td class=\"utrecht-table__cell\"");
	html_raw(b, " data-label=\"");
	html_attr(b, label);
	html_raw(b, "\">");
	html_text(b, text);
	html_raw(b, "</td>");
}

static void cell_row(struct buf *b, struct request *r, const struct ev_result_row *x,
		     const char *group, const struct ev_cell *c)
{
	html_raw(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" "
		    "scope=\"row\">");
	html_text(b, group);
	html_raw(b, "</th>");
	if (c->hidden) {
		td_text(b, "n", HIDDEN_TEXT, true);
		for (int v = x->first; v <= x->last; v++)
			td_text(b, category(r, x, v), "–", true);
		if (x->scale)
			td_text(b, "Gemiddelde (1–5)", "–", true);
	} else {
		td_int(b, "n", c->n);
		for (int v = x->first; v <= x->last; v++)
			td_int(b, category(r, x, v), c->counts[v]);
		if (x->scale) {
			double m;
			html_raw(b,
				 "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\" "
				 "data-label=\"Gemiddelde (1–5)\">");
			if (evaluatie_mean(c, &m))
				comp_decimal_nl(b, m, 2);
			else
				html_raw(b, "–");
			html_raw(b, "</td>");
		}
	}
	html_raw(b, "</tr>");
}

/* The table of a result row: a focusable scroll region (it may be wide),
 * named by the question's heading. */
static void result_table(struct buf *b, struct request *r, const struct ev_result_row *x,
			 const char *title, int idx)
{
	html_rawf(b,
		  "<div class=\"utrecht-table-container atlas-table-container\" tabindex=\"0\" "
		  "role=\"region\" aria-labelledby=\"vraag-%d\"><table class=\"utrecht-table "
		  "utrecht-table--html-table utrecht-table--alternate-row-color\"><caption "
		  "class=\"utrecht-table__caption\">",
		  idx);
	html_text(b, arena_printf(r->arena, "Aantallen: %s", title));
	html_raw(b, "</caption><thead class=\"utrecht-table__header\"><tr "
		    "class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" "
		    "scope=\"col\">Groep</th><th class=\"utrecht-table__header-cell "
		    "utrecht-table__header-cell--numeric\" scope=\"col\">n</th>");
	for (int v = x->first; v <= x->last; v++) {
		html_raw(b, "<th class=\"utrecht-table__header-cell "
			    "utrecht-table__header-cell--numeric\" scope=\"col\">");
		html_text(b, category(r, x, v));
		html_raw(b, "</th>");
	}
	if (x->scale)
		html_raw(b, "<th class=\"utrecht-table__header-cell "
			    "utrecht-table__header-cell--numeric\" scope=\"col\">Gemiddelde "
			    "(1–5)</th>");
	html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	cell_row(b, r, x, "Totaal", &x->total);
	for (int d = 0; d < x->n_by; d++)
		for (int i = 0; i < x->by[d].k; i++) {
			const struct ev_cell *c = &x->by[d].cells[i];
			if (!c->n)
				continue;
			cell_row(
			    b, r, x,
			    arena_printf(r->arena, "%s: %s", x->by[d].title, x->by[d].labels[i]),
			    c);
		}
	html_raw(b, "</tbody></table></div>");
}

static void result_row(struct buf *b, struct request *r, const struct ev_result_row *x, int idx)
{
	const char *title = row_title(r, x);
	html_raw(b, "<section class=\"atlas-result-item\">");
	html_rawf(b, "<h3 class=\"utrecht-heading-3\" id=\"vraag-%d\">", idx);
	html_text(b, title);
	html_raw(b, "</h3>");
	if (x->total.hidden) {
		comp_para(
		    b, "Te weinig respondenten (minder dan 5): deze uitkomst wordt niet getoond.");
		html_raw(b, "</section>");
		return;
	}
	if (strcmp(x->item->kind, "meervoudig") != 0)
		bar(b, r, x, &x->total, "totaal");
	result_table(b, r, x, title, idx);
	html_raw(b, "</section>");
}

static bool round_id(struct request *r, int64_t *id)
{
	long v;
	if (r->n_path_args < 1 || !parse_long(r->path_args[0], 1, 1000000000L, &v))
		return false;
	*id = v;
	return true;
}

int page_evaluatie_results(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	int64_t id;
	if (!round_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_results res;
	enum evaluatie_outcome o = evaluatie_results(st, r->arena, r->snap, web_user(r), id, &res);
	if (o == EVAL_NOTFOUND)
		return respond_not_found(r);
	if (o != EVAL_OK)
		return page_store_down(r);
	bool staff = policy_may_manage_evaluations(web_user(r));
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, "Resultaten: %s", res.round.name);
	const struct crumb crumbs[] = {{"Evaluatie", BASE}, {res.round.name, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	if (!res.round.released)
		comp_notice(
		    b, "Niet vrijgegeven.",
		    "Alleen het programmateam ziet deze resultaten tot ze worden vrijgegeven.");
	html_raw(b, "<p class=\"utrecht-paragraph\">Respondenten: ");
	if (res.respondents_hidden)
		html_raw(b, HIDDEN_TEXT);
	else
		html_int_nl(b, res.respondents);
	html_raw(b,
		 ". Groepen met minder dan vijf respondenten worden niet getoond; soms wordt "
		 "ook een tweede groep verborgen, zodat de kleine groep niet uit het totaal is af "
		 "te leiden.</p><p class=\"utrecht-paragraph\">");
	comp_link(b, arena_printf(r->arena, BASE "/%lld/resultaten.csv", (long long)id),
		  "Resultaten als CSV");
	if (staff) {
		html_raw(b, " · ");
		comp_link(b, arena_printf(r->arena, BASE "/%lld/beheer", (long long)id),
			  "Beheer van deze ronde");
	}
	html_raw(b, "</p>");
	for (int blk = 0; blk < LABEL_COUNT(evaluatie_block_labels); blk++) {
		bool any = false;
		for (int i = 0; i < res.n_rows; i++)
			if (strcmp(res.rows[i].item->block, evaluatie_block_labels[blk].api) == 0)
				any = true;
		if (!any)
			continue;
		comp_h2(b, arena_printf(r->arena, "blok-%s", evaluatie_block_labels[blk].api),
			evaluatie_block_labels[blk].label);
		for (int i = 0; i < res.n_rows; i++)
			if (strcmp(res.rows[i].item->block, evaluatie_block_labels[blk].api) == 0)
				result_row(b, r, &res.rows[i], i);
	}
	if (staff) {
		comp_h2(b, "open", "Open antwoorden (alleen programmateam)");
		if (!res.n_open)
			comp_para(b, "Er zijn geen open antwoorden.");
		for (int i = 0; i < res.n_items; i++) {
			const struct ev_item_row *it = &res.items[i];
			if (strcmp(it->kind, "open") != 0)
				continue;
			html_raw(b, "<h3 class=\"utrecht-heading-3\">");
			html_text(b, it->text);
			html_raw(b, "</h3><ul class=\"utrecht-unordered-list\">");
			for (int k = 0; k < res.n_open; k++)
				if (res.open[k].item_id == it->id) {
					html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
					html_text(b, res.open[k].text);
					html_raw(b, "</li>");
				}
			html_raw(b, "</ul>");
		}
	}
	layout_end(b, NULL);
	return 200;
}

int page_evaluatie_results_csv(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	int64_t id;
	if (!round_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_results res;
	enum evaluatie_outcome o = evaluatie_results(st, r->arena, r->snap, web_user(r), id, &res);
	if (o == EVAL_NOTFOUND)
		return respond_not_found(r);
	if (o != EVAL_OK)
		return page_store_down(r);
	r->content_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition",
		   arena_printf(r->arena, "attachment; filename=\"ronde-%lld-resultaten.csv\"",
				(long long)id));
	struct csv c;
	csv_begin(&c, &r->out);
	const char *head[] = {"vraag",	     "versie",	 "blok",       "tekst",	    "partij",
			      "perspectief", "indeling", "groep",      "n",	    "waarde",
			      "antwoord",    "aantal",	 "gemiddelde", "onderdrukt"};
	for (int i = 0; i < 14; i++)
		csv_cell(&c, head[i]);
	csv_end_row(&c);
	for (int i = 0; i < res.n_rows; i++) {
		const struct ev_result_row *x = &res.rows[i];
		char party[EVALUATIE_OPTION_MAX * 4 + 1] = "";
		if (x->party >= 0)
			evaluatie_option(x->item->options, x->party, party, sizeof party);
		for (int d = -1; d < x->n_by; d++) {
			int k = d < 0 ? 1 : x->by[d].k;
			for (int g = 0; g < k; g++) {
				const struct ev_cell *cell = d < 0 ? &x->total : &x->by[d].cells[g];
				if (d >= 0 && !cell->n)
					continue;
				double m = 0;
				bool has_mean = x->scale && evaluatie_mean(cell, &m);
				for (int v = x->first; v <= x->last; v++) {
					csv_cell(&c, x->item->item_key);
					csv_cell(&c,
						 arena_printf(r->arena, "%d", x->item->version));
					csv_cell(&c, x->item->block);
					csv_cell(&c, x->item->text);
					csv_cell(&c, party);
					csv_cell(&c, x->persp >= 0
							 ? evaluatie_perspectives[x->persp]
							 : "");
					csv_cell(&c, d < 0 ? "totaal" : x->by[d].title);
					csv_cell(&c, d < 0 ? "Totaal" : x->by[d].labels[g]);
					csv_cell(&c, cell->hidden
							 ? ""
							 : arena_printf(r->arena, "%d", cell->n));
					csv_cell(&c, arena_printf(r->arena, "%d", v));
					csv_cell(&c, category(r, x, v));
					csv_cell(&c, cell->hidden ? ""
								  : arena_printf(r->arena, "%d",
										 cell->counts[v]));
					csv_cell(&c,
						 has_mean ? arena_printf(r->arena, "%.2f", m) : "");
					csv_cell(&c, cell->hidden ? "ja" : "nee");
					csv_end_row(&c);
				}
			}
		}
	}
	return 200;
}
