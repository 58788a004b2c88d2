/*
 * samenwerking_cijfers — the section "Cijfers van de deelnemers" of a
 * collaboration page (pages/collabs.c calls it): inhabitants, area and the
 * participants' lasten per inhabitant on the collaboration's policy
 * domains, with periods, sources, coverage and a table per participant.
 * Figures: app/samenwerking_cijfers.h. The page is cached by data version;
 * an indicator import bumps it.
 */
#ifndef ATLAS_PAGES_SAMENWERKING_CIJFERS_H
#define ATLAS_PAGES_SAMENWERKING_CIJFERS_H

#include "../http/request.h"
#include "../lib/buf.h"

void samenwerking_cijfers_collab_section(struct buf *b, struct request *r, int ci);

#endif
