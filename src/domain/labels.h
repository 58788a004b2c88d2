/*
 * labels — the one table per enum that maps between the code stored in the
 * database and seed files (English for kinds, the legal Dutch code for the
 * rest), the value used in the API and URLs (Dutch, lower case), and the
 * Dutch label shown to people. GLOSSARY.md is the source of these names.
 */
#ifndef ATLAS_LABELS_H
#define ATLAS_LABELS_H

#include "model.h"

struct label {
	const char *db;	   /* stored code */
	const char *api;   /* API/URL value */
	const char *label; /* Dutch UI label */
};

extern const struct label org_kind_labels[ORG_KIND_COUNT];
extern const struct label collab_kind_labels[COLLAB_KIND_COUNT];
extern const struct label legal_form_labels[LF_COUNT];
extern const struct label powers_labels[POW_COUNT];
extern const struct label phase_labels[PHASE_COUNT];
extern const struct label body_labels[BODY_COUNT];
extern const struct label role_labels[ROLE_COUNT];

/* Index of the entry whose db code equals s (empty s matches an entry with
 * an empty db code); -1 when none. */
int label_from_db(const struct label *t, int n, const char *s);
/* Index of the entry whose api value equals s; -1 when none. */
int label_from_api(const struct label *t, int n, const char *s);

#define LABEL_COUNT(t) ((int)(sizeof(t) / sizeof((t)[0])))

#endif
