/*
 * test_policy — app/policy.c as a matrix: every role (anonymous, partner
 * editor of an organisation, editor of another one, editor without an
 * organisation, disabled editor, accounthouder, toezichthouder,
 * programmateam, beheerder, disabled staff) × every question × the objects
 * it is asked about. Fictional organisations and people.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/app/policy.h"
#include "../../src/domain/snapshot.h"

#include <stdio.h>
#include <string.h>

static struct snapshot *snap;

/* ---- fixture ---------------------------------------------------------------- */

static void add_org(struct snapshot *s, int64_t id, const char *code, const char *name)
{
	struct organisation *o = snapshot_add_org(s);
	o->id = id;
	o->code = snapshot_str(s, code);
	o->kind = ORG_MUNICIPALITY;
	o->name = snapshot_str(s, name);
	o->cbs_code = snapshot_str(s, "");
	o->tooi = snapshot_str(s, "");
	o->valid_from = snapshot_str(s, "");
	o->valid_to = snapshot_str(s, "");
	o->successor = -1;
	o->population = -1;
	o->population_date = snapshot_str(s, "");
	o->area_km2 = -1;
	o->collaboration = -1;
	o->source = -1;
	o->last_confirmed = snapshot_str(s, "");
	o->note = snapshot_str(s, "");
}

static void add_collab(struct snapshot *s, int64_t id, const char *key, const char *name)
{
	struct collaboration *c = snapshot_add_collab(s);
	c->id = id;
	c->key = snapshot_str(s, key);
	c->name = snapshot_str(s, name);
	c->short_name = snapshot_str(s, "");
	c->kind = COLLAB_JOINT_ARRANGEMENT;
	c->legal_form = LF_UNKNOWN;
	c->powers = POW_UNKNOWN;
	c->phase = PHASE_UNKNOWN;
	c->purpose = snapshot_str(s, "");
	c->seat = snapshot_str(s, "");
	c->start_date = snapshot_str(s, "");
	c->end_date = snapshot_str(s, "");
	c->website = snapshot_str(s, "");
	c->source = -1;
	c->last_confirmed = snapshot_str(s, "");
	c->note = snapshot_str(s, "");
}

static void add_part(struct snapshot *s, int64_t id, int collab_id, int org_id, enum role role,
		     const char *left)
{
	struct participation *p = snapshot_add_part(s);
	p->id = id;
	p->collaboration = collab_id;
	p->organisation = org_id;
	p->body = BODY_UNKNOWN;
	p->role = role;
	p->cost_share = -1;
	p->contribution = -1;
	p->joined = snapshot_str(s, "");
	p->left = snapshot_str(s, left);
	p->source = -1;
	p->last_confirmed = snapshot_str(s, "");
	p->note = snapshot_str(s, "");
}

/* Organisations gm9001 Eerstedorp (ours), gm9002 Tweedorp (other),
 * gm9003 Derdedorp. Collaborations, by what Eerstedorp is in them:
 *   penvoerder   Eerstedorp penvoerder, Tweedorp deelnemer
 *   centrum      Eerstedorp centrumgemeente
 *   deelnemer    Tweedorp penvoerder, Eerstedorp deelnemer
 *   vertrokken   Eerstedorp penvoerder but left, Derdedorp deelnemer */
static int setup(void **state)
{
	(void)state;
	struct snapshot *s = snapshot_new(1);
	add_org(s, 1, "gm9001", "Gemeente Eerstedorp");
	add_org(s, 2, "gm9002", "Gemeente Tweedorp");
	add_org(s, 3, "gm9003", "Gemeente Derdedorp");
	add_collab(s, 1, "penvoerder", "Regeling Penvoerder");
	add_collab(s, 2, "centrum", "Regeling Centrum");
	add_collab(s, 3, "deelnemer", "Regeling Deelnemer");
	add_collab(s, 4, "vertrokken", "Regeling Vertrokken");
	add_part(s, 11, 1, 1, ROLE_PENVOERDER, "");
	add_part(s, 12, 1, 2, ROLE_DEELNEMER, "");
	add_part(s, 21, 2, 1, ROLE_CENTRUMGEMEENTE, "");
	add_part(s, 31, 3, 2, ROLE_PENVOERDER, "");
	add_part(s, 32, 3, 1, ROLE_DEELNEMER, "");
	add_part(s, 41, 4, 1, ROLE_PENVOERDER, "2020-01-01");
	add_part(s, 42, 4, 3, ROLE_DEELNEMER, "");
	char err[256];
	if (snapshot_finish(s, "2024-06-01", err, sizeof err) != 0) {
		fprintf(stderr, "snapshot_finish: %s\n", err);
		snapshot_free(s);
		return -1;
	}
	snap = s;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	snapshot_free(snap);
	snap = NULL;
	return 0;
}

/* ---- the users ------------------------------------------------------------------ */

enum who {
	ANON,	       /* not signed in */
	EDITOR_OWN,    /* redacteur of gm9001 */
	EDITOR_OTHER,  /* redacteur of gm9002 */
	EDITOR_NO_ORG, /* redacteur without an organisation */
	EDITOR_OFF,    /* redacteur of gm9001, disabled */
	ACCOUNT,       /* accounthouder (scoped to gm9001, but not an editor) */
	SUPERVISOR,    /* toezichthouder */
	STAFF,	       /* programmateam */
	ADMIN,	       /* beheerder */
	STAFF_OFF,     /* programmateam, disabled */
	WHO_COUNT
};

static struct user users[WHO_COUNT];

static const struct user *user(enum who w)
{
	if (w == ANON)
		return NULL;
	static const struct {
		enum user_role role;
		const char *org;
		bool disabled;
	} def[WHO_COUNT] = {
	    [EDITOR_OWN] = {USER_ROLE_EDITOR, "gm9001", false},
	    [EDITOR_OTHER] = {USER_ROLE_EDITOR, "gm9002", false},
	    [EDITOR_NO_ORG] = {USER_ROLE_EDITOR, "", false},
	    [EDITOR_OFF] = {USER_ROLE_EDITOR, "gm9001", true},
	    [ACCOUNT] = {USER_ROLE_ACCOUNT_MGR, "gm9001", false},
	    [SUPERVISOR] = {USER_ROLE_SUPERVISOR, "", false},
	    [STAFF] = {USER_ROLE_STAFF, "", false},
	    [ADMIN] = {USER_ROLE_ADMIN, "", false},
	    [STAFF_OFF] = {USER_ROLE_STAFF, "", true},
	};
	struct user *u = &users[w];
	memset(u, 0, sizeof *u);
	u->id = w;
	snprintf(u->username, sizeof u->username, "testgebruiker%d", (int)w);
	u->role = def[w].role;
	snprintf(u->org_code, sizeof u->org_code, "%s", def[w].org);
	u->disabled = def[w].disabled;
	return u;
}

static int org(const char *code)
{
	int i = snapshot_find_org(snap, code);
	assert_true(i >= 0);
	return i;
}

static int collab(const char *key)
{
	int i = snapshot_find_collab(snap, key);
	assert_true(i >= 0);
	return i;
}

static int part(const char *collab_key, const char *id)
{
	int i = snapshot_find_part(snap, collab(collab_key), id);
	assert_true(i >= 0);
	return i;
}

/* One row of a matrix: the expected answer per user. */
#define ROW(anon, own, other, noorg, off, acc, sup, staff, admin, staffoff)                        \
	{                                                                                          \
		anon, own, other, noorg, off, acc, sup, staff, admin, staffoff                     \
	}

static void check_row(const char *what, const bool expect[WHO_COUNT], bool (*ask)(enum who))
{
	for (int w = 0; w < WHO_COUNT; w++) {
		bool got = ask((enum who)w);
		if (got != expect[w])
			fail_msg("%s for user %d: expected %d, got %d", what, w, expect[w], got);
	}
}

/* ---- roles ------------------------------------------------------------------------ */

static enum user_role role_asked;
static bool ask_role(enum who w)
{
	return policy_has_role(user(w), role_asked);
}

static void test_roles(void **state)
{
	(void)state;
	static const struct {
		enum user_role role;
		bool expect[WHO_COUNT];
	} m[] = {
	    {USER_ROLE_NONE, ROW(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)},
	    {USER_ROLE_EDITOR, ROW(0, 1, 1, 1, 0, 1, 1, 1, 1, 0)},
	    {USER_ROLE_SUPERVISOR, ROW(0, 0, 0, 0, 0, 0, 1, 1, 1, 0)},
	    {USER_ROLE_STAFF, ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0)},
	    {USER_ROLE_ADMIN, ROW(0, 0, 0, 0, 0, 0, 0, 0, 1, 0)},
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		role_asked = m[i].role;
		check_row(user_role_code(m[i].role), m[i].expect, ask_role);
	}
	assert_int_equal(policy_own_org(user(EDITOR_OWN), snap), org("gm9001"));
	assert_int_equal(policy_own_org(user(EDITOR_NO_ORG), snap), -1);
	assert_int_equal(policy_own_org(user(EDITOR_OFF), snap), -1);
	assert_int_equal(policy_own_org(NULL, snap), -1);
	assert_int_equal(policy_scoped_org(user(EDITOR_OWN), snap), org("gm9001"));
	assert_int_equal(policy_scoped_org(user(ACCOUNT), snap), -1);
	assert_int_equal(policy_scoped_org(user(STAFF), snap), -1);
}

/* The menu's role items and the landing page (pages/auth_ui.c). */
static bool ask_work_list(enum who w)
{
	return policy_has_work_list(user(w));
}
static bool ask_administer(enum who w)
{
	return policy_may_administer(user(w));
}
static bool ask_manage_users(enum who w)
{
	return policy_may_manage_users(user(w));
}

static void test_menu_items(void **state)
{
	(void)state;
	/* anon, editor own/other/no org/off, account, supervisor, staff, admin, staff off */
	static const bool work_list[WHO_COUNT] = ROW(0, 1, 1, 1, 0, 1, 1, 0, 0, 0);
	static const bool administer[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
	static const bool manage_users[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
	check_row("work list", work_list, ask_work_list);
	check_row("administer", administer, ask_administer);
	check_row("manage users", manage_users, ask_manage_users);
}

/* ---- the registry ------------------------------------------------------------------- */

static int obj;
static bool ask_edit_org(enum who w)
{
	return policy_may_edit_org(user(w), snap, obj);
}
static bool ask_edit_collab(enum who w)
{
	return policy_may_edit_collab(user(w), snap, obj);
}
static bool ask_edit_part(enum who w)
{
	return policy_may_edit_part(user(w), snap, obj);
}
static bool ask_add_part(enum who w)
{
	return policy_may_add_part(user(w), snap, obj);
}
static bool ask_create_collab(enum who w)
{
	return policy_may_create_collab(user(w), snap);
}

static void test_organisations(void **state)
{
	(void)state;
	static const bool own[] = ROW(0, 1, 0, 0, 0, 0, 0, 1, 1, 0);
	static const bool other[] = ROW(0, 0, 1, 0, 0, 0, 0, 1, 1, 0);
	obj = org("gm9001");
	check_row("edit own organisation", own, ask_edit_org);
	obj = org("gm9002");
	check_row("edit other organisation", other, ask_edit_org);
	static const bool none[] = ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
	obj = -1;
	check_row("edit no organisation", none, ask_edit_org);
}

static void test_collaborations(void **state)
{
	(void)state;
	static const struct {
		const char *key;
		bool edit[WHO_COUNT];
		bool add_part[WHO_COUNT];
	} m[] = {
	    /* our organisation is penvoerder or centrumgemeente: its editor edits */
	    {"penvoerder", ROW(0, 1, 0, 0, 0, 0, 0, 1, 1, 0), ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0)},
	    {"centrum", ROW(0, 1, 0, 0, 0, 0, 0, 1, 1, 0), ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0)},
	    /* only a deelnemer, or no longer penvoerder: staff only */
	    {"deelnemer", ROW(0, 0, 1, 0, 0, 0, 0, 1, 1, 0), ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0)},
	    {"vertrokken", ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0), ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0)},
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		obj = collab(m[i].key);
		check_row(m[i].key, m[i].edit, ask_edit_collab);
		check_row(m[i].key, m[i].add_part, ask_add_part);
	}
	static const bool create[] = ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0);
	check_row("create collaboration", create, ask_create_collab);
	static const bool none[] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	obj = -1;
	check_row("edit no collaboration", none, ask_edit_collab);
}

static void test_participations(void **state)
{
	(void)state;
	static const struct {
		const char *collab, *id;
		bool edit[WHO_COUNT];
	} m[] = {
	    /* the penvoerder's editor edits every participation; Tweedorp its own */
	    {"penvoerder", "11", ROW(0, 1, 0, 0, 0, 0, 0, 1, 1, 0)},
	    {"penvoerder", "12", ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0)},
	    {"deelnemer", "31", ROW(0, 0, 1, 0, 0, 0, 0, 1, 1, 0)},
	    {"deelnemer", "32", ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0)},
	    /* a participation that ended is still the organisation's own */
	    {"vertrokken", "41", ROW(0, 1, 0, 0, 0, 0, 0, 1, 1, 0)},
	    {"vertrokken", "42", ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0)},
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		obj = part(m[i].collab, m[i].id);
		check_row(m[i].id, m[i].edit, ask_edit_part);
	}
	static const bool none[] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	obj = snap->n_parts;
	check_row("edit no participation", none, ask_edit_part);
}

/* ---- people ------------------------------------------------------------------------- */

static const struct person *person_asked;
static bool ask_person(enum who w)
{
	return policy_person_visible(user(w), person_asked);
}
static bool ask_record(enum who w)
{
	return policy_person_record_visible(user(w), person_asked);
}
static enum office_kind office_asked;
static bool ask_office(enum who w)
{
	return policy_office_visible(user(w), office_asked);
}
static bool ask_create_person(enum who w)
{
	return policy_may_create_person(user(w), snap);
}
static const char *org_asked;
static bool ask_manage(enum who w)
{
	return policy_may_manage_org_people(user(w), org_asked);
}

static void test_people(void **state)
{
	(void)state;
	static const struct person public_holder = {.key = "wethouder-test",
						    .has_public_office = true};
	static const struct person official = {.key = "ambtenaar-test"};
	static const struct person erased = {
	    .key = "gewist-1", .erased = true, .has_public_office = true};
	static const struct {
		const struct person *p;
		bool visible[WHO_COUNT];
		bool record[WHO_COUNT];
	} m[] = {
	    {&public_holder, ROW(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), ROW(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)},
	    {&official, ROW(0, 1, 1, 1, 1, 1, 1, 1, 1, 1), ROW(0, 1, 1, 1, 1, 1, 1, 1, 1, 1)},
	    /* erasure: nobody sees the person; the record stays ("Onbekende persoon") */
	    {&erased, ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), ROW(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)},
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		person_asked = m[i].p;
		check_row(m[i].p->key, m[i].visible, ask_person);
		check_row(m[i].p->key, m[i].record, ask_record);
	}
	person_asked = NULL;
	static const bool none[] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	check_row("no person", none, ask_person);
	check_row("no person record", none, ask_record);

	static const bool everyone[] = ROW(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
	static const bool signed_in[] = ROW(0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
	office_asked = OFFICE_WETHOUDER;
	check_row("public office", everyone, ask_office);
	office_asked = OFFICE_AMBTENAAR;
	check_row("official", signed_in, ask_office);

	static const bool create[] = ROW(0, 1, 1, 0, 0, 0, 0, 1, 1, 0);
	check_row("create person", create, ask_create_person);
	static const bool manage_own[] = ROW(0, 1, 0, 0, 0, 0, 0, 1, 1, 0);
	org_asked = "gm9001";
	check_row("manage gm9001 people", manage_own, ask_manage);
	static const bool manage_none[] = ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
	org_asked = "gm9003";
	check_row("manage gm9003 people", manage_none, ask_manage);
}

/* ---- the API -------------------------------------------------------------------------- */

static bool token_asked;
static bool ask_write_api(enum who w)
{
	return policy_may_write_api(user(w), token_asked);
}

static void test_api_writes(void **state)
{
	(void)state;
	static const bool with_token[] = ROW(0, 1, 1, 1, 0, 1, 1, 1, 1, 0);
	static const bool with_session[] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	token_asked = true;
	check_row("API write with a token", with_token, ask_write_api);
	token_asked = false;
	check_row("API write with a web session", with_session, ask_write_api);
}

/* ---- accounts --------------------------------------------------------------------- */

static bool ask_create_token_session(enum who w)
{
	return policy_may_create_token(user(w), false);
}
static bool ask_create_token_token(enum who w)
{
	return policy_may_create_token(user(w), true);
}
static const struct user *target;
static enum user_role new_role;
static bool ask_set_role(enum who w)
{
	return policy_may_set_role(user(w), target, new_role);
}
static bool ask_disable(enum who w)
{
	return policy_may_disable_user(user(w), target);
}

static void test_accounts(void **state)
{
	(void)state;
	static const bool session[] = ROW(0, 1, 1, 1, 0, 1, 1, 1, 1, 0);
	static const bool none[] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	check_row("token from a web session", session, ask_create_token_session);
	check_row("token from a token", none, ask_create_token_token);

	/* another user: only administrators */
	static struct user other;
	other = (struct user){.id = 99, .role = USER_ROLE_EDITOR};
	target = &other;
	new_role = USER_ROLE_STAFF;
	static const bool admins[] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
	check_row("set another user's role", admins, ask_set_role);
	check_row("block another user", admins, ask_disable);

	/* the administrator themselves: never their own role or status */
	struct user self = *user(ADMIN);
	assert_false(policy_may_set_role(&self, &self, USER_ROLE_EDITOR));
	assert_true(policy_may_set_role(&self, &self, USER_ROLE_ADMIN));
	assert_false(policy_may_disable_user(&self, &self));
}

/* ---- relations ---------------------------------------------------------------------- */

static const char *rel_org, *rel_conf;
static bool ask_province(enum who w)
{
	return policy_is_province(user(w));
}
static bool ask_see_relations(enum who w)
{
	return policy_may_see_relations(user(w), rel_org);
}
static bool ask_relation_visible(enum who w)
{
	return policy_relation_visible(user(w), rel_org, rel_conf);
}
static bool ask_assign(enum who w)
{
	return policy_may_assign_account_managers(user(w));
}

static void test_relations(void **state)
{
	(void)state;
	/* the accounthouder in this fixture has an organisation scope: it does
	 * not narrow what province staff see */
	static const bool province[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
	check_row("policy_is_province", province, ask_province);
	static const bool assign[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
	check_row("policy_may_assign_account_managers", assign, ask_assign);
	rel_org = "gm9001";
	static const bool see_own[WHO_COUNT] = ROW(0, 1, 0, 0, 0, 1, 1, 1, 1, 0);
	check_row("policy_may_see_relations gm9001", see_own, ask_see_relations);
	rel_conf = "partner";
	check_row("shared record of gm9001", see_own, ask_relation_visible);
	rel_conf = "intern";
	check_row("intern record of gm9001", province, ask_relation_visible);
	rel_org = "gm9002";
	static const bool see_other[WHO_COUNT] = ROW(0, 0, 1, 0, 0, 1, 1, 1, 1, 0);
	check_row("policy_may_see_relations gm9002", see_other, ask_see_relations);
	rel_conf = "partner";
	check_row("shared record of gm9002", see_other, ask_relation_visible);
	rel_org = "";
	static const bool see_none[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
	check_row("no organisation: an editor without one sees nothing", see_none,
		  ask_see_relations);
}

/* ---- events: agenda in samenspraak ------------------------------------------------- */

static bool agenda_partner; /* is the user's own organisation a partner? */
static const char *agenda_item_org;
static bool ask_propose_agenda(enum who w)
{
	return policy_may_propose_agenda(user(w), agenda_partner);
}
static bool ask_see_agenda(enum who w)
{
	return policy_may_see_agenda_proposals(user(w), agenda_partner);
}
static bool ask_support_agenda(enum who w)
{
	return policy_may_support_agenda(user(w), agenda_partner, agenda_item_org);
}
static bool ask_decide_agenda(enum who w)
{
	return policy_may_decide_agenda(user(w));
}

static void test_agenda(void **state)
{
	(void)state;
	/* partner editors propose and support (not their own organisation's
	 * items); province staff see the proposals and decide */
	agenda_partner = true;
	agenda_item_org = "gm9001";
	static const bool propose[WHO_COUNT] = ROW(0, 1, 1, 0, 0, 0, 0, 0, 0, 0);
	check_row("policy_may_propose_agenda (partner)", propose, ask_propose_agenda);
	static const bool see[WHO_COUNT] = ROW(0, 1, 1, 0, 0, 1, 1, 1, 1, 0);
	check_row("policy_may_see_agenda_proposals (partner)", see, ask_see_agenda);
	static const bool support[WHO_COUNT] = ROW(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
	check_row("policy_may_support_agenda of gm9001", support, ask_support_agenda);
	static const bool decide[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
	check_row("policy_may_decide_agenda", decide, ask_decide_agenda);
	/* an editor of an organisation that is not a partner: nothing but the
	 * programme */
	agenda_partner = false;
	static const bool none[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	check_row("policy_may_propose_agenda (no partner)", none, ask_propose_agenda);
	check_row("policy_may_support_agenda (no partner)", none, ask_support_agenda);
	static const bool see_staff[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
	check_row("policy_may_see_agenda_proposals (no partner)", see_staff, ask_see_agenda);
}

/* ---- funding calls --------------------------------------------------------------- */

static bool funding_partner; /* is the user's own organisation a partner? */
static bool ask_manage_funding(enum who w)
{
	return policy_may_manage_funding_calls(user(w));
}
static bool ask_mark_funding(enum who w)
{
	return policy_may_mark_funding_interest(user(w), funding_partner);
}
static bool ask_see_funding(enum who w)
{
	return policy_may_see_funding_interests(user(w));
}

static void test_funding_calls(void **state)
{
	(void)state;
	/* province staff record calls and see who is interested; partner
	 * editors mark interest for their own organisation */
	static const bool staff[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
	check_row("policy_may_manage_funding_calls", staff, ask_manage_funding);
	check_row("policy_may_see_funding_interests", staff, ask_see_funding);
	funding_partner = true;
	static const bool mark[WHO_COUNT] = ROW(0, 1, 1, 0, 0, 0, 0, 0, 0, 0);
	check_row("policy_may_mark_funding_interest (partner)", mark, ask_mark_funding);
	funding_partner = false;
	static const bool none[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	check_row("policy_may_mark_funding_interest (no partner)", none, ask_mark_funding);
}

/* ---- measuring the programme ------------------------------------------------------ */

static bool evaluation_released;
static bool ask_manage_evaluations(enum who w)
{
	return policy_may_manage_evaluations(user(w));
}
static bool ask_see_evaluation(enum who w)
{
	return policy_may_see_evaluation(user(w), evaluation_released);
}

static void test_evaluations(void **state)
{
	(void)state;
	/* the programme team and administrators keep the item bank and rounds
	 * and see every round's results; released aggregates are for everyone */
	static const bool staff[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
	check_row("policy_may_manage_evaluations", staff, ask_manage_evaluations);
	evaluation_released = false;
	check_row("policy_may_see_evaluation (not released)", staff, ask_see_evaluation);
	evaluation_released = true;
	static const bool all[WHO_COUNT] = ROW(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
	check_row("policy_may_see_evaluation (released)", all, ask_see_evaluation);
}

/* ---- the intervention ladder and the dialogue log ------------------------------------ */

static bool public_asked, shared_asked;
static bool ask_ladder(enum who w)
{
	return policy_ibt_ladder_visible(user(w), "gm9001", public_asked);
}
static bool ask_agreements(enum who w)
{
	return policy_ibt_agreements_visible(user(w), "gm9001");
}
static bool ask_dialogue(enum who w)
{
	return policy_ibt_dialogue_visible(user(w), "gm9001", shared_asked);
}

static void test_ibt_ladder(void **state)
{
	(void)state;
	/* steps 4-5 and the crown track: everyone; steps 1-3 and agreements:
	 * supervisors and the enabled editors of gm9001 */
	public_asked = true;
	static const bool all[WHO_COUNT] = ROW(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
	check_row("policy_ibt_ladder_visible (public)", all, ask_ladder);
	public_asked = false;
	static const bool own[WHO_COUNT] = ROW(0, 1, 0, 0, 0, 0, 1, 1, 1, 0);
	check_row("policy_ibt_ladder_visible (steps 1-3)", own, ask_ladder);
	check_row("policy_ibt_agreements_visible", own, ask_agreements);
	/* the dialogue log: intern for supervisors, gedeeld also the own
	 * editors, never anonymous */
	shared_asked = true;
	check_row("policy_ibt_dialogue_visible (gedeeld)", own, ask_dialogue);
	shared_asked = false;
	static const bool sup[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 1, 1, 1, 0);
	check_row("policy_ibt_dialogue_visible (intern)", sup, ask_dialogue);
}

/* ---- the kengetallen of the financial scan ------------------------------------------------ */

static const char *kg_code;
static bool ask_enter_kengetallen(enum who w)
{
	return policy_may_enter_kengetallen(user(w), kg_code);
}
static bool ask_edit_bands(enum who w)
{
	return policy_may_edit_kengetal_bands(user(w));
}

static void test_kengetallen(void **state)
{
	(void)state;
	/* staff for every gemeente; a partner editor for the own gemeente, its
	 * CBS code in any case; nobody else */
	kg_code = "GM9001";
	static const bool own[WHO_COUNT] = ROW(0, 1, 0, 0, 0, 0, 0, 1, 1, 0);
	check_row("policy_may_enter_kengetallen (GM9001)", own, ask_enter_kengetallen);
	kg_code = "gm9002";
	static const bool other[WHO_COUNT] = ROW(0, 0, 1, 0, 0, 0, 0, 1, 1, 0);
	check_row("policy_may_enter_kengetallen (gm9002)", other, ask_enter_kengetallen);
	kg_code = NULL;
	static const bool none[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
	check_row("policy_may_enter_kengetallen (no code)", none, ask_enter_kengetallen);
	static const bool staff[WHO_COUNT] = ROW(0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
	check_row("policy_may_edit_kengetal_bands", staff, ask_edit_bands);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_roles),	   cmocka_unit_test(test_organisations),
	    cmocka_unit_test(test_collaborations), cmocka_unit_test(test_participations),
	    cmocka_unit_test(test_people),	   cmocka_unit_test(test_api_writes),
	    cmocka_unit_test(test_accounts),	   cmocka_unit_test(test_relations),
	    cmocka_unit_test(test_menu_items),	   cmocka_unit_test(test_agenda),
	    cmocka_unit_test(test_funding_calls),  cmocka_unit_test(test_evaluations),
	    cmocka_unit_test(test_ibt_ladder),	   cmocka_unit_test(test_kengetallen),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
