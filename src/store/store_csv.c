/*
 * store_csv — the store as the sink of the CSV import; see store_csv.h.
 * Each sink function is one store_write.h call; the batch makes the whole
 * import one transaction (each row a savepoint, store_tx.c).
 */
#include "store_csv.h"

#include <stdlib.h>

struct sink_ctx {
	struct store *s;
	const struct write_ctx *w;
};

static int result(int rc)
{
	if (rc == STORE_OK)
		return CSV_SINK_OK;
	return rc == STORE_ERR_NOTFOUND ? CSV_SINK_NOTFOUND : CSV_SINK_FAILED;
}

static int sink_begin(void *ctx)
{
	struct sink_ctx *c = ctx;
	return result(store_batch_begin(c->s));
}

static int sink_end(void *ctx, bool commit)
{
	struct sink_ctx *c = ctx;
	return result(store_batch_end(c->s, commit));
}

static int collab_version(void *ctx, const char *key, int64_t *version)
{
	struct sink_ctx *c = ctx;
	return result(store_current_version(c->s, "collaboration", key, NULL, version));
}

static int part_version(void *ctx, const char *collab_key, const char *id, int64_t *version)
{
	struct sink_ctx *c = ctx;
	return result(store_current_version(c->s, "participation", id, collab_key, version));
}

static int collab_create(void *ctx, const struct collab_input *in, char *key_out, size_t keylen,
			 struct field_errors *fe)
{
	struct sink_ctx *c = ctx;
	return result(store_collab_create(c->s, c->w, in, key_out, keylen, fe));
}

static int collab_update(void *ctx, const char *key, int64_t version, const struct collab_input *in,
			 struct field_errors *fe, int64_t *now)
{
	struct sink_ctx *c = ctx;
	return result(store_collab_update(c->s, c->w, key, version, in, fe, now));
}

static int part_create(void *ctx, const char *collab_key, const struct part_input *in,
		       int64_t *id_out, struct field_errors *fe)
{
	struct sink_ctx *c = ctx;
	return result(store_part_create(c->s, c->w, collab_key, in, id_out, fe));
}

static int part_update(void *ctx, int64_t id, int64_t version, const struct part_input *in,
		       struct field_errors *fe, int64_t *now)
{
	struct sink_ctx *c = ctx;
	return result(store_part_update(c->s, c->w, id, version, in, fe, now));
}

int store_csv_import(struct store *s, const struct write_ctx *w, const char *data, size_t len,
		     bool dry_run, struct csv_import_report *rep)
{
	struct sink_ctx c = {s, w};
	const struct csv_import_sink k = {
	    .ctx = &c,
	    .begin = sink_begin,
	    .end = sink_end,
	    .collab_version = collab_version,
	    .part_version = part_version,
	    .collab_create = collab_create,
	    .collab_update = collab_update,
	    .part_create = part_create,
	    .part_update = part_update,
	};
	return csv_import(&k, data, len, dry_run, rep);
}
