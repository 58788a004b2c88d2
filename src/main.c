/*
 * atlas — the Samenwerkingsatlas command line:
 *   atlas serve | migrate | import seed | check   (see usage() below)
 * Every command takes --db PATH (or ATLAS_DB; default var/atlas.db).
 */
#include "api/api.h"
#include "http/server.h"
#include "lib/buf.h"
#include "lib/log.h"
#include "lib/text.h"
#include "pages/map.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct opts {
	const char *db;
	const char *listen;
	const char *web;
	const char *seed_dir;
	const char *openapi;
	const char *geo;
	int port;
	int threads;
	int quiet;
	int help;
	const char *cmd;
	const char *sub;
};

static const char *usage_text =
    "Gebruik: atlas <opdracht> [opties]\n"
    "\n"
    "Opdrachten:\n"
    "  serve          start de webserver (Samenwerkingsatlas)\n"
    "  migrate        breng het databaseschema op de nieuwste versie\n"
    "  import seed    laad de meegeleverde dataset (data/seed); twee keer draaien verandert "
    "niets\n"
    "  check          controleer de consistentie van de gegevens\n"
    "\n"
    "Opties voor alle opdrachten:\n"
    "  --db PAD       SQLite-database (standaard $ATLAS_DB of var/atlas.db)\n"
    "  --help         deze hulp; 'atlas <opdracht> --help' voor een opdracht\n";

static const char *serve_help =
    "Gebruik: atlas serve [--db PAD] [--listen ADRES] [--port N] [--web MAP] [--threads N] "
    "[--quiet]\n"
    "  --listen ADRES  luisteradres (standaard 127.0.0.1; IPv6 mag)\n"
    "  --port N        poort (standaard $ATLAS_PORT of 8080; 0 = vrije poort)\n"
    "  --web MAP       map met statische bestanden (standaard web)\n"
    "  --openapi BESTAND  OpenAPI-document (standaard docs/openapi.json)\n"
    "  --geo BESTAND   GeoJSON van de gemeenten voor /kaart (standaard "
    "data/geo/utrecht_gemeenten_2025.geojson)\n"
    "  --threads N     aantal werkthreads (standaard 4)\n"
    "  --quiet         geen toegangslog\n"
    "Stopt netjes op SIGINT/SIGTERM: lopende verzoeken worden afgemaakt.\n";

static const char *migrate_help = "Gebruik: atlas migrate [--db PAD]\n"
				  "Voert ontbrekende schemamigraties uit.\n";

static const char *import_help =
    "Gebruik: atlas import seed [--db PAD] [--seed-dir MAP]\n"
    "Laadt de meegeleverde dataset (standaard data/seed) in één transactie. Bestaande\n"
    "records worden bijgewerkt als ze verschillen; alles komt in het auditlog. Bij een fout\n"
    "in een bestand stopt de import met bestand, regel en reden en blijft de database\n"
    "ongewijzigd.\n";

static const char *check_help =
    "Gebruik: atlas check [--db PAD]\n"
    "Meldt deelnemers die niet bestaan, samenwerkingsverbanden zonder deelnemers en\n"
    "opgeheven organisaties die nog deelnemen.\n";

static int parse_opts(int argc, char **argv, struct opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		long v;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->help = 1;
		} else if (strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
		} else if (strcmp(a, "--db") == 0 && next) {
			o->db = argv[++i];
		} else if (strcmp(a, "--listen") == 0 && next) {
			o->listen = argv[++i];
		} else if (strcmp(a, "--web") == 0 && next) {
			o->web = argv[++i];
		} else if (strcmp(a, "--openapi") == 0 && next) {
			o->openapi = argv[++i];
		} else if (strcmp(a, "--geo") == 0 && next) {
			o->geo = argv[++i];
		} else if (strcmp(a, "--seed-dir") == 0 && next) {
			o->seed_dir = argv[++i];
		} else if (strcmp(a, "--port") == 0 && next) {
			if (!parse_long(argv[++i], 0, 65535, &v)) {
				fprintf(stderr, "atlas: ongeldige poort '%s'\n", argv[i]);
				return -1;
			}
			o->port = (int)v;
		} else if (strcmp(a, "--threads") == 0 && next) {
			if (!parse_long(argv[++i], 1, 64, &v)) {
				fprintf(stderr, "atlas: ongeldig aantal threads '%s'\n", argv[i]);
				return -1;
			}
			o->threads = (int)v;
		} else if (a[0] == '-') {
			fprintf(stderr, "atlas: onbekende optie '%s' (zie atlas --help)\n", a);
			return -1;
		} else if (!o->cmd) {
			o->cmd = a;
		} else if (!o->sub) {
			o->sub = a;
		} else {
			fprintf(stderr, "atlas: onverwacht argument '%s'\n", a);
			return -1;
		}
	}
	return 0;
}

static int open_store(const struct opts *o, struct store **st)
{
	char err[256];
	if (store_open(o->db, st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas: %s\n", err);
		return -1;
	}
	return 0;
}

static int cmd_migrate(const struct opts *o)
{
	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[256];
	int applied = 0;
	int rc = store_migrate(st, &applied, err, sizeof err);
	store_close(st);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas migrate: %s\n", err);
		return 1;
	}
	printf("%d migratie(s) uitgevoerd op %s\n", applied, o->db);
	return 0;
}

static int cmd_import_seed(const struct opts *o)
{
	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[512];
	struct import_report rep = {0};
	int rc = store_check_schema(st, err, sizeof err);
	if (rc == STORE_OK)
		rc = store_import_seed(st, o->seed_dir, "cli:import-seed", &rep, err, sizeof err);
	store_close(st);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas import seed: %s\n", err);
		fprintf(stderr, "atlas import seed: niets gewijzigd (de import is teruggedraaid)\n");
		return 1;
	}
	for (int i = 0; i < SEED_TABLES; i++)
		printf("%s: %d toegevoegd, %d gewijzigd, %d ongewijzigd\n", seed_table_names[i],
		       rep.added[i], rep.changed[i], rep.unchanged[i]);
	return 0;
}

static int cmd_check(const struct opts *o)
{
	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[256], today[11];
	today_iso(today);
	if (store_check_schema(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas check: %s\n", err);
		store_close(st);
		return 1;
	}
	struct check_finding *f = NULL;
	int n = 0;
	int rc = store_check(st, today, &f, &n);
	store_close(st);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas check: de controle kon niet worden uitgevoerd\n");
		return 1;
	}
	for (int i = 0; i < n; i++)
		printf("%s: %s\n", f[i].kind, f[i].message);
	printf("%d bevinding(en)\n", n);
	store_check_free(f, n);
	return 0;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	struct buf b = BUF_INIT;
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
		buf_add(&b, tmp, n);
	fclose(fp);
	if (b.err) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, len);
}

static int cmd_serve(const struct opts *o)
{
	size_t len = 0;
	char *doc = read_file(o->openapi, &len);
	if (!doc) {
		fprintf(stderr, "atlas serve: kan %s niet lezen\n", o->openapi);
		return 1;
	}
	api_set_openapi(doc, len);
	free(doc);
	if (map_load_geometry(o->geo) < 0) /* message on stderr */
		return 1;
	struct server_config cfg = {
	    .listen = o->listen,
	    .port = o->port,
	    .db_path = o->db,
	    .web_dir = o->web,
	    .threads = o->threads,
	    .body_limit = 1u << 20,
	    .quiet = o->quiet != 0,
	};
	return server_run(&cfg);
}

int main(int argc, char **argv)
{
	struct opts o = {0};
	o.db = getenv("ATLAS_DB") && *getenv("ATLAS_DB") ? getenv("ATLAS_DB") : "var/atlas.db";
	o.listen = "127.0.0.1";
	o.web = "web";
	o.seed_dir = "data/seed";
	o.openapi = "docs/openapi.json";
	o.geo = MAP_GEO_DEFAULT;
	o.threads = 4;
	o.port = 8080;
	long port;
	if (getenv("ATLAS_PORT") && parse_long(getenv("ATLAS_PORT"), 0, 65535, &port))
		o.port = (int)port;
	if (parse_opts(argc, argv, &o) != 0)
		return 2;
	if (!o.cmd) {
		fputs(usage_text, o.help ? stdout : stderr);
		return o.help ? 0 : 2;
	}
	const char *cmd = o.cmd;
	if (strcmp(cmd, "serve") == 0) {
		if (o.help)
			return fputs(serve_help, stdout), 0;
		return cmd_serve(&o);
	}
	if (strcmp(cmd, "migrate") == 0) {
		if (o.help)
			return fputs(migrate_help, stdout), 0;
		return cmd_migrate(&o);
	}
	if (strcmp(cmd, "import") == 0) {
		if (o.help)
			return fputs(import_help, stdout), 0;
		if (!o.sub || strcmp(o.sub, "seed") != 0) {
			fprintf(stderr, "atlas import: alleen 'atlas import seed' bestaat nog\n");
			return 2;
		}
		return cmd_import_seed(&o);
	}
	if (strcmp(cmd, "check") == 0) {
		if (o.help)
			return fputs(check_help, stdout), 0;
		return cmd_check(&o);
	}
	if (strcmp(cmd, "help") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	fprintf(stderr, "atlas: onbekende opdracht '%s'\n\n%s", cmd, usage_text);
	return 2;
}
