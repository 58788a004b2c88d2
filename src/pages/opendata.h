/*
 * opendata — the open-data download page and its files:
 *   GET /open-data                            the page: what there is, the
 *                                             data date, licences and
 *                                             attribution per source
 *   GET /open-data/samenwerkingsatlas.json    the whole public registry as
 *                                             one JSON document
 *   GET /open-data/samenwerkingsverbanden.csv the CSV template columns
 *   GET /open-data/deelnames.csv              (docs/csv-template.md), so a
 *                                             download can be re-imported
 *   GET /open-data/organisaties.csv
 *   GET /open-data/bronnen.csv
 * Public data only: no people, no seats, no contact details, no user
 * names (confirmed_by is left out). Reads the snapshot only.
 */
#ifndef ATLAS_OPENDATA_H
#define ATLAS_OPENDATA_H

#include "../http/request.h"

int page_open_data(struct request *r);
int page_open_data_json(struct request *r);
int page_open_data_collabs_csv(struct request *r);
int page_open_data_parts_csv(struct request *r);
int page_open_data_orgs_csv(struct request *r);
int page_open_data_sources_csv(struct request *r);

#endif
