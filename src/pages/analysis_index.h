/*
 * analysis_index — /analyse: the overview of the analyses, each linked
 * with one sentence saying which question it answers (overlap, network,
 * office holders, role changes, the map).
 */
#ifndef ATLAS_PAGES_ANALYSIS_INDEX_H
#define ATLAS_PAGES_ANALYSIS_INDEX_H

#include "../http/request.h"

int page_analysis_index(struct request *r); /* GET /analyse */

#endif
