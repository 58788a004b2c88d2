/*
 * server — the HTTP front: libmicrohttpd with an epoll thread pool, request
 * limits, the security headers, ETag/304, gzip, the reply cache
 * (reply_cache.h), the access log and graceful shutdown. Each request reads
 * the current snapshot of the read model (app/readmodel.h), held until the
 * request completes. Handlers never see a raw request; see request.h and
 * router.h.
 */
#ifndef ATLAS_SERVER_H
#define ATLAS_SERVER_H

#include <stdbool.h>
#include <stddef.h>

struct server_config {
	const char *listen;  /* IPv4 or IPv6 literal, default 127.0.0.1 */
	int port;	     /* default 8080 */
	const char *db_path; /* SQLite database */
	const char *web_dir; /* static files, default "web" */
	int threads;	     /* worker threads (default 4) */
	size_t body_limit;   /* request body limit in bytes (default 1 MiB) */
	bool quiet;	     /* no access log */
	bool trust_proxy;    /* believe X-Forwarded-Proto (behind our own TLS proxy) */
	/* Background work beside the requests (the outbox sender, app/outbox.h),
	 * given by main.c so http/ does not depend on it: started after the
	 * snapshot is loaded, with SIGINT/SIGTERM blocked; stopped after the
	 * last request. NULL: none. start returns 0 or -1 (startup fails). */
	int (*start_background)(void);
	void (*stop_background)(void);
};

/*
 * Load the snapshot and static files, serve until SIGINT/SIGTERM, let
 * in-flight requests finish, and return 0 (or 1 when startup failed).
 */
int server_run(const struct server_config *cfg);

#endif
