/*
 * org_glance (app) — see org_glance.h.
 */
#include "org_glance.h"
#include "derived_seats.h"
#include "policy.h"
#include "../domain/labels.h"
#include "../domain/people.h"
#include "../io/wgr_rules.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../store/store_calendar.h"
#include "../store/store_people.h"
#include "../store/store_write.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ab_date_of(const struct ab_meeting *ab, int n_ab, const char *key, int year)
{
	for (int i = 0; i < n_ab; i++)
		if (ab[i].budget_year == year && strcmp(ab[i].collab_key, key) == 0)
			return ab[i].date;
	return NULL;
}

static int moments_with(const struct ab_meeting *ab, int n_ab, const struct snapshot *s, int c,
			int y0, int y1, struct wgr_moment *out, int max)
{
	const struct collaboration *cb = &s->collabs[c];
	int n = 0;
	for (int y = y0; y <= y1 && n < max; y++) {
		struct wgr_input in = {.legal_form = cb->legal_form,
				       .kind = cb->kind,
				       .minister = wgr_collab_minister(s, c),
				       .year = y,
				       .ab_date = ab_date_of(ab, n_ab, cb->key, y)};
		n += wgr_calendar_compute(wgr_rules_current(), &in, out + n, max - n);
	}
	return n;
}

static void load_ab(struct store *st, struct arena *a, struct ab_meeting **ab, int *n)
{
	*ab = NULL;
	*n = 0;
	if (!st || store_ab_meeting_list(st, a, NULL, ab, n) != STORE_OK) {
		*ab = NULL;
		*n = 0;
	}
}

int org_glance_moments(struct store *st, struct arena *a, const struct snapshot *s, int c, int y0,
		       int y1, struct wgr_moment *out, int max)
{
	struct ab_meeting *ab;
	int n_ab;
	load_ab(st, a, &ab, &n_ab);
	return moments_with(ab, n_ab, s, c, y0, y1, out, max);
}

/* A seat counts on date d when it started on or before d and ends after d. */
static bool seat_on(const char *from, const char *to, const char *d)
{
	return (str_empty(from) || strcmp(from, d) <= 0) && (str_empty(to) || strcmp(to, d) > 0);
}

static const struct person *find_person(const struct person *pe, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (pe[i].id == id)
			return &pe[i];
	return NULL;
}

/* The organisation's seats per collaboration (visible to u), attached to rows. */
static void attach_seats(struct store *st, const struct snapshot *s, int oi, const struct user *u,
			 struct arena *a, struct org_glance *g)
{
	const struct organisation *o = &s->orgs[oi];
	struct seat *se = NULL;
	int n_se = 0;
	if (store_seats_of_org(st, a, o->code, &se, &n_se) != STORE_OK)
		n_se = 0;
	struct office *of = NULL;
	int n_of = 0;
	if (store_offices_of_org(st, a, o->code, &of, &n_of) != STORE_OK)
		n_of = 0;
	struct derived_seat *ds = NULL;
	int n_ds = 0;
	if (n_of > 0 && derived_seats_of_offices(st, s, of, n_of, a, &ds, &n_ds) != 0)
		n_ds = 0;
	struct person *pe = arena_calloc(a, (size_t)n_se + 1, sizeof *pe);
	int n_pe = 0;
	for (int i = 0; pe && i < n_se; i++) {
		if (find_person(pe, n_pe, se[i].person_id) || str_empty(se[i].person_key))
			continue;
		if (store_person_get(st, a, se[i].person_key, &pe[n_pe]) == STORE_OK)
			n_pe++;
	}
	for (int r = 0; r < g->n_rows; r++) {
		struct glance_row *row = &g->rows[r];
		const char *key = s->collabs[row->collab].key;
		row->seats = arena_calloc(a, (size_t)(n_se + n_ds) + 1, sizeof *row->seats);
		if (!row->seats)
			continue;
		for (int i = 0; i < n_se; i++) {
			if (strcmp(se[i].collab_key, key) != 0 ||
			    !seat_on(se[i].from, se[i].to, s->today))
				continue;
			const struct person *p = pe ? find_person(pe, n_pe, se[i].person_id) : NULL;
			if (!p || !policy_person_record_visible(u, p))
				continue;
			row->seats[row->n_seats++] = (struct glance_seat){
			    .body = se[i].body,
			    .person = p->erased ? "Onbekende persoon" : p->name,
			    .person_key = p->erased ? "" : p->key,
			};
		}
		for (int i = 0; i < n_ds; i++) {
			const struct derived_seat *d = &ds[i];
			if (d->org != oi || strcmp(d->rule->collab_key, key) != 0 ||
			    d->office.id <= 0 || d->person.erased)
				continue;
			row->seats[row->n_seats++] = (struct glance_seat){
			    .body = d->rule->body,
			    .person = d->person.name,
			    .person_key = d->person.key,
			    .by_law = true,
			};
		}
	}
}

/* The amount the audit trail shows for participation p on date d (the
 * last event at or before d), -1 when unknown. */
static int64_t amount_on(struct store *st, struct arena *a, const struct participation *p,
			 const char *d)
{
	char key[32];
	snprintf(key, sizeof key, "%lld", (long long)p->id);
	struct audit_row *ev = NULL;
	int n = 0;
	if (store_history(st, a, "participation", key, &ev, &n) != STORE_OK)
		return -1;
	/* newest first: the first event on or before d decides */
	for (int i = 0; i < n; i++) {
		if (strncmp(ev[i].at, d, 10) > 0 || strcmp(ev[i].entity, "participation") != 0 ||
		    strcmp(ev[i].entity_key, key) != 0)
			continue;
		if (strcmp(ev[i].action, "delete") == 0)
			return -1;
		if (str_empty(ev[i].after))
			continue;
		json_t *j = json_loads(ev[i].after, 0, NULL);
		if (!j)
			continue;
		json_t *v = json_object_get(j, "bijdrage");
		int64_t out = json_is_integer(v) ? (int64_t)json_integer_value(v) : -1;
		bool has = v != NULL;
		json_decref(j);
		if (has)
			return out;
	}
	return -1;
}

/* Which of two moments on the same day to name first: what the council
 * must act on before what merely reaches it. */
static int doc_rank(enum wgr_doc d)
{
	switch (d) {
	case WGR_DOC_ZIENSWIJZE_BEGROTING:
		return 0;
	case WGR_DOC_ONTWERPBEGROTING:
		return 1;
	case WGR_DOC_KADERNOTA:
		return 2;
	default:
		return 3;
	}
}

/* Next dated council moment of collaboration c from today on, and the
 * undated zienswijze of the coming begroting. */
static void next_moment(const struct ab_meeting *ab, int n_ab, const struct snapshot *s,
			enum org_kind kind, struct glance_row *row)
{
	const struct collaboration *cb = &s->collabs[row->collab];
	row->budget = wgr_budget_of(cb->kind, cb->legal_form);
	switch (row->budget) {
	case WGR_NO_BUDGET:
		snprintf(row->next_text, sizeof row->next_text,
			 "Geen eigen begroting: geen wettelijke termijnen");
		return;
	case WGR_NOT_WGR:
		snprintf(row->next_text, sizeof row->next_text,
			 "Geen Wgr-regeling: geen wettelijke termijnen");
		return;
	case WGR_UNKNOWN_FORM:
		snprintf(row->next_text, sizeof row->next_text,
			 "Vorm onbekend: geen termijnen berekend");
		return;
	default:
		break;
	}
	int y = atoi(s->today);
	struct wgr_moment m[WGR_MAX_MOMENTS * 3];
	int n = moments_with(ab, n_ab, s, row->collab, y, y + 2, m, WGR_MAX_MOMENTS * 3);
	int best = -1;
	for (int i = 0; i < n; i++) {
		if (!glance_council_doc(m[i].doc) || !m[i].date[0] ||
		    strcmp(m[i].date, s->today) < 0)
			continue;
		int d = best < 0 ? -1 : strcmp(m[i].date, m[best].date);
		if (d < 0 || (d == 0 && doc_rank(m[i].doc) < doc_rank(m[best].doc)))
			best = i;
	}
	if (best >= 0) {
		row->has_next = true;
		row->next = m[best];
		glance_moment_phrase(&m[best], kind, row->next_text, sizeof row->next_text);
	} else {
		snprintf(row->next_text, sizeof row->next_text, "Geen datum bekend");
	}
	/* the zienswijze on the next begroting whose AB meeting may still come
	 * (the law has it adopted before 15 September of the year before), when
	 * undated */
	for (int i = 0; i < n; i++) {
		char latest[16];
		snprintf(latest, sizeof latest, "%04u-09-15", (unsigned)(m[i].year - 1) % 10000u);
		if (m[i].doc != WGR_DOC_ZIENSWIJZE_BEGROTING ||
		    strcmp(m[i].date[0] ? m[i].date : latest, s->today) < 0)
			continue;
		if (m[i].date[0] && strcmp(m[i].date, s->today) >= 0) {
			/* dated and coming: name it when the next moment is another one */
			if (best != i) {
				glance_moment_phrase(&m[i], kind, row->pending,
						     sizeof row->pending);
				row->pending_dated = true;
				memcpy(row->pending_date, m[i].date, sizeof row->pending_date);
			}
			break;
		}
		if (!m[i].date[0]) {
			snprintf(row->pending, sizeof row->pending,
				 "Zienswijze op de begroting %d: vóór de vergadering van het "
				 "algemeen bestuur (datum nog niet in de atlas)",
				 m[i].year);
			break;
		}
	}
}

static void collab_sum(const struct snapshot *s, int c, int64_t *total, int *n_known,
		       int *n_members)
{
	const struct collaboration *cb = &s->collabs[c];
	*total = 0;
	*n_known = *n_members = 0;
	for (int k = 0; k < cb->n_parts; k++) {
		const struct participation *p = &s->parts[cb->parts[k]];
		if (!p->active)
			continue;
		(*n_members)++;
		if (p->contribution >= 0) {
			*total += p->contribution;
			(*n_known)++;
		}
	}
}

/* Known contributions of organisation oi over its active collaborations. */
static void org_sum(const struct snapshot *s, int oi, int64_t *total, int *n_known, int *n_collabs)
{
	const struct organisation *o = &s->orgs[oi];
	*total = 0;
	*n_known = *n_collabs = 0;
	int last = -1;
	for (int k = 0; k < o->n_parts; k++) {
		const struct participation *p = &s->parts[o->parts[k]];
		if (!p->active || !s->collabs[p->collaboration].active || p->collaboration == last)
			continue;
		last = p->collaboration;
		(*n_collabs)++;
		if (p->contribution >= 0) {
			*total += p->contribution;
			(*n_known)++;
		}
	}
}

int org_glance_build(struct store *st, const struct snapshot *s, int oi, const struct user *u,
		     struct arena *a, struct org_glance *g)
{
	const struct organisation *o = &s->orgs[oi];
	memset(g, 0, sizeof *g);
	g->org = oi;
	g->year = atoi(s->today);
	g->council = glance_council_of(o->kind);
	g->per_inhabitant = -1;
	g->rows = arena_calloc(a, (size_t)o->n_parts + 1, sizeof *g->rows);
	if (!g->rows)
		return -1;
	struct ab_meeting *ab;
	int n_ab;
	load_ab(st, a, &ab, &n_ab);
	char prev_end[16];
	snprintf(prev_end, sizeof prev_end, "%04u-12-31", (unsigned)(g->year - 1) % 10000u);

	/* o->parts is sorted by collaboration name: one row per collaboration */
	for (int k = 0; k < o->n_parts; k++) {
		const struct participation *p = &s->parts[o->parts[k]];
		if (!p->active || !s->collabs[p->collaboration].active)
			continue;
		if (g->n_rows > 0 && g->rows[g->n_rows - 1].collab == p->collaboration) {
			struct glance_row *prev = &g->rows[g->n_rows - 1];
			/* a second participation (another body): add a known amount */
			if (p->contribution >= 0)
				prev->amount =
				    (prev->amount < 0 ? 0 : prev->amount) + p->contribution;
			continue;
		}
		struct glance_row *row = &g->rows[g->n_rows++];
		row->collab = p->collaboration;
		row->part = o->parts[k];
		row->amount = p->contribution;
		row->amount_prev = st ? amount_on(st, a, p, prev_end) : -1;
		collab_sum(s, p->collaboration, &row->total, &row->n_known, &row->n_members);
		next_moment(ab, n_ab, s, o->kind, row);
	}
	for (int r = 0; r < g->n_rows; r++) {
		struct glance_row *row = &g->rows[r];
		row->share = glance_share(row->amount, row->total);
		if (row->amount >= 0) {
			g->total += row->amount;
			g->n_known++;
		}
		if (row->amount_prev >= 0) {
			g->total_prev += row->amount_prev;
			g->n_known_prev++;
		}
	}
	if (g->n_known > 0)
		g->per_inhabitant = glance_per_inhabitant(g->total, o->population);
	if (st)
		attach_seats(st, s, oi, u, a, g);

	int peers[GLANCE_MAX_PEERS];
	g->n_peers = glance_peers(s, oi, peers, GLANCE_MAX_PEERS);
	for (int i = 0; i < g->n_peers; i++) {
		struct glance_peer *pp = &g->peers[i];
		pp->org = peers[i];
		org_sum(s, peers[i], &pp->total, &pp->n_known, &pp->n_collabs);
		pp->per_inhabitant =
		    pp->n_known > 0 ? glance_per_inhabitant(pp->total, s->orgs[peers[i]].population)
				    : -1;
	}
	return 0;
}

int org_glance_council_events(struct store *st, const struct snapshot *s, int oi, struct arena *a,
			      struct glance_event **out, int *n)
{
	const struct organisation *o = &s->orgs[oi];
	struct ab_meeting *ab;
	int n_ab;
	load_ab(st, a, &ab, &n_ab);
	int y = atoi(s->today), cap = 64, cnt = 0;
	struct glance_event *v = arena_calloc(a, (size_t)cap, sizeof *v);
	if (!v)
		return -1;
	int last = -1;
	for (int k = 0; k < o->n_parts; k++) {
		const struct participation *p = &s->parts[o->parts[k]];
		if (!p->active || !s->collabs[p->collaboration].active || p->collaboration == last)
			continue;
		last = p->collaboration;
		struct wgr_moment m[WGR_MAX_MOMENTS * 3];
		int nm =
		    moments_with(ab, n_ab, s, p->collaboration, y, y + 2, m, WGR_MAX_MOMENTS * 3);
		for (int i = 0; i < nm; i++) {
			if (!glance_council_doc(m[i].doc) || !m[i].date[0] ||
			    strcmp(m[i].date, s->today) < 0)
				continue;
			for (int rem = 0; rem < 2; rem++) {
				char date[11];
				memcpy(date, m[i].date, sizeof date);
				if (rem) {
					int ay, am;
					if (m[i].doc != WGR_DOC_ZIENSWIJZE_BEGROTING ||
					    glance_agenda_month(m[i].date, &ay, &am) < 0)
						continue;
					char tmp[24];
					snprintf(tmp, sizeof tmp, "%04u-%02u-01",
						 (unsigned)ay % 10000u, (unsigned)am % 100u);
					memcpy(date, tmp, 10);
					date[10] = '\0';
					if (strcmp(date, s->today) < 0)
						continue;
				}
				if (cnt == cap) {
					struct glance_event *nv =
					    arena_calloc(a, (size_t)cap * 2, sizeof *nv);
					if (!nv)
						return -1;
					memcpy(nv, v, (size_t)cnt * sizeof *nv);
					v = nv;
					cap *= 2;
				}
				struct glance_event *e = &v[cnt++];
				e->collab = p->collaboration;
				e->m = m[i];
				e->agenda = rem == 1;
				memcpy(e->date, date, sizeof e->date);
				glance_moment_phrase(&m[i], o->kind, e->text, sizeof e->text);
			}
		}
	}
	/* by date, then collaboration name (insertion sort: few events) */
	for (int i = 1; i < cnt; i++) {
		struct glance_event t = v[i];
		int j = i - 1;
		while (j >= 0) {
			int d = strcmp(v[j].date, t.date);
			if (!d)
				d = v[j].collab - t.collab;
			if (d <= 0)
				break;
			v[j + 1] = v[j];
			j--;
		}
		v[j + 1] = t;
	}
	*out = v;
	*n = cnt;
	return 0;
}
