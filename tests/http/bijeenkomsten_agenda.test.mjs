// bijeenkomsten_agenda — "agenda in samenspraak" against the real binary, on
// SQLite or PostgreSQL:
//   - partner editors propose agenda items (form and API) until the event
//     starts; bad input (empty, too long, unknown member), an unknown event
//     and a started event give a clear Dutch message and write nothing
//   - others support them: once per user, never an item of their own
//     organisation, only an open proposal
//   - province staff accept or reject items and set their order and time
//     (form and API); partner editors and anonymous visitors may not
//   - who sees what: anonymous visitors only the accepted programme (page
//     and API), partner editors and staff also the proposals with support;
//     an item names its organisation, never the user; the audit events stay
//     out of the public history; every variant of the page passes the Nu
//     HTML Checker.
// All people are fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
const FUTURE = day(30);

let srv, anon;
const S = {}; // web sessions
const T = {}; // API clients
const F = {}; // fixtures

const count = (q) => Number(String(sql(srv.db, q)).trim());
const items = () => count('SELECT count(*) FROM event_agenda_item');
const supports = () => count('SELECT count(*) FROM event_agenda_support');
const NAMES = ['Redacteur Agendaveld', 'Tweede Redacteur Steunstraat', 'Redacteur Elders Bedacht', 'Redacteur Buiten Verzonnen'];

const event = (over = {}) => ({
  soort: 'netwerkdag', titel: 'Netwerkdag Agenda Samen', omschrijving: 'Een fictieve netwerkdag.',
  begin: `${FUTURE}T10:00`, einde: `${FUTURE}T16:00`, locatie: 'Provinciehuis, Testdorp', capaciteit: 40,
  organisator: 'Provincie Utrecht', ...over,
});

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  const outside = orgs.organisaties.find((o) => o.inProvincie === false) ||
    (await anon.getJson('/api/v1/organisaties?soort=provincie&paginaGrootte=100')).organisaties.find((o) => o.code);
  [F.P, F.Q] = [inProv[0], inProv[1]];
  F.X = outside;
  assert.ok(F.P && F.Q && F.X, 'two partner gemeenten and an organisation that is not a partner');
  addUser(srv.db, 'ag-staf', 'programmateam', { display: 'Stafmedewerker Agendadorp' });
  addUser(srv.db, 'ag-ah', 'accounthouder', { display: 'Accounthouder Agendadorp' });
  addUser(srv.db, 'ag-red-p', 'redacteur', { org: F.P.code, display: NAMES[0] });
  addUser(srv.db, 'ag-red-q', 'redacteur', { org: F.Q.code, display: NAMES[1] });
  addUser(srv.db, 'ag-red-q2', 'redacteur', { org: F.Q.code, display: NAMES[2] });
  addUser(srv.db, 'ag-red-x', 'redacteur', { org: F.X.code, display: NAMES[3] });
  for (const n of ['ag-staf', 'ag-ah', 'ag-red-p', 'ag-red-q', 'ag-red-q2', 'ag-red-x']) {
    S[n] = await login(srv.base, n);
    T[n] = apiClient(srv, addToken(srv.db, n, 'test'));
  }
  T.anon = apiClient(srv, '');
  const r = await T['ag-staf'].call('POST', '/api/v1/bijeenkomsten', { body: event() });
  assert.equal(r.status, 201, r.text);
  F.E = r.json.id;
  const r2 = await T['ag-staf'].call('POST', '/api/v1/bijeenkomsten', { body: event({ titel: 'Tweede Netwerkdag Agenda' }) });
  F.E2 = r2.json.id;
  // an event that has started (written directly: the form refuses a start in the past)
  sql(srv.db, "INSERT INTO event (kind, title, starts_at, ends_at, location, capacity, organiser, created_by, created_at, updated_at) VALUES ('anders', 'Begonnen Agendadag', '2021-03-01T10:00', '2099-03-01T12:00', 'Testdorp', 10, 'Provincie Utrecht', 'test', '2021-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z')");
  F.PAST = count("SELECT id FROM event WHERE title = 'Begonnen Agendadag'");
});

after(async () => {
  await srv?.stop();
});

test('anonymous visitors see that the programme is not known yet, and no proposals', async () => {
  const page = await anon.get(`/bijeenkomsten/${F.E}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /id="h-programma"/);
  assert.match(page.text, /Het programma is nog niet bekend/);
  assert.doesNotMatch(page.text, /Agenda in samenspraak/);
  const api = await T.anon.call('GET', `/api/v1/bijeenkomsten/${F.E}/agenda`);
  assert.equal(api.status, 200);
  assert.deepEqual(api.json.programma, []);
  assert.equal(api.json.voorstellen, undefined, 'no proposals for anonymous readers');
  assert.equal(api.json.voorstellenOpen, true);
  assert.equal((await T.anon.call('GET', '/api/v1/bijeenkomsten/999999/agenda')).status, 404);
});

test('a partner editor proposes through the form; bad input, a started or unknown event write nothing', async () => {
  const form = await S['ag-red-p'].get(`/bijeenkomsten/${F.E}`);
  assert.match(form.text, /Agenda in samenspraak/);
  assert.match(form.text, /action="\/bijeenkomsten\/\d+\/agendapunten"/);
  assertControlsLabelled('agenda-form', form.text);
  const bad = [
    [{ titel: '' }, /Vul de titel van het agendapunt in/],
    [{ titel: '   ' }, /Vul de titel van het agendapunt in/],
    [{ titel: 'x'.repeat(201) }, /hoogstens 200 tekens/],
    [{ titel: 'Goed', toelichting: 'y'.repeat(2001) }, /hoogstens 2000 tekens/],
  ];
  for (const [fields, msg] of bad) {
    const r = await S['ag-red-p'].post(`/bijeenkomsten/${F.E}/agendapunten`, fields);
    assert.equal(r.status, 400, JSON.stringify(fields).slice(0, 40));
    assert.match(decodeEntities(r.text), msg);
    assert.match(r.text, /href="#f-(titel|toelichting)"/, 'the summary links the field');
  }
  const closed = await S['ag-red-p'].post(`/bijeenkomsten/${F.PAST}/agendapunten`, { titel: 'Te laat' });
  assert.equal(closed.status, 409);
  assert.match(decodeEntities(closed.text), /al begonnen/);
  assert.equal((await S['ag-red-p'].post('/bijeenkomsten/999999/agendapunten', { titel: 'Nergens' })).status, 404);
  // not a partner, staff, anonymous
  const x = await S['ag-red-x'].post(`/bijeenkomsten/${F.E}/agendapunten`, { titel: 'Van buiten' });
  assert.equal(x.status, 403);
  assert.match(decodeEntities(x.text), /gemeenten en waterschappen/);
  assert.equal((await S['ag-ah'].post(`/bijeenkomsten/${F.E}/agendapunten`, { titel: 'Van de provincie' })).status, 403);
  assert.equal((await anon.post(`/bijeenkomsten/${F.E}/agendapunten`, { titel: 'Anoniem' })).status, 401);
  assert.equal(items(), 0, 'nothing written');

  const loc = await S['ag-red-p'].submit(`/bijeenkomsten/${F.E}/agendapunten`, { titel: 'Woningbouw en de regio', toelichting: 'Hoe verdelen we de opgave?' });
  assert.match(loc, new RegExp(`^/bijeenkomsten/${F.E}\\?melding=agendapunt#h-agenda-samen$`));
  const page = await S['ag-red-p'].get(loc);
  assert.match(page.text, /Uw agendapunt is voorgesteld/);
  assert.match(page.text, /Woningbouw en de regio/);
  assert.match(page.text, /Voorstel van uw organisatie/);
  F.I1 = count("SELECT id FROM event_agenda_item WHERE title = 'Woningbouw en de regio'");
  assert.equal(count(`SELECT count(*) FROM audit_event WHERE entity = 'event_agenda_item' AND entity_key = '${F.I1}'`), 1);
});

test('the API: propose with a partner token; bad input and refusals write nothing', async () => {
  const p = T['ag-red-q'];
  const path = `/api/v1/bijeenkomsten/${F.E}/agendapunten`;
  const bad = [
    [{ titel: '' }, 'titel'],
    [{ titel: 'x'.repeat(201) }, 'titel'],
    [{ titel: 'Goed', onbekend: 1 }, 'body'],
    [{ titel: 12 }, 'titel'],
  ];
  for (const [body, field] of bad) {
    const r = await p.call('POST', path, { body });
    assert.equal(r.status, 400, JSON.stringify(body).slice(0, 40));
    assert.ok(r.json.invalidParams.some((x) => x.name === field), r.text);
  }
  assert.equal((await p.call('POST', `/api/v1/bijeenkomsten/${F.PAST}/agendapunten`, { body: { titel: 'Te laat' } })).status, 409);
  assert.equal((await p.call('POST', '/api/v1/bijeenkomsten/999999/agendapunten', { body: { titel: 'Nergens' } })).status, 404);
  assert.equal((await T['ag-red-x'].call('POST', path, { body: { titel: 'Van buiten' } })).status, 403);
  assert.equal((await T['ag-staf'].call('POST', path, { body: { titel: 'Van de provincie' } })).status, 403);
  assert.equal((await T.anon.call('POST', path, { body: { titel: 'Anoniem' } })).status, 401);
  assert.equal((await S['ag-red-q'].post(path, {})).status, 401, 'a web session is not a token');
  assert.equal(items(), 1, 'nothing written');

  const r = await p.call('POST', path, { body: { titel: 'Klimaatadaptatie samen', toelichting: 'Wateroverlast in de regio.' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.headers.get('location'), `/api/v1/agendapunten/${r.json.id}`);
  assert.equal(r.json.status, 'voorgesteld');
  assert.equal(r.json.organisatie, F.Q.code);
  assert.equal(r.json.organisatieNaam, F.Q.naam);
  assert.equal(r.json.steun, 0);
  assert.equal(r.json.volgorde, null);
  F.I2 = r.json.id;
  // a third one, to be rejected later
  F.I3 = (await T['ag-red-p'].call('POST', path, { body: { titel: 'Vergadertijden raden' } })).json.id;
  assert.ok(F.I3);
});

test('support: once per user, not for the own organisation, with clear messages', async () => {
  const steun = (who, id, ev = F.E) => S[who].post(`/bijeenkomsten/${ev}/agendapunten/${id}/steun`, {});
  const page = await S['ag-red-q'].get(`/bijeenkomsten/${F.E}`);
  assert.match(page.text, new RegExp(`action="/bijeenkomsten/${F.E}/agendapunten/${F.I1}/steun"`));
  assert.doesNotMatch(page.text, new RegExp(`action="/bijeenkomsten/${F.E}/agendapunten/${F.I2}/steun"`), 'no button for the own organisation');
  const loc = (await steun('ag-red-q', F.I1)).location;
  assert.match(loc, /melding=gesteund/);
  assert.equal(supports(), 1);
  const twice = await steun('ag-red-q', F.I1);
  assert.equal(twice.status, 409);
  assert.match(decodeEntities(twice.text), /U steunt dit agendapunt al/);
  const own = await steun('ag-red-p', F.I1);
  assert.equal(own.status, 403);
  assert.match(decodeEntities(own.text), /eigen organisatie/);
  assert.equal((await steun('ag-red-x', F.I1)).status, 403, 'not a partner');
  assert.equal((await steun('ag-ah', F.I1)).status, 403, 'staff do not support');
  assert.equal((await anon.post(`/bijeenkomsten/${F.E}/agendapunten/${F.I1}/steun`, {})).status, 401);
  assert.equal((await steun('ag-red-q', F.I1, F.E2)).status, 404, 'an item of another event');
  assert.equal((await steun('ag-red-q', 999999)).status, 404);
  assert.equal(supports(), 1, 'nothing written');
  // a second user of the same organisation supports too (through the API)
  const api = await T['ag-red-q2'].call('POST', `/api/v1/agendapunten/${F.I1}/steun`);
  assert.equal(api.status, 200, api.text);
  assert.equal(api.json.steun, 2);
  assert.equal(api.json.steunOrganisaties, 1);
  assert.equal(api.json.gesteund, true);
  assert.equal((await T['ag-red-q2'].call('POST', `/api/v1/agendapunten/${F.I1}/steun`)).status, 409);
  assert.equal((await T['ag-red-p'].call('POST', `/api/v1/agendapunten/${F.I1}/steun`)).status, 403);
  assert.equal((await T['ag-red-x'].call('POST', `/api/v1/agendapunten/${F.I1}/steun`)).status, 403);
  assert.equal((await T.anon.call('POST', `/api/v1/agendapunten/${F.I1}/steun`)).status, 401);
  assert.equal((await T['ag-red-p'].call('POST', '/api/v1/agendapunten/999999/steun')).status, 404);
  // the API propose-then-support on a started event: closed
  sql(srv.db, `INSERT INTO event_agenda_item (event_id, title, org_code, created_at, updated_at) VALUES (${F.PAST}, 'Oud voorstel', '${F.P.code}', '2021-01-01', '2021-01-01')`);
  const old = count("SELECT id FROM event_agenda_item WHERE title = 'Oud voorstel'");
  const late = await T['ag-red-q'].call('POST', `/api/v1/agendapunten/${old}/steun`);
  assert.equal(late.status, 409);
  assert.match(late.json.detail, /al begonnen/);
  assert.equal(supports(), 2);
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'event_agenda_support'"), 2);
  const page2 = await S['ag-red-p'].get(`/bijeenkomsten/${F.E}`);
  assert.match(page2.text, /2 keer gesteund \(1 organisatie\)/);
});

test('province staff decide: accept with order and time, reject; others may not', async () => {
  const decide = (who, id, fields) => S[who].post(`/bijeenkomsten/${F.E}/agendapunten/${id}/besluit`, fields);
  const form = await S['ag-ah'].get(`/bijeenkomsten/${F.E}`);
  assert.match(form.text, new RegExp(`action="/bijeenkomsten/${F.E}/agendapunten/${F.I1}/besluit"`));
  assertControlsLabelled('besluit-form', form.text);
  for (const [fields, msg] of [
    [{ status: 'onzin', volgorde: '', tijd: '' }, /Kies voorgesteld, geaccepteerd of afgewezen/],
    [{ status: 'geaccepteerd', volgorde: 'twee', tijd: '' }, /heel getal/],
    [{ status: 'geaccepteerd', volgorde: '1000', tijd: '' }, /heel getal/],
    [{ status: 'geaccepteerd', volgorde: '', tijd: '25:00' }, /uu:mm/],
  ]) {
    const r = await decide('ag-ah', F.I1, fields);
    assert.equal(r.status, 400, JSON.stringify(fields));
    assert.match(decodeEntities(r.text), msg);
  }
  assert.equal(count("SELECT count(*) FROM event_agenda_item WHERE status <> 'voorgesteld'"), 0, 'nothing written');
  assert.equal((await decide('ag-red-p', F.I1, { status: 'geaccepteerd' })).status, 403);
  assert.equal((await anon.post(`/bijeenkomsten/${F.E}/agendapunten/${F.I1}/besluit`, { status: 'geaccepteerd' })).status, 401);
  assert.equal((await S['ag-ah'].post(`/bijeenkomsten/${F.E2}/agendapunten/${F.I1}/besluit`, { status: 'geaccepteerd' })).status, 404);

  const loc = await S['ag-ah'].submit(`/bijeenkomsten/${F.E}/agendapunten/${F.I1}/besluit`, { status: 'geaccepteerd', volgorde: '2', tijd: '11:15' });
  assert.match(loc, /melding=agendabesluit/);
  // the API: staff token; partner and anonymous refused
  const patch = (who, id, body) => (who ? T[who] : T.anon).call('PATCH', `/api/v1/agendapunten/${id}`, { body });
  assert.equal((await patch('ag-red-q', F.I2, { status: 'geaccepteerd' })).status, 403);
  assert.equal((await patch(null, F.I2, { status: 'geaccepteerd' })).status, 401);
  assert.equal((await patch('ag-staf', 999999, { status: 'geaccepteerd' })).status, 404);
  for (const body of [{ status: 'klaar' }, { volgorde: 'een' }, { volgorde: 0 }, { tijd: '9u' }, { onbekend: 1 }, {}]) {
    const r = await patch('ag-staf', F.I2, body);
    assert.equal(r.status, 400, JSON.stringify(body));
  }
  const ok = await patch('ag-staf', F.I2, { status: 'geaccepteerd', volgorde: 1, tijd: '10:15' });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.volgorde, 1);
  assert.equal(ok.json.tijd, '10:15');
  const keep = await patch('ag-staf', F.I2, { tijd: null });
  assert.equal(keep.json.status, 'geaccepteerd', 'PATCH keeps what it does not name');
  assert.equal(keep.json.tijd, null);
  assert.equal(keep.json.volgorde, 1);
  await patch('ag-staf', F.I2, { tijd: '10:15' });
  assert.equal((await patch('ag-staf', F.I3, { status: 'afgewezen' })).status, 200);
  // an accepted item is no longer open for support
  const decided = await T['ag-red-p'].call('POST', `/api/v1/agendapunten/${F.I2}/steun`);
  assert.equal(decided.status, 409);
  assert.match(decided.json.detail, /al besloten/);
});

test('who sees what: the programme for everyone, proposals for partners and staff, never a user name', async () => {
  const page = await anon.get(`/bijeenkomsten/${F.E}`);
  const text = decodeEntities(page.text);
  const a = text.indexOf('Klimaatadaptatie samen');
  const b = text.indexOf('Woningbouw en de regio');
  assert.ok(a > 0 && b > a, 'the programme in order (volgorde 1, then 2)');
  assert.match(text, /10:15 uur/);
  assert.match(text, new RegExp(`Voorgesteld door ${F.Q.naam}`));
  assert.doesNotMatch(text, /Vergadertijden raden/, 'a rejected item is not public');
  assert.doesNotMatch(text, /Agenda in samenspraak/);
  for (const n of NAMES) assert.ok(!text.includes(n), `no user name on the public page: ${n}`);

  const api = await T.anon.call('GET', `/api/v1/bijeenkomsten/${F.E}/agenda`);
  assert.deepEqual(api.json.programma.map((i) => i.id), [F.I2, F.I1]);
  assert.equal(api.json.voorstellen, undefined);
  assert.equal((await T.anon.call('GET', `/api/v1/agendapunten/${F.I1}`)).status, 200);
  assert.equal((await T.anon.call('GET', `/api/v1/agendapunten/${F.I3}`)).status, 404, 'a rejected item is not public');
  assert.equal((await T['ag-red-x'].call('GET', `/api/v1/agendapunten/${F.I3}`)).status, 404, 'nor for a non-partner');
  assert.equal((await T.anon.call('GET', '/api/v1/agendapunten/999999')).status, 404);
  const partner = await T['ag-red-q'].call('GET', `/api/v1/bijeenkomsten/${F.E}/agenda`);
  assert.deepEqual(partner.json.voorstellen.map((i) => i.id), [F.I3]);
  assert.equal((await T['ag-red-q'].call('GET', `/api/v1/agendapunten/${F.I3}`)).json.status, 'afgewezen');
  const staff = await T['ag-staf'].call('GET', `/api/v1/bijeenkomsten/${F.E}/agenda`);
  assert.equal(staff.json.voorstellen.length, 1);
  for (const n of NAMES) assert.ok(!api.text.includes(n) && !partner.text.includes(n) && !staff.text.includes(n), `no user name in the API: ${n}`);

  const p = decodeEntities((await S['ag-red-p'].get(`/bijeenkomsten/${F.E}`)).text);
  assert.match(p, /Agenda in samenspraak/);
  assert.match(p, /Vergadertijden raden/);
  assert.match(p, /Niet in het programma/);
  for (const n of NAMES) assert.ok(!p.includes(n) || n === NAMES[0], `a partner page shows no other user's name: ${n}`);
  // the audit events carry no name and stay out of the public history
  const audit = sql(srv.db, "SELECT after FROM audit_event WHERE entity IN ('event_agenda_item', 'event_agenda_support')");
  for (const n of NAMES) assert.ok(!audit.includes(n), `no name in the audit: ${n}`);
  for (const path of ['/wijzigingen', '/wijzigingen.atom']) {
    const h = await anon.get(path);
    assert.ok(!h.text.includes('Woningbouw en de regio') && !h.text.includes('ag-red'), path);
  }
  // a started event: partners learn that proposing is over
  const past = decodeEntities((await S['ag-red-p'].get(`/bijeenkomsten/${F.PAST}`)).text);
  assert.match(past, /voorstellen en steunen kan niet meer/);
  assert.doesNotMatch(past, /action="\/bijeenkomsten\/\d+\/agendapunten"/);
});

test('the event page with its agenda passes the Nu HTML Checker for every reader', async () => {
  const pages = [
    ['anoniem', (await anon.get(`/bijeenkomsten/${F.E}`)).text],
    ['partner', (await S['ag-red-q'].get(`/bijeenkomsten/${F.E}`)).text],
    ['partner-fout', (await S['ag-red-q'].post(`/bijeenkomsten/${F.E}/agendapunten`, { titel: '' })).text],
    ['staf', (await S['ag-ah'].get(`/bijeenkomsten/${F.E}`)).text],
    ['staf-fout', (await S['ag-ah'].post(`/bijeenkomsten/${F.E}/agendapunten/${F.I1}/besluit`, { status: 'x', volgorde: '', tijd: '' })).text],
  ];
  await assertValidPages(path.join(srv.dir, 'vnu-agenda'), pages);
});
