/*
 * relaties — the relations module's feature logic; see relaties.h.
 */
#include "relaties.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../domain/bijeenkomsten.h"
#include "../domain/diff.h"
#include "../domain/validate.h"
#include "../io/geo.h"
#include "../store/store.h"
#include "../store/store_people.h"
#include "accounts.h"
#include "outbox.h"
#include "policy.h"
#include "siteinfo.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LIST_LIMIT 500

int relaties_quiet_months(void)
{
	const char *v = getenv("ATLAS_RELATIES_STIL_MAANDEN");
	long m;
	if (v && parse_long(v, 1, 120, &m))
		return (int)m;
	return RELATIES_QUIET_MONTHS;
}

bool relaties_is_partner(const struct snapshot *s, int oi)
{
	if (!s || oi < 0 || oi >= s->n_orgs)
		return false;
	const struct organisation *o = &s->orgs[oi];
	if (o->ended)
		return false;
	if (o->kind == ORG_MUNICIPALITY)
		return o->in_province;
	if (o->kind == ORG_OTHER)
		return relaties_is_network(s, oi);
	/* a water board is a partner when its area reaches into the province:
	 * it is in the province's water-board layer (data/geo) */
	return o->kind == ORG_WATER_BOARD &&
	       geo_waterboard_find(str_empty(o->tooi) ? o->code : o->tooi, o->name) >= 0;
}

/* A partner's name and snapshot index, to find guests' organisation texts. */
struct named {
	const char *name;
	int org;
};

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->name, ((const struct named *)b)->name);
}

/* A partner's database id and snapshot index, to find users' organisations. */
struct by_id {
	int64_t id;
	int org;
};

static int cmp_by_id(const void *a, const void *b)
{
	int64_t x = ((const struct by_id *)a)->id, y = ((const struct by_id *)b)->id;
	return (x > y) - (x < y);
}

/* Is event a earlier than b (NULL: none yet)? By start, then id. */
static bool earlier(const struct relation_next_event *a, const struct relation_next_event *b)
{
	if (!b)
		return true;
	int c = strcmp(a->starts_at, b->starts_at);
	return c < 0 || (c == 0 && a->event_id < b->event_id);
}

static void local_now(char now[17])
{
	bijeenkomst_local_time((int64_t)time(NULL), now);
}

enum relaties_outcome relaties_overview(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, bool quiet_only,
					struct relation_overview_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_is_province(u))
		return REL_FORBIDDEN;
	char today[11], now[17];
	today_iso(today);
	local_now(now);
	struct relation_figures *fig;
	int nf;
	struct account_manager_row *mgr;
	int nm;
	struct relation_next_event *ev;
	int ne;
	if (store_relation_figures(st, a, today, &fig, &nf) ||
	    store_account_managers(st, a, NULL, today, &mgr, &nm) ||
	    store_relation_next_events(st, a, now, 0, NULL, &ev, &ne))
		return REL_FAILED;
	int months = relaties_quiet_months();
	/* the partners, in the snapshot's (name) order, and by name for the
	 * guests' organisation texts */
	int *partners = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *partners);
	struct named *names = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *names);
	struct by_id *ids = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *ids);
	int np = 0;
	for (int oi = 0; oi < s->n_orgs; oi++)
		if (relaties_is_partner(s, oi)) {
			names[np] = (struct named){s->orgs[oi].name, oi};
			ids[np] = (struct by_id){s->orgs[oi].id, oi};
			partners[np++] = oi;
		}
	if (np > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(names, (size_t)np, sizeof *names, cmp_named);
	if (np > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(ids, (size_t)np, sizeof *ids, cmp_by_id);
	const struct relation_next_event **next =
	    arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *next);
	for (int i = 0; i < ne; i++) {
		int oi = -1;
		if (ev[i].org_id) {
			struct by_id key = {ev[i].org_id, -1};
			const struct by_id *hit =
			    bsearch(&key, ids, (size_t)np, sizeof *ids, cmp_by_id);
			oi = hit ? hit->org : -1;
		} else {
			struct named key = {ev[i].key, -1};
			const struct named *hit =
			    bsearch(&key, names, (size_t)np, sizeof *names, cmp_named);
			oi = hit ? hit->org : -1;
		}
		if (oi >= 0 && earlier(&ev[i], next[oi]))
			next[oi] = &ev[i];
	}
	struct relation_overview_row *rows = arena_calloc(a, (size_t)np + 1, sizeof *rows);
	int k = 0;
	for (int pi = 0; pi < np; pi++) {
		int oi = partners[pi];
		const char *code = s->orgs[oi].code;
		struct relation_overview_row *r = &rows[k];
		*r = (struct relation_overview_row){.org = oi,
						    .last_contact = "",
						    .network = s->orgs[oi].kind == ORG_OTHER,
						    .next = next[oi]};
		/* both lists are in org_code order: a linear search is fine at
		 * hundreds of partners, and keeps this free of a second index */
		for (int i = 0; i < nf; i++)
			if (strcmp(fig[i].org_code, code) == 0) {
				r->last_contact = fig[i].last_contact;
				r->open_signals = fig[i].open_signals;
				r->open_follow_ups = fig[i].open_follow_ups;
				r->overdue_follow_ups = fig[i].overdue_follow_ups;
				break;
			}
		for (int i = 0; i < nm; i++)
			if (strcmp(mgr[i].org_code, code) == 0) {
				if (!r->managers)
					r->managers = &mgr[i];
				r->n_managers++;
			}
		r->quiet = relaties_is_quiet(r->last_contact, today, months);
		if (!quiet_only || r->quiet)
			k++;
	}
	*out = rows;
	*n = k;
	return REL_OK;
}

/* The partner's snapshot index for org_code when u may see its relations;
 * -1 otherwise (unknown, not a partner, or not allowed: the caller answers
 * "not found" so the existence of records is not disclosed). */
static int visible_partner(const struct snapshot *s, const struct user *u, const char *org_code)
{
	int oi = org_code ? snapshot_find_org(s, org_code) : -1;
	if (oi < 0 || !relaties_is_partner(s, oi) || !policy_may_see_relations(u, s->orgs[oi].code))
		return -1;
	return oi;
}

enum relaties_outcome relaties_partner(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, const char *org_code,
				       struct relation_partner *out)
{
	memset(out, 0, sizeof *out);
	int oi = visible_partner(s, u, org_code);
	if (oi < 0)
		return u && policy_has_role(u, USER_ROLE_EDITOR) &&
			       snapshot_find_org(s, org_code) >= 0
			   ? REL_FORBIDDEN
			   : REL_NOTFOUND;
	const char *code = s->orgs[oi].code;
	out->org = oi;
	out->partner_view = !policy_is_province(u);
	out->may_write = policy_is_province(u);
	out->may_assign = policy_may_assign_account_managers(u);
	char today[11];
	today_iso(today);
	if (store_account_managers(st, a, code, out->partner_view ? today : NULL, &out->managers,
				   &out->n_managers) ||
	    store_contacts(st, a, code, out->partner_view, LIST_LIMIT, &out->contacts,
			   &out->n_contacts) ||
	    store_signals(st, a, code, NULL, false, out->partner_view, LIST_LIMIT, &out->signals,
			  &out->n_signals) ||
	    store_follow_ups(st, a, code, false, out->partner_view, LIST_LIMIT, &out->follow_ups,
			     &out->n_follow_ups))
		return REL_FAILED;
	out->network = s->orgs[oi].kind == ORG_OTHER;
	if (!out->partner_view) {
		char now[17];
		local_now(now);
		struct relation_next_event *ev;
		int ne;
		if (store_relation_next_events(st, a, now, s->orgs[oi].id, s->orgs[oi].name, &ev,
					       &ne))
			return REL_FAILED;
		for (int i = 0; i < ne; i++)
			if ((ev[i].org_id ? ev[i].org_id == s->orgs[oi].id
					  : strcmp(ev[i].key, s->orgs[oi].name) == 0) &&
			    earlier(&ev[i], out->next))
				out->next = &ev[i];
	}
	out->last_contact = out->n_contacts ? out->contacts[0].held_on : "";
	out->quiet = relaties_is_quiet(out->last_contact, today, relaties_quiet_months());
	return REL_OK;
}

int relaties_managers_for(struct store *st, struct arena *a, const struct snapshot *s,
			  const struct user *u, const char *org_code,
			  struct account_manager_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	int oi = org_code ? snapshot_find_org(s, org_code) : -1;
	if (oi < 0 || !u || u->disabled)
		return STORE_OK;
	bool own = *u->org_code && strcmp(u->org_code, s->orgs[oi].code) == 0;
	if (!own && !policy_is_province(u))
		return STORE_OK;
	char today[11];
	today_iso(today);
	return store_account_managers(st, a, s->orgs[oi].code, today, out, n);
}

int relaties_signals_for_collab(struct store *st, struct arena *a, const struct user *u,
				const char *collab_key, struct signal_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_is_province(u))
		return STORE_OK;
	return store_signals(st, a, NULL, collab_key, true, false, 100, out, n);
}

int relaties_staff_users(struct store *st, struct arena *a, struct user **out, int *n)
{
	struct user *all;
	int na;
	*out = NULL;
	*n = 0;
	if (store_user_list(st, a, &all, &na))
		return STORE_ERR;
	struct user *keep = arena_calloc(a, (size_t)na + 1, sizeof *keep);
	int k = 0;
	for (int i = 0; i < na; i++)
		if (policy_is_province(&all[i]))
			keep[k++] = all[i];
	*out = keep;
	*n = k;
	return STORE_OK;
}

/* A province user among the enabled staff users, by username; false when none. */
static bool find_staff(struct store *st, const char *username, struct user *out)
{
	if (!username || !*username || store_user_get(st, username, out, NULL, 0) != STORE_OK)
		return false;
	return policy_is_province(out);
}

static enum relaties_outcome write_rc(int rc)
{
	switch (rc) {
	case STORE_OK:
		return REL_OK;
	case STORE_ERR_NOTFOUND:
		return REL_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return REL_CONFLICT;
	case STORE_ERR_INVALID:
		return REL_INVALID;
	default:
		return REL_FAILED;
	}
}

/* The partner org_code for a write by u: REL_OK with *oi set, else the outcome. */
static enum relaties_outcome writable_partner(const struct snapshot *s, const struct user *u,
					      const char *org_code, int *oi)
{
	*oi = visible_partner(s, u, org_code);
	if (*oi < 0)
		return REL_NOTFOUND;
	return policy_is_province(u) ? REL_OK : REL_FORBIDDEN;
}

/* ---- the reminder mail of a follow-up ---------------------------------------------- */

/* The dedupe key of follow-up id's reminder: queued once, withdrawn when done. */
static const char *reminder_key(struct arena *a, int64_t id)
{
	return arena_printf(a, "vervolgactie-%lld-herinnering", (long long)id);
}

/*
 * Queue the reminder of follow-up id (title, due date) of partner oi for
 * its owner, due the day before at 07:00 UTC (at once when that has
 * passed), inside the caller's batch. STORE_OK also when the owner has no
 * e-mail address (nothing to send).
 */
static int queue_reminder(struct store *st, struct arena *a, const struct write_ctx *w,
			  const struct snapshot *s, int oi, const struct user *owner,
			  const char *title, const char *due, int64_t id)
{
	if (str_empty(owner->email) || owner->disabled)
		return STORE_OK;
	char at[21], now[21];
	if (!relaties_reminder_at(due, at))
		return STORE_ERR_INVALID;
	time_t t = time(NULL);
	struct tm n;
	gmtime_r(&t, &n);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &n);
	struct buf date = BUF_INIT;
	diff_date_nl(&date, due);
	const char *org = s->orgs[oi].name, *code = s->orgs[oi].code;
	const char *where =
	    arena_printf(a, "%s/relaties/%s#vervolgacties", siteinfo_public_url(), code);
	const char *name = str_empty(owner->display_name) ? owner->username : owner->display_name;
	struct mail_message m = {
	    .to = owner->email,
	    .to_name = name,
	    .subject = arena_printf(a, "Herinnering: vervolgactie %s uiterlijk %s", org,
				    date.data ? date.data : due),
	    .body =
		arena_printf(a,
			     "Beste %s,\n\n"
			     "Deze vervolgactie voor %s moet uiterlijk %s klaar zijn:\n\n"
			     "    %s\n\n"
			     "Bekijk of wijzig haar in %s\n\n"
			     "Is zij al klaar? Zet de status dan op Afgerond; dan krijgt u over "
			     "deze vervolgactie geen herinnering meer.\n\n"
			     "Dit bericht is automatisch verstuurd door de Samenwerkingsatlas.\n",
			     name, org, date.data ? date.data : due, title, where),
	    .kind = "vervolgactie-herinnering",
	    .dedupe_key = reminder_key(a, id),
	    .not_before = strcmp(at, now) > 0 ? at : NULL,
	};
	buf_free(&date);
	struct field_errors e = {0};
	int64_t mid;
	bool dup;
	return outbox_queue(st, w, &m, &mid, &dup, &e);
}

enum relaties_outcome relaties_add_contact(struct store *st, struct arena *a,
					   const struct snapshot *s, const struct user *u,
					   const char *via, const char *org_code,
					   const struct relaties_contact_form *f,
					   struct field_errors *e, int64_t *id)
{
	*id = 0;
	int oi;
	enum relaties_outcome o = writable_partner(s, u, org_code, &oi);
	if (o != REL_OK)
		return o;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	relaties_check_contact(e, f->held_on, f->kind, f->subject, f->summary, f->confidentiality,
			       today);
	int nl = f->n_orgs + f->n_collabs + f->n_domains + f->n_people;
	if (nl > RELATIES_LINKS_MAX) {
		field_errors_add(e, "organisaties", "Kies ten hoogste %d koppelingen.",
				 RELATIES_LINKS_MAX);
		return REL_INVALID;
	}
	struct contact_link links[RELATIES_LINKS_MAX];
	int k = 0;
	for (int i = 0; i < f->n_orgs; i++) {
		int x = snapshot_find_org(s, f->orgs[i]);
		if (x < 0)
			field_errors_add(e, "organisaties", "Organisatie „%.60s” bestaat niet.",
					 f->orgs[i]);
		else
			links[k++] = (struct contact_link){"organisatie", s->orgs[x].code};
	}
	for (int i = 0; i < f->n_collabs; i++) {
		int x = snapshot_find_collab(s, f->collabs[i]);
		if (x < 0)
			field_errors_add(e, "samenwerkingsverbanden",
					 "Samenwerkingsverband „%.60s” bestaat niet.",
					 f->collabs[i]);
		else
			links[k++] =
			    (struct contact_link){"samenwerkingsverband", s->collabs[x].key};
	}
	for (int i = 0; i < f->n_domains; i++) {
		int x = snapshot_find_domain(s, f->domains[i]);
		if (x < 0)
			field_errors_add(e, "beleidsdomeinen",
					 "Beleidsdomein „%.60s” bestaat niet.", f->domains[i]);
		else
			links[k++] = (struct contact_link){"beleidsdomein", s->domains[x].key};
	}
	for (int i = 0; i < f->n_people; i++) {
		struct person p;
		if (store_person_get(st, a, f->people[i], &p) != STORE_OK || p.erased)
			field_errors_add(e, "personen", "Persoon „%.60s” staat niet in de atlas.",
					 f->people[i]);
		else
			links[k++] = (struct contact_link){"persoon", p.key};
	}
	if (e->n)
		return REL_INVALID;
	struct contact_input in = {.org_code = s->orgs[oi].code,
				   .held_on = f->held_on,
				   .kind = f->kind,
				   .subject = f->subject,
				   .summary = f->summary,
				   .confidentiality = f->confidentiality,
				   .links = links,
				   .n_links = k,
				   .event_id = f->event_id};
	return write_rc(store_contact_add(st, &w, &in, id));
}

enum relaties_outcome relaties_add_signal(struct store *st, const struct snapshot *s,
					  const struct user *u, const char *via,
					  const char *org_code,
					  const struct relaties_signal_form *f,
					  struct field_errors *e, int64_t *id)
{
	*id = 0;
	int oi;
	enum relaties_outcome o = writable_partner(s, u, org_code, &oi);
	if (o != REL_OK)
		return o;
	relaties_check_signal(e, f->title, f->description, f->severity, f->confidentiality);
	const char *collab = "";
	if (f->collab_key && *f->collab_key) {
		int ci = snapshot_find_collab(s, f->collab_key);
		if (ci < 0)
			field_errors_add(e, "samenwerkingsverband",
					 "Kies een samenwerkingsverband uit de lijst.");
		else
			collab = s->collabs[ci].key;
	}
	if (e->n)
		return REL_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct signal_input in = {.org_code = s->orgs[oi].code,
				  .collab_key = collab,
				  .title = f->title,
				  .description = f->description,
				  .severity = f->severity,
				  .confidentiality = f->confidentiality};
	return write_rc(store_signal_add(st, &w, &in, id));
}

enum relaties_outcome relaties_set_signal_status(struct store *st, struct arena *a,
						 const struct user *u, const char *via, int64_t id,
						 const char *status, struct field_errors *e,
						 const char **org_out)
{
	*org_out = NULL;
	struct signal_row sig;
	int rc = store_signal_get(st, a, id, &sig);
	if (rc)
		return write_rc(rc);
	if (!policy_relation_visible(u, sig.org_code, sig.confidentiality))
		return REL_NOTFOUND;
	if (!policy_is_province(u))
		return REL_FORBIDDEN;
	*org_out = sig.org_code;
	if (label_from_api(signal_status_labels, LABEL_COUNT(signal_status_labels),
			   status ? status : "") < 0) {
		field_errors_add(e, "status", "Kies een status uit de lijst.");
		return REL_INVALID;
	}
	if (!relaties_signal_transition(sig.status, status))
		return REL_CONFLICT;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return write_rc(store_signal_set_status(st, &w, id, status));
}

enum relaties_outcome relaties_add_follow_up(struct store *st, struct arena *a,
					     const struct snapshot *s, const struct user *u,
					     const char *via, const char *org_code,
					     const struct relaties_follow_up_form *f,
					     struct field_errors *e, int64_t *id)
{
	*id = 0;
	int oi;
	enum relaties_outcome o = writable_partner(s, u, org_code, &oi);
	if (o != REL_OK)
		return o;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct user owner;
	bool has_owner = f->owner && *f->owner;
	relaties_check_follow_up(e, f->title, has_owner, f->due_date, f->confidentiality, today);
	if (has_owner && !find_staff(st, f->owner, &owner))
		field_errors_add(e, "eigenaar",
				 "Kies een medewerker van de provincie uit de lijst.");
	if (f->contact_id > 0) {
		struct contact_row c;
		if (store_contact_get(st, a, f->contact_id, &c) != STORE_OK ||
		    strcmp(c.org_code, s->orgs[oi].code) != 0)
			field_errors_add(e, "contactmoment",
					 "Dat contactmoment hoort niet bij deze "
					 "partner.");
	}
	if (e->n)
		return REL_INVALID;
	struct follow_up_input in = {.org_code = s->orgs[oi].code,
				     .title = f->title,
				     .due_date = f->due_date,
				     .confidentiality = f->confidentiality,
				     .owner_id = owner.id,
				     .contact_id = f->contact_id};
	/* the follow-up and its reminder mail commit together or not at all */
	if (store_batch_begin(st))
		return REL_FAILED;
	int rc = store_follow_up_add(st, &w, &in, id);
	if (rc == STORE_OK)
		rc = queue_reminder(st, a, &w, s, oi, &owner, f->title, f->due_date, *id);
	if (store_batch_end(st, rc == STORE_OK) != STORE_OK && rc == STORE_OK)
		rc = STORE_ERR;
	if (rc != STORE_OK)
		*id = 0;
	return write_rc(rc);
}

enum relaties_outcome relaties_set_follow_up_status(struct store *st, struct arena *a,
						    const struct snapshot *s, const struct user *u,
						    const char *via, int64_t id, const char *status,
						    struct field_errors *e, const char **org_out)
{
	*org_out = NULL;
	struct follow_up_row f;
	int rc = store_follow_up_get(st, a, id, &f);
	if (rc)
		return write_rc(rc);
	if (!policy_relation_visible(u, f.org_code, f.confidentiality))
		return REL_NOTFOUND;
	if (!policy_is_province(u))
		return REL_FORBIDDEN;
	*org_out = f.org_code;
	if (label_from_api(follow_up_status_labels, LABEL_COUNT(follow_up_status_labels),
			   status ? status : "") < 0) {
		field_errors_add(e, "status", "Kies een status uit de lijst.");
		return REL_INVALID;
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	/* done: its reminder is withdrawn; open again: queued again (once) */
	if (store_batch_begin(st))
		return REL_FAILED;
	rc = store_follow_up_set_status(st, &w, id, status);
	bool withdrawn;
	if (rc == STORE_OK && strcmp(status, "afgerond") == 0) {
		rc = store_outbox_withdraw(st, reminder_key(a, id), &withdrawn);
	} else if (rc == STORE_OK && s) {
		struct user owner;
		int oi = snapshot_find_org(s, f.org_code);
		if (oi >= 0 && store_user_get_by_id(st, f.owner_id, &owner) == STORE_OK &&
		    strcmp(f.due_date, today) >= 0)
			rc = queue_reminder(st, a, &w, s, oi, &owner, f.title, f.due_date, id);
	}
	if (store_batch_end(st, rc == STORE_OK) != STORE_OK && rc == STORE_OK)
		rc = STORE_ERR;
	return write_rc(rc);
}

enum relaties_outcome relaties_assign_manager(struct store *st, struct arena *a,
					      const struct snapshot *s, const struct user *u,
					      const char *via, const char *org_code,
					      const char *username, const char *start,
					      struct field_errors *e)
{
	(void)a;
	int oi = visible_partner(s, u, org_code);
	if (oi < 0)
		return REL_NOTFOUND;
	if (!policy_may_assign_account_managers(u))
		return REL_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct user m;
	if (!username || !*username)
		field_errors_add(e, "gebruiker", "Kies een accounthouder.");
	else if (!find_staff(st, username, &m))
		field_errors_add(e, "gebruiker",
				 "Kies een medewerker met de rol accounthouder of "
				 "hoger.");
	const char *from = start && *start ? start : today;
	if (!validate_is_date_opt(from))
		field_errors_add(e, "begindatum", "Vul een datum in als 2026-03-31.");
	if (e->n)
		return REL_INVALID;
	int64_t id;
	return write_rc(store_account_manager_add(st, &w, s->orgs[oi].code, m.id, from, &id));
}

enum relaties_outcome relaties_end_manager(struct store *st, struct arena *a, const struct user *u,
					   const char *via, int64_t id, const char **org_out)
{
	*org_out = NULL;
	if (!policy_may_assign_account_managers(u))
		return policy_is_province(u) ? REL_FORBIDDEN : REL_NOTFOUND;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return write_rc(store_account_manager_end(st, a, &w, id, today, org_out));
}

int relaties_people_of(struct store *st, struct arena *a, const char *org_code, const char ***keys,
		       const char ***names, int *n)
{
	*keys = *names = NULL;
	*n = 0;
	struct office *o;
	int no;
	if (store_offices_of_org(st, a, org_code, &o, &no))
		return STORE_ERR;
	char today[11];
	today_iso(today);
	*keys = arena_calloc(a, (size_t)no + 1, sizeof **keys);
	*names = arena_calloc(a, (size_t)no + 1, sizeof **names);
	for (int i = 0; i < no; i++) {
		if (*o[i].to && strcmp(o[i].to, today) < 0)
			continue;
		bool seen = false;
		for (int j = 0; j < *n && !seen; j++)
			seen = strcmp((*keys)[j], o[i].person_key) == 0;
		if (seen)
			continue;
		(*keys)[*n] = o[i].person_key;
		(*names)[*n] = o[i].person_name;
		(*n)++;
	}
	return STORE_OK;
}

const char *relaties_person_name(struct store *st, struct arena *a, const struct user *u,
				 const char *key)
{
	struct person p;
	if (store_person_get(st, a, key, &p) != STORE_OK || !policy_person_visible(u, &p))
		return "Onbekende persoon";
	return p.name;
}
