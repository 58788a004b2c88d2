/*
 * arena — a per-request region allocator freed in one go.
 *
 * Allocations are 16-byte aligned and live until arena_free(). Cleanup
 * callbacks registered with arena_on_free run (last registered first) when
 * the arena is freed, for non-memory resources. Aborts on out-of-memory
 * (xalloc policy): a request cannot continue without memory.
 */
#ifndef ATLAS_ARENA_H
#define ATLAS_ARENA_H

#include <stddef.h>

struct arena;

/* Create an arena. Never returns NULL. Free with arena_free. */
struct arena *arena_new(void);
/* An arena that takes memory in blocks of block_size bytes (at least 256)
 * instead of 16 KiB: for many small arenas that hold a few strings each. */
struct arena *arena_new_sized(size_t block_size);
/* Bytes the arena took from the system so far. */
size_t arena_bytes(const struct arena *a);
/* Free all allocations and run cleanups. arena_free(NULL) is a no-op. */
void arena_free(struct arena *a);
/* Allocate n zeroed bytes owned by the arena. */
void *arena_alloc(struct arena *a, size_t n);
/* Allocate count*size bytes, overflow-checked (aborts on overflow). */
void *arena_calloc(struct arena *a, size_t count, size_t size);
/* Copy a string (NULL gives NULL) / n bytes plus NUL into the arena. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Register fn(arg) to run at arena_free. */
void arena_on_free(struct arena *a, void (*fn)(void *), void *arg);

#endif
