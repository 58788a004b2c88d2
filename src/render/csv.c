/*
 * csv — see csv.h.
 */
#include "csv.h"

#include <stdio.h>
#include <string.h>

void csv_begin(struct csv *c, struct buf *b)
{
	c->b = b;
	c->row_started = false;
	buf_puts(b, "\xEF\xBB\xBF");
}

static void sep(struct csv *c)
{
	if (c->row_started)
		buf_putc(c->b, ',');
	c->row_started = true;
}

void csv_cell(struct csv *c, const char *s)
{
	sep(c);
	if (!s || !*s)
		return;
	bool formula = strchr("=+-@\t\r", s[0]) != NULL;
	bool quote = formula || strpbrk(s, ",\"\r\n;") != NULL;
	if (quote)
		buf_putc(c->b, '"');
	if (formula)
		buf_putc(c->b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(c->b, '"');
		buf_putc(c->b, *p);
	}
	if (quote)
		buf_putc(c->b, '"');
}

void csv_int(struct csv *c, int64_t v)
{
	sep(c);
	buf_printf(c->b, "%lld", (long long)v);
}

void csv_num(struct csv *c, double v)
{
	sep(c);
	buf_printf(c->b, "%.6g", v);
}

void csv_end_row(struct csv *c)
{
	buf_puts(c->b, "\r\n");
	c->row_started = false;
}
