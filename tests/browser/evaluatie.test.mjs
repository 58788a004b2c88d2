// evaluatie.test.mjs — the questionnaire of a response link in a real
// browser: a respondent answers with the keyboard alone (first without a
// required answer: the error summary links to it, the answers given stay),
// axe-core (WCAG 2.0/2.1 A and AA) reports no violations on the
// questionnaire, its error state, the thank-you page, a used link, the
// overview and the results of a released round; no horizontal scrolling at
// 390 px. Fictional round and answers; users are made with the CLI;
// organisations come from the seed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser } from './harness.mjs';
import { login, sql, anonymous } from '../http/harness.mjs';

const T = { timeout: 180_000 };
let env;
const F = {};

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function narrow(page, label) {
  await page.setViewportSize({ width: 390, height: 844 });
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 1, `${label}: ${over}px horizontal overflow at 390 px`);
  await screenshot(page, `evaluatie-${label}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const orgs = await env.srv.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  F.ORG = orgs.organisaties.filter((o) => o.inProvincie === true)[0].code;
  addUser(env.srv.db, 'ev-b-staf', 'programmateam');
  const staff = await login(env.base, 'ev-b-staf');
  const own = await staff.submit('/evaluatie/vragen', [['blok', 'kennisdeling'], ['soort', 'likert'], ['bereik', 'algemeen'],
    ['tekst', 'Fictieve verplichte stelling voor de browsertest.'], ['keuzes', ''], ['bron', 'Fictief'], ['verplicht', 'ja']]);
  F.OWN = /\/evaluatie\/vragen\/(\d+)/.exec(own)[1];
  const keys = ['start-relatie-1', 'start-proces-2', 'start-resultaat-2', 'start-rolperspectief-1', 'start-proces-3'];
  const ids = keys.map((k) => sql(env.srv.db, `SELECT id FROM survey_item WHERE item_key = '${k}'`).trim());
  F.LIKERT = ids[0];
  const round = async (name) => {
    const loc = await staff.submit('/evaluatie/rondes', [['naam', name], ['begin', '2026-01-01'], ['einde', '2026-12-31'], ['doelgroep', 'ambtenaren'],
      ['organisatie', F.ORG], ['vraag', F.OWN], ...ids.map((i) => ['vraag', i])]);
    const id = /\/evaluatie\/(\d+)\/beheer/.exec(loc)[1];
    await staff.submit(`/evaluatie/${id}/status`, [['status', 'open']]);
    const r = await staff.post(`/evaluatie/${id}/links`, [['doelgroep', 'ambtenaren'], ['organisatie', F.ORG], ['aantal', '6'], ['adressen', '']]);
    assert.equal(r.status, 200);
    return { id, tokens: [...r.text.matchAll(/\/enquete\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]) };
  };
  F.A = await round('Fictieve browserronde');
  F.B = await round('Fictieve vrijgegeven ronde');
  const anon = anonymous(env.base);
  for (const tok of F.B.tokens.slice(0, 5)) {
    const r = await anon.post(`/enquete/${tok}`, [[`b0-i${F.OWN}`, '4'], [`b0-i${ids[0]}`, '5'], [`b0-i${ids[1]}`, '2'], [`b0-i${ids[2]}`, '1'], [`b0-i${ids[2]}`, '3'],
      [`b0-i${ids[3]}-p1-q1`, '3'], [`b0-i${ids[3]}-p1-q3`, '5'], ['actie', 'versturen']]);
    assert.equal(r.status, 200);
  }
  await staff.submit(`/evaluatie/${F.B.id}/status`, [['status', 'gesloten']]);
  await staff.submit(`/evaluatie/${F.B.id}/vrijgeven`, [['vrijgeven', 'ja']]);
});

after(async () => env && (await env.stop()));

test('keyboard only: a respondent answers, fixes a missing answer and sends; axe clean; 390 px', T, async () => {
  const page = await env.newPage();
  const url = `/enquete/${F.A.tokens[0]}`;
  await visit(env, page, url);
  await assertAxe(page, 'the questionnaire');
  await narrow(page, 'vragenlijst');
  // the first statement: Tab to its first option, arrows choose "Eens"
  await tabUntil(page, (f) => f.id === `f-b0-i${F.LIKERT}`, { max: 80, what: 'the statement on trust' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabUntil(page, (f) => f.tag === 'button' && /Versturen/.test(f.text), { max: 200, what: 'Versturen' });
  await pressAndWait(page, 'Enter');
  await assertAxe(page, 'the questionnaire with an error');
  await narrow(page, 'vragenlijst-fout');
  assert.equal(await page.locator('input[type=radio]:checked').count(), 1, 'the answer given is kept');
  await tabUntil(page, (f) => f.tag === 'a' && new RegExp(`#f-b0-i${F.OWN}$`).test(f.href || ''), { max: 80, what: 'the error link' });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, `f-b0-i${F.OWN}`);
  await page.keyboard.press('Space');
  await tabUntil(page, (f) => f.tag === 'button' && /Versturen/.test(f.text), { max: 200, what: 'Versturen' });
  await pressAndWait(page, 'Enter');
  assert.ok(await page.getByRole('heading', { name: 'Dank u wel' }).count());
  await assertAxe(page, 'thank you');
  await visit(env, page, url, { status: 410 });
  await assertAxe(page, 'a used link');
});

test('the overview and released results: axe clean, a table beside every chart, 390 px', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/evaluatie');
  await assertAxe(page, '/evaluatie');
  await visit(env, page, `/evaluatie/${F.B.id}`);
  await assertAxe(page, 'results');
  const charts = await page.locator('svg.atlas-stacked-bar').count();
  assert.ok(charts > 0);
  assert.ok(await page.locator('table').count() >= charts, 'a table beside every chart');
  await narrow(page, 'resultaten');
});
