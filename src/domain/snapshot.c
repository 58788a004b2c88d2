/*
 * snapshot — see snapshot.h.
 */
#include "snapshot.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Memory. A snapshot's strings and small per-record lists live in a
 * generation: an arena with a reference count. A full build has one
 * generation; a snapshot derived from another (snapshot_delta.c) gets a new,
 * small generation for what it changed and holds a reference to its
 * parent's, so the strings and lists it did not change stay where they are.
 * Arrays of records and the lookup indexes are blocks with a reference count,
 * shared by a derived snapshot until it changes one (it then copies that
 * array). Whoever drops the last reference frees; nothing is freed twice.
 */
struct snap_gen {
	atomic_int refs;
	struct arena *arena;
	struct snap_gen *parent; /* older generation still in use, or NULL */
	int depth;		 /* derived generations above the full build */
	size_t chain_bytes;	 /* bytes of the derived generations in the chain */
};

/* Private memory and indexes kept beside the snapshot. */
struct snap_mem {
	struct snap_gen *gen;
	int *org_by_code, *collab_by_key, *domain_by_key, *source_by_key; /* sorted idx */
	int *org_by_id, *collab_by_id; /* indexes sorted by database id */
	int cap_sources, cap_domains, cap_orgs, cap_collabs, cap_parts;
};

/* A block: a reference-counted array. The header keeps the data 16-byte
 * aligned. */
struct blk_head {
	atomic_int refs;
	_Alignas(16) unsigned char data[];
};

static struct blk_head *blk_of(const void *p)
{
	return (struct blk_head *)((char *)(uintptr_t)p - offsetof(struct blk_head, data));
}

/* Grow (or create) a block that only this snapshot holds. */
static void *blk_realloc(void *p, size_t count, size_t size)
{
	if (size && count > (SIZE_MAX - sizeof(struct blk_head)) / size)
		abort();
	struct blk_head *h = p ? blk_of(p) : NULL;
	h = xrealloc(h, sizeof *h + count * size);
	if (!p)
		atomic_init(&h->refs, 1);
	return h->data;
}

static void *blk_hold(void *p)
{
	if (p)
		atomic_fetch_add_explicit(&blk_of(p)->refs, 1, memory_order_relaxed);
	return p;
}

static void blk_release(void *p)
{
	if (p && atomic_fetch_sub_explicit(&blk_of(p)->refs, 1, memory_order_acq_rel) == 1)
		free(blk_of(p));
}

static struct snap_gen *gen_new(struct snap_gen *parent, size_t block_size)
{
	struct snap_gen *g = xcalloc(1, sizeof *g);
	atomic_init(&g->refs, 1);
	g->arena = block_size ? arena_new_sized(block_size) : arena_new();
	g->parent = parent;
	return g;
}

/* Drop a reference; a freed generation drops its parent's (a loop, so a
 * long chain cannot exhaust the stack). */
static void gen_release(struct snap_gen *g)
{
	while (g && atomic_fetch_sub_explicit(&g->refs, 1, memory_order_acq_rel) == 1) {
		struct snap_gen *parent = g->parent;
		arena_free(g->arena);
		free(g);
		g = parent;
	}
}

struct snapshot *snapshot_new(uint64_t version)
{
	struct snapshot *s = xcalloc(1, sizeof *s);
	struct snap_mem *m = xcalloc(1, sizeof *m);
	m->gen = gen_new(NULL, 0);
	s->mem = m;
	s->version = version;
	return s;
}

void snapshot_free(struct snapshot *s)
{
	if (!s)
		return;
	struct snap_mem *m = s->mem;
	gen_release(m->gen);
	blk_release(m->org_by_code);
	blk_release(m->collab_by_key);
	blk_release(m->domain_by_key);
	blk_release(m->source_by_key);
	blk_release(m->org_by_id);
	blk_release(m->collab_by_id);
	free(m);
	blk_release(s->sources);
	blk_release(s->domains);
	blk_release(s->orgs);
	blk_release(s->collabs);
	blk_release(s->parts);
	blk_release(s->org_changed);
	blk_release(s->collab_changed);
	free(s);
}

struct snapshot *snapshot_derive(const struct snapshot *from, uint64_t version)
{
	const struct snap_mem *fm = from->mem;
	struct snapshot *s = xmalloc(sizeof *s);
	*s = *from;
	struct snap_mem *m = xmalloc(sizeof *m);
	*m = *fm;
	atomic_fetch_add_explicit(&fm->gen->refs, 1, memory_order_relaxed);
	/* derived generations hold a few strings each: small blocks */
	m->gen = gen_new(fm->gen, 1024);
	m->gen->depth = fm->gen->depth + 1;
	m->gen->chain_bytes = fm->gen->depth > 0 ? fm->gen->chain_bytes : 0;
	blk_hold(m->org_by_code);
	blk_hold(m->collab_by_key);
	blk_hold(m->domain_by_key);
	blk_hold(m->source_by_key);
	blk_hold(m->org_by_id);
	blk_hold(m->collab_by_id);
	blk_hold(s->sources);
	blk_hold(s->domains);
	blk_hold(s->orgs);
	blk_hold(s->collabs);
	blk_hold(s->parts);
	blk_hold(s->org_changed);
	blk_hold(s->collab_changed);
	s->mem = m;
	s->version = version;
	snprintf(s->etag, sizeof s->etag, "\"v%llu-%s\"", (unsigned long long)version, s->today);
	return s;
}

/* Give s its own copy of the array *arr (n records of size bytes, room for
 * extra more) unless it already is the only holder. */
static void own_array(void **arr, int n, int extra, size_t size, int *cap)
{
	if (!*arr && n + extra == 0)
		return;
	if (*arr && atomic_load_explicit(&blk_of(*arr)->refs, memory_order_acquire) == 1 &&
	    n + extra <= *cap)
		return;
	void *copy = blk_realloc(NULL, (size_t)(n + extra > 0 ? n + extra : 1), size);
	if (n > 0)
		memcpy(copy, *arr, (size_t)n * size);
	blk_release(*arr);
	*arr = copy;
	*cap = n + extra;
}

void snapshot_own_orgs(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	own_array((void **)&s->orgs, s->n_orgs, 0, sizeof *s->orgs, &m->cap_orgs);
}

void snapshot_own_collabs(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	own_array((void **)&s->collabs, s->n_collabs, 0, sizeof *s->collabs, &m->cap_collabs);
}

void snapshot_own_domains(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	own_array((void **)&s->domains, s->n_domains, 0, sizeof *s->domains, &m->cap_domains);
}

void snapshot_own_parts(struct snapshot *s, int extra)
{
	struct snap_mem *m = s->mem;
	own_array((void **)&s->parts, s->n_parts, extra, sizeof *s->parts, &m->cap_parts);
}

void snapshot_own_changed(struct snapshot *s)
{
	int cap_o = 0, cap_c = 0;
	own_array((void **)&s->org_changed, s->n_orgs, 0, sizeof *s->org_changed, &cap_o);
	own_array((void **)&s->collab_changed, s->n_collabs, 0, sizeof *s->collab_changed, &cap_c);
}

void *snapshot_array_new(size_t count, size_t size)
{
	return blk_realloc(NULL, count > 0 ? count : 1, size);
}

static int *build_key_index(const struct snapshot *s, int n,
			    const char *(*fn)(const struct snapshot *, int));
static int *build_id_index(const struct snapshot *s, int n,
			   int64_t (*fn)(const struct snapshot *, int));
static const char *key_org(const struct snapshot *s, int i);
static const char *key_collab(const struct snapshot *s, int i);
static int64_t id_org(const struct snapshot *s, int i);
static int64_t id_collab(const struct snapshot *s, int i);

void snapshot_set_orgs(struct snapshot *s, struct organisation *arr, int n, uint64_t *changed)
{
	struct snap_mem *m = s->mem;
	blk_release(s->orgs);
	blk_release(s->org_changed);
	blk_release(m->org_by_code);
	blk_release(m->org_by_id);
	s->orgs = arr;
	s->n_orgs = n;
	m->cap_orgs = n;
	s->org_changed = changed;
	m->org_by_code = build_key_index(s, n, key_org);
	m->org_by_id = build_id_index(s, n, id_org);
}

void snapshot_set_collabs(struct snapshot *s, struct collaboration *arr, int n, uint64_t *changed)
{
	struct snap_mem *m = s->mem;
	blk_release(s->collabs);
	blk_release(s->collab_changed);
	blk_release(m->collab_by_key);
	blk_release(m->collab_by_id);
	s->collabs = arr;
	s->n_collabs = n;
	m->cap_collabs = n;
	s->collab_changed = changed;
	m->collab_by_key = build_key_index(s, n, key_collab);
	m->collab_by_id = build_id_index(s, n, id_collab);
}

void *snapshot_alloc(struct snapshot *s, size_t count, size_t size)
{
	struct snap_mem *m = s->mem;
	return arena_calloc(m->gen->arena, count, size);
}

void snapshot_seal(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	if (m->gen->depth > 0)
		m->gen->chain_bytes += arena_bytes(m->gen->arena);
}

int snapshot_chain_depth(const struct snapshot *s)
{
	const struct snap_mem *m = s->mem;
	return m->gen->depth;
}

size_t snapshot_chain_bytes(const struct snapshot *s)
{
	const struct snap_mem *m = s->mem;
	return m->gen->chain_bytes;
}

char *snapshot_str(struct snapshot *s, const char *str)
{
	struct snap_mem *m = s->mem;
	return arena_strdup(m->gen->arena, str ? str : "");
}

#define ADD(arr, n, cap)                                                                           \
	do {                                                                                       \
		if ((n) == (cap)) {                                                                \
			(cap) = (cap) ? (cap)*2 : 64;                                              \
			(arr) = blk_realloc((arr), (size_t)(cap), sizeof *(arr));                  \
		}                                                                                  \
		memset(&(arr)[(n)], 0, sizeof *(arr));                                             \
		return &(arr)[(n)++];                                                              \
	} while (0)

struct source *snapshot_add_source(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	ADD(s->sources, s->n_sources, m->cap_sources);
}

struct domain *snapshot_add_domain(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	ADD(s->domains, s->n_domains, m->cap_domains);
}

struct organisation *snapshot_add_org(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	ADD(s->orgs, s->n_orgs, m->cap_orgs);
}

struct collaboration *snapshot_add_collab(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	ADD(s->collabs, s->n_collabs, m->cap_collabs);
}

struct participation *snapshot_add_part(struct snapshot *s)
{
	struct snap_mem *m = s->mem;
	ADD(s->parts, s->n_parts, m->cap_parts);
}

void snapshot_collab_set_domains(struct snapshot *s, struct collaboration *c, const int *ids, int n)
{
	struct snap_mem *m = s->mem;
	c->domains = arena_calloc(m->gen->arena, (size_t)(n > 0 ? n : 1), sizeof(int));
	if (n > 0)
		memcpy(c->domains, ids, (size_t)n * sizeof(int));
	c->n_domains = n;
}

bool period_contains(const char *from, const char *to, const char *day)
{
	if (!str_empty(from) && strcmp(from, day) > 0)
		return false;
	if (!str_empty(to) && strcmp(to, day) <= 0)
		return false;
	return true;
}

bool snapshot_org_existed(const struct organisation *o, const char *date)
{
	return period_contains(o->valid_from, o->valid_to, date);
}

bool snapshot_collab_active_on(const struct collaboration *c, const char *date)
{
	if (!period_contains(c->start_date, c->end_date, date))
		return false;
	/* "beëindigd" with a known end date after D: it still ran on D */
	return c->phase != PHASE_BEEINDIGD ||
	       (!str_empty(c->end_date) && strcmp(c->end_date, date) > 0);
}

bool snapshot_part_active_on(const struct participation *p, const struct organisation *o,
			     const char *date)
{
	return period_contains(p->joined, p->left, date) && snapshot_org_existed(o, date);
}

/* qsort has no context argument in C11; the snapshot being finished is
 * passed through this thread-local pointer during the sort only. */
static _Thread_local const struct snapshot *sort_snap;

int snapshot_cmp_org(const struct organisation *x, const struct organisation *y)
{
	int c = str_collate_nl(x->name, y->name);
	return c ? c : strcmp(x->code, y->code);
}

int snapshot_cmp_collab(const struct collaboration *x, const struct collaboration *y)
{
	int c = str_collate_nl(x->name, y->name);
	return c ? c : strcmp(x->key, y->key);
}

static int cmp_org(const void *a, const void *b)
{
	return snapshot_cmp_org(a, b);
}

static int cmp_collab(const void *a, const void *b)
{
	return snapshot_cmp_collab(a, b);
}

static int cmp_domain(const void *a, const void *b)
{
	const struct domain *x = a, *y = b;
	return str_collate_nl(x->name, y->name);
}

static int cmp_part_in_collab(const void *a, const void *b)
{
	const struct participation *x = &sort_snap->parts[*(const int *)a];
	const struct participation *y = &sort_snap->parts[*(const int *)b];
	if (x->active != y->active)
		return x->active ? -1 : 1;
	if (x->organisation != y->organisation)
		return x->organisation - y->organisation; /* orgs are sorted by name */
	return (x->id > y->id) - (x->id < y->id);
}

static int cmp_part_in_org(const void *a, const void *b)
{
	const struct participation *x = &sort_snap->parts[*(const int *)a];
	const struct participation *y = &sort_snap->parts[*(const int *)b];
	if (x->collaboration != y->collaboration)
		return x->collaboration - y->collaboration;
	return (x->id > y->id) - (x->id < y->id);
}

/* Map a database id to an array index by binary search over sorted ids. */
struct idmap {
	int64_t id;
	int idx;
};

static int cmp_idmap(const void *a, const void *b)
{
	const struct idmap *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int idmap_find(const struct idmap *map, int n, int64_t id)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (map[mid].id == id)
			return map[mid].idx;
		if (map[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

#define BUILD_MAP(map, arr, n)                                                                     \
	do {                                                                                       \
		(map) = xcalloc((size_t)((n) > 0 ? (n) : 1), sizeof *(map));                       \
		for (int i_ = 0; i_ < (n); i_++) {                                                 \
			(map)[i_].id = (arr)[i_].id;                                               \
			(map)[i_].idx = i_;                                                        \
		}                                                                                  \
		if ((n) > 0)                                                                       \
			qsort((map), (size_t)(n), sizeof *(map), cmp_idmap);                       \
	} while (0)

/* Resolve *ref from an id to an index; -1 stays -1. */
static int resolve(int *ref, const struct idmap *map, int n, const char *what, char *err,
		   size_t errlen)
{
	if (*ref < 0) {
		*ref = -1;
		return 0;
	}
	int idx = idmap_find(map, n, *ref);
	if (idx < 0) {
		snprintf(err, errlen, "%s %d bestaat niet", what, *ref);
		return -1;
	}
	*ref = idx;
	return 0;
}

static const char *key_org(const struct snapshot *s, int i)
{
	return s->orgs[i].code;
}
static const char *key_collab(const struct snapshot *s, int i)
{
	return s->collabs[i].key;
}
static const char *key_domain(const struct snapshot *s, int i)
{
	return s->domains[i].key;
}
static const char *key_source(const struct snapshot *s, int i)
{
	return s->sources[i].key;
}

static _Thread_local const char *(*sort_keyfn)(const struct snapshot *, int);

static int cmp_keyidx(const void *a, const void *b)
{
	return strcmp(sort_keyfn(sort_snap, *(const int *)a),
		      sort_keyfn(sort_snap, *(const int *)b));
}

static int *build_key_index(const struct snapshot *s, int n,
			    const char *(*fn)(const struct snapshot *, int))
{
	int *idx = blk_realloc(NULL, (size_t)(n > 0 ? n : 1), sizeof(int));
	for (int i = 0; i < n; i++)
		idx[i] = i;
	sort_snap = s;
	sort_keyfn = fn;
	qsort(idx, (size_t)n, sizeof(int), cmp_keyidx);
	return idx;
}

static int find_key(const struct snapshot *s, const int *idx, int n,
		    const char *(*fn)(const struct snapshot *, int), const char *key)
{
	if (!key)
		return -1;
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(fn(s, idx[mid]), key);
		if (c == 0)
			return idx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int64_t id_org(const struct snapshot *s, int i)
{
	return s->orgs[i].id;
}
static int64_t id_collab(const struct snapshot *s, int i)
{
	return s->collabs[i].id;
}

static _Thread_local int64_t (*sort_idfn)(const struct snapshot *, int);

static int cmp_ididx(const void *a, const void *b)
{
	int64_t x = sort_idfn(sort_snap, *(const int *)a),
		y = sort_idfn(sort_snap, *(const int *)b);
	return (x > y) - (x < y);
}

static int *build_id_index(const struct snapshot *s, int n,
			   int64_t (*fn)(const struct snapshot *, int))
{
	int *idx = blk_realloc(NULL, (size_t)(n > 0 ? n : 1), sizeof(int));
	for (int i = 0; i < n; i++)
		idx[i] = i;
	sort_snap = s;
	sort_idfn = fn;
	if (n > 0)
		qsort(idx, (size_t)n, sizeof(int), cmp_ididx);
	return idx;
}

static int find_id(const struct snapshot *s, const int *idx, int n,
		   int64_t (*fn)(const struct snapshot *, int), int64_t id)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int64_t v = fn(s, idx[mid]);
		if (v == id)
			return idx[mid];
		if (v < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int snapshot_org_by_id(const struct snapshot *s, int64_t id)
{
	const struct snap_mem *m = s->mem;
	return find_id(s, m->org_by_id, s->n_orgs, id_org, id);
}

int snapshot_collab_by_id(const struct snapshot *s, int64_t id)
{
	const struct snap_mem *m = s->mem;
	return find_id(s, m->collab_by_id, s->n_collabs, id_collab, id);
}

int snapshot_part_by_id(const struct snapshot *s, int64_t id)
{
	/* participations are kept in id order */
	int lo = 0, hi = s->n_parts - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (s->parts[mid].id == id)
			return mid;
		if (s->parts[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int snapshot_find_org(const struct snapshot *s, const char *code)
{
	const struct snap_mem *m = s->mem;
	return find_key(s, m->org_by_code, s->n_orgs, key_org, code);
}

int snapshot_find_collab(const struct snapshot *s, const char *key)
{
	const struct snap_mem *m = s->mem;
	return find_key(s, m->collab_by_key, s->n_collabs, key_collab, key);
}

int snapshot_find_domain(const struct snapshot *s, const char *key)
{
	const struct snap_mem *m = s->mem;
	return find_key(s, m->domain_by_key, s->n_domains, key_domain, key);
}

int snapshot_find_source(const struct snapshot *s, const char *key)
{
	const struct snap_mem *m = s->mem;
	return find_key(s, m->source_by_key, s->n_sources, key_source, key);
}

int snapshot_find_part(const struct snapshot *s, int ci, const char *pid)
{
	long id;
	if (ci < 0 || !pid || !parse_long(pid, 1, 0x7fffffffL, &id))
		return -1;
	const struct collaboration *c = &s->collabs[ci];
	for (int k = 0; k < c->n_parts; k++)
		if (s->parts[c->parts[k]].id == id)
			return c->parts[k];
	return -1;
}

static void update_range(char lo[11], char hi[11], const char *d)
{
	if (!is_iso_date(d))
		return;
	if (!lo[0] || strcmp(d, lo) < 0)
		memcpy(lo, d, 11);
	if (!hi[0] || strcmp(d, hi) > 0)
		memcpy(hi, d, 11);
}

void snapshot_sort_collab_parts(const struct snapshot *s, int *parts, int n)
{
	sort_snap = s;
	if (n > 1)
		qsort(parts, (size_t)n, sizeof(int), cmp_part_in_collab);
}

void snapshot_sort_org_parts(const struct snapshot *s, int *parts, int n)
{
	sort_snap = s;
	if (n > 1)
		qsort(parts, (size_t)n, sizeof(int), cmp_part_in_org);
}

void snapshot_confirmed_range(struct snapshot *s)
{
	struct snapshot_stats *st = &s->stats;
	st->oldest_confirmed[0] = st->newest_confirmed[0] = '\0';
	for (int i = 0; i < s->n_orgs; i++)
		update_range(st->oldest_confirmed, st->newest_confirmed, s->orgs[i].last_confirmed);
	for (int i = 0; i < s->n_collabs; i++)
		update_range(st->oldest_confirmed, st->newest_confirmed,
			     s->collabs[i].last_confirmed);
}

void snapshot_at(struct snapshot *s, const char *date)
{
	snprintf(s->today, sizeof s->today, "%s", date);
	snprintf(s->etag, sizeof s->etag, "\"v%llu-%s\"", (unsigned long long)s->version, date);
	for (int i = 0; i < s->n_orgs; i++) {
		struct organisation *o = &s->orgs[i];
		/* a known end date decides; without one the recorded flag does */
		o->ended =
		    str_empty(o->valid_to) ? o->recorded_ended : strcmp(o->valid_to, date) <= 0;
		o->n_active_collabs = 0;
	}
	for (int i = 0; i < s->n_domains; i++)
		s->domains[i].n_active = 0;
	for (int i = 0; i < s->n_collabs; i++) {
		struct collaboration *c = &s->collabs[i];
		c->active = snapshot_collab_active_on(c, date);
		c->n_active_parts = 0;
	}
	for (int i = 0; i < s->n_parts; i++) {
		struct participation *p = &s->parts[i];
		struct collaboration *c = &s->collabs[p->collaboration];
		struct organisation *o = &s->orgs[p->organisation];
		p->active = snapshot_part_active_on(p, o, date);
		if (p->active) {
			c->n_active_parts++;
			if (c->active)
				o->n_active_collabs++;
		}
	}
	/* active participants first: the order depends on the date */
	for (int i = 0; i < s->n_collabs; i++)
		snapshot_sort_collab_parts(s, s->collabs[i].parts, s->collabs[i].n_parts);

	struct snapshot_stats *st = &s->stats;
	memset(st, 0, sizeof *st);
	for (int i = 0; i < s->n_orgs; i++)
		st->n_orgs_by_kind[s->orgs[i].kind]++;
	snapshot_confirmed_range(s);
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[i];
		if (!c->active) {
			st->n_ended++;
			continue;
		}
		st->n_active++;
		st->n_active_by_kind[c->kind]++;
		st->n_active_by_form[c->legal_form]++;
		for (int k = 0; k < c->n_domains; k++)
			s->domains[c->domains[k]].n_active++;
	}
	for (int i = 0; i < s->n_parts; i++)
		if (s->parts[i].active && s->collabs[s->parts[i].collaboration].active)
			st->n_participations++;
}

int snapshot_finish(struct snapshot *s, const char *today, char *err, size_t errlen)
{
	struct snap_mem *m = s->mem;
	struct idmap *msrc = NULL, *mdom = NULL, *morg = NULL, *mcol = NULL;
	int rc = -1;

	/* qsort(NULL, 0, ...) is undefined: an empty table has a NULL array */
	if (s->n_orgs > 0)
		qsort(s->orgs, (size_t)s->n_orgs, sizeof *s->orgs, cmp_org);
	if (s->n_collabs > 0)
		qsort(s->collabs, (size_t)s->n_collabs, sizeof *s->collabs, cmp_collab);
	if (s->n_domains > 0)
		qsort(s->domains, (size_t)s->n_domains, sizeof *s->domains, cmp_domain);
	BUILD_MAP(msrc, s->sources, s->n_sources);
	BUILD_MAP(mdom, s->domains, s->n_domains);
	BUILD_MAP(morg, s->orgs, s->n_orgs);
	BUILD_MAP(mcol, s->collabs, s->n_collabs);

	for (int i = 0; i < s->n_orgs; i++) {
		struct organisation *o = &s->orgs[i];
		if (resolve(&o->successor, morg, s->n_orgs, "opvolger", err, errlen) ||
		    resolve(&o->collaboration, mcol, s->n_collabs, "samenwerkingsverband", err,
			    errlen) ||
		    resolve(&o->source, msrc, s->n_sources, "bron", err, errlen))
			goto out;
	}
	for (int i = 0; i < s->n_collabs; i++) {
		struct collaboration *c = &s->collabs[i];
		if (resolve(&c->source, msrc, s->n_sources, "bron", err, errlen))
			goto out;
		c->domain_mask = 0;
		for (int k = 0; k < c->n_domains; k++) {
			if (resolve(&c->domains[k], mdom, s->n_domains, "beleidsdomein", err,
				    errlen))
				goto out;
			if (c->domains[k] < 64)
				c->domain_mask |= (uint64_t)1 << c->domains[k];
		}
	}
	for (int i = 0; i < s->n_parts; i++) {
		struct participation *p = &s->parts[i];
		if (resolve(&p->collaboration, mcol, s->n_collabs, "samenwerkingsverband", err,
			    errlen) ||
		    resolve(&p->organisation, morg, s->n_orgs, "organisatie", err, errlen) ||
		    resolve(&p->source, msrc, s->n_sources, "bron", err, errlen))
			goto out;
		if (p->collaboration < 0 || p->organisation < 0) {
			snprintf(err, errlen, "deelname %lld zonder verband of organisatie",
				 (long long)p->id);
			goto out;
		}
	}

	/* per-object participation lists */
	for (int i = 0; i < s->n_parts; i++) {
		s->collabs[s->parts[i].collaboration].n_parts++;
		s->orgs[s->parts[i].organisation].n_parts++;
	}
	for (int i = 0; i < s->n_collabs; i++) {
		s->collabs[i].parts =
		    arena_calloc(m->gen->arena, (size_t)s->collabs[i].n_parts + 1, sizeof(int));
		s->collabs[i].n_parts = 0;
	}
	for (int i = 0; i < s->n_orgs; i++) {
		s->orgs[i].parts =
		    arena_calloc(m->gen->arena, (size_t)s->orgs[i].n_parts + 1, sizeof(int));
		s->orgs[i].n_parts = 0;
		if (s->orgs[i].successor >= 0)
			s->orgs[s->orgs[i].successor].n_predecessors++;
	}
	for (int i = 0; i < s->n_orgs; i++) {
		struct organisation *o = &s->orgs[i];
		o->predecessors =
		    arena_calloc(m->gen->arena, (size_t)o->n_predecessors + 1, sizeof(int));
		o->n_predecessors = 0;
	}
	for (int i = 0; i < s->n_orgs; i++) {
		int succ = s->orgs[i].successor;
		if (succ >= 0)
			s->orgs[succ].predecessors[s->orgs[succ].n_predecessors++] = i;
	}
	for (int i = 0; i < s->n_parts; i++) {
		struct participation *p = &s->parts[i];
		struct collaboration *c = &s->collabs[p->collaboration];
		struct organisation *o = &s->orgs[p->organisation];
		c->parts[c->n_parts++] = i;
		o->parts[o->n_parts++] = i;
	}
	for (int i = 0; i < s->n_orgs; i++) {
		s->orgs[i].recorded_ended = s->orgs[i].ended;
		snapshot_sort_org_parts(s, s->orgs[i].parts, s->orgs[i].n_parts);
	}
	snapshot_at(s, today);

	m->org_by_code = build_key_index(s, s->n_orgs, key_org);
	m->collab_by_key = build_key_index(s, s->n_collabs, key_collab);
	m->domain_by_key = build_key_index(s, s->n_domains, key_domain);
	m->source_by_key = build_key_index(s, s->n_sources, key_source);
	m->org_by_id = build_id_index(s, s->n_orgs, id_org);
	m->collab_by_id = build_id_index(s, s->n_collabs, id_collab);
	s->global_changed = s->list_changed = s->version;
	s->org_changed = blk_realloc(NULL, (size_t)s->n_orgs + 1, sizeof(uint64_t));
	s->collab_changed = blk_realloc(NULL, (size_t)s->n_collabs + 1, sizeof(uint64_t));
	for (int i = 0; i < s->n_orgs; i++)
		s->org_changed[i] = s->version;
	for (int i = 0; i < s->n_collabs; i++)
		s->collab_changed[i] = s->version;
	rc = 0;
out:
	free(msrc);
	free(mdom);
	free(morg);
	free(mcol);
	return rc;
}
