/*
 * readmodel — the one holder of the in-memory read model: the current
 * snapshot, its reload, dated snapshots for time travel (?peildatum=) and
 * small caches of per-version analyses, all shared between request threads
 * with one reference-counting primitive (struct rm_shared).
 *
 * The current snapshot is brought up to date
 *   - right after a write in this process (app_after_write), so the next
 *     request (post/redirect/get) reads the change;
 *   - when another process committed a write: on PostgreSQL a thread waits
 *     on LISTEN atlas_data and reloads within milliseconds; on both engines
 *     readmodel_acquire checks the data version at most once a second;
 *   - when the date changes ("active" depends on the date).
 * Up to date means: the rows journalled since its version are re-read
 * (store_load_changes) and applied to it (domain/snapshot_delta.h), which
 * yields a new snapshot sharing everything unchanged with the previous one;
 * a full load when that cannot be done (a new date, a lost LISTEN
 * connection, a change only a rebuild applies, a long chain of derived
 * snapshots). With ATLAS_CHECK_INCREMENTAL=1 every derived snapshot is
 * compared with a full load and a difference aborts the process (tests).
 * Only one thread refreshes at a time; readers keep the snapshot they hold.
 *
 * Dated snapshots and analyses live in an rm_cache: a few entries keyed by
 * a string and the snapshot (data) version they were built for, built once
 * (one build per cache at a time; other askers wait and share the result),
 * evicted oldest version first, then least recently used. An entry still in
 * use when evicted lives on until its last holder releases it.
 *
 * What it does not do: HTTP (http/server.c hands the current snapshot to
 * each request), parsing request parameters or writing error replies (the
 * handlers do), SQL (it calls the store's snapshot loader and data version).
 * Takes plain values only. Thread-safe unless said otherwise.
 */
#ifndef ATLAS_READMODEL_H
#define ATLAS_READMODEL_H

#include "../domain/model.h"

struct snapshot_delta;

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- the reference-counting primitive ------------------------------------ */

/* A shared, immutable object (a snapshot or an analysis result) with a
 * reference count, the data version it belongs to and a key. */
struct rm_shared;

/*
 * Wrap value (owned from now on; free_value(value) runs when the last
 * reference goes) with one reference for the caller. key is copied (NULL
 * means ""). Never NULL (aborts on out-of-memory).
 */
struct rm_shared *rm_shared_new(void *value, void (*free_value)(void *), uint64_t version,
				const char *key);
/* The wrapped object (valid while a reference is held). */
void *rm_shared_value(const struct rm_shared *h);
/* The version it was created with. */
uint64_t rm_shared_version(const struct rm_shared *h);
/* Take one more reference; the caller must already hold one. */
void rm_shared_hold(struct rm_shared *h);
/* Drop one reference; the last one frees. rm_shared_release(NULL) is a no-op.
 * Usable as an arena_on_free callback through rm_shared_release_cb. */
void rm_shared_release(struct rm_shared *h);
void rm_shared_release_cb(void *h);

/* ---- keyed caches of shared objects ---------------------------------------- */

struct rm_cache;

/* Build the object for a cache miss: 0 with *value and *version set, or -1
 * (message in err). arg is rm_cache_get's. */
typedef int (*rm_build_fn)(void *arg, void **value, uint64_t *version, char *err, size_t errlen);

/* A cache of at most capacity (>= 1) entries that the read model frees at
 * readmodel_stop (or the caller with rm_cache_free). Never NULL. */
struct rm_cache *rm_cache_new(int capacity);
/* Drop the cache's references (objects still held live on) and free it.
 * NULL is a no-op. Not while other threads use the cache. */
void rm_cache_free(struct rm_cache *c);

/*
 * The entry for key, with a reference for the caller (release it with
 * rm_shared_release). An entry matches when its version equals `version`,
 * or, with newer_ok, is at least `version`. On a miss, build(arg) runs (one
 * build per cache at a time) and the result is stored with free_value.
 * Returns NULL when the build failed (message in err).
 */
struct rm_shared *rm_cache_get(struct rm_cache *c, const char *key, uint64_t version, bool newer_ok,
			       rm_build_fn build, void (*free_value)(void *), void *arg, char *err,
			       size_t errlen);
/* Number of entries in the cache (tests). */
int rm_cache_count(struct rm_cache *c);

/* ---- the current snapshot --------------------------------------------------- */

/* Where snapshots come from. readmodel_start(NULL, ...) uses the store of
 * the calling thread (store_thread): store_load_snapshot and
 * store_data_version. Tests pass their own. */
struct readmodel_loader {
	/* A finished snapshot for date (its derived fields as of that date),
	 * owned by the caller; 0 or -1 (message in err). */
	int (*load)(const char *date, struct snapshot **out, char *err, size_t errlen);
	/* The data version committed now; 0 or -1. */
	int (*data_version)(uint64_t *version);
	/* Today's date (YYYY-MM-DD); NULL = the local date (today_iso). */
	void (*today)(char out[11]);
	/* What changed since version `since` (store_load_changes): 0 with
	 * *out set, or with *out NULL when only a full load can catch up;
	 * -1 on failure. NULL: every refresh is a full load. */
	int (*changes)(uint64_t since, struct snapshot_delta **out, char *err, size_t errlen);
};

/*
 * Load the first snapshot and, when listen_url is a PostgreSQL URL, start
 * the LISTEN thread on it (NULL: no listener). loader NULL = the store.
 * Returns 0, or -1 (logged) when the snapshot or the listener failed.
 */
int readmodel_start(const struct readmodel_loader *loader, const char *listen_url);
/* Stop the listener and free the current snapshot and every cache made
 * with readmodel_cache (objects still held are freed by their last user). */
void readmodel_stop(void);

/*
 * The current snapshot with a reference for the caller (reloaded first when
 * the date changed or another process wrote, checked at most once a
 * second). Never NULL after readmodel_start. *hold gets the reference; drop
 * it with rm_shared_release.
 */
const struct snapshot *readmodel_acquire(struct rm_shared **hold);

/*
 * After a committed write in this process: rebuild the current snapshot
 * now, so the next request (post/redirect/get) and readmodel_acquire see the
 * change. The one path from a write to the read model; every write handler
 * calls it once after its transaction committed.
 */
void app_after_write(void);

/* Refreshes so far: full loads and derived (incremental) snapshots. */
void readmodel_counts(unsigned long long *full, unsigned long long *incremental);

/*
 * atlas check: load the registry fully and derive it again the incremental
 * way — every record re-applied, and the records of the last writes named
 * by the change journal — comparing field by field. 0 with a summary in
 * report, or -1 with the first difference (or the failure).
 */
struct store;
int readmodel_verify(struct store *st, const char *today, char *report, size_t reportlen);

/* ---- time travel --------------------------------------------------------------- */

enum {
	READMODEL_ERR_LOAD = -1,   /* the dated snapshot could not be built (logged) */
	READMODEL_ERR_DATE = -2,   /* not a date YYYY-MM-DD */
	READMODEL_ERR_FUTURE = -3, /* after today */
};

/*
 * The registry as it was on date (YYYY-MM-DD, today or earlier): a snapshot
 * with today's attributes whose derived fields follow snapshot_at(date),
 * built from data at least as new as `now` (the caller's current snapshot).
 * Up to four dates are cached. Returns 0 with *out and *hold set (release
 * with rm_shared_release), or a READMODEL_ERR_* code (*msg: a Dutch
 * sentence for the reply).
 */
int readmodel_at(const struct snapshot *now, const char *date, const struct snapshot **out,
		 struct rm_shared **hold, const char **msg);

/* ---- per-version analyses -------------------------------------------------------- */

/*
 * The cache in *slot, made with capacity on first use: for derived data of
 * a snapshot version (see rm_cache_get). readmodel_stop frees it and sets
 * *slot back to NULL. Never NULL.
 */
struct rm_cache *readmodel_cache(struct rm_cache **slot, int capacity);

/* Hand memory freed by a large object back to the system (glibc keeps what
 * a thread's arena freed). A no-op elsewhere. */
void readmodel_trim(void);

#endif
