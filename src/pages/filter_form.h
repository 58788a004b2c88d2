/*
 * filter_form — the <select> fields of the shared collaboration filter
 * (domain/filter.h): beleidsdomein, juridischeVorm, fase, soort and
 * deelnemer, each showing the request's current value. Used by the list,
 * map, network and overlap pages so the same filter looks and behaves the
 * same everywhere. Each choice shows how many collaborations it would give
 * with the other filters of the request kept ("Sociaal domein (12)"); a
 * choice that gives none is marked "(0, geen resultaten)". Writes only the fields;
 * the page writes the <form>.
 */
#ifndef ATLAS_FILTER_FORM_H
#define ATLAS_FILTER_FORM_H

#include "../http/request.h"

enum filter_form_field {
	FF_DOMAIN = 1u,	      /* beleidsdomein */
	FF_LEGAL_FORM = 2u,   /* juridischeVorm */
	FF_PHASE = 4u,	      /* fase */
	FF_PHASE_ACTIVE = 8u, /* fase, without "beëindigd" (views of active collaborations) */
	FF_KIND = 16u,	      /* soort */
	FF_PARTICIPANT = 32u, /* deelnemer: organisations with any participation */
	FF_PARTICIPANT_ACTIVE = 64u, /* deelnemer: organisations in an active collaboration */
};

/* Write the selected fields, in the order above, into r->out. */
void filter_form_selects(struct request *r, unsigned fields);

#endif
