/*
 * indicatoren — import and reading of the indicator store; see
 * indicatoren.h.
 */
#include "indicatoren.h"
#include "samenwerking_cijfers.h"
#include "../io/indicatoren_csv.h"
#include "../io/indicatoren_json.h"
#include "../lib/arena.h"
#include "../lib/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *indicatoren_kind_name(enum ind_file_kind k)
{
	switch (k) {
	case IND_FILE_AREAS:
		return "gebieden";
	case IND_FILE_DEFS:
		return "indicatordefinities";
	case IND_FILE_VALUES:
		return "waarden";
	case IND_FILE_DOMAINS:
		return "beleidsdomeinen";
	default:
		return "CBS-tabel";
	}
}

struct ctx {
	struct arena *a;
	struct ind_import_report *rep;
	const char *file;
	const struct sheet *sh;
	const char **keys, **codes; /* sorted, from the store */
	int nkeys, ncodes;
	bool json; /* c->sh is a JSON document: line = element, col = field */
};

/* The field name of 1-based column col of a JSON document's element on
 * line (> 0); NULL for CSV, the whole document or the header. */
static const char *field_of(const struct ctx *c, int line, int col)
{
	if (!c->json || line <= 0 || col <= 0 || col > c->sh->ncols)
		return NULL;
	return c->sh->cells[0][col - 1];
}

static void add_err(struct ctx *c, const char *file, int line, int col, const char *msg)
{
	struct ind_import_report *r = c->rep;
	if (r->n_errors < INDICATOREN_MAX_ERRORS)
		r->errors[r->n_errors] =
		    (struct ind_error){file, line, col, field_of(c, line, col), msg};
	r->n_errors++;
}

#define ERR(c, row, col, ...)                                                                      \
	add_err((c), (c)->file, (c)->sh->line[(row)], (col) + 1, arena_printf((c)->a, __VA_ARGS__))

const char *indicatoren_error_where(struct arena *a, const struct ind_error *e)
{
	if (e->line > 0 && e->field)
		return arena_printf(a, "%s, waarde %d, veld '%s'", e->file, e->line, e->field);
	if (e->line > 0 && e->col > 0)
		return arena_printf(a, "%s, regel %d, kolom %d", e->file, e->line, e->col);
	if (e->line > 0)
		return arena_printf(a, "%s, regel %d", e->file, e->line);
	return e->file;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool in_sorted(const char **arr, int n, const char *s)
{
	return n && bsearch(&s, arr, (size_t)n, sizeof *arr, cmp_str);
}

/* Is row r empty (every cell "")? */
static bool row_empty(const struct sheet *sh, int r)
{
	for (int c = 0; c < sh->ncols; c++)
		if (*sh->cells[r][c])
			return false;
	return true;
}

/* Does the header row 0 start with exactly these names? */
static bool header_is(const struct sheet *sh, const char *const *names, int n)
{
	if (sh->nrows < 1 || sh->ncols < n)
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(sh->cells[0][i], names[i]) != 0)
			return false;
	return true;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* ---- areas -------------------------------------------------------------------------- */

static void read_areas(struct ctx *c, struct indicator_area **out, int *n)
{
	const struct sheet *sh = c->sh;
	*out = arena_calloc(c->a, (size_t)sh->nrows, sizeof **out);
	*n = 0;
	for (int r = 1; r < sh->nrows; r++) {
		if (row_empty(sh, r))
			continue;
		struct indicator_area x = {sh->cells[r][0], sh->cells[r][1], sh->cells[r][2],
					   sh->cells[r][3]};
		bool ok = true;
		if (!indicator_area_code_valid(x.code)) {
			ERR(c, r, 0, "'%s' is geen geldige gebiedscode (bijvoorbeeld GM0344)",
			    x.code);
			ok = false;
		}
		if (!*x.name || strlen(x.name) > 200) {
			ERR(c, r, 1, "de naam ontbreekt of is langer dan 200 tekens");
			ok = false;
		}
		if (!indicator_level_valid(x.level)) {
			ERR(c, r, 2,
			    "niveau '%s' bestaat niet; kies gemeente, waterschap, provincie of "
			    "samenwerkingsverband",
			    x.level);
			ok = false;
		}
		if (ok)
			(*out)[(*n)++] = x;
	}
	c->rep->rows = *n;
	struct indicator_area *copy = arena_calloc(c->a, (size_t)*n + 1, sizeof *copy);
	memcpy(copy, *out, (size_t)*n * sizeof *copy);
	if (*n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(copy, (size_t)*n, sizeof *copy, cmp_str);
	for (int i = 1; i < *n; i++)
		if (strcmp(copy[i].code, copy[i - 1].code) == 0)
			add_err(c, c->file, 0, 1,
				arena_printf(c->a,
					     "gebiedscode %s staat meer dan eens in het bestand",
					     copy[i].code));
}

/* ---- definitions ------------------------------------------------------------------- */

static const char *const def_header[] = {"key",	     "naam",	      "definitie",   "eenheid",
					 "thema",    "bron",	      "bron_url",    "licentie",
					 "richting", "gebiedsniveau", "waarschuwing"};

static void read_defs(struct ctx *c, struct indicator_def **out, int *n)
{
	const struct sheet *sh = c->sh;
	*out = arena_calloc(c->a, (size_t)sh->nrows, sizeof **out);
	*n = 0;
	for (int r = 1; r < sh->nrows; r++) {
		if (row_empty(sh, r))
			continue;
		const char *const *v = sh->cells[r];
		struct indicator_def d = {v[0], v[1], v[2], v[3], v[4], v[5],
					  v[6], v[7], v[8], v[9], v[10]};
		bool ok = true;
		if (!indicator_key_valid(d.key)) {
			ERR(c, r, 0,
			    "'%s' is geen geldige sleutel (kleine letters, cijfers en _, hoogstens "
			    "80 tekens)",
			    d.key);
			ok = false;
		}
		static const int required[] = {1, 4, 5};
		for (int k = 0; k < 3; k++)
			if (!*v[required[k]]) {
				ERR(c, r, required[k], "%s is verplicht", def_header[required[k]]);
				ok = false;
			}
		for (int k = 1; k < 11; k++)
			if (strlen(v[k]) > INDICATOR_TEXT_MAX) {
				ERR(c, r, k, "%s is langer dan %d tekens", def_header[k],
				    INDICATOR_TEXT_MAX);
				ok = false;
			}
		if (*d.source_url && strncmp(d.source_url, "https://", 8) != 0 &&
		    strncmp(d.source_url, "http://", 7) != 0) {
			ERR(c, r, 6, "bron_url moet met https:// of http:// beginnen");
			ok = false;
		}
		if (!*d.direction)
			d.direction = "neutraal";
		if (!indicator_direction_valid(d.direction)) {
			ERR(c, r, 8,
			    "richting '%s' bestaat niet; kies hoger_beter, lager_beter of neutraal",
			    d.direction);
			ok = false;
		}
		if (!*d.area_level)
			d.area_level = "gemeente";
		if (!indicator_level_valid(d.area_level)) {
			ERR(c, r, 9,
			    "gebiedsniveau '%s' bestaat niet; kies gemeente, waterschap, provincie "
			    "of samenwerkingsverband",
			    d.area_level);
			ok = false;
		}
		if (ok)
			(*out)[(*n)++] = d;
	}
	c->rep->rows = *n;
	struct indicator_def *copy = arena_calloc(c->a, (size_t)*n + 1, sizeof *copy);
	memcpy(copy, *out, (size_t)*n * sizeof *copy);
	if (*n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(copy, (size_t)*n, sizeof *copy, cmp_str);
	for (int i = 1; i < *n; i++)
		if (strcmp(copy[i].key, copy[i - 1].key) == 0)
			add_err(c, c->file, 0, 1,
				arena_printf(c->a,
					     "indicator %s staat meer dan eens in het bestand",
					     copy[i].key));
}

/* ---- values ------------------------------------------------------------------------ */

struct vrow {
	struct indicator_value_in v;
	int line, col; /* where the value came from */
};

struct vlist {
	struct vrow *rows;
	int n, cap;
};

static void vpush(struct ctx *c, struct vlist *l, struct vrow x)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 1024;
		struct vrow *bigger = arena_alloc(c->a, (size_t)cap * sizeof *bigger);
		if (l->n)
			memcpy(bigger, l->rows, (size_t)l->n * sizeof *bigger);
		l->rows = bigger;
		l->cap = cap;
	}
	l->rows[l->n++] = x;
}

/* Check area (column col of row r) against the store; false with an error. */
static bool area_ok(struct ctx *c, int r, int col, const char *code)
{
	if (!indicator_area_code_valid(code)) {
		ERR(c, r, col, "'%s' is geen geldige gebiedscode (bijvoorbeeld GM0344)", code);
		return false;
	}
	if (!in_sorted(c->codes, c->ncodes, code)) {
		ERR(c, r, col,
		    "onbekende gebiedscode %s (importeer eerst data/indicatoren/gebieden.csv)",
		    code);
		return false;
	}
	return true;
}

static bool number_ok(struct ctx *c, int r, int col, const char *cell, struct indicator_value_in *v)
{
	enum ind_number k = indicator_parse_number(cell, &v->value);
	if (k == IND_NUM_BAD) {
		ERR(c, r, col,
		    "'%s' is geen getal (gebruik een decimale komma of punt; leeg of '.' voor "
		    "ontbrekend)",
		    cell);
		return false;
	}
	v->has = k == IND_NUM_VALUE;
	if (!v->has)
		v->value = 0;
	return true;
}

static void read_long(struct ctx *c, struct vlist *l)
{
	const struct sheet *sh = c->sh;
	int note_col = sh->ncols > 4 && strcmp(sh->cells[0][4], "bron") == 0 ? 4 : -1;
	for (int r = 1; r < sh->nrows; r++) {
		if (row_empty(sh, r))
			continue;
		const char *const *v = sh->cells[r];
		struct vrow x = {.line = sh->line[r], .col = 4};
		x.v.key = v[0];
		x.v.area = v[1];
		x.v.note = note_col >= 0 ? v[note_col] : "";
		bool ok = true;
		if (!in_sorted(c->keys, c->nkeys, v[0])) {
			ERR(c, r, 0,
			    "onbekende indicator '%s' (importeer eerst de definities, "
			    "data/indicatoren/indicatoren.csv)",
			    v[0]);
			ok = false;
		}
		ok = area_ok(c, r, 1, v[1]) && ok;
		char period[INDICATOR_PERIOD_MAX + 1];
		bool prov;
		if (!indicator_period_normalise(v[2], period, sizeof period, &prov)) {
			ERR(c, r, 2, "'%s' is geen periode (bijvoorbeeld 2024)", v[2]);
			ok = false;
		} else {
			x.v.period = arena_strdup(c->a, period);
		}
		ok = number_ok(c, r, 3, v[3], &x.v) && ok;
		if (ok)
			vpush(c, l, x);
	}
}

/* A mapping row: which column of which file becomes which indicator. */
struct maprow {
	const char *bron, *kolom, *indicator, *periode;
	double factor;
};

/* Does file name f match pattern p ("{jaar}" = four digits)? */
static bool bron_matches(const char *p, const char *f)
{
	if (!*p)
		return true;
	const char *y = strstr(p, "{jaar}");
	if (!y)
		return strcmp(p, f) == 0;
	size_t pre = (size_t)(y - p), post = strlen(y + 6);
	size_t n = strlen(f);
	if (n != pre + 4 + post || strncmp(p, f, pre) != 0 || strcmp(f + pre + 4, y + 6) != 0)
		return false;
	for (size_t i = pre; i < pre + 4; i++)
		if (f[i] < '0' || f[i] > '9')
			return false;
	return true;
}

/* The header label h without CBS's numeric key suffix ("Totaal_4" → "Totaal"). */
static size_t label_len(const char *h)
{
	size_t n = strlen(h);
	size_t k = n;
	while (k && h[k - 1] >= '0' && h[k - 1] <= '9')
		k--;
	if (k < n && k > 1 && h[k - 1] == '_')
		return k - 1;
	return n;
}

static bool label_matches(const char *h, const char *kolom)
{
	size_t n = label_len(h), m = strlen(kolom);
	if (n == m && strncmp(h, kolom, n) == 0)
		return true;
	return n > m && h[n - m - 1] == '/' && strncmp(h + n - m, kolom, m) == 0;
}

static bool label_in(const char *h, const char *const *names)
{
	size_t n = label_len(h);
	for (int i = 0; names[i]; i++)
		if (strlen(names[i]) == n && strncasecmp(h, names[i], n) == 0)
			return true;
	return false;
}

static const char *const area_headers[] = {
    "gemeentecode_gm", "gemeentecode", "gwb_code",	  "codering", "regios",
    "gebied",	       "gebiedscode",  "wijkenenbuurten", "code",     NULL};
static const char *const period_headers[] = {"perioden", "periode", "year", "jaar", NULL};

static int read_mapping(struct ctx *c, const char *mfile, const char *data, size_t len,
			struct maprow **out, int *n)
{
	struct sheet ms;
	char delim, err[512];
	*n = 0;
	if (indicatoren_csv_read(c->a, data, len, mfile, &ms, &delim, err, sizeof err)) {
		add_err(c, mfile, 0, 0, arena_strdup(c->a, err));
		return -1;
	}
	const struct sheet *keep = c->sh;
	c->sh = &ms;
	const char *keep_file = c->file;
	c->file = mfile;
	bool keep_json = c->json;
	c->json = false;
	int cb = sheet_col(&ms, "bron"), ck = sheet_col(&ms, "kolom"),
	    ci = sheet_col(&ms, "indicator"), cp = sheet_col(&ms, "periode"),
	    cf = sheet_col(&ms, "factor");
	int rc = 0;
	if (ck < 0 || ci < 0) {
		add_err(c, mfile, ms.nrows ? ms.line[0] : 1, 0,
			"het koppelbestand mist de kolom 'kolom' of 'indicator' (kopregel: "
			"bron,kolom,indicator,periode,factor)");
		rc = -1;
	}
	*out = arena_calloc(c->a, (size_t)(ms.nrows ? ms.nrows : 1), sizeof **out);
	const char *fname = base_name(keep_file);
	for (int r = 1; !rc && r < ms.nrows; r++) {
		if (row_empty(&ms, r))
			continue;
		struct maprow m = {sheet_cell(&ms, r, cb), sheet_cell(&ms, r, ck),
				   sheet_cell(&ms, r, ci), sheet_cell(&ms, r, cp), 1.0};
		if (!bron_matches(m.bron, fname) || strchr(m.indicator, '{'))
			continue; /* another file's, or a layout only the build script reads */
		if (!*m.kolom)
			ERR(c, r, ck, "kolom is verplicht");
		if (!indicator_key_valid(m.indicator))
			ERR(c, r, ci, "'%s' is geen geldige indicatorsleutel", m.indicator);
		else if (!in_sorted(c->keys, c->nkeys, m.indicator))
			ERR(c, r, ci, "onbekende indicator '%s'", m.indicator);
		const char *f = sheet_cell(&ms, r, cf);
		if (*f) {
			struct indicator_value_in tmp;
			if (indicator_parse_number(f, &tmp.value) != IND_NUM_VALUE ||
			    tmp.value == 0)
				ERR(c, r, cf, "factor '%s' is geen getal ongelijk aan 0", f);
			else
				m.factor = tmp.value;
		}
		char period[INDICATOR_PERIOD_MAX + 1];
		bool prov;
		if (*m.periode) {
			if (!indicator_period_normalise(m.periode, period, sizeof period, &prov))
				ERR(c, r, cp, "'%s' is geen periode", m.periode);
			else
				m.periode = arena_strdup(c->a, period);
		}
		(*out)[(*n)++] = m;
	}
	c->sh = keep;
	c->file = keep_file;
	c->json = keep_json;
	if (!rc && !*n) {
		add_err(c, mfile, 0, 0,
			arena_printf(c->a, "het koppelbestand noemt geen kolom van %s", fname));
		rc = -1;
	}
	return c->rep->n_errors ? -1 : rc;
}

static void read_cbs(struct ctx *c, const struct maprow *map, int nmap, struct vlist *l)
{
	const struct sheet *sh = c->sh;
	/* the header: the first row naming a mapped column */
	int hr = -1;
	int *mcol = arena_calloc(c->a, (size_t)nmap, sizeof *mcol);
	for (int r = 0; r < sh->nrows && hr < 0; r++)
		for (int k = 0; k < nmap && hr < 0; k++)
			for (int col = 0; col < sh->ncols; col++)
				if (label_matches(sh->cells[r][col], map[k].kolom)) {
					hr = r;
					break;
				}
	if (hr < 0) {
		add_err(c, c->file, 0, 0,
			c->json ? "geen veld uit het koppelbestand gevonden in de objecten"
				: "geen kopregel gevonden met een kolom uit het koppelbestand");
		return;
	}
	const char *header = c->json ? "de veldnamen" : "de kopregel";
	int acol = -1, pcol = -1;
	for (int col = 0; col < sh->ncols; col++) {
		if (acol < 0 && label_in(sh->cells[hr][col], area_headers))
			acol = col;
		if (pcol < 0 && label_in(sh->cells[hr][col], period_headers))
			pcol = col;
	}
	if (acol < 0)
		ERR(c, hr, 0,
		    "geen kolom met gebiedscodes (verwacht bijvoorbeeld gemeentecode_gm, "
		    "Gemeentecode, gwb_code of Codering)");
	for (int k = 0; k < nmap; k++) {
		mcol[k] = -1;
		for (int col = 0; col < sh->ncols; col++)
			if (label_matches(sh->cells[hr][col], map[k].kolom)) {
				if (mcol[k] >= 0) {
					ERR(c, hr, col, "kolom '%s' staat meer dan eens in %s",
					    map[k].kolom, header);
					break;
				}
				mcol[k] = col;
			}
		if (mcol[k] < 0)
			ERR(c, hr, 0, "kolom '%s' uit het koppelbestand ontbreekt in %s",
			    map[k].kolom, header);
		else if (!*map[k].periode && pcol < 0)
			ERR(c, hr, mcol[k],
			    "geen periode voor kolom '%s': het bestand heeft geen kolom Perioden "
			    "of "
			    "jaar en het koppelbestand geen periode",
			    map[k].kolom);
	}
	if (c->rep->n_errors)
		return;
	const char *fname = base_name(c->file);
	for (int r = hr + 1; r < sh->nrows; r++) {
		const char *code = sh->cells[r][acol];
		int filled = 0;
		for (int col = 0; col < sh->ncols; col++)
			filled += *sh->cells[r][col] != 0;
		if (!filled || (filled <= 1 && !indicator_area_code_valid(code)))
			continue; /* a blank, title or footer line ("Bron: CBS") */
		if (indicator_area_is_country(code))
			continue;
		if (!area_ok(c, r, acol, code))
			continue;
		char period[INDICATOR_PERIOD_MAX + 1] = "";
		bool prov = false, pok = true;
		if (pcol >= 0 &&
		    !indicator_period_normalise(sh->cells[r][pcol], period, sizeof period, &prov)) {
			pok = false;
		}
		for (int k = 0; k < nmap; k++) {
			struct vrow x = {.line = sh->line[r], .col = mcol[k] + 1};
			x.v.key = map[k].indicator;
			x.v.area = code;
			if (*map[k].periode) {
				x.v.period = map[k].periode;
			} else if (!pok) {
				ERR(c, r, pcol, "'%s' is geen periode (bijvoorbeeld 2024)",
				    sh->cells[r][pcol]);
				break;
			} else {
				x.v.period = arena_strdup(c->a, period);
			}
			if (!number_ok(c, r, mcol[k], sh->cells[r][mcol[k]], &x.v))
				continue;
			if (x.v.has)
				x.v.value *= map[k].factor;
			x.v.note = arena_printf(c->a, "%s%s", fname, prov ? " (voorlopig)" : "");
			vpush(c, l, x);
		}
	}
}

/* A JSON document in OData's long shape: one element per observation.
 * The mapping's kolom names a Measure code; elements of measures the
 * mapping does not name are skipped. A ValueAttribute other than "None"
 * (CBS: confidential, not available, …) or a null Value is missing. */
static void read_odata_long(struct ctx *c, const struct maprow *map, int nmap, struct vlist *l)
{
	const struct sheet *sh = c->sh;
	int mcol = sheet_col(sh, "Measure"), vcol = sheet_col(sh, "Value"),
	    xcol = sheet_col(sh, "ValueAttribute");
	int acol = -1, pcol = -1;
	for (int col = 0; col < sh->ncols; col++) {
		if (acol < 0 && label_in(sh->cells[0][col], area_headers))
			acol = col;
		if (pcol < 0 && label_in(sh->cells[0][col], period_headers))
			pcol = col;
	}
	if (acol < 0)
		add_err(c, c->file, 0, 0,
			"geen veld met gebiedscodes (verwacht bijvoorbeeld RegioS of "
			"WijkenEnBuurten)");
	for (int k = 0; k < nmap; k++)
		if (!*map[k].periode && pcol < 0) {
			add_err(
			    c, c->file, 0, 0,
			    arena_printf(c->a,
					 "geen periode voor Measure '%s': de objecten hebben geen "
					 "veld Perioden en het koppelbestand geen periode",
					 map[k].kolom));
			break;
		}
	if (c->rep->n_errors)
		return;
	bool *used = arena_calloc(c->a, (size_t)nmap, sizeof *used);
	int *hit = arena_calloc(c->a, (size_t)nmap, sizeof *hit);
	const char *fname = base_name(c->file);
	for (int r = 1; r < sh->nrows; r++) {
		const char *measure = sh->cells[r][mcol];
		int nhit = 0;
		for (int k = 0; k < nmap; k++)
			if (label_matches(measure, map[k].kolom))
				hit[nhit++] = k;
		if (!nhit)
			continue;
		for (int h = 0; h < nhit; h++)
			used[hit[h]] = true;
		const char *code = sh->cells[r][acol];
		if (indicator_area_is_country(code) || !area_ok(c, r, acol, code))
			continue;
		char period[INDICATOR_PERIOD_MAX + 1] = "";
		bool prov = false,
		     pok = pcol < 0 || indicator_period_normalise(sh->cells[r][pcol], period,
								  sizeof period, &prov);
		const char *attr = xcol >= 0 ? sh->cells[r][xcol] : "";
		for (int h = 0; h < nhit; h++) {
			const struct maprow *m = &map[hit[h]];
			struct vrow x = {.line = sh->line[r], .col = vcol + 1};
			x.v.key = m->indicator;
			x.v.area = code;
			if (*m->periode) {
				x.v.period = m->periode;
			} else if (!pok) {
				ERR(c, r, pcol,
				    "'%s' is geen periode (bijvoorbeeld 2023JJ00, 2023KW01 of "
				    "2023MM01)",
				    sh->cells[r][pcol]);
				break;
			} else {
				x.v.period = arena_strdup(c->a, period);
			}
			if (*attr && strcmp(attr, "None") != 0) {
				x.v.has = false;
				x.v.value = 0;
			} else if (!number_ok(c, r, vcol, sh->cells[r][vcol], &x.v)) {
				break;
			}
			if (x.v.has)
				x.v.value *= m->factor;
			x.v.note = arena_printf(c->a, "%s%s", fname, prov ? " (voorlopig)" : "");
			vpush(c, l, x);
		}
	}
	for (int k = 0; k < nmap; k++)
		if (!used[k])
			add_err(c, c->file, 0, 0,
				arena_printf(c->a,
					     "Measure '%s' uit het koppelbestand komt in geen "
					     "enkele waarde voor",
					     map[k].kolom));
}

static int cmp_vrow(const void *x, const void *y)
{
	const struct vrow *a = x, *b = y;
	int k = strcmp(a->v.key, b->v.key);
	if (!k)
		k = strcmp(a->v.area, b->v.area);
	if (!k)
		k = strcmp(a->v.period, b->v.period);
	if (!k)
		k = a->line - b->line;
	return k;
}

static void check_duplicates(struct ctx *c, struct vlist *l)
{
	if (l->n < 2)
		return;
	struct vrow *s = arena_alloc(c->a, (size_t)l->n * sizeof *s);
	memcpy(s, l->rows, (size_t)l->n * sizeof *s);
	if (l->n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(s, (size_t)l->n, sizeof *s, cmp_vrow);
	for (int i = 1; i < l->n; i++)
		if (strcmp(s[i].v.key, s[i - 1].v.key) == 0 &&
		    strcmp(s[i].v.area, s[i - 1].v.area) == 0 &&
		    strcmp(s[i].v.period, s[i - 1].v.period) == 0)
			add_err(c, c->file, s[i].line, s[i].col,
				arena_printf(c->a,
					     "dubbele waarde voor indicator %s, gebied %s, periode "
					     "%s (ook %s %d)",
					     s[i].v.key, s[i].v.area, s[i].v.period,
					     c->json ? "in waarde" : "op regel", s[i - 1].line));
}

static int cmp_err(const void *x, const void *y)
{
	const struct ind_error *a = x, *b = y;
	return a->line != b->line ? a->line - b->line : a->col - b->col;
}

int indicatoren_import(struct store *st, struct arena *a, const struct write_ctx *w,
		       const char *file, const char *data, size_t len, const char *mapping_file,
		       const char *mapping, size_t mapping_len, bool dry_run,
		       struct ind_import_report *rep)
{
	memset(rep, 0, sizeof *rep);
	struct sheet sh;
	char delim, err[512];
	struct ctx c = {.a = a, .rep = rep, .file = file, .sh = &sh};
	enum ind_json_shape shape = IND_JSON_WIDE;
	c.json = indicatoren_json_detect(data, len, file);
	if (c.json ? indicatoren_json_read(a, data, len, file, &sh, &shape, err, sizeof err)
		   : indicatoren_csv_read(a, data, len, file, &sh, &delim, err, sizeof err)) {
		/* the reader's message starts with the file name, which the error names */
		size_t fl = strlen(file);
		const char *msg = err;
		if (strncmp(err, file, fl) == 0 && (err[fl] == ':' || err[fl] == ','))
			msg = err + fl + 2;
		add_err(&c, file, 0, 0, arena_strdup(a, msg));
		return -1;
	}
	if (sh.nrows < 1) {
		add_err(&c, file, 0, 0, "het bestand is leeg");
		return -1;
	}
	static const char *const areas_h[] = {"code", "naam", "niveau", "provincie"};
	static const char *const values_h[] = {"indicator", "gebied", "periode", "waarde"};
	struct indicator_area *areas = NULL;
	struct indicator_def *defs = NULL;
	int nareas = 0, ndefs = 0;
	struct vlist vals = {0};
	if (store_indicator_keys(st, a, &c.keys, &c.nkeys) ||
	    store_indicator_area_codes(st, a, &c.codes, &c.ncodes)) {
		snprintf(rep->fatal, sizeof rep->fatal, "de database is niet bereikbaar");
		return -1;
	}
	if (c.json) {
		/* OData: always a table to map, long or wide */
		rep->kind = IND_FILE_CBS;
		struct maprow *map;
		int nmap;
		if (!mapping)
			add_err(&c, file, 0, 0,
				"voor een JSON-bestand (OData) is een koppelbestand nodig "
				"(bron,kolom,indicator,periode,factor)");
		else if (!read_mapping(&c, mapping_file ? mapping_file : "koppelbestand", mapping,
				       mapping_len, &map, &nmap)) {
			if (shape == IND_JSON_LONG)
				read_odata_long(&c, map, nmap, &vals);
			else
				read_cbs(&c, map, nmap, &vals);
		}
	} else if (header_is(&sh, areas_h, 4)) {
		rep->kind = IND_FILE_AREAS;
		read_areas(&c, &areas, &nareas);
	} else if (header_is(&sh, def_header, 11)) {
		rep->kind = IND_FILE_DEFS;
		read_defs(&c, &defs, &ndefs);
	} else if (header_is(&sh, values_h, 4)) {
		rep->kind = IND_FILE_VALUES;
		read_long(&c, &vals);
	} else if (header_is(&sh, sc_mapping_header, 3)) {
		rep->kind = IND_FILE_DOMAINS;
		int rc = samenwerking_cijfers_import_domains(st, a, w, base_name(file), &sh, c.keys,
							     c.nkeys, dry_run, rep);
		if (rep->n_errors > 1) {
			int kept = rep->n_errors < INDICATOREN_MAX_ERRORS ? rep->n_errors
									  : INDICATOREN_MAX_ERRORS;
			qsort(rep->errors, (size_t)kept, sizeof *rep->errors, cmp_err);
		}
		return rc;
	} else if (mapping) {
		rep->kind = IND_FILE_CBS;
		struct maprow *map;
		int nmap;
		if (!read_mapping(&c, mapping_file ? mapping_file : "koppelbestand", mapping,
				  mapping_len, &map, &nmap))
			read_cbs(&c, map, nmap, &vals);
	} else {
		add_err(&c, file, sh.line[0], 0,
			"onbekende kopregel: verwacht code,naam,niveau,provincie (gebieden), "
			"key,naam,definitie,… (indicatoren), indicator,gebied,periode,waarde "
			"(waarden) of beleidsdomein,indicatoren,toelichting (beleidsdomeinen); "
			"voor een CBS-tabel is een koppelbestand nodig (--mapping)");
	}
	if (rep->kind == IND_FILE_VALUES || rep->kind == IND_FILE_CBS) {
		check_duplicates(&c, &vals);
		rep->rows = vals.n;
	}
	if (rep->n_errors) {
		int kept =
		    rep->n_errors < INDICATOREN_MAX_ERRORS ? rep->n_errors : INDICATOREN_MAX_ERRORS;
		if (kept > 1) /* qsort(NULL, 0, …) is undefined */
			qsort(rep->errors, (size_t)kept, sizeof *rep->errors, cmp_err);
		return -1;
	}
	struct indicator_value_in *in = arena_alloc(a, (size_t)(vals.n ? vals.n : 1) * sizeof *in);
	for (int i = 0; i < vals.n; i++)
		in[i] = vals.rows[i].v;
	int rc =
	    store_indicator_import(st, a, w, base_name(file), defs, ndefs, areas, nareas, in,
				   vals.n, dry_run, &rep->counts, rep->fatal, sizeof rep->fatal);
	return rc == STORE_OK ? 0 : -1;
}

/* ---- reading ----------------------------------------------------------------------- */

int indicatoren_all(struct store *st, struct arena *a, struct indicator_row **out, int *n)
{
	return store_indicators(st, a, out, n);
}

int indicatoren_one(struct store *st, struct arena *a, const char *key, struct indicator_row *out)
{
	if (!indicator_key_valid(key)) {
		memset(out, 0, sizeof *out);
		return STORE_ERR_NOTFOUND;
	}
	return store_indicator_get(st, a, key, out);
}

const char *indicatoren_latest_period(const struct indicator_row *r)
{
	for (int i = r->n_periods - 1; i >= 0; i--)
		if (r->periods[i].n_present > 0)
			return r->periods[i].period;
	return NULL;
}

bool indicatoren_has_period(const struct indicator_row *r, const char *period)
{
	for (int i = 0; period && i < r->n_periods; i++)
		if (strcmp(r->periods[i].period, period) == 0)
			return true;
	return false;
}

static int cmp_ranked(const void *x, const void *y)
{
	const struct indicator_ranked *a = x, *b = y;
	if ((a->rank == 0) != (b->rank == 0))
		return a->rank == 0 ? 1 : -1;
	if (a->rank != b->rank)
		return a->rank - b->rank;
	return str_collate_nl(a->v.area_name, b->v.area_name);
}

int indicatoren_province_ranked(struct store *st, struct arena *a, const struct indicator_row *r,
				const char *period, const char *province,
				struct indicator_ranked **out, int *n)
{
	struct indicator_value_row *v;
	int nv, total;
	*out = NULL;
	*n = 0;
	if (!period)
		return STORE_OK;
	if (store_indicator_values(st, a, r->id, NULL, period, province, -1, 0, &v, &nv, &total))
		return STORE_ERR;
	double *vals = arena_calloc(a, (size_t)nv + 1, sizeof *vals);
	bool *has = arena_calloc(a, (size_t)nv + 1, sizeof *has);
	int *rank = arena_calloc(a, (size_t)nv + 1, sizeof *rank);
	for (int i = 0; i < nv; i++) {
		vals[i] = v[i].value;
		has[i] = v[i].has;
	}
	indicator_rank(vals, has, nv, r->d.direction, rank);
	*out = arena_calloc(a, (size_t)nv + 1, sizeof **out);
	for (int i = 0; i < nv; i++)
		(*out)[i] = (struct indicator_ranked){v[i], rank[i]};
	if (nv > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(*out, (size_t)nv, sizeof **out, cmp_ranked);
	*n = nv;
	return STORE_OK;
}

int indicatoren_values(struct store *st, struct arena *a, const struct indicator_row *r,
		       const char *area, const char *period, int limit, int offset,
		       struct indicator_value_row **out, int *n, int *total)
{
	return store_indicator_values(st, a, r->id, area, period, NULL, limit, offset, out, n,
				      total);
}
