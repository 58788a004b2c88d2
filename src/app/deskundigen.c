/*
 * deskundigen — experts' listings; see deskundigen.h.
 */
#include "deskundigen.h"
#include "accounts.h"
#include "policy.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"

#include <string.h>

bool deskundigen_theme_known(const struct snapshot *s, const char *key)
{
	for (int i = 0; key && i < s->n_domains; i++)
		if (strcmp(s->domains[i].key, key) == 0)
			return true;
	return false;
}

static bool theme_known(const char *key, const void *ctx)
{
	return deskundigen_theme_known(ctx, key);
}

static const char *org_name(const struct snapshot *s, const char *code)
{
	int oi = str_empty(code) ? -1 : snapshot_find_org(s, code);
	return oi >= 0 ? s->orgs[oi].name : "";
}

enum ex_outcome deskundigen_search(struct store *st, struct arena *a, const struct snapshot *s,
				   const struct user *u, const char *q, const char *theme,
				   struct expert_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_may_see_experts(u))
		return EX_FORBIDDEN;
	struct expert_row *rows;
	int nr;
	if (store_experts(st, a, theme, &rows, &nr) != STORE_OK)
		return EX_FAILED;
	int k = 0;
	for (int i = 0; i < nr; i++) {
		const char *texts[] = {rows[i].name, rows[i].expertise, rows[i].keywords,
				       org_name(s, rows[i].org_code)};
		if (deskundige_matches(q, texts, 4))
			rows[k++] = rows[i];
	}
	*out = rows;
	*n = k;
	return EX_OK;
}

enum ex_outcome deskundigen_mine(struct store *st, struct arena *a, const struct user *u,
				 struct expert_row *out)
{
	if (!policy_may_see_experts(u))
		return EX_FORBIDDEN;
	int rc = store_expert_of_user(st, a, u->id, out);
	return rc == STORE_OK ? EX_OK : rc == STORE_ERR_NOTFOUND ? EX_NOTFOUND : EX_FAILED;
}

int deskundigen_theme_keys(struct arena *a, const char *themes, const char ***out)
{
	int n = 0;
	for (const char *p = themes; p && *p; p++)
		if (*p == ';')
			n++;
	const char **keys = arena_calloc(a, (size_t)n + 1, sizeof *keys);
	int k = 0;
	const char *p = themes ? themes : "";
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len)
			keys[k++] = arena_strndup(a, p, len);
		p += len + (end ? 1 : 0);
	}
	*out = keys;
	return k;
}

enum ex_outcome deskundigen_save(struct store *st, struct arena *a, const struct snapshot *s,
				 const struct user *u, const char *via,
				 const struct expert_input *in, struct field_errors *e)
{
	if (!policy_may_see_experts(u))
		return EX_FORBIDDEN;
	deskundige_check(e, in, theme_known, s);
	if (e->n)
		return EX_INVALID;
	struct buf themes = BUF_INIT;
	for (int i = 0; i < in->n_themes; i++)
		buf_printf(&themes, "%s%s;", i ? "" : ";", in->themes[i]);
	const struct expert_values v = {.org_code = u->org_code,
					.expertise = in->expertise,
					.keywords = in->keywords,
					.contact = in->contact,
					.themes = arena_strdup(a, themes.data ? themes.data : "")};
	buf_free(&themes);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int64_t id;
	return store_expert_save(st, &w, u->id, &v, &id) == STORE_OK ? EX_OK : EX_FAILED;
}

enum ex_outcome deskundigen_remove(struct store *st, const struct user *u, const char *via)
{
	if (!policy_may_see_experts(u))
		return EX_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_expert_remove(st, &w, u->id);
	return rc == STORE_OK ? EX_OK : rc == STORE_ERR_NOTFOUND ? EX_NOTFOUND : EX_FAILED;
}
