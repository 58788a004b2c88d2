/*
 * multipart — a pure parser for multipart/form-data bodies (RFC 7578):
 * the file upload of /beheer/import and POST /api/v1/wijzigingen. It works
 * on the buffered body the server already collected (the route's body
 * limit applies first, see ROUTE_UPLOAD), so there is no streaming state:
 * one call splits the body into parts. Unit-tested (tests/unit/test_form.c)
 * and fuzzed (tests/fuzz/fuzz_multipart.c).
 *
 * Text fields (no filename) must be valid UTF-8 without NUL, like the
 * fields of a urlencoded form; they land in the request's form fields, so
 * req_form and the router's CSRF check work for multipart forms too. File
 * parts keep their bytes as sent (pointers into the body).
 */
#ifndef ATLAS_MULTIPART_H
#define ATLAS_MULTIPART_H

#include "../lib/arena.h"

#include <stddef.h>

struct param;

/* Most parts one body may hold, and the longest header block of a part. */
#define MULTIPART_MAX_PARTS 512
#define MULTIPART_MAX_HEADER 8192

struct upload {
	const char *name;	  /* the form field's name */
	const char *filename;	  /* the file's name without any directory ("" when the
				     browser sent none: an empty file input) */
	const char *content_type; /* as sent, or "" */
	const char *data;	  /* the bytes (points into the body; not NUL-terminated) */
	size_t len;
};

/*
 * The boundary of a "multipart/form-data; boundary=..." Content-Type, in
 * the arena; NULL when the type is not multipart/form-data or the
 * boundary is missing or invalid (1..70 characters).
 */
const char *multipart_boundary(struct arena *a, const char *content_type);

/*
 * Split body[0..len) with boundary into text fields (*fields, *n_fields;
 * name and value NUL-terminated in the arena) and files (*files,
 * *n_files). Returns 0, or -1 when the body is malformed (no closing
 * boundary, a part without a Content-Disposition name, too many parts, a
 * header block that is too long, a text field that is not valid UTF-8 or
 * holds NUL); then every count is 0.
 */
int multipart_parse(struct arena *a, const char *body, size_t len, const char *boundary,
		    struct param **fields, int *n_fields, struct upload **files, int *n_files);

#endif
