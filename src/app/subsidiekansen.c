/*
 * subsidiekansen — funding calls' feature logic; see subsidiekansen.h.
 */
#include "subsidiekansen.h"
#include "../domain/diff.h"
#include "../domain/fields.h"
#include "../domain/snapshot.h"
#include "../domain/validate.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "outbox.h"
#include "policy.h"
#include "relaties.h"
#include "siteinfo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_LIMIT 2000
#define NOTE_MAX 1000

const char *subsidiekansen_message(enum fc_outcome o)
{
	switch (o) {
	case FC_FORBIDDEN:
		return "Dit mag alleen de provincie, of een redacteur van een partner voor de "
		       "eigen "
		       "organisatie.";
	case FC_STALE:
		return "De subsidiekans is intussen door iemand anders gewijzigd. Er is niets "
		       "opgeslagen; open de pagina opnieuw en voer uw wijziging nog eens in.";
	case FC_TWICE:
		return "Uw organisatie heeft al interesse gemeld voor deze subsidiekans.";
	case FC_NONE:
		return "Uw organisatie heeft geen interesse gemeld voor deze subsidiekans.";
	case FC_NOTFOUND:
		return "Deze subsidiekans bestaat niet.";
	default:
		return "Er ging iets mis. Er is niets opgeslagen.";
	}
}

static enum fc_outcome outcome(int rc)
{
	switch (rc) {
	case STORE_OK:
		return FC_OK;
	case STORE_ERR_NOTFOUND:
		return FC_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return FC_STALE;
	case STORE_ERR_INVALID:
		return FC_INVALID;
	default:
		return FC_FAILED;
	}
}

static int by_order(const void *x, const void *y, void *today)
{
	const struct funding_call_row *a = x, *b = y;
	return funding_compare(a->opens_on, a->deadline, a->id, b->opens_on, b->deadline, b->id,
			       today);
}

enum fc_outcome subsidiekansen_list(struct store *st, struct arena *a,
				    const struct funding_filter *f, const char *today,
				    struct funding_call_row **out, int *n)
{
	struct funding_call_row *all;
	int na;
	*out = NULL;
	*n = 0;
	if (store_funding_calls(st, a, LIST_LIMIT, &all, &na) != STORE_OK)
		return FC_FAILED;
	struct funding_call_row *keep = arena_calloc(a, (size_t)na + 1, sizeof *keep);
	int k = 0;
	for (int i = 0; i < na; i++)
		if (!f ||
		    funding_matches(all[i].themes, all[i].opens_on, all[i].deadline, f, today))
			keep[k++] = all[i];
	char day[11];
	snprintf(day, sizeof day, "%s", today);
	qsort_r(keep, (size_t)k, sizeof *keep, by_order, day);
	*out = keep;
	*n = k;
	return FC_OK;
}

enum fc_outcome subsidiekansen_get(struct store *st, struct arena *a, int64_t id,
				   struct funding_call_row *out)
{
	return outcome(store_funding_call_get(st, a, id, out));
}

static bool own_partner(const struct user *u, const struct snapshot *s)
{
	return u && s && relaties_is_partner(s, policy_own_org(u, s));
}

enum fc_outcome subsidiekansen_view(struct store *st, struct arena *a, const struct snapshot *s,
				    const struct user *u, const struct funding_call_row *c,
				    struct funding_view *v)
{
	memset(v, 0, sizeof *v);
	v->may_manage = policy_may_manage_funding_calls(u);
	v->may_mark = policy_may_mark_funding_interest(u, own_partner(u, s));
	v->see_interests = policy_may_see_funding_interests(u);
	if (!v->may_mark && !v->see_interests)
		return FC_OK;
	struct funding_interest_row *rows;
	int n;
	if (store_funding_interests(st, a, c->id, &rows, &n) != STORE_OK)
		return FC_FAILED;
	if (v->may_mark) {
		v->own_org = u->org_code;
		for (int i = 0; i < n; i++)
			if (strcmp(rows[i].org_code, u->org_code) == 0) {
				v->marked = true;
				v->marked_remind = rows[i].remind;
			}
	}
	if (v->see_interests) {
		v->interests = rows;
		v->n_interests = n;
		if (store_funding_reminders(st, a, c->id, &v->reminders, &v->n_reminders) !=
		    STORE_OK)
			return FC_FAILED;
	}
	return FC_OK;
}

const char *subsidiekansen_theme_names(struct arena *a, const struct snapshot *s,
				       const char *themes)
{
	char keys[FUNDING_THEMES_MAX * 2][81];
	int n = validate_split_domains(field_nz(themes), keys, FUNDING_THEMES_MAX * 2);
	struct buf b = BUF_INIT;
	for (int i = 0; i < n; i++) {
		int di = s ? snapshot_find_domain(s, keys[i]) : -1;
		buf_printf(&b, "%s%s", i ? ", " : "", di >= 0 ? s->domains[di].name : keys[i]);
	}
	const char *out = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

/* Check f fully (input and themes); the canonical ';'-joined theme keys
 * into *themes. */
static void check_form(struct arena *a, const struct snapshot *s, const struct funding_form *f,
		       const char *today, const char *stored_deadline, struct field_errors *e,
		       int64_t *cents, int *rate, const char **themes)
{
	funding_check(e, &f->in, today, stored_deadline, cents, rate);
	char keys[FUNDING_THEMES_MAX][81];
	int n = validate_split_domains(field_nz(f->themes), keys, FUNDING_THEMES_MAX);
	*themes = "";
	if (n < 0) {
		field_errors_add(e, "themas", "Kies ten hoogste %d thema's uit de lijst.",
				 FUNDING_THEMES_MAX);
		return;
	}
	struct buf b = BUF_INIT;
	int bad = 0;
	for (int i = 0; i < n; i++) {
		int di = snapshot_find_domain(s, keys[i]);
		if (di < 0) {
			if (!bad++)
				field_errors_add(e, "themas",
						 "Thema „%.60s” bestaat niet. Kies thema's uit de "
						 "lijst van beleidsdomeinen.",
						 keys[i]);
			continue;
		}
		if (!funding_has_theme(b.data ? b.data : "", s->domains[di].key))
			buf_printf(&b, "%s%s", b.len ? ";" : "", s->domains[di].key);
	}
	*themes = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
}

static struct funding_call_new to_new(const struct funding_form *f, const char *themes,
				      int64_t cents, int rate)
{
	return (struct funding_call_new){.programme = f->in.programme,
					 .title = f->in.title,
					 .url = f->in.url,
					 .opens_on = f->in.opens_on,
					 .deadline = f->in.deadline,
					 .themes = themes,
					 .eligible = f->in.eligible,
					 .description = f->in.description,
					 .status_note = f->in.status_note,
					 .budget = cents,
					 .cofinancing = rate};
}

enum fc_outcome subsidiekansen_create(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *via,
				      const struct funding_form *f, struct field_errors *e,
				      int64_t *id)
{
	*id = 0;
	if (!policy_may_manage_funding_calls(u))
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int64_t cents;
	int rate;
	const char *themes;
	check_form(a, s, f, today, NULL, e, &cents, &rate, &themes);
	if (e->n)
		return FC_INVALID;
	struct funding_call_new in = to_new(f, themes, cents, rate);
	return outcome(store_funding_call_add(st, &w, &in, id));
}

enum fc_outcome subsidiekansen_update(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *via, int64_t id,
				      int64_t expected_version, const struct funding_form *f,
				      struct field_errors *e)
{
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, a, id, &c);
	if (o != FC_OK)
		return o;
	if (!policy_may_manage_funding_calls(u))
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int64_t cents;
	int rate;
	const char *themes;
	check_form(a, s, f, today, c.deadline, e, &cents, &rate, &themes);
	if (e->n)
		return FC_INVALID;
	if (expected_version != c.version)
		return FC_STALE;
	struct funding_call_new in = to_new(f, themes, cents, rate);
	return outcome(store_funding_call_update(st, &w, id, expected_version, &in));
}

enum fc_outcome subsidiekansen_mark(struct store *st, struct arena *a, const struct snapshot *s,
				    const struct user *u, const char *via, int64_t id,
				    const char *note, bool remind, struct field_errors *e)
{
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, a, id, &c);
	if (o != FC_OK)
		return o;
	if (!policy_may_mark_funding_interest(u, own_partner(u, s)))
		return FC_FORBIDDEN;
	field_check_text(e, "toelichting", note, 0, NOTE_MAX, true, "Een toelichting");
	if (e->n)
		return FC_INVALID;
	int oi = snapshot_find_org(s, u->org_code);
	if (oi < 0)
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_funding_interest_add(st, &w, id, s->orgs[oi].code, u->id, note, remind);
	return rc == STORE_ERR_CONFLICT ? FC_TWICE : outcome(rc);
}

enum fc_outcome subsidiekansen_withdraw(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const char *via, int64_t id)
{
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, a, id, &c);
	if (o != FC_OK)
		return o;
	if (!policy_may_mark_funding_interest(u, own_partner(u, s)))
		return FC_FORBIDDEN;
	int oi = snapshot_find_org(s, u->org_code);
	if (oi < 0)
		return FC_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int rc = store_funding_interest_remove(st, &w, id, s->orgs[oi].code);
	return rc == STORE_ERR_NOTFOUND ? FC_NONE : outcome(rc);
}

/* ---- deadline reminders */

static int lead_days[FUNDING_LEADS_MAX] = {14, 3};
static int n_lead_days = 2;
static char lead_text[FUNDING_LEADS_MAX * 8] = "14 en 3";

bool subsidiekansen_reminders_configure(const char *spec, char *err, size_t errlen)
{
	int l[FUNDING_LEADS_MAX], n;
	if (!spec || !*spec)
		spec = FUNDING_LEADS_DEFAULT;
	if (!funding_parse_lead_days(spec, l, &n)) {
		snprintf(err, errlen,
			 "%s moet een lijst van ten hoogste %d aantallen dagen voor de deadline "
			 "zijn, gescheiden door komma's, elk van 0 tot en met %d (bijvoorbeeld "
			 "\"14,3\"); nu: \"%.40s\"",
			 SUBSIDIEKANSEN_LEADS_ENV, FUNDING_LEADS_MAX, FUNDING_LEAD_DAYS_MAX, spec);
		return false;
	}
	memcpy(lead_days, l, sizeof l);
	n_lead_days = n;
	size_t k = 0;
	lead_text[0] = '\0';
	for (int i = 0; i < n; i++)
		k += (size_t)snprintf(lead_text + k, sizeof lead_text - k, "%s%d",
				      i == 0	   ? ""
				      : i == n - 1 ? " en "
						   : ", ",
				      l[i]);
	return true;
}

const char *subsidiekansen_reminder_days(void)
{
	return lead_text;
}

/* "vandaag", "morgen", "over 3 dagen" */
static const char *days_left_text(struct arena *a, int left)
{
	return left == 0   ? "vandaag"
	       : left == 1 ? "morgen"
			   : arena_printf(a, "over %d dagen", left);
}

/* The reminder for candidate c with `left` days to go, into m (strings in
 * a). */
static void reminder_message(struct arena *a, const struct funding_reminder_candidate *c, int lead,
			     int left, struct mail_message *m)
{
	struct buf date = BUF_INIT;
	diff_date_nl(&date, c->deadline);
	const char *when = days_left_text(a, left);
	struct buf b = BUF_INIT;
	buf_printf(&b, "Beste %s,\n\n", c->name);
	buf_printf(&b,
		   "U meldde namens %s interesse voor een subsidiekans. De deadline is %s, op "
		   "%s.\n\n",
		   c->org_name, when, date.data ? date.data : c->deadline);
	buf_printf(&b, "Subsidiekans: %s\n", c->title);
	buf_printf(&b, "Programma: %s\n",
		   funding_label(funding_programme_labels, LABEL_COUNT(funding_programme_labels),
				 c->programme));
	buf_printf(&b, "Deadline: %s\n", date.data ? date.data : c->deadline);
	if (*c->url)
		buf_printf(&b, "Oproep: %s\n", c->url);
	buf_printf(&b, "In de Samenwerkingsatlas: %s/kennis/subsidiekansen/%lld\n\n",
		   siteinfo_public_url(), (long long)c->call_id);
	if (*c->note)
		buf_printf(&b, "Toelichting van uw organisatie:\n%s\n\n", c->note);
	else
		buf_printf(&b, "Uw organisatie gaf geen toelichting.\n\n");
	buf_printf(&b,
		   "U krijgt deze herinnering omdat bij de interesse \"Herinnering sturen voor de "
		   "deadline\" was aangevinkt. Wilt u geen herinneringen meer, trek de interesse "
		   "dan in en meld haar opnieuw zonder herinnering.\n\n"
		   "Met vriendelijke groet,\n"
		   "Provincie Utrecht, Samenwerkingsatlas\n");
	*m = (struct mail_message){
	    .to = c->email,
	    .to_name = c->name,
	    .subject = arena_printf(a, "Herinnering: deadline %s (%s): %.150s",
				    date.data ? date.data : c->deadline, when, c->title),
	    .body = arena_strdup(a, b.data),
	    .kind = "subsidiekans-herinnering",
	    .dedupe_key = arena_printf(a, "subsidiekans-%lld-%s-%d-%s", (long long)c->call_id,
				       c->org_code, lead, c->deadline),
	};
	buf_free(&b);
	buf_free(&date);
}

int subsidiekansen_remind(struct store *st, const char *today, int *queued)
{
	*queued = 0;
	char last[11];
	int longest = n_lead_days ? lead_days[0] : 0;
	if (!n_lead_days || !funding_add_days(today, longest, last))
		return STORE_OK;
	struct arena *a = arena_new();
	struct funding_reminder_candidate *c;
	int n;
	int rc = store_funding_reminder_candidates(st, a, today, last, &c, &n);
	if (rc != STORE_OK) {
		arena_free(a);
		return rc;
	}
	struct funding_reminder_new *due = arena_calloc(a, (size_t)n + 1, sizeof *due);
	int k = 0;
	for (int i = 0; i < n; i++) {
		int lead = funding_reminder_due(c[i].deadline, today, lead_days, n_lead_days);
		int left;
		if (lead < 0 || !funding_days_until(today, c[i].deadline, &left))
			continue;
		struct funding_reminder_new *r = &due[k];
		reminder_message(a, &c[i], lead, left, &r->msg);
		struct field_errors e = {0};
		if (!mail_message_check(&r->msg, &e)) {
			/* an address the outbox refuses: logged without it */
			log_error("herinneringen subsidiekansen: bericht voor subsidiekans %lld, "
				  "organisatie %s overgeslagen (%s)",
				  (long long)c[i].call_id, c[i].org_code, e.n ? e.e[0].field : "?");
			continue;
		}
		char *token = arena_alloc(a, 44);
		secret_random_token(token);
		r->token = token;
		r->call_id = c[i].call_id;
		r->org_code = c[i].org_code;
		r->deadline = c[i].deadline;
		r->lead_days = lead;
		k++;
	}
	struct write_ctx w = {.actor = "herinneringen", .via = "systeem", .today = today};
	rc = store_funding_reminders_queue(st, &w, due, k, queued);
	arena_free(a);
	if (rc == STORE_OK && *queued) {
		log_info("herinneringen subsidiekansen: %d herinnering(en) in de wachtrij",
			 *queued);
		outbox_wake();
	}
	return rc;
}

void subsidiekansen_housekeeping(struct store *st)
{
	char today[11];
	today_iso(today);
	int queued;
	if (subsidiekansen_remind(st, today, &queued) != STORE_OK)
		log_error("herinneringen subsidiekansen: in de wachtrij zetten mislukt");
}
