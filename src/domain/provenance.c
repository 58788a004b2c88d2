/*
 * provenance — see provenance.h.
 */
#include "provenance.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const kinds[] = {
    SOURCE_KIND_PUBLICATION, SOURCE_KIND_GOVERNMENT, SOURCE_KIND_REPORT,  SOURCE_KIND_NEWS,
    SOURCE_KIND_DATASET,     SOURCE_KIND_SECONDARY,  SOURCE_KIND_PARTNER, SOURCE_KIND_EDITORIAL,
};

bool provenance_kind_valid(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return true;
	return false;
}

/* The host of url ("" when it has none), lower-case, without "www.". */
static void host_of(const char *url, char *host, size_t n)
{
	host[0] = '\0';
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p)
		return;
	p += 3;
	if (strncasecmp(p, "www.", 4) == 0)
		p += 4;
	size_t k = 0;
	while (*p && *p != '/' && *p != ':' && *p != '?' && *p != '#' && k + 1 < n) {
		char c = *p++;
		host[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	host[k] = '\0';
}

/* Is host equal to one of list, or a subdomain of one? */
static bool host_in(const char *host, const char *const *list)
{
	size_t hl = strlen(host);
	for (; *list; list++) {
		size_t l = strlen(*list);
		if (hl == l && strcmp(host, *list) == 0)
			return true;
		if (hl > l && host[hl - l - 1] == '.' && strcmp(host + hl - l, *list) == 0)
			return true;
	}
	return false;
}

static bool has_word(const char *text, const char *word)
{
	return text && strcasestr(text, word) != NULL;
}

const char *provenance_kind_guess(const char *url, const char *title, const char *publisher)
{
	static const char *const publication[] = {"officielebekendmakingen.nl",
						  "lokaleregelgeving.overheid.nl",
						  "wetten.overheid.nl",
						  "repository.overheid.nl",
						  "puc.overheid.nl",
						  "cvdr.overheid.nl",
						  "zoek.overheid.nl",
						  NULL};
	static const char *const news[] = {"rtvutrecht.nl",
					   "nos.nl",
					   "ad.nl",
					   "nhnieuws.nl",
					   "rd.nl",
					   "duic.nl",
					   "nieuws.nl",
					   "binnenlandsbestuur.nl",
					   "gooieneembode.nl",
					   "anp.nl",
					   "nu.nl",
					   "trouw.nl",
					   "volkskrant.nl",
					   "nrc.nl",
					   "omroepgelderland.nl",
					   "destadamersfoort.nl",
					   "utrechtbusiness.nl",
					   "openrijk.nl",
					   NULL};
	static const char *const secondary[] = {"wikipedia.org", "beterzeist.com",
						"overheidvannu.nl", "openstate.eu", NULL};
	static const char *const dataset[] = {"cbs.nl", "data.overheid.nl", "opendata.cbs.nl",
					      "github.com", NULL};
	char host[128];
	host_of(url, host, sizeof host);
	if (has_word(publisher, "Samenwerkingsatlas"))
		return SOURCE_KIND_EDITORIAL;
	if (host_in(host, publication))
		return SOURCE_KIND_PUBLICATION;
	static const char *const report_words[] = {
	    "jaarverslag", "jaarrekening", "jaarstukken", "begroting", "programmabegroting", NULL};
	for (const char *const *w = report_words; *w; w++)
		if (has_word(title, *w))
			return SOURCE_KIND_REPORT;
	if (host_in(host, news))
		return SOURCE_KIND_NEWS;
	if (host_in(host, secondary))
		return SOURCE_KIND_SECONDARY;
	if (host_in(host, dataset))
		return SOURCE_KIND_DATASET;
	static const char *const gov_words[] = {
	    "gemeente", "provincie",	    "waterschap", "hoogheemraadschap", "ministerie",
	    "regio",	"veiligheidsregio", "ggd",	  "omgevingsdienst",   NULL};
	for (const char *const *w = gov_words; *w; w++)
		if (has_word(publisher, *w) || strstr(host, *w))
			return SOURCE_KIND_GOVERNMENT;
	size_t hl = strlen(host);
	if (hl > 11 && strcmp(host + hl - 11, ".overheid.nl") == 0)
		return SOURCE_KIND_GOVERNMENT;
	return SOURCE_KIND_SECONDARY;
}

/* The lower-case ASCII letters and digits of s, at most n - 1. */
static void squeeze(const char *s, size_t len, char *out, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < len && s[i] && k + 1 < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[k++] = c;
	}
	out[k] = '\0';
}

bool provenance_own_site(const char *url, const char *org_name)
{
	char host[128], label[128], name[128];
	host_of(url, host, sizeof host);
	const char *dot = strrchr(host, '.');
	if (!dot || !org_name)
		return false;
	const char *start = dot;
	while (start > host && start[-1] != '.')
		start--;
	squeeze(start, (size_t)(dot - start), label, sizeof label);
	if (strncasecmp(org_name, "gemeente ", 9) == 0)
		org_name += 9;
	squeeze(org_name, strlen(org_name), name, sizeof name);
	return label[0] && strcmp(label, name) == 0;
}

bool provenance_kind_secondary(const char *kind)
{
	return kind &&
	       (strcmp(kind, SOURCE_KIND_SECONDARY) == 0 || strcmp(kind, SOURCE_KIND_DATASET) == 0);
}

/* "volgens …" for a kind. */
static const char *according_to(const char *kind)
{
	if (!kind || !*kind)
		return "volgens de opgegeven bron";
	if (strcmp(kind, SOURCE_KIND_PUBLICATION) == 0)
		return "volgens een officiële bekendmaking";
	if (strcmp(kind, SOURCE_KIND_GOVERNMENT) == 0)
		return "volgens een overheidsorganisatie";
	if (strcmp(kind, SOURCE_KIND_REPORT) == 0)
		return "volgens een jaarverslag of begroting";
	if (strcmp(kind, SOURCE_KIND_NEWS) == 0)
		return "volgens een nieuwsbericht";
	if (strcmp(kind, SOURCE_KIND_DATASET) == 0)
		return "volgens een open dataset";
	if (strcmp(kind, SOURCE_KIND_PARTNER) == 0)
		return "opgegeven door de partner";
	if (strcmp(kind, SOURCE_KIND_EDITORIAL) == 0)
		return "eigen indeling van de atlas";
	return "volgens een secundaire bron";
}

const char *provenance_words(const char *confidence, bool unconfirmed, const char *kind,
			     bool planned, char *buf, size_t n)
{
	bool low = unconfirmed || (confidence && strcmp(confidence, "low") == 0);
	bool high = !low && confidence && strcmp(confidence, "high") == 0;
	if (low) {
		snprintf(buf, n, "%s, niet bevestigd (%s)", planned ? "gepland" : "onzeker",
			 according_to(kind));
		return buf;
	}
	if (high && kind && strcmp(kind, SOURCE_KIND_PUBLICATION) == 0)
		snprintf(buf, n, "bevestigd door officiële bekendmaking");
	else if (high && kind && strcmp(kind, SOURCE_KIND_GOVERNMENT) == 0)
		snprintf(buf, n, "bevestigd door een overheidsorganisatie");
	else if (high && kind && strcmp(kind, SOURCE_KIND_REPORT) == 0)
		snprintf(buf, n, "bevestigd door jaarverslag of begroting");
	else if (high)
		snprintf(buf, n, "bevestigd, %s", according_to(kind));
	else
		snprintf(buf, n, "%s", according_to(kind));
	return buf;
}

const char *provenance_part_key(char *buf, size_t n, const char *collab, const char *org,
				const char *joined)
{
	if (joined && *joined)
		snprintf(buf, n, "%s/%s/%s", collab, org, joined);
	else
		snprintf(buf, n, "%s/%s", collab, org);
	return buf;
}

bool provenance_stale(const char *confirmed, const char *today)
{
	if (!confirmed || strlen(confirmed) < 10 || !today || strlen(today) < 10)
		return true;
	int y, m, d, ty, tm, td;
	if (sscanf(confirmed, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    sscanf(today, "%4d-%2d-%2d", &ty, &tm, &td) != 3)
		return true;
	/* stale when confirmed < today minus one year (same month and day) */
	int c = y * 10000 + m * 100 + d, limit = (ty - 1) * 10000 + tm * 100 + td;
	return c < limit;
}

const char *provenance_field_label(const char *field)
{
	static const char *const names[][2] = {
	    {"record", "Het gegeven zelf"},
	    {"name", "Naam"},
	    {"short_name", "Korte naam"},
	    {"kind", "Soort"},
	    {"legal_form", "Juridische vorm"},
	    {"powers", "Bevoegdheden"},
	    {"phase", "Fase"},
	    {"purpose", "Doel"},
	    {"seat", "Vestigingsplaats"},
	    {"start_date", "Startdatum"},
	    {"end_date", "Einddatum"},
	    {"website", "Website"},
	    {"note", "Toelichting"},
	    {"domains", "Beleidsdomeinen"},
	    {"source_id", "Bron"},
	    {"current_participants", "Deelnemers"},
	    {"participants_body", "Deelnemend orgaan"},
	    {"valid_from", "Bestaat sinds"},
	    {"valid_to", "Opgeheven per"},
	    {"ended", "Opgeheven"},
	    {"successor_code", "Opvolger"},
	    {"tooi", "TOOI-code"},
	    {"cbs_code", "CBS-code"},
	    {"population", "Inwoners"},
	    {"joined", "Toegetreden"},
	    {"left", "Uitgetreden"},
	    {"left_on", "Uitgetreden"},
	    {"body", "Orgaan"},
	    {"role", "Rol"},
	};
	for (size_t i = 0; field && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(field, names[i][0]) == 0)
			return names[i][1];
	return field ? field : "";
}

bool provenance_planned(const char *value, const char *today)
{
	int y, m, d;
	if (!value || !today || strlen(value) < 10 || sscanf(value, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return false;
	return strncmp(value, today, 10) > 0;
}

bool provenance_claim_planned(const char *field, const char *value, bool unconfirmed,
			      const char *source_date, const char *today)
{
	if (provenance_planned(value, today))
		return true;
	static const char *const change_dates[] = {"start_date", "end_date", "valid_from",
						   "valid_to",	 "joined",   "left"};
	bool dates_change = false;
	for (size_t i = 0; field && i < sizeof change_dates / sizeof change_dates[0]; i++)
		dates_change = dates_change || strcmp(field, change_dates[i]) == 0;
	if (!unconfirmed || !dates_change || !provenance_planned(value, "0000-00-00"))
		return false;
	return !source_date || strlen(source_date) < 10 || strncmp(value, source_date, 10) > 0;
}
