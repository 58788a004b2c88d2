/*
 * provenance (pages) — see provenance.h.
 */
#include "provenance.h"
#include "forms.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"

#include <string.h>

void provenance_ref(struct buf *b, const struct prov_view *v, const struct prov_mark *m)
{
	if (!m || m->source < 0 || m->source >= v->n_sources)
		return;
	int n = v->sources[m->source].number;
	html_rawf(
	    b,
	    "<sup class=\"atlas-ref\"><a class=\"utrecht-link utrecht-link--html-a\" "
	    "href=\"#bron-%d\">[<span class=\"atlas-visually-hidden\">bron </span>%d]</a></sup>",
	    n, n);
}

static bool is_date(const char *v)
{
	return v && strlen(v) == 10 && v[4] == '-' && v[7] == '-';
}

/* A claimed value in words: a date as "1 januari 2026", a code as its label. */
static void claim_value(struct buf *b, const struct prov_mark *m)
{
	int k = -1;
	if (is_date(m->value)) {
		html_date_nl(b, m->value);
		return;
	}
	if (strcmp(m->field, "legal_form") == 0 &&
	    (k = label_from_db(legal_form_labels, LF_COUNT, m->value)) > 0)
		html_text(b, legal_form_labels[k].label);
	else if (strcmp(m->field, "phase") == 0 &&
		 (k = label_from_db(phase_labels, PHASE_COUNT, m->value)) > 0)
		html_text(b, phase_labels[k].label);
	else if (strcmp(m->field, "powers") == 0 &&
		 (k = label_from_db(powers_labels, POW_COUNT, m->value)) > 0)
		html_text(b, powers_labels[k].label);
	else
		html_text(b, m->value);
}

void provenance_claim(struct buf *b, const struct prov_view *v, const struct prov_mark *m)
{
	if (!m)
		return;
	html_raw(b, "<span class=\"atlas-claim\">");
	comp_badge(b, BADGE_WARNING, "Niet bevestigd");
	html_raw(b, " ");
	const char *words = m->words;
	if (m->planned) {
		html_raw(b, "Gepland per ");
		html_date_nl(b, m->value);
		if (strncmp(words, "gepland, ", 9) == 0) /* said already */
			words += 9;
		html_raw(b, ", ");
	} else {
		if (is_date(m->value))
			html_raw(b, "Per ");
		if (strcmp(m->field, "record") == 0)
			html_raw(b, "Gemeld");
		else if (!str_empty(m->value))
			claim_value(b, m);
		else
			html_text(b, m->field_label);
		html_raw(b, " — ");
	}
	html_text(b, words);
	provenance_ref(b, v, m);
	html_raw(b, "</span>");
}

void provenance_marks(struct buf *b, const struct prov_record *pr, const char *field)
{
	const struct prov_mark *fact =
	    app_provenance_find(pr->view, pr->entity, pr->key, field, false);
	const struct prov_mark *claim =
	    app_provenance_find(pr->view, pr->entity, pr->key, field, true);
	provenance_ref(b, pr->view, fact);
	if (claim) {
		html_raw(b, "<br>");
		provenance_claim(b, pr->view, claim);
	}
}

void provenance_add_gap(struct prov_record *pr, const char *name)
{
	if (name && pr->gaps.n < (int)(sizeof pr->gaps.names / sizeof pr->gaps.names[0]))
		pr->gaps.names[pr->gaps.n++] = name;
}

/* Empty and without a claim: a gap, not an item. */
static bool skip_empty(struct prov_record *pr, const char *value, const char *field,
		       const char *gap_name)
{
	if (!str_empty(value) || app_provenance_find(pr->view, pr->entity, pr->key, field, true))
		return false;
	provenance_add_gap(pr, gap_name);
	return true;
}

void provenance_dl_text(struct buf *b, struct prov_record *pr, const char *label, const char *value,
			const char *field, const char *gap_name)
{
	if (skip_empty(pr, value, field, gap_name))
		return;
	comp_dl_item_open(b, label);
	if (str_empty(value))
		html_raw(b, "<span class=\"atlas-unknown\">Nog niet bekend</span>");
	else
		html_text(b, value);
	provenance_marks(b, pr, field);
	comp_dl_item_close(b);
}

void provenance_dl_date(struct buf *b, struct prov_record *pr, const char *label, const char *iso,
			const char *field, const char *gap_name)
{
	if (skip_empty(pr, iso, field, gap_name))
		return;
	comp_dl_item_open(b, label);
	if (str_empty(iso)) {
		html_raw(b, "<span class=\"atlas-unknown\">Nog niet bekend</span>");
	} else {
		html_raw(b, "<time datetime=\"");
		html_attr(b, iso);
		html_raw(b, "\">");
		html_date_nl(b, iso);
		html_raw(b, "</time>");
	}
	provenance_marks(b, pr, field);
	comp_dl_item_close(b);
}

void provenance_gaps_line(struct buf *b, const struct prov_record *pr, const char *edit_href,
			  const char *report_href)
{
	if (pr->gaps.n == 0)
		return;
	html_raw(b, "<p class=\"utrecht-paragraph atlas-gaps\"><strong>Nog niet bekend:</strong> ");
	for (int i = 0; i < pr->gaps.n; i++) {
		if (i > 0)
			html_raw(b, ", ");
		html_text(b, pr->gaps.names[i]);
	}
	html_raw(b, ". ");
	if (edit_href)
		comp_link(b, edit_href, "Vul aan");
	else
		comp_link(b, report_href, "Weet u het? Meld het ons");
	html_raw(b, "</p>");
}

void provenance_confirmed(struct buf *b, const struct snapshot *s, const char *date, const char *by)
{
	form_confirmed_line(b, date, by);
	if (app_provenance_stale(s, date)) {
		html_raw(b, " ");
		comp_badge(b, BADGE_WARNING,
			   str_empty(date) ? "nooit bevestigd" : "ouder dan een jaar");
	}
}

void provenance_stale_badge(struct buf *b, const struct snapshot *s, const char *date)
{
	if (!app_provenance_stale(s, date))
		return;
	html_raw(b, " ");
	comp_badge(b, BADGE_WARNING, "Niet bevestigd in het afgelopen jaar");
}

/* "Deelname van Gemeente X" for a participation's key "<collab>/<org>[/<joined>]". */
static void part_label(struct buf *b, const struct snapshot *s, const char *key)
{
	const char *org = strchr(key, '/');
	char code[200] = "";
	if (org) {
		org++;
		size_t len = strcspn(org, "/");
		if (len < sizeof code) {
			memcpy(code, org, len);
			code[len] = '\0';
		}
	}
	int oi = *code ? snapshot_find_org(s, code) : -1;
	html_raw(b, "Deelname van ");
	html_text(b, oi >= 0 ? s->orgs[oi].name : code);
}

void provenance_sources_section(struct buf *b, const struct snapshot *s, const struct prov_view *v)
{
	if (!v || v->n_sources == 0)
		return;
	html_raw(b, "<section class=\"atlas-sources\" aria-labelledby=\"bronnen-kop\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"bronnen-kop\">Bronnen</h2>"
		    "<p class=\"utrecht-paragraph atlas-muted\">De nummers achter een gegeven "
		    "verwijzen naar deze bronnen. Bij elke bron staat hoe zeker het gegeven is.</p>"
		    "<ol class=\"utrecht-ordered-list atlas-source-list\">");
	for (int i = 0; i < v->n_sources; i++) {
		const struct prov_source *src = &v->sources[i];
		html_rawf(b, "<li class=\"utrecht-ordered-list__item\" id=\"bron-%d\">",
			  src->number);
		comp_ext_link(b, src->url, str_empty(src->title) ? src->url : src->title);
		if (!str_empty(src->publisher)) {
			html_raw(b, ", ");
			html_text(b, src->publisher);
		}
		if (is_date(src->date)) {
			html_raw(b, ", ");
			html_date_nl(b, src->date);
		}
		if (src->secondary)
			html_raw(b, " <span class=\"atlas-meta\">(secundaire bron)</span>");
		html_raw(b, "<ul class=\"utrecht-unordered-list atlas-source-fields\">");
		for (int k = 0; k < v->n_marks; k++) {
			const struct prov_mark *m = &v->marks[k];
			if (m->source != i)
				continue;
			html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
			bool part = strcmp(m->entity, "participation") == 0;
			if (part)
				part_label(b, s, m->entity_key);
			if (!part || strcmp(m->field, "record") != 0) {
				html_raw(b, part ? ", " : "");
				html_text(b, m->field_label);
			}
			html_raw(b, ": ");
			if (m->unconfirmed) {
				html_raw(b, "„");
				if (m->planned)
					html_date_nl(b, m->value);
				else
					claim_value(b, m);
				html_raw(b, "”, ");
			}
			html_text(b, m->words);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul></li>");
	}
	html_raw(b, "</ol></section>");
}
