/*
 * quadrant — a server-rendered SVG quadrant diagram of role perspectives
 * (Van der Steen / NSOB: rechtmatige, presterende, samenwerkende and
 * responsieve overheid) with one labelled marker per party, for the
 * section "Rollen van de partijen" on a collaboration page.
 *
 * Arrangement (as in Van der Steen's quadrant, clockwise from top left):
 *   top left: rechtmatig     top right: presterend
 *   bottom left: responsief  bottom right: samenwerkend
 * Vertical axis: the government as the starting point (top: rechtmatig and
 * presterend, "inside-out") versus society and partners as the starting
 * point (bottom: samenwerkend and responsief, "outside-in"). Horizontal
 * axis: emphasis on rules, process and room for others (left: rechtmatig
 * and responsief) versus emphasis on results and shared goals (right:
 * presterend and samenwerkend).
 *
 * Position of a party with scores R, P, S, Q (1..5, in that order):
 *   x = ((P + S) - (R + Q)) / 8      y = ((R + P) - (S + Q)) / 8
 * both in -1..1 (x right positive, y up positive); equal scores sit in the
 * centre. The SVG is an image (role="img", aria-labelledby pointing at its
 * <title> and <desc>; the <desc> explains the axes and the formula); each
 * marker has its own <title> with the four scores. The SVG keeps its size
 * (text 12 px or more) inside a labelled region (role="region",
 * tabindex="0") that scrolls sideways on narrow screens. No style attributes
 * (CSP). The table alternative is written by the page (it has the dates).
 *
 * Writes through the html.h writers only; knows nothing of the snapshot or
 * the store.
 */
#ifndef ATLAS_QUADRANT_H
#define ATLAS_QUADRANT_H

#include "../lib/buf.h"

#define QUADRANT_AXES 4 /* scores in the order rechtmatig, presterend, samenwerkend, responsief */

struct quadrant_point {
	const char *label;	   /* party name, plain text */
	int scores[QUADRANT_AXES]; /* 1..5 (values outside are clamped) */
};

struct quadrant {
	const char *id;	   /* id prefix, unique in the page ([a-z0-9-]) */
	const char *title; /* SVG <title>, plain text */
	/* the four quadrant names and one-line explanations (plain text), in
	 * score order; NULL explanation = none */
	const char *names[QUADRANT_AXES];
	const char *hints[QUADRANT_AXES];
	const struct quadrant_point *points;
	int n;
};

/*
 * The position of scores in the diagram: *x and *y in -1..1 by the formula
 * above (scores clamped to 1..5 first).
 */
void quadrant_position(const int scores[QUADRANT_AXES], double *x, double *y);

/*
 * The quadrant (0 rechtmatig, 1 presterend, 2 samenwerkend, 3 responsief)
 * a position falls in; -1 on an axis (x or y exactly 0).
 */
int quadrant_of(double x, double y);

/* Write the <svg> into b. Points at the same position are fanned out so
 * every marker stays visible; markers are numbered 1..n in order. */
void quadrant_svg(struct buf *b, const struct quadrant *q);

#endif
