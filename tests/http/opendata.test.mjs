// opendata — the open-data downloads of issue 6: /open-data links all
// answer 200 with the right type, the JSON holds the whole public registry
// (counts equal the API) without personal data, the CSV files carry a BOM
// and neutralise formulas, GET /api/v1/geo/organisaties has one feature
// per gemeente with a geometry and counts equal to the collaboration list
// API (also under a filter), and /open-data is valid HTML.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, decodeEntities } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

let srv;
let page;

before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const api = async (p) => {
  const r = await fetch(srv.base + p);
  assert.equal(r.status, 200, p);
  return r.json();
};

test('/open-data: every download link works', async () => {
  const r = await fetch(srv.base + '/open-data');
  assert.equal(r.status, 200);
  page = await r.text();
  assert.match(page, /CC BY 4\.0/);
  assert.match(page, /ODC-PDDL/);
  assert.match(page, /Bron: CBS/);
  const main = /<main[^>]*>(.*)<\/main>/s.exec(page)[1];
  const links = [...main.matchAll(/href="([^"]+)"/g)].map((m) => decodeEntities(m[1]));
  const local = links.filter((l) => l.startsWith('/'));
  assert.ok(local.length >= 7, local.join(' '));
  const types = { '.json': /application\/json/, '.csv': /text\/csv/, '.xml': /application\/xml/ };
  for (const l of local) {
    const res = await fetch(srv.base + l);
    assert.equal(res.status, 200, l);
    const ext = path.extname(l);
    if (types[ext]) assert.match(res.headers.get('content-type'), types[ext], l);
    const body = Buffer.from(await res.arrayBuffer());
    if (ext === '.csv') assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${l} BOM`);
  }
});

test('the JSON download is the whole public registry, without personal data', async () => {
  const r = await fetch(srv.base + '/open-data/samenwerkingsatlas.json');
  const text = await r.text();
  const doc = JSON.parse(text);
  for (const k of ['organisaties', 'samenwerkingsverbanden', 'deelnames', 'bronnen', 'licentie', 'gegevensTot'])
    assert.ok(k in doc, k);
  const collabs = await api('/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=1');
  assert.equal(doc.samenwerkingsverbanden.length, collabs.totaal);
  const orgs = await api('/api/v1/organisaties?status=alle&paginaGrootte=1');
  assert.equal(doc.organisaties.length, orgs.totaal);
  assert.ok(doc.deelnames.length > 0);
  for (const src of doc.bronnen) assert.ok(src.licentie, src.id);
  // no people, contact details or user names
  const keys = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) keys.add(k), walk(x);
  };
  walk(doc);
  for (const bad of ['personen', 'zetels', 'functies', 'email', 'telefoon', 'bevestigdDoor', 'opmerking'])
    assert.ok(!keys.has(bad), `key ${bad}`);
  for (const bad of ['gebruiker:', '@']) assert.ok(!text.includes(bad), `contains ${bad}`);
});

test('GET /api/v1/geo/organisaties: 26 gemeenten with geometry, counts equal the API', async () => {
  const r = await fetch(srv.base + '/api/v1/geo/organisaties');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /application\/geo\+json/);
  const fc = await r.json();
  assert.equal(fc.type, 'FeatureCollection');
  assert.equal(fc.features.length, 26);
  for (const f of fc.features) {
    assert.match(f.geometry.type, /^(Multi)?Polygon$/);
    const list = await api(`/api/v1/samenwerkingsverbanden?deelnemer=${f.properties.code}&paginaGrootte=1`);
    assert.equal(f.properties.aantalSamenwerkingsverbanden, list.totaal, f.properties.code);
  }
  const domains = await api('/api/v1/beleidsdomeinen');
  const key = domains.beleidsdomeinen[0].code;
  assert.ok(key, JSON.stringify(domains).slice(0, 200));
  const filtered = await api(`/api/v1/geo/organisaties?beleidsdomein=${key}&status=alle`);
  for (const f of filtered.features.slice(0, 6)) {
    const list = await api(
      `/api/v1/samenwerkingsverbanden?deelnemer=${f.properties.code}&beleidsdomein=${key}&status=alle&paginaGrootte=1`,
    );
    assert.equal(f.properties.aantalSamenwerkingsverbanden, list.totaal, f.properties.code);
  }
  const bad = await fetch(srv.base + '/api/v1/geo/organisaties?fase=onzin');
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get('content-type'), /problem\+json/);
});

test('vnu: /open-data is valid HTML', async () => {
  const dir = path.join(srv.dir, 'vnu-od');
  mkdirSync(dir, { recursive: true });
  const f = path.join(dir, 'open-data.html');
  writeFileSync(f, page);
  assert.deepEqual(await vnuValidate([f]), []);
});
