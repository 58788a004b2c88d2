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

/* The Dutch word of an outbox status (queued → "In de wachtrij"). */
const char *outbox_status_text(const char *code);
/* A stored time for people: "2026-12-07T16:36:00.787Z" → "2026-12-07 16:36
 * UTC", a local "2027-01-20T10:00" → "2027-01-20 10:00"; as it is when
 * shorter. In r's arena. */
const char *outbox_when(struct request *r, const char *t);

int page_outbox(struct request *r);
int page_outbox_retry(struct request *r);

#endif
