/*
 * import_page — the change-set import for programme staff (app/changeset.h,
 * app/changeset_upload.h), by file upload:
 *   GET  /beheer/import   the form: a file input (one XLSX workbook or
 *                         CSV files named after their tables, sent as
 *                         multipart/form-data), the import's name and the
 *                         confidence that counts as fact
 *   POST /beheer/import   without stap: reads the files and shows the
 *                         preview — every change grouped by file (record,
 *                         field, now → becomes, source, confidence in
 *                         words) and every problem (file, line, reason);
 *                         nothing is written. With stap=toepassen: the
 *                         files come back base64url-encoded in hidden
 *                         fields with the plan's fingerprint; the plan is
 *                         made again and applied only when it is the one
 *                         previewed (else the new preview, 409) and has no
 *                         problem; the result page links to the import in
 *                         /wijzigingen/import/{id}.
 * Staff and administrators only (route min_role USER_ROLE_STAFF), CSRF
 * checked by the router for both bodies; ROUTE_UPLOAD allows bodies up to
 * UPLOAD_BODY_LIMIT.
 */
#ifndef ATLAS_IMPORT_PAGE_H
#define ATLAS_IMPORT_PAGE_H

#include "../http/request.h"

int page_import(struct request *r);	   /* GET /beheer/import */
int page_import_submit(struct request *r); /* POST /beheer/import */

#endif
