/*
 * network — see network.h. Two passes over the organisations'
 * participations: mark what takes part, then number nodes and edges.
 */
#include "network.h"
#include "labels.h"
#include "overlap_blocks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool network_default_org(const struct organisation *o)
{
	return o->in_province && !o->ended;
}

int network_find(const struct network *n, enum net_node_kind kind, int index)
{
	for (int i = 0; i < n->n_nodes; i++)
		if (n->nodes[i].kind == kind && n->nodes[i].index == index)
			return i;
	return -1;
}

int network_build(const struct snapshot *s, const struct collab_filter *f, bool all_orgs,
		  struct arena *a, struct network *out)
{
	struct collab_filter active = *f;
	active.status = STATUS_ACTIVE;
	*out = (struct network){0};

	int *collab_node = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	int *org_node = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof(int));
	bool *collab_ok = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(bool));
	if (!collab_node || !org_node || !collab_ok)
		return -1;
	for (int i = 0; i < s->n_collabs; i++) {
		collab_ok[i] = s->collabs[i].active && collab_filter_match(&active, s, i);
		collab_node[i] = -1;
	}

	/* pass 1: which organisations and collaborations have an edge */
	int n_edges = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		org_node[i] = -1;
		if (!all_orgs && !network_default_org(o))
			continue;
		for (int k = 0; k < o->n_parts; k++) {
			const struct participation *p = &s->parts[o->parts[k]];
			if (!p->active || !collab_ok[p->collaboration])
				continue;
			n_edges++;
			org_node[i] = 0;
			collab_node[p->collaboration] = 0;
		}
	}

	/* number the nodes: organisations, then collaborations, both in name order */
	int n_nodes = 0, n_orgs = 0;
	for (int i = 0; i < s->n_orgs; i++)
		if (org_node[i] == 0)
			n_orgs++;
	for (int i = 0; i < s->n_collabs; i++)
		if (collab_node[i] == 0)
			n_nodes++;
	n_nodes += n_orgs;
	struct net_node *nodes = arena_calloc(a, (size_t)n_nodes + 1, sizeof *nodes);
	struct net_edge *edges = arena_calloc(a, (size_t)n_edges + 1, sizeof *edges);
	int *adj = arena_calloc(a, 2 * (size_t)n_edges + 1, sizeof(int));
	if (!nodes || !edges || !adj)
		return -1;
	int nn = 0;
	for (int i = 0; i < s->n_orgs; i++)
		if (org_node[i] == 0) {
			org_node[i] = nn;
			nodes[nn++] = (struct net_node){.kind = NET_ORG, .index = i};
		}
	for (int i = 0; i < s->n_collabs; i++)
		if (collab_node[i] == 0) {
			collab_node[i] = nn;
			nodes[nn++] = (struct net_node){.kind = NET_COLLAB, .index = i};
		}

	/* pass 2: the edges, and each node's degree */
	int ne = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		if (org_node[i] < 0)
			continue;
		for (int k = 0; k < o->n_parts; k++) {
			const struct participation *p = &s->parts[o->parts[k]];
			if (!p->active || !collab_ok[p->collaboration])
				continue;
			edges[ne] = (struct net_edge){.org = org_node[i],
						      .collab = collab_node[p->collaboration],
						      .participation = o->parts[k]};
			nodes[edges[ne].org].degree++;
			nodes[edges[ne].collab].degree++;
			ne++;
		}
	}

	/* adjacency: slices of adj, filled in edge order */
	int off = 0;
	for (int i = 0; i < nn; i++) {
		nodes[i].edges = adj + off;
		off += nodes[i].degree;
		nodes[i].degree = 0;
	}
	for (int e = 0; e < ne; e++) {
		struct net_node *no = &nodes[edges[e].org], *nc = &nodes[edges[e].collab];
		no->edges[no->degree++] = e;
		nc->edges[nc->degree++] = e;
	}

	out->nodes = nodes;
	out->n_nodes = nn;
	out->n_orgs = n_orgs;
	out->edges = edges;
	out->n_edges = ne;
	return 0;
}

/* ---- person nodes ------------------------------------------------------------ */

struct seat_ref {
	const struct net_seat *seat;
	int node; /* collaboration node index */
};

/* qsort has no context argument: the snapshot for the comparison, per thread */
static _Thread_local const struct snapshot *sort_snap;

static int cmp_seat_ref(const void *x, const void *y)
{
	const struct seat_ref *a = x, *b = y;
	int c = strcmp(a->seat->person_name, b->seat->person_name);
	if (c)
		return c;
	c = strcmp(a->seat->person_key, b->seat->person_key);
	if (c)
		return c;
	c = strcmp(sort_snap->collabs[a->seat->collab].name,
		   sort_snap->collabs[b->seat->collab].name);
	if (c)
		return c;
	return a->seat->body - b->seat->body;
}

int network_add_people(const struct snapshot *s, struct network *n, const struct net_seat *seats,
		       int n_seats, struct arena *a)
{
	n->persons = NULL;
	n->person_edges = NULL;
	n->n_persons = n->n_person_edges = 0;
	struct seat_ref *refs = arena_calloc(a, (size_t)n_seats + 1, sizeof *refs);
	if (!refs)
		return -1;
	int nr = 0;
	for (int i = 0; i < n_seats; i++) {
		if (seats[i].collab < 0 || seats[i].collab >= s->n_collabs)
			continue;
		int node = network_find(n, NET_COLLAB, seats[i].collab);
		if (node < 0)
			continue;
		refs[nr++] = (struct seat_ref){&seats[i], node};
	}
	sort_snap = s;
	qsort(refs, (size_t)nr, sizeof *refs, cmp_seat_ref);
	sort_snap = NULL;

	int np = 0;
	for (int i = 0; i < nr; i++)
		if (i == 0 || strcmp(refs[i - 1].seat->person_key, refs[i].seat->person_key) != 0)
			np++;
	struct net_person *persons = arena_calloc(a, (size_t)np + 1, sizeof *persons);
	struct net_person_edge *edges = arena_calloc(a, (size_t)nr + 1, sizeof *edges);
	int *adj = arena_calloc(a, (size_t)nr + 1, sizeof(int));
	if (!persons || !edges || !adj)
		return -1;
	int p = -1;
	for (int i = 0; i < nr; i++) {
		if (i == 0 || strcmp(refs[i - 1].seat->person_key, refs[i].seat->person_key) != 0) {
			p++;
			persons[p] = (struct net_person){.key = refs[i].seat->person_key,
							 .name = refs[i].seat->person_name,
							 .edges = adj + i};
		}
		edges[i] = (struct net_person_edge){.person = p,
						    .collab = refs[i].node,
						    .body = refs[i].seat->body,
						    .derived = refs[i].seat->derived};
		persons[p].edges[persons[p].degree++] = i;
	}
	n->persons = persons;
	n->n_persons = np;
	n->person_edges = edges;
	n->n_person_edges = nr;
	return 0;
}

/* ---- neighbourhood ------------------------------------------------------------ */

static _Thread_local const int *sort_links_count;

static int cmp_ring2(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	if (sort_links_count[a] != sort_links_count[b])
		return sort_links_count[b] - sort_links_count[a];
	return a - b;
}

static int cmp_int(const void *x, const void *y)
{
	return *(const int *)x - *(const int *)y;
}

/* the node at the other end of edge e from node i */
static int other_end(const struct network *n, int i, int e)
{
	return n->edges[e].org == i ? n->edges[e].collab : n->edges[e].org;
}

int network_neighbourhood(const struct network *n, enum net_node_kind kind, int center,
			  int max_ring2, struct arena *a, struct net_hood *out)
{
	*out = (struct net_hood){.kind = kind, .center = center};
	if (center < 0 || (kind == NET_PERSON ? center >= n->n_persons : center >= n->n_nodes))
		return -1;
	char *in1 = arena_calloc(a, (size_t)n->n_nodes + 1, 1);
	int *links = arena_calloc(a, (size_t)n->n_nodes + 1, sizeof(int));
	out->ring1 = arena_calloc(a, (size_t)n->n_nodes + 1, sizeof(int));
	out->ring2 = arena_calloc(a, (size_t)n->n_nodes + 1, sizeof(int));
	if (!in1 || !links || !out->ring1 || !out->ring2)
		return -1;
	if (kind == NET_PERSON) {
		const struct net_person *p = &n->persons[center];
		for (int k = 0; k < p->degree; k++)
			in1[n->person_edges[p->edges[k]].collab] = 1;
	} else {
		const struct net_node *c = &n->nodes[center];
		for (int k = 0; k < c->degree; k++)
			in1[other_end(n, center, c->edges[k])] = 1;
	}
	for (int i = 0; i < n->n_nodes; i++)
		if (in1[i])
			out->ring1[out->n1++] = i;
	for (int k = 0; k < out->n1; k++) {
		const struct net_node *v = &n->nodes[out->ring1[k]];
		for (int e = 0; e < v->degree; e++) {
			int o = other_end(n, out->ring1[k], v->edges[e]);
			if (!in1[o] && !(kind != NET_PERSON && o == center))
				links[o]++;
		}
	}
	for (int i = 0; i < n->n_nodes; i++)
		if (links[i] > 0)
			out->ring2[out->n2++] = i;
	out->n2_total = out->n2;
	if (out->n2 > max_ring2) {
		sort_links_count = links;
		qsort(out->ring2, (size_t)out->n2, sizeof(int), cmp_ring2);
		sort_links_count = NULL;
		out->n2 = max_ring2 > 0 ? max_ring2 : 0;
		qsort(out->ring2, (size_t)out->n2, sizeof(int), cmp_int);
	}
	return 0;
}

/* ---- groups ------------------------------------------------------------------ */

int network_groups(const struct snapshot *s, const struct network *n, double cut, struct arena *a,
		   struct net_groups *out)
{
	*out = (struct net_groups){0};
	int no = n->n_orgs, nc = n->n_nodes - n->n_orgs;
	size_t w = (size_t)(nc / 64 + 1);
	uint64_t *sets = arena_calloc(a, (size_t)no * w + 1, sizeof(uint64_t));
	double *sim = arena_calloc(a, (size_t)no * (size_t)no + 1, sizeof(double));
	out->group_of = arena_calloc(a, (size_t)n->n_nodes + 1, sizeof(int));
	if (!sets || !sim || !out->group_of)
		return -1;
	for (int e = 0; e < n->n_edges; e++) {
		int c = n->edges[e].collab - no;
		sets[(size_t)n->edges[e].org * w + (size_t)(c >> 6)] |= 1ull << (c & 63);
	}
	for (int i = 0; i < no; i++)
		for (int j = i + 1; j < no; j++) {
			int inter = 0, uni = 0;
			for (size_t k = 0; k < w; k++) {
				uint64_t x = sets[(size_t)i * w + k], y = sets[(size_t)j * w + k];
				inter += __builtin_popcountll(x & y);
				uni += __builtin_popcountll(x | y);
			}
			sim[(size_t)i * (size_t)no + (size_t)j] =
			    sim[(size_t)j * (size_t)no + (size_t)i] = uni ? (double)inter / uni : 0;
		}
	struct overlap_blocks b;
	if (overlap_blocks_compute(sim, no, cut, a, &b) < 0)
		return -1;
	out->n = b.n_blocks;
	out->g = arena_calloc(a, (size_t)b.n_blocks + 1, sizeof *out->g);
	out->between = arena_calloc(a, (size_t)b.n_blocks * (size_t)b.n_blocks + 1, sizeof(int));
	char *seen = arena_calloc(a, (size_t)b.n_blocks + 1, 1);
	if (!out->g || !out->between || !seen)
		return -1;
	for (int i = 0; i < n->n_nodes; i++)
		out->group_of[i] = i < no ? b.block[i] : -1;
	for (int g = 0; g < b.n_blocks; g++) {
		out->g[g].orgs = arena_calloc(a, (size_t)no + 1, sizeof(int));
		out->g[g].named_after = -1;
		if (!out->g[g].orgs)
			return -1;
	}
	for (int p = 0; p < no; p++) {
		struct net_group *g = &out->g[b.block[b.order[p]]];
		g->orgs[g->n++] = b.order[p];
	}
	/* per collaboration: which groups it touches */
	double *best = arena_calloc(a, (size_t)b.n_blocks + 1, sizeof(double));
	if (!best)
		return -1;
	for (int c = no; c < n->n_nodes; c++) {
		const struct net_node *v = &n->nodes[c];
		memset(seen, 0, (size_t)b.n_blocks);
		int touched = 0, only = -1;
		for (int k = 0; k < v->degree; k++) {
			int g = b.block[n->edges[v->edges[k]].org];
			if (!seen[g]) {
				seen[g] = 1;
				touched++;
				only = g;
			}
		}
		if (touched == 1 && v->degree >= 2)
			out->g[only].inside++;
		for (int g = 0; g < b.n_blocks; g++)
			for (int h = g + 1; h < b.n_blocks; h++)
				if (seen[g] && seen[h]) {
					out->between[g * b.n_blocks + h]++;
					out->between[h * b.n_blocks + g]++;
				}
		/* naming: Jaccard of the collaboration's organisations with each group */
		for (int g = 0; g < b.n_blocks; g++) {
			if (!seen[g] || out->g[g].n < 2)
				continue;
			int inter = 0;
			for (int k = 0; k < v->degree; k++)
				inter += b.block[n->edges[v->edges[k]].org] == g;
			double j = (double)inter / (v->degree + out->g[g].n - inter);
			if (j >= 0.5 && j > best[g] + 1e-12) {
				best[g] = j;
				out->g[g].named_after = c;
			}
		}
	}
	for (int g = 0; g < b.n_blocks; g++) {
		struct net_group *gr = &out->g[g];
		if (gr->named_after >= 0) {
			const struct collaboration *c =
			    &s->collabs[n->nodes[gr->named_after].index];
			gr->name = c->short_name && c->short_name[0] ? c->short_name : c->name;
		} else if (gr->n == 1) {
			gr->name = s->orgs[n->nodes[gr->orgs[0]].index].name;
		} else {
			gr->name = arena_printf(a, "Groep %d", g + 1);
		}
	}
	return 0;
}

const char *network_pick_problem(const char *pick)
{
	if (!strncmp(pick, "o-", 2) || !strncmp(pick, "s-", 2) || !strncmp(pick, "p-", 2))
		return NULL;
	return "De parameter 'kies' moet een knoop zijn, zoals 'o-gm0321' (organisatie), "
	       "'s-…' (samenwerkingsverband) of 'p-…' (persoon).";
}
