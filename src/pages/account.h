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

#define API_TOKEN_PREFIX "satl_" /* every token starts with this */

/* No query parameters (shared by the account and user admin routes). */
extern const struct param_spec auth_no_params[];

int page_account(struct request *r);
int page_account_token_create(struct request *r);
int page_account_token_revoke(struct request *r);

/*
 * Create a personal API token for user u: writes the secret (prefix +
 * 43 random URL-safe characters) into secret[64] and stores only its
 * digest (session_digest) with the first 12 characters as recognisable
 * prefix. Used by /account and by `atlas user token`. Returns a STORE_*
 * code.
 */
int account_token_new(struct store *st, const char *actor, const struct user *u, const char *name,
		      char secret[64]);

#endif
