// incremental — a write updates the read model from what it changed, and
// replies cached for one record outlive writes to other records, never a
// write that could change them. The server runs with
// ATLAS_CHECK_INCREMENTAL=1 (the harness default): every derived snapshot
// is compared with a full rebuild and a difference stops the server, which
// fails these tests. Checked on the bundled data (fictional people):
//  - an API PATCH is applied incrementally (log "bijgewerkt", no full
//    rebuild), through forms too, and an edit that ends a participation;
//  - the anonymous page and API detail of collaboration A keep their cached
//    reply (same ETag) across a write to collaboration B, and are rebuilt
//    after a write to A itself or to one of A's organisations; the list
//    keeps its reply across a write of a field it does not show;
//  - a write outside the snapshot (a phase event, shown on A's page)
//    invalidates every cached reply;
//  - new collaborations and participants are placed incrementally (a new
//    source is a full rebuild that says why);
//  - `atlas check` compares the incremental way with a full rebuild.
// Runs on both engines.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, login, anonymous, apiClient, atlas } from './harness.mjs';

const A = 'veiligheidsregio-utrecht'; // Houten (gm0321) takes part
const B = 'afvalverwijdering-utrecht-avu';
let srv, api, anon, staf;

const logCount = (re) => (srv.stderr().match(re) || []).length;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function patchNote(key, note) {
  return patchCollab(key, { opmerking: note });
}

async function patchCollab(key, body) {
  const cur = await api.call('GET', `/api/v1/samenwerkingsverbanden/${key}`);
  const r = await api.call('PATCH', `/api/v1/samenwerkingsverbanden/${key}`, {
    body,
    ifMatch: cur.headers.get('etag'),
    type: 'application/merge-patch+json',
  });
  assert.equal(r.status, 200, r.text);
  return r;
}

before(async () => {
  srv = await startServer();
  const token = addUser(srv.db, 'inc-staf', 'programmateam', { token: 'inc' });
  api = apiClient(srv, token);
  anon = anonymous(srv.base);
  staf = await login(srv.base, 'inc-staf');
});

after(async () => {
  await srv?.stop();
});

test('an API edit is applied to the read model incrementally and compared with a full rebuild', async () => {
  const full0 = logCount(/snapshot v\d+ for /g);
  const inc0 = logCount(/bijgewerkt:/g);
  await patchNote(A, 'Fictieve opmerking één');
  const r = await srv.get(`/api/v1/samenwerkingsverbanden/${A}`);
  assert.equal(r.json.opmerking, 'Fictieve opmerking één');
  assert.equal(logCount(/snapshot v\d+ for /g), full0, 'no full rebuild for an attribute edit');
  assert.equal(logCount(/bijgewerkt: 0 organisatie\(s\), 1 verband\(en\), 0 deelname\(s\)/g), inc0 + 1);
  assert.match(srv.stderr(), /ATLAS_CHECK_INCREMENTAL/);
  assert.equal(srv.exited(), null, 'the comparison with a full rebuild found no difference');
});

test('a cached reply about collaboration A survives a write to B, not a write to A or its members', async () => {
  const page = `/samenwerkingsverbanden/${A}`;
  const apiPath = `/api/v1/samenwerkingsverbanden/${A}`;
  const list = '/api/v1/samenwerkingsverbanden';
  const p1 = await anon.get(page);
  const j1 = await anon.get(apiPath);
  const l1 = await anon.get(list);
  await patchNote(B, 'Fictieve opmerking bij B');
  const p2 = await anon.get(page);
  const j2 = await anon.get(apiPath);
  const l2 = await anon.get(list);
  assert.equal(p2.headers.get('etag'), p1.headers.get('etag'), 'A\'s page was kept: built before the write to B');
  assert.equal(p2.text, p1.text);
  assert.equal(j2.headers.get('etag'), j1.headers.get('etag'));
  assert.equal(l2.headers.get('etag'), l1.headers.get('etag'), 'a note is not in the list: the list was kept');
  await patchCollab(B, { korteNaam: 'FICTIEF' });
  const l3 = await anon.get(list);
  assert.notEqual(l3.headers.get('etag'), l1.headers.get('etag'), 'a short name is: the list is rebuilt');
  // a conditional GET with the kept ETag is a 304
  const nm = await anon.get(page, { 'if-none-match': p1.headers.get('etag') });
  assert.equal(nm.status, 304);

  await patchNote(A, 'Fictieve opmerking twee');
  const p3 = await anon.get(page);
  assert.notEqual(p3.headers.get('etag'), p1.headers.get('etag'));
  assert.match(p3.text, /Fictieve opmerking twee/);

  // a member organisation's page is rebuilt after a write to A ...
  const org = '/organisaties/gm0321';
  const o1 = await anon.get(org);
  await patchNote(A, 'Fictieve opmerking drie');
  const o2 = await anon.get(org);
  assert.notEqual(o2.headers.get('etag'), o1.headers.get('etag'));
  // ... and kept after a write to a collaboration it is not in
  const o3 = await anon.get(org);
  const inB = (await anon.get(`/api/v1/samenwerkingsverbanden/${B}`)).text.includes('gm0321');
  await patchNote(B, 'Fictieve opmerking vier');
  const o4 = await anon.get(org);
  if (inB) assert.notEqual(o4.headers.get('etag'), o3.headers.get('etag'));
  else assert.equal(o4.headers.get('etag'), o3.headers.get('etag'));
});

test('a write outside the snapshot (a phase event) invalidates every cached reply', async () => {
  const page = `/samenwerkingsverbanden/${A}`;
  const p1 = await anon.get(page);
  assert.equal((await anon.get(page)).headers.get('etag'), p1.headers.get('etag'));
  await staf.submit(`${page}/fasen/nieuw`, [['fase', 'groei'], ['procesfase', 'verkennen'], ['datum', '2011-03-04'], ['toelichting', 'Fictieve fase incrementeel']]);
  const p2 = await anon.get(page);
  assert.notEqual(p2.headers.get('etag'), p1.headers.get('etag'));
  assert.ok(p2.text.includes('Fictieve fase incrementeel'), 'the new phase shows on the page');
});

test('an edit that ends a participation changes the counts, incrementally', async () => {
  const c = await srv.get(`/api/v1/samenwerkingsverbanden/${A}`);
  const houten = c.json.deelnemers.find((p) => p.organisatie.code === 'gm0321' && p.actief);
  assert.ok(houten, 'Houten takes part in A');
  const self = `/api/v1/samenwerkingsverbanden/${A}/deelnemers/${houten.id}`;
  const cur = await api.call('GET', self);
  assert.equal(cur.status, 200, cur.text);
  const onePart = /bijgewerkt: 0 organisatie\(s\), 0 verband\(en\), 1 deelname\(s\)/g;
  const inc0 = logCount(onePart);
  const r = await api.call('PATCH', self, { body: { uitgetreden: '2024-01-01' }, ifMatch: cur.headers.get('etag'), type: 'application/merge-patch+json' });
  assert.equal(r.status, 200, r.text);
  assert.equal(logCount(onePart), inc0 + 1);
  const after = await srv.get(`/api/v1/samenwerkingsverbanden/${A}`);
  assert.equal(after.json.aantalDeelnemers, c.json.aantalDeelnemers - 1);
  assert.equal(after.json.deelnemers.find((p) => p.id === houten.id).actief, false);
  const org = await srv.get('/api/v1/organisaties/gm0321');
  assert.equal(org.status, 200);
  assert.equal(srv.exited(), null);
});

test('new collaborations take their place incrementally; a new source is a full rebuild that says why', async () => {
  const full0 = logCount(/snapshot v\d+ for /g);
  // the first write with the user's own source adds that source: a full rebuild
  let r = await api.call('POST', '/api/v1/samenwerkingsverbanden', {
    body: { naam: 'Fictieve Proefregeling Incrementeel', soort: 'netwerk', beleidsdomeinen: ['veiligheid'] },
  });
  assert.equal(r.status, 201, r.text);
  const rebuilt = logCount(/snapshot v\d+ for /g) > full0;
  if (rebuilt) assert.match(srv.stderr(), /snapshot: volledig herbouwd \(bronnen of beleidsdomeinen gewijzigd\)/);
  // the next one is placed in the sorted arrays without a rebuild
  const full1 = logCount(/snapshot v\d+ for /g);
  const oneCollab = /bijgewerkt: 0 organisatie\(s\), 1 verband\(en\), 0 deelname\(s\)/g;
  const inc0 = logCount(oneCollab);
  r = await api.call('POST', '/api/v1/samenwerkingsverbanden', {
    body: { naam: 'Aaa Fictief Verband Vooraan', soort: 'netwerk', beleidsdomeinen: ['veiligheid'] },
  });
  assert.equal(r.status, 201, r.text);
  const key = r.headers.get('location').split('/').pop();
  assert.equal(logCount(/snapshot v\d+ for /g), full1, 'no full rebuild for a new collaboration');
  assert.equal(logCount(oneCollab), inc0 + 1);
  const list = await srv.get('/api/v1/samenwerkingsverbanden?paginaGrootte=1');
  assert.equal(list.json._embedded?.samenwerkingsverbanden?.[0]?.id ?? list.json.samenwerkingsverbanden?.[0]?.id, key, 'first in the name order');
  // a participant joins it, incrementally as well
  const inc1 = logCount(/bijgewerkt:/g);
  r = await api.call('POST', `/api/v1/samenwerkingsverbanden/${key}/deelnemers`, { body: { organisatie: 'gm0321', rol: 'deelnemer' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(logCount(/bijgewerkt:/g), inc1 + 1);
  assert.equal((await srv.get(`/api/v1/samenwerkingsverbanden/${key}`)).json.aantalDeelnemers, 1);
  await sleep(10);
  assert.equal(srv.exited(), null, 'every update matched a full rebuild');
});

test('atlas check compares the incremental update with a full rebuild', () => {
  const r = atlas(['check', '--db', srv.db]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /snapshot: bijgewerkte snapshot gelijk aan volledige herbouw/);
  assert.match(r.stdout, /records uit de laatste \d+ versies/);
});

test('a long chain of updates is merged in the background: writes go on, cached replies of untouched records stay', async () => {
  // a chain limit of 3 derived snapshots (ATLAS_SNAPSHOT_CHAIN) instead of 1,024
  const s = await startServer({ env: { ATLAS_SNAPSHOT_CHAIN: '3' } });
  try {
    const c = apiClient(s, addUser(s.db, 'inc-keten', 'programmateam', { token: 'keten' }));
    const pageB = `/samenwerkingsverbanden/${B}`;
    const b1 = await anonymous(s.base).get(pageB);
    assert.equal(b1.status, 200);
    for (let i = 0; i < 12; i++) {
      const cur = await c.call('GET', `/api/v1/samenwerkingsverbanden/${A}`);
      const r = await c.call('PATCH', `/api/v1/samenwerkingsverbanden/${A}`, {
        body: { opmerking: `Fictieve opmerking ${i}` },
        ifMatch: cur.headers.get('etag'),
        type: 'application/merge-patch+json',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.opmerking, `Fictieve opmerking ${i}`, 'the reply shows the write');
    }
    // the merge thread works on its own time: wait for its log line
    let merged = 0;
    for (let i = 0; i < 100 && !merged; i++) {
      merged = (s.stderr().match(/snapshot v\d+ samengevoegd na \d+ bijwerkingen/g) || []).length;
      if (!merged) await sleep(50);
    }
    assert.ok(merged >= 1, `merged in the background:\n${s.stderr().slice(-2000)}`);
    assert.doesNotMatch(s.stderr(), /volledig herbouwd \(samenvoegen/, 'no write waited for a full load');
    assert.equal((await s.get(`/api/v1/samenwerkingsverbanden/${A}`)).json.opmerking, 'Fictieve opmerking 11');
    const b2 = await anonymous(s.base).get(pageB);
    assert.equal(b2.headers.get('etag'), b1.headers.get('etag'), 'B was not written: its cached page outlived the merge');
    assert.equal(s.exited(), null, 'every derived and merged snapshot matched a full rebuild');
  } finally {
    await s.stop();
  }
});
