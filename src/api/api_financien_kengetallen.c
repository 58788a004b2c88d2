/*
 * api_financien_kengetallen — the kengetallen API; see
 * api_financien_kengetallen.h.
 */
#include "api_financien_kengetallen.h"
#include "api_common.h"
#include "../app/financien_kengetallen.h"
#include "../app/policy.h"
#include "../http/multipart.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <string.h>

#define INVALID "De invoer klopt niet. Er is niets opgeslagen."

const struct param_spec api_kengetallen_params[] = {
    {"jaar", PT_TEXT, 4}, {"soort", PT_TEXT, 20}, {NULL, 0, 0}};
const struct param_spec api_kengetallen_import_params[] = {{"bestand", PT_TEXT, 120}, {NULL, 0, 0}};

static int refuse(struct request *r, enum kg_outcome o, const struct field_errors *e)
{
	switch (o) {
	case KG_INVALID:
		return api_invalid(r, e, INVALID);
	case KG_NOTFOUND:
		return respond_not_found(r);
	case KG_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", kg_message(o), NULL);
	default:
		return api_store_down(r);
	}
}

static const char *self_href(struct request *r, const char *code, const char *suffix)
{
	return arena_printf(r->arena, API_BASE "/financien/gemeenten/%s/kengetallen%s",
			    ascii_lower_dup(r->arena, code), suffix);
}

static void band_json(struct request *r, struct jw *w, const struct kg_band_row *b)
{
	jw_obj(w);
	jw_knum_or_null(w, "ondergrens", true, (double)b->band.low / 100.0);
	jw_knum_or_null(w, "bovengrens", true, (double)b->band.high / 100.0);
	jw_kstr(w, "richting", b->band.higher_better ? "hoger_is_beter" : "lager_is_beter");
	static const char cats[] = {'A', 'B', 'C'};
	jw_key(w, "categorieen");
	jw_obj(w);
	for (int i = 0; i < 3; i++) {
		char t[96], k[2] = {cats[i], 0};
		jw_kstr(w, k, arena_strdup(r->arena, kg_band_text(&b->band, cats[i], t, sizeof t)));
	}
	jw_end(w);
	jw_kstr(w, "bron", b->source);
	jw_kstr(w, "bronUrl", *b->source_url ? b->source_url : NULL);
	jw_end(w);
}

int api_kengetallen(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	struct kg_view v;
	struct field_errors e = {0};
	enum kg_outcome o = kg_view_build(st, r->arena, r->snap, r->path_args[0],
					  req_param(r, "jaar"), req_param(r, "soort"), &v, &e);
	if (o == KG_INVALID)
		return api_invalid(r, &e, "Ongeldige parameter.");
	if (o != KG_OK)
		return refuse(r, o, &e);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	api_link(&w, "self", self_href(r, v.g.code, ""));
	api_link(&w, "financien",
		 arena_printf(r->arena, API_BASE "/financien/gemeenten/%s",
			      ascii_lower_dup(r->arena, v.g.code)));
	jw_end(&w);
	jw_kstr(&w, "gemeente", v.g.code);
	jw_kstr(&w, "naam", v.g.name);
	jw_kint(&w, "jaar", v.year);
	jw_kstr(&w, "soort", kg_kind_key(v.kind));
	jw_kstr(&w, "eenheid", "euro");
	jw_kstr(&w, "rekenregel",
		"Regeling van de minister van BZK van 9 juli 2015 (BWBR0036853), bijlage 1; "
		"structurele exploitatieruimte gelijk van gelijk");
	jw_key(&w, "kolommen");
	jw_arr(&w);
	for (int c = 0; c < 3; c++) {
		jw_obj(&w);
		jw_kstr(&w, "kolom", v.cols[c].label);
		jw_kint(&w, "jaar", v.cols[c].col.year);
		jw_kstr(&w, "soort", kg_kind_key(v.cols[c].col.kind));
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "kengetallen");
	jw_arr(&w);
	for (int k = 0; k < KG_N_RATIO; k++) {
		jw_obj(&w);
		jw_kstr(&w, "sleutel", kg_ratios[k].key);
		jw_kstr(&w, "naam", kg_ratios[k].name);
		jw_kstr(&w, "formule", kg_ratios[k].formula);
		jw_kstr(&w, "legenda", kg_ratios[k].legend);
		jw_key(&w, "signaleringswaarden");
		if (v.band[k])
			band_json(r, &w, v.band[k]);
		else
			jw_null(&w);
		jw_key(&w, "kolommen");
		jw_arr(&w);
		int comps[KG_N_COMP];
		int nc = kg_ratio_comps((enum kg_ratio)k, comps);
		for (int c = 0; c < 3; c++) {
			const struct kg_view_col *vc = &v.cols[c];
			const struct kg_result *res = &vc->res[k];
			jw_obj(&w);
			jw_kstr(&w, "kolom", vc->label);
			jw_kint(&w, "jaar", vc->col.year);
			jw_kstr(&w, "soort", kg_kind_key(vc->col.kind));
			jw_knum_or_null(&w, "waarde", res->ok, res->shown);
			jw_kstr(&w, "nietTeBerekenen", res->ok ? NULL : res->reason);
			jw_kstr(&w, "berekening", res->filled);
			char cat[2] = {vc->category[k], 0};
			jw_kstr(&w, "signaal", vc->category[k] ? cat : NULL);
			jw_key(&w, "onderdelen");
			jw_arr(&w);
			for (int i = 0; i < nc; i++) {
				int cp = comps[i];
				jw_obj(&w);
				jw_kstr(&w, "sleutel", kg_comps[cp].key);
				jw_kstr(&w, "naam", kg_comps[cp].name);
				jw_kstr(&w, "artikel", kg_comps[cp].article);
				jw_knum_or_null(&w, "bedrag", vc->in.has[cp],
						(double)vc->in.cents[cp] / 100.0);
				jw_kstr(&w, "bron", vc->in.has[cp] ? vc->source[cp] : NULL);
				jw_end(&w);
			}
			jw_end(&w);
			jw_end(&w);
		}
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}

/* The gemeente of the path for a writer: KG_OK, or the refusal to send. */
static enum kg_outcome writer(struct request *r, struct store *st, struct kg_gemeente *g)
{
	enum kg_outcome o = kg_gemeente_find(st, r->arena, r->snap, r->path_args[0], g);
	if (o == KG_OK && !policy_may_enter_kengetallen(api_token_user(r), g->code))
		o = KG_FORBIDDEN;
	return o;
}

/* The stored inputs of gemeente g for one year and document. */
static int put_inputs(struct request *r, struct store *st, const struct kg_gemeente *g, int year,
		      enum kg_kind kind, int status)
{
	struct kg_view v;
	struct field_errors ve = {0};
	const char *ys = arena_printf(r->arena, "%d", year);
	if (kg_view_build(st, r->arena, r->snap, g->code, ys, kg_kind_key(kind), &v, &ve) != KG_OK)
		return api_store_down(r);
	/* the last presentation column is the asked year and document */
	const struct kg_view_col *vc = &v.cols[2];
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	api_link(&w, "self",
		 arena_printf(r->arena, "%s?jaar=%d&soort=%s", self_href(r, g->code, "/invoer"),
			      year, kg_kind_key(kind)));
	api_link(&w, "kengetallen", self_href(r, g->code, ""));
	jw_end(&w);
	jw_kstr(&w, "gemeente", g->code);
	jw_kint(&w, "jaar", year);
	jw_kstr(&w, "soort", kg_kind_key(kind));
	jw_kstr(&w, "eenheid", "euro");
	jw_key(&w, "onderdelen");
	jw_obj(&w);
	for (int c = 0; c < KG_N_COMP; c++) {
		if (!vc->in.has[c])
			continue;
		jw_key(&w, kg_comps[c].key);
		jw_obj(&w);
		jw_knum_or_null(&w, "bedrag", true, (double)vc->in.cents[c] / 100.0);
		jw_kstr(&w, "bron", vc->source[c]);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return status;
}

int api_kengetallen_invoer(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	struct kg_gemeente g;
	enum kg_outcome o = writer(r, st, &g);
	struct field_errors e = {0};
	if (o != KG_OK)
		return refuse(r, o, &e);
	int year = kg_this_year();
	enum kg_kind kind = KG_BEGROTING;
	const char *jy = req_param(r, "jaar"), *js = req_param(r, "soort");
	if (!str_empty(jy) && !kg_parse_year(jy, &year))
		field_errors_add(&e, "jaar", "Kies een jaar van %d tot en met %d.", KG_YEAR_MIN,
				 KG_YEAR_MAX);
	if (!str_empty(js) && !kg_kind_parse(js, &kind))
		field_errors_add(&e, "soort", "Kies begroting of jaarverslag.");
	if (e.n)
		return api_invalid(r, &e, "Ongeldige parameter.");
	return put_inputs(r, st, &g, year, kind, 200);
}

/* A member as text: a string, or an integer written out; "" when absent. */
static const char *text_member(struct request *r, json_t *o, const char *key,
			       struct field_errors *e, const char *field)
{
	json_t *x = json_object_get(o, key);
	if (!x || json_is_null(x))
		return "";
	if (json_is_integer(x))
		return arena_printf(r->arena, "%lld", (long long)json_integer_value(x));
	if (json_is_string(x))
		return arena_strdup(r->arena, json_string_value(x));
	field_errors_add(e, field, "Geef tekst of een geheel getal.");
	return "";
}

int api_kengetallen_invoer_save(struct request *r)
{
	json_t *o;
	int rc = api_json_body_or_respond(r, &o);
	if (rc)
		return rc;
	struct field_errors e = {0};
	struct kg_form_input in = {
	    .year = text_member(r, o, "jaar", &e, "jaar"),
	    .kind = text_member(r, o, "soort", &e, "soort"),
	    .unit = text_member(r, o, "eenheid", &e, "eenheid"),
	};
	if (str_empty(in.unit))
		in.unit = "euro";
	json_t *parts = json_object_get(o, "onderdelen");
	if (parts && !json_is_object(parts)) {
		field_errors_add(&e, "onderdelen",
				 "Geef een object met per onderdeel bedrag en bron.");
	} else if (parts) {
		const char *key;
		json_t *val;
		json_object_foreach(parts, key, val)
		{
			int c = kg_comp_find(key);
			if (c < 0) {
				field_errors_add(&e, "onderdelen", "Onbekend onderdeel: %s.", key);
				continue;
			}
			if (!json_is_object(val)) {
				field_errors_add(&e, kg_comps[c].key,
						 "Geef een object met bedrag en bron.");
				continue;
			}
			in.amount[c] = text_member(r, val, "bedrag", &e, kg_comps[c].key);
			in.source[c] =
			    text_member(r, val, "bron", &e, kg_source_field(r->arena, c));
		}
	}
	static const char *const known[] = {"jaar", "soort", "eenheid", "onderdelen"};
	api_unknown_members(o, known, sizeof known / sizeof *known, &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	enum kg_outcome out = kg_inputs_save(st, r->arena, r->snap, api_token_user(r), "api",
					     r->path_args[0], &in, &e);
	if (out != KG_OK)
		return refuse(r, out, &e);
	struct kg_gemeente g;
	int year = 0;
	enum kg_kind kind = KG_BEGROTING;
	if (kg_gemeente_find(st, r->arena, r->snap, r->path_args[0], &g) != KG_OK ||
	    !kg_parse_year(in.year, &year) || !kg_kind_parse(in.kind, &kind))
		return api_store_down(r);
	return put_inputs(r, st, &g, year, kind, 200);
}

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

int api_kengetallen_import(struct request *r)
{
	const char *bestand = req_param(r, "bestand");
	if (!str_empty(bestand) && (strchr(bestand, '/') || strchr(bestand, '\\'))) {
		const struct problem_param p = {"bestand", "Geef een bestandsnaam zonder map."};
		return respond_problem(r, 400, "Ongeldige parameter", p.reason, &p, 1);
	}
	const char *file = str_empty(bestand) ? "kengetallen.csv" : bestand, *data = NULL;
	size_t len = 0;
	if (type_is(r->body_type, "multipart/form-data")) {
		const struct upload *up[2] = {NULL, NULL};
		int nf = req_files(r, "bestand", up, 2);
		if (r->form_bad || nf != 1)
			return respond_error(r, 400, "Ongeldige invoer",
					     "Stuur precies één deel \"bestand\".", NULL);
		if (!str_empty(up[0]->filename))
			file = up[0]->filename;
		data = up[0]->data;
		len = up[0]->len;
	} else if (type_is(r->body_type, "text/csv")) {
		data = r->body;
		len = r->body_len;
	} else {
		return respond_error(r, 415, "Onbekend formaat",
				     "Stuur text/csv of multipart/form-data.", NULL);
	}
	if (!len)
		return respond_error(r, 400, "Ongeldige invoer", "Het bestand is leeg.", NULL);
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	struct kg_import_report *rep = arena_calloc(r->arena, 1, sizeof *rep);
	enum kg_outcome o = kg_import(st, r->arena, r->snap, api_token_user(r), "api",
				      r->path_args[0], file, data, len, rep);
	struct field_errors none = {0};
	if (o != KG_OK && o != KG_INVALID)
		return refuse(r, o, &none);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	if (o == KG_INVALID) {
		r->content_type = "application/problem+json";
		jw_kstr(&w, "type", "about:blank");
		jw_kstr(&w, "title", "Fouten in het bestand");
		jw_kint(&w, "status", 422);
		jw_kstr(&w, "detail",
			arena_printf(r->arena, "%d %s gevonden. Er is niets opgeslagen.",
				     rep->n_errors, rep->n_errors == 1 ? "fout" : "fouten"));
	}
	jw_kstr(&w, "bestand", file);
	jw_kbool(&w, "opgeslagen", o == KG_OK);
	jw_kint(&w, "aantalRegels", rep->rows);
	jw_kint(&w, "aantalOpgeslagen", rep->stored);
	jw_kint(&w, "aantalFouten", rep->n_errors);
	jw_key(&w, "fouten");
	jw_arr(&w);
	int kept = rep->n_errors < KG_IMPORT_MAX_ERRORS ? rep->n_errors : KG_IMPORT_MAX_ERRORS;
	for (int i = 0; i < kept; i++) {
		const struct kg_import_error *x = &rep->errors[i];
		jw_obj(&w);
		jw_kstr(&w, "bestand", file);
		jw_key(&w, "regel");
		if (x->line > 0)
			jw_int(&w, x->line);
		else
			jw_null(&w);
		jw_key(&w, "kolom");
		if (x->col > 0)
			jw_int(&w, x->col);
		else
			jw_null(&w);
		jw_kstr(&w, "kolomnaam", x->column);
		jw_kstr(&w, "plaats", kg_import_where(r->arena, file, x));
		jw_kstr(&w, "reden", x->message);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return o == KG_OK ? 200 : 422;
}
