/*
 * bibliotheek — vocabularies and rules of the knowledge base; see
 * bibliotheek.h.
 */
#include "bibliotheek.h"
#include "fields.h"
#include "slug.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

const struct label bibliotheek_kind_labels[5] = {
    {"publicatie", "publicatie", "Publicatie"},
    {"analyse", "analyse", "Analyse"},
    {"special", "special", "Special"},
    {"rapport", "rapport", "Rapport"},
    {"link", "link", "Link"},
};

const struct label bibliotheek_visibility_labels[2] = {
    {"openbaar", "openbaar", "Openbaar"},
    {"partners", "partners", "Alleen voor ingelogde partners"},
};

const char *bibliotheek_label(const struct label *t, int n, const char *v)
{
	int i = label_from_api(t, n, field_nz(v));
	return i >= 0 ? t[i].label : field_nz(v);
}

void bibliotheek_check(struct field_errors *e, const struct bibliotheek_input *in,
		       const char *today)
{
	const char *kind = field_nz(in->kind);
	if (label_from_api(bibliotheek_kind_labels, LABEL_COUNT(bibliotheek_kind_labels), kind) < 0)
		field_errors_add(e, "soort",
				 "Kies de soort: publicatie, analyse, special, rapport "
				 "of link.");
	field_check_text(e, "titel", in->title, 1, BIBLIOTHEEK_TITLE_MAX, false, "Een titel");
	const char *url = field_nz(in->url);
	if (!*url) {
		if (strcmp(kind, "link") == 0)
			field_errors_add(e, "url", "Vul het webadres in waar de link naar wijst.");
	} else if (strlen(url) > BIBLIOTHEEK_URL_MAX) {
		field_errors_add(e, "url", "Een webadres is ten hoogste %d tekens lang.",
				 BIBLIOTHEEK_URL_MAX);
	} else if (!validate_is_url_opt(url)) {
		field_errors_add(e, "url",
				 "Vul een geldig webadres in dat begint met https:// of http://, "
				 "zonder spaties of aanhalingstekens, bijvoorbeeld "
				 "https://www.example.org/rapport.");
	}
	field_check_text(e, "samenvatting", in->summary, 1, BIBLIOTHEEK_SUMMARY_MAX, true,
			 "Een samenvatting");
	const char *d = field_nz(in->published_on);
	if (!*d)
		field_errors_add(e, "datum",
				 "Vul de datum van verschijnen in, bijvoorbeeld "
				 "2026-03-31.");
	else if (strlen(d) != 10 || !validate_is_date_opt(d))
		field_errors_add(e, "datum", "Vul een datum in als 2026-03-31.");
	else if (today && *today && strcmp(d, today) > 0)
		field_errors_add(e, "datum", "De datum van verschijnen ligt niet in de toekomst.");
	field_check_text(e, "licentie", in->licence, 0, BIBLIOTHEEK_LICENCE_MAX, false,
			 "Een licentie");
	const char *v = field_nz(in->visibility);
	if (*v && label_from_api(bibliotheek_visibility_labels,
				 LABEL_COUNT(bibliotheek_visibility_labels), v) < 0)
		field_errors_add(e, "zichtbaarheid", "Kies openbaar of alleen voor partners.");
}

bool bibliotheek_readable(const char *visibility, bool signed_in)
{
	if (!visibility)
		return false;
	if (strcmp(visibility, "openbaar") == 0)
		return true;
	return strcmp(visibility, "partners") == 0 && signed_in;
}

char *bibliotheek_fold(const char *text, char *out, size_t n)
{
	if (n < 3) {
		if (n)
			out[0] = '\0';
		return out;
	}
	out[0] = '-';
	slug_make(text, n - 3, "", out + 1, n - 2);
	size_t len = strlen(out);
	out[len] = '-';
	out[len + 1] = '\0';
	if (len == 1)
		out[1] = '\0'; /* nothing to match: "-" */
	return out;
}

int bibliotheek_query_words(const char *query, char words[][64], int max)
{
	char folded[512];
	slug_make(query, sizeof folded - 1, "", folded, sizeof folded);
	int k = 0;
	for (char *p = folded; *p && k < max;) {
		char *end = strchr(p, '-');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > 60)
			len = 60;
		if (len >= 2) {
			memcpy(words[k], p, len);
			words[k][len] = '\0';
			k++;
		}
		if (!end)
			break;
		p = end + 1;
	}
	return k;
}
