/*
 * fuzz_cookie — libFuzzer target for the Cookie header lookup
 * (src/http/form.c cookie_find, which session_load uses for the session
 * cookie). The input is "NAME\0HEADER" (without a NUL: the session cookie
 * name and the whole input as header). The result is NULL or 1..128 bytes
 * without ';' and must appear in the header right after "NAME=".
 */
#include "../../src/http/form.h"
#include "../../src/http/session.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 2);
	if (!in)
		abort();
	memcpy(in, data, size);
	in[size] = 0;
	in[size + 1] = 0;
	const char *name = SESSION_COOKIE, *header = in;
	size_t nul = strlen(in);
	if (nul < size) {
		name = in;
		header = in + nul + 1;
	}
	struct arena *a = arena_new();
	if (!a)
		abort();
	const char *v = cookie_find(a, header, name);
	if (v) {
		size_t vl = strlen(v), nl = strlen(name);
		if (vl == 0 || vl > 128 || strchr(v, ';'))
			abort();
		/* it must be in the header, right after "name=" */
		int found = 0;
		for (const char *p = strstr(header, v); p && !found; p = strstr(p + 1, v))
			found = (size_t)(p - header) >= nl + 1 && p[-1] == '=' &&
				memcmp(p - 1 - nl, name, nl) == 0;
		if (!found)
			abort();
	}
	arena_free(a);
	free(in);
	return 0;
}
