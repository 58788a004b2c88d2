/*
 * policy — who may see or change what; see policy.h.
 */
#include "policy.h"
#include "../domain/bibliotheek.h"
#include "../domain/snapshot.h"
#include "../store/store.h"
#include "../store/store_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An enabled, signed-in user. */
static bool active(const struct user *u)
{
	return u && !u->disabled;
}

/* An enabled partner editor (the role scoped to one organisation). */
static bool editor(const struct user *u)
{
	return active(u) && u->role == USER_ROLE_EDITOR;
}

bool policy_has_role(const struct user *u, enum user_role role)
{
	if (role == USER_ROLE_NONE)
		return true;
	return active(u) && u->role >= role;
}

bool policy_is_staff(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_STAFF);
}

bool policy_may_see_outbox(const struct user *u)
{
	return policy_is_staff(u);
}

bool policy_may_import_indicators(const struct user *u)
{
	return policy_is_staff(u);
}

bool policy_has_work_list(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_EDITOR) && !policy_is_staff(u);
}

bool policy_may_administer(const struct user *u)
{
	return policy_is_staff(u);
}

bool policy_may_manage_users(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_ADMIN);
}

bool policy_may_see_experts(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_EDITOR);
}

bool policy_may_handle_personal_data(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_ADMIN);
}

int policy_own_org(const struct user *u, const struct snapshot *s)
{
	if (!active(u) || !u->org_code[0] || !s)
		return -1;
	return snapshot_find_org(s, u->org_code);
}

int policy_scoped_org(const struct user *u, const struct snapshot *s)
{
	return editor(u) ? policy_own_org(u, s) : -1;
}

bool policy_may_edit_org(const struct user *u, const struct snapshot *s, int org)
{
	if (policy_is_staff(u))
		return true;
	if (!editor(u) || !s || org < 0 || org >= s->n_orgs)
		return false;
	return strcmp(s->orgs[org].code, u->org_code) == 0;
}

bool policy_may_edit_collab(const struct user *u, const struct snapshot *s, int ci)
{
	if (!active(u) || !s || ci < 0 || ci >= s->n_collabs)
		return false;
	if (policy_is_staff(u))
		return true;
	if (!editor(u))
		return false;
	int oi = policy_own_org(u, s);
	if (oi < 0)
		return false;
	const struct collaboration *c = &s->collabs[ci];
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		if (p->organisation == oi && p->active &&
		    (p->role == ROLE_PENVOERDER || p->role == ROLE_CENTRUMGEMEENTE))
			return true;
	}
	return false;
}

bool policy_may_edit_part(const struct user *u, const struct snapshot *s, int pi)
{
	if (!s || pi < 0 || pi >= s->n_parts)
		return false;
	const struct participation *p = &s->parts[pi];
	return policy_may_edit_collab(u, s, p->collaboration) ||
	       policy_may_edit_org(u, s, p->organisation);
}

bool policy_may_create_collab(const struct user *u, const struct snapshot *s)
{
	if (policy_is_staff(u))
		return true;
	return editor(u) && policy_own_org(u, s) >= 0;
}

bool policy_may_add_part(const struct user *u, const struct snapshot *s, int ci)
{
	return policy_may_edit_collab(u, s, ci) || policy_scoped_org(u, s) >= 0;
}

bool policy_may_review_correction(const struct user *u, const struct snapshot *s,
				  const char *entity, int index)
{
	if (policy_is_staff(u))
		return true;
	if (!entity || index < 0)
		return false;
	if (strcmp(entity, "collaboration") == 0)
		return policy_may_edit_collab(u, s, index);
	if (strcmp(entity, "organisation") == 0)
		return policy_may_edit_org(u, s, index);
	if (strcmp(entity, "participation") == 0)
		return policy_may_edit_part(u, s, index);
	return false;
}

bool policy_may_review_corrections(const struct user *u, const struct snapshot *s)
{
	return policy_is_staff(u) || (editor(u) && policy_own_org(u, s) >= 0);
}

bool policy_person_record_visible(const struct user *u, const struct person *p)
{
	if (!p)
		return false;
	return u != NULL || p->has_public_office;
}

bool policy_person_visible(const struct user *u, const struct person *p)
{
	return p && !p->erased && policy_person_record_visible(u, p);
}

bool policy_office_visible(const struct user *u, enum office_kind k)
{
	return u != NULL || office_is_public(k);
}

bool policy_may_create_person(const struct user *u, const struct snapshot *s)
{
	return policy_is_staff(u) || (editor(u) && policy_own_org(u, s) >= 0);
}

bool policy_may_manage_org_people(const struct user *u, const char *org_code)
{
	if (policy_is_staff(u))
		return true;
	if (!editor(u) || !org_code)
		return false;
	return u->org_code[0] && strcmp(u->org_code, org_code) == 0;
}

bool policy_may_edit_person(struct store *st, struct arena *a, const struct user *u,
			    const struct snapshot *s, const char *key)
{
	if (policy_is_staff(u))
		return true;
	if (!editor(u) || policy_own_org(u, s) < 0 || !st)
		return false;
	const char *own = u->org_code;
	struct office *of = NULL;
	struct seat *se = NULL;
	int n_of = 0, n_se = 0;
	bool ok = false;
	if (store_offices_of_person(st, a, key, &of, &n_of) != STORE_OK ||
	    store_seats_of_person(st, a, key, &se, &n_se) != STORE_OK)
		goto out;
	for (int i = 0; i < n_of && !ok; i++)
		ok = strcmp(of[i].org_code, own) == 0;
	for (int i = 0; i < n_se && !ok; i++)
		ok = strcmp(se[i].org_code, own) == 0;
	if (!ok && n_of == 0 && n_se == 0) {
		/* a person the editor just created (nothing recorded yet) */
		struct audit_row *rows = NULL;
		int n = 0;
		char actor[80];
		snprintf(actor, sizeof actor, "gebruiker:%s", u->username);
		if (store_history(st, a, "person", key, &rows, &n) == STORE_OK) {
			for (int i = 0; i < n && !ok; i++)
				ok = rows[i].action && rows[i].actor &&
				     strcmp(rows[i].action, "insert") == 0 &&
				     strcmp(rows[i].actor, actor) == 0;
		}
	}
out:
	return ok;
}

bool policy_may_write_api(const struct user *u, bool via_token)
{
	return active(u) && via_token;
}

bool policy_may_create_token(const struct user *u, bool via_token)
{
	return active(u) && !via_token;
}

bool policy_may_set_role(const struct user *u, const struct user *target, enum user_role role)
{
	return policy_has_role(u, USER_ROLE_ADMIN) && (target->id != u->id || role == target->role);
}

bool policy_may_disable_user(const struct user *u, const struct user *target)
{
	return policy_has_role(u, USER_ROLE_ADMIN) && target->id != u->id;
}

/* ---- relations ------------------------------------------------------------------ */

bool policy_is_province(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_ACCOUNT_MGR);
}

bool policy_may_see_relations(const struct user *u, const char *org_code)
{
	if (policy_is_province(u))
		return true;
	return editor(u) && org_code && *u->org_code && strcmp(u->org_code, org_code) == 0;
}

bool policy_relation_visible(const struct user *u, const char *org_code,
			     const char *confidentiality)
{
	if (policy_is_province(u))
		return true;
	return policy_may_see_relations(u, org_code) && confidentiality &&
	       strcmp(confidentiality, "partner") == 0;
}

bool policy_may_assign_account_managers(const struct user *u)
{
	return policy_is_staff(u);
}

/* ---- events: agenda in samenspraak ------------------------------------------------ */

bool policy_may_propose_agenda(const struct user *u, bool own_org_is_partner)
{
	return editor(u) && *u->org_code && own_org_is_partner;
}

bool policy_may_see_agenda_proposals(const struct user *u, bool own_org_is_partner)
{
	return policy_is_province(u) || policy_may_propose_agenda(u, own_org_is_partner);
}

bool policy_may_support_agenda(const struct user *u, bool own_org_is_partner, const char *item_org)
{
	return policy_may_propose_agenda(u, own_org_is_partner) && item_org &&
	       strcmp(u->org_code, item_org) != 0;
}

bool policy_may_decide_agenda(const struct user *u)
{
	return policy_is_province(u);
}

/* ---- funding calls -------------------------------------------------------------- */

bool policy_may_manage_funding_calls(const struct user *u)
{
	return policy_is_province(u);
}

bool policy_may_mark_funding_interest(const struct user *u, bool own_org_is_partner)
{
	return editor(u) && *u->org_code && own_org_is_partner;
}

bool policy_may_see_funding_interests(const struct user *u)
{
	return policy_is_province(u);
}

/* ---- interbestuurlijk toezicht ----------------------------------------------------- */

bool policy_is_supervisor(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_SUPERVISOR);
}

bool policy_may_configure_ibt(const struct user *u)
{
	return policy_has_role(u, USER_ROLE_ADMIN);
}

/* Statuses as in domain/toezicht.h: 1 in dialogue, 2 established. */
bool policy_ibt_visible(const struct user *u, const char *org_code, int status)
{
	if (status == 2 || policy_is_supervisor(u))
		return true;
	return status == 1 && editor(u) && org_code && *u->org_code &&
	       !strcmp(u->org_code, org_code);
}

bool policy_may_respond_ibt(const struct user *u, const char *org_code, int status)
{
	return status == 1 && policy_ibt_visible(u, org_code, status);
}

/* An enabled editor of org_code. */
static bool own_editor(const struct user *u, const char *org_code)
{
	return editor(u) && org_code && *u->org_code && !strcmp(u->org_code, org_code);
}

bool policy_ibt_ladder_visible(const struct user *u, const char *org_code, bool is_public)
{
	return is_public || policy_is_supervisor(u) || own_editor(u, org_code);
}

bool policy_ibt_agreements_visible(const struct user *u, const char *org_code)
{
	return policy_is_supervisor(u) || own_editor(u, org_code);
}

bool policy_ibt_dialogue_visible(const struct user *u, const char *org_code, bool shared)
{
	return policy_is_supervisor(u) || (shared && own_editor(u, org_code));
}

/* ---- the kengetallen of the financial scan ------------------------------------------ */

bool policy_may_enter_kengetallen(const struct user *u, const char *code)
{
	if (policy_is_staff(u))
		return true;
	return editor(u) && code && *u->org_code && strcasecmp(u->org_code, code) == 0;
}

bool policy_may_edit_kengetal_bands(const struct user *u)
{
	return policy_is_staff(u);
}

/* ---- the knowledge base ------------------------------------------------------------ */

bool policy_publication_visible(const struct user *u, const char *visibility)
{
	return bibliotheek_readable(visibility, active(u));
}

bool policy_may_add_publications(const struct user *u)
{
	return policy_is_staff(u) || (policy_has_role(u, USER_ROLE_EDITOR) && *u->org_code);
}

bool policy_may_manage_publication(const struct user *u, const char *org_code)
{
	if (policy_is_staff(u))
		return true;
	return policy_has_role(u, USER_ROLE_EDITOR) && *u->org_code && org_code &&
	       strcmp(u->org_code, org_code) == 0;
}

/* ---- instrument requests ------------------------------------------------------------ */

bool policy_may_request_instrument(const struct user *u, const char *org_code)
{
	if (policy_is_province(u))
		return true;
	return editor(u) && org_code && *u->org_code && strcmp(u->org_code, org_code) == 0;
}

bool policy_instrument_visible(const struct user *u, bool public_, const char *org_code,
			       const char *const *parties, int n)
{
	if (public_ || policy_is_province(u))
		return true;
	if (!editor(u) || !*u->org_code)
		return false;
	if (org_code && strcmp(u->org_code, org_code) == 0)
		return true;
	for (int i = 0; i < n; i++)
		if (strcmp(u->org_code, parties[i]) == 0)
			return true;
	return false;
}

bool policy_may_decide_instrument(const struct user *u)
{
	return policy_is_province(u);
}

bool policy_may_manage_evaluations(const struct user *u)
{
	return policy_is_staff(u);
}

bool policy_may_see_evaluation(const struct user *u, bool released)
{
	return released || policy_is_staff(u);
}
