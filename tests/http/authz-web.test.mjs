// authz-web — the authorisation matrix of the web editing routes: every
// write route (and every edit form GET) × every role, in one table. For each
// cell the expected outcome is one of: login (anonymous GET → 303 to
// /inloggen; anonymous POST → 401), 403, ok (303 to the record page for a
// POST, 200 for a GET). Every refused attempt must change nothing: the API
// JSON of the records involved is compared before and after.
//
// Users are made with the CLI (`atlas user add ... --wachtwoord-stdin`);
// the fixture collaboration gets the "right" organisation as penvoerder
// through the web form as programmateam before the matrix runs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, login, anonymous, session, sql, allPages } from './harness.mjs';

let srv;
let anon; // the anonymous visitor
const S = {}; // sessions per role
const F = {}; // fixture keys and ids

// A GET, or a form POST with the session's csrf token, as sess (null: anonymous).
const req = (sess, method, p, fields) => (method === 'POST' ? (sess ?? anon).post(p, fields || []) : (sess ?? anon).get(p));

// The state that refused attempts must not change.
async function state() {
  const [c, e, o, list] = await Promise.all([
    anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`),
    anon.getJson(`/api/v1/samenwerkingsverbanden/${F.E}`),
    anon.getJson(`/api/v1/organisaties/${F.OWN}`),
    anon.getJson('/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=1'),
  ]);
  return JSON.stringify({ c, e, o, totaal: list.totaal });
}

async function partOf(key, org) {
  const c = await anon.getJson(`/api/v1/samenwerkingsverbanden/${key}`);
  return c.deelnemers.find((d) => d.organisatie.code === org && d.actief !== false);
}
// The organisation API has no version: read it from the edit form (as staff).
async function orgVersion(code) {
  const r = await req(S['programmateam'], 'GET', `/organisaties/${code}/bewerken`);
  return /name="versie" value="(\d+)"/.exec(r.text)[1];
}
async function versionOf(key) {
  return (await anon.getJson(`/api/v1/samenwerkingsverbanden/${key}`)).versie;
}

const ROLES = ['anoniem', 'redacteur-eigen', 'redacteur-ander', 'accounthouder', 'toezichthouder', 'programmateam', 'beheerder'];

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  const orgs = { organisaties: (await allPages(srv, '/api/v1/organisaties?soort=gemeente', 'organisaties')).items };
  // C: a collaboration; E: another one; OWN: a gemeente in neither; OTHER: a gemeente not in C
  F.C = list.samenwerkingsverbanden[0].id;
  F.E = list.samenwerkingsverbanden[1].id;
  const c = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const e = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.E}`);
  const inC = new Set(c.deelnemers.map((d) => d.organisatie.code));
  const inE = new Set(e.deelnemers.map((d) => d.organisatie.code));
  const free = orgs.organisaties.map((o) => o.code).filter((k) => !inC.has(k) && !inE.has(k));
  // a partner gemeente (in the province) for the relations routes, with its own editor
  F.PARTNER = orgs.organisaties.find((o) => o.inProvincie === true && o.code !== free[1]).code;
  assert.ok(free.length >= 4, 'need four gemeenten outside the two fixtures');
  [F.OWN, F.OTHER, F.S1, F.S2] = free;
  // who may propose and support agenda items: partner editors (red-ander when OTHER is a partner gemeente)
  const otherIsPartner = orgs.organisaties.find((o) => o.code === free[1]).inProvincie === true;
  F.AGENDA_PARTNERS = new Set(['redacteur-eigen', ...(otherIsPartner ? ['redacteur-ander'] : [])]);
  F.AGENDA_SUPPORT = new Set(otherIsPartner ? ['redacteur-ander'] : []);

  const users = [
    ['red-eigen', 'redacteur', F.OWN],
    ['red-ander', 'redacteur', F.OTHER],
    ['accounthouder1', 'accounthouder'],
    ['toezicht1', 'toezichthouder'],
    ['programma1', 'programmateam'],
    ['beheer1', 'beheerder'],
  ];
  for (const [n, rol, org] of users) addUser(srv.db, n, rol, { org });
  addUser(srv.db, 'red-partner', 'redacteur', { org: F.PARTNER });
  S['redacteur-partner'] = await login(srv.base, 'red-partner');
  S['anoniem'] = null;
  S['redacteur-eigen'] = await login(srv.base, 'red-eigen');
  S['redacteur-ander'] = await login(srv.base, 'red-ander');
  S['accounthouder'] = await login(srv.base, 'accounthouder1');
  S['toezichthouder'] = await login(srv.base, 'toezicht1');
  S['programmateam'] = await login(srv.base, 'programma1');
  S['beheerder'] = await login(srv.base, 'beheer1');

  // the right organisation becomes penvoerder of C (as programmateam)
  const r = await req(S['programmateam'], 'POST', `/samenwerkingsverbanden/${F.C}/deelnemers/nieuw`, [
    ['organisatie', F.OWN], ['orgaan', 'college'], ['rol', 'penvoerder'],
  ]);
  assert.equal(r.status, 303, `setup: add penvoerder: ${r.status} ${r.text.slice(0, 300)}`);
  F.P_OWN = (await partOf(F.C, F.OWN)).id;
});

after(async () => {
  await srv?.stop();
});

// ok-set: roles for which the route succeeds
const EDITORS_OK = new Set(['redacteur-eigen', 'programmateam', 'beheerder']);
const CREATE_OK = new Set(['redacteur-eigen', 'redacteur-ander', 'programmateam', 'beheerder']);

let counter = 0;
// The matrix rows, in order (ending C comes last). path/fields are functions
// so they can read the current versions.
const MATRIX = [
  { name: 'GET nieuw samenwerkingsverband', method: 'GET', path: () => '/samenwerkingsverbanden/nieuw', ok: CREATE_OK },
  {
    name: 'POST nieuw samenwerkingsverband', method: 'POST', path: () => '/samenwerkingsverbanden/nieuw', ok: CREATE_OK,
    fields: async () => [['naam', `Matrixverband ${++counter}`], ['soort', 'netwerk'], ['beleidsdomeinen', 'bestuur'],
      ['juridischeVorm', 'onbekend'], ['bevoegdheidsverkrijging', 'onbekend'], ['fase', 'groei']],
  },
  { name: 'GET bewerken samenwerkingsverband', method: 'GET', path: () => `/samenwerkingsverbanden/${F.C}/bewerken`, ok: EDITORS_OK },
  {
    name: 'POST bewerken samenwerkingsverband', method: 'POST', path: () => `/samenwerkingsverbanden/${F.C}/bewerken`, ok: EDITORS_OK,
    fields: async () => {
      const c = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
      return [['versie', String(c.versie)], ['naam', `${c.naam.replace(/ \(\d+\)$/, '')} (${++counter})`], ['korteNaam', c.korteNaam || ''],
        ['soort', c.soort], ['juridischeVorm', c.juridischeVorm || 'onbekend'], ['bevoegdheidsverkrijging', c.bevoegdheidsverkrijging || 'onbekend'],
        ...c.beleidsdomeinen.map((d) => ['beleidsdomeinen', d.code]), ['fase', c.fase || 'onbekend'], ['doel', c.doel || ''],
        ['vestigingsplaats', c.vestigingsplaats || ''], ['startdatum', c.startdatum || ''], ['einddatum', c.einddatum || ''],
        ['website', c.website || ''], ['opmerking', c.opmerking || '']];
    },
  },
  {
    name: 'POST bevestigen samenwerkingsverband', method: 'POST', path: () => `/samenwerkingsverbanden/${F.C}/bevestigen`, ok: EDITORS_OK,
    fields: async () => [['versie', String(await versionOf(F.C))]],
  },
  { name: 'GET deelnemer toevoegen', method: 'GET', path: () => `/samenwerkingsverbanden/${F.E}/deelnemers/nieuw`, ok: CREATE_OK },
  {
    name: 'POST deelnemer toevoegen', method: 'POST', path: () => `/samenwerkingsverbanden/${F.E}/deelnemers/nieuw`, ok: EDITORS_OK,
    // each role tries to add an organisation: the right editor their own,
    // staff/admin other free ones, everyone else the right editor's
    fields: async (role) => [['organisatie', role === 'programmateam' ? F.S1 : role === 'beheerder' ? F.S2 : F.OWN],
      ['orgaan', 'raad'], ['rol', 'deelnemer']],
  },
  { name: 'GET deelname bewerken', method: 'GET', path: () => `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P_OWN}/bewerken`, ok: EDITORS_OK },
  {
    name: 'POST deelname bewerken', method: 'POST', path: () => `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P_OWN}/bewerken`, ok: EDITORS_OK,
    fields: async () => {
      const p = await partOf(F.C, F.OWN);
      return [['versie', String(p.versie)], ['orgaan', 'college'], ['rol', 'penvoerder'], ['bijdrage', String(1000 + ++counter)],
        ['kostenverdeelsleutel', ''], ['toegetreden', ''], ['uitgetreden', ''], ['opmerking', '']];
    },
  },
  {
    name: 'POST deelname bevestigen', method: 'POST', path: () => `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P_OWN}/bevestigen`, ok: EDITORS_OK,
    fields: async () => [['versie', String((await partOf(F.C, F.OWN)).versie)]],
  },
  { name: 'GET organisatie bewerken', method: 'GET', path: () => `/organisaties/${F.OWN}/bewerken`, ok: EDITORS_OK },
  {
    name: 'POST organisatie bewerken', method: 'POST', path: () => `/organisaties/${F.OWN}/bewerken`, ok: EDITORS_OK,
    fields: async () => {
      const o = await anon.getJson(`/api/v1/organisaties/${F.OWN}`);
      return [['versie', await orgVersion(F.OWN)], ['naam', o.naam], ['inwoners', String(10000 + ++counter)], ['peildatumInwoners', '2025-01-01'],
        ['oppervlakte', ''], ['opmerking', `Matrix ${counter}`]];
    },
  },
  {
    name: 'POST organisatie bevestigen', method: 'POST', path: () => `/organisaties/${F.OWN}/bevestigen`, ok: EDITORS_OK,
    fields: async () => [['versie', await orgVersion(F.OWN)]],
  },
  {
    name: 'GET mijn organisatie', method: 'GET', path: () => '/mijn-organisatie',
    ok: new Set(ROLES.filter((r) => r !== 'anoniem')),
  },
  // the outbox of e-mail: addresses are personal data, staff only
  { name: 'GET uitgaande post', method: 'GET', path: () => '/beheer/uitgaande-post', ok: new Set(['programmateam', 'beheerder']) },
  // "Wie weet wat": every signed-in user sees it and lists (and removes) themself
  { name: 'GET wie weet wat', method: 'GET', path: () => '/kennis/wie-weet-wat', ok: new Set(ROLES.filter((r) => r !== 'anoniem')) },
  {
    name: 'POST mijn vermelding', method: 'POST', path: () => '/kennis/wie-weet-wat/mijn-vermelding', ok: new Set(ROLES.filter((r) => r !== 'anoniem')),
    okStatus: 303, // not a registry record: the listing itself is checked in tests/http/deskundigen.test.mjs
    fields: async () => [['expertise', 'Fictieve kennis van de matrix.'], ['trefwoorden', ''], ['contact', 'via de matrix'], ['bevestigen', 'ja']],
  },
  {
    name: 'POST vermelding verwijderen', method: 'POST', path: () => '/kennis/wie-weet-wat/mijn-vermelding/verwijderen', ok: new Set(ROLES.filter((r) => r !== 'anoniem')),
    okStatus: 303,
  },
  // personal data requests by e-mail address: administrators only
  { name: 'GET persoonsgegevens', method: 'GET', path: () => '/beheer/persoonsgegevens', ok: new Set(['beheerder']) },
  {
    name: 'POST persoonsgegevens zoeken', method: 'POST', path: () => '/beheer/persoonsgegevens', ok: new Set(['beheerder']),
    okStatus: 200, // a lookup: answers with the result page and changes nothing
    fields: async () => [['actie', 'zoeken'], ['email', 'niemand.bekend@voorbeeld.nl']],
  },
  {
    name: 'POST deelname beëindigen', method: 'POST',
    path: () => `/samenwerkingsverbanden/${F.E}/deelnemers/${F.P_E}/beeindigen`, ok: EDITORS_OK,
    before: async () => { F.P_E = (await partOf(F.E, F.OWN))?.id ?? F.P_E; },
    fields: async () => {
      const e = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.E}`);
      const p = e.deelnemers.find((d) => d.id === F.P_E);
      return [['versie', String(p.versie)], ['uittreding', '2026-01-01']];
    },
  },
  {
    name: 'POST beëindigen samenwerkingsverband', method: 'POST', path: () => `/samenwerkingsverbanden/${F.C}/beeindigen`, ok: EDITORS_OK,
    fields: async () => [['versie', String(await versionOf(F.C))]],
  },
];

test('authorisation matrix: every web write route × every role', async () => {
  const failures = [];
  for (const row of MATRIX) {
    if (row.before) await row.before();
    for (const role of ROLES) {
      const sess = S[role];
      const path = row.path(role);
      const fields = row.fields ? await row.fields(role) : undefined;
      const expect = role === 'anoniem' ? 'login' : row.ok.has(role) ? 'ok' : 403;
      const stBefore = await state();
      const r = await req(sess, row.method, path, fields);
      const stAfter = await state();
      let good;
      if (expect === 'login') {
        good = row.method === 'GET' ? r.status === 303 && /^\/inloggen\?terug=/.test(r.location || '') : r.status === 401;
      } else if (expect === 'ok') {
        good = row.okStatus ? r.status === row.okStatus
          : row.method === 'GET' ? r.status === 200 : r.status === 303 && !/inloggen/.test(r.location || '');
      } else {
        good = r.status === 403;
      }
      if (!good) failures.push(`${row.name} as ${role}: expected ${expect}, got ${r.status} ${r.location || ''} ${(/<ul class="utrecht-unordered-list">(.*?)<\/ul>/.exec(r.text) || /<main[^>]*>(.*?)<\/main>/s.exec(r.text) || ['', ''])[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
      if (expect !== 'ok' || row.method === 'GET' || row.okStatus) {
        if (stBefore !== stAfter) failures.push(`${row.name} as ${role}: refused/GET request changed the registry`);
      } else if (good && row.method === 'POST' && stBefore === stAfter && !/bevestigen|beeindigen/.test(path)) {
        // a successful edit must be visible (confirm/end may be no-ops on the same day)
        failures.push(`${row.name} as ${role}: success but nothing changed`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('a missing or wrong CSRF token gives 403 and changes nothing', async () => {
  const sess = S['programmateam'];
  const before = await state();
  for (const csrf of [null, 'verkeerd', sess.csrf.slice(0, -1) + (sess.csrf.endsWith('a') ? 'b' : 'a')]) {
    const p = new URLSearchParams();
    if (csrf !== null) p.append('csrf', csrf);
    p.append('versie', await orgVersion(F.OWN));
    p.append('naam', 'Gekaapt');
    const r = await fetch(`${srv.base}/organisaties/${F.OWN}/bewerken`, {
      method: 'POST', redirect: 'manual', body: p,
      headers: { cookie: sess.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(r.status, 403, `csrf ${csrf}`);
    await r.arrayBuffer();
  }
  assert.equal(await state(), before);
});

test('another editor\'s session token does not work for this session', async () => {
  const a = S['redacteur-eigen'];
  const b = S['programmateam'];
  const before = await state();
  const r = await req(session(srv.base, a.cookie, b.csrf), 'POST', `/organisaties/${F.OWN}/bevestigen`, [
    ['versie', await orgVersion(F.OWN)],
  ]);
  assert.equal(r.status, 403);
  assert.equal(await state(), before);
});

// The relations and instrument modules: their records are outside the
// registry, so refusals are checked against the module's own tables. Here
// "redacteur-eigen" is the editor of a partner gemeente (F.PARTNER).
const moduleState = () =>
  sql(srv.db, "SELECT (SELECT count(*) FROM contact_moment) || '|' || (SELECT count(*) FROM relation_signal) || '|' || " +
    "(SELECT count(*) FROM follow_up) || '|' || (SELECT count(*) FROM account_manager) || '|' || " +
    "(SELECT count(*) FROM instrument_request) || '|' || (SELECT coalesce(group_concat(status, ','), '') FROM instrument_request) || '|' || " +
    "(SELECT count(*) FROM event_agenda_item) || '|' || (SELECT count(*) FROM event_agenda_support) || '|' || " +
    "(SELECT coalesce(group_concat(status || sort_order, ','), '') FROM event_agenda_item) || '|' || " +
    "(SELECT count(*) FROM funding_call) || '|' || (SELECT coalesce(sum(version), 0) FROM funding_call) || '|' || " +
    "(SELECT count(*) FROM funding_interest) || '|' || " +
    "(SELECT count(*) FROM publication) || '|' || (SELECT coalesce(sum(version), 0) FROM publication)").trim();

// a funding call as form fields (fictional)
const skDay = new Date(Date.now() + 60 * 86400e3).toISOString().slice(0, 10);
const fundingFields = (title) => [['programma', 'life'], ['titel', title], ['link', 'https://voorbeeld.invalid/matrix'], ['opent', ''],
  ['deadline', skDay], ['wieKanAanvragen', ''], ['budget', '1.000'], ['cofinanciering', '10'], ['omschrijving', ''], ['statusNotitie', '']];

const PROVINCE_OK = new Set(['accounthouder', 'toezichthouder', 'programmateam', 'beheerder']);
const SIGNED_IN = new Set(ROLES.filter((r) => r !== 'anoniem'));
// the knowledge base: editors add for their own organisation, staff for any
const BIB_ADD = new Set(['redacteur-eigen', 'redacteur-ander', 'programmateam', 'beheerder']);
const BIB_OWNER = new Set(['redacteur-eigen', 'programmateam', 'beheerder']);
const bibItem = [['soort', 'publicatie'], ['url', ''], ['samenvatting', 'Fictief stuk voor de matrix.'], ['datum', '2026-01-01'],
  ['licentie', ''], ['zichtbaarheid', 'openbaar']];
const MODULE_MATRIX = [
  { name: 'GET relaties', method: 'GET', path: () => '/relaties', ok: PROVINCE_OK },
  { name: 'GET relatie eigen partner', method: 'GET', path: () => `/relaties/${F.PARTNER}`, ok: new Set(['redacteur-eigen', ...PROVINCE_OK]) },
  {
    name: 'POST contactmoment', method: 'POST', path: () => `/relaties/${F.PARTNER}/contactmomenten`, ok: PROVINCE_OK,
    fields: async () => [['datum', '2026-01-05'], ['soort', 'ambtelijk'], ['onderwerp', `Matrixoverleg ${++counter}`], ['vertrouwelijkheid', 'partner']],
  },
  {
    name: 'POST signaal', method: 'POST', path: () => `/relaties/${F.PARTNER}/signalen`, ok: PROVINCE_OK,
    fields: async () => [['titel', `Matrixsignaal ${++counter}`], ['ernst', 'laag'], ['vertrouwelijkheid', 'intern']],
  },
  {
    name: 'POST vervolgactie', method: 'POST', path: () => `/relaties/${F.PARTNER}/vervolgacties`, ok: PROVINCE_OK,
    fields: async () => [['titel', `Matrixactie ${++counter}`], ['eigenaar', 'programma1'], ['uiterlijk', '2099-01-01'], ['vertrouwelijkheid', 'intern']],
  },
  {
    name: 'POST accounthouder', method: 'POST', path: () => `/relaties/${F.PARTNER}/accounthouders`, ok: new Set(['programmateam', 'beheerder']),
    fields: async () => [['gebruiker', 'accounthouder1'], ['begindatum', '']],
  },
  { name: 'GET nieuwe aanvraag', method: 'GET', path: () => '/instrumenten/nieuw', ok: SIGNED_IN },
  {
    name: 'POST nieuwe aanvraag', method: 'POST', path: () => '/instrumenten/nieuw', ok: SIGNED_IN,
    fields: async (role) => [['soort', 'financiele_scan'], ['titel', `Matrixscan ${++counter}`], ['doel', ''],
      ...(PROVINCE_OK.has(role) ? [['organisatie', F.PARTNER]] : [])],
  },
  // agenda in samenspraak: partner editors propose and support (redacteur-ander
  // too when their gemeente is a partner), province staff decide
  {
    name: 'POST agendapunt voorstellen', method: 'POST', path: () => `/bijeenkomsten/${F.EV}/agendapunten`, get ok() { return F.AGENDA_PARTNERS; },
    fields: async () => [['titel', `Matrixpunt ${++counter}`], ['toelichting', '']],
  },
  { name: 'POST agendapunt steunen', method: 'POST', path: () => `/bijeenkomsten/${F.EV}/agendapunten/${F.AGI}/steun`, get ok() { return F.AGENDA_SUPPORT; } },
  {
    name: 'POST agendapunt besluit', method: 'POST', path: () => `/bijeenkomsten/${F.EV}/agendapunten/${F.AGI}/besluit`, ok: PROVINCE_OK,
    fields: async () => [['status', 'voorgesteld'], ['volgorde', String(++counter)], ['tijd', '']],
  },
  // funding calls: province staff record and change them; partner editors
  // mark interest for their own organisation and withdraw it
  { name: 'GET nieuwe subsidiekans', method: 'GET', path: () => '/kennis/subsidiekansen/nieuw', ok: PROVINCE_OK },
  {
    name: 'POST nieuwe subsidiekans', method: 'POST', path: () => '/kennis/subsidiekansen', ok: PROVINCE_OK,
    fields: async () => fundingFields(`Matrixoproep ${++counter}`),
  },
  { name: 'GET bewerken subsidiekans', method: 'GET', path: () => `/kennis/subsidiekansen/${F.SK}/bewerken`, ok: PROVINCE_OK },
  {
    name: 'POST bewerken subsidiekans', method: 'POST', path: () => `/kennis/subsidiekansen/${F.SK}/bewerken`, ok: PROVINCE_OK,
    fields: async () => [['versie', sql(srv.db, `SELECT version FROM funding_call WHERE id = ${F.SK}`).trim()], ...fundingFields(`Matrixoproep ${++counter}`)],
  },
  {
    name: 'POST interesse subsidiekans', method: 'POST', path: () => `/kennis/subsidiekansen/${F.SK}/interesse`, get ok() { return F.AGENDA_PARTNERS; },
    fields: async () => [['toelichting', '']],
  },
  {
    name: 'POST interesse intrekken', method: 'POST', path: () => `/kennis/subsidiekansen/${F.SK}/interesse`, get ok() { return F.AGENDA_PARTNERS; },
    fields: async () => [['actie', 'intrekken']],
  },

  { name: 'GET nieuw stuk bibliotheek', method: 'GET', path: () => '/kennis/bibliotheek/nieuw', ok: BIB_ADD },
  {
    name: 'POST nieuw stuk bibliotheek', method: 'POST', path: () => '/kennis/bibliotheek/nieuw', ok: BIB_ADD,
    fields: async (role) => [['titel', `Matrixstuk ${++counter}`], ...bibItem, ...(PROVINCE_OK.has(role) ? [['organisatie', F.PARTNER]] : [])],
  },
  { name: 'GET stuk bewerken', method: 'GET', path: () => `/kennis/bibliotheek/${F.BIB.shared}/bewerken`, ok: BIB_OWNER },
  {
    name: 'POST stuk bewerken', method: 'POST', path: () => `/kennis/bibliotheek/${F.BIB.shared}/bewerken`, ok: BIB_OWNER,
    fields: async (role) => [['titel', `Matrixstuk bewerkt ${++counter}`], ...bibItem,
      ['versie', sql(srv.db, `SELECT version FROM publication WHERE id = ${F.BIB.shared}`).trim()],
      ...(PROVINCE_OK.has(role) ? [['organisatie', F.PARTNER]] : [])],
  },
  { name: 'POST stuk verwijderen', method: 'POST', path: (role) => `/kennis/bibliotheek/${F.BIB[role]}/verwijderen`, ok: BIB_OWNER },
  {
    name: 'POST aanvraag behandelen', method: 'POST', path: (role) => `/instrumenten/${F.INS[role]}/status`, ok: PROVINCE_OK,
    fields: async () => [['status', 'in_behandeling'], ['besluitdatum', ''], ['bedragToegekend', ''], ['reden', '']],
  },
];

test('authorisation matrix of the relations, instrument, agenda, funding-call and knowledge-base routes × every role', async () => {
  // one fresh request per role for the decision row (each move succeeds once)
  F.INS = {};
  for (const role of ROLES) {
    const r = await req(S['programmateam'], 'POST', '/instrumenten/nieuw', [['soort', 'financiele_scan'], ['titel', `Matrix ${role}`], ['doel', ''], ['organisatie', F.PARTNER]]);
    assert.equal(r.status, 303, `setup ${role}: ${r.status}`);
    F.INS[role] = /\/instrumenten\/(\d+)/.exec(r.location)[1];
  }
  // knowledge-base items of the partner gemeente: one shared, one to remove per role
  F.BIB = {};
  for (const key of ['shared', ...ROLES]) {
    const r = await req(S['programmateam'], 'POST', '/kennis/bibliotheek/nieuw', [['titel', `Matrixbron ${key}`], ...bibItem, ['organisatie', F.PARTNER]]);
    assert.equal(r.status, 303, `setup bibliotheek ${key}: ${r.status} ${r.text.slice(0, 300)}`);
    F.BIB[key] = /\/kennis\/bibliotheek\/(\d+)/.exec(r.location)[1];
  }
  // an event, and an agenda item of the partner gemeente (F.PARTNER)
  const day = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
  const ev = await req(S['programmateam'], 'POST', '/bijeenkomsten', [['soort', 'netwerkdag'], ['doelgroep', ''], ['titel', 'Matrixnetwerkdag'],
    ['omschrijving', ''], ['begin', `${day}T10:00`], ['einde', `${day}T12:00`], ['locatie', 'Testdorp'], ['onlineLink', ''], ['casus', ''],
    ['capaciteit', '20'], ['aanmeldenTot', ''], ['organisator', 'Provincie (test)']]);
  assert.equal(ev.status, 303, `setup event: ${ev.status} ${ev.text.slice(0, 300)}`);
  F.EV = /\/bijeenkomsten\/(\d+)/.exec(ev.location)[1];
  const it = await req(S['redacteur-partner'], 'POST', `/bijeenkomsten/${F.EV}/agendapunten`, [['titel', 'Matrixagendapunt'], ['toelichting', '']]);
  assert.equal(it.status, 303, `setup agenda item: ${it.status}`);
  F.AGI = sql(srv.db, "SELECT id FROM event_agenda_item WHERE title = 'Matrixagendapunt'").trim();
  const sk = await req(S['programmateam'], 'POST', '/kennis/subsidiekansen', fundingFields('Matrixsubsidiekans'));
  assert.equal(sk.status, 303, `setup funding call: ${sk.status} ${sk.text.slice(0, 300)}`);
  F.SK = /\/kennis\/subsidiekansen\/(\d+)/.exec(sk.location)[1];
  const failures = [];
  for (const row of MODULE_MATRIX) {
    for (const role of ROLES) {
      const fields = row.fields ? await row.fields(role) : undefined;
      const expect = role === 'anoniem' ? 'login' : row.ok.has(role) ? 'ok' : 403;
      const before = moduleState();
      const r = await req(S[role === 'redacteur-eigen' ? 'redacteur-partner' : role], row.method, row.path(role), fields);
      const after = moduleState();
      const good =
        expect === 'login' ? (row.method === 'GET' ? r.status === 303 && /^\/inloggen\?terug=/.test(r.location || '') : r.status === 401)
          : expect === 'ok' ? (row.method === 'GET' ? r.status === 200 : r.status === 303 && !/inloggen/.test(r.location || ''))
            : r.status === 403;
      if (!good) failures.push(`${row.name} as ${role}: expected ${expect}, got ${r.status} ${r.location || ''}`);
      if ((expect !== 'ok' || row.method === 'GET') && before !== after) failures.push(`${row.name} as ${role}: refused/GET request changed the records`);
      if (expect === 'ok' && row.method === 'POST' && good && before === after) failures.push(`${row.name} as ${role}: success but nothing changed`);
    }
  }
  assert.deepEqual(failures, []);
});


// Events after the event (pages/bijeenkomsten_verslag.c): the report,
// documents, contact log, follow-ups and one registration, province staff
// only; every refused attempt changes nothing.
const eventState = () =>
  sql(srv.db, `SELECT (SELECT report FROM event WHERE id = ${F.EV}) || '|' || (SELECT count(*) FROM event_document) || '|' || ` +
    `(SELECT count(*) FROM contact_moment) || '|' || (SELECT count(*) FROM follow_up) || '|' || ` +
    `(SELECT count(*) FROM event_registration) || '|' || (SELECT coalesce(group_concat(name, ','), '') FROM event_registration)`).trim();

const EVENT_MATRIX = [
  { name: 'GET verslag en vervolg', method: 'GET', path: () => `/bijeenkomsten/${F.EV}/verslag`, ok: PROVINCE_OK },
  { name: 'POST verslag', method: 'POST', path: () => `/bijeenkomsten/${F.EV}/verslag`, ok: PROVINCE_OK, fields: async () => [['verslag', `Matrixverslag ${++counter}`]] },
  {
    name: 'POST document', method: 'POST', path: () => `/bijeenkomsten/${F.EV}/documenten`, ok: PROVINCE_OK,
    fields: async () => [['titel', `Matrixdocument ${++counter}`], ['url', 'https://example.org/matrix.pdf']],
  },
  { name: 'POST document verwijderen', method: 'POST', path: (role) => `/bijeenkomsten/${F.EV}/documenten/${F.DOC[role]}/verwijderen`, ok: PROVINCE_OK },
  { name: 'POST contactlog', method: 'POST', path: () => `/bijeenkomsten/${F.EV}/contactlog`, ok: PROVINCE_OK, fields: async (role) => [['organisaties', F.EV_PARTNER[role]]] },
  {
    name: 'POST vervolgactie bijeenkomst', method: 'POST', path: () => `/bijeenkomsten/${F.EV}/vervolgacties`, ok: PROVINCE_OK,
    fields: async () => [['organisatie', F.PARTNER], ['actie', `Matrixvervolg ${++counter}`], ['eigenaar', 'programma1'], ['uiterlijk', '2099-01-01'], ['vertrouwelijkheid', 'intern']],
  },
  { name: 'GET aanmelding', method: 'GET', path: (role) => `/bijeenkomsten/${F.EV}/aanmeldingen/${F.REG[role]}`, ok: PROVINCE_OK },
  {
    name: 'POST aanmelding wijzigen', method: 'POST', path: (role) => `/bijeenkomsten/${F.EV}/aanmeldingen/${F.REG[role]}`, ok: PROVINCE_OK,
    fields: async () => [['naam', `Matrixdeelnemer ${++counter}`], ['organisatie', 'Gemeente Matrix']],
  },
  { name: 'POST aanmelding verwijderen', method: 'POST', path: (role) => `/bijeenkomsten/${F.EV}/aanmeldingen/${F.REG2[role]}/verwijderen`, ok: PROVINCE_OK },
];

test('authorisation matrix of the routes after an event × every role', async () => {
  const day = new Date(Date.now() + 20 * 86400e3).toISOString().slice(0, 10);
  const loc = await S['programmateam'].submit('/bijeenkomsten', [['soort', 'netwerkdag'], ['doelgroep', ''], ['titel', 'Matrixnetwerkdag (fictief)'],
    ['omschrijving', ''], ['begin', `${day}T10:00`], ['einde', `${day}T12:00`], ['locatie', 'Utrecht'], ['onlineLink', ''], ['casus', ''],
    ['capaciteit', '100'], ['aanmeldenTot', ''], ['organisator', 'Provincie Utrecht']]);
  F.EV = Number(/\/bijeenkomsten\/(\d+)/.exec(loc)[1]);
  sql(srv.db, `UPDATE event SET starts_at = '2026-01-05T10:00', ends_at = '2026-01-05T12:00' WHERE id = ${F.EV}`);
  const gm = (await allPages(srv, '/api/v1/organisaties?soort=gemeente', 'organisaties')).items.filter((o) => o.inProvincie === true).map((o) => o.code);
  F.EV_PARTNER = {};
  F.REG = {};
  F.REG2 = {};
  F.DOC = {};
  ROLES.forEach((role, i) => {
    F.EV_PARTNER[role] = gm[i];
    sql(srv.db, `INSERT INTO event_document (event_id, title, url, created_by, created_at) VALUES (${F.EV}, 'Matrixlink ${i}', 'https://example.org/${i}.pdf', 'test', '2026-01-01T00:00:00.000Z')`);
    F.DOC[role] = Number(sql(srv.db, `SELECT id FROM event_document WHERE title = 'Matrixlink ${i}'`).trim());
    for (const [map, n] of [[F.REG, 1], [F.REG2, 2]]) {
      sql(srv.db, `INSERT INTO event_registration (event_id, email, name, organisation, status, created_at, updated_at) VALUES ` +
        `(${F.EV}, 'matrix.${i}.${n}@example.org', 'Matrixgast ${i} ${n}', 'Gemeente Matrix', 'bevestigd', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
      map[role] = Number(sql(srv.db, `SELECT id FROM event_registration WHERE email = 'matrix.${i}.${n}@example.org'`).trim());
    }
  });
  const failures = [];
  for (const row of EVENT_MATRIX) {
    for (const role of ROLES) {
      const fields = row.fields ? await row.fields(role) : undefined;
      const expect = role === 'anoniem' ? 'login' : row.ok.has(role) ? 'ok' : 403;
      const before = eventState();
      const r = await req(S[role === 'redacteur-eigen' ? 'redacteur-partner' : role], row.method, row.path(role), fields);
      const after = eventState();
      const good =
        expect === 'login' ? (row.method === 'GET' ? r.status === 303 && /^\/inloggen\?terug=/.test(r.location || '') : r.status === 401)
          : expect === 'ok' ? (row.method === 'GET' ? r.status === 200 : r.status === 303 && !/inloggen/.test(r.location || ''))
            : r.status === 403;
      if (!good) failures.push(`${row.name} as ${role}: expected ${expect}, got ${r.status} ${r.location || ''}`);
      if ((expect !== 'ok' || row.method === 'GET') && before !== after) failures.push(`${row.name} as ${role}: refused/GET request changed the records`);
      if (expect === 'ok' && row.method === 'POST' && good && before === after) failures.push(`${row.name} as ${role}: success but nothing changed`);
    }
  }
  assert.deepEqual(failures, []);
});

// The indicator store (/kennis/indicatoren, app/indicatoren.h) is public
// open data: every role, anonymous included, reads it; a POST to the list
// is not a route. The upload (/kennis/indicatoren/importeren) is for the
// roles that import registry data: programme staff and administrators.
test('authorisation of the indicator pages × every role: public, read only', async () => {
  const failures = [];
  for (const role of ROLES) {
    for (const p of ['/kennis/indicatoren', '/api/v1/kennis/indicatoren', '/organisaties/gm0321/kennis']) {
      const r = await req(S[role], 'GET', p);
      if (r.status !== 200) failures.push(`GET ${p} as ${role}: ${r.status}`);
    }
    const w = await req(S[role], 'POST', '/kennis/indicatoren', []);
    if (![403, 404, 405].includes(w.status)) failures.push(`POST /kennis/indicatoren as ${role}: ${w.status}`);
    // the upload: a values file for an indicator that does not exist, so an
    // allowed role gets the error list (400) and nothing is ever written
    const staffish = role === 'programmateam' || role === 'beheerder';
    const before = sql(srv.db, "SELECT count(*) FROM audit_event WHERE entity = 'indicator'");
    const g = await req(S[role], 'GET', '/kennis/indicatoren/importeren');
    const gOk = role === 'anoniem' ? g.status === 303 && /^\/inloggen\?terug=/.test(g.location || '') : staffish ? g.status === 200 : g.status === 403;
    if (!gOk) failures.push(`GET /kennis/indicatoren/importeren as ${role}: ${g.status}`);
    const sess = S[role];
    const fd = new FormData();
    if (sess?.csrf) fd.append('csrf', sess.csrf);
    fd.append('bestand', new Blob(['indicator,gebied,periode,waarde\nbestaat_niet,GM0344,2024,1\n']), 'waarden.csv');
    const p = await fetch(srv.base + '/kennis/indicatoren/importeren', { method: 'POST', body: fd, redirect: 'manual', headers: sess?.cookie ? { cookie: sess.cookie } : {} });
    const pText = await p.text();
    const pOk = role === 'anoniem' ? [401, 403].includes(p.status) : staffish ? p.status === 400 && /onbekende indicator/.test(pText) : p.status === 403;
    if (!pOk) failures.push(`POST /kennis/indicatoren/importeren as ${role}: ${p.status}`);
    if (sql(srv.db, "SELECT count(*) FROM audit_event WHERE entity = 'indicator'") !== before) failures.push(`POST /kennis/indicatoren/importeren as ${role} wrote`);
    // the gemeente dashboard's API: no values in the test data, so 404 for everyone alike
    const d = await req(S[role], 'GET', '/api/v1/kennis/gemeenten/gm0321/dashboard');
    if (d.status !== 404) failures.push(`GET the dashboard API as ${role}: ${d.status}`);
  }
  assert.deepEqual(failures, []);
});

// Interbestuurlijk toezicht (pages/toezicht*.c): supervisors (toezichthouder
// and up) record assessments and move them; the organisation's own editors
// see and answer an assessment in dialogue (others get 404, as if it did not
// exist); administrators configure domains and labels. Every refused
// attempt changes nothing.
const tzState = () =>
  sql(srv.db, "SELECT (SELECT count(*) FROM ibt_assessment) || '|' || (SELECT coalesce(group_concat(status, ','), '') FROM ibt_assessment) || '|' || " +
    "(SELECT count(*) FROM ibt_response) || '|' || (SELECT count(*) FROM ibt_domain) || '|' || " +
    "(SELECT coalesce(group_concat(coalesce(valid_to, 0) || name, ','), '') FROM ibt_domain) || '|' || (SELECT coalesce(group_concat(name || colour || pattern, ','), '') FROM ibt_label)").trim();

const TZ_YEAR = new Date().getUTCFullYear();
const SUPERVISORS = new Set(['toezichthouder', 'programmateam', 'beheerder']);
const SUPERVISORS_AND_OWN = new Set([...SUPERVISORS, 'redacteur-eigen']);
const ADMINS = new Set(['beheerder']);
const tzAssessment = (domain, year, level = '2') => [['organisatie', F.OWN], ['domein', domain], ['jaar', String(year)], ['niveau', level],
  ['eigenOordeel', ''], ['motivering', 'Fictieve matrixbeoordeling'], ['bronnen', ''], ['beoordeeldOp', '']];
// who: 'login' = anonymous is sent to log in (GET) or refused 401 (POST);
// 404 = the assessment does not exist for that reader
const TZ_MATRIX = [
  { name: 'GET nieuwe beoordeling', method: 'GET', path: () => '/toezicht/beoordelingen/nieuw', ok: SUPERVISORS, other: 403, anon: 'login' },
  {
    name: 'POST nieuwe beoordeling', method: 'POST', path: () => '/toezicht/beoordelingen', ok: SUPERVISORS, other: 403, anon: 401,
    fields: async (role) => tzAssessment('huisvesting-vergunninghouders', TZ_YEAR - 1 - ROLES.indexOf(role)),
  },
  { name: 'GET concept', method: 'GET', path: () => `/toezicht/beoordelingen/${F.TZ_CONCEPT}`, ok: SUPERVISORS, other: 404, anon: 404 },
  { name: 'GET in dialoog', method: 'GET', path: () => `/toezicht/beoordelingen/${F.TZ_DIALOGUE}`, ok: SUPERVISORS_AND_OWN, other: 404, anon: 404 },
  {
    name: 'POST status', method: 'POST', path: (role) => `/toezicht/beoordelingen/${F.TZ_MOVE[role]}/status`, ok: SUPERVISORS, other: 403, anon: 401,
    fields: async () => [['status', 'dialoog']],
  },
  {
    name: 'POST reactie', method: 'POST', path: () => `/toezicht/beoordelingen/${F.TZ_DIALOGUE}/reactie`, ok: SUPERVISORS_AND_OWN, other: 404, anon: 401,
    fields: async (role) => [['tekst', `Fictieve matrixreactie ${role}`]],
  },
  { name: 'GET beheer toezicht', method: 'GET', path: () => '/beheer/toezicht', ok: ADMINS, other: 403, anon: 'login' },
  {
    name: 'POST nieuw domein', method: 'POST', path: () => '/beheer/toezicht/domeinen', ok: ADMINS, other: 403, anon: 401,
    fields: async (role) => [['sleutel', `matrix-${role}`], ['naam', `Matrixdomein ${role}`], ['geldigVanaf', '2020'], ['geldigTot', ''], ['soorten', 'gemeente'], ['bron', '']],
  },
  { name: 'GET domein', method: 'GET', path: () => '/beheer/toezicht/domeinen/omgevingsrecht', ok: ADMINS, other: 403, anon: 'login' },
  {
    name: 'POST domein wijzigen', method: 'POST', path: () => '/beheer/toezicht/domeinen/omgevingsrecht', ok: ADMINS, other: 403, anon: 401,
    fields: async () => [['naam', `Omgevingsrecht ${++counter}`], ['geldigVanaf', '2014'], ['geldigTot', ''], ['soorten', 'gemeente'], ['bron', '']],
  },
  {
    name: 'POST labels wijzigen', method: 'POST', path: () => '/beheer/toezicht/domeinen/omgevingsrecht/labels', ok: ADMINS, other: 403, anon: 401,
    fields: async () => [['label1Naam', `Adequaat ${++counter}`], ['label1Kleur', '#2e7d32'], ['label1Patroon', 'vol'],
      ['label2Naam', 'Redelijk adequaat'], ['label2Kleur', '#b35900'], ['label2Patroon', 'schuin'],
      ['label3Naam', 'Niet adequaat'], ['label3Kleur', '#c62828'], ['label3Patroon', 'kruis']],
  },
];

test('authorisation matrix of the toezicht routes × every role (supervisor and partner-editor views)', async () => {
  const sup = S['toezichthouder'];
  const made = async (fields) => {
    const loc = await sup.submit('/toezicht/beoordelingen', fields);
    return /\/toezicht\/beoordelingen\/(\d+)/.exec(loc)[1];
  };
  F.TZ_CONCEPT = await made(tzAssessment('informatiebeheer', TZ_YEAR - 1));
  F.TZ_DIALOGUE = await made(tzAssessment('omgevingsrecht', TZ_YEAR - 1));
  await sup.submit(`/toezicht/beoordelingen/${F.TZ_DIALOGUE}/status`, [['status', 'dialoog']]);
  F.TZ_MOVE = {};
  for (const [i, role] of ROLES.entries()) F.TZ_MOVE[role] = await made(tzAssessment('financieel-toezicht', TZ_YEAR - 1 - i));
  const failures = [];
  for (const row of TZ_MATRIX) {
    for (const role of ROLES) {
      const fields = row.fields ? await row.fields(role) : undefined;
      const expect = role === 'anoniem' ? row.anon : row.ok.has(role) ? 'ok' : row.other;
      const before = tzState();
      const r = await req(S[role], row.method, row.path(role), fields);
      const after = tzState();
      const good =
        expect === 'login' ? r.status === 303 && /^\/inloggen\?terug=/.test(r.location || '')
          : expect === 'ok' ? (row.method === 'GET' ? r.status === 200 : r.status === 303 && !/inloggen/.test(r.location || ''))
            : r.status === expect;
      if (!good) failures.push(`${row.name} as ${role}: expected ${expect}, got ${r.status} ${r.location || ''}`);
      if ((expect !== 'ok' || row.method === 'GET') && before !== after) failures.push(`${row.name} as ${role}: refused/GET request changed the records`);
      if (expect === 'ok' && row.method === 'POST' && good && before === after) failures.push(`${row.name} as ${role}: success but nothing changed`);
    }
  }
  // the public view and the organisation's page: open to all, the dialogue only for supervisors and the own editors
  for (const role of ROLES) {
    for (const p of ['/toezicht', `/organisaties/${F.OWN}/toezicht`]) {
      const r = await req(S[role], 'GET', p);
      if (r.status !== 200) failures.push(`GET ${p} as ${role}: ${r.status}`);
      const seen = r.text.includes(`/toezicht/beoordelingen/${F.TZ_DIALOGUE}"`);
      if (p !== '/toezicht' && seen !== SUPERVISORS_AND_OWN.has(role)) failures.push(`GET ${p} as ${role}: the dialogue ${seen ? 'shown' : 'hidden'}`);
      if (r.text.includes(`/toezicht/beoordelingen/${F.TZ_CONCEPT}"`) !== SUPERVISORS.has(role)) failures.push(`GET ${p} as ${role}: the concept wrongly shown or hidden`);
    }
  }
  assert.deepEqual(failures, []);
});

// Measuring the programme (pages/evaluatie*.c): the programme team and
// administrators keep the item bank, set up and move rounds, release their
// results and make response links; nobody else, and a refused attempt
// changes nothing. An unreleased round's results are hidden (404) from
// everyone but staff.
const evState = () =>
  sql(srv.db, "SELECT (SELECT count(*) FROM survey_item) || '|' || (SELECT coalesce(group_concat(text, ','), '') FROM survey_item) || '|' || " +
    "(SELECT count(*) FROM survey_round) || '|' || (SELECT coalesce(group_concat(status || released, ','), '') FROM survey_round) || '|' || " +
    "(SELECT count(*) FROM survey_link) || '|' || (SELECT count(*) FROM outbox)").trim();
const EV_STAFF = new Set(['programmateam', 'beheerder']);
const evItem = (text) => [['blok', 'relatie'], ['soort', 'likert'], ['bereik', 'algemeen'], ['tekst', text], ['keuzes', ''], ['bron', 'Fictief'], ['verplicht', 'nee']];
const evRound = (name) => [['naam', name], ['begin', '2026-01-01'], ['einde', '2026-12-31'], ['doelgroep', 'ambtenaren'], ['organisatie', F.OWN], ['vraag', F.EV_ITEM]];
const EV_MATRIX = [
  { name: 'GET vragenbank', method: 'GET', path: () => '/evaluatie/vragen', ok: EV_STAFF, other: 403, anon: 'login' },
  { name: 'GET nieuwe vraag', method: 'GET', path: () => '/evaluatie/vragen/nieuw', ok: EV_STAFF, other: 403, anon: 'login' },
  { name: 'POST nieuwe vraag', method: 'POST', path: () => '/evaluatie/vragen', ok: EV_STAFF, other: 403, anon: 401, fields: async (role) => evItem(`Fictieve matrixvraag ${role}`) },
  { name: 'GET vraag', method: 'GET', path: () => `/evaluatie/vragen/${F.EV_ITEM}`, ok: EV_STAFF, other: 403, anon: 'login' },
  { name: 'POST vraag wijzigen', method: 'POST', path: () => `/evaluatie/vragen/${F.EV_FREE}`, ok: EV_STAFF, other: 403, anon: 401, fields: async () => evItem(`Fictieve vrije vraag ${++counter}`) },
  { name: 'GET nieuwe ronde', method: 'GET', path: () => '/evaluatie/rondes/nieuw', ok: EV_STAFF, other: 403, anon: 'login' },
  { name: 'POST nieuwe ronde', method: 'POST', path: () => '/evaluatie/rondes', ok: EV_STAFF, other: 403, anon: 401, fields: async (role) => evRound(`Fictieve matrixronde ${role}`) },
  { name: 'GET beheer ronde', method: 'GET', path: () => `/evaluatie/${F.EV_ROUND}/beheer`, ok: EV_STAFF, other: 403, anon: 'login' },
  { name: 'GET resultaten niet vrijgegeven', method: 'GET', path: () => `/evaluatie/${F.EV_ROUND}`, ok: EV_STAFF, other: 404, anon: 404 },
  { name: 'POST status', method: 'POST', path: (role) => `/evaluatie/${F.EV_MOVE[role]}/status`, ok: EV_STAFF, other: 403, anon: 401, fields: async () => [['status', 'open']] },
  { name: 'POST vrijgeven', method: 'POST', path: () => `/evaluatie/${F.EV_CLOSED}/vrijgeven`, ok: EV_STAFF, other: 403, anon: 401, fields: async () => [['vrijgeven', ++counter % 2 ? 'ja' : 'nee']] },
  { name: 'POST links per e-mail', method: 'POST', path: () => `/evaluatie/${F.EV_ROUND}/links`, ok: EV_STAFF, other: 403, anon: 401, fields: async (role) => [['doelgroep', 'ambtenaren'], ['organisatie', F.OWN], ['aantal', ''], ['adressen', `fictief-${role}@example.org`]] },
];

test('authorisation matrix of the evaluation routes × every role', async () => {
  const staff = S['programmateam'];
  F.EV_ITEM = sql(srv.db, "SELECT id FROM survey_item WHERE item_key = 'start-relatie-1'").trim();
  const free = await staff.submit('/evaluatie/vragen', evItem('Fictieve vrije vraag'));
  F.EV_FREE = /\/evaluatie\/vragen\/(\d+)/.exec(free)[1];
  const made = async (name) => /\/evaluatie\/(\d+)\/beheer/.exec(await staff.submit('/evaluatie/rondes', evRound(name)))[1];
  F.EV_ROUND = await made('Fictieve matrixronde');
  F.EV_CLOSED = await made('Fictieve gesloten ronde');
  await staff.submit(`/evaluatie/${F.EV_CLOSED}/status`, [['status', 'open']]);
  await staff.submit(`/evaluatie/${F.EV_CLOSED}/status`, [['status', 'gesloten']]);
  F.EV_MOVE = {};
  for (const role of ROLES) F.EV_MOVE[role] = await made(`Fictieve ronde om te openen ${role}`);
  const failures = [];
  for (const row of EV_MATRIX) {
    for (const role of ROLES) {
      const fields = row.fields ? await row.fields(role) : undefined;
      const expect = role === 'anoniem' ? row.anon : row.ok.has(role) ? 'ok' : row.other;
      const before = evState();
      const r = await req(S[role], row.method, row.path(role), fields);
      const after = evState();
      const good =
        expect === 'login' ? r.status === 303 && /^\/inloggen\?terug=/.test(r.location || '')
          : expect === 'ok' ? (row.method === 'GET' ? r.status === 200 : r.status === 303 && !/inloggen/.test(r.location || ''))
            : r.status === expect;
      if (!good) failures.push(`${row.name} as ${role}: expected ${expect}, got ${r.status} ${r.location || ''}`);
      if ((expect !== 'ok' || row.method === 'GET') && before !== after) failures.push(`${row.name} as ${role}: refused/GET request changed the records`);
      if (expect === 'ok' && row.method === 'POST' && good && before === after) failures.push(`${row.name} as ${role}: success but nothing changed`);
    }
  }
  for (const role of ROLES) {
    const r = await req(S[role], 'GET', '/evaluatie');
    if (r.status !== 200) failures.push(`GET /evaluatie as ${role}: ${r.status}`);
  }
  assert.deepEqual(failures, []);
});

// The intervention ladder and the dialogue log (pages/toezicht_ladder.c):
// supervisors set steps, end them, add and change agreements and record
// dialogue; a step of 1–3 is seen by supervisors and the organisation's own
// editors only (others: 404). Every refused attempt changes nothing.
const tzlState = () =>
  sql(srv.db, "SELECT (SELECT count(*) FROM ibt_ladder) || '|' || (SELECT coalesce(group_concat(coalesce(ended_on, '-'), ','), '') FROM ibt_ladder) || '|' || " +
    "(SELECT count(*) FROM ibt_agreement) || '|' || (SELECT coalesce(group_concat(status || due_on || action, ','), '') FROM ibt_agreement) || '|' || " +
    "(SELECT count(*) FROM ibt_dialogue)").trim();
const TZL_MATRIX = [
  { name: 'GET trede vastleggen', method: 'GET', path: () => `/organisaties/${F.OWN}/toezicht/ladder`, ok: SUPERVISORS, other: 403, anon: 'login' },
  {
    name: 'POST trede vastleggen', method: 'POST', path: () => `/organisaties/${F.OWN}/toezicht/ladder`, ok: SUPERVISORS, other: 403, anon: 401,
    fields: async (role) => [['spoor', 'kroon'], ['domein', 'financieel-toezicht'], ['trede', ''], ['sinds', ''], ['onderwerp', `Fictieve matrixvoordracht ${role}`], ['reden', '']],
  },
  { name: 'GET trede 3', method: 'GET', path: () => `/toezicht/ladder/${F.TZL_STEP}`, ok: SUPERVISORS_AND_OWN, other: 404, anon: 404 },
  {
    name: 'POST trede beëindigen', method: 'POST', path: (role) => `/toezicht/ladder/${F.TZL_END[role]}/einde`, ok: SUPERVISORS, other: 403, anon: 401,
    fields: async () => [['tot', '']],
  },
  {
    name: 'POST afspraak toevoegen', method: 'POST', path: () => `/toezicht/ladder/${F.TZL_STEP}/afspraken`, ok: SUPERVISORS, other: 403, anon: 401,
    fields: async (role) => [['actie', `Fictieve matrixactie ${role}`], ['eigenaar', 'Fictief college'], ['termijn', '2026-01-01'], ['status', 'open']],
  },
  { name: 'GET afspraak', method: 'GET', path: () => `/toezicht/afspraken/${F.TZL_AGR}`, ok: SUPERVISORS, other: 403, anon: 'login' },
  {
    name: 'POST afspraak wijzigen', method: 'POST', path: () => `/toezicht/afspraken/${F.TZL_AGR}`, ok: SUPERVISORS, other: 403, anon: 401,
    fields: async (role) => [['actie', `Fictieve gewijzigde actie ${role}`], ['eigenaar', 'Fictief college'], ['termijn', '2026-02-01'], ['status', 'uitgevoerd']],
  },
  { name: 'GET dialoog vastleggen', method: 'GET', path: () => `/organisaties/${F.OWN}/toezicht/dialoog`, ok: SUPERVISORS, other: 403, anon: 'login' },
  {
    name: 'POST dialoog vastleggen', method: 'POST', path: () => `/organisaties/${F.OWN}/toezicht/dialoog`, ok: SUPERVISORS, other: 403, anon: 401,
    fields: async (role) => [['soort', 'toezichtgesprek'], ['domein', ''], ['datum', '2025-01-15'], ['onderwerp', `Fictief matrixgesprek ${role}`], ['deelnemers', ''],
      ['rapport', ''], ['aantekeningen', ''], ['zichtbaarheid', 'gedeeld']],
  },
];

test('authorisation matrix of the intervention ladder and dialogue routes × every role', async () => {
  const sup = S['toezichthouder'];
  const step = async (fields) => Number(/\/toezicht\/ladder\/(\d+)/.exec(await sup.submit(`/organisaties/${F.OWN}/toezicht/ladder`, fields))[1]);
  const base = [['spoor', 'ladder'], ['domein', 'informatiebeheer'], ['sinds', ''], ['onderwerp', '']];
  await step([...base, ['trede', '1'], ['reden', '']]);
  await step([...base, ['trede', '2'], ['reden', '']]);
  F.TZL_STEP = await step([...base, ['trede', '3'], ['reden', 'Fictieve matrixreden']]);
  await sup.submit(`/toezicht/ladder/${F.TZL_STEP}/afspraken`, [['actie', 'Fictieve matrixafspraak'], ['eigenaar', 'Fictief college'], ['termijn', '2026-01-01'], ['status', 'open']]);
  F.TZL_AGR = Number(String(sql(srv.db, 'SELECT max(id) FROM ibt_agreement')).trim());
  F.TZL_END = {};
  for (const role of ROLES) {
    F.TZL_END[role] = await step([['spoor', 'kroon'], ['domein', 'omgevingsrecht'], ['trede', ''], ['sinds', ''], ['onderwerp', `Fictief besluit ${role}`], ['reden', '']]);
  }
  const failures = [];
  for (const row of TZL_MATRIX) {
    for (const role of ROLES) {
      const fields = row.fields ? await row.fields(role) : undefined;
      const expect = role === 'anoniem' ? row.anon : row.ok.has(role) ? 'ok' : row.other;
      const before = tzlState();
      const r = await req(S[role], row.method, row.path(role), fields);
      const after = tzlState();
      const good =
        expect === 'login' ? r.status === 303 && /^\/inloggen\?terug=/.test(r.location || '')
          : expect === 'ok' ? (row.method === 'GET' ? r.status === 200 : r.status === 303 && !/inloggen/.test(r.location || ''))
            : r.status === expect;
      if (!good) failures.push(`${row.name} as ${role}: expected ${expect}, got ${r.status} ${r.location || ''}`);
      if ((expect !== 'ok' || row.method === 'GET') && before !== after) failures.push(`${row.name} as ${role}: refused/GET request changed the records`);
      if (expect === 'ok' && row.method === 'POST' && good && before === after) failures.push(`${row.name} as ${role}: success but nothing changed`);
    }
  }
  // the organisation's page: step 3 and the shared dialogue only for supervisors and the own editors
  for (const role of ROLES) {
    const r = await req(S[role], 'GET', `/organisaties/${F.OWN}/toezicht`);
    if (r.status !== 200) failures.push(`GET toezicht page as ${role}: ${r.status}`);
    if (r.text.includes(`/toezicht/ladder/${F.TZL_STEP}"`) !== SUPERVISORS_AND_OWN.has(role)) failures.push(`toezicht page as ${role}: step 3 wrongly shown or hidden`);
    if (r.text.includes('Fictief matrixgesprek') !== SUPERVISORS_AND_OWN.has(role)) failures.push(`toezicht page as ${role}: the shared dialogue wrongly shown or hidden`);
  }
  assert.deepEqual(failures, []);
});

// The kengetallen (pages/financien_kengetallen.c): the input form and the
// import page for staff and the gemeente's own editors (others 403, as the
// gemeente's figures are public anyway); the signal bands for the programme
// team and administrators. Every refused attempt changes nothing.
const kgState = () =>
  sql(srv.db, "SELECT (SELECT count(*) FROM fin_kengetal_input) || '|' || (SELECT coalesce(group_concat(low || '/' || high || source, ','), '') FROM fin_kengetal_band) || '|' || " +
    "(SELECT count(*) FROM audit_event WHERE entity LIKE 'fin_kengetal%')").trim();
const KG_STAFF = new Set(['programmateam', 'beheerder']);
const KG_MATRIX = [
  { name: 'GET kengetallen invoer', method: 'GET', path: () => `/financien/${F.OWN}/kengetallen/invoer`, ok: EDITORS_OK, other: 403, anon: 'login' },
  {
    name: 'POST kengetallen invoer', method: 'POST', path: () => `/financien/${F.OWN}/kengetallen/invoer`, ok: EDITORS_OK, other: 403, anon: 401,
    fields: async (role) => [['jaar', String(2010 + ROLES.indexOf(role))], ['soort', 'begroting'], ['eenheid', 'euro'],
      ['totale_baten', '1.000'], ['totale_baten_bron', `Fictieve matrixbegroting ${role}`]],
  },
  { name: 'GET kengetallen importeren', method: 'GET', path: () => `/financien/${F.OWN}/kengetallen/importeren`, ok: EDITORS_OK, other: 403, anon: 'login' },
  { name: 'GET signaleringswaarden', method: 'GET', path: () => '/beheer/financien/signaleringswaarden', ok: KG_STAFF, other: 403, anon: 'login' },
  { name: 'GET signaleringswaarde', method: 'GET', path: () => '/beheer/financien/signaleringswaarden/grondexploitatie', ok: KG_STAFF, other: 403, anon: 'login' },
  {
    name: 'POST signaleringswaarde', method: 'POST', path: () => '/beheer/financien/signaleringswaarden/grondexploitatie', ok: KG_STAFF, other: 403, anon: 401,
    fields: async (role) => [['ondergrens', '20'], ['bovengrens', '35'], ['richting', 'lager_is_beter'], ['bron', `Fictieve matrixbron ${role}`], ['bronUrl', '']],
  },
];

test('authorisation matrix of the kengetallen routes × every role', async () => {
  assert.match(F.OWN, /^gm\d{4}$/, 'the own gemeente needs a CBS code');
  const failures = [];
  for (const row of KG_MATRIX) {
    for (const role of ROLES) {
      const fields = row.fields ? await row.fields(role) : undefined;
      const expect = role === 'anoniem' ? row.anon : row.ok.has(role) ? 'ok' : row.other;
      const before = kgState();
      const r = await req(S[role], row.method, row.path(role), fields);
      const after = kgState();
      const good =
        expect === 'login' ? r.status === 303 && /^\/inloggen\?terug=/.test(r.location || '')
          : expect === 'ok' ? (row.method === 'GET' ? r.status === 200 : r.status === 303 && !/inloggen/.test(r.location || ''))
            : r.status === expect;
      if (!good) failures.push(`${row.name} as ${role}: expected ${expect}, got ${r.status} ${r.location || ''}`);
      if ((expect !== 'ok' || row.method === 'GET') && before !== after) failures.push(`${row.name} as ${role}: refused/GET request changed the records`);
      if (expect === 'ok' && row.method === 'POST' && good && before === after) failures.push(`${row.name} as ${role}: success but nothing changed`);
    }
  }
  // the kengetallen themselves are public; the input links only for who may enter
  for (const role of ROLES) {
    const r = await req(S[role], 'GET', `/financien/${F.OWN}/kengetallen`);
    if (r.status !== 200) failures.push(`GET kengetallen as ${role}: ${r.status}`);
    if (r.text.includes('/kengetallen/invoer') !== EDITORS_OK.has(role)) failures.push(`GET kengetallen as ${role}: the input link wrongly shown or hidden`);
  }
  assert.deepEqual(failures, []);
});
