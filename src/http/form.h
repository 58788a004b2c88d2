/*
 * form — pure decoders for request bodies and headers, split out of
 * respond.c and session.c so they can be unit-tested and fuzzed without a
 * request or a store (tests/fuzz/fuzz_form.c, fuzz_cookie.c).
 */
#ifndef ATLAS_FORM_H
#define ATLAS_FORM_H

#include "../lib/arena.h"

#include <stddef.h>

struct param;

/* Most fields one form body may hold. */
#define FORM_MAX_FIELDS 512

/*
 * Decode an application/x-www-form-urlencoded body[0..len) into *out (an
 * arena array) and *n. Names and values are percent-decoded with '+' as
 * space: valid UTF-8, no NUL. Fields with an empty name are skipped.
 * Returns 0, or -1 when the body holds more than FORM_MAX_FIELDS fields or
 * a name/value does not decode (then *n is 0). An empty body gives *n = 0.
 */
int form_decode(struct arena *a, const char *body, size_t len, struct param **out, int *n);

/*
 * The value of cookie `name` in a Cookie header, copied into the arena, or
 * NULL when absent, empty or longer than 128 bytes.
 */
const char *cookie_find(struct arena *a, const char *header, const char *name);

#endif
