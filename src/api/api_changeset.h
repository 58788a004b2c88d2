/*
 * api_changeset — POST /api/v1/wijzigingen: a change set (XLSX workbook or
 * CSV files) planned, or with ?toepassen=true applied, through the API.
 * See api_changeset.c and docs/API.md.
 */
#ifndef ATLAS_API_CHANGESET_H
#define ATLAS_API_CHANGESET_H

#include "../http/request.h"
#include "../http/router.h"

int api_changeset_import(struct request *r); /* POST /api/v1/wijzigingen */

/* Query parameters: toepassen, bestand, naam, zekerheid. */
extern const struct param_spec api_changeset_params[];

#endif
