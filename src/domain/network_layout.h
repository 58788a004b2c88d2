/*
 * network_layout — deterministic drawing positions for the neighbourhood
 * of one chosen node on /netwerk, with every node labelled and no two
 * labels (or a label and another node) overlapping.
 *
 * The graph is given as rings: ring 0 is the chosen node, ring 1 its
 * neighbours, ring 2 the neighbours of those (the caller picks them).
 * Two layouts, both computed here and checked by network_layout_overlap:
 *   - radial (wide screens): ring 1 and ring 2 on circles around the
 *     chosen node; on each half of a circle the nodes are spaced evenly in
 *     height, labels run outward horizontally (to the right on the right
 *     half, to the left on the left half); the radii grow until no label
 *     collides with another label or node;
 *   - columns (narrow screens): ring 1 in a column with its labels on the
 *     left, ring 2 in a column with its labels on the right, the chosen
 *     node above them; one row per node.
 * Ring 2 is ordered by the mean position of its ring-1 neighbours (fewer
 * crossings), ties by the caller's order. Labels longer than the room are
 * shortened with "…" (the full name stays with the node). Label widths
 * are estimated from the number of characters (LAYOUT_CHAR_EM of the font
 * size per character, generous for a sans-serif font).
 *
 * Pure, no I/O; memory from the caller's arena.
 */
#ifndef ATLAS_NETWORK_LAYOUT_H
#define ATLAS_NETWORK_LAYOUT_H

#include "../lib/arena.h"

#include <stdbool.h>

#define LAYOUT_CHAR_EM 0.62

struct nl_box {
	double x0, y0, x1, y1;
};

struct nl_node {
	const char *label; /* input: full label, plain text */
	int ring;	   /* input: 0 (the chosen node), 1 or 2 */
	/* output */
	double x, y;	   /* node centre */
	double lx, ly;	   /* label anchor (baseline) */
	int anchor;	   /* -1 text ends at lx, 0 centred, 1 starts at lx */
	const char *text;  /* the label as drawn (maybe shortened) */
	struct nl_box box; /* the label's box */
};

struct nl_graph {
	struct nl_node *nodes; /* ring 0 first, then ring 1, then ring 2 (input order) */
	int n;
	const int *ea, *eb; /* edges: node indexes */
	int n_edges;
	double font;   /* font size in drawing units */
	double node_r; /* node radius */
	/* output */
	double width, height; /* the drawing: 0..width × 0..height */
	int *draw_order;      /* node indexes in the order they are placed (rings, then position) */
};

/* Lay out g for a wide drawing (radial). Returns 0, or -1 when memory ran out. */
int network_layout_radial(struct nl_graph *g, struct arena *a);

/* Lay out g for a drawing width units wide (columns). Returns 0 or -1. */
int network_layout_columns(struct nl_graph *g, double width, struct arena *a);

/*
 * True when two label boxes overlap, or a label box overlaps another
 * node's circle, or a box lies outside the drawing; *i and *j (may be
 * NULL) get the two node indexes.
 */
bool network_layout_overlap(const struct nl_graph *g, int *i, int *j);

/* text, shortened with "…" to at most maxw wide at font size font (text
 * itself when it fits). */
const char *network_layout_shorten(const char *text, double maxw, double font, struct arena *a);

/* Estimated width of text in drawing units at font size font. */
double network_layout_text_width(const char *text, double font);

#endif
