/*
 * api_changeset — POST /api/v1/wijzigingen: the change-set import through
 * the API (app/changeset.h, app/changeset_upload.h). Staff tokens only
 * (route: USER_ROLE_STAFF, ROUTE_TOKEN). The body is
 *   multipart/form-data   one XLSX workbook or CSV files (any field name)
 *   text/csv              one table; ?bestand= names it (organisation_changes.csv)
 *   the XLSX media type   one workbook (?bestand= optional)
 * ?toepassen=false (default) answers the plan and writes nothing;
 * ?toepassen=true writes it when it has no problem, as one import batch.
 * The reply is the plan in JSON: every change and every problem (file,
 * line, reason); 422 when there are problems (nothing written).
 */
#include "api_changeset.h"
#include "api_common.h"
#include "../app/accounts.h"
#include "../app/changeset_upload.h"
#include "../domain/provenance.h"
#include "../http/multipart.h"
#include "../lib/text.h"
#include "../store/store.h"

#include <stdio.h>
#include <string.h>

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

const struct param_spec api_changeset_params[] = {{"toepassen", PT_TEXT, 5},
						  {"bestand", PT_TEXT, 120},
						  {"naam", PT_TEXT, 120},
						  {"zekerheid", PT_TEXT, 6},
						  {NULL, 0, 0}};

/* Is the media type of a Content-Type header want (ASCII case-insensitive,
 * parameters ignored)? */
static bool type_is(const char *type, const char *want)
{
	if (!type)
		return false;
	size_t n = strlen(want);
	for (size_t i = 0; i < n; i++) {
		char a = type[i], b = want[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return false;
	}
	return type[n] == '\0' || type[n] == ';' || type[n] == ' ';
}

static int bad_param(struct request *r, const char *name, const char *reason)
{
	const struct problem_param p = {name, reason};
	return respond_problem(r, 400, "Ongeldige parameter", reason, &p, 1);
}

static const char *op_code(enum cs_op op)
{
	switch (op) {
	case CS_ADD:
		return "nieuw";
	case CS_UPDATE:
		return "wijziging";
	case CS_END:
		return "beeindigd";
	case CS_UNCONFIRMED:
		return "nietBevestigd";
	case CS_PROVENANCE:
		return "bronBijgewerkt";
	}
	return "";
}

/* The changes ch[0..n) as the array member key. */
static void put_changes(struct request *r, struct jw *w, const struct changeset *cs,
			const char *key, const struct cs_change *ch, int n)
{
	char today[11];
	today_iso(today);
	jw_key(w, key);
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		const struct cs_change *c = &ch[i];
		jw_obj(w);
		jw_kstr(w, "bestand", c->file ? c->file : "");
		jw_kint(w, "regel", c->line);
		jw_kstr(w, "soort", op_code(c->op));
		jw_kstr(w, "entiteit", c->entity ? c->entity : "");
		jw_kstr(w, "sleutel", c->key ? c->key : "");
		jw_kstr(w, "naam", str_empty(c->label) ? NULL : c->label);
		jw_kstr(w, "veld", str_empty(c->field) ? NULL : c->field);
		jw_kstr(w, "veldNaam", str_empty(c->field_label) ? NULL : c->field_label);
		jw_kstr(w, "oud", str_empty(c->old_value) ? NULL : c->old_value);
		jw_kstr(w, "nieuw", str_empty(c->new_value) ? NULL : c->new_value);
		jw_kstr(w, "bron", str_empty(c->source_key) ? NULL : c->source_key);
		jw_kstr(w, "zekerheid", str_empty(c->confidence) ? NULL : c->confidence);
		char words[160];
		bool planned = c->op == CS_UNCONFIRMED && c->new_value &&
			       is_iso_date(c->new_value) && strcmp(c->new_value, today) > 0;
		jw_kstr(w, "zekerheidInWoorden",
			str_empty(c->confidence)
			    ? NULL
			    : provenance_words(c->confidence, c->op == CS_UNCONFIRMED,
					       changeset_source_kind(cs, r->snap, c->source_key),
					       planned, words, sizeof words));
		jw_end(w);
	}
	jw_end(w);
}

/* The plan as JSON; returns the status: 200, or 422 when there are
 * problems — then the reply is problem+json (RFC 9457) with the plan's
 * members as extensions. */
static int put_plan(struct request *r, const struct changeset *cs, const struct cs_report *rep,
		    const struct cs_problem *extra, int n_extra, bool applied)
{
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	r->cache_control = "no-store";
	int problems = rep->n_problems + n_extra;
	jw_obj(&w);
	if (problems) {
		r->content_type = "application/problem+json";
		jw_kstr(&w, "type", "about:blank");
		jw_kstr(&w, "title", "Problemen in de wijzigingenset");
		jw_kint(&w, "status", 422);
		jw_kstr(&w, "detail",
			arena_printf(r->arena,
				     "%d %s gevonden (zie problemen: bestand, regel, reden). Er is "
				     "niets opgeslagen.",
				     problems, problems == 1 ? "probleem" : "problemen"));
		jw_kstr(&w, "instance", "/api/v1/wijzigingen");
	}
	jw_key(&w, "_links");
	jw_obj(&w);
	api_link(&w, "self", "/api/v1/wijzigingen");
	if (applied && rep->batch_id > 0)
		api_link(
		    &w, "import",
		    arena_printf(r->arena, "/wijzigingen/import/%lld", (long long)rep->batch_id));
	jw_end(&w);
	jw_kstr(&w, "titel", cs && cs->title ? cs->title : "");
	jw_kbool(&w, "toegepast", applied && rep->batch_id > 0);
	jw_key(&w, "importId");
	if (applied && rep->batch_id > 0)
		jw_int(&w, rep->batch_id);
	else
		jw_null(&w);
	jw_kint(&w, "aantalWijzigingen", rep->n_changes);
	jw_kint(&w, "aantalOngewijzigd", rep->n_unchanged);
	jw_kint(&w, "aantalProblemen", problems);
	jw_kint(&w, "aantalOvergeslagen", rep->n_superseded);
	put_changes(r, &w, cs, "wijzigingen", rep->changes, rep->n_changes);
	put_changes(r, &w, cs, "overgeslagen", rep->superseded, rep->n_superseded);
	jw_key(&w, "problemen");
	jw_arr(&w);
	for (int k = 0; k < 2; k++) {
		const struct cs_problem *p = k ? rep->problems : extra;
		int n = k ? rep->n_problems : n_extra;
		for (int i = 0; i < n; i++) {
			jw_obj(&w);
			jw_kstr(&w, "bestand", p[i].file ? p[i].file : "");
			jw_key(&w, "regel");
			if (p[i].line > 0)
				jw_int(&w, p[i].line);
			else
				jw_null(&w);
			jw_kstr(&w, "reden", p[i].message ? p[i].message : "");
			jw_end(&w);
		}
	}
	jw_end(&w);
	jw_end(&w);
	return problems ? 422 : 200;
}

int api_changeset_import(struct request *r)
{
	const char *tv = req_param(r, "toepassen");
	bool apply = false;
	if (!str_empty(tv)) {
		if (strcmp(tv, "true") == 0)
			apply = true;
		else if (strcmp(tv, "false") != 0)
			return bad_param(r, "toepassen", "Kies true of false.");
	}
	const char *conf = req_param(r, "zekerheid");
	if (str_empty(conf))
		conf = "medium";
	else if (strcmp(conf, "medium") != 0 && strcmp(conf, "high") != 0)
		return bad_param(r, "zekerheid", "Kies medium of high.");
	const char *bestand = req_param(r, "bestand");
	const char *naam = req_param(r, "naam");

	struct cs_file files[CHANGESET_UPLOAD_MAX_FILES + 1];
	int n = 0;
	if (!r->body_len)
		return respond_error(
		    r, 400, "Ongeldige invoer",
		    "Stuur een XLSX-werkmap of CSV-bestanden mee (multipart/form-data, "
		    "text/csv of " XLSX_TYPE ").",
		    NULL);
	if (type_is(r->body_type, "multipart/form-data")) {
		const struct upload *ups[CHANGESET_UPLOAD_MAX_FILES + 1];
		n = req_files(r, NULL, ups, CHANGESET_UPLOAD_MAX_FILES + 1);
		if (r->form_bad)
			return respond_error(r, 400, "Ongeldige invoer",
					     "De multipart-body kon niet worden gelezen.", NULL);
		for (int i = 0; i < n; i++)
			files[i] = (struct cs_file){ups[i]->filename, ups[i]->data, ups[i]->len};
		if (str_empty(naam))
			naam = req_form(r, "naam");
	} else if (type_is(r->body_type, "text/csv")) {
		if (str_empty(bestand))
			return bad_param(
			    r, "bestand",
			    "Geef bij een CSV-body de tabel als bestandsnaam, bijvoorbeeld "
			    "?bestand=organisation_changes.csv.");
		files[n++] = (struct cs_file){bestand, r->body, r->body_len};
	} else if (type_is(r->body_type, XLSX_TYPE)) {
		files[n++] = (struct cs_file){str_empty(bestand) ? "wijzigingen.xlsx" : bestand,
					      r->body, r->body_len};
	} else {
		return respond_error(r, 415, "Onbekend formaat",
				     "Stuur multipart/form-data, text/csv of " XLSX_TYPE ".", NULL);
	}

	struct changeset cs;
	struct cs_problem *probs;
	int n_probs;
	struct cs_report none = {0};
	if (changeset_upload_read(r->arena, files, n, naam, &cs, &probs, &n_probs) != 0) {
		return put_plan(r, &cs, &none, probs, n_probs, false);
	}
	struct store *st = store_thread();
	if (!st)
		return respond_error(r, 503, "Tijdelijk niet beschikbaar",
				     "De database is even niet bereikbaar.", NULL);
	char err[256];
	struct cs_report rep;
	int rc;
	if (apply) {
		struct write_ctx w;
		char actor[80], today[11];
		accounts_write_ctx(r->user, "api", &w, actor, today);
		rc = changeset_apply(st, r->arena, &cs, conf, &w, &rep, err, sizeof err);
	} else {
		char today[11];
		today_iso(today);
		rc = changeset_plan(st, r->arena, &cs, conf, today, &rep, err, sizeof err);
	}
	if (rc != 0)
		return respond_error(r, 500, "Interne fout",
				     "De wijzigingen konden niet worden verwerkt. Er is niets "
				     "gewijzigd.",
				     NULL);
	return put_plan(r, &cs, &rep, NULL, 0, apply);
}
