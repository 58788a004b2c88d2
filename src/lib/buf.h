/*
 * buf — a growable byte buffer with a sticky error flag.
 *
 * Writers append; on allocation failure or when the optional cap is exceeded
 * the buffer sets `err` and ignores further appends, so callers check once at
 * the end (the SQLite StrAccum idea). Data is always NUL-terminated when
 * len > 0. Not thread-safe; one owner.
 */
#ifndef ATLAS_BUF_H
#define ATLAS_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;   /* owned; NUL-terminated when cap > 0 */
	size_t len;   /* bytes used, excluding the NUL */
	size_t cap;   /* bytes allocated */
	size_t limit; /* 0 = unlimited, else maximum len */
	bool err;     /* sticky: an append failed or exceeded limit */
};

#define BUF_INIT                                                                                   \
	{                                                                                          \
		NULL, 0, 0, 0, false                                                               \
	}

/* Append n bytes. */
void buf_add(struct buf *b, const void *p, size_t n);
/* Append a NUL-terminated string (NULL appends nothing). */
void buf_puts(struct buf *b, const char *s);
/* Append one byte. */
void buf_putc(struct buf *b, char c);
/* printf-style append. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Reset length to zero, keep memory. */
void buf_reset(struct buf *b);
/* Free memory; the struct may be reused after buf_init. buf_free(NULL) is a no-op. */
void buf_free(struct buf *b);
/* Take ownership of the data (caller frees with free()); the buf is reset to empty. */
char *buf_detach(struct buf *b, size_t *len);
/* Ensure room for n more bytes; false on failure (and sets err). */
bool buf_reserve(struct buf *b, size_t n);

#endif
