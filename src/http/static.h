/*
 * static — the files under web/ (our CSS, images, and the vendor files that
 * scripts/assets copies into web/gen), loaded into memory at startup and
 * served under content-hashed names with immutable caching:
 *   web/css/atlas.css  ->  /static/css/atlas.1a2b3c4d.css
 * Requests are answered from the in-memory table only, so no request path
 * ever reaches the file system (no traversal by construction).
 */
#ifndef ATLAS_STATIC_H
#define ATLAS_STATIC_H

#include "request.h"

/* Load every regular file below dir (recursively; skips dot files and
 * symlinks) and register their hashed URLs with render/assets. Returns the
 * number of files, or -1 on error (logged). */
int static_load(const char *dir);
/* Free the table. */
void static_free(void);
/* Handler for GET /static/... */
int static_serve(struct request *r);

#endif
