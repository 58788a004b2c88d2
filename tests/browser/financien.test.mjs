// financien.test.mjs — the financial comparison in a real browser: axe-core
// (WCAG 2.0/2.1 A and AA) reports no violations on /financien and
// /financien/{code} (the largest deviations, the hoofdstuk and taakveld
// tables with a missing value and the 2023 warning) at 1280 and 390 px, and
// the page does not scroll sideways at 390 px. Screenshots in
// build/screenshots/financien-*.png. Fictional data (tests/fixtures/financien).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEnv, visit, screenshot, axe, formatViolations, assertNoPageErrors, ROOT } from './harness.mjs';
import { atlas } from '../http/harness.mjs';

const T = { timeout: 120_000 };
let env;

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

before(async () => {
  env = await startEnv();
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) {
    const r = atlas(['import', 'indicatoren', path.join(ROOT, 'tests', 'fixtures', 'financien', f), '--db', env.srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(async () => {
  if (env) await env.stop();
});

test('the financial comparison: axe clean at 1280 and 390 px, no sideways scrolling', T, async () => {
  const page = await env.newPage();
  for (const p of ['/financien', '/financien?taakveld=6.1&maat=saldo', '/financien/gm9901']) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(env, page, p);
    await assertAxe(page, p);
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(env, page, p);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${p}: scroll width ${width} at 390 px`);
    await assertAxe(page, `${p} at 390 px`);
  }
  await screenshot(page, 'financien-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(env, page, '/financien/gm9901');
  await screenshot(page, 'financien-1280');
  await page.close();
});
