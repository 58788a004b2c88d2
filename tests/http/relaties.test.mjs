// relaties — "Relatie en ontmoeten" against the real binary, on SQLite or
// PostgreSQL: accounthouders per partner, the contact log, signals and
// follow-ups, through the pages and the API; who sees what (province staff
// everything, a partner editor only the shared records of their own
// organisation, anonymous visitors nothing), bad input (a Dutch message per
// field, nothing written), audit without the confidential text, and the
// records never reaching public pages, search, history or feeds; regional
// networks (U10, U16, Regio Amersfoort, Regio Foodvalley) as partners by
// rule, in a group of their own, with accounthouders; the next event
// someone of a partner holds a place at (a user of the partner, or a guest
// whose organisation text is the partner's name), for province staff.
// All people and events are fictional; organisations and collaborations
// from the seed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled } from './harness.mjs';

const TODAY = new Date().toISOString().slice(0, 10);
const TOMORROW = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);
const YESTERDAY = new Date(Date.now() - 86400e3).toISOString().slice(0, 10);
const SECRET = 'Vertrouwelijk-onderwerp-Kwakkelbeek';
const SHARED = 'Gedeeld-onderwerp-Zonnedauw';
let srv, anon;
const S = {}; // web sessions
const T = {}; // API clients
const F = {}; // fixtures: P, Q (partner gemeenten), C (a collaboration P takes part in)

const count = (table) => Number(sql(srv.db, `SELECT count(*) FROM ${table}`));
const dataVersion = () => sql(srv.db, "SELECT value FROM meta WHERE key = 'data_version'").trim();

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  F.P = inProv[0].code;
  F.Q = inProv[1].code;
  const parts = await anon.getJson(`/api/v1/organisaties/${F.P}/deelnames`);
  const active = (parts.deelnames || parts).find((d) => d.actief);
  F.C = active.samenwerkingsverband.id;
  assert.ok(F.P && F.Q && F.C, 'two partner gemeenten and a collaboration');
  addUser(srv.db, 'rel-staf', 'programmateam', { display: 'Stafmedewerker Testdorp', extra: ['--email', 'staf.testdorp@example.org'] });
  addUser(srv.db, 'rel-ah', 'accounthouder', { display: 'Accounthouder Fictief' });
  addUser(srv.db, 'rel-red-p', 'redacteur', { org: F.P });
  addUser(srv.db, 'rel-red-q', 'redacteur', { org: F.Q });
  for (const n of ['rel-staf', 'rel-ah', 'rel-red-p', 'rel-red-q']) S[n] = await login(srv.base, n);
  T.staf = apiClient(srv, addToken(srv.db, 'rel-staf', 'test'));
  T.ah = apiClient(srv, addToken(srv.db, 'rel-ah', 'test'));
  T.redP = apiClient(srv, addToken(srv.db, 'rel-red-p', 'test'));
  T.redQ = apiClient(srv, addToken(srv.db, 'rel-red-q', 'test'));
});

after(() => srv?.stop());

const contact = (over = {}) => ({
  datum: YESTERDAY,
  soort: 'bestuurlijk',
  onderwerp: SECRET,
  samenvatting: 'Afspraken over de regionale agenda.',
  vertrouwelijkheid: 'intern',
  ...over,
});

test('anonymous visitors and the API without a token see nothing', async () => {
  for (const p of ['/relaties', `/relaties/${F.P}`]) {
    const r = await anon.get(p);
    assert.ok([302, 303, 401].includes(r.status), `${p}: ${r.status}`);
    assert.ok(!r.text.includes('Contactmoment'), p);
  }
  const api = apiClient(srv, '');
  for (const p of ['/api/v1/relaties', `/api/v1/relaties/${F.P}`]) {
    const r = await api.call('GET', p);
    assert.equal(r.status, 401, p);
  }
  const post = await anon.post(`/relaties/${F.P}/contactmomenten`, contact(), { csrf: null });
  assert.notEqual(post.status, 303);
  assert.equal(count('contact_moment'), 0);
});

test('an accounthouder records a contact moment through the form; it is audited without its text and leaves the registry alone', async () => {
  const page = await S['rel-ah'].get(`/relaties/${F.P}`);
  assert.equal(page.status, 200);
  assertControlsLabelled('relatie', page.text);
  assert.match(page.text, /Contactmoment vastleggen/);
  const before = dataVersion();
  const loc = await S['rel-ah'].submit(`/relaties/${F.P}/contactmomenten`, [
    ...Object.entries(contact()),
    ['samenwerkingsverbanden', F.C],
    ['beleidsdomeinen', 'sociaal-domein'],
  ]);
  assert.match(loc, new RegExp(`/relaties/${F.P}\\?melding=contact`));
  assert.equal(count('contact_moment'), 1);
  assert.equal(count('contact_link'), 2, 'the collaboration and the domain are linked');
  assert.equal(dataVersion(), before, 'no snapshot rebuild for a relation record');
  const shown = await S['rel-ah'].get(loc);
  assert.match(shown.text, /Het contactmoment is vastgelegd/);
  assert.ok(shown.text.includes(SECRET));
  const audit = sql(srv.db, "SELECT actor || '|' || action || '|' || \"after\" FROM audit_event WHERE entity = 'contact_moment'");
  assert.match(audit, /gebruiker:rel-ah\|insert\|/);
  assert.ok(!audit.includes(SECRET), 'the audit trail names the record, not its subject');
});

test('the people who took part: chosen from the partner\'s office holders, shown by name', async () => {
  const loc = await S['rel-staf'].submit('/personen/nieuw', [['naam', 'Wethouder Zonnedauw (fictief)'], ['partij', ''], ['email', ''], ['telefoon', ''], ['opmerking', '']]);
  const key = decodeURIComponent(/^\/personen\/([^/?]+)/.exec(loc)[1]);
  await S['rel-staf'].submit(`/personen/${key}/functies/nieuw`, [['organisatie', F.P], ['functie', 'wethouder'], ['portefeuille', 'Samenwerking'], ['van', '2022-01-01'], ['tot', '']]);
  const form = await S['rel-ah'].get(`/relaties/${F.P}`);
  assert.match(form.text, new RegExp(`name="personen" value="${key}"`), 'the office holder is offered');
  const before = count('contact_link');
  await S['rel-ah'].submit(`/relaties/${F.P}/contactmomenten`, [...Object.entries(contact({ onderwerp: 'Overleg met de wethouder' })), ['personen', key]]);
  assert.equal(count('contact_link'), before + 1);
  const page = await S['rel-ah'].get(`/relaties/${F.P}`);
  assert.ok(page.text.includes('Wethouder Zonnedauw (fictief)'));
  const bad = await T.ah.call('POST', `/api/v1/relaties/${F.P}/contactmomenten`, { body: { ...contact(), personen: ['bestaat-niet-persoon'] } });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.invalidParams[0].name, 'personen');
});

test('bad input: a Dutch message per field, nothing written', async () => {
  const n = count('contact_moment');
  const cases = [
    [{ datum: TOMORROW }, 'datum', /toekomst/],
    [{ datum: '31-12-2026' }, 'datum', /2026-03-31/],
    [{ onderwerp: '' }, 'onderwerp', /onderwerp/i],
    [{ soort: 'koffie' }, 'soort', /uit de lijst/],
    [{ vertrouwelijkheid: 'openbaar' }, 'vertrouwelijkheid', /uit de lijst/],
  ];
  for (const [over, field, msg] of cases) {
    const r = await S['rel-ah'].post(`/relaties/${F.P}/contactmomenten`, contact(over));
    assert.equal(r.status, 400, JSON.stringify(over));
    assert.match(decodeEntities(r.text), msg, field);
    assert.match(r.text, new RegExp(`href="#f-${field}"`), `${field} linked from the summary`);
  }
  const r = await S['rel-ah'].post(`/relaties/${F.P}/contactmomenten`, [...Object.entries(contact()), ['samenwerkingsverbanden', 'bestaat-niet-xyz']]);
  assert.equal(r.status, 400);
  const api = await T.ah.call('POST', `/api/v1/relaties/${F.P}/contactmomenten`, { body: { ...contact(), onbekend: 1 } });
  assert.equal(api.status, 400);
  const api2 = await T.ah.call('POST', `/api/v1/relaties/${F.P}/contactmomenten`, { body: contact({ datum: TOMORROW }) });
  assert.equal(api2.status, 400);
  assert.equal(api2.json.invalidParams?.[0]?.name, 'datum');
  assert.equal(count('contact_moment'), n, 'nothing written');
});

test('confidentiality: a partner editor sees only what is shared with their own organisation', async () => {
  const created = await T.ah.call('POST', `/api/v1/relaties/${F.P}/contactmomenten`, { body: contact({ onderwerp: SHARED, vertrouwelijkheid: 'partner' }) });
  assert.equal(created.status, 201, created.text);
  assert.ok(created.json.id > 0);
  // the partner's own editor: shared yes, intern no
  const own = await S['rel-red-p'].get(`/relaties/${F.P}`);
  assert.equal(own.status, 200);
  assert.ok(own.text.includes(SHARED));
  assert.ok(!own.text.includes(SECRET), 'an intern record never reaches the partner');
  assert.ok(!own.text.includes('Contactmoment vastleggen'), 'a partner editor writes nothing');
  const ownApi = await T.redP.call('GET', `/api/v1/relaties/${F.P}`);
  assert.equal(ownApi.status, 200);
  assert.deepEqual(ownApi.json.contactmomenten.map((c) => c.onderwerp), [SHARED]);
  // another partner's editor: nothing of P
  const other = await S['rel-red-q'].get(`/relaties/${F.P}`);
  assert.equal(other.status, 403);
  assert.ok(!other.text.includes(SHARED));
  assert.equal((await T.redQ.call('GET', `/api/v1/relaties/${F.P}`)).status, 403);
  // the overview is for province staff only
  assert.equal((await S['rel-red-p'].get('/relaties')).status, 403);
  assert.equal((await T.redP.call('GET', '/api/v1/relaties')).status, 403);
  // partner editors cannot write
  const w = await T.redP.call('POST', `/api/v1/relaties/${F.P}/contactmomenten`, { body: contact({ vertrouwelijkheid: 'partner' }) });
  assert.equal(w.status, 403);
  const wf = await S['rel-red-p'].post(`/relaties/${F.P}/contactmomenten`, contact());
  assert.equal(wf.status, 403);
});

test('signals: recorded, shown to staff on the collaboration page, status moves open → in behandeling → opgelost', async () => {
  const bad = await S['rel-ah'].post(`/relaties/${F.P}/signalen`, { titel: '', ernst: 'enorm', vertrouwelijkheid: 'intern' });
  assert.equal(bad.status, 400);
  assert.equal(count('relation_signal'), 0);
  await S['rel-ah'].submit(`/relaties/${F.P}/signalen`, {
    titel: 'Kwakkelende besluitvorming in het AB',
    toelichting: 'Twee vergaderingen zonder quorum.',
    ernst: 'hoog',
    samenwerkingsverband: F.C,
    vertrouwelijkheid: 'intern',
  });
  const id = Number(sql(srv.db, 'SELECT max(id) FROM relation_signal'));
  const staffView = await S['rel-ah'].get(`/samenwerkingsverbanden/${F.C}`);
  assert.match(staffView.text, /Open signalen/);
  assert.ok(staffView.text.includes('Kwakkelende besluitvorming'));
  for (const who of [anon, S['rel-red-p']]) {
    const v = await who.get(`/samenwerkingsverbanden/${F.C}`);
    assert.equal(v.status, 200);
    assert.ok(!v.text.includes('Kwakkelende besluitvorming'), 'signals never reach others');
  }
  await S['rel-ah'].submit(`/relaties/signalen/${id}/status`, { status: 'in_behandeling' });
  assert.equal(sql(srv.db, `SELECT status FROM relation_signal WHERE id = ${id}`).trim(), 'in_behandeling');
  const same = await S['rel-ah'].post(`/relaties/signalen/${id}/status`, { status: 'in_behandeling' });
  assert.equal(same.status, 409);
  const api = await T.ah.call('PATCH', `/api/v1/signalen/${id}`, { body: { status: 'opgelost' } });
  assert.equal(api.status, 200, api.text);
  const wrong = await T.ah.call('PATCH', `/api/v1/signalen/${id}`, { body: { status: 'weg' } });
  assert.equal(wrong.status, 400);
  assert.equal((await T.redP.call('PATCH', `/api/v1/signalen/${id}`, { body: { status: 'open' } })).status, 403);
  assert.equal((await T.ah.call('PATCH', '/api/v1/signalen/999999', { body: { status: 'open' } })).status, 404);
  // the intern signal is unknown to the partner: 404, not 403
  const staffAfter = await S['rel-ah'].get(`/samenwerkingsverbanden/${F.C}`);
  assert.ok(!staffAfter.text.includes('Kwakkelende besluitvorming'), 'a solved signal is no longer open');
});

test('follow-ups: an owner and a due date are required; the overview counts open and overdue ones', async () => {
  const n = count('follow_up');
  const noOwner = await S['rel-ah'].post(`/relaties/${F.P}/vervolgacties`, { titel: 'Terugbellen', eigenaar: '', uiterlijk: TOMORROW, vertrouwelijkheid: 'intern' });
  assert.equal(noOwner.status, 400);
  assert.match(decodeEntities(noOwner.text), /Kies wie deze vervolgactie oppakt/);
  const past = await S['rel-ah'].post(`/relaties/${F.P}/vervolgacties`, { titel: 'Terugbellen', eigenaar: 'rel-ah', uiterlijk: YESTERDAY, vertrouwelijkheid: 'intern' });
  assert.equal(past.status, 400);
  const notStaff = await S['rel-ah'].post(`/relaties/${F.P}/vervolgacties`, { titel: 'Terugbellen', eigenaar: 'rel-red-p', uiterlijk: TOMORROW, vertrouwelijkheid: 'intern' });
  assert.equal(notStaff.status, 400, 'only province staff own follow-ups');
  assert.equal(count('follow_up'), n);
  await S['rel-ah'].submit(`/relaties/${F.P}/vervolgacties`, { titel: 'Terugbellen over het AB', eigenaar: 'rel-staf', uiterlijk: TOMORROW, vertrouwelijkheid: 'partner' });
  // an overdue one (dated back in the database: the form refuses past dates)
  await S['rel-ah'].submit(`/relaties/${F.P}/vervolgacties`, { titel: 'Notitie sturen', eigenaar: 'rel-ah', uiterlijk: TODAY, vertrouwelijkheid: 'intern' });
  sql(srv.db, "UPDATE follow_up SET due_date = '2001-01-01' WHERE title = 'Notitie sturen'");
  const list = await T.staf.call('GET', '/api/v1/relaties');
  assert.equal(list.status, 200);
  const p = list.json.relaties.find((x) => x.organisatie === F.P);
  assert.equal(p.openVervolgacties, 2);
  assert.equal(p.teLateVervolgacties, 1);
  assert.equal(p.laatsteContact, YESTERDAY);
  assert.equal(p.langGeenContact, false);
  const q = list.json.relaties.find((x) => x.organisatie === F.Q);
  assert.equal(q.laatsteContact, null);
  assert.equal(q.langGeenContact, true, 'no contact at all is flagged');
  const id = Number(sql(srv.db, "SELECT id FROM follow_up WHERE title = 'Notitie sturen'"));
  await S['rel-ah'].submit(`/relaties/vervolgacties/${id}/status`, { status: 'afgerond' });
  const after = (await T.staf.call('GET', '/api/v1/relaties')).json.relaties.find((x) => x.organisatie === F.P);
  assert.equal(after.openVervolgacties, 1);
  assert.equal(after.teLateVervolgacties, 0);
  // the partner sees the shared follow-up, not the intern one
  const own = await T.redP.call('GET', `/api/v1/relaties/${F.P}`);
  assert.deepEqual(own.json.vervolgacties.map((f) => f.titel), ['Terugbellen over het AB']);
});

test('a follow-up queues a reminder to its owner in the same transaction; done withdraws it, open again queues it again', async () => {
  const mails = (extra = '') => sql(srv.db, `SELECT to_address || '|' || status || '|' || not_before || '|' || subject FROM outbox WHERE kind = 'vervolgactie-herinnering' ${extra} ORDER BY id`).trim();
  const before = mails();
  const due = new Date(Date.now() + 5 * 86400e3).toISOString().slice(0, 10);
  const dayBefore = new Date(Date.now() + 4 * 86400e3).toISOString().slice(0, 10);
  await S['rel-ah'].submit(`/relaties/${F.P}/vervolgacties`, { titel: 'Notitie Kwakkelbeek nasturen', eigenaar: 'rel-staf', uiterlijk: due, vertrouwelijkheid: 'intern' });
  const id = Number(sql(srv.db, "SELECT id FROM follow_up WHERE title = 'Notitie Kwakkelbeek nasturen'"));
  const row = sql(srv.db, `SELECT to_address || '|' || to_name || '|' || status || '|' || not_before || '|' || body FROM outbox WHERE dedupe_key = 'vervolgactie-${id}-herinnering'`);
  const [to, name, status, notBefore, ...body] = row.split('|');
  assert.equal(to, 'staf.testdorp@example.org');
  assert.equal(name, 'Stafmedewerker Testdorp');
  assert.equal(status, 'queued');
  assert.ok(notBefore.startsWith(`${dayBefore}T07:00:00`), `reminder the day before: ${notBefore}`);
  assert.match(body.join('|'), /Notitie Kwakkelbeek nasturen/);
  assert.match(body.join('|'), new RegExp(`/relaties/${F.P}`));
  // an owner without an e-mail address: the follow-up is stored, no mail
  await S['rel-ah'].submit(`/relaties/${F.P}/vervolgacties`, { titel: 'Zonder adres', eigenaar: 'rel-ah', uiterlijk: due, vertrouwelijkheid: 'intern' });
  const id2 = Number(sql(srv.db, "SELECT id FROM follow_up WHERE title = 'Zonder adres'"));
  assert.equal(sql(srv.db, `SELECT count(*) FROM outbox WHERE dedupe_key = 'vervolgactie-${id2}-herinnering'`).trim(), '0');
  // done: the queued reminder is withdrawn with the status change
  await S['rel-ah'].submit(`/relaties/vervolgacties/${id}/status`, { status: 'afgerond' });
  assert.equal(sql(srv.db, `SELECT count(*) FROM outbox WHERE dedupe_key = 'vervolgactie-${id}-herinnering'`).trim(), '0');
  // open again: queued again, once
  const api = await T.ah.call('PATCH', `/api/v1/vervolgacties/${id}`, { body: { status: 'open' } });
  assert.equal(api.status, 200, api.text);
  assert.equal(sql(srv.db, `SELECT count(*) FROM outbox WHERE dedupe_key = 'vervolgactie-${id}-herinnering' AND status = 'queued'`).trim(), '1');
  assert.notEqual(mails(), before);
  // the outbox is not public, and the audit trail of the mail names no address
  const audit = sql(srv.db, "SELECT coalesce(\"after\", '') FROM audit_event WHERE entity = 'outbox'");
  assert.ok(!audit.includes('staf.testdorp@example.org'));
  for (const p of ['/wijzigingen', '/wijzigingen.atom']) assert.ok(!(await anon.get(p)).text.includes('staf.testdorp'), p);
});

test('the overview page: every partner, the quiet ones flagged and filterable', async () => {
  const all = await S['rel-ah'].get('/relaties');
  assert.equal(all.status, 200);
  assert.match(all.text, /<table/);
  assert.match(all.text, /Lang geen contact/);
  assert.ok(all.text.includes(`href="/relaties/${F.P}"`));
  const quiet = await S['rel-ah'].get('/relaties?stil=1');
  assert.ok(!quiet.text.includes(`href="/relaties/${F.P}"`), 'P had contact yesterday');
  assert.ok(quiet.text.includes(`href="/relaties/${F.Q}"`));
  assert.match(all.text, /href="\/relaties"[^>]*>Relaties</, 'the menu shows Relaties to province staff');
  const red = await S['rel-red-p'].get('/');
  assert.ok(!/href="\/relaties"/.test(red.text), 'but not to partner editors');
});

test('accounthouders: the programme team assigns and ends them; the partner sees who theirs is', async () => {
  const denied = await S['rel-ah'].post(`/relaties/${F.P}/accounthouders`, { gebruiker: 'rel-ah', begindatum: '' });
  assert.equal(denied.status, 403, 'an accounthouder does not assign');
  const bad = await S['rel-staf'].post(`/relaties/${F.P}/accounthouders`, { gebruiker: 'rel-red-p', begindatum: '' });
  assert.equal(bad.status, 400, 'a partner editor cannot be accounthouder');
  await S['rel-staf'].submit(`/relaties/${F.P}/accounthouders`, { gebruiker: 'rel-ah', begindatum: '' });
  const row = sql(srv.db, "SELECT id || '|' || start_date || '|' || end_date FROM account_manager").trim();
  assert.equal(row.split('|')[1], TODAY);
  const orgPage = await S['rel-red-p'].get(`/organisaties/${F.P}`);
  assert.match(orgPage.text, /Uw accounthouder bij de provincie/);
  assert.ok(orgPage.text.includes('Accounthouder Fictief'));
  const anonPage = await anon.get(`/organisaties/${F.P}`);
  assert.ok(!anonPage.text.includes('Accounthouder Fictief'), 'not on the public page');
  const otherPage = await S['rel-red-q'].get(`/organisaties/${F.P}`);
  assert.ok(!otherPage.text.includes('Accounthouder Fictief'), 'not to other partners');
  const overview = await T.staf.call('GET', '/api/v1/relaties');
  assert.deepEqual(overview.json.relaties.find((x) => x.organisatie === F.P).accounthouders.map((a) => a.gebruiker), ['rel-ah']);
  const id = row.split('|')[0];
  await S['rel-staf'].submit(`/relaties/accounthouders/${id}/beeindigen`, {});
  assert.equal(sql(srv.db, `SELECT end_date FROM account_manager WHERE id = ${id}`).trim(), TODAY);
  const again = await S['rel-staf'].post(`/relaties/accounthouders/${id}/beeindigen`, {});
  assert.equal(again.status, 409);
});

test('relation records never reach public pages, search, history, feeds or exports', async () => {
  // search echoes the query, so there: no result and no link to the records
  for (const q of [SECRET, SHARED, 'Kwakkelende']) {
    const page = await anon.get(`/zoeken?q=${q}`);
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes('/relaties/'), `search for ${q} links to a relation`);
    const api = await anon.getJson(`/api/v1/zoeken?q=${q}`);
    assert.deepEqual(api.resultaten, [], `search for ${q} finds a relation record`);
  }
  const paths = [
    '/wijzigingen',
    '/wijzigingen.atom',
    `/organisaties/${F.P}`,
    `/samenwerkingsverbanden/${F.C}`,
    '/api/v1/wijzigingen',
  ];
  for (const p of paths) {
    const r = await anon.get(p);
    for (const word of [SECRET, SHARED, 'contact_moment', 'relation_signal', 'follow_up', 'account_manager', 'Kwakkelende'])
      assert.ok(!r.text.includes(word), `${p} shows ${word}`);
  }
  // nor to a signed-in partner editor's history
  const h = await S['rel-red-p'].get('/wijzigingen');
  assert.ok(!h.text.includes('contact_moment') && !h.text.includes(SECRET));
});

test('CSRF: a form post without the session token changes nothing', async () => {
  const n = count('contact_moment');
  const r = await S['rel-ah'].post(`/relaties/${F.P}/contactmomenten`, contact(), { csrf: 'verkeerd' });
  assert.equal(r.status, 403);
  assert.equal(count('contact_moment'), n);
});

// The upcoming day n days from now, YYYY-MM-DD (UTC; far enough ahead that
// the Dutch wall-clock time does not matter).
const dayAhead = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
const overview = async () => (await T.staf.call('GET', '/api/v1/relaties')).json.relaties;
// The overview page's section from heading id `from` up to the next heading.
const section = (html, id) => {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `no section ${id}`);
  const end = html.indexOf('<h2', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
};

test('regional networks are partners by rule, in a group of their own, with an accounthouder; their editors see only their own', async () => {
  const rows = await overview();
  const networks = rows.filter((x) => x.regionaalNetwerk).map((x) => x.organisatie).sort();
  assert.deepEqual(networks, ['regio-amersfoort', 'regio-foodvalley', 'u10', 'u16']);
  assert.ok(rows.find((x) => x.organisatie === F.P).regionaalNetwerk === false);
  const N = 'u16';
  F.N = N;
  await S['rel-staf'].submit(`/relaties/${N}/accounthouders`, { gebruiker: 'rel-ah', begindatum: '' });
  const row = (await overview()).find((x) => x.organisatie === N);
  assert.deepEqual(row.accounthouders.map((a) => a.gebruiker), ['rel-ah']);
  const page = await S['rel-ah'].get('/relaties');
  assert.equal(page.status, 200);
  const nets = section(page.text, 'regionale-netwerken');
  assert.match(nets, /Regionale netwerken/);
  assert.ok(nets.includes(`href="/relaties/${N}"`), 'the network is in its own group');
  assert.ok(nets.includes('Accounthouder Fictief'), 'with its accounthouder');
  assert.ok(!nets.includes(`href="/relaties/${F.P}"`), 'no gemeente among the networks');
  const gws = section(page.text, 'gemeenten-en-waterschappen');
  assert.ok(gws.includes(`href="/relaties/${F.P}"`));
  assert.ok(!gws.includes(`href="/relaties/${N}"`));
  // the network's own editor: "Uw accounthouder" on its organisation page, its relation page, nobody else's
  addUser(srv.db, 'rel-red-n', 'redacteur', { org: N });
  S['rel-red-n'] = await login(srv.base, 'rel-red-n');
  const orgPage = await S['rel-red-n'].get(`/organisaties/${N}`);
  assert.match(orgPage.text, /Uw accounthouder bij de provincie/);
  assert.ok(orgPage.text.includes('Accounthouder Fictief'));
  assert.equal((await S['rel-red-n'].get(`/relaties/${N}`)).status, 200);
  assert.equal((await S['rel-red-n'].get(`/relaties/${F.P}`)).status, 403);
  assert.equal((await S['rel-red-p'].get(`/relaties/${N}`)).status, 403);
  assert.ok(!(await anon.get(`/organisaties/${N}`)).text.includes('Accounthouder Fictief'));
  // staff record a contact moment with the network like with a gemeente
  const c = await T.ah.call('POST', `/api/v1/relaties/${N}/contactmomenten`, { body: contact({ onderwerp: 'Overleg energieregio (fictief)' }) });
  assert.equal(c.status, 201, c.text);
  assert.equal((await overview()).find((x) => x.organisatie === N).laatsteContact, YESTERDAY);
});

test('next event: a place held by a partner\'s user or by a guest with the partner\'s exact name; otherwise empty', async () => {
  assert.ok(F.N, 'runs after the network test');
  const none = await overview();
  assert.equal(none.find((x) => x.organisatie === F.Q).volgendeBijeenkomst, null, 'no event yet: empty');
  const emptyPage = section((await S['rel-ah'].get('/relaties')).text, 'gemeenten-en-waterschappen');
  assert.match(emptyPage, /Volgende bijeenkomst/);
  assert.match(emptyPage, /Geen aanmelding/);
  const ev = async (titel, date) => {
    const r = await T.staf.call('POST', '/api/v1/bijeenkomsten', {
      body: { soort: 'netwerkdag', doelgroep: '', titel, omschrijving: 'Fictief.', begin: `${date}T10:00`, einde: `${date}T16:00`,
        locatie: 'Testzaal Kwakkelbeek', onlineLink: '', casus: '', capaciteit: 20, aanmeldenTot: '', organisator: 'Provincie Utrecht' },
    });
    assert.equal(r.status, 201, r.text);
    return r.json.id;
  };
  const later = await ev('Netwerkdag Zonnedauw (fictief)', dayAhead(40));
  const sooner = await ev('Werkatelier Kwakkelbeek (fictief)', dayAhead(20));
  const waiting = await ev('Ontbijtsessie Wachtlijst (fictief)', dayAhead(10));
  // Q's editor registers for the later one first, then for the sooner one: the sooner is next
  await S['rel-red-q'].submit(`/bijeenkomsten/${later}/aanmelden`, {});
  await S['rel-red-q'].submit(`/bijeenkomsten/${sooner}/aanmelden`, {});
  // a waiting-list place and a past event do not count
  sql(srv.db, `INSERT INTO event_registration (event_id, user_id, name, status, created_at, updated_at) SELECT ${waiting}, id, 'x', 'wachtlijst', 'x', 'x' FROM app_user WHERE username = 'rel-red-q'`);
  sql(srv.db, "INSERT INTO event (kind, title, starts_at, ends_at, capacity, organiser, created_by, created_at, updated_at) VALUES ('netwerkdag', 'Terugblik (fictief)', '2001-01-01T10:00', '2001-01-01T12:00', 5, 'Provincie Utrecht', 'x', 'x', 'x')");
  sql(srv.db, "INSERT INTO event_registration (event_id, user_id, name, status, created_at, updated_at) SELECT (SELECT max(id) FROM event), id, 'x', 'aanwezig', 'x', 'x' FROM app_user WHERE username = 'rel-red-q'");
  // a guest without an account who typed the network's exact name; and one with a near miss
  const netName = (await overview()).find((x) => x.organisatie === F.N).naam;
  sql(srv.db, `INSERT INTO event_registration (event_id, name, organisation, email, status, created_at, updated_at) VALUES (${later}, 'Gast Fictief', '${netName}', 'gast.fictief@example.org', 'bevestigd', 'x', 'x')`);
  sql(srv.db, `INSERT INTO event_registration (event_id, name, organisation, email, status, created_at, updated_at) VALUES (${sooner}, 'Gast Bijna', '${netName} regio', 'gast.bijna@example.org', 'bevestigd', 'x', 'x')`);
  const rows = await overview();
  const q = rows.find((x) => x.organisatie === F.Q);
  assert.deepEqual(q.volgendeBijeenkomst, { id: sooner, titel: 'Werkatelier Kwakkelbeek (fictief)', begin: `${dayAhead(20)}T10:00`, href: `/api/v1/bijeenkomsten/${sooner}` });
  assert.equal(rows.find((x) => x.organisatie === F.N).volgendeBijeenkomst?.id, later, 'the guest with the exact name');
  assert.equal(rows.find((x) => x.organisatie === F.P).volgendeBijeenkomst, null, 'nobody of P registered');
  // the page: date and title, linked to the event
  const page = await S['rel-ah'].get('/relaties');
  const gws = section(page.text, 'gemeenten-en-waterschappen');
  assert.match(gws, new RegExp(`<a[^>]*href="/bijeenkomsten/${sooner}"[^>]*>Werkatelier Kwakkelbeek \\(fictief\\)</a>`));
  assert.match(gws, new RegExp(`datetime="${dayAhead(20)}T10:00"`));
  assert.ok(section(page.text, 'regionale-netwerken').includes(`href="/bijeenkomsten/${later}"`));
  // the partner page and its API, for province staff
  const one = await T.ah.call('GET', `/api/v1/relaties/${F.Q}`);
  assert.equal(one.json.volgendeBijeenkomst.id, sooner);
  assert.ok((await S['rel-ah'].get(`/relaties/${F.Q}`)).text.includes(`href="/bijeenkomsten/${sooner}"`));
  assert.equal((await T.ah.call('GET', `/api/v1/relaties/${F.P}`)).json.volgendeBijeenkomst, null);
  // not for the partner's own editor: it comes from other people's registrations
  const own = await T.redQ.call('GET', `/api/v1/relaties/${F.Q}`);
  assert.equal(own.status, 200);
  assert.ok(!('volgendeBijeenkomst' in own.json));
  assert.ok(!(await S['rel-red-q'].get(`/relaties/${F.Q}`)).text.includes('Volgende bijeenkomst'));
  // a cancelled place no longer counts: the later event is next
  sql(srv.db, `UPDATE event_registration SET status = 'geannuleerd' WHERE event_id = ${sooner} AND user_id IS NOT NULL`);
  assert.equal((await overview()).find((x) => x.organisatie === F.Q).volgendeBijeenkomst.id, later);
});
