/*
 * derived_seats (app) — see derived_seats.h.
 */
#include "derived_seats.h"

#include "../io/derived_seats.h"
#include "../lib/arena.h"

#include <stdio.h>
#include <string.h>

/* The kind of organisation that holds an office of kind k. */
static bool org_fits(enum org_kind ok, enum office_kind k)
{
	switch (k) {
	case OFFICE_BURGEMEESTER:
	case OFFICE_WETHOUDER:
	case OFFICE_RAADSLID:
		return ok == ORG_MUNICIPALITY;
	case OFFICE_GEDEPUTEERDE:
	case OFFICE_CDK:
	case OFFICE_STATENLID:
		return ok == ORG_PROVINCE;
	case OFFICE_DIJKGRAAF:
	case OFFICE_HEEMRAAD:
	case OFFICE_AB_WATERSCHAP:
		return ok == ORG_WATER_BOARD;
	default:
		return false;
	}
}

/* Is organisation org (snapshot index) an active participant of ci? */
static bool takes_part(const struct snapshot *s, int ci, int org)
{
	const struct collaboration *c = &s->collabs[ci];
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		if (p->organisation == org && p->active)
			return true;
	}
	return false;
}

/* The office's source (provenance, field record, fact) or NULL; -1 on a
 * fault. */
static int office_source(struct store *st, struct arena *a, const struct office *f,
			 const struct provenance_row **src)
{
	char key[128];
	snprintf(key, sizeof key, "%s/%lld", f->org_code, (long long)f->id);
	struct provenance_row *rows = NULL;
	int nr = 0;
	*src = NULL;
	if (store_provenance_of(st, a, "office", key, false, &rows, &nr) != STORE_OK)
		return -1;
	for (int j = 0; j < nr; j++)
		if (strcmp(rows[j].field, "record") == 0 && strcmp(rows[j].status, "fact") == 0)
			*src = &rows[j];
	return 0;
}

int derived_seats_of_offices(struct store *st, const struct snapshot *s, const struct office *of,
			     int n, struct arena *a, struct derived_seat **out, int *nout)
{
	const struct legal_rules *t = derived_rules_current();
	*out = NULL;
	*nout = 0;
	if (t->n == 0 || n == 0)
		return 0;
	struct derived_seat *ds = arena_calloc(a, (size_t)(n * t->n) + 1, sizeof *ds);
	if (!ds || !st)
		return -1;
	for (int i = 0; i < n; i++) {
		const struct office *f = &of[i];
		int oi = snapshot_find_org(s, f->org_code);
		if (oi < 0)
			continue;
		for (int ri = 0; ri < t->n; ri++) {
			const struct legal_rule *r = &t->rules[ri];
			int ci = snapshot_find_collab(s, r->collab_key);
			if (r->office != f->kind || ci < 0 || !s->collabs[ci].active ||
			    !org_fits(s->orgs[oi].kind, r->office) || !takes_part(s, ci, oi))
				continue;
			struct office *all = NULL;
			int n_all = 0;
			if (store_offices_of_org(st, a, f->org_code, &all, &n_all) != STORE_OK)
				return -1;
			struct derived_office *dof =
			    arena_calloc(a, (size_t)n_all + 1, sizeof *dof);
			if (!dof)
				return -1;
			for (int j = 0; j < n_all; j++)
				dof[j] =
				    (struct derived_office){all[j].org_code, all[j].kind,
							    all[j].acting, all[j].from, all[j].to};
			int pick = derived_seat_pick(r, f->org_code, dof, n_all, s->today);
			if (pick < 0 || all[pick].id != f->id)
				continue;
			struct derived_seat *d = &ds[(*nout)++];
			d->rule = r;
			d->org = oi;
			d->office = *f;
			if (store_person_get(st, a, f->person_key, &d->person) != STORE_OK ||
			    office_source(st, a, f, &d->source) != 0)
				return -1;
		}
	}
	*out = ds;
	return 0;
}

bool derived_seats_apply(const struct snapshot *s, int ci)
{
	const struct legal_rules *t = derived_rules_current();
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->rules[i].collab_key, s->collabs[ci].key) == 0)
			return true;
	return false;
}

int derived_seats_of_collab(struct store *st, const struct snapshot *s, int ci, struct arena *a,
			    struct derived_seat **out, int *n)
{
	const struct legal_rules *t = derived_rules_current();
	const struct collaboration *c = &s->collabs[ci];
	*out = NULL;
	*n = 0;
	int cap = 0;
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->rules[i].collab_key, c->key) == 0)
			cap += c->n_parts;
	if (cap == 0)
		return 0;
	struct derived_seat *ds = arena_calloc(a, (size_t)cap, sizeof *ds);
	if (!ds || !st)
		return -1;
	for (int ri = 0; ri < t->n; ri++) {
		const struct legal_rule *r = &t->rules[ri];
		if (strcmp(r->collab_key, c->key) != 0)
			continue;
		for (int k = 0; k < c->n_parts; k++) {
			const struct participation *p = &s->parts[c->parts[k]];
			const struct organisation *o = &s->orgs[p->organisation];
			if (!p->active || !org_fits(o->kind, r->office))
				continue;
			struct office *of = NULL;
			int n_of = 0;
			if (store_offices_of_org(st, a, o->code, &of, &n_of) != STORE_OK)
				return -1;
			struct derived_office *dof = arena_calloc(a, (size_t)n_of + 1, sizeof *dof);
			if (!dof)
				return -1;
			for (int j = 0; j < n_of; j++)
				dof[j] = (struct derived_office){
				    of[j].org_code, of[j].kind, of[j].acting, of[j].from, of[j].to};
			struct derived_seat *d = &ds[(*n)++];
			d->rule = r;
			d->org = p->organisation;
			int pick = -1;
			/* the holder must be a person the registry still names */
			for (int tries = 0; tries < n_of; tries++) {
				pick = derived_seat_pick(r, o->code, dof, n_of, s->today);
				if (pick < 0)
					break;
				struct person pe;
				if (store_person_get(st, a, of[pick].person_key, &pe) == STORE_OK &&
				    !pe.erased) {
					d->office = of[pick];
					d->person = pe;
					break;
				}
				dof[pick].org_code = NULL; /* skip it and pick again */
				pick = -1;
			}
			if (d->office.id == 0)
				continue;
			char key[128];
			snprintf(key, sizeof key, "%s/%lld", o->code, (long long)d->office.id);
			struct provenance_row *rows = NULL;
			int nr = 0;
			if (store_provenance_of(st, a, "office", key, false, &rows, &nr) !=
			    STORE_OK)
				return -1;
			for (int j = 0; j < nr; j++)
				if (strcmp(rows[j].field, "record") == 0 &&
				    strcmp(rows[j].status, "fact") == 0)
					d->source = &rows[j];
		}
	}
	*out = ds;
	return 0;
}
