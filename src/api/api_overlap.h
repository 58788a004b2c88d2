/*
 * api_overlap — GET /api/v1/analyse/overlap: the overlap analysis
 * (domain/overlap.h) as JSON, with the same query keys as the page
 * /analyse/overlap (drempel, beleidsdomein, juridischeVorm, fase, soort,
 * status=actief, sorteer for the congruence pairs).
 */
#ifndef ATLAS_API_OVERLAP_H
#define ATLAS_API_OVERLAP_H

#include "../http/request.h"

/* GET /api/v1/analyse/overlap. Returns the HTTP status (200, or 400 with
 * problem+json naming the offending parameter). */
int api_overlap(struct request *r);

#endif
