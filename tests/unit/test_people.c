/*
 * test_people — the pure rules of domain/people.c and the field checks of
 * domain/validate_people.c with worked examples: every legal form × body
 * combination, half-open periods (open ends, touching periods), the
 * dominant perspective with ties and role-change detection with ties on
 * either side; the label tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/people.h"
#include "../../src/domain/validate_people.h"
#include "../../src/domain/validate_write.h"

#include <string.h>

/* The expected matrix, straight from the comment in people.h. */
static bool expected_allowed(enum legal_form lf, enum seat_body b)
{
	switch (lf) {
	case LF_OL:
		return b == SEAT_ALGEMEEN_BESTUUR || b == SEAT_DAGELIJKS_BESTUUR ||
		       b == SEAT_VOORZITTER || b == SEAT_ADVIESCOMMISSIE ||
		       b == SEAT_PORTEFEUILLEHOUDERSOVERLEG;
	case LF_GO:
	case LF_BVO:
	case LF_STICHTING:
	case LF_VERENIGING:
	case LF_BV:
	case LF_NV:
	case LF_COOPERATIE:
		return b == SEAT_BESTUUR;
	case LF_CC:
	case LF_RZM:
		return false;
	case LF_CONVENANT:
	case LF_NETWERK:
		return b == SEAT_BESTUUR || b == SEAT_PORTEFEUILLEHOUDERSOVERLEG;
	case LF_UNKNOWN:
	default:
		return true;
	}
}

static void test_seat_body_matrix(void **state)
{
	(void)state;
	int allowed = 0;
	for (int lf = 0; lf < LF_COUNT; lf++)
		for (int k = 0; k < COLLAB_KIND_COUNT; k++)
			for (int b = 0; b < SEAT_BODY_COUNT; b++) {
				char msg[200] = "";
				bool got =
				    seat_body_allowed((enum legal_form)lf, (enum collab_kind)k,
						      (enum seat_body)b, msg, sizeof msg);
				bool want =
				    expected_allowed((enum legal_form)lf, (enum seat_body)b);
				if (got != want)
					print_error("legal form %d kind %d body %d: got %d\n", lf,
						    k, b, got);
				assert_int_equal(got, want);
				if (got)
					allowed++;
				else
					assert_true(strlen(msg) > 20); /* a Dutch reason */
				/* msg may be NULL */
				assert_int_equal(seat_body_allowed((enum legal_form)lf,
								   (enum collab_kind)k,
								   (enum seat_body)b, NULL, 0),
						 want);
			}
	assert_true(allowed > 0);

	/* worked examples with their messages */
	char msg[200];
	assert_true(seat_body_allowed(LF_OL, COLLAB_JOINT_ARRANGEMENT, SEAT_DAGELIJKS_BESTUUR, msg,
				      sizeof msg));
	assert_false(
	    seat_body_allowed(LF_OL, COLLAB_JOINT_ARRANGEMENT, SEAT_BESTUUR, msg, sizeof msg));
	assert_non_null(strstr(msg, "openbaar lichaam"));
	assert_non_null(strstr(msg, "Algemeen bestuur"));
	assert_false(seat_body_allowed(LF_GO, COLLAB_JOINT_ARRANGEMENT, SEAT_ALGEMEEN_BESTUUR, msg,
				       sizeof msg));
	assert_non_null(strstr(msg, "gemeenschappelijk orgaan"));
	assert_false(
	    seat_body_allowed(LF_CC, COLLAB_JOINT_ARRANGEMENT, SEAT_BESTUUR, msg, sizeof msg));
	assert_non_null(strstr(msg, "geen eigen bestuursorganen"));
	assert_false(
	    seat_body_allowed(LF_RZM, COLLAB_JOINT_ARRANGEMENT, SEAT_VOORZITTER, msg, sizeof msg));
	assert_true(
	    seat_body_allowed(LF_UNKNOWN, COLLAB_NETWORK, SEAT_ADVIESCOMMISSIE, msg, sizeof msg));
	/* a tiny buffer is cut, not overrun */
	char tiny[8];
	memset(tiny, 'x', sizeof tiny);
	assert_false(
	    seat_body_allowed(LF_CC, COLLAB_JOINT_ARRANGEMENT, SEAT_BESTUUR, tiny, sizeof tiny));
	assert_int_equal(tiny[7], '\0');
}

static void test_periods(void **state)
{
	(void)state;
	/* touching periods do not overlap, in either order */
	assert_false(periods_overlap("2020-01-01", "2021-01-01", "2021-01-01", ""));
	assert_false(periods_overlap("2021-01-01", "", "2020-01-01", "2021-01-01"));
	assert_false(periods_overlap("2020-01-01", "2021-01-01", "2021-01-01", "2022-01-01"));
	/* one day of overlap does */
	assert_true(periods_overlap("2020-01-01", "2021-01-02", "2021-01-01", ""));
	/* disjoint */
	assert_false(periods_overlap("2010-01-01", "2011-01-01", "2015-01-01", "2016-01-01"));
	/* contained */
	assert_true(periods_overlap("2010-01-01", "2020-01-01", "2012-05-01", "2013-01-01"));
	/* open ends: both open to the future */
	assert_true(periods_overlap("2010-01-01", "", "2030-01-01", ""));
	/* open to the past vs a closed period later */
	assert_true(periods_overlap("", "2015-01-01", "2014-01-01", "2014-06-01"));
	assert_false(periods_overlap("", "2015-01-01", "2015-01-01", "2016-01-01"));
	/* completely open overlaps anything non-empty */
	assert_true(periods_overlap("", "", "2020-01-01", "2020-01-02"));
	assert_true(periods_overlap(NULL, NULL, NULL, NULL));
	assert_true(periods_overlap("", "", "", ""));
	/* open past on both sides */
	assert_true(periods_overlap("", "2000-01-01", "", "1990-01-01"));
	/* an empty period [x, x) overlaps nothing */
	assert_false(periods_overlap("2020-01-01", "2020-01-01", "", ""));
	assert_false(periods_overlap("", "", "2020-05-05", "2020-05-05"));
	/* symmetric */
	const char *p[][2] = {{"", ""},
			      {"2020-01-01", ""},
			      {"", "2020-01-01"},
			      {"2019-01-01", "2021-01-01"},
			      {"2021-01-01", "2022-01-01"},
			      {"2018-01-01", "2019-01-01"}};
	for (size_t i = 0; i < 6; i++)
		for (size_t j = 0; j < 6; j++)
			assert_int_equal(periods_overlap(p[i][0], p[i][1], p[j][0], p[j][1]),
					 periods_overlap(p[j][0], p[j][1], p[i][0], p[i][1]));
}

static void test_dominant(void **state)
{
	(void)state;
	assert_int_equal(perspective_dominant((int[]){5, 1, 1, 1}), PERSP_RECHTMATIG);
	assert_int_equal(perspective_dominant((int[]){2, 4, 3, 1}), PERSP_PRESTEREND);
	assert_int_equal(perspective_dominant((int[]){1, 2, 5, 4}), PERSP_SAMENWERKEND);
	assert_int_equal(perspective_dominant((int[]){3, 3, 3, 4}), PERSP_RESPONSIEF);
	/* ties between the highest: no dominant perspective */
	assert_int_equal(perspective_dominant((int[]){5, 5, 1, 1}), -1);
	assert_int_equal(perspective_dominant((int[]){1, 4, 2, 4}), -1);
	assert_int_equal(perspective_dominant((int[]){3, 3, 3, 3}), -1);
	assert_int_equal(perspective_dominant((int[]){2, 5, 5, 5}), -1);
	/* a tie below the highest does not matter */
	assert_int_equal(perspective_dominant((int[]){2, 2, 5, 1}), PERSP_SAMENWERKEND);
	assert_int_equal(perspective_dominant((int[]){4, 1, 1, 3}), PERSP_RECHTMATIG);
}

static void test_role_change(void **state)
{
	(void)state;
	int rechtmatig[] = {5, 2, 2, 1}, presterend[] = {2, 5, 3, 1};
	int samen[] = {1, 2, 4, 3}, tie[] = {4, 4, 2, 1}, tie2[] = {1, 1, 5, 5};
	/* a clear change */
	assert_true(perspective_changed(rechtmatig, presterend));
	assert_true(perspective_changed(presterend, samen));
	/* the same dominant perspective with other scores: no change */
	assert_false(perspective_changed(rechtmatig, (int[]){4, 3, 3, 3}));
	assert_false(perspective_changed(rechtmatig, rechtmatig));
	/* to a tie, from a tie, tie to tie: not a role change */
	assert_false(perspective_changed(rechtmatig, tie));
	assert_false(perspective_changed(tie, presterend));
	assert_false(perspective_changed(tie, tie2));
	assert_false(perspective_changed(tie, tie));
	/* the worked example of the brief: {5,5,1,1} has no dominant */
	assert_false(perspective_changed((int[]){5, 5, 1, 1}, (int[]){1, 1, 1, 5}));
	assert_true(perspective_changed((int[]){5, 4, 1, 1}, (int[]){1, 1, 1, 5}));
}

static void test_labels(void **state)
{
	(void)state;
	assert_true(office_is_public(OFFICE_BURGEMEESTER));
	assert_true(office_is_public(OFFICE_AB_WATERSCHAP));
	assert_false(office_is_public(OFFICE_AMBTENAAR));
	assert_false(office_is_public(OFFICE_COUNT));
	assert_string_equal(office_labels[OFFICE_CDK].label, "Commissaris van de Koning");
	assert_string_equal(office_labels[OFFICE_AB_WATERSCHAP].api, "ab-lid-waterschap");
	assert_string_equal(office_labels[OFFICE_AB_WATERSCHAP].label,
			    "Lid algemeen bestuur waterschap");
	assert_string_equal(seat_body_labels[SEAT_ADVIESCOMMISSIE].label,
			    "Gemeenschappelijke adviescommissie");
	assert_string_equal(perspective_labels[PERSP_SAMENWERKEND].label,
			    "Samenwerkende (netwerkende) overheid");
	assert_string_equal(perspective_labels[PERSP_RESPONSIEF].api, "responsief");
	assert_string_equal(agreement_status_labels[AGR_HERZIEN].api, "herzien");
	const struct label *tables[] = {office_labels, seat_body_labels, perspective_labels,
					agreement_status_labels};
	int counts[] = {OFFICE_COUNT, SEAT_BODY_COUNT, PERSP_COUNT, AGR_COUNT};
	for (int t = 0; t < 4; t++)
		for (int i = 0; i < counts[t]; i++) {
			assert_non_null(tables[t][i].db);
			assert_non_null(tables[t][i].label);
			assert_int_equal(label_from_api(tables[t], counts[t], tables[t][i].api), i);
		}
	for (int i = 0; i < PERSP_COUNT; i++) {
		assert_non_null(strstr(perspective_explanations[i], "NSOB"));
		assert_true(strlen(perspective_explanations[i]) > 40);
	}
}

static void test_validation(void **state)
{
	(void)state;
	struct field_errors e = {0};
	validate_person_input(&(struct person_input){.name = "Jan Testpersoon"}, &e);
	assert_int_equal(e.n, 0);
	validate_person_input(
	    &(struct person_input){
		.name = "J", .email = "geen-adres", .phone = "bel me", .party = "x\001y"},
	    &e);
	assert_non_null(field_errors_get(&e, "naam"));
	assert_non_null(field_errors_get(&e, "email"));
	assert_non_null(field_errors_get(&e, "telefoon"));
	assert_non_null(field_errors_get(&e, "partij"));

	e.n = 0;
	validate_office_input(
	    &(struct office_input){
		.org_code = "gm9998", .kind = "wethouder", .from = "2022-06-01", .to = ""},
	    &e);
	assert_int_equal(e.n, 0);
	validate_office_input(
	    &(struct office_input){
		.org_code = "GM 9998", .kind = "koning", .from = "2022-02-30", .to = ""},
	    &e);
	assert_non_null(field_errors_get(&e, "organisatie"));
	assert_non_null(field_errors_get(&e, "functie"));
	assert_non_null(field_errors_get(&e, "van"));
	e.n = 0;
	validate_office_input(
	    &(struct office_input){
		.org_code = "gm9998", .kind = "raadslid", .from = "2022-01-01", .to = "2021-01-01"},
	    &e);
	assert_string_equal(field_errors_get(&e, "tot"), "De einddatum ligt vóór de begindatum.");

	e.n = 0;
	int sc[PERSP_COUNT];
	validate_assessment_input(
	    &(struct assessment_input){.date = "2025-01-01", .scores = {"1", "5", "3", "2"}},
	    "2025-03-01", sc, &e);
	assert_int_equal(e.n, 0);
	assert_int_equal(sc[1], 5);
	validate_assessment_input(
	    &(struct assessment_input){.date = "2025-03-02", .scores = {"0", "6", "drie", "2.5"}},
	    "2025-03-01", sc, &e);
	assert_non_null(field_errors_get(&e, "datum"));
	assert_non_null(field_errors_get(&e, "rechtmatig"));
	assert_non_null(field_errors_get(&e, "presterend"));
	assert_non_null(field_errors_get(&e, "samenwerkend"));
	assert_non_null(field_errors_get(&e, "responsief"));
	e.n = 0;
	validate_assessment_input(&(struct assessment_input){.date = "", .scores = {NULL}},
				  "2025-03-01", sc, &e);
	assert_int_equal(e.n, 5);

	e.n = 0;
	validate_phase_input(&(struct phase_input){.phase = "groei", .date = "2020-01-01"}, &e);
	assert_int_equal(e.n, 0);
	validate_phase_input(
	    &(struct phase_input){.phase = "onbekend", .process_phase = "dromen", .date = ""}, &e);
	assert_non_null(field_errors_get(&e, "fase"));
	assert_non_null(field_errors_get(&e, "procesfase"));
	assert_non_null(field_errors_get(&e, "datum"));

	e.n = 0;
	validate_agreement_input(&(struct agreement_input){.title = "Rolverdeling",
							   .parties = "gm9998; gm9999",
							   .status = "geldend",
							   .document_url = "https://example.org/a"},
				 &e);
	assert_int_equal(e.n, 0);
	validate_agreement_input(&(struct agreement_input){.title = "R",
							   .parties = "gm9998; Foo Bar",
							   .status = "misschien",
							   .document_url = "javascript:alert(1)"},
				 &e);
	assert_non_null(field_errors_get(&e, "titel"));
	assert_non_null(field_errors_get(&e, "partijen"));
	assert_non_null(field_errors_get(&e, "status"));
	assert_non_null(field_errors_get(&e, "document"));

	char codes[4][81];
	assert_int_equal(validate_code_list(" gm9998 ;gm9999,gm9998;; ", codes, 4), 2);
	assert_string_equal(codes[0], "gm9998");
	assert_string_equal(codes[1], "gm9999");
	assert_int_equal(validate_code_list("", codes, 4), 0);
	assert_int_equal(validate_code_list("a1;b2;c3;d4;e5", codes, 4), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_seat_body_matrix), cmocka_unit_test(test_periods),
	    cmocka_unit_test(test_dominant),	     cmocka_unit_test(test_role_change),
	    cmocka_unit_test(test_labels),	     cmocka_unit_test(test_validation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
