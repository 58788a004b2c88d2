/*
 * subsidiekansen — vocabularies and rules of funding calls; see
 * subsidiekansen.h.
 */
#include "subsidiekansen.h"
#include "amount.h"
#include "fields.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const struct label funding_programme_labels[8] = {
    {"interreg", "interreg", "Interreg"},
    {"life", "life", "LIFE"},
    {"horizon-europe", "horizon-europe", "Horizon Europe"},
    {"efro", "efro", "EFRO"},
    {"regio-deal", "regio-deal", "Regio Deal"},
    {"spuk", "spuk", "Specifieke uitkering (SPUK)"},
    {"rijk-overig", "rijk-overig", "Andere regeling van het Rijk"},
    {"eu-overig", "eu-overig", "Ander Europees programma"},
};

const struct label funding_status_labels[3] = {
    {"komend", "komend", "Opent binnenkort"},
    {"open", "open", "Open"},
    {"gesloten", "gesloten", "Gesloten"},
};

const char *funding_label(const struct label *t, int n, const char *v)
{
	int i = label_from_api(t, n, field_nz(v));
	return i >= 0 ? t[i].label : field_nz(v);
}

enum funding_status funding_status_on(const char *opens, const char *deadline, const char *today)
{
	if (deadline && *deadline && strcmp(deadline, today) < 0)
		return FUNDING_CLOSED;
	if (opens && *opens && strcmp(opens, today) > 0)
		return FUNDING_UPCOMING;
	return FUNDING_OPEN;
}

const char *funding_status_api(enum funding_status s)
{
	return s == FUNDING_UPCOMING ? "komend" : s == FUNDING_CLOSED ? "gesloten" : "open";
}

bool funding_add_days(const char *iso, int n, char out[11])
{
	if (!iso || !*iso || !validate_is_date_opt(iso))
		return false;
	struct tm tm = {0};
	tm.tm_year = atoi(iso) - 1900;
	tm.tm_mon = atoi(iso + 5) - 1;
	tm.tm_mday = atoi(iso + 8) + n;
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	struct tm r;
	gmtime_r(&t, &r);
	if (r.tm_year + 1900 > 9999 || r.tm_year + 1900 < 0)
		return false;
	strftime(out, 11, "%Y-%m-%d", &r);
	return true;
}

/* Nothing but spaces (or NULL)? */
static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

static void check_date(struct field_errors *e, const char *field, const char *v, bool required,
		       const char *missing)
{
	if (!*v) {
		if (required)
			field_errors_add(e, field, "%s", missing);
	} else if (!validate_is_date_opt(v)) {
		field_errors_add(e, field, "Vul een datum in als 2027-03-31.");
	}
}

void funding_check(struct field_errors *e, const struct funding_input *in, const char *today,
		   const char *stored_deadline, int64_t *cents, int *rate)
{
	*cents = -1;
	*rate = -1;
	if (label_from_api(funding_programme_labels, LABEL_COUNT(funding_programme_labels),
			   field_nz(in->programme)) < 0)
		field_errors_add(e, "programma", "Kies het programma uit de lijst.");
	if (blank(in->title))
		field_errors_add(e, "titel", "Vul de titel van de oproep in.");
	else
		field_check_text(e, "titel", in->title, 1, FUNDING_TITLE_MAX, false, "Een titel");
	const char *url = field_nz(in->url);
	if (!*url)
		field_errors_add(e, "link", "Vul de link naar de oproep in.");
	else if (!validate_is_url_opt(url))
		field_errors_add(e, "link",
				 "Vul een volledige link in die begint met https:// of http://.");
	const char *opens = field_nz(in->opens_on), *deadline = field_nz(in->deadline);
	check_date(e, "opent", opens, false, NULL);
	check_date(e, "deadline", deadline, true, "Vul de deadline in.");
	bool dates_ok = validate_is_date_opt(opens) && *deadline && validate_is_date_opt(deadline);
	if (dates_ok && *opens && strcmp(deadline, opens) < 0)
		field_errors_add(e, "deadline", "De deadline ligt voor de openingsdatum.");
	field_check_text(e, "wieKanAanvragen", in->eligible, 0, FUNDING_SHORT_MAX, true,
			 "De beschrijving van wie kan aanvragen");
	field_check_text(e, "omschrijving", in->description, 0, FUNDING_TEXT_MAX, true,
			 "Een omschrijving");
	field_check_text(e, "statusNotitie", in->status_note, 0, FUNDING_SHORT_MAX, true,
			 "Een statusnotitie");
	bool deadline_new = !stored_deadline || strcmp(stored_deadline, deadline) != 0;
	if (dates_ok && today && strcmp(deadline, today) < 0 && deadline_new &&
	    !*field_nz(in->status_note))
		field_errors_add(e, "statusNotitie",
				 "De deadline is voorbij. Leg in de statusnotitie vast waarom u "
				 "deze afgelopen oproep vastlegt, bijvoorbeeld „Gesloten; "
				 "opgenomen voor het overzicht”.");
	const char *budget = field_nz(in->budget);
	const char *msg = NULL;
	int64_t c = 0;
	enum amount_result ar = amount_parse(budget, &c, &msg);
	if (ar == AMOUNT_INVALID)
		field_errors_add(e, "budget", "%s", msg ? msg : "Vul een bedrag in euro in.");
	else if (ar == AMOUNT_OK && c < 0)
		field_errors_add(e, "budget", "Een budget kan niet negatief zijn.");
	else if (ar == AMOUNT_OK)
		*cents = c;
	const char *pct = field_nz(in->cofinancing);
	long long p = -1;
	if (*pct && (!validate_count_opt(pct, &p) || p > 100)) {
		field_errors_add(e, "cofinanciering",
				 "Vul een heel percentage van 0 tot en met 100 in.");
		p = -1;
	}
	*rate = (int)p;
}

bool funding_parse_window(const char *s, int *days)
{
	*days = 0;
	if (!s || !*s)
		return true;
	long long v;
	if (!validate_count_opt(s, &v) || v < 1 || v > FUNDING_WINDOW_MAX)
		return false;
	*days = (int)v;
	return true;
}

bool funding_has_theme(const char *themes, const char *key)
{
	if (!themes || !key || !*key)
		return false;
	size_t n = strlen(key);
	for (const char *p = themes; *p;) {
		size_t len = strcspn(p, ";");
		if (len == n && strncmp(p, key, n) == 0)
			return true;
		p += len;
		if (*p == ';')
			p++;
	}
	return false;
}

bool funding_matches(const char *themes, const char *opens, const char *deadline,
		     const struct funding_filter *f, const char *today)
{
	if (f->theme && *f->theme && !funding_has_theme(themes, f->theme))
		return false;
	enum funding_status s = funding_status_on(opens, deadline, today);
	if (f->status && *f->status && strcmp(f->status, funding_status_api(s)) != 0)
		return false;
	if (f->within > 0) {
		char last[11];
		if (s == FUNDING_CLOSED || !funding_add_days(today, f->within, last) ||
		    strcmp(field_nz(deadline), last) > 0)
			return false;
	}
	return true;
}

static int rank(enum funding_status s)
{
	return s == FUNDING_OPEN ? 0 : s == FUNDING_UPCOMING ? 1 : 2;
}

int funding_compare(const char *opens_a, const char *deadline_a, int64_t id_a, const char *opens_b,
		    const char *deadline_b, int64_t id_b, const char *today)
{
	enum funding_status sa = funding_status_on(opens_a, deadline_a, today);
	enum funding_status sb = funding_status_on(opens_b, deadline_b, today);
	if (rank(sa) != rank(sb))
		return rank(sa) - rank(sb);
	int c = 0;
	if (sa == FUNDING_OPEN)
		c = strcmp(field_nz(deadline_a), field_nz(deadline_b));
	else if (sa == FUNDING_UPCOMING) {
		c = strcmp(field_nz(opens_a), field_nz(opens_b));
		if (!c)
			c = strcmp(field_nz(deadline_a), field_nz(deadline_b));
	} else
		c = strcmp(field_nz(deadline_b), field_nz(deadline_a));
	if (c)
		return c;
	return id_a < id_b ? -1 : id_a > id_b ? 1 : 0;
}

bool funding_parse_lead_days(const char *spec, int out[FUNDING_LEADS_MAX], int *n)
{
	*n = 0;
	if (!spec)
		return false;
	const char *p = spec;
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p < '0' || *p > '9')
			return false;
		long v = 0;
		while (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p++ - '0');
			if (v > FUNDING_LEAD_DAYS_MAX)
				return false;
		}
		while (*p == ' ')
			p++;
		bool seen = false;
		for (int i = 0; i < *n; i++)
			seen = seen || out[i] == (int)v;
		if (!seen) {
			if (*n == FUNDING_LEADS_MAX)
				return false;
			/* insert keeping the largest first */
			int i = *n;
			while (i > 0 && out[i - 1] < (int)v) {
				out[i] = out[i - 1];
				i--;
			}
			out[i] = (int)v;
			(*n)++;
		}
		if (!*p)
			return true;
		if (*p++ != ',')
			return false;
	}
}

/* Days since 1970-01-01 of a YYYY-MM-DD date into *day; false when it is
 * not one. */
static bool day_number(const char *iso, int64_t *day)
{
	if (!iso || strlen(iso) != 10 || !validate_is_date_opt(iso))
		return false;
	struct tm tm = {0};
	tm.tm_year = atoi(iso) - 1900;
	tm.tm_mon = atoi(iso + 5) - 1;
	tm.tm_mday = atoi(iso + 8);
	tm.tm_hour = 12;
	*day = (int64_t)timegm(&tm) / 86400;
	return true;
}

bool funding_days_until(const char *today, const char *deadline, int *days)
{
	int64_t t, d;
	if (!day_number(today, &t) || !day_number(deadline, &d))
		return false;
	*days = (int)(d - t);
	return true;
}

int funding_reminder_due(const char *deadline, const char *today, const int *leads, int n)
{
	int left;
	if (!funding_days_until(today, deadline, &left) || left < 0)
		return -1;
	int due = -1;
	for (int i = 0; i < n; i++)
		if (leads[i] >= left && (due < 0 || leads[i] < due))
			due = leads[i];
	return due;
}
