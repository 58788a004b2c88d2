// people.test.mjs — the browser tests of issue 5 (people, seats, role
// perspectives, phases, agreements):
//   1. axe-core (WCAG 2.0/2.1 A and AA) reports no violations on every page
//      issue 5 added, in the states that matter: /personen empty and filled,
//      /personen/{id} anonymous and signed in, every new form empty and with
//      validation errors (person, office, seat step 1 and 2, role
//      assessment, phase, agreement add and edit, the erase confirmation),
//      the collaboration page with bodies/members, quadrant and agreements,
//      the organisation page with "Wie zit waar", /analyse/bestuurders
//      empty and filled, /analyse/rolwisselingen and /netwerk?personen=ja;
//   2. keyboard and screen reader: the quadrant diagram is an image with a
//      name and a table alternative whose links Tab reaches; the
//      bestuurders tables are reachable and readable the same way.
// The fictional people (Jan Testpersoon, Els Voorbeeld) are made through the
// web forms, signed in as programmateam; users come from the CLI.
// Screenshots go to build/screenshots/people-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv,
  visit,
  focused,
  tabUntil,
  screenshot,
  screenshotElement,
  axe,
  formatViolations,
  assertNoPageErrors,
  addUser,
  signedInPage,
} from './harness.mjs';

const T = { timeout: 180_000 };
let env;
const F = {}; // C (an openbaar lichaam), P1/P2 (participation ids), ORG1/ORG2 (codes)
const K = {}; // person keys

// Submit the page's edit form with its primary button; returns the status of
// the answer to the POST (after a 303 the final page is loaded).
async function submit(page) {
  const res = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  const nav = page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame());
  await page.click('main form.atlas-edit-form button.utrecht-button--primary-action');
  const status = (await res).status();
  await nav;
  await page.waitForLoadState('load');
  return status;
}

async function check(page, label, found) {
  const v = await axe(page);
  if (v.length) found.push(formatViolations(`${label} (${page.url().replace(env.base, '')})`, v));
  assertNoPageErrors(page, label);
}

// visit, axe and screenshot in one
async function look(page, name, p, found) {
  if (p) await visit(env, page, p);
  await check(page, name, found);
  await screenshot(page, `people-${name}`);
}

const mainText = (page) => page.locator('main').innerText();

before(async () => {
  env = await startEnv();
  const list = await env.srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  for (const c of list.samenwerkingsverbanden) {
    if (c.juridischeVorm !== 'OL' || c.aantalDeelnemers < 2 || !c.actief) continue;
    const full = await env.srv.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    const act = full.deelnemers.filter((d) => d.actief && d.organisatie.soort === 'gemeente');
    if (act.length < 2) continue;
    F.C = c.id;
    F.CNAME = full.naam;
    F.P1 = act[0].id;
    F.ORG1 = act[0].organisatie.code;
    F.ORG1NAME = act[0].organisatie.naam;
    F.P2 = act[1].id;
    F.ORG2 = act[1].organisatie.code;
    break;
  }
  assert.ok(F.C, 'an openbaar lichaam with two active municipal participants in the seed');
  addUser(env.srv.db, 'pb-staf', 'programmateam');
  addUser(env.srv.db, 'pb-beheer', 'beheerder');
});

after(async () => {
  await env?.stop();
});

test('axe-core: no WCAG A/AA violations on the issue-5 pages, empty and filled', T, async () => {
  const found = [];
  const anon = await env.newPage();
  // empty states
  await look(anon, 'lijst-leeg', '/personen', found);
  assert.match(await mainText(anon), /Er zijn nog geen personen vastgelegd/);
  await look(anon, 'bestuurders-leeg', '/analyse/bestuurders', found);
  await look(anon, 'rolwisselingen-leeg', '/analyse/rolwisselingen', found);
  await look(anon, 'netwerk-personen-leeg', '/netwerk?personen=ja', found);

  const staf = await signedInPage(env, 'pb-staf');
  // a person: empty form, errors, then Jan Testpersoon
  await look(staf, 'persoon-nieuw', '/personen/nieuw', found);
  assert.equal(await submit(staf), 400);
  await staf.waitForSelector('#foutmeldingen');
  await look(staf, 'persoon-nieuw-fouten', null, found);
  await staf.fill('#f-naam', 'Jan Testpersoon');
  await staf.fill('#f-partij', 'Testpartij');
  await staf.fill('#f-email', 'jan@example.org');
  assert.ok((await submit(staf)) < 400, 'Jan Testpersoon saved');
  K.jan = /\/personen\/([^/?]+)/.exec(staf.url())[1];

  // an office: empty, end before start, then wethouder
  await look(staf, 'functie-nieuw', `/personen/${K.jan}/functies/nieuw`, found);
  await staf.selectOption('#f-organisatie', F.ORG1);
  await staf.selectOption('#f-functie', 'wethouder');
  await staf.fill('#f-van', '2022-06-01');
  await staf.fill('#f-tot', '2020-01-01');
  assert.equal(await submit(staf), 400);
  await look(staf, 'functie-nieuw-fouten', null, found);
  await staf.fill('#f-portefeuille', 'Financiën en regionale samenwerking');
  await staf.fill('#f-tot', '');
  assert.ok((await submit(staf)) < 400, 'office saved');

  // a seat: step 1, step 2, an overlap error, then two seats
  await look(staf, 'zetel-stap1', `/personen/${K.jan}/zetels/nieuw`, found);
  await look(staf, 'zetel-stap2', `/personen/${K.jan}/zetels/nieuw?samenwerkingsverband=${F.C}`, found);
  assert.equal(await submit(staf), 400, 'an empty seat form answers 400');
  await look(staf, 'zetel-stap2-fouten', null, found);
  await visit(env, staf, `/personen/${K.jan}/zetels/nieuw?samenwerkingsverband=${F.C}`);
  await staf.selectOption('#f-namens', F.ORG1);
  await staf.selectOption('#f-orgaan', 'algemeen-bestuur');
  await staf.fill('#f-van', '2022-07-01');
  assert.ok((await submit(staf)) < 400, 'seat saved');
  await visit(env, staf, `/personen/${K.jan}/zetels/nieuw?samenwerkingsverband=${F.C}`);
  await staf.selectOption('#f-namens', F.ORG1);
  await staf.selectOption('#f-orgaan', 'dagelijks-bestuur');
  await staf.fill('#f-van', '2019-01-01');
  await staf.fill('#f-tot', '2021-12-31');
  assert.ok((await submit(staf)) < 400, 'former seat saved');

  // a second person in the same body, for another organisation
  await visit(env, staf, '/personen/nieuw');
  await staf.fill('#f-naam', 'Els Voorbeeld');
  assert.ok((await submit(staf)) < 400);
  K.els = /\/personen\/([^/?]+)/.exec(staf.url())[1];
  await visit(env, staf, `/personen/${K.els}/functies/nieuw`);
  await staf.selectOption('#f-organisatie', F.ORG2);
  await staf.selectOption('#f-functie', 'burgemeester');
  await staf.fill('#f-van', '2020-01-01');
  assert.ok((await submit(staf)) < 400);
  await visit(env, staf, `/personen/${K.els}/zetels/nieuw?samenwerkingsverband=${F.C}`);
  await staf.selectOption('#f-namens', F.ORG2);
  await staf.selectOption('#f-orgaan', 'algemeen-bestuur');
  await staf.fill('#f-van', '2021-01-01');
  assert.ok((await submit(staf)) < 400);

  // role assessments: empty, an impossible date and missing scores, then two parties twice
  const role = (p) => `/samenwerkingsverbanden/${F.C}/deelnemers/${p}/rol`;
  await look(staf, 'rol-nieuw', role(F.P1), found);
  await staf.fill('#f-datum', '2026-02-30');
  await staf.selectOption('#f-rechtmatig', '3');
  assert.equal(await submit(staf), 400);
  await look(staf, 'rol-fouten', null, found);
  const assess = async (p, d, s) => {
    await visit(env, staf, role(p));
    await staf.fill('#f-datum', d);
    for (const [k, v] of Object.entries(s)) await staf.selectOption(`#f-${k}`, String(v));
    assert.ok((await submit(staf)) < 400, `assessment ${p} ${d}`);
  };
  await assess(F.P1, '2025-01-15', { rechtmatig: 5, presterend: 2, samenwerkend: 2, responsief: 1 });
  await assess(F.P2, '2025-01-20', { rechtmatig: 1, presterend: 2, samenwerkend: 5, responsief: 3 });
  await assess(F.P1, '2026-01-15', { rechtmatig: 2, presterend: 5, samenwerkend: 3, responsief: 1 });

  // phases: empty, errors, then two
  const phase = `/samenwerkingsverbanden/${F.C}/fasen/nieuw`;
  await look(staf, 'fase-nieuw', phase, found);
  await staf.fill('#f-datum', 'gisteren');
  assert.equal(await submit(staf), 400);
  await look(staf, 'fase-fouten', null, found);
  for (const [fase, d] of [['initiatief', '2019-05-01'], ['groei', '2022-01-01']]) {
    await visit(env, staf, phase);
    await staf.selectOption('#f-fase', fase);
    await staf.fill('#f-datum', d);
    assert.ok((await submit(staf)) < 400, `phase ${fase}`);
  }

  // agreements: add empty, errors, valid; then the edit form, empty and with errors
  const agr = `/samenwerkingsverbanden/${F.C}/afspraken/nieuw`;
  await look(staf, 'afspraak-nieuw', agr, found);
  await staf.fill('#f-sinds', '2023-02-31');
  await staf.fill('#f-document', 'javascript:alert(1)');
  assert.equal(await submit(staf), 400);
  await look(staf, 'afspraak-fouten', null, found);
  await visit(env, staf, agr);
  await staf.fill('#f-titel', 'Rolverdeling penvoerder en deelnemers');
  await staf.fill('#f-omschrijving', 'Wie trekt het werk en wie volgt; jaarlijks geëvalueerd.');
  await staf.fill('#f-sinds', '2025-02-01');
  await staf.selectOption('#f-status', 'geldend');
  assert.ok((await submit(staf)) < 400, 'agreement saved');
  await visit(env, staf, `/samenwerkingsverbanden/${F.C}`);
  const editHref = await staf.locator('main a[href*="/afspraken/"][href$="/bewerken"]').first().getAttribute('href');
  assert.ok(editHref, 'the collaboration page links to the agreement edit form');
  await look(staf, 'afspraak-bewerken', editHref, found);
  await staf.fill('#f-titel', '');
  assert.equal(await submit(staf), 400);
  await look(staf, 'afspraak-bewerken-fouten', null, found);

  // the filled pages, signed in and anonymous
  await look(staf, 'samenwerkingsverband-beheer', `/samenwerkingsverbanden/${F.C}`, found);
  await look(staf, 'persoon-ingelogd', `/personen/${K.jan}`, found);
  await look(staf, 'lijst-ingelogd', '/personen', found);
  await look(anon, 'lijst', '/personen', found);
  await look(anon, 'persoon', `/personen/${K.jan}`, found);
  assert.match(await mainText(anon), /Wethouder/);
  await look(anon, 'samenwerkingsverband', `/samenwerkingsverbanden/${F.C}`, found);
  await screenshotElement(anon, 'main svg[role=img]', 'people-kwadrant');
  for (const id of ['bestuur-kop', 'rollen', 'fasen', 'afspraken']) {
    await screenshotElement(anon, `main section:has(#${id})`, `people-sectie-${id}`);
  }
  await look(anon, 'organisatie', `/organisaties/${F.ORG1}`, found);
  assert.match(await mainText(anon), /Wie zit waar[\s\S]*Jan Testpersoon/);
  await screenshotElement(anon, 'main section:has(#wie-zit-waar)', 'people-sectie-wie-zit-waar');
  await look(anon, 'bestuurders', '/analyse/bestuurders', found);
  assert.match(await mainText(anon), /Jan Testpersoon/);
  await look(anon, 'rolwisselingen', '/analyse/rolwisselingen', found);
  await look(anon, 'netwerk-personen', '/netwerk?personen=ja', found);

  // the erase confirmation (administrators only)
  const adm = await signedInPage(env, 'pb-beheer');
  await look(adm, 'wissen', `/personen/${K.els}/wissen`, found);

  assert.equal(found.length, 0, `axe-core violations:\n${found.join('\n')}`);
  env.assertNoExternalRequests();
});

test('keyboard and screen reader: the quadrant is an image with a name and a table alternative', T, async () => {
  const page = await env.newPage();
  await visit(env, page, `/samenwerkingsverbanden/${F.C}`);
  const svg = page.locator('main svg[role=img]').first();
  assert.equal(await svg.count(), 1, 'the quadrant diagram is an svg with role=img');
  const name = await svg.evaluate((e) => {
    const ids = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const byIds = ids.map((id) => document.getElementById(id)?.textContent || '').join(' ');
    return (e.getAttribute('aria-label') || byIds || e.querySelector('title')?.textContent || '').trim();
  });
  assert.ok(name.length > 10, `the quadrant has an accessible name: "${name}"`);
  // the table alternative: its header cells name the four perspectives and
  // Tab reaches the link to a party in it
  const table = page.locator('main table', { hasText: 'Rechtmatig' }).first();
  assert.ok(await table.count(), 'a table with the scores next to the diagram');
  const tableText = await table.innerText();
  assert.match(tableText, new RegExp(F.ORG1NAME.replace(/^Gemeente /, '')), `the table names ${F.ORG1NAME}`);
  const link = await table.locator('a').first().getAttribute('href');
  assert.ok(link, 'the table links to the parties');
  await tabUntil(page, (f) => f.href === link && f.tag === 'a', { max: 300, what: `the link ${link} in the role table` });
  const inTable = await page.evaluate(() => !!document.activeElement.closest('table'));
  assert.ok(inTable, 'Tab reached the link inside the table');
  assertNoPageErrors(page, 'quadrant');
});

test('keyboard: the bestuurders tables are reachable and readable', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/analyse/bestuurders');
  const tables = page.locator('main table');
  assert.ok((await tables.count()) >= 1, 'at least one table');
  for (let i = 0; i < (await tables.count()); i++) {
    const t = tables.nth(i);
    const cap = await t.evaluate((e) => (e.querySelector('caption')?.textContent || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || '').trim());
    assert.ok(cap, `table ${i} has a caption or label`);
    assert.ok((await t.locator('th').count()) > 0, `table ${i} has header cells`);
  }
  const href = `/personen/${K.jan}`;
  await tabUntil(page, (f) => f.tag === 'a' && f.href === href, { max: 200, what: `the link to Jan Testpersoon (${href})` });
  const f = await focused(page);
  assert.match(f.text, /Jan Testpersoon/);
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('table')), 'the link is in a table');
  assertNoPageErrors(page, 'bestuurders');
});
