// indicatoren_dashboard.test.mjs — the gemeente dashboard in a real browser:
// axe-core (WCAG 2.0/2.1 A and AA) reports no violations on
// /organisaties/{code}/kennis (with sparklines, a missing value and a
// warning), the page has no horizontal overflow at 390 px; screenshots in
// build/screenshots/indicatoren-dashboard-*.png. Fictional indicators and
// values (tests/fixtures/indicatoren plus fictional values for Houten).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEnv, visit, screenshot, axe, formatViolations, assertNoPageErrors, ROOT } from './harness.mjs';
import { atlas } from '../http/harness.mjs';

const T = { timeout: 120_000 };
let env, dir;

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

before(async () => {
  env = await startEnv();
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-dash-b-'));
  const files = ['gebieden.csv', 'indicatoren.csv', 'waarden.csv'].map((f) => path.join(ROOT, 'tests', 'fixtures', 'indicatoren', f));
  const w = (name, text) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  files.push(w('houten-gebied.csv', 'code,naam,niveau,provincie\nGM0321,Houten,gemeente,PV26\n'));
  files.push(w('houten.csv', 'indicator,gebied,periode,waarde,bron\ntest_fietspaden,GM0321,2023,10,Testbureau 2023\ntest_fietspaden,GM0321,2024,20,Testbureau 2024\ntest_wachttijd,GM0321,2024,,Testbureau 2024\n'));
  for (const f of files) {
    const r = atlas(['import', 'indicatoren', f, '--db', env.srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(async () => {
  if (env) await env.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the gemeente dashboard: axe clean at 1280 and 390 px, no overflow', T, async () => {
  const page = await env.newPage();
  const p = '/organisaties/gm0321/kennis?klasse=eigen&vergelijk=gm9901,gm9903';
  await visit(env, page, p);
  await assertAxe(page, p);
  await screenshot(page, 'indicatoren-dashboard-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(env, page, p);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${p}: scroll width ${width} at 390 px`);
  await assertAxe(page, `${p} at 390 px`);
  await screenshot(page, 'indicatoren-dashboard-390');
  await page.close();
});
