/*
 * multipart — see multipart.h.
 */
#include "multipart.h"
#include "request.h"
#include "../lib/text.h"

#include <string.h>

/* Case-insensitive prefix test for ASCII header names and types. */
static bool has_prefix_ci(const char *s, size_t n, const char *prefix)
{
	size_t pl = strlen(prefix);
	if (n < pl)
		return false;
	for (size_t i = 0; i < pl; i++) {
		char c = s[i], p = prefix[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (p >= 'A' && p <= 'Z')
			p = (char)(p - 'A' + 'a');
		if (c != p)
			return false;
	}
	return true;
}

/* Characters RFC 2046 allows in a boundary (bchars). */
static bool bchar(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       strchr("'()+_,-./:=? ", c) != NULL;
}

const char *multipart_boundary(struct arena *a, const char *ct)
{
	if (!ct || !has_prefix_ci(ct, strlen(ct), "multipart/form-data"))
		return NULL;
	const char *p = ct + strlen("multipart/form-data");
	while (*p) {
		while (*p == ';' || *p == ' ' || *p == '\t')
			p++;
		if (has_prefix_ci(p, strlen(p), "boundary=")) {
			p += 9;
			char out[72];
			size_t n = 0;
			if (*p == '"') {
				p++;
				while (*p && *p != '"' && n < 71)
					out[n++] = *p++;
				if (*p != '"')
					return NULL;
			} else {
				while (*p && *p != ';' && *p != ' ' && *p != '\t' && n < 71)
					out[n++] = *p++;
			}
			if (n == 0 || n > 70 || out[n - 1] == ' ')
				return NULL;
			for (size_t i = 0; i < n; i++)
				if (!bchar(out[i]))
					return NULL;
			return arena_strndup(a, out, n);
		}
		/* skip another parameter */
		bool q = false;
		while (*p && (q || *p != ';')) {
			if (*p == '"')
				q = !q;
			p++;
		}
	}
	return NULL;
}

/* A parameter value of a Content-Disposition header: token or quoted
 * string (backslash escapes the next character). */
static const char *param_value(struct arena *a, const char **pp, const char *end)
{
	const char *p = *pp;
	char *out = arena_alloc(a, (size_t)(end - p) + 1);
	size_t n = 0;
	if (p < end && *p == '"') {
		p++;
		while (p < end && *p != '"') {
			if (*p == '\\' && p + 1 < end)
				p++;
			out[n++] = *p++;
		}
		if (p >= end)
			return NULL;
		p++;
	} else {
		while (p < end && *p != ';' && *p != ' ' && *p != '\t')
			out[n++] = *p++;
	}
	out[n] = '\0';
	*pp = p;
	return out;
}

/* Parse "form-data; name=...; filename=..." into *name and *filename
 * (NULL when absent). false when it is not form-data or malformed. */
static bool disposition(struct arena *a, const char *v, const char *end, const char **name,
			const char **filename)
{
	*name = *filename = NULL;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	if (!has_prefix_ci(v, (size_t)(end - v), "form-data"))
		return false;
	v += 9;
	while (v < end) {
		while (v < end && (*v == ';' || *v == ' ' || *v == '\t'))
			v++;
		if (v >= end)
			break;
		const char *eq = memchr(v, '=', (size_t)(end - v));
		if (!eq)
			return false;
		const char *key = v;
		size_t klen = (size_t)(eq - v);
		while (klen && (key[klen - 1] == ' ' || key[klen - 1] == '\t'))
			klen--;
		v = eq + 1;
		while (v < end && (*v == ' ' || *v == '\t'))
			v++;
		const char *val = param_value(a, &v, end);
		if (!val)
			return false;
		if (klen == 4 && has_prefix_ci(key, klen, "name"))
			*name = val;
		else if (klen == 8 && has_prefix_ci(key, klen, "filename"))
			*filename = val;
	}
	return *name != NULL;
}

/* The file name without a directory (old browsers send a full path). */
static const char *base_name(const char *f)
{
	const char *b = f;
	for (const char *p = f; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return b;
}

int multipart_parse(struct arena *a, const char *body, size_t len, const char *boundary,
		    struct param **fields, int *n_fields, struct upload **files, int *n_files)
{
	*fields = NULL;
	*files = NULL;
	*n_fields = *n_files = 0;
	if (!body || !boundary || !*boundary || strlen(boundary) > 70)
		return -1;
	/* "\r\n--boundary": the delimiter; the first one may start the body */
	size_t blen = strlen(boundary);
	char delim[76];
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	size_t dlen = blen + 4;

	const char *end = body + len;
	const char *p;
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else {
		p = memmem(body, len, delim, dlen);
		if (!p)
			return -1;
		p += dlen;
	}

	struct param *fl = arena_calloc(a, MULTIPART_MAX_PARTS, sizeof *fl);
	struct upload *up = arena_calloc(a, MULTIPART_MAX_PARTS, sizeof *up);
	int nf = 0, nu = 0;
	for (;;) {
		/* after a delimiter: "--" closes, else padding and CRLF */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		if (nf + nu >= MULTIPART_MAX_PARTS)
			return -1;
		/* the header block ends at an empty line */
		size_t room = (size_t)(end - p);
		const char *hend;
		if (room >= 2 && p[0] == '\r' && p[1] == '\n')
			hend = p;
		else {
			hend = memmem(p, room < MULTIPART_MAX_HEADER ? room : MULTIPART_MAX_HEADER,
				      "\r\n\r\n", 4);
			if (!hend)
				return -1;
			hend += 2;
		}
		const char *name = NULL, *filename = NULL, *ctype = "";
		const char *h = p;
		while (h < hend) {
			const char *eol = memmem(h, (size_t)(hend - h), "\r\n", 2);
			if (!eol)
				return -1;
			size_t hl = (size_t)(eol - h);
			if (has_prefix_ci(h, hl, "content-disposition:")) {
				if (!disposition(a, h + 20, eol, &name, &filename))
					return -1;
			} else if (has_prefix_ci(h, hl, "content-type:")) {
				const char *v = h + 13;
				while (v < eol && (*v == ' ' || *v == '\t'))
					v++;
				ctype = arena_strndup(a, v, (size_t)(eol - v));
			}
			h = eol + 2;
		}
		p = hend + 2;
		/* the content runs to the next delimiter */
		const char *next = memmem(p, (size_t)(end - p), delim, dlen);
		if (!next || !name)
			return -1;
		size_t clen = (size_t)(next - p);
		if (!utf8_is_valid(name, strlen(name)) || !*name)
			return -1;
		if (filename) {
			const char *base = base_name(filename);
			if (!utf8_is_valid(base, strlen(base)) ||
			    !utf8_is_valid(ctype, strlen(ctype)))
				return -1;
			up[nu++] = (struct upload){name, base, ctype, p, clen};
		} else {
			if (memchr(p, '\0', clen) || !utf8_is_valid(p, clen))
				return -1;
			fl[nf].name = name;
			fl[nf].value = arena_strndup(a, p, clen);
			nf++;
		}
		p = next + dlen;
	}
	*fields = fl;
	*n_fields = nf;
	*files = up;
	*n_files = nu;
	return 0;
}
