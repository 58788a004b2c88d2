/*
 * seed — reads one seed CSV file (data/seed/<stem>.csv) with libcsv into
 * rows of strings, each with the 1-based line number where it starts in the
 * file. It checks the shape only: the header must equal the expected column
 * names exactly, every row must have that many fields, every field must be
 * valid UTF-8 without NUL bytes. It does not interpret values; that is
 * domain/validate.c. Errors are Dutch and name the file and line, e.g.
 * "data/seed/organisations.csv, regel 12: 16 kolommen, verwacht 17".
 */
#ifndef ATLAS_SEED_H
#define ATLAS_SEED_H

#include <stddef.h>

/* Largest seed file accepted (bytes). */
#define SEED_MAX_FILE (32u * 1024u * 1024u)

struct seed_row {
	int line;    /* 1-based line in the file where the record starts */
	char **cols; /* ncols NUL-terminated strings, owned by the seed_file */
};

struct seed_file {
	char *path;	       /* display path "dir/stem.csv", used in messages */
	int ncols;	       /* number of columns (= expected header) */
	struct seed_row *rows; /* data rows, header excluded */
	int nrows;
};

/*
 * Read dir/stem.csv. columns[0..ncols) is the exact expected header. On
 * success *out is a new seed_file (free with seed_file_free) and 0 is
 * returned; on failure -1 with a Dutch message "path, regel N: reden" in
 * err (regel omitted when the file cannot be opened).
 */
int seed_read(const char *dir, const char *stem, const char *const *columns, int ncols,
	      struct seed_file **out, char *err, size_t errlen);

/* seed_read of a table given by its path ("data/rules.csv"): the path must
 * end in ".csv"; the same messages as seed_read. */
int seed_read_path(const char *path, const char *const *columns, int ncols, struct seed_file **out,
		   char *err, size_t errlen);

/* Free a seed_file; seed_file_free(NULL) is a no-op. */
void seed_file_free(struct seed_file *f);

#endif
