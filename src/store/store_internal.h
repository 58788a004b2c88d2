/*
 * store_internal — what the SQLite store files (store_sqlite.c,
 * store_write_sqlite.c, store_auth_sqlite.c) share and nobody else may
 * use: the struct store definition, the prepared-statement cache, error
 * helpers, transactions, the data_version bump and the audit-event writer.
 * Private to src/store/; pages and API include store.h and friends only.
 */
#ifndef ATLAS_STORE_INTERNAL_H
#define ATLAS_STORE_INTERNAL_H

#include "store.h"

#include <sqlite3.h>
#include <stddef.h>

#define STMT_CACHE_MAX 128

struct cached_stmt {
	char *sql;	  /* owned copy of the SQL text (the cache key) */
	sqlite3_stmt *st; /* prepared with SQLITE_PREPARE_PERSISTENT */
};

struct store {
	sqlite3 *db;
	struct cached_stmt cache[STMT_CACHE_MAX];
	int ncache;
	int batch; /* issue 6: inside store_batch_begin: writes are savepoints */
};

/* printf into err (when err/errlen allow). */
void store_set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Log the current SQLite error for `what`, write a Dutch message to err
 * (may be NULL) and return STORE_ERR. */
int store_db_fail(struct store *s, const char *what, char *err, size_t errlen);
/* The cached prepared statement for sql, reset and with cleared bindings;
 * sqlite3_reset it when done. NULL on failure (logged). */
sqlite3_stmt *store_stmt(struct store *s, const char *sql);
/* Run SQL without results; STORE_ERR (with err) on failure. */
int store_exec(struct store *s, const char *sql, const char *what, char *err, size_t errlen);
/* Roll back the open transaction, if any. */
void store_rollback(struct store *s);
/* Column text, "" for NULL. Valid until the next step/reset. */
const char *store_col_text(sqlite3_stmt *st, int i);
/* Inside a write transaction: meta.data_version + 1. */
int store_bump_data_version(struct store *s, char *err, size_t errlen);

/*
 * Inside a write transaction: append one audit_event. before/after are JSON
 * text or NULL; source is "seed", "web", "api", "cli"; via the channel
 * ("" for the import). `at` is the current UTC time with milliseconds.
 */
int store_audit_write(struct store *s, const char *actor, const char *via, const char *source,
		      const char *action, const char *entity, const char *entity_key,
		      const char *before, const char *after);

#endif
