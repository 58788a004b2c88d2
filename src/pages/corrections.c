/*
 * corrections — "Meld wat niet klopt": the form, the status link, the
 * review queue and a proposer's own list; see corrections.h. The rules
 * (fields, validation, limits, access, applying) are app/corrections.c.
 */
#include "corrections.h"
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "../app/corrections.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define FORM_COOKIE "atlas_melding"
#define QUEUE_LIMIT 200

const struct param_spec corrections_form_params[] = {
    {"veld", PT_TEXT, 40}, {"deelname", PT_TEXT, 20}, {NULL, 0, 0}};

/* ---- small helpers --------------------------------------------------------------- */

static struct store *store_or_null(void)
{
	return store_thread();
}

static int expired(struct request *r)
{
	return respond_error(r, 403, "Formulier verlopen",
			     "Het formulier is verlopen of ongeldig. Er is niets opgeslagen. Laad "
			     "de pagina opnieuw en probeer het nog eens.",
			     NULL);
}

/* Signed in with a web session (not an API token on a page). */
static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

/* The record's page address. */
static const char *record_href(struct request *r, const struct corr_target *t)
{
	const struct snapshot *s = r->snap;
	if (t->kind == CORR_ORG)
		return form_record_href(r, "/organisaties/", s->orgs[t->index].code, NULL);
	int ci = t->kind == CORR_COLLAB ? t->index : s->parts[t->index].collaboration;
	return form_record_href(r, "/samenwerkingsverbanden/", s->collabs[ci].key, NULL);
}

/* The form's address (with ?deelname= for a participation). */
static const char *form_href(struct request *r, const struct corr_target *t)
{
	const char *base = record_href(r, t);
	if (t->kind == CORR_PART)
		return arena_printf(r->arena, "%s/melding?deelname=%lld", base,
				    (long long)r->snap->parts[t->index].id);
	return arena_printf(r->arena, "%s/melding", base);
}

/* A value from user input as text, never a live link; "(leeg)" when
 * empty. */
static void value_text(struct buf *b, const struct corr_field *f, const char *v)
{
	html_text(b, corrections_display(f, v));
}

/* At most max code points of v, with "…" when cut (arena string). */
static const char *shorten(struct request *r, const char *v, size_t max)
{
	size_t cps = 0, i = 0;
	for (; v[i] && cps < max; i++)
		if (((unsigned char)v[i] & 0xC0) != 0x80)
			cps++;
	while (v[i] && ((unsigned char)v[i] & 0xC0) == 0x80)
		i++;
	if (!v[i])
		return v;
	return arena_printf(r->arena, "%.*s…", (int)i, v);
}

/* ---- the record page's section ---------------------------------------------------- */

void corrections_section(struct buf *b, const char *href)
{
	html_raw(b, "<section class=\"atlas-section\" aria-labelledby=\"meld-kop\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"meld-kop\">Klopt er iets niet?</h2>"
		    "<p class=\"utrecht-paragraph\">Ziet u een fout of een verouderd gegeven? "
		    "Meld het ons, het liefst met een bron. Een melding wordt eerst "
		    "beoordeeld; er verandert niets voordat iemand haar heeft bekeken. <a "
		    "class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, href);
	html_raw(b, "/melding\">Meld wat niet klopt</a></p></section>");
}

/* ---- the form --------------------------------------------------------------------- */

struct form_state {
	const struct corr_target *t;
	const struct corr_field *field; /* NULL: step 1, choose the field */
	const char *value, *source, *comment, *email;
	const struct field_errors *errs;
	const char *limited; /* a rate-limit message, or NULL */
};

static const struct form_field f_veld = {
    "veld", "Welk gegeven klopt niet?", FK_SELECT, 0, true, NULL, NULL, 0};
static const struct form_field f_bron = {
    "bron",
    "Bron (link)",
    FK_TEXT, /* text, not url: an invalid link is shown back as typed */
    CORRECTIONS_URL_MAX,
    false,
    "Een webadres dat begint met https:// of http://, bijvoorbeeld een officiële "
    "bekendmaking, jaarverslag of nieuwsbericht. Het adres wordt alleen als tekst getoond.",
    NULL,
    0};
static const struct form_field f_toelichting = {
    "toelichting", "Toelichting",
    FK_TEXTAREA,   CORRECTIONS_COMMENT_MAX,
    false,	   "Wat klopt er niet en hoe weet u dat? Ten hoogste 4000 tekens.",
    NULL,	   0};
static const struct form_field f_email = {
    "email",
    "Uw e-mailadres (niet verplicht)",
    FK_TEXT,
    CORRECTIONS_EMAIL_MAX,
    false,
    "Alleen om u vragen te stellen over deze melding. We verwijderen het zodra de melding "
    "is behandeld en tonen het nergens.",
    NULL,
    0};

/* The value input for field f (its kind follows the field). */
static struct form_field value_field(struct request *r, const struct corr_field *f)
{
	struct form_field v = {
	    "waarde", "Wat moet het zijn?", FK_TEXT, CORRECTIONS_VALUE_MAX, false, NULL, NULL, 0};
	switch (f->input) {
	case CI_TEXTAREA:
		v.kind = FK_TEXTAREA;
		break;
	case CI_DATE:
		v.kind = FK_DATE;
		v.max_len = 10;
		v.hint = "Als jjjj-mm-dd, bijvoorbeeld 2025-01-31. Leeg als het niet (meer) "
			 "geldt.";
		break;
	case CI_URL:
		v.kind = FK_TEXT;
		v.max_len = 500;
		v.hint = "Een webadres dat begint met https:// of http://.";
		break;
	case CI_NUMBER:
		v.kind = FK_NUMBER;
		v.max_len = 15;
		v.hint = "Een heel getal, zonder punten.";
		break;
	case CI_SELECT: {
		int n;
		v.kind = FK_SELECT;
		v.max_len = 0;
		v.opts = form_label_opts(r->arena, f->t, f->tn, NULL, &n);
		v.n_opts = n;
		break;
	}
	case CI_FREE:
		v.kind = FK_TEXTAREA;
		v.label = "Wat klopt er niet of ontbreekt er?";
		v.required = true;
		v.hint = "Bijvoorbeeld: „Gemeente Testdorp neemt sinds 1 januari 2024 deel” of "
			 "„Deze organisatie is per 1 januari 2022 opgegaan in …”. Ten hoogste "
			 "2000 tekens.";
		break;
	case CI_TEXT:
		break;
	}
	return v;
}

static const char *kind_word(enum corr_kind k)
{
	return k == CORR_ORG	? "deze organisatie"
	       : k == CORR_PART ? "deze deelname"
				: "dit samenwerkingsverband";
}

/* Links to the participations' own forms (on a collaboration's form). */
static void part_choices(struct buf *b, struct request *r, const struct corr_target *t)
{
	const struct snapshot *s = r->snap;
	const struct collaboration *c = &s->collabs[t->index];
	if (!c->n_parts)
		return;
	html_raw(b, "<details class=\"atlas-details\"><summary>Klopt er iets niet aan een "
		    "deelnemer (rol, orgaan, toe- of uittreding)?</summary><ul "
		    "class=\"utrecht-unordered-list\">");
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		html_raw(b, "<li>");
		comp_link(
		    b,
		    arena_printf(r->arena, "%s?deelname=%lld", form_href(r, t), (long long)p->id),
		    s->orgs[p->organisation].name);
		if (!p->active)
			html_raw(b, " (niet meer actief)");
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul></details>");
}

static int form_page(struct request *r, const struct form_state *st, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	const struct corr_target *t = st->t;
	const struct snapshot *s = r->snap;
	bool bad = (st->errs && st->errs->n) || st->limited;
	const char *name = corrections_record_name(r->arena, s, t);
	const char *back = record_href(r, t);
	const struct crumb crumbs[] = {
	    {t->kind == CORR_ORG ? "Organisaties" : "Samenwerkingsverbanden",
	     t->kind == CORR_ORG ? "/organisaties" : "/samenwerkingsverbanden"},
	    {t->kind == CORR_PART ? s->collabs[s->parts[t->index].collaboration].name : name, back},
	    {"Meld wat niet klopt", NULL}};
	const struct page_head h = {
	    .title = arena_printf(r->arena, "%sMeld wat niet klopt: %s", bad ? "Fout: " : "", name),
	    .nav = t->kind == CORR_ORG ? NAV_ORGS : NAV_COLLABS,
	    .crumbs = crumbs,
	    .n_crumbs = 3};
	r->cache_control = "no-store";
	r->etag = NULL;
	const char *token = form_open_token(r, FORM_COOKIE, "/");
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Meld wat niet klopt</h1>"
		    "<p class=\"utrecht-paragraph\">Over ");
	html_text(b, kind_word(t->kind));
	html_raw(b, ": <strong>");
	html_text(b, name);
	html_raw(b, "</strong>. Uw melding wordt beoordeeld door het programmateam of door de "
		    "redacteuren die dit gegeven bijhouden. Er verandert niets op de website "
		    "voordat iemand uw melding heeft bekeken.</p>");
	if (st->limited)
		aui_alert(b, "error", "Niet opgeslagen.", st->limited);

	int nf;
	const struct corr_field *fields = corrections_fields(t->kind, &nf);
	if (!st->field) {
		/* step 1: which field (a GET form, works without JavaScript) */
		struct comp_option *opts = arena_calloc(r->arena, (size_t)nf + 1, sizeof *opts);
		opts[0] = (struct comp_option){"", "Kies een gegeven"};
		for (int i = 0; i < nf; i++) {
			const char *cur = corrections_current(r->arena, s, t, fields[i].name);
			opts[i + 1] = (struct comp_option){
			    fields[i].name,
			    fields[i].input == CI_FREE
				? fields[i].label
				: arena_printf(
				      r->arena, "%s (nu: %s)", fields[i].label,
				      shorten(r, corrections_display(&fields[i], cur), 60))};
		}
		struct form_field fv = f_veld;
		fv.opts = opts;
		fv.n_opts = nf + 1;
		form_error_summary(b, st->errs, &fv, 1);
		html_raw(b, "<form class=\"atlas-edit-form\" method=\"get\" action=\"");
		html_attr(b, arena_printf(r->arena, "%s/melding", back));
		html_raw(b, "\">");
		if (t->kind == CORR_PART)
			html_rawf(b, "<input type=\"hidden\" name=\"deelname\" value=\"%lld\">",
				  (long long)s->parts[t->index].id);
		form_field(b, &fv, "", st->errs);
		form_buttons(b, "Verder", back, "Annuleren");
		html_raw(b, "</form>");
		if (t->kind == CORR_COLLAB)
			part_choices(b, r, t);
		layout_end(b, NULL);
		return status;
	}

	/* step 2: the value, the source, a comment */
	struct form_field fw = value_field(r, st->field);
	const struct form_field all[] = {fw, f_bron, f_toelichting, f_email};
	form_error_summary(b, st->errs, all, web_user(r) ? 3 : 4);
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"");
	html_attr(b, form_href(r, t));
	html_raw(b, "\">");
	form_hidden(b, "csrf", token);
	form_hidden(b, "veld", st->field->name);
	const char *cur = corrections_current(r->arena, s, t, st->field->name);
	comp_dl_open(b);
	comp_dl_item_open(b, "Gegeven");
	html_text(b, st->field->label);
	html_raw(b, " (");
	comp_link(b, form_href(r, t), "ander gegeven kiezen");
	html_raw(b, ")");
	comp_dl_item_close(b);
	if (st->field->input != CI_FREE) {
		comp_dl_item_open(b, "Staat nu in de atlas");
		value_text(b, st->field, cur);
		comp_dl_item_close(b);
	}
	comp_dl_close(b);
	form_field(b, &fw, st->value ? st->value : cur, st->errs);
	form_field(b, &f_bron, st->source, st->errs);
	form_field(b, &f_toelichting, st->comment, st->errs);
	if (!web_user(r))
		form_field(b, &f_email, st->email, st->errs);
	/* the honeypot: hidden from people and assistive technology alike */
	html_raw(b, "<div class=\"atlas-visually-hidden\" aria-hidden=\"true\">"
		    "<label for=\"f-website2\">Laat dit veld leeg</label>"
		    "<input type=\"text\" id=\"f-website2\" name=\"website2\" value=\"\" "
		    "tabindex=\"-1\" autocomplete=\"off\"></div>");
	form_buttons(b, "Melding versturen", back, "Annuleren");
	html_raw(b, "</form>");
	layout_end(b, NULL);
	return status;
}

/* The answer after a proposal: the status link (shown once), or — for a
 * dropped honeypot proposal — the same thanks without it. */
static int thanks_page(struct request *r, const struct corr_target *t, const char *token)
{
	struct buf *b = &r->out;
	buf_reset(b);
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct page_head h = {.title = "Melding ontvangen", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Dank u, uw melding is ontvangen</h1>"
		    "<p class=\"utrecht-paragraph\">We bekijken uw melding. Er verandert niets op "
		    "de website voordat iemand haar heeft beoordeeld.</p>");
	if (token && *token) {
		const char *link = arena_printf(r->arena, "/correcties/status/%s", token);
		html_raw(b, "<p class=\"utrecht-paragraph\">Met deze link ziet u later hoe het "
			    "met uw melding staat. Bewaar de link: hij wordt maar één keer "
			    "getoond.</p><p class=\"utrecht-paragraph atlas-token\">");
		comp_link(b, link, link);
		html_raw(b, "</p>");
		if (web_user(r))
			html_raw(b, "<p class=\"utrecht-paragraph\">U vindt uw meldingen ook onder "
				    "<a class=\"utrecht-link utrecht-link--html-a\" "
				    "href=\"/mijn/correcties\">Mijn meldingen</a>.</p>");
	}
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, record_href(r, t), "Terug naar het gegeven");
	html_raw(b, "</p>");
	layout_end(b, NULL);
	return 200;
}

static int form_handle(struct request *r, const struct corr_target *t)
{
	struct form_state st = {.t = t};
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		const char *veld = req_param(r, "veld");
		st.field = veld ? corrections_field(t->kind, veld) : NULL;
		struct field_errors e = {0};
		if (veld && *veld && !st.field) {
			field_errors_add(&e, "veld", "Kies een gegeven uit de lijst.");
			st.errs = &e;
			return form_page(r, &st, 400);
		}
		return form_page(r, &st, 200);
	}
	if (r->form_bad)
		return respond_error(r, 400, "Ongeldig formulier",
				     "Het formulier kon niet worden gelezen.", NULL);
	if (!form_open_token_ok(r, FORM_COOKIE))
		return expired(r);
	struct correction_proposal p = {
	    .field = req_form(r, "veld"),
	    .value = req_form(r, "waarde"),
	    .source = req_form(r, "bron"),
	    .comment = req_form(r, "toelichting"),
	    .email = req_form(r, "email"),
	    .honeypot = req_form(r, "website2"),
	};
	struct store *s = store_or_null();
	if (!s)
		return page_store_down(r);
	struct field_errors e = {0};
	const char *msg = "";
	char token[44];
	int64_t id = 0;
	enum corr_outcome o = corrections_propose(s, r->arena, r->snap, web_user(r), r->client_addr,
						  "web", t, &p, &e, &msg, token, &id);
	st.field = p.field ? corrections_field(t->kind, p.field) : NULL;
	st.value = form_str(p.value);
	st.source = form_str(p.source);
	st.comment = form_str(p.comment);
	st.email = form_str(p.email);
	switch (o) {
	case CORR_OK:
		return thanks_page(r, t, token);
	case CORR_DISCARDED:
		log_info("corrections: honeypot filled, proposal dropped");
		return thanks_page(r, t, NULL);
	case CORR_INVALID:
		st.errs = &e;
		return form_page(r, &st, 400);
	case CORR_LIMITED:
		st.limited = msg;
		req_header(r, "Retry-After", "3600");
		return form_page(r, &st, 429);
	default:
		return respond_error(r, 500, "Er ging iets mis",
				     "Uw melding kon niet worden opgeslagen. Probeer het later "
				     "opnieuw.",
				     NULL);
	}
}

int page_correction_collab(struct request *r)
{
	struct corr_target t;
	const char *pid = req_param(r, "deelname");
	bool ok = pid && *pid ? corrections_target_part(r->snap, r->path_args[0], pid, &t)
			      : corrections_target_collab(r->snap, r->path_args[0], &t);
	if (!ok)
		return respond_not_found(r);
	return form_handle(r, &t);
}

int page_correction_org(struct request *r)
{
	struct corr_target t;
	if (!corrections_target_org(r->snap, r->path_args[0], &t))
		return respond_not_found(r);
	return form_handle(r, &t);
}

/* ---- one proposal as shown ------------------------------------------------------ */

/* The record, field and values of a proposal. with_private: the e-mail
 * address and the proposer (reviewers only). */
static void proposal_dl(struct buf *b, struct request *r, const struct correction_row *c,
			bool with_private)
{
	struct corr_target t;
	bool found = corrections_target_of(r->snap, c->entity, c->entity_key, &t);
	const struct corr_field *f = found ? corrections_field(t.kind, c->field) : NULL;
	comp_dl_open(b);
	comp_dl_item_open(b, "Gegeven");
	if (found)
		comp_link(b, record_href(r, &t), corrections_record_name(r->arena, r->snap, &t));
	else
		html_text(b, c->entity_key);
	comp_dl_item_close(b);
	comp_dl_item_open(b, "Veld");
	html_text(b, f ? f->label : c->field);
	comp_dl_item_close(b);
	bool free = f && f->input == CI_FREE;
	if (!free) {
		comp_dl_item_open(b, "Was bij melden");
		value_text(b, f, c->current_value);
		comp_dl_item_close(b);
	}
	if (found && f && !free && strcmp(c->status, "open") == 0) {
		const char *now = corrections_current(r->arena, r->snap, &t, c->field);
		if (strcmp(now, c->current_value) != 0) {
			comp_dl_item_open(b, "Staat nu");
			value_text(b, f, now);
			comp_dl_item_close(b);
		}
	}
	comp_dl_item_open(b, free ? "Wat niet klopt" : "Voorgesteld");
	html_raw(b, "<strong>");
	value_text(b, f, c->proposed_value);
	html_raw(b, "</strong>");
	comp_dl_item_close(b);
	comp_dl_item_open(b, "Bron");
	if (*c->source_url) {
		/* as text, never a live link */
		html_raw(b, "<span class=\"atlas-token\">");
		html_text(b, c->source_url);
		html_raw(b, "</span>");
	} else {
		html_raw(b, "Geen bron opgegeven");
	}
	comp_dl_item_close(b);
	if (*c->comment)
		comp_dl_text(b, "Toelichting", c->comment);
	comp_dl_date(b, "Gemeld op", arena_strndup(r->arena, c->created_at, 10));
	if (with_private) {
		comp_dl_item_open(b, "Gemeld door");
		if (*c->proposer)
			html_text(b, c->proposer);
		else
			html_raw(b, "Anonieme bezoeker");
		comp_dl_item_close(b);
		if (*c->email)
			comp_dl_text(b, "E-mailadres voor vragen", c->email);
	}
	comp_dl_item_open(b, "Status");
	html_text(b, corrections_status_label(c->status));
	comp_dl_item_close(b);
	if (strcmp(c->status, "open") != 0) {
		comp_dl_date(b, "Behandeld op", arena_strndup(r->arena, c->handled_at, 10));
		if (*c->reason)
			comp_dl_text(b, "Reden", c->reason);
	}
	comp_dl_close(b);
}

/* ---- the status link -------------------------------------------------------------- */

int page_correction_status(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *s = store_or_null();
	if (!s)
		return page_store_down(r);
	struct correction_row c;
	int rc = corrections_by_token(s, r->arena, r->path_args[0], &c);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_error(r, 404, "Melding niet gevonden",
				     "Bij deze link hoort geen melding. Controleer of u de hele "
				     "link hebt gekopieerd.",
				     NULL);
	if (rc)
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Uw melding", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Uw melding</h1>");
	proposal_dl(b, r, &c, false);
	layout_end(b, NULL);
	return 200;
}

/* ---- the review queue -------------------------------------------------------------- */

static int queue_page(struct request *r, const char *alert_kind, const char *alert, int64_t err_id,
		      const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	r->cache_control = "no-store";
	r->etag = NULL;
	if (!policy_may_review_corrections(r->user, r->snap))
		return respond_error(r, 403, "Geen toegang",
				     "Alleen het programmateam en redacteuren van partners "
				     "behandelen meldingen.",
				     NULL);
	struct store *s = store_or_null();
	if (!s)
		return page_store_down(r);
	struct correction_row *open = NULL, *done = NULL;
	int n_open = 0, n_done = 0;
	if (corrections_queue(s, r->arena, r->snap, r->user, true, QUEUE_LIMIT, &open, &n_open) ||
	    corrections_queue(s, r->arena, r->snap, r->user, false, 50, &done, &n_done))
		return page_store_down(r);
	const struct page_head h = {
	    .title = arena_printf(r->arena, "%sMeldingen", status >= 400 ? "Fout: " : ""),
	    .nav = policy_may_administer(r->user) ? NAV_ADMIN : NAV_MINE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Meldingen: wat niet klopt</h1>");
	static const struct form_notice notices[] = {
	    {"verwerkt", "De melding is verwerkt: het gegeven is aangepast."},
	    {"afgewezen", "De melding is afgewezen."},
	};
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (alert)
		aui_alert(b, alert_kind, NULL, alert);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_raw(b, policy_is_staff(r->user)
			? "Alle meldingen over de atlas. "
			: "Meldingen over de gegevens die uw organisatie bijhoudt. ");
	html_raw(b, "Overnemen past het gegeven aan zoals een gewone wijziging (met de bron van "
		    "de melding); afwijzen vraagt om een reden. Het e-mailadres van de melder "
		    "wordt gewist zodra de melding is behandeld.</p>");
	html_rawf(b, "<h2 class=\"utrecht-heading-2\">Open (%d)</h2>", n_open);
	if (!n_open)
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn geen open meldingen.</p>");
	for (int i = 0; i < n_open; i++) {
		const struct correction_row *c = &open[i];
		html_rawf(b,
			  "<section class=\"atlas-manage\" aria-labelledby=\"m-%lld\">"
			  "<h3 class=\"utrecht-heading-3\" id=\"m-%lld\">Melding %lld</h3>",
			  (long long)c->id, (long long)c->id, (long long)c->id);
		proposal_dl(b, r, c, true);
		const char *base =
		    arena_printf(r->arena, "/beheer/correcties/%lld", (long long)c->id);
		html_raw(b, "<form class=\"atlas-inline-form\" method=\"post\" action=\"");
		html_attr(b, arena_printf(r->arena, "%s/overnemen", base));
		html_raw(b, "\">");
		form_csrf(b, r);
		form_submit(b, "Overnemen", true);
		form_close(b);
		form_open(b, r, arena_printf(r->arena, "%s/afwijzen", base));
		const struct field_errors *fe = c->id == err_id ? errs : NULL;
		html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--textarea\">"
			    "<label class=\"utrecht-form-label\" for=\"");
		html_rawf(b, "f-reden-%lld\">Reden van afwijzen</label>", (long long)c->id);
		if (fe && fe->n)
			html_rawf(b,
				  "<div class=\"utrecht-form-field__error-message "
				  "utrecht-form-field-error-message\" id=\"f-reden-%lld-fout\">"
				  "<span class=\"atlas-visually-hidden\">Fout: </span>",
				  (long long)c->id);
		if (fe && fe->n) {
			html_text(b, fe->e[0].message);
			html_raw(b, "</div>");
		}
		html_rawf(b,
			  "<textarea class=\"utrecht-textarea\" id=\"f-reden-%lld\" name=\"reden\" "
			  "rows=\"2\" maxlength=\"%d\"%s></textarea></div>",
			  (long long)c->id, CORRECTIONS_REASON_MAX,
			  fe && fe->n ? arena_printf(r->arena,
						     " aria-invalid=\"true\" "
						     "aria-describedby=\"f-reden-%lld-fout\"",
						     (long long)c->id)
				      : "");
		form_submit(b, "Afwijzen", false);
		form_close(b);
		html_raw(b, "</section>");
	}
	if (n_done) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Onlangs behandeld</h2>");
		for (int i = 0; i < n_done; i++) {
			html_rawf(b,
				  "<section class=\"atlas-manage\"><h3 "
				  "class=\"utrecht-heading-3\">Melding %lld</h3>",
				  (long long)done[i].id);
			proposal_dl(b, r, &done[i], true);
			html_raw(b, "</section>");
		}
	}
	layout_end(b, NULL);
	return status;
}

int page_corrections_queue(struct request *r)
{
	return queue_page(r, NULL, NULL, 0, NULL, 200);
}

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

/* The answer to an accept or reject. */
static int handled(struct request *r, enum corr_outcome o, const char *msg, int64_t id,
		   const struct field_errors *e, const char *code)
{
	switch (o) {
	case CORR_OK:
		app_after_write();
		return respond_redirect(
		    r, arena_printf(r->arena, "/beheer/correcties?melding=%s", code));
	case CORR_NOTFOUND:
		return respond_not_found(r);
	case CORR_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", msg, NULL);
	case CORR_INVALID:
		return queue_page(r, "error", msg, id, e, 400);
	case CORR_CONFLICT:
		return queue_page(r, "warning", msg, 0, NULL, 409);
	default:
		log_error("corrections: handling proposal %lld failed", (long long)id);
		return respond_error(r, 500, "Er ging iets mis", msg, NULL);
	}
}

int page_correction_accept(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *s = store_or_null();
	if (!s)
		return page_store_down(r);
	struct field_errors e = {0};
	const char *msg = "";
	enum corr_outcome o =
	    corrections_accept(s, r->arena, r->snap, r->user, "web", id, &e, &msg);
	return handled(r, o, msg, id, &e, "verwerkt");
}

int page_correction_reject(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *s = store_or_null();
	if (!s)
		return page_store_down(r);
	struct field_errors e = {0};
	const char *msg = "";
	enum corr_outcome o = corrections_reject(s, r->arena, r->snap, r->user, "web", id,
						 req_form(r, "reden"), &e, &msg);
	return handled(r, o, msg, id, &e, "afgewezen");
}

/* ---- a signed-in proposer's own proposals ------------------------------------------ */

int page_my_corrections(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *s = store_or_null();
	if (!s)
		return page_store_down(r);
	struct correction_row *rows = NULL;
	int n = 0;
	if (store_corrections_of_user(s, r->arena, r->user->id, 200, &rows, &n))
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Mijn meldingen", .nav = NAV_MINE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Mijn meldingen</h1>");
	if (!n)
		html_raw(b, "<p class=\"utrecht-paragraph\">U hebt nog geen meldingen gedaan. Op "
			    "elke pagina van een samenwerkingsverband of organisatie staat "
			    "„Meld wat niet klopt”.</p>");
	for (int i = 0; i < n; i++) {
		html_rawf(b,
			  "<section class=\"atlas-manage\"><h2 class=\"utrecht-heading-3\">"
			  "Melding %lld</h2>",
			  (long long)rows[i].id);
		proposal_dl(b, r, &rows[i], false);
		html_raw(b, "</section>");
	}
	layout_end(b, NULL);
	return 200;
}
