/*
 * exports — CSV downloads of the existing list views, for people who work
 * in a spreadsheet:
 *   /samenwerkingsverbanden.csv?<list filters>   every matching collaboration
 *                                                 (no paging), sorted as asked
 *   /organisaties/{code}/deelnames.csv?status=    one organisation's
 *                                                 participations
 * Both use render/csv.h (UTF-8 BOM, CRLF, RFC 4180 quoting, cells that start
 * with = + - @ neutralised), Dutch column headers, content type
 * text/csv; charset=utf-8 and Content-Disposition: attachment. They select
 * rows with the same code as the page and the API (domain/filter.c; the
 * status rule of GET /api/v1/organisaties/{code}/deelnames), so the row
 * counts equal the API's "totaal". Reads only the snapshot.
 */
#ifndef ATLAS_EXPORTS_H
#define ATLAS_EXPORTS_H

#include "../http/request.h"

int page_collab_list_csv(struct request *r); /* GET /samenwerkingsverbanden.csv */
int page_org_parts_csv(struct request *r);   /* GET /organisaties/{code}/deelnames.csv */

#endif
