/*
 * store_roo_internal — what the two files of the ROO import share
 * (store_roo.c: the records of the file and the import run;
 * store_roo_upsert.c: the generic upsert, the term map and small helpers).
 * Private to src/store/.
 */
#ifndef ATLAS_STORE_ROO_INTERNAL_H
#define ATLAS_STORE_ROO_INTERNAL_H

#include "store_internal.h"
#include "store_roo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACTOR "cli:import-roo"
#define VIA "import"
#define SOURCE_KEY "roo-export"
#define MAXCOL 16

struct term_map {
	char **term, **key;
	int n, cap;
};

struct imp {
	struct store *s;
	struct roo_report *rep;
	struct term_map map;
	char source[96]; /* audit source: "ROO-export <timestamp>" */
	char date[11];	 /* the file's date */
	int64_t source_id;
};

struct rec {
	const char *table, *entity;
	char key[200]; /* audit entity_key */
	int n;
	const char *col[MAXCOL];
	char *val[MAXCOL]; /* NULL = SQL NULL; owned */
	bool real[MAXCOL];
	bool keep[MAXCOL]; /* only set on insert or when the stored value is '' */
};

void store_roo_rec_add(struct rec *r, const char *col, const char *v);

void store_roo_rec_addf(struct rec *r, const char *col, double v);

void store_roo_rec_addi(struct rec *r, const char *col, int64_t v);

void store_roo_rec_free(struct rec *r);

void store_roo_lower(char *d, size_t n, const char *s);

/* The last path segment of a TOOI id when it looks like a code (gm0344,
 * pv26, ws0636), else "". */
void store_roo_tooi_code(const char *tooi, char *out, size_t n);

/*
 * Insert (id == 0) or update row id of r->table with r's columns; audit;
 * count in rep under kind. *out_id: the row id. ended: count an update as
 * "ended" rather than "changed".
 */
int store_roo_upsert(struct imp *im, struct rec *r, int64_t id, int kind, bool ended,
		     int64_t *out_id, char *err, size_t el);

/* First id of a one-column query with up to two text parameters; 0 if none. */
int64_t store_roo_find_id(struct store *s, const char *sql, const char *a, const char *b);

int64_t store_roo_find_id_int(struct store *s, const char *sql, int64_t a);

int store_roo_mark_seen(struct imp *im, char kind, int64_t id);

bool store_roo_seen(struct imp *im, char kind, int64_t id);

/* A unique value for column col of table starting from base. */
void store_roo_unique_key(struct store *s, const char *table, const char *col, const char *base,
			  const char *sid, char *out, size_t n);

void store_roo_map_free(struct term_map *m);

/* Read "beleidsterrein,domein" lines; a quoted first field may hold commas. */
int store_roo_map_load(struct term_map *m, const char *path);

const char *store_roo_map_find(const struct term_map *m, const char *term);

void store_roo_report_unknown(struct roo_report *rep, const char *term);

#endif
