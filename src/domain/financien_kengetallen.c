/*
 * financien_kengetallen — the six BBV kengetallen; see
 * financien_kengetallen.h.
 */
#include "financien_kengetallen.h"
#include "../lib/text.h"
#include "amount.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct kg_comp_def kg_comps[KG_N_COMP] = {
    [KG_VASTE_SCHULDEN] = {"vaste_schulden", "Vaste schulden", "BBV art. 46", false, false},
    [KG_NETTO_VLOTTENDE_SCHULDEN] = {"netto_vlottende_schulden", "Netto-vlottende schulden",
				     "BBV art. 48", false, false},
    [KG_OVERLOPENDE_PASSIVA] = {"overlopende_passiva", "Overlopende passiva", "BBV art. 49", false,
				false},
    [KG_UITZETTINGEN_LANG] = {"uitzettingen_lang",
			      "Financiële vaste activa: uitzettingen in 's Rijks schatkist, in "
			      "Nederlands schuldpapier en overige uitzettingen (rentetypische "
			      "looptijd van een jaar of langer)",
			      "BBV art. 36, onderdelen d, e en f", false, false},
    [KG_LENINGEN_VERSTREKT] = {"leningen_verstrekt",
			       "Financiële vaste activa: leningen aan openbare lichamen, "
			       "woningbouwcorporaties, deelnemingen en overige verbonden partijen",
			       "BBV art. 36, onderdelen b en c", false, false},
    [KG_UITZETTINGEN_KORT] = {"uitzettingen_kort",
			      "Uitzettingen met een rentetypische looptijd korter dan een jaar",
			      "BBV art. 39", false, false},
    [KG_LIQUIDE_MIDDELEN] = {"liquide_middelen", "Liquide middelen", "BBV art. 40", false, false},
    [KG_OVERLOPENDE_ACTIVA] = {"overlopende_activa", "Overlopende activa", "BBV art. 40a", false,
			       false},
    [KG_TOTALE_BATEN] = {"totale_baten", "Totale baten, exclusief mutaties reserves",
			 "BBV art. 17, onderdeel c (begroting) en art. 27, eerste lid, onderdeel "
			 "c (jaarverslag)",
			 false, false},
    [KG_EIGEN_VERMOGEN] = {"eigen_vermogen",
			   "Eigen vermogen (algemene reserve, bestemmingsreserves en resultaat)",
			   "BBV art. 42, eerste lid", false, true},
    [KG_BALANSTOTAAL] = {"balanstotaal", "Balanstotaal (totaal passiva)", "BBV art. 37 en 41",
			 false, false},
    [KG_BOUWGROND_NIET_IN_EXPL] = {"bouwgronden_niet_in_exploitatie",
				   "Niet in exploitatie genomen bouwgronden",
				   "BBV art. 38, onderdeel a, onder 1", false, false},
    [KG_BOUWGROND_IN_EXPL] = {"bouwgronden_in_exploitatie", "Bouwgronden in exploitatie",
			      "BBV art. 38, onderdeel b", false, false},
    [KG_TOTALE_LASTEN] = {"totale_lasten", "Totale lasten, exclusief mutaties reserves",
			  "BBV art. 17, onderdeel c (begroting) en art. 27, onderdeel c "
			  "(jaarverslag)",
			  false, false},
    [KG_INCIDENTELE_LASTEN] = {"incidentele_lasten", "Incidentele lasten",
			       "BBV art. 19, onderdeel c en art. 28, onderdeel c (overzicht "
			       "incidentele baten en lasten)",
			       false, false},
    [KG_INCIDENTELE_BATEN] = {"incidentele_baten", "Incidentele baten",
			      "BBV art. 19, onderdeel c en art. 28, onderdeel c (overzicht "
			      "incidentele baten en lasten)",
			      false, false},
    [KG_STRUCTURELE_TOEVOEGINGEN] = {"structurele_toevoegingen",
				     "Structurele toevoegingen aan reserves",
				     "BBV art. 19, onderdeel d", false, false},
    [KG_STRUCTURELE_ONTTREKKINGEN] = {"structurele_onttrekkingen",
				      "Structurele onttrekkingen aan reserves",
				      "BBV art. 19, onderdeel d en art. 28, onderdeel d", false,
				      false},
    [KG_OZB_GEZIN] = {"ozb_gezin",
		      "OZB-lasten voor een gezin bij een gemiddelde WOZ-waarde (euro per "
		      "huishouden)",
		      "Regeling BWBR0036853, bijlage 1, belastingcapaciteit A", true, false},
    [KG_RIOOLHEFFING_GEZIN] = {"rioolheffing_gezin",
			       "Rioolheffing voor een gezin bij een gemiddelde WOZ-waarde (euro "
			       "per huishouden)",
			       "Regeling BWBR0036853, bijlage 1, belastingcapaciteit B", true,
			       false},
    [KG_AFVALSTOFFENHEFFING_GEZIN] = {"afvalstoffenheffing_gezin",
				      "Afvalstoffenheffing voor een gezin (euro per huishouden)",
				      "Regeling BWBR0036853, bijlage 1, belastingcapaciteit C",
				      true, false},
    [KG_HEFFINGSKORTING] = {"heffingskorting",
			    "Eventuele heffingskorting (euro per huishouden; 0 als er geen is)",
			    "Regeling BWBR0036853, bijlage 1, belastingcapaciteit D", true, false},
    [KG_WOONLASTEN_LANDELIJK] =
	{"woonlasten_landelijk",
	 "Landelijk gemiddelde woonlasten van een meerpersoonshuishouden in "
	 "het voorafgaande jaar (euro; COELO, Atlas van de lokale lasten)",
	 "Regeling BWBR0036853, bijlage 1, belastingcapaciteit F", true, false},
};

const struct kg_ratio_def kg_ratios[KG_N_RATIO] = {
    [KG_NSQ] = {"netto_schuldquote", "Netto schuldquote", "(A + B + C − D − E − F − G) / H × 100%",
		"A vaste schulden, B netto-vlottende schulden, C overlopende passiva, D "
		"financiële vaste activa art. 36 d, e en f, E uitzettingen korter dan een jaar, F "
		"liquide middelen, G overlopende activa, H totale baten exclusief mutaties "
		"reserves"},
    [KG_NSQ_GECORRIGEERD] = {"netto_schuldquote_gecorrigeerd",
			     "Netto schuldquote gecorrigeerd voor alle verstrekte leningen",
			     "(A + B + C − D − E − F − G) / H × 100%",
			     "als de netto schuldquote, maar D is alle financiële vaste activa "
			     "art. 36 b tot en met f (ook de verstrekte leningen)"},
    [KG_SOLVABILITEIT] = {"solvabiliteitsratio", "Solvabiliteitsratio", "A / B × 100%",
			  "A eigen vermogen, B balanstotaal"},
    [KG_SER] = {"structurele_exploitatieruimte", "Structurele exploitatieruimte",
		"((B − A) + (D − C)) / E × 100%",
		"A structurele lasten (totale lasten min incidentele lasten), B structurele "
		"baten (totale baten min incidentele baten), C structurele toevoegingen aan "
		"reserves, D structurele onttrekkingen aan reserves, E totale baten exclusief "
		"mutaties reserves"},
    [KG_GREX] = {"grondexploitatie", "Grondexploitatie", "(A + B) / C × 100%",
		 "A niet in exploitatie genomen bouwgronden, B bouwgronden in exploitatie, C "
		 "totale baten exclusief mutaties reserves"},
    [KG_BELASTINGCAPACITEIT] = {"belastingcapaciteit", "Belastingcapaciteit",
				"(A + B + C − D) / F × 100%",
				"A OZB-lasten, B rioolheffing, C afvalstoffenheffing, D "
				"heffingskorting (samen E, de woonlasten van een gezin), F het "
				"landelijk gemiddelde van het voorafgaande jaar"},
};

const char *kg_kind_key(enum kg_kind k)
{
	return k == KG_JAARVERSLAG ? "jaarverslag" : "begroting";
}

const char *kg_kind_label(enum kg_kind k)
{
	return k == KG_JAARVERSLAG ? "Verslag" : "Begroting";
}

bool kg_kind_parse(const char *s, enum kg_kind *out)
{
	if (s && strcmp(s, "begroting") == 0)
		*out = KG_BEGROTING;
	else if (s && strcmp(s, "jaarverslag") == 0)
		*out = KG_JAARVERSLAG;
	else
		return false;
	return true;
}

int kg_comp_find(const char *key)
{
	for (int i = 0; key && i < KG_N_COMP; i++)
		if (strcmp(kg_comps[i].key, key) == 0)
			return i;
	return -1;
}

int kg_ratio_find(const char *key)
{
	for (int i = 0; key && i < KG_N_RATIO; i++)
		if (strcmp(kg_ratios[i].key, key) == 0)
			return i;
	return -1;
}

static const int nsq_comps[] = {
    KG_VASTE_SCHULDEN,	  KG_NETTO_VLOTTENDE_SCHULDEN, KG_OVERLOPENDE_PASSIVA, KG_UITZETTINGEN_LANG,
    KG_UITZETTINGEN_KORT, KG_LIQUIDE_MIDDELEN,	       KG_OVERLOPENDE_ACTIVA,  KG_TOTALE_BATEN};
static const int nsqc_comps[] = {
    KG_VASTE_SCHULDEN,	  KG_NETTO_VLOTTENDE_SCHULDEN, KG_OVERLOPENDE_PASSIVA,
    KG_UITZETTINGEN_LANG, KG_LENINGEN_VERSTREKT,       KG_UITZETTINGEN_KORT,
    KG_LIQUIDE_MIDDELEN,  KG_OVERLOPENDE_ACTIVA,       KG_TOTALE_BATEN};
static const int sr_comps[] = {KG_EIGEN_VERMOGEN, KG_BALANSTOTAAL};
static const int ser_comps[] = {
    KG_TOTALE_LASTEN,	  KG_INCIDENTELE_LASTEN,       KG_TOTALE_BATEN,
    KG_INCIDENTELE_BATEN, KG_STRUCTURELE_TOEVOEGINGEN, KG_STRUCTURELE_ONTTREKKINGEN};
static const int grex_comps[] = {KG_BOUWGROND_NIET_IN_EXPL, KG_BOUWGROND_IN_EXPL, KG_TOTALE_BATEN};
static const int bc_comps[] = {KG_OZB_GEZIN, KG_RIOOLHEFFING_GEZIN, KG_AFVALSTOFFENHEFFING_GEZIN,
			       KG_HEFFINGSKORTING, KG_WOONLASTEN_LANDELIJK};

#define N(a) ((int)(sizeof a / sizeof *a))

int kg_ratio_comps(enum kg_ratio r, int *out)
{
	const int *c = NULL;
	int n = 0;
	switch (r) {
	case KG_NSQ:
		c = nsq_comps, n = N(nsq_comps);
		break;
	case KG_NSQ_GECORRIGEERD:
		c = nsqc_comps, n = N(nsqc_comps);
		break;
	case KG_SOLVABILITEIT:
		c = sr_comps, n = N(sr_comps);
		break;
	case KG_SER:
		c = ser_comps, n = N(ser_comps);
		break;
	case KG_GREX:
		c = grex_comps, n = N(grex_comps);
		break;
	case KG_BELASTINGCAPACITEIT:
		c = bc_comps, n = N(bc_comps);
		break;
	default:
		break;
	}
	memcpy(out, c, (size_t)n * sizeof *out);
	return n;
}

char *kg_format_pct(double v, char *out, size_t n)
{
	double r = round(v * 10.0) / 10.0;
	if (r == 0)
		r = 0; /* no "-0,0" */
	snprintf(out, n, "%.1f %%", r);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
	return out;
}

char *kg_format_euro(int64_t cents, char *out, size_t n)
{
	return amount_format_nl(cents, out, n, 1);
}

/* Append printf text to the fixed buffer out (always terminated). */
static void add(char *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(char *out, const char *fmt, ...)
{
	size_t len = strlen(out);
	if (len + 1 >= KG_TEXT_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out + len, KG_TEXT_MAX - len, fmt, ap);
	va_end(ap);
}

/* Append component c's amount, or "?" when missing. */
static void add_amount(char *out, const struct kg_inputs *in, int c)
{
	char e[48];
	add(out, "%s", in->has[c] ? kg_format_euro(in->cents[c], e, sizeof e) : "?");
}

/* Append the terms c[0..n) with their signs ('+' or '-'). */
static void add_terms(char *out, const struct kg_inputs *in, const int *c, const char *signs, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			add(out, " %s ", signs[i] == '-' ? "−" : "+");
		add_amount(out, in, c[i]);
	}
}

static int result_value(struct kg_result *out, int64_t num, int64_t den)
{
	out->ok = true;
	out->value = (double)num / (double)den * 100.0;
	out->shown = round(out->value * 10.0) / 10.0;
	if (out->shown == 0)
		out->shown = 0;
	char p[32];
	add(out->filled, " = %s", kg_format_pct(out->shown, p, sizeof p));
	return 0;
}

static int not_computable(struct kg_result *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int not_computable(struct kg_result *out, const char *fmt, ...)
{
	out->ok = false;
	strcpy(out->reason, "Niet te berekenen: ");
	size_t len = strlen(out->reason);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->reason + len, sizeof out->reason - len, fmt, ap);
	va_end(ap);
	return 0;
}

/* Record the missing components; true when any is missing (the reason
 * names them). */
static bool check_missing(const struct kg_inputs *in, enum kg_ratio r, struct kg_result *out)
{
	int c[KG_N_COMP];
	int n = kg_ratio_comps(r, c);
	for (int i = 0; i < n; i++)
		if (!in->has[c[i]])
			out->missing[out->n_missing++] = c[i];
	if (!out->n_missing)
		return false;
	char list[KG_TEXT_MAX] = "";
	for (int i = 0; i < out->n_missing; i++) {
		const char *name = kg_comps[out->missing[i]].name;
		size_t len = strlen(list);
		snprintf(list + len, sizeof list - len, "%s%c%s", i ? "; " : "",
			 name[0] >= 'A' && name[0] <= 'Z' ? name[0] - 'A' + 'a' : name[0],
			 name + 1);
	}
	not_computable(out, "%s (%s).",
		       out->n_missing == 1 ? "een onderdeel ontbreekt" : "onderdelen ontbreken",
		       list);
	return true;
}

static int zero_denominator(struct kg_result *out, const char *what)
{
	return not_computable(out, "%s is € 0 (delen door nul).", what);
}

static int compute(enum kg_ratio r, const struct kg_inputs *in, struct kg_result *out)
{
	const int64_t *v = in->cents;
	char e[48];
	switch (r) {
	case KG_NSQ:
	case KG_NSQ_GECORRIGEERD: {
		bool corr = r == KG_NSQ_GECORRIGEERD;
		add(out->filled, "(");
		static const int plus[] = {KG_VASTE_SCHULDEN, KG_NETTO_VLOTTENDE_SCHULDEN,
					   KG_OVERLOPENDE_PASSIVA};
		add_terms(out->filled, in, plus, "+++", 3);
		add(out->filled, " − ");
		if (corr) {
			static const int d[] = {KG_UITZETTINGEN_LANG, KG_LENINGEN_VERSTREKT};
			add(out->filled, "(");
			add_terms(out->filled, in, d, "++", 2);
			add(out->filled, ")");
		} else {
			add_amount(out->filled, in, KG_UITZETTINGEN_LANG);
		}
		static const int minus[] = {KG_UITZETTINGEN_KORT, KG_LIQUIDE_MIDDELEN,
					    KG_OVERLOPENDE_ACTIVA};
		add(out->filled, " − ");
		add_terms(out->filled, in, minus, "---", 3);
		add(out->filled, ") / ");
		add_amount(out->filled, in, KG_TOTALE_BATEN);
		add(out->filled, " × 100%%");
		if (check_missing(in, r, out))
			return 0;
		if (v[KG_TOTALE_BATEN] == 0)
			return zero_denominator(out, "De totale baten (H)");
		int64_t num = v[KG_VASTE_SCHULDEN] + v[KG_NETTO_VLOTTENDE_SCHULDEN] +
			      v[KG_OVERLOPENDE_PASSIVA] - v[KG_UITZETTINGEN_LANG] -
			      (corr ? v[KG_LENINGEN_VERSTREKT] : 0) - v[KG_UITZETTINGEN_KORT] -
			      v[KG_LIQUIDE_MIDDELEN] - v[KG_OVERLOPENDE_ACTIVA];
		return result_value(out, num, v[KG_TOTALE_BATEN]);
	}
	case KG_SOLVABILITEIT:
		add_amount(out->filled, in, KG_EIGEN_VERMOGEN);
		add(out->filled, " / ");
		add_amount(out->filled, in, KG_BALANSTOTAAL);
		add(out->filled, " × 100%%");
		if (check_missing(in, r, out))
			return 0;
		if (v[KG_BALANSTOTAAL] == 0)
			return zero_denominator(out, "Het balanstotaal (B)");
		if (v[KG_EIGEN_VERMOGEN] < 0)
			return not_computable(
			    out,
			    "het eigen vermogen is negatief (%s): de gemeente heeft meer schulden "
			    "dan bezittingen, een solvabiliteitsratio zegt dan niets meer.",
			    kg_format_euro(v[KG_EIGEN_VERMOGEN], e, sizeof e));
		if (v[KG_EIGEN_VERMOGEN] > v[KG_BALANSTOTAAL])
			return not_computable(out, "het eigen vermogen is groter dan het "
						   "balanstotaal; controleer de invoer.");
		return result_value(out, v[KG_EIGEN_VERMOGEN], v[KG_BALANSTOTAAL]);
	case KG_SER: {
		/* B and A first, like from like */
		bool has_b = in->has[KG_TOTALE_BATEN] && in->has[KG_INCIDENTELE_BATEN];
		bool has_a = in->has[KG_TOTALE_LASTEN] && in->has[KG_INCIDENTELE_LASTEN];
		int64_t b = v[KG_TOTALE_BATEN] - v[KG_INCIDENTELE_BATEN];
		int64_t a = v[KG_TOTALE_LASTEN] - v[KG_INCIDENTELE_LASTEN];
		add(out->filled, "((%s", has_b ? kg_format_euro(b, e, sizeof e) : "?");
		add(out->filled, " − %s) + (", has_a ? kg_format_euro(a, e, sizeof e) : "?");
		add_amount(out->filled, in, KG_STRUCTURELE_ONTTREKKINGEN);
		add(out->filled, " − ");
		add_amount(out->filled, in, KG_STRUCTURELE_TOEVOEGINGEN);
		add(out->filled, ")) / ");
		add_amount(out->filled, in, KG_TOTALE_BATEN);
		add(out->filled, " × 100%%");
		if (check_missing(in, r, out))
			return 0;
		/* the result comes right after the formula, then what B and A are */
		char tail[KG_TEXT_MAX] = "";
		add(tail, "; B = ");
		add_amount(tail, in, KG_TOTALE_BATEN);
		add(tail, " − ");
		add_amount(tail, in, KG_INCIDENTELE_BATEN);
		add(tail, ", A = ");
		add_amount(tail, in, KG_TOTALE_LASTEN);
		add(tail, " − ");
		add_amount(tail, in, KG_INCIDENTELE_LASTEN);
		if (v[KG_INCIDENTELE_LASTEN] > v[KG_TOTALE_LASTEN])
			not_computable(out, "de incidentele lasten zijn groter dan de "
					    "totale lasten; controleer de invoer.");
		else if (v[KG_INCIDENTELE_BATEN] > v[KG_TOTALE_BATEN])
			not_computable(out, "de incidentele baten zijn groter dan de "
					    "totale baten; controleer de invoer.");
		else if (v[KG_TOTALE_BATEN] == 0)
			zero_denominator(out, "De totale baten (E)");
		else
			result_value(out,
				     (b - a) + (v[KG_STRUCTURELE_ONTTREKKINGEN] -
						v[KG_STRUCTURELE_TOEVOEGINGEN]),
				     v[KG_TOTALE_BATEN]);
		add(out->filled, "%s", tail);
		return 0;
	}
	case KG_GREX: {
		static const int t[] = {KG_BOUWGROND_NIET_IN_EXPL, KG_BOUWGROND_IN_EXPL};
		add(out->filled, "(");
		add_terms(out->filled, in, t, "++", 2);
		add(out->filled, ") / ");
		add_amount(out->filled, in, KG_TOTALE_BATEN);
		add(out->filled, " × 100%%");
		if (check_missing(in, r, out))
			return 0;
		if (v[KG_TOTALE_BATEN] == 0)
			return zero_denominator(out, "De totale baten (C)");
		return result_value(out, v[KG_BOUWGROND_NIET_IN_EXPL] + v[KG_BOUWGROND_IN_EXPL],
				    v[KG_TOTALE_BATEN]);
	}
	case KG_BELASTINGCAPACITEIT: {
		static const int t[] = {KG_OZB_GEZIN, KG_RIOOLHEFFING_GEZIN,
					KG_AFVALSTOFFENHEFFING_GEZIN, KG_HEFFINGSKORTING};
		add(out->filled, "(");
		add_terms(out->filled, in, t, "+++-", 4);
		add(out->filled, ") / ");
		add_amount(out->filled, in, KG_WOONLASTEN_LANDELIJK);
		add(out->filled, " × 100%%");
		if (check_missing(in, r, out))
			return 0;
		if (v[KG_WOONLASTEN_LANDELIJK] == 0)
			return zero_denominator(out, "Het landelijk gemiddelde (F)");
		int64_t woon = v[KG_OZB_GEZIN] + v[KG_RIOOLHEFFING_GEZIN] +
			       v[KG_AFVALSTOFFENHEFFING_GEZIN] - v[KG_HEFFINGSKORTING];
		return result_value(out, woon, v[KG_WOONLASTEN_LANDELIJK]);
	}
	default:
		return not_computable(out, "onbekend kengetal.");
	}
}

void kg_compute(enum kg_ratio r, const struct kg_inputs *in, struct kg_result *out)
{
	memset(out, 0, sizeof *out);
	out->ratio = r;
	compute(r, in, out);
}

void kg_columns(int year, enum kg_kind kind, struct kg_column out[3])
{
	if (kind == KG_BEGROTING) {
		out[0] = (struct kg_column){year - 2, KG_JAARVERSLAG};
		out[1] = (struct kg_column){year - 1, KG_BEGROTING};
		out[2] = (struct kg_column){year, KG_BEGROTING};
	} else {
		out[0] = (struct kg_column){year - 1, KG_JAARVERSLAG};
		out[1] = (struct kg_column){year, KG_BEGROTING};
		out[2] = (struct kg_column){year, KG_JAARVERSLAG};
	}
}

char kg_category(const struct kg_band *b, double v)
{
	long long h = llround(v * 100.0);
	if (b->higher_better)
		return h > b->high ? 'A' : h < b->low ? 'C' : 'B';
	return h < b->low ? 'A' : h > b->high ? 'C' : 'B';
}

/* Hundredths of a percent as "90,0 %" (one decimal, more when needed). */
static char *bound(int64_t h, char *out, size_t n)
{
	if (h % 10)
		snprintf(out, n, "%s%lld,%02lld %%", h < 0 ? "-" : "", (long long)llabs(h) / 100,
			 (long long)llabs(h) % 100);
	else
		snprintf(out, n, "%s%lld,%lld %%", h < 0 ? "-" : "", (long long)llabs(h) / 100,
			 (long long)(llabs(h) % 100) / 10);
	return out;
}

char *kg_band_text(const struct kg_band *b, char cat, char *out, size_t n)
{
	char lo[32], hi[32];
	bound(b->low, lo, sizeof lo);
	bound(b->high, hi, sizeof hi);
	bool a_low = !b->higher_better;
	if (cat == 'B') {
		if (b->low == b->high)
			snprintf(out, n, "precies %s", lo);
		else
			snprintf(out, n, "%s tot en met %s", lo, hi);
	} else if ((cat == 'A') == a_low) {
		snprintf(out, n, "lager dan %s", lo);
	} else {
		snprintf(out, n, "hoger dan %s", hi);
	}
	return out;
}

const char *kg_category_words(char cat)
{
	switch (cat) {
	case 'A':
		return "minst risicovol";
	case 'B':
		return "gemiddeld risico";
	case 'C':
		return "meest risicovol";
	default:
		return "";
	}
}

bool kg_parse_pct(const char *s, int64_t *out)
{
	if (str_empty(s))
		return false;
	while (*s == ' ')
		s++;
	bool neg = *s == '-';
	if (neg)
		s++;
	int64_t whole = 0;
	int digits = 0;
	while (*s >= '0' && *s <= '9' && digits < 7) {
		whole = whole * 10 + (*s++ - '0');
		digits++;
	}
	if (!digits)
		return false;
	int64_t frac = 0;
	if (*s == ',' || *s == '.') {
		s++;
		int fd = 0;
		while (*s >= '0' && *s <= '9' && fd < 2) {
			frac = frac * 10 + (*s++ - '0');
			fd++;
		}
		if (!fd)
			return false;
		if (fd == 1)
			frac *= 10;
	}
	while (*s == ' ' || *s == '%')
		s++;
	if (*s)
		return false;
	int64_t v = whole * 100 + frac;
	if (v > 10000000)
		return false;
	*out = neg ? -v : v;
	return true;
}

bool kg_unit_parse(const char *s, enum kg_unit *out)
{
	if (s && strcmp(s, "euro") == 0)
		*out = KG_UNIT_EURO;
	else if (s && strcmp(s, "duizend_euro") == 0)
		*out = KG_UNIT_THOUSAND;
	else
		return false;
	return true;
}

const char *kg_parse_amount(int c, const char *s, enum kg_unit u, int64_t *cents)
{
	if (c < 0 || c >= KG_N_COMP)
		return "Onbekend onderdeel.";
	while (s && *s == ' ')
		s++;
	bool neg = false;
	if (s && *s == '-') {
		neg = true;
		s++;
	} else if (s && strncmp(s, "\xe2\x88\x92", 3) == 0) { /* U+2212 minus sign */
		neg = true;
		s += 3;
	}
	if (neg && !kg_comps[c].may_be_negative)
		return "Dit bedrag kan niet negatief zijn.";
	if (u == KG_UNIT_THOUSAND && kg_comps[c].household)
		return "Woonlasten per huishouden vult u in euro in, niet in € 1.000.";
	int64_t v;
	const char *msg = NULL;
	switch (amount_parse(s, &v, &msg)) {
	case AMOUNT_OK:
		break;
	case AMOUNT_EMPTY:
		return "Vul een bedrag in.";
	default:
		return msg ? msg : "Dit is geen bedrag.";
	}
	if (u == KG_UNIT_THOUSAND) {
		if (v > AMOUNT_MAX_CENTS / 1000)
			return "Dit bedrag is te groot.";
		v *= 1000;
	}
	*cents = neg ? -v : v;
	return NULL;
}

bool kg_parse_year(const char *s, int *out)
{
	long v;
	if (str_empty(s) || strlen(s) != 4 || !parse_long(s, KG_YEAR_MIN, KG_YEAR_MAX, &v))
		return false;
	*out = (int)v;
	return true;
}

const char *kg_check_source(const char *s)
{
	if (str_empty(s))
		return "Vul de bron in, bijvoorbeeld: jaarrekening 2023, p. 112.";
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20)
			return "De bron is één regel tekst.";
	if (utf8_length(s, strlen(s)) > KG_SOURCE_MAX)
		return "De bron is te lang (hoogstens 300 tekens).";
	return NULL;
}
