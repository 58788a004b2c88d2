/*
 * account — the signed-in user's own page:
 *   GET  /account                          name, role, organisation, API tokens
 *   POST /account/sleutels                 create a personal API token; the
 *                                          secret is shown once on the reply
 *   POST /account/sleutels/{id}/intrekken  revoke one of the user's tokens
 * Routes need any role (min_role USER_ROLE_EDITOR) and the POSTs carry the
 * session CSRF token (ROUTE_CSRF).
 */
#ifndef ATLAS_ACCOUNT_H
#define ATLAS_ACCOUNT_H

#include "../http/request.h"
#include "../http/router.h"

/* No query parameters (shared by the account and user admin routes). */
extern const struct param_spec auth_no_params[];

int page_account(struct request *r);
int page_account_token_create(struct request *r);
int page_account_token_revoke(struct request *r);

#endif
