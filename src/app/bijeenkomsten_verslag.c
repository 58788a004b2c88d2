/*
 * bijeenkomsten_verslag — after the event; see bijeenkomsten_verslag.h.
 */
#include "bijeenkomsten_verslag.h"
#include "accounts.h"
#include "policy.h"
#include "../domain/model.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static enum ev_outcome from_store(int rc)
{
	switch (rc) {
	case STORE_OK:
		return EV_OK;
	case STORE_ERR_NOTFOUND:
		return EV_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return EV_DUPLICATE;
	default:
		return EV_FAILED;
	}
}

static enum ev_outcome from_relaties(enum relaties_outcome o)
{
	switch (o) {
	case REL_OK:
		return EV_OK;
	case REL_INVALID:
		return EV_INVALID;
	case REL_NOTFOUND:
		return EV_NOTFOUND;
	case REL_FORBIDDEN:
		return EV_FORBIDDEN;
	default:
		return EV_FAILED;
	}
}

enum ev_outcome bijeenkomsten_report(struct store *st, struct arena *a, int64_t id,
				     const char **report, struct event_document_row **docs,
				     int *n_docs)
{
	*docs = NULL;
	*n_docs = 0;
	enum ev_outcome o = from_store(store_event_report(st, a, id, report));
	if (o == EV_OK)
		o = from_store(store_event_documents(st, a, id, docs, n_docs));
	return o;
}

/* Staff and an existing event: EV_OK with *ev, else the outcome. */
static enum ev_outcome staff_event(struct store *st, struct arena *a, const struct user *u,
				   int64_t id, struct event_row *ev)
{
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	return from_store(store_event_get(st, a, id, ev));
}

enum ev_outcome bijeenkomsten_save_report(struct store *st, const struct user *u, const char *via,
					  int64_t id, const char *report, struct field_errors *e)
{
	struct arena *a = arena_new();
	struct event_row ev;
	enum ev_outcome o = staff_event(st, a, u, id, &ev);
	char now[17];
	bijeenkomsten_now(now);
	if (o == EV_OK && !bijeenkomst_check_report(report, ev.starts_at, now, e))
		o = EV_INVALID;
	if (o == EV_OK) {
		struct write_ctx w;
		char actor[80], today[11];
		accounts_write_ctx(u, via, &w, actor, today);
		o = from_store(store_event_set_report(st, &w, id, report ? report : ""));
	}
	arena_free(a);
	return o;
}

enum ev_outcome bijeenkomsten_add_document(struct store *st, const struct user *u, const char *via,
					   int64_t id, const char *title, const char *url,
					   struct field_errors *e, int64_t *doc_id)
{
	*doc_id = 0;
	struct arena *a = arena_new();
	struct event_row ev;
	enum ev_outcome o = staff_event(st, a, u, id, &ev);
	char now[17];
	bijeenkomsten_now(now);
	if (o == EV_OK && !bijeenkomst_check_document(title, url, ev.starts_at, now, e))
		o = EV_INVALID;
	struct event_document_row *docs;
	int n = 0;
	if (o == EV_OK)
		o = from_store(store_event_documents(st, a, id, &docs, &n));
	if (o == EV_OK && n >= EVENT_DOCS_MAX) {
		field_errors_add(e, "url", "Een bijeenkomst heeft ten hoogste %d documenten.",
				 EVENT_DOCS_MAX);
		o = EV_INVALID;
	}
	if (o == EV_OK) {
		struct write_ctx w;
		char actor[80], today[11];
		accounts_write_ctx(u, via, &w, actor, today);
		o = from_store(store_event_document_add(st, &w, id, title, url, doc_id));
	}
	arena_free(a);
	return o;
}

enum ev_outcome bijeenkomsten_remove_document(struct store *st, const struct user *u,
					      const char *via, int64_t id, int64_t doc_id)
{
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return from_store(store_event_document_remove(st, &w, id, doc_id));
}

/* The partner an attendee's organisation names: a code (accounts) or, for a
 * guest, a partner's name typed in full (any case). -1 when none. */
static int attendee_partner(const struct snapshot *s, const char *org)
{
	if (str_empty(org))
		return -1;
	int oi = snapshot_find_org(s, org);
	if (oi >= 0)
		return relaties_is_partner(s, oi) ? oi : -1;
	for (int i = 0; i < s->n_orgs; i++)
		if (strcasecmp(s->orgs[i].name, org) == 0 && relaties_is_partner(s, i))
			return i;
	return -1;
}

static int by_attended_then_name(const void *x, const void *y)
{
	const struct event_partner *a = x, *b = y;
	if (a->attended != b->attended)
		return a->attended ? -1 : 1;
	return strcmp(a->name, b->name);
}

enum ev_outcome bijeenkomsten_partners(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, int64_t id, struct event_partner **out,
				       int *n)
{
	*out = NULL;
	*n = 0;
	struct event_row ev;
	enum ev_outcome o = staff_event(st, a, u, id, &ev);
	if (o != EV_OK || !s)
		return o == EV_OK ? EV_FAILED : o;
	struct registration_row *regs;
	int nr;
	const char **logged;
	int nl;
	if (store_registrations(st, a, id, &regs, &nr) != STORE_OK ||
	    store_event_contact_orgs(st, a, id, &logged, &nl) != STORE_OK)
		return EV_FAILED;
	bool *came = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *came);
	for (int i = 0; i < nr; i++) {
		int oi = strcmp(regs[i].status, "aanwezig") == 0
			     ? attendee_partner(s, regs[i].organisation)
			     : -1;
		if (oi >= 0)
			came[oi] = true;
	}
	struct event_partner *p = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *p);
	int k = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		if (!relaties_is_partner(s, i))
			continue;
		bool done = false;
		for (int j = 0; j < nl && !done; j++)
			done = strcmp(logged[j], s->orgs[i].code) == 0;
		p[k++] = (struct event_partner){s->orgs[i].code, s->orgs[i].name, came[i], done};
	}
	if (k > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(p, (size_t)k, sizeof *p, by_attended_then_name);
	*out = p;
	*n = k;
	return EV_OK;
}

/* The partner org_code of s, or -1 (with a message on field) when it is
 * none. */
static int chosen_partner(const struct snapshot *s, const char *field, const char *org_code,
			  struct field_errors *e)
{
	int oi = s && !str_empty(org_code) ? snapshot_find_org(s, org_code) : -1;
	if (oi >= 0 && relaties_is_partner(s, oi))
		return oi;
	if (str_empty(org_code))
		field_errors_add(e, field, "Kies een partner uit de lijst.");
	else
		field_errors_add(e, field, "„%.60s” is geen partner van de provincie.", org_code);
	return -1;
}

enum ev_outcome bijeenkomsten_log_contacts(struct store *st, struct arena *a,
					   const struct snapshot *s, const struct user *u,
					   const char *via, int64_t id, const char *const *codes,
					   int n, struct field_errors *e, int *written)
{
	*written = 0;
	struct event_row ev;
	enum ev_outcome o = staff_event(st, a, u, id, &ev);
	if (o != EV_OK)
		return o;
	char now[17];
	bijeenkomsten_now(now);
	if (!bijeenkomst_has_started(ev.starts_at, now))
		field_errors_add(e, "organisaties",
				 "Vastleggen in het contactlog kan pas vanaf het begin van de "
				 "bijeenkomst.");
	else if (n <= 0)
		field_errors_add(e, "organisaties", "Kies minstens één partner.");
	int *oi = arena_calloc(a, (size_t)n + 1, sizeof *oi);
	for (int i = 0; !e->n && i < n; i++)
		oi[i] = chosen_partner(s, "organisaties", codes[i], e);
	if (e->n)
		return EV_INVALID;
	const char *report;
	const char **logged;
	int nl;
	if (store_event_report(st, a, id, &report) != STORE_OK ||
	    store_event_contact_orgs(st, a, id, &logged, &nl) != STORE_OK)
		return EV_FAILED;
	if (store_batch_begin(st) != STORE_OK)
		return EV_FAILED;
	for (int i = 0; o == EV_OK && i < n; i++) {
		const char *code = s->orgs[oi[i]].code;
		bool done = false;
		for (int j = 0; j < nl && !done; j++)
			done = strcmp(logged[j], code) == 0;
		for (int j = 0; j < i && !done; j++)
			done = oi[j] == oi[i];
		if (done)
			continue;
		const struct relaties_contact_form f = {
		    .held_on = arena_printf(a, "%.10s", ev.starts_at),
		    .kind = bijeenkomst_contact_kind(ev.kind),
		    .subject = ev.title,
		    .summary = report,
		    .confidentiality = "intern",
		    .event_id = id,
		};
		int64_t cid;
		o = from_relaties(relaties_add_contact(st, a, s, u, via, code, &f, e, &cid));
		if (o == EV_OK)
			(*written)++;
	}
	if (store_batch_end(st, o == EV_OK) != STORE_OK && o == EV_OK)
		o = EV_FAILED;
	if (o != EV_OK) {
		*written = 0;
		if (o != EV_INVALID)
			log_error("bijeenkomsten: logging event %lld in the contact log failed",
				  (long long)id);
	}
	return o;
}

enum ev_outcome bijeenkomsten_add_follow_up(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, int64_t id, const char *org_code,
					    const struct relaties_follow_up_form *f,
					    struct field_errors *e, int64_t *fu_id)
{
	*fu_id = 0;
	struct event_row ev;
	enum ev_outcome o = staff_event(st, a, u, id, &ev);
	if (o != EV_OK)
		return o;
	char now[17];
	bijeenkomsten_now(now);
	if (!bijeenkomst_has_started(ev.starts_at, now)) {
		field_errors_add(e, "organisatie",
				 "Een vervolgactie vastleggen kan pas vanaf het begin van de "
				 "bijeenkomst.");
		return EV_INVALID;
	}
	int oi = chosen_partner(s, "organisatie", org_code, e);
	if (oi < 0)
		return EV_INVALID;
	struct relaties_follow_up_form g = *f;
	int64_t cid = 0;
	if (store_event_contact_for(st, id, s->orgs[oi].code, &cid) != STORE_OK)
		return EV_FAILED;
	g.contact_id = cid;
	return from_relaties(
	    relaties_add_follow_up(st, a, s, u, via, s->orgs[oi].code, &g, e, fu_id));
}
