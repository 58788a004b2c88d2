/*
 * analysis_people — /analyse/bestuurders: office holders ranked
 * by their number of current seats in collaboration bodies, and the
 * interlocks: people with current seats in two or more collaborations,
 * who thereby connect them. See roles.h.
 *
 * Reads the seats (store_seats_all) and people (store_person_list) from
 * the store per request. Privacy: anonymous visitors see only people who
 * hold or held a public office; erased people ("onbekende persoon") are
 * left out for everyone. A seat is current when it started on or before
 * today (or has no start) and has no end or ends after today.
 */
#include "auth_ui.h"
#include "roles.h"
#include "people.h"
#include "../app/policy.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../store/store_people.h"

#include <stdlib.h>
#include <string.h>

struct holder {
	const struct person *p;
	int n_seats;		   /* current seats */
	int n_collabs;		   /* distinct collaborations of those seats */
	const struct seat **seats; /* current seats, by collaboration name */
};

static int cmp_holder(const void *x, const void *y)
{
	const struct holder *a = x, *b = y;
	if (a->n_seats != b->n_seats)
		return a->n_seats > b->n_seats ? -1 : 1;
	return strcmp(a->p->name, b->p->name);
}

static int cmp_interlock(const void *x, const void *y)
{
	const struct holder *a = *(const struct holder *const *)x;
	const struct holder *b = *(const struct holder *const *)y;
	if (a->n_collabs != b->n_collabs)
		return a->n_collabs > b->n_collabs ? -1 : 1;
	return strcmp(a->p->name, b->p->name);
}

static int cmp_seat_ptr(const void *x, const void *y)
{
	const struct seat *a = *(const struct seat *const *)x;
	const struct seat *b = *(const struct seat *const *)y;
	int c = strcmp(a->collab_name, b->collab_name);
	return c ? c : (int)a->body - (int)b->body;
}

static bool seat_current(const struct seat *st, const char *today)
{
	return (!st->from[0] || strcmp(st->from, today) <= 0) &&
	       (!st->to[0] || strcmp(st->to, today) > 0);
}

static void person_link(struct buf *b, const struct person *p)
{
	comp_link_seg(b, "/personen", p->key, p->name);
}

/* The seats as a list: "Collaboration (body, namens organisation)". */
static void seats_list(struct buf *b, const struct holder *h, bool distinct_only)
{
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-compact-list\">");
	for (int i = 0; i < h->n_seats; i++) {
		const struct seat *st = h->seats[i];
		if (distinct_only && i > 0 &&
		    strcmp(h->seats[i - 1]->collab_key, st->collab_key) == 0)
			continue;
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		comp_link_seg(b, "/samenwerkingsverbanden", st->collab_key,
			      st->collab_name[0] ? st->collab_name : st->collab_key);
		if (!distinct_only) {
			html_raw(b, " (");
			int body =
			    (int)st->body >= 0 && st->body < SEAT_BODY_COUNT ? (int)st->body : 0;
			html_text(b, seat_body_labels[body].label);
			if (st->org_name[0]) {
				html_raw(b, ", namens ");
				html_text(b, st->org_name);
			}
			html_raw(b, ")");
		}
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul>");
}

int page_bestuurders(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct person *people = NULL;
	struct seat *seats = NULL;
	int n_people = 0, n_seats = 0;
	struct store *st = store_thread();
	if (store_person_list(st, r->arena, &people, &n_people) != 0 ||
	    store_seats_all(st, r->arena, &seats, &n_seats) != 0) {
		log_error("bestuurders: reading people or seats failed");
		return respond_error(
		    r, 500, "Er ging iets mis",
		    "De bestuurders konden nu niet worden gelezen. Probeer het later "
		    "opnieuw.",
		    NULL);
	}
	r->etag = s->etag;
	const char *today = s->today;

	/* the visible holders with at least one current seat */
	struct holder *hs = arena_calloc(r->arena, (size_t)n_people + 1, sizeof *hs);
	int nh = 0;
	for (int i = 0; i < n_people; i++) {
		const struct person *p = &people[i];
		if (!policy_person_visible(r->user, p))
			continue;
		struct holder h = {.p = p};
		for (int k = 0; k < n_seats; k++)
			if (seats[k].person_id == p->id && seat_current(&seats[k], today))
				h.n_seats++;
		if (h.n_seats == 0)
			continue;
		h.seats = arena_calloc(r->arena, (size_t)h.n_seats, sizeof *h.seats);
		int m = 0;
		for (int k = 0; k < n_seats; k++)
			if (seats[k].person_id == p->id && seat_current(&seats[k], today))
				h.seats[m++] = &seats[k];
		qsort(h.seats, (size_t)m, sizeof *h.seats, cmp_seat_ptr);
		for (int k = 0; k < m; k++)
			if (k == 0 ||
			    strcmp(h.seats[k - 1]->collab_key, h.seats[k]->collab_key) != 0)
				h.n_collabs++;
		hs[nh++] = h;
	}
	qsort(hs, (size_t)nh, sizeof *hs, cmp_holder);
	struct holder **il = arena_calloc(r->arena, (size_t)nh + 1, sizeof *il);
	int ni = 0;
	for (int i = 0; i < nh; i++)
		if (hs[i].n_collabs >= 2)
			il[ni++] = &hs[i];
	qsort(il, (size_t)ni, sizeof *il, cmp_interlock);

	const struct crumb crumbs[] = {{"Analyses", "/analyse"}, {"Bestuurders", NULL}};
	const struct page_head h = {.title = "Bestuurders en verwevenheid",
				    .nav = NAV_PEOPLE,
				    .crumbs = crumbs,
				    .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Bestuurders en verwevenheid</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Wie zit waar? Deze "
		    "analyse zet de bestuurders op volgorde van hun aantal huidige zetels in "
		    "besturen van samenwerkingsverbanden, en toont wie samenwerkingsverbanden met "
		    "elkaar verbindt doordat hij of zij in twee of meer ervan zit.</p>");
	if (!r->user)
		html_raw(b, "<p class=\"utrecht-paragraph atlas-muted\">U bent niet ingelogd: "
			    "alleen personen met een openbaar ambt (zoals burgemeester, wethouder, "
			    "gedeputeerde of dijkgraaf) staan in dit overzicht. Ambtenaren zijn "
			    "alleen zichtbaar voor ingelogde gebruikers.</p>");

	if (nh == 0) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Nog geen bestuurders met zetels</h2>"
			    "<p class=\"utrecht-paragraph\">Er zijn ");
		html_raw(b, n_people == 0 ? "nog geen personen vastgelegd. "
					  : "nog geen zichtbare personen met een huidige zetel. ");
		html_raw(b, "De meegeleverde gegevens bevatten bewust geen personen: er is geen "
			    "bronlijst van de huidige bestuurders. Personen, hun functies en hun "
			    "zetels komen in de atlas doordat redacteuren ze invoeren (via ");
		comp_link(b, "/personen", "Personen");
		html_raw(b, " en de zetels van een samenwerkingsverband) of door de import uit "
			    "de ROO (Registratie Overheidsorganisaties).</p>");
	} else {
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"rangorde\">Bestuurders naar "
			    "aantal huidige zetels</h2>");
		static const struct comp_col cols[] = {{"Persoon", false},
						       {"Partij", false},
						       {"Huidige zetels", true},
						       {"Samenwerkingsverbanden", true},
						       {"Zetels", false}};
		comp_table_open_ex(b, "Bestuurders naar aantal huidige zetels", cols, 5, true);
		for (int i = 0; i < nh; i++) {
			comp_row_open(b);
			comp_th_open(b);
			person_link(b, hs[i].p);
			comp_th_close(b);
			comp_td_text(b, hs[i].p->party, "Onbekend");
			comp_td_int(b, hs[i].n_seats);
			comp_td_int(b, hs[i].n_collabs);
			comp_td_open(b, false);
			seats_list(b, &hs[i], false);
			comp_td_close(b);
			comp_row_close(b);
		}
		comp_table_close(b);

		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"verwevenheid\">Verwevenheid: "
			    "personen die samenwerkingsverbanden verbinden</h2>");
		if (ni == 0) {
			html_raw(b,
				 "<p class=\"utrecht-paragraph\">Niemand heeft nu zetels in twee "
				 "of meer samenwerkingsverbanden.</p>");
		} else {
			html_raw(b, "<p class=\"utrecht-paragraph\">");
			html_int_nl(b, ni);
			html_raw(b, ni == 1 ? " persoon zit" : " personen zitten");
			html_raw(b, " nu in twee of meer samenwerkingsverbanden en verbindt die "
				    "daarmee.</p>");
			static const struct comp_col icols[] = {
			    {"Persoon", false},
			    {"Aantal verbonden samenwerkingsverbanden", true},
			    {"Verbindt", false}};
			comp_table_open_ex(b, "Personen die samenwerkingsverbanden verbinden",
					   icols, 3, true);
			for (int i = 0; i < ni; i++) {
				comp_row_open(b);
				comp_th_open(b);
				person_link(b, il[i]->p);
				comp_th_close(b);
				comp_td_int(b, il[i]->n_collabs);
				comp_td_open(b, false);
				seats_list(b, il[i], true);
				comp_td_close(b);
				comp_row_close(b);
			}
			comp_table_close(b);
		}
	}
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}
