/*
 * indicatoren_vergelijk — one indicator across chosen gemeenten, shared by
 * the compare page /kennis/vergelijk (with its CSV export) and the API
 * GET /api/v1/kennis/vergelijk: every gemeente's value in one period, the
 * national and provincial rank of each, the national median and quantile
 * classes (the choropleth of the province), the share of gemeenten below
 * each chosen one and the bins of the national distribution. Gemeenten are
 * chosen by code (?gebieden=) and/or as the peers of one gemeente by a
 * class of the gemeente dashboard (?van=&klasse=). Public open data;
 * renders nothing.
 */
#ifndef ATLAS_APP_INDICATOREN_VERGELIJK_H
#define ATLAS_APP_INDICATOREN_VERGELIJK_H

#include "../domain/indicatoren_vergelijk.h"
#include "../store/store_indicatoren.h"
#include "../store/store_indicatoren_vergelijk.h"

#include <stdbool.h>

struct arena;
struct store;

struct vergelijk_row {
	const char *code, *name, *province, *note;
	bool found; /* the gemeente has a row for the indicator in the period */
	bool has;   /* it has a value (false: missing, never zero) */
	double value;
	int rank_nl, n_nl; /* rank among the gemeenten of the country; 0: unranked */
	int rank_pv, n_pv; /* among the gemeenten of its own province */
	int share_below;   /* % of the other gemeenten with a lower value; -1 */
	int cls;	   /* national quantile class 0..VERGELIJK_CLASSES-1; -1 */
	bool chosen;
};

struct vergelijk {
	struct indicator_row ind;
	const char *period;	   /* NULL: the indicator has no value yet */
	struct vergelijk_row *all; /* every gemeente with a row, by code */
	int n_all;
	struct vergelijk_row *chosen; /* in the order asked (van first) */
	int n_chosen;
	struct vergelijk_row *province; /* the gemeenten of INDICATOREN_PROVINCE, by name */
	int n_province;
	const char *codes; /* the chosen codes joined with commas ("" none) */
	int n_present;	   /* gemeenten with a value, nationally */
	double median, min, max;
	double breaks[VERGELIJK_CLASSES]; /* upper bounds of the quantile classes */
	int class_count[VERGELIJK_CLASSES];
	int hist[VERGELIJK_BINS];
	double hist_lo, hist_hi;
};

enum vergelijk_status { VG_OK = 0, VG_NOTFOUND = 1, VG_BAD = 2, VG_FAULT = 3 };

/* The peer classes ?klasse= may name (the gemeente dashboard's): the URL
 * value, label and indicator key of class i, or NULL past the last. */
const char *indicatoren_vergelijk_class(int i, const char **label);

/*
 * Compare indicator key in period (NULL: the newest with a value) for the
 * gemeenten of gebieden (codes, comma-separated; NULL none) plus, with van
 * (a gemeente code), van and its peers by klasse (a class param, NULL: the
 * default size class). VG_NOTFOUND for an unknown indicator; VG_BAD with
 * *err a Dutch message and *param the parameter for an unknown period,
 * gemeente or class, a bad code or an indicator that is not about
 * gemeenten.
 */
enum vergelijk_status indicatoren_vergelijk(struct store *st, struct arena *a, const char *key,
					    const char *gebieden, const char *period,
					    const char *van, const char *klasse,
					    struct vergelijk *out, const char **err,
					    const char **param);

/* The form's choices: every indicator (by theme and name) and every
 * gemeente (by name). */
int indicatoren_vergelijk_choices(struct store *st, struct arena *a, struct indicator_row **inds,
				  int *n_inds, struct vergelijk_cell **gemeenten, int *n_gemeenten);

#endif
