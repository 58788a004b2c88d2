/*
 * validate — seed row checks; see validate.h.
 */
#include "validate.h"
#include "../lib/text.h"
#include "labels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const source_columns[SEED_SRC_NCOLS] = {
    "id",	   "title",	     "publisher", "url",  "licence",
    "attribution", "reference_date", "retrieved", "note",
};

const char *const domain_columns[SEED_DOM_NCOLS] = {"key", "name", "description"};

const char *const org_columns[SEED_ORG_NCOLS] = {
    "code",
    "kind",
    "name",
    "cbs_code",
    "tooi",
    "in_province",
    "valid_from",
    "valid_to",
    "successor_code",
    "population",
    "population_date",
    "area_km2",
    "collaboration_key",
    "source_id",
    "last_confirmed",
    "note",
    "ended",
};

const char *const collab_columns[SEED_COL_NCOLS] = {
    "key",     "name",	    "short_name",     "kind", "legal_form", "powers",
    "domains", "phase",	    "purpose",	      "seat", "start_date", "end_date",
    "website", "source_id", "last_confirmed", "note",
};

const char *const part_columns[SEED_PAR_NCOLS] = {
    "collaboration_key", "organisation_code", "body",	"role",
    "cost_share",	 "contribution_eur",  "joined", "left",
    "source_id",	 "last_confirmed",    "note",
};

bool validate_is_key(const char *s)
{
	if (!s)
		return false;
	size_t n = 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
		if (n >= 80)
			return false;
	}
	return n >= 2;
}

bool validate_is_date_opt(const char *s)
{
	return str_empty(s) || is_iso_date(s);
}

bool validate_is_url_opt(const char *s)
{
	if (str_empty(s))
		return true;
	const char *rest;
	if (strncmp(s, "https://", 8) == 0)
		rest = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		rest = s + 7;
	else
		return false;
	if (!*rest || *rest == '/')
		return false; /* no host */
	if (strlen(s) > 2000)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
			return false;
	return true;
}

bool validate_is_flag_opt(const char *s)
{
	return str_empty(s) || strcmp(s, "0") == 0 || strcmp(s, "1") == 0;
}

bool validate_count_opt(const char *s, long long *out)
{
	if (str_empty(s)) {
		if (out)
			*out = -1;
		return true;
	}
	long long v = 0;
	size_t n = 0;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= 15)
			return false;
		v = v * 10 + (s[n] - '0');
	}
	if (out)
		*out = v;
	return true;
}

bool validate_number_opt(const char *s, double min, double max, double *out)
{
	if (str_empty(s)) {
		if (out)
			*out = -1;
		return true;
	}
	/* digits, optionally one '.' followed by digits; an optional leading '-' */
	const char *p = s;
	if (*p == '-')
		p++;
	int digits = 0, frac = 0;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			frac++;
		}
		if (frac == 0)
			return false;
	}
	if (*p || digits == 0 || digits > 15 || frac > 15)
		return false;
	double v = strtod(s, NULL);
	if (v < min || v > max)
		return false;
	if (out)
		*out = v;
	return true;
}

int validate_split_domains(const char *s, char keys[][81], int max)
{
	int n = 0;
	if (!s)
		return 0;
	while (*s) {
		const char *end = strchr(s, ';');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		const char *a = s, *b = s + len;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b > a) {
			if ((size_t)(b - a) > 80 || n >= max)
				return -1;
			memcpy(keys[n], a, (size_t)(b - a));
			keys[n][b - a] = '\0';
			if (!validate_is_key(keys[n]))
				return -1;
			n++;
		}
		if (!end)
			break;
		s = end + 1;
	}
	return n;
}

/* Copy at most 60 bytes of s for a message, cut at a UTF-8 boundary. */
static const char *shown(const char *s, char out[72])
{
	size_t n = strlen(s);
	if (n <= 60) {
		memcpy(out, s, n + 1);
		return out;
	}
	n = 60;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, s, n);
	memcpy(out + n, "…", sizeof "…");
	return out;
}

/* Column checks. Each returns 0 or -1 after writing err. */

static int need(const char *v, const char *col, char *err, size_t errlen)
{
	if (str_empty(v)) {
		snprintf(err, errlen, "kolom %s is verplicht maar leeg", col);
		return -1;
	}
	return 0;
}

/* Control characters are refused; allow_nl permits \n, \r and \t (notes). */
static int text(const char *v, const char *col, size_t max, bool allow_nl, char *err, size_t errlen)
{
	if (strlen(v) > max) {
		snprintf(err, errlen, "kolom %s is langer dan %zu tekens", col, max);
		return -1;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			if (allow_nl && (*p == '\n' || *p == '\r' || *p == '\t'))
				continue;
			snprintf(err, errlen, "kolom %s bevat een stuurteken", col);
			return -1;
		}
	}
	return 0;
}

static int name(const char *v, const char *col, bool required, char *err, size_t errlen)
{
	if (required && need(v, col, err, errlen))
		return -1;
	return text(v, col, VALIDATE_MAX_NAME, false, err, errlen);
}

static int note(const char *v, const char *col, char *err, size_t errlen)
{
	return text(v, col, VALIDATE_MAX_TEXT, true, err, errlen);
}

static int key(const char *v, const char *col, bool required, char *err, size_t errlen)
{
	char b[72];
	if (str_empty(v))
		return required ? need(v, col, err, errlen) : 0;
	if (!validate_is_key(v)) {
		snprintf(err, errlen,
			 "kolom %s: '%s' is geen geldige code (2 tot 80 tekens a-z, 0-9 en -)", col,
			 shown(v, b));
		return -1;
	}
	return 0;
}

static int date(const char *v, const char *col, bool required, char *err, size_t errlen)
{
	char b[72];
	if (required && need(v, col, err, errlen))
		return -1;
	if (!validate_is_date_opt(v)) {
		snprintf(err, errlen, "kolom %s: '%s' is geen geldige datum (JJJJ-MM-DD)", col,
			 shown(v, b));
		return -1;
	}
	return 0;
}

/* from and to are valid or empty dates; to must not lie before from. */
static int period(const char *from, const char *to, const char *cfrom, const char *cto, char *err,
		  size_t errlen)
{
	if (!str_empty(from) && !str_empty(to) && strcmp(to, from) < 0) {
		snprintf(err, errlen, "kolom %s (%s) ligt vóór %s (%s)", cto, to, cfrom, from);
		return -1;
	}
	return 0;
}

static int code(const struct label *t, int n, const char *v, const char *col, char *err,
		size_t errlen)
{
	char b[72];
	if (label_from_db(t, n, v) >= 0)
		return 0;
	if (str_empty(v)) {
		snprintf(err, errlen, "kolom %s is verplicht maar leeg", col);
		return -1;
	}
	/* list the allowed values */
	size_t off = (size_t)snprintf(
	    err, errlen, "kolom %s: onbekende waarde '%s'; toegestaan:", col, shown(v, b));
	for (int i = 0; i < n && off < errlen; i++) {
		if (!*t[i].db)
			continue;
		off += (size_t)snprintf(err + off, errlen - off, " %s", t[i].db);
	}
	return -1;
}

static int flag(const char *v, const char *col, char *err, size_t errlen)
{
	char b[72];
	if (!validate_is_flag_opt(v)) {
		snprintf(err, errlen, "kolom %s: '%s' moet 0 of 1 zijn", col, shown(v, b));
		return -1;
	}
	return 0;
}

static int count(const char *v, const char *col, char *err, size_t errlen)
{
	char b[72];
	if (!validate_count_opt(v, NULL)) {
		snprintf(err, errlen, "kolom %s: '%s' is geen geheel getal van 0 of meer", col,
			 shown(v, b));
		return -1;
	}
	return 0;
}

static int number(const char *v, const char *col, double min, double max, char *err, size_t errlen)
{
	char b[72];
	if (!validate_number_opt(v, min, max, NULL)) {
		snprintf(err, errlen,
			 "kolom %s: '%s' is geen getal tussen %g en %g (punt als decimaalteken)",
			 col, shown(v, b), min, max);
		return -1;
	}
	return 0;
}

static int url(const char *v, const char *col, char *err, size_t errlen)
{
	char b[72];
	if (!validate_is_url_opt(v)) {
		snprintf(err, errlen, "kolom %s: '%s' is geen geldige http(s)-URL", col,
			 shown(v, b));
		return -1;
	}
	return 0;
}

/* Optional official code: two letters and 2 to 4 digits; upper case for CBS
 * ("GM0344", "PV26"), lower case for TOOI ("gm0344", "ws0636"). */
static int official(const char *v, const char *col, bool upper, char *err, size_t errlen)
{
	char b[72];
	if (str_empty(v))
		return 0;
	size_t n = strlen(v);
	bool ok = n >= 4 && n <= 6;
	for (size_t i = 0; ok && i < n; i++) {
		char c = v[i];
		if (i < 2)
			ok = upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z');
		else
			ok = c >= '0' && c <= '9';
	}
	if (!ok) {
		snprintf(err, errlen, "kolom %s: '%s' is geen geldige code (bijvoorbeeld %s)", col,
			 shown(v, b), upper ? "GM0344" : "gm0344");
		return -1;
	}
	return 0;
}

int validate_source_row(const char *const *f, char *err, size_t errlen)
{
	const char *const *c = source_columns;
	if (key(f[SEED_SRC_ID], c[SEED_SRC_ID], true, err, errlen) ||
	    name(f[SEED_SRC_TITLE], c[SEED_SRC_TITLE], true, err, errlen) ||
	    name(f[SEED_SRC_PUBLISHER], c[SEED_SRC_PUBLISHER], false, err, errlen) ||
	    url(f[SEED_SRC_URL], c[SEED_SRC_URL], err, errlen) ||
	    name(f[SEED_SRC_LICENCE], c[SEED_SRC_LICENCE], false, err, errlen) ||
	    name(f[SEED_SRC_ATTRIBUTION], c[SEED_SRC_ATTRIBUTION], false, err, errlen) ||
	    date(f[SEED_SRC_REFERENCE_DATE], c[SEED_SRC_REFERENCE_DATE], true, err, errlen) ||
	    date(f[SEED_SRC_RETRIEVED], c[SEED_SRC_RETRIEVED], false, err, errlen) ||
	    note(f[SEED_SRC_NOTE], c[SEED_SRC_NOTE], err, errlen))
		return -1;
	return 0;
}

int validate_domain_row(const char *const *f, char *err, size_t errlen)
{
	const char *const *c = domain_columns;
	if (key(f[SEED_DOM_KEY], c[SEED_DOM_KEY], true, err, errlen) ||
	    name(f[SEED_DOM_NAME], c[SEED_DOM_NAME], true, err, errlen) ||
	    note(f[SEED_DOM_DESCRIPTION], c[SEED_DOM_DESCRIPTION], err, errlen))
		return -1;
	return 0;
}

int validate_org_row(const char *const *f, char *err, size_t errlen)
{
	const char *const *c = org_columns;
	if (key(f[SEED_ORG_CODE], c[SEED_ORG_CODE], true, err, errlen) ||
	    code(org_kind_labels, LABEL_COUNT(org_kind_labels), f[SEED_ORG_KIND], c[SEED_ORG_KIND],
		 err, errlen) ||
	    name(f[SEED_ORG_NAME], c[SEED_ORG_NAME], true, err, errlen) ||
	    official(f[SEED_ORG_CBS_CODE], c[SEED_ORG_CBS_CODE], true, err, errlen) ||
	    official(f[SEED_ORG_TOOI], c[SEED_ORG_TOOI], false, err, errlen) ||
	    flag(f[SEED_ORG_IN_PROVINCE], c[SEED_ORG_IN_PROVINCE], err, errlen) ||
	    date(f[SEED_ORG_VALID_FROM], c[SEED_ORG_VALID_FROM], false, err, errlen) ||
	    date(f[SEED_ORG_VALID_TO], c[SEED_ORG_VALID_TO], false, err, errlen) ||
	    period(f[SEED_ORG_VALID_FROM], f[SEED_ORG_VALID_TO], c[SEED_ORG_VALID_FROM],
		   c[SEED_ORG_VALID_TO], err, errlen) ||
	    key(f[SEED_ORG_SUCCESSOR_CODE], c[SEED_ORG_SUCCESSOR_CODE], false, err, errlen) ||
	    count(f[SEED_ORG_POPULATION], c[SEED_ORG_POPULATION], err, errlen) ||
	    date(f[SEED_ORG_POPULATION_DATE], c[SEED_ORG_POPULATION_DATE], false, err, errlen) ||
	    number(f[SEED_ORG_AREA_KM2], c[SEED_ORG_AREA_KM2], 0, 1e6, err, errlen) ||
	    key(f[SEED_ORG_COLLABORATION_KEY], c[SEED_ORG_COLLABORATION_KEY], false, err, errlen) ||
	    key(f[SEED_ORG_SOURCE_ID], c[SEED_ORG_SOURCE_ID], true, err, errlen) ||
	    date(f[SEED_ORG_LAST_CONFIRMED], c[SEED_ORG_LAST_CONFIRMED], false, err, errlen) ||
	    note(f[SEED_ORG_NOTE], c[SEED_ORG_NOTE], err, errlen) ||
	    flag(f[SEED_ORG_ENDED], c[SEED_ORG_ENDED], err, errlen))
		return -1;
	if (strcmp(f[SEED_ORG_SUCCESSOR_CODE], f[SEED_ORG_CODE]) == 0) {
		snprintf(err, errlen, "kolom %s: een organisatie kan niet haar eigen opvolger zijn",
			 c[SEED_ORG_SUCCESSOR_CODE]);
		return -1;
	}
	return 0;
}

int validate_collab_row(const char *const *f, char *err, size_t errlen)
{
	const char *const *c = collab_columns;
	char keys[VALIDATE_MAX_DOMAINS][81];
	if (key(f[SEED_COL_KEY], c[SEED_COL_KEY], true, err, errlen) ||
	    name(f[SEED_COL_NAME], c[SEED_COL_NAME], true, err, errlen) ||
	    name(f[SEED_COL_SHORT_NAME], c[SEED_COL_SHORT_NAME], false, err, errlen) ||
	    code(collab_kind_labels, LABEL_COUNT(collab_kind_labels), f[SEED_COL_KIND],
		 c[SEED_COL_KIND], err, errlen) ||
	    code(legal_form_labels, LABEL_COUNT(legal_form_labels), f[SEED_COL_LEGAL_FORM],
		 c[SEED_COL_LEGAL_FORM], err, errlen) ||
	    code(powers_labels, LABEL_COUNT(powers_labels), f[SEED_COL_POWERS], c[SEED_COL_POWERS],
		 err, errlen))
		return -1;
	if (validate_split_domains(f[SEED_COL_DOMAINS], keys, VALIDATE_MAX_DOMAINS) < 0) {
		snprintf(
		    err, errlen,
		    "kolom %s: verwacht codes van beleidsdomeinen gescheiden door ';' (hoogstens "
		    "%d)",
		    c[SEED_COL_DOMAINS], VALIDATE_MAX_DOMAINS);
		return -1;
	}
	if (code(phase_labels, LABEL_COUNT(phase_labels), f[SEED_COL_PHASE], c[SEED_COL_PHASE], err,
		 errlen) ||
	    note(f[SEED_COL_PURPOSE], c[SEED_COL_PURPOSE], err, errlen) ||
	    name(f[SEED_COL_SEAT], c[SEED_COL_SEAT], false, err, errlen) ||
	    date(f[SEED_COL_START_DATE], c[SEED_COL_START_DATE], false, err, errlen) ||
	    date(f[SEED_COL_END_DATE], c[SEED_COL_END_DATE], false, err, errlen) ||
	    period(f[SEED_COL_START_DATE], f[SEED_COL_END_DATE], c[SEED_COL_START_DATE],
		   c[SEED_COL_END_DATE], err, errlen) ||
	    url(f[SEED_COL_WEBSITE], c[SEED_COL_WEBSITE], err, errlen) ||
	    key(f[SEED_COL_SOURCE_ID], c[SEED_COL_SOURCE_ID], true, err, errlen) ||
	    date(f[SEED_COL_LAST_CONFIRMED], c[SEED_COL_LAST_CONFIRMED], false, err, errlen) ||
	    note(f[SEED_COL_NOTE], c[SEED_COL_NOTE], err, errlen))
		return -1;
	return 0;
}

int validate_part_row(const char *const *f, char *err, size_t errlen)
{
	const char *const *c = part_columns;
	if (key(f[SEED_PAR_COLLABORATION_KEY], c[SEED_PAR_COLLABORATION_KEY], true, err, errlen) ||
	    key(f[SEED_PAR_ORGANISATION_CODE], c[SEED_PAR_ORGANISATION_CODE], true, err, errlen) ||
	    code(body_labels, LABEL_COUNT(body_labels), f[SEED_PAR_BODY], c[SEED_PAR_BODY], err,
		 errlen) ||
	    code(role_labels, LABEL_COUNT(role_labels), f[SEED_PAR_ROLE], c[SEED_PAR_ROLE], err,
		 errlen) ||
	    number(f[SEED_PAR_COST_SHARE], c[SEED_PAR_COST_SHARE], 0, 1, err, errlen) ||
	    count(f[SEED_PAR_CONTRIBUTION_EUR], c[SEED_PAR_CONTRIBUTION_EUR], err, errlen) ||
	    date(f[SEED_PAR_JOINED], c[SEED_PAR_JOINED], false, err, errlen) ||
	    date(f[SEED_PAR_LEFT], c[SEED_PAR_LEFT], false, err, errlen) ||
	    period(f[SEED_PAR_JOINED], f[SEED_PAR_LEFT], c[SEED_PAR_JOINED], c[SEED_PAR_LEFT], err,
		   errlen) ||
	    key(f[SEED_PAR_SOURCE_ID], c[SEED_PAR_SOURCE_ID], true, err, errlen) ||
	    date(f[SEED_PAR_LAST_CONFIRMED], c[SEED_PAR_LAST_CONFIRMED], false, err, errlen) ||
	    note(f[SEED_PAR_NOTE], c[SEED_PAR_NOTE], err, errlen))
		return -1;
	return 0;
}
