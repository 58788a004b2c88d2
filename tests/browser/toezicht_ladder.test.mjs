// toezicht_ladder.test.mjs — the intervention ladder and the dialogue log
// in a real browser: keyboard only, a supervisor sets step 1 on the form
// (a plain POST form, no JavaScript) and lands on the step; axe-core (WCAG
// 2.0/2.1 A and AA) reports no violations at 1280 and 390 px on the
// organisation's toezicht page (supervisor, own editor, public), a step
// with its agreements and forms, the step form with an error, the
// agreement form and the dialogue form. Screenshots in
// build/screenshots/toezicht-ladder-*.png. Every record is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';
import { addToken } from '../http/harness.mjs';

const T = { timeout: 300_000 };
let env;
const F = {};

async function assertAxe(page, label) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    const v = await axe(page);
    assert.equal(v.length, 0, formatViolations(`${label} at ${width} px`, v));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assertNoPageErrors(page, label);
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const gm = (await env.srv.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100')).organisaties.filter((o) => o.inProvincie === true);
  [F.P, F.Q, F.R] = gm;
  addUser(env.srv.db, 'bl-toezicht', 'toezichthouder', { display: 'Toezichthouder Ladderbrowser' });
  addUser(env.srv.db, 'bl-red', 'redacteur', { org: F.P.code, display: 'Redacteur Ladderbrowser' });
  const token = addToken(env.srv.db, 'bl-toezicht', 'browser');
  const call = async (p, body) => {
    const r = await fetch(env.base + p, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    assert.ok(r.status === 201 || r.status === 200, text);
    return JSON.parse(text).id;
  };
  F.S3 = await call('/api/v1/toezicht/ladder', { organisatie: F.P.code, domein: 'omgevingsrecht', trede: 3, sinds: '2025-03-01', reden: 'Fictieve reden (browsertest).' });
  F.A = await call(`/api/v1/toezicht/ladder/${F.S3}/afspraken`, { actie: 'Fictieve actie (browsertest).', eigenaar: 'Fictief college', termijn: '2025-09-01' });
  F.S4 = await call('/api/v1/toezicht/ladder', { organisatie: F.P.code, domein: 'omgevingsrecht', trede: 4, sinds: '2025-06-01', reden: 'Fictief besluit (browsertest).' });
  await call('/api/v1/toezicht/ladder', { organisatie: F.P.code, domein: 'financieel-toezicht', spoor: 'kroon', sinds: '2025-05-01', onderwerp: 'Fictief raadsbesluit (browsertest)' });
  await call('/api/v1/toezicht/dialoog', { organisatie: F.P.code, soort: 'peer-review', datum: '2025-05-20', onderwerp: 'Fictieve visitatie (browsertest)', beoordelaars: [F.Q.code, F.R.code], rapport: 'https://voorbeeld.invalid/visitatie.pdf', zichtbaarheid: 'gedeeld' });
});

after(async () => env && (await env.stop()));

test('keyboard only: a supervisor sets step 1 on the form and lands on the step; axe clean', T, async () => {
  const sup = await signedInPage(env, 'bl-toezicht');
  await visit(env, sup, `/organisaties/${F.Q.code}/toezicht`);
  await assertAxe(sup, 'the toezicht page (supervisor, no steps)');
  await tabUntil(sup, (f) => f.tag === 'a' && /Trede of voordracht vastleggen/.test(f.text), { max: 200, what: 'the step form link' });
  await pressAndWait(sup, 'Enter');
  assert.match(sup.url(), /\/toezicht\/ladder$/);
  await assertAxe(sup, 'the step form');
  await tabUntil(sup, (f) => f.id === 'f-domein', { max: 120, what: 'the domain' });
  for (let i = 0; i < 6; i++) {
    if ((await sup.$eval('select[name="domein"]', (s) => s.options[s.selectedIndex].text)) === 'Informatiebeheer') break;
    await sup.keyboard.press('ArrowDown');
  }
  await tabUntil(sup, (f) => f.id === 'f-trede', { what: 'the step' });
  await sup.keyboard.press('ArrowDown');
  await sup.keyboard.press('ArrowDown');
  await sup.keyboard.press('ArrowDown'); /* step 3, without a reason: refused */
  await tabUntil(sup, (f) => f.tag === 'button' && /Vastleggen/.test(f.text), { what: 'Vastleggen' });
  await pressAndWait(sup, 'Enter');
  assert.ok((await sup.textContent('main')).includes('slaat een trede over'));
  await assertAxe(sup, 'the step form with an error');
  await tabUntil(sup, (f) => f.id === 'f-trede', { max: 120, what: 'the step' });
  await sup.keyboard.press('ArrowUp');
  await sup.keyboard.press('ArrowUp'); /* step 1 */
  await tabUntil(sup, (f) => f.tag === 'button' && /Vastleggen/.test(f.text), { what: 'Vastleggen' });
  await pressAndWait(sup, 'Enter');
  assert.match(sup.url(), /\/toezicht\/ladder\/\d+\?melding=opgeslagen/);
  assert.ok((await sup.textContent('main')).includes('Signalering'));
  await assertAxe(sup, 'a new step 1');
  await screenshot(sup, 'toezicht-ladder-trede-1280');
});

test('the supervisor\'s toezicht page, a step with agreements, the agreement and dialogue forms: axe clean', T, async () => {
  const sup = await signedInPage(env, 'bl-toezicht');
  await visit(env, sup, `/organisaties/${F.P.code}/toezicht`);
  assert.ok((await sup.textContent('main')).includes('Fictieve visitatie (browsertest)'));
  await assertAxe(sup, 'the toezicht page (supervisor)');
  await screenshot(sup, 'toezicht-ladder-organisatie-1280');
  await visit(env, sup, `/toezicht/ladder/${F.S3}`);
  await assertAxe(sup, 'a step with agreements (supervisor)');
  await visit(env, sup, `/toezicht/afspraken/${F.A}`);
  await assertAxe(sup, 'the agreement form');
  await visit(env, sup, `/organisaties/${F.P.code}/toezicht/dialoog`);
  await assertAxe(sup, 'the dialogue form');
  await visit(env, sup, '/toezicht');
  await assertAxe(sup, '/toezicht with the open interventions');
});

test('the own editor and the public: what they see of the ladder and the dialogue; axe clean', T, async () => {
  const red = await signedInPage(env, 'bl-red');
  await visit(env, red, `/toezicht/ladder/${F.S3}`);
  assert.ok((await red.textContent('main')).includes('Fictieve actie (browsertest).'));
  await assertAxe(red, 'a step with agreements (own editor)');
  await visit(env, red, `/organisaties/${F.P.code}/toezicht`);
  await assertAxe(red, 'the toezicht page (own editor)');
  const anon = await env.newPage();
  await visit(env, anon, `/organisaties/${F.P.code}/toezicht`);
  const main = await anon.textContent('main');
  assert.ok(main.includes('Besluit tot indeplaatsstelling') && !main.includes('Fictieve visitatie'));
  await assertAxe(anon, 'the toezicht page (public)');
  await visit(env, anon, `/toezicht/ladder/${F.S4}`);
  await assertAxe(anon, 'a public step');
  await screenshot(anon, 'toezicht-ladder-openbaar-1280');
});
