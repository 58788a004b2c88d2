/*
 * bijeenkomsten — the pure rules of events with registration; see
 * bijeenkomsten.h.
 */
#include "bijeenkomsten.h"
#include "fields.h"
#include "mail_address.h"
#include "validate.h"
#include "../lib/text.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

const struct label event_kind_labels[5] = {
    {"netwerkdag", "netwerkdag", "Netwerkdag"},
    {"reflectieve_sessie", "reflectieve_sessie", "Reflectieve sessie"},
    {"kennissessie", "kennissessie", "Kennissessie"},
    {"ibt_kennisbijeenkomst", "ibt_kennisbijeenkomst", "IBT-kennisbijeenkomst"},
    {"anders", "anders", "Anders"},
};

const struct label event_audience_labels[4] = {
    {"bestuurders", "bestuurders", "Bestuurders"},
    {"ambtenaren", "ambtenaren", "Ambtenaren"},
    {"volksvertegenwoordigers", "volksvertegenwoordigers", "Volksvertegenwoordigers"},
    {"gemengd", "gemengd", "Gemengd"},
};

const struct label registration_status_labels[5] = {
    {"onbevestigd", "onbevestigd", "Nog niet bevestigd"},
    {"bevestigd", "bevestigd", "Bevestigd"},
    {"wachtlijst", "wachtlijst", "Wachtlijst"},
    {"geannuleerd", "geannuleerd", "Geannuleerd"},
    {"aanwezig", "aanwezig", "Aanwezig"},
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

static bool in_table(const struct label *t, int n, const char *v)
{
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].db, v) == 0)
			return true;
	return false;
}

const char *bijeenkomst_label(const struct label *t, int n, const char *v)
{
	for (int i = 0; v && i < n; i++)
		if (strcmp(t[i].db, v) == 0)
			return t[i].label;
	return nz(v);
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

bool bijeenkomst_datetime_valid(const char *s)
{
	if (!s || strlen(s) != 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':')
		return false;
	if (!digits(s, 4) || !digits(s + 5, 2) || !digits(s + 8, 2) || !digits(s + 11, 2) ||
	    !digits(s + 14, 2))
		return false;
	int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return false;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int max = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return d <= max && num(s + 11, 2) < 24 && num(s + 14, 2) < 60;
}

bool bijeenkomst_check(const struct event_input *in, const char *now, bool is_new,
		       int *capacity_out, struct field_errors *e)
{
	int before = e->n;
	const char *kind = nz(in->kind), *aud = nz(in->audience);
	if (!*kind)
		field_errors_add(e, "soort", "Kies de soort bijeenkomst.");
	else if (!in_table(event_kind_labels, LABEL_COUNT(event_kind_labels), kind))
		field_errors_add(e, "soort", "Kies een van de soorten uit de lijst.");
	if (*aud && !in_table(event_audience_labels, LABEL_COUNT(event_audience_labels), aud))
		field_errors_add(e, "doelgroep", "Kies een van de doelgroepen uit de lijst.");
	else if (strcmp(kind, "reflectieve_sessie") == 0 && !*aud)
		field_errors_add(e, "doelgroep", "Kies de doelgroep van de reflectieve sessie.");
	field_check_text(e, "titel", nz(in->title), 1, EVENT_TITLE_MAX, false, "De titel");
	field_check_text(e, "omschrijving", nz(in->description), 0, EVENT_TEXT_MAX, true,
			 "De omschrijving");
	field_check_text(e, "locatie", nz(in->location), 0, EVENT_SHORT_MAX, false, "De locatie");
	field_check_text(e, "casus", nz(in->topic), 0, EVENT_SHORT_MAX, false, "De casus");
	field_check_text(e, "organisator", nz(in->organiser), 1, EVENT_SHORT_MAX, false,
			 "De organisator");
	const char *url = nz(in->online_url);
	if (strlen(url) > 2000 || !validate_is_url_opt(url))
		field_errors_add(
		    e, "onlineLink",
		    "Vul een volledig webadres in dat begint met https:// of http://.");
	if (!*nz(in->location) && !*url)
		field_errors_add(e, "locatie", "Vul een locatie of een onlinelink in.");

	const char *start = nz(in->starts_at), *end = nz(in->ends_at), *dl = nz(in->deadline);
	bool start_ok = bijeenkomst_datetime_valid(start);
	if (!start_ok)
		field_errors_add(e, "begin",
				 "Vul de begindatum en -tijd in, zoals 2027-03-15T14:00.");
	else if (is_new && now && strcmp(start, now) < 0)
		field_errors_add(e, "begin", "De begindatum ligt in het verleden.");
	if (!bijeenkomst_datetime_valid(end))
		field_errors_add(e, "einde",
				 "Vul de einddatum en -tijd in, zoals 2027-03-15T17:00.");
	else if (start_ok && strcmp(end, start) <= 0)
		field_errors_add(e, "einde", "Het einde ligt vóór of op het begin.");
	if (*dl && !bijeenkomst_datetime_valid(dl))
		field_errors_add(
		    e, "aanmeldenTot",
		    "Vul de uiterste aanmelddatum en -tijd in, zoals 2027-03-10T23:59.");
	else if (*dl && start_ok && strcmp(dl, start) > 0)
		field_errors_add(e, "aanmeldenTot", "Aanmelden moet sluiten vóór het begin.");

	long cap = 0;
	if (!parse_long(nz(in->capacity), 1, EVENT_CAPACITY_MAX, &cap)) {
		long any;
		if (parse_long(nz(in->capacity), -2147483647L, 2147483647L, &any) && any < 1)
			field_errors_add(e, "capaciteit", "Het aantal plaatsen is minstens 1.");
		else
			field_errors_add(e, "capaciteit",
					 "Vul het aantal plaatsen in als heel getal (1 tot %d).",
					 EVENT_CAPACITY_MAX);
	}
	if (capacity_out)
		*capacity_out = (int)cap;
	return e->n == before;
}

int bijeenkomst_places_left(int capacity, int taken)
{
	return taken >= capacity ? 0 : capacity - taken;
}

bool bijeenkomst_registration_open(const char *deadline, const char *starts_at, const char *now)
{
	if (!now)
		return false;
	if (deadline && *deadline && strcmp(now, deadline) >= 0)
		return false;
	return !(starts_at && *starts_at && strcmp(now, starts_at) >= 0);
}

bool bijeenkomst_is_past(const char *starts_at, const char *ends_at, const char *now)
{
	const char *t = ends_at && *ends_at ? ends_at : nz(starts_at);
	return now && *t && strcmp(t, now) < 0;
}

int bijeenkomst_next_waiting(const struct waiting_entry *w, int n)
{
	int best = -1;
	for (int i = 0; i < n; i++) {
		if (!w[i].status || strcmp(w[i].status, "wachtlijst") != 0)
			continue;
		if (best < 0) {
			best = i;
			continue;
		}
		int c = strcmp(nz(w[i].since), nz(w[best].since));
		if (c < 0 || (c == 0 && w[i].id < w[best].id))
			best = i;
	}
	return best;
}

bool bijeenkomst_status_takes_place(const char *status)
{
	return status && (strcmp(status, "bevestigd") == 0 || strcmp(status, "aanwezig") == 0);
}

bool bijeenkomst_check_guest(const char *name, const char *organisation, const char *email,
			     struct field_errors *e)
{
	int before = e->n;
	field_check_text(e, "naam", nz(name), 1, EVENT_NAME_MAX, false, "Uw naam");
	field_check_text(e, "organisatie", nz(organisation), 1, EVENT_NAME_MAX, false,
			 "Uw organisatie");
	if (!mail_header_text_valid(nz(name), MAIL_NAME_MAX))
		field_errors_add(e, "naam", "Uw naam bevat een teken dat niet mag.");
	if (!mail_address_valid(email))
		field_errors_add(e, "email",
				 "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
	return e->n == before;
}

/* Day of the month of the last Sunday of month m (1-12) in year y. */
static int last_sunday(int y, int m, int days)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = days, .tm_hour = 12};
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	return days - back.tm_wday;
}

void bijeenkomst_local_time(int64_t t, char out[17])
{
	time_t tt = (time_t)t;
	struct tm u;
	gmtime_r(&tt, &u);
	int y = u.tm_year + 1900;
	struct tm a = {
	    .tm_year = y - 1900, .tm_mon = 2, .tm_mday = last_sunday(y, 3, 31), .tm_hour = 1};
	struct tm b = {
	    .tm_year = y - 1900, .tm_mon = 9, .tm_mday = last_sunday(y, 10, 31), .tm_hour = 1};
	time_t from = timegm(&a), to = timegm(&b);
	tt += (tt >= from && tt < to) ? 7200 : 3600;
	struct tm l;
	gmtime_r(&tt, &l);
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d", l.tm_year + 1900, l.tm_mon + 1,
		 l.tm_mday, l.tm_hour, l.tm_min);
	memcpy(out, tmp, 16);
	out[16] = '\0';
}

bool bijeenkomst_reminder_at(const char *starts_at, char out[21])
{
	if (!bijeenkomst_datetime_valid(starts_at))
		return false;
	struct tm tm = {.tm_year = num(starts_at, 4) - 1900,
			.tm_mon = num(starts_at + 5, 2) - 1,
			.tm_mday = num(starts_at + 8, 2) - 1,
			.tm_hour = 7};
	time_t t = timegm(&tm); /* normalises day 0 to the last of the month before */
	struct tm d;
	gmtime_r(&t, &d);
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT07:00:00Z", d.tm_year + 1900, d.tm_mon + 1,
		 d.tm_mday);
	memcpy(out, tmp, 20);
	out[20] = '\0';
	return true;
}
