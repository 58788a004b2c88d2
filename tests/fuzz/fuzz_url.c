/*
 * fuzz_url — libFuzzer target for percent-decoding (src/lib/text.c
 * pct_decode), the function the router uses for every path segment and
 * query/form value. Checks the contract in text.h: the result fits in n
 * bytes, is NUL-terminated, holds no NUL byte and is valid UTF-8; with and
 * without '+' as space. Does not start a server. Build/run: make fuzz.
 */
#include "../../src/lib/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = malloc(size + 1);
	if (!out)
		return 0;
	for (int plus = 0; plus < 2; plus++) {
		long n = pct_decode((const char *)data, size, out, plus != 0);
		if (n < 0)
			continue;
		if ((size_t)n > size)
			abort(); /* decoded text never grows */
		if (memchr(out, '\0', (size_t)n))
			abort(); /* NUL must be refused */
		if (!utf8_is_valid(out, (size_t)n))
			abort(); /* must be valid UTF-8 */
	}
	free(out);
	return 0;
}
