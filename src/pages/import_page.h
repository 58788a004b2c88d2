/*
 * import_page — the CSV import for programme staff:
 *   GET  /beheer/import   the form: a textarea to paste a CSV file into
 *                         (the body parser takes no multipart uploads), a
 *                         "proefrun" checkbox, a link to the template
 *   POST /beheer/import   runs io/csv_import.h in one transaction; on
 *                         errors 400 with every bad line listed (nothing
 *                         written, the pasted text kept); on success 200
 *                         with the report (added / changed / unchanged)
 * Staff and administrators only (route min_role USER_ROLE_STAFF), CSRF
 * checked by the router. Large files: use `atlas import csv FILE`.
 */
#ifndef ATLAS_IMPORT_PAGE_H
#define ATLAS_IMPORT_PAGE_H

#include "../http/request.h"

int page_import(struct request *r);	   /* GET /beheer/import */
int page_import_submit(struct request *r); /* POST /beheer/import */

#endif
