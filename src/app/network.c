/*
 * network (app) — person nodes for the network view; see network.h.
 */
#include "network.h"
#include "derived_seats.h"
#include "policy.h"
#include "../lib/log.h"
#include "../store/store_people.h"

#include <string.h>

int network_add_visible_people(struct store *st, const struct snapshot *s, const struct user *u,
			       struct network *net, struct arena *a)
{
	struct person *people = NULL;
	struct seat *seats = NULL;
	int n_people = 0, n_seats = 0;
	if (store_person_list(st, a, &people, &n_people) != 0 ||
	    store_seats_all(st, a, &seats, &n_seats) != 0) {
		log_error("network: reading people or seats failed");
		return -1;
	}
	const char *today = s->today;
	struct net_seat *ns = arena_calloc(a, (size_t)n_seats + 1, sizeof *ns);
	int k = 0;
	for (int i = 0; ns && i < n_seats; i++) {
		const struct seat *se = &seats[i];
		if ((se->from[0] && strcmp(se->from, today) > 0) ||
		    (se->to[0] && strcmp(se->to, today) <= 0))
			continue; /* not current */
		const struct person *p = NULL;
		for (int j = 0; j < n_people && !p; j++)
			if (people[j].id == se->person_id)
				p = &people[j];
		if (!p || !policy_person_visible(u, p))
			continue; /* privacy: public office holders only for anonymous visitors */
		int ci = snapshot_find_collab(s, se->collab_key);
		if (ci < 0)
			continue;
		ns[k++] = (struct net_seat){.person_key = arena_strdup(a, p->key),
					    .person_name = arena_strdup(a, p->name),
					    .collab = ci,
					    .body = (int)se->body};
	}
	if (!ns)
		return -1;
	/* seats fixed by law (app/derived_seats.h), marked derived */
	for (int ci = 0; ci < s->n_collabs; ci++) {
		if (!s->collabs[ci].active || !derived_seats_apply(s, ci))
			continue;
		struct derived_seat *ds = NULL;
		int nd = 0;
		if (derived_seats_of_collab(st, s, ci, a, &ds, &nd) != 0)
			return -1;
		struct net_seat *more = arena_calloc(a, (size_t)(k + nd) + 1, sizeof *more);
		if (!more)
			return -1;
		memcpy(more, ns, (size_t)k * sizeof *ns);
		ns = more;
		for (int i = 0; i < nd; i++) {
			if (ds[i].office.id == 0 || !policy_person_visible(u, &ds[i].person))
				continue;
			ns[k++] = (struct net_seat){.person_key = ds[i].person.key,
						    .person_name = ds[i].person.name,
						    .collab = ci,
						    .body = (int)ds[i].rule->body,
						    .derived = true};
		}
	}
	return network_add_people(s, net, ns, k, a);
}
