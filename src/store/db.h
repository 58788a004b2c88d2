/*
 * db — the statement-level driver under the store: one SQL text and one
 * calling pattern (prepare, bind, step, read columns, reset) for both
 * engines, so each store operation is written once.
 *
 * The calls mirror SQLite's statement API on purpose: on SQLite they are a
 * branch and a direct call; on PostgreSQL (store_pg.c, libpq) a statement is
 * prepared once per connection (PQprepare, `?`/`?N` placeholders rewritten
 * to `$N`), every value is sent as a bound parameter (PQexecPrepared, text
 * format), the first db_step runs it and later steps walk the result rows.
 *
 * Where the dialects differ the store asks db_engine() and picks its SQL:
 * schema migrations, the schema version, search, backups. Transaction
 * verbs are mapped by db_exec: "BEGIN IMMEDIATE" (a write) takes a global
 * write lock on both engines (SQLite's reserved lock; a transaction-scoped
 * advisory lock on PostgreSQL, in READ COMMITTED), so writes are serialised
 * exactly as on SQLite; "BEGIN" (a read of several statements) gets one
 * consistent snapshot (REPEATABLE READ on PostgreSQL).
 *
 * Private to src/store/.
 */
#ifndef ATLAS_DB_H
#define ATLAS_DB_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct store;
typedef struct db_stmt db_stmt;

enum { DB_OK = 0, DB_ERROR = 1, DB_ROW = 100, DB_DONE = 101 };
enum { DB_INTEGER = 1, DB_FLOAT = 2, DB_TEXT = 3, DB_BLOB = 4, DB_NULL = 5 };
enum db_engine { DB_SQLITE = 1, DB_PG = 2 };

typedef void (*db_destructor)(void *);
/* The value outlives the statement's next step (SQLite may keep the
 * pointer); PostgreSQL copies every value anyway. */
#define DB_STATIC ((db_destructor)0)
#define DB_TRANSIENT ((db_destructor)-1)

/* Prepare sql (not cached: db_finalize it). DB_OK or DB_ERROR. */
int db_prepare(struct store *s, const char *sql, db_stmt **out);
void db_finalize(db_stmt *st);

/* Parameters are numbered from 1; n < 0 means NUL-terminated. */
int db_bind_text(db_stmt *st, int i, const char *v, int n, db_destructor d);
int db_bind_int64(db_stmt *st, int i, int64_t v);
int db_bind_int(db_stmt *st, int i, int v);
int db_bind_double(db_stmt *st, int i, double v);
int db_bind_null(db_stmt *st, int i);
int db_clear_bindings(db_stmt *st);

/* DB_ROW (a row is ready), DB_DONE (no more rows) or an error code. */
int db_step(db_stmt *st);
/* Forget the result (bindings stay); DB_OK. */
int db_reset(db_stmt *st);

/* Columns of the current row, numbered from 0. Text is NULL for NULL and
 * valid until the next step/reset. */
int64_t db_column_int64(db_stmt *st, int i);
int db_column_int(db_stmt *st, int i);
double db_column_double(db_stmt *st, int i);
const unsigned char *db_column_text(db_stmt *st, int i);
int db_column_bytes(db_stmt *st, int i);
int db_column_type(db_stmt *st, int i);
/* Number and names of the result columns (after the first step). */
int db_column_count(db_stmt *st);
const char *db_column_name(db_stmt *st, int i);

/* Connection level. */
enum db_engine db_engine(const struct store *s);
/* Run SQL without parameters or results (several statements allowed). */
int db_exec(struct store *s, const char *sql);
/* The last error message of this connection. */
const char *db_errmsg(struct store *s);
/* The id the last INSERT on this connection generated. */
int64_t db_last_insert_id(struct store *s);
/* 1 inside an open transaction. */
int db_in_transaction(struct store *s);

/* Does url name a PostgreSQL database ("postgres://", "postgresql://")? */
int db_is_pg_url(const char *url);

/*
 * Bulk load, PostgreSQL only: `COPY table (columns) FROM STDIN` in text
 * format. db_copy_begin runs the COPY statement (it has no parameters: the
 * values travel as row data); db_copy_put sends rows, whole lines built
 * with db_copy_field, a tab between fields and a newline after each row;
 * db_copy_end finishes it. Nothing else may run on the connection in
 * between. db_copy_end returns DB_OK when the server accepted every row,
 * otherwise DB_ERROR with db_errmsg set to its reason (a constraint, a
 * malformed value) and the transaction aborted, as after any failed
 * statement. abort_reason non-NULL ends the copy as failed on purpose (the
 * caller could not send every row); db_copy_end then returns DB_ERROR.
 * db_copy_begin and db_copy_put return DB_OK or DB_ERROR; after a
 * db_copy_begin that succeeded, always call db_copy_end.
 */
int db_copy_begin(struct store *s, const char *sql);
int db_copy_put(struct store *s, const char *data, size_t n);
int db_copy_end(struct store *s, const char *abort_reason);
/*
 * Append v to b as one field of COPY's text format: NULL as \N; a
 * backslash, tab, newline and carriage return as \\, \t, \n and \r;
 * everything else as it is (so the text "\N" arrives as that text, not
 * as NULL). Engine-independent, so it can be tested alone.
 */
void db_copy_field(struct buf *b, const char *v);

#endif
