/*
 * fields — shared input checks and the field-error list; see fields.h and
 * records.h.
 */
#include "fields.h"
#include "../lib/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* s was cut at a byte limit: drop a UTF-8 sequence left incomplete at its
 * end, so a long name in a message never ends inside a character. */
static void utf8_cut(char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (i - 1) < need)
		s[i - 1] = '\0';
}

void field_errors_add(struct field_errors *e, const char *field, const char *fmt, ...)
{
	if (!e || e->n >= FIELD_ERRORS_MAX || field_errors_get(e, field))
		return;
	struct field_error *x = &e->e[e->n++];
	snprintf(x->field, sizeof x->field, "%s", field);
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(x->message, sizeof x->message, fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof x->message)
		utf8_cut(x->message);
}

const char *field_errors_get(const struct field_errors *e, const char *field)
{
	for (int i = 0; e && i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0)
			return e->e[i].message;
	return NULL;
}

const char *field_nz(const char *s)
{
	return s ? s : "";
}

void field_check_text(struct field_errors *e, const char *field, const char *v, size_t min,
		      size_t max, bool multi_line, const char *what)
{
	v = field_nz(v);
	size_t n = strlen(v);
	if (!utf8_is_valid(v, n)) {
		field_errors_add(e, field, "%s bevat ongeldige tekens.", what);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			if (multi_line && (*p == '\n' || *p == '\r' || *p == '\t'))
				continue;
			field_errors_add(e, field, "%s bevat een stuurteken; haal het weg.", what);
			return;
		}
	}
	size_t chars = utf8_length(v, n);
	if (chars < min)
		field_errors_add(e, field, "%s heeft minstens %zu tekens.", what, min);
	else if (chars > max)
		field_errors_add(e, field, "%s heeft hoogstens %zu tekens (nu %zu).", what, max,
				 chars);
}
