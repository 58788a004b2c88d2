// subsidiekansen.test.mjs — the funding-call pages in a real browser: the
// public list filtered by theme with the keyboard alone (the filter is a
// GET form that works without JavaScript), a partner editor marks interest,
// province staff see who is interested; axe-core (WCAG 2.0/2.1 A and AA)
// reports no violations on the list, the call page (anonymous, partner,
// staff) and the form; screenshots at 1280 and 390 px in
// build/screenshots/subsidiekansen-*.png. Every call is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';
import { addToken } from '../http/harness.mjs';

const T = { timeout: 120_000 };
let env;
const F = {};
const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function shots(page, name) {
  await screenshot(page, `subsidiekansen-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `subsidiekansen-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const orgs = await env.srv.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  F.ORG = orgs.organisaties.find((o) => o.inProvincie === true).code;
  const doms = await env.srv.getJson('/api/v1/beleidsdomeinen');
  const list = doms.beleidsdomeinen;
  [F.D1, F.D2] = [list[0], list[1]];
  addUser(env.srv.db, 'bs-red', 'redacteur', { org: F.ORG });
  addUser(env.srv.db, 'bs-staf', 'programmateam', { display: 'Stafmedewerker Browserdorp' });
  const token = addToken(env.srv.db, 'bs-staf', 'browser');
  const api = async (body) => {
    const r = await fetch(env.base + '/api/v1/kennis/subsidiekansen', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    assert.equal(r.status, 201, text);
    return JSON.parse(text).id;
  };
  const base = { link: 'https://voorbeeld.invalid/oproep', wieKanAanvragen: 'Gemeenten en waterschappen', omschrijving: 'Een verzonnen oproep voor de browsertest.' };
  F.A = await api({ ...base, programma: 'interreg', titel: 'Fictieve oproep Grensloos Groen', deadline: day(25), themas: [F.D1.code], budgetCenten: 250000000, cofinanciering: 40 });
  await api({ ...base, programma: 'spuk', titel: 'Fictieve uitkering Stille Straten', deadline: day(60), themas: [F.D2.code], budgetCenten: 1500000000 });
  await api({ ...base, programma: 'life', titel: 'Fictieve oproep Later Land', opent: day(30), deadline: day(120), themas: [F.D1.code, F.D2.code] });
  await api({ ...base, programma: 'regio-deal', titel: 'Fictieve gesloten Regio Deal Oud', opent: day(-120), deadline: day(-30), themas: [F.D2.code], statusNotitie: 'Gesloten; opgenomen voor het overzicht.' });
});

after(async () => env && (await env.stop()));

test('keyboard only: filter the list by theme; axe clean on list and call page', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/kennis/subsidiekansen');
  await assertAxe(page, '/kennis/subsidiekansen');
  await shots(page, 'lijst');
  await tabUntil(page, (f) => f.id === 'f-thema', { max: 120, what: 'the theme filter' });
  // choose the second theme with the arrow keys, then submit with the button
  const target = F.D2.naam || F.D2.name;
  for (let i = 0; i < 200; i++) {
    const v = await page.$eval('select[name="thema"]', (s) => s.options[s.selectedIndex].text);
    if (v.startsWith(target)) break;
    await page.keyboard.press('ArrowDown');
  }
  await tabUntil(page, (f) => f.tag === 'button' && /Filteren/.test(f.text), { what: 'Filteren' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), new RegExp(`thema=${F.D2.code}`));
  const body = await page.textContent('main');
  assert.ok(body.includes('Fictieve uitkering Stille Straten'));
  assert.ok(!body.includes('Fictieve oproep Grensloos Groen'), 'other themes filtered out');
  await assertAxe(page, '/kennis/subsidiekansen?thema=');
  await visit(env, page, `/kennis/subsidiekansen/${F.A}`);
  await assertAxe(page, 'call page (anonymous)');
  await shots(page, 'oproep');
});

test('a partner editor marks interest with the keyboard; staff see it; axe clean', T, async () => {
  const page = await signedInPage(env, 'bs-red');
  await visit(env, page, `/kennis/subsidiekansen/${F.A}`);
  await assertAxe(page, 'call page (partner)');
  await tabUntil(page, (f) => f.id === 'f-toelichting', { max: 120, what: 'the note' });
  await page.keyboard.type('Fictief project Groene Wadi (browsertest)');
  // the reminder checkbox comes next, on by default
  await tabUntil(page, (f) => f.id === 'f-herinnering', { what: 'Herinnering sturen voor de deadline' });
  assert.equal(await page.isChecked('#f-herinnering'), true);
  await tabUntil(page, (f) => f.tag === 'button' && /Interesse melden/.test(f.text), { what: 'Interesse melden' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /melding=interesse/);
  assert.match(await page.textContent('main'), /U krijgt een herinnering per e-mail/);
  assert.equal((await focused(page)).tag !== undefined, true);
  await assertAxe(page, 'call page after marking interest');
  const staff = await signedInPage(env, 'bs-staf');
  await visit(env, staff, `/kennis/subsidiekansen/${F.A}`);
  assert.ok((await staff.textContent('main')).includes('Fictief project Groene Wadi (browsertest)'));
  assert.match(await staff.textContent('main'), /nog geen herinneringen voor de deadline/);
  await assertAxe(staff, 'call page (staff, with the interested organisations)');
  await shots(staff, 'oproep-staf');
  await visit(env, staff, '/kennis/subsidiekansen/nieuw');
  await assertAxe(staff, 'the new call form');
});
