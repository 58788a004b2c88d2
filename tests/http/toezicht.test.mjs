// toezicht — interbestuurlijk toezicht against the real binary, on SQLite or
// PostgreSQL:
//   - configuration as data: the bundled Utrecht domains and labels (API),
//     an administrator adds and ends a domain and edits its labels; bad
//     input gives Dutch field errors and writes nothing
//   - supervisors record assessments (form and API); a year in the future,
//     a label not in the domain's set, a domain not applicable to the
//     organisation kind and a duplicate give field errors, nothing written
//   - concept → in dialoog → vastgesteld; the organisation's own editors
//     see and answer an in-dialogue assessment, other editors and the
//     public do not
//   - privacy: nothing of a concept reaches anonymous pages, the open API,
//     the exports, search, history or the change feed
//   - the public view: map (fill and pattern) and table agree, the table
//     view of waterschappen and GRs, the per-organisation history, exports.
// Every assessment is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv, anon;
const S = {};
const T = {};
const F = {};
const YEAR = new Date().getUTCFullYear();
const SECRET = 'Fictieve conceptmotivering Geheimdorp';
const DIALOGUE = 'Fictieve dialoogmotivering Praatdorp';
const RESPONSE = 'Fictieve reactie van de gemeente Antwoorddorp';

const count = (q) => Number(String(sql(srv.db, q)).trim());
const assessments = () => count('SELECT count(*) FROM ibt_assessment');

const body = (over = {}) => ({
  organisatie: F.P.code, domein: 'informatiebeheer', jaar: YEAR - 1, niveau: 2, eigenOordeel: 1,
  motivering: 'Een verzonnen motivering voor de tests.', bronnen: ['https://voorbeeld.invalid/rapport'],
  ...over,
});
const formOf = (b) => [
  ['organisatie', b.organisatie], ['domein', b.domein], ['jaar', String(b.jaar)], ['niveau', String(b.niveau)],
  ['eigenOordeel', String(b.eigenOordeel ?? '')], ['motivering', b.motivering || ''],
  ['bronnen', (b.bronnen || []).join('\n')], ['beoordeeldOp', b.beoordeeldOp || ''],
];

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const list = async (soort) => (await anon.getJson(`/api/v1/organisaties?soort=${soort}&paginaGrootte=100`)).organisaties;
  const gm = (await list('gemeente')).filter((o) => o.inProvincie === true);
  [F.P, F.Q, F.R] = gm;
  F.W = (await list('waterschap'))[0];
  F.G = (await list('samenwerkingsorgaan'))[0];
  assert.ok(F.P && F.Q && F.R && F.W && F.G);
  addUser(srv.db, 'tz-toezicht', 'toezichthouder', { display: 'Toezichthouder Verzonnen' });
  addUser(srv.db, 'tz-beheer', 'beheerder', { display: 'Beheerder Verzonnen' });
  addUser(srv.db, 'tz-ah', 'accounthouder', { display: 'Accounthouder Verzonnen' });
  addUser(srv.db, 'tz-red-p', 'redacteur', { org: F.P.code, display: 'Redacteur Antwoorddorp' });
  addUser(srv.db, 'tz-red-q', 'redacteur', { org: F.Q.code, display: 'Redacteur Nieuwsgierdorp' });
  for (const n of ['tz-toezicht', 'tz-beheer', 'tz-ah', 'tz-red-p', 'tz-red-q']) {
    S[n] = await login(srv.base, n);
    T[n] = apiClient(srv, addToken(srv.db, n, 'test'));
  }
  T.anon = apiClient(srv, '');
});

after(async () => {
  await srv?.stop();
});

test('the bundled Utrecht domains and their labels are data, served by the API', async () => {
  const r = await T.anon.call('GET', '/api/v1/toezicht/domeinen');
  assert.equal(r.status, 200, r.text);
  const keys = r.json.domeinen.map((d) => d.sleutel);
  assert.deepEqual(keys, ['financieel-toezicht', 'informatiebeheer', 'huisvesting-vergunninghouders', 'omgevingsrecht']);
  const fin = r.json.domeinen[0];
  assert.deepEqual(fin.soorten, ['gemeente', 'waterschap', 'samenwerkingsorgaan']);
  assert.deepEqual(r.json.domeinen[1].soorten, ['gemeente']);
  assert.deepEqual(fin.labels.map((l) => l.naam), ['Adequaat', 'Redelijk adequaat', 'Niet adequaat']);
  assert.equal(new Set(fin.labels.map((l) => l.patroon)).size, 3, 'every label its own pattern');
  assert.match(fin.bron, /^https:\/\/www\.provincie-utrecht\.nl\//);
});

test('supervisors record an assessment through the form; it starts as a concept', async () => {
  const form = await S['tz-toezicht'].get('/toezicht/beoordelingen/nieuw');
  assert.equal(form.status, 200);
  assertControlsLabelled('atlas-edit-form', form.text);
  const loc = await S['tz-toezicht'].submit('/toezicht/beoordelingen', formOf(body({ motivering: SECRET })));
  const m = /\/toezicht\/beoordelingen\/(\d+)\?melding=opgeslagen/.exec(loc);
  assert.ok(m, loc);
  F.CONCEPT = Number(m[1]);
  const page = decodeEntities((await S['tz-toezicht'].get(`/toezicht/beoordelingen/${F.CONCEPT}`)).text);
  assert.match(page, /Concept/);
  assert.match(page, new RegExp(SECRET));
  assert.match(page, /Redelijk adequaat/);
  assert.match(page, /In dialoog brengen/);
  for (const who of ['tz-ah', 'tz-red-p', 'tz-red-q']) {
    assert.equal((await S[who].get(`/toezicht/beoordelingen/${F.CONCEPT}`)).status, 404, who);
    assert.equal((await T[who].call('GET', `/api/v1/toezicht/beoordelingen/${F.CONCEPT}`)).status, 404, who);
  }
  assert.equal((await anon.get(`/toezicht/beoordelingen/${F.CONCEPT}`)).status, 404);
  assert.equal((await S['tz-ah'].get('/toezicht/beoordelingen/nieuw')).status, 403);
});

test('bad input gives Dutch field errors and writes nothing (form and API)', async () => {
  const before = assessments();
  const bad = [
    [{ jaar: YEAR + 1 }, 'jaar', /toekomst/],
    [{ niveau: 4 }, 'niveau', /labels van het domein/],
    [{ eigenOordeel: 9 }, 'eigenOordeel', /eigen oordeel/],
    [{ organisatie: F.W.code }, 'domein', /geldt niet voor deze soort organisatie/],
    [{ domein: 'bestaat-niet' }, 'domein', /bestaand toezichtdomein/],
    [{ bronnen: ['javascript:alert(1)'] }, 'bronnen', /https:\/\//],
    [{ jaar: 'vorig jaar' }, 'jaar', /jaar/],
    [{}, 'jaar', /al een beoordeling/], // the concept above: same organisation, domain and year
  ];
  for (const [over, field, msg] of bad) {
    const b = body(over);
    const r = await S['tz-toezicht'].post('/toezicht/beoordelingen', formOf(b));
    assert.equal(r.status, 400, `${field}: ${r.status}`);
    assert.match(decodeEntities(r.text), msg, field);
    const a = await T['tz-toezicht'].call('POST', '/api/v1/toezicht/beoordelingen', { body: b });
    assert.equal(a.status, 400, `${field} (API): ${a.text}`);
    assert.ok(a.json.invalidParams.some((p) => p.name === field && msg.test(p.reason)), `${field}: ${a.text}`);
  }
  const unknown = await T['tz-toezicht'].call('POST', '/api/v1/toezicht/beoordelingen', { body: { ...body({ jaar: YEAR - 3 }), geheim: 1 } });
  assert.equal(unknown.status, 400);
  assert.equal((await T['tz-red-p'].call('POST', '/api/v1/toezicht/beoordelingen', { body: body({ jaar: YEAR - 3 }) })).status, 403);
  assert.equal((await T.anon.call('POST', '/api/v1/toezicht/beoordelingen', { body: body({ jaar: YEAR - 3 }) })).status, 401);
  assert.equal(assessments(), before, 'nothing written');
});

test('in dialoog: the own organisation\'s editors see and answer it, nobody else', async () => {
  const c = await T['tz-toezicht'].call('POST', '/api/v1/toezicht/beoordelingen', {
    body: body({ domein: 'omgevingsrecht', motivering: DIALOGUE, niveau: 3 }),
  });
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.status, 'concept');
  F.DIALOGUE = c.json.id;
  const skip = await T['tz-toezicht'].call('POST', `/api/v1/toezicht/beoordelingen/${F.DIALOGUE}/status`, { body: { status: 'vastgesteld' } });
  assert.equal(skip.status, 400, 'a concept is not established without the dialogue');
  const mv = await T['tz-toezicht'].call('POST', `/api/v1/toezicht/beoordelingen/${F.DIALOGUE}/status`, { body: { status: 'dialoog' } });
  assert.equal(mv.status, 200, mv.text);
  assert.equal(mv.json.status, 'dialoog');
  // the own editors see it, on the organisation's page and through the API
  const own = decodeEntities((await S['tz-red-p'].get(`/organisaties/${F.P.code}/toezicht`)).text);
  assert.match(own, new RegExp(DIALOGUE));
  assert.match(own, /In dialoog/);
  assert.doesNotMatch(own, new RegExp(SECRET), 'never the concept');
  const ownApi = await T['tz-red-p'].call('GET', `/api/v1/toezicht/beoordelingen?organisatie=${F.P.code}`);
  assert.deepEqual(ownApi.json.beoordelingen.map((a) => a.id), [F.DIALOGUE]);
  // … and answer it in writing
  const page = await S['tz-red-p'].get(`/toezicht/beoordelingen/${F.DIALOGUE}`);
  assert.equal(page.status, 200);
  assertControlsLabelled('atlas-edit-form', page.text);
  assert.doesNotMatch(page.text, /Vaststellen/);
  const empty = await S['tz-red-p'].post(`/toezicht/beoordelingen/${F.DIALOGUE}/reactie`, [['tekst', '   ']]);
  assert.equal(empty.status, 400);
  assert.match(decodeEntities(empty.text), /Schrijf een reactie/);
  await S['tz-red-p'].submit(`/toezicht/beoordelingen/${F.DIALOGUE}/reactie`, [['tekst', RESPONSE]]);
  const api = await T['tz-red-p'].call('POST', `/api/v1/toezicht/beoordelingen/${F.DIALOGUE}/reacties`, { body: { tekst: 'Tweede fictieve reactie' } });
  assert.equal(api.status, 201, api.text);
  assert.deepEqual(api.json.reacties.map((x) => x.door), ['Redacteur Antwoorddorp', 'Redacteur Antwoorddorp']);
  const sup = decodeEntities((await S['tz-toezicht'].get(`/toezicht/beoordelingen/${F.DIALOGUE}`)).text);
  assert.match(sup, new RegExp(RESPONSE));
  // other editors, account managers and the public do not see it
  for (const who of ['tz-red-q', 'tz-ah']) {
    assert.equal((await S[who].get(`/toezicht/beoordelingen/${F.DIALOGUE}`)).status, 404, who);
    assert.equal((await T[who].call('GET', `/api/v1/toezicht/beoordelingen/${F.DIALOGUE}`)).status, 404, who);
    assert.equal((await T[who].call('POST', `/api/v1/toezicht/beoordelingen/${F.DIALOGUE}/reacties`, { body: { tekst: 'x' } })).status, 404, who);
    assert.doesNotMatch(decodeEntities((await S[who].get(`/organisaties/${F.P.code}/toezicht`)).text), new RegExp(DIALOGUE), who);
  }
  const otherList = await T['tz-red-q'].call('GET', '/api/v1/toezicht/beoordelingen?status=dialoog');
  assert.equal(otherList.status, 200, 'an editor asks for the dialogue items of the own organisation');
  assert.equal(otherList.json.totaal, 0);
  const ownList = await T['tz-red-p'].call('GET', '/api/v1/toezicht/beoordelingen?status=dialoog');
  assert.deepEqual(ownList.json.beoordelingen.map((a) => a.id), [F.DIALOGUE]);
  assert.equal((await T['tz-red-p'].call('GET', '/api/v1/toezicht/beoordelingen?status=concept')).status, 403);
  assert.equal((await T['tz-red-p'].call('POST', `/api/v1/toezicht/beoordelingen/${F.DIALOGUE}/status`, { body: { status: 'vastgesteld' } })).status, 403);
  assert.equal(count(`SELECT count(*) FROM ibt_response WHERE assessment_id = ${F.DIALOGUE}`), 2);
});

test('established assessments are public: map and table agree, exports, per-organisation history', async () => {
  // fictional established assessments for two gemeenten, a waterschap and a GR
  const est = async (b) => {
    const c = await T['tz-toezicht'].call('POST', '/api/v1/toezicht/beoordelingen', { body: b });
    assert.equal(c.status, 201, c.text);
    for (const s of ['dialoog', 'vastgesteld']) {
      const m = await T['tz-toezicht'].call('POST', `/api/v1/toezicht/beoordelingen/${c.json.id}/status`, { body: { status: s } });
      assert.equal(m.status, 200, m.text);
    }
    return c.json.id;
  };
  const y = YEAR - 1;
  F.E1 = await est(body({ organisatie: F.Q.code, domein: 'financieel-toezicht', jaar: y, niveau: 1, eigenOordeel: 1 }));
  F.E2 = await est(body({ organisatie: F.R.code, domein: 'financieel-toezicht', jaar: y, niveau: 3, eigenOordeel: 2 }));
  F.E3 = await est(body({ organisatie: F.W.code, domein: 'financieel-toezicht', jaar: y, niveau: 2, eigenOordeel: null }));
  F.E4 = await est(body({ organisatie: F.G.code, domein: 'financieel-toezicht', jaar: y, niveau: 1 }));
  F.E5 = await est(body({ organisatie: F.Q.code, domein: 'financieel-toezicht', jaar: y - 1, niveau: 2 }));
  const html = decodeEntities((await anon.get(`/toezicht?domein=financieel-toezicht&jaar=${y}`)).text);
  assert.match(html, new RegExp(`Financieel toezicht in ${y}`));
  assertControlsLabelled('atlas-filter', html);
  // map: the gemeente filled with its label's pattern; the legend names label and pattern
  const area = (code) => new RegExp(`href="/organisaties/${code}/toezicht" aria-label="[^"]*"><path[^>]*fill="([^"]+)"`).exec(html)?.[1];
  assert.equal(area(F.Q.code), 'url(#tz-l1)');
  assert.equal(area(F.R.code), 'url(#tz-l3)');
  assert.equal(area(F.P.code), '#ffffff', 'no established assessment: white');
  assert.match(html, /Adequaat \(effen vlak\): 1 gemeente/);
  assert.match(html, /Niet adequaat \(kruisarcering\): 1 gemeente/);
  // the table says the same
  const row = (name) => new RegExp(`>${name}</a></th><td[^>]*>(.*?)</td>`).exec(html)?.[1] || '';
  assert.match(row(F.Q.naam), /Adequaat/);
  assert.match(row(F.R.naam), /Niet adequaat/);
  assert.match(row(F.P.naam), /Geen vastgesteld oordeel/);
  // waterschappen and GRs in the table view
  assert.match(html, /Waterschappen en gemeenschappelijke regelingen/);
  assert.ok(html.includes(F.W.naam) && html.includes(F.G.naam));
  // exports
  const csv = await anon.get(`/toezicht.csv?domein=financieel-toezicht&jaar=${y}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.equal(csv.text.trim().split('\n').length, 1 + 4);
  const geo = JSON.parse((await anon.get(`/toezicht.geojson?domein=financieel-toezicht&jaar=${y}`)).text);
  const fq = geo.features.find((f) => f.properties.code === F.Q.code);
  assert.equal(fq.properties.oordeel, 'Adequaat');
  assert.equal(fq.properties.patroon, 'vol');
  assert.ok(fq.geometry, 'with its shape');
  const api = await T.anon.call('GET', `/api/v1/toezicht/beoordelingen?domein=financieel-toezicht&jaar=${y}`);
  assert.equal(api.json.totaal, 4);
  assert.ok(api.json.beoordelingen.every((a) => a.status === 'vastgesteld' && a.vastgesteldOp));
  // the organisation's history over the years, linked from its page
  const org = decodeEntities((await anon.get(`/organisaties/${F.Q.code}`)).text);
  assert.match(org, new RegExp(`href="/organisaties/${F.Q.code}/toezicht"`));
  const hist = decodeEntities((await anon.get(`/organisaties/${F.Q.code}/toezicht`)).text);
  assert.ok(hist.indexOf(`>${y}<`) > 0 && hist.indexOf(`>${y}<`) < hist.indexOf(`>${y - 1}<`), 'newest year first');
  assert.match(hist, /Informatiebeheer/);
  // established is final
  const back = await T['tz-toezicht'].call('POST', `/api/v1/toezicht/beoordelingen/${F.E1}/status`, { body: { status: 'concept' } });
  assert.equal(back.status, 400);
  const gr = decodeEntities((await anon.get(`/organisaties/${F.G.code}/toezicht`)).text);
  assert.match(gr, /Financieel toezicht/);
  assert.doesNotMatch(gr, /Informatiebeheer/, 'gemeente domains do not apply to a GR');
  const odd = await anon.get('/toezicht?domein=bestaat-niet&jaar=1800');
  assert.equal(odd.status, 200);
  assert.match(decodeEntities(odd.text), /bestaat niet/);
  assert.equal((await anon.get('/toezicht.csv?jaar=1800')).status, 400);
});

test('privacy: nothing of a concept or a dialogue reaches anonymous pages, the open API, exports, search, history or the feed', async () => {
  const y = YEAR - 1;
  const leaks = [SECRET, DIALOGUE, RESPONSE];
  const pages = [
    `/toezicht?domein=informatiebeheer&jaar=${y}`, `/toezicht?domein=omgevingsrecht&jaar=${y}`,
    `/toezicht.csv?domein=informatiebeheer&jaar=${y}`, `/toezicht.csv?domein=omgevingsrecht&jaar=${y}`,
    `/toezicht.geojson?domein=informatiebeheer&jaar=${y}`, `/toezicht.geojson?domein=omgevingsrecht&jaar=${y}`,
    `/organisaties/${F.P.code}/toezicht`, `/organisaties/${F.P.code}`,
    `/zoeken?q=Geheimdorp`, `/zoeken?q=Praatdorp`,
    `/organisaties/${F.P.code}/geschiedenis`,
    '/wijzigingen?door=tz-toezicht', '/wijzigingen.atom?door=tz-toezicht',
    '/api/v1/toezicht/beoordelingen', `/api/v1/toezicht/beoordelingen?organisatie=${F.P.code}`,
  ];
  for (const p of pages) {
    const r = await anon.get(p);
    assert.ok(r.status === 200, `${p}: ${r.status}`);
    const t = decodeEntities(r.text);
    for (const s of leaks) assert.ok(!t.includes(s), `${p} leaks ${s}`);
  }
  // the history pages above would list the audit events if they were public
  assert.ok(count("SELECT count(*) FROM audit_event WHERE entity = 'ibt_assessment'") >= 2);
  for (const p of ['/wijzigingen?door=tz-toezicht', '/wijzigingen.atom?door=tz-toezicht', `/organisaties/${F.P.code}/geschiedenis`]) {
    const t = (await anon.get(p)).text;
    assert.doesNotMatch(t, /ibt_|beoordeling/i, p);
  }
  const list = await T.anon.call('GET', `/api/v1/toezicht/beoordelingen?organisatie=${F.P.code}`);
  assert.equal(list.json.totaal, 0);
  assert.equal((await T.anon.call('GET', '/api/v1/toezicht/beoordelingen?status=concept')).status, 403);
  assert.equal((await T.anon.call('GET', `/api/v1/toezicht/beoordelingen/${F.DIALOGUE}`)).status, 404);
  // a supervisor's token sees concept and dialogue; the web list of work too
  const sup = await T['tz-toezicht'].call('GET', '/api/v1/toezicht/beoordelingen?status=concept');
  assert.deepEqual(sup.json.beoordelingen.map((a) => a.id), [F.CONCEPT]);
  const work = decodeEntities((await S['tz-toezicht'].get('/toezicht')).text);
  assert.match(work, /Werkvoorraad toezichthouders/);
  assert.doesNotMatch(decodeEntities((await anon.get('/toezicht')).text), /Werkvoorraad/);
});

test('administrators add and end a domain and edit its labels; bad input writes nothing', async () => {
  assert.equal((await S['tz-toezicht'].get('/beheer/toezicht')).status, 403);
  const page = await S['tz-beheer'].get('/beheer/toezicht');
  assert.equal(page.status, 200);
  assertControlsLabelled('atlas-edit-form', page.text);
  const before = count('SELECT count(*) FROM ibt_domain');
  const bad = await S['tz-beheer'].post('/beheer/toezicht/domeinen', [['sleutel', 'Fout Sleutel'], ['naam', 'x'], ['geldigVanaf', 'ooit'], ['bron', 'ftp://x']]);
  assert.equal(bad.status, 400);
  const t = decodeEntities(bad.text);
  for (const m of [/sleutel van 2 tot 60/, /naam van 2 tot/, /eerste jaar/, /soorten organisaties/, /https:\/\//]) assert.match(t, m);
  assert.equal(count('SELECT count(*) FROM ibt_domain'), before);
  await S['tz-beheer'].submit('/beheer/toezicht/domeinen', [['sleutel', 'fictief-archief'], ['naam', 'Fictief archieftoezicht'],
    ['geldigVanaf', String(YEAR - 2)], ['soorten', 'gemeente'], ['soorten', 'waterschap'], ['bron', '']]);
  let d = (await T.anon.call('GET', '/api/v1/toezicht/domeinen')).json.domeinen.find((x) => x.sleutel === 'fictief-archief');
  assert.deepEqual(d.soorten, ['gemeente', 'waterschap']);
  assert.equal(d.labels.length, 3, 'the default labels');
  // end it
  await S['tz-beheer'].submit('/beheer/toezicht/domeinen/fictief-archief', [['naam', 'Fictief archieftoezicht'],
    ['geldigVanaf', String(YEAR - 2)], ['geldigTot', String(YEAR - 1)], ['soorten', 'gemeente'], ['bron', '']]);
  // labels: the same pattern twice is refused (never colour alone)
  const labels = (rows) => rows.flatMap(([n, k, p], i) => [[`label${i + 1}Naam`, n], [`label${i + 1}Kleur`, k], [`label${i + 1}Patroon`, p]]);
  const same = await S['tz-beheer'].post('/beheer/toezicht/domeinen/fictief-archief/labels', labels([['Op orde', '#2e7d32', 'vol'], ['Niet op orde', '#c62828', 'vol']]));
  assert.equal(same.status, 400);
  assert.match(decodeEntities(same.text), /hetzelfde patroon/);
  await S['tz-beheer'].submit('/beheer/toezicht/domeinen/fictief-archief/labels', labels([['Op orde', '#2e7d32', 'vol'], ['Niet op orde', '#c62828', 'stippen']]));
  d = (await T.anon.call('GET', '/api/v1/toezicht/domeinen')).json.domeinen.find((x) => x.sleutel === 'fictief-archief');
  assert.equal(d.geldigTot, YEAR - 1);
  assert.deepEqual(d.labels.map((l) => [l.naam, l.patroon]), [['Op orde', 'vol'], ['Niet op orde', 'stippen']]);
  // the ended domain takes no assessment for this year
  const late = await T['tz-toezicht'].call('POST', '/api/v1/toezicht/beoordelingen', { body: body({ domein: 'fictief-archief', jaar: YEAR, niveau: 1, eigenOordeel: null }) });
  assert.equal(late.status, 400);
  assert.ok(late.json.invalidParams.some((p) => p.name === 'jaar' && /geldt niet in/.test(p.reason)), late.text);
  const ok = await T['tz-toezicht'].call('POST', '/api/v1/toezicht/beoordelingen', { body: body({ domein: 'fictief-archief', jaar: YEAR - 1, niveau: 2, eigenOordeel: null }) });
  assert.equal(ok.status, 201, ok.text);
  // a label in use cannot be dropped
  const drop = await S['tz-beheer'].post('/beheer/toezicht/domeinen/fictief-archief/labels', labels([['Alleen dit', '#2e7d32', 'vol']]));
  assert.equal(drop.status, 400);
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'ibt_domain'"), 3);
});

test('unknown assessments and domains are 404 everywhere', async () => {
  for (const p of ['/toezicht/beoordelingen/999999', '/toezicht/beoordelingen/abc', '/toezicht/beoordelingen/0', '/organisaties/bestaat-niet/toezicht']) {
    assert.equal((await anon.get(p)).status, 404, p);
  }
  assert.equal((await S['tz-beheer'].get('/beheer/toezicht/domeinen/bestaat-niet')).status, 404);
  assert.equal((await T.anon.call('GET', '/api/v1/toezicht/beoordelingen/999999')).status, 404);
});

test('every page of the module passes the Nu HTML Checker', async () => {
  const y = YEAR - 1;
  const pages = [
    ['kaart', (await anon.get(`/toezicht?domein=financieel-toezicht&jaar=${y}`)).text],
    ['kaart-leeg', (await anon.get('/toezicht?domein=huisvesting-vergunninghouders')).text],
    ['kaart-toezichthouder', (await S['tz-toezicht'].get(`/toezicht?domein=financieel-toezicht&jaar=${y}`)).text],
    ['organisatie', (await anon.get(`/organisaties/${F.Q.code}/toezicht`)).text],
    ['organisatie-redacteur', (await S['tz-red-p'].get(`/organisaties/${F.P.code}/toezicht`)).text],
    ['organisatie-gr', (await anon.get(`/organisaties/${F.G.code}/toezicht`)).text],
    ['beoordeling', (await anon.get(`/toezicht/beoordelingen/${F.E1}`)).text],
    ['beoordeling-dialoog', (await S['tz-red-p'].get(`/toezicht/beoordelingen/${F.DIALOGUE}`)).text],
    ['beoordeling-concept', (await S['tz-toezicht'].get(`/toezicht/beoordelingen/${F.CONCEPT}`)).text],
    ['beoordeling-fout', (await S['tz-red-p'].post(`/toezicht/beoordelingen/${F.DIALOGUE}/reactie`, [['tekst', '']])).text],
    ['formulier', (await S['tz-toezicht'].get('/toezicht/beoordelingen/nieuw')).text],
    ['formulier-fout', (await S['tz-toezicht'].post('/toezicht/beoordelingen', formOf(body({ jaar: YEAR + 1, niveau: 7 })))).text],
    ['beheer', (await S['tz-beheer'].get('/beheer/toezicht')).text],
    ['beheer-fout', (await S['tz-beheer'].post('/beheer/toezicht/domeinen', [['sleutel', 'X'], ['naam', '']])).text],
    ['beheer-domein', (await S['tz-beheer'].get('/beheer/toezicht/domeinen/financieel-toezicht')).text],
    ['beheer-labels-fout', (await S['tz-beheer'].post('/beheer/toezicht/domeinen/financieel-toezicht/labels', [['label1Naam', 'Alleen']])).text],
  ];
  await assertValidPages(path.join(srv.dir, 'vnu-toezicht'), pages);
});
