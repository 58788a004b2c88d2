/*
 * bijeenkomsten_agenda — the pure rules of agenda proposals; see
 * bijeenkomsten_agenda.h.
 */
#include "bijeenkomsten_agenda.h"
#include "fields.h"
#include "../lib/text.h"

#include <string.h>

const struct label agenda_status_labels[3] = {
    {"voorgesteld", "voorgesteld", "Voorgesteld"},
    {"geaccepteerd", "geaccepteerd", "In het programma"},
    {"afgewezen", "afgewezen", "Niet in het programma"},
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

const char *agenda_status_label(const char *v)
{
	for (int i = 0; v && i < LABEL_COUNT(agenda_status_labels); i++)
		if (strcmp(agenda_status_labels[i].db, v) == 0)
			return agenda_status_labels[i].label;
	return nz(v);
}

bool agenda_check_item(const struct agenda_input *in, struct field_errors *e)
{
	int before = e->n;
	const char *t = nz(in->title);
	while (*t == ' ')
		t++;
	if (!*t)
		field_errors_add(e, "titel", "Vul de titel van het agendapunt in.");
	else
		field_check_text(e, "titel", nz(in->title), 1, AGENDA_TITLE_MAX, false, "De titel");
	field_check_text(e, "toelichting", nz(in->description), 0, AGENDA_TEXT_MAX, true,
			 "De toelichting");
	return e->n == before;
}

bool agenda_time_valid(const char *s)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return false;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	return h < 24 && m < 60;
}

bool agenda_check_decision(const struct agenda_decision *d, int *position_out,
			   struct field_errors *e)
{
	int before = e->n;
	*position_out = -1;
	if (d->status) {
		bool known = false;
		for (int i = 0; i < LABEL_COUNT(agenda_status_labels); i++)
			known = known || strcmp(agenda_status_labels[i].db, d->status) == 0;
		if (!known)
			field_errors_add(e, "status",
					 "Kies voorgesteld, geaccepteerd of afgewezen.");
	}
	if (d->position) {
		long v;
		if (!*d->position)
			*position_out = 0;
		else if (parse_long(d->position, 1, AGENDA_POSITION_MAX, &v))
			*position_out = (int)v;
		else
			field_errors_add(e, "volgorde",
					 "Vul de plaats in het programma in als heel getal (1 tot "
					 "%d), of laat het veld leeg.",
					 AGENDA_POSITION_MAX);
	}
	if (d->start_time && *d->start_time && !agenda_time_valid(d->start_time))
		field_errors_add(e, "tijd",
				 "Vul de tijd in als uu:mm, zoals 14:30, of laat het veld leeg.");
	return e->n == before;
}

bool agenda_open(const char *starts_at, const char *now)
{
	return now && *now && starts_at && *starts_at && strcmp(now, starts_at) < 0;
}

enum agenda_support_rule agenda_support_rule(const char *status, const char *item_org,
					     const char *user_org, bool already, bool open)
{
	if (!open)
		return AGENDA_SUPPORT_CLOSED;
	if (!status || strcmp(status, "voorgesteld") != 0)
		return AGENDA_SUPPORT_DECIDED;
	if (user_org && *user_org && item_org && strcmp(user_org, item_org) == 0)
		return AGENDA_SUPPORT_OWN;
	if (already)
		return AGENDA_SUPPORT_TWICE;
	return AGENDA_SUPPORT_OK;
}
