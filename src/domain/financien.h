/*
 * financien — the pure rules of the financial scan's comparison of lasten
 * and baten: what an Iv3 indicator key means (document, side, taakveld),
 * the BBV hoofdstukken, the taakvelden whose booking rules changed in
 * 2023, the order of taakveld codes, and the quartiles of a peer group.
 * No I/O.
 */
#ifndef ATLAS_DOMAIN_FINANCIEN_H
#define ATLAS_DOMAIN_FINANCIEN_H

#include <stdbool.h>

/* The Iv3 document a figure comes from. */
enum iv3_doc { IV3_REKENING, IV3_BEGROTING };

/* "rekening" / "begroting" (keys and the API), and the Dutch words. */
const char *iv3_doc_key(enum iv3_doc d);
const char *iv3_doc_label(enum iv3_doc d); /* "jaarrekening", "begroting" */
/* The document of a URL value ("jaarrekening" or "begroting"); false when
 * it is neither. */
bool iv3_doc_parse(const char *s, enum iv3_doc *out);

#define IV3_TAAKVELD_LEN 8

/* A per-inhabitant Iv3 indicator: iv3_{rekening|begroting}_{lasten|baten}_
 * {hoofdstuk}_{rest}, e.g. iv3_rekening_lasten_6_71a is taakveld 6.71a. */
struct iv3_key {
	enum iv3_doc doc;
	bool lasten; /* false: baten */
	char taakveld[IV3_TAAKVELD_LEN];
	int hoofdstuk; /* 0..8 */
};
bool iv3_parse_key(const char *key, struct iv3_key *out);

/* The key of the inhabitants the document's per-inhabitant figures were
 * computed with: iv3_rekening_inwonertal, iv3_begroting_inwonertal. */
const char *iv3_inhabitants_key(enum iv3_doc d);

/* The name of a CBS province code ("PV26" -> "Utrecht"); the code itself
 * when unknown. */
const char *cbs_province_name(const char *code);

/* The BBV hoofdstuk name ("Sociaal domein"), "" for an unknown number. */
const char *iv3_hoofdstuk_name(int h);

/* Did the booking rules of this taakveld change from begrotingsjaar 2023
 * (the sociaal domein and volksgezondheid)? Comparison with earlier years
 * is then unreliable. */
bool iv3_changed_2023(const char *taakveld);

/* Order of taakveld codes: hoofdstuk, then the number after the dot
 * numerically (0.2 before 0.10), then the letter (6.71 before 6.71a). */
int iv3_taakveld_cmp(const char *a, const char *b);

struct fin_quartiles {
	int n; /* values used; 0: no statistics */
	double p25, median, p75;
};

/*
 * Quartiles of v[0..n) (sorted in place): linear interpolation between
 * order statistics at position (n - 1) * q (Hyndman & Fan type 7, as
 * spreadsheets' PERCENTILE and R's default). false (out->n = 0) when n is 0.
 */
bool fin_quartiles(double *v, int n, struct fin_quartiles *out);

/* Where a value stands: below the interquartile range, inside it, above. */
enum fin_band { FIN_BAND_NONE, FIN_BAND_BELOW, FIN_BAND_INSIDE, FIN_BAND_ABOVE };
enum fin_band fin_band_of(double v, const struct fin_quartiles *q);

#endif
