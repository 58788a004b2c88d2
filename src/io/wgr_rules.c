/*
 * wgr_rules — see wgr_rules.h.
 */
#include "wgr_rules.h"
#include "seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"id",	   "document", "article",    "rule",
				      "condition", "acts",     "receives",   "valid_from",
				      "valid_to",  "source",   "confidence", "note"};
#define NCOLS ((int)(sizeof columns / sizeof columns[0]))

static struct wgr_rules current;

int wgr_rules_load(const char *path, struct wgr_rules *out, char *err, size_t errlen)
{
	out->rules = NULL;
	out->n = 0;
	struct seed_file *f = NULL;
	if (seed_read_path(path, columns, NCOLS, &f, err, errlen) < 0)
		return -1;
	int rc = -1;
	out->rules = calloc((size_t)f->nrows + 1, sizeof *out->rules);
	if (!out->rules) {
		snprintf(err, errlen, "%s: onvoldoende geheugen", path);
		goto out;
	}
	for (int i = 0; i < f->nrows; i++) {
		char why[200];
		const char *const *cols = (const char *const *)f->rows[i].cols;
		if (wgr_rule_from_fields(&out->rules[i], cols, why, sizeof why) < 0) {
			snprintf(err, errlen, "%s, regel %d: %s", path, f->rows[i].line, why);
			goto out;
		}
		for (int j = 0; j < i; j++)
			if (strcmp(out->rules[j].id, out->rules[i].id) == 0) {
				snprintf(err, errlen, "%s, regel %d: id '%s' komt twee keer voor",
					 path, f->rows[i].line, out->rules[i].id);
				goto out;
			}
		out->n = i + 1;
	}
	rc = 0;
out:
	seed_file_free(f);
	if (rc < 0)
		wgr_rules_free(out);
	return rc;
}

void wgr_rules_free(struct wgr_rules *t)
{
	free(t->rules);
	t->rules = NULL;
	t->n = 0;
}

int wgr_rules_init(const char *path)
{
	char err[512];
	struct wgr_rules t;
	if (wgr_rules_load(path, &t, err, sizeof err) < 0) {
		fprintf(stderr, "atlas serve: Wgr-regeltabel: %s\n", err);
		return -1;
	}
	wgr_rules_free(&current);
	current = t;
	return 0;
}

const struct wgr_rules *wgr_rules_current(void)
{
	return &current;
}
