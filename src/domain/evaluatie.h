/*
 * evaluatie — the pure rules of measuring the programme ("Evaluatie"):
 * the vocabularies of the item bank (blocks, item kinds, scopes), of
 * rounds (target groups, statuses), the answer scales, the input rules of
 * an item and of a round, the check of one answer, and the suppression
 * rule for small cells (primary and secondary, so a total minus the shown
 * groups never reveals a suppressed group). API and form values are the
 * Dutch words below; the database stores the same words. No I/O.
 */
#ifndef ATLAS_DOMAIN_EVALUATIE_H
#define ATLAS_DOMAIN_EVALUATIE_H

#include "labels.h"
#include "records.h"

#include <stdbool.h>
#include <stddef.h>

extern const struct label evaluatie_block_labels[8];
extern const struct label evaluatie_kind_labels[5];
extern const struct label evaluatie_scope_labels[2];
extern const struct label evaluatie_group_labels[3];
extern const struct label evaluatie_status_labels[3];

/* The four role perspectives (NSOB, Van der Steen et al.), in order. */
#define EVALUATIE_PERSPECTIVES 4
extern const char *const evaluatie_perspectives[EVALUATIE_PERSPECTIVES];

/* The Likert scale: index 0 is "weet niet / n.v.t.", 1..5 "helemaal
 * oneens" .. "helemaal eens". A score of a role perspective uses the same
 * numbers with the labels of evaluatie_score_labels. */
extern const char *const evaluatie_likert_labels[6];
extern const char *const evaluatie_score_labels[6];

/* Cells (groups of respondents) with fewer than this many respondents are
 * never shown. */
#define EVALUATIE_MIN_CELL 5

#define EVALUATIE_ITEM_TEXT_MAX 400
#define EVALUATIE_SOURCE_MAX 400
#define EVALUATIE_OPTIONS_MAX 10
#define EVALUATIE_OPTION_MAX 120
#define EVALUATIE_OPEN_MAX 2000 /* an open answer, code points */
#define EVALUATIE_NAME_MAX 120

/* An item as entered (NULL counts as ""). options: one choice (or, for a
 * role-perspective item, one party) per line. */
struct evaluatie_item_input {
	const char *block, *kind, *scope, *text, *options, *source, *required;
};

/*
 * Check an item: blok and soort (one of the labels), bereik (algemeen or
 * samenwerking; "" counts as algemeen), tekst (1..400), keuzes (choice
 * and role-perspective items: 2..10 lines of 1..120 each; other kinds:
 * none), bron (0..400), verplicht ("", "ja" or "nee"). One Dutch message
 * per wrong field in e.
 */
void evaluatie_item_check(struct field_errors *e, const struct evaluatie_item_input *in);

/* A round as entered. groups: target group api values joined by ';'. */
struct evaluatie_round_input {
	const char *name, *starts_on, *ends_on, *groups;
};

/* Check a round: naam (1..120), begin and einde (dates, einde not before
 * begin), doelgroepen (at least one known target group). */
void evaluatie_round_check(struct field_errors *e, const struct evaluatie_round_input *in);

/* The number of options in text (one per non-empty line, at most
 * EVALUATIE_OPTIONS_MAX counted). */
int evaluatie_option_count(const char *text);
/* Option i (0-based) of text into out (n bytes, trimmed); false when there
 * is no such option. */
bool evaluatie_option(const char *text, int i, char *out, size_t n);

enum evaluatie_answer_check {
	EVA_OK,
	EVA_EMPTY,    /* nothing given */
	EVA_RANGE,    /* not a value of the scale or choice list */
	EVA_TOO_LONG, /* open text over EVALUATIE_OPEN_MAX, or not valid text */
};

/* One scale answer ("0" weet niet, "1".."5"): *out the number. */
enum evaluatie_answer_check evaluatie_check_scale(const char *v, int *out);
/* One choice ("1".."n_options"): *out the 1-based option. */
enum evaluatie_answer_check evaluatie_check_choice(const char *v, int n_options, int *out);
/* One open answer (multi-line text of at most EVALUATIE_OPEN_MAX). */
enum evaluatie_answer_check evaluatie_check_open(const char *v);

/*
 * The suppression rule. n[0..k) are the respondents of the k groups of one
 * breakdown (a partition of the total: every respondent in exactly one
 * group), total their sum. Sets hidden[i] for each group that must not be
 * shown and returns whether the total itself must be hidden.
 *
 * Primary: a group with 1..4 respondents is hidden; with the total under 5
 * everything is hidden. Secondary: the hidden groups together must not be
 * derivable as one small group, so while they are exactly one group, or
 * together hold fewer than 5 respondents, the smallest shown group with
 * respondents (the first on ties) is hidden too. When no group is left to
 * add, the total is hidden as well. Groups without respondents (0) are
 * shown: they reveal nobody.
 */
bool evaluatie_suppress(int total, const int *n, int k, bool *hidden);

/* The Dutch label of api value v in table t (n entries), or v itself. */
const char *evaluatie_label(const struct label *t, int n, const char *v);

#endif
