/*
 * app/overlap — see overlap.h.
 */
#include "overlap.h"
#include "../lib/arena.h"
#include "../lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

/* Kept results: one, as each takes ~10 MB at national scale. */
#define OVERLAP_KEPT 1

struct analysis {
	struct arena *arena; /* the result (and the analysis' scratch space) */
	struct overlap_result res;
};

struct build_arg {
	const struct snapshot *s;
	const struct overlap_query *q;
};

static struct rm_cache *cache;

static void free_analysis(void *p)
{
	struct analysis *a = p;
	arena_free(a->arena);
	free(a);
	readmodel_trim(); /* ~10 MB, built on whichever worker thread asked first */
}

static int build(void *arg, void **value, uint64_t *version, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	const struct build_arg *b = arg;
	struct analysis *a = xcalloc(1, sizeof *a);
	a->arena = arena_new();
	overlap_analyse(b->s, &b->q->filter, b->q->threshold, a->arena, &a->res);
	overlap_sort_congruence(&a->res, b->q->order);
	*value = a;
	*version = b->s->version;
	return 0;
}

const struct overlap_result *app_overlap(const struct snapshot *s, const struct overlap_query *q,
					 struct rm_shared **hold)
{
	/* everything the result depends on besides the data version: the
	 * snapshot's date and the parsed query (paging is not part of it) */
	const struct collab_filter *f = &q->filter;
	char key[160];
	snprintf(key, sizeof key, "%s|d%d|f%d|p%d|k%d|o%d|s%d|%d|t%lld/%lld|%d", s->today,
		 f->domain, f->legal_form, f->phase, f->kind, f->org, (int)f->status, (int)f->sort,
		 (long long)q->threshold.num, (long long)q->threshold.den, (int)q->order);
	struct build_arg b = {s, q};
	char err[64];
	*hold = rm_cache_get(readmodel_cache(&cache, OVERLAP_KEPT), key, s->version, false, build,
			     free_analysis, &b, err, sizeof err);
	return &((struct analysis *)rm_shared_value(*hold))->res;
}
