/*
 * org_glance (domain) — see org_glance.h.
 */
#include "org_glance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const month_names[12] = {"januari",	 "februari", "maart",	 "april",
					    "mei",	 "juni",     "juli",	 "augustus",
					    "september", "oktober",  "november", "december"};

struct glance_council glance_council_of(enum org_kind k)
{
	switch (k) {
	case ORG_MUNICIPALITY:
		return (struct glance_council){"de raad", "de raad"};
	case ORG_PROVINCE:
		return (struct glance_council){"Provinciale Staten", "de Statenvergadering"};
	default:
		return (struct glance_council){"het algemeen bestuur",
					       "de vergadering van het algemeen bestuur"};
	}
}

bool glance_council_doc(enum wgr_doc d)
{
	return d == WGR_DOC_KADERNOTA || d == WGR_DOC_VOORLOPIGE_JAARREKENING ||
	       d == WGR_DOC_ONTWERPBEGROTING || d == WGR_DOC_ZIENSWIJZE_BEGROTING ||
	       d == WGR_DOC_ZIENSWIJZE_ONTWERPREGELING;
}

bool glance_moment_for_council(const struct wgr_moment *m, bool gs)
{
	if (glance_council_doc(m->doc))
		return true;
	/* supervisor documents: only Gedeputeerde Staten's own calendar */
	return gs && m->rule && m->rule->cond == WGR_COND_GS;
}

const char *glance_month_name(int month)
{
	return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

void glance_date_words(const char *iso, char *out, size_t cap)
{
	int y, m, d;
	if (wgr_date_parse(iso, &y, &m, &d) < 0)
		snprintf(out, cap, "%s", iso ? iso : "");
	else
		snprintf(out, cap, "%d %s %d", d, month_names[m - 1], y);
}

int glance_agenda_month(const char *deadline, int *year, int *month)
{
	int y, m, d;
	if (wgr_date_parse(deadline, &y, &m, &d) < 0)
		return -1;
	if (--m == 0) {
		m = 12;
		y--;
	}
	*year = y;
	*month = m;
	return 0;
}

void glance_moment_phrase(const struct wgr_moment *m, enum org_kind k, char *out, size_t cap)
{
	struct glance_council c = glance_council_of(k);
	char when[40];
	glance_date_words(m->date, when, sizeof when);
	int ay = 0, am = 0, dy = 0, dm = 0, dd = 0;
	if (!m->date[0] || glance_agenda_month(m->date, &ay, &am) < 0 ||
	    wgr_date_parse(m->date, &dy, &dm, &dd) < 0) {
		snprintf(out, cap, "%s", m->when);
		return;
	}
	char month[24];
	/* name the year only when it differs from the deadline's */
	if (ay != dy)
		snprintf(month, sizeof month, "%s %d", glance_month_name(am), ay);
	else
		snprintf(month, sizeof month, "%s", glance_month_name(am));
	switch (m->doc) {
	case WGR_DOC_ZIENSWIJZE_BEGROTING:
		snprintf(out, cap,
			 "Zienswijze op de begroting %d indienen vóór %s — agendeer in %s van %s",
			 m->year, when, c.meeting, month);
		break;
	case WGR_DOC_ONTWERPBEGROTING:
		snprintf(out, cap,
			 "Ontwerpbegroting %d: uiterlijk %s — de zienswijzetermijn begint", m->year,
			 when);
		break;
	case WGR_DOC_KADERNOTA:
	case WGR_DOC_VOORLOPIGE_JAARREKENING: {
		/* a document that reaches the council: discuss it the month after */
		int nm = dm % 12 + 1, ny = dm == 12 ? dy + 1 : dy;
		char after[24];
		if (ny != dy)
			snprintf(after, sizeof after, "%s %d", glance_month_name(nm), ny);
		else
			snprintf(after, sizeof after, "%s", glance_month_name(nm));
		snprintf(out, cap, "%s %d: uiterlijk %s — bespreek in %s van %s",
			 m->doc == WGR_DOC_KADERNOTA ? "Kadernota" : "Voorlopige jaarrekening",
			 m->year, when, c.meeting, after);
		break;
	}
	default:
		snprintf(out, cap, "%s %d: uiterlijk %s", wgr_doc_label(m->doc), m->year, when);
	}
}

double glance_share(int64_t part, int64_t total)
{
	if (part < 0 || total <= 0 || part > total)
		return -1;
	return (double)part / (double)total;
}

double glance_per_inhabitant(int64_t amount, int64_t population)
{
	if (amount < 0 || population <= 0)
		return -1;
	return (double)amount / (double)population;
}

int glance_peers(const struct snapshot *s, int oi, int *out, int max)
{
	const struct organisation *o = &s->orgs[oi];
	if (o->population <= 0 || max <= 0)
		return 0;
	int n = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *c = &s->orgs[i];
		if (i == oi || c->kind != o->kind || c->ended || c->population <= 0)
			continue;
		if (o->in_province && !c->in_province)
			continue;
		int64_t dist = llabs(c->population - o->population);
		/* insertion into the sorted top list */
		int at = n;
		while (at > 0 && llabs(s->orgs[out[at - 1]].population - o->population) > dist)
			at--;
		if (at >= max)
			continue;
		int last = n < max ? n : max - 1;
		for (int k = last; k > at; k--)
			out[k] = out[k - 1];
		out[at] = i;
		if (n < max)
			n++;
	}
	return n;
}
