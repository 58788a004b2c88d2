/*
 * api_body — the JSON request bodies of the write API (api_write.c) turned
 * into store input structs, as a pure function: no request, no reply, no
 * store, no global state; everything it returns lives in the given arena.
 * api_write.c calls it for every POST/PUT/PATCH/DELETE body and turns a
 * refusal into the problem reply; the fuzz target tests/fuzz/fuzz_json_body.c
 * and tests/unit/test_api_body.c call exactly the same code.
 *
 * What it checks, in this order (the first failure decides the status):
 *   - a body is present — else 400 "Geen invoer", unless allow_empty (DELETE
 *     of a participation may send none; then nothing is set);
 *   - Content-Type application/json or application/merge-patch+json
 *     (parameters such as "; charset=utf-8" ignored) — else 415;
 *   - the body is one JSON text (jansson, duplicate keys refused, \u0000
 *     refused, invalid UTF-8 refused, nesting deeper than jansson's limit
 *     refused) — else 400 "Ongeldige JSON" with line and column;
 *   - the text is an object — else 400;
 *   - every member is a known field with a JSON type that field accepts;
 *     read-only members of the GET representation (id, versie, _links, ...)
 *     are ignored; "organisatie" of a participation only on create — else
 *     400 with every problem in errors (field name, Dutch reason).
 * Values are NOT validated here (lengths, dates, enumerations): the store
 * does that with domain/validate_write.h plus its reference checks.
 *
 * Not here: the body size limit. The server refuses bodies over its
 * body_limit (1 MiB, struct server_config) with 413 before any route runs
 * (src/http/server.c), so len is at most that here.
 *
 * Output contract: on success every field of `in` that was given is a
 * NUL-terminated, valid UTF-8 string in the arena; create/replace set every
 * writable field that was absent to "" (cleared) except "bron" (NULL: the
 * store's default source) and, on replace, "organisatie"; merge leaves
 * absent fields NULL (kept). On failure `in` may be partly filled and must
 * not be used. Error field names and messages are valid UTF-8 (an unknown
 * member's name is shortened on a character boundary).
 */
#ifndef ATLAS_API_BODY_H
#define ATLAS_API_BODY_H

#include "../lib/arena.h"
#include "../store/store_write.h"

#include <stdbool.h>
#include <stddef.h>

enum api_body_mode {
	API_BODY_CREATE,  /* POST: absent writable fields become "" */
	API_BODY_REPLACE, /* PUT: the same; "organisatie" may not be given */
	API_BODY_MERGE,	  /* PATCH (merge-patch) and DELETE: absent fields stay NULL */
};

/* Why a body was refused. status is 0 when it was accepted. */
struct api_body_error {
	int status;		    /* 400 or 415 */
	const char *title;	    /* Dutch problem title (static) */
	const char *detail;	    /* Dutch problem detail (static or in the arena) */
	struct field_errors fields; /* n > 0: reply 400 with these in invalidParams */
};

/* A collaboration body (create, replace or merge) into *in (zero it first).
 * Returns 0, or the status (400/415) with *err filled. */
int api_body_collab(struct arena *a, const char *body, size_t len, const char *content_type,
		    enum api_body_mode mode, struct collab_input *in, struct api_body_error *err);

/* A participation body into *in (zero it first). allow_empty: an absent or
 * empty body is accepted as {} (DELETE). Returns 0 or the status. */
int api_body_part(struct arena *a, const char *body, size_t len, const char *content_type,
		  enum api_body_mode mode, bool allow_empty, struct part_input *in,
		  struct api_body_error *err);

#endif
