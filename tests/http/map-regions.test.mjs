// map-regions — the regio-indeling on /kaart (the default view) and in
// GET /api/v1/kaart: every collaboration of a chosen domain is one area
// whose gemeenten are its members, members that are themselves
// collaborations (Metropoolregio Utrecht → U10 + Regio Amersfoort) resolved
// to their gemeenten; the comparison of two indelingen; the water-board
// layer; ?peildatum= on page and API. Expected answers are computed here
// from the collaboration and organisation API, never copied from the map.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const collabCache = new Map();
async function collab(id) {
  if (!collabCache.has(id)) collabCache.set(id, await srv.getJson(`/api/v1/samenwerkingsverbanden/${id}`));
  return collabCache.get(id);
}
const orgCache = new Map();
async function org(code) {
  if (!orgCache.has(code)) orgCache.set(code, await srv.getJson(`/api/v1/organisaties/${code}`));
  return orgCache.get(code);
}

// The gemeenten on the map (codes), from the count features of the API.
async function mapGemeenten() {
  const api = await srv.getJson('/api/v1/kaart');
  return new Set(api.features.map((f) => f.properties.code));
}

// The gemeenten a collaboration covers: its active participants, an
// organisation that stands for a collaboration replaced by that one's own.
async function resolve(id, onMap, seen = new Set()) {
  const out = new Set();
  if (seen.has(id)) return out;
  seen.add(id);
  for (const p of (await collab(id)).deelnemers) {
    if (!p.actief) continue;
    const o = await org(p.organisatie.code);
    if (o.samenwerkingsverband && o.samenwerkingsverband.id !== id) {
      for (const g of await resolve(o.samenwerkingsverband.id, onMap, seen)) out.add(g);
    } else if (onMap.has(o.code)) {
      out.add(o.code);
    }
  }
  seen.delete(id);
  return out;
}

const sorted = (s) => [...s].sort();

test('a chosen domain: one labelled area per active collaboration of that domain, with its gemeenten', async () => {
  const onMap = await mapGemeenten();
  const domain = 'werk-en-inkomen';
  const list = await srv.getJson(`/api/v1/samenwerkingsverbanden?beleidsdomein=${domain}&status=actief&paginaGrootte=100`);
  assert.ok(list.totaal >= 2, 'the seed has several werk-en-inkomen collaborations');
  const api = await srv.getJson(`/api/v1/kaart?beleidsdomein=${domain}`);
  assert.equal(api.weergave, 'regio');
  assert.deepEqual(sorted(api.gebieden.map((g) => g.id)), sorted(list.samenwerkingsverbanden.map((c) => c.id)));
  const labels = new Set();
  for (const g of api.gebieden) {
    assert.equal(g.type, 'Feature');
    assert.deepEqual(sorted(g.properties.gemeenten), sorted(await resolve(g.id, onMap)), `gemeenten of ${g.id}`);
    assert.equal(g.geometry.type, 'GeometryCollection');
    assert.equal(g.geometry.geometries.length, g.properties.gemeenten.length);
    labels.add(g.properties.label);
  }
  assert.equal(labels.size, api.gebieden.length, 'every area has its own label');
  // every gemeente feature lists the areas it lies in
  for (const f of api.features)
    for (const id of f.properties.gebieden)
      assert.ok(api.gebieden.find((g) => g.id === id).properties.gemeenten.includes(f.properties.code));

  const page = await srv.get(`/kaart?beleidsdomein=${domain}`);
  assert.equal(page.status, 200);
  // one drawn area per collaboration, outlined as one union (edge cancellation)
  const drawn = [...page.text.matchAll(/<g class="atlas-map__region" data-gebied="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(sorted(drawn), sorted(api.gebieden.map((g) => g.id)));
  assert.equal((page.text.match(/data-omtrek="unie"/g) || []).length, api.gebieden.length);
  // a pattern per area (not colour alone), a legend and gemeente names on the map
  assert.equal((page.text.match(/<pattern id="kp-[A-Z]+"/g) || []).length, api.gebieden.length);
  assert.match(page.text, /id="kaart-legenda"/);
  assert.equal((page.text.match(/class="atlas-map__name atlas-map__name--full"/g) || []).length, onMap.size);
  assert.match(page.text, />Houten</);
  // gemeenten in more than one area are marked ("×2")
  const multi = api.features.filter((f) => f.properties.gebieden.length > 1);
  for (const f of multi)
    assert.match(page.text, new RegExp(`>${f.properties.naam} ×${f.properties.gebieden.length}<`), f.properties.naam);
  // the tables: area → gemeenten and gemeente → areas
  for (const g of api.gebieden) assert.match(page.text, new RegExp(`<tr class="utrecht-table__row" data-gebied="${g.id}">`));
  assert.match(page.text, /id="kaart-tabel-gemeenten"/);
  assert.match(page.text, /id="kaart-samenvatting"><strong>\d+ gebied/);
});

test('Metropoolregio Utrecht: members that are networks (U10, Regio Amersfoort) are resolved to their gemeenten', async () => {
  const onMap = await mapGemeenten();
  const mru = await collab('metropoolregio-utrecht');
  const direct = mru.deelnemers.filter((p) => p.actief && onMap.has(p.organisatie.code));
  assert.equal(direct.length, 0, 'MRU has no gemeente as a direct member (the test is about nesting)');
  const expected = await resolve('metropoolregio-utrecht', onMap);
  assert.ok(expected.size > 10, `MRU covers many gemeenten through its networks (${expected.size})`);

  const api = await srv.getJson('/api/v1/kaart?verband=metropoolregio-utrecht');
  assert.equal(api.gebieden.length, 1);
  const area = api.gebieden[0].properties;
  assert.deepEqual(sorted(area.gemeenten), sorted(expected));
  assert.deepEqual(sorted(area.via), ['regio-amersfoort', 'u10']);
  assert.ok(area.andereDeelnemers.includes('pv26'), 'the province is another participant');
  assert.ok(!area.andereDeelnemers.includes('u10'), 'the networks themselves are resolved, not listed');

  const page = await srv.get('/kaart?verband=metropoolregio-utrecht');
  assert.equal(page.status, 200);
  const m = page.text.match(/Deelnemende gemeenten \((\d+)\)<\/h3><ul[^>]*id="kaart-leden">([\s\S]*?)<\/ul>/);
  assert.ok(m, 'the members are listed');
  assert.equal(Number(m[1]), expected.size);
  for (const code of expected) assert.ok(m[2].includes(`href="/organisaties/${code}"`), code);
  assert.match(page.text, /via Regio Amersfoort en U10/);
  assert.match(page.text, /data-gebied="metropoolregio-utrecht"/);
});

// The congruence rule, written out independently: gemeente i (in both
// indelingen) is marked when one of its areas nests with none of the other
// indeling's areas holding i (nest: among the gemeenten both indelingen
// cover, one area holds all of the other).
function expectedMismatch(a, b, codes) {
  const covA = new Set(a.flat()), covB = new Set(b.flat());
  const both = codes.filter((c) => covA.has(c) && covB.has(c));
  const nest = (x, y) => !(both.some((c) => x.includes(c) && !y.includes(c)) && both.some((c) => y.includes(c) && !x.includes(c)));
  const misfit = (from, to, i) => from.some((x) => x.includes(i) && !to.some((y) => y.includes(i) && nest(x, y)));
  return codes.filter((i) => covA.has(i) && covB.has(i) && (misfit(a, b, i) || misfit(b, a, i))).sort();
}

test('comparing two indelingen: the gemeenten where the boundaries do not coincide, as picture, table and sentence', async () => {
  const codes = [...(await mapGemeenten())];
  let found = null;
  const domains = (await srv.getJson('/api/v1/beleidsdomeinen')).beleidsdomeinen ?? [];
  const keys = domains.map((d) => d.code).filter(Boolean);
  assert.ok(keys.length > 2, 'domains listed');
  for (const other of keys) {
    if (other === 'werk-en-inkomen') continue;
    const api = await srv.getJson(`/api/v1/kaart?beleidsdomein=werk-en-inkomen&vergelijk=${other}`);
    const a = api.gebieden.map((g) => g.properties.gemeenten);
    const b = api.vergelijking.gebieden.map((g) => g.properties.gemeenten);
    const want = expectedMismatch(a, b, codes);
    const got = api.features.filter((f) => f.properties.grensValtNietSamen).map((f) => f.properties.code).sort();
    assert.deepEqual(got, want, `werk-en-inkomen vs ${other}`);
    assert.equal(api.vergelijking.aantalGrensValtNietSamen, want.length);
    if (want.length > 0 && !found) found = { other, want, api };
  }
  assert.ok(found, 'some domain crosses werk-en-inkomen in the seed');
  const page = await srv.get(`/kaart?beleidsdomein=werk-en-inkomen&vergelijk=${found.other}`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`id="kaart-conclusie"><strong>Bij ${found.want.length} van de ${codes.length} gemeenten vallen de grenzen niet samen`));
  const marked = [...page.text.matchAll(/<tr class="utrecht-table__row" data-code="([^"]+)" data-afwijkend="ja">/g)].map((m) => m[1]).sort();
  assert.deepEqual(marked, found.want);
  assert.equal((page.text.match(/class="atlas-map__mismatch"/g) || []).length, found.want.length);
  assert.equal((page.text.match(/atlas-map__outline--dashed/g) || []).length > 0, true, 'indeling 2 drawn dashed');
  // a domain compared with itself coincides everywhere
  const same = await srv.getJson('/api/v1/kaart?beleidsdomein=werk-en-inkomen&vergelijk=werk-en-inkomen');
  assert.equal(same.vergelijking.aantalGrensValtNietSamen, 0);
});

test('water boards: a layer with their own boundaries, linked to the water boards in the registry', async () => {
  const page = await srv.get('/kaart?waterschappen=ja');
  assert.equal(page.status, 200);
  const drawn = [...page.text.matchAll(/data-waterschap="(ws\d{4})"/g)].map((m) => m[1]);
  assert.ok(drawn.includes('ws0636'), 'De Stichtse Rijnlanden drawn');
  assert.ok(drawn.length >= 4);
  assert.match(page.text, /Waterschapsgrenzen: Het Waterschapshuis/);
  assert.doesNotMatch((await srv.get('/kaart')).text, /data-waterschap=/, 'the layer is off by default');
  const api = await srv.getJson('/api/v1/kaart?waterschappen=ja');
  const hdsr = api.waterschappen.find((w) => w.properties.code === 'ws0636');
  assert.equal(hdsr.properties.organisatie, 'ws0636');
  assert.ok(['Polygon', 'MultiPolygon'].includes(hdsr.geometry.type));
  // water boards that take part in the chosen collaboration are outlined with their own area
  const byOrg = new Map(api.waterschappen.filter((w) => w.properties.organisatie).map((w) => [w.properties.organisatie, w.properties.code]));
  let shown = false;
  for (const c of (await srv.getJson('/api/v1/samenwerkingsverbanden?status=actief&paginaGrootte=100')).samenwerkingsverbanden) {
    const members = (await collab(c.id)).deelnemers.filter((p) => p.actief && byOrg.has(p.organisatie.code));
    if (members.length === 0) continue;
    const vp = await srv.get(`/kaart?verband=${c.id}`);
    const outlined = [...vp.text.matchAll(/class="atlas-map__waterboard is-member" data-waterschap="(ws\d{4})"/g)].map((m) => m[1]).sort();
    assert.deepEqual(outlined, [...new Set(members.map((p) => byOrg.get(p.organisatie.code)))].sort(), c.id);
    shown = true;
    break;
  }
  assert.ok(shown, 'some collaboration has a water board with a boundary among its members');
  const bad = await srv.get('/api/v1/kaart?waterschappen=misschien');
  assert.equal(bad.status, 400);
});

test('peildatum: the map shows the collaborations active on that date (page and API)', async () => {
  const date = '2012-01-01';
  let differs = null;
  const domains = (await srv.getJson('/api/v1/beleidsdomeinen')).beleidsdomeinen ?? [];
  for (const d of domains.map((x) => x.code)) {
    const then = await srv.getJson(`/api/v1/samenwerkingsverbanden?beleidsdomein=${d}&status=actief&peildatum=${date}&paginaGrootte=100`);
    const api = await srv.getJson(`/api/v1/kaart?beleidsdomein=${d}&peildatum=${date}`);
    assert.deepEqual(sorted(api.gebieden.map((g) => g.id)), sorted(then.samenwerkingsverbanden.map((c) => c.id)), `${d} on ${date}`);
    const now = await srv.getJson(`/api/v1/kaart?beleidsdomein=${d}`);
    if (!differs && api.gebieden.length !== now.gebieden.length) differs = { d, then: api, now };
  }
  assert.ok(differs, `some domain had other collaborations on ${date}`);
  const page = await srv.get(`/kaart?beleidsdomein=${differs.d}&peildatum=${date}`);
  assert.equal(page.status, 200);
  const drawn = [...page.text.matchAll(/<g class="atlas-map__region" data-gebied="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(sorted(drawn), sorted(differs.then.gebieden.map((g) => g.id)));
  assert.match(page.text, /name="peildatum"/, 'the date control is in the form');
  assert.equal((await srv.get('/kaart?peildatum=morgen')).status, 400);
  assert.equal((await srv.get('/api/v1/kaart?peildatum=2999-01-01')).status, 400);
});

test('bad input on the new parameters: clear Dutch 400s', async () => {
  for (const q of ['weergave=taart', 'vergelijk=bestaat-niet', 'waterschappen=nee']) {
    const r = await srv.get(`/kaart?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.text, /role="alert"/);
    const a = await srv.get(`/api/v1/kaart?${q}`);
    assert.equal(a.status, 400, q);
    assert.match(a.headers.get('content-type'), /problem\+json/);
  }
});

test('one collaboration with members outside the province: listed and drawn on the national outline', async () => {
  const onMap = await mapGemeenten();
  const list = await srv.getJson('/api/v1/samenwerkingsverbanden?status=actief&paginaGrootte=100');
  let chosen = null;
  for (const c of list.samenwerkingsverbanden) {
    const d = await collab(c.id);
    const outside = [];
    for (const p of d.deelnemers) {
      if (!p.actief || p.organisatie.soort !== 'gemeente' || onMap.has(p.organisatie.code)) continue;
      const o = await org(p.organisatie.code);
      if (!o.inProvincie && o.cbsCode) outside.push(o.code);
    }
    if (outside.length > 0) {
      chosen = { id: c.id, outside };
      break;
    }
  }
  assert.ok(chosen, 'the seed has a collaboration with gemeenten outside the province');
  const page = await srv.get(`/kaart?verband=${chosen.id}`);
  assert.equal(page.status, 200);
  const inset = page.text.match(/<figure class="atlas-map__inset" id="kaart-nederland">([\s\S]*?)<\/figure>/);
  assert.ok(inset, 'national outline drawn');
  const drawn = [...inset[1].matchAll(/class="atlas-map__inset-out" data-code="([^"]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(drawn, [...chosen.outside].sort());
  const api = await srv.getJson(`/api/v1/kaart?verband=${chosen.id}`);
  for (const code of chosen.outside) assert.ok(api.gebieden[0].properties.andereDeelnemers.includes(code), code);
});

test('Nu HTML Checker: the regio-indeling pages have no errors and no style attributes', async () => {
  const dir = path.join(srv.dir, 'map-regions-html');
  mkdirSync(dir, { recursive: true });
  const urls = ['/kaart?beleidsdomein=werk-en-inkomen&waterschappen=ja&gemeente=gm0321',
    '/kaart?verband=metropoolregio-utrecht', '/kaart?verband=regio-gooi-en-vechtstreek',
    '/kaart?beleidsdomein=werk-en-inkomen&vergelijk=gezondheid', '/kaart?vergelijk=bestaat-niet'];
  const files = [];
  for (const [i, u] of urls.entries()) {
    const r = await srv.get(u);
    const f = path.join(dir, `r${i}.html`);
    writeFileSync(f, r.body);
    files.push(f);
    assert.ok(!/\sstyle\s*=/.test(r.text), `${u}: no style attributes`);
  }
  const msgs = await vnuValidate(files);
  assert.deepEqual(msgs.map((m) => `${urls[files.indexOf(m.file)] ?? m.file}:${m.line}:${m.column}: ${m.message}`), []);
});
