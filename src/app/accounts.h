/*
 * accounts — the account service that the account page (/account), the
 * API write handlers and the command line (`atlas user token`) share:
 * personal API tokens (made, named, revoked) and the write context that
 * records who wrote and through which channel.
 *
 * Takes plain values (a store, a user); renders nothing and answers no
 * request. Who may do what is app/policy.h; sessions and cookies are
 * http/session.c.
 */
#ifndef ATLAS_APP_ACCOUNTS_H
#define ATLAS_APP_ACCOUNTS_H

#include "../store/store_auth.h"
#include "../store/store_write.h"

#include <stdint.h>

struct store;

#define API_TOKEN_PREFIX "satl_" /* every token starts with this */
#define API_TOKEN_NAME_MAX 80	 /* code points in a token name */

/*
 * Create a personal API token for user u: writes the secret (prefix + 43
 * random URL-safe characters) into secret[64] and stores only its digest
 * (lib/secret.h) with the first 12 characters as recognisable prefix.
 * actor is recorded in the audit event. Returns a STORE_* code; on failure
 * secret is wiped. The caller wipes secret after showing it once.
 */
int accounts_token_create(struct store *st, const char *actor, const struct user *u,
			  const char *name, char secret[64]);

/* Revoke token id of user u (only u's own tokens; STORE_ERR_NOTFOUND
 * otherwise). Returns a STORE_* code. */
int accounts_token_revoke(struct store *st, const char *actor, const struct user *u, int64_t id);

/* Why name is not a usable token name (a Dutch sentence), or NULL when it
 * is: required, at most API_TOKEN_NAME_MAX code points, no control
 * characters. */
const char *accounts_token_name_problem(const char *name);

/*
 * The write context for user u (NULL: "onbekend") writing through channel
 * via ("web", "api"): actor "gebruiker:<name>" written into actor[80],
 * today's date into today[11]; w points into both.
 */
void accounts_write_ctx(const struct user *u, const char *via, struct write_ctx *w, char actor[80],
			char today[11]);

#endif
