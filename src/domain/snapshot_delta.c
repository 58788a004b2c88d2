/*
 * snapshot_delta — see snapshot_delta.h.
 */
#include "snapshot_delta.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "snapshot.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct snapshot_delta *snapshot_delta_new(uint64_t version)
{
	struct snapshot_delta *d = xcalloc(1, sizeof *d);
	d->version = version;
	d->rows = snapshot_new(version);
	return d;
}

void snapshot_delta_free(struct snapshot_delta *d)
{
	if (!d)
		return;
	snapshot_free(d->rows);
	free(d->gone);
	free(d->gone_kind);
	free(d);
}

void snapshot_delta_gone(struct snapshot_delta *d, char kind, int64_t id)
{
	if (d->n_gone == d->cap_gone) {
		d->cap_gone = d->cap_gone ? d->cap_gone * 2 : 16;
		d->gone = xreallocarray(d->gone, (size_t)d->cap_gone, sizeof *d->gone);
		d->gone_kind = xreallocarray(d->gone_kind, (size_t)d->cap_gone, 1);
	}
	d->gone[d->n_gone] = id;
	d->gone_kind[d->n_gone++] = kind;
}

bool snapshot_delta_empty(const struct snapshot_delta *d)
{
	return !d->other && d->n_gone == 0 && d->rows->n_orgs == 0 && d->rows->n_collabs == 0 &&
	       d->rows->n_parts == 0;
}

static int rebuild(char *why, size_t whylen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int rebuild(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return SNAPSHOT_REBUILD;
}

/* Index of the source with database id `id` (-1 stays -1), or -2. */
static int source_index(const struct snapshot *s, int id)
{
	if (id < 0)
		return -1;
	for (int i = 0; i < s->n_sources; i++)
		if (s->sources[i].id == id)
			return i;
	return -2;
}

static int domain_index(const struct snapshot *s, int id)
{
	for (int i = 0; i < s->n_domains; i++)
		if (s->domains[i].id == id)
			return i;
	return -1;
}

/* Where each changed row goes in the old snapshot, checked before anything
 * is built. */
struct plan {
	int *org_at, *collab_at, *part_at; /* per delta row: index (old order until
					    * reordered), or -1 = new */
	bool *org_moved, *collab_moved;	   /* per delta row: renamed, so it moves */
	int n_new_parts, n_new_orgs, n_new_collabs;
	bool reorder_orgs, reorder_collabs; /* a record is added or moves */
	bool successors;		    /* a successor changes: predecessor lists */
	bool flips; /* a collaboration's or participation's active flag changes */
};

static void plan_free(struct plan *p)
{
	free(p->org_at);
	free(p->collab_at);
	free(p->part_at);
	free(p->org_moved);
	free(p->collab_moved);
}

/* Does id name an organisation / collaboration of old or a new row of r? */
static bool known_org(const struct snapshot *old, const struct snapshot *r, int id)
{
	if (id < 0 || snapshot_org_by_id(old, id) >= 0)
		return true;
	for (int i = 0; i < r->n_orgs; i++)
		if (r->orgs[i].id == id)
			return true;
	return false;
}

static bool known_collab(const struct snapshot *old, const struct snapshot *r, int id)
{
	if (id < 0 || snapshot_collab_by_id(old, id) >= 0)
		return true;
	for (int i = 0; i < r->n_collabs; i++)
		if (r->collabs[i].id == id)
			return true;
	return false;
}

static int make_plan(const struct snapshot *old, const struct snapshot_delta *d, struct plan *p,
		     char *why, size_t whylen)
{
	const struct snapshot *r = d->rows;
	memset(p, 0, sizeof *p);
	if (d->other)
		return rebuild(why, whylen, "bronnen of beleidsdomeinen gewijzigd");
	for (int i = 0; i < d->n_gone; i++)
		if (d->gone_kind[i] != 'p' || snapshot_part_by_id(old, d->gone[i]) >= 0)
			return rebuild(why, whylen, "een record is verwijderd");
	p->org_at = xcalloc((size_t)r->n_orgs + 1, sizeof(int));
	p->collab_at = xcalloc((size_t)r->n_collabs + 1, sizeof(int));
	p->part_at = xcalloc((size_t)r->n_parts + 1, sizeof(int));
	p->org_moved = xcalloc((size_t)r->n_orgs + 1, sizeof(bool));
	p->collab_moved = xcalloc((size_t)r->n_collabs + 1, sizeof(bool));
	for (int i = 0; i < r->n_orgs; i++) {
		const struct organisation *x = &r->orgs[i];
		if (!known_org(old, r, x->successor) || !known_collab(old, r, x->collaboration))
			return rebuild(why, whylen, "verwijzing naar een onbekend record");
		if (source_index(old, x->source) < -1)
			return rebuild(why, whylen, "onbekende bron");
		int k = snapshot_org_by_id(old, x->id);
		p->org_at[i] = k;
		if (k < 0) {
			p->n_new_orgs++;
			p->reorder_orgs = true;
			p->successors |= x->successor >= 0;
			continue;
		}
		const struct organisation *o = &old->orgs[k];
		int succ = o->successor >= 0 ? (int)old->orgs[o->successor].id : -1;
		if (strcmp(x->name, o->name) != 0 || strcmp(x->code, o->code) != 0)
			p->org_moved[i] = p->reorder_orgs = true;
		p->successors |= x->successor != succ;
	}
	for (int i = 0; i < r->n_collabs; i++) {
		const struct collaboration *x = &r->collabs[i];
		if (source_index(old, x->source) < -1)
			return rebuild(why, whylen, "onbekende bron");
		for (int j = 0; j < x->n_domains; j++)
			if (domain_index(old, x->domains[j]) < 0)
				return rebuild(why, whylen, "onbekend beleidsdomein");
		int k = snapshot_collab_by_id(old, x->id);
		p->collab_at[i] = k;
		if (k < 0) {
			p->n_new_collabs++;
			p->reorder_collabs = p->flips = true;
			continue;
		}
		const struct collaboration *c = &old->collabs[k];
		if (strcmp(x->name, c->name) != 0 || strcmp(x->key, c->key) != 0)
			p->collab_moved[i] = p->reorder_collabs = true;
		p->flips |= snapshot_collab_active_on(x, old->today) != c->active;
	}
	int64_t last_id = old->n_parts > 0 ? old->parts[old->n_parts - 1].id : 0;
	for (int i = 0; i < r->n_parts; i++) {
		const struct participation *x = &r->parts[i];
		if (x->collaboration < 0 || x->organisation < 0 ||
		    !known_collab(old, r, x->collaboration) || !known_org(old, r, x->organisation))
			return rebuild(why, whylen, "deelname van een onbekend record");
		if (source_index(old, x->source) < -1)
			return rebuild(why, whylen, "onbekende bron");
		int k = snapshot_part_by_id(old, x->id);
		if (k >= 0) {
			const struct participation *o = &old->parts[k];
			if (old->collabs[o->collaboration].id != x->collaboration ||
			    old->orgs[o->organisation].id != x->organisation)
				return rebuild(why, whylen, "deelname verplaatst");
			p->flips |= snapshot_part_active_on(x, &old->orgs[o->organisation],
							    old->today) != o->active;
		} else {
			if (x->id <= last_id)
				return rebuild(why, whylen, "deelname buiten volgorde");
			last_id = x->id;
			p->n_new_parts++;
		}
		p->part_at[i] = k;
	}
	return SNAPSHOT_APPLIED;
}

/* ---- contributions of one record to the derived counts ------------------------ */

static void collab_contrib(struct snapshot *s, int ci, int sign)
{
	const struct collaboration *c = &s->collabs[ci];
	struct snapshot_stats *st = &s->stats;
	if (!c->active) {
		st->n_ended += sign;
		return;
	}
	st->n_active += sign;
	st->n_active_by_kind[c->kind] += sign;
	st->n_active_by_form[c->legal_form] += sign;
	for (int k = 0; k < c->n_domains; k++)
		s->domains[c->domains[k]].n_active += sign;
}

static void part_contrib(struct snapshot *s, int pi, int sign)
{
	const struct participation *p = &s->parts[pi];
	if (!p->active)
		return;
	struct collaboration *c = &s->collabs[p->collaboration];
	c->n_active_parts += sign;
	if (c->active) {
		s->orgs[p->organisation].n_active_collabs += sign;
		s->stats.n_participations += sign;
	}
}

/* ---- replacing records ------------------------------------------------------------ */

static void put_org(struct snapshot *s, struct organisation *o, const struct organisation *x)
{
	o->kind = x->kind;
	o->cbs_code = snapshot_str(s, x->cbs_code);
	o->tooi = snapshot_str(s, x->tooi);
	o->in_province = x->in_province;
	o->valid_from = snapshot_str(s, x->valid_from);
	o->valid_to = snapshot_str(s, x->valid_to);
	o->recorded_ended = x->ended; /* as loaded: the stored flag */
	o->ended = str_empty(o->valid_to) ? o->recorded_ended : strcmp(o->valid_to, s->today) <= 0;
	o->population = x->population;
	o->population_date = snapshot_str(s, x->population_date);
	o->area_km2 = x->area_km2;
	o->successor = x->successor >= 0 ? snapshot_org_by_id(s, x->successor) : -1;
	o->collaboration = x->collaboration >= 0 ? snapshot_collab_by_id(s, x->collaboration) : -1;
	o->source = source_index(s, x->source);
	o->last_confirmed = snapshot_str(s, x->last_confirmed);
	o->confirmed_by = snapshot_str(s, x->confirmed_by);
	o->version = x->version;
	o->note = snapshot_str(s, x->note);
}

static void put_collab(struct snapshot *s, struct collaboration *c, const struct collaboration *x)
{
	c->short_name = snapshot_str(s, x->short_name);
	c->kind = x->kind;
	c->legal_form = x->legal_form;
	c->powers = x->powers;
	int *doms = snapshot_alloc(s, (size_t)x->n_domains + 1, sizeof(int));
	c->domain_mask = 0;
	for (int k = 0; k < x->n_domains; k++) {
		doms[k] = domain_index(s, x->domains[k]);
		if (doms[k] < 64)
			c->domain_mask |= (uint64_t)1 << doms[k];
	}
	c->domains = doms;
	c->n_domains = x->n_domains;
	c->phase = x->phase;
	c->purpose = snapshot_str(s, x->purpose);
	c->seat = snapshot_str(s, x->seat);
	c->start_date = snapshot_str(s, x->start_date);
	c->end_date = snapshot_str(s, x->end_date);
	c->website = snapshot_str(s, x->website);
	c->source = source_index(s, x->source);
	c->last_confirmed = snapshot_str(s, x->last_confirmed);
	c->confirmed_by = snapshot_str(s, x->confirmed_by);
	c->version = x->version;
	c->note = snapshot_str(s, x->note);
	c->active = snapshot_collab_active_on(c, s->today);
}

static void put_part(struct snapshot *s, struct participation *p, const struct participation *x)
{
	p->id = x->id;
	p->body = x->body;
	p->role = x->role;
	p->cost_share = x->cost_share;
	p->contribution = x->contribution;
	p->joined = snapshot_str(s, x->joined);
	p->left = snapshot_str(s, x->left);
	p->source = source_index(s, x->source);
	p->last_confirmed = snapshot_str(s, x->last_confirmed);
	p->confirmed_by = snapshot_str(s, x->confirmed_by);
	p->version = x->version;
	p->note = snapshot_str(s, x->note);
}

/* The home page's oldest and newest confirmation date, kept up to date:
 * a new date outside the range widens it; replacing a date on its edge
 * means a recount over every record. */
struct confirmed_range {
	char *lo, *hi; /* s->stats.oldest_confirmed, newest_confirmed */
	bool recompute;
};

static void confirmed_note(struct confirmed_range *cr, const char *was, const char *now)
{
	if (strcmp(was, now) == 0 || cr->recompute)
		return;
	if (is_iso_date(was) && (strcmp(was, cr->lo) == 0 || strcmp(was, cr->hi) == 0)) {
		cr->recompute = true;
		return;
	}
	if (!is_iso_date(now))
		return;
	if (!cr->lo[0] || strcmp(now, cr->lo) < 0)
		memcpy(cr->lo, now, 11);
	if (!cr->hi[0] || strcmp(now, cr->hi) > 0)
		memcpy(cr->hi, now, 11);
}

/* The versions reply caches go by (snapshot_delta.h). */
/* Does a list of collaborations show c differently from before? */
static bool summary_differs(const struct collaboration *before, const struct collaboration *c)
{
	if (strcmp(before->name, c->name) || strcmp(before->short_name, c->short_name) ||
	    before->kind != c->kind || before->legal_form != c->legal_form ||
	    before->phase != c->phase || before->active != c->active ||
	    before->n_active_parts != c->n_active_parts ||
	    strcmp(before->last_confirmed, c->last_confirmed) || before->n_domains != c->n_domains)
		return true;
	for (int k = 0; k < c->n_domains; k++)
		if (before->domains[k] != c->domains[k])
			return true;
	return false;
}

static void mark_changed(struct snapshot *s, const struct snapshot *old,
			 const struct snapshot_delta *d, const struct plan *plan, bool flipped)
{
	const struct snapshot *r = d->rows;
	uint64_t v = d->version;
	/* the footer of every page shows the newest confirmation date */
	flipped |= strcmp(old->stats.newest_confirmed, s->stats.newest_confirmed) != 0 ||
		   strcmp(old->stats.oldest_confirmed, s->stats.oldest_confirmed) != 0;
	if (flipped || d->outside || r->n_orgs + r->n_collabs + r->n_parts == 0) {
		s->global_changed = s->list_changed = v;
		return;
	}
	if (r->n_orgs + r->n_parts > 0)
		s->list_changed = v;
	for (int i = 0; i < r->n_collabs && s->list_changed != v; i++) {
		int k = snapshot_collab_by_id(old, r->collabs[i].id);
		if (k < 0 || summary_differs(&old->collabs[k], &s->collabs[plan->collab_at[i]]))
			s->list_changed = v;
	}
	for (int i = 0; i < r->n_orgs; i++) {
		const struct organisation *o = &s->orgs[plan->org_at[i]];
		s->org_changed[plan->org_at[i]] = v;
		for (int k = 0; k < o->n_parts; k++)
			s->collab_changed[s->parts[o->parts[k]].collaboration] = v;
	}
	for (int i = 0; i < r->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[plan->collab_at[i]];
		s->collab_changed[plan->collab_at[i]] = v;
		for (int k = 0; k < c->n_parts; k++)
			s->org_changed[s->parts[c->parts[k]].organisation] = v;
	}
	for (int i = 0; i < r->n_parts; i++) {
		if (plan->part_at[i] < 0)
			continue; /* new: not a local change (above) */
		const struct participation *p = &s->parts[plan->part_at[i]];
		s->collab_changed[p->collaboration] = v;
		s->org_changed[p->organisation] = v;
	}
}

/* A copy of list (n entries) in s's generation with room for one more. */
static int *own_list(struct snapshot *s, const int *list, int n)
{
	int *copy = snapshot_alloc(s, (size_t)n + 2, sizeof(int));
	if (n > 0)
		memcpy(copy, list, (size_t)n * sizeof(int));
	return copy;
}

/* ---- adding and moving organisations and collaborations ------------------------ */

/*
 * The arrays are sorted by name. A new or renamed record is placed by a
 * merge of the records that keep their place (already in order) with the
 * few that are placed anew (reordered, for either kind); every index that
 * points into the array moves along (map: old index -> new index). New
 * records start empty: their fields come from put_*, their counts from the
 * contributions.
 */

/* Where the name and the URL key sit in a record (organisations: code);
 * the order is snapshot_cmp_org/snapshot_cmp_collab's: name, then key. */
struct name_layout {
	size_t size, name, key;
};

static const char *field_at(const void *base, const struct name_layout *l, int i, size_t off)
{
	return *(const char *const *)((const char *)base + (size_t)i * l->size + off);
}

static int cmp_named(const void *xb, int x, const void *yb, int y, const struct name_layout *l)
{
	int c = str_collate_nl(field_at(xb, l, x, l->name), field_at(yb, l, y, l->name));
	return c ? c : strcmp(field_at(xb, l, x, l->key), field_at(yb, l, y, l->key));
}

/*
 * The merged name order of the n_old records of old (sorted) and the delta
 * rows that take a place anew (at[i] < 0: new; moved[i]: renamed), by the
 * names and keys the rows carry. order[n] is an old index, or -1 - i for
 * delta row i; map[a] is old record a's new index. Returns the length.
 */
static int merge_order(const void *old, int n_old, const void *rows, int n_rows, const int *at,
		       const bool *moved, const struct name_layout *l, int *order, int *map)
{
	int *ins = xcalloc((size_t)n_rows + 1, sizeof(int)); /* rows to place, sorted */
	char *leaving = xcalloc((size_t)n_old + 1, 1);
	int n_ins = 0;
	for (int i = 0; i < n_rows; i++) {
		if (at[i] >= 0 && !moved[i])
			continue;
		if (at[i] >= 0)
			leaving[at[i]] = 1;
		int k = n_ins++;
		while (k > 0 && cmp_named(rows, ins[k - 1], rows, i, l) > 0) {
			ins[k] = ins[k - 1];
			k--;
		}
		ins[k] = i;
	}
	int n = 0, a = 0, b = 0;
	while (a < n_old || b < n_ins) {
		if (a < n_old && leaving[a]) {
			a++;
			continue;
		}
		if (b >= n_ins || (a < n_old && cmp_named(old, a, rows, ins[b], l) < 0)) {
			order[n] = a;
			map[a++] = n++;
			continue;
		}
		int i = ins[b++];
		if (at[i] >= 0)
			map[at[i]] = n;
		order[n++] = -1 - i;
	}
	free(ins);
	free(leaving);
	return n;
}

/*
 * The array of old (n_old records, sorted by name) with the delta rows
 * (at, moved: see merge_order) in their new places, as a new array of n_new
 * records, and its change versions: a placed row is its old record or, when
 * new, a record from init; either way with the row's name and key and
 * change version v. at[i] becomes each row's new index; returns map (old
 * index -> new index), which the caller frees.
 */
static int *reordered(struct snapshot *s, const void *old, const uint64_t *old_chg, int n_old,
		      const void *rows, int n_rows, int *at, const bool *moved,
		      const struct name_layout *l, int n_new, uint64_t v,
		      void (*init)(struct snapshot *s, void *rec, const void *row), void **arr_out,
		      uint64_t **chg_out)
{
	int *order = xcalloc((size_t)n_new + 1, sizeof(int));
	int *map = xcalloc((size_t)n_old + 1, sizeof(int));
	merge_order(old, n_old, rows, n_rows, at, moved, l, order, map);
	char *arr = snapshot_array_new((size_t)n_new, l->size);
	uint64_t *chg = snapshot_array_new((size_t)n_new, sizeof *chg);
	for (int n = 0; n < n_new; n++) {
		char *rec = arr + (size_t)n * l->size;
		int k = order[n] >= 0 ? order[n] : at[-1 - order[n]];
		if (k >= 0)
			memcpy(rec, (const char *)old + (size_t)k * l->size, l->size);
		if (order[n] >= 0) {
			chg[n] = old_chg[k];
			continue;
		}
		const char *row = (const char *)rows + (size_t)(-1 - order[n]) * l->size;
		if (k < 0)
			init(s, rec, row);
		*(char **)(rec + l->name) = snapshot_str(s, field_at(row, l, 0, l->name));
		*(char **)(rec + l->key) = snapshot_str(s, field_at(row, l, 0, l->key));
		chg[n] = v;
	}
	for (int i = 0; i < n_rows; i++)
		if (at[i] >= 0 && !moved[i])
			at[i] = map[at[i]];
	for (int n = 0; n < n_new; n++)
		if (order[n] < 0)
			at[-1 - order[n]] = n;
	free(order);
	*arr_out = arr;
	*chg_out = chg;
	return map;
}

static void init_collab(struct snapshot *s, void *rec, const void *row)
{
	struct collaboration *c = rec;
	memset(c, 0, sizeof *c);
	c->id = ((const struct collaboration *)row)->id;
	c->parts = snapshot_alloc(s, 2, sizeof(int));
}

static void init_org(struct snapshot *s, void *rec, const void *row)
{
	struct organisation *o = rec;
	memset(o, 0, sizeof *o);
	o->id = ((const struct organisation *)row)->id;
	o->parts = snapshot_alloc(s, 2, sizeof(int));
	o->successor = o->collaboration = -1;
}

static int *reorder_collabs(struct snapshot *s, const struct snapshot *r, struct plan *p,
			    uint64_t v)
{
	static const struct name_layout l = {sizeof(struct collaboration),
					     offsetof(struct collaboration, name),
					     offsetof(struct collaboration, key)};
	int n_new = s->n_collabs + p->n_new_collabs;
	void *arr;
	uint64_t *chg;
	int *map =
	    reordered(s, s->collabs, s->collab_changed, s->n_collabs, r->collabs, r->n_collabs,
		      p->collab_at, p->collab_moved, &l, n_new, v, init_collab, &arr, &chg);
	snapshot_set_collabs(s, arr, n_new, chg);
	for (int pi = 0; pi < s->n_parts; pi++)
		s->parts[pi].collaboration = map[s->parts[pi].collaboration];
	for (int o = 0; o < s->n_orgs; o++)
		if (s->orgs[o].collaboration >= 0)
			s->orgs[o].collaboration = map[s->orgs[o].collaboration];
	return map;
}

static int *reorder_orgs(struct snapshot *s, const struct snapshot *r, struct plan *p, uint64_t v)
{
	static const struct name_layout l = {sizeof(struct organisation),
					     offsetof(struct organisation, name),
					     offsetof(struct organisation, code)};
	int n_new = s->n_orgs + p->n_new_orgs;
	void *arr;
	uint64_t *chg;
	int *map = reordered(s, s->orgs, s->org_changed, s->n_orgs, r->orgs, r->n_orgs, p->org_at,
			     p->org_moved, &l, n_new, v, init_org, &arr, &chg);
	snapshot_set_orgs(s, arr, n_new, chg);
	for (int pi = 0; pi < s->n_parts; pi++)
		s->parts[pi].organisation = map[s->parts[pi].organisation];
	for (int o = 0; o < s->n_orgs; o++) /* new ones have none yet */
		if (s->orgs[o].successor >= 0)
			s->orgs[o].successor = map[s->orgs[o].successor];
	return map;
}

/* Every organisation's predecessors (organisations whose successor it is),
 * anew, in the order snapshot_finish gives them. */
static void rebuild_predecessors(struct snapshot *s)
{
	for (int o = 0; o < s->n_orgs; o++)
		s->orgs[o].n_predecessors = 0;
	for (int o = 0; o < s->n_orgs; o++)
		if (s->orgs[o].successor >= 0)
			s->orgs[s->orgs[o].successor].n_predecessors++;
	for (int o = 0; o < s->n_orgs; o++) {
		struct organisation *x = &s->orgs[o];
		x->predecessors = snapshot_alloc(s, (size_t)x->n_predecessors + 1, sizeof(int));
		x->n_predecessors = 0;
	}
	for (int o = 0; o < s->n_orgs; o++) {
		int succ = s->orgs[o].successor;
		if (succ >= 0)
			s->orgs[succ].predecessors[s->orgs[succ].n_predecessors++] = o;
	}
}

int snapshot_apply(const struct snapshot *old, const struct snapshot_delta *d,
		   struct snapshot **out, char *why, size_t whylen)
{
	*out = NULL;
	struct plan plan;
	if (make_plan(old, d, &plan, why, whylen) != SNAPSHOT_APPLIED) {
		plan_free(&plan);
		return SNAPSHOT_REBUILD;
	}
	const struct snapshot *r = d->rows;
	struct snapshot *s = snapshot_derive(old, d->version);
	/* Arrays are copied only where something changes: the organisations'
	 * counts only change with an organisation, a new participation or an
	 * active flag; a participation's flag depends on its own dates and its
	 * organisation, not on the collaboration, so a change of collaborations
	 * alone leaves the participations shared. */
	bool reorder = plan.reorder_orgs || plan.reorder_collabs;
	bool touch_parts = r->n_parts > 0 || r->n_orgs > 0 || reorder;
	bool counts = r->n_orgs > 0 || plan.n_new_parts > 0 || plan.flips || reorder;
	bool any = r->n_orgs + r->n_collabs + r->n_parts > 0;
	if (any)
		snapshot_own_collabs(s);
	if (counts)
		snapshot_own_orgs(s);
	if (r->n_collabs > 0)
		snapshot_own_domains(s);
	if (touch_parts)
		snapshot_own_parts(s, plan.n_new_parts);
	if (any)
		snapshot_own_changed(s);

	/* the participations whose contribution may change: the changed ones
	 * and those of every changed organisation and collaboration */
	int n_all = s->n_parts + plan.n_new_parts;
	char *mark = xcalloc((size_t)n_all + 1, 1);
	int *touched = xcalloc((size_t)n_all + 1, sizeof(int));
	bool *was_active = xcalloc((size_t)n_all + 1, sizeof(bool));
	int n_touched = 0;
#define TOUCH(pi)                                                                                  \
	do {                                                                                       \
		if (!mark[(pi)]) {                                                                 \
			mark[(pi)] = 1;                                                            \
			was_active[(pi)] = s->parts[(pi)].active;                                  \
			touched[n_touched++] = (pi);                                               \
		}                                                                                  \
	} while (0)
	for (int i = 0; i < r->n_parts; i++)
		if (plan.part_at[i] >= 0)
			TOUCH(plan.part_at[i]);
	for (int i = 0; i < r->n_orgs; i++) {
		if (plan.org_at[i] < 0)
			continue; /* new */
		const struct organisation *o = &s->orgs[plan.org_at[i]];
		for (int k = 0; k < o->n_parts; k++)
			TOUCH(o->parts[k]);
	}
	for (int i = 0; i < r->n_collabs; i++) {
		if (plan.collab_at[i] < 0)
			continue;
		const struct collaboration *c = &s->collabs[plan.collab_at[i]];
		for (int k = 0; k < c->n_parts; k++)
			TOUCH(c->parts[k]);
	}

	/* take out the old contributions (in the old order: the counts move
	 * with their records when the arrays are reordered) */
	for (int i = 0; i < r->n_collabs; i++)
		if (plan.collab_at[i] >= 0)
			collab_contrib(s, plan.collab_at[i], -1);
	for (int k = 0; k < n_touched && counts; k++)
		part_contrib(s, touched[k], -1);
	for (int i = 0; i < r->n_orgs; i++)
		if (plan.org_at[i] >= 0)
			s->stats.n_orgs_by_kind[s->orgs[plan.org_at[i]].kind]--;

	/* new and renamed records take their place in the name order; lists
	 * ordered by the other array's index are sorted again where a record
	 * moved */
	char *resort_orgs = NULL, *resort_collabs = NULL;
	if (plan.reorder_collabs)
		free(reorder_collabs(s, r, &plan, d->version));
	if (plan.reorder_orgs)
		free(reorder_orgs(s, r, &plan, d->version));
	if (reorder) {
		/* an added record shifts the indexes after it, which keeps every
		 * list in order; a renamed one changes the order of the lists of
		 * the other kind it appears in */
		resort_orgs = xcalloc((size_t)s->n_orgs + 1, 1);
		resort_collabs = xcalloc((size_t)s->n_collabs + 1, 1);
		for (int i = 0; i < r->n_collabs; i++) {
			if (!plan.collab_moved[i])
				continue;
			const struct collaboration *c = &s->collabs[plan.collab_at[i]];
			for (int k = 0; k < c->n_parts; k++)
				resort_orgs[s->parts[c->parts[k]].organisation] = 1;
		}
		for (int i = 0; i < r->n_orgs; i++) {
			if (!plan.org_moved[i])
				continue;
			const struct organisation *o = &s->orgs[plan.org_at[i]];
			for (int k = 0; k < o->n_parts; k++)
				resort_collabs[s->parts[o->parts[k]].collaboration] = 1;
		}
	}

	/* replace the records; note whether an active flag or a confirmation
	 * date changed */
	bool flipped = false;
	struct confirmed_range cr = {s->stats.oldest_confirmed, s->stats.newest_confirmed, false};
	flipped |= reorder;
	for (int i = 0; i < r->n_orgs; i++) {
		struct organisation *o = &s->orgs[plan.org_at[i]];
		bool was = o->ended;
		const char *was_confirmed = o->last_confirmed ? o->last_confirmed : "";
		put_org(s, o, &r->orgs[i]);
		flipped |= was != o->ended;
		confirmed_note(&cr, was_confirmed, o->last_confirmed);
	}
	if (plan.successors || plan.reorder_orgs)
		rebuild_predecessors(s);
	for (int i = 0; i < r->n_collabs; i++) {
		struct collaboration *c = &s->collabs[plan.collab_at[i]];
		bool was = c->active;
		const char *was_confirmed = c->last_confirmed ? c->last_confirmed : "";
		put_collab(s, c, &r->collabs[i]);
		flipped |= was != c->active;
		confirmed_note(&cr, was_confirmed, c->last_confirmed);
	}
	int n_first_new = s->n_parts;
	for (int i = 0; i < r->n_parts; i++) {
		const struct participation *x = &r->parts[i];
		int pi = plan.part_at[i];
		if (pi < 0) {
			pi = s->n_parts++;
			memset(&s->parts[pi], 0, sizeof s->parts[pi]);
			s->parts[pi].collaboration = snapshot_collab_by_id(s, x->collaboration);
			s->parts[pi].organisation = snapshot_org_by_id(s, x->organisation);
			mark[pi] = 1;
			touched[n_touched++] = pi;
		}
		put_part(s, &s->parts[pi], x);
	}
	for (int k = 0; k < n_touched && touch_parts; k++) {
		struct participation *p = &s->parts[touched[k]];
		p->active = snapshot_part_active_on(p, &s->orgs[p->organisation], s->today);
	}

	/* add the new contributions */
	for (int i = 0; i < r->n_orgs; i++)
		s->stats.n_orgs_by_kind[s->orgs[plan.org_at[i]].kind]++;
	for (int i = 0; i < r->n_collabs; i++)
		collab_contrib(s, plan.collab_at[i], +1);
	for (int k = 0; k < n_touched && counts; k++)
		part_contrib(s, touched[k], +1);

	/* participant lists: new participations join their lists; a list whose
	 * order depends on a changed active flag is sorted again */
	for (int pi = n_first_new; pi < s->n_parts; pi++) {
		struct participation *p = &s->parts[pi];
		struct collaboration *c = &s->collabs[p->collaboration];
		struct organisation *o = &s->orgs[p->organisation];
		c->parts = own_list(s, c->parts, c->n_parts);
		c->parts[c->n_parts++] = pi;
		o->parts = own_list(s, o->parts, o->n_parts);
		o->parts[o->n_parts++] = pi;
		snapshot_sort_org_parts(s, o->parts, o->n_parts);
	}
	for (int o = 0; resort_orgs && o < s->n_orgs; o++) {
		if (!resort_orgs[o])
			continue;
		struct organisation *x = &s->orgs[o];
		x->parts = own_list(s, x->parts, x->n_parts);
		snapshot_sort_org_parts(s, x->parts, x->n_parts);
	}
	char *resort = resort_collabs ? resort_collabs : xcalloc((size_t)s->n_collabs + 1, 1);
	for (int k = 0; k < n_touched; k++) {
		int pi = touched[k];
		if (pi >= n_first_new || s->parts[pi].active != was_active[pi])
			resort[s->parts[pi].collaboration] = 1;
	}
	for (int ci = 0; ci < s->n_collabs; ci++) {
		if (!resort[ci])
			continue;
		struct collaboration *c = &s->collabs[ci];
		bool fresh = false; /* the list is already this snapshot's own copy */
		for (int pi = n_first_new; pi < s->n_parts && !fresh; pi++)
			fresh = s->parts[pi].collaboration == ci;
		if (!fresh)
			c->parts = own_list(s, c->parts, c->n_parts);
		snapshot_sort_collab_parts(s, c->parts, c->n_parts);
	}
	for (int k = 0; k < n_touched; k++)
		flipped |= touched[k] >= n_first_new ||
			   s->parts[touched[k]].active != was_active[touched[k]];
#undef TOUCH
	if (cr.recompute)
		snapshot_confirmed_range(s);
	mark_changed(s, old, d, &plan, flipped);
	snapshot_seal(s);
	free(resort);
	free(resort_orgs);
	free(mark);
	free(touched);
	free(was_active);
	plan_free(&plan);
	*out = s;
	return SNAPSHOT_APPLIED;
}

/* ---- comparing -------------------------------------------------------------------- */

static int differ(char *diff, size_t difflen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int differ(char *diff, size_t difflen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(diff, difflen, fmt, ap);
	va_end(ap);
	return -1;
}

#define SAME_INT(what, a, b)                                                                       \
	do {                                                                                       \
		if ((int64_t)(a) != (int64_t)(b))                                                  \
			return differ(diff, difflen, "%s: %lld tegen %lld", what, (long long)(a),  \
				      (long long)(b));                                             \
	} while (0)
#define SAME_STR(what, a, b)                                                                       \
	do {                                                                                       \
		if (strcmp((a) ? (a) : "", (b) ? (b) : "") != 0)                                   \
			return differ(diff, difflen, "%s: '%.60s' tegen '%.60s'", what,            \
				      (a) ? (a) : "", (b) ? (b) : "");                             \
	} while (0)
#define SAME_LIST(what, a, na, b, nb)                                                              \
	do {                                                                                       \
		SAME_INT(what, na, nb);                                                            \
		for (int k_ = 0; k_ < (na); k_++)                                                  \
			SAME_INT(what, (a)[k_], (b)[k_]);                                          \
	} while (0)

static int compare_org(const struct organisation *a, const struct organisation *b, char *diff,
		       size_t difflen)
{
	SAME_INT("id", a->id, b->id);
	SAME_STR("code", a->code, b->code);
	SAME_INT("soort", a->kind, b->kind);
	SAME_STR("naam", a->name, b->name);
	SAME_STR("cbs", a->cbs_code, b->cbs_code);
	SAME_STR("tooi", a->tooi, b->tooi);
	SAME_INT("in provincie", a->in_province, b->in_province);
	SAME_STR("geldig vanaf", a->valid_from, b->valid_from);
	SAME_STR("geldig tot", a->valid_to, b->valid_to);
	SAME_INT("opgeheven", a->ended, b->ended);
	SAME_INT("opgeheven (opgeslagen)", a->recorded_ended, b->recorded_ended);
	SAME_INT("opvolger", a->successor, b->successor);
	SAME_INT("inwoners", a->population, b->population);
	SAME_STR("peildatum inwoners", a->population_date, b->population_date);
	if (a->area_km2 != b->area_km2)
		return differ(diff, difflen, "oppervlakte: %g tegen %g", a->area_km2, b->area_km2);
	SAME_INT("verband", a->collaboration, b->collaboration);
	SAME_INT("bron", a->source, b->source);
	SAME_STR("laatst bevestigd", a->last_confirmed, b->last_confirmed);
	SAME_STR("bevestigd door", a->confirmed_by, b->confirmed_by);
	SAME_INT("versie", a->version, b->version);
	SAME_STR("opmerking", a->note, b->note);
	SAME_LIST("deelnames", a->parts, a->n_parts, b->parts, b->n_parts);
	SAME_INT("actieve verbanden", a->n_active_collabs, b->n_active_collabs);
	SAME_LIST("voorgangers", a->predecessors, a->n_predecessors, b->predecessors,
		  b->n_predecessors);
	return 0;
}

static int compare_collab(const struct collaboration *a, const struct collaboration *b, char *diff,
			  size_t difflen)
{
	SAME_INT("id", a->id, b->id);
	SAME_STR("sleutel", a->key, b->key);
	SAME_STR("naam", a->name, b->name);
	SAME_STR("korte naam", a->short_name, b->short_name);
	SAME_INT("soort", a->kind, b->kind);
	SAME_INT("juridische vorm", a->legal_form, b->legal_form);
	SAME_INT("bevoegdheden", a->powers, b->powers);
	SAME_LIST("beleidsdomeinen", a->domains, a->n_domains, b->domains, b->n_domains);
	SAME_INT("domeinmasker", a->domain_mask, b->domain_mask);
	SAME_INT("fase", a->phase, b->phase);
	SAME_STR("doel", a->purpose, b->purpose);
	SAME_STR("vestiging", a->seat, b->seat);
	SAME_STR("startdatum", a->start_date, b->start_date);
	SAME_STR("einddatum", a->end_date, b->end_date);
	SAME_STR("website", a->website, b->website);
	SAME_INT("bron", a->source, b->source);
	SAME_STR("laatst bevestigd", a->last_confirmed, b->last_confirmed);
	SAME_STR("bevestigd door", a->confirmed_by, b->confirmed_by);
	SAME_INT("versie", a->version, b->version);
	SAME_STR("opmerking", a->note, b->note);
	SAME_INT("actief", a->active, b->active);
	SAME_LIST("deelnames", a->parts, a->n_parts, b->parts, b->n_parts);
	SAME_INT("actieve deelnames", a->n_active_parts, b->n_active_parts);
	return 0;
}

static int compare_part(const struct participation *a, const struct participation *b, char *diff,
			size_t difflen)
{
	SAME_INT("id", a->id, b->id);
	SAME_INT("verband", a->collaboration, b->collaboration);
	SAME_INT("organisatie", a->organisation, b->organisation);
	SAME_INT("orgaan", a->body, b->body);
	SAME_INT("rol", a->role, b->role);
	if (a->cost_share != b->cost_share)
		return differ(diff, difflen, "kostenverdeelsleutel: %g tegen %g", a->cost_share,
			      b->cost_share);
	SAME_INT("bijdrage", a->contribution, b->contribution);
	SAME_STR("toegetreden", a->joined, b->joined);
	SAME_STR("uitgetreden", a->left, b->left);
	SAME_INT("bron", a->source, b->source);
	SAME_STR("laatst bevestigd", a->last_confirmed, b->last_confirmed);
	SAME_STR("bevestigd door", a->confirmed_by, b->confirmed_by);
	SAME_INT("versie", a->version, b->version);
	SAME_STR("opmerking", a->note, b->note);
	SAME_INT("actief", a->active, b->active);
	return 0;
}

int snapshot_compare(const struct snapshot *a, const struct snapshot *b, char *diff, size_t difflen)
{
	char inner[300];
	SAME_STR("datum", a->today, b->today);
	SAME_INT("aantal bronnen", a->n_sources, b->n_sources);
	SAME_INT("aantal beleidsdomeinen", a->n_domains, b->n_domains);
	SAME_INT("aantal organisaties", a->n_orgs, b->n_orgs);
	SAME_INT("aantal verbanden", a->n_collabs, b->n_collabs);
	SAME_INT("aantal deelnames", a->n_parts, b->n_parts);
	for (int i = 0; i < a->n_sources; i++) {
		SAME_INT("bron id", a->sources[i].id, b->sources[i].id);
		SAME_STR("bron", a->sources[i].key, b->sources[i].key);
	}
	for (int i = 0; i < a->n_domains; i++) {
		SAME_INT("beleidsdomein id", a->domains[i].id, b->domains[i].id);
		SAME_STR("beleidsdomein", a->domains[i].name, b->domains[i].name);
		SAME_INT("actieve verbanden per beleidsdomein", a->domains[i].n_active,
			 b->domains[i].n_active);
	}
	for (int i = 0; i < a->n_orgs; i++)
		if (compare_org(&a->orgs[i], &b->orgs[i], inner, sizeof inner))
			return differ(diff, difflen, "organisatie %s: %s", a->orgs[i].code, inner);
	for (int i = 0; i < a->n_collabs; i++)
		if (compare_collab(&a->collabs[i], &b->collabs[i], inner, sizeof inner))
			return differ(diff, difflen, "verband %s: %s", a->collabs[i].key, inner);
	for (int i = 0; i < a->n_parts; i++)
		if (compare_part(&a->parts[i], &b->parts[i], inner, sizeof inner))
			return differ(diff, difflen, "deelname %lld: %s", (long long)a->parts[i].id,
				      inner);
	const struct snapshot_stats *x = &a->stats, *y = &b->stats;
	for (int k = 0; k < ORG_KIND_COUNT; k++)
		SAME_INT("organisaties per soort", x->n_orgs_by_kind[k], y->n_orgs_by_kind[k]);
	for (int k = 0; k < COLLAB_KIND_COUNT; k++)
		SAME_INT("actief per soort", x->n_active_by_kind[k], y->n_active_by_kind[k]);
	for (int k = 0; k < LF_COUNT; k++)
		SAME_INT("actief per vorm", x->n_active_by_form[k], y->n_active_by_form[k]);
	SAME_INT("actieve verbanden", x->n_active, y->n_active);
	SAME_INT("beëindigde verbanden", x->n_ended, y->n_ended);
	SAME_INT("deelnames in actieve verbanden", x->n_participations, y->n_participations);
	SAME_STR("oudste bevestiging", x->oldest_confirmed, y->oldest_confirmed);
	SAME_STR("nieuwste bevestiging", x->newest_confirmed, y->newest_confirmed);
	for (int i = 0; i < a->n_orgs; i++)
		SAME_INT("zoeken op code", snapshot_find_org(a, a->orgs[i].code),
			 snapshot_find_org(b, a->orgs[i].code));
	for (int i = 0; i < a->n_collabs; i++)
		SAME_INT("zoeken op sleutel", snapshot_find_collab(a, a->collabs[i].key),
			 snapshot_find_collab(b, a->collabs[i].key));
	return 0;
}

/* ---- a delta of every record ------------------------------------------------------ */

static int ref_back(int idx, int64_t id)
{
	return idx >= 0 ? (int)id : -1;
}

struct snapshot_delta *snapshot_delta_of_all(const struct snapshot *s, uint64_t version)
{
	struct snapshot_delta *d = snapshot_delta_new(version);
	struct snapshot *r = d->rows;
#define SRC_ID(i) ((i) >= 0 ? (int)s->sources[(i)].id : -1)
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		struct organisation *x = snapshot_add_org(r);
		*x = *o;
		x->ended = o->recorded_ended;
		x->successor =
		    ref_back(o->successor, o->successor >= 0 ? s->orgs[o->successor].id : 0);
		x->collaboration = ref_back(
		    o->collaboration, o->collaboration >= 0 ? s->collabs[o->collaboration].id : 0);
		x->source = SRC_ID(o->source);
		x->parts = NULL;
		x->n_parts = 0;
		x->predecessors = NULL;
		x->n_predecessors = 0;
	}
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[i];
		struct collaboration *x = snapshot_add_collab(r);
		*x = *c;
		x->source = SRC_ID(c->source);
		x->parts = NULL;
		x->n_parts = 0;
		int ids[64], n = 0;
		for (int k = 0; k < c->n_domains && n < 64; k++)
			ids[n++] = (int)s->domains[c->domains[k]].id;
		snapshot_collab_set_domains(r, x, ids, n);
	}
	for (int i = 0; i < s->n_parts; i++) {
		const struct participation *p = &s->parts[i];
		struct participation *x = snapshot_add_part(r);
		*x = *p;
		x->collaboration = (int)s->collabs[p->collaboration].id;
		x->organisation = (int)s->orgs[p->organisation].id;
		x->source = SRC_ID(p->source);
	}
#undef SRC_ID
	return d;
}
