/*
 * store_record — the generic record of the registry writers; see
 * store_record.h. Records are handled as a "rec": id, version, key and an
 * array of field values as text in API form (enumerations as api values,
 * numbers as text, "" for empty), described by a field table whose names
 * are the Dutch API names. The same table turns a rec into the audit JSON
 * image ({"naam": ..., "fase": "groei", ...}), so before/after read without
 * joins and a history page can show "Fase: groei → stabilisatie".
 */
#include "store_record.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define USER_SOURCE_TITLE "Ingevoerd door een partner in de Samenwerkingsatlas"

const struct fspec store_collab_spec[CF_N] = {
    [CF_NAME] = {"naam", FT_STR, NULL, 0},
    [CF_SHORT] = {"korteNaam", FT_STR, NULL, 0},
    [CF_KIND] = {"soort", FT_STR, collab_kind_labels, COLLAB_KIND_COUNT},
    [CF_LF] = {"juridischeVorm", FT_STR, legal_form_labels, LF_COUNT},
    [CF_POW] = {"bevoegdheidsverkrijging", FT_STR, powers_labels, POW_COUNT},
    [CF_DOMAINS] = {"beleidsdomeinen", FT_STR, NULL, 0},
    [CF_PHASE] = {"fase", FT_STR, phase_labels, PHASE_COUNT},
    [CF_PURPOSE] = {"doel", FT_STR, NULL, 0},
    [CF_SEAT] = {"vestigingsplaats", FT_STR, NULL, 0},
    [CF_START] = {"startdatum", FT_STR, NULL, 0},
    [CF_END] = {"einddatum", FT_STR, NULL, 0},
    [CF_WEB] = {"website", FT_STR, NULL, 0},
    [CF_SOURCE] = {"bron", FT_STR, NULL, 0},
    [CF_CONFIRMED] = {"laatstBevestigd", FT_STR, NULL, 0},
    [CF_CONFIRMED_BY] = {"bevestigdDoor", FT_STR, NULL, 0},
    [CF_NOTE] = {"opmerking", FT_STR, NULL, 0},
};

/* Columns after id, version, entity key: in store_collab_spec order. */
const char store_collab_select[] =
    "SELECT c.id, c.version, c.key, c.name, c.short_name, c.kind, c.legal_form, c.powers, "
    "coalesce((SELECT group_concat(k, ';') FROM (SELECT d.key AS k "
    "FROM collaboration_domain cd JOIN domain d ON d.id = cd.domain_id "
    "WHERE cd.collaboration_id = c.id ORDER BY d.key) AS ks), ''), "
    "c.phase, c.purpose, c.seat, c.start_date, c.end_date, c.website, coalesce(s.key, ''), "
    "c.last_confirmed, c.confirmed_by, c.note "
    "FROM collaboration c LEFT JOIN source s ON s.id = c.source_id WHERE c.key = ?";

const struct fspec store_part_spec[PF_N] = {
    [PF_COLLAB] = {"samenwerkingsverband", FT_STR, NULL, 0},
    [PF_ORG] = {"organisatie", FT_STR, NULL, 0},
    [PF_ORG_NAME] = {"organisatieNaam", FT_STR, NULL, 0},
    [PF_BODY] = {"orgaan", FT_STR, body_labels, BODY_COUNT},
    [PF_ROLE] = {"rol", FT_STR, role_labels, ROLE_COUNT},
    [PF_COST] = {"kostenverdeelsleutel", FT_REAL, NULL, 0},
    [PF_CONTRIB] = {"bijdrage", FT_INT, NULL, 0},
    [PF_JOINED] = {"toegetreden", FT_STR, NULL, 0},
    [PF_LEFT] = {"uitgetreden", FT_STR, NULL, 0},
    [PF_SOURCE] = {"bron", FT_STR, NULL, 0},
    [PF_CONFIRMED] = {"laatstBevestigd", FT_STR, NULL, 0},
    [PF_CONFIRMED_BY] = {"bevestigdDoor", FT_STR, NULL, 0},
    [PF_NOTE] = {"opmerking", FT_STR, NULL, 0},
};

/* store_part_spec order, then collaboration id and organisation id. */
const char store_part_select[] =
    "SELECT p.id, p.version, c.key || '/' || p.id, c.key, o.code, o.name, p.body, p.role, "
    "p.cost_share, p.contribution_eur, "
    "p.joined, p.left_on, coalesce(s.key, ''), p.last_confirmed, p.confirmed_by, p.note, "
    "p.collaboration_id, p.organisation_id "
    "FROM participation p JOIN collaboration c ON c.id = p.collaboration_id "
    "JOIN organisation o ON o.id = p.organisation_id "
    "LEFT JOIN source s ON s.id = p.source_id WHERE p.id = ?";

const struct fspec store_org_spec[OF_N] = {
    [OF_NAME] = {"naam", FT_STR, NULL, 0},
    [OF_POP] = {"inwoners", FT_INT, NULL, 0},
    [OF_POP_DATE] = {"peildatumInwoners", FT_STR, NULL, 0},
    [OF_AREA] = {"oppervlakte", FT_REAL, NULL, 0},
    [OF_CONFIRMED] = {"laatstBevestigd", FT_STR, NULL, 0},
    [OF_CONFIRMED_BY] = {"bevestigdDoor", FT_STR, NULL, 0},
    [OF_NOTE] = {"opmerking", FT_STR, NULL, 0},
};

const char store_org_select[] = "SELECT o.id, o.version, o.code, o.name, o.population, "
				"o.population_date, o.area_km2, o.last_confirmed, "
				"o.confirmed_by, o.note FROM organisation o WHERE o.code = ?";

void store_rec_init(struct rec *r, const struct fspec *spec, int n)
{
	memset(r, 0, sizeof *r);
	r->spec = spec;
	r->n = n;
	for (int i = 0; i < n; i++)
		r->v[i] = xstrdup("");
	r->key = xstrdup("");
}

void store_rec_free(struct rec *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->key);
	memset(r, 0, sizeof *r);
}

void store_rec_set(struct rec *r, int i, const char *v)
{
	/* copy first: v may point into r->v[i] itself (a merge keeps old values) */
	char *n = xstrdup(v ? v : "");
	free(r->v[i]);
	r->v[i] = n;
}

/*
 * Column i as text, the same on both engines: NULL is "", integers in
 * decimal, reals as SQLite's CAST(x AS TEXT) writes them (15 significant
 * digits, always with a decimal point: "12.0", "1.0e+20"). tmp holds it.
 */
const char *store_rec_field_text(db_stmt *st, int i, char tmp[48])
{
	switch (db_column_type(st, i)) {
	case DB_NULL:
		return "";
	case DB_INTEGER:
		snprintf(tmp, 48, "%lld", (long long)db_column_int64(st, i));
		return tmp;
	case DB_FLOAT: {
		char num[40];
		snprintf(num, sizeof num, "%.15g", db_column_double(st, i));
		const char *e = strchr(num, 'e');
		if (strchr(num, '.') || strchr(num, 'n') || strchr(num, 'N'))
			snprintf(tmp, 48, "%s", num);
		else if (e)
			snprintf(tmp, 48, "%.*s.0%s", (int)(e - num), num, e);
		else
			snprintf(tmp, 48, "%s.0", num);
		return tmp;
	}
	default:
		return store_col_text(st, i);
	}
}

int store_rec_load(struct store *s, const char *sql, const char *key, int64_t id,
		   const struct fspec *spec, int n, int nref, struct rec *r)
{
	store_rec_init(r, spec, n);
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return STORE_ERR;
	if (key)
		db_bind_text(st, 1, key, -1, DB_STATIC);
	else
		db_bind_int64(st, 1, id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		r->id = db_column_int64(st, 0);
		r->version = db_column_int64(st, 1);
		free(r->key);
		r->key = xstrdup(store_col_text(st, 2));
		for (int i = 0; i < n; i++) {
			char tmp[48];
			const char *v = store_rec_field_text(st, 3 + i, tmp);
			store_rec_set(r, i,
				      spec[i].t ? store_label_api(spec[i].t, spec[i].tn, v) : v);
		}
		for (int i = 0; i < nref; i++)
			r->ref[i] = db_column_int64(st, 3 + n + i);
	}
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	if (rc == DB_DONE)
		return STORE_ERR_NOTFOUND;
	return store_db_fail(s, "record lezen", NULL, 0);
}

/* A number as text ("0,25" or "0.25") for the JSON image; null when empty. */
static json_t *num_json(const char *v, enum ftype type)
{
	if (str_empty(v))
		return json_null();
	char b[48];
	snprintf(b, sizeof b, "%s", v);
	for (char *p = b; *p; p++)
		if (*p == ',')
			*p = '.';
	if (type == FT_INT)
		return json_integer(strtoll(b, NULL, 10));
	return json_real(strtod(b, NULL));
}

/* The audit image of r as compact JSON (caller frees). */
char *store_rec_image(const struct rec *r)
{
	json_t *o = json_object();
	for (int i = 0; i < r->n; i++) {
		const char *v = r->v[i] ? r->v[i] : "";
		json_t *j =
		    r->spec[i].type == FT_STR ? json_string(v) : num_json(v, r->spec[i].type);
		json_object_set_new(o, r->spec[i].name, j ? j : json_string(""));
	}
	char *out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return out ? out : xstrdup("{}");
}

/* ------------------------------------------------------------ helpers */

/* True when the query (one text parameter, or an int when text is NULL)
 * returns a row; -1 on error. */
int store_row_exists(struct store *s, const char *sql, const char *text, int64_t id)
{
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return -1;
	if (text)
		db_bind_text(st, 1, text, -1, DB_STATIC);
	else
		db_bind_int64(st, 1, id);
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		store_db_fail(s, "opzoeken", NULL, 0);
		return -1;
	}
	return rc == DB_ROW;
}

/* The id of the source for user input, created on first use. */
int store_user_source(struct store *s, const char *today)
{
	db_stmt *st = store_stmt(s, "INSERT INTO source (key, title, publisher, "
				    "reference_date) VALUES (?, ?, 'Samenwerkingsatlas', ?) "
				    "ON CONFLICT DO NOTHING");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, USER_SOURCE_KEY, -1, DB_STATIC);
	db_bind_text(st, 2, USER_SOURCE_TITLE, -1, DB_STATIC);
	db_bind_text(st, 3, today, -1, DB_STATIC);
	return store_step_done(s, st, "bron voor invoer aanmaken", NULL, 0);
}

/* Keep the full-text index in step with one collaboration / organisation. */
int store_reindex(struct store *s, char kind, const char *old_key, int64_t id)
{
	char k[2] = {kind, '\0'};
	/* PostgreSQL has an index on (kind, key); SQLite's FTS5 table has none
	 * but its rowid follows from the record */
	bool pg = db_engine(s) == DB_PG;
	db_stmt *st = store_stmt(s, pg ? "DELETE FROM search_fts WHERE kind = ? AND key = ?"
				       : "DELETE FROM search_fts WHERE rowid = ?");
	if (!st)
		return STORE_ERR;
	if (pg) {
		db_bind_text(st, 1, k, -1, DB_TRANSIENT);
		db_bind_text(st, 2, old_key, -1, DB_STATIC);
	} else {
		db_bind_int64(st, 1, store_search_rowid(kind, id));
	}
	if (store_step_done(s, st, "zoekindex bijwerken", NULL, 0))
		return STORE_ERR;
	return store_search_index(s, kind, id);
}
