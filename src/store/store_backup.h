/*
 * store_backup — operations on the database as a whole: the
 * health probe for /api/v1/health, an online backup (`atlas backup`) and a
 * restore with the server stopped (`atlas restore`). SQLite only; the
 * implementation is store_backup_sqlite.c (SQLite's backup API). For
 * PostgreSQL, docs/DEPLOYMENT.md will give pg_dump/pg_restore instead.
 *
 * Not here: deciding whether the whole service is healthy (api_health.c),
 * scheduling backups (cron, see docs/DEPLOYMENT.md).
 */
#ifndef ATLAS_STORE_BACKUP_H
#define ATLAS_STORE_BACKUP_H

#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* What the health probe found. */
struct store_health {
	int schema_version;    /* PRAGMA user_version of the database */
	int schema_expected;   /* the version this binary needs (its migration count) */
	uint64_t data_version; /* meta.data_version */
};

/*
 * Probe the connection s with a trivial read (schema and data version),
 * waiting at most timeout_ms for a lock. Returns STORE_OK (out filled;
 * the schema may still differ: compare the two versions or call
 * store_check_schema) or STORE_ERR with a Dutch message in err.
 */
int store_health(struct store *s, int timeout_ms, struct store_health *out, char *err,
		 size_t errlen);

/* What a backup or restore copied. */
struct store_backup_info {
	int schema_version;
	uint64_t data_version;
	long long bytes; /* size of the written file */
};

/*
 * Online backup: copy the database at db_path to dest as one consistent
 * snapshot (SQLite's backup API in one step, so the server may keep
 * reading and writing meanwhile). Writes dest.tmp-<pid> in dest's
 * directory, checks it (integrity_check), syncs it and only then gives it
 * the name dest. Refuses (STORE_ERR_INVALID) when dest exists, unless
 * overwrite; when db_path is missing or not an atlas database. The copy
 * is a single file (rollback journal mode, no -wal beside it).
 */
int store_backup(const char *db_path, const char *dest, bool overwrite,
		 struct store_backup_info *info, char *err, size_t errlen);

/*
 * Restore: replace the database at db_path by the backup src. The server
 * must be stopped: the live database is locked exclusively first and the
 * restore refuses (STORE_ERR_INVALID, "in gebruik") while another
 * connection has it open. src must pass PRAGMA integrity_check and be an
 * atlas database whose schema is not newer than this binary
 * (STORE_ERR_SCHEMA). The old database is kept as <db_path>.voor-herstel
 * (refused when that exists, unless overwrite_prev). An older schema is
 * restored as it is; info->schema_version then tells the caller to
 * migrate.
 */
int store_restore(const char *db_path, const char *src, bool overwrite_prev,
		  struct store_backup_info *info, char *err, size_t errlen);

#endif
