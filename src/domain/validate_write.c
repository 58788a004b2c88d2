/*
 * validate_write — checks of user input for registry edits; see
 * validate_write.h.
 */
#include "validate_write.h"
#include "../lib/text.h"
#include "amount.h"
#include "fields.h"
#include "labels.h"
#include "validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_date(struct field_errors *e, const char *field, const char *v)
{
	if (!validate_is_date_opt(field_nz(v)))
		field_errors_add(
		    e, field,
		    "Vul een bestaande datum in als JJJJ-MM-DD, bijvoorbeeld 2024-01-31.");
}

/* An enumeration given as api value; "" and "onbekend" allowed when the
 * table has an unknown entry (db code ""). */
static void check_enum(struct field_errors *e, const char *field, const struct label *t, int n,
		       const char *v, bool required, const char *what)
{
	v = field_nz(v);
	if (!*v) {
		if (required)
			field_errors_add(e, field, "Kies %s.", what);
		else if (label_from_db(t, n, "") < 0)
			field_errors_add(e, field, "Kies %s.", what);
		return;
	}
	if (label_from_api(t, n, v) >= 0)
		return;
	char list[160] = "";
	size_t off = 0;
	for (int i = 0; i < n && off < sizeof list; i++)
		off += (size_t)snprintf(list + off, sizeof list - off, "%s%s", i ? ", " : "",
					t[i].api);
	field_errors_add(e, field, "Kies %s; toegestaan zijn: %s.", what, list);
}

bool validate_decimal_nl(const char *s, double min, double max, double *out)
{
	char b[40];
	if (str_empty(s) || strlen(s) >= sizeof b)
		return false;
	int seps = 0;
	size_t i = 0;
	for (; s[i]; i++) {
		b[i] = s[i] == ',' ? '.' : s[i];
		seps += b[i] == '.';
	}
	b[i] = '\0';
	if (seps > 1)
		return false;
	double v;
	if (!validate_number_opt(b, min, max, &v))
		return false;
	if (out)
		*out = v;
	return true;
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

int validate_domain_list(const char *s, char keys[][81], int max)
{
	size_t n = strlen(field_nz(s));
	char *copy = malloc(n + 1);
	if (!copy)
		return -1;
	for (size_t i = 0; i <= n; i++)
		copy[i] = s && s[i] == ',' ? ';' : (s ? s[i] : '\0');
	int k = validate_split_domains(copy, keys, max);
	free(copy);
	if (k <= 0)
		return k;
	qsort(keys, (size_t)k, sizeof keys[0], cmp_key);
	int out = 1;
	for (int i = 1; i < k; i++)
		if (strcmp(keys[i], keys[out - 1]) != 0)
			memmove(keys[out++], keys[i], sizeof keys[0]);
	return out;
}

void validate_collab_input(const struct collab_input *in, struct field_errors *e)
{
	const char *name = field_nz(in->name);
	if (!*name)
		field_errors_add(e, "naam", "Vul een naam in.");
	else
		field_check_text(e, "naam", name, VW_NAME_MIN, VW_NAME_MAX, false, "Een naam");
	field_check_text(e, "korteNaam", in->short_name, 0, VW_SHORT_NAME_MAX, false,
			 "Een korte naam");
	check_enum(e, "soort", collab_kind_labels, COLLAB_KIND_COUNT, in->kind, true,
		   "een soort samenwerkingsverband");
	check_enum(e, "juridischeVorm", legal_form_labels, LF_COUNT, in->legal_form, false,
		   "een juridische vorm");
	check_enum(e, "bevoegdheidsverkrijging", powers_labels, POW_COUNT, in->powers, false,
		   "een manier van bevoegdheidsverkrijging");
	check_enum(e, "fase", phase_labels, PHASE_COUNT, in->phase, false, "een fase");

	char keys[VALIDATE_MAX_DOMAINS][81];
	int nd = validate_domain_list(in->domains, keys, VALIDATE_MAX_DOMAINS);
	if (nd == 0)
		field_errors_add(e, "beleidsdomeinen", "Kies minstens één beleidsdomein.");
	else if (nd < 0)
		field_errors_add(e, "beleidsdomeinen",
				 "Kies beleidsdomeinen uit de lijst (hoogstens %d).",
				 VALIDATE_MAX_DOMAINS);

	field_check_text(e, "doel", in->purpose, 0, VW_PURPOSE_MAX, true, "Het doel");
	field_check_text(e, "vestigingsplaats", in->seat, 0, VW_SEAT_MAX, false,
			 "Een vestigingsplaats");
	check_date(e, "startdatum", in->start_date);
	check_date(e, "einddatum", in->end_date);
	const char *from = field_nz(in->start_date), *to = field_nz(in->end_date);
	if (*from && *to && is_iso_date(from) && is_iso_date(to) && strcmp(to, from) < 0)
		field_errors_add(e, "einddatum", "De einddatum ligt vóór de startdatum.");

	const char *web = field_nz(in->website);
	if (strlen(web) > VW_URL_MAX)
		field_errors_add(e, "website", "Een webadres heeft hoogstens %d tekens.",
				 VW_URL_MAX);
	else if (!validate_is_url_opt(web))
		field_errors_add(
		    e, "website",
		    "Vul een volledig webadres in dat begint met https:// of http://.");
	field_check_text(e, "opmerking", in->note, 0, VW_NOTE_MAX, true, "Een opmerking");
	if (!str_empty(in->source_key) && !validate_is_key(in->source_key))
		field_errors_add(e, "bron", "Deze bron is onbekend.");
}

/* The bijdrage as stored: whole euros in plain digits. The web form turns
 * what people type ("€ 12.500,-") into that first (amount_whole_euros), so
 * a message here comes from an import, the API or a correction. */
static void check_contribution(struct field_errors *e, const char *v)
{
	char whole[32];
	const char *msg = NULL;
	enum amount_result ar = amount_whole_euros(v, whole, sizeof whole, &msg);
	if (ar == AMOUNT_INVALID)
		field_errors_add(e, "bijdrage", "%s", msg);
	else if (ar == AMOUNT_OK && !validate_count_opt(field_nz(v), NULL))
		field_errors_add(e, "bijdrage",
				 "Vul de bijdrage in als heel getal zonder punten of euroteken, "
				 "hier: %s.",
				 whole);
}

void validate_part_input(const struct part_input *in, bool create, struct field_errors *e)
{
	if (create) {
		if (str_empty(in->org_code))
			field_errors_add(e, "organisatie", "Kies een organisatie.");
		else if (!validate_is_key(in->org_code))
			field_errors_add(e, "organisatie", "Deze organisatie is onbekend.");
	}
	check_enum(e, "orgaan", body_labels, BODY_COUNT, in->body, false, "een orgaan");
	if (!str_empty(in->role))
		check_enum(e, "rol", role_labels, ROLE_COUNT, in->role, true, "een rol");
	if (!str_empty(in->cost_share) && !validate_decimal_nl(in->cost_share, 0, 1, NULL))
		field_errors_add(e, "kostenverdeelsleutel",
				 "Vul een getal van 0 tot en met 1 in, bijvoorbeeld 0,25.");
	check_contribution(e, in->contribution);
	check_date(e, "toegetreden", in->joined);
	check_date(e, "uitgetreden", in->left);
	const char *from = field_nz(in->joined), *to = field_nz(in->left);
	if (*from && *to && is_iso_date(from) && is_iso_date(to) && strcmp(to, from) < 0)
		field_errors_add(e, "uitgetreden",
				 "De datum van uittreden ligt vóór de datum van toetreden.");
	field_check_text(e, "opmerking", in->note, 0, VW_NOTE_MAX, true, "Een opmerking");
}

void validate_org_input(const struct org_input *in, struct field_errors *e)
{
	const char *name = field_nz(in->name);
	if (!*name)
		field_errors_add(e, "naam", "Vul een naam in.");
	else
		field_check_text(e, "naam", name, VW_NAME_MIN, VW_NAME_MAX, false, "Een naam");
	if (!validate_count_opt(field_nz(in->population), NULL))
		field_errors_add(e, "inwoners",
				 "Vul het aantal inwoners in als geheel getal (0 of meer, zonder "
				 "punten).");
	check_date(e, "peildatumInwoners", in->population_date);
	if (!str_empty(in->area_km2) && !validate_decimal_nl(in->area_km2, 0, 1e6, NULL))
		field_errors_add(e, "oppervlakte",
				 "Vul de oppervlakte in km² in als getal van 0 of meer, "
				 "bijvoorbeeld 45,6.");
	field_check_text(e, "opmerking", in->note, 0, VW_NOTE_MAX, true, "Een opmerking");
}
