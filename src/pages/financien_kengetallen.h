/*
 * financien_kengetallen — the pages of the six BBV kengetallen
 * (app/financien_kengetallen.h):
 *   GET  /financien/{code}/kengetallen            public: the ratios of one year and
 *                                                 document (?jaar=&soort=) in the BBV
 *                                                 presentation columns, each with its
 *                                                 formula filled in, signal and sources
 *   GET  /financien/{code}/kengetallen/invoer     the input form (staff and the
 *   POST /financien/{code}/kengetallen/invoer     gemeente's own editors)
 *   GET  /financien/{code}/kengetallen/importeren the CSV upload (same users)
 *   POST /financien/{code}/kengetallen/importeren
 *   GET  /financien/kengetallen/sjabloon.csv      the CSV template (public)
 *   GET  /beheer/financien/signaleringswaarden    the bands (staff)
 *   GET  /beheer/financien/signaleringswaarden/{key}, POST the same: one band's form
 * Never cached (module data read per request).
 */
#ifndef ATLAS_PAGES_FINANCIEN_KENGETALLEN_H
#define ATLAS_PAGES_FINANCIEN_KENGETALLEN_H

#include "../http/request.h"

int page_kengetallen(struct request *r);
int page_kengetallen_invoer(struct request *r);
int page_kengetallen_invoer_save(struct request *r);
int page_kengetallen_import(struct request *r);
int page_kengetallen_import_submit(struct request *r);
int page_kengetallen_template(struct request *r);
int page_kengetallen_bands(struct request *r);
int page_kengetallen_band(struct request *r);
int page_kengetallen_band_save(struct request *r);

#endif
