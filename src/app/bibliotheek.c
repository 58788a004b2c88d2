/*
 * bibliotheek — the knowledge base's feature logic; see bibliotheek.h.
 */
#include "bibliotheek.h"
#include "../domain/fields.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "policy.h"

#include <string.h>

#define PAGE_SIZE_MAX 100

static enum bib_outcome outcome(int rc)
{
	switch (rc) {
	case STORE_OK:
		return BIB_OK;
	case STORE_ERR_NOTFOUND:
		return BIB_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return BIB_CONFLICT;
	case STORE_ERR_INVALID:
		return BIB_INVALID;
	default:
		return BIB_FAILED;
	}
}

static const char *opt(const char *v)
{
	return v && *v ? v : NULL;
}

int bibliotheek_list(struct store *st, struct arena *a, const struct user *u,
		     const struct bibliotheek_query *q, struct publication_row **out, int *n,
		     int *total)
{
	char words[PUBLICATION_QUERY_WORDS][64];
	int nw = q->q ? bibliotheek_query_words(q->q, words, PUBLICATION_QUERY_WORDS) : 0;
	int size = q->page_size > 0 && q->page_size <= PAGE_SIZE_MAX ? q->page_size : 20;
	int page = q->page > 0 ? q->page : 1;
	struct publication_filter f = {
	    .signed_in = policy_publication_visible(u, "partners"),
	    .kind = opt(q->kind),
	    .theme = opt(q->theme),
	    .org = opt(q->org),
	    .collab = opt(q->collab),
	    .words = (const char(*)[64])words,
	    .n_words = nw,
	    .limit = size,
	    .offset = (page - 1) * size,
	};
	return store_publications(st, a, &f, out, n, total);
}

enum bib_outcome bibliotheek_get(struct store *st, struct arena *a, const struct user *u,
				 int64_t id, struct publication_row *out)
{
	int rc = store_publication_get(st, a, id, out);
	if (rc)
		return outcome(rc);
	return policy_publication_visible(u, out->visibility) ? BIB_OK : BIB_NOTFOUND;
}

int bibliotheek_for_org(struct store *st, struct arena *a, const char *code, int limit,
			struct publication_row **out, int *n, int *total)
{
	struct publication_filter f = {.org = code, .limit = limit};
	return store_publications(st, a, &f, out, n, total);
}

int bibliotheek_for_collab(struct store *st, struct arena *a, const char *key, int limit,
			   struct publication_row **out, int *n, int *total)
{
	struct publication_filter f = {.collab = key, .limit = limit};
	return store_publications(st, a, &f, out, n, total);
}

bool bibliotheek_may_edit(const struct user *u, const struct publication_row *r)
{
	return r && policy_publication_visible(u, r->visibility) &&
	       policy_may_manage_publication(u, r->org_code);
}

void bibliotheek_form_of(const struct publication_row *r, struct bibliotheek_form *f)
{
	*f = (struct bibliotheek_form){
	    .org_code = r->org_code,
	    .in = {.kind = r->kind,
		   .title = r->title,
		   .url = r->url,
		   .summary = r->summary,
		   .published_on = r->published_on,
		   .licence = r->licence,
		   .visibility = r->visibility},
	    .themes = r->themes,
	    .n_themes = r->n_themes,
	    .collabs = r->collabs,
	    .n_collabs = r->n_collabs,
	    .orgs = r->orgs,
	    .n_orgs = r->n_orgs,
	    .version = r->version,
	};
}

/* Check that each of list[0..n) is known (find >= 0) and copy the
 * registry's spelling into out; one message for field. */
static int resolve(struct field_errors *e, const char *field, const char *what, int max,
		   const char *const *list, int n, const struct snapshot *s,
		   int (*find)(const struct snapshot *, const char *),
		   const char *(*name)(const struct snapshot *, int), const char **out)
{
	if (n > max) {
		field_errors_add(e, field, "Kies ten hoogste %d %s.", max, what);
		return 0;
	}
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (str_empty(list[i]))
			continue;
		int x = find(s, list[i]);
		if (x < 0) {
			field_errors_add(e, field, "„%.60s” staat niet in de atlas.", list[i]);
			continue;
		}
		out[k++] = name(s, x);
	}
	return k;
}

static const char *domain_key(const struct snapshot *s, int i)
{
	return s->domains[i].key;
}

static const char *collab_key(const struct snapshot *s, int i)
{
	return s->collabs[i].key;
}

static const char *org_code(const struct snapshot *s, int i)
{
	return s->orgs[i].code;
}

/* The folded search text of an item: title, summary, kind, owner and the
 * names of its themes, collaborations and organisations. */
static const char *search_text(struct arena *a, const struct snapshot *s,
			       const struct bibliotheek_input *in, int owner, const char **themes,
			       int nt, const char **collabs, int nc, const char **orgs, int no)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s %s %s %s", field_nz(in->title), field_nz(in->summary),
		   field_nz(in->kind), s->orgs[owner].name);
	for (int i = 0; i < nt; i++)
		buf_printf(&b, " %s", s->domains[snapshot_find_domain(s, themes[i])].name);
	for (int i = 0; i < nc; i++)
		buf_printf(&b, " %s", s->collabs[snapshot_find_collab(s, collabs[i])].name);
	for (int i = 0; i < no; i++)
		buf_printf(&b, " %s", s->orgs[snapshot_find_org(s, orgs[i])].name);
	char *out = arena_alloc(a, BIBLIOTHEEK_SEARCH_MAX);
	bibliotheek_fold(b.data ? b.data : "", out, BIBLIOTHEEK_SEARCH_MAX);
	buf_free(&b);
	return out;
}

enum bib_outcome bibliotheek_save(struct store *st, struct arena *a, const struct snapshot *s,
				  const struct user *u, const char *via, int64_t id,
				  const struct bibliotheek_form *f, struct field_errors *e,
				  int64_t *id_out)
{
	*id_out = id;
	if (!policy_may_add_publications(u))
		return BIB_FORBIDDEN;
	struct publication_row old;
	if (id) {
		enum bib_outcome o = bibliotheek_get(st, a, u, id, &old);
		if (o != BIB_OK)
			return o;
		if (!bibliotheek_may_edit(u, &old))
			return BIB_FORBIDDEN;
	}
	const char *owner_code = opt(f->org_code) ? f->org_code : u->org_code;
	int oi = snapshot_find_org(s, owner_code);
	if (oi < 0) {
		field_errors_add(e, "organisatie", "Kies de organisatie van wie het stuk is.");
		return BIB_INVALID;
	}
	if (!policy_may_manage_publication(u, s->orgs[oi].code))
		return BIB_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	bibliotheek_check(e, &f->in, today);
	const char **themes = arena_calloc(a, BIBLIOTHEEK_THEMES_MAX + 1, sizeof *themes);
	const char **collabs = arena_calloc(a, BIBLIOTHEEK_COLLABS_MAX + 1, sizeof *collabs);
	const char **orgs = arena_calloc(a, BIBLIOTHEEK_ORGS_MAX + 1, sizeof *orgs);
	int nt = resolve(e, "thema", "thema's", BIBLIOTHEEK_THEMES_MAX, f->themes, f->n_themes, s,
			 snapshot_find_domain, domain_key, themes);
	int nc =
	    resolve(e, "samenwerkingsverband", "samenwerkingsverbanden", BIBLIOTHEEK_COLLABS_MAX,
		    f->collabs, f->n_collabs, s, snapshot_find_collab, collab_key, collabs);
	int no = resolve(e, "gemeente", "organisaties", BIBLIOTHEEK_ORGS_MAX, f->orgs, f->n_orgs, s,
			 snapshot_find_org, org_code, orgs);
	if (e->n)
		return BIB_INVALID;
	struct publication_new in = {
	    .kind = f->in.kind,
	    .title = f->in.title,
	    .url = field_nz(f->in.url),
	    .summary = f->in.summary,
	    .published_on = f->in.published_on,
	    .licence = field_nz(f->in.licence),
	    .org_code = s->orgs[oi].code,
	    .visibility = opt(f->in.visibility) ? f->in.visibility : "openbaar",
	    .search_text = search_text(a, s, &f->in, oi, themes, nt, collabs, nc, orgs, no),
	    .created_by = u->id,
	    .themes = themes,
	    .n_themes = nt,
	    .collabs = collabs,
	    .n_collabs = nc,
	    .orgs = orgs,
	    .n_orgs = no,
	};
	if (id)
		return outcome(store_publication_update(st, &w, id, f->version, &in));
	return outcome(store_publication_add(st, &w, &in, id_out));
}

enum bib_outcome bibliotheek_delete(struct store *st, struct arena *a, const struct user *u,
				    const char *via, int64_t id)
{
	struct publication_row r;
	enum bib_outcome o = bibliotheek_get(st, a, u, id, &r);
	if (o != BIB_OK)
		return o;
	if (!bibliotheek_may_edit(u, &r))
		return BIB_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return outcome(store_publication_delete(st, &w, id));
}
