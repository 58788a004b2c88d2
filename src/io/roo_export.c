/*
 * roo_export — see roo_export.h. Element order follows the XSD's
 * sequences (organisatieType, regelingType, deelnemendeOrganisatie).
 */
#include "roo_export.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../render/xml.h"

#include <stdio.h>
#include <string.h>

const char *roo_form_text(enum legal_form lf)
{
	switch (lf) {
	case LF_OL:
		return "Openbaar lichaam";
	case LF_GO:
		return "Gemeenschappelijk orgaan";
	case LF_BVO:
		return "Bedrijfsvoeringsorganisatie";
	case LF_CC:
		return "Centrumconstructie";
	case LF_RZM:
		return "'Regeling zonder meer'"; /* the apostrophes are part of the XSD value */
	default:
		return NULL;
	}
}

static const char *powers_text(enum powers p)
{
	switch (p) {
	case POW_ATTRIBUTIE:
		return "Attributie";
	case POW_DELEGATIE:
		return "Delegatie";
	case POW_MANDAAT:
		return "Mandaat";
	case POW_ZONDER_MANDAAT:
		return "Zonder mandaat";
	default:
		return NULL;
	}
}

/* <name>text</name> when text is not empty. */
static void elem(struct buf *b, const char *ind, const char *name, const char *text, size_t max)
{
	if (str_empty(text))
		return;
	buf_printf(b, "%s<%s>", ind, name);
	xml_text_max(b, text, max);
	buf_printf(b, "</%s>\n", name);
}

/* The TOOI URI for a tooi code like gm0344 / pv26 / ws0636, or "". */
static void tooi_uri(const char *code, char *out, size_t outlen)
{
	out[0] = '\0';
	if (str_empty(code) || strlen(code) < 3)
		return;
	const char *kind = strncmp(code, "gm", 2) == 0	 ? "gemeente"
			   : strncmp(code, "pv", 2) == 0 ? "provincie"
			   : strncmp(code, "ws", 2) == 0 ? "waterschap"
							 : NULL;
	if (!kind)
		return;
	for (const char *p = code; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return;
	snprintf(out, outlen, "https://identifier.overheid.nl/tooi/id/%s/%s", kind, code);
}

static void tooi_attr(struct buf *b, const char *code)
{
	char uri[160];
	tooi_uri(code, uri, sizeof uri);
	if (uri[0]) {
		buf_puts(b, " p:resourceIdentifierTOOI=\"");
		xml_attr(b, uri);
		buf_putc(b, '"');
	}
}

static const char *org_type(enum org_kind k)
{
	switch (k) {
	case ORG_PROVINCE:
		return "Provincie";
	case ORG_MUNICIPALITY:
		return "Gemeente";
	case ORG_WATER_BOARD:
		return "Waterschap";
	case ORG_JOINT_BODY:
		return "Regionaal samenwerkingsorgaan";
	default:
		return NULL; /* national, other: no type we can name reliably */
	}
}

static void write_org(struct buf *b, const struct organisation *o)
{
	buf_puts(b, "    <organisatie");
	tooi_attr(b, o->tooi);
	buf_puts(b, ">\n");
	elem(b, "      ", "naam", o->name, 1024);
	const char *t = org_type(o->kind);
	if (t)
		buf_printf(b, "      <types>\n        <type>%s</type>\n      </types>\n", t);
	else
		buf_puts(b, "      <types/>\n");
	if (is_iso_date(o->valid_from))
		elem(b, "      ", "startDatum", o->valid_from, 0);
	if (is_iso_date(o->valid_to))
		elem(b, "      ", "eindDatum", o->valid_to, 0);
	if (o->area_km2 >= 0 || o->population >= 0) {
		buf_puts(b, "      <geografie>\n");
		if (o->area_km2 >= 0) {
			char a[48];
			snprintf(a, sizeof a, "%.2f", o->area_km2);
			for (char *p = a; *p; p++)
				if (*p == '.')
					*p = ',';
			buf_printf(b, "        <oppervlakte p:eenheid=\"km2\">%s</oppervlakte>\n",
				   a);
		}
		if (o->population >= 0)
			buf_printf(b, "        <aantalInwoners>%lld</aantalInwoners>\n",
				   (long long)o->population);
		buf_puts(b, "      </geografie>\n");
	}
	buf_puts(b, "    </organisatie>\n");
}

static const char *body_name(enum body bo)
{
	switch (bo) {
	case BODY_RAAD:
		return "Raad";
	case BODY_COLLEGE:
		return "College";
	case BODY_BURGEMEESTER:
		return "Burgemeester";
	case BODY_ALGEMEEN_BESTUUR:
		return "Algemeen bestuur";
	default:
		return NULL;
	}
}

/* One deelnemendeOrganisatie per organisation: its active participations
 * (several when it takes part with several bodies) merged. */
static void write_participants(struct buf *b, const struct snapshot *s,
			       const struct collaboration *c)
{
	bool any = false;
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		if (!p->active)
			continue;
		bool seen = false;
		for (int q = 0; q < k && !seen; q++) {
			const struct participation *pq = &s->parts[c->parts[q]];
			seen = pq->active && pq->organisation == p->organisation;
		}
		if (seen)
			continue;
		if (!any)
			buf_puts(b, "      <deelnemendeOrganisaties>\n");
		any = true;
		const struct organisation *o = &s->orgs[p->organisation];
		buf_puts(b, "        <deelnemendeOrganisatie");
		tooi_attr(b, o->tooi);
		buf_puts(b, ">\n");
		elem(b, "          ", "naam", o->name, 1024);
		if (is_iso_date(p->joined))
			elem(b, "          ", "toetredingsDatum", p->joined, 0);
		if (p->cost_share >= 0) {
			char v[48];
			snprintf(v, sizeof v, "%.6f", p->cost_share);
			/* trim trailing zeros, decimal comma */
			char *dot = strchr(v, '.');
			if (dot) {
				char *e = v + strlen(v) - 1;
				while (e > dot && *e == '0')
					*e-- = '\0';
				if (e == dot)
					*e = '\0';
				else
					*dot = ',';
			}
			buf_printf(b, "          <verdeelsleutel>%s</verdeelsleutel>\n", v);
		}
		bool bodies = false;
		for (int q = k; q < c->n_parts; q++) {
			const struct participation *pq = &s->parts[c->parts[q]];
			const char *bn = body_name(pq->body);
			if (!pq->active || pq->organisation != p->organisation || !bn)
				continue;
			if (!bodies)
				buf_puts(b, "          <bestuursorganen>\n");
			bodies = true;
			buf_printf(b,
				   "            <bestuursorgaan>\n              <naam>%s</naam>\n"
				   "            </bestuursorgaan>\n",
				   bn);
		}
		if (bodies)
			buf_puts(b, "          </bestuursorganen>\n");
		buf_puts(b, "        </deelnemendeOrganisatie>\n");
	}
	if (any)
		buf_puts(b, "      </deelnemendeOrganisaties>\n");
}

static bool is_http_url(const char *u)
{
	if (str_empty(u) || strlen(u) > 5000)
		return false;
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ')
			return false;
	return true;
}

static void write_regeling(struct buf *b, const struct snapshot *s, const struct collaboration *c)
{
	buf_puts(b, "    <regeling>\n");
	elem(b, "      ", "titel", c->name, 1024);
	elem(b, "      ", "afkorting", c->short_name, 50);
	buf_puts(b, "      <types>\n        <type>Gemeenschappelijke regeling</type>\n"
		    "      </types>\n");
	buf_printf(b, "      <samenwerkingsvorm p:afkorting=\"%s\">",
		   legal_form_labels[c->legal_form].db);
	xml_text(b, roo_form_text(c->legal_form));
	buf_puts(b, "</samenwerkingsvorm>\n");
	buf_printf(b,
		   "      <bevoegdheidsverkrijgingen>\n"
		   "        <bevoegdheidsverkrijging>%s</bevoegdheidsverkrijging>\n"
		   "      </bevoegdheidsverkrijgingen>\n",
		   powers_text(c->powers));
	buf_puts(b, "      <taalcode>nl-NL</taalcode>\n");
	buf_puts(b, "      <registratiehouder>Ministerie van Binnenlandse Zaken en "
		    "Koninkrijksrelaties</registratiehouder>\n");
	if (is_http_url(c->website)) {
		buf_puts(b,
			 "      <contact>\n        <internetadressen>\n          <internetadres>\n"
			 "            <url>");
		xml_text(b, c->website);
		buf_puts(b, "</url>\n          </internetadres>\n        </internetadressen>\n"
			    "      </contact>\n");
	}
	elem(b, "      ", "doel", c->purpose, 0);
	elem(b, "      ", "datumInwerkingtreding", c->start_date, 0);
	if (is_iso_date(c->end_date))
		elem(b, "      ", "datumUitwerkingtreding", c->end_date, 0);
	write_participants(b, s, c);
	buf_puts(b, "    </regeling>\n");
}

void roo_export_write(struct buf *b, const struct snapshot *s, const char *timestamp,
		      struct roo_export_stats *stats)
{
	struct roo_export_stats st = {0};
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_puts(b, "<!-- Samenwerkingsatlas Provincie Utrecht: register in de vorm van de "
		    "ROO-export (oo-export 2.6.x). Zie docs/API.md voor wat wel en niet is "
		    "opgenomen. -->\n");
	buf_puts(b, "<overheidsorganisaties xmlns=\"" ROO_EXPORT_NS "\" xmlns:p=\"" ROO_EXPORT_NS
		    "\" p:timestamp=\"");
	xml_text(b, timestamp);
	buf_puts(b, "\">\n  <organisaties>\n");
	for (int i = 0; i < s->n_orgs; i++) {
		write_org(b, &s->orgs[i]);
		st.organisations++;
	}
	buf_puts(b, "  </organisaties>\n  <gemeenschappelijkeRegelingen>\n");
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[i];
		if (c->kind != COLLAB_JOINT_ARRANGEMENT) {
			st.skipped_not_wgr++;
			continue;
		}
		if (!roo_form_text(c->legal_form)) {
			st.skipped_form++;
			continue;
		}
		if (!powers_text(c->powers)) {
			st.skipped_powers++;
			continue;
		}
		if (!is_iso_date(c->start_date)) {
			st.skipped_start++;
			continue;
		}
		write_regeling(b, s, c);
		st.regelingen++;
	}
	buf_puts(b, "  </gemeenschappelijkeRegelingen>\n</overheidsorganisaties>\n");
	if (stats)
		*stats = st;
}
