/*
 * toezicht_ladder (domain) — rules of the intervention ladder, the
 * agreements and the dialogue log; see toezicht_ladder.h.
 */
#include "toezicht_ladder.h"
#include "toezicht.h"
#include "validate.h"
#include "../lib/text.h"

#include <ctype.h>
#include <string.h>

static const char *const track_api[IBT_TRACK_COUNT] = {"ladder", "kroon"};

int ibt_track_from(const char *api)
{
	for (int i = 0; api && i < IBT_TRACK_COUNT; i++)
		if (!strcmp(api, track_api[i]))
			return i;
	return -1;
}

const char *ibt_track_api(enum ibt_track t)
{
	return t < IBT_TRACK_COUNT ? track_api[t] : "";
}

static const char *const step_names[IBT_STEPS] = {
    "Signalering", "Verdere factfinding en beoordeling",
    "Afspraken over acties, termijnen en vervolg", "Besluit tot indeplaatsstelling",
    "Uitvoering indeplaatsstelling"};

const char *ibt_step_name(int step)
{
	return step >= 1 && step <= IBT_STEPS ? step_names[step - 1] : "";
}

const char *ibt_record_name(enum ibt_track t, int step)
{
	return t == IBT_TRACK_CROWN ? "Schorsing of vernietiging (voordracht aan de Kroon)"
				    : ibt_step_name(step);
}

bool ibt_step_needs_reason(int current, int next)
{
	return next > current + 1 || (next >= 3 && next > current);
}

bool ibt_record_public(enum ibt_track t, int step)
{
	return t == IBT_TRACK_CROWN || (t == IBT_TRACK_LADDER && step >= 4);
}

static size_t chars(const char *s)
{
	return s ? utf8_length(s, strlen(s)) : 0;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* A date YYYY-MM-DD not after today (field, with the Dutch messages). */
static bool check_past_date(struct field_errors *e, const char *field, const char *d,
			    const char *today)
{
	if (str_empty(d) || !is_iso_date(d)) {
		field_errors_add(e, field, "Geef een datum als jjjj-mm-dd.");
		return false;
	}
	if (today && strcmp(d, today) > 0) {
		field_errors_add(e, field, "De datum ligt in de toekomst.");
		return false;
	}
	return true;
}

void ibt_check_step(struct field_errors *e, const struct ibt_step_input *in,
		    const struct ibt_step_context *c, enum ibt_track *track, int *step)
{
	*track = IBT_TRACK_LADDER;
	*step = 0;
	if (!c->org_known)
		field_errors_add(e, "organisatie", "Kies een bestaande organisatie.");
	if (!c->domain_known)
		field_errors_add(e, "domein", "Kies een bestaand toezichtdomein.");
	else if (c->org_known && !c->domain_applies)
		field_errors_add(e, "domein", "Dit domein geldt niet voor deze soort organisatie.");
	int t = str_empty(in->track) ? IBT_TRACK_LADDER : ibt_track_from(in->track);
	if (t < 0) {
		field_errors_add(e, "spoor",
				 "Kies de interventieladder of schorsing en vernietiging.");
		return;
	}
	*track = (enum ibt_track)t;
	bool dated = check_past_date(e, "sinds", in->since, c->today);
	if (chars(in->reason) > IBT_TEXT_MAX)
		field_errors_add(e, "reden", "De reden is te lang (ten hoogste %d tekens).",
				 IBT_TEXT_MAX);
	if (chars(in->subject) > IBT_SUBJECT_MAX)
		field_errors_add(e, "onderwerp",
				 "Het onderwerp is te lang (ten hoogste %d tekens).",
				 IBT_SUBJECT_MAX);
	if (*track == IBT_TRACK_CROWN) {
		if (chars(in->subject) < 2 || blank(in->subject))
			field_errors_add(e, "onderwerp",
					 "Noem het besluit waarvoor de provincie schorsing of "
					 "vernietiging voordraagt.");
		if (!str_empty(in->step))
			field_errors_add(e, "trede",
					 "Schorsing en vernietiging is een eigen spoor, zonder "
					 "trede; laat de trede leeg.");
		return;
	}
	long v;
	if (!parse_long(in->step, 1, IBT_STEPS, &v)) {
		field_errors_add(e, "trede", "Kies een trede van 1 tot en met 5.");
		return;
	}
	*step = (int)v;
	if (*step == c->current) {
		field_errors_add(e, "trede", "Trede %d is al de huidige trede.", *step);
		return;
	}
	if (ibt_step_needs_reason(c->current, *step) && blank(in->reason)) {
		if (*step > c->current + 1)
			field_errors_add(e, "reden",
					 "Trede %d slaat een trede over (nu: %s); geef de reden "
					 "waarom een lichter middel niet volstaat.",
					 *step,
					 c->current ? ibt_step_name(c->current) : "geen trede");
		else
			field_errors_add(
			    e, "reden",
			    "Opschalen voorbij trede 2 vraagt een reden: waarom volstaat "
			    "een lichter middel niet?");
	}
	if (dated && !str_empty(c->current_since) && strcmp(in->since, c->current_since) < 0)
		field_errors_add(e, "sinds",
				 "De datum ligt voor het begin van de huidige trede (%s).",
				 c->current_since);
}

void ibt_check_end(struct field_errors *e, const char *ended, const char *started,
		   const char *today)
{
	if (check_past_date(e, "tot", ended, today) && started && strcmp(ended, started) < 0)
		field_errors_add(e, "tot", "De einddatum ligt voor de begindatum (%s).", started);
}

static const char *const agr_api[IBT_AGR_COUNT] = {"open", "uitgevoerd", "vervallen"};
static const char *const agr_name[IBT_AGR_COUNT] = {"Open", "Uitgevoerd", "Vervallen"};

int ibt_agreement_status_from(const char *api)
{
	for (int i = 0; api && i < IBT_AGR_COUNT; i++)
		if (!strcmp(api, agr_api[i]))
			return i;
	return -1;
}

const char *ibt_agreement_status_api(enum ibt_agreement_status s)
{
	return s < IBT_AGR_COUNT ? agr_api[s] : "";
}

const char *ibt_agreement_status_name(enum ibt_agreement_status s)
{
	return s < IBT_AGR_COUNT ? agr_name[s] : "";
}

void ibt_check_agreement(struct field_errors *e, const struct ibt_agreement_input *in,
			 enum ibt_agreement_status *status)
{
	*status = IBT_AGR_OPEN;
	size_t n = chars(in->action);
	if (n < 2 || n > 1000 || blank(in->action))
		field_errors_add(e, "actie", "Beschrijf de actie in 2 tot 1000 tekens.");
	n = chars(in->owner);
	if (n < 2 || n > IBT_SUBJECT_MAX || blank(in->owner))
		field_errors_add(e, "eigenaar", "Noem wie de actie uitvoert (2 tot %d tekens).",
				 IBT_SUBJECT_MAX);
	if (str_empty(in->due) || !is_iso_date(in->due))
		field_errors_add(e, "termijn", "Geef de termijn als datum jjjj-mm-dd.");
	int s = str_empty(in->status) ? IBT_AGR_OPEN : ibt_agreement_status_from(in->status);
	if (s < 0)
		field_errors_add(e, "status", "Kies open, uitgevoerd of vervallen.");
	else
		*status = (enum ibt_agreement_status)s;
}

static const char *const kind_api[IBT_DLG_COUNT] = {"toezichtgesprek", "reality-check",
						    "thematische-studie", "peer-review"};
static const char *const kind_name[IBT_DLG_COUNT] = {
    "Toezichtgesprek", "Reality check", "Thematische studie", "Peer review (visitatie)"};

int ibt_dialogue_kind_from(const char *api)
{
	for (int i = 0; api && i < IBT_DLG_COUNT; i++)
		if (!strcmp(api, kind_api[i]))
			return i;
	return -1;
}

const char *ibt_dialogue_kind_api(enum ibt_dialogue_kind k)
{
	return k < IBT_DLG_COUNT ? kind_api[k] : "";
}

const char *ibt_dialogue_kind_name(enum ibt_dialogue_kind k)
{
	return k < IBT_DLG_COUNT ? kind_name[k] : "";
}

/* The reviewers: known gemeenten, not the reviewed one, no duplicates. */
static void check_reviewers(struct field_errors *e, const struct ibt_dialogue_input *in,
			    const struct ibt_dialogue_context *c, bool peer)
{
	int n = 0;
	const char *seen[IBT_REVIEWERS_MAX];
	size_t seen_len[IBT_REVIEWERS_MAX];
	for (const char *p = in->reviewers ? in->reviewers : ""; *p;) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len) {
			char code[64];
			if (len >= sizeof code) {
				field_errors_add(e, "beoordelaars", "Kies bestaande gemeenten.");
				return;
			}
			memcpy(code, p, len);
			code[len] = '\0';
			if (!c->reviewer_known || !c->reviewer_known(code, c->arg)) {
				field_errors_add(e, "beoordelaars",
						 "Kies bestaande gemeenten als beoordelaars.");
				return;
			}
			if (in->org && !strcmp(code, in->org)) {
				field_errors_add(e, "beoordelaars",
						 "Een organisatie beoordeelt zichzelf niet in een "
						 "peer review.");
				return;
			}
			for (int i = 0; i < n; i++)
				if (seen_len[i] == len && !strncmp(seen[i], p, len)) {
					field_errors_add(e, "beoordelaars",
							 "Noem elke gemeente één keer.");
					return;
				}
			if (n == IBT_REVIEWERS_MAX) {
				field_errors_add(e, "beoordelaars",
						 "Kies ten hoogste %d gemeenten.",
						 IBT_REVIEWERS_MAX);
				return;
			}
			seen[n] = p;
			seen_len[n++] = len;
		}
		if (!end)
			break;
		p = end + 1;
	}
	if (peer && !n)
		field_errors_add(e, "beoordelaars",
				 "Kies bij een peer review de gemeenten die beoordeelden.");
	if (!peer && n)
		field_errors_add(e, "beoordelaars",
				 "Beoordelaars horen alleen bij een peer review; laat dit leeg.");
}

void ibt_check_dialogue(struct field_errors *e, const struct ibt_dialogue_input *in,
			const struct ibt_dialogue_context *c, enum ibt_dialogue_kind *kind,
			bool *shared)
{
	*kind = IBT_DLG_TALK;
	*shared = false;
	if (!c->org_known)
		field_errors_add(e, "organisatie", "Kies een bestaande organisatie.");
	if (!str_empty(in->domain)) {
		if (!c->domain_known)
			field_errors_add(e, "domein",
					 "Kies een bestaand toezichtdomein, of laat het leeg.");
		else if (c->org_known && !c->domain_applies)
			field_errors_add(e, "domein",
					 "Dit domein geldt niet voor deze soort organisatie.");
	}
	int k = ibt_dialogue_kind_from(in->kind);
	if (k < 0)
		field_errors_add(e, "soort",
				 "Kies toezichtgesprek, reality check, thematische studie of peer "
				 "review.");
	else
		*kind = (enum ibt_dialogue_kind)k;
	check_past_date(e, "datum", in->held_on, c->today);
	size_t n = chars(in->subject);
	if (n < 2 || n > IBT_SUBJECT_MAX || blank(in->subject))
		field_errors_add(e, "onderwerp", "Geef een onderwerp van 2 tot %d tekens.",
				 IBT_SUBJECT_MAX);
	if (chars(in->participants) > 1000)
		field_errors_add(e, "deelnemers", "Ten hoogste 1000 tekens.");
	if (chars(in->notes) > IBT_TEXT_MAX)
		field_errors_add(e, "aantekeningen", "Ten hoogste %d tekens.", IBT_TEXT_MAX);
	if (!validate_is_url_opt(in->report_url))
		field_errors_add(e, "rapport", "Geef een link die begint met https:// of http://.");
	if (k >= 0)
		check_reviewers(e, in, c, k == IBT_DLG_PEER);
	if (!in->visibility ||
	    (strcmp(in->visibility, "intern") && strcmp(in->visibility, "gedeeld")))
		field_errors_add(e, "zichtbaarheid",
				 "Kies intern (alleen toezichthouders) of gedeeld (ook de "
				 "redacteuren van de organisatie).");
	else
		*shared = !strcmp(in->visibility, "gedeeld");
}
