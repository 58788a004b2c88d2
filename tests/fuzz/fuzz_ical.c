/*
 * fuzz_ical — libFuzzer round trip for the iCalendar writer
 * (src/render/ical.c): the input (up to the first NUL) is written with
 * ical_text_line as a DESCRIPTION; the output must be CRLF-terminated
 * physical lines of at most 75 octets, continuation lines starting with a
 * space, never folded inside a UTF-8 sequence (for valid UTF-8 input);
 * unfolding and unescaping must give back the input with line ends as LF
 * and other control characters (except TAB) as spaces.
 */
#include "../../src/lib/buf.h"
#include "../../src/lib/text.h"
#include "../../src/render/ical.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 8192)
		return 0;
	char *in = malloc(size + 1);
	char *want = malloc(size + 1);
	if (!in || !want)
		abort();
	memcpy(in, data, size);
	in[size] = 0;
	size_t n = strlen(in), wl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '\r' && in[i + 1] == '\n')
			continue; /* CRLF counts as one line end */
		if (c == '\r' || c == '\n')
			want[wl++] = '\n';
		else if (c < 0x20 && c != '\t')
			want[wl++] = ' ';
		else
			want[wl++] = (char)c;
	}
	bool valid = utf8_is_valid(in, n);

	struct buf b = BUF_INIT;
	ical_text_line(&b, "DESCRIPTION", in);
	if (b.err)
		abort();
	/* physical lines; unfold */
	char *line = malloc(b.len + 1);
	if (!line)
		abort();
	size_t ll = 0, pos = 0;
	bool first = true;
	while (pos < b.len) {
		const char *crlf = memmem(b.data + pos, b.len - pos, "\r\n", 2);
		if (!crlf)
			abort(); /* every line ends with CRLF */
		size_t plen = (size_t)(crlf - (b.data + pos));
		if (plen > 75)
			abort(); /* folded at 75 octets */
		const char *p = b.data + pos;
		if (memchr(p, '\r', plen) || memchr(p, '\n', plen))
			abort(); /* no bare CR/LF */
		if (!first) {
			if (plen < 1 || p[0] != ' ')
				abort(); /* continuation starts with a space */
			p++;
			plen--;
			if (valid && plen > 0 && ((unsigned char)p[0] & 0xC0) == 0x80)
				abort(); /* folded inside a UTF-8 sequence */
		}
		memcpy(line + ll, p, plen);
		ll += plen;
		pos += (size_t)(crlf - (b.data + pos)) + 2;
		first = false;
	}
	static const char prefix[] = "DESCRIPTION:";
	if (ll < sizeof prefix - 1 || memcmp(line, prefix, sizeof prefix - 1) != 0)
		abort();
	/* unescape */
	char *got = malloc(ll + 1);
	if (!got)
		abort();
	size_t gl = 0;
	for (size_t i = sizeof prefix - 1; i < ll; i++) {
		char c = line[i];
		if (c == ';' || c == ',')
			abort(); /* must be escaped */
		if (c != '\\') {
			got[gl++] = c;
			continue;
		}
		if (++i >= ll)
			abort(); /* dangling backslash */
		switch (line[i]) {
		case '\\':
		case ';':
		case ',':
			got[gl++] = line[i];
			break;
		case 'n':
		case 'N':
			got[gl++] = '\n';
			break;
		default:
			abort(); /* unknown escape */
		}
	}
	if (gl != wl || memcmp(got, want, wl) != 0)
		abort(); /* round trip */
	free(got);
	free(line);
	buf_free(&b);
	free(want);
	free(in);
	return 0;
}
