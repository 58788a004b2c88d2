/*
 * instrumenten — vocabularies and rules of instrument requests; see
 * instrumenten.h.
 */
#include "instrumenten.h"
#include "amount.h"
#include "fields.h"
#include "validate.h"

#include <string.h>

const struct label instrument_kind_labels[3] = {
    {"financiele_scan", "financiele_scan", "Financiële scan"},
    {"stimulans", "stimulans", "Stimulans in samenwerking"},
    {"lobby", "lobby", "Belangenbehartiging (lobbydossier)"},
};

const struct label instrument_status_labels[5] = {
    {"ingediend", "ingediend", "Ingediend"}, {"in_behandeling", "in_behandeling", "In behandeling"},
    {"toegekend", "toegekend", "Toegekend"}, {"afgewezen", "afgewezen", "Afgewezen"},
    {"afgerond", "afgerond", "Afgerond"},
};

#define REQUEST_MAX_CENTS (10000000LL * 100) /* ten million euro */

const char *instrument_label(const struct label *t, int n, const char *v)
{
	int i = label_from_api(t, n, field_nz(v));
	return i >= 0 ? t[i].label : field_nz(v);
}

static bool is(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

/* A positive amount of at most REQUEST_MAX_CENTS, as typed, into *cents. */
static void check_amount(struct field_errors *e, const char *field, const char *v, bool required,
			 int64_t *cents)
{
	*cents = 0;
	if (!v || !*v) {
		if (required)
			field_errors_add(e, field,
					 "Vul een bedrag in euro in, bijvoorbeeld 25.000.");
		return;
	}
	const char *msg = NULL;
	if (amount_parse(v, cents, &msg) != AMOUNT_OK) {
		field_errors_add(e, field, "%s", msg ? msg : "Vul een bedrag in euro in.");
		*cents = 0;
	} else if (*cents <= 0 || *cents > REQUEST_MAX_CENTS) {
		field_errors_add(e, field, "Vul een bedrag tussen 1 euro en 10 miljoen euro in.");
		*cents = 0;
	}
}

void instrument_check(struct field_errors *e, const struct instrument_input *in, int64_t *cents)
{
	*cents = 0;
	int k = label_from_api(instrument_kind_labels, LABEL_COUNT(instrument_kind_labels),
			       field_nz(in->kind));
	if (k < 0)
		field_errors_add(e, "soort", "Kies wat u aanvraagt.");
	field_check_text(e, "titel", in->title, 1, INSTRUMENT_TITLE_MAX, false, "Een titel");
	bool scan = is(in->kind, "financiele_scan");
	field_check_text(e, "doel", in->purpose, scan ? 0 : 1, INSTRUMENT_TEXT_MAX, true,
			 "Een omschrijving van het doel");
	if (!is(in->kind, "stimulans"))
		return;
	check_amount(e, "bedrag", in->amount, true, cents);
	const char *from = field_nz(in->period_start), *to = field_nz(in->period_end);
	if (!*from)
		field_errors_add(e, "periodeVan", "Vul in vanaf wanneer de bijdrage nodig is.");
	else if (!validate_is_date_opt(from))
		field_errors_add(e, "periodeVan", "Vul een datum in als 2026-03-31.");
	if (!*to)
		field_errors_add(e, "periodeTot", "Vul in tot wanneer de bijdrage nodig is.");
	else if (!validate_is_date_opt(to))
		field_errors_add(e, "periodeTot", "Vul een datum in als 2026-03-31.");
	else if (*from && validate_is_date_opt(from) && strcmp(to, from) < 0)
		field_errors_add(e, "periodeTot", "Het einde ligt voor het begin.");
}

bool instrument_transition(const char *from, const char *to)
{
	if (is(from, "ingediend"))
		return is(to, "in_behandeling") || is(to, "toegekend") || is(to, "afgewezen");
	if (is(from, "in_behandeling"))
		return is(to, "toegekend") || is(to, "afgewezen");
	if (is(from, "toegekend"))
		return is(to, "afgerond");
	return false;
}

void instrument_check_decision(struct field_errors *e, const char *kind, const char *to,
			       const char *decision_date, const char *reason, const char *amount,
			       const char *today, int64_t *cents)
{
	*cents = 0;
	if (label_from_api(instrument_status_labels, LABEL_COUNT(instrument_status_labels),
			   field_nz(to)) < 0) {
		field_errors_add(e, "status", "Kies een status uit de lijst.");
		return;
	}
	const char *d = field_nz(decision_date);
	if (*d && !validate_is_date_opt(d))
		field_errors_add(e, "besluitdatum", "Vul een datum in als 2026-03-31.");
	else if (*d && today && strcmp(d, today) > 0)
		field_errors_add(e, "besluitdatum", "Een besluit ligt niet in de toekomst.");
	field_check_text(e, "reden", reason, is(to, "afgewezen") ? 1 : 0, INSTRUMENT_TEXT_MAX, true,
			 "Een reden");
	if (is(to, "toegekend") && is(kind, "stimulans"))
		check_amount(e, "bedragToegekend", amount, true, cents);
}

bool instrument_public(const char *kind, bool granted)
{
	return granted && (is(kind, "stimulans") || is(kind, "lobby"));
}
