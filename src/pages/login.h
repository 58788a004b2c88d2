/*
 * login — the sign-in and sign-out pages:
 *   GET  /inloggen   the form (pre-login CSRF cookie `atlas_login` + hidden field)
 *   POST /inloggen   check the pre-login token, apply the login policy
 *                    (http/auth.h), start a session, 303 to `terug`
 *   POST /uitloggen  destroy the session server-side (router checks CSRF)
 */
#ifndef ATLAS_LOGIN_H
#define ATLAS_LOGIN_H

#include "../http/request.h"
#include "../http/router.h"

#define LOGIN_COOKIE "atlas_login"
#define LOGIN_COOKIE_MAX_AGE 900 /* seconds the login form stays valid */

/* Query parameters of GET /inloggen: terug (the local path to return to). */
extern const struct param_spec login_params[];

int page_login(struct request *r);	  /* GET /inloggen */
int page_login_submit(struct request *r); /* POST /inloggen */
int page_logout(struct request *r);	  /* POST /uitloggen */

#endif
