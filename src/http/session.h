/*
 * session — server-side sessions and API-token authentication.
 *
 * The browser holds only a random 256-bit session id in the cookie
 * `atlas_sessie` (HttpOnly; SameSite=Lax; Path=/; Secure over TLS). The store
 * keeps its BLAKE2b digest, the user, a per-session CSRF token and the
 * times: idle timeout 30 minutes, absolute lifetime 8 hours. API clients
 * send `Authorization: Bearer <token>`; tokens are stored as digests too.
 */
#ifndef ATLAS_SESSION_H
#define ATLAS_SESSION_H

#include "request.h"

#define SESSION_COOKIE "atlas_sessie"
#define SESSION_IDLE_S (30 * 60)
#define SESSION_ABS_S (8 * 60 * 60)

/* Fill r->user/r->csrf from the session cookie or the bearer token, if
 * valid. cookie_header and auth_header may be NULL. */
void session_load(struct request *r, const char *cookie_header, const char *auth_header);
/* Start a session for user (a new id: no fixation), and set the cookie.
 * Returns 0 or -1. */
int session_start(struct request *r, const struct user *u);
/* Destroy the current session and clear the cookie. */
void session_end(struct request *r);
/* Hex digest of a secret (session id or API token) into out[65]
 * (lib/secret.h secret_digest). */
void session_digest(const char *secret, char out[65]);
/* A new random token: 32 bytes as URL-safe base64 (43 chars) into out[44]
 * (lib/secret.h secret_random_token). */
void session_random_token(char out[44]);

#endif
