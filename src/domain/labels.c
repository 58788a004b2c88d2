/*
 * labels — see labels.h.
 */
#include "labels.h"

#include <string.h>

const struct label org_kind_labels[ORG_KIND_COUNT] = {
    [ORG_PROVINCE] = {"province", "provincie", "Provincie"},
    [ORG_MUNICIPALITY] = {"municipality", "gemeente", "Gemeente"},
    [ORG_WATER_BOARD] = {"water_board", "waterschap", "Waterschap"},
    [ORG_JOINT_BODY] = {"joint_arrangement_body", "samenwerkingsorgaan", "Samenwerkingsorgaan"},
    [ORG_NATIONAL] = {"national", "rijk", "Rijksoverheid"},
    [ORG_OTHER] = {"other", "overig", "Overige organisatie"},
};

const struct label collab_kind_labels[COLLAB_KIND_COUNT] = {
    [COLLAB_JOINT_ARRANGEMENT] = {"joint_arrangement", "wgr", "Gemeenschappelijke regeling (Wgr)"},
    [COLLAB_PRIVATE_LAW] = {"private_law", "privaatrechtelijk", "Privaatrechtelijk"},
    [COLLAB_NETWORK] = {"network", "netwerk", "Netwerk of convenant"},
};

const struct label legal_form_labels[LF_COUNT] = {
    [LF_UNKNOWN] = {"", "onbekend", "Onbekend"},
    [LF_OL] = {"OL", "OL", "Openbaar lichaam"},
    [LF_GO] = {"GO", "GO", "Gemeenschappelijk orgaan"},
    [LF_BVO] = {"BVO", "BVO", "Bedrijfsvoeringsorganisatie"},
    [LF_CC] = {"CC", "CC", "Centrumgemeenteconstructie"},
    [LF_RZM] = {"RZM", "RZM", "Regeling zonder meer"},
    [LF_STICHTING] = {"stichting", "stichting", "Stichting"},
    [LF_VERENIGING] = {"vereniging", "vereniging", "Vereniging"},
    [LF_BV] = {"bv", "bv", "Besloten vennootschap"},
    [LF_NV] = {"nv", "nv", "Naamloze vennootschap"},
    [LF_COOPERATIE] = {"cooperatie", "cooperatie", "Coöperatie"},
    [LF_CONVENANT] = {"convenant", "convenant", "Convenant"},
    [LF_NETWERK] = {"netwerk", "netwerk", "Netwerk zonder convenant"},
};

const struct label powers_labels[POW_COUNT] = {
    [POW_UNKNOWN] = {"", "onbekend", "Onbekend"},
    [POW_ATTRIBUTIE] = {"attributie", "attributie", "Attributie"},
    [POW_DELEGATIE] = {"delegatie", "delegatie", "Delegatie"},
    [POW_MANDAAT] = {"mandaat", "mandaat", "Mandaat"},
    [POW_ZONDER_MANDAAT] = {"zonder_mandaat", "zonder-mandaat", "Zonder mandaat"},
};

const struct label phase_labels[PHASE_COUNT] = {
    [PHASE_UNKNOWN] = {"", "onbekend", "Onbekend"},
    [PHASE_INITIATIEF] = {"initiatief", "initiatief", "Initiatief"},
    [PHASE_GROEI] = {"groei", "groei", "Groei"},
    [PHASE_STABILISATIE] = {"stabilisatie", "stabilisatie", "Stabilisatie"},
    [PHASE_TRANSFORMATIE] = {"transformatie", "transformatie", "Transformatie"},
    [PHASE_BEEINDIGD] = {"beeindigd", "beeindigd", "Beëindigd"},
};

const struct label body_labels[BODY_COUNT] = {
    [BODY_UNKNOWN] = {"", "onbekend", "Niet vastgelegd"},
    [BODY_RAAD] = {"raad", "raad", "Raad"},
    [BODY_COLLEGE] = {"college", "college", "College"},
    [BODY_BURGEMEESTER] = {"burgemeester", "burgemeester", "Burgemeester"},
    [BODY_ALGEMEEN_BESTUUR] = {"algemeen_bestuur", "algemeen-bestuur", "Algemeen bestuur"},
};

const struct label role_labels[ROLE_COUNT] = {
    [ROLE_DEELNEMER] = {"deelnemer", "deelnemer", "Deelnemer"},
    [ROLE_CENTRUMGEMEENTE] = {"centrumgemeente", "centrumgemeente", "Centrumgemeente"},
    [ROLE_PENVOERDER] = {"penvoerder", "penvoerder", "Penvoerder"},
    [ROLE_TREKKER] = {"trekker", "trekker", "Trekker"},
    [ROLE_TOEHOORDER] = {"toehoorder", "toehoorder", "Toehoorder"},
};

int label_from_db(const struct label *t, int n, const char *s)
{
	if (!s)
		s = "";
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].db, s) == 0)
			return i;
	return -1;
}

int label_from_api(const struct label *t, int n, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].api, s) == 0)
			return i;
	return -1;
}
