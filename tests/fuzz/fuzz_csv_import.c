/*
 * fuzz_csv_import — libFuzzer target for the CSV import (src/io/csv_import.c)
 * on arbitrary bytes. Once per process a temporary SQLite database is
 * created, migrated and filled with the fictional seed
 * (tests/fixtures/seed-fictional; run from the repository root, as make
 * fuzz does); every input is imported as a dry run, which rolls back. The
 * import must not crash or leak, must report errors exactly when it refuses
 * the file, and the database must never change (PRAGMA data_version on a
 * second connection stays the same).
 */
#include "../../src/store/store_csv.h"
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
	snprintf(dir, sizeof dir, "/tmp/fuzz_csv_import_XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(db, sizeof db, "%s/atlas.db", dir);
	if (store_open(db, &st, err, sizeof err) || store_migrate(st, &applied, err, sizeof err) ||
	    store_import_seed(st, "tests/fixtures/seed-fictional", "fuzz", &rep, err, sizeof err)) {
		fprintf(stderr, "fuzz_csv_import setup (run from the repository root): %s\n", err);
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
	if (size > CSV_IMPORT_MAX_BYTES)
		return 0;
	struct write_ctx w = {"cli:fuzz", "cli", "2025-03-01"};
	struct csv_import_report rep;
	int rc = store_csv_import(st, &w, (const char *)data, size, true, &rep);
	if (rc == 0 && rep.n_errors != 0)
		abort(); /* accepted with errors */
	if (rc != 0 && rep.n_errors == 0)
		abort(); /* refused without a reason */
	for (int i = 0; i < rep.n_errors && i < CSV_IMPORT_MAX_ERRORS; i++)
		if (!memchr(rep.errors[i].message, 0, sizeof rep.errors[i].message) ||
		    !rep.errors[i].message[0])
			abort();
	csv_import_report_free(&rep);
	if (data_version() != version)
		abort(); /* a dry run changed the database */
	return 0;
}
