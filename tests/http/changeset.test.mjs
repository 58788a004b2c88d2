// changeset — the change-set import (`atlas import wijzigingen
// MAP [--toepassen]`, app/changeset.c), on the engine the harness runs:
//   - a dry run prints the plan and changes nothing;
//   - a folder with an unknown code, a bad date, a missing source and an
//     unknown vocabulary value reports file, line and reason for each and
//     applies nothing (also with --toepassen);
//   - data/wijzigingen/01-utrecht-2026 applied on the bare seed gives the
//     checker's merged counts at medium (93 organisations, 40
//     collaborations, 408 participations, ended ones included: the checker
//     counts every (collaboration, organisation) pair) in one import batch;
//     applying it again changes nothing (no audit event, no batch);
//   - time travel: on a 2015 date Weesp still takes part and the two
//     recreatieschappen are active, today they are not; Doorn takes part in
//     GZO on a 2005 date (it merged into Utrechtse Heuvelrug on 2006-01-01,
//     so not in 2015);
//   - low rows (the planned start of Omgevingsdienst Utrecht, the planned
//     end of ODRU) are recorded as unconfirmed provenance, never as facts.
// The server is started on the database after the CLI wrote it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, freshDb, atlas, sql, HAVE_SQL_CLI, isPgUrl, dropPgDb, allPages } from './harness.mjs';

const UTRECHT = 'data/wijzigingen/01-utrecht-2026';
let dir, db, srv;

const audits = () => Number(sql(db, 'SELECT count(*) FROM audit_event'));
const batches = () => Number(sql(db, 'SELECT count(*) FROM import_batch'));

before(() => {
  ({ dir, db } = freshDb());
});

after(async () => {
  await srv?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (isPgUrl(db)) dropPgDb(db);
});

// A change-set folder in the test's temp dir from {file: text}.
function folder(name, files) {
  const d = path.join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(d, f), text);
  return d;
}

test('dry run: the plan with file:line per change, nothing written', { skip: !HAVE_SQL_CLI }, () => {
  const n = audits();
  const r = atlas(['import', 'wijzigingen', UTRECHT, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^proefrun, niets opgeslagen — 01-utrecht-2026: \d+ wijziging/m);
  assert.match(r.stdout, /^organisation_changes\.csv:2 {2}wijziging {2}organisation gemeente-doorn \(Doorn\) {2}opgeheven per: \(leeg\) → 2006-01-01/m);
  assert.match(r.stdout, /^new_collaborations\.csv:2 {2}nieuw {2}collaboration omgevingsdienst-utrecht/m);
  assert.match(r.stdout, /niet bevestigd {2}collaboration omgevingsdienst-utrecht \(Omgevingsdienst Utrecht\) {2}startdatum: \(leeg\) → 2026-01-01/);
  assert.equal(r.stderr, '');
  assert.equal(audits(), n);
  assert.equal(batches(), 0);
});

test('problems: file, line and reason for each; nothing applied', { skip: !HAVE_SQL_CLI }, () => {
  const bad = folder('fout', {
    'sources.csv':
      'id,title,publisher,url,licence,attribution,reference_date,retrieved,note\n' +
      'test-bron-testdorp,Testbron Testdorp,Gemeente Testdorp,https://testdorp.example/,Onbekend,Testdorp,2026-01-01,2026-01-01,Fictief\n',
    'organisation_changes.csv':
      'code,field,new_value,source_id,source_url,source_date,confidence,note\n' +
      'gm0344,note,Een geldige wijziging,test-bron-testdorp,,,high,\n' +
      'gemeente-testdorp,name,Testdorp,test-bron-testdorp,,,high,\n' +
      'gm0344,valid_to,2025-02-30,test-bron-testdorp,,,high,\n' +
      'gm0344,note,Zonder bron,bron-bestaat-niet,,,high,\n',
    'collaboration_changes.csv':
      'key,field,new_value,source_id,source_url,source_date,confidence,note\n' +
      'afvalverwijdering-utrecht-avu,legal_form,XYZ,test-bron-testdorp,,,high,\n',
  });
  const n = audits();
  for (const extra of [[], ['--toepassen']]) {
    const r = atlas(['import', 'wijzigingen', bad, '--db', db, ...extra]);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stderr, /^organisation_changes\.csv:3: onbekende organisatie 'gemeente-testdorp'$/m);
    assert.match(r.stderr, /^organisation_changes\.csv:4: opgeheven per: '2025-02-30' is geen geldige datum \(JJJJ-MM-DD\)$/m);
    assert.match(r.stderr, /^organisation_changes\.csv:5: onbekende bron 'bron-bestaat-niet'/m);
    assert.match(r.stderr, /^collaboration_changes\.csv:2: juridische vorm: 'XYZ' is geen bekende juridische vorm/m);
    assert.match(r.stdout, /4 probleem\/problemen; niets/);
    assert.equal(audits(), n, 'nothing of the change set is applied');
    assert.equal(batches(), 0);
  }
  assert.equal(sql(db, "SELECT count(*) FROM source WHERE key = 'test-bron-testdorp'"), '0');
});

test('an unknown sheet and a missing column are problems of the file', () => {
  const bad = folder('blad', {
    'organisatie_wijzigingen.csv': 'code,field\n',
    'collaboration_changes.csv': 'key,field,new_value,source_id,confidence\n',
  });
  const r = atlas(['import', 'wijzigingen', bad, '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^organisatie_wijzigingen\.csv: onbekend blad 'organisatie_wijzigingen'/m);
  assert.match(r.stderr, /^collaboration_changes\.csv:1: kolom 'source_date' ontbreekt$/m);
});

test('apply utrecht-2026 on the seed: the checker\'s counts, one batch; twice changes nothing', { skip: !HAVE_SQL_CLI }, () => {
  const r = atlas(['import', 'wijzigingen', UTRECHT, '--db', db, '--toepassen']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^01-utrecht-2026: \d+ wijziging\(en\) vastgelegd \(waarvan 7 niet bevestigd\)/m);
  assert.equal(sql(db, 'SELECT count(*) FROM organisation'), '93');
  assert.equal(sql(db, 'SELECT count(*) FROM collaboration'), '40');
  assert.equal(sql(db, 'SELECT count(*) FROM participation'), '408');
  assert.equal(batches(), 1);
  assert.equal(sql(db, "SELECT title FROM import_batch"), '01-utrecht-2026');
  const n = audits();
  // every audit event of the import carries its batch
  assert.equal(sql(db, "SELECT count(*) FROM audit_event WHERE actor = 'cli:import-wijzigingen' AND batch_id IS NULL"), '0');
  assert.ok(Number(sql(db, 'SELECT count(*) FROM audit_event WHERE batch_id IS NOT NULL')) > 100);
  const again = atlas(['import', 'wijzigingen', UTRECHT, '--db', db, '--toepassen']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /^01-utrecht-2026: 0 wijziging\(en\) vastgelegd/m);
  assert.equal(audits(), n, 'the second run writes no audit event');
  assert.equal(batches(), 1, 'and no import batch');
  // the seed import after it (make run) leaves the corrected records alone
  const seed = atlas(['import', 'seed', '--db', db]);
  assert.equal(seed.status, 0, seed.stderr);
  assert.match(seed.stdout, /organisations: 0 toegevoegd, 0 gewijzigd/);
  const plan = atlas(['import', 'wijzigingen', UTRECHT, '--db', db]);
  assert.match(plan.stdout, /01-utrecht-2026: 0 wijziging\(en\)/);
  // a rename keeps the former name
  assert.equal(
    sql(db, "SELECT name || '|' || former_names FROM organisation WHERE code = 'hoogheemraadschap-amstel-gooi-en-vecht'"),
    'Waterschap Amstel, Gooi en Vecht|Hoogheemraadschap Amstel, Gooi en Vecht',
  );
  // provenance per field, with the row's source and confidence
  assert.equal(
    sql(db, "SELECT s.key || '|' || p.confidence FROM provenance p JOIN source s ON s.id = p.source_id WHERE p.entity = 'collaboration' AND p.entity_key = 'gemeentelijke-gezondheidsdienst-regio-utrecht' AND p.field = 'legal_form' AND p.status = 'fact'"),
    'houten-begroting-2023-verbonden-partijen|high',
  );
});

test('low rows are unconfirmed provenance, not facts', { skip: !HAVE_SQL_CLI }, async () => {
  const claims = sql(db, "SELECT entity || '|' || entity_key || '|' || field || '|' || value FROM provenance WHERE status = 'unconfirmed' ORDER BY entity, entity_key, field").split('\n');
  assert.ok(claims.includes('collaboration|omgevingsdienst-utrecht|start_date|2026-01-01'), claims.join('\n'));
  assert.ok(claims.includes('collaboration|omgevingsdienst-regio-utrecht-odru|end_date|2026-01-01'));
  assert.ok(claims.includes('organisation|waterschap-limburg|tooi|ws0665'));
  assert.equal(claims.length, 7);
  assert.equal(sql(db, "SELECT start_date FROM collaboration WHERE key = 'omgevingsdienst-utrecht'"), '');
  assert.equal(sql(db, "SELECT end_date FROM collaboration WHERE key = 'omgevingsdienst-regio-utrecht-odru'"), '');
  assert.equal(sql(db, "SELECT tooi FROM organisation WHERE code = 'waterschap-limburg'"), '');
  assert.equal(
    sql(db, "SELECT count(*) FROM participation p JOIN organisation o ON o.id = p.organisation_id JOIN collaboration c ON c.id = p.collaboration_id WHERE c.key = 'het-waterschapshuis' AND o.code = 'waterschap-limburg'"),
    '0',
  );
  srv = await startServer({ db, dir });
  const od = (await srv.get('/api/v1/samenwerkingsverbanden/omgevingsdienst-utrecht')).json;
  assert.equal(od.startdatum, null);
  assert.equal(od.aantalDeelnemers, 27);
  const odru = (await srv.get('/api/v1/samenwerkingsverbanden/omgevingsdienst-regio-utrecht-odru')).json;
  assert.equal(odru.einddatum, null);
  assert.equal(odru.actief, true);
});

// {id: {actief, aantalDeelnemers}} of a list query.
async function listed(q) {
  const { items } = await allPages(srv, `/api/v1/samenwerkingsverbanden?${q}`, 'samenwerkingsverbanden');
  return Object.fromEntries(items.map((c) => [c.id, { actief: c.actief, n: c.aantalDeelnemers }]));
}

test('counts and time travel across the corrections', { skip: !HAVE_SQL_CLI }, async () => {
  srv ??= await startServer({ db, dir });
  const orgs = (await srv.get('/api/v1/organisaties?paginaGrootte=1')).json;
  assert.equal(orgs.totaal, 93);
  const all = await listed('status=alle');
  assert.equal(Object.keys(all).length, 40);

  const then = await listed('status=alle&peildatum=2015-06-01');
  const now = await listed('status=alle');
  for (const k of ['recreatieschap-utrechtse-heuvelrug-vallei-en-kromme-rijngebied', 'recreatieschap-vinkeveense-plassen', 'welstand-en-monumenten-midden-nederland']) {
    assert.equal(then[k].actief, true, `${k} active in 2015`);
    assert.equal(now[k].actief, false, `${k} ended today`);
  }
  // Weesp (gm0457) takes part in RHC Vecht en Venen in 2015, not today
  const weesp2015 = await listed('status=alle&deelnemer=gm0457&peildatum=2015-06-01');
  const weespNow = await listed('status=alle&deelnemer=gm0457');
  const rhc = 'regionaal-historisch-centrum-vecht-en-venen';
  assert.equal(weesp2015[rhc].n, weespNow[rhc].n + 1);
  // Doorn, Maarn and Driebergen-Rijsenburg in GZO before 2006, not after
  const gzo = 'gasdistributie-zeist-en-omstreken-gzo';
  const doorn2005 = await listed('status=alle&deelnemer=gemeente-doorn&peildatum=2005-06-01');
  const doorn2015 = await listed('status=alle&deelnemer=gemeente-doorn&peildatum=2015-06-01');
  assert.equal(doorn2005[gzo].n, doorn2015[gzo].n + 3);
  // Vijfheerenlanden is a current member of the GGD
  const ggd = (await srv.get('/api/v1/samenwerkingsverbanden/gemeentelijke-gezondheidsdienst-regio-utrecht')).json;
  assert.equal(ggd.juridischeVorm.code, 'OL');
  assert.ok(ggd.deelnemers.some((d) => d.organisatie.code === 'gm1961'));
});

test('the sets of data/wijzigingen in order, again and again: nothing changes the second time', { skip: !HAVE_SQL_CLI }, () => {
  const sets = ['data/wijzigingen/01-utrecht-2026', 'data/wijzigingen/02-onderzoek-2026-12'];
  for (const d of sets) {
    const r = atlas(['import', 'wijzigingen', d, '--db', db, '--toepassen']);
    assert.equal(r.status, 0, r.stderr);
  }
  const n = audits();
  const b = batches();
  // a later set may correct a field of an earlier one: the earlier set's row
  // is then skipped (overgeslagen), never applied over the later value
  for (const d of sets) {
    const r = atlas(['import', 'wijzigingen', d, '--db', db, '--toepassen']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /: 0 wijziging\(en\) vastgelegd/);
  }
  assert.equal(audits(), n);
  assert.equal(batches(), b);
});
