/*
 * store_internal — what the files of src/store/ share and nobody else may
 * use: the struct store definition, the prepared-statement cache, error
 * helpers, the transaction helper (store_tx.c), the data_version bump and
 * the audit-event writer.
 * Private to src/store/; pages and API include store.h and friends only.
 */
#ifndef ATLAS_STORE_INTERNAL_H
#define ATLAS_STORE_INTERNAL_H

#include "store.h"

#include "db.h"
#include "../domain/labels.h"
#include "../domain/records.h"

#include <jansson.h>

struct arena;

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stddef.h>

#define STMT_CACHE_MAX 128

struct cached_stmt {
	char *sql;   /* owned copy of the SQL text (the cache key) */
	db_stmt *st; /* prepared once per connection */
};

/* A statement: SQLite's own, or the PostgreSQL state (store_pg.c). */
struct db_stmt {
	struct store *s;
	sqlite3_stmt *lite; /* SQLite: the statement; NULL on PostgreSQL */
	char *sql;	    /* PostgreSQL: the text with $N placeholders */
	int nparams;	    /* highest placeholder number */
	char **vals;	    /* bound values as text (NULL = SQL NULL), owned */
	unsigned gen;	    /* connection generation it was prepared on; 0 = never */
	unsigned id;	    /* makes the prepared-statement name */
	PGresult *res;	    /* result of the current execution */
	int row, nrows;
};

struct store {
	enum db_engine engine;
	sqlite3 *db;	  /* SQLite connection */
	PGconn *pg;	  /* PostgreSQL connection */
	char *url;	  /* PostgreSQL: the connection URL (for reconnecting) */
	unsigned gen;	  /* PostgreSQL: bumped on every (re)connect */
	unsigned next_id; /* PostgreSQL: statement names */
	int broken;	  /* PostgreSQL: the connection was lost */
	char errmsg[256]; /* PostgreSQL: the last error */
	struct cached_stmt cache[STMT_CACHE_MAX];
	int ncache;
	int batch;		/* inside store_batch_begin: transactions are savepoints */
	int tx;			/* a store_tx_begin* transaction (or savepoint) is open */
	int writer;		/* holds the process's SQLite writer turn (store_tx.c) */
	uint64_t tx_version;	/* data version the open transaction wrote, 0 = none */
	uint64_t wrote_version; /* data version of the last committed write */
	int64_t import_batch;	/* the open import batch (store_provenance.h), 0 = none */
};

/* printf into err (when err/errlen allow). */
void store_set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Log the current SQLite error for `what`, write a Dutch message to err
 * (may be NULL) and return STORE_ERR. */
int store_db_fail(struct store *s, const char *what, char *err, size_t errlen);
/* The cached prepared statement for sql, reset and with cleared bindings;
 * db_reset it when done. NULL on failure (logged). */
db_stmt *store_stmt(struct store *s, const char *sql);
/* Run SQL without results; STORE_ERR (with err) on failure. */
int store_exec(struct store *s, const char *sql, const char *what, char *err, size_t errlen);

/*
 * Transactions (store_tx.c), the only way store files open one. Outside a
 * batch: BEGIN IMMEDIATE (write) or BEGIN (consistent multi-statement read)
 * … COMMIT; inside store_batch_begin both are a SAVEPOINT of the batch,
 * released by commit and rolled back alone by rollback. No nesting. `what`
 * names the step for the log and the Dutch err message (err may be NULL).
 * Return STORE_OK or STORE_ERR; after a failed commit call rollback.
 */
int store_tx_begin(struct store *s, const char *what, char *err, size_t errlen);
int store_tx_begin_read(struct store *s, const char *what, char *err, size_t errlen);
int store_tx_commit(struct store *s, const char *what, char *err, size_t errlen);
/* Roll back the open transaction (or the batch's current savepoint), if
 * any; a no-op when nothing is open. */
void store_tx_rollback(struct store *s);
/* How many WAL fsyncs the SQLite group commit of store_tx_commit has made
 * in this process (store_tx.c): fewer than the commits when writers commit
 * together. For tests. */
unsigned long store_wal_fsyncs(void);
/* Tests: sync the WAL with fn instead of fdatasync (NULL: fdatasync again);
 * fn returns 0 when the file is on disk, -1 when not. */
void store_set_wal_sync_hook(int (*fn)(const char *wal_path));

/* Step st once and reset it: STORE_OK when the statement ran (done or a
 * row), otherwise store_db_fail with what/err. */
int store_step_done(struct store *s, db_stmt *st, const char *what, char *err, size_t errlen);
struct write_ctx;
/* The audit actor of a write ("onbekend" when w or its actor is absent)
 * and its channel ("" when absent). */
const char *store_ctx_actor(const struct write_ctx *w);
const char *store_ctx_via(const struct write_ctx *w);

/*
 * One audited write: store_write_begin opens the write transaction;
 * store_write_record appends the audit event (actor and channel from w;
 * before/after JSON text or NULL) and bumps the data version inside it;
 * store_write_finish does both and commits. STORE_ERR on a fault (logged);
 * the caller then calls store_tx_rollback.
 */
int store_write_begin(struct store *s);
int store_write_record(struct store *s, const struct write_ctx *w, const char *action,
		       const char *entity, const char *key, const char *before, const char *after);
int store_write_finish(struct store *s, const struct write_ctx *w, const char *action,
		       const char *entity, const char *key, const char *before, const char *after);
/* Column text, "" for NULL. Valid until the next step/reset. */
const char *store_col_text(db_stmt *st, int i);
/* Inside a write transaction: rebuild search_fts from the tables. */
int store_rebuild_search(struct store *s, char *err, size_t errlen);
/* Add the search index rows of one record (kind 'c' or 'o', id > 0) or of
 * every record (kind 0, id 0) to search_fts (store_search.c). */
int store_search_index(struct store *s, char kind, int64_t id);
/* SQLite: the search_fts rowid of a record (kind 'c' or 'o'), so its row is
 * replaced by rowid instead of a scan of the unindexed key column. */
int64_t store_search_rowid(char kind, int64_t id);
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

/* Helpers the write and list functions share (store_util.c). */
/* w->today when it is a date, else today's UTC date written into buf. */
const char *store_ctx_today(const struct write_ctx *w, char buf[11]);
/* e->n = 0 (e may be NULL). */
void store_errs_reset(struct field_errors *e);
/* Compact JSON text of o in insertion order (malloc'd, caller frees); o is
 * released. */
char *store_json_text(json_t *o);
/* o[k] = v as a JSON string (NULL as ""). */
void store_json_set(json_t *o, const char *k, const char *v);
/* The db code of an api value ("" when unknown) and the api value of a db
 * code (the code itself when unknown). */
const char *store_label_db(const struct label *t, int n, const char *api);
const char *store_label_api(const struct label *t, int n, const char *db);
/*
 * The rows of select + tail (tail: WHERE/ORDER BY; ?1 bound to param when
 * param is not NULL) read by read() into an array in arena a, as
 * store_collect. STORE_ERR when s is NULL (no connection) or on a fault.
 */
int store_list(struct store *s, struct arena *a, const char *select, const char *tail,
	       const char *param, size_t elem, void (*read)(db_stmt *, struct arena *, void *),
	       void **out, int *n);
/* arr (count elements of size elem, room for *cap) with room for one more:
 * arr itself, or a copy twice as large in arena a (*cap updated). */
void *store_grow(struct arena *a, void *arr, int count, int *cap, size_t elem);
/*
 * Step st to the end, appending one zeroed element of size elem per row
 * filled by read(st, a, element). *out (in arena a, with everything read()
 * allocates there) and *n are set; STORE_ERR on a database fault. st is
 * reset.
 */
int store_collect(struct store *s, struct arena *a, db_stmt *st, size_t elem,
		  void (*read)(db_stmt *, struct arena *, void *), void **out, int *n);

/* The PostgreSQL side of the driver (store_pg.c); db.c dispatches to it. */
int pg_connect(struct store *s, const char *url, char *err, size_t errlen);
void pg_disconnect(struct store *s);
/* Reconnect a lost connection; STORE_OK when usable. */
int pg_ensure(struct store *s);
int pg_prepare(struct store *s, const char *sql, db_stmt *st);
void pg_stmt_clear(db_stmt *st);
int pg_step(db_stmt *st);
int pg_exec(struct store *s, const char *sql);
int64_t pg_last_insert_id(struct store *s);
int pg_in_transaction(struct store *s);
int pg_copy_begin(struct store *s, const char *sql);
int pg_copy_put(struct store *s, const char *data, size_t n);
int pg_copy_end(struct store *s, const char *abort_reason);

#endif
