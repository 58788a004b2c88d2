/*
 * officeholders — the change-set table "office_holders": public office
 * holders with their offices and seats, each row with its source; see
 * officeholders.h and docs/import.md ("office_holders").
 *
 * Rules (decided here, documented in docs/import.md):
 *   - A row is an office (burgemeester, waarnemend burgemeester = kind
 *     burgemeester with acting, commissaris van de Koning = cdk,
 *     gedeputeerde with portfolio, dijkgraaf) at organisation_code, or —
 *     when collaboration_key is set — a seat in body of that collaboration
 *     on behalf of organisation_code.
 *   - The person: within one sheet one name is one person (Gert-Jan Kats is
 *     burgemeester of one gemeente and waarnemer in another). In the
 *     registry, a person with exactly that name and an office or seat at one
 *     of the organisations the sheet names for them; else a new person
 *     (key from the name, domain/slug.c). Only the name is stored.
 *   - start_date: YYYY-MM-DD, or YYYY-MM stored as the first of that month
 *     with a provenance note saying only the month is known; empty allowed
 *     (unknown; an empty cell never clears a known date or portfolio).
 *   - The row's source becomes a source row (key "web-<slug of host and
 *     path>-<8 hex digits of the URL's FNV-1a hash>", or the existing
 *     source with that URL), kind from provenance_kind_guess, publisher the
 *     URL's host; the office or seat gets provenance (field "record",
 *     status fact) with the row's source date and confidence.
 *   - Every confidence is imported: office holders are not claims about
 *     the future but the latest a source says, so a low row is shown as
 *     "mogelijk verouderd" with its source rather than hidden.
 *     min_confidence therefore does not filter this table.
 *   - A new burgemeester, waarnemend burgemeester, commissaris van de
 *     Koning or dijkgraaf with a start date ends the office of the same
 *     kind (and acting flag) that another person held there since an
 *     earlier date, on that start date (the successor's row is the source
 *     of the end). Gedeputeerden are a college: nothing is ended.
 *   - Idempotent: a row that matches a current office or seat with the
 *     same dates and the same provenance is unchanged.
 *   - Nothing else a row holds (note, retrieved) is stored; the note may
 *     mention circumstances that are not the register's business.
 */
#include "officeholders.h"

#include "../domain/people.h"
#include "../domain/provenance.h"
#include "../domain/slug.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../store/store_officeholders.h"
#include "../store/store_provenance.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/*
 * ---- the report: arrays in arena a --------------------------------------
 * app/changeset.c appends to the same arrays with its own capacity counter
 * (16, then doubling when full). This appender keeps an array's room at
 * least max(16, the next power of two >= n) and, when it moves the array,
 * gives it max(16, 2n) — never less than any capacity the change-set code
 * may still count on — so appends of both stay in bounds.
 */
static void *grow(struct arena *a, void *arr, int n, size_t elem)
{
	if (n > 0 && (n < 16 || (n & (n - 1)) != 0))
		return arr; /* room left (see above) */
	int cap = n < 8 ? 16 : n * 2;
	void *m = arena_calloc(a, (size_t)cap, elem);
	if (m && n)
		memcpy(m, arr, (size_t)n * elem);
	return m;
}

static void problem(struct arena *a, struct cs_report *rep, const struct sheet *sh, int line,
		    const char *msg)
{
	struct cs_problem *p = grow(a, rep->problems, rep->n_problems, sizeof *p);
	if (!p)
		return;
	rep->problems = p;
	p[rep->n_problems++] = (struct cs_problem){sh->file ? sh->file : sh->name, line, msg};
}

static struct cs_change *change(struct arena *a, struct cs_report *rep, const struct sheet *sh,
				int line, enum cs_op op, const char *entity)
{
	struct cs_change *c = grow(a, rep->changes, rep->n_changes, sizeof *c);
	if (!c)
		return NULL;
	rep->changes = c;
	struct cs_change *x = &c[rep->n_changes++];
	*x = (struct cs_change){.file = sh->file ? sh->file : sh->name,
				.line = line,
				.op = op,
				.entity = entity,
				.key = "",
				.label = "",
				.field = "",
				.field_label = "",
				.old_value = "",
				.new_value = "",
				.source_key = "",
				.confidence = ""};
	return x;
}

/* ---- the sheet ---------------------------------------------------------- */

enum col {
	C_ORG,
	C_NAME,
	C_OFFICE,
	C_PORTFOLIO,
	C_COLLAB,
	C_BODY,
	C_START,
	C_URL,
	C_TITLE,
	C_SDATE,
	C_RETRIEVED,
	C_CONF,
	C_COUNT
};

static const char *const col_names[C_COUNT] = {
    "organisation_code", "person_name", "office",     "portfolio",
    "collaboration_key", "body",	"start_date", "source_url",
    "source_title",	 "source_date", "retrieved",  "confidence",
};

/* Columns a sheet must have; the others may be absent. */
static bool col_required(enum col c)
{
	return c == C_ORG || c == C_NAME || c == C_OFFICE || c == C_START || c == C_URL ||
	       c == C_CONF;
}

static const char *cell(const struct sheet *sh, int row, int col)
{
	if (col < 0 || col >= sh->ncols || row < 0 || row >= sh->nrows || !sh->cells[row])
		return "";
	const char *v = sh->cells[row][col];
	return v ? v : "";
}

/* v without leading and trailing blanks, in arena a. */
static const char *str_trim_dup(struct arena *a, const char *v)
{
	while (*v == ' ' || *v == '\t')
		v++;
	size_t n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r'))
		n--;
	return arena_printf(a, "%.*s", (int)n, v);
}

/* One row, read and checked. */
struct row {
	int line;
	const char *v[C_COUNT];
	bool is_seat;
	const char *kind;  /* office api value, or seat body api value */
	bool acting;	   /* waarnemend */
	const char *from;  /* YYYY-MM-DD or "" */
	const char *note;  /* provenance note ("" or the month-only date) */
	const char *label; /* the office as the reader sees it */
	const char *org_name;
};

/* The office column's words and what they mean. */
static const struct {
	const char *words, *kind;
	bool acting;
} office_words[] = {
    {"burgemeester", "burgemeester", false},	 {"waarnemend burgemeester", "burgemeester", true},
    {"commissaris van de koning", "cdk", false}, {"gedeputeerde", "gedeputeerde", false},
    {"dijkgraaf", "dijkgraaf", false},
};

/* The words of a seat row's office column. */
static const char *const seat_words[] = {
    "voorzitter algemeen bestuur", "voorzitter",  "lid algemeen bestuur",
    "lid dagelijks bestuur",	   "lid bestuur",
};

/* The organisation kind (db code) an office belongs to. */
static const char *office_org_kind(const char *kind)
{
	if (strcmp(kind, "burgemeester") == 0)
		return "municipality";
	if (strcmp(kind, "dijkgraaf") == 0)
		return "water_board";
	return "province"; /* cdk, gedeputeerde */
}

static bool ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a | 0x20) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b | 0x20) : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

/* YYYY, YYYY-MM or YYYY-MM-DD (a source's own date). */
static bool partial_date(const char *s)
{
	size_t n = strlen(s);
	if (n == 10)
		return is_iso_date(s);
	char buf[11];
	if (n == 7) {
		snprintf(buf, sizeof buf, "%s-01", s);
		return is_iso_date(buf);
	}
	if (n == 4) {
		snprintf(buf, sizeof buf, "%s-01-01", s);
		return is_iso_date(buf);
	}
	return false;
}

/* ---- the run: plan (w NULL) or write ------------------------------------ */

struct known_person {
	const char *name, *key;
	bool pending; /* created by this sheet (plan: not yet) */
};

struct known_source {
	const char *url, *key;
};

struct run {
	struct store *st;
	struct arena *a;
	const struct sheet *sh;
	const char *today;
	const struct write_ctx *w; /* NULL: plan */
	struct cs_report *rep;
	int col[C_COUNT];
	struct known_person *people;
	int n_people;
	struct known_source *sources;
	int n_sources;
};

static int row_problem(struct run *x, const struct row *r, const char *msg)
{
	problem(x->a, x->rep, x->sh, r->line, msg);
	return 1;
}

/* Read and check row i; 0 when usable, 1 when problems were reported, -1
 * on a database fault. */
static int read_row(struct run *x, int i, struct row *r)
{
	struct arena *a = x->a;
	memset(r, 0, sizeof *r);
	r->line = x->sh->line ? x->sh->line[i] : i + 1;
	for (int c = 0; c < C_COUNT; c++)
		r->v[c] = str_trim_dup(a, cell(x->sh, i, x->col[c]));
	int bad = 0;
	struct oh_org org;
	if (!*r->v[C_ORG])
		bad |= row_problem(x, r, "organisation_code ontbreekt.");
	else if (store_officeholders_org(x->st, a, r->v[C_ORG], &org) != STORE_OK)
		return -1;
	else if (!org.found)
		bad |= row_problem(x, r,
				   arena_printf(a, "Onbekende organisatiecode '%s'.", r->v[C_ORG]));
	r->org_name = org.found ? org.name : r->v[C_ORG];
	if (!*r->v[C_NAME])
		bad |= row_problem(x, r, "person_name ontbreekt.");
	else if (strlen(r->v[C_NAME]) > 800)
		bad |= row_problem(x, r, "person_name is te lang.");

	const char *office = r->v[C_OFFICE];
	r->is_seat = *r->v[C_COLLAB] != '\0';
	if (r->is_seat) {
		bool known = false;
		for (size_t k = 0; k < sizeof seat_words / sizeof seat_words[0]; k++)
			known = known || ieq(office, seat_words[k]);
		char body[64];
		snprintf(body, sizeof body, "%s", r->v[C_BODY]);
		for (char *p = body; *p; p++)
			if (*p == ' ')
				*p = '-';
		int b = label_from_api(seat_body_labels, SEAT_BODY_COUNT, body);
		if (!known)
			bad |= row_problem(
			    x, r,
			    arena_printf(a,
					 "Onbekende functie '%s' voor een zetel; toegestaan: "
					 "voorzitter algemeen bestuur, lid algemeen bestuur, lid "
					 "dagelijks bestuur, lid bestuur.",
					 office));
		if (b < 0)
			bad |= row_problem(
			    x, r,
			    arena_printf(a,
					 "Onbekend orgaan '%s'; toegestaan: voorzitter, "
					 "algemeen-bestuur, dagelijks-bestuur, bestuur, "
					 "portefeuillehoudersoverleg, adviescommissie.",
					 r->v[C_BODY]));
		else
			r->kind = seat_body_labels[b].api;
		r->label = arena_strdup(a, office);
		struct oh_collab c;
		if (store_officeholders_collab(x->st, a, r->v[C_COLLAB], &c) != STORE_OK)
			return -1;
		if (!c.found) {
			bad |= row_problem(
			    x, r,
			    arena_printf(a, "Onbekend samenwerkingsverband '%s'.", r->v[C_COLLAB]));
		} else if (b >= 0) {
			char msg[256];
			if (!seat_body_allowed(c.lf, c.kind, (enum seat_body)b, msg, sizeof msg))
				bad |= row_problem(x, r, arena_strdup(a, msg));
		}
	} else {
		int k = -1;
		for (size_t j = 0; j < sizeof office_words / sizeof office_words[0]; j++)
			if (ieq(office, office_words[j].words))
				k = (int)j;
		if (k < 0) {
			bad |= row_problem(
			    x, r,
			    arena_printf(a,
					 "Onbekende functie '%s'; toegestaan: burgemeester, "
					 "waarnemend burgemeester, commissaris van de Koning, "
					 "gedeputeerde, dijkgraaf (of een zetel met "
					 "collaboration_key en body).",
					 office));
		} else {
			r->kind = office_words[k].kind;
			r->acting = office_words[k].acting;
			r->label = office_words[k].words;
			if (org.found && strcmp(org.kind, office_org_kind(r->kind)) != 0)
				bad |= row_problem(x, r,
						   arena_printf(a, "Een %s hoort niet bij %s (%s).",
								office_words[k].words, org.name,
								r->v[C_ORG]));
		}
		if (*r->v[C_PORTFOLIO] && (k < 0 || strcmp(r->kind, "gedeputeerde") != 0))
			bad |= row_problem(x, r,
					   "Een portefeuille (portfolio) hoort alleen bij een "
					   "gedeputeerde.");
	}

	const char *start = r->v[C_START];
	r->from = "";
	r->note = "";
	if (*start) {
		char buf[11];
		if (strlen(start) == 7)
			snprintf(buf, sizeof buf, "%s-01", start);
		else
			snprintf(buf, sizeof buf, "%s", start);
		if ((strlen(start) != 7 && strlen(start) != 10) || !is_iso_date(buf)) {
			bad |= row_problem(x, r,
					   arena_printf(a,
							"Ongeldige begindatum '%s' (verwacht "
							"JJJJ-MM-DD of JJJJ-MM).",
							start));
		} else {
			r->from = arena_strdup(a, buf);
			if (strlen(start) == 7)
				r->note = arena_printf(
				    a, "Begindatum volgens de bron alleen als maand bekend (%s).",
				    start);
		}
	}
	if (*r->v[C_SDATE] && !partial_date(r->v[C_SDATE]))
		bad |= row_problem(x, r,
				   arena_printf(a,
						"Ongeldige brondatum '%s' (verwacht JJJJ-MM-DD, "
						"JJJJ-MM of JJJJ).",
						r->v[C_SDATE]));
	const char *url = r->v[C_URL];
	if (!*url)
		bad |= row_problem(x, r, "De bron ontbreekt (source_url).");
	else if ((strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0) ||
		 strlen(url) > 2000 || strpbrk(url, " \t\r\n\"<>"))
		bad |= row_problem(x, r, arena_printf(a, "Ongeldige bron-URL '%.200s'.", url));
	const char *conf = r->v[C_CONF];
	if (strcmp(conf, "high") != 0 && strcmp(conf, "medium") != 0 && strcmp(conf, "low") != 0)
		bad |= row_problem(x, r,
				   arena_printf(a,
						"Ongeldige zekerheid '%s' (confidence: high, "
						"medium of low).",
						conf));
	if (!bad && r->is_seat) {
		int p = store_officeholders_participates(x->st, r->v[C_COLLAB], r->v[C_ORG],
							 r->from, "");
		if (p < 0)
			return -1;
		if (!p)
			bad |= row_problem(x, r,
					   arena_printf(a, "%s neemt niet deel aan '%s'.",
							r->org_name, r->v[C_COLLAB]));
	}
	return bad;
}

/* The deterministic source key of a URL (see the header comment). */
static const char *source_key_of(struct arena *a, const char *url)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		h ^= *p;
		h *= 16777619u;
	}
	const char *rest = strstr(url, "://");
	rest = rest ? rest + 3 : url;
	if (strncmp(rest, "www.", 4) == 0)
		rest += 4;
	char base[64];
	slug_make(rest, 48, "bron", base, sizeof base);
	return arena_printf(a, "web-%s-%08x", base, (unsigned)h);
}

/* The host of a URL without "www." (the publisher of a web source). */
static const char *host_of(struct arena *a, const char *url)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	if (strncmp(h, "www.", 4) == 0)
		h += 4;
	size_t n = strcspn(h, "/?#:");
	return arena_printf(a, "%.*s", (int)n, h);
}

/* The source of row r: an existing one, one this sheet adds, or a new one
 * (reported; written when writing). *key gets its key. */
static int row_source(struct run *x, const struct row *r, const char **key)
{
	const char *url = r->v[C_URL];
	for (int i = 0; i < x->n_sources; i++)
		if (strcmp(x->sources[i].url, url) == 0) {
			*key = x->sources[i].key;
			return 0;
		}
	const char *want = source_key_of(x->a, url), *found = "";
	if (store_officeholders_source_find(x->st, x->a, want, url, &found) != STORE_OK)
		return -1;
	*key = *found ? found : want;
	if (!*found) {
		const char *title = *r->v[C_TITLE] ? r->v[C_TITLE] : url;
		const char *publisher = host_of(x->a, url);
		struct oh_source src = {
		    .key = want,
		    .title = title,
		    .publisher = publisher,
		    .url = url,
		    .reference_date = r->v[C_SDATE],
		    .retrieved = r->v[C_RETRIEVED],
		    .kind = provenance_own_site(url, r->org_name)
				? SOURCE_KIND_GOVERNMENT
				: provenance_kind_guess(url, title, publisher),
		};
		if (x->w && store_officeholders_source_add(x->st, x->w, &src) != STORE_OK)
			return -1;
		struct cs_change *c = change(x->a, x->rep, x->sh, r->line, CS_ADD, "source");
		if (c) {
			c->key = want;
			c->label = title;
			c->new_value = url;
			c->source_key = want;
			c->confidence = r->v[C_CONF];
		}
	}
	struct known_source *s = grow(x->a, x->sources, x->n_sources, sizeof *s);
	if (!s)
		return -1;
	x->sources = s;
	s[x->n_sources++] = (struct known_source){url, *key};
	return 0;
}

/* The person of row r (see the header comment); *key "" in a plan for a
 * person the sheet creates. */
static int row_person(struct run *x, const struct row *r, const char **key, bool *created)
{
	const char *name = r->v[C_NAME];
	*created = false;
	for (int i = 0; i < x->n_people; i++)
		if (strcmp(x->people[i].name, name) == 0) {
			*key = x->people[i].key;
			*created = x->people[i].pending;
			return 0;
		}
	/* every organisation the sheet names for this person */
	const char **orgs = arena_calloc(x->a, (size_t)x->sh->nrows + 1, sizeof *orgs);
	int n = 0;
	for (int i = 1; orgs && i < x->sh->nrows; i++) {
		const char *nm = str_trim_dup(x->a, cell(x->sh, i, x->col[C_NAME]));
		if (strcmp(nm, name) == 0)
			orgs[n++] = str_trim_dup(x->a, cell(x->sh, i, x->col[C_ORG]));
	}
	const char *found = "";
	if (!orgs || store_officeholders_person(x->st, x->a, name, orgs, n, &found) != STORE_OK)
		return -1;
	bool pending = false;
	if (*found) {
		*key = found;
	} else {
		pending = true;
		char base[80], made[96] = "";
		slug_make(name, 70, "persoon", base, sizeof base);
		if (x->w) {
			struct person_input in = {.name = name};
			struct field_errors e = {0};
			int rc = store_person_create(x->st, x->w, &in, made, sizeof made, &e);
			if (rc == STORE_ERR_INVALID) {
				row_problem(x, r,
					    arena_printf(x->a, "De naam is niet bruikbaar: %s",
							 e.n ? e.e[0].message : "ongeldig"));
				return 1;
			}
			if (rc != STORE_OK)
				return -1;
		}
		*key = arena_strdup(x->a, x->w ? made : "");
		struct cs_change *c = change(x->a, x->rep, x->sh, r->line, CS_ADD, "person");
		if (c) {
			c->key = x->w ? *key : arena_strdup(x->a, base);
			c->label = name;
			c->new_value = name;
			c->confidence = r->v[C_CONF];
		}
	}
	struct known_person *p = grow(x->a, x->people, x->n_people, sizeof *p);
	if (!p)
		return -1;
	x->people = p;
	p[x->n_people++] = (struct known_person){name, *key, pending};
	*created = pending;
	return 0;
}

/* Provenance of the office or seat (entity, key) as row r gives it:
 * unchanged (0), reported and written when writing (1), -1 on a fault. */
static int row_provenance(struct run *x, const struct row *r, const char *entity, const char *key,
			  const char *source_key, bool is_new, const char *label)
{
	struct provenance_input in = {
	    .entity = entity,
	    .entity_key = key,
	    .field = "record",
	    .status = "fact",
	    .value = r->label,
	    .source_key = source_key,
	    .source_date = r->v[C_SDATE],
	    .confidence = r->v[C_CONF],
	    .note = r->note,
	};
	if (!is_new) {
		struct provenance_row *rows = NULL;
		int n = 0;
		if (store_provenance_of(x->st, x->a, entity, key, false, &rows, &n) != STORE_OK)
			return -1;
		for (int i = 0; i < n; i++)
			if (strcmp(rows[i].field, "record") == 0 &&
			    strcmp(rows[i].status, "fact") == 0 &&
			    strcmp(rows[i].source_key, source_key) == 0 &&
			    strcmp(rows[i].source_date, in.source_date) == 0 &&
			    strcmp(rows[i].confidence, in.confidence) == 0 &&
			    strcmp(rows[i].note, in.note) == 0 &&
			    strcmp(rows[i].value, in.value) == 0)
				return 0;
		struct cs_change *c = change(x->a, x->rep, x->sh, r->line, CS_PROVENANCE, entity);
		if (c) {
			c->key = key;
			c->label = label;
			c->field = "record";
			c->field_label = "Bron";
			c->new_value = source_key;
			c->source_key = source_key;
			c->confidence = r->v[C_CONF];
		}
	}
	if (x->w && store_provenance_put(x->st, x->w, &in) != STORE_OK)
		return -1;
	return 1;
}

static void field_change(struct run *x, const struct row *r, const char *entity, const char *key,
			 const char *label, const char *field, const char *field_label,
			 const char *old, const char *new, const char *source_key)
{
	struct cs_change *c = change(x->a, x->rep, x->sh, r->line, CS_UPDATE, entity);
	if (!c)
		return;
	c->key = key;
	c->label = label;
	c->field = field;
	c->field_label = field_label;
	c->old_value = old;
	c->new_value = new;
	c->source_key = source_key;
	c->confidence = r->v[C_CONF];
}

/* Offices one person holds at a time per organisation (and acting flag):
 * a new holder ends the one before. Not gedeputeerden (a college). */
static bool single_holder(const char *kind)
{
	return strcmp(kind, "burgemeester") == 0 || strcmp(kind, "cdk") == 0 ||
	       strcmp(kind, "dijkgraaf") == 0;
}

/*
 * A new office of row r with a start date ends the office of the same kind
 * (and acting flag) that another person holds at the organisation and
 * that started before it, on that date (CS_END, with r's source as the
 * source of the end date). An office that started on or after it, or a row
 * without a start date, ends nothing. 0, 1 (problem), -1.
 */
static int end_predecessors(struct run *x, const struct row *r, const char *person_key,
			    const char *source_key)
{
	if (!single_holder(r->kind) || !*r->from)
		return 0;
	struct office *of = NULL;
	int n = 0;
	if (store_offices_of_org(x->st, x->a, r->v[C_ORG], &of, &n) != STORE_OK)
		return -1;
	for (int i = 0; i < n; i++) {
		const struct office *f = &of[i];
		if (strcmp(office_labels[f->kind].api, r->kind) != 0 || f->acting != r->acting ||
		    (*person_key && strcmp(f->person_key, person_key) == 0) ||
		    (*f->to && strcmp(f->to, x->today) <= 0) || !*f->from ||
		    strcmp(f->from, r->from) >= 0 || (*f->to && strcmp(f->to, r->from) <= 0))
			continue;
		const char *key = arena_printf(x->a, "%s/%lld", f->org_code, (long long)f->id);
		const char *label =
		    arena_printf(x->a, "%s — %s bij %s", f->person_name, r->label, r->org_name);
		if (x->w) {
			struct field_errors e = {0};
			int rc = store_office_end(x->st, x->w, f->id, r->from, &e);
			if (rc == STORE_ERR_INVALID)
				return row_problem(
				    x, r,
				    arena_printf(x->a, "Vorige functie niet te beëindigen: %s",
						 e.n ? e.e[0].message : "ongeldig"));
			if (rc != STORE_OK)
				return -1;
			struct provenance_input in = {.entity = "office",
						      .entity_key = key,
						      .field = "to_date",
						      .status = "fact",
						      .value = r->from,
						      .source_key = source_key,
						      .source_date = r->v[C_SDATE],
						      .confidence = r->v[C_CONF],
						      .note = "Opgevolgd volgens deze bron."};
			if (store_provenance_put(x->st, x->w, &in) != STORE_OK)
				return -1;
		}
		struct cs_change *c = change(x->a, x->rep, x->sh, r->line, CS_END, "office");
		if (c) {
			c->key = key;
			c->label = label;
			c->field = "to_date";
			c->field_label = "Einddatum";
			c->old_value = f->to;
			c->new_value = r->from;
			c->source_key = source_key;
			c->confidence = r->v[C_CONF];
		}
	}
	return 0;
}

/* An office row: add or compare and update. 0, 1 (problem), -1. */
static int row_office(struct run *x, const struct row *r, const char *person_key, bool new_person,
		      const char *source_key)
{
	struct arena *a = x->a;
	const char *label = arena_printf(a, "%s — %s bij %s", r->v[C_NAME], r->label, r->org_name);
	struct office f;
	memset(&f, 0, sizeof f);
	if (!new_person && store_officeholders_office(x->st, a, person_key, r->v[C_ORG], r->kind,
						      x->today, &f) != STORE_OK)
		return -1;
	if (f.id == 0) {
		const char *key = arena_printf(a, "%s/nieuw", r->v[C_ORG]);
		if (x->w) {
			struct office_input in = {.org_code = r->v[C_ORG],
						  .kind = r->kind,
						  .portfolio = r->v[C_PORTFOLIO],
						  .from = r->from,
						  .to = "",
						  .acting = r->acting};
			struct field_errors e = {0};
			int64_t id = 0;
			int rc = store_office_add(x->st, x->w, person_key, &in, &id, &e);
			if (rc == STORE_ERR_INVALID)
				return row_problem(x, r,
						   arena_printf(a,
								"Functie niet vast te leggen: %s",
								e.n ? e.e[0].message : "ongeldig"));
			if (rc != STORE_OK)
				return -1;
			key = arena_printf(a, "%s/%lld", r->v[C_ORG], (long long)id);
		}
		struct cs_change *c = change(a, x->rep, x->sh, r->line, CS_ADD, "office");
		if (c) {
			c->key = key;
			c->label = label;
			c->new_value = r->label;
			c->source_key = source_key;
			c->confidence = r->v[C_CONF];
		}
		if (row_provenance(x, r, "office", key, source_key, true, label) < 0)
			return -1;
		return end_predecessors(x, r, person_key, source_key);
	}
	const char *key = arena_printf(a, "%s/%lld", f.org_code, (long long)f.id);
	const char *from = *r->from ? r->from : f.from;
	const char *portfolio = *r->v[C_PORTFOLIO] ? r->v[C_PORTFOLIO] : f.portfolio;
	bool changed = false;
	if (strcmp(from, f.from) != 0) {
		field_change(x, r, "office", key, label, "from_date", "Begindatum", f.from, from,
			     source_key);
		changed = true;
	}
	if (strcmp(portfolio, f.portfolio) != 0) {
		field_change(x, r, "office", key, label, "portfolio", "Portefeuille", f.portfolio,
			     portfolio, source_key);
		changed = true;
	}
	if (r->acting != f.acting) {
		field_change(x, r, "office", key, label, "acting", "Waarnemend",
			     f.acting ? "ja" : "nee", r->acting ? "ja" : "nee", source_key);
		changed = true;
	}
	if (changed && x->w) {
		if (store_officeholders_office_set(x->st, x->w, f.id, from, portfolio, r->acting) !=
		    STORE_OK)
			return -1;
	}
	int p = row_provenance(x, r, "office", key, source_key, false, label);
	if (p < 0)
		return -1;
	if (!changed && p == 0)
		x->rep->n_unchanged++;
	return 0;
}

/* A seat row: add or compare and update. 0, 1 (problem), -1. */
static int row_seat(struct run *x, const struct row *r, const char *person_key, bool new_person,
		    const char *source_key)
{
	struct arena *a = x->a;
	const char *label = arena_printf(a, "%s — %s van %s (namens %s)", r->v[C_NAME], r->label,
					 r->v[C_COLLAB], r->org_name);
	struct seat t;
	memset(&t, 0, sizeof t);
	if (!new_person && store_officeholders_seat(x->st, a, person_key, r->v[C_COLLAB], r->kind,
						    r->v[C_ORG], x->today, &t) != STORE_OK)
		return -1;
	if (t.id == 0) {
		const char *key = arena_printf(a, "%s/nieuw", r->v[C_COLLAB]);
		if (x->w) {
			struct seat_input in = {.collab_key = r->v[C_COLLAB],
						.org_code = r->v[C_ORG],
						.body = r->kind,
						.from = r->from,
						.to = ""};
			struct field_errors e = {0};
			int64_t id = 0;
			int rc = store_seat_add(x->st, x->w, person_key, &in, &id, &e);
			if (rc == STORE_ERR_INVALID)
				return row_problem(x, r,
						   arena_printf(a, "Zetel niet vast te leggen: %s",
								e.n ? e.e[0].message : "ongeldig"));
			if (rc != STORE_OK)
				return -1;
			key = arena_printf(a, "%s/%lld", r->v[C_COLLAB], (long long)id);
		}
		struct cs_change *c = change(a, x->rep, x->sh, r->line, CS_ADD, "seat");
		if (c) {
			c->key = key;
			c->label = label;
			c->new_value = r->label;
			c->source_key = source_key;
			c->confidence = r->v[C_CONF];
		}
		return row_provenance(x, r, "seat", key, source_key, true, label) < 0 ? -1 : 0;
	}
	const char *key = arena_printf(a, "%s/%lld", t.collab_key, (long long)t.id);
	bool changed = false;
	if (*r->from && strcmp(r->from, t.from) != 0) {
		field_change(x, r, "seat", key, label, "from_date", "Begindatum", t.from, r->from,
			     source_key);
		changed = true;
		if (x->w && store_officeholders_seat_set(x->st, x->w, t.id, r->from) != STORE_OK)
			return -1;
	}
	int p = row_provenance(x, r, "seat", key, source_key, false, label);
	if (p < 0)
		return -1;
	if (!changed && p == 0)
		x->rep->n_unchanged++;
	return 0;
}

static int run(struct run *x)
{
	const struct sheet *sh = x->sh;
	if (sh->nrows < 1 || !sh->cells || !sh->cells[0]) {
		problem(x->a, x->rep, sh, 0, "Het blad is leeg: de kopregel ontbreekt.");
		return 0;
	}
	bool header_ok = true;
	for (int c = 0; c < C_COUNT; c++) {
		x->col[c] = -1;
		for (int k = 0; k < sh->ncols; k++)
			if (strcmp(str_trim_dup(x->a, cell(sh, 0, k)), col_names[c]) == 0)
				x->col[c] = k;
		if (x->col[c] < 0 && col_required((enum col)c)) {
			problem(x->a, x->rep, sh, sh->line ? sh->line[0] : 1,
				arena_printf(x->a, "Kolom '%s' ontbreekt in de kopregel.",
					     col_names[c]));
			header_ok = false;
		}
	}
	if (!header_ok)
		return 0;
	/* check every row first: a sheet with a problem changes nothing */
	struct row *rows = arena_calloc(x->a, (size_t)sh->nrows, sizeof *rows);
	if (!rows)
		return -1;
	int problems = 0;
	for (int i = 1; i < sh->nrows; i++) {
		int rc = read_row(x, i, &rows[i]);
		if (rc < 0)
			return -1;
		problems += rc;
	}
	if (problems)
		return 0;
	for (int i = 1; i < sh->nrows; i++) {
		const struct row *r = &rows[i];
		const char *source_key = "", *person_key = "";
		bool new_person = false;
		int rc = row_source(x, r, &source_key);
		if (rc == 0)
			rc = row_person(x, r, &person_key, &new_person);
		if (rc == 0)
			rc = r->is_seat
				 ? row_seat(x, r, person_key, new_person && !x->w, source_key)
				 : row_office(x, r, person_key, new_person && !x->w, source_key);
		if (rc < 0)
			return -1;
		if (rc > 0 && x->w)
			return 0; /* a problem while writing: the caller rolls back */
	}
	return 0;
}

int officeholders_plan(struct store *st, struct arena *a, const struct sheet *sh,
		       const char *min_confidence, const char *today, struct cs_report *rep)
{
	(void)min_confidence; /* every row is imported; see the header comment */
	char t[11];
	if (!today || !is_iso_date(today)) {
		today_iso(t);
		today = t;
	}
	struct run x = {.st = st, .a = a, .sh = sh, .today = arena_strdup(a, today), .rep = rep};
	return run(&x);
}

int officeholders_write(struct store *st, struct arena *a, const struct sheet *sh,
			const char *min_confidence, const struct write_ctx *w,
			struct cs_report *rep)
{
	(void)min_confidence;
	char t[11];
	const char *today = w && w->today && is_iso_date(w->today) ? w->today : NULL;
	if (!today) {
		today_iso(t);
		today = t;
	}
	struct run x = {
	    .st = st, .a = a, .sh = sh, .today = arena_strdup(a, today), .w = w, .rep = rep};
	return run(&x);
}
