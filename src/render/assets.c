/*
 * assets — see assets.h. A small linear table: a few dozen entries at most.
 */
#include "assets.h"
#include "../lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ASSETS 128

static struct {
	char *logical, *url;
} table[MAX_ASSETS];
static int n_assets;

void assets_register(const char *logical, const char *url)
{
	for (int i = 0; i < n_assets; i++) {
		if (strcmp(table[i].logical, logical) == 0) {
			free(table[i].url);
			table[i].url = xstrdup(url);
			return;
		}
	}
	if (n_assets == MAX_ASSETS)
		return;
	table[n_assets].logical = xstrdup(logical);
	table[n_assets].url = xstrdup(url);
	n_assets++;
}

const char *assets_url(const char *logical)
{
	for (int i = 0; i < n_assets; i++)
		if (strcmp(table[i].logical, logical) == 0)
			return table[i].url;
	return "/static/missing";
}

void assets_clear(void)
{
	for (int i = 0; i < n_assets; i++) {
		free(table[i].logical);
		free(table[i].url);
	}
	n_assets = 0;
}
