/*
 * heatmap — a server-rendered SVG heat map of a symmetric n×n matrix of
 * shares (0..1), and the same numbers as an HTML table, for the congruence
 * part of /analyse/overlap.
 *
 * The SVG is an image with a name and a description (role="img",
 * aria-labelledby pointing at its <title> and <desc>); each cell has its
 * own <title> (a tooltip such as "Baarn en Soest: 45,0 %"). Colours come
 * from a five-class sequential scale that stays distinguishable for
 * colour-blind readers (viridis, light to dark), with a legend; a share of
 * exactly 0 is white. No style attributes (CSP): presentation attributes
 * only. The table is the accessible alternative and carries every number.
 *
 * Writes through the html.h writers only; knows nothing of the snapshot.
 */
#ifndef ATLAS_HEATMAP_H
#define ATLAS_HEATMAP_H

#include "../lib/buf.h"

struct heatmap {
	const char *id;		   /* id prefix, unique in the page ([a-z-]) */
	const char *title;	   /* SVG <title>, plain text */
	const char *desc;	   /* SVG <desc>, plain text */
	const char *caption;	   /* table caption, plain text */
	const char *const *labels; /* n row/column labels, plain text */
	int n;
	const double *values; /* n*n shares 0..1; < 0 = no value (diagonal) */
	const int *blocks;    /* per row: block number, runs outlined on the diagonal; -1 =
				 none; NULL = no blocks */
};

/* Number of colour classes in the scale (after the white "0" class). */
#define HEATMAP_CLASSES 5

/* The fill colour (a "#rrggbb" literal) for a share 0..1. */
const char *heatmap_colour(double share);

/* Write the SVG (with legend) into b. */
void heatmap_svg(struct buf *b, const struct heatmap *h);

/*
 * Write the matrix as an HTML table (row and column headers, whole
 * percentages without the sign — the caption says "in procenten" — each
 * with the exact value in its title, "—" where there is no value) inside a
 * focusable, labelled scroll region.
 */
void heatmap_table(struct buf *b, const struct heatmap *h);

#endif
