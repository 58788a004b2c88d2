/*
 * diff — readable Dutch lines for one audit event (see diff.h). Field
 * descriptions per stored column name map values to labels; everything is
 * plain text (escaping is the caller's job).
 */
#include "diff.h"
#include "labels.h"
#include "../lib/text.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define DIFF_TEXT_MAX 160 /* code points shown of a long text value */

enum vtype { V_TEXT, V_DATE, V_ENUM, V_ORG, V_COLLAB, V_DOMAINS, V_INT, V_DECIMAL, V_FLAG, V_SKIP };

struct field_desc {
	const char *key; /* stored name */
	const char *alt; /* API name, or NULL */
	const char *label;
	enum vtype type;
	const struct label *labels; /* V_ENUM */
	int n_labels;
};

#define E(t) V_ENUM, t, LABEL_COUNT(t)
#define P(t) t, NULL, 0

static const struct field_desc fields[] = {
    {"name", "naam", "Naam", P(V_TEXT)},
    {"short_name", "korteNaam", "Korte naam", P(V_TEXT)},
    {"code", NULL, "Code", P(V_TEXT)},
    {"kind", "soort", "Soort", V_SKIP, NULL, 0}, /* entity-specific, see kind_desc */
    {"legal_form", "juridischeVorm", "Juridische vorm", E(legal_form_labels)},
    {"powers", "bevoegdheidsverkrijging", "Bevoegdheidsverkrijging", E(powers_labels)},
    {"domains", "beleidsdomeinen", "Beleidsdomeinen", P(V_DOMAINS)},
    {"phase", "fase", "Fase", E(phase_labels)},
    {"purpose", "doel", "Doel", P(V_TEXT)},
    {"seat", "vestigingsplaats", "Vestigingsplaats", P(V_TEXT)},
    {"start_date", "startdatum", "Startdatum", P(V_DATE)},
    {"end_date", "einddatum", "Einddatum", P(V_DATE)},
    {"website", NULL, "Website", P(V_TEXT)},
    {"collaboration", "samenwerkingsverband", "Samenwerkingsverband", P(V_COLLAB)},
    {"organisation", "organisatie", "Organisatie", P(V_ORG)},
    {"organisatieNaam", NULL, "Naam organisatie", P(V_SKIP)},
    {"body", "orgaan", "Orgaan", E(body_labels)},
    {"role", "rol", "Rol", E(role_labels)},
    {"cost_share", "kostenverdeelsleutel", "Kostenverdeelsleutel", P(V_DECIMAL)},
    {"contribution_eur", "bijdrage", "Bijdrage (euro per jaar)", P(V_INT)},
    {"joined", "toegetreden", "Toegetreden", P(V_DATE)},
    {"left", "uitgetreden", "Uitgetreden", P(V_DATE)},
    {"left_on", NULL, "Uitgetreden", P(V_DATE)},
    {"cbs_code", NULL, "CBS-code", P(V_TEXT)},
    {"tooi", NULL, "TOOI-code", P(V_TEXT)},
    {"in_province", NULL, "In de provincie Utrecht", P(V_FLAG)},
    {"valid_from", NULL, "Bestaat sinds", P(V_DATE)},
    {"valid_to", NULL, "Opgeheven per", P(V_DATE)},
    {"ended", NULL, "Opgeheven", P(V_FLAG)},
    {"successor", "opvolger", "Opvolger", P(V_ORG)},
    {"population", "inwoners", "Inwoners", P(V_INT)},
    {"population_date", NULL, "Peildatum inwoners", P(V_DATE)},
    {"area_km2", "oppervlakte", "Oppervlakte (km²)", P(V_DECIMAL)},
    {"source", "bron", "Bron", P(V_TEXT)},
    {"note", "opmerking", "Opmerking", P(V_TEXT)},
    {"last_confirmed", "laatstBevestigd", "Laatst bevestigd", P(V_DATE)},
    {"confirmed_by", "bevestigdDoor", "Bevestigd door", P(V_TEXT)},
    {"title", NULL, "Titel", P(V_TEXT)},
    {"description", NULL, "Omschrijving", P(V_TEXT)},
    {"key", NULL, "Sleutel", P(V_TEXT)},
    {"version", "versie", "Versie", P(V_SKIP)},
    {"id", NULL, "Id", P(V_SKIP)},
};
#define N_FIELDS ((int)(sizeof fields / sizeof fields[0]))

static const struct {
	const char *entity, *label;
} entity_labels[] = {
    {"collaboration", "samenwerkingsverband"},
    {"participation", "deelname"},
    {"organisation", "organisatie"},
    {"source", "bron"},
    {"domain", "beleidsdomein"},
};

const char *diff_entity_label(const char *entity)
{
	for (size_t i = 0; i < sizeof entity_labels / sizeof entity_labels[0]; i++)
		if (entity && strcmp(entity, entity_labels[i].entity) == 0)
			return entity_labels[i].label;
	return entity ? entity : "";
}

void diff_date_nl(struct buf *out, const char *iso)
{
	static const char *const months[] = {"januari",	  "februari", "maart",	  "april",
					     "mei",	  "juni",     "juli",	  "augustus",
					     "september", "oktober",  "november", "december"};
	if (!is_iso_date(iso)) {
		buf_puts(out, iso ? iso : "");
		return;
	}
	int m = (iso[5] - '0') * 10 + (iso[6] - '0');
	int d = (iso[8] - '0') * 10 + (iso[9] - '0');
	buf_printf(out, "%d %s %.4s", d, months[m - 1], iso);
}

/* The field description for key in entity; NULL when unknown. */
static const struct field_desc *find_field(const char *entity, const char *key)
{
	static const struct field_desc org_kind = {"kind", "soort", "Soort", E(org_kind_labels)};
	static const struct field_desc collab_kind = {"kind", "soort", "Soort",
						      E(collab_kind_labels)};
	if (strcmp(key, "kind") == 0 || strcmp(key, "soort") == 0) {
		if (strcmp(entity, "organisation") == 0)
			return &org_kind;
		if (strcmp(entity, "collaboration") == 0)
			return &collab_kind;
	}
	for (int i = 0; i < N_FIELDS; i++)
		if (strcmp(fields[i].key, key) == 0 ||
		    (fields[i].alt && strcmp(fields[i].alt, key) == 0))
			return &fields[i];
	return NULL;
}

/* Copy s without control characters (newlines become spaces), at most max
 * code points (then "…"). */
static void put_clean(struct buf *out, const char *s, size_t max)
{
	size_t cps = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) != 0x80) {
			if (cps == max) {
				buf_puts(out, "…");
				return;
			}
			cps++;
		}
		buf_putc(out, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
	}
}

/* Lower-case the first letter when it is ASCII (labels in running text). */
static void put_label_lc(struct buf *out, const char *label)
{
	if (label[0] >= 'A' && label[0] <= 'Z') {
		buf_putc(out, (char)(label[0] - 'A' + 'a'));
		put_clean(out, label + 1, DIFF_TEXT_MAX);
	} else {
		put_clean(out, label, DIFF_TEXT_MAX);
	}
}

static void put_org(struct buf *out, const struct snapshot *snap, const char *code)
{
	int i = snap ? snapshot_find_org(snap, code) : -1;
	put_clean(out, i >= 0 ? snap->orgs[i].name : code, DIFF_TEXT_MAX);
}

static void put_domains(struct buf *out, const struct snapshot *snap, const char *list)
{
	char key[81];
	int n = 0;
	const char *p = list;
	while (*p) {
		size_t len = strcspn(p, ";,");
		if (len > 0 && len < sizeof key) {
			memcpy(key, p, len);
			key[len] = '\0';
			int d = snap ? snapshot_find_domain(snap, key) : -1;
			buf_puts(out, n++ ? ", " : "");
			put_clean(out, d >= 0 ? snap->domains[d].name : key, DIFF_TEXT_MAX);
		}
		p += len;
		if (*p)
			p++;
	}
	if (n == 0)
		buf_puts(out, "(leeg)");
}

/* Write one value as text. */
static void put_value(struct buf *out, const struct snapshot *snap, const struct field_desc *f,
		      json_t *v)
{
	enum vtype t = f ? f->type : V_TEXT;
	if (!v || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) {
		if (t == V_ENUM && f->labels[0].db[0] == '\0')
			put_label_lc(out, f->labels[0].label); /* "onbekend" */
		else
			buf_puts(out, "(leeg)");
		return;
	}
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		int i;
		switch (t) {
		case V_DATE:
			diff_date_nl(out, s);
			return;
		case V_ENUM:
			i = label_from_db(f->labels, f->n_labels, s);
			if (i < 0)
				i = label_from_api(f->labels, f->n_labels, s);
			if (i >= 0)
				put_label_lc(out, f->labels[i].label);
			else
				put_clean(out, s, DIFF_TEXT_MAX);
			return;
		case V_ORG:
			put_org(out, snap, s);
			return;
		case V_COLLAB:
			i = snap ? snapshot_find_collab(snap, s) : -1;
			put_clean(out, i >= 0 ? snap->collabs[i].name : s, DIFF_TEXT_MAX);
			return;
		case V_DOMAINS:
			put_domains(out, snap, s);
			return;
		default:
			put_clean(out, s, DIFF_TEXT_MAX);
			return;
		}
	}
	if (json_is_integer(v)) {
		long long n = json_integer_value(v);
		if (t == V_FLAG) {
			buf_puts(out, n ? "ja" : "nee");
		} else if (t == V_INT && n >= 1000) {
			char digits[32];
			int len = snprintf(digits, sizeof digits, "%lld", n);
			for (int k = 0; k < len; k++) {
				if (k > 0 && (len - k) % 3 == 0)
					buf_putc(out, '.');
				buf_putc(out, digits[k]);
			}
		} else {
			buf_printf(out, "%lld", n);
		}
		return;
	}
	if (json_is_real(v)) {
		char num[64];
		snprintf(num, sizeof num, "%.6g", json_real_value(v));
		for (char *c = num; *c; c++)
			if (*c == '.')
				*c = ',';
		buf_puts(out, num);
		return;
	}
	if (json_is_boolean(v)) {
		buf_puts(out, json_is_true(v) ? "ja" : "nee");
		return;
	}
	char *dump = json_dumps(v, JSON_COMPACT);
	put_clean(out, dump ? dump : "?", DIFF_TEXT_MAX);
	free(dump);
}

static const char *jget_str(json_t *o, const char *key, const char *alt)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	if (!v && alt && o)
		v = json_object_get(o, alt);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static json_t *parse(const char *s)
{
	if (str_empty(s))
		return NULL;
	json_t *j = json_loads(s, JSON_REJECT_DUPLICATES, NULL);
	if (j && !json_is_object(j)) {
		json_decref(j);
		return NULL;
	}
	return j;
}

/* The participation's organisation code (from either image). */
static const char *part_org(json_t *before, json_t *after)
{
	const char *c = jget_str(after, "organisation", "organisatie");
	return c ? c : jget_str(before, "organisation", "organisatie");
}

/* Name of the record for insert/delete lines. */
static void put_record_name(struct buf *out, const struct snapshot *snap, const char *entity,
			    json_t *o)
{
	const char *s;
	if (strcmp(entity, "participation") == 0) {
		s = jget_str(o, "organisation", "organisatie");
		put_org(out, snap, s ? s : "?");
		return;
	}
	if ((s = jget_str(o, "name", "naam")) || (s = jget_str(o, "title", NULL)) ||
	    (s = jget_str(o, "key", NULL)) || (s = jget_str(o, "code", NULL)))
		put_clean(out, s, DIFF_TEXT_MAX);
	else
		buf_puts(out, "?");
}

/* " (per 1 januari 2025)" when date is set. */
static void put_per(struct buf *out, const char *date)
{
	if (str_empty(date))
		return;
	buf_puts(out, " (per ");
	diff_date_nl(out, date);
	buf_puts(out, ")");
}

/* One "Label: old → new" line for key; returns 1 when written. */
static int change_line(struct buf *out, const struct snapshot *snap, const char *entity,
		       const char *org_prefix, const char *key, json_t *b, json_t *a)
{
	if (b && a && json_equal(b, a))
		return 0;
	/* "" and null mean the same: no value */
	bool b_empty = !b || json_is_null(b) || (json_is_string(b) && !json_string_length(b));
	bool a_empty = !a || json_is_null(a) || (json_is_string(a) && !json_string_length(a));
	if (b_empty && a_empty)
		return 0;
	const struct field_desc *f = find_field(entity, key);
	if (f && f->type == V_SKIP)
		return 0;
	if (f)
		buf_puts(out, f->label);
	else
		put_clean(out, key, 48);
	if (org_prefix) {
		buf_puts(out, " (");
		put_org(out, snap, org_prefix);
		buf_puts(out, ")");
	}
	buf_puts(out, ": ");
	put_value(out, snap, f, b);
	buf_puts(out, " → ");
	put_value(out, snap, f, a);
	buf_putc(out, '\n');
	return 1;
}

/* Changed fields of an update: known fields in table order, then the rest. */
static int update_lines(struct buf *out, const struct snapshot *snap, const char *entity,
			json_t *before, json_t *after, bool skip_confirm)
{
	int n = 0;
	const char *org = strcmp(entity, "participation") == 0 ? part_org(before, after) : NULL;
	const char *key;
	json_t *v;

	/* a participation that gets an end date reads as "uitgetreden" */
	if (org) {
		const char *lb = jget_str(before, "left", "uitgetreden");
		const char *la = jget_str(after, "left", "uitgetreden");
		if (!lb)
			lb = jget_str(before, "left_on", NULL);
		if (!la)
			la = jget_str(after, "left_on", NULL);
		if (str_empty(lb) && !str_empty(la)) {
			buf_puts(out, "Deelnemer uitgetreden: ");
			put_org(out, snap, org);
			put_per(out, la);
			buf_putc(out, '\n');
			n++;
		}
	}
	json_t *seen = json_object();
	for (int pass = 0; pass < 2; pass++) {
		json_t *src = pass == 0 ? before : after;
		if (!src)
			continue;
		json_object_foreach(src, key, v)
		{
			if (json_object_get(seen, key))
				continue;
			json_object_set_new(seen, key, json_true());
			if (skip_confirm && (strcmp(key, "last_confirmed") == 0 ||
					     strcmp(key, "confirmed_by") == 0 ||
					     strcmp(key, "laatstBevestigd") == 0))
				continue;
			if (org && n > 0 &&
			    (strcmp(key, "left") == 0 || strcmp(key, "left_on") == 0 ||
			     strcmp(key, "uitgetreden") == 0))
				continue; /* already said as "uitgetreden" */
			json_t *b = before ? json_object_get(before, key) : NULL;
			json_t *a = after ? json_object_get(after, key) : NULL;
			n += change_line(out, snap, entity, org, key, b, a);
		}
	}
	json_decref(seen);
	return n;
}

int diff_describe(struct buf *out, const struct snapshot *snap, const char *entity,
		  const char *action, const char *before, const char *after)
{
	json_t *b = parse(before), *a = parse(after);
	int n = 0;
	bool part = entity && strcmp(entity, "participation") == 0;
	entity = entity ? entity : "";
	action = action ? action : "";

	if (strcmp(action, "insert") == 0) {
		if (part) {
			buf_puts(out, "Deelnemer toegevoegd: ");
			put_record_name(out, snap, entity, a);
			put_per(out, jget_str(a, "joined", "toegetreden"));
		} else {
			const char *l = diff_entity_label(entity);
			buf_putc(out, (char)(l[0] >= 'a' && l[0] <= 'z' ? l[0] - 'a' + 'A' : l[0]));
			buf_puts(out, l[0] ? l + 1 : "");
			buf_puts(out, " opgenomen: ");
			put_record_name(out, snap, entity, a);
		}
		buf_putc(out, '\n');
		n = 1;
	} else if (strcmp(action, "delete") == 0 && a) {
		/* a soft delete (ending) keeps the row: show what changed */
		if (!part) {
			const char *l = diff_entity_label(entity);
			buf_putc(out, (char)(l[0] >= 'a' && l[0] <= 'z' ? l[0] - 'a' + 'A' : l[0]));
			buf_puts(out, l[0] ? l + 1 : "");
			buf_puts(out, " beëindigd\n");
			n = 1;
		}
		n += update_lines(out, snap, entity, b, a, false);
	} else if (strcmp(action, "delete") == 0) {
		buf_puts(out, part ? "Deelnemer verwijderd: " : "Verwijderd: ");
		put_record_name(out, snap, entity, b);
		buf_putc(out, '\n');
		n = 1;
	} else if (strcmp(action, "confirm") == 0) {
		if (part) {
			buf_puts(out, "Deelname van ");
			put_record_name(out, snap, entity, a ? a : b);
			buf_puts(out, " bevestigd als juist\n");
		} else {
			buf_puts(out, "Bevestigd dat de gegevens kloppen\n");
		}
		n = 1 + update_lines(out, snap, entity, b, a, true);
	} else {
		n = update_lines(out, snap, entity, b, a, false);
	}
	if (n == 0) {
		buf_puts(out, "Geen inhoudelijke wijziging\n");
		n = 1;
	}
	json_decref(b);
	json_decref(a);
	return n;
}
