// overflow.test.mjs — every HTML page in the route table fits the window at
// 1280 px and at 390 px: no element's right edge beyond the viewport
// (document.documentElement.scrollWidth <= innerWidth), except inside an
// explicitly scrollable, labelled region (role="region", tabindex="0",
// overflow auto/scroll). Also: text in SVG charts never renders below 12 px.
//
// The routes are read from src/http/routes.c: every ROUTE_PAGE route with
// GET, minus downloads (.csv, .ics, .json, .geojson, .atom, .xml) and
// routes that answer with a redirect to elsewhere (OIDC). Path parameters
// are filled with an instance from the harness seed: a collaboration, the
// gemeente Houten, the test administrator, and for the rest the first link
// of that shape found on a few source pages. Routes that need a role (an
// explicit USER_ROLE_* or the edit forms) are measured signed in as an
// administrator.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEnv, signedInPage, addUser, ROOT } from './harness.mjs';
import { allPages, addToken, sql, atlas } from '../http/harness.mjs';

const T = { timeout: 600_000 };
const WIDTHS = [1280, 390];
const ADMIN = 'ov-beheer';
const DOWNLOAD = /\.(csv|ics|json|geojson|atom|xml)$/;
// Routes that leave the site (the OIDC sign-in redirects to the identity
// provider).
const NOT_A_PAGE = new Set(['/inloggen/oidc', '/inloggen/oidc/terug']);
// Routes with a parameter the seed has no instance of (an agreement, an
// import batch, a correction's private status token, the private links of
// an event registration that only a mail carries): not measured here.
const NO_SEED_INSTANCE = new Set(['/samenwerkingsverbanden/{id}/afspraken/{afspraak}/bewerken', '/wijzigingen/import/{id}', '/correcties/status/{token}',
  '/bijeenkomsten/bevestigen/{token}', '/bijeenkomsten/afmelden/{token}',
  // a survey round and its response link: tests/browser/evaluatie.test.mjs makes them and
  // measures the questionnaire and the results at 390 px
  '/evaluatie/{ronde}', '/evaluatie/{ronde}/beheer', '/enquete/{token}']);

// The GET page routes of the route table: {path, role} with role true when
// the route needs a signed-in user.
function pageRoutes() {
  const src = readFileSync(path.join(ROOT, 'src', 'http', 'routes.c'), 'utf8');
  const body = src.slice(src.indexOf('const struct route routes[]'));
  const editForm = /#define EDIT_FORM ([^\n]*)/.exec(src);
  const out = [];
  // one entry: from "{GET" / "{HTTP_POST" / ... up to the "}," that ends it
  // (path patterns hold braces too, so match the quoted path explicitly)
  const re = /\{\s*([A-Z_| ]+?)\s*,\s*"([^"]*)"\s*,\s*(\w+)\s*,\s*(ROUTE_\w+)\s*,([^}]*?)\}\s*,/g;
  let m;
  while ((m = re.exec(body))) {
    const [, methods, p, handler, kind, rest] = m;
    if (kind !== 'ROUTE_PAGE') continue;
    if (!/\bGET\b/.test(methods)) continue;
    if (DOWNLOAD.test(p) || NOT_A_PAGE.has(p) || handler.startsWith('api_')) continue;
    const flags = rest.includes('EDIT_FORM') && editForm ? rest + editForm[1] : rest;
    out.push({ path: p, role: /USER_ROLE_\w+/.test(flags) });
  }
  return out;
}

let env;
let admin;
const fill = {}; // placeholder values known up front
const routes = pageRoutes();
const results = []; // {route, url, width, over: [...]}
const missing = []; // routes without an instance

before(async () => {
  env = await startEnv();
  addUser(env.srv.db, ADMIN, 'beheerder', { display: 'Testbeheerder Overloop' });
  admin = await signedInPage(env, ADMIN);
  const items = (await allPages(env.srv, '/api/v1/samenwerkingsverbanden', 'samenwerkingsverbanden')).items;
  const rich = items.find((c) => c.id === 'veiligheidsregio-utrecht') || items[0];
  assert.ok(rich, 'no collaboration in the seed');
  fill.collab = rich.id;
  // a fictional person, so that the people pages have an instance
  await admin.goto(env.base + '/personen/nieuw', { waitUntil: 'load' });
  await admin.fill('#f-naam', 'Testpersoon Overloop');
  const nav = admin.waitForEvent('framenavigated', (fr) => fr === admin.mainFrame());
  await admin.click('main form.atlas-edit-form button.utrecht-button--primary-action');
  await nav;
  await admin.waitForLoadState('load');
  assert.match(admin.url(), /\/personen\/[^/]+$/, 'the test person was not saved');
  fill.person = new URL(admin.url()).pathname;
  // a fictional event and a public instrument request, so their pages have an instance
  const token = addToken(env.srv.db, ADMIN, 'overloop');
  const api = (method, p, body) => fetch(env.base + p, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const day = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
  const ev = await api('POST', '/api/v1/bijeenkomsten', { soort: 'netwerkdag', titel: 'Testnetwerkdag Overloop', omschrijving: 'Fictief.', begin: `${day}T10:00`, einde: `${day}T16:00`, locatie: 'Testhuis, Testdorp', capaciteit: 40, organisator: 'Provincie (test)' });
  const evText = await ev.text();
  assert.equal(ev.status, 201, evText);
  fill.event = `/bijeenkomsten/${JSON.parse(evText).id}`;
  // with an agenda: an accepted item and an open proposal of a partner (long titles)
  const partner = addUser(env.srv.db, 'overloop-red', 'redacteur', { org: 'gm0321', token: 'overloop' });
  for (const titel of ['Woningbouwopgave en bereikbaarheid in de regio: een gezamenlijke aanpak voor de komende tien jaar', 'Klimaatadaptatie en wateroverlast']) {
    const it = await fetch(`${env.base}/api/v1${fill.event}/agendapunten`, { method: 'POST', headers: { authorization: `Bearer ${partner}`, 'content-type': 'application/json' }, body: JSON.stringify({ titel, toelichting: 'Fictief.' }) });
    const itText = await it.text();
    assert.equal(it.status, 201, itText);
    if (titel.startsWith('Woningbouw')) assert.equal((await api('PATCH', `/api/v1/agendapunten/${JSON.parse(itText).id}`, { status: 'geaccepteerd', volgorde: 1, tijd: '10:30' })).status, 200);
  }
  // an event that took place, with a report, a document and a registration:
  // "Verslag en vervolg" with its forms and a registration's page
  const past = await api('POST', '/api/v1/bijeenkomsten', { soort: 'kennissessie', titel: 'Testkennissessie Achteraf', begin: `${day}T10:00`, einde: `${day}T12:00`, locatie: 'Testhuis, Testdorp', capaciteit: 10, organisator: 'Provincie (test)' });
  const pastId = JSON.parse(await past.text()).id;
  const ago = new Date(Date.now() - 3 * 86400e3).toISOString().slice(0, 10);
  assert.equal((await api('PATCH', `/api/v1/bijeenkomsten/${pastId}`, { begin: `${ago}T10:00`, einde: `${ago}T12:00` })).status, 200);
  assert.equal((await api('PUT', `/api/v1/bijeenkomsten/${pastId}/verslag`, { verslag: 'Een fictief verslag met een heel lang woord: Samenwerkingsovereenkomstonderhandelingsverslaglegging.\n\nTweede alinea.' })).status, 200);
  assert.equal((await api('POST', `/api/v1/bijeenkomsten/${pastId}/documenten`, { titel: 'Presentatie (fictief)', url: 'https://example.org/een/heel/lang/pad/naar/een/presentatie-van-de-testkennissessie-achteraf.pdf' })).status, 201);
  sql(env.srv.db, `INSERT INTO event_registration (event_id, email, name, organisation, status, created_at, updated_at) VALUES (${pastId}, 'overloop@example.org', 'Testdeelnemer Overloop', 'Gemeente Testdorp', 'aanwezig', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
  fill.pastEvent = `/bijeenkomsten/${pastId}`;
  const ins = await api('POST', '/api/v1/instrumenten', { organisatie: 'gm0321', soort: 'lobby', titel: 'Testdossier Overloop', doel: 'Fictief.' });
  const insText = await ins.text();
  assert.equal(ins.status, 201, insText);
  const insId = JSON.parse(insText).id;
  const granted = await api('PATCH', `/api/v1/instrumenten/${insId}`, { status: 'toegekend' });
  assert.equal(granted.status, 200, await granted.text());
  // a fictional funding call with a long title, so its pages have an instance
  const sk = await api('POST', '/api/v1/kennis/subsidiekansen', { programma: 'horizon-europe', titel: 'Fictieve oproep Overloop: klimaatbestendige en natuurinclusieve herinrichting van het landelijk gebied', link: 'https://voorbeeld.invalid/oproep/overloop-met-een-heel-lang-adres-zonder-spaties', deadline: day, themas: [], budgetCenten: 123456789000, cofinanciering: 50 });
  const skText = await sk.text();
  assert.equal(sk.status, 201, skText);
  fill.call = `/kennis/subsidiekansen/${JSON.parse(skText).id}`;
  // fictional indicators (tests/fixtures/indicatoren), so the indicator page has an instance
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) {
    const r = atlas(['import', 'indicatoren', path.join(ROOT, 'tests', 'fixtures', 'indicatoren', f), '--db', env.srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }

  // a fictional knowledge-base item with a long title and link
  const bib = await api('POST', '/api/v1/kennis/publicaties', { organisatie: 'gm0321', soort: 'analyse', titel: 'Testanalyse Overloop: samenwerking tussen gemeenten en waterschappen in de regio, een verkenning', url: 'https://www.example.org/fictief/een-heel-lang-pad/naar-een-testanalyse-over-samenwerking-zonder-spaties-in-het-adres', samenvatting: 'Fictief.', datum: '2026-01-15', gemeenten: ['gm0321'] });
  const bibText = await bib.text();
  assert.equal(bib.status, 201, bibText);
  fill.bib = `/kennis/bibliotheek/${JSON.parse(bibText).id}`;

  // a fictional established IBT assessment with a long link
  const tz = await api('POST', '/api/v1/toezicht/beoordelingen', { organisatie: 'gm0321', domein: 'omgevingsrecht', jaar: new Date().getUTCFullYear() - 1, niveau: 2, eigenOordeel: 1,
    motivering: 'Fictieve motivering Overloop: de vergunningverlening, het toezicht en de handhaving zijn grotendeels op orde; enkele dossiers waren niet tijdig.',
    bronnen: ['https://www.example.org/fictief/een-heel-lang-pad/naar-een-toezichtrapport-over-omgevingsrecht-zonder-spaties-in-het-adres'] });
  const tzText = await tz.text();
  assert.equal(tz.status, 201, tzText);
  const tzId = JSON.parse(tzText).id;
  for (const status of ['dialoog', 'vastgesteld']) assert.equal((await api('POST', `/api/v1/toezicht/beoordelingen/${tzId}/status`, { status })).status, 200);

  // a fictional intervention-ladder step with an agreement and a dialogue record, long texts
  const step = await api('POST', '/api/v1/toezicht/ladder', { organisatie: 'gm0321', domein: 'omgevingsrecht', trede: 3, sinds: '2025-03-01',
    reden: 'Fictieve reden Overloop: de achterstand in de vergunningverlening is na twee toezichtgesprekken niet ingelopen; afspraken zijn nodig.' });
  const stepText = await step.text();
  assert.equal(step.status, 201, stepText);
  fill.ladder = `/toezicht/ladder/${JSON.parse(stepText).id}`;
  assert.equal((await api('POST', `/api/v1/toezicht/ladder/${JSON.parse(stepText).id}/afspraken`, { actie: 'Fictieve actie Overloop: een plan van aanpak voor de achterstallige dossiers, met mijlpalen per kwartaal en een rapportage aan de raad.',
    eigenaar: 'College van burgemeester en wethouders (fictief)', termijn: '2025-09-01' })).status, 201);
  assert.equal((await api('POST', '/api/v1/toezicht/dialoog', { organisatie: 'gm0321', soort: 'toezichtgesprek', datum: '2025-04-01', onderwerp: 'Fictief toezichtgesprek Overloop over de achterstand in de vergunningverlening',
    deelnemers: 'Wethouder (fictief), afdelingshoofd (fictief), toezichthouder (fictief)', rapport: 'https://www.example.org/fictief/een-heel-lang-pad/naar-een-verslag-van-een-toezichtgesprek-zonder-spaties', zichtbaarheid: 'gedeeld' })).status, 201);
}, T);

after(async () => {
  if (env) await env.stop();
});

// Links on a few pages, to find an instance for the remaining parameters.
async function knownLinks() {
  const pages = ['/', `/samenwerkingsverbanden/${fill.collab}`, '/personen', fill.person, '/wijzigingen', '/beheer/gebruikers', '/organisaties/gm0321', '/bijeenkomsten', fill.pastEvent, fill.event, '/instrumenten', '/kennis/subsidiekansen', fill.call, '/kennis/indicatoren', fill.bib, '/organisaties/gm0321/toezicht', fill.ladder, '/beheer/toezicht', '/beheer/financien/signaleringswaarden', '/evaluatie/vragen'];
  const hrefs = new Set();
  for (const p of pages) {
    await admin.goto(env.base + p, { waitUntil: 'load' });
    for (const h of await admin.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href').split(/[?#]/)[0]))) hrefs.add(h);
  }
  return [...hrefs];
}

function instantiate(p, links) {
  let q = p.replace(/^\/samenwerkingsverbanden\/\{id\}/, `/samenwerkingsverbanden/${fill.collab}`);
  q = q.replace('{code}', 'gm0321').replace('{naam}', ADMIN);
  if (!q.includes('{')) return q;
  const esc = (s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const re = new RegExp('^' + q.split(/\{[a-z]+\}/).map(esc).join('[^/]+') + '$');
  return links.find((h) => re.test(h)) || null;
}

// Measure the page as it is now: scroll width and the elements whose right
// edge is beyond the window or beyond the scroll box they sit in, outside
// labelled scroll regions.
async function measure(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const inRegion = (el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        if (e.getAttribute('role') === 'region' && e.getAttribute('tabindex') === '0' && (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))) {
          const o = getComputedStyle(e).overflowX;
          if (o === 'auto' || o === 'scroll') return true;
        }
      }
      return false;
    };
    const hidden = (el) => {
      // the content of a closed <details> is not shown
      const d = el.closest('details:not([open])');
      if (d && !el.closest('summary')) return true;
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden') return true;
        // visually hidden text (clip) is not seen, so cannot overflow visibly
        if (s.position === 'absolute' && s.clip && s.clip !== 'auto' && e.offsetWidth <= 1) return true;
      }
      return false;
    };
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += '#' + el.id;
      const c = typeof el.className === 'string' ? el.className : el.className?.baseVal;
      if (c) s += '.' + c.trim().split(/\s+/).slice(0, 2).join('.');
      return s;
    };
    // the nearest ancestor that clips or scrolls sideways (not the page)
    const clipper = (el) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o !== 'visible' && o !== 'clip') return e;
      }
      return null;
    };
    const over = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // beyond the window, or cut off by a scroll box that is not a
      // labelled region (content nobody knows to scroll to)
      const box = r.right > vw + 0.5 ? null : clipper(el);
      if (r.right <= vw + 0.5 && !(box && r.right > box.getBoundingClientRect().right + 1)) continue;
      if (inRegion(el) || hidden(el)) continue;
      // report the outermost offender only, not each of its descendants
      if (over.some((o) => o.el.contains(el))) continue;
      over.push({ el, what: `${describe(el)} right=${Math.round(r.right)} "${(el.textContent || '').trim().slice(0, 40)}"` });
    }
    return { scrollWidth: document.documentElement.scrollWidth, vw, over: over.slice(0, 8).map((o) => o.what) };
  });
}

test('every GET page route has an instance to measure (but the few listed)', T, async () => {
  const links = await knownLinks();
  for (const r of routes) {
    r.url = instantiate(r.path, links);
    if (!r.url && !NO_SEED_INSTANCE.has(r.path)) missing.push(r.path);
  }
  assert.deepEqual(missing, [], `no instance found for: ${missing.join(', ')}`);
  assert.ok(routes.length >= 30, `only ${routes.length} page routes parsed from routes.c`);
});

for (const width of WIDTHS) {
  test(`no element is wider than the window at ${width} px`, T, async () => {
    const anon = await env.newPage({ viewport: { width, height: 900 } });
    await admin.setViewportSize({ width, height: 900 });
    const fails = [];
    for (const r of routes) {
      if (!r.url) continue;
      const page = r.role ? admin : anon;
      // a route that answers with a download (e.g. a person's data export)
      // is not a page: not measured
      let res;
      try {
        res = await page.goto(env.base + r.url, { waitUntil: 'load' });
      } catch (e) {
        if (/Download is starting/.test(String(e))) continue;
        throw e;
      }
      if (!/text\/html/.test(res?.headers()['content-type'] || '')) continue;
      await page.waitForLoadState('networkidle').catch(() => {});
      const m = await measure(page);
      results.push({ route: r.path, url: r.url, width, ...m });
      const bad = m.scrollWidth > m.vw || m.over.length > 0;
      if (bad) fails.push(`  ${r.url} (${r.path}): scrollWidth ${m.scrollWidth} > ${m.vw}\n      ${m.over.join('\n      ')}`);
    }
    assert.deepEqual(fails, [], `pages wider than ${width} px:\n${fails.join('\n')}`);
  });
}

// Chart text: every <text> in an SVG renders at 12 px or more on a phone.
test('SVG chart text renders at 12 px or more at 390 px', T, async () => {
  const page = await env.newPage({ viewport: { width: 390, height: 900 } });
  const small = [];
  let seen = 0;
  for (const r of routes) {
    if (!r.url || r.role) continue;
    await page.goto(env.base + r.url, { waitUntil: 'load' });
    const found = await page.evaluate(() =>
      [...document.querySelectorAll('svg text')]
        .filter((t) => t.getBoundingClientRect().width > 0)
        .map((t) => {
          const svg = t.ownerSVGElement;
          const ctm = t.getScreenCTM();
          const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
          return { px: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent.trim().slice(0, 30), svg: svg.getAttribute('class') || svg.id || 'svg' };
        }),
    );
    seen += found.length;
    for (const f of found) if (f.px < 11.95) small.push(`  ${r.url}: ${f.svg} "${f.text}" ${f.px.toFixed(1)} px`);
  }
  assert.ok(seen > 0, 'no SVG text found on any page: the check measured nothing');
  assert.deepEqual(small.slice(0, 40), [], `SVG text below 12 px at 390 px (${small.length}):\n${small.slice(0, 40).join('\n')}`);
});
