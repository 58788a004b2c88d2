/*
 * indicatoren_json — the reader of indicator files in JSON as CBS's OData v4
 * API returns them: a document {"value": [ … ]} whose elements are objects.
 * Two shapes:
 *   long   one object per observation, with the fields Measure and Value
 *          (and the dimensions: RegioS or WijkenEnBuurten, Perioden, …, and
 *          ValueAttribute); {"Measure":"M000352","Perioden":"2023JJ00",
 *          "RegioS":"GM0321","Value":12345.0,"ValueAttribute":"None"}
 *   wide   one object per area, one field per table column
 *          ({"WijkenEnBuurten":"GM0321    ","AantalInwoners_5":50123})
 * The reader turns either into the table shape the CSV reader returns
 * (io/sheet.h): row 0 the field names in order of first appearance, one
 * row per element, line[r] the element's 1-based position in "value"
 * (line[0] is 0). Cells: strings trimmed of surrounding spaces (StatLine's
 * fixed-width codes), numbers in decimal notation with a '.' (never an
 * exponent, the shortest text that reads back as the same number), null
 * and a missing field "", true/false as the words. app/indicatoren.c maps
 * the rows with a mapping file exactly as it maps a CSV table.
 */
#ifndef ATLAS_IO_INDICATOREN_JSON_H
#define ATLAS_IO_INDICATOREN_JSON_H

#include "sheet.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Limits: bytes of one document, fields of one element (as the CSV reader). */
#define INDICATOREN_JSON_MAX_BYTES (64u << 20)
#define INDICATOREN_JSON_MAX_FIELDS 512

enum ind_json_shape {
	IND_JSON_WIDE = 0, /* one object per area */
	IND_JSON_LONG = 1  /* one object per observation (Measure, Value) */
};

/*
 * Is this file JSON? True when the first byte that is not a space, tab,
 * line break or the UTF-8 BOM is '{', or the name ends in ".json" (any case).
 */
bool indicatoren_json_detect(const char *data, size_t len, const char *file);

/*
 * Parse data (len bytes) into *out (everything in arena a) and tell the
 * shape. -1 with a Dutch message naming file (and the line and column of
 * the JSON text, or the element and field) in err when the text is not
 * JSON, not an object with a non-empty array "value" of objects, or an
 * element holds an object or array as a field value.
 */
int indicatoren_json_read(struct arena *a, const char *data, size_t len, const char *file,
			  struct sheet *out, enum ind_json_shape *shape, char *err, size_t errlen);

#endif
