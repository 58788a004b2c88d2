/*
 * test_store_auth — users, sessions, login-failure counting and API tokens
 * (store_auth.h) against the fictional seed: role codes, user add/get/list
 * and changes with their audit events (never holding secrets), session
 * idle and absolute expiry, the failure window and reset, token lookup and
 * revocation, and the pending OpenID Connect sign-ins (put, take once,
 * expiry, the cap; never audited).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/store/store.h"
#include "../../src/store/store_auth.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#define IDLE 1800
#define ABS (8 * 3600)
#define T0 1700000000

struct fx {
	struct arena *a; /* owns what the store's read functions return */
	char dir[128];
	char db[256];
	struct store *s;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_store_free(f);
	arena_free(f->a);
	free(f);
	return 0;
}

static long long q(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

static struct user mkuser(const char *name, enum user_role role, const char *org)
{
	struct user u;
	memset(&u, 0, sizeof u);
	snprintf(u.username, sizeof u.username, "%s", name);
	snprintf(u.display_name, sizeof u.display_name, "Test <b>%s</b> & co", name);
	snprintf(u.email, sizeof u.email, "%s@example.org", name);
	u.role = role;
	snprintf(u.org_code, sizeof u.org_code, "%s", org);
	return u;
}

static int64_t add_user(struct fx *f, const char *name, enum user_role role, const char *org)
{
	struct user u = mkuser(name, role, org);
	int rc =
	    store_user_add(f->s, "cli:test", &u, "$argon2id$v=19$fake-hash", f->err, sizeof f->err);
	if (rc != STORE_OK)
		print_error("user_add: %s\n", f->err);
	assert_int_equal(rc, STORE_OK);
	struct user got;
	assert_int_equal(store_user_get(f->s, name, &got, NULL, 0), STORE_OK);
	return got.id;
}

static void test_roles(void **state)
{
	(void)state;
	const char *codes[] = {"anoniem",	 "redacteur",	  "accounthouder",
			       "toezichthouder", "programmateam", "beheerder"};
	for (int r = 0; r < USER_ROLE_COUNT; r++) {
		assert_string_equal(user_role_code((enum user_role)r), codes[r]);
		assert_int_equal(user_role_parse(codes[r]), r);
		assert_true(strlen(user_role_label((enum user_role)r)) > 3);
	}
	assert_string_equal(user_role_label(USER_ROLE_EDITOR), "Redacteur partnerorganisatie");
	assert_int_equal(user_role_parse("admin"), -1);
	assert_int_equal(user_role_parse(""), -1);
	assert_int_equal(user_role_parse(NULL), -1);
	assert_true(USER_ROLE_EDITOR < USER_ROLE_STAFF && USER_ROLE_STAFF < USER_ROLE_ADMIN);
}

static void test_users(void **state)
{
	struct fx *f = *state;
	int64_t jan = add_user(f, "jan", USER_ROLE_EDITOR, "gm9998");
	add_user(f, "anna.b@example", USER_ROLE_ADMIN, "");
	assert_true(jan > 0);

	struct user u;
	char hash[256];
	assert_int_equal(store_user_get(f->s, "jan", &u, hash, sizeof hash), STORE_OK);
	assert_string_equal(hash, "$argon2id$v=19$fake-hash");
	assert_int_equal(u.role, USER_ROLE_EDITOR);
	assert_string_equal(u.org_code, "gm9998");
	assert_string_equal(u.display_name, "Test <b>jan</b> & co");
	assert_false(u.disabled);
	assert_int_equal(strlen(u.created_at), 20);
	assert_int_equal(store_user_get_by_id(f->s, jan, &u), STORE_OK);
	assert_string_equal(u.username, "jan");
	assert_int_equal(store_user_get(f->s, "JAN", &u, NULL, 0), STORE_ERR_NOTFOUND);
	assert_int_equal(store_user_get_by_id(f->s, 9999, &u), STORE_ERR_NOTFOUND);

	/* rejected: nothing written */
	long long rows = q(f, "SELECT count(*) FROM app_user");
	long long events = q(f, "SELECT count(*) FROM audit_event");
	struct user bad = mkuser("jan", USER_ROLE_STAFF, "");
	assert_int_equal(store_user_add(f->s, "cli", &bad, "", f->err, sizeof f->err),
			 STORE_ERR_INVALID);
	assert_non_null(strstr(f->err, "bestaat al"));
	bad = mkuser("Jan Jansen", USER_ROLE_STAFF, "");
	assert_int_equal(store_user_add(f->s, "cli", &bad, "", f->err, sizeof f->err),
			 STORE_ERR_INVALID);
	bad = mkuser("ab", USER_ROLE_STAFF, "");
	assert_int_equal(store_user_add(f->s, "cli", &bad, "", f->err, sizeof f->err),
			 STORE_ERR_INVALID);
	bad = mkuser("piet", USER_ROLE_EDITOR, "");
	assert_int_equal(store_user_add(f->s, "cli", &bad, "", f->err, sizeof f->err),
			 STORE_ERR_INVALID);
	bad = mkuser("piet", USER_ROLE_EDITOR, "gm0000");
	assert_int_equal(store_user_add(f->s, "cli", &bad, "", f->err, sizeof f->err),
			 STORE_ERR_INVALID);
	assert_non_null(strstr(f->err, "gm0000"));
	bad = mkuser("piet", USER_ROLE_NONE, "");
	assert_int_equal(store_user_add(f->s, "cli", &bad, "", f->err, sizeof f->err),
			 STORE_ERR_INVALID);
	assert_int_equal(q(f, "SELECT count(*) FROM app_user"), rows);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event"), events);

	/* OIDC-only account: empty hash */
	add_user(f, "oidc-user", USER_ROLE_STAFF, "");
	struct user *list;
	int n;
	assert_int_equal(store_user_list(f->s, f->a, &list, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].username, "anna.b@example");
	assert_string_equal(list[1].username, "jan");
	assert_string_equal(list[2].username, "oidc-user");

	/* role, disable, password */
	assert_int_equal(store_user_set_role(f->s, "gebruiker:anna", "jan", USER_ROLE_STAFF, "",
					     f->err, sizeof f->err),
			 STORE_OK);
	assert_int_equal(store_user_get(f->s, "jan", &u, NULL, 0), STORE_OK);
	assert_int_equal(u.role, USER_ROLE_STAFF);
	assert_string_equal(u.org_code, "");
	assert_int_equal(
	    store_user_set_role(f->s, "x", "jan", USER_ROLE_EDITOR, "", f->err, sizeof f->err),
	    STORE_ERR_INVALID);
	assert_int_equal(
	    store_user_set_role(f->s, "x", "nobody", USER_ROLE_STAFF, "", f->err, sizeof f->err),
	    STORE_ERR_NOTFOUND);
	assert_int_equal(q(f,
			   "SELECT count(*) FROM audit_event WHERE entity = 'user' AND "
			   "entity_key = 'jan' AND action = 'update' AND actor = "
			   "'gebruiker:anna' AND json_extract(\"before\", '$.rol') = 'redacteur' "
			   "AND json_extract(\"after\", '$.rol') = 'programmateam'"),
			 1);

	assert_int_equal(store_session_create(f->s, "sess-jan", jan, "csrf", T0), STORE_OK);
	assert_int_equal(
	    store_user_set_disabled(f->s, "gebruiker:anna", "jan", true, f->err, sizeof f->err),
	    STORE_OK);
	assert_int_equal(store_user_get(f->s, "jan", &u, NULL, 0), STORE_OK);
	assert_true(u.disabled);
	assert_int_equal(q(f, "SELECT count(*) FROM session WHERE user_id = (SELECT id FROM "
			      "app_user WHERE username = 'jan')"),
			 0);
	assert_int_equal(
	    store_user_set_disabled(f->s, "gebruiker:anna", "jan", false, f->err, sizeof f->err),
	    STORE_OK);

	assert_int_equal(store_user_set_password(f->s, "gebruiker:jan", "jan", "$argon2id$new",
						 f->err, sizeof f->err),
			 STORE_OK);
	assert_int_equal(store_user_get(f->s, "jan", &u, hash, sizeof hash), STORE_OK);
	assert_string_equal(hash, "$argon2id$new");
	/* secrets never in the audit trail */
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE \"before\" LIKE '%argon%' OR "
			      "\"after\" LIKE '%argon%'"),
			 0);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'user'"), 7);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'user' AND "
			      "json_extract(\"after\", '$.wachtwoord') = 'gewijzigd'"),
			 1);
}

static void test_sessions(void **state)
{
	struct fx *f = *state;
	int64_t uid = add_user(f, "sanne", USER_ROLE_STAFF, "");
	struct session_row r;

	assert_int_equal(store_session_create(f->s, "h1", uid, "c1", T0), STORE_OK);
	assert_int_equal(store_session_get(f->s, "h1", T0 + 10, IDLE, ABS, &r), STORE_OK);
	assert_int_equal(r.user_id, uid);
	assert_string_equal(r.csrf, "c1");
	assert_int_equal(r.created, T0);
	assert_int_equal(r.last_seen, T0 + 10);
	assert_int_equal(store_session_get(f->s, "nope", T0, IDLE, ABS, &r), STORE_ERR_NOTFOUND);

	/* idle: exactly IDLE seconds is still fine, one more is not (and deletes it) */
	assert_int_equal(store_session_get(f->s, "h1", T0 + 10 + IDLE, IDLE, ABS, &r), STORE_OK);
	assert_int_equal(store_session_get(f->s, "h1", T0 + 10 + 2 * IDLE + 1, IDLE, ABS, &r),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(q(f, "SELECT count(*) FROM session WHERE id_hash = 'h1'"), 0);

	/* absolute: kept busy, still ends after ABS */
	assert_int_equal(store_session_create(f->s, "h2", uid, "c2", T0), STORE_OK);
	int64_t t = T0;
	while (t + IDLE - 60 <= T0 + ABS) {
		t += IDLE - 60;
		assert_int_equal(store_session_get(f->s, "h2", t, IDLE, ABS, &r), STORE_OK);
	}
	assert_int_equal(store_session_get(f->s, "h2", T0 + ABS + 1, IDLE, ABS, &r),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(q(f, "SELECT count(*) FROM session WHERE id_hash = 'h2'"), 0);

	/* delete one / all of a user; duplicate id refused */
	assert_int_equal(store_session_create(f->s, "h3", uid, "c3", T0), STORE_OK);
	assert_int_equal(store_session_create(f->s, "h3", uid, "c3", T0), STORE_ERR);
	assert_int_equal(store_session_create(f->s, "h4", uid, "c4", T0), STORE_OK);
	assert_int_equal(store_session_delete(f->s, "h3"), STORE_OK);
	assert_int_equal(store_session_get(f->s, "h3", T0, IDLE, ABS, &r), STORE_ERR_NOTFOUND);
	assert_int_equal(store_session_get(f->s, "h4", T0, IDLE, ABS, &r), STORE_OK);
	assert_int_equal(store_session_delete_user(f->s, uid), STORE_OK);
	assert_int_equal(store_session_get(f->s, "h4", T0, IDLE, ABS, &r), STORE_ERR_NOTFOUND);
	/* sessions are not audited */
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'session'"), 0);
}

static void test_login_failures(void **state)
{
	struct fx *f = *state;
	int n = -1;
	const int64_t W = 900;
	assert_int_equal(store_login_failures(f->s, "u:jan", T0, W, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_login_failure(f->s, "u:jan", T0, W, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_login_failure(f->s, "u:jan", T0 + 100, W, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_login_failure(f->s, "ip:127.0.0.1", T0 + 100, W, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_login_failure(f->s, "u:jan", T0 + 200, W, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(store_login_failures(f->s, "u:jan", T0 + 200, W, &n), STORE_OK);
	assert_int_equal(n, 3);
	/* the first one falls out of the window */
	assert_int_equal(store_login_failures(f->s, "u:jan", T0 + W, W, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_login_failures(f->s, "u:jan", T0 + 200 + W, W, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_login_failure(f->s, "u:jan", T0 + W + 150, W, &n), STORE_OK);
	assert_int_equal(n, 2); /* T0+200 and this one */
	/* reset forgets only that key */
	assert_int_equal(store_login_reset(f->s, "u:jan"), STORE_OK);
	assert_int_equal(store_login_failures(f->s, "u:jan", T0 + W + 150, W, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_login_failures(f->s, "ip:127.0.0.1", T0 + 100, W, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity NOT IN "
			      "('source', 'domain', 'organisation', 'collaboration', "
			      "'participation')"),
			 0);
}

static void test_tokens(void **state)
{
	struct fx *f = *state;
	int64_t uid = add_user(f, "tess", USER_ROLE_EDITOR, "gm9999");
	int64_t other = add_user(f, "tom", USER_ROLE_STAFF, "");
	int64_t id1 = 0, id2 = 0;
	assert_int_equal(store_token_create(f->s, "gebruiker:tess", uid, "Koppeling <CRM>",
					    "sa_1a2b", "hash1", &id1),
			 STORE_OK);
	assert_int_equal(
	    store_token_create(f->s, "gebruiker:tess", uid, "Tweede", "sa_3c4d", "hash2", &id2),
	    STORE_OK);
	assert_true(id1 > 0 && id2 > id1);
	/* the digest is unique; bad input refused */
	assert_int_equal(store_token_create(f->s, "x", uid, "Dubbel", "sa_", "hash1", NULL),
			 STORE_ERR);
	assert_int_equal(store_token_create(f->s, "x", uid, "", "sa_", "hash9", NULL),
			 STORE_ERR_INVALID);
	assert_int_equal(store_token_create(f->s, "x", 9999, "Wees", "sa_", "hash9", NULL),
			 STORE_ERR_NOTFOUND);

	struct api_token *list;
	int n;
	assert_int_equal(store_token_list(f->s, f->a, uid, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "Koppeling <CRM>");
	assert_string_equal(list[0].prefix, "sa_1a2b");
	assert_string_equal(list[0].last_used_at, "");
	assert_false(list[0].revoked);

	struct user u;
	assert_int_equal(store_token_lookup(f->s, "hash1", &u), STORE_OK);
	assert_string_equal(u.username, "tess");
	assert_int_equal(u.role, USER_ROLE_EDITOR);
	assert_string_equal(u.org_code, "gm9999");
	assert_int_equal(store_token_lookup(f->s, "nope", &u), STORE_ERR_NOTFOUND);
	assert_int_equal(store_token_list(f->s, f->a, uid, &list, &n), STORE_OK);
	assert_int_equal(strlen(list[0].last_used_at), 20);

	/* only the owner's id revokes; revoked tokens stop working */
	assert_int_equal(store_token_revoke(f->s, "gebruiker:tom", other, id1), STORE_ERR_NOTFOUND);
	assert_int_equal(store_token_lookup(f->s, "hash1", &u), STORE_OK);
	assert_int_equal(store_token_revoke(f->s, "gebruiker:tess", uid, id1), STORE_OK);
	assert_int_equal(store_token_lookup(f->s, "hash1", &u), STORE_ERR_NOTFOUND);
	assert_int_equal(store_token_revoke(f->s, "gebruiker:tess", uid, id1), STORE_OK);
	assert_int_equal(store_token_lookup(f->s, "hash2", &u), STORE_OK);

	/* a disabled user's tokens do not work */
	assert_int_equal(store_user_set_disabled(f->s, "cli", "tess", true, f->err, sizeof f->err),
			 STORE_OK);
	assert_int_equal(store_token_lookup(f->s, "hash2", &u), STORE_ERR_NOTFOUND);

	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM audit_event WHERE entity = 'api_token' AND entity_key = "
		 "'tess/%lld'",
		 (long long)id1);
	assert_int_equal(q(f, sql), 2); /* insert, delete (the second revoke changed nothing) */
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'api_token' AND "
			      "(\"after\" LIKE '%hash%' OR \"before\" LIKE '%hash%')"),
			 0);
}

static struct oidc_pending mkpending(const char *tag, int64_t expires)
{
	struct oidc_pending p;
	memset(&p, 0, sizeof p);
	snprintf(p.state, sizeof p.state, "state-%s", tag);
	snprintf(p.nonce, sizeof p.nonce, "nonce-%s", tag);
	snprintf(p.verifier, sizeof p.verifier, "verifier-%s", tag);
	snprintf(p.return_to, sizeof p.return_to, "/samenwerkingsverbanden?q=%s", tag);
	p.expires = expires;
	return p;
}

static void test_oidc_pending(void **state)
{
	struct fx *f = *state;
	const int64_t TTL = 600;
	long long version = q(f, "SELECT value FROM meta WHERE key = 'data_version'");
	long long audits = q(f, "SELECT count(*) FROM audit_event");
	struct oidc_pending in = mkpending("a", T0 + TTL), out;

	/* put, take: the values come back; a second take finds nothing */
	assert_int_equal(store_oidc_pending_put(f->s, "k-a", &in, T0, 100), STORE_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM oidc_pending WHERE key = 'k-a'"), 1);
	assert_int_equal(store_oidc_pending_take(f->s, "k-b", T0 + 1, &out), STORE_ERR_NOTFOUND);
	assert_int_equal(store_oidc_pending_take(f->s, "k-a", T0 + 1, &out), STORE_OK);
	assert_string_equal(out.state, "state-a");
	assert_string_equal(out.nonce, "nonce-a");
	assert_string_equal(out.verifier, "verifier-a");
	assert_string_equal(out.return_to, "/samenwerkingsverbanden?q=a");
	assert_int_equal(out.expires, T0 + TTL);
	assert_int_equal(store_oidc_pending_take(f->s, "k-a", T0 + 2, &out), STORE_ERR_NOTFOUND);
	assert_string_equal(out.state, "");
	assert_int_equal(q(f, "SELECT count(*) FROM oidc_pending"), 0);

	/* expired: not found, and consumed all the same (one try only); the
	 * last second of the lifetime still counts, the expiry second not */
	in = mkpending("b", T0 + TTL);
	assert_int_equal(store_oidc_pending_put(f->s, "k-b", &in, T0, 100), STORE_OK);
	assert_int_equal(store_oidc_pending_take(f->s, "k-b", T0 + TTL, &out), STORE_ERR_NOTFOUND);
	assert_string_equal(out.verifier, "");
	assert_int_equal(q(f, "SELECT count(*) FROM oidc_pending"), 0);
	in = mkpending("c", T0 + TTL);
	assert_int_equal(store_oidc_pending_put(f->s, "k-c", &in, T0, 100), STORE_OK);
	assert_int_equal(store_oidc_pending_take(f->s, "k-c", T0 + TTL - 1, &out), STORE_OK);

	/* a put forgets the entries that have expired by then */
	in = mkpending("d", T0 + 10);
	assert_int_equal(store_oidc_pending_put(f->s, "k-d", &in, T0, 100), STORE_OK);
	in = mkpending("e", T0 + 20);
	assert_int_equal(store_oidc_pending_put(f->s, "k-e", &in, T0, 100), STORE_OK);
	in = mkpending("f", T0 + 15 + TTL);
	assert_int_equal(store_oidc_pending_put(f->s, "k-f", &in, T0 + 15, 100), STORE_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM oidc_pending WHERE key = 'k-d'"), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM oidc_pending WHERE key IN ('k-e', 'k-f')"), 2);

	/* the cap: never more than max_rows; the ones expiring first go, the
	 * new one always stays */
	for (int i = 0; i < 6; i++) {
		char key[16], tag[8];
		snprintf(key, sizeof key, "cap-%d", i);
		snprintf(tag, sizeof tag, "%d", i);
		in = mkpending(tag, T0 + 100 + TTL + i);
		assert_int_equal(store_oidc_pending_put(f->s, key, &in, T0 + 100 + i, 3), STORE_OK);
		assert_true(q(f, "SELECT count(*) FROM oidc_pending") <= 3);
	}
	/* k-e expired at T0 + 20; k-f and cap-0..2 were evicted */
	assert_int_equal(q(f, "SELECT count(*) FROM oidc_pending"), 3);
	assert_int_equal(q(f, "SELECT count(*) FROM oidc_pending WHERE key IN ('cap-3', 'cap-4', "
			      "'cap-5')"),
			 3);
	assert_int_equal(store_oidc_pending_take(f->s, "cap-5", T0 + 106, &out), STORE_OK);
	assert_string_equal(out.state, "state-5");
	assert_int_equal(store_oidc_pending_take(f->s, "cap-0", T0 + 106, &out),
			 STORE_ERR_NOTFOUND);

	/* refused: empty or oversized values, a key that exists */
	in = mkpending("g", T0 + TTL);
	in.state[0] = '\0';
	assert_int_equal(store_oidc_pending_put(f->s, "k-g", &in, T0, 100), STORE_ERR_INVALID);
	in = mkpending("g", T0 + TTL);
	assert_int_equal(store_oidc_pending_put(f->s, "", &in, T0, 100), STORE_ERR_INVALID);
	assert_int_equal(store_oidc_pending_put(f->s, "k-g", &in, T0, 0), STORE_ERR_INVALID);
	char longkey[200];
	memset(longkey, 'x', sizeof longkey - 1);
	longkey[sizeof longkey - 1] = '\0';
	assert_int_equal(store_oidc_pending_put(f->s, longkey, &in, T0, 100), STORE_ERR_INVALID);
	assert_int_equal(store_oidc_pending_put(f->s, "cap-4", &in, T0 + 106, 100), STORE_ERR);
	/* the failed put left nothing behind and the store still works */
	assert_int_equal(store_oidc_pending_take(f->s, "cap-4", T0 + 106, &out), STORE_OK);
	assert_string_equal(out.state, "state-4");

	/* operational data: no audit events, no data_version bump */
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event"), audits);
	assert_int_equal(q(f, "SELECT value FROM meta WHERE key = 'data_version'"), version);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_roles),
	    cmocka_unit_test_setup_teardown(test_users, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_login_failures, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_oidc_pending, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
