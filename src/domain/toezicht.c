/*
 * toezicht (domain) — statuses, patterns and input rules of IBT
 * assessments; see toezicht.h.
 */
#include "toezicht.h"
#include "validate.h"
#include "../lib/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_api[IBT_STATUS_COUNT] = {"concept", "dialoog", "vastgesteld"};
static const char *const status_name[IBT_STATUS_COUNT] = {"Concept", "In dialoog", "Vastgesteld"};

int ibt_status_from(const char *api)
{
	for (int i = 0; api && i < IBT_STATUS_COUNT; i++)
		if (!strcmp(api, status_api[i]))
			return i;
	return -1;
}

const char *ibt_status_api(enum ibt_status s)
{
	return s < IBT_STATUS_COUNT ? status_api[s] : "";
}

const char *ibt_status_name(enum ibt_status s)
{
	return s < IBT_STATUS_COUNT ? status_name[s] : "";
}

bool ibt_may_move(enum ibt_status from, enum ibt_status to)
{
	return (from == IBT_CONCEPT && to == IBT_DIALOGUE) ||
	       (from == IBT_DIALOGUE && (to == IBT_ESTABLISHED || to == IBT_CONCEPT));
}

const char *const ibt_pattern_keys[IBT_N_PATTERNS] = {"vol",	 "schuin",	"kruis",
						      "stippen", "horizontaal", "verticaal"};
static const char *const pattern_names[IBT_N_PATTERNS] = {"effen vlak",	      "schuine arcering",
							  "kruisarcering",    "stippen",
							  "liggende strepen", "staande strepen"};

int ibt_pattern_from(const char *key)
{
	for (int i = 0; key && i < IBT_N_PATTERNS; i++)
		if (!strcmp(key, ibt_pattern_keys[i]))
			return i;
	return -1;
}

const char *ibt_pattern_name(int p)
{
	return p >= 0 && p < IBT_N_PATTERNS ? pattern_names[p] : "";
}

bool ibt_domain_applies(const char *kinds, const char *kind_api)
{
	if (!kinds || str_empty(kind_api))
		return false;
	size_t n = strlen(kind_api);
	for (const char *p = kinds; *p;) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, kind_api, n))
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

bool ibt_domain_valid_in(int from, int to, int year)
{
	return year >= from && (to == 0 || year <= to);
}

/* A year 1900..2999 in s; false otherwise. */
static bool parse_year(const char *s, int *out)
{
	long v;
	if (str_empty(s) || strlen(s) != 4 || !parse_long(s, 1900, 2999, &v))
		return false;
	*out = (int)v;
	return true;
}

static size_t chars(const char *s)
{
	return s ? utf8_length(s, strlen(s)) : 0;
}

static const char *const kind_keys[] = {"gemeente", "waterschap", "samenwerkingsorgaan"};

void ibt_check_domain(struct field_errors *e, const struct ibt_domain_input *in, int *from, int *to)
{
	*from = *to = 0;
	if (!validate_is_key(in->key) || strlen(in->key) > 60)
		field_errors_add(e, "sleutel",
				 "Geef een sleutel van 2 tot 60 kleine letters, cijfers of "
				 "streepjes, zoals financieel-toezicht.");
	size_t n = chars(in->name);
	if (n < 2 || n > IBT_NAME_MAX)
		field_errors_add(e, "naam", "Geef een naam van 2 tot %d tekens.", IBT_NAME_MAX);
	if (!parse_year(in->from, from))
		field_errors_add(e, "geldigVanaf", "Geef het eerste jaar, zoals 2024.");
	if (!str_empty(in->to) && (!parse_year(in->to, to) || (*from && *to < *from)))
		field_errors_add(e, "geldigTot",
				 "Geef het laatste jaar (niet voor het eerste jaar), of laat het "
				 "leeg.");
	int kinds = 0;
	bool bad = false;
	for (const char *p = in->kinds ? in->kinds : ""; *p;) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		bool ok = false;
		for (size_t k = 0; k < sizeof kind_keys / sizeof kind_keys[0]; k++)
			if (len == strlen(kind_keys[k]) && !strncmp(p, kind_keys[k], len))
				ok = true;
		if (ok)
			kinds++;
		else
			bad = true;
		if (!end)
			break;
		p = end + 1;
	}
	if (bad || !kinds)
		field_errors_add(e, "soorten",
				 "Kies voor welke soorten organisaties het domein geldt: gemeente, "
				 "waterschap of samenwerkingsorgaan.");
	if (!validate_is_url_opt(in->source_url))
		field_errors_add(e, "bron", "Geef een link die begint met https:// of http://.");
}

static bool is_colour(const char *s)
{
	if (!s || strlen(s) != 7 || s[0] != '#')
		return false;
	for (int i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

void ibt_check_labels(struct field_errors *e, const struct ibt_label *l, int n)
{
	if (n < 2 || n > IBT_LABELS_MAX) {
		field_errors_add(e, "labels", "Geef 2 tot %d labels.", IBT_LABELS_MAX);
		return;
	}
	for (int i = 0; i < n; i++) {
		size_t len = chars(l[i].name);
		if (len < 2 || len > 60) {
			field_errors_add(e, "labels",
					 "Label %d: geef een naam van 2 tot 60 tekens.", i + 1);
			return;
		}
		if (!is_colour(l[i].colour)) {
			field_errors_add(e, "labels",
					 "Label %d: geef een kleur als #rrggbb, zoals #2e7d32.",
					 i + 1);
			return;
		}
		if (ibt_pattern_from(l[i].pattern) < 0) {
			field_errors_add(e, "labels", "Label %d: kies een patroon uit de lijst.",
					 i + 1);
			return;
		}
		for (int j = 0; j < i; j++) {
			if (!strcmp(l[i].name, l[j].name)) {
				field_errors_add(e, "labels",
						 "Label %d heeft dezelfde naam als label %d.",
						 i + 1, j + 1);
				return;
			}
			if (!strcmp(l[i].pattern, l[j].pattern)) {
				field_errors_add(
				    e, "labels",
				    "Label %d heeft hetzelfde patroon als label %d; elk "
				    "label krijgt een eigen patroon, zodat het niet "
				    "alleen aan de kleur te herkennen is.",
				    i + 1, j + 1);
				return;
			}
		}
	}
}

/* Check the links: one per line, each http(s), at most IBT_LINKS_MAX. */
static void check_links(struct field_errors *e, const char *links)
{
	int n = 0;
	for (const char *p = links ? links : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		while (len && *p == ' ') {
			p++;
			len--;
		}
		if (len) {
			char one[2048];
			if (len >= sizeof one) {
				field_errors_add(e, "bronnen", "Een link is te lang.");
				return;
			}
			memcpy(one, p, len);
			one[len] = '\0';
			if (!validate_is_url_opt(one)) {
				field_errors_add(e, "bronnen",
						 "Elke bron is een link die begint met https:// of "
						 "http://, één per regel.");
				return;
			}
			if (++n > IBT_LINKS_MAX) {
				field_errors_add(e, "bronnen", "Geef ten hoogste %d links.",
						 IBT_LINKS_MAX);
				return;
			}
		}
		if (!end)
			break;
		p = end + 1;
	}
}

void ibt_check_assessment(struct field_errors *e, const struct ibt_assessment_input *in,
			  const struct ibt_context *c, int *year, int *level, int *own_level)
{
	*year = *level = *own_level = 0;
	if (!c->org_known)
		field_errors_add(e, "organisatie", "Kies een bestaande organisatie.");
	if (!c->domain_known)
		field_errors_add(e, "domein", "Kies een bestaand toezichtdomein.");
	else if (c->org_known && !ibt_domain_applies(c->kinds, c->org_kind))
		field_errors_add(e, "domein",
				 "Dit domein geldt niet voor deze soort organisatie (%s).",
				 c->org_kind ? c->org_kind : "");
	if (!parse_year(in->year, year))
		field_errors_add(e, "jaar", "Geef een jaar, zoals 2025.");
	else if (*year > c->this_year)
		field_errors_add(e, "jaar", "Het jaar %d ligt in de toekomst.", *year);
	else if (c->domain_known && !ibt_domain_valid_in(c->from, c->to, *year))
		field_errors_add(e, "jaar", "Het domein geldt niet in %d.", *year);
	long v;
	if (!parse_long(in->level, 1, c->n_labels > 0 ? c->n_labels : 1, &v) || c->n_labels < 1)
		field_errors_add(e, "niveau", "Kies een oordeel uit de labels van het domein.");
	else
		*level = (int)v;
	if (!str_empty(in->own_level)) {
		if (!parse_long(in->own_level, 1, c->n_labels > 0 ? c->n_labels : 1, &v) ||
		    c->n_labels < 1)
			field_errors_add(e, "eigenOordeel",
					 "Kies het eigen oordeel uit de labels van het domein, of "
					 "laat het leeg.");
		else
			*own_level = (int)v;
	}
	if (chars(in->motivation) > IBT_TEXT_MAX)
		field_errors_add(e, "motivering",
				 "De motivering is te lang (ten hoogste %d tekens).", IBT_TEXT_MAX);
	check_links(e, in->links);
	if (!is_iso_date(in->assessed_on ? in->assessed_on : "") ||
	    !validate_is_date_opt(in->assessed_on))
		field_errors_add(e, "beoordeeldOp", "Geef een datum als jjjj-mm-dd.");
	else if (in->today && strcmp(in->assessed_on, in->today) > 0)
		field_errors_add(e, "beoordeeldOp", "De datum ligt in de toekomst.");
}

void ibt_check_response(struct field_errors *e, const char *text)
{
	size_t n = chars(text);
	bool blank = true;
	for (const char *p = text ? text : ""; *p; p++)
		if (!isspace((unsigned char)*p))
			blank = false;
	if (blank || n > IBT_TEXT_MAX)
		field_errors_add(e, "tekst", "Schrijf een reactie van 1 tot %d tekens.",
				 IBT_TEXT_MAX);
}
