/*
 * api_outbox — the outgoing mail (app/outbox.h) in the API, for programme
 * staff and administrators with a personal API token:
 *
 *   GET /api/v1/uitgaande-post[?status=wachtrij|bezig|verzonden|mislukt]
 *
 * The newest 200 messages (without their text) with recipient, subject,
 * status, attempts and last error, and the counts per status. Addresses
 * are personal data: never cached, never for anyone else (401 without a
 * token, 403 for other roles).
 */
#ifndef ATLAS_API_OUTBOX_H
#define ATLAS_API_OUTBOX_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_outbox_params[];

int api_outbox_list(struct request *r);

#endif
