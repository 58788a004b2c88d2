/*
 * changeset_upload — see changeset_upload.h.
 */
#include "changeset_upload.h"
#include "../domain/model.h"
#include "../domain/provenance.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/secret.h"
#include "../lib/text.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Does name end in ext (ASCII, case-insensitive)? */
static bool ends_with_ci(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n > e && str_casecmp_ascii(name + n - e, ext) == 0;
}

struct probs {
	struct arena *a;
	struct cs_problem *p;
	int n, cap;
};

static void problem(struct probs *ps, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void problem(struct probs *ps, const char *file, const char *fmt, ...)
{
	if (ps->n == ps->cap) {
		int cap = ps->cap ? ps->cap * 2 : 8;
		struct cs_problem *bigger = arena_calloc(ps->a, (size_t)cap, sizeof *bigger);
		if (ps->n)
			memcpy(bigger, ps->p, (size_t)ps->n * sizeof *bigger);
		ps->p = bigger;
		ps->cap = cap;
	}
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ps->p[ps->n++] =
	    (struct cs_problem){arena_strdup(ps->a, file ? file : ""), 0, arena_strdup(ps->a, msg)};
}

/* A reader's message starts with the file name ("x.csv: reason"); the
 * problem names the file on its own, so drop that prefix. */
static const char *reason_of(const char *err, const char *file)
{
	size_t n = strlen(file);
	if (strncmp(err, file, n) == 0 && err[n] == ':' && err[n + 1] == ' ')
		return err + n + 2;
	return err;
}

int changeset_upload_read(struct arena *a, const struct cs_file *files, int n, const char *title,
			  struct changeset *cs, struct cs_problem **probs, int *n_probs)
{
	struct probs ps = {.a = a};
	memset(cs, 0, sizeof *cs);
	*probs = NULL;
	*n_probs = 0;
	size_t total = 0;
	int n_xlsx = 0, n_csv = 0;
	for (int i = 0; i < n; i++) {
		total += files[i].len;
		if (ends_with_ci(files[i].name, ".xlsx"))
			n_xlsx++;
		else if (ends_with_ci(files[i].name, ".csv"))
			n_csv++;
		else
			problem(
			    &ps, files[i].name,
			    "dit bestand wordt niet gelezen: upload een XLSX-werkmap (.xlsx) of "
			    "CSV-bestanden (.csv).");
	}
	if (n == 0)
		problem(&ps, "", "Kies een XLSX-werkmap of een of meer CSV-bestanden.");
	else if (n > CHANGESET_UPLOAD_MAX_FILES)
		problem(&ps, "", "Upload hoogstens %d bestanden tegelijk.",
			CHANGESET_UPLOAD_MAX_FILES);
	if (total > CHANGESET_UPLOAD_MAX_BYTES)
		problem(&ps, "",
			"De bestanden zijn samen groter dan %u MiB; upload ze in delen of gebruik "
			"atlas import wijzigingen MAP.",
			CHANGESET_UPLOAD_MAX_BYTES >> 20);
	if (n_xlsx > 1 || (n_xlsx && n_csv))
		problem(&ps, "",
			"Upload één XLSX-werkmap, of een of meer CSV-bestanden, niet allebei.");
	if (ps.n) {
		*probs = ps.p;
		*n_probs = ps.n;
		return -1;
	}

	char err[512];
	if (n_xlsx) {
		struct sheet *sh;
		int ns;
		if (sheet_read_xlsx(a, files[0].data, files[0].len, files[0].name, &sh, &ns, err,
				    sizeof err) != 0) {
			problem(&ps, files[0].name, "%s", reason_of(err, files[0].name));
		} else {
			cs->sheets = sh;
			cs->n = ns;
			if (ns == 0)
				problem(&ps, files[0].name, "de werkmap heeft geen bladen.");
		}
	} else {
		cs->sheets = arena_calloc(a, (size_t)n, sizeof *cs->sheets);
		for (int i = 0; i < n; i++) {
			const char *name =
			    arena_strndup(a, files[i].name, strlen(files[i].name) - 4);
			bool dup = false;
			for (int j = 0; j < cs->n; j++)
				dup |= strcmp(cs->sheets[j].name, name) == 0;
			if (dup) {
				problem(
				    &ps, files[i].name,
				    "een tweede bestand voor de tabel %s; upload elke tabel één "
				    "keer.",
				    name);
				continue;
			}
			if (sheet_read_csv(a, files[i].data, files[i].len, name, files[i].name,
					   &cs->sheets[cs->n], err, sizeof err) != 0) {
				problem(&ps, files[i].name, "%s", reason_of(err, files[i].name));
				continue;
			}
			cs->n++;
		}
	}
	if (!str_empty(title))
		cs->title = arena_strdup(a, title);
	else if (n_xlsx || n == 1)
		cs->title =
		    arena_strndup(a, files[0].name, strlen(files[0].name) - (n_xlsx ? 5 : 4));
	else
		cs->title = arena_printf(a, "%d CSV-bestanden", n);
	if (ps.n) {
		*probs = ps.p;
		*n_probs = ps.n;
		return -1;
	}
	return 0;
}

const char *changeset_source_kind(const struct changeset *cs, const struct snapshot *s,
				  const char *key)
{
	if (str_empty(key))
		return NULL;
	for (int i = 0; cs && i < cs->n; i++) {
		const struct sheet *sh = &cs->sheets[i];
		if (strcmp(sh->name, "sources") != 0)
			continue;
		int id = sheet_col(sh, "id");
		for (int r = 1; id >= 0 && r < sh->nrows; r++) {
			if (strcmp(sheet_cell(sh, r, id), key) != 0)
				continue;
			const char *kind = sheet_cell(sh, r, sheet_col(sh, "kind"));
			if (provenance_kind_valid(kind))
				return kind;
			return provenance_kind_guess(sheet_cell(sh, r, sheet_col(sh, "url")),
						     sheet_cell(sh, r, sheet_col(sh, "title")),
						     sheet_cell(sh, r, sheet_col(sh, "publisher")));
		}
	}
	int k = s ? snapshot_find_source(s, key) : -1;
	if (k < 0)
		return NULL;
	return provenance_kind_guess(s->sources[k].url, s->sources[k].title,
				     s->sources[k].publisher);
}

/* Does the header line h[0..n) (';' or ',' separated, cells maybe quoted)
 * hold column name? */
static bool header_has(const char *h, size_t n, const char *name)
{
	size_t nl = strlen(name);
	const char *p = h, *end = h + n;
	while (p <= end) {
		const char *e = p;
		while (e < end && *e != ';' && *e != ',')
			e++;
		const char *a = p, *z = e;
		while (a < z && (*a == ' ' || *a == '"'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '"' || z[-1] == '\r'))
			z--;
		if ((size_t)(z - a) == nl && memcmp(a, name, nl) == 0)
			return true;
		p = e + 1;
	}
	return false;
}

bool changeset_upload_is_template(const struct cs_file *f)
{
	if (!ends_with_ci(f->name, ".csv"))
		return false;
	const char *d = f->data;
	size_t len = f->len;
	if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
		d += 3, len -= 3;
	const char *nl = memchr(d, '\n', len);
	size_t hl = nl ? (size_t)(nl - d) : len;
	return (header_has(d, hl, "sleutel") && header_has(d, hl, "naam")) ||
	       (header_has(d, hl, "samenwerkingsverband") && header_has(d, hl, "organisatie"));
}

static void field(struct buf *b, const char *s)
{
	buf_puts(b, s ? s : "");
	buf_putc(b, '\x1f');
}

void changeset_plan_digest(const struct cs_report *rep, char out[65])
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < rep->n_changes + rep->n_superseded; i++) {
		const struct cs_change *c =
		    i < rep->n_changes ? &rep->changes[i] : &rep->superseded[i - rep->n_changes];
		if (i == rep->n_changes)
			buf_putc(&b, '\x1d'); /* the rows skipped follow */
		field(&b, c->file);
		buf_printf(&b, "%d\x1f%d\x1f", c->line, (int)c->op);
		field(&b, c->entity);
		field(&b, c->key);
		field(&b, c->label);
		field(&b, c->field);
		field(&b, c->old_value);
		field(&b, c->new_value);
		field(&b, c->source_key);
		field(&b, c->confidence);
		buf_putc(&b, '\x1e');
	}
	for (int i = 0; i < rep->n_problems; i++) {
		const struct cs_problem *p = &rep->problems[i];
		field(&b, p->file);
		buf_printf(&b, "%d\x1f", p->line);
		field(&b, p->message);
		buf_putc(&b, '\x1e');
	}
	secret_digest(b.data ? b.data : "", out);
	buf_free(&b);
}

const char *changeset_upload_encode(struct arena *a, const char *data, size_t len)
{
	size_t cap = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, cap);
	sodium_bin2base64(out, cap, (const unsigned char *)data, len,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

int changeset_upload_decode(struct arena *a, const char *s, const char **data, size_t *len)
{
	size_t n = s ? strlen(s) : 0;
	size_t cap = n / 4 * 3 + 3;
	if (cap > CHANGESET_UPLOAD_MAX_BYTES + 3)
		return -1;
	unsigned char *out = arena_alloc(a, cap + 1);
	size_t got = 0;
	if (sodium_base642bin(out, cap, s ? s : "", n, NULL, &got, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return -1;
	out[got] = '\0';
	*data = (const char *)out;
	*len = got;
	return 0;
}
