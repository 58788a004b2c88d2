/*
 * log — stderr logging; see log.h. One fprintf per line so lines from
 * different threads do not interleave.
 */
#define _POSIX_C_SOURCE 200809L
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int quiet;

void log_set_quiet(int q)
{
	quiet = q;
}

static void vlog(const char *level, const char *fmt, va_list ap)
{
	char msg[1024], ts[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(msg, sizeof msg, fmt, ap);
	fprintf(stderr, "%s %s %s\n", ts, level, msg);
}

void log_info(const char *fmt, ...)
{
	if (quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	vlog("info", fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog("error", fmt, ap);
	va_end(ap);
}

/* Only with ATLAS_LOG_DEBUG set in the environment. */
void log_debug(const char *fmt, ...)
{
	if (quiet || !getenv("ATLAS_LOG_DEBUG"))
		return;
	va_list ap;
	va_start(ap, fmt);
	vlog("debug", fmt, ap);
	va_end(ap);
}
