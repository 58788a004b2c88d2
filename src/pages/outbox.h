/*
 * outbox — the page of the outgoing mail (app/outbox.h), for programme
 * staff and administrators only (policy_may_see_outbox):
 *
 *   GET  /beheer/uitgaande-post[?status=wachtrij|bezig|verzonden|mislukt]
 *   POST /beheer/uitgaande-post/{id}/opnieuw   queue a failed message again (CSRF)
 *
 * One table, newest first: time, kind, recipient (name and address),
 * subject, status, attempts, last error; a "Opnieuw proberen" button on
 * failed rows. Says so when no mail server is configured. Never cached.
 */
#ifndef ATLAS_PAGES_OUTBOX_H
#define ATLAS_PAGES_OUTBOX_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec outbox_page_params[];

int page_outbox(struct request *r);
int page_outbox_retry(struct request *r);

#endif
