/*
 * derived_seats (io) — see derived_seats.h.
 */
#include "derived_seats.h"
#include "seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const columns[LEGAL_RULE_NCOLS] = {LEGAL_RULE_COLUMNS};

static struct legal_rules loaded;
static const struct legal_rules *current = &loaded;

int derived_rules_load(const char *path, struct legal_rules *out, char *err, size_t errlen)
{
	out->rules = NULL;
	out->n = 0;
	struct seed_file *f = NULL;
	if (seed_read_path(path, columns, LEGAL_RULE_NCOLS, &f, err, errlen) < 0)
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
		if (legal_rule_from_fields(&out->rules[i], cols, why, sizeof why) < 0) {
			snprintf(err, errlen, "%s, regel %d: %s", path, f->rows[i].line, why);
			goto out;
		}
		out->n = i + 1;
	}
	rc = 0;
out:
	seed_file_free(f);
	if (rc < 0)
		derived_rules_free(out);
	return rc;
}

void derived_rules_free(struct legal_rules *t)
{
	free(t->rules);
	t->rules = NULL;
	t->n = 0;
}

int derived_rules_init(const char *path)
{
	if (access(path, F_OK) != 0)
		return 0; /* no table: no derived seats */
	char err[512];
	struct legal_rules t;
	if (derived_rules_load(path, &t, err, sizeof err) < 0) {
		fprintf(stderr, "atlas serve: wettelijke samenstelling: %s\n", err);
		return -1;
	}
	derived_rules_free(&loaded);
	loaded = t;
	current = &loaded;
	return 0;
}

void derived_rules_set(const struct legal_rules *t)
{
	current = t ? t : &loaded;
}

const struct legal_rules *derived_rules_current(void)
{
	return current;
}
