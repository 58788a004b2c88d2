/*
 * app/overlap — the overlap analysis (domain/overlap.h) shared per snapshot
 * version, for the API (/api/v1/analyse/overlap), the page /analyse/overlap
 * and its CSV exports.
 *
 * An analysis at national scale takes ~10 MB and tens of milliseconds, and
 * the API pages through it: the result of the last query is kept for its
 * snapshot (version and date) in a read-model cache (app/readmodel.h), so
 * the other pages of that query, the HTML page and the CSV exports reuse it,
 * and only one analysis runs at a time (50 clients asking at once after a
 * write used to run four analyses side by side). Parsing parameters and
 * writing replies is the handlers' work.
 */
#ifndef ATLAS_APP_OVERLAP_H
#define ATLAS_APP_OVERLAP_H

#include "readmodel.h"
#include "../domain/overlap.h"

/*
 * The analysis for query q on snapshot s (filter and threshold applied,
 * congruence pairs sorted by q->order), shared and read-only. *hold gets a
 * reference that keeps the result alive; drop it with rm_shared_release
 * (e.g. arena_on_free(arena, rm_shared_release_cb, *hold)). Never NULL.
 */
const struct overlap_result *app_overlap(const struct snapshot *s, const struct overlap_query *q,
					 struct rm_shared **hold);

#endif
