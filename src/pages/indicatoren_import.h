/*
 * indicatoren_import — the staff upload page of the indicator store
 * (rules: app/indicatoren.h, who may: app/policy.c):
 *
 *   GET  /kennis/indicatoren/importeren   the form: a file (CSV or JSON as CBS's
 *                                         OData v4 API returns it), an optional
 *                                         mapping file, "Alleen controleren
 *                                         (proefimport)"
 *   POST /kennis/indicatoren/importeren   multipart/form-data (route: ROUTE_UPLOAD,
 *                                         CSRF, staff): the counts (new, changed,
 *                                         unchanged) and links to the changed
 *                                         indicators, or every error with its line
 *                                         and column (JSON: element and field);
 *                                         with an error nothing is written
 */
#ifndef ATLAS_PAGES_INDICATOREN_IMPORT_H
#define ATLAS_PAGES_INDICATOREN_IMPORT_H

#include "../http/request.h"

int page_indicatoren_import(struct request *r);
int page_indicatoren_import_submit(struct request *r);

#endif
