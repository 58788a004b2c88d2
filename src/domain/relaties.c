/*
 * relaties — vocabularies and input rules of the relations module; see
 * relaties.h.
 */
#include "relaties.h"
#include "fields.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

const struct label contact_kind_labels[6] = {
    {"bestuurlijk", "bestuurlijk", "Bestuurlijk overleg"},
    {"ambtelijk", "ambtelijk", "Ambtelijk overleg"},
    {"werkbezoek", "werkbezoek", "Werkbezoek"},
    {"telefonisch", "telefonisch", "Telefonisch"},
    {"netwerkdag", "netwerkdag", "Netwerkdag"},
    {"anders", "anders", "Anders"},
};

const struct label signal_severity_labels[3] = {
    {"laag", "laag", "Laag"},
    {"middel", "middel", "Middel"},
    {"hoog", "hoog", "Hoog"},
};

const struct label signal_status_labels[3] = {
    {"open", "open", "Open"},
    {"in_behandeling", "in_behandeling", "In behandeling"},
    {"opgelost", "opgelost", "Opgelost"},
};

const struct label follow_up_status_labels[2] = {
    {"open", "open", "Open"},
    {"afgerond", "afgerond", "Afgerond"},
};

const struct label confidentiality_labels[2] = {
    {"intern", "intern", "Intern (alleen provincie)"},
    {"partner", "partner", "Gedeeld met de partner"},
};

const char *relaties_label(const struct label *t, int n, const char *v)
{
	int i = label_from_api(t, n, field_nz(v));
	return i >= 0 ? t[i].label : field_nz(v);
}

static void check_choice(struct field_errors *e, const char *field, const struct label *t, int n,
			 const char *v, const char *what)
{
	if (!v || !*v)
		field_errors_add(e, field, "Kies %s.", what);
	else if (label_from_api(t, n, v) < 0)
		field_errors_add(e, field, "Kies %s uit de lijst.", what);
}

void relaties_check_contact(struct field_errors *e, const char *held_on, const char *kind,
			    const char *subject, const char *summary, const char *confidentiality,
			    const char *today)
{
	if (!held_on || !*held_on)
		field_errors_add(e, "datum", "Vul de datum van het contact in.");
	else if (!validate_is_date_opt(held_on))
		field_errors_add(e, "datum", "Vul een datum in als 2026-03-31.");
	else if (today && strcmp(held_on, today) > 0)
		field_errors_add(e, "datum",
				 "Een contactmoment ligt niet in de toekomst; plan een "
				 "vervolgactie.");
	check_choice(e, "soort", contact_kind_labels, LABEL_COUNT(contact_kind_labels), kind,
		     "de soort contact");
	field_check_text(e, "onderwerp", subject, 1, RELATIES_SUBJECT_MAX, false, "Een onderwerp");
	field_check_text(e, "samenvatting", summary, 0, RELATIES_TEXT_MAX, true,
			 "Een samenvatting");
	check_choice(e, "vertrouwelijkheid", confidentiality_labels,
		     LABEL_COUNT(confidentiality_labels), confidentiality, "wie dit mag zien");
}

void relaties_check_signal(struct field_errors *e, const char *title, const char *description,
			   const char *severity, const char *confidentiality)
{
	field_check_text(e, "titel", title, 1, RELATIES_SUBJECT_MAX, false, "Een titel");
	field_check_text(e, "toelichting", description, 0, RELATIES_TEXT_MAX, true,
			 "Een toelichting");
	check_choice(e, "ernst", signal_severity_labels, LABEL_COUNT(signal_severity_labels),
		     severity, "de ernst");
	check_choice(e, "vertrouwelijkheid", confidentiality_labels,
		     LABEL_COUNT(confidentiality_labels), confidentiality, "wie dit mag zien");
}

void relaties_check_follow_up(struct field_errors *e, const char *title, bool has_owner,
			      const char *due_date, const char *confidentiality, const char *today)
{
	field_check_text(e, "titel", title, 1, RELATIES_SUBJECT_MAX, false, "Een titel");
	if (!has_owner)
		field_errors_add(e, "eigenaar", "Kies wie deze vervolgactie oppakt.");
	if (!due_date || !*due_date)
		field_errors_add(e, "uiterlijk", "Vul in wanneer het uiterlijk klaar moet zijn.");
	else if (!validate_is_date_opt(due_date))
		field_errors_add(e, "uiterlijk", "Vul een datum in als 2026-03-31.");
	else if (today && strcmp(due_date, today) < 0)
		field_errors_add(e, "uiterlijk", "Die datum is al voorbij; kies vandaag of later.");
	check_choice(e, "vertrouwelijkheid", confidentiality_labels,
		     LABEL_COUNT(confidentiality_labels), confidentiality, "wie dit mag zien");
}

bool relaties_signal_transition(const char *from, const char *to)
{
	int n = LABEL_COUNT(signal_status_labels);
	return from && to && label_from_api(signal_status_labels, n, from) >= 0 &&
	       label_from_api(signal_status_labels, n, to) >= 0 && strcmp(from, to) != 0;
}

bool relaties_is_quiet(const char *last_contact, const char *today, int months)
{
	if (!last_contact || strlen(last_contact) < 10)
		return true;
	int y, m, d;
	if (!today || sscanf(today, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1 || y > 9999 || m < 1 ||
	    m > 12 || d < 1 || d > 31 || months < 0 || months > 1200)
		return false;
	m -= months;
	while (m < 1) {
		m += 12;
		y--;
	}
	char limit[40];
	snprintf(limit, sizeof limit, "%04d-%02d-%02d", y, m, d);
	return strncmp(last_contact, limit, 10) < 0;
}

bool relaties_reminder_at(const char *due_date, char out[21])
{
	int y, m, d;
	if (!due_date || strlen(due_date) != 10 || !validate_is_date_opt(due_date) ||
	    sscanf(due_date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return false;
	struct tm t = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d - 1, .tm_hour = 7};
	time_t at = timegm(&t); /* normalises day 0 to the last of the month before */
	struct tm n;
	gmtime_r(&at, &n);
	return strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &n) == 20;
}

bool relaties_is_network(const struct snapshot *s, int oi)
{
	if (!s || oi < 0 || oi >= s->n_orgs)
		return false;
	const struct organisation *o = &s->orgs[oi];
	if (o->kind != ORG_OTHER || o->ended || o->collaboration < 0 ||
	    o->collaboration >= s->n_collabs)
		return false;
	const struct collaboration *c = &s->collabs[o->collaboration];
	if (!c->active || (c->kind != COLLAB_NETWORK && c->kind != COLLAB_JOINT_ARRANGEMENT))
		return false;
	for (int i = 0; i < c->n_parts; i++) {
		const struct participation *p = &s->parts[c->parts[i]];
		if (!p->active || p->organisation < 0 || p->organisation >= s->n_orgs)
			continue;
		const struct organisation *m = &s->orgs[p->organisation];
		if (m->kind == ORG_MUNICIPALITY && m->in_province && !m->ended)
			return true;
	}
	return false;
}
