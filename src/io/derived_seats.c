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
	size_t len = strlen(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dlen = slash ? (size_t)(slash - path) : 0;
	char dir[1024], stem[256];
	if (len < 5 || strcmp(path + len - 4, ".csv") != 0 || dlen >= sizeof dir ||
	    strlen(base) - 4 >= sizeof stem || strlen(base) == 4) {
		snprintf(err, errlen, "%s: de regeltabel moet een .csv-bestand zijn", path);
		return -1;
	}
	snprintf(dir, sizeof dir, "%.*s", (int)dlen, slash ? path : ".");
	if (slash && dlen == 0)
		snprintf(dir, sizeof dir, "/");
	snprintf(stem, sizeof stem, "%.*s", (int)(strlen(base) - 4), base);
	struct seed_file *f = NULL;
	if (seed_read(dir, stem, columns, LEGAL_RULE_NCOLS, &f, err, errlen) < 0)
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
