/*
 * xlsx — the worksheets of an XLSX workbook as sheets (see sheet.h).
 *
 * The workbook is an OPC zip package, opened in memory with libzip; its
 * XML parts are streamed with libxml2's xmlTextReader:
 *   _rels/.rels                 where the workbook part is
 *   xl/workbook.xml             sheet names → relationship ids, date1904
 *   xl/_rels/workbook.xml.rels  relationship ids → part names
 *   xl/sharedStrings.xml        the shared string table
 *   xl/styles.xml               which cell styles show a date
 *   xl/worksheets/sheetN.xml    the cells
 *
 * Hostile input: every part's uncompressed size is checked before it is
 * read (XLSX_MAX_PART_BYTES, and XLSX_TOTAL_BYTES for the whole workbook),
 * and reading stops at the declared size, so a zip bomb costs nothing. The
 * XML is parsed without network, without DTD loading and without entity
 * substitution; a document that carries a DTD at all is refused. Cells are
 * bounded by XLSX_MAX_ROWS and XLSX_MAX_COLS, shared strings by
 * XLSX_MAX_STRINGS.
 */
#include "sheet.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"

#include <libxml/xmlreader.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Most uncompressed XML read from one workbook, over all parts. */
#define XLSX_TOTAL_BYTES (64u << 20)
/* Widest column with a value (column GR). */
#define XLSX_MAX_COLS 200
/* Most shared strings. */
#define XLSX_MAX_STRINGS 1000000
/* Most cell styles (cellXfs) looked at. */
#define XLSX_MAX_STYLES 65536
/* Longest cell text, in bytes. */
#define XLSX_MAX_CELL 32767 * 4

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

struct rd {
	struct arena *a;
	const char *file;
	char *err;
	size_t errlen;
	zip_t *za;
	size_t total; /* uncompressed bytes read so far */
	bool failed;
};

static int fail(struct rd *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct rd *x, const char *fmt, ...)
{
	if (x->failed)
		return -1;
	x->failed = true;
	int n = snprintf(x->err, x->errlen, "%s: ", x->file);
	if (n < 0 || (size_t)n >= x->errlen)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->err + n, x->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* ---- zip ---------------------------------------------------------------- */

/* Read part name (NUL-terminated, in the arena) into *out. Returns 1 when
 * read, 0 when the workbook has no such part, -1 on an error. */
static int read_part(struct rd *x, const char *name, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	zip_int64_t i = zip_name_locate(x->za, name, 0);
	if (i < 0)
		i = zip_name_locate(x->za, name, ZIP_FL_NOCASE);
	if (i < 0)
		return 0;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(x->za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return fail(x, "onderdeel %s van de werkmap is onleesbaar.", name);
	if (st.size > XLSX_MAX_PART_BYTES || x->total + st.size > XLSX_TOTAL_BYTES)
		return fail(x,
			    "de werkmap is te groot om te lezen (onderdeel %s is uitgepakt "
			    "%llu bytes).",
			    name, (unsigned long long)st.size);
	zip_file_t *zf = zip_fopen_index(x->za, (zip_uint64_t)i, 0);
	if (!zf)
		return fail(x,
			    "onderdeel %s van de werkmap kan niet worden uitgepakt (versleuteld "
			    "of een onbekende compressie?).",
			    name);
	size_t cap = (size_t)st.size;
	char *data = arena_alloc(x->a, cap + 1);
	size_t got = 0;
	int rc = 1;
	while (got < cap) {
		zip_int64_t n = zip_fread(zf, data + got, cap - got);
		if (n < 0) {
			rc = fail(x, "onderdeel %s van de werkmap is beschadigd.", name);
			break;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	if (rc == 1) {
		char extra;
		if (got != cap || zip_fread(zf, &extra, 1) != 0)
			rc = fail(x,
				  "onderdeel %s van de werkmap is beschadigd (grootte klopt niet).",
				  name);
	}
	zip_fclose(zf);
	if (rc != 1)
		return rc;
	data[got] = '\0';
	x->total += got;
	*out = data;
	*len = got;
	return 1;
}

/* ---- XML ---------------------------------------------------------------- */

struct xml {
	struct rd *x;
	const char *part;
	xmlTextReaderPtr r;
};

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	struct xml *p = arg;
	if (e && e->level >= XML_ERR_ERROR)
		fail(p->x, "onderdeel %s van de werkmap is geen geldige XML (regel %d).", p->part,
		     e->line);
}

/* libxml2 must be initialised once before threads use it. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void)
{
	xmlInitParser();
}

static int xml_open(struct xml *p, struct rd *x, const char *part, const char *data, size_t len)
{
	pthread_once(&xml_once, xml_init);
	p->x = x;
	p->part = part;
	/* NONET, and deliberately none of NOENT, DTDLOAD, DTDATTR, DTDVALID:
	 * no DTD is read, no entity substituted, nothing fetched. */
	p->r = xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!p->r)
		return fail(x, "onderdeel %s van de werkmap kan niet worden gelezen.", part);
	xmlTextReaderSetStructuredErrorHandler(p->r, on_xml_error, p);
	return 0;
}

/* The next node: 1, 0 at the end, -1 on an error (reported). */
static int xml_next(struct xml *p)
{
	int rc = xmlTextReaderRead(p->r);
	if (rc < 0 || p->x->failed)
		return fail(p->x, "onderdeel %s van de werkmap is geen geldige XML.", p->part);
	if (rc == 1 && xmlTextReaderNodeType(p->r) == XML_READER_TYPE_DOCUMENT_TYPE)
		return fail(p->x,
			    "onderdeel %s van de werkmap bevat een DTD; dat wordt niet "
			    "gelezen.",
			    p->part);
	return rc;
}

static void xml_close(struct xml *p)
{
	if (p->r)
		xmlFreeTextReader(p->r);
	p->r = NULL;
}

static bool is_start(const struct xml *p, const char *local)
{
	return xmlTextReaderNodeType(p->r) == XML_READER_TYPE_ELEMENT &&
	       strcmp((const char *)xmlTextReaderConstLocalName(p->r), local) == 0;
}

static bool is_end(const struct xml *p, const char *local)
{
	int t = xmlTextReaderNodeType(p->r);
	return (t == XML_READER_TYPE_END_ELEMENT ||
		(t == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(p->r) == 1)) &&
	       strcmp((const char *)xmlTextReaderConstLocalName(p->r), local) == 0;
}

static bool is_text(const struct xml *p)
{
	int t = xmlTextReaderNodeType(p->r);
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	       t == XML_READER_TYPE_CDATA || t == XML_READER_TYPE_WHITESPACE;
}

/* Attribute name of the current element, copied into the arena; NULL when
 * absent. */
static char *attr(struct xml *p, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(p->r, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = arena_strdup(p->x->a, (const char *)v);
	xmlFree(v);
	return s;
}

static char *attr_ns(struct xml *p, const char *local, const char *ns)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(p->r, (const xmlChar *)local, (const xmlChar *)ns);
	if (!v)
		return NULL;
	char *s = arena_strdup(p->x->a, (const char *)v);
	xmlFree(v);
	return s;
}

static int add_text(struct xml *p, struct buf *t)
{
	const char *v = (const char *)xmlTextReaderConstValue(p->r);
	size_t n = v ? strlen(v) : 0;
	if (t->len + n > XLSX_MAX_CELL)
		return fail(p->x, "onderdeel %s van de werkmap bevat een te lange tekst.", p->part);
	buf_add(t, v ? v : "", n);
	return 0;
}

/* ---- package relationships ------------------------------------------------ */

struct rel {
	const char *id, *type, *target;
};

/* The directory of a part name, with its trailing '/' ("xl/" of
 * "xl/workbook.xml"); "" at the root. */
static char *part_dir(struct arena *a, const char *part)
{
	const char *slash = strrchr(part, '/');
	return arena_strndup(a, part, slash ? (size_t)(slash - part) + 1 : 0);
}

/* Resolve target relative to base_dir into a part name (no leading '/',
 * "." and ".." resolved); NULL when it leaves the package. */
static char *resolve(struct arena *a, const char *base_dir, const char *target)
{
	char path[1024];
	int n = target[0] == '/' ? snprintf(path, sizeof path, "%s", target + 1)
				 : snprintf(path, sizeof path, "%s%s", base_dir, target);
	if (n < 0 || (size_t)n >= sizeof path)
		return NULL;
	char out[1024];
	size_t o = 0;
	const char *s = path;
	while (*s) {
		const char *e = strchr(s, '/');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len == 0 || (len == 1 && s[0] == '.')) {
			/* skip */
		} else if (len == 2 && s[0] == '.' && s[1] == '.') {
			if (o == 0)
				return NULL;
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else {
			if (o)
				out[o++] = '/';
			memcpy(out + o, s, len);
			o += len;
		}
		s += len + (e ? 1 : 0);
	}
	out[o] = '\0';
	return o ? arena_strdup(a, out) : NULL;
}

static bool type_is(const char *type, const char *suffix)
{
	size_t tl = type ? strlen(type) : 0, sl = strlen(suffix);
	return tl >= sl && strcmp(type + tl - sl, suffix) == 0;
}

/* Read the relationships part name into *rels (*n). A missing part gives
 * none. */
static int read_rels(struct rd *x, const char *name, struct rel **rels, int *n)
{
	*rels = NULL;
	*n = 0;
	char *data;
	size_t len;
	int rc = read_part(x, name, &data, &len);
	if (rc <= 0)
		return rc;
	int cap = 0;
	struct xml p = {0};
	if (xml_open(&p, x, name, data, len))
		return -1;
	while ((rc = xml_next(&p)) == 1) {
		if (!is_start(&p, "Relationship"))
			continue;
		if (*n == cap) {
			if (cap >= 4096) {
				rc = fail(x,
					  "onderdeel %s van de werkmap heeft te veel verwijzingen.",
					  name);
				break;
			}
			cap = cap ? cap * 2 : 16;
			struct rel *bigger = arena_calloc(x->a, (size_t)cap, sizeof *bigger);
			if (*n)
				memcpy(bigger, *rels, (size_t)*n * sizeof *bigger);
			*rels = bigger;
		}
		struct rel *r = &(*rels)[(*n)++];
		r->id = attr(&p, "Id");
		r->type = attr(&p, "Type");
		r->target = attr(&p, "Target");
		char *mode = attr(&p, "TargetMode");
		if (!r->id || !r->target || (mode && strcmp(mode, "External") == 0))
			(*n)--;
	}
	xml_close(&p);
	return rc < 0 ? -1 : 1;
}

/* ---- shared strings and styles ---------------------------------------------- */

struct book {
	const char **strings;
	int n_strings;
	bool *date_style; /* per cellXfs index */
	int n_styles;
	bool date1904;
};

static int read_strings(struct rd *x, const char *name, struct book *bk)
{
	char *data;
	size_t len;
	int rc = read_part(x, name, &data, &len);
	if (rc <= 0)
		return rc;
	struct xml p = {0};
	if (xml_open(&p, x, name, data, len))
		return -1;
	int cap = 0;
	struct buf t = BUF_INIT;
	bool in_si = false, in_t = false;
	int skip = 0; /* inside <rPh> (phonetic guide) */
	while ((rc = xml_next(&p)) == 1) {
		if (is_start(&p, "si")) {
			in_si = true;
			buf_reset(&t);
		}
		if (in_si && is_start(&p, "rPh") && xmlTextReaderIsEmptyElement(p.r) != 1)
			skip++;
		else if (in_si && skip && is_end(&p, "rPh"))
			skip--;
		if (in_si && !skip && is_start(&p, "t") && xmlTextReaderIsEmptyElement(p.r) != 1)
			in_t = true;
		else if (in_t && is_end(&p, "t"))
			in_t = false;
		else if (in_t && is_text(&p) && add_text(&p, &t)) {
			rc = -1;
			break;
		}
		if (in_si && is_end(&p, "si")) {
			in_si = in_t = false;
			skip = 0;
			if (bk->n_strings == cap) {
				if (cap >= XLSX_MAX_STRINGS) {
					rc = fail(x, "de werkmap heeft te veel teksten.");
					break;
				}
				cap = cap ? cap * 2 : 256;
				const char **bigger =
				    arena_calloc(x->a, (size_t)cap, sizeof *bigger);
				if (bk->n_strings)
					memcpy(bigger, bk->strings,
					       (size_t)bk->n_strings * sizeof *bigger);
				bk->strings = bigger;
			}
			bk->strings[bk->n_strings++] = arena_strdup(x->a, t.data ? t.data : "");
		}
	}
	buf_free(&t);
	xml_close(&p);
	return rc < 0 ? -1 : 1;
}

/* Is a number format code a date (it shows a day, month or year)? Text in
 * quotes, escaped characters and [..] sections (colours, locales, elapsed
 * time) do not count; a format with only hours, minutes or seconds is a
 * time, not a date. */
static bool format_is_date(const char *code)
{
	bool q = false;
	for (const char *c = code; *c; c++) {
		if (q) {
			q = *c != '"';
			continue;
		}
		switch (*c) {
		case '"':
			q = true;
			break;
		case '\\':
		case '_':
		case '*':
			if (c[1])
				c++;
			break;
		case '[': {
			const char *e = strchr(c, ']');
			if (!e)
				return false;
			c = e;
			break;
		}
		case ';':
			return false; /* only the first section decides */
		case 'd':
		case 'D':
		case 'y':
		case 'Y':
			return true;
		default:
			break;
		}
	}
	return false;
}

/* The built-in number formats that show a date (ECMA-376 18.8.30). */
static bool builtin_is_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) ||
	       (id >= 34 && id <= 36) || (id >= 50 && id <= 58);
}

struct numfmt {
	long id;
	bool date;
};

static int read_styles(struct rd *x, const char *name, struct book *bk)
{
	char *data;
	size_t len;
	int rc = read_part(x, name, &data, &len);
	if (rc <= 0)
		return rc;
	struct xml p = {0};
	if (xml_open(&p, x, name, data, len))
		return -1;
	struct numfmt fmts[256];
	int n_fmts = 0, cap = 0;
	bool in_xfs = false;
	while ((rc = xml_next(&p)) == 1) {
		if (is_start(&p, "numFmt") && n_fmts < (int)(sizeof fmts / sizeof fmts[0])) {
			const char *id = attr(&p, "numFmtId");
			const char *code = attr(&p, "formatCode");
			long v;
			if (id && code && parse_long(id, 0, 100000, &v))
				fmts[n_fmts++] = (struct numfmt){v, format_is_date(code)};
		} else if (is_start(&p, "cellXfs") && xmlTextReaderIsEmptyElement(p.r) != 1) {
			in_xfs = true;
		} else if (in_xfs && is_end(&p, "cellXfs")) {
			in_xfs = false;
		} else if (in_xfs && is_start(&p, "xf")) {
			if (bk->n_styles == cap) {
				if (cap >= XLSX_MAX_STYLES) {
					rc = fail(x, "de werkmap heeft te veel opmaakstijlen.");
					break;
				}
				cap = cap ? cap * 2 : 64;
				bool *bigger = arena_calloc(x->a, (size_t)cap, sizeof *bigger);
				if (bk->n_styles)
					memcpy(bigger, bk->date_style,
					       (size_t)bk->n_styles * sizeof *bigger);
				bk->date_style = bigger;
			}
			const char *id = attr(&p, "numFmtId");
			long v = 0;
			bool date = false;
			if (id && parse_long(id, 0, 100000, &v)) {
				date = builtin_is_date(v);
				for (int i = 0; i < n_fmts; i++)
					if (fmts[i].id == v)
						date = fmts[i].date;
			}
			bk->date_style[bk->n_styles++] = date;
		}
	}
	xml_close(&p);
	return rc < 0 ? -1 : 1;
}

/* ---- cells ------------------------------------------------------------------- */

/* Column index (0-based) of a cell reference "B12", or -1. */
static int ref_col(const char *ref)
{
	int col = 0, n = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++) {
		if (n >= 3)
			return -1;
		col = col * 26 + (*ref - 'A' + 1);
	}
	return n ? col - 1 : -1;
}

/* A serial day number as YYYY-MM-DD (the 1900 system counts from
 * 1899-12-30, which absorbs Lotus' 29 February 1900 for dates after it;
 * the 1904 system from 1904-01-01). false when out of range. */
static bool serial_date(double v, bool date1904, char out[16])
{
	if (!isfinite(v) || v < 1 || v > 2958465.0) /* up to 9999-12-31 */
		return false;
	long days = (long)floor(v) + (date1904 ? 1462 : 0);
	/* days since 1899-12-30 → civil date (Howard Hinnant's algorithm on
	 * days since 1970-01-01) */
	long z = days - 25569 + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	if (y < 1900 || y > 9999)
		return false;
	snprintf(out, 16, "%04ld-%02ld-%02ld", y % 10000, m % 100, d % 100);
	return true;
}

struct cell {
	int row; /* index into rows */
	int col;
	const char *v;
};

struct grid {
	struct cell *cells;
	int n, cap;
	int *rownum; /* the sheet's row number per collected row */
	int n_rows, cap_rows;
};

static void grid_free(struct grid *g)
{
	free(g->cells);
	free(g->rownum);
}

/* The text of a cell: type t, value v (<v>), inline text is, style s. */
static const char *cell_text(struct rd *x, const struct book *bk, const char *t, const char *v,
			     const char *is, const char *s, const char *where)
{
	if (t && strcmp(t, "s") == 0) {
		long i;
		if (!v || !parse_long(v, 0, 0x7fffffff, &i) || i >= bk->n_strings) {
			fail(x, "%s verwijst naar een tekst die niet bestaat.", where);
			return NULL;
		}
		return bk->strings[i];
	}
	if (t && strcmp(t, "inlineStr") == 0)
		return is ? is : "";
	if (!v)
		return "";
	if (t && strcmp(t, "b") == 0)
		return strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
	if (t && strcmp(t, "d") == 0)
		return strlen(v) >= 10 && is_iso_date(arena_strndup(x->a, v, 10))
			   ? arena_strndup(x->a, v, 10)
			   : v;
	if (t && (strcmp(t, "str") == 0 || strcmp(t, "e") == 0))
		return v;
	/* a number: a date when its style says so */
	long si;
	if (s && parse_long(s, 0, 0x7fffffff, &si) && si < bk->n_styles && bk->date_style[si]) {
		char *end;
		double d = strtod(v, &end);
		char iso[16];
		if (end != v && !*end && serial_date(d, bk->date1904, iso))
			return arena_strdup(x->a, iso);
	}
	return v;
}

static void grid_add(struct grid *g, int col, const char *v)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 256;
		g->cells = xrealloc(g->cells, (size_t)g->cap * sizeof *g->cells);
	}
	g->cells[g->n++] = (struct cell){g->n_rows - 1, col, v};
}

static int grid_row(struct rd *x, struct grid *g, int rownum, const char *sheet)
{
	if (g->n_rows >= XLSX_MAX_ROWS)
		return fail(x, "blad %s heeft meer dan %d rijen.", sheet, XLSX_MAX_ROWS);
	if (g->n_rows == g->cap_rows) {
		g->cap_rows = g->cap_rows ? g->cap_rows * 2 : 64;
		g->rownum = xrealloc(g->rownum, (size_t)g->cap_rows * sizeof *g->rownum);
	}
	g->rownum[g->n_rows++] = rownum;
	return 0;
}

/* Collect the non-empty cells of one worksheet part into g. */
static int read_cells(struct rd *x, const struct book *bk, const char *part, const char *sheet,
		      struct grid *g)
{
	char *data;
	size_t len;
	int rc = read_part(x, part, &data, &len);
	if (rc == 0)
		return fail(x, "blad %s ontbreekt in de werkmap.", sheet);
	if (rc < 0)
		return -1;
	struct xml p = {0};
	if (xml_open(&p, x, part, data, len))
		return -1;
	struct buf tv = BUF_INIT, tis = BUF_INIT;
	int last_row = 0, last_col = -1;
	bool in_data = false, row_open = false, in_c = false, in_v = false, in_is = false,
	     in_t = false, has_v = false, has_is = false;
	int skip = 0;
	const char *ct = NULL, *cs = NULL;
	int ccol = -1, crow = 0;
	while ((rc = xml_next(&p)) == 1) {
		if (is_start(&p, "sheetData")) {
			in_data = xmlTextReaderIsEmptyElement(p.r) != 1;
			continue;
		}
		if (!in_data)
			continue;
		if (is_end(&p, "sheetData")) {
			in_data = false;
			continue;
		}
		if (is_start(&p, "row")) {
			const char *r = attr(&p, "r");
			long v;
			int num = r && parse_long(r, 1, 1048576, &v) ? (int)v : last_row + 1;
			if (num <= last_row) {
				rc = fail(x, "blad %s: rij %d staat niet op volgorde.", sheet, num);
				break;
			}
			last_row = num;
			last_col = -1;
			row_open = false;
			crow = num;
			continue;
		}
		if (is_start(&p, "c")) {
			const char *r = attr(&p, "r");
			ccol = r ? ref_col(r) : last_col + 1;
			if (ccol < 0 || ccol <= last_col) {
				rc = fail(x, "blad %s, rij %d: ongeldige celverwijzing%s%s.", sheet,
					  crow, r ? " " : "", r ? r : "");
				break;
			}
			last_col = ccol;
			ct = attr(&p, "t");
			cs = attr(&p, "s");
			buf_reset(&tv);
			buf_reset(&tis);
			has_v = has_is = false;
			in_c = xmlTextReaderIsEmptyElement(p.r) != 1;
			if (in_c)
				continue;
		}
		if (in_c && is_start(&p, "v") && xmlTextReaderIsEmptyElement(p.r) != 1) {
			in_v = has_v = true;
		} else if (in_v && is_end(&p, "v")) {
			in_v = false;
		} else if (in_v && is_text(&p)) {
			if (add_text(&p, &tv)) {
				rc = -1;
				break;
			}
		} else if (in_c && is_start(&p, "is")) {
			in_is = has_is = xmlTextReaderIsEmptyElement(p.r) != 1;
		} else if (in_is && is_end(&p, "is")) {
			in_is = false;
		} else if (in_is && is_start(&p, "rPh") && xmlTextReaderIsEmptyElement(p.r) != 1) {
			skip++;
		} else if (in_is && skip && is_end(&p, "rPh")) {
			skip--;
		} else if (in_is && !skip && is_start(&p, "t") &&
			   xmlTextReaderIsEmptyElement(p.r) != 1) {
			in_t = true;
		} else if (in_t && is_end(&p, "t")) {
			in_t = false;
		} else if (in_t && is_text(&p)) {
			if (add_text(&p, &tis)) {
				rc = -1;
				break;
			}
		}
		if (!is_end(&p, "c"))
			continue;
		/* the end of a cell (or an empty <c/>) */
		in_c = in_v = in_is = in_t = false;
		skip = 0;
		char where[64];
		snprintf(where, sizeof where, "blad %.20s, rij %d", sheet, crow);
		const char *text = cell_text(
		    x, bk, ct, has_v ? arena_strdup(x->a, tv.data ? tv.data : "") : NULL,
		    has_is ? arena_strdup(x->a, tis.data ? tis.data : "") : NULL, cs, where);
		if (!text) {
			rc = -1;
			break;
		}
		if (!*text)
			continue;
		if (ccol >= XLSX_MAX_COLS) {
			rc = fail(x,
				  "blad %s, rij %d: een waarde in kolom %d; meer dan %d kolommen "
				  "worden niet gelezen.",
				  sheet, crow, ccol + 1, XLSX_MAX_COLS);
			break;
		}
		if (!row_open) {
			if (grid_row(x, g, crow, sheet)) {
				rc = -1;
				break;
			}
			row_open = true;
		}
		grid_add(g, ccol, text);
	}
	buf_free(&tv);
	buf_free(&tis);
	xml_close(&p);
	return rc < 0 ? -1 : 0;
}

/* Turn the collected cells into the sheet: the first row is the header;
 * empty rows were never collected. */
static int grid_to_sheet(struct rd *x, const struct grid *g, const char *name, struct sheet *out)
{
	memset(out, 0, sizeof *out);
	out->name = name;
	out->file = arena_printf(x->a, "%s, blad %s", x->file, name);
	int ncols = 0;
	for (int i = 0; i < g->n && g->cells[i].row == 0; i++)
		ncols = g->cells[i].col + 1;
	for (int i = 0; i < g->n; i++)
		if (g->cells[i].col >= ncols)
			return fail(x,
				    "blad %s, rij %d: een waarde in kolom %d, die geen kopnaam "
				    "heeft in rij %d.",
				    name, g->rownum[g->cells[i].row], g->cells[i].col + 1,
				    g->n_rows ? g->rownum[0] : 1);
	const char ***cells =
	    arena_calloc(x->a, (size_t)(g->n_rows ? g->n_rows : 1), sizeof *cells);
	int *line = arena_calloc(x->a, (size_t)(g->n_rows ? g->n_rows : 1), sizeof *line);
	for (int r = 0; r < g->n_rows; r++) {
		cells[r] = arena_calloc(x->a, (size_t)(ncols ? ncols : 1), sizeof **cells);
		for (int c = 0; c < ncols; c++)
			cells[r][c] = "";
		line[r] = g->rownum[r];
	}
	for (int i = 0; i < g->n; i++)
		cells[g->cells[i].row][g->cells[i].col] = g->cells[i].v;
	out->ncols = ncols;
	out->nrows = g->n_rows;
	out->cells = cells;
	out->line = line;
	return 0;
}

/* ---- the workbook ---------------------------------------------------------------- */

struct wsheet {
	const char *name, *rid;
};

static int read_workbook(struct rd *x, const char *part, struct book *bk, struct wsheet *sheets,
			 int *n)
{
	char *data;
	size_t len;
	int rc = read_part(x, part, &data, &len);
	if (rc == 0)
		return fail(x, "geen werkmap gevonden; is dit een XLSX-bestand?");
	if (rc < 0)
		return -1;
	struct xml p = {0};
	if (xml_open(&p, x, part, data, len))
		return -1;
	*n = 0;
	while ((rc = xml_next(&p)) == 1) {
		if (is_start(&p, "workbookPr")) {
			const char *d = attr(&p, "date1904");
			bk->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
		} else if (is_start(&p, "sheet")) {
			if (*n >= XLSX_MAX_SHEETS) {
				rc = fail(x, "de werkmap heeft meer dan %d bladen.",
					  XLSX_MAX_SHEETS);
				break;
			}
			const char *name = attr(&p, "name");
			const char *rid = attr_ns(&p, "id", NS_REL);
			if (!rid)
				rid = attr_ns(&p, "id", NS_REL_STRICT);
			if (!name || !rid) {
				rc = fail(x, "een blad in de werkmap heeft geen naam.");
				break;
			}
			sheets[(*n)++] = (struct wsheet){name, rid};
		}
	}
	xml_close(&p);
	return rc < 0 ? -1 : 0;
}

static const struct rel *rel_by_id(const struct rel *rels, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(rels[i].id, id) == 0)
			return &rels[i];
	return NULL;
}

static int read_book(struct rd *x, struct sheet **out, int *n)
{
	struct rel *rels;
	int nrels;
	if (read_rels(x, "_rels/.rels", &rels, &nrels) < 0)
		return -1;
	const char *wb = NULL;
	for (int i = 0; i < nrels && !wb; i++)
		if (type_is(rels[i].type, "/officeDocument"))
			wb = resolve(x->a, "", rels[i].target);
	if (!wb)
		wb = "xl/workbook.xml";

	struct book bk = {0};
	struct wsheet ws[XLSX_MAX_SHEETS];
	int nws = 0;
	if (read_workbook(x, wb, &bk, ws, &nws))
		return -1;
	const char *dir = part_dir(x->a, wb);
	const char *slash = strrchr(wb, '/');
	char *wrels_name = arena_printf(x->a, "%s_rels/%s.rels", dir, slash ? slash + 1 : wb);
	struct rel *wrels;
	int nw;
	if (read_rels(x, wrels_name, &wrels, &nw) < 0)
		return -1;
	const char *ss = NULL, *styles = NULL;
	for (int i = 0; i < nw; i++) {
		if (!ss && type_is(wrels[i].type, "/sharedStrings"))
			ss = resolve(x->a, dir, wrels[i].target);
		else if (!styles && type_is(wrels[i].type, "/styles"))
			styles = resolve(x->a, dir, wrels[i].target);
	}
	if (ss && read_strings(x, ss, &bk) < 0)
		return -1;
	if (styles && read_styles(x, styles, &bk) < 0)
		return -1;

	struct sheet *sheets = arena_calloc(x->a, (size_t)(nws ? nws : 1), sizeof *sheets);
	int count = 0;
	for (int i = 0; i < nws; i++) {
		const struct rel *r = rel_by_id(wrels, nw, ws[i].rid);
		if (!r)
			return fail(x, "blad %s ontbreekt in de werkmap.", ws[i].name);
		if (!type_is(r->type, "/worksheet"))
			continue; /* a chart sheet or a dialog sheet holds no table */
		const char *part = resolve(x->a, dir, r->target);
		if (!part)
			return fail(x, "blad %s ontbreekt in de werkmap.", ws[i].name);
		struct grid g = {0};
		int rc = read_cells(x, &bk, part, ws[i].name, &g);
		if (rc == 0)
			rc = grid_to_sheet(x, &g, ws[i].name, &sheets[count]);
		grid_free(&g);
		if (rc)
			return -1;
		count++;
	}
	*out = sheets;
	*n = count;
	return 0;
}

int sheet_read_xlsx(struct arena *a, const void *data, size_t len, const char *file,
		    struct sheet **out, int *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	struct rd x = {.a = a, .file = file ? file : "werkmap", .err = err, .errlen = errlen};
	if (errlen)
		err[0] = '\0';
	if (!data || len < 4 || memcmp(data, "PK", 2) != 0)
		return fail(&x, "geen XLSX-bestand (een XLSX-werkmap is een zip-bestand).");
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return fail(&x, "de werkmap kan niet worden gelezen.");
	}
	x.za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!x.za) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return fail(&x, "geen geldig XLSX-bestand (het zip-bestand is beschadigd).");
	}
	zip_error_fini(&ze);
	int rc = read_book(&x, out, n);
	zip_discard(x.za); /* read only; also frees src */
	if (rc) {
		*out = NULL;
		*n = 0;
		if (!x.failed)
			fail(&x, "de werkmap kan niet worden gelezen.");
		return -1;
	}
	return 0;
}
