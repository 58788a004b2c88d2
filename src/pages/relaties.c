/*
 * relaties — the pages of "Relatie en ontmoeten"; see relaties.h.
 */
#include "relaties.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../app/relaties.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <string.h>

const struct param_spec relaties_overview_params[] = {{"stil", PT_TEXT, 1}, {NULL, 0, 0}};

static const char *partner_href(struct request *r, const char *code, const char *anchor)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "/relaties/");
	url_seg(&u, code);
	if (anchor)
		buf_puts(&u, anchor);
	const char *out = arena_strdup(r->arena, u.data ? u.data : "");
	buf_free(&u);
	return out;
}

static void manager_names(struct buf *b, const struct account_manager_row *m, int n)
{
	if (!n) {
		comp_missing(b, "Nog geen accounthouder");
		return;
	}
	for (int i = 0; i < n; i++) {
		if (i)
			html_raw(b, ", ");
		html_text(b, str_empty(m[i].display_name) ? m[i].username : m[i].display_name);
	}
}

/* ---- the overview ---------------------------------------------------------------- */

int page_relaties(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *stil = req_param(r, "stil");
	bool quiet_only = stil && strcmp(stil, "1") == 0;
	struct relation_overview_row *rows;
	int n;
	enum relaties_outcome o =
	    relaties_overview(st, r->arena, r->snap, r->user, quiet_only, &rows, &n);
	if (o == REL_FORBIDDEN)
		return respond_error(
		    r, 403, "Geen toegang",
		    "Het relatieoverzicht is alleen voor medewerkers van de provincie.", NULL);
	if (o != REL_OK)
		return page_store_down(r);
	int months = relaties_quiet_months();
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Relaties", .nav = NAV_RELATIONS, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Relaties met gemeenten en waterschappen</h1>"
		    "<p class=\"utrecht-paragraph\">Per partner: wie accounthouder is, wanneer er "
		    "voor het laatst contact was en wat er openstaat. Alleen zichtbaar voor "
		    "medewerkers van de provincie.</p>");
	html_raw(b,
		 "<form class=\"atlas-filter\" method=\"get\" action=\"/relaties\">"
		 "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		 "<input class=\"utrecht-checkbox\" type=\"checkbox\" id=\"f-stil\" name=\"stil\" "
		 "value=\"1\"");
	if (quiet_only)
		html_raw(b, " checked");
	html_rawf(b,
		  "><label class=\"utrecht-form-label\" for=\"f-stil\">Alleen partners zonder "
		  "contact in de laatste %d maanden</label></div>",
		  months);
	form_submit(b, "Toon", false);
	html_raw(b, "</form>");
	int quiet = 0;
	for (int i = 0; i < n; i++)
		quiet += rows[i].quiet;
	html_rawf(b, "<p class=\"utrecht-paragraph\" role=\"status\">%d partners", n);
	if (!quiet_only)
		html_rawf(b, ", van wie %d zonder contact in de laatste %d maanden", quiet, months);
	html_raw(b, ".</p>");
	static const struct comp_col cols[] = {
	    {"Partner", false},	     {"Accounthouder", false},	   {"Laatste contact", false},
	    {"Open signalen", true}, {"Open vervolgacties", true}, {"Te laat", true},
	};
	comp_table_open(b, "Partners en hun relatie met de provincie", cols, 6);
	for (int i = 0; i < n; i++) {
		const struct relation_overview_row *x = &rows[i];
		const struct organisation *org = &r->snap->orgs[x->org];
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, partner_href(r, org->code, NULL), org->name);
		comp_th_close(b);
		comp_td_open(b, false);
		manager_names(b, x->managers, x->n_managers);
		comp_td_close(b);
		comp_td_open(b, false);
		if (*x->last_contact)
			html_date_nl(b, x->last_contact);
		else
			comp_missing(b, "Nog geen contact vastgelegd");
		if (x->quiet) {
			html_raw(b, " ");
			comp_badge(b, BADGE_WARNING, "Lang geen contact");
		}
		comp_td_close(b);
		comp_td_int(b, x->open_signals);
		comp_td_int(b, x->open_follow_ups);
		comp_td_int(b, x->overdue_follow_ups);
		comp_row_close(b);
	}
	comp_table_close(b);
	layout_end(b, NULL);
	return 200;
}

/* ---- one partner -------------------------------------------------------------------- */

static const struct form_notice notices[] = {
    {"contact", "Het contactmoment is vastgelegd."},
    {"signaal", "Het signaal is vastgelegd."},
    {"signaalstatus", "De status van het signaal is gewijzigd."},
    {"vervolgactie", "De vervolgactie is vastgelegd."},
    {"vervolgstatus", "De status van de vervolgactie is gewijzigd."},
    {"accounthouder", "De accounthouder is toegevoegd."},
    {"accounthouder-einde", "De accounthouder is beëindigd."},
};

/* What the user entered in the form that failed, to show it again. */
struct failed_form {
	char which; /* 'c' contact, 's' signal, 'f' follow-up, 'a' accounthouder, 0 none */
	const struct field_errors *e;
};

static const struct form_field f_datum = {"datum", "Datum", FK_DATE, 10, true, NULL, NULL, 0};
static const struct form_field f_soort = {"soort", "Soort contact", FK_SELECT, 0, true, NULL, NULL,
					  0};
static const struct form_field f_onderwerp = {
    "onderwerp", "Onderwerp", FK_TEXT, RELATIES_SUBJECT_MAX, true, NULL, NULL, 0};
static const struct form_field f_samenvatting = {
    "samenvatting", "Samenvatting", FK_TEXTAREA, RELATIES_TEXT_MAX, false, NULL, NULL, 0};
static const struct form_field f_vertr = {
    "vertrouwelijkheid",
    "Wie mag dit zien",
    FK_SELECT,
    0,
    true,
    "Intern: alleen medewerkers van de provincie. Gedeeld: ook de redacteuren van de partner.",
    NULL,
    0};
static const struct form_field f_titel = {"titel", "Titel", FK_TEXT, RELATIES_SUBJECT_MAX,
					  true,	   NULL,    NULL,    0};
static const struct form_field f_toelichting = {
    "toelichting", "Toelichting", FK_TEXTAREA, RELATIES_TEXT_MAX, false, NULL, NULL, 0};
static const struct form_field f_ernst = {"ernst", "Ernst", FK_SELECT, 0, true, NULL, NULL, 0};
static const struct form_field f_samenwerking = {
    "samenwerkingsverband", "Over samenwerkingsverband", FK_SELECT, 0, false, NULL, NULL, 0};
static const struct form_field f_eigenaar = {"eigenaar", "Eigenaar", FK_SELECT, 0,
					     true,	 NULL,	     NULL,	0};
static const struct form_field f_uiterlijk = {
    "uiterlijk", "Uiterlijk klaar op", FK_DATE, 10, true, NULL, NULL, 0};
static const struct form_field f_gebruiker = {
    "gebruiker", "Accounthouder", FK_SELECT, 0, true, NULL, NULL, 0};
static const struct form_field f_begindatum = {"begindatum", "Sinds",	       FK_DATE, 10,
					       false,	     "Leeg: vandaag.", NULL,	0};

static struct form_field with_opts(const struct form_field *f, const struct comp_option *o, int n)
{
	struct form_field c = *f;
	c.opts = o;
	c.n_opts = n;
	return c;
}

/* The value to show again in field name of form which, or "". */
static const char *again(struct request *r, const struct failed_form *ff, char which,
			 const char *name)
{
	return ff->which == which ? form_str(req_form(r, name)) : "";
}

static const struct field_errors *errs_of(const struct failed_form *ff, char which)
{
	return ff->which == which ? ff->e : NULL;
}

/* The collaborations organisation oi takes part in now (select options with
 * a first "none" option). */
static struct comp_option *collab_opts(struct request *r, int oi, const char *none, int *n)
{
	const struct organisation *o = &r->snap->orgs[oi];
	struct comp_option *opts = arena_calloc(r->arena, (size_t)o->n_parts + 1, sizeof *opts);
	int k = 0;
	if (none)
		opts[k++] = (struct comp_option){"", none};
	for (int i = 0; i < o->n_parts; i++) {
		const struct participation *p = &r->snap->parts[o->parts[i]];
		if (!p->active)
			continue;
		const struct collaboration *c = &r->snap->collabs[p->collaboration];
		bool seen = false;
		for (int j = 0; j < k; j++)
			seen |= strcmp(opts[j].value, c->key) == 0;
		if (!seen)
			opts[k++] = (struct comp_option){c->key, c->name};
	}
	*n = k;
	return opts;
}

static struct comp_option *staff_opts(struct request *r, struct store *st, int *n)
{
	struct user *users;
	int nu;
	*n = 0;
	if (relaties_staff_users(st, r->arena, &users, &nu))
		return NULL;
	struct comp_option *opts = arena_calloc(r->arena, (size_t)nu + 1, sizeof *opts);
	opts[0] = (struct comp_option){"", "Kies een medewerker"};
	for (int i = 0; i < nu; i++)
		opts[i + 1] = (struct comp_option){
		    users[i].username,
		    str_empty(users[i].display_name) ? users[i].username : users[i].display_name};
	*n = nu + 1;
	return opts;
}

static void contact_form(struct buf *b, struct request *r, int oi, const struct failed_form *ff)
{
	const struct field_errors *e = errs_of(ff, 'c');
	int nk, nv, nc, nd = 0;
	struct comp_option *kinds = form_label_opts(r->arena, contact_kind_labels,
						    LABEL_COUNT(contact_kind_labels), "Kies", &nk);
	struct comp_option *vis = form_label_opts(r->arena, confidentiality_labels,
						  LABEL_COUNT(confidentiality_labels), NULL, &nv);
	struct comp_option *collabs = collab_opts(r, oi, NULL, &nc);
	const char **pkeys, **pnames;
	int npeople = 0;
	struct store *st = store_thread();
	if (!st ||
	    relaties_people_of(st, r->arena, r->snap->orgs[oi].code, &pkeys, &pnames, &npeople))
		npeople = 0;
	struct comp_option *people = arena_calloc(r->arena, (size_t)npeople + 1, sizeof *people);
	for (int i = 0; i < npeople; i++)
		people[i] = (struct comp_option){pkeys[i], pnames[i]};
	struct comp_option *domains =
	    arena_calloc(r->arena, (size_t)r->snap->n_domains + 1, sizeof *domains);
	for (int i = 0; i < r->snap->n_domains; i++)
		domains[nd++] =
		    (struct comp_option){r->snap->domains[i].key, r->snap->domains[i].name};
	const struct form_field fields[] = {
	    f_datum,
	    with_opts(&f_soort, kinds, nk),
	    f_onderwerp,
	    f_samenvatting,
	    with_opts(&(struct form_field){"samenwerkingsverbanden", "Over samenwerkingsverbanden",
					   FK_CHECKS, 0, false, NULL, NULL, 0},
		      collabs, nc),
	    with_opts(&(struct form_field){"beleidsdomeinen", "Onderwerpen (beleidsdomeinen)",
					   FK_CHECKS, 0, false, NULL, NULL, 0},
		      domains, nd),
	    with_opts(&(struct form_field){"personen", "Wie waren er namens de partner", FK_CHECKS,
					   0, false, NULL, NULL, 0},
		      people, npeople),
	    with_opts(&f_vertr, vis, nv),
	};
	/* without office holders on record there is nothing to choose */
	const struct form_field *fl = fields;
	struct form_field shown[8];
	int n = 0;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(fl[i].name, "personen") != 0 || npeople)
			shown[n++] = fl[i];
	char today[11];
	today_iso(today);
	const char *vals[8];
	for (int i = 0; i < n; i++)
		vals[i] = again(r, ff, 'c', shown[i].name);
	if (ff->which == 'c') {
		form_submitted(r, shown, n, vals);
	} else {
		vals[0] = arena_strdup(r->arena, today);
		vals[n - 1] = "intern";
	}
	html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"h-contact-nieuw\">"
		    "<h3 class=\"utrecht-heading-3\" id=\"h-contact-nieuw\">Contactmoment "
		    "vastleggen</h3>");
	if (e)
		form_error_summary(b, e, shown, n);
	form_open(b, r, partner_href(r, r->snap->orgs[oi].code, "/contactmomenten"));
	form_fields(b, shown, n, vals, e);
	form_submit(b, "Contactmoment vastleggen", true);
	form_close(b);
	html_raw(b, "</section>");
}

static void signal_form(struct buf *b, struct request *r, int oi, const struct failed_form *ff)
{
	const struct field_errors *e = errs_of(ff, 's');
	int ns, nv, nc;
	struct comp_option *sev = form_label_opts(r->arena, signal_severity_labels,
						  LABEL_COUNT(signal_severity_labels), "Kies", &ns);
	struct comp_option *vis = form_label_opts(r->arena, confidentiality_labels,
						  LABEL_COUNT(confidentiality_labels), NULL, &nv);
	struct comp_option *collabs = collab_opts(r, oi, "Geen (algemeen)", &nc);
	const struct form_field fields[] = {
	    f_titel,
	    f_toelichting,
	    with_opts(&f_ernst, sev, ns),
	    with_opts(&f_samenwerking, collabs, nc),
	    with_opts(&f_vertr, vis, nv),
	};
	const char *vals[5];
	for (int i = 0; i < 5; i++)
		vals[i] = again(r, ff, 's', fields[i].name);
	if (ff->which != 's')
		vals[4] = "intern";
	html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"h-signaal-nieuw\">"
		    "<h3 class=\"utrecht-heading-3\" id=\"h-signaal-nieuw\">Signaal vastleggen</h3>"
		    "<p class=\"utrecht-paragraph\">Een signaal is een knelpunt (een „hick-up”) in "
		    "een samenwerking dat aandacht vraagt.</p>");
	if (e)
		form_error_summary(b, e, fields, 5);
	form_open(b, r, partner_href(r, r->snap->orgs[oi].code, "/signalen"));
	form_fields(b, fields, 5, vals, e);
	form_submit(b, "Signaal vastleggen", true);
	form_close(b);
	html_raw(b, "</section>");
}

static void follow_up_form(struct buf *b, struct request *r, struct store *st, int oi,
			   const struct failed_form *ff)
{
	const struct field_errors *e = errs_of(ff, 'f');
	int no, nv;
	struct comp_option *owners = staff_opts(r, st, &no);
	struct comp_option *vis = form_label_opts(r->arena, confidentiality_labels,
						  LABEL_COUNT(confidentiality_labels), NULL, &nv);
	const struct form_field fields[] = {
	    f_titel,
	    with_opts(&f_eigenaar, owners, no),
	    f_uiterlijk,
	    with_opts(&f_vertr, vis, nv),
	};
	const char *vals[4];
	for (int i = 0; i < 4; i++)
		vals[i] = again(r, ff, 'f', fields[i].name);
	if (ff->which != 'f') {
		vals[1] = r->user->username;
		vals[3] = "intern";
	}
	html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"h-vervolg-nieuw\">"
		    "<h3 class=\"utrecht-heading-3\" id=\"h-vervolg-nieuw\">Vervolgactie "
		    "vastleggen</h3>");
	if (e)
		form_error_summary(b, e, fields, 4);
	form_open(b, r, partner_href(r, r->snap->orgs[oi].code, "/vervolgacties"));
	form_fields(b, fields, 4, vals, e);
	form_submit(b, "Vervolgactie vastleggen", true);
	form_close(b);
	html_raw(b, "</section>");
}

static void manager_form(struct buf *b, struct request *r, struct store *st, int oi,
			 const struct failed_form *ff)
{
	const struct field_errors *e = errs_of(ff, 'a');
	int no;
	struct comp_option *users = staff_opts(r, st, &no);
	const struct form_field fields[] = {with_opts(&f_gebruiker, users, no), f_begindatum};
	const char *vals[2] = {again(r, ff, 'a', "gebruiker"), again(r, ff, 'a', "begindatum")};
	html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"h-accounthouder-nieuw\">Accounthouder "
		    "toevoegen</h3>");
	if (e)
		form_error_summary(b, e, fields, 2);
	form_open(b, r, partner_href(r, r->snap->orgs[oi].code, "/accounthouders"));
	form_fields(b, fields, 2, vals, e);
	form_submit(b, "Accounthouder toevoegen", false);
	form_close(b);
}

static void visibility_badge(struct buf *b, const char *confidentiality)
{
	if (strcmp(confidentiality, "partner") == 0)
		comp_badge(b, BADGE_ACTIVE, "Gedeeld met partner");
	else
		comp_badge(b, BADGE_NEUTRAL, "Intern");
}

static const char *link_name(struct request *r, const struct contact_link *l)
{
	int i;
	if (strcmp(l->kind, "persoon") == 0) {
		struct store *st = store_thread();
		return st ? relaties_person_name(st, r->arena, r->user, l->ref)
			  : "Onbekende persoon";
	}
	if (strcmp(l->kind, "samenwerkingsverband") == 0 &&
	    (i = snapshot_find_collab(r->snap, l->ref)) >= 0)
		return r->snap->collabs[i].name;
	if (strcmp(l->kind, "organisatie") == 0 && (i = snapshot_find_org(r->snap, l->ref)) >= 0)
		return r->snap->orgs[i].name;
	if (strcmp(l->kind, "beleidsdomein") == 0 &&
	    (i = snapshot_find_domain(r->snap, l->ref)) >= 0)
		return r->snap->domains[i].name;
	return l->ref;
}

static void contacts_table(struct buf *b, struct request *r, const struct relation_partner *p)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"contactmomenten\">Contactmomenten</h2>");
	if (!p->n_contacts) {
		comp_para(b, "Er zijn nog geen contactmomenten vastgelegd.");
		return;
	}
	static const struct comp_col cols[] = {{"Datum", false},     {"Soort", false},
					       {"Onderwerp", false}, {"Samenvatting", false},
					       {"Gaat over", false}, {"Zichtbaar voor", false}};
	comp_table_open(b, "Contactmomenten, nieuwste eerst", cols, 6);
	for (int i = 0; i < p->n_contacts; i++) {
		const struct contact_row *c = &p->contacts[i];
		comp_row_open(b);
		comp_td_date(b, c->held_on, "");
		comp_td_text(
		    b,
		    relaties_label(contact_kind_labels, LABEL_COUNT(contact_kind_labels), c->kind),
		    "");
		comp_th_open(b);
		if (c->event_id > 0) /* logged from an event ("Vastleggen in contactlog") */
			comp_link(
			    b,
			    arena_printf(r->arena, "/bijeenkomsten/%lld", (long long)c->event_id),
			    c->subject);
		else
			html_text(b, c->subject);
		comp_th_close(b);
		comp_td_text(b, c->summary, "—");
		comp_td_open(b, false);
		for (int j = 0; j < c->n_links; j++) {
			if (j)
				html_raw(b, "; ");
			html_text(b, link_name(r, &c->links[j]));
		}
		if (!c->n_links)
			html_raw(b, "—");
		comp_td_close(b);
		comp_td_open(b, false);
		visibility_badge(b, c->confidentiality);
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void status_form(struct buf *b, struct request *r, const char *action, const struct label *t,
			int n, const char *current, const char *what)
{
	form_open(b, r, action);
	html_raw(b, "<label class=\"atlas-visually-hidden\" for=\"");
	html_attr(b, action);
	html_raw(b, "\">Nieuwe status van ");
	html_text(b, what);
	html_raw(b, "</label><select class=\"utrecht-select\" name=\"status\" id=\"");
	html_attr(b, action);
	html_raw(b, "\">");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, t[i].api);
		html_raw(b, strcmp(t[i].api, current) == 0 ? "\" selected>" : "\">");
		html_text(b, t[i].label);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select> ");
	form_submit(b, "Wijzig", false);
	form_close(b);
}

static void signals_table(struct buf *b, struct request *r, const struct relation_partner *p)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"signalen\">Signalen</h2>");
	if (!p->n_signals) {
		comp_para(b, "Er zijn geen signalen.");
		return;
	}
	static const struct comp_col cols[] = {{"Signaal", false},   {"Ernst", false},
					       {"Status", false},    {"Over", false},
					       {"Gemeld op", false}, {"Zichtbaar voor", false}};
	comp_table_open(b, "Signalen, open eerst", cols, 6);
	for (int i = 0; i < p->n_signals; i++) {
		const struct signal_row *x = &p->signals[i];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, x->title);
		if (*x->description) {
			html_raw(b, "<br><span class=\"atlas-muted\">");
			html_text(b, x->description);
			html_raw(b, "</span>");
		}
		comp_th_close(b);
		comp_td_text(b,
			     relaties_label(signal_severity_labels,
					    LABEL_COUNT(signal_severity_labels), x->severity),
			     "");
		comp_td_open(b, false);
		if (p->may_write)
			status_form(b, r,
				    arena_printf(r->arena, "/relaties/signalen/%lld/status",
						 (long long)x->id),
				    signal_status_labels, LABEL_COUNT(signal_status_labels),
				    x->status, x->title);
		else
			html_text(b, relaties_label(signal_status_labels,
						    LABEL_COUNT(signal_status_labels), x->status));
		comp_td_close(b);
		comp_td_open(b, false);
		int ci = *x->collab_key ? snapshot_find_collab(r->snap, x->collab_key) : -1;
		if (ci >= 0)
			comp_link_seg(b, "/samenwerkingsverbanden", r->snap->collabs[ci].key,
				      r->snap->collabs[ci].name);
		else
			html_raw(b, "Algemeen");
		comp_td_close(b);
		comp_td_date(b, arena_printf(r->arena, "%.10s", x->created_at), "");
		comp_td_open(b, false);
		visibility_badge(b, x->confidentiality);
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void follow_ups_table(struct buf *b, struct request *r, const struct relation_partner *p)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"vervolgacties\">Vervolgacties</h2>");
	if (!p->n_follow_ups) {
		comp_para(b, "Er zijn geen vervolgacties.");
		return;
	}
	char today[11];
	today_iso(today);
	static const struct comp_col cols[] = {{"Vervolgactie", false},
					       {"Eigenaar", false},
					       {"Uiterlijk", false},
					       {"Status", false},
					       {"Zichtbaar voor", false}};
	comp_table_open(b, "Vervolgacties, open eerst op datum", cols, 5);
	for (int i = 0; i < p->n_follow_ups; i++) {
		const struct follow_up_row *f = &p->follow_ups[i];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, f->title);
		comp_th_close(b);
		comp_td_text(b, str_empty(f->owner_name) ? f->owner_username : f->owner_name, "");
		comp_td_open(b, false);
		html_date_nl(b, f->due_date);
		if (strcmp(f->status, "open") == 0 && strcmp(f->due_date, today) < 0) {
			html_raw(b, " ");
			comp_badge(b, BADGE_WARNING, "Te laat");
		}
		comp_td_close(b);
		comp_td_open(b, false);
		if (p->may_write)
			status_form(b, r,
				    arena_printf(r->arena, "/relaties/vervolgacties/%lld/status",
						 (long long)f->id),
				    follow_up_status_labels, LABEL_COUNT(follow_up_status_labels),
				    f->status, f->title);
		else
			html_text(b,
				  relaties_label(follow_up_status_labels,
						 LABEL_COUNT(follow_up_status_labels), f->status));
		comp_td_close(b);
		comp_td_open(b, false);
		visibility_badge(b, f->confidentiality);
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void managers_table(struct buf *b, struct request *r, struct store *st,
			   const struct relation_partner *p, const struct failed_form *ff)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"accounthouders\">Accounthouders</h2>");
	if (!p->n_managers) {
		comp_para(b, "Er is nog geen accounthouder aangewezen.");
	} else {
		static const struct comp_col cols[] = {
		    {"Accounthouder", false}, {"Sinds", false}, {"Tot", false}, {"", false}};
		comp_table_open(b, "Accounthouders van deze partner", cols, p->may_assign ? 4 : 3);
		for (int i = 0; i < p->n_managers; i++) {
			const struct account_manager_row *m = &p->managers[i];
			comp_row_open(b);
			comp_th_open(b);
			html_text(b, str_empty(m->display_name) ? m->username : m->display_name);
			comp_th_close(b);
			comp_td_date(b, m->start_date, "");
			comp_td_date(b, m->end_date, "nu");
			if (p->may_assign) {
				comp_td_open(b, false);
				if (!*m->end_date) {
					form_open(b, r,
						  arena_printf(r->arena,
							       "/relaties/accounthouders/%lld/"
							       "beeindigen",
							       (long long)m->id));
					html_raw(b,
						 "<button type=\"submit\" class=\"utrecht-button "
						 "utrecht-button--secondary-action\">Beëindig "
						 "<span class=\"atlas-visually-hidden\">");
					html_text(b, m->username);
					html_raw(b, "</span></button>");
					form_close(b);
				}
				comp_td_close(b);
			}
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	if (p->may_assign)
		manager_form(b, r, st, p->org, ff);
}

static int partner_page(struct request *r, const char *code, const struct failed_form *ff,
			int status)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct relation_partner p;
	enum relaties_outcome o = relaties_partner(st, r->arena, r->snap, r->user, code, &p);
	if (o == REL_NOTFOUND)
		return respond_not_found(r);
	if (o == REL_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang",
				     "U ziet alleen de relatie van uw eigen organisatie met de "
				     "provincie.",
				     NULL);
	if (o != REL_OK)
		return page_store_down(r);
	const struct organisation *org = &r->snap->orgs[p.org];
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {{"Relaties", p.partner_view ? NULL : "/relaties"},
				       {org->name, NULL}};
	const char *title = arena_printf(r->arena, "Relatie met %s", org->name);
	const struct page_head h = {.title = title,
				    .nav = p.partner_view ? NAV_MINE : NAV_RELATIONS,
				    .crumbs = crumbs,
				    .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (status == 409)
		aui_alert(b, "warning", "Niet gewijzigd.", "Dit had die status al.");
	if (p.partner_view)
		comp_notice(b, "U ziet wat de provincie met uw organisatie deelt.",
			    "Interne aantekeningen van de provincie staan hier niet.");
	comp_dl_open(b);
	comp_dl_item_open(b, "Accounthouder");
	int current = 0;
	for (int i = 0; i < p.n_managers; i++)
		current += !*p.managers[i].end_date;
	struct account_manager_row *cur = p.managers;
	manager_names(b, cur, current);
	comp_dl_item_close(b);
	comp_dl_item_open(b, "Laatste contact");
	if (*p.last_contact)
		html_date_nl(b, p.last_contact);
	else
		comp_missing(b, "Nog geen contact vastgelegd");
	if (p.quiet && !p.partner_view) {
		html_raw(b, " ");
		comp_badge(b, BADGE_WARNING,
			   arena_printf(r->arena, "Langer dan %d maanden geen contact",
					relaties_quiet_months()));
	}
	comp_dl_item_close(b);
	comp_dl_item_open(b, "Organisatie in de atlas");
	comp_link_seg(b, "/organisaties", org->code, org->name);
	comp_dl_item_close(b);
	comp_dl_close(b);

	managers_table(b, r, st, &p, ff);
	signals_table(b, r, &p);
	follow_ups_table(b, r, &p);
	contacts_table(b, r, &p);
	if (p.may_write) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"vastleggen\">Vastleggen</h2>");
		contact_form(b, r, p.org, ff);
		signal_form(b, r, p.org, ff);
		follow_up_form(b, r, st, p.org, ff);
	}
	layout_end(b, NULL);
	return status;
}

int page_relaties_partner(struct request *r)
{
	static const struct failed_form none = {0, NULL};
	return partner_page(r, r->path_args[0], &none, 200);
}

/* ---- writes ---------------------------------------------------------------------------- */

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

/* The answer to a write about partner code (form which). */
static int after_write(struct request *r, enum relaties_outcome o, const char *code, char which,
		       const struct field_errors *e, const char *notice, const char *anchor)
{
	switch (o) {
	case REL_OK:
		return respond_redirect(r,
					arena_printf(r->arena, "%s?melding=%s%s",
						     partner_href(r, code, NULL), notice, anchor));
	case REL_NOTFOUND:
		return respond_not_found(r);
	case REL_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang",
				     "Alleen medewerkers van de provincie leggen dit vast.", NULL);
	case REL_INVALID: {
		struct failed_form ff = {which, e};
		return partner_page(r, code, &ff, 400);
	}
	case REL_CONFLICT: {
		static const struct failed_form none = {0, NULL};
		return partner_page(r, code, &none, 409);
	}
	default:
		log_error("relaties: a write about %s failed", code ? code : "?");
		return page_store_down(r);
	}
}

/* The values of a checkbox group (at most max). */
static int checked(struct request *r, const char *name, const char **vals, int max)
{
	return req_form_all(r, name, vals, max);
}

int page_relaties_contact_add(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *code = r->path_args[0];
	const char *collabs[RELATIES_LINKS_MAX + 1], *domains[RELATIES_LINKS_MAX + 1],
	    *orgs[RELATIES_LINKS_MAX + 1], *people[RELATIES_LINKS_MAX + 1];
	struct relaties_contact_form f = {
	    .held_on = req_form(r, "datum"),
	    .kind = req_form(r, "soort"),
	    .subject = req_form(r, "onderwerp"),
	    .summary = req_form(r, "samenvatting"),
	    .confidentiality = req_form(r, "vertrouwelijkheid"),
	    .collabs = collabs,
	    .domains = domains,
	    .orgs = orgs,
	    .people = people,
	};
	f.n_collabs = checked(r, "samenwerkingsverbanden", collabs, RELATIES_LINKS_MAX + 1);
	f.n_domains = checked(r, "beleidsdomeinen", domains, RELATIES_LINKS_MAX + 1);
	f.n_orgs = checked(r, "organisaties", orgs, RELATIES_LINKS_MAX + 1);
	f.n_people = checked(r, "personen", people, RELATIES_LINKS_MAX + 1);
	struct field_errors e = {0};
	int64_t id;
	enum relaties_outcome o =
	    relaties_add_contact(st, r->arena, r->snap, r->user, "web", code, &f, &e, &id);
	return after_write(r, o, code, 'c', &e, "contact", "#contactmomenten");
}

int page_relaties_signal_add(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *code = r->path_args[0];
	struct relaties_signal_form f = {.collab_key = req_form(r, "samenwerkingsverband"),
					 .title = req_form(r, "titel"),
					 .description = req_form(r, "toelichting"),
					 .severity = req_form(r, "ernst"),
					 .confidentiality = req_form(r, "vertrouwelijkheid")};
	struct field_errors e = {0};
	int64_t id;
	enum relaties_outcome o =
	    relaties_add_signal(st, r->snap, r->user, "web", code, &f, &e, &id);
	return after_write(r, o, code, 's', &e, "signaal", "#signalen");
}

int page_relaties_follow_up_add(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *code = r->path_args[0];
	struct relaties_follow_up_form f = {.title = req_form(r, "titel"),
					    .owner = req_form(r, "eigenaar"),
					    .due_date = req_form(r, "uiterlijk"),
					    .confidentiality = req_form(r, "vertrouwelijkheid")};
	struct field_errors e = {0};
	int64_t id;
	enum relaties_outcome o =
	    relaties_add_follow_up(st, r->arena, r->snap, r->user, "web", code, &f, &e, &id);
	return after_write(r, o, code, 'f', &e, "vervolgactie", "#vervolgacties");
}

int page_relaties_manager_add(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *code = r->path_args[0];
	struct field_errors e = {0};
	enum relaties_outcome o =
	    relaties_assign_manager(st, r->arena, r->snap, r->user, "web", code,
				    req_form(r, "gebruiker"), req_form(r, "begindatum"), &e);
	return after_write(r, o, code, 'a', &e, "accounthouder", "#accounthouders");
}

/* A status change: the partner page again (its code from the record). */
static int status_changed(struct request *r, enum relaties_outcome o, const char *org,
			  const struct field_errors *e, const char *notice, const char *anchor)
{
	if (!org)
		return after_write(r, o == REL_OK ? REL_FAILED : o, "", 0, e, notice, anchor);
	if (o == REL_INVALID)
		o = REL_CONFLICT; /* the select offers only valid statuses */
	return after_write(r, o, org, 0, e, notice, anchor);
}

int page_relaties_signal_status(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	const char *org;
	enum relaties_outcome o = relaties_set_signal_status(st, r->arena, r->user, "web", id,
							     req_form(r, "status"), &e, &org);
	return status_changed(r, o, org, &e, "signaalstatus", "#signalen");
}

int page_relaties_follow_up_status(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	const char *org;
	enum relaties_outcome o = relaties_set_follow_up_status(
	    st, r->arena, r->snap, r->user, "web", id, req_form(r, "status"), &e, &org);
	return status_changed(r, o, org, &e, "vervolgstatus", "#vervolgacties");
}

int page_relaties_manager_end(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *org;
	enum relaties_outcome o = relaties_end_manager(st, r->arena, r->user, "web", id, &org);
	return status_changed(r, o, org, NULL, "accounthouder-einde", "#accounthouders");
}

/* ---- sections on other pages ----------------------------------------------------------- */

void relaties_org_section(struct buf *b, struct request *r, const char *org_code)
{
	struct store *st = r->user ? store_thread() : NULL;
	struct account_manager_row *m;
	int n;
	int oi = snapshot_find_org(r->snap, org_code);
	/* a partner's own signed-in users and province staff; nobody else */
	if (!st || oi < 0 || !relaties_is_partner(r->snap, oi) ||
	    !policy_may_see_relations(r->user, org_code) ||
	    relaties_managers_for(st, r->arena, r->snap, r->user, org_code, &m, &n))
		return;
	bool own = *r->user->org_code && strcmp(r->user->org_code, org_code) == 0 &&
		   !policy_is_province(r->user);
	html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"h-accounthouder\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"h-accounthouder\">");
	html_raw(b, own ? "Uw accounthouder bij de provincie" : "Accounthouder bij de provincie");
	html_raw(b, "</h2><p class=\"utrecht-paragraph\">");
	manager_names(b, m, n);
	if (n && own)
		html_raw(b, " — de plek voor vragen en voor knelpunten in samenwerkingen.");
	html_raw(b, "</p><p class=\"utrecht-paragraph\">");
	comp_link(b, partner_href(r, r->snap->orgs[oi].code, NULL),
		  own ? "Wat de provincie met uw organisatie deelt" : "Relatie met de provincie");
	html_raw(b, "</p></section>");
}

void relaties_collab_section(struct buf *b, struct request *r, const char *collab_key)
{
	if (!policy_is_province(r->user))
		return;
	struct store *st = store_thread();
	struct signal_row *sig;
	int n;
	if (!st || relaties_signals_for_collab(st, r->arena, r->user, collab_key, &sig, &n) || !n)
		return;
	html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"h-signalen\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"h-signalen\">Open signalen (alleen voor "
		    "de provincie)</h2><ul class=\"utrecht-unordered-list\">");
	for (int i = 0; i < n; i++) {
		int oi = snapshot_find_org(r->snap, sig[i].org_code);
		html_raw(b, "<li>");
		html_text(b, sig[i].title);
		html_raw(b, " — ");
		html_text(b, relaties_label(signal_severity_labels,
					    LABEL_COUNT(signal_severity_labels), sig[i].severity));
		html_raw(b, ", ");
		html_text(b, relaties_label(signal_status_labels, LABEL_COUNT(signal_status_labels),
					    sig[i].status));
		if (oi >= 0) {
			html_raw(b, " (");
			comp_link(b,
				  arena_printf(r->arena, "%s#signalen",
					       partner_href(r, r->snap->orgs[oi].code, NULL)),
				  r->snap->orgs[oi].name);
			html_raw(b, ")");
		}
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul></section>");
}
