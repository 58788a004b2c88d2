/*
 * test_auth — http/auth.c: Argon2id hashing and verification, the password
 * and login-name rules, the `terug=` return-path check, and the login
 * policy (generic failure, rate limits per account and per address,
 * disabled accounts) against a real, freshly migrated store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/http/auth.h"
#include "../../src/store/store.h"
#include "../../src/store/store_auth.h"
#include "fixtures.h"

#include <sodium.h>

static void test_hash_verify(void **state)
{
	(void)state;
	char h1[AUTH_HASH_MAX], h2[AUTH_HASH_MAX];
	assert_int_equal(auth_hash_password("correct-paard-batterij", h1), 0);
	assert_int_equal(auth_hash_password("correct-paard-batterij", h2), 0);
	assert_true(strncmp(h1, "$argon2id$", 10) == 0);
	assert_non_null(strstr(h1, "m=65536,t=2,p=1")); /* INTERACTIVE limits */
	assert_string_not_equal(h1, h2);		/* random salt */
	assert_true(auth_verify_password(h1, "correct-paard-batterij"));
	assert_true(auth_verify_password(h2, "correct-paard-batterij"));
	assert_false(auth_verify_password(h1, "correct-paard-batterij "));
	assert_false(auth_verify_password(h1, ""));
	assert_false(auth_verify_password(h1, NULL));
	/* unknown user / no password: the dummy hash is used, never true */
	assert_false(auth_verify_password("", ""));
	assert_false(auth_verify_password(NULL, "correct-paard-batterij"));
	assert_false(auth_verify_password("geen-hash", "x"));
	/* non-ASCII passwords */
	assert_int_equal(auth_hash_password("wachtwoord-met-ëïé-😀", h1), 0);
	assert_true(auth_verify_password(h1, "wachtwoord-met-ëïé-😀"));
	/* over the byte limit: neither hashed nor verified */
	char big[AUTH_PW_MAX_BYTES + 2];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(auth_hash_password(big, h1), -1);
	big[AUTH_PW_MAX_BYTES] = '\0'; /* exactly 1024 bytes: fine */
	assert_int_equal(auth_hash_password(big, h1), 0);
	assert_true(auth_verify_password(h1, big));
}

static void test_password_rules(void **state)
{
	(void)state;
	assert_non_null(auth_password_problem(NULL));
	assert_non_null(auth_password_problem(""));
	assert_non_null(auth_password_problem("elf-tekens!")); /* 11 */
	assert_null(auth_password_problem("twaalf-tekens"));   /* 13 */
	assert_null(auth_password_problem("123456789012"));    /* exactly 12 */
	/* code points, not bytes: 11 × "é" is 22 bytes but 11 characters */
	assert_non_null(auth_password_problem("ééééééééééé"));
	assert_null(auth_password_problem("éééééééééééé"));
	assert_non_null(auth_password_problem("\xff\xfe geen utf-8 tekst"));
	char big[AUTH_PW_MAX_BYTES + 2];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_non_null(auth_password_problem(big)); /* 1025 bytes */
	big[AUTH_PW_MAX_BYTES] = '\0';
	assert_null(auth_password_problem(big));
}

static void test_usernames(void **state)
{
	(void)state;
	char out[65];
	assert_true(auth_username_valid("jan.jansen@testdorp.example"));
	assert_true(auth_username_valid("a-b"));
	assert_false(auth_username_valid("ab"));
	assert_false(auth_username_valid("Jan"));
	assert_false(auth_username_valid("jan jansen"));
	assert_false(auth_username_valid("jan/../x"));
	assert_false(auth_username_valid(NULL));
	assert_true(auth_username_normalise("  Jan.Jansen ", out));
	assert_string_equal(out, "jan.jansen");
	assert_false(auth_username_normalise("<script>", out));
	assert_string_equal(out, "");
	char longname[70];
	memset(longname, 'a', 65);
	longname[65] = '\0';
	assert_false(auth_username_normalise(longname, out));
	longname[64] = '\0';
	assert_true(auth_username_normalise(longname, out));
}

static void test_local_path(void **state)
{
	(void)state;
	const char *good[] = {"/", "/organisaties", "/samenwerkingsverbanden?fase=groei&pagina=2",
			      "/kaart#x", "/a/b/c"};
	const char *bad[] = {"",
			     "//evil.example",
			     "///evil.example",
			     "https://evil.example",
			     "http:/evil.example",
			     "javascript:alert(1)",
			     "/\\evil",
			     "\\\\evil.example",
			     "/a\\b",
			     " /organisaties",
			     "organisaties",
			     "/a\r\nSet-Cookie: x=y",
			     "/a\tb",
			     NULL};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(auth_local_path(good[i]));
	for (size_t i = 0; bad[i]; i++) {
		assert_false(auth_local_path(bad[i]));
		assert_string_equal(auth_safe_return(bad[i]), "/");
	}
	assert_false(auth_local_path(NULL));
	assert_string_equal(auth_safe_return(NULL), "/");
	assert_string_equal(auth_safe_return("/over"), "/over");
	char longp[600];
	longp[0] = '/';
	memset(longp + 1, 'a', 598);
	longp[599] = '\0';
	assert_false(auth_local_path(longp));
}

/* ---- the login policy against a real store ---- */

struct fx {
	char dir[128];
	char db[256];
	struct store *s;
	char err[512];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_empty(f))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_store_free(f);
	free(f);
	return 0;
}

static void add_user(struct fx *f, const char *name, const char *pw)
{
	struct user u = {0};
	snprintf(u.username, sizeof u.username, "%s", name);
	snprintf(u.display_name, sizeof u.display_name, "Test %s", name);
	u.role = USER_ROLE_STAFF;
	char hash[AUTH_HASH_MAX];
	assert_int_equal(auth_hash_password(pw, hash), 0);
	int rc = store_user_add(f->s, "test", &u, hash, f->err, sizeof f->err);
	if (rc != STORE_OK)
		print_error("store_user_add: %s\n", f->err);
	assert_int_equal(rc, STORE_OK);
}

static void test_login_policy(void **state)
{
	struct fx *f = *state;
	struct user u;
	int retry;
	add_user(f, "anna.testdorp", "anna-haar-wachtwoord");
	add_user(f, "bert.testdorp", "bert-zijn-wachtwoord");

	assert_int_equal(
	    auth_login(f->s, "anna.testdorp", "anna-haar-wachtwoord", "192.0.2.1", &u, &retry),
	    AUTH_OK);
	assert_string_equal(u.username, "anna.testdorp");
	/* wrong password and unknown account give the same result */
	assert_int_equal(auth_login(f->s, "anna.testdorp", "fout", "192.0.2.1", &u, &retry),
			 AUTH_FAILED);
	assert_int_equal(auth_login(f->s, "niemand.testdorp", "fout", "192.0.2.1", &u, &retry),
			 AUTH_FAILED);
	assert_int_equal(auth_login(f->s, "<ongeldig>", "fout", "192.0.2.1", &u, &retry),
			 AUTH_FAILED);

	/* per account: 5 failures lock the account, from any address */
	for (int i = 0; i < 4; i++)
		assert_int_equal(auth_login(f->s, "anna.testdorp", "fout", "192.0.2.2", &u, &retry),
				 AUTH_FAILED);
	assert_int_equal(
	    auth_login(f->s, "anna.testdorp", "anna-haar-wachtwoord", "192.0.2.3", &u, &retry),
	    AUTH_LIMITED);
	assert_true(retry > 0 && retry <= AUTH_WINDOW_S);
	/* other accounts are not affected */
	assert_int_equal(
	    auth_login(f->s, "bert.testdorp", "bert-zijn-wachtwoord", "192.0.2.3", &u, &retry),
	    AUTH_OK);

	/* per address: 20 failures lock every account for that address */
	for (int i = 0; i < AUTH_MAX_FAIL_ADDR; i++) {
		char name[40];
		snprintf(name, sizeof name, "onbekend%d.testdorp", i);
		assert_int_equal(auth_login(f->s, name, "fout", "198.51.100.7", &u, &retry),
				 AUTH_FAILED);
	}
	assert_int_equal(
	    auth_login(f->s, "bert.testdorp", "bert-zijn-wachtwoord", "198.51.100.7", &u, &retry),
	    AUTH_LIMITED);
	assert_true(retry > 0);
	assert_int_equal(
	    auth_login(f->s, "bert.testdorp", "bert-zijn-wachtwoord", "198.51.100.8", &u, &retry),
	    AUTH_OK);

	/* a disabled account fails like a wrong password */
	assert_int_equal(
	    store_user_set_disabled(f->s, "test", "bert.testdorp", true, f->err, sizeof f->err),
	    STORE_OK);
	assert_int_equal(
	    auth_login(f->s, "bert.testdorp", "bert-zijn-wachtwoord", "203.0.113.9", &u, &retry),
	    AUTH_FAILED);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hash_verify),
	    cmocka_unit_test(test_password_rules),
	    cmocka_unit_test(test_usernames),
	    cmocka_unit_test(test_local_path),
	    cmocka_unit_test_setup_teardown(test_login_policy, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
