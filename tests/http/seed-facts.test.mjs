// seed-facts — the real facts of the bundled dataset as seen through the API
// and the pages: the 26 gemeenten of province Utrecht with their CBS codes,
// Veiligheidsregio Utrecht with 26 participants, Vianen ended with successor
// Vijfheerenlanden, the province pv26, sources on every record, search.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, allPages, decodeEntities } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const CBS_26 = [
  'GM0307', 'GM0308', 'GM0310', 'GM0312', 'GM0313', 'GM0317', 'GM0321', 'GM0327', 'GM0331',
  'GM0335', 'GM0339', 'GM0340', 'GM0342', 'GM0344', 'GM0345', 'GM0351', 'GM0352', 'GM0353',
  'GM0355', 'GM0356', 'GM0589', 'GM0632', 'GM0736', 'GM1581', 'GM1904', 'GM1961',
];

async function allOrgs() {
  return (await allPages(srv, '/api/v1/organisaties?status=alle', 'organisaties')).items;
}

async function findVianen() {
  const orgs = await allOrgs();
  const v = orgs.filter((o) => o.naam === 'Vianen');
  assert.equal(v.length, 1, `organisations named Vianen: ${JSON.stringify(v)}`);
  return v[0];
}

test('exactly 26 gemeenten in the province, with the right CBS codes', async () => {
  const orgs = await allOrgs();
  const gm = orgs.filter((o) => o.soort === 'gemeente' && o.inProvincie === true);
  assert.equal(gm.length, 26, `gemeenten in province: ${gm.map((o) => o.naam).join(', ')}`);
  assert.deepEqual(gm.map((o) => o.cbsCode).sort(), CBS_26);
  for (const o of gm) {
    assert.equal(o.code, o.cbsCode.toLowerCase(), `code of ${o.naam}`);
    assert.ok(!o.opgeheven, `${o.naam} is marked opgeheven`);
  }
});

test('Provincie Utrecht pv26 exists', async () => {
  const o = await srv.getJson('/api/v1/organisaties/pv26');
  assert.equal(o.code, 'pv26');
  assert.equal(o.soort, 'provincie');
  assert.match(o.naam, /Utrecht/);
  const p = await srv.get('/organisaties/pv26');
  assert.equal(p.status, 200);
});

test('Veiligheidsregio Utrecht has 26 active participants: the 26 gemeenten', async () => {
  const c = await srv.getJson('/api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht');
  const active = c.deelnemers.filter((d) => d.actief === true);
  assert.equal(active.length, 26);
  assert.deepEqual(active.map((d) => d.organisatie.code.toUpperCase()).sort(), CBS_26);
  const list = await srv.getJson('/api/v1/samenwerkingsverbanden?beleidsdomein=veiligheid');
  const item = list.samenwerkingsverbanden.find((x) => x.id === 'veiligheidsregio-utrecht');
  assert.ok(item, 'veiligheidsregio-utrecht in the veiligheid list');
  assert.equal(item.aantalDeelnemers, 26);
});

test('Vianen is ended, with successor Vijfheerenlanden (gm1961)', async () => {
  const v = await findVianen();
  assert.ok(v.opgeheven === true || /^\d{4}-\d{2}-\d{2}$/.test(String(v.opgeheven)), `opgeheven in the list: ${v.opgeheven}`);
  const o = await srv.getJson(`/api/v1/organisaties/${v.code}`);
  assert.ok(o.opgeheven === true || /^\d{4}-\d{2}-\d{2}$/.test(String(o.opgeheven)), `opgeheven: ${o.opgeheven}`);
  assert.ok(o.opvolger, 'opvolger missing');
  assert.equal(o.opvolger.code, 'gm1961');
  assert.equal(o.opvolger.naam, 'Vijfheerenlanden');
  // not among the active organisations
  const active = (await allPages(srv, '/api/v1/organisaties?status=actief', 'organisaties')).items;
  assert.ok(!active.some((x) => x.code === v.code), 'Vianen listed as actief');
  // its page keeps existing, marked ended, linking the successor
  const p = await srv.get(`/organisaties/${v.code}`);
  assert.equal(p.status, 200);
  assert.match(p.text, /Opgeheven/);
  assert.match(p.text, /href="\/organisaties\/gm1961"/);
  // Vianen's 2015 participations are no longer active
  const d = await srv.getJson(`/api/v1/organisaties/${v.code}/deelnames?status=alle`);
  assert.ok(d.deelnames.length > 0, 'Vianen keeps its history of participations');
});

test('Vijfheerenlanden exists from 2019 and is in the province', async () => {
  const o = await srv.getJson('/api/v1/organisaties/gm1961');
  assert.equal(o.naam, 'Vijfheerenlanden');
  assert.equal(o.cbsCode, 'GM1961');
  assert.equal(o.inProvincie, true);
  assert.ok(!o.opgeheven);
});

test('every collaboration has a source', async () => {
  const { items } = await allPages(srv, '/api/v1/samenwerkingsverbanden?status=alle', 'samenwerkingsverbanden');
  assert.equal(items.length, 37, `collaborations: ${items.length}`);
  for (const c of items) {
    const d = await srv.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    const src = d.bron ?? d.bronnen;
    const ok = Array.isArray(src) ? src.length > 0 : src && typeof src === 'object' && Object.keys(src).length > 0;
    assert.ok(ok, `${c.id}: no bron/bronnen: ${JSON.stringify(d).slice(0, 300)}`);
    assert.ok(d.laatstBevestigd || JSON.stringify(src).match(/\d{4}-\d{2}-\d{2}/), `${c.id}: no date with its source`);
  }
});

test('the 32 OpenGR regelingen plus the network collaborations are present', async () => {
  const { items } = await allPages(srv, '/api/v1/samenwerkingsverbanden?status=alle', 'samenwerkingsverbanden');
  const ids = items.map((c) => c.id);
  for (const id of ['u10', 'u16', 'regio-amersfoort', 'metropoolregio-utrecht', 'veiligheidsregio-utrecht', 'regio-foodvalley']) {
    assert.ok(ids.includes(id), `${id} missing`);
  }
});

test('/over lists every source with CBS as "Bron: CBS"', async () => {
  const r = await srv.get('/over');
  assert.equal(r.status, 200);
  const text = decodeEntities(r.text);
  assert.match(text, /Bron: CBS/);
  assert.match(text, /Centraal Bureau voor de Statistiek/);
  assert.match(text, /CC BY 4\.0/);
  assert.match(text, /Open State Foundation/);
});

test('search: Zeist, zeist and Zeïst find the gemeente Zeist (gm0355)', async () => {
  for (const q of ['Zeist', 'zeist', 'Zeïst', 'ZEIST']) {
    const r = await srv.get('/zoeken?q=' + encodeURIComponent(q));
    assert.equal(r.status, 200, q);
    assert.match(r.text, /href="\/organisaties\/gm0355"/, `q=${q} does not find Zeist`);
  }
});

test('search: veiligheid finds Veiligheidsregio Utrecht; Baarn/baarn alike', async () => {
  const r = await srv.get('/zoeken?q=veiligheid');
  assert.equal(r.status, 200);
  assert.match(r.text, /href="\/samenwerkingsverbanden\/veiligheidsregio-utrecht"/);
  const a = await srv.get('/zoeken?q=Baarn');
  const b = await srv.get('/zoeken?q=baarn');
  assert.match(a.text, /href="\/organisaties\/gm0308"/, 'Baarn not found');
  assert.match(b.text, /href="\/organisaties\/gm0308"/, 'baarn not found');
});

test('search for something absent says so, with 200', async () => {
  const r = await srv.get('/zoeken?q=' + encodeURIComponent('qqqxyzzy'));
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /href="\/(organisaties|samenwerkingsverbanden)\/[a-z0-9-]+"[^>]*>[^<]*qqq/);
});
