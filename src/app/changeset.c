/*
 * changeset — the change-set import; see changeset.h and docs/import.md.
 *
 * One walk over the sheets does both planning and writing: run() compares
 * every row with the registry as it would be after the rows before it (an
 * overlay of the records it read and changed, in the arena) and appends
 * each change to the report; with a write context it also makes the change
 * right there through the store (store_changeset.h), inside the batch
 * changeset_apply opened. So the plan and the writes cannot disagree, and a
 * second run finds every value in place: 0 changes.
 *
 * Order (SOURCES.md of utrecht-2026): sources, new_organisations,
 * organisation_changes, new_collaborations, collaboration_changes (record
 * fields), new_participations, participation_changes, then the membership
 * statements of collaboration_changes, then sheets of other modules
 * (office_holders). A new_* row for a record that exists already changes
 * nothing but its provenance: changes to existing records are *_changes
 * rows. Two change rows for the same field of the same record are a
 * problem (which one wins would depend on the order of application).
 */
#include "changeset.h"
#include "readmodel.h"
#include "../domain/changeset_rules.h"
#include "../domain/provenance.h"
#include "../domain/validate.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../store/store_changeset.h"
#include "../store/store_provenance.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Largest CSV file of a change set read from a folder. */
#define CS_MAX_FILE_BYTES (8u << 20)
/* Most CSV files in one folder. */
#define CS_MAX_FILES 32

/* ---------------------------------------------------------- sheet kinds */

enum sk {
	SK_SOURCES,
	SK_NEW_ORGS,
	SK_ORG_CHANGES,
	SK_NEW_COLLABS,
	SK_COLLAB_CHANGES,
	SK_NEW_PARTS,
	SK_PART_CHANGES,
	SK_EXTERNAL, /* a sheet another module plans and writes */
};

/* plan: appends the sheet's changes and problems to rep, writes nothing;
 * write: makes them inside the change set's open batch (the signatures of
 * app/officeholders.h). */
typedef int (*sheet_plan_fn)(struct store *st, struct arena *a, const struct sheet *sh,
			     const char *min_confidence, const char *today, struct cs_report *rep);
typedef int (*sheet_write_fn)(struct store *st, struct arena *a, const struct sheet *sh,
			      const char *min_confidence, const struct write_ctx *w,
			      struct cs_report *rep);

struct sheet_kind {
	const char *name;
	enum sk kind;
	const char *const *required; /* columns that must be present (NULL-terminated) */
	sheet_plan_fn plan;	     /* SK_EXTERNAL */
	sheet_write_fn write;
};

static const char *const req_sources[] = {"id", "title", "url", "reference_date", NULL};
static const char *const req_new_orgs[] = {"code", "kind", "name", "source_id", "confidence", NULL};
static const char *const req_org_changes[] = {"code",	    "field",	   "new_value", "source_id",
					      "confidence", "source_date", NULL};
static const char *const req_new_collabs[] = {"key",	   "name",	 "kind", "domains",
					      "source_id", "confidence", NULL};
static const char *const req_collab_changes[] = {
    "key", "field", "new_value", "source_id", "confidence", "source_date", NULL};
static const char *const req_new_parts[] = {"collaboration_key", "organisation_code", "source_id",
					    "confidence", NULL};
static const char *const req_part_changes[] = {
    "collaboration_key", "organisation_code", "action", "date", "source_id", "confidence", NULL};

/*
 * The sheets a change set may hold, in the order they are applied. The
 * people module's sheet is the last entry: {"office_holders", SK_EXTERNAL,
 * NULL, officeholders_plan, officeholders_write} (app/officeholders.h);
 * until that module is linked in, a sheet of that name is reported as
 * unknown.
 */
static const struct sheet_kind sheet_kinds[] = {
    {"sources", SK_SOURCES, req_sources, NULL, NULL},
    {"new_organisations", SK_NEW_ORGS, req_new_orgs, NULL, NULL},
    {"organisation_changes", SK_ORG_CHANGES, req_org_changes, NULL, NULL},
    {"new_collaborations", SK_NEW_COLLABS, req_new_collabs, NULL, NULL},
    {"collaboration_changes", SK_COLLAB_CHANGES, req_collab_changes, NULL, NULL},
    {"new_participations", SK_NEW_PARTS, req_new_parts, NULL, NULL},
    {"participation_changes", SK_PART_CHANGES, req_part_changes, NULL, NULL},
};

#define N_KINDS ((int)(sizeof sheet_kinds / sizeof sheet_kinds[0]))

const char *changeset_op_label(enum cs_op op)
{
	switch (op) {
	case CS_ADD:
		return "nieuw";
	case CS_UPDATE:
		return "wijziging";
	case CS_END:
		return "beëindigd";
	case CS_UNCONFIRMED:
		return "niet bevestigd";
	case CS_PROVENANCE:
		return "bron bijgewerkt";
	}
	return "";
}

/* ---------------------------------------------------------- the walk */

struct src_ent {
	const char *key, *reference_date, *url;
};

struct rec_ent {
	const char *key;
	struct cs_record r;
};

struct parts_ent {
	const char *collab;
	struct cs_record *rows;
	int n, cap;
};

/* A field set by a change row, for the duplicate check. */
struct touched {
	const char *entity, *key, *field;
	int line;
	const char *file;
};

struct ctx {
	struct store *st;
	struct arena *a;
	const char *min;
	const char *today;
	const struct write_ctx *w; /* NULL: plan only */
	struct cs_report *rep;
	int cap_ch, cap_pr;
	struct src_ent *srcs;
	int nsrc, capsrc;
	struct rec_ent *orgs, *collabs;
	int norg, caporg, ncol, capcol;
	struct parts_ent *parts;
	int nparts, capparts;
	struct touched *tch;
	int ntch, captch;
	const char *title;
	int64_t since; /* first audit event of this change set's title, 0 = never applied */
	int cap_sup;
	bool fault;
	char *err;
	size_t errlen;
};

/* arr (n used, *cap room) with room for one more element of size sz. */
static void *grow(struct arena *a, void *arr, int n, int *cap, size_t sz)
{
	if (n < *cap)
		return arr;
	int nc = *cap ? *cap * 2 : 16;
	void *na = arena_calloc(a, (size_t)nc, sz);
	if (arr && n)
		memcpy(na, arr, (size_t)n * sz);
	*cap = nc;
	return na;
}

static void fault(struct ctx *c, const char *what)
{
	if (!c->fault)
		snprintf(c->err, c->errlen, "databasefout bij %s", what);
	c->fault = true;
}

static void problem(struct ctx *c, const struct sheet *sh, int row, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(struct ctx *c, const struct sheet *sh, int row, const char *fmt, ...)
{
	struct cs_report *r = c->rep;
	r->problems = grow(c->a, r->problems, r->n_problems, &c->cap_pr, sizeof *r->problems);
	struct cs_problem *p = &r->problems[r->n_problems++];
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	p->file = sh ? sh->file : "";
	p->line = sh && row >= 0 && row < sh->nrows ? sh->line[row] : 0;
	p->message = arena_strdup(c->a, msg);
}

/* A change as the report shows it; the caller fills the rest. */
static struct cs_change *change(struct ctx *c, const struct sheet *sh, int row, enum cs_op op,
				const char *entity, const char *key, const char *field)
{
	struct cs_report *r = c->rep;
	r->changes = grow(c->a, r->changes, r->n_changes, &c->cap_ch, sizeof *r->changes);
	struct cs_change *ch = &r->changes[r->n_changes++];
	memset(ch, 0, sizeof *ch);
	ch->file = sh->file;
	ch->line = sh->line[row];
	ch->op = op;
	ch->entity = entity;
	ch->key = arena_strdup(c->a, key);
	ch->label = "";
	ch->field = field ? field : "";
	ch->field_label = field && *field ? cs_field_label(field) : "";
	ch->old_value = "";
	ch->new_value = "";
	ch->source_key = "";
	ch->confidence = "";
	return ch;
}

/* A cell by column name ("" when the sheet has no such column). */
static const char *cell(const struct sheet *sh, int row, const char *col)
{
	return sheet_cell(sh, row, sheet_col(sh, col));
}

/*
 * Was (entity, key) — with prefix, the records under "<key>/" — changed
 * elsewhere since this change set was first applied? Then its rows on that
 * record are superseded: a later edit or change set wins.
 */
static bool superseded(struct ctx *c, const char *entity, const char *key, bool prefix)
{
	if (c->since <= 0)
		return false;
	int r = store_cs_touched_since(c->st, entity, key, prefix, c->since, c->title);
	if (r < 0)
		fault(c, "wijzigingen opzoeken");
	return r == 1;
}

/* Report a superseded row (what it would have done). */
static void skip(struct ctx *c, const struct sheet *sh, int row, enum cs_op op, const char *entity,
		 const char *key, const char *field, const char *value, const char *label)
{
	struct cs_report *r = c->rep;
	r->superseded =
	    grow(c->a, r->superseded, r->n_superseded, &c->cap_sup, sizeof *r->superseded);
	struct cs_change *ch = &r->superseded[r->n_superseded++];
	memset(ch, 0, sizeof *ch);
	ch->file = sh->file;
	ch->line = sh->line[row];
	ch->op = op;
	ch->entity = entity;
	ch->key = arena_strdup(c->a, key);
	ch->label = label ? label : "";
	ch->field = field ? field : "";
	ch->field_label = field && *field ? cs_field_label(field) : "";
	ch->old_value = "";
	ch->new_value = value ? arena_strdup(c->a, value) : "";
	ch->source_key = arena_strdup(c->a, cell(sh, row, "source_id"));
	ch->confidence = arena_strdup(c->a, cell(sh, row, "confidence"));
}

/* A row without any text (spreadsheets export empty rows): skipped. */
static bool blank(const struct sheet *sh, int row)
{
	for (int col = 0; col < sh->ncols; col++) {
		for (const char *p = sheet_cell(sh, row, col); *p; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
				return false;
	}
	return true;
}

/* ---- sources */

static struct src_ent *src_find(struct ctx *c, const char *key)
{
	for (int i = 0; i < c->nsrc; i++)
		if (strcmp(c->srcs[i].key, key) == 0)
			return &c->srcs[i];
	struct cs_record r;
	int rc = store_cs_source(c->st, c->a, key, &r);
	if (rc == STORE_ERR_NOTFOUND)
		return NULL;
	if (rc != STORE_OK) {
		fault(c, "bron opzoeken");
		return NULL;
	}
	c->srcs = grow(c->a, c->srcs, c->nsrc, &c->capsrc, sizeof *c->srcs);
	struct src_ent *e = &c->srcs[c->nsrc++];
	e->key = arena_strdup(c->a, key);
	e->reference_date = store_cs_get(&r, "reference_date");
	e->url = store_cs_get(&r, "url");
	return e;
}

/* ---- organisations and collaborations (the overlay) */

static struct cs_record *rec_find(struct ctx *c, bool org, const char *key)
{
	struct rec_ent *arr = org ? c->orgs : c->collabs;
	int n = org ? c->norg : c->ncol;
	for (int i = 0; i < n; i++)
		if (strcmp(arr[i].key, key) == 0)
			return &arr[i].r;
	struct cs_record r;
	int rc = org ? store_cs_org(c->st, c->a, key, &r) : store_cs_collab(c->st, c->a, key, &r);
	if (rc == STORE_ERR_NOTFOUND)
		return NULL;
	if (rc != STORE_OK) {
		fault(c, "record opzoeken");
		return NULL;
	}
	struct rec_ent *e;
	if (org) {
		c->orgs = grow(c->a, c->orgs, c->norg, &c->caporg, sizeof *c->orgs);
		e = &c->orgs[c->norg++];
	} else {
		c->collabs = grow(c->a, c->collabs, c->ncol, &c->capcol, sizeof *c->collabs);
		e = &c->collabs[c->ncol++];
	}
	e->key = arena_strdup(c->a, key);
	e->r = r;
	return &e->r;
}

/* Add a record made from a sheet row (columns cols) to the overlay. */
static struct cs_record *rec_add(struct ctx *c, bool org, const char *key, const struct sheet *sh,
				 int row, const char *const *cols, int ncols)
{
	struct rec_ent *e;
	if (org) {
		c->orgs = grow(c->a, c->orgs, c->norg, &c->caporg, sizeof *c->orgs);
		e = &c->orgs[c->norg++];
	} else {
		c->collabs = grow(c->a, c->collabs, c->ncol, &c->capcol, sizeof *c->collabs);
		e = &c->collabs[c->ncol++];
	}
	e->key = arena_strdup(c->a, key);
	e->r.id = 0;
	e->r.key = e->key;
	e->r.n = ncols + 1;
	e->r.names = arena_calloc(c->a, (size_t)ncols + 1, sizeof *e->r.names);
	e->r.values = arena_calloc(c->a, (size_t)ncols + 1, sizeof *e->r.values);
	for (int i = 0; i < ncols; i++) {
		e->r.names[i] = cols[i];
		e->r.values[i] = cell(sh, row, cols[i]);
	}
	e->r.names[ncols] = "former_names";
	e->r.values[ncols] = "";
	return &e->r;
}

static void rec_set(struct cs_record *r, const char *field, const char *value)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->names[i], field) == 0)
			r->values[i] = value;
}

/* ---- participations */

static struct parts_ent *parts_of(struct ctx *c, const char *collab)
{
	for (int i = 0; i < c->nparts; i++)
		if (strcmp(c->parts[i].collab, collab) == 0)
			return &c->parts[i];
	c->parts = grow(c->a, c->parts, c->nparts, &c->capparts, sizeof *c->parts);
	struct parts_ent *p = &c->parts[c->nparts++];
	memset(p, 0, sizeof *p);
	p->collab = arena_strdup(c->a, collab);
	if (store_cs_parts(c->st, c->a, collab, &p->rows, &p->n) != STORE_OK)
		fault(c, "deelnames lezen");
	p->cap = p->n;
	return p;
}

static struct cs_record *part_add(struct ctx *c, struct parts_ent *p)
{
	p->rows = grow(c->a, p->rows, p->n, &p->cap, sizeof *p->rows);
	struct cs_record *r = &p->rows[p->n++];
	memset(r, 0, sizeof *r);
	r->n = SEED_PAR_NCOLS;
	r->names = arena_calloc(c->a, SEED_PAR_NCOLS, sizeof *r->names);
	r->values = arena_calloc(c->a, SEED_PAR_NCOLS, sizeof *r->values);
	for (int i = 0; i < SEED_PAR_NCOLS; i++) {
		r->names[i] = part_columns[i];
		r->values[i] = "";
	}
	return r;
}

/* The participation of org in p joined on `joined`, else NULL. */
static struct cs_record *part_find(struct parts_ent *p, const char *org, const char *joined)
{
	for (int i = 0; i < p->n; i++)
		if (strcmp(store_cs_get(&p->rows[i], "organisation_code"), org) == 0 &&
		    strcmp(store_cs_get(&p->rows[i], "joined"), joined) == 0)
			return &p->rows[i];
	return NULL;
}

/* The participation of org in p without a left date, else NULL. */
static struct cs_record *part_active(struct parts_ent *p, const char *org)
{
	for (int i = 0; i < p->n; i++)
		if (strcmp(store_cs_get(&p->rows[i], "organisation_code"), org) == 0 &&
		    str_empty(store_cs_get(&p->rows[i], "left")))
			return &p->rows[i];
	return NULL;
}

static const char *part_key(struct ctx *c, const char *collab, const struct cs_record *pr)
{
	char b[400];
	provenance_part_key(b, sizeof b, collab, store_cs_get(pr, "organisation_code"),
			    store_cs_get(pr, "joined"));
	return arena_strdup(c->a, b);
}

/* The audit key of a participation: "<collab>/<id>" once it has an id. */
static const char *part_audit(struct ctx *c, const char *collab, const struct cs_record *pr)
{
	if (pr->id > 0)
		return arena_printf(c->a, "%s/%lld", collab, (long long)pr->id);
	return part_key(c, collab, pr);
}

/* ---- provenance */

/* The provenance row (entity, key, field, status), or NULL. */
static const struct provenance_row *prov_get(struct ctx *c, const char *entity, const char *key,
					     const char *field, const char *status)
{
	struct provenance_row *rows = NULL;
	int n = 0;
	if (store_provenance_of(c->st, c->a, entity, key, false, &rows, &n) != STORE_OK) {
		fault(c, "herkomst lezen");
		return NULL;
	}
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].field, field) == 0 && strcmp(rows[i].status, status) == 0)
			return &rows[i];
	return NULL;
}

/* The source facts of a row. */
struct srcinfo {
	const char *key, *date, *confidence, *url, *note;
};

static struct srcinfo row_source(const struct sheet *sh, int row)
{
	struct srcinfo s = {
	    cell(sh, row, "source_id"),
	    cell(sh, row, "source_date"),
	    cell(sh, row, "confidence"),
	    "",
	    "",
	};
	return s;
}

/* Does the stored provenance already say this? */
static bool prov_same(const struct provenance_row *p, const char *value, const struct srcinfo *s)
{
	return p && strcmp(p->value, value ? value : "") == 0 &&
	       strcmp(p->source_key, s->key) == 0 && strcmp(p->source_date, s->date) == 0 &&
	       strcmp(p->confidence, s->confidence) == 0;
}

static struct provenance_input prov_in(const char *entity, const char *key, const char *field,
				       const char *status, const char *value,
				       const struct srcinfo *s)
{
	struct provenance_input p = {entity, key,    field,   status,	     value,
				     s->key, s->url, s->date, s->confidence, ""};
	return p;
}

/* Write provenance as part of a record write (no audit event of its own). */
static bool put_prov(struct ctx *c, const struct provenance_input *p)
{
	if (!c->w)
		return true;
	int rc = store_provenance_put(c->st, c->w, p);
	if (rc != STORE_OK) {
		fault(c, "herkomst vastleggen");
		return false;
	}
	return true;
}

/* Provenance alone: compared, reported and (writing) recorded with its
 * own audit event. Returns false when the row is unchanged (in place). */
static bool prov_only(struct ctx *c, const struct sheet *sh, int row, const char *entity,
		      const char *key, const char *audit_key, const char *field, const char *status,
		      const char *value, const struct srcinfo *s, const char *label)
{
	const struct provenance_row *old = prov_get(c, entity, key, field, status);
	if (c->fault || prov_same(old, value, s))
		return false;
	bool claim = strcmp(status, "unconfirmed") == 0;
	if (superseded(c, entity, audit_key, false)) {
		skip(c, sh, row, claim ? CS_UNCONFIRMED : CS_PROVENANCE, entity, key, field, value,
		     label);
		return true; /* not unchanged: superseded */
	}
	struct cs_change *ch =
	    change(c, sh, row, claim ? CS_UNCONFIRMED : CS_PROVENANCE, entity, key, field);
	ch->label = label ? label : "";
	ch->old_value = claim ? "" : old ? old->source_key : "";
	ch->new_value = claim ? arena_strdup(c->a, value) : s->key;
	ch->source_key = s->key;
	ch->confidence = s->confidence;
	if (c->w) {
		struct provenance_input p = prov_in(entity, key, field, status, value, s);
		struct provenance_input was = {entity,
					       key,
					       field,
					       status,
					       old ? old->value : "",
					       old ? old->source_key : "",
					       "",
					       old ? old->source_date : "",
					       old ? old->confidence : "",
					       ""};
		if (store_cs_provenance(c->st, c->w, audit_key, old ? &was : NULL, &p) != STORE_OK)
			fault(c, "herkomst vastleggen");
	}
	return true;
}

/* ---- common row checks */

/* A row's source and confidence: true when usable (problems reported). */
static bool check_source(struct ctx *c, const struct sheet *sh, int row)
{
	const char *sid = cell(sh, row, "source_id");
	const char *conf = cell(sh, row, "confidence");
	const char *sdate = cell(sh, row, "source_date");
	bool ok = true;
	if (str_empty(sid)) {
		problem(c, sh, row, "geen bron: vul source_id in");
		ok = false;
	} else if (!src_find(c, sid)) {
		if (!c->fault)
			problem(c, sh, row,
				"onbekende bron '%s': die staat niet in het register en niet in "
				"sources",
				sid);
		ok = false;
	}
	if (cs_confidence_rank(conf) < 0) {
		problem(c, sh, row, "zekerheid '%s' is onbekend: gebruik high, medium of low",
			conf);
		ok = false;
	}
	if (!validate_is_date_opt(sdate)) {
		problem(c, sh, row, "source_date '%s' is geen geldige datum (JJJJ-MM-DD)", sdate);
		ok = false;
	}
	return ok;
}

/* The date last_confirmed takes from a row's source. */
static const char *confirmed_date(struct ctx *c, const struct sheet *sh, int row)
{
	struct src_ent *e = src_find(c, cell(sh, row, "source_id"));
	return cs_confirmed_date(cell(sh, row, "source_date"), e ? e->reference_date : "");
}

/* Remember that a change row sets (entity, key, field); a second row for
 * the same is a problem. */
static bool touch(struct ctx *c, const struct sheet *sh, int row, const char *entity,
		  const char *key, const char *field)
{
	for (int i = 0; i < c->ntch; i++) {
		struct touched *t = &c->tch[i];
		if (strcmp(t->entity, entity) == 0 && strcmp(t->key, key) == 0 &&
		    strcmp(t->field, field) == 0) {
			problem(c, sh, row, "%s van '%s' wordt ook al gewijzigd op %s regel %d",
				cs_field_label(field), key, t->file, t->line);
			return false;
		}
	}
	c->tch = grow(c->a, c->tch, c->ntch, &c->captch, sizeof *c->tch);
	struct touched *t = &c->tch[c->ntch++];
	t->entity = entity;
	t->key = arena_strdup(c->a, key);
	t->field = field;
	t->line = sh->line[row];
	t->file = sh->file;
	return true;
}

/* ---------------------------------------------------------- sources */

static const char *const source_fields[] = {"title",	 "publisher",	"url",
					    "licence",	 "attribution", "reference_date",
					    "retrieved", "note",	NULL};

/* Does the sheet's source row differ from the stored source? */
static bool source_differs(const struct cs_record *old, const struct sheet *sh, int row)
{
	for (int i = 0; source_fields[i]; i++)
		if (strcmp(store_cs_get(old, source_fields[i]), cell(sh, row, source_fields[i])) !=
		    0)
			return true;
	const char *kind = cell(sh, row, "kind");
	return *kind && strcmp(store_cs_get(old, "kind"), kind) != 0;
}

static void do_sources(struct ctx *c, const struct sheet *sh)
{
	/* first make every key known, so rows may cite sources of later lines */
	for (int row = 1; row < sh->nrows; row++) {
		if (blank(sh, row))
			continue;
		const char *f[SEED_SRC_NCOLS];
		for (int i = 0; i < SEED_SRC_NCOLS; i++)
			f[i] = cell(sh, row, source_columns[i]);
		char reason[400];
		if (validate_source_row(f, reason, sizeof reason)) {
			problem(c, sh, row, "%s", reason);
			continue;
		}
		const char *kind = cell(sh, row, "kind");
		if (*kind && !provenance_kind_valid(kind)) {
			problem(c, sh, row, "soort bron '%s' is onbekend", kind);
			continue;
		}
		bool dup = false;
		for (int r2 = 1; r2 < row; r2++)
			if (strcmp(cell(sh, r2, "id"), f[SEED_SRC_ID]) == 0)
				dup = true;
		if (dup) {
			problem(c, sh, row, "bron '%s' staat twee keer in het bestand",
				f[SEED_SRC_ID]);
			continue;
		}
		struct cs_record old;
		int rc = store_cs_source(c->st, c->a, f[SEED_SRC_ID], &old);
		if (rc != STORE_OK && rc != STORE_ERR_NOTFOUND) {
			fault(c, "bron opzoeken");
			return;
		}
		if (!*kind)
			kind = provenance_kind_guess(f[SEED_SRC_URL], f[SEED_SRC_TITLE],
						     f[SEED_SRC_PUBLISHER]);
		struct cs_value v[SEED_SRC_NCOLS + 1];
		int nv = 0;
		if (rc == STORE_ERR_NOTFOUND) {
			for (int i = 0; i < SEED_SRC_NCOLS; i++)
				v[nv++] = (struct cs_value){source_columns[i], f[i]};
			v[nv++] = (struct cs_value){"kind", kind};
			struct cs_change *ch =
			    change(c, sh, row, CS_ADD, "source", f[SEED_SRC_ID], "");
			ch->label = f[SEED_SRC_TITLE];
			ch->new_value = f[SEED_SRC_TITLE];
			ch->source_key = f[SEED_SRC_ID];
			if (c->w && store_cs_source_insert(c->st, c->w, v, nv) != STORE_OK)
				fault(c, "bron toevoegen");
		} else if (source_differs(&old, sh, row) &&
			   superseded(c, "source", f[SEED_SRC_ID], false)) {
			skip(c, sh, row, CS_UPDATE, "source", f[SEED_SRC_ID], "", f[SEED_SRC_TITLE],
			     f[SEED_SRC_TITLE]);
		} else {
			for (int i = 0; source_fields[i]; i++) {
				const char *nw = cell(sh, row, source_fields[i]);
				if (strcmp(store_cs_get(&old, source_fields[i]), nw) == 0)
					continue;
				v[nv++] = (struct cs_value){source_fields[i], nw};
				struct cs_change *ch = change(c, sh, row, CS_UPDATE, "source",
							      f[SEED_SRC_ID], source_fields[i]);
				ch->old_value = store_cs_get(&old, source_fields[i]);
				ch->new_value = nw;
				ch->source_key = f[SEED_SRC_ID];
			}
			/* a guessed kind never overrides one given earlier */
			if (*cell(sh, row, "kind") &&
			    strcmp(store_cs_get(&old, "kind"), kind) != 0) {
				v[nv++] = (struct cs_value){"kind", kind};
				struct cs_change *ch =
				    change(c, sh, row, CS_UPDATE, "source", f[SEED_SRC_ID], "kind");
				ch->old_value = store_cs_get(&old, "kind");
				ch->new_value = kind;
			}
			if (nv == 0)
				c->rep->n_unchanged++;
			else if (c->w && store_cs_source_update(c->st, c->w, f[SEED_SRC_ID], v,
								nv) != STORE_OK)
				fault(c, "bron bijwerken");
		}
		c->srcs = grow(c->a, c->srcs, c->nsrc, &c->capsrc, sizeof *c->srcs);
		struct src_ent *e = &c->srcs[c->nsrc++];
		e->key = f[SEED_SRC_ID];
		e->reference_date = f[SEED_SRC_REFERENCE_DATE];
		e->url = f[SEED_SRC_URL];
		if (c->fault)
			return;
	}
}

/* ------------------------------------------------- new organisations */

static void do_new_orgs(struct ctx *c, const struct sheet *sh)
{
	for (int row = 1; row < sh->nrows && !c->fault; row++) {
		if (blank(sh, row))
			continue;
		const char *f[SEED_ORG_NCOLS];
		for (int i = 0; i < SEED_ORG_NCOLS; i++)
			f[i] = cell(sh, row, org_columns[i]);
		char reason[400];
		bool ok = check_source(c, sh, row);
		if (validate_org_row(f, reason, sizeof reason)) {
			problem(c, sh, row, "%s", reason);
			ok = false;
		}
		const char *code = f[SEED_ORG_CODE];
		const char *succ = f[SEED_ORG_SUCCESSOR_CODE];
		if (ok && *succ && !rec_find(c, true, succ) && !c->fault) {
			problem(c, sh, row,
				"onbekende opvolger '%s' (een nieuwe opvolger moet eerder in het "
				"bestand staan)",
				succ);
			ok = false;
		}
		const char *ck = f[SEED_ORG_COLLABORATION_KEY];
		if (ok && *ck && !rec_find(c, false, ck) && !c->fault) {
			problem(c, sh, row, "onbekend samenwerkingsverband '%s'", ck);
			ok = false;
		}
		if (!ok || c->fault)
			continue;
		struct srcinfo s = row_source(sh, row);
		bool fact = cs_confidence_applies(s.confidence, c->min);
		struct cs_record *old = rec_find(c, true, code);
		if (c->fault)
			return;
		if (!fact) {
			if (!prov_only(c, sh, row, "organisation", code, code, "record",
				       "unconfirmed", f[SEED_ORG_NAME], &s, f[SEED_ORG_NAME]))
				c->rep->n_unchanged++;
			continue;
		}
		if (old) {
			if (!prov_only(c, sh, row, "organisation", code, code, "record", "fact",
				       f[SEED_ORG_NAME], &s, store_cs_get(old, "name")))
				c->rep->n_unchanged++;
			continue;
		}
		rec_add(c, true, code, sh, row, org_columns, SEED_ORG_NCOLS);
		struct cs_change *ch = change(c, sh, row, CS_ADD, "organisation", code, "");
		ch->label = f[SEED_ORG_NAME];
		ch->new_value = f[SEED_ORG_NAME];
		ch->source_key = s.key;
		ch->confidence = s.confidence;
		if (c->w) {
			struct cs_value v[SEED_ORG_NCOLS];
			for (int i = 0; i < SEED_ORG_NCOLS; i++)
				v[i] = (struct cs_value){org_columns[i], f[i]};
			struct provenance_input p =
			    prov_in("organisation", code, "record", "fact", f[SEED_ORG_NAME], &s);
			if (store_cs_org_insert(c->st, c->w, v, SEED_ORG_NCOLS) != STORE_OK)
				fault(c, "organisatie toevoegen");
			else
				put_prov(c, &p);
		}
	}
}

/* ------------------------------------------------ new collaborations */

static void do_new_collabs(struct ctx *c, const struct sheet *sh)
{
	for (int row = 1; row < sh->nrows && !c->fault; row++) {
		if (blank(sh, row))
			continue;
		const char *f[SEED_COL_NCOLS];
		for (int i = 0; i < SEED_COL_NCOLS; i++)
			f[i] = cell(sh, row, collab_columns[i]);
		char reason[400];
		bool ok = check_source(c, sh, row);
		if (validate_collab_row(f, reason, sizeof reason)) {
			problem(c, sh, row, "%s", reason);
			ok = false;
		} else {
			char keys[VALIDATE_MAX_DOMAINS][81];
			int nd =
			    validate_split_domains(f[SEED_COL_DOMAINS], keys, VALIDATE_MAX_DOMAINS);
			for (int i = 0; i < nd; i++) {
				int x = store_cs_domain_exists(c->st, keys[i]);
				if (x < 0)
					fault(c, "beleidsdomein opzoeken");
				else if (!x) {
					problem(c, sh, row, "onbekend beleidsdomein '%s'", keys[i]);
					ok = false;
				}
			}
		}
		if (!ok || c->fault)
			continue;
		const char *key = f[SEED_COL_KEY];
		struct srcinfo s = row_source(sh, row);
		bool fact = cs_confidence_applies(s.confidence, c->min);
		struct cs_record *old = rec_find(c, false, key);
		if (c->fault)
			return;
		if (!fact || old) {
			if (!prov_only(c, sh, row, "collaboration", key, key, "record",
				       fact ? "fact" : "unconfirmed", f[SEED_COL_NAME], &s,
				       f[SEED_COL_NAME]))
				c->rep->n_unchanged++;
			continue;
		}
		rec_add(c, false, key, sh, row, collab_columns, SEED_COL_NCOLS);
		struct cs_change *ch = change(c, sh, row, CS_ADD, "collaboration", key, "");
		ch->label = f[SEED_COL_NAME];
		ch->new_value = f[SEED_COL_NAME];
		ch->source_key = s.key;
		ch->confidence = s.confidence;
		if (c->w) {
			struct cs_value v[SEED_COL_NCOLS];
			for (int i = 0; i < SEED_COL_NCOLS; i++)
				v[i] = (struct cs_value){collab_columns[i], f[i]};
			struct provenance_input p =
			    prov_in("collaboration", key, "record", "fact", f[SEED_COL_NAME], &s);
			if (store_cs_collab_insert(c->st, c->w, v, SEED_COL_NCOLS) != STORE_OK)
				fault(c, "samenwerkingsverband toevoegen");
			else
				put_prov(c, &p);
		}
	}
}

/* ------------------------------------------- organisation / collab changes */

/* Write one field of an organisation or collaboration (writing mode). */
static void write_field(struct ctx *c, bool org, const char *key, const struct cs_value *v, int nv,
			const struct provenance_input *p)
{
	if (!c->w)
		return;
	int rc = org ? store_cs_org_update(c->st, c->w, key, v, nv)
		     : store_cs_collab_update(c->st, c->w, key, v, nv);
	if (rc != STORE_OK)
		fault(c, org ? "organisatie bijwerken" : "samenwerkingsverband bijwerken");
	else
		put_prov(c, p);
}

/* One row of organisation_changes (org) or collaboration_changes; member
 * rows (membership statements) are skipped here (second pass). */
static void do_field_row(struct ctx *c, const struct sheet *sh, int row, bool org)
{
	const char *entity = org ? "organisation" : "collaboration";
	const char *key = cell(sh, row, org ? "code" : "key");
	const char *field = cell(sh, row, "field");
	const char *value = cell(sh, row, "new_value");
	const struct cs_field *fd = org ? cs_org_field(field) : cs_collab_field(field);
	bool ok = check_source(c, sh, row);
	if (!fd) {
		problem(c, sh, row, "veld '%s' kan niet worden gewijzigd via %s", field, sh->name);
		return;
	}
	if (fd->member)
		return;
	char reason[400];
	if (cs_check_value(fd, value, reason, sizeof reason)) {
		problem(c, sh, row, "%s: %s", fd->label, reason);
		ok = false;
	}
	struct cs_record *r = rec_find(c, org, key);
	if (c->fault)
		return;
	if (!r) {
		problem(c, sh, row, "onbekende %s '%s'",
			org ? "organisatie" : "samenwerkingsverband", key);
		return;
	}
	if (fd->type == CSV_ORG_REF && ok && !rec_find(c, true, value) && !c->fault) {
		problem(c, sh, row, "onbekende organisatie '%s'", value);
		ok = false;
	}
	if (fd->type == CSV_SOURCE_REF && ok && strcmp(value, cell(sh, row, "source_id")) != 0) {
		problem(c, sh, row, "bij veld source_id moet new_value gelijk zijn aan source_id");
		ok = false;
	}
	if (!ok || !touch(c, sh, row, entity, key, field))
		return;
	struct srcinfo s = row_source(sh, row);
	const char *name = store_cs_get(r, "name");
	if (!cs_confidence_applies(s.confidence, c->min)) {
		if (!prov_only(c, sh, row, entity, key, key, field, "unconfirmed", value, &s, name))
			c->rep->n_unchanged++;
		return;
	}
	/* the values this row sets: a source_id row also sets last_confirmed */
	struct cs_value v[2];
	int nv = 0;
	v[nv++] = (struct cs_value){field, value};
	if (fd->type == CSV_SOURCE_REF)
		v[nv++] = (struct cs_value){"last_confirmed", confirmed_date(c, sh, row)};
	bool differs = false;
	for (int i = 0; i < nv; i++)
		if (strcmp(store_cs_get(r, v[i].field), v[i].value) != 0)
			differs = true;
	if (!differs) {
		if (!prov_only(c, sh, row, entity, key, key, field, "fact", value, &s, name))
			c->rep->n_unchanged++;
		return;
	}
	if (superseded(c, entity, key, false)) {
		skip(c, sh, row, CS_UPDATE, entity, key, field, value, name);
		return;
	}
	for (int i = 0; i < nv; i++) {
		const char *was = store_cs_get(r, v[i].field);
		if (strcmp(was, v[i].value) == 0)
			continue;
		struct cs_change *ch = change(c, sh, row, CS_UPDATE, entity, key, v[i].field);
		ch->label = name;
		ch->old_value = was;
		ch->new_value = v[i].value;
		ch->source_key = s.key;
		ch->confidence = s.confidence;
	}
	struct provenance_input p = prov_in(entity, key, field, "fact", value, &s);
	write_field(c, org, key, v, nv, &p);
	for (int i = 0; i < nv; i++)
		rec_set(r, v[i].field, v[i].value);
}

static void do_field_changes(struct ctx *c, const struct sheet *sh, bool org)
{
	for (int row = 1; row < sh->nrows && !c->fault; row++)
		if (!blank(sh, row))
			do_field_row(c, sh, row, org);
}

/* ------------------------------------------------ new participations */

/* Common checks of a participation row: the collaboration and the
 * organisation exist, body and role are known. */
static bool part_refs(struct ctx *c, const struct sheet *sh, int row, const char *collab,
		      const char *org, const char *body, const char *role)
{
	bool ok = true;
	if (!rec_find(c, false, collab)) {
		if (!c->fault)
			problem(c, sh, row, "onbekend samenwerkingsverband '%s'", collab);
		ok = false;
	}
	if (!rec_find(c, true, org)) {
		if (!c->fault)
			problem(c, sh, row, "onbekende organisatie '%s'", org);
		ok = false;
	}
	if (!cs_body_valid(body)) {
		problem(c, sh, row,
			"orgaan '%s' is onbekend (raad, college, burgemeester, algemeen_bestuur)",
			body);
		ok = false;
	}
	if (!cs_role_valid(role)) {
		problem(c, sh, row,
			"rol '%s' is onbekend (deelnemer, centrumgemeente, penvoerder, trekker, "
			"toehoorder)",
			role);
		ok = false;
	}
	return ok;
}

/* Insert participation pr of collab (writing mode), with its provenance. */
static void write_part_insert(struct ctx *c, const char *collab, struct cs_record *pr,
			      const char *claim, const struct srcinfo *s)
{
	if (!c->w)
		return;
	struct cs_value v[SEED_PAR_NCOLS];
	for (int i = 0; i < SEED_PAR_NCOLS; i++)
		v[i] = (struct cs_value){part_columns[i], pr->values[i]};
	int64_t id = 0;
	if (store_cs_part_insert(c->st, c->w, v, SEED_PAR_NCOLS, &id) != STORE_OK) {
		fault(c, "deelname toevoegen");
		return;
	}
	pr->id = id;
	struct provenance_input p =
	    prov_in("participation", part_key(c, collab, pr), "record", "fact", claim, s);
	put_prov(c, &p);
}

static void do_new_parts(struct ctx *c, const struct sheet *sh)
{
	for (int row = 1; row < sh->nrows && !c->fault; row++) {
		if (blank(sh, row))
			continue;
		const char *f[SEED_PAR_NCOLS];
		for (int i = 0; i < SEED_PAR_NCOLS; i++)
			f[i] = cell(sh, row, part_columns[i]);
		char reason[400];
		bool ok = check_source(c, sh, row);
		if (validate_part_row(f, reason, sizeof reason)) {
			problem(c, sh, row, "%s", reason);
			ok = false;
		}
		const char *collab = f[SEED_PAR_COLLABORATION_KEY],
			   *org = f[SEED_PAR_ORGANISATION_CODE];
		if (!part_refs(c, sh, row, collab, org, f[SEED_PAR_BODY], f[SEED_PAR_ROLE]))
			ok = false;
		if (!ok || c->fault)
			continue;
		struct srcinfo s = row_source(sh, row);
		bool fact = cs_confidence_applies(s.confidence, c->min);
		struct parts_ent *pe = parts_of(c, collab);
		if (c->fault)
			return;
		struct cs_record *old = part_find(pe, org, f[SEED_PAR_JOINED]);
		char pk[400];
		provenance_part_key(pk, sizeof pk, collab, org, f[SEED_PAR_JOINED]);
		const char *oname = store_cs_get(rec_find(c, true, org), "name");
		if (!fact || old) {
			if (!prov_only(c, sh, row, "participation", pk,
				       old ? part_audit(c, collab, old) : pk, "record",
				       fact ? "fact" : "unconfirmed",
				       str_empty(f[SEED_PAR_ROLE]) ? "deelnemer" : f[SEED_PAR_ROLE],
				       &s, oname))
				c->rep->n_unchanged++;
			continue;
		}
		if (superseded(c, "participation", collab, true)) {
			skip(c, sh, row, CS_ADD, "participation", pk, "", oname, oname);
			continue;
		}
		if (part_active(pe, org) && str_empty(f[SEED_PAR_LEFT])) {
			problem(c, sh, row, "'%s' neemt al deel aan '%s'", org, collab);
			continue;
		}
		struct cs_record *pr = part_add(c, pe);
		for (int i = 0; i < SEED_PAR_NCOLS; i++)
			pr->values[i] = f[i];
		if (str_empty(f[SEED_PAR_ROLE]))
			rec_set(pr, "role", "deelnemer");
		struct cs_change *ch = change(c, sh, row, CS_ADD, "participation", pk, "");
		ch->label = oname;
		ch->new_value = arena_printf(c->a, "%s in %s", oname, collab);
		ch->source_key = s.key;
		ch->confidence = s.confidence;
		write_part_insert(c, collab, pr, store_cs_get(pr, "role"), &s);
	}
}

/* ---------------------------------------------- participation changes */

static void write_part_update(struct ctx *c, struct cs_record *pr, const struct cs_value *v, int nv,
			      const struct provenance_input *p)
{
	for (int i = 0; i < nv; i++)
		rec_set(pr, v[i].field, v[i].value);
	if (!c->w)
		return;
	if (store_cs_part_update(c->st, c->w, pr->id, v, nv) != STORE_OK)
		fault(c, "deelname bijwerken");
	else if (p)
		put_prov(c, p);
}

static void do_part_change(struct ctx *c, const struct sheet *sh, int row)
{
	const char *collab = cell(sh, row, "collaboration_key");
	const char *org = cell(sh, row, "organisation_code");
	const char *action = cell(sh, row, "action");
	const char *date = cell(sh, row, "date");
	const char *body = cell(sh, row, "body");
	const char *role = cell(sh, row, "role");
	bool ok = check_source(c, sh, row);
	if (!cs_action_valid(action)) {
		problem(c, sh, row, "actie '%s' is onbekend: gebruik add, end of update", action);
		ok = false;
	}
	if (!validate_is_date_opt(date)) {
		problem(c, sh, row, "'%s' is geen geldige datum (JJJJ-MM-DD)", date);
		ok = false;
	}
	if (ok && strcmp(action, "end") == 0 && str_empty(date)) {
		problem(c, sh, row, "bij actie end hoort een datum");
		ok = false;
	}
	if (!part_refs(c, sh, row, collab, org, body, role))
		ok = false;
	if (!ok || c->fault)
		return;
	struct srcinfo s = row_source(sh, row);
	bool fact = cs_confidence_applies(s.confidence, c->min);
	struct parts_ent *pe = parts_of(c, collab);
	if (c->fault)
		return;
	const char *oname = store_cs_get(rec_find(c, true, org), "name");
	char pk[400];

	if (strcmp(action, "add") == 0) {
		struct cs_record *old = part_find(pe, org, date);
		provenance_part_key(pk, sizeof pk, collab, org, date);
		if (!old && superseded(c, "participation", collab, true)) {
			skip(c, sh, row, CS_ADD, "participation", pk, "", date, oname);
			return;
		}
		if (!old && part_active(pe, org)) {
			problem(c, sh, row, "'%s' neemt al deel aan '%s'", org, collab);
			return;
		}
		if (!touch(c, sh, row, "participation", pk, "record"))
			return;
		const char *claim =
		    *date ? arena_printf(c->a, "deelname per %s", date) : "deelname";
		if (!fact || old) {
			/* an add that is in place: its body and role as the row says */
			struct cs_value v[2];
			int nv = 0;
			if (old && fact && *body && strcmp(store_cs_get(old, "body"), body) != 0)
				v[nv++] = (struct cs_value){"body", body};
			if (old && fact && *role && strcmp(store_cs_get(old, "role"), role) != 0)
				v[nv++] = (struct cs_value){"role", role};
			if (nv &&
			    superseded(c, "participation", part_audit(c, collab, old), false)) {
				skip(c, sh, row, CS_UPDATE, "participation", pk, v[0].field,
				     v[0].value, oname);
				return;
			}
			for (int i = 0; i < nv; i++) {
				struct cs_change *ch =
				    change(c, sh, row, CS_UPDATE, "participation", pk, v[i].field);
				ch->label = oname;
				ch->old_value = store_cs_get(old, v[i].field);
				ch->new_value = v[i].value;
				ch->source_key = s.key;
				ch->confidence = s.confidence;
			}
			if (nv) {
				struct provenance_input p =
				    prov_in("participation", pk, "record", "fact", claim, &s);
				write_part_update(c, old, v, nv, &p);
			} else if (!prov_only(c, sh, row, "participation", pk,
					      old ? part_audit(c, collab, old) : pk, "record",
					      fact ? "fact" : "unconfirmed", claim, &s, oname)) {
				c->rep->n_unchanged++;
			}
			return;
		}
		struct cs_record *pr = part_add(c, pe);
		rec_set(pr, "collaboration_key", collab);
		rec_set(pr, "organisation_code", org);
		rec_set(pr, "body", body);
		rec_set(pr, "role", *role ? role : "deelnemer");
		rec_set(pr, "joined", date);
		rec_set(pr, "source_id", s.key);
		rec_set(pr, "last_confirmed", confirmed_date(c, sh, row));
		struct cs_change *ch = change(c, sh, row, CS_ADD, "participation", pk, "");
		ch->label = oname;
		ch->new_value = arena_printf(c->a, "%s in %s", oname, collab);
		ch->source_key = s.key;
		ch->confidence = s.confidence;
		write_part_insert(c, collab, pr, claim, &s);
		return;
	}

	if (strcmp(action, "end") == 0) {
		struct cs_record *pr = NULL;
		for (int i = 0; i < pe->n; i++)
			if (strcmp(store_cs_get(&pe->rows[i], "organisation_code"), org) == 0 &&
			    strcmp(store_cs_get(&pe->rows[i], "left"), date) == 0)
				pr = &pe->rows[i];
		bool in_place = pr != NULL;
		if (!pr)
			pr = part_active(pe, org);
		if (!pr && superseded(c, "participation", collab, true)) {
			skip(c, sh, row, CS_END, "participation", collab, "left", date, oname);
			return;
		}
		if (!pr) {
			problem(c, sh, row, "'%s' neemt niet deel aan '%s'", org, collab);
			return;
		}
		const char *k = part_key(c, collab, pr);
		if (!touch(c, sh, row, "participation", k, "left"))
			return;
		if (!fact || in_place) {
			if (!prov_only(c, sh, row, "participation", k, part_audit(c, collab, pr),
				       "left", fact ? "fact" : "unconfirmed", date, &s, oname))
				c->rep->n_unchanged++;
			return;
		}
		if (superseded(c, "participation", part_audit(c, collab, pr), false)) {
			skip(c, sh, row, CS_END, "participation", k, "left", date, oname);
			return;
		}
		struct cs_change *ch = change(c, sh, row, CS_END, "participation", k, "left");
		ch->label = oname;
		ch->new_value = date;
		ch->source_key = s.key;
		ch->confidence = s.confidence;
		struct cs_value v = {"left", date};
		struct provenance_input p = prov_in("participation", k, "left", "fact", date, &s);
		write_part_update(c, pr, &v, 1, &p);
		return;
	}

	/* update: the participation without a left date (else the last one) */
	struct cs_record *pr = part_active(pe, org);
	for (int i = 0; !pr && i < pe->n; i++)
		if (strcmp(store_cs_get(&pe->rows[i], "organisation_code"), org) == 0)
			pr = &pe->rows[i];
	if (!pr) {
		problem(c, sh, row, "'%s' neemt niet deel aan '%s'", org, collab);
		return;
	}
	if (!*body && !*role) {
		problem(c, sh, row, "bij actie update hoort een body of een role");
		return;
	}
	const char *k = part_key(c, collab, pr);
	const char *fields[2] = {*body ? "body" : NULL, *role ? "role" : NULL};
	const char *vals[2] = {body, role};
	for (int i = 0; i < 2; i++) {
		if (!fields[i])
			continue;
		if (!touch(c, sh, row, "participation", k, fields[i]))
			return;
		if (!fact || strcmp(store_cs_get(pr, fields[i]), vals[i]) == 0) {
			if (!prov_only(c, sh, row, "participation", k, part_audit(c, collab, pr),
				       fields[i], fact ? "fact" : "unconfirmed", vals[i], &s,
				       oname))
				c->rep->n_unchanged++;
			continue;
		}
		if (superseded(c, "participation", part_audit(c, collab, pr), false)) {
			skip(c, sh, row, CS_UPDATE, "participation", k, fields[i], vals[i], oname);
			continue;
		}
		struct cs_change *ch = change(c, sh, row, CS_UPDATE, "participation", k, fields[i]);
		ch->label = oname;
		ch->old_value = store_cs_get(pr, fields[i]);
		ch->new_value = vals[i];
		ch->source_key = s.key;
		ch->confidence = s.confidence;
		struct cs_value v = {fields[i], vals[i]};
		struct provenance_input p =
		    prov_in("participation", k, fields[i], "fact", vals[i], &s);
		write_part_update(c, pr, &v, 1, &p);
	}
}

static void do_part_changes(struct ctx *c, const struct sheet *sh)
{
	for (int row = 1; row < sh->nrows && !c->fault; row++)
		if (!blank(sh, row))
			do_part_change(c, sh, row);
}

/* ---------------------------------------------- membership statements */

static int cmp_code(const void *x, const void *y)
{
	return strcmp((const char *)x, (const char *)y);
}

static void do_member_row(struct ctx *c, const struct sheet *sh, int row)
{
	const struct cs_field *fd = cs_collab_field(cell(sh, row, "field"));
	if (!fd || !fd->member)
		return;
	const char *key = cell(sh, row, "key");
	const char *value = cell(sh, row, "new_value");
	bool ok = check_source(c, sh, row);
	char reason[400];
	if (cs_check_value(fd, value, reason, sizeof reason)) {
		problem(c, sh, row, "%s: %s", fd->label, reason);
		ok = false;
	}
	struct cs_record *r = rec_find(c, false, key);
	if (c->fault)
		return;
	if (!r) {
		problem(c, sh, row, "onbekend samenwerkingsverband '%s'", key);
		return;
	}
	char(*codes)[81] = arena_calloc(c->a, 256, sizeof *codes);
	int n = 0;
	bool list = strcmp(fd->name, "current_participants") == 0;
	if (ok && list) {
		n = cs_split_codes(value, codes, 256, reason, sizeof reason);
		for (int i = 0; i < n; i++) {
			if (!rec_find(c, true, codes[i]) && !c->fault) {
				problem(c, sh, row, "onbekende organisatie '%s' in de lijst",
					codes[i]);
				ok = false;
			}
		}
	}
	if (!ok || c->fault || !touch(c, sh, row, "collaboration", key, fd->name))
		return;
	struct srcinfo s = row_source(sh, row);
	const char *name = store_cs_get(r, "name");
	if (!cs_confidence_applies(s.confidence, c->min)) {
		if (!prov_only(c, sh, row, "collaboration", key, key, fd->name, "unconfirmed",
			       value, &s, name))
			c->rep->n_unchanged++;
		return;
	}
	if (superseded(c, "participation", key, true)) {
		skip(c, sh, row, CS_UPDATE, "collaboration", key, fd->name, value, name);
		return;
	}
	/* the current participations: those without a left date */
	struct parts_ent *pe = parts_of(c, key);
	if (c->fault)
		return;
	char(*cur)[81] = arena_calloc(c->a, 256, sizeof *cur);
	int ncur = 0;
	for (int i = 0; i < pe->n && ncur < 256; i++)
		if (str_empty(store_cs_get(&pe->rows[i], "left")))
			snprintf(cur[ncur++], 81, "%.80s",
				 store_cs_get(&pe->rows[i], "organisation_code"));
	if (list) {
		qsort(codes, (size_t)n, sizeof *codes, cmp_code);
		qsort(cur, (size_t)ncur, sizeof *cur, cmp_code);
		bool same = n == ncur;
		for (int i = 0; same && i < n; i++)
			same = strcmp(codes[i], cur[i]) == 0;
		if (!same) {
			char want[2000] = "", have[2000] = "";
			for (int i = 0; i < n; i++)
				snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s",
					 i ? ";" : "", codes[i]);
			for (int i = 0; i < ncur; i++)
				snprintf(have + strlen(have), sizeof have - strlen(have), "%s%s",
					 i ? ";" : "", cur[i]);
			problem(c, sh, row,
				"de lijst huidige deelnemers (%s) is niet gelijk aan de deelnames "
				"zonder einddatum na de andere wijzigingen (%s)",
				want, have);
			return;
		}
	}
	const char *confirmed = confirmed_date(c, sh, row);
	bool any = false;
	for (int i = 0; i < pe->n && !c->fault; i++) {
		struct cs_record *pr = &pe->rows[i];
		if (!str_empty(store_cs_get(pr, "left")))
			continue;
		const char *k = part_key(c, key, pr);
		const char *oname =
		    store_cs_get(rec_find(c, true, store_cs_get(pr, "organisation_code")), "name");
		struct cs_value v[2];
		int nv = 0;
		const char *pfield = list ? "source_id" : "body";
		if (list) {
			if (strcmp(store_cs_get(pr, "source_id"), s.key) != 0)
				v[nv++] = (struct cs_value){"source_id", s.key};
			if (strcmp(store_cs_get(pr, "last_confirmed"), confirmed) != 0)
				v[nv++] = (struct cs_value){"last_confirmed", confirmed};
		} else if (strcmp(store_cs_get(pr, "body"), value) != 0) {
			v[nv++] = (struct cs_value){"body", value};
		}
		const char *pval = list ? s.key : value;
		if (nv == 0) {
			if (prov_only(c, sh, row, "participation", k, part_audit(c, key, pr),
				      pfield, "fact", pval, &s, oname))
				any = true;
			continue;
		}
		any = true;
		for (int j = 0; j < nv; j++) {
			struct cs_change *ch =
			    change(c, sh, row, CS_UPDATE, "participation", k, v[j].field);
			ch->label = oname;
			ch->old_value = store_cs_get(pr, v[j].field);
			ch->new_value = v[j].value;
			ch->source_key = s.key;
			ch->confidence = s.confidence;
		}
		struct provenance_input p = prov_in("participation", k, pfield, "fact", pval, &s);
		write_part_update(c, pr, v, nv, &p);
	}
	if (!any)
		c->rep->n_unchanged++;
}

static void do_members(struct ctx *c, const struct sheet *sh)
{
	for (int row = 1; row < sh->nrows && !c->fault; row++)
		if (!blank(sh, row))
			do_member_row(c, sh, row);
}

/* ---------------------------------------------------------- the run */

static const struct sheet_kind *kind_of(const char *name)
{
	for (int i = 0; i < N_KINDS; i++)
		if (strcmp(sheet_kinds[i].name, name) == 0)
			return &sheet_kinds[i];
	return NULL;
}

/* The sheet of kind k in cs, or NULL. */
static const struct sheet *sheet_of(const struct changeset *cs, const struct sheet_kind *k)
{
	for (int i = 0; i < cs->n; i++)
		if (strcmp(cs->sheets[i].name, k->name) == 0)
			return &cs->sheets[i];
	return NULL;
}

/* Sheet names, required columns; false when the change set cannot be
 * walked at all. */
static void check_sheets(struct ctx *c, const struct changeset *cs)
{
	for (int i = 0; i < cs->n; i++) {
		const struct sheet *sh = &cs->sheets[i];
		const struct sheet_kind *k = kind_of(sh->name);
		if (!k) {
			char names[600] = "";
			for (int j = 0; j < N_KINDS; j++)
				snprintf(names + strlen(names), sizeof names - strlen(names),
					 "%s%s",
					 j == 0		    ? ""
					 : j == N_KINDS - 1 ? " of "
							    : ", ",
					 sheet_kinds[j].name);
			problem(c, sh, -1, "onbekend blad '%s': verwacht %s", sh->name, names);
			continue;
		}
		for (int j = 0; j < i; j++)
			if (strcmp(cs->sheets[j].name, sh->name) == 0)
				problem(c, sh, -1, "blad '%s' staat twee keer in de wijzigingen",
					sh->name);
		for (int j = 0; k->required && k->required[j]; j++)
			if (sheet_col(sh, k->required[j]) < 0)
				problem(c, sh, 0, "kolom '%s' ontbreekt", k->required[j]);
	}
}

static int run(struct ctx *c, const struct changeset *cs)
{
	c->title = cs->title ? cs->title : "wijzigingen";
	if (store_cs_first_event(c->st, c->title, &c->since) != STORE_OK)
		fault(c, "import opzoeken");
	check_sheets(c, cs);
	if (c->rep->n_problems)
		return 0;
	for (int i = 0; i < N_KINDS && !c->fault; i++) {
		const struct sheet_kind *k = &sheet_kinds[i];
		const struct sheet *sh = sheet_of(cs, k);
		if (!sh)
			continue;
		switch (k->kind) {
		case SK_SOURCES:
			do_sources(c, sh);
			break;
		case SK_NEW_ORGS:
			do_new_orgs(c, sh);
			break;
		case SK_ORG_CHANGES:
			do_field_changes(c, sh, true);
			break;
		case SK_NEW_COLLABS:
			do_new_collabs(c, sh);
			break;
		case SK_COLLAB_CHANGES:
			do_field_changes(c, sh, false);
			break;
		case SK_NEW_PARTS:
			do_new_parts(c, sh);
			break;
		case SK_PART_CHANGES:
			do_part_changes(c, sh);
			/* the membership statements close the registry part */
			{
				const struct sheet *cc =
				    sheet_of(cs, kind_of("collaboration_changes"));
				if (cc)
					do_members(c, cc);
			}
			break;
		case SK_EXTERNAL:
			if (c->w ? k->write(c->st, c->a, sh, c->min, c->w, c->rep)
				 : k->plan(c->st, c->a, sh, c->min, c->today, c->rep))
				fault(c, sh->name);
			break;
		}
	}
	/* statements without participation_changes still run, after the rest */
	if (!c->fault && !sheet_of(cs, kind_of("participation_changes"))) {
		const struct sheet *cc = sheet_of(cs, kind_of("collaboration_changes"));
		if (cc)
			do_members(c, cc);
	}
	return c->fault ? -1 : 0;
}

static void ctx_init(struct ctx *c, struct store *st, struct arena *a, const char *min,
		     const char *today, const struct write_ctx *w, struct cs_report *out, char *err,
		     size_t errlen)
{
	memset(c, 0, sizeof *c);
	memset(out, 0, sizeof *out);
	c->st = st;
	c->a = a;
	c->min = str_empty(min) ? "medium" : min;
	c->today = today;
	c->w = w;
	c->rep = out;
	c->err = err;
	c->errlen = errlen;
	if (err && errlen)
		err[0] = '\0';
}

int changeset_plan(struct store *st, struct arena *a, const struct changeset *cs,
		   const char *min_confidence, const char *today, struct cs_report *out, char *err,
		   size_t errlen)
{
	struct ctx c;
	char tb[11];
	if (str_empty(today)) {
		today_iso(tb);
		today = tb;
	}
	ctx_init(&c, st, a, min_confidence, today, NULL, out, err, errlen);
	if (!str_empty(min_confidence) && cs_confidence_rank(min_confidence) < 1) {
		problem(&c, NULL, -1, "minimale zekerheid '%s': gebruik medium of high",
			min_confidence);
		return 0;
	}
	return run(&c, cs);
}

int changeset_apply(struct store *st, struct arena *a, const struct changeset *cs,
		    const char *min_confidence, const struct write_ctx *w, struct cs_report *out,
		    char *err, size_t errlen)
{
	char tb[11];
	const char *today = w && !str_empty(w->today) ? w->today : (today_iso(tb), tb);
	if (changeset_plan(st, a, cs, min_confidence, today, out, err, errlen) != 0)
		return -1;
	if (out->n_problems || out->n_changes == 0)
		return 0;
	struct ctx c;
	struct cs_report done;
	int64_t batch = 0;
	if (store_batch_begin(st) != STORE_OK) {
		snprintf(err, errlen, "databasefout bij import starten");
		return -1;
	}
	if (store_import_batch_begin(st, w, cs->title ? cs->title : "wijzigingen", &batch) !=
	    STORE_OK) {
		store_batch_end(st, false);
		snprintf(err, errlen, "databasefout bij import starten");
		return -1;
	}
	ctx_init(&c, st, a, min_confidence, today, w, &done, err, errlen);
	int rc = run(&c, cs);
	if (rc != 0 || done.n_problems || done.n_changes == 0) {
		/* a fault, or the registry changed between plan and write (another
		 * writer got there first): nothing is kept, not even the batch */
		store_batch_end(st, false);
		if (rc == 0)
			*out = done;
		return rc;
	}
	if (store_import_batch_end(st, batch, done.n_changes) != STORE_OK ||
	    store_batch_end(st, true) != STORE_OK) {
		store_batch_end(st, false);
		snprintf(err, errlen, "databasefout bij import vastleggen");
		return -1;
	}
	done.batch_id = batch;
	*out = done;
	app_after_write();
	return 0;
}

/* ---------------------------------------------------------- reading a folder */

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

int changeset_read_dir(struct arena *a, const char *dir, struct changeset *cs, char *err,
		       size_t errlen)
{
	memset(cs, 0, sizeof *cs);
	if (err && errlen)
		err[0] = '\0';
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errlen, "kan de map %s niet openen: %s", dir, strerror(errno));
		return -1;
	}
	const char *names[CS_MAX_FILES];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len <= 4 || e->d_name[0] == '.' || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		if (n == CS_MAX_FILES) {
			closedir(d);
			snprintf(err, errlen, "%s: meer dan %d CSV-bestanden", dir, CS_MAX_FILES);
			return -1;
		}
		names[n++] = arena_strdup(a, e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], cmp_str);
	cs->sheets = arena_calloc(a, (size_t)(n ? n : 1), sizeof *cs->sheets);
	for (int i = 0; i < n; i++) {
		const char *path = arena_printf(a, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		if (!f) {
			snprintf(err, errlen, "kan %s niet lezen: %s", path, strerror(errno));
			return -1;
		}
		struct stat sb;
		if (fstat(fileno(f), &sb) != 0 || sb.st_size > (off_t)CS_MAX_FILE_BYTES) {
			fclose(f);
			snprintf(err, errlen, "%s is groter dan %u MB", path,
				 CS_MAX_FILE_BYTES >> 20);
			return -1;
		}
		size_t size = (size_t)sb.st_size;
		char *data = arena_alloc(a, size + 1);
		size_t got = fread(data, 1, size, f);
		fclose(f);
		if (got != size) {
			snprintf(err, errlen, "kan %s niet lezen", path);
			return -1;
		}
		const char *sheet_name = arena_strndup(a, names[i], strlen(names[i]) - 4);
		if (sheet_read_csv(a, data, size, sheet_name, names[i], &cs->sheets[cs->n], err,
				   errlen) != 0)
			return -1;
		cs->n++;
	}
	/* the title: the folder's last path element */
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	const char *base = dir;
	for (size_t i = 0; i < dl; i++)
		if (dir[i] == '/' && i + 1 < dl)
			base = dir + i + 1;
	cs->title = arena_strndup(a, base, (size_t)(dir + dl - base));
	return 0;
}
