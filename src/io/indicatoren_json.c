/*
 * indicatoren_json — the reader of indicator files in JSON (OData v4); see
 * indicatoren_json.h.
 */
#include "indicatoren_json.h"
#include "../lib/arena.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool indicatoren_json_detect(const char *data, size_t len, const char *file)
{
	size_t n = file ? strlen(file) : 0;
	if (n >= 5 && strcasecmp(file + n - 5, ".json") == 0)
		return true;
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	return i < len && data[i] == '{';
}

/* A number in decimal notation: the shortest %g text that reads back as v,
 * rewritten without an exponent when %g chose one. */
static const char *real_text(struct arena *a, double v)
{
	char buf[400];
	int p;
	for (p = 1; p <= 17; p++) {
		snprintf(buf, sizeof buf, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (p > 17)
		p = 17;
	char *e = strpbrk(buf, "eE");
	if (!e)
		return arena_strdup(a, buf);
	int exp = atoi(e + 1);
	if (exp >= 0)
		snprintf(buf, sizeof buf, "%.0f", v);
	else
		snprintf(buf, sizeof buf, "%.*f", p - 1 - exp, v);
	return arena_strdup(a, buf);
}

static const char *trimmed(struct arena *a, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

/* The index of field name k in the header (hint: where it probably is),
 * adding it when new; -1 when the header is full. */
static int header_index(struct arena *a, const char **hdr, int *n, const char *k, int hint)
{
	if (hint < *n && strcmp(hdr[hint], k) == 0)
		return hint;
	for (int i = 0; i < *n; i++)
		if (strcmp(hdr[i], k) == 0)
			return i;
	if (*n >= INDICATOREN_JSON_MAX_FIELDS)
		return -1;
	hdr[*n] = arena_strdup(a, k);
	return (*n)++;
}

int indicatoren_json_read(struct arena *a, const char *data, size_t len, const char *file,
			  struct sheet *out, enum ind_json_shape *shape, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->file = file;
	out->name = file;
	*shape = IND_JSON_WIDE;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (len > INDICATOREN_JSON_MAX_BYTES) {
		snprintf(err, errlen, "%s: het bestand is groter dan %u MiB", file,
			 INDICATOREN_JSON_MAX_BYTES >> 20);
		return -1;
	}
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		if (je.line > 0)
			snprintf(err, errlen, "%s, regel %d, kolom %d: geen geldige JSON", file,
				 je.line, je.column > 0 ? je.column : 1);
		else
			snprintf(err, errlen, "%s: geen geldige JSON", file);
		return -1;
	}
	int rc = -1;
	json_t *arr = json_is_object(root) ? json_object_get(root, "value") : NULL;
	if (!json_is_array(arr)) {
		snprintf(err, errlen,
			 "%s: verwacht een JSON-object met een lijst \"value\" (zoals de OData-API "
			 "van het CBS die geeft)",
			 file);
		goto done;
	}
	size_t nv = json_array_size(arr);
	if (nv == 0) {
		snprintf(err, errlen, "%s: de lijst \"value\" is leeg", file);
		goto done;
	}
	if (nv > (size_t)INT32_MAX - 1) {
		snprintf(err, errlen, "%s: te veel waarden", file);
		goto done;
	}
	const char **hdr = arena_alloc(a, INDICATOREN_JSON_MAX_FIELDS * sizeof *hdr);
	int nh = 0;
	/* rows[1..nv]: one cell per header field known when the row was read;
	 * widths tell how many, the rest is padded with "" below */
	const char ***rows = arena_alloc(a, (nv + 1) * sizeof *rows);
	int *widths = arena_alloc(a, (nv + 1) * sizeof *widths);
	int *lines = arena_alloc(a, (nv + 1) * sizeof *lines);
	const char *cells[INDICATOREN_JSON_MAX_FIELDS];
	for (size_t i = 0; i < nv; i++) {
		json_t *el = json_array_get(arr, i);
		int pos = (int)i + 1;
		if (!json_is_object(el)) {
			snprintf(err, errlen, "%s, waarde %d: geen object", file, pos);
			goto done;
		}
		for (int k = 0; k < nh; k++)
			cells[k] = "";
		const char *key;
		json_t *v;
		int hint = 0;
		json_object_foreach(el, key, v)
		{
			int col = header_index(a, hdr, &nh, key, hint);
			if (col < 0) {
				snprintf(err, errlen, "%s, waarde %d: meer dan %d velden", file,
					 pos, INDICATOREN_JSON_MAX_FIELDS);
				goto done;
			}
			hint = col + 1;
			const char *s;
			switch (json_typeof(v)) {
			case JSON_STRING:
				s = trimmed(a, json_string_value(v), json_string_length(v));
				break;
			case JSON_INTEGER:
				s = arena_printf(a, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
				break;
			case JSON_REAL:
				s = real_text(a, json_real_value(v));
				break;
			case JSON_TRUE:
				s = "true";
				break;
			case JSON_FALSE:
				s = "false";
				break;
			case JSON_NULL:
				s = "";
				break;
			default:
				snprintf(err, errlen,
					 "%s, waarde %d, veld '%s': een object of lijst is geen "
					 "waarde",
					 file, pos, key);
				goto done;
			}
			cells[col] = s;
		}
		const char **r = arena_alloc(a, (size_t)(nh ? nh : 1) * sizeof *r);
		memcpy(r, cells, (size_t)nh * sizeof *r);
		rows[pos] = r;
		widths[pos] = nh;
		lines[pos] = pos;
	}
	if (nh == 0) {
		snprintf(err, errlen, "%s: de objecten in \"value\" hebben geen velden", file);
		goto done;
	}
	rows[0] = hdr;
	widths[0] = nh;
	lines[0] = 0;
	for (size_t r = 1; r <= nv; r++) {
		if (widths[r] >= nh)
			continue;
		const char **wide = arena_alloc(a, (size_t)nh * sizeof *wide);
		memcpy(wide, rows[r], (size_t)widths[r] * sizeof *wide);
		for (int c = widths[r]; c < nh; c++)
			wide[c] = "";
		rows[r] = wide;
	}
	bool measure = false, value = false;
	for (int k = 0; k < nh; k++) {
		measure = measure || strcmp(hdr[k], "Measure") == 0;
		value = value || strcmp(hdr[k], "Value") == 0;
	}
	*shape = measure && value ? IND_JSON_LONG : IND_JSON_WIDE;
	out->ncols = nh;
	out->nrows = (int)nv + 1;
	out->cells = rows;
	out->line = lines;
	rc = 0;
done:
	json_decref(root);
	return rc;
}
