// bibliotheek.test.mjs — the knowledge base in a real browser: a partner
// editor adds an item with the keyboard alone (first with errors: the
// summary links to the fields), and axe-core (WCAG 2.0/2.1 A and AA)
// reports no violations on the list (anonymous and signed in), the form,
// the item page, the search results and the organisation page with its
// "In de bibliotheek" section; screenshots of list and item at 1280 and
// 390 px in build/screenshots/bibliotheek-*.png. Fictional items; users
// are made with the CLI; organisations come from the seed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';
import { addToken } from '../http/harness.mjs';

const T = { timeout: 120_000 };
let env;
const F = {};

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function shots(page, name) {
  await screenshot(page, `bibliotheek-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `bibliotheek-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const orgs = await env.srv.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  F.ORG = inProv[0].code;
  F.OTHER = inProv[1].code;
  addUser(env.srv.db, 'bb-red', 'redacteur', { org: F.ORG });
  addUser(env.srv.db, 'bb-staf', 'programmateam');
  const token = addToken(env.srv.db, 'bb-staf', 't');
  const add = async (body) => {
    const r = await fetch(env.base + '/api/v1/kennis/publicaties', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(r.status, 201, await r.text());
  };
  await add({ organisatie: F.OTHER, soort: 'rapport', titel: 'Testrapport Regionale Samenwerking (fictief)', url: 'https://www.example.org/fictief/rapport', samenvatting: 'Een verzonnen rapport voor de browsertest.', datum: '2025-11-02', licentie: 'CC BY 4.0', gemeenten: [F.ORG] });
  await add({ organisatie: F.OTHER, soort: 'link', titel: 'Testlink voor partners (fictief)', url: 'https://www.example.org/fictief/link', samenvatting: 'Alleen voor ingelogde partners.', datum: '2025-10-01', zichtbaarheid: 'partners' });
});

after(async () => env && (await env.stop()));

test('keyboard only: an editor adds an item after a failed first try; axe clean throughout', T, async () => {
  const anon = await env.newPage();
  await visit(env, anon, '/kennis/bibliotheek');
  await assertAxe(anon, '/kennis/bibliotheek (anonymous)');
  assert.equal(await anon.getByText('Testlink voor partners (fictief)').count(), 0, 'partners only: not for anonymous visitors');

  const page = await signedInPage(env, 'bb-red');
  await visit(env, page, '/kennis/bibliotheek');
  assert.ok(await page.getByText('Testlink voor partners (fictief)').count(), 'signed in: the partners item shows');
  await assertAxe(page, '/kennis/bibliotheek (editor)');
  await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Stuk toevoegen', { max: 120, what: 'Stuk toevoegen' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/kennis\/bibliotheek\/nieuw$/);
  await assertAxe(page, '/kennis/bibliotheek/nieuw');
  await tabUntil(page, (f) => f.id === 'f-soort', { max: 60, what: 'the kind' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // Analyse
  await tabUntil(page, (f) => f.id === 'f-titel', { what: 'the title' });
  await page.keyboard.type('Browsertest: analyse van samenwerking (fictief)');
  await tabUntil(page, (f) => f.tag === 'button' && /Stuk toevoegen/.test(f.text), { max: 200, what: 'submit' });
  await pressAndWait(page, 'Enter');
  await assertAxe(page, 'form with errors');
  await tabUntil(page, (f) => f.tag === 'a' && /#f-samenvatting$/.test(f.href || ''), { max: 80, what: 'the error link to Samenvatting' });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'f-samenvatting');
  await page.keyboard.type('Een verzonnen analyse, met het toetsenbord ingevoerd.');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-datum');
  await page.fill('#f-datum', '2026-01-15');
  // the first theme, with the space bar
  await tabUntil(page, (f) => f.id === 'f-thema', { max: 40, what: 'the first theme' });
  await page.keyboard.press('Space');
  await tabUntil(page, (f) => f.tag === 'button' && /Stuk toevoegen/.test(f.text), { max: 300, what: 'submit' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/kennis\/bibliotheek\/\d+\?melding=toegevoegd/);
  F.URL = new URL(page.url()).pathname;
  await assertAxe(page, 'the item (editor)');

  await visit(env, anon, '/kennis/bibliotheek');
  assert.ok(await anon.getByText('Browsertest: analyse van samenwerking (fictief)').count());
  await shots(anon, 'lijst');
  await visit(env, anon, F.URL);
  await assertAxe(anon, 'the item (anonymous)');
  await shots(anon, 'stuk');
  const rapport = await env.srv.getJson('/api/v1/kennis/publicaties?soort=rapport');
  await visit(env, anon, `/kennis/bibliotheek/${rapport.publicaties[0].id}`);
  await assertAxe(anon, 'the report (anonymous, with gemeenten)');
  await shots(anon, 'rapport');
  await visit(env, anon, '/zoeken?q=browsertest');
  assert.ok(await anon.getByText('Browsertest: analyse van samenwerking (fictief)').count(), 'search finds the item');
  await assertAxe(anon, '/zoeken with a Bibliotheek group');
  await visit(env, anon, `/organisaties/${F.ORG}`);
  assert.ok(await anon.getByRole('heading', { name: 'In de bibliotheek' }).count());
  await assertAxe(anon, 'organisation page with In de bibliotheek');
});
