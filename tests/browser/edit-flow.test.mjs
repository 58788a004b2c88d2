// edit-flow.test.mjs — the browser tests of issue 4:
//   1. the acceptance flow with the keyboard alone (page.keyboard: Tab,
//      Shift+Tab, Enter, Space, typing, arrows; no clicks, no
//      element.focus()): a partner editor of Lopik (gm0331) signs in at
//      /inloggen, finds a collaboration Lopik takes part in through
//      "Mijn organisatie", edits Lopik's participation (post/redirect/get),
//      reads the change on the history page, goes back and presses
//      "Bevestig dat dit klopt", and sees today's confirmation with their
//      name — for the participation and for the organisation itself;
//   2. axe-core (WCAG 2.0/2.1 A and AA) reports no violations on every page
//      issue 4 added, in the states that matter (empty, with validation
//      errors, with a new API token shown, the 409 conflict page made by two
//      sessions, the record page with the Beheer controls);
//   3. focus after a failed submit: the error summary has focus (or is the
//      first Tab stop) and each of its links moves focus to its field.
// Screenshots of every step go to build/screenshots/edit-*.png. Users are
// made with the CLI (atlas user add ... --wachtwoord-stdin).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv,
  visit,
  focused,
  tabUntil,
  screenshot,
  axe,
  formatViolations,
  assertNoPageErrors,
  addUser,
  signedInPage,
  TEST_PASSWORD,
} from './harness.mjs';

// time limits: a hanging browser call fails the test instead of the suite
const T = { timeout: 90_000 };
// the axe walk visits some 25 pages with a screenshot each: over 90 s on the
// 2-core CI machine with two browser test files running side by side
const T_AXE = { timeout: 240_000 };

const LOPIK = 'gm0331';
const EDITOR = { name: 'red-lopik', display: 'Testredacteur Lopik' };
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
// the server dates confirmations in UTC; html_date_nl writes "28 november 2026"
const todayNl = () => {
  const [y, m, d] = new Date().toISOString().slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

let env;
const F = {}; // fixtures from the open API: collab (id), partId, other (a collab for the staff forms)

// Press a key and wait for the navigation it starts (to a URL matching pred).
async function pressAndWait(page, key, pred) {
  await Promise.all([page.waitForURL(pred, { waitUntil: 'load' }), page.keyboard.press(key)]);
}

// Submit a form with act() (a key press or a click) and wait until the answer
// to the POST has replaced the page; returns that answer's status.
async function submitAndWait(page, act) {
  const nav = page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame());
  const res = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await act();
  const status = (await res).status();
  await nav;
  await page.waitForLoadState('load');
  return status;
}

const mainText = (page) => page.locator('main').innerText();

// axe-core on the page as it is; collects instead of failing at once, so one
// run reports every page with violations.
async function check(page, label, found) {
  const v = await axe(page);
  if (v.length) found.push(formatViolations(`${label} (${page.url().replace(env.base, '')})`, v));
  assertNoPageErrors(page, label);
}

before(async () => {
  env = await startEnv();
  const j = await env.srv.getJson(`/api/v1/organisaties/${LOPIK}/deelnames?paginaGrootte=100`);
  const d = j.deelnames.find((x) => x.actief && x.samenwerkingsverband.actief);
  assert.ok(d, 'Lopik takes part in no active collaboration in the seed: the flow would prove nothing');
  F.collab = d.samenwerkingsverband.id;
  const list = await env.srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  F.other = list.samenwerkingsverbanden.find((c) => c.id !== F.collab).id;
  addUser(env.srv.db, EDITOR.name, 'redacteur', { org: LOPIK, display: EDITOR.display });
  addUser(env.srv.db, 'ed-staf', 'programmateam', { display: 'Testmedewerker Programma' });
  addUser(env.srv.db, 'ed-beheer', 'beheerder', { display: 'Testbeheerder' });
}, T);

after(async () => {
  if (env) await env.stop();
});

test('keyboard only: sign in, edit the participation of Lopik, read its history, confirm', T, async () => {
  const page = await env.newPage();
  const today = todayNl();
  const collabPath = `/samenwerkingsverbanden/${F.collab}`;
  await visit(env, page, '/inloggen');
  await screenshot(page, 'edit-1-inloggen');

  // sign in: Tab to the user name, type, Tab, type the password, Enter
  await tabUntil(page, (f) => f.id === 'f-gebruikersnaam', { what: 'the user name field' });
  await page.keyboard.type(EDITOR.name);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-wachtwoord', 'Tab from the user name goes to the password');
  await page.keyboard.type(TEST_PASSWORD);
  await pressAndWait(page, 'Enter', (u) => !u.pathname.startsWith('/inloggen'));
  assert.match(await page.locator('header').innerText(), new RegExp(EDITOR.display), 'the header names the signed-in user');
  await screenshot(page, 'edit-2-ingelogd');

  // the header's account link -> /account -> "Mijn organisatie"
  await tabUntil(page, (f) => f.href === '/account', { what: 'the account link in the header' });
  await pressAndWait(page, 'Enter', (u) => u.pathname === '/account');
  await tabUntil(page, (f) => f.href === '/mijn-organisatie', { what: 'the link to /mijn-organisatie on /account' });
  await pressAndWait(page, 'Enter', (u) => u.pathname === '/mijn-organisatie');
  assert.match(await mainText(page), /Mijn organisatie: Lopik/);
  await screenshot(page, 'edit-3-mijn-organisatie');

  // the collaboration, from Lopik's list of records
  await tabUntil(page, (f) => f.href === collabPath, { max: 120, what: `the link to ${collabPath}` });
  await pressAndWait(page, 'Enter', (u) => u.pathname === collabPath);
  assert.match(await mainText(page), /Beheer/, 'the record page shows the Beheer controls to the editor');
  await screenshot(page, 'edit-4-samenwerkingsverband');

  // a partner editor may edit Lopik's participation (not the collaboration:
  // Lopik is not its penvoerder), via the row's "Bewerken" link
  await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Bewerken: deelname van Lopik', { max: 200, what: "Lopik's Bewerken link" });
  const editHref = (await focused(page)).href;
  assert.match(editHref, /\/deelnemers\/\d+\/bewerken$/);
  await pressAndWait(page, 'Enter', (u) => u.pathname === editHref);
  await screenshot(page, 'edit-5-deelname-formulier');

  // change the body with the arrow keys and the contribution by typing
  await tabUntil(page, (f) => f.id === 'f-orgaan', { what: 'the Orgaan select' });
  const before = await page.locator('#f-orgaan').inputValue();
  await page.keyboard.press('ArrowDown');
  const orgaan = await page.locator('#f-orgaan').inputValue();
  assert.notEqual(orgaan, before, 'ArrowDown changes the Orgaan select');
  const orgaanLabel = (await page.locator(`#f-orgaan option[value="${orgaan}"]`).innerText()).trim();
  await tabUntil(page, (f) => f.id === 'f-bijdrage', { what: 'the Bijdrage field' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('125000');
  await screenshot(page, 'edit-6-deelname-ingevuld');
  // Enter in a text field submits the form; post/redirect/get to the record
  await pressAndWait(page, 'Enter', (u) => u.pathname === collabPath && u.search.includes('melding=opgeslagen'));
  const saved = await mainText(page);
  assert.match(saved, /opgeslagen/i, 'a notice says the change was saved');
  const row = page.locator('main tr', { has: page.locator(`a[href="/organisaties/${LOPIK}"]`) }).first();
  assert.match(await row.innerText(), /125\.000/, 'the new contribution is in Lopik\'s row');
  assert.match(await row.innerText(), new RegExp(orgaanLabel), 'the new body is in Lopik\'s row');
  await screenshot(page, 'edit-7-opgeslagen');

  // the history page, from the record page's link
  await tabUntil(page, (f) => f.href === `${collabPath}/geschiedenis`, { max: 120, what: 'the Geschiedenis link' });
  await pressAndWait(page, 'Enter', (u) => u.pathname === `${collabPath}/geschiedenis`);
  const firstEvent = await page.locator('main .atlas-timeline__item').first().innerText();
  assert.match(firstEvent, /Bijdrage \(euro per jaar\) \(Lopik\): \(leeg\) → 125\.000/, `readable change line, got:\n${firstEvent}`);
  assert.match(firstEvent, new RegExp(`Orgaan.*\\(Lopik\\).*→ ${orgaanLabel}`, 'i'), `readable change line for the body, got:\n${firstEvent}`);
  assert.match(firstEvent, /red-lopik|Testredacteur Lopik/, 'the event names who changed it');
  await screenshot(page, 'edit-8-geschiedenis');

  // back to the record ("Terug naar ..." link in the lead) and confirm
  await tabUntil(page, (f) => f.href === collabPath, { what: 'the link back to the record' });
  await pressAndWait(page, 'Enter', (u) => u.pathname === collabPath);
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Bevestig dat dit klopt: deelname van Lopik', {
    max: 200,
    what: "Lopik's Bevestig button",
  });
  await pressAndWait(page, 'Space', (u) => u.pathname === collabPath && u.search.includes('melding=bevestigd'));
  const confirmedRow = await row.innerText();
  assert.ok(confirmedRow.includes(today), `Lopik's row shows today's confirmation (${today}):\n${confirmedRow}`);
  assert.match(confirmedRow, /door (Testredacteur Lopik|red-lopik)/, `Lopik's row names the editor:\n${confirmedRow}`);
  await screenshot(page, 'edit-9-bevestigd');

  // and the organisation itself: its page says "Laatst bevestigd op <today> door ..."
  await tabUntil(page, (f) => f.href === `/organisaties/${LOPIK}` && f.text === 'Lopik', { max: 200, what: 'the link to Lopik' });
  await pressAndWait(page, 'Enter', (u) => u.pathname === `/organisaties/${LOPIK}`);
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Bevestig dat dit klopt: Lopik', { max: 200, what: "Lopik's own Bevestig button" });
  await pressAndWait(page, 'Enter', (u) => u.pathname === `/organisaties/${LOPIK}` && u.search.includes('melding=bevestigd'));
  const org = await mainText(page);
  assert.ok(
    new RegExp(`Laatst bevestigd op ${today} door (Testredacteur Lopik|red-lopik)`).test(org),
    `the organisation page shows "Laatst bevestigd op ${today} door ...":\n${org.slice(0, 1500)}`,
  );
  await screenshot(page, 'edit-10-organisatie-bevestigd');
  assertNoPageErrors(page, 'keyboard flow');
  env.assertNoExternalRequests();
});

test('axe-core: no WCAG A/AA violations on the issue-4 pages', T_AXE, async () => {
  const found = [];
  const anon = await env.newPage();
  // /inloggen, empty and after a failed sign-in
  await visit(env, anon, '/inloggen');
  await check(anon, 'inloggen', found);
  await anon.fill('#f-gebruikersnaam', 'bestaat-niet');
  await anon.fill('#f-wachtwoord', 'een-verkeerd-wachtwoord');
  await submitAndWait(anon, () => anon.click('main button[type=submit]'));
  await anon.waitForSelector('.atlas-error-summary');
  await check(anon, 'inloggen met fout', found);
  await screenshot(anon, 'edit-a11y-inloggen-fout');

  const adm = await signedInPage(env, 'ed-beheer');
  // /account with a freshly created token shown once
  await visit(env, adm, '/account');
  await adm.fill('#f-sleutelnaam', 'testkoppeling');
  assert.ok((await submitAndWait(adm, () => adm.click('main form[action="/account/sleutels"] button'))) < 400, 'token created');
  assert.match(await mainText(adm), /testkoppeling[\s\S]*Sleutel\s+\S{20,}/, 'the new token is shown once');
  await check(adm, 'account met nieuwe sleutel', found);
  await screenshot(adm, 'edit-a11y-account-sleutel');

  const simple = [
    ['beheer-gebruikers', '/beheer/gebruikers'],
    ['beheer-gebruiker', `/beheer/gebruikers/${EDITOR.name}`],
    ['samenwerkingsverband-nieuw', '/samenwerkingsverbanden/nieuw'],
    ['samenwerkingsverband-bewerken', `/samenwerkingsverbanden/${F.other}/bewerken`],
    ['deelnemer-nieuw', `/samenwerkingsverbanden/${F.other}/deelnemers/nieuw`],
    ['organisatie-bewerken', `/organisaties/${LOPIK}/bewerken`],
    ['samenwerkingsverband-beheer', `/samenwerkingsverbanden/${F.other}`],
    ['organisatie-beheer', `/organisaties/${LOPIK}`],
    ['samenwerkingsverband-geschiedenis', `/samenwerkingsverbanden/${F.collab}/geschiedenis`],
    ['organisatie-geschiedenis', `/organisaties/${LOPIK}/geschiedenis`],
    ['wijzigingen', '/wijzigingen'],
    ['wie-weet-wat', '/kennis/wie-weet-wat'],
    ['wie-weet-wat-mijn-vermelding', '/kennis/wie-weet-wat/mijn-vermelding'],
  ];
  for (const [name, p] of simple) {
    await visit(env, adm, p);
    await check(adm, name, found);
    await screenshot(adm, `edit-a11y-${name}`);
  }
  // a personal data request by address: the form and its result page
  await visit(env, adm, '/beheer/persoonsgegevens');
  await check(adm, 'beheer-persoonsgegevens', found);
  await adm.fill('#f-email', 'niemand.bekend@voorbeeld.nl');
  assert.equal(await submitAndWait(adm, () => adm.click('main form[action="/beheer/persoonsgegevens"] button')), 200);
  assert.match(await mainText(adm), /0 aanmelding\(en\), 0 melding\(en\) en 0 bericht\(en\)/);
  await check(adm, 'beheer-persoonsgegevens-gevonden', found);
  await screenshot(adm, 'edit-a11y-beheer-persoonsgegevens');
  // the participation edit form: the first "Bewerken: deelname van ..." link
  await visit(env, adm, `/samenwerkingsverbanden/${F.other}`);
  const partEdit = await adm.locator('main a[href$="/bewerken"][href*="/deelnemers/"]').first().getAttribute('href');
  assert.ok(partEdit, 'the record page links to a participation edit form');
  await visit(env, adm, partEdit);
  await check(adm, 'deelname-bewerken', found);
  await screenshot(adm, 'edit-a11y-deelname-bewerken');
  // ... and with validation errors
  await adm.fill('#f-bijdrage', 'veel');
  await adm.fill('#f-kostenverdeelsleutel', '7');
  assert.equal(await submitAndWait(adm, () => adm.click('main form.atlas-edit-form button.utrecht-button--primary-action')), 400);
  await adm.waitForSelector('#foutmeldingen');
  await check(adm, 'deelname-bewerken met fouten', found);
  await screenshot(adm, 'edit-a11y-deelname-fouten');
  // the collaboration form with validation errors
  await visit(env, adm, `/samenwerkingsverbanden/${F.other}/bewerken`);
  await adm.fill('#f-naam', '');
  await adm.fill('#f-website', 'geen adres');
  assert.equal(await submitAndWait(adm, () => adm.click('main form.atlas-edit-form button.utrecht-button--primary-action')), 400);
  await adm.waitForSelector('#foutmeldingen');
  await check(adm, 'samenwerkingsverband-bewerken met fouten', found);
  await screenshot(adm, 'edit-a11y-samenwerkingsverband-fouten');
  // the new-collaboration form with validation errors (everything empty)
  await visit(env, adm, '/samenwerkingsverbanden/nieuw');
  assert.equal(await submitAndWait(adm, () => adm.click('main form.atlas-edit-form button.utrecht-button--primary-action')), 400);
  await adm.waitForSelector('#foutmeldingen');
  await check(adm, 'samenwerkingsverband-nieuw met fouten', found);

  // the conflict page: two sessions load the same form, the first saves,
  // the second saves over it -> 409 with both versions side by side
  const staf = await signedInPage(env, 'ed-staf');
  const form = `/samenwerkingsverbanden/${F.other}/bewerken`;
  await visit(env, adm, form);
  await visit(env, staf, form);
  await adm.fill('#f-vestigingsplaats', 'Testdorp-Noord');
  await Promise.all([adm.waitForURL((u) => u.search.includes('melding=opgeslagen')), adm.click('main form.atlas-edit-form button.utrecht-button--primary-action')]);
  await staf.fill('#f-vestigingsplaats', 'Testdorp-Zuid');
  const status = await submitAndWait(staf, () => staf.click('main form.atlas-edit-form button.utrecht-button--primary-action'));
  assert.equal(status, 409, 'saving over a newer version gives the conflict page');
  assert.match(await mainText(staf), /Testdorp-Noord/);
  assert.match(await mainText(staf), /Testdorp-Zuid/);
  await check(staf, 'conflict (409)', found);
  await screenshot(staf, 'edit-a11y-conflict');

  // the partner editor's pages
  const red = await signedInPage(env, EDITOR.name);
  for (const [name, p] of [
    ['mijn-organisatie', '/mijn-organisatie'],
    ['samenwerkingsverband-redacteur', `/samenwerkingsverbanden/${F.collab}`],
    ['deelnemer-nieuw-redacteur', `/samenwerkingsverbanden/${F.other}/deelnemers/nieuw`],
    ['organisatie-bewerken-redacteur', `/organisaties/${LOPIK}/bewerken`],
  ]) {
    await visit(env, red, p);
    await check(red, name, found);
    await screenshot(red, `edit-a11y-${name}`);
  }
  assert.equal(found.length, 0, `axe-core violations:\n${found.join('\n')}`);
  env.assertNoExternalRequests();
});

// After a failed submit: focus is in the error summary sel (or the first Tab
// gets there), and Enter on each of its links moves focus to that field,
// which is marked aria-invalid and described by its message.
async function checkSummaryFocus(page, sel, label) {
  const links = await page.locator(`${sel} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length > 0, `${label}: the summary has links`);
  const inSummary = () => page.evaluate((s) => !!document.activeElement?.closest(s), sel);
  let f = await focused(page);
  if (!(await inSummary())) {
    await page.keyboard.press('Tab');
    f = await focused(page);
  }
  assert.ok(await inSummary(), `${label}: the error summary has focus after the failed submit (or at the first Tab); focus is on ${JSON.stringify(f)}`);
  for (const href of links) {
    await tabUntil(page, (x) => x.href === href, { max: 10, what: `${label}: the summary link ${href}` });
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, href.slice(1), { timeout: 2000 }).catch(() => {});
    f = await focused(page);
    assert.equal(f.id, href.slice(1), `${label}: Enter on ${href} moves focus to the field`);
    const a = await page.evaluate(() => ({
      invalid: document.activeElement.getAttribute('aria-invalid'),
      described: (document.activeElement.getAttribute('aria-describedby') || '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent || '')
        .join(' '),
    }));
    assert.equal(a.invalid, 'true', `${label}: ${href} is marked aria-invalid`);
    assert.ok(a.described.trim().length > 0, `${label}: ${href} is described by its error message`);
    // back before the summary's first link for the next round
    await tabUntil(page, (x) => x.href === links[0], { back: true, max: 80, what: `${label}: the summary again` });
    await page.keyboard.press('Shift+Tab');
  }
  return links;
}

test('focus after a failed submit: the error summary first, its links move focus to the fields', T, async () => {
  // the collaboration form (forms.c summary)
  const page = await signedInPage(env, 'ed-staf');
  await visit(env, page, `/samenwerkingsverbanden/${F.other}/bewerken`);
  await page.fill('#f-naam', '');
  await page.fill('#f-website', 'geen adres');
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Opslaan', { max: 120, what: 'the Opslaan button' });
  assert.equal(await submitAndWait(page, () => page.keyboard.press('Enter')), 400, 'a form with errors answers 400');
  await screenshot(page, 'edit-focus-foutmeldingen');
  const links = await checkSummaryFocus(page, '#foutmeldingen', 'samenwerkingsverband bewerken');
  assert.ok(links.includes('#f-naam') && links.includes('#f-website'), `the summary links to both fields: ${links}`);
  await screenshot(page, 'edit-focus-veld');
  assertNoPageErrors(page, 'focus test');

  // the sign-in form (auth_ui.c summary): an empty submit
  const anon = await env.newPage();
  await visit(env, anon, '/inloggen');
  await tabUntil(anon, (f) => f.tag === 'button' && f.text === 'Inloggen' && !f.href, { max: 60, what: 'the Inloggen button' });
  assert.equal(await submitAndWait(anon, () => anon.keyboard.press('Enter')), 400, 'an empty sign-in answers 400');
  await checkSummaryFocus(anon, '.atlas-error-summary', 'inloggen');
  await screenshot(anon, 'edit-focus-inloggen');
});
