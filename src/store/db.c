/*
 * db — the statement-level driver (see db.h): the SQLite side and the
 * dispatch. Every call branches once on the statement's engine; the
 * PostgreSQL side lives in store_pg.c.
 *
 * PostgreSQL results arrive as text (PQexecPrepared, result format 0), so
 * the column readers parse: integers with strtoll (booleans 't'/'f' read as
 * 1/0, as SQLite stores them), reals with strtod.
 */
#include "db.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/xalloc.h"
#include "store_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* PostgreSQL type oids the column reader distinguishes (pg_type.h). */
#define OID_BOOL 16
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_FLOAT4 700
#define OID_FLOAT8 701
#define OID_NUMERIC 1700

int db_is_pg_url(const char *url)
{
	return url &&
	       (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0);
}

enum db_engine db_engine(const struct store *s)
{
	return s->engine;
}

int db_prepare(struct store *s, const char *sql, db_stmt **out)
{
	db_stmt *st = xcalloc(1, sizeof *st);
	st->s = s;
	st->row = -1;
	if (s->engine == DB_PG) {
		if (pg_prepare(s, sql, st) != DB_OK) {
			free(st);
			*out = NULL;
			return DB_ERROR;
		}
		*out = st;
		return DB_OK;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->lite, NULL) !=
	    SQLITE_OK) {
		free(st);
		*out = NULL;
		return DB_ERROR;
	}
	*out = st;
	return DB_OK;
}

void db_finalize(db_stmt *st)
{
	if (!st)
		return;
	if (st->lite)
		sqlite3_finalize(st->lite);
	else
		pg_stmt_clear(st);
	free(st->vals);
	free(st->sql);
	free(st);
}

/* ------------------------------------------------------------- bindings */

/* The slot for parameter i (1-based) of a PostgreSQL statement, freed. */
static char **pg_slot(db_stmt *st, int i)
{
	if (i < 1 || i > st->nparams)
		return NULL;
	char **v = &st->vals[i - 1];
	free(*v);
	*v = NULL;
	return v;
}

int db_bind_text(db_stmt *st, int i, const char *v, int n, db_destructor d)
{
	if (st->lite)
		return sqlite3_bind_text(st->lite, i, v, n, d);
	char **slot = pg_slot(st, i);
	if (!slot)
		return DB_ERROR;
	if (v)
		*slot = n < 0 ? xstrdup(v) : xstrndup(v, (size_t)n);
	return DB_OK;
}

int db_bind_int64(db_stmt *st, int i, int64_t v)
{
	if (st->lite)
		return sqlite3_bind_int64(st->lite, i, v);
	char **slot = pg_slot(st, i);
	if (!slot)
		return DB_ERROR;
	char b[24];
	snprintf(b, sizeof b, "%" PRId64, v);
	*slot = xstrdup(b);
	return DB_OK;
}

int db_bind_int(db_stmt *st, int i, int v)
{
	return db_bind_int64(st, i, v);
}

int db_bind_double(db_stmt *st, int i, double v)
{
	if (st->lite)
		return sqlite3_bind_double(st->lite, i, v);
	char **slot = pg_slot(st, i);
	if (!slot)
		return DB_ERROR;
	char b[40];
	snprintf(b, sizeof b, "%.17g", v);
	*slot = xstrdup(b);
	return DB_OK;
}

int db_bind_null(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_bind_null(st->lite, i);
	return pg_slot(st, i) ? DB_OK : DB_ERROR;
}

int db_clear_bindings(db_stmt *st)
{
	if (st->lite)
		return sqlite3_clear_bindings(st->lite);
	for (int i = 0; i < st->nparams; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
	}
	return DB_OK;
}

/* ------------------------------------------------------------ execution */

int db_step(db_stmt *st)
{
	if (st->lite)
		return sqlite3_step(st->lite);
	return pg_step(st);
}

int db_reset(db_stmt *st)
{
	if (st->lite)
		return sqlite3_reset(st->lite) == SQLITE_OK ? DB_OK : DB_ERROR;
	if (st->res)
		PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	st->nrows = 0;
	return DB_OK;
}

/* ------------------------------------------------------------- columns */

/* The text of column i of the current PostgreSQL row; NULL for NULL. */
static const char *pg_value(db_stmt *st, int i)
{
	if (!st->res || st->row < 0 || st->row >= st->nrows || i < 0 || i >= PQnfields(st->res))
		return NULL;
	if (PQgetisnull(st->res, st->row, i))
		return NULL;
	return PQgetvalue(st->res, st->row, i);
}

int64_t db_column_int64(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_column_int64(st->lite, i);
	const char *v = pg_value(st, i);
	if (!v)
		return 0;
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	if (v[0] == 'f' && v[1] == '\0')
		return 0;
	return strtoll(v, NULL, 10);
}

int db_column_int(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_column_int(st->lite, i);
	return (int)db_column_int64(st, i);
}

double db_column_double(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_column_double(st->lite, i);
	const char *v = pg_value(st, i);
	return v ? strtod(v, NULL) : 0.0;
}

const unsigned char *db_column_text(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_column_text(st->lite, i);
	return (const unsigned char *)pg_value(st, i);
}

int db_column_bytes(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_column_bytes(st->lite, i);
	return pg_value(st, i) ? PQgetlength(st->res, st->row, i) : 0;
}

int db_column_type(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_column_type(st->lite, i);
	if (!pg_value(st, i))
		return DB_NULL;
	switch (PQftype(st->res, i)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		return DB_INTEGER;
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC:
		return DB_FLOAT;
	default:
		return DB_TEXT;
	}
}

int db_column_count(db_stmt *st)
{
	if (st->lite)
		return sqlite3_column_count(st->lite);
	return st->res ? PQnfields(st->res) : 0;
}

const char *db_column_name(db_stmt *st, int i)
{
	if (st->lite)
		return sqlite3_column_name(st->lite, i);
	return st->res ? PQfname(st->res, i) : NULL;
}

/* ----------------------------------------------------------- connection */

int db_exec(struct store *s, const char *sql)
{
	if (s->engine == DB_PG)
		return pg_exec(s, sql);
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? DB_OK : DB_ERROR;
}

const char *db_errmsg(struct store *s)
{
	if (s->engine == DB_PG)
		return s->errmsg[0] ? s->errmsg : "onbekende databasefout";
	return s->db ? sqlite3_errmsg(s->db) : "geen verbinding";
}

int64_t db_last_insert_id(struct store *s)
{
	if (s->engine == DB_PG)
		return pg_last_insert_id(s);
	return sqlite3_last_insert_rowid(s->db);
}

int db_in_transaction(struct store *s)
{
	if (s->engine == DB_PG)
		return pg_in_transaction(s);
	return !sqlite3_get_autocommit(s->db);
}

/* ------------------------------------------------------------ bulk load */

int db_copy_begin(struct store *s, const char *sql)
{
	if (s->engine != DB_PG) {
		snprintf(s->errmsg, sizeof s->errmsg, "COPY alleen op PostgreSQL");
		return DB_ERROR;
	}
	return pg_copy_begin(s, sql);
}

int db_copy_put(struct store *s, const char *data, size_t n)
{
	return s->engine == DB_PG ? pg_copy_put(s, data, n) : DB_ERROR;
}

int db_copy_end(struct store *s, const char *abort_reason)
{
	return s->engine == DB_PG ? pg_copy_end(s, abort_reason) : DB_ERROR;
}

void db_copy_field(struct buf *b, const char *v)
{
	if (!v) {
		buf_add(b, "\\N", 2);
		return;
	}
	const char *run = v; /* the bytes since the last escape, sent at once */
	for (const char *p = v;; p++) {
		const char *esc;
		switch (*p) {
		case '\\':
			esc = "\\\\";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\0':
			buf_add(b, run, (size_t)(p - run));
			return;
		default:
			continue;
		}
		buf_add(b, run, (size_t)(p - run));
		buf_add(b, esc, 2);
		run = p + 1;
	}
}
