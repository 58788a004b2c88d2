/*
 * overlap — see overlap.h.
 */
#include "overlap.h"
#include "overlap_blocks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool overlap_threshold_parse(const char *s, struct overlap_threshold *t)
{
	if (!s || (s[0] != '0' && s[0] != '1'))
		return false;
	int64_t num = s[0] - '0', den = 1;
	const char *p = s + 1;
	if (*p == '.' || *p == ',') {
		p++;
		if (!*p)
			return false;
		for (int k = 0; *p; p++, k++) {
			if (k == OVERLAP_MAX_DECIMALS || *p < '0' || *p > '9')
				return false;
			num = num * 10 + (*p - '0');
			den *= 10;
		}
	}
	if (*p || num > den)
		return false;
	t->num = num;
	t->den = den;
	return true;
}

double overlap_threshold_value(struct overlap_threshold t)
{
	return t.den > 0 ? (double)t.num / (double)t.den : 0.0;
}

/* ---- small helpers ------------------------------------------------------ */

/*
 * The hot loops are built twice on x86-64 with GCC: once for the baseline
 * ISA and once with the POPCNT instruction, chosen once at load time
 * (ifunc). Without it every popcount is a libgcc call (about 40 % of the
 * analysis time in bench/overlap_bench).
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HOT_LOOP __attribute__((target_clones("popcnt", "default")))
#else
#define HOT_LOOP
#endif

static int popcount_and(const uint64_t *x, const uint64_t *y, int words)
{
	int n = 0;
	for (int w = 0; w < words; w++)
		n += __builtin_popcountll(x[w] & y[w]);
	return n;
}

static int popcount(const uint64_t *x, int words)
{
	int n = 0;
	for (int w = 0; w < words; w++)
		n += __builtin_popcountll(x[w]);
	return n;
}

/* A growable array in the arena (old blocks are left to the arena). */
struct vec {
	void *data;
	int n, cap;
};

static void *vec_push(struct arena *a, struct vec *v, size_t elem)
{
	if (v->n == v->cap) {
		int cap = v->cap ? v->cap * 2 : 64;
		void *d = arena_calloc(a, (size_t)cap, elem);
		if (v->n)
			memcpy(d, v->data, (size_t)v->n * elem);
		v->data = d;
		v->cap = cap;
	}
	return (char *)v->data + (size_t)v->n++ * elem;
}

/* qsort has no context argument in C11; the analysis runs on one thread
 * per request, so thread-local context is safe. */
static _Thread_local const uint64_t *sort_bits;
static _Thread_local const int *sort_size;
static _Thread_local int sort_words;

/* Considered positions by size, then bitset contents, then position. */
static int cmp_by_set(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	if (sort_size[a] != sort_size[b])
		return sort_size[a] < sort_size[b] ? -1 : 1;
	const uint64_t *x = sort_bits + (size_t)a * (size_t)sort_words;
	const uint64_t *y = sort_bits + (size_t)b * (size_t)sort_words;
	for (int w = 0; w < sort_words; w++)
		if (x[w] != y[w])
			return x[w] < y[w] ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Compare fractions x1/y1 and x2/y2 (y > 0, or y == 0 meaning 0). */
static int cmp_frac(int64_t x1, int64_t y1, int64_t x2, int64_t y2)
{
	if (y1 == 0)
		x1 = 0, y1 = 1;
	if (y2 == 0)
		x2 = 0, y2 = 1;
	int64_t l = x1 * y2, r = x2 * y1;
	return l < r ? -1 : l > r;
}

static int cmp_pair(const void *pa, const void *pb)
{
	const struct overlap_pair *x = pa, *y = pb;
	int c = cmp_frac(y->inter, y->uni, x->inter, x->uni); /* similarity desc */
	if (c)
		return c;
	if (x->inter != y->inter)
		return x->inter > y->inter ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

static int cmp_int(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	return a < b ? -1 : a > b;
}

static int cmp_group(const void *pa, const void *pb)
{
	const struct overlap_group *x = pa, *y = pb;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if (x->set_size != y->set_size)
		return x->set_size > y->set_size ? -1 : 1;
	return cmp_int(&x->collabs[0], &y->collabs[0]);
}

static int cmp_cpair(const void *pa, const void *pb)
{
	const struct overlap_cpair *x = pa, *y = pb;
	int c = cmp_frac(y->together, y->either, x->together, x->either);
	if (c)
		return c;
	if (x->together != y->together)
		return x->together > y->together ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

static int cmp_div(const void *pa, const void *pb)
{
	const struct overlap_divergence *x = pa, *y = pb;
	if (x->cong != y->cong)
		return x->cong < y->cong ? -1 : 1;
	int c = cmp_frac(x->inter, x->uni, y->inter, y->uni);
	if (c)
		return c;
	if (x->domain_a != y->domain_a)
		return x->domain_a < y->domain_a ? -1 : 1;
	return x->domain_b < y->domain_b ? -1 : x->domain_b > y->domain_b;
}

static bool is_current_muni(const struct organisation *o)
{
	return o->kind == ORG_MUNICIPALITY && !o->ended;
}

/* ---- the analysis ------------------------------------------------------- */

/* Step 1: which collaborations count, and their participant bitsets
 * (considered position k at bits + k * words). */
static uint64_t *collect(const struct snapshot *s, const struct collab_filter *f, struct arena *a,
			 struct overlap_result *r)
{
	int words = r->words;
	uint64_t *bits = arena_calloc(a, (size_t)s->n_collabs * (size_t)words + 1, 8);
	r->size = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	r->considered = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	r->empty = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[i];
		r->size[i] = -1;
		if (!c->active || !collab_filter_match(f, s, i))
			continue;
		uint64_t *set = bits + (size_t)r->n_considered * (size_t)words;
		for (int k = 0; k < c->n_parts; k++) {
			const struct participation *p = &s->parts[c->parts[k]];
			if (p->active && p->organisation >= 0)
				set[p->organisation >> 6] |= 1ull << (p->organisation & 63);
		}
		int n = popcount(set, words);
		if (n == 0) {
			r->empty[r->n_empty++] = i;
			continue;
		}
		r->size[i] = n;
		r->considered[r->n_considered++] = i;
	}
	return bits;
}

/* Steps 2 and 3: identical groups and pairs. cls receives, per considered
 * position, the id of its participant-set class. */
HOT_LOOP static void pairs_and_groups(const struct snapshot *s, struct arena *a,
				      struct overlap_result *r, const uint64_t *bits, int *cls)
{
	int n = r->n_considered, words = r->words;
	int *sz = arena_calloc(a, (size_t)n + 1, sizeof(int));
	int *ord = arena_calloc(a, (size_t)n + 1, sizeof(int));
	for (int k = 0; k < n; k++) {
		sz[k] = r->size[r->considered[k]];
		ord[k] = k;
	}
	sort_bits = bits;
	sort_size = sz;
	sort_words = words;
	qsort(ord, (size_t)n, sizeof(int), cmp_by_set);

	/* sorted copies: contiguous scans in the pair loop */
	uint64_t *sb = arena_calloc(a, (size_t)n * (size_t)words + 1, 8);
	int *ss = arena_calloc(a, (size_t)n + 1, sizeof(int));
	for (int x = 0; x < n; x++) {
		memcpy(sb + (size_t)x * (size_t)words, bits + (size_t)ord[x] * (size_t)words,
		       (size_t)words * 8);
		ss[x] = sz[ord[x]];
	}

	/* identical sets are adjacent after the sort */
	struct vec groups = {0};
	int n_cls = 0;
	for (int x = 0; x < n;) {
		int y = x + 1;
		while (y < n && ss[y] == ss[x] &&
		       memcmp(sb + (size_t)y * (size_t)words, sb + (size_t)x * (size_t)words,
			      (size_t)words * 8) == 0)
			y++;
		for (int z = x; z < y; z++)
			cls[ord[z]] = n_cls;
		n_cls++;
		if (y - x >= 2) {
			struct overlap_group *g = vec_push(a, &groups, sizeof *g);
			g->n = y - x;
			g->set_size = ss[x];
			g->collabs = arena_calloc(a, (size_t)g->n, sizeof(int));
			for (int z = x; z < y; z++)
				g->collabs[z - x] = r->considered[ord[z]];
			qsort(g->collabs, (size_t)g->n, sizeof(int), cmp_int);
		}
		x = y;
	}
	r->groups = groups.data;
	r->n_groups = groups.n;
	if (r->n_groups > 1)
		qsort(r->groups, (size_t)r->n_groups, sizeof *r->groups, cmp_group);

	/* pairs: for |A| <= |B|, J <= |A|/|B|; sizes ascend, so stop at the
	 * first B that is too large */
	int64_t num = r->threshold.num, den = r->threshold.den;
	struct vec pairs = {0};
	for (int x = 0; x < n; x++) {
		const uint64_t *bx = sb + (size_t)x * (size_t)words;
		int64_t sx = ss[x];
		for (int y = x + 1; y < n; y++) {
			int64_t sy = ss[y];
			if (sx * den < num * sy)
				break;
			int inter = popcount_and(bx, sb + (size_t)y * (size_t)words, words);
			if (inter == 0)
				continue;
			int64_t uni = sx + sy - inter;
			if ((int64_t)inter * den < num * uni)
				continue;
			struct overlap_pair *p = vec_push(a, &pairs, sizeof *p);
			int ca = r->considered[ord[x]], cb = r->considered[ord[y]];
			if (ca > cb) {
				int t = ca;
				ca = cb;
				cb = t;
			}
			p->a = ca;
			p->b = cb;
			p->size_a = r->size[ca];
			p->size_b = r->size[cb];
			p->inter = inter;
			p->uni = (int)uni;
			p->jaccard = (double)inter / (double)uni;
			const struct collaboration *A = &s->collabs[ca], *B = &s->collabs[cb];
			for (int i = 0; i < A->n_domains; i++)
				for (int j = 0; j < B->n_domains; j++)
					if (A->domains[i] == B->domains[j]) {
						p->candidate = true;
						if (A->domains[i] < 64)
							p->shared_domains |= 1ull << A->domains[i];
					}
		}
	}
	r->pairs = pairs.data;
	r->n_pairs = pairs.n;
	if (r->n_pairs > 1)
		qsort(r->pairs, (size_t)r->n_pairs, sizeof *r->pairs, cmp_pair);
}

/* Step 4: bestuurlijke drukte per municipality. */
static void munis(const struct snapshot *s, struct arena *a, struct overlap_result *r,
		  const int *cls_of)
{
	int *collab_stamp = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	int *cls_stamp = arena_calloc(a, (size_t)r->n_considered + 1, sizeof(int));
	r->munis = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *r->munis);
	for (int o = 0; o < s->n_orgs; o++) {
		const struct organisation *org = &s->orgs[o];
		if (!is_current_muni(org))
			continue;
		int stamp = r->n_munis + 1;
		struct overlap_muni *m = &r->munis[r->n_munis++];
		m->org = o;
		for (int k = 0; k < org->n_parts; k++) {
			const struct participation *p = &s->parts[org->parts[k]];
			int c = p->collaboration;
			if (!p->active || c < 0 || r->size[c] < 0)
				continue;
			if (p->contribution >= 0) {
				m->contribution += p->contribution;
				m->n_known++;
			}
			if (collab_stamp[c] == stamp)
				continue; /* a second body in the same collaboration */
			collab_stamp[c] = stamp;
			m->n_collabs++;
			if (cls_stamp[cls_of[c]] != stamp) {
				cls_stamp[cls_of[c]] = stamp;
				m->n_configs++;
			}
		}
	}
}

/* Step 5: congruence between in-province municipalities. */
HOT_LOOP static void congruence(const struct snapshot *s, struct arena *a, struct overlap_result *r,
				const int *pos_of)
{
	int n = 0;
	r->cong_orgs = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof(int));
	for (int o = 0; o < s->n_orgs; o++)
		if (is_current_muni(&s->orgs[o]) && s->orgs[o].in_province)
			r->cong_orgs[n++] = o;
	r->n_cong = n;
	int cw = (r->n_considered + 63) / 64;
	uint64_t *cb = arena_calloc(a, (size_t)n * (size_t)cw + 1, 8);
	int *cnt = arena_calloc(a, (size_t)n + 1, sizeof(int));
	for (int g = 0; g < n; g++) {
		const struct organisation *org = &s->orgs[r->cong_orgs[g]];
		uint64_t *set = cb + (size_t)g * (size_t)cw;
		for (int k = 0; k < org->n_parts; k++) {
			const struct participation *p = &s->parts[org->parts[k]];
			int c = p->collaboration;
			if (!p->active || c < 0 || r->size[c] < 0)
				continue;
			set[pos_of[c] >> 6] |= 1ull << (pos_of[c] & 63);
		}
		cnt[g] = popcount(set, cw);
	}
	r->together = arena_calloc(a, (size_t)n * (size_t)n + 1, sizeof(int));
	r->either = arena_calloc(a, (size_t)n * (size_t)n + 1, sizeof(int));
	r->n_cpairs = n * (n - 1) / 2;
	r->cpairs = arena_calloc(a, (size_t)r->n_cpairs + 1, sizeof *r->cpairs);
	int k = 0;
	for (int i = 0; i < n; i++) {
		r->together[(size_t)i * n + i] = r->either[(size_t)i * n + i] = cnt[i];
		for (int j = i + 1; j < n; j++) {
			int t = popcount_and(cb + (size_t)i * (size_t)cw,
					     cb + (size_t)j * (size_t)cw, cw);
			int e = cnt[i] + cnt[j] - t;
			r->together[(size_t)i * n + j] = r->together[(size_t)j * n + i] = t;
			r->either[(size_t)i * n + j] = r->either[(size_t)j * n + i] = e;
			struct overlap_cpair *cp = &r->cpairs[k++];
			cp->a = i;
			cp->b = j;
			cp->together = t;
			cp->either = e;
			cp->share = e ? (double)t / (double)e : 0.0;
		}
	}
	if (r->n_cpairs > 1)
		qsort(r->cpairs, (size_t)r->n_cpairs, sizeof *r->cpairs, cmp_cpair);
}

/* Step 6: partner gemeenten per domain and the domains where they differ. */
HOT_LOOP static void divergence(const struct snapshot *s, struct arena *a, struct overlap_result *r,
				const uint64_t *bits)
{
	int words = r->words, nd = s->n_domains;
	r->n_domains = nd;
	int *cong_of = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof(int));
	for (int o = 0; o < s->n_orgs; o++)
		cong_of[o] = -1;
	for (int g = 0; g < r->n_cong; g++)
		cong_of[r->cong_orgs[g]] = g;
	uint64_t *mask = arena_calloc(a, (size_t)words + 1, 8);
	for (int o = 0; o < s->n_orgs; o++)
		if (is_current_muni(&s->orgs[o]))
			mask[o >> 6] |= 1ull << (o & 63);
	size_t per_g = (size_t)nd * (size_t)words;
	r->partners = arena_calloc(a, (size_t)r->n_cong * per_g + 1, 8);

	for (int k = 0; k < r->n_considered; k++) {
		const struct collaboration *c = &s->collabs[r->considered[k]];
		const uint64_t *set = bits + (size_t)k * (size_t)words;
		for (int q = 0; q < c->n_parts; q++) {
			const struct participation *p = &s->parts[c->parts[q]];
			if (!p->active || p->organisation < 0 || cong_of[p->organisation] < 0)
				continue;
			uint64_t *pg = r->partners + (size_t)cong_of[p->organisation] * per_g;
			for (int d = 0; d < c->n_domains; d++) {
				uint64_t *pd = pg + (size_t)c->domains[d] * (size_t)words;
				for (int w = 0; w < words; w++)
					pd[w] |= set[w];
			}
		}
	}

	struct vec divs = {0};
	int *cnt = arena_calloc(a, (size_t)nd + 1, sizeof(int));
	for (int g = 0; g < r->n_cong; g++) {
		uint64_t *pg = r->partners + (size_t)g * per_g;
		int self = r->cong_orgs[g];
		for (int d = 0; d < nd; d++) {
			uint64_t *pd = pg + (size_t)d * (size_t)words;
			for (int w = 0; w < words; w++)
				pd[w] &= mask[w];
			pd[self >> 6] &= ~(1ull << (self & 63));
			cnt[d] = popcount(pd, words);
		}
		for (int d1 = 0; d1 < nd; d1++) {
			if (!cnt[d1])
				continue;
			for (int d2 = d1 + 1; d2 < nd; d2++) {
				if (!cnt[d2])
					continue;
				int inter = popcount_and(pg + (size_t)d1 * (size_t)words,
							 pg + (size_t)d2 * (size_t)words, words);
				int uni = cnt[d1] + cnt[d2] - inter;
				if ((double)inter >= OVERLAP_DIVERGENCE * (double)uni)
					continue;
				struct overlap_divergence *dv = vec_push(a, &divs, sizeof *dv);
				dv->cong = g;
				dv->domain_a = d1;
				dv->domain_b = d2;
				dv->n_a = cnt[d1];
				dv->n_b = cnt[d2];
				dv->inter = inter;
				dv->uni = uni;
				dv->jaccard = (double)inter / (double)uni;
			}
		}
	}
	r->divs = divs.data;
	r->n_divs = divs.n;
	if (r->n_divs > 1)
		qsort(r->divs, (size_t)r->n_divs, sizeof *r->divs, cmp_div);
}

int overlap_analyse(const struct snapshot *s, const struct collab_filter *f,
		    struct overlap_threshold t, struct arena *a, struct overlap_result *out)
{
	memset(out, 0, sizeof *out);
	out->threshold = t;
	out->n_orgs = s->n_orgs;
	out->words = (s->n_orgs + 63) / 64;
	if (out->words == 0)
		out->words = 1;

	uint64_t *bits = collect(s, f, a, out);

	/* considered position and set class per collaboration index */
	int *pos_of = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	int *cls_of = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	int *cls = arena_calloc(a, (size_t)out->n_considered + 1, sizeof(int));
	for (int k = 0; k < out->n_considered; k++)
		pos_of[out->considered[k]] = k;

	pairs_and_groups(s, a, out, bits, cls);
	for (int k = 0; k < out->n_considered; k++)
		cls_of[out->considered[k]] = cls[k];
	munis(s, a, out, cls_of);
	congruence(s, a, out, pos_of);
	divergence(s, a, out, bits);
	return 0;
}

const uint64_t *overlap_partners(const struct overlap_result *r, int cong, int d)
{
	return r->partners + ((size_t)cong * (size_t)r->n_domains + (size_t)d) * (size_t)r->words;
}

double overlap_congruence(const struct overlap_result *r, int i, int j)
{
	int e = r->either[(size_t)i * (size_t)r->n_cong + (size_t)j];
	return e ? (double)r->together[(size_t)i * (size_t)r->n_cong + (size_t)j] / (double)e : 0.0;
}

/* ---- query -------------------------------------------------------------- */

const char *const overlap_query_keys[] = {"drempel", "beleidsdomein", "juridischeVorm", "fase",
					  "soort",   "status",	      "sorteer",	NULL};

void overlap_query_init(struct overlap_query *q)
{
	collab_filter_init(&q->filter, 20);
	q->threshold = OVERLAP_DEFAULT_THRESHOLD;
	q->order = OVERLAP_ORDER_SHARE_DESC;
}

int overlap_query_set(struct overlap_query *q, const struct snapshot *s, const char *name,
		      const char *value, char *msg, size_t msglen)
{
	if (strcmp(name, "drempel") == 0) {
		if (!overlap_threshold_parse(value, &q->threshold)) {
			snprintf(msg, msglen,
				 "De parameter 'drempel' moet een getal van 0 tot en met 1 zijn, "
				 "met een punt of komma en hoogstens %d decimalen (bijvoorbeeld "
				 "0,8).",
				 OVERLAP_MAX_DECIMALS);
			return -1;
		}
		return 0;
	}
	if (strcmp(name, "status") == 0) {
		if (strcmp(value, "actief") != 0) {
			snprintf(msg, msglen,
				 "De overlapanalyse kijkt alleen naar actieve "
				 "samenwerkingsverbanden: de parameter 'status' kan alleen "
				 "'actief' zijn.");
			return -1;
		}
		return 0;
	}
	if (strcmp(name, "sorteer") == 0) {
		if (strcmp(value, "-aandeel") == 0)
			q->order = OVERLAP_ORDER_SHARE_DESC;
		else if (strcmp(value, "aandeel") == 0)
			q->order = OVERLAP_ORDER_SHARE_ASC;
		else if (strcmp(value, "gemeente") == 0)
			q->order = OVERLAP_ORDER_NAME;
		else {
			snprintf(msg, msglen,
				 "De waarde '%.80s' is niet geldig voor de parameter 'sorteer' "
				 "(kies -aandeel, aandeel of gemeente).",
				 value);
			return -1;
		}
		return 0;
	}
	if (strcmp(name, "beleidsdomein") == 0 || strcmp(name, "juridischeVorm") == 0 ||
	    strcmp(name, "fase") == 0 || strcmp(name, "soort") == 0)
		return collab_filter_set(&q->filter, s, name, value, msg, msglen);
	return 1;
}

static int cmp_cpair_asc(const void *pa, const void *pb)
{
	const struct overlap_cpair *x = pa, *y = pb;
	int c = cmp_frac(x->together, x->either, y->together, y->either);
	if (c)
		return c;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

static int cmp_cpair_name(const void *pa, const void *pb)
{
	const struct overlap_cpair *x = pa, *y = pb;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

void overlap_sort_congruence(struct overlap_result *r, enum overlap_order order)
{
	if (r->n_cpairs < 2)
		return;
	qsort(r->cpairs, (size_t)r->n_cpairs, sizeof *r->cpairs,
	      order == OVERLAP_ORDER_SHARE_ASC ? cmp_cpair_asc
	      : order == OVERLAP_ORDER_NAME    ? cmp_cpair_name
					       : cmp_cpair);
}

/* ---- seriation ------------------------------------------------------------------ */

int overlap_seriate(const struct snapshot *s, const struct overlap_result *r, struct arena *a,
		    struct overlap_seriation *out)
{
	*out = (struct overlap_seriation){.n = r->n_cong};
	int n = r->n_cong;
	double *sim = arena_calloc(a, (size_t)n * (size_t)n + 1, sizeof(double));
	int *pos_of = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof(int));
	if (!sim || !pos_of)
		return -1;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			sim[(size_t)i * (size_t)n + (size_t)j] =
			    i == j ? 0 : overlap_congruence(r, i, j);
	struct overlap_blocks b;
	if (overlap_blocks_compute(sim, n, OVERLAP_BLOCK_CUT, a, &b) < 0)
		return -1;
	out->order = b.order;
	out->block = b.block;
	out->n_blocks = b.n_blocks;
	out->cohesion = b.cohesion;
	out->named_after = arena_calloc(a, (size_t)b.n_blocks + 1, sizeof(int));
	out->size = arena_calloc(a, (size_t)b.n_blocks + 1, sizeof(int));
	double *best = arena_calloc(a, (size_t)b.n_blocks + 1, sizeof(double));
	int *inter = arena_calloc(a, (size_t)b.n_blocks + 1, sizeof(int));
	if (!out->named_after || !out->size || !best || !inter)
		return -1;
	for (int i = 0; i < s->n_orgs; i++)
		pos_of[i] = -1;
	for (int i = 0; i < n; i++) {
		pos_of[r->cong_orgs[i]] = i;
		out->size[b.block[i]]++;
	}
	for (int k = 0; k < b.n_blocks; k++)
		out->named_after[k] = -1;
	/* name each block after the considered collaboration (name order) whose
	 * in-province gemeenten are most like it */
	for (int k = 0; k < r->n_considered; k++) {
		const struct collaboration *c = &s->collabs[r->considered[k]];
		int members = 0, last = -1;
		memset(inter, 0, (size_t)b.n_blocks * sizeof(int));
		for (int q = 0; q < c->n_parts; q++) {
			const struct participation *p = &s->parts[c->parts[q]];
			if (!p->active || p->organisation == last || pos_of[p->organisation] < 0)
				continue;
			last = p->organisation;
			members++;
			inter[b.block[pos_of[p->organisation]]]++;
		}
		for (int g = 0; g < b.n_blocks; g++) {
			if (out->size[g] < 2 || inter[g] == 0)
				continue;
			double j = (double)inter[g] / (members + out->size[g] - inter[g]);
			if (j >= 0.5 && j > best[g] + 1e-12) {
				best[g] = j;
				out->named_after[g] = r->considered[k];
			}
		}
	}
	return 0;
}
