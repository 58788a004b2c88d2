// info-pages — the contact, privacy, colofon, accessibility and sources
// pages and a filter form with counts, in chromium at 1280 and 390 px:
// axe-core (WCAG 2.1 A/AA) finds nothing, and no page is wider than the
// window (wide content scrolls in its own container).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, axe, formatViolations, screenshot, assertNoPageErrors } from './harness.mjs';

const T = { timeout: 60_000 };
const PAGES = ['/contact', '/privacy', '/colofon', '/toegankelijkheid', '/over', '/samenwerkingsverbanden?soort=wgr'];

let env;
before(async () => {
  env = await startEnv();
}, T);

after(async () => {
  if (env) await env.stop();
});

for (const width of [1280, 390]) {
  for (const p of PAGES) {
    test(`${p} at ${width} px: no axe violations, no horizontal overflow`, T, async () => {
      const page = await env.newPage({ viewport: { width, height: 900 } });
      await visit(env, page, p);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= width, `${p} is ${sw} px wide at ${width} px`);
      await screenshot(page, `info-${p.replace(/[^a-z0-9]+/gi, '_')}-${width}`);
      const violations = await axe(page);
      assert.equal(violations.length, 0, formatViolations(p, violations));
      assertNoPageErrors(page, p);
      await page.context().close();
    });
  }
}

test('the sources table behind "Nog … bronnen" opens without JavaScript', T, async () => {
  const page = await env.newPage({ javaScriptEnabled: false });
  await visit(env, page, '/over');
  const summary = page.locator('details.atlas-details summary');
  assert.match(await summary.innerText(), /^Nog \d+ bronnen bij afzonderlijke gegevens$/);
  assert.equal(await page.locator('details.atlas-details table').isVisible(), false);
  await summary.click();
  assert.equal(await page.locator('details.atlas-details table').isVisible(), true);
  await page.context().close();
});
