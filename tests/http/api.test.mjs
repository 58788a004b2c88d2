// api — the open JSON API under /api/v1: shapes, headers (API-Version, ETag,
// 304, CORS, gzip), filters, pagination and sorting, against the real binary
// with the bundled seed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, allPages, assertSecurityHeaders, SEED_DIR } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const LIST = '/api/v1/samenwerkingsverbanden';
const API_URLS = [
  LIST,
  `${LIST}/veiligheidsregio-utrecht`,
  '/api/v1/organisaties',
  '/api/v1/organisaties/gm0344',
  '/api/v1/organisaties/gm0344/deelnames',
  '/api/v1/beleidsdomeinen',
  '/api/v1/openapi.json',
];

test('every API endpoint answers 200 JSON with API-Version, ETag, CORS and security headers', async () => {
  for (const u of API_URLS) {
    const r = await srv.get(u);
    assert.equal(r.status, 200, `${u}: ${r.text.slice(0, 300)}`);
    assert.match(r.headers.get('content-type') || '', /^application\/(.+\+)?json/, `${u}: content-type`);
    assert.ok(r.json !== undefined, `${u}: body is not JSON`);
    assert.match(r.headers.get('api-version') || '', /^\d+\.\d+\.\d+$/, `${u}: API-Version header`);
    assert.ok(r.headers.get('etag'), `${u}: ETag missing`);
    assert.equal(r.headers.get('access-control-allow-origin'), '*', `${u}: CORS`);
    assertSecurityHeaders(r.headers, u);
  }
});

test('If-None-Match with the ETag gives 304 with an empty body; a different tag gives 200', async () => {
  for (const u of API_URLS) {
    const r = await srv.get(u);
    const etag = r.headers.get('etag');
    const r304 = await srv.get(u, { 'If-None-Match': etag });
    assert.equal(r304.status, 304, `${u}: If-None-Match ${etag}`);
    assert.equal(r304.body.length, 0, `${u}: 304 has a body`);
    assert.equal(r304.headers.get('etag'), etag, `${u}: 304 repeats the ETag`);
    const r200 = await srv.get(u, { 'If-None-Match': '"iets-anders"' });
    assert.equal(r200.status, 200, `${u}: a non-matching If-None-Match`);
  }
});

test('HEAD on the API answers like GET without a body', async () => {
  const r = await srv.get(LIST, {}, { method: 'HEAD' });
  assert.equal(r.status, 200);
  assert.equal(r.body.length, 0);
  assert.ok(r.headers.get('etag'));
});

test('gzip: JSON is compressed when asked for, and not otherwise', async () => {
  for (const u of [LIST, '/api/v1/openapi.json']) {
    const gz = await srv.get(u, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.status, 200);
    assert.equal(gz.headers.get('content-encoding'), 'gzip', `${u}: content-encoding with Accept-Encoding: gzip`);
    assert.ok(gz.json, `${u}: gzip body decodes to JSON`);
    const plain = await srv.get(u, { 'Accept-Encoding': 'identity' });
    assert.equal(plain.headers.get('content-encoding'), null, `${u}: compressed without being asked`);
    assert.deepEqual(gz.json, plain.json, `${u}: gzip and identity bodies differ`);
  }
});

test('collaboration list: shape and defaults', async () => {
  const j = await srv.getJson(LIST);
  assert.equal(typeof j.totaal, 'number');
  assert.equal(j.pagina, 1);
  assert.equal(j.paginaGrootte, 20);
  assert.equal(j.aantalPaginas, Math.max(1, Math.ceil(j.totaal / 20)));
  assert.ok(Array.isArray(j.samenwerkingsverbanden));
  assert.ok(j.totaal > 0);
  assert.equal(j.samenwerkingsverbanden.length, Math.min(20, j.totaal));
  for (const c of j.samenwerkingsverbanden) {
    assert.match(c.id, /^[a-z0-9-]{2,80}$/);
    assert.equal(typeof c.naam, 'string');
    assert.ok(c.naam.length > 0);
    assert.equal(typeof c.aantalDeelnemers, 'number');
  }
  assert.ok(j._links && j._links.self, '_links.self');
});

test('collaboration detail: shape of Veiligheidsregio Utrecht', async () => {
  const c = await srv.getJson(`${LIST}/veiligheidsregio-utrecht`);
  assert.equal(c.id, 'veiligheidsregio-utrecht');
  assert.equal(c.naam, 'Veiligheidsregio Utrecht');
  assert.ok(Array.isArray(c.deelnemers));
  for (const d of c.deelnemers) {
    assert.match(d.organisatie.code, /^[a-z0-9-]+$/);
    assert.equal(typeof d.organisatie.naam, 'string');
    assert.equal(typeof d.actief, 'boolean');
  }
});

test('unknown collaboration id gives 404 problem+json', async () => {
  const r = await srv.get(`${LIST}/bestaat-niet`);
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
  assert.equal(r.json.status, 404);
});

test('organisation list: shape, paging and soort filter', async () => {
  const j = await srv.getJson('/api/v1/organisaties');
  assert.equal(typeof j.totaal, 'number');
  assert.ok(Array.isArray(j.organisaties));
  assert.ok(j.organisaties.length > 0);
  for (const o of j.organisaties) {
    assert.equal(typeof o.code, 'string');
    assert.equal(typeof o.naam, 'string');
    assert.equal(typeof o.soort, 'string');
    assert.ok('cbsCode' in o, `cbsCode missing on ${o.code}`);
    assert.ok('opgeheven' in o, `opgeheven missing on ${o.code}`);
  }
  const gm = await allPages(srv, '/api/v1/organisaties?soort=gemeente', 'organisaties');
  assert.ok(gm.items.length >= 26);
  assert.equal(gm.items.length, gm.totaal);
  for (const o of gm.items) assert.equal(o.soort, 'gemeente', `${o.code} in soort=gemeente`);
  const ws = await allPages(srv, '/api/v1/organisaties?soort=waterschap', 'organisaties');
  assert.ok(ws.items.some((o) => o.code === 'ws0636'), 'ws0636 among the water boards');
  for (const o of ws.items) assert.equal(o.soort, 'waterschap');
});

test('organisation status: alle = actief + beeindigd', async () => {
  const alle = await srv.getJson('/api/v1/organisaties?status=alle');
  const actief = await srv.getJson('/api/v1/organisaties?status=actief');
  const beeindigd = await srv.getJson('/api/v1/organisaties?status=beeindigd');
  assert.equal(alle.totaal, actief.totaal + beeindigd.totaal);
  assert.ok(beeindigd.totaal >= 1);
  for (const o of beeindigd.organisaties) assert.ok(o.opgeheven, `${o.code} listed as beeindigd but not opgeheven`);
  for (const o of actief.organisaties) assert.ok(!o.opgeheven, `${o.code} listed as actief but opgeheven`);
});

test('organisation detail and participations of Utrecht (gm0344)', async () => {
  const o = await srv.getJson('/api/v1/organisaties/gm0344');
  assert.equal(o.code, 'gm0344');
  assert.equal(o.naam, 'Utrecht');
  assert.equal(o.soort, 'gemeente');
  assert.equal(o.cbsCode, 'GM0344');
  const d = await srv.getJson('/api/v1/organisaties/gm0344/deelnames');
  assert.ok(Array.isArray(d.deelnames));
  assert.ok(d.deelnames.length > 0);
  assert.match(JSON.stringify(d.deelnames), /veiligheidsregio-utrecht/);
  const nf = await srv.get('/api/v1/organisaties/gm9999');
  assert.equal(nf.status, 404);
  assert.match(nf.headers.get('content-type'), /^application\/problem\+json/);
  const nf2 = await srv.get('/api/v1/organisaties/gm9999/deelnames');
  assert.equal(nf2.status, 404);
});

test('beleidsdomeinen: exactly the domains of the seed', async () => {
  const j = await srv.getJson('/api/v1/beleidsdomeinen');
  assert.ok(Array.isArray(j.beleidsdomeinen));
  const seedKeys = readFileSync(path.join(SEED_DIR, 'domains.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0])
    .sort();
  assert.deepEqual(j.beleidsdomeinen.map((d) => d.code).sort(), seedKeys);
  for (const d of j.beleidsdomeinen) assert.ok(d.naam && typeof d.naam === 'string');
});

test('openapi.json is an OpenAPI 3 document describing every endpoint', async () => {
  const j = await srv.getJson('/api/v1/openapi.json');
  assert.match(String(j.openapi), /^3\./);
  assert.ok(j.info && j.info.title && j.info.version);
  const paths = Object.keys(j.paths || {});
  for (const p of [
    '/samenwerkingsverbanden',
    '/samenwerkingsverbanden/{id}',
    '/organisaties',
    '/organisaties/{code}',
    '/organisaties/{code}/deelnames',
    '/beleidsdomeinen',
  ]) {
    assert.ok(
      paths.some((k) => k === p || k === '/api/v1' + p),
      `openapi paths lack ${p}: ${paths.join(', ')}`,
    );
  }
});

test('filter deelnemer=gm0344 returns only collaborations with gm0344 as active participant', async () => {
  const { items } = await allPages(srv, `${LIST}?deelnemer=gm0344`, 'samenwerkingsverbanden');
  assert.ok(items.length > 0);
  assert.ok(items.some((c) => c.id === 'veiligheidsregio-utrecht'));
  for (const c of items) {
    const d = await srv.getJson(`${LIST}/${c.id}`);
    assert.ok(
      d.deelnemers.some((p) => p.organisatie.code === 'gm0344' && p.actief === true),
      `${c.id} returned for deelnemer=gm0344 without gm0344 as active participant`,
    );
  }
});

test('filter beleidsdomein=veiligheid narrows the list', async () => {
  const all = await srv.getJson(`${LIST}?status=alle`);
  const { items, totaal } = await allPages(srv, `${LIST}?beleidsdomein=veiligheid&status=alle`, 'samenwerkingsverbanden');
  assert.ok(totaal > 0 && totaal < all.totaal, `veiligheid: ${totaal} of ${all.totaal}`);
  assert.ok(items.some((c) => c.id === 'veiligheidsregio-utrecht'));
  assert.ok(!items.some((c) => c.id === 'afvalverwijdering-utrecht-avu'));
});

test('filter soort: wgr + privaatrechtelijk + netwerk = all', async () => {
  const all = await srv.getJson(`${LIST}?status=alle`);
  let sum = 0;
  for (const s of ['wgr', 'privaatrechtelijk', 'netwerk']) {
    const j = await srv.getJson(`${LIST}?status=alle&soort=${s}`);
    sum += j.totaal;
  }
  assert.equal(sum, all.totaal);
  const net = await allPages(srv, `${LIST}?status=alle&soort=netwerk`, 'samenwerkingsverbanden');
  assert.ok(net.items.some((c) => c.id === 'u10'), 'U10 is a network');
  for (const c of net.items) {
    const d = await srv.getJson(`${LIST}/${c.id}`);
    assert.equal(d.soort, 'netwerk', `${c.id} soort`);
  }
});

test('filter status: alle = actief + beeindigd', async () => {
  const alle = await srv.getJson(`${LIST}?status=alle`);
  const actief = await srv.getJson(`${LIST}?status=actief`);
  const beeindigd = await srv.getJson(`${LIST}?status=beeindigd`);
  const dflt = await srv.getJson(LIST);
  assert.equal(alle.totaal, actief.totaal + beeindigd.totaal);
  assert.equal(dflt.totaal, actief.totaal, 'default status is actief');
});

test('filter juridischeVorm and fase accept their documented values', async () => {
  const all = await srv.getJson(`${LIST}?status=alle`);
  for (const [k, vals] of [
    ['juridischeVorm', ['OL', 'GO', 'BVO', 'CC', 'RZM', 'stichting', 'vereniging', 'bv', 'nv', 'cooperatie', 'convenant', 'netwerk', 'onbekend']],
    ['fase', ['initiatief', 'groei', 'stabilisatie', 'transformatie', 'beeindigd', 'onbekend']],
  ]) {
    let sum = 0;
    for (const v of vals) {
      const j = await srv.getJson(`${LIST}?status=alle&${k}=${v}`);
      sum += j.totaal;
    }
    assert.equal(sum, all.totaal, `${k}: the values partition the list`);
  }
});

test('pagination: consistent totaal, no overlap, _links.next except on the last page', async () => {
  const full = await srv.getJson(`${LIST}?status=alle&paginaGrootte=100`);
  const ids = full.samenwerkingsverbanden.map((c) => c.id);
  assert.equal(ids.length, full.totaal);
  const first = await srv.getJson(`${LIST}?status=alle&paginaGrootte=5`);
  assert.equal(first.totaal, full.totaal);
  assert.equal(first.aantalPaginas, Math.ceil(full.totaal / 5));
  const seen = [];
  for (let p = 1; p <= first.aantalPaginas; p++) {
    const j = await srv.getJson(`${LIST}?status=alle&paginaGrootte=5&pagina=${p}`);
    assert.equal(j.totaal, full.totaal, `totaal on page ${p}`);
    assert.equal(j.pagina, p);
    assert.equal(j.paginaGrootte, 5);
    assert.ok(j.samenwerkingsverbanden.length <= 5);
    assert.ok(j.samenwerkingsverbanden.length > 0, `page ${p} empty`);
    for (const c of j.samenwerkingsverbanden) {
      assert.ok(!seen.includes(c.id), `${c.id} appears on two pages`);
      seen.push(c.id);
    }
    if (p < first.aantalPaginas) {
      assert.ok(j._links && j._links.next, `_links.next missing on page ${p}`);
      const href = typeof j._links.next === 'string' ? j._links.next : j._links.next.href;
      assert.match(href, new RegExp(`pagina=${p + 1}(&|$)`), `_links.next of page ${p}: ${href}`);
      assert.match(href, /status=alle/, `_links.next keeps the filters: ${href}`);
    } else {
      assert.ok(!j._links || !j._links.next, `_links.next on the last page ${p}`);
    }
  }
  assert.deepEqual(seen, ids, 'pages concatenated = the full list in the same order');
});

test('sorteer=-naam reverses sorteer=naam', async () => {
  const asc = await srv.getJson(`${LIST}?status=alle&paginaGrootte=100&sorteer=naam`);
  const desc = await srv.getJson(`${LIST}?status=alle&paginaGrootte=100&sorteer=-naam`);
  const a = asc.samenwerkingsverbanden.map((c) => c.id);
  const d = desc.samenwerkingsverbanden.map((c) => c.id);
  assert.deepEqual(d, [...a].reverse());
  const dflt = await srv.getJson(`${LIST}?status=alle&paginaGrootte=100`);
  assert.deepEqual(dflt.samenwerkingsverbanden.map((c) => c.id), a, 'default order is by naam');
});

test('sorteer=-deelnemers orders by participant count', async () => {
  const j = await srv.getJson(`${LIST}?status=alle&paginaGrootte=100&sorteer=-deelnemers`);
  const n = j.samenwerkingsverbanden.map((c) => c.aantalDeelnemers);
  for (let i = 1; i < n.length; i++) assert.ok(n[i - 1] >= n[i], `not descending at ${i}: ${n.join(',')}`);
});
