/*
 * static — see static.h.
 */
#include "static.h"
#include "gzip.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/xalloc.h"
#include "../render/assets.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILES 256
#define MAX_FILE_SIZE (8u << 20)

struct sfile {
	char *url;  /* /static/css/atlas.1a2b3c4d.css */
	char *data; /* file bytes */
	size_t len;
	char *gz; /* gzip variant or NULL */
	size_t gz_len;
	const char *type;
};

static struct sfile files[MAX_FILES];
static int n_files;

static const char *mime_type(const char *name)
{
	const char *ext = strrchr(name, '.');
	static const struct {
		const char *ext, *type;
	} types[] = {{".css", "text/css; charset=utf-8"},
		     {".js", "text/javascript; charset=utf-8"},
		     {".mjs", "text/javascript; charset=utf-8"},
		     {".json", "application/json"},
		     {".geojson", "application/geo+json"},
		     {".svg", "image/svg+xml"},
		     {".png", "image/png"},
		     {".ico", "image/x-icon"},
		     {".woff2", "font/woff2"},
		     {".txt", "text/plain; charset=utf-8"}};
	if (ext)
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcmp(ext, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int load_file(const char *path, const char *logical)
{
	if (n_files == MAX_FILES) {
		log_error("static: more than %d files, %s skipped", MAX_FILES, path);
		return 0;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		log_error("static: cannot open %s", path);
		return -1;
	}
	struct buf b = BUF_INIT;
	b.limit = MAX_FILE_SIZE;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	if (b.err) {
		log_error("static: %s is too large or unreadable", path);
		buf_free(&b);
		return -1;
	}
	struct sfile *sf = &files[n_files++];
	sf->data = buf_detach(&b, &sf->len);
	sf->type = mime_type(logical);
	uint64_t h = fnv1a(sf->data, sf->len);
	const char *dot = strrchr(logical, '.');
	const char *slash = strrchr(logical, '/');
	struct buf url = BUF_INIT;
	if (dot && (!slash || dot > slash))
		buf_printf(&url, "/static/%.*s.%08x%s", (int)(dot - logical), logical,
			   (unsigned)(h & 0xffffffffu), dot);
	else
		buf_printf(&url, "/static/%s.%08x", logical, (unsigned)(h & 0xffffffffu));
	sf->url = buf_detach(&url, NULL);
	if (strncmp(sf->type, "text/", 5) == 0 || strstr(sf->type, "json") ||
	    strstr(sf->type, "svg")) {
		struct buf gz = BUF_INIT;
		if (gzip_compress(sf->data, sf->len, &gz) == 0 && gz.len < sf->len)
			sf->gz = buf_detach(&gz, &sf->gz_len);
		buf_free(&gz);
	}
	assets_register(logical, sf->url);
	return 0;
}

static int walk(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	int rc = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[1024], logical[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		snprintf(logical, sizeof logical, "%s%s%s", prefix, *prefix ? "/" : "", e->d_name);
		struct stat st;
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			rc |= walk(path, logical);
		else if (S_ISREG(st.st_mode))
			rc |= load_file(path, logical);
	}
	closedir(d);
	return rc;
}

int static_load(const char *dir)
{
	if (walk(dir, "") != 0 && n_files == 0) {
		log_error("static: cannot read %s", dir);
		return -1;
	}
	return n_files;
}

void static_free(void)
{
	for (int i = 0; i < n_files; i++) {
		free(files[i].url);
		free(files[i].data);
		free(files[i].gz);
	}
	n_files = 0;
}

int static_serve(struct request *r)
{
	for (int i = 0; i < n_files; i++) {
		if (strcmp(files[i].url, r->path) == 0) {
			r->static_body = files[i].data;
			r->static_len = files[i].len;
			r->static_gz = files[i].gz;
			r->static_gz_len = files[i].gz_len;
			r->content_type = files[i].type;
			r->cache_control = "public, max-age=31536000, immutable";
			return 200;
		}
	}
	return respond_not_found(r);
}
