/*
 * test_corrections — app/corrections.c over store_corrections.c on a
 * SQLite store with the fictional seed: proposing (field and value
 * validation, honeypot, the per-address limit, what is stored and what the
 * audit event leaves out), reviewing (who may, accept applies the edit with
 * provenance in one transaction with the status, a stale record changes
 * nothing, reject needs a reason, the e-mail address is erased), the status
 * token, and "Bevestig alles wat klopt" (all or none). Fictional records.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/app/corrections.h"
#include "../../src/app/policy.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/text.h"
#include "fixtures.h"

#include <stdio.h>
#include <string.h>

#define COLLAB "gr-testregio-afval" /* gm9999 centrumgemeente, gm9998 deelnemer */

struct fx {
	char dir[128], db[160], err[512];
	struct store *s;
	struct snapshot *snap;
	struct arena *a;
};

static char today[11];

static int setup(void **state)
{
	static struct fx f;
	memset(&f, 0, sizeof f);
	today_iso(today);
	if (fixture_store_seeded(&f))
		return -1;
	f.snap = fixture_snapshot(f.s, today);
	f.a = arena_new();
	*state = &f;
	return f.snap && f.a ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	snapshot_free(f->snap);
	arena_free(f->a);
	fixture_store_free(f);
	return 0;
}

/* Reload the snapshot after a write (as app_after_write would). */
static void reload(struct fx *f)
{
	snapshot_free(f->snap);
	f->snap = fixture_snapshot(f->s, today);
	assert_non_null(f->snap);
}

static struct user mk(enum user_role role, const char *org, int64_t id)
{
	struct user u;
	memset(&u, 0, sizeof u);
	u.id = id;
	snprintf(u.username, sizeof u.username, "test%lld", (long long)id);
	u.role = role;
	snprintf(u.org_code, sizeof u.org_code, "%s", org);
	return u;
}

static enum corr_outcome propose(struct fx *f, const char *addr, const char *field,
				 const char *value, const char *email, const char *honeypot,
				 struct field_errors *e, char token[44], int64_t *id)
{
	struct corr_target t;
	assert_true(corrections_target_collab(f->snap, COLLAB, &t));
	const struct correction_proposal p = {.field = field,
					      .value = value,
					      .source = "https://example.org/testbron",
					      .comment = "Fictief",
					      .email = email,
					      .honeypot = honeypot};
	const char *msg = "";
	memset(e, 0, sizeof *e);
	return corrections_propose(f->s, f->a, f->snap, NULL, addr, "web", &t, &p, e, &msg, token,
				   id);
}

static long long q(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

static void test_propose(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char token[44];
	int64_t id;
	assert_int_equal(propose(f, "192.0.2.1", "onzin", "x", "", "", &e, token, &id),
			 CORR_INVALID);
	assert_non_null(field_errors_get(&e, "veld"));
	/* the current value is no correction; an unknown phase is invalid */
	assert_int_equal(propose(f, "192.0.2.1", "fase", "stabilisatie", "", "", &e, token, &id),
			 CORR_INVALID);
	assert_non_null(field_errors_get(&e, "waarde"));
	assert_int_equal(propose(f, "192.0.2.1", "fase", "ufo", "", "", &e, token, &id),
			 CORR_INVALID);
	assert_int_equal(
	    propose(f, "192.0.2.1", "startdatum", "2023-02-31", "", "", &e, token, &id),
	    CORR_INVALID);
	assert_int_equal(propose(f, "192.0.2.1", "naam", "Afvalschap Testdorp", "geen-adres", "",
				 &e, token, &id),
			 CORR_INVALID);
	assert_non_null(field_errors_get(&e, "email"));
	/* the honeypot: dropped */
	assert_int_equal(
	    propose(f, "192.0.2.1", "naam", "Afvalschap Testdorp", "", "spam", &e, token, &id),
	    CORR_DISCARDED);
	assert_int_equal(q(f, "SELECT count(*) FROM correction"), 0);

	assert_int_equal(
	    propose(f, "192.0.2.1", "fase", "groei", "melder@example.org", "", &e, token, &id),
	    CORR_OK);
	assert_int_equal(strlen(token), 43);
	assert_true(id > 0);
	assert_int_equal(q(f, "SELECT count(*) FROM correction WHERE status = 'open' AND "
			      "email = 'melder@example.org' AND current_value = 'stabilisatie' AND "
			      "length(client_key) = 64 AND client_key NOT LIKE '%192%'"),
			 1);
	/* the ticket is the token's digest, not the token */
	assert_int_equal(q(f, "SELECT count(*) FROM correction WHERE length(ticket) = 64"), 1);
	/* the audit event: record and field, no address, no e-mail, no text */
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'correction' AND "
			      "after LIKE '%fase%' AND after NOT LIKE '%example%' AND "
			      "after NOT LIKE '%groei%'"),
			 1);
	struct correction_row row;
	assert_int_equal(corrections_by_token(f->s, f->a, token, &row), STORE_OK);
	assert_int_equal(row.id, id);
	assert_int_equal(corrections_by_token(f->s, f->a, "x", &row), STORE_ERR_NOTFOUND);
	char other[44];
	memcpy(other, token, sizeof other);
	other[0] = other[0] == 'A' ? 'B' : 'A';
	assert_int_equal(corrections_by_token(f->s, f->a, other, &row), STORE_ERR_NOTFOUND);
}

static void test_rate_limit(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char token[44];
	int64_t id;
	char v[40];
	for (int i = 0; i < CORRECTIONS_PER_HOUR; i++) {
		snprintf(v, sizeof v, "Opmerking %d", i);
		assert_int_equal(propose(f, "198.51.100.7", "opmerking", v, "", "", &e, token, &id),
				 CORR_OK);
	}
	assert_int_equal(propose(f, "198.51.100.7", "opmerking", "Nog een", "", "", &e, token, &id),
			 CORR_LIMITED);
	/* another address may */
	assert_int_equal(propose(f, "198.51.100.8", "opmerking", "Nog een", "", "", &e, token, &id),
			 CORR_OK);
}

static void test_review(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char token[44];
	int64_t id, id2, id3;
	const char *msg;
	assert_int_equal(propose(f, "203.0.113.1", "vestigingsplaats", "Testdorp-Noord",
				 "melder@example.org", "", &e, token, &id),
			 CORR_OK);
	struct user staff = mk(USER_ROLE_STAFF, "", 1);
	struct user centre = mk(USER_ROLE_EDITOR, "gm9999", 2);
	struct user member = mk(USER_ROLE_EDITOR, "gm9998", 3);
	struct user account = mk(USER_ROLE_ACCOUNT_MGR, "gm9999", 4);
	struct corr_target t;
	assert_true(corrections_target_collab(f->snap, COLLAB, &t));
	assert_true(policy_may_review_correction(&staff, f->snap, t.entity, t.index));
	assert_true(policy_may_review_correction(&centre, f->snap, t.entity, t.index));
	assert_false(policy_may_review_correction(&member, f->snap, t.entity, t.index));
	assert_false(policy_may_review_correction(&account, f->snap, t.entity, t.index));
	assert_false(policy_may_review_correction(NULL, f->snap, t.entity, t.index));
	assert_false(policy_may_review_correction(&member, f->snap, t.entity, -1));

	/* the queue: the centre's editor sees it, the member's does not */
	struct correction_row *rows;
	int n;
	assert_int_equal(corrections_queue(f->s, f->a, f->snap, &member, true, 50, &rows, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(corrections_queue(f->s, f->a, f->snap, &centre, true, 50, &rows, &n), 0);
	assert_true(n >= 1);

	memset(&e, 0, sizeof e);
	assert_int_equal(corrections_accept(f->s, f->a, f->snap, &member, "web", id, &e, &msg),
			 CORR_FORBIDDEN);
	assert_int_equal(corrections_accept(f->s, f->a, f->snap, &centre, "web", id, &e, &msg),
			 CORR_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE key = '" COLLAB
			      "' AND seat = 'Testdorp-Noord'"),
			 1);
	assert_int_equal(q(f,
			   "SELECT count(*) FROM provenance WHERE entity = 'collaboration' AND "
			   "entity_key = '" COLLAB "' AND field = 'seat' AND "
			   "source_url = 'https://example.org/testbron' AND confidence = 'medium'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM correction WHERE status = 'accepted' AND "
			      "email = '' AND handled_by = 'gebruiker:test2'"),
			 1);
	assert_int_equal(corrections_accept(f->s, f->a, f->snap, &staff, "web", id, &e, &msg),
			 CORR_CONFLICT);
	reload(f);

	/* a stale record: nothing changes, the proposal stays open */
	assert_int_equal(
	    propose(f, "203.0.113.1", "vestigingsplaats", "Testdorp-Zuid", "", "", &e, token, &id2),
	    CORR_OK);
	struct write_ctx w = {.actor = "gebruiker:ander", .via = "web", .today = today};
	struct collab_input in = {.note = "Intussen gewijzigd"};
	int64_t cur;
	assert_int_equal(store_collab_update(f->s, &w, COLLAB, f->snap->collabs[t.index].version,
					     &in, NULL, &cur),
			 STORE_OK);
	assert_int_equal(corrections_accept(f->s, f->a, f->snap, &staff, "web", id2, &e, &msg),
			 CORR_CONFLICT);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE seat = 'Testdorp-Zuid'"),
			 0);
	assert_int_equal(q(f, "SELECT count(*) FROM correction WHERE status = 'open'"), 1);
	reload(f);

	/* reject: a reason is required */
	memset(&e, 0, sizeof e);
	assert_int_equal(
	    corrections_reject(f->s, f->a, f->snap, &staff, "web", id2, "  \n", &e, &msg),
	    CORR_INVALID);
	assert_non_null(field_errors_get(&e, "reden"));
	memset(&e, 0, sizeof e);
	assert_int_equal(corrections_reject(f->s, f->a, f->snap, &staff, "web", id2,
					    "De statuten noemen Testdorp-Noord.", &e, &msg),
			 CORR_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM correction WHERE status = 'rejected' AND "
			      "reason = 'De statuten noemen Testdorp-Noord.' AND email = ''"),
			 1);
	assert_int_equal(
	    corrections_reject(f->s, f->a, f->snap, &staff, "web", 999999, "x", &e, &msg),
	    CORR_NOTFOUND);

	/* a participation: the member's own editor reviews it */
	struct corr_target pt;
	int ci = snapshot_find_collab(f->snap, COLLAB);
	int pi = -1;
	for (int k = 0; k < f->snap->collabs[ci].n_parts; k++) {
		int x = f->snap->collabs[ci].parts[k];
		if (strcmp(f->snap->orgs[f->snap->parts[x].organisation].code, "gm9998") == 0)
			pi = x;
	}
	assert_true(pi >= 0);
	char pid[24];
	snprintf(pid, sizeof pid, "%lld", (long long)f->snap->parts[pi].id);
	assert_true(corrections_target_part(f->snap, COLLAB, pid, &pt));
	const struct correction_proposal p = {.field = "uitgetreden", .value = "2014-12-31"};
	char tok[44];
	memset(&e, 0, sizeof e);
	assert_int_equal(corrections_propose(f->s, f->a, f->snap, NULL, "203.0.113.9", "web", &pt,
					     &p, &e, &msg, tok, &id3),
			 CORR_INVALID); /* before joining */
	const struct correction_proposal p2 = {.field = "uitgetreden", .value = "2030-12-31"};
	memset(&e, 0, sizeof e);
	assert_int_equal(corrections_propose(f->s, f->a, f->snap, NULL, "203.0.113.9", "web", &pt,
					     &p2, &e, &msg, tok, &id3),
			 CORR_OK);
	assert_true(policy_may_review_correction(&member, f->snap, "participation", pt.index));
	assert_int_equal(corrections_accept(f->s, f->a, f->snap, &member, "web", id3, &e, &msg),
			 CORR_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM participation WHERE left_on = '2030-12-31'"),
			 1);
	reload(f);
}

static void test_confirm_set(void **state)
{
	struct fx *f = *state;
	struct user centre = mk(USER_ROLE_EDITOR, "gm9999", 2);
	int ci = snapshot_find_collab(f->snap, COLLAB);
	int oi = snapshot_find_org(f->snap, "gm9999");
	long long before = q(f, "SELECT count(*) FROM audit_event WHERE action = 'confirm'");
	struct corr_confirm_item items[2] = {
	    {"collaboration", COLLAB, f->snap->collabs[ci].version},
	    {"organisation", "gm9999", f->snap->orgs[oi].version + 5}, /* stale */
	};
	int failed;
	assert_int_equal(corrections_confirm_set(f->s, f->snap, &centre, items, 2, &failed),
			 CORR_CONFLICT);
	assert_int_equal(failed, 1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE action = 'confirm'"), before);
	items[1].version = f->snap->orgs[oi].version;
	assert_int_equal(corrections_confirm_set(f->s, f->snap, &centre, items, 2, &failed),
			 CORR_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE action = 'confirm'"),
			 before + 2);
	/* another organisation's record: forbidden, nothing written */
	struct corr_confirm_item other = {"organisation", "gm9998", 1};
	assert_int_equal(corrections_confirm_set(f->s, f->snap, &centre, &other, 1, &failed),
			 CORR_FORBIDDEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_propose, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rate_limit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_review, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_confirm_set, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
