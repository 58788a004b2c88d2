/*
 * toezicht_ladder (app) — the intervention ladder, agreements and the
 * dialogue log of IBT; see toezicht_ladder.h.
 */
#include "toezicht_ladder.h"
#include "../domain/snapshot.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "policy.h"

#include <stdio.h>
#include <string.h>

const char toezicht_ladder_proportionality[] =
    "Proportionaliteit: de provincie kiest het lichtst mogelijke middel dat werkt, en grijpt "
    "alleen in als dat nodig is (selectiviteit). Opschalen voorbij trede 2, of een trede "
    "overslaan, vraagt daarom een reden: waarom volstaat een lichter middel niet?";
const char toezicht_ladder_proportionality_source[] =
    "https://lokaleregelgeving.overheid.nl/CVDR223790/";

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

bool toezicht_ladder_public(const struct ibt_ladder_row *r)
{
	return ibt_record_public(r->track, r->step);
}

static const char *actor_name(const struct user *u)
{
	return *u->display_name ? u->display_name : u->username;
}

/* An enabled editor of some organisation (the own-organisation rules). */
static const char *own_org(const struct user *u)
{
	return u && *u->org_code && policy_ibt_agreements_visible(u, u->org_code) ? u->org_code
										  : NULL;
}

/* The query's organisation and domain, checked: field errors in e. */
static void resolve(struct store *st, struct arena *a, const struct snapshot *s,
		    const struct ibt_ladder_query *q, const char **org, int64_t *domain_id,
		    struct field_errors *e)
{
	*org = NULL;
	*domain_id = 0;
	if (!str_empty(q->org)) {
		int oi = snapshot_find_org(s, q->org);
		if (oi < 0)
			field_errors_add(e, "organisatie", "Deze organisatie bestaat niet.");
		else
			*org = s->orgs[oi].code;
	}
	if (!str_empty(q->domain)) {
		struct ibt_domain_row *d;
		int nd;
		const struct ibt_domain_row *x = toezicht_domains(st, a, &d, &nd) == IBT_OK
						     ? toezicht_domain_find(d, nd, q->domain)
						     : NULL;
		if (!x)
			field_errors_add(e, "domein",
					 "Dit toezichtdomein bestaat niet; zie "
					 "/api/v1/toezicht/domeinen.");
		else
			*domain_id = x->id;
	}
}

enum ibt_outcome toezicht_ladder_list(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const struct ibt_ladder_query *q,
				      struct ibt_ladder_row **out, int *n, struct field_errors *e)
{
	*out = NULL;
	*n = 0;
	struct ibt_ladder_filter f = {0};
	resolve(st, a, s, q, &f.org_code, &f.domain_id, e);
	if (e->n)
		return IBT_INVALID;
	const char *mine = own_org(u);
	/* anonymous readers and other organisations' editors: the public
	 * records only (filtered per record below as well) */
	f.public_only =
	    !policy_is_supervisor(u) && !(mine && (!f.org_code || !strcmp(mine, f.org_code)));
	enum ibt_outcome o = outcome(store_ibt_ladder(st, a, &f, out, n));
	if (o != IBT_OK)
		return o;
	int k = 0;
	for (int i = 0; i < *n; i++)
		if (policy_ibt_ladder_visible(u, (*out)[i].org_code,
					      toezicht_ladder_public(&(*out)[i])))
			(*out)[k++] = (*out)[i];
	*n = k;
	return IBT_OK;
}

enum ibt_outcome toezicht_ladder_get(struct store *st, struct arena *a, const struct user *u,
				     int64_t id, struct ibt_ladder_row *out,
				     struct ibt_agreement_row **agr, int *n_agr)
{
	*agr = NULL;
	*n_agr = -1;
	enum ibt_outcome o = outcome(store_ibt_ladder_get(st, a, id, out));
	if (o != IBT_OK)
		return o;
	if (!policy_ibt_ladder_visible(u, out->org_code, toezicht_ladder_public(out)))
		return IBT_NOTFOUND;
	if (!policy_ibt_agreements_visible(u, out->org_code))
		return IBT_OK;
	return outcome(store_ibt_agreements(st, a, id, agr, n_agr));
}

enum ibt_outcome toezicht_ladder_open(struct store *st, struct arena *a, const struct user *u,
				      struct ibt_ladder_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_is_supervisor(u))
		return IBT_FORBIDDEN;
	struct ibt_ladder_filter f = {.open_only = true};
	return outcome(store_ibt_ladder(st, a, &f, out, n));
}

int toezicht_ladder_current(struct store *st, struct arena *a, const char *org, int64_t domain_id)
{
	struct ibt_ladder_row r;
	return store_ibt_ladder_current(st, a, org, domain_id, &r) == STORE_OK ? r.step : 0;
}

enum ibt_outcome toezicht_ladder_set(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const char *via,
				     const struct ibt_step_input *in, struct field_errors *e,
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
	char today[11];
	today_iso(today);
	struct ibt_step_input x = *in;
	if (str_empty(x.since))
		x.since = today;
	struct ibt_ladder_row cur = {.started_on = ""};
	int current = 0;
	if (oi >= 0 && dom) {
		int rc = store_ibt_ladder_current(st, a, s->orgs[oi].code, dom->id, &cur);
		if (rc != STORE_OK && rc != STORE_ERR_NOTFOUND)
			return IBT_FAILED;
		current = rc == STORE_OK ? cur.step : 0;
		if (rc != STORE_OK)
			cur.started_on = "";
	}
	struct ibt_step_context c = {
	    .org_known = oi >= 0,
	    .domain_known = dom != NULL,
	    .domain_applies =
		dom && oi >= 0 &&
		ibt_domain_applies(dom->org_kinds, org_kind_labels[s->orgs[oi].kind].api),
	    .current = current,
	    .current_since = cur.started_on,
	    .today = today,
	};
	enum ibt_track track;
	int step;
	ibt_check_step(e, &x, &c, &track, &step);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], wtoday[11];
	accounts_write_ctx(u, via, &w, actor, wtoday);
	struct ibt_ladder_new n = {
	    .org_code = s->orgs[oi].code,
	    .domain_id = dom->id,
	    .domain_key = dom->key,
	    .track = track,
	    .step = step,
	    .subject = x.subject,
	    .reason = x.reason,
	    .started_on = x.since,
	    .recorded_by = actor_name(u),
	};
	return outcome(store_ibt_ladder_add(st, &w, &n, current, id));
}

enum ibt_outcome toezicht_ladder_end(struct store *st, struct arena *a, const struct user *u,
				     const char *via, int64_t id, const char *ended,
				     struct field_errors *e)
{
	struct ibt_ladder_row r;
	struct ibt_agreement_row *agr;
	int n;
	enum ibt_outcome o = toezicht_ladder_get(st, a, u, id, &r, &agr, &n);
	if (o != IBT_OK)
		return o;
	if (!policy_is_supervisor(u))
		return IBT_FORBIDDEN;
	if (*r.ended_on)
		return IBT_STALE;
	char today[11];
	today_iso(today);
	if (str_empty(ended))
		ended = today;
	ibt_check_end(e, ended, r.started_on, today);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], wtoday[11];
	accounts_write_ctx(u, via, &w, actor, wtoday);
	return outcome(store_ibt_ladder_end(st, &w, id, ended));
}

enum ibt_outcome toezicht_agreement_add(struct store *st, struct arena *a, const struct user *u,
					const char *via, int64_t ladder_id,
					const struct ibt_agreement_input *in,
					struct field_errors *e, int64_t *id)
{
	*id = 0;
	struct ibt_ladder_row r;
	struct ibt_agreement_row *agr;
	int n;
	enum ibt_outcome o = toezicht_ladder_get(st, a, u, ladder_id, &r, &agr, &n);
	if (o != IBT_OK)
		return o;
	if (!policy_is_supervisor(u))
		return IBT_FORBIDDEN;
	enum ibt_agreement_status status;
	ibt_check_agreement(e, in, &status);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct ibt_agreement_new x = {in->action, in->owner, in->due, status};
	return outcome(store_ibt_agreement_add(st, &w, ladder_id, &x, id));
}

enum ibt_outcome toezicht_agreement_get(struct store *st, struct arena *a, const struct user *u,
					int64_t id, struct ibt_agreement_row *out,
					struct ibt_ladder_row *ladder)
{
	enum ibt_outcome o = outcome(store_ibt_agreement_get(st, a, id, out));
	if (o != IBT_OK)
		return o;
	o = outcome(store_ibt_ladder_get(st, a, out->ladder_id, ladder));
	if (o != IBT_OK)
		return o;
	return policy_ibt_agreements_visible(u, ladder->org_code) ? IBT_OK : IBT_NOTFOUND;
}

enum ibt_outcome toezicht_agreement_save(struct store *st, struct arena *a, const struct user *u,
					 const char *via, int64_t id,
					 const struct ibt_agreement_input *in,
					 struct field_errors *e)
{
	struct ibt_agreement_row g;
	struct ibt_ladder_row r;
	enum ibt_outcome o = toezicht_agreement_get(st, a, u, id, &g, &r);
	if (o != IBT_OK)
		return o;
	if (!policy_is_supervisor(u))
		return IBT_FORBIDDEN;
	enum ibt_agreement_status status;
	ibt_check_agreement(e, in, &status);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct ibt_agreement_new x = {in->action, in->owner, in->due, status};
	return outcome(store_ibt_agreement_update(st, &w, id, &x));
}

enum ibt_outcome toezicht_dialogue_list(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const struct ibt_ladder_query *q,
					struct ibt_dialogue_row **out, int *n,
					struct field_errors *e)
{
	*out = NULL;
	*n = 0;
	struct ibt_dialogue_filter f = {0};
	resolve(st, a, s, q, &f.org_code, &f.domain_id, e);
	if (e->n)
		return IBT_INVALID;
	if (!policy_is_supervisor(u)) {
		const char *mine = own_org(u);
		if (!mine || (f.org_code && strcmp(f.org_code, mine)))
			return IBT_OK; /* nothing this reader may see */
		f.org_code = mine;
		f.shared_only = true;
	}
	enum ibt_outcome o = outcome(store_ibt_dialogues(st, a, &f, out, n));
	if (o != IBT_OK)
		return o;
	int k = 0;
	for (int i = 0; i < *n; i++)
		if (policy_ibt_dialogue_visible(u, (*out)[i].org_code, (*out)[i].shared))
			(*out)[k++] = (*out)[i];
	*n = k;
	return IBT_OK;
}

/* A reviewer of a peer review: a gemeente in the snapshot. */
static bool is_gemeente(const char *code, void *arg)
{
	const struct snapshot *s = arg;
	int oi = snapshot_find_org(s, code);
	return oi >= 0 && s->orgs[oi].kind == ORG_MUNICIPALITY && !strcmp(s->orgs[oi].code, code);
}

enum ibt_outcome toezicht_dialogue_add(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, const char *via,
				       const struct ibt_dialogue_input *in, struct field_errors *e,
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
	char today[11];
	today_iso(today);
	struct ibt_dialogue_input x = *in;
	if (oi >= 0)
		x.org = s->orgs[oi].code;
	struct ibt_dialogue_context c = {
	    .org_known = oi >= 0,
	    .domain_known = dom != NULL,
	    .domain_applies =
		dom && oi >= 0 &&
		ibt_domain_applies(dom->org_kinds, org_kind_labels[s->orgs[oi].kind].api),
	    .today = today,
	    .reviewer_known = is_gemeente,
	    .arg = (void *)(uintptr_t)s,
	};
	enum ibt_dialogue_kind kind;
	bool shared;
	ibt_check_dialogue(e, &x, &c, &kind, &shared);
	if (e->n)
		return IBT_INVALID;
	struct write_ctx w;
	char actor[80], wtoday[11];
	accounts_write_ctx(u, via, &w, actor, wtoday);
	struct ibt_dialogue_new n = {
	    .org_code = x.org,
	    .domain_id = dom ? dom->id : 0,
	    .domain_key = dom ? dom->key : "",
	    .kind = kind,
	    .held_on = x.held_on,
	    .subject = x.subject,
	    .participants = x.participants,
	    .reviewers = x.reviewers,
	    .report_url = x.report_url,
	    .notes = x.notes,
	    .shared = shared,
	    .recorded_by = actor_name(u),
	};
	return outcome(store_ibt_dialogue_add(st, &w, &n, id));
}
