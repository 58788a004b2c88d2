/*
 * evaluatie_enquete — the questionnaire behind a response link
 * (/enquete/{token}): the anonymity explained first, one fieldset per
 * question (a legend, radio buttons or checkboxes, a text area), a block
 * per collaboration, "Tussentijds opslaan" and "Versturen". Works without
 * JavaScript; field errors keep the answers given so far. The token is
 * the secret of the form (no session, no cookie).
 */
#include "evaluatie.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/evaluatie.h"
#include "../domain/fields.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

static void no_store(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	req_header(r, "Referrer-Policy", "no-referrer");
}

static int message_page(struct request *r, int status, const char *title, const char *text)
{
	no_store(r);
	struct buf *b = &r->out;
	buf_reset(b);
	const struct page_head h = {.title = title, .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	comp_para(b, text);
	layout_end(b, NULL);
	return status;
}

static int problem(struct request *r, enum evaluatie_outcome o)
{
	switch (o) {
	case EVAL_NOTFOUND:
		return message_page(
		    r, 404, "Deze link kennen we niet",
		    "Controleer of u de hele link uit de uitnodiging hebt gebruikt. "
		    "Werkt het niet, vraag dan het programmateam om een nieuwe link.");
	case EVAL_USED:
		return message_page(
		    r, 410, "Deze link is al gebruikt",
		    "Met deze link zijn de antwoorden al verstuurd. Elke link werkt "
		    "één keer. Dank voor uw deelname.");
	case EVAL_CLOSED:
		return message_page(r, 410, "Deze vragenlijst is niet open",
				    "De vragenlijst bij deze link staat niet (meer) open voor "
				    "antwoorden.");
	default:
		return page_store_down(r);
	}
}

static const char *value_of(const struct ev_pair *v, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return v[i].value;
	return "";
}

static bool has_value(const struct ev_pair *v, int n, const char *name, const char *val)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0 && strcmp(v[i].value, val) == 0)
			return true;
	return false;
}

/* The message of field name in e, shown under a legend. */
static void field_error(struct buf *b, const struct field_errors *e, const char *name)
{
	const char *m = e ? field_errors_get(e, name) : NULL;
	if (!m)
		return;
	html_raw(b, "<p class=\"utrecht-form-field-error-message\" id=\"fout-");
	html_attr(b, name);
	html_raw(b, "\">");
	html_text(b, m);
	html_raw(b, "</p>");
}

/* Radio buttons name = 0..5 (scale) or 1..n (choices) with labels. */
static void radios(struct buf *b, struct request *r, const char *name, const char *legend,
		   const char *const *labels, int first, int last, const struct ev_pair *v, int nv,
		   const struct field_errors *e, bool multi)
{
	bool err = e && field_errors_get(e, name);
	html_raw(b, "<fieldset class=\"utrecht-form-fieldset atlas-question\"");
	if (err) {
		html_raw(b, " aria-describedby=\"fout-");
		html_attr(b, name);
		html_raw(b, "\"");
	}
	html_raw(b, "><legend class=\"utrecht-form-fieldset__legend\">");
	html_text(b, legend);
	html_raw(b, "</legend>");
	field_error(b, e, name);
	/* scales show 1..5 first and "weet niet" last */
	for (int k = 0; k <= last - first; k++) {
		int x = first == 0 ? (k < 5 ? k + 1 : 0) : first + k;
		const char *val = arena_printf(r->arena, "%d", x);
		const char *id = k == 0 ? arena_printf(r->arena, "f-%s", name)
					: arena_printf(r->arena, "f-%s-%d", name, x);
		html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--");
		html_raw(b, multi ? "checkbox" : "radio");
		html_raw(b, "\"><input class=\"utrecht-");
		html_raw(b, multi ? "checkbox" : "radio-button");
		html_raw(b, "\" type=\"");
		html_raw(b, multi ? "checkbox" : "radio");
		html_raw(b, "\" id=\"");
		html_attr(b, id);
		html_raw(b, "\" name=\"");
		html_attr(b, name);
		html_raw(b, "\" value=\"");
		html_attr(b, val);
		html_raw(b, "\"");
		if (has_value(v, nv, name, val))
			html_raw(b, " checked");
		if (err)
			html_raw(b, " aria-invalid=\"true\"");
		html_raw(b, "> <label class=\"utrecht-form-label\" for=\"");
		html_attr(b, id);
		html_raw(b, "\">");
		html_text(b, labels[x - (first == 0 ? 0 : 1)]);
		html_raw(b, "</label></div>");
	}
	html_raw(b, "</fieldset>");
}

static void question(struct buf *b, struct request *r, const struct ev_questionnaire *q,
		     const struct ev_item_row *it, int blk, const struct ev_pair *v, int nv,
		     const struct field_errors *e)
{
	const char *name = arena_printf(r->arena, "b%d-i%lld", blk, (long long)it->id);
	const char *legend =
	    it->required ? arena_printf(r->arena, "%s (verplicht)", it->text) : it->text;
	int n_opts = evaluatie_option_count(it->options);
	const char **opts = arena_calloc(r->arena, (size_t)n_opts + 1, sizeof *opts);
	for (int i = 0; i < n_opts; i++) {
		char o[EVALUATIE_OPTION_MAX * 4 + 1];
		evaluatie_option(it->options, i, o, sizeof o);
		opts[i] = arena_strdup(r->arena, o);
	}
	(void)q;
	if (strcmp(it->kind, "likert") == 0) {
		radios(b, r, name, legend, evaluatie_likert_labels, 0, 5, v, nv, e, false);
	} else if (strcmp(it->kind, "enkelvoudig") == 0) {
		radios(b, r, name, legend, opts, 1, n_opts, v, nv, e, false);
	} else if (strcmp(it->kind, "meervoudig") == 0) {
		radios(b, r, name,
		       arena_printf(r->arena, "%s (kies wat van toepassing is)", legend), opts, 1,
		       n_opts, v, nv, e, true);
	} else if (strcmp(it->kind, "rolperspectief") == 0) {
		html_raw(b, "<fieldset class=\"utrecht-form-fieldset atlas-question\">"
			    "<legend class=\"utrecht-form-fieldset__legend\">");
		html_text(b, legend);
		html_raw(b,
			 "</legend><p class=\"utrecht-paragraph atlas-muted\">Geef per partij voor "
			 "elk van de vier rollen een score van 1 (helemaal niet) tot 5 (heel "
			 "sterk).</p>");
		for (int p = 0; p < n_opts; p++) {
			html_raw(b, "<fieldset class=\"utrecht-form-fieldset\"><legend "
				    "class=\"utrecht-form-fieldset__legend\">");
			html_text(b, opts[p]);
			html_raw(b, "</legend>");
			for (int k = 0; k < EVALUATIE_PERSPECTIVES; k++) {
				const char *sub =
				    arena_printf(r->arena, "%s-p%d-q%d", name, p + 1, k + 1);
				radios(b, r, sub,
				       arena_printf(r->arena, "%s: %s", opts[p],
						    evaluatie_perspectives[k]),
				       evaluatie_score_labels, 0, 5, v, nv, e, false);
			}
			html_raw(b, "</fieldset>");
		}
		html_raw(b, "</fieldset>");
	} else {
		bool err = e && field_errors_get(e, name);
		html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
			    "<div class=\"utrecht-form-field__label\"><label "
			    "class=\"utrecht-form-label\" for=\"f-");
		html_attr(b, name);
		html_raw(b, "\">");
		html_text(b, legend);
		html_raw(b, "</label></div>");
		field_error(b, e, name);
		html_rawf(b,
			  "<div class=\"utrecht-form-field__input\"><textarea "
			  "class=\"utrecht-textarea\" rows=\"5\" maxlength=\"%d\" id=\"f-",
			  EVALUATIE_OPEN_MAX);
		html_attr(b, name);
		html_raw(b, "\" name=\"");
		html_attr(b, name);
		html_raw(b, "\"");
		if (err) {
			html_raw(b, " aria-invalid=\"true\" aria-describedby=\"fout-");
			html_attr(b, name);
			html_raw(b, "\"");
		}
		html_raw(b, ">");
		html_text(b, value_of(v, nv, name));
		html_raw(b, "</textarea></div></div>");
	}
}

static void error_summary(struct buf *b, const struct field_errors *e)
{
	if (!e || !e->n)
		return;
	html_raw(b, "<div class=\"utrecht-alert utrecht-alert--error atlas-notice "
		    "atlas-error-summary\" id=\"foutmeldingen\" tabindex=\"-1\" autofocus>"
		    "<div class=\"utrecht-alert__content\"><h2 class=\"utrecht-heading-2\">"
		    "Controleer uw antwoorden</h2><p class=\"utrecht-paragraph\">Uw antwoorden "
		    "zijn nog niet verstuurd, maar wel bewaard. Pas aan wat hieronder staat en "
		    "verstuur opnieuw.</p><ul class=\"utrecht-unordered-list\">");
	for (int i = 0; i < e->n; i++) {
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		if (e->e[i].field[0] == 'b') {
			html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"#f-");
			html_attr(b, e->e[i].field);
			html_raw(b, "\">");
			html_text(b, e->e[i].message);
			html_raw(b, "</a>");
		} else {
			html_text(b, e->e[i].message);
		}
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul></div></div>");
}

static int questionnaire_page(struct request *r, const struct ev_questionnaire *q,
			      const struct ev_pair *v, int nv, const struct field_errors *e,
			      bool saved, int status)
{
	no_store(r);
	struct buf *b = &r->out;
	buf_reset(b);
	const struct page_head h = {.title = q->round.name, .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, q->round.name);
	html_raw(b, "</h1>");
	error_summary(b, e);
	if (saved)
		aui_alert(b, "ok", "Uw antwoorden zijn bewaard.",
			  "U kunt later verder met dezelfde link. Verstuur ze als u klaar bent.");
	comp_h2(b, "anoniem", "Over deze vragenlijst en uw anonimiteit");
	html_raw(b, "<p class=\"utrecht-paragraph\">Doelgroep: ");
	html_text(b, evaluatie_label(evaluatie_group_labels, LABEL_COUNT(evaluatie_group_labels),
				     q->link.target_group));
	html_raw(b, ". U antwoordt vanuit ");
	html_text(b, q->org_name);
	html_raw(b, ".</p>");
	comp_para(b,
		  "Uw antwoorden worden anoniem bewaard. Na het versturen staan ze los van deze "
		  "link: zonder uw naam, e-mailadres, organisatie of tijdstip. Alleen de soort "
		  "organisatie (bijvoorbeeld gemeente), uw doelgroep en de datum blijven erbij. "
		  "Antwoorden op vragen per samenwerkingsverband worden apart bewaard. "
		  "Uitkomsten van groepen met minder dan vijf respondenten worden nooit getoond. "
		  "Open antwoorden leest alleen het programmateam.");
	comp_para(b,
		  "Tot u verstuurt, bewaren we tussentijds opgeslagen antwoorden bij deze link, "
		  "zodat u later verder kunt. U kunt elke vraag overslaan die niet verplicht is. "
		  "De link werkt één keer: na het versturen niet meer.");
	html_raw(b,
		 "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"/enquete/");
	url_seg(b, r->path_args[0]);
	html_raw(b, "\">");
	for (int blk = 0; blk < q->n_blocks; blk++) {
		int cnt = 0;
		for (int i = 0; i < q->n_items; i++)
			if (evaluatie_in_block(q, &q->items[i], blk))
				cnt++;
		if (!cnt)
			continue;
		if (blk == 0)
			comp_h2(b, "algemeen", "Vragen");
		else
			comp_h2(b, arena_printf(r->arena, "verband-%d", blk),
				arena_printf(r->arena, "Over %s", q->blocks[blk].collab_name));
		for (int i = 0; i < q->n_items; i++)
			if (evaluatie_in_block(q, &q->items[i], blk))
				question(b, r, q, &q->items[i], blk, v, nv, e);
	}
	html_raw(b,
		 "<div class=\"atlas-form-buttons\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\" "
		 "name=\"actie\" value=\"versturen\">Versturen</button> "
		 "<button class=\"utrecht-button utrecht-button--secondary-action\" "
		 "type=\"submit\" name=\"actie\" value=\"opslaan\">Tussentijds opslaan</button>"
		 "</div></form>");
	layout_end(b, NULL);
	return status;
}

int page_evaluatie_respond(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *token = r->path_args[0];
	struct ev_questionnaire q;
	enum evaluatie_outcome o = evaluatie_questionnaire(st, r->arena, r->snap, token, &q);
	if (o != EVAL_OK)
		return problem(r, o);
	if (r->method != HTTP_POST)
		return questionnaire_page(r, &q, q.values, q.n_values, NULL, false, 200);
	/* decodes the body (r->form) */
	bool submit = strcmp(field_nz(req_form(r, "actie")), "opslaan") != 0;
	struct ev_pair *v = arena_calloc(r->arena, (size_t)r->n_form + 1, sizeof *v);
	int nv = 0;
	for (int i = 0; i < r->n_form; i++)
		v[nv++] = (struct ev_pair){r->form[i].name, r->form[i].value};
	struct field_errors e = {0};
	o = evaluatie_answer(st, r->arena, r->snap, token, v, nv, submit, &e);
	if (o == EVAL_INVALID)
		return questionnaire_page(r, &q, v, nv, &e, false, 400);
	if (o != EVAL_OK)
		return problem(r, o);
	if (!submit)
		return questionnaire_page(r, &q, v, nv, NULL, true, 200);
	return message_page(r, 200, "Dank u wel",
			    "Uw antwoorden zijn anoniem verstuurd. De link werkt nu niet meer.");
}
