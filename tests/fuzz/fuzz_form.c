/*
 * fuzz_form — libFuzzer target for form-body decoding (src/http/form.c
 * form_decode, what req_form uses for application/x-www-form-urlencoded
 * bodies). Checks the contract in form.h: on success at most
 * FORM_MAX_FIELDS fields, every name non-empty, names and values valid
 * UTF-8 without NUL (each equals an independent pct_decode of its segment);
 * on failure no fields. Does not start a server. Build/run: make fuzz.
 */
#include "../../src/http/form.h"
#include "../../src/http/request.h"
#include "../../src/lib/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	if (!a)
		abort();
	const char *body = (const char *)data;
	struct param *form;
	int n;
	int rc = form_decode(a, body, size, &form, &n);
	size_t amps = 0;
	for (size_t i = 0; i < size; i++)
		amps += data[i] == '&';
	if (rc != 0) {
		if (n != 0)
			abort(); /* a refused body yields no fields */
		arena_free(a);
		return 0;
	}
	if (n < 0 || n > FORM_MAX_FIELDS || amps >= FORM_MAX_FIELDS)
		abort(); /* at most 512 fields */
	/* walk the segments again and compare with an independent decode */
	char *tmp = malloc(size + 1);
	if (!tmp)
		abort();
	int k = 0;
	const char *q = body, *end = body + size;
	while (q < end) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		size_t flen = amp ? (size_t)(amp - q) : (size_t)(end - q);
		const char *eq = memchr(q, '=', flen);
		size_t klen = eq ? (size_t)(eq - q) : flen;
		long kn = pct_decode(q, klen, tmp, true);
		if (kn < 0)
			abort(); /* success means every segment decodes */
		if (kn > 0) {
			if (k >= n)
				abort();
			const char *name = form[k].name, *val = form[k].value;
			if (strlen(name) != (size_t)kn || memcmp(name, tmp, (size_t)kn) != 0)
				abort();
			if (!utf8_is_valid(name, strlen(name)) || !utf8_is_valid(val, strlen(val)))
				abort(); /* valid UTF-8 */
			size_t vlen = eq ? flen - klen - 1 : 0;
			long vn = pct_decode(eq ? eq + 1 : q + flen, vlen, tmp, true);
			if (vn < 0 || strlen(val) != (size_t)vn ||
			    memcmp(val, tmp, (size_t)vn) != 0)
				abort(); /* no NUL inside, same bytes */
			k++;
		}
		q += flen + (amp ? 1 : 0);
	}
	if (k != n)
		abort();
	free(tmp);
	arena_free(a);
	return 0;
}
