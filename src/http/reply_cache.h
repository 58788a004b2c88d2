/*
 * reply_cache — complete reply bodies of cacheable routes, keyed by raw URI
 * and encoding, each with the snapshot version it was built from. A lookup
 * says from which version on a reply still holds: the current version for
 * most routes, an older one for a reply about one record that no write has
 * touched since (server.c, ROUTE_SCOPE_*). The first put for a newer
 * version drops the replies that are not about one record. A hit hands out
 * the cached body itself with a reference (reply_cache_body_release when
 * the response is done), so replies being sent share one copy however many
 * connections fetch a large one at once. Thread-safe (one mutex).
 *
 * It knows nothing of HTTP: server.c decides what may be cached (status 200,
 * ROUTE_CACHE, anonymous, no extra headers) and builds the response.
 */
#ifndef ATLAS_REPLY_CACHE_H
#define ATLAS_REPLY_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Keys at least this long are not cached. */
#define REPLY_CACHE_KEY_MAX 512

/* One cached reply, valid only inside a reply_cache_find callback; body
 * stays valid after it when the callback took a reference with
 * reply_cache_body_hold. */
struct reply_cached {
	const char *body;
	size_t len;
	const char *type;	   /* Content-Type */
	const char *cache_control; /* Cache-Control */
	bool gz;		   /* body is gzip-compressed */
	bool api;		   /* an API reply (its extra headers) */
	const char *etag;	   /* or NULL */
};

/*
 * Store a copy of a reply built from snapshot version `version`; scoped: it
 * is about one record (kept across versions until replaced). type and
 * cache_control must be literals (they are kept, not copied); everything else
 * is copied. A key already present is replaced only by a newer version.
 */
void reply_cache_put(uint64_t version, bool scoped, const char *key, const char *body, size_t len,
		     const char *type, const char *cache_control, bool gz, bool api,
		     const char *etag);

/*
 * Look key up for a reply built from version valid_since or later; on a hit
 * call use(arg, entry) while the entry is locked (copy what you need) and
 * return true. False on a miss.
 */
bool reply_cache_find(uint64_t valid_since, const char *key,
		      void (*use)(void *arg, const struct reply_cached *e), void *arg);

/* Take a reference to e->body (inside the reply_cache_find callback). */
void reply_cache_body_hold(const struct reply_cached *e);
/* Drop it: body is the e->body that was held. */
void reply_cache_body_release(void *body);

/* Empty the cache (shutdown). */
void reply_cache_clear(void);

#endif
