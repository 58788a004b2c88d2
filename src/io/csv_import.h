/*
 * csv_import — the CSV exchange format for collaborations and
 * participations (docs/csv-template.md): reading a file people made in a
 * spreadsheet and writing our own records in the same shape.
 *
 * Reading: UTF-8 with or without a byte order mark, ';' or ',' separated
 * (detected from the header line), RFC 4180 quoting. The header names the
 * table: a file with the columns "samenwerkingsverband" and "organisatie"
 * holds participations (deelnames), one with "sleutel" and "naam"
 * collaborations. Columns may come in any order; unknown columns are an
 * error. Every row becomes one domain record (domain/records.h) handed to
 * a sink (create when the sleutel/id is empty, update otherwise), all
 * between one begin and end of the sink: the import is all-or-nothing, and
 * every bad line is reported with its line number (the physical line where
 * the record starts). The store provides the sink (store/store_csv.h);
 * this module never includes the store.
 *
 * Writing: csv_export_collabs / csv_export_parts write the snapshot in the
 * template's columns with render/csv.h (formula injection neutralised), so
 * export → import changes nothing.
 *
 * Not here: HTTP, HTML, permissions (the callers check those).
 */
#ifndef ATLAS_CSV_IMPORT_H
#define ATLAS_CSV_IMPORT_H

#include "../domain/model.h"
#include "../lib/buf.h"
#include "../domain/records.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest CSV accepted (bytes), for the CLI and the web form alike. */
#define CSV_IMPORT_MAX_BYTES (4u * 1024u * 1024u)
/* At most this many errors are kept (the count goes on). */
#define CSV_IMPORT_MAX_ERRORS 100

enum csv_table { CSV_TABLE_UNKNOWN, CSV_TABLE_COLLABS, CSV_TABLE_PARTS };

struct csv_import_error {
	int line;	   /* 1-based line in the file (0: the file as a whole) */
	char field[48];	   /* column name, or "" */
	char message[240]; /* Dutch */
};

struct csv_import_report {
	enum csv_table table;
	char sep; /* ';' or ',' */
	int rows;
	int added, changed, unchanged;
	struct csv_import_error errors[CSV_IMPORT_MAX_ERRORS];
	int n_errors;	       /* all errors found (may exceed the kept ones) */
	struct buf added_keys; /* "regel N: key\n" per new collaboration / participation */
};

/* What a sink function answers. */
enum csv_sink_result {
	CSV_SINK_OK = 0,
	CSV_SINK_FAILED = -1,	/* not written; the field errors say why when any */
	CSV_SINK_NOTFOUND = -2, /* no such collaboration / participation */
};

/*
 * Where the records of an import go. begin/end bracket the whole import
 * (end(commit=false) undoes everything); a failed create or update leaves
 * the others standing until end. Versions are the optimistic record
 * versions; an update reports the version after it in *now (unchanged when
 * nothing changed). Every function returns an enum csv_sink_result.
 */
struct csv_import_sink {
	void *ctx;
	int (*begin)(void *ctx);
	int (*end)(void *ctx, bool commit);
	int (*collab_version)(void *ctx, const char *key, int64_t *version);
	int (*part_version)(void *ctx, const char *collab_key, const char *id, int64_t *version);
	int (*collab_create)(void *ctx, const struct collab_input *in, char *key_out, size_t keylen,
			     struct field_errors *fe);
	int (*collab_update)(void *ctx, const char *key, int64_t version,
			     const struct collab_input *in, struct field_errors *fe, int64_t *now);
	int (*part_create)(void *ctx, const char *collab_key, const struct part_input *in,
			   int64_t *id_out, struct field_errors *fe);
	int (*part_update)(void *ctx, int64_t id, int64_t version, const struct part_input *in,
			   struct field_errors *fe, int64_t *now);
};

/* Parse data[0..len) and hand every row to sink k between one begin and
 * end. dry_run ends without commit even when everything is valid. Returns
 * 0 when the import is (or would be) committed, -1 when nothing was
 * written (rep->errors say why). Release rep with csv_import_report_free. */
int csv_import(const struct csv_import_sink *k, const char *data, size_t len, bool dry_run,
	       struct csv_import_report *rep);
void csv_import_report_free(struct csv_import_report *rep);

/* Dutch name of a table ("samenwerkingsverbanden", "deelnames"). */
const char *csv_table_name(enum csv_table t);

/* Write all collaborations / participations of s (template columns, UTF-8
 * with BOM, comma separated, CRLF) into b. */
void csv_export_collabs(struct buf *b, const struct snapshot *s);
void csv_export_parts(struct buf *b, const struct snapshot *s);

/* The shortest text that reads back as the same double ("0.25"). */
void csv_format_share(double v, char *out, size_t outlen);

#endif
