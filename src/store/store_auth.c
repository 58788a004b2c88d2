/*
 * store_auth — store_auth.h on either engine (through the db.h driver): user
 * accounts, server-side sessions, login-failure counting, personal API
 * tokens and pending OpenID Connect sign-ins, plus the role code/label
 * table.
 *
 * Users and tokens are audited (entity "user" with the username as key,
 * "api_token" with "<username>/<token id>"); the images never hold a
 * password hash or token digest. Sessions, login failures and pending
 * sign-ins are operational data: not audited, and they do not bump
 * data_version (the snapshot holds no users). Disabling a user also
 * deletes their sessions in the same transaction; a disabled user's tokens
 * stop working (store_token_lookup refuses them).
 *
 * Not here: hashing (http/auth.c), cookies, permission checks.
 */
#include "store_auth.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"
#include "../lib/arena.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------- roles */

static const struct {
	const char *code, *label;
} roles[USER_ROLE_COUNT] = {
    [USER_ROLE_NONE] = {"anoniem", "Anonieme bezoeker"},
    [USER_ROLE_EDITOR] = {"redacteur", "Redacteur partnerorganisatie"},
    [USER_ROLE_ACCOUNT_MGR] = {"accounthouder", "Accounthouder"},
    [USER_ROLE_SUPERVISOR] = {"toezichthouder", "Toezichthouder (IBT)"},
    [USER_ROLE_STAFF] = {"programmateam", "Programmateam"},
    [USER_ROLE_ADMIN] = {"beheerder", "Beheerder"},
};

const char *user_role_code(enum user_role r)
{
	return (int)r >= 0 && r < USER_ROLE_COUNT ? roles[r].code : roles[0].code;
}

const char *user_role_label(enum user_role r)
{
	return (int)r >= 0 && r < USER_ROLE_COUNT ? roles[r].label : roles[0].label;
}

int user_role_parse(const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < USER_ROLE_COUNT; i++)
		if (strcmp(roles[i].code, code) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------- helpers */

static const char *actor_of(const char *actor)
{
	return str_empty(actor) ? "onbekend" : actor;
}

static bool valid_username(const char *u)
{
	size_t n = u ? strlen(u) : 0;
	if (n < 3 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = u[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '@' || c == '-'))
			return false;
	}
	return true;
}

/* Single-line text of at most max bytes, valid UTF-8, no controls. */
static bool valid_line(const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;
	if (n > max || (n && !utf8_is_valid(s, n)))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

static const char user_cols[] = "SELECT u.id, u.username, u.display_name, u.email, u.role, "
				"coalesce(o.code, ''), u.disabled, u.created_at, "
				"u.password_hash FROM app_user u "
				"LEFT JOIN organisation o ON o.id = u.org_id ";

static void read_user(db_stmt *st, struct user *u)
{
	memset(u, 0, sizeof *u);
	u->id = db_column_int64(st, 0);
	snprintf(u->username, sizeof u->username, "%s", store_col_text(st, 1));
	snprintf(u->display_name, sizeof u->display_name, "%s", store_col_text(st, 2));
	snprintf(u->email, sizeof u->email, "%s", store_col_text(st, 3));
	int r = user_role_parse(store_col_text(st, 4));
	u->role = r > 0 ? (enum user_role)r : USER_ROLE_NONE;
	snprintf(u->org_code, sizeof u->org_code, "%s", store_col_text(st, 5));
	u->disabled = db_column_int(st, 6) != 0;
	snprintf(u->created_at, sizeof u->created_at, "%s", store_col_text(st, 7));
}

/* The audit image of a user (never the password hash). */
static char *user_image(const struct user *u)
{
	json_t *o =
	    json_pack("{s:s, s:s, s:s, s:s, s:s, s:b}", "gebruikersnaam", u->username, "naam",
		      u->display_name, "email", u->email, "rol", user_role_code(u->role),
		      "organisatie", u->org_code, "geblokkeerd", (int)u->disabled);
	char *out = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	return out ? out : xstrdup("{}");
}

/* Inside a transaction: the user row by name (with the hash when wanted). */
static int load_user(struct store *s, const char *username, struct user *u, char *hash,
		     size_t hashlen)
{
	db_stmt *st = store_stmt(s, "SELECT u.id, u.username, u.display_name, u.email, "
				    "u.role, coalesce(o.code, ''), u.disabled, u.created_at, "
				    "u.password_hash FROM app_user u LEFT JOIN organisation o "
				    "ON o.id = u.org_id WHERE u.username = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, username ? username : "", -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		read_user(st, u);
		if (hash && hashlen)
			snprintf(hash, hashlen, "%s", store_col_text(st, 8));
	}
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	return rc == DB_DONE ? STORE_ERR_NOTFOUND : store_db_fail(s, "gebruiker lezen", NULL, 0);
}

/* The organisation id for code ("" gives 0); STORE_ERR_NOTFOUND when unknown. */
static int org_id_of(struct store *s, const char *code, int64_t *id)
{
	*id = 0;
	if (str_empty(code))
		return STORE_OK;
	db_stmt *st = store_stmt(s, "SELECT id FROM organisation WHERE code = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, code, -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*id = db_column_int64(st, 0);
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	return rc == DB_DONE ? STORE_ERR_NOTFOUND
			     : store_db_fail(s, "organisatie opzoeken", NULL, 0);
}

/* Check role and scope: editors need an organisation; codes must exist. */
static int check_role(struct store *s, enum user_role role, const char *org_code, int64_t *org_id,
		      char *err, size_t errlen)
{
	if ((int)role <= USER_ROLE_NONE || role >= USER_ROLE_COUNT) {
		store_set_err(err, errlen, "onbekende rol");
		return STORE_ERR_INVALID;
	}
	if (role == USER_ROLE_EDITOR && str_empty(org_code)) {
		store_set_err(err, errlen,
			      "een redacteur hoort bij een organisatie; geef de "
			      "organisatiecode op");
		return STORE_ERR_INVALID;
	}
	int rc = org_id_of(s, org_code, org_id);
	if (rc == STORE_ERR_NOTFOUND) {
		store_set_err(err, errlen, "onbekende organisatie '%.80s'", org_code);
		return STORE_ERR_INVALID;
	}
	if (rc)
		store_set_err(err, errlen, "databasefout bij organisatie opzoeken");
	return rc;
}

/* ---------------------------------------------------------------- users */

int store_user_add(struct store *s, const char *actor, const struct user *u,
		   const char *password_hash, char *err, size_t errlen)
{
	int64_t org_id = 0;
	char *after = NULL;
	int rc;

	if (err && errlen)
		err[0] = '\0';
	if (!valid_username(u->username)) {
		store_set_err(err, errlen,
			      "ongeldige gebruikersnaam: 3 tot 64 tekens a-z, 0-9, '.', '_', '@' "
			      "en '-'");
		return STORE_ERR_INVALID;
	}
	if (!valid_line(u->display_name, sizeof u->display_name - 1) ||
	    !valid_line(u->email, sizeof u->email - 1) || !valid_line(password_hash, 512)) {
		store_set_err(err, errlen, "naam, e-mailadres of wachtwoordhash is ongeldig");
		return STORE_ERR_INVALID;
	}
	if (store_tx_begin(s, "gebruiker toevoegen", err, errlen))
		return STORE_ERR;
	if ((rc = check_role(s, u->role, u->org_code, &org_id, err, errlen)))
		goto out;
	db_stmt *st = store_stmt(s, "SELECT 1 FROM app_user WHERE username = ?");
	rc = STORE_ERR;
	if (!st)
		goto out;
	db_bind_text(st, 1, u->username, -1, DB_STATIC);
	int x = db_step(st);
	db_reset(st);
	if (x == DB_ROW) {
		store_set_err(err, errlen, "gebruikersnaam '%s' bestaat al", u->username);
		rc = STORE_ERR_INVALID;
		goto out;
	}
	st = store_stmt(s, "INSERT INTO app_user (username, display_name, email, role, org_id, "
			   "password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
			   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
	if (!st)
		goto out;
	db_bind_text(st, 1, u->username, -1, DB_STATIC);
	db_bind_text(st, 2, u->display_name, -1, DB_STATIC);
	db_bind_text(st, 3, u->email, -1, DB_STATIC);
	db_bind_text(st, 4, user_role_code(u->role), -1, DB_STATIC);
	if (org_id)
		db_bind_int64(st, 5, org_id);
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, password_hash ? password_hash : "", -1, DB_STATIC);
	db_bind_int(st, 7, u->disabled ? 1 : 0);
	if (store_step_done(s, st, "gebruiker toevoegen", NULL, 0))
		goto out;
	struct user stored;
	if (load_user(s, u->username, &stored, NULL, 0))
		goto out;
	after = user_image(&stored);
	if (store_audit_write(s, actor_of(actor), "", "", "insert", "user", u->username, NULL,
			      after) ||
	    store_tx_commit(s, "wijziging vastleggen", err, errlen))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK) {
		if (rc == STORE_ERR && err && errlen && !err[0])
			store_set_err(err, errlen, "databasefout bij gebruiker toevoegen");
		store_tx_rollback(s);
	}
	free(after);
	return rc;
}

int store_user_get(struct store *s, const char *username, struct user *u, char *hash,
		   size_t hashlen)
{
	return load_user(s, username, u, hash, hashlen);
}

int store_user_get_by_id(struct store *s, int64_t id, struct user *u)
{
	db_stmt *st = store_stmt(s, "SELECT u.id, u.username, u.display_name, u.email, "
				    "u.role, coalesce(o.code, ''), u.disabled, u.created_at, "
				    "u.password_hash FROM app_user u LEFT JOIN organisation o "
				    "ON o.id = u.org_id WHERE u.id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	int rc = db_step(st);
	if (rc == DB_ROW)
		read_user(st, u);
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	return rc == DB_DONE ? STORE_ERR_NOTFOUND : store_db_fail(s, "gebruiker lezen", NULL, 0);
}

int store_user_list(struct store *s, struct arena *a, struct user **out, int *n)
{
	char sql[512];
	snprintf(sql, sizeof sql, "%sORDER BY u.username", user_cols);
	*out = NULL;
	*n = 0;
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return STORE_ERR;
	struct user *v = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(st)) == DB_ROW) {
		v = store_grow(a, v, count, &cap, sizeof *v);
		read_user(st, &v[count++]);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, "gebruikers lezen", NULL, 0);
	*out = v;
	*n = count;
	return STORE_OK;
}

/*
 * The common shape of a user change: load (NOTFOUND), apply (the SQL with
 * ?1 = user id and up to two more text/int parameters), audit with before
 * and after images, commit. kind selects what changes.
 */
enum user_change { UC_ROLE, UC_DISABLED, UC_PASSWORD };

static int user_change(struct store *s, const char *actor, const char *username,
		       enum user_change kind, enum user_role role, const char *org_code,
		       bool disabled, const char *password_hash, char *err, size_t errlen)
{
	struct user before, after;
	char *b = NULL, *a = NULL;
	int64_t org_id = 0;
	int rc;

	if (err && errlen)
		err[0] = '\0';
	if (kind == UC_PASSWORD && !valid_line(password_hash, 512)) {
		store_set_err(err, errlen, "ongeldige wachtwoordhash");
		return STORE_ERR_INVALID;
	}
	if (store_tx_begin(s, "gebruiker wijzigen", err, errlen))
		return STORE_ERR;
	if ((rc = load_user(s, username, &before, NULL, 0))) {
		if (rc == STORE_ERR_NOTFOUND)
			store_set_err(err, errlen, "gebruiker '%.64s' bestaat niet",
				      username ? username : "");
		goto out;
	}
	if (kind == UC_ROLE && (rc = check_role(s, role, org_code, &org_id, err, errlen)))
		goto out;
	rc = STORE_ERR;
	db_stmt *st;
	switch (kind) {
	case UC_ROLE:
		st = store_stmt(s, "UPDATE app_user SET role = ?2, org_id = ?3 WHERE id = ?1");
		if (!st)
			goto out;
		db_bind_text(st, 2, user_role_code(role), -1, DB_STATIC);
		if (org_id)
			db_bind_int64(st, 3, org_id);
		else
			db_bind_null(st, 3);
		break;
	case UC_DISABLED:
		st = store_stmt(s, "UPDATE app_user SET disabled = ?2 WHERE id = ?1");
		if (!st)
			goto out;
		db_bind_int(st, 2, disabled ? 1 : 0);
		break;
	default:
		st = store_stmt(s, "UPDATE app_user SET password_hash = ?2 WHERE id = ?1");
		if (!st)
			goto out;
		db_bind_text(st, 2, password_hash, -1, DB_STATIC);
	}
	db_bind_int64(st, 1, before.id);
	if (store_step_done(s, st, "gebruiker wijzigen", NULL, 0))
		goto out;
	if (kind == UC_DISABLED && disabled) {
		st = store_stmt(s, "DELETE FROM session WHERE user_id = ?");
		if (!st)
			goto out;
		db_bind_int64(st, 1, before.id);
		if (store_step_done(s, st, "sessies verwijderen", NULL, 0))
			goto out;
	}
	if (load_user(s, username, &after, NULL, 0))
		goto out;
	if (kind == UC_PASSWORD) {
		b = xstrdup("{\"wachtwoord\":\"\"}");
		a = xstrdup("{\"wachtwoord\":\"gewijzigd\"}");
	} else {
		b = user_image(&before);
		a = user_image(&after);
		if (strcmp(a, b) == 0) { /* nothing changed */
			store_tx_rollback(s);
			rc = STORE_OK;
			goto out;
		}
	}
	if (store_audit_write(s, actor_of(actor), "", "", "update", "user", before.username, b,
			      a) ||
	    store_tx_commit(s, "wijziging vastleggen", err, errlen))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK) {
		if (rc == STORE_ERR && err && errlen && !err[0])
			store_set_err(err, errlen, "databasefout bij gebruiker wijzigen");
		store_tx_rollback(s);
	}
	free(b);
	free(a);
	return rc;
}

int store_user_set_role(struct store *s, const char *actor, const char *username,
			enum user_role role, const char *org_code, char *err, size_t errlen)
{
	return user_change(s, actor, username, UC_ROLE, role, org_code, false, NULL, err, errlen);
}

int store_user_set_disabled(struct store *s, const char *actor, const char *username, bool disabled,
			    char *err, size_t errlen)
{
	return user_change(s, actor, username, UC_DISABLED, USER_ROLE_NONE, NULL, disabled, NULL,
			   err, errlen);
}

int store_user_set_password(struct store *s, const char *actor, const char *username,
			    const char *password_hash, char *err, size_t errlen)
{
	return user_change(s, actor, username, UC_PASSWORD, USER_ROLE_NONE, NULL, false,
			   password_hash, err, errlen);
}

/* ------------------------------------------------------------- sessions */

int store_session_create(struct store *s, const char *id_hash, int64_t user_id, const char *csrf,
			 int64_t now)
{
	if (str_empty(id_hash) || str_empty(csrf))
		return STORE_ERR_INVALID;
	db_stmt *st = store_stmt(s, "INSERT INTO session (id_hash, user_id, csrf, created, "
				    "last_seen) VALUES (?, ?, ?, ?, ?)");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, id_hash, -1, DB_STATIC);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, csrf, -1, DB_STATIC);
	db_bind_int64(st, 4, now);
	db_bind_int64(st, 5, now);
	return store_step_done(s, st, "sessie opslaan", NULL, 0);
}

int store_session_delete(struct store *s, const char *id_hash)
{
	db_stmt *st = store_stmt(s, "DELETE FROM session WHERE id_hash = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, id_hash ? id_hash : "", -1, DB_STATIC);
	return store_step_done(s, st, "sessie verwijderen", NULL, 0);
}

int store_session_get(struct store *s, const char *id_hash, int64_t now, int64_t idle_s,
		      int64_t abs_s, struct session_row *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = store_stmt(s, "SELECT user_id, csrf, created, last_seen FROM session "
				    "WHERE id_hash = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, id_hash ? id_hash : "", -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		out->user_id = db_column_int64(st, 0);
		snprintf(out->csrf, sizeof out->csrf, "%s", store_col_text(st, 1));
		out->created = db_column_int64(st, 2);
		out->last_seen = db_column_int64(st, 3);
	}
	db_reset(st);
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	if (rc != DB_ROW)
		return store_db_fail(s, "sessie lezen", NULL, 0);
	if (now - out->last_seen > idle_s || now - out->created > abs_s) {
		memset(out, 0, sizeof *out);
		if (store_session_delete(s, id_hash))
			return STORE_ERR;
		return STORE_ERR_NOTFOUND;
	}
	st = store_stmt(s, "UPDATE session SET last_seen = ? WHERE id_hash = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, now);
	db_bind_text(st, 2, id_hash, -1, DB_STATIC);
	if (store_step_done(s, st, "sessie bijwerken", NULL, 0))
		return STORE_ERR;
	out->last_seen = now;
	return STORE_OK;
}

int store_session_delete_user(struct store *s, int64_t user_id)
{
	db_stmt *st = store_stmt(s, "DELETE FROM session WHERE user_id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, user_id);
	return store_step_done(s, st, "sessies verwijderen", NULL, 0);
}

/* ------------------------------------------------------ login failures */

int store_login_failures(struct store *s, const char *key, int64_t now, int64_t window_s,
			 int *count)
{
	*count = 0;
	db_stmt *st = store_stmt(s, "SELECT count(*) FROM login_failure WHERE key = ? AND at > ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, key ? key : "", -1, DB_STATIC);
	db_bind_int64(st, 2, now - window_s);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*count = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : store_db_fail(s, "inlogpogingen tellen", NULL, 0);
}

int store_login_failure(struct store *s, const char *key, int64_t now, int64_t window_s, int *count)
{
	*count = 0;
	if (store_tx_begin(s, "inlogpoging vastleggen", NULL, 0))
		return STORE_ERR;
	/* forget this key's failures that fell out of the window */
	db_stmt *st = store_stmt(s, "DELETE FROM login_failure WHERE key = ? AND at <= ?");
	if (!st)
		goto fail;
	db_bind_text(st, 1, key ? key : "", -1, DB_STATIC);
	db_bind_int64(st, 2, now - window_s);
	if (store_step_done(s, st, "inlogpogingen opruimen", NULL, 0))
		goto fail;
	st = store_stmt(s, "INSERT INTO login_failure (key, at) VALUES (?, ?)");
	if (!st)
		goto fail;
	db_bind_text(st, 1, key ? key : "", -1, DB_STATIC);
	db_bind_int64(st, 2, now);
	if (store_step_done(s, st, "inlogpoging vastleggen", NULL, 0) ||
	    store_login_failures(s, key, now, window_s, count) ||
	    store_tx_commit(s, "inlogpoging vastleggen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	*count = 0;
	return STORE_ERR;
}

int store_login_reset(struct store *s, const char *key)
{
	db_stmt *st = store_stmt(s, "DELETE FROM login_failure WHERE key = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, key ? key : "", -1, DB_STATIC);
	return store_step_done(s, st, "inlogpogingen vergeten", NULL, 0);
}

/* ------------------------------------------- pending OIDC sign-ins */

/* A value that fits a char[cap] of struct oidc_pending. */
static bool valid_pending_value(const char *v, size_t cap)
{
	return !str_empty(v) && strlen(v) < cap && valid_line(v, cap - 1);
}

int store_oidc_pending_put(struct store *s, const char *key, const struct oidc_pending *p,
			   int64_t now, int max_rows)
{
	if (!valid_pending_value(key, 129) || !valid_pending_value(p->state, sizeof p->state) ||
	    !valid_pending_value(p->nonce, sizeof p->nonce) ||
	    !valid_pending_value(p->verifier, sizeof p->verifier) ||
	    !valid_pending_value(p->return_to, sizeof p->return_to) || max_rows <= 0)
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "inlogpoging vastleggen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "DELETE FROM oidc_pending WHERE expires <= ?");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, now);
	if (store_step_done(s, st, "verlopen inlogpogingen opruimen", NULL, 0))
		goto fail;
	/* The cap: make room for the new entry by dropping those that expire
	 * first (a flood of starts cannot grow the table without bound). */
	st = store_stmt(s, "SELECT count(*) FROM oidc_pending");
	if (!st)
		goto fail;
	int rc = db_step(st);
	int64_t n = rc == DB_ROW ? db_column_int64(st, 0) : 0;
	db_reset(st);
	if (rc != DB_ROW) {
		store_db_fail(s, "inlogpogingen tellen", NULL, 0);
		goto fail;
	}
	if (n >= max_rows) {
		st = store_stmt(s, "DELETE FROM oidc_pending WHERE key IN (SELECT key FROM "
				   "oidc_pending ORDER BY expires, key LIMIT ?)");
		if (!st)
			goto fail;
		db_bind_int64(st, 1, n - max_rows + 1);
		if (store_step_done(s, st, "oudste inlogpogingen opruimen", NULL, 0))
			goto fail;
	}
	st = store_stmt(s, "INSERT INTO oidc_pending (key, state, nonce, verifier, return_to, "
			   "expires) VALUES (?, ?, ?, ?, ?, ?)");
	if (!st)
		goto fail;
	db_bind_text(st, 1, key, -1, DB_STATIC);
	db_bind_text(st, 2, p->state, -1, DB_STATIC);
	db_bind_text(st, 3, p->nonce, -1, DB_STATIC);
	db_bind_text(st, 4, p->verifier, -1, DB_STATIC);
	db_bind_text(st, 5, p->return_to, -1, DB_STATIC);
	db_bind_int64(st, 6, p->expires);
	if (store_step_done(s, st, "inlogpoging vastleggen", NULL, 0) ||
	    store_tx_commit(s, "inlogpoging vastleggen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_oidc_pending_take(struct store *s, const char *key, int64_t now, struct oidc_pending *out)
{
	memset(out, 0, sizeof *out);
	if (str_empty(key))
		return STORE_ERR_NOTFOUND;
	/* One statement: two takes of one key (two instances) cannot both
	 * get the entry. */
	db_stmt *st = store_stmt(s, "DELETE FROM oidc_pending WHERE key = ? "
				    "RETURNING state, nonce, verifier, return_to, expires");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, key, -1, DB_STATIC);
	int rc = db_step(st);
	bool found = rc == DB_ROW;
	if (found) {
		snprintf(out->state, sizeof out->state, "%s", store_col_text(st, 0));
		snprintf(out->nonce, sizeof out->nonce, "%s", store_col_text(st, 1));
		snprintf(out->verifier, sizeof out->verifier, "%s", store_col_text(st, 2));
		snprintf(out->return_to, sizeof out->return_to, "%s", store_col_text(st, 3));
		out->expires = db_column_int64(st, 4);
		rc = db_step(st); /* the key is unique: DB_DONE */
	}
	db_reset(st);
	if (rc != DB_DONE) {
		memset(out, 0, sizeof *out);
		return store_db_fail(s, "inlogpoging ophalen", NULL, 0);
	}
	if (!found || out->expires <= now) {
		memset(out, 0, sizeof *out);
		return STORE_ERR_NOTFOUND;
	}
	return STORE_OK;
}

/* ---------------------------------------------------------- API tokens */

static char *token_image(const char *name, const char *prefix, bool revoked)
{
	json_t *o = json_pack("{s:s, s:s, s:b}", "naam", name, "prefix", prefix, "ingetrokken",
			      (int)revoked);
	char *out = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	return out ? out : xstrdup("{}");
}

/* "<username>/<id>" for the audit trail. */
static void token_key(struct store *s, int64_t user_id, int64_t token_id, char *out, size_t outlen)
{
	struct user u;
	if (store_user_get_by_id(s, user_id, &u) != STORE_OK)
		snprintf(u.username, sizeof u.username, "%lld", (long long)user_id);
	snprintf(out, outlen, "%s/%lld", u.username, (long long)token_id);
}

int store_token_create(struct store *s, const char *actor, int64_t user_id, const char *name,
		       const char *prefix, const char *token_hash, int64_t *id_out)
{
	char key[96], *after = NULL;
	int rc = STORE_ERR;

	if (id_out)
		*id_out = 0;
	if (str_empty(name) || !valid_line(name, 80) || !valid_line(prefix, 12) ||
	    str_empty(token_hash) || !valid_line(token_hash, 256))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "sleutel aanmaken", NULL, 0))
		return STORE_ERR;
	struct user u;
	if ((rc = store_user_get_by_id(s, user_id, &u)))
		goto out;
	rc = STORE_ERR;
	db_stmt *st = store_stmt(s, "INSERT INTO api_token (user_id, name, prefix, token_hash, "
				    "created_at) VALUES (?, ?, ?, ?, "
				    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
	if (!st)
		goto out;
	db_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, name, -1, DB_STATIC);
	db_bind_text(st, 3, prefix ? prefix : "", -1, DB_STATIC);
	db_bind_text(st, 4, token_hash, -1, DB_STATIC);
	if (store_step_done(s, st, "sleutel aanmaken", NULL, 0))
		goto out;
	int64_t id = db_last_insert_id(s);
	token_key(s, user_id, id, key, sizeof key);
	after = token_image(name, prefix ? prefix : "", false);
	if (store_audit_write(s, actor_of(actor), "", "", "insert", "api_token", key, NULL,
			      after) ||
	    store_tx_commit(s, "wijziging vastleggen", NULL, 0))
		goto out;
	if (id_out)
		*id_out = id;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	return rc;
}

int store_token_list(struct store *s, struct arena *a, int64_t user_id, struct api_token **out,
		     int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = store_stmt(s, "SELECT id, user_id, name, prefix, created_at, "
				    "last_used_at, revoked FROM api_token WHERE user_id = ? "
				    "ORDER BY id");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, user_id);
	struct api_token *v = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(st)) == DB_ROW) {
		v = store_grow(a, v, count, &cap, sizeof *v);
		struct api_token *t = &v[count++];
		memset(t, 0, sizeof *t);
		t->id = db_column_int64(st, 0);
		t->user_id = db_column_int64(st, 1);
		snprintf(t->name, sizeof t->name, "%s", store_col_text(st, 2));
		snprintf(t->prefix, sizeof t->prefix, "%s", store_col_text(st, 3));
		snprintf(t->created_at, sizeof t->created_at, "%s", store_col_text(st, 4));
		snprintf(t->last_used_at, sizeof t->last_used_at, "%s", store_col_text(st, 5));
		t->revoked = db_column_int(st, 6) != 0;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, "sleutels lezen", NULL, 0);
	*out = v;
	*n = count;
	return STORE_OK;
}

int store_token_revoke(struct store *s, const char *actor, int64_t user_id, int64_t token_id)
{
	char key[96], *before = NULL, *after = NULL;
	int rc = STORE_ERR;

	if (store_tx_begin(s, "sleutel intrekken", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT name, prefix, revoked FROM api_token "
				    "WHERE id = ? AND user_id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, token_id);
	db_bind_int64(st, 2, user_id);
	int x = db_step(st);
	if (x == DB_ROW) {
		bool revoked = db_column_int(st, 2) != 0;
		before = token_image(store_col_text(st, 0), store_col_text(st, 1), revoked);
		after = token_image(store_col_text(st, 0), store_col_text(st, 1), true);
	}
	db_reset(st);
	if (x == DB_DONE) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	if (x != DB_ROW) {
		store_db_fail(s, "sleutel lezen", NULL, 0);
		goto out;
	}
	if (strcmp(before, after) == 0) { /* already revoked */
		store_tx_rollback(s);
		rc = STORE_OK;
		goto out;
	}
	st = store_stmt(s, "UPDATE api_token SET revoked = 1 WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, token_id);
	if (store_step_done(s, st, "sleutel intrekken", NULL, 0))
		goto out;
	token_key(s, user_id, token_id, key, sizeof key);
	if (store_audit_write(s, actor_of(actor), "", "", "delete", "api_token", key, before,
			      after) ||
	    store_tx_commit(s, "wijziging vastleggen", NULL, 0))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	free(after);
	return rc;
}

int store_token_lookup(struct store *s, const char *token_hash, struct user *u)
{
	db_stmt *st = store_stmt(s, "SELECT t.id, t.user_id, t.last_used_at FROM api_token t "
				    "JOIN app_user u ON u.id = t.user_id "
				    "WHERE t.token_hash = ? AND t.revoked = 0 AND u.disabled = 0");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, token_hash ? token_hash : "", -1, DB_STATIC);
	int rc = db_step(st);
	int64_t tid = 0, uid = 0;
	char last[32] = "";
	if (rc == DB_ROW) {
		tid = db_column_int64(st, 0);
		uid = db_column_int64(st, 1);
		snprintf(last, sizeof last, "%s", store_col_text(st, 2));
	}
	db_reset(st);
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	if (rc != DB_ROW)
		return store_db_fail(s, "sleutel opzoeken", NULL, 0);
	/* "last used" to the minute: at most one write per token per minute,
	 * not a committed (and, on SQLite, fsynced) write per API request */
	char minute[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(minute, sizeof minute, "%Y-%m-%dT%H:%M", &tm);
	if (strncmp(last, minute, strlen(minute)) != 0) {
		st = store_stmt(s, "UPDATE api_token SET last_used_at = "
				   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, tid);
		if (store_step_done(s, st, "sleutel bijwerken", NULL, 0))
			return STORE_ERR;
	}
	return store_user_get_by_id(s, uid, u);
}
