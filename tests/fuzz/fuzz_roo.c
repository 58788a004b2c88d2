/*
 * fuzz_roo — libFuzzer target for the ROO export reader (src/io/roo.c) on
 * arbitrary bytes: the input is written to a temporary file and streamed
 * with roo_parse_file and callbacks that only look at every record. The
 * parser must accept or reject (with "FILE:LINE:COLUMN: reason") without
 * crashing, leaking or reading out of bounds; also fuzzes the verdeelsleutel
 * parser and the legal-form lookup on the same bytes.
 */
#include "../../src/io/roo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_header(void *ctx, const struct roo_header *h, char *err, size_t errlen)
{
	(void)ctx, (void)err, (void)errlen;
	return strlen(h->ns) < sizeof h->ns ? 0 : -1;
}

static int on_org(void *ctx, const struct roo_org *o, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	*(size_t *)ctx += strlen(o->name) + (size_t)o->nfunctions;
	return 0;
}

static int on_regeling(void *ctx, const struct roo_regeling *r, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	size_t n = strlen(r->title) + (r->purpose ? strlen(r->purpose) : 0);
	for (int i = 0; i < r->nterms; i++)
		n += strlen(r->terms[i]);
	*(size_t *)ctx += n + (size_t)r->nparts;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuzz_roo_XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	char path[128];
	snprintf(path, sizeof path, "%s/t.xml", dir);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	size_t seen = 0;
	struct roo_handler h = {
	    .ctx = &seen, .header = on_header, .org = on_org, .regeling = on_regeling};
	struct roo_stats st;
	memset(&st, 0, sizeof st);
	char err[512] = "";
	if (roo_parse_file(path, &h, false, &st, err, sizeof err) != 0 && !err[0])
		abort(); /* a rejection always says why */

	/* the small pure helpers on a NUL-terminated prefix */
	char s[64];
	size_t n = size < sizeof s - 1 ? size : sizeof s - 1;
	memcpy(s, data, n);
	s[n] = 0;
	double share;
	(void)roo_parse_share(s, &share);
	(void)roo_legal_form(s);
	(void)roo_powers(s);
	char ver[32];
	(void)roo_namespace_ok(s, ver, sizeof ver);
	return 0;
}
