/*
 * store — the persistence interface. Pages and API never talk SQL: they read
 * the snapshot (domain/model.h) and call these functions. They are written
 * once (store.c, store_write.c, store_auth.c, store_people.c, store_roo.c,
 * store_calendar.c) against the statement driver db.h, which runs them on
 * SQLite (db.c) or on PostgreSQL (store_pg.c, libpq).
 *
 * One struct store is one database connection and is used by one thread at a
 * time. Every write happens in one transaction together with its audit_event
 * rows. All functions return 0 on success or a negative STORE_ERR_* code and,
 * where they take err/errlen, a Dutch message suitable for the CLI or a page.
 */
#ifndef ATLAS_STORE_H
#define ATLAS_STORE_H

#include "../domain/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The result of every store function: STORE_OK or a negative error. */
enum store_result {
	STORE_OK = 0,
	STORE_ERR = -1,		/* internal fault (I/O, SQL) */
	STORE_ERR_INVALID = -2, /* input rejected; err says why */
	STORE_ERR_NOTFOUND = -3,
	STORE_ERR_SCHEMA = -4,	 /* database schema older/newer than this binary */
	STORE_ERR_CONFLICT = -5, /* the record changed since the client read it */
};

struct store;
struct arena;

/*
 * Open the database at path: a SQLite file (created when missing, with its
 * directory; WAL, foreign_keys=ON, synchronous=FULL, busy_timeout), or a
 * PostgreSQL database when path is a "postgres://" or "postgresql://" URL
 * (store_pg.c). Does not migrate. *out is freed with store_close. Error
 * messages never contain the URL (it may hold a password).
 */
int store_open(const char *path, struct store **out, char *err, size_t errlen);
/* Close; store_close(NULL) is a no-op. */
void store_close(struct store *s);

/* Is path a PostgreSQL URL? */
int store_path_is_pg(const char *path);
/* path for messages and logs: a URL's password (user:PASSWORD@ or
 * password=…) replaced by "***"; a file path as it is. */
void store_path_display(const char *path, char *out, size_t n);
/* 1 when the database cannot be reached right now (a lost PostgreSQL
 * connection that could not be re-established): answer 503, not 500. */
int store_unreachable(struct store *s);

/*
 * PostgreSQL change notification: every committed write sends NOTIFY on
 * STORE_NOTIFY_CHANNEL. A listener holds its own connection; wait returns
 * NOTIFIED (something changed), RESUMED (the listener reconnected and may
 * have missed changes), TIMEOUT, or LOST (connection gone; the next wait
 * retries).
 */
#define STORE_NOTIFY_CHANNEL "atlas_data"
struct store_listener;
enum {
	STORE_LISTEN_TIMEOUT = 0,
	STORE_LISTEN_NOTIFIED = 1,
	STORE_LISTEN_RESUMED = 2, /* reconnected: notifications may have been missed */
	STORE_LISTEN_LOST = -1
};
int store_listen_open(const char *url, struct store_listener **out, char *err, size_t errlen);
int store_listen_wait(struct store_listener *l, int timeout_ms);
void store_listen_close(struct store_listener *l);

/* Apply pending migrations in one transaction each; *applied counts them. */
int store_migrate(struct store *s, int *applied, char *err, size_t errlen);
/* STORE_OK when the schema is current, STORE_ERR_SCHEMA otherwise. */
int store_check_schema(struct store *s, char *err, size_t errlen);

/* Monotonic data version, bumped by every committed write transaction. */
int store_data_version(struct store *s, uint64_t *out);
/* The data version the last write committed on this connection wrote (0 =
 * none yet): a read model at this version or later holds that write. */
uint64_t store_wrote_version(const struct store *s);

/* Build a full snapshot (domain/snapshot.h) for the date `today`. */
int store_load_snapshot(struct store *s, const char *today, struct snapshot **out, char *err,
			size_t errlen);

/*
 * What changed since data version `since`, from the change journal: *out
 * gets the current rows of every changed organisation, collaboration and
 * participation and the ids of removed ones (domain/snapshot_delta.h), read
 * in one read transaction with the version they belong to. *out stays NULL
 * (and STORE_OK is returned) when only a full load can catch up: more than
 * max_rows changed rows, or the journal was pruned past `since`.
 */
struct snapshot_delta;
int store_load_changes(struct store *s, uint64_t since, int max_rows, struct snapshot_delta **out,
		       char *err, size_t errlen);

/* What a seed import did, per table. */
enum seed_table { SEED_SOURCES, SEED_DOMAINS, SEED_ORGS, SEED_COLLABS, SEED_PARTS, SEED_TABLES };
struct import_report {
	int added[SEED_TABLES];
	int changed[SEED_TABLES];
	int unchanged[SEED_TABLES];
};
extern const char *const seed_table_names[SEED_TABLES]; /* "sources", ... file stems */

/*
 * Import the seed CSV files from dir (data/seed) in ONE transaction: insert
 * new rows, update changed ones, leave equal ones untouched; one audit_event
 * per insert/update with actor and source "seed". Idempotent. On any
 * invalid row nothing is written and err names the file, line and reason
 * (STORE_ERR_INVALID).
 */
int store_import_seed(struct store *s, const char *dir, const char *actor,
		      struct import_report *rep, char *err, size_t errlen);

/* One full-text search result. Strings are owned by the hit array. */
struct search_hit {
	char kind;	 /* 'c' collaboration, 'o' organisation */
	const char *key; /* collaboration key or organisation code */
	const char *name;
	const char *snippet; /* plain text with the match, may be empty; NOT escaped */
};

/*
 * Full-text search (FTS5, unicode61 remove_diacritics 2) over names, short
 * names and purposes. The query is free text from a user: it is tokenised
 * and every token is matched as a quoted prefix, so FTS syntax cannot be
 * injected. Case and diacritics are ignored ("Zeïst" finds "Zeist").
 * Returns at most limit hits from offset; *total is the full count. The
 * hits and their text live in arena a.
 */
int store_search(struct store *s, struct arena *a, const char *query, int limit, int offset,
		 struct search_hit **hits, int *n, int *total);

/* A consistency finding for `atlas check`. */
struct check_finding {
	char *kind;    /* "onbekende-deelnemer", "zonder-deelnemers", "beeindigde-deelnemer", ... */
	char *message; /* Dutch, one line */
};
/*
 * Data consistency report: participations whose organisation or
 * collaboration does not exist, collaborations without participants, ended
 * organisations still participating in active collaborations. Free with
 * store_check_free.
 */
int store_check(struct store *s, const char *today, struct check_finding **out, int *n);
void store_check_free(struct check_finding *f, int n);

/*
 * Per-thread connection for request handlers: opens (once per thread) the
 * database set with store_thread_setup; closed automatically when the
 * thread ends. NULL on failure (logged).
 */
void store_thread_setup(const char *path);
struct store *store_thread(void);

/*
 * Close the calling thread's connection now (if it has one); the next
 * store_thread() on this thread opens a new one. For the main thread, whose
 * key destructor never runs (exit() does not run it): the server calls this
 * at shutdown so SQLite's memory is freed before exit (valgrind, LSan).
 */
void store_thread_release(void);

#endif
