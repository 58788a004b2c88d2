/*
 * pages/overlap — /analyse/overlap, the overlap analysis as a page (with
 * explanation, filter form, tables and the congruence heat map), and
 * /analyse/overlap.csv?tabel=paren|gemeenten|congruentie, its CSV exports.
 * Both read only the snapshot; the analysis is domain/overlap.c, shared per
 * snapshot version through app/overlap.h.
 */
#ifndef ATLAS_PAGES_OVERLAP_H
#define ATLAS_PAGES_OVERLAP_H

#include "../http/request.h"

/* GET /analyse/overlap */
int page_overlap(struct request *r);
/* GET /analyse/overlap.csv?tabel=paren|gemeenten|congruentie (default paren) */
int page_overlap_csv(struct request *r);

#endif
