/*
 * wgr_calendar — the legal planning & control moments of a Wgr regeling
 * with its own budget (openbaar lichaam, gemeenschappelijk orgaan,
 * bedrijfsvoeringsorganisatie), computed per budget year from a table of
 * rules (data/wgr-pc-rules.csv, read by io/wgr_rules.c). A correction of a
 * date or article is a data change, not a code change.
 *
 * Pure: no I/O, no globals, no clock. The caller passes the legal form,
 * whether a province or water board takes part (then the supervisor is the
 * minister of BZK, art. 58, instead of Gedeputeerde Staten), the budget
 * year and, when known, the date of the algemeen-bestuur meeting that
 * adopts the budget. Without that date the moments that hang on it are
 * returned without a date ("12 weken vóór de AB-vergadering, datum
 * onbekend"); no date is ever guessed.
 *
 * Rule syntax (column "rule"), terms separated by '|' (the earliest
 * computable term wins):
 *   Y-1-04-30   a fixed day in budget year Y plus/minus an offset
 *   AB-12w      N weeks before (AB-) or after (AB+) the AB meeting
 *   EVENT+8w    N weeks after an event with no date of its own (art. 1)
 * Which version of the law applies: a rule row holds for a moment when the
 * moment's reference date lies within [valid_from, valid_to] (ISO dates,
 * empty = open). The reference date is the computed date, or 1 July of
 * Y-1 when the moment hangs on an unknown AB date (docs/wgr-calendar.md).
 */
#ifndef ATLAS_WGR_CALENDAR_H
#define ATLAS_WGR_CALENDAR_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

enum wgr_doc {
	WGR_DOC_KADERNOTA,
	WGR_DOC_VOORLOPIGE_JAARREKENING,
	WGR_DOC_ONTWERPBEGROTING,
	WGR_DOC_ZIENSWIJZE_BEGROTING,
	WGR_DOC_BEGROTING_TOEZICHT,
	WGR_DOC_JAARREKENING_TOEZICHT,
	WGR_DOC_ZIENSWIJZE_ONTWERPREGELING,
	WGR_DOC_COUNT
};

/* Whom a rule applies to: every regeling, or only by supervisor. */
enum wgr_cond { WGR_COND_ALL, WGR_COND_GS, WGR_COND_MINISTER };

enum wgr_term_kind { WGR_T_FIXED, WGR_T_AB, WGR_T_EVENT };

struct wgr_term {
	enum wgr_term_kind kind;
	int year_offset; /* FIXED: year = Y + year_offset */
	int month, day;	 /* FIXED */
	int days;	 /* AB/EVENT: signed offset in days (-84 = 12 weeks before) */
};

#define WGR_MAX_TERMS 3

struct wgr_rule {
	char id[64];
	enum wgr_doc doc;
	char article[64];
	char rule[64]; /* the rule text as written in the table */
	struct wgr_term terms[WGR_MAX_TERMS];
	int n_terms;
	enum wgr_cond cond;
	char acts[96], receives[128];
	char valid_from[11], valid_to[11]; /* ISO or "" (open) */
	char source[300];
	char confidence; /* 'H' primary source, 'M' secondary */
	char note[400];
};

struct wgr_rules {
	struct wgr_rule *rules;
	int n;
};

/* Does a regeling have its own budget (and so P&C moments)? */
enum wgr_budget {
	WGR_OWN_BUDGET,	  /* OL, GO, BVO */
	WGR_NO_BUDGET,	  /* CC, RZM: no own bodies, no own budget */
	WGR_NOT_WGR,	  /* private law, network or covenant */
	WGR_UNKNOWN_FORM, /* a Wgr regeling whose legal form is not known */
};

/* Classify a collaboration by kind and legal form. */
enum wgr_budget wgr_budget_of(enum collab_kind kind, enum legal_form lf);

/* A short Dutch sentence explaining b (static string). */
const char *wgr_budget_text(enum wgr_budget b);

/* Document slug for UIDs and the rule table ("kadernota", ...). */
const char *wgr_doc_slug(enum wgr_doc d);
/* Dutch label as in the rule table ("voorlopige jaarrekening", ...). */
const char *wgr_doc_label(enum wgr_doc d);
/* Document from its Dutch label; -1 when unknown. */
int wgr_doc_from_label(const char *s);

/*
 * Fill *out from the 12 fields of one table row (id, document, article,
 * rule, condition, acts, receives, valid_from, valid_to, source,
 * confidence, note). Returns 0, or -1 with a Dutch reason in err.
 */
int wgr_rule_from_fields(struct wgr_rule *out, const char *const *f, char *err, size_t errlen);

/* Parse a rule text into terms; returns the number of terms or -1. */
int wgr_rule_parse(const char *text, struct wgr_term *terms, int max);

struct wgr_input {
	enum legal_form legal_form;
	enum collab_kind kind;
	bool minister;	     /* a province or water board takes part (art. 58) */
	int year;	     /* the budget year Y */
	const char *ab_date; /* ISO date of the AB meeting on budget Y, or NULL/"" */
};

struct wgr_moment {
	enum wgr_doc doc;
	int year;		     /* budget year */
	char date[11];		     /* ISO deadline, "" when it cannot be computed */
	char when[200];		     /* Dutch: "uiterlijk 30 april 2024" or the undated wording */
	const struct wgr_rule *rule; /* article, acts, receives, confidence, source */
	const char *acts;	     /* who acts (adjusted for GO/BVO: "bestuur") */
	const char *receives;	     /* who receives */
};

#define WGR_MAX_MOMENTS 16

/*
 * The moments of budget year in->year, in document order. Returns the
 * number written to out (at most max; 0 when the regeling has no own
 * budget or its form is unknown, see wgr_budget_of). The moments point into
 * rules, which must outlive them.
 */
int wgr_calendar_compute(const struct wgr_rules *rules, const struct wgr_input *in,
			 struct wgr_moment *out, int max);

/* Date helpers on ISO YYYY-MM-DD strings (0 ok, -1 malformed). */
int wgr_date_parse(const char *iso, int *y, int *m, int *d);
/* iso + days into out (11 bytes). */
void wgr_date_add(const char *iso, int days, char out[11]);
/* Days since 1970-01-01 for a civil date. */
long wgr_days_from_civil(int y, int m, int d);

/* True when a province or water board actively takes part in collab c. */
bool wgr_collab_minister(const struct snapshot *s, int c);

#endif
