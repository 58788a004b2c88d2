// corrections — "Meld wat niet klopt" against the real binary, on
// SQLite or PostgreSQL: an anonymous visitor, a partner and the programme
// team each propose a correction end to end (form or API → review queue →
// accept applies the edit with audit and provenance; reject needs a
// reason; the proposer sees the status), the abuse limits (honeypot, rate
// limit per address and per record, size caps, invalid fields and values,
// no live links, CSRF), privacy (the e-mail address never leaves the
// review queue and is erased when handled; proposals appear on no public
// page, API list, export, search, history or feed), and Mijn organisatie's
// "Wij zijn uitgetreden per …" and "Bevestig alles wat klopt".
// All people and organisations are fictional or taken from the seed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, login, anonymous, apiClient, csrfOf, decodeEntities, sql, assertControlsLabelled } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const TODAY = new Date().toISOString().slice(0, 10);
const EMAIL = 'melder.testdorp@example.org';
let srv;
let anon;
const S = {}; // signed-in sessions
const T = {}; // API clients
const F = {}; // fixtures: C (collaboration), P (penvoerder org), Q (participant org), QP (Q's participation id)

// A fresh anonymous visitor with the form's double-submit cookie.
async function visitor(base, path) {
  const r = await fetch(base + path, { redirect: 'manual' });
  const html = await r.text();
  const cookie = (r.headers.getSetCookie() || []).map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_melding='));
  return { status: r.status, html, cookie, csrf: csrfOf(html) };
}

// Post the correction form as an anonymous visitor (fresh cookie).
async function proposeAnon(base, recordPath, fields, { honeypot = '' } = {}) {
  const v = await visitor(base, `${recordPath}/melding?veld=${encodeURIComponent(fields.veld)}`);
  assert.ok(v.cookie && v.csrf, 'form sets a cookie and carries its token');
  const body = new URLSearchParams({ csrf: v.csrf, website2: honeypot, ...fields });
  const r = await fetch(base + `${recordPath}/melding`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: r.status, text: await r.text(), headers: r.headers };
}

const statusLink = (html) => /\/correcties\/status\/[A-Za-z0-9_-]{43}/.exec(html)?.[0];
const openCount = () => Number(sql(srv.db, "SELECT count(*) FROM correction WHERE status = 'open'"));
const allCount = () => Number(sql(srv.db, 'SELECT count(*) FROM correction'));
// An hour passes for the per-address rate limit: the earlier proposals of
// this file (all from 127.0.0.1) are dated back.
const anHourLater = () => sql(srv.db, "UPDATE correction SET created_at = '2000-01-01T00:00:00.000Z'");

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  for (const c of list.samenwerkingsverbanden) {
    const d = await anon.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    const g = d.deelnemers.filter((x) => x.organisatie.code.startsWith('gm') && x.actief);
    if (g.length >= 3) {
      F.C = d.id;
      F.P = g[0].organisatie.code;
      F.PP = g[0].id;
      F.Q = g[1].organisatie.code;
      F.QP = g[1].id;
      F.QJOINED = g[1].toegetreden;
      F.R = g[2].organisatie.code;
      break;
    }
  }
  assert.ok(F.C, 'a collaboration with three participating gemeenten');
  T.staf = apiClient(srv, addUser(srv.db, 'cor-staf', 'programmateam', { token: 'test' }));
  T.redP = apiClient(srv, addUser(srv.db, 'cor-red-p', 'redacteur', { org: F.P, token: 'test' }));
  T.redQ = apiClient(srv, addUser(srv.db, 'cor-red-q', 'redacteur', { org: F.Q, token: 'test' }));
  // make P the penvoerder, so its editors review proposals about C
  const part = await T.staf.call('GET', `/api/v1/samenwerkingsverbanden/${F.C}/deelnemers/${F.PP}`);
  const patched = await T.staf.call('PATCH', `/api/v1/samenwerkingsverbanden/${F.C}/deelnemers/${F.PP}`, {
    body: { rol: 'penvoerder' },
    ifMatch: part.headers.get('etag'),
    type: 'application/merge-patch+json',
  });
  assert.equal(patched.status, 200, patched.text);
  S.staf = await login(srv.base, 'cor-staf');
  S.redP = await login(srv.base, 'cor-red-p');
  S.redQ = await login(srv.base, 'cor-red-q');
});

after(async () => {
  await srv?.stop();
});

test('every collaboration and organisation page links to "Meld wat niet klopt"; the form has two steps and labelled fields', async () => {
  for (const p of [`/samenwerkingsverbanden/${F.C}`, `/organisaties/${F.P}`]) {
    const r = await anon.get(p);
    assert.equal(r.status, 200);
    assert.ok(r.text.includes(`href="${p}/melding"`), `${p} links to its form`);
    assert.match(r.text, /Meld wat niet klopt/);
  }
  const step1 = await anon.get(`/samenwerkingsverbanden/${F.C}/melding`);
  assert.equal(step1.status, 200);
  assert.match(step1.text, /<select[^>]*name="veld"/);
  assert.match(step1.text, /Klopt er iets niet aan een deelnemer/);
  assertControlsLabelled('melding stap 1', step1.text);
  const step2 = await anon.get(`/samenwerkingsverbanden/${F.C}/melding?veld=fase`);
  assert.equal(step2.status, 200);
  for (const n of ['waarde', 'bron', 'toelichting', 'email', 'website2', 'csrf']) assert.match(step2.text, new RegExp(`name="${n}"`), n);
  assert.match(step2.text, /Alleen om u vragen te stellen over deze melding\. We verwijderen het zodra de melding is behandeld/);
  assert.match(step2.text, /aria-hidden="true"><label for="f-website2">/, 'the honeypot is hidden from people');
  assertControlsLabelled('melding stap 2', step2.text);
  assert.equal(step2.headers.get('cache-control'), 'no-store');
  // signed in: no e-mail field
  const signed = await S.redQ.get(`/organisaties/${F.Q}/melding?veld=naam`);
  assert.equal(signed.status, 200);
  assert.doesNotMatch(signed.text, /name="email"/);
  // a participation's own form
  const pf = await anon.get(`/samenwerkingsverbanden/${F.C}/melding?deelname=${F.QP}&veld=uitgetreden`);
  assert.equal(pf.status, 200);
  assert.match(pf.text, /type="date"/);
  // unknown field or record
  assert.equal((await anon.get(`/samenwerkingsverbanden/${F.C}/melding?veld=onzin`)).status, 400);
  assert.equal((await anon.get('/samenwerkingsverbanden/bestaat-niet/melding')).status, 404);
  assert.equal((await anon.get(`/samenwerkingsverbanden/${F.C}/melding?deelname=999999`)).status, 404);
});

test('anonymous: propose → only the reviewers see it → the penvoerder accepts: a normal audited edit with provenance; the status link follows', async () => {
  const marker = 'Testdorp-bron-' + Date.now();
  const n0 = allCount();
  const r = await proposeAnon(srv.base, `/samenwerkingsverbanden/${F.C}`, {
    veld: 'fase',
    waarde: 'stabilisatie',
    bron: `https://example.org/${marker}`,
    toelichting: `Volgens het jaarverslag (${marker}).`,
    email: EMAIL,
  });
  assert.equal(r.status, 200, r.text.slice(0, 500));
  assert.match(r.text, /Dank u, uw melding is ontvangen/);
  const link = statusLink(r.text);
  assert.ok(link, 'the status link is shown once');
  assert.equal(allCount(), n0 + 1);
  const st = await anon.get(link);
  assert.equal(st.status, 200);
  assert.match(st.text, /In behandeling/);
  assert.doesNotMatch(st.text, new RegExp(EMAIL), 'the status page does not show the e-mail address');

  // nothing published before review
  const before = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.notEqual(before.fase, 'stabilisatie');

  // the review queue: staff and P's editor see it, Q's editor (a plain participant) does not
  const qs = await S.staf.get('/beheer/correcties');
  assert.equal(qs.status, 200);
  assert.ok(qs.text.includes(marker));
  assert.ok(qs.text.includes(EMAIL), 'reviewers see the e-mail address for questions');
  assert.doesNotMatch(qs.text, new RegExp(`href="https://example.org/${marker}`), 'the source link is text, not a live link');
  const qp = await S.redP.get('/beheer/correcties');
  assert.ok(qp.text.includes(marker), 'the penvoerder editor sees proposals about the collaboration');
  const qq = await S.redQ.get('/beheer/correcties');
  assert.equal(qq.status, 200);
  assert.ok(!qq.text.includes(marker), 'a participant editor does not review proposals about the collaboration');
  assert.equal((await anon.get('/beheer/correcties')).status, 303, 'anonymous visitors are sent to the login page');

  const id = Number(sql(srv.db, `SELECT id FROM correction WHERE source_url = 'https://example.org/${marker}'`));
  // Q's editor may not accept it
  const forbidden = await S.redQ.post(`/beheer/correcties/${id}/overnemen`, []);
  assert.equal(forbidden.status, 403);
  const loc = await S.redP.submit(`/beheer/correcties/${id}/overnemen`, []);
  assert.equal(loc, '/beheer/correcties?melding=verwerkt');

  const after = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.equal(after.fase, 'stabilisatie', 'accepting applied the edit');
  assert.equal(after.versie, before.versie + 1);
  const ev = sql(srv.db, `SELECT actor, via FROM audit_event WHERE entity = 'collaboration' AND entity_key = '${F.C}' AND action = 'update' ORDER BY id DESC LIMIT 1`);
  assert.equal(ev, 'gebruiker:cor-red-p|web', 'a normal edit by the reviewer, audited');
  const prov = sql(srv.db, `SELECT field, status, source_url, confidence FROM provenance WHERE entity = 'collaboration' AND entity_key = '${F.C}' AND field = 'phase'`);
  assert.equal(prov, `phase|fact|https://example.org/${marker}|medium`, 'provenance: the proposal source');
  const row = sql(srv.db, `SELECT status, email, handled_by FROM correction WHERE id = ${id}`);
  assert.equal(row, 'accepted||gebruiker:cor-red-p', 'accepted, and the e-mail address is erased');
  const st2 = await anon.get(link);
  assert.match(st2.text, /Verwerkt/);
  // a second accept is a conflict, never a 500
  const again = await S.staf.post(`/beheer/correcties/${id}/overnemen`, []);
  assert.equal(again.status, 409);
});

test('rejecting needs a reason; the proposer sees the status and the reason; the e-mail address is erased', async () => {
  const r = await proposeAnon(srv.base, `/organisaties/${F.R}`, { veld: 'naam', waarde: 'Gemeente Testdorp', toelichting: 'Naam gewijzigd?', email: EMAIL });
  assert.equal(r.status, 200);
  const link = statusLink(r.text);
  const id = Number(sql(srv.db, "SELECT max(id) FROM correction WHERE proposed_value = 'Gemeente Testdorp'"));
  const empty = await S.staf.post(`/beheer/correcties/${id}/afwijzen`, [['reden', '   ']]);
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Geef een reden waarom u de melding afwijst/);
  assert.equal(sql(srv.db, `SELECT status FROM correction WHERE id = ${id}`), 'open', 'nothing changed');
  const loc = await S.staf.submit(`/beheer/correcties/${id}/afwijzen`, [['reden', 'De naam in de bron is niet gewijzigd.']]);
  assert.equal(loc, '/beheer/correcties?melding=afgewezen');
  assert.equal(sql(srv.db, `SELECT status, email, reason FROM correction WHERE id = ${id}`), 'rejected||De naam in de bron is niet gewijzigd.');
  const org = await anon.getJson(`/api/v1/organisaties/${F.R}`);
  assert.notEqual(org.naam, 'Gemeente Testdorp');
  const st = await anon.get(link);
  assert.match(st.text, /Afgewezen/);
  assert.match(st.text, /De naam in de bron is niet gewijzigd\./);
});

test('"Iets anders": a description of what is wrong or missing; accepting records the decision and changes no field', async () => {
  anHourLater();
  const empty = await proposeAnon(srv.base, `/samenwerkingsverbanden/${F.C}`, { veld: 'overig', waarde: '' });
  assert.equal(empty.status, 400);
  assert.match(decodeEntities(empty.text), /Beschrijf wat er niet klopt of ontbreekt/);
  const form = await anon.get(`/samenwerkingsverbanden/${F.C}/melding?veld=overig`);
  assert.match(form.text, /Wat klopt er niet of ontbreekt er\?/);
  const before = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const r = await proposeAnon(srv.base, `/samenwerkingsverbanden/${F.C}`, {
    veld: 'overig',
    waarde: 'Gemeente Testdorp neemt sinds 1 januari 2024 ook deel.',
    bron: 'https://example.org/besluit-testdorp',
  });
  assert.equal(r.status, 200);
  const id = Number(sql(srv.db, "SELECT max(id) FROM correction WHERE field = 'overig'"));
  const q = await S.staf.get('/beheer/correcties');
  assert.match(q.text, /Wat niet klopt/);
  await S.staf.submit(`/beheer/correcties/${id}/overnemen`, []);
  assert.equal(sql(srv.db, `SELECT status FROM correction WHERE id = ${id}`), 'accepted');
  const after = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.equal(after.versie, before.versie, 'no field changed');
  assert.equal(Number(sql(srv.db, "SELECT count(*) FROM provenance WHERE field = '' OR field = 'overig'")), 0);
});

test('partner: a participant editor proposes a change to the collaboration itself; it goes to the penvoerder; the proposer sees the status', async () => {
  const form = await S.redQ.get(`/samenwerkingsverbanden/${F.C}/melding?veld=vestigingsplaats`);
  assert.equal(form.status, 200);
  const r = await S.redQ.post(`/samenwerkingsverbanden/${F.C}/melding`, [
    ['veld', 'vestigingsplaats'],
    ['waarde', 'Testdorp'],
    ['bron', 'https://example.org/statuten-testdorp'],
    ['toelichting', 'Nieuwe vestigingsplaats per de statuten.'],
    ['email', 'genegeerd@example.org'],
  ]);
  assert.equal(r.status, 200, r.text.slice(0, 400));
  assert.ok(statusLink(r.text));
  const row = sql(srv.db, "SELECT id, email, CASE WHEN user_id IS NULL THEN 0 ELSE 1 END FROM correction WHERE proposed_value = 'Testdorp'").split('|');
  assert.equal(row[1], '', 'a signed-in proposer leaves no e-mail address');
  assert.equal(row[2], '1');
  const mine = await S.redQ.get('/mijn/correcties');
  assert.equal(mine.status, 200);
  assert.match(mine.text, /Testdorp/);
  assert.match(mine.text, /In behandeling/);
  assert.ok((await S.redP.get('/beheer/correcties')).text.includes('Nieuwe vestigingsplaats per de statuten.'));
  await S.redP.submit(`/beheer/correcties/${row[0]}/overnemen`, []);
  assert.equal((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).vestigingsplaats, 'Testdorp');
  assert.match((await S.redQ.get('/mijn/correcties')).text, /Verwerkt/);
});

test('programme team and API: anonymous POST /api/v1/correcties, the queue with a token, accept and reject', async () => {
  const api = apiClient(srv, '');
  const r = await api.call('POST', '/api/v1/correcties', {
    body: { object: 'deelname', sleutel: F.C, deelname: F.QP, veld: 'orgaan', waarde: 'raad', bron: 'https://example.org/besluit-raad', toelichting: 'De raad neemt deel.', email: EMAIL },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'open');
  assert.match(r.headers.get('location'), /^\/correcties\/status\/[A-Za-z0-9_-]{43}$/);
  assert.equal((await anon.get(r.headers.get('location'))).status, 200);
  // the queue needs a token: anonymous 401, a web session 401
  assert.equal((await api.call('GET', '/api/v1/correcties')).status, 401);
  assert.equal((await srv.get('/api/v1/correcties', { cookie: S.staf.cookie })).status, 401);
  const q = await T.staf.call('GET', '/api/v1/correcties');
  assert.equal(q.status, 200);
  assert.ok(!q.text.includes(EMAIL) && !/"email"/.test(q.text) && !/client/.test(q.text), 'no e-mail address or client key in the API');
  const item = q.json.correcties.find((c) => c.id === r.json.id);
  assert.equal(item.object, 'deelname');
  assert.equal(item.voorgesteldeWaarde, 'raad');
  // Q's editor may edit its own participation, so reviews this one
  const qq = await T.redQ.call('GET', '/api/v1/correcties');
  assert.ok(qq.json.correcties.some((c) => c.id === r.json.id));
  const acc = await T.redQ.call('POST', `/api/v1/correcties/${r.json.id}/overnemen`);
  assert.equal(acc.status, 200, acc.text);
  assert.equal(acc.json.status, 'overgenomen');
  const part = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}/deelnemers/${F.QP}`);
  assert.equal(part.orgaan, 'raad');
  assert.equal(sql(srv.db, `SELECT email FROM correction WHERE id = ${r.json.id}`), '');
  // reject through the API: the reason is required
  const r2 = await api.call('POST', '/api/v1/correcties', { body: { object: 'organisatie', sleutel: F.R, veld: 'opmerking', waarde: 'Test-opmerking Testdorp' } });
  assert.equal(r2.status, 201);
  const noReason = await T.staf.call('POST', `/api/v1/correcties/${r2.json.id}/afwijzen`, { body: {} });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.headers.get('content-type'), 'application/problem+json');
  const rej = await T.staf.call('POST', `/api/v1/correcties/${r2.json.id}/afwijzen`, { body: { reden: 'Geen bron.' } });
  assert.equal(rej.status, 200);
  assert.equal(rej.json.reden, 'Geen bron.');
  const handled = await T.staf.call('GET', '/api/v1/correcties?status=behandeld');
  assert.ok(handled.json.correcties.some((c) => c.id === r2.json.id && c.status === 'afgewezen'));
  // API input errors are 400/415, never 500
  assert.equal((await api.call('POST', '/api/v1/correcties', { body: 'geen json' })).status, 400);
  assert.equal((await api.call('POST', '/api/v1/correcties', { body: '{}', type: 'text/plain' })).status, 415);
  const bad = await api.call('POST', '/api/v1/correcties', { body: { object: 'samenwerkingsverband', sleutel: F.C, veld: 'startdatum', waarde: '2023-02-31', extra: 1 } });
  assert.equal(bad.status, 400);
  assert.equal((await api.call('POST', '/api/v1/correcties', { body: { object: 'ufo', sleutel: F.C, veld: 'naam', waarde: 'x' } })).status, 400);
  assert.equal((await api.call('POST', '/api/v1/correcties', { body: { object: 'organisatie', sleutel: 'bestaat-niet', veld: 'naam', waarde: 'xyz' } })).status, 400);
});

test('invalid and oversized proposals: a Dutch message per field, nothing stored, never a 500', async () => {
  const n0 = allCount();
  const cases = [
    [{ veld: 'startdatum', waarde: '2023-02-31' }, 'waarde', /bestaande datum/],
    [{ veld: 'fase', waarde: 'ufo' }, 'waarde', /Kies een fase/],
    [{ veld: 'website', waarde: 'javascript:alert(1)' }, 'waarde', /https:\/\//],
    [{ veld: 'doel', waarde: 'x'.repeat(2001) }, 'waarde', /hoogstens 2000|ten hoogste|2000/i],
    [{ veld: 'naam', waarde: 'Nieuwe naam', toelichting: 'y'.repeat(4001) }, 'toelichting', /4000/],
    [{ veld: 'naam', waarde: 'Nieuwe naam', bron: 'https://example.org/' + 'z'.repeat(500) }, 'bron', /500/],
    [{ veld: 'naam', waarde: 'Nieuwe naam', bron: 'ftp://example.org/x' }, 'bron', /https:\/\//],
    [{ veld: 'naam', waarde: 'Nieuwe naam', email: 'geen-adres' }, 'email', /geldig e-mailadres/],
    [{ veld: 'onzin', waarde: 'x' }, 'veld', /Kies welk gegeven/],
  ];
  for (const [fields, field, msg] of cases) {
    const v = await visitor(srv.base, `/samenwerkingsverbanden/${F.C}/melding?veld=naam`);
    const body = new URLSearchParams({ csrf: v.csrf, website2: '', ...fields });
    const r = await fetch(srv.base + `/samenwerkingsverbanden/${F.C}/melding`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const text = decodeEntities(await r.text());
    assert.equal(r.status, 400, `${JSON.stringify(fields).slice(0, 80)}: ${r.status}`);
    assert.match(text, msg, `message for ${field}`);
    assert.match(text, new RegExp(`href="#f-${field}"`), `the error summary links to ${field}`);
  }
  // the current value is no correction
  const cur = await anon.getJson(`/organisaties/${F.R}`.replace('/organisaties', '/api/v1/organisaties'));
  const same = await proposeAnon(srv.base, `/organisaties/${F.R}`, { veld: 'naam', waarde: cur.naam });
  assert.equal(same.status, 400);
  assert.match(decodeEntities(same.text), /de waarde die er nu staat/);
  assert.equal(allCount(), n0, 'nothing stored');
  // a body over the server limit
  const huge = await fetch(srv.base + `/samenwerkingsverbanden/${F.C}/melding`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'waarde=' + 'x'.repeat(1_200_000),
  }).catch(() => null);
  if (huge) assert.equal(huge.status, 413);
});

test('no live links from user input: source links and HTML in comments are shown as text', async () => {
  anHourLater();
  const r = await proposeAnon(srv.base, `/samenwerkingsverbanden/${F.C}`, {
    veld: 'opmerking',
    waarde: '<a href="https://kwaad.example/x">klik</a>',
    bron: 'https://kwaad.example/bron',
    toelichting: '<script>alert(1)</script> zie https://kwaad.example/meer',
  });
  assert.equal(r.status, 200);
  const q = await S.staf.get('/beheer/correcties');
  assert.ok(!/href="https:\/\/kwaad\.example/.test(q.text), 'no live link in the queue');
  assert.ok(!q.text.includes('<script>alert(1)'), 'HTML is escaped');
  assert.ok(q.text.includes('https://kwaad.example/bron'), 'the link is shown as text');
  const st = await anon.get(statusLink(r.text));
  assert.ok(!/href="https:\/\/kwaad\.example/.test(st.text));
});

test('privacy: proposals and the e-mail address appear on no public page, API, export, search, history or feed', async () => {
  const marker = 'Privacytoets' + Date.now();
  anHourLater();
  const r = await proposeAnon(srv.base, `/samenwerkingsverbanden/${F.C}`, { veld: 'korteNaam', waarde: marker, toelichting: marker, email: EMAIL });
  assert.equal(r.status, 200);
  const pages = [
    `/samenwerkingsverbanden/${F.C}`,
    `/samenwerkingsverbanden/${F.C}/geschiedenis`,
    `/organisaties/${F.Q}`,
    '/samenwerkingsverbanden',
    '/samenwerkingsverbanden.csv',
    '/wijzigingen',
    '/wijzigingen.atom',
    '/open-data/samenwerkingsatlas.json',
    '/open-data/samenwerkingsverbanden.csv',
    '/open-data/deelnames.csv',
    '/open-data/organisaties.csv',
    `/api/v1/samenwerkingsverbanden/${F.C}`,
    '/api/v1/samenwerkingsverbanden?paginaGrootte=100',
    '/api/v1/export/roo.xml',
    '/',
  ];
  for (const p of pages) {
    const res = await anon.get(p);
    assert.ok(res.status < 400, `${p}: ${res.status}`);
    assert.ok(!res.text.includes(marker), `${p} shows no proposal`);
    assert.ok(!res.text.includes(EMAIL), `${p} shows no e-mail address`);
  }
  // search echoes the query, so compare with a search for a word nobody wrote
  const none = 'Nergensgenoemd' + String(Date.now()).slice(0, marker.length - 'Privacytoets'.length);
  const found = (await anon.get(`/zoeken?q=${marker}`)).text.replaceAll(marker, 'TERM');
  const empty = (await anon.get(`/zoeken?q=${none}`)).text.replaceAll(none, 'TERM');
  assert.equal(found, empty, 'search finds no proposal');
  // the audit event of a proposal names record and field, never the address or the text
  const ev = sql(srv.db, "SELECT coalesce(\"after\", '') FROM audit_event WHERE entity = 'correction' ORDER BY id DESC LIMIT 1");
  assert.ok(!ev.includes(EMAIL) && !ev.includes(marker) && !ev.includes('127.0.0.1'), ev);
  // the history pages leave correction events out
  const w = await anon.get('/wijzigingen');
  assert.doesNotMatch(w.text, /correction/);
  // a staff member's API list never carries it either
  const q = await T.staf.call('GET', '/api/v1/correcties');
  assert.ok(!q.text.includes(EMAIL));
  // handled: the address is erased
  const id = Number(sql(srv.db, `SELECT id FROM correction WHERE proposed_value = '${marker}'`));
  await S.staf.submit(`/beheer/correcties/${id}/afwijzen`, [['reden', 'Toets.']]);
  assert.equal(sql(srv.db, `SELECT email FROM correction WHERE id = ${id}`), '');
  assert.equal(Number(sql(srv.db, `SELECT count(*) FROM correction WHERE email = '${EMAIL}' AND status <> 'open'`)), 0);
});

test('CSRF: a proposal without the form token, or with another session\'s, stores nothing; accept needs the session token', async () => {
  const n0 = allCount();
  const noTok = await anon.post(`/samenwerkingsverbanden/${F.C}/melding`, [['veld', 'naam'], ['waarde', 'Zonder token']]);
  assert.equal(noTok.status, 403);
  const v = await visitor(srv.base, `/samenwerkingsverbanden/${F.C}/melding?veld=naam`);
  const wrongCookie = await fetch(srv.base + `/samenwerkingsverbanden/${F.C}/melding`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: 'atlas_melding=' + 'A'.repeat(43), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: v.csrf, veld: 'naam', waarde: 'Verkeerde cookie' }),
  });
  assert.equal(wrongCookie.status, 403);
  const signed = await S.redQ.post(`/samenwerkingsverbanden/${F.C}/melding`, [['veld', 'naam'], ['waarde', 'Vreemde token']], { csrf: 'x'.repeat(43) });
  assert.equal(signed.status, 403);
  assert.equal(allCount(), n0);
  const accept = await S.staf.post('/beheer/correcties/1/overnemen', [], { csrf: null });
  assert.equal(accept.status, 403);
});

test('spam: a filled honeypot stores nothing and answers like a success; the per-address limit answers 429 in Dutch', async () => {
  const srv2 = await startServer();
  try {
    const count = () => Number(sql(srv2.db, 'SELECT count(*) FROM correction'));
    const hp = await proposeAnon(srv2.base, `/samenwerkingsverbanden/${F.C}`, { veld: 'naam', waarde: 'Spam Testdorp' }, { honeypot: 'https://spam.example' });
    assert.equal(hp.status, 200);
    assert.match(hp.text, /Dank u, uw melding is ontvangen/);
    assert.equal(statusLink(hp.text), undefined, 'no status link');
    assert.equal(count(), 0, 'nothing stored');
    for (let i = 0; i < 5; i++) {
      const r = await proposeAnon(srv2.base, `/samenwerkingsverbanden/${F.C}`, { veld: 'opmerking', waarde: `Opmerking ${i}` });
      assert.equal(r.status, 200, `proposal ${i}`);
    }
    const sixth = await proposeAnon(srv2.base, `/samenwerkingsverbanden/${F.C}`, { veld: 'opmerking', waarde: 'Nog een' });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.headers.get('retry-after'), '3600');
    assert.match(decodeEntities(sixth.text), /U hebt het afgelopen uur al veel meldingen gedaan/);
    const api = await apiClient(srv2, '').call('POST', '/api/v1/correcties', { body: { object: 'organisatie', sleutel: F.Q, veld: 'naam', waarde: 'Testdorp API' } });
    assert.equal(api.status, 429);
    assert.match(api.json.detail, /afgelopen uur/);
    assert.equal(count(), 5);
    // per record: at most 20 open proposals (a signed-in user's own limit is higher)
    const tok = apiClient(srv2, addUser(srv2.db, 'spam-staf', 'programmateam', { token: 't' }));
    let last;
    for (let i = 0; i < 16; i++) {
      last = await tok.call('POST', '/api/v1/correcties', { body: { object: 'samenwerkingsverband', sleutel: F.C, veld: 'opmerking', waarde: `Per record ${i}` } });
      if (last.status !== 201) break;
    }
    assert.equal(last.status, 429, 'the 21st open proposal about one record is refused');
    assert.match(last.json.detail, /Over dit gegeven staan al veel meldingen open/);
  } finally {
    await srv2.stop();
  }
});

test('behind a trusted proxy the per-address limit counts the forwarded client, not the proxy', async () => {
  const srv3 = await startServer({ args: ['--trust-proxy'] });
  try {
    const propose = (xff, i) =>
      fetch(`${srv3.base}/api/v1/correcties`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
        body: JSON.stringify({ object: 'organisatie', sleutel: F.Q, veld: 'opmerking', waarde: `Via proxy ${i}` }),
      });
    // the client may put anything first; the proxy appends the real address last
    for (let i = 0; i < 5; i++) assert.equal((await propose(`198.51.100.${i + 7}, 203.0.113.10`, i)).status, 201, `proposal ${i}`);
    assert.equal((await propose('198.51.100.99, 203.0.113.10', 5)).status, 429, 'same forwarded client, sixth proposal');
    assert.equal((await propose('203.0.113.11', 6)).status, 201, 'another client behind the same proxy is not blocked');
    assert.equal((await propose('nonsense', 7)).status, 201, 'an unreadable header falls back to the peer address');
  } finally {
    await srv3.stop();
  }
});

test('Mijn organisatie: "Dit klopt niet", "Wij zijn uitgetreden per …" (validated, audited)', async () => {
  const mine = await S.redQ.get('/mijn-organisatie');
  assert.equal(mine.status, 200);
  assert.match(mine.text, /Dit klopt niet/);
  assert.ok(mine.text.includes(`/samenwerkingsverbanden/${F.C}/melding?deelname=${F.QP}`), 'prefilled for the participation');
  assert.ok(mine.text.includes(`/organisaties/${F.Q}/melding`));
  assert.match(mine.text, /Wij zijn uitgetreden/);
  assert.match(mine.text, /Bevestig alles wat klopt/);
  assertControlsLabelled('mijn-organisatie', mine.text);
  const part = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}/deelnemers/${F.QP}`);
  const form = (date) => [['deelname', String(F.QP)], ['versie', String(part.versie)], ['datum', date]];
  // empty, impossible, before joining: 400, nothing changes
  let r = await S.redQ.post('/mijn-organisatie/uittreden', form(''));
  assert.equal(r.status, 400);
  r = await S.redQ.post('/mijn-organisatie/uittreden', form('2023-02-31'));
  assert.equal(r.status, 400);
  assert.match(decodeEntities(r.text), /bestaande datum/);
  if (part.toegetreden) {
    r = await S.redQ.post('/mijn-organisatie/uittreden', form('1900-01-01'));
    assert.equal(r.status, 400);
    assert.match(decodeEntities(r.text), /vóór de datum van toetreden/);
  }
  // another organisation's participation: forbidden
  r = await S.redQ.post('/mijn-organisatie/uittreden', [['deelname', String(F.PP)], ['versie', '1'], ['datum', TODAY]]);
  assert.equal(r.status, 403);
  assert.equal((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}/deelnemers/${F.QP}`)).uitgetreden, part.uitgetreden ?? null);
  const loc = await S.redQ.submit('/mijn-organisatie/uittreden', form('2030-12-31'));
  assert.equal(loc, '/mijn-organisatie?melding=uitgetreden');
  const after = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}/deelnemers/${F.QP}`);
  assert.equal(after.uitgetreden, '2030-12-31');
  const ev = sql(srv.db, `SELECT action, actor FROM audit_event WHERE entity = 'participation' AND entity_key = '${F.C}/${F.QP}' ORDER BY id DESC LIMIT 1`);
  assert.equal(ev, 'delete|gebruiker:cor-red-q');
  assert.match((await S.redQ.get('/mijn-organisatie?melding=uitgetreden')).text, /de deelname eindigt op de opgegeven datum/);
});

test('Mijn organisatie: "Bevestig alles wat klopt" shows what is confirmed and confirms the checked records in one transaction', async () => {
  const page = await S.redP.get('/mijn-organisatie/bevestigen');
  assert.equal(page.status, 200);
  assertControlsLabelled('bevestigen', page.text);
  assert.match(page.text, /Laatst bevestigd/);
  assert.match(page.text, /Fase/, 'the values being confirmed are shown');
  const values = [...page.text.matchAll(/name="bevestig" value="([^"]+)" checked/g)].map((m) => decodeEntities(m[1]));
  assert.ok(values.length >= 3, `organisation, collaboration and participation(s): ${values}`);
  assert.ok(values.includes(`c:${F.C}:${(await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).versie}`));
  const confirms0 = Number(sql(srv.db, "SELECT count(*) FROM audit_event WHERE action = 'confirm'"));
  // nothing checked: 400
  assert.equal((await S.redP.post('/mijn-organisatie/bevestigen', [])).status, 400);
  // a stale version: 409, nothing confirmed (all or none)
  const stale = values.map((v, i) => (i === values.length - 1 ? v.replace(/:\d+$/, ':999') : v));
  const c409 = await S.redP.post('/mijn-organisatie/bevestigen', stale.map((v) => ['bevestig', v]));
  assert.equal(c409.status, 409);
  assert.equal(Number(sql(srv.db, "SELECT count(*) FROM audit_event WHERE action = 'confirm'")), confirms0, 'all or none');
  // another organisation's record: forbidden
  const other = await S.redP.post('/mijn-organisatie/bevestigen', [['bevestig', `o:${F.R}:1`]]);
  assert.equal(other.status, 403);
  const loc = await S.redP.submit('/mijn-organisatie/bevestigen', values.map((v) => ['bevestig', v]));
  assert.equal(loc, '/mijn-organisatie?melding=alles-bevestigd');
  assert.equal(Number(sql(srv.db, "SELECT count(*) FROM audit_event WHERE action = 'confirm'")), confirms0 + values.length);
  const c = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.equal(c.laatstBevestigd, TODAY);
  const org = await anon.getJson(`/api/v1/organisaties/${F.P}`);
  assert.equal(org.laatstBevestigd, TODAY);
  // staff are not scoped to one organisation
  assert.equal((await S.staf.get('/mijn-organisatie/bevestigen')).status, 403);
});

test('every page of the module passes the Nu HTML Checker and labels every control', async () => {
  anHourLater();
  const pages = [];
  const keep = async (name, p, client = anon, status = 200) => {
    const r = await client.get(p);
    assert.equal(r.status, status, `${name}: ${p}`);
    pages.push([name, r.text]);
  };
  await keep('verband', `/samenwerkingsverbanden/${F.C}`);
  await keep('organisatie', `/organisaties/${F.Q}`);
  await keep('stap1', `/samenwerkingsverbanden/${F.C}/melding`);
  await keep('stap2', `/organisaties/${F.Q}/melding?veld=inwoners`);
  await keep('deelname', `/samenwerkingsverbanden/${F.C}/melding?deelname=${F.QP}&veld=rol`);
  const bad = await proposeAnon(srv.base, `/samenwerkingsverbanden/${F.C}`, { veld: 'startdatum', waarde: 'morgen', bron: 'x', email: 'y' });
  assert.equal(bad.status, 400);
  pages.push(['fouten', bad.text]);
  const ok = await proposeAnon(srv.base, `/samenwerkingsverbanden/${F.C}`, { veld: 'website', waarde: 'https://testdorp.example.org', toelichting: 'Nieuwe website.' });
  pages.push(['ontvangen', ok.text]);
  await keep('status', statusLink(ok.text));
  await keep('wachtrij', '/beheer/correcties', S.staf);
  const id = Number(sql(srv.db, "SELECT max(id) FROM correction WHERE status = 'open'"));
  const err = await S.staf.post(`/beheer/correcties/${id}/afwijzen`, [['reden', '']]);
  assert.equal(err.status, 400);
  pages.push(['wachtrij-fout', err.text]);
  await keep('mijn-meldingen', '/mijn/correcties', S.redQ);
  await keep('mijn-organisatie', '/mijn-organisatie', S.redQ);
  await keep('bevestigen', '/mijn-organisatie/bevestigen', S.redQ);
  await assertValidPages(path.join(srv.dir, 'vnu-corrections'), pages);
  for (const [name, html] of pages) {
    assertControlsLabelled(name, html);
    for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) {
      for (const x of m[1].split(' ')) assert.ok(html.includes(`id="${x}"`), `${name}: describedby #${x} missing`);
    }
  }
});

