// import-upload.test.mjs — the change-set upload in a real
// browser: a programme-team member chooses CSV files and then an XLSX
// workbook (made with exceljs) in the file input of /beheer/import,
// reads the preview, presses "Toepassen" and follows the link to the
// import in the history — with and without JavaScript; axe-core (WCAG
// 2.0/2.1 A and AA) finds nothing on the form, the preview, the problems
// page, the result and the history entry; screenshots at 1280 and 390 px
// go to build/screenshots/upload-*.png. All data is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startEnv, visit, screenshot, axe, formatViolations, assertNoPageErrors, addUser, TEST_PASSWORD, SHOT_DIR } from './harness.mjs';

const T = { timeout: 120_000 };
let env;
let dir;

const files = {
  'sources.csv': 'id,title,publisher,url,reference_date\ntestbron-browser,Testbron browser (fictief),Gemeente Testdorp,https://example.org/testdorp/browser,2026-01-15\n',
  'new_organisations.csv': 'code,kind,name,source_id,confidence\ngm9911,municipality,Testdorp-Browser,testbron-browser,high\n',
  'collaboration_changes.csv': 'key,field,new_value,source_id,source_date,confidence,note\nbel-combinatie,website,https://example.org/bel-browser,testbron-browser,2026-01-15,low,\n',
  'fout.csv': 'id,title\n',
  'new_participations.csv': 'collaboration_key,organisation_code,body,role,source_id,confidence\nbestaat-niet-verband,gm0344,college,deelnemer,testbron-browser,medium\n',
};

async function submitAndWait(page, act) {
  const res = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await act();
  const status = (await res).status();
  await page.waitForLoadState('load');
  return status;
}

async function signIn(page, name) {
  await visit(env, page, '/inloggen');
  await page.fill('#f-gebruikersnaam', name);
  await page.fill('#f-wachtwoord', TEST_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/inloggen')), page.click('main button[type=submit]')]);
}

async function check(page, label, found) {
  const v = await axe(page);
  if (v.length) found.push(formatViolations(`${label} (${page.url().replace(env.base, '')})`, v));
  assertNoPageErrors(page, label);
}

before(async () => {
  env = await startEnv();
  addUser(env.srv.db, 'upl-browser', 'programmateam');
  dir = path.join(SHOT_DIR, '..', 'upload-files');
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  // the run without JavaScript gets its own records
  mkdirSync(path.join(dir, 'nojs'), { recursive: true });
  for (const [name, data] of Object.entries(files))
    writeFileSync(path.join(dir, 'nojs', name), data.replace(/testbron-browser/g, 'testbron-nojs').replace(/gm9911/g, 'gm9913').replace(/Testdorp-Browser/g, 'Testdorp-Zonder-JS').replace(/bel-browser/g, 'bel-nojs'));
  const wb = new ExcelJS.Workbook();
  const src = wb.addWorksheet('sources');
  src.addRow(['id', 'title', 'publisher', 'url', 'reference_date']);
  src.addRow(['testbron-werkmap', 'Testbron werkmap (fictief)', 'Gemeente Proefstad', 'https://example.org/proefstad', new Date(Date.UTC(2026, 1, 2))]);
  src.getCell('E2').numFmt = 'dd-mm-yyyy';
  const orgs = wb.addWorksheet('new_organisations');
  orgs.addRow(['code', 'kind', 'name', 'source_id', 'confidence']);
  orgs.addRow(['gm9912', 'municipality', 'Proefstad-Browser', 'testbron-werkmap', 'high']);
  await wb.xlsx.writeFile(path.join(dir, 'proefstad.xlsx'));
});
after(async () => {
  await env?.stop();
});

for (const js of [true, false]) {
  test(`upload CSV files, preview, apply, history${js ? '' : ' (without JavaScript)'}`, T, async () => {
    const page = await env.newPage(js ? {} : { blockScripts: true });
    await signIn(page, 'upl-browser');
    const found = [];
    await visit(env, page, '/beheer/import');
    await check(page, 'upload form', found);
    if (js) await screenshot(page, 'upload-form');

    if (js) {
      // a file with problems first: the problems page, nothing applied
      await page.setInputFiles('#f-bestanden', [path.join(dir, 'sources.csv'), path.join(dir, 'new_participations.csv')]);
      assert.equal(await submitAndWait(page, () => page.click('main button[type=submit]')), 400);
      const txt = await page.locator('main').innerText();
      assert.match(txt, /Er wordt niets toegepast/);
      assert.match(txt, /new_participations\.csv\s+2\s/);
      await check(page, 'problems', found);
      await screenshot(page, 'upload-problems');
    }

    await visit(env, page, '/beheer/import');
    const sel = ['sources.csv', 'new_organisations.csv', 'collaboration_changes.csv'];
    await page.setInputFiles('#f-bestanden', sel.map((f) => path.join(js ? dir : path.join(dir, 'nojs'), f)));
    await page.fill('#f-naam', js ? 'browsertest' : 'browsertest-nojs');
    assert.equal(await submitAndWait(page, () => page.click('main form[enctype] button[type=submit]')), 200);
    const pre = await page.locator('main').innerText();
    assert.match(pre, /Wijzigingen controleren/);
    assert.match(pre, /Er is nog niets opgeslagen/);
    assert.match(pre, /niet bevestigd/);
    await check(page, 'preview', found);
    if (js) {
      await screenshot(page, 'upload-preview');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'upload-preview-390');
      await check(page, 'preview 390', found);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    assert.equal(await submitAndWait(page, () => page.getByRole('button', { name: /Toepassen/ }).click()), 200);
    const done = await page.locator('main').innerText();
    assert.match(done, /Import toegepast/);
    await check(page, 'result', found);
    if (js) await screenshot(page, 'upload-done');
    await Promise.all([page.waitForURL(/\/wijzigingen\/import\/\d+$/), page.getByRole('link', { name: 'Bekijk deze import in de geschiedenis' }).click()]);
    assert.match(await page.locator('h1').innerText(), new RegExp(`Import van 3 wijzigingen uit browsertest${js ? '' : '-nojs'}`));
    await check(page, 'history entry', found);
    if (js) await screenshot(page, 'upload-history');
    await visit(env, page, '/wijzigingen');
    assert.match(await page.locator('main').innerText(), /Import van \d wijzigingen uit browsertest/);
    assert.deepEqual(found, [], found.join('\n\n'));
  });
}

test('upload an XLSX workbook made with exceljs', T, async () => {
  const page = await env.newPage();
  await signIn(page, 'upl-browser');
  await visit(env, page, '/beheer/import');
  await page.setInputFiles('#f-bestanden', path.join(dir, 'proefstad.xlsx'));
  assert.equal(await submitAndWait(page, () => page.click('main form[enctype] button[type=submit]')), 200);
  const pre = await page.locator('main').innerText();
  assert.match(pre, /proefstad\.xlsx, blad new_organisations/);
  assert.match(pre, /Proefstad-Browser/);
  assert.equal(await submitAndWait(page, () => page.getByRole('button', { name: /Toepassen/ }).click()), 200);
  assert.match(await page.locator('main').innerText(), /2 wijzigingen uit proefstad opgeslagen/);
  const found = [];
  await check(page, 'xlsx result', found);
  assert.deepEqual(found, [], found.join('\n\n'));
  env.assertNoExternalRequests();
});
