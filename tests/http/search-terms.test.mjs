// search-terms — search finds what users type: beleidsdomein
// names, legal forms (code and words), short names, abbreviations and
// former names are indexed (migration 8, store_search_index), a small
// synonym table maps the words users type to the registry's ("jeugdzorg" →
// jeugd, "brandweer" → veiligheid), and the page and the API suggest the
// beleidsdomein a query means ("Bedoelt u het beleidsdomein …?").
//
// Against the real seed: the three waste collaborations, the water board
// Amstel, Gooi en Vecht. The rename to the board's current name (since 1
// January 2017) is done through the organisation edit form after its
// former name is planted, as the change-set import will do.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, freshDb, sql, isPgUrl, dropPgDb, anonymous, addUser, login, decodeEntities } from './harness.mjs';

const AGV = 'hoogheemraadschap-amstel-gooi-en-vecht';
const WASTE = ['afvalverwijdering-utrecht-avu', 'reinigingsbedrijf-midden-nederland-rmn', 'fonds-nazorg-gesloten-stortplaatsen-provincie-utrecht'];
let srv, dir, db, anon;

before(async () => {
  ({ dir, db } = freshDb());
  srv = await startServer({ db, dir });
  anon = anonymous(srv.base);
});

after(async () => {
  await srv?.stop();
  if (db && isPgUrl(db)) dropPgDb(db);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The keys of the results of /zoeken?q= (first page).
async function keys(q) {
  const r = await anon.get(`/zoeken?q=${encodeURIComponent(q)}`);
  assert.equal(r.status, 200, q);
  return { html: r.text, keys: [...r.text.matchAll(/atlas-result__title"><a [^>]*href="\/(?:samenwerkingsverbanden|organisaties)\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1])) };
}

test('afval finds all three waste collaborations (beleidsdomein searched)', async () => {
  const { keys: k, html } = await keys('afval');
  for (const w of WASTE) assert.ok(k.includes(w), `${w} in ${k}`);
  assert.match(html, /Bedoelt u het beleidsdomein <a [^>]*href="\/samenwerkingsverbanden\?beleidsdomein=afval">Afval<\/a>\?/);
});

test('AGV and "Amstel, Gooi en Vecht" find the water board', async () => {
  assert.equal((await keys('AGV')).keys[0], AGV);
  assert.equal((await keys('agv')).keys[0], AGV);
  assert.equal((await keys('Amstel, Gooi en Vecht')).keys[0], AGV);
});

test('jeugdzorg finds the sociaal domein and suggests it; brandweer finds the veiligheidsregio', async () => {
  const { keys: k, html } = await keys('jeugdzorg');
  assert.ok(k.length > 0, 'not nothing');
  assert.match(html, /Bedoelt u het beleidsdomein <a [^>]*href="\/samenwerkingsverbanden\?beleidsdomein=sociaal-domein">Sociaal domein<\/a>\?/);
  const inDomain = sql(db, "SELECT c.key FROM collaboration c JOIN collaboration_domain cd ON cd.collaboration_id = c.id JOIN domain d ON d.id = cd.domain_id WHERE d.key = 'sociaal-domein'").split('\n');
  for (const key of k) assert.ok(inDomain.includes(key), `${key} is in the sociaal domein`);
  const b = await keys('brandweer');
  assert.ok(b.keys.includes('veiligheidsregio-utrecht'), b.keys.join());
  assert.match(b.html, /beleidsdomein=veiligheid"/);
});

test('legal form: code and Dutch words', async () => {
  const ol = sql(db, "SELECT key FROM collaboration WHERE legal_form = 'OL' ORDER BY key").split('\n').filter(Boolean);
  assert.ok(ol.length >= 1, 'the seed has an openbaar lichaam');
  const j = await anon.getJson('/api/v1/zoeken?q=openbaar%20lichaam');
  const found = j.resultaten.map((x) => x.id);
  for (const key of ol) assert.ok(found.includes(key), `${key} (OL) found by "openbaar lichaam"`);
  const bvo = sql(db, "SELECT key FROM collaboration WHERE legal_form = 'BVO'").split('\n').filter(Boolean);
  const jb = await anon.getJson('/api/v1/zoeken?q=bedrijfsvoeringsorganisatie');
  for (const key of bvo) assert.ok(jb.resultaten.some((x) => x.id === key), `${key} (BVO)`);
});

test('API /api/v1/zoeken: results, paging, the suggestion, no query, bad input', async () => {
  const j = await anon.getJson('/api/v1/zoeken?q=jeugdzorg');
  assert.equal(j.zoekterm, 'jeugdzorg');
  assert.ok(j.totaal > 0);
  assert.equal(j.suggestie.beleidsdomein.code, 'sociaal-domein');
  assert.equal(j.suggestie.tekst, 'Bedoelt u het beleidsdomein Sociaal domein?');
  assert.equal(j.suggestie._links.samenwerkingsverbanden.href, '/api/v1/samenwerkingsverbanden?beleidsdomein=sociaal-domein');
  assert.equal(j.resultaten[0]._links.self.href, `/api/v1/samenwerkingsverbanden/${j.resultaten[0].id}`);
  const a = await anon.getJson('/api/v1/zoeken?q=AGV');
  assert.deepEqual([a.resultaten[0].soort, a.resultaten[0].id], ['organisatie', AGV]);
  assert.equal(a.suggestie, null);
  for (const p of ['/api/v1/zoeken', '/api/v1/zoeken?q=%20']) {
    const e = await anon.getJson(p);
    assert.deepEqual([e.totaal, e.resultaten, e.suggestie, e.zoekterm], [0, [], null, null], p);
  }
  const r = await anon.get('/api/v1/zoeken?q=afval&pagina=0');
  assert.equal(r.status, 400);
  assert.match(r.headers.get('content-type'), /problem\+json/);
});

test('a renamed organisation is found by its former name and its new abbreviation', async () => {
  sql(db, `UPDATE organisation SET former_names = 'Hoogheemraadschap Amstel, Gooi en Vecht' WHERE code = '${AGV}'`);
  addUser(db, 'zoek-staf', 'programmateam');
  const staf = await login(srv.base, 'zoek-staf');
  const form = await staf.get(`/organisaties/${AGV}/bewerken`);
  assert.equal(form.status, 200);
  const versie = /name="versie" value="(\d+)"/.exec(form.text)[1];
  const r = await staf.post(`/organisaties/${AGV}/bewerken`, [
    ['versie', versie], ['naam', 'Waterschap Amstel, Gooi en Vecht'], ['inwoners', ''], ['peildatumInwoners', ''], ['oppervlakte', ''], ['opmerking', ''],
  ]);
  assert.equal(r.status, 303, r.text.slice(0, 500));
  for (const q of ['Hoogheemraadschap Amstel', 'Waterschap Amstel', 'AGV', 'WAGV', 'Amstel, Gooi en Vecht']) {
    const { keys: k } = await keys(q);
    assert.equal(k[0], AGV, q);
  }
  const page = await anon.get('/zoeken?q=Hoogheemraadschap%20Amstel');
  assert.match(decodeEntities(page.text), /Waterschap Amstel, Gooi en Vecht/);
});
