// html-valid — every HTML page of the atlas passes the Nu HTML Checker with
// no errors (one java run over all saved pages), and follows the house
// rules the CSP depends on: <html lang="nl">, exactly one <h1>, no style=
// attributes, no inline scripts or on* handlers.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, allPages, addUser, apiClient } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const HOSTILE = `<script>alert(1)</script>"'&`;

// [path, expected status]
async function pageList() {
  const pages = [
    ['/', 200],
    ['/samenwerkingsverbanden', 200],
    ['/samenwerkingsverbanden?status=alle', 200],
    ['/samenwerkingsverbanden?status=beeindigd', 200],
    ['/samenwerkingsverbanden?beleidsdomein=veiligheid&soort=wgr&sorteer=-naam', 200],
    ['/samenwerkingsverbanden?deelnemer=gm0344&juridischeVorm=OL&fase=onbekend', 200],
    ['/samenwerkingsverbanden?status=alle&paginaGrootte=5&pagina=2', 200],
    ['/samenwerkingsverbanden?beleidsdomein=afval&juridischeVorm=RZM', 200], // probably empty
    ['/organisaties', 200],
    ['/organisaties?status=alle', 200],
    ['/organisaties?soort=waterschap', 200],
    ['/organisaties?status=alle&paginaGrootte=20&pagina=2', 200],
    ['/zoeken', 200],
    ['/zoeken?q=utrecht', 200],
    ['/zoeken?q=Ze%C3%AFst', 200],
    ['/zoeken?q=qqqxyzzy', 200],
    ['/zoeken?q=' + encodeURIComponent(HOSTILE), 200],
    ['/over', 200],
    ['/toegankelijkheid', 200],
    ['/bestaat-niet', 404],
    ['/samenwerkingsverbanden/bestaat-niet', 404],
    ['/organisaties/gm9999', 404],
    ['/samenwerkingsverbanden?pagina=abc', 400],
    ['/samenwerkingsverbanden?beleidsdomein=' + encodeURIComponent(HOSTILE), 400],
    ['/zoeken?q=%FF', 400],
  ];
  // the knowledge base with a fictional item whose text is hostile
  const staff = apiClient(srv, addUser(srv.db, 'hv-staf', 'programmateam', { token: 'hv' }));
  const bib = await staff.call('POST', '/api/v1/kennis/publicaties', { body: { organisatie: 'gm0344', soort: 'link', titel: HOSTILE, url: "https://www.example.org/?a=1&b='2'", samenvatting: `${HOSTILE}\n\n${HOSTILE}`, datum: '2026-01-15', licentie: HOSTILE, gemeenten: ['gm0344'] } });
  assert.equal(bib.status, 201, bib.text);
  pages.push([`/kennis/bibliotheek/${bib.json.id}`, 200], ['/kennis/bibliotheek?q=' + encodeURIComponent(HOSTILE), 200], ['/kennis/bibliotheek/999999', 404]);
  // every page the navigation and footer of / link to (later issues add pages there)
  const home = await srv.get('/');
  for (const m of home.text.matchAll(/<a\b[^>]*\shref="(\/[^"?#]*)"/g)) {
    const p = m[1];
    if (p.startsWith('/static/') || p.startsWith('/api/')) continue;
    if (!pages.some(([q]) => q === p)) pages.push([p, 200]);
  }
  const collabs = await allPages(srv, '/api/v1/samenwerkingsverbanden?status=alle', 'samenwerkingsverbanden');
  for (const c of collabs.items) pages.push([`/samenwerkingsverbanden/${c.id}`, 200]);
  const orgs = await allPages(srv, '/api/v1/organisaties?status=alle', 'organisaties');
  for (const o of orgs.items) pages.push([`/organisaties/${o.code}`, 200]);
  return pages;
}

let saved = []; // {url, file, html}

test('fetch every page with the expected status', async () => {
  const dir = path.join(srv.dir, 'html');
  mkdirSync(dir, { recursive: true });
  const pages = await pageList();
  assert.ok(pages.some(([p]) => p === '/organisaties/gm0620'), 'Vianen page in the set');
  let i = 0;
  const wrong = [];
  for (const [p, status] of pages) {
    const r = await srv.get(p);
    if (r.status !== status) wrong.push(`${p}: expected ${status}, got ${r.status}`);
    if (!/^text\/html/.test(r.headers.get('content-type') || '')) {
      wrong.push(`${p}: content-type ${r.headers.get('content-type')}`);
      continue;
    }
    const file = path.join(dir, `p${String(i++).padStart(3, '0')}.html`);
    writeFileSync(file, r.body);
    saved.push({ url: p, file, html: r.text });
  }
  assert.deepEqual(wrong, []);
});

test('Nu HTML Checker: no errors on any page', async (t) => {
  t.diagnostic(`${saved.length} pages checked`);
  assert.ok(saved.length > 20, 'pages were not fetched');
  const msgs = await vnuValidate(saved.map((s) => s.file));
  const byFile = new Map(saved.map((s) => [s.file, s.url]));
  const errors = msgs.map((m) => `${byFile.get(m.file) ?? m.file}:${m.line}:${m.column}: ${m.type}: ${m.message} [${(m.extract || '').replace(/\s+/g, ' ').trim()}]`);
  assert.deepEqual(errors, [], `${errors.length} vnu errors`);
});

test('every page: lang="nl", exactly one <h1>, no style=, no inline script or handler', async () => {
  assert.ok(saved.length > 20);
  const problems = [];
  for (const { url, html } of saved) {
    if (!/<html\b[^>]*\blang="nl"/.test(html)) problems.push(`${url}: no <html lang="nl">`);
    const h1 = (html.match(/<h1[\s>]/g) || []).length;
    if (h1 !== 1) problems.push(`${url}: ${h1} <h1> elements`);
    for (const tag of html.match(/<[a-zA-Z][^>]*>/g) || []) {
      if (/\sstyle\s*=/i.test(tag)) problems.push(`${url}: style attribute in ${tag.slice(0, 80)}`);
      if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`${url}: event handler attribute in ${tag.slice(0, 80)}`);
      if (/^<script\b/i.test(tag) && !/\bsrc=/.test(tag) && !/type="application\/(ld\+)?json"/.test(tag))
        problems.push(`${url}: inline script ${tag}`);
    }
    if (/href="javascript:/i.test(html)) problems.push(`${url}: javascript: URL`);
  }
  assert.deepEqual(problems, []);
});

test('every internal link and resource on every page answers 200 (no dead links)', async (t) => {
  assert.ok(saved.length > 20);
  const targets = new Map(); // url -> first page linking it
  for (const { url, html } of saved) {
    for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      const u = m[1].replace(/&amp;/g, '&').replace(/#.*$/, '');
      if (!u.startsWith('/') || u.startsWith('//')) continue;
      if (!targets.has(u)) targets.set(u, url);
    }
  }
  t.diagnostic(`${targets.size} distinct internal links checked`);
  const dead = [];
  for (const [u, from] of targets) {
    const r = await srv.get(u);
    if (r.status !== 200) dead.push(`${u} (linked from ${from}): ${r.status}`);
  }
  assert.deepEqual(dead, []);
});
