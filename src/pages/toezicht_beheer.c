/*
 * toezicht_beheer — the administrators' IBT configuration: the domains
 * (add one, change or end one by its last year) and each domain's label set
 * (name, colour and pattern per level). See toezicht.h.
 */
#include "toezicht.h"
#include "auth_ui.h"
#include "forms.h"
#include "toezicht_draw.h"
#include "../app/policy.h"
#include "../app/toezicht.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define ADMIN "/beheer/toezicht"

static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static void no_cache(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
}

static const char *domain_href(struct request *r, const char *key, const char *suffix)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, ADMIN "/domeinen/");
	url_seg(&u, key);
	buf_puts(&u, suffix ? suffix : "");
	const char *out = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return out;
}

static const struct comp_option kinds[] = {
    {"gemeente", "Gemeenten"},
    {"waterschap", "Waterschappen"},
    {"samenwerkingsorgaan", "Gemeenschappelijke regelingen (samenwerkingsorganen)"}};

enum { D_SLEUTEL, D_NAAM, D_VAN, D_TOT, D_SOORTEN, D_BRON, N_D };

static void domain_fields(struct form_field *f)
{
	f[D_SLEUTEL] = (struct form_field){"sleutel",
					   "Sleutel",
					   FK_TEXT,
					   60,
					   true,
					   "Kleine letters, cijfers en streepjes; in links en de "
					   "API. Niet meer te wijzigen.",
					   NULL,
					   0};
	f[D_NAAM] = (struct form_field){"naam", "Naam", FK_TEXT, IBT_NAME_MAX, true, NULL, NULL, 0};
	f[D_VAN] = (struct form_field){
	    "geldigVanaf", "Geldig vanaf (jaar)", FK_NUMBER, 4, true, NULL, NULL, 0};
	f[D_TOT] = (struct form_field){"geldigTot",
				       "Geldig tot en met (jaar)",
				       FK_NUMBER,
				       4,
				       false,
				       "Vul het laatste jaar in om het domein te beëindigen; leeg: "
				       "geldt nog.",
				       NULL,
				       0};
	f[D_SOORTEN] =
	    (struct form_field){"soorten", "Geldt voor", FK_CHECKS, 0, true, NULL, kinds, 3};
	f[D_BRON] = (struct form_field){"bron", "Bron (link)",
					FK_URL, 2000,
					false,	"De pagina of regeling waarop het domein rust.",
					NULL,	0};
}

static void page_top(struct request *r, const char *title, bool sub)
{
	const struct crumb crumbs[] = {
	    {"Beheer", "/beheer"}, {"Toezicht instellen", sub ? ADMIN : NULL}, {title, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = sub ? 3 : 2};
	layout_begin(&r->out, page_head_for(r, &h));
	html_raw(&r->out, "<h1 class=\"utrecht-heading-1\">");
	html_text(&r->out, title);
	html_raw(&r->out, "</h1>");
}

static const struct form_notice notices[] = {
    {"toegevoegd", "Het domein is toegevoegd met de standaardlabels."},
    {"gewijzigd", "Het domein is gewijzigd."},
    {"labels", "De labels zijn gewijzigd."},
};

static int admin_page(struct request *r, const struct field_errors *err, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_domain_row *d;
	int nd;
	if (toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return page_store_down(r);
	struct buf *b = &r->out;
	buf_reset(b);
	page_top(r, "Toezicht instellen", false);
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	comp_para(b, "De domeinen van het interbestuurlijk toezicht, voor welke organisaties ze "
		     "gelden en welke labels een oordeel kan hebben. Elk label heeft een kleur en "
		     "een eigen patroon, zodat het niet alleen aan de kleur te herkennen is.");
	static const struct comp_col cols[] = {
	    {"Domein", false}, {"Geldig", false}, {"Geldt voor", false}, {"Labels", false}};
	comp_table_open_ex(b, "Toezichtdomeinen", cols, 4, true);
	for (int i = 0; i < nd; i++) {
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, domain_href(r, d[i].key, NULL), d[i].name);
		comp_th_close(b);
		comp_td_open(b, false);
		if (d[i].valid_to)
			html_rawf(b, "%d tot en met %d", d[i].valid_from, d[i].valid_to);
		else
			html_rawf(b, "Vanaf %d", d[i].valid_from);
		comp_td_close(b);
		comp_td_text(b, d[i].org_kinds, "");
		comp_td_open(b, false);
		for (int l = 0; l < d[i].n_labels; l++) {
			if (l)
				html_raw(b, "<br>");
			tz_label_inline(b, &d[i].labels[l], l + 1);
		}
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	comp_h2(b, "tz-nieuw", "Nieuw domein");
	struct form_field f[N_D];
	domain_fields(f);
	const char *v[N_D];
	if (err) {
		form_error_summary(b, err, f, N_D);
		form_submitted(r, f, N_D, v);
	} else {
		for (int i = 0; i < N_D; i++)
			v[i] = "";
		v[D_VAN] = arena_printf(r->arena, "%d", toezicht_this_year());
	}
	form_open(b, r, ADMIN "/domeinen");
	form_fields(b, f, N_D, v, err);
	form_submit(b, "Domein toevoegen", true);
	form_close(b);
	html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/toezicht\">"
		    "Naar de toezichtkaart</a></p>");
	layout_end(b, NULL);
	return status;
}

int page_toezicht_admin(struct request *r)
{
	return admin_page(r, NULL, 200);
}

static struct ibt_domain_input read_domain(struct request *r, const char *key)
{
	struct form_field f[N_D];
	domain_fields(f);
	const char *v[N_D];
	form_submitted(r, f, N_D, v);
	return (struct ibt_domain_input){.key = key ? key : v[D_SLEUTEL],
					 .name = v[D_NAAM],
					 .from = v[D_VAN],
					 .to = v[D_TOT],
					 .kinds = v[D_SOORTEN],
					 .source_url = v[D_BRON]};
}

int page_toezicht_domain_add(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_domain_input in = read_domain(r, NULL);
	struct field_errors e = {0};
	enum ibt_outcome o = toezicht_domain_save(st, r->arena, web_user(r), "web", true, &in, &e);
	if (o == IBT_OK)
		return respond_redirect(r, ADMIN "?melding=toegevoegd");
	if (o == IBT_INVALID)
		return admin_page(r, &e, 400);
	if (o == IBT_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang", toezicht_message(o), NULL);
	return page_store_down(r);
}

/* ---- one domain: its settings and its labels ------------------------------------------ */

#define LF(i, k) ((i)*3 + (k))

static const struct comp_option *pattern_opts(struct request *r)
{
	struct comp_option *o = arena_calloc(r->arena, IBT_N_PATTERNS + 1, sizeof *o);
	for (int i = 0; i < IBT_N_PATTERNS; i++)
		o[i] = (struct comp_option){ibt_pattern_keys[i], ibt_pattern_name(i)};
	return o;
}

static void label_fields(struct request *r, struct form_field *f)
{
	const struct comp_option *p = pattern_opts(r);
	for (int i = 0; i < IBT_LABELS_MAX; i++) {
		f[LF(i, 0)] = (struct form_field){
		    arena_printf(r->arena, "label%dNaam", i + 1),
		    arena_printf(r->arena, "Label %d: naam", i + 1),
		    FK_TEXT,
		    60,
		    i < 2,
		    i == 0 ? "Label 1 is het beste oordeel. Laat de naam leeg om een label weg "
			     "te laten."
			   : NULL,
		    NULL,
		    0};
		f[LF(i, 1)] = (struct form_field){arena_printf(r->arena, "label%dKleur", i + 1),
						  arena_printf(r->arena, "Label %d: kleur", i + 1),
						  FK_TEXT,
						  7,
						  false,
						  "Als #rrggbb, zoals #2e7d32.",
						  NULL,
						  0};
		f[LF(i, 2)] =
		    (struct form_field){arena_printf(r->arena, "label%dPatroon", i + 1),
					arena_printf(r->arena, "Label %d: patroon", i + 1),
					FK_SELECT,
					0,
					false,
					NULL,
					p,
					IBT_N_PATTERNS};
	}
}

static int domain_page(struct request *r, const struct field_errors *derr,
		       const struct field_errors *lerr, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_domain_row *d;
	int nd;
	if (toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return page_store_down(r);
	const struct ibt_domain_row *dom = toezicht_domain_find(d, nd, r->path_args[0]);
	if (!dom)
		return respond_not_found(r);
	struct buf *b = &r->out;
	buf_reset(b);
	page_top(r, dom->name, true);
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	comp_h2(b, "tz-instellingen", "Instellingen");
	struct form_field f[N_D];
	domain_fields(f);
	const char *v[N_D];
	if (derr) {
		form_error_summary(b, derr, f + 1, N_D - 1);
		form_submitted(r, f, N_D, v);
	} else {
		v[D_SLEUTEL] = dom->key;
		v[D_NAAM] = dom->name;
		v[D_VAN] = arena_printf(r->arena, "%d", dom->valid_from);
		v[D_TOT] = dom->valid_to ? arena_printf(r->arena, "%d", dom->valid_to) : "";
		v[D_SOORTEN] = dom->org_kinds;
		v[D_BRON] = dom->source_url;
	}
	form_open(b, r, domain_href(r, dom->key, NULL));
	form_fields(b, f + 1, N_D - 1, v + 1, derr);
	form_submit(b, "Instellingen opslaan", true);
	form_close(b);

	comp_h2(b, "tz-labels", "Labels");
	struct form_field lf[IBT_LABELS_MAX * 3];
	label_fields(r, lf);
	const char *lv[IBT_LABELS_MAX * 3];
	if (lerr) {
		form_error_summary(b, lerr, lf, IBT_LABELS_MAX * 3);
		form_submitted(r, lf, IBT_LABELS_MAX * 3, lv);
	} else {
		for (int i = 0; i < IBT_LABELS_MAX; i++) {
			const struct ibt_label *l = i < dom->n_labels ? &dom->labels[i] : NULL;
			lv[LF(i, 0)] = l ? l->name : "";
			lv[LF(i, 1)] = l ? l->colour : "";
			lv[LF(i, 2)] = l ? l->pattern : ibt_pattern_keys[i];
		}
	}
	form_open(b, r, domain_href(r, dom->key, "/labels"));
	form_fields(b, lf, IBT_LABELS_MAX * 3, lv, lerr);
	form_submit(b, "Labels opslaan", true);
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_toezicht_domain(struct request *r)
{
	return domain_page(r, NULL, NULL, 200);
}

int page_toezicht_domain_update(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_domain_input in = read_domain(r, r->path_args[0]);
	struct field_errors e = {0};
	enum ibt_outcome o = toezicht_domain_save(st, r->arena, web_user(r), "web", false, &in, &e);
	switch (o) {
	case IBT_OK:
		return respond_redirect(r, domain_href(r, r->path_args[0], "?melding=gewijzigd"));
	case IBT_INVALID:
		return domain_page(r, &e, NULL, 400);
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", toezicht_message(o), NULL);
	default:
		return page_store_down(r);
	}
}

int page_toezicht_labels_update(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct form_field lf[IBT_LABELS_MAX * 3];
	label_fields(r, lf);
	const char *lv[IBT_LABELS_MAX * 3];
	form_submitted(r, lf, IBT_LABELS_MAX * 3, lv);
	struct ibt_label l[IBT_LABELS_MAX];
	int n = 0;
	for (int i = 0; i < IBT_LABELS_MAX; i++) {
		if (str_empty(lv[LF(i, 0)]))
			continue;
		l[n] = (struct ibt_label){n + 1, lv[LF(i, 0)], lv[LF(i, 1)], lv[LF(i, 2)]};
		n++;
	}
	struct field_errors e = {0};
	enum ibt_outcome o =
	    toezicht_labels_save(st, r->arena, web_user(r), "web", r->path_args[0], l, n, &e);
	switch (o) {
	case IBT_OK:
		return respond_redirect(r, domain_href(r, r->path_args[0], "?melding=labels"));
	case IBT_INVALID:
		return domain_page(r, NULL, &e, 400);
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", toezicht_message(o), NULL);
	default:
		return page_store_down(r);
	}
}
