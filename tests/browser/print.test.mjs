// print.test.mjs — the print stylesheet: /kaart and /organisaties/gm0344
// with emulateMedia({media: 'print'}) hide the navigation and the filter
// form but keep the content (map, legend, table; organisation data), and
// page.pdf({format: 'A4'}) produces a PDF under build/screenshots/. When
// pdftoppm (poppler-utils) is installed, the first page of each PDF is also
// rendered to PNG there, for a reviewer to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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

function hasPdftoppm() {
  const r = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  return !r.error;
}

// Save the PDF, check it is one, count its pages; render page 1 if possible.
function savePdf(buf, name) {
  const file = path.join(SHOT_DIR, `${name}.pdf`);
  writeFileSync(file, buf);
  assert.equal(buf.subarray(0, 5).toString('latin1'), '%PDF-', `${name}.pdf starts with %PDF-`);
  assert.ok(buf.length > 5_000, `${name}.pdf has content (${buf.length} bytes)`);
  const pages = (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
  assert.ok(pages >= 1, `${name}.pdf has at least one page`);
  if (hasPdftoppm()) {
    const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(SHOT_DIR, `${name}-pdf`)], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `pdftoppm ${name}.pdf: ${r.stderr}`);
  }
  return { file, pages };
}

// Visible in print media? (display: none anywhere up the tree hides it)
const visibleCount = (sel) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length > 0).length, sel);

test('/kaart prints on A4: map, legend and table, no navigation or filters', T, async () => {
  await page.emulateMedia({ media: 'screen' });
  await visit(env, page, '/kaart?weergave=aantal&gemeente=gm0321');
  await page.waitForFunction(() => {
    const k = document.getElementById('kaart');
    return k && k.classList.contains('atlas-map--js') && !k.hasAttribute('aria-busy');
  });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await visibleCount('.atlas-nav'), 0, 'navigation hidden in print');
  assert.equal(await visibleCount('#kaart-filter'), 0, 'filter form hidden in print');
  assert.equal(await visibleCount('#kaart-svg'), 1, 'map printed');
  assert.equal(await visibleCount('#kaart-tabel table'), 1, 'table printed');
  assert.ok((await visibleCount('#kaart-legenda')) >= 1, 'legend printed');
  assert.equal(await visibleCount('#paneel-gemeente'), 1, 'chosen gemeente printed');
  await screenshot(page, 'kaart-print');
  const { pages } = savePdf(await page.pdf({ format: 'A4', printBackground: true }), 'kaart-print');
  assert.ok(pages <= 6, `/kaart prints on at most 6 A4 pages (${pages})`);
});

test('/organisaties/gm0344 prints on A4', T, async () => {
  await page.emulateMedia({ media: 'screen' });
  await visit(env, page, '/organisaties/gm0344');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await visibleCount('.atlas-nav'), 0, 'navigation hidden in print');
  assert.equal(await visibleCount('h1'), 1, 'title printed');
  assert.ok((await visibleCount('main table')) >= 1, 'tables printed');
  await screenshot(page, 'organisatie-utrecht-print');
  savePdf(await page.pdf({ format: 'A4', printBackground: true }), 'organisatie-utrecht-print');
  await page.emulateMedia({ media: 'screen' });
});

test('print tests: no request left 127.0.0.1', () => {
  env.assertNoExternalRequests();
});
