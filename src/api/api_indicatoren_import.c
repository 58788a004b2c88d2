/*
 * api_indicatoren_import — the indicator import through the API; see
 * api_indicatoren_import.h.
 */
#include "api_indicatoren_import.h"
#include "api_common.h"
#include "../app/accounts.h"
#include "../app/indicatoren.h"
#include "../http/multipart.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <string.h>

#define IMPORT_PATH API_BASE "/kennis/indicatoren/importen"

const struct param_spec api_indicatoren_import_params[] = {
    {"proef", PT_TEXT, 5}, {"bestand", PT_TEXT, 120}, {NULL, 0, 0}};

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

static void put_int_or_null(struct jw *w, const char *key, int v)
{
	jw_key(w, key);
	if (v > 0)
		jw_int(w, v);
	else
		jw_null(w);
}

/* The report: 200 with the counts, or 422 problem+json with the errors. */
static int put_report(struct request *r, const char *file, const struct ind_import_report *rep,
		      bool dry_run, bool ok)
{
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	r->cache_control = "no-store";
	jw_obj(&w);
	if (!ok) {
		r->content_type = "application/problem+json";
		jw_kstr(&w, "type", "about:blank");
		jw_kstr(&w, "title", "Fouten in het indicatorbestand");
		jw_kint(&w, "status", 422);
		jw_kstr(&w, "detail",
			arena_printf(r->arena,
				     "%d %s gevonden (zie fouten: bestand, regel, kolom of waarde "
				     "en veld, reden). Er is niets opgeslagen.",
				     rep->n_errors, rep->n_errors == 1 ? "fout" : "fouten"));
		jw_kstr(&w, "instance", IMPORT_PATH);
	}
	jw_key(&w, "_links");
	jw_obj(&w);
	api_link(&w, "self", IMPORT_PATH);
	jw_end(&w);
	jw_kstr(&w, "bestand", file);
	jw_kstr(&w, "soort", ok ? indicatoren_kind_name(rep->kind) : NULL);
	jw_kbool(&w, "proef", dry_run);
	jw_kbool(&w, "opgeslagen", ok && !dry_run && (rep->counts.added || rep->counts.changed));
	jw_kint(&w, "aantalRegels", ok ? rep->rows : 0);
	jw_kint(&w, "aantalNieuw", rep->counts.added);
	jw_kint(&w, "aantalGewijzigd", rep->counts.changed);
	jw_kint(&w, "aantalOngewijzigd", rep->counts.unchanged);
	jw_key(&w, "gewijzigdeIndicatoren");
	jw_arr(&w);
	for (int i = 0; ok && i < rep->counts.n_touched; i++) {
		jw_obj(&w);
		jw_kstr(&w, "sleutel", rep->counts.touched[i]);
		api_links_self_seg(&w, API_BASE "/kennis/indicatoren/", rep->counts.touched[i]);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kint(&w, "aantalFouten", rep->n_errors);
	jw_key(&w, "fouten");
	jw_arr(&w);
	int kept = rep->n_errors < INDICATOREN_MAX_ERRORS ? rep->n_errors : INDICATOREN_MAX_ERRORS;
	for (int i = 0; i < kept; i++) {
		const struct ind_error *e = &rep->errors[i];
		jw_obj(&w);
		jw_kstr(&w, "bestand", e->file);
		if (e->field) {
			put_int_or_null(&w, "regel", 0);
			put_int_or_null(&w, "kolom", 0);
			put_int_or_null(&w, "waarde", e->line);
			jw_kstr(&w, "veld", e->field);
		} else {
			put_int_or_null(&w, "regel", e->line);
			put_int_or_null(&w, "kolom", e->line > 0 ? e->col : 0);
			put_int_or_null(&w, "waarde", 0);
			jw_kstr(&w, "veld", NULL);
		}
		jw_kstr(&w, "plaats", indicatoren_error_where(r->arena, e));
		jw_kstr(&w, "reden", e->message);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return ok ? 200 : 422;
}

int api_indicatoren_import(struct request *r)
{
	const char *pv = req_param(r, "proef");
	bool dry_run = false;
	if (!str_empty(pv)) {
		if (strcmp(pv, "true") == 0)
			dry_run = true;
		else if (strcmp(pv, "false") != 0)
			return bad_param(r, "proef", "Kies true of false.");
	}
	const char *bestand = req_param(r, "bestand");
	if (!str_empty(bestand) && (strchr(bestand, '/') || strchr(bestand, '\\')))
		return bad_param(r, "bestand", "Geef een bestandsnaam zonder map.");
	if (!r->body_len)
		return respond_error(
		    r, 400, "Ongeldige invoer",
		    "Stuur een indicatorbestand mee (multipart/form-data met de "
		    "delen bestand en koppelbestand, text/csv of application/json).",
		    NULL);
	const char *file, *data, *mfile = NULL, *mdata = NULL;
	size_t len, mlen = 0;
	if (type_is(r->body_type, "multipart/form-data")) {
		const struct upload *up[2] = {NULL, NULL}, *mp[2] = {NULL, NULL};
		int nf = req_files(r, "bestand", up, 2);
		int nm = req_files(r, "koppelbestand", mp, 2);
		if (r->form_bad)
			return respond_error(r, 400, "Ongeldige invoer",
					     "De multipart-body kon niet worden gelezen.", NULL);
		if (nf != 1 || nm > 1)
			return respond_error(r, 400, "Ongeldige invoer",
					     "Stuur precies één deel \"bestand\" en hoogstens één "
					     "deel \"koppelbestand\".",
					     NULL);
		file = str_empty(up[0]->filename)
			   ? (str_empty(bestand) ? "indicatoren.csv" : bestand)
			   : up[0]->filename;
		data = up[0]->data;
		len = up[0]->len;
		if (nm == 1) {
			mfile = str_empty(mp[0]->filename) ? "koppelbestand.csv" : mp[0]->filename;
			mdata = mp[0]->data;
			mlen = mp[0]->len;
		}
	} else if (type_is(r->body_type, "text/csv")) {
		file = str_empty(bestand) ? "indicatoren.csv" : bestand;
		data = r->body;
		len = r->body_len;
	} else if (type_is(r->body_type, "application/json")) {
		file = str_empty(bestand) ? "indicatoren.json" : bestand;
		data = r->body;
		len = r->body_len;
	} else {
		return respond_error(r, 415, "Onbekend formaat",
				     "Stuur multipart/form-data, text/csv of application/json.",
				     NULL);
	}
	if (len + mlen > INDICATOREN_UPLOAD_MAX_BYTES)
		return respond_error(
		    r, 413, "Bestand te groot",
		    arena_printf(r->arena,
				 "Het bestand is (met het koppelbestand) groter dan "
				 "%u MiB. Importeer grotere bestanden met atlas import "
				 "indicatoren. Er is niets opgeslagen.",
				 INDICATOREN_UPLOAD_MAX_BYTES >> 20),
		    NULL);
	struct store *st = store_thread();
	if (!st)
		return respond_error(r, 503, "Tijdelijk niet beschikbaar",
				     "De database is even niet bereikbaar. Er is niets opgeslagen.",
				     NULL);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "api", &w, actor, today);
	struct ind_import_report *rep = arena_calloc(r->arena, 1, sizeof *rep);
	int rc = indicatoren_import(st, r->arena, &w, file, data ? data : "", len, mfile,
				    mdata ? mdata : (mfile ? "" : NULL), mlen, dry_run, rep);
	if (rc && !rep->n_errors)
		return respond_error(
		    r, 503, "Tijdelijk niet beschikbaar",
		    "De import kon niet worden opgeslagen. Er is niets opgeslagen.", NULL);
	return put_report(r, file, rep, dry_run, rc == 0);
}
