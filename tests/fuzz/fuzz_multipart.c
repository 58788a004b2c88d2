/*
 * fuzz_multipart — libFuzzer target for the multipart/form-data parser
 * (src/http/multipart.c), what req_form and req_files use for uploads. The
 * first input line is the Content-Type header, the rest the body. Checks
 * the contract in multipart.h: on success at most MULTIPART_MAX_PARTS
 * parts, every name non-empty valid UTF-8, text values valid UTF-8 without
 * NUL, file bytes inside the body and file names without a directory; on
 * failure no parts. Does not start a server. Build/run: make fuzz.
 */
#include "../../src/http/multipart.h"
#include "../../src/http/request.h"
#include "../../src/lib/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	size_t hl = nl ? (size_t)(nl - (const char *)data) : size;
	if (hl > 200)
		return 0;
	struct arena *a = arena_new();
	char *ct = arena_strndup(a, (const char *)data, hl);
	/* the body in its own allocation, so reads past its end are caught */
	size_t blen = nl ? size - hl - 1 : 0;
	char *body = malloc(blen ? blen : 1);
	if (!body)
		abort();
	if (blen)
		memcpy(body, nl + 1, blen);
	const char *boundary = multipart_boundary(a, ct);
	if (!boundary)
		boundary = "b";
	if (strlen(boundary) < 1 || strlen(boundary) > 70)
		abort();
	struct param *f;
	struct upload *u;
	int nf, nu;
	int rc = multipart_parse(a, body, blen, boundary, &f, &nf, &u, &nu);
	if (rc != 0) {
		if (nf || nu)
			abort();
	} else {
		if (nf < 0 || nu < 0 || nf + nu > MULTIPART_MAX_PARTS)
			abort();
		for (int i = 0; i < nf; i++)
			if (!*f[i].name || !utf8_is_valid(f[i].name, strlen(f[i].name)) ||
			    !utf8_is_valid(f[i].value, strlen(f[i].value)))
				abort();
		for (int i = 0; i < nu; i++) {
			if (!*u[i].name || strchr(u[i].filename, '/') ||
			    strchr(u[i].filename, '\\'))
				abort();
			if (u[i].len && (u[i].data < body || u[i].data + u[i].len > body + blen))
				abort();
		}
	}
	free(body);
	arena_free(a);
	return 0;
}
