/*
 * subsidiekansen — funding calls' feature logic; see subsidiekansen.h.
 */
#include "subsidiekansen.h"
#include "../domain/fields.h"
#include "../domain/snapshot.h"
#include "../domain/validate.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "policy.h"
#include "relaties.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_LIMIT 2000
#define NOTE_MAX 1000

const char *subsidiekansen_message(enum fc_outcome o)
{
	switch (o) {
	case FC_FORBIDDEN:
		return "Dit mag alleen de provincie, of een redacteur van een partner voor de "
		       "eigen "
		       "organisatie.";
	case FC_STALE:
		return "De subsidiekans is intussen door iemand anders gewijzigd. Er is niets "
		       "opgeslagen; open de pagina opnieuw en voer uw wijziging nog eens in.";
	case FC_TWICE:
		return "Uw organisatie heeft al interesse gemeld voor deze subsidiekans.";
	case FC_NONE:
		return "Uw organisatie heeft geen interesse gemeld voor deze subsidiekans.";
	case FC_NOTFOUND:
		return "Deze subsidiekans bestaat niet.";
	default:
		return "Er ging iets mis. Er is niets opgeslagen.";
	}
}

static enum fc_outcome outcome(int rc)
{
	switch (rc) {
	case STORE_OK:
		return FC_OK;
	case STORE_ERR_NOTFOUND:
		return FC_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return FC_STALE;
	case STORE_ERR_INVALID:
		return FC_INVALID;
	default:
		return FC_FAILED;
	}
}

static int by_order(const void *x, const void *y, void *today)
{
	const struct funding_call_row *a = x, *b = y;
	return funding_compare(a->opens_on, a->deadline, a->id, b->opens_on, b->deadline, b->id,
			       today);
}

enum fc_outcome subsidiekansen_list(struct store *st, struct arena *a,
				    const struct funding_filter *f, const char *today,
				    struct funding_call_row **out, int *n)
{
	struct funding_call_row *all;
	int na;
	*out = NULL;
	*n = 0;
	if (store_funding_calls(st, a, LIST_LIMIT, &all, &na) != STORE_OK)
		return FC_FAILED;
	struct funding_call_row *keep = arena_calloc(a, (size_t)na + 1, sizeof *keep);
	int k = 0;
	for (int i = 0; i < na; i++)
		if (!f ||
		    funding_matches(all[i].themes, all[i].opens_on, all[i].deadline, f, today))
			keep[k++] = all[i];
	char day[11];
	snprintf(day, sizeof day, "%s", today);
	qsort_r(keep, (size_t)k, sizeof *keep, by_order, day);
	*out = keep;
	*n = k;
	return FC_OK;
}

enum fc_outcome subsidiekansen_get(struct store *st, struct arena *a, int64_t id,
				   struct funding_call_row *out)
{
	return outcome(store_funding_call_get(st, a, id, out));
}

static bool own_partner(const struct user *u, const struct snapshot *s)
{
	return u && s && relaties_is_partner(s, policy_own_org(u, s));
}

enum fc_outcome subsidiekansen_view(struct store *st, struct arena *a, const struct snapshot *s,
				    const struct user *u, const struct funding_call_row *c,
				    struct funding_view *v)
{
	memset(v, 0, sizeof *v);
	v->may_manage = policy_may_manage_funding_calls(u);
	v->may_mark = policy_may_mark_funding_interest(u, own_partner(u, s));
	v->see_interests = policy_may_see_funding_interests(u);
	if (!v->may_mark && !v->see_interests)
		return FC_OK;
	struct funding_interest_row *rows;
	int n;
	if (store_funding_interests(st, a, c->id, &rows, &n) != STORE_OK)
		return FC_FAILED;
	if (v->may_mark) {
		v->own_org = u->org_code;
		for (int i = 0; i < n; i++)
			if (strcmp(rows[i].org_code, u->org_code) == 0)
				v->marked = true;
	}
	if (v->see_interests) {
		v->interests = rows;
		v->n_interests = n;
	}
	return FC_OK;
}

const char *subsidiekansen_theme_names(struct arena *a, const struct snapshot *s,
				       const char *themes)
{
	char keys[FUNDING_THEMES_MAX * 2][81];
	int n = validate_split_domains(field_nz(themes), keys, FUNDING_THEMES_MAX * 2);
	struct buf b = BUF_INIT;
	for (int i = 0; i < n; i++) {
		int di = s ? snapshot_find_domain(s, keys[i]) : -1;
		buf_printf(&b, "%s%s", i ? ", " : "", di >= 0 ? s->domains[di].name : keys[i]);
	}
	const char *out = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

/* Check f fully (input and themes); the canonical ';'-joined theme keys
 * into *themes. */
static void check_form(struct arena *a, const struct snapshot *s, const struct funding_form *f,
		       const char *today, const char *stored_deadline, struct field_errors *e,
		       int64_t *cents, int *rate, const char **themes)
{
	funding_check(e, &f->in, today, stored_deadline, cents, rate);
	char keys[FUNDING_THEMES_MAX][81];
	int n = validate_split_domains(field_nz(f->themes), keys, FUNDING_THEMES_MAX);
	*themes = "";
	if (n < 0) {
		field_errors_add(e, "themas", "Kies ten hoogste %d thema's uit de lijst.",
				 FUNDING_THEMES_MAX);
		return;
	}
	struct buf b = BUF_INIT;
	int bad = 0;
	for (int i = 0; i < n; i++) {
		int di = snapshot_find_domain(s, keys[i]);
		if (di < 0) {
			if (!bad++)
				field_errors_add(e, "themas",
						 "Thema „%.60s” bestaat niet. Kies thema's uit de "
						 "lijst van beleidsdomeinen.",
						 keys[i]);
			continue;
		}
		if (!funding_has_theme(b.data ? b.data : "", s->domains[di].key))
			buf_printf(&b, "%s%s", b.len ? ";" : "", s->domains[di].key);
	}
	*themes = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
}

static struct funding_call_new to_new(const struct funding_form *f, const char *themes,
				      int64_t cents, int rate)
{
	return (struct funding_call_new){.programme = f->in.programme,
					 .title = f->in.title,
					 .url = f->in.url,
					 .opens_on = f->in.opens_on,
					 .deadline = f->in.deadline,
					 .themes = themes,
					 .eligible = f->in.eligible,
					 .description = f->in.description,
					 .status_note = f->in.status_note,
					 .budget = cents,
					 .cofinancing = rate};
}

enum fc_outcome subsidiekansen_create(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *via,
				      const struct funding_form *f, struct field_errors *e,
				      int64_t *id)
{
	*id = 0;
	if (!policy_may_manage_funding_calls(u))
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int64_t cents;
	int rate;
	const char *themes;
	check_form(a, s, f, today, NULL, e, &cents, &rate, &themes);
	if (e->n)
		return FC_INVALID;
	struct funding_call_new in = to_new(f, themes, cents, rate);
	return outcome(store_funding_call_add(st, &w, &in, id));
}

enum fc_outcome subsidiekansen_update(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *via, int64_t id,
				      int64_t expected_version, const struct funding_form *f,
				      struct field_errors *e)
{
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, a, id, &c);
	if (o != FC_OK)
		return o;
	if (!policy_may_manage_funding_calls(u))
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int64_t cents;
	int rate;
	const char *themes;
	check_form(a, s, f, today, c.deadline, e, &cents, &rate, &themes);
	if (e->n)
		return FC_INVALID;
	if (expected_version != c.version)
		return FC_STALE;
	struct funding_call_new in = to_new(f, themes, cents, rate);
	return outcome(store_funding_call_update(st, &w, id, expected_version, &in));
}

enum fc_outcome subsidiekansen_mark(struct store *st, struct arena *a, const struct snapshot *s,
				    const struct user *u, const char *via, int64_t id,
				    const char *note, struct field_errors *e)
{
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, a, id, &c);
	if (o != FC_OK)
		return o;
	if (!policy_may_mark_funding_interest(u, own_partner(u, s)))
		return FC_FORBIDDEN;
	field_check_text(e, "toelichting", note, 0, NOTE_MAX, true, "Een toelichting");
	if (e->n)
		return FC_INVALID;
	int oi = snapshot_find_org(s, u->org_code);
	if (oi < 0)
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_funding_interest_add(st, &w, id, s->orgs[oi].code, u->id, note);
	return rc == STORE_ERR_CONFLICT ? FC_TWICE : outcome(rc);
}

enum fc_outcome subsidiekansen_withdraw(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const char *via, int64_t id)
{
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, a, id, &c);
	if (o != FC_OK)
		return o;
	if (!policy_may_mark_funding_interest(u, own_partner(u, s)))
		return FC_FORBIDDEN;
	int oi = snapshot_find_org(s, u->org_code);
	if (oi < 0)
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_funding_interest_remove(st, &w, id, s->orgs[oi].code);
	return rc == STORE_ERR_NOTFOUND ? FC_NONE : outcome(rc);
}
