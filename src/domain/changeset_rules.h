/*
 * changeset_rules — the pure rules of the change-set import
 * (app/changeset.h, docs/import.md): which fields of an organisation or a
 * collaboration a change row may set and what each accepts (ISO dates,
 * the seed's vocabularies of legal forms, phases, bodies and roles, 0/1
 * flags, TOOI codes), the confidence levels and their order, the actions
 * of participation_changes, and the membership statements
 * (current_participants, participants_body). Messages are Dutch; the
 * caller adds file and line. No I/O: references (does this code exist?)
 * are checked by the caller, which knows the registry.
 */
#ifndef ATLAS_DOMAIN_CHANGESET_RULES_H
#define ATLAS_DOMAIN_CHANGESET_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* What a field accepts. */
enum cs_vtype {
	CSV_TEXT,	/* free text up to VALIDATE_MAX_TEXT bytes */
	CSV_NAME,	/* required text up to VALIDATE_MAX_NAME bytes */
	CSV_SHORT,	/* text up to 60 bytes */
	CSV_DATE,	/* YYYY-MM-DD or empty */
	CSV_FLAG,	/* 0 or 1 */
	CSV_LEGAL_FORM, /* legal_form_labels db code ("" = unknown) */
	CSV_PHASE,	/* phase_labels db code */
	CSV_BODY,	/* body_labels db code */
	CSV_TOOI,	/* gm0344, pv26, ws0155 … or empty */
	CSV_CBS,	/* GM0344, PV26 … or empty */
	CSV_URL,	/* http(s) URL or empty */
	CSV_ORG_REF,	/* an organisation code (the caller checks it exists) */
	CSV_SOURCE_REF, /* a source id; must equal the row's source_id */
	CSV_ORG_LIST,	/* ';'-separated organisation codes, no duplicates */
};

/* A field a change row may set: its column name, Dutch label and type;
 * member: a membership statement (applied after the participation rows). */
struct cs_field {
	const char *name;
	const char *label;
	enum cs_vtype type;
	bool member;
};

/* The field of organisation_changes / collaboration_changes named name,
 * or NULL when a change row may not set it. */
const struct cs_field *cs_org_field(const char *name);
const struct cs_field *cs_collab_field(const char *name);

/* The Dutch label of a column of any change-set table ("naam",
 * "einddatum", "deelname"); the name itself when unknown. */
const char *cs_field_label(const char *name);

/* Check value for f (references excepted): 0, or -1 with a Dutch reason
 * in err ("'2019-02-30' is geen geldige datum (JJJJ-MM-DD)"). */
int cs_check_value(const struct cs_field *f, const char *value, char *err, size_t errlen);

/* Confidence: "low" 0, "medium" 1, "high" 2; -1 for anything else. */
int cs_confidence_rank(const char *c);

/* Is a row of confidence c applied as fact at minimum min ("medium" when
 * NULL or empty)? A row with an invalid confidence never is. */
bool cs_confidence_applies(const char *c, const char *min);

/* participation_changes.action: "add", "end", "update". */
bool cs_action_valid(const char *action);
/* Vocabularies by db code: body ("" allowed), role ("" allowed: keeps or
 * defaults to deelnemer). */
bool cs_body_valid(const char *body);
bool cs_role_valid(const char *role);

/* Split a ';'-separated code list (items trimmed, empty items skipped)
 * into at most max codes of < 81 bytes. Returns the count, or -1 with a
 * Dutch reason in err when an item is not a valid code, appears twice or
 * there are more than max. */
int cs_split_codes(const char *list, char codes[][81], int max, char *err, size_t errlen);

/* The date a source's last_confirmed takes from a row: its source_date,
 * or else the source's reference_date. */
const char *cs_confirmed_date(const char *source_date, const char *reference_date);

#endif
