/*
 * gzip — compress a reply body with zlib (gzip wrapper, level 6).
 */
#ifndef ATLAS_GZIP_H
#define ATLAS_GZIP_H

#include "../lib/buf.h"
#include <stddef.h>

/* Append the gzip encoding of data[0..n) to out. Returns 0 or -1. */
int gzip_compress(const void *data, size_t n, struct buf *out);

#endif
