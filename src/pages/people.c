/*
 * people — the people pages: /personen, /personen/{id}, and the sections
 * embedded in the collaboration page ("Bestuur en vertegenwoordiging") and
 * the organisation page ("Wie zit waar"). The forms are in
 * people_forms.c, the administrator's export and erasure in
 * people_admin.c. People are read per request from the
 * store (not the snapshot); the privacy rules are in people.h.
 */
#include "people.h"

#include "auth_ui.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/derived_seats.h"
#include "../app/policy.h"
#include "../domain/provenance.h"
#include "../io/derived_seats.h"
#include "../store/store_provenance.h"
#include "../domain/labels.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- shared helpers ---------------------------------------------------------- */

bool people_period_current(const char *from, const char *to, const char *today)
{
	(void)from;
	return str_empty(to) || strcmp(to, today) > 0;
}

const char *people_href(struct request *r, const char *key, const char *suffix)
{
	return form_record_href(r, "/personen/", key, suffix);
}

void people_flash(struct buf *b, const struct request *r)
{
	static const struct form_notice msgs[] = {
	    {"persoon-aangemaakt", "De persoon is toegevoegd. Leg nu een functie of zetel vast."},
	    {"opgeslagen", "De wijzigingen zijn opgeslagen."},
	    {"functie-toegevoegd", "De functie is toegevoegd."},
	    {"zetel-toegevoegd", "De zetel is toegevoegd."},
	    {"functie-beeindigd", "De functie is beëindigd: de einddatum is vastgelegd."},
	    {"zetel-beeindigd", "De zetel is beëindigd: de einddatum is vastgelegd."},
	    {"gewist", "De gegevens van de persoon zijn gewist. Functies en zetels blijven "
		       "bestaan als „onbekende persoon”."},
	};
	form_flash_from(b, r, msgs, sizeof msgs / sizeof msgs[0]);
}

struct person *people_load_all(struct arena *a, int *n)
{
	struct person *all = NULL;
	*n = 0;
	struct store *st = store_thread();
	if (!st || store_person_list(st, a, &all, n) != STORE_OK) {
		log_error("people: store_person_list failed");
		*n = 0;
		return NULL;
	}
	return all;
}

const struct person *people_find(const struct person *all, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (all[i].id == id)
			return &all[i];
	return NULL;
}

/* Only the people these seats and offices refer to, each fetched once: a
 * collaboration or organisation page must not load every person in the
 * registry (20,000 at national scale). The array lives in arena a. */
static struct person *load_people_of(struct arena *a, const struct seat *se, int n_se,
				     const struct office *of, int n_of, int *n)
{
	struct store *st = store_thread();
	struct person *out = arena_calloc(a, (size_t)(n_se + n_of) + 1, sizeof *out);
	*n = 0;
	if (!st || !out)
		return out;
	for (int i = 0; i < n_se + n_of; i++) {
		int64_t id = i < n_se ? se[i].person_id : of[i - n_se].person_id;
		const char *key = i < n_se ? se[i].person_key : of[i - n_se].person_key;
		if (people_find(out, *n, id) || !key[0])
			continue;
		if (store_person_get(st, a, key, &out[*n]) == STORE_OK && out[*n].id == id)
			(*n)++;
	}
	return out;
}

const char *people_shown_name(const struct person *p, const char *fallback)
{
	if (p && p->erased)
		return "Onbekende persoon";
	if (p && p->name[0])
		return p->name;
	return str_empty(fallback) ? "Onbekende persoon" : fallback;
}

/* A link to the person (plain text for erased people: their key is not
 * shown anywhere). */
static void person_link(struct buf *b, const struct person *p, const char *key, const char *name)
{
	if ((p && p->erased) || str_empty(key)) {
		html_raw(b, "<span class=\"atlas-unknown\">");
		html_text(b, people_shown_name(p, name));
		html_raw(b, "</span>");
		return;
	}
	comp_link_seg(b, "/personen", key, people_shown_name(p, name));
}

static const char *office_label(enum office_kind k)
{
	return (int)k >= 0 && k < OFFICE_COUNT ? office_labels[k].label : "Onbekend";
}

/* The office as shown: "Waarnemend burgemeester" for an acting one. */
static const char *office_shown(struct request *r, const struct office *f)
{
	if (!f->acting)
		return office_label(f->kind);
	char low[80];
	snprintf(low, sizeof low, "%s", office_label(f->kind));
	if (low[0] >= 'A' && low[0] <= 'Z' && f->kind != OFFICE_CDK)
		low[0] = (char)(low[0] | 0x20);
	return arena_printf(r->arena, "Waarnemend %s", low);
}

/* The source of an office or seat (entity "office" / "seat", key
 * "<place>/<id>"): its provenance row (field record, fact), or NULL. */
static const struct provenance_row *membership_source(struct request *r, const char *entity,
						      const char *place, int64_t id)
{
	struct store *st = store_thread();
	struct provenance_row *rows = NULL;
	int n = 0;
	const char *key = arena_printf(r->arena, "%s/%lld", place, (long long)id);
	if (!st || store_provenance_of(st, r->arena, entity, key, false, &rows, &n) != STORE_OK)
		return NULL;
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].field, "record") == 0 && strcmp(rows[i].status, "fact") == 0)
			return &rows[i];
	return NULL;
}

/* "Bron: <title> (date), <certainty in words>" and, for a low-confidence
 * source, the badge "Mogelijk verouderd"; nothing when src is NULL. */
static void source_mark(struct buf *b, const struct provenance_row *src)
{
	if (!src)
		return;
	html_raw(b, "<br><small class=\"atlas-muted atlas-source-mark\">Bron: ");
	const char *title = src->source_title[0] ? src->source_title : src->source_url;
	if (src->source_url[0])
		comp_ext_link(b, src->source_url, title[0] ? title : "bron");
	else
		html_text(b, title[0] ? title : "onbekend");
	if (src->source_date[0]) {
		html_raw(b, " (");
		html_text(b, src->source_date);
		html_raw(b, ")");
	}
	char words[160];
	provenance_words(src->confidence, false, src->source_kind, false, words, sizeof words);
	html_raw(b, "; ");
	html_text(b, words);
	html_raw(b, "</small>");
	if (strcmp(src->confidence, "low") == 0) {
		html_raw(b, " ");
		comp_badge(b, BADGE_WARNING, "Mogelijk verouderd");
	}
}

static const char *body_label(enum seat_body k)
{
	return (int)k >= 0 && k < SEAT_BODY_COUNT ? seat_body_labels[k].label : "Onbekend";
}

static void privacy_note(struct buf *b, const struct request *r)
{
	html_raw(b, "<p class=\"utrecht-paragraph atlas-muted\">");
	if (r->user)
		html_raw(b, "U bent ingelogd en ziet daarom ook ambtenaren, contactgegevens en "
			    "opmerkingen. Bezoekers die niet zijn ingelogd zien alleen openbare "
			    "gegevens over publieke functies: naam, partij, functies, zetels en "
			    "periodes.");
	else
		html_raw(b, "Van personen tonen we alleen openbare gegevens over hun publieke "
			    "functie: naam, partij, functies, zetels en periodes. Ambtenaren en "
			    "contactgegevens zijn alleen zichtbaar voor ingelogde gebruikers.");
	html_raw(b, "</p>");
}

int people_store_failure(struct request *r)
{
	log_error("people: store failure");
	return respond_error(r, 500, "Er ging iets mis",
			     "De gegevens konden niet worden gelezen of opgeslagen. Er is niets "
			     "gewijzigd. Probeer het later opnieuw.",
			     NULL);
}

int people_load_or_respond(struct request *r, struct store *st, struct person *p)
{
	int rc = st ? store_person_get(st, r->arena, r->path_args[0], p) : -1;
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc != STORE_OK)
		return people_store_failure(r);
	return 0;
}

/* ---- /personen ------------------------------------------------------------- */

static void empty_state(struct buf *b, const struct request *r, bool hidden_only)
{
	html_raw(b, "<div class=\"atlas-empty\" id=\"geen-personen\">");
	if (hidden_only) {
		html_raw(b, "<p class=\"utrecht-paragraph\"><strong>Er zijn nog geen personen met "
			    "een publieke functie vastgelegd.</strong></p>");
	} else {
		html_raw(b, "<p class=\"utrecht-paragraph\"><strong>Er zijn nog geen personen "
			    "vastgelegd.</strong></p>");
	}
	html_raw(
	    b,
	    "<p class=\"utrecht-paragraph\">De gegevens die met de atlas worden meegeleverd "
	    "bevatten bewust geen personen: er is geen bronlijst van de huidige bestuurders en "
	    "hun functies die we kunnen verantwoorden, en we verzinnen geen gegevens over "
	    "mensen.</p>"
	    "<p class=\"utrecht-paragraph\">Personen komen op twee manieren in de atlas:</p>"
	    "<ul class=\"utrecht-unordered-list\">"
	    "<li class=\"utrecht-unordered-list__item\"><strong>Invoer door redacteuren.</strong> "
	    "Redacteuren van de partnerorganisaties en het programmateam leggen na het inloggen "
	    "personen vast, met hun functies (bijvoorbeeld wethouder of dijkgraaf) en hun zetels "
	    "in de organen van samenwerkingsverbanden.</li>"
	    "<li class=\"utrecht-unordered-list__item\"><strong>Import met bron.</strong> "
	    "Publieke ambtsdragers (burgemeesters, gedeputeerden, dijkgraven …) komen met een "
	    "wijzigingenset (tabel office_holders) in de atlas, elk met bron, datum en "
	    "zekerheid; ook het Register van Overheidsorganisaties (ROO) kan worden "
	    "ingelezen.</li></ul>");
	if (policy_may_create_person(r->user, r->snap)) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, "/personen/nieuw", "Persoon toevoegen");
		html_raw(b, "</p>");
	} else if (!r->user) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Bent u redacteur? ");
		comp_link(b, "/inloggen?terug=/personen/nieuw",
			  "Log in om een persoon toe te voegen");
		html_raw(b, ".</p>");
	}
	html_raw(b, "</div>");
}

int page_person_list(struct request *r)
{
	struct buf *b = &r->out;
	int n = 0, n_seats = 0;
	struct person *all = people_load_all(r->arena, &n);
	struct seat *seats = NULL;
	struct store *st = store_thread();
	if (st && n > 0 && store_seats_all(st, r->arena, &seats, &n_seats) != STORE_OK) {
		seats = NULL;
		n_seats = 0;
	}
	char today[11];
	today_iso(today);

	int shown = 0;
	for (int i = 0; i < n; i++)
		if (policy_person_visible(r->user, &all[i]))
			shown++;

	const struct page_head h = {.title = "Personen", .nav = NAV_PEOPLE, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Personen</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Wie zit namens welke "
		 "organisatie in welk samenwerkingsverband? Bestuurders en volksvertegenwoordigers "
		 "met hun functies en zetels.</p>");
	people_flash(b, r);
	privacy_note(b, r);
	if (policy_may_create_person(r->user, r->snap)) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, "/personen/nieuw", "Persoon toevoegen");
		html_raw(b, "</p>");
	}

	if (shown == 0) {
		empty_state(b, r, n > 0);
	} else {
		html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\"><strong>");
		html_int_nl(b, shown);
		html_raw(b, shown == 1 ? " persoon" : " personen");
		html_raw(b, "</strong></p>");
		static const struct comp_col cols[] = {
		    {"Naam", false}, {"Partij", false}, {"Huidige zetels", true}};
		comp_table_open(b, "Personen", cols, 3);
		for (int i = 0; i < n; i++) {
			const struct person *p = &all[i];
			if (!policy_person_visible(r->user, p))
				continue;
			int cur = 0;
			for (int k = 0; k < n_seats; k++)
				if (seats[k].person_id == p->id &&
				    people_period_current(seats[k].from, seats[k].to, today))
					cur++;
			comp_row_open(b);
			comp_th_open(b);
			person_link(b, p, p->key, p->name);
			if (!p->has_public_office) {
				html_raw(b, " ");
				comp_badge(b, BADGE_NEUTRAL, "Niet openbaar");
			}
			comp_th_close(b);
			comp_td_text(b, p->party, "Onbekend");
			comp_td_int(b, cur);
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	layout_end(b, NULL);
	return 200;
}

/* ---- /personen/{id} ------------------------------------------------------- */

/* A small inline form to end an office or seat on a date (default today). */
static void end_form(struct buf *b, struct request *r, const char *person_key, const char *what,
		     int64_t id, const char *today, const char *label)
{
	html_raw(b, "<form class=\"atlas-inline-form\" method=\"post\" action=\"");
	html_attr(b,
		  people_href(r, person_key,
			      arena_printf(r->arena, "/%s/%lld/beeindigen", what, (long long)id)));
	html_raw(b, "\">");
	form_csrf(b, r);
	html_rawf(b,
		  "<label class=\"utrecht-form-label\" for=\"tot-%s-%lld\">Einddatum"
		  "<span class=\"atlas-visually-hidden\"> ",
		  what, (long long)id);
	html_text(b, label);
	html_rawf(b,
		  "</span></label> <input class=\"utrecht-textbox utrecht-textbox--html-input\" "
		  "type=\"date\" id=\"tot-%s-%lld\" name=\"tot\" value=\"",
		  what, (long long)id);
	html_attr(b, today);
	html_raw(b, "\"> <button class=\"utrecht-button utrecht-button--secondary-action\" "
		    "type=\"submit\">Beëindigen<span class=\"atlas-visually-hidden\"> ");
	html_text(b, label);
	html_raw(b, "</span></button></form>");
}

/*
 * Open the table of a person's current or past offices or seats (`what`,
 * "functies" or "zetels"): the three leading columns, "Van", "Tot" (past)
 * and "Beheer" (manage). With no rows, the paragraph "Geen huidige/eerdere
 * <what> vastgelegd." instead, and false.
 */
static bool period_table_open(struct buf *b, const char *what, const char *const lead[3], int rows,
			      bool past, bool manage)
{
	if (rows == 0) {
		html_raw(b, past ? "<p class=\"utrecht-paragraph\">Geen eerdere "
				 : "<p class=\"utrecht-paragraph\">Geen huidige ");
		html_text(b, what);
		html_raw(b, " vastgelegd.</p>");
		return false;
	}
	struct comp_col cols[6];
	int nc = 0;
	for (int k = 0; k < 3; k++)
		cols[nc++] = (struct comp_col){lead[k], false};
	cols[nc++] = (struct comp_col){"Van", false};
	if (past)
		cols[nc++] = (struct comp_col){"Tot", false};
	if (manage)
		cols[nc++] = (struct comp_col){"Beheer", false};
	char caption[64];
	snprintf(caption, sizeof caption, "%s %s", past ? "Eerdere" : "Huidige", what);
	comp_table_open_ex(b, caption, cols, nc, true);
	return true;
}

/* The dated part of one office or seat row. */
struct period_row {
	const char *what; /* "functies" or "zetels": the end form's path */
	int64_t id;
	const char *from, *to;
	const char *org_code; /* whose people managers may end it */
};

/* The last cells of an office or seat row: "Van", "Tot" (past) and, in a
 * managed table, the end form (named label) when the user may manage the
 * row's organisation; then the row is closed. */
static void period_row_close(struct buf *b, struct request *r, const struct person *p,
			     const struct period_row *row, bool past, bool manage,
			     const char *today, const char *label)
{
	comp_td_date(b, row->from, "Onbekend");
	if (past)
		comp_td_date(b, row->to, "Onbekend");
	if (manage) {
		comp_td_open(b, false);
		if (policy_may_manage_org_people(r->user, row->org_code))
			end_form(b, r, p->key, row->what, row->id, today, label);
		comp_td_close(b);
	}
	comp_row_close(b);
}

static void offices_table(struct buf *b, struct request *r, const struct person *p,
			  const struct office *of, int n, bool past, const char *today)
{
	bool manage = false;
	int rows = 0;
	for (int i = 0; i < n; i++) {
		if (!policy_office_visible(r->user, of[i].kind))
			continue;
		if (people_period_current(of[i].from, of[i].to, today) == past)
			continue;
		rows++;
		manage = manage || (!past && policy_may_manage_org_people(r->user, of[i].org_code));
	}
	static const char *const lead[3] = {"Functie", "Organisatie", "Portefeuille"};
	if (!period_table_open(b, "functies", lead, rows, past, manage))
		return;
	for (int i = 0; i < n; i++) {
		const struct office *o = &of[i];
		if (!policy_office_visible(r->user, o->kind))
			continue;
		if (people_period_current(o->from, o->to, today) == past)
			continue;
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, office_shown(r, o));
		source_mark(b, membership_source(r, "office", o->org_code, o->id));
		comp_th_close(b);
		comp_td_open(b, false);
		if (snapshot_find_org(r->snap, o->org_code) >= 0)
			comp_link_seg(b, "/organisaties", o->org_code, o->org_name);
		else
			html_text(b, o->org_name[0] ? o->org_name : o->org_code);
		comp_td_close(b);
		comp_td_text(b, o->portfolio, "—");
		const struct period_row row = {"functies", o->id, o->from, o->to, o->org_code};
		period_row_close(
		    b, r, p, &row, past, manage, today,
		    arena_printf(r->arena, "%s bij %s", office_label(o->kind), o->org_name));
	}
	comp_table_close(b);
}

static void seats_table(struct buf *b, struct request *r, const struct person *p,
			const struct seat *se, int n, bool past, const char *today)
{
	bool manage = false;
	int rows = 0;
	for (int i = 0; i < n; i++) {
		if (people_period_current(se[i].from, se[i].to, today) == past)
			continue;
		rows++;
		manage = manage || (!past && policy_may_manage_org_people(r->user, se[i].org_code));
	}
	static const char *const lead[3] = {"Samenwerkingsverband", "Orgaan", "Namens"};
	if (!period_table_open(b, "zetels", lead, rows, past, manage))
		return;
	for (int i = 0; i < n; i++) {
		const struct seat *s = &se[i];
		if (people_period_current(s->from, s->to, today) == past)
			continue;
		comp_row_open(b);
		comp_th_open(b);
		if (snapshot_find_collab(r->snap, s->collab_key) >= 0)
			comp_link_seg(b, "/samenwerkingsverbanden", s->collab_key, s->collab_name);
		else
			html_text(b, s->collab_name[0] ? s->collab_name : s->collab_key);
		comp_th_close(b);
		comp_td_open(b, false);
		html_text(b, body_label(s->body));
		source_mark(b, membership_source(r, "seat", s->collab_key, s->id));
		comp_td_close(b);
		comp_td_open(b, false);
		if (snapshot_find_org(r->snap, s->org_code) >= 0)
			comp_link_seg(b, "/organisaties", s->org_code, s->org_name);
		else
			html_text(b, s->org_name[0] ? s->org_name : s->org_code);
		comp_td_close(b);
		const struct period_row row = {"zetels", s->id, s->from, s->to, s->org_code};
		period_row_close(
		    b, r, p, &row, past, manage, today,
		    arena_printf(r->arena, "%s van %s", body_label(s->body), s->collab_name));
	}
	comp_table_close(b);
}

static const char *action_label(const char *action)
{
	static const struct {
		const char *code, *label;
	} t[] = {{"insert", "Aangemaakt"},	     {"update", "Gewijzigd"},
		 {"delete", "Verwijderd"},	     {"confirm", "Bevestigd"},
		 {"erase", "Gegevens gewist (AVG)"}, {"end", "Beëindigd"}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (action && strcmp(action, t[i].code) == 0)
			return t[i].label;
	return action ? action : "";
}

static const char *entity_label(const char *entity)
{
	if (!entity)
		return "";
	if (strcmp(entity, "person") == 0)
		return "Persoon";
	if (strcmp(entity, "office") == 0)
		return "Functie";
	if (strcmp(entity, "seat") == 0)
		return "Zetel";
	return entity;
}

/* The audit trail of the person, for signed-in users: when, what, by whom.
 * No before/after data is shown (an erasure keeps no personal data). */
static void person_history(struct buf *b, const struct person *p)
{
	struct audit_row *rows = NULL;
	int n = 0;
	struct store *st = store_thread();
	struct arena *a = arena_new();
	if (!st || store_history(st, a, "person", p->key, &rows, &n) != STORE_OK) {
		arena_free(a);
		return;
	}
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"geschiedenis\">Geschiedenis</h2>");
	if (n == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Nog geen wijzigingen vastgelegd.</p>");
	} else {
		static const struct comp_col cols[] = {
		    {"Moment (UTC)", false}, {"Wat", false}, {"Gegeven", false}, {"Door", false}};
		comp_table_open(b, "Wijzigingen van deze persoon", cols, 4);
		for (int i = 0; i < n; i++) {
			comp_row_open(b);
			comp_td_text(b, rows[i].at, "");
			comp_td_text(b, action_label(rows[i].action), "");
			comp_td_text(b, entity_label(rows[i].entity), "");
			comp_td_open(b, false);
			form_actor(b, rows[i].actor);
			comp_td_close(b);
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	arena_free(a);
}

/*
 * The seats the offices of[0..n) give by law (app/derived_seats.h), as a
 * table under `what` (a heading text): the collaboration, the body with
 * its legal basis, on behalf of, and — with_person — who holds it. Nothing
 * when there are none. People u may not see are left out.
 */
static void derived_seats_table(struct buf *b, struct request *r, const struct office *of, int n,
				bool with_person)
{
	struct derived_seat *ds = NULL;
	int nd = 0, shown = 0;
	if (derived_seats_of_offices(store_thread(), r->snap, of, n, r->arena, &ds, &nd) != 0)
		return;
	for (int i = 0; i < nd; i++)
		if (policy_person_visible(r->user, &ds[i].person))
			shown++;
	if (shown == 0)
		return;
	html_raw(b, "<h3 class=\"utrecht-heading-3\">Zetels volgens de wet</h3>"
		    "<p class=\"utrecht-paragraph\">Deze zetels volgen uit een functie: de wet "
		    "bepaalt wie in het orgaan zit. Ze worden niet apart vastgelegd en veranderen "
		    "vanzelf mee met de functie.</p>");
	struct comp_col cols[4];
	int nc = 0;
	if (with_person)
		cols[nc++] = (struct comp_col){"Persoon", false};
	cols[nc++] = (struct comp_col){"Samenwerkingsverband", false};
	cols[nc++] = (struct comp_col){"Orgaan en grondslag", false};
	if (!with_person)
		cols[nc++] = (struct comp_col){"Namens", false};
	comp_table_open(b, "Zetels volgens de wet", cols, nc);
	for (int i = 0; i < nd; i++) {
		const struct derived_seat *d = &ds[i];
		if (!policy_person_visible(r->user, &d->person))
			continue;
		int ci = snapshot_find_collab(r->snap, d->rule->collab_key);
		comp_row_open(b);
		comp_th_open(b);
		if (with_person)
			person_link(b, &d->person, d->person.key, d->person.name);
		else if (ci >= 0)
			comp_link_seg(b, "/samenwerkingsverbanden", r->snap->collabs[ci].key,
				      r->snap->collabs[ci].name);
		comp_th_close(b);
		if (with_person) {
			comp_td_open(b, false);
			if (ci >= 0)
				comp_link_seg(b, "/samenwerkingsverbanden",
					      r->snap->collabs[ci].key, r->snap->collabs[ci].name);
			comp_td_close(b);
		}
		comp_td_open(b, false);
		char basis[200];
		html_text(b, body_label(d->rule->body));
		html_raw(b, ", ");
		comp_ext_link(b, d->rule->url, derived_seat_basis(d->rule, basis, sizeof basis));
		html_raw(b, " als ");
		char low[80];
		snprintf(low, sizeof low, "%s", office_shown(r, &d->office));
		if (low[0] >= 'A' && low[0] <= 'Z' && d->office.kind != OFFICE_CDK)
			low[0] = (char)(low[0] | 0x20);
		html_text(b, low);
		comp_td_close(b);
		if (!with_person) {
			comp_td_open(b, false);
			comp_link_seg(b, "/organisaties", r->snap->orgs[d->org].code,
				      r->snap->orgs[d->org].name);
			comp_td_close(b);
		}
		comp_row_close(b);
	}
	comp_table_close(b);
}

int page_person_show(struct request *r)
{
	struct buf *b = &r->out;
	struct store *st = store_thread();
	struct person p;
	struct office *of = NULL;
	struct seat *se = NULL;
	int n_of = 0, n_se = 0;
	int status = 200;
	if (!st)
		return people_store_failure(r);
	int rc = store_person_get(st, r->arena, r->path_args[0], &p);
	if (rc == STORE_ERR_NOTFOUND ||
	    (rc == STORE_OK && !policy_person_record_visible(r->user, &p)))
		return respond_not_found(r);
	if (rc != STORE_OK)
		return people_store_failure(r);
	if (store_offices_of_person(st, r->arena, p.key, &of, &n_of) != STORE_OK ||
	    store_seats_of_person(st, r->arena, p.key, &se, &n_se) != STORE_OK) {
		status = people_store_failure(r);
		goto out;
	}
	char today[11];
	today_iso(today);
	const char *name = people_shown_name(&p, NULL);

	const struct crumb crumbs[] = {{"Personen", "/personen"}, {name, NULL}};
	const struct page_head h = {
	    .title = name, .nav = NAV_PEOPLE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, name);
	html_raw(b, "</h1>");
	if (p.erased || !p.has_public_office) {
		html_raw(b, "<p class=\"atlas-badges\">");
		if (p.erased)
			comp_badge(b, BADGE_ENDED, "Gegevens gewist");
		else
			comp_badge(b, BADGE_NEUTRAL,
				   "Niet openbaar: alleen voor ingelogde gebruikers");
		html_raw(b, "</p>");
	}
	people_flash(b, r);
	if (p.erased)
		comp_notice(
		    b, "Gegevens gewist.",
		    "De persoonsgegevens zijn op verzoek gewist (AVG). De functies en zetels "
		    "blijven bestaan als „onbekende persoon”, zodat de samenstelling van de "
		    "organen klopt.");

	/* "Op deze pagina" goes here once the sections below are written */
	const size_t nav_at = b->len;
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"gegevens\">Gegevens</h2>");
	comp_dl_open(b);
	comp_dl_text(b, "Naam", name);
	if (!p.erased)
		comp_dl_text(b, "Partij", p.party);
	if (r->user && !p.erased) {
		comp_dl_text(b, "E-mailadres", p.email);
		comp_dl_text(b, "Telefoon", p.phone);
		if (p.note[0])
			comp_dl_text(b, "Opmerking", p.note);
	}
	comp_dl_item_open(b, "Laatst bevestigd");
	form_confirmed_line(b, p.last_confirmed, p.confirmed_by);
	comp_dl_item_close(b);
	comp_dl_close(b);
	privacy_note(b, r);

	if (r->user) {
		bool may_person = !p.erased && policy_may_edit_person(store_thread(), r->arena,
								      r->user, r->snap, p.key);
		bool may_add = !p.erased && policy_may_create_person(r->user, r->snap);
		bool admin = r->user->role >= USER_ROLE_ADMIN;
		if (may_person || may_add || admin) {
			html_raw(b,
				 "<section class=\"atlas-manage\" aria-labelledby=\"beheer-kop\">"
				 "<h2 class=\"utrecht-heading-2\" id=\"beheer-kop\">Beheer</h2>"
				 "<ul class=\"utrecht-unordered-list\">");
			if (may_person) {
				html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
				comp_link(b, people_href(r, p.key, "/bewerken"),
					  "Gegevens bewerken");
				html_raw(b, "</li>");
			}
			if (may_add) {
				html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
				comp_link(b, people_href(r, p.key, "/functies/nieuw"),
					  "Functie toevoegen");
				html_raw(b, "</li><li class=\"utrecht-unordered-list__item\">");
				comp_link(b, people_href(r, p.key, "/zetels/nieuw"),
					  "Zetel toevoegen");
				html_raw(b, "</li>");
			}
			if (admin) {
				html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
				comp_link(b, people_href(r, p.key, "/export"),
					  "Alle gegevens exporteren (JSON, AVG-inzage)");
				html_raw(b, "</li>");
				if (!p.erased) {
					html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
					comp_link(b, people_href(r, p.key, "/wissen"),
						  "Persoon wissen (AVG)");
					html_raw(b, "</li>");
				}
			}
			html_raw(b, "</ul>");
			if (r->user->role == USER_ROLE_EDITOR)
				html_raw(
				    b,
				    "<p class=\"utrecht-paragraph atlas-muted\">Als redacteur "
				    "legt u functies vast binnen uw eigen organisatie en zetels "
				    "namens uw eigen organisatie. De gegevens van de persoon zelf "
				    "wijzigt u als die persoon een functie of zetel bij uw "
				    "organisatie heeft.</p>");
			html_raw(b, "</section>");
		}
	}

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"functies\">Functies</h2>"
		    "<h3 class=\"utrecht-heading-3\">Huidige functies</h3>");
	offices_table(b, r, &p, of, n_of, false, today);
	html_raw(b, "<h3 class=\"utrecht-heading-3\">Eerdere functies</h3>");
	offices_table(b, r, &p, of, n_of, true, today);

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"zetels\">Zetels in "
		    "samenwerkingsverbanden</h2>"
		    "<h3 class=\"utrecht-heading-3\">Huidige zetels</h3>");
	seats_table(b, r, &p, se, n_se, false, today);
	derived_seats_table(b, r, of, n_of, false);
	html_raw(b, "<h3 class=\"utrecht-heading-3\">Eerdere zetels</h3>");
	seats_table(b, r, &p, se, n_se, true, today);

	if (r->user)
		person_history(b, &p);
	comp_page_nav_insert(b, nav_at);
	layout_end(b, NULL);
out:
	return status;
}

/* ---- the collaboration page: "Bestuur en vertegenwoordiging" ------------------ */

/* Does a legal-composition rule fix body k of collaboration ci? */
static bool derived_body(const struct request *r, int ci, int k)
{
	const struct legal_rules *t = derived_rules_current();
	for (int i = 0; i < t->n; i++)
		if ((int)t->rules[i].body == k &&
		    strcmp(t->rules[i].collab_key, r->snap->collabs[ci].key) == 0)
			return true;
	return false;
}

/*
 * The seats the law gives by office (app/derived_seats.h) in body `body`
 * of collaboration ci: per rule a paragraph "<body> volgens de wet (<law>,
 * <article>)" with a link to the article, and a table with per
 * participant the office holder and that office's own source ("Mogelijk
 * verouderd" for a low one), or "geen … vastgelegd". Returns the number of
 * seats shown.
 */
static int derived_section(struct buf *b, struct request *r, int ci, int body)
{
	struct derived_seat *ds = NULL;
	int n = 0;
	if (!derived_seats_apply(r->snap, ci))
		return 0;
	if (derived_seats_of_collab(store_thread(), r->snap, ci, r->arena, &ds, &n) != 0 || n == 0)
		return 0;
	int shown = 0;
	for (int i = 0; i < n; i++) {
		const struct legal_rule *rule = ds[i].rule;
		if ((i > 0 && ds[i - 1].rule == rule) || (int)rule->body != body)
			continue;
		char basis[200];
		derived_seat_basis(rule, basis, sizeof basis);
		char office_low[80];
		snprintf(office_low, sizeof office_low, "%s", office_label(rule->office));
		if (office_low[0] >= 'A' && office_low[0] <= 'Z' && rule->office != OFFICE_CDK)
			office_low[0] = (char)(office_low[0] | 0x20);
		html_raw(b, "<p class=\"utrecht-paragraph\" id=\"wettelijk-");
		html_attr(b, seat_body_labels[rule->body].api);
		html_raw(b, "\"><strong>");
		html_text(b, body_label(rule->body));
		html_raw(b, " ");
		html_text(b, basis);
		html_raw(b, ".</strong> ");
		char body_low[80];
		snprintf(body_low, sizeof body_low, "%s", body_label(rule->body));
		if (body_low[0] >= 'A' && body_low[0] <= 'Z')
			body_low[0] = (char)(body_low[0] | 0x20);
		html_text(b, arena_printf(r->arena,
					  "Het %s bestaat volgens de wet uit de %ss van de "
					  "deelnemende organisaties; deze zetels volgen uit hun "
					  "ambt en worden niet apart vastgelegd. Bij elke %s "
					  "staat de eigen bron. ",
					  body_low, office_low, office_low));
		comp_ext_link(b, rule->url,
			      arena_printf(r->arena, "%s, %s", rule->law, rule->article));
		html_raw(b, "</p>");
		static const struct comp_col cols[] = {{"Namens", false},
						       {"Ambtsdrager, sinds en bron", false}};
		comp_table_open_ex(b,
				   arena_printf(r->arena, "%s %s", body_label(rule->body), basis),
				   cols, 2, true);
		for (int j = i; j < n && ds[j].rule == rule; j++) {
			const struct derived_seat *d = &ds[j];
			const struct organisation *o = &r->snap->orgs[d->org];
			bool has = d->office.id > 0 && policy_person_visible(r->user, &d->person);
			comp_row_open(b);
			comp_th_open(b);
			comp_link_seg(b, "/organisaties", o->code, o->name);
			comp_th_close(b);
			comp_td_open(b, false);
			if (has) {
				person_link(b, &d->person, d->person.key, d->person.name);
				html_raw(b, "<br>");
				html_text(b, office_shown(r, &d->office));
				html_raw(b, ", sinds ");
				if (d->office.from[0])
					html_date_nl(b, d->office.from);
				else
					html_raw(b, "onbekend");
				source_mark(b, d->source);
				shown++;
			} else {
				html_raw(b, "<span class=\"atlas-muted\">");
				html_text(b,
					  arena_printf(r->arena, "Geen %s vastgelegd", office_low));
				html_raw(b, "</span>");
			}
			comp_td_close(b);
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	return shown;
}

void people_render_collab_bodies(struct buf *b, struct request *r, int ci)
{
	const struct collaboration *c = &r->snap->collabs[ci];
	struct store *st = store_thread();
	struct seat *se = NULL;
	int n_se = 0, n_pe = 0;
	struct person *pe = NULL;
	if (!st || store_seats_of_collab(st, r->arena, c->key, &se, &n_se) != STORE_OK) {
		se = NULL;
		n_se = 0;
	}
	if (n_se > 0)
		pe = load_people_of(r->arena, se, n_se, NULL, 0, &n_pe);
	char today[11];
	today_iso(today);

	html_raw(b, "<section aria-labelledby=\"bestuur-kop\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"bestuur-kop\">Bestuur en "
		    "vertegenwoordiging</h2>");
	bool allowed[SEAT_BODY_COUNT];
	int n_allowed = 0;
	char msg[256] = "";
	for (int k = 0; k < SEAT_BODY_COUNT; k++) {
		char m[256] = "";
		allowed[k] =
		    seat_body_allowed(c->legal_form, c->kind, (enum seat_body)k, m, sizeof m);
		if (allowed[k])
			n_allowed++;
		else if (!msg[0])
			snprintf(msg, sizeof msg, "%s", m);
	}
	if (c->legal_form == LF_UNKNOWN) {
		html_raw(b, "<p class=\"utrecht-paragraph\">De juridische vorm is niet bekend; "
			    "daarom staat niet vast welke bestuursorganen er zijn.</p>");
	} else if (n_allowed == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_text(b, msg[0]
				 ? msg
				 : "Deze vorm van samenwerking heeft geen eigen bestuursorganen.");
		html_raw(b, "</p>");
	} else {
		html_raw(b,
			 "<p class=\"utrecht-paragraph\">Bestuursorganen bij de juridische vorm ");
		html_text(b, legal_form_labels[c->legal_form].label);
		html_raw(b, ": ");
		int k2 = 0;
		for (int k = 0; k < SEAT_BODY_COUNT; k++) {
			if (!allowed[k])
				continue;
			if (k2++)
				html_raw(b, k2 == n_allowed ? " en " : ", ");
			html_text(b, body_label((enum seat_body)k));
		}
		html_raw(b, ".</p>");
	}

	/* current members per body (visible people only) */
	int n_former = 0, n_current = 0;
	for (int k = 0; k < SEAT_BODY_COUNT; k++) {
		int rows = 0;
		for (int i = 0; i < n_se; i++) {
			if ((int)se[i].body != k)
				continue;
			const struct person *p = people_find(pe, n_pe, se[i].person_id);
			if (p && !policy_person_record_visible(r->user, p))
				continue;
			if (!people_period_current(se[i].from, se[i].to, today)) {
				continue;
			}
			rows++;
		}
		if (!allowed[k] && rows == 0)
			continue;
		html_raw(b, "<h3 class=\"utrecht-heading-3\">");
		html_text(b, body_label((enum seat_body)k));
		html_raw(b, "</h3>");
		bool by_law = derived_body(r, ci, k);
		if (rows == 0) {
			if (by_law)
				n_current += derived_section(b, r, ci, k);
			else
				html_raw(b, "<p class=\"utrecht-paragraph\">Geen huidige leden "
					    "vastgelegd.</p>");
			continue;
		}
		n_current += rows;
		static const struct comp_col cols[] = {
		    {"Persoon", false}, {"Namens", false}, {"Sinds", false}};
		comp_table_open(
		    b,
		    arena_printf(r->arena, "Huidige leden van %s", body_label((enum seat_body)k)),
		    cols, 3);
		for (int i = 0; i < n_se; i++) {
			const struct seat *s = &se[i];
			const struct person *p = people_find(pe, n_pe, s->person_id);
			if ((int)s->body != k || (p && !policy_person_record_visible(r->user, p)) ||
			    !people_period_current(s->from, s->to, today))
				continue;
			comp_row_open(b);
			comp_th_open(b);
			person_link(b, p, s->person_key, s->person_name);
			source_mark(b, membership_source(r, "seat", s->collab_key, s->id));
			comp_th_close(b);
			comp_td_open(b, false);
			if (snapshot_find_org(r->snap, s->org_code) >= 0)
				comp_link_seg(b, "/organisaties", s->org_code, s->org_name);
			else
				html_text(b, s->org_name);
			comp_td_close(b);
			comp_td_date(b, s->from, "Onbekend");
			comp_row_close(b);
		}
		comp_table_close(b);
		if (by_law)
			n_current += derived_section(b, r, ci, k);
	}
	for (int i = 0; i < n_se; i++) {
		const struct person *p = people_find(pe, n_pe, se[i].person_id);
		if ((!p || policy_person_record_visible(r->user, p)) &&
		    !people_period_current(se[i].from, se[i].to, today))
			n_former++;
	}
	if (n_former > 0) {
		html_raw(b, "<details class=\"atlas-details\"><summary>Voormalige leden (");
		html_int_nl(b, n_former);
		html_raw(b, ")</summary>");
		static const struct comp_col cols[] = {{"Persoon", false},
						       {"Orgaan", false},
						       {"Namens", false},
						       {"Van", false},
						       {"Tot", false}};
		comp_table_open(b, "Voormalige leden", cols, 5);
		for (int i = 0; i < n_se; i++) {
			const struct seat *s = &se[i];
			const struct person *p = people_find(pe, n_pe, s->person_id);
			if ((p && !policy_person_record_visible(r->user, p)) ||
			    people_period_current(s->from, s->to, today))
				continue;
			comp_row_open(b);
			comp_th_open(b);
			person_link(b, p, s->person_key, s->person_name);
			comp_th_close(b);
			comp_td_text(b, body_label(s->body), "Onbekend");
			comp_td_text(b, s->org_name, "Onbekend");
			comp_td_date(b, s->from, "Onbekend");
			comp_td_date(b, s->to, "Onbekend");
			comp_row_close(b);
		}
		comp_table_close(b);
		html_raw(b, "</details>");
	}
	if (n_current == 0 && n_former == 0 && n_allowed > 0)
		html_raw(b, "<p class=\"utrecht-paragraph atlas-muted\">Er zijn nog geen leden "
			    "vastgelegd. De meegeleverde gegevens bevatten geen personen; "
			    "redacteuren leggen zetels vast op de pagina van een persoon.</p>");
	if (r->user) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, "/personen", "Naar de personen (zetel toevoegen via een persoon)");
		html_raw(b, "</p>");
	}
	html_raw(b, "</section>");
}

/* ---- the organisation page: "Wie zit waar" ----------------------------------- */

/* Is the seat a current one of the organisation page, its person (p, NULL
 * when unknown) visible to u? */
static bool org_seat_shown(const struct user *u, const struct person *p, const struct seat *s,
			   const char *today)
{
	return (!p || policy_person_record_visible(u, p)) &&
	       people_period_current(s->from, s->to, today);
}

/* Is the office a current one of the organisation page, of a kind u may see
 * and its person (p, NULL when unknown) visible to u? */
static bool org_office_shown(const struct user *u, const struct person *p, const struct office *f,
			     const char *today)
{
	return policy_office_visible(u, f->kind) && (!p || policy_person_record_visible(u, p)) &&
	       people_period_current(f->from, f->to, today);
}

void people_render_org_section(struct buf *b, struct request *r, int oi)
{
	const struct organisation *o = &r->snap->orgs[oi];
	struct store *st = store_thread();
	struct seat *se = NULL;
	struct office *of = NULL;
	struct person *pe = NULL;
	int n_se = 0, n_of = 0, n_pe = 0;
	if (!st || store_seats_of_org(st, r->arena, o->code, &se, &n_se) != STORE_OK) {
		se = NULL;
		n_se = 0;
	}
	if (!st || store_offices_of_org(st, r->arena, o->code, &of, &n_of) != STORE_OK) {
		of = NULL;
		n_of = 0;
	}
	if (n_se + n_of > 0)
		pe = load_people_of(r->arena, se, n_se, of, n_of, &n_pe);
	char today[11];
	today_iso(today);

	html_raw(b, "<section aria-labelledby=\"wie-zit-waar\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"wie-zit-waar\">Wie zit waar</h2>");
	int rows = 0;
	for (int i = 0; i < n_se; i++)
		if (org_seat_shown(r->user, people_find(pe, n_pe, se[i].person_id), &se[i], today))
			rows++;
	html_raw(b, "<h3 class=\"utrecht-heading-3\">Vertegenwoordiging in "
		    "samenwerkingsverbanden</h3>");
	if (rows == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn geen zetels namens deze "
			    "organisatie vastgelegd.</p>");
	} else {
		static const struct comp_col cols[] = {{"Persoon", false},
						       {"Samenwerkingsverband", false},
						       {"Orgaan", false},
						       {"Sinds", false}};
		comp_table_open(b, arena_printf(r->arena, "Wie vertegenwoordigt %s", o->name), cols,
				4);
		for (int i = 0; i < n_se; i++) {
			const struct seat *s = &se[i];
			const struct person *p = people_find(pe, n_pe, s->person_id);
			if (!org_seat_shown(r->user, p, s, today))
				continue;
			comp_row_open(b);
			comp_th_open(b);
			person_link(b, p, s->person_key, s->person_name);
			comp_th_close(b);
			comp_td_open(b, false);
			if (snapshot_find_collab(r->snap, s->collab_key) >= 0)
				comp_link_seg(b, "/samenwerkingsverbanden", s->collab_key,
					      s->collab_name);
			else
				html_text(b, s->collab_name);
			comp_td_close(b);
			comp_td_text(b, body_label(s->body), "Onbekend");
			comp_td_date(b, s->from, "Onbekend");
			comp_row_close(b);
		}
		comp_table_close(b);
	}

	derived_seats_table(b, r, of, n_of, true);

	rows = 0;
	for (int i = 0; i < n_of; i++)
		if (org_office_shown(r->user, people_find(pe, n_pe, of[i].person_id), &of[i],
				     today))
			rows++;
	html_raw(b, "<h3 class=\"utrecht-heading-3\">Functionarissen</h3>");
	if (rows == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn geen huidige functies bij deze "
			    "organisatie vastgelegd.</p>");
	} else {
		static const struct comp_col cols[] = {{"Persoon", false},
						       {"Functie", false},
						       {"Portefeuille", false},
						       {"Sinds", false}};
		comp_table_open(b, arena_printf(r->arena, "Functionarissen van %s", o->name), cols,
				4);
		for (int i = 0; i < n_of; i++) {
			const struct office *f = &of[i];
			const struct person *p = people_find(pe, n_pe, f->person_id);
			if (!org_office_shown(r->user, p, f, today))
				continue;
			comp_row_open(b);
			comp_th_open(b);
			person_link(b, p, f->person_key, f->person_name);
			comp_th_close(b);
			comp_td_open(b, false);
			html_text(b, office_shown(r, f));
			source_mark(b, membership_source(r, "office", f->org_code, f->id));
			comp_td_close(b);
			comp_td_text(b, f->portfolio, "—");
			comp_td_date(b, f->from, "Onbekend");
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	if (!r->user)
		html_raw(b, "<p class=\"utrecht-paragraph atlas-muted\">Alleen publieke functies "
			    "worden getoond; ambtenaren zijn zichtbaar voor ingelogde "
			    "gebruikers.</p>");
	if (policy_may_edit_org(r->user, r->snap, oi)) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, "/personen", "Personen, functies en zetels bijhouden");
		html_raw(b, "</p>");
	}
	html_raw(b, "</section>");
}
