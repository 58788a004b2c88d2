// map — the count map (/kaart?weergave=aantal; the default view is the
// regio-indeling, tests/http/map-regions.test.mjs), its downloads /kaart.csv and /kaart.geojson and
// GET /api/v1/kaart: 26 gemeenten with counts that equal the collaboration
// list's totals under the same filters, one set of numbers everywhere
// (page table, SVG, API, CSV), clear 400s for bad input, valid GeoJSON, a
// CSV for Excel, and valid HTML (vnu).

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

const decode = (s) =>
  s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

// rows of the page's table: [{code, naam, aantal}]
function tableRows(html) {
  const m = html.match(/<div[^>]*id="kaart-tabel"[^>]*>([\s\S]*?)<\/table>/);
  assert.ok(m, 'table #kaart-tabel present');
  const rows = [];
  for (const r of m[1].matchAll(/<tr class="utrecht-table__row" data-code="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    const naam = decode(r[2].match(/<th[^>]*><a[^>]*>([^<]*)<\/a>/)[1]);
    const aantal = Number(r[2].match(/<td class="[^"]*numeric-column">([\d.]+)<\/td>/)[1].replace(/\./g, ''));
    rows.push({ code: r[1], naam, aantal });
  }
  return rows;
}

test('/kaart: 200, a table of the 26 gemeenten with the API counts, SVG map, legend, exports', async () => {
  const page = await srv.get('/kaart?weergave=aantal');
  assert.equal(page.status, 200);
  const rows = tableRows(page.text);
  assert.equal(rows.length, 26);
  const api = await srv.getJson('/api/v1/kaart');
  assert.equal(api.features.length, 26);
  const byCode = new Map(api.features.map((f) => [f.properties.code, f.properties]));
  for (const r of rows) {
    assert.ok(byCode.has(r.code), `${r.code} in API`);
    assert.equal(r.aantal, byCode.get(r.code).aantal, `count of ${r.naam}`);
    assert.equal(r.naam, byCode.get(r.code).naam);
  }
  // default order: by name
  const names = rows.map((r) => r.naam);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'nl')));
  // every gemeente is a focusable SVG link with the same count in its label and on the map
  const links = [...page.text.matchAll(/<a class="atlas-map__link" href="([^"]+)" data-code="([^"]+)" aria-label="([^"]+)"/g)];
  assert.equal(links.length, 26, '26 gemeente links in the SVG');
  for (const [, href, code, label] of links) {
    assert.match(decode(href), new RegExp(`gemeente=${code}#kaart-paneel$`));
    assert.match(decode(label), new RegExp(`: ${byCode.get(code).aantal} actie`));
  }
  assert.match(page.text, /<svg class="atlas-map__svg"[^>]*role="group" aria-labelledby="kaart-svg-titel"/);
  assert.match(page.text, /id="kaart-legenda"/);
  assert.match(page.text, /Kaartgegevens: CBS, Kadaster \/ PDOK \(CC BY 4\.0\), vereenvoudigd door cartomap\/nl/);
  assert.match(page.text, /role="status" aria-live="polite"/);
  assert.match(page.text, /href="\/kaart\.csv"/);
  assert.match(page.text, /href="\/kaart\.geojson"/);
  assert.match(page.text, /href="\/api\/v1\/kaart"/);
  assert.match(page.text, /<script type="module" src="\/static\/js\/map\.[0-9a-f]+\.js"><\/script>/);
  // the legend classes cover every count
  for (const f of api.features) {
    const k = api.klassen[f.properties.klasse - 1];
    assert.ok(k && f.properties.aantal >= k.van && f.properties.aantal <= k.tot, `${f.properties.naam} in its class`);
  }
});

test('counts equal /api/v1/samenwerkingsverbanden?deelnemer=<code>&<same filters> (totaal)', async () => {
  const filters = ['', 'soort=wgr', 'beleidsdomein=sociaal-domein', 'juridischeVorm=OL', 'fase=onbekend',
    'soort=wgr&juridischeVorm=OL'];
  let changed = false;
  const base = await srv.getJson('/api/v1/kaart');
  for (const q of filters) {
    const page = await srv.get(`/kaart?weergave=aantal${q ? '&' + q : ''}`);
    assert.equal(page.status, 200, q);
    const rows = tableRows(page.text);
    const api = await srv.getJson(`/api/v1/kaart${q ? '?' + q : ''}`);
    const byCode = new Map(api.features.map((f) => [f.properties.code, f.properties.aantal]));
    for (const r of rows) {
      const list = await srv.getJson(`/api/v1/samenwerkingsverbanden?deelnemer=${r.code}&status=actief${q ? '&' + q : ''}`);
      assert.equal(r.aantal, list.totaal, `${r.code} with '${q}': page ${r.aantal}, list ${list.totaal}`);
      assert.equal(byCode.get(r.code), list.totaal, `${r.code} with '${q}' (API)`);
      if (byCode.get(r.code) !== base.features.find((f) => f.properties.code === r.code).properties.aantal) changed = true;
    }
  }
  assert.ok(changed, 'filters change at least one count');
});

test('table sorts by sorteer=aantal / -aantal / naam', async () => {
  for (const [s, cmp] of [['aantal', (a, b) => a.aantal - b.aantal], ['-aantal', (a, b) => b.aantal - a.aantal]]) {
    const rows = tableRows((await srv.get(`/kaart?weergave=aantal&sorteer=${s}`)).text);
    for (let i = 1; i < rows.length; i++) assert.ok(cmp(rows[i - 1], rows[i]) <= 0, `${s} order at ${i}`);
  }
  const csv = (await srv.get('/kaart.csv?sorteer=-aantal')).text;
  const counts = csv.trim().split('\r\n').slice(1).map((l) => Number(l.split(',').at(-3)));
  for (let i = 1; i < counts.length; i++) assert.ok(counts[i - 1] >= counts[i]);
});

test('a chosen collaboration: participants highlighted and listed, others without geometry beside the map', async () => {
  const list = await srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  // a collaboration with a participant that is not a gemeente on the map
  const api0 = await srv.getJson('/api/v1/kaart');
  const onMap = new Set(api0.features.map((f) => f.properties.code));
  let chosen = null;
  for (const c of list.samenwerkingsverbanden) {
    const d = await srv.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    const codes = (d.deelnemers || []).filter((p) => p.actief).map((p) => p.organisatie.code);
    if (codes.some((x) => x && !onMap.has(x)) && codes.some((x) => onMap.has(x))) {
      chosen = c.id;
      break;
    }
  }
  assert.ok(chosen, 'found a collaboration with participants off the map');
  const api = await srv.getJson(`/api/v1/kaart?verband=${chosen}`);
  assert.equal(api.verband.id, chosen);
  const inMap = api.features.filter((f) => f.properties.inVerband).map((f) => f.properties.code);
  assert.ok(inMap.length > 0);
  const off = api.verband.deelnemers.filter((c) => !onMap.has(c));
  assert.ok(off.length > 0);
  const page = await srv.get(`/kaart?weergave=aantal&verband=${chosen}`);
  assert.equal(page.status, 200);
  const paths = [...page.text.matchAll(/data-code="([^"]+)"[^>]*><path class="([^"]+)"/g)];
  assert.equal(paths.length, 26);
  for (const [, code, cls] of paths) assert.match(cls, inMap.includes(code) ? /\bis-in\b/ : /\bis-dim\b/, code);
  assert.match(page.text, /Deelnemers zonder vorm op de kaart \(/);
  for (const code of off) {
    const o = api.zonderKaartvorm.find((x) => x.code === code);
    assert.ok(o, `${code} listed in zonderKaartvorm`);
    assert.ok(page.text.includes(`href="/organisaties/${code}"`), `${code} linked in the panel`);
  }
});

test('a chosen gemeente: side panel with its collaborations, narrowed by "met"', async () => {
  const page = await srv.get('/kaart?weergave=aantal&gemeente=gm0321');
  assert.equal(page.status, 200);
  assert.match(page.text, /<h2 class="utrecht-heading-3" id="paneel-gemeente">Houten<\/h2>/);
  const houten = await srv.getJson('/api/v1/samenwerkingsverbanden?deelnemer=gm0321&paginaGrootte=100');
  const m = page.text.match(/Samenwerkingsverbanden \((\d+)\)<\/h3>/);
  assert.equal(Number(m[1]), houten.totaal);
  const both = await srv.get('/kaart?weergave=aantal&gemeente=gm0321&met=gm0356');
  assert.equal(both.status, 200);
  const nieuwegein = await srv.getJson('/api/v1/samenwerkingsverbanden?deelnemer=gm0356&paginaGrootte=100');
  const shared = houten.samenwerkingsverbanden.filter((c) => nieuwegein.samenwerkingsverbanden.some((d) => d.id === c.id));
  const m2 = both.text.match(/Gedeeld met Nieuwegein \((\d+)\)<\/h3>/);
  assert.ok(m2, 'shared heading');
  assert.equal(Number(m2[1]), shared.length);
  for (const c of shared) assert.ok(both.text.includes(`href="/samenwerkingsverbanden/${c.id}"`), c.id);
});

test('bad input: unknown verband, gemeente, sorteer or filter value → clear Dutch 400', async () => {
  for (const q of ['verband=bestaat-niet', 'gemeente=gm9999', 'met=pv26&gemeente=gm0344', 'sorteer=grootte']) {
    const r = await srv.get(`/kaart?weergave=aantal&${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.match(r.text, /role="alert"/, `${q}: message on the page`);
    assert.equal(tableRows(r.text).length, 26, `${q}: the page still works`);
  }
  const page = await srv.get('/kaart?weergave=aantal&verband=bestaat-niet');
  assert.match(page.text, /Er is geen samenwerkingsverband met de id &#39;bestaat-niet&#39;|Er is geen samenwerkingsverband met de id 'bestaat-niet'/);
  for (const q of ['verband=bestaat-niet', 'beleidsdomein=bestaat-niet', 'soort=vriendschap']) {
    const r = await srv.get(`/api/v1/kaart?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
    assert.ok(r.json.title && r.json.detail, 'problem has title and detail');
    assert.match(r.json.detail, /[a-z]/);
  }
  assert.equal((await srv.get('/kaart?beleidsdomein=bestaat-niet')).status, 400);
  assert.equal((await srv.get('/kaart.csv?verband=bestaat-niet')).status, 400);
  assert.equal((await srv.get('/kaart.geojson?verband=bestaat-niet')).status, 400);
  const hostile = encodeURIComponent(`<script>alert(1)</script>"'&`);
  const h = await srv.get(`/kaart?verband=${hostile}`);
  assert.equal(h.status, 400);
  assert.ok(!h.text.includes('<script>alert(1)'), 'escaped');
});

test('GeoJSON: valid FeatureCollection with 26 polygon features and the documented properties', async () => {
  for (const p of ['/api/v1/kaart', '/kaart.geojson?soort=wgr']) {
    const r = await srv.get(p);
    assert.equal(r.status, 200, p);
    assert.match(r.headers.get('content-type'), /^application\/geo\+json/);
    const g = JSON.parse(r.text);
    assert.equal(g.type, 'FeatureCollection');
    assert.equal(g.features.length, 26);
    for (const f of g.features) {
      assert.equal(f.type, 'Feature');
      assert.ok(['Polygon', 'MultiPolygon'].includes(f.geometry.type), f.id);
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) {
        assert.ok(ring.length >= 4);
        assert.deepEqual(ring[0], ring.at(-1), 'closed ring');
        for (const [lon, lat] of ring) assert.ok(lon > 4.5 && lon < 5.8 && lat > 51.8 && lat < 52.4);
      }
      const pr = f.properties;
      assert.match(pr.code, /^gm\d{4}$/);
      assert.equal(pr.cbsCode, pr.code.toUpperCase());
      assert.equal(typeof pr.naam, 'string');
      assert.ok(Number.isInteger(pr.aantal) && pr.aantal >= 0);
      assert.ok(Number.isInteger(pr.klasse) && pr.klasse >= 1 && pr.klasse <= g.klassen.length);
    }
  }
  const dl = await srv.get('/kaart.geojson');
  assert.match(dl.headers.get('content-disposition'), /attachment; filename="kaart-gemeenten\.geojson"/);
  const api = await srv.get('/api/v1/kaart');
  assert.ok(api.headers.get('etag'));
  assert.ok(api.headers.get('api-version'));
  assert.equal((await srv.get('/api/v1/kaart', { 'If-None-Match': api.headers.get('etag') })).status, 304);
});

test('CSV: BOM, Dutch headers, 26 rows, same numbers, no formula cells', async () => {
  const r = await srv.get('/kaart.csv?soort=wgr');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(r.headers.get('content-disposition'), /attachment; filename="kaart-gemeenten\.csv"/);
  assert.deepEqual([...r.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = r.text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'Gemeente,Code,CBS-code,Aantal actieve samenwerkingsverbanden,Klasse van,Klasse tot en met');
  assert.equal(lines.length, 27);
  const api = await srv.getJson('/api/v1/kaart?soort=wgr');
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const f = api.features.find((x) => x.properties.code === cells.at(-5));
    assert.ok(f, line);
    assert.equal(Number(cells.at(-3)), f.properties.aantal);
    for (const c of cells) assert.ok(!/^"?[=+\-@]/.test(c), `neutralised: ${c}`);
  }
  const v = await srv.get('/kaart.csv?verband=veiligheidsregio-utrecht');
  assert.match(v.text.split('\r\n')[0], /,Neemt deel aan Veiligheidsregio Utrecht$/);
});

test('Nu HTML Checker: /kaart variants have no errors', async () => {
  const dir = path.join(srv.dir, 'map-html');
  mkdirSync(dir, { recursive: true });
  const urls = ['/kaart', '/kaart?weergave=aantal', '/kaart?weergave=aantal&verband=veiligheidsregio-utrecht&gemeente=gm0321&met=gm0356&sorteer=-aantal',
    '/kaart?soort=netwerk&beleidsdomein=sociaal-domein', '/kaart?verband=bestaat-niet'];
  const files = [];
  for (const [i, u] of urls.entries()) {
    const r = await srv.get(u);
    const f = path.join(dir, `k${i}.html`);
    writeFileSync(f, r.body);
    files.push(f);
    assert.ok(!/\sstyle\s*=/.test(r.text), `${u}: no style attributes`);
  }
  const msgs = await vnuValidate(files);
  assert.deepEqual(msgs.map((m) => `${urls[files.indexOf(m.file)] ?? m.file}:${m.line}:${m.column}: ${m.message}`), []);
});

test('static assets of /kaart are served (map.js, map.css, print.css)', async () => {
  const page = await srv.get('/kaart?weergave=aantal');
  for (const m of page.text.matchAll(/(?:href|src)="(\/static\/[^"]+\.(?:js|css))"/g)) {
    const r = await srv.get(m[1]);
    assert.equal(r.status, 200, m[1]);
  }
  assert.match(page.text, /<link rel="stylesheet" media="print" href="\/static\/css\/print\.[0-9a-f]+\.css">/);
});
