/*
 * toezicht (pages) — interbestuurlijk toezicht: the public IBT view
 * (/toezicht: map and tables of the established assessments of one domain
 * and year, CSV export), an organisation's history (/organisaties/{code}/
 * toezicht), one assessment with its dialogue, and the supervisors' forms.
 * The administrators' configuration pages are pages/toezicht_beheer.c.
 */
#ifndef ATLAS_PAGES_TOEZICHT_H
#define ATLAS_PAGES_TOEZICHT_H

#include "../http/request.h"

int page_toezicht(struct request *r);
int page_toezicht_csv(struct request *r);
int page_toezicht_org(struct request *r);
int page_toezicht_assessment(struct request *r);
int page_toezicht_new(struct request *r);
int page_toezicht_create(struct request *r);
int page_toezicht_move(struct request *r);
int page_toezicht_respond(struct request *r);

int page_toezicht_admin(struct request *r);
int page_toezicht_domain_add(struct request *r);
int page_toezicht_domain(struct request *r);
int page_toezicht_domain_update(struct request *r);
int page_toezicht_labels_update(struct request *r);

#endif
