/*
 * api_evaluatie — the released aggregates of measuring the programme
 * (app/evaluatie.h) in the open API: the released rounds and the results
 * of one, with every cell of fewer than five respondents (also by
 * differencing) left out. Never open answers, links or single responses.
 */
#ifndef ATLAS_API_EVALUATIE_H
#define ATLAS_API_EVALUATIE_H

#include "../http/request.h"

int api_evaluatie_rounds(struct request *r);
int api_evaluatie_results(struct request *r);

#endif
