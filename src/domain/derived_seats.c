/*
 * derived_seats — the legal-composition rules; see derived_seats.h.
 */
#include "derived_seats.h"

#include <stdio.h>
#include <string.h>

static int copy_field(char *dst, size_t n, const char *src, const char *name, char *why,
		      size_t whylen)
{
	if (strlen(src) >= n) {
		snprintf(why, whylen, "%s is te lang", name);
		return -1;
	}
	snprintf(dst, n, "%s", src);
	return 0;
}

int legal_rule_from_fields(struct legal_rule *out, const char *const *cols, char *why,
			   size_t whylen)
{
	memset(out, 0, sizeof *out);
	if (!cols[0][0]) {
		snprintf(why, whylen, "collaboration_key ontbreekt");
		return -1;
	}
	int b = label_from_api(seat_body_labels, SEAT_BODY_COUNT, cols[1]);
	if (b < 0) {
		snprintf(why, whylen, "onbekend orgaan '%.60s'", cols[1]);
		return -1;
	}
	int k = label_from_api(office_labels, OFFICE_COUNT, cols[2]);
	if (k < 0 || !office_is_public((enum office_kind)k)) {
		snprintf(why, whylen, "onbekende of niet-openbare functie '%.60s'", cols[2]);
		return -1;
	}
	if (!cols[3][0]) {
		snprintf(why, whylen, "de wet (law) ontbreekt");
		return -1;
	}
	if (strncmp(cols[5], "https://", 8) != 0) {
		snprintf(why, whylen, "url moet met https:// beginnen");
		return -1;
	}
	out->body = (enum seat_body)b;
	out->office = (enum office_kind)k;
	if (copy_field(out->collab_key, sizeof out->collab_key, cols[0], "collaboration_key", why,
		       whylen) ||
	    copy_field(out->law, sizeof out->law, cols[3], "law", why, whylen) ||
	    copy_field(out->article, sizeof out->article, cols[4], "article", why, whylen) ||
	    copy_field(out->url, sizeof out->url, cols[5], "url", why, whylen))
		return -1;
	return 0;
}

static bool current_on(const struct derived_office *o, const char *today)
{
	const char *from = o->from ? o->from : "", *to = o->to ? o->to : "";
	return (!*from || strcmp(from, today) <= 0) && (!*to || strcmp(to, today) > 0);
}

int derived_seat_pick(const struct legal_rule *r, const char *org,
		      const struct derived_office *offices, int n, const char *today)
{
	int best = -1;
	for (int i = 0; i < n; i++) {
		const struct derived_office *o = &offices[i];
		if (o->kind != r->office || !o->org_code || strcmp(o->org_code, org) != 0 ||
		    !current_on(o, today))
			continue;
		if (best < 0) {
			best = i;
			continue;
		}
		const struct derived_office *b = &offices[best];
		if (o->acting != b->acting) {
			if (o->acting)
				best = i;
			continue;
		}
		if (strcmp(o->from ? o->from : "", b->from ? b->from : "") > 0)
			best = i;
	}
	return best;
}

const char *derived_seat_basis(const struct legal_rule *r, char *buf, size_t n)
{
	if (r->article[0])
		snprintf(buf, n, "volgens de wet (%s, %s)", r->law, r->article);
	else
		snprintf(buf, n, "volgens de wet (%s)", r->law);
	return buf;
}
