/*
 * accounts — API tokens and write contexts; see accounts.h. Token secrets
 * are never stored or logged: only their digest reaches the store.
 */
#include "accounts.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../store/store.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

int accounts_token_create(struct store *st, const char *actor, const struct user *u,
			  const char *name, char secret[64])
{
	char rnd[44], hash[65], prefix[13];
	secret_random_token(rnd);
	snprintf(secret, 64, "%s%s", API_TOKEN_PREFIX, rnd);
	sodium_memzero(rnd, sizeof rnd);
	secret_digest(secret, hash);
	memcpy(prefix, secret, 12);
	prefix[12] = '\0';
	int64_t id = 0;
	int rc = store_token_create(st, actor, u->id, name, prefix, hash, &id);
	if (rc != STORE_OK)
		sodium_memzero(secret, 64);
	return rc;
}

int accounts_token_revoke(struct store *st, const char *actor, const struct user *u, int64_t id)
{
	return store_token_revoke(st, actor, u->id, id);
}

const char *accounts_token_name_problem(const char *s)
{
	if (str_empty(s))
		return "Vul een naam voor de sleutel in.";
	size_t n = strlen(s);
	if (utf8_length(s, n) > API_TOKEN_NAME_MAX)
		return "De naam is te lang (hoogstens 80 tekens).";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return "De naam bevat ongeldige tekens.";
	return NULL;
}

void accounts_write_ctx(const struct user *u, const char *via, struct write_ctx *w, char actor[80],
			char today[11])
{
	snprintf(actor, 80, "gebruiker:%s", u ? u->username : "onbekend");
	today_iso(today);
	w->actor = actor;
	w->via = via;
	w->today = today;
}
