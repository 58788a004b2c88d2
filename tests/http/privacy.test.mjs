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
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, ATLAS, ROOT, decodeEntities } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

const PW = 'een-lang-testwachtwoord-2';
const OL = 'veiligheidsregio-utrecht';
const NET = 'u16';
let srv;
const S = {};
const K = {};
const pages = [];

function addUser(name, rol, org) {
  const args = ['user', 'add', name, '--rol', rol, '--wachtwoord-stdin', '--db', srv.db];
  if (org) args.push('--organisatie', org);
  const r = spawnSync(ATLAS, args, { cwd: ROOT, input: PW + '\n', encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `atlas user add ${name}: ${r.stderr}`);
}

async function login(name) {
  let r = await fetch(srv.base + '/inloggen', { redirect: 'manual' });
  const html = await r.text();
  const pre = (r.headers.getSetCookie() || []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)[1];
  r = await fetch(srv.base + '/inloggen', {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ gebruikersnaam: name, wachtwoord: PW, csrf, terug: '/' }),
  });
  assert.equal(r.status, 303, `login ${name}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_sessie='));
  const t = await (await fetch(srv.base + '/', { headers: { cookie } })).text();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(t)[1] };
}

async function get(sess, p) {
  const r = await fetch(srv.base + p, { redirect: 'manual', headers: sess ? { cookie: sess.cookie } : {} });
  return { status: r.status, location: r.headers.get('location'), text: await r.text(), headers: r.headers };
}

async function post(sess, p, fields, { csrf } = {}) {
  const body = new URLSearchParams();
  body.append('csrf', csrf ?? sess.csrf);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const r = await fetch(srv.base + p, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: sess.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const CONTACT = /jan@example\.org|els@example\.org|030-1234567|06-7654321/;

before(async () => {
  srv = await startServer();
  addUser('pv-staf', 'programmateam');
  addUser('pv-admin', 'beheerder');
  addUser('pv-toezicht', 'toezichthouder');
  S.staf = await login('pv-staf');
  S.admin = await login('pv-admin');
  S.toezicht = await login('pv-toezicht');
  // fixture through the forms
  let r = await post(S.staf, '/personen/nieuw', { naam: 'Jan Testpersoon', partij: 'Testpartij', email: 'jan@example.org', telefoon: '030-1234567', opmerking: 'Interne opmerking' });
  assert.equal(r.status, 303);
  K.jan = /^\/personen\/([^?]+)/.exec(r.location)[1];
  r = await post(S.staf, '/personen/nieuw', { naam: 'Els Voorbeeld', partij: '', email: 'els@example.org', telefoon: '06-7654321', opmerking: '' });
  assert.equal(r.status, 303);
  K.els = /^\/personen\/([^?]+)/.exec(r.location)[1];
  const ok = (x) => assert.equal(x.status, 303, x.text.slice(0, 400));
  ok(await post(S.staf, `/personen/${K.jan}/functies/nieuw`, { organisatie: 'gm0321', functie: 'wethouder', portefeuille: 'Financiën', van: '2022-06-01', tot: '' }));
  ok(await post(S.staf, `/personen/${K.els}/functies/nieuw`, { organisatie: 'gm0356', functie: 'ambtenaar', portefeuille: '', van: '2021-01-01', tot: '' }));
  ok(await post(S.staf, `/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: OL, namens: 'gm0321', orgaan: 'algemeen-bestuur', van: '2022-07-01', tot: '' }));
  ok(await post(S.staf, `/personen/${K.els}/zetels/nieuw`, { samenwerkingsverband: NET, namens: 'gm0356', orgaan: 'portefeuillehoudersoverleg', van: '2022-01-01', tot: '' }));
});

after(async () => {
  await srv?.stop();
});

test('anonymous visitors never see the official nor anyone\'s contact details', async () => {
  const list = await get(null, '/personen');
  assert.equal(list.status, 200);
  assert.match(list.text, /Jan Testpersoon/);
  assert.doesNotMatch(list.text, /Els Voorbeeld/);
  assert.doesNotMatch(list.text, CONTACT);
  pages.push(['list-anon', list.text]);
  assert.equal((await get(null, `/personen/${K.els}`)).status, 404);
  const jan = await get(null, `/personen/${K.jan}`);
  assert.equal(jan.status, 200);
  assert.doesNotMatch(jan.text, CONTACT);
  assert.doesNotMatch(jan.text, /Interne opmerking/);
  assert.doesNotMatch(jan.text, /E-mailadres/);
  for (const p of ['/organisaties/gm0356', '/organisaties/gm0321', `/samenwerkingsverbanden/${NET}`, `/samenwerkingsverbanden/${OL}`]) {
    const r = await get(null, p);
    assert.equal(r.status, 200, p);
    assert.doesNotMatch(r.text, /Els Voorbeeld/, p);
    assert.doesNotMatch(r.text, CONTACT, p);
  }
  assert.match((await get(null, `/samenwerkingsverbanden/${OL}`)).text, /Jan Testpersoon/);
});

test('signed-in users see officials and contact details', async () => {
  const list = await get(S.toezicht, '/personen');
  assert.match(list.text, /Els Voorbeeld/);
  assert.doesNotMatch(list.text, /href="\/personen\/nieuw"/, 'a supervisor cannot add people');
  pages.push(['list-signed-in', list.text]);
  const els = await get(S.toezicht, `/personen/${K.els}`);
  assert.equal(els.status, 200);
  assert.match(els.text, /els@example\.org/);
  assert.match(els.text, /Ambtenaar/);
  pages.push(['els-signed-in', els.text]);
  const jan = await get(S.toezicht, `/personen/${K.jan}`);
  assert.match(jan.text, /jan@example\.org/);
  assert.match(jan.text, /030-1234567/);
  const org = await get(S.toezicht, '/organisaties/gm0356');
  assert.match(org.text, /Els Voorbeeld/);
  const net = await get(S.toezicht, `/samenwerkingsverbanden/${NET}`);
  assert.match(net.text, /Els Voorbeeld/);
});

test('export: JSON with everything stored, administrators only', async () => {
  for (const s of [S.staf, S.toezicht]) assert.equal((await get(s, `/personen/${K.jan}/export`)).status, 403);
  const anon = await get(null, `/personen/${K.jan}/export`);
  assert.equal(anon.status, 303);
  const r = await get(S.admin, `/personen/${K.jan}/export`);
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
  assert.equal((await get(S.staf, `/personen/${K.jan}/wissen`)).status, 403);
  const conf = await get(S.admin, `/personen/${K.jan}/wissen`);
  assert.equal(conf.status, 200);
  assert.match(conf.text, /name="bevestigen"/);
  pages.push(['erase-confirm', conf.text]);
  // without the checkbox: nothing happens
  let r = await post(S.admin, `/personen/${K.jan}/wissen`, {});
  assert.equal(r.status, 400);
  pages.push(['erase-400', r.text]);
  // without the CSRF token: nothing happens
  r = await post(S.admin, `/personen/${K.jan}/wissen`, { bevestigen: 'ja' }, { csrf: 'fout' });
  assert.equal(r.status, 403);
  // staff may not
  r = await post(S.staf, `/personen/${K.jan}/wissen`, { bevestigen: 'ja' });
  assert.equal(r.status, 403);
  assert.match((await get(null, `/personen/${K.jan}`)).text, /Jan Testpersoon/);

  r = await post(S.admin, `/personen/${K.jan}/wissen`, { bevestigen: 'ja' });
  assert.equal(r.status, 303);
  assert.match(r.location, /melding=gewist/);
  const erased = await get(S.admin, r.location);
  assert.equal(erased.status, 200);
  assert.match(erased.text, /<h1[^>]*>Onbekende persoon<\/h1>/);
  assert.match(text(erased.text), /Gegevens gewist \(AVG\)/, 'the audit shows the erasure');
  assert.doesNotMatch(erased.text, /Testpersoon|jan@example|030-1234567|Interne opmerking|Testpartij/);
  // seats and offices remain
  assert.match(erased.text, /Wethouder/);
  assert.match(erased.text, /Algemeen bestuur/);
  pages.push(['erased-admin', erased.text]);
  // the old address no longer exists
  assert.equal((await get(null, `/personen/${K.jan}`)).status, 404);

  const checks = ['/personen', `/samenwerkingsverbanden/${OL}`, '/organisaties/gm0321', '/wijzigingen',
    `/samenwerkingsverbanden/${OL}/geschiedenis`, '/organisaties/gm0321/geschiedenis', '/wijzigingen.atom',
    new URL(erased.location ?? r.location, srv.base).pathname];
  for (const sess of [null, S.admin]) {
    for (const p of checks) {
      const x = await get(sess, p);
      assert.ok([200, 404].includes(x.status), `${p}: ${x.status}`);
      assert.doesNotMatch(x.text, /Testpersoon/, `${p} (${sess ? 'signed in' : 'anonymous'}) still shows the name`);
      assert.doesNotMatch(x.text, /jan@example\.org/, p);
    }
  }
  const c = await get(null, `/samenwerkingsverbanden/${OL}`);
  assert.match(c.text, /Onbekende persoon/, 'the seat remains as "onbekende persoon"');
  const o = await get(S.admin, '/organisaties/gm0321');
  assert.match(o.text, /Onbekende persoon/);
  // the export of the erased person holds no personal data
  const ex = await get(S.admin, new URL(r.location, srv.base).pathname + '/export');
  assert.equal(ex.status, 200);
  assert.doesNotMatch(ex.text, /Testpersoon|jan@example|030-1234567/);
  // erasing again or editing is refused
  const again = await post(S.admin, new URL(r.location, srv.base).pathname + '/wissen', { bevestigen: 'ja' });
  assert.equal(again.status, 409);
});

test('every new page passes the Nu HTML Checker', async () => {
  const dir = path.join(srv.dir, 'vnu-privacy');
  mkdirSync(dir, { recursive: true });
  const files = pages.map(([name, html]) => {
    const f = path.join(dir, `${name}.html`);
    writeFileSync(f, html);
    return f;
  });
  const msgs = vnuValidate(files);
  assert.deepEqual(msgs.map((m) => `${path.basename(m.file)}:${m.line}: ${m.message}`), []);
});
