/*
 * gzip — see gzip.h.
 */
#include "gzip.h"

#include <stdint.h>
#include <zlib.h>

int gzip_compress(const void *data, size_t n, struct buf *out)
{
	z_stream z = {0};
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	uLong bound = deflateBound(&z, (uLong)n);
	if (!buf_reserve(out, bound)) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out->data + out->len;
	z.avail_out = (uInt)bound;
	int rc = deflate(&z, Z_FINISH);
	if (rc != Z_STREAM_END) {
		deflateEnd(&z);
		return -1;
	}
	out->len += z.total_out;
	out->data[out->len] = '\0';
	deflateEnd(&z);
	return 0;
}
