/*
 * store_pg — the PostgreSQL side of the store, through libpq.
 *
 * The store operations (store.c, store_write.c, …) are written once against
 * the statement driver of db.h; this file is what that driver does on
 * PostgreSQL:
 *
 * - Connections. One connection per store handle, as on SQLite: the server
 *   keeps one handle per worker thread (store_thread), so the pool is
 *   exactly as large as the thread pool and a request never waits for a
 *   connection. A lost connection (server restart, network) is noticed on
 *   the failing call, marked broken, and re-established by the next call
 *   that needs it (PQreset); until then store calls fail and the HTTP layer
 *   answers 503 (store_unavailable).
 * - Statements. Only parameterised statements: `?` and `?N` placeholders
 *   become `$N`, the statement is prepared once per connection (PQprepare,
 *   named after its cache slot, re-prepared after a reconnect) and run with
 *   PQexecPrepared; every value travels as a bound text parameter.
 * - Transactions. "BEGIN IMMEDIATE" (every write) becomes READ COMMITTED +
 *   a transaction-scoped advisory lock, so writes from every instance are
 *   serialised as SQLite serialises them, and a write that depends on what
 *   it read (optimistic versions, uniqueness checks) cannot interleave with
 *   another; "BEGIN" (multi-statement reads: the snapshot, history) becomes
 *   REPEATABLE READ, one consistent view like SQLite's read transaction.
 * - Bulk load. db_copy_* (COPY … FROM STDIN, text format) for the few
 *   writes of hundreds of thousands of rows (the indicator import): the
 *   rows stream in a few large messages, the server parses them without
 *   a statement or parameters per row, and any refused row fails the whole
 *   COPY, so the transaction stays all or nothing.
 * - Change notification. A write bumps meta.data_version and sends NOTIFY
 *   atlas_data inside its transaction; store_listen_* lets the server wait
 *   on LISTEN atlas_data to refresh its snapshot at once.
 *
 * Never printed: the connection URL (it may hold a password). Messages name
 * host, port and database only.
 */
#include "../lib/log.h"
#include "../lib/xalloc.h"
#include "store.h"
#include "store_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The advisory lock every write takes (any constant; "atlas" in ASCII). */
#define WRITE_LOCK_KEY "418464756403"
#define CONNECT_TIMEOUT_S "5"

static void notice_quiet(void *arg, const char *message)
{
	(void)arg;
	log_debug("postgresql: %s", message);
}

/* Where a connection points, for messages: "host:port/db" (no password). */
static void describe(PGconn *c, char *out, size_t n)
{
	const char *host = c ? PQhost(c) : NULL;
	const char *port = c ? PQport(c) : NULL;
	const char *db = c ? PQdb(c) : NULL;
	snprintf(out, n, "%s:%s/%s", host && *host ? host : "?", port && *port ? port : "?",
		 db && *db ? db : "?");
}

/* The first line of libpq's message, without the trailing newline. */
static void first_line(const char *msg, char *out, size_t n)
{
	snprintf(out, n, "%s", msg ? msg : "");
	out[strcspn(out, "\n")] = '\0';
}

static int session_setup(PGconn *c)
{
	PGresult *r = PQexec(c, "SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'; "
				"SET standard_conforming_strings = on");
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	return ok ? 0 : -1;
}

static PGconn *connect_url(const char *url)
{
	const char *const keys[] = {"connect_timeout", "application_name", "dbname", NULL};
	const char *const vals[] = {CONNECT_TIMEOUT_S, "atlas", url, NULL};
	return PQconnectdbParams(keys, vals, 1);
}

int pg_connect(struct store *s, const char *url, char *err, size_t errlen)
{
	s->engine = DB_PG;
	s->url = xstrdup(url);
	s->pg = connect_url(url);
	if (!s->pg) {
		store_set_err(err, errlen, "PostgreSQL: geen geheugen voor een verbinding");
		return STORE_ERR;
	}
	if (PQstatus(s->pg) != CONNECTION_OK) {
		char where[200], why[300];
		describe(s->pg, where, sizeof where);
		first_line(PQerrorMessage(s->pg), why, sizeof why);
		store_set_err(err, errlen, "PostgreSQL-database %s is niet bereikbaar: %s", where,
			      why);
		return STORE_ERR;
	}
	PQsetNoticeProcessor(s->pg, notice_quiet, NULL);
	if (session_setup(s->pg)) {
		store_set_err(err, errlen, "PostgreSQL: sessie instellen mislukt: %s",
			      PQerrorMessage(s->pg));
		return STORE_ERR;
	}
	s->gen = 1;
	return STORE_OK;
}

void pg_disconnect(struct store *s)
{
	if (s->pg)
		PQfinish(s->pg);
	s->pg = NULL;
	free(s->url);
	s->url = NULL;
}

/* After a failed call: remember the message; notice a lost connection. */
static void failed(struct store *s, const PGresult *r)
{
	const char *msg = r ? PQresultErrorMessage(r) : NULL;
	if (!msg || !*msg)
		msg = PQerrorMessage(s->pg);
	first_line(msg, s->errmsg, sizeof s->errmsg);
	if (PQstatus(s->pg) != CONNECTION_OK) {
		if (!s->broken)
			log_error("store: PostgreSQL-verbinding verloren: %s", s->errmsg);
		s->broken = 1;
	}
}

int pg_ensure(struct store *s)
{
	if (!s->pg)
		return STORE_ERR;
	if (!s->broken && PQstatus(s->pg) == CONNECTION_OK)
		return STORE_OK;
	PQreset(s->pg);
	if (PQstatus(s->pg) != CONNECTION_OK || session_setup(s->pg)) {
		char where[200];
		describe(s->pg, where, sizeof where);
		snprintf(s->errmsg, sizeof s->errmsg, "PostgreSQL-database %s is niet bereikbaar",
			 where);
		s->broken = 1;
		return STORE_ERR;
	}
	PQsetNoticeProcessor(s->pg, notice_quiet, NULL);
	log_info("store: PostgreSQL-verbinding hersteld");
	s->broken = 0;
	s->gen++; /* every prepared statement is gone with the old session */
	return STORE_OK;
}

/*
 * SQLite placeholders to PostgreSQL ones: `?N` → `$N`; a bare `?` takes the
 * number after the largest used so far (SQLite's rule). Quoted literals and
 * identifiers are copied as they are. Returns the highest number.
 */
static int translate(const char *sql, char **out)
{
	size_t n = strlen(sql);
	char *o = xmalloc(n * 4 + 1); /* "?" → "$NNN" at most quadruples */
	size_t k = 0;
	int max = 0;
	char quote = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			o[k++] = *p;
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			o[k++] = *p;
			continue;
		}
		if (*p != '?') {
			o[k++] = *p;
			continue;
		}
		int num;
		if (p[1] >= '0' && p[1] <= '9') {
			char *end;
			num = (int)strtol(p + 1, &end, 10);
			p = end - 1;
		} else {
			num = max + 1;
		}
		if (num > max)
			max = num;
		k += (size_t)sprintf(o + k, "$%d", num);
	}
	o[k] = '\0';
	*out = o;
	return max;
}

int pg_prepare(struct store *s, const char *sql, db_stmt *st)
{
	(void)s;
	st->nparams = translate(sql, &st->sql);
	st->vals = st->nparams ? xcalloc((size_t)st->nparams, sizeof *st->vals) : NULL;
	st->gen = 0;
	return DB_OK;
}

/* Free the result and the bound values (the prepared statement dies with
 * its session). */
void pg_stmt_clear(db_stmt *st)
{
	if (st->res)
		PQclear(st->res);
	st->res = NULL;
	for (int i = 0; i < st->nparams; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
	}
}

/* Statements from the cache carry an id and are prepared once per
 * connection; the others (id 0) go through PQexecParams. */
int pg_step(db_stmt *st)
{
	struct store *s = st->s;
	if (st->res) {
		st->row++;
		return st->row < st->nrows ? DB_ROW : DB_DONE;
	}
	if (pg_ensure(s))
		return DB_ERROR;
	PGresult *r;
	const char *const *vals = (const char *const *)st->vals;
	if (st->id) {
		char name[24];
		snprintf(name, sizeof name, "atlas_%u", st->id);
		if (st->gen != s->gen) {
			r = PQprepare(s->pg, name, st->sql, 0, NULL);
			if (PQresultStatus(r) != PGRES_COMMAND_OK) {
				failed(s, r);
				log_error("store: prepare: %s: %s", s->errmsg, st->sql);
				PQclear(r);
				return DB_ERROR;
			}
			PQclear(r);
			st->gen = s->gen;
		}
		r = PQexecPrepared(s->pg, name, st->nparams, vals, NULL, NULL, 0);
	} else {
		r = PQexecParams(s->pg, st->sql, st->nparams, NULL, vals, NULL, NULL, 0);
	}
	switch (PQresultStatus(r)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		st->res = r;
		st->nrows = PQntuples(r);
		st->row = 0;
		return st->nrows > 0 ? DB_ROW : DB_DONE;
	default:
		failed(s, r);
		PQclear(r);
		return DB_ERROR;
	}
}

/* The transaction verbs of the store mapped to PostgreSQL (see the file
 * comment); anything else runs as given. */
static const char *map_verb(const char *sql)
{
	if (strcmp(sql, "BEGIN IMMEDIATE") == 0)
		return "BEGIN ISOLATION LEVEL READ COMMITTED; "
		       "SELECT pg_advisory_xact_lock(" WRITE_LOCK_KEY ")";
	if (strcmp(sql, "BEGIN") == 0)
		return "BEGIN ISOLATION LEVEL REPEATABLE READ";
	return sql;
}

int pg_exec(struct store *s, const char *sql)
{
	int is_rollback = strncmp(sql, "ROLLBACK", 8) == 0;
	if (s->broken && is_rollback)
		return DB_OK; /* the session and its transaction are gone */
	if (pg_ensure(s))
		return DB_ERROR;
	PGresult *r = PQexec(s->pg, map_verb(sql));
	ExecStatusType t = PQresultStatus(r);
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		failed(s, r);
		PQclear(r);
		/* A connection that sat idle through a restart of PostgreSQL
		 * only finds out at its next call. When that call opens a
		 * transaction, nothing has run yet: reconnect and open it once
		 * more, instead of failing the write or read. */
		if (s->broken && strncmp(sql, "BEGIN", 5) == 0 && pg_ensure(s) == STORE_OK) {
			r = PQexec(s->pg, map_verb(sql));
			t = PQresultStatus(r);
			if (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK) {
				PQclear(r);
				return DB_OK;
			}
			failed(s, r);
			PQclear(r);
		}
		return DB_ERROR;
	}
	PQclear(r);
	return DB_OK;
}

int64_t pg_last_insert_id(struct store *s)
{
	PGresult *r = PQexec(s->pg, "SELECT lastval()");
	int64_t id = 0;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	else
		failed(s, r);
	PQclear(r);
	return id;
}

int pg_in_transaction(struct store *s)
{
	if (!s->pg || PQstatus(s->pg) != CONNECTION_OK)
		return 0;
	PGTransactionStatusType t = PQtransactionStatus(s->pg);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

/* ------------------------------------------------------------ bulk load */

int pg_copy_begin(struct store *s, const char *sql)
{
	if (pg_ensure(s))
		return DB_ERROR;
	PGresult *r = PQexec(s->pg, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		failed(s, r);
		PQclear(r);
		return DB_ERROR;
	}
	PQclear(r);
	return DB_OK;
}

int pg_copy_put(struct store *s, const char *data, size_t n)
{
	/* PQputCopyData takes an int: hand over large buffers in parts */
	while (n) {
		int part = n > (1u << 30) ? 1 << 30 : (int)n;
		if (PQputCopyData(s->pg, data, part) != 1) {
			failed(s, NULL);
			return DB_ERROR;
		}
		data += part;
		n -= (size_t)part;
	}
	return DB_OK;
}

int pg_copy_end(struct store *s, const char *abort_reason)
{
	int rc = DB_OK;
	if (PQputCopyEnd(s->pg, abort_reason) != 1) {
		failed(s, NULL);
		rc = DB_ERROR;
	}
	/* the COPY's own result, then NULL: read until the connection is
	 * free again, keeping the first error */
	PGresult *r;
	while ((r = PQgetResult(s->pg))) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == DB_OK) {
			failed(s, r);
			rc = DB_ERROR;
		}
		PQclear(r);
	}
	return abort_reason ? DB_ERROR : rc;
}

/* ------------------------------------------------------ LISTEN / NOTIFY */

struct store_listener {
	char *url;
	PGconn *c;
};

static int listen_connect(struct store_listener *l, char *err, size_t errlen)
{
	if (l->c)
		PQfinish(l->c);
	l->c = connect_url(l->url);
	if (!l->c || PQstatus(l->c) != CONNECTION_OK) {
		char where[200], why[300];
		describe(l->c, where, sizeof where);
		first_line(l->c ? PQerrorMessage(l->c) : "geen geheugen", why, sizeof why);
		store_set_err(err, errlen, "PostgreSQL-database %s is niet bereikbaar: %s", where,
			      why);
		return STORE_ERR;
	}
	PQsetNoticeProcessor(l->c, notice_quiet, NULL);
	PGresult *r = PQexec(l->c, "LISTEN " STORE_NOTIFY_CHANNEL);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	if (!ok) {
		store_set_err(err, errlen, "PostgreSQL: LISTEN mislukt");
		return STORE_ERR;
	}
	return STORE_OK;
}

int store_listen_open(const char *url, struct store_listener **out, char *err, size_t errlen)
{
	struct store_listener *l = xcalloc(1, sizeof *l);
	l->url = xstrdup(url);
	if (listen_connect(l, err, errlen)) {
		store_listen_close(l);
		*out = NULL;
		return STORE_ERR;
	}
	*out = l;
	return STORE_OK;
}

int store_listen_wait(struct store_listener *l, int timeout_ms)
{
	if (!l->c || PQstatus(l->c) != CONNECTION_OK) {
		char err[256];
		if (listen_connect(l, err, sizeof err)) {
			struct pollfd none = {.fd = -1};
			poll(&none, 0, timeout_ms);
			return STORE_LISTEN_LOST;
		}
		log_info("store: LISTEN %s hersteld", STORE_NOTIFY_CHANNEL);
		return STORE_LISTEN_RESUMED;
	}
	struct pollfd p = {.fd = PQsocket(l->c), .events = POLLIN};
	int n = poll(&p, 1, timeout_ms);
	if (n < 0)
		return errno == EINTR ? STORE_LISTEN_TIMEOUT : STORE_LISTEN_LOST;
	if (n == 0)
		return STORE_LISTEN_TIMEOUT;
	if (!PQconsumeInput(l->c) || PQstatus(l->c) != CONNECTION_OK) {
		log_error("store: LISTEN-verbinding verloren");
		PQfinish(l->c);
		l->c = NULL;
		return STORE_LISTEN_LOST;
	}
	int got = 0;
	PGnotify *nt;
	while ((nt = PQnotifies(l->c))) {
		got = 1;
		PQfreemem(nt);
	}
	return got ? STORE_LISTEN_NOTIFIED : STORE_LISTEN_TIMEOUT;
}

void store_listen_close(struct store_listener *l)
{
	if (!l)
		return;
	if (l->c)
		PQfinish(l->c);
	free(l->url);
	free(l);
}
