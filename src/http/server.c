/*
 * server — see server.h.
 *
 * Request life cycle (libmicrohttpd 0.9.75):
 *   1. uri_log_cb: MHD hands us the raw URI first; we allocate the
 *      per-request context (arena) and keep the raw URI, so we decode and
 *      validate the path and query ourselves instead of trusting MHD's
 *      unescaping.
 *   2. access_handler, first call: remember we saw it and check the
 *      declared body size (MHD drops keep-alive if we answer here, so we only
 *      answer on this call for a body that is too large).
 *   3. further calls: count (and discard) the body; reject past the limit.
 *   4. last call: dispatch through the router and queue the reply; a
 *      request that may write is suspended and dispatched on a writer
 *      thread instead (see "Writers"), and the reply is queued on the call
 *      after MHD resumes it.
 *   5. completed_cb: access log line, free the arena.
 */
#include "server.h"
#include "gzip.h"
#include "request.h"
#include "router.h"
#include "session.h"
#include "static.h"
#include "reply_cache.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "../render/layout.h"
#include "../store/store.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define API_VERSION "1.0.0"
#define MAX_URI 8192
#define GZIP_MIN 512

static const struct server_config *config;
static atomic_int inflight;

/* ---------------------------------------------------------------- requests */

struct ctx {
	struct request req;
	char *raw_uri;
	bool seen;
	bool too_large;
	bool upload;  /* a ROUTE_UPLOAD route: the larger body limit */
	size_t limit; /* the body limit of this request */
	size_t body_len;
	struct buf body; /* kept for methods with a body, up to the limit */
	int status;
	size_t bytes;
	uint64_t start;
	const char *method;
	struct rm_shared *held; /* the current snapshot, held for this request */
	uint64_t version;	/* its version (the reply cache's key) */
	uint64_t valid_since;	/* a cached reply from this version on holds */
	bool cache_scoped;	/* the reply is about one record (ROUTE_SCOPE_*) */
	/* a write request handed to the writer threads (see writers_*) */
	struct MHD_Connection *con;
	struct ctx *next_queued;
	bool handed_over, written;
	int written_status;
};

/*
 * Writers. A request that may write (POST, PUT, PATCH, DELETE) runs on one
 * of a few writer threads, not on the event thread that read it: an event
 * thread serves many connections, and a write waits for the database's
 * one writer (SQLite) and its commit, which would stall every read on
 * those connections meanwhile. The connection is suspended, the handler
 * runs on a writer thread (with that thread's database connection), and
 * the connection is resumed to send the reply from the event thread.
 */
#define WRITER_THREADS 4

/* A request that took more memory than this trims the heap when done. */
#define LARGE_REQUEST_BYTES ((size_t)4 << 20)

static pthread_mutex_t writers_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t writers_cv = PTHREAD_COND_INITIALIZER;
static struct ctx *writers_head, *writers_tail;
static bool writers_stop;
static pthread_t writers[WRITER_THREADS];
static int n_writers;

static int unreachable_reply(struct request *r, int status);

static void *writer_main(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&writers_mu);
		while (!writers_head && !writers_stop)
			pthread_cond_wait(&writers_cv, &writers_mu);
		struct ctx *c = writers_head;
		if (c) {
			writers_head = c->next_queued;
			if (!writers_head)
				writers_tail = NULL;
		}
		pthread_mutex_unlock(&writers_mu);
		if (!c)
			break; /* stopping and nothing left */
		c->written_status = unreachable_reply(&c->req, router_dispatch(&c->req));
		c->written = true;
		MHD_resume_connection(c->con);
	}
	store_thread_release();
	return NULL;
}

static void writers_push(struct ctx *c)
{
	pthread_mutex_lock(&writers_mu);
	c->next_queued = NULL;
	if (writers_tail)
		writers_tail->next_queued = c;
	else
		writers_head = c;
	writers_tail = c;
	pthread_cond_signal(&writers_cv);
	pthread_mutex_unlock(&writers_mu);
}

static int writers_start(void)
{
	writers_stop = false;
	for (n_writers = 0; n_writers < WRITER_THREADS; n_writers++)
		if (pthread_create(&writers[n_writers], NULL, writer_main, NULL) != 0)
			return -1;
	return 0;
}

static void writers_join(void)
{
	pthread_mutex_lock(&writers_mu);
	writers_stop = true;
	pthread_cond_broadcast(&writers_cv);
	pthread_mutex_unlock(&writers_mu);
	for (int i = 0; i < n_writers; i++)
		pthread_join(writers[i], NULL);
	n_writers = 0;
}

static void *uri_log_cb(void *cls, const char *uri, struct MHD_Connection *con)
{
	(void)cls;
	(void)con;
	struct ctx *c = xcalloc(1, sizeof *c);
	c->req.arena = arena_new();
	c->raw_uri = arena_strdup(c->req.arena, uri ? uri : "");
	c->start = now_usec();
	atomic_fetch_add(&inflight, 1);
	return c;
}

static void completed_cb(void *cls, struct MHD_Connection *con, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)con;
	(void)toe;
	struct ctx *c = *con_cls;
	if (!c)
		return;
	if (!config->quiet && c->status) {
		/* sign-in URLs carry one-time codes and state: log the path only */
		int n = (int)strlen(c->raw_uri);
		if (strncmp(c->raw_uri, "/inloggen", 9) == 0 && strchr(c->raw_uri, '?'))
			n = (int)(strchr(c->raw_uri, '?') - c->raw_uri);
		/* a response link's token would tie the request's time to the
		 * link: log the prefix only */
		if (strncmp(c->raw_uri, "/enquete/", 9) == 0)
			n = 9;
		fprintf(stderr, "%s %.*s %d %zu %lluus\n", c->method ? c->method : "-",
			n > 200 ? 200 : n, c->raw_uri, c->status, c->bytes,
			(unsigned long long)(now_usec() - c->start));
	}
	rm_shared_release(c->held);
	/* a large reply (the map data, an export) leaves megabytes in the
	 * freeing thread's malloc arena: hand them back so the memory line
	 * stays flat */
	bool large = arena_bytes(c->req.arena) + c->req.out.cap > LARGE_REQUEST_BYTES;
	buf_free(&c->req.out);
	buf_free(&c->body);
	arena_free(c->req.arena);
	free(c);
	if (large)
		readmodel_trim();
	*con_cls = NULL;
	atomic_fetch_sub(&inflight, 1);
}

static void add_common_headers(struct MHD_Response *resp, const struct request *r, bool api)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; script-src 'self'; style-src 'self'; "
				"img-src 'self' data:; connect-src 'self'; font-src 'self'; "
				"object-src 'none'; base-uri 'none'; form-action 'self'; "
				"frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "strict-origin-when-cross-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	/* HSTS only when the request came over TLS (our proxy, --trust-proxy) */
	if (r->secure)
		MHD_add_response_header(resp, "Strict-Transport-Security",
					"max-age=31536000; includeSubDomains");
	if (api) {
		MHD_add_response_header(resp, "API-Version", API_VERSION);
		MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
		MHD_add_response_header(resp, "Access-Control-Expose-Headers",
					"API-Version, ETag, Link");
	}
	for (int i = 0; i < r->n_headers; i++)
		MHD_add_response_header(resp, r->headers[i].name, r->headers[i].value);
}

static bool is_compressible(const char *type)
{
	return type && (strncmp(type, "text/", 5) == 0 || strstr(type, "json") ||
			strstr(type, "svg") || strstr(type, "xml"));
}

/* Does the If-None-Match header list etag (ignoring a -gz suffix and W/)? */
static bool etag_matches(const char *inm, const char *etag)
{
	if (!inm || !etag)
		return false;
	if (strcmp(inm, "*") == 0)
		return true;
	size_t base = strlen(etag) - 1; /* without the closing quote */
	const char *p = inm;
	while ((p = strchr(p, '"')) != NULL) {
		const char *end = strchr(p + 1, '"');
		if (!end)
			break;
		size_t n = (size_t)(end - p);
		if ((n == base && strncmp(p, etag, base) == 0) ||
		    (n == base + 3 && strncmp(p, etag, base) == 0 &&
		     strncmp(p + base, "-gz", 3) == 0))
			return true;
		p = end + 1;
	}
	return false;
}

static enum MHD_Result queue(struct ctx *c, struct MHD_Connection *con, int status,
			     struct MHD_Response *resp)
{
	c->status = status;
	enum MHD_Result ret = MHD_queue_response(con, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result send_not_modified(struct ctx *c, struct MHD_Connection *con,
					 const char *etag, bool api)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(resp, "ETag", etag);
	add_common_headers(resp, &c->req, api);
	return queue(c, con, 304, resp);
}

/* A 500 because the database is down (PostgreSQL restarting) on this
 * thread's connection: say so, and when to try again, instead of an
 * internal error. Returns the status to send. */
static int unreachable_reply(struct request *r, int status)
{
	if (status != 500 || !store_unreachable(store_thread()))
		return status;
	req_header(r, "Retry-After", "5");
	return respond_error(r, 503, "Tijdelijk niet beschikbaar",
			     "De database is even niet bereikbaar. Probeer het over enkele "
			     "seconden opnieuw.",
			     NULL);
}

/* Turn the filled request into an MHD response and queue it. */
static enum MHD_Result finish(struct ctx *c, struct MHD_Connection *con, int status,
			      const char *cache_key)
{
	struct request *r = &c->req;
	bool api = r->route ? r->route->kind == ROUTE_API : strncmp(r->path, "/api/", 5) == 0;

	if (r->out.err) {
		log_error("reply for %s ran out of memory or exceeded its size", r->path);
		buf_free(&r->out);
		r->route = r->route && r->route->kind == ROUTE_API ? r->route : NULL;
		status = respond_error(r, 500, "Interne fout",
				       "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
				       NULL);
	}
	if (!c->written) /* a writer thread did this with its own connection */
		status = unreachable_reply(r, status);
	if (status >= 500)
		log_error("%s answered %d", r->path, status);

	char *etag = NULL;
	if (r->user && !api)
		r->etag = NULL; /* personalised page: no shared validators */
	if (status == 200 && r->etag) {
		etag = arena_strdup(r->arena, r->etag);
		if (etag_matches(r->if_none_match, etag))
			return send_not_modified(c, con, etag, api);
	}

	const char *type = r->content_type ? r->content_type : "text/html; charset=utf-8";
	struct MHD_Response *resp;
	const char *cached_body = NULL;
	bool gz = false;
	if (r->static_body) {
		if (r->gzip_ok && r->static_gz) {
			resp = MHD_create_response_from_buffer(r->static_gz_len,
							       (void *)(uintptr_t)r->static_gz,
							       MHD_RESPMEM_PERSISTENT);
			gz = true;
		} else {
			resp = MHD_create_response_from_buffer(r->static_len,
							       (void *)(uintptr_t)r->static_body,
							       MHD_RESPMEM_PERSISTENT);
		}
		c->bytes = gz ? r->static_gz_len : r->static_len;
	} else {
		struct buf *body = &r->out;
		struct buf zbuf = BUF_INIT;
		if (r->gzip_ok && body->len >= GZIP_MIN && is_compressible(type) &&
		    gzip_compress(body->data, body->len, &zbuf) == 0) {
			gz = true;
			body = &zbuf;
		}
		size_t len;
		char *data = buf_detach(body, &len);
		buf_free(&zbuf);
		c->bytes = len;
		cached_body = data;
		resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	}
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", type);
	if (gz)
		MHD_add_response_header(resp, "Content-Encoding", "gzip");
	if (r->static_body || is_compressible(type))
		MHD_add_response_header(resp, "Vary", "Accept-Encoding");
	MHD_add_response_header(resp, "Cache-Control",
				r->cache_control ? r->cache_control : "no-cache");
	if (etag) {
		if (gz) {
			size_t n = strlen(etag);
			etag = arena_printf(r->arena, "%.*s-gz\"", (int)(n - 1), etag);
		}
		MHD_add_response_header(resp, "ETag", etag);
	}
	add_common_headers(resp, r, api);
	if (cache_key && status == 200 && r->route && (r->route->flags & ROUTE_CACHE) &&
	    !r->static_body && r->n_headers == 0)
		reply_cache_put(c->version, c->cache_scoped, cache_key, cached_body, c->bytes, type,
				r->cache_control ? r->cache_control : "no-cache", gz, api, etag);
	return queue(c, con, status, resp);
}

/* What a reply-cache hit hands to the request (filled under the cache lock). */
struct cache_hit {
	struct ctx *c;
	struct MHD_Response *resp; /* the copied reply, or NULL (304 or no memory) */
	bool api, not_modified;
	char etag[64];
};

static void use_cached(void *arg, const struct reply_cached *e)
{
	struct cache_hit *h = arg;
	h->api = e->api;
	if (e->etag)
		snprintf(h->etag, sizeof h->etag, "%s", e->etag);
	if (e->etag && etag_matches(h->c->req.if_none_match, e->etag)) {
		h->not_modified = true;
		return;
	}
	/* the cached body itself, held until MHD has sent it */
	reply_cache_body_hold(e);
	struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(
	    e->len, (void *)(uintptr_t)e->body, reply_cache_body_release);
	if (!resp) {
		reply_cache_body_release((void *)(uintptr_t)e->body);
		return;
	}
	h->c->bytes = e->len;
	MHD_add_response_header(resp, "Content-Type", e->type);
	if (e->gz)
		MHD_add_response_header(resp, "Content-Encoding", "gzip");
	MHD_add_response_header(resp, "Vary", "Accept-Encoding");
	MHD_add_response_header(resp, "Cache-Control", e->cache_control);
	if (e->etag)
		MHD_add_response_header(resp, "ETag", e->etag);
	h->resp = resp;
}

/* From which snapshot version a cached reply for this request holds: a
 * reply about one record or a list of collaborations (router_reply_scope)
 * holds while neither what it shows nor the registry as a whole changed
 * (model.h); any other only for the current version. */
static void reply_validity(struct ctx *c)
{
	const struct snapshot *s = c->req.snap;
	c->valid_since = s->version;
	c->cache_scoped = false;
	const char *key;
	char kind = router_reply_scope(c->req.arena, c->raw_uri, &key);
	int i = kind == 'c'   ? snapshot_find_collab(s, key)
		: kind == 'o' ? snapshot_find_org(s, key)
			      : -1;
	if (i < 0 && kind != 'l')
		return;
	uint64_t rec = kind == 'l'   ? s->list_changed
		       : kind == 'c' ? s->collab_changed[i]
				     : s->org_changed[i];
	c->valid_since = rec > s->global_changed ? rec : s->global_changed;
	c->cache_scoped = true;
}

/*
 * One render per cacheable URL at a time: while a request renders a reply
 * that will be cached, others for the same key wait for it and are then
 * answered from the cache, instead of rendering the same (possibly large)
 * reply side by side — a cold map request from 50 connections would
 * otherwise take 50 times its memory.
 */
struct filling {
	struct filling *next;
	const char *key; /* in the rendering request's arena */
};
static pthread_mutex_t fill_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fill_cv = PTHREAD_COND_INITIALIZER;
static struct filling *fill_list;

/* Claim key for rendering: true when claimed, false after waiting for
 * another request that rendered it (look in the cache again). */
static bool fill_claim(struct filling *mine, const char *key)
{
	pthread_mutex_lock(&fill_mu);
	bool waited = false;
	for (;;) {
		struct filling *f = fill_list;
		while (f && strcmp(f->key, key) != 0)
			f = f->next;
		if (!f)
			break;
		waited = true;
		pthread_cond_wait(&fill_cv, &fill_mu);
	}
	if (!waited) {
		mine->key = key;
		mine->next = fill_list;
		fill_list = mine;
	}
	pthread_mutex_unlock(&fill_mu);
	return !waited;
}

static void fill_done(struct filling *mine)
{
	pthread_mutex_lock(&fill_mu);
	for (struct filling **pp = &fill_list; *pp; pp = &(*pp)->next)
		if (*pp == mine) {
			*pp = mine->next;
			break;
		}
	pthread_cond_broadcast(&fill_cv);
	pthread_mutex_unlock(&fill_mu);
}

/* Answer from the reply cache; true when it did (result in *ret). */
static bool cache_reply(struct ctx *c, struct MHD_Connection *con, const char *key,
			enum MHD_Result *ret)
{
	struct cache_hit h = {.c = c};
	if (!reply_cache_find(c->valid_since, key, use_cached, &h))
		return false;
	if (h.not_modified) {
		*ret = send_not_modified(c, con, h.etag, h.api);
		return true;
	}
	if (!h.resp)
		return false;
	add_common_headers(h.resp, &c->req, h.api);
	*ret = queue(c, con, 200, h.resp);
	return true;
}

static enum http_method parse_method(const char *m)
{
	static const struct {
		const char *name;
		enum http_method m;
	} methods[] = {{"GET", HTTP_GET},	 {"HEAD", HTTP_HEAD},	  {"POST", HTTP_POST},
		       {"PUT", HTTP_PUT},	 {"DELETE", HTTP_DELETE}, {"PATCH", HTTP_PATCH},
		       {"OPTIONS", HTTP_OPTIONS}};
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (strcmp(m, methods[i].name) == 0)
			return methods[i].m;
	return 0;
}

/* The last address of an X-Forwarded-For list into addr when it is a valid
 * IPv4 or IPv6 address; addr is left as it is otherwise. */
static void forwarded_client(const char *xff, char *addr, size_t n)
{
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	char cand[INET6_ADDRSTRLEN];
	size_t len = strcspn(last, " \t");
	if (len == 0 || len >= sizeof cand)
		return;
	memcpy(cand, last, len);
	cand[len] = '\0';
	unsigned char bin[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, cand, bin) == 1 || inet_pton(AF_INET6, cand, bin) == 1)
		snprintf(addr, n, "%s", cand);
}

/*
 * Event threads run at a lower scheduling priority than the writer threads
 * (nice +5 relative to the process, set on each event thread's first
 * request; lowering one's own priority needs no privilege). A write holds
 * the database's writer turn and the read model's mutex for a few hundred
 * microseconds of CPU in three steps; on a busy machine each step otherwise
 * waits behind the reads of every event thread, and every other write waits
 * with it. Reads are mostly cached and short. National mixed scenario, three
 * interleaved pairs: p99 19–26 ms → 14.3–14.4 ms at the same throughput
 * (docs/benchmarks.md).
 */
#define EVENT_THREAD_NICE 5

static void event_thread_first_request(void)
{
	static _Thread_local bool done;
	if (done)
		return;
	done = true;
	id_t tid = (id_t)gettid();
	errno = 0;
	int nice_now = getpriority(PRIO_PROCESS, tid);
	if (errno != 0 || setpriority(PRIO_PROCESS, tid, nice_now + EVENT_THREAD_NICE) != 0)
		log_info("event thread: priority unchanged (setpriority failed)");
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *con, const char *url,
				      const char *method, const char *version,
				      const char *upload_data, size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)url;
	(void)version;
	struct ctx *c = *con_cls;
	if (!c)
		return MHD_NO;
	event_thread_first_request();
	struct request *r = &c->req;
	if (c->written) /* resumed after a writer thread ran the handler */
		return finish(c, con, c->written_status, NULL);
	if (c->handed_over)
		return MHD_YES;
	if (!c->seen) {
		c->seen = true;
		c->method = arena_strdup(r->arena, method);
		const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		long long declared = cl ? atoll(cl) : 0;
		c->limit = router_body_limit(r->arena, c->raw_uri, config->body_limit, &c->upload);
		if (declared <= (long long)c->limit)
			return MHD_YES;
		c->too_large = true;
		/* an upload that is too large is read to its end (up to
		 * UPLOAD_DISCARD_LIMIT) before the 413: browsers show a reply
		 * only once they could send the whole file */
		if (c->upload && declared <= (long long)UPLOAD_DISCARD_LIMIT)
			return MHD_YES;
	}
	if (*upload_size) {
		/* No route takes a body yet: count and discard it. A body over the
		 * limit is read to its end (so the client can read our 413) unless
		 * it goes on far past the limit, then the connection is closed. */
		c->body_len += *upload_size;
		if (c->body_len > c->limit)
			c->too_large = true;
		else
			buf_add(&c->body, upload_data, *upload_size);
		*upload_size = 0;
		if (c->body_len >
		    (c->upload ? UPLOAD_DISCARD_LIMIT : c->limit + 16 * config->body_limit))
			return MHD_NO;
		return MHD_YES;
	}

	r->path = "/";
	r->query = "";
	r->method = parse_method(method);
	r->head = r->method == HTTP_HEAD;
	r->snap = readmodel_acquire(&c->held);
	c->version = r->snap->version;

	if (c->too_large) {
		/* the error format of the area the request was for */
		if (strncmp(c->raw_uri, "/api/", 5) == 0)
			r->path = "/api/";
		return finish(
		    c, con,
		    c->upload ? respond_error(r, 413, "Bestand te groot",
					      arena_printf(r->arena,
							   "De bestanden zijn samen groter dan "
							   "toegestaan: upload in één keer "
							   "hoogstens %u MiB. Er is niets "
							   "gewijzigd.",
							   UPLOAD_FILES_LIMIT >> 20),
					      NULL)
			      : respond_error(r, 413, "Verzoek te groot",
					      arena_printf(r->arena,
							   "De inhoud van het verzoek is groter "
							   "dan toegestaan (%zu MiB).",
							   c->limit >> 20),
					      NULL),
		    NULL);
	}

	/* split and decode the raw URI */
	size_t ulen = strlen(c->raw_uri);
	const char *qm = strchr(c->raw_uri, '?');
	size_t plen = qm ? (size_t)(qm - c->raw_uri) : ulen;
	char *path = arena_alloc(r->arena, plen + 1);
	bool path_ok =
	    plen > 0 && c->raw_uri[0] == '/' && pct_decode(c->raw_uri, plen, path, false) >= 0;
	/* an undecodable path still gets the error format of its area */
	r->path = path_ok ? path : (strncmp(c->raw_uri, "/api/", 5) == 0 ? "/api/" : "/");
	r->query = qm ? qm + 1 : "";
	if (ulen > MAX_URI)
		return finish(c, con,
			      respond_error(r, 414, "Adres te lang",
					    "Het adres (URL) van het verzoek is te lang.", NULL),
			      NULL);
	if (!path_ok)
		return finish(c, con,
			      respond_error(r, 400, "Ongeldige aanvraag",
					    "Het adres bevat ongeldige tekens (geen geldige UTF-8 "
					    "of een NUL-teken).",
					    NULL),
			      NULL);
	if (!r->method) {
		req_header(r, "Allow", "GET, HEAD");
		return finish(c, con,
			      respond_error(r, 405, "Methode niet toegestaan",
					    "Deze methode wordt niet ondersteund.", NULL),
			      NULL);
	}

	const char *ae =
	    MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	r->gzip_ok = ae && strstr(ae, "gzip");
	r->if_none_match =
	    MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	r->accept = MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
	r->conn = con;
	r->if_match = MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_MATCH);
	if (c->body.len) {
		if (c->body.err)
			return finish(c, con,
				      respond_error(r, 413, "Verzoek te groot",
						    "De inhoud van het verzoek is te groot.", NULL),
				      NULL);
		r->body = c->body.data;
		r->body_len = c->body.len;
		r->body_type =
		    MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	}
	{
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		char addr[INET6_ADDRSTRLEN] = "";
		if (ci && ci->client_addr) {
			if (ci->client_addr->sa_family == AF_INET)
				inet_ntop(AF_INET,
					  &((const struct sockaddr_in *)ci->client_addr)->sin_addr,
					  addr, sizeof addr);
			else if (ci->client_addr->sa_family == AF_INET6)
				inet_ntop(
				    AF_INET6,
				    &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr,
				    addr, sizeof addr);
		}
		/* behind a trusted proxy the client is the last address the proxy
		 * appended to X-Forwarded-For (earlier ones come from the client) */
		const char *xff =
		    config->trust_proxy
			? MHD_lookup_connection_value(con, MHD_HEADER_KIND, "X-Forwarded-For")
			: NULL;
		if (xff)
			forwarded_client(xff, addr, sizeof addr);
		r->client_addr = arena_strdup(r->arena, addr);
		const char *proto =
		    config->trust_proxy
			? MHD_lookup_connection_value(con, MHD_HEADER_KIND, "X-Forwarded-Proto")
			: NULL;
		r->secure = proto && strcmp(proto, "https") == 0;
	}
	session_load(
	    r, MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE),
	    MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION));

	/* whole cached reply? */
	char *cache_key = NULL;
	struct filling fill = {0};
	if ((r->method & (HTTP_GET | HTTP_HEAD)) && ulen < REPLY_CACHE_KEY_MAX && !r->user) {
		cache_key = arena_printf(r->arena, "%s|%d", c->raw_uri, r->gzip_ok ? 1 : 0);
		reply_validity(c);
		enum MHD_Result ret;
		if (cache_reply(c, con, cache_key, &ret))
			return ret;
		if (router_cacheable(r->arena, c->raw_uri)) {
			while (!fill_claim(&fill, cache_key))
				if (cache_reply(c, con, cache_key, &ret))
					return ret;
		}
	}

	if (r->method & (HTTP_POST | HTTP_PUT | HTTP_PATCH | HTTP_DELETE)) {
		c->con = con;
		c->handed_over = true;
		MHD_suspend_connection(con);
		writers_push(c);
		return MHD_YES;
	}
	int status = router_dispatch(r);
	enum MHD_Result ret = finish(c, con, status, cache_key);
	if (fill.key)
		fill_done(&fill);
	return ret;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	log_error("mhd: %s", msg);
}

int server_run(const struct server_config *cfg)
{
	config = cfg;
	store_thread_setup(cfg->db_path);
	struct store *st = store_thread();
	if (!st)
		return 1;
	char err[256];
	if (store_check_schema(st, err, sizeof err) != STORE_OK) {
		log_error("%s", err);
		return 1;
	}
	if (readmodel_start(NULL, cfg->db_path) != 0)
		return 1;
	if (static_load(cfg->web_dir) < 0) {
		readmodel_stop();
		return 1;
	}

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct sockaddr_storage ss = {0};
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC |
			 MHD_ALLOW_SUSPEND_RESUME;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	if (inet_pton(AF_INET, cfg->listen, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)cfg->port);
	} else if (inet_pton(AF_INET6, cfg->listen, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)cfg->port);
		flags |= MHD_USE_IPv6;
	} else {
		log_error("ongeldig luisteradres: %s", cfg->listen);
		return 1;
	}

	if (writers_start() != 0) {
		log_error("kan de schrijfthreads niet starten");
		writers_join();
		readmodel_stop();
		static_free();
		return 1;
	}
	if (cfg->start_background && cfg->start_background() != 0) {
		writers_join();
		readmodel_stop();
		static_free();
		return 1;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
	    flags, (uint16_t)cfg->port, NULL, NULL, access_handler, NULL,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads, MHD_OPTION_URI_LOG_CALLBACK,
	    uri_log_cb, NULL, MHD_OPTION_NOTIFY_COMPLETED, completed_cb, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	    (size_t)(32 * 1024), MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000, MHD_OPTION_END);
	if (!d) {
		log_error("kan niet luisteren op %s:%d", cfg->listen, cfg->port);
		writers_join();
		if (cfg->stop_background)
			cfg->stop_background();
		return 1;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	int port = info ? info->port : cfg->port;
	printf("Samenwerkingsatlas: http://%s%s%s:%d/\n", sin6->sin6_family == AF_INET6 ? "[" : "",
	       cfg->listen, sin6->sin6_family == AF_INET6 ? "]" : "", port);
	fflush(stdout);

	int sig = 0;
	sigwait(&set, &sig);
	log_info("signal %d: stopping; waiting for requests in progress", sig);
	MHD_socket lfd = MHD_quiesce_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	for (int i = 0; i < 100 && atomic_load(&inflight) > 0; i++)
		usleep(100000);
	writers_join(); /* finishes the writes still queued */
	MHD_stop_daemon(d);
	if (cfg->stop_background)
		cfg->stop_background();
	readmodel_stop();
	reply_cache_clear();
	static_free();
	store_thread_release();
	log_info("stopped");
	return 0;
}
