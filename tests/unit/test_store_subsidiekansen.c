/*
 * test_store_subsidiekansen — the deadline reminders of funding calls in
 * store/store_subsidiekansen.c (SQLite; the HTTP suite runs the same on
 * PostgreSQL): which marks are candidates (asked for reminders, an enabled
 * account with an address that still belongs to the organisation, the
 * deadline in the window); queueing is one
 * transaction with one audit event and queues a dedupe key once;
 * withdrawing a mark, or moving the deadline, withdraws a reminder no
 * sender has claimed yet and keeps the fact ("ingetrokken"); a sent one
 * stays. Every name and address is fictional.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/lib/arena.h"
#include "../../src/store/store.h"
#include "../../src/store/store_outbox.h"
#include "../../src/store/store_subsidiekansen.h"
#include "../../src/store/store_write.h"
#include "fixtures.h"

struct fx {
	struct arena *a;
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
	int64_t call;
};

static const struct funding_call_new CALL = {.programme = "interreg",
					     .title = "Fictieve oproep Herinneringsveld",
					     .url = "https://voorbeeld.invalid/oproep",
					     .opens_on = "",
					     .deadline = "2027-03-31",
					     .themes = "",
					     .eligible = "",
					     .description = "",
					     .status_note = "",
					     .budget = -1,
					     .cofinancing = -1};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_empty(f))
		return -1;
	f->a = arena_new();
	f->w = (struct write_ctx){"cli:test", "cli", "2027-03-17"};
	/* fictional organisations and editors: with an address, without one,
	 * disabled, moved on to another organisation */
	if (fx_exec_raw(f->db, "INSERT INTO organisation (id, code, kind, name) VALUES "
			       "(1, 'GM9901', 'gemeente', 'Aafjesdorp'), "
			       "(2, 'GM9902', 'gemeente', 'Bertusveen'), "
			       "(3, 'GM9903', 'gemeente', 'Corwoude'), "
			       "(4, 'GM9904', 'gemeente', 'Dirkshoven'), "
			       "(5, 'GM9905', 'gemeente', 'Elderswijk')") ||
	    fx_exec_raw(f->db,
			"INSERT INTO app_user (id, username, display_name, email, role, "
			"org_id, disabled, created_at) VALUES "
			"(1, 'red-a', 'Redacteur Aafje', 'aafje@voorbeeld.invalid', "
			"'redacteur', 1, 0, '2027-01-01T00:00:00.000Z'), "
			"(2, 'red-b', 'Redacteur Bertus', '', 'redacteur', 2, 0, "
			"'2027-01-01T00:00:00.000Z'), "
			"(3, 'red-c', 'Redacteur Cor', 'cor@voorbeeld.invalid', 'redacteur', "
			"3, 1, '2027-01-01T00:00:00.000Z'), "
			"(4, 'red-d', 'Redacteur Dirk', 'dirk@voorbeeld.invalid', "
			"'redacteur', 5, 0, '2027-01-01T00:00:00.000Z')"))
		return -1;
	if (store_funding_call_add(f->s, &f->w, &CALL, &f->call) != STORE_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_store_free(f);
	arena_free(f->a);
	free(f);
	return 0;
}

static long long count(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

/* The reminder of org with lead time lead for deadline, as the app builds
 * it (the text does not matter here). */
static struct funding_reminder_new reminder(struct fx *f, const char *org, int lead,
					    const char *deadline, const char *token)
{
	char *key = arena_printf(f->a, "subsidiekans-%lld-%s-%d-%s", (long long)f->call, org, lead,
				 deadline);
	return (struct funding_reminder_new){
	    .call_id = f->call,
	    .org_code = org,
	    .deadline = deadline,
	    .lead_days = lead,
	    .msg = {.to = "aafje@voorbeeld.invalid",
		    .to_name = "Redacteur Aafje",
		    .subject = "Herinnering",
		    .body = "Tekst",
		    .kind = "subsidiekans-herinnering",
		    .dedupe_key = key},
	    .token = token,
	};
}

static void test_candidates(void **state)
{
	struct fx *f = *state;
	const struct {
		const char *org;
		int64_t user;
		bool remind;
	} marks[] = {
	    {"GM9901", 1, true},  /* asked, an address: the one candidate */
	    {"GM9902", 2, true},  /* no address */
	    {"GM9903", 3, true},  /* a disabled account */
	    {"GM9904", 4, true},  /* Dirk moved on to GM9905 since */
	    {"GM9905", 4, false}, /* did not ask */
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		assert_int_equal(store_funding_interest_add(f->s, &f->w, f->call, marks[i].org,
							    marks[i].user, i ? "" : "Plan A",
							    marks[i].remind),
				 STORE_OK);
	struct funding_reminder_candidate *c;
	int n;
	assert_int_equal(
	    store_funding_reminder_candidates(f->s, f->a, "2027-03-17", "2027-03-31", &c, &n),
	    STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].org_code, "GM9901");
	assert_string_equal(c[0].org_name, "Aafjesdorp");
	assert_string_equal(c[0].email, "aafje@voorbeeld.invalid");
	assert_string_equal(c[0].note, "Plan A");
	assert_string_equal(c[0].deadline, "2027-03-31");
	/* outside the window: nothing */
	assert_int_equal(
	    store_funding_reminder_candidates(f->s, f->a, "2027-04-01", "2027-04-15", &c, &n),
	    STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(
	    store_funding_reminder_candidates(f->s, f->a, "2027-03-01", "2027-03-30", &c, &n),
	    STORE_OK);
	assert_int_equal(n, 0);
}

static void test_queue_once_with_one_audit_event(void **state)
{
	struct fx *f = *state;
	struct funding_reminder_new r[2] = {reminder(f, "GM9901", 14, "2027-03-31", "t1"),
					    reminder(f, "GM9902", 14, "2027-03-31", "t2")};
	int queued = -1;
	assert_int_equal(store_funding_reminders_queue(f->s, &f->w, r, 2, &queued), STORE_OK);
	assert_int_equal(queued, 2);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE status = 'queued'"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM funding_reminder"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE entity = "
				  "'funding_reminder' AND \"after\" LIKE '%\"aantal\":2%'"),
			 1);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE \"after\" LIKE "
				  "'%aafje%'"),
			 0);
	/* again (a second run, another instance): nothing new, no event */
	r[0].token = "t3";
	r[1].token = "t4";
	assert_int_equal(store_funding_reminders_queue(f->s, &f->w, r, 2, &queued), STORE_OK);
	assert_int_equal(queued, 0);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE entity = "
				  "'funding_reminder'"),
			 1);
	/* nothing to queue: nothing written */
	assert_int_equal(store_funding_reminders_queue(f->s, &f->w, r, 0, &queued), STORE_OK);
	assert_int_equal(queued, 0);
}

static void test_withdrawn_with_the_mark_or_the_deadline(void **state)
{
	struct fx *f = *state;
	assert_int_equal(store_funding_interest_add(f->s, &f->w, f->call, "GM9901", 1, "", true),
			 STORE_OK);
	assert_int_equal(store_funding_interest_add(f->s, &f->w, f->call, "GM9902", 1, "", true),
			 STORE_OK);
	struct funding_reminder_new r[2] = {reminder(f, "GM9901", 14, "2027-03-31", "t1"),
					    reminder(f, "GM9902", 14, "2027-03-31", "t2")};
	int queued;
	assert_int_equal(store_funding_reminders_queue(f->s, &f->w, r, 2, &queued), STORE_OK);
	/* GM9902's reminder was sent already: it stays */
	assert_int_equal(fx_exec_raw(f->db, "UPDATE outbox SET status = 'sent', sent_at = "
					    "'2027-03-17T07:00:00.000Z' WHERE dedupe_key LIKE "
					    "'%-GM9902-%'"),
			 0);
	/* GM9901 withdraws: its queued reminder goes, the fact stays */
	assert_int_equal(store_funding_interest_remove(f->s, &f->w, f->call, "GM9901"), STORE_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE dedupe_key LIKE '%-GM9901-%'"),
			 0);
	struct funding_reminder_row *rows;
	int n;
	assert_int_equal(store_funding_reminders(f->s, f->a, f->call, &rows, &n), STORE_OK);
	assert_int_equal(n, 2);
	for (int i = 0; i < n; i++) {
		if (strcmp(rows[i].org_code, "GM9901") == 0) {
			assert_string_equal(rows[i].status, "");
		} else {
			assert_string_equal(rows[i].status, "sent");
			assert_string_equal(rows[i].sent_at, "2027-03-17T07:00:00.000Z");
		}
		assert_int_equal(rows[i].lead_days, 14);
	}
	/* marked again: the same key queues anew and the row points at it */
	assert_int_equal(store_funding_interest_add(f->s, &f->w, f->call, "GM9901", 1, "", true),
			 STORE_OK);
	r[0].token = "t5";
	assert_int_equal(store_funding_reminders_queue(f->s, &f->w, r, 1, &queued), STORE_OK);
	assert_int_equal(queued, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM funding_reminder WHERE org_code = 'GM9901' "
				  "AND outbox_id IS NOT NULL"),
			 1);
	/* the deadline moves: the queued reminder for the old one goes, the sent one stays */
	struct funding_call_new moved = CALL;
	moved.deadline = "2027-04-15";
	assert_int_equal(store_funding_call_update(f->s, &f->w, f->call, 1, &moved), STORE_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE status = 'queued'"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE status = 'sent'"), 1);
	/* the new deadline has its own key */
	struct funding_reminder_new again = reminder(f, "GM9901", 14, "2027-04-15", "t6");
	assert_int_equal(store_funding_reminders_queue(f->s, &f->w, &again, 1, &queued), STORE_OK);
	assert_int_equal(queued, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM funding_reminder"), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_candidates, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_queue_once_with_one_audit_event, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_withdrawn_with_the_mark_or_the_deadline, setup,
					    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
