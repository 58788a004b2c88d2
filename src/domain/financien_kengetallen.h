/*
 * financien_kengetallen — the pure rules of the six BBV kengetallen
 * (Regeling van de Minister van BZK van 9 juli 2015, BWBR0036853, bijlage
 * 1): their components A–H with the BBV articles, the formulas, when a
 * ratio cannot be computed (a missing component, a division by zero, a
 * negative eigen vermogen, inconsistent inputs) and why, the formula with
 * the numbers filled in, the BBV presentation columns (bijlage 2), the
 * signal bands A / B / C and the input rules (amounts in euro or in
 * € 1.000, one unit in the store: euro cents). No I/O.
 *
 * Structurele exploitatieruimte is computed like from like: structurele
 * lasten = totale lasten − incidentele lasten, structurele baten = totale
 * baten − incidentele baten (municipal practice, e.g. Dordrecht jaarverslag
 * 2018; the published Regeling text crosses them over).
 */
#ifndef ATLAS_DOMAIN_FINANCIEN_KENGETALLEN_H
#define ATLAS_DOMAIN_FINANCIEN_KENGETALLEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The document a set of inputs comes from. */
enum kg_kind { KG_BEGROTING, KG_JAARVERSLAG };
#define KG_N_KINDS 2
/* "begroting" / "jaarverslag" (keys, URLs, the API, the CSV). */
const char *kg_kind_key(enum kg_kind k);
/* "Begroting" / "Verslag" (the presentation columns' words). */
const char *kg_kind_label(enum kg_kind k);
bool kg_kind_parse(const char *s, enum kg_kind *out);

/* The components the six formulas need. */
enum kg_comp {
	KG_VASTE_SCHULDEN,	      /* NSQ A, art. 46 */
	KG_NETTO_VLOTTENDE_SCHULDEN,  /* NSQ B, art. 48 */
	KG_OVERLOPENDE_PASSIVA,	      /* NSQ C, art. 49 */
	KG_UITZETTINGEN_LANG,	      /* NSQ D, art. 36 d, e, f */
	KG_LENINGEN_VERSTREKT,	      /* added to D when corrected, art. 36 b, c */
	KG_UITZETTINGEN_KORT,	      /* NSQ E, art. 39 */
	KG_LIQUIDE_MIDDELEN,	      /* NSQ F, art. 40 */
	KG_OVERLOPENDE_ACTIVA,	      /* NSQ G, art. 40a */
	KG_TOTALE_BATEN,	      /* NSQ H, GREX C, SER E (excl. mutaties reserves) */
	KG_EIGEN_VERMOGEN,	      /* SR A, art. 42 */
	KG_BALANSTOTAAL,	      /* SR B */
	KG_BOUWGROND_NIET_IN_EXPL,    /* GREX A, art. 38 a onder 1 */
	KG_BOUWGROND_IN_EXPL,	      /* GREX B, art. 38 b */
	KG_TOTALE_LASTEN,	      /* SER, art. 17 c / 27 c */
	KG_INCIDENTELE_LASTEN,	      /* SER, art. 19 c / 28 c */
	KG_INCIDENTELE_BATEN,	      /* SER, art. 19 c / 28 c */
	KG_STRUCTURELE_TOEVOEGINGEN,  /* SER C, art. 19 d */
	KG_STRUCTURELE_ONTTREKKINGEN, /* SER D, art. 19 d / 28 d */
	KG_OZB_GEZIN,		      /* BC A, per household */
	KG_RIOOLHEFFING_GEZIN,	      /* BC B */
	KG_AFVALSTOFFENHEFFING_GEZIN, /* BC C */
	KG_HEFFINGSKORTING,	      /* BC D */
	KG_WOONLASTEN_LANDELIJK,      /* BC F: national average of year t-1 */
	KG_N_COMP
};

struct kg_comp_def {
	const char *key;     /* "vaste_schulden": form, API, CSV */
	const char *name;    /* "Vaste schulden" */
	const char *article; /* "BBV art. 46": the help text */
	bool household;	     /* an amount per household: always in euro */
	bool may_be_negative;
};
extern const struct kg_comp_def kg_comps[KG_N_COMP];
/* The component of key, or -1. */
int kg_comp_find(const char *key);

/* The six kengetallen. */
enum kg_ratio {
	KG_NSQ,
	KG_NSQ_GECORRIGEERD,
	KG_SOLVABILITEIT,
	KG_SER,
	KG_GREX,
	KG_BELASTINGCAPACITEIT,
	KG_N_RATIO
};

struct kg_ratio_def {
	const char *key;     /* "netto_schuldquote" */
	const char *name;    /* "Netto schuldquote" */
	const char *formula; /* "(A + B + C − D − E − F − G) / H × 100%" */
	const char *legend;  /* what the letters are */
};
extern const struct kg_ratio_def kg_ratios[KG_N_RATIO];
int kg_ratio_find(const char *key);

/* The inputs of one gemeente, year and document; amounts in euro cents. */
struct kg_inputs {
	bool has[KG_N_COMP];
	int64_t cents[KG_N_COMP];
};

#define KG_TEXT_MAX 700

/* One computed kengetal. ok: value is the percentage and shown that value
 * rounded to one decimal (the category is read from shown); otherwise
 * reason says in Dutch why it cannot be computed. filled is the formula
 * with the numbers filled in (also when not computable, with "?" for a
 * missing component). missing lists the absent components. */
struct kg_result {
	enum kg_ratio ratio;
	bool ok;
	double value, shown;
	char reason[KG_TEXT_MAX];
	char filled[KG_TEXT_MAX];
	int missing[KG_N_COMP];
	int n_missing;
};
void kg_compute(enum kg_ratio r, const struct kg_inputs *in, struct kg_result *out);

/* The components formula r reads (at most KG_N_COMP), in formula order. */
int kg_ratio_comps(enum kg_ratio r, int *out);

/* A percentage with a decimal comma and one decimal: "3,5 %". */
char *kg_format_pct(double v, char *out, size_t n);
/* Cents as "€ 12.345.678" (cents shown only when not whole), "-€ 5" for a
 * negative amount. */
char *kg_format_euro(int64_t cents, char *out, size_t n);

/* ---- the BBV presentation columns (Regeling, bijlage 2) ------------------ */

struct kg_column {
	int year;
	enum kg_kind kind;
};
/* Begroting t: verslag t-2, begroting t-1, begroting t; jaarverslag t:
 * verslag t-1, begroting t, verslag t. */
void kg_columns(int year, enum kg_kind kind, struct kg_column out[3]);

/* ---- signal bands -------------------------------------------------------- */

/*
 * The bands of one kengetal: two bounds in hundredths of a percent (9000 =
 * 90 %). lower is better: A below low, B from low to high (both included),
 * C above high; higher is better: A above high, B from low to high, C below
 * low. A = minst risicovol, C = meest risicovol.
 */
struct kg_band {
	int64_t low, high;
	bool higher_better;
};
/* 'A', 'B' or 'C' for the shown value v (a percentage). */
char kg_category(const struct kg_band *b, double v);
/* The band of category cat in words: "lager dan 90,0 %", "90,0 % tot en met
 * 130,0 %", "precies 0,0 %". */
char *kg_band_text(const struct kg_band *b, char cat, char *out, size_t n);
/* "minst risicovol" / "gemiddeld risico" / "meest risicovol". */
const char *kg_category_words(char cat);

/* Bounds as typed ("90", "-5", "12,5"): hundredths of a percent in *out;
 * false for anything else or beyond ±100.000 %. */
bool kg_parse_pct(const char *s, int64_t *out);

/* ---- input rules --------------------------------------------------------- */

#define KG_SOURCE_MAX 300
#define KG_YEAR_MIN 2004
#define KG_YEAR_MAX 2099

/* The units an amount may be entered in. */
enum kg_unit { KG_UNIT_EURO, KG_UNIT_THOUSAND };
/* "euro" / "duizend_euro"; false otherwise. */
bool kg_unit_parse(const char *s, enum kg_unit *out);

/*
 * An amount of component c typed in unit u ("12.345", "€ 12.345,50",
 * "-1.200" where the component may be negative) into euro cents. NULL on
 * success, else a Dutch message. Per-household components are always in
 * euro.
 */
const char *kg_parse_amount(int c, const char *s, enum kg_unit u, int64_t *cents);

/* A year as typed: false unless KG_YEAR_MIN..KG_YEAR_MAX. */
bool kg_parse_year(const char *s, int *out);

/* The source text of an input: NULL when fine, else a Dutch message. */
const char *kg_check_source(const char *s);

#endif
