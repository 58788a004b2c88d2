/*
 * chart_verdeling — the national distribution of one figure over the
 * gemeenten as a server-side SVG histogram with its median and marked
 * gemeenten, and beside it (in a <details>) the same bins as a table. Used
 * by the compare page (/kennis/vergelijk) and the financial national view
 * (/financien). The caller writes the heading and the explanation; the
 * bins come from vergelijk_histogram (domain/indicatoren_vergelijk.h).
 */
#ifndef ATLAS_PAGES_CHART_VERDELING_H
#define ATLAS_PAGES_CHART_VERDELING_H

#include "../http/request.h"

struct verdeling_mark {
	const char *name;
	double value;
};

struct verdeling {
	const char *title; /* the SVG's title and the table's caption */
	const int *hist;   /* nbins counts */
	int nbins;
	double lo, hi; /* the bins run from lo to hi */
	double min, max, median;
	const struct verdeling_mark *marks; /* the marked gemeenten, each with a value */
	int n_marks;
	const char *marks_label; /* their table column, e.g. "Gekozen gemeenten" */
	const char *marks_what;	 /* in the description, e.g. "de gekozen gemeenten" */
	/* the number format of the page (e.g. "1.234,5" or "€ 1.234") */
	const char *(*fmt)(struct arena *a, double v);
};

/* Marks are labelled with their names when there are at most this many;
 * more are marks only (named in the table and in each mark's <title>). */
#define VERDELING_LABELS_MAX 8

void chart_verdeling(struct request *r, const struct verdeling *v);

#endif
