// evaluatie — measuring the programme against the real binary, on SQLite or
// PostgreSQL: the starter item bank (marked as a proposal, with sources),
// adding and versioning items (an item used in a round is superseded, never
// changed), rounds and their statuses, single-use response links (CSV and
// through the outbox), the questionnaire without an account (drafts, field
// errors that keep the answers, submission, used and unknown links), the
// anonymity of the stored rows (no token, link, person or time in the
// responses, the audit trail or the access log), and the results with the
// suppression of small groups in pages, CSV and API. Fictional rounds and
// answers; seed organisations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, login, anonymous, sql, decodeEntities } from './harness.mjs';

let srv, anon, staff, editor;
const F = {};
const count = (t, where = '') => Number(sql(srv.db, `SELECT count(*) FROM ${t} ${where}`));

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  F.P = inProv[0].code;
  F.Q = inProv[1].code;
  const ws = await anon.getJson('/api/v1/organisaties?soort=waterschap&paginaGrootte=100');
  F.W = (ws.organisaties.find((o) => o.inProvincie === true) || ws.organisaties[0]).code;
  addUser(srv.db, 'ev-staf', 'programmateam');
  addUser(srv.db, 'ev-red', 'redacteur', { org: F.P });
  staff = await login(srv.base, 'ev-staf');
  editor = await login(srv.base, 'ev-red');
  F.likert = Number(sql(srv.db, "SELECT id FROM survey_item WHERE item_key = 'start-relatie-1'"));
  F.open = Number(sql(srv.db, "SELECT id FROM survey_item WHERE item_key = 'start-proces-3'"));
  F.multi = Number(sql(srv.db, "SELECT id FROM survey_item WHERE item_key = 'start-resultaat-2'"));
});

after(() => srv?.stop());

test('the starter bank is marked as a proposal with a source per item; staff only', async () => {
  assert.equal(count('survey_item', "WHERE proposal = 1 AND source <> ''"), count('survey_item'));
  assert.ok(count('survey_item') >= 10);
  const page = await staff.get('/evaluatie/vragen');
  assert.equal(page.status, 200);
  const t = decodeEntities(page.text);
  assert.match(t, /Voorstel\./);
  assert.match(t, /Kaats &amp; Opheij|Kaats & Opheij/);
  assert.match(t, /voorstel uit de startbank/);
  for (const c of [anon, editor]) {
    const r = await c.get('/evaluatie/vragen');
    assert.notEqual(r.status, 200);
  }
  const overview = await anon.get('/evaluatie');
  assert.equal(overview.status, 200);
  assert.match(overview.text, /Evaluatie van het programma/);
  assert.ok(!overview.text.includes('/evaluatie/vragen'), 'no staff links for visitors');
  const home = await anon.get('/');
  assert.match(home.text, /href="\/evaluatie"/, 'linked from the footer');
});

test('items: bad input writes nothing; an unused item changes in place', async () => {
  const before = count('survey_item');
  const bad = await staff.post('/evaluatie/vragen', [
    ['blok', 'geen'], ['soort', 'enkelvoudig'], ['bereik', 'algemeen'], ['tekst', ''],
    ['keuzes', 'alleen één'], ['bron', ''], ['verplicht', 'nee'],
  ]);
  assert.equal(bad.status, 400);
  for (const f of ['blok', 'tekst', 'keuzes']) assert.match(bad.text, new RegExp(`href="#f-${f}"`), f);
  assert.equal(count('survey_item'), before);
  const loc = await staff.submit('/evaluatie/vragen', [
    ['blok', 'kennisdeling'], ['soort', 'likert'], ['bereik', 'algemeen'],
    ['tekst', 'Fictieve stelling: ik weet waar ik kennis van partners vind.'], ['keuzes', ''],
    ['bron', 'Fictieve testbron'], ['verplicht', 'ja'],
  ]);
  const id = Number(/\/evaluatie\/vragen\/(\d+)/.exec(loc)[1]);
  F.own = id;
  assert.equal(count('survey_item'), before + 1);
  await staff.submit(`/evaluatie/vragen/${id}`, [
    ['blok', 'kennisdeling'], ['soort', 'likert'], ['bereik', 'algemeen'],
    ['tekst', 'Fictieve stelling: ik weet waar ik kennis van partners kan vinden.'], ['keuzes', ''],
    ['bron', 'Fictieve testbron'], ['verplicht', 'ja'],
  ]);
  assert.equal(count('survey_item'), before + 1, 'unused: changed in place');
  assert.match(sql(srv.db, `SELECT text FROM survey_item WHERE id = ${id}`), /kan vinden/);
});

const roundForm = (extra = []) => [
  ['naam', 'Fictieve nulmeting'], ['begin', '2026-01-01'], ['einde', '2026-12-31'],
  ['doelgroep', 'bestuurders'], ['doelgroep', 'ambtenaren'],
  ['organisatie', F.P], ['organisatie', F.Q], ['organisatie', F.W],
  ['vraag', String(F.likert)], ['vraag', String(F.own)], ['vraag', String(F.multi)], ['vraag', String(F.open)],
  ...extra,
];

test('rounds: bad input writes nothing; a round starts as concept and opens', async () => {
  const bad = await staff.post('/evaluatie/rondes', [['naam', ''], ['begin', '2026-02-01'], ['einde', '2026-01-01'], ['doelgroep', 'burgers'], ['organisatie', 'gm9999'], ['vraag', '999999']]);
  assert.equal(bad.status, 400);
  for (const f of ['naam', 'einde', 'doelgroep', 'organisatie', 'vraag']) assert.match(bad.text, new RegExp(`href="#f-${f}"`), f);
  assert.equal(count('survey_round'), 0);
  const loc = await staff.submit('/evaluatie/rondes', roundForm());
  F.round = Number(/\/evaluatie\/(\d+)\/beheer/.exec(loc)[1]);
  assert.equal(sql(srv.db, `SELECT status FROM survey_round WHERE id = ${F.round}`), 'concept');
  assert.equal(count('survey_round_item', `WHERE round_id = ${F.round}`), 4);
  const admin = await staff.get(`/evaluatie/${F.round}/beheer`);
  assert.equal(admin.status, 200);
  // not released: nobody but staff sees the results
  assert.equal((await anon.get(`/evaluatie/${F.round}`)).status, 404);
  assert.equal((await anon.get(`/api/v1/evaluatie/rondes/${F.round}/resultaten`)).status, 404);
  await staff.submit(`/evaluatie/${F.round}/status`, [['status', 'open']]);
  assert.equal(sql(srv.db, `SELECT status FROM survey_round WHERE id = ${F.round}`), 'open');
});

test('an item used in a round is superseded by a new version, never changed', async () => {
  const oldText = sql(srv.db, `SELECT text FROM survey_item WHERE id = ${F.own}`);
  const loc = await staff.submit(`/evaluatie/vragen/${F.own}`, [
    ['blok', 'kennisdeling'], ['soort', 'likert'], ['bereik', 'algemeen'],
    ['tekst', 'Fictieve stelling, versie 2.'], ['keuzes', ''], ['bron', 'Fictieve testbron'], ['verplicht', 'ja'],
  ]);
  assert.match(loc, /melding=nieuwe-versie/);
  const nid = Number(/\/evaluatie\/vragen\/(\d+)/.exec(loc)[1]);
  assert.notEqual(nid, F.own);
  assert.equal(sql(srv.db, `SELECT text FROM survey_item WHERE id = ${F.own}`), oldText);
  assert.equal(Number(sql(srv.db, `SELECT superseded_by FROM survey_item WHERE id = ${F.own}`)), nid);
  assert.equal(sql(srv.db, `SELECT version FROM survey_item WHERE id = ${nid}`), '2');
  // the superseded version cannot be saved again
  const again = await staff.post(`/evaluatie/vragen/${F.own}`, [['blok', 'kennisdeling'], ['soort', 'likert'], ['tekst', 'x'], ['verplicht', 'nee'], ['bereik', 'algemeen']]);
  assert.equal(again.status, 409);
});

const links = async (group, org, n) => {
  const r = await staff.post(`/evaluatie/${F.round}/links`, [['doelgroep', group], ['organisatie', org], ['aantal', String(n)], ['adressen', '']]);
  assert.equal(r.status, 200, r.text.slice(0, 400));
  assert.match(r.headers.get('content-type'), /text\/csv/);
  const urls = r.text.split('\n').slice(1).filter(Boolean).map((l) => /\/enquete\/([A-Za-z0-9_-]{43})/.exec(l)[1]);
  assert.equal(urls.length, n);
  return urls;
};

const tokenUrl = (t) => `/enquete/${t}`;

test('links: CSV for mail merge, mail through the outbox; bad input changes nothing', async () => {
  const bad = await staff.post(`/evaluatie/${F.round}/links`, [['doelgroep', 'volksvertegenwoordigers'], ['organisatie', 'gm9999'], ['aantal', '0'], ['adressen', '']]);
  assert.equal(bad.status, 400);
  assert.equal(count('survey_link'), 0);
  F.tokP = await links('bestuurders', F.P, 5);
  F.tokQ = await links('ambtenaren', F.Q, 4);
  F.tokW = await links('ambtenaren', F.W, 1);
  assert.equal(count('survey_link'), 10);
  // only digests are stored
  for (const t of F.tokP) assert.equal(count('survey_link', `WHERE digest = '${t}'`), 0);
  const mailed = await staff.post(`/evaluatie/${F.round}/links`, [['doelgroep', 'bestuurders'], ['organisatie', F.Q], ['aantal', ''], ['adressen', 'fictief.een@example.org\nfictief.twee@example.org']]);
  assert.equal(mailed.status, 303);
  assert.equal(count('outbox', "WHERE kind = 'evaluatie-uitnodiging'"), 2);
  assert.equal(count('survey_link'), 12);
  // the address is in the outbox message only
  for (const t of ['survey_link', 'survey_round', 'survey_response', 'survey_answer', 'survey_draft']) {
    const dump = sql(srv.db, `SELECT * FROM ${t}`);
    assert.ok(!dump.includes('fictief.een@example.org'), t);
  }
  assert.ok(!sql(srv.db, "SELECT coalesce(after, '') FROM audit_event WHERE entity LIKE 'survey%'").includes('example.org'));
});

const answers = (likert, multi = [], open = '') => [
  [`b0-i${F.likert}`, String(likert)], [`b0-i${F.own}`, '4'],
  ...multi.map((m) => [`b0-i${F.multi}`, String(m)]),
  [`b0-i${F.open}`, open],
];

test('the questionnaire: unknown link, draft, field errors keep answers, submit once', async () => {
  const unknown = await anon.get('/enquete/' + 'x'.repeat(43));
  assert.equal(unknown.status, 404);
  assert.match(decodeEntities(unknown.text), /Deze link kennen we niet/);
  const tok = F.tokP[0];
  const page = await anon.get(tokenUrl(tok));
  assert.equal(page.status, 200);
  const t = decodeEntities(page.text);
  assert.match(t, /anoniem bewaard/);
  assert.match(page.text, /<fieldset/);
  assert.match(page.text, /<legend/);
  // save a draft: tied to the link until submission
  const saved = await anon.post(tokenUrl(tok), [...answers(5, [1]), ['actie', 'opslaan']]);
  assert.equal(saved.status, 200);
  assert.match(decodeEntities(saved.text), /Uw antwoorden zijn bewaard/);
  assert.equal(count('survey_draft'), 1);
  assert.equal(count('survey_response'), 0);
  const again = await anon.get(tokenUrl(tok));
  assert.match(again.text, new RegExp(`name="b0-i${F.likert}" value="5" checked`));
  // out of scale, a missing required answer and an oversized open text
  const bad = await anon.post(tokenUrl(tok), [[`b0-i${F.likert}`, '7'], [`b0-i${F.multi}`, '1'], [`b0-i${F.multi}`, '3'], [`b0-i${F.open}`, 'x'.repeat(2001)], ['actie', 'versturen']]);
  assert.equal(bad.status, 400);
  for (const f of [`b0-i${F.likert}`, `b0-i${F.own}`, `b0-i${F.open}`]) assert.match(bad.text, new RegExp(`href="#f-${f}"`), f);
  assert.match(bad.text, new RegExp(`name="b0-i${F.multi}" value="3" checked`), 'answers given so far are kept');
  assert.equal(count('survey_response'), 0);
  // an item of another round is not stored
  const ok = await anon.post(tokenUrl(tok), [...answers(5, [1, 3], 'Fictief open antwoord een.'), ['b0-i999999', '5'], ['actie', 'versturen']]);
  assert.equal(ok.status, 200);
  assert.match(decodeEntities(ok.text), /Dank u wel/);
  assert.equal(count('survey_draft'), 0);
  assert.equal(count('survey_response'), 1);
  assert.equal(count('survey_answer', 'WHERE item_id = 999999'), 0);
  const used = await anon.get(tokenUrl(tok));
  assert.equal(used.status, 410);
  assert.match(decodeEntities(used.text), /al gebruikt/);
  const reuse = await anon.post(tokenUrl(tok), [...answers(1), ['actie', 'versturen']]);
  assert.equal(reuse.status, 410);
  assert.equal(count('survey_response'), 1);
});

test('anonymity: stored rows, audit trail and access log do not tie answers to a link', async () => {
  const cols = sql(srv.db, "SELECT * FROM survey_response LIMIT 1").split('|');
  // id, round, collab, target group, org kind, date: nothing else
  assert.equal(cols.length, 6);
  assert.match(cols[0], /^[0-9a-f]{32}$/);
  assert.equal(cols[3], 'bestuurders');
  assert.equal(cols[4], 'gemeente');
  assert.match(cols[5], /^\d{4}-\d{2}-\d{2}$/, 'the date only');
  const linkIds = sql(srv.db, 'SELECT id FROM survey_link').split('\n');
  const resp = sql(srv.db, 'SELECT * FROM survey_response') + sql(srv.db, 'SELECT * FROM survey_answer');
  for (const t of [...F.tokP, ...F.tokQ]) assert.ok(!resp.includes(t));
  // exactly these columns (SELECT * above has six): no link, organisation or time
  sql(srv.db, 'SELECT id, round_id, collab_key, target_group, org_kind, submitted_on FROM survey_response');
  assert.equal(sql(srv.db, 'SELECT * FROM survey_answer LIMIT 1').split('|').length, 5, 'response, item, sub, value, text');
  const audit = sql(srv.db, "SELECT entity || ' ' || entity_key || ' ' || coalesce(after, '') FROM audit_event WHERE entity IN ('survey_draft', 'survey_response')");
  assert.ok(audit.split('\n').length >= 2);
  // the round only: no link, no token, no organisation
  for (const line of audit.split('\n')) assert.match(line, new RegExp(`^survey_(draft|response) ${F.round} \\{\\}$`), line);
  for (const t of F.tokP) {
    assert.ok(!srv.stderr().includes(t), 'the token is not in the log');
    assert.ok(!audit.includes(t));
  }
  for (const id of linkIds) assert.ok(!audit.includes(`"link":${id}`));
});

test('results: small groups hidden everywhere, also by differencing; open answers staff only', async () => {
  // 4 more bestuurders of gemeente P (5 in all), 4 ambtenaren of gemeente Q,
  // 1 ambtenaar of waterschap W
  for (const tok of F.tokP.slice(1)) await anon.post(tokenUrl(tok), [...answers(4, [2]), ['actie', 'versturen']]);
  for (const tok of F.tokQ) await anon.post(tokenUrl(tok), [...answers(2, [2]), ['actie', 'versturen']]);
  await anon.post(tokenUrl(F.tokW[0]), [...answers(1, [2], 'Fictief open antwoord waterschap.'), ['actie', 'versturen']]);
  assert.equal(count('survey_response'), 10);
  await staff.submit(`/evaluatie/${F.round}/status`, [['status', 'gesloten']]);
  // closed: frozen
  const late = await anon.get(tokenUrl(F.tokQ[0]));
  assert.notEqual(late.status, 200);
  const st = await staff.get(`/evaluatie/${F.round}`);
  assert.equal(st.status, 200);
  const s = decodeEntities(st.text);
  assert.match(s, /Fictief open antwoord waterschap/, 'staff see open answers');
  assert.match(st.text, /<svg class="atlas-stacked-bar"/);
  assert.match(st.text, /<table/);
  // release
  await staff.submit(`/evaluatie/${F.round}/vrijgeven`, [['vrijgeven', 'ja']]);
  const pub = await anon.get(`/evaluatie/${F.round}`);
  assert.equal(pub.status, 200);
  const p = decodeEntities(pub.text);
  assert.ok(!p.includes('Fictief open antwoord'), 'no open answers for visitors');
  assert.match(p, /minder dan 5/);
  const api = await anon.getJson(`/api/v1/evaluatie/rondes/${F.round}/resultaten`);
  assert.equal(api.respondenten, 10);
  assert.ok(!JSON.stringify(api).includes('Fictief open antwoord'));
  const q = api.vragen.find((v) => v.vraag === 'start-relatie-1');
  assert.equal(q.totaal.n, 10);
  assert.deepEqual(q.totaal.verdeling, { 0: 0, 1: 1, 2: 4, 3: 0, 4: 4, 5: 1 });
  const byGroup = q.indelingen.find((d) => d.indeling === 'Doelgroep').groepen;
  // bestuurders 5 and ambtenaren 5: both shown
  assert.ok(byGroup.every((g) => !g.onderdrukt));
  const byKind = q.indelingen.find((d) => d.indeling === 'Soort organisatie').groepen;
  const gem = byKind.find((g) => g.groep === 'Gemeente');
  const wat = byKind.find((g) => g.groep === 'Waterschap');
  // waterschap 1 is hidden; gemeente 9 would give it away (10 - 9): hidden too
  assert.equal(wat.onderdrukt, true);
  assert.equal(wat.n, null);
  assert.equal(gem.onderdrukt, true, 'secondary suppression');
  assert.equal(gem.verdeling, undefined);
  // the CSV hides the same cells
  const csv = await anon.get(`/evaluatie/${F.round}/resultaten.csv`);
  assert.equal(csv.status, 200);
  assert.ok(!csv.text.includes('Fictief open antwoord'));
  const kindRows = csv.text.split('\n').filter((l) => l.startsWith('start-relatie-1,') && l.includes('Soort organisatie'));
  assert.ok(kindRows.length > 0);
  for (const l of kindRows) assert.match(l, /,ja\r?$/);
  const list = await anon.getJson('/api/v1/evaluatie/rondes');
  assert.equal(list.rondes.length, 1);
});

test('answers never reach search, history, feeds or open data', async () => {
  const word = 'Fictief open antwoord';
  for (const p of ['/zoeken?q=antwoord+waterschap', '/api/v1/zoeken?q=antwoord', '/wijzigingen', '/wijzigingen.atom',
    '/open-data/samenwerkingsatlas.json', '/open-data/organisaties.csv']) {
    for (const c of [anon, staff]) {
      const r = await c.get(p);
      assert.ok(r.status < 500, `${p}: ${r.status}`);
      assert.ok(!decodeEntities(r.text).includes(word), `${p}: an open answer`);
      assert.ok(!r.text.includes('survey_'), `${p}: a survey record`);
    }
  }
});

test('collaboration blocks: one per collaboration of the respondent organisation, each stored as a response of its own', async () => {
  const mine = sql(srv.db, `SELECT c.key FROM participation p JOIN collaboration c ON c.id = p.collaboration_id JOIN organisation o ON o.id = p.organisation_id WHERE o.code = '${F.P}' AND p.left_on = '' AND c.end_date = '' ORDER BY c.key LIMIT 2`).split('\n').filter(Boolean);
  assert.equal(mine.length, 2, 'the seed has two collaborations of the organisation');
  const other = sql(srv.db, `SELECT key FROM collaboration WHERE end_date = '' AND id NOT IN (SELECT p.collaboration_id FROM participation p JOIN organisation o ON o.id = p.organisation_id WHERE o.code = '${F.P}') ORDER BY key LIMIT 1`).trim();
  const role = Number(sql(srv.db, "SELECT id FROM survey_item WHERE item_key = 'start-rolperspectief-1'"));
  const loc = await staff.submit('/evaluatie/rondes', [['naam', 'Fictieve meting per verband'], ['begin', '2026-01-01'], ['einde', '2026-12-31'], ['doelgroep', 'bestuurders'],
    ['organisatie', F.P], ...mine.map((k) => ['samenwerkingsverband', k]), ['samenwerkingsverband', other],
    ['vraag', String(F.likert)], ['vraag', String(role)], ['vraag', String(F.open)]]);
  const round = Number(/\/evaluatie\/(\d+)\/beheer/.exec(loc)[1]);
  await staff.submit(`/evaluatie/${round}/status`, [['status', 'open']]);
  const r = await staff.post(`/evaluatie/${round}/links`, [['doelgroep', 'bestuurders'], ['organisatie', F.P], ['aantal', '1'], ['adressen', '']]);
  const tok = /\/enquete\/([A-Za-z0-9_-]{43})/.exec(r.text)[1];
  const page = await anon.get(tokenUrl(tok));
  assert.equal(page.status, 200);
  const names = mine.map((k) => sql(srv.db, `SELECT name FROM collaboration WHERE key = '${k}'`).trim());
  const otherName = sql(srv.db, `SELECT name FROM collaboration WHERE key = '${other}'`).trim();
  const t = decodeEntities(page.text);
  for (const n of names) assert.ok(t.includes(`Over ${n}`), n);
  assert.ok(!t.includes(`Over ${otherName}`), 'not a collaboration of the organisation');
  assert.ok(page.text.includes(`name="b1-i${F.likert}"`) && page.text.includes(`name="b2-i${F.likert}"`));
  assert.ok(!page.text.includes(`name="b0-i${F.likert}"`), 'a per-collaboration item is not asked in general');
  assert.ok(page.text.includes(`name="b1-i${role}-p2-q4"`), 'a score per party and perspective');
  const bad = await anon.post(tokenUrl(tok), [[`b1-i${F.likert}`, '4'], [`b1-i${role}-p1-q2`, '9'], ['actie', 'versturen']]);
  assert.equal(bad.status, 400);
  assert.match(bad.text, new RegExp(`href="#f-b1-i${role}-p1-q2"`));
  const ok = await anon.post(tokenUrl(tok), [[`b1-i${F.likert}`, '4'], [`b2-i${F.likert}`, '2'], [`b1-i${role}-p1-q2`, '5'], [`b0-i${F.open}`, 'Fictief per verband.'], ['actie', 'versturen']]);
  assert.equal(ok.status, 200);
  const rows = sql(srv.db, `SELECT id, collab_key FROM survey_response WHERE round_id = ${round} ORDER BY collab_key`).split('\n').map((l) => l.split('|'));
  assert.deepEqual(rows.map((x) => x[1]), ['', ...mine].sort());
  assert.equal(new Set(rows.map((x) => x[0])).size, 3, 'three separate responses');
  const b1 = rows.find((x) => x[1] === mine[0])[0];
  assert.equal(sql(srv.db, `SELECT num FROM survey_answer WHERE response_id = '${b1}' AND item_id = ${role} AND sub = '1.2'`), '5');
  assert.equal(sql(srv.db, `SELECT count(*) FROM survey_answer WHERE response_id = '${rows.find((x) => x[1] === '')[0]}' AND item_id = ${F.likert}`), '0');
  // the results break the per-collaboration item down by collaboration (hidden: one respondent each)
  const res = await staff.get(`/evaluatie/${round}`);
  assert.equal(res.status, 200);
  assert.match(decodeEntities(res.text), /Te weinig respondenten/);
});
