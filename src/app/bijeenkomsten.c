/*
 * bijeenkomsten — events with registration; see bijeenkomsten.h.
 */
#include "bijeenkomsten.h"
#include "../domain/bijeenkomsten_verslag.h"
#include "accounts.h"
#include "outbox.h"
#include "policy.h"
#include "siteinfo.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../store/store_persoonsgegevens.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Registrations a guest client may make per hour (ATLAS_BIJEENKOMSTEN_PER_UUR). */
static int per_hour(void)
{
	const char *v = getenv("ATLAS_BIJEENKOMSTEN_PER_UUR");
	long n;
	if (v && parse_long(v, 1, 100000, &n))
		return (int)n;
	return 10;
}

const char *bijeenkomsten_public_url(void)
{
	return siteinfo_public_url();
}

void bijeenkomsten_now(char out[17])
{
	bijeenkomst_local_time((int64_t)time(NULL), out);
}

/* ISO UTC timestamp seconds from now (negative: ago). */
static void iso_at(long seconds, char out[32])
{
	time_t t = time(NULL) + seconds;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
}

static enum ev_outcome from_store(int rc)
{
	switch (rc) {
	case STORE_OK:
		return EV_OK;
	case STORE_ERR_NOTFOUND:
		return EV_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return EV_DUPLICATE;
	default:
		return EV_FAILED;
	}
}

enum ev_outcome bijeenkomsten_list(struct store *st, struct arena *a, struct event_row **out,
				   int *n)
{
	return from_store(store_events(st, a, out, n));
}

enum ev_outcome bijeenkomsten_get(struct store *st, struct arena *a, int64_t id,
				  struct event_row *out)
{
	return from_store(store_event_get(st, a, id, out));
}

static enum ev_outcome tell_moved(struct store *st, struct arena *a, const struct write_ctx *w,
				  const struct event_row *ev);
static enum ev_outcome finish(struct store *st, enum ev_outcome o);

enum ev_outcome bijeenkomsten_save(struct store *st, const struct user *u, const char *via,
				   int64_t id, const struct event_input *in, struct field_errors *e,
				   int64_t *id_out)
{
	*id_out = id;
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	char now[17];
	bijeenkomsten_now(now);
	int cap = 0;
	if (!bijeenkomst_check(in, now, id == 0, &cap, e))
		return EV_INVALID;
	const char *kind = in->kind;
	const struct event_values v = {
	    .kind = kind,
	    .audience = strcmp(kind, "reflectieve_sessie") == 0 ? in->audience : "",
	    .title = in->title,
	    .description = in->description,
	    .starts_at = in->starts_at,
	    .ends_at = in->ends_at,
	    .location = in->location,
	    .online_url = in->online_url,
	    .topic = in->topic,
	    .deadline = in->deadline,
	    .organiser = in->organiser,
	    .capacity = cap,
	};
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	if (!id)
		return from_store(store_event_add(st, &w, &v, id_out));
	/* the change and its reminders move in one transaction */
	struct arena *a = arena_new();
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return EV_FAILED;
	}
	struct event_row old;
	enum ev_outcome o = from_store(store_event_get(st, a, id, &old));
	if (o == EV_OK)
		o = from_store(store_event_update(st, &w, id, &v));
	struct event_row moved;
	if (o == EV_OK && strcmp(old.starts_at, v.starts_at) != 0 &&
	    (o = from_store(store_event_get(st, a, id, &moved))) == EV_OK)
		o = tell_moved(st, a, &w, &moved);
	o = finish(st, o);
	arena_free(a);
	return o;
}

/* ---- mail ------------------------------------------------------------------------ */

/* "15-03-2027 14:00" for a local date-time. */
static const char *when_nl(struct arena *a, const char *dt)
{
	if (!dt || strlen(dt) < 16)
		return dt ? dt : "";
	return arena_printf(a, "%.2s-%.2s-%.4s %.5s", dt + 8, dt + 5, dt, dt + 11);
}

static const char *event_facts(struct arena *a, const struct event_row *ev)
{
	const char *place = *ev->location ? ev->location : ev->online_url;
	return arena_printf(a,
			    "Bijeenkomst: %s\nWanneer: %s tot %s\nWaar: %s\nMeer informatie: "
			    "%s/bijeenkomsten/%lld\n",
			    ev->title, when_nl(a, ev->starts_at), when_nl(a, ev->ends_at), place,
			    bijeenkomsten_public_url(), (long long)ev->id);
}

/* Queue mail `kind` to (address, name) inside the open batch. */
static int queue(struct store *st, const struct write_ctx *w, const char *kind, const char *to,
		 const char *name, const char *subject, const char *body)
{
	if (str_empty(to))
		return STORE_OK; /* an account without an address: nothing to send */
	const struct mail_message m = {
	    .to = to, .to_name = name, .subject = subject, .body = body, .kind = kind};
	int64_t id;
	bool dup;
	struct field_errors e = {0};
	int rc = outbox_queue(st, w, &m, &id, &dup, &e);
	if (rc != STORE_OK)
		log_error("bijeenkomsten: queueing a %s mail failed (%d)", kind, rc);
	return rc;
}

/* The dedupe key of registration id's reminder: queued once. */
static const char *reminder_key(struct arena *a, int64_t id)
{
	return arena_printf(a, "bijeenkomst-herinnering-%lld", (long long)id);
}

/* Queue the reminder of registration id (a place at ev) for 07:00 UTC the
 * day before, unless that moment has passed; with the cancel link. */
static int queue_reminder(struct store *st, struct arena *a, const struct write_ctx *w,
			  const struct event_row *ev, int64_t id, const char *to, const char *name,
			  const char *cancel)
{
	char at[21], now[32];
	iso_at(0, now);
	if (str_empty(to) || !bijeenkomst_reminder_move(ev->starts_at, now, at))
		return STORE_OK;
	const struct mail_message m = {
	    .to = to,
	    .to_name = name,
	    .subject = arena_printf(a, "Herinnering: morgen %s", ev->title),
	    .body = arena_printf(a,
				 "Beste %s,\n\nMorgen is de bijeenkomst waarvoor u bent "
				 "aangemeld.\n\n%s\nKunt u toch niet komen? Meld u af, dan "
				 "krijgt iemand anders uw plaats: %s\n",
				 name, event_facts(a, ev), cancel),
	    .kind = "bijeenkomst-herinnering",
	    .dedupe_key = reminder_key(a, id),
	    .not_before = at,
	};
	int64_t mid;
	bool dup;
	struct field_errors e = {0};
	int rc = outbox_queue(st, w, &m, &mid, &dup, &e);
	if (rc != STORE_OK)
		log_error("bijeenkomsten: queueing a reminder failed (%d)", rc);
	return rc;
}

/*
 * Inside the batch: the start of ev moved. Everyone with a place or on the
 * waiting list (and an address) gets a mail with the new time and a new
 * cancel link (only digests are kept, so the old link stops working); a
 * reminder no sender has claimed yet is withdrawn and, for a place, queued
 * anew with the new link for 07:00 UTC the day before the new start — also
 * for a registration that had none because the old start was too near —
 * unless that moment has passed (bijeenkomst_reminder_move).
 */
static enum ev_outcome tell_moved(struct store *st, struct arena *a, const struct write_ctx *w,
				  const struct event_row *ev)
{
	struct registration_row *all;
	int n;
	if (store_registrations(st, a, ev->id, &all, &n) != STORE_OK)
		return EV_FAILED;
	for (int i = 0; i < n; i++) {
		const struct registration_row *x = &all[i];
		bool withdrawn;
		if (store_outbox_withdraw(st, reminder_key(a, x->id), &withdrawn) != STORE_OK)
			return EV_FAILED;
		bool place = bijeenkomst_status_takes_place(x->status);
		if ((!place && strcmp(x->status, "wachtlijst") != 0) || str_empty(x->email))
			continue;
		char tok[44], dig[65];
		secret_random_token(tok);
		secret_digest(tok, dig);
		int rc =
		    store_registration_set_status(st, w, x->id, x->event_id, x->status, dig, false);
		if (rc != STORE_OK)
			return from_store(rc);
		const char *cancel = arena_printf(a, "%s/bijeenkomsten/afmelden/%s",
						  bijeenkomsten_public_url(), tok);
		if (place &&
		    queue_reminder(st, a, w, ev, x->id, x->email, x->name, cancel) != STORE_OK)
			return EV_FAILED;
		if (queue(
			st, w, "bijeenkomst-verplaatst", x->email, x->name,
			arena_printf(a, "Nieuwe tijd: %s", ev->title),
			arena_printf(a,
				     "Beste %s,\n\nDe bijeenkomst waarvoor u %s, heeft een nieuwe "
				     "tijd.\n\n%s\nKunt u nu niet komen? Meld u af, dan krijgt "
				     "iemand anders uw plaats: %s\n(De afmeldlink uit een eerder "
				     "bericht werkt niet meer.)\n",
				     x->name, place ? "bent aangemeld" : "op de wachtlijst staat",
				     event_facts(a, ev), cancel)) != STORE_OK)
			return EV_FAILED;
	}
	return EV_OK;
}

/* The mail after registration id took a place or joined the waiting list,
 * with the cancel link (token), and for a place the reminder of the day
 * before. promoted: it moved up from the list. */
static int mail_status(struct store *st, struct arena *a, const struct write_ctx *w,
		       const struct event_row *ev, int64_t id, const char *to, const char *name,
		       const char *status, const char *token, bool promoted)
{
	const char *cancel =
	    arena_printf(a, "%s/bijeenkomsten/afmelden/%s", bijeenkomsten_public_url(), token);
	const char *facts = event_facts(a, ev);
	if (strcmp(status, "bevestigd") == 0 &&
	    queue_reminder(st, a, w, ev, id, to, name, cancel) != STORE_OK)
		return STORE_ERR;
	if (strcmp(status, "wachtlijst") == 0)
		return queue(st, w, "bijeenkomst-wachtlijst", to, name,
			     arena_printf(a, "U staat op de wachtlijst: %s", ev->title),
			     arena_printf(a,
					  "Beste %s,\n\nDe bijeenkomst is vol. U staat op de "
					  "wachtlijst. Komt er een plaats vrij, dan krijgt u "
					  "automatisch een plaats en een bericht.\n\n%s\nAfmelden "
					  "(ook van de wachtlijst): %s\n",
					  name, facts, cancel));
	return queue(
	    st, w, promoted ? "bijeenkomst-plaats-vrij" : "bijeenkomst-aanmelding", to, name,
	    arena_printf(a, promoted ? "Er is een plaats vrij: %s" : "Aanmelding bevestigd: %s",
			 ev->title),
	    arena_printf(a,
			 "Beste %s,\n\n%s\n\n%s\nKunt u toch niet komen? Meld u af, dan "
			 "krijgt iemand anders uw plaats: %s\n",
			 name,
			 promoted ? "Er is een plaats vrijgekomen. U bent nu aangemeld."
				  : "Uw aanmelding is bevestigd. U hebt een plaats.",
			 facts, cancel));
}

/* ---- registering ----------------------------------------------------------------------- */

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static void anon_ctx(const struct user *u, const char *via, struct write_ctx *w, char actor[80],
		     char today[11])
{
	accounts_write_ctx(u, via, w, actor, today);
	if (!u)
		w->actor = "anoniem";
}

/* Inside the open batch: the event, still open for registration? */
static enum ev_outcome open_event(struct store *st, struct arena *a, int64_t event_id,
				  struct event_row *ev)
{
	int rc = store_event_get(st, a, event_id, ev);
	if (rc != STORE_OK)
		return from_store(rc);
	char now[17];
	bijeenkomsten_now(now);
	return bijeenkomst_registration_open(ev->deadline, ev->starts_at, now) ? EV_OK : EV_CLOSED;
}

/* End the batch: commit on EV_OK, else roll back; EV_FAILED when the
 * commit fails. */
static enum ev_outcome finish(struct store *st, enum ev_outcome o)
{
	if (store_batch_end(st, o == EV_OK) != STORE_OK)
		return EV_FAILED;
	if (o == EV_OK)
		outbox_wake(); /* the mail is committed now */
	return o;
}

enum ev_outcome bijeenkomsten_register_user(struct store *st, const struct user *u,
					    int64_t event_id, bool show_name,
					    const char **status_out)
{
	*status_out = NULL;
	if (!u)
		return EV_FORBIDDEN;
	struct arena *a = arena_new();
	struct write_ctx w;
	char actor[80], today[11];
	anon_ctx(u, "web", &w, actor, today);
	char email[sizeof u->email];
	snprintf(email, sizeof email, "%s", u->email);
	lower(email);
	const char *name = *u->display_name ? u->display_name : u->username;
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return EV_FAILED;
	}
	struct event_row ev;
	enum ev_outcome o = open_event(st, a, event_id, &ev);
	int taken = 0;
	char tok[44], dig[65];
	secret_random_token(tok);
	secret_digest(tok, dig);
	struct registration_row old;
	int64_t id = 0;
	const char *status = "bevestigd";
	bool has_mail = mail_address_valid(email);
	int f = o == EV_OK
		    ? store_registration_find(st, a, event_id, has_mail ? email : NULL, u->id, &old)
		    : STORE_ERR_NOTFOUND;
	if (o == EV_OK && f == STORE_OK && strcmp(old.status, "geannuleerd") != 0)
		o = EV_DUPLICATE;
	else if (o == EV_OK && f != STORE_OK && f != STORE_ERR_NOTFOUND)
		o = EV_FAILED;
	if (o == EV_OK && store_registration_taken(st, event_id, &taken) != STORE_OK)
		o = EV_FAILED;
	if (o == EV_OK) {
		status =
		    bijeenkomst_places_left(ev.capacity, taken) > 0 ? "bevestigd" : "wachtlijst";
		const struct registration_values v = {
		    .event_id = event_id,
		    .user_id = u->id,
		    .email = has_mail ? email : NULL,
		    .name = name,
		    .organisation = u->org_code,
		    .show_name = show_name,
		    .status = status,
		    .cancel_digest = dig,
		};
		int rc = f == STORE_OK ? store_registration_renew(st, &w, old.id, &v)
				       : store_registration_add(st, &w, &v, &id);
		o = from_store(rc);
	}
	if (o == EV_OK && has_mail &&
	    mail_status(st, a, &w, &ev, f == STORE_OK ? old.id : id, email, name, status, tok,
			false) != STORE_OK)
		o = EV_FAILED;
	o = finish(st, o);
	if (o == EV_OK)
		*status_out = status;
	arena_free(a);
	return o;
}

enum ev_outcome bijeenkomsten_register_guest(struct store *st, const char *client_addr,
					     int64_t event_id, const char *name,
					     const char *organisation, const char *email,
					     bool show_name, struct field_errors *e)
{
	if (!bijeenkomst_check_guest(name, organisation, email, e))
		return EV_INVALID;
	char addr[MAIL_ADDRESS_MAX + 1];
	snprintf(addr, sizeof addr, "%s", email);
	lower(addr);
	char raw[128], client_key[65], since[32], until[32];
	snprintf(raw, sizeof raw, "ip:%s", client_addr ? client_addr : "");
	secret_digest(raw, client_key);
	iso_at(-3600, since);
	iso_at(BIJEENKOMSTEN_CONFIRM_HOURS * 3600L, until);
	struct arena *a = arena_new();
	struct write_ctx w;
	char actor[80], today[11];
	anon_ctx(NULL, "web", &w, actor, today);
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return EV_FAILED;
	}
	struct event_row ev;
	enum ev_outcome o = open_event(st, a, event_id, &ev);
	int n_client = 0;
	if (o == EV_OK && store_registration_count_client(st, client_key, since, &n_client))
		o = EV_FAILED;
	if (o == EV_OK && n_client >= per_hour())
		o = EV_LIMITED;
	struct registration_row old;
	int f = o == EV_OK ? store_registration_find(st, a, event_id, addr, 0, &old)
			   : STORE_ERR_NOTFOUND;
	if (o == EV_OK && f == STORE_OK && strcmp(old.status, "geannuleerd") != 0)
		o = EV_DUPLICATE;
	else if (o == EV_OK && f != STORE_OK && f != STORE_ERR_NOTFOUND)
		o = EV_FAILED;
	char tok[44], dig[65];
	secret_random_token(tok);
	secret_digest(tok, dig);
	if (o == EV_OK) {
		const struct registration_values v = {
		    .event_id = event_id,
		    .email = addr,
		    .name = name,
		    .organisation = organisation,
		    .show_name = show_name,
		    .status = "onbevestigd",
		    .confirm_digest = dig,
		    .confirm_until = until,
		    .client_key = client_key,
		};
		int64_t id;
		int rc = f == STORE_OK ? store_registration_renew(st, &w, old.id, &v)
				       : store_registration_add(st, &w, &v, &id);
		o = from_store(rc);
	}
	if (o == EV_OK) {
		const char *link = arena_printf(a, "%s/bijeenkomsten/bevestigen/%s",
						bijeenkomsten_public_url(), tok);
		const char *body = arena_printf(
		    a,
		    "Beste %s,\n\nU hebt zich aangemeld voor een bijeenkomst. Bevestig uw "
		    "aanmelding met deze link (%d uur geldig); pas daarna telt uw aanmelding:\n"
		    "%s\n\n%s\nHebt u zich niet aangemeld? Dan kunt u dit bericht negeren.\n",
		    name, BIJEENKOMSTEN_CONFIRM_HOURS, link, event_facts(a, &ev));
		if (queue(st, &w, "bijeenkomst-bevestigen", addr, name,
			  arena_printf(a, "Bevestig uw aanmelding: %s", ev.title),
			  body) != STORE_OK)
			o = EV_FAILED;
	}
	o = finish(st, o);
	arena_free(a);
	return o;
}

/* Inside the batch: the registration of token (which 'b' confirm, 'a'
 * cancel) and its event; EV_OK when it can be used now. */
static enum ev_outcome by_token(struct store *st, struct arena *a, char which, const char *token,
				struct registration_row *reg, struct event_row *ev)
{
	memset(ev, 0, sizeof *ev);
	if (str_empty(token) || strlen(token) > 100)
		return EV_NOTFOUND;
	char dig[65];
	secret_digest(token, dig);
	int rc = store_registration_by_token(st, a, which, dig, reg);
	if (rc != STORE_OK)
		return from_store(rc);
	rc = store_event_get(st, a, reg->event_id, ev);
	if (rc != STORE_OK)
		return from_store(rc);
	if (which == 'a')
		return strcmp(reg->status, "geannuleerd") == 0 ? EV_USED : EV_OK;
	if (strcmp(reg->status, "onbevestigd") != 0)
		return EV_USED;
	char now[32];
	iso_at(0, now);
	if (*reg->confirm_until && strcmp(now, reg->confirm_until) > 0)
		return EV_EXPIRED;
	char local[17];
	bijeenkomsten_now(local);
	return bijeenkomst_registration_open(ev->deadline, ev->starts_at, local) ? EV_OK
										 : EV_CLOSED;
}

enum ev_outcome bijeenkomsten_peek(struct store *st, struct arena *a, char which, const char *token,
				   struct event_row *ev)
{
	struct registration_row reg;
	return by_token(st, a, which, token, &reg, ev);
}

enum ev_outcome bijeenkomsten_confirm(struct store *st, struct arena *a, const char *token,
				      struct event_row *ev, const char **status_out)
{
	*status_out = NULL;
	struct write_ctx w;
	char actor[80], today[11];
	anon_ctx(NULL, "web", &w, actor, today);
	if (store_batch_begin(st) != STORE_OK)
		return EV_FAILED;
	struct registration_row reg;
	enum ev_outcome o = by_token(st, a, 'b', token, &reg, ev);
	int taken = 0;
	if (o == EV_OK && store_registration_taken(st, reg.event_id, &taken) != STORE_OK)
		o = EV_FAILED;
	const char *status = "bevestigd";
	char tok[44], dig[65];
	secret_random_token(tok);
	secret_digest(tok, dig);
	if (o == EV_OK) {
		status =
		    bijeenkomst_places_left(ev->capacity, taken) > 0 ? "bevestigd" : "wachtlijst";
		o = from_store(store_registration_set_status(st, &w, reg.id, reg.event_id, status,
							     dig, false));
	}
	if (o == EV_OK &&
	    mail_status(st, a, &w, ev, reg.id, reg.email, reg.name, status, tok, false) != STORE_OK)
		o = EV_FAILED;
	o = finish(st, o);
	if (o == EV_OK)
		*status_out = status;
	return o;
}

/* Inside the batch: a place of ev came free — the first on the waiting
 * list (bijeenkomst_next_waiting) moves up and gets its mail. */
static enum ev_outcome promote_next(struct store *st, struct arena *a, const struct write_ctx *w,
				    const struct event_row *ev)
{
	int taken = 0;
	if (store_registration_taken(st, ev->id, &taken) != STORE_OK)
		return EV_FAILED;
	if (bijeenkomst_places_left(ev->capacity, taken) == 0)
		return EV_OK;
	struct registration_row *all;
	int n;
	if (store_registrations(st, a, ev->id, &all, &n) != STORE_OK)
		return EV_FAILED;
	struct waiting_entry *wl = arena_calloc(a, (size_t)n + 1, sizeof *wl);
	for (int i = 0; i < n; i++)
		wl[i] = (struct waiting_entry){all[i].id, all[i].status, all[i].waiting_since};
	int next = bijeenkomst_next_waiting(wl, n);
	if (next < 0)
		return EV_OK;
	char tok[44], dig[65];
	secret_random_token(tok);
	secret_digest(tok, dig);
	int rc =
	    store_registration_set_status(st, w, all[next].id, ev->id, "bevestigd", dig, false);
	if (rc != STORE_OK)
		return from_store(rc);
	return mail_status(st, a, w, ev, all[next].id, all[next].email, all[next].name, "bevestigd",
			   tok, true) == STORE_OK
		   ? EV_OK
		   : EV_FAILED;
}

/* Inside the batch: cancel reg (of ev); when it held a place, the first on
 * the waiting list moves up with its mail. */
static enum ev_outcome cancel_in_batch(struct store *st, struct arena *a, const struct write_ctx *w,
				       const struct registration_row *reg,
				       const struct event_row *ev)
{
	bool held = bijeenkomst_status_takes_place(reg->status);
	int rc =
	    store_registration_set_status(st, w, reg->id, reg->event_id, "geannuleerd", NULL, true);
	if (rc != STORE_OK)
		return from_store(rc);
	bool withdrawn; /* a reminder not yet sent goes with the registration */
	if (store_outbox_withdraw(st, reminder_key(a, reg->id), &withdrawn) != STORE_OK)
		return EV_FAILED;
	/* a guest's name and address go with the cancellation */
	if (!reg->user_id && store_registration_erase(st, w, reg->id) != STORE_OK)
		return EV_FAILED;
	return held ? promote_next(st, a, w, ev) : EV_OK;
}

enum ev_outcome bijeenkomsten_cancel(struct store *st, struct arena *a, const char *token,
				     struct event_row *ev)
{
	struct write_ctx w;
	char actor[80], today[11];
	anon_ctx(NULL, "web", &w, actor, today);
	if (store_batch_begin(st) != STORE_OK)
		return EV_FAILED;
	struct registration_row reg;
	enum ev_outcome o = by_token(st, a, 'a', token, &reg, ev);
	if (o == EV_OK)
		o = cancel_in_batch(st, a, &w, &reg, ev);
	return finish(st, o);
}

enum ev_outcome bijeenkomsten_cancel_user(struct store *st, const struct user *u, int64_t event_id)
{
	if (!u)
		return EV_FORBIDDEN;
	struct arena *a = arena_new();
	struct write_ctx w;
	char actor[80], today[11];
	anon_ctx(u, "web", &w, actor, today);
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return EV_FAILED;
	}
	struct registration_row reg;
	struct event_row ev;
	int rc = store_event_get(st, a, event_id, &ev);
	if (rc == STORE_OK)
		rc = store_registration_find(st, a, event_id, NULL, u->id, &reg);
	enum ev_outcome o = from_store(rc);
	if (o == EV_OK && strcmp(reg.status, "geannuleerd") == 0)
		o = EV_USED;
	if (o == EV_OK)
		o = cancel_in_batch(st, a, &w, &reg, &ev);
	o = finish(st, o);
	arena_free(a);
	return o;
}

enum ev_outcome bijeenkomsten_mine(struct store *st, struct arena *a, const struct user *u,
				   int64_t event_id, struct registration_row *out)
{
	memset(out, 0, sizeof *out);
	if (!u)
		return EV_NOTFOUND;
	return from_store(store_registration_find(st, a, event_id, NULL, u->id, out));
}

enum ev_outcome bijeenkomsten_registrations(struct store *st, struct arena *a, const struct user *u,
					    int64_t event_id, struct registration_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	return from_store(store_registrations(st, a, event_id, out, n));
}

enum ev_outcome bijeenkomsten_fellow_attendees(struct store *st, struct arena *a,
					       const struct user *u, int64_t event_id,
					       struct registration_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct registration_row me;
	if (bijeenkomsten_mine(st, a, u, event_id, &me) != EV_OK ||
	    !bijeenkomst_status_takes_place(me.status))
		return EV_OK;
	struct registration_row *all;
	int m;
	if (store_registrations(st, a, event_id, &all, &m) != STORE_OK)
		return EV_FAILED;
	struct registration_row *keep = arena_calloc(a, (size_t)m + 1, sizeof *keep);
	int k = 0;
	for (int i = 0; i < m; i++)
		if (all[i].show_name && bijeenkomst_status_takes_place(all[i].status)) {
			keep[k] = all[i];
			keep[k].email = ""; /* never to other attendees */
			k++;
		}
	*out = keep;
	*n = k;
	return EV_OK;
}

enum ev_outcome bijeenkomsten_attendance(struct store *st, const struct user *u, const char *via,
					 int64_t event_id, const int64_t *present, int n)
{
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	struct arena *a = arena_new();
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return EV_FAILED;
	}
	struct event_row ev;
	enum ev_outcome o = from_store(store_event_get(st, a, event_id, &ev));
	struct registration_row *all = NULL;
	int m = 0;
	if (o == EV_OK)
		o = from_store(store_registrations(st, a, event_id, &all, &m));
	for (int i = 0; o == EV_OK && i < m; i++) {
		if (!bijeenkomst_status_takes_place(all[i].status))
			continue;
		bool here = false;
		for (int j = 0; j < n; j++)
			here |= present[j] == all[i].id;
		const char *want = here ? "aanwezig" : "bevestigd";
		if (strcmp(all[i].status, want) != 0)
			o = from_store(store_registration_set_status(st, &w, all[i].id, event_id,
								     want, NULL, false));
	}
	o = finish(st, o);
	arena_free(a);
	return o;
}

enum ev_outcome bijeenkomsten_registration(struct store *st, struct arena *a, const struct user *u,
					   int64_t event_id, int64_t id,
					   struct registration_row *out)
{
	memset(out, 0, sizeof *out);
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	return from_store(store_registration_get(st, a, event_id, id, out));
}

enum ev_outcome bijeenkomsten_registration_edit(struct store *st, const struct user *u,
						const char *via, int64_t event_id, int64_t id,
						const char *name, const char *organisation,
						bool show_name, struct field_errors *e)
{
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	if (!bijeenkomst_check_attendee(name, organisation, e))
		return EV_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return from_store(
	    store_registration_edit(st, &w, event_id, id, name, organisation, show_name));
}

enum ev_outcome bijeenkomsten_registration_remove(struct store *st, const struct user *u,
						  const char *via, int64_t event_id, int64_t id)
{
	if (!policy_is_province(u))
		return EV_FORBIDDEN;
	struct arena *a = arena_new();
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	if (store_batch_begin(st) != STORE_OK) {
		arena_free(a);
		return EV_FAILED;
	}
	struct event_row ev;
	struct registration_row reg;
	enum ev_outcome o = from_store(store_event_get(st, a, event_id, &ev));
	if (o == EV_OK)
		o = from_store(store_registration_get(st, a, event_id, id, &reg));
	if (o == EV_OK)
		o = from_store(store_registration_delete(st, &w, event_id, id));
	bool withdrawn; /* a reminder not yet sent goes with the registration */
	if (o == EV_OK && store_outbox_withdraw(st, reminder_key(a, id), &withdrawn) != STORE_OK)
		o = EV_FAILED;
	if (o == EV_OK && bijeenkomst_status_takes_place(reg.status))
		o = promote_next(st, a, &w, &ev);
	o = finish(st, o);
	arena_free(a);
	return o;
}
