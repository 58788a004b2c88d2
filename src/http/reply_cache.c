/*
 * reply_cache — see reply_cache.h.
 */
#include "reply_cache.h"
#include "../lib/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_BUCKETS 1024
#define CACHE_MAX 4096

/* A cached body with a reference count: the entry holds one, every
 * response being sent from it one more. */
struct cbody {
	atomic_int refs;
	_Alignas(16) char data[];
};

static struct cbody *cbody_of(const void *data)
{
	return (struct cbody *)((char *)(uintptr_t)data - offsetof(struct cbody, data));
}

static void body_release(char *data)
{
	if (data && atomic_fetch_sub_explicit(&cbody_of(data)->refs, 1, memory_order_acq_rel) == 1)
		free(cbody_of(data));
}

static char *body_new(const char *from, size_t len)
{
	struct cbody *b = xmalloc(sizeof *b + (len ? len : 1));
	atomic_init(&b->refs, 1);
	memcpy(b->data, from, len);
	return b->data;
}

void reply_cache_body_hold(const struct reply_cached *e)
{
	atomic_fetch_add_explicit(&cbody_of(e->body)->refs, 1, memory_order_relaxed);
}

void reply_cache_body_release(void *body)
{
	body_release(body);
}

struct centry {
	struct centry *next;
	char *key;
	char *body; /* data of a struct cbody */
	size_t len;
	const char *type;	   /* static string or snapshot-independent literal */
	const char *cache_control; /* literal */
	bool gz;
	bool api;
	bool scoped;	  /* about one record: kept across versions */
	uint64_t version; /* the snapshot version it was built from */
	char *etag;
};

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static struct centry *cache[CACHE_BUCKETS];
static int cache_n;
static uint64_t cache_version;

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void entry_free(struct centry *e)
{
	free(e->key);
	body_release(e->body);
	free(e->etag);
	free(e);
}

/* Drop the replies of older versions that are not about one record. */
static void cache_drop_unscoped_locked(void)
{
	for (int i = 0; i < CACHE_BUCKETS; i++) {
		struct centry **pp = &cache[i];
		while (*pp) {
			struct centry *e = *pp;
			if (e->scoped) {
				pp = &e->next;
				continue;
			}
			*pp = e->next;
			entry_free(e);
			cache_n--;
		}
	}
}

static void cache_clear_locked(void)
{
	for (int i = 0; i < CACHE_BUCKETS; i++) {
		struct centry *e = cache[i];
		while (e) {
			struct centry *n = e->next;
			entry_free(e);
			e = n;
		}
		cache[i] = NULL;
	}
	cache_n = 0;
}

void reply_cache_put(uint64_t version, bool scoped, const char *key, const char *body, size_t len,
		     const char *type, const char *cache_control, bool gz, bool api,
		     const char *etag)
{
	pthread_mutex_lock(&cache_mu);
	if (version > cache_version) {
		cache_drop_unscoped_locked();
		cache_version = version;
	}
	if (cache_n >= CACHE_MAX)
		cache_clear_locked();
	unsigned b = hash_str(key) % CACHE_BUCKETS;
	struct centry *e = cache[b];
	while (e && strcmp(e->key, key) != 0)
		e = e->next;
	if (e && e->version >= version)
		goto out;
	if (e) { /* an older reply for this key: replace its contents */
		body_release(e->body);
		free(e->etag);
	} else {
		e = xcalloc(1, sizeof *e);
		e->key = xstrdup(key);
		e->next = cache[b];
		cache[b] = e;
		cache_n++;
	}
	e->body = body_new(body, len);
	e->len = len;
	e->type = type;
	e->cache_control = cache_control;
	e->gz = gz;
	e->api = api;
	e->scoped = scoped;
	e->version = version;
	e->etag = etag ? xstrdup(etag) : NULL;
out:
	pthread_mutex_unlock(&cache_mu);
}

bool reply_cache_find(uint64_t valid_since, const char *key,
		      void (*use)(void *arg, const struct reply_cached *e), void *arg)
{
	bool hit = false;
	pthread_mutex_lock(&cache_mu);
	for (struct centry *e = cache[hash_str(key) % CACHE_BUCKETS]; e; e = e->next) {
		if (strcmp(e->key, key) != 0)
			continue;
		if (e->version >= valid_since) {
			const struct reply_cached rc = {e->body, e->len, e->type, e->cache_control,
							e->gz,	 e->api, e->etag};
			use(arg, &rc);
			hit = true;
		}
		break;
	}
	pthread_mutex_unlock(&cache_mu);
	return hit;
}

void reply_cache_clear(void)
{
	pthread_mutex_lock(&cache_mu);
	cache_clear_locked();
	pthread_mutex_unlock(&cache_mu);
}
