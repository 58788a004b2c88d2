// export-roo — the registry in the ROO export shape (issue 6): the HTTP
// export GET /api/v1/export/roo.xml and the CLI `atlas export roo` both
// validate with xmllint against the ROO XSD (tests/fixtures/roo-schema),
// on the bundled seed and on the fictional seed (which has complete Wgr
// regelingen, so regeling/deelnemendeOrganisatie elements are checked too).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startServer, freshDb, atlas, ROOT } from './harness.mjs';

const XSD = path.join(ROOT, 'tests', 'fixtures', 'roo-schema', 'oo-export-2.6.11.xsd');
const NS = 'https://organisaties.overheid.nl/static/schema/oo/export/2.6.9';
let srv;
let fict;

function xmllint(file) {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

before(async () => {
  srv = await startServer();
  fict = freshDb({ seed: false });
  const r = atlas(['import', 'seed', '--seed-dir', 'tests/fixtures/seed-fictional', '--db', fict.db]);
  assert.equal(r.status, 0, r.stderr);
});
after(async () => {
  await srv?.stop();
  if (fict) rmSync(fict.dir, { recursive: true, force: true });
});

test('GET /api/v1/export/roo.xml validates against the ROO XSD', async () => {
  const r = await fetch(srv.base + '/api/v1/export/roo.xml');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/xml/);
  assert.ok(r.headers.get('etag'));
  const xml = await r.text();
  assert.ok(xml.includes(`xmlns="${NS}"`));
  const file = path.join(srv.dir, 'roo.xml');
  writeFileSync(file, xml);
  const v = xmllint(file);
  assert.equal(v.status, 0, v.stderr);
  // every organisation of the registry is in it
  const orgs = await (await fetch(srv.base + '/api/v1/organisaties?status=alle&paginaGrootte=1')).json();
  assert.equal((xml.match(/<organisatie[ >]/g) || []).length, orgs.totaal);
  assert.ok(xml.includes('p:resourceIdentifierTOOI="https://identifier.overheid.nl/tooi/id/gemeente/gm0344"'));
});

test('atlas export roo on the fictional seed: regelingen with participants, valid', () => {
  const out = path.join(fict.dir, 'roo.xml');
  const r = atlas(['export', 'roo', '--db', fict.db, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /\d+ regelingen/);
  const v = xmllint(out);
  assert.equal(v.status, 0, v.stderr);
  const xml = readFileSync(out, 'utf8');
  assert.match(xml, /<titel>Afvalschap Testregio<\/titel>/);
  assert.match(xml, /<samenwerkingsvorm p:afkorting="OL">Openbaar lichaam<\/samenwerkingsvorm>/);
  assert.match(xml, /<bevoegdheidsverkrijging>Delegatie<\/bevoegdheidsverkrijging>/);
  assert.match(xml, /<verdeelsleutel>0,4<\/verdeelsleutel>/);
  assert.match(xml, /<bestuursorgaan>\s*<naam>Raad<\/naam>/);
  // hostile text from the fixture is escaped, not markup
  assert.ok(!xml.includes('<script>'));
  assert.ok(xml.includes('&lt;script&gt;'));
});

test('atlas export roo to stdout equals the file', () => {
  const r = atlas(['export', 'roo', '--db', fict.db]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, readFileSync(path.join(fict.dir, 'roo.xml'), 'utf8'));
  const bad = atlas(['export', 'xml', '--db', fict.db]);
  assert.equal(bad.status, 2);
});
