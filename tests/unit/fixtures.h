/*
 * fixtures — tiny shared helpers for the unit tests: temporary directories,
 * copies of the fictional seed (tests/fixtures/seed-fictional) that a test
 * may damage, text replacement in a file, counting rows with plain SQLite,
 * and the two shared fixtures: a store on a temporary file (empty or with
 * the fictional seed loaded) and a snapshot (loaded from such a store, or
 * built by hand and finished). Header-only (static inline) so every test
 * binary stays one file. Tests run from the repository root (make check).
 */
#ifndef ATLAS_TEST_FIXTURES_H
#define ATLAS_TEST_FIXTURES_H

#include <dirent.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/domain/snapshot.h"
#include "../../src/store/store.h"

#define FX_SEED_DIR "tests/fixtures/seed-fictional"
#define FX_SEED_FILES 5

static const char *const fx_seed_files[FX_SEED_FILES] = {
    "sources.csv", "domains.csv", "organisations.csv", "collaborations.csv", "participations.csv",
};

/* Create a fresh temporary directory; path written to out (>= 64 bytes).
 * Returns 0 or -1. */
static inline int fx_tempdir(char *out, size_t outlen)
{
	snprintf(out, outlen, "/tmp/atlas-unit-XXXXXX");
	return mkdtemp(out) ? 0 : -1;
}

/* Remove dir and everything below it (files and directories). */
static inline void fx_rm_rf(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char p[4096];
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= sizeof p)
			continue;
		if (unlink(p) != 0)
			fx_rm_rf(p);
	}
	closedir(d);
	rmdir(dir);
}

/* Read a whole file into a new NUL-terminated buffer (caller frees). */
static inline char *fx_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	return s;
}

static inline int fx_write(const char *path, const char *data)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t n = strlen(data);
	int rc = fwrite(data, 1, n, f) == n ? 0 : -1;
	return fclose(f) == 0 ? rc : -1;
}

/* Copy the fictional seed files into dir. Returns 0 or -1. */
static inline int fx_copy_seed(const char *dir)
{
	char src[4096], dst[4096];
	for (int i = 0; i < FX_SEED_FILES; i++) {
		snprintf(src, sizeof src, "%s/%s", FX_SEED_DIR, fx_seed_files[i]);
		snprintf(dst, sizeof dst, "%s/%s", dir, fx_seed_files[i]);
		char *data = fx_read(src);
		if (!data || fx_write(dst, data) != 0) {
			free(data);
			return -1;
		}
		free(data);
	}
	return 0;
}

/* Replace the first occurrence of from by to in dir/file. 0, or -1 when
 * the file or the text is missing. */
static inline int fx_replace(const char *dir, const char *file, const char *from, const char *to)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	char *s = fx_read(path);
	char *hit = s ? strstr(s, from) : NULL;
	if (!hit) {
		free(s);
		return -1;
	}
	size_t pre = (size_t)(hit - s), fl = strlen(from), tl = strlen(to), n = strlen(s);
	char *out = malloc(n - fl + tl + 1);
	memcpy(out, s, pre);
	memcpy(out + pre, to, tl);
	memcpy(out + pre + tl, hit + fl, n - pre - fl + 1);
	int rc = fx_write(path, out);
	free(out);
	free(s);
	return rc;
}

/* 1-based line number of the first line of dir/file containing needle; 0 if none. */
static inline int fx_line_of(const char *dir, const char *file, const char *needle)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	char *s = fx_read(path);
	char *hit = s ? strstr(s, needle) : NULL;
	int line = 0;
	if (hit) {
		line = 1;
		for (char *p = s; p < hit; p++)
			line += *p == '\n';
	}
	free(s);
	return line;
}

/* The integer result of one SQL query on the database at path (plain
 * SQLite, outside the store); -1 on error. */
static inline long long fx_query_int(const char *dbpath, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* Run SQL (no results) on the database at path with foreign keys OFF, to
 * plant inconsistencies the store itself would refuse. 0 or -1. */
static inline int fx_exec_raw(const char *dbpath, const char *sql)
{
	sqlite3 *db = NULL;
	int rc = -1;
	if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		rc = 0;
	sqlite3_close(db);
	return rc;
}

/* ---- the store fixture ------------------------------------------------ */

/*
 * Open a store for one test: a new temporary directory (path written to
 * dir), the database file dir/atlas.db (path written to db), opened and
 * migrated into *s; with seed, the fictional seed (FX_SEED_DIR) imported
 * as source "test". On failure err holds the store's message, which is also
 * printed to stderr, and the directory may remain. Returns 0 or -1.
 * Use it through fixture_store_seeded() / fixture_store_empty().
 */
static inline int fixture_store_open(char *dir, size_t dirlen, char *db, size_t dblen,
				     struct store **s, char *err, size_t errlen, bool seed)
{
	*s = NULL;
	if (dirlen < 64 || fx_tempdir(dir, dirlen))
		return -1;
	if ((size_t)snprintf(db, dblen, "%s/atlas.db", dir) >= dblen)
		return -1;
	int applied;
	struct import_report rep;
	if (store_open(db, s, err, errlen) != STORE_OK ||
	    store_migrate(*s, &applied, err, errlen) != STORE_OK ||
	    (seed && store_import_seed(*s, FX_SEED_DIR, "test", &rep, err, errlen) != STORE_OK)) {
		fprintf(stderr, "fixture store: %s\n", err);
		return -1;
	}
	return 0;
}

/* Close a fixture store (NULL is fine) and remove its directory. */
static inline void fixture_store_close(struct store *s, const char *dir)
{
	store_close(s);
	fx_rm_rf(dir);
}

/*
 * The store fixture for a test's own fixture struct f: any struct with the
 * members char dir[] (>= 64 bytes), char db[], struct store *s and
 * char err[]. fixture_store_seeded(f) opens a migrated store with the
 * fictional seed, fixture_store_empty(f) one without data (0 or -1, see
 * fixture_store_open); fixture_store_free(f) closes it and removes the
 * directory (f itself stays the caller's).
 */
#define fixture_store_seeded(f)                                                                    \
	fixture_store_open((f)->dir, sizeof(f)->dir, (f)->db, sizeof(f)->db, &(f)->s, (f)->err,    \
			   sizeof(f)->err, true)
#define fixture_store_empty(f)                                                                     \
	fixture_store_open((f)->dir, sizeof(f)->dir, (f)->db, sizeof(f)->db, &(f)->s, (f)->err,    \
			   sizeof(f)->err, false)
#define fixture_store_free(f) fixture_store_close((f)->s, (f)->dir)

/* ---- the snapshot fixture --------------------------------------------- */

/*
 * The snapshot of store s as of today (YYYY-MM-DD), as the server loads it;
 * NULL on failure (the message printed to stderr). Free it with
 * snapshot_free().
 */
static inline struct snapshot *fixture_snapshot(struct store *s, const char *today)
{
	char err[1024];
	struct snapshot *snap = NULL;
	if (store_load_snapshot(s, today, &snap, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "fixture snapshot: %s\n", err);
		return NULL;
	}
	return snap;
}

/*
 * Finish a snapshot a test built by hand (snapshot_new + snapshot_add_*) as
 * of today. Returns it, or NULL after printing the reason to stderr and
 * freeing it.
 */
static inline struct snapshot *fixture_snapshot_finish(struct snapshot *s, const char *today)
{
	char err[256];
	if (snapshot_finish(s, today, err, sizeof err) != 0) {
		fprintf(stderr, "fixture snapshot: %s\n", err);
		snapshot_free(s);
		return NULL;
	}
	return s;
}

/* ---- hand-built snapshots ---------------------------------------------- */

/*
 * Add an organisation to a snapshot under construction (snapshot_new),
 * with neutral values: every text "", successor, collaboration, source,
 * population and area -1 (none/unknown), not in the province, not ended.
 * The test sets what it needs on the result (owned by s).
 */
static inline struct organisation *fixture_org(struct snapshot *s, int64_t id, const char *code,
					       enum org_kind kind, const char *name)
{
	struct organisation *o = snapshot_add_org(s);
	o->id = id;
	o->code = snapshot_str(s, code);
	o->kind = kind;
	o->name = snapshot_str(s, name);
	o->cbs_code = o->tooi = o->valid_from = o->valid_to = snapshot_str(s, "");
	o->population_date = o->last_confirmed = o->note = snapshot_str(s, "");
	o->successor = o->collaboration = o->source = -1;
	o->population = -1;
	o->area_km2 = -1;
	return o;
}

/*
 * Add a collaboration in one domain (domain_id): a joint arrangement with
 * unknown legal form, powers and phase, every text "", source -1. The test
 * sets what it needs on the result (owned by s).
 */
static inline struct collaboration *fixture_collab(struct snapshot *s, int64_t id, const char *key,
						   const char *name, int domain_id)
{
	struct collaboration *c = snapshot_add_collab(s);
	c->id = id;
	c->key = snapshot_str(s, key);
	c->name = snapshot_str(s, name);
	c->short_name = c->purpose = c->seat = c->start_date = c->end_date = c->website =
	    snapshot_str(s, "");
	c->last_confirmed = c->note = snapshot_str(s, "");
	c->source = -1;
	snapshot_collab_set_domains(s, c, &domain_id, 1);
	return c;
}

/*
 * Add a participation of organisation org_id in collaboration collab_id:
 * a deelnemer in an unknown body, cost share and contribution -1 (unknown),
 * joined and left "", source -1. The test sets what it needs on the result.
 */
static inline struct participation *fixture_part(struct snapshot *s, int64_t id, int collab_id,
						 int org_id)
{
	struct participation *p = snapshot_add_part(s);
	p->id = id;
	p->collaboration = collab_id;
	p->organisation = org_id;
	p->cost_share = -1;
	p->contribution = -1;
	p->joined = p->left = p->last_confirmed = p->note = snapshot_str(s, "");
	p->source = -1;
	return p;
}

/* Add a policy domain with the given description. */
static inline struct domain *fixture_domain(struct snapshot *s, int64_t id, const char *key,
					    const char *name, const char *description)
{
	struct domain *d = snapshot_add_domain(s);
	d->id = id;
	d->key = snapshot_str(s, key);
	d->name = snapshot_str(s, name);
	d->description = snapshot_str(s, description);
	return d;
}

#endif
