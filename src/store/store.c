/*
 * store_sqlite — the SQLite implementation of store.h.
 *
 * One struct store wraps one connection (opened NOMUTEX: one thread at a
 * time) and a small cache of prepared statements keyed by their SQL text,
 * finalized in store_close. Every write runs in one BEGIN IMMEDIATE
 * transaction together with its audit_event rows and a data_version bump.
 *
 * The seed import is table driven: each seed file has a descriptor listing
 * its columns (SQL column, CSV column, type, referenced table). From that the
 * importer builds the SELECT/INSERT/UPDATE statements (identifiers come only
 * from these static descriptors; every value is bound), turns each CSV row
 * into a JSON object in the same shape as the stored row, and compares the
 * two: equal rows are left alone, different ones are updated, missing ones
 * inserted. The same JSON objects become the audit before/after images.
 * References are kept as keys in those objects (the source key, not its
 * database id), so the audit log reads without joins.
 *
 * The connection, statement cache, error helpers, data_version bump and
 * audit writer are shared with store_write_sqlite.c and store_auth_sqlite.c
 * through store_internal.h (thin exported wrappers below). A seed update of
 * a collaboration, organisation or participation also bumps its optimistic
 * `version` (migration 2).
 *
 * Not here: SQL outside the store files, HTML, HTTP, deleting rows the seed no
 * longer has (a later issue decides how retirements are recorded).
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

const char *const seed_table_names[SEED_TABLES] = {
    [SEED_SOURCES] = "sources",	     [SEED_DOMAINS] = "domains",
    [SEED_ORGS] = "organisations",   [SEED_COLLABS] = "collaborations",
    [SEED_PARTS] = "participations",
};

#define BUSY_TIMEOUT_MS 5000
#define SEARCH_MAX_TOKENS 8
#define SEARCH_MAX_TOKEN_BYTES 64
#define SEARCH_MAX_LIMIT 1000

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
		    "\"before\", \"after\", source) VALUES "
		    "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?, ?, ?, ?)");
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
	int rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : db_fail(s, "auditregel schrijven", NULL, 0);
}

/* --------------------------------------------------------------- snapshot */

/* Map a stored enum code; unknown codes are a fault in the stored data. */
static int map_code(const struct label *t, int n, const char *code, const char *where, int64_t id,
		    int *out, char *err, size_t errlen)
{
	int v = label_from_db(t, n, code);
	if (v < 0) {
		store_set_err(err, errlen, "onbekende code '%.40s' in %s (id %lld)", code, where,
			      (long long)id);
		log_error("store: %s", err);
		return STORE_ERR;
	}
	*out = v;
	return STORE_OK;
}

/* A reference id column: NULL becomes -1. Ids must fit in an int. */
static int ref_id(db_stmt *st, int i)
{
	if (db_column_type(st, i) == DB_NULL)
		return -1;
	int64_t v = db_column_int64(st, i);
	return v > 0 && v <= INT_MAX ? (int)v : INT_MAX;
}

static int load_sources(struct store *s, struct snapshot *snap)
{
	db_stmt *st = stmt(s, "SELECT id, key, title, publisher, url, licence, attribution, "
			      "reference_date, retrieved, note FROM source ORDER BY id");
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct source *x = snapshot_add_source(snap);
		x->id = db_column_int64(st, 0);
		x->key = snapshot_str(snap, col_text(st, 1));
		x->title = snapshot_str(snap, col_text(st, 2));
		x->publisher = snapshot_str(snap, col_text(st, 3));
		x->url = snapshot_str(snap, col_text(st, 4));
		x->licence = snapshot_str(snap, col_text(st, 5));
		x->attribution = snapshot_str(snap, col_text(st, 6));
		x->reference_date = snapshot_str(snap, col_text(st, 7));
		x->retrieved = snapshot_str(snap, col_text(st, 8));
		x->note = snapshot_str(snap, col_text(st, 9));
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

static int load_domains(struct store *s, struct snapshot *snap)
{
	db_stmt *st = stmt(s, "SELECT id, key, name, description FROM domain ORDER BY id");
	if (!st)
		return STORE_ERR;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct domain *x = snapshot_add_domain(snap);
		x->id = db_column_int64(st, 0);
		x->key = snapshot_str(snap, col_text(st, 1));
		x->name = snapshot_str(snap, col_text(st, 2));
		x->description = snapshot_str(snap, col_text(st, 3));
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

static int load_orgs(struct store *s, struct snapshot *snap, char *err, size_t errlen)
{
	db_stmt *st = stmt(s, "SELECT id, code, kind, name, cbs_code, tooi, in_province, "
			      "valid_from, valid_to, ended, successor_id, population, "
			      "population_date, area_km2, collaboration_id, source_id, "
			      "last_confirmed, note, confirmed_by, version "
			      "FROM organisation ORDER BY id");
	if (!st)
		return STORE_ERR;
	int rc, kind;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_column_int64(st, 0);
		if (map_code(org_kind_labels, ORG_KIND_COUNT, col_text(st, 2), "organisation.kind",
			     id, &kind, err, errlen)) {
			db_reset(st);
			return STORE_ERR_INVALID;
		}
		struct organisation *x = snapshot_add_org(snap);
		x->id = id;
		x->code = snapshot_str(snap, col_text(st, 1));
		x->kind = (enum org_kind)kind;
		x->name = snapshot_str(snap, col_text(st, 3));
		x->cbs_code = snapshot_str(snap, col_text(st, 4));
		x->tooi = snapshot_str(snap, col_text(st, 5));
		x->in_province = db_column_int(st, 6) != 0;
		x->valid_from = snapshot_str(snap, col_text(st, 7));
		x->valid_to = snapshot_str(snap, col_text(st, 8));
		x->ended = db_column_int(st, 9) != 0;
		x->successor = ref_id(st, 10);
		x->population = db_column_type(st, 11) == DB_NULL ? -1 : db_column_int64(st, 11);
		x->population_date = snapshot_str(snap, col_text(st, 12));
		x->area_km2 = db_column_type(st, 13) == DB_NULL ? -1.0 : db_column_double(st, 13);
		x->collaboration = ref_id(st, 14);
		x->source = ref_id(st, 15);
		x->last_confirmed = snapshot_str(snap, col_text(st, 16));
		x->note = snapshot_str(snap, col_text(st, 17));
		x->confirmed_by = snapshot_str(snap, col_text(st, 18));
		x->version = db_column_int64(st, 19);
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

static int load_collabs(struct store *s, struct snapshot *snap, char *err, size_t errlen)
{
	db_stmt *st = stmt(s, "SELECT id, key, name, short_name, kind, legal_form, powers, "
			      "phase, purpose, seat, start_date, end_date, website, "
			      "source_id, last_confirmed, note, confirmed_by, version "
			      "FROM collaboration ORDER BY id");
	if (!st)
		return STORE_ERR;
	int rc, kind, lf, pw, ph;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_column_int64(st, 0);
		if (map_code(collab_kind_labels, COLLAB_KIND_COUNT, col_text(st, 4),
			     "collaboration.kind", id, &kind, err, errlen) ||
		    map_code(legal_form_labels, LF_COUNT, col_text(st, 5),
			     "collaboration.legal_form", id, &lf, err, errlen) ||
		    map_code(powers_labels, POW_COUNT, col_text(st, 6), "collaboration.powers", id,
			     &pw, err, errlen) ||
		    map_code(phase_labels, PHASE_COUNT, col_text(st, 7), "collaboration.phase", id,
			     &ph, err, errlen)) {
			db_reset(st);
			return STORE_ERR_INVALID;
		}
		struct collaboration *x = snapshot_add_collab(snap);
		x->id = id;
		x->key = snapshot_str(snap, col_text(st, 1));
		x->name = snapshot_str(snap, col_text(st, 2));
		x->short_name = snapshot_str(snap, col_text(st, 3));
		x->kind = (enum collab_kind)kind;
		x->legal_form = (enum legal_form)lf;
		x->powers = (enum powers)pw;
		x->phase = (enum phase)ph;
		x->purpose = snapshot_str(snap, col_text(st, 8));
		x->seat = snapshot_str(snap, col_text(st, 9));
		x->start_date = snapshot_str(snap, col_text(st, 10));
		x->end_date = snapshot_str(snap, col_text(st, 11));
		x->website = snapshot_str(snap, col_text(st, 12));
		x->source = ref_id(st, 13);
		x->last_confirmed = snapshot_str(snap, col_text(st, 14));
		x->note = snapshot_str(snap, col_text(st, 15));
		x->confirmed_by = snapshot_str(snap, col_text(st, 16));
		x->version = db_column_int64(st, 17);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return STORE_ERR;

	/* domains per collaboration; collabs are in id order, so the rows of
	 * one collaboration come together and are matched by a merge walk */
	st = stmt(s, "SELECT collaboration_id, domain_id FROM collaboration_domain "
		     "ORDER BY collaboration_id, domain_id");
	if (!st)
		return STORE_ERR;
	int ids[VALIDATE_MAX_DOMAINS * 2];
	int n = 0, ci = 0;
	int64_t cur = -1;
	for (;;) {
		rc = db_step(st);
		int64_t cid = rc == DB_ROW ? db_column_int64(st, 0) : -1;
		if (cur >= 0 && cid != cur) {
			while (ci < snap->n_collabs && snap->collabs[ci].id < cur)
				ci++;
			if (ci < snap->n_collabs && snap->collabs[ci].id == cur)
				snapshot_collab_set_domains(snap, &snap->collabs[ci], ids, n);
			n = 0;
		}
		if (rc != DB_ROW)
			break;
		cur = cid;
		if (n < (int)(sizeof ids / sizeof ids[0]))
			ids[n++] = ref_id(st, 1);
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

static int load_parts(struct store *s, struct snapshot *snap, char *err, size_t errlen)
{
	db_stmt *st = stmt(s, "SELECT id, collaboration_id, organisation_id, body, role, "
			      "cost_share, contribution_eur, joined, left_on, source_id, "
			      "last_confirmed, note, confirmed_by, version "
			      "FROM participation ORDER BY id");
	if (!st)
		return STORE_ERR;
	int rc, body, role;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_column_int64(st, 0);
		if (map_code(body_labels, BODY_COUNT, col_text(st, 3), "participation.body", id,
			     &body, err, errlen) ||
		    map_code(role_labels, ROLE_COUNT, col_text(st, 4), "participation.role", id,
			     &role, err, errlen)) {
			db_reset(st);
			return STORE_ERR_INVALID;
		}
		struct participation *x = snapshot_add_part(snap);
		x->id = id;
		x->collaboration = ref_id(st, 1);
		x->organisation = ref_id(st, 2);
		x->body = (enum body)body;
		x->role = (enum role)role;
		x->cost_share = db_column_type(st, 5) == DB_NULL ? -1.0 : db_column_double(st, 5);
		x->contribution = db_column_type(st, 6) == DB_NULL ? -1 : db_column_int64(st, 6);
		x->joined = snapshot_str(snap, col_text(st, 7));
		x->left = snapshot_str(snap, col_text(st, 8));
		x->source = ref_id(st, 9);
		x->last_confirmed = snapshot_str(snap, col_text(st, 10));
		x->note = snapshot_str(snap, col_text(st, 11));
		x->confirmed_by = snapshot_str(snap, col_text(st, 12));
		x->version = db_column_int64(st, 13);
	}
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : STORE_ERR;
}

int store_load_snapshot(struct store *s, const char *today, struct snapshot **out, char *err,
			size_t errlen)
{
	struct snapshot *snap = NULL;
	uint64_t version;
	int rc;

	*out = NULL;
	/* one read transaction: every table from the same database state */
	if (store_tx_begin_read(s, "snapshot lezen", err, errlen))
		return STORE_ERR;
	if (store_data_version(s, &version)) {
		rc = db_fail(s, "dataversie lezen", err, errlen);
		goto out;
	}
	snap = snapshot_new(version);
	if ((rc = load_sources(s, snap)) || (rc = load_domains(s, snap)) ||
	    (rc = load_collabs(s, snap, err, errlen)) || (rc = load_orgs(s, snap, err, errlen)) ||
	    (rc = load_parts(s, snap, err, errlen))) {
		if (rc == STORE_ERR_INVALID)
			rc = STORE_ERR; /* bad stored code: message already in err */
		else
			db_fail(s, "snapshot lezen", err, errlen);
		goto out;
	}
	store_tx_commit(s, "snapshot lezen", NULL, 0);
	if (snapshot_finish(snap, today, err, errlen) != 0) {
		log_error("store: snapshot: %s", err);
		rc = STORE_ERR;
		goto out;
	}
	*out = snap;
	snap = NULL;
	rc = STORE_OK;
out:
	store_tx_rollback(s);
	snapshot_free(snap);
	return rc;
}

/* ------------------------------------------------------------ seed import */

enum col_type {
	CT_TEXT,   /* TEXT, '' when empty */
	CT_INT,	   /* INTEGER, NULL when empty */
	CT_REAL,   /* REAL, NULL when empty */
	CT_FLAG,   /* INTEGER 0/1, 0 when empty */
	CT_REF,	   /* INTEGER id of ref_table; compared and audited as its key */
	CT_DOMAINS /* collaboration_domain rows, as sorted ';'-joined keys */
};

struct col_desc {
	const char *name;   /* property in the audit JSON */
	const char *column; /* SQL column; NULL for CT_DOMAINS */
	int csv;	    /* index in the seed row */
	enum col_type type;
	const char *ref_table; /* CT_REF: referenced table */
	const char *ref_key;   /* CT_REF: its key column */
	const char *ref_what;  /* CT_REF: Dutch noun for messages */
};

struct table_desc {
	enum seed_table seed;		/* report slot and file stem */
	const char *table;		/* SQL table = audit entity */
	const char *const *csv_columns; /* header of the seed file */
	int ncsv;
	int (*validate)(const char *const *f, char *err, size_t errlen);
	const struct col_desc *cols;
	int ncols;
	int nkeys; /* the first nkeys columns identify a row */
};

#define REF(table, key, what) CT_REF, table, key, what
#define COLS(a) a, (int)(sizeof a / sizeof a[0])

static const struct col_desc source_cols[] = {
    {"key", "key", SEED_SRC_ID, CT_TEXT, NULL, NULL, NULL},
    {"title", "title", SEED_SRC_TITLE, CT_TEXT, NULL, NULL, NULL},
    {"publisher", "publisher", SEED_SRC_PUBLISHER, CT_TEXT, NULL, NULL, NULL},
    {"url", "url", SEED_SRC_URL, CT_TEXT, NULL, NULL, NULL},
    {"licence", "licence", SEED_SRC_LICENCE, CT_TEXT, NULL, NULL, NULL},
    {"attribution", "attribution", SEED_SRC_ATTRIBUTION, CT_TEXT, NULL, NULL, NULL},
    {"reference_date", "reference_date", SEED_SRC_REFERENCE_DATE, CT_TEXT, NULL, NULL, NULL},
    {"retrieved", "retrieved", SEED_SRC_RETRIEVED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_SRC_NOTE, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc domain_cols[] = {
    {"key", "key", SEED_DOM_KEY, CT_TEXT, NULL, NULL, NULL},
    {"name", "name", SEED_DOM_NAME, CT_TEXT, NULL, NULL, NULL},
    {"description", "description", SEED_DOM_DESCRIPTION, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc collab_cols[] = {
    {"key", "key", SEED_COL_KEY, CT_TEXT, NULL, NULL, NULL},
    {"name", "name", SEED_COL_NAME, CT_TEXT, NULL, NULL, NULL},
    {"short_name", "short_name", SEED_COL_SHORT_NAME, CT_TEXT, NULL, NULL, NULL},
    {"kind", "kind", SEED_COL_KIND, CT_TEXT, NULL, NULL, NULL},
    {"legal_form", "legal_form", SEED_COL_LEGAL_FORM, CT_TEXT, NULL, NULL, NULL},
    {"powers", "powers", SEED_COL_POWERS, CT_TEXT, NULL, NULL, NULL},
    {"domains", NULL, SEED_COL_DOMAINS, CT_DOMAINS, NULL, NULL, NULL},
    {"phase", "phase", SEED_COL_PHASE, CT_TEXT, NULL, NULL, NULL},
    {"purpose", "purpose", SEED_COL_PURPOSE, CT_TEXT, NULL, NULL, NULL},
    {"seat", "seat", SEED_COL_SEAT, CT_TEXT, NULL, NULL, NULL},
    {"start_date", "start_date", SEED_COL_START_DATE, CT_TEXT, NULL, NULL, NULL},
    {"end_date", "end_date", SEED_COL_END_DATE, CT_TEXT, NULL, NULL, NULL},
    {"website", "website", SEED_COL_WEBSITE, CT_TEXT, NULL, NULL, NULL},
    {"source", "source_id", SEED_COL_SOURCE_ID, REF("source", "key", "bron")},
    {"last_confirmed", "last_confirmed", SEED_COL_LAST_CONFIRMED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_COL_NOTE, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc org_cols[] = {
    {"code", "code", SEED_ORG_CODE, CT_TEXT, NULL, NULL, NULL},
    {"kind", "kind", SEED_ORG_KIND, CT_TEXT, NULL, NULL, NULL},
    {"name", "name", SEED_ORG_NAME, CT_TEXT, NULL, NULL, NULL},
    {"cbs_code", "cbs_code", SEED_ORG_CBS_CODE, CT_TEXT, NULL, NULL, NULL},
    {"tooi", "tooi", SEED_ORG_TOOI, CT_TEXT, NULL, NULL, NULL},
    {"in_province", "in_province", SEED_ORG_IN_PROVINCE, CT_FLAG, NULL, NULL, NULL},
    {"valid_from", "valid_from", SEED_ORG_VALID_FROM, CT_TEXT, NULL, NULL, NULL},
    {"valid_to", "valid_to", SEED_ORG_VALID_TO, CT_TEXT, NULL, NULL, NULL},
    {"ended", "ended", SEED_ORG_ENDED, CT_FLAG, NULL, NULL, NULL},
    {"successor", "successor_id", SEED_ORG_SUCCESSOR_CODE, REF("organisation", "code", "opvolger")},
    {"population", "population", SEED_ORG_POPULATION, CT_INT, NULL, NULL, NULL},
    {"population_date", "population_date", SEED_ORG_POPULATION_DATE, CT_TEXT, NULL, NULL, NULL},
    {"area_km2", "area_km2", SEED_ORG_AREA_KM2, CT_REAL, NULL, NULL, NULL},
    {"collaboration", "collaboration_id", SEED_ORG_COLLABORATION_KEY,
     REF("collaboration", "key", "samenwerkingsverband")},
    {"source", "source_id", SEED_ORG_SOURCE_ID, REF("source", "key", "bron")},
    {"last_confirmed", "last_confirmed", SEED_ORG_LAST_CONFIRMED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_ORG_NOTE, CT_TEXT, NULL, NULL, NULL},
};

static const struct col_desc part_cols[] = {
    {"collaboration", "collaboration_id", SEED_PAR_COLLABORATION_KEY,
     REF("collaboration", "key", "samenwerkingsverband")},
    {"organisation", "organisation_id", SEED_PAR_ORGANISATION_CODE,
     REF("organisation", "code", "organisatie")},
    {"joined", "joined", SEED_PAR_JOINED, CT_TEXT, NULL, NULL, NULL},
    {"body", "body", SEED_PAR_BODY, CT_TEXT, NULL, NULL, NULL},
    {"role", "role", SEED_PAR_ROLE, CT_TEXT, NULL, NULL, NULL},
    {"cost_share", "cost_share", SEED_PAR_COST_SHARE, CT_REAL, NULL, NULL, NULL},
    {"contribution_eur", "contribution_eur", SEED_PAR_CONTRIBUTION_EUR, CT_INT, NULL, NULL, NULL},
    {"left", "left_on", SEED_PAR_LEFT, CT_TEXT, NULL, NULL, NULL},
    {"source", "source_id", SEED_PAR_SOURCE_ID, REF("source", "key", "bron")},
    {"last_confirmed", "last_confirmed", SEED_PAR_LAST_CONFIRMED, CT_TEXT, NULL, NULL, NULL},
    {"note", "note", SEED_PAR_NOTE, CT_TEXT, NULL, NULL, NULL},
};

/* In import order: referenced tables first. */
static const struct table_desc tables[SEED_TABLES] = {
    {SEED_SOURCES, "source", source_columns, SEED_SRC_NCOLS, validate_source_row, COLS(source_cols),
     1},
    {SEED_DOMAINS, "domain", domain_columns, SEED_DOM_NCOLS, validate_domain_row, COLS(domain_cols),
     1},
    {SEED_COLLABS, "collaboration", collab_columns, SEED_COL_NCOLS, validate_collab_row,
     COLS(collab_cols), 1},
    {SEED_ORGS, "organisation", org_columns, SEED_ORG_NCOLS, validate_org_row, COLS(org_cols), 1},
    {SEED_PARTS, "participation", part_columns, SEED_PAR_NCOLS, validate_part_row, COLS(part_cols),
     3},
};

/* The SQL built from one descriptor, at the start of an import. */
struct table_sql {
	char *select; /* id + every column (refs as keys) by natural key */
	char *insert;
	char *update;	   /* ... WHERE id = ? (last parameter) */
	char *update_bump; /* the same, also version + 1 where the table has one */
};

struct import_ctx {
	struct store *s;
	const char *actor;
	struct import_report *rep;
	char *err;
	size_t errlen;
};

/* SELECT expression giving a column the way the JSON image holds it. */
static void select_expr(struct buf *b, const struct col_desc *c)
{
	switch (c->type) {
	case CT_REF:
		buf_printf(b, "coalesce((SELECT r.%s FROM %s r WHERE r.id = t.%s), '')", c->ref_key,
			   c->ref_table, c->column);
		break;
	case CT_DOMAINS:
		buf_puts(b, "coalesce((SELECT group_concat(k, ';') FROM (SELECT d.key AS k "
			    "FROM collaboration_domain cd JOIN domain d ON d.id = cd.domain_id "
			    "WHERE cd.collaboration_id = t.id ORDER BY d.key) AS ks), '')");
		break;
	default:
		buf_printf(b, "t.%s", c->column);
	}
}

/* Parameter expression for writing a column from its JSON value. */
static void value_expr(struct buf *b, const struct col_desc *c)
{
	if (c->type == CT_REF)
		buf_printf(b, "(SELECT id FROM %s WHERE %s = ?)", c->ref_table, c->ref_key);
	else
		buf_puts(b, "?");
}

static void build_sql(const struct table_desc *t, struct table_sql *q)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "SELECT t.id");
	for (int i = 0; i < t->ncols; i++) {
		buf_puts(&b, ", ");
		select_expr(&b, &t->cols[i]);
	}
	buf_printf(&b, " FROM %s t WHERE ", t->table);
	for (int i = 0; i < t->nkeys; i++) {
		buf_printf(&b, "%st.%s = ", i ? " AND " : "", t->cols[i].column);
		value_expr(&b, &t->cols[i]);
	}
	q->select = buf_detach(&b, NULL);

	buf_printf(&b, "INSERT INTO %s (", t->table);
	int n = 0;
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].type != CT_DOMAINS)
			buf_printf(&b, "%s%s", n++ ? ", " : "", t->cols[i].column);
	buf_puts(&b, ") VALUES (");
	n = 0;
	for (int i = 0; i < t->ncols; i++) {
		if (t->cols[i].type == CT_DOMAINS)
			continue;
		if (n++)
			buf_puts(&b, ", ");
		value_expr(&b, &t->cols[i]);
	}
	buf_puts(&b, ")");
	q->insert = buf_detach(&b, NULL);

	buf_printf(&b, "UPDATE %s SET ", t->table);
	n = 0;
	for (int i = 0; i < t->ncols; i++) {
		if (t->cols[i].type == CT_DOMAINS)
			continue;
		buf_printf(&b, "%s%s = ", n++ ? ", " : "", t->cols[i].column);
		value_expr(&b, &t->cols[i]);
	}
	/* registry records carry an optimistic version (migration 2): a
	 * changed row gets version + 1, like an edit through the web */
	char *set = buf_detach(&b, NULL);
	buf_printf(&b, "%s WHERE id = ?", set ? set : "");
	q->update = buf_detach(&b, NULL);
	buf_printf(&b, "%s%s WHERE id = ?", set ? set : "",
		   t->seed == SEED_SOURCES || t->seed == SEED_DOMAINS ? ""
								      : ", version = version + 1");
	q->update_bump = buf_detach(&b, NULL);
	free(set);
	buf_free(&b);
}

static void free_sql(struct table_sql *q)
{
	free(q->select);
	free(q->insert);
	free(q->update);
	free(q->update_bump);
}

/* A JSON string; invalid UTF-8 (never from a validated seed) becomes U+FFFD. */
static json_t *jstr(const char *s, size_t n)
{
	json_t *j = json_stringn(s ? s : "", s ? n : 0);
	return j ? j : json_string("\xEF\xBF\xBD");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* Sorted, de-duplicated ';'-joined domain keys of a seed cell. */
static json_t *domains_value(const char *cell)
{
	char keys[VALIDATE_MAX_DOMAINS][81];
	int n = validate_split_domains(cell, keys, VALIDATE_MAX_DOMAINS);
	struct buf b = BUF_INIT;
	if (n > 0)
		qsort(keys, (size_t)n, sizeof keys[0], cmp_str);
	for (int i = 0, out = 0; i < n; i++) {
		if (i > 0 && strcmp(keys[i], keys[i - 1]) == 0)
			continue;
		buf_printf(&b, "%s%s", out++ ? ";" : "", keys[i]);
	}
	json_t *j = json_string(b.data ? b.data : "");
	buf_free(&b);
	return j;
}

/* The wanted row image of a (validated) seed row. */
static json_t *row_want(const struct table_desc *t, const struct seed_row *r)
{
	json_t *o = json_object();
	for (int i = 0; i < t->ncols; i++) {
		const struct col_desc *c = &t->cols[i];
		const char *v = r->cols[c->csv];
		json_t *j;
		long long n;
		double d;
		switch (c->type) {
		case CT_INT:
			validate_count_opt(v, &n);
			j = n < 0 ? json_null() : json_integer(n);
			break;
		case CT_REAL:
			j = str_empty(v) || !validate_number_opt(v, -1e300, 1e300, &d)
				? json_null()
				: json_real(d);
			break;
		case CT_FLAG:
			j = json_integer(strcmp(v, "1") == 0);
			break;
		case CT_DOMAINS:
			j = domains_value(v);
			break;
		default:
			j = jstr(v, strlen(v));
		}
		json_object_set_new(o, c->name, j);
	}
	return o;
}

/* The stored row image from the SELECT built by build_sql. */
static json_t *row_have(const struct table_desc *t, db_stmt *st)
{
	json_t *o = json_object();
	for (int i = 0; i < t->ncols; i++) {
		int k = i + 1;
		json_t *j;
		switch (db_column_type(st, k)) {
		case DB_NULL:
			j = json_null();
			break;
		case DB_INTEGER:
			j = json_integer(db_column_int64(st, k));
			break;
		case DB_FLOAT:
			j = json_real(db_column_double(st, k));
			break;
		default:
			j = jstr((const char *)db_column_text(st, k),
				 (size_t)db_column_bytes(st, k));
		}
		json_object_set_new(o, t->cols[i].name, j);
	}
	return o;
}

static void bind_json(db_stmt *st, int idx, json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		db_bind_text(st, idx, json_string_value(v), (int)json_string_length(v), DB_STATIC);
		break;
	case JSON_INTEGER:
		db_bind_int64(st, idx, json_integer_value(v));
		break;
	case JSON_REAL:
		db_bind_double(st, idx, json_real_value(v));
		break;
	default:
		db_bind_null(st, idx);
	}
}

/* The natural key as text for audit_event.entity_key: "a" or "a/b[/c]". */
static char *entity_key(const struct table_desc *t, json_t *want)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < t->nkeys; i++) {
		const char *v = json_string_value(json_object_get(want, t->cols[i].name));
		if (i > 0 && str_empty(v))
			continue;
		buf_printf(&b, "%s%s", i ? "/" : "", v ? v : "");
	}
	char *k = buf_detach(&b, NULL);
	buf_free(&b);
	return k ? k : xstrdup("");
}

/* Find the stored row for want: *id > 0 and *have set, or *id = 0. */
static int lookup(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		  json_t *want, int64_t *id, json_t **have)
{
	*id = 0;
	*have = NULL;
	db_stmt *st = stmt(ix->s, q->select);
	if (!st)
		return db_fail(ix->s, "rij opzoeken", ix->err, ix->errlen);
	for (int i = 0; i < t->nkeys; i++)
		bind_json(st, i + 1, json_object_get(want, t->cols[i].name));
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_column_int64(st, 0);
		*have = row_have(t, st);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(ix->s, "rij opzoeken", ix->err, ix->errlen);
	return STORE_OK;
}

/* True when key exists in table.column. */
static int key_exists(struct import_ctx *ix, const char *table, const char *column, const char *key,
		      bool *found)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE %s = ?", table, column);
	db_stmt *st = stmt(ix->s, sql);
	if (!st)
		return db_fail(ix->s, "verwijzing controleren", ix->err, ix->errlen);
	db_bind_text(st, 1, key, -1, DB_STATIC);
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(ix->s, "verwijzing controleren", ix->err, ix->errlen);
	*found = rc == DB_ROW;
	return STORE_OK;
}

/* Every reference of want must name an existing row. */
static int check_refs(struct import_ctx *ix, const struct table_desc *t, json_t *want,
		      const struct seed_file *f, const struct seed_row *r)
{
	for (int i = 0; i < t->ncols; i++) {
		const struct col_desc *c = &t->cols[i];
		const char *csvname = t->csv_columns[c->csv];
		bool found = true;
		if (c->type == CT_REF) {
			const char *v = json_string_value(json_object_get(want, c->name));
			if (str_empty(v))
				continue;
			if (key_exists(ix, c->ref_table, c->ref_key, v, &found))
				return STORE_ERR;
			if (!found) {
				store_set_err(ix->err, ix->errlen,
					      "%s, regel %d: kolom %s: onbekende %s '%s'", f->path,
					      r->line, csvname, c->ref_what, v);
				return STORE_ERR_INVALID;
			}
		} else if (c->type == CT_DOMAINS) {
			char keys[VALIDATE_MAX_DOMAINS][81];
			int n = validate_split_domains(r->cols[c->csv], keys, VALIDATE_MAX_DOMAINS);
			for (int k = 0; k < n; k++) {
				if (key_exists(ix, "domain", "key", keys[k], &found))
					return STORE_ERR;
				if (!found) {
					store_set_err(
					    ix->err, ix->errlen,
					    "%s, regel %d: kolom %s: onbekend beleidsdomein '%s'",
					    f->path, r->line, csvname, keys[k]);
					return STORE_ERR_INVALID;
				}
			}
		}
	}
	return STORE_OK;
}

/* Insert (id == 0, new id to *id) or update row id with want; bump: a
 * real change (version + 1), not the second pass that completes a row
 * pre_create inserted in the same import. */
static int write_row(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		     json_t *want, int64_t *id, bool bump)
{
	bool insert = *id == 0;
	db_stmt *st = stmt(ix->s, insert ? q->insert : bump ? q->update_bump : q->update);
	if (!st)
		return db_fail(ix->s, "rij schrijven", ix->err, ix->errlen);
	int p = 1;
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].type != CT_DOMAINS)
			bind_json(st, p++, json_object_get(want, t->cols[i].name));
	if (!insert)
		db_bind_int64(st, p, *id);
	int rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(ix->s, insert ? "rij toevoegen" : "rij bijwerken", ix->err,
			       ix->errlen);
	if (insert)
		*id = db_last_insert_id(ix->s);

	for (int i = 0; i < t->ncols; i++) {
		if (t->cols[i].type != CT_DOMAINS)
			continue;
		st = stmt(ix->s, "DELETE FROM collaboration_domain WHERE collaboration_id = ?");
		if (!st)
			return db_fail(ix->s, "beleidsdomeinen schrijven", ix->err, ix->errlen);
		db_bind_int64(st, 1, *id);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(ix->s, "beleidsdomeinen schrijven", ix->err, ix->errlen);
		const char *list = json_string_value(json_object_get(want, t->cols[i].name));
		char keys[VALIDATE_MAX_DOMAINS][81];
		int n = validate_split_domains(list, keys, VALIDATE_MAX_DOMAINS);
		for (int k = 0; k < n; k++) {
			st = stmt(ix->s, "INSERT INTO collaboration_domain (collaboration_id, "
					 "domain_id) SELECT ?, id FROM domain WHERE key = ?");
			if (!st)
				return db_fail(ix->s, "beleidsdomeinen schrijven", ix->err,
					       ix->errlen);
			db_bind_int64(st, 1, *id);
			db_bind_text(st, 2, keys[k], -1, DB_STATIC);
			rc = db_step(st);
			db_reset(st);
			if (rc != DB_DONE)
				return db_fail(ix->s, "beleidsdomeinen schrijven", ix->err,
					       ix->errlen);
		}
	}
	return STORE_OK;
}

/* One audit_event row; before may be NULL (insert). */
static int audit(struct import_ctx *ix, const struct table_desc *t, const char *action,
		 json_t *before, json_t *after)
{
	int flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
	char *key = entity_key(t, after);
	char *b = before ? json_dumps(before, flags) : NULL;
	char *a = after ? json_dumps(after, flags) : NULL;
	int ret =
	    store_audit_write(ix->s, ix->actor, "import", "seed", action, t->table, key, b, a);
	if (ret != STORE_OK)
		store_set_err(ix->err, ix->errlen, "databasefout bij auditregel schrijven");
	free(key);
	free(b);
	free(a);
	return ret;
}

/*
 * True when a person changed this record after the seed put it there (an
 * audit event of the record written through the web, the API or the CLI).
 * Such records are not overwritten by a later seed import, so `make run`
 * (which imports the seed at every start) never undoes a partner's edit.
 */
static bool edited_by_person(struct import_ctx *ix, const struct table_desc *t, int64_t id)
{
	static const struct {
		const char *table, *sql;
	} q[] = {
	    {"organisation",
	     "SELECT EXISTS (SELECT 1 FROM audit_event a, organisation o "
	     "WHERE o.id = ?1 AND a.entity = 'organisation' AND a.entity_key = o.code "
	     "AND a.via IN ('web', 'api', 'cli'))"},
	    {"collaboration",
	     "SELECT EXISTS (SELECT 1 FROM audit_event a, collaboration c "
	     "WHERE c.id = ?1 AND a.entity = 'collaboration' AND a.entity_key = c.key "
	     "AND a.via IN ('web', 'api', 'cli'))"},
	    {"participation",
	     "SELECT EXISTS (SELECT 1 FROM audit_event a, participation p, collaboration c "
	     "WHERE p.id = ?1 AND c.id = p.collaboration_id AND a.entity = 'participation' "
	     "AND a.entity_key = c.key || '/' || p.id AND a.via IN ('web', 'api', 'cli'))"},
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		if (strcmp(t->table, q[i].table) != 0)
			continue;
		db_stmt *st = stmt(ix->s, q[i].sql);
		if (!st)
			return false;
		db_bind_int64(st, 1, id);
		bool yes = db_step(st) == DB_ROW && db_column_int(st, 0) == 1;
		db_reset(st);
		return yes;
	}
	return false;
}

/*
 * Bring one seed row into the database: insert, update or leave it.
 * created: the row was inserted by pre_create (organisations, whose
 * successors may come later in the file); it is completed and audited as an
 * insert.
 */
static int sync_row(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		    const struct seed_file *f, const struct seed_row *r, bool created)
{
	json_t *want = row_want(t, r), *have = NULL;
	int64_t id;
	int rc;

	if ((rc = check_refs(ix, t, want, f, r)) || (rc = lookup(ix, t, q, want, &id, &have)))
		goto out;
	if (id == 0 || created) {
		if ((rc = write_row(ix, t, q, want, &id, false)) ||
		    (rc = audit(ix, t, "insert", NULL, want)))
			goto out;
		ix->rep->added[t->seed]++;
	} else if (!json_equal(want, have) && edited_by_person(ix, t, id)) {
		/* a partner maintains this record now: the seed no longer rules it */
		ix->rep->unchanged[t->seed]++;
	} else if (!json_equal(want, have)) {
		if ((rc = write_row(ix, t, q, want, &id, true)) ||
		    (rc = audit(ix, t, "update", have, want)))
			goto out;
		ix->rep->changed[t->seed]++;
	} else {
		ix->rep->unchanged[t->seed]++;
	}
out:
	json_decref(want);
	json_decref(have);
	return rc;
}

/* First pass for organisations: insert a new organisation without its
 * successor, so successor references within the file resolve in the second
 * pass (sync_row completes the row); *created tells whether it was new. */
static int pre_create(struct import_ctx *ix, const struct table_desc *t, const struct table_sql *q,
		      const struct seed_row *r, bool *created)
{
	json_t *want = row_want(t, r), *have = NULL;
	int64_t id;
	int rc = lookup(ix, t, q, want, &id, &have);
	*created = false;
	if (rc == STORE_OK && id == 0) {
		for (int i = 0; i < t->ncols; i++)
			if (t->cols[i].type == CT_REF &&
			    strcmp(t->cols[i].ref_table, t->table) == 0)
				json_object_set_new(want, t->cols[i].name, json_string(""));
		rc = write_row(ix, t, q, want, &id, false);
		*created = rc == STORE_OK;
	}
	json_decref(want);
	json_decref(have);
	return rc;
}

struct dup_key {
	char *key;
	int line;
};

static int cmp_dup(const void *a, const void *b)
{
	const struct dup_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : x->line - y->line;
}

/* A natural key may occur only once per seed file. */
static int check_duplicates(const struct table_desc *t, const struct seed_file *f, char *err,
			    size_t errlen)
{
	struct dup_key *k = xcalloc((size_t)(f->nrows ? f->nrows : 1), sizeof *k);
	int rc = STORE_OK;
	for (int i = 0; i < f->nrows; i++) {
		struct buf b = BUF_INIT;
		for (int c = 0; c < t->nkeys; c++)
			buf_printf(&b, "%s%s", c ? "/" : "", f->rows[i].cols[t->cols[c].csv]);
		k[i].key = buf_detach(&b, NULL);
		if (!k[i].key)
			k[i].key = xstrdup("");
		k[i].line = f->rows[i].line;
	}
	qsort(k, (size_t)f->nrows, sizeof *k, cmp_dup);
	for (int i = 1; i < f->nrows; i++) {
		if (strcmp(k[i].key, k[i - 1].key) == 0) {
			store_set_err(err, errlen, "%s, regel %d: '%s' staat ook al op regel %d",
				      f->path, k[i].line, k[i].key, k[i - 1].line);
			rc = STORE_ERR_INVALID;
			break;
		}
	}
	for (int i = 0; i < f->nrows; i++)
		free(k[i].key);
	free(k);
	return rc;
}

/* Read and validate one seed file completely (no database access). */
static int read_seed(const char *dir, const struct table_desc *t, struct seed_file **out, char *err,
		     size_t errlen)
{
	char reason[512];
	if (seed_read(dir, seed_table_names[t->seed], t->csv_columns, t->ncsv, out, err, errlen))
		return STORE_ERR_INVALID;
	const struct seed_file *f = *out;
	for (int i = 0; i < f->nrows; i++) {
		if (t->validate((const char *const *)f->rows[i].cols, reason, sizeof reason)) {
			store_set_err(err, errlen, "%s, regel %d: %s", f->path, f->rows[i].line,
				      reason);
			return STORE_ERR_INVALID;
		}
	}
	return check_duplicates(t, f, err, errlen);
}

/* Rebuild the full-text index from the tables (small: a full rebuild is
 * simpler and as fast as tracking single rows). */
int store_rebuild_search(struct store *s, char *err, size_t errlen)
{
	return exec(s,
		    "DELETE FROM search_fts;"
		    "INSERT INTO search_fts (kind, key, name, short_name, purpose) "
		    "SELECT 'c', key, name, short_name, purpose FROM collaboration;"
		    "INSERT INTO search_fts (kind, key, name, short_name, purpose) "
		    "SELECT 'o', code, name, trim(code || ' ' || cbs_code), '' FROM organisation;",
		    "zoekindex bijwerken", err, errlen);
}

/* True when the search index does not hold one row per collaboration and
 * organisation (e.g. data written by an older version). */
static int search_stale(struct store *s, bool *stale)
{
	db_stmt *st = stmt(s, "SELECT (SELECT count(*) FROM search_fts) <> "
			      "(SELECT count(*) FROM collaboration) + "
			      "(SELECT count(*) FROM organisation)");
	if (!st)
		return STORE_ERR;
	int rc = db_step(st);
	*stale = rc == DB_ROW && db_column_int(st, 0) != 0;
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : STORE_ERR;
}

int store_import_seed(struct store *s, const char *dir, const char *actor,
		      struct import_report *rep, char *err, size_t errlen)
{
	struct seed_file *files[SEED_TABLES] = {0};
	struct table_sql sql[SEED_TABLES] = {{0}};
	bool *created = NULL;
	struct import_ctx ix = {s, str_empty(actor) ? "onbekend" : actor, rep, err, errlen};
	int rc;

	memset(rep, 0, sizeof *rep);
	if (err && errlen)
		err[0] = '\0';
	/* everything is read and checked before the database is touched */
	for (int i = 0; i < SEED_TABLES; i++)
		if ((rc = read_seed(dir, &tables[i], &files[i], err, errlen)))
			goto out;
	for (int i = 0; i < SEED_TABLES; i++)
		build_sql(&tables[i], &sql[i]);

	if ((rc = store_tx_begin(s, "import starten", err, errlen)))
		goto out;
	for (int i = 0; i < SEED_TABLES; i++) {
		const struct table_desc *t = &tables[i];
		const struct seed_file *f = files[i];
		bool two_pass = t->seed == SEED_ORGS;
		free(created);
		created = xcalloc((size_t)f->nrows + 1, sizeof *created);
		if (two_pass)
			for (int r = 0; r < f->nrows; r++)
				if ((rc = pre_create(&ix, t, &sql[i], &f->rows[r], &created[r])))
					goto out;
		for (int r = 0; r < f->nrows; r++)
			if ((rc = sync_row(&ix, t, &sql[i], f, &f->rows[r], created[r])))
				goto out;
	}

	bool changed = false, stale = false;
	for (int i = 0; i < SEED_TABLES; i++)
		changed = changed || rep->added[i] || rep->changed[i];
	if ((rc = search_stale(s, &stale))) {
		db_fail(s, "zoekindex controleren", err, errlen);
		goto out;
	}
	if ((changed || stale) && (rc = store_rebuild_search(s, err, errlen)))
		goto out;
	if (changed && (rc = bump_data_version(s, err, errlen)))
		goto out;
	if ((rc = store_tx_commit(s, "import vastleggen", err, errlen)))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK) {
		store_tx_rollback(s);
		memset(rep, 0, sizeof *rep);
	}
	free(created);
	for (int i = 0; i < SEED_TABLES; i++) {
		seed_file_free(files[i]);
		free_sql(&sql[i]);
	}
	return rc;
}

/* ----------------------------------------------------------------- search */

/*
 * Turn free text into an FTS5 query: tokens of ASCII letters/digits and
 * any byte >= 0x80 (UTF-8 letters), each as a quoted prefix "tok"*, joined
 * by spaces (implicit AND). Returns the number of tokens; out is empty when
 * there are none.
 */
static int fts_query(const char *q, int pg, struct buf *out)
{
	int n = 0;
	const unsigned char *p = (const unsigned char *)q;
	while (*p && n < SEARCH_MAX_TOKENS) {
		while (*p && !(*p >= 0x80 || (*p >= '0' && *p <= '9') ||
			       ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			p++;
		const unsigned char *start = p;
		while (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		       ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			p++;
		size_t len = (size_t)(p - start);
		if (len == 0)
			break;
		if (len > SEARCH_MAX_TOKEN_BYTES) { /* cut at a character boundary */
			len = SEARCH_MAX_TOKEN_BYTES;
			while (len > 0 && (start[len] & 0xC0) == 0x80)
				len--;
		}
		/* tokens hold no quotes or operators (see the loops above) */
		if (pg)
			buf_puts(out, n ? " & '" : "'");
		else
			buf_puts(out, n ? " \"" : "\"");
		buf_add(out, start, len);
		buf_puts(out, pg ? "':*" : "\"*");
		n++;
	}
	return n;
}

/*
 * PostgreSQL search: a row matches when the Dutch, unaccented, stemmed
 * document (doc, configuration atlas_nl) matches, or — as SQLite's FTS5
 * does — every word is a prefix of a word in it, unstemmed and unaccented
 * (search_words, configuration atlas_simple), so "parkeer" finds
 * ParkeerService and stop words still count. Both are GIN-indexed
 * (migrations_pg.c). Ranked by the Dutch match first; the unstemmed rank
 * orders only the rows the Dutch document does not match (issue 7:
 * search_words is not stored, and computing it for every match to break
 * ties made q=test on the national registry, 5,178 matches, cost 27 ms
 * instead of 3 ms). ts_headline runs after the LIMIT (PostgreSQL projects
 * costly output columns after Limit/Sort: checked with EXPLAIN VERBOSE).
 */
#define PG_SEARCH_MATCH                                                                            \
	"(doc @@ to_tsquery('atlas_nl', ?1) OR search_words(search_fts.name, short_name, "         \
	"purpose) @@ to_tsquery('atlas_simple', ?1))"

int store_search(struct store *s, const char *query, int limit, int offset,
		 struct search_hit **hits, int *n, int *total)
{
	struct buf q = BUF_INIT;
	struct search_hit *h = NULL;
	int count = 0, cap = 0, rc = STORE_OK;

	*hits = NULL;
	*n = 0;
	*total = 0;
	int pg = s->engine == DB_PG;
	if (!query || !utf8_is_valid(query, strlen(query)) || fts_query(query, pg, &q) == 0 ||
	    q.err)
		goto out;
	if (limit < 0)
		limit = 0;
	if (limit > SEARCH_MAX_LIMIT)
		limit = SEARCH_MAX_LIMIT;
	if (offset < 0)
		offset = 0;

	/* PostgreSQL: the Dutch text search configuration with unaccent
	 * (atlas_nl, migration 1), weights A/B/C for name, short name, purpose */
	db_stmt *st = stmt(s, pg ? "SELECT count(*) FROM search_fts WHERE " PG_SEARCH_MATCH
				 : "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?");
	if (!st) {
		rc = STORE_ERR;
		goto out;
	}
	db_bind_text(st, 1, q.data, (int)q.len, DB_STATIC);
	int src = db_step(st);
	if (src == DB_ROW)
		*total = db_column_int(st, 0);
	db_reset(st);
	if (src != DB_ROW) {
		log_error("store: search count: %s", db_errmsg(s));
		rc = STORE_ERR;
		goto out;
	}
	if (*total == 0 || limit == 0)
		goto out;

	/* names weigh most, then short names, then purposes; the snippet is
	 * the best fragment of the purpose, or the name when there is none.
	 * SQLite computes snippet() only for rows that enter the top-N sorter
	 * of ORDER BY ... LIMIT (after its "not better than the current last"
	 * test; checked with EXPLAIN), not for every match. */
	st = stmt(
	    s,
	    pg ? "SELECT kind, key, name, CASE WHEN purpose <> '' "
		 "THEN ts_headline('atlas_nl', purpose, q, 'StartSel=\"\", StopSel=\"\", "
		 "MaxWords=16, MinWords=15, ShortWord=2, FragmentDelimiter=…') ELSE name END "
		 "FROM search_fts, to_tsquery('atlas_nl', ?1) AS q WHERE " PG_SEARCH_MATCH " "
		 "ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', doc, q) DESC, "
		 "CASE WHEN doc @@ q THEN 0 ELSE ts_rank('{0.1, 0.2, 0.5, 1.0}', "
		 "search_words(search_fts.name, short_name, purpose), "
		 "to_tsquery('atlas_simple', ?1)) END DESC, search_fts.name, search_fts.key "
		 "LIMIT ?2 OFFSET ?3"
	       : "SELECT kind, key, name, CASE WHEN purpose <> '' "
		 "THEN snippet(search_fts, 4, '', '', '…', 16) ELSE name END "
		 "FROM search_fts WHERE search_fts MATCH ?1 "
		 "ORDER BY bm25(search_fts, 0.0, 0.0, 10.0, 5.0, 1.0), name LIMIT ?2 OFFSET ?3");
	if (!st) {
		rc = STORE_ERR;
		goto out;
	}
	db_bind_text(st, 1, q.data, (int)q.len, DB_STATIC);
	db_bind_int(st, 2, limit);
	db_bind_int(st, 3, offset);
	while ((src = db_step(st)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			h = xreallocarray(h, (size_t)cap, sizeof *h);
		}
		struct search_hit *x = &h[count++];
		x->kind = col_text(st, 0)[0] == 'o' ? 'o' : 'c';
		x->key = xstrdup(col_text(st, 1));
		x->name = xstrdup(col_text(st, 2));
		x->snippet = xstrdup(col_text(st, 3));
	}
	db_reset(st);
	if (src != DB_DONE) {
		log_error("store: search: %s", db_errmsg(s));
		store_search_free(h, count);
		h = NULL;
		count = 0;
		*total = 0;
		rc = STORE_ERR;
		goto out;
	}
	*hits = h;
	*n = count;
	h = NULL;
out:
	buf_free(&q);
	return rc;
}

void store_search_free(struct search_hit *hits, int n)
{
	if (!hits)
		return;
	for (int i = 0; i < n; i++) {
		free(hits[i].key);
		free(hits[i].name);
		free(hits[i].snippet);
	}
	free(hits);
}

/* ------------------------------------------------------------------ check */

struct findings {
	struct check_finding *f;
	int n, cap;
};

static void add_finding(struct findings *fs, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_finding(struct findings *fs, const char *kind, const char *fmt, ...)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->f = xreallocarray(fs->f, (size_t)fs->cap, sizeof *fs->f);
	}
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *msg = buf_detach(&b, NULL);
	buf_free(&b);
	fs->f[fs->n].kind = xstrdup(kind);
	fs->f[fs->n].message = msg ? msg : xstrdup("");
	fs->n++;
}

enum check_kind { CHK_NO_ORG, CHK_NO_COLLAB, CHK_EMPTY, CHK_ENDED, CHK_COUNT };

static const char *const check_sql[CHK_COUNT] = {
    [CHK_NO_ORG] = "SELECT p.id, p.organisation_id, coalesce(c.name, ''), coalesce(c.key, '') "
		   "FROM participation p "
		   "LEFT JOIN organisation o ON o.id = p.organisation_id "
		   "LEFT JOIN collaboration c ON c.id = p.collaboration_id "
		   "WHERE o.id IS NULL ORDER BY p.id",
    [CHK_NO_COLLAB] = "SELECT p.id, p.collaboration_id, coalesce(o.name, ''), "
		      "coalesce(o.code, '') FROM participation p "
		      "LEFT JOIN collaboration c ON c.id = p.collaboration_id "
		      "LEFT JOIN organisation o ON o.id = p.organisation_id "
		      "WHERE c.id IS NULL ORDER BY p.id",
    [CHK_EMPTY] = "SELECT c.name, c.key FROM collaboration c "
		  "WHERE c.phase <> 'beeindigd' AND (c.end_date = '' OR c.end_date > ?1) "
		  "AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.collaboration_id = c.id "
		  "AND (p.left_on = '' OR p.left_on > ?1)) ORDER BY c.name, c.key",
    [CHK_ENDED] = "SELECT o.name, o.code, c.name, c.key FROM participation p "
		  "JOIN organisation o ON o.id = p.organisation_id "
		  "JOIN collaboration c ON c.id = p.collaboration_id "
		  "WHERE (o.ended = 1 OR (o.valid_to <> '' AND o.valid_to <= ?1)) "
		  "AND p.left_on = '' AND c.phase <> 'beeindigd' "
		  "AND (c.end_date = '' OR c.end_date > ?1) ORDER BY o.name, c.name",
};

int store_check(struct store *s, const char *today, struct check_finding **out, int *n)
{
	struct findings fs = {0};
	int rc = STORE_OK;

	*out = NULL;
	*n = 0;
	if (store_tx_begin_read(s, "controle", NULL, 0))
		return STORE_ERR;
	for (int k = 0; k < CHK_COUNT && rc == STORE_OK; k++) {
		db_stmt *st = stmt(s, check_sql[k]);
		if (!st) {
			rc = STORE_ERR;
			break;
		}
		if (k == CHK_EMPTY || k == CHK_ENDED)
			db_bind_text(st, 1, today, -1, DB_STATIC);
		int src;
		while ((src = db_step(st)) == DB_ROW) {
			long long id = db_column_int64(st, 0);
			const char *a = col_text(st, 0), *b = col_text(st, 1);
			switch (k) {
			case CHK_NO_ORG:
				add_finding(&fs, "onbekende-deelnemer",
					    "Deelname %lld aan '%s' (%s) verwijst naar organisatie "
					    "%lld, die niet bestaat.",
					    id, col_text(st, 2), col_text(st, 3),
					    (long long)db_column_int64(st, 1));
				break;
			case CHK_NO_COLLAB:
				add_finding(&fs, "onbekend-verband",
					    "Deelname %lld van '%s' (%s) verwijst naar "
					    "samenwerkingsverband %lld, dat niet bestaat.",
					    id, col_text(st, 2), col_text(st, 3),
					    (long long)db_column_int64(st, 1));
				break;
			case CHK_EMPTY:
				add_finding(
				    &fs, "zonder-deelnemers",
				    "Samenwerkingsverband '%s' (%s) is actief maar heeft geen "
				    "huidige deelnemers.",
				    a, b);
				break;
			default:
				add_finding(
				    &fs, "beeindigde-deelnemer",
				    "Organisatie '%s' (%s) is beëindigd maar neemt nog deel "
				    "aan '%s' (%s).",
				    a, b, col_text(st, 2), col_text(st, 3));
			}
		}
		db_reset(st);
		if (src != DB_DONE) {
			log_error("store: check: %s", db_errmsg(s));
			rc = STORE_ERR;
		}
	}
	store_tx_rollback(s);
	if (rc != STORE_OK) {
		store_check_free(fs.f, fs.n);
		return rc;
	}
	*out = fs.f;
	*n = fs.n;
	return STORE_OK;
}

void store_check_free(struct check_finding *f, int n)
{
	if (!f)
		return;
	for (int i = 0; i < n; i++) {
		free(f[i].kind);
		free(f[i].message);
	}
	free(f);
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
	if (pthread_setspecific(thread_key, s) != 0) {
		log_error("store: pthread_setspecific failed");
		store_close(s);
		return NULL;
	}
	return s;
}
