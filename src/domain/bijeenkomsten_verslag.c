/*
 * bijeenkomsten_verslag — what follows an event; see bijeenkomsten_verslag.h.
 */
#include "bijeenkomsten_verslag.h"
#include "bijeenkomsten.h"
#include "fields.h"
#include "mail_address.h"

#include <string.h>

bool bijeenkomst_has_started(const char *starts_at, const char *now)
{
	return starts_at && now && bijeenkomst_datetime_valid(starts_at) &&
	       strncmp(now, starts_at, 16) >= 0;
}

static bool before_start(const char *field, const char *what, const char *starts_at,
			 const char *now, struct field_errors *e)
{
	if (bijeenkomst_has_started(starts_at, now))
		return false;
	field_errors_add(e, field, "%s kan pas vanaf het begin van de bijeenkomst.", what);
	return true;
}

bool bijeenkomst_check_report(const char *report, const char *starts_at, const char *now,
			      struct field_errors *e)
{
	int before = e->n;
	if (!before_start("verslag", "Een verslag vastleggen", starts_at, now, e))
		field_check_text(e, "verslag", report, 0, EVENT_TEXT_MAX, true, "Het verslag");
	return e->n == before;
}

bool bijeenkomst_url_valid(const char *s)
{
	if (!s || strncmp(s, "https://", 8) != 0 || strlen(s) > EVENT_DOC_URL_MAX)
		return false;
	const char *host = s + 8;
	size_t hl = strcspn(host, "/?#");
	if (hl == 0 || host[0] == '.' || host[0] == ':' || host[0] == '@')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return false;
	return true;
}

bool bijeenkomst_check_document(const char *title, const char *url, const char *starts_at,
				const char *now, struct field_errors *e)
{
	int before = e->n;
	if (before_start("titel", "Een document toevoegen", starts_at, now, e))
		return false;
	if (!title || !*title)
		field_errors_add(e, "titel", "Vul de titel van het document in.");
	else
		field_check_text(e, "titel", title, 1, EVENT_DOC_TITLE_MAX, false, "De titel");
	if (!url || !*url)
		field_errors_add(e, "url", "Vul het adres van het document in.");
	else if (!bijeenkomst_url_valid(url))
		field_errors_add(e, "url",
				 "Vul een volledig webadres in dat begint met https://, zonder "
				 "spaties.");
	return e->n == before;
}

const char *bijeenkomst_contact_kind(const char *kind)
{
	return kind && strcmp(kind, "netwerkdag") == 0 ? "netwerkdag" : "anders";
}

bool bijeenkomst_reminder_move(const char *starts_at, const char *now_utc, char out[21])
{
	if (!bijeenkomst_reminder_at(starts_at, out)) {
		out[0] = '\0';
		return false;
	}
	return now_utc && strncmp(out, now_utc, 19) > 0;
}

bool bijeenkomst_check_attendee(const char *name, const char *organisation, struct field_errors *e)
{
	int before = e->n;
	if (!name || !*name)
		field_errors_add(e, "naam", "Vul de naam van de deelnemer in.");
	else
		field_check_text(e, "naam", name, 1, EVENT_NAME_MAX, false, "De naam");
	if (name && *name && e->n == before && !mail_header_text_valid(name, MAIL_NAME_MAX))
		field_errors_add(e, "naam", "De naam bevat een teken dat niet mag.");
	field_check_text(e, "organisatie", organisation, 0, EVENT_NAME_MAX, false,
			 "De organisatie");
	return e->n == before;
}
