/*
 * toezicht_draw — swatches, patterns and the IBT map; see toezicht_draw.h.
 */
#include "toezicht_draw.h"
#include "../domain/snapshot.h"
#include "../io/geo.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/html.h"

#include <stdio.h>
#include <string.h>

/* The marks of pattern p in colour (a #rrggbb checked on input) over an
 * s x s square whose background is already drawn. */
static void marks(struct buf *b, int p, const char *colour, int s)
{
	if (p <= 0)
		return;
	html_rawf(b, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" d=\"", colour);
	/* diagonals every 8 units, clipped to the square (they join across
	 * pattern tiles), so nothing is drawn outside it */
	for (int c = 8; c < 2 * s; c += 8) {
		if (p == 1 || p == 2) { /* x + y = c */
			if (c <= s)
				html_rawf(b, "M0 %dL%d 0", c, c);
			else
				html_rawf(b, "M%d %dL%d %d", c - s, s, s, c - s);
		}
		if (p == 2) { /* y = x - (c - s) */
			int k = c - s;
			if (k >= 0)
				html_rawf(b, "M%d 0L%d %d", k, s, s - k);
			else
				html_rawf(b, "M0 %dL%d %d", -k, s + k, s);
		}
	}
	for (int k = 4; k < s; k += 8) {
		if (p == 4)
			html_rawf(b, "M0 %dH%d", k, s);
		if (p == 5)
			html_rawf(b, "M%d 0V%d", k, s);
	}
	html_raw(b, "\"/>");
	if (p == 3)
		for (int x = 4; x < s; x += 8)
			for (int y = 4; y < s; y += 8)
				html_rawf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"2.5\" fill=\"%s\"/>",
					  x, y, colour);
}

/* The background of a label square: full colour for "vol", a tint
 * otherwise (the marks carry the colour). */
static void background(struct buf *b, int p, const char *colour, int s)
{
	html_rawf(b, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"%s/>", s, s, colour,
		  p <= 0 ? "" : " fill-opacity=\"0.22\"");
}

void tz_swatch(struct buf *b, const struct ibt_label *l)
{
	html_raw(b, "<svg class=\"atlas-map__swatch\" width=\"20\" height=\"20\" viewBox=\"0 0 "
		    "16 16\" aria-hidden=\"true\" focusable=\"false\">");
	if (l) {
		int p = ibt_pattern_from(l->pattern);
		background(b, p, l->colour, 16);
		marks(b, p, l->colour, 16);
		html_raw(b, "<rect width=\"16\" height=\"16\" fill=\"none\" stroke=\"#1a1a1a\"/>");
	} else {
		html_raw(b,
			 "<rect width=\"16\" height=\"16\" fill=\"#ffffff\" stroke=\"#1a1a1a\"/>");
	}
	html_raw(b, "</svg>");
}

void tz_label_inline(struct buf *b, const struct ibt_label *l, int level)
{
	html_raw(b, "<span class=\"atlas-tz-label\">");
	tz_swatch(b, l);
	html_raw(b, " ");
	if (l)
		html_text(b, l->name);
	else
		html_rawf(b, "Onbekend niveau %d", level);
	html_raw(b, "</span>");
}

void tz_map(struct request *r, const struct ibt_view *v)
{
	const struct snapshot *s = r->snap;
	const struct ibt_domain_row *d = v->domain;
	struct buf *b = &r->out;
	int *count = arena_calloc(r->arena, (size_t)d->n_labels + 2, sizeof *count);
	for (int j = 0; j < v->n_gm; j++) {
		const struct ibt_assessment_row *a = v->gm_row[j];
		count[a && a->level <= d->n_labels ? a->level : 0]++;
	}
	html_raw(b, "<figure class=\"atlas-map\"><div class=\"atlas-map__canvas\">");
	html_rawf(b,
		  "<svg class=\"atlas-map__svg\" id=\"tz-svg\" viewBox=\"0 0 %.0f %.0f\" "
		  "role=\"group\" aria-labelledby=\"tz-svg-titel\">",
		  GEO_VIEW_W, geo_view_height());
	html_raw(b, "<title id=\"tz-svg-titel\">Kaart van de gemeenten in de provincie: ");
	html_text(b, d->name);
	html_rawf(b,
		  " in %d, met per gemeente het vastgestelde oordeel als kleur en patroon. "
		  "De tabel hieronder geeft hetzelfde weer.</title><defs>",
		  v->year);
	for (int l = 0; l < d->n_labels; l++) {
		int p = ibt_pattern_from(d->labels[l].pattern);
		html_rawf(b,
			  "<pattern id=\"tz-l%d\" width=\"16\" height=\"16\" "
			  "patternUnits=\"userSpaceOnUse\">",
			  l + 1);
		html_raw(b, "<rect width=\"16\" height=\"16\" fill=\"#ffffff\"/>");
		background(b, p, d->labels[l].colour, 16);
		marks(b, p, d->labels[l].colour, 16);
		html_raw(b, "</pattern>");
	}
	html_raw(b, "</defs><g class=\"atlas-map__areas\">");
	for (int j = 0; j < v->n_gm; j++) {
		const struct organisation *o = &s->orgs[v->gm[j]];
		int f = geo_find(o->cbs_code);
		if (f < 0)
			continue;
		const struct ibt_assessment_row *a = v->gm_row[j];
		const struct ibt_label *l = a ? toezicht_label(d, a->level) : NULL;
		const char *label = arena_printf(r->arena, "%s: %s", o->name,
						 l ? l->name : "geen vastgesteld oordeel");
		html_raw(b, "<a class=\"atlas-map__link\" href=\"/organisaties/");
		struct buf seg = BUF_INIT;
		url_seg(&seg, o->code);
		html_attr(b, seg.data ? seg.data : "");
		buf_free(&seg);
		html_raw(b, "/toezicht\" aria-label=\"");
		html_attr(b, label);
		html_raw(
		    b, "\"><path class=\"atlas-tz__area\" stroke=\"#1a1a1a\" stroke-width=\"1\" ");
		if (l)
			html_rawf(b, "fill=\"url(#tz-l%d)\"", a->level);
		else
			html_raw(b, "fill=\"#ffffff\"");
		html_raw(b, " d=\"");
		html_raw(b, geo_feature_at(f)->path_d); /* numbers and M/L/Z only */
		html_raw(b, "\"><title>");
		html_text(b, label);
		html_raw(b, "</title></path></a>");
	}
	html_raw(b, "</g></svg></div>");
	html_raw(b, "<figcaption class=\"atlas-map__legend\" id=\"tz-legenda\">"
		    "<h3 class=\"utrecht-heading-3 atlas-map__legend-title\">Legenda</h3>"
		    "<ul class=\"atlas-map__legend-list\">");
	for (int l = 0; l <= d->n_labels; l++) {
		int k = l < d->n_labels ? l + 1 : 0;
		const struct ibt_label *x = k ? &d->labels[l] : NULL;
		html_raw(b, "<li class=\"atlas-map__legend-item\">");
		tz_swatch(b, x);
		html_raw(b, "<span>");
		html_text(b, x ? x->name : "Geen vastgesteld oordeel");
		html_raw(b, " (");
		html_text(b, x ? ibt_pattern_name(ibt_pattern_from(x->pattern)) : "wit");
		html_rawf(b, "): %d %s</span></li>", count[k],
			  count[k] == 1 ? "gemeente" : "gemeenten");
	}
	html_raw(b, "</ul></figcaption></figure>");
}
