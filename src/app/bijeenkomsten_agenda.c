/*
 * bijeenkomsten_agenda — agenda in samenspraak; see bijeenkomsten_agenda.h.
 */
#include "bijeenkomsten_agenda.h"
#include "accounts.h"
#include "bijeenkomsten.h"
#include "policy.h"
#include "relaties.h"
#include "../lib/arena.h"
#include "../lib/text.h"

#include <string.h>

static enum ag_outcome from_store(int rc)
{
	switch (rc) {
	case STORE_OK:
		return AG_OK;
	case STORE_ERR_NOTFOUND:
		return AG_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return AG_TWICE;
	default:
		return AG_FAILED;
	}
}

/* Is u's own organisation a partner (a gemeente or waterschap of the province)? */
static bool own_partner(const struct user *u, const struct snapshot *s)
{
	return u && s && relaties_is_partner(s, policy_own_org(u, s));
}

static const char *org_name(const struct snapshot *s, const char *code)
{
	int oi = s ? snapshot_find_org(s, code) : -1;
	return oi >= 0 ? s->orgs[oi].name : code;
}

static void dress(const struct snapshot *s, const struct user *u, bool partner, bool open,
		  struct agenda_item *it)
{
	it->org_name = org_name(s, it->row.org_code);
	it->rule = agenda_support_rule(it->row.status, it->row.org_code, u ? u->org_code : "",
				       it->row.supported, open);
	it->may_support = it->rule == AGENDA_SUPPORT_OK &&
			  policy_may_support_agenda(u, partner, it->row.org_code);
}

static void now_local(char out[17])
{
	bijeenkomsten_now(out);
}

enum ag_outcome bijeenkomsten_agenda(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const struct event_row *ev,
				     struct agenda_view *out)
{
	memset(out, 0, sizeof *out);
	bool partner = own_partner(u, s);
	char now[17];
	now_local(now);
	out->open = agenda_open(ev->starts_at, now);
	out->see_proposals = policy_may_see_agenda_proposals(u, partner);
	out->is_proposer = policy_may_propose_agenda(u, partner);
	out->may_propose = out->is_proposer && out->open;
	out->may_decide = policy_may_decide_agenda(u);
	struct agenda_item_row *rows;
	int n;
	if (store_agenda_items(st, a, ev->id, !out->see_proposals, u ? u->id : 0, &rows, &n) !=
	    STORE_OK)
		return AG_FAILED;
	out->items = arena_calloc(a, (size_t)n + 1, sizeof *out->items);
	for (int i = 0; i < n; i++) {
		out->items[i].row = rows[i];
		dress(s, u, partner, out->open, &out->items[i]);
		if (strcmp(rows[i].status, "geaccepteerd") == 0)
			out->n_programme++;
	}
	out->n = n;
	return AG_OK;
}

/* Item id and its event, for u. */
static enum ag_outcome load(struct store *st, struct arena *a, const struct snapshot *s,
			    const struct user *u, int64_t id, struct agenda_item *out,
			    struct event_row *ev)
{
	memset(out, 0, sizeof *out);
	int rc = store_agenda_item_get(st, a, id, u ? u->id : 0, &out->row);
	if (rc != STORE_OK)
		return from_store(rc);
	if ((rc = store_event_get(st, a, out->row.event_id, ev)) != STORE_OK)
		return from_store(rc);
	bool partner = own_partner(u, s);
	if (strcmp(out->row.status, "geaccepteerd") != 0 &&
	    !policy_may_see_agenda_proposals(u, partner))
		return AG_NOTFOUND;
	char now[17];
	now_local(now);
	dress(s, u, partner, agenda_open(ev->starts_at, now), out);
	return AG_OK;
}

enum ag_outcome bijeenkomsten_agenda_item(struct store *st, struct arena *a,
					  const struct snapshot *s, const struct user *u,
					  int64_t id, struct agenda_item *out)
{
	struct event_row ev;
	return load(st, a, s, u, id, out, &ev);
}

/* End the batch: commit on AG_OK, else roll back. */
static enum ag_outcome finish(struct store *st, enum ag_outcome o)
{
	if (store_batch_end(st, o == AG_OK) != STORE_OK)
		return AG_FAILED;
	return o;
}

enum ag_outcome bijeenkomsten_agenda_propose(struct store *st, const struct snapshot *s,
					     const struct user *u, const char *via,
					     int64_t event_id, const struct agenda_input *in,
					     struct field_errors *e, int64_t *id_out)
{
	*id_out = 0;
	struct arena *a = arena_new();
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return AG_FAILED;
	}
	struct event_row ev;
	enum ag_outcome o = from_store(store_event_get(st, a, event_id, &ev));
	char now[17];
	now_local(now);
	if (o == AG_OK && !policy_may_propose_agenda(u, own_partner(u, s)))
		o = AG_FORBIDDEN;
	if (o == AG_OK && !agenda_open(ev.starts_at, now))
		o = AG_CLOSED;
	if (o == AG_OK && !agenda_check_item(in, e))
		o = AG_INVALID;
	if (o == AG_OK) {
		struct write_ctx w;
		char actor[80], today[11];
		accounts_write_ctx(u, via, &w, actor, today);
		o = from_store(store_agenda_item_add(st, &w, event_id, u->id, u->org_code,
						     in->title, in->description, id_out));
	}
	o = finish(st, o);
	arena_free(a);
	return o;
}

enum ag_outcome bijeenkomsten_agenda_support(struct store *st, const struct snapshot *s,
					     const struct user *u, const char *via,
					     int64_t event_id, int64_t id)
{
	if (!policy_may_propose_agenda(u, own_partner(u, s)))
		return AG_FORBIDDEN;
	struct arena *a = arena_new();
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return AG_FAILED;
	}
	struct agenda_item it;
	struct event_row ev;
	enum ag_outcome o = load(st, a, s, u, id, &it, &ev);
	if (o == AG_OK && event_id && it.row.event_id != event_id)
		o = AG_NOTFOUND;
	if (o == AG_OK) {
		switch (it.rule) {
		case AGENDA_SUPPORT_OK:
			break;
		case AGENDA_SUPPORT_CLOSED:
			o = AG_CLOSED;
			break;
		case AGENDA_SUPPORT_DECIDED:
			o = AG_DECIDED;
			break;
		case AGENDA_SUPPORT_OWN:
			o = AG_OWN;
			break;
		case AGENDA_SUPPORT_TWICE:
			o = AG_TWICE;
			break;
		}
	}
	if (o == AG_OK) {
		struct write_ctx w;
		char actor[80], today[11];
		accounts_write_ctx(u, via, &w, actor, today);
		o = from_store(
		    store_agenda_support_add(st, &w, id, it.row.event_id, u->id, u->org_code));
	}
	o = finish(st, o);
	arena_free(a);
	return o;
}

enum ag_outcome bijeenkomsten_agenda_decide(struct store *st, const struct user *u, const char *via,
					    int64_t event_id, int64_t id,
					    const struct agenda_decision *d, struct field_errors *e)
{
	if (!policy_may_decide_agenda(u))
		return AG_FORBIDDEN;
	struct arena *a = arena_new();
	struct agenda_item_row row;
	enum ag_outcome o = from_store(store_agenda_item_get(st, a, id, 0, &row));
	if (o == AG_OK && event_id && row.event_id != event_id)
		o = AG_NOTFOUND;
	int position = -1;
	if (o == AG_OK && !agenda_check_decision(d, &position, e))
		o = AG_INVALID;
	if (o == AG_OK) {
		struct write_ctx w;
		char actor[80], today[11];
		accounts_write_ctx(u, via, &w, actor, today);
		o = from_store(store_agenda_item_decide(
		    st, &w, id, d->status ? d->status : row.status, position, d->start_time));
	}
	arena_free(a);
	return o;
}

const char *bijeenkomsten_agenda_message(enum ag_outcome o, bool decide)
{
	switch (o) {
	case AG_FORBIDDEN:
		return decide ? "Alleen medewerkers van de provincie nemen agendapunten op in het "
				"programma. Er is niets opgeslagen."
			      : "Alleen redacteuren van gemeenten en waterschappen (de partners) "
				"stellen agendapunten voor en steunen ze. Er is niets opgeslagen.";
	case AG_CLOSED:
		return "De bijeenkomst is al begonnen: voorstellen en steunen kan niet meer. Er is "
		       "niets opgeslagen.";
	case AG_OWN:
		return "Dit agendapunt komt van uw eigen organisatie. U kunt alleen voorstellen "
		       "van "
		       "andere organisaties steunen. Er is niets opgeslagen.";
	case AG_TWICE:
		return "U steunt dit agendapunt al. Er is niets opgeslagen.";
	case AG_DECIDED:
		return "Over dit agendapunt is al besloten: steunen kan niet meer. Er is niets "
		       "opgeslagen.";
	default:
		return NULL;
	}
}
