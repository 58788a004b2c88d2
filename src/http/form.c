/*
 * form — see form.h.
 */
#include "form.h"
#include "request.h"
#include "../lib/text.h"

#include <string.h>

int form_decode(struct arena *a, const char *body, size_t len, struct param **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!body || !len)
		return 0;
	int max = 0;
	for (size_t i = 0; i < len; i++) {
		max += body[i] == '&';
		if (max >= FORM_MAX_FIELDS)
			return -1;
	}
	max += 1;
	struct param *form = arena_calloc(a, (size_t)max, sizeof *form);
	int count = 0;
	const char *q = body, *end = body + len;
	while (q < end) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		size_t flen = amp ? (size_t)(amp - q) : (size_t)(end - q);
		const char *eq = memchr(q, '=', flen);
		size_t klen = eq ? (size_t)(eq - q) : flen;
		const char *v = eq ? eq + 1 : q + flen;
		size_t vlen = eq ? flen - klen - 1 : 0;
		char *key = arena_alloc(a, klen + 1);
		char *val = arena_alloc(a, vlen + 1);
		if (pct_decode(q, klen, key, true) < 0 || pct_decode(v, vlen, val, true) < 0)
			return -1;
		if (*key) {
			form[count].name = key;
			form[count].value = val;
			count++;
		}
		q += flen + (amp ? 1 : 0);
	}
	*out = form;
	*n = count;
	return 0;
}

const char *cookie_find(struct arena *a, const char *header, const char *name)
{
	size_t nlen = strlen(name);
	const char *p = header;
	while (p && *p) {
		while (*p == ' ' || *p == ';')
			p++;
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
			const char *v = p + nlen + 1;
			size_t vlen = len - nlen - 1;
			if (vlen == 0 || vlen > 128)
				return NULL;
			return arena_strndup(a, v, vlen);
		}
		p = end;
	}
	return NULL;
}
