// nojs.test.mjs — the atlas views without JavaScript (progressive
// enhancement): /kaart still shows the filter form and the table with the
// same numbers as the API, and its filters and the side panel work by plain
// links and forms (also with the keyboard alone); /netwerk shows its table
// alternative (one row per edge) and no empty drawing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, tabUntil, screenshot, assertNoAxeViolations } from './harness.mjs';

// axe-core needs JavaScript in the page, so the no-JavaScript rendering is
// checked in a second page that loads the same URL with every script blocked.
async function axeWithoutScripts(url) {
  await visit(env, noScripts, url);
  assert.equal(await noScripts.locator('.atlas-map--js').count(), 0, 'map.js did not run');
  await assertNoAxeViolations(noScripts, `${url} without JavaScript`);
}

// time limits: a hanging browser call fails the test instead of the suite
const T = { timeout: 60_000 };

let env;
let page; // JavaScript off
let noScripts; // JavaScript on, but every script request aborted: for axe-core

before(async () => {
  env = await startEnv();
  page = await env.newPage({ javaScriptEnabled: false });
  noScripts = await env.newPage({ blockScripts: true });
}, T);

after(async () => {
  if (env) await env.stop();
});

// The map table as {code: count}: rows whose header links to /organisaties/{code}.
async function mapTable(p) {
  return p.evaluate(() => {
    const box = document.getElementById('kaart-tabel') || document;
    const out = {};
    for (const tr of box.querySelectorAll('table tbody tr')) {
      const a = tr.querySelector('th a[href^="/organisaties/"]');
      const td = tr.querySelector('td');
      if (a && td) out[a.getAttribute('href').slice('/organisaties/'.length)] = Number(td.textContent.replace(/\D/g, ''));
    }
    return out;
  });
}

async function apiCounts(query) {
  const j = await env.srv.getJson(`/api/v1/kaart${query}`);
  return Object.fromEntries(j.features.map((f) => [f.properties.code, f.properties.aantal]));
}

test('/kaart without JavaScript: filter form and table with the API numbers', T, async () => {
  await visit(env, page, '/kaart?weergave=aantal');
  assert.equal(await page.locator('.atlas-map--js').count(), 0, 'map.js did not run');
  const form = page.locator('form#kaart-filter');
  assert.ok(await form.isVisible(), 'filter form visible');
  assert.equal(await form.getAttribute('method'), 'get');
  for (const name of ['beleidsdomein', 'juridischeVorm', 'fase', 'soort']) {
    assert.equal(await form.locator(`select[name="${name}"]`).count(), 1, `filter ${name} in the form`);
    const id = await form.locator(`select[name="${name}"]`).getAttribute('id');
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `label for ${name}`);
  }
  assert.ok(await form.locator('button[type="submit"]').isVisible(), 'submit button visible');
  const table = page.locator('#kaart-tabel table');
  assert.ok(await table.isVisible(), 'table visible');
  assert.match(await table.locator('caption').textContent(), /per gemeente/);
  const rows = await mapTable(page);
  assert.equal(Object.keys(rows).length, 26, 'one row per gemeente');
  assert.deepEqual(rows, await apiCounts(''), 'table numbers equal /api/v1/kaart');
  await screenshot(page, 'kaart-zonder-javascript');
  await axeWithoutScripts('/kaart?weergave=aantal');

  // the filter form works without script: choose a domain and submit
  await form.locator('select[name="beleidsdomein"]').selectOption('veiligheid');
  await Promise.all([page.waitForURL(/beleidsdomein=veiligheid/), form.locator('button[type="submit"]').click()]);
  assert.deepEqual(await mapTable(page), await apiCounts('?beleidsdomein=veiligheid'), 'filtered table equals the filtered API');
});

test('/kaart without JavaScript: Houten shared with Nieuwegein, keyboard only', T, async () => {
  await visit(env, page, '/kaart?weergave=aantal');
  await tabUntil(page, (f) => f.code === 'gm0321' && f.cls.includes('atlas-map__link'), { max: 80, what: 'Houten on the map' });
  await Promise.all([page.waitForURL(/gemeente=gm0321/), page.keyboard.press('Enter')]);
  assert.equal((await page.locator('#paneel-gemeente').textContent()).trim(), 'Houten');
  await tabUntil(page, (f) => f.id === 'f-met', { max: 80, what: 'the "Gedeeld met gemeente" select' });
  for (let i = 0; i < 30 && (await page.evaluate(() => document.getElementById('f-met').value)) !== 'gm0356'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await tabUntil(page, (f) => f.tag === 'button', { max: 3, what: 'the button after the select' });
  await Promise.all([page.waitForURL(/met=gm0356/), page.keyboard.press('Enter')]);
  const heading = await page.locator('#kaart-paneel h3').first().textContent();
  assert.match(heading, /^Gedeeld met Nieuwegein \(\d+\)$/);
  const got = await page.$$eval('#kaart-paneel ul:first-of-type a[href^="/samenwerkingsverbanden/"]', (as) =>
    as.map((a) => a.getAttribute('href').split('/').pop()),
  );
  const ids = async (code) =>
    new Set(
      (await env.srv.getJson(`/api/v1/organisaties/${code}/deelnames?paginaGrootte=100`)).deelnames
        .filter((d) => d.actief && d.samenwerkingsverband.actief)
        .map((d) => d.samenwerkingsverband.id),
    );
  const h = await ids('gm0321');
  const n = await ids('gm0356');
  assert.deepEqual(got.sort(), [...h].filter((x) => n.has(x)).sort(), 'shared collaborations without JavaScript');
  await screenshot(page, 'kaart-zonder-javascript-houten-nieuwegein');
  await axeWithoutScripts(new URL(page.url()).pathname + new URL(page.url()).search);
});

test('/netwerk without JavaScript: the drawing and the grouped tables list every edge', T, async () => {
  await visit(env, page, '/netwerk');
  // the drawing is server-rendered: visible without any script
  assert.equal(await page.locator('#netwerk-weergave').isVisible(), true, 'drawing visible without script');
  const api = await env.srv.getJson('/api/v1/netwerk');
  // the grouped tables hold every edge: one row per organisation, its collaborations as links
  const edges = await page.$$eval('details.net-group-table table tbody tr', (trs) =>
    trs.flatMap((tr) => {
      const org = new URL(tr.querySelector('th a').href).searchParams.get('kies');
      return [...tr.querySelectorAll('td a')].map((a) => `${org}|s-${a.getAttribute('href').split('/').pop()}`);
    }),
  );
  const expected = api.verbindingen.map((v) => `${v.bron}|${v.doel}`);
  assert.equal(edges.length, api.totaalVerbindingen, 'every edge once');
  assert.deepEqual([...edges].sort(), [...expected].sort(), 'the same edges as /api/v1/netwerk');
  await screenshot(page, 'netwerk-zonder-javascript');
  await axeWithoutScripts('/netwerk');
});

test('no-JavaScript tests: no request left 127.0.0.1', T, () => {
  env.assertNoExternalRequests();
});
