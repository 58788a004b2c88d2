/*
 * csv_import — see csv_import.h. Reading uses libcsv (one parser per
 * import, fed line by line so every record knows the line it starts on);
 * writing uses render/csv.h.
 */
#include "csv_import.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "../render/csv.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CSV_STATE_ROW_NOT_BEGUN = 0 };

#define MAX_COLS 24

/* The template columns, in export order. */
static const char *const collab_cols[] = {"sleutel",
					  "naam",
					  "korteNaam",
					  "soort",
					  "juridischeVorm",
					  "bevoegdheidsverkrijging",
					  "beleidsdomeinen",
					  "fase",
					  "doel",
					  "vestigingsplaats",
					  "startdatum",
					  "einddatum",
					  "website",
					  "bron",
					  "opmerking",
					  NULL};
static const char *const part_cols[] = {
    "id",	"samenwerkingsverband", "organisatie", "orgaan",    "rol", "kostenverdeelsleutel",
    "bijdrage", "toegetreden",		"uitgetreden", "opmerking", NULL};

const char *csv_table_name(enum csv_table t)
{
	return t == CSV_TABLE_COLLABS ? "samenwerkingsverbanden"
	       : t == CSV_TABLE_PARTS ? "deelnames"
				      : "onbekend";
}

/* ------------------------------------------------------------ errors */

static void add_error(struct csv_import_report *rep, int line, const char *field, const char *fmt,
		      ...) __attribute__((format(printf, 4, 5)));

static void add_error(struct csv_import_report *rep, int line, const char *field, const char *fmt,
		      ...)
{
	if (rep->n_errors++ >= CSV_IMPORT_MAX_ERRORS)
		return;
	struct csv_import_error *e = &rep->errors[rep->n_errors - 1];
	e->line = line;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------ parsing */

struct row {
	int line;
	char *v[MAX_COLS];
	int n;
	bool too_many;
};

struct pctx {
	struct row cur;
	struct row *rows;
	int nrows, cap;
	int start_line;
};

static void on_field(void *data, size_t len, void *arg)
{
	struct pctx *c = arg;
	if (c->cur.n >= MAX_COLS) {
		c->cur.too_many = true;
		return;
	}
	const char *d = data ? data : "";
	/* undo the export's formula neutralisation ("'=..." → "=...") */
	if (len >= 2 && d[0] == '\'' && strchr("=+-@\t\r", d[1])) {
		d++;
		len--;
	}
	char *v = xmalloc(len + 1);
	memcpy(v, d, len);
	v[len] = '\0';
	c->cur.v[c->cur.n++] = v;
}

static void on_record(int ch, void *arg)
{
	(void)ch;
	struct pctx *c = arg;
	if (c->nrows == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->rows = xreallocarray(c->rows, (size_t)c->cap, sizeof *c->rows);
	}
	c->cur.line = c->start_line;
	c->rows[c->nrows++] = c->cur;
	memset(&c->cur, 0, sizeof c->cur);
}

static void rows_free(struct pctx *c)
{
	for (int i = 0; i < c->nrows; i++)
		for (int j = 0; j < c->rows[i].n; j++)
			free(c->rows[i].v[j]);
	for (int j = 0; j < c->cur.n; j++)
		free(c->cur.v[j]);
	free(c->rows);
}

/* ';' or ',' — whichever occurs more often outside quotes in the first
 * line (',' on a tie). */
static char detect_sep(const char *p, size_t len)
{
	int semi = 0, comma = 0;
	bool q = false;
	for (size_t i = 0; i < len && p[i] != '\n'; i++) {
		if (p[i] == '"')
			q = !q;
		else if (!q && p[i] == ';')
			semi++;
		else if (!q && p[i] == ',')
			comma++;
	}
	return semi > comma ? ';' : ',';
}

static int parse(const char *data, size_t len, char sep, struct pctx *c,
		 struct csv_import_report *rep)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		add_error(rep, 0, NULL, "De CSV-lezer kon niet starten.");
		return -1;
	}
	csv_set_delim(&p, (unsigned char)sep);
	size_t pos = 0;
	int line = 0, rc = 0;
	c->start_line = 1;
	while (pos < len) {
		line++;
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
		if (p.pstate == CSV_STATE_ROW_NOT_BEGUN)
			c->start_line = line;
		if (csv_parse(&p, data + pos, n, on_field, on_record, c) != n) {
			add_error(rep, line, NULL, "Ongeldige CSV: %s.",
				  csv_error(&p) == CSV_EPARSE
				      ? "aanhalingsteken op een verkeerde plaats"
				      : csv_strerror(csv_error(&p)));
			rc = -1;
			break;
		}
		pos += n;
	}
	if (rc == 0 && csv_fini(&p, on_field, on_record, c) != 0) {
		add_error(rep, c->start_line, NULL, "Aanhalingsteken niet afgesloten.");
		rc = -1;
	}
	csv_free(&p);
	return rc;
}

/* ------------------------------------------------------------ applying */

/* Column index per template column, -1 when absent. */
struct colmap {
	int idx[MAX_COLS];
};

static const char *val(const struct row *r, const struct colmap *m, int col)
{
	int i = m->idx[col];
	if (i < 0 || i >= r->n)
		return NULL;
	return r->v[i] ? r->v[i] : "";
}

static void field_errors_to(struct csv_import_report *rep, int line, const struct field_errors *e)
{
	for (int i = 0; i < e->n; i++)
		add_error(rep, line, e->e[i].field, "%s: %s", e->e[i].field, e->e[i].message);
}

enum {
	C_KEY,
	C_NAME,
	C_SHORT,
	C_KIND,
	C_LF,
	C_POW,
	C_DOM,
	C_PHASE,
	C_PURPOSE,
	C_SEAT,
	C_START,
	C_END,
	C_WEB,
	C_SOURCE,
	C_NOTE
};
enum { P_ID, P_COLLAB, P_ORG, P_BODY, P_ROLE, P_COST, P_CONTRIB, P_JOINED, P_LEFT, P_NOTE };

static void apply_collab(const struct csv_import_sink *k, const struct row *r,
			 const struct colmap *m, struct csv_import_report *rep)
{
	struct field_errors fe = {0};
	const char *key = val(r, m, C_KEY);
	const char *src = val(r, m, C_SOURCE);
	struct collab_input in = {
	    .name = val(r, m, C_NAME),
	    .short_name = val(r, m, C_SHORT),
	    .kind = val(r, m, C_KIND),
	    .legal_form = val(r, m, C_LF),
	    .powers = val(r, m, C_POW),
	    .domains = val(r, m, C_DOM),
	    .phase = val(r, m, C_PHASE),
	    .purpose = val(r, m, C_PURPOSE),
	    .seat = val(r, m, C_SEAT),
	    .start_date = val(r, m, C_START),
	    .end_date = val(r, m, C_END),
	    .website = val(r, m, C_WEB),
	    .note = val(r, m, C_NOTE),
	    .source_key = str_empty(src) ? NULL : src,
	};
	if (str_empty(key)) {
		char newkey[128];
		int rc = k->collab_create(k->ctx, &in, newkey, sizeof newkey, &fe);
		if (rc == CSV_SINK_OK) {
			rep->added++;
			buf_printf(&rep->added_keys, "regel %d: %s\n", r->line, newkey);
		} else if (fe.n) {
			field_errors_to(rep, r->line, &fe);
		} else {
			add_error(rep, r->line, NULL, "Opslaan mislukt (interne fout).");
		}
		return;
	}
	int64_t version = 0, now = 0;
	int rc = k->collab_version(k->ctx, key, &version);
	if (rc == CSV_SINK_NOTFOUND) {
		add_error(rep, r->line, "sleutel",
			  "sleutel: er is geen samenwerkingsverband '%.80s'; laat de sleutel leeg "
			  "voor een nieuw samenwerkingsverband.",
			  key);
		return;
	}
	if (rc == CSV_SINK_OK)
		rc = k->collab_update(k->ctx, key, version, &in, &fe, &now);
	if (rc == CSV_SINK_OK)
		now > version ? rep->changed++ : rep->unchanged++;
	else if (fe.n)
		field_errors_to(rep, r->line, &fe);
	else
		add_error(rep, r->line, NULL, "Opslaan mislukt (interne fout).");
}

static void apply_part(const struct csv_import_sink *k, const struct row *r, const struct colmap *m,
		       struct csv_import_report *rep)
{
	struct field_errors fe = {0};
	const char *id = val(r, m, P_ID);
	const char *ck = val(r, m, P_COLLAB);
	struct part_input in = {
	    .org_code = val(r, m, P_ORG),
	    .body = val(r, m, P_BODY),
	    .role = val(r, m, P_ROLE),
	    .cost_share = val(r, m, P_COST),
	    .contribution = val(r, m, P_CONTRIB),
	    .joined = val(r, m, P_JOINED),
	    .left = val(r, m, P_LEFT),
	    .note = val(r, m, P_NOTE),
	};
	int64_t version = 0, now = 0;
	if (str_empty(ck)) {
		add_error(rep, r->line, "samenwerkingsverband",
			  "samenwerkingsverband: vul de sleutel van het samenwerkingsverband in.");
		return;
	}
	if (k->collab_version(k->ctx, ck, &version) != CSV_SINK_OK) {
		add_error(rep, r->line, "samenwerkingsverband",
			  "samenwerkingsverband: er is geen samenwerkingsverband '%.80s'.", ck);
		return;
	}
	if (str_empty(id)) {
		int64_t newid = 0;
		int rc = k->part_create(k->ctx, ck, &in, &newid, &fe);
		if (rc == CSV_SINK_OK) {
			rep->added++;
			buf_printf(&rep->added_keys, "regel %d: %s/%lld\n", r->line, ck,
				   (long long)newid);
		} else if (fe.n) {
			field_errors_to(rep, r->line, &fe);
		} else {
			add_error(rep, r->line, NULL, "Opslaan mislukt (interne fout).");
		}
		return;
	}
	int rc = k->part_version(k->ctx, ck, id, &version);
	if (rc == CSV_SINK_NOTFOUND) {
		add_error(rep, r->line, "id",
			  "id: samenwerkingsverband '%.80s' heeft geen deelname %.20s; laat id "
			  "leeg voor een nieuwe deelname.",
			  ck, id);
		return;
	}
	if (rc == CSV_SINK_OK)
		rc = k->part_update(k->ctx, strtoll(id, NULL, 10), version, &in, &fe, &now);
	if (rc == CSV_SINK_OK)
		now > version ? rep->changed++ : rep->unchanged++;
	else if (fe.n)
		field_errors_to(rep, r->line, &fe);
	else
		add_error(rep, r->line, NULL, "Opslaan mislukt (interne fout).");
}

/* Map the header row onto the template columns of the detected table. */
static int read_header(const struct row *h, struct colmap *m, struct csv_import_report *rep)
{
	bool has[8] = {0};
	for (int i = 0; i < h->n; i++) {
		const char *n = h->v[i] ? h->v[i] : "";
		has[0] |= strcmp(n, "samenwerkingsverband") == 0;
		has[1] |= strcmp(n, "organisatie") == 0;
		has[2] |= strcmp(n, "sleutel") == 0;
		has[3] |= strcmp(n, "naam") == 0;
	}
	const char *const *cols;
	if (has[0] && has[1]) {
		rep->table = CSV_TABLE_PARTS;
		cols = part_cols;
	} else if (has[2] && has[3]) {
		rep->table = CSV_TABLE_COLLABS;
		cols = collab_cols;
	} else {
		add_error(rep, h->line, NULL,
			  "Kopregel niet herkend: een bestand met samenwerkingsverbanden heeft de "
			  "kolommen 'sleutel' en 'naam', een bestand met deelnames "
			  "'samenwerkingsverband' en 'organisatie' (zie de handleiding).");
		return -1;
	}
	for (int j = 0; j < MAX_COLS; j++)
		m->idx[j] = -1;
	int bad = 0;
	for (int i = 0; i < h->n; i++) {
		const char *n = h->v[i] ? h->v[i] : "";
		int found = -1;
		for (int j = 0; cols[j]; j++)
			if (strcmp(n, cols[j]) == 0)
				found = j;
		if (found < 0) {
			add_error(rep, h->line, NULL, "Kolom %d ('%.60s') is onbekend voor %s.",
				  i + 1, n, csv_table_name(rep->table));
			bad = -1;
		} else if (m->idx[found] >= 0) {
			add_error(rep, h->line, NULL, "Kolom '%s' staat er twee keer in.", n);
			bad = -1;
		} else {
			m->idx[found] = i;
		}
	}
	return bad;
}

int csv_import(const struct csv_import_sink *k, const char *data, size_t len, bool dry_run,
	       struct csv_import_report *rep)
{
	struct pctx c = {0};
	struct colmap m;
	bool batch = false;
	int rc = -1;

	memset(rep, 0, sizeof *rep);
	rep->added_keys = (struct buf)BUF_INIT;
	if (len > CSV_IMPORT_MAX_BYTES) {
		add_error(rep, 0, NULL, "Het bestand is groter dan %u bytes.",
			  CSV_IMPORT_MAX_BYTES);
		goto out;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (memchr(data, '\0', len)) {
		add_error(rep, 0, NULL,
			  "Het bestand bevat NUL-tekens; is het wel een CSV-bestand?");
		goto out;
	}
	if (!utf8_is_valid(data, len)) {
		/* find the first bad line for the message */
		int line = 1;
		size_t start = 0;
		for (size_t i = 0; i <= len; i++) {
			if (i == len || data[i] == '\n') {
				if (!utf8_is_valid(data + start, i - start))
					break;
				line++;
				start = i + 1;
			}
		}
		add_error(rep, line, NULL,
			  "Geen geldige UTF-8. Sla het bestand op als 'CSV UTF-8'.");
		goto out;
	}
	rep->sep = detect_sep(data, len);
	if (parse(data, len, rep->sep, &c, rep) < 0)
		goto out;
	if (c.nrows == 0) {
		add_error(rep, 1, NULL, "Het bestand is leeg: de kopregel ontbreekt.");
		goto out;
	}
	if (read_header(&c.rows[0], &m, rep) < 0)
		goto out;
	int ncols = c.rows[0].n;
	if (k->begin(k->ctx) != CSV_SINK_OK) {
		add_error(rep, 0, NULL, "De database kon de import niet starten.");
		goto out;
	}
	batch = true;
	for (int i = 1; i < c.nrows; i++) {
		const struct row *r = &c.rows[i];
		if (r->n == 1 && str_empty(r->v[0]))
			continue; /* an empty line */
		rep->rows++;
		if (r->too_many || r->n != ncols) {
			add_error(rep, r->line, NULL,
				  "%d kolommen, verwacht %d (zoals de kopregel).",
				  r->too_many ? MAX_COLS + 1 : r->n, ncols);
			continue;
		}
		if (rep->table == CSV_TABLE_COLLABS)
			apply_collab(k, r, &m, rep);
		else
			apply_part(k, r, &m, rep);
	}
	if (rep->n_errors == 0 && rep->rows == 0)
		add_error(rep, 2, NULL, "Het bestand bevat alleen een kopregel.");
	bool ok = rep->n_errors == 0;
	batch = false;
	if (k->end(k->ctx, ok && !dry_run) != CSV_SINK_OK) {
		add_error(rep, 0, NULL, "De database kon de import niet vastleggen.");
		goto out;
	}
	rc = ok ? 0 : -1;
out:
	if (batch)
		k->end(k->ctx, false);
	rows_free(&c);
	return rc;
}

void csv_import_report_free(struct csv_import_report *rep)
{
	buf_free(&rep->added_keys);
}

/* ------------------------------------------------------------ export */

void csv_format_share(double v, char *out, size_t outlen)
{
	for (int prec = 6; prec <= 17; prec++) {
		snprintf(out, outlen, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static void header(struct csv *c, const char *const *cols)
{
	for (int i = 0; cols[i]; i++)
		csv_cell(c, cols[i]);
	csv_end_row(c);
}

static const char *src_key(const struct snapshot *s, int i)
{
	return i >= 0 && i < s->n_sources ? s->sources[i].key : "";
}

void csv_export_collabs(struct buf *b, const struct snapshot *s)
{
	struct csv c;
	csv_begin(&c, b);
	header(&c, collab_cols);
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *k = &s->collabs[i];
		struct buf d = BUF_INIT;
		/* sorted keys, as the store normalises them */
		const char *keys[64];
		int nd = 0;
		for (int j = 0; j < k->n_domains && nd < 64; j++)
			keys[nd++] = s->domains[k->domains[j]].key;
		for (int a = 1; a < nd; a++)
			for (int z = a; z > 0 && strcmp(keys[z - 1], keys[z]) > 0; z--) {
				const char *t = keys[z];
				keys[z] = keys[z - 1];
				keys[z - 1] = t;
			}
		for (int j = 0; j < nd; j++)
			buf_printf(&d, "%s%s", j ? ";" : "", keys[j]);
		csv_cell(&c, k->key);
		csv_cell(&c, k->name);
		csv_cell(&c, k->short_name);
		csv_cell(&c, collab_kind_labels[k->kind].api);
		csv_cell(&c, legal_form_labels[k->legal_form].api);
		csv_cell(&c, powers_labels[k->powers].api);
		csv_cell(&c, d.data ? d.data : "");
		csv_cell(&c, phase_labels[k->phase].api);
		csv_cell(&c, k->purpose);
		csv_cell(&c, k->seat);
		csv_cell(&c, k->start_date);
		csv_cell(&c, k->end_date);
		csv_cell(&c, k->website);
		csv_cell(&c, src_key(s, k->source));
		csv_cell(&c, k->note);
		csv_end_row(&c);
		buf_free(&d);
	}
}

void csv_export_parts(struct buf *b, const struct snapshot *s)
{
	struct csv c;
	csv_begin(&c, b);
	header(&c, part_cols);
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *k = &s->collabs[i];
		for (int j = 0; j < k->n_parts; j++) {
			const struct participation *p = &s->parts[k->parts[j]];
			char share[40] = "";
			if (p->cost_share >= 0)
				csv_format_share(p->cost_share, share, sizeof share);
			csv_int(&c, p->id);
			csv_cell(&c, k->key);
			csv_cell(&c, s->orgs[p->organisation].code);
			csv_cell(&c, body_labels[p->body].api);
			csv_cell(&c, role_labels[p->role].api);
			csv_cell(&c, share);
			if (p->contribution >= 0)
				csv_int(&c, p->contribution);
			else
				csv_cell(&c, "");
			csv_cell(&c, p->joined);
			csv_cell(&c, p->left);
			csv_cell(&c, p->note);
			csv_end_row(&c);
		}
	}
}
