/*
 * html — context-specific escaping writers. Every byte of markup the server
 * sends goes through one of these (cgit's html.c idea):
 *   html_text  text content          & < > " ' escaped
 *   html_attr  attribute value       the same five; callers always use "..."
 *   url_seg    one URL path segment  percent-encoded except unreserved
 *   url_arg    one query key/value   percent-encoded except unreserved
 *   html_raw   literal markup        only for string constants in our code
 * Input strings are expected to be valid UTF-8 (checked at input); bytes are
 * passed through otherwise unchanged.
 */
#ifndef ATLAS_HTML_H
#define ATLAS_HTML_H

#include "../lib/buf.h"

void html_text(struct buf *b, const char *s);
void html_attr(struct buf *b, const char *s);
void url_seg(struct buf *b, const char *s);
void url_arg(struct buf *b, const char *s);
/* Literal markup from the program text. */
static inline void html_raw(struct buf *b, const char *s)
{
	buf_puts(b, s);
}
/* printf for markup whose arguments are numbers only (format checked). */
void html_rawf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Write a Dutch-formatted integer with thousands dots (374.238). */
void html_int_nl(struct buf *b, long long v);
/* Write an ISO date YYYY-MM-DD as "12 januari 2006" (or the raw text if malformed). */
void html_date_nl(struct buf *b, const char *iso);

#endif
