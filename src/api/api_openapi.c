/*
 * api_openapi — GET /api/v1/openapi.json: serves the OpenAPI 3 document
 * (docs/openapi.json) that main reads at startup and hands over with
 * api_set_openapi. The document does not depend on the data, so its ETag
 * is a hash of its bytes rather than the snapshot version.
 *
 * api_set_openapi is meant to be called once, before the server starts
 * threads; it is not synchronised with readers.
 */
#include "api.h"
#include "../lib/log.h"
#include "../lib/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *oas_doc;	  /* private copy, NUL-terminated */
static size_t oas_len;	  /* bytes in oas_doc */
static char oas_etag[40]; /* quoted strong ETag: FNV-1a 64 of the bytes */

void api_set_openapi(const char *json, size_t len)
{
	free(oas_doc);
	oas_doc = NULL;
	oas_len = 0;
	oas_etag[0] = '\0';
	if (!json)
		return;
	oas_doc = xmalloc(len + 1);
	memcpy(oas_doc, json, len);
	oas_doc[len] = '\0';
	oas_len = len;
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)json[i];
		h *= 1099511628211ull;
	}
	snprintf(oas_etag, sizeof oas_etag, "\"oas-%016llx\"", (unsigned long long)h);
}

int api_openapi(struct request *r)
{
	if (!oas_doc) {
		log_error("api_openapi: no OpenAPI document loaded (docs/openapi.json missing?)");
		return respond_error(r, 500, "Interne fout",
				     "Het OpenAPI-document is op deze server niet beschikbaar.",
				     NULL);
	}
	buf_add(&r->out, oas_doc, oas_len);
	r->content_type = "application/json";
	r->etag = oas_etag;
	return 200;
}
