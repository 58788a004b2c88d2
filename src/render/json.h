/*
 * json — a streaming JSON writer with the same escaping rules everywhere:
 * keys and values are escaped, control bytes become \u00XX, and < > & are
 * written as \u003c \u003e \u0026 so JSON is safe inside HTML too. Valid UTF-8
 * passes through (input is validated at the edge). Used for list replies
 * where building a jansson tree would dominate the cost (DESIGN.md).
 *
 * The writer tracks commas itself: call jw_obj/jw_arr to open, jw_end to
 * close, jw_key before each member value.
 */
#ifndef ATLAS_JSON_H
#define ATLAS_JSON_H

#include "../lib/buf.h"
#include <stdbool.h>
#include <stdint.h>

#define JW_MAX_DEPTH 32

struct jw {
	struct buf *b;
	int depth;
	bool first[JW_MAX_DEPTH]; /* no member written yet at this depth */
	char close[JW_MAX_DEPTH]; /* closing character per open level */
	bool after_key;		  /* a key was written; the value needs no comma */
};

void jw_init(struct jw *w, struct buf *b);
void jw_obj(struct jw *w);
void jw_arr(struct jw *w);
void jw_end(struct jw *w);
void jw_key(struct jw *w, const char *key);
void jw_str(struct jw *w, const char *s); /* NULL writes null */
void jw_int(struct jw *w, int64_t v);
void jw_num(struct jw *w, double v); /* up to 15 significant digits */
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);
/* Convenience: key + value. A NULL/empty string writes null. */
void jw_kstr(struct jw *w, const char *key, const char *s);
void jw_kint(struct jw *w, const char *key, int64_t v);
void jw_kbool(struct jw *w, const char *key, bool v);
/* key + the number v, or null when !has (a missing figure is never 0). */
void jw_knum_or_null(struct jw *w, const char *key, bool has, double v);
/* Escape s as a JSON string literal (with quotes) into b. */
void json_escape(struct buf *b, const char *s);

#endif
