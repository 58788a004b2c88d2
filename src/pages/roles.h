/*
 * roles — the pages about how parties work together in a
 * collaboration:
 *   - role perspectives (roles.c): the section "Rollen van de partijen" on
 *     the collaboration page (quadrant diagram, table alternative, history
 *     per party with role changes), the assessment form per participation
 *     and /analyse/rolwisselingen;
 *   - life-cycle phase history (phases.c): the timeline on the collaboration
 *     page and the form to add a phase event;
 *   - shared agreements (agreements.c): the section "Gemeenschappelijke
 *     afspraken" and the forms to add and edit one;
 *   - people analysis (analysis_people.c): /analyse/bestuurders.
 *
 * The people, assessment, phase and agreement data is not in the snapshot:
 * these pages read it per request from the store (store_thread(),
 * store_people.h); traffic on them is low. Writes follow the issue-4
 * conventions (edit.h): routes with ROUTE_CSRF | ROUTE_FORM and min_role
 * editor; per-object checks (assessments like participation edits,
 * phases and agreements like collaboration edits); one store transaction;
 * app_after_write(); post/redirect/get, 400 with field errors, 409
 * on a version conflict.
 */
#ifndef ATLAS_ROLES_H
#define ATLAS_ROLES_H

#include "../http/request.h"

/* Sections of the collaboration page for collaboration index ci (each
 * writes its own h2; nothing on a store failure except a short notice). */
void roles_collab_section(struct buf *b, struct request *r, int ci);
void phases_collab_section(struct buf *b, struct request *r, int ci);
void agreements_collab_section(struct buf *b, struct request *r, int ci);

/* GET/POST /samenwerkingsverbanden/{id}/deelnemers/{deelname}/rol */
int page_role_assess(struct request *r);
/* GET /analyse/rolwisselingen */
int page_role_changes(struct request *r);
/* GET/POST /samenwerkingsverbanden/{id}/fasen/nieuw */
int page_phase_new(struct request *r);
/* GET/POST /samenwerkingsverbanden/{id}/afspraken/nieuw */
int page_agreement_new(struct request *r);
/* GET/POST /samenwerkingsverbanden/{id}/afspraken/{afspraak}/bewerken */
int page_agreement_edit(struct request *r);
/* GET /analyse/bestuurders */
int page_bestuurders(struct request *r);

/* The perspective's short term ("rechtmatig") — the seed's word, as used
 * in "Rolwisseling: van presterend naar samenwerkend"; "geen" for -1. */
const char *roles_term(int perspective);

#endif
