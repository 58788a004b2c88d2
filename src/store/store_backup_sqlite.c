/*
 * store_backup_sqlite — store_backup.h for SQLite: the health probe, the
 * online backup and the restore.
 *
 * Backup: a read-only connection to the live database and
 * sqlite3_backup_step(-1), which copies every page inside one read
 * transaction: in WAL mode the server keeps writing meanwhile and the copy
 * is the state of one moment. The copy goes to a temporary name beside the
 * destination, is switched to rollback-journal mode (a single file),
 * checked and synced, and then linked to its final name (link() refuses an
 * existing name atomically; rename() when overwriting is allowed).
 *
 * Restore: the backup is checked first (opened read-only: integrity_check,
 * user_version, the meta table). Then the live database is switched out of
 * WAL mode, which SQLite only allows when no other connection has it open
 * (a running `atlas serve` always keeps one), and locked with BEGIN
 * EXCLUSIVE. The backup is copied to a temporary name, the old file gets a
 * second name <db>.voor-herstel and the copy is renamed over the database.
 *
 * Not here: the CLI wording (main.c), PostgreSQL.
 */
#include "store_backup.h"
#include "../lib/log.h"
#include "migrations.h"
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STORE_BUSY_MS 5000 /* the busy timeout store_open sets (store.c) */
#define LOCK_WAIT_MS 2000  /* how long a restore waits for the live database */

/* ------------------------------------------------------------ health probe */

/* ------------------------------------------------------------ shared bits */

/* Open path without creating it. read_only: SQLITE_OPEN_READONLY. */
static int open_db(const char *path, bool read_only, sqlite3 **db, char *err, size_t errlen)
{
	*db = NULL;
	int flags =
	    (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, db, flags, NULL) != SQLITE_OK) {
		store_set_err(err, errlen, "%s kan niet worden geopend: %s", path,
			      *db ? sqlite3_errmsg(*db) : "geen geheugen");
		sqlite3_close_v2(*db);
		*db = NULL;
		return STORE_ERR;
	}
	sqlite3_extended_result_codes(*db, 1);
	sqlite3_busy_timeout(*db, STORE_BUSY_MS);
	return STORE_OK;
}

/* First column of the first row of sql as int64 (text: into txt when given). */
static int query1(sqlite3 *db, const char *sql, long long *num, char *txt, size_t txtlen)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (num)
			*num = sqlite3_column_int64(st, 0);
		if (txt) {
			const unsigned char *t = sqlite3_column_text(st, 0);
			snprintf(txt, txtlen, "%s", t ? (const char *)t : "");
		}
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_NOTFOUND;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Is db an intact (PRAGMA integrity_check) atlas database whose schema is
 * not newer than this binary? Fills info; what names the file in messages.
 */
static int verify_db(sqlite3 *db, const char *what, struct store_backup_info *info, char *err,
		     size_t errlen)
{
	char res[256] = "";
	int rc = query1(db, "PRAGMA integrity_check(1)", NULL, res, sizeof res);
	if (rc == SQLITE_NOTADB || (rc & 0xff) == SQLITE_NOTADB) {
		store_set_err(err, errlen, "%s is geen SQLite-database", what);
		return STORE_ERR_INVALID;
	}
	if (rc != SQLITE_OK) {
		store_set_err(err, errlen, "%s kan niet worden gelezen: %s", what,
			      sqlite3_errmsg(db));
		return STORE_ERR_INVALID;
	}
	if (strcmp(res, "ok") != 0) {
		store_set_err(err, errlen, "%s is beschadigd (integrity_check: %s)", what, res);
		return STORE_ERR_INVALID;
	}
	long long v = 0, dv = 0;
	if (query1(db, "PRAGMA user_version", &v, NULL, 0) != SQLITE_OK || v <= 0 ||
	    query1(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'", &dv,
		   NULL, 0) != SQLITE_OK) {
		store_set_err(err, errlen,
			      "%s is geen database van de Samenwerkingsatlas (geen schemaversie of "
			      "tabel meta)",
			      what);
		return STORE_ERR_INVALID;
	}
	info->schema_version = (int)v;
	info->data_version = (uint64_t)dv;
	if (v > store_migration_count) {
		store_set_err(err, errlen,
			      "%s heeft schemaversie %lld, nieuwer dan dit programma (%d); gebruik "
			      "een nieuwere versie van atlas",
			      what, v, store_migration_count);
		return STORE_ERR_SCHEMA;
	}
	return STORE_OK;
}

/* fsync the file at path (and, with dir, its directory). */
static int sync_path(const char *path, bool dir)
{
	char *copy = strdup(path);
	if (!copy)
		return -1;
	const char *target = dir ? dirname(copy) : path;
	int fd = open(target, O_RDONLY | (dir ? O_DIRECTORY : 0));
	int rc = -1;
	if (fd >= 0) {
		rc = fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

/* Copy the whole database src_db into a new file at path (removed first
 * when a stale temp file is there); single-file journal mode; verified. */
static int copy_to_new_file(sqlite3 *src_db, const char *path, const char *what,
			    struct store_backup_info *info, char *err, size_t errlen)
{
	unlink(path);
	sqlite3 *dst = NULL;
	int rc = STORE_ERR;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		store_set_err(err, errlen, "%s kan niet worden gemaakt: %s", path,
			      dst ? sqlite3_errmsg(dst) : "geen geheugen");
		goto out;
	}
	sqlite3_busy_timeout(dst, STORE_BUSY_MS);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src_db, "main");
	if (!b) {
		store_set_err(err, errlen, "kopie starten mislukt: %s", sqlite3_errmsg(dst));
		goto out;
	}
	int step = sqlite3_backup_step(b, -1);
	int fin = sqlite3_backup_finish(b);
	if (step != SQLITE_DONE || fin != SQLITE_OK) {
		store_set_err(err, errlen, "kopiëren mislukt: %s",
			      step == SQLITE_DONE ? sqlite3_errmsg(dst) : sqlite3_errstr(step));
		goto out;
	}
	char mode[32] = "";
	if (query1(dst, "PRAGMA journal_mode = DELETE", NULL, mode, sizeof mode) != SQLITE_OK ||
	    strcmp(mode, "delete") != 0) {
		store_set_err(err, errlen, "journaalmodus van de kopie zetten mislukt: %s",
			      sqlite3_errmsg(dst));
		goto out;
	}
	rc = verify_db(dst, what, info, err, errlen);
out:
	if (dst && sqlite3_close(dst) != SQLITE_OK && rc == STORE_OK) {
		store_set_err(err, errlen, "%s sluiten mislukt", path);
		rc = STORE_ERR;
	}
	if (rc == STORE_OK && sync_path(path, false) != 0) {
		store_set_err(err, errlen, "%s wegschrijven mislukt: %s", path, strerror(errno));
		rc = STORE_ERR;
	}
	if (rc == STORE_OK) {
		struct stat sb;
		info->bytes = stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
	} else {
		unlink(path);
	}
	return rc;
}

/* Give tmp the name final: link+unlink refuses an existing final, rename
 * replaces it. */
static int install(const char *tmp, const char *final, bool replace, char *err, size_t errlen)
{
	if (replace) {
		if (rename(tmp, final) != 0)
			goto fail;
	} else {
		if (link(tmp, final) != 0) {
			if (errno == EEXIST) {
				store_set_err(err, errlen,
					      "%s bestaat al; kies een andere naam of gebruik "
					      "--overschrijven",
					      final);
				unlink(tmp);
				return STORE_ERR_INVALID;
			}
			goto fail;
		}
		unlink(tmp);
	}
	sync_path(final, true);
	return STORE_OK;
fail:
	store_set_err(err, errlen, "%s kan niet de naam %s krijgen: %s", tmp, final,
		      strerror(errno));
	unlink(tmp);
	return STORE_ERR;
}

/* base + suffix (+ the process id when with_pid); malloc'd, NULL when out
 * of memory. */
static char *name_with(const char *base, const char *suffix, bool with_pid)
{
	size_t n = strlen(base) + strlen(suffix) + 32;
	char *p = malloc(n);
	if (!p)
		return NULL;
	if (with_pid)
		snprintf(p, n, "%s%s%ld", base, suffix, (long)getpid());
	else
		snprintf(p, n, "%s%s", base, suffix);
	return p;
}

/* ------------------------------------------------------------------ backup */

/* PostgreSQL has its own online backup tools; we do not reinvent them. */
static int pg_refuse(char *err, size_t errlen)
{
	store_set_err(err, errlen,
		      "dit is een PostgreSQL-database: maak en herstel reservekopieën met "
		      "pg_dump en pg_restore (zie docs/DEPLOYMENT.md)");
	return STORE_ERR_INVALID;
}

int store_backup(const char *db_path, const char *dest, bool overwrite,
		 struct store_backup_info *info, char *err, size_t errlen)
{
	memset(info, 0, sizeof *info);
	if (db_is_pg_url(db_path))
		return pg_refuse(err, errlen);
	if (!dest || !*dest) {
		store_set_err(err, errlen, "geef het bestand voor de reservekopie op");
		return STORE_ERR_INVALID;
	}
	if (!overwrite && access(dest, F_OK) == 0) {
		store_set_err(err, errlen,
			      "%s bestaat al; kies een andere naam of gebruik --overschrijven",
			      dest);
		return STORE_ERR_INVALID;
	}
	if (access(db_path, F_OK) != 0) {
		store_set_err(err, errlen, "database %s bestaat niet", db_path);
		return STORE_ERR_INVALID;
	}
	sqlite3 *src = NULL;
	char *tmp = NULL;
	int rc = open_db(db_path, false, &src, err, errlen);
	if (rc != STORE_OK)
		goto out;
	rc = STORE_ERR;
	tmp = name_with(dest, ".tmp-", true);
	if (!tmp) {
		store_set_err(err, errlen, "geen geheugen");
		goto out;
	}
	rc = copy_to_new_file(src, tmp, db_path, info, err, errlen);
	if (rc == STORE_OK)
		rc = install(tmp, dest, overwrite, err, errlen);
out:
	sqlite3_close_v2(src);
	free(tmp);
	return rc;
}

/* ----------------------------------------------------------------- restore */

int store_restore(const char *db_path, const char *src, bool overwrite_prev,
		  struct store_backup_info *info, char *err, size_t errlen)
{
	memset(info, 0, sizeof *info);
	if (db_is_pg_url(db_path))
		return pg_refuse(err, errlen);
	sqlite3 *bak = NULL, *live = NULL;
	char *tmp = NULL, *prev = NULL, *wal = NULL;
	int rc = STORE_ERR_INVALID;
	struct stat sb_src, sb_db;
	if (!src || !*src) {
		store_set_err(err, errlen, "geef de reservekopie op die terug moet");
		return STORE_ERR_INVALID;
	}
	if (stat(src, &sb_src) != 0 || !S_ISREG(sb_src.st_mode)) {
		store_set_err(err, errlen, "%s bestaat niet of is geen gewoon bestand", src);
		return STORE_ERR_INVALID;
	}
	bool have_db = stat(db_path, &sb_db) == 0;
	if (have_db && sb_db.st_dev == sb_src.st_dev && sb_db.st_ino == sb_src.st_ino) {
		store_set_err(err, errlen, "%s is de database zelf", src);
		return STORE_ERR_INVALID;
	}
	prev = name_with(db_path, ".voor-herstel", false);
	tmp = name_with(db_path, ".herstel-", true);
	wal = name_with(db_path, "-wal", false);
	if (!prev || !tmp || !wal) {
		store_set_err(err, errlen, "geen geheugen");
		rc = STORE_ERR;
		goto out;
	}
	/* 1. the backup: readable, intact, ours, not newer */
	if ((rc = open_db(src, true, &bak, err, errlen)) != STORE_OK)
		goto out;
	if ((rc = verify_db(bak, src, info, err, errlen)) != STORE_OK)
		goto out;

	if (have_db && !overwrite_prev && access(prev, F_OK) == 0) {
		store_set_err(
		    err, errlen,
		    "%s bestaat al (van een eerder herstel); verplaats het eerst of gebruik "
		    "--overschrijven",
		    prev);
		rc = STORE_ERR_INVALID;
		goto out;
	}

	/* 2. the live database: nobody else may have it open */
	if (have_db) {
		if ((rc = open_db(db_path, false, &live, err, errlen)) != STORE_OK)
			goto out;
		sqlite3_busy_timeout(live, LOCK_WAIT_MS);
		char mode[32] = "";
		int q = query1(live, "PRAGMA journal_mode = DELETE", NULL, mode, sizeof mode);
		if (q != SQLITE_OK || strcmp(mode, "delete") != 0 ||
		    sqlite3_exec(live, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK) {
			store_set_err(
			    err, errlen,
			    "database %s is in gebruik (draait atlas serve nog?); stop eerst "
			    "de server",
			    db_path);
			rc = STORE_ERR_INVALID;
			goto out;
		}
		if (access(wal, F_OK) == 0) {
			store_set_err(err, errlen,
				      "%s bestaat nog naast de database; stop eerst de server",
				      wal);
			rc = STORE_ERR_INVALID;
			goto out;
		}
	}

	/* 3. copy, keep the old file under a second name, put the copy in place */
	struct store_backup_info copied;
	if ((rc = copy_to_new_file(bak, tmp, src, &copied, err, errlen)) != STORE_OK)
		goto out;
	info->bytes = copied.bytes;
	if (have_db) {
		if (overwrite_prev)
			unlink(prev);
		if (link(db_path, prev) != 0) {
			store_set_err(err, errlen, "%s kan niet worden bewaard als %s: %s", db_path,
				      prev, strerror(errno));
			unlink(tmp);
			rc = STORE_ERR;
			goto out;
		}
	}
	if (rename(tmp, db_path) != 0) {
		store_set_err(err, errlen, "%s kan niet worden vervangen: %s", db_path,
			      strerror(errno));
		unlink(tmp);
		if (have_db)
			unlink(prev);
		rc = STORE_ERR;
		goto out;
	}
	sync_path(db_path, true);
	rc = STORE_OK;
out:
	if (live) {
		sqlite3_exec(live, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(live);
	}
	sqlite3_close_v2(bak);
	free(tmp);
	free(prev);
	free(wal);
	return rc;
}
