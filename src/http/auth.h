/*
 * auth — local accounts: password hashing and verification (libsodium
 * crypto_pwhash_str, Argon2id with the INTERACTIVE limits), the password and
 * username rules, the `terug=` return-path check, and the login policy
 * (rate limiting per account and per client address, generic failure,
 * constant work for unknown accounts).
 *
 * Does not touch cookies or render anything: sessions are session.c, the
 * form is pages/login.c. The store holds the hashes and the failure
 * counters (store_auth.h). libsodium must have been initialised
 * (sodium_init in main).
 */
#ifndef ATLAS_AUTH_H
#define ATLAS_AUTH_H

#include "../store/store_auth.h"

#include <stdbool.h>
#include <stddef.h>

#define AUTH_PW_MIN_CHARS 12   /* code points */
#define AUTH_PW_MAX_BYTES 1024 /* bytes */
#define AUTH_HASH_MAX 128      /* crypto_pwhash_STRBYTES */

/* Rate limit: failures within the window that lock an account / address. */
#define AUTH_WINDOW_S (15 * 60)
#define AUTH_MAX_FAIL_ACCOUNT 5
#define AUTH_MAX_FAIL_ADDR 20

/* The generic Dutch failure message (never says whether the account exists). */
#define AUTH_MSG_FAILED "Gebruikersnaam of wachtwoord onjuist."

/*
 * Check a new password against the rules: valid UTF-8, at least 12 code
 * points, at most 1024 bytes. Returns NULL when acceptable, else a static
 * Dutch message.
 */
const char *auth_password_problem(const char *pw);

/*
 * Hash pw (Argon2id, OPSLIMIT/MEMLIMIT_INTERACTIVE) into out (at least
 * AUTH_HASH_MAX bytes). Does not apply the rules. Returns 0, or -1 when out
 * of memory or pw is longer than AUTH_PW_MAX_BYTES.
 */
int auth_hash_password(const char *pw, char out[AUTH_HASH_MAX]);

/*
 * Verify pw against an Argon2id hash string. An empty or NULL hash (unknown
 * user, OIDC-only account) is verified against a fixed dummy hash so the
 * work is the same, and yields false. Passwords over the byte limit yield
 * false.
 */
bool auth_verify_password(const char *hash, const char *pw);

/* True when s is a valid login name: [a-z0-9._@-]{3,64}. */
bool auth_username_valid(const char *s);

/*
 * Normalise a typed login name into out[65]: leading/trailing spaces
 * removed, ASCII upper case folded to lower case. Returns false when the
 * result is not a valid login name (out then holds "").
 */
bool auth_username_normalise(const char *in, char out[65]);

/*
 * True when p is a safe local return path for `terug=`: starts with exactly
 * one '/', contains no "//" prefix, no backslash, no control characters and
 * is at most 512 bytes. (A path cannot carry a scheme, as it starts with
 * '/'.)
 */
bool auth_local_path(const char *p);
/* p when auth_local_path(p), else "/". */
const char *auth_safe_return(const char *p);

enum auth_result {
	AUTH_OK = 0,
	AUTH_FAILED,  /* wrong name/password, or disabled: show AUTH_MSG_FAILED */
	AUTH_LIMITED, /* too many failures: 429 with Retry-After */
	AUTH_ERROR,   /* the store failed */
};

/*
 * The login policy. Checks the failure counters of the account ("u:name")
 * and of the client address ("ip:addr") first (AUTH_LIMITED, *retry_after
 * set to the seconds to wait); otherwise looks the account up, verifies the
 * password (against the dummy hash for unknown accounts), and records a
 * failure for both keys when it does not match or the account is disabled.
 * On success fills *out and forgets the account's failures.
 * username must already be normalised; client_addr may be "" or NULL.
 */
enum auth_result auth_login(struct store *st, const char *username, const char *password,
			    const char *client_addr, struct user *out, int *retry_after);

#endif
