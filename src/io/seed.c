/*
 * seed — reading one seed CSV file; see seed.h.
 *
 * The file is read into memory (capped at SEED_MAX_FILE) and fed to libcsv
 * one physical line at a time, so the parser's state before each line tells
 * whether a new record starts on it (records may span lines inside quoted
 * fields). libcsv runs in strict mode: a stray quote is an error, and an
 * unterminated quote at the end of the file too.
 */
#include "seed.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libcsv's parser state before any field of a record was seen
 * (ROW_NOT_BEGUN in libcsv.c; struct csv_parser.pstate is public). */
enum { CSV_STATE_ROW_NOT_BEGUN = 0 };

struct parse_ctx {
	struct seed_file *f;
	const char *const *columns; /* expected header */
	int ncols;
	bool header_done;
	int start_line; /* line where the current record started */
	char **cur;	/* fields of the current record */
	int ncur, capcur;
	bool failed; /* first error recorded in err */
	char *err;
	size_t errlen;
};

static void fail(struct parse_ctx *c, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(struct parse_ctx *c, int line, const char *fmt, ...)
{
	if (c->failed)
		return;
	c->failed = true;
	char reason[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	snprintf(c->err, c->errlen, "%s, regel %d: %s", c->f->path, line, reason);
}

static void drop_current(struct parse_ctx *c)
{
	for (int i = 0; i < c->ncur; i++)
		free(c->cur[i]);
	c->ncur = 0;
}

/* libcsv field callback: copy the field (it is not NUL-terminated). */
static void on_field(void *data, size_t len, void *arg)
{
	struct parse_ctx *c = arg;
	if (c->failed)
		return;
	if (len > 0 && memchr(data, '\0', len)) {
		fail(c, c->start_line, "NUL-teken in veld %d", c->ncur + 1);
		return;
	}
	if (len > 0 && !utf8_is_valid(data, len)) {
		fail(c, c->start_line, "ongeldige UTF-8-tekens in veld %d", c->ncur + 1);
		return;
	}
	if (c->ncur == c->capcur) {
		c->capcur = c->capcur ? c->capcur * 2 : 32;
		c->cur = xreallocarray(c->cur, (size_t)c->capcur, sizeof *c->cur);
	}
	char *s = xmalloc(len + 1);
	if (len > 0)
		memcpy(s, data, len);
	s[len] = '\0';
	c->cur[c->ncur++] = s;
}

/* libcsv record callback: check the header or append a data row. */
static void on_record(int term, void *arg)
{
	struct parse_ctx *c = arg;
	(void)term;
	if (c->failed) {
		drop_current(c);
		return;
	}
	if (!c->header_done) {
		c->header_done = true;
		if (c->ncur != c->ncols) {
			fail(c, c->start_line, "kopregel heeft %d kolommen, verwacht %d", c->ncur,
			     c->ncols);
		} else {
			for (int i = 0; i < c->ncols; i++) {
				if (strcmp(c->cur[i], c->columns[i]) != 0) {
					fail(c, c->start_line,
					     "kopregel klopt niet: kolom %d heet '%.60s', verwacht "
					     "'%s'",
					     i + 1, c->cur[i], c->columns[i]);
					break;
				}
			}
		}
		drop_current(c);
		return;
	}
	if (c->ncur != c->ncols) {
		fail(c, c->start_line, "%d kolommen, verwacht %d", c->ncur, c->ncols);
		drop_current(c);
		return;
	}
	struct seed_file *f = c->f;
	if ((f->nrows & (f->nrows - 1)) == 0) /* grow at powers of two */
		f->rows =
		    xreallocarray(f->rows, (size_t)(f->nrows ? f->nrows * 2 : 1), sizeof *f->rows);
	struct seed_row *r = &f->rows[f->nrows++];
	r->line = c->start_line;
	r->cols = xcalloc((size_t)c->ncols, sizeof *r->cols);
	memcpy(r->cols, c->cur, (size_t)c->ncols * sizeof *r->cols);
	c->ncur = 0; /* ownership moved to the row */
}

/* Read the whole file, at most SEED_MAX_FILE bytes. */
static char *slurp(const char *path, size_t *len, int *eno)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		*eno = errno;
		return NULL;
	}
	size_t cap = 64 * 1024, n = 0;
	char *data = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap >= SEED_MAX_FILE + 1)
				break;
			cap *= 2;
			data = xrealloc(data, cap);
		}
		size_t got = fread(data + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	bool bad = ferror(fp);
	fclose(fp);
	if (bad) {
		free(data);
		*eno = EIO;
		return NULL;
	}
	if (n > SEED_MAX_FILE) {
		free(data);
		*eno = EFBIG;
		return NULL;
	}
	*len = n;
	return data;
}

int seed_read(const char *dir, const char *stem, const char *const *columns, int ncols,
	      struct seed_file **out, char *err, size_t errlen)
{
	struct parse_ctx c = {0};
	struct csv_parser p;
	bool parser_ready = false;
	char *data = NULL;
	size_t len = 0;
	int rc = -1;

	*out = NULL;
	struct seed_file *f = xcalloc(1, sizeof *f);
	size_t dl = strlen(dir);
	bool slash = dl > 0 && dir[dl - 1] == '/';
	size_t plen = dl + strlen(stem) + 6;
	f->path = xmalloc(plen);
	snprintf(f->path, plen, "%s%s%s.csv", dir, slash ? "" : "/", stem);
	f->ncols = ncols;

	c.f = f;
	c.columns = columns;
	c.ncols = ncols;
	c.err = err;
	c.errlen = errlen;
	c.start_line = 1;

	int eno = 0;
	data = slurp(f->path, &len, &eno);
	if (!data) {
		if (eno == EFBIG)
			snprintf(err, errlen, "%s: bestand is groter dan %u bytes", f->path,
				 SEED_MAX_FILE);
		else
			snprintf(err, errlen, "%s: kan niet worden gelezen (%s)", f->path,
				 strerror(eno));
		goto out;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		snprintf(err, errlen, "%s: CSV-lezer kon niet starten", f->path);
		goto out;
	}
	parser_ready = true;

	size_t pos = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* UTF-8 byte order mark */
	int line = 0;
	while (pos < len && !c.failed) {
		line++;
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
		if (p.pstate == CSV_STATE_ROW_NOT_BEGUN)
			c.start_line = line;
		if (csv_parse(&p, data + pos, n, on_field, on_record, &c) != n) {
			fail(&c, line, "ongeldige CSV: %s", csv_strerror(csv_error(&p)));
			break;
		}
		pos += n;
	}
	if (!c.failed && csv_fini(&p, on_field, on_record, &c) != 0)
		fail(&c, c.start_line, "aanhalingsteken niet afgesloten");
	if (c.failed)
		goto out;
	if (!c.header_done) {
		snprintf(err, errlen, "%s, regel 1: bestand is leeg, kopregel ontbreekt", f->path);
		goto out;
	}
	*out = f;
	f = NULL;
	rc = 0;
out:
	if (parser_ready)
		csv_free(&p);
	drop_current(&c);
	free(c.cur);
	free(data);
	seed_file_free(f);
	return rc;
}

void seed_file_free(struct seed_file *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nrows; i++) {
		for (int k = 0; k < f->ncols; k++)
			free(f->rows[i].cols[k]);
		free(f->rows[i].cols);
	}
	free(f->rows);
	free(f->path);
	free(f);
}

int seed_read_path(const char *path, const char *const *columns, int ncols, struct seed_file **out,
		   char *err, size_t errlen)
{
	size_t len = strlen(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dlen = slash ? (size_t)(slash - path) : 0;
	char dir[1024], stem[256];
	if (len < 5 || strcmp(path + len - 4, ".csv") != 0 || strlen(base) == 4) {
		snprintf(err, errlen, "%s: de regeltabel moet een .csv-bestand zijn", path);
		return -1;
	}
	if (dlen >= sizeof dir || strlen(base) - 4 >= sizeof stem) {
		snprintf(err, errlen, "%s: pad te lang", path);
		return -1;
	}
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (dlen == 0)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)dlen, path);
	snprintf(stem, sizeof stem, "%.*s", (int)(strlen(base) - 4), base);
	return seed_read(dir, stem, columns, ncols, out, err, errlen);
}
