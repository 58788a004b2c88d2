/*
 * network (app) — the parts of the network view that both the page
 * (/netwerk, pages/network.c) and the API (GET /api/v1/netwerk,
 * api/api_network.c) need beyond the snapshot: the person nodes.
 *
 * The bipartite network itself (organisations, collaborations, edges) is
 * domain/network.c; this module adds the people, who are not in the
 * snapshot, from the store, applying the privacy rule of app/policy.h.
 * Renders nothing.
 */
#ifndef ATLAS_APP_NETWORK_H
#define ATLAS_APP_NETWORK_H

#include "../domain/network.h"
#include "../lib/arena.h"
#include "../store/store_auth.h"

struct store;

/*
 * Add to net the person nodes and seat edges of the current seats (on
 * s->today) in its collaborations, of the people user u (NULL: anonymous)
 * may see (policy_person_visible): for anonymous visitors only holders of
 * a public office; erased people never. Reads people and seats from st;
 * nodes live in a. Returns 0, or -1 when the store cannot be read.
 */
int network_add_visible_people(struct store *st, const struct snapshot *s, const struct user *u,
			       struct network *net, struct arena *a);

#endif
