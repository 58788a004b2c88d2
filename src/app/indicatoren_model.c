/*
 * indicatoren_model — the indicator read model; see indicatoren_model.h.
 */
#include "indicatoren_model.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "../store/store_indicatoren_model.h"
#include "readmodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- building ------------------------------------------------------------------- */

/* Interned strings: the bundled data has six periods and a few dozen notes
 * for 130,000 values. Open addressing, grown at half full. */
struct intern {
	struct arena *a;
	const char **slots;
	size_t cap, n;
};

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static const char *intern(struct intern *t, const char *s)
{
	if (!*s)
		return "";
	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		const char **slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < t->cap; i++)
			if (t->slots[i]) {
				size_t j = hash(t->slots[i]) & (cap - 1);
				while (slots[j])
					j = (j + 1) & (cap - 1);
				slots[j] = t->slots[i];
			}
		free(t->slots);
		t->slots = slots;
		t->cap = cap;
	}
	size_t j = hash(s) & (t->cap - 1);
	for (; t->slots[j]; j = (j + 1) & (t->cap - 1))
		if (strcmp(t->slots[j], s) == 0)
			return t->slots[j];
	t->n++;
	return t->slots[j] = arena_strdup(t->a, s);
}

struct raw {
	int64_t id;
	const char *code;   /* interned area code */
	const char *period; /* interned: equal periods are equal pointers */
	int ind, area;	    /* resolved after the read */
	struct im_cell cell;
};

struct builder {
	struct indicator_model *m;
	int64_t *ids; /* indicator id per index, sorted, with pos */
	int *pos;
	struct intern strings;
	struct raw *rows;
	size_t n, cap;
};

static int cmp_code(const void *x, const void *y)
{
	return strcmp(((const struct indicator_area *)x)->code,
		      ((const struct indicator_area *)y)->code);
}

static int find_ind(const struct builder *b, int64_t id)
{
	int lo = 0, hi = b->m->n_inds;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (b->ids[mid] == id)
			return b->pos[mid];
		if (b->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void take(void *arg, const struct indicator_scan_row *r)
{
	struct builder *b = arg;
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4096;
		b->rows = xreallocarray(b->rows, b->cap, sizeof *b->rows);
	}
	b->rows[b->n++] = (struct raw){
	    .id = r->indicator_id,
	    .code = intern(&b->strings, r->area),
	    .period = intern(&b->strings, r->period),
	    .cell = {0, r->has, r->value, intern(&b->strings, r->note)},
	};
}

/* Indicator and area indexes of the rows; rows whose indicator or area
 * the read did not return are dropped. */
static void resolve(struct builder *b)
{
	size_t k = 0;
	for (size_t i = 0; i < b->n; i++) {
		struct raw r = b->rows[i];
		r.ind = find_ind(b, r.id);
		r.area = im_area(b->m, r.code);
		if (r.ind < 0 || r.area < 0)
			continue;
		r.cell.area = r.area;
		b->rows[k++] = r;
	}
	b->n = k;
}

static int cmp_raw(const void *x, const void *y)
{
	const struct raw *p = x, *q = y;
	if (p->ind != q->ind)
		return p->ind < q->ind ? -1 : 1;
	int c = p->period == q->period ? 0 : strcmp(p->period, q->period);
	if (c)
		return c;
	return (p->area > q->area) - (p->area < q->area);
}

/* indicator ids with their index, for find_ind */
static void index_ids(struct builder *b)
{
	struct indicator_model *m = b->m;
	b->ids = arena_calloc(m->arena, (size_t)m->n_inds + 1, sizeof *b->ids);
	b->pos = arena_calloc(m->arena, (size_t)m->n_inds + 1, sizeof *b->pos);
	for (int i = 0; i < m->n_inds; i++) {
		int j = i;
		for (; j > 0 && b->ids[j - 1] > m->inds[i].id; j--) {
			b->ids[j] = b->ids[j - 1];
			b->pos[j] = b->pos[j - 1];
		}
		b->ids[j] = m->inds[i].id;
		b->pos[j] = i;
	}
}

static int cmp_by_name(const void *x, const void *y, void *arg)
{
	const struct indicator_model *m = arg;
	const struct indicator_area *p = &m->areas[*(const int *)x];
	const struct indicator_area *q = &m->areas[*(const int *)y];
	int c = strcmp(p->name, q->name);
	return c ? c : strcmp(p->code, q->code);
}

/* The gemeenten by name. */
static void index_names(struct indicator_model *m)
{
	m->by_name = arena_calloc(m->arena, (size_t)m->n_areas + 1, sizeof *m->by_name);
	for (int i = 0; i < m->n_areas; i++)
		if (strcmp(m->areas[i].level, "gemeente") == 0)
			m->by_name[m->n_gemeenten++] = i;
	if (m->n_gemeenten > 1)
		qsort_r(m->by_name, (size_t)m->n_gemeenten, sizeof *m->by_name, cmp_by_name, m);
}

/* rows sorted by indicator, period, area → the series */
static void slice(struct builder *b)
{
	struct indicator_model *m = b->m;
	if (b->n > 1)
		qsort(b->rows, b->n, sizeof *b->rows, cmp_raw);
	m->series = arena_calloc(m->arena, (size_t)m->n_inds + 1, sizeof *m->series);
	m->n_series = arena_calloc(m->arena, (size_t)m->n_inds + 1, sizeof *m->n_series);
	struct im_cell *cells = arena_calloc(m->arena, b->n + 1, sizeof *cells);
	for (size_t i = 0; i < b->n; i++)
		cells[i] = b->rows[i].cell;
	for (size_t i = 0; i < b->n;) {
		int ind = b->rows[i].ind;
		size_t end = i;
		int np = 0;
		for (; end < b->n && b->rows[end].ind == ind; end++)
			np += end == i || b->rows[end].period != b->rows[end - 1].period;
		struct im_period *ps = arena_calloc(m->arena, (size_t)np, sizeof *ps);
		int k = -1;
		for (size_t j = i; j < end; j++) {
			if (j == i || b->rows[j].period != b->rows[j - 1].period)
				ps[++k] = (struct im_period){b->rows[j].period, &cells[j], 0};
			ps[k].n++;
		}
		m->series[ind] = ps;
		m->n_series[ind] = np;
		i = end;
	}
}

static void model_free(void *p)
{
	struct indicator_model *m = p;
	if (!m)
		return;
	arena_free(m->arena);
	free(m);
	readmodel_trim();
}

static int build(void *arg, void **value, uint64_t *version, char *err, size_t errlen)
{
	struct store *st = arg;
	uint64_t t0 = now_usec();
	struct indicator_model *m = xcalloc(1, sizeof *m);
	m->arena = arena_new();
	struct builder b = {.m = m, .strings = {.a = m->arena}};
	int rc = store_indicator_model_read(st, m->arena, &m->stamp, &m->areas, &m->n_areas,
					    &m->inds, &m->n_inds, take, &b);
	if (rc == STORE_OK) {
		if (m->n_areas > 1)
			qsort(m->areas, (size_t)m->n_areas, sizeof *m->areas, cmp_code);
		index_ids(&b);
		index_names(m);
		resolve(&b);
		slice(&b);
	}
	free(b.rows);
	free(b.strings.slots);
	if (rc != STORE_OK) {
		snprintf(err, errlen, "de indicatoren konden niet worden gelezen");
		model_free(m);
		return -1;
	}
	log_info("indicatoren: leesmodel %llu opgebouwd: %d gebieden, %d indicatoren, %zu waarden "
		 "in %.1f ms, %zu KiB",
		 (unsigned long long)m->stamp, m->n_areas, m->n_inds, b.n,
		 (double)(now_usec() - t0) / 1000.0, arena_bytes(m->arena) / 1024);
	*value = m;
	*version = m->stamp;
	return 0;
}

/* ---- reading ---------------------------------------------------------------------- */

static struct rm_cache *cache;

const struct indicator_model *indicatoren_model(struct store *st, struct arena *a)
{
	uint64_t stamp;
	if (store_indicator_stamp(st, &stamp))
		return NULL;
	char err[160] = "";
	struct rm_shared *h = rm_cache_get(readmodel_cache(&cache, 1), "indicatoren", stamp, false,
					   build, model_free, st, err, sizeof err);
	if (!h) {
		log_error("indicatoren: %s", err);
		return NULL;
	}
	arena_on_free(a, rm_shared_release_cb, h);
	return rm_shared_value(h);
}

int im_area(const struct indicator_model *m, const char *code)
{
	int lo = 0, hi = m->n_areas;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(m->areas[mid].code, code);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int im_indicator(const struct indicator_model *m, const char *key)
{
	for (int i = 0; i < m->n_inds; i++)
		if (strcmp(m->inds[i].d.key, key) == 0)
			return i;
	return -1;
}

const struct im_cell *im_cell(const struct im_period *p, int area)
{
	int lo = 0, hi = p->n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (p->cells[mid].area == area)
			return &p->cells[mid];
		if (p->cells[mid].area < area)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
