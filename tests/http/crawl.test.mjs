// crawl — is every page reachable? Starting from `/`, as an anonymous
// visitor, a partner editor, a programme-team member and an administrator,
// follow every same-origin link (<a href> and the action of GET forms; POST
// forms such as "Uitloggen" are never submitted) and fail on any GET page
// route in the route table that no link reaches for a role that may see it.
//
// The route table is read from src/http/routes.c itself (routeTable below):
// every entry of kind ROUTE_PAGE whose methods include GET, with its
// min_role (EDIT_FORM means USER_ROLE_EDITOR). A route with parameters
// (/organisaties/{code}) counts as reached when any instance is linked.
// Downloads (.csv, .ics, .json, .geojson, .atom, .xml and the person
// export) count as reached when linked, but are not fetched. Per route at
// most PER_ROUTE different URLs are fetched, of which at most
// PER_ROUTE_QUERY with a query string (filter combinations would otherwise
// never end); every link on every fetched page is still counted.
//
// Fictional users; the database is the seed plus the change sets of
// data/wijzigingen, as `make run` serves it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, freshDb, atlas, addUser, login, ROOT, decodeEntities } from './harness.mjs';

const PER_ROUTE = 150; // every organisation, collaboration and person page
const PER_ROUTE_QUERY = 10; // filter and sort variants of one route
const MAX_FETCHES = 4000;

const ROLES = ['NONE', 'EDITOR', 'ACCOUNT_MGR', 'SUPERVISOR', 'STAFF', 'ADMIN'];
const rank = (role) => ROLES.indexOf(role);

/*
 * Routes that no link may reach, each with its reason. `roles` limits an
 * exception to the roles listed (all roles when absent).
 */
const UNLINKED = [
  { path: '/correcties/status/{token}', why: 'the private status link is shown once after a report is sent (a POST) and sent by e-mail' },
  { path: '/inloggen/oidc', why: 'shown on /inloggen only when an OpenID Connect provider is configured (tests/http/oidc.test.mjs)' },
  { path: '/inloggen/oidc/terug', why: 'the OpenID Connect provider redirects here; never a link' },
  { path: '/gezondheid', why: 'the health check for monitoring, not a page for visitors' },
  {
    path: '/inloggen',
    roles: ['EDITOR', 'ACCOUNT_MGR', 'SUPERVISOR', 'STAFF', 'ADMIN'],
    why: 'signed-in users are offered "Uitloggen", not the login page',
  },
  {
    path: '/mijn-organisatie/bevestigen',
    roles: ['ACCOUNT_MGR', 'SUPERVISOR', 'STAFF', 'ADMIN'],
    why: '"Bevestig alles wat klopt" confirms a partner editor\'s own records; the others confirm record by record',
  },
  { path: '/bijeenkomsten/bevestigen/{token}', why: 'the confirmation link of a guest registration is only sent by e-mail (tests/http/bijeenkomsten.test.mjs)' },
  { path: '/bijeenkomsten/afmelden/{token}', why: 'the cancel link of a registration is only sent by e-mail (tests/http/bijeenkomsten.test.mjs)' },
  ...['/bijeenkomsten/{id}', '/bijeenkomsten/{id}/bewerken', '/bijeenkomsten/{id}/aanmeldingen.csv', '/bijeenkomsten/{id}/verslag',
    '/bijeenkomsten/{id}/aanmeldingen/{rid}'].map((p) => ({
    path: p,
    why: 'the data has no event; its links are tested in tests/http/bijeenkomsten.test.mjs',
  })),
  {
    path: '/instrumenten/{id}',
    why: 'the data has no instrument request yet; the links from /instrumenten are tested in tests/http/instrumenten.test.mjs',
  },
  ...['/kennis/subsidiekansen/{id}', '/kennis/subsidiekansen/{id}/bewerken'].map((p) => ({
    path: p,
    why: 'the data has no funding call (staff enter them); the links from /kennis/subsidiekansen are tested in tests/http/subsidiekansen.test.mjs',
  })),
  {
    path: '/kennis/indicatoren/{key}',
    why: 'the test data loads no indicators (make run does: data/indicatoren); the links from /kennis/indicatoren are tested in tests/http/indicatoren.test.mjs',
  },
  {
    path: '/financien.csv',
    why: 'linked from the national view of a taakveld, which needs Iv3 indicators; the test data loads none (tests/http/financien.test.mjs checks the link and downloads it)',
  },
  {
    path: '/kennis/vergelijk.csv',
    why: 'linked from a comparison, which needs indicators; the test data loads none (tests/http/indicatoren_vergelijk.test.mjs checks the links, tests/browser/indicatoren_vergelijk.test.mjs downloads one)',
  },

  ...['/kennis/bibliotheek/{id}', '/kennis/bibliotheek/{id}/bewerken'].map((p) => ({
    path: p,
    why: 'the data has no knowledge-base item (none are invented); the links from the list are tested in tests/http/bibliotheek.test.mjs',
  })),
  {
    path: '/toezicht/beoordelingen/{id}',
    why: 'the data has no assessment (the atlas ships none); the links from /toezicht and /organisaties/{code}/toezicht are tested in tests/http/toezicht.test.mjs',
  },
  { path: '/enquete/{token}', why: 'a response link of the evaluation is only handed out in a CSV download or by e-mail (tests/http/evaluatie.test.mjs)' },
  ...['/evaluatie/{ronde}', '/evaluatie/{ronde}/beheer', '/evaluatie/{ronde}/resultaten.csv'].map((p) => ({
    path: p,
    why: 'the data has no evaluation round (none are invented); the links from /evaluatie are tested in tests/http/evaluatie.test.mjs',
  })),
  {
    path: '/toezicht/ladder/{id}',
    why: 'the data has no intervention-ladder step (the atlas ships none); the links from /toezicht and /organisaties/{code}/toezicht are tested in tests/http/toezicht_ladder.test.mjs',
  },
  {
    path: '/toezicht/afspraken/{id}',
    why: 'the data has no agreement (the atlas ships none); the link from a ladder step is tested in tests/http/toezicht_ladder.test.mjs',
  },
  {
    path: '/samenwerkingsverbanden/{id}/afspraken/{afspraak}/bewerken',
    why: 'the data has no shared agreement yet; the edit link is tested in tests/http/agreements.test.mjs',
  },
];

const DOWNLOAD = /\.(csv|ics|json|geojson|atom|xml)$|^\/personen\/\{id\}\/export$/;

// The GET page routes of src/http/routes.c: [{path, re, role}].
export function routeTable() {
  const src = readFileSync(path.join(ROOT, 'src', 'http', 'routes.c'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out = [];
  const entry = /\{\s*([A-Z_| ]+?)\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*ROUTE_PAGE\s*,([^{}]*)\}/g;
  for (const m of src.matchAll(entry)) {
    const methods = m[1].split('|').map((s) => s.trim());
    if (!methods.includes('GET')) continue;
    const rest = m[3];
    const role = /\bEDIT_FORM\b/.test(rest) ? 'EDITOR' : /USER_ROLE_(\w+)/.exec(rest)?.[1] || 'NONE';
    const p = m[2];
    const re = new RegExp('^' + p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$');
    out.push({ path: p, re, role });
  }
  return out;
}

let srv;
const routes = routeTable();

before(async () => {
  const { dir, db } = freshDb();
  const sets = path.join(ROOT, 'data', 'wijzigingen');
  for (const d of readdirSync(sets).sort()) {
    const r = atlas(['import', 'wijzigingen', path.join(sets, d), '--toepassen', '--db', db]);
    assert.equal(r.status, 0, `import ${d}: ${r.stderr}`);
  }
  // an editor of Stichtse Vecht (centrumgemeente of a collaboration, so it
  // has collaboration edit links), programme staff and an administrator
  addUser(db, 'redacteur.fictief', 'redacteur', { org: 'gm1904', display: 'Redacteur Fictief' });
  addUser(db, 'programma.fictief', 'programmateam', { display: 'Programma Fictief' });
  addUser(db, 'beheer.fictief', 'beheerder', { display: 'Beheerder Fictief' });
  srv = await startServer({ dir, db });
});

after(async () => {
  if (srv) await srv.stop();
});

const routeOf = (pathname) => routes.find((r) => r.re.test(pathname));

// Same-origin GET targets on a page: <a href> and <form method=get action>.
function links(html, pageUrl) {
  const out = [];
  const add = (href) => {
    let u;
    try {
      u = new URL(decodeEntities(href), pageUrl);
    } catch {
      return;
    }
    if (u.origin !== new URL(pageUrl).origin) return;
    u.hash = '';
    out.push(u);
  };
  for (const m of html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)) add(m[1]);
  for (const m of html.matchAll(/<form\b([^>]*)>/g)) {
    const attrs = m[1];
    const method = /\bmethod="([^"]*)"/i.exec(attrs)?.[1] || 'get';
    if (method.toLowerCase() !== 'get') continue;
    add(/\baction="([^"]*)"/.exec(attrs)?.[1] || pageUrl);
  }
  return out;
}

// Crawl as one client; returns {reached: Set of route paths, problems: []}.
async function crawl(client) {
  const reached = new Set(['/']);
  const fetchedPerRoute = new Map();
  const seen = new Set(['/']);
  const queue = ['/'];
  const problems = [];
  let fetches = 0;
  while (queue.length && fetches < MAX_FETCHES) {
    const batch = queue.splice(0, 4);
    const pages = await Promise.all(batch.map(async (p) => ({ p, r: await client.get(p) })));
    fetches += batch.length;
    for (const { p, r } of pages) {
      if (r.status !== 200) {
        problems.push(`${p} answered ${r.status}`);
        continue;
      }
      if (!/text\/html/.test(r.headers.get('content-type') || '')) continue;
      for (const u of links(r.text, srv.base + p)) {
        if (u.pathname.startsWith('/static/') || u.pathname.startsWith('/api/')) continue;
        const route = routeOf(u.pathname);
        const target = u.pathname + u.search;
        if (route) reached.add(route.path);
        else {
          problems.push(`${p} links to ${target}, which is no page route`);
          continue;
        }
        if (seen.has(target)) continue;
        seen.add(target);
        if (route && DOWNLOAD.test(route.path)) continue;
        const key = (route ? route.path : u.pathname) + (u.search ? '?' : '');
        const n = fetchedPerRoute.get(key) || 0;
        if (n >= (u.search ? PER_ROUTE_QUERY : PER_ROUTE)) continue;
        fetchedPerRoute.set(key, n + 1);
        queue.push(target);
      }
    }
  }
  return { reached, problems, fetches };
}

const exempt = (route, role) =>
  UNLINKED.some((e) => e.path === route.path && (!e.roles || e.roles.includes(role)));

async function check(role, client) {
  const { reached, problems } = await crawl(client);
  assert.deepEqual(problems, [], `${role}: broken links`);
  const missing = routes
    .filter((r) => rank(r.role) <= rank(role) && !reached.has(r.path) && !exempt(r, role))
    .map((r) => r.path);
  assert.deepEqual(missing, [], `${role}: page routes no link reaches`);
  // no page a role may not open is linked to it
  const forbidden = [...reached].filter((p) => rank(routes.find((r) => r.path === p).role) > rank(role));
  return { reached, forbidden };
}

test('the route table is read from src/http/routes.c', () => {
  const by = Object.fromEntries(routes.map((r) => [r.path, r.role]));
  assert.equal(by['/'], 'NONE');
  assert.equal(by['/organisaties/{code}'], 'NONE');
  assert.equal(by['/samenwerkingsverbanden/nieuw'], 'EDITOR');
  assert.equal(by['/beheer'], 'STAFF');
  assert.equal(by['/beheer/gebruikers'], 'ADMIN');
  assert.ok(!('/uitloggen' in by), 'POST-only routes are left out');
  assert.ok(!Object.keys(by).some((p) => p.startsWith('/api/')), 'API routes are left out');
  for (const e of UNLINKED) assert.ok(e.path in by, `exception ${e.path} is a route`);
});

test('anonymous: every public page is reached by a link from /', async () => {
  const { forbidden } = await check('NONE', srv);
  assert.deepEqual(forbidden, [], 'links to pages that need signing in');
});

test('partner editor: every page an editor may open is reached', async () => {
  const c = await login(srv.base, 'redacteur.fictief', { csrf: false });
  const { reached, forbidden } = await check('EDITOR', c);
  assert.ok(reached.has('/mijn-organisatie'));
  assert.deepEqual(forbidden, [], 'links to pages the editor may not open');
});

test('programme staff: every page, /beheer included, is reached', async () => {
  const c = await login(srv.base, 'programma.fictief', { csrf: false });
  const { reached, forbidden } = await check('STAFF', c);
  assert.ok(reached.has('/beheer') && reached.has('/beheer/import'));
  assert.deepEqual(forbidden, [], 'links to pages staff may not open');
});

test('administrator: every page, user management included, is reached', async () => {
  const c = await login(srv.base, 'beheer.fictief', { csrf: false });
  const { reached } = await check('ADMIN', c);
  assert.ok(reached.has('/beheer/gebruikers') && reached.has('/beheer/gebruikers/{naam}'));
});
