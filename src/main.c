/*
 * atlas — the Samenwerkingsatlas command line: serve, migrate, import,
 * export, backup, restore, copy, check, user, mail, help (the table `commands`
 * below, dispatched like the route table; usage_text lists them). Options
 * are read once into struct opts; each command checks the ones it needs.
 * Every command takes --db PATH-OR-URL: a SQLite file, or a PostgreSQL
 * URL (postgres://…); also --database-url URL, ATLAS_DATABASE_URL, ATLAS_DB;
 * default var/atlas.db. Messages show the URL without its password.
 */
#include "api/api.h"
#include "http/auth.h"
#include "http/oidc.h"
#include "http/router.h"
#include "http/server.h"
#include "store/store_csv.h"
#include "io/roo_export.h"
#include "domain/snapshot.h"
#include "lib/buf.h"
#include "lib/log.h"
#include "lib/text.h"
#include "app/readmodel.h"
#include "app/accounts.h"
#include "app/changeset.h"
#include "lib/arena.h"
#include "app/policy.h"
#include "app/siteinfo.h"
#include "app/outbox.h"
#include "app/persoonsgegevens.h"
#include "app/subsidiekansen.h"
#include "app/indicatoren.h"
#include "io/indicatoren_csv.h"
#include "io/geo.h"
#include "io/derived_seats.h"
#include "io/wgr_rules.h"
#include "store/store.h"
#include "store/store_copy.h"
#include "store/store_roo.h"
#include "store/store_auth.h"
#include "store/store_write.h"
#include "store/store_backup.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

struct opts {
	const char *db;
	const char *listen;
	const char *web;
	const char *seed_dir;
	const char *openapi;
	const char *geo;
	const char *wgr_rules; /* atlas serve --wgr-rules */
	const char *oidc_config;
	const char *contact;	/* --contact: the atlas team's address */
	const char *fg_contact; /* --fg-contact: the functionaris gegevensbescherming */
	int port;
	int threads;
	int quiet;
	int trust_proxy;
	int help;
	const char *cmd;
	const char *sub;
	const char *arg; /* third positional (atlas user add NAAM) */
	const char *rol; /* atlas user: --rol, --organisatie, --naam, --email */
	const char *organisatie;
	const char *naam;
	const char *email;
	int pw_stdin;	       /* --wachtwoord-stdin */
	const char *out;       /* atlas export --out */
	const char *mapping;   /* atlas import indicatoren --mapping */
	int dry_run;	       /* atlas import csv|roo --dry-run */
	int overwrite;	       /* atlas backup|restore --overschrijven */
	int apply;	       /* atlas import wijzigingen --toepassen */
	const char *min_conf;  /* atlas import wijzigingen --min-zekerheid */
	const char *from, *to; /* atlas copy --from --to */
	char db_shown[512];    /* o->db for messages: no password */
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
    "  import csv BESTAND  samenwerkingsverbanden of deelnames uit CSV (docs/csv-template.md)\n"
    "  import roo BESTAND  een export van het Register van Overheidsorganisaties inlezen\n"
    "  import wijzigingen MAP  een wijzigingenset (docs/import.md); proefrun tenzij "
    "--toepassen\n"
    "  import indicatoren BESTAND  gebieden, indicatoren of waarden (data/indicatoren) of\n"
    "                 een CBS-tabel met --mapping KOPPELBESTAND\n"
    "  export roo     het register als ROO-export (XML, oo-export 2.6.x)\n"
    "  backup BESTAND   reservekopie van de database terwijl de server draait\n"
    "  restore BESTAND  zet een reservekopie terug (server gestopt)\n"
    "  user           beheer gebruikers: add, list, disable, enable, set-role, password, token\n"
    "  copy           kopieer alle gegevens naar een andere (lege) database, bv. PostgreSQL\n"
    "  mail test --to ADRES  zet een testbericht in de wachtrij van de uitgaande post\n"
    "  bewaartermijn  past de bewaartermijn van aanmeldingen voor bijeenkomsten nu toe\n"
    "  herinneringen  zet de herinneringen voor deadlines van subsidiekansen nu in de "
    "wachtrij\n"
    "\n"
    "Opties voor alle opdrachten:\n"
    "  --db PAD|URL   SQLite-bestand of PostgreSQL-URL (postgres://…); standaard\n"
    "                 $ATLAS_DATABASE_URL, anders $ATLAS_DB, anders var/atlas.db\n"
    "  --database-url URL  hetzelfde, alleen voor een PostgreSQL-URL\n"
    "  --help         deze hulp; 'atlas <opdracht> --help' voor een opdracht\n";

static const char serve_help[] =
    "Gebruik: atlas serve [--db PAD] [--listen ADRES] [--port N] [--web MAP] [--threads N] "
    "[--quiet]\n"
    "  --listen ADRES  luisteradres (standaard 127.0.0.1; IPv6 mag)\n"
    "  --port N        poort (standaard $ATLAS_PORT of 8080; 0 = vrije poort)\n"
    "  --web MAP       map met statische bestanden (standaard web)\n"
    "  --openapi BESTAND  OpenAPI-document (standaard docs/openapi.json)\n"
    "  --wgr-rules BESTAND  Wgr-termijnen voor /kalender (standaard data/wgr-pc-rules.csv)\n"
    "  --geo BESTAND   GeoJSON van de gemeenten voor /kaart (standaard "
    "data/geo/utrecht_gemeenten_2025.geojson)\n"
    "  --threads N     aantal werkthreads (standaard 4)\n"
    "  --quiet         geen toegangslog\n"
    "  --trust-proxy   geloof X-Forwarded-Proto van de eigen TLS-proxy (Secure-cookie)\n"
    "  --oidc-config BESTAND  inloggen via de eigen organisatie (OpenID Connect, JSON)\n"
    "  --contact ADRES  contactadres op /contact, /privacy en /toegankelijkheid (e-mailadres\n"
    "                  of webadres; standaard $ATLAS_CONTACT; zonder: 'nog niet ingesteld')\n"
    "  --fg-contact ADRES  contact van de functionaris gegevensbescherming op /privacy\n"
    "                  (standaard $ATLAS_FG_CONTACT)\n"
    "Uitgaande post (docs/DEPLOYMENT.md): $ATLAS_SMTP_URL (smtp://host:587 of\n"
    "smtps://host:465; zonder: berichten blijven in de wachtrij), $ATLAS_SMTP_USER,\n"
    "$ATLAS_SMTP_PASSWORD, $ATLAS_SMTP_TLS (probeer|verplicht|nee), $ATLAS_MAIL_FROM,\n"
    "$ATLAS_MAIL_FROM_NAME, $ATLAS_MAIL_RETRY_BASE_MS, $ATLAS_MAIL_RETRY_MAX_MS,\n"
    "$ATLAS_MAIL_MAX_ATTEMPTS, $ATLAS_MAIL_RETENTION_DAYS, $ATLAS_MAIL_POLL_MS.\n"
    "Stopt netjes op SIGINT/SIGTERM: lopende verzoeken worden afgemaakt.\n";

static const char migrate_help[] = "Gebruik: atlas migrate [--db PAD]\n"
				   "Voert ontbrekende schemamigraties uit.\n";

static const char import_help[] =
    "Gebruik: atlas import seed [--db PAD] [--seed-dir MAP]\n"
    "Laadt de meegeleverde dataset (standaard data/seed) in één transactie. Bestaande\n"
    "records worden bijgewerkt als ze verschillen; alles komt in het auditlog. Bij een fout\n"
    "in een bestand stopt de import met bestand, regel en reden en blijft de database\n"
    "ongewijzigd.\n"
    "Ook: atlas import csv BESTAND, atlas import roo BESTAND en\n"
    "atlas import wijzigingen MAP (een wijzigingenset met bronnen; zie\n"
    "'atlas import wijzigingen --help' en docs/import.md).\n";

static const char check_help[] =
    "Gebruik: atlas check [--db PAD]\n"
    "Meldt deelnemers die niet bestaan, samenwerkingsverbanden zonder deelnemers en\n"
    "opgeheven organisaties die nog deelnemen, en vergelijkt het bijwerken van de\n"
    "leesmodel-snapshot (alle records en de wijzigingen van de laatste schrijfacties)\n"
    "veld voor veld met een volledige herbouw; een verschil is een fout (exitcode 1).\n";

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
		} else if (strcmp(a, "--trust-proxy") == 0) {
			o->trust_proxy = 1;
		} else if (strcmp(a, "--overschrijven") == 0) {
			o->overwrite = 1;
		} else if (strcmp(a, "--toepassen") == 0) {
			o->apply = 1;
		} else if (strcmp(a, "--min-zekerheid") == 0 && next) {
			o->min_conf = argv[++i];
		} else if (strcmp(a, "--dry-run") == 0) {
			o->dry_run = 1;
		} else if (strcmp(a, "--mapping") == 0 && next) {
			o->mapping = argv[++i];
		} else if (strcmp(a, "--out") == 0 && next) {
			o->out = argv[++i];
		} else if (strcmp(a, "--wachtwoord-stdin") == 0) {
			o->pw_stdin = 1;
		} else if (strcmp(a, "--wachtwoord") == 0 || strncmp(a, "--wachtwoord=", 13) == 0) {
			fputs("atlas: geef een wachtwoord nooit als argument (het komt in de "
			      "shellgeschiedenis en de proceslijst); gebruik --wachtwoord-stdin\n",
			      stderr);
			return -1;
		} else if (strcmp(a, "--rol") == 0 && next) {
			o->rol = argv[++i];
		} else if (strcmp(a, "--organisatie") == 0 && next) {
			o->organisatie = argv[++i];
		} else if (strcmp(a, "--naam") == 0 && next) {
			o->naam = argv[++i];
		} else if (strcmp(a, "--email") == 0 && next) {
			o->email = argv[++i];
		} else if (strcmp(a, "--db") == 0 && next) {
			o->db = argv[++i];
		} else if (strcmp(a, "--database-url") == 0 && next) {
			o->db = argv[++i];
			if (!store_path_is_pg(o->db)) {
				fputs("atlas: --database-url verwacht een PostgreSQL-URL "
				      "(postgres://… of postgresql://…); gebruik --db voor een "
				      "SQLite-bestand\n",
				      stderr);
				return -1;
			}
		} else if (strcmp(a, "--from") == 0 && next) {
			o->from = argv[++i];
		} else if (strcmp(a, "--to") == 0 && next) {
			o->to = argv[++i];
		} else if (strcmp(a, "--listen") == 0 && next) {
			o->listen = argv[++i];
		} else if (strcmp(a, "--web") == 0 && next) {
			o->web = argv[++i];
		} else if (strcmp(a, "--openapi") == 0 && next) {
			o->openapi = argv[++i];
		} else if (strcmp(a, "--contact") == 0 && next) {
			o->contact = argv[++i];
		} else if (strcmp(a, "--fg-contact") == 0 && next) {
			o->fg_contact = argv[++i];
		} else if (strcmp(a, "--oidc-config") == 0 && next) {
			o->oidc_config = argv[++i];
		} else if (strcmp(a, "--wgr-rules") == 0 && next) {
			o->wgr_rules = argv[++i];
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
		} else if (!o->arg) {
			o->arg = a;
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

static const char copy_help[] =
    "Gebruik: atlas copy --from BRON --to DOEL\n"
    "Kopieert alle gegevens (register, personen, gebruikers, sessies, auditlog) naar een\n"
    "lege database, bijvoorbeeld van SQLite naar PostgreSQL:\n"
    "  atlas copy --from sqlite:var/atlas.db --to postgres://atlas@db.example/atlas\n"
    "BRON en DOEL zijn een PostgreSQL-URL, sqlite:PAD of een pad. De doeldatabase wordt\n"
    "eerst bijgewerkt (migraties) en moet leeg zijn. De kopie is één transactie: lukt\n"
    "iets niet, dan blijft het doel leeg. De bron mag in gebruik zijn.\n";

/* "sqlite:PATH" → PATH; URLs and plain paths as they are. */
static const char *copy_target(const char *a)
{
	return strncmp(a, "sqlite:", 7) == 0 ? a + 7 : a;
}

static int cmd_copy(const struct opts *o)
{
	if (!o->from || !o->to || !*o->from || !*o->to) {
		fputs(copy_help, stderr);
		return 2;
	}
	const char *from = copy_target(o->from), *to = copy_target(o->to);
	char from_shown[512], to_shown[512], err[512];
	store_path_display(from, from_shown, sizeof from_shown);
	store_path_display(to, to_shown, sizeof to_shown);
	if (strcmp(from, to) == 0) {
		fputs("atlas copy: bron en doel zijn dezelfde database\n", stderr);
		return 2;
	}
	if (!store_path_is_pg(from) && access(from, R_OK) != 0) {
		fprintf(stderr, "atlas copy: bron %s bestaat niet of is niet leesbaar\n",
			from_shown);
		return 1;
	}
	struct store *src = NULL, *dst = NULL;
	if (store_open(from, &src, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas copy: bron: %s\n", err);
		return 1;
	}
	if (store_open(to, &dst, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas copy: doel: %s\n", err);
		store_close(src);
		return 1;
	}
	struct store_copy_report rep;
	int rc = store_copy(src, dst, "cli:copy", &rep, err, sizeof err);
	store_close(dst);
	store_close(src);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas copy: %s\n", err);
		return 1;
	}
	printf("%lld rijen in %d tabellen gekopieerd van %s naar %s\n", rep.rows, rep.tables,
	       from_shown, to_shown);
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
	printf("%d migratie(s) uitgevoerd op %s\n", applied, o->db_shown);
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
		fprintf(stderr,
			"atlas import seed: niets gewijzigd (de import is teruggedraaid)\n");
		return 1;
	}
	for (int i = 0; i < SEED_TABLES; i++)
		printf("%s: %d toegevoegd, %d gewijzigd, %d ongewijzigd\n", seed_table_names[i],
		       rep.added[i], rep.changed[i], rep.unchanged[i]);
	return 0;
}

/* atlas import csv FILE [--dry-run] */
static int cmd_import_csv(const struct opts *o)
{
	if (!o->arg) {
		fputs("Gebruik: atlas import csv BESTAND [--dry-run] [--db PAD]\n", stderr);
		return 2;
	}
	FILE *fp = fopen(o->arg, "rb");
	if (!fp) {
		fprintf(stderr, "atlas import csv: kan %s niet lezen\n", o->arg);
		return 1;
	}
	struct buf data = BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 && data.len <= CSV_IMPORT_MAX_BYTES)
		buf_add(&data, chunk, n);
	fclose(fp);
	struct store *st;
	if (data.err || open_store(o, &st)) {
		buf_free(&data);
		return 1;
	}
	char err[256], today[11];
	today_iso(today);
	struct write_ctx w = {.actor = "cli:import-csv", .via = "cli", .today = today};
	struct csv_import_report rep;
	int rc = store_check_schema(st, err, sizeof err);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas import csv: %s\n", err);
		store_close(st);
		buf_free(&data);
		return 1;
	}
	rc = store_csv_import(st, &w, data.data ? data.data : "", data.len, o->dry_run != 0, &rep);
	store_close(st);
	buf_free(&data);
	for (int i = 0; i < rep.n_errors && i < CSV_IMPORT_MAX_ERRORS; i++)
		fprintf(stderr, "%s, regel %d: %s\n", o->arg, rep.errors[i].line,
			rep.errors[i].message);
	if (rep.n_errors > CSV_IMPORT_MAX_ERRORS)
		fprintf(stderr, "... en nog %d fouten\n", rep.n_errors - CSV_IMPORT_MAX_ERRORS);
	if (rc != 0) {
		fprintf(stderr, "atlas import csv: niets gewijzigd (%d fout(en))\n", rep.n_errors);
		csv_import_report_free(&rep);
		return 1;
	}
	printf("%s%s: %d regels; %d toegevoegd, %d gewijzigd, %d ongewijzigd\n",
	       o->dry_run ? "proefrun, niets opgeslagen — " : "", csv_table_name(rep.table),
	       rep.rows, rep.added, rep.changed, rep.unchanged);
	if (rep.added_keys.data)
		fputs(rep.added_keys.data, stdout);
	csv_import_report_free(&rep);
	return 0;
}

static const char export_help[] =
    "Gebruik: atlas export roo [--out BESTAND] [--db PAD]\n"
    "Schrijft het register als ROO-export (XML volgens oo-export 2.6.x) naar stdout of\n"
    "BESTAND. Wat niet in het ROO-schema past, staat in docs/API.md.\n";

/* atlas export roo [--out FILE] */
static int cmd_export(const struct opts *o)
{
	if (!o->sub || strcmp(o->sub, "roo") != 0) {
		fputs(export_help, stderr);
		return 2;
	}
	struct store *st;
	struct snapshot *snap = NULL;
	char err[256], today[11], ts[32];
	if (open_store(o, &st))
		return 1;
	today_iso(today);
	int rc = store_check_schema(st, err, sizeof err);
	if (rc == STORE_OK)
		rc = store_load_snapshot(st, today, &snap, err, sizeof err);
	store_close(st);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas export roo: %s\n", err);
		return 1;
	}
	snprintf(ts, sizeof ts, "%sT00:00:00", today);
	struct buf b = BUF_INIT;
	struct roo_export_stats stats;
	roo_export_write(&b, snap, ts, &stats);
	snapshot_free(snap);
	FILE *fp = o->out ? fopen(o->out, "wb") : stdout;
	bool ok = fp && !b.err && fwrite(b.data, 1, b.len, fp) == b.len;
	if (fp && fp != stdout)
		ok = (fclose(fp) == 0) && ok;
	buf_free(&b);
	if (!ok) {
		fprintf(stderr, "atlas export roo: schrijven naar %s mislukt\n",
			o->out ? o->out : "stdout");
		return 1;
	}
	fprintf(stderr,
		"atlas export roo: %d organisaties, %d regelingen; weggelaten: %d geen Wgr, %d "
		"zonder samenwerkingsvorm, %d zonder bevoegdheidsverkrijging, %d zonder "
		"datum inwerkingtreding\n",
		stats.organisations, stats.regelingen, stats.skipped_not_wgr, stats.skipped_form,
		stats.skipped_powers, stats.skipped_start);
	return 0;
}

static const char import_roo_help[] =
    "Gebruik: atlas import roo BESTAND [--dry-run] [--db PAD]\n"
    "Leest een export van het Register van Overheidsorganisaties (exportOO.xml, schema\n"
    ".../oo/export/2.x) in één transactie in: organisaties, gemeenschappelijke regelingen,\n"
    "deelnemers en openbare functies. Twee keer hetzelfde bestand verandert niets; wat in een\n"
    "nieuwer bestand ontbreekt wordt beëindigd op de datum van het bestand. Elke wijziging\n"
    "komt in het auditlog (bron \"ROO-export <tijdstempel>\").\n"
    "  --dry-run  toon het wijzigingsrapport, schrijf niets\n"
    "Bij een fout: bestand:regel:kolom en reden, afsluitcode 1, database ongewijzigd.\n";

/* atlas import roo FILE [--dry-run]: the change report on stdout. */
static int cmd_import_roo(const struct opts *o)
{
	if (!o->arg) {
		fputs(import_roo_help, stderr);
		return 2;
	}
	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[768];
	struct roo_report rep = {0};
	int rc = store_check_schema(st, err, sizeof err);
	if (rc == STORE_OK)
		rc = store_roo_import(st, o->arg, "data/roo-beleidsterreinen.csv", o->dry_run != 0,
				      true, &rep, err, sizeof err);
	store_close(st);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas import roo: %s\n", err);
		fprintf(stderr, "atlas import roo: niets gewijzigd (de import is teruggedraaid)\n");
		store_roo_report_free(&rep);
		return 1;
	}
	printf("ROO-export %s (schema %s)%s\n", rep.timestamp[0] ? rep.timestamp : "-", rep.version,
	       o->dry_run ? " — proefrun, niets opgeslagen" : "");
	for (int i = 0; i < ROO_E_COUNT; i++)
		printf("%s: %d toegevoegd, %d gewijzigd, %d beëindigd, %d ongewijzigd\n",
		       roo_entity_names[i], rep.added[i], rep.changed[i], rep.ended[i],
		       rep.unchanged[i]);
	if (rep.skipped_functions)
		printf("functies overgeslagen (geen openbaar ambt of bestuursorgaan): %d\n",
		       rep.skipped_functions);
	for (int i = 0; i < rep.nunknown; i++)
		printf("onbekend beleidsterrein: %s (%d×)\n", rep.unknown_terms[i],
		       rep.unknown_counts[i]);
	printf("totaal: %d wijziging(en)\n", store_roo_report_changes(&rep));
	store_roo_report_free(&rep);
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
	char report[700];
	int snap_rc = rc == STORE_OK ? readmodel_verify(st, today, report, sizeof report) : 0;
	store_close(st);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas check: de controle kon niet worden uitgevoerd\n");
		return 1;
	}
	for (int i = 0; i < n; i++)
		printf("%s: %s\n", f[i].kind, f[i].message);
	if (snap_rc != 0)
		printf("snapshot: %s\n", report);
	printf("%d bevinding(en)\n", n + (snap_rc != 0));
	store_check_free(f, n);
	if (snap_rc == 0)
		printf("snapshot: %s\n", report);
	return snap_rc != 0;
}

/* ------------------------------------------------------------ atlas user */

static const char user_help[] =
    "Gebruik: atlas user <handeling> [NAAM] [opties] [--db PAD]\n"
    "Beheert de accounts van de atlas. Wachtwoorden gaan nooit als argument mee: geef\n"
    "ze via standaardinvoer met --wachtwoord-stdin (één regel, minstens 12 tekens).\n"
    "\n"
    "  add NAAM --rol ROL [--organisatie CODE] [--naam \"Weergavenaam\"] [--email ADRES]\n"
    "          --wachtwoord-stdin      nieuwe gebruiker\n"
    "  list                            alle gebruikers met rol, organisatie en status\n"
    "  disable NAAM                    blokkeren: kan niet meer inloggen, sessies eindigen\n"
    "  enable NAAM                     blokkade opheffen\n"
    "  set-role NAAM --rol ROL [--organisatie CODE]   rol en organisatie wijzigen\n"
    "  password NAAM --wachtwoord-stdin              nieuw wachtwoord (sessies eindigen)\n"
    "  token NAAM --naam SLEUTELNAAM   nieuwe persoonlijke API-sleutel (eenmalig getoond)\n"
    "\n"
    "Rollen: redacteur (één organisatie; --organisatie verplicht), accounthouder,\n"
    "toezichthouder, programmateam (hele register), beheerder (ook gebruikers).\n"
    "NAAM: 3 tot 64 tekens, kleine letters, cijfers en . _ @ -\n";

/* Read one line (the password) from stdin into out (AUTH_PW_MAX_BYTES + 2
 * bytes); without echo when stdin is a terminal. Returns 0 or -1. */
static int read_password(char *out, size_t outlen)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs("Wachtwoord: ", stderr);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		} else {
			tty = false;
		}
	}
	char *line = fgets(out, (int)outlen, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!line)
		return -1;
	size_t n = strlen(out);
	if (n == outlen - 1 && out[n - 1] != '\n')
		return -1; /* longer than the limit */
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	return 0;
}

/* Read, check and hash a password from stdin into hash. Returns 0 or 1. */
static int password_from_stdin(const char *cmd, char hash[AUTH_HASH_MAX])
{
	char pw[AUTH_PW_MAX_BYTES + 2];
	if (read_password(pw, sizeof pw) != 0) {
		fprintf(stderr,
			"atlas user %s: geen wachtwoord gelezen (of langer dan 1024 bytes)\n", cmd);
		sodium_memzero(pw, sizeof pw);
		return 1;
	}
	const char *problem = auth_password_problem(pw);
	int rc = 0;
	if (problem) {
		fprintf(stderr, "atlas user %s: %s\n", cmd, problem);
		rc = 1;
	} else if (auth_hash_password(pw, hash) != 0) {
		fprintf(stderr, "atlas user %s: het wachtwoord kon niet worden versleuteld\n", cmd);
		rc = 1;
	}
	sodium_memzero(pw, sizeof pw);
	return rc;
}

static const char *cli_actor(void)
{
	static char actor[80];
	const char *who = getenv("USER");
	snprintf(actor, sizeof actor, "cli:%s", who && *who ? who : "beheer");
	return actor;
}

static int cmd_user(const struct opts *o)
{
	const char *act = o->sub;
	if (!act) {
		fputs(user_help, stderr);
		return 2;
	}
	bool needs_name = strcmp(act, "list") != 0;
	char name[65] = "";
	if (needs_name) {
		if (!o->arg) {
			fprintf(
			    stderr,
			    "atlas user %s: geef de gebruikersnaam op (zie atlas user --help)\n",
			    act);
			return 2;
		}
		if (!auth_username_normalise(o->arg, name)) {
			fprintf(stderr,
				"atlas user %s: ongeldige gebruikersnaam '%s' (3 tot 64 tekens: "
				"kleine letters, cijfers en . _ @ -)\n",
				act, o->arg);
			return 2;
		}
	} else if (o->arg) {
		fprintf(stderr, "atlas user list: onverwacht argument '%s'\n", o->arg);
		return 2;
	}
	int role = -1;
	if (o->rol) {
		role = user_role_parse(o->rol);
		if (role <= USER_ROLE_NONE || role >= USER_ROLE_COUNT) {
			fprintf(stderr,
				"atlas user %s: onbekende rol '%s' (redacteur, accounthouder, "
				"toezichthouder, programmateam, beheerder)\n",
				act, o->rol);
			return 2;
		}
	}
	if ((strcmp(act, "add") == 0 || strcmp(act, "set-role") == 0) && role < 0) {
		fprintf(stderr, "atlas user %s: --rol is verplicht\n", act);
		return 2;
	}
	if (role == USER_ROLE_EDITOR && !o->organisatie) {
		fprintf(stderr,
			"atlas user %s: een redacteur hoort bij één organisatie: geef "
			"--organisatie CODE\n",
			act);
		return 2;
	}
	if ((strcmp(act, "add") == 0 || strcmp(act, "password") == 0) && !o->pw_stdin) {
		fprintf(stderr,
			"atlas user %s: geef het wachtwoord via standaardinvoer met "
			"--wachtwoord-stdin\n",
			act);
		return 2;
	}
	if (strcmp(act, "token") == 0 && (!o->naam || !*o->naam || strlen(o->naam) > 80)) {
		fprintf(stderr,
			"atlas user token: geef de naam van de sleutel met --naam (hoogstens 80 "
			"tekens)\n");
		return 2;
	}
	if (strcmp(act, "add") != 0 && strcmp(act, "list") != 0 && strcmp(act, "disable") != 0 &&
	    strcmp(act, "enable") != 0 && strcmp(act, "set-role") != 0 &&
	    strcmp(act, "password") != 0 && strcmp(act, "token") != 0) {
		fprintf(stderr, "atlas user: onbekende handeling '%s'\n\n%s", act, user_help);
		return 2;
	}

	char hash[AUTH_HASH_MAX] = "";
	if (o->pw_stdin && (strcmp(act, "add") == 0 || strcmp(act, "password") == 0) &&
	    password_from_stdin(act, hash) != 0)
		return 1;

	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[256] = "";
	int rc = store_check_schema(st, err, sizeof err);
	int status = 0;
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas user %s: %s\n", act, err);
		status = 1;
		goto out;
	}
	const char *actor = cli_actor();
	if (strcmp(act, "list") == 0) {
		struct user *users = NULL;
		int n = 0;
		struct arena *ua = arena_new();
		if (store_user_list(st, ua, &users, &n) != STORE_OK) {
			arena_free(ua);
			fprintf(stderr,
				"atlas user list: de gebruikers konden niet worden gelezen\n");
			status = 1;
			goto out;
		}
		printf("%-24s %-15s %-16s %-11s %s\n", "GEBRUIKER", "ROL", "ORGANISATIE", "STATUS",
		       "NAAM");
		for (int i = 0; i < n; i++)
			printf("%-24s %-15s %-16s %-11s %s\n", users[i].username,
			       user_role_code(users[i].role),
			       *users[i].org_code ? users[i].org_code : "-",
			       users[i].disabled ? "geblokkeerd" : "actief", users[i].display_name);
		printf("%d gebruiker(s)\n", n);
		arena_free(ua);
		goto out;
	}
	if (strcmp(act, "add") == 0) {
		struct user u = {0};
		snprintf(u.username, sizeof u.username, "%s", name);
		snprintf(u.display_name, sizeof u.display_name, "%s", o->naam ? o->naam : "");
		snprintf(u.email, sizeof u.email, "%s", o->email ? o->email : "");
		snprintf(u.org_code, sizeof u.org_code, "%s", o->organisatie ? o->organisatie : "");
		u.role = (enum user_role)role;
		rc = store_user_add(st, actor, &u, hash, err, sizeof err);
		if (rc == STORE_OK)
			printf("gebruiker %s toegevoegd (%s)\n", name, user_role_code(u.role));
	} else if (strcmp(act, "disable") == 0 || strcmp(act, "enable") == 0) {
		bool dis = strcmp(act, "disable") == 0;
		rc = store_user_set_disabled(st, actor, name, dis, err, sizeof err);
		if (rc == STORE_OK && dis) {
			struct user u;
			if (store_user_get(st, name, &u, NULL, 0) == STORE_OK)
				store_session_delete_user(st, u.id);
		}
		if (rc == STORE_OK)
			printf("gebruiker %s %s\n", name, dis ? "geblokkeerd" : "weer actief");
	} else if (strcmp(act, "set-role") == 0) {
		rc = store_user_set_role(st, actor, name, (enum user_role)role,
					 o->organisatie ? o->organisatie : "", err, sizeof err);
		if (rc == STORE_OK)
			printf("gebruiker %s heeft nu de rol %s\n", name,
			       user_role_code((enum user_role)role));
	} else if (strcmp(act, "password") == 0) {
		rc = store_user_set_password(st, actor, name, hash, err, sizeof err);
		if (rc == STORE_OK) {
			struct user u;
			if (store_user_get(st, name, &u, NULL, 0) == STORE_OK)
				store_session_delete_user(st, u.id);
			printf("wachtwoord van %s gewijzigd; lopende sessies zijn beëindigd\n",
			       name);
		}
	} else { /* token */
		struct user u;
		rc = store_user_get(st, name, &u, NULL, 0);
		if (rc == STORE_OK) {
			char secret[64];
			rc = accounts_token_create(st, actor, &u, o->naam, secret);
			if (rc == STORE_OK) {
				puts(secret);
				fprintf(stderr,
					"atlas user token: bewaar deze sleutel nu; hij wordt niet "
					"opnieuw getoond\n");
			}
			sodium_memzero(secret, sizeof secret);
		}
	}
	if (rc == STORE_ERR_NOTFOUND) {
		fprintf(stderr, "atlas user %s: gebruiker '%s' bestaat niet\n", act, name);
		status = 1;
	} else if (rc != STORE_OK) {
		fprintf(stderr, "atlas user %s: %s\n", act, *err ? err : "dat lukte niet");
		status = 1;
	}
out:
	sodium_memzero(hash, sizeof hash);
	store_close(st);
	return status;
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

/* atlas backup FILE / atlas restore FILE */
static const char backup_help[] =
    "Gebruik: atlas backup BESTAND [--db PAD] [--overschrijven]\n"
    "Maakt een consistente kopie van de database (SQLite-backup-API), ook terwijl\n"
    "atlas serve draait. Schrijft eerst BESTAND.tmp-<pid> en hernoemt dat pas als de kopie\n"
    "gecontroleerd is. Een bestaand BESTAND wordt alleen met --overschrijven vervangen.\n"
    "\n"
    "Gebruik: atlas restore BESTAND [--db PAD] [--overschrijven]\n"
    "Zet een reservekopie terug. Stop eerst de server: restore weigert zolang de database\n"
    "in gebruik is. De kopie moet heel zijn (integrity_check) en een atlas-database met een\n"
    "schema dat niet nieuwer is dan dit programma. De oude database blijft bewaard als\n"
    "<db>.voor-herstel (bestaat dat al, dan alleen met --overschrijven).\n";

static int cmd_backup(const struct opts *o, bool restore)
{
	const char *name = restore ? "restore" : "backup";
	if (!o->sub) {
		fprintf(stderr, "atlas %s: geef het bestand op\n\n%s", name, backup_help);
		return 2;
	}
	char err[768];
	struct store_backup_info info;
	int rc = restore ? store_restore(o->db, o->sub, o->overwrite != 0, &info, err, sizeof err)
			 : store_backup(o->db, o->sub, o->overwrite != 0, &info, err, sizeof err);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas %s: %s\n", name, err);
		return 1;
	}
	if (!restore) {
		printf("reservekopie %s geschreven: %lld bytes, schemaversie %d, dataversie %llu\n",
		       o->sub, info.bytes, info.schema_version,
		       (unsigned long long)info.data_version);
		return 0;
	}
	printf("%s teruggezet in %s: schemaversie %d, dataversie %llu; de oude database staat "
	       "in %s.voor-herstel\n",
	       o->sub, o->db_shown, info.schema_version, (unsigned long long)info.data_version,
	       o->db_shown);
	struct store *st;
	if (open_store(o, &st))
		return 1;
	rc = store_check_schema(st, err, sizeof err);
	store_close(st);
	if (rc != STORE_OK)
		printf("let op: %s\n", err);
	return 0;
}

/* ---- the outbox of e-mail (app/outbox.h) */

/* The sender's configuration for `atlas serve`, from ATLAS_SMTP_* and
 * ATLAS_MAIL_* (never from arguments: the password would show in the
 * process list). */
static struct outbox_config mail_cfg;

/* getenv(name) as a number in [min, max] into *out (unchanged when unset);
 * false with a message when set but invalid. */
static bool env_number(const char *name, long min, long max, int64_t *out)
{
	const char *v = getenv(name);
	long n;
	if (!v || !*v)
		return true;
	if (!parse_long(v, min, max, &n)) {
		fprintf(stderr, "atlas serve: %s moet een getal van %ld tot %ld zijn\n", name, min,
			max);
		return false;
	}
	*out = n;
	return true;
}

static int mail_config_from_env(struct outbox_config *c)
{
	outbox_config_defaults(c);
	c->smtp_url = getenv("ATLAS_SMTP_URL");
	c->smtp_user = getenv("ATLAS_SMTP_USER");
	c->smtp_password = getenv("ATLAS_SMTP_PASSWORD");
	c->from = getenv("ATLAS_MAIL_FROM");
	c->from_name = getenv("ATLAS_MAIL_FROM_NAME");
	const char *tls = getenv("ATLAS_SMTP_TLS");
	/* a password goes over TLS unless the operator says otherwise */
	c->tls = c->smtp_user && *c->smtp_user ? SMTP_TLS_REQUIRED : SMTP_TLS_TRY;
	if (tls && *tls) {
		if (strcmp(tls, "probeer") == 0)
			c->tls = SMTP_TLS_TRY;
		else if (strcmp(tls, "verplicht") == 0)
			c->tls = SMTP_TLS_REQUIRED;
		else if (strcmp(tls, "nee") == 0)
			c->tls = SMTP_TLS_NONE;
		else {
			fputs("atlas serve: ATLAS_SMTP_TLS is probeer, verplicht of nee\n", stderr);
			return -1;
		}
	}
	if (c->smtp_url && *c->smtp_url && strncmp(c->smtp_url, "smtp://", 7) != 0 &&
	    strncmp(c->smtp_url, "smtps://", 8) != 0) {
		fputs("atlas serve: ATLAS_SMTP_URL begint met smtp:// of smtps://\n", stderr);
		return -1;
	}
	int64_t attempts = c->max_attempts, days = c->retention_days, poll = c->poll_ms;
	if (!env_number("ATLAS_MAIL_RETRY_BASE_MS", 1, 86400000L, &c->retry_base_ms) ||
	    !env_number("ATLAS_MAIL_RETRY_MAX_MS", 1, 7 * 86400000L, &c->retry_max_ms) ||
	    !env_number("ATLAS_MAIL_MAX_ATTEMPTS", 1, 100, &attempts) ||
	    !env_number("ATLAS_MAIL_RETENTION_DAYS", 0, 3650, &days) ||
	    !env_number("ATLAS_MAIL_POLL_MS", 10, 3600000L, &poll))
		return -1;
	c->max_attempts = (int)attempts;
	c->retention_days = (int)days;
	c->poll_ms = (int)poll;
	return 0;
}

/* The sender thread's periodic sweeps: the retention of registrations and
 * the deadline reminders of funding calls. */
static void housekeeping(struct store *st)
{
	persoonsgegevens_housekeeping(st);
	subsidiekansen_housekeeping(st);
}

static int mail_start(void)
{
	mail_cfg.housekeeping = housekeeping;
	return outbox_sender_start(&mail_cfg);
}

static const char mail_help[] =
    "Gebruik: atlas mail test --to ADRES [--naam NAAM] [--db PAD]\n"
    "Zet één testbericht in de wachtrij van de uitgaande post (met een regel in het\n"
    "auditlog). Een draaiende 'atlas serve' met ATLAS_SMTP_URL verstuurt het; de status\n"
    "staat op /beheer/uitgaande-post. Zo controleert u de instellingen van de mailserver.\n";

/* atlas mail test --to ADDRESS */
static int cmd_mail(const struct opts *o)
{
	if (!o->sub || strcmp(o->sub, "test") != 0 || !o->to) {
		fputs(mail_help, stderr);
		return 2;
	}
	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[256], today[11];
	if (store_check_schema(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas mail: %s\n", err);
		store_close(st);
		return 1;
	}
	today_iso(today);
	struct write_ctx w = {.actor = "cli:mail-test", .via = "cli", .today = today};
	struct field_errors e = {0};
	int64_t id = 0;
	int rc = outbox_queue_test(st, &w, o->to, o->naam, &id, &e);
	store_close(st);
	if (rc == STORE_ERR_INVALID) {
		for (int i = 0; i < e.n; i++)
			fprintf(stderr, "atlas mail test: %s: %s\n", e.e[i].field, e.e[i].message);
		return 1;
	}
	if (rc != STORE_OK) {
		fputs("atlas mail test: het bericht kon niet in de wachtrij worden gezet\n",
		      stderr);
		return 1;
	}
	printf("testbericht %lld staat in de wachtrij\n", (long long)id);
	return 0;
}

static const char retention_help[] =
    "Gebruik: atlas bewaartermijn [--db PAD]\n"
    "Past de bewaartermijn van aanmeldingen voor bijeenkomsten nu toe (een draaiende\n"
    "'atlas serve' doet dit ook elke tien minuten): naam en e-mailadres van aanmeldingen\n"
    "voor bijeenkomsten die langer dan $ATLAS_BIJEENKOMSTEN_BEWAARTERMIJN_DAGEN dagen\n"
    "(standaard 90) voorbij zijn, worden gewist; onbevestigde aanmeldingen met een\n"
    "verlopen link worden verwijderd. Met een regel in het auditlog.\n";

/* atlas bewaartermijn: the retention sweep now */
static int cmd_retention(const struct opts *o)
{
	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[256];
	if (store_check_schema(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas bewaartermijn: %s\n", err);
		store_close(st);
		return 1;
	}
	int erased = 0, removed = 0;
	int rc = persoonsgegevens_sweep(st, &erased, &removed);
	store_close(st);
	if (rc != STORE_OK) {
		fputs("atlas bewaartermijn: het wissen is mislukt; er is niets gewijzigd\n",
		      stderr);
		return 1;
	}
	printf("%d aanmelding(en) gewist, %d onbevestigde aanmelding(en) verwijderd "
	       "(bewaartermijn %d dagen)\n",
	       erased, removed, persoonsgegevens_retention_days());
	return 0;
}

/* The lead times of the funding-call reminders from the environment;
 * false with a message on stderr when the setting is malformed. */
static bool reminders_from_env(const char *cmd)
{
	char err[256];
	if (subsidiekansen_reminders_configure(getenv(SUBSIDIEKANSEN_LEADS_ENV), err, sizeof err))
		return true;
	fprintf(stderr, "atlas %s: %s\n", cmd, err);
	return false;
}

static const char reminders_help[] =
    "Gebruik: atlas herinneringen [--db PAD]\n"
    "Zet de herinneringen voor de deadlines van subsidiekansen die vandaag aan de beurt\n"
    "zijn nu in de wachtrij van de uitgaande post (een draaiende 'atlas serve' doet dit\n"
    "ook elke tien minuten). Een herinnering gaat naar wie namens een organisatie\n"
    "interesse meldde met 'Herinnering sturen voor de deadline', zoveel dagen voor de\n"
    "deadline als $ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN zegt (standaard \"14,3\").\n"
    "Elke herinnering gaat één keer, hoe vaak dit ook draait. Met een regel in het\n"
    "auditlog.\n";

/* atlas herinneringen: the funding-call reminder sweep now */
static int cmd_reminders(const struct opts *o)
{
	if (!reminders_from_env("herinneringen"))
		return 1;
	struct store *st;
	if (open_store(o, &st))
		return 1;
	char err[256], today[11];
	if (store_check_schema(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas herinneringen: %s\n", err);
		store_close(st);
		return 1;
	}
	today_iso(today);
	int queued = 0;
	int rc = subsidiekansen_remind(st, today, &queued);
	store_close(st);
	if (rc != STORE_OK) {
		fputs("atlas herinneringen: in de wachtrij zetten mislukt; er is niets gewijzigd\n",
		      stderr);
		return 1;
	}
	printf("%d herinnering(en) in de wachtrij gezet (%s dagen voor de deadline)\n", queued,
	       subsidiekansen_reminder_days());
	return 0;
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
	if (wgr_rules_init(o->wgr_rules) < 0) /* message on stderr */
		return 1;
	/* people: seats fixed by law (data/wettelijke-samenstelling.csv) */
	if (derived_rules_init(DERIVED_RULES_DEFAULT) < 0) /* message on stderr */
		return 1;
	if (geo_load(o->geo) < 0) /* message on stderr */
		return 1;
	static const struct router_access access = {policy_has_role, policy_may_write_api};
	router_set_access(&access);
	siteinfo_set(o->contact, o->fg_contact);
	if (mail_config_from_env(&mail_cfg) != 0 || !reminders_from_env("serve"))
		return 1;
	struct server_config cfg = {
	    .listen = o->listen,
	    .port = o->port,
	    .db_path = o->db,
	    .web_dir = o->web,
	    .threads = o->threads,
	    .body_limit = 1u << 20,
	    .quiet = o->quiet != 0,
	    .trust_proxy = o->trust_proxy != 0,
	    .start_background = mail_start,
	    .stop_background = outbox_sender_stop,
	};
	if (o->oidc_config) {
		char err[256];
		if (oidc_init(o->oidc_config, err, sizeof err) != 0) {
			fprintf(stderr, "atlas serve: %s\n", err);
			return 1;
		}
	}
	int rc = server_run(&cfg);
	oidc_shutdown();
	return rc;
}

/* ---- change-set import (app/changeset.h) */

static const char import_changes_help[] =
    "Gebruik: atlas import wijzigingen MAP [--toepassen] [--min-zekerheid medium|high] "
    "[--db PAD]\n"
    "Leest een wijzigingenset (de CSV-bestanden in MAP, zie docs/import.md) en toont per\n"
    "wijziging bestand:regel, soort, record, veld en oud → nieuw, en per probleem bestand,\n"
    "regel en reden. Zonder --toepassen verandert er niets (proefrun). Met --toepassen\n"
    "worden alle wijzigingen in één transactie vastgelegd, als één import in de\n"
    "geschiedenis; bij een probleem wordt niets vastgelegd. Twee keer toepassen verandert\n"
    "de tweede keer niets. Regels onder de minimale zekerheid (standaard medium) worden\n"
    "alleen als 'niet bevestigd' vastgelegd, nooit als feit.\n"
    "Afsluitcode: 0 zonder problemen, 1 bij problemen.\n";

/* One change as a line: file:line, op, record, field, old → new. */
static void print_change(const struct cs_change *ch)
{
	printf("%s:%d  %s  %s %s", ch->file, ch->line, changeset_op_label(ch->op), ch->entity,
	       ch->key);
	if (*ch->label && strcmp(ch->label, ch->key) != 0 && *ch->field)
		printf(" (%s)", ch->label);
	if (*ch->field)
		printf("  %s: %s → %s", ch->field_label, *ch->old_value ? ch->old_value : "(leeg)",
		       *ch->new_value ? ch->new_value : "(leeg)");
	else if (*ch->new_value)
		printf("  %s", ch->new_value);
	if (*ch->source_key)
		printf("  [bron %s%s%s]", ch->source_key, *ch->confidence ? ", " : "",
		       ch->confidence);
	putchar('\n');
}

/* atlas import wijzigingen MAP [--toepassen] [--min-zekerheid medium|high] */
static int cmd_import_changes(const struct opts *o)
{
	if (o->help) {
		fputs(import_changes_help, stdout);
		return 0;
	}
	if (!o->arg) {
		fputs(import_changes_help, stderr);
		return 2;
	}
	if (o->min_conf && strcmp(o->min_conf, "medium") != 0 && strcmp(o->min_conf, "high") != 0) {
		fprintf(stderr, "atlas import wijzigingen: --min-zekerheid is medium of high\n");
		return 2;
	}
	struct arena *a = arena_new();
	struct changeset cs;
	char err[512], today[11];
	if (changeset_read_dir(a, o->arg, &cs, err, sizeof err) != 0) {
		fprintf(stderr, "atlas import wijzigingen: %s\n", err);
		arena_free(a);
		return 1;
	}
	struct store *st;
	if (open_store(o, &st)) {
		arena_free(a);
		return 1;
	}
	if (store_check_schema(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "atlas import wijzigingen: %s\n", err);
		store_close(st);
		arena_free(a);
		return 1;
	}
	today_iso(today);
	struct write_ctx w = {.actor = "cli:import-wijzigingen", .via = "cli", .today = today};
	struct cs_report rep;
	int rc = o->apply ? changeset_apply(st, a, &cs, o->min_conf, &w, &rep, err, sizeof err)
			  : changeset_plan(st, a, &cs, o->min_conf, today, &rep, err, sizeof err);
	store_close(st);
	if (rc != 0) {
		fprintf(stderr, "atlas import wijzigingen: %s\n", err);
		fprintf(stderr, "atlas import wijzigingen: niets gewijzigd\n");
		arena_free(a);
		return 1;
	}
	for (int i = 0; i < rep.n_changes; i++)
		print_change(&rep.changes[i]);
	for (int i = 0; i < rep.n_superseded; i++) {
		const struct cs_change *ch = &rep.superseded[i];
		printf("%s:%d  overgeslagen  %s %s%s%s  (record sindsdien elders gewijzigd)\n",
		       ch->file, ch->line, ch->entity, ch->key, *ch->field ? "  " : "",
		       ch->field_label);
	}
	for (int i = 0; i < rep.n_problems; i++) {
		const struct cs_problem *p = &rep.problems[i];
		if (p->line > 0)
			fprintf(stderr, "%s:%d: %s\n", p->file, p->line, p->message);
		else
			fprintf(stderr, "%s: %s\n", *p->file ? p->file : o->arg, p->message);
	}
	int unconfirmed = 0;
	for (int i = 0; i < rep.n_changes; i++)
		unconfirmed += rep.changes[i].op == CS_UNCONFIRMED;
	if (rep.n_problems)
		printf("%s: %d probleem/problemen; niets %s\n", cs.title, rep.n_problems,
		       o->apply ? "vastgelegd" : "zou worden vastgelegd");
	else if (o->apply)
		printf("%s: %d wijziging(en) vastgelegd (waarvan %d niet bevestigd), %d regel(s) "
		       "ongewijzigd, %d overgeslagen%s\n",
		       cs.title, rep.n_changes, unconfirmed, rep.n_unchanged, rep.n_superseded,
		       rep.batch_id ? "" : "; niets te doen");
	else
		printf("proefrun, niets opgeslagen — %s: %d wijziging(en) (waarvan %d niet "
		       "bevestigd), %d regel(s) ongewijzigd, %d overgeslagen; toepassen met "
		       "--toepassen\n",
		       cs.title, rep.n_changes, unconfirmed, rep.n_unchanged, rep.n_superseded);
	int code = rep.n_problems ? 1 : 0;
	arena_free(a);
	return code;
}

static const char import_indicatoren_help[] =
    "Gebruik: atlas import indicatoren BESTAND [--mapping KOPPELBESTAND] [--dry-run] [--db "
    "PAD]\n"
    "Leest één bestand van de indicatorenopslag (docs/ARCHITECTURE.md, \"Indicators\n"
    "(Kennis)\"), herkend aan de kopregel:\n"
    "  code,naam,niveau,provincie                  gebieden (data/indicatoren/gebieden.csv)\n"
    "  key,naam,definitie,eenheid,thema,bron,...   indicatoren (indicatoren.csv)\n"
    "  indicator,gebied,periode,waarde[,bron]      waarden (waarden.csv)\n"
    "of een CBS-tabel (';' of ',', decimale komma of punt, BOM, '.' = ontbrekend) met een\n"
    "koppelbestand (bron,kolom,indicator,periode,factor; data/indicatoren/mapping.csv).\n"
    "Alles of niets: bij een fout noemt de import bestand, regel en kolom en verandert er\n"
    "niets. Twee keer hetzelfde bestand verandert niets; een gewijzigde waarde krijgt een\n"
    "nieuwe versie en de oude blijft in de geschiedenis.\n";

static bool read_whole(const char *path, size_t max, struct buf *out)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 && out->len <= max)
		buf_add(out, chunk, n);
	bool ok = !ferror(fp) && !out->err;
	fclose(fp);
	return ok;
}

/* atlas import indicatoren FILE [--mapping FILE] [--dry-run] */
static int cmd_import_indicatoren(const struct opts *o)
{
	if (o->help)
		return fputs(import_indicatoren_help, stdout), 0;
	if (!o->arg) {
		fputs(import_indicatoren_help, stderr);
		return 2;
	}
	struct buf data = BUF_INIT, map = BUF_INIT;
	if (!read_whole(o->arg, INDICATOREN_CSV_MAX_BYTES, &data)) {
		fprintf(stderr, "atlas import indicatoren: kan %s niet lezen\n", o->arg);
		buf_free(&data);
		return 1;
	}
	if (o->mapping && !read_whole(o->mapping, INDICATOREN_CSV_MAX_BYTES, &map)) {
		fprintf(stderr, "atlas import indicatoren: kan %s niet lezen\n", o->mapping);
		buf_free(&data);
		buf_free(&map);
		return 1;
	}
	struct store *st;
	if (open_store(o, &st)) {
		buf_free(&data);
		buf_free(&map);
		return 1;
	}
	char err[256], today[11];
	today_iso(today);
	struct write_ctx w = {.actor = "cli:import-indicatoren", .via = "cli", .today = today};
	int rc = store_check_schema(st, err, sizeof err);
	if (rc != STORE_OK) {
		fprintf(stderr, "atlas import indicatoren: %s\n", err);
		store_close(st);
		buf_free(&data);
		buf_free(&map);
		return 1;
	}
	struct arena *a = arena_new();
	struct ind_import_report *rep = arena_calloc(a, 1, sizeof *rep);
	rc = indicatoren_import(st, a, &w, o->arg, data.data ? data.data : "", data.len, o->mapping,
				o->mapping ? (map.data ? map.data : "") : NULL, map.len,
				o->dry_run != 0, rep);
	store_close(st);
	buf_free(&data);
	buf_free(&map);
	int kept = rep->n_errors < INDICATOREN_MAX_ERRORS ? rep->n_errors : INDICATOREN_MAX_ERRORS;
	for (int i = 0; i < kept; i++) {
		const struct ind_error *e = &rep->errors[i];
		if (e->line > 0 && e->col > 0)
			fprintf(stderr, "%s, regel %d, kolom %d: %s\n", e->file, e->line, e->col,
				e->message);
		else if (e->line > 0)
			fprintf(stderr, "%s, regel %d: %s\n", e->file, e->line, e->message);
		else
			fprintf(stderr, "%s: %s\n", e->file, e->message);
	}
	if (rep->n_errors > kept)
		fprintf(stderr, "... en nog %d fout(en)\n", rep->n_errors - kept);
	if (rc) {
		if (*rep->fatal)
			fprintf(stderr, "atlas import indicatoren: %s\n", rep->fatal);
		fprintf(stderr, "atlas import indicatoren: niets gewijzigd (%d fout(en))\n",
			rep->n_errors ? rep->n_errors : 1);
		arena_free(a);
		return 1;
	}
	printf("%s%s: %d regels; %d toegevoegd, %d gewijzigd, %d ongewijzigd\n",
	       o->dry_run ? "proefrun, niets opgeslagen — " : "", indicatoren_kind_name(rep->kind),
	       rep->rows, rep->counts.added, rep->counts.changed, rep->counts.unchanged);
	arena_free(a);
	return 0;
}

/* atlas import seed | csv FILE | roo FILE: the subcommand decides (and
 * answers --help itself, as "import roo" has its own help). */
static int cmd_import(const struct opts *o)
{
	if (o->sub && strcmp(o->sub, "roo") == 0)
		return o->help ? (fputs(import_roo_help, stdout), 0) : cmd_import_roo(o);
	if (o->sub && strcmp(o->sub, "wijzigingen") == 0)
		return cmd_import_changes(o);
	if (o->sub && strcmp(o->sub, "indicatoren") == 0)
		return cmd_import_indicatoren(o);
	if (o->help)
		return fputs(import_help, stdout), 0;
	if (o->sub && strcmp(o->sub, "csv") == 0)
		return cmd_import_csv(o);
	if (!o->sub || strcmp(o->sub, "seed") != 0) {
		fprintf(stderr,
			"atlas import: kies seed, csv, roo, wijzigingen of indicatoren (zie atlas "
			"import "
			"--help)\n");
		return 2;
	}
	return cmd_import_seed(o);
}

static int cmd_backup_file(const struct opts *o)
{
	return cmd_backup(o, false);
}

static int cmd_restore_file(const struct opts *o)
{
	return cmd_backup(o, true);
}

static int cmd_help(const struct opts *o)
{
	(void)o;
	fputs(usage_text, stdout);
	return 0;
}

/* The commands, like the route table: name, handler, the text --help shows
 * (NULL: the handler answers --help itself), and whether a third
 * positional argument is allowed. */
struct command {
	const char *name;
	int (*run)(const struct opts *o);
	const char *help;
	bool takes_arg;
};

static const struct command commands[] = {
    {"serve", cmd_serve, serve_help, false},
    {"migrate", cmd_migrate, migrate_help, false},
    {"import", cmd_import, NULL, true},
    {"export", cmd_export, export_help, false},
    {"backup", cmd_backup_file, backup_help, false},
    {"restore", cmd_restore_file, backup_help, false},
    {"copy", cmd_copy, copy_help, false},
    {"check", cmd_check, check_help, false},
    {"user", cmd_user, user_help, true},
    {"mail", cmd_mail, mail_help, false},
    {"bewaartermijn", cmd_retention, retention_help, false},
    {"herinneringen", cmd_reminders, reminders_help, false},
    {"help", cmd_help, NULL, false},
};

/* The command named name, or NULL. */
static const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	struct opts o = {0};
	if (sodium_init() < 0) {
		fputs("atlas: libsodium kon niet starten\n", stderr);
		return 1;
	}
	o.db = getenv("ATLAS_DB") && *getenv("ATLAS_DB") ? getenv("ATLAS_DB") : "var/atlas.db";
	if (getenv("ATLAS_DATABASE_URL") && *getenv("ATLAS_DATABASE_URL"))
		o.db = getenv("ATLAS_DATABASE_URL");
	o.listen = "127.0.0.1";
	o.web = "web";
	o.seed_dir = "data/seed";
	o.openapi = "docs/openapi.json";
	o.geo = GEO_DEFAULT_FILE;
	o.wgr_rules = WGR_RULES_DEFAULT;
	o.threads = 4;
	o.port = 8080;
	o.contact = getenv("ATLAS_CONTACT");
	o.fg_contact = getenv("ATLAS_FG_CONTACT");
	long port;
	if (getenv("ATLAS_PORT") && parse_long(getenv("ATLAS_PORT"), 0, 65535, &port))
		o.port = (int)port;
	if (parse_opts(argc, argv, &o) != 0)
		return 2;
	store_path_display(o.db, o.db_shown, sizeof o.db_shown);
	if (!o.cmd) {
		fputs(usage_text, o.help ? stdout : stderr);
		return o.help ? 0 : 2;
	}
	const struct command *c = command_find(o.cmd);
	if (o.arg && !(c && c->takes_arg)) {
		fprintf(stderr, "atlas: onverwacht argument '%s'\n", o.arg);
		return 2;
	}
	if (c) {
		if (o.help && c->help)
			return fputs(c->help, stdout), 0;
		return c->run(&o);
	}
	fprintf(stderr, "atlas: onbekende opdracht '%s'\n\n%s", o.cmd, usage_text);
	return 2;
}
