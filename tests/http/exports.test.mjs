// exports — the CSV downloads of the list views:
//   /samenwerkingsverbanden.csv?<filters>   (all matching rows, no paging)
//   /organisaties/{code}/deelnames.csv      (one organisation's participations)
// UTF-8 BOM, CRLF, Dutch headers, text/csv, Content-Disposition attachment,
// row counts equal to the API's totaal, no cell that a spreadsheet would run
// as a formula, and the links on the pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, allPages, decodeEntities } from './harness.mjs';
import { parseCsv, formulaCells } from './csv.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const LIST_HEAD = ['Naam', 'Korte naam', 'Soort', 'Juridische vorm', 'Beleidsdomeinen', 'Fase',
  'Actieve deelnemers', 'Laatst bevestigd', 'Bron', 'URL'];

async function csv(p) {
  const r = await srv.get(p);
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
  assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(r.headers.get('content-disposition') || '', /^attachment; filename="[a-z0-9-]+\.csv"$/);
  assert.deepEqual([...r.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.ok(r.text.endsWith('\r\n'), 'CRLF row ends');
  assert.ok(!/[^\r]\n/.test(r.text.replace(/"[^"]*"/g, '')), 'no bare LF outside quotes');
  const parsed = parseCsv(r.text);
  assert.deepEqual(formulaCells(parsed), [], 'no formula-like cells');
  for (const row of parsed.rows) assert.equal(row.length, parsed.rows[0].length, 'same column count');
  return { r, parsed };
}

const FILTERS = [
  '',
  'status=alle',
  'status=beeindigd',
  'beleidsdomein=veiligheid',
  'soort=wgr&sorteer=-deelnemers',
  'deelnemer=gm0344',
  'juridischeVorm=onbekend&fase=onbekend',
  'beleidsdomein=afval&juridischeVorm=RZM',
];

for (const q of FILTERS) {
  test(`samenwerkingsverbanden.csv?${q}: all rows of the API, in the same order`, async () => {
    const { parsed } = await csv(`/samenwerkingsverbanden.csv${q ? '?' + q : ''}`);
    assert.deepEqual(parsed.rows[0], LIST_HEAD);
    const api = await allPages(srv, `/api/v1/samenwerkingsverbanden${q ? '?' + q : ''}`, 'samenwerkingsverbanden');
    const body = parsed.rows.slice(1);
    assert.equal(body.length, api.totaal);
    assert.deepEqual(body.map((r) => r[0]), api.items.map((c) => c.naam));
    assert.deepEqual(body.map((r) => Number(r[6])), api.items.map((c) => c.aantalDeelnemers));
    assert.deepEqual(body.map((r) => r[7]), api.items.map((c) => c.laatstBevestigd));
  });
}

test('samenwerkingsverbanden.csv ignores paging and rejects bad filters', async () => {
  const all = await csv('/samenwerkingsverbanden.csv?status=alle');
  const paged = await csv('/samenwerkingsverbanden.csv?status=alle&pagina=2&paginaGrootte=5');
  assert.equal(paged.parsed.rows.length, all.parsed.rows.length);
  for (const bad of ['beleidsdomein=bestaat-niet', 'status=x', 'sorteer=kleur', 'deelnemer=gm9999']) {
    const r = await srv.get(`/samenwerkingsverbanden.csv?${bad}`);
    assert.equal(r.status, 400, bad);
  }
});

test('the list page links to the CSV of the same selection', async () => {
  const r = await srv.get('/samenwerkingsverbanden?beleidsdomein=veiligheid&status=alle&pagina=1');
  assert.equal(r.status, 200);
  const m = r.text.match(/href="(\/samenwerkingsverbanden\.csv[^"]*)"/);
  assert.ok(m, 'CSV link present');
  const href = decodeEntities(m[1]);
  assert.match(href, /beleidsdomein=veiligheid/);
  assert.match(href, /status=alle/);
  assert.doesNotMatch(href, /pagina=/);
  assert.match(r.text, /href="\/api\/v1\/samenwerkingsverbanden\?[^"]*"/, 'JSON link still there');
  await csv(href);
});

test('organisation deelnames.csv: rows equal the API totaal for each status', async () => {
  for (const code of ['gm0344', 'gm0321', 'pv26', 'ws0636']) {
    for (const st of ['', 'actief', 'beeindigd', 'alle']) {
      const q = st ? `?status=${st}` : '';
      const { r, parsed } = await csv(`/organisaties/${code}/deelnames.csv${q}`);
      assert.equal(r.headers.get('content-disposition'), `attachment; filename="deelnames-${code}.csv"`);
      assert.equal(parsed.rows[0][0], 'Organisatie');
      assert.equal(parsed.rows[0][1], 'Samenwerkingsverband');
      assert.ok(parsed.rows[0].includes('Rol'));
      const api = await srv.getJson(`/api/v1/organisaties/${code}/deelnames${q}`);
      assert.equal(parsed.rows.length - 1, api.totaal, `${code} ${st}`);
      assert.deepEqual(parsed.rows.slice(1).map((row) => row[1]),
        api.deelnames.map((d) => d.samenwerkingsverband.naam));
    }
  }
});

test('organisation deelnames.csv: unknown organisation 404, bad status 400', async () => {
  assert.equal((await srv.get('/organisaties/gm9999/deelnames.csv')).status, 404);
  assert.equal((await srv.get('/organisaties/gm0344/deelnames.csv?status=x')).status, 400);
});

test('the organisation page links to its CSV and JSON', async () => {
  const r = await srv.get('/organisaties/gm0344');
  assert.equal(r.status, 200);
  assert.match(r.text, /href="\/organisaties\/gm0344\/deelnames\.csv"/);
  assert.match(r.text, /href="\/api\/v1\/organisaties\/gm0344\/deelnames"/);
});

test('HEAD on an export answers without a body', async () => {
  const r = await srv.get('/samenwerkingsverbanden.csv', {}, { method: 'HEAD' });
  assert.equal(r.status, 200);
  assert.equal(r.body.length, 0);
  assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
});
