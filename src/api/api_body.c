/*
 * api_body — JSON bodies of the write API into store input structs; see
 * api_body.h. Kept apart from api_write.c so that the fuzz target and
 * the unit test run the code the server runs, without a request.
 */
#include "api_body.h"

#include "../lib/buf.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* How one member of the body is read. */
enum jkind {
	J_STR,	   /* string; null clears */
	J_CODE,	   /* string, or an object with "code" (as GET shows it) */
	J_SOURCE,  /* string, or an object with "id" */
	J_DOMAINS, /* array of strings or {code} objects, or a ;-separated string */
	J_NUM,	   /* number or numeric string */
	J_INT,	   /* integer or numeric string */
	J_FIXED,   /* may only be given on create */
	J_IGNORE,  /* read-only member of the GET representation: ignored */
};

struct jfield {
	const char *name;
	enum jkind kind;
	size_t off; /* offset of the const char * in the input struct */
};

#define CF(n, k, m)                                                                                \
	{                                                                                          \
		n, k, offsetof(struct collab_input, m)                                             \
	}
static const struct jfield collab_fields[] = {
    CF("naam", J_STR, name),
    CF("korteNaam", J_STR, short_name),
    CF("soort", J_STR, kind),
    CF("juridischeVorm", J_CODE, legal_form),
    CF("bevoegdheidsverkrijging", J_STR, powers),
    CF("beleidsdomeinen", J_DOMAINS, domains),
    CF("fase", J_STR, phase),
    CF("doel", J_STR, purpose),
    CF("vestigingsplaats", J_STR, seat),
    CF("startdatum", J_STR, start_date),
    CF("einddatum", J_STR, end_date),
    CF("website", J_STR, website),
    CF("opmerking", J_STR, note),
    CF("bron", J_SOURCE, source_key),
    {"id", J_IGNORE, 0},
    {"actief", J_IGNORE, 0},
    {"aantalDeelnemers", J_IGNORE, 0},
    {"laatstBevestigd", J_IGNORE, 0},
    {"versie", J_IGNORE, 0},
    {"deelnemers", J_IGNORE, 0},
    {"_links", J_IGNORE, 0},
    {NULL, J_IGNORE, 0},
};

#define PF(n, k, m)                                                                                \
	{                                                                                          \
		n, k, offsetof(struct part_input, m)                                               \
	}
static const struct jfield part_fields[] = {
    PF("organisatie", J_FIXED, org_code),
    PF("orgaan", J_STR, body),
    PF("rol", J_STR, role),
    PF("kostenverdeelsleutel", J_NUM, cost_share),
    PF("bijdrage", J_INT, contribution),
    PF("toegetreden", J_STR, joined),
    PF("uitgetreden", J_STR, left),
    PF("opmerking", J_STR, note),
    {"id", J_IGNORE, 0},
    {"versie", J_IGNORE, 0},
    {"actief", J_IGNORE, 0},
    {"bron", J_IGNORE, 0},
    {"laatstBevestigd", J_IGNORE, 0},
    {"_links", J_IGNORE, 0},
    {NULL, J_IGNORE, 0},
};

static void add_error(struct field_errors *e, const char *field, const char *msg)
{
	if (e->n >= FIELD_ERRORS_MAX)
		return;
	snprintf(e->e[e->n].field, sizeof e->e[e->n].field, "%s", field);
	snprintf(e->e[e->n].message, sizeof e->e[e->n].message, "%s", msg);
	e->n++;
}

/*
 * Report unknown member key. Its name goes into invalidParams cut to the
 * size of field_error.field on a character boundary: key is valid UTF-8
 * (jansson checks), so stepping back over continuation bytes (10xxxxxx)
 * lands on the start of a character. A plain byte cut could split one and
 * put invalid UTF-8 into the reply (found with fuzz_json_body).
 */
static void add_unknown(struct field_errors *e, const char *key)
{
	char name[sizeof e->e[0].field];
	size_t n = strlen(key);
	if (n >= sizeof name) {
		n = sizeof name - 1;
		while (n > 0 && ((unsigned char)key[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(name, key, n);
	name[n] = '\0';
	add_error(e, name, "Onbekend veld.");
}

/* The text of one JSON value for field f, or NULL with an error added. */
static const char *value_text(struct arena *a, const struct jfield *f, json_t *v,
			      struct field_errors *e)
{
	if (json_is_null(v))
		return "";
	switch (f->kind) {
	case J_CODE:
	case J_SOURCE:
		if (json_is_object(v))
			v = json_object_get(v, f->kind == J_CODE ? "code" : "id");
		if (json_is_null(v))
			return "";
		/* fall through */
	case J_STR:
	case J_FIXED:
		if (json_is_string(v))
			return arena_strdup(a, json_string_value(v));
		add_error(e, f->name, "Moet tekst zijn.");
		return NULL;
	case J_DOMAINS: {
		if (json_is_string(v))
			return arena_strdup(a, json_string_value(v));
		if (!json_is_array(v)) {
			add_error(e, f->name, "Moet een lijst met codes van beleidsdomeinen zijn.");
			return NULL;
		}
		struct buf b = BUF_INIT;
		size_t i;
		json_t *x;
		bool ok = true;
		json_array_foreach(v, i, x)
		{
			if (json_is_object(x))
				x = json_object_get(x, "code");
			const char *s = json_string_value(x);
			if (!s || strpbrk(s, ";,")) {
				ok = false;
				break;
			}
			buf_printf(&b, "%s%s", i ? ";" : "", s);
		}
		const char *out = ok ? arena_strdup(a, b.data ? b.data : "") : NULL;
		buf_free(&b);
		if (!ok)
			add_error(e, f->name, "Moet een lijst met codes van beleidsdomeinen zijn.");
		return out;
	}
	case J_NUM:
		if (json_is_number(v))
			return arena_printf(a, "%.15g", json_number_value(v));
		if (json_is_string(v))
			return arena_strdup(a, json_string_value(v));
		add_error(e, f->name, "Moet een getal zijn.");
		return NULL;
	case J_INT:
		if (json_is_integer(v))
			return arena_printf(a, "%lld", (long long)json_integer_value(v));
		if (json_is_string(v))
			return arena_strdup(a, json_string_value(v));
		add_error(e, f->name, "Moet een geheel getal zijn.");
		return NULL;
	case J_IGNORE:
		break;
	}
	return NULL;
}

static int refuse(struct api_body_error *err, int status, const char *title, const char *detail)
{
	err->status = status;
	err->title = title;
	err->detail = detail;
	return status;
}

/*
 * Parse body into the input struct `in` (fields of `fields`).
 * CREATE/REPLACE: absent writable fields become "" (cleared; the store
 * reports required ones); MERGE: absent fields stay NULL (kept).
 */
static int parse(struct arena *a, const char *body, size_t len, const char *content_type,
		 const struct jfield *fields, void *in, enum api_body_mode mode, bool allow_empty,
		 struct api_body_error *err)
{
	memset(err, 0, sizeof *err);
	if (!body || len == 0) {
		if (allow_empty)
			return 0;
		return refuse(err, 400, "Geen invoer",
			      "Stuur een JSON-object in de body van het verzoek.");
	}
	const char *ct = content_type ? content_type : "";
	size_t ctl = strcspn(ct, "; ");
	if (!((ctl == 16 && strncasecmp(ct, "application/json", 16) == 0) ||
	      (ctl == 28 && strncasecmp(ct, "application/merge-patch+json", 28) == 0)))
		return refuse(err, 415, "Onbekend formaat",
			      "Stuur JSON (Content-Type: application/json of "
			      "application/merge-patch+json).");
	json_error_t jerr;
	json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return refuse(err, 400, "Ongeldige JSON",
			      arena_printf(a, "De body is geen geldige JSON (regel %d, kolom %d).",
					   jerr.line, jerr.column));
	if (!json_is_object(root)) {
		json_decref(root);
		return refuse(err, 400, "Ongeldige JSON", "De body moet een JSON-object zijn.");
	}

	struct field_errors *e = &err->fields;
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v)
	{
		const struct jfield *f = NULL;
		for (int i = 0; fields[i].name; i++)
			if (strcmp(fields[i].name, key) == 0)
				f = &fields[i];
		if (!f) {
			add_unknown(e, key);
			continue;
		}
		if (f->kind == J_IGNORE)
			continue;
		if (f->kind == J_FIXED && mode != API_BODY_CREATE) {
			add_error(e, f->name,
				  "Kan niet worden gewijzigd; beëindig de deelname en "
				  "voeg een nieuwe toe.");
			continue;
		}
		const char *s = value_text(a, f, v, e);
		if (s)
			*(const char **)(void *)((char *)in + f->off) = s;
	}
	json_decref(root);
	if (mode != API_BODY_MERGE) {
		for (int i = 0; fields[i].name; i++) {
			const char **slot = (const char **)(void *)((char *)in + fields[i].off);
			if (fields[i].kind != J_IGNORE && fields[i].kind != J_SOURCE && !*slot &&
			    !(fields[i].kind == J_FIXED && mode != API_BODY_CREATE))
				*slot = "";
		}
	}
	if (e->n > 0)
		return refuse(err, 400, "Ongeldige invoer",
			      "De invoer bevat onbekende velden of waarden van het verkeerde "
			      "type. Er is niets gewijzigd.");
	return 0;
}

int api_body_collab(struct arena *a, const char *body, size_t len, const char *content_type,
		    enum api_body_mode mode, struct collab_input *in, struct api_body_error *err)
{
	return parse(a, body, len, content_type, collab_fields, in, mode, false, err);
}

int api_body_part(struct arena *a, const char *body, size_t len, const char *content_type,
		  enum api_body_mode mode, bool allow_empty, struct part_input *in,
		  struct api_body_error *err)
{
	return parse(a, body, len, content_type, part_fields, in, mode, allow_empty, err);
}
