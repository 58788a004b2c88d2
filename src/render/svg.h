/*
 * svg — server-rendered bar charts as inline SVG, and the data table that
 * always goes with them.
 *
 * A chart is a horizontal bar chart: one row per category with its label
 * on the left, a bar whose length is proportional to the value, and the
 * value as text at the end of the bar (so the numbers are readable without
 * hovering). The <svg> has role="img" and aria-labelledby pointing at its
 * own <title> and <desc>; every bar group carries a <title> ("Label: 12")
 * for pointer users. Colours use presentation attributes only (the CSP
 * forbids style attributes) and meet WCAG 2.1 AA contrast on white.
 *
 * The chart alone is never enough: svg_bar_figure writes the chart together
 * with a table of exactly the same numbers (visible, or in a <details>).
 * Everything is escaped through html.h; labels are plain text.
 * Does not know about the snapshot; keeps no state.
 */
#ifndef ATLAS_SVG_H
#define ATLAS_SVG_H

#include "../lib/buf.h"

#include <stdbool.h>

/* One bar. */
struct svg_bar {
	const char *label; /* category, plain text */
	long long value;   /* >= 0 */
	const char *href;  /* optional link for the table row (built with url_*), or NULL */
};

/* A bar chart. */
struct svg_chart {
	const char *id;	       /* unique id prefix on the page ([a-z0-9-]), e.g. "grafiek-domein" */
	const char *title;     /* the chart's <title> and the table caption, plain text */
	const char *desc;      /* the chart's <desc>: what it shows in one or two sentences */
	const char *cat_label; /* table header of the category column ("Beleidsdomein") */
	const char *value_label; /* table header of the value column ("Aantal actief") */
	const struct svg_bar *bars;
	int n_bars;
};

/*
 * Write the <svg> element only (role="img", aria-labelledby="<id>-titel
 * <id>-beschrijving", <title>, <desc>, one <g> with <title> per bar). With
 * no bars, writes an SVG that says "Geen gegevens". Labels longer than the
 * label column are shortened with "…" (the full text is in the bar's title
 * and in the table).
 */
void svg_bar_chart(struct buf *b, const struct svg_chart *c);

/*
 * Write the data table for the chart: caption = title, one row per bar
 * (category as row header, linked when href is set; value as number).
 */
void svg_bar_table(struct buf *b, const struct svg_chart *c);

/*
 * Write a figure: the chart followed by its data table; with in_details the
 * table sits in a closed <details> ("Toon de cijfers als tabel"), otherwise
 * it is shown directly below the chart.
 */
void svg_bar_figure(struct buf *b, const struct svg_chart *c, bool in_details);

#endif
