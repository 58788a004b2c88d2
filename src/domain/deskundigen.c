/*
 * deskundigen — checks and matching of experts' listings; see deskundigen.h.
 */
#include "deskundigen.h"
#include "fields.h"

#include <ctype.h>
#include <string.h>

static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

void deskundige_check(struct field_errors *e, const struct expert_input *in,
		      bool (*known)(const char *key, const void *ctx), const void *ctx)
{
	if (blank(in->expertise))
		field_errors_add(e, "expertise", "Beschrijf uw kennis of ervaring.");
	else
		field_check_text(e, "expertise", in->expertise, 1, EXPERT_EXPERTISE_MAX, true,
				 "De beschrijving");
	field_check_text(e, "trefwoorden", in->keywords, 0, EXPERT_KEYWORDS_MAX, false,
			 "De trefwoorden");
	if (blank(in->contact))
		field_errors_add(e, "contact",
				 "Zeg hoe collega's u kunnen bereiken, bijvoorbeeld uw e-mailadres "
				 "of telefoonnummer.");
	else
		field_check_text(e, "contact", in->contact, 1, EXPERT_CONTACT_MAX, false,
				 "Het contact");
	if (in->n_themes > EXPERT_THEMES_MAX)
		field_errors_add(e, "themas", "Kies hoogstens %d thema's.", EXPERT_THEMES_MAX);
	for (int i = 0; i < in->n_themes && i < EXPERT_THEMES_MAX; i++)
		if (!in->themes[i] || !known(in->themes[i], ctx)) {
			field_errors_add(e, "themas", "Kies thema's uit de lijst.");
			break;
		}
	if (!in->consent)
		field_errors_add(e, "toestemming",
				 "Vink aan dat u toestemming geeft om vermeld te worden; zonder "
				 "toestemming staat u niet in de lijst.");
}

/* Does hay contain needle (ASCII case-insensitive)? */
static bool contains(const char *hay, const char *needle, size_t n)
{
	if (!hay)
		return false;
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < n && p[i] &&
		       tolower((unsigned char)p[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

bool deskundige_matches(const char *q, const char *const *texts, int n)
{
	if (!q)
		return true;
	const char *p = q;
	for (;;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			return true;
		size_t len = 0;
		while (p[len] && p[len] != ' ' && p[len] != ',')
			len++;
		bool found = false;
		for (int i = 0; i < n && !found; i++)
			found = contains(texts[i], p, len);
		if (!found)
			return false;
		p += len;
	}
}
