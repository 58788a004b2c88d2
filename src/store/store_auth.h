/*
 * store_auth — users, sessions, login rate limiting, personal API tokens
 * and pending OpenID Connect sign-ins. Part of the
 * store interface (see store.h for conventions: 0/negative STORE_ERR_*
 * returns, Dutch messages in err). Secrets never reach the database in the
 * clear: password hashes come in already hashed (Argon2id strings from
 * libsodium, hashed in http/auth.c); session ids, API tokens and the
 * pending-sign-in cookie are stored as hex SHA-256/BLAKE2b digests computed
 * by the caller. (A pending sign-in's state, nonce and PKCE verifier are
 * kept as they are: they must be sent on, live at most 10 minutes and are
 * used once.) Every change to a user or token is an audit_event in the
 * same transaction (sessions, login attempts and pending sign-ins are not
 * audited: they are operational data, not registry data).
 */
#ifndef ATLAS_STORE_AUTH_H
#define ATLAS_STORE_AUTH_H

#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* Roles, lowest to highest. Stored as their code. */
enum user_role {
	USER_ROLE_NONE = 0,    /* anonymous visitor (never stored) */
	USER_ROLE_EDITOR,      /* partner editor, scoped to one organisation: "redacteur" */
	USER_ROLE_ACCOUNT_MGR, /* accounthouder: "accounthouder" */
	USER_ROLE_SUPERVISOR,  /* IBT toezichthouder: "toezichthouder" */
	USER_ROLE_STAFF,       /* programme staff, edits the whole registry: "programmateam" */
	USER_ROLE_ADMIN,       /* also manages users and roles: "beheerder" */
	USER_ROLE_COUNT
};

/* "redacteur", ... ; USER_ROLE_NONE gives "anoniem". */
const char *user_role_code(enum user_role r);
/* Dutch label ("Redacteur partnerorganisatie", ...). */
const char *user_role_label(enum user_role r);
/* Parse a role code; -1 when unknown. */
int user_role_parse(const char *code);

/*
 * A user account as a value. Unlike the registry rows, its text fields are
 * fixed-size arrays on purpose: every one is checked on the way in to fit
 * (username 3..64 ASCII characters, display name and e-mail at most 128
 * bytes, organisation code a key), so a read never cuts one, and the
 * signed-in user can be copied into the session of a request and outlive
 * the store call without an arena. Lists of users come in an arena.
 */
struct user {
	int64_t id;
	char username[65]; /* login name: [a-z0-9._@-]{3,64} */
	char display_name[129];
	char email[129];
	enum user_role role;
	char org_code[81]; /* organisation scope for editors ("" otherwise) */
	bool disabled;
	char created_at[25]; /* UTC ISO timestamp */
};

/* Create a user. password_hash may be "" (OIDC-only account). Errors:
 * STORE_ERR_INVALID (duplicate username, unknown organisation, bad
 * values; message in err). actor is recorded in the audit event. */
int store_user_add(struct store *s, const char *actor, const struct user *u,
		   const char *password_hash, char *err, size_t errlen);
/* Look up by username (case-sensitive, already normalised to lower case).
 * hash (if not NULL) receives the password hash. STORE_ERR_NOTFOUND. */
int store_user_get(struct store *s, const char *username, struct user *u, char *hash,
		   size_t hashlen);
int store_user_get_by_id(struct store *s, int64_t id, struct user *u);
/* All users ordered by username; the array lives in arena a. */
int store_user_list(struct store *s, struct arena *a, struct user **out, int *n);
/* Change role and organisation scope / disable or enable / set password. */
int store_user_set_role(struct store *s, const char *actor, const char *username,
			enum user_role role, const char *org_code, char *err, size_t errlen);
int store_user_set_disabled(struct store *s, const char *actor, const char *username, bool disabled,
			    char *err, size_t errlen);
int store_user_set_password(struct store *s, const char *actor, const char *username,
			    const char *password_hash, char *err, size_t errlen);

/* A server-side session. */
struct session_row {
	int64_t user_id;
	char csrf[65];	   /* per-session CSRF token (hex) */
	int64_t created;   /* unix seconds */
	int64_t last_seen; /* unix seconds */
};
/* Store a new session under id_hash (hex digest of the cookie value). */
int store_session_create(struct store *s, const char *id_hash, int64_t user_id, const char *csrf,
			 int64_t now);
/* Find a session that is not idle for more than idle_s and not older than
 * abs_s; updates last_seen to now. STORE_ERR_NOTFOUND when absent or
 * expired (an expired session is deleted). */
int store_session_get(struct store *s, const char *id_hash, int64_t now, int64_t idle_s,
		      int64_t abs_s, struct session_row *out);
/* Delete one session / all sessions of a user (e.g. when disabled). */
int store_session_delete(struct store *s, const char *id_hash);
int store_session_delete_user(struct store *s, int64_t user_id);

/* Login rate limiting: record a failed attempt under key ("u:<name>" or
 * "ip:<addr>") and return in *count the failures within the last window_s
 * seconds (including this one). */
int store_login_failure(struct store *s, const char *key, int64_t now, int64_t window_s,
			int *count);
/* Failures within the window without recording one. */
int store_login_failures(struct store *s, const char *key, int64_t now, int64_t window_s,
			 int *count);
/* Forget the failures of key (after a successful login). */
int store_login_reset(struct store *s, const char *key);

/*
 * Pending OpenID Connect sign-ins: between the redirect to the
 * provider and its callback, which may reach another server instance. Kept
 * under the hex digest of the browser's random pending-sign-in cookie.
 * Operational data like sessions: not audited, no data_version bump.
 */
struct oidc_pending {
	char state[44], nonce[44], verifier[44]; /* base64url random values */
	char return_to[520];			 /* the local path to return to */
	int64_t expires;			 /* unix seconds */
};
/* Store p under key. First forgets every expired entry (expires <= now),
 * then, when max_rows (> 0) entries remain, those that expire first, so
 * the table never holds more than max_rows. STORE_ERR_INVALID for an empty
 * or oversized key or value; STORE_ERR when the key exists already. */
int store_oidc_pending_put(struct store *s, const char *key, const struct oidc_pending *p,
			   int64_t now, int max_rows);
/* Remove the entry of key and return it in *out, in one statement: one try
 * only, it is gone whatever the caller decides next. STORE_ERR_NOTFOUND
 * when there is none or it has expired (expires <= now). */
int store_oidc_pending_take(struct store *s, const char *key, int64_t now,
			    struct oidc_pending *out);

/* Personal API tokens: the secret is shown once; only its digest is kept. */
struct api_token {
	int64_t id;
	int64_t user_id;
	char name[81];
	char prefix[13]; /* first characters of the token, to recognise it */
	char created_at[25];
	char last_used_at[25];
	bool revoked;
};
int store_token_create(struct store *s, const char *actor, int64_t user_id, const char *name,
		       const char *prefix, const char *token_hash, int64_t *id_out);
/* The tokens of a user by id (the array lives in arena a). */
int store_token_list(struct store *s, struct arena *a, int64_t user_id, struct api_token **out,
		     int *n);
int store_token_revoke(struct store *s, const char *actor, int64_t user_id, int64_t token_id);
/* The user of a valid (not revoked) token; STORE_ERR_NOTFOUND otherwise. */
int store_token_lookup(struct store *s, const char *token_hash, struct user *u);

#endif
