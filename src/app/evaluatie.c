/*
 * evaluatie — measuring the programme: feature logic; see evaluatie.h.
 */
#include "evaluatie.h"
#include "../domain/fields.h"
#include "../domain/mail_address.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "policy.h"
#include "siteinfo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DRAFT_MAX 200000 /* bytes of a saved draft */

static enum evaluatie_outcome outcome(int rc)
{
	switch (rc) {
	case STORE_OK:
		return EVAL_OK;
	case STORE_ERR_NOTFOUND:
		return EVAL_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return EVAL_CONFLICT;
	case STORE_ERR_INVALID:
		return EVAL_INVALID;
	default:
		return EVAL_FAILED;
	}
}

const char *evaluatie_public_url(void)
{
	return siteinfo_public_url();
}

/* arr (count elements of elem bytes, room for *cap) with room for one
 * more: arr itself, or a copy twice as large in arena a. */
static void *grow(struct arena *a, void *arr, int count, int *cap, size_t elem)
{
	if (arr && count < *cap)
		return arr;
	int nc = *cap > 0 ? *cap * 2 : 8;
	void *n = arena_calloc(a, (size_t)nc, elem);
	if (arr && count)
		memcpy(n, arr, (size_t)count * elem);
	*cap = nc;
	return n;
}

/* ---- item bank ----------------------------------------------------------------------- */

int evaluatie_items(struct store *st, struct arena *a, struct ev_item_row **out, int *n)
{
	return store_ev_items(st, a, out, n);
}

enum evaluatie_outcome evaluatie_item_get(struct store *st, struct arena *a, const struct user *u,
					  int64_t id, struct ev_item_row *out)
{
	if (!policy_may_manage_evaluations(u))
		return EVAL_FORBIDDEN;
	return outcome(store_ev_item_get(st, a, id, out));
}

enum evaluatie_outcome evaluatie_item_save(struct store *st, struct arena *a, const struct user *u,
					   const char *via, int64_t id,
					   const struct evaluatie_item_input *in,
					   struct field_errors *e, int64_t *id_out)
{
	*id_out = id;
	if (!policy_may_manage_evaluations(u))
		return EVAL_FORBIDDEN;
	struct ev_item_row old;
	if (id) {
		int rc = store_ev_item_get(st, a, id, &old);
		if (rc)
			return outcome(rc);
		if (old.superseded_by)
			return EVAL_CONFLICT;
	}
	evaluatie_item_check(e, in);
	if (e->n)
		return EVAL_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	const char *kind = in->kind;
	bool choices = strcmp(kind, "enkelvoudig") == 0 || strcmp(kind, "meervoudig") == 0 ||
		       strcmp(kind, "rolperspectief") == 0;
	/* options normalised: one trimmed option per line */
	struct buf b = BUF_INIT;
	char opt[EVALUATIE_OPTION_MAX * 4 + 1];
	for (int i = 0; choices && evaluatie_option(in->options, i, opt, sizeof opt); i++)
		buf_printf(&b, "%s%s", i ? "\n" : "", opt);
	const char *options = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	struct ev_item_new n = {
	    .block = in->block,
	    .kind = kind,
	    .scope = str_empty(in->scope) ? "algemeen" : in->scope,
	    .text = in->text,
	    .options = options,
	    .source = field_nz(in->source),
	    .required = in->required && strcmp(in->required, "ja") == 0,
	};
	if (id && !old.used)
		return outcome(store_ev_item_update(st, &w, id, &n));
	return outcome(store_ev_item_add(st, &w, &n, id, id_out));
}

/* ---- rounds -------------------------------------------------------------------------- */

int evaluatie_rounds(struct store *st, struct arena *a, const struct user *u,
		     struct ev_round_row **out, int *n)
{
	struct ev_round_row *all;
	int k;
	int rc = store_ev_rounds(st, a, &all, &k);
	if (rc)
		return rc;
	int m = 0;
	for (int i = 0; i < k; i++)
		if (policy_may_see_evaluation(u, all[i].released))
			all[m++] = all[i];
	*out = all;
	*n = m;
	return STORE_OK;
}

enum evaluatie_outcome evaluatie_round_get(struct store *st, struct arena *a, const struct user *u,
					   int64_t id, struct ev_round_row *out)
{
	int rc = store_ev_round_get(st, a, id, out);
	if (rc)
		return outcome(rc);
	return policy_may_see_evaluation(u, out->released) ? EVAL_OK : EVAL_NOTFOUND;
}

enum evaluatie_outcome evaluatie_round_save(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, const struct evaluatie_round_form *f,
					    struct field_errors *e, int64_t *id_out)
{
	*id_out = 0;
	if (!policy_may_manage_evaluations(u))
		return EVAL_FORBIDDEN;
	evaluatie_round_check(e, &f->in);
	const char **orgs = arena_calloc(a, (size_t)f->n_orgs + 1, sizeof *orgs);
	int no = 0;
	for (int i = 0; i < f->n_orgs; i++) {
		if (str_empty(f->orgs[i]))
			continue;
		int x = snapshot_find_org(s, f->orgs[i]);
		if (x < 0) {
			field_errors_add(e, "organisatie", "„%.60s” staat niet in de atlas.",
					 f->orgs[i]);
			continue;
		}
		orgs[no++] = s->orgs[x].code;
	}
	if (!no && !field_errors_get(e, "organisatie"))
		field_errors_add(e, "organisatie", "Kies een of meer organisaties.");
	const char **collabs = arena_calloc(a, (size_t)f->n_collabs + 1, sizeof *collabs);
	int nc = 0;
	for (int i = 0; i < f->n_collabs; i++) {
		if (str_empty(f->collabs[i]))
			continue;
		int x = snapshot_find_collab(s, f->collabs[i]);
		if (x < 0) {
			field_errors_add(e, "samenwerkingsverband",
					 "„%.60s” staat niet in de atlas.", f->collabs[i]);
			continue;
		}
		collabs[nc++] = s->collabs[x].key;
	}
	struct ev_item_row *items;
	int n_items;
	if (store_ev_items(st, a, &items, &n_items))
		return EVAL_FAILED;
	int64_t *ids = arena_calloc(a, (size_t)f->n_items + 1, sizeof *ids);
	int ni = 0;
	for (int i = 0; i < f->n_items; i++) {
		long long v = 0;
		if (str_empty(f->items[i]))
			continue;
		v = strtoll(f->items[i], NULL, 10);
		bool ok = false;
		for (int k = 0; k < n_items; k++)
			if (items[k].id == v && !items[k].superseded_by)
				ok = true;
		for (int k = 0; k < ni; k++)
			if (ids[k] == v)
				ok = false;
		if (!ok) {
			field_errors_add(e, "vraag",
					 "Kies alleen geldende vragen uit de vragenbank.");
			continue;
		}
		ids[ni++] = v;
	}
	if (!ni && !field_errors_get(e, "vraag"))
		field_errors_add(e, "vraag", "Kies een of meer vragen.");
	if (e->n)
		return EVAL_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct ev_round_new in = {.name = f->in.name,
				  .starts_on = f->in.starts_on,
				  .ends_on = f->in.ends_on,
				  .groups = f->in.groups,
				  .orgs = orgs,
				  .n_orgs = no,
				  .collabs = collabs,
				  .n_collabs = nc,
				  .items = ids,
				  .n_items = ni};
	return outcome(store_ev_round_add(st, &w, &in, id_out));
}

enum evaluatie_outcome evaluatie_round_move(struct store *st, struct arena *a, const struct user *u,
					    const char *via, int64_t id, const char *to)
{
	(void)a;
	if (!policy_may_manage_evaluations(u))
		return EVAL_FORBIDDEN;
	const char *from = NULL;
	if (to && strcmp(to, "open") == 0)
		from = "concept";
	else if (to && strcmp(to, "gesloten") == 0)
		from = "open";
	if (!from)
		return EVAL_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return outcome(store_ev_round_move(st, &w, id, from, to));
}

enum evaluatie_outcome evaluatie_round_release(struct store *st, struct arena *a,
					       const struct user *u, const char *via, int64_t id,
					       bool released)
{
	if (!policy_may_manage_evaluations(u))
		return EVAL_FORBIDDEN;
	struct ev_round_row r;
	int rc = store_ev_round_get(st, a, id, &r);
	if (rc)
		return outcome(rc);
	if (strcmp(r.status, "gesloten") != 0)
		return EVAL_CONFLICT;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return outcome(store_ev_round_release(st, &w, id, released));
}

/* ---- links --------------------------------------------------------------------------- */

static bool list_has(const char *joined, const char *v)
{
	size_t n = strlen(v);
	for (const char *p = joined; p && *p;) {
		const char *s = strchr(p, ';');
		size_t len = s ? (size_t)(s - p) : strlen(p);
		if (len == n && strncmp(p, v, n) == 0)
			return true;
		p = s ? s + 1 : NULL;
	}
	return false;
}

static bool round_has_org(const struct ev_round_row *r, const char *code)
{
	for (int i = 0; i < r->n_orgs; i++)
		if (strcmp(r->orgs[i], code) == 0)
			return true;
	return false;
}

enum evaluatie_outcome evaluatie_links_make(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, int64_t id, const char *group,
					    const char *org, const char *count,
					    const char *addresses, struct field_errors *e,
					    struct ev_made_link **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_may_manage_evaluations(u))
		return EVAL_FORBIDDEN;
	struct ev_round_row r;
	int rc = store_ev_round_get(st, a, id, &r);
	if (rc)
		return outcome(rc);
	if (strcmp(r.status, "gesloten") == 0)
		return EVAL_CONFLICT;
	if (str_empty(group) || !list_has(r.groups, group))
		field_errors_add(e, "doelgroep", "Kies een doelgroep van deze ronde.");
	if (str_empty(org) || !round_has_org(&r, org))
		field_errors_add(e, "organisatie", "Kies een organisatie van deze ronde.");
	/* the addresses: one per line, each checked; never stored but in the
	 * outbox message */
	const char *addr[EVALUATIE_LINKS_MAX];
	int na = 0;
	const char *p = field_nz(addresses);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		while (len && *p == ' ') {
			p++;
			len--;
		}
		if (len) {
			if (na >= EVALUATIE_LINKS_MAX || len > 254) {
				field_errors_add(e, "adressen", "Geef ten hoogste %d adressen.",
						 EVALUATIE_LINKS_MAX);
				break;
			}
			addr[na++] = arena_strndup(a, p, len);
		}
		p = nl ? nl + 1 : p + strlen(p);
	}
	long k = 0;
	if (!na) {
		char *end = NULL;
		k = strtol(field_nz(count), &end, 10);
		if (str_empty(count) || *end || k < 1 || k > EVALUATIE_LINKS_MAX)
			field_errors_add(e, "aantal",
					 "Vul een aantal links in van 1 tot en met %d, of geef "
					 "e-mailadressen.",
					 EVALUATIE_LINKS_MAX);
	} else {
		k = na;
	}
	if (e->n)
		return EVAL_INVALID;
	int oi = snapshot_find_org(s, org);
	const char *org_name = oi >= 0 ? s->orgs[oi].name : org;
	struct ev_link_new *links = arena_calloc(a, (size_t)k, sizeof *links);
	struct ev_made_link *made = arena_calloc(a, (size_t)k, sizeof *made);
	for (long i = 0; i < k; i++) {
		char tok[44], dig[65], mtok[44];
		secret_random_token(tok);
		secret_digest(tok, dig);
		made[i].token = arena_strdup(a, tok);
		made[i].url = arena_printf(a, "%s/enquete/%s", evaluatie_public_url(), tok);
		made[i].to = na ? addr[i] : "";
		links[i].digest = arena_strdup(a, dig);
		if (na) {
			secret_random_token(mtok);
			links[i].mail_token = arena_strdup(a, mtok);
			links[i].mail = (struct mail_message){
			    .to = addr[i],
			    .subject = arena_printf(a, "Uitnodiging: %s", r.name),
			    .body = arena_printf(
				a,
				"Goedendag,\n\nDe provincie Utrecht vraagt u mee te doen aan "
				"„%s”, een vragenlijst over samenwerking tussen overheden, namens "
				"%s.\n\nUw persoonlijke link (één keer te gebruiken):\n%s\n\n"
				"Uw antwoorden worden anoniem bewaard: zonder uw naam, uw "
				"e-mailadres, de link of het tijdstip. Dit e-mailadres wordt "
				"alleen voor deze uitnodiging gebruikt.\n",
				r.name, org_name, made[i].url),
			    .kind = "evaluatie-uitnodiging"};
			struct field_errors me = {0};
			if (!mail_message_check(&links[i].mail, &me)) {
				field_errors_add(e, "adressen",
						 "„%.80s” is geen geldig e-mailadres.", addr[i]);
			}
		}
	}
	if (e->n)
		return EVAL_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	rc = store_ev_links_add(st, &w, id, group, s->orgs[oi].code, links, (int)k);
	if (rc)
		return outcome(rc);
	*out = made;
	*n = (int)k;
	return EVAL_OK;
}

int evaluatie_link_counts(struct store *st, struct arena *a, int64_t id, struct ev_link_count **out,
			  int *n)
{
	return store_ev_link_counts(st, a, id, out, n);
}

/* ---- the questionnaire --------------------------------------------------------------- */

bool evaluatie_in_block(const struct ev_questionnaire *q, const struct ev_item_row *item, int b)
{
	bool per_collab = strcmp(item->scope, "samenwerking") == 0 && q->round.n_collabs > 0;
	return b == 0 ? !per_collab : per_collab;
}

/* The draft (name=value&..., percent-encoded) as pairs. */
static void parse_draft(struct arena *a, const char *d, struct ev_pair **out, int *n)
{
	int cap = 8, k = 0;
	struct ev_pair *v = arena_calloc(a, (size_t)cap, sizeof *v);
	while (d && *d) {
		const char *amp = strchr(d, '&');
		size_t len = amp ? (size_t)(amp - d) : strlen(d);
		const char *eq = memchr(d, '=', len);
		if (eq) {
			size_t nl = (size_t)(eq - d), vl = len - nl - 1;
			char *name = arena_alloc(a, nl + 1), *val = arena_alloc(a, vl + 1);
			if (pct_decode(d, nl, name, false) >= 0 &&
			    pct_decode(eq + 1, vl, val, false) >= 0) {
				v = grow(a, v, k, &cap, sizeof *v);
				v[k++] = (struct ev_pair){name, val};
			}
		}
		d = amp ? amp + 1 : d + len;
	}
	*out = v;
	*n = k;
}

static void pct_encode(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.')
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

enum evaluatie_outcome evaluatie_questionnaire(struct store *st, struct arena *a,
					       const struct snapshot *s, const char *token,
					       struct ev_questionnaire *q)
{
	memset(q, 0, sizeof *q);
	if (str_empty(token) || strlen(token) > 100)
		return EVAL_NOTFOUND;
	char dig[65];
	secret_digest(token, dig);
	int rc = store_ev_link_by_digest(st, a, dig, &q->link);
	if (rc)
		return outcome(rc);
	if (q->link.used)
		return EVAL_USED;
	rc = store_ev_round_get(st, a, q->link.round_id, &q->round);
	if (rc)
		return outcome(rc);
	if (strcmp(q->round.status, "open") != 0)
		return EVAL_CLOSED;
	int oi = snapshot_find_org(s, q->link.org_code);
	q->org_name = oi >= 0 ? s->orgs[oi].name : q->link.org_code;
	q->items = arena_calloc(a, (size_t)q->round.n_items + 1, sizeof *q->items);
	for (int i = 0; i < q->round.n_items; i++) {
		rc = store_ev_item_get(st, a, q->round.items[i], &q->items[q->n_items]);
		if (rc)
			return outcome(rc);
		q->n_items++;
	}
	q->blocks = arena_calloc(a, (size_t)q->round.n_collabs + 1, sizeof *q->blocks);
	q->blocks[0] = (struct ev_block){"", ""};
	q->n_blocks = 1;
	for (int c = 0; oi >= 0 && c < q->round.n_collabs; c++) {
		int ci = snapshot_find_collab(s, q->round.collabs[c]);
		if (ci < 0)
			continue;
		const struct collaboration *col = &s->collabs[ci];
		bool member = false;
		for (int k = 0; k < col->n_parts; k++) {
			const struct participation *p = &s->parts[col->parts[k]];
			if (p->organisation == oi && p->active)
				member = true;
		}
		if (member)
			q->blocks[q->n_blocks++] = (struct ev_block){col->key, col->name};
	}
	parse_draft(a, q->link.draft, &q->values, &q->n_values);
	return EVAL_OK;
}

static const char *value_of(const struct ev_pair *v, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return v[i].value;
	return NULL;
}

/* Check one block's answers into answers (growing); errors into e. */
static void check_block(struct arena *a, const struct ev_questionnaire *q, int b,
			const struct ev_pair *v, int n, struct field_errors *e,
			struct ev_answer **ans, int *na, int *cap)
{
	for (int i = 0; i < q->n_items; i++) {
		const struct ev_item_row *it = &q->items[i];
		if (!evaluatie_in_block(q, it, b))
			continue;
		const char *name = arena_printf(a, "b%d-i%lld", b, (long long)it->id);
		int n_opts = evaluatie_option_count(it->options);
		if (strcmp(it->kind, "meervoudig") == 0) {
			int chosen = 0;
			for (int k = 0; k < n; k++) {
				if (strcmp(v[k].name, name) != 0)
					continue;
				int x;
				if (evaluatie_check_choice(v[k].value, n_opts, &x) != EVA_OK) {
					field_errors_add(e, name,
							 "Kies uit de gegeven antwoorden.");
					continue;
				}
				*ans = grow(a, *ans, *na, cap, sizeof **ans);
				(*ans)[(*na)++] =
				    (struct ev_answer){it->id, arena_printf(a, "%d", x), x, ""};
				chosen++;
			}
			if (!chosen && it->required)
				field_errors_add(e, name, "Kies een of meer antwoorden.");
		} else if (strcmp(it->kind, "rolperspectief") == 0) {
			for (int p = 0; p < n_opts; p++)
				for (int k = 0; k < EVALUATIE_PERSPECTIVES; k++) {
					const char *sub =
					    arena_printf(a, "%s-p%d-q%d", name, p + 1, k + 1);
					int x;
					enum evaluatie_answer_check c =
					    evaluatie_check_scale(value_of(v, n, sub), &x);
					if (c == EVA_EMPTY) {
						if (it->required)
							field_errors_add(e, sub,
									 "Geef een score of kies "
									 "weet niet.");
						continue;
					}
					if (c != EVA_OK) {
						field_errors_add(e, sub,
								 "Kies een score van 1 tot en met "
								 "5, of weet niet.");
						continue;
					}
					*ans = grow(a, *ans, *na, cap, sizeof **ans);
					(*ans)[(*na)++] = (struct ev_answer){
					    it->id, arena_printf(a, "%d.%d", p + 1, k + 1), x, ""};
				}
		} else if (strcmp(it->kind, "open") == 0) {
			const char *t = value_of(v, n, name);
			enum evaluatie_answer_check c = evaluatie_check_open(t);
			if (c == EVA_EMPTY) {
				if (it->required)
					field_errors_add(e, name, "Beantwoord deze vraag.");
				continue;
			}
			if (c != EVA_OK) {
				field_errors_add(e, name,
						 "Uw antwoord is langer dan %d tekens of bevat "
						 "tekens die niet kunnen; maak het korter.",
						 EVALUATIE_OPEN_MAX);
				continue;
			}
			*ans = grow(a, *ans, *na, cap, sizeof **ans);
			(*ans)[(*na)++] = (struct ev_answer){it->id, "", -1, t};
		} else {
			bool likert = strcmp(it->kind, "likert") == 0;
			int x;
			enum evaluatie_answer_check c =
			    likert ? evaluatie_check_scale(value_of(v, n, name), &x)
				   : evaluatie_check_choice(value_of(v, n, name), n_opts, &x);
			if (c == EVA_EMPTY) {
				if (it->required)
					field_errors_add(e, name, "Beantwoord deze vraag.");
				continue;
			}
			if (c != EVA_OK) {
				field_errors_add(e, name, "Kies een van de gegeven antwoorden.");
				continue;
			}
			*ans = grow(a, *ans, *na, cap, sizeof **ans);
			(*ans)[(*na)++] = (struct ev_answer){it->id, "", x, ""};
		}
	}
}

/* A random response id: 32 hex characters, no order. */
static const char *random_id(struct arena *a)
{
	char tok[44], dig[65];
	secret_random_token(tok);
	secret_digest(tok, dig);
	return arena_strndup(a, dig, 32);
}

enum evaluatie_outcome evaluatie_answer(struct store *st, struct arena *a, const struct snapshot *s,
					const char *token, const struct ev_pair *values, int n,
					bool submit, struct field_errors *e)
{
	struct ev_questionnaire q;
	enum evaluatie_outcome o = evaluatie_questionnaire(st, a, s, token, &q);
	if (o != EVAL_OK)
		return o;
	/* anonymous writes: the audit actor names nobody */
	struct write_ctx w = {.actor = "respondent", .via = "web"};
	/* the draft: only the answer fields */
	struct buf d = BUF_INIT;
	for (int i = 0; i < n; i++) {
		if (values[i].name[0] != 'b' || !*values[i].value)
			continue;
		if (d.len)
			buf_putc(&d, '&');
		pct_encode(&d, values[i].name);
		buf_putc(&d, '=');
		pct_encode(&d, values[i].value);
	}
	const char *draft = arena_strdup(a, d.data ? d.data : "");
	size_t dlen = d.len;
	buf_free(&d);
	if (dlen > DRAFT_MAX) {
		field_errors_add(e, "antwoorden",
				 "Uw antwoorden zijn samen te lang om te bewaren.");
		return EVAL_INVALID;
	}
	if (submit) {
		struct ev_part *parts = arena_calloc(a, (size_t)q.n_blocks, sizeof *parts);
		const char **ids = arena_calloc(a, (size_t)q.n_blocks, sizeof *ids);
		for (int b = 0; b < q.n_blocks; b++) {
			struct ev_answer *ans = NULL;
			int na = 0, cap = 0;
			check_block(a, &q, b, values, n, e, &ans, &na, &cap);
			parts[b] = (struct ev_part){q.blocks[b].collab_key, ans, na};
			ids[b] = random_id(a);
		}
		if (!e->n) {
			int oi = snapshot_find_org(s, q.link.org_code);
			const char *kind =
			    oi >= 0 ? org_kind_labels[s->orgs[oi].kind].api : "overig";
			char today[11];
			time_t now = time(NULL);
			struct tm tm;
			gmtime_r(&now, &tm);
			strftime(today, sizeof today, "%Y-%m-%d", &tm);
			int rc = store_ev_submit(st, &w, q.link.id, q.round.id, q.link.target_group,
						 kind, today, parts, ids, q.n_blocks);
			return rc == STORE_ERR_CONFLICT ? EVAL_USED : outcome(rc);
		}
	}
	int rc = store_ev_draft_save(st, &w, q.link.id, q.round.id, draft);
	if (rc == STORE_ERR_CONFLICT)
		return EVAL_USED;
	if (rc)
		return outcome(rc);
	return e->n ? EVAL_INVALID : EVAL_OK;
}

/* ---- results ------------------------------------------------------------------------- */

bool evaluatie_mean(const struct ev_cell *c, double *mean)
{
	if (c->hidden)
		return false;
	long sum = 0, cnt = 0;
	for (int v = 1; v <= 5; v++) {
		sum += (long)v * c->counts[v];
		cnt += c->counts[v];
	}
	if (!cnt)
		return false;
	*mean = (double)sum / (double)cnt;
	return true;
}

static int index_of(const char *const *keys, int k, const char *v)
{
	for (int i = 0; i < k; i++)
		if (strcmp(keys[i], v) == 0)
			return i;
	return -1;
}

/* Apply the suppression rule to a row: one partition per breakdown. */
static void suppress_row(struct ev_result_row *r)
{
	bool total_hidden = r->total.n < EVALUATIE_MIN_CELL;
	for (int d = 0; d < r->n_by; d++) {
		int k = r->by[d].k;
		int *n = calloc((size_t)k + 1, sizeof *n);
		bool *h = calloc((size_t)k + 1, sizeof *h);
		if (!n || !h) {
			free(n);
			free(h);
			for (int i = 0; i < k; i++)
				r->by[d].cells[i].hidden = true;
			continue;
		}
		for (int i = 0; i < k; i++)
			n[i] = r->by[d].cells[i].n;
		if (evaluatie_suppress(r->total.n, n, k, h))
			total_hidden = true;
		for (int i = 0; i < k; i++)
			r->by[d].cells[i].hidden = h[i];
		free(n);
		free(h);
	}
	r->total.hidden = total_hidden;
	for (int d = 0; total_hidden && d < r->n_by; d++)
		for (int i = 0; i < r->by[d].k; i++)
			r->by[d].cells[i].hidden = r->by[d].cells[i].n > 0;
}

enum evaluatie_outcome evaluatie_results(struct store *st, struct arena *a,
					 const struct snapshot *s, const struct user *u, int64_t id,
					 struct ev_results *out)
{
	memset(out, 0, sizeof *out);
	enum evaluatie_outcome o = evaluatie_round_get(st, a, u, id, &out->round);
	if (o != EVAL_OK)
		return o;
	const struct ev_round_row *rd = &out->round;
	out->items = arena_calloc(a, (size_t)rd->n_items + 1, sizeof *out->items);
	for (int i = 0; i < rd->n_items; i++)
		if (store_ev_item_get(st, a, rd->items[i], &out->items[out->n_items++]))
			return EVAL_FAILED;
	struct ev_count *counts;
	int nc;
	if (store_ev_counts(st, a, id, &counts, &nc) ||
	    store_ev_response_count(st, id, &out->respondents))
		return EVAL_FAILED;
	out->respondents_hidden = out->respondents < EVALUATIE_MIN_CELL;
	/* the breakdowns' keys and labels */
	int ng = LABEL_COUNT(evaluatie_group_labels), nk = ORG_KIND_COUNT;
	const char **gkeys = arena_calloc(a, (size_t)ng, sizeof *gkeys);
	const char **glabels = arena_calloc(a, (size_t)ng, sizeof *glabels);
	for (int i = 0; i < ng; i++) {
		gkeys[i] = evaluatie_group_labels[i].api;
		glabels[i] = evaluatie_group_labels[i].label;
	}
	const char **kkeys = arena_calloc(a, (size_t)nk, sizeof *kkeys);
	const char **klabels = arena_calloc(a, (size_t)nk, sizeof *klabels);
	for (int i = 0; i < nk; i++) {
		kkeys[i] = org_kind_labels[i].api;
		klabels[i] = org_kind_labels[i].label;
	}
	int ncol = rd->n_collabs;
	const char **ckeys = arena_calloc(a, (size_t)ncol + 1, sizeof *ckeys);
	const char **clabels = arena_calloc(a, (size_t)ncol + 1, sizeof *clabels);
	for (int i = 0; i < ncol; i++) {
		ckeys[i] = rd->collabs[i];
		int ci = snapshot_find_collab(s, rd->collabs[i]);
		clabels[i] = ci >= 0 ? s->collabs[ci].name : rd->collabs[i];
	}
	/* one row per item (per party and perspective for role items) */
	int cap = 8;
	out->rows = arena_calloc(a, (size_t)cap, sizeof *out->rows);
	for (int i = 0; i < out->n_items; i++) {
		const struct ev_item_row *it = &out->items[i];
		if (strcmp(it->kind, "open") == 0)
			continue;
		int n_opts = evaluatie_option_count(it->options);
		bool role = strcmp(it->kind, "rolperspectief") == 0;
		bool per_collab = strcmp(it->scope, "samenwerking") == 0 && ncol > 0;
		int subs = role ? n_opts * EVALUATIE_PERSPECTIVES : 1;
		for (int sidx = 0; sidx < subs; sidx++) {
			out->rows = grow(a, out->rows, out->n_rows, &cap, sizeof *out->rows);
			struct ev_result_row *r = &out->rows[out->n_rows++];
			memset(r, 0, sizeof *r);
			r->item = it;
			r->party = role ? sidx / EVALUATIE_PERSPECTIVES : -1;
			r->persp = role ? sidx % EVALUATIE_PERSPECTIVES : -1;
			bool scale = role || strcmp(it->kind, "likert") == 0;
			r->scale = scale;
			r->first = scale ? 0 : 1;
			r->last = scale ? 5 : n_opts;
			r->by[0] = (struct ev_breakdown){
			    "Doelgroep", ng, glabels,
			    arena_calloc(a, (size_t)ng, sizeof(struct ev_cell))};
			r->by[1] = (struct ev_breakdown){
			    "Soort organisatie", nk, klabels,
			    arena_calloc(a, (size_t)nk, sizeof(struct ev_cell))};
			r->n_by = 2;
			if (per_collab)
				r->by[r->n_by++] = (struct ev_breakdown){
				    "Samenwerkingsverband", ncol, clabels,
				    arena_calloc(a, (size_t)ncol, sizeof(struct ev_cell))};
			const char *sub =
			    role ? arena_printf(a, "%d.%d", r->party + 1, r->persp + 1) : NULL;
			bool multi = strcmp(it->kind, "meervoudig") == 0;
			for (int c = 0; c < nc; c++) {
				const struct ev_count *x = &counts[c];
				if (x->item_id != it->id)
					continue;
				if (role && strcmp(x->sub, sub) != 0)
					continue;
				int gi = index_of(gkeys, ng, x->target_group);
				int ki = index_of(kkeys, nk, x->org_kind);
				int ci = per_collab ? index_of(ckeys, ncol, x->collab_key) : -1;
				struct ev_cell *cells[4] = {&r->total,
							    gi >= 0 ? &r->by[0].cells[gi] : NULL,
							    ki >= 0 ? &r->by[1].cells[ki] : NULL,
							    ci >= 0 ? &r->by[2].cells[ci] : NULL};
				for (int z = 0; z < 4; z++) {
					struct ev_cell *cell = cells[z];
					if (!cell)
						continue;
					if (x->num < 0) {
						if (multi)
							cell->n += x->n;
					} else if (x->num < EV_CATS) {
						cell->counts[x->num] += x->n;
						if (!multi)
							cell->n += x->n;
					}
				}
			}
			suppress_row(r);
		}
	}
	if (policy_may_manage_evaluations(u) &&
	    store_ev_open_answers(st, a, id, &out->open, &out->n_open))
		return EVAL_FAILED;
	return EVAL_OK;
}
