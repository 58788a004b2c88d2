// network — the network view /netwerk, its exports (/netwerk.csv and
// GET /api/v1/netwerk) and the server-rendered charts on / and on the
// organisation pages:
//   - the page works without JavaScript: selector and filter forms, counts,
//     the whole network drawn as groups (server-side SVG) and the grouped
//     tables (one per group, one row per organisation or collaboration);
//   - page, CSV and API show the same nodes and edges for every filter;
//   - charts: <svg role="img"> with <title> and <desc> and a data table whose
//     numbers equal the API's counts;
//   - /netwerk, / and an organisation page pass the Nu HTML Checker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, allPages, decodeEntities } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';
import { parseCsv, formulaCells } from './csv.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

// rows of every table whose caption starts with `caption`, concatenated
function allTableRows(html, caption) {
  const rows = [];
  for (const t of html.split('<table').slice(1)) {
    const cap = (t.match(/<caption[^>]*>([\s\S]*?)<\/caption>/) || [])[1];
    if (!cap || !decodeEntities(cap).startsWith(caption)) continue;
    const body = t.slice(t.indexOf('<tbody'), t.indexOf('</table>'));
    rows.push(...[...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
        decodeEntities(c[1].replace(/<[^>]+>/g, '')).trim()),
    ));
  }
  return rows;
}

// rows of the table whose caption starts with `caption`: [[cell text, ...], ...]
function tableRows(html, caption) {
  const i = html.indexOf('<caption');
  const tables = html.split('<table').slice(1);
  for (const t of tables) {
    const cap = (t.match(/<caption[^>]*>([\s\S]*?)<\/caption>/) || [])[1];
    if (!cap || !decodeEntities(cap).startsWith(caption)) continue;
    const body = t.slice(t.indexOf('<tbody'), t.indexOf('</table>'));
    return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
        decodeEntities(c[1].replace(/<[^>]+>/g, '')).trim()),
    );
  }
  void i;
  return null;
}

const FILTERS = [
  '',
  'alleOrganisaties=ja',
  'alleOrganisaties=nee',
  'beleidsdomein=veiligheid',
  'soort=netwerk',
  'soort=wgr&alleOrganisaties=ja',
  'deelnemer=gm0321',
  'juridischeVorm=onbekend&fase=onbekend',
  'beleidsdomein=afval&juridischeVorm=RZM', // probably empty
];

for (const q of FILTERS) {
  test(`/netwerk?${q}: page, CSV and API agree`, async () => {
    const qs = q ? `?${q}` : '';
    const api = await srv.getJson(`/api/v1/netwerk${qs}`);
    assert.equal(api.knopen.length, api.totaalKnopen);
    assert.equal(api.verbindingen.length, api.totaalVerbindingen);
    const ids = new Set(api.knopen.map((k) => k.id));
    assert.equal(ids.size, api.knopen.length, 'node ids unique');
    for (const v of api.verbindingen) {
      assert.ok(ids.has(v.bron) && ids.has(v.doel), 'edges join known nodes');
      assert.match(v.bron, /^o-/);
      assert.match(v.doel, /^s-/);
      assert.ok(v.rol);
    }
    for (const k of api.knopen) {
      assert.ok(['organisatie', 'samenwerkingsverband'].includes(k.soort));
      assert.ok(k.naam && k.code && k._links.self.href);
      assert.equal(k.aantalVerbindingen, api.verbindingen.filter((v) => v.bron === k.id || v.doel === k.id).length);
    }
    if (!q.includes('alleOrganisaties=ja'))
      for (const k of api.knopen.filter((n) => n.soort === 'organisatie')) assert.equal(k.inProvincie, true, k.naam);

    const r = await srv.get(`/netwerk${qs}`);
    assert.equal(r.status, 200);
    const m = r.text.match(/data-knopen="(\d+)" data-verbindingen="(\d+)"/);
    assert.ok(m, 'counts on the page');
    assert.equal(Number(m[1]), api.totaalKnopen);
    assert.equal(Number(m[2]), api.totaalVerbindingen);
    if (api.totaalVerbindingen === 0) {
      assert.match(r.text, /Geen deelnames gevonden/);
      return;
    }
    // the table alternative, grouped: one table per group, one row per
    // organisation with its number of participations; together every edge
    const orgNodes = api.knopen.filter((k) => k.soort === 'organisatie');
    const collabNodes = api.knopen.filter((k) => k.soort === 'samenwerkingsverband');
    const orgs = allTableRows(r.text, 'Deelnames, gegroepeerd per organisatie');
    assert.ok(orgs.length > 0, 'grouped tables present');
    assert.equal(orgs.length, orgNodes.length);
    assert.deepEqual(orgs.map((o) => o[0]).sort(), orgNodes.map((k) => k.naam).sort());
    assert.equal(orgs.reduce((n, o) => n + Number(o[2]), 0), api.totaalVerbindingen);
    for (const o of orgs) assert.equal(Number(o[2]), orgNodes.find((k) => k.naam === o[0]).aantalVerbindingen, o[0]);
    // grouped by collaboration: one row per collaboration, the same edges
    const r2 = await srv.get(`/netwerk?${q ? q + '&' : ''}groeperen=samenwerkingsverband`);
    const collabs = allTableRows(r2.text, 'Deelnames, gegroepeerd per samenwerkingsverband');
    assert.equal(collabs.length, collabNodes.length);
    assert.equal(collabs.reduce((n, c) => n + Number(c[2]), 0), api.totaalVerbindingen);

    // the drawing: server-rendered groups, each organisation a link that chooses it
    const sec = r.text.match(/<section class="net-graph" id="netwerk-weergave"[\s\S]*?<\/section>/);
    assert.ok(sec, 'graph section');
    const wide = sec[0].match(/<svg class="net-svg net-svg--wide"[\s\S]*?<\/svg>/)[0];
    for (const k of orgNodes)
      assert.ok(wide.includes(`kies=${k.id}"`), `${k.naam} linked in the drawing`);
    assert.equal(api.groepen.reduce((n, g) => n + g.organisaties.length, 0), orgNodes.length, 'API groups cover the organisations');

    // CSV: one row per edge
    const c = await srv.get(`/netwerk.csv${qs}`);
    assert.equal(c.status, 200);
    assert.equal(c.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(c.headers.get('content-disposition'), 'attachment; filename="netwerk.csv"');
    const parsed = parseCsv(c.text);
    assert.ok(parsed.bom);
    assert.deepEqual(parsed.rows[0], ['Organisatie', 'Organisatiecode', 'Soort organisatie',
      'Samenwerkingsverband', 'Samenwerkingsverband-id', 'Soort samenwerking', 'Rol']);
    assert.equal(parsed.rows.length - 1, api.totaalVerbindingen);
    assert.deepEqual(formulaCells(parsed), []);
    const csvEdges = parsed.rows.slice(1).map((row) => `o-${row[1]}>s-${row[4]}`).sort();
    assert.deepEqual(csvEdges, api.verbindingen.map((v) => `${v.bron}>${v.doel}`).sort());
  });
}

test('/netwerk: default is the province and its gemeenten; the filter narrows', async () => {
  const all = await srv.getJson('/api/v1/netwerk?alleOrganisaties=ja');
  const dflt = await srv.getJson('/api/v1/netwerk');
  assert.ok(dflt.totaalKnopen < all.totaalKnopen);
  const orgs = dflt.knopen.filter((k) => k.soort === 'organisatie');
  assert.ok(orgs.length <= 27);
  assert.ok(orgs.some((k) => k.code === 'gm0344'));
  assert.ok(orgs.some((k) => k.code === 'pv26'));
  // only active collaborations: none of the ended ones appears
  const ended = await allPages(srv, '/api/v1/samenwerkingsverbanden?status=beeindigd', 'samenwerkingsverbanden');
  for (const c of ended.items) assert.ok(!all.knopen.some((k) => k.id === `s-${c.id}`), c.id);
  // deelnemer: all collaborations of that organisation, with their other members
  const h = await srv.getJson('/api/v1/netwerk?deelnemer=gm0321');
  const parts = await srv.getJson('/api/v1/organisaties/gm0321/deelnames');
  assert.equal(h.knopen.filter((k) => k.soort === 'samenwerkingsverband').length,
    new Set(parts.deelnames.map((d) => d.samenwerkingsverband.id)).size);
});

test('/netwerk: bad input gives 400 naming the parameter', async () => {
  for (const [q, param] of [
    ['beleidsdomein=bestaat-niet', 'beleidsdomein'],
    ['alleOrganisaties=x', 'alleOrganisaties'],
    ['alleOrganisaties=misschien', 'alleOrganisaties'],
    ['groeperen=kleur', 'groeperen'],
    ['deelnemer=gm9999', 'deelnemer'],
  ]) {
    const p = await srv.get(`/netwerk?${q}`);
    assert.equal(p.status, 400, q);
    assert.match(p.headers.get('content-type'), /text\/html/);
    const a = await srv.get(`/api/v1/netwerk?${q}`);
    if (param === 'groeperen') continue; // the API has no grouping
    assert.equal(a.status, 400, q);
    assert.match(a.headers.get('content-type'), /application\/problem\+json/);
    assert.equal(a.json.parameter ?? a.json.invalidParams?.[0]?.name ?? param, param);
    assert.equal((await srv.get(`/netwerk.csv?${q}`)).status, 400, q);
  }
});

test('/netwerk: drawn on the server, no script at all, ETag', async () => {
  const r = await srv.get('/netwerk');
  assert.doesNotMatch(r.text, /<script/);
  assert.doesNotMatch(r.text, /\sstyle=/);
  assert.doesNotMatch(r.text, /\son[a-z]+=/);
  // the network sits under "Analyses" in the main menu
  assert.match(r.text, /href="\/analyse"[^>]*aria-current="true"[^>]*>Analyses</);
  const etag = r.headers.get('etag');
  assert.ok(etag);
  assert.equal((await srv.get('/netwerk', { 'If-None-Match': etag })).status, 304);
});

// the numbers of a chart's data table, by its caption: {label: number}
function chartTable(html, caption) {
  const rows = tableRows(html, caption);
  assert.ok(rows, `table "${caption}"`);
  return Object.fromEntries(rows.map((r) => [r[0], Number(r[1].replace(/\./g, ''))]));
}

function assertCharts(html, n) {
  const svgs = [...html.matchAll(/<svg class="atlas-chart"[^>]*>([\s\S]*?)<\/svg>/g)];
  assert.equal(svgs.length, n, 'number of charts');
  for (const s of svgs) {
    const open = s[0].slice(0, s[0].indexOf('>'));
    assert.match(open, /role="img"/);
    const ids = open.match(/aria-labelledby="([^"]+)"/)[1].split(' ');
    assert.equal(ids.length, 2);
    assert.match(s[1], new RegExp(`^<title id="${ids[0]}">[^<]+</title><desc id="${ids[1]}">[^<]+</desc>`));
    assert.ok((s[1].match(/<g><title>/g) || []).length >= 1, 'bars have titles');
  }
}

test('home: charts per beleidsdomein and per juridische vorm match the API', async () => {
  const r = await srv.get('/');
  assert.equal(r.status, 200);
  assertCharts(r.text, 2);
  const dom = chartTable(r.text, 'Actieve samenwerkingsverbanden per beleidsdomein');
  const api = await srv.getJson('/api/v1/beleidsdomeinen');
  for (const d of api.beleidsdomeinen)
    if (d.aantalActieveVerbanden > 0) assert.equal(dom[d.naam], d.aantalActieveVerbanden, d.naam);
  const lf = chartTable(r.text, 'Actieve samenwerkingsverbanden per juridische vorm');
  let sum = 0;
  for (const [label, n] of Object.entries(lf)) {
    sum += n;
    const href = r.text.match(new RegExp(`href="(/samenwerkingsverbanden\\?juridischeVorm=[^"]+)">${label.replace(/[()]/g, '\\$&')}<`));
    assert.ok(href, `link for ${label}`);
    const list = await srv.getJson(`/api/v1${decodeEntities(href[1])}`);
    assert.equal(list.totaal, n, label);
  }
  const active = await srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=1');
  assert.equal(sum, active.totaal, 'legal forms add up to all active collaborations');
});

test('organisation page: charts per domain and legal form match the API', async () => {
  for (const code of ['gm0344', 'gm0321', 'pv26']) {
    const r = await srv.get(`/organisaties/${code}`);
    assert.equal(r.status, 200);
    const parts = await srv.getJson(`/api/v1/organisaties/${code}/deelnames`);
    if (parts.totaal === 0) {
      assertCharts(r.text, 0);
      continue;
    }
    assertCharts(r.text, 2);
    const domains = await srv.getJson('/api/v1/beleidsdomeinen');
    const name = Object.fromEntries(domains.beleidsdomeinen.map((d) => [d.code, d.naam]));
    const want = {};
    for (const d of parts.deelnames) for (const k of d.beleidsdomeinen) want[name[k]] = (want[name[k]] || 0) + 1;
    const dom = chartTable(r.text, 'Aantal samenwerkingsverbanden per beleidsdomein');
    for (const [k, v] of Object.entries(want)) assert.equal(dom[k], v, `${code} ${k}`);
    const lf = chartTable(r.text, 'Actieve samenwerkingsverbanden van');
    assert.equal(Object.values(lf).reduce((a, b) => a + b, 0), parts.totaal);
  }
});

test('vnu: /netwerk, /, an organisation page and the network variants are valid HTML', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-net-vnu-'));
  try {
    const pages = ['/netwerk', '/netwerk?alleOrganisaties=ja&groeperen=samenwerkingsverband',
      '/netwerk?kies=o-gm0321', '/netwerk?kies=s-u10&peildatum=2020-01-01', '/analyse/overlap',
      '/netwerk?beleidsdomein=afval&juridischeVorm=RZM', '/', '/organisaties/gm0344', '/organisaties/pv26',
      '/samenwerkingsverbanden'];
    const files = [];
    for (const [i, p] of pages.entries()) {
      const r = await srv.get(p);
      assert.equal(r.status, 200, p);
      const f = path.join(dir, `page-${i}.html`);
      writeFileSync(f, r.text);
      files.push(f);
    }
    const errors = await vnuValidate(files);
    assert.deepEqual(errors.map((e) => `${pages[files.indexOf(e.file)] ?? e.file}:${e.line}: ${e.message}`), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
