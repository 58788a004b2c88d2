// overlap — /analyse/overlap, /analyse/overlap.csv and GET /api/v1/analyse/overlap
// against the real binary with the bundled seed: page structure and validity
// (Nu HTML Checker), the API's shape and its paging (one pagina/paginaGrootte
// over all six lists, issue 7), CSV exports (BOM, Dutch headers) and bad input
// (drempel outside 0..1 or not a number, unknown filter values, status other
// than actief, paging values out of range) answered with 400 naming the
// parameter.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, atlas, addUser } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const PAGES = [
  '/analyse/overlap',
  '/analyse/overlap?drempel=0,5',
  '/analyse/overlap?drempel=0&sorteer=aandeel',
  '/analyse/overlap?drempel=1&beleidsdomein=veiligheid&sorteer=gemeente',
  '/analyse/overlap?soort=netwerk&juridischeVorm=convenant',
];

test('page: 200, one h1, the four sections, form, heat map with table, export links', async () => {
  const r = await srv.get('/analyse/overlap');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  const html = r.text;
  assert.equal((html.match(/<h1[\s>]/g) || []).length, 1);
  for (const id of ['paren', 'groepen', 'drukte', 'congruentie', 'downloads'])
    assert.match(html, new RegExp(`<h2[^>]*id="${id}"`), `section ${id}`);
  assert.match(html, /<form[^>]*method="get"[^>]*action="\/analyse\/overlap"/);
  assert.match(html, /name="drempel"[^>]*value="0,8"/);
  assert.match(html, /name="beleidsdomein"/);
  assert.match(html, /kandidaten om te bundelen/i);
  assert.match(html, /\|C\(a\) ∩ C\(b\)\| \/ \|C\(a\) ∪ C\(b\)\|/, 'formula stated');
  // heat map: an image with title and description, 26x26 cells of 24 units (12-unit labels fit), and its table
  const svg = html.match(/<svg[^>]*class="atlas-heatmap"[^>]*>/)?.[0];
  assert.ok(svg, 'heat map svg');
  assert.match(svg, /role="img"/);
  assert.match(svg, /aria-labelledby="hittekaart-titel hittekaart-beschrijving"/);
  assert.match(html, /<title id="hittekaart-titel">/);
  assert.match(html, /<desc id="hittekaart-beschrijving">/);
  const cells = html.slice(html.indexOf('<svg'), html.indexOf('</svg>')).match(/<rect [^>]*width="24"/g) || [];
  assert.equal(cells.length, 26 * 26);
  assert.match(html, /<caption[^>]*id="hittekaart-tabel"/);
  // each table has a caption
  const tables = (html.match(/<table\b/g) || []).length;
  const captions = (html.match(/<caption\b/g) || []).length;
  assert.ok(tables >= 4);
  assert.equal(captions, tables);
  // Dutch percentages with one decimal
  assert.match(html, /\d+,\d\u00a0%/);
  for (const t of ['paren', 'gemeenten', 'congruentie'])
    assert.match(html, new RegExp(`href="/analyse/overlap\\.csv\\?tabel=${t}"`));
  assert.match(html, /href="\/api\/v1\/analyse\/overlap"/);
  // the overlap page sits under "Analyses" in the main menu
  assert.match(html, /href="\/analyse"[^>]*aria-current="true"[^>]*>Analyses</);
});

test('page keeps the filters in the export links', async () => {
  const r = await srv.get('/analyse/overlap?drempel=0,5&beleidsdomein=veiligheid');
  assert.equal(r.status, 200);
  assert.match(r.text, /href="\/analyse\/overlap\.csv\?drempel=0%2C5&amp;beleidsdomein=veiligheid&amp;tabel=paren"/);
  assert.match(r.text, /href="\/api\/v1\/analyse\/overlap\?drempel=0%2C5&amp;beleidsdomein=veiligheid"/);
});

// The six paged lists of a reply, by the names used in "aantallen".
const LISTS = {
  zonderActieveDeelnemers: (d) => d.zonderActieveDeelnemers,
  paren: (d) => d.paren,
  identiekeGroepen: (d) => d.identiekeGroepen,
  gemeenten: (d) => d.gemeenten,
  congruentieParen: (d) => d.congruentie.paren,
  verschillendePartners: (d) => d.congruentie.verschillendePartners,
};

// Follow the "next" links from the first page; every list concatenated over
// all pages (in the same reply shape) plus the pages themselves.
async function allPages(p) {
  const pages = [await srv.getJson(p)];
  while (pages.at(-1)._links.next) {
    assert.ok(pages.length <= 1000, 'paging does not end');
    pages.push(await srv.getJson(pages.at(-1)._links.next.href));
  }
  const d = structuredClone(pages[0]);
  for (const q of pages.slice(1)) {
    d.zonderActieveDeelnemers.push(...q.zonderActieveDeelnemers);
    d.paren.push(...q.paren);
    d.identiekeGroepen.push(...q.identiekeGroepen);
    d.gemeenten.push(...q.gemeenten);
    d.congruentie.paren.push(...q.congruentie.paren);
    d.congruentie.verschillendePartners.push(...q.congruentie.verschillendePartners);
  }
  return { d, pages };
}

test('API: shape of all four parts (all pages)', async () => {
  const { d } = await allPages('/api/v1/analyse/overlap');
  for (const [name, list] of Object.entries(LISTS)) assert.equal(list(d).length, d.aantallen[name], name);
  assert.equal(d.drempel, 0.8);
  assert.ok(d.aantalGeanalyseerd > 0);
  assert.ok(Array.isArray(d.zonderActieveDeelnemers));
  assert.ok(Array.isArray(d.paren));
  for (const p of d.paren) {
    assert.ok(p.jaccard >= 0.8 && p.jaccard <= 1, `jaccard ${p.jaccard}`);
    assert.equal(typeof p.kandidaatBundeling, 'boolean');
    assert.ok(p.a.id && p.b.id && p.a.naam && p.b.naam);
    assert.ok(Math.abs(p.jaccard - p.gemeenschappelijkeDeelnemers / p.deelnemersSamen) < 1e-12);
    assert.equal(p.kandidaatBundeling, p.gedeeldeBeleidsdomeinen.length > 0);
  }
  for (let i = 1; i < d.paren.length; i++) assert.ok(d.paren[i - 1].jaccard >= d.paren[i].jaccard);
  for (const g of d.identiekeGroepen) {
    assert.ok(g.samenwerkingsverbanden.length >= 2);
    assert.equal(g.eenDeelnemer, g.aantalDeelnemers === 1);
    assert.equal(g.deelnemers.length, g.aantalDeelnemers);
  }
  // every current gemeente is listed, also with 0
  assert.ok(d.gemeenten.length >= 26);
  const utrecht = d.gemeenten.find((g) => g.code === 'gm0344');
  assert.ok(utrecht && utrecht.inProvincie && utrecht.aantalSamenwerkingsverbanden > 0);
  for (const g of d.gemeenten) {
    assert.ok(g.aantalPartnerconfiguraties <= g.aantalSamenwerkingsverbanden);
    assert.equal(g.bekendeBijdragen === null, g.aantalBekendeBijdragen === 0);
  }
  const c = d.congruentie;
  assert.match(c.formule, /C\(a\)/);
  assert.equal(c.paren.length, (26 * 25) / 2);
  assert.equal(new Set(c.paren.map((p) => `${p.a.code}|${p.b.code}`)).size, c.paren.length, 'no pair twice');
  for (const p of c.paren) {
    assert.ok(p.samen <= p.inEenVanBeide);
    assert.ok(Math.abs(p.aandeel - (p.inEenVanBeide ? p.samen / p.inEenVanBeide : 0)) < 1e-12);
  }
  for (let i = 1; i < c.paren.length; i++) assert.ok(c.paren[i - 1].aandeel >= c.paren[i].aandeel);
  for (const v of c.verschillendePartners) {
    assert.ok(v.jaccard < 0.5);
    assert.notEqual(v.beleidsdomeinA, v.beleidsdomeinB);
    assert.equal(v.gemeenschappelijkePartners.length + v.alleenInA.length, v.aantalPartnersA);
    assert.equal(v.gemeenschappelijkePartners.length + v.alleenInB.length, v.aantalPartnersB);
  }
});

test('API paging: default 100 per list, links, totaal and aantallen follow the longest list', async () => {
  const p1 = await srv.getJson('/api/v1/analyse/overlap?drempel=0,5');
  assert.equal(p1.pagina, 1);
  assert.equal(p1.paginaGrootte, 100);
  const counts = Object.values(p1.aantallen);
  assert.equal(counts.length, 6);
  assert.equal(p1.totaal, Math.max(...counts));
  assert.ok(p1.totaal > 100, `the seed has a list longer than one page (${p1.totaal})`);
  assert.equal(p1.aantalPaginas, Math.ceil(p1.totaal / 100));
  for (const [name, list] of Object.entries(LISTS)) assert.equal(list(p1).length, Math.min(100, p1.aantallen[name]), name);
  // links keep the query; prev only after the first page, next before the last
  assert.equal(p1._links.self.href, '/api/v1/analyse/overlap?drempel=0%2C5&pagina=1');
  assert.equal(p1._links.first.href, '/api/v1/analyse/overlap?drempel=0%2C5&pagina=1');
  assert.equal(p1._links.next.href, '/api/v1/analyse/overlap?drempel=0%2C5&pagina=2');
  assert.equal(p1._links.last.href, `/api/v1/analyse/overlap?drempel=0%2C5&pagina=${p1.aantalPaginas}`);
  assert.equal(p1._links.prev, undefined);
  assert.equal(p1._links.pagina.href, '/analyse/overlap?drempel=0%2C5');
  const last = await srv.getJson(p1._links.last.href);
  assert.equal(last._links.next, undefined);
  assert.ok(last._links.prev);
  // past the end: every list empty, the counts unchanged
  const past = await srv.getJson(`/api/v1/analyse/overlap?drempel=0,5&pagina=${p1.aantalPaginas + 1}`);
  for (const [name, list] of Object.entries(LISTS)) assert.equal(list(past).length, 0, name);
  assert.deepEqual(past.aantallen, p1.aantallen);
  assert.equal(past._links.next, undefined);
});

test('API paging: a small page size returns the same items, in order, as the default pages', async () => {
  const { d: big } = await allPages('/api/v1/analyse/overlap?drempel=0,5&sorteer=aandeel');
  const { d: small, pages } = await allPages('/api/v1/analyse/overlap?drempel=0,5&sorteer=aandeel&paginaGrootte=7');
  assert.equal(pages.length, Math.ceil(big.totaal / 7));
  for (const q of pages) {
    assert.equal(q.paginaGrootte, 7);
    for (const [name, list] of Object.entries(LISTS)) assert.ok(list(q).length <= 7, `${name} on page ${q.pagina}`);
    assert.match(q._links.self.href, /[?&]paginaGrootte=7&pagina=\d+$/);
  }
  for (const [name, list] of Object.entries(LISTS)) assert.deepEqual(list(small), list(big), name);
  // page 3 of 7 = items 15..21 of each list
  const p3 = await srv.getJson('/api/v1/analyse/overlap?drempel=0,5&sorteer=aandeel&paginaGrootte=7&pagina=3');
  for (const [name, list] of Object.entries(LISTS)) assert.deepEqual(list(p3), list(big).slice(14, 21), name);
});

test('API: drempel with comma, boundaries 0 and 1, filter and sort', async () => {
  const half = await srv.getJson('/api/v1/analyse/overlap?drempel=0,5');
  assert.equal(half.drempel, 0.5);
  const def = await srv.getJson('/api/v1/analyse/overlap');
  assert.ok(half.paren.length >= def.paren.length);
  const one = await srv.getJson('/api/v1/analyse/overlap?drempel=1');
  for (const p of one.paren) assert.equal(p.jaccard, 1);
  const zero = await srv.getJson('/api/v1/analyse/overlap?drempel=0');
  for (const p of zero.paren) assert.ok(p.gemeenschappelijkeDeelnemers > 0);
  const vr = await srv.getJson('/api/v1/analyse/overlap?beleidsdomein=veiligheid&status=actief');
  assert.ok(vr.aantalGeanalyseerd < def.aantalGeanalyseerd);
  const asc = await srv.getJson('/api/v1/analyse/overlap?sorteer=aandeel');
  const cp = asc.congruentie.paren;
  for (let i = 1; i < cp.length; i++) assert.ok(cp[i - 1].aandeel <= cp[i].aandeel);
});

test('bad input: 400 problem+json naming the parameter', async () => {
  const cases = [
    ['drempel=1.5', 'drempel'],
    ['drempel=abc', 'drempel'],
    ['drempel=-0.1', 'drempel'],
    ['drempel=0.1234567', 'drempel'],
    ['beleidsdomein=onbekend', 'beleidsdomein'],
    ['juridischeVorm=xyz', 'juridischeVorm'],
    ['status=alle', 'status'],
    ['status=beeindigd', 'status'],
    ['sorteer=naam', 'sorteer'],
    ['paginaGrootte=0', 'paginaGrootte'],
    ['paginaGrootte=101', 'paginaGrootte'],
    ['paginaGrootte=abc', 'paginaGrootte'],
    ['pagina=0', 'pagina'],
    ['pagina=10001', 'pagina'],
  ];
  for (const [q, param] of cases) {
    const r = await srv.get(`/api/v1/analyse/overlap?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/, q);
    assert.equal(r.json.status, 400);
    assert.ok(r.json.detail.includes(`'${param}'`), `${q}: ${r.json.detail}`);
    assert.deepEqual(r.json.invalidParams.map((p) => p.name), [param], q);
    if (param.startsWith('pagina')) {
      // paging belongs to the API: the HTML page does not take it
      assert.equal((await srv.get(`/analyse/overlap?${q}`)).status, 200, `page ${q}`);
      continue;
    }
    const page = await srv.get(`/analyse/overlap?${q}`);
    assert.equal(page.status, 400, `page ${q}`);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.ok(page.text.includes(param), `page ${q} names ${param}`);
  }
  const csv = await srv.get('/analyse/overlap.csv?tabel=alles');
  assert.equal(csv.status, 400);
  assert.ok(csv.text.includes('tabel'));
});

test('CSV exports: BOM, Dutch headers, attachment', async () => {
  const heads = {
    paren: 'Samenwerkingsverband A,Id A,Deelnemers A,Samenwerkingsverband B,Id B,Deelnemers B,Gemeenschappelijke deelnemers,Deelnemers samen,Overeenkomst (Jaccard),Overeenkomst (%),Kandidaat om te bundelen,Gedeelde beleidsdomeinen',
    gemeenten: 'Gemeente,Code,In provincie Utrecht,Actieve samenwerkingsverbanden,Verschillende partnersamenstellingen,Bekende bijdragen per jaar (euro),Aantal bekende bijdragen',
    congruentie: 'Gemeente A,Code A,Gemeente B,Code B,Samen in,In ten minste één van beide,Congruentie,Congruentie (%)',
  };
  const api = (await allPages('/api/v1/analyse/overlap?drempel=0,5')).d;
  for (const [t, head] of Object.entries(heads)) {
    const r = await srv.get(`/analyse/overlap.csv?tabel=${t}&drempel=0,5`);
    assert.equal(r.status, 200, t);
    assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    assert.match(r.headers.get('content-disposition'), new RegExp(`attachment; filename="overlap-${t}\\.csv"`));
    assert.deepEqual([...r.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${t}: BOM`);
    const lines = r.text.slice(1).split('\r\n').filter(Boolean);
    assert.equal(lines[0], head, t);
    const expected = { paren: api.paren.length, gemeenten: api.gemeenten.length, congruentie: api.congruentie.paren.length }[t];
    assert.equal(lines.length - 1, expected, `${t}: rows`);
  }
});

test('Nu HTML Checker: no errors on the overlap pages', async () => {
  const dir = path.join(srv.dir, 'html-overlap');
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const [i, p] of PAGES.entries()) {
    const r = await srv.get(p);
    assert.equal(r.status, 200, p);
    for (const tag of r.text.match(/<[a-zA-Z][^>]*>/g) || []) {
      assert.doesNotMatch(tag, /\sstyle\s*=/i, `${p}: style attribute`);
      assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${p}: event handler`);
    }
    const file = path.join(dir, `overlap${i}.html`);
    writeFileSync(file, r.body);
    files.push(file);
  }
  const errors = (await vnuValidate(files)).map((m) => `${path.basename(m.file)}:${m.line}:${m.column}: ${m.message}`);
  assert.deepEqual(errors, []);
});

// The analysis is shared between requests with the same query (api_overlap.c,
// overlap_shared) per snapshot: after a write every view must show the new
// state, not the analysis of the snapshot before. Runs last: it ends a
// collaboration.
test('after a write, API pages, the page and the CSV analyse the new snapshot', async () => {
  // on a busy machine the Nu HTML Checker above can take longer than the
  // server's 30 s idle timeout: the first request on the keep-alive
  // connection it closed fails once, so make that request a throw-away one
  await srv.get('/gezondheid').catch(() => {});
  const token = addUser(srv.db, 'overlap-staf', 'programmateam', { token: 'test' });

  const q = '/api/v1/analyse/overlap?drempel=0,5&paginaGrootte=50';
  const before = await srv.getJson(q);
  await srv.getJson(`${q}&pagina=2`); // the shared analysis exists for this snapshot
  assert.ok(before.paren.length > 0);
  const key = before.paren[0].a.id;
  const loc = `/api/v1/samenwerkingsverbanden/${key}`;
  const etag = (await srv.get(loc)).headers.get('etag');
  const del = await srv.get(loc, { authorization: `Bearer ${token}`, 'if-match': etag }, { method: 'DELETE' });
  assert.ok(del.status === 200 || del.status === 204, del.text);

  const after = await srv.getJson(q);
  assert.equal(after.aantalGeanalyseerd, before.aantalGeanalyseerd - 1);
  const { d: all } = await allPages(q);
  assert.ok(!all.paren.some((p) => p.a.id === key || p.b.id === key), `${key} ended but still in a pair`);
  assert.equal(all.paren.length, after.aantallen.paren);
  const page = await srv.get('/analyse/overlap?drempel=0,5');
  assert.match(page.text, new RegExp(`Geanalyseerd: <strong>${after.aantalGeanalyseerd} actieve`));
  const csv = await srv.get('/analyse/overlap.csv?tabel=paren&drempel=0,5');
  assert.equal(csv.text.slice(1).split('\r\n').filter(Boolean).length - 1, after.aantallen.paren);
  assert.ok(!csv.text.includes(`,${key},`), 'the CSV no longer lists it');
});
