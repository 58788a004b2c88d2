/*
 * network — the bipartite network of organisations and active
 * collaborations for a filter: which organisation takes part in which
 * collaboration (one edge per active participation).
 *
 * The collaborations are those that pass the shared list filter
 * (domain/filter.h) with the status forced to "actief". By default only
 * current organisations inside the province (provincie Utrecht and its
 * gemeenten) are nodes, with the collaborations they take part in; with
 * all_orgs every participating organisation is a node. A collaboration
 * without any edge to a node organisation is left out, so there are no
 * isolated collaboration nodes.
 *
 * With people (network_add_people) the network also has person
 * nodes: one per person with a current seat in a body of a collaboration
 * that is a node, and one person — collaboration edge per such seat. The
 * caller reads the seats from the store and decides which people may be
 * shown (privacy); only collaborations already in the network get person
 * edges (people do not add collaborations).
 *
 * Pure logic over a snapshot: no I/O; memory comes from the caller's arena.
 * Used by the page /netwerk, its CSV export and GET /api/v1/netwerk, so all
 * three show the same nodes and edges.
 */
#ifndef ATLAS_NETWORK_H
#define ATLAS_NETWORK_H

#include "filter.h"
#include "model.h"
#include "../lib/arena.h"

#include <stdbool.h>

enum net_node_kind { NET_ORG, NET_COLLAB, NET_PERSON };

struct net_node {
	enum net_node_kind kind;
	int index;  /* into s->orgs or s->collabs */
	int degree; /* number of edges */
	int *edges; /* indexes into network.edges, in edge order */
};

struct net_edge {
	int org;	   /* node index of the organisation */
	int collab;	   /* node index of the collaboration */
	int participation; /* index into s->parts */
};

/* A current seat as the network needs it (filled by the caller). */
struct net_seat {
	const char *person_key;	 /* URL id of the person */
	const char *person_name; /* plain text */
	int collab;		 /* snapshot index of the collaboration */
	int body;		 /* enum seat_body (domain/people.h) */
	bool derived;		 /* a seat by law (domain/derived_seats.h), not recorded */
};

/* A person node and its seat edges. */
struct net_person {
	const char *key, *name;
	int degree; /* number of seat edges */
	int *edges; /* indexes into network.person_edges */
};
struct net_person_edge {
	int person;   /* index into network.persons */
	int collab;   /* node index of the collaboration */
	int body;     /* enum seat_body */
	bool derived; /* a seat by law, derived from an office (not recorded) */
};

struct network {
	struct net_node *nodes; /* organisations first (by name), then collaborations (by name) */
	int n_nodes;
	int n_orgs;		/* nodes[0..n_orgs) are organisations */
	struct net_edge *edges; /* by organisation name, then collaboration name */
	int n_edges;
	/* person nodes (empty unless network_add_people ran), by name */
	struct net_person *persons;
	int n_persons;
	struct net_person_edge *person_edges; /* by person name, then collaboration name */
	int n_person_edges;
};

/*
 * Build the network for filter f (its status, sort and paging are ignored:
 * active collaborations only). all_orgs: include organisations outside the
 * province and ended ones too. All arrays live in arena a. Returns 0, or -1
 * when memory ran out (arena allocation failed).
 */
int network_build(const struct snapshot *s, const struct collab_filter *f, bool all_orgs,
		  struct arena *a, struct network *out);

/*
 * Add person nodes and person — collaboration edges for the
 * seats (already filtered by the caller: current seats of people who may
 * be shown). Seats in collaborations that are not nodes are skipped.
 * Collaboration node degrees stay participation counts; a person's degree
 * is its number of seat edges. Persons are sorted by name, their edges by
 * collaboration name. Returns 0, or -1 when memory ran out.
 */
int network_add_people(const struct snapshot *s, struct network *n, const struct net_seat *seats,
		       int n_seats, struct arena *a);

/* True when organisation o is a node by default (current, in the province). */
bool network_default_org(const struct organisation *o);

/* The Dutch problem text when pick is not a node reference ("o-<code>",
 * "s-<key>" or "p-<id>") as the selector and ?kies= use; NULL when it is. */
const char *network_pick_problem(const char *pick);

/* Node index of organisation org_index (or collaboration collab_index) in
 * the network, or -1 when it is not a node. Linear in the node count. */
int network_find(const struct network *n, enum net_node_kind kind, int index);

/*
 * The neighbourhood of one node: ring 1 its neighbours, ring 2 the
 * neighbours of those (the chosen node excluded). The centre is a node
 * (kind NET_ORG or NET_COLLAB, center = node index) or a person
 * (NET_PERSON, center = index into n->persons; ring 1 are the
 * collaborations of the person's seats, ring 2 their organisations). Ring 1
 * is in node order (by name); ring 2 keeps the max_ring2 nodes with the most
 * links into ring 1 (ties: node order), listed in node order; n2_total
 * counts them all.
 */
struct net_hood {
	enum net_node_kind kind;
	int center;
	int *ring1, n1;
	int *ring2, n2;
	int n2_total;
};

/* Returns 0, or -1 when memory ran out or center is out of range. */
int network_neighbourhood(const struct network *n, enum net_node_kind kind, int center,
			  int max_ring2, struct arena *a, struct net_hood *out);

/*
 * The whole-network overview: the organisations divided into groups that
 * take part in the same collaborations (domain/overlap_blocks.h over the
 * Jaccard similarity of their sets of collaborations in n, cut at cut).
 * Each group is named after the collaboration whose organisations match
 * it best (Jaccard >= 0.5, ties: node order), else after its only member,
 * else "Groep k". between[g*n_groups+h] counts the collaborations with
 * organisations in both g and h; inside[g] those with all organisations
 * in g (and at least two). Above 600 organisations (the clustering is
 * cubic) the groups are the kinds of organisation instead, without counts.
 */
struct net_group {
	int *orgs; /* node indexes, in the seriation order */
	int n;
	int named_after; /* node index of the collaboration it is named after, or -1 */
	const char *name;
	int inside;
};
struct net_groups {
	struct net_group *g;
	int n;
	int *group_of; /* per node index (organisations only; -1 for collaborations) */
	int *between;  /* n*n */
};

/* Returns 0, or -1 when memory ran out. */
int network_groups(const struct snapshot *s, const struct network *n, double cut, struct arena *a,
		   struct net_groups *out);

#endif
