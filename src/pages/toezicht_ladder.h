/*
 * toezicht_ladder (pages) — the intervention ladder (with the parallel
 * track of schorsing/vernietiging), its agreements and the dialogue log of
 * interbestuurlijk toezicht: the sections on an organisation's toezicht
 * page, the supervisors' open interventions on /toezicht, one step record
 * with its agreements, and the supervisors' forms. What a reader sees is
 * decided in app/toezicht_ladder.c through app/policy.c.
 */
#ifndef ATLAS_PAGES_TOEZICHT_LADDER_H
#define ATLAS_PAGES_TOEZICHT_LADDER_H

#include "../domain/model.h"
#include "../http/request.h"

/* The ladder and dialogue sections of /organisaties/{code}/toezicht. */
void toezicht_ladder_org_sections(struct request *r, const struct organisation *o);
/* The supervisors' open interventions (on /toezicht). */
void toezicht_ladder_worklist(struct request *r);

int page_toezicht_ladder_form(struct request *r);
int page_toezicht_ladder_create(struct request *r);
int page_toezicht_ladder_show(struct request *r);
int page_toezicht_ladder_end(struct request *r);
int page_toezicht_agreement_add(struct request *r);
int page_toezicht_agreement(struct request *r);
int page_toezicht_agreement_save(struct request *r);
int page_toezicht_dialogue_form(struct request *r);
int page_toezicht_dialogue_create(struct request *r);

#endif
