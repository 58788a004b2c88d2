// indicatoren.test.mjs — the indicator pages in a real browser: axe-core
// (WCAG 2.0/2.1 A and AA) reports no violations on /kennis/indicatoren and
// on an indicator page (with a missing value and a warning), the keyboard
// reaches an indicator from the list and another period from its page,
// both pages work without horizontal overflow at 390 px; screenshots in
// build/screenshots/indicatoren-*.png. Fictional areas and indicators
// (tests/fixtures/indicatoren), imported with the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEnv, visit, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, ROOT } from './harness.mjs';
import { atlas } from '../http/harness.mjs';

const T = { timeout: 120_000 };
let env;

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) {
    const r = atlas(['import', 'indicatoren', path.join(ROOT, 'tests', 'fixtures', 'indicatoren', f), '--db', env.srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(async () => env && (await env.stop()));

test('the list and an indicator page: axe clean, keyboard path, no overflow at 390 px', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/kennis/indicatoren');
  await assertAxe(page, '/kennis/indicatoren');
  await screenshot(page, 'indicatoren-lijst-1280');
  await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Fietspaden (fictief)', { max: 80, what: 'the indicator link' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/kennis\/indicatoren\/test_fietspaden$/);
  await assertAxe(page, '/kennis/indicatoren/test_fietspaden');
  await screenshot(page, 'indicatoren-indicator-1280');
  await tabUntil(page, (f) => f.tag === 'a' && f.text === '2023', { max: 80, what: 'the period 2023' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /periode=2023$/);
  await visit(env, page, '/kennis/indicatoren/test_wachttijd');
  await assertAxe(page, '/kennis/indicatoren/test_wachttijd (warning)');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of ['/kennis/indicatoren', '/kennis/indicatoren/test_fietspaden?periode=2024']) {
    await visit(env, page, p);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 390, `${p}: scroll width ${w} at 390 px`);
    await assertAxe(page, `${p} at 390 px`);
  }
  await screenshot(page, 'indicatoren-indicator-390');
  await page.close();
});
