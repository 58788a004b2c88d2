/*
 * oidc_pages — the two routes of sign-in with OpenID Connect (see
 * http/oidc.h for the protocol work):
 *   GET /inloggen/oidc?terug=PATH      sets a short-lived cookie and sends the
 *                                      browser to the provider (303)
 *   GET /inloggen/oidc/terug?code=&state=  finishes the sign-in: maps the
 *                                      e-mail to a local user (created on the
 *                                      first sign-in as redacteur of the
 *                                      organisation of its domain), starts a
 *                                      session and 303s to PATH
 * Failures show a Dutch error page: 400 (unknown/expired attempt, bad
 * code), 403 (domain not allowed, account disabled, refused at the
 * provider), 502 (provider unreachable or answering wrongly).
 */
#ifndef ATLAS_OIDC_PAGES_H
#define ATLAS_OIDC_PAGES_H

#include "../http/request.h"
#include "../http/router.h"

int page_oidc_start(struct request *r);	   /* GET /inloggen/oidc */
int page_oidc_callback(struct request *r); /* GET /inloggen/oidc/terug */

extern const struct param_spec oidc_start_params[];
extern const struct param_spec oidc_callback_params[];

#endif
