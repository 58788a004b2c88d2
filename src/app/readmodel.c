/*
 * readmodel — see readmodel.h.
 *
 * Locking: a reference count is atomic, so dropping a reference takes no
 * lock. Taking one needs the pointer that holds the object to stay put
 * until the count went up, so the current snapshot is read under cur_mu and
 * a cache entry under its cache's mutex; whoever replaces or evicts an
 * object drops that holder's reference after unlocking, so the last release
 * (which may free ~10 MB and trim the heap) never runs under a lock.
 */
#include "readmodel.h"
#include "../domain/snapshot.h"
#include "../domain/snapshot_delta.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "../store/store.h"

#include <pthread.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim */
#endif

/* ---- the reference-counting primitive ------------------------------------ */

struct rm_shared {
	atomic_int refs;
	void *value;
	void (*free_value)(void *);
	uint64_t version; /* the data version it belongs to */
	char *key;
	uint64_t used; /* last use, in its cache's ticks (guarded by the cache) */
};

struct rm_shared *rm_shared_new(void *value, void (*free_value)(void *), uint64_t version,
				const char *key)
{
	struct rm_shared *h = xcalloc(1, sizeof *h);
	atomic_init(&h->refs, 1);
	h->value = value;
	h->free_value = free_value;
	h->version = version;
	h->key = xstrdup(key ? key : "");
	return h;
}

void *rm_shared_value(const struct rm_shared *h)
{
	return h->value;
}

uint64_t rm_shared_version(const struct rm_shared *h)
{
	return h->version;
}

void rm_shared_hold(struct rm_shared *h)
{
	atomic_fetch_add_explicit(&h->refs, 1, memory_order_relaxed);
}

void rm_shared_release(struct rm_shared *h)
{
	if (!h || atomic_fetch_sub_explicit(&h->refs, 1, memory_order_acq_rel) != 1)
		return;
	if (h->free_value)
		h->free_value(h->value);
	free(h->key);
	free(h);
}

void rm_shared_release_cb(void *h)
{
	rm_shared_release(h);
}

/* ---- keyed caches ------------------------------------------------------------ */

struct rm_cache {
	pthread_mutex_t mu;	  /* slots, ticks */
	pthread_mutex_t build_mu; /* one build at a time */
	int capacity;
	struct rm_shared **slots; /* capacity entries, NULL = free */
	uint64_t tick;
	struct rm_cache *next;	/* in the read model's list (readmodel_cache) */
	struct rm_cache **slot; /* where the owner keeps it (set to NULL at stop) */
};

struct rm_cache *rm_cache_new(int capacity)
{
	struct rm_cache *c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->mu, NULL);
	pthread_mutex_init(&c->build_mu, NULL);
	c->capacity = capacity > 0 ? capacity : 1;
	c->slots = xcalloc((size_t)c->capacity, sizeof *c->slots);
	return c;
}

void rm_cache_free(struct rm_cache *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->capacity; i++)
		rm_shared_release(c->slots[i]);
	free(c->slots);
	pthread_mutex_destroy(&c->mu);
	pthread_mutex_destroy(&c->build_mu);
	free(c);
}

int rm_cache_count(struct rm_cache *c)
{
	int n = 0;
	pthread_mutex_lock(&c->mu);
	for (int i = 0; i < c->capacity; i++)
		n += c->slots[i] != NULL;
	pthread_mutex_unlock(&c->mu);
	return n;
}

/* The matching entry with a new reference, or NULL. */
static struct rm_shared *cache_find(struct rm_cache *c, const char *key, uint64_t version,
				    bool newer_ok)
{
	struct rm_shared *found = NULL;
	pthread_mutex_lock(&c->mu);
	for (int i = 0; i < c->capacity; i++) {
		struct rm_shared *e = c->slots[i];
		if (e && (e->version == version || (newer_ok && e->version > version)) &&
		    strcmp(e->key, key) == 0) {
			rm_shared_hold(e);
			e->used = ++c->tick;
			found = e;
			break;
		}
	}
	pthread_mutex_unlock(&c->mu);
	return found;
}

/* Store h (the cache takes its own reference); returns the entry it evicted,
 * whose cache reference the caller drops after unlocking. */
static struct rm_shared *cache_put_locked(struct rm_cache *c, struct rm_shared *h)
{
	int pick = -1;
	for (int i = 0; i < c->capacity && pick < 0; i++)
		if (!c->slots[i])
			pick = i;
	/* an older data version goes first, then the least recently used */
	for (int i = 0; i < c->capacity && pick < 0; i++)
		if (c->slots[i]->version < h->version)
			pick = i;
	if (pick < 0) {
		pick = 0;
		for (int i = 1; i < c->capacity; i++)
			if (c->slots[i]->used < c->slots[pick]->used)
				pick = i;
	}
	struct rm_shared *old = c->slots[pick];
	rm_shared_hold(h);
	h->used = ++c->tick;
	c->slots[pick] = h;
	return old;
}

struct rm_shared *rm_cache_get(struct rm_cache *c, const char *key, uint64_t version, bool newer_ok,
			       rm_build_fn build, void (*free_value)(void *), void *arg, char *err,
			       size_t errlen)
{
	struct rm_shared *h = cache_find(c, key, version, newer_ok);
	if (h)
		return h;
	pthread_mutex_lock(&c->build_mu);
	h = cache_find(c, key, version, newer_ok); /* built while we waited? */
	if (!h) {
		void *value = NULL;
		uint64_t built_version = version;
		if (build(arg, &value, &built_version, err, errlen) == 0) {
			h = rm_shared_new(value, free_value, built_version, key);
			pthread_mutex_lock(&c->mu);
			struct rm_shared *old = cache_put_locked(c, h);
			pthread_mutex_unlock(&c->mu);
			rm_shared_release(old);
		}
	}
	pthread_mutex_unlock(&c->build_mu);
	return h;
}

/* ---- the read model ------------------------------------------------------------- */

#define DATED_SLOTS 4 /* dated snapshots kept for time travel */

static struct readmodel_loader loader;
static pthread_mutex_t cur_mu = PTHREAD_MUTEX_INITIALIZER;    /* current */
static pthread_mutex_t reload_mu = PTHREAD_MUTEX_INITIALIZER; /* one rebuild at a time */
static struct rm_shared *current;			      /* holds one reference */
static atomic_llong last_version_check;
static pthread_mutex_t caches_mu = PTHREAD_MUTEX_INITIALIZER; /* caches */
static struct rm_cache *caches;				      /* readmodel_cache list */
static struct rm_cache *dated;				      /* time travel */

/* Limits of a chain of derived snapshots (snapshot_derive): past them the
 * merge thread replaces the chain by a full load, which frees the strings
 * the chain replaced, while writes go on deriving; past the hard limits (the
 * merge thread could not keep up or failed) the next change is applied by a
 * full load on the writing thread. */
#define CHAIN_MAX_DEPTH 1024
#define CHAIN_MAX_BYTES ((size_t)4 << 20)
static int chain_max_depth = CHAIN_MAX_DEPTH; /* ATLAS_SNAPSHOT_CHAIN (tests: small) */
#define CHAIN_HARD_DEPTH (4 * chain_max_depth)
#define CHAIN_HARD_BYTES (4 * CHAIN_MAX_BYTES)

/* Versions of recent writes atlas check re-applies. */
#define CHECK_RECENT 100

static bool check_incremental;		    /* ATLAS_CHECK_INCREMENTAL=1 */
static atomic_ullong n_full, n_incremental; /* refreshes, for the log and tests */
static atomic_ullong n_installed;	    /* snapshots installed, for the trim */

/* A derived snapshot frees its copied arrays (large blocks, given back to the
 * system at once with the mmap threshold fixed in readmodel_start) and a
 * small generation: no heap trim needed. */
static void free_derived_snapshot(void *s)
{
	snapshot_free(s);
}

static void free_snapshot(void *s)
{
	snapshot_free(s);
	/* a snapshot is built on whichever worker thread wrote. In the national
	 * benchmark (bench/national.sh) the mixed read/write scenario peaked at
	 * ~110 MB without the trim and 60-85 MB with it; it takes 1-2 ms. */
	readmodel_trim();
}

static void today_of(char out[11])
{
	if (loader.today)
		loader.today(out);
	else
		today_iso(out);
}

static int store_load(const char *date, struct snapshot **out, char *err, size_t errlen)
{
	struct store *st = store_thread();
	if (!st) {
		snprintf(err, errlen, "geen databaseverbinding");
		return -1;
	}
	return store_load_snapshot(st, date, out, err, errlen) == STORE_OK ? 0 : -1;
}

static int store_version(uint64_t *v)
{
	struct store *st = store_thread();
	return st && store_data_version(st, v) == STORE_OK ? 0 : -1;
}

/* More changed rows than this: a full load is cheaper than one read each. */
#define DELTA_MAX_ROWS 256

static int store_changes(uint64_t since, struct snapshot_delta **out, char *err, size_t errlen)
{
	struct store *st = store_thread();
	if (!st) {
		snprintf(err, errlen, "geen databaseverbinding");
		return -1;
	}
	return store_load_changes(st, since, DELTA_MAX_ROWS, out, err, errlen) == STORE_OK ? 0 : -1;
}

/* Make s (owned) the current snapshot. */
static void install(struct snapshot *s, const char *key)
{
	struct rm_shared *h =
	    rm_shared_new(s, snapshot_chain_depth(s) > 0 ? free_derived_snapshot : free_snapshot,
			  s->version, key);
	pthread_mutex_lock(&cur_mu);
	struct rm_shared *old = current;
	current = h;
	pthread_mutex_unlock(&cur_mu);
	rm_shared_release(old);
	atomic_fetch_add_explicit(&n_installed, 1, memory_order_relaxed);
}

/* Build the snapshot for today and make it current. Caller holds reload_mu. */
static int reload_locked(void)
{
	char today[11], err[256] = "";
	today_of(today);
	struct snapshot *s = NULL;
	if (loader.load(today, &s, err, sizeof err) != 0) {
		log_error("snapshot: %s", err);
		return -1;
	}
	install(s, today);
	atomic_fetch_add_explicit(&n_full, 1, memory_order_relaxed);
	log_info("snapshot v%llu for %s: %d organisaties, %d samenwerkingsverbanden",
		 (unsigned long long)s->version, today, s->n_orgs, s->n_collabs);
	return 0;
}

/* Debug mode (ATLAS_CHECK_INCREMENTAL=1): compare the derived snapshot with
 * a full load of the same data; a difference is a bug and stops the
 * process, so a test run cannot pass over it. */
static void check_against_full(const struct snapshot *derived)
{
	char err[256] = "", diff[512] = "";
	struct snapshot *full = NULL;
	if (loader.load(derived->today, &full, err, sizeof err) != 0) {
		log_error("snapshotcontrole: %s", err);
		return;
	}
	/* a write committed in between makes the full load newer: not comparable */
	if (full->version == derived->version &&
	    snapshot_compare(derived, full, diff, sizeof diff) != 0) {
		log_error("snapshotcontrole: bijgewerkte snapshot v%llu wijkt af van een volledige "
			  "herbouw: %s",
			  (unsigned long long)derived->version, diff);
		abort();
	}
	snapshot_free(full);
}

static void merge_request(void);

/* Within the soft limits of a chain of derived snapshots. */
static bool chain_ok(const struct snapshot *s)
{
	return snapshot_chain_depth(s) <= chain_max_depth &&
	       snapshot_chain_bytes(s) <= CHAIN_MAX_BYTES;
}

/*
 * Bring the current snapshot up to the committed data: from the change
 * journal when it can (snapshot_apply), otherwise (another date, no journal,
 * a change only a rebuild can apply, a long chain of derived snapshots) by a
 * full load. Caller holds reload_mu.
 */
static int refresh_locked(void)
{
	char today[11], err[256] = "", why[160] = "";
	today_of(today);
	pthread_mutex_lock(&cur_mu);
	struct rm_shared *h = current;
	if (h)
		rm_shared_hold(h);
	pthread_mutex_unlock(&cur_mu);
	const struct snapshot *cur = h ? rm_shared_value(h) : NULL;
	struct snapshot_delta *d = NULL;
	int rc = -1;
	if (!cur || !loader.changes || strcmp(cur->today, today) != 0)
		goto full;
	if (loader.changes(cur->version, &d, err, sizeof err) != 0) {
		log_error("snapshot: %s", err);
		goto full;
	}
	if (!d) {
		snprintf(why, sizeof why, "journaal reikt niet terug of te veel wijzigingen");
		goto full;
	}
	if (d->version == cur->version && snapshot_delta_empty(d)) {
		rc = 0; /* nothing new */
		goto out;
	}
	struct snapshot *next = NULL;
	if (snapshot_apply(cur, d, &next, why, sizeof why) != SNAPSHOT_APPLIED)
		goto full;
	if (snapshot_chain_depth(next) > CHAIN_HARD_DEPTH ||
	    snapshot_chain_bytes(next) > CHAIN_HARD_BYTES) {
		snapshot_free(next);
		snprintf(why, sizeof why, "samenvoegen na %d bijwerkingen",
			 snapshot_chain_depth(cur));
		goto full;
	}
	if (check_incremental)
		check_against_full(next);
	if (!chain_ok(next))
		merge_request();
	install(next, today);
	atomic_fetch_add_explicit(&n_incremental, 1, memory_order_relaxed);
	log_info("snapshot v%llu bijgewerkt: %d organisatie(s), %d verband(en), %d deelname(s)",
		 (unsigned long long)d->version, d->rows->n_orgs, d->rows->n_collabs,
		 d->rows->n_parts);
	rc = 0;
	goto out;
full:
	if (why[0])
		log_info("snapshot: volledig herbouwd (%s)", why);
	rc = reload_locked();
out:
	snapshot_delta_free(d);
	rm_shared_release(h);
	return rc;
}

/* Version and date of the current snapshot. */
static void current_state(uint64_t *version, char today[11])
{
	pthread_mutex_lock(&cur_mu);
	const struct snapshot *s = current ? rm_shared_value(current) : NULL;
	*version = s ? s->version : 0;
	snprintf(today, 11, "%s", s ? s->today : "");
	pthread_mutex_unlock(&cur_mu);
}

/* Rebuild when the data version differs (or, with check_day, the date
 * changed). wait: block for reload_mu instead of leaving it to the thread
 * that holds it. */
static void reload_if_changed(bool check_day, bool wait)
{
	if (wait)
		pthread_mutex_lock(&reload_mu);
	else if (pthread_mutex_trylock(&reload_mu) != 0)
		return;
	uint64_t v = 0, cur_v;
	char cur_day[11], today[11];
	current_state(&cur_v, cur_day);
	today_of(today);
	if (loader.data_version(&v) == 0 &&
	    (v != cur_v || (check_day && strcmp(cur_day, today) != 0)))
		refresh_locked();
	pthread_mutex_unlock(&reload_mu);
}

/* At most once a second: reload when the date changed or another process
 * wrote. Only one thread checks; the others go on with what they have. */
static void maybe_reload(void)
{
	long long now = (long long)time(NULL);
	if (atomic_load_explicit(&last_version_check, memory_order_relaxed) == now)
		return;
	atomic_store_explicit(&last_version_check, now, memory_order_relaxed);
	reload_if_changed(true, false);
}

const struct snapshot *readmodel_acquire(struct rm_shared **hold)
{
	maybe_reload();
	pthread_mutex_lock(&cur_mu);
	struct rm_shared *h = current;
	rm_shared_hold(h);
	pthread_mutex_unlock(&cur_mu);
	*hold = h;
	return rm_shared_value(h);
}

void app_after_write(void)
{
	if (!loader.load) /* no read model in this process (the CLI): nothing to refresh */
		return;
	/* Writers that commit close together share one refresh: a snapshot
	 * at this thread's committed version already holds its write. */
	uint64_t mine = store_wrote_version(store_thread()), v;
	char day[11];
	current_state(&v, day);
	if (mine && v >= mine)
		return;
	pthread_mutex_lock(&reload_mu);
	current_state(&v, day);
	if (!mine || v < mine)
		refresh_locked();
	pthread_mutex_unlock(&reload_mu);
}

/* ---- merging a chain of derived snapshots ---------------------------------------- */

/*
 * A chain of derived snapshots keeps the strings its changes replaced (each
 * generation holds its parent). Past the soft limits the merge thread loads
 * the registry fully — a read transaction, no lock the writers need — and
 * then, under reload_mu, brings that snapshot up to the current version from
 * the change journal and installs it. The per-record change versions are
 * taken over from the snapshot it replaces (same data, same order), so the
 * reply cache keeps its entries across a merge.
 */
static pthread_t merge_thread;
static pthread_mutex_t merge_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t merge_cv = PTHREAD_COND_INITIALIZER;
static bool merge_wanted, merge_stop, merge_running;

static void merge_request(void)
{
	pthread_mutex_lock(&merge_mu);
	merge_wanted = true;
	pthread_cond_signal(&merge_cv);
	pthread_mutex_unlock(&merge_mu);
}

/* Give next the change versions of cur when both hold the same records in
 * the same order. */
static void keep_changed(struct snapshot *next, const struct snapshot *cur)
{
	if (next->n_orgs != cur->n_orgs || next->n_collabs != cur->n_collabs)
		return;
	for (int i = 0; i < cur->n_orgs; i++)
		if (next->orgs[i].id != cur->orgs[i].id)
			return;
	for (int i = 0; i < cur->n_collabs; i++)
		if (next->collabs[i].id != cur->collabs[i].id)
			return;
	snapshot_own_changed(next);
	memcpy(next->org_changed, cur->org_changed, (size_t)cur->n_orgs * sizeof(uint64_t));
	memcpy(next->collab_changed, cur->collab_changed,
	       (size_t)cur->n_collabs * sizeof(uint64_t));
	next->global_changed = cur->global_changed;
	next->list_changed = cur->list_changed;
}

/* Replace the current chain by full (owned), brought up to the current
 * version. Caller holds reload_mu. */
static void merge_install(struct snapshot *full)
{
	char err[256] = "", why[160] = "";
	int depth = 0;
	for (int round = 0; round < 2; round++) {
		pthread_mutex_lock(&cur_mu);
		struct rm_shared *h = current;
		rm_shared_hold(h);
		pthread_mutex_unlock(&cur_mu);
		const struct snapshot *cur = rm_shared_value(h);
		depth = snapshot_chain_depth(cur);
		if (strcmp(cur->today, full->today) != 0 || depth == 0) {
			rm_shared_release(h); /* a new day or a full load came first */
			snapshot_free(full);
			return;
		}
		if (cur->version < full->version) { /* a write not yet applied here */
			rm_shared_release(h);
			refresh_locked();
			continue;
		}
		struct snapshot *next = full;
		if (cur->version > full->version) {
			struct snapshot_delta *d = NULL;
			if (!loader.changes ||
			    loader.changes(full->version, &d, err, sizeof err) != 0 || !d ||
			    snapshot_apply(full, d, &next, why, sizeof why) != SNAPSHOT_APPLIED) {
				log_info("snapshot: samenvoegen overgeslagen (%s)",
					 err[0]	  ? err
					 : why[0] ? why
						  : "journaal reikt niet terug");
				snapshot_delta_free(d);
				rm_shared_release(h);
				snapshot_free(full);
				return;
			}
			snapshot_delta_free(d);
			snapshot_free(full); /* next holds what it shares */
			full = NULL;
		}
		if (next->version != cur->version) {
			/* a write committed meanwhile: the next refresh asks again */
			rm_shared_release(h);
			snapshot_free(next);
			return;
		}
		keep_changed(next, cur);
		rm_shared_release(h);
		if (check_incremental)
			check_against_full(next);
		install(next, next->today);
		atomic_fetch_add_explicit(&n_full, 1, memory_order_relaxed);
		log_info("snapshot v%llu samengevoegd na %d bijwerkingen",
			 (unsigned long long)next->version, depth);
		return;
	}
	snapshot_free(full);
}

/* While writes come in, the merge thread also gives free heap memory back
 * to the system once a second: snapshots and replies are freed on other
 * threads than the ones that allocated them, and glibc keeps such memory
 * otherwise. */
#define TRIM_EVERY_S 1

static void *merge_main(void *arg)
{
	(void)arg;
	unsigned long long trimmed_at = atomic_load(&n_installed);
	for (;;) {
		pthread_mutex_lock(&merge_mu);
		while (!merge_wanted && !merge_stop) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += TRIM_EVERY_S;
			if (pthread_cond_timedwait(&merge_cv, &merge_mu, &until) == 0)
				continue;
			unsigned long long n = atomic_load(&n_installed);
			if (n != trimmed_at) {
				trimmed_at = n;
				pthread_mutex_unlock(&merge_mu);
				readmodel_trim();
				pthread_mutex_lock(&merge_mu);
			}
		}
		bool stop = merge_stop;
		merge_wanted = false;
		pthread_mutex_unlock(&merge_mu);
		if (stop)
			break;
		char today[11], err[256] = "";
		today_of(today);
		struct snapshot *full = NULL;
		if (loader.load(today, &full, err, sizeof err) != 0) {
			log_error("snapshot samenvoegen: %s", err);
			continue;
		}
		pthread_mutex_lock(&reload_mu);
		merge_install(full);
		/* the writes during the load asked again: done unless the new
		 * chain is already past the limits */
		pthread_mutex_lock(&cur_mu);
		bool short_chain = current && chain_ok(rm_shared_value(current));
		pthread_mutex_unlock(&cur_mu);
		pthread_mutex_unlock(&reload_mu);
		if (short_chain) {
			pthread_mutex_lock(&merge_mu);
			merge_wanted = false;
			pthread_mutex_unlock(&merge_mu);
		}
		readmodel_trim(); /* the chain's memory went back */
	}
	store_thread_release();
	return NULL;
}

/* ---- LISTEN/NOTIFY -------------------------------------------------------------- */

/*
 * PostgreSQL: a thread waits on LISTEN atlas_data and reloads as soon as any
 * instance commits a write, so every instance serves it (and its ETags)
 * within milliseconds; maybe_reload's once-a-second check stays as the
 * fallback for a lost listener connection.
 */
static pthread_t listener_thread;
static atomic_int listener_stop;
static bool listener_running;

static void *listener_main(void *arg)
{
	struct store_listener *l = arg;
	while (!atomic_load(&listener_stop)) {
		int w = store_listen_wait(l, 500);
		if (w == STORE_LISTEN_NOTIFIED) {
			reload_if_changed(false, true);
		} else if (w == STORE_LISTEN_RESUMED) {
			/* notifications may have been lost while disconnected */
			pthread_mutex_lock(&reload_mu);
			reload_locked();
			pthread_mutex_unlock(&reload_mu);
			log_info("snapshot: LISTEN-verbinding hersteld; volledig herbouwd omdat "
				 "meldingen gemist kunnen zijn");
		}
	}
	store_listen_close(l);
	store_thread_release();
	return NULL;
}

static int listener_start(const char *url)
{
	struct store_listener *l;
	char err[256];
	if (store_listen_open(url, &l, err, sizeof err) != STORE_OK) {
		log_error("%s", err);
		return -1;
	}
	atomic_store(&listener_stop, 0);
	if (pthread_create(&listener_thread, NULL, listener_main, l) != 0) {
		store_listen_close(l);
		log_error("kan de wijzigingsluisteraar niet starten");
		return -1;
	}
	listener_running = true;
	return 0;
}

/* ---- life cycle ------------------------------------------------------------------- */

struct rm_cache *readmodel_cache(struct rm_cache **slot, int capacity)
{
	pthread_mutex_lock(&caches_mu);
	struct rm_cache *c = *slot;
	if (!c) {
		c = rm_cache_new(capacity);
		c->slot = slot;
		c->next = caches;
		caches = c;
		*slot = c;
	}
	pthread_mutex_unlock(&caches_mu);
	return c;
}

void readmodel_trim(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void readmodel_counts(unsigned long long *full, unsigned long long *incremental)
{
	*full = atomic_load(&n_full);
	*incremental = atomic_load(&n_incremental);
}

int readmodel_start(const struct readmodel_loader *l, const char *listen_url)
{
	if (l) {
		loader = *l;
	} else {
		loader.load = store_load;
		loader.data_version = store_version;
		loader.changes = store_changes;
		loader.today = NULL;
	}
	const char *chain = getenv("ATLAS_SNAPSHOT_CHAIN");
	chain_max_depth = CHAIN_MAX_DEPTH;
	if (chain && atoi(chain) > 0 && atoi(chain) <= CHAIN_MAX_DEPTH)
		chain_max_depth = atoi(chain);
	const char *chk = getenv("ATLAS_CHECK_INCREMENTAL");
	check_incremental = chk && strcmp(chk, "1") == 0;
	if (check_incremental)
		log_info("snapshot: elke bijgewerkte snapshot wordt vergeleken met een volledige "
			 "herbouw (ATLAS_CHECK_INCREMENTAL)");
#ifdef __GLIBC__
	/* A fixed threshold (glibc would otherwise raise it after the first
	 * free of a large block, up to 32 MiB, and keep such blocks in the
	 * heap): the arrays a write copies (organisations, collaborations, up
	 * to ~1 MiB at national scale) come from the heap and are reused by the
	 * next write without page faults; larger ones (participations, a full
	 * snapshot's) go straight back to the system when freed. */
	mallopt(M_MMAP_THRESHOLD, 2 * 1024 * 1024);
	/* Two heaps instead of eight per core: a server's threads free what
	 * other threads allocated (snapshots, cached replies), and every extra
	 * heap keeps its own free memory. Measured on the national mixed
	 * scenario: peak 67 MB → 57 MB with the trim below and small SQLite
	 * caches, the same throughput. */
	mallopt(M_ARENA_MAX, 2);
#endif
	atomic_store(&last_version_check, (long long)time(NULL));
	pthread_mutex_lock(&reload_mu);
	int rc = reload_locked();
	pthread_mutex_unlock(&reload_mu);
	if (rc != 0)
		return -1;
	readmodel_cache(&dated, DATED_SLOTS);
	merge_stop = false;
	if (pthread_create(&merge_thread, NULL, merge_main, NULL) != 0) {
		log_error("kan de samenvoegthread niet starten");
		return -1;
	}
	merge_running = true;
	if (listen_url && store_path_is_pg(listen_url) && listener_start(listen_url) != 0)
		return -1;
	return 0;
}

void readmodel_stop(void)
{
	if (merge_running) {
		pthread_mutex_lock(&merge_mu);
		merge_stop = true;
		pthread_cond_signal(&merge_cv);
		pthread_mutex_unlock(&merge_mu);
		pthread_join(merge_thread, NULL);
		merge_running = false;
	}
	if (listener_running) {
		atomic_store(&listener_stop, 1);
		pthread_join(listener_thread, NULL);
		listener_running = false;
	}
	pthread_mutex_lock(&caches_mu);
	struct rm_cache *c = caches;
	caches = NULL;
	for (struct rm_cache *k = c; k; k = k->next)
		*k->slot = NULL;
	pthread_mutex_unlock(&caches_mu);
	while (c) {
		struct rm_cache *next = c->next;
		rm_cache_free(c);
		c = next;
	}
	pthread_mutex_lock(&cur_mu);
	struct rm_shared *old = current;
	current = NULL;
	pthread_mutex_unlock(&cur_mu);
	rm_shared_release(old);
}

/* ---- time travel ------------------------------------------------------------------- */

static int build_dated(void *arg, void **value, uint64_t *version, char *err, size_t errlen)
{
	struct snapshot *s = NULL;
	if (loader.load(arg, &s, err, errlen) != 0)
		return -1;
	*value = s;
	*version = s->version;
	return 0;
}

int readmodel_at(const struct snapshot *now, const char *date, const struct snapshot **out,
		 struct rm_shared **hold, const char **msg)
{
	*out = NULL;
	*hold = NULL;
	*msg = NULL;
	if (!date || !is_iso_date(date)) {
		*msg = "De peildatum moet een bestaande datum zijn in de vorm JJJJ-MM-DD, "
		       "bijvoorbeeld 2022-01-01.";
		return READMODEL_ERR_DATE;
	}
	char today[11], err[256] = "";
	today_of(today);
	if (strcmp(date, today) > 0) {
		*msg = "De peildatum ligt in de toekomst. Kies vandaag of een datum in het "
		       "verleden.";
		return READMODEL_ERR_FUTURE;
	}
	/* a dated snapshot of newer data than `now` serves as well */
	struct rm_shared *h = rm_cache_get(dated, date, now->version, true, build_dated,
					   free_snapshot, (void *)(uintptr_t)date, err, sizeof err);
	if (!h) {
		log_error("peildatum %s: %s", date, err);
		*msg = "Het register op deze peildatum kon niet worden geladen.";
		return READMODEL_ERR_LOAD;
	}
	*out = rm_shared_value(h);
	*hold = h;
	return 0;
}

/* ---- atlas check ------------------------------------------------------------------- */

/* Apply d to full and compare the result with full itself. */
static int verify_delta(const struct snapshot *full, const struct snapshot_delta *d,
			const char *what, char *report, size_t reportlen)
{
	char why[160] = "", diff[512] = "";
	struct snapshot *next = NULL;
	if (snapshot_apply(full, d, &next, why, sizeof why) != SNAPSHOT_APPLIED) {
		snprintf(report, reportlen, "%s: niet bij te werken (%s)", what, why);
		return 1;
	}
	int rc = snapshot_compare(next, full, diff, sizeof diff);
	snapshot_free(next);
	if (rc != 0) {
		snprintf(report, reportlen, "%s: wijkt af van de volledige herbouw: %s", what,
			 diff);
		return -1;
	}
	return 0;
}

int readmodel_verify(struct store *st, const char *today, char *report, size_t reportlen)
{
	char err[256] = "";
	struct snapshot *full = NULL;
	if (store_load_snapshot(st, today, &full, err, sizeof err) != STORE_OK) {
		snprintf(report, reportlen, "snapshot laden: %s", err);
		return -1;
	}
	/* every record re-applied: each derived field recomputed the incremental way */
	struct snapshot_delta *all = snapshot_delta_of_all(full, full->version);
	int rc = verify_delta(full, all, "alle records bijgewerkt", report, reportlen);
	snapshot_delta_free(all);
	if (rc != 0) {
		snapshot_free(full);
		return -1;
	}
	/* the records of the last writes, as the change journal names them */
	uint64_t since = full->version > CHECK_RECENT ? full->version - CHECK_RECENT : 0;
	struct snapshot_delta *recent = NULL;
	if (store_load_changes(st, since, INT32_MAX, &recent, err, sizeof err) != STORE_OK) {
		snprintf(report, reportlen, "wijzigingsjournaal lezen: %s", err);
		snapshot_free(full);
		return -1;
	}
	char part[400] = "";
	int n_rows =
	    recent ? recent->rows->n_orgs + recent->rows->n_collabs + recent->rows->n_parts : 0;
	if (!recent)
		snprintf(part, sizeof part, "het journaal reikt niet terug tot versie %llu",
			 (unsigned long long)since);
	else if (recent->version != full->version)
		snprintf(part, sizeof part, "tussendoor gewijzigd; niet vergeleken");
	else if ((rc = verify_delta(full, recent, "recente wijzigingen", part, sizeof part)) < 0) {
		snprintf(report, reportlen, "%s", part);
		snapshot_delta_free(recent);
		snapshot_free(full);
		return -1;
	}
	snprintf(report, reportlen,
		 "bijgewerkte snapshot gelijk aan volledige herbouw (v%llu; %d organisaties, %d "
		 "verbanden, %d deelnames; %d records uit de laatste %llu versies%s%s)",
		 (unsigned long long)full->version, full->n_orgs, full->n_collabs, full->n_parts,
		 n_rows, (unsigned long long)(full->version - since), part[0] ? ": " : "", part);
	snapshot_delta_free(recent);
	snapshot_free(full);
	return 0;
}
