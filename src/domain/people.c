/*
 * people — pure rules for people, seats and role perspectives; see
 * people.h. No I/O, no allocation.
 *
 * Periods are half-open [from, to): an office that ends on 2021-01-01 and
 * one that starts on 2021-01-01 touch but do not overlap. A period with
 * from == to is empty and overlaps nothing.
 */
#include "people.h"

#include <stdio.h>
#include <string.h>

const struct label office_labels[OFFICE_COUNT] = {
    [OFFICE_BURGEMEESTER] = {"burgemeester", "burgemeester", "Burgemeester"},
    [OFFICE_WETHOUDER] = {"wethouder", "wethouder", "Wethouder"},
    [OFFICE_GEDEPUTEERDE] = {"gedeputeerde", "gedeputeerde", "Gedeputeerde"},
    [OFFICE_CDK] = {"cdk", "cdk", "Commissaris van de Koning"},
    [OFFICE_DIJKGRAAF] = {"dijkgraaf", "dijkgraaf", "Dijkgraaf"},
    [OFFICE_HEEMRAAD] = {"heemraad", "heemraad", "Heemraad"},
    [OFFICE_RAADSLID] = {"raadslid", "raadslid", "Raadslid"},
    [OFFICE_STATENLID] = {"statenlid", "statenlid", "Statenlid"},
    [OFFICE_AB_WATERSCHAP] = {"ab-lid-waterschap", "ab-lid-waterschap",
			      "Lid algemeen bestuur waterschap"},
    [OFFICE_AMBTENAAR] = {"ambtenaar", "ambtenaar", "Ambtenaar"},
};

const struct label seat_body_labels[SEAT_BODY_COUNT] = {
    [SEAT_ALGEMEEN_BESTUUR] = {"algemeen-bestuur", "algemeen-bestuur", "Algemeen bestuur"},
    [SEAT_DAGELIJKS_BESTUUR] = {"dagelijks-bestuur", "dagelijks-bestuur", "Dagelijks bestuur"},
    [SEAT_VOORZITTER] = {"voorzitter", "voorzitter", "Voorzitter"},
    [SEAT_BESTUUR] = {"bestuur", "bestuur", "Bestuur"},
    [SEAT_PORTEFEUILLEHOUDERSOVERLEG] = {"portefeuillehoudersoverleg", "portefeuillehoudersoverleg",
					 "Portefeuillehoudersoverleg"},
    [SEAT_ADVIESCOMMISSIE] = {"adviescommissie", "adviescommissie",
			      "Gemeenschappelijke adviescommissie"},
};

const struct label perspective_labels[PERSP_COUNT] = {
    [PERSP_RECHTMATIG] = {"rechtmatig", "rechtmatig", "Rechtmatige overheid"},
    [PERSP_PRESTEREND] = {"presterend", "presterend", "Presterende overheid"},
    [PERSP_SAMENWERKEND] = {"samenwerkend", "samenwerkend", "Samenwerkende (netwerkende) overheid"},
    [PERSP_RESPONSIEF] = {"responsief", "responsief", "Responsieve (participerende) overheid"},
};

const char *const perspective_explanations[PERSP_COUNT] = {
    [PERSP_RECHTMATIG] =
	"In het model van Van der Steen en anderen (NSOB) stuurt de rechtmatige overheid op "
	"regels, procedures en democratische verantwoording: gelijke behandeling en "
	"zorgvuldigheid staan voorop.",
    [PERSP_PRESTEREND] =
	"In het model van Van der Steen en anderen (NSOB) stuurt de presterende overheid op "
	"resultaten, doelen en doelmatigheid, vaak met afspraken over prestaties en "
	"indicatoren.",
    [PERSP_SAMENWERKEND] =
	"In het model van Van der Steen en anderen (NSOB) werkt de netwerkende overheid samen "
	"met andere partijen aan gedeelde opgaven en stuurt zij in netwerken in plaats van "
	"alleen van bovenaf.",
    [PERSP_RESPONSIEF] =
	"In het model van Van der Steen en anderen (NSOB) sluit de participerende overheid aan "
	"bij initiatieven uit de samenleving en stelt zij zich responsief en faciliterend op.",
};

bool office_is_public(enum office_kind k)
{
	return (int)k >= 0 && k < OFFICE_COUNT && k != OFFICE_AMBTENAAR;
}

/* Bit masks of the bodies each family of legal forms has. */
#define B(x) (1u << (x))
#define BODIES_OL                                                                                  \
	(B(SEAT_ALGEMEEN_BESTUUR) | B(SEAT_DAGELIJKS_BESTUUR) | B(SEAT_VOORZITTER) |               \
	 B(SEAT_ADVIESCOMMISSIE) | B(SEAT_PORTEFEUILLEHOUDERSOVERLEG))
#define BODIES_ONE_BOARD B(SEAT_BESTUUR)
#define BODIES_NETWORK (B(SEAT_BESTUUR) | B(SEAT_PORTEFEUILLEHOUDERSOVERLEG))
#define BODIES_ALL ((1u << SEAT_BODY_COUNT) - 1u)

static unsigned bodies_of(enum legal_form lf)
{
	switch (lf) {
	case LF_OL:
		return BODIES_OL;
	case LF_GO:
	case LF_BVO:
	case LF_STICHTING:
	case LF_VERENIGING:
	case LF_BV:
	case LF_NV:
	case LF_COOPERATIE:
		return BODIES_ONE_BOARD;
	case LF_CC:
	case LF_RZM:
		return 0;
	case LF_CONVENANT:
	case LF_NETWERK:
		return BODIES_NETWORK;
	case LF_UNKNOWN:
	case LF_COUNT:
	default:
		return BODIES_ALL;
	}
}

/* The Dutch name of a legal form for messages, lower case. */
static const char *form_phrase(enum legal_form lf)
{
	switch (lf) {
	case LF_OL:
		return "een openbaar lichaam";
	case LF_GO:
		return "een gemeenschappelijk orgaan";
	case LF_BVO:
		return "een bedrijfsvoeringsorganisatie";
	case LF_CC:
		return "een centrumgemeenteconstructie";
	case LF_RZM:
		return "een regeling zonder meer";
	case LF_STICHTING:
		return "een stichting";
	case LF_VERENIGING:
		return "een vereniging";
	case LF_BV:
		return "een besloten vennootschap";
	case LF_NV:
		return "een naamloze vennootschap";
	case LF_COOPERATIE:
		return "een coöperatie";
	case LF_CONVENANT:
		return "een convenant";
	case LF_NETWERK:
		return "een netwerk";
	default:
		return "dit samenwerkingsverband";
	}
}

bool seat_body_allowed(enum legal_form lf, enum collab_kind kind, enum seat_body body, char *msg,
		       size_t msglen)
{
	(void)kind; /* the legal form decides; an unknown form allows any body */
	unsigned mask = bodies_of(lf);
	if ((int)body >= 0 && body < SEAT_BODY_COUNT && (mask & B(body)))
		return true;
	if (!msg || !msglen)
		return false;
	if (!mask) {
		snprintf(msg, msglen,
			 "Bij %s heeft het samenwerkingsverband geen eigen bestuursorganen; leg de "
			 "functie vast bij de deelnemende organisatie.",
			 form_phrase(lf));
		return false;
	}
	char list[200] = "";
	size_t off = 0;
	for (int i = 0; i < SEAT_BODY_COUNT && off < sizeof list; i++)
		if (mask & B(i))
			off += (size_t)snprintf(list + off, sizeof list - off, "%s%s",
						off ? ", " : "", seat_body_labels[i].label);
	const char *what =
	    (int)body >= 0 && body < SEAT_BODY_COUNT ? seat_body_labels[body].label : "dit orgaan";
	snprintf(msg, msglen, "%s past niet bij %s; kies uit: %s.", what, form_phrase(lf), list);
	return false;
}
#undef B

bool periods_overlap(const char *a_from, const char *a_to, const char *b_from, const char *b_to)
{
	const char *af = a_from ? a_from : "", *at = a_to ? a_to : "";
	const char *bf = b_from ? b_from : "", *bt = b_to ? b_to : "";
	/* an empty period overlaps nothing */
	if (*af && *at && strcmp(at, af) <= 0)
		return false;
	if (*bf && *bt && strcmp(bt, bf) <= 0)
		return false;
	/* a starts before b ends, and b starts before a ends */
	bool a_before_b_end = !*af || !*bt || strcmp(af, bt) < 0;
	bool b_before_a_end = !*bf || !*at || strcmp(bf, at) < 0;
	return a_before_b_end && b_before_a_end;
}

int perspective_dominant(const int scores[PERSP_COUNT])
{
	int best = -1, ties = 0;
	for (int i = 0; i < PERSP_COUNT; i++) {
		if (best < 0 || scores[i] > scores[best]) {
			best = i;
			ties = 0;
		} else if (scores[i] == scores[best]) {
			ties++;
		}
	}
	return ties ? -1 : best;
}

bool perspective_changed(const int before[PERSP_COUNT], const int after[PERSP_COUNT])
{
	int a = perspective_dominant(before), b = perspective_dominant(after);
	return a >= 0 && b >= 0 && a != b;
}
