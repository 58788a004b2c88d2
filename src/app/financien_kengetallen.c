/*
 * financien_kengetallen (app) — the kengetallen's feature logic; see
 * financien_kengetallen.h.
 */
#include "financien_kengetallen.h"
#include "../domain/amount.h"
#include "../io/financien_kengetallen_csv.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "indicatoren_model.h"
#include "policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *kg_message(enum kg_outcome o)
{
	switch (o) {
	case KG_FORBIDDEN:
		return "De invoer van kengetallen kan alleen het programmateam, of een redacteur "
		       "van de gemeente zelf, wijzigen.";
	case KG_NOTFOUND:
		return "Deze gemeente is niet bekend.";
	default:
		return "Er ging iets mis. Er is niets opgeslagen.";
	}
}

int kg_this_year(void)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

/* "gm0344" / "GM0344": a CBS gemeente code (GM and four digits). */
static bool gm_code(const char *c)
{
	if (!c || strlen(c) != 6 || (c[0] != 'g' && c[0] != 'G') || (c[1] != 'm' && c[1] != 'M'))
		return false;
	for (int i = 2; i < 6; i++)
		if (c[i] < '0' || c[i] > '9')
			return false;
	return true;
}

enum kg_outcome kg_gemeente_find(struct store *st, struct arena *a, const struct snapshot *s,
				 const char *code, struct kg_gemeente *out)
{
	memset(out, 0, sizeof *out);
	if (!gm_code(code))
		return KG_NOTFOUND;
	char up[7], low[7];
	for (int i = 0; i < 7; i++) {
		up[i] = (char)(code[i] >= 'a' && code[i] <= 'z' ? code[i] - 'a' + 'A' : code[i]);
		low[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] - 'A' + 'a' : code[i]);
	}
	out->code = arena_strdup(a, up);
	int oi = s ? snapshot_find_org(s, low) : -1;
	if (oi >= 0 && s->orgs[oi].kind == ORG_MUNICIPALITY) {
		out->name = arena_strdup(a, s->orgs[oi].name);
		out->in_registry = true;
		return KG_OK;
	}
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return KG_FAILED;
	int ai = im_area(m, up);
	if (ai < 0 || strcmp(m->areas[ai].level, "gemeente") != 0)
		return KG_NOTFOUND;
	out->name = arena_strdup(a, m->areas[ai].name);
	return KG_OK;
}

enum kg_outcome kg_bands(struct store *st, struct arena *a, struct kg_band_row **out, int *n)
{
	return store_kg_bands(st, a, out, n) == STORE_OK ? KG_OK : KG_FAILED;
}

enum kg_outcome kg_view_build(struct store *st, struct arena *a, const struct snapshot *s,
			      const char *code, const char *year, const char *kind,
			      struct kg_view *out, struct field_errors *e)
{
	memset(out, 0, sizeof *out);
	enum kg_outcome o = kg_gemeente_find(st, a, s, code, &out->g);
	if (o != KG_OK)
		return o;
	out->year = kg_this_year();
	out->kind = KG_BEGROTING;
	if (!str_empty(year) && !kg_parse_year(year, &out->year))
		field_errors_add(e, "jaar", "Kies een jaar van %d tot en met %d.", KG_YEAR_MIN,
				 KG_YEAR_MAX);
	if (!str_empty(kind) && !kg_kind_parse(kind, &out->kind))
		field_errors_add(e, "soort", "Kies begroting of jaarverslag.");
	if (e->n)
		return KG_INVALID;
	if (kg_bands(st, a, &out->bands, &out->n_bands) != KG_OK)
		return KG_FAILED;
	for (int i = 0; i < out->n_bands; i++) {
		int r = kg_ratio_find(out->bands[i].ratio);
		if (r >= 0)
			out->band[r] = &out->bands[i];
	}
	struct kg_column cols[3];
	kg_columns(out->year, out->kind, cols);
	struct kg_input_row *rows;
	int n;
	if (store_kg_inputs(st, a, out->g.code, out->year - 2, out->year, &rows, &n) != STORE_OK)
		return KG_FAILED;
	for (int c = 0; c < 3; c++) {
		struct kg_view_col *vc = &out->cols[c];
		vc->col = cols[c];
		vc->label = arena_printf(a, "%s %d", kg_kind_label(cols[c].kind), cols[c].year);
		for (int i = 0; i < n; i++) {
			int k = kg_comp_find(rows[i].component);
			if (k < 0 || rows[i].year != cols[c].year ||
			    strcmp(rows[i].kind, kg_kind_key(cols[c].kind)) != 0)
				continue;
			vc->in.has[k] = true;
			vc->in.cents[k] = rows[i].cents;
			vc->source[k] = rows[i].source;
			vc->n_entered++;
		}
		for (int r = 0; r < KG_N_RATIO; r++) {
			kg_compute((enum kg_ratio)r, &vc->in, &vc->res[r]);
			if (vc->res[r].ok && out->band[r])
				vc->category[r] =
				    kg_category(&out->band[r]->band, vc->res[r].shown);
		}
	}
	return KG_OK;
}

const char *kg_source_field(struct arena *a, int c)
{
	return arena_printf(a, "%s_bron", kg_comps[c].key);
}

/* Check in into rows (arena a); field errors in e. */
static int check_form(struct arena *a, const struct kg_form_input *in, int *year,
		      enum kg_kind *kind, struct kg_input_row **rows, struct field_errors *e)
{
	if (!kg_parse_year(in->year, year))
		field_errors_add(e, "jaar", "Vul een jaar in van %d tot en met %d.", KG_YEAR_MIN,
				 KG_YEAR_MAX);
	if (!kg_kind_parse(in->kind, kind))
		field_errors_add(e, "soort", "Kies begroting of jaarverslag.");
	enum kg_unit unit = KG_UNIT_EURO;
	bool unit_ok = kg_unit_parse(in->unit, &unit);
	if (!unit_ok)
		field_errors_add(e, "eenheid", "Kies euro of duizend euro (€ 1.000).");
	*rows = arena_calloc(a, KG_N_COMP, sizeof **rows);
	int n = 0;
	for (int c = 0; c < KG_N_COMP; c++) {
		const char *amt = in->amount[c], *src = in->source[c];
		if (str_empty(amt) && str_empty(src))
			continue;
		if (str_empty(amt)) {
			field_errors_add(e, kg_comps[c].key,
					 "Vul een bedrag in, of maak ook de bron leeg.");
			continue;
		}
		int64_t cents = 0;
		const char *msg =
		    kg_parse_amount(c, amt, kg_comps[c].household ? KG_UNIT_EURO : unit, &cents);
		if (msg)
			field_errors_add(e, kg_comps[c].key, "%s", msg);
		const char *smsg = kg_check_source(src);
		if (smsg)
			field_errors_add(e, kg_source_field(a, c), "%s", smsg);
		if (!msg && !smsg)
			(*rows)[n++] = (struct kg_input_row){
			    .component = kg_comps[c].key, .cents = cents, .source = src};
	}
	return n;
}

enum kg_outcome kg_inputs_save(struct store *st, struct arena *a, const struct snapshot *s,
			       const struct user *u, const char *via, const char *code,
			       const struct kg_form_input *in, struct field_errors *e)
{
	struct kg_gemeente g;
	enum kg_outcome o = kg_gemeente_find(st, a, s, code, &g);
	if (o != KG_OK)
		return o;
	if (!policy_may_enter_kengetallen(u, g.code))
		return KG_FORBIDDEN;
	int year = 0;
	enum kg_kind kind = KG_BEGROTING;
	struct kg_input_row *rows;
	int n = check_form(a, in, &year, &kind, &rows, e);
	if (e->n)
		return KG_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct kg_input_set set = {.year = year, .kind = kg_kind_key(kind), .rows = rows, .n = n};
	return store_kg_inputs_write(st, &w, g.code, &set, 1, true) == STORE_OK ? KG_OK : KG_FAILED;
}

enum kg_outcome kg_inputs_form(struct store *st, struct arena *a, const char *code, int year,
			       enum kg_kind kind, struct kg_form_input *out)
{
	memset(out, 0, sizeof *out);
	out->year = arena_printf(a, "%d", year);
	out->kind = kg_kind_key(kind);
	out->unit = "euro";
	struct kg_input_row *rows;
	int n;
	if (store_kg_inputs(st, a, code, year, year, &rows, &n) != STORE_OK)
		return KG_FAILED;
	for (int i = 0; i < n; i++) {
		int c = kg_comp_find(rows[i].component);
		if (c < 0 || strcmp(rows[i].kind, kg_kind_key(kind)) != 0)
			continue;
		char buf[48];
		out->amount[c] =
		    arena_strdup(a, amount_format_nl(rows[i].cents, buf, sizeof buf, 0));
		out->source[c] = rows[i].source;
	}
	return KG_OK;
}

/* ---- the CSV import --------------------------------------------------------------------- */

const char *kg_import_where(struct arena *a, const char *file, const struct kg_import_error *e)
{
	if (e->line <= 0)
		return arena_strdup(a, file);
	if (e->col <= 0)
		return arena_printf(a, "%s, regel %d", file, e->line);
	return arena_printf(a, "%s, regel %d, kolom %d (%s)", file, e->line, e->col,
			    e->column ? e->column : "");
}

static void import_error(struct arena *a, struct kg_import_report *rep, int line, int col,
			 const char *column, const char *msg)
{
	if (rep->n_errors < KG_IMPORT_MAX_ERRORS)
		rep->errors[rep->n_errors] = (struct kg_import_error){
		    .line = line, .col = col, .column = column, .message = arena_strdup(a, msg)};
	rep->n_errors++;
}

static void cell_error(struct arena *a, struct kg_import_report *rep, const struct kg_csv_row *r,
		       int c, const char *msg)
{
	import_error(a, rep, r->line, r->col[c], kg_csv_names[c], msg);
}

struct import_item {
	int year;
	enum kg_kind kind;
	int comp, line;
	int64_t cents;
	const char *source;
};

enum kg_outcome kg_import(struct store *st, struct arena *a, const struct snapshot *s,
			  const struct user *u, const char *via, const char *code, const char *file,
			  const char *data, size_t len, struct kg_import_report *rep)
{
	memset(rep, 0, sizeof *rep);
	struct kg_gemeente g;
	enum kg_outcome o = kg_gemeente_find(st, a, s, code, &g);
	if (o != KG_OK)
		return o;
	if (!policy_may_enter_kengetallen(u, g.code))
		return KG_FORBIDDEN;
	char err[400];
	struct kg_csv_row *rows;
	int n;
	if (kg_csv_read(a, data, len, file, &rows, &n, err, sizeof err)) {
		import_error(a, rep, 0, 0, NULL, err);
		return KG_INVALID;
	}
	struct import_item *items = arena_calloc(a, (size_t)(n ? n : 1), sizeof *items);
	int ni = 0;
	for (int i = 0; i < n; i++) {
		const struct kg_csv_row *r = &rows[i];
		if (str_empty(r->cell[KG_CSV_BEDRAG]) && str_empty(r->cell[KG_CSV_BRON]))
			continue; /* a template row left empty */
		rep->rows++;
		struct import_item it = {.line = r->line, .comp = -1};
		bool ok = true;
		if (!kg_parse_year(r->cell[KG_CSV_JAAR], &it.year)) {
			cell_error(a, rep, r, KG_CSV_JAAR,
				   arena_printf(a, "Vul een jaar in van %d tot en met %d.",
						KG_YEAR_MIN, KG_YEAR_MAX));
			ok = false;
		}
		if (!kg_kind_parse(r->cell[KG_CSV_SOORT], &it.kind)) {
			cell_error(a, rep, r, KG_CSV_SOORT, "Vul begroting of jaarverslag in.");
			ok = false;
		}
		it.comp = kg_comp_find(r->cell[KG_CSV_ONDERDEEL]);
		if (it.comp < 0) {
			cell_error(a, rep, r, KG_CSV_ONDERDEEL,
				   "Onbekend onderdeel; gebruik een naam uit het sjabloon.");
			ok = false;
		}
		enum kg_unit unit;
		if (!kg_unit_parse(r->cell[KG_CSV_EENHEID], &unit)) {
			cell_error(a, rep, r, KG_CSV_EENHEID, "Vul euro of duizend_euro in.");
			ok = false;
		}
		if (it.comp >= 0 && ok) {
			const char *msg =
			    kg_parse_amount(it.comp, r->cell[KG_CSV_BEDRAG], unit, &it.cents);
			if (msg) {
				cell_error(a, rep, r, KG_CSV_BEDRAG, msg);
				ok = false;
			}
		}
		const char *smsg = kg_check_source(r->cell[KG_CSV_BRON]);
		if (smsg) {
			cell_error(a, rep, r, KG_CSV_BRON, smsg);
			ok = false;
		}
		for (int k = 0; ok && k < ni; k++)
			if (items[k].year == it.year && items[k].kind == it.kind &&
			    items[k].comp == it.comp) {
				cell_error(a, rep, r, KG_CSV_ONDERDEEL,
					   arena_printf(a,
							"Dit onderdeel staat voor dit jaar en deze "
							"soort al op regel %d.",
							items[k].line));
				ok = false;
			}
		if (ok) {
			it.source = r->cell[KG_CSV_BRON];
			items[ni++] = it;
		}
	}
	if (!rep->n_errors && !ni)
		import_error(a, rep, 0, 0, NULL,
			     arena_printf(a, "%s: het bestand bevat geen enkel bedrag.", file));
	if (rep->n_errors)
		return KG_INVALID;
	/* group by year and document */
	struct kg_input_set *sets = arena_calloc(a, (size_t)ni, sizeof *sets);
	struct kg_input_row **rws = arena_calloc(a, (size_t)ni, sizeof *rws);
	int ns = 0;
	for (int i = 0; i < ni; i++) {
		int k = 0;
		while (k < ns && !(sets[k].year == items[i].year &&
				   !strcmp(sets[k].kind, kg_kind_key(items[i].kind))))
			k++;
		if (k == ns) {
			sets[ns].year = items[i].year;
			sets[ns].kind = kg_kind_key(items[i].kind);
			rws[ns] = arena_calloc(a, (size_t)ni, sizeof **rws);
			sets[ns].rows = rws[ns];
			ns++;
		}
		rws[k][sets[k].n++] =
		    (struct kg_input_row){.component = kg_comps[items[i].comp].key,
					  .cents = items[i].cents,
					  .source = items[i].source};
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	if (store_kg_inputs_write(st, &w, g.code, sets, ns, false) != STORE_OK)
		return KG_FAILED;
	rep->stored = ni;
	rep->sets = ns;
	return KG_OK;
}

/* ---- bands ------------------------------------------------------------------------------- */

static bool http_url(const char *s)
{
	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= 0x20)
			return false;
	return strlen(s) <= 2000;
}

enum kg_outcome kg_band_save(struct store *st, struct arena *a, const struct user *u,
			     const char *via, const char *key, const struct kg_band_input *in,
			     struct field_errors *e)
{
	(void)a;
	if (!policy_may_edit_kengetal_bands(u))
		return KG_FORBIDDEN;
	if (kg_ratio_find(key) < 0)
		return KG_NOTFOUND;
	struct kg_band_row b = {.ratio = key, .source = in->source, .source_url = in->source_url};
	bool lo = kg_parse_pct(in->low, &b.band.low), hi = kg_parse_pct(in->high, &b.band.high);
	if (!lo)
		field_errors_add(e, "ondergrens",
				 "Vul een percentage in, bijvoorbeeld 90 of 12,5.");
	if (!hi)
		field_errors_add(e, "bovengrens",
				 "Vul een percentage in, bijvoorbeeld 130 of 12,5.");
	if (lo && hi && b.band.low > b.band.high)
		field_errors_add(e, "bovengrens", "De bovengrens is lager dan de ondergrens.");
	if (in->direction && strcmp(in->direction, "hoger_is_beter") == 0)
		b.band.higher_better = true;
	else if (!in->direction || strcmp(in->direction, "lager_is_beter") != 0)
		field_errors_add(e, "richting",
				 "Kies of een lagere of een hogere waarde beter is.");
	if (str_empty(in->source))
		field_errors_add(e, "bron", "Vul de bron van deze signaleringswaarden in.");
	else if (strchr(in->source, '\n') || utf8_length(in->source, strlen(in->source)) > 1000)
		field_errors_add(e, "bron", "De bron is één regel van hoogstens 1000 tekens.");
	if (!str_empty(in->source_url) && !http_url(in->source_url))
		field_errors_add(e, "bronUrl",
				 "Vul een link in die met https:// of http:// begint.");
	if (e->n)
		return KG_INVALID;
	if (!b.source_url)
		b.source_url = "";
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_kg_band_update(st, &w, &b);
	return rc == STORE_OK ? KG_OK : rc == STORE_ERR_NOTFOUND ? KG_NOTFOUND : KG_FAILED;
}
