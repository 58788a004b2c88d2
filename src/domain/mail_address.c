/*
 * mail_address — see mail_address.h.
 */
#include "mail_address.h"

#include "../lib/text.h"

#include <string.h>

/* RFC 5322 atext: letters, digits and these. */
static bool is_atext(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;
	return c && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static bool is_ldh(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-';
}

/* A dot-atom of 1..64 bytes: atext runs separated by single dots. */
static bool local_ok(const char *s, size_t n)
{
	if (n < 1 || n > 64 || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (s[i + 1] == '.')
				return false;
		} else if (!is_atext(c)) {
			return false;
		}
	}
	return true;
}

/* Two or more DNS labels of 1..63 letters, digits and inner dashes; the
 * last one not all digits. */
static bool domain_ok(const char *s, size_t n)
{
	if (n < 3 || n > 253)
		return false;
	size_t labels = 0, start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '.') {
			if (!is_ldh((unsigned char)s[i]))
				return false;
			continue;
		}
		size_t len = i - start;
		if (len < 1 || len > 63 || s[start] == '-' || s[i - 1] == '-')
			return false;
		bool digits = true;
		for (size_t k = start; k < i; k++)
			digits = digits && s[k] >= '0' && s[k] <= '9';
		if (i == n && digits)
			return false;
		labels++;
		start = i + 1;
	}
	return labels >= 2;
}

bool mail_address_valid(const char *addr)
{
	if (!addr)
		return false;
	size_t n = strlen(addr);
	if (n < 5 || n > MAIL_ADDRESS_MAX)
		return false;
	const char *at = strchr(addr, '@');
	if (!at || strchr(at + 1, '@'))
		return false;
	return local_ok(addr, (size_t)(at - addr)) &&
	       domain_ok(at + 1, n - (size_t)(at - addr) - 1);
}

bool mail_header_text_valid(const char *s, size_t max)
{
	if (!s)
		return true;
	size_t n = strlen(s);
	if (n > max || !utf8_is_valid(s, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return false;
	}
	return true;
}

bool mail_kind_valid(const char *kind)
{
	if (!kind || !(kind[0] >= 'a' && kind[0] <= 'z'))
		return false;
	size_t n = strlen(kind);
	if (n > MAIL_KIND_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = kind[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

/* YYYY-MM-DDTHH:MM:SS(.fff)Z, the store's timestamp formats. */
static bool is_timestamp(const char *s)
{
	size_t n = strlen(s);
	if (n != 20 && n != 24)
		return false;
	char date[11];
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!is_iso_date(date) || s[10] != 'T' || s[n - 1] != 'Z')
		return false;
	static const char shape[] = "00:00:00.000";
	for (size_t i = 11; i < n - 1; i++) {
		char want = shape[i - 11];
		if (want == '0' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != want)
			return false;
	}
	return (s[11] - '0') * 10 + (s[12] - '0') < 24 && (s[14] - '0') < 6 && (s[17] - '0') < 6;
}

bool mail_message_check(const struct mail_message *m, struct field_errors *e)
{
	int before = e->n;
	if (!mail_address_valid(m->to))
		field_errors_add(e, "aan", "Dit is geen geldig e-mailadres.");
	if (!mail_header_text_valid(m->to_name, MAIL_NAME_MAX))
		field_errors_add(e, "naam",
				 "De naam mag geen regeleinden of stuurtekens bevatten en "
				 "hoogstens %d bytes lang zijn.",
				 MAIL_NAME_MAX);
	if (!m->subject || !*m->subject)
		field_errors_add(e, "onderwerp", "Geef een onderwerp.");
	else if (!mail_header_text_valid(m->subject, MAIL_SUBJECT_MAX))
		field_errors_add(e, "onderwerp",
				 "Het onderwerp mag geen regeleinden of stuurtekens bevatten en "
				 "hoogstens %d bytes lang zijn.",
				 MAIL_SUBJECT_MAX);
	size_t blen = m->body ? strlen(m->body) : 0;
	if (!blen)
		field_errors_add(e, "tekst", "Geef de tekst van het bericht.");
	else if (blen > MAIL_BODY_MAX || !utf8_is_valid(m->body, blen))
		field_errors_add(e, "tekst", "De tekst is te lang of geen geldige UTF-8.");
	if (!mail_kind_valid(m->kind))
		field_errors_add(e, "soort",
				 "De soort is een kort woord van kleine letters, cijfers en "
				 "streepjes.");
	if (m->dedupe_key && *m->dedupe_key &&
	    !mail_header_text_valid(m->dedupe_key, MAIL_DEDUPE_MAX))
		field_errors_add(e, "ontdubbelsleutel", "Deze sleutel is te lang of ongeldig.");
	if (m->not_before && *m->not_before && !is_timestamp(m->not_before))
		field_errors_add(e, "nietVoor", "Geef een tijdstip als JJJJ-MM-DDTUU:MM:SSZ.");
	return e->n == before;
}

int64_t mail_retry_delay_ms(int attempt, int64_t base_ms, int64_t max_ms)
{
	if (base_ms < 1)
		base_ms = 1;
	if (max_ms < base_ms)
		max_ms = base_ms;
	int64_t d = base_ms;
	for (int i = 1; i < attempt && d < max_ms; i++)
		d = d > max_ms / 2 ? max_ms : d * 2;
	return d < max_ms ? d : max_ms;
}
