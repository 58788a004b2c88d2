/*
 * snapshot_delta — the next snapshot from the previous one and the changed
 * rows, checked against a full build of the changed registry, one derived
 * field at a time, on a fictional registry: three gemeenten (Testdorp,
 * Nieuwstad, Oudveen), a water board (Waterschap Proefpolder) and three
 * collaborations (Proefregeling, Testnetwerk, Voorbeeldconvenant) in two
 * beleidsdomeinen. Each test changes rows of a plain description (struct fx),
 * builds the registry fully from it, applies the same change as a delta to
 * the snapshot of the unchanged description and compares field by field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/domain/snapshot.h"
#include "../../src/domain/snapshot_delta.h"

#include <stdio.h>
#include <string.h>

#define TODAY "2026-06-01"

struct fx_org {
	int64_t id;
	const char *code, *name, *valid_to, *confirmed;
	enum org_kind kind;
	int64_t successor; /* id, 0 = none */
};
struct fx_collab {
	int64_t id;
	const char *key, *name, *end, *confirmed;
	enum phase phase;
	enum legal_form form;
	int domains[2], n_domains; /* domain ids */
	const char *note;
};
struct fx_part {
	int64_t id, collab, org;
	const char *joined, *left;
};

struct fx {
	struct fx_org orgs[8];
	int n_orgs;
	struct fx_collab collabs[8];
	int n_collabs;
	struct fx_part parts[16];
	int n_parts;
};

static struct fx base(void)
{
	struct fx f = {
	    .orgs = {{1, "gm9901", "Testdorp", "", "2024-01-01", ORG_MUNICIPALITY},
		     {2, "gm9902", "Nieuwstad", "", "2025-01-01", ORG_MUNICIPALITY},
		     {3, "gm9903", "Oudveen", "", "", ORG_MUNICIPALITY},
		     {4, "ws9904", "Waterschap Proefpolder", "", "", ORG_WATER_BOARD}},
	    .n_orgs = 4,
	    .collabs = {{10,
			 "proefregeling",
			 "Proefregeling",
			 "",
			 "2023-05-01",
			 PHASE_GROEI,
			 LF_OL,
			 {1},
			 1},
			{11,
			 "testnetwerk",
			 "Testnetwerk",
			 "",
			 "",
			 PHASE_STABILISATIE,
			 LF_NETWERK,
			 {1, 2},
			 2},
			{12,
			 "voorbeeldconvenant",
			 "Voorbeeldconvenant",
			 "",
			 "",
			 PHASE_GROEI,
			 LF_CONVENANT,
			 {2},
			 1}},
	    .n_collabs = 3,
	    .parts = {{100, 10, 1, "", ""},
		      {101, 10, 2, "", ""},
		      {102, 10, 3, "", ""},
		      {103, 11, 1, "", ""},
		      {104, 11, 4, "", ""},
		      {105, 12, 2, "", "2020-01-01"},
		      {106, 12, 3, "", ""}},
	    .n_parts = 7,
	};
	return f;
}

static void add_org(struct snapshot *s, const struct fx_org *x)
{
	struct organisation *o = snapshot_add_org(s);
	o->id = x->id;
	o->code = snapshot_str(s, x->code);
	o->name = snapshot_str(s, x->name);
	o->kind = x->kind;
	o->in_province = true;
	o->cbs_code = o->tooi = o->population_date = o->note = o->confirmed_by = o->valid_from =
	    snapshot_str(s, "");
	o->valid_to = snapshot_str(s, x->valid_to);
	o->last_confirmed = snapshot_str(s, x->confirmed);
	o->successor = x->successor ? (int)x->successor : -1;
	o->collaboration = o->source = -1;
	o->population = -1;
	o->area_km2 = -1;
}

static void add_collab(struct snapshot *s, const struct fx_collab *x)
{
	struct collaboration *c = snapshot_add_collab(s);
	c->id = x->id;
	c->key = snapshot_str(s, x->key);
	c->name = snapshot_str(s, x->name);
	c->short_name = c->purpose = c->seat = c->website = c->confirmed_by = c->start_date =
	    snapshot_str(s, "");
	c->note = snapshot_str(s, x->note);
	c->end_date = snapshot_str(s, x->end);
	c->last_confirmed = snapshot_str(s, x->confirmed);
	c->phase = x->phase;
	c->legal_form = x->form;
	c->kind = x->form == LF_OL ? COLLAB_JOINT_ARRANGEMENT : COLLAB_NETWORK;
	c->source = -1;
	snapshot_collab_set_domains(s, c, x->domains, x->n_domains);
}

static void add_part(struct snapshot *s, const struct fx_part *x)
{
	struct participation *p = snapshot_add_part(s);
	p->id = x->id;
	p->collaboration = (int)x->collab;
	p->organisation = (int)x->org;
	p->joined = snapshot_str(s, x->joined);
	p->left = snapshot_str(s, x->left);
	p->last_confirmed = p->note = p->confirmed_by = snapshot_str(s, "");
	p->source = -1;
	p->cost_share = -1;
	p->contribution = -1;
}

static struct snapshot *build(const struct fx *f, uint64_t version)
{
	struct snapshot *s = snapshot_new(version);
	const char *dom[] = {"Sociaal domein", "Water"};
	for (int i = 0; i < 2; i++) {
		struct domain *d = snapshot_add_domain(s);
		d->id = i + 1;
		d->key = snapshot_str(s, i ? "water" : "sociaal-domein");
		d->name = snapshot_str(s, dom[i]);
		d->description = snapshot_str(s, "");
	}
	for (int i = 0; i < f->n_orgs; i++)
		add_org(s, &f->orgs[i]);
	for (int i = 0; i < f->n_collabs; i++)
		add_collab(s, &f->collabs[i]);
	for (int i = 0; i < f->n_parts; i++)
		add_part(s, &f->parts[i]);
	char err[200];
	assert_int_equal(snapshot_finish(s, TODAY, err, sizeof err), 0);
	return s;
}

/* Which rows of the description changed: org/collab/part indexes, -1 ends. */
struct changes {
	int orgs[4], collabs[4], parts[4];
};

static struct snapshot_delta *delta_of(const struct fx *f, const struct changes *c,
				       uint64_t version)
{
	struct snapshot_delta *d = snapshot_delta_new(version);
	for (int i = 0; i < 4 && c->orgs[i] >= 0; i++)
		add_org(d->rows, &f->orgs[c->orgs[i]]);
	for (int i = 0; i < 4 && c->collabs[i] >= 0; i++)
		add_collab(d->rows, &f->collabs[c->collabs[i]]);
	for (int i = 0; i < 4 && c->parts[i] >= 0; i++)
		add_part(d->rows, &f->parts[c->parts[i]]);
	return d;
}

#define NONE                                                                                       \
	{                                                                                          \
		-1, -1, -1, -1                                                                     \
	}

/*
 * Apply the change to the snapshot of base() and compare with a full build
 * of `after`; returns the derived snapshot (the caller checks the field the
 * test is about and frees it) and frees the rest.
 */
static struct snapshot *check(const struct fx *after, struct changes c, struct snapshot **old)
{
	struct fx b = base();
	*old = build(&b, 1);
	struct snapshot *full = build(after, 2);
	struct snapshot_delta *d = delta_of(after, &c, 2);
	struct snapshot *next = NULL;
	char why[160] = "", diff[512] = "";
	assert_int_equal(snapshot_apply(*old, d, &next, why, sizeof why), SNAPSHOT_APPLIED);
	int rc = snapshot_compare(next, full, diff, sizeof diff);
	if (rc != 0)
		fail_msg("derived snapshot differs from the full build: %s", diff);
	assert_int_equal(next->version, 2);
	snapshot_delta_free(d);
	snapshot_free(full);
	return next;
}

static int collab_at(const struct snapshot *s, const char *key)
{
	int i = snapshot_find_collab(s, key);
	assert_true(i >= 0);
	return i;
}

static int org_at(const struct snapshot *s, const char *code)
{
	int i = snapshot_find_org(s, code);
	assert_true(i >= 0);
	return i;
}

/* collaboration.active and every count it feeds: ended collaborations,
 * active per kind, form and beleidsdomein, the members' active counts and
 * the participations in active collaborations. */
static void test_collab_ends(void **state)
{
	(void)state;
	struct fx f = base();
	f.collabs[1].phase = PHASE_BEEINDIGD; /* Testnetwerk ends */
	struct snapshot *old;
	struct snapshot *s = check(&f, (struct changes){NONE, {1, -1, -1, -1}, NONE}, &old);
	int ci = collab_at(s, "testnetwerk");
	assert_false(s->collabs[ci].active);
	assert_true(old->collabs[ci].active); /* the previous snapshot is untouched */
	assert_int_equal(s->stats.n_ended, old->stats.n_ended + 1);
	assert_int_equal(s->stats.n_active_by_form[LF_NETWERK], 0);
	assert_int_equal(s->domains[snapshot_find_domain(s, "water")].n_active,
			 old->domains[snapshot_find_domain(old, "water")].n_active - 1);
	int wi = org_at(s, "ws9904");
	assert_int_equal(s->orgs[wi].n_active_collabs, 0);
	assert_int_equal(old->orgs[wi].n_active_collabs, 1);
	assert_int_equal(s->stats.n_participations, old->stats.n_participations - 2);
	/* a change of a collaboration alone leaves the participations shared */
	assert_ptr_equal(s->parts, old->parts);
	snapshot_free(s);
	snapshot_free(old);
}

/* participation.active: the collaboration's active count, the order of its
 * participants (active first) and the member's active count. */
static void test_part_leaves(void **state)
{
	(void)state;
	struct fx f = base();
	f.parts[0].left = "2026-01-01"; /* Testdorp leaves Proefregeling */
	struct snapshot *old;
	struct snapshot *s = check(&f, (struct changes){NONE, NONE, {0, -1, -1, -1}}, &old);
	int ci = collab_at(s, "proefregeling");
	const struct collaboration *c = &s->collabs[ci];
	assert_int_equal(c->n_active_parts, 2);
	assert_false(s->parts[c->parts[c->n_parts - 1]].active); /* inactive last */
	assert_int_equal(s->parts[c->parts[c->n_parts - 1]].id, 100);
	assert_int_equal(s->orgs[org_at(s, "gm9901")].n_active_collabs, 1);
	assert_ptr_not_equal(s->parts, old->parts);
	snapshot_free(s);
	snapshot_free(old);
}

/* organisation.ended ends its participations too. */
static void test_org_ends(void **state)
{
	(void)state;
	struct fx f = base();
	f.orgs[2].valid_to = "2026-01-01"; /* Oudveen merged */
	struct snapshot *old;
	struct snapshot *s = check(&f, (struct changes){{2, -1, -1, -1}, NONE, NONE}, &old);
	int oi = org_at(s, "gm9903");
	assert_true(s->orgs[oi].ended);
	assert_int_equal(s->orgs[oi].n_active_collabs, 0);
	assert_int_equal(s->collabs[collab_at(s, "voorbeeldconvenant")].n_active_parts, 0);
	snapshot_free(s);
	snapshot_free(old);
}

/* A new participation joins both participant lists in their order. */
static void test_part_added(void **state)
{
	(void)state;
	struct fx f = base();
	f.parts[f.n_parts++] = (struct fx_part){107, 12, 4, "", ""};
	struct snapshot *old;
	struct snapshot *s = check(&f, (struct changes){NONE, NONE, {7, -1, -1, -1}}, &old);
	assert_int_equal(s->n_parts, old->n_parts + 1);
	const struct organisation *o = &s->orgs[org_at(s, "ws9904")];
	assert_int_equal(o->n_parts, 2);
	assert_int_equal(o->n_active_collabs, 2);
	assert_int_equal(old->orgs[org_at(old, "ws9904")].n_parts, 1);
	snapshot_free(s);
	snapshot_free(old);
}

/* Beleidsdomeinen of a collaboration: its mask and the counts per domain. */
static void test_domains_changed(void **state)
{
	(void)state;
	struct fx f = base();
	f.collabs[0].domains[0] = 2;
	f.collabs[0].domains[1] = 1;
	f.collabs[0].n_domains = 2;
	struct snapshot *old;
	struct snapshot *s = check(&f, (struct changes){NONE, {0, -1, -1, -1}, NONE}, &old);
	int wi = snapshot_find_domain(s, "water");
	assert_int_equal(s->domains[wi].n_active, old->domains[wi].n_active + 1);
	assert_true(s->collabs[collab_at(s, "proefregeling")].domain_mask & (1u << wi));
	snapshot_free(s);
	snapshot_free(old);
}

/* The home page's confirmation range and the count per organisation kind. */
static void test_confirmed_and_kind(void **state)
{
	(void)state;
	struct fx f = base();
	f.orgs[0].confirmed = "2026-05-30";
	f.orgs[1].kind = ORG_OTHER;
	struct snapshot *old;
	struct snapshot *s = check(&f, (struct changes){{0, 1, -1, -1}, NONE, NONE}, &old);
	assert_string_equal(s->stats.newest_confirmed, "2026-05-30");
	assert_string_equal(s->stats.oldest_confirmed, "2023-05-01");
	assert_int_equal(s->stats.n_orgs_by_kind[ORG_OTHER], 1);
	assert_int_equal(s->stats.n_orgs_by_kind[ORG_MUNICIPALITY], 2);
	snapshot_free(s);
	snapshot_free(old);
}

/* An edit of attributes only shares the organisations and marks the record
 * and its members for the reply cache; an edit that ends something moves
 * the global version. */
static void test_cache_versions(void **state)
{
	(void)state;
	struct fx f = base();
	f.collabs[0].note = "Fictieve opmerking"; /* Proefregeling: not in any list */
	struct snapshot *old;
	struct snapshot *s = check(&f, (struct changes){NONE, {0, -1, -1, -1}, NONE}, &old);
	assert_ptr_equal(s->orgs, old->orgs);
	assert_ptr_equal(s->parts, old->parts);
	assert_int_equal(s->global_changed, 1);
	assert_int_equal(s->list_changed, 1);
	assert_int_equal(s->collab_changed[collab_at(s, "proefregeling")], 2);
	assert_int_equal(s->collab_changed[collab_at(s, "testnetwerk")], 1);
	assert_int_equal(s->org_changed[org_at(s, "gm9903")], 2); /* a member */
	assert_int_equal(s->org_changed[org_at(s, "ws9904")], 1); /* not a member */
	assert_int_equal(old->collab_changed[collab_at(old, "proefregeling")], 1);
	snapshot_free(s);
	snapshot_free(old);

	/* a confirmation inside the range: lists show it, the footer not */
	f = base();
	f.collabs[1].confirmed = "2024-06-06"; /* Testnetwerk */
	s = check(&f, (struct changes){NONE, {1, -1, -1, -1}, NONE}, &old);
	assert_int_equal(s->global_changed, 1);
	assert_int_equal(s->list_changed, 2);
	snapshot_free(s);
	snapshot_free(old);

	/* a newer confirmation changes the footer of every page */
	f = base();
	f.collabs[0].confirmed = "2026-04-04";
	s = check(&f, (struct changes){NONE, {0, -1, -1, -1}, NONE}, &old);
	assert_int_equal(s->global_changed, 2);
	snapshot_free(s);
	snapshot_free(old);

	f = base();
	f.collabs[0].phase = PHASE_BEEINDIGD;
	s = check(&f, (struct changes){NONE, {0, -1, -1, -1}, NONE}, &old);
	assert_int_equal(s->global_changed, 2);
	assert_ptr_not_equal(s->orgs, old->orgs);
	snapshot_free(s);
	snapshot_free(old);

	/* nothing in the registry changed (people, meetings): every reply goes */
	old = build(&f, 1);
	struct snapshot_delta *d = snapshot_delta_new(3);
	char why[160];
	assert_int_equal(snapshot_apply(old, d, &s, why, sizeof why), SNAPSHOT_APPLIED);
	assert_int_equal(s->global_changed, 3);
	assert_ptr_equal(s->collabs, old->collabs);
	snapshot_delta_free(d);
	snapshot_free(s);
	snapshot_free(old);
}

/* New and renamed records take their place in the name order; the lists
 * ordered by the other kind's index follow, and so do predecessors. */
static void test_added_and_renamed(void **state)
{
	(void)state;
	struct snapshot *old, *s;

	struct fx f = base();
	f.collabs[0].name = "Zuiderregeling"; /* Proefregeling moves to the end */
	s = check(&f, (struct changes){NONE, {0, -1, -1, -1}, NONE}, &old);
	assert_int_equal(collab_at(s, "proefregeling"), 2);
	assert_int_equal(s->global_changed, 2);
	snapshot_free(s);
	snapshot_free(old);

	f = base();
	f.collabs[f.n_collabs++] = (struct fx_collab){
	    13, "aanvullende-regeling", "Aanvullende regeling", "", "", PHASE_GROEI, LF_OL, {2}, 1,
	    ""};
	f.parts[f.n_parts++] = (struct fx_part){107, 13, 4, "", ""};
	f.parts[f.n_parts++] = (struct fx_part){108, 13, 1, "", ""};
	s = check(&f, (struct changes){NONE, {3, -1, -1, -1}, {7, 8, -1, -1}}, &old);
	assert_int_equal(collab_at(s, "aanvullende-regeling"), 0);
	assert_int_equal(s->collabs[0].n_active_parts, 2);
	assert_int_equal(s->n_collabs, old->n_collabs + 1);
	snapshot_free(s);
	snapshot_free(old);

	f = base();
	f.orgs[f.n_orgs++] =
	    (struct fx_org){5, "gm9905", "Aaltjesdorp", "", "", ORG_MUNICIPALITY, 0};
	f.parts[f.n_parts++] = (struct fx_part){107, 11, 5, "", ""};
	f.orgs[0].name = "Zwaluwdorp"; /* Testdorp moves to the end */
	f.orgs[2].successor = 2;       /* Oudveen merged into Nieuwstad */
	s = check(&f, (struct changes){{4, 0, 2, -1}, NONE, {7, -1, -1, -1}}, &old);
	assert_int_equal(org_at(s, "gm9905"), 0);
	const struct organisation *nw = &s->orgs[org_at(s, "gm9902")];
	assert_int_equal(nw->n_predecessors, 1);
	assert_int_equal(nw->predecessors[0], org_at(s, "gm9903"));
	snapshot_free(s);
	snapshot_free(old);
}

/* Changes the incremental rules leave to a full rebuild say so. */
static void test_rebuild_cases(void **state)
{
	(void)state;
	struct fx b = base();
	struct snapshot *old = build(&b, 1);
	char why[160];
	struct snapshot *next = NULL;

	struct snapshot_delta *d = snapshot_delta_new(2);
	snapshot_delta_gone(d, 'p', 103);
	assert_int_equal(snapshot_apply(old, d, &next, why, sizeof why), SNAPSHOT_REBUILD);
	assert_null(next);
	assert_non_null(strstr(why, "verwijderd"));
	snapshot_delta_free(d);

	/* a participation of an organisation neither the snapshot nor the
	 * delta knows */
	struct fx f = base();
	f.parts[f.n_parts++] = (struct fx_part){107, 12, 99, "", ""};
	d = delta_of(&f, &(struct changes){NONE, NONE, {7, -1, -1, -1}}, 2);
	assert_int_equal(snapshot_apply(old, d, &next, why, sizeof why), SNAPSHOT_REBUILD);
	snapshot_delta_free(d);

	d = snapshot_delta_new(2);
	d->other = true; /* a source or beleidsdomein changed */
	assert_int_equal(snapshot_apply(old, d, &next, why, sizeof why), SNAPSHOT_REBUILD);
	snapshot_delta_free(d);
	snapshot_free(old);
}

/* Every record re-applied gives the same snapshot (atlas check), and a
 * chain of derived snapshots outlives the snapshots it came from. */
static void test_all_and_chain(void **state)
{
	(void)state;
	struct fx f = base();
	struct snapshot *s = build(&f, 1);
	struct snapshot_delta *all = snapshot_delta_of_all(s, 1);
	struct snapshot *again = NULL;
	char why[160], diff[512] = "";
	assert_int_equal(snapshot_apply(s, all, &again, why, sizeof why), SNAPSHOT_APPLIED);
	snapshot_delta_free(all);
	if (snapshot_compare(again, s, diff, sizeof diff) != 0)
		fail_msg("%s", diff);

	struct snapshot *prev = again;
	snapshot_free(s);
	for (int v = 2; v < 40; v++) {
		f.collabs[v % 3].confirmed = v % 2 ? "2026-02-02" : "2026-03-03";
		struct snapshot_delta *d =
		    delta_of(&f, &(struct changes){NONE, {v % 3, -1, -1, -1}, NONE}, (uint64_t)v);
		struct snapshot *next = NULL;
		assert_int_equal(snapshot_apply(prev, d, &next, why, sizeof why), SNAPSHOT_APPLIED);
		snapshot_delta_free(d);
		snapshot_free(prev); /* the new one still reads the older strings */
		prev = next;
	}
	assert_int_equal(snapshot_chain_depth(prev), 39);
	struct snapshot *full = build(&f, 39);
	if (snapshot_compare(prev, full, diff, sizeof diff) != 0)
		fail_msg("%s", diff);
	assert_string_equal(prev->collabs[collab_at(prev, "testnetwerk")].name, "Testnetwerk");
	snapshot_free(full);
	snapshot_free(prev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_collab_ends),	    cmocka_unit_test(test_part_leaves),
	    cmocka_unit_test(test_org_ends),	    cmocka_unit_test(test_part_added),
	    cmocka_unit_test(test_domains_changed), cmocka_unit_test(test_confirmed_and_kind),
	    cmocka_unit_test(test_rebuild_cases),   cmocka_unit_test(test_all_and_chain),
	    cmocka_unit_test(test_cache_versions),  cmocka_unit_test(test_added_and_renamed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
