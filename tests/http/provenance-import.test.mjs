// provenance-import — provenance per field through the public route: the
// change set data/wijzigingen/01-utrecht-2026 applied with
// `atlas import wijzigingen DIR --toepassen` (the project's own import),
// then the pages, the API and search show where each value came from:
// source marks on the fields and participations it set, its low rows as
// "niet bevestigd" claims next to their field ("Gepland per 1 januari
// 2026, niet bevestigd"), and the water board found by its former name.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startServer, freshDb, isPgUrl, dropPgDb, anonymous, atlas, ROOT, decodeEntities } from './harness.mjs';

const UTRECHT = path.join(ROOT, 'data', 'wijzigingen', '01-utrecht-2026');
const AGV = 'hoogheemraadschap-amstel-gooi-en-vecht';
const ODU = 'omgevingsdienst-utrecht';
let srv, dir, db, anon;

before(async () => {
  ({ dir, db } = freshDb());
  const r = atlas(['import', 'wijzigingen', UTRECHT, '--toepassen', '--db', db]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  srv = await startServer({ db, dir });
  anon = anonymous(srv.base);
});

after(async () => {
  await srv?.stop();
  if (db && isPgUrl(db)) dropPgDb(db);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const item = (html, label) => new RegExp(`<dt[^>]*>${label}</dt><dd[^>]*>([\\s\\S]*?)</dd>`).exec(html)?.[1] ?? null;
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

test('an imported collaboration: its low row as a planned claim, its members with their source', async () => {
  const r = await anon.get(`/samenwerkingsverbanden/${ODU}`);
  assert.equal(r.status, 200);
  const sd = item(r.text, 'Startdatum');
  assert.ok(sd, 'start date item (the unconfirmed claim)');
  assert.match(text(sd), /Gepland per 1 januari 2026, niet bevestigd \(volgens een overheidsorganisatie\)\[bron \d+\]/);
  // the claim is not a fact: the API record has no start date
  const j = await anon.getJson(`/api/v1/samenwerkingsverbanden/${ODU}`);
  assert.equal(j.startdatum, null);
  // every current member carries the mark of the Provinciaal blad
  const rows = [...r.text.matchAll(/<tr[^>]*>\s*<th scope="row"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1]);
  assert.ok(rows.length >= 27, `${rows.length} rows`);
  const n = /href="#bron-(\d+)"/.exec(rows[0])?.[1];
  assert.ok(n, 'a source mark on the first member');
  for (const row of rows.slice(0, 27)) assert.match(row, new RegExp(`href="#bron-${n}"`));
  const entry = new RegExp(`id="bron-${n}">([\\s\\S]*?)</ul></li>`).exec(r.text)?.[1];
  assert.match(text(entry), /Provinciaal blad 2025, 16741/);
  assert.match(text(entry), /bevestigd door officiële bekendmaking/);
  const h = await anon.getJson(`/api/v1/samenwerkingsverbanden/${ODU}/herkomst`);
  const claim = h.gegevens.find((g) => g.veld === 'start_date');
  assert.deepEqual([claim.status, claim.waarde, claim.gepland, claim.zekerheid], ['onbevestigd', '2026-01-01', true, 'laag']);
  assert.ok(h.gegevens.filter((g) => g.soort === 'deelname').length >= 27);
});

test('a renamed organisation: the name and TOOI code carry their sources; its former name is found', async () => {
  const r = await anon.get(`/organisaties/${AGV}`);
  assert.match(r.text, /<h1 class="utrecht-heading-1">Waterschap Amstel, Gooi en Vecht<\/h1>/);
  assert.match(item(r.text, 'Naam'), /Waterschap Amstel, Gooi en Vecht<sup class="atlas-ref">/);
  assert.match(item(r.text, 'TOOI-code'), /ws0155<sup class="atlas-ref">/);
  assert.match(r.text, /Naam: bevestigd door officiële bekendmaking/);
  for (const q of ['Hoogheemraadschap Amstel', 'AGV', 'Amstel, Gooi en Vecht']) {
    const j = await anon.getJson(`/api/v1/zoeken?q=${encodeURIComponent(q)}`);
    assert.equal(j.resultaten[0]?.id, AGV, q);
  }
});
