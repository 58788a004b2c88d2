// map-regions — the regio-indeling on /kaart in a real browser: every text
// in the map SVG renders at 12 px or more and nothing overflows the window,
// at 1280 px and at 390 px (the SVG scales with its box, so the text sizes
// are chosen per container width); the map works with the keyboard alone
// (Tab to a gemeente, Enter opens its areas in the side panel); axe finds
// no violations. Screenshots go to build/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, tabUntil, screenshot, assertNoAxeViolations } from './harness.mjs';

const T = { timeout: 90_000 };
let env;

before(async () => {
  env = await startEnv();
}, T);
after(async () => {
  if (env) await env.stop();
});

const views = [
  ['domein', '/kaart?beleidsdomein=werk-en-inkomen&waterschappen=ja'],
  ['verband', '/kaart?verband=metropoolregio-utrecht'],
  ['vergelijking', '/kaart?beleidsdomein=werk-en-inkomen&vergelijk=gezondheid'],
];

for (const width of [1280, 390]) {
  test(`regio-indeling at ${width} px: map text >= 12 px, no overflow`, T, async () => {
    const page = await env.newPage({ viewport: { width, height: 900 } });
    for (const [name, url] of views) {
      await visit(env, page, url);
      const m = await page.evaluate(() => {
        const svg = document.getElementById('kaart-svg');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        let min = Infinity;
        let shown = 0;
        for (const t of svg.querySelectorAll('text')) {
          if (getComputedStyle(t).display === 'none' || !t.getClientRects().length) continue;
          shown++;
          min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
        }
        const vw = document.documentElement.clientWidth;
        return { min, shown, scrollW: document.documentElement.scrollWidth, vw, svgRight: svg.getBoundingClientRect().right };
      });
      assert.ok(m.shown >= 26, `${name}: the gemeente names are shown (${m.shown} texts)`);
      assert.ok(m.min >= 12, `${name} at ${width}px: smallest map text ${m.min.toFixed(1)} px`);
      assert.ok(m.scrollW <= m.vw, `${name} at ${width}px: page ${m.scrollW} px wide in a ${m.vw} px window`);
      assert.ok(m.svgRight <= m.vw, `${name} at ${width}px: map inside the window`);
      await screenshot(page, `kaart-regio-${name}-${width}`);
    }
    await page.context().close();
  });
}

test('regio-indeling with the keyboard only: Tab to Houten, Enter shows its areas', T, async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await visit(env, page, '/kaart?beleidsdomein=werk-en-inkomen');
  await tabUntil(page, (f) => f.code === 'gm0321' || /Houten/.test(f.label || ''), { what: 'Houten on the map' });
  await page.keyboard.press('Enter');
  await page.waitForURL(/gemeente=gm0321/);
  const text = await page.locator('#paneel-gebieden').textContent();
  const api = await env.srv.getJson('/api/v1/kaart?beleidsdomein=werk-en-inkomen');
  const houten = api.features.find((f) => f.properties.code === 'gm0321').properties.gebieden;
  for (const id of houten) {
    const naam = api.gebieden.find((g) => g.id === id).properties.naam;
    assert.ok(text.includes(naam), `panel names ${naam}`);
  }
  assert.match(text, new RegExp(`Ligt in ${houten.length} getoond`));
  await assertNoAxeViolations(page, '/kaart regio-indeling, Houten chosen by keyboard');
  await page.context().close();
});

test('from the count view (with map.js) back to the regio-indeling through the form', T, async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await visit(env, page, '/kaart?weergave=aantal&beleidsdomein=werk-en-inkomen');
  await page.waitForFunction(() => {
    const k = document.getElementById('kaart');
    return k.classList.contains('atlas-map--js') && !k.hasAttribute('aria-busy');
  });
  assert.match(page.url(), /weergave=aantal/, 'map.js keeps the count view in the URL');
  await page.selectOption('#f-weergave', 'regio');
  await Promise.all([page.waitForURL(/weergave=regio/), page.click('#kaart-filter button[type="submit"]')]);
  assert.equal(await page.locator('#kaart').getAttribute('data-weergave'), 'regio');
  assert.ok((await page.locator('.atlas-map__region').count()) > 0, 'areas drawn');
  await page.context().close();
});
