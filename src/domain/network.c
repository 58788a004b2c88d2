/*
 * network — see network.h. Two passes over the organisations'
 * participations: mark what takes part, then number nodes and edges.
 */
#include "network.h"

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
