// org-glance-print — the organisation at a glance on paper and on a phone:
// /organisaties/gm0321 and its overview /organisaties/gm0321/overzicht print
// on ONE A4 (page.pdf) with the glance table and without the details, the
// navigation or the time-travel form; at 390 px the glance table stacks into
// labelled lines without horizontal overflow. PDFs and screenshots go to
// build/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEnv, visit, screenshot, SHOT_DIR } from './harness.mjs';

let env;
let page;
const T = { timeout: 60_000 };

before(async () => {
  env = await startEnv();
  page = await env.newPage();
}, T);

after(async () => {
  if (env) await env.stop();
});

const visibleCount = (sel) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length > 0).length, sel);

function pdfPages(buf, name) {
  writeFileSync(path.join(SHOT_DIR, `${name}.pdf`), buf);
  assert.equal(buf.subarray(0, 5).toString('latin1'), '%PDF-');
  return (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

for (const p of ['/organisaties/gm0321', '/organisaties/gm0321/overzicht']) {
  test(`${p} prints on one A4 with the glance table only`, T, async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await visit(env, page, p);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await visibleCount('.atlas-glance__main table'), 1, 'the glance table prints');
    assert.equal(await visibleCount('.atlas-glance-more'), 0, 'the details do not print');
    assert.equal(await visibleCount('.atlas-timetravel-form'), 0, 'no form on paper');
    assert.equal(await visibleCount('.atlas-nav'), 0, 'no navigation on paper');
    const name = p === '/organisaties/gm0321' ? 'houten-print' : 'houten-overzicht-print';
    await screenshot(page, name);
    const pages = pdfPages(await page.pdf({ format: 'A4', printBackground: true }), name);
    assert.equal(pages, 1, `${p} prints on one A4 (${pages} pages)`);
    await page.emulateMedia({ media: 'screen' });
  });
}

test('at 390 px the glance table stacks into labelled lines without overflow', T, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(env, page, '/organisaties/gm0321');
  const r = await page.evaluate(() => {
    const sec = document.querySelector('.atlas-glance');
    const W = document.documentElement.clientWidth;
    const wide = [...sec.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > W + 1).map((e) => e.tagName);
    const td = sec.querySelector('.atlas-glance__main td[data-label]');
    return { wide, label: getComputedStyle(td, '::before').content, display: getComputedStyle(td).display };
  });
  assert.deepEqual(r.wide, [], 'nothing in the glance section is wider than the screen');
  // a stacked cell is a block box (the shared stacked-table rules make it a
  // flow-root, so floated labels stay inside it)
  assert.match(r.display, /^(block|flow-root)$/);
  assert.match(r.label, /Zetels namens Houten/);
  await screenshot(page, 'houten-390');
  await page.setViewportSize({ width: 1280, height: 900 });
});
