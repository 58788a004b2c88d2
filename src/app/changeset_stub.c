/*
 * changeset_stub — TEMPORARY stand-in for app/changeset.c and
 * io/sheet_csv.c (the changeset helper's branch) so the upload branch links
 * before that branch is merged. Delete this file when merging `changeset`.
 * TODO(#14): remove at merge.
 */
#include "changeset.h"
#include "../lib/arena.h"

#include <stdio.h>
#include <string.h>

int sheet_col(const struct sheet *sh, const char *h)
{
	if (!sh || !h || sh->nrows < 1)
		return -1;
	for (int c = 0; c < sh->ncols; c++)
		if (strcmp(sh->cells[0][c], h) == 0)
			return c;
	return -1;
}

const char *sheet_cell(const struct sheet *sh, int row, int col)
{
	if (!sh || row < 0 || row >= sh->nrows || col < 0 || col >= sh->ncols)
		return "";
	return sh->cells[row][col] ? sh->cells[row][col] : "";
}

int sheet_read_csv(struct arena *a, const char *data, size_t len, const char *name,
		   const char *file, struct sheet *out, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	memset(out, 0, sizeof *out);
	out->name = name;
	out->file = file;
	int rows = 0;
	for (size_t i = 0; i < len; i++)
		rows += data[i] == '\n';
	const char ***cells = arena_calloc(a, (size_t)rows + 1, sizeof *cells);
	int *line = arena_calloc(a, (size_t)rows + 1, sizeof *line);
	const char *p = data, *end = data + len;
	int r = 0;
	while (p < end && r <= rows) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		cells[r] = arena_calloc(a, 1, sizeof **cells);
		cells[r][0] = arena_strndup(a, p, l);
		line[r] = r + 1;
		r++;
		p += l + 1;
	}
	out->ncols = 1;
	out->nrows = r;
	out->cells = cells;
	out->line = line;
	return 0;
}

int changeset_read_dir(struct arena *a, const char *dir, struct changeset *cs, char *err,
		       size_t errlen)
{
	(void)a, (void)dir, (void)cs;
	snprintf(err, errlen, "nog niet beschikbaar");
	return -1;
}

int changeset_plan(struct store *st, struct arena *a, const struct changeset *cs,
		   const char *min_confidence, const char *today, struct cs_report *out, char *err,
		   size_t errlen)
{
	(void)st, (void)min_confidence, (void)today, (void)err, (void)errlen;
	memset(out, 0, sizeof *out);
	int n = 0;
	for (int i = 0; i < cs->n; i++)
		n += cs->sheets[i].nrows > 1 ? cs->sheets[i].nrows - 1 : 0;
	out->changes = arena_calloc(a, (size_t)n + 1, sizeof *out->changes);
	for (int i = 0; i < cs->n; i++)
		for (int r = 1; r < cs->sheets[i].nrows; r++) {
			const char *v = cs->sheets[i].cells[r][0];
			if (strstr(v, "FOUT")) {
				out->problems = arena_calloc(a, 1, sizeof *out->problems);
				out->problems[0] = (struct cs_problem){cs->sheets[i].file,
								       cs->sheets[i].line[r],
								       "een foute regel"};
				out->n_problems = 1;
			}
			out->changes[out->n_changes++] = (struct cs_change){
			    cs->sheets[i].file, cs->sheets[i].line[r], CS_UPDATE, "organisation",
			    v, v, "name", "Naam", "oud", v, "bron", "high"};
		}
	return 0;
}

int changeset_apply(struct store *st, struct arena *a, const struct changeset *cs,
		    const char *min_confidence, const struct write_ctx *w, struct cs_report *out,
		    char *err, size_t errlen)
{
	return changeset_plan(st, a, cs, min_confidence, w->today, out, err, errlen);
}

const char *changeset_op_label(enum cs_op op)
{
	static const char *const l[] = {"nieuw", "wijziging", "beëindigd", "niet bevestigd",
					"bron bijgewerkt"};
	return (unsigned)op < 5 ? l[op] : "";
}
