/*
 * changeset_upload — the change-set import from uploaded files, shared by
 * the upload page (pages/import_page.c) and the API (api/api_changeset.c):
 * uploaded files → a change set (app/changeset.h), a fingerprint of a plan
 * (so "Toepassen" applies exactly what was previewed), and the files
 * carried from the preview to the apply step.
 *
 * What may be uploaded: one XLSX workbook (its worksheets are the tables,
 * named like the change-set files: sources, organisation_changes, …) or
 * one or more CSV files named after their table (organisation_changes.csv),
 * together at most CHANGESET_UPLOAD_MAX_BYTES.
 */
#ifndef ATLAS_APP_CHANGESET_UPLOAD_H
#define ATLAS_APP_CHANGESET_UPLOAD_H

#include "changeset.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Most bytes of files one upload may hold (http/router.h's
 * UPLOAD_FILES_LIMIT says the same for the 413 message), and most files. */
#define CHANGESET_UPLOAD_MAX_BYTES (8u << 20)
#define CHANGESET_UPLOAD_MAX_FILES 16

struct cs_file {
	const char *name; /* the file name as uploaded, without directory */
	const char *data;
	size_t len;
};

/*
 * Read the files into cs (in arena a): an .xlsx file alone, or .csv files.
 * title names the import batch; NULL or "" takes the workbook's name, the
 * CSV file's name, or "N CSV-bestanden". Returns 0, or -1 with the
 * problems (file, line 0, Dutch reason) in *probs / *n_probs: no file,
 * too many or too large, an unknown extension, a workbook with other
 * files, two files for one table, a file that cannot be read.
 */
int changeset_upload_read(struct arena *a, const struct cs_file *files, int n, const char *title,
			  struct changeset *cs, struct cs_problem **probs, int *n_probs);

/* Is f a file in the older CSV template for collaborations or
 * participations (docs/csv-template.md: columns sleutel and naam, or
 * samenwerkingsverband and organisatie) rather than a change-set table?
 * The upload page still takes one such file on its own. */
bool changeset_upload_is_template(const struct cs_file *f);

/* The kind of source key (domain/provenance.h), for the confidence words:
 * the "kind" column of the change set's sources sheet, else guessed from
 * its URL, title and publisher there or in the snapshot s; NULL when the
 * key is unknown. */
struct snapshot;
const char *changeset_source_kind(const struct changeset *cs, const struct snapshot *s,
				  const char *key);

/* The fingerprint of a plan (every change, skipped row and problem, in
 * order) as 64
 * hex characters + NUL: equal fingerprints, equal plans. */
void changeset_plan_digest(const struct cs_report *rep, char out[65]);

/* A file's bytes as unpadded base64url (hidden form fields carry the
 * uploaded files from the preview to "Toepassen"), in the arena. */
const char *changeset_upload_encode(struct arena *a, const char *data, size_t len);
/* And back; -1 when s is not base64url or decodes to more than
 * CHANGESET_UPLOAD_MAX_BYTES. */
int changeset_upload_decode(struct arena *a, const char *s, const char **data, size_t *len);

#endif
