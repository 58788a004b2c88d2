/*
 * quadrant — see quadrant.h.
 */
#include "quadrant.h"
#include "html.h"

#include <math.h>
#include <string.h>

#define W 640	     /* viewBox width */
#define H 560	     /* viewBox height */
#define X0 100	     /* plot square, left */
#define Y0 50	     /* plot square, top */
#define SIDE 440     /* plot square, side */
#define INSET 24     /* markers keep this far from the square's edge */
#define LABEL_MAX 26 /* code points of a marker label before "…" */

static const char *const fills[QUADRANT_AXES] = {"#e8f0fb", "#fdf1e3", "#e6f4ee", "#f3eaf7"};

static int clamp_score(int v)
{
	return v < 1 ? 1 : v > 5 ? 5 : v;
}

void quadrant_position(const int scores[QUADRANT_AXES], double *x, double *y)
{
	int r = clamp_score(scores[0]), p = clamp_score(scores[1]);
	int s = clamp_score(scores[2]), q = clamp_score(scores[3]);
	*x = (double)((p + s) - (r + q)) / 8.0;
	*y = (double)((r + p) - (s + q)) / 8.0;
}

int quadrant_of(double x, double y)
{
	if (x == 0.0 || y == 0.0)
		return -1;
	if (y > 0)
		return x < 0 ? 0 : 1;
	return x > 0 ? 2 : 3;
}

/* Write at most max code points of s as SVG text, "…" when shortened. */
static void short_text(struct buf *b, const char *s, int max)
{
	int cps = 0;
	size_t i = 0, cut = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (cps == max - 1)
				cut = i;
			cps++;
		}
	}
	if (cps <= max) {
		html_text(b, s);
		return;
	}
	struct buf t = BUF_INIT;
	buf_add(&t, s, cut);
	buf_puts(&t, "…");
	html_text(b, t.data ? t.data : "");
	buf_free(&t);
}

static void text_at(struct buf *b, int x, int y, const char *anchor, const char *weight,
		    const char *text)
{
	html_rawf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"", x, y);
	html_raw(b, anchor);
	html_raw(b, "\" font-size=\"13\" fill=\"#1a1a1a\"");
	if (weight)
		html_raw(b, " font-weight=\"bold\"");
	html_raw(b, ">");
	html_text(b, text);
	html_raw(b, "</text>");
}

void quadrant_svg(struct buf *b, const struct quadrant *q)
{
	const int half = SIDE / 2;
	const int cx = X0 + half, cy = Y0 + half;

	/* drawn at its own size (text 12 px or more), in a labelled region that
	 * scrolls sideways on a narrower screen */
	html_raw(b, "<div class=\"atlas-figure-scroll\" role=\"region\" tabindex=\"0\" "
		    "aria-label=\"");
	html_attr(b, q->title);
	html_raw(b, " (schuift horizontaal)\">");
	html_rawf(b,
		  "<svg class=\"atlas-quadrant\" xmlns=\"http://www.w3.org/2000/svg\" "
		  "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		  "aria-labelledby=\"",
		  W, H, W, H);
	html_attr(b, q->id);
	html_raw(b, "-titel ");
	html_attr(b, q->id);
	html_raw(b, "-beschrijving\"><title id=\"");
	html_attr(b, q->id);
	html_raw(b, "-titel\">");
	html_text(b, q->title);
	html_raw(b, "</title><desc id=\"");
	html_attr(b, q->id);
	html_raw(b, "-beschrijving\">Kwadrant van de vier overheidsperspectieven (Van der "
		    "Steen, NSOB). Linksboven ");
	html_text(b, q->names[0]);
	html_raw(b, ", rechtsboven ");
	html_text(b, q->names[1]);
	html_raw(b, ", rechtsonder ");
	html_text(b, q->names[2]);
	html_raw(b, ", linksonder ");
	html_text(b, q->names[3]);
	html_raw(b, ". De verticale as loopt van de overheid als vertrekpunt (boven) naar de "
		    "samenleving en partners als vertrekpunt (onder); de horizontale as van "
		    "nadruk op regels, proces en ruimte voor anderen (links) naar nadruk op "
		    "resultaat en gezamenlijke doelen (rechts). Elke genummerde stip is de "
		    "laatste beoordeling van een partij: horizontaal (presterend + samenwerkend) "
		    "min (rechtmatig + responsief), verticaal (rechtmatig + presterend) min "
		    "(samenwerkend + responsief), beide gedeeld door 8. Gelijke scores staan in "
		    "het midden.");
	html_rawf(b, " Aantal partijen: %d.</desc>", q->n);

	/* the four quadrants */
	static const int qx[QUADRANT_AXES] = {0, 1, 1, 0}, qy[QUADRANT_AXES] = {0, 0, 1, 1};
	for (int k = 0; k < QUADRANT_AXES; k++) {
		html_rawf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"",
			  X0 + qx[k] * half, Y0 + qy[k] * half, half, half);
		html_raw(b, fills[k]);
		html_raw(b, "\" stroke=\"#757575\" stroke-width=\"1\"/>");
		int tx = qx[k] ? X0 + SIDE - 8 : X0 + 8;
		int ty = qy[k] ? Y0 + SIDE - 10 : Y0 + 20;
		text_at(b, tx, ty, qx[k] ? "end" : "start", "bold", q->names[k]);
		if (q->hints[k] && q->hints[k][0]) {
			/* the one-line explanation: below the name at the top, above it
			 * at the bottom (corners no marker can reach) */
			html_rawf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"", tx,
				  qy[k] ? ty - 16 : ty + 16);
			html_raw(b, qx[k] ? "end" : "start");
			html_raw(b, "\" font-size=\"12\" fill=\"#3d3d3d\">");
			html_text(b, q->hints[k]);
			html_raw(b, "</text>");
		}
	}
	/* axes and their meaning */
	html_rawf(b,
		  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#545454\" "
		  "stroke-width=\"1.5\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		  "stroke=\"#545454\" stroke-width=\"1.5\"/>",
		  X0, cy, X0 + SIDE, cy, cx, Y0, cx, Y0 + SIDE);
	text_at(b, cx, Y0 - 14, "middle", NULL, "Vanuit de overheid");
	text_at(b, cx, Y0 + SIDE + 26, "middle", NULL, "Vanuit samenleving en partners");
	html_rawf(b,
		  "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" "
		  "fill=\"#1a1a1a\" transform=\"rotate(-90 %d %d)\">Regels en proces</text>",
		  X0 - 16, cy, X0 - 16, cy);
	html_rawf(b,
		  "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" "
		  "fill=\"#1a1a1a\" transform=\"rotate(90 %d %d)\">Resultaat en doelen</text>",
		  X0 + SIDE + 16, cy, X0 + SIDE + 16, cy);

	/* the parties */
	const double reach = half - INSET;
	for (int i = 0; i < q->n; i++) {
		const struct quadrant_point *pt = &q->points[i];
		double x, y;
		quadrant_position(pt->scores, &x, &y);
		int same = 0; /* earlier markers at the same position: fan out */
		for (int j = 0; j < i; j++) {
			double xj, yj;
			quadrant_position(q->points[j].scores, &xj, &yj);
			if (xj == x && yj == y)
				same++;
		}
		double px = cx + x * reach, py = cy - y * reach;
		if (same > 0) {
			double angle = (double)(same - 1) * (3.14159265358979 / 3.0);
			double rad = 22.0 * (double)(1 + (same - 1) / 6);
			px += rad * cos(angle);
			py += rad * sin(angle);
		}
		int ix = (int)lround(px), iy = (int)lround(py);
		html_raw(b, "<g class=\"atlas-quadrant__party\"><title>");
		html_rawf(b, "%d. ", i + 1);
		html_text(b, pt->label);
		for (int k = 0; k < QUADRANT_AXES; k++) {
			html_raw(b, k ? ", " : ": ");
			html_text(b, q->names[k]);
			html_rawf(b, " %d", clamp_score(pt->scores[k]));
		}
		html_raw(b, "</title>");
		html_rawf(
		    b,
		    "<circle cx=\"%d\" cy=\"%d\" r=\"11\" fill=\"#0b4f9c\" stroke=\"#ffffff\" "
		    "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"12\" font-weight=\"bold\" fill=\"#ffffff\">%d</text>",
		    ix, iy, ix, iy + 4, i + 1);
		bool left = px > cx + half / 3;
		html_rawf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"", left ? ix - 15 : ix + 15,
			  iy + 4);
		html_raw(b, left ? "end" : "start");
		html_raw(b, "\" font-size=\"12\" fill=\"#1a1a1a\">");
		short_text(b, pt->label, LABEL_MAX);
		html_raw(b, "</text></g>");
	}
	if (q->n == 0)
		text_at(b, cx, cy - 8, "middle", NULL, "Nog geen beoordelingen");
	html_raw(b, "</svg></div>");
}
