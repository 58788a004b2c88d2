// peildatum — time travel to today shows exactly today's registry: one rule
// for "active on date D" (snapshot_at in src/domain/snapshot.c) serves the
// plain lists and ?peildatum=. The seed gets three fictional edge cases
// first, each one a place where the two views once disagreed:
//   - a participation that joins in the future (2999) of an active
//     collaboration (not active today);
//   - a collaboration in phase "beëindigd" whose known end date lies in the
//     future (still active today);
//   - an organisation that ended (Vianen, valid_to 2019) whose participation
//     in Bestuur Regio Utrecht has no end date (not active today).
// Compared: the API list (every collaboration, status alle, with its
// aantalDeelnemers and actief), the active list, the page's table rows and
// count, and per organisation the collaborations it takes part in
// (?deelnemer=, the organisation counts).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, freshDb, sql, isPgUrl, dropPgDb, allPages } from './harness.mjs';

const FUTURE_JOIN = { collab: 'veiligheidsregio-utrecht', org: 'gm0344' };
const ENDING_LATER = 'afvalverwijdering-utrecht-avu';

let srv, dir, db, today;

before(async () => {
  ({ dir, db } = freshDb());
  sql(
    db,
    `UPDATE participation SET joined = '2999-01-01' WHERE id = (SELECT p.id FROM participation p ` +
      `JOIN collaboration c ON c.id = p.collaboration_id JOIN organisation o ON o.id = p.organisation_id ` +
      `WHERE c.key = '${FUTURE_JOIN.collab}' AND o.code = '${FUTURE_JOIN.org}');` +
      `UPDATE collaboration SET phase = 'beeindigd', end_date = '2999-06-30' WHERE key = '${ENDING_LATER}';`,
  );
  srv = await startServer({ db, dir });
  // the server's own date: the ETag of a snapshot reply is "v<version>-<date>"
  const r = await srv.get('/api/v1/samenwerkingsverbanden');
  today = /^"v\d+-(\d{4}-\d\d-\d\d)/.exec(r.headers.get('etag'))?.[1];
  assert.ok(today, `no date in ETag ${r.headers.get('etag')}`);
});

after(async () => {
  await srv?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (isPgUrl(db)) dropPgDb(db);
});

// Every collaboration of a list query as {id, actief, aantalDeelnemers}.
async function apiList(q) {
  const { items, totaal } = await allPages(srv, `/api/v1/samenwerkingsverbanden?${q}`, 'samenwerkingsverbanden');
  return { totaal, items: items.map((c) => ({ id: c.id, actief: c.actief, aantalDeelnemers: c.aantalDeelnemers })) };
}

// The table rows of a list page (peildatum dropped from links) and the count line.
function pageRows(html) {
  const table = /<tbody[^>]*>([^]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  const rows = table.match(/<tr[^]*?<\/tr>/g) ?? [];
  const count = /class="utrecht-paragraph atlas-result-count"[^>]*>([^]*?)<\/p>/.exec(html)?.[1];
  return { count, rows: rows.map((r) => r.replace(/peildatum=[0-9-]+(&amp;)?/g, '')) };
}

test('the fixture is what the test needs', async () => {
  const vru = await srv.getJson(`/api/v1/samenwerkingsverbanden/${FUTURE_JOIN.collab}`);
  const p = vru.deelnemers.find((d) => d.organisatie.code === FUTURE_JOIN.org);
  assert.equal(p.toegetreden, '2999-01-01');
  assert.equal(p.actief, false, 'a participation that joins in 2999 is not active today');
  const avu = await srv.getJson(`/api/v1/samenwerkingsverbanden/${ENDING_LATER}`);
  assert.equal(avu.fase, 'beeindigd');
  assert.equal(avu.actief, true, 'ended, but the known end date lies after today');
  const bru = await srv.getJson('/api/v1/samenwerkingsverbanden/bestuur-regio-utrecht');
  const vianen = bru.deelnemers.find((d) => d.organisatie.code === 'gm0620');
  assert.ok(!vianen.uitgetreden, 'no end date of its own');
  assert.equal(vianen.actief, false, 'Vianen ended in 2019');
});

test('API: ?peildatum=<today> lists exactly what the plain list does', async () => {
  for (const q of ['status=alle', 'status=actief', 'status=beeindigd', 'status=alle&sorteer=-deelnemers']) {
    const plain = await apiList(q);
    const dated = await apiList(`${q}&peildatum=${today}`);
    assert.deepEqual(dated, plain, q);
  }
  const active = (await apiList('status=actief')).items.map((c) => c.id);
  assert.ok(active.includes(ENDING_LATER));
});

test('API: organisation counts (?deelnemer=) are the same with ?peildatum=<today>', async () => {
  const orgs = (await allPages(srv, '/api/v1/organisaties?status=alle', 'organisaties')).items;
  assert.ok(orgs.length > 50);
  for (const o of orgs) {
    for (const status of ['actief', 'alle']) {
      const q = `deelnemer=${encodeURIComponent(o.code)}&status=${status}`;
      const plain = await apiList(q);
      const dated = await apiList(`${q}&peildatum=${today}`);
      assert.deepEqual(dated, plain, `${o.code} ${status}`);
    }
  }
});

test('page: /samenwerkingsverbanden?peildatum=<today> shows the same rows and count', async () => {
  for (const q of ['paginaGrootte=100', 'status=alle&paginaGrootte=100', 'deelnemer=gm0344&status=alle']) {
    const plain = await srv.get(`/samenwerkingsverbanden?${q}`);
    const dated = await srv.get(`/samenwerkingsverbanden?${q}&peildatum=${today}`);
    assert.equal(plain.status, 200);
    assert.equal(dated.status, 200);
    const a = pageRows(plain.text);
    const b = pageRows(dated.text);
    assert.ok(a.rows.length > 0, q);
    assert.deepEqual(b, a, q);
  }
});

// The list's filter form holds the time-travel control (a labelled date
// field named peildatum, with the chosen date filled in), and the notice
// "Terug naar vandaag" leads back to the same page without the date.
test('page: the filter form has a peildatum date control; the notice returns to the same page', async () => {
  const plain = await srv.get('/samenwerkingsverbanden');
  assert.equal(plain.status, 200);
  const html = plain.text;
  const form = /<form[^>]*class="utrecht-form atlas-filter"[^]*?<\/form>/.exec(html)?.[0] ?? '';
  assert.match(form, /<input[^>]*type="date"[^>]*id="peildatum"[^>]*name="peildatum"[^>]*value=""/, 'no empty date control in the filter form');
  assert.match(form, /<label class="utrecht-form-label" for="peildatum">Peildatum<\/label>/);
  assert.doesNotMatch(html, /U bekijkt het register zoals het was op/, 'no notice without a date');

  const dated = await srv.get('/samenwerkingsverbanden?soort=wgr&peildatum=2020-01-01');
  assert.equal(dated.status, 200);
  const d = dated.text;
  const dform = /<form[^>]*class="utrecht-form atlas-filter"[^]*?<\/form>/.exec(d)?.[0] ?? '';
  assert.match(dform, /<input[^>]*name="peildatum"[^>]*value="2020-01-01"/, 'the chosen date is shown in the control');
  assert.equal((dform.match(/name="peildatum"/g) || []).length, 1, 'one peildatum field in the form (no hidden duplicate)');
  const back = /href="([^"]*)">Terug naar vandaag<\/a>/.exec(d)?.[1];
  assert.equal(back, '/samenwerkingsverbanden', 'Terug naar vandaag leads to the same page, today');
});

// Missing values in the list are one short mark ("—" with "onbekend" for
// screen readers), not the word "Onbekend" filling a column.
test('page: the list marks a missing legal form with a dash, not "Onbekend"', async () => {
  const html = (await srv.get('/samenwerkingsverbanden?status=alle')).text;
  const table = /<tbody[^>]*>([^]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  assert.doesNotMatch(table, />Onbekend</, 'the word Onbekend in a list cell');
  const api = await allPages(srv, '/api/v1/samenwerkingsverbanden?status=alle', 'samenwerkingsverbanden');
  const first25 = api.items.sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).slice(0, 25);
  if (first25.some((c) => !c.juridischeVorm))
    assert.match(table, /data-label="Juridische vorm"><span class="atlas-unknown"><span aria-hidden="true">—<\/span><span class="atlas-visually-hidden">onbekend<\/span>/);
});
