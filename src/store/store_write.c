/*
 * store_write_sqlite — the SQLite implementation of store_write.h: edits of
 * collaborations, participations and organisations by people, with
 * optimistic versions, confirmations and the audit trail read back.
 *
 * Every write runs in one BEGIN IMMEDIATE transaction: load the record,
 * compare its version, merge the input over it (NULL keeps a field),
 * validate everything (domain/validate_write.c plus the references only the
 * database can check), write, add the audit event, bump data_version,
 * commit. Any failure rolls back, so a rejected edit leaves no row and no
 * audit event behind. An edit that changes nothing writes nothing (no
 * version bump, no event) and succeeds.
 *
 * Records are handled as a "rec": id, version, key and an array of field
 * values as text in API form (enumerations as api values, numbers as
 * text, "" for empty), described by a field table whose names are the
 * Dutch API names. The same table turns a rec into the audit JSON image
 * ({"naam": ..., "fase": "groei", ...}), so before/after read without
 * joins and a history page can show "Fase: groei → stabilisatie".
 *
 * audit_event.entity_key: collaboration key, organisation code, and for a
 * participation "<collaboration key>/<participation id>" (the import writes
 * "<collaboration key>/<org code>[/<joined>]"); both start with the
 * collaboration key and '/', which is how a collaboration's history finds
 * the events of its participations.
 *
 * Not here: permissions (http layer), HTML, user accounts (store_auth).
 */
#include "store_write.h"
#include "../domain/labels.h"
#include "../domain/validate.h"
#include "../domain/validate_write.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"
#include "../domain/slug.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define USER_SOURCE_KEY "invoer-gebruiker"
#define USER_SOURCE_TITLE "Ingevoerd door een partner in de Samenwerkingsatlas"
#define REC_MAX 20
#define KEY_BASE_MAX 70

/* ------------------------------------------------------------ records */

enum ftype { FT_STR, FT_INT, FT_REAL };

struct fspec {
	const char *name; /* Dutch API name, the key in the audit JSON */
	enum ftype type;
	const struct label *t; /* enumeration stored as db code, held as api value */
	int tn;
};

struct rec {
	int64_t id, version;
	int64_t ref[2]; /* participation: collaboration id, organisation id */
	char *key;	/* entity_key of the audit trail */
	char *v[REC_MAX];
	const struct fspec *spec;
	int n;
};

enum collab_field {
	CF_NAME,
	CF_SHORT,
	CF_KIND,
	CF_LF,
	CF_POW,
	CF_DOMAINS,
	CF_PHASE,
	CF_PURPOSE,
	CF_SEAT,
	CF_START,
	CF_END,
	CF_WEB,
	CF_SOURCE,
	CF_CONFIRMED,
	CF_CONFIRMED_BY,
	CF_NOTE,
	CF_N
};

static const struct fspec collab_spec[CF_N] = {
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

/* Columns after id, version, entity key: in collab_spec order. */
static const char collab_select[] =
    "SELECT c.id, c.version, c.key, c.name, c.short_name, c.kind, c.legal_form, c.powers, "
    "coalesce((SELECT group_concat(k, ';') FROM (SELECT d.key AS k "
    "FROM collaboration_domain cd JOIN domain d ON d.id = cd.domain_id "
    "WHERE cd.collaboration_id = c.id ORDER BY d.key) AS ks), ''), "
    "c.phase, c.purpose, c.seat, c.start_date, c.end_date, c.website, coalesce(s.key, ''), "
    "c.last_confirmed, c.confirmed_by, c.note "
    "FROM collaboration c LEFT JOIN source s ON s.id = c.source_id WHERE c.key = ?";

enum part_field {
	PF_COLLAB,
	PF_ORG,
	PF_ORG_NAME,
	PF_BODY,
	PF_ROLE,
	PF_COST,
	PF_CONTRIB,
	PF_JOINED,
	PF_LEFT,
	PF_SOURCE,
	PF_CONFIRMED,
	PF_CONFIRMED_BY,
	PF_NOTE,
	PF_N
};

static const struct fspec part_spec[PF_N] = {
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

/* part_spec order, then collaboration id and organisation id. */
static const char part_select[] =
    "SELECT p.id, p.version, c.key || '/' || p.id, c.key, o.code, o.name, p.body, p.role, "
    "p.cost_share, p.contribution_eur, "
    "p.joined, p.left_on, coalesce(s.key, ''), p.last_confirmed, p.confirmed_by, p.note, "
    "p.collaboration_id, p.organisation_id "
    "FROM participation p JOIN collaboration c ON c.id = p.collaboration_id "
    "JOIN organisation o ON o.id = p.organisation_id "
    "LEFT JOIN source s ON s.id = p.source_id WHERE p.id = ?";

enum org_field {
	OF_NAME,
	OF_POP,
	OF_POP_DATE,
	OF_AREA,
	OF_CONFIRMED,
	OF_CONFIRMED_BY,
	OF_NOTE,
	OF_N
};

static const struct fspec org_spec[OF_N] = {
    [OF_NAME] = {"naam", FT_STR, NULL, 0},
    [OF_POP] = {"inwoners", FT_INT, NULL, 0},
    [OF_POP_DATE] = {"peildatumInwoners", FT_STR, NULL, 0},
    [OF_AREA] = {"oppervlakte", FT_REAL, NULL, 0},
    [OF_CONFIRMED] = {"laatstBevestigd", FT_STR, NULL, 0},
    [OF_CONFIRMED_BY] = {"bevestigdDoor", FT_STR, NULL, 0},
    [OF_NOTE] = {"opmerking", FT_STR, NULL, 0},
};

static const char org_select[] = "SELECT o.id, o.version, o.code, o.name, o.population, "
				 "o.population_date, o.area_km2, o.last_confirmed, "
				 "o.confirmed_by, o.note FROM organisation o WHERE o.code = ?";

static void rec_init(struct rec *r, const struct fspec *spec, int n)
{
	memset(r, 0, sizeof *r);
	r->spec = spec;
	r->n = n;
	for (int i = 0; i < n; i++)
		r->v[i] = xstrdup("");
	r->key = xstrdup("");
}

static void rec_free(struct rec *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->key);
	memset(r, 0, sizeof *r);
}

static void rec_set(struct rec *r, int i, const char *v)
{
	/* copy first: v may point into r->v[i] itself (a merge keeps old values) */
	char *n = xstrdup(v ? v : "");
	free(r->v[i]);
	r->v[i] = n;
}

/* The api value of a db code; the code itself when unknown. */
static const char *api_of(const struct label *t, int n, const char *db)
{
	int i = label_from_db(t, n, db);
	return i >= 0 ? t[i].api : db;
}

/* The db code of an api value ("" and unknown give the unknown entry). */
static const char *db_of(const struct label *t, int n, const char *api)
{
	int i = label_from_api(t, n, api);
	return i >= 0 ? t[i].db : "";
}

/*
 * Load one record: sql selects id, version, entity key, the spec's fields
 * in order and nref reference ids; bound to key (text) or, when key is
 * NULL, to id. STORE_ERR_NOTFOUND when absent.
 */
/*
 * Column i as text, the same on both engines: NULL is "", integers in
 * decimal, reals as SQLite's CAST(x AS TEXT) writes them (15 significant
 * digits, always with a decimal point: "12.0", "1.0e+20"). tmp holds it.
 */
static const char *field_text(db_stmt *st, int i, char tmp[48])
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

static int rec_load(struct store *s, const char *sql, const char *key, int64_t id,
		    const struct fspec *spec, int n, int nref, struct rec *r)
{
	rec_init(r, spec, n);
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
			const char *v = field_text(st, 3 + i, tmp);
			rec_set(r, i, spec[i].t ? api_of(spec[i].t, spec[i].tn, v) : v);
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
static char *rec_image(const struct rec *r)
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

/* Today from the context, or the current UTC date. */
static const char *ctx_today(const struct write_ctx *w, char buf[11])
{
	if (w->today && is_iso_date(w->today))
		return w->today;
	today_iso(buf);
	return buf;
}

static void errs_reset(struct field_errors *e)
{
	if (e)
		e->n = 0;
}

/* True when the query (one text parameter, or an int when text is NULL)
 * returns a row; -1 on error. */
static int exists(struct store *s, const char *sql, const char *text, int64_t id)
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
static int user_source(struct store *s, const char *today)
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
static int reindex(struct store *s, char kind, const char *old_key, int64_t id)
{
	char k[2] = {kind, '\0'};
	db_stmt *st = store_stmt(s, "DELETE FROM search_fts WHERE kind = ? AND key = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, k, -1, DB_TRANSIENT);
	db_bind_text(st, 2, old_key, -1, DB_STATIC);
	if (store_step_done(s, st, "zoekindex bijwerken", NULL, 0))
		return STORE_ERR;
	st = store_stmt(s, kind == 'c'
			       ? "INSERT INTO search_fts (kind, key, name, short_name, purpose) "
				 "SELECT 'c', key, name, short_name, purpose FROM collaboration "
				 "WHERE id = ?"
			       : "INSERT INTO search_fts (kind, key, name, short_name, purpose) "
				 "SELECT 'o', code, name, trim(code || ' ' || cbs_code), '' "
				 "FROM organisation WHERE id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	return store_step_done(s, st, "zoekindex bijwerken", NULL, 0);
}

/* ----------------------------------------------------- collaborations */

/* A key derived from name that no collaboration has yet. */
static int unique_key(struct store *s, const char *name, char *out, size_t outlen)
{
	char base[KEY_BASE_MAX + 1];
	slug_make(name, KEY_BASE_MAX, "samenwerkingsverband", base, sizeof base);
	snprintf(out, outlen, "%s", base);
	for (int i = 2; i < 10000; i++) {
		int e = exists(s, "SELECT 1 FROM collaboration WHERE key = ?", out, 0);
		if (e < 0)
			return STORE_ERR;
		if (!e)
			return STORE_OK;
		snprintf(out, outlen, "%s-%d", base, i);
	}
	return STORE_ERR;
}

/* Merge input over r into m (NULL keeps). */
static void collab_merge(const struct rec *r, const struct collab_input *in, struct collab_input *m)
{
#define PICK(f, i) m->f = in->f ? in->f : r->v[i]
	PICK(name, CF_NAME);
	PICK(short_name, CF_SHORT);
	PICK(kind, CF_KIND);
	PICK(legal_form, CF_LF);
	PICK(powers, CF_POW);
	PICK(domains, CF_DOMAINS);
	PICK(phase, CF_PHASE);
	PICK(purpose, CF_PURPOSE);
	PICK(seat, CF_SEAT);
	PICK(start_date, CF_START);
	PICK(end_date, CF_END);
	PICK(website, CF_WEB);
	PICK(note, CF_NOTE);
	PICK(source_key, CF_SOURCE);
#undef PICK
}

/* Validate m completely, including the references; normalised domain
 * list into domains. Returns STORE_OK (errors in e) or STORE_ERR. */
static int collab_check(struct store *s, const struct collab_input *m, struct field_errors *e,
			struct buf *domains)
{
	validate_collab_input(m, e);
	char keys[VALIDATE_MAX_DOMAINS][81];
	int nd = validate_domain_list(m->domains, keys, VALIDATE_MAX_DOMAINS);
	for (int i = 0; i < nd; i++) {
		int x = exists(s, "SELECT 1 FROM domain WHERE key = ?", keys[i], 0);
		if (x < 0)
			return STORE_ERR;
		if (!x)
			field_errors_add(e, "beleidsdomeinen",
					 "Het beleidsdomein '%s' is onbekend.", keys[i]);
		buf_printf(domains, "%s%s", i ? ";" : "", keys[i]);
	}
	if (!str_empty(m->source_key) && validate_is_key(m->source_key)) {
		int x = exists(s, "SELECT 1 FROM source WHERE key = ?", m->source_key, 0);
		if (x < 0)
			return STORE_ERR;
		if (!x)
			field_errors_add(e, "bron", "Deze bron is onbekend.");
	}
	return STORE_OK;
}

/* Put the validated m into r in normalised API form. */
static void collab_apply(struct rec *r, const struct collab_input *m, const char *domains)
{
	rec_set(r, CF_NAME, m->name);
	rec_set(r, CF_SHORT, m->short_name);
	rec_set(r, CF_KIND, m->kind);
	rec_set(
	    r, CF_LF,
	    api_of(legal_form_labels, LF_COUNT, db_of(legal_form_labels, LF_COUNT, m->legal_form)));
	rec_set(r, CF_POW,
		api_of(powers_labels, POW_COUNT, db_of(powers_labels, POW_COUNT, m->powers)));
	rec_set(r, CF_DOMAINS, domains);
	rec_set(r, CF_PHASE,
		api_of(phase_labels, PHASE_COUNT, db_of(phase_labels, PHASE_COUNT, m->phase)));
	rec_set(r, CF_PURPOSE, m->purpose);
	rec_set(r, CF_SEAT, m->seat);
	rec_set(r, CF_START, m->start_date);
	rec_set(r, CF_END, m->end_date);
	rec_set(r, CF_WEB, m->website);
	rec_set(r, CF_SOURCE, str_empty(m->source_key) ? USER_SOURCE_KEY : m->source_key);
	rec_set(r, CF_NOTE, m->note);
}

/* Write r (insert when r->id == 0; r->id set) with its domains. */
static int collab_write(struct store *s, struct rec *r, const char *new_key)
{
	static const char ins[] =
	    "INSERT INTO collaboration (name, short_name, kind, legal_form, powers, phase, "
	    "purpose, seat, start_date, end_date, website, source_id, last_confirmed, "
	    "confirmed_by, note, key, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, (SELECT id FROM source WHERE key = ?12), ?13, ?14, ?15, ?16, 1)";
	static const char upd[] =
	    "UPDATE collaboration SET name = ?1, short_name = ?2, kind = ?3, legal_form = ?4, "
	    "powers = ?5, phase = ?6, purpose = ?7, seat = ?8, start_date = ?9, end_date = ?10, "
	    "website = ?11, source_id = (SELECT id FROM source WHERE key = ?12), "
	    "last_confirmed = ?13, confirmed_by = ?14, note = ?15, version = version + 1 "
	    "WHERE id = ?16";
	bool insert = r->id == 0;
	db_stmt *st = store_stmt(s, insert ? ins : upd);
	if (!st)
		return STORE_ERR;
	const char *const *v = (const char *const *)r->v;
	db_bind_text(st, 1, v[CF_NAME], -1, DB_STATIC);
	db_bind_text(st, 2, v[CF_SHORT], -1, DB_STATIC);
	db_bind_text(st, 3, db_of(collab_kind_labels, COLLAB_KIND_COUNT, v[CF_KIND]), -1,
		     DB_STATIC);
	db_bind_text(st, 4, db_of(legal_form_labels, LF_COUNT, v[CF_LF]), -1, DB_STATIC);
	db_bind_text(st, 5, db_of(powers_labels, POW_COUNT, v[CF_POW]), -1, DB_STATIC);
	db_bind_text(st, 6, db_of(phase_labels, PHASE_COUNT, v[CF_PHASE]), -1, DB_STATIC);
	db_bind_text(st, 7, v[CF_PURPOSE], -1, DB_STATIC);
	db_bind_text(st, 8, v[CF_SEAT], -1, DB_STATIC);
	db_bind_text(st, 9, v[CF_START], -1, DB_STATIC);
	db_bind_text(st, 10, v[CF_END], -1, DB_STATIC);
	db_bind_text(st, 11, v[CF_WEB], -1, DB_STATIC);
	db_bind_text(st, 12, v[CF_SOURCE], -1, DB_STATIC);
	db_bind_text(st, 13, v[CF_CONFIRMED], -1, DB_STATIC);
	db_bind_text(st, 14, v[CF_CONFIRMED_BY], -1, DB_STATIC);
	db_bind_text(st, 15, v[CF_NOTE], -1, DB_STATIC);
	if (insert)
		db_bind_text(st, 16, new_key, -1, DB_STATIC);
	else
		db_bind_int64(st, 16, r->id);
	if (store_step_done(s, st,
		      insert ? "samenwerkingsverband toevoegen" : "samenwerkingsverband bijwerken", NULL, 0))
		return STORE_ERR;
	if (insert)
		r->id = db_last_insert_id(s);

	st = store_stmt(s, "DELETE FROM collaboration_domain WHERE collaboration_id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, r->id);
	if (store_step_done(s, st, "beleidsdomeinen schrijven", NULL, 0))
		return STORE_ERR;
	char keys[VALIDATE_MAX_DOMAINS][81];
	int nd = validate_domain_list(v[CF_DOMAINS], keys, VALIDATE_MAX_DOMAINS);
	for (int i = 0; i < nd; i++) {
		st = store_stmt(s, "INSERT INTO collaboration_domain (collaboration_id, domain_id) "
				   "SELECT ?, id FROM domain WHERE key = ?");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, r->id);
		db_bind_text(st, 2, keys[i], -1, DB_STATIC);
		if (store_step_done(s, st, "beleidsdomeinen schrijven", NULL, 0))
			return STORE_ERR;
	}
	return STORE_OK;
}

static int part_create_tx(struct store *s, const struct write_ctx *w, const char *collab_key,
			  const struct part_input *in, int64_t *id_out, struct field_errors *e);

int store_collab_create(struct store *s, const struct write_ctx *w, const struct collab_input *in,
			char *key_out, size_t keylen, struct field_errors *errs)
{
	return store_collab_create_with(s, w, in, NULL, key_out, keylen, errs);
}

int store_collab_create_with(struct store *s, const struct write_ctx *w,
			     const struct collab_input *in, const struct part_input *first,
			     char *key_out, size_t keylen, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct collab_input m = {0};
	struct buf domains = BUF_INIT;
	struct rec r;
	char key[96], tb[11];
	char *after = NULL;
	const char *today = ctx_today(w, tb);
	int rc = STORE_ERR;

	errs_reset(e);
	if (key_out && keylen)
		key_out[0] = '\0';
	rec_init(&r, collab_spec, CF_N);
	if (store_write_begin(s))
		goto out;
	collab_merge(&r, in, &m);
	if (collab_check(s, &m, e, &domains))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	collab_apply(&r, &m, domains.data ? domains.data : "");
	rec_set(&r, CF_CONFIRMED, today);
	rec_set(&r, CF_CONFIRMED_BY, store_ctx_actor(w));
	if (unique_key(s, m.name, key, sizeof key) || user_source(s, today) ||
	    collab_write(s, &r, key) || reindex(s, 'c', key, r.id))
		goto out;
	after = rec_image(&r);
	if (store_write_record(s, w, "insert", "collaboration", key, NULL, after))
		goto out;
	if (first) {
		int prc = part_create_tx(s, w, key, first, NULL, e);
		if (prc != STORE_OK) {
			rc = e->n ? STORE_ERR_INVALID : prc;
			goto out;
		}
	}
	if (store_tx_commit(s, "wijziging vastleggen", NULL, 0))
		goto out;
	if (key_out && keylen)
		snprintf(key_out, keylen, "%s", key);
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	buf_free(&domains);
	rec_free(&r);
	return rc;
}

/* Load a collaboration inside the transaction and check its version. */
static int collab_open(struct store *s, const char *key, int64_t expected, struct rec *r,
		       int64_t *current_version)
{
	int rc = rec_load(s, collab_select, key ? key : "", 0, collab_spec, CF_N, 0, r);
	if (rc)
		return rc;
	if (current_version)
		*current_version = r->version;
	return r->version == expected ? STORE_OK : STORE_ERR_CONFLICT;
}

/*
 * The common tail of an edit: when r's image differs from before, write
 * it (write_fn), reindex, audit and commit; otherwise just end the
 * transaction. *current_version follows.
 */
static int commit_change(struct store *s, const struct write_ctx *w, const char *action,
			 const char *entity, struct rec *r, const char *before,
			 int (*write_fn)(struct store *, struct rec *, const char *),
			 char reindex_kind, int64_t *current_version)
{
	char *after = rec_image(r);
	int rc = STORE_ERR;
	if (strcmp(before, after) == 0) { /* nothing changed: nothing written */
		store_tx_rollback(s);
		rc = STORE_OK;
		goto out;
	}
	if (write_fn(s, r, NULL) || (reindex_kind && reindex(s, reindex_kind, r->key, r->id)) ||
	    store_write_finish(s, w, action, entity, r->key, before, after))
		goto out;
	r->version++;
	if (current_version)
		*current_version = r->version;
	rc = STORE_OK;
out:
	free(after);
	return rc;
}

int store_collab_update(struct store *s, const struct write_ctx *w, const char *key,
			int64_t expected_version, const struct collab_input *in,
			struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct collab_input m = {0};
	struct buf domains = BUF_INIT;
	struct rec r;
	char *before = NULL;
	int rc = STORE_ERR;

	errs_reset(e);
	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = collab_open(s, key, expected_version, &r, current_version)))
		goto out;
	rc = STORE_ERR;
	before = rec_image(&r);
	collab_merge(&r, in, &m);
	if (collab_check(s, &m, e, &domains))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	/* m points into r: apply into a copy */
	struct rec nr;
	rec_init(&nr, collab_spec, CF_N);
	nr.id = r.id;
	nr.version = r.version;
	free(nr.key);
	nr.key = xstrdup(r.key);
	rec_set(&nr, CF_CONFIRMED, r.v[CF_CONFIRMED]);
	rec_set(&nr, CF_CONFIRMED_BY, r.v[CF_CONFIRMED_BY]);
	char tb[11];
	if (str_empty(m.source_key) && user_source(s, ctx_today(w, tb))) {
		rec_free(&nr);
		goto out;
	}
	collab_apply(&nr, &m, domains.data ? domains.data : "");
	rec_free(&r);
	r = nr;
	rc = commit_change(s, w, "update", "collaboration", &r, before, collab_write, 'c',
			   current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	buf_free(&domains);
	rec_free(&r);
	return rc;
}

int store_collab_end(struct store *s, const struct write_ctx *w, const char *key,
		     int64_t expected_version, int64_t *current_version)
{
	struct rec r;
	char *before = NULL, tb[11];
	int rc = STORE_ERR;

	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = collab_open(s, key, expected_version, &r, current_version)))
		goto out;
	before = rec_image(&r);
	rec_set(&r, CF_PHASE, phase_labels[PHASE_BEEINDIGD].api);
	if (str_empty(r.v[CF_END]))
		rec_set(&r, CF_END, ctx_today(w, tb));
	rc = commit_change(s, w, "delete", "collaboration", &r, before, collab_write, 0,
			   current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	rec_free(&r);
	return rc;
}

/* ------------------------------------------------------ participations */

static void part_merge(const struct rec *r, const struct part_input *in, struct part_input *m)
{
#define PICK(f, i) m->f = in->f ? in->f : r->v[i]
	PICK(org_code, PF_ORG);
	PICK(body, PF_BODY);
	PICK(role, PF_ROLE);
	PICK(cost_share, PF_COST);
	PICK(contribution, PF_CONTRIB);
	PICK(joined, PF_JOINED);
	PICK(left, PF_LEFT);
	PICK(note, PF_NOTE);
#undef PICK
}

/*
 * The database checks of a participation: the organisation exists (*org_id),
 * is not already an active participant (another record than self_id), and
 * no other record of it in this collaboration has the same join date.
 */
static int part_check_refs(struct store *s, int64_t collab_id, const struct part_input *m,
			   int64_t self_id, const char *today, bool check_active, bool check_same,
			   struct field_errors *e, int64_t *org_id)
{
	*org_id = 0;
	if (str_empty(m->org_code) || field_errors_get(e, "organisatie"))
		return STORE_OK;
	db_stmt *st = store_stmt(s, "SELECT id FROM organisation WHERE code = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, m->org_code, -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*org_id = db_column_int64(st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(s, "organisatie opzoeken", NULL, 0);
	if (!*org_id) {
		field_errors_add(e, "organisatie", "Deze organisatie is onbekend.");
		return STORE_OK;
	}
	bool active = check_active && (str_empty(m->left) || strcmp(m->left, today) > 0);
	st = store_stmt(
	    s, "SELECT coalesce(sum(CASE WHEN left_on = '' OR left_on > ?4 THEN 1 ELSE 0 END), 0), "
	       "coalesce(sum(CASE WHEN joined = ?5 THEN 1 ELSE 0 END), 0) FROM participation "
	       "WHERE collaboration_id = ?1 AND organisation_id = ?2 AND id <> ?3");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, collab_id);
	db_bind_int64(st, 2, *org_id);
	db_bind_int64(st, 3, self_id);
	db_bind_text(st, 4, today, -1, DB_STATIC);
	db_bind_text(st, 5, m->joined ? m->joined : "", -1, DB_STATIC);
	rc = db_step(st);
	int n_active = rc == DB_ROW ? db_column_int(st, 0) : 0;
	int n_same = rc == DB_ROW ? db_column_int(st, 1) : 0;
	db_reset(st);
	if (rc != DB_ROW)
		return store_db_fail(s, "deelnames controleren", NULL, 0);
	if (active && n_active)
		field_errors_add(e, "organisatie",
				 "Deze organisatie neemt al deel aan dit samenwerkingsverband.");
	else if (check_same && n_same)
		field_errors_add(
		    e, "toegetreden",
		    "Deze organisatie heeft in dit samenwerkingsverband al een deelname "
		    "met deze datum van toetreden.");
	return STORE_OK;
}

static void part_apply(struct rec *r, const struct part_input *m)
{
	rec_set(r, PF_BODY,
		api_of(body_labels, BODY_COUNT, db_of(body_labels, BODY_COUNT, m->body)));
	rec_set(r, PF_ROLE, str_empty(m->role) ? role_labels[ROLE_DEELNEMER].api : m->role);
	char b[48];
	snprintf(b, sizeof b, "%s", m->cost_share ? m->cost_share : "");
	for (char *p = b; *p; p++)
		if (*p == ',')
			*p = '.';
	rec_set(r, PF_COST, b);
	rec_set(r, PF_CONTRIB, m->contribution);
	rec_set(r, PF_JOINED, m->joined);
	rec_set(r, PF_LEFT, m->left);
	rec_set(r, PF_NOTE, m->note);
}

/* Write a participation (insert when r->id == 0, needs r->ref[]). */
static int part_write(struct store *s, struct rec *r, const char *unused)
{
	(void)unused;
	static const char ins[] =
	    "INSERT INTO participation (body, role, cost_share, contribution_eur, joined, left_on, "
	    "source_id, last_confirmed, confirmed_by, note, collaboration_id, organisation_id, "
	    "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM source WHERE key = ?7), ?8, "
	    "?9, ?10, ?11, ?12, 1)";
	static const char upd[] =
	    "UPDATE participation SET body = ?1, role = ?2, cost_share = ?3, contribution_eur = "
	    "?4, "
	    "joined = ?5, left_on = ?6, source_id = (SELECT id FROM source WHERE key = ?7), "
	    "last_confirmed = ?8, confirmed_by = ?9, note = ?10, version = version + 1 "
	    "WHERE id = ?11";
	bool insert = r->id == 0;
	db_stmt *st = store_stmt(s, insert ? ins : upd);
	if (!st)
		return STORE_ERR;
	const char *const *v = (const char *const *)r->v;
	db_bind_text(st, 1, db_of(body_labels, BODY_COUNT, v[PF_BODY]), -1, DB_STATIC);
	db_bind_text(st, 2, db_of(role_labels, ROLE_COUNT, v[PF_ROLE]), -1, DB_STATIC);
	if (str_empty(v[PF_COST]))
		db_bind_null(st, 3);
	else
		db_bind_double(st, 3, strtod(v[PF_COST], NULL));
	if (str_empty(v[PF_CONTRIB]))
		db_bind_null(st, 4);
	else
		db_bind_int64(st, 4, strtoll(v[PF_CONTRIB], NULL, 10));
	db_bind_text(st, 5, v[PF_JOINED], -1, DB_STATIC);
	db_bind_text(st, 6, v[PF_LEFT], -1, DB_STATIC);
	db_bind_text(st, 7, v[PF_SOURCE], -1, DB_STATIC);
	db_bind_text(st, 8, v[PF_CONFIRMED], -1, DB_STATIC);
	db_bind_text(st, 9, v[PF_CONFIRMED_BY], -1, DB_STATIC);
	db_bind_text(st, 10, v[PF_NOTE], -1, DB_STATIC);
	if (insert) {
		db_bind_int64(st, 11, r->ref[0]);
		db_bind_int64(st, 12, r->ref[1]);
	} else {
		db_bind_int64(st, 11, r->id);
	}
	if (store_step_done(s, st, insert ? "deelname toevoegen" : "deelname bijwerken", NULL, 0))
		return STORE_ERR;
	if (insert)
		r->id = db_last_insert_id(s);
	return STORE_OK;
}

/*
 * Insert a participation inside the caller's open transaction, with its
 * audit event; no commit, no rollback (the caller does both). e must be
 * reset by the caller.
 */
static int part_create_tx(struct store *s, const struct write_ctx *w, const char *collab_key,
			  const struct part_input *in, int64_t *id_out, struct field_errors *e)
{
	struct part_input m = {0};
	struct rec r;
	char tb[11], *after = NULL, *key = NULL;
	const char *today = ctx_today(w, tb);
	int rc = STORE_ERR;
	int64_t collab_id = 0, org_id = 0;

	rec_init(&r, part_spec, PF_N);
	db_stmt *st = store_stmt(s, "SELECT id FROM collaboration WHERE key = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, collab_key ? collab_key : "", -1, DB_STATIC);
	if (db_step(st) == DB_ROW)
		collab_id = db_column_int64(st, 0);
	db_reset(st);
	if (!collab_id) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	part_merge(&r, in, &m);
	validate_part_input(&m, true, e);
	if (part_check_refs(s, collab_id, &m, 0, today, true, true, e, &org_id))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	part_apply(&r, &m);
	rec_set(&r, PF_COLLAB, collab_key);
	rec_set(&r, PF_ORG, m.org_code);
	rec_set(&r, PF_SOURCE, USER_SOURCE_KEY);
	rec_set(&r, PF_CONFIRMED, today);
	rec_set(&r, PF_CONFIRMED_BY, store_ctx_actor(w));
	r.ref[0] = collab_id;
	r.ref[1] = org_id;
	st = store_stmt(s, "SELECT name FROM organisation WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, org_id);
	if (db_step(st) == DB_ROW)
		rec_set(&r, PF_ORG_NAME, store_col_text(st, 0));
	db_reset(st);
	if (user_source(s, today) || part_write(s, &r, NULL))
		goto out;
	struct buf kb = BUF_INIT;
	buf_printf(&kb, "%s/%lld", collab_key, (long long)r.id);
	key = buf_detach(&kb, NULL);
	buf_free(&kb);
	after = rec_image(&r);
	if (store_write_record(s, w, "insert", "participation", key ? key : "", NULL, after))
		goto out;
	if (id_out)
		*id_out = r.id;
	rc = STORE_OK;
out:
	free(after);
	free(key);
	rec_free(&r);
	return rc;
}

int store_part_create(struct store *s, const struct write_ctx *w, const char *collab_key,
		      const struct part_input *in, int64_t *id_out, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	errs_reset(e);
	if (id_out)
		*id_out = 0;
	if (store_write_begin(s))
		return STORE_ERR;
	int rc = part_create_tx(s, w, collab_key, in, id_out, e);
	if (rc == STORE_OK)
		rc = store_tx_commit(s, "wijziging vastleggen", NULL, 0);
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

static int part_open(struct store *s, int64_t id, int64_t expected, struct rec *r,
		     int64_t *current_version)
{
	int rc = rec_load(s, part_select, NULL, id, part_spec, PF_N, 2, r);
	if (rc)
		return rc;
	if (current_version)
		*current_version = r->version;
	return r->version == expected ? STORE_OK : STORE_ERR_CONFLICT;
}

/* Update or end (end_date != NULL) a participation. */
static int part_change(struct store *s, const struct write_ctx *w, int64_t part_id,
		       int64_t expected_version, const struct part_input *in, const char *end_date,
		       struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct part_input m = {0}, none = {0};
	struct rec r;
	char *before = NULL, tb[11];
	const char *today = ctx_today(w, tb);
	int rc = STORE_ERR;
	int64_t org_id;

	errs_reset(e);
	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = part_open(s, part_id, expected_version, &r, current_version)))
		goto out;
	rc = STORE_ERR;
	before = rec_image(&r);
	if (end_date) {
		none.left = end_date;
		in = &none;
		if (!*end_date)
			field_errors_add(e, "uitgetreden", "Vul de datum van uittreden in.");
	}
	if (in->org_code && strcmp(in->org_code, r.v[PF_ORG]) != 0)
		field_errors_add(e, "organisatie",
				 "De organisatie van een deelname kan niet worden gewijzigd; "
				 "beëindig de deelname en voeg een nieuwe toe.");
	part_merge(&r, in, &m);
	m.org_code = r.v[PF_ORG];
	validate_part_input(&m, false, e);
	/* another active participation matters only when this one becomes
	 * active again; another with the same join date when that changes */
	bool was_active = str_empty(r.v[PF_LEFT]) || strcmp(r.v[PF_LEFT], today) > 0;
	bool same_joined = strcmp(m.joined ? m.joined : "", r.v[PF_JOINED]) == 0;
	if (part_check_refs(s, r.ref[0], &m, r.id, today, !was_active, !same_joined, e, &org_id))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	/* m points into r: copy the values first */
	struct part_input c = {0};
	char *copies[8] = {
	    xstrdup(m.body),   xstrdup(m.role), xstrdup(m.cost_share), xstrdup(m.contribution),
	    xstrdup(m.joined), xstrdup(m.left), xstrdup(m.note),       NULL};
	c.body = copies[0];
	c.role = copies[1];
	c.cost_share = copies[2];
	c.contribution = copies[3];
	c.joined = copies[4];
	c.left = copies[5];
	c.note = copies[6];
	part_apply(&r, &c);
	for (int i = 0; i < 7; i++)
		free(copies[i]);
	rc = commit_change(s, w, end_date ? "delete" : "update", "participation", &r, before,
			   part_write, 0, current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	rec_free(&r);
	return rc;
}

int store_part_update(struct store *s, const struct write_ctx *w, int64_t part_id,
		      int64_t expected_version, const struct part_input *in,
		      struct field_errors *errs, int64_t *current_version)
{
	return part_change(s, w, part_id, expected_version, in, NULL, errs, current_version);
}

int store_part_end(struct store *s, const struct write_ctx *w, int64_t part_id,
		   int64_t expected_version, const char *left, struct field_errors *errs,
		   int64_t *current_version)
{
	return part_change(s, w, part_id, expected_version, NULL, left ? left : "", errs,
			   current_version);
}

/* ------------------------------------------------------- organisations */

static int org_write(struct store *s, struct rec *r, const char *unused)
{
	(void)unused;
	db_stmt *st =
	    store_stmt(s, "UPDATE organisation SET name = ?1, population = ?2, "
			  "population_date = ?3, area_km2 = ?4, last_confirmed = ?5, "
			  "confirmed_by = ?6, note = ?7, version = version + 1 WHERE id = ?8");
	if (!st)
		return STORE_ERR;
	const char *const *v = (const char *const *)r->v;
	db_bind_text(st, 1, v[OF_NAME], -1, DB_STATIC);
	if (str_empty(v[OF_POP]))
		db_bind_null(st, 2);
	else
		db_bind_int64(st, 2, strtoll(v[OF_POP], NULL, 10));
	db_bind_text(st, 3, v[OF_POP_DATE], -1, DB_STATIC);
	if (str_empty(v[OF_AREA]))
		db_bind_null(st, 4);
	else
		db_bind_double(st, 4, strtod(v[OF_AREA], NULL));
	db_bind_text(st, 5, v[OF_CONFIRMED], -1, DB_STATIC);
	db_bind_text(st, 6, v[OF_CONFIRMED_BY], -1, DB_STATIC);
	db_bind_text(st, 7, v[OF_NOTE], -1, DB_STATIC);
	db_bind_int64(st, 8, r->id);
	return store_step_done(s, st, "organisatie bijwerken", NULL, 0);
}

int store_org_update(struct store *s, const struct write_ctx *w, const char *code,
		     int64_t expected_version, const struct org_input *in,
		     struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct rec r;
	char *before = NULL;
	int rc = STORE_ERR;

	errs_reset(e);
	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = rec_load(s, org_select, code ? code : "", 0, org_spec, OF_N, 0, &r)))
		goto out;
	if (current_version)
		*current_version = r.version;
	if (r.version != expected_version) {
		rc = STORE_ERR_CONFLICT;
		goto out;
	}
	rc = STORE_ERR;
	before = rec_image(&r);
	struct org_input m = {
	    in->name ? in->name : r.v[OF_NAME],
	    in->population ? in->population : r.v[OF_POP],
	    in->population_date ? in->population_date : r.v[OF_POP_DATE],
	    in->area_km2 ? in->area_km2 : r.v[OF_AREA],
	    in->note ? in->note : r.v[OF_NOTE],
	};
	validate_org_input(&m, e);
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	char area[48];
	snprintf(area, sizeof area, "%s", m.area_km2);
	for (char *p = area; *p; p++)
		if (*p == ',')
			*p = '.';
	/* copy before rec_set frees what m points into */
	char *vals[4] = {xstrdup(m.name), xstrdup(m.population), xstrdup(m.population_date),
			 xstrdup(m.note)};
	rec_set(&r, OF_NAME, vals[0]);
	rec_set(&r, OF_POP, vals[1]);
	rec_set(&r, OF_POP_DATE, vals[2]);
	rec_set(&r, OF_NOTE, vals[3]);
	rec_set(&r, OF_AREA, area); /* the image compares numbers: 80 = 80.0 */
	for (int i = 0; i < 4; i++)
		free(vals[i]);
	rc = commit_change(s, w, "update", "organisation", &r, before, org_write, 'o',
			   current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	rec_free(&r);
	return rc;
}

/* -------------------------------------------------------- confirmation */

int store_confirm(struct store *s, const struct write_ctx *w, const char *entity, const char *key,
		  int64_t expected_version, int64_t *current_version)
{
	struct rec r;
	char *before = NULL, tb[11];
	int rc = STORE_ERR, ci = 0, bi = 0;
	int (*write_fn)(struct store *, struct rec *, const char *) = NULL;

	memset(&r, 0, sizeof r);
	if (!entity || !key)
		return STORE_ERR_INVALID;
	if (store_write_begin(s))
		return STORE_ERR;
	if (strcmp(entity, "collaboration") == 0) {
		rc = collab_open(s, key, expected_version, &r, current_version);
		ci = CF_CONFIRMED;
		bi = CF_CONFIRMED_BY;
		write_fn = collab_write;
	} else if (strcmp(entity, "participation") == 0) {
		long id;
		if (!parse_long(key, 1, LONG_MAX, &id)) {
			rc = STORE_ERR_NOTFOUND;
			goto out;
		}
		rc = part_open(s, id, expected_version, &r, current_version);
		ci = PF_CONFIRMED;
		bi = PF_CONFIRMED_BY;
		write_fn = part_write;
	} else if (strcmp(entity, "organisation") == 0) {
		rc = rec_load(s, org_select, key, 0, org_spec, OF_N, 0, &r);
		if (rc == STORE_OK && current_version)
			*current_version = r.version;
		if (rc == STORE_OK && r.version != expected_version)
			rc = STORE_ERR_CONFLICT;
		ci = OF_CONFIRMED;
		bi = OF_CONFIRMED_BY;
		write_fn = org_write;
	} else {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	if (rc)
		goto out;
	rc = STORE_ERR;
	before = rec_image(&r);
	rec_set(&r, ci, ctx_today(w, tb));
	rec_set(&r, bi, store_ctx_actor(w));
	char *after = rec_image(&r);
	/* a confirmation is always recorded, even on the same day */
	if (write_fn(s, &r, NULL) || store_write_finish(s, w, "confirm", entity, r.key, before, after)) {
		free(after);
		goto out;
	}
	free(after);
	if (current_version)
		*current_version = r.version + 1;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	rec_free(&r);
	return rc;
}

/* ------------------------------------------------------------- history */

struct rows {
	struct audit_row *r;
	int n, cap;
};

/* Append every row of the prepared audit query st; resets st. */
static int collect(struct store *s, db_stmt *st, struct rows *out)
{
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 16;
			out->r = xreallocarray(out->r, (size_t)out->cap, sizeof *out->r);
		}
		struct audit_row *a = &out->r[out->n++];
		a->id = db_column_int64(st, 0);
		snprintf(a->at, sizeof a->at, "%s", store_col_text(st, 1));
		a->actor = xstrdup(store_col_text(st, 2));
		a->via = xstrdup(store_col_text(st, 3));
		a->action = xstrdup(store_col_text(st, 4));
		a->entity = xstrdup(store_col_text(st, 5));
		a->entity_key = xstrdup(store_col_text(st, 6));
		a->before = xstrdup(store_col_text(st, 7));
		a->after = xstrdup(store_col_text(st, 8));
		a->source = xstrdup(store_col_text(st, 9));
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, "geschiedenis lezen", NULL, 0);
}

int store_history(struct store *s, const char *entity, const char *key, struct audit_row **out,
		  int *n)
{
	struct rows rows = {0};
	struct buf b = BUF_INIT;
	db_stmt *st;
	int rc = STORE_ERR;

	*out = NULL;
	*n = 0;
	if (!entity || !key)
		return STORE_ERR_INVALID;
	if (store_tx_begin_read(s, "geschiedenis lezen", NULL, 0))
		return STORE_ERR;
	if (strcmp(entity, "collaboration") == 0) {
		/* its own events and those of its participations: entity keys
		 * "<key>/..." lie between "<key>/" and "<key>0" ('0' follows '/') */
		buf_printf(&b, "%s/", key);
		char *lo = buf_detach(&b, NULL);
		buf_printf(&b, "%s0", key);
		char *hi = buf_detach(&b, NULL);
		st = store_stmt(s, "SELECT id, at, actor, via, action, entity, entity_key, "
				   "coalesce(\"before\", ''), coalesce(\"after\", ''), source "
				   "FROM audit_event WHERE (entity = 'collaboration' AND "
				   "entity_key = ?1) OR (entity = 'participation' AND "
				   "entity_key >= ?2 AND entity_key < ?3) ORDER BY id DESC");
		if (st) {
			db_bind_text(st, 1, key, -1, DB_STATIC);
			db_bind_text(st, 2, lo ? lo : "", -1, DB_TRANSIENT);
			db_bind_text(st, 3, hi ? hi : "", -1, DB_TRANSIENT);
			rc = collect(s, st, &rows);
		}
		free(lo);
		free(hi);
	} else if (strcmp(entity, "participation") == 0) {
		/* by id: the edit events "<collab>/<id>" and the import's
		 * "<collab>/<org>" or "<collab>/<org>/<joined>" */
		long id;
		struct rec r;
		memset(&r, 0, sizeof r);
		if (!parse_long(key, 1, LONG_MAX, &id)) {
			rc = STORE_ERR_NOTFOUND;
			goto out;
		}
		if ((rc = rec_load(s, part_select, NULL, id, part_spec, PF_N, 2, &r))) {
			rec_free(&r);
			goto out;
		}
		char *k[3];
		buf_printf(&b, "%s", r.key);
		k[0] = buf_detach(&b, NULL);
		buf_printf(&b, "%s/%s", r.v[PF_COLLAB], r.v[PF_ORG]);
		k[1] = buf_detach(&b, NULL);
		buf_printf(&b, "%s/%s/%s", r.v[PF_COLLAB], r.v[PF_ORG], r.v[PF_JOINED]);
		k[2] = buf_detach(&b, NULL);
		const char *seed_key = str_empty(r.v[PF_JOINED]) ? k[1] : k[2];
		st = store_stmt(s, "SELECT id, at, actor, via, action, entity, entity_key, "
				   "coalesce(\"before\", ''), coalesce(\"after\", ''), source "
				   "FROM audit_event WHERE entity = 'participation' AND "
				   "entity_key IN (?1, ?2) ORDER BY id DESC");
		rc = STORE_ERR;
		if (st) {
			db_bind_text(st, 1, k[0] ? k[0] : "", -1, DB_TRANSIENT);
			db_bind_text(st, 2, seed_key ? seed_key : "", -1, DB_TRANSIENT);
			rc = collect(s, st, &rows);
		}
		for (int i = 0; i < 3; i++)
			free(k[i]);
		rec_free(&r);
	} else {
		st = store_stmt(s, "SELECT id, at, actor, via, action, entity, entity_key, "
				   "coalesce(\"before\", ''), coalesce(\"after\", ''), source "
				   "FROM audit_event WHERE entity = ?1 AND entity_key = ?2 "
				   "ORDER BY id DESC");
		if (st) {
			db_bind_text(st, 1, entity, -1, DB_STATIC);
			db_bind_text(st, 2, key, -1, DB_STATIC);
			rc = collect(s, st, &rows);
		}
	}
out:
	store_tx_rollback(s);
	buf_free(&b);
	if (rc != STORE_OK) {
		store_audit_free(rows.r, rows.n);
		return rc;
	}
	*out = rows.r;
	*n = rows.n;
	return STORE_OK;
}

int store_changes(struct store *s, const char *entity, const char *actor, int limit, int offset,
		  struct audit_row **out, int *n, int *total)
{
	struct rows rows = {0};
	int rc = STORE_ERR;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (limit < 0)
		limit = 0;
	if (limit > 1000)
		limit = 1000;
	if (offset < 0)
		offset = 0;
	const char *ent = str_empty(entity) ? NULL : entity;
	const char *act = str_empty(actor) ? NULL : actor;
	if (store_tx_begin_read(s, "wijzigingen lezen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "SELECT count(*) FROM audit_event "
	       "WHERE ((CAST(?1 AS TEXT) IS NULL AND entity NOT IN ('user', 'api_token', 'person', "
	       "'office', 'seat', 'person_export')) OR entity = ?1) "
	       "AND (CAST(?2 AS TEXT) IS NULL OR actor = ?2)");
	if (!st)
		goto out;
	if (ent)
		db_bind_text(st, 1, ent, -1, DB_STATIC);
	if (act)
		db_bind_text(st, 2, act, -1, DB_STATIC);
	int src = db_step(st);
	if (src == DB_ROW)
		*total = db_column_int(st, 0);
	db_reset(st);
	if (src != DB_ROW) {
		store_db_fail(s, "wijzigingen tellen", NULL, 0);
		goto out;
	}
	st = store_stmt(
	    s, "SELECT id, at, actor, via, action, entity, entity_key, "
	       "coalesce(\"before\", ''), coalesce(\"after\", ''), source "
	       "FROM audit_event WHERE ((CAST(?1 AS TEXT) IS NULL AND entity NOT IN ('user', "
	       "'api_token', 'person', 'office', 'seat', 'person_export')) OR entity = ?1) "
	       "AND (CAST(?2 AS TEXT) IS NULL OR actor = ?2) ORDER BY id DESC LIMIT ?3 OFFSET ?4");
	if (!st)
		goto out;
	if (ent)
		db_bind_text(st, 1, ent, -1, DB_STATIC);
	if (act)
		db_bind_text(st, 2, act, -1, DB_STATIC);
	db_bind_int(st, 3, limit);
	db_bind_int(st, 4, offset);
	rc = collect(s, st, &rows);
out:
	store_tx_rollback(s);
	if (rc != STORE_OK) {
		store_audit_free(rows.r, rows.n);
		*total = 0;
		return rc;
	}
	*out = rows.r;
	*n = rows.n;
	return STORE_OK;
}

void store_audit_free(struct audit_row *rows, int n)
{
	if (!rows)
		return;
	for (int i = 0; i < n; i++) {
		free(rows[i].actor);
		free(rows[i].via);
		free(rows[i].action);
		free(rows[i].entity);
		free(rows[i].entity_key);
		free(rows[i].before);
		free(rows[i].after);
		free(rows[i].source);
	}
	free(rows);
}

int store_current_version(struct store *s, const char *entity, const char *key,
			  const char *collab_key, int64_t *version)
{
	bool part = strcmp(entity, "participation") == 0;
	db_stmt *st =
	    store_stmt(s, part ? "SELECT p.version FROM participation p JOIN collaboration c ON "
				 "c.id = p.collaboration_id WHERE p.id = ?1 AND c.key = ?2"
			       : "SELECT version FROM collaboration WHERE key = ?1");
	if (!st)
		return STORE_ERR;
	if (part) {
		char *end = NULL;
		long long id = strtoll(key, &end, 10);
		if (!end || *end || id <= 0) {
			db_reset(st);
			return STORE_ERR_NOTFOUND;
		}
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, collab_key ? collab_key : "", -1, DB_STATIC);
	} else {
		db_bind_text(st, 1, key, -1, DB_STATIC);
	}
	int rc = db_step(st);
	if (rc == DB_ROW)
		*version = db_column_int64(st, 0);
	db_reset(st);
	if (rc == DB_ROW)
		return STORE_OK;
	return rc == DB_DONE ? STORE_ERR_NOTFOUND : store_db_fail(s, "versie lezen", NULL, 0);
}
