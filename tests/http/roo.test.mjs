// roo — `atlas import roo FILE [--dry-run]` as a black box: the dry run
// prints the change report and writes nothing (API counts unchanged), the
// real run adds what the report said (visible in the API), a second run
// changes nothing, a newer export ends what disappeared, and every bad file
// exits 1 with file:line:column and a reason, leaving the database as it was.
// Fixtures: tests/fixtures/roo (fictional, written from the XSD).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { atlas, freshDb, startServer } from './harness.mjs';

const FX = 'tests/fixtures/roo/';
const { dir, db } = freshDb();
after(() => rmSync(dir, { recursive: true, force: true }));

const report = (out, kind) => {
  const m = out.match(new RegExp(`^${kind}: (\\d+) toegevoegd, (\\d+) gewijzigd, (\\d+) beëindigd, (\\d+) ongewijzigd$`, 'm'));
  assert.ok(m, `no report line for ${kind} in:\n${out}`);
  return { added: +m[1], changed: +m[2], ended: +m[3], unchanged: +m[4] };
};
const total = (out) => Number(out.match(/^totaal: (\d+) wijziging/m)?.[1]);

async function counts() {
  const srv = await startServer({ db, dir });
  try {
    const c = await srv.getJson('/api/v1/samenwerkingsverbanden?status=alle');
    const o = await srv.getJson('/api/v1/organisaties?status=alle');
    return { collabs: c.totaal, orgs: o.totaal, srv: null };
  } finally {
    await srv.stop();
  }
}

test('import roo --help documents the command', () => {
  const r = atlas(['import', 'roo', '--help']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /--dry-run/);
  assert.match(r.stdout, /--db/);
  assert.match(atlas(['--help']).stdout, /import roo/);
});

test('dry run reports, writes nothing; real run adds; second run changes nothing', async () => {
  const before = await counts();
  const dry = atlas(['import', 'roo', FX + 'valid-v1.xml', '--dry-run', '--db', db]);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /proefrun/);
  assert.equal(report(dry.stdout, 'samenwerkingsverbanden').added, 2);
  assert.match(dry.stdout, /onbekend beleidsterrein: Onbekend testterrein/);
  assert.deepEqual(await counts(), before, 'a dry run wrote something');

  const real = atlas(['import', 'roo', FX + 'valid-v1.xml', '--db', db]);
  assert.equal(real.status, 0, real.stderr);
  assert.equal(real.stdout.replace(/ — proefrun.*$/m, ''), dry.stdout.replace(/ — proefrun.*$/m, ''),
    'the dry run and the real run report differently');
  const mid = await counts();
  assert.equal(mid.collabs, before.collabs + 2);
  assert.equal(mid.orgs, before.orgs + report(real.stdout, 'organisaties').added);

  const again = atlas(['import', 'roo', FX + 'valid-v1.xml', '--db', db]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(total(again.stdout), 0, again.stdout);
});

test('organisations created as references: a second run changes nothing', () => {
  // Participants only referenced (not listed under organisaties) and a regeling
  // without a body of its own get an organisation on the first run; the second
  // run must neither end nor change them (it used to end all four).
  const { dir: d2, db: db2 } = freshDb();
  try {
    const first = atlas(['import', 'roo', FX + 'valid-references.xml', '--db', db2]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(report(first.stdout, 'organisaties').added, 5, first.stdout);
    const again = atlas(['import', 'roo', FX + 'valid-references.xml', '--db', db2]);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(report(again.stdout, 'organisaties'), { added: 0, changed: 0, ended: 0, unchanged: 5 }, again.stdout);
    assert.equal(total(again.stdout), 0, again.stdout);
  } finally {
    rmSync(d2, { recursive: true, force: true });
  }
});

test('a newer export updates, adds and ends', () => {
  const r = atlas(['import', 'roo', FX + 'valid-v2.xml', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(report(r.stdout, 'samenwerkingsverbanden'), { added: 1, changed: 1, ended: 1, unchanged: 0 });
  assert.equal(report(r.stdout, 'deelnames').ended, 3);
  assert.match(r.stdout, /ROO-export 2026-03-01T06:00:00 \(schema 2\.6\.9\)/);
});

test('every bad file: exit 1, file:line:column and reason, nothing written', async () => {
  const before = await counts();
  const bad = {
    'bad-truncated.xml': /onvolledig/,
    'bad-not-well-formed.xml': /geen geldige XML/,
    'bad-not-utf8.xml': /UTF-8/,
    'bad-latin1-declared.xml': /UTF-8/,
    'bad-wrong-root.xml': /hoofdelement/,
    'bad-unknown-legal-form.xml': /samenwerkingsvorm/,
    'bad-doctype-entity.xml': /DOCTYPE/,
    'bad-other-namespace.xml': /namespace/,
  };
  for (const [file, why] of Object.entries(bad)) {
    const r = atlas(['import', 'roo', FX + file, '--db', db]);
    assert.equal(r.status, 1, `${file}: exit ${r.status}`);
    assert.match(r.stderr, new RegExp(`${FX}${file.replace('.', '\\.')}:\\d+:\\d+: `), `${file}: ${r.stderr}`);
    assert.match(r.stderr, why, `${file}: ${r.stderr}`);
    assert.match(r.stderr, /niets gewijzigd/);
    assert.equal(r.stdout, '', `${file}: printed a report`);
    assert.doesNotMatch(r.stderr + r.stdout, /root:x:0:0/, 'the external entity was read');
  }
  assert.deepEqual(await counts(), before);
  const missing = atlas(['import', 'roo', FX + 'bestaat-niet.xml', '--db', db]);
  assert.equal(missing.status, 1);
  const noArg = atlas(['import', 'roo', '--db', db]);
  assert.equal(noArg.status, 2);
});
