/*
 * bibliotheek — the pages of the knowledge base; see bibliotheek.h.
 */
#include "bibliotheek.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/bibliotheek.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../domain/fields.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define BASE "/kennis/bibliotheek"
#define LIST_PAGE_SIZE 20
#define SECTION_LIMIT 5

const struct param_spec bibliotheek_list_params[] = {{"thema", PT_TEXT, 80},
						     {"soort", PT_TEXT, 20},
						     {"organisatie", PT_TEXT, 80},
						     {"samenwerkingsverband", PT_TEXT, 200},
						     {"q", PT_TEXT, 200},
						     {"pagina", PT_PAGE, 0},
						     {NULL, 0, 0}};

static const char *org_name(struct request *r, const char *code)
{
	int oi = snapshot_find_org(r->snap, code);
	return oi >= 0 ? r->snap->orgs[oi].name : code;
}

static const char *kind_label(const char *k)
{
	return bibliotheek_label(bibliotheek_kind_labels, LABEL_COUNT(bibliotheek_kind_labels), k);
}

static const char *item_href(struct request *r, int64_t id)
{
	return arena_printf(r->arena, BASE "/%lld", (long long)id);
}

static void no_store(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
}

/* One item in a list: kind, title linked, owner, date, and a line of its
 * summary. */
static void item_li(struct buf *b, struct request *r, const struct publication_row *x, bool summary)
{
	html_raw(b, "<li class=\"atlas-result\"><p class=\"atlas-result__kind\">");
	html_text(b, kind_label(x->kind));
	if (strcmp(x->visibility, "partners") == 0)
		html_raw(b, " · alleen voor partners");
	html_raw(b, "</p><p class=\"atlas-result__title\">");
	comp_link(b, item_href(r, x->id), x->title);
	html_raw(b, "</p><p class=\"utrecht-paragraph atlas-muted\">");
	html_text(b, org_name(r, x->org_code));
	html_raw(b, ", ");
	html_date_nl(b, x->published_on);
	html_raw(b, "</p>");
	if (summary && *x->summary) {
		char cut[260];
		size_t len = strlen(x->summary);
		if (len > 240) {
			size_t k = 240;
			while (k > 0 && ((unsigned char)x->summary[k] & 0xC0) == 0x80)
				k--;
			snprintf(cut, sizeof cut, "%.*s…", (int)k, x->summary);
		} else {
			snprintf(cut, sizeof cut, "%s", x->summary);
		}
		html_raw(b, "<p class=\"utrecht-paragraph atlas-result__snippet\">");
		html_text(b, cut);
		html_raw(b, "</p>");
	}
	html_raw(b, "</li>");
}

/* ---- the list ---------------------------------------------------------------------- */

static void filter_form(struct buf *b, struct request *r, const struct bibliotheek_query *q)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"" BASE
		    "\" aria-labelledby=\"filter-titel\"><h2 class=\"utrecht-heading-2 "
		    "atlas-filter__title\" id=\"filter-titel\">Filteren</h2>"
		    "<div class=\"atlas-filter__grid\">"
		    "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		    "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		    "for=\"f-q\">Zoekterm</label></div><div class=\"utrecht-form-field__input\">"
		    "<input class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"search\" "
		    "id=\"f-q\" name=\"q\" maxlength=\"200\" value=\"");
	html_attr(b, field_nz(q->q));
	html_raw(b, "\"></div></div>");
	int nk;
	struct comp_option *kinds =
	    form_label_opts(r->arena, bibliotheek_kind_labels, LABEL_COUNT(bibliotheek_kind_labels),
			    "Alle soorten", &nk);
	comp_select(b, "soort", "Soort", kinds, nk, q->kind);
	struct comp_option *themes =
	    arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *themes);
	int nt = 0;
	themes[nt++] = (struct comp_option){"", "Alle thema's"};
	for (int i = 0; i < s->n_domains; i++)
		themes[nt++] = (struct comp_option){s->domains[i].key, s->domains[i].name};
	comp_select(b, "thema", "Thema (beleidsdomein)", themes, nt, q->theme);
	struct comp_option *orgs = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *orgs);
	int no = 0;
	orgs[no++] = (struct comp_option){"", "Alle organisaties"};
	for (int i = 0; i < s->n_orgs; i++)
		if (!s->orgs[i].ended)
			orgs[no++] = (struct comp_option){s->orgs[i].code, s->orgs[i].name};
	comp_select(b, "organisatie", "Organisatie", orgs, no, q->org);
	html_raw(b,
		 "</div><div class=\"atlas-filter__actions\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" "
		 "type=\"submit\">Filter toepassen</button><a class=\"utrecht-link "
		 "utrecht-link--html-a\" href=\"" BASE "\">Alle filters wissen</a></div></form>");
}

/* The list's address with its filters, ending in '?' or '&' (for the
 * pagination). */
static const char *list_base(struct request *r, const struct bibliotheek_query *q)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, BASE "?");
	const char *names[] = {"q", "soort", "thema", "organisatie", "samenwerkingsverband"};
	const char *vals[] = {q->q, q->kind, q->theme, q->org, q->collab};
	for (int i = 0; i < 5; i++) {
		if (str_empty(vals[i]))
			continue;
		buf_printf(&u, "%s=", names[i]);
		url_arg(&u, vals[i]);
		buf_putc(&u, '&');
	}
	const char *out = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return out;
}

int page_bibliotheek(struct request *r)
{
	no_store(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct bibliotheek_query q = {.kind = req_param(r, "soort"),
				      .theme = req_param(r, "thema"),
				      .org = req_param(r, "organisatie"),
				      .collab = req_param(r, "samenwerkingsverband"),
				      .q = req_param(r, "q"),
				      .page_size = LIST_PAGE_SIZE};
	long page = 1;
	const char *pg = req_param(r, "pagina");
	if (!str_empty(pg))
		parse_long(pg, 1, 10000, &page);
	q.page = (int)page;
	struct publication_row *rows;
	int n, total;
	if (bibliotheek_list(st, r->arena, r->user, &q, &rows, &n, &total))
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Bibliotheek", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Bibliotheek</h1>"
		    "<p class=\"utrecht-paragraph\">Publicaties, analyses, specials, rapporten en "
		    "links over samenwerking tussen overheden in de provincie Utrecht. Gemeenten, "
		    "waterschappen en de provincie delen hier hun eigen stukken met elkaar.</p>");
	if (policy_may_add_publications(r->user)) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, BASE "/nieuw", "Stuk toevoegen");
		html_raw(b, "</p>");
	} else if (!r->user) {
		comp_para(b,
			  "Redacteuren van gemeenten en waterschappen voegen na inloggen stukken "
			  "van hun organisatie toe. Sommige stukken zijn alleen voor ingelogde "
			  "partners.");
	}
	filter_form(b, r, &q);
	long n_pages = (total + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE;
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"resultaten\">");
	html_int_nl(b, total);
	html_raw(b, total == 1 ? " stuk" : " stukken");
	if (n_pages > 1)
		html_rawf(b, " <span class=\"atlas-count\">(pagina %ld van %ld)</span>", page,
			  n_pages);
	html_raw(b, "</h2>");
	if (!total) {
		comp_para(b, "Er zijn geen stukken die aan deze filters voldoen.");
	} else if (!n) {
		comp_para(b, "Deze pagina heeft geen stukken meer.");
	} else {
		html_rawf(b, "<ol class=\"atlas-results\" start=\"%ld\">",
			  (page - 1) * LIST_PAGE_SIZE + 1);
		for (int i = 0; i < n; i++)
			item_li(b, r, &rows[i], true);
		html_raw(b, "</ol>");
	}
	comp_pagination(b, list_base(r, &q), page, n_pages);
	layout_end(b, NULL);
	return 200;
}

/* ---- the form ---------------------------------------------------------------------- */

static const struct form_field f_titel = {"titel", "Titel", FK_TEXT, BIBLIOTHEEK_TITLE_MAX,
					  true,	   NULL,    NULL,    0};
static const struct form_field f_url = {"url",
					"Webadres",
					FK_URL,
					BIBLIOTHEEK_URL_MAX,
					false,
					"Waar het stuk te vinden is, "
					"beginnend met https://. Verplicht bij "
					"een link.",
					NULL,
					0};
static const struct form_field f_samenvatting = {
    "samenvatting", "Samenvatting",
    FK_TEXTAREA,    BIBLIOTHEEK_SUMMARY_MAX,
    true,	    "Waar gaat het over, in een paar zinnen.",
    NULL,	    0};
static const struct form_field f_datum = {
    "datum", "Datum van verschijnen", FK_DATE, 10, true, NULL, NULL, 0};
static const struct form_field f_licentie = {
    "licentie", "Licentie",
    FK_TEXT,	BIBLIOTHEEK_LICENCE_MAX,
    false,	"Bijvoorbeeld CC BY 4.0 of ‘alle rechten voorbehouden’.",
    NULL,	0};

static struct form_field with_opts(struct form_field f, const struct comp_option *o, int n)
{
	f.opts = o;
	f.n_opts = n;
	return f;
}

/* Values joined by ";" as the checkbox groups take them. */
static const char *joined(struct request *r, const char *const *v, int n)
{
	struct buf u = BUF_INIT;
	for (int i = 0; i < n; i++)
		buf_printf(&u, "%s%s", i ? ";" : "", v[i]);
	const char *out = arena_strdup(r->arena, u.data ? u.data : "");
	buf_free(&u);
	return out;
}

#define N_FIELDS 11

struct form_setup {
	struct form_field fields[N_FIELDS];
	int n;
	bool staff;
};

/* Is organisation code one of item's related organisations? */
static bool related(const struct publication_row *item, const char *code)
{
	for (int i = 0; item && i < item->n_orgs; i++)
		if (strcmp(item->orgs[i], code) == 0)
			return true;
	return false;
}

/* The form's fields; item (NULL: a new one) keeps its related
 * organisations among the choices even when they are not partners. */
static void setup(struct request *r, const struct publication_row *item, struct form_setup *fs)
{
	const struct snapshot *s = r->snap;
	int nk, nv;
	struct comp_option *kinds = form_label_opts(
	    r->arena, bibliotheek_kind_labels, LABEL_COUNT(bibliotheek_kind_labels), "Kies", &nk);
	struct comp_option *vis =
	    form_label_opts(r->arena, bibliotheek_visibility_labels,
			    LABEL_COUNT(bibliotheek_visibility_labels), NULL, &nv);
	struct comp_option *themes =
	    arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *themes);
	int nt = 0;
	for (int i = 0; i < s->n_domains; i++)
		themes[nt++] = (struct comp_option){s->domains[i].key, s->domains[i].name};
	struct comp_option *collabs =
	    arena_calloc(r->arena, (size_t)s->n_collabs + 1, sizeof *collabs);
	int nc = 0;
	for (int i = 0; i < s->n_collabs; i++)
		collabs[nc++] = (struct comp_option){s->collabs[i].key, s->collabs[i].name};
	struct comp_option *partners =
	    arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *partners);
	struct comp_option *owners = arena_calloc(r->arena, (size_t)s->n_orgs + 2, sizeof *owners);
	int np = 0, no = 0;
	owners[no++] = (struct comp_option){"", "Kies een organisatie"};
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *x = &s->orgs[i];
		bool partner = !x->ended && x->in_province &&
			       (x->kind == ORG_MUNICIPALITY || x->kind == ORG_WATER_BOARD);
		if (partner || related(item, x->code))
			partners[np++] = (struct comp_option){x->code, x->name};
		if (!x->ended)
			owners[no++] = (struct comp_option){x->code, x->name};
	}
	fs->staff = policy_is_staff(r->user);
	int k = 0;
	fs->fields[k++] = with_opts(
	    (struct form_field){"soort", "Soort", FK_SELECT, 0, true, NULL, NULL, 0}, kinds, nk);
	fs->fields[k++] = f_titel;
	fs->fields[k++] = f_url;
	fs->fields[k++] = f_samenvatting;
	fs->fields[k++] = f_datum;
	fs->fields[k++] = f_licentie;
	fs->fields[k++] =
	    with_opts((struct form_field){"zichtbaarheid", "Wie mag het zien", FK_SELECT, 0, true,
					  "Openbaar: iedereen. Alleen voor partners: "
					  "wie is ingelogd.",
					  NULL, 0},
		      vis, nv);
	fs->fields[k++] =
	    with_opts((struct form_field){"thema", "Thema's (beleidsdomeinen)", FK_CHECKS, 0, false,
					  "Ten hoogste 10.", NULL, 0},
		      themes, nt);
	fs->fields[k++] = with_opts((struct form_field){"samenwerkingsverband",
							"Over deze samenwerkingsverbanden",
							FK_CHECKS, 0, false, NULL, NULL, 0},
				    collabs, nc);
	fs->fields[k++] =
	    with_opts((struct form_field){"gemeente", "Over deze gemeenten en waterschappen",
					  FK_CHECKS, 0, false, NULL, NULL, 0},
		      partners, np);
	fs->fields[k++] = with_opts((struct form_field){"organisatie", "Van organisatie", FK_SELECT,
							0, true, NULL, NULL, 0},
				    owners, no);
	fs->n = k;
}

/* The form page: new (x NULL) or edit item x; vals the values to show
 * (NULL: x's, or empty), e the errors of a submit. */
static int form_page(struct request *r, const struct publication_row *x, const char **vals,
		     const struct field_errors *e, int status)
{
	no_store(r);
	struct buf *b = &r->out;
	buf_reset(b);
	struct form_setup fs;
	setup(r, x, &fs);
	const char *v[N_FIELDS];
	if (vals) {
		memcpy(v, vals, sizeof v);
	} else if (x) {
		const char *init[N_FIELDS] = {x->kind,
					      x->title,
					      x->url,
					      x->summary,
					      x->published_on,
					      x->licence,
					      x->visibility,
					      joined(r, x->themes, x->n_themes),
					      joined(r, x->collabs, x->n_collabs),
					      joined(r, x->orgs, x->n_orgs),
					      x->org_code};
		memcpy(v, init, sizeof v);
	} else {
		for (int i = 0; i < N_FIELDS; i++)
			v[i] = "";
		v[6] = "openbaar";
	}
	const char *title = x ? arena_printf(r->arena, "%s bewerken", x->title) : "Stuk toevoegen";
	const struct crumb crumbs[] = {{"Bibliotheek", BASE},
				       {x ? x->title : title, x ? item_href(r, x->id) : NULL},
				       {title, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = x ? 3 : 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	if (!fs.staff) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Namens ");
		html_text(b, org_name(r, r->user->org_code));
		html_raw(b, ".</p>");
	}
	if (status == 409)
		aui_alert(b, "warning", "Niet opgeslagen.",
			  "Iemand anders heeft dit stuk intussen gewijzigd. Hieronder staat wat nu "
			  "is opgeslagen; breng uw wijziging opnieuw aan.");
	if (e)
		form_error_summary(b, e, fs.fields, fs.n);
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"");
	html_attr(b, x ? arena_printf(r->arena, BASE "/%lld/bewerken", (long long)x->id)
		       : BASE "/nieuw");
	html_raw(b, "\">");
	form_csrf(b, r);
	if (x)
		form_version_field(b, x->version);
	if (fs.staff)
		form_field(b, &fs.fields[N_FIELDS - 1], v[N_FIELDS - 1], e);
	form_fields(b, fs.fields, N_FIELDS - 1, v, e);
	form_buttons(b, x ? "Wijzigingen opslaan" : "Stuk toevoegen",
		     x ? item_href(r, x->id) : BASE, "Annuleren");
	html_raw(b, "</form>");
	layout_end(b, NULL);
	return status;
}

/* The submitted form into f (arrays in the request's arena). */
static void read_form(struct request *r, struct bibliotheek_form *f, bool staff)
{
	const char **themes = arena_calloc(r->arena, BIBLIOTHEEK_THEMES_MAX + 2, sizeof *themes);
	const char **collabs = arena_calloc(r->arena, BIBLIOTHEEK_COLLABS_MAX + 2, sizeof *collabs);
	const char **orgs = arena_calloc(r->arena, BIBLIOTHEEK_ORGS_MAX + 2, sizeof *orgs);
	*f = (struct bibliotheek_form){
	    .org_code = staff ? req_form(r, "organisatie") : NULL,
	    .in = {.kind = req_form(r, "soort"),
		   .title = req_form(r, "titel"),
		   .url = req_form(r, "url"),
		   .summary = req_form(r, "samenvatting"),
		   .published_on = req_form(r, "datum"),
		   .licence = req_form(r, "licentie"),
		   .visibility = req_form(r, "zichtbaarheid")},
	    .themes = themes,
	    .collabs = collabs,
	    .orgs = orgs,
	};
	f->n_themes = req_form_all(r, "thema", themes, BIBLIOTHEEK_THEMES_MAX + 1);
	f->n_collabs =
	    req_form_all(r, "samenwerkingsverband", collabs, BIBLIOTHEEK_COLLABS_MAX + 1);
	f->n_orgs = req_form_all(r, "gemeente", orgs, BIBLIOTHEEK_ORGS_MAX + 1);
	/* no choice of visibility counts as public (the form preselects it) */
	if (!f->in.visibility || !*f->in.visibility)
		f->in.visibility = "openbaar";
}

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

static int forbidden(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "Redacteuren voegen alleen stukken van hun eigen organisatie toe en "
			     "wijzigen alleen die; het programmateam beheert alle stukken.",
			     NULL);
}

static int after_save(struct request *r, const struct publication_row *x, int64_t id,
		      enum bib_outcome o, const struct field_errors *e)
{
	switch (o) {
	case BIB_OK:
		app_after_write(); /* public items show on cached registry pages */
		return respond_redirect(r, arena_printf(r->arena, BASE "/%lld?melding=%s",
							(long long)id,
							x ? "opgeslagen" : "toegevoegd"));
	case BIB_INVALID: {
		struct form_setup fs;
		setup(r, x, &fs);
		const char *v[N_FIELDS];
		form_submitted(r, fs.fields, N_FIELDS, v);
		return form_page(r, x, v, e, 400);
	}
	case BIB_NOTFOUND:
		return respond_not_found(r);
	case BIB_FORBIDDEN:
		return forbidden(r);
	case BIB_CONFLICT: {
		struct store *st = store_thread();
		struct publication_row now;
		if (st && bibliotheek_get(st, r->arena, r->user, id, &now) == BIB_OK)
			return form_page(r, &now, NULL, NULL, 409);
		return respond_not_found(r);
	}
	default:
		log_error("bibliotheek: a write of item %lld failed", (long long)id);
		return page_store_down(r);
	}
}

int page_bibliotheek_new(struct request *r)
{
	if (!policy_may_add_publications(r->user))
		return forbidden(r);
	if (r->method != HTTP_POST)
		return form_page(r, NULL, NULL, NULL, 200);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct bibliotheek_form f;
	read_form(r, &f, policy_is_staff(r->user));
	struct field_errors e = {0};
	int64_t id = 0;
	enum bib_outcome o =
	    bibliotheek_save(st, r->arena, r->snap, r->user, "web", 0, &f, &e, &id);
	return after_save(r, NULL, id, o, &e);
}

int page_bibliotheek_edit(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct publication_row x;
	enum bib_outcome o = bibliotheek_get(st, r->arena, r->user, id, &x);
	if (o == BIB_NOTFOUND)
		return respond_not_found(r);
	if (o != BIB_OK)
		return page_store_down(r);
	if (!bibliotheek_may_edit(r->user, &x))
		return forbidden(r);
	if (r->method != HTTP_POST)
		return form_page(r, &x, NULL, NULL, 200);
	struct bibliotheek_form f;
	read_form(r, &f, policy_is_staff(r->user));
	if (!f.org_code)
		f.org_code = x.org_code; /* an editor keeps the owner */
	int64_t version = 0;
	if (!form_version(r, &version))
		version = -1; /* no version: a conflict rather than a blind overwrite */
	f.version = version;
	struct field_errors e = {0};
	int64_t out;
	o = bibliotheek_save(st, r->arena, r->snap, r->user, "web", id, &f, &e, &out);
	return after_save(r, &x, id, o, &e);
}

int page_bibliotheek_delete(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	switch (bibliotheek_delete(st, r->arena, r->user, "web", id)) {
	case BIB_OK:
		app_after_write();
		return respond_redirect(r, BASE "?melding=verwijderd");
	case BIB_NOTFOUND:
		return respond_not_found(r);
	case BIB_FORBIDDEN:
		return forbidden(r);
	default:
		return page_store_down(r);
	}
}

/* The host of an http(s) address ("www.example.org"), for the link's
 * note: the full address may be longer than a phone's screen. */
static const char *url_host(struct request *r, const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/?#");
	return arena_printf(r->arena, "%.*s", (int)n, p);
}

/* The summary as paragraphs: one per run of lines, a blank line between. */
static void summary_paras(struct buf *b, const char *text)
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
		size_t len = end ? (size_t)(end - p) : strlen(p);
		struct buf para = BUF_INIT;
		buf_add(&para, p, len);
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_text(b, para.data ? para.data : "");
		html_raw(b, "</p>");
		buf_free(&para);
		p += len;
	}
}

/* ---- one item ---------------------------------------------------------------------- */

static const struct form_notice notices[] = {
    {"toegevoegd", "Het stuk staat in de bibliotheek."},
    {"opgeslagen", "De wijzigingen zijn opgeslagen."},
};

int page_bibliotheek_show(struct request *r)
{
	no_store(r);
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct publication_row x;
	enum bib_outcome o = bibliotheek_get(st, r->arena, r->user, id, &x);
	if (o == BIB_NOTFOUND)
		return respond_not_found(r);
	if (o != BIB_OK)
		return page_store_down(r);
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Bibliotheek", BASE}, {x.title, NULL}};
	const struct page_head h = {
	    .title = x.title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<p class=\"atlas-result__kind\">");
	html_text(b, kind_label(x.kind));
	html_raw(b, "</p><h1 class=\"utrecht-heading-1\">");
	html_text(b, x.title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (strcmp(x.visibility, "partners") == 0)
		comp_notice(b, "Alleen voor partners.",
			    "Dit stuk is alleen te zien voor wie is ingelogd.");
	summary_paras(b, x.summary);
	if (*x.url) {
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link "
			    "utrecht-link--html-a\" rel=\"noopener\" href=\"");
		html_attr(b, x.url);
		html_raw(b, "\">Naar het stuk<span class=\"atlas-visually-hidden\">: ");
		html_text(b, x.title);
		html_raw(b, "</span></a> <span class=\"atlas-muted\">(");
		html_text(b, url_host(r, x.url));
		html_raw(b, ")</span></p>");
	}
	comp_dl_open(b);
	comp_dl_item_open(b, "Van");
	int oi = snapshot_find_org(s, x.org_code);
	if (oi >= 0)
		comp_link_seg(b, "/organisaties", s->orgs[oi].code, s->orgs[oi].name);
	else
		html_text(b, x.org_code);
	comp_dl_item_close(b);
	comp_dl_date(b, "Verschenen op", x.published_on);
	comp_dl_text(b, "Licentie", *x.licence ? x.licence : "Niet vermeld");
	if (x.n_themes) {
		comp_dl_item_open(b, "Thema's");
		for (int i = 0; i < x.n_themes; i++) {
			int d = snapshot_find_domain(s, x.themes[i]);
			if (i)
				html_raw(b, ", ");
			if (d < 0) {
				html_text(b, x.themes[i]);
				continue;
			}
			html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"" BASE
				    "?thema=");
			url_arg(b, s->domains[d].key);
			html_raw(b, "\">");
			html_text(b, s->domains[d].name);
			html_raw(b, "</a>");
		}
		comp_dl_item_close(b);
	}
	if (x.n_collabs) {
		comp_dl_item_open(b, "Samenwerkingsverbanden");
		html_raw(b, "<ul class=\"utrecht-unordered-list\">");
		for (int i = 0; i < x.n_collabs; i++) {
			int ci = snapshot_find_collab(s, x.collabs[i]);
			html_raw(b, "<li>");
			if (ci >= 0)
				comp_link_seg(b, "/samenwerkingsverbanden", s->collabs[ci].key,
					      s->collabs[ci].name);
			else
				html_text(b, x.collabs[i]);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
		comp_dl_item_close(b);
	}
	if (x.n_orgs) {
		comp_dl_item_open(b, "Gemeenten en waterschappen");
		html_raw(b, "<ul class=\"utrecht-unordered-list\">");
		for (int i = 0; i < x.n_orgs; i++) {
			int k = snapshot_find_org(s, x.orgs[i]);
			html_raw(b, "<li>");
			if (k >= 0)
				comp_link_seg(b, "/organisaties", s->orgs[k].code, s->orgs[k].name);
			else
				html_text(b, x.orgs[i]);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
		comp_dl_item_close(b);
	}
	comp_dl_close(b);
	if (bibliotheek_may_edit(r->user, &x)) {
		html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"h-beheer\">"
			    "<h2 class=\"utrecht-heading-2\" id=\"h-beheer\">Beheren</h2>"
			    "<p class=\"utrecht-paragraph\">");
		comp_link(b, arena_printf(r->arena, BASE "/%lld/bewerken", (long long)x.id),
			  "Stuk bewerken");
		html_raw(b, "</p><form class=\"atlas-edit-form\" method=\"post\" action=\"");
		html_attr(b, arena_printf(r->arena, BASE "/%lld/verwijderen", (long long)x.id));
		html_raw(b, "\">");
		form_csrf(b, r);
		form_submit(b, "Stuk verwijderen", false);
		html_raw(b, "</form></section>");
	}
	layout_end(b, NULL);
	return 200;
}

/* ---- sections for other pages ------------------------------------------------------ */

static void section(struct buf *b, struct request *r, const struct publication_row *rows, int n,
		    int total, const char *param, const char *value)
{
	html_raw(b, "<section aria-labelledby=\"h-bibliotheek\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-bibliotheek\">In de bibliotheek</h2><ul class=\"atlas-results\">");
	for (int i = 0; i < n; i++)
		item_li(b, r, &rows[i], false);
	html_raw(b, "</ul>");
	if (total > n) {
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link "
			    "utrecht-link--html-a\" href=\"" BASE "?");
		html_raw(b, param);
		html_raw(b, "=");
		url_arg(b, value);
		html_rawf(b, "\">Alle %d stukken in de bibliotheek</a></p>", total);
	}
	html_raw(b, "</section>");
}

void bibliotheek_org_section(struct buf *b, struct request *r, const char *code)
{
	struct store *st = store_thread();
	struct publication_row *rows;
	int n, total;
	if (!st || bibliotheek_for_org(st, r->arena, code, SECTION_LIMIT, &rows, &n, &total) || !n)
		return;
	section(b, r, rows, n, total, "organisatie", code);
}

void bibliotheek_collab_section(struct buf *b, struct request *r, const char *key)
{
	struct store *st = store_thread();
	struct publication_row *rows;
	int n, total;
	if (!st || bibliotheek_for_collab(st, r->arena, key, SECTION_LIMIT, &rows, &n, &total) ||
	    !n)
		return;
	section(b, r, rows, n, total, "samenwerkingsverband", key);
}

void bibliotheek_search_section(struct buf *b, struct request *r, const char *q)
{
	struct store *st = store_thread();
	struct bibliotheek_query query = {.q = q, .page = 1, .page_size = SECTION_LIMIT};
	struct publication_row *rows;
	int n, total;
	char words[1][64];
	if (!st || !bibliotheek_query_words(q, words, 1) ||
	    bibliotheek_list(st, r->arena, r->user, &query, &rows, &n, &total) || !n)
		return;
	html_raw(b, "<section aria-labelledby=\"h-bibliotheek\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-bibliotheek\">Bibliotheek</h2><ul class=\"atlas-results\">");
	for (int i = 0; i < n; i++)
		item_li(b, r, &rows[i], true);
	html_raw(b, "</ul><p class=\"utrecht-paragraph\"><a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"" BASE "?q=");
	url_arg(b, q);
	html_rawf(b, "\">%s in de bibliotheek</a></p></section>",
		  total == 1 ? "Het stuk" : arena_printf(r->arena, "Alle %d stukken", total));
}
