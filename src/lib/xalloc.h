/*
 * xalloc — allocation that aborts on out-of-memory. Use for long-lived
 * objects; requests use the arena.
 */
#ifndef ATLAS_XALLOC_H
#define ATLAS_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Array realloc with overflow check. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);		 /* NULL gives NULL */
char *xstrndup(const char *s, size_t n); /* at most n bytes; NULL gives NULL */

#endif
