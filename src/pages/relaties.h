/*
 * relaties — the pages of "Relatie en ontmoeten" (the rules are
 * app/relaties.h); never public, never cached:
 *
 *   GET  /relaties[?stil=1]                          overview (province staff)
 *   GET  /relaties/{code}                            one partner (staff; partner editors: shared
 * records) POST /relaties/{code}/contactmomenten            add a contact moment POST
 * /relaties/{code}/signalen                   add a signal POST /relaties/{code}/vervolgacties add
 * a follow-up POST /relaties/{code}/accounthouders             assign an accounthouder (programme
 * team) POST /relaties/signalen/{id}/status              new status of a signal POST
 * /relaties/vervolgacties/{id}/status         new status of a follow-up POST
 * /relaties/accounthouders/{id}/beeindigen    end an assignment today
 *
 * Every POST is a CSRF-checked form; success redirects back to the partner
 * page with a notice, invalid input shows the page again with the errors
 * (400) and writes nothing.
 */
#ifndef ATLAS_PAGES_RELATIES_H
#define ATLAS_PAGES_RELATIES_H

#include "../http/request.h"
#include "../http/router.h"
#include "../lib/buf.h"

extern const struct param_spec relaties_overview_params[];

int page_relaties(struct request *r);
int page_relaties_partner(struct request *r);
int page_relaties_contact_add(struct request *r);
int page_relaties_signal_add(struct request *r);
int page_relaties_follow_up_add(struct request *r);
int page_relaties_manager_add(struct request *r);
int page_relaties_signal_status(struct request *r);
int page_relaties_follow_up_status(struct request *r);
int page_relaties_manager_end(struct request *r);

/* On an organisation page: "Uw accounthouder" for a signed-in user of that
 * organisation and for province staff (nothing for everyone else). */
void relaties_org_section(struct buf *b, struct request *r, const char *org_code);

/* On a collaboration page: its open signals, for province staff only. */
void relaties_collab_section(struct buf *b, struct request *r, const char *collab_key);

#endif
