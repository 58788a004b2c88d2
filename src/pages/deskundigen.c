/*
 * "Wie weet wat" pages; see deskundigen.h.
 */
#include "deskundigen.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/deskundigen.h"
#include "../app/policy.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <string.h>

#define PATH "/kennis/wie-weet-wat"
#define MINE PATH "/mijn-vermelding"

const struct param_spec deskundigen_params[] = {
    {"q", PT_TEXT, 200}, {"thema", PT_TEXT, 80}, {"melding", PT_TEXT, 40}, {NULL, 0, 0}};

static const char *domain_name(const struct snapshot *s, const char *key)
{
	for (int i = 0; i < s->n_domains; i++)
		if (strcmp(s->domains[i].key, key) == 0)
			return s->domains[i].name;
	return key;
}

static const char *org_name(const struct snapshot *s, const char *code)
{
	int oi = str_empty(code) ? -1 : snapshot_find_org(s, code);
	return oi >= 0 ? s->orgs[oi].name : NULL;
}

/* The beleidsdomeinen as options (first_label: an empty first option). */
static struct comp_option *theme_opts(struct request *r, const char *first_label, int *n)
{
	const struct snapshot *s = r->snap;
	struct comp_option *o = arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *o);
	int k = 0;
	if (first_label)
		o[k++] = (struct comp_option){"", first_label};
	for (int i = 0; i < s->n_domains; i++)
		o[k++] = (struct comp_option){s->domains[i].key, s->domains[i].name};
	*n = k;
	return o;
}

static void begin(struct request *r, const char *title, const char *crumb, bool error)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	buf_reset(&r->out);
	const struct crumb crumbs[] = {
	    {"Kennis", "/kennis"}, {"Wie weet wat", crumb ? PATH : NULL}, {crumb, NULL}};
	const struct page_head h = {
	    .title = arena_printf(r->arena, "%s%s", error ? "Fout: " : "", title),
	    .nav = NAV_NONE,
	    .crumbs = crumbs,
	    .n_crumbs = crumb ? 3 : 2};
	layout_begin(&r->out, page_head_for(r, &h));
}

static void expert(struct buf *b, struct request *r, const struct expert_row *x)
{
	html_raw(b, "<li class=\"atlas-expert\"><h2 class=\"utrecht-heading-3\">");
	html_text(b, x->name);
	html_raw(b, "</h2>");
	const char *org = org_name(r->snap, x->org_code);
	comp_dl_open(b);
	if (org) {
		comp_dl_item_open(b, "Organisatie");
		comp_link_seg(b, "/organisaties", x->org_code, org);
		comp_dl_item_close(b);
	}
	const char **keys;
	int nk = deskundigen_theme_keys(r->arena, x->themes, &keys);
	if (nk) {
		struct buf t = BUF_INIT;
		for (int i = 0; i < nk; i++)
			buf_printf(&t, "%s%s", i ? ", " : "", domain_name(r->snap, keys[i]));
		comp_dl_text(b, "Thema's", t.data);
		buf_free(&t);
	}
	comp_dl_text(b, "Kennis en ervaring", x->expertise);
	if (*x->keywords)
		comp_dl_text(b, "Trefwoorden", x->keywords);
	comp_dl_text(b, "Contact", x->contact);
	comp_dl_close(b);
	html_raw(b, "</li>");
}

int page_deskundigen(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *q = req_param(r, "q");
	const char *theme = req_param(r, "thema");
	if (!str_empty(theme) && !deskundigen_theme_known(r->snap, theme))
		return respond_error(r, 400, "Ongeldige parameter", "Kies een thema uit de lijst.",
				     "thema");
	struct expert_row *rows;
	int n;
	enum ex_outcome o = deskundigen_search(st, r->arena, r->snap, r->user, q,
					       str_empty(theme) ? NULL : theme, &rows, &n);
	if (o == EX_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang",
				     "Alleen ingelogde gebruikers zien wie wat weet.", NULL);
	if (o != EX_OK)
		return page_store_down(r);
	struct expert_row mine;
	bool listed = deskundigen_mine(st, r->arena, r->user, &mine) == EX_OK;
	begin(r, "Wie weet wat", NULL, false);
	struct buf *b = &r->out;
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Wie weet wat</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Collega's bij de "
		 "gemeenten, waterschappen en de provincie die kennis of ervaring willen delen. "
		 "Iedereen hier heeft zelf toestemming gegeven om vermeld te worden; de lijst is "
		 "alleen zichtbaar voor wie is ingelogd.</p>");
	static const struct form_notice notices[] = {
	    {"opgeslagen", "Uw vermelding is opgeslagen."},
	    {"verwijderd", "Uw vermelding is verwijderd."},
	};
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, MINE, listed ? "Uw vermelding bekijken of wijzigen" : "Zelf vermeld worden");
	html_raw(b, "</p>");
	html_raw(b, "<form class=\"atlas-filter-form\" method=\"get\" action=\"" PATH "\" "
		    "role=\"search\">");
	const struct aui_field fq = {.id = "f-q",
				     .name = "q",
				     .label = "Zoek op naam, organisatie of onderwerp",
				     .type = "search",
				     .value = q,
				     .maxlength = 200};
	aui_text_field(b, &fq);
	int nt;
	struct comp_option *themes = theme_opts(r, "Alle thema's", &nt);
	comp_select(b, "thema", "Thema", themes, nt, theme);
	form_submit(b, "Zoeken", true);
	html_raw(b, "</form>");
	html_rawf(b, "<p class=\"utrecht-paragraph\" role=\"status\">%d %s gevonden.</p>", n,
		  n == 1 ? "collega" : "collega's");
	if (n) {
		html_raw(b, "<ul class=\"atlas-experts\">");
		for (int i = 0; i < n; i++)
			expert(b, r, &rows[i]);
		html_raw(b, "</ul>");
	}
	layout_end(b, NULL);
	return 200;
}

static const struct form_field f_expertise = {
    "expertise",
    "Kennis en ervaring",
    FK_TEXTAREA,
    EXPERT_EXPERTISE_MAX,
    true,
    "Waar kunnen collega's u over bellen? Bijvoorbeeld een project dat u deed of een "
    "opgave die u kent.",
    NULL,
    0};
static const struct form_field f_trefwoorden = {
    "trefwoorden", "Trefwoorden",
    FK_TEXT,	   EXPERT_KEYWORDS_MAX,
    false,	   "Gescheiden door komma's, zoals: Wgr, RES, jeugdzorg.",
    NULL,	   0};
static const struct form_field f_contact = {
    "contact",
    "Hoe bereiken collega's u?",
    FK_TEXT,
    EXPERT_CONTACT_MAX,
    true,
    "Bijvoorbeeld uw e-mailadres of telefoonnummer. Alleen ingelogde gebruikers zien dit.",
    NULL,
    0};

static int mine_form(struct request *r, const struct expert_row *x, const struct field_errors *e,
		     int status)
{
	begin(r, "Mijn vermelding", "Mijn vermelding", e != NULL);
	struct buf *b = &r->out;
	int nt;
	struct comp_option *themes = theme_opts(r, NULL, &nt);
	const struct form_field fields[] = {
	    f_expertise,
	    f_trefwoorden,
	    f_contact,
	    {"themas", "Thema's", FK_CHECKS, 0, false, NULL, themes, nt},
	};
	const char *vals[4];
	if (r->method == HTTP_POST) {
		form_submitted(r, fields, 4, vals);
	} else {
		vals[0] = x ? x->expertise : "";
		vals[1] = x ? x->keywords : "";
		vals[2] = x ? x->contact : "";
		vals[3] = x && *x->themes
			      ? arena_strndup(r->arena, x->themes + 1, strlen(x->themes) - 2)
			      : "";
	}
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Mijn vermelding in „Wie weet wat”</h1>"
		    "<p class=\"utrecht-paragraph\">Met uw naam en organisatie uit uw account. "
		    "Alleen ingelogde gebruikers van de atlas zien de lijst. U kunt uw vermelding "
		    "altijd wijzigen of meteen verwijderen.</p>");
	if (e)
		form_error_summary(b, e, fields, 4);
	form_open(b, r, MINE);
	form_fields(b, fields, 4, vals, e);
	const char *err = form_error_for(e, "toestemming");
	if (err)
		aui_alert(b, "error", NULL, err);
	form_confirm_checkbox(b,
			      "Ik geef toestemming om met deze gegevens vermeld te worden in „Wie "
			      "weet wat”",
			      err != NULL);
	form_submit(b, "Opslaan", true);
	form_close(b);
	if (x) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Vermelding verwijderen</h2>");
		html_raw(b, "<p class=\"utrecht-paragraph\">U staat in de lijst sinds ");
		html_text(b, x->consent_at);
		html_raw(b, " (toestemming gegeven). Verwijderen gaat meteen; er blijft geen kopie "
			    "bewaard.</p>");
		form_open(b, r, MINE "/verwijderen");
		form_submit(b, "Vermelding verwijderen", false);
		form_close(b);
	}
	layout_end(b, NULL);
	return status;
}

int page_deskundige_mine(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct expert_row x;
	enum ex_outcome o = deskundigen_mine(st, r->arena, r->user, &x);
	if (o == EX_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang", "Log in om uzelf te vermelden.", NULL);
	if (o == EX_FAILED)
		return page_store_down(r);
	if (r->method != HTTP_POST)
		return mine_form(r, o == EX_OK ? &x : NULL, NULL, 200);
	const char *themes[EXPERT_THEMES_MAX + 2];
	const char *consent = req_form(r, "bevestigen");
	struct expert_input in = {.expertise = req_form(r, "expertise"),
				  .keywords = req_form(r, "trefwoorden"),
				  .contact = req_form(r, "contact"),
				  .themes = themes,
				  .consent = consent && strcmp(consent, "ja") == 0};
	in.n_themes = req_form_all(r, "themas", themes, EXPERT_THEMES_MAX + 1);
	struct field_errors e = {0};
	o = deskundigen_save(st, r->arena, r->snap, r->user, "web", &in, &e);
	if (o == EX_INVALID)
		return mine_form(
		    r, deskundigen_mine(st, r->arena, r->user, &x) == EX_OK ? &x : NULL, &e, 400);
	if (o != EX_OK)
		return page_store_down(r);
	return respond_redirect(r, PATH "?melding=opgeslagen");
}

int page_deskundige_remove(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	enum ex_outcome o = deskundigen_remove(st, r->user, "web");
	if (o == EX_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang", "Log in om uw vermelding te beheren.",
				     NULL);
	if (o == EX_NOTFOUND)
		return respond_error(r, 404, "Geen vermelding",
				     "U staat niet (meer) in de lijst. Er is niets verwijderd.",
				     NULL);
	if (o != EX_OK)
		return page_store_down(r);
	return respond_redirect(r, PATH "?melding=verwijderd");
}
