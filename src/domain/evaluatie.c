/*
 * evaluatie — vocabularies and rules of the programme's measurement; see
 * evaluatie.h.
 */
#include "evaluatie.h"
#include "fields.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct label evaluatie_block_labels[8] = {
    {"ambitie", "ambitie", "Ambitie"},
    {"belangen", "belangen", "Belangen"},
    {"organisatie", "organisatie", "Organisatie en rolhelderheid"},
    {"relatie", "relatie", "Relatie"},
    {"proces", "proces", "Proces"},
    {"kennisdeling", "kennisdeling", "Kennisdeling"},
    {"resultaat", "resultaat", "Resultaat"},
    {"rolperspectief", "rolperspectief", "Rolperspectief"},
};

const struct label evaluatie_kind_labels[5] = {
    {"likert", "likert", "Stelling (1–5, met weet niet / n.v.t.)"},
    {"enkelvoudig", "enkelvoudig", "Eén keuze"},
    {"meervoudig", "meervoudig", "Meer keuzes"},
    {"rolperspectief", "rolperspectief", "Score per rolperspectief per partij (1–5)"},
    {"open", "open", "Open vraag"},
};

const struct label evaluatie_scope_labels[2] = {
    {"algemeen", "algemeen", "Eén keer per respondent"},
    {"samenwerking", "samenwerking", "Per samenwerkingsverband van de organisatie"},
};

const struct label evaluatie_group_labels[3] = {
    {"bestuurders", "bestuurders", "Bestuurders"},
    {"ambtenaren", "ambtenaren", "Ambtenaren"},
    {"volksvertegenwoordigers", "volksvertegenwoordigers", "Volksvertegenwoordigers"},
};

const struct label evaluatie_status_labels[3] = {
    {"concept", "concept", "Concept"},
    {"open", "open", "Open"},
    {"gesloten", "gesloten", "Gesloten"},
};

const char *const evaluatie_perspectives[EVALUATIE_PERSPECTIVES] = {
    "Rechtmatige overheid",
    "Presterende overheid",
    "Netwerkende overheid",
    "Participerende overheid",
};

const char *const evaluatie_likert_labels[6] = {
    "Weet niet / n.v.t.", "Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens",
};

const char *const evaluatie_score_labels[6] = {
    "Weet niet / n.v.t.", "1 (helemaal niet)", "2", "3", "4", "5 (heel sterk)",
};

const char *evaluatie_label(const struct label *t, int n, const char *v)
{
	int i = label_from_api(t, n, field_nz(v));
	return i >= 0 ? t[i].label : field_nz(v);
}

/* The next line of text from *p (without its newline, trimmed of spaces)
 * into out; false at the end. */
static bool next_line(const char **p, char *out, size_t n)
{
	while (**p) {
		const char *s = *p;
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		*p = e ? e + 1 : s + len;
		while (len && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r')) {
			s++;
			len--;
		}
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
			len--;
		if (!len)
			continue;
		snprintf(out, n, "%.*s", (int)len, s);
		return true;
	}
	return false;
}

int evaluatie_option_count(const char *text)
{
	const char *p = field_nz(text);
	char line[1024];
	int k = 0;
	while (k < EVALUATIE_OPTIONS_MAX + 1 && next_line(&p, line, sizeof line))
		k++;
	return k;
}

bool evaluatie_option(const char *text, int i, char *out, size_t n)
{
	const char *p = field_nz(text);
	char line[1024];
	for (int k = 0; next_line(&p, line, sizeof line); k++)
		if (k == i) {
			snprintf(out, n, "%s", line);
			return true;
		}
	return false;
}

void evaluatie_item_check(struct field_errors *e, const struct evaluatie_item_input *in)
{
	if (label_from_api(evaluatie_block_labels, LABEL_COUNT(evaluatie_block_labels),
			   field_nz(in->block)) < 0)
		field_errors_add(e, "blok", "Kies het blok waar de vraag bij hoort.");
	const char *kind = field_nz(in->kind);
	if (label_from_api(evaluatie_kind_labels, LABEL_COUNT(evaluatie_kind_labels), kind) < 0)
		field_errors_add(e, "soort",
				 "Kies de soort vraag: stelling, één keuze, meer keuzes, "
				 "rolperspectief of open vraag.");
	const char *scope = field_nz(in->scope);
	if (*scope &&
	    label_from_api(evaluatie_scope_labels, LABEL_COUNT(evaluatie_scope_labels), scope) < 0)
		field_errors_add(e, "bereik",
				 "Kies of de vraag één keer of per samenwerkingsverband "
				 "wordt gesteld.");
	field_check_text(e, "tekst", in->text, 1, EVALUATIE_ITEM_TEXT_MAX, false, "De vraagtekst");
	field_check_text(e, "bron", in->source, 0, EVALUATIE_SOURCE_MAX, false, "De bron");
	const char *req = field_nz(in->required);
	if (*req && strcmp(req, "ja") != 0 && strcmp(req, "nee") != 0)
		field_errors_add(e, "verplicht", "Kies ja of nee.");
	bool choices = strcmp(kind, "enkelvoudig") == 0 || strcmp(kind, "meervoudig") == 0 ||
		       strcmp(kind, "rolperspectief") == 0;
	const char *opts = field_nz(in->options);
	int n = evaluatie_option_count(opts);
	if (choices) {
		field_check_text(e, "keuzes", opts, 0, 4000, true, "De keuzes");
		const char *p = opts;
		char line[1024];
		bool long_line = false;
		while (next_line(&p, line, sizeof line))
			if (strlen(line) > EVALUATIE_OPTION_MAX)
				long_line = true;
		if (n < (strcmp(kind, "rolperspectief") == 0 ? 1 : 2) || n > EVALUATIE_OPTIONS_MAX)
			field_errors_add(e, "keuzes",
					 strcmp(kind, "rolperspectief") == 0
					     ? "Zet 1 tot 10 partijen onder elkaar, één per regel."
					     : "Zet 2 tot 10 keuzes onder elkaar, één per regel.");
		else if (long_line)
			field_errors_add(e, "keuzes", "Een keuze is ten hoogste %d tekens lang.",
					 EVALUATIE_OPTION_MAX);
	} else if (n > 0 && *kind) {
		field_errors_add(e, "keuzes",
				 "Alleen vragen met keuzes of partijen hebben keuzes.");
	}
}

void evaluatie_round_check(struct field_errors *e, const struct evaluatie_round_input *in)
{
	field_check_text(e, "naam", in->name, 1, EVALUATIE_NAME_MAX, false, "Een naam");
	const char *b = field_nz(in->starts_on), *d = field_nz(in->ends_on);
	bool bok = *b && validate_is_date_opt(b), dok = *d && validate_is_date_opt(d);
	if (!bok)
		field_errors_add(e, "begin", "Vul de begindatum in als 2026-03-31.");
	if (!dok)
		field_errors_add(e, "einde", "Vul de einddatum in als 2026-03-31.");
	if (bok && dok && strcmp(d, b) < 0)
		field_errors_add(e, "einde", "De einddatum ligt niet voor de begindatum.");
	const char *g = field_nz(in->groups);
	int known = 0;
	bool unknown = false;
	while (*g) {
		const char *s = strchr(g, ';');
		size_t len = s ? (size_t)(s - g) : strlen(g);
		char one[64];
		snprintf(one, sizeof one, "%.*s", (int)(len < 63 ? len : 63), g);
		if (*one) {
			if (label_from_api(evaluatie_group_labels,
					   LABEL_COUNT(evaluatie_group_labels), one) >= 0)
				known++;
			else
				unknown = true;
		}
		g = s ? s + 1 : g + len;
	}
	if (!known || unknown)
		field_errors_add(e, "doelgroep",
				 "Kies een of meer doelgroepen: bestuurders, ambtenaren, "
				 "volksvertegenwoordigers.");
}

enum evaluatie_answer_check evaluatie_check_scale(const char *v, int *out)
{
	const char *s = field_nz(v);
	if (!*s)
		return EVA_EMPTY;
	if (s[1] || s[0] < '0' || s[0] > '5')
		return EVA_RANGE;
	*out = s[0] - '0';
	return EVA_OK;
}

enum evaluatie_answer_check evaluatie_check_choice(const char *v, int n_options, int *out)
{
	const char *s = field_nz(v);
	if (!*s)
		return EVA_EMPTY;
	if (strlen(s) > 2)
		return EVA_RANGE;
	int x = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return EVA_RANGE;
		x = x * 10 + (*p - '0');
	}
	if (x < 1 || x > n_options)
		return EVA_RANGE;
	*out = x;
	return EVA_OK;
}

enum evaluatie_answer_check evaluatie_check_open(const char *v)
{
	const char *s = field_nz(v);
	if (!*s)
		return EVA_EMPTY;
	struct field_errors e = {0};
	field_check_text(&e, "x", s, 0, EVALUATIE_OPEN_MAX, true, "Het antwoord");
	return e.n ? EVA_TOO_LONG : EVA_OK;
}

bool evaluatie_suppress(int total, const int *n, int k, bool *hidden)
{
	int n_hidden = 0, sum_hidden = 0;
	for (int i = 0; i < k; i++) {
		hidden[i] = n[i] > 0 && n[i] < EVALUATIE_MIN_CELL;
		if (hidden[i]) {
			n_hidden++;
			sum_hidden += n[i];
		}
	}
	if (total < EVALUATIE_MIN_CELL) {
		for (int i = 0; i < k; i++)
			hidden[i] = n[i] > 0;
		return true;
	}
	while (n_hidden > 0 && (n_hidden == 1 || sum_hidden < EVALUATIE_MIN_CELL)) {
		int pick = -1;
		for (int i = 0; i < k; i++)
			if (!hidden[i] && n[i] > 0 && (pick < 0 || n[i] < n[pick]))
				pick = i;
		if (pick < 0)
			return true;
		hidden[pick] = true;
		n_hidden++;
		sum_hidden += n[pick];
	}
	return false;
}
