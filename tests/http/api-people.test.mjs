// api-people — the read API of issue 5 against the real binary: /api/v1/personen
// (list, paging, filter organisatie), /api/v1/personen/{id}, the administrator's
// export, and the collaboration sub-resources zetels, rollen, fasen and
// afspraken. The privacy rule is the point: an anonymous caller sees only
// people with a public office and no contact details; an official
// (ambtenaar) exists only for signed-in callers (session or API token).
// People, offices, seats, assessments, phases and agreements are made through
// the web forms by a signed-in programme-staff user (users and tokens with
// the CLI); every fixture is fictional ("Testpersoon ...", example.org).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, assertSecurityHeaders, addUser, login } from './harness.mjs';

const C = 'veiligheidsregio-utrecht'; // openbaar lichaam (OL): AB, DB, voorzitter
const ORG = 'gm0344';
const HOSTILE = '<script>alert("x")</script> & "quote" \\ </b>';
let srv;
const TOK = {}; // role -> bearer token
const P = {}; // fixture name -> person key
let staff; // { cookie, csrf } of a signed-in programme-staff user

// GET an API path anonymously, with a bearer token or with a session.
async function call(p, { token, cookie, headers = {}, method = 'GET' } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (cookie) h.cookie = cookie;
  return srv.get(p, h, { method });
}
async function json(p, opts) {
  const r = await call(p, opts);
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json/);
  return r.json;
}

async function newPerson(naam, { partij = '', email = '', telefoon = '', opmerking = '' } = {}) {
  const loc = await staff.submit('/personen/nieuw', [['naam', naam], ['partij', partij], ['email', email], ['telefoon', telefoon], ['opmerking', opmerking]]);
  const m = /^\/personen\/([^/?]+)/.exec(loc || '');
  assert.ok(m, `new person redirect: ${loc}`);
  return decodeURIComponent(m[1]);
}
const addOffice = (key, f) =>
  staff.submit(`/personen/${key}/functies/nieuw`, [['organisatie', f.org], ['functie', f.functie], ['portefeuille', f.portefeuille || ''], ['van', f.van || ''], ['tot', f.tot || '']]);
const addSeat = (key, z) =>
  staff.submit(`/personen/${key}/zetels/nieuw`, [['samenwerkingsverband', z.verband], ['namens', z.namens], ['orgaan', z.orgaan], ['van', z.van || ''], ['tot', z.tot || '']]);

// Wait until the people forms answer (they are built in parallel with this API).
async function waitForForms() {
  for (let i = 0; i < 60; i++) {
    const r = await fetch(srv.base + '/personen/nieuw', { redirect: 'manual', headers: { cookie: staff.cookie } });
    await r.text();
    if (r.status === 200) return;
    await new Promise((res) => setTimeout(res, 1000));
  }
  assert.fail('/personen/nieuw never answered 200');
}

let deelname; // participation id of ORG in C

before(async () => {
  srv = await startServer();
  TOK.beheerder = addUser(srv.db, 'ap-beheer', 'beheerder', { token: 'test' });
  TOK.programmateam = addUser(srv.db, 'ap-staf', 'programmateam', { token: 'test' });
  TOK.redacteur = addUser(srv.db, 'ap-red', 'redacteur', { org: ORG, token: 'test' });
  staff = await login(srv.base, 'ap-staf');
  await waitForForms();

  // a public office holder with contact details, a hidden official office and a past seat
  P.bestuurder = await newPerson(`Testpersoon Bestuurder ${HOSTILE}`, {
    partij: 'Testpartij <b>&</b>',
    email: 'bestuurder@testdorp.example.org',
    telefoon: '030-0000001',
    opmerking: 'interne notitie',
  });
  await addOffice(P.bestuurder, { org: ORG, functie: 'wethouder', portefeuille: `Zorg ${HOSTILE}`, van: '2022-01-01' });
  await addOffice(P.bestuurder, { org: 'pv26', functie: 'ambtenaar', van: '2010-01-01', tot: '2015-01-01' });
  await addSeat(P.bestuurder, { verband: C, namens: ORG, orgaan: 'algemeen-bestuur', van: '2022-06-01' });
  await addSeat(P.bestuurder, { verband: C, namens: ORG, orgaan: 'dagelijks-bestuur', van: '2018-01-01', tot: '2020-01-01' });
  // an official: invisible to anonymous callers, seat included
  P.ambtenaar = await newPerson('Testpersoon Ambtenaar', { email: 'ambtenaar@testdorp.example.org', telefoon: '030-0000002' });
  await addOffice(P.ambtenaar, { org: ORG, functie: 'ambtenaar', van: '2020-01-01' });
  await addSeat(P.ambtenaar, { verband: C, namens: ORG, orgaan: 'adviescommissie', van: '2023-01-01' });
  // more public office holders for paging
  for (const n of ['Testpersoon Raadslid Een', 'Testpersoon Raadslid Twee', 'Testpersoon Raadslid Drie']) {
    const k = await newPerson(n, { partij: 'Testpartij' });
    await addOffice(k, { org: 'gm0307', functie: 'raadslid', van: '2022-03-30' });
    P[n] = k;
  }

  // role assessments, phase and agreement on C, through the forms
  const c = await json(`/api/v1/samenwerkingsverbanden/${C}`);
  deelname = c.deelnemers.find((d) => d.organisatie.code === ORG && d.actief).id;
  const assess = (datum, s, toelichting = '') =>
    staff.submit(`/samenwerkingsverbanden/${C}/deelnemers/${deelname}/rol`, [
      ['datum', datum], ['rechtmatig', String(s[0])], ['presterend', String(s[1])],
      ['samenwerkend', String(s[2])], ['responsief', String(s[3])], ['toelichting', toelichting],
    ]);
  await assess('2024-01-15', [5, 3, 2, 1], HOSTILE);
  await assess('2025-01-15', [2, 3, 5, 1]); // samenwerkend leads: a role change
  await assess('2026-01-15', [4, 4, 1, 1]); // a tie: no dominant perspective, no change
  await staff.submit(`/samenwerkingsverbanden/${C}/fasen/nieuw`, [['fase', 'groei'], ['procesfase', 'verkennen'], ['datum', '2010-01-01'], ['toelichting', HOSTILE]]);
  await staff.submit(`/samenwerkingsverbanden/${C}/afspraken/nieuw`, [
    ['titel', `Testafspraak ${HOSTILE}`], ['omschrijving', 'Fictieve afspraak voor de test.'], ['partijen', ORG],
    ['sinds', '2024-02-01'], ['status', 'geldend'], ['document', 'https://example.org/testafspraak.pdf'],
  ]);
});

after(async () => {
  await srv?.stop();
});

const hasContact = (o) => JSON.stringify(o).match(/testdorp\.example\.org|030-000000|email|telefoon|opmerking/);

test('anonymous list: public office holders only, no contact details; a token sees the official', async () => {
  const anon = await json('/api/v1/personen?paginaGrootte=100');
  const keys = anon.personen.map((p) => p.id);
  assert.ok(keys.includes(P.bestuurder), 'the wethouder is listed');
  assert.ok(!keys.includes(P.ambtenaar), 'the official is not listed anonymously');
  assert.equal(anon.totaal, anon.personen.length);
  assert.ok(!hasContact(anon), 'no contact details in the anonymous list');
  for (const p of anon.personen) {
    assert.equal(p.publiekeFunctie, true);
    assert.equal(p._links.self.href, `/api/v1/personen/${encodeURIComponent(p.id)}`);
  }
  const b = anon.personen.find((p) => p.id === P.bestuurder);
  assert.equal(b.aantalActieveZetels, 1, 'one current seat (AB), the DB seat is past');
  const auth = await json('/api/v1/personen?paginaGrootte=100', { token: TOK.redacteur });
  assert.ok(auth.personen.some((p) => p.id === P.ambtenaar && p.publiekeFunctie === false));
  assert.equal(auth.totaal, anon.totaal + 1);
  // a browser session counts as signed in too
  const sess = await json('/api/v1/personen?paginaGrootte=100', { cookie: staff.cookie });
  assert.equal(sess.totaal, auth.totaal);
});

test('anonymous detail: public facts only; the official is 404; a token adds contact and official offices', async () => {
  const anon = await json(`/api/v1/personen/${P.bestuurder}`);
  assert.equal(anon.id, P.bestuurder);
  assert.equal(anon.naam, `Testpersoon Bestuurder ${HOSTILE}`);
  assert.equal(anon.partij, 'Testpartij <b>&</b>');
  assert.ok(!('email' in anon) && !('telefoon' in anon) && !('opmerking' in anon));
  assert.ok(!hasContact(anon));
  assert.deepEqual(anon.functies.map((f) => f.functie), ['wethouder'], 'the official office is hidden');
  const f = anon.functies[0];
  assert.equal(f.organisatie.code, ORG);
  assert.ok(f.organisatie.naam);
  assert.equal(f.portefeuille, `Zorg ${HOSTILE}`);
  assert.equal(f.van, '2022-01-01');
  assert.equal(f.tot, null);
  assert.equal(f.actief, true);
  assert.equal(anon.zetels.length, 2);
  const ab = anon.zetels.find((z) => z.orgaan === 'algemeen-bestuur');
  const db = anon.zetels.find((z) => z.orgaan === 'dagelijks-bestuur');
  assert.equal(ab.samenwerkingsverband.id, C);
  assert.equal(ab.namens.code, ORG);
  assert.equal(ab.actief, true);
  assert.equal(db.actief, false);
  assert.equal(db.tot, '2020-01-01');
  assert.ok(!anon._links.export, 'no export link for anonymous callers');

  const auth = await json(`/api/v1/personen/${P.bestuurder}`, { token: TOK.redacteur });
  assert.equal(auth.email, 'bestuurder@testdorp.example.org');
  assert.equal(auth.telefoon, '030-0000001');
  assert.equal(auth.opmerking, 'interne notitie');
  assert.deepEqual(auth.functies.map((x) => x.functie).sort(), ['ambtenaar', 'wethouder']);
  assert.ok(!auth._links.export, 'no export link for a non-administrator');
  const admin = await json(`/api/v1/personen/${P.bestuurder}`, { token: TOK.beheerder });
  assert.equal(admin._links.export.href, `/api/v1/personen/${P.bestuurder}/export`);

  const hidden = await call(`/api/v1/personen/${P.ambtenaar}`);
  assert.equal(hidden.status, 404);
  assert.match(hidden.headers.get('content-type') || '', /^application\/problem\+json/);
  assert.ok(!hidden.text.includes('Ambtenaar'), 'a 404 does not reveal the name');
  const seen = await json(`/api/v1/personen/${P.ambtenaar}`, { token: TOK.redacteur });
  assert.equal(seen.email, 'ambtenaar@testdorp.example.org');
  assert.equal(seen.publiekeFunctie, false);
  assert.deepEqual(seen.functies.map((x) => x.functie), ['ambtenaar']);
  assert.equal(seen.zetels[0].orgaan, 'adviescommissie');
});

test('paging, the organisatie filter and bad parameters', async () => {
  const all = await json('/api/v1/personen?paginaGrootte=100');
  const p1 = await json('/api/v1/personen?paginaGrootte=2');
  assert.equal(p1.paginaGrootte, 2);
  assert.equal(p1.pagina, 1);
  assert.equal(p1.totaal, all.totaal);
  assert.equal(p1.aantalPaginas, Math.ceil(all.totaal / 2));
  assert.equal(p1.personen.length, 2);
  assert.ok(p1._links.next && !p1._links.prev);
  const p2 = await json(p1._links.next.href);
  assert.equal(p2.pagina, 2);
  assert.deepEqual(
    [...p1.personen, ...p2.personen].map((p) => p.id),
    all.personen.slice(0, 4).map((p) => p.id),
  );
  const beyond = await json('/api/v1/personen?paginaGrootte=2&pagina=99');
  assert.equal(beyond.personen.length, 0);

  const anonOrg = await json(`/api/v1/personen?organisatie=${ORG}`);
  assert.deepEqual(anonOrg.personen.map((p) => p.id), [P.bestuurder]);
  const authOrg = await json(`/api/v1/personen?organisatie=${ORG}`, { token: TOK.programmateam });
  assert.deepEqual(authOrg.personen.map((p) => p.id).sort(), [P.ambtenaar, P.bestuurder].sort());
  assert.ok(authOrg._links.self.href.includes(`organisatie=${ORG}`));
  const raad = await json('/api/v1/personen?organisatie=gm0307');
  assert.equal(raad.totaal, 3);
  // the official office of the wethouder at pv26 does not make them findable anonymously
  const pv = await json('/api/v1/personen?organisatie=pv26');
  assert.ok(!pv.personen.some((p) => p.id === P.bestuurder));
  const pvAuth = await json('/api/v1/personen?organisatie=pv26', { token: TOK.redacteur });
  assert.ok(pvAuth.personen.some((p) => p.id === P.bestuurder));

  for (const q of ['pagina=0', 'pagina=abc', 'paginaGrootte=101', 'organisatie=xx9999']) {
    const r = await call(`/api/v1/personen?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.headers.get('content-type') || '', /^application\/problem\+json/, q);
    assert.ok(r.json.invalidParams || r.json.detail, q);
  }
});

test('404s for unknown people and collaborations', async () => {
  for (const p of [
    '/api/v1/personen/bestaat-niet',
    '/api/v1/samenwerkingsverbanden/bestaat-niet/zetels',
    '/api/v1/samenwerkingsverbanden/bestaat-niet/rollen',
    '/api/v1/samenwerkingsverbanden/bestaat-niet/fasen',
    '/api/v1/samenwerkingsverbanden/bestaat-niet/afspraken',
  ]) {
    const r = await call(p);
    assert.equal(r.status, 404, p);
    assert.match(r.headers.get('content-type') || '', /^application\/problem\+json/, p);
    assert.equal(r.json.status, 404, p);
  }
  const r = await call('/api/v1/personen/bestaat-niet/export', { token: TOK.beheerder });
  assert.equal(r.status, 404);
  const m = await call('/api/v1/personen', { method: 'DELETE' });
  assert.equal(m.status, 405);
});

test('zetels: bodies of the legal form, seats current and past, officials only with a token', async () => {
  const anon = await json(`/api/v1/samenwerkingsverbanden/${C}/zetels`);
  assert.equal(anon.samenwerkingsverband.id, C);
  assert.equal(anon.samenwerkingsverband.juridischeVorm, 'OL');
  assert.equal(anon._links.self.href, `/api/v1/samenwerkingsverbanden/${C}/zetels`);
  assert.equal(anon._links.samenwerkingsverband.href, `/api/v1/samenwerkingsverbanden/${C}`);
  for (const o of ['algemeen-bestuur', 'dagelijks-bestuur', 'voorzitter']) assert.ok(anon.organen.includes(o), o);
  assert.ok(!anon.organen.includes('bestuur'), 'an OL has no single bestuur');
  const mine = anon.zetels.filter((z) => z.persoon.id === P.bestuurder);
  assert.equal(mine.length, 2);
  assert.equal(anon.totaal, anon.zetels.length);
  assert.ok(!anon.zetels.some((z) => z.persoon.id === P.ambtenaar), 'the official\'s seat is hidden');
  assert.ok(!hasContact(anon));
  const z = mine.find((x) => x.orgaan === 'algemeen-bestuur');
  assert.equal(z.persoon.naam, `Testpersoon Bestuurder ${HOSTILE}`);
  assert.equal(z.persoon.gewist, false);
  assert.equal(z.persoon._links.self.href, `/api/v1/personen/${P.bestuurder}`);
  assert.equal(z.namens.code, ORG);
  assert.equal(z.van, '2022-06-01');
  assert.equal(z.actief, true);
  const auth = await json(`/api/v1/samenwerkingsverbanden/${C}/zetels`, { token: TOK.redacteur });
  assert.equal(auth.totaal, anon.totaal + 1);
  assert.ok(auth.zetels.some((x) => x.persoon.id === P.ambtenaar && x.orgaan === 'adviescommissie'));
  // a collaboration without seats: an empty list, not an error
  const other = await json('/api/v1/samenwerkingsverbanden?paginaGrootte=1');
  const empty = await json(`/api/v1/samenwerkingsverbanden/${other.samenwerkingsverbanden[0].id}/zetels`);
  assert.ok(Array.isArray(empty.zetels) && Array.isArray(empty.organen));
});

test('rollen: assessments per participation, dominant perspective, role changes and ties', async () => {
  const j = await json(`/api/v1/samenwerkingsverbanden/${C}/rollen`);
  assert.deepEqual(j.perspectieven.map((p) => p.code), ['rechtmatig', 'presterend', 'samenwerkend', 'responsief']);
  for (const p of j.perspectieven) assert.ok(p.naam && p.toelichting);
  const d = j.deelnames.find((x) => x.deelname === deelname);
  assert.equal(d.organisatie.code, ORG);
  assert.equal(d.beoordelingen.length, 3);
  const [a, b, c] = d.beoordelingen;
  assert.deepEqual(a.scores, { rechtmatig: 5, presterend: 3, samenwerkend: 2, responsief: 1 });
  assert.equal(a.datum, '2024-01-15');
  assert.equal(a.dominantPerspectief, 'rechtmatig');
  assert.equal(a.rolwisseling, false);
  assert.equal(a.toelichting, HOSTILE);
  assert.equal(b.dominantPerspectief, 'samenwerkend');
  assert.equal(b.rolwisseling, true);
  assert.equal(b.vorigDominantPerspectief, 'rechtmatig');
  assert.equal(c.dominantPerspectief, null, 'a tie has no dominant perspective');
  assert.equal(c.rolwisseling, false, 'a change to a tie is no role change');
  assert.equal(d.huidigDominantPerspectief, null);
  assert.equal(d.aantalRolwisselingen, 1);
  assert.ok(j.aantalRolwisselingen >= 1);
  assert.ok(!('ingevoerdDoor' in a), 'who entered it is for signed-in callers');
  // every participation is listed, also without assessments
  const c0 = await json(`/api/v1/samenwerkingsverbanden/${C}`);
  assert.equal(j.deelnames.length, c0.deelnemers.length);
  const auth = await json(`/api/v1/samenwerkingsverbanden/${C}/rollen`, { token: TOK.redacteur });
  const da = auth.deelnames.find((x) => x.deelname === deelname);
  assert.match(da.beoordelingen[0].ingevoerdDoor || '', /ap-staf/);
});

test('fasen and afspraken: shapes and values', async () => {
  const f = await json(`/api/v1/samenwerkingsverbanden/${C}/fasen`);
  assert.equal(f._links.self.href, `/api/v1/samenwerkingsverbanden/${C}/fasen`);
  const e = f.fasen.find((x) => x.datum === '2010-01-01');
  assert.ok(e, JSON.stringify(f.fasen));
  assert.equal(e.fase, 'groei');
  assert.equal(e.procesfase, 'verkennen');
  assert.equal(e.toelichting, HOSTILE);
  assert.equal(f.totaal, f.fasen.length);
  assert.ok('huidigeFase' in f);

  const a = await json(`/api/v1/samenwerkingsverbanden/${C}/afspraken`);
  const x = a.afspraken.find((y) => y.titel === `Testafspraak ${HOSTILE}`);
  assert.ok(x, JSON.stringify(a.afspraken));
  assert.equal(x.status, 'geldend');
  assert.equal(x.sinds, '2024-02-01');
  assert.equal(x.document, 'https://example.org/testafspraak.pdf');
  assert.equal(x.alleDeelnemers, false);
  assert.deepEqual(x.partijen.map((p) => p.code), [ORG]);
  assert.ok(x.partijen[0].naam);
  assert.ok(Number.isInteger(x.versie) && x.versie >= 1);
  assert.equal(a.totaal, a.afspraken.length);
});

test('export: 401 anonymous, 403 for non-administrators, 200 JSON attachment for a beheerder', async () => {
  const p = `/api/v1/personen/${P.bestuurder}/export`;
  const anon = await call(p);
  assert.equal(anon.status, 401);
  assert.match(anon.headers.get('www-authenticate') || '', /^Bearer/);
  assert.match(anon.headers.get('content-type') || '', /^application\/problem\+json/);
  for (const role of ['redacteur', 'programmateam']) {
    const r = await call(p, { token: TOK[role] });
    assert.equal(r.status, 403, role);
    assert.ok(!r.text.includes('testdorp'), `${role}: nothing leaks`);
  }
  const r = await call(p, { token: TOK.beheerder });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.headers.get('content-type') || '', /^application\/json/);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  assert.equal(r.headers.get('etag'), null);
  assert.match(r.headers.get('content-disposition') || '', /^attachment; filename="persoon-[a-z0-9-]+\.json"$/);
  assert.ok(r.json && typeof r.json === 'object');
  assert.ok(r.text.includes('bestuurder@testdorp.example.org'), 'the export holds the contact details');
  assert.ok(r.text.includes('ambtenaar'), 'and the official office');
});

test('hostile strings are escaped in the JSON text and round-trip exactly', async () => {
  for (const p of [
    `/api/v1/personen/${P.bestuurder}`,
    '/api/v1/personen?paginaGrootte=100',
    `/api/v1/samenwerkingsverbanden/${C}/zetels`,
    `/api/v1/samenwerkingsverbanden/${C}/rollen`,
    `/api/v1/samenwerkingsverbanden/${C}/fasen`,
    `/api/v1/samenwerkingsverbanden/${C}/afspraken`,
  ]) {
    const r = await call(p);
    assert.equal(r.status, 200, p);
    assert.ok(!/[<>]/.test(r.text), `${p}: < or > unescaped`);
    assert.ok(r.text.includes('\\u003cscript\\u003e'), `${p}: the hostile text is there, escaped`);
    assert.ok(JSON.stringify(r.json).includes('<script>alert(\\"x\\")</script>'), `${p}: round trip`);
  }
});

test('headers: ETag per view and data version, 304, Vary, private for signed-in callers, HEAD', async () => {
  const u = `/api/v1/personen/${P.bestuurder}`;
  const a1 = await call(u);
  const etag = a1.headers.get('etag');
  assert.match(etag || '', /^"pv\d+-\d+-\d{4}-\d{2}-\d{2}-o(-gz)?"$/);
  assert.match(a1.headers.get('vary') || '', /Authorization/);
  assert.equal(a1.headers.get('access-control-allow-origin'), '*');
  assert.match(a1.headers.get('api-version') || '', /^\d+\.\d+\.\d+$/);
  assertSecurityHeaders(a1.headers, u);
  const nm = await call(u, { headers: { 'if-none-match': etag } });
  assert.equal(nm.status, 304);
  assert.equal(nm.body.length, 0);
  const t = await call(u, { token: TOK.redacteur, headers: { 'if-none-match': etag } });
  assert.equal(t.status, 200, 'an anonymous ETag never validates a signed-in reply');
  assert.match(t.headers.get('etag') || '', /-i(-gz)?"$/);
  assert.match(t.headers.get('cache-control') || '', /private/);
  const h = await call(u, { method: 'HEAD' });
  assert.equal(h.status, 200);
  assert.equal(h.body.length, 0);
  // a write changes the data version, so the tag changes
  await newPerson('Testpersoon Nieuw Na Etag');
  const a2 = await call(u, { headers: { 'if-none-match': etag } });
  assert.equal(a2.status, 200);
  assert.notEqual(a2.headers.get('etag'), etag);
});

test('openapi.json describes the new endpoints', async () => {
  const j = await json('/api/v1/openapi.json');
  for (const p of [
    '/personen',
    '/personen/{id}',
    '/personen/{id}/export',
    '/samenwerkingsverbanden/{id}/zetels',
    '/samenwerkingsverbanden/{id}/rollen',
    '/samenwerkingsverbanden/{id}/fasen',
    '/samenwerkingsverbanden/{id}/afspraken',
  ]) {
    assert.ok(j.paths[p]?.get, `openapi lacks GET ${p}`);
  }
  assert.match(j.paths['/personen/{id}'].get.description, /ambtena/i);
});

test('an erased person disappears from the API; the seat stays as "onbekende persoon"', async () => {
  const naam = 'Testpersoon Te Wissen';
  const key = await newPerson(naam, { partij: 'Testpartij', email: 'wissen@testdorp.example.org' });
  await addOffice(key, { org: ORG, functie: 'raadslid', van: '2022-03-30' });
  await addSeat(key, { verband: C, namens: ORG, orgaan: 'voorzitter', van: '2023-01-01' });
  assert.equal((await call(`/api/v1/personen/${key}`)).status, 200);
  const admin = await login(srv.base, 'ap-beheer');
  const body = new URLSearchParams({ csrf: admin.csrf, bevestigen: 'ja' });
  const r = await fetch(`${srv.base}/personen/${key}/wissen`, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  await r.text();
  assert.equal(r.status, 303, 'erase');
  for (const opts of [{}, { token: TOK.beheerder }]) {
    assert.equal((await call(`/api/v1/personen/${key}`, opts)).status, 404);
    const list = await call('/api/v1/personen?paginaGrootte=100', opts);
    assert.ok(!list.text.includes('Te Wissen'), 'not in the list');
    const z = await json(`/api/v1/samenwerkingsverbanden/${C}/zetels`, opts);
    assert.ok(!JSON.stringify(z).includes('Te Wissen') && !JSON.stringify(z).includes('wissen@'));
    const seat = z.zetels.find((s) => s.orgaan === 'voorzitter');
    assert.ok(seat, 'the seat stays');
    assert.deepEqual(
      { id: seat.persoon.id, naam: seat.persoon.naam, gewist: seat.persoon.gewist },
      { id: null, naam: 'onbekende persoon', gewist: true },
    );
  }
});

// A small checker for the OpenAPI 3.0 subset the document uses ($ref, allOf,
// type, nullable, enum, required, properties, items, minimum, maximum).
function checkSchema(doc, schema, v, where, errs) {
  if (schema.$ref) schema = schema.$ref.split('/').slice(1).reduce((o, k) => o[k], doc);
  if (schema.allOf) for (const s of schema.allOf) checkSchema(doc, s, v, where, errs);
  if (v === null) {
    if (!schema.nullable && schema.type) errs.push(`${where}: null but not nullable`);
    return;
  }
  if (schema.enum && !schema.enum.includes(v)) errs.push(`${where}: ${JSON.stringify(v)} not in enum`);
  const t = schema.type;
  const ok = !t || (t === 'integer' ? Number.isInteger(v) : t === 'number' ? typeof v === 'number'
    : t === 'array' ? Array.isArray(v) : t === 'object' ? v && typeof v === 'object' && !Array.isArray(v) : typeof v === t);
  if (!ok) return errs.push(`${where}: ${JSON.stringify(v)?.slice(0, 60)} is not ${t}`);
  if (schema.minimum !== undefined && v < schema.minimum) errs.push(`${where}: below minimum`);
  if (schema.maximum !== undefined && v > schema.maximum) errs.push(`${where}: above maximum`);
  if (t === 'array' && schema.items) v.forEach((x, i) => checkSchema(doc, schema.items, x, `${where}[${i}]`, errs));
  if (t === 'object') {
    for (const k of schema.required || []) if (!(k in v)) errs.push(`${where}: ${k} missing`);
    for (const [k, s] of Object.entries(schema.properties || {})) if (k in v) checkSchema(doc, s, v[k], `${where}.${k}`, errs);
    if (schema.properties && schema.additionalProperties === undefined)
      for (const k of Object.keys(v)) if (!(k in schema.properties)) errs.push(`${where}: ${k} not documented`);
  }
}

test('every reply matches its OpenAPI schema, anonymous and signed in', async () => {
  const doc = await json('/api/v1/openapi.json');
  const cases = [
    ['/personen', '/api/v1/personen?paginaGrootte=100'],
    ['/personen/{id}', `/api/v1/personen/${P.bestuurder}`],
    ['/samenwerkingsverbanden/{id}/zetels', `/api/v1/samenwerkingsverbanden/${C}/zetels`],
    ['/samenwerkingsverbanden/{id}/rollen', `/api/v1/samenwerkingsverbanden/${C}/rollen`],
    ['/samenwerkingsverbanden/{id}/fasen', `/api/v1/samenwerkingsverbanden/${C}/fasen`],
    ['/samenwerkingsverbanden/{id}/afspraken', `/api/v1/samenwerkingsverbanden/${C}/afspraken`],
  ];
  for (const opts of [{}, { token: TOK.beheerder }]) {
    for (const [op, url] of cases) {
      const schema = doc.paths[op].get.responses['200'].content['application/json'].schema;
      const errs = [];
      checkSchema(doc, schema, await json(url, opts), url, errs);
      assert.deepEqual(errs, [], `${url} (${opts.token ? 'token' : 'anonymous'})`);
    }
  }
});
