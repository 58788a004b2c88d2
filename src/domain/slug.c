/*
 * slug — name to kebab-case key base; see slug.h.
 */
#include "slug.h"

#include <stdbool.h>
#include <stdio.h>

void slug_make(const char *name, size_t max, const char *fallback, char *out, size_t outlen)
{
	/* Latin-1 supplement letters U+00C0..U+00FF folded to ASCII */
	static const char fold[] = "aaaaaaaceeeeiiiidnooooo ouuuuyts"
				   "aaaaaaaceeeeiiiidnooooo ouuuuyty";
	size_t n = 0;
	bool dash = false;
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	if (!outlen)
		return;
	while (*p && n + 2 < outlen && n < max) {
		char c = 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			c = (char)*p++;
		} else if (*p >= 'A' && *p <= 'Z') {
			c = (char)(*p++ | 0x20);
		} else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = fold[p[1] - 0x80];
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
				c = 0;
			p += 2;
		} else if (*p >= 0x80) {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		} else {
			p++;
		}
		if (!c) {
			dash = n > 0;
			continue;
		}
		if (dash)
			out[n++] = '-';
		dash = false;
		out[n++] = c;
	}
	out[n] = '\0';
	if (n < 2)
		snprintf(out, outlen, "%s", fallback);
}
