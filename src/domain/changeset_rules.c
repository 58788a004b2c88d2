/*
 * changeset_rules — see changeset_rules.h.
 */
#include "changeset_rules.h"
#include "../lib/text.h"
#include "labels.h"
#include "validate.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const struct cs_field org_fields[] = {
    {"name", "naam", CSV_NAME, false},
    {"valid_from", "bestaat sinds", CSV_DATE, false},
    {"valid_to", "opgeheven per", CSV_DATE, false},
    {"successor_code", "opvolger", CSV_ORG_REF, false},
    {"tooi", "TOOI-code", CSV_TOOI, false},
    {"cbs_code", "CBS-code", CSV_CBS, false},
    {"ended", "opgeheven", CSV_FLAG, false},
    {"note", "opmerking", CSV_TEXT, false},
    {"source_id", "bron", CSV_SOURCE_REF, false},
};

static const struct cs_field collab_fields[] = {
    {"name", "naam", CSV_NAME, false},
    {"short_name", "korte naam", CSV_SHORT, false},
    {"legal_form", "juridische vorm", CSV_LEGAL_FORM, false},
    {"phase", "fase", CSV_PHASE, false},
    {"purpose", "doel", CSV_TEXT, false},
    {"seat", "vestigingsplaats", CSV_SHORT, false},
    {"start_date", "startdatum", CSV_DATE, false},
    {"end_date", "einddatum", CSV_DATE, false},
    {"website", "website", CSV_URL, false},
    {"note", "opmerking", CSV_TEXT, false},
    {"source_id", "bron", CSV_SOURCE_REF, false},
    {"current_participants", "huidige deelnemers", CSV_ORG_LIST, true},
    {"participants_body", "orgaan van de deelnemers", CSV_BODY, true},
};

static const struct {
	const char *name, *label;
} other_labels[] = {
    {"record", "record"},
    {"body", "orgaan"},
    {"role", "rol"},
    {"joined", "toegetreden"},
    {"left", "uitgetreden"},
    {"last_confirmed", "laatst bevestigd"},
    {"title", "titel"},
    {"publisher", "uitgever"},
    {"url", "adres (URL)"},
    {"licence", "licentie"},
    {"attribution", "naamsvermelding"},
    {"reference_date", "peildatum"},
    {"retrieved", "opgehaald"},
    {"kind", "soort"},
    {"domains", "beleidsdomeinen"},
    {"in_province", "in de provincie"},
    {"population", "inwoners"},
    {"population_date", "peildatum inwoners"},
    {"area_km2", "oppervlakte"},
    {"collaboration_key", "samenwerkingsverband"},
    {"powers", "bevoegdheidsverkrijging"},
    {"cost_share", "kostenverdeelsleutel"},
    {"contribution_eur", "bijdrage"},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const struct cs_field *cs_org_field(const char *name)
{
	for (size_t i = 0; name && i < NELEM(org_fields); i++)
		if (strcmp(org_fields[i].name, name) == 0)
			return &org_fields[i];
	return NULL;
}

const struct cs_field *cs_collab_field(const char *name)
{
	for (size_t i = 0; name && i < NELEM(collab_fields); i++)
		if (strcmp(collab_fields[i].name, name) == 0)
			return &collab_fields[i];
	return NULL;
}

const char *cs_field_label(const char *name)
{
	if (!name)
		return "";
	const struct cs_field *f = cs_collab_field(name);
	if (!f)
		f = cs_org_field(name);
	if (f)
		return f->label;
	for (size_t i = 0; i < NELEM(other_labels); i++)
		if (strcmp(other_labels[i].name, name) == 0)
			return other_labels[i].label;
	return name;
}

/* At most 60 bytes of v for a message, cut on a character boundary. */
static const char *shown(const char *v, char out[72])
{
	size_t n = strlen(v);
	if (n > 60) {
		n = 60;
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, v, n);
	out[n] = '\0';
	if (n < strlen(v))
		strcat(out, "…");
	return out;
}

/* Does v match letters l (2 lower- or upper-case ASCII letters) followed
 * by exactly ndig digits? */
static bool prefixed(const char *v, const char *l, size_t ndig)
{
	if (strncmp(v, l, 2) != 0 || strlen(v) != 2 + ndig)
		return false;
	for (size_t i = 2; v[i]; i++)
		if (!isdigit((unsigned char)v[i]))
			return false;
	return true;
}

int cs_check_value(const struct cs_field *f, const char *value, char *err, size_t errlen)
{
	const char *v = value ? value : "";
	char b[72];
	switch (f->type) {
	case CSV_NAME:
		if (str_empty(v)) {
			snprintf(err, errlen, "de %s mag niet leeg zijn", f->label);
			return -1;
		}
		if (strlen(v) > VALIDATE_MAX_NAME) {
			snprintf(err, errlen, "de %s is langer dan %d tekens", f->label,
				 VALIDATE_MAX_NAME);
			return -1;
		}
		return 0;
	case CSV_SHORT:
		if (strlen(v) > 100) {
			snprintf(err, errlen, "de %s is langer dan 100 tekens", f->label);
			return -1;
		}
		return 0;
	case CSV_TEXT:
		if (strlen(v) > VALIDATE_MAX_TEXT) {
			snprintf(err, errlen, "de %s is te lang", f->label);
			return -1;
		}
		return 0;
	case CSV_DATE:
		if (!validate_is_date_opt(v)) {
			snprintf(err, errlen, "'%s' is geen geldige datum (JJJJ-MM-DD)",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_FLAG:
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
			snprintf(err, errlen, "%s moet 0 of 1 zijn, niet '%s'", f->label,
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_LEGAL_FORM:
		if (label_from_db(legal_form_labels, LF_COUNT, v) < 0) {
			snprintf(err, errlen,
				 "'%s' is geen bekende juridische vorm (OL, GO, BVO, CC, RZM, "
				 "stichting, vereniging, bv, nv, cooperatie, convenant, netwerk)",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_PHASE:
		if (label_from_db(phase_labels, PHASE_COUNT, v) < 0) {
			snprintf(err, errlen,
				 "'%s' is geen bekende fase (initiatief, groei, stabilisatie, "
				 "transformatie, beeindigd)",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_BODY:
		if (!cs_body_valid(v)) {
			snprintf(err, errlen,
				 "'%s' is geen bekend orgaan (raad, college, burgemeester, "
				 "algemeen_bestuur)",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_TOOI:
		if (*v && !prefixed(v, "gm", 4) && !prefixed(v, "pv", 4) && !prefixed(v, "ws", 4) &&
		    !prefixed(v, "pv", 2)) {
			snprintf(err, errlen,
				 "'%s' is geen TOOI-code van de vorm gm0344, pv26 of ws0155",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_CBS:
		if (*v && !prefixed(v, "GM", 4) && !prefixed(v, "PV", 2) && !prefixed(v, "WS", 4)) {
			snprintf(err, errlen, "'%s' is geen CBS-code van de vorm GM0344 of PV26",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_URL:
		if (!validate_is_url_opt(v)) {
			snprintf(err, errlen, "'%s' is geen geldig webadres (http of https)",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_ORG_REF:
	case CSV_SOURCE_REF:
		if (!validate_is_key(v)) {
			snprintf(err, errlen, "'%s' is geen geldige code (a-z, 0-9 en -)",
				 shown(v, b));
			return -1;
		}
		return 0;
	case CSV_ORG_LIST: {
		char tmp[256][81];
		return cs_split_codes(v, tmp, 256, err, errlen) < 0 ? -1 : 0;
	}
	}
	return 0;
}

int cs_confidence_rank(const char *c)
{
	if (!c)
		return -1;
	if (strcmp(c, "low") == 0)
		return 0;
	if (strcmp(c, "medium") == 0)
		return 1;
	if (strcmp(c, "high") == 0)
		return 2;
	return -1;
}

bool cs_confidence_applies(const char *c, const char *min)
{
	int m = cs_confidence_rank(str_empty(min) ? "medium" : min);
	int r = cs_confidence_rank(c);
	return r >= 0 && r >= (m < 0 ? 1 : m);
}

bool cs_action_valid(const char *action)
{
	return action && (strcmp(action, "add") == 0 || strcmp(action, "end") == 0 ||
			  strcmp(action, "update") == 0);
}

bool cs_body_valid(const char *body)
{
	return label_from_db(body_labels, BODY_COUNT, body ? body : "") >= 0;
}

bool cs_role_valid(const char *role)
{
	return str_empty(role) || label_from_db(role_labels, ROLE_COUNT, role) >= 0;
}

int cs_split_codes(const char *list, char codes[][81], int max, char *err, size_t errlen)
{
	int n = 0;
	const char *p = list ? list : "";
	char b[72];
	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		const char *s = p;
		while (len && isspace((unsigned char)*s)) {
			s++;
			len--;
		}
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		if (len) {
			char item[96];
			snprintf(item, sizeof item, "%.*s", (int)(len < 90 ? len : 90), s);
			if (len > 80 || !validate_is_key(item)) {
				snprintf(err, errlen, "'%s' in de lijst is geen geldige code",
					 shown(item, b));
				return -1;
			}
			for (int i = 0; i < n; i++) {
				if (strcmp(codes[i], item) == 0) {
					snprintf(err, errlen, "'%s' staat twee keer in de lijst",
						 item);
					return -1;
				}
			}
			if (n >= max) {
				snprintf(err, errlen, "de lijst heeft meer dan %d codes", max);
				return -1;
			}
			snprintf(codes[n++], 81, "%.80s", item);
		}
		p = e ? e + 1 : p + strlen(p);
	}
	return n;
}

const char *cs_confirmed_date(const char *source_date, const char *reference_date)
{
	if (!str_empty(source_date))
		return source_date;
	return reference_date ? reference_date : "";
}
