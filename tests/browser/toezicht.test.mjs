// toezicht.test.mjs — the IBT pages in a real browser: keyboard only,
// choose a domain and a year (a GET form, no JavaScript), open a gemeente
// from the table and see its history over the years; axe-core (WCAG
// 2.0/2.1 A and AA) reports no violations at 1280 and 390 px on the public
// view, the organisation's history, an assessment in dialogue (as the
// organisation's editor, with the response form), the supervisors' form
// and the administrators' configuration; the map and the table give the
// same labels. Screenshots in build/screenshots/toezicht-*.png. Every
// assessment is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';
import { addToken } from '../http/harness.mjs';

const T = { timeout: 180_000 };
let env;
const F = {};
const YEAR = new Date().getUTCFullYear();

async function assertAxe(page, label) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    const v = await axe(page);
    assert.equal(v.length, 0, formatViolations(`${label} at ${width} px`, v));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assertNoPageErrors(page, label);
}

async function shots(page, name) {
  await screenshot(page, `toezicht-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `toezicht-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const gm = (await env.srv.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100')).organisaties.filter((o) => o.inProvincie === true);
  F.gm = gm;
  F.Q = gm[3];
  F.W = (await env.srv.getJson('/api/v1/organisaties?soort=waterschap&paginaGrootte=100')).organisaties[0];
  addUser(env.srv.db, 'bt-toezicht', 'toezichthouder', { display: 'Toezichthouder Browserdorp' });
  addUser(env.srv.db, 'bt-beheer', 'beheerder', { display: 'Beheerder Browserdorp' });
  addUser(env.srv.db, 'bt-red', 'redacteur', { org: F.Q.code, display: 'Redacteur Browserdorp' });
  const token = addToken(env.srv.db, 'bt-toezicht', 'browser');
  const call = async (p, body) => {
    const r = await fetch(env.base + p, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    assert.ok(r.status === 201 || r.status === 200, text);
    return JSON.parse(text).id;
  };
  const assess = async (org, domein, jaar, niveau, final = true) => {
    const id = await call('/api/v1/toezicht/beoordelingen', { organisatie: org, domein, jaar, niveau, eigenOordeel: 1, motivering: 'Fictieve motivering (browsertest).', bronnen: ['https://voorbeeld.invalid/rapport'] });
    await call(`/api/v1/toezicht/beoordelingen/${id}/status`, { status: 'dialoog' });
    if (final) await call(`/api/v1/toezicht/beoordelingen/${id}/status`, { status: 'vastgesteld' });
    return id;
  };
  // a fictional year of omgevingsrecht for every gemeente, two years back, and history for F.Q
  for (const [i, g] of gm.entries()) await assess(g.code, 'omgevingsrecht', YEAR - 2, 1 + (i % 3));
  for (const y of [YEAR - 3, YEAR - 4]) await assess(F.Q.code, 'omgevingsrecht', y, 1 + (y % 3));
  await assess(F.W.code, 'financieel-toezicht', YEAR - 1, 2);
  F.DIALOGUE = await assess(F.Q.code, 'informatiebeheer', YEAR - 1, 2, false);
});

after(async () => env && (await env.stop()));

test('keyboard only: choose domain and year, open a gemeente, see its history; axe clean', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/toezicht');
  await assertAxe(page, '/toezicht');
  await tabUntil(page, (f) => f.id === 'f-domein', { max: 120, what: 'the domain choice' });
  for (let i = 0; i < 10; i++) {
    const v = await page.$eval('select[name="domein"]', (s) => s.options[s.selectedIndex].text);
    if (v === 'Omgevingsrecht') break;
    await page.keyboard.press('ArrowDown');
  }
  await tabUntil(page, (f) => f.id === 'f-jaar', { what: 'the year choice' });
  for (let i = 0; i < 20; i++) {
    const v = await page.$eval('select[name="jaar"]', (s) => s.options[s.selectedIndex].text);
    if (v === String(YEAR - 2)) break;
    await page.keyboard.press('ArrowDown');
  }
  await tabUntil(page, (f) => f.tag === 'button' && /Tonen/.test(f.text), { what: 'Tonen' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), new RegExp(`domein=omgevingsrecht&jaar=${YEAR - 2}`));
  assert.ok((await page.textContent('main')).includes(`Omgevingsrecht in ${YEAR - 2}`));
  // the map and the table give the same label for every gemeente
  const map = await page.$$eval('#tz-svg a', (as) => as.map((a) => a.getAttribute('aria-label')));
  const rows = await page.$$eval('main table tbody tr', (trs) => trs.map((tr) => `${tr.querySelector('th').textContent.trim()}: ${tr.querySelector('td').textContent.trim()}`));
  for (const label of map) assert.ok(rows.includes(label), `map "${label}" not in the table`);
  assert.ok(map.length >= F.gm.length - 1, 'every gemeente with a shape is on the map');
  await assertAxe(page, '/toezicht?domein=omgevingsrecht');
  await shots(page, 'kaart');
  // open the gemeente from the table with the keyboard
  await tabUntil(page, (f) => f.tag === 'a' && f.text === F.Q.naam && /\/toezicht$/.test(f.href) && !f.label, { max: 200, what: `the table link of ${F.Q.naam}` });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), new RegExp(`/organisaties/${F.Q.code}/toezicht$`));
  const main = await page.textContent('main');
  for (const y of [YEAR - 2, YEAR - 3, YEAR - 4]) assert.ok(main.includes(String(y)), `history has ${y}`);
  assert.ok(!main.includes('In dialoog'), 'the public sees no dialogue');
  await assertAxe(page, 'the history of a gemeente');
  await shots(page, 'organisatie');
});

test('the organisation\'s editor sees the dialogue and can respond; supervisor and admin forms; axe clean', T, async () => {
  const red = await signedInPage(env, 'bt-red');
  await visit(env, red, `/organisaties/${F.Q.code}/toezicht`);
  assert.ok((await red.textContent('main')).includes('In dialoog'));
  await visit(env, red, `/toezicht/beoordelingen/${F.DIALOGUE}`);
  await assertAxe(red, 'an assessment in dialogue (editor)');
  await tabUntil(red, (f) => f.id === 'f-tekst', { max: 120, what: 'the response' });
  await red.keyboard.type('Een fictieve reactie uit de browsertest.');
  await tabUntil(red, (f) => f.tag === 'button' && /Reactie versturen/.test(f.text), { what: 'Reactie versturen' });
  await pressAndWait(red, 'Enter');
  assert.match(red.url(), /melding=reactie/);
  assert.ok((await red.textContent('main')).includes('Een fictieve reactie uit de browsertest.'));
  await assertAxe(red, 'after responding');
  await shots(red, 'dialoog');
  const sup = await signedInPage(env, 'bt-toezicht');
  await visit(env, sup, '/toezicht');
  await assertAxe(sup, '/toezicht with the work list');
  await visit(env, sup, '/toezicht/beoordelingen/nieuw');
  await assertAxe(sup, 'the new assessment form');
  const adm = await signedInPage(env, 'bt-beheer');
  await visit(env, adm, '/beheer/toezicht');
  await assertAxe(adm, '/beheer/toezicht');
  await visit(env, adm, '/beheer/toezicht/domeinen/financieel-toezicht');
  await assertAxe(adm, 'a domain and its labels');
  await shots(adm, 'beheer-domein');
});
