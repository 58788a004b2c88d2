/*
 * validate_people — checks of user input for people, offices, seats,
 * assessments, phase events and agreements; see validate_people.h. Also
 * defines agreement_status_labels (store_people.h) and the process phases.
 */
#include "validate_people.h"
#include "../lib/text.h"
#include "fields.h"
#include "labels.h"
#include "validate.h"
#include "validate_write.h"

#include <stdio.h>
#include <string.h>

const struct label agreement_status_labels[AGR_COUNT] = {
    [AGR_VOORGESTELD] = {"voorgesteld", "voorgesteld", "Voorgesteld"},
    [AGR_GELDEND] = {"geldend", "geldend", "Geldend"},
    [AGR_HERZIEN] = {"herzien", "herzien", "Herzien"},
    [AGR_VERVALLEN] = {"vervallen", "vervallen", "Vervallen"},
};

const struct label process_phase_labels[PROCESS_PHASE_COUNT] = {
    {"verkennen", "verkennen", "Verkennen"},
    {"delen", "delen", "Delen"},
    {"overeenkomen", "overeenkomen", "Overeenkomen"},
    {"vormgeven", "vormgeven", "Vormgeven"},
    {"uitvoeren-en-vernieuwen", "uitvoeren-en-vernieuwen", "Uitvoeren en vernieuwen"},
};

static void check_date(struct field_errors *e, const char *field, const char *v, bool required,
		       const char *what)
{
	v = field_nz(v);
	if (!*v) {
		if (required)
			field_errors_add(e, field, "Vul %s in.", what);
		return;
	}
	if (!is_iso_date(v))
		field_errors_add(
		    e, field,
		    "Vul een bestaande datum in als JJJJ-MM-DD, bijvoorbeeld 2024-01-31.");
}

/* A period van/tot: both optional dates, tot not before van. */
static void check_period(struct field_errors *e, const char *from, const char *to)
{
	check_date(e, "van", from, false, "een begindatum");
	check_date(e, "tot", to, false, "een einddatum");
	from = field_nz(from);
	to = field_nz(to);
	if (*from && *to && is_iso_date(from) && is_iso_date(to) && strcmp(to, from) < 0)
		field_errors_add(e, "tot", "De einddatum ligt vóór de begindatum.");
}

/* A required enumeration given as api value. */
static void check_enum(struct field_errors *e, const char *field, const struct label *t, int n,
		       const char *v, const char *what)
{
	v = field_nz(v);
	if (!*v) {
		field_errors_add(e, field, "Kies %s.", what);
		return;
	}
	if (label_from_api(t, n, v) >= 0)
		return;
	char list[300] = "";
	size_t off = 0;
	for (int i = 0; i < n && off < sizeof list; i++)
		off += (size_t)snprintf(list + off, sizeof list - off, "%s%s", i ? ", " : "",
					t[i].api);
	field_errors_add(e, field, "Kies %s; toegestaan zijn: %s.", what, list);
}

/* A required reference by key/code (existence is the store's business). */
static void check_ref(struct field_errors *e, const char *field, const char *v, const char *choose,
		      const char *unknown)
{
	if (str_empty(v))
		field_errors_add(e, field, "%s", choose);
	else if (!validate_is_key(v))
		field_errors_add(e, field, "%s", unknown);
}

static bool plausible_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	if (at[1] == '.' || s[strlen(s) - 1] == '.')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '<' || *p == '>' || *p == '"' || *p == ',' ||
		    *p == ';')
			return false;
	return true;
}

static bool plausible_phone(const char *s)
{
	int digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +-()", *p))
			return false;
	}
	return digits >= 6;
}

void validate_person_input(const struct person_input *in, struct field_errors *e)
{
	if (str_empty(in->name))
		field_errors_add(e, "naam", "Vul een naam in.");
	else
		field_check_text(e, "naam", in->name, VP_NAME_MIN, VP_NAME_MAX, false, "Een naam");
	field_check_text(e, "partij", in->party, 0, VP_PARTY_MAX, false, "Een partij");
	const char *email = field_nz(in->email);
	if (strlen(email) > VP_EMAIL_MAX)
		field_errors_add(e, "email", "Een e-mailadres heeft hoogstens %d tekens.",
				 VP_EMAIL_MAX);
	else if (*email && !plausible_email(email))
		field_errors_add(e, "email",
				 "Vul een geldig e-mailadres in, bijvoorbeeld naam@example.org.");
	const char *phone = field_nz(in->phone);
	if (strlen(phone) > VP_PHONE_MAX)
		field_errors_add(e, "telefoon", "Een telefoonnummer heeft hoogstens %d tekens.",
				 VP_PHONE_MAX);
	else if (*phone && !plausible_phone(phone))
		field_errors_add(e, "telefoon",
				 "Vul een telefoonnummer in met cijfers (spaties, +, - en haakjes "
				 "mogen), bijvoorbeeld 030 123 4567.");
	field_check_text(e, "opmerking", in->note, 0, VP_NOTE_MAX, true, "Een opmerking");
}

void validate_office_input(const struct office_input *in, struct field_errors *e)
{
	check_ref(e, "organisatie", in->org_code, "Kies een organisatie.",
		  "Deze organisatie is onbekend.");
	check_enum(e, "functie", office_labels, OFFICE_COUNT, in->kind, "een functie");
	field_check_text(e, "portefeuille", in->portfolio, 0, VP_PORTFOLIO_MAX, false,
			 "Een portefeuille");
	check_period(e, in->from, in->to);
}

void validate_seat_input(const struct seat_input *in, struct field_errors *e)
{
	check_ref(e, "samenwerkingsverband", in->collab_key, "Kies een samenwerkingsverband.",
		  "Dit samenwerkingsverband is onbekend.");
	check_ref(e, "namens", in->org_code,
		  "Kies de organisatie namens welke de persoon zitting heeft.",
		  "Deze organisatie is onbekend.");
	check_enum(e, "orgaan", seat_body_labels, SEAT_BODY_COUNT, in->body, "een orgaan");
	check_period(e, in->from, in->to);
}

void validate_end_date(const char *from, const char *to, struct field_errors *e)
{
	check_date(e, "tot", to, true, "een einddatum");
	from = field_nz(from);
	to = field_nz(to);
	if (*from && *to && is_iso_date(from) && is_iso_date(to) && strcmp(to, from) < 0)
		field_errors_add(e, "tot", "De einddatum ligt vóór de begindatum.");
}

void validate_assessment_input(const struct assessment_input *in, const char *today,
			       int scores_out[PERSP_COUNT], struct field_errors *e)
{
	check_date(e, "datum", in->date, true, "de datum van de beoordeling");
	const char *d = field_nz(in->date);
	if (is_iso_date(d) && today && is_iso_date(today) && strcmp(d, today) > 0)
		field_errors_add(e, "datum", "De datum van de beoordeling ligt in de toekomst.");
	for (int i = 0; i < PERSP_COUNT; i++) {
		long v = 0;
		scores_out[i] = 0;
		if (str_empty(in->scores[i]))
			field_errors_add(e, perspective_labels[i].api,
					 "Geef een score van 1 tot en met 5 voor %s.",
					 perspective_labels[i].label);
		else if (!parse_long(in->scores[i], 1, 5, &v))
			field_errors_add(e, perspective_labels[i].api,
					 "Een score is een heel getal van 1 tot en met 5.");
		else
			scores_out[i] = (int)v;
	}
	field_check_text(e, "toelichting", in->note, 0, VP_NOTE_MAX, true, "Een toelichting");
}

void validate_phase_input(const struct phase_input *in, struct field_errors *e)
{
	const char *ph = field_nz(in->phase);
	int p = label_from_api(phase_labels, PHASE_COUNT, ph);
	if (p <= PHASE_UNKNOWN) /* not given, "onbekend" or not a phase */
		check_enum(e, "fase", phase_labels + 1, PHASE_COUNT - 1,
			   p == PHASE_UNKNOWN ? "" : ph, "een fase");
	if (!str_empty(in->process_phase))
		check_enum(e, "procesfase", process_phase_labels, PROCESS_PHASE_COUNT,
			   in->process_phase, "een procesfase");
	check_date(e, "datum", in->date, true, "de datum");
	field_check_text(e, "toelichting", in->note, 0, VP_PHASE_NOTE_MAX, true, "Een toelichting");
}

int validate_code_list(const char *s, char codes[][81], int max)
{
	int n = 0;
	s = field_nz(s);
	while (*s) {
		const char *end = s + strcspn(s, ";,");
		const char *a = s, *b = end;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b > a) {
			if ((size_t)(b - a) > 80)
				return -1;
			char code[81];
			memcpy(code, a, (size_t)(b - a));
			code[b - a] = '\0';
			if (!validate_is_key(code))
				return -1;
			bool dup = false;
			for (int i = 0; i < n && !dup; i++)
				dup = strcmp(codes[i], code) == 0;
			if (!dup) {
				if (n >= max)
					return -1;
				memcpy(codes[n++], code, sizeof code);
			}
		}
		s = *end ? end + 1 : end;
	}
	return n;
}

#define VP_PARTIES_COUNT 64

void validate_agreement_input(const struct agreement_input *in, struct field_errors *e)
{
	if (str_empty(in->title))
		field_errors_add(e, "titel", "Vul een titel in.");
	else
		field_check_text(e, "titel", in->title, VP_TITLE_MIN, VP_TITLE_MAX, false,
				 "Een titel");
	field_check_text(e, "omschrijving", in->description, 0, VP_DESCRIPTION_MAX, true,
			 "Een omschrijving");
	char codes[VP_PARTIES_COUNT][81];
	if (strlen(field_nz(in->parties)) > VP_PARTIES_MAX ||
	    validate_code_list(in->parties, codes, VP_PARTIES_COUNT) < 0)
		field_errors_add(e, "partijen",
				 "Vul de partijen in als organisatiecodes gescheiden door ';', "
				 "bijvoorbeeld gm0344; pv26 (hoogstens %d).",
				 VP_PARTIES_COUNT);
	check_date(e, "sinds", in->since, false, "een datum");
	check_enum(e, "status", agreement_status_labels, AGR_COUNT, in->status, "een status");
	const char *url = field_nz(in->document_url);
	if (strlen(url) > VP_URL_MAX)
		field_errors_add(e, "document", "Een webadres heeft hoogstens %d tekens.",
				 VP_URL_MAX);
	else if (!validate_is_url_opt(url))
		field_errors_add(
		    e, "document",
		    "Vul een volledig webadres in dat begint met https:// of http://.");
}
