/*
 * api_overlap — GET /api/v1/analyse/overlap: the overlap analysis
 * (domain/overlap.h) as JSON, with the same query keys as the page
 * /analyse/overlap (drempel, beleidsdomein, juridischeVorm, fase, soort,
 * status=actief, sorteer for the congruence pairs).
 */
#ifndef ATLAS_API_OVERLAP_H
#define ATLAS_API_OVERLAP_H

#include "../domain/overlap.h"
#include "../http/request.h"

/* GET /api/v1/analyse/overlap. Returns the HTTP status (200, or 400 with
 * problem+json naming the offending parameter). */
int api_overlap(struct request *r);

/*
 * The analysis for query q (already parsed from r's parameters) on r->snap,
 * congruence pairs sorted by q->order. Shared and read-only: the result of
 * the last query is kept for its snapshot version and date and handed to
 * every request with the same query; only one analysis runs at a time. The
 * caller's reference is dropped when r's arena is freed. Used by the API,
 * the page /analyse/overlap and its CSV exports.
 */
const struct overlap_result *overlap_shared(struct request *r, const struct overlap_query *q);

#endif
