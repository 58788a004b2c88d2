/*
 * store_tx — the one transaction helper of the store, on both engines.
 *
 * Every store file opens, commits and rolls back its transactions here, so
 * all writes behave the same inside an import batch: outside a batch a write
 * is one BEGIN IMMEDIATE … COMMIT (PostgreSQL: READ COMMITTED under the
 * write lock, see store_pg.c) and a multi-statement read one BEGIN … COMMIT
 * (PostgreSQL: REPEATABLE READ); inside store_batch_begin … store_batch_end
 * both become a SAVEPOINT of the batch's transaction, so a failed write
 * undoes only itself and the batch goes on.
 *
 * It also holds the few statement helpers every store file used to copy:
 * step-to-done, the audit actor/channel of a write context.
 * It does not run SQL of its own beyond the transaction verbs.
 */
#include "store_internal.h"

#include "../lib/text.h"
#include "db.h"
#include "store_write.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#define SAVEPOINT_NAME "atlas_write"

/*
 * SQLite has one writer per database. The writers of this process take
 * turns on this mutex before BEGIN IMMEDIATE, so they queue in order and
 * start as soon as the previous one committed, instead of waiting in
 * SQLite's busy handler, which sleeps in steps of up to 100 ms. Other
 * processes (the CLI) still meet the busy timeout. PostgreSQL queues its
 * writers itself (store_pg.c).
 */
static pthread_mutex_t sqlite_writer = PTHREAD_MUTEX_INITIALIZER;

static void writer_enter(struct store *s)
{
	if (db_engine(s) == DB_SQLITE && !s->writer) {
		pthread_mutex_lock(&sqlite_writer);
		s->writer = 1;
	}
}

static void writer_leave(struct store *s)
{
	if (s->writer) {
		s->writer = 0;
		pthread_mutex_unlock(&sqlite_writer);
	}
}

/* Open a transaction with verb, or the batch's savepoint. */
static int open_tx(struct store *s, const char *verb, const char *what, char *err, size_t errlen)
{
	if (s->tx) {
		store_set_err(err, errlen, "databasefout bij %s", what);
		return STORE_ERR; /* no nesting: a caller bug */
	}
	bool write = !s->batch && strcmp(verb, "BEGIN IMMEDIATE") == 0;
	if (write)
		writer_enter(s);
	if (store_exec(s, s->batch ? "SAVEPOINT " SAVEPOINT_NAME : verb, what, err, errlen)) {
		if (write)
			writer_leave(s);
		return STORE_ERR;
	}
	s->tx = 1;
	return STORE_OK;
}

int store_tx_begin(struct store *s, const char *what, char *err, size_t errlen)
{
	return open_tx(s, "BEGIN IMMEDIATE", what, err, errlen);
}

int store_tx_begin_read(struct store *s, const char *what, char *err, size_t errlen)
{
	return open_tx(s, "BEGIN", what, err, errlen);
}

int store_tx_commit(struct store *s, const char *what, char *err, size_t errlen)
{
	if (!s->tx) {
		store_set_err(err, errlen, "databasefout bij %s", what);
		return STORE_ERR;
	}
	if (store_exec(s, s->batch ? "RELEASE " SAVEPOINT_NAME : "COMMIT", what, err, errlen))
		return STORE_ERR; /* still open: the caller rolls back */
	s->tx = 0;
	if (!s->batch) {
		writer_leave(s);
		if (s->tx_version)
			s->wrote_version = s->tx_version;
		s->tx_version = 0;
	}
	return STORE_OK;
}

void store_tx_rollback(struct store *s)
{
	if (s->tx) {
		s->tx = 0;
		if (s->batch) { /* only the current write of the batch */
			if (db_exec(s, "ROLLBACK TO " SAVEPOINT_NAME) == DB_OK)
				db_exec(s, "RELEASE " SAVEPOINT_NAME);
			return;
		}
	} else if (s->batch) {
		return; /* nothing of ours is open; the batch stays */
	}
	if (db_in_transaction(s))
		db_exec(s, "ROLLBACK");
	writer_leave(s);
	s->tx_version = 0;
}

/* ---------------------------------------------------------------- batches */

int store_batch_begin(struct store *s)
{
	if (s->batch || s->tx)
		return STORE_ERR;
	writer_enter(s);
	if (store_exec(s, "BEGIN IMMEDIATE", "import starten", NULL, 0)) {
		writer_leave(s);
		return STORE_ERR;
	}
	s->batch = 1;
	return STORE_OK;
}

int store_batch_end(struct store *s, bool do_commit)
{
	if (!s->batch)
		return STORE_ERR;
	s->batch = 0;
	s->tx = 0;
	s->import_batch = 0;
	s->tx_version = 0;
	s->wrote_version = 0; /* some savepoints may have been undone: unknown */
	if (do_commit && store_exec(s, "COMMIT", "import vastleggen", NULL, 0) == STORE_OK) {
		writer_leave(s);
		return STORE_OK;
	}
	store_tx_rollback(s);
	return do_commit ? STORE_ERR : STORE_OK;
}

/* ------------------------------------------------------ statement helpers */

int store_step_done(struct store *s, db_stmt *st, const char *what, char *err, size_t errlen)
{
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return store_db_fail(s, what, err, errlen);
	return STORE_OK;
}

const char *store_ctx_actor(const struct write_ctx *w)
{
	return w && !str_empty(w->actor) ? w->actor : "onbekend";
}

const char *store_ctx_via(const struct write_ctx *w)
{
	return w && w->via ? w->via : "";
}

/* ------------------------------------------------------- one audited write */

int store_write_begin(struct store *s)
{
	return store_tx_begin(s, "wijziging starten", NULL, 0);
}

int store_write_record(struct store *s, const struct write_ctx *w, const char *action,
		       const char *entity, const char *key, const char *before, const char *after)
{
	if (store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w), action,
			      entity, key, before, after) ||
	    store_bump_data_version(s, NULL, 0))
		return STORE_ERR;
	return STORE_OK;
}

int store_write_finish(struct store *s, const struct write_ctx *w, const char *action,
		       const char *entity, const char *key, const char *before, const char *after)
{
	if (store_write_record(s, w, action, entity, key, before, after) ||
	    store_tx_commit(s, "wijziging vastleggen", NULL, 0))
		return STORE_ERR;
	return STORE_OK;
}
