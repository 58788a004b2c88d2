/*
 * routes — the route table, grouped by resource: pages first (home,
 * collaborations, participations, organisations, people, analyses, open
 * data, accounts, administration), then the API, then static files. Add a
 * page or endpoint here; the router checks method, path, parameters, sign-in,
 * role, API token and CSRF token before the handler runs.
 */
#include "router.h"
#include "static.h"
#include "../api/api.h"
#include "../pages/pages.h"
#include "../pages/currency.h"
#include "../api/api_overlap.h"
#include "../pages/overlap.h"
#include "../api/api_map.h"
#include "../pages/map.h"
#include "../api/api_network.h"
#include "../pages/exports.h"
#include "../pages/network.h"
#include "../pages/edit.h"
#include "../pages/oidc_pages.h"
#include "../pages/auth_pages.h"
#include "../api/api_write.h"
#include "../pages/history.h"
#include "../pages/people.h"
#include "../pages/roles.h"
#include "../api/api_people.h"
#include "../api/api_export.h"
#include "../pages/import_page.h"
#include "../api/api_changeset.h"
#include "../pages/opendata.h"
#include "../pages/calendar.h"
#include "../api/api_health.h"
#include "../api/api_corrections.h"
#include "../pages/corrections.h"
#include "../api/api_relaties.h"
#include "../api/api_deskundigen.h"
#include "../api/api_bijeenkomsten.h"
#include "../api/api_bijeenkomsten_verslag.h"
#include "../pages/relaties.h"
#include "../pages/bijeenkomsten.h"
#include "../pages/bijeenkomsten_verslag.h"
#include "../api/api_bijeenkomsten_agenda.h"
#include "../pages/bijeenkomsten_agenda.h"
#include "../api/api_instrumenten.h"
#include "../api/api_indicatoren.h"
#include "../api/api_financien.h"
#include "../api/api_financien_kengetallen.h"
#include "../api/api_indicatoren_import.h"
#include "../api/api_indicatoren_dashboard.h"
#include "../api/api_samenwerking_cijfers.h"
#include "../pages/instrumenten.h"
#include "../api/api_subsidiekansen.h"
#include "../api/api_toezicht.h"
#include "../api/api_toezicht_ladder.h"
#include "../pages/subsidiekansen.h"
#include "../pages/toezicht.h"
#include "../api/api_evaluatie.h"
#include "../pages/evaluatie.h"
#include "../pages/toezicht_ladder.h"

#include "../pages/indicatoren.h"
#include "../pages/financien.h"
#include "../pages/financien_kengetallen.h"
#include "../pages/indicatoren_import.h"
#include "../pages/indicatoren_dashboard.h"
#include "../pages/indicatoren_vergelijk.h"
#include "../api/api_indicatoren_vergelijk.h"

#include "../api/api_bibliotheek.h"
#include "../pages/bibliotheek.h"
#include "../api/api_outbox.h"
#include "../pages/outbox.h"
#include "../pages/persoonsgegevens.h"
#include "../pages/deskundigen.h"
#include "../pages/kennis.h"
#include "../pages/admin_home.h"
#include "../pages/analysis_index.h"

#include <stddef.h>

/* Routes leave min_role out when they are public (0 = USER_ROLE_NONE). */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#define GET (HTTP_GET | HTTP_HEAD)

static const struct param_spec no_params[] = {{NULL, 0, 0}};
/* The kengetallen: year, document and the notice after a write. */
static const struct param_spec kengetallen_params[] = {
    {"jaar", PT_TEXT, 4}, {"soort", PT_TEXT, 20}, {"melding", PT_TEXT, 40}, {NULL, 0, 0}};
static const struct param_spec melding_params[] = {{"melding", PT_TEXT, 40}, {NULL, 0, 0}};

static const struct param_spec collab_filter_params[] = {
    {"beleidsdomein", PT_FILTER, 0},
    {"juridischeVorm", PT_FILTER, 0},
    {"fase", PT_FILTER, 0},
    {"soort", PT_FILTER, 0},
    {"deelnemer", PT_FILTER, 0},
    {"status", PT_FILTER, 0},
    {"sorteer", PT_FILTER, 0},
    {"pagina", PT_FILTER, 0},
    {"paginaGrootte", PT_FILTER, 0},
    {"peildatum", PT_TEXT, 10}, /* the list as it was on that date */
    {NULL, 0, 0}};

static const struct param_spec org_list_params[] = {{"soort", PT_ORG_KIND, 0},
						    {"status", PT_STATUS, 0},
						    {"pagina", PT_PAGE, 0},
						    {"paginaGrootte", PT_PAGE_SIZE, 0},
						    {NULL, 0, 0}};

static const struct param_spec org_parts_params[] = {{"status", PT_STATUS, 0}, {NULL, 0, 0}};

/* the organisation page, also as it was on a date */
static const struct param_spec org_show_params[] = {{"peildatum", PT_TEXT, 10}, {NULL, 0, 0}};

static const struct param_spec search_params[] = {
    {"q", PT_TEXT, 200}, {"pagina", PT_PAGE, 0}, {NULL, 0, 0}};

/* The map page keeps its selection (gemeente, met, sorteer) in the URL. */
static const struct param_spec map_page_params[] = {{"beleidsdomein", PT_FILTER, 0},
						    {"juridischeVorm", PT_FILTER, 0},
						    {"fase", PT_FILTER, 0},
						    {"soort", PT_FILTER, 0},
						    {"verband", PT_TEXT, 200},
						    {"gemeente", PT_TEXT, 40},
						    {"met", PT_TEXT, 40},
						    {"sorteer", PT_TEXT, 20},
						    {"peildatum", PT_TEXT, 10},
						    {"weergave", PT_TEXT, 20},
						    {"vergelijk", PT_TEXT, 200},
						    {"waterschappen", PT_TEXT, 10},
						    {NULL, 0, 0}};

static const struct param_spec map_api_params[] = {
    {"beleidsdomein", PT_FILTER, 0}, {"juridischeVorm", PT_FILTER, 0},
    {"fase", PT_FILTER, 0},	     {"soort", PT_FILTER, 0},
    {"verband", PT_TEXT, 200},	     {"peildatum", PT_TEXT, 10},
    {"weergave", PT_TEXT, 20},	     {"vergelijk", PT_TEXT, 200},
    {"waterschappen", PT_TEXT, 10},  {NULL, 0, 0}};

/* The overlap analysis: the same filters on page, CSV and API. */
#define OVERLAP_PARAMS                                                                             \
	{"drempel", PT_DECIMAL01, 0}, {"beleidsdomein", PT_FILTER, 0},                             \
	    {"juridischeVorm", PT_FILTER, 0}, {"fase", PT_FILTER, 0}, {"soort", PT_FILTER, 0},     \
	    {"status", PT_FILTER, 0}, {"sorteer", PT_TEXT, 20},                                    \
	{                                                                                          \
		"peildatum", PT_TEXT, 10                                                           \
	}
static const struct param_spec overlap_params[] = {OVERLAP_PARAMS, {NULL, 0, 0}};
static const struct param_spec overlap_csv_params[] = {
    OVERLAP_PARAMS, {"tabel", PT_TEXT, 20}, {NULL, 0, 0}};
/* the API pages its lists (api_overlap.c) */
static const struct param_spec overlap_api_params[] = {
    OVERLAP_PARAMS, {"pagina", PT_PAGE, 0}, {"paginaGrootte", PT_PAGE_SIZE, 0}, {NULL, 0, 0}};

/* Funding calls: the list's filters; the notice after a post/redirect/get. */
static const struct param_spec subsidiekansen_params[] = {
    {"thema", PT_TEXT, 80}, {"binnen", PT_TEXT, 6}, {"melding", PT_TEXT, 40}, {NULL, 0, 0}};
static const struct param_spec subsidiekans_params[] = {{"melding", PT_TEXT, 40}, {NULL, 0, 0}};
static const struct param_spec api_subsidiekansen_params[] = {
    {"thema", PT_TEXT, 80}, {"binnenDagen", PT_TEXT, 6}, {"status", PT_TEXT, 12}, {NULL, 0, 0}};

/* Events: the notice after a post/redirect/get. */
static const struct param_spec bijeenkomst_params[] = {{"melding", PT_TEXT, 40}, {NULL, 0, 0}};

/* Interbestuurlijk toezicht: the view's domain and year; the API's filters. */
static const struct param_spec toezicht_params[] = {
    {"domein", PT_TEXT, 80}, {"jaar", PT_TEXT, 6}, {NULL, 0, 0}};
static const struct param_spec toezicht_notice_params[] = {
    {"melding", PT_TEXT, 40}, {"organisatie", PT_TEXT, 80}, {NULL, 0, 0}};
static const struct param_spec api_toezicht_params[] = {{"domein", PT_TEXT, 80},
							{"jaar", PT_TEXT, 6},
							{"organisatie", PT_TEXT, 80},
							{"status", PT_TEXT, 16},
							{NULL, 0, 0}};
static const struct param_spec api_toezicht_ladder_params[] = {
    {"domein", PT_TEXT, 80}, {"organisatie", PT_TEXT, 80}, {NULL, 0, 0}};

const struct route routes[] = {
    /* Within a group, literal paths ("/personen/nieuw") come before the {id}
     * patterns that would otherwise match them: the first match wins. */

    /* Home, search and information pages. */
    {GET, "/", page_home, ROUTE_PAGE, ROUTE_CACHE, no_params},
    /* cached per snapshot version like the pages (search_fts changes in the
     * same transactions that bump the data version) */
    {GET, "/zoeken", page_search, ROUTE_PAGE, ROUTE_CACHE, search_params},
    {GET, "/over", page_about, ROUTE_PAGE, ROUTE_CACHE, no_params},
    /* how current each partner's data is (module provenance) */
    {GET, "/actualiteit", page_currency, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/toegankelijkheid", page_accessibility, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/gezondheid", page_health, ROUTE_PAGE, 0, no_params},
    /* contact, privacy statement and colofon (info_legal.c) */
    {GET, "/contact", page_contact, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/privacy", page_privacy, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/colofon", page_colofon, ROUTE_PAGE, ROUTE_CACHE, no_params},

/* Collaborations: list, record, editing, and what hangs off a record
 * (meetings, phases, agreements, calendar, history). */
#define EDIT_FORM ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR
    {GET | HTTP_POST, "/samenwerkingsverbanden/nieuw", page_collab_new, ROUTE_PAGE, EDIT_FORM},
    {GET, "/samenwerkingsverbanden", page_collab_list, ROUTE_PAGE, ROUTE_CACHE | ROUTE_SCOPE_LIST,
     collab_filter_params},
    {GET, "/samenwerkingsverbanden.csv", page_collab_list_csv, ROUTE_PAGE, ROUTE_CACHE,
     collab_export_params},
    {GET, "/samenwerkingsverbanden/{id}", page_collab_show, ROUTE_PAGE,
     ROUTE_CACHE | ROUTE_SCOPE_COLLAB, no_params},
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/bewerken", page_collab_edit, ROUTE_PAGE,
     EDIT_FORM},
    {HTTP_POST, "/samenwerkingsverbanden/{id}/beeindigen", page_collab_end, ROUTE_PAGE, EDIT_FORM},
    {HTTP_POST, "/samenwerkingsverbanden/{id}/bevestigen", page_collab_confirm, ROUTE_PAGE,
     EDIT_FORM},
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/ab-vergaderingen", page_collab_ab_meetings,
     ROUTE_PAGE, EDIT_FORM},
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/fasen/nieuw", page_phase_new, ROUTE_PAGE,
     EDIT_FORM},
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/afspraken/nieuw", page_agreement_new,
     ROUTE_PAGE, EDIT_FORM},
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/afspraken/{afspraak}/bewerken",
     page_agreement_edit, ROUTE_PAGE, EDIT_FORM},
    {GET, "/samenwerkingsverbanden/{id}/kalender.ics", page_collab_calendar_ics, ROUTE_PAGE,
     ROUTE_CACHE, no_params},
    {GET, "/samenwerkingsverbanden/{id}/geschiedenis", page_collab_history, ROUTE_PAGE, ROUTE_CACHE,
     no_params},

    /* Participations (an organisation in a collaboration): editing and the
     * role assessment. */
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/deelnemers/nieuw", page_part_new, ROUTE_PAGE,
     EDIT_FORM},
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/deelnemers/{deelname}/bewerken", page_part_edit,
     ROUTE_PAGE, EDIT_FORM},
    {HTTP_POST, "/samenwerkingsverbanden/{id}/deelnemers/{deelname}/beeindigen", page_part_end,
     ROUTE_PAGE, EDIT_FORM},
    {HTTP_POST, "/samenwerkingsverbanden/{id}/deelnemers/{deelname}/bevestigen", page_part_confirm,
     ROUTE_PAGE, EDIT_FORM},
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/deelnemers/{deelname}/rol", page_role_assess,
     ROUTE_PAGE, EDIT_FORM},

    /* Organisations: list, record, editing, calendar, history, and the
     * signed-in editor's own organisation. */
    {GET, "/organisaties", page_org_list, ROUTE_PAGE, ROUTE_CACHE, org_list_params},
    {GET, "/organisaties/{code}", page_org_show, ROUTE_PAGE, ROUTE_CACHE | ROUTE_SCOPE_ORG,
     org_show_params},
    {GET, "/organisaties/{code}/deelnames.csv", page_org_parts_csv, ROUTE_PAGE, ROUTE_CACHE,
     org_parts_params},
    {GET | HTTP_POST, "/organisaties/{code}/bewerken", page_org_edit, ROUTE_PAGE, EDIT_FORM},
    {HTTP_POST, "/organisaties/{code}/bevestigen", page_org_confirm, ROUTE_PAGE, EDIT_FORM},
    /* The financial scan's comparison of lasten and baten (pages/financien.c):
     * public, per request from the indicator read model. */
    {GET, "/financien", page_financien, ROUTE_PAGE, 0, financien_national_params},
    {GET, "/financien.csv", page_financien_csv, ROUTE_PAGE, 0, financien_national_params},
    {GET, "/financien/{code}", page_financien_gemeente, ROUTE_PAGE, 0, financien_params},
    /* The kengetallen (pages/financien_kengetallen.c): public view; input
     * form and CSV import for staff and the gemeente's own editors (checked
     * per gemeente in app/financien_kengetallen.c); the bands for staff. */
    {GET, "/financien/kengetallen/sjabloon.csv", page_kengetallen_template, ROUTE_PAGE, 0,
     no_params},
    {GET, "/financien/{code}/kengetallen", page_kengetallen, ROUTE_PAGE, 0, kengetallen_params},
    {GET, "/financien/{code}/kengetallen/invoer", page_kengetallen_invoer, ROUTE_PAGE, 0,
     kengetallen_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/financien/{code}/kengetallen/invoer", page_kengetallen_invoer_save, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_EDITOR},
    {GET, "/financien/{code}/kengetallen/importeren", page_kengetallen_import, ROUTE_PAGE, 0,
     no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/financien/{code}/kengetallen/importeren", page_kengetallen_import_submit,
     ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM | ROUTE_UPLOAD, no_params, USER_ROLE_EDITOR},
    {GET, "/beheer/financien/signaleringswaarden", page_kengetallen_bands, ROUTE_PAGE, 0,
     melding_params, USER_ROLE_STAFF},
    {GET, "/beheer/financien/signaleringswaarden/{key}", page_kengetallen_band, ROUTE_PAGE, 0,
     no_params, USER_ROLE_STAFF},
    {HTTP_POST, "/beheer/financien/signaleringswaarden/{key}", page_kengetallen_band_save,
     ROUTE_PAGE, ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_STAFF},
    /* The gemeente dashboard (pages/indicatoren_dashboard.c): public, per request. */
    {GET, "/organisaties/{code}/kennis", page_indicatoren_dashboard, ROUTE_PAGE, 0,
     indicatoren_dashboard_params},
    {GET, "/organisaties/{code}/kalender", page_org_calendar, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/organisaties/{code}/kalender.ics", page_org_calendar_ics, ROUTE_PAGE, ROUTE_CACHE,
     no_params},
    {GET, "/organisaties/{code}/raadskalender.ics", page_org_council_ics, ROUTE_PAGE, ROUTE_CACHE,
     no_params},
    {GET, "/organisaties/{code}/overzicht", page_org_overview, ROUTE_PAGE, ROUTE_CACHE,
     org_show_params},
    {GET, "/organisaties/{code}/geschiedenis", page_org_history, ROUTE_PAGE, ROUTE_CACHE,
     no_params},
    {GET, "/mijn-organisatie", page_mine, ROUTE_PAGE, 0, no_params, USER_ROLE_EDITOR},

    /* Corrections ("Meld wat niet klopt", pages/corrections*.c): the form
     * is open to everyone (its CSRF check is the handler's: anonymous
     * visitors have no session), the status link, the review queue, a
     * proposer's own list, and Mijn organisatie's confirm-or-correct. */
    {GET | HTTP_POST, "/samenwerkingsverbanden/{id}/melding", page_correction_collab, ROUTE_PAGE,
     ROUTE_FORM, corrections_form_params},
    {GET | HTTP_POST, "/organisaties/{code}/melding", page_correction_org, ROUTE_PAGE, ROUTE_FORM,
     corrections_form_params},
    {GET, "/correcties/status/{token}", page_correction_status, ROUTE_PAGE, 0, no_params},
    {GET, "/beheer/correcties", page_corrections_queue, ROUTE_PAGE, 0, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/beheer/correcties/{id}/overnemen", page_correction_accept, ROUTE_PAGE, EDIT_FORM},
    {HTTP_POST, "/beheer/correcties/{id}/afwijzen", page_correction_reject, ROUTE_PAGE, EDIT_FORM},
    {GET, "/mijn/correcties", page_my_corrections, ROUTE_PAGE, 0, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/mijn-organisatie/uittreden", page_mine_leave, ROUTE_PAGE, EDIT_FORM},
    {GET | HTTP_POST, "/mijn-organisatie/bevestigen", page_mine_confirm_all, ROUTE_PAGE, EDIT_FORM},

    /* People: list, record, editing of a person, offices and seats, and
     * the administrator's export and erasure. Read per request from the
     * store (not cached: visibility depends on who asks). */
    {GET | HTTP_POST, "/personen/nieuw", page_person_new, ROUTE_PAGE, EDIT_FORM},
    {GET, "/personen", page_person_list, ROUTE_PAGE, 0, no_params},
    {GET, "/personen/{id}", page_person_show, ROUTE_PAGE, 0, no_params},
    {GET | HTTP_POST, "/personen/{id}/bewerken", page_person_edit, ROUTE_PAGE, EDIT_FORM},
    {GET | HTTP_POST, "/personen/{id}/functies/nieuw", page_person_office_new, ROUTE_PAGE,
     EDIT_FORM},
    {GET | HTTP_POST, "/personen/{id}/zetels/nieuw", page_person_seat_new, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, people_seat_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/personen/{id}/functies/{f}/beeindigen", page_person_office_end, ROUTE_PAGE,
     EDIT_FORM},
    {HTTP_POST, "/personen/{id}/zetels/{z}/beeindigen", page_person_seat_end, ROUTE_PAGE,
     EDIT_FORM},
    {GET, "/personen/{id}/export", page_person_export, ROUTE_PAGE, 0, no_params, USER_ROLE_ADMIN},
    {GET | HTTP_POST, "/personen/{id}/wissen", page_person_erase, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ADMIN},
#undef EDIT_FORM

    /* Analyses and views over the whole registry: map, network, overlap,
     * role changes, office holders, the calendar, the change feed. */
    {GET, "/kaart", page_map, ROUTE_PAGE, ROUTE_CACHE, map_page_params},
    {GET, "/kaart.csv", page_map_csv, ROUTE_PAGE, 0, map_page_params},
    /* the API's GeoJSON as a download; a page route, so errors are HTML */
    {GET, "/kaart.geojson", api_map_download, ROUTE_PAGE, 0, map_api_params},
    {GET, "/netwerk", page_network, ROUTE_PAGE, ROUTE_CACHE, network_params},
    {GET, "/netwerk.csv", page_network_csv, ROUTE_PAGE, ROUTE_CACHE, network_params},
    /* the overview of the analyses (the "Analyses" menu item) */
    {GET, "/analyse", page_analysis_index, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/analyse/overlap", page_overlap, ROUTE_PAGE, ROUTE_CACHE, overlap_params},
    {GET, "/analyse/overlap.csv", page_overlap_csv, ROUTE_PAGE, ROUTE_CACHE, overlap_csv_params},
    {GET, "/analyse/rolwisselingen", page_role_changes, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/analyse/bestuurders", page_bestuurders, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/kalender", page_calendar, ROUTE_PAGE, ROUTE_CACHE, calendar_params},
    {GET, "/wijzigingen", page_changes, ROUTE_PAGE, ROUTE_CACHE, history_changes_params},
    {GET, "/wijzigingen.atom", page_changes_atom, ROUTE_PAGE, ROUTE_CACHE, history_changes_params},
    /* change-set import (upload): one import batch in the history */
    {GET, "/wijzigingen/import/{id}", page_import_batch, ROUTE_PAGE, ROUTE_CACHE,
     history_batch_params},

    /* Open data: the download page and its files. */
    {GET, "/open-data", page_open_data, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/open-data/samenwerkingsatlas.json", page_open_data_json, ROUTE_PAGE, ROUTE_CACHE,
     no_params},
    {GET, "/open-data/samenwerkingsverbanden.csv", page_open_data_collabs_csv, ROUTE_PAGE,
     ROUTE_CACHE, no_params},
    {GET, "/open-data/deelnames.csv", page_open_data_parts_csv, ROUTE_PAGE, ROUTE_CACHE, no_params},
    {GET, "/open-data/organisaties.csv", page_open_data_orgs_csv, ROUTE_PAGE, ROUTE_CACHE,
     no_params},
    {GET, "/open-data/bronnen.csv", page_open_data_sources_csv, ROUTE_PAGE, ROUTE_CACHE, no_params},

    /* Signing in and out, the user's own account and API tokens. */
    {GET, "/inloggen", page_login, ROUTE_PAGE, 0, login_params},
    {HTTP_POST, "/inloggen", page_login_submit, ROUTE_PAGE, ROUTE_FORM, auth_no_params},
    {GET, "/inloggen/oidc", page_oidc_start, ROUTE_PAGE, 0, oidc_start_params},
    {GET, "/inloggen/oidc/terug", page_oidc_callback, ROUTE_PAGE, 0, oidc_callback_params},
    {HTTP_POST, "/uitloggen", page_logout, ROUTE_PAGE, ROUTE_FORM | ROUTE_CSRF, auth_no_params,
     USER_ROLE_EDITOR},
    {GET, "/account", page_account, ROUTE_PAGE, 0, auth_no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/account/sleutels", page_account_token_create, ROUTE_PAGE, ROUTE_FORM | ROUTE_CSRF,
     auth_no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/account/sleutels/{id}/intrekken", page_account_token_revoke, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, auth_no_params, USER_ROLE_EDITOR},

    /* Administration: the overview (staff), users and roles
     * (administrators), imports (staff). */
    /* Relations ("Relatie en ontmoeten", pages/relaties.c): province staff;
     * a partner editor sees the shared records of their own organisation
     * (checked per object in app/relaties.c). Never cached. */
    {GET, "/relaties", page_relaties, ROUTE_PAGE, 0, relaties_overview_params,
     USER_ROLE_ACCOUNT_MGR},
    {GET, "/relaties/{code}", page_relaties_partner, ROUTE_PAGE, 0, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/relaties/{code}/contactmomenten", page_relaties_contact_add, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/relaties/{code}/signalen", page_relaties_signal_add, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/relaties/{code}/vervolgacties", page_relaties_follow_up_add, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/relaties/{code}/accounthouders", page_relaties_manager_add, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    {HTTP_POST, "/relaties/signalen/{id}/status", page_relaties_signal_status, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/relaties/vervolgacties/{id}/status", page_relaties_follow_up_status, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/relaties/accounthouders/{id}/beeindigen", page_relaties_manager_end, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},

    /* Events ("Bijeenkomsten", pages/bijeenkomsten.c): public list, page and
     * iCal; the registration form is open to everyone (its CSRF check is the
     * handler's), the mailed links carry their own token; staff (accounthouder
     * or higher) make events and see registrations. Never cached. */
    {GET, "/bijeenkomsten", page_bijeenkomsten, ROUTE_PAGE, 0, no_params},
    {GET, "/bijeenkomsten.ics", page_bijeenkomsten_ics, ROUTE_PAGE, 0, no_params},
    {HTTP_POST, "/bijeenkomsten", page_bijeenkomst_create, ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/bijeenkomsten/nieuw", page_bijeenkomst_new, ROUTE_PAGE, 0, no_params,
     USER_ROLE_ACCOUNT_MGR},
    {GET | HTTP_POST, "/bijeenkomsten/bevestigen/{token}", page_bijeenkomst_confirm, ROUTE_PAGE,
     ROUTE_FORM, no_params},
    {GET | HTTP_POST, "/bijeenkomsten/afmelden/{token}", page_bijeenkomst_cancel, ROUTE_PAGE,
     ROUTE_FORM, no_params},
    {GET, "/bijeenkomsten/{id}", page_bijeenkomst, ROUTE_PAGE, 0, bijeenkomst_params},
    {GET, "/bijeenkomsten/{id}/bewerken", page_bijeenkomst_edit, ROUTE_PAGE, 0, no_params,
     USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/bewerken", page_bijeenkomst_update, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/aanmelden", page_bijeenkomst_register, ROUTE_PAGE, ROUTE_FORM,
     no_params},
    {HTTP_POST, "/bijeenkomsten/{id}/afmelden", page_bijeenkomst_unregister, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/bijeenkomsten/{id}/aanwezigheid", page_bijeenkomst_attendance, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/bijeenkomsten/{id}/aanmeldingen.csv", page_bijeenkomst_csv, ROUTE_PAGE, 0, no_params,
     USER_ROLE_ACCOUNT_MGR},
    /* After the event (pages/bijeenkomsten_verslag.c): report, documents,
     * contact log and follow-ups; one registration corrected or removed. */
    {GET, "/bijeenkomsten/{id}/verslag", page_bijeenkomst_verslag, ROUTE_PAGE, 0,
     bijeenkomst_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/verslag", page_bijeenkomst_verslag_save, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/documenten", page_bijeenkomst_document_add, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/documenten/{did}/verwijderen",
     page_bijeenkomst_document_remove, ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM, no_params,
     USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/contactlog", page_bijeenkomst_contactlog, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/vervolgacties", page_bijeenkomst_follow_up, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/bijeenkomsten/{id}/aanmeldingen/{rid}", page_bijeenkomst_registration, ROUTE_PAGE, 0,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/aanmeldingen/{rid}", page_bijeenkomst_registration_save,
     ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/bijeenkomsten/{id}/aanmeldingen/{rid}/verwijderen",
     page_bijeenkomst_registration_remove, ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM, no_params,
     USER_ROLE_ACCOUNT_MGR},
    /* Agenda in samenspraak (pages/bijeenkomsten_agenda.c): partner editors
     * propose and support items, province staff decide (checked per object
     * in app/bijeenkomsten_agenda.c). */
    {HTTP_POST, "/bijeenkomsten/{id}/agendapunten", page_bijeenkomst_agenda_propose, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/bijeenkomsten/{id}/agendapunten/{punt}/steun", page_bijeenkomst_agenda_support,
     ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/bijeenkomsten/{id}/agendapunten/{punt}/besluit", page_bijeenkomst_agenda_decide,
     ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    /* Instrument requests (pages/instrumenten.c): the overview is public
     * (what it shows depends on the reader: never cached); requests are
     * made by partner editors and province staff, decided by province
     * staff (checked per object in app/instrumenten.c). */
    {GET, "/instrumenten", page_instrumenten, ROUTE_PAGE, 0, no_params},
    {GET | HTTP_POST, "/instrumenten/nieuw", page_instrument_new, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, instrumenten_new_params, USER_ROLE_EDITOR},
    {GET, "/instrumenten/{id}", page_instrument_show, ROUTE_PAGE, 0, no_params},
    {HTTP_POST, "/instrumenten/{id}/status", page_instrument_status, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/instrumenten/{id}/samenwerkingsverband", page_instrument_collab, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/instrumenten/{id}/steun", page_instrument_support, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    /* The indicator store (pages/indicatoren.c): public open data, read per
     * request (module data outside the snapshot: not cached). */
    {GET, "/kennis/indicatoren", page_indicatoren, ROUTE_PAGE, 0, no_params},
    /* The upload (pages/indicatoren_import.c): the roles that import registry
     * data; before {key}, which would otherwise take "importeren". */
    {GET, "/kennis/indicatoren/importeren", page_indicatoren_import, ROUTE_PAGE, 0, no_params,
     USER_ROLE_STAFF},
    {HTTP_POST, "/kennis/indicatoren/importeren", page_indicatoren_import_submit, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM | ROUTE_UPLOAD, no_params, USER_ROLE_STAFF},
    {GET, "/kennis/indicatoren/{key}", page_indicator_show, ROUTE_PAGE, 0, indicatoren_show_params},
    /* one indicator across chosen gemeenten (pages/indicatoren_vergelijk.c) */
    {GET, "/kennis/vergelijk", page_indicatoren_vergelijk, ROUTE_PAGE, 0,
     indicatoren_vergelijk_params},
    {GET, "/kennis/vergelijk.csv", page_indicatoren_vergelijk_csv, ROUTE_PAGE, 0,
     indicatoren_vergelijk_csv_params},

    /* The knowledge base (pages/bibliotheek.c): lists and items are public
     * as far as the reader may see them (never cached); signed-in editors
     * add items of their own organisation, staff manage all (checked per
     * object in app/bibliotheek.c). */
    {GET, "/kennis/bibliotheek", page_bibliotheek, ROUTE_PAGE, 0, bibliotheek_list_params},
    {GET | HTTP_POST, "/kennis/bibliotheek/nieuw", page_bibliotheek_new, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    {GET, "/kennis/bibliotheek/{id}", page_bibliotheek_show, ROUTE_PAGE, 0, no_params},
    {GET | HTTP_POST, "/kennis/bibliotheek/{id}/bewerken", page_bibliotheek_edit, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/kennis/bibliotheek/{id}/verwijderen", page_bibliotheek_delete, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},

    {GET, "/beheer", page_admin_home, ROUTE_PAGE, 0, no_params, USER_ROLE_STAFF},
    {GET, "/beheer/gebruikers", page_users, ROUTE_PAGE, 0, auth_no_params, USER_ROLE_ADMIN},
    {HTTP_POST, "/beheer/gebruikers", page_users_add, ROUTE_PAGE, ROUTE_FORM | ROUTE_CSRF,
     auth_no_params, USER_ROLE_ADMIN},
    {GET, "/beheer/gebruikers/{naam}", page_user_show, ROUTE_PAGE, 0, auth_no_params,
     USER_ROLE_ADMIN},
    {HTTP_POST, "/beheer/gebruikers/{naam}/rol", page_user_set_role, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, auth_no_params, USER_ROLE_ADMIN},
    {HTTP_POST, "/beheer/gebruikers/{naam}/status", page_user_set_status, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, auth_no_params, USER_ROLE_ADMIN},
    {GET, "/beheer/import", page_import, ROUTE_PAGE, 0, no_params, USER_ROLE_STAFF},
    {HTTP_POST, "/beheer/import", page_import_submit, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM | ROUTE_UPLOAD, no_params, USER_ROLE_STAFF},
    /* the outbox of e-mail (pages/outbox.c): addresses are personal data */
    {GET, "/beheer/uitgaande-post", page_outbox, ROUTE_PAGE, 0, outbox_page_params,
     USER_ROLE_STAFF},
    {HTTP_POST, "/beheer/uitgaande-post/{id}/opnieuw", page_outbox_retry, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    /* the knowledge line's landing page (pages/kennis.c) */
    {GET, "/kennis", page_kennis, ROUTE_PAGE, 0, no_params},
    /* "Wie weet wat": experts' listings, signed-in users only (pages/deskundigen.c) */
    {GET, "/kennis/wie-weet-wat", page_deskundigen, ROUTE_PAGE, 0, deskundigen_params,
     USER_ROLE_EDITOR},
    {GET | HTTP_POST, "/kennis/wie-weet-wat/mijn-vermelding", page_deskundige_mine, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/kennis/wie-weet-wat/mijn-vermelding/verwijderen", page_deskundige_remove,
     ROUTE_PAGE, ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},
    /* personal data requests by e-mail address (pages/persoonsgegevens.c) */
    {GET, "/beheer/persoonsgegevens", page_persoonsgegevens, ROUTE_PAGE, 0, no_params,
     USER_ROLE_ADMIN},
    {HTTP_POST, "/beheer/persoonsgegevens", page_persoonsgegevens_post, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ADMIN},

    /* Interbestuurlijk toezicht (pages/toezicht*.c): the public view and
     * its exports, an organisation's history, one assessment (visible per
     * reader: app/toezicht.c), the supervisors' form and moves, the
     * editors' responses, the administrators' configuration. Never cached. */
    {GET, "/toezicht", page_toezicht, ROUTE_PAGE, 0, toezicht_params},
    {GET, "/toezicht.csv", page_toezicht_csv, ROUTE_PAGE, 0, toezicht_params},
    {GET, "/toezicht.geojson", api_toezicht_geojson, ROUTE_PAGE, 0, toezicht_params},
    {GET, "/toezicht/beoordelingen/nieuw", page_toezicht_new, ROUTE_PAGE, 0, toezicht_notice_params,
     USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/toezicht/beoordelingen", page_toezicht_create, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_SUPERVISOR},
    {GET, "/toezicht/beoordelingen/{id}", page_toezicht_assessment, ROUTE_PAGE, 0,
     toezicht_notice_params},
    {HTTP_POST, "/toezicht/beoordelingen/{id}/status", page_toezicht_move, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/toezicht/beoordelingen/{id}/reactie", page_toezicht_respond, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_EDITOR},
    {GET, "/organisaties/{code}/toezicht", page_toezicht_org, ROUTE_PAGE, 0, no_params},
    /* Measuring the programme (pages/evaluatie*.c): the overview and the
     * results of released rounds for everyone; the item bank, rounds,
     * their status, release and response links for programme staff (per
     * round in app/evaluatie.c); the questionnaire behind a response link
     * for anyone holding it (the token is the form's secret). */
    {GET, "/evaluatie", page_evaluatie, ROUTE_PAGE, 0, evaluatie_notice_params},
    {GET, "/evaluatie/vragen", page_evaluatie_items, ROUTE_PAGE, 0, evaluatie_notice_params,
     USER_ROLE_STAFF},
    {HTTP_POST, "/evaluatie/vragen", page_evaluatie_item_create, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    {GET, "/evaluatie/vragen/nieuw", page_evaluatie_item_new, ROUTE_PAGE, 0, no_params,
     USER_ROLE_STAFF},
    {GET, "/evaluatie/vragen/{id}", page_evaluatie_item, ROUTE_PAGE, 0, evaluatie_notice_params,
     USER_ROLE_STAFF},
    {HTTP_POST, "/evaluatie/vragen/{id}", page_evaluatie_item_save, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    {GET, "/evaluatie/rondes/nieuw", page_evaluatie_round_new, ROUTE_PAGE, 0, no_params,
     USER_ROLE_STAFF},
    {HTTP_POST, "/evaluatie/rondes", page_evaluatie_round_create, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    {GET, "/evaluatie/{ronde}", page_evaluatie_results, ROUTE_PAGE, 0, no_params},
    {GET, "/evaluatie/{ronde}/resultaten.csv", page_evaluatie_results_csv, ROUTE_PAGE, 0,
     no_params},
    {GET, "/evaluatie/{ronde}/beheer", page_evaluatie_round_admin, ROUTE_PAGE, 0,
     evaluatie_notice_params, USER_ROLE_STAFF},
    {HTTP_POST, "/evaluatie/{ronde}/status", page_evaluatie_round_status, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    {HTTP_POST, "/evaluatie/{ronde}/vrijgeven", page_evaluatie_round_release, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    {HTTP_POST, "/evaluatie/{ronde}/links", page_evaluatie_links, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_STAFF},
    {GET | HTTP_POST, "/enquete/{token}", page_evaluatie_respond, ROUTE_PAGE, ROUTE_FORM,
     no_params},
    /* The intervention ladder, its agreements and the dialogue log
     * (pages/toezicht_ladder.c): a step record is visible per reader
     * (app/toezicht_ladder.c); supervisors write. */
    {GET, "/organisaties/{code}/toezicht/ladder", page_toezicht_ladder_form, ROUTE_PAGE, 0,
     no_params, USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/organisaties/{code}/toezicht/ladder", page_toezicht_ladder_create, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_SUPERVISOR},
    {GET, "/organisaties/{code}/toezicht/dialoog", page_toezicht_dialogue_form, ROUTE_PAGE, 0,
     no_params, USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/organisaties/{code}/toezicht/dialoog", page_toezicht_dialogue_create, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_SUPERVISOR},
    {GET, "/toezicht/ladder/{id}", page_toezicht_ladder_show, ROUTE_PAGE, 0,
     toezicht_notice_params},
    {HTTP_POST, "/toezicht/ladder/{id}/einde", page_toezicht_ladder_end, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/toezicht/ladder/{id}/afspraken", page_toezicht_agreement_add, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_SUPERVISOR},
    {GET, "/toezicht/afspraken/{id}", page_toezicht_agreement, ROUTE_PAGE, 0, no_params,
     USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/toezicht/afspraken/{id}", page_toezicht_agreement_save, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_SUPERVISOR},
    {GET, "/beheer/toezicht", page_toezicht_admin, ROUTE_PAGE, 0, toezicht_notice_params,
     USER_ROLE_ADMIN},
    {HTTP_POST, "/beheer/toezicht/domeinen", page_toezicht_domain_add, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_ADMIN},
    {GET, "/beheer/toezicht/domeinen/{key}", page_toezicht_domain, ROUTE_PAGE, 0,
     toezicht_notice_params, USER_ROLE_ADMIN},
    {HTTP_POST, "/beheer/toezicht/domeinen/{key}", page_toezicht_domain_update, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_ADMIN},
    {HTTP_POST, "/beheer/toezicht/domeinen/{key}/labels", page_toezicht_labels_update, ROUTE_PAGE,
     ROUTE_FORM | ROUTE_CSRF, no_params, USER_ROLE_ADMIN},

    /* Funding calls ("Subsidiekansen", pages/subsidiekansen.c): the list,
     * a call and the iCal feed of deadlines are public; province staff
     * record and change calls, partner editors mark interest (checked per
     * object in app/subsidiekansen.c). Never cached. */
    {GET, "/kennis/subsidiekansen", page_subsidiekansen, ROUTE_PAGE, 0, subsidiekansen_params},
    {HTTP_POST, "/kennis/subsidiekansen", page_subsidiekans_create, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/kennis/subsidiekansen.ics", page_subsidiekansen_ics, ROUTE_PAGE, 0, no_params},
    {GET, "/kennis/subsidiekansen/nieuw", page_subsidiekans_new, ROUTE_PAGE, 0, no_params,
     USER_ROLE_ACCOUNT_MGR},
    {GET, "/kennis/subsidiekansen/{id}", page_subsidiekans, ROUTE_PAGE, 0, subsidiekans_params},
    {GET, "/kennis/subsidiekansen/{id}/bewerken", page_subsidiekans_edit, ROUTE_PAGE, 0, no_params,
     USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/kennis/subsidiekansen/{id}/bewerken", page_subsidiekans_update, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/kennis/subsidiekansen/{id}/interesse", page_subsidiekans_interest, ROUTE_PAGE,
     ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR},

    /* API, collaborations and participations: reads, and writes that need
     * a personal API token (ROUTE_TOKEN; a web session does not count). */
    {GET, "/api/v1/samenwerkingsverbanden", api_collab_list, ROUTE_API,
     ROUTE_CACHE | ROUTE_SCOPE_LIST, collab_filter_params},
    {HTTP_POST, "/api/v1/samenwerkingsverbanden", api_collab_create, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    {GET, "/api/v1/samenwerkingsverbanden/{id}", api_collab_get, ROUTE_API,
     ROUTE_CACHE | ROUTE_SCOPE_COLLAB, no_params},
    {HTTP_PUT, "/api/v1/samenwerkingsverbanden/{id}", api_collab_put, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    {HTTP_PATCH, "/api/v1/samenwerkingsverbanden/{id}", api_collab_patch, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    {HTTP_DELETE, "/api/v1/samenwerkingsverbanden/{id}", api_collab_delete, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/api/v1/samenwerkingsverbanden/{id}/deelnemers", api_part_create, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_EDITOR},
    {GET, "/api/v1/samenwerkingsverbanden/{id}/deelnemers/{deelname}", api_part_get, ROUTE_API,
     ROUTE_CACHE, no_params},
    {HTTP_PATCH, "/api/v1/samenwerkingsverbanden/{id}/deelnemers/{deelname}", api_part_patch,
     ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_EDITOR},
    {HTTP_DELETE, "/api/v1/samenwerkingsverbanden/{id}/deelnemers/{deelname}", api_part_delete,
     ROUTE_API, ROUTE_TOKEN, api_part_delete_params, USER_ROLE_EDITOR},
    {GET, "/api/v1/samenwerkingsverbanden/{id}/zetels", api_collab_seats, ROUTE_API, 0, no_params},
    /* the figures of the active participants (api/api_samenwerking_cijfers.c):
     * public open data, read per request from the indicator store */
    {GET, "/api/v1/samenwerkingsverbanden/{id}/cijfers", api_samenwerking_cijfers, ROUTE_API, 0,
     no_params},
    {GET, "/api/v1/samenwerkingsverbanden/{id}/rollen", api_collab_roles, ROUTE_API, 0, no_params},
    {GET, "/api/v1/samenwerkingsverbanden/{id}/fasen", api_collab_phases, ROUTE_API, 0, no_params},
    {GET, "/api/v1/samenwerkingsverbanden/{id}/afspraken", api_collab_agreements, ROUTE_API, 0,
     no_params},

    /* API, corrections ("Meld wat niet klopt"): anyone proposes; reviewers
     * read and handle with a personal API token (checked by the handler). */
    {HTTP_POST, "/api/v1/correcties", api_corrections_create, ROUTE_API, 0, no_params},
    {GET, "/api/v1/correcties", api_corrections_list, ROUTE_API, 0, api_corrections_list_params,
     USER_ROLE_EDITOR},
    {HTTP_POST, "/api/v1/correcties/{id}/overnemen", api_correction_accept, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/api/v1/correcties/{id}/afwijzen", api_correction_reject, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},

    /* API, relations: personal API tokens only (checked by the handler);
     * what a token sees follows the same rules as the pages. */
    {GET, "/api/v1/kennis/deskundigen", api_deskundigen_list, ROUTE_API, 0, api_deskundigen_params,
     USER_ROLE_EDITOR},
    {GET, "/api/v1/relaties", api_relaties_list, ROUTE_API, 0, no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/api/v1/relaties/{code}", api_relaties_show, ROUTE_API, 0, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/api/v1/relaties/{code}/contactmomenten", api_relaties_contact_add, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/relaties/{code}/signalen", api_relaties_signal_add, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/relaties/{code}/vervolgacties", api_relaties_follow_up_add, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_PATCH, "/api/v1/signalen/{id}", api_relaties_signal_patch, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_PATCH, "/api/v1/vervolgacties/{id}", api_relaties_follow_up_patch, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_ACCOUNT_MGR},

    /* API, events: open list and event (no personal data); writes with a
     * staff token; registrations for staff tokens only. */
    {GET, "/api/v1/bijeenkomsten", api_bijeenkomsten_list, ROUTE_API, 0, no_params},
    {HTTP_POST, "/api/v1/bijeenkomsten", api_bijeenkomst_create, ROUTE_API, ROUTE_TOKEN, no_params,
     USER_ROLE_ACCOUNT_MGR},
    {GET, "/api/v1/bijeenkomsten/{id}", api_bijeenkomst_show, ROUTE_API, 0, no_params},
    {HTTP_PATCH, "/api/v1/bijeenkomsten/{id}", api_bijeenkomst_patch, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/api/v1/bijeenkomsten/{id}/aanmeldingen", api_bijeenkomst_registrations, ROUTE_API, 0,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_PATCH, "/api/v1/bijeenkomsten/{id}/aanmeldingen/{rid}",
     api_bijeenkomst_registration_patch, ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_DELETE, "/api/v1/bijeenkomsten/{id}/aanmeldingen/{rid}",
     api_bijeenkomst_registration_delete, ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/api/v1/bijeenkomsten/{id}/verslag", api_bijeenkomst_verslag, ROUTE_API, 0, no_params},
    {HTTP_PUT, "/api/v1/bijeenkomsten/{id}/verslag", api_bijeenkomst_verslag_put, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/bijeenkomsten/{id}/documenten", api_bijeenkomst_document_add, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_DELETE, "/api/v1/bijeenkomsten/{id}/documenten/{did}", api_bijeenkomst_document_delete,
     ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/bijeenkomsten/{id}/contactmomenten", api_bijeenkomst_contactlog, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/bijeenkomsten/{id}/vervolgacties", api_bijeenkomst_follow_up, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    /* API, agenda in samenspraak: the programme open, proposals for the
     * tokens of partners and staff; writes with a personal API token. */
    {GET, "/api/v1/bijeenkomsten/{id}/agenda", api_bijeenkomst_agenda, ROUTE_API, 0, no_params},
    {HTTP_POST, "/api/v1/bijeenkomsten/{id}/agendapunten", api_bijeenkomst_agenda_propose,
     ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_EDITOR},
    {GET, "/api/v1/agendapunten/{id}", api_agendapunt_show, ROUTE_API, 0, no_params},
    {HTTP_PATCH, "/api/v1/agendapunten/{id}", api_agendapunt_patch, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/agendapunten/{id}/steun", api_agendapunt_support, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    /* API, instrument requests: the public ones open; the rest and every
     * write with a personal API token (checked by the handler). */
    {GET, "/api/v1/instrumenten", api_instrumenten_list, ROUTE_API, 0, no_params},
    {GET, "/api/v1/instrumenten/{id}", api_instrument_show, ROUTE_API, 0, no_params},
    {HTTP_POST, "/api/v1/instrumenten", api_instrument_create, ROUTE_API, ROUTE_TOKEN, no_params,
     USER_ROLE_EDITOR},
    {HTTP_PATCH, "/api/v1/instrumenten/{id}", api_instrument_patch, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/instrumenten/{id}/steun", api_instrument_support, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    /* API, funding calls: the list and a call open (the interested
     * organisations for staff tokens only); writes with a personal token. */
    {GET, "/api/v1/kennis/subsidiekansen", api_subsidiekansen_list, ROUTE_API, 0,
     api_subsidiekansen_params},
    {HTTP_POST, "/api/v1/kennis/subsidiekansen", api_subsidiekans_create, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_ACCOUNT_MGR},
    {GET, "/api/v1/kennis/subsidiekansen/{id}", api_subsidiekans_show, ROUTE_API, 0, no_params},
    {HTTP_PATCH, "/api/v1/kennis/subsidiekansen/{id}", api_subsidiekans_patch, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_ACCOUNT_MGR},
    {HTTP_POST, "/api/v1/kennis/subsidiekansen/{id}/interesse", api_subsidiekans_interest,
     ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_EDITOR},
    {HTTP_DELETE, "/api/v1/kennis/subsidiekansen/{id}/interesse", api_subsidiekans_withdraw,
     ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_EDITOR},

    /* API, interbestuurlijk toezicht: domains and established assessments
     * for everyone; concept and in-dialogue ones only as app/toezicht.c
     * allows the token's user; writes with a personal token. */
    /* API, measuring the programme: released aggregates only. */
    {GET, "/api/v1/evaluatie/rondes", api_evaluatie_rounds, ROUTE_API, 0, no_params},
    {GET, "/api/v1/evaluatie/rondes/{id}/resultaten", api_evaluatie_results, ROUTE_API, 0,
     no_params},
    {GET, "/api/v1/toezicht/domeinen", api_toezicht_domains, ROUTE_API, 0, no_params},
    {GET, "/api/v1/toezicht/beoordelingen", api_toezicht_list, ROUTE_API, 0, api_toezicht_params},
    {HTTP_POST, "/api/v1/toezicht/beoordelingen", api_toezicht_create, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_SUPERVISOR},
    {GET, "/api/v1/toezicht/beoordelingen/{id}", api_toezicht_show, ROUTE_API, 0, no_params},
    {HTTP_POST, "/api/v1/toezicht/beoordelingen/{id}/status", api_toezicht_move, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/api/v1/toezicht/beoordelingen/{id}/reacties", api_toezicht_respond, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_EDITOR},
    /* API, the intervention ladder and the dialogue log: public step
     * records for everyone, the rest as app/toezicht_ladder.c allows the
     * token's user; the dialogue log only with a token; writes by
     * supervisors with a personal token. */
    {GET, "/api/v1/toezicht/ladder", api_toezicht_ladder_list, ROUTE_API, 0,
     api_toezicht_ladder_params},
    {HTTP_POST, "/api/v1/toezicht/ladder", api_toezicht_ladder_create, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_SUPERVISOR},
    {GET, "/api/v1/toezicht/ladder/{id}", api_toezicht_ladder_show, ROUTE_API, 0, no_params},
    {HTTP_POST, "/api/v1/toezicht/ladder/{id}/einde", api_toezicht_ladder_end, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/api/v1/toezicht/ladder/{id}/afspraken", api_toezicht_agreement_add, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_SUPERVISOR},
    {HTTP_POST, "/api/v1/toezicht/afspraken/{id}", api_toezicht_agreement_save, ROUTE_API,
     ROUTE_TOKEN, no_params, USER_ROLE_SUPERVISOR},
    {GET, "/api/v1/toezicht/dialoog", api_toezicht_dialogue_list, ROUTE_API, 0,
     api_toezicht_ladder_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/api/v1/toezicht/dialoog", api_toezicht_dialogue_create, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_SUPERVISOR},

    /* API, the indicator store: public, read only. */
    {GET, "/api/v1/kennis/indicatoren", api_indicatoren_list, ROUTE_API, 0, no_params},
    /* API, the indicator import (staff tokens); before {key}. */
    {HTTP_POST, "/api/v1/kennis/indicatoren/importen", api_indicatoren_import, ROUTE_API,
     ROUTE_TOKEN | ROUTE_UPLOAD, api_indicatoren_import_params, USER_ROLE_STAFF},
    {GET, "/api/v1/kennis/indicatoren/{key}", api_indicator_show, ROUTE_API, 0, no_params},
    {GET, "/api/v1/kennis/indicatoren/{key}/waarden", api_indicator_values, ROUTE_API, 0,
     api_indicator_values_params},
    {GET, "/api/v1/financien/gemeenten/{code}", api_financien_gemeente, ROUTE_API, 0,
     api_financien_params},
    {GET, "/api/v1/financien/taakvelden/{code}", api_financien_taakveld, ROUTE_API, 0,
     api_financien_national_params},
    /* API, the kengetallen: the computed ratios public; the inputs for
     * staff and the gemeente's own editors (app/financien_kengetallen.c). */
    {GET, "/api/v1/financien/gemeenten/{code}/kengetallen", api_kengetallen, ROUTE_API, 0,
     api_kengetallen_params},
    {GET, "/api/v1/financien/gemeenten/{code}/kengetallen/invoer", api_kengetallen_invoer,
     ROUTE_API, 0, api_kengetallen_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/api/v1/financien/gemeenten/{code}/kengetallen/invoer",
     api_kengetallen_invoer_save, ROUTE_API, ROUTE_TOKEN, no_params, USER_ROLE_EDITOR},
    {HTTP_POST, "/api/v1/financien/gemeenten/{code}/kengetallen/importen", api_kengetallen_import,
     ROUTE_API, ROUTE_TOKEN | ROUTE_UPLOAD, api_kengetallen_import_params, USER_ROLE_EDITOR},
    {GET, "/api/v1/kennis/gemeenten/{code}/dashboard", api_indicatoren_dashboard, ROUTE_API, 0,
     api_indicatoren_dashboard_params},
    {GET, "/api/v1/kennis/vergelijk", api_indicatoren_vergelijk, ROUTE_API, 0,
     api_indicatoren_vergelijk_params},

    /* API, the knowledge base: public items open; items for partners and
     * every write with a personal API token (checked by the handler). */
    {GET, "/api/v1/kennis/publicaties", api_bibliotheek_list, ROUTE_API, 0,
     api_bibliotheek_list_params},
    {GET, "/api/v1/kennis/publicaties/{id}", api_bibliotheek_show, ROUTE_API, 0, no_params},
    {HTTP_POST, "/api/v1/kennis/publicaties", api_bibliotheek_create, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    {HTTP_PATCH, "/api/v1/kennis/publicaties/{id}", api_bibliotheek_patch, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},
    {HTTP_DELETE, "/api/v1/kennis/publicaties/{id}", api_bibliotheek_delete, ROUTE_API, ROUTE_TOKEN,
     no_params, USER_ROLE_EDITOR},

    /* API, change-set import (staff tokens): plan, or apply with ?toepassen=true. */
    {HTTP_POST, "/api/v1/wijzigingen", api_changeset_import, ROUTE_API, ROUTE_TOKEN | ROUTE_UPLOAD,
     api_changeset_params, USER_ROLE_STAFF},

    /* API, the outbox of e-mail (staff tokens; addresses are personal data). */
    {GET, "/api/v1/uitgaande-post", api_outbox_list, ROUTE_API, ROUTE_TOKEN, api_outbox_params,
     USER_ROLE_STAFF},

    /* API, organisations, policy domains and people. */
    {GET, "/api/v1/organisaties", api_org_list, ROUTE_API, ROUTE_CACHE, org_list_params},
    {GET, "/api/v1/organisaties/{code}", api_org_get, ROUTE_API, ROUTE_CACHE | ROUTE_SCOPE_ORG,
     no_params},
    {GET, "/api/v1/organisaties/{code}/deelnames", api_org_participations, ROUTE_API, ROUTE_CACHE,
     org_parts_params},
    {GET, "/api/v1/organisaties/{code}/overzicht", api_org_overview, ROUTE_API, ROUTE_CACHE,
     org_show_params},
    {GET, "/api/v1/beleidsdomeinen", api_domain_list, ROUTE_API, ROUTE_CACHE, no_params},
    /* provenance and search (module provenance) */
    {GET, "/api/v1/samenwerkingsverbanden/{id}/herkomst", api_collab_provenance, ROUTE_API,
     ROUTE_CACHE, no_params},
    {GET, "/api/v1/organisaties/{code}/herkomst", api_org_provenance, ROUTE_API, ROUTE_CACHE,
     no_params},
    {GET, "/api/v1/zoeken", api_search, ROUTE_API, ROUTE_CACHE, search_params},
    {GET, "/api/v1/personen", api_person_list, ROUTE_API, 0, api_person_list_params},
    {GET, "/api/v1/personen/{id}", api_person_get, ROUTE_API, 0, no_params},
    {GET, "/api/v1/personen/{id}/export", api_person_export, ROUTE_API, 0, no_params,
     USER_ROLE_ADMIN},

    /* API, analyses and exports. */
    {GET, "/api/v1/kaart", api_map, ROUTE_API, ROUTE_CACHE, map_api_params},
    {GET, "/api/v1/netwerk", api_network, ROUTE_API, ROUTE_CACHE, network_params},
    {GET, "/api/v1/analyse/overlap", api_overlap, ROUTE_API, ROUTE_CACHE, overlap_api_params},
    {GET, "/api/v1/export/roo.xml", api_export_roo, ROUTE_API, ROUTE_CACHE, no_params},
    {GET, "/api/v1/geo/organisaties", api_geo_orgs, ROUTE_API, ROUTE_CACHE, api_geo_params},

    /* API, about the API and the service. */
    {GET, "/api/v1/openapi.json", api_openapi, ROUTE_API, ROUTE_CACHE, no_params},
    {GET, "/api/v1/health", api_health, ROUTE_API, 0, no_params},

    /* Static files (CSS, JavaScript, fonts, images). */
    {GET, "/static/{*}", static_serve, ROUTE_STATIC, 0, no_params},
};

const int n_routes = (int)(sizeof routes / sizeof routes[0]);
