/*
 * assets — the map from a static file's logical name ("css/atlas.css") to
 * its content-hashed URL ("/static/css/atlas.3f9a1c2b.css"), filled once at
 * startup by the static file module (http/static.c) before any request is
 * served, and read-only afterwards.
 */
#ifndef ATLAS_ASSETS_H
#define ATLAS_ASSETS_H

/* Register a mapping (strings are copied). Not thread-safe: startup only. */
void assets_register(const char *logical, const char *url);
/* The hashed URL for a logical name; "/static/<logical>" when unknown. */
const char *assets_url(const char *logical);
/* Free the table (at shutdown). */
void assets_clear(void);

#endif
