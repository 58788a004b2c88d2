// toezicht_ladder — the intervention ladder, its agreements and the
// dialogue log of interbestuurlijk toezicht against the real binary, on
// SQLite or PostgreSQL:
//   - supervisors set steps through the form and the API; escalating
//     beyond step 2 or skipping a step without a reason, the same step
//     again, a date in the future → Dutch field errors, nothing written;
//     a new step ends the current one; a record can be ended
//   - the parallel track of schorsing/vernietiging needs a subject
//   - visibility: steps 4 and 5 and the crown track are public decisions;
//     steps 1–3 and every agreement only for supervisors and the
//     organisation's own editors; other editors and the public get 404
//   - agreements: added and changed by supervisors (form and API)
//   - the dialogue log: intern (supervisors) or gedeeld (also the own
//     editors), never anonymous; a peer review names the reviewing
//     gemeenten
//   - privacy: nothing non-public reaches anonymous pages, the open API,
//     the exports, search, history or the change feed.
// Every record is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv, anon;
const S = {};
const T = {};
const F = {};
const REASON3 = 'Fictieve reden trede drie Geheimveen';
const REASON4 = 'Fictieve reden indeplaatsstelling Openbaarhuizen';
const ACTION = 'Fictieve actie archiefachterstand Stilwater';
const INTERN = 'Fictief intern toezichtgesprek Binnenkamer';
const SHARED = 'Fictieve gedeelde reality check Samenoord';
const PEER = 'Fictieve visitatie informatiebeheer Buurtdorp';

const count = (q) => Number(String(sql(srv.db, q)).trim());
const rows = () => count('SELECT count(*) FROM ibt_ladder') + 1000 * count('SELECT count(*) FROM ibt_agreement') + 1000000 * count('SELECT count(*) FROM ibt_dialogue');
const step = (over = {}) => [['spoor', 'ladder'], ['domein', 'informatiebeheer'], ['trede', ''], ['sinds', ''], ['onderwerp', ''], ['reden', ''],
  ...Object.entries(over)].reduce((acc, [k, v]) => acc.filter(([x]) => x !== k).concat([[k, v]]), []);
const TODAY = new Date().toISOString().slice(0, 10);

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const list = async (soort) => (await anon.getJson(`/api/v1/organisaties?soort=${soort}&paginaGrootte=100`)).organisaties;
  const gm = (await list('gemeente')).filter((o) => o.inProvincie === true);
  [F.P, F.Q, F.R] = gm;
  assert.ok(F.P && F.Q && F.R);
  addUser(srv.db, 'tl-toezicht', 'toezichthouder', { display: 'Toezichthouder Verzonnen' });
  addUser(srv.db, 'tl-red-p', 'redacteur', { org: F.P.code, display: 'Redacteur Ladderdorp' });
  addUser(srv.db, 'tl-red-q', 'redacteur', { org: F.Q.code, display: 'Redacteur Buurdorp' });
  addUser(srv.db, 'tl-ah', 'accounthouder', { display: 'Accounthouder Verzonnen' });
  for (const n of ['tl-toezicht', 'tl-red-p', 'tl-red-q', 'tl-ah']) {
    S[n] = await login(srv.base, n);
    T[n] = apiClient(srv, addToken(srv.db, n, 'test'));
  }
  T.anon = apiClient(srv, '');
  F.ORG = `/organisaties/${F.P.code}/toezicht`;
});

after(async () => {
  await srv?.stop();
});

test('supervisors climb the ladder through the form; escalation beyond step 2 and skipping need a reason', async () => {
  const form = await S['tl-toezicht'].get(`${F.ORG}/ladder`);
  assert.equal(form.status, 200);
  assertControlsLabelled('atlas-edit-form', form.text);
  const t = decodeEntities(form.text);
  assert.match(t, /Proportionaliteit: de provincie kiest het lichtst mogelijke middel/);
  assert.match(t, /href="https:\/\/lokaleregelgeving\.overheid\.nl\/CVDR223790\/"/);
  assert.match(t, /Informatiebeheer: geen trede/);
  const loc1 = await S['tl-toezicht'].submit(`${F.ORG}/ladder`, step({ trede: '1', sinds: '2025-01-10' }));
  F.S1 = Number(/\/toezicht\/ladder\/(\d+)\?melding=opgeslagen/.exec(loc1)[1]);
  const before = rows();
  const bad = [
    [{ trede: '3' }, /slaat een trede over/],
    [{ trede: '1' }, /al de huidige trede/],
    [{ trede: '6' }, /trede van 1 tot en met 5/],
    [{ trede: '2', sinds: '2024-12-31' }, /voor het begin van de huidige trede/],
    [{ trede: '2', sinds: '2999-01-01' }, /toekomst/],
    [{ trede: '2', domein: 'bestaat-niet' }, /bestaand toezichtdomein/],
    [{ spoor: 'elders', trede: '2' }, /interventieladder of schorsing/],
  ];
  for (const [over, msg] of bad) {
    const r = await S['tl-toezicht'].post(`${F.ORG}/ladder`, step(over));
    assert.equal(r.status, 400, JSON.stringify(over));
    assert.match(decodeEntities(r.text), msg, JSON.stringify(over));
  }
  const loc2 = await S['tl-toezicht'].submit(`${F.ORG}/ladder`, step({ trede: '2', sinds: '2025-02-01' }));
  F.S2 = Number(/\/toezicht\/ladder\/(\d+)/.exec(loc2)[1]);
  const no = await S['tl-toezicht'].post(`${F.ORG}/ladder`, step({ trede: '3', sinds: '2025-03-01' }));
  assert.equal(no.status, 400);
  assert.match(decodeEntities(no.text), /Opschalen voorbij trede 2 vraagt een reden/);
  assert.equal(rows(), before + 1, 'only the valid step 2 was written');
  const loc3 = await S['tl-toezicht'].submit(`${F.ORG}/ladder`, step({ trede: '3', sinds: '2025-03-01', reden: REASON3 }));
  F.S3 = Number(/\/toezicht\/ladder\/(\d+)/.exec(loc3)[1]);
  // a new step ends the current one on its start date
  assert.equal(String(sql(srv.db, `SELECT ended_on FROM ibt_ladder WHERE id = ${F.S2}`)).trim(), '2025-03-01');
  assert.equal(String(sql(srv.db, `SELECT coalesce(ended_on, 'open') FROM ibt_ladder WHERE id = ${F.S3}`)).trim(), 'open');
  const page = decodeEntities((await S['tl-toezicht'].get(F.ORG)).text);
  assert.match(page, /Interventieladder/);
  for (const n of [1, 2, 3]) assert.ok(page.includes(`/toezicht/ladder/${F[`S${n}`]}"`), `step ${n} listed`);
  assert.match(page, /Loopt nog/);
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'ibt_ladder'"), 5, 'three inserts, two ends');
});

test('steps 1–3 are dialogue: the own editors see them, other editors and the public do not', async () => {
  for (const id of [F.S1, F.S3]) {
    assert.equal((await S['tl-red-p'].get(`/toezicht/ladder/${id}`)).status, 200);
    for (const who of ['tl-red-q', 'tl-ah']) {
      assert.equal((await S[who].get(`/toezicht/ladder/${id}`)).status, 404, who);
      assert.equal((await T[who].call('GET', `/api/v1/toezicht/ladder/${id}`)).status, 404, who);
    }
    assert.equal((await anon.get(`/toezicht/ladder/${id}`)).status, 404);
    assert.equal((await T.anon.call('GET', `/api/v1/toezicht/ladder/${id}`)).status, 404);
  }
  const own = decodeEntities((await S['tl-red-p'].get(F.ORG)).text);
  assert.ok(own.includes(`/toezicht/ladder/${F.S3}"`));
  assert.doesNotMatch(own, /Trede of voordracht vastleggen/, 'editors do not set steps');
  const api = await T['tl-red-p'].call('GET', `/api/v1/toezicht/ladder?organisatie=${F.P.code}`);
  assert.deepEqual(api.json.treden.map((x) => x.id), [F.S3, F.S2, F.S1]);
  assert.equal(api.json.treden[0].openbaar, false);
  const other = await T['tl-red-q'].call('GET', `/api/v1/toezicht/ladder?organisatie=${F.P.code}`);
  assert.equal(other.json.totaal, 0);
  assert.equal((await S['tl-red-p'].get(`${F.ORG}/ladder`)).status, 403);
  assert.equal((await S['tl-red-p'].post(`${F.ORG}/ladder`, step({ trede: '4', reden: 'x' }))).status, 403);
});

test('agreements per step: supervisors add and change them; only the own editors also see them', async () => {
  const before = rows();
  const bad = await S['tl-toezicht'].post(`/toezicht/ladder/${F.S3}/afspraken`, [['actie', ''], ['eigenaar', 'x'], ['termijn', 'morgen'], ['status', 'klaar']]);
  assert.equal(bad.status, 400);
  const t = decodeEntities(bad.text);
  for (const m of [/Beschrijf de actie/, /Noem wie de actie uitvoert/, /termijn als datum/, /open, uitgevoerd of vervallen/]) assert.match(t, m);
  assert.equal(rows(), before);
  await S['tl-toezicht'].submit(`/toezicht/ladder/${F.S3}/afspraken`, [['actie', ACTION], ['eigenaar', 'College van B en W (fictief)'], ['termijn', '2025-09-01'], ['status', 'open']]);
  F.A1 = Number(String(sql(srv.db, 'SELECT max(id) FROM ibt_agreement')).trim());
  const edit = await S['tl-toezicht'].get(`/toezicht/afspraken/${F.A1}`);
  assert.equal(edit.status, 200);
  assertControlsLabelled('atlas-edit-form', edit.text);
  await S['tl-toezicht'].submit(`/toezicht/afspraken/${F.A1}`, [['actie', ACTION], ['eigenaar', 'College van B en W (fictief)'], ['termijn', '2025-10-01'], ['status', 'uitgevoerd']]);
  assert.equal(String(sql(srv.db, `SELECT status || ' ' || due_on FROM ibt_agreement WHERE id = ${F.A1}`)).trim(), 'uitgevoerd 2025-10-01');
  // the API: add and change
  const add = await T['tl-toezicht'].call('POST', `/api/v1/toezicht/ladder/${F.S3}/afspraken`, { body: { actie: 'Tweede fictieve actie', eigenaar: 'Afdeling (fictief)', termijn: '2025-12-01' } });
  assert.equal(add.status, 201, add.text);
  assert.equal(add.json.status, 'open');
  const ch = await T['tl-toezicht'].call('POST', `/api/v1/toezicht/afspraken/${add.json.id}`, { body: { actie: 'Tweede fictieve actie', eigenaar: 'Afdeling (fictief)', termijn: '2025-12-01', status: 'vervallen' } });
  assert.equal(ch.status, 200, ch.text);
  assert.equal(ch.json.status, 'vervallen');
  assert.equal((await T['tl-red-p'].call('POST', `/api/v1/toezicht/ladder/${F.S3}/afspraken`, { body: { actie: 'x y', eigenaar: 'x y', termijn: '2025-12-01' } })).status, 403);
  assert.equal((await T['tl-red-q'].call('POST', `/api/v1/toezicht/ladder/${F.S3}/afspraken`, { body: { actie: 'x y', eigenaar: 'x y', termijn: '2025-12-01' } })).status, 403);
  // the own editors see the agreements, read only
  const own = decodeEntities((await S['tl-red-p'].get(`/toezicht/ladder/${F.S3}`)).text);
  assert.match(own, new RegExp(ACTION));
  assert.match(own, /Uitgevoerd/);
  assert.doesNotMatch(own, /Afspraak toevoegen/);
  assert.equal((await S['tl-red-p'].get(`/toezicht/afspraken/${F.A1}`)).status, 403);
  const api = await T['tl-red-p'].call('GET', `/api/v1/toezicht/ladder/${F.S3}`);
  assert.equal(api.json.afspraken.length, 2);
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'ibt_agreement'"), 4);
});

test('step 4 and the crown track are public decisions; their agreements are not', async () => {
  const c = await T['tl-toezicht'].call('POST', '/api/v1/toezicht/ladder', { body: { organisatie: F.P.code, domein: 'informatiebeheer', trede: 4, sinds: '2025-06-01' } });
  assert.equal(c.status, 400);
  assert.ok(c.json.invalidParams.some((p) => p.name === 'reden' && /reden/.test(p.reason)), c.text);
  const s4 = await T['tl-toezicht'].call('POST', '/api/v1/toezicht/ladder', { body: { organisatie: F.P.code, domein: 'informatiebeheer', trede: 4, sinds: '2025-06-01', reden: REASON4 } });
  assert.equal(s4.status, 201, s4.text);
  assert.equal(s4.json.openbaar, true);
  assert.equal(s4.headers.get('location'), `/api/v1/toezicht/ladder/${s4.json.id}`);
  F.S4 = s4.json.id;
  await T['tl-toezicht'].call('POST', `/api/v1/toezicht/ladder/${F.S4}/afspraken`, { body: { actie: `${ACTION} vier`, eigenaar: 'Provincie (fictief)', termijn: '2025-07-01' } });
  const crownBad = await T['tl-toezicht'].call('POST', '/api/v1/toezicht/ladder', { body: { organisatie: F.P.code, domein: 'omgevingsrecht', spoor: 'kroon', sinds: '2025-05-01' } });
  assert.equal(crownBad.status, 400);
  assert.ok(crownBad.json.invalidParams.some((p) => p.name === 'onderwerp'), crownBad.text);
  const crown = await T['tl-toezicht'].call('POST', '/api/v1/toezicht/ladder', { body: { organisatie: F.P.code, domein: 'omgevingsrecht', spoor: 'kroon', sinds: '2025-05-01', onderwerp: 'Fictief raadsbesluit over een bestemmingsplan' } });
  assert.equal(crown.status, 201, crown.text);
  assert.equal(crown.json.trede, null);
  F.K = crown.json.id;
  // the public sees step 4 and the crown track, nothing of steps 1–3 or the agreements
  const pub = await T.anon.call('GET', `/api/v1/toezicht/ladder?organisatie=${F.P.code}`);
  assert.deepEqual(pub.json.treden.map((x) => x.id).sort(), [F.S4, F.K].sort());
  const one = await T.anon.call('GET', `/api/v1/toezicht/ladder/${F.S4}`);
  assert.equal(one.status, 200);
  assert.equal(one.json.reden, REASON4);
  assert.equal(one.json.afspraken, undefined, 'agreements are never public');
  const html = decodeEntities((await anon.get(`/toezicht/ladder/${F.S4}`)).text);
  assert.match(html, /Besluit tot indeplaatsstelling/);
  assert.doesNotMatch(html, /Afspraken/);
  const org = decodeEntities((await anon.get(F.ORG)).text);
  assert.ok(org.includes(`/toezicht/ladder/${F.S4}"`) && org.includes(`/toezicht/ladder/${F.K}"`));
  assert.ok(!org.includes(`/toezicht/ladder/${F.S3}"`));
  // the step 3 record ended when step 4 began; end step 4 through the API
  assert.equal(String(sql(srv.db, `SELECT ended_on FROM ibt_ladder WHERE id = ${F.S3}`)).trim(), '2025-06-01');
  const early = await T['tl-toezicht'].call('POST', `/api/v1/toezicht/ladder/${F.S4}/einde`, { body: { tot: '2025-01-01' } });
  assert.equal(early.status, 400);
  const end = await T['tl-toezicht'].call('POST', `/api/v1/toezicht/ladder/${F.S4}/einde`, { body: { tot: TODAY } });
  assert.equal(end.status, 200, end.text);
  assert.equal(end.json.tot, TODAY);
  assert.equal((await T['tl-toezicht'].call('POST', `/api/v1/toezicht/ladder/${F.S4}/einde`, { body: {} })).status, 409);
  // the supervisors' list of open interventions on /toezicht
  const work = decodeEntities((await S['tl-toezicht'].get('/toezicht')).text);
  assert.match(work, /Lopende interventies/);
  assert.ok(work.includes(`/toezicht/ladder/${F.K}"`));
  assert.doesNotMatch(decodeEntities((await anon.get('/toezicht')).text), /Lopende interventies/);
});

test('the dialogue log: intern for supervisors, gedeeld also for the own editors, never anonymous', async () => {
  const form = await S['tl-toezicht'].get(`${F.ORG}/dialoog`);
  assert.equal(form.status, 200);
  assertControlsLabelled('atlas-edit-form', form.text);
  const before = rows();
  const base = [['soort', 'toezichtgesprek'], ['domein', ''], ['datum', '2025-04-02'], ['onderwerp', INTERN], ['deelnemers', 'Wethouder (fictief), toezichthouder'],
    ['rapport', ''], ['aantekeningen', ''], ['zichtbaarheid', 'intern']];
  const set = (over) => Object.entries(over).reduce((acc, [k, v]) => acc.filter(([x]) => x !== k).concat(Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]), base);
  const bad = [
    [{ soort: 'peer-review' }, /gemeenten die beoordeelden/],
    [{ beoordelaars: [F.Q.code] }, /alleen bij een peer review/],
    [{ soort: 'peer-review', beoordelaars: [F.P.code] }, /beoordeelt zichzelf niet/],
    [{ datum: '2999-01-01' }, /toekomst/],
    [{ zichtbaarheid: 'openbaar' }, /Kies intern/],
    [{ rapport: 'javascript:alert(1)' }, /https:\/\//],
    [{ onderwerp: '' }, /onderwerp van 2 tot/],
  ];
  for (const [over, msg] of bad) {
    const r = await S['tl-toezicht'].post(`${F.ORG}/dialoog`, set(over));
    assert.equal(r.status, 400, JSON.stringify(over));
    assert.match(decodeEntities(r.text), msg, JSON.stringify(over));
  }
  assert.equal(rows(), before);
  await S['tl-toezicht'].submit(`${F.ORG}/dialoog`, set({}));
  await S['tl-toezicht'].submit(`${F.ORG}/dialoog`, set({ soort: 'reality-check', onderwerp: SHARED, zichtbaarheid: 'gedeeld', domein: 'informatiebeheer' }));
  const peer = await T['tl-toezicht'].call('POST', '/api/v1/toezicht/dialoog', {
    body: { organisatie: F.P.code, soort: 'peer-review', datum: '2025-05-20', onderwerp: PEER, beoordelaars: [F.Q.code, F.R.code], rapport: 'https://voorbeeld.invalid/visitatie.pdf', zichtbaarheid: 'gedeeld' },
  });
  assert.equal(peer.status, 201, peer.text);
  assert.deepEqual(peer.json.beoordelaars, [F.Q.code, F.R.code]);
  assert.equal((await T['tl-red-p'].call('POST', '/api/v1/toezicht/dialoog', { body: { organisatie: F.P.code, soort: 'toezichtgesprek', datum: '2025-05-20', onderwerp: 'x y', zichtbaarheid: 'gedeeld' } })).status, 403);
  // who sees what
  const sup = decodeEntities((await S['tl-toezicht'].get(F.ORG)).text);
  for (const s of [INTERN, SHARED, PEER]) assert.match(sup, new RegExp(s));
  assert.match(sup, new RegExp(`${F.Q.naam}, ${F.R.naam}`), 'the reviewing gemeenten by name');
  const own = decodeEntities((await S['tl-red-p'].get(F.ORG)).text);
  assert.match(own, new RegExp(SHARED));
  assert.match(own, new RegExp(PEER));
  assert.doesNotMatch(own, new RegExp(INTERN));
  for (const who of ['tl-red-q', 'tl-ah']) {
    const t = decodeEntities((await S[who].get(F.ORG)).text);
    for (const s of [INTERN, SHARED, PEER]) assert.doesNotMatch(t, new RegExp(s), who);
  }
  assert.equal((await T.anon.call('GET', '/api/v1/toezicht/dialoog')).status, 401);
  const ownApi = await T['tl-red-p'].call('GET', '/api/v1/toezicht/dialoog');
  assert.deepEqual(ownApi.json.gesprekken.map((g) => g.onderwerp).sort(), [PEER, SHARED].sort());
  assert.equal((await T['tl-red-q'].call('GET', `/api/v1/toezicht/dialoog?organisatie=${F.P.code}`)).json.totaal, 0);
  assert.equal((await T['tl-toezicht'].call('GET', `/api/v1/toezicht/dialoog?organisatie=${F.P.code}`)).json.totaal, 3);
  assert.equal((await T['tl-toezicht'].call('GET', '/api/v1/toezicht/dialoog?domein=bestaat-niet')).status, 400);
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'ibt_dialogue'"), 3);
});

test('privacy: nothing non-public reaches anonymous pages, the open API, exports, search, history or the feed', async () => {
  const leaks = [REASON3, ACTION, INTERN, SHARED, PEER];
  const y = new Date().getUTCFullYear() - 1;
  const pages = [
    F.ORG, `/organisaties/${F.P.code}`, `/organisaties/${F.P.code}/geschiedenis`,
    '/toezicht', `/toezicht?domein=informatiebeheer&jaar=${y}`, `/toezicht.csv?domein=informatiebeheer&jaar=${y}`,
    `/toezicht.geojson?domein=informatiebeheer&jaar=${y}`,
    '/zoeken?q=Geheimveen', '/zoeken?q=Stilwater', '/zoeken?q=Binnenkamer', '/zoeken?q=Samenoord', '/zoeken?q=Buurtdorp',
    '/wijzigingen?door=tl-toezicht', '/wijzigingen.atom?door=tl-toezicht', '/wijzigingen', '/wijzigingen.atom',
    '/api/v1/toezicht/ladder', `/api/v1/toezicht/ladder?organisatie=${F.P.code}`, `/api/v1/toezicht/ladder/${F.S4}`,
    '/api/v1/toezicht/beoordelingen',
  ];
  for (const p of pages) {
    const r = await anon.get(p);
    assert.equal(r.status, 200, `${p}: ${r.status}`);
    const t = decodeEntities(r.text);
    for (const s of leaks) assert.ok(!t.includes(s), `${p} leaks ${s}`);
    assert.doesNotMatch(t, /ibt_ladder|ibt_agreement|ibt_dialogue/, p);
  }
  // the audit events exist: the history pages above would show them if they were public
  assert.ok(count("SELECT count(*) FROM audit_event WHERE entity IN ('ibt_ladder', 'ibt_agreement', 'ibt_dialogue')") >= 10);
  // an other organisation's editor sees the public step 4 but not the rest
  const q = decodeEntities((await S['tl-red-q'].get(F.ORG)).text);
  for (const s of leaks) assert.ok(!q.includes(s), `editor of another organisation sees ${s}`);
});

test('unknown records are 404; every new page passes the Nu HTML Checker', async () => {
  for (const p of ['/toezicht/ladder/999999', '/toezicht/ladder/abc', '/organisaties/bestaat-niet/toezicht/ladder']) {
    assert.equal((await S['tl-toezicht'].get(p)).status, 404, p);
  }
  assert.equal((await S['tl-toezicht'].get('/toezicht/afspraken/999999')).status, 404);
  assert.equal((await T['tl-toezicht'].call('POST', '/api/v1/toezicht/afspraken/999999', { body: { actie: 'x y', eigenaar: 'x y', termijn: '2025-12-01' } })).status, 404);
  const pages = [
    ['organisatie-toezichthouder', (await S['tl-toezicht'].get(F.ORG)).text],
    ['organisatie-redacteur', (await S['tl-red-p'].get(F.ORG)).text],
    ['organisatie-anoniem', (await anon.get(F.ORG)).text],
    ['trede-toezichthouder', (await S['tl-toezicht'].get(`/toezicht/ladder/${F.S3}`)).text],
    ['trede-redacteur', (await S['tl-red-p'].get(`/toezicht/ladder/${F.S3}`)).text],
    ['trede-openbaar', (await anon.get(`/toezicht/ladder/${F.K}`)).text],
    ['trede-fout', (await S['tl-toezicht'].post(`/toezicht/ladder/${F.K}/afspraken`, [['actie', '']])).text],
    ['ladderformulier', (await S['tl-toezicht'].get(`${F.ORG}/ladder`)).text],
    ['ladderformulier-fout', (await S['tl-toezicht'].post(`${F.ORG}/ladder`, step({ trede: '5' }))).text],
    ['afspraak', (await S['tl-toezicht'].get(`/toezicht/afspraken/${F.A1}`)).text],
    ['afspraak-fout', (await S['tl-toezicht'].post(`/toezicht/afspraken/${F.A1}`, [['actie', '']])).text],
    ['dialoogformulier', (await S['tl-toezicht'].get(`${F.ORG}/dialoog`)).text],
    ['dialoogformulier-fout', (await S['tl-toezicht'].post(`${F.ORG}/dialoog`, [['soort', 'peer-review']])).text],
    ['werkvoorraad', (await S['tl-toezicht'].get('/toezicht')).text],
  ];
  await assertValidPages(path.join(srv.dir, 'vnu-toezicht-ladder'), pages);
});
