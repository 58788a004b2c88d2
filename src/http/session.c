/*
 * session — see session.h.
 */
#include "session.h"
#include "form.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../store/store_auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void session_digest(const char *secret, char out[65])
{
	secret_digest(secret, out);
}

void session_random_token(char out[44])
{
	secret_random_token(out);
}

void session_load(struct request *r, const char *cookie_header, const char *auth_header)
{
	struct store *st = store_thread();
	bool sent = (auth_header && strncmp(auth_header, "Bearer ", 7) == 0) ||
		    (cookie_header && strstr(cookie_header, SESSION_COOKIE "="));
	if (!st) {
		r->auth_unavailable = sent;
		return;
	}
	int64_t now = (int64_t)time(NULL);
	if (auth_header && strncmp(auth_header, "Bearer ", 7) == 0) {
		const char *tok = auth_header + 7;
		if (strlen(tok) > 128)
			return;
		char hash[65];
		session_digest(tok, hash);
		struct user *u = arena_alloc(r->arena, sizeof *u);
		int rc = store_token_lookup(st, hash, u);
		if (rc == STORE_OK && !u->disabled) {
			r->user = u;
			r->via_token = true;
		}
		r->auth_unavailable = rc != STORE_OK && rc != STORE_ERR_NOTFOUND;
		return;
	}
	const char *sid =
	    cookie_header ? cookie_find(r->arena, cookie_header, SESSION_COOKIE) : NULL;
	if (!sid)
		return;
	char hash[65];
	session_digest(sid, hash);
	struct session_row row;
	int rc = store_session_get(st, hash, now, SESSION_IDLE_S, SESSION_ABS_S, &row);
	if (rc != STORE_OK) {
		r->auth_unavailable = rc != STORE_ERR_NOTFOUND;
		return;
	}
	struct user *u = arena_alloc(r->arena, sizeof *u);
	rc = store_user_get_by_id(st, row.user_id, u);
	if (rc != STORE_OK || u->disabled) {
		r->auth_unavailable = rc != STORE_OK && rc != STORE_ERR_NOTFOUND;
		return;
	}
	r->user = u;
	r->csrf = arena_strdup(r->arena, row.csrf);
	r->session_hash = arena_strdup(r->arena, hash);
}

static void set_cookie(struct request *r, const char *value, bool clear)
{
	const char *v =
	    arena_printf(r->arena, "%s=%s; HttpOnly; SameSite=Lax; Path=/%s%s", SESSION_COOKIE,
			 value, r->secure ? "; Secure" : "", clear ? "; Max-Age=0" : "");
	req_header(r, "Set-Cookie", v);
}

int session_start(struct request *r, const struct user *u)
{
	struct store *st = store_thread();
	if (!st)
		return -1;
	if (r->session_hash) /* a new id at login: drop the old session */
		store_session_delete(st, r->session_hash);
	char sid[44], hash[65], csrf_raw[44], csrf[65];
	session_random_token(sid);
	session_digest(sid, hash);
	session_random_token(csrf_raw);
	session_digest(csrf_raw, csrf);
	if (store_session_create(st, hash, u->id, csrf, (int64_t)time(NULL)) != STORE_OK)
		return -1;
	set_cookie(r, sid, false);
	r->session_hash = arena_strdup(r->arena, hash);
	r->csrf = arena_strdup(r->arena, csrf);
	struct user *copy = arena_alloc(r->arena, sizeof *copy);
	*copy = *u;
	r->user = copy;
	return 0;
}

void session_end(struct request *r)
{
	struct store *st = store_thread();
	if (st && r->session_hash)
		store_session_delete(st, r->session_hash);
	set_cookie(r, "", true);
	r->user = NULL;
	r->csrf = NULL;
	r->session_hash = NULL;
}
