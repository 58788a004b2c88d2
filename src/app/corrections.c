/*
 * corrections — the rules of proposed corrections; see corrections.h.
 */
#include "corrections.h"
#include "accounts.h"
#include "policy.h"
#include "../domain/fields.h"
#include "../domain/provenance.h"
#include "../domain/snapshot.h"
#include "../domain/validate.h"
#include "../domain/validate_write.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../store/store_provenance.h"
#include "../store/store_write.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- the fields a proposal may name ------------------------------------------ */

static const struct corr_field collab_fields[] = {
    {"naam", "Naam", "name", CI_TEXT, NULL, 0},
    {"korteNaam", "Korte naam", "short_name", CI_TEXT, NULL, 0},
    {"juridischeVorm", "Juridische vorm", "legal_form", CI_SELECT, legal_form_labels, LF_COUNT},
    {"fase", "Fase", "phase", CI_SELECT, phase_labels, PHASE_COUNT},
    {"doel", "Doel", "purpose", CI_TEXTAREA, NULL, 0},
    {"vestigingsplaats", "Vestigingsplaats", "seat", CI_TEXT, NULL, 0},
    {"startdatum", "Startdatum", "start_date", CI_DATE, NULL, 0},
    {"einddatum", "Einddatum", "end_date", CI_DATE, NULL, 0},
    {"website", "Website", "website", CI_URL, NULL, 0},
    {"opmerking", "Opmerking", "note", CI_TEXTAREA, NULL, 0},
    {CORRECTIONS_FREE_FIELD, "Iets anders, zoals een ontbrekende of vertrokken deelnemer", "",
     CI_FREE, NULL, 0},
};

static const struct corr_field org_fields[] = {
    {"naam", "Naam", "name", CI_TEXT, NULL, 0},
    {"inwoners", "Inwoners", "population", CI_NUMBER, NULL, 0},
    {"peildatumInwoners", "Peildatum inwoners", "population_date", CI_DATE, NULL, 0},
    {"opmerking", "Opmerking", "note", CI_TEXTAREA, NULL, 0},
    {CORRECTIONS_FREE_FIELD, "Iets anders, zoals een fusie of een nieuwe naam per een datum", "",
     CI_FREE, NULL, 0},
};

static const struct corr_field part_fields[] = {
    {"rol", "Rol", "role", CI_SELECT, role_labels, ROLE_COUNT},
    {"orgaan", "Deelnemend orgaan", "body", CI_SELECT, body_labels, BODY_COUNT},
    {"toegetreden", "Toegetreden", "joined", CI_DATE, NULL, 0},
    {"uitgetreden", "Uitgetreden", "left", CI_DATE, NULL, 0},
};

#define COUNT(t) ((int)(sizeof(t) / sizeof((t)[0])))

const struct corr_field *corrections_fields(enum corr_kind k, int *n)
{
	switch (k) {
	case CORR_COLLAB:
		*n = COUNT(collab_fields);
		return collab_fields;
	case CORR_ORG:
		*n = COUNT(org_fields);
		return org_fields;
	case CORR_PART:
		*n = COUNT(part_fields);
		return part_fields;
	}
	*n = 0;
	return NULL;
}

const struct corr_field *corrections_field(enum corr_kind k, const char *name)
{
	int n;
	const struct corr_field *f = corrections_fields(k, &n);
	for (int i = 0; name && i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return &f[i];
	return NULL;
}

/* ---- records ----------------------------------------------------------------- */

bool corrections_target_collab(const struct snapshot *s, const char *key, struct corr_target *t)
{
	int ci = key ? snapshot_find_collab(s, key) : -1;
	if (ci < 0)
		return false;
	*t = (struct corr_target){.kind = CORR_COLLAB, .index = ci, .entity = "collaboration"};
	snprintf(t->key, sizeof t->key, "%s", s->collabs[ci].key);
	return true;
}

bool corrections_target_org(const struct snapshot *s, const char *code, struct corr_target *t)
{
	int oi = code ? snapshot_find_org(s, code) : -1;
	if (oi < 0)
		return false;
	*t = (struct corr_target){.kind = CORR_ORG, .index = oi, .entity = "organisation"};
	snprintf(t->key, sizeof t->key, "%s", s->orgs[oi].code);
	return true;
}

bool corrections_target_part(const struct snapshot *s, const char *collab_key, const char *pid,
			     struct corr_target *t)
{
	int ci = collab_key ? snapshot_find_collab(s, collab_key) : -1;
	int pi = ci >= 0 && pid ? snapshot_find_part(s, ci, pid) : -1;
	if (pi < 0)
		return false;
	*t = (struct corr_target){.kind = CORR_PART, .index = pi, .entity = "participation"};
	snprintf(t->key, sizeof t->key, "%s/%lld", s->collabs[ci].key, (long long)s->parts[pi].id);
	return true;
}

bool corrections_target_of(const struct snapshot *s, const char *entity, const char *entity_key,
			   struct corr_target *t)
{
	if (!entity || !entity_key)
		return false;
	if (strcmp(entity, "collaboration") == 0)
		return corrections_target_collab(s, entity_key, t);
	if (strcmp(entity, "organisation") == 0)
		return corrections_target_org(s, entity_key, t);
	if (strcmp(entity, "participation") == 0) {
		const char *slash = strrchr(entity_key, '/');
		if (!slash || slash == entity_key)
			return false;
		char ck[200];
		size_t n = (size_t)(slash - entity_key);
		if (n >= sizeof ck)
			return false;
		memcpy(ck, entity_key, n);
		ck[n] = '\0';
		return corrections_target_part(s, ck, slash + 1, t);
	}
	return false;
}

const char *corrections_record_name(struct arena *a, const struct snapshot *s,
				    const struct corr_target *t)
{
	switch (t->kind) {
	case CORR_COLLAB:
		return s->collabs[t->index].name;
	case CORR_ORG:
		return s->orgs[t->index].name;
	case CORR_PART: {
		const struct participation *p = &s->parts[t->index];
		return arena_printf(a, "Deelname van %s aan %s", s->orgs[p->organisation].name,
				    s->collabs[p->collaboration].name);
	}
	}
	return "";
}

/* The stored values of a collaboration as a complete edit input. */
static void collab_as_input(struct arena *a, const struct snapshot *s,
			    const struct collaboration *c, struct collab_input *in)
{
	struct buf d = BUF_INIT;
	for (int k = 0; k < c->n_domains; k++) {
		if (k)
			buf_putc(&d, ';');
		buf_puts(&d, s->domains[c->domains[k]].key);
	}
	*in = (struct collab_input){
	    .name = c->name,
	    .short_name = c->short_name,
	    .kind = collab_kind_labels[c->kind].api,
	    .legal_form = legal_form_labels[c->legal_form].api,
	    .powers = powers_labels[c->powers].api,
	    .domains = arena_strdup(a, d.data ? d.data : ""),
	    .phase = phase_labels[c->phase].api,
	    .purpose = c->purpose,
	    .seat = c->seat,
	    .start_date = c->start_date,
	    .end_date = c->end_date,
	    .website = c->website,
	    .note = c->note,
	};
	buf_free(&d);
}

static void org_as_input(struct arena *a, const struct organisation *o, struct org_input *in)
{
	*in = (struct org_input){
	    .name = o->name,
	    .population =
		o->population >= 0 ? arena_printf(a, "%lld", (long long)o->population) : "",
	    .population_date = o->population_date,
	    .area_km2 = o->area_km2 >= 0 ? arena_printf(a, "%.6g", o->area_km2) : "",
	    .note = o->note,
	};
}

static void part_as_input(const struct snapshot *s, const struct participation *p,
			  struct part_input *in)
{
	*in = (struct part_input){
	    .org_code = s->orgs[p->organisation].code,
	    .body = body_labels[p->body].api,
	    .role = role_labels[p->role].api,
	    .cost_share = "",
	    .contribution = "",
	    .joined = p->joined,
	    .left = p->left,
	    .note = p->note,
	};
}

/* The members of a collaboration edit a proposal may name. */
static const struct {
	const char *name;
	size_t off;
} collab_members[] = {
    {"naam", offsetof(struct collab_input, name)},
    {"korteNaam", offsetof(struct collab_input, short_name)},
    {"juridischeVorm", offsetof(struct collab_input, legal_form)},
    {"fase", offsetof(struct collab_input, phase)},
    {"doel", offsetof(struct collab_input, purpose)},
    {"vestigingsplaats", offsetof(struct collab_input, seat)},
    {"startdatum", offsetof(struct collab_input, start_date)},
    {"einddatum", offsetof(struct collab_input, end_date)},
    {"website", offsetof(struct collab_input, website)},
    {"opmerking", offsetof(struct collab_input, note)},
};

/* The member of in named field, or NULL when a proposal may not name it. */
static const char **collab_member(struct collab_input *in, const char *field)
{
	for (int i = 0; i < COUNT(collab_members); i++)
		if (strcmp(collab_members[i].name, field) == 0)
			return (const char **)((char *)in + collab_members[i].off);
	return NULL;
}

/* Point the member of an input struct named field at v; false when the
 * field is not one a proposal may name. */
static bool set_collab(struct collab_input *in, const char *field, const char *v)
{
	const char **m = collab_member(in, field);
	if (m)
		*m = v;
	return m != NULL;
}

static bool set_org(struct org_input *in, const char *field, const char *v)
{
	if (strcmp(field, "naam") == 0)
		in->name = v;
	else if (strcmp(field, "inwoners") == 0)
		in->population = v;
	else if (strcmp(field, "peildatumInwoners") == 0)
		in->population_date = v;
	else if (strcmp(field, "opmerking") == 0)
		in->note = v;
	else
		return false;
	return true;
}

static bool set_part(struct part_input *in, const char *field, const char *v)
{
	if (strcmp(field, "rol") == 0)
		in->role = v;
	else if (strcmp(field, "orgaan") == 0)
		in->body = v;
	else if (strcmp(field, "toegetreden") == 0)
		in->joined = v;
	else if (strcmp(field, "uitgetreden") == 0)
		in->left = v;
	else
		return false;
	return true;
}

/* The stored value of field of t, as a proposal names it. */
static const char *get_field(struct arena *a, const struct snapshot *s, const struct corr_target *t,
			     const char *field)
{
	if (t->kind == CORR_COLLAB) {
		struct collab_input in;
		collab_as_input(a, s, &s->collabs[t->index], &in);
		const char **m = collab_member(&in, field);
		return m ? field_nz(*m) : "";
	}
	if (t->kind == CORR_ORG) {
		struct org_input in;
		org_as_input(a, &s->orgs[t->index], &in);
		if (strcmp(field, "naam") == 0)
			return field_nz(in.name);
		if (strcmp(field, "inwoners") == 0)
			return field_nz(in.population);
		if (strcmp(field, "peildatumInwoners") == 0)
			return field_nz(in.population_date);
		if (strcmp(field, "opmerking") == 0)
			return field_nz(in.note);
		return "";
	}
	struct part_input in;
	part_as_input(s, &s->parts[t->index], &in);
	if (strcmp(field, "rol") == 0)
		return field_nz(in.role);
	if (strcmp(field, "orgaan") == 0)
		return field_nz(in.body);
	if (strcmp(field, "toegetreden") == 0)
		return field_nz(in.joined);
	if (strcmp(field, "uitgetreden") == 0)
		return field_nz(in.left);
	return "";
}

const char *corrections_current(struct arena *a, const struct snapshot *s,
				const struct corr_target *t, const char *field)
{
	return field ? get_field(a, s, t, field) : "";
}

const char *corrections_display(const struct corr_field *f, const char *value)
{
	if (str_empty(value))
		return "(leeg)";
	if (f && f->t) {
		int i = label_from_api(f->t, f->tn, value);
		if (i >= 0)
			return f->t[i].label;
	}
	return value;
}

const char *corrections_status_label(const char *status)
{
	if (status && strcmp(status, "accepted") == 0)
		return "Verwerkt";
	if (status && strcmp(status, "rejected") == 0)
		return "Afgewezen";
	return "In behandeling";
}

/* ---- proposing ----------------------------------------------------------------- */

/* Check value as field of t with the validation of a normal edit: the
 * record's stored values with this one field replaced. Errors for that
 * field are reported as "waarde". */
static void check_value(struct arena *a, const struct snapshot *s, const struct corr_target *t,
			const char *field, const char *value, struct field_errors *e)
{
	struct field_errors ve = {0};
	if (t->kind == CORR_COLLAB) {
		struct collab_input in;
		collab_as_input(a, s, &s->collabs[t->index], &in);
		set_collab(&in, field, value);
		validate_collab_input(&in, &ve);
	} else if (t->kind == CORR_ORG) {
		struct org_input in;
		org_as_input(a, &s->orgs[t->index], &in);
		set_org(&in, field, value);
		validate_org_input(&in, &ve);
	} else {
		struct part_input in;
		part_as_input(s, &s->parts[t->index], &in);
		set_part(&in, field, value);
		validate_part_input(&in, false, &ve);
	}
	const char *msg = field_errors_get(&ve, field);
	if (msg)
		field_errors_add(e, "waarde", "%s", msg);
}

/* A plausible e-mail address: one '@', something before it, a dot in the
 * domain, no spaces or control characters. */
static bool email_ok(const char *v)
{
	const char *at = strchr(v, '@');
	if (!at || at == v || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	if (at[1] == '.' || v[strlen(v) - 1] == '.')
		return false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '<' || *p == '>' || *p == '"')
			return false;
	return true;
}

/* ISO UTC timestamp of now - seconds (comparable with created_at). */
static void iso_ago(long seconds, char out[32])
{
	time_t t = time(NULL) - seconds;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
}

enum corr_outcome corrections_propose(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *client_addr,
				      const char *via, const struct corr_target *t,
				      const struct correction_proposal *p, struct field_errors *e,
				      const char **message, char token[44], int64_t *id)
{
	*message = "";
	token[0] = '\0';
	*id = 0;
	if (!str_empty(p->honeypot))
		return CORR_DISCARDED;
	const char *field = field_nz(p->field), *value = field_nz(p->value);
	const char *source = field_nz(p->source), *comment = field_nz(p->comment);
	const char *email = u ? "" : field_nz(p->email);

	const struct corr_field *f = corrections_field(t->kind, field);
	if (!f)
		field_errors_add(e, "veld", "Kies welk gegeven niet klopt.");
	size_t before = (size_t)e->n;
	field_check_text(e, "waarde", value, 0, CORRECTIONS_VALUE_MAX, true,
			 "Een voorgestelde waarde");
	if (f && f->input == CI_FREE) {
		if ((size_t)e->n == before && !*value)
			field_errors_add(e, "waarde", "Beschrijf wat er niet klopt of ontbreekt.");
	} else if (f && (size_t)e->n == before) {
		const char *cur = get_field(a, s, t, field);
		if (strcmp(cur, value) == 0)
			field_errors_add(
			    e, "waarde",
			    "Dit is de waarde die er nu staat. Vul de juiste waarde in.");
		else
			check_value(a, s, t, field, value, e);
	}
	if (strlen(source) > CORRECTIONS_URL_MAX)
		field_errors_add(e, "bron", "Een bronlink heeft hoogstens %d tekens.",
				 CORRECTIONS_URL_MAX);
	else if (!validate_is_url_opt(source))
		field_errors_add(
		    e, "bron", "Vul een volledig webadres in dat begint met https:// of http://.");
	field_check_text(e, "toelichting", comment, 0, CORRECTIONS_COMMENT_MAX, true,
			 "Een toelichting");
	if (strlen(email) > CORRECTIONS_EMAIL_MAX || (*email && !email_ok(email)))
		field_errors_add(e, "email",
				 "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl, of laat "
				 "het veld leeg.");
	if (e->n)
		return CORR_INVALID;

	/* rate limits: per address (anonymous) or account, and per record */
	char raw[128], client_key[65], since[32];
	if (u)
		snprintf(raw, sizeof raw, "u:%lld", (long long)u->id);
	else
		snprintf(raw, sizeof raw, "ip:%s", client_addr ? client_addr : "");
	secret_digest(raw, client_key);
	iso_ago(3600, since);
	int n_client = 0, n_open = 0;
	if (store_corrections_count_client(st, client_key, since, &n_client) ||
	    store_corrections_count_open(st, t->entity, t->key, &n_open))
		return CORR_FAILED;
	if (n_client >= (u ? CORRECTIONS_PER_HOUR_USER : CORRECTIONS_PER_HOUR)) {
		*message =
		    "U hebt het afgelopen uur al veel meldingen gedaan. Probeer het over een "
		    "uur opnieuw. Er is niets opgeslagen.";
		return CORR_LIMITED;
	}
	if (n_open >= CORRECTIONS_OPEN_PER_RECORD) {
		*message = "Over dit gegeven staan al veel meldingen open. Wacht tot die zijn "
			   "behandeld. Er is niets opgeslagen.";
		return CORR_LIMITED;
	}

	char tok[44], ticket[65];
	secret_random_token(tok);
	secret_digest(tok, ticket);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	if (!u)
		w.actor = "anoniem";
	const struct correction_input in = {
	    .ticket = ticket,
	    .entity = t->entity,
	    .entity_key = t->key,
	    .field = field,
	    .current_value = get_field(a, s, t, field),
	    .proposed_value = value,
	    .source_url = source,
	    .comment = comment,
	    .email = email,
	    .user_id = u ? u->id : 0,
	    .client_key = client_key,
	};
	if (store_correction_create(st, &w, &in, id) != STORE_OK)
		return CORR_FAILED;
	memcpy(token, tok, sizeof tok);
	return CORR_OK;
}

/* ---- reviewing ------------------------------------------------------------------- */

int corrections_queue(struct store *st, struct arena *a, const struct snapshot *s,
		      const struct user *u, bool open, int limit, struct correction_row **out,
		      int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_may_review_corrections(u, s))
		return STORE_OK;
	struct correction_row *rows = NULL;
	int k = 0;
	/* an editor's share is filtered from a longer list */
	int fetch = policy_is_staff(u) ? limit : limit * 10;
	int rc = store_corrections_list(st, a, open, fetch, &rows, &k);
	if (rc)
		return rc;
	int m = 0;
	for (int i = 0; i < k && m < limit; i++) {
		struct corr_target t;
		int index =
		    corrections_target_of(s, rows[i].entity, rows[i].entity_key, &t) ? t.index : -1;
		if (policy_may_review_correction(u, s, rows[i].entity, index))
			rows[m++] = rows[i];
	}
	*out = rows;
	*n = m;
	return STORE_OK;
}

int corrections_by_token(struct store *st, struct arena *a, const char *token,
			 struct correction_row *out)
{
	if (!token || strlen(token) != CORRECTIONS_TOKEN_LEN)
		return STORE_ERR_NOTFOUND;
	char ticket[65];
	secret_digest(token, ticket);
	return store_correction_by_ticket(st, a, ticket, out);
}

/* The open proposal id that u may review, resolved: CORR_OK with *row and
 * *t, else the outcome with *message. */
static enum corr_outcome reviewable(struct store *st, struct arena *a, const struct snapshot *s,
				    const struct user *u, int64_t id, struct correction_row *row,
				    struct corr_target *t, bool *found, const char **message)
{
	int rc = store_correction_get(st, a, id, row);
	if (rc == STORE_ERR_NOTFOUND) {
		*message = "Deze melding bestaat niet.";
		return CORR_NOTFOUND;
	}
	if (rc) {
		*message = "De melding kon niet worden gelezen. Probeer het later opnieuw.";
		return CORR_FAILED;
	}
	*found = corrections_target_of(s, row->entity, row->entity_key, t);
	if (!policy_may_review_correction(u, s, row->entity, *found ? t->index : -1)) {
		*message = "U mag deze melding niet behandelen.";
		return CORR_FORBIDDEN;
	}
	if (strcmp(row->status, "open") != 0) {
		*message = "Deze melding is al behandeld.";
		return CORR_CONFLICT;
	}
	return CORR_OK;
}

/* Apply value to field of t as a normal edit (expected version from s). */
static int apply(struct store *st, const struct write_ctx *w, const struct snapshot *s,
		 const struct corr_target *t, const char *field, const char *value,
		 struct field_errors *e)
{
	int64_t cur = 0;
	if (t->kind == CORR_COLLAB) {
		const struct collaboration *c = &s->collabs[t->index];
		struct collab_input in = {0};
		if (!set_collab(&in, field, value))
			return STORE_ERR_INVALID;
		return store_collab_update(st, w, c->key, c->version, &in, e, &cur);
	}
	if (t->kind == CORR_ORG) {
		const struct organisation *o = &s->orgs[t->index];
		struct org_input in = {0};
		if (!set_org(&in, field, value))
			return STORE_ERR_INVALID;
		return store_org_update(st, w, o->code, o->version, &in, e, &cur);
	}
	const struct participation *p = &s->parts[t->index];
	struct part_input in = {0};
	if (!set_part(&in, field, value))
		return STORE_ERR_INVALID;
	return store_part_update(st, w, p->id, p->version, &in, e, &cur);
}

enum corr_outcome corrections_accept(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const char *via, int64_t id,
				     struct field_errors *e, const char **message)
{
	struct correction_row row;
	struct corr_target t;
	bool found = false;
	enum corr_outcome o = reviewable(st, a, s, u, id, &row, &t, &found, message);
	if (o != CORR_OK)
		return o;
	if (!found) {
		*message = "Het gegeven van deze melding bestaat niet meer; wijs de melding af.";
		return CORR_CONFLICT;
	}
	const struct corr_field *f = corrections_field(t.kind, row.field);
	if (!f) {
		*message = "Dit veld kan niet automatisch worden aangepast; wijs de melding af.";
		return CORR_CONFLICT;
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	if (f->input == CI_FREE) {
		/* no field to apply: the decision is recorded, the edit is the reviewer's */
		int rc = store_correction_handle(st, &w, row.id, "accepted", "", NULL);
		if (rc == STORE_ERR_CONFLICT) {
			*message = "Deze melding is al behandeld.";
			return CORR_CONFLICT;
		}
		if (rc) {
			*message = "Het verwerken is niet gelukt. Er is niets gewijzigd.";
			return CORR_FAILED;
		}
		*message = "De melding is als verwerkt gemarkeerd. Pas het gegeven zelf aan zoals "
			   "de melding beschrijft.";
		return CORR_OK;
	}

	/* the provenance row of the applied value */
	char pkey[300];
	const char *entity_key = t.key;
	if (t.kind == CORR_PART) {
		const struct participation *p = &s->parts[t.index];
		entity_key =
		    provenance_part_key(pkey, sizeof pkey, s->collabs[p->collaboration].key,
					s->orgs[p->organisation].code, p->joined);
	}
	const char *kind = str_empty(row.source_url)
			       ? "geen bron opgegeven"
			       : provenance_kind_guess(row.source_url, "", "");
	const struct provenance_input prov = {
	    .entity = t.entity,
	    .entity_key = entity_key,
	    .field = f->column,
	    .status = "fact",
	    .value = row.proposed_value,
	    .source_url = row.source_url,
	    .confidence = "medium",
	    .note = arena_printf(a, "Melding %lld (Meld wat niet klopt); soort bron: %s",
				 (long long)row.id, kind),
	};

	/* the edit and the status change commit together or not at all */
	if (store_batch_begin(st)) {
		*message = "Het verwerken is niet gelukt. Er is niets gewijzigd.";
		return CORR_FAILED;
	}
	int rc = apply(st, &w, s, &t, row.field, row.proposed_value, e);
	if (rc == STORE_OK)
		rc = store_correction_handle(st, &w, row.id, "accepted", "", &prov);
	if (rc != STORE_OK) {
		store_batch_end(st, false);
		if (rc == STORE_ERR_INVALID) {
			*message = "De voorgestelde waarde is niet (meer) geldig. Er is niets "
				   "gewijzigd; wijs de melding af of pas het gegeven zelf aan.";
			return CORR_INVALID;
		}
		if (rc == STORE_ERR_CONFLICT) {
			*message = "Het gegeven of de melding is intussen gewijzigd. Er is niets "
				   "gewijzigd; laad de pagina opnieuw.";
			return CORR_CONFLICT;
		}
		*message = "Het verwerken is niet gelukt. Er is niets gewijzigd.";
		return rc == STORE_ERR_NOTFOUND ? CORR_NOTFOUND : CORR_FAILED;
	}
	if (store_batch_end(st, true)) {
		*message = "Het verwerken is niet gelukt. Er is niets gewijzigd.";
		return CORR_FAILED;
	}
	*message = "De melding is verwerkt: het gegeven is aangepast.";
	return CORR_OK;
}

enum corr_outcome corrections_reject(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const char *via, int64_t id,
				     const char *reason, struct field_errors *e,
				     const char **message)
{
	struct correction_row row;
	struct corr_target t;
	bool found = false;
	enum corr_outcome o = reviewable(st, a, s, u, id, &row, &t, &found, message);
	if (o != CORR_OK)
		return o;
	reason = field_nz(reason);
	bool blank = true;
	for (const char *q = reason; *q && blank; q++)
		blank = *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r';
	if (blank)
		field_errors_add(e, "reden", "Geef een reden waarom u de melding afwijst.");
	else
		field_check_text(e, "reden", reason, 1, CORRECTIONS_REASON_MAX, true, "Een reden");
	if (e->n) {
		*message = "Geef een reden waarom u de melding afwijst.";
		return CORR_INVALID;
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_correction_handle(st, &w, row.id, "rejected", reason, NULL);
	if (rc == STORE_ERR_CONFLICT) {
		*message = "Deze melding is al behandeld.";
		return CORR_CONFLICT;
	}
	if (rc) {
		*message = "Het afwijzen is niet gelukt. Probeer het later opnieuw.";
		return CORR_FAILED;
	}
	*message = "De melding is afgewezen.";
	return CORR_OK;
}

/* ---- "Bevestig alles wat klopt" ---------------------------------------------------- */

/* The snapshot index behind a confirm item, or -1. */
static int item_index(const struct snapshot *s, const struct corr_confirm_item *it)
{
	if (strcmp(it->entity, "organisation") == 0)
		return snapshot_find_org(s, it->key);
	if (strcmp(it->entity, "collaboration") == 0)
		return snapshot_find_collab(s, it->key);
	if (strcmp(it->entity, "participation") == 0) {
		long id;
		if (!parse_long(it->key, 1, 0x7fffffffL, &id))
			return -1;
		for (int i = 0; i < s->n_parts; i++)
			if (s->parts[i].id == id)
				return i;
	}
	return -1;
}

enum corr_outcome corrections_confirm_set(struct store *st, const struct snapshot *s,
					  const struct user *u,
					  const struct corr_confirm_item *items, int n, int *failed)
{
	*failed = -1;
	for (int i = 0; i < n; i++) {
		int idx = item_index(s, &items[i]);
		if (idx < 0) {
			*failed = i;
			return CORR_NOTFOUND;
		}
		const char *e = items[i].entity;
		bool may = strcmp(e, "organisation") == 0    ? policy_may_edit_org(u, s, idx)
			   : strcmp(e, "collaboration") == 0 ? policy_may_edit_collab(u, s, idx)
							     : policy_may_edit_part(u, s, idx);
		if (!may) {
			*failed = i;
			return CORR_FORBIDDEN;
		}
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, "web", &w, actor, today);
	if (store_batch_begin(st))
		return CORR_FAILED;
	for (int i = 0; i < n; i++) {
		int64_t cur = 0;
		int rc =
		    store_confirm(st, &w, items[i].entity, items[i].key, items[i].version, &cur);
		if (rc != STORE_OK) {
			store_batch_end(st, false);
			*failed = i;
			return rc == STORE_ERR_CONFLICT	  ? CORR_CONFLICT
			       : rc == STORE_ERR_NOTFOUND ? CORR_NOTFOUND
							  : CORR_FAILED;
		}
	}
	return store_batch_end(st, true) == STORE_OK ? CORR_OK : CORR_FAILED;
}
