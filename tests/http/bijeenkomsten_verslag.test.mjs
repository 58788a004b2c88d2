// bijeenkomsten_verslag — after the event, against the real binary on SQLite
// or PostgreSQL (no mail server: the outbox keeps what is queued):
//   - the report and document links: only from the start, https only, Dutch
//     field errors and nothing written on bad input; public on the event page
//     and the open API, written by province staff only
//   - "Vastleggen in contactlog": one contact moment per chosen partner
//     (default: the organisations of those present), linked to the event,
//     the report as summary, intern, never twice; unknown partners refused
//   - follow-ups for a partner through the relations module, with the
//     owner's reminder, linked to that partner's contact moment
//   - staff correct and remove registrations; removing a place moves the
//     waiting list up with its mail in the same transaction
//   - reminders move (or are withdrawn) when the start of an event changes,
//     as the outbox API shows.
// All people are fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled,
} from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
const FUTURE = day(30);
const PAST = day(-2);

let srv, anon;
const S = {};
const T = {};
const F = {};
const saved = []; // [name, html], validated with the Nu HTML Checker at the end

const count = (q) => Number(String(sql(srv.db, q)).trim());
const one = (q) => String(sql(srv.db, q)).trim();

const event = (over = {}) => ({
  soort: 'netwerkdag',
  titel: 'Netwerkdag Verzonnen Verbinding',
  omschrijving: 'Een fictieve dag over samenwerking.',
  begin: `${FUTURE}T10:00`,
  einde: `${FUTURE}T16:00`,
  locatie: 'Provinciehuis, Utrecht',
  capaciteit: 40,
  organisator: 'Provincie Utrecht',
  ...over,
});

async function createApi(over = {}) {
  const r = await T.staf.call('POST', '/api/v1/bijeenkomsten', { body: event(over) });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

// Move an event into the past (a correction afterwards is allowed).
async function makePast(id) {
  const r = await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}`, {
    body: { begin: `${PAST}T10:00`, einde: `${PAST}T16:00`, aanmeldenTot: '' },
  });
  assert.equal(r.status, 200, r.text);
}

const regId = (eventId, user) =>
  Number(one(`SELECT r.id FROM event_registration r JOIN app_user u ON u.id = r.user_id WHERE r.event_id = ${eventId} AND u.username = '${user}'`));

before(async () => {
  srv = await startServer({ env: { ATLAS_PUBLIC_URL: 'https://atlas.example.org/' } });
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  F.P = inProv[0].code;
  F.Q = inProv[1].code;
  addUser(srv.db, 'vl-staf', 'programmateam', { display: 'Stafmedewerker Fictief', extra: ['--email', 'staf.fictief@example.org'] });
  addUser(srv.db, 'vl-ah', 'accounthouder', { display: 'Accounthouder Bedacht' });
  addUser(srv.db, 'vl-red', 'redacteur', { org: F.P, display: 'Redacteur Verzonnen', extra: ['--email', 'redacteur.verzonnen@voorbeeld.nl'] });
  addUser(srv.db, 'vl-red2', 'redacteur', { org: F.Q, display: 'Redacteur Tweede', extra: ['--email', 'redacteur.tweede@voorbeeld.nl'] });
  for (const n of ['vl-staf', 'vl-ah', 'vl-red', 'vl-red2']) S[n] = await login(srv.base, n);
  T.staf = apiClient(srv, addToken(srv.db, 'vl-staf', 'test'));
  T.ah = apiClient(srv, addToken(srv.db, 'vl-ah', 'test'));
  T.red = apiClient(srv, addToken(srv.db, 'vl-red', 'test'));
  T.anon = apiClient(srv, '');
});

after(async () => {
  await srv?.stop();
});

test('report and documents: only from the start, https only, public on the page and the API', async () => {
  const id = await createApi();
  // before the event: refused with a Dutch message, nothing written
  const early = await T.ah.call('PUT', `/api/v1/bijeenkomsten/${id}/verslag`, { body: { verslag: 'Te vroeg.' } });
  assert.equal(early.status, 400, early.text);
  assert.ok(early.json.invalidParams.some((p) => p.name === 'verslag' && /pas vanaf het begin/.test(p.reason)), early.text);
  const earlyPage = await S['vl-ah'].post(`/bijeenkomsten/${id}/verslag`, { verslag: 'Te vroeg.' });
  assert.equal(earlyPage.status, 400);
  assert.match(decodeEntities(earlyPage.text), /Een verslag vastleggen kan pas vanaf het begin van de bijeenkomst/);
  const earlyDoc = await T.ah.call('POST', `/api/v1/bijeenkomsten/${id}/documenten`, { body: { titel: 'Presentatie', url: 'https://voorbeeld.nl/a.pdf' } });
  assert.equal(earlyDoc.status, 400);
  assert.equal(one(`SELECT report FROM event WHERE id = ${id}`), '');
  const before = await S['vl-ah'].get(`/bijeenkomsten/${id}/verslag`);
  assert.equal(before.status, 200);
  assert.match(before.text, /Vanaf het begin van de bijeenkomst/);

  // who may: staff only
  assert.equal((await T.red.call('PUT', `/api/v1/bijeenkomsten/${id}/verslag`, { body: { verslag: 'x' } })).status, 403);
  assert.equal((await T.anon.call('PUT', `/api/v1/bijeenkomsten/${id}/verslag`, { body: { verslag: 'x' } })).status, 401);
  assert.equal((await S['vl-red'].get(`/bijeenkomsten/${id}/verslag`)).status, 403);
  assert.equal((await S['vl-red'].post(`/bijeenkomsten/${id}/verslag`, { verslag: 'x' })).status, 403);
  const a = await anon.get(`/bijeenkomsten/${id}/verslag`);
  assert.ok([302, 303, 401].includes(a.status), `anonymous: ${a.status}`);

  await makePast(id);
  const form = await S['vl-ah'].get(`/bijeenkomsten/${id}/verslag`);
  assert.equal(form.status, 200);
  assertControlsLabelled('verslag-en-vervolg', form.text);
  saved.push(['verslag-en-vervolg', form.text]);
  const loc = await S['vl-ah'].submit(`/bijeenkomsten/${id}/verslag`, { verslag: 'Goede gesprekken over <samenwerking>.\n\nTweede alinea: afspraken.' });
  assert.match(loc, /\/verslag\?melding=verslag$/);
  assert.match((await S['vl-ah'].get(loc)).text, /Het verslag is opgeslagen/);
  const put = await T.staf.call('PUT', `/api/v1/bijeenkomsten/${id}/verslag`, { body: { verslag: 'Goede gesprekken over <samenwerking>.\n\nTweede alinea: afspraken.' } });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.json.verslag, 'Goede gesprekken over <samenwerking>.\n\nTweede alinea: afspraken.');
  assert.equal((await T.staf.call('PUT', `/api/v1/bijeenkomsten/${id}/verslag`, { body: { tekst: 'x' } })).status, 400, 'unknown member');
  assert.equal((await T.staf.call('PUT', `/api/v1/bijeenkomsten/${id}/verslag`, { body: { verslag: 'x'.repeat(8001) } })).status, 400, 'too long');

  // document links: bad addresses and a missing title refused, nothing written
  const bad = [
    [{ titel: 'Presentatie', url: 'http://voorbeeld.nl/a.pdf' }, 'url'],
    [{ titel: 'Presentatie', url: 'javascript:alert(1)' }, 'url'],
    [{ titel: 'Presentatie', url: 'https://' }, 'url'],
    [{ titel: 'Presentatie', url: 'https://voorbeeld.nl/met spatie.pdf' }, 'url'],
    [{ titel: '', url: 'https://voorbeeld.nl/a.pdf' }, 'titel'],
  ];
  for (const [body, field] of bad) {
    const r = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/documenten`, { body });
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.status}`);
    assert.ok(r.json.invalidParams.some((p) => p.name === field), r.text);
    const pg = await S['vl-ah'].post(`/bijeenkomsten/${id}/documenten`, body);
    assert.equal(pg.status, 400);
    assert.match(pg.text, new RegExp(`href="#f-${field}"`));
  }
  const badPage = await S['vl-ah'].post(`/bijeenkomsten/${id}/documenten`, bad[0][0]);
  assert.match(decodeEntities(badPage.text), /begint met https:\/\//);
  saved.push(['document-fout', badPage.text]);
  assert.equal(count(`SELECT count(*) FROM event_document WHERE event_id = ${id}`), 0, 'nothing written');
  const doc = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/documenten`, { body: { titel: 'Presentatie Verbinding', url: 'https://voorbeeld.nl/presentatie.pdf' } });
  assert.equal(doc.status, 201, doc.text);
  assert.match(doc.headers.get('location'), new RegExp(`/api/v1/bijeenkomsten/${id}/verslag$`));
  await S['vl-ah'].submit(`/bijeenkomsten/${id}/documenten`, { titel: 'Verslag in pdf', url: 'https://voorbeeld.nl/verslag.pdf' });

  // public: the event page and the open API
  const page = await anon.get(`/bijeenkomsten/${id}`);
  assert.equal(page.status, 200);
  saved.push(['openbaar-met-verslag', page.text]);
  saved.push(['staf-met-verslag', (await S['vl-ah'].get(`/bijeenkomsten/${id}`)).text]);
  assert.match(page.text, /<h2[^>]*>Verslag<\/h2>/);
  assert.match(page.text, /Goede gesprekken over &lt;samenwerking&gt;\./);
  assert.match(page.text, /Tweede alinea: afspraken\./);
  assert.match(page.text, /href="https:\/\/voorbeeld.nl\/presentatie.pdf"[^>]*>Presentatie Verbinding/);
  assert.doesNotMatch(page.text, /\/verslag"/, 'the staff link only for staff');
  assert.match((await S['vl-ah'].get(`/bijeenkomsten/${id}`)).text, new RegExp(`href="/bijeenkomsten/${id}/verslag">Verslag en vervolg</a>`));
  const open = await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}/verslag`);
  assert.equal(open.status, 200);
  assert.equal(open.json.documenten.length, 2);
  assert.equal(open.json.documenten[0].url, 'https://voorbeeld.nl/presentatie.pdf');
  assert.equal((await T.anon.call('GET', '/api/v1/bijeenkomsten/999999/verslag')).status, 404);
  // removing a document link: staff only, through the page or the API
  const [d1, d2] = open.json.documenten.map((x) => x.id);
  assert.equal((await T.red.call('DELETE', `/api/v1/bijeenkomsten/${id}/documenten/${d2}`)).status, 403);
  assert.equal((await S['vl-red'].post(`/bijeenkomsten/${id}/documenten/${d2}/verwijderen`, {})).status, 403);
  assert.equal((await S['vl-ah'].post(`/bijeenkomsten/${id}/documenten/999999/verwijderen`, {})).status, 404);
  const other = await createApi({ titel: 'Een andere fictieve dag' });
  assert.equal((await T.staf.call('DELETE', `/api/v1/bijeenkomsten/${other}/documenten/${d2}`)).status, 404, 'not of this event');
  assert.match(await S['vl-ah'].submit(`/bijeenkomsten/${id}/documenten/${d2}/verwijderen`, {}), /melding=document-weg$/);
  const after1 = await T.staf.call('DELETE', `/api/v1/bijeenkomsten/${id}/documenten/${d1}`);
  assert.equal(after1.status, 200, after1.text);
  assert.deepEqual(after1.json.documenten, []);
  assert.equal((await T.staf.call('DELETE', `/api/v1/bijeenkomsten/${id}/documenten/${d1}`)).status, 404);
  await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/documenten`, { body: { titel: 'Presentatie Verbinding', url: 'https://voorbeeld.nl/presentatie.pdf' } });
  // the audit names the event, never the report's text
  assert.equal(count("SELECT count(*) FROM audit_event WHERE after LIKE '%Goede gesprekken%'"), 0);
});

test('"Vastleggen in contactlog" and follow-ups go to the relations module, privately', async () => {
  const id = await createApi({ titel: 'Netwerkdag Bedachte Buren' });
  // two partner editors register; only the one of P attends
  await S['vl-red'].submit(`/bijeenkomsten/${id}/aanmelden`, {});
  await S['vl-red2'].submit(`/bijeenkomsten/${id}/aanmelden`, {});
  // too early for the contact log and follow-ups
  const early = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/contactmomenten`, { body: { organisaties: [F.P] } });
  assert.equal(early.status, 400, early.text);
  assert.match(early.json.invalidParams[0].reason, /pas vanaf het begin/);
  await makePast(id);
  await S['vl-ah'].submit(`/bijeenkomsten/${id}/aanwezigheid`, { aanwezig: String(regId(id, 'vl-red')) });
  await T.staf.call('PUT', `/api/v1/bijeenkomsten/${id}/verslag`, { body: { verslag: 'Samenvatting van een verzonnen dag.' } });

  // the default choice: the organisations of those present
  const form = await S['vl-ah'].get(`/bijeenkomsten/${id}/verslag`);
  assert.equal(form.status, 200);
  const box = (code) => new RegExp(`<input[^>]*value="${code}"[^>]*>`).exec(form.text)?.[0] || '';
  assert.match(box(F.P), /checked/, 'the partner of an attendee is ticked');
  assert.doesNotMatch(box(F.Q), /checked/, 'registered but not present: not ticked');

  // bad input: nothing written
  const before = count('SELECT count(*) FROM contact_moment');
  for (const body of [{ organisaties: [] }, { organisaties: ['onbekend-fictief'] }, { organisaties: [F.P, 'onbekend-fictief'] }]) {
    const r = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/contactmomenten`, { body });
    assert.equal(r.status, 400, r.text);
    assert.ok(r.json.invalidParams.some((p) => p.name === 'organisaties'), r.text);
  }
  const badPage = await S['vl-ah'].post(`/bijeenkomsten/${id}/contactlog`, { organisaties: 'onbekend-fictief' });
  assert.equal(badPage.status, 400);
  assert.match(decodeEntities(badPage.text), /„onbekend-fictief” is geen partner van de provincie/);
  assert.equal((await T.red.call('POST', `/api/v1/bijeenkomsten/${id}/contactmomenten`, { body: { organisaties: [F.P] } })).status, 403);
  assert.equal((await S['vl-red'].post(`/bijeenkomsten/${id}/contactlog`, { organisaties: F.P })).status, 403);
  assert.equal(count('SELECT count(*) FROM contact_moment'), before, 'nothing written');

  // the page: one contact moment for P, linked to the event
  const loc = await S['vl-ah'].submit(`/bijeenkomsten/${id}/contactlog`, { organisaties: F.P });
  assert.match(loc, /melding=contactlog$/);
  const row = one(`SELECT org_code || '|' || kind || '|' || subject || '|' || summary || '|' || confidentiality || '|' || held_on FROM contact_moment WHERE event_id = ${id}`);
  assert.equal(row, `${F.P}|netwerkdag|Netwerkdag Bedachte Buren|Samenvatting van een verzonnen dag.|intern|${PAST}`);
  // again: no second one; the API adds Q only
  assert.match(await S['vl-ah'].submit(`/bijeenkomsten/${id}/contactlog`, { organisaties: F.P }), /melding=contactlog-al$/);
  const api = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/contactmomenten`, { body: { organisaties: [F.P, F.Q] } });
  assert.equal(api.status, 201, api.text);
  assert.equal(api.json.aangemaakt, 1);
  assert.equal(count(`SELECT count(*) FROM contact_moment WHERE event_id = ${id}`), 2);
  const again = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/contactmomenten`, { body: { organisaties: [F.Q] } });
  assert.equal(again.status, 200);
  assert.equal(again.json.aangemaakt, 0);
  // in the contact log for staff; private: not for the partner (intern), not for anonymous visitors
  assert.match((await S['vl-ah'].get(`/relaties/${F.P}`)).text, new RegExp(`<a [^>]*href="/bijeenkomsten/${id}"[^>]*>Netwerkdag Bedachte Buren</a>`), 'the contact log links to the event');
  assert.doesNotMatch((await S['vl-red'].get(`/relaties/${F.P}`)).text, /Netwerkdag Bedachte Buren/);
  assert.notEqual((await anon.get(`/relaties/${F.P}`)).status, 200);
  assert.doesNotMatch((await anon.get(`/bijeenkomsten/${id}`)).text, /contactlog/i);

  // follow-ups: without owner, unknown partner → Dutch field errors, nothing written
  const fu = (over = {}) => ({ organisatie: F.P, titel: 'Verzonnen afspraak uitwerken', eigenaar: 'vl-staf', uiterlijk: day(10), vertrouwelijkheid: 'intern', ...over });
  const nFu = count('SELECT count(*) FROM follow_up');
  for (const [over, field, msg] of [
    [{ eigenaar: '' }, 'eigenaar', /Kies wie deze vervolgactie oppakt/],
    [{ organisatie: 'onbekend-fictief' }, 'organisatie', /geen partner/],
    [{ organisatie: '' }, 'organisatie', /Kies een partner/],
    [{ uiterlijk: '2020-01-01' }, 'uiterlijk', /al voorbij/],
  ]) {
    const r = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/vervolgacties`, { body: fu(over) });
    assert.equal(r.status, 400, `${field}: ${r.text}`);
    const p = r.json.invalidParams.find((x) => x.name === field);
    assert.ok(p, r.text);
    assert.match(p.reason, msg);
  }
  const pageBad = await S['vl-ah'].post(`/bijeenkomsten/${id}/vervolgacties`, { organisatie: F.P, actie: '', eigenaar: '', uiterlijk: day(10), vertrouwelijkheid: 'intern' });
  assert.equal(pageBad.status, 400);
  assert.match(pageBad.text, /href="#f-actie"/);
  assert.match(pageBad.text, /href="#f-eigenaar"/);
  assert.equal(count('SELECT count(*) FROM follow_up'), nFu, 'nothing written');
  assert.equal((await T.red.call('POST', `/api/v1/bijeenkomsten/${id}/vervolgacties`, { body: fu() })).status, 403);

  const made = await T.staf.call('POST', `/api/v1/bijeenkomsten/${id}/vervolgacties`, { body: fu() });
  assert.equal(made.status, 201, made.text);
  const contact = one(`SELECT id FROM contact_moment WHERE event_id = ${id} AND org_code = '${F.P}'`);
  assert.equal(one(`SELECT org_code || '|' || contact_id || '|' || due_date FROM follow_up WHERE id = ${made.json.id}`), `${F.P}|${contact}|${day(10)}`);
  // the relations module's reminder to the owner, queued once
  assert.equal(count(`SELECT count(*) FROM outbox WHERE dedupe_key = 'vervolgactie-${made.json.id}-herinnering' AND to_address = 'staf.fictief@example.org'`), 1);
  const loc2 = await S['vl-ah'].submit(`/bijeenkomsten/${id}/vervolgacties`, { organisatie: F.Q, actie: 'Tweede verzonnen actie', eigenaar: 'vl-staf', uiterlijk: day(12), vertrouwelijkheid: 'intern' });
  assert.match(loc2, /melding=vervolgactie$/);
  assert.equal(count(`SELECT count(*) FROM follow_up WHERE org_code = '${F.Q}' AND title = 'Tweede verzonnen actie'`), 1);
});

test('staff correct and remove registrations; removing a place moves the waiting list up with its mail', async () => {
  const id = await createApi({ titel: 'Kennissessie Fictieve Kamer', soort: 'kennissessie', capaciteit: 1 });
  await S['vl-red'].submit(`/bijeenkomsten/${id}/aanmelden`, {});
  await S['vl-red2'].submit(`/bijeenkomsten/${id}/aanmelden`, {});
  const r1 = regId(id, 'vl-red');
  const r2 = regId(id, 'vl-red2');
  assert.equal(one(`SELECT status FROM event_registration WHERE id = ${r2}`), 'wachtlijst');

  // the staff list links to the registration's page
  const list = await S['vl-ah'].get(`/bijeenkomsten/${id}`);
  assert.match(list.text, new RegExp(`href="/bijeenkomsten/${id}/aanmeldingen/${r1}"`));
  const form = await S['vl-ah'].get(`/bijeenkomsten/${id}/aanmeldingen/${r1}`);
  assert.equal(form.status, 200);
  assertControlsLabelled('aanmelding-wijzigen', form.text);
  saved.push(['aanmelding', form.text]);
  assert.match(form.text, /redacteur.verzonnen@voorbeeld.nl/);
  assert.equal((await S['vl-red'].get(`/bijeenkomsten/${id}/aanmeldingen/${r1}`)).status, 403);
  assert.equal((await S['vl-ah'].get(`/bijeenkomsten/${id}/aanmeldingen/999999`)).status, 404);
  const other = await createApi({ titel: 'Een andere verzonnen sessie' });
  assert.equal((await S['vl-ah'].get(`/bijeenkomsten/${other}/aanmeldingen/${r1}`)).status, 404, 'not of this event');

  // correct: bad input refused, nothing written
  const bad = await S['vl-ah'].post(`/bijeenkomsten/${id}/aanmeldingen/${r1}`, { naam: '', organisatie: 'Gemeente Fictief' });
  assert.equal(bad.status, 400);
  assert.match(decodeEntities(bad.text), /Vul de naam van de deelnemer in/);
  saved.push(['aanmelding-fout', bad.text]);
  assert.equal(one(`SELECT name FROM event_registration WHERE id = ${r1}`), 'Redacteur Verzonnen');
  assert.equal((await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r1}`, { body: { zichtbaar: 'ja' } })).status, 400);
  assert.equal((await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r1}`, { body: { naam: 'a\nb' } })).status, 400);
  assert.equal((await T.red.call('PATCH', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r1}`, { body: { naam: 'x' } })).status, 403);
  const loc = await S['vl-ah'].submit(`/bijeenkomsten/${id}/aanmeldingen/${r1}`, { naam: 'Redacteur Verzonnen-Gewijzigd', organisatie: 'Gemeente Fictief', zichtbaar: '1' });
  assert.match(loc, /melding=aanmelding-gewijzigd/);
  assert.equal(one(`SELECT name || '|' || organisation || '|' || show_name FROM event_registration WHERE id = ${r1}`), 'Redacteur Verzonnen-Gewijzigd|Gemeente Fictief|1');
  const p = await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r2}`, { body: { organisatie: 'Waterschap Verzonnen', zichtbaar: true } });
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.organisatie, 'Waterschap Verzonnen');
  assert.equal(p.json.naam, 'Redacteur Tweede', 'PATCH keeps what it does not name');
  assert.equal(p.json.zichtbaar, true);

  // remove the place: the waiting list moves up, with its mail, and the reminders follow
  assert.equal(count(`SELECT count(*) FROM outbox WHERE dedupe_key = 'bijeenkomst-herinnering-${r1}' AND status = 'queued'`), 1);
  assert.equal((await S['vl-red'].post(`/bijeenkomsten/${id}/aanmeldingen/${r1}/verwijderen`, {})).status, 403);
  const gone = await S['vl-ah'].submit(`/bijeenkomsten/${id}/aanmeldingen/${r1}/verwijderen`, {});
  assert.match(gone, /melding=aanmelding-verwijderd/);
  assert.match((await S['vl-ah'].get(gone)).text, /De aanmelding is verwijderd/);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE id = ${r1}`), 0);
  assert.equal(one(`SELECT status FROM event_registration WHERE id = ${r2}`), 'bevestigd');
  assert.equal(count("SELECT count(*) FROM outbox WHERE kind = 'bijeenkomst-plaats-vrij' AND to_address = 'redacteur.tweede@voorbeeld.nl'"), 1);
  assert.equal(count(`SELECT count(*) FROM outbox WHERE dedupe_key = 'bijeenkomst-herinnering-${r1}'`), 0, 'the removed one\'s reminder is withdrawn');
  assert.equal(count(`SELECT count(*) FROM outbox WHERE dedupe_key = 'bijeenkomst-herinnering-${r2}' AND status = 'queued'`), 1);
  assert.equal(count(`SELECT count(*) FROM audit_event WHERE entity = 'event_registration' AND action = 'delete' AND entity_key = '${r1}'`), 1);

  // the API: remove the last one; again is 404
  const del = await T.staf.call('DELETE', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r2}`);
  assert.equal(del.status, 200, del.text);
  assert.equal(del.json.plaatsenVrij, 1);
  assert.equal((await T.staf.call('DELETE', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r2}`)).status, 404);
  assert.equal((await T.red.call('DELETE', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r2}`)).status, 403);
  assert.equal((await T.anon.call('DELETE', `/api/v1/bijeenkomsten/${id}/aanmeldingen/${r2}`)).status, 401);
});

test('queued reminders move with the start of the event, or are withdrawn when their moment has passed', async () => {
  const id = await createApi({ titel: 'Reflectieve sessie Schuivende Agenda', soort: 'reflectieve_sessie', doelgroep: 'ambtenaren' });
  await S['vl-red'].submit(`/bijeenkomsten/${id}/aanmelden`, {});
  const rid = regId(id, 'vl-red');
  const key = `bijeenkomst-herinnering-${rid}`;
  const reminder = async () => {
    const r = await T.staf.call('GET', '/api/v1/uitgaande-post?status=wachtrij');
    assert.equal(r.status, 200, r.text);
    return r.json.berichten.find((m) => m.soort === 'bijeenkomst-herinnering' && /Schuivende Agenda/.test(m.onderwerp));
  };
  assert.equal((await reminder()).volgendePogingNa, `${day(29)}T07:00:00.000Z`);

  // another change leaves it where it is
  await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { capaciteit: 30 } });
  assert.equal((await reminder()).volgendePogingNa, `${day(29)}T07:00:00.000Z`);
  // a later start: the day before the new start, 07:00 UTC (the form, too)
  const r = await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { begin: `${day(40)}T09:30`, einde: `${day(40)}T12:00` } });
  assert.equal(r.status, 200, r.text);
  assert.equal((await reminder()).volgendePogingNa, `${day(39)}T07:00:00.000Z`);
  await S['vl-ah'].submit(`/bijeenkomsten/${id}/bewerken`, {
    soort: 'reflectieve_sessie', doelgroep: 'ambtenaren', titel: 'Reflectieve sessie Schuivende Agenda', omschrijving: '',
    begin: `${day(20)}T09:30`, einde: `${day(20)}T12:00`, locatie: 'Provinciehuis, Utrecht', onlineLink: '', casus: '',
    capaciteit: '30', aanmeldenTot: '', organisator: 'Provincie Utrecht',
  });
  assert.equal((await reminder()).volgendePogingNa, `${day(19)}T07:00:00.000Z`);
  const page = await S['vl-staf'].get('/beheer/uitgaande-post');
  assert.equal(page.status, 200);
  assert.match(page.text, /Schuivende Agenda/);

  // a reminder a sender has claimed stays as it is
  sql(srv.db, `UPDATE outbox SET status = 'sending' WHERE dedupe_key = '${key}'`);
  await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { begin: `${day(25)}T09:30`, einde: `${day(25)}T12:00` } });
  assert.equal(one(`SELECT not_before FROM outbox WHERE dedupe_key = '${key}'`), `${day(19)}T07:00:00.000Z`);
  sql(srv.db, `UPDATE outbox SET status = 'queued' WHERE dedupe_key = '${key}'`);

  // a start so near that the reminder's moment has passed: withdrawn
  const near = await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { begin: `${day(0)}T23:00`, einde: `${day(0)}T23:59` } });
  assert.equal(near.status, 200, near.text);
  assert.equal(await reminder(), undefined);
  assert.equal(count(`SELECT count(*) FROM outbox WHERE dedupe_key = '${key}'`), 0);
});

test('the new pages are valid HTML (Nu HTML Checker)', async () => {
  assert.ok(saved.length >= 6, `pages saved: ${saved.length}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-verslag-vnu-'));
  try {
    await assertValidPages(dir, saved);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a new start: everyone with a place gets the new time and a new cancel link, and a reminder also when there was none', async () => {
  // the event starts early tomorrow: after 07:00 UTC today the moment of its
  // reminder (07:00 UTC the day before) has passed, so it gets none
  const id = await createApi({ titel: 'Kennissessie Verschoven Verwachting', soort: 'kennissessie', begin: `${day(1)}T06:00`, einde: `${day(1)}T08:00` });
  await S['vl-red2'].submit(`/bijeenkomsten/${id}/aanmelden`, {});
  const rid = regId(id, 'vl-red2');
  const key = `bijeenkomst-herinnering-${rid}`;
  if (new Date().getUTCHours() >= 7) assert.equal(count(`SELECT count(*) FROM outbox WHERE dedupe_key = '${key}'`), 0, 'too near for a reminder');
  const first = one(`SELECT body FROM outbox WHERE to_address = 'redacteur.tweede@voorbeeld.nl' AND kind = 'bijeenkomst-aanmelding' ORDER BY id DESC LIMIT 1`);
  const oldCancel = /\/bijeenkomsten\/afmelden\/[A-Za-z0-9_-]+/.exec(first)[0];

  const r = await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { begin: `${day(12)}T10:00`, einde: `${day(12)}T12:00` } });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT not_before FROM outbox WHERE dedupe_key = '${key}' AND status = 'queued'`), `${day(11)}T07:00:00.000Z`, 'a reminder now');
  const moved = one(`SELECT body FROM outbox WHERE to_address = 'redacteur.tweede@voorbeeld.nl' AND kind = 'bijeenkomst-verplaatst' ORDER BY id DESC LIMIT 1`);
  assert.match(moved, /nieuwe tijd/);
  const newCancel = /\/bijeenkomsten\/afmelden\/[A-Za-z0-9_-]+/.exec(moved)[0];
  assert.notEqual(newCancel, oldCancel);
  assert.match(one(`SELECT body FROM outbox WHERE dedupe_key = '${key}'`), new RegExp(newCancel), 'the reminder carries the new link');
  // the old link no longer works; the new one does
  assert.equal((await anon.get(oldCancel)).status, 404);
  assert.equal((await anon.get(newCancel)).status, 200);
  // a change that keeps the start sends nothing
  const before = count("SELECT count(*) FROM outbox WHERE kind = 'bijeenkomst-verplaatst'");
  await T.staf.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { capaciteit: 12 } });
  assert.equal(count("SELECT count(*) FROM outbox WHERE kind = 'bijeenkomst-verplaatst'"), before);
});
