/*
 * json — streaming writer; see json.h.
 */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void json_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	buf_putc(b, '"');
	const char *run = s;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		char esc[7];
		size_t n;
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			n = 2;
		} else if (c == '\n') {
			memcpy(esc, "\\n", 2);
			n = 2;
		} else if (c == '\t') {
			memcpy(esc, "\\t", 2);
			n = 2;
		} else if (c == '\r') {
			memcpy(esc, "\\r", 2);
			n = 2;
		} else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f) {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
		} else {
			continue;
		}
		buf_add(b, run, (size_t)(p - run));
		buf_add(b, esc, n);
		run = p + 1;
	}
	buf_puts(b, run);
	buf_putc(b, '"');
}

void jw_init(struct jw *w, struct buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
	w->first[0] = true;
}

static void sep(struct jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (!w->first[w->depth])
		buf_putc(w->b, ',');
	w->first[w->depth] = false;
}

static void open(struct jw *w, char c)
{
	sep(w);
	buf_putc(w->b, c);
	if (w->depth + 1 < JW_MAX_DEPTH)
		w->depth++;
	w->first[w->depth] = true;
	w->close[w->depth] = c == '{' ? '}' : ']';
}

void jw_obj(struct jw *w)
{
	open(w, '{');
}

void jw_arr(struct jw *w)
{
	open(w, '[');
}

void jw_end(struct jw *w)
{
	if (w->depth == 0)
		return;
	buf_putc(w->b, w->close[w->depth]);
	w->depth--;
}

void jw_key(struct jw *w, const char *key)
{
	sep(w);
	json_escape(w->b, key);
	buf_putc(w->b, ':');
	w->after_key = true;
}

void jw_str(struct jw *w, const char *s)
{
	sep(w);
	if (s)
		json_escape(w->b, s);
	else
		buf_puts(w->b, "null");
}

void jw_int(struct jw *w, int64_t v)
{
	sep(w);
	buf_printf(w->b, "%lld", (long long)v);
}

void jw_num(struct jw *w, double v)
{
	sep(w);
	if (!isfinite(v)) {
		buf_puts(w->b, "null");
		return;
	}
	buf_printf(w->b, "%.15g", v);
}

void jw_bool(struct jw *w, bool v)
{
	sep(w);
	buf_puts(w->b, v ? "true" : "false");
}

void jw_null(struct jw *w)
{
	sep(w);
	buf_puts(w->b, "null");
}

void jw_kstr(struct jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_str(w, (s && *s) ? s : NULL);
}

void jw_kint(struct jw *w, const char *key, int64_t v)
{
	jw_key(w, key);
	jw_int(w, v);
}

void jw_knum_or_null(struct jw *w, const char *key, bool has, double v)
{
	jw_key(w, key);
	if (has)
		jw_num(w, v);
	else
		jw_null(w);
}

void jw_kbool(struct jw *w, const char *key, bool v)
{
	jw_key(w, key);
	jw_bool(w, v);
}
