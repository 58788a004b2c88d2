/*
 * fuzz_changeset — libFuzzer target for the change-set import on arbitrary
 * bytes: the CSV sheet reader (src/io/sheet_csv.c) and the planner
 * (src/app/changeset.c). The first byte picks the sheet kind, the rest is
 * the file. Once per process a temporary SQLite database is created,
 * migrated and filled with the fictional seed (tests/fixtures/seed-fictional;
 * run from the repository root, as make fuzz does). A sheet that is read
 * must be well formed (every row as wide as the header, no NULL cell,
 * lines increasing); planning must not crash, leak or fail, every problem
 * has a message, and the database never changes (PRAGMA data_version on a
 * second connection stays the same).
 */
#include "../../src/app/changeset.h"
#include "../../src/io/sheet.h"
#include "../../src/lib/arena.h"
#include "../../src/store/store.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;
static sqlite3 *watch;
static long long version;
static char dir[64], db[128];

static const char *const kinds[] = {
    "sources",
    "new_organisations",
    "organisation_changes",
    "new_collaborations",
    "collaboration_changes",
    "new_participations",
    "participation_changes",
};

static long long data_version(void)
{
	sqlite3_stmt *q;
	long long v = -1;
	if (sqlite3_prepare_v2(watch, "PRAGMA data_version", -1, &q, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static void cleanup(void)
{
	store_close(st);
	sqlite3_close(watch);
	char p[160];
	const char *suffix[] = {"", "-wal", "-shm", "-journal"};
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", db, suffix[i]);
		unlink(p);
	}
	rmdir(dir);
}

static void setup(void)
{
	char err[1024];
	int applied;
	struct import_report rep;
	snprintf(dir, sizeof dir, "/tmp/fuzz_changeset_XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(db, sizeof db, "%s/atlas.db", dir);
	if (store_open(db, &st, err, sizeof err) || store_migrate(st, &applied, err, sizeof err) ||
	    store_import_seed(st, "tests/fixtures/seed-fictional", "fuzz", &rep, err, sizeof err)) {
		fprintf(stderr, "fuzz_changeset setup (run from the repository root): %s\n", err);
		abort();
	}
	if (sqlite3_open_v2(db, &watch, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		abort();
	version = data_version();
	atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!st)
		setup();
	if (size < 1 || size > (1u << 20))
		return 0;
	const char *name = kinds[data[0] % (sizeof kinds / sizeof kinds[0])];
	struct arena *a = arena_new();
	struct changeset cs = {arena_calloc(a, 1, sizeof(struct sheet)), 1, "fuzz"};
	char err[512];
	if (sheet_read_csv(a, (const char *)data + 1, size - 1, name, "fuzz.csv", &cs.sheets[0],
			   err, sizeof err) != 0) {
		if (!err[0])
			abort(); /* refused without a reason */
		arena_free(a);
		return 0;
	}
	const struct sheet *sh = &cs.sheets[0];
	for (int r = 0; r < sh->nrows; r++) {
		for (int c = 0; c < sh->ncols; c++)
			if (!sh->cells[r][c])
				abort();
		if (r > 0 && sh->line[r] <= sh->line[r - 1])
			abort();
	}
	struct cs_report rep;
	if (changeset_plan(st, a, &cs, NULL, "2026-12-06", &rep, err, sizeof err) != 0)
		abort(); /* a database fault on hostile input */
	for (int i = 0; i < rep.n_problems; i++)
		if (!rep.problems[i].message || !rep.problems[i].message[0])
			abort();
	arena_free(a);
	if (data_version() != version)
		abort(); /* planning changed the database */
	return 0;
}
