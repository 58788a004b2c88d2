/*
 * api_corrections — "Meld wat niet klopt" in the open API:
 *
 *   POST /api/v1/correcties                   propose (anonymous allowed)
 *   GET  /api/v1/correcties[?status=behandeld] the review queue (reviewers, API token)
 *   POST /api/v1/correcties/{id}/overnemen    accept (reviewers, API token)
 *   POST /api/v1/correcties/{id}/afwijzen     reject with {"reden": …}
 *
 * A proposal answers 201 with a status token and the status page's
 * address (Location); rate limits answer 429 with Retry-After. Replies
 * never contain an e-mail address or client key. A web session cookie
 * does not count: a proposal with only a cookie is anonymous, and the
 * reviewer routes need a personal API token.
 */
#ifndef ATLAS_API_CORRECTIONS_H
#define ATLAS_API_CORRECTIONS_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec api_corrections_list_params[];

int api_corrections_create(struct request *r);
int api_corrections_list(struct request *r);
int api_correction_accept(struct request *r);
int api_correction_reject(struct request *r);

#endif
