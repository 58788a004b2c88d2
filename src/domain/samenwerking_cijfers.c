/*
 * samenwerking_cijfers — the collaboration figures' pure rules; see
 * samenwerking_cijfers.h.
 */
#include "samenwerking_cijfers.h"
#include "indicatoren.h"

#include <string.h>

struct sc_total sc_sum(const struct sc_cell *cells, int n)
{
	struct sc_total t = {.n_of = n};
	for (int i = 0; i < n; i++) {
		if (!cells[i].has)
			continue;
		t.has = true;
		t.value += cells[i].value;
		t.n_with++;
	}
	return t;
}

struct sc_total sc_weighted(const struct sc_cell *per_inh, const struct sc_cell *inh, int n)
{
	struct sc_total t = {.n_of = n};
	double amount = 0, people = 0;
	for (int i = 0; i < n; i++) {
		if (!per_inh[i].has || !inh[i].has || inh[i].value <= 0)
			continue;
		amount += per_inh[i].value * inh[i].value;
		people += inh[i].value;
		t.n_with++;
	}
	if (t.n_with > 0 && people > 0) {
		t.has = true;
		t.value = amount / people;
	}
	return t;
}

struct sc_cell sc_sum_parts(const struct sc_cell *parts, int n)
{
	struct sc_cell c = {.has = n > 0};
	for (int i = 0; i < n && c.has; i++) {
		if (!parts[i].has)
			c.has = false;
		else
			c.value += parts[i].value;
	}
	if (!c.has)
		c.value = 0;
	return c;
}

int sc_split_keys(const char *list, char *buf, const char **out, int max)
{
	int n = 0;
	strcpy(buf, list ? list : "");
	char *p = buf;
	while (*p) {
		char *end = strchr(p, ';');
		char *next = end ? end + 1 : p + strlen(p);
		if (end)
			*end = '\0';
		while (*p == ' ')
			p++;
		size_t len = strlen(p);
		while (len && p[len - 1] == ' ')
			p[--len] = '\0';
		if (*p) {
			if (n >= max || !indicator_key_valid(p))
				return -1;
			for (int i = 0; i < n; i++)
				if (strcmp(out[i], p) == 0)
					return -1;
			out[n++] = p;
		}
		p = next;
	}
	return n;
}
