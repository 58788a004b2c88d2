/*
 * arena — region allocator; see arena.h.
 */
#include "arena.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE 16384

struct block {
	struct block *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

struct cleanup {
	struct cleanup *next;
	void (*fn)(void *);
	void *arg;
};

struct arena {
	struct block *head;
	struct cleanup *cleanups;
	size_t block_size; /* size of a new block */
	size_t bytes;	   /* bytes taken from the system in blocks */
};

struct arena *arena_new(void)
{
	return arena_new_sized(BLOCK_SIZE);
}

struct arena *arena_new_sized(size_t block_size)
{
	struct arena *a = xcalloc(1, sizeof(struct arena));
	a->block_size = block_size >= 256 ? block_size : 256;
	return a;
}

size_t arena_bytes(const struct arena *a)
{
	return a ? a->bytes : 0;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	for (struct cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->arg);
	struct block *b = a->head;
	while (b) {
		struct block *n = b->next;
		free(b);
		b = n;
	}
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	struct block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > a->block_size / 2 ? n : a->block_size;
		if (size > SIZE_MAX - sizeof(struct block))
			abort();
		struct block *nb = xmalloc(sizeof(struct block) + size);
		nb->used = 0;
		nb->size = size;
		a->bytes += sizeof(struct block) + size;
		if (b && n > a->block_size / 2) {
			/* big allocation: keep the current block as head */
			nb->next = b->next;
			b->next = nb;
			nb->used = n;
			memset(nb->data, 0, n);
			return nb->data;
		}
		nb->next = b;
		a->head = nb;
		b = nb;
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		abort();
	return arena_alloc(a, count * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, cp;
	va_start(ap, fmt);
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_on_free(struct arena *a, void (*fn)(void *), void *arg)
{
	struct cleanup *c = arena_alloc(a, sizeof *c);
	c->fn = fn;
	c->arg = arg;
	c->next = a->cleanups;
	a->cleanups = c;
}
