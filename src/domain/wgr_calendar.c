/*
 * wgr_calendar — see wgr_calendar.h.
 */
#include "wgr_calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const doc_slugs[WGR_DOC_COUNT] = {
    "kadernota",
    "voorlopige-jaarrekening",
    "ontwerpbegroting",
    "zienswijze-begroting",
    "begroting-naar-toezichthouder",
    "jaarrekening-naar-toezichthouder",
    "zienswijze-ontwerpregeling",
};

static const char *const doc_labels[WGR_DOC_COUNT] = {
    "kadernota",
    "voorlopige jaarrekening",
    "ontwerpbegroting",
    "zienswijze begroting",
    "begroting naar toezichthouder",
    "jaarrekening naar toezichthouder",
    "zienswijze ontwerpregeling",
};

static const char *const month_names[12] = {"januari",	 "februari", "maart",	 "april",
					    "mei",	 "juni",     "juli",	 "augustus",
					    "september", "oktober",  "november", "december"};

const char *wgr_doc_slug(enum wgr_doc d)
{
	return (unsigned)d < WGR_DOC_COUNT ? doc_slugs[d] : "";
}

const char *wgr_doc_label(enum wgr_doc d)
{
	return (unsigned)d < WGR_DOC_COUNT ? doc_labels[d] : "";
}

int wgr_doc_from_label(const char *s)
{
	for (int i = 0; i < WGR_DOC_COUNT; i++)
		if (s && strcmp(s, doc_labels[i]) == 0)
			return i;
	return -1;
}

enum wgr_budget wgr_budget_of(enum collab_kind kind, enum legal_form lf)
{
	switch (lf) {
	case LF_OL:
	case LF_GO:
	case LF_BVO:
		return WGR_OWN_BUDGET;
	case LF_CC:
	case LF_RZM:
		return WGR_NO_BUDGET;
	case LF_UNKNOWN:
		return kind == COLLAB_JOINT_ARRANGEMENT ? WGR_UNKNOWN_FORM : WGR_NOT_WGR;
	default:
		return WGR_NOT_WGR;
	}
}

const char *wgr_budget_text(enum wgr_budget b)
{
	switch (b) {
	case WGR_OWN_BUDGET:
		return "Deze regeling heeft een eigen begroting; de wettelijke momenten staan "
		       "hieronder.";
	case WGR_NO_BUDGET:
		return "Deze regeling heeft geen eigen begroting (centrumconstructie of regeling "
		       "zonder meer); de Wgr-momenten voor begroting en jaarrekening gelden niet.";
	case WGR_NOT_WGR:
		return "Dit is geen gemeenschappelijke regeling volgens de Wgr; er zijn geen "
		       "wettelijke begrotingsmomenten.";
	case WGR_UNKNOWN_FORM:
	default:
		return "De juridische vorm is onbekend: onbekend of deze regeling een eigen "
		       "begroting heeft. Daarom berekenen we geen momenten.";
	}
}

long wgr_days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's days_from_civil */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = (long)y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : n[m - 1];
}

int wgr_date_parse(const char *iso, int *y, int *m, int *d)
{
	if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
			return -1;
	int yy = atoi(iso), mm = atoi(iso + 5), dd = atoi(iso + 8);
	if (yy < 1900 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 || dd > month_days(yy, mm))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

static void fmt_date(long days, char out[11])
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

void wgr_date_add(const char *iso, int days, char out[11])
{
	int y, m, d;
	if (wgr_date_parse(iso, &y, &m, &d) < 0) {
		out[0] = '\0';
		return;
	}
	fmt_date(wgr_days_from_civil(y, m, d) + days, out);
}

/* Parse an optionally signed integer at *p; advances *p. */
static int read_int(const char **p, int *v)
{
	char *end;
	long x = strtol(*p, &end, 10);
	if (end == *p || x < -10000 || x > 10000)
		return -1;
	*v = (int)x;
	*p = end;
	return 0;
}

/* "AB-12w", "AB+2w", "AB-0w" (prefix already consumed): signed weeks. */
static int read_weeks(const char **p, int *days)
{
	char sign = **p;
	if (sign != '+' && sign != '-')
		return -1;
	(*p)++;
	int w;
	if (**p < '0' || **p > '9' || read_int(p, &w) < 0 || **p != 'w')
		return -1;
	(*p)++;
	*days = (sign == '-' ? -w : w) * 7;
	return 0;
}

int wgr_rule_parse(const char *text, struct wgr_term *terms, int max)
{
	int n = 0;
	const char *p = text;
	if (!p || !*p)
		return -1;
	for (;;) {
		if (n >= max)
			return -1;
		struct wgr_term t = {0};
		if (strncmp(p, "AB", 2) == 0) {
			p += 2;
			t.kind = WGR_T_AB;
			if (read_weeks(&p, &t.days) < 0)
				return -1;
		} else if (strncmp(p, "EVENT", 5) == 0) {
			p += 5;
			t.kind = WGR_T_EVENT;
			if (read_weeks(&p, &t.days) < 0)
				return -1;
		} else if (*p == 'Y') {
			p++;
			t.kind = WGR_T_FIXED;
			if (*p == '+' || *p == '-') {
				if (p[1] < '0' || p[1] > '9' || read_int(&p, &t.year_offset) < 0)
					return -1;
			}
			/* now "-MM-DD" */
			if (!(p[0] == '-' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
			      p[2] <= '9' && p[3] == '-' && p[4] >= '0' && p[4] <= '9' &&
			      p[5] >= '0' && p[5] <= '9'))
				return -1;
			t.month = (p[1] - '0') * 10 + (p[2] - '0');
			t.day = (p[4] - '0') * 10 + (p[5] - '0');
			p += 6;
			/* any year: 29 February is refused (not a yearly date) */
			if (t.month < 1 || t.month > 12 || t.day < 1 ||
			    t.day > month_days(2001, t.month))
				return -1;
			if (t.year_offset < -2 || t.year_offset > 2)
				return -1;
		} else {
			return -1;
		}
		terms[n++] = t;
		if (*p == '\0')
			return n;
		if (*p != '|')
			return -1;
		p++;
	}
}

static int copy_field(char *dst, size_t cap, const char *src, const char *name, char *err,
		      size_t errlen)
{
	size_t n = strlen(src ? src : "");
	if (n >= cap) {
		snprintf(err, errlen, "kolom %s is te lang (%zu tekens, hoogstens %zu)", name, n,
			 cap - 1);
		return -1;
	}
	memcpy(dst, src ? src : "", n + 1);
	return 0;
}

int wgr_rule_from_fields(struct wgr_rule *out, const char *const *f, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (copy_field(out->id, sizeof out->id, f[0], "id", err, errlen) < 0 ||
	    copy_field(out->article, sizeof out->article, f[2], "article", err, errlen) < 0 ||
	    copy_field(out->rule, sizeof out->rule, f[3], "rule", err, errlen) < 0 ||
	    copy_field(out->acts, sizeof out->acts, f[5], "acts", err, errlen) < 0 ||
	    copy_field(out->receives, sizeof out->receives, f[6], "receives", err, errlen) < 0 ||
	    copy_field(out->source, sizeof out->source, f[9], "source", err, errlen) < 0 ||
	    copy_field(out->note, sizeof out->note, f[11], "note", err, errlen) < 0)
		return -1;
	if (!out->id[0]) {
		snprintf(err, errlen, "kolom id is leeg");
		return -1;
	}
	int d = wgr_doc_from_label(f[1]);
	if (d < 0) {
		snprintf(err, errlen, "onbekend document '%.60s'", f[1]);
		return -1;
	}
	out->doc = (enum wgr_doc)d;
	out->n_terms = wgr_rule_parse(f[3], out->terms, WGR_MAX_TERMS);
	if (out->n_terms < 0) {
		snprintf(err, errlen,
			 "ongeldige regel '%.60s' (verwacht bijv. Y-1-04-30, AB-12w, "
			 "AB+2w|Y-1-09-15 of EVENT+8w)",
			 f[3]);
		return -1;
	}
	if (strcmp(f[4], "alle") == 0)
		out->cond = WGR_COND_ALL;
	else if (strcmp(f[4], "gs") == 0)
		out->cond = WGR_COND_GS;
	else if (strcmp(f[4], "minister") == 0)
		out->cond = WGR_COND_MINISTER;
	else {
		snprintf(err, errlen,
			 "kolom condition moet alle, gs of minister zijn, niet '%.40s'", f[4]);
		return -1;
	}
	int y, m, dd;
	for (int k = 7; k <= 8; k++) {
		if (f[k][0] && wgr_date_parse(f[k], &y, &m, &dd) < 0) {
			snprintf(err, errlen, "kolom %s is geen datum JJJJ-MM-DD: '%.40s'",
				 k == 7 ? "valid_from" : "valid_to", f[k]);
			return -1;
		}
	}
	memcpy(out->valid_from, f[7], strlen(f[7]) + 1);
	memcpy(out->valid_to, f[8], strlen(f[8]) + 1);
	if (out->valid_from[0] && out->valid_to[0] && strcmp(out->valid_from, out->valid_to) > 0) {
		snprintf(err, errlen, "valid_from ligt na valid_to");
		return -1;
	}
	if (strcmp(f[10], "H") != 0 && strcmp(f[10], "M") != 0) {
		snprintf(err, errlen, "kolom confidence moet H of M zijn, niet '%.10s'", f[10]);
		return -1;
	}
	out->confidence = f[10][0];
	return 0;
}

static bool rule_holds(const struct wgr_rule *r, const char *ref)
{
	if (r->valid_from[0] && strcmp(ref, r->valid_from) < 0)
		return false;
	if (r->valid_to[0] && strcmp(ref, r->valid_to) > 0)
		return false;
	return true;
}

static bool cond_holds(const struct wgr_rule *r, bool minister)
{
	return r->cond == WGR_COND_ALL || (r->cond == WGR_COND_MINISTER) == minister;
}

/* "30 april 2024" */
static void date_words(const char *iso, char *out, size_t cap)
{
	int y, m, d;
	if (wgr_date_parse(iso, &y, &m, &d) < 0) {
		snprintf(out, cap, "%s", iso);
		return;
	}
	snprintf(out, cap, "%d %s %d", d, month_names[m - 1], y);
}

/*
 * Evaluate the rule for budget year Y. date: the earliest computable term
 * ("" when none); has_ab_term/has_event: which undated terms exist.
 */
static void evaluate(const struct wgr_rule *r, int year, const char *ab, char date[11],
		     bool *undated_ab, bool *event)
{
	long best = 0;
	bool have = false;
	*undated_ab = false;
	*event = false;
	date[0] = '\0';
	for (int k = 0; k < r->n_terms; k++) {
		const struct wgr_term *t = &r->terms[k];
		long days;
		int y, m, d;
		if (t->kind == WGR_T_FIXED) {
			days = wgr_days_from_civil(year + t->year_offset, t->month, t->day);
		} else if (t->kind == WGR_T_AB) {
			if (!ab || wgr_date_parse(ab, &y, &m, &d) < 0) {
				*undated_ab = true;
				continue;
			}
			days = wgr_days_from_civil(y, m, d) + t->days;
		} else {
			*event = true;
			continue;
		}
		if (!have || days < best)
			best = days;
		have = true;
	}
	if (have)
		fmt_date(best, date);
}

/* "12 weken vóór", "2 weken na", "op de dag van" for an AB term. */
static void weeks_words(int days, char *out, size_t cap)
{
	int w = abs(days) / 7;
	if (days == 0)
		snprintf(out, cap, "uiterlijk op de dag van");
	else
		snprintf(out, cap, "%d %s %s", w, w == 1 ? "week" : "weken",
			 days < 0 ? "vóór" : "na");
}

static const char *adjust_body(const char *who, bool single_board)
{
	if (!single_board)
		return who;
	if (strcmp(who, "dagelijks bestuur") == 0 || strcmp(who, "algemeen bestuur") == 0)
		return "bestuur";
	return who;
}

int wgr_calendar_compute(const struct wgr_rules *rules, const struct wgr_input *in,
			 struct wgr_moment *out, int max)
{
	if (!rules || !in || in->year < 1901 || in->year > 2998 ||
	    wgr_budget_of(in->kind, in->legal_form) != WGR_OWN_BUDGET)
		return 0;
	const char *ab = in->ab_date && in->ab_date[0] ? in->ab_date : NULL;
	int yy, mm, dd;
	if (ab && wgr_date_parse(ab, &yy, &mm, &dd) < 0)
		ab = NULL;
	/* GO and BVO have one board ("ongeleed"), no AB/DB */
	bool single = in->legal_form == LF_GO || in->legal_form == LF_BVO;
	const char *meeting =
	    single ? "de vergadering van het bestuur over de begroting" : "de AB-vergadering";
	char fallback_ref[24];
	snprintf(fallback_ref, sizeof fallback_ref, "%04d-07-01", in->year - 1);

	int n = 0;
	for (int doc = 0; doc < WGR_DOC_COUNT; doc++) {
		for (int i = 0; i < rules->n && n < max; i++) {
			const struct wgr_rule *r = &rules->rules[i];
			if ((int)r->doc != doc || !cond_holds(r, in->minister))
				continue;
			char date[11];
			bool undated_ab, event;
			evaluate(r, in->year, ab, date, &undated_ab, &event);
			const char *ref = date[0] ? date : (ab ? ab : fallback_ref);
			if (event)
				ref = date[0] ? date : "9999-12-31"; /* standing rule: newest law */
			if (!rule_holds(r, ref))
				continue;
			struct wgr_moment *mo = &out[n];
			memset(mo, 0, sizeof *mo);
			mo->doc = r->doc;
			mo->year = in->year;
			mo->rule = r;
			mo->acts = adjust_body(r->acts, single);
			mo->receives = adjust_body(r->receives, single);
			memcpy(mo->date, date, sizeof mo->date);
			char words[40], ww[40];
			if (event) {
				int w = r->terms[0].days / 7;
				snprintf(
				    mo->when, sizeof mo->when,
				    "binnen %d weken na toezending van een ontwerp (geen vaste "
				    "datum)",
				    w);
			} else if (date[0]) {
				date_words(date, words, sizeof words);
				snprintf(mo->when, sizeof mo->when, "uiterlijk %s", words);
			} else {
				weeks_words(r->terms[0].days, ww, sizeof ww);
				if (r->terms[0].days == 0)
					snprintf(mo->when, sizeof mo->when,
						 "%s %s (datum onbekend)", ww, meeting);
				else
					snprintf(mo->when, sizeof mo->when,
						 "uiterlijk %s %s (datum onbekend)", ww, meeting);
			}
			n++;
		}
	}
	return n;
}

bool wgr_collab_minister(const struct snapshot *s, int c)
{
	const struct collaboration *cb = &s->collabs[c];
	for (int k = 0; k < cb->n_parts; k++) {
		const struct participation *p = &s->parts[cb->parts[k]];
		if (!p->active)
			continue;
		enum org_kind ok = s->orgs[p->organisation].kind;
		if (ok == ORG_PROVINCE || ok == ORG_WATER_BOARD)
			return true;
	}
	return false;
}
