/*
 * toezicht_draw — how an IBT label looks: its colour AND its pattern, as an
 * SVG swatch beside its name, as the map's fill, and the province map of
 * the public view (pages/toezicht.c, pages/toezicht_beheer.c).
 */
#ifndef ATLAS_PAGES_TOEZICHT_DRAW_H
#define ATLAS_PAGES_TOEZICHT_DRAW_H

#include "../app/toezicht.h"
#include "../http/request.h"
#include "../lib/buf.h"

/* A swatch and the label's name (and pattern, for screen readers in the
 * name's text); "Onbekend niveau n" when l is NULL. */
void tz_label_inline(struct buf *b, const struct ibt_label *l, int level);

/* Just the 20 x 20 swatch of l (aria-hidden). */
void tz_swatch(struct buf *b, const struct ibt_label *l);

/* The map of the view's gemeenten, filled with their label's pattern, each
 * linking to the gemeente's toezicht page, with its legend (text). */
void tz_map(struct request *r, const struct ibt_view *v);

#endif
