/*
 * svg — see svg.h. The chart has no viewBox: it is as wide as its container
 * and its geometry is in CSS pixels, with bar lengths as percentages of
 * that width. So the text is drawn at its font size (14 px) on every
 * screen instead of being scaled down with the drawing on a phone. Each
 * category is a label line with its bar and value below it, which fits a
 * 390 px screen.
 */
#include "svg.h"
#include "components.h"
#include "html.h"

#include <string.h>

#define ROW_H 46   /* one category: label line, then the bar */
#define LABEL_Y 17 /* label baseline within the row */
#define BAR_Y 23   /* bar top within the row */
#define BAR_H 16
#define VALUE_Y 36 /* value baseline within the row */
#define PAD 6
#define BAR_ROOM 85.0 /* the longest bar, in % of the width (the rest is for its value) */
#define LABEL_MAX 40  /* code points of a label before "…" (full text in title and table) */

/* Colours (presentation attributes): contrast on white. */
#define COLOR_BAR "#0b4f9c"  /* 8.0:1 — non-text contrast well above 3:1 */
#define COLOR_TEXT "#1a1a1a" /* 17:1 */
#define COLOR_AXIS "#545454" /* 7.5:1 */

/* Write the first `max` code points of s, followed by "…" when cut. */
static void text_shortened(struct buf *b, const char *s, int max)
{
	int cps = 0;
	const char *p = s;
	while (*p && cps < max) {
		p++;
		while ((*p & 0xC0) == 0x80) /* continuation bytes */
			p++;
		cps++;
	}
	if (!*p) {
		html_text(b, s);
		return;
	}
	/* cut one code point earlier to make room for the ellipsis */
	const char *cut = s;
	for (int i = 0; i < max - 1; i++) {
		cut++;
		while ((*cut & 0xC0) == 0x80)
			cut++;
	}
	while (cut > s && cut[-1] == ' ')
		cut--;
	struct buf tmp = BUF_INIT;
	buf_add(&tmp, s, (size_t)(cut - s));
	html_text(b, tmp.data ? tmp.data : "");
	buf_free(&tmp);
	html_raw(b, "…");
}

static void id_attr(struct buf *b, const char *id, const char *suffix)
{
	html_attr(b, id);
	html_raw(b, suffix);
}

void svg_bar_chart(struct buf *b, const struct svg_chart *c)
{
	long long max = 0;
	for (int i = 0; i < c->n_bars; i++)
		if (c->bars[i].value > max)
			max = c->bars[i].value;
	int rows = c->n_bars > 0 ? c->n_bars : 1;
	int h = 2 * PAD + rows * ROW_H;

	html_rawf(b,
		  "<svg class=\"atlas-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
		  "width=\"100%%\" height=\"%d\" role=\"img\" aria-labelledby=\"",
		  h);
	id_attr(b, c->id, "-titel ");
	id_attr(b, c->id, "-beschrijving");
	html_raw(b, "\"><title id=\"");
	id_attr(b, c->id, "-titel");
	html_raw(b, "\">");
	html_text(b, c->title);
	html_raw(b, "</title><desc id=\"");
	id_attr(b, c->id, "-beschrijving");
	html_raw(b, "\">");
	html_text(b, c->desc);
	html_raw(b, "</desc>");

	if (c->n_bars == 0) {
		html_rawf(b,
			  "<text class=\"atlas-chart__text\" x=\"0\" y=\"%d\" font-size=\"14\" "
			  "fill=\"" COLOR_TEXT "\">Geen gegevens</text></svg>",
			  PAD + LABEL_Y);
		return;
	}

	for (int i = 0; i < c->n_bars; i++) {
		const struct svg_bar *bar = &c->bars[i];
		int y = PAD + i * ROW_H;
		double pct = max > 0 ? (double)bar->value * BAR_ROOM / (double)max : 0.0;
		if (bar->value > 0 && pct < 0.5)
			pct = 0.5; /* a non-zero value stays visible */
		html_raw(b, "<g><title>");
		html_text(b, bar->label);
		html_raw(b, ": ");
		html_int_nl(b, bar->value);
		html_rawf(b,
			  "</title><text class=\"atlas-chart__text\" x=\"0\" y=\"%d\" "
			  "font-size=\"14\" fill=\"" COLOR_TEXT "\">",
			  y + LABEL_Y);
		text_shortened(b, bar->label, LABEL_MAX);
		html_rawf(b,
			  "</text><rect x=\"0\" y=\"%d\" width=\"%.1f%%\" height=\"%d\" "
			  "fill=\"" COLOR_BAR
			  "\"/><text class=\"atlas-chart__text\" x=\"%.1f%%\" dx=\"6\" y=\"%d\" "
			  "font-size=\"14\" font-weight=\"700\" fill=\"" COLOR_TEXT "\">",
			  y + BAR_Y, pct, BAR_H, pct, y + VALUE_Y);
		html_int_nl(b, bar->value);
		html_raw(b, "</text></g>");
	}
	/* the baseline the bars grow from */
	html_rawf(b,
		  "<line x1=\"0.5\" y1=\"%d\" x2=\"0.5\" y2=\"%d\" stroke=\"" COLOR_AXIS
		  "\" stroke-width=\"1\"/></svg>",
		  PAD, h - PAD);
}

void svg_bar_table(struct buf *b, const struct svg_chart *c)
{
	const struct comp_col cols[] = {{c->cat_label, false}, {c->value_label, true}};
	comp_table_open(b, c->title, cols, 2);
	for (int i = 0; i < c->n_bars; i++) {
		comp_row_open(b);
		comp_th_open(b);
		if (c->bars[i].href)
			comp_link(b, c->bars[i].href, c->bars[i].label);
		else
			html_text(b, c->bars[i].label);
		comp_th_close(b);
		comp_td_int(b, c->bars[i].value);
		comp_row_close(b);
	}
	comp_table_close(b);
}

void svg_bar_figure(struct buf *b, const struct svg_chart *c, bool in_details)
{
	html_raw(b, "<div class=\"atlas-chart-figure\" id=\"");
	html_attr(b, c->id);
	html_raw(b, "\">");
	svg_bar_chart(b, c);
	if (in_details) {
		html_raw(b, "<details class=\"atlas-chart-data\"><summary>Toon de cijfers als "
			    "tabel</summary>");
		svg_bar_table(b, c);
		html_raw(b, "</details>");
	} else {
		svg_bar_table(b, c);
	}
	html_raw(b, "</div>");
}
