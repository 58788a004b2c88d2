/*
 * financien — the financial scan's comparison of lasten and baten, shared
 * by the page /financien/{code} and GET /api/v1/financien/gemeenten/{code}:
 * per Iv3 taakveld the gemeente's lasten, baten and saldo per inhabitant
 * in one document (jaarrekening or begroting) against the quartiles of a
 * peer group, the deviation from the peers' median per inhabitant and in
 * euros, the hoofdstuk totals, and the taakvelden ranked by the size of
 * the deviation. Reads the indicator read model (app/indicatoren_model.h):
 * the per-inhabitant Iv3 figures are indicators. Public open data.
 */
#ifndef ATLAS_APP_FINANCIEN_H
#define ATLAS_APP_FINANCIEN_H

#include "../domain/financien.h"
#include "../domain/indicatoren_vergelijk.h"

#include <stdbool.h>

struct arena;
struct store;

/* The peer groups a user may pick. */
struct fin_group {
	const char *param, *label;
	const char *class1, *class2; /* indicator keys both equal; NULL: see param */
};
extern const struct fin_group fin_groups[];
extern const int fin_n_groups;
#define FIN_DEFAULT_GROUP "grootte_stedelijkheid"

struct fin_measure {
	bool has; /* the gemeente's value; false: missing */
	double value;
	struct fin_quartiles peers; /* n 0: no peer has a value */
	bool dev_has;
	double dev; /* value - peers' median, per inhabitant */
	enum fin_band band;
};

struct fin_row {
	char taakveld[IV3_TAAKVELD_LEN];
	const char *name; /* "Jeugdhulp behandeling" */
	int hoofdstuk;	  /* -1 for a hoofdstuk total row's own taakveld */
	bool changed_2023;
	const char *lasten_key, *baten_key; /* indicator keys, NULL when absent */
	struct fin_measure lasten, baten, saldo;
	bool total_has;
	double dev_total; /* lasten deviation × inhabitants, euros */
};

struct fin_peer {
	const char *code, *name, *province;
};

struct fin_view {
	const char *area, *name, *province;
	enum iv3_doc doc;
	const char *period; /* of the document's figures, "" when none */
	bool inhabitants_has;
	double inhabitants;
	const struct fin_group *group; /* NULL: an explicit list */
	const char *list;	       /* the explicit list, normalised */
	struct fin_peer *peers;
	int n_peers;
	struct fin_row *rows; /* by taakveld */
	int n_rows;
	struct fin_row hoofdstukken[9]; /* sums per hoofdstuk; taakveld "6" */
	int *ranked;			/* row indexes by |dev_total| (then |dev|), largest first */
	int n_ranked;
	const char *source, *source_url, *licence, *warning;
};

enum fin_status { FIN_OK = 0, FIN_NOTFOUND = 1, FIN_BAD = 2, FIN_FAULT = 3 };

/*
 * The comparison for gemeente code (any case) in document doc with peers
 * by group (a fin_groups param, NULL: the default) or an explicit list
 * (comma-separated gemeente codes; wins). FIN_BAD with *err a Dutch
 * message; FIN_NOTFOUND for an unknown code or one that is no gemeente.
 */
enum fin_status financien_compare(struct store *st, struct arena *a, const char *code,
				  enum iv3_doc doc, const char *group, const char *list,
				  struct fin_view *out, const char **err);

/* One taakveld of a document: code and name (the national view's choice). */
struct fin_taakveld {
	char code[IV3_TAAKVELD_LEN];
	const char *name;
};
/* The taakvelden of document doc, by code. */
int financien_taakvelden(struct store *st, struct arena *a, enum iv3_doc doc,
			 struct fin_taakveld **out, int *n);

/* Which figure the national view shows. */
enum fin_measure_kind { FIN_LASTEN, FIN_BATEN, FIN_SALDO };
/* "lasten", "baten", "saldo" (URL values); false for anything else. */
bool fin_measure_parse(const char *s, enum fin_measure_kind *out);
const char *fin_measure_key(enum fin_measure_kind k);

enum fin_order { FIN_ORDER_HIGH, FIN_ORDER_LOW, FIN_ORDER_NAME };
/* "hoog" (default), "laag", "naam"; false for anything else. */
bool fin_order_parse(const char *s, enum fin_order *out);

struct fin_national_row {
	const char *code, *name, *province;
	bool has; /* false: missing, listed last */
	double value;
	int rank; /* among the gemeenten with a value, highest first; 0: none */
};

struct fin_national {
	enum iv3_doc doc;
	enum fin_measure_kind measure;
	char taakveld[IV3_TAAKVELD_LEN];
	const char *name, *period, *source, *source_url, *licence, *warning;
	bool changed_2023;
	struct fin_national_row *rows; /* every gemeente, in the order asked */
	int n_rows, n_present;
	struct fin_quartiles quartiles; /* over the gemeenten with a value */
	double min, max;		/* over the gemeenten with a value */
	int hist[VERGELIJK_BINS];	/* the national distribution (vergelijk_histogram) */
	double hist_lo, hist_hi;
};

/*
 * One taakveld (code as "6.1") of document doc across every gemeente of
 * the country, per inhabitant. FIN_NOTFOUND for a taakveld the document
 * does not have.
 */
enum fin_status financien_national(struct store *st, struct arena *a, enum iv3_doc doc,
				   const char *taakveld, enum fin_measure_kind measure,
				   enum fin_order order, struct fin_national *out);

/* The gemeenten of a province (code, name) by name: the scan's index. */
int financien_gemeenten(struct store *st, struct arena *a, const char *province,
			struct fin_peer **out, int *n);

#endif
