/*
 * store — one store over the statement driver db.h, which runs it on two
 * engines: SQLite (db.c) and PostgreSQL (store_pg.c, libpq). This file opens
 * and closes the connection, applies the migrations, reports health and the
 * data version, holds the per-thread connection of the server, and provides
 * what every store file shares (store_internal.h): the prepared-statement
 * cache keyed by SQL text, error helpers, the data_version bump and the
 * audit-event writer.
 *
 * The rest of the store, one concern per file: store_tx.c (transactions),
 * store_snapshot.c (the read model), store_seed.c (seed import),
 * store_search.c, store_check.c, store_write.c (collaborations and
 * participations), the people files, store_auth.c, store_roo.c,
 * store_calendar.c, store_copy.c.
 *
 * Not here: SQL outside src/store/, HTML, HTTP.
 */
#include "store.h"
#include "../domain/labels.h"
#include "../domain/snapshot.h"
#include "../domain/validate.h"
#include "../io/seed.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "migrations.h"
#include "store_backup.h"
#include "store_internal.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BUSY_TIMEOUT_MS 5000

/* struct store and the statement cache: store_internal.h */

/* ---------------------------------------------------------------- helpers */

void store_set_err(char *err, size_t errlen, const char *fmt, ...)
{
	if (!err || errlen == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Record a database failure: log it, write a Dutch message, return STORE_ERR. */
static int db_fail(struct store *s, const char *what, char *err, size_t errlen)
{
	const char *msg = s ? db_errmsg(s) : "geen verbinding";
	log_error("store: %s: %s", what, msg);
	store_set_err(err, errlen, "databasefout bij %s: %s", what, msg);
	return STORE_ERR;
}

/*
 * The cached statement for sql, prepared on first use. Returned reset and
 * with cleared bindings; callers db_reset it when done so no read
 * transaction stays open. NULL on failure (logged).
 */
static db_stmt *stmt(struct store *s, const char *sql)
{
	for (int i = 0; i < s->ncache; i++) {
		if (strcmp(s->cache[i].sql, sql) == 0) {
			db_stmt *st = s->cache[i].st;
			db_reset(st);
			db_clear_bindings(st);
			return st;
		}
	}
	if (s->ncache == STMT_CACHE_MAX) {
		log_error("store: statement cache full");
		return NULL;
	}
	db_stmt *st = NULL;
	if (db_prepare(s, sql, &st) != DB_OK) {
		log_error("store: prepare failed: %s: %s", db_errmsg(s), sql);
		return NULL;
	}
	if (s->engine == DB_PG)
		st->id = ++s->next_id; /* a named statement, prepared once */
	s->cache[s->ncache].sql = xstrdup(sql);
	s->cache[s->ncache].st = st;
	s->ncache++;
	return st;
}

/* Run SQL without results (one or more statements). */
static int exec(struct store *s, const char *sql, const char *what, char *err, size_t errlen)
{
	if (db_exec(s, sql) != DB_OK)
		return db_fail(s, what, err, errlen);
	return STORE_OK;
}

static const char *col_text(db_stmt *st, int i)
{
	const unsigned char *t = db_column_text(st, i);
	return t ? (const char *)t : "";
}

/* Create every missing directory in the parent path of path. */
static int make_parent_dirs(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = STORE_OK;
	if (!slash || slash == dir)
		goto out;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			goto fail;
		*p = '/';
	}
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		goto fail;
	goto out;
fail:
	store_set_err(err, errlen, "map %s kan niet worden gemaakt: %s", dir, strerror(errno));
	rc = STORE_ERR;
out:
	free(dir);
	return rc;
}

/* ------------------------------------------------------- open and migrate */

int store_open(const char *path, struct store **out, char *err, size_t errlen)
{
	*out = NULL;
	if (str_empty(path)) {
		store_set_err(err, errlen, "geen databasepad opgegeven");
		return STORE_ERR;
	}
	if (db_is_pg_url(path)) {
		struct store *s = xcalloc(1, sizeof *s);
		if (pg_connect(s, path, err, errlen) != STORE_OK) {
			store_close(s);
			return STORE_ERR;
		}
		*out = s;
		return STORE_OK;
	}
	if (strcmp(path, ":memory:") != 0 && make_parent_dirs(path, err, errlen))
		return STORE_ERR;
	struct store *s = xcalloc(1, sizeof *s);
	s->engine = DB_SQLITE;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != DB_OK) {
		store_set_err(err, errlen, "database %s kan niet worden geopend: %s", path,
			      s->db ? db_errmsg(s) : "geen geheugen");
		store_close(s);
		return STORE_ERR;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (exec(s,
		 "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
		 "PRAGMA synchronous = FULL;",
		 "openen", err, errlen)) {
		store_close(s);
		return STORE_ERR;
	}
	*out = s;
	return STORE_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->ncache; i++) {
		db_finalize(s->cache[i].st);
		free(s->cache[i].sql);
	}
	if (s->engine == DB_PG)
		pg_disconnect(s);
	else
		sqlite3_close_v2(s->db);
	free(s);
}

int store_path_is_pg(const char *path)
{
	return db_is_pg_url(path);
}

void store_path_display(const char *path, char *out, size_t n)
{
	if (!n)
		return;
	out[0] = '\0';
	if (!path)
		return;
	if (!db_is_pg_url(path)) {
		snprintf(out, n, "%s", path);
		return;
	}
	struct buf b = BUF_INIT;
	const char *p = strstr(path, "://") + 3;
	buf_add(&b, path, (size_t)(p - path));
	/* userinfo: up to the last '@' before the first '/', '?' or '#' */
	size_t auth_len = strcspn(p, "/?#");
	const char *at = NULL;
	for (const char *q = p; q < p + auth_len; q++)
		if (*q == '@')
			at = q;
	if (at) {
		const char *colon = memchr(p, ':', (size_t)(at - p));
		if (colon) {
			buf_add(&b, p, (size_t)(colon - p));
			buf_puts(&b, ":***");
		} else {
			buf_add(&b, p, (size_t)(at - p));
		}
		p = at;
	}
	/* the rest; the value of a password= parameter hidden */
	while (*p) {
		if ((p[-1] == '?' || p[-1] == '&') && strncmp(p, "password=", 9) == 0) {
			buf_puts(&b, "password=***");
			p += 9;
			p += strcspn(p, "&#");
			continue;
		}
		buf_putc(&b, *p++);
	}
	snprintf(out, n, "%s", b.err ? "postgresql://…" : b.data);
	buf_free(&b);
}

int store_unreachable(struct store *s)
{
	if (!s)
		return 1;
	if (s->engine != DB_PG)
		return 0;
	return pg_ensure(s) != STORE_OK;
}

/* One int from a one-row query; *out = 0 when there is no row. */
static int query_int(struct store *s, const char *sql, int *out)
{
	db_stmt *st = stmt(s, sql);
	if (!st)
		return STORE_ERR;
	int rc = db_step(st);
	*out = rc == DB_ROW ? db_column_int(st, 0) : 0;
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? STORE_OK : STORE_ERR;
}

/* The schema version: SQLite's user_version; on PostgreSQL the one row of
 * schema_version (absent before the first migration: version 0). */
static int user_version(struct store *s, int *out)
{
	if (s->engine != DB_PG)
		return query_int(s, "PRAGMA user_version", out);
	int exists;
	if (query_int(s, "SELECT CAST(to_regclass('schema_version') IS NOT NULL AS INTEGER)",
		      &exists))
		return STORE_ERR;
	*out = 0;
	return exists ? query_int(s, "SELECT version FROM schema_version", out) : STORE_OK;
}

/* The migration scripts of this store's engine. */
static const char *const *migrations(const struct store *s)
{
	return s->engine == DB_PG ? store_pg_migrations : store_migrations;
}

/* The migrations after which the search index is refilled: 8 made it with
 * the column `terms`; from 9 on SQLite's rows have rowids that follow from
 * the record (store_search_rowid). */
#define STORE_MIGRATION_SEARCH 8
#define STORE_MIGRATION_SEARCH_ROWID 9

int store_migrate(struct store *s, int *applied, char *err, size_t errlen)
{
	*applied = 0;
	for (;;) {
		int v;
		if (store_tx_begin(s, "migratie starten", err, errlen))
			return STORE_ERR;
		/* read the version inside the write lock: another process may
		 * have migrated meanwhile */
		if (user_version(s, &v)) {
			db_fail(s, "schemaversie lezen", err, errlen);
			goto fail;
		}
		if (v > store_migration_count) {
			store_set_err(
			    err, errlen,
			    "database heeft schemaversie %d, dit programma kent tot en met %d; "
			    "gebruik een nieuwere versie",
			    v, store_migration_count);
			store_tx_rollback(s);
			return STORE_ERR_SCHEMA;
		}
		if (v == store_migration_count)
			break;
		char what[64], setv[192];
		snprintf(what, sizeof what, "migratie %d", v + 1);
		if (s->engine == DB_PG)
			snprintf(setv, sizeof setv,
				 "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT "
				 "NULL); DELETE FROM schema_version; "
				 "INSERT INTO schema_version VALUES (%d)",
				 v + 1);
		else
			snprintf(setv, sizeof setv, "PRAGMA user_version = %d", v + 1);
		if (exec(s, migrations(s)[v], what, err, errlen) ||
		    /* refill the search index (store_search.c) */
		    ((v + 1 == STORE_MIGRATION_SEARCH || v + 1 == STORE_MIGRATION_SEARCH_ROWID) &&
		     store_rebuild_search(s, err, errlen)) ||
		    exec(s, setv, what, err, errlen) || store_tx_commit(s, what, err, errlen))
			goto fail;
		(*applied)++;
	}
	return store_tx_commit(s, "migratie afronden", err, errlen);
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_health(struct store *s, int timeout_ms, struct store_health *out, char *err,
		 size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->schema_expected = store_migration_count;
	if (!s) {
		store_set_err(err, errlen, "geen databaseverbinding");
		return STORE_ERR;
	}
	if (s->engine == DB_PG && pg_ensure(s) != STORE_OK) {
		store_set_err(err, errlen, "%s", db_errmsg(s));
		return STORE_ERR;
	}
	if (s->engine == DB_SQLITE)
		sqlite3_busy_timeout(s->db, timeout_ms);
	int rc = STORE_ERR, v = 0;
	if (user_version(s, &v)) {
		db_fail(s, "schemaversie lezen", err, errlen);
		goto out;
	}
	out->schema_version = v;
	if (store_data_version(s, &out->data_version)) {
		db_fail(s, "dataversie lezen", err, errlen);
		goto out;
	}
	rc = STORE_OK;
out:
	if (s->engine == DB_SQLITE)
		sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return rc;
}

int store_check_schema(struct store *s, char *err, size_t errlen)
{
	int v;
	if (user_version(s, &v))
		return db_fail(s, "schemaversie lezen", err, errlen);
	if (v == store_migration_count)
		return STORE_OK;
	if (v < store_migration_count)
		store_set_err(
		    err, errlen,
		    "database heeft schemaversie %d, verwacht %d; voer eerst 'atlas migrate' uit",
		    v, store_migration_count);
	else
		store_set_err(err, errlen,
			      "database heeft schemaversie %d, nieuwer dan dit programma (%d)", v,
			      store_migration_count);
	return STORE_ERR_SCHEMA;
}

int store_data_version(struct store *s, uint64_t *out)
{
	*out = 0;
	db_stmt *st = stmt(s, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'");
	if (!st)
		return STORE_ERR;
	int rc = db_step(st);
	if (rc == DB_ROW)
		*out = (uint64_t)db_column_int64(st, 0);
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? STORE_OK : STORE_ERR;
}

/* Versions kept in the change journal: a read model more than this many
 * versions behind rebuilds fully. Pruned every JOURNAL_PRUNE_EVERY. */
#define JOURNAL_KEEP 4096
#define JOURNAL_PRUNE_EVERY 64

/* Inside a write transaction, after the bump: stamp this transaction's
 * journal rows (the triggers leave the version empty) with the new version,
 * and now and then drop old rows. The meta row the bump updated stays locked
 * until commit, so versions follow the commit order on both engines. */
static int stamp_journal(struct store *s, char *err, size_t errlen)
{
	db_stmt *st =
	    stmt(s, "UPDATE change_journal SET version = "
		    "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version') "
		    "WHERE version IS NULL");
	if (!st || db_step(st) != DB_DONE) {
		if (st)
			db_reset(st);
		return db_fail(s, "wijzigingsjournaal bijwerken", err, errlen);
	}
	db_reset(st);
	uint64_t v = 0;
	if (store_data_version(s, &v))
		return db_fail(s, "dataversie lezen", err, errlen);
	s->tx_version = v;
	if (v % JOURNAL_PRUNE_EVERY != 0 || v <= JOURNAL_KEEP)
		return STORE_OK;
	int64_t floor = (int64_t)(v - JOURNAL_KEEP);
	const char *sqls[] = {
	    "DELETE FROM change_journal WHERE version <= ?",
	    "UPDATE meta SET value = CAST(? AS TEXT) WHERE key = 'journal_floor'"};
	for (int i = 0; i < 2; i++) {
		st = stmt(s, sqls[i]);
		if (!st)
			return db_fail(s, "wijzigingsjournaal opschonen", err, errlen);
		db_bind_int64(st, 1, floor);
		int rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(s, "wijzigingsjournaal opschonen", err, errlen);
	}
	return STORE_OK;
}

/* Inside a write transaction: record that something changed. */
static int bump_data_version(struct store *s, char *err, size_t errlen)
{
	db_stmt *st = stmt(s, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
			      "WHERE key = 'data_version'");
	if (!st)
		return db_fail(s, "dataversie ophogen", err, errlen);
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(s, "dataversie ophogen", err, errlen);
	if (stamp_journal(s, err, errlen))
		return STORE_ERR;
	/* PostgreSQL: wake the other instances when this transaction commits */
	if (s->engine == DB_PG && db_exec(s, "NOTIFY " STORE_NOTIFY_CHANNEL) != DB_OK)
		return db_fail(s, "wijziging melden", err, errlen);
	return STORE_OK;
}

/* ------------------------------------- shared with the other store files */

int store_db_fail(struct store *s, const char *what, char *err, size_t errlen)
{
	return db_fail(s, what, err, errlen);
}

db_stmt *store_stmt(struct store *s, const char *sql)
{
	return stmt(s, sql);
}

int store_exec(struct store *s, const char *sql, const char *what, char *err, size_t errlen)
{
	return exec(s, sql, what, err, errlen);
}

const char *store_col_text(db_stmt *st, int i)
{
	return col_text(st, i);
}

uint64_t store_wrote_version(const struct store *s)
{
	return s ? s->wrote_version : 0;
}

int store_bump_data_version(struct store *s, char *err, size_t errlen)
{
	return bump_data_version(s, err, errlen);
}

int store_audit_write(struct store *s, const char *actor, const char *via, const char *source,
		      const char *action, const char *entity, const char *entity_key,
		      const char *before, const char *after)
{
	db_stmt *st =
	    stmt(s, "INSERT INTO audit_event (at, actor, via, action, entity, entity_key, "
		    "\"before\", \"after\", source, batch_id) VALUES "
		    "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return db_fail(s, "auditregel schrijven", NULL, 0);
	db_bind_text(st, 1, actor ? actor : "", -1, DB_STATIC);
	db_bind_text(st, 2, via ? via : "", -1, DB_STATIC);
	db_bind_text(st, 3, action, -1, DB_STATIC);
	db_bind_text(st, 4, entity, -1, DB_STATIC);
	db_bind_text(st, 5, entity_key ? entity_key : "", -1, DB_STATIC);
	if (before)
		db_bind_text(st, 6, before, -1, DB_STATIC);
	if (after)
		db_bind_text(st, 7, after, -1, DB_STATIC);
	db_bind_text(st, 8, source ? source : "", -1, DB_STATIC);
	if (s->import_batch > 0)
		db_bind_int64(st, 9, s->import_batch);
	int rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : db_fail(s, "auditregel schrijven", NULL, 0);
}

/* ------------------------------------------------------ per-thread store */

static pthread_once_t thread_once = PTHREAD_ONCE_INIT;
static pthread_key_t thread_key;
static char *thread_path; /* set before worker threads start */

/* Thread exit: close that thread's connection (DESIGN.md pitfall: without
 * this, memory grew with every finished connection thread). */
static void thread_store_destroy(void *p)
{
	store_close(p);
}

static void thread_key_init(void)
{
	if (pthread_key_create(&thread_key, thread_store_destroy) != 0)
		log_error("store: pthread_key_create failed");
}

void store_thread_setup(const char *path)
{
	pthread_once(&thread_once, thread_key_init);
	free(thread_path);
	thread_path = xstrdup(path);
}

void store_thread_release(void)
{
	if (!thread_path)
		return;
	struct store *s = pthread_getspecific(thread_key);
	if (!s)
		return;
	pthread_setspecific(thread_key, NULL);
	store_close(s);
}

struct store *store_thread(void)
{
	if (!thread_path) {
		log_error("store: store_thread without store_thread_setup");
		return NULL;
	}
	struct store *s = pthread_getspecific(thread_key);
	if (s)
		return s;
	char err[512];
	if (store_open(thread_path, &s, err, sizeof err) != STORE_OK) {
		log_error("store: %s", err);
		return NULL;
	}
	/* A server keeps a connection per thread (about ten) and reads the
	 * registry from its snapshot, not from SQLite: a small page cache each
	 * (SQLite's default is 2 MiB) keeps memory flat; the pages stay in the
	 * operating system's cache. */
	if (s->engine == DB_SQLITE &&
	    exec(s, "PRAGMA cache_size = -256", "openen", err, sizeof err) != STORE_OK)
		log_error("store: %s", err);
	if (pthread_setspecific(thread_key, s) != 0) {
		log_error("store: pthread_setspecific failed");
		store_close(s);
		return NULL;
	}
	return s;
}
