/*
 * bijeenkomsten_agenda — "agenda in samenspraak" for events: what the pages
 * and the API share. Partner editors (the editors of gemeenten and
 * waterschappen that are partners: policy_may_propose_agenda) propose
 * agenda items until the event starts and support the items of other
 * organisations (once per user); province staff (policy_may_decide_agenda)
 * accept or reject items and set their order and time. Everyone sees the
 * accepted programme; partner editors and province staff also see the
 * other proposals with their support. An item names its organisation,
 * never the user who proposed or supported it.
 *
 * Every write is one batch (store_batch_begin … store_batch_end) around
 * the checks that depend on stored state (the event has not started, the
 * item is still a proposal, the user does not support it yet) and the
 * write with its audit event, so two writers never pass the same check.
 */
#ifndef ATLAS_APP_BIJEENKOMSTEN_AGENDA_H
#define ATLAS_APP_BIJEENKOMSTEN_AGENDA_H

#include "../domain/bijeenkomsten_agenda.h"
#include "../domain/model.h"
#include "../store/store_auth.h"
#include "../store/store_bijeenkomsten.h"
#include "../store/store_bijeenkomsten_agenda.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

enum ag_outcome {
	AG_OK,
	AG_INVALID,   /* field errors in e */
	AG_NOTFOUND,  /* no such event or item (or one the reader may not see) */
	AG_FORBIDDEN, /* not a partner editor (propose, support) or not province staff */
	AG_CLOSED,    /* the event has started */
	AG_OWN,	      /* an item of the user's own organisation */
	AG_TWICE,     /* the user supports the item already */
	AG_DECIDED,   /* the item is no longer an open proposal */
	AG_FAILED,    /* the store failed */
};

/* One item as a reader sees it. */
struct agenda_item {
	struct agenda_item_row row;
	const char *org_name;	       /* the proposing organisation's name (or its code) */
	enum agenda_support_rule rule; /* may the reader support it (AGENDA_SUPPORT_OK) */
	bool may_support;	       /* the reader may support it now */
};

/* The agenda of an event as reader u sees it. */
struct agenda_view {
	struct agenda_item *items; /* the accepted ones first (programme order), then
				      the others when see_proposals */
	int n, n_programme;
	bool see_proposals; /* u sees the proposals and their support */
	bool may_propose;   /* u may propose items (and proposing is open) */
	bool is_proposer;   /* u is a partner editor (open or not) */
	bool may_decide;    /* u is province staff */
	bool open;	    /* proposing and supporting are open */
};

/* The agenda of event ev for u (NULL: anonymous). */
enum ag_outcome bijeenkomsten_agenda(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const struct event_row *ev,
				     struct agenda_view *out);

/* Item id as u sees it; AG_NOTFOUND when u may not see it. */
enum ag_outcome bijeenkomsten_agenda_item(struct store *st, struct arena *a,
					  const struct snapshot *s, const struct user *u,
					  int64_t id, struct agenda_item *out);

/* u proposes in for event_id through via ("web", "api"). AG_NOTFOUND,
 * AG_FORBIDDEN, AG_CLOSED, AG_INVALID (e). *id_out the new item. */
enum ag_outcome bijeenkomsten_agenda_propose(struct store *st, const struct snapshot *s,
					     const struct user *u, const char *via,
					     int64_t event_id, const struct agenda_input *in,
					     struct field_errors *e, int64_t *id_out);

/* u supports item id of event event_id (0: any event; another event:
 * AG_NOTFOUND). AG_FORBIDDEN (checked first: not a partner editor),
 * AG_NOTFOUND, AG_CLOSED, AG_DECIDED, AG_OWN, AG_TWICE. */
enum ag_outcome bijeenkomsten_agenda_support(struct store *st, const struct snapshot *s,
					     const struct user *u, const char *via,
					     int64_t event_id, int64_t id);

/* Province staff u decides on item id of event event_id (0: any event;
 * another event: AG_NOTFOUND): the given parts of d (NULL: keep).
 * AG_FORBIDDEN (checked first), AG_NOTFOUND, AG_INVALID (e). */
enum ag_outcome bijeenkomsten_agenda_decide(struct store *st, const struct user *u, const char *via,
					    int64_t event_id, int64_t id,
					    const struct agenda_decision *d,
					    struct field_errors *e);

/* The Dutch message of a refusal (AG_FORBIDDEN … AG_DECIDED) for a reader,
 * ending in "Er is niets opgeslagen."; NULL for the other outcomes. */
const char *bijeenkomsten_agenda_message(enum ag_outcome o, bool decide);

#endif
