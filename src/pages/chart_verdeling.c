/*
 * chart_verdeling — the national distribution as SVG and table; see
 * chart_verdeling.h.
 */
#include "chart_verdeling.h"
#include "../domain/indicatoren_vergelijk.h"
#include "../lib/arena.h"
#include "../render/components.h"
#include "../render/html.h"

#include <stdbool.h>
#include <string.h>

/* The rows of names above the bars: one per labelled mark at most, so
 * labels never have to overlap. */
#define LABEL_ROWS VERDELING_LABELS_MAX

static double xpos(const struct verdeling *v, double x)
{
	const double left = 20, width = 600;
	if (!(v->hi > v->lo))
		return left + width / 2;
	return left + width * (x - v->lo) / (v->hi - v->lo);
}

/* Each labelled mark takes the first row where its label does not run into
 * the previous one (widths estimated for the larger narrow-screen font);
 * row[i] is 1-based, 0 for an unlabelled mark. Returns the rows used. */
static int place_labels(const struct verdeling *v, int *row)
{
	int labelled = v->n_marks <= VERDELING_LABELS_MAX ? v->n_marks : 0;
	double row_end[LABEL_ROWS];
	for (int k = 0; k < LABEL_ROWS; k++)
		row_end[k] = -1e9;
	int rows = 0;
	for (int done = 0; done < labelled; done++) {
		int next = -1; /* the leftmost mark not placed yet */
		for (int i = 0; i < labelled; i++)
			if (!row[i] && (next < 0 || v->marks[i].value < v->marks[next].value))
				next = i;
		if (next < 0)
			break;
		double x = xpos(v, v->marks[next].value);
		double w = 15.0 * (double)strlen(v->marks[next].name) + 10;
		double x0 = x < 320 ? x : x - w, x1 = x < 320 ? x + w : x;
		int best = -1; /* the first free row, else the one that ends first */
		for (int k = 0; k < LABEL_ROWS && best < 0; k++)
			if (row_end[k] < x0)
				best = k;
		if (best < 0) {
			best = 0;
			for (int k = 1; k < LABEL_ROWS; k++)
				if (row_end[k] < row_end[best])
					best = k;
		}
		row_end[best] = x1;
		row[next] = best + 1;
		if (best + 1 > rows)
			rows = best + 1;
	}
	return rows;
}

static void svg(struct request *r, const struct verdeling *v)
{
	struct buf *b = &r->out;
	struct arena *a = r->arena;
	int maxc = 1;
	for (int k = 0; k < v->nbins; k++)
		if (v->hist[k] > maxc)
			maxc = v->hist[k];
	int *row = arena_calloc(a, (size_t)v->n_marks + 1, sizeof *row);
	int rows = place_labels(v, row);
	bool labelled = v->n_marks <= VERDELING_LABELS_MAX;
	/* strokes under the axis push the value labels down */
	double top = 10 + rows * 26, base = top + 130, under = labelled ? 0 : 12,
	       h = base + 50 + under;
	html_rawf(b,
		  "<figure class=\"atlas-vergelijk__figure\"><svg class=\"atlas-vergelijk__svg\" "
		  "viewBox=\"0 0 640 %.0f\" role=\"img\" aria-labelledby=\"verdeling-titel "
		  "verdeling-beschrijving\"><title id=\"verdeling-titel\">",
		  h);
	html_text(b, v->title);
	html_raw(b, "</title><desc id=\"verdeling-beschrijving\">");
	html_text(b, arena_printf(a,
				  "Staafjes: hoeveel gemeenten een waarde in elk interval hebben, "
				  "van %s tot %s. Streepjeslijn: de mediaan, %s.%s%s%s",
				  v->fmt(a, v->min), v->fmt(a, v->max), v->fmt(a, v->median),
				  !v->n_marks			       ? ""
				  : v->n_marks <= VERDELING_LABELS_MAX ? " Zwarte lijnen: "
								       : " Streepjes onder de as: ",
				  v->n_marks ? v->marks_what : "", v->n_marks ? "." : ""));
	html_raw(b, "</desc><g class=\"atlas-vergelijk__bars\">");
	for (int k = 0; k < v->nbins; k++) {
		double bw = 600.0 / v->nbins, bh = 120.0 * v->hist[k] / maxc;
		html_rawf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
			  20 + k * bw + 1, base - bh, bw - 2, bh);
	}
	html_rawf(b,
		  "</g><line class=\"atlas-vergelijk__axis\" x1=\"20\" y1=\"%.1f\" x2=\"620\" "
		  "y2=\"%.1f\"/>",
		  base, base);
	double mx = xpos(v, v->median);
	html_rawf(b,
		  "<line class=\"atlas-vergelijk__median\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		  "y2=\"%.1f\"/>",
		  mx, top, mx, base + 6);
	html_rawf(b, "<text class=\"atlas-vergelijk__tick\" x=\"20\" y=\"%.1f\">",
		  base + 22 + under);
	html_text(b, v->fmt(a, v->min));
	html_rawf(b,
		  "</text><text class=\"atlas-vergelijk__tick\" x=\"620\" y=\"%.1f\" "
		  "text-anchor=\"end\">",
		  base + 22 + under);
	html_text(b, v->fmt(a, v->max));
	html_rawf(b,
		  "</text><text class=\"atlas-vergelijk__tick\" x=\"%.1f\" y=\"%.1f\" "
		  "text-anchor=\"%s\">",
		  mx, base + 44 + under,
		  mx < 140   ? "start"
		  : mx > 500 ? "end"
			     : "middle"); /* kept inside the figure */
	html_text(b, arena_printf(a, "mediaan %s", v->fmt(a, v->median)));
	html_raw(b, "</text>");
	for (int i = 0; i < v->n_marks; i++) {
		const struct verdeling_mark *m = &v->marks[i];
		double x = xpos(v, m->value);
		html_raw(b, "<g class=\"atlas-vergelijk__mark\"><title>");
		html_text(b, arena_printf(a, "%s: %s", m->name, v->fmt(a, m->value)));
		if (labelled)
			html_rawf(b,
				  "</title><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
				  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>",
				  x, row[i] ? 8.0 + (row[i] - 1) * 26 : top, x, base, x, base);
		else /* many marks: a short stroke under the axis, so the bars stay visible */
			html_rawf(b,
				  "</title><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
				  x, base + 2, x, base + 12);
		if (row[i]) {
			html_rawf(b,
				  "<text class=\"atlas-vergelijk__label\" x=\"%.1f\" y=\"%.1f\" "
				  "text-anchor=\"%s\">",
				  x + (x < 320 ? 4 : -4), 8.0 + (row[i] - 1) * 26 + 14,
				  x < 320 ? "start" : "end");
			html_text(b, m->name);
			html_raw(b, "</text>");
		}
		html_raw(b, "</g>");
	}
	html_raw(b, "</svg></figure>");
}

static void table(struct request *r, const struct verdeling *v)
{
	struct buf *b = &r->out;
	struct arena *a = r->arena;
	html_raw(b, "<details class=\"atlas-vergelijk__details\"><summary>Toon de verdeling als "
		    "tabel</summary>");
	const struct comp_col cols[] = {
	    {"Interval", false}, {"Aantal gemeenten", true}, {v->marks_label, false}};
	comp_table_open(b, v->title, cols, 3);
	for (int k = 0; k < v->nbins; k++) {
		double lo = v->lo + (v->hi - v->lo) * k / v->nbins;
		double hi = v->lo + (v->hi - v->lo) * (k + 1) / v->nbins;
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, arena_printf(a, "%s tot %s%s", v->fmt(a, lo), v->fmt(a, hi),
					  k == v->nbins - 1 ? " (met)" : ""));
		comp_th_close(b);
		comp_td_int(b, v->hist[k]);
		comp_td_open(b, false);
		bool first = true;
		for (int i = 0; i < v->n_marks; i++)
			if (vergelijk_bin_of(v->marks[i].value, v->lo, v->hi, v->nbins) == k) {
				html_raw(b, first ? "" : ", ");
				html_text(b, v->marks[i].name);
				first = false;
			}
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</details>");
}

void chart_verdeling(struct request *r, const struct verdeling *v)
{
	svg(r, v);
	table(r, v);
}
