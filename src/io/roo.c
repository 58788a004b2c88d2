/*
 * roo — streaming reader of the ROO export; see roo.h.
 *
 * One pass with xmlTextReader. The reader keeps the stack of element names
 * as a '/'-joined path; when an element ends its text is stored according
 * to its path relative to the record being built (a top-level organisatie
 * or a regeling). Nested organisaties (sub-units) are skipped. Records are
 * handed to the callbacks and then reset, so memory stays bounded by the
 * largest single record.
 */
#include "roo.h"

#include <libxml/xmlreader.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum rec_kind { REC_NONE, REC_ORG, REC_REGELING };

struct parser {
	xmlTextReaderPtr rd;
	const char *path;
	char ns[256]; /* the root namespace */
	char *err;
	size_t errlen;
	int failed;
	/* first libxml2 error */
	char xerr[256];
	int xline, xcol;
	/* element path */
	char epath[2048];
	size_t plen[ROO_DEPTH_MAX + 1];
	int depth;
	size_t rec_off; /* offset in epath just after the record element */
	int rec_depth;
	enum rec_kind rec;
	bool cross_border;
	/* text of the current element */
	char *text;
	size_t tlen;
	bool term_named; /* beleidsterrein had a naam child */
	struct roo_org org;
	struct roo_regeling reg;
	const struct roo_handler *h;
	struct roo_stats *stats;
	/* progress */
	bool progress, tty;
	long long fsize;
	time_t started, last;
};

/* --- small helpers --- */

static void cpy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static void fail_at(struct parser *p, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail_at(struct parser *p, int line, int col, const char *fmt, ...)
{
	if (p->failed)
		return;
	p->failed = 1;
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "%s:%d:%d: %s", p->path, line, col, msg);
}

#define FAIL(p, ...)                                                                               \
	fail_at((p), xmlTextReaderGetParserLineNumber((p)->rd),                                    \
		xmlTextReaderGetParserColumnNumber((p)->rd), __VA_ARGS__)

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	struct parser *p = arg;
	if (!e || p->xerr[0] || e->level < XML_ERR_ERROR)
		return;
	cpy(p->xerr, sizeof p->xerr, e->message);
	for (char *c = p->xerr; *c; c++)
		if (*c == '\n')
			*c = ' ';
	size_t n = strlen(p->xerr);
	while (n && (p->xerr[n - 1] == '\n' || p->xerr[n - 1] == ' '))
		p->xerr[--n] = '\0';
	p->xline = e->line;
	p->xcol = e->int2;
}

/* Trimmed copy of the current text into dst. */
static void take(struct parser *p, char *dst, size_t n)
{
	const char *s = p->text ? p->text : "";
	size_t len = p->tlen;
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

static bool valid_date(const char *d)
{
	if (!d[0])
		return true;
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)d[i]))
			return false;
	int m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
	return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

static void take_date(struct parser *p, char *dst, const char *what)
{
	char tmp[64];
	take(p, tmp, sizeof tmp);
	/* xs:date may carry a timezone ("2016-07-01+02:00"); keep the date */
	if (strlen(tmp) > 10 && (tmp[10] == 'Z' || tmp[10] == '+' || tmp[10] == '-'))
		tmp[10] = '\0';
	if (!valid_date(tmp)) {
		FAIL(p, "ongeldige datum in %s: '%.20s' (verwacht JJJJ-MM-DD)", what, tmp);
		return;
	}
	cpy(dst, 11, tmp);
}

static void *grow(void *arr, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return arr;
	int nc = *cap ? *cap * 2 : 8;
	while (nc < need)
		nc *= 2;
	void *n = realloc(arr, (size_t)nc * size);
	if (!n) {
		fputs("atlas: geen geheugen\n", stderr);
		abort();
	}
	memset((char *)n + (size_t)*cap * size, 0, (size_t)(nc - *cap) * size);
	*cap = nc;
	return n;
}

static void attr(struct parser *p, const char *name, char *dst, size_t n)
{
	/* the schema's attributes are global, so qualified (p:systeemId); accept
	 * unqualified ones too */
	xmlChar *v = xmlTextReaderGetAttribute(p->rd, (const xmlChar *)name);
	if (!v && p->ns[0])
		v = xmlTextReaderGetAttributeNs(p->rd, (const xmlChar *)name,
						(const xmlChar *)p->ns);
	cpy(dst, n, (const char *)v);
	xmlFree(v);
}

/* --- public helpers --- */

const char *roo_legal_form(const char *afk)
{
	static const char *const codes[] = {"OL", "GO", "BVO", "CC", "RZM"};
	if (!afk)
		return NULL;
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(afk, codes[i]) == 0)
			return codes[i];
	return NULL;
}

const char *roo_powers(const char *t)
{
	if (!t)
		return NULL;
	if (strcmp(t, "Attributie") == 0)
		return "attributie";
	if (strcmp(t, "Delegatie") == 0)
		return "delegatie";
	if (strcmp(t, "Mandaat") == 0)
		return "mandaat";
	if (strcmp(t, "Zonder mandaat") == 0)
		return "zonder_mandaat";
	return NULL;
}

int roo_parse_share(const char *s, double *out)
{
	if (!s)
		return -1;
	long long ip = 0, fp = 0, scale = 1;
	int digits = 0, fdigits = 0;
	const char *c = s;
	for (; isdigit((unsigned char)*c); c++, digits++) {
		if (digits >= 15)
			return -1;
		ip = ip * 10 + (*c - '0');
	}
	if (*c == ',') {
		for (c++; isdigit((unsigned char)*c); c++, fdigits++) {
			if (fdigits >= 15)
				return -1;
			fp = fp * 10 + (*c - '0');
			scale *= 10;
		}
	}
	if (*c || digits + fdigits == 0)
		return -1;
	*out = (double)ip + (double)fp / (double)scale;
	return 0;
}

bool roo_namespace_ok(const char *ns, char *version, size_t vlen)
{
	size_t pl = strlen(ROO_NS_PREFIX);
	if (!ns || strncmp(ns, ROO_NS_PREFIX, pl) != 0)
		return false;
	const char *v = ns + pl;
	if (v[0] != '2' || v[1] != '.')
		return false;
	/* 2 followed by one or more .digits groups */
	const char *c = v + 1;
	while (*c == '.') {
		c++;
		if (!isdigit((unsigned char)*c))
			return false;
		while (isdigit((unsigned char)*c))
			c++;
	}
	if (*c)
		return false;
	if (version)
		cpy(version, vlen, v);
	return true;
}

/* --- records --- */

static void free_functions(struct roo_function *f, int n)
{
	for (int i = 0; i < n; i++)
		free(f[i].people);
}

static void reset_org(struct roo_org *o)
{
	free_functions(o->functions, o->nfunctions);
	struct roo_function *keep = o->functions;
	int cap = o->fcap;
	memset(o, 0, sizeof *o);
	o->functions = keep;
	o->fcap = cap;
	if (keep)
		memset(keep, 0, (size_t)cap * sizeof *keep);
}

static void reset_reg(struct roo_regeling *r)
{
	free_functions(r->functions, r->nfunctions);
	for (int i = 0; i < r->nterms; i++)
		free(r->terms[i]);
	free(r->purpose);
	struct roo_function *f = r->functions;
	int fcap = r->fcap;
	struct roo_participant *pa = r->parts;
	int pcap = r->pcap;
	char **t = r->terms;
	int tcap = r->tcap;
	memset(r, 0, sizeof *r);
	r->functions = f, r->fcap = fcap;
	r->parts = pa, r->pcap = pcap;
	r->terms = t, r->tcap = tcap;
	if (f)
		memset(f, 0, (size_t)fcap * sizeof *f);
}

static void free_records(struct parser *p)
{
	reset_org(&p->org);
	reset_reg(&p->reg);
	free(p->org.functions);
	free(p->reg.functions);
	free(p->reg.parts);
	free(p->reg.terms);
}

/* The record's functies (org or regeling). */
static struct roo_function *cur_fn(struct parser *p)
{
	if (p->rec == REC_ORG)
		return p->org.nfunctions ? &p->org.functions[p->org.nfunctions - 1] : NULL;
	return p->reg.nfunctions ? &p->reg.functions[p->reg.nfunctions - 1] : NULL;
}

static struct roo_person *cur_person(struct parser *p)
{
	struct roo_function *f = cur_fn(p);
	return f && f->npeople ? &f->people[f->npeople - 1] : NULL;
}

static struct roo_participant *cur_part(struct parser *p)
{
	return p->reg.nparts ? &p->reg.parts[p->reg.nparts - 1] : NULL;
}

/* Path of the current element relative to the record ("" = the record). */
static const char *rel(struct parser *p)
{
	if (p->rec == REC_NONE)
		return NULL;
	const char *r = p->epath + p->rec_off;
	return *r == '/' ? r + 1 : r;
}

static void ref_attrs(struct parser *p, struct roo_ref *r)
{
	attr(p, "systeemId", r->sid, sizeof r->sid);
	attr(p, "resourceIdentifierTOOI", r->tooi, sizeof r->tooi);
}

/* A start tag inside a record. */
static void start_in_record(struct parser *p, const char *r)
{
	if (strcmp(r, "functies/functie") == 0) {
		int *n = p->rec == REC_ORG ? &p->org.nfunctions : &p->reg.nfunctions;
		int *cap = p->rec == REC_ORG ? &p->org.fcap : &p->reg.fcap;
		struct roo_function **arr =
		    p->rec == REC_ORG ? &p->org.functions : &p->reg.functions;
		*arr = grow(*arr, cap, *n + 1, sizeof **arr);
		struct roo_function *f = &(*arr)[(*n)++];
		attr(p, "systeemId", f->sid, sizeof f->sid);
		if (p->stats)
			p->stats->functions++;
	} else if (strcmp(r, "functies/functie/medewerkers/medewerker") == 0) {
		struct roo_function *f = cur_fn(p);
		f->people = grow(f->people, &f->cap, f->npeople + 1, sizeof *f->people);
		struct roo_person *m = &f->people[f->npeople++];
		attr(p, "systeemId", m->sid, sizeof m->sid);
		if (p->stats)
			p->stats->people++;
	} else if (p->rec != REC_REGELING) {
		return;
	} else if (strcmp(r, "deelnemendeOrganisaties/deelnemendeOrganisatie") == 0) {
		struct roo_regeling *g = &p->reg;
		g->parts = grow(g->parts, &g->pcap, g->nparts + 1, sizeof *g->parts);
		struct roo_participant *pa = &g->parts[g->nparts++];
		memset(pa, 0, sizeof *pa);
		attr(p, "systeemId", pa->sid, sizeof pa->sid);
		attr(p, "resourceIdentifierTOOI", pa->tooi, sizeof pa->tooi);
		if (p->stats)
			p->stats->parts++;
	} else if (strcmp(r, "deelnemendeOrganisaties/deelnemendeOrganisatie/bestuursorganen/"
			     "bestuursorgaan") == 0) {
		struct roo_participant *pa = cur_part(p);
		if (pa && !pa->body[0])
			attr(p, "resourceIdentifierTOOI", pa->body, sizeof pa->body);
	} else if (strcmp(r, "samenwerkingsvorm") == 0) {
		char afk[16];
		attr(p, "afkorting", afk, sizeof afk);
		p->reg.legal_form = roo_legal_form(afk);
		if (!p->reg.legal_form)
			FAIL(p,
			     "onbekende samenwerkingsvorm/@afkorting '%s' (verwacht OL, GO, BVO, "
			     "CC of "
			     "RZM)",
			     afk);
	} else if (strcmp(r, "regionaalSamenwerkingsorgaan") == 0) {
		ref_attrs(p, &p->reg.body);
	} else if (strcmp(r, "bronhouder") == 0) {
		ref_attrs(p, &p->reg.bronhouder);
	} else if (strcmp(r, "previousVersion") == 0) {
		ref_attrs(p, &p->reg.previous);
	} else if (strcmp(r, "nextVersion") == 0) {
		ref_attrs(p, &p->reg.next);
	} else if (strcmp(r, "beleidsterreinen/beleidsterrein") == 0) {
		p->term_named = false;
	}
}

static void add_term(struct parser *p, const char *t)
{
	if (!t[0])
		return;
	struct roo_regeling *g = &p->reg;
	g->terms = grow(g->terms, &g->tcap, g->nterms + 1, sizeof *g->terms);
	g->terms[g->nterms] = strdup(t);
	if (!g->terms[g->nterms])
		abort();
	g->nterms++;
}

/* An end tag inside a record: store its text by path. */
static void end_in_record(struct parser *p, const char *r)
{
	struct roo_function *f = cur_fn(p);
	struct roo_person *m = cur_person(p);
	if (strcmp(r, "functies/functie/naam") == 0 && f)
		take(p, f->name, sizeof f->name);
	else if (strcmp(r, "functies/functie/type") == 0 && f)
		take(p, f->type, sizeof f->type);
	else if (strcmp(r, "functies/functie/medewerkers/medewerker/naam") == 0 && m)
		take(p, m->name, sizeof m->name);
	else if (strcmp(r, "functies/functie/medewerkers/medewerker/partijLidmaatschap") == 0 && m)
		take(p, m->party, sizeof m->party);
	else if (strcmp(r, "functies/functie/medewerkers/medewerker/startDatum") == 0 && m)
		take_date(p, m->from, "startDatum");
	else if (strcmp(r, "functies/functie/medewerkers/medewerker/eindDatum") == 0 && m)
		take_date(p, m->to, "eindDatum");
	else if (p->rec == REC_ORG) {
		struct roo_org *o = &p->org;
		if (strcmp(r, "naam") == 0)
			take(p, o->name, sizeof o->name);
		else if (strcmp(r, "types/type") == 0 && !o->type[0])
			take(p, o->type, sizeof o->type);
		else if (strcmp(r, "startDatum") == 0)
			take_date(p, o->from, "startDatum");
		else if (strcmp(r, "eindDatum") == 0)
			take_date(p, o->to, "eindDatum");
	} else {
		struct roo_regeling *g = &p->reg;
		struct roo_participant *pa = cur_part(p);
		char tmp[256];
		if (strcmp(r, "titel") == 0)
			take(p, g->title, sizeof g->title);
		else if (strcmp(r, "afkorting") == 0)
			take(p, g->short_name, sizeof g->short_name);
		else if (strcmp(r, "bevoegdheidsverkrijgingen/bevoegdheidsverkrijging") == 0) {
			take(p, tmp, sizeof tmp);
			const char *code = roo_powers(tmp);
			if (!code)
				FAIL(p, "onbekende bevoegdheidsverkrijging '%.60s'", tmp);
			else if (!g->powers[0])
				cpy(g->powers, sizeof g->powers, code);
		} else if (strcmp(r, "regionaalSamenwerkingsorgaan") == 0)
			take(p, g->body.name, sizeof g->body.name);
		else if (strcmp(r, "bronhouder") == 0)
			take(p, g->bronhouder.name, sizeof g->bronhouder.name);
		else if (strcmp(r, "previousVersion") == 0)
			take(p, g->previous.name, sizeof g->previous.name);
		else if (strcmp(r, "nextVersion") == 0)
			take(p, g->next.name, sizeof g->next.name);
		else if (strcmp(r, "doel") == 0) {
			free(g->purpose);
			g->purpose = malloc(p->tlen + 1);
			if (!g->purpose)
				abort();
			take(p, g->purpose, p->tlen + 1);
		} else if (strcmp(r, "datumInwerkingtreding") == 0)
			take_date(p, g->from, "datumInwerkingtreding");
		else if (strcmp(r, "datumUitwerkingtreding") == 0)
			take_date(p, g->to, "datumUitwerkingtreding");
		else if (strcmp(r, "beleidsterreinen/beleidsterrein/naam") == 0) {
			take(p, tmp, sizeof tmp);
			add_term(p, tmp);
			p->term_named = true;
		} else if (strcmp(r, "beleidsterreinen/beleidsterrein") == 0) {
			if (!p->term_named) {
				take(p, tmp, sizeof tmp);
				add_term(p, tmp);
			}
		} else if (!pa)
			return;
		else if (strcmp(r, "deelnemendeOrganisaties/deelnemendeOrganisatie/naam") == 0)
			take(p, pa->name, sizeof pa->name);
		else if (strcmp(r, "deelnemendeOrganisaties/deelnemendeOrganisatie/"
				   "toetredingsDatum") == 0)
			take_date(p, pa->joined, "toetredingsDatum");
		else if (strcmp(r, "deelnemendeOrganisaties/deelnemendeOrganisatie/"
				   "verdeelsleutel") == 0) {
			take(p, tmp, sizeof tmp);
			if (tmp[0]) {
				if (roo_parse_share(tmp, &pa->share) != 0)
					FAIL(p,
					     "ongeldige verdeelsleutel '%.40s' (verwacht bijv. "
					     "0,25)",
					     tmp);
				else
					pa->has_share = true;
			}
		} else if (strcmp(r, "deelnemendeOrganisaties/deelnemendeOrganisatie/"
				     "bestuursorganen/bestuursorgaan/naam") == 0 ||
			   strcmp(r, "deelnemendeOrganisaties/deelnemendeOrganisatie/"
				     "bestuursorganen/bestuursorgaan") == 0) {
			take(p, tmp, sizeof tmp);
			/* the name wins over the TOOI id taken from the start tag */
			if (tmp[0] && (!pa->body[0] || strncmp(pa->body, "http", 4) == 0))
				cpy(pa->body, sizeof pa->body, tmp);
		}
	}
}

static void progress(struct parser *p, bool final)
{
	if (!p->progress || !p->stats)
		return;
	time_t now = time(NULL);
	if (!final && now - p->last < (p->tty ? 1 : 5))
		return;
	p->last = now;
	long recs = p->stats->orgs + p->stats->regelingen;
	double secs = difftime(now, p->started);
	long bytes = xmlTextReaderByteConsumed(p->rd);
	double pct = p->fsize > 0 ? 100.0 * (double)bytes / (double)p->fsize : 0;
	if (final)
		pct = 100.0;
	fprintf(stderr, "%sroo: %ld records, %.0f/s, %.0f%% van het bestand%s", p->tty ? "\r" : "",
		recs, secs > 0 ? (double)recs / secs : (double)recs, pct,
		p->tty && !final ? "" : "\n");
	fflush(stderr);
}

/* Handle one start tag. Returns 0 or -1 (p->failed). */
static int on_start(struct parser *p, const char *name, bool empty)
{
	if (p->depth >= ROO_DEPTH_MAX) {
		FAIL(p, "te diep genest (meer dan %d niveaus)", ROO_DEPTH_MAX);
		return -1;
	}
	size_t cur = p->plen[p->depth];
	size_t nl = strlen(name);
	if (cur + nl + 2 > sizeof p->epath) {
		FAIL(p, "elementpad te lang");
		return -1;
	}
	p->epath[cur] = '/';
	memcpy(p->epath + cur + 1, name, nl + 1);
	p->depth++;
	p->plen[p->depth] = cur + 1 + nl;
	p->tlen = 0;

	if (p->depth == 1) {
		if (strcmp(name, "overheidsorganisaties") != 0) {
			FAIL(p, "verkeerd hoofdelement <%.60s> (verwacht <overheidsorganisaties>)",
			     name);
			return -1;
		}
		struct roo_header hd = {0};
		cpy(hd.ns, sizeof hd.ns, (const char *)xmlTextReaderConstNamespaceUri(p->rd));
		cpy(p->ns, sizeof p->ns, hd.ns);
		if (!roo_namespace_ok(hd.ns, hd.version, sizeof hd.version)) {
			FAIL(p, "onbekende namespace '%.120s' (verwacht %s2.x)",
			     hd.ns[0] ? hd.ns : "(geen)", ROO_NS_PREFIX);
			return -1;
		}
		attr(p, "timestamp", hd.timestamp, sizeof hd.timestamp);
		if (strlen(hd.timestamp) >= 10) {
			memcpy(hd.date, hd.timestamp, 10);
			hd.date[10] = '\0';
			if (!valid_date(hd.date))
				hd.date[0] = '\0';
		}
		if (p->h && p->h->header && p->h->header(p->h->ctx, &hd, p->err, p->errlen) < 0) {
			p->failed = 1;
			return -1;
		}
	} else if (p->rec == REC_NONE && p->depth == 3) {
		const char *parent = p->epath + p->plen[1] + 1;
		bool orgs =
		    strncmp(parent, "organisaties/", 13) == 0 && strcmp(name, "organisatie") == 0;
		bool regs =
		    strcmp(name, "regeling") == 0 &&
		    (strncmp(parent, "gemeenschappelijkeRegelingen/", 29) == 0 ||
		     strncmp(parent, "gemeenschappelijkeRegelingenGrensoverschrijdend/", 48) == 0);
		if (orgs) {
			reset_org(&p->org);
			p->rec = REC_ORG;
			attr(p, "systeemId", p->org.sid, sizeof p->org.sid);
			attr(p, "resourceIdentifierTOOI", p->org.tooi, sizeof p->org.tooi);
		} else if (regs) {
			reset_reg(&p->reg);
			p->rec = REC_REGELING;
			p->reg.cross_border =
			    strncmp(parent, "gemeenschappelijkeRegelingenG", 29) == 0;
			attr(p, "systeemId", p->reg.sid, sizeof p->reg.sid);
			attr(p, "resourceIdentifierTOOI", p->reg.tooi, sizeof p->reg.tooi);
		}
		if (p->rec != REC_NONE) {
			p->rec_off = p->plen[p->depth];
			p->rec_depth = p->depth;
		}
	} else if (p->rec != REC_NONE) {
		const char *r = rel(p);
		/* nested organisaties (sub-units) are not imported */
		if (p->rec == REC_ORG && strncmp(r, "organisaties/", 13) == 0)
			return 0;
		start_in_record(p, r);
	}
	(void)empty;
	return p->failed ? -1 : 0;
}

static int on_end(struct parser *p)
{
	if (p->depth <= 0)
		return 0;
	if (p->rec != REC_NONE && p->depth == p->rec_depth) {
		int rc = 0;
		if (p->rec == REC_ORG) {
			if (p->stats)
				p->stats->orgs++;
			if (!p->org.name[0])
				FAIL(p, "organisatie zonder naam (systeemId %s)", p->org.sid);
			else if (p->h && p->h->org)
				rc = p->h->org(p->h->ctx, &p->org, p->err, p->errlen);
		} else {
			if (p->stats)
				p->stats->regelingen++;
			if (!p->reg.title[0])
				FAIL(p, "regeling zonder titel (systeemId %s)", p->reg.sid);
			else if (!p->reg.legal_form)
				FAIL(p, "regeling '%.80s' zonder samenwerkingsvorm", p->reg.title);
			else if (!p->reg.from[0])
				FAIL(p, "regeling '%.80s' zonder datumInwerkingtreding",
				     p->reg.title);
			else if (p->h && p->h->regeling)
				rc = p->h->regeling(p->h->ctx, &p->reg, p->err, p->errlen);
		}
		if (rc < 0 && !p->failed) {
			/* keep the callback's reason, add the position */
			char why[400];
			cpy(why, sizeof why, p->err);
			FAIL(p, "%s", why);
		}
		p->rec = REC_NONE;
		progress(p, false);
	} else if (p->rec != REC_NONE) {
		const char *r = rel(p);
		if (!(p->rec == REC_ORG && strncmp(r, "organisaties/", 13) == 0))
			end_in_record(p, r);
	}
	p->depth--;
	p->epath[p->plen[p->depth]] = '\0';
	p->tlen = 0;
	return p->failed ? -1 : 0;
}

static int on_text(struct parser *p)
{
	if (p->rec == REC_NONE)
		return 0;
	const char *v = (const char *)xmlTextReaderConstValue(p->rd);
	size_t n = v ? strlen(v) : 0;
	if (n > ROO_TEXT_MAX || p->tlen + n > ROO_TEXT_MAX) {
		FAIL(p, "tekst langer dan %d bytes", ROO_TEXT_MAX);
		return -1;
	}
	memcpy(p->text + p->tlen, v, n);
	p->tlen += n;
	p->text[p->tlen] = '\0';
	return 0;
}

int roo_parse_file(const char *path, const struct roo_handler *h, bool show_progress,
		   struct roo_stats *stats, char *err, size_t errlen)
{
	struct parser p = {0};
	p.path = path;
	p.err = err;
	p.errlen = errlen;
	p.h = h;
	p.stats = stats;
	int rc = -1;
	bool root_done = false;
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s:0:0: bestand niet te openen (%s)", path,
			 errno ? strerror(errno) : "geen gewoon bestand");
		return -1;
	}
	p.fsize = (long long)sb.st_size;
	p.tty = isatty(STDERR_FILENO);
	p.progress = show_progress && (p.tty || p.fsize > 8 * 1024 * 1024);
	p.started = p.last = time(NULL);
	p.text = malloc(ROO_TEXT_MAX + 1);
	if (!p.text)
		return snprintf(err, errlen, "%s:0:0: geen geheugen", path), -1;
	/* NONET, and deliberately none of NOENT, DTDLOAD, DTDATTR, DTDVALID:
	 * no DTD is read, no entity substituted, nothing fetched. */
	p.rd = xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!p.rd) {
		snprintf(err, errlen, "%s:0:0: bestand niet te openen", path);
		goto out;
	}
	xmlTextReaderSetStructuredErrorHandler(p.rd, on_xml_error, &p);
	int r;
	while ((r = xmlTextReaderRead(p.rd)) == 1) {
		int type = xmlTextReaderNodeType(p.rd);
		switch (type) {
		case XML_READER_TYPE_DOCUMENT_TYPE:
			FAIL(
			    &p,
			    "DOCTYPE niet toegestaan (geen DTD's of entiteiten in een ROO-export)");
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
		case XML_READER_TYPE_ENTITY:
			FAIL(&p, "entiteitverwijzing niet toegestaan");
			break;
		case XML_READER_TYPE_ELEMENT: {
			const char *name = (const char *)xmlTextReaderConstLocalName(p.rd);
			bool empty = xmlTextReaderIsEmptyElement(p.rd) == 1;
			if (p.depth == 0 && root_done) {
				FAIL(&p, "tweede hoofdelement");
				break;
			}
			if (p.depth == 0) {
				const char *enc = (const char *)xmlTextReaderConstEncoding(p.rd);
				if (enc && strcasecmp(enc, "UTF-8") != 0 &&
				    strcasecmp(enc, "UTF8") != 0) {
					FAIL(&p, "tekenset %s; een ROO-export moet UTF-8 zijn",
					     enc);
					break;
				}
				root_done = true;
			}
			if (on_start(&p, name ? name : "", empty) == 0 && empty)
				on_end(&p);
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			on_end(&p);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			on_text(&p);
			break;
		default:
			break;
		}
		if (p.failed)
			break;
	}
	if (p.failed)
		goto out;
	if (r < 0 || p.xerr[0]) {
		fail_at(&p, p.xline ? p.xline : xmlTextReaderGetParserLineNumber(p.rd),
			p.xcol ? p.xcol : xmlTextReaderGetParserColumnNumber(p.rd), "%s: %s",
			p.depth > 0 && xmlTextReaderByteConsumed(p.rd) >= p.fsize
			    ? "bestand onvolledig (afgekapt?)"
			    : "geen geldige XML",
			p.xerr[0] ? p.xerr : "leesfout");
		goto out;
	}
	if (!root_done || p.depth != 0) {
		fail_at(&p, xmlTextReaderGetParserLineNumber(p.rd),
			xmlTextReaderGetParserColumnNumber(p.rd), "bestand onvolledig (afgekapt?)");
		goto out;
	}
	progress(&p, true);
	rc = 0;
out:
	if (p.rd)
		xmlFreeTextReader(p.rd);
	free_records(&p);
	free(p.text);
	return rc;
}
