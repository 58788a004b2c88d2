// privacy — the AVG rules of issue 5 against the real binary, with clearly
// fictional people: Jan Testpersoon (wethouder of gm0321, public) and Els
// Voorbeeld (ambtenaar of gm0356, not public). Anonymous visitors never
// see Els (list, page 404, organisation page, collaboration page) nor
// anyone's e-mail or phone; signed-in users do. The administrator's export
// (JSON with everything stored; others 403) and erasure (confirmation
// step, CSRF; afterwards "onbekende persoon", seats and offices remain,
// the name appears nowhere — person page, lists, history pages — and the
// audit shows that an erasure happened).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, decodeEntities, addUser, login, anonymous } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const OL = 'veiligheidsregio-utrecht';
const NET = 'u16';
let srv;
let anon; // the anonymous visitor
const S = {};
const K = {};
const pages = [];

const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const CONTACT = /jan@example\.org|els@example\.org|030-1234567|06-7654321/;

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  addUser(srv.db, 'pv-staf', 'programmateam');
  addUser(srv.db, 'pv-admin', 'beheerder');
  addUser(srv.db, 'pv-toezicht', 'toezichthouder');
  S.staf = await login(srv.base, 'pv-staf');
  S.admin = await login(srv.base, 'pv-admin');
  S.toezicht = await login(srv.base, 'pv-toezicht');
  // fixture through the forms
  let r = await S.staf.post('/personen/nieuw', { naam: 'Jan Testpersoon', partij: 'Testpartij', email: 'jan@example.org', telefoon: '030-1234567', opmerking: 'Interne opmerking' });
  assert.equal(r.status, 303);
  K.jan = /^\/personen\/([^?]+)/.exec(r.location)[1];
  r = await S.staf.post('/personen/nieuw', { naam: 'Els Voorbeeld', partij: '', email: 'els@example.org', telefoon: '06-7654321', opmerking: '' });
  assert.equal(r.status, 303);
  K.els = /^\/personen\/([^?]+)/.exec(r.location)[1];
  const ok = (x) => assert.equal(x.status, 303, x.text.slice(0, 400));
  ok(await S.staf.post(`/personen/${K.jan}/functies/nieuw`, { organisatie: 'gm0321', functie: 'wethouder', portefeuille: 'Financiën', van: '2022-06-01', tot: '' }));
  ok(await S.staf.post(`/personen/${K.els}/functies/nieuw`, { organisatie: 'gm0356', functie: 'ambtenaar', portefeuille: '', van: '2021-01-01', tot: '' }));
  ok(await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: OL, namens: 'gm0321', orgaan: 'algemeen-bestuur', van: '2022-07-01', tot: '' }));
  ok(await S.staf.post(`/personen/${K.els}/zetels/nieuw`, { samenwerkingsverband: NET, namens: 'gm0356', orgaan: 'portefeuillehoudersoverleg', van: '2022-01-01', tot: '' }));
});

after(async () => {
  await srv?.stop();
});

test('anonymous visitors never see the official nor anyone\'s contact details', async () => {
  const list = await anon.get('/personen');
  assert.equal(list.status, 200);
  assert.match(list.text, /Jan Testpersoon/);
  assert.doesNotMatch(list.text, /Els Voorbeeld/);
  assert.doesNotMatch(list.text, CONTACT);
  pages.push(['list-anon', list.text]);
  assert.equal((await anon.get(`/personen/${K.els}`)).status, 404);
  const jan = await anon.get(`/personen/${K.jan}`);
  assert.equal(jan.status, 200);
  assert.doesNotMatch(jan.text, CONTACT);
  assert.doesNotMatch(jan.text, /Interne opmerking/);
  assert.doesNotMatch(jan.text, /E-mailadres/);
  for (const p of ['/organisaties/gm0356', '/organisaties/gm0321', `/samenwerkingsverbanden/${NET}`, `/samenwerkingsverbanden/${OL}`]) {
    const r = await anon.get(p);
    assert.equal(r.status, 200, p);
    assert.doesNotMatch(r.text, /Els Voorbeeld/, p);
    assert.doesNotMatch(r.text, CONTACT, p);
  }
  assert.match((await anon.get(`/samenwerkingsverbanden/${OL}`)).text, /Jan Testpersoon/);
});

test('signed-in users see officials and contact details', async () => {
  const list = await S.toezicht.get('/personen');
  assert.match(list.text, /Els Voorbeeld/);
  assert.doesNotMatch(list.text, /href="\/personen\/nieuw"/, 'a supervisor cannot add people');
  pages.push(['list-signed-in', list.text]);
  const els = await S.toezicht.get(`/personen/${K.els}`);
  assert.equal(els.status, 200);
  assert.match(els.text, /els@example\.org/);
  assert.match(els.text, /Ambtenaar/);
  pages.push(['els-signed-in', els.text]);
  const jan = await S.toezicht.get(`/personen/${K.jan}`);
  assert.match(jan.text, /jan@example\.org/);
  assert.match(jan.text, /030-1234567/);
  const org = await S.toezicht.get('/organisaties/gm0356');
  assert.match(org.text, /Els Voorbeeld/);
  const net = await S.toezicht.get(`/samenwerkingsverbanden/${NET}`);
  assert.match(net.text, /Els Voorbeeld/);
});

test('export: JSON with everything stored, administrators only', async () => {
  for (const s of [S.staf, S.toezicht]) assert.equal((await s.get(`/personen/${K.jan}/export`)).status, 403);
  const anonPage = await anon.get(`/personen/${K.jan}/export`);
  assert.equal(anonPage.status, 303);
  const r = await S.admin.get(`/personen/${K.jan}/export`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const cd = r.headers.get('content-disposition');
  assert.match(cd, /^attachment; filename="persoon-(\d+)\.json"$/);
  K.janId = /persoon-(\d+)\.json/.exec(cd)[1];
  const j = JSON.parse(r.text);
  const s = JSON.stringify(j);
  assert.match(s, /Jan Testpersoon/);
  assert.match(s, /jan@example\.org/);
  assert.match(s, /wethouder/i);
  assert.match(s, new RegExp(OL));
});

test('erasure: confirmation step, CSRF, then "onbekende persoon" everywhere and the audit keeps that it happened', async () => {
  assert.equal((await S.staf.get(`/personen/${K.jan}/wissen`)).status, 403);
  const conf = await S.admin.get(`/personen/${K.jan}/wissen`);
  assert.equal(conf.status, 200);
  assert.match(conf.text, /name="bevestigen"/);
  pages.push(['erase-confirm', conf.text]);
  // without the checkbox: nothing happens
  let r = await S.admin.post(`/personen/${K.jan}/wissen`, {});
  assert.equal(r.status, 400);
  pages.push(['erase-400', r.text]);
  // without the CSRF token: nothing happens
  r = await S.admin.post(`/personen/${K.jan}/wissen`, { bevestigen: 'ja' }, { csrf: 'fout' });
  assert.equal(r.status, 403);
  // staff may not
  r = await S.staf.post(`/personen/${K.jan}/wissen`, { bevestigen: 'ja' });
  assert.equal(r.status, 403);
  assert.match((await anon.get(`/personen/${K.jan}`)).text, /Jan Testpersoon/);

  r = await S.admin.post(`/personen/${K.jan}/wissen`, { bevestigen: 'ja' });
  assert.equal(r.status, 303);
  assert.match(r.location, /melding=gewist/);
  const erased = await S.admin.get(r.location);
  assert.equal(erased.status, 200);
  assert.match(erased.text, /<h1[^>]*>Onbekende persoon<\/h1>/);
  assert.match(text(erased.text), /Gegevens gewist \(AVG\)/, 'the audit shows the erasure');
  assert.doesNotMatch(erased.text, /Testpersoon|jan@example|030-1234567|Interne opmerking|Testpartij/);
  // seats and offices remain
  assert.match(erased.text, /Wethouder/);
  assert.match(erased.text, /Algemeen bestuur/);
  pages.push(['erased-admin', erased.text]);
  // the old address no longer exists
  assert.equal((await anon.get(`/personen/${K.jan}`)).status, 404);

  const checks = ['/personen', `/samenwerkingsverbanden/${OL}`, '/organisaties/gm0321', '/wijzigingen',
    `/samenwerkingsverbanden/${OL}/geschiedenis`, '/organisaties/gm0321/geschiedenis', '/wijzigingen.atom',
    new URL(erased.location ?? r.location, srv.base).pathname];
  for (const sess of [anon, S.admin]) {
    for (const p of checks) {
      const x = await sess.get(p);
      assert.ok([200, 404].includes(x.status), `${p}: ${x.status}`);
      assert.doesNotMatch(x.text, /Testpersoon/, `${p} (${sess === anon ? 'anonymous' : 'signed in'}) still shows the name`);
      assert.doesNotMatch(x.text, /jan@example\.org/, p);
    }
  }
  const c = await anon.get(`/samenwerkingsverbanden/${OL}`);
  assert.match(c.text, /Onbekende persoon/, 'the seat remains as "onbekende persoon"');
  const o = await S.admin.get('/organisaties/gm0321');
  assert.match(o.text, /Onbekende persoon/);
  // the export of the erased person holds no personal data
  const ex = await S.admin.get(new URL(r.location, srv.base).pathname + '/export');
  assert.equal(ex.status, 200);
  assert.doesNotMatch(ex.text, /Testpersoon|jan@example|030-1234567/);
  // erasing again or editing is refused
  const again = await S.admin.post(new URL(r.location, srv.base).pathname + '/wissen', { bevestigen: 'ja' });
  assert.equal(again.status, 409);
});

test('every new page passes the Nu HTML Checker', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu-privacy'), pages);
});
