/*
 * records — what people enter for the registry and the people module, as
 * plain domain values: the input structs of every write (collaboration,
 * participation, organisation, person, office, seat, role assessment, phase
 * event, agreement) and the per-field error list the checks fill.
 *
 * Strings are borrowed from the caller (form, API body, CSV row); NULL means
 * "not given" (an update keeps the stored value), "" means "clear" for an
 * optional field. Field names for struct field_errors are the Dutch
 * form/API names in the comments.
 *
 * Validation is domain/validate_write.h and domain/validate_people.h;
 * storing them is src/store/. Types only (and the field-error helpers in
 * domain/fields.c); no I/O.
 */
#ifndef ATLAS_RECORDS_H
#define ATLAS_RECORDS_H

#include "labels.h"
#include "people.h"

#include <stdbool.h>

#define FIELD_ERRORS_MAX 32
struct field_error {
	char field[48];	   /* the input name, e.g. "naam", "startdatum" (Dutch, as in forms/API) */
	char message[200]; /* Dutch, e.g. "Vul een naam in." */
};
struct field_errors {
	struct field_error e[FIELD_ERRORS_MAX];
	int n;
};

/* Add an error for field (ignored when full; a second error for the same
 * field is dropped so forms show one message per field). */
void field_errors_add(struct field_errors *e, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The message for field, or NULL. */
const char *field_errors_get(const struct field_errors *e, const char *field);

/*
 * A collaboration as entered. Field names are the Dutch form/API names in
 * comments. NULL means "not given" (PATCH keeps the old value); "" means
 * "clear" for optional fields.
 */
struct collab_input {
	const char *name;	/* naam: required, 2..200 */
	const char *short_name; /* korteNaam: 0..60 */
	const char *kind;	/* soort: api value wgr|privaatrechtelijk|netwerk */
	const char *legal_form; /* juridischeVorm: api value or "onbekend" */
	const char *powers;	/* bevoegdheidsverkrijging: api value or "onbekend" */
	const char *domains;	/* beleidsdomeinen: ;- or ,-separated domain keys, >= 1 */
	const char *phase;	/* fase: api value or "onbekend" */
	const char *purpose;	/* doel: 0..2000 */
	const char *seat;	/* vestigingsplaats: 0..100 */
	const char *start_date; /* startdatum: YYYY-MM-DD or "" */
	const char *end_date;	/* einddatum: YYYY-MM-DD or "", not before start */
	const char *website;	/* website: http(s) URL or "" */
	const char *note;	/* opmerking: 0..1000 */
	const char *source_key; /* bron: existing source key or NULL/"" = "invoer-gebruiker" */
};

struct part_input {
	const char *org_code;	  /* organisatie: existing code (create only) */
	const char *body;	  /* orgaan: api value or "onbekend" */
	const char *role;	  /* rol: api value */
	const char *cost_share;	  /* kostenverdeelsleutel: decimal 0..1 ('.' or ','), or "" */
	const char *contribution; /* bijdrage: whole euros >= 0, or "" */
	const char *joined;	  /* toegetreden: date or "" */
	const char *left;	  /* uitgetreden: date or "", not before joined */
	const char *note;	  /* opmerking */
};

struct org_input {
	const char *name;	     /* naam */
	const char *population;	     /* inwoners: whole number or "" */
	const char *population_date; /* peildatum inwoners */
	const char *area_km2;	     /* oppervlakte */
	const char *note;	     /* opmerking */
};

/* Inputs from forms/API: strings as typed; NULL = not given (keep). Field
 * names for struct field_errors are the Dutch names in comments. */
struct person_input {
	const char *name;  /* naam: 2..200 */
	const char *party; /* partij */
	const char *email; /* email */
	const char *phone; /* telefoon */
	const char *note;  /* opmerking */
};
struct office_input {
	const char *org_code;  /* organisatie */
	const char *kind;      /* functie: office api value */
	const char *portfolio; /* portefeuille */
	const char *from, *to; /* van, tot: dates; to not before from; not after the
				* organisation's end; no overlap with the same office */
	bool acting;	       /* waarnemend (an acting burgemeester, …) */
};
struct seat_input {
	const char *collab_key; /* samenwerkingsverband */
	const char *org_code;	/* namens: organisation (should participate) */
	const char *body;	/* orgaan: seat body api value, allowed by the legal form */
	const char *from, *to;	/* van, tot: no overlap with the same person in the same body */
};
struct assessment_input {
	const char *date; /* datum */
	const char
	    *scores[PERSP_COUNT]; /* rechtmatig, presterend, samenwerkend, responsief: 1..5 */
	const char *note;	  /* toelichting */
};
struct phase_input {
	const char *phase;	   /* fase: phase api value */
	const char *process_phase; /* procesfase */
	const char *date;	   /* datum */
	const char *note;	   /* toelichting */
};
struct agreement_input {
	const char *title;	  /* titel: 2..200 */
	const char *description;  /* omschrijving */
	const char *parties;	  /* partijen: ;-separated organisation codes */
	const char *since;	  /* sinds */
	const char *status;	  /* status: voorgesteld|geldend|herzien|vervallen */
	const char *document_url; /* document */
};

enum agreement_status { AGR_VOORGESTELD, AGR_GELDEND, AGR_HERZIEN, AGR_VERVALLEN, AGR_COUNT };
extern const struct label agreement_status_labels[AGR_COUNT];

#endif
