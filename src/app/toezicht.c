/*
 * toezicht (app) — IBT feature logic; see toezicht.h.
 */
#include "toezicht.h"
#include "../domain/mapcount.h"
#include "../domain/snapshot.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const struct ibt_label toezicht_default_labels[3] = {
    {1, "Adequaat", "#2e7d32", "vol"},
    {2, "Redelijk adequaat", "#b35900", "schuin"},
    {3, "Niet adequaat", "#c62828", "kruis"},
};

const char *toezicht_message(enum ibt_outcome o)
{
	switch (o) {
	case IBT_FORBIDDEN:
		return "Dit mag alleen een toezichthouder van de provincie, of voor een "
		       "beoordeling in dialoog een redacteur van de eigen organisatie.";
	case IBT_STALE:
		return "De beoordeling of het domein is intussen gewijzigd. Er is niets "
		       "opgeslagen; open de pagina opnieuw.";
	case IBT_NOTFOUND:
		return "Deze beoordeling bestaat niet.";
	default:
		return "Er ging iets mis. Er is niets opgeslagen.";
	}
}

static enum ibt_outcome outcome(int rc)
{
	switch (rc) {
	case STORE_OK:
		return IBT_OK;
	case STORE_ERR_NOTFOUND:
		return IBT_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return IBT_STALE;
	case STORE_ERR_INVALID:
		return IBT_INVALID;
	default:
		return IBT_FAILED;
	}
}

int toezicht_this_year(void)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

enum ibt_outcome toezicht_domains(struct store *st, struct arena *a, struct ibt_domain_row **out,
				  int *n)
{
	return outcome(store_ibt_domains(st, a, out, n));
}

const struct ibt_domain_row *toezicht_domain_find(const struct ibt_domain_row *d, int n,
						  const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (!strcmp(d[i].key, key))
			return &d[i];
	return NULL;
}

const struct ibt_domain_row *toezicht_domain_by_id(const struct ibt_domain_row *d, int n,
						   int64_t id)
{
	for (int i = 0; i < n; i++)
		if (d[i].id == id)
			return &d[i];
	return NULL;
}

const struct ibt_label *toezicht_label(const struct ibt_domain_row *d, int level)
{
	return d && level >= 1 && level <= d->n_labels ? &d->labels[level - 1] : NULL;
}

static bool parse_year(const char *s, int *out)
{
	long v;
	if (str_empty(s) || strlen(s) != 4 || !parse_long(s, 1900, 2999, &v))
		return false;
	*out = (int)v;
	return true;
}

enum ibt_outcome toezicht_view(struct store *st, struct arena *a, const struct snapshot *s,
			       const char *domain, const char *year, struct ibt_view *v, char *msg,
			       size_t msglen)
{
	memset(v, 0, sizeof *v);
	msg[0] = '\0';
	enum ibt_outcome o = toezicht_domains(st, a, &v->domains, &v->n_domains);
	if (o != IBT_OK)
		return o;
	int this_year = toezicht_this_year();
	v->domain = toezicht_domain_find(v->domains, v->n_domains, domain);
	if (!v->domain && !str_empty(domain))
		snprintf(msg, msglen,
			 "Dit toezichtdomein bestaat niet; het eerste domein wordt "
			 "getoond.");
	if (!v->domain && v->n_domains)
		v->domain = &v->domains[0];
	v->first_year = v->domain ? v->domain->valid_from : this_year;
	v->last_year = v->domain && v->domain->valid_to && v->domain->valid_to < this_year
			   ? v->domain->valid_to
			   : this_year;
	if (v->first_year > v->last_year)
		v->first_year = v->last_year;
	/* the latest complete year by default: assessments follow the year */
	v->year = v->last_year > v->first_year ? v->last_year - 1 : v->last_year;
	int y;
	if (!str_empty(year)) {
		if (parse_year(year, &y) && y >= v->first_year && y <= v->last_year)
			v->year = y;
		else if (!msg[0])
			snprintf(msg, msglen,
				 "Kies een jaar van %d tot en met %d; %d wordt getoond.",
				 v->first_year, v->last_year, v->year);
	}
	v->gm = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *v->gm);
	v->n_gm = mapcount_map_orgs(s, v->gm);
	v->gm_row = arena_calloc(a, (size_t)v->n_gm + 1, sizeof *v->gm_row);
	if (!v->domain)
		return IBT_OK;
	struct ibt_filter f = {
	    .domain_id = v->domain->id, .year = v->year, .statuses = IBT_ONLY(IBT_ESTABLISHED)};
	o = outcome(store_ibt_assessments(st, a, &f, &v->rows, &v->n_rows));
	if (o != IBT_OK)
		return o;
	for (int j = 0; j < v->n_gm; j++) {
		const char *code = s->orgs[v->gm[j]].code;
		for (int i = 0; i < v->n_rows; i++)
			if (!strcmp(v->rows[i].org_code, code)) {
				v->gm_row[j] = &v->rows[i];
				break;
			}
	}
	return IBT_OK;
}

/* Keep only the rows u may see. */
static void visible_only(const struct user *u, struct ibt_assessment_row *rows, int *n)
{
	int k = 0;
	for (int i = 0; i < *n; i++)
		if (policy_ibt_visible(u, rows[i].org_code, (int)rows[i].status))
			rows[k++] = rows[i];
	*n = k;
}

/* The statuses u could see of org (NULL: any organisation). */
static unsigned statuses_for(const struct user *u, const char *org)
{
	unsigned m = IBT_ONLY(IBT_ESTABLISHED);
	if (policy_is_supervisor(u))
		return m | IBT_ONLY(IBT_CONCEPT) | IBT_ONLY(IBT_DIALOGUE);
	if (u && *u->org_code && (!org || !strcmp(org, u->org_code)) &&
	    policy_ibt_visible(u, u->org_code, IBT_DIALOGUE))
		m |= IBT_ONLY(IBT_DIALOGUE);
	return m;
}

enum ibt_outcome toezicht_of_org(struct store *st, struct arena *a, const struct user *u,
				 const char *org_code, struct ibt_assessment_row **out, int *n)
{
	struct ibt_filter f = {.org_code = org_code, .statuses = statuses_for(u, org_code)};
	enum ibt_outcome o = outcome(store_ibt_assessments(st, a, &f, out, n));
	if (o == IBT_OK)
		visible_only(u, *out, n);
	return o;
}

enum ibt_outcome toezicht_worklist(struct store *st, struct arena *a, const struct user *u,
				   struct ibt_assessment_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_is_supervisor(u))
		return IBT_FORBIDDEN;
	struct ibt_filter f = {.statuses = IBT_ONLY(IBT_CONCEPT) | IBT_ONLY(IBT_DIALOGUE)};
	return outcome(store_ibt_assessments(st, a, &f, out, n));
}

enum ibt_outcome toezicht_list(struct store *st, struct arena *a, const struct snapshot *s,
			       const struct user *u, const struct ibt_query *q,
			       struct ibt_assessment_row **out, int *n, struct field_errors *e)
{
	*out = NULL;
	*n = 0;
	struct ibt_domain_row *d;
	int nd;
	enum ibt_outcome o = toezicht_domains(st, a, &d, &nd);
	if (o != IBT_OK)
		return o;
	struct ibt_filter f = {0};
	if (!str_empty(q->domain)) {
		const struct ibt_domain_row *x = toezicht_domain_find(d, nd, q->domain);
		if (!x)
			field_errors_add(e, "domein",
					 "Dit toezichtdomein bestaat niet; zie "
					 "/api/v1/toezicht/domeinen.");
		else
			f.domain_id = x->id;
	}
	if (!str_empty(q->year) && !parse_year(q->year, &f.year))
		field_errors_add(e, "jaar", "Geef een jaar, zoals 2024.");
	if (!str_empty(q->org)) {
		if (snapshot_find_org(s, q->org) < 0)
			field_errors_add(e, "organisatie", "Deze organisatie bestaat niet.");
		f.org_code = q->org;
	}
	f.statuses = statuses_for(u, f.org_code);
	if (!str_empty(q->status)) {
		int k = ibt_status_from(q->status);
		if (k < 0)
			field_errors_add(e, "status", "Kies concept, dialoog of vastgesteld.");
		else if (!(f.statuses & IBT_ONLY(k)))
			return IBT_FORBIDDEN;
		else
			f.statuses = IBT_ONLY(k);
	}
	if (e->n)
		return IBT_INVALID;
	o = outcome(store_ibt_assessments(st, a, &f, out, n));
	if (o == IBT_OK)
		visible_only(u, *out, n);
	return o;
}

enum ibt_outcome toezicht_get(struct store *st, struct arena *a, const struct user *u, int64_t id,
			      struct ibt_assessment_row *out, struct ibt_response_row **resp,
			      int *n_resp)
{
	*resp = NULL;
	*n_resp = 0;
	enum ibt_outcome o = outcome(store_ibt_assessment_get(st, a, id, out));
	if (o != IBT_OK)
		return o;
	if (!policy_ibt_visible(u, out->org_code, (int)out->status))
		return IBT_NOTFOUND;
	return outcome(store_ibt_responses(st, a, id, resp, n_resp));
}

static const char *actor_name(const struct user *u)
{
	return *u->display_name ? u->display_name : u->username;
}

enum ibt_outcome toezicht_create(struct store *st, struct arena *a, const struct snapshot *s,
				 const struct user *u, const char *via,
				 const struct ibt_assessment_input *in, struct field_errors *e,
				 int64_t *id)
{
	*id = 0;
	if (!policy_is_supervisor(u))
		return IBT_FORBIDDEN;
	struct ibt_domain_row *d;
	int nd;
	enum ibt_outcome o = toezicht_domains(st, a, &d, &nd);
	if (o != IBT_OK)
		return o;
	const struct ibt_domain_row *dom = toezicht_domain_find(d, nd, in->domain);
	int oi = str_empty(in->org) ? -1 : snapshot_find_org(s, in->org);
	struct ibt_context c = {
	    .domain_known = dom != NULL,
	    .from = dom ? dom->valid_from : 0,
	    .to = dom ? dom->valid_to : 0,
	    .kinds = dom ? dom->org_kinds : "",
	    .n_labels = dom ? dom->n_labels : 0,
	    .org_known = oi >= 0,
	    .org_kind = oi >= 0 ? org_kind_labels[s->orgs[oi].kind].api : NULL,
	    .this_year = toezicht_this_year(),
	};
	struct ibt_assessment_input x = *in;
	char today[11];
	today_iso(today);
	x.today = today;
	if (str_empty(x.assessed_on))
		x.assessed_on = today;
	int year, level, own;
	ibt_check_assessment(e, &x, &c, &year, &level, &own);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], wtoday[11];
	accounts_write_ctx(u, via, &w, actor, wtoday);
	struct ibt_assessment_new n = {
	    .org_code = s->orgs[oi].code,
	    .domain_id = dom->id,
	    .domain_key = dom->key,
	    .year = year,
	    .level = level,
	    .own_level = own,
	    .motivation = x.motivation,
	    .links = x.links,
	    .assessor = actor_name(u),
	    .assessed_on = x.assessed_on,
	};
	int rc = store_ibt_assessment_add(st, &w, &n, id);
	if (rc == STORE_ERR_CONFLICT) {
		field_errors_add(e, "jaar",
				 "Er is al een beoordeling van deze organisatie voor dit domein in "
				 "%d.",
				 year);
		return IBT_INVALID;
	}
	return outcome(rc);
}

enum ibt_outcome toezicht_move(struct store *st, struct arena *a, const struct user *u,
			       const char *via, int64_t id, const char *status,
			       struct field_errors *e)
{
	if (!policy_is_supervisor(u))
		return IBT_FORBIDDEN;
	struct ibt_assessment_row r;
	enum ibt_outcome o = outcome(store_ibt_assessment_get(st, a, id, &r));
	if (o != IBT_OK)
		return o;
	int to = ibt_status_from(status);
	if (to < 0) {
		field_errors_add(e, "status", "Kies concept, dialoog of vastgesteld.");
		return IBT_INVALID;
	}
	if (!ibt_may_move(r.status, (enum ibt_status)to)) {
		field_errors_add(e, "status", "Van %s naar %s kan niet.", ibt_status_name(r.status),
				 ibt_status_name((enum ibt_status)to));
		return IBT_INVALID;
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return outcome(store_ibt_assessment_move(st, &w, id, r.status, (enum ibt_status)to));
}

enum ibt_outcome toezicht_respond(struct store *st, struct arena *a, const struct user *u,
				  const char *via, int64_t id, const char *text,
				  struct field_errors *e)
{
	struct ibt_assessment_row r;
	enum ibt_outcome o = outcome(store_ibt_assessment_get(st, a, id, &r));
	if (o != IBT_OK)
		return o;
	if (!policy_ibt_visible(u, r.org_code, (int)r.status))
		return IBT_NOTFOUND;
	if (!policy_may_respond_ibt(u, r.org_code, (int)r.status))
		return r.status == IBT_DIALOGUE ? IBT_FORBIDDEN : IBT_STALE;
	ibt_check_response(e, text);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int64_t rid;
	return outcome(store_ibt_response_add(st, &w, id, u->id, actor_name(u), text, &rid));
}

enum ibt_outcome toezicht_domain_save(struct store *st, struct arena *a, const struct user *u,
				      const char *via, bool adding,
				      const struct ibt_domain_input *in, struct field_errors *e)
{
	(void)a;
	if (!policy_may_configure_ibt(u))
		return IBT_FORBIDDEN;
	int from, to;
	ibt_check_domain(e, in, &from, &to);
	if (e->n)
		return IBT_INVALID;
	struct ibt_domain_row d = {.key = in->key,
				   .name = in->name,
				   .valid_from = from,
				   .valid_to = to,
				   .org_kinds = in->kinds,
				   .source_url = in->source_url ? in->source_url : ""};
	if (adding) {
		d.n_labels = 3;
		memcpy(d.labels, toezicht_default_labels, sizeof toezicht_default_labels);
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = adding ? store_ibt_domain_add(st, &w, &d) : store_ibt_domain_update(st, &w, &d);
	if (adding && rc == STORE_ERR_CONFLICT) {
		field_errors_add(e, "sleutel", "Er is al een domein met deze sleutel.");
		return IBT_INVALID;
	}
	return outcome(rc);
}

enum ibt_outcome toezicht_labels_save(struct store *st, struct arena *a, const struct user *u,
				      const char *via, const char *key, const struct ibt_label *l,
				      int n, struct field_errors *e)
{
	if (!policy_may_configure_ibt(u))
		return IBT_FORBIDDEN;
	struct ibt_domain_row *d;
	int nd;
	enum ibt_outcome o = toezicht_domains(st, a, &d, &nd);
	if (o != IBT_OK)
		return o;
	const struct ibt_domain_row *dom = toezicht_domain_find(d, nd, key);
	if (!dom)
		return IBT_NOTFOUND;
	ibt_check_labels(e, l, n);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_ibt_labels_set(st, &w, dom->id, dom->key, l, n);
	if (rc == STORE_ERR_CONFLICT) {
		field_errors_add(
		    e, "labels",
		    "Beoordelingen gebruiken een label dat in de nieuwe set ontbreekt; "
		    "houd minstens zoveel labels.");
		return IBT_INVALID;
	}
	return outcome(rc);
}
