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

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

/* Take the writer turn; the transaction it opens commits with synchronous
 * = NORMAL and group commit (below) instead. SQLite accepts the setting only
 * outside a transaction; a failure leaves FULL, which is as durable. */
static void writer_enter(struct store *s)
{
	if (db_engine(s) == DB_SQLITE && !s->writer) {
		pthread_mutex_lock(&sqlite_writer);
		s->writer = 1;
		db_exec(s, "PRAGMA synchronous = NORMAL");
	}
}

/* After COMMIT or ROLLBACK: back to FULL for the connection's other
 * statements, and the next writer's turn. */
static void writer_leave(struct store *s)
{
	if (s->writer) {
		db_exec(s, "PRAGMA synchronous = FULL");
		s->writer = 0;
		pthread_mutex_unlock(&sqlite_writer);
	}
}

/*
 * Group commit (SQLite). synchronous = FULL makes every COMMIT fsync the
 * WAL while it holds the writer turn, so writers queue behind each other's
 * fsync (one per commit: 0.1 ms on one host, 4 ms on another). A write
 * transaction therefore commits with synchronous = NORMAL (the WAL is
 * written, not synced; checkpoints still sync), hands the writer turn to
 * the next writer, and only then waits until the WAL is synced up to its
 * commit: the first waiter fsyncs the WAL once for every commit written so
 * far, the others wait for that fsync or the next. store_tx_commit returns
 * only after the fsync, so a write is acknowledged exactly as durably as
 * with FULL, but N concurrent writers share one fsync instead of N in a
 * row. Other statements of the connection keep synchronous = FULL.
 */
struct wal_sync {
	char path[PATH_MAX]; /* the WAL file: database path + "-wal" */
	uint64_t written;    /* commits written to the WAL */
	uint64_t synced;     /* commits known to be on disk */
	int syncing;	     /* a thread is in fdatasync for this WAL */
	int dir_synced;	     /* the directory entry of the WAL was synced once */
	pthread_cond_t done;
};

#define WAL_SYNC_MAX 8
static pthread_mutex_t wal_sync_mu = PTHREAD_MUTEX_INITIALIZER;
static struct wal_sync wal_syncs[WAL_SYNC_MAX];
static int n_wal_syncs;
static unsigned long wal_fsyncs;
static int (*wal_sync_hook)(const char *wal_path);

void store_set_wal_sync_hook(int (*fn)(const char *wal_path))
{
	pthread_mutex_lock(&wal_sync_mu);
	wal_sync_hook = fn;
	pthread_mutex_unlock(&wal_sync_mu);
}

/* The group-commit state of s's WAL (wal_sync_mu held); NULL when s has no
 * WAL file (":memory:", a temporary database) or the table is full. */
static struct wal_sync *wal_sync_of(struct store *s)
{
	const char *db = sqlite3_db_filename(s->db, "main");
	if (!db || !*db)
		return NULL;
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s-wal", db) >= (int)sizeof path)
		return NULL;
	for (int i = 0; i < n_wal_syncs; i++)
		if (strcmp(wal_syncs[i].path, path) == 0)
			return &wal_syncs[i];
	if (n_wal_syncs == WAL_SYNC_MAX)
		return NULL;
	struct wal_sync *w = &wal_syncs[n_wal_syncs++];
	memcpy(w->path, path, sizeof path);
	pthread_cond_init(&w->done, NULL);
	return w;
}

/* fdatasync the file at path (and once its directory); 0 or -1. */
static int sync_file(const char *path, int *dir_synced)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fdatasync(fd);
	close(fd);
	if (rc == 0 && !*dir_synced) {
		char dir[PATH_MAX];
		snprintf(dir, sizeof dir, "%s", path);
		char *slash = strrchr(dir, '/');
		if (slash)
			*(slash == dir ? slash + 1 : slash) = '\0';
		int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			if (fsync(dfd) == 0)
				*dir_synced = 1;
			close(dfd);
		}
	}
	return rc;
}

/*
 * COMMIT (the WAL written, not synced), then, after the caller passed the
 * writer turn on, wait_durable. Returns the commit's ticket, 0 when s has
 * no WAL file to sync, or -1 on a failed COMMIT.
 */
static int64_t commit_grouped(struct store *s, const char *what, char *err, size_t errlen,
			      struct wal_sync **wsp)
{
	pthread_mutex_lock(&wal_sync_mu);
	struct wal_sync *ws = wal_sync_of(s);
	pthread_mutex_unlock(&wal_sync_mu);
	*wsp = ws;
	if (store_exec(s, "COMMIT", what, err, errlen))
		return -1;
	if (!ws)
		return 0;
	pthread_mutex_lock(&wal_sync_mu);
	int64_t ticket = (int64_t)++ws->written;
	pthread_mutex_unlock(&wal_sync_mu);
	return ticket;
}

/* Wait until the WAL of ws is synced up to ticket, syncing it ourselves
 * when no one else is. */
static int wait_durable(struct wal_sync *ws, uint64_t ticket, const char *what, char *err,
			size_t errlen)
{
	int rc = STORE_OK;
	pthread_mutex_lock(&wal_sync_mu);
	while (ws->synced < ticket) {
		if (ws->syncing) {
			pthread_cond_wait(&ws->done, &wal_sync_mu);
			continue;
		}
		ws->syncing = 1;
		uint64_t upto = ws->written; /* every commit written before the fsync */
		int dir_synced = ws->dir_synced;
		int (*hook)(const char *) = wal_sync_hook;
		pthread_mutex_unlock(&wal_sync_mu);
		errno = 0;
		int frc = hook ? hook(ws->path) : sync_file(ws->path, &dir_synced);
		int ferr = errno ? errno : EIO;
		pthread_mutex_lock(&wal_sync_mu);
		ws->syncing = 0;
		ws->dir_synced = dir_synced;
		wal_fsyncs++;
		if (frc == 0 && upto > ws->synced)
			ws->synced = upto;
		pthread_cond_broadcast(&ws->done);
		if (frc != 0) {
			store_set_err(err, errlen, "databasefout bij %s", what);
			fprintf(stderr, "store: fdatasync %s: %s\n", ws->path, strerror(ferr));
			rc = STORE_ERR;
			break;
		}
	}
	pthread_mutex_unlock(&wal_sync_mu);
	return rc;
}

unsigned long store_wal_fsyncs(void)
{
	pthread_mutex_lock(&wal_sync_mu);
	unsigned long n = wal_fsyncs;
	pthread_mutex_unlock(&wal_sync_mu);
	return n;
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
	if (s->batch) {
		if (store_exec(s, "RELEASE " SAVEPOINT_NAME, what, err, errlen))
			return STORE_ERR; /* still open: the caller rolls back */
		s->tx = 0;
		return STORE_OK;
	}
	struct wal_sync *ws = NULL;
	int64_t ticket = 0;
	if (s->writer) {
		ticket = commit_grouped(s, what, err, errlen, &ws);
		if (ticket < 0)
			return STORE_ERR; /* still open: the caller rolls back */
	} else if (store_exec(s, "COMMIT", what, err, errlen)) {
		return STORE_ERR;
	}
	s->tx = 0;
	writer_leave(s);
	if (ticket > 0 && wait_durable(ws, (uint64_t)ticket, what, err, errlen)) {
		s->tx_version = 0;
		return STORE_ERR; /* committed, but not known to be on disk */
	}
	if (s->tx_version)
		s->wrote_version = s->tx_version;
	s->tx_version = 0;
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
	if (do_commit) {
		struct wal_sync *ws = NULL;
		int64_t ticket =
		    s->writer ? commit_grouped(s, "import vastleggen", NULL, 0, &ws)
			      : (store_exec(s, "COMMIT", "import vastleggen", NULL, 0) ? -1 : 0);
		if (ticket >= 0) {
			writer_leave(s);
			if (ticket > 0 &&
			    wait_durable(ws, (uint64_t)ticket, "import vastleggen", NULL, 0))
				return STORE_ERR;
			return STORE_OK;
		}
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
