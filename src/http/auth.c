/*
 * auth — see auth.h. All secrets are compared by libsodium; nothing here
 * logs a password or a hash.
 */
#include "auth.h"
#include "../lib/log.h"
#include "../lib/text.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/*
 * A fixed Argon2id hash (INTERACTIVE limits) of a random password nobody
 * knows: verified against when the account does not exist, so a login for
 * an unknown name costs the same as one for a known name.
 */
static const char dummy_hash[] = "$argon2id$v=19$m=65536,t=2,p=1$n/HZhbSrasLRTRaLKBYxfQ$"
				 "RebSLRlvA+d65JbS+dAw6Pvz0eZ122/BqOwOm69ysyo";

const char *auth_password_problem(const char *pw)
{
	if (!pw || !*pw)
		return "Vul een wachtwoord in.";
	size_t n = strlen(pw);
	if (n > AUTH_PW_MAX_BYTES)
		return "Het wachtwoord is te lang (hoogstens 1024 bytes).";
	if (!utf8_is_valid(pw, n))
		return "Het wachtwoord bevat ongeldige tekens.";
	if (utf8_length(pw, n) < AUTH_PW_MIN_CHARS)
		return "Het wachtwoord moet minstens 12 tekens lang zijn.";
	return NULL;
}

int auth_hash_password(const char *pw, char out[AUTH_HASH_MAX])
{
	if (!pw || strlen(pw) > AUTH_PW_MAX_BYTES)
		return -1;
	if (crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		log_error("password hashing failed (out of memory?)");
		return -1;
	}
	return 0;
}

bool auth_verify_password(const char *hash, const char *pw)
{
	if (!pw)
		pw = "";
	size_t n = strlen(pw);
	if (n > AUTH_PW_MAX_BYTES)
		return false;
	bool real = hash && *hash;
	int rc = crypto_pwhash_str_verify(real ? hash : dummy_hash, pw, n);
	return real && rc == 0;
}

bool auth_username_valid(const char *s)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	if (n < 3 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '@' || c == '-'))
			return false;
	}
	return true;
}

bool auth_username_normalise(const char *in, char out[65])
{
	out[0] = '\0';
	if (!in)
		return false;
	while (*in == ' ' || *in == '\t')
		in++;
	size_t n = strlen(in);
	while (n > 0 && (in[n - 1] == ' ' || in[n - 1] == '\t'))
		n--;
	if (n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = in[i];
		out[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
	if (!auth_username_valid(out)) {
		out[0] = '\0';
		return false;
	}
	return true;
}

bool auth_local_path(const char *p)
{
	if (!p || p[0] != '/' || p[1] == '/' || p[1] == '\\')
		return false;
	size_t n = strlen(p);
	if (n > 512)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c < 0x20 || c == 0x7f || c == '\\')
			return false;
	}
	return true;
}

const char *auth_safe_return(const char *p)
{
	return auth_local_path(p) ? p : "/";
}

/* Failures of key within the window; -1 when the store failed. */
static int failures(struct store *st, const char *key, int64_t now)
{
	int count = 0;
	if (store_login_failures(st, key, now, AUTH_WINDOW_S, &count) != STORE_OK)
		return -1;
	return count;
}

enum auth_result auth_login(struct store *st, const char *username, const char *password,
			    const char *client_addr, struct user *out, int *retry_after)
{
	int64_t now = (int64_t)time(NULL);
	char ukey[80], akey[80];
	snprintf(ukey, sizeof ukey, "u:%s", username ? username : "");
	snprintf(akey, sizeof akey, "ip:%s", client_addr ? client_addr : "");
	*retry_after = 0;

	int fu = failures(st, ukey, now);
	int fa = failures(st, akey, now);
	if (fu < 0 || fa < 0)
		return AUTH_ERROR;
	if (fu >= AUTH_MAX_FAIL_ACCOUNT || fa >= AUTH_MAX_FAIL_ADDR) {
		/* The store does not say when the oldest failure expires: the
		 * whole window is the safe upper bound. */
		*retry_after = AUTH_WINDOW_S;
		return AUTH_LIMITED;
	}

	struct user u;
	char hash[AUTH_HASH_MAX + 1] = "";
	bool found = false;
	if (username && auth_username_valid(username)) {
		int rc = store_user_get(st, username, &u, hash, sizeof hash);
		if (rc == STORE_OK)
			found = true;
		else if (rc != STORE_ERR_NOTFOUND)
			return AUTH_ERROR;
	}
	/* Always one Argon2 verification, against the dummy hash when the
	 * account is unknown or has no password. */
	bool ok = auth_verify_password(found ? hash : "", password);
	sodium_memzero(hash, sizeof hash);
	if (ok && found && !u.disabled) {
		store_login_reset(st, ukey);
		*out = u;
		return AUTH_OK;
	}
	int c1 = 0, c2 = 0;
	if (store_login_failure(st, ukey, now, AUTH_WINDOW_S, &c1) != STORE_OK ||
	    store_login_failure(st, akey, now, AUTH_WINDOW_S, &c2) != STORE_OK)
		return AUTH_ERROR;
	return AUTH_FAILED;
}
