/*
 * bijeenkomsten_verslag — the pages after an event; see
 * bijeenkomsten_verslag.h.
 */
#include "bijeenkomsten_verslag.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/bijeenkomsten_verslag.h"
#include "../app/policy.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define PARTNERS_MAX 400

static int store_down(struct request *r)
{
	return respond_error(r, 503, "Tijdelijk niet beschikbaar",
			     "De database is even niet bereikbaar. Er is niets opgeslagen. "
			     "Probeer het over enkele minuten opnieuw.",
			     NULL);
}

static int staff_only(struct request *r)
{
	return respond_error(
	    r, 403, "Geen toegang",
	    "Alleen medewerkers van de provincie leggen het verslag en het vervolg "
	    "van een bijeenkomst vast en wijzigen aanmeldingen.",
	    NULL);
}

static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static bool path_id(const struct request *r, int i, int64_t *id)
{
	long v;
	if (!r->path_args[i] || !parse_long(r->path_args[i], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

static const char *href(struct request *r, int64_t id, const char *suffix)
{
	return arena_printf(r->arena, "/bijeenkomsten/%lld%s", (long long)id, suffix ? suffix : "");
}

static int outcome(struct request *r, enum ev_outcome o)
{
	if (o == EV_FORBIDDEN)
		return staff_only(r);
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	log_error("bijeenkomsten: a write after the event failed");
	return store_down(r);
}

/* Text with blank lines as paragraphs and single line breaks kept. */
static void paragraphs(struct buf *b, struct request *r, const char *text)
{
	const char *p = text;
	while (*p) {
		while (*p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *end = strstr(p, "\n\n");
		const char *crlf = strstr(p, "\r\n\r\n");
		if (crlf && (!end || crlf < end))
			end = crlf;
		size_t n = end ? (size_t)(end - p) : strlen(p);
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		const char *para = arena_strndup(r->arena, p, n);
		const char *line = para;
		while (line) {
			const char *nl = strchr(line, '\n');
			size_t ln = nl ? (size_t)(nl - line) : strlen(line);
			if (ln && line[ln - 1] == '\r')
				ln--;
			html_text(b, arena_strndup(r->arena, line, ln));
			if (nl && nl[1])
				html_raw(b, "<br>");
			line = nl ? nl + 1 : NULL;
		}
		html_raw(b, "</p>");
		p += n;
	}
}

void bijeenkomsten_verslag_section(struct buf *b, struct request *r, struct store *st,
				   const struct event_row *e)
{
	const char *report;
	struct event_document_row *docs;
	int n;
	if (bijeenkomsten_report(st, r->arena, e->id, &report, &docs, &n) != EV_OK)
		return;
	if (*report) {
		comp_h2(b, "h-verslag", "Verslag");
		paragraphs(b, r, report);
	}
	if (n) {
		comp_h2(b, "h-documenten", "Documenten");
		html_raw(b, "<ul class=\"utrecht-unordered-list\">");
		for (int i = 0; i < n; i++) {
			html_raw(b, "<li>");
			comp_ext_link(b, docs[i].url, docs[i].title);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
	}
}

/* ---- "Verslag en vervolg" ----------------------------------------------------------------- */

/* Which form failed: 'v' report, 'd' document, 'c' contact log, 'f' follow-up. */
struct failed {
	char which;
	const struct field_errors *e;
};

static const struct field_errors *errs(const struct failed *f, char which)
{
	return f && f->which == which ? f->e : NULL;
}

static const struct form_notice notices[] = {
    {"verslag", "Het verslag is opgeslagen."},
    {"document", "Het document is toegevoegd."},
    {"document-weg", "Het document is verwijderd."},
    {"contactlog", "De bijeenkomst is vastgelegd in het contactlog."},
    {"contactlog-al", "Het contactlog van deze partners had de bijeenkomst al."},
    {"vervolgactie", "De vervolgactie is vastgelegd; de eigenaar krijgt een herinnering."},
};

static void section_open(struct buf *b, const char *id, const char *title)
{
	html_raw(b, "<section aria-labelledby=\"");
	html_attr(b, id);
	html_raw(b, "\">");
	comp_h2(b, id, title);
}

static void report_form(struct buf *b, struct request *r, int64_t id, const char *report,
			const struct failed *f)
{
	static const struct form_field fv[] = {
	    {"verslag", "Verslag", FK_TEXTAREA, EVENT_TEXT_MAX, false,
	     "Openbaar: het verslag staat op de pagina van de bijeenkomst.", NULL, 0}};
	const struct field_errors *e = errs(f, 'v');
	const char *v[1] = {report};
	if (e)
		form_submitted(r, fv, 1, v);
	section_open(b, "h-verslag-form", "Verslag");
	form_error_summary(b, e, fv, 1);
	form_open(b, r, href(r, id, "/verslag"));
	form_fields(b, fv, 1, v, e);
	form_submit(b, "Verslag opslaan", true);
	form_close(b);
	html_raw(b, "</section>");
}

static void documents_form(struct buf *b, struct request *r, int64_t id,
			   const struct event_document_row *docs, int n, const struct failed *f)
{
	static const struct form_field fd[] = {
	    {"titel", "Titel van het document", FK_TEXT, EVENT_DOC_TITLE_MAX, true, NULL, NULL, 0},
	    {"url", "Webadres", FK_URL, EVENT_DOC_URL_MAX, true,
	     "Een volledig adres dat begint met https://. Openbaar, zoals het verslag.", NULL, 0},
	};
	const struct field_errors *e = errs(f, 'd');
	const char *v[2] = {"", ""};
	if (e)
		form_submitted(r, fd, 2, v);
	section_open(b, "h-documenten-form", "Documenten");
	if (n) {
		static const struct comp_col cols[] = {{"Document", false}, {"Verwijderen", false}};
		comp_table_open(b, "Documenten bij deze bijeenkomst", cols, 2);
		for (int i = 0; i < n; i++) {
			comp_row_open(b);
			comp_th_open(b);
			comp_ext_link(b, docs[i].url, docs[i].title);
			comp_th_close(b);
			comp_td_open(b, false);
			form_open(b, r,
				  href(r, id,
				       arena_printf(r->arena, "/documenten/%lld/verwijderen",
						    (long long)docs[i].id)));
			html_raw(
			    b,
			    "<button class=\"utrecht-button utrecht-button--secondary-action\" "
			    "type=\"submit\">Verwijderen<span class=\"atlas-visually-hidden\">: ");
			html_text(b, docs[i].title);
			html_raw(b, "</span></button>");
			form_close(b);
			comp_td_close(b);
			comp_row_close(b);
		}
		comp_table_close(b);
	} else {
		comp_para(b, "Nog geen documenten.");
	}
	form_error_summary(b, e, fd, 2);
	form_open(b, r, href(r, id, "/documenten"));
	form_fields(b, fd, 2, v, e);
	form_submit(b, "Document toevoegen", false);
	form_close(b);
	html_raw(b, "</section>");
}

static void contactlog_form(struct buf *b, struct request *r, int64_t id,
			    const struct event_partner *p, int n, const struct failed *f)
{
	struct comp_option *opts = arena_calloc(r->arena, (size_t)n + 1, sizeof *opts);
	struct buf checked = BUF_INIT;
	int k = 0, logged = 0;
	for (int i = 0; i < n; i++) {
		if (p[i].logged) {
			logged++;
			continue;
		}
		opts[k++] = (struct comp_option){
		    p[i].code, p[i].attended
				   ? arena_printf(r->arena, "%s (was aanwezig)", p[i].name)
				   : p[i].name};
		if (p[i].attended) {
			if (checked.len)
				buf_puts(&checked, ";");
			buf_puts(&checked, p[i].code);
		}
	}
	const struct form_field fc[] = {{"organisaties", "Partners", FK_CHECKS, 0, true,
					 "Aangevinkt: de organisaties van wie er aanwezig waren.",
					 opts, k}};
	const struct field_errors *e = errs(f, 'c');
	const char *v[1] = {checked.len ? arena_strdup(r->arena, checked.data) : ""};
	buf_free(&checked);
	if (e)
		form_submitted(r, fc, 1, v);
	section_open(b, "h-contactlog", "Vastleggen in contactlog");
	comp_para(b, "Per gekozen partner komt een contactmoment in het contactlog (soort passend "
		     "bij de bijeenkomst, het verslag als samenvatting, alleen zichtbaar voor de "
		     "provincie).");
	if (logged) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Al vastgelegd bij: ");
		int shown = 0;
		for (int i = 0; i < n; i++)
			if (p[i].logged) {
				if (shown++)
					html_raw(b, ", ");
				comp_link_seg(b, "/relaties", p[i].code, p[i].name);
			}
		html_raw(b, ".</p>");
	}
	form_error_summary(b, e, fc, 1);
	form_open(b, r, href(r, id, "/contactlog"));
	form_fields(b, fc, 1, v, e);
	form_submit(b, "Vastleggen in contactlog", false);
	form_close(b);
	html_raw(b, "</section>");
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

static void follow_up_form(struct buf *b, struct request *r, struct store *st, int64_t id,
			   const struct event_partner *p, int n, const struct failed *f)
{
	struct comp_option *orgs = arena_calloc(r->arena, (size_t)n + 1, sizeof *orgs);
	orgs[0] = (struct comp_option){"", "Kies een partner"};
	for (int i = 0; i < n; i++)
		orgs[i + 1] = (struct comp_option){p[i].code, p[i].name};
	int ns, nv;
	struct comp_option *owners = staff_opts(r, st, &ns);
	struct comp_option *vis = form_label_opts(r->arena, confidentiality_labels,
						  LABEL_COUNT(confidentiality_labels), NULL, &nv);
	const struct form_field ff[] = {
	    {"organisatie", "Partner", FK_SELECT, 0, true, NULL, orgs, n + 1},
	    {"actie", "Wat moet er gebeuren", FK_TEXT, RELATIES_SUBJECT_MAX, true, NULL, NULL, 0},
	    {"eigenaar", "Eigenaar", FK_SELECT, 0, true,
	     "Krijgt de dag voor de uiterste datum een herinnering per e-mail.", owners, ns},
	    {"uiterlijk", "Uiterlijk", FK_DATE, 10, true, "Datum, zoals 2027-03-31.", NULL, 0},
	    {"vertrouwelijkheid", "Wie mag dit zien", FK_SELECT, 0, true, NULL, vis, nv},
	};
	const struct field_errors *e = errs(f, 'f');
	const char *v[5] = {"", "", "", "", "intern"};
	if (e)
		form_submitted(r, ff, 5, v);
	section_open(b, "h-vervolg", "Vervolgactie");
	comp_para(b, "De vervolgactie komt bij de partner in het relatiebeheer.");
	form_error_summary(b, e, ff, 5);
	form_open(b, r, href(r, id, "/vervolgacties"));
	form_fields(b, ff, 5, v, e);
	form_submit(b, "Vervolgactie vastleggen", false);
	form_close(b);
	html_raw(b, "</section>");
}

static int verslag_page(struct request *r, int64_t id, const struct failed *f, int status)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct user *u = web_user(r);
	if (!policy_is_province(u))
		return staff_only(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row ev;
	enum ev_outcome o = bijeenkomsten_get(st, r->arena, id, &ev);
	const char *report = "";
	struct event_document_row *docs = NULL;
	int nd = 0, np = 0;
	struct event_partner *p = NULL;
	if (o == EV_OK)
		o = bijeenkomsten_report(st, r->arena, id, &report, &docs, &nd);
	if (o == EV_OK)
		o = bijeenkomsten_partners(st, r->arena, r->snap, u, id, &p, &np);
	if (o != EV_OK)
		return outcome(r, o);
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {{"Bijeenkomsten", "/bijeenkomsten"},
				       {ev.title, href(r, id, NULL)},
				       {"Verslag en vervolg", NULL}};
	const struct page_head h = {.title =
					arena_printf(r->arena, "Verslag en vervolg: %s", ev.title),
				    .nav = NAV_NONE,
				    .crumbs = crumbs,
				    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Verslag en vervolg: ");
	html_text(b, ev.title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	char now[17];
	bijeenkomsten_now(now);
	if (!bijeenkomst_has_started(ev.starts_at, now)) {
		if (f && f->e && f->e->n) /* a post before the start: say why nothing was saved */
			aui_alert(b, "warning", "", f->e->e[0].message);
		comp_para(b,
			  "Vanaf het begin van de bijeenkomst legt u hier het verslag, documenten, "
			  "het contactlog en vervolgacties vast.");
	} else {
		report_form(b, r, id, report, f);
		documents_form(b, r, id, docs, nd, f);
		contactlog_form(b, r, id, p, np, f);
		follow_up_form(b, r, st, id, p, np, f);
	}
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, href(r, id, NULL), "Terug naar de bijeenkomst");
	html_raw(b, "</p>");
	layout_end(b, NULL);
	return status;
}

int page_bijeenkomst_verslag(struct request *r)
{
	int64_t id;
	if (!path_id(r, 0, &id))
		return respond_not_found(r);
	return verslag_page(r, id, NULL, 200);
}

/* After a post on the "Verslag en vervolg" page: back with notice, or the
 * page with form which's errors. */
static int after_post(struct request *r, int64_t id, enum ev_outcome o, char which,
		      const struct field_errors *e, const char *notice)
{
	if (o == EV_OK)
		return respond_redirect(r, arena_printf(r->arena,
							"/bijeenkomsten/%lld/verslag?melding=%s",
							(long long)id, notice));
	if (o == EV_INVALID) {
		const struct failed f = {which, e};
		return verslag_page(r, id, &f, 400);
	}
	return outcome(r, o);
}

int page_bijeenkomst_verslag_save(struct request *r)
{
	int64_t id;
	if (!path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct field_errors e = {0};
	enum ev_outcome o =
	    bijeenkomsten_save_report(st, web_user(r), "web", id, req_form(r, "verslag"), &e);
	return after_post(r, id, o, 'v', &e, "verslag");
}

int page_bijeenkomst_document_add(struct request *r)
{
	int64_t id;
	if (!path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct field_errors e = {0};
	int64_t doc;
	enum ev_outcome o = bijeenkomsten_add_document(
	    st, web_user(r), "web", id, req_form(r, "titel"), req_form(r, "url"), &e, &doc);
	return after_post(r, id, o, 'd', &e, "document");
}

int page_bijeenkomst_document_remove(struct request *r)
{
	int64_t id, doc;
	if (!path_id(r, 0, &id) || !path_id(r, 1, &doc))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	enum ev_outcome o = bijeenkomsten_remove_document(st, web_user(r), "web", id, doc);
	return after_post(r, id, o, 'd', NULL, "document-weg");
}

int page_bijeenkomst_contactlog(struct request *r)
{
	int64_t id;
	if (!path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	const char **codes = arena_calloc(r->arena, PARTNERS_MAX, sizeof *codes);
	int n = req_form_all(r, "organisaties", codes, PARTNERS_MAX);
	if (n > PARTNERS_MAX)
		n = PARTNERS_MAX;
	struct field_errors e = {0};
	int written = 0;
	enum ev_outcome o = bijeenkomsten_log_contacts(st, r->arena, r->snap, web_user(r), "web",
						       id, codes, n, &e, &written);
	return after_post(r, id, o, 'c', &e, written ? "contactlog" : "contactlog-al");
}

int page_bijeenkomst_follow_up(struct request *r)
{
	int64_t id;
	if (!path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	const struct relaties_follow_up_form f = {
	    .title = req_form(r, "actie"),
	    .owner = req_form(r, "eigenaar"),
	    .due_date = req_form(r, "uiterlijk"),
	    .confidentiality = req_form(r, "vertrouwelijkheid"),
	};
	struct field_errors e = {0};
	int64_t fid;
	enum ev_outcome o =
	    bijeenkomsten_add_follow_up(st, r->arena, r->snap, web_user(r), "web", id,
					req_form(r, "organisatie"), &f, &e, &fid);
	/* the relations module calls the title "titel"; this form "actie" */
	for (int i = 0; i < e.n; i++)
		if (strcmp(e.e[i].field, "titel") == 0)
			snprintf(e.e[i].field, sizeof e.e[i].field, "actie");
	return after_post(r, id, o, 'f', &e, "vervolgactie");
}

/* ---- one registration (staff) ---------------------------------------------------------- */

static int registration_page(struct request *r, int64_t id, int64_t rid,
			     const struct field_errors *e, int status)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct user *u = web_user(r);
	if (!policy_is_province(u))
		return staff_only(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row ev;
	struct registration_row reg;
	enum ev_outcome o = bijeenkomsten_get(st, r->arena, id, &ev);
	if (o == EV_OK)
		o = bijeenkomsten_registration(st, r->arena, u, id, rid, &reg);
	if (o != EV_OK)
		return outcome(r, o);
	static const struct form_field fr[] = {
	    {"naam", "Naam", FK_TEXT, EVENT_NAME_MAX, true, NULL, NULL, 0},
	    {"organisatie", "Organisatie", FK_TEXT, EVENT_NAME_MAX, false, NULL, NULL, 0},
	};
	const char *v[2] = {reg.name, reg.organisation};
	bool show = reg.show_name;
	if (e) {
		form_submitted(r, fr, 2, v);
		show = !str_empty(req_form(r, "zichtbaar"));
	}
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {{"Bijeenkomsten", "/bijeenkomsten"},
				       {ev.title, href(r, id, NULL)},
				       {"Aanmelding wijzigen", NULL}};
	const struct page_head h = {
	    .title = "Aanmelding wijzigen", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Aanmelding wijzigen</h1>");
	comp_dl_open(b);
	comp_dl_text(b, "Bijeenkomst", ev.title);
	comp_dl_text(b, "E-mailadres", *reg.email ? reg.email : "—");
	comp_dl_text(b, "Status",
		     bijeenkomst_label(registration_status_labels,
				       LABEL_COUNT(registration_status_labels), reg.status));
	comp_dl_close(b);
	form_error_summary(b, e, fr, 2);
	form_open(b, r, href(r, id, arena_printf(r->arena, "/aanmeldingen/%lld", (long long)rid)));
	form_fields(b, fr, 2, v, e);
	html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		    "<input class=\"utrecht-checkbox\" type=\"checkbox\" id=\"f-zichtbaar\" "
		    "name=\"zichtbaar\" value=\"1\"");
	html_raw(b, show ? " checked>" : ">");
	html_raw(b, "<label class=\"utrecht-form-label\" for=\"f-zichtbaar\">Naam en organisatie "
		    "zichtbaar voor andere deelnemers</label></div>");
	form_buttons(b, "Wijzigingen opslaan", href(r, id, "#h-deelnemers"), "Annuleren");
	form_close(b);
	section_open(b, "h-verwijderen", "Aanmelding verwijderen");
	comp_para(b, "De aanmelding en de gegevens erbij verdwijnen. Had deze aanmelding een "
		     "plaats, dan krijgt de eerste op de wachtlijst die plaats en een bericht.");
	form_open(
	    b, r,
	    href(r, id, arena_printf(r->arena, "/aanmeldingen/%lld/verwijderen", (long long)rid)));
	form_submit(b, "Aanmelding verwijderen", false);
	form_close(b);
	html_raw(b, "</section>");
	layout_end(b, NULL);
	return status;
}

int page_bijeenkomst_registration(struct request *r)
{
	int64_t id, rid;
	if (!path_id(r, 0, &id) || !path_id(r, 1, &rid))
		return respond_not_found(r);
	return registration_page(r, id, rid, NULL, 200);
}

int page_bijeenkomst_registration_save(struct request *r)
{
	int64_t id, rid;
	if (!path_id(r, 0, &id) || !path_id(r, 1, &rid))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct field_errors e = {0};
	enum ev_outcome o = bijeenkomsten_registration_edit(
	    st, web_user(r), "web", id, rid, req_form(r, "naam"), req_form(r, "organisatie"),
	    !str_empty(req_form(r, "zichtbaar")), &e);
	if (o == EV_INVALID)
		return registration_page(r, id, rid, &e, 400);
	if (o != EV_OK)
		return outcome(r, o);
	return respond_redirect(
	    r,
	    arena_printf(r->arena, "/bijeenkomsten/%lld?melding=aanmelding-gewijzigd#h-deelnemers",
			 (long long)id));
}

int page_bijeenkomst_registration_remove(struct request *r)
{
	int64_t id, rid;
	if (!path_id(r, 0, &id) || !path_id(r, 1, &rid))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	enum ev_outcome o = bijeenkomsten_registration_remove(st, web_user(r), "web", id, rid);
	if (o != EV_OK)
		return outcome(r, o);
	return respond_redirect(
	    r,
	    arena_printf(r->arena, "/bijeenkomsten/%lld?melding=aanmelding-verwijderd#h-deelnemers",
			 (long long)id));
}
