// instrumenten — the requests side of the instrument kit against the real
// binary, on SQLite or PostgreSQL: a partner's editor asks for a financial
// scan, a stimulus contribution and a lobby dossier (form and API); bad
// input gets a Dutch message per field and writes nothing; province staff
// move requests through their statuses with a decision (amount, reason),
// each change mailed to the requester through the outbox in the same
// transaction; granted stimulus contributions and lobby dossiers become
// public (page, API, the collaboration page of a linked stimulus), other
// partners add their support to a lobby dossier; financial scans and
// undecided requests stay private. Fictional people; seed organisations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled } from './harness.mjs';

const TODAY = new Date().toISOString().slice(0, 10);
let srv, anon;
const S = {};
const T = {};
const F = {};
const count = (t) => Number(sql(srv.db, `SELECT count(*) FROM ${t}`));
const idOf = (title) => Number(sql(srv.db, `SELECT id FROM instrument_request WHERE title = '${title}'`));

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  F.P = inProv[0].code;
  F.Q = inProv[1].code;
  F.R = inProv[2].code;
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=5');
  F.C = list.samenwerkingsverbanden[0].id;
  addUser(srv.db, 'ins-red-p', 'redacteur', { org: F.P, display: 'Redacteur Testwaard', extra: ['--email', 'redacteur.testwaard@example.org'] });
  addUser(srv.db, 'ins-red-q', 'redacteur', { org: F.Q });
  addUser(srv.db, 'ins-ah', 'accounthouder');
  for (const n of ['ins-red-p', 'ins-red-q', 'ins-ah']) S[n] = await login(srv.base, n);
  T.redP = apiClient(srv, addToken(srv.db, 'ins-red-p', 't'));
  T.redQ = apiClient(srv, addToken(srv.db, 'ins-red-q', 't'));
  T.ah = apiClient(srv, addToken(srv.db, 'ins-ah', 't'));
});

after(() => srv?.stop());

test('a partner editor asks for a stimulus contribution through the form; bad input writes nothing', async () => {
  const form = await S['ins-red-p'].get('/instrumenten/nieuw?soort=stimulans');
  assert.equal(form.status, 200);
  assertControlsLabelled('nieuwe aanvraag', form.text);
  const bad = await S['ins-red-p'].post('/instrumenten/nieuw', { soort: 'stimulans', titel: '', doel: '', bedrag: 'veel', periodeVan: '2027-06-01', periodeTot: '2027-01-01' });
  assert.equal(bad.status, 400);
  const t = decodeEntities(bad.text);
  for (const f of ['titel', 'doel', 'bedrag', 'periodeTot']) assert.match(bad.text, new RegExp(`href="#f-${f}"`), f);
  assert.match(t, /Het einde ligt voor het begin/);
  assert.equal(count('instrument_request'), 0);
  const loc = await S['ins-red-p'].submit('/instrumenten/nieuw', [
    ['soort', 'stimulans'],
    ['titel', 'Samen sterker in Testwaard'],
    ['doel', 'Drie buurgemeenten verkennen een gedeelde dienst.'],
    ['bedrag', '25.000'],
    ['periodeVan', '2027-01-01'],
    ['periodeTot', '2027-12-31'],
    ['partners', F.Q],
    ['partners', F.R],
  ]);
  assert.match(loc, /\/instrumenten\/\d+\?melding=ingediend/);
  const id = idOf('Samen sterker in Testwaard');
  assert.equal(sql(srv.db, `SELECT amount_asked || '|' || status || '|' || org_code FROM instrument_request WHERE id = ${id}`).trim(), `2500000|ingediend|${F.P}`);
  assert.equal(sql(srv.db, `SELECT count(*) FROM instrument_party WHERE request_id = ${id}`).trim(), '2');
  // not public yet: anonymous and unrelated partners do not see it
  assert.equal((await anon.get(`/instrumenten/${id}`)).status, 404);
  assert.ok(!(await anon.get('/instrumenten')).text.includes('Samen sterker in Testwaard'));
  assert.equal((await apiClient(srv, '').call('GET', `/api/v1/instrumenten/${id}`)).status, 404);
  // a party (Q) sees it; the requester sees it in its list
  assert.equal((await S['ins-red-q'].get(`/instrumenten/${id}`)).status, 200);
  assert.ok((await S['ins-red-p'].get('/instrumenten')).text.includes('Samen sterker in Testwaard'));
  // an editor asks only for their own organisation
  const other = await T.redP.call('POST', '/api/v1/instrumenten', { body: { organisatie: F.Q, soort: 'financiele_scan', titel: 'Namens een ander' } });
  assert.equal(other.status, 403);
  assert.equal((await anon.post('/instrumenten/nieuw', { soort: 'financiele_scan', titel: 'x' })).status !== 303, true);
});

test('province staff decide; each status change mails the requester in the same transaction', async () => {
  const id = idOf('Samen sterker in Testwaard');
  assert.equal((await S['ins-red-p'].post(`/instrumenten/${id}/status`, { status: 'toegekend' })).status, 403, 'the requester does not decide');
  const noAmount = await S['ins-ah'].post(`/instrumenten/${id}/status`, { status: 'toegekend', besluitdatum: '', bedragToegekend: '', reden: '' });
  assert.equal(noAmount.status, 400);
  assert.match(decodeEntities(noAmount.text), /bedrag/i);
  const wrongMove = await S['ins-ah'].post(`/instrumenten/${id}/status`, { status: 'afgerond', besluitdatum: '', bedragToegekend: '', reden: '' });
  assert.equal(wrongMove.status, 409, 'ingediend cannot go to afgerond');
  await S['ins-ah'].submit(`/instrumenten/${id}/status`, { status: 'in_behandeling', besluitdatum: '', bedragToegekend: '', reden: '' });
  await S['ins-ah'].submit(`/instrumenten/${id}/status`, { status: 'toegekend', besluitdatum: TODAY, bedragToegekend: '20.000', reden: 'Past in de regeling.' });
  const row = sql(srv.db, `SELECT status || '|' || granted || '|' || amount_granted || '|' || decision_date FROM instrument_request WHERE id = ${id}`).trim();
  assert.equal(row, `toegekend|1|2000000|${TODAY}`);
  const mails = sql(srv.db, `SELECT to_address || '|' || subject FROM outbox WHERE kind = 'aanvraag-status' ORDER BY id`).trim().split('\n');
  assert.equal(mails.length, 2, 'one mail per status change');
  assert.ok(mails.every((m) => m.startsWith('redacteur.testwaard@example.org|')));
  assert.match(mails[1], /Toegekend/);
  const body = sql(srv.db, `SELECT body FROM outbox WHERE dedupe_key = 'aanvraag-${id}-toegekend'`);
  assert.match(body, /20\.000/);
  assert.match(body, /Past in de regeling/);
  // the audit trail names the request and status, not the text
  const audit = sql(srv.db, "SELECT \"after\" FROM audit_event WHERE entity = 'instrument_request'");
  assert.ok(!audit.includes('Samen sterker') && !audit.includes('Past in de regeling'));
});

test('a granted stimulus is public, and shows on the collaboration it helped start', async () => {
  const id = idOf('Samen sterker in Testwaard');
  const page = await anon.get('/instrumenten');
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('Samen sterker in Testwaard'));
  assert.ok(page.text.includes(`href="/instrumenten/${id}"`), 'the overview links the request');
  assert.match(decodeEntities(page.text), /€ 20\.000/);
  const api = await apiClient(srv, '').call('GET', '/api/v1/instrumenten');
  assert.equal(api.status, 200);
  const item = api.json.instrumenten.find((x) => x.id === id);
  assert.equal(item.bedragToegekend, 20000);
  assert.deepEqual(item.betrokkenOrganisaties.sort(), [F.Q, F.R].sort());
  assert.equal(api.json.aanvragen, undefined, 'no private list without a token');
  const before = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.ok(!before.text.includes('Stimulans in samenwerking'));
  await S['ins-ah'].submit(`/instrumenten/${id}/samenwerkingsverband`, { samenwerkingsverband: F.C });
  const after = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.ok(after.text.includes('Stimulans in samenwerking'), 'the cached collaboration page shows the contribution after the link');
  assert.ok(after.text.includes('Samen sterker in Testwaard'));
  const patch = await T.ah.call('PATCH', `/api/v1/instrumenten/${id}`, { body: { samenwerkingsverband: 'bestaat-niet' } });
  assert.equal(patch.status, 400);
});

test('a financial scan stays private; a lobby dossier becomes public and partners add their support', async () => {
  const scan = await T.redP.call('POST', '/api/v1/instrumenten', { body: { soort: 'financiele_scan', titel: 'Financiële scan Testwaard' } });
  assert.equal(scan.status, 201, scan.text);
  const lobby = await T.redP.call('POST', '/api/v1/instrumenten', { body: { soort: 'lobby', titel: 'Spoorverdubbeling Testlijn', doel: 'Eén stem richting het Rijk.' } });
  assert.equal(lobby.status, 201, lobby.text);
  const noPurpose = await T.redP.call('POST', '/api/v1/instrumenten', { body: { soort: 'lobby', titel: 'Zonder doel' } });
  assert.equal(noPurpose.status, 400);
  assert.equal(noPurpose.json.invalidParams[0].name, 'doel');
  // granting the scan does not make it public
  for (const st of ['in_behandeling', 'toegekend']) {
    const r = await T.ah.call('PATCH', `/api/v1/instrumenten/${scan.json.id}`, { body: { status: st, reden: 'Fictief.' } });
    assert.equal(r.status, 200, r.text);
  }
  assert.equal((await anon.get(`/instrumenten/${scan.json.id}`)).status, 404);
  assert.ok(!(await anon.get('/instrumenten')).text.includes('Financiële scan Testwaard'));
  // the lobby dossier: refused support before it is public; then granted
  assert.equal((await T.redQ.call('POST', `/api/v1/instrumenten/${lobby.json.id}/steun`)).status, 404);
  const g = await T.ah.call('PATCH', `/api/v1/instrumenten/${lobby.json.id}`, { body: { status: 'toegekend' } });
  assert.equal(g.status, 200, g.text);
  const q = await S['ins-red-q'].get(`/instrumenten/${lobby.json.id}`);
  assert.match(q.text, /Wij steunen dit dossier/);
  await S['ins-red-q'].submit(`/instrumenten/${lobby.json.id}/steun`, {});
  const again = await T.redQ.call('POST', `/api/v1/instrumenten/${lobby.json.id}/steun`);
  assert.equal(again.status, 409);
  const own = await T.redP.call('POST', `/api/v1/instrumenten/${lobby.json.id}/steun`);
  assert.equal(own.status, 403, 'the requester does not support its own dossier');
  const pub = await apiClient(srv, '').call('GET', `/api/v1/instrumenten/${lobby.json.id}`);
  assert.deepEqual(pub.json.gesteundDoor, [F.Q]);
  const list = await anon.get('/instrumenten');
  assert.ok(list.text.includes('Spoorverdubbeling Testlijn'));
  // the requester's token list holds all three requests
  const mine = await T.redP.call('GET', '/api/v1/instrumenten');
  assert.equal(mine.json.aanvragen.length, 3);
});

test('requests never reach the public history or search', async () => {
  for (const p of ['/wijzigingen', '/wijzigingen.atom']) {
    const r = await anon.get(p);
    assert.ok(!r.text.includes('instrument_request') && !r.text.includes('Financiële scan Testwaard'), p);
  }
});
