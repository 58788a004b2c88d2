/*
 * oidc — sign-in with OpenID Connect against an organisation's identity
 * provider: the authorization code flow with PKCE (S256), state and nonce.
 *
 * What it does: reads the configuration file (`atlas serve --oidc-config
 * PATH`, JSON: issuer, clientId, clientSecret, redirectUri and "domeinen",
 * an object mapping e-mail domains to organisation codes), fetches the
 * provider's discovery document and JWKS with libcurl (lazily, cached),
 * keeps the pending sign-ins (state, nonce, PKCE verifier, return path) in
 * the database (store_oidc_pending_put/take, table oidc_pending, so a sign-in
 * started on one instance can finish on another) with a 10-minute expiry,
 * keyed by the digest of a random value held in an HttpOnly cookie, exchanges the code
 * at the token endpoint (client_secret_basic), and verifies the id_token
 * with librhonabwy: signature against the JWKS (asymmetric algorithms only;
 * "none" and HMAC are refused), iss, aud, exp (60 s leeway) and nonce.
 *
 * What it does not: render pages or start sessions (pages/oidc_pages.c),
 * write SQL (the store does), or implement any cryptography itself.
 */
#ifndef ATLAS_OIDC_H
#define ATLAS_OIDC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OIDC_COOKIE "atlas_oidc"
#define OIDC_PENDING_TTL_S 600 /* a sign-in must complete within 10 minutes */
#define OIDC_LEEWAY_S 60       /* clock skew allowed for exp/iat */

/*
 * Read and check the configuration file and initialise libcurl (call once
 * from main, before threads start). Tries discovery once; a provider that
 * is down at startup is retried at the first sign-in. Returns 0, or -1 with
 * a Dutch message in err.
 */
int oidc_init(const char *config_path, char *err, size_t errlen);
/* Free everything oidc_init set up. */
void oidc_shutdown(void);
/* True when a configuration was loaded (the login page shows the button). */
bool oidc_enabled(void);

/* Outcome of the flow functions; the pages map these to 400/403/502. */
enum oidc_status {
	OIDC_OK = 0,
	OIDC_BAD_REQUEST, /* unknown/expired state, bad parameters: 400 */
	OIDC_DENIED,	  /* the provider or the user refused, e-mail not allowed: 403 */
	OIDC_PROVIDER,	  /* the provider failed or answered wrongly: 502 */
	OIDC_INTERNAL,	  /* out of memory and the like */
};

/*
 * Start a sign-in: create state, nonce and PKCE verifier, remember them
 * with the return path `terug` (already checked to be local) under the
 * digest of a new random cookie value written to cookie_out[44], and put
 * the authorization URL (malloc'd, caller frees) into *url_out.
 */
enum oidc_status oidc_begin(const char *terug, char cookie_out[44], char **url_out, char *err,
			    size_t errlen);

/* The identity a finished sign-in yields. */
struct oidc_identity {
	char email[129]; /* lower-cased */
	char name[129];	 /* "name" claim, or "" */
	char sub[256];
	char org_code[81]; /* from the domain map */
	char terug[520];   /* the return path given to oidc_begin */
};

/*
 * Finish a sign-in: look up (and consume) the pending entry of cookie
 * (the raw cookie value) and check that state matches; check iss_param
 * (RFC 9207, may be NULL) against the issuer; exchange code at the token
 * endpoint with the PKCE verifier; validate the id_token; map the e-mail
 * domain to an organisation. Fills *id on OIDC_OK; on failure err holds a
 * Dutch message for the user.
 */
enum oidc_status oidc_finish(const char *cookie, const char *state, const char *code,
			     const char *iss_param, struct oidc_identity *id, char *err,
			     size_t errlen);

/*
 * Verify an id_token (compact JWS) against a JWKS document (JSON text):
 * the signature with the key named by the token's kid (or the only key),
 * algorithm not none/HMAC; iss == issuer; aud == client_id or an array
 * containing it (azp must then be client_id when present); exp > now -
 * leeway; nonce == nonce. On OIDC_OK the e-mail (lower-cased), the
 * email_verified flag (true when absent), name and sub are copied into id
 * (org_code and terug are left alone). Exposed for the unit tests.
 */
enum oidc_status oidc_validate_id_token(const char *id_token, const char *jwks_json,
					const char *issuer, const char *client_id,
					const char *nonce, int64_t now, struct oidc_identity *id,
					bool *email_verified, char *err, size_t errlen);

/*
 * The organisation code configured for the domain of email (after '@',
 * case-insensitive), or NULL when the domain is not allowed.
 */
const char *oidc_domain_org(const char *email);

struct request;
/* The raw value of the OIDC_COOKIE cookie of the request, or NULL. */
const char *oidc_cookie_value(const struct request *r);

/* Test hook: load a configuration from JSON text without discovery. */
int oidc_configure_json(const char *json, char *err, size_t errlen);

#endif
