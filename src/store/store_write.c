/*
 * store_write — edits of collaborations, participations and organisations
 * by people (store_write.h), with optimistic versions, confirmations and
 * the audit trail, on either engine through the db.h driver.
 *
 * Every write runs in one transaction of the store's transaction helper
 * (store_tx.c; a savepoint inside an import batch): load the record,
 * compare its version, merge the input over it (NULL keeps a field),
 * validate everything (domain/validate_write.c plus the references only the
 * database can check), write, add the audit event, bump data_version,
 * commit. Any failure rolls back, so a rejected edit leaves no row and no
 * audit event behind. An edit that changes nothing writes nothing (no
 * version bump, no event) and succeeds. Records are the generic "rec" of
 * store_record.h.
 *
 * audit_event.entity_key: collaboration key, organisation code, and for a
 * participation "<collaboration key>/<participation id>" (the import writes
 * "<collaboration key>/<org code>[/<joined>]"); both start with the
 * collaboration key and '/', which is how a collaboration's history finds
 * the events of its participations.
 *
 * Not here: reading the audit trail back (store_history.c), permissions,
 * HTML, user accounts (store_auth.c).
 */
#include "store_write.h"
#include "../domain/labels.h"
#include "../domain/validate.h"
#include "../domain/validate_write.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"
#include "store_record.h"
#include "../domain/slug.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_BASE_MAX 70

/* ----------------------------------------------------- collaborations */

/* A key derived from name that no collaboration has yet. */
static int unique_key(struct store *s, const char *name, char *out, size_t outlen)
{
	char base[KEY_BASE_MAX + 1];
	slug_make(name, KEY_BASE_MAX, "samenwerkingsverband", base, sizeof base);
	snprintf(out, outlen, "%s", base);
	for (int i = 2; i < 10000; i++) {
		int e = store_row_exists(s, "SELECT 1 FROM collaboration WHERE key = ?", out, 0);
		if (e < 0)
			return STORE_ERR;
		if (!e)
			return STORE_OK;
		snprintf(out, outlen, "%s-%d", base, i);
	}
	return STORE_ERR;
}

/* Merge input over r into m (NULL keeps). */
static void collab_merge(const struct rec *r, const struct collab_input *in, struct collab_input *m)
{
#define PICK(f, i) m->f = in->f ? in->f : r->v[i]
	PICK(name, CF_NAME);
	PICK(short_name, CF_SHORT);
	PICK(kind, CF_KIND);
	PICK(legal_form, CF_LF);
	PICK(powers, CF_POW);
	PICK(domains, CF_DOMAINS);
	PICK(phase, CF_PHASE);
	PICK(purpose, CF_PURPOSE);
	PICK(seat, CF_SEAT);
	PICK(start_date, CF_START);
	PICK(end_date, CF_END);
	PICK(website, CF_WEB);
	PICK(note, CF_NOTE);
	PICK(source_key, CF_SOURCE);
#undef PICK
}

/* Validate m completely, including the references; normalised domain
 * list into domains. Returns STORE_OK (errors in e) or STORE_ERR. */
static int collab_check(struct store *s, const struct collab_input *m, struct field_errors *e,
			struct buf *domains)
{
	validate_collab_input(m, e);
	char keys[VALIDATE_MAX_DOMAINS][81];
	int nd = validate_domain_list(m->domains, keys, VALIDATE_MAX_DOMAINS);
	for (int i = 0; i < nd; i++) {
		int x = store_row_exists(s, "SELECT 1 FROM domain WHERE key = ?", keys[i], 0);
		if (x < 0)
			return STORE_ERR;
		if (!x)
			field_errors_add(e, "beleidsdomeinen",
					 "Het beleidsdomein '%s' is onbekend.", keys[i]);
		buf_printf(domains, "%s%s", i ? ";" : "", keys[i]);
	}
	if (!str_empty(m->source_key) && validate_is_key(m->source_key)) {
		int x = store_row_exists(s, "SELECT 1 FROM source WHERE key = ?", m->source_key, 0);
		if (x < 0)
			return STORE_ERR;
		if (!x)
			field_errors_add(e, "bron", "Deze bron is onbekend.");
	}
	return STORE_OK;
}

/* Put the validated m into r in normalised API form. */
static void collab_apply(struct rec *r, const struct collab_input *m, const char *domains)
{
	store_rec_set(r, CF_NAME, m->name);
	store_rec_set(r, CF_SHORT, m->short_name);
	store_rec_set(r, CF_KIND, m->kind);
	store_rec_set(r, CF_LF,
		      store_label_api(legal_form_labels, LF_COUNT,
				      store_label_db(legal_form_labels, LF_COUNT, m->legal_form)));
	store_rec_set(r, CF_POW,
		      store_label_api(powers_labels, POW_COUNT,
				      store_label_db(powers_labels, POW_COUNT, m->powers)));
	store_rec_set(r, CF_DOMAINS, domains);
	store_rec_set(r, CF_PHASE,
		      store_label_api(phase_labels, PHASE_COUNT,
				      store_label_db(phase_labels, PHASE_COUNT, m->phase)));
	store_rec_set(r, CF_PURPOSE, m->purpose);
	store_rec_set(r, CF_SEAT, m->seat);
	store_rec_set(r, CF_START, m->start_date);
	store_rec_set(r, CF_END, m->end_date);
	store_rec_set(r, CF_WEB, m->website);
	store_rec_set(r, CF_SOURCE, str_empty(m->source_key) ? USER_SOURCE_KEY : m->source_key);
	store_rec_set(r, CF_NOTE, m->note);
}

/* Write r (insert when r->id == 0; r->id set) with its domains. */
static int collab_write(struct store *s, struct rec *r, const char *new_key)
{
	static const char ins[] =
	    "INSERT INTO collaboration (name, short_name, kind, legal_form, powers, phase, "
	    "purpose, seat, start_date, end_date, website, source_id, last_confirmed, "
	    "confirmed_by, note, key, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, (SELECT id FROM source WHERE key = ?12), ?13, ?14, ?15, ?16, 1)";
	static const char upd[] =
	    "UPDATE collaboration SET name = ?1, short_name = ?2, kind = ?3, legal_form = ?4, "
	    "powers = ?5, phase = ?6, purpose = ?7, seat = ?8, start_date = ?9, end_date = ?10, "
	    "website = ?11, source_id = (SELECT id FROM source WHERE key = ?12), "
	    "last_confirmed = ?13, confirmed_by = ?14, note = ?15, version = version + 1 "
	    "WHERE id = ?16";
	bool insert = r->id == 0;
	db_stmt *st = store_stmt(s, insert ? ins : upd);
	if (!st)
		return STORE_ERR;
	const char *const *v = (const char *const *)r->v;
	db_bind_text(st, 1, v[CF_NAME], -1, DB_STATIC);
	db_bind_text(st, 2, v[CF_SHORT], -1, DB_STATIC);
	db_bind_text(st, 3, store_label_db(collab_kind_labels, COLLAB_KIND_COUNT, v[CF_KIND]), -1,
		     DB_STATIC);
	db_bind_text(st, 4, store_label_db(legal_form_labels, LF_COUNT, v[CF_LF]), -1, DB_STATIC);
	db_bind_text(st, 5, store_label_db(powers_labels, POW_COUNT, v[CF_POW]), -1, DB_STATIC);
	db_bind_text(st, 6, store_label_db(phase_labels, PHASE_COUNT, v[CF_PHASE]), -1, DB_STATIC);
	db_bind_text(st, 7, v[CF_PURPOSE], -1, DB_STATIC);
	db_bind_text(st, 8, v[CF_SEAT], -1, DB_STATIC);
	db_bind_text(st, 9, v[CF_START], -1, DB_STATIC);
	db_bind_text(st, 10, v[CF_END], -1, DB_STATIC);
	db_bind_text(st, 11, v[CF_WEB], -1, DB_STATIC);
	db_bind_text(st, 12, v[CF_SOURCE], -1, DB_STATIC);
	db_bind_text(st, 13, v[CF_CONFIRMED], -1, DB_STATIC);
	db_bind_text(st, 14, v[CF_CONFIRMED_BY], -1, DB_STATIC);
	db_bind_text(st, 15, v[CF_NOTE], -1, DB_STATIC);
	if (insert)
		db_bind_text(st, 16, new_key, -1, DB_STATIC);
	else
		db_bind_int64(st, 16, r->id);
	if (store_step_done(
		s, st, insert ? "samenwerkingsverband toevoegen" : "samenwerkingsverband bijwerken",
		NULL, 0))
		return STORE_ERR;
	if (insert)
		r->id = db_last_insert_id(s);
	if (!insert && r->same_domains)
		return STORE_OK;

	st = store_stmt(s, "DELETE FROM collaboration_domain WHERE collaboration_id = ?");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, r->id);
	if (store_step_done(s, st, "beleidsdomeinen schrijven", NULL, 0))
		return STORE_ERR;
	char keys[VALIDATE_MAX_DOMAINS][81];
	int nd = validate_domain_list(v[CF_DOMAINS], keys, VALIDATE_MAX_DOMAINS);
	for (int i = 0; i < nd; i++) {
		st = store_stmt(s, "INSERT INTO collaboration_domain (collaboration_id, domain_id) "
				   "SELECT ?, id FROM domain WHERE key = ?");
		if (!st)
			return STORE_ERR;
		db_bind_int64(st, 1, r->id);
		db_bind_text(st, 2, keys[i], -1, DB_STATIC);
		if (store_step_done(s, st, "beleidsdomeinen schrijven", NULL, 0))
			return STORE_ERR;
	}
	return STORE_OK;
}

static int part_create_tx(struct store *s, const struct write_ctx *w, const char *collab_key,
			  const struct part_input *in, int64_t *id_out, struct field_errors *e);

int store_collab_create(struct store *s, const struct write_ctx *w, const struct collab_input *in,
			char *key_out, size_t keylen, struct field_errors *errs)
{
	return store_collab_create_with(s, w, in, NULL, key_out, keylen, errs);
}

int store_collab_create_with(struct store *s, const struct write_ctx *w,
			     const struct collab_input *in, const struct part_input *first,
			     char *key_out, size_t keylen, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct collab_input m = {0};
	struct buf domains = BUF_INIT;
	struct rec r;
	char key[96], tb[11];
	char *after = NULL;
	const char *today = store_ctx_today(w, tb);
	int rc = STORE_ERR;

	store_errs_reset(e);
	if (key_out && keylen)
		key_out[0] = '\0';
	store_rec_init(&r, store_collab_spec, CF_N);
	if (store_write_begin(s))
		goto out;
	collab_merge(&r, in, &m);
	if (collab_check(s, &m, e, &domains))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	collab_apply(&r, &m, domains.data ? domains.data : "");
	store_rec_set(&r, CF_CONFIRMED, today);
	store_rec_set(&r, CF_CONFIRMED_BY, store_ctx_actor(w));
	if (unique_key(s, m.name, key, sizeof key) || store_user_source(s, today) ||
	    collab_write(s, &r, key) || store_reindex(s, 'c', key, r.id))
		goto out;
	after = store_rec_image(&r);
	if (store_write_record(s, w, "insert", "collaboration", key, NULL, after))
		goto out;
	if (first) {
		int prc = part_create_tx(s, w, key, first, NULL, e);
		if (prc != STORE_OK) {
			rc = e->n ? STORE_ERR_INVALID : prc;
			goto out;
		}
	}
	if (store_tx_commit(s, "wijziging vastleggen", NULL, 0))
		goto out;
	if (key_out && keylen)
		snprintf(key_out, keylen, "%s", key);
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(after);
	buf_free(&domains);
	store_rec_free(&r);
	return rc;
}

/*
 * Load a record inside the transaction (as store_rec_load) and check its
 * version: STORE_OK, STORE_ERR_CONFLICT when it is not `expected`, or the
 * load's error. *current_version (may be NULL) is set whenever the record
 * was read.
 */
static int rec_open(struct store *s, const char *sql, const char *key, int64_t id,
		    const struct fspec *spec, int n, int nref, int64_t expected, struct rec *r,
		    int64_t *current_version)
{
	int rc = store_rec_load(s, sql, key, id, spec, n, nref, r);
	if (rc)
		return rc;
	if (current_version)
		*current_version = r->version;
	return r->version == expected ? STORE_OK : STORE_ERR_CONFLICT;
}

/* Load a collaboration inside the transaction and check its version. */
static int collab_open(struct store *s, const char *key, int64_t expected, struct rec *r,
		       int64_t *current_version)
{
	return rec_open(s, store_collab_select, key ? key : "", 0, store_collab_spec, CF_N, 0,
			expected, r, current_version);
}

/* Load an organisation inside the transaction and check its version. */
static int org_open(struct store *s, const char *code, int64_t expected, struct rec *r,
		    int64_t *current_version)
{
	return rec_open(s, store_org_select, code ? code : "", 0, store_org_spec, OF_N, 0, expected,
			r, current_version);
}

/*
 * The common tail of an edit: when r's image differs from before, write
 * it (write_fn), store_reindex, audit and commit; otherwise just end the
 * transaction. *current_version follows.
 */
/* Equal texts, NULL counting as "". */
static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int commit_change(struct store *s, const struct write_ctx *w, const char *action,
			 const char *entity, struct rec *r, const char *before,
			 int (*write_fn)(struct store *, struct rec *, const char *),
			 char reindex_kind, int64_t *current_version)
{
	char *after = store_rec_image(r);
	int rc = STORE_ERR;
	if (strcmp(before, after) == 0) { /* nothing changed: nothing written */
		store_tx_rollback(s);
		rc = STORE_OK;
		goto out;
	}
	if (write_fn(s, r, NULL) ||
	    (reindex_kind && store_reindex(s, reindex_kind, r->key, r->id)) ||
	    store_write_finish(s, w, action, entity, r->key, before, after))
		goto out;
	r->version++;
	if (current_version)
		*current_version = r->version;
	rc = STORE_OK;
out:
	free(after);
	return rc;
}

int store_collab_update(struct store *s, const struct write_ctx *w, const char *key,
			int64_t expected_version, const struct collab_input *in,
			struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct collab_input m = {0};
	struct buf domains = BUF_INIT;
	struct rec r;
	char *before = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = collab_open(s, key, expected_version, &r, current_version)))
		goto out;
	rc = STORE_ERR;
	before = store_rec_image(&r);
	collab_merge(&r, in, &m);
	if (collab_check(s, &m, e, &domains))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	/* m points into r: apply into a copy */
	struct rec nr;
	store_rec_init(&nr, store_collab_spec, CF_N);
	nr.id = r.id;
	nr.version = r.version;
	free(nr.key);
	nr.key = xstrdup(r.key);
	store_rec_set(&nr, CF_CONFIRMED, r.v[CF_CONFIRMED]);
	store_rec_set(&nr, CF_CONFIRMED_BY, r.v[CF_CONFIRMED_BY]);
	char tb[11];
	if (str_empty(m.source_key) && store_user_source(s, store_ctx_today(w, tb))) {
		store_rec_free(&nr);
		goto out;
	}
	collab_apply(&nr, &m, domains.data ? domains.data : "");
	/* what the search index and the domain links hold is rewritten only
	 * when it changed (most edits touch a note, a date or a confirmation) */
	static const int searched[] = {CF_NAME, CF_SHORT, CF_KIND, CF_LF, CF_DOMAINS, CF_PURPOSE};
	bool search_same = true;
	for (size_t i = 0; i < sizeof searched / sizeof searched[0]; i++)
		search_same &= same_text(r.v[searched[i]], nr.v[searched[i]]);
	nr.same_domains = same_text(r.v[CF_DOMAINS], nr.v[CF_DOMAINS]);
	store_rec_free(&r);
	r = nr;
	rc = commit_change(s, w, "update", "collaboration", &r, before, collab_write,
			   search_same ? 0 : 'c', current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	buf_free(&domains);
	store_rec_free(&r);
	return rc;
}

int store_collab_end(struct store *s, const struct write_ctx *w, const char *key,
		     int64_t expected_version, int64_t *current_version)
{
	struct rec r;
	char *before = NULL, tb[11];
	int rc = STORE_ERR;

	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = collab_open(s, key, expected_version, &r, current_version)))
		goto out;
	before = store_rec_image(&r);
	store_rec_set(&r, CF_PHASE, phase_labels[PHASE_BEEINDIGD].api);
	if (str_empty(r.v[CF_END]))
		store_rec_set(&r, CF_END, store_ctx_today(w, tb));
	rc = commit_change(s, w, "delete", "collaboration", &r, before, collab_write, 0,
			   current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	store_rec_free(&r);
	return rc;
}

/* ------------------------------------------------------ participations */

static void part_merge(const struct rec *r, const struct part_input *in, struct part_input *m)
{
#define PICK(f, i) m->f = in->f ? in->f : r->v[i]
	PICK(org_code, PF_ORG);
	PICK(body, PF_BODY);
	PICK(role, PF_ROLE);
	PICK(cost_share, PF_COST);
	PICK(contribution, PF_CONTRIB);
	PICK(joined, PF_JOINED);
	PICK(left, PF_LEFT);
	PICK(note, PF_NOTE);
#undef PICK
}

/*
 * The database checks of a participation: the organisation store_row_exists (*org_id),
 * is not already an active participant (another record than self_id), and
 * no other record of it in this collaboration has the same join date.
 */
static int part_check_refs(struct store *s, int64_t collab_id, const struct part_input *m,
			   int64_t self_id, const char *today, bool check_active, bool check_same,
			   struct field_errors *e, int64_t *org_id)
{
	*org_id = 0;
	if (str_empty(m->org_code) || field_errors_get(e, "organisatie"))
		return STORE_OK;
	db_stmt *st = store_stmt(s, "SELECT id FROM organisation WHERE code = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, m->org_code, -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*org_id = db_column_int64(st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_db_fail(s, "organisatie opzoeken", NULL, 0);
	if (!*org_id) {
		field_errors_add(e, "organisatie", "Deze organisatie is onbekend.");
		return STORE_OK;
	}
	bool active = check_active && (str_empty(m->left) || strcmp(m->left, today) > 0);
	st = store_stmt(
	    s, "SELECT coalesce(sum(CASE WHEN left_on = '' OR left_on > ?4 THEN 1 ELSE 0 END), 0), "
	       "coalesce(sum(CASE WHEN joined = ?5 THEN 1 ELSE 0 END), 0) FROM participation "
	       "WHERE collaboration_id = ?1 AND organisation_id = ?2 AND id <> ?3");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, collab_id);
	db_bind_int64(st, 2, *org_id);
	db_bind_int64(st, 3, self_id);
	db_bind_text(st, 4, today, -1, DB_STATIC);
	db_bind_text(st, 5, m->joined ? m->joined : "", -1, DB_STATIC);
	rc = db_step(st);
	int n_active = rc == DB_ROW ? db_column_int(st, 0) : 0;
	int n_same = rc == DB_ROW ? db_column_int(st, 1) : 0;
	db_reset(st);
	if (rc != DB_ROW)
		return store_db_fail(s, "deelnames controleren", NULL, 0);
	if (active && n_active)
		field_errors_add(e, "organisatie",
				 "Deze organisatie neemt al deel aan dit samenwerkingsverband.");
	else if (check_same && n_same)
		field_errors_add(
		    e, "toegetreden",
		    "Deze organisatie heeft in dit samenwerkingsverband al een deelname "
		    "met deze datum van toetreden.");
	return STORE_OK;
}

static void part_apply(struct rec *r, const struct part_input *m)
{
	store_rec_set(r, PF_BODY,
		      store_label_api(body_labels, BODY_COUNT,
				      store_label_db(body_labels, BODY_COUNT, m->body)));
	store_rec_set(r, PF_ROLE, str_empty(m->role) ? role_labels[ROLE_DEELNEMER].api : m->role);
	char b[48];
	snprintf(b, sizeof b, "%s", m->cost_share ? m->cost_share : "");
	for (char *p = b; *p; p++)
		if (*p == ',')
			*p = '.';
	store_rec_set(r, PF_COST, b);
	store_rec_set(r, PF_CONTRIB, m->contribution);
	store_rec_set(r, PF_JOINED, m->joined);
	store_rec_set(r, PF_LEFT, m->left);
	store_rec_set(r, PF_NOTE, m->note);
}

/* Write a participation (insert when r->id == 0, needs r->ref[]). */
static int part_write(struct store *s, struct rec *r, const char *unused)
{
	(void)unused;
	static const char ins[] =
	    "INSERT INTO participation (body, role, cost_share, contribution_eur, joined, left_on, "
	    "source_id, last_confirmed, confirmed_by, note, collaboration_id, organisation_id, "
	    "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM source WHERE key = ?7), ?8, "
	    "?9, ?10, ?11, ?12, 1)";
	static const char upd[] =
	    "UPDATE participation SET body = ?1, role = ?2, cost_share = ?3, contribution_eur = "
	    "?4, "
	    "joined = ?5, left_on = ?6, source_id = (SELECT id FROM source WHERE key = ?7), "
	    "last_confirmed = ?8, confirmed_by = ?9, note = ?10, version = version + 1 "
	    "WHERE id = ?11";
	bool insert = r->id == 0;
	db_stmt *st = store_stmt(s, insert ? ins : upd);
	if (!st)
		return STORE_ERR;
	const char *const *v = (const char *const *)r->v;
	db_bind_text(st, 1, store_label_db(body_labels, BODY_COUNT, v[PF_BODY]), -1, DB_STATIC);
	db_bind_text(st, 2, store_label_db(role_labels, ROLE_COUNT, v[PF_ROLE]), -1, DB_STATIC);
	if (str_empty(v[PF_COST]))
		db_bind_null(st, 3);
	else
		db_bind_double(st, 3, strtod(v[PF_COST], NULL));
	if (str_empty(v[PF_CONTRIB]))
		db_bind_null(st, 4);
	else
		db_bind_int64(st, 4, strtoll(v[PF_CONTRIB], NULL, 10));
	db_bind_text(st, 5, v[PF_JOINED], -1, DB_STATIC);
	db_bind_text(st, 6, v[PF_LEFT], -1, DB_STATIC);
	db_bind_text(st, 7, v[PF_SOURCE], -1, DB_STATIC);
	db_bind_text(st, 8, v[PF_CONFIRMED], -1, DB_STATIC);
	db_bind_text(st, 9, v[PF_CONFIRMED_BY], -1, DB_STATIC);
	db_bind_text(st, 10, v[PF_NOTE], -1, DB_STATIC);
	if (insert) {
		db_bind_int64(st, 11, r->ref[0]);
		db_bind_int64(st, 12, r->ref[1]);
	} else {
		db_bind_int64(st, 11, r->id);
	}
	if (store_step_done(s, st, insert ? "deelname toevoegen" : "deelname bijwerken", NULL, 0))
		return STORE_ERR;
	if (insert)
		r->id = db_last_insert_id(s);
	return STORE_OK;
}

/*
 * Insert a participation inside the caller's open transaction, with its
 * audit event; no commit, no rollback (the caller does both). e must be
 * reset by the caller.
 */
static int part_create_tx(struct store *s, const struct write_ctx *w, const char *collab_key,
			  const struct part_input *in, int64_t *id_out, struct field_errors *e)
{
	struct part_input m = {0};
	struct rec r;
	char tb[11], *after = NULL, *key = NULL;
	const char *today = store_ctx_today(w, tb);
	int rc = STORE_ERR;
	int64_t collab_id = 0, org_id = 0;

	store_rec_init(&r, store_part_spec, PF_N);
	db_stmt *st = store_stmt(s, "SELECT id FROM collaboration WHERE key = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, collab_key ? collab_key : "", -1, DB_STATIC);
	if (db_step(st) == DB_ROW)
		collab_id = db_column_int64(st, 0);
	db_reset(st);
	if (!collab_id) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	part_merge(&r, in, &m);
	validate_part_input(&m, true, e);
	if (part_check_refs(s, collab_id, &m, 0, today, true, true, e, &org_id))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	part_apply(&r, &m);
	store_rec_set(&r, PF_COLLAB, collab_key);
	store_rec_set(&r, PF_ORG, m.org_code);
	store_rec_set(&r, PF_SOURCE, USER_SOURCE_KEY);
	store_rec_set(&r, PF_CONFIRMED, today);
	store_rec_set(&r, PF_CONFIRMED_BY, store_ctx_actor(w));
	r.ref[0] = collab_id;
	r.ref[1] = org_id;
	st = store_stmt(s, "SELECT name FROM organisation WHERE id = ?");
	if (!st)
		goto out;
	db_bind_int64(st, 1, org_id);
	if (db_step(st) == DB_ROW)
		store_rec_set(&r, PF_ORG_NAME, store_col_text(st, 0));
	db_reset(st);
	if (store_user_source(s, today) || part_write(s, &r, NULL))
		goto out;
	struct buf kb = BUF_INIT;
	buf_printf(&kb, "%s/%lld", collab_key, (long long)r.id);
	key = buf_detach(&kb, NULL);
	buf_free(&kb);
	after = store_rec_image(&r);
	if (store_write_record(s, w, "insert", "participation", key ? key : "", NULL, after))
		goto out;
	if (id_out)
		*id_out = r.id;
	rc = STORE_OK;
out:
	free(after);
	free(key);
	store_rec_free(&r);
	return rc;
}

int store_part_create(struct store *s, const struct write_ctx *w, const char *collab_key,
		      const struct part_input *in, int64_t *id_out, struct field_errors *errs)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	store_errs_reset(e);
	if (id_out)
		*id_out = 0;
	if (store_write_begin(s))
		return STORE_ERR;
	int rc = part_create_tx(s, w, collab_key, in, id_out, e);
	if (rc == STORE_OK)
		rc = store_tx_commit(s, "wijziging vastleggen", NULL, 0);
	if (rc != STORE_OK)
		store_tx_rollback(s);
	return rc;
}

/* Load a participation inside the transaction and check its version. */
static int part_open(struct store *s, int64_t id, int64_t expected, struct rec *r,
		     int64_t *current_version)
{
	return rec_open(s, store_part_select, NULL, id, store_part_spec, PF_N, 2, expected, r,
			current_version);
}

/* Update or end (end_date != NULL) a participation. */
static int part_change(struct store *s, const struct write_ctx *w, int64_t part_id,
		       int64_t expected_version, const struct part_input *in, const char *end_date,
		       struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct part_input m = {0}, none = {0};
	struct rec r;
	char *before = NULL, tb[11];
	const char *today = store_ctx_today(w, tb);
	int rc = STORE_ERR;
	int64_t org_id;

	store_errs_reset(e);
	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = part_open(s, part_id, expected_version, &r, current_version)))
		goto out;
	rc = STORE_ERR;
	before = store_rec_image(&r);
	if (end_date) {
		none.left = end_date;
		in = &none;
		if (!*end_date)
			field_errors_add(e, "uitgetreden", "Vul de datum van uittreden in.");
	}
	if (in->org_code && strcmp(in->org_code, r.v[PF_ORG]) != 0)
		field_errors_add(e, "organisatie",
				 "De organisatie van een deelname kan niet worden gewijzigd; "
				 "beëindig de deelname en voeg een nieuwe toe.");
	part_merge(&r, in, &m);
	m.org_code = r.v[PF_ORG];
	validate_part_input(&m, false, e);
	/* another active participation matters only when this one becomes
	 * active again; another with the same join date when that changes */
	bool was_active = str_empty(r.v[PF_LEFT]) || strcmp(r.v[PF_LEFT], today) > 0;
	bool same_joined = strcmp(m.joined ? m.joined : "", r.v[PF_JOINED]) == 0;
	if (part_check_refs(s, r.ref[0], &m, r.id, today, !was_active, !same_joined, e, &org_id))
		goto out;
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	/* m points into r: copy the values first */
	struct part_input c = {0};
	char *copies[8] = {
	    xstrdup(m.body),   xstrdup(m.role), xstrdup(m.cost_share), xstrdup(m.contribution),
	    xstrdup(m.joined), xstrdup(m.left), xstrdup(m.note),       NULL};
	c.body = copies[0];
	c.role = copies[1];
	c.cost_share = copies[2];
	c.contribution = copies[3];
	c.joined = copies[4];
	c.left = copies[5];
	c.note = copies[6];
	part_apply(&r, &c);
	for (int i = 0; i < 7; i++)
		free(copies[i]);
	rc = commit_change(s, w, end_date ? "delete" : "update", "participation", &r, before,
			   part_write, 0, current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	store_rec_free(&r);
	return rc;
}

int store_part_update(struct store *s, const struct write_ctx *w, int64_t part_id,
		      int64_t expected_version, const struct part_input *in,
		      struct field_errors *errs, int64_t *current_version)
{
	return part_change(s, w, part_id, expected_version, in, NULL, errs, current_version);
}

int store_part_end(struct store *s, const struct write_ctx *w, int64_t part_id,
		   int64_t expected_version, const char *left, struct field_errors *errs,
		   int64_t *current_version)
{
	return part_change(s, w, part_id, expected_version, NULL, left ? left : "", errs,
			   current_version);
}

/* ------------------------------------------------------- organisations */

static int org_write(struct store *s, struct rec *r, const char *unused)
{
	(void)unused;
	db_stmt *st =
	    store_stmt(s, "UPDATE organisation SET name = ?1, population = ?2, "
			  "population_date = ?3, area_km2 = ?4, last_confirmed = ?5, "
			  "confirmed_by = ?6, note = ?7, version = version + 1 WHERE id = ?8");
	if (!st)
		return STORE_ERR;
	const char *const *v = (const char *const *)r->v;
	db_bind_text(st, 1, v[OF_NAME], -1, DB_STATIC);
	if (str_empty(v[OF_POP]))
		db_bind_null(st, 2);
	else
		db_bind_int64(st, 2, strtoll(v[OF_POP], NULL, 10));
	db_bind_text(st, 3, v[OF_POP_DATE], -1, DB_STATIC);
	if (str_empty(v[OF_AREA]))
		db_bind_null(st, 4);
	else
		db_bind_double(st, 4, strtod(v[OF_AREA], NULL));
	db_bind_text(st, 5, v[OF_CONFIRMED], -1, DB_STATIC);
	db_bind_text(st, 6, v[OF_CONFIRMED_BY], -1, DB_STATIC);
	db_bind_text(st, 7, v[OF_NOTE], -1, DB_STATIC);
	db_bind_int64(st, 8, r->id);
	return store_step_done(s, st, "organisatie bijwerken", NULL, 0);
}

int store_org_update(struct store *s, const struct write_ctx *w, const char *code,
		     int64_t expected_version, const struct org_input *in,
		     struct field_errors *errs, int64_t *current_version)
{
	struct field_errors local;
	struct field_errors *e = errs ? errs : &local;
	struct rec r;
	char *before = NULL;
	int rc = STORE_ERR;

	store_errs_reset(e);
	memset(&r, 0, sizeof r);
	if (store_write_begin(s))
		goto out;
	if ((rc = org_open(s, code, expected_version, &r, current_version)))
		goto out;
	rc = STORE_ERR;
	before = store_rec_image(&r);
	struct org_input m = {
	    in->name ? in->name : r.v[OF_NAME],
	    in->population ? in->population : r.v[OF_POP],
	    in->population_date ? in->population_date : r.v[OF_POP_DATE],
	    in->area_km2 ? in->area_km2 : r.v[OF_AREA],
	    in->note ? in->note : r.v[OF_NOTE],
	};
	validate_org_input(&m, e);
	if (e->n) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	char area[48];
	snprintf(area, sizeof area, "%s", m.area_km2);
	for (char *p = area; *p; p++)
		if (*p == ',')
			*p = '.';
	/* copy before store_rec_set frees what m points into */
	char *vals[4] = {xstrdup(m.name), xstrdup(m.population), xstrdup(m.population_date),
			 xstrdup(m.note)};
	store_rec_set(&r, OF_NAME, vals[0]);
	store_rec_set(&r, OF_POP, vals[1]);
	store_rec_set(&r, OF_POP_DATE, vals[2]);
	store_rec_set(&r, OF_NOTE, vals[3]);
	store_rec_set(&r, OF_AREA, area); /* the image compares numbers: 80 = 80.0 */
	for (int i = 0; i < 4; i++)
		free(vals[i]);
	rc = commit_change(s, w, "update", "organisation", &r, before, org_write, 'o',
			   current_version);
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	store_rec_free(&r);
	return rc;
}

/* -------------------------------------------------------- confirmation */

int store_confirm(struct store *s, const struct write_ctx *w, const char *entity, const char *key,
		  int64_t expected_version, int64_t *current_version)
{
	struct rec r;
	char *before = NULL, tb[11];
	int rc = STORE_ERR, ci = 0, bi = 0;
	int (*write_fn)(struct store *, struct rec *, const char *) = NULL;

	memset(&r, 0, sizeof r);
	if (!entity || !key)
		return STORE_ERR_INVALID;
	if (store_write_begin(s))
		return STORE_ERR;
	if (strcmp(entity, "collaboration") == 0) {
		rc = collab_open(s, key, expected_version, &r, current_version);
		ci = CF_CONFIRMED;
		bi = CF_CONFIRMED_BY;
		write_fn = collab_write;
	} else if (strcmp(entity, "participation") == 0) {
		long id;
		if (!parse_long(key, 1, LONG_MAX, &id)) {
			rc = STORE_ERR_NOTFOUND;
			goto out;
		}
		rc = part_open(s, id, expected_version, &r, current_version);
		ci = PF_CONFIRMED;
		bi = PF_CONFIRMED_BY;
		write_fn = part_write;
	} else if (strcmp(entity, "organisation") == 0) {
		rc = org_open(s, key, expected_version, &r, current_version);
		ci = OF_CONFIRMED;
		bi = OF_CONFIRMED_BY;
		write_fn = org_write;
	} else {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	if (rc)
		goto out;
	rc = STORE_ERR;
	before = store_rec_image(&r);
	store_rec_set(&r, ci, store_ctx_today(w, tb));
	store_rec_set(&r, bi, store_ctx_actor(w));
	char *after = store_rec_image(&r);
	/* a confirmation is always recorded, even on the same day */
	if (write_fn(s, &r, NULL) ||
	    store_write_finish(s, w, "confirm", entity, r.key, before, after)) {
		free(after);
		goto out;
	}
	free(after);
	if (current_version)
		*current_version = r.version + 1;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	store_rec_free(&r);
	return rc;
}
