/*
 * evaluatie — the pages of measuring the programme (app/evaluatie.h): the
 * overview /evaluatie, the item bank (/evaluatie/vragen), setting up and
 * running rounds (/evaluatie/rondes/nieuw, /evaluatie/{ronde}/beheer, its
 * status, release and response links), the questionnaire behind a
 * response link (/enquete/{token}, pages/evaluatie_enquete.c) and the
 * results with their CSV (/evaluatie/{ronde}, pages/evaluatie_resultaten.c).
 */
#ifndef ATLAS_PAGES_EVALUATIE_H
#define ATLAS_PAGES_EVALUATIE_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec evaluatie_notice_params[];

int page_evaluatie(struct request *r);
int page_evaluatie_items(struct request *r);
int page_evaluatie_item_new(struct request *r);
int page_evaluatie_item_create(struct request *r);
int page_evaluatie_item(struct request *r);
int page_evaluatie_item_save(struct request *r);
int page_evaluatie_round_new(struct request *r);
int page_evaluatie_round_create(struct request *r);
int page_evaluatie_round_admin(struct request *r);
int page_evaluatie_round_status(struct request *r);
int page_evaluatie_round_release(struct request *r);
int page_evaluatie_links(struct request *r);

/* pages/evaluatie_enquete.c */
int page_evaluatie_respond(struct request *r);

/* pages/evaluatie_resultaten.c */
int page_evaluatie_results(struct request *r);
int page_evaluatie_results_csv(struct request *r);

#endif
