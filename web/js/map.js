// map.js — progressive enhancement of the map page /kaart.
//
// The server renders everything this script touches (SVG map with one link
// per gemeente, legend, side panel, table, filter form), so the page works
// without JavaScript. With it:
//   - changing a filter or the highlighted collaboration fetches
//     /api/v1/kaart?<filters> (GeoJSON with counts) and recolours the map,
//     legend, table and panel without a reload; the URL follows
//     (history.replaceState) so the view can be shared;
//   - clicking a gemeente, or Enter/Space on it, opens its details in the
//     side panel; arrow keys move between gemeenten;
//   - sorting the table happens in place;
//   - changes are announced in the aria-live region #kaart-melding.
// All text from data goes in through textContent (never innerHTML). No
// request leaves this origin.

const FILTERS = ['beleidsdomein', 'juridischeVorm', 'fase', 'soort'];
const nf = new Intl.NumberFormat('nl-NL');

const root = document.getElementById('kaart');
if (root && root.dataset.weergave !== 'regio') init();

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function link(href, text) {
  return el('a', { class: 'utrecht-link utrecht-link--html-a', href, text });
}

function plural(n, one, many) {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

function init() {
  const form = document.getElementById('kaart-filter');
  const live = document.getElementById('kaart-melding');
  const panel = document.getElementById('kaart-paneel');
  const svg = document.getElementById('kaart-svg');
  const summary = document.getElementById('kaart-samenvatting');
  const tableBox = document.getElementById('kaart-tabel');
  const legendBox = document.getElementById('kaart-legenda');
  const verbandSelect = document.getElementById('f-verband');
  const api = root.dataset.api || '/api/v1/kaart';
  root.classList.add('atlas-map--js');

  // start from what the server accepted: the form shows the valid values
  // (an unknown verband, gemeente or sort order was reported on the page)
  const q = new URLSearchParams(location.search);
  const formValue = (k) => (form && form.elements.namedItem(k) ? form.elements.namedItem(k).value : '');
  const state = {
    f: Object.fromEntries(FILTERS.map((k) => [k, formValue(k)])),
    verband: verbandSelect ? verbandSelect.value : '',
    gemeente: q.get('gemeente') || '',
    met: q.get('met') || '',
    sorteer: ['naam', 'aantal', '-aantal'].includes(q.get('sorteer')) ? q.get('sorteer') : 'naam',
  };
  let data = null;
  let seq = 0;

  const links = svg ? [...svg.querySelectorAll('a.atlas-map__link')] : [];

  function announce(text) {
    if (!live) return;
    live.textContent = '';
    // a fresh text node so screen readers announce repeats too
    setTimeout(() => { live.textContent = text; }, 50);
  }

  // the date of time travel, as the server accepted it (kept in every request)
  const peildatum = new URLSearchParams(location.search).get('peildatum') || '';

  function apiQuery() {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (state.f[k]) p.set(k, state.f[k]);
    if (state.verband) p.set('verband', state.verband);
    if (peildatum) p.set('peildatum', peildatum);
    return p;
  }

  function pageQuery() {
    const p = apiQuery();
    p.set('weergave', 'aantal'); // this script runs on the count view only
    if (state.gemeente) p.set('gemeente', state.gemeente);
    if (state.met && state.gemeente) p.set('met', state.met);
    if (state.sorteer && state.sorteer !== 'naam') p.set('sorteer', state.sorteer);
    return p;
  }

  function withQuery(path, p) {
    const s = p.toString();
    return s ? `${path}?${s}` : path;
  }

  function syncUrl() {
    history.replaceState(null, '', withQuery('/kaart', pageQuery()) + location.hash);
    const exp = apiQuery();
    const csv = new URLSearchParams(exp);
    if (state.sorteer !== 'naam') csv.set('sorteer', state.sorteer);
    const set = (id, href) => { const a = document.getElementById(id); if (a) a.href = href; };
    set('export-csv', withQuery('/kaart.csv', csv));
    set('export-geojson', withQuery('/kaart.geojson', exp));
    set('export-json', withQuery('/api/v1/kaart', exp));
  }

  const feats = () => data.features.map((f) => f.properties);
  const byCode = (code) => feats().find((p) => p.code === code);
  const offMap = (code) => data.zonderKaartvorm.find((o) => o.code === code);
  const shadeOf = (klasse) => (data.klassen[klasse - 1] ? data.klassen[klasse - 1].tint : 0);
  const label = (p) => `${p.naam}: ${plural(p.aantal, 'actief samenwerkingsverband', 'actieve samenwerkingsverbanden')}`;
  const classText = (k) => (k.van === k.tot ? nf.format(k.van) : `${nf.format(k.van)} tot en met ${nf.format(k.tot)}`);

  function swatch(shade) {
    const ns = 'http://www.w3.org/2000/svg';
    const s = document.createElementNS(ns, 'svg');
    s.setAttribute('class', 'atlas-map__swatch');
    s.setAttribute('width', '20');
    s.setAttribute('height', '20');
    s.setAttribute('viewBox', '0 0 20 20');
    s.setAttribute('aria-hidden', 'true');
    s.setAttribute('focusable', 'false');
    const r = document.createElementNS(ns, 'rect');
    r.setAttribute('class', `atlas-map__t${shade}`);
    for (const [k, v] of [['x', 1], ['y', 1], ['width', 18], ['height', 18]]) r.setAttribute(k, v);
    s.append(r);
    return s;
  }

  function renderMap() {
    for (const a of links) {
      const p = byCode(a.dataset.code);
      if (!p) continue;
      const path = a.querySelector('path');
      const cls = ['atlas-map__area', `atlas-map__t${shadeOf(p.klasse)}`];
      if (state.gemeente === p.code) cls.push('is-selected');
      if (data.verband) cls.push(p.inVerband ? 'is-in' : 'is-dim');
      path.setAttribute('class', cls.join(' '));
      a.setAttribute('aria-label', label(p));
      if (state.gemeente === p.code) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
      const t = path.querySelector('title');
      if (t) t.textContent = label(p);
      const gq = apiQuery();
      gq.set('gemeente', p.code);
      a.setAttribute('href', `${withQuery('/kaart', gq)}#kaart-paneel`); // SVG a: href is read-only
    }
    for (const t of svg ? svg.querySelectorAll('text[data-code]') : []) {
      const p = byCode(t.dataset.code);
      if (!p) continue;
      const shade = shadeOf(p.klasse);
      const cls = ['atlas-map__num'];
      if (shade >= 3) cls.push('atlas-map__num--light');
      if (data.verband && !p.inVerband) cls.push('is-dim');
      t.setAttribute('class', cls.join(' '));
      t.textContent = String(p.aantal);
    }
  }

  function renderLegend() {
    if (!legendBox) return;
    const ul = legendBox.querySelector('ul');
    ul.replaceChildren(...data.klassen.map((k) =>
      el('li', { class: 'atlas-map__legend-item' }, swatch(k.tint), el('span', { text: classText(k) }))));
  }

  function renderSummary() {
    if (!summary) return;
    const n = feats().length;
    const inAny = feats().filter((p) => p.aantal > 0).length;
    summary.replaceChildren(
      el('strong', { text: plural(data.aantalSamenwerkingsverbanden, 'actief samenwerkingsverband', 'actieve samenwerkingsverbanden') }),
      ` met deze filters; ${nf.format(inAny)} van de ${nf.format(n)} gemeenten doen mee aan minstens één.`);
  }

  function renderVerbandOptions() {
    if (!verbandSelect) return;
    const opts = [['', 'Geen (alle gemeenten gelijk tonen)'], ...data.samenwerkingsverbanden.map((c) => [c.id, c.naam])];
    if (data.verband && !opts.some(([v]) => v === data.verband.id)) opts.push([data.verband.id, data.verband.naam]);
    verbandSelect.replaceChildren(...opts.map(([v, t]) => el('option', { value: v, text: t, selected: v === state.verband })));
    verbandSelect.value = state.verband;
  }

  function sortedRows() {
    const rows = feats().slice();
    const byName = (a, b) => a.naam.localeCompare(b.naam, 'nl');
    if (state.sorteer === 'aantal') rows.sort((a, b) => a.aantal - b.aantal || byName(a, b));
    else if (state.sorteer === '-aantal') rows.sort((a, b) => b.aantal - a.aantal || byName(a, b));
    else rows.sort(byName);
    return rows;
  }

  function renderTable() {
    if (!tableBox) return;
    const sortLink = (key, text) => {
      const p = pageQuery();
      p.set('sorteer', key);
      return el('a', { class: 'utrecht-link utrecht-link--html-a atlas-map__sort', href: withQuery('/kaart', p) + '#kaart-tabel', 'data-sort': key, text });
    };
    const th = (attrs, ...c) => el('th', { scope: 'col', class: 'utrecht-table__header-cell', ...attrs }, ...c);
    const countNext = state.sorteer === '-aantal' ? 'aantal' : '-aantal';
    const head = el('tr', { class: 'utrecht-table__row' },
      th({ 'aria-sort': state.sorteer === 'naam' ? 'ascending' : null }, sortLink('naam', 'Gemeente')),
      th({ class: 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column',
        'aria-sort': state.sorteer === 'aantal' ? 'ascending' : state.sorteer === '-aantal' ? 'descending' : null },
      sortLink(countNext, 'Aantal actieve samenwerkingsverbanden')),
      th({}, 'Klasse'),
      data.verband ? th({}, 'Neemt deel aan uitgelicht verband') : null);
    const body = sortedRows().map((p) => {
      const k = data.klassen[p.klasse - 1];
      return el('tr', { class: `utrecht-table__row${state.gemeente === p.code ? ' is-selected' : ''}`, 'data-code': p.code },
        el('th', { scope: 'row', class: 'utrecht-table__header-cell atlas-row-header' }, link(`/organisaties/${encodeURIComponent(p.code)}`, p.naam)),
        el('td', { class: 'utrecht-table__cell utrecht-table__cell--numeric-column', text: nf.format(p.aantal) }),
        el('td', { class: 'utrecht-table__cell' }, k ? swatch(k.tint) : null, k ? ` ${classText(k)}` : ''),
        data.verband ? el('td', { class: 'utrecht-table__cell', text: p.inVerband ? 'Ja' : 'Nee' }) : null);
    });
    const caption = 'Aantal actieve samenwerkingsverbanden per gemeente' + (data.verband ? `, met deelname aan ${data.verband.naam}` : '');
    const table = el('table', { class: 'utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color atlas-map__table' },
      el('caption', { class: 'utrecht-table__caption', text: caption }),
      el('thead', { class: 'utrecht-table__header' }, head),
      el('tbody', { class: 'utrecht-table__body' }, ...body));
    tableBox.replaceChildren(table);
  }

  function orgItem(o, shared) {
    let extra = o.soortLabel;
    if (!o.inProvincie && o.soort !== 'waterschap') extra += ', buiten de provincie';
    if (shared) extra += `; ${nf.format(shared)} gedeeld`;
    return el('li', {}, link(`/organisaties/${encodeURIComponent(o.code)}`, o.naam), ' ',
      el('span', { class: 'atlas-muted', text: `(${extra})` }));
  }

  function list(items) {
    return el('ul', { class: 'utrecht-unordered-list atlas-map__list' }, ...items);
  }

  function verbandSection() {
    const v = data.verband;
    const inMap = feats().filter((p) => v.deelnemers.includes(p.code));
    const off = v.deelnemers.filter((c) => !byCode(c)).map(offMap).filter(Boolean);
    const head = `Uitgelicht: ${v.naam}`;
    return el('section', { class: 'atlas-map__section', 'aria-labelledby': 'paneel-verband' },
      el('h2', { class: 'utrecht-heading-3', id: 'paneel-verband', text: head }),
      el('p', { class: 'utrecht-paragraph' },
        (v.actief ? '' : 'Dit samenwerkingsverband is beëindigd. ') +
        'Op de kaart zijn de deelnemende gemeenten omlijnd; de andere zijn lichter. ',
        link(`/samenwerkingsverbanden/${encodeURIComponent(v.id)}`, 'Alle gegevens van dit verband'), '.'),
      el('h3', { class: 'utrecht-heading-4', text: `Deelnemende gemeenten (${nf.format(inMap.length)})` }),
      inMap.length ? list(inMap.map((p) => el('li', {}, link(`/organisaties/${encodeURIComponent(p.code)}`, p.naam))))
        : el('p', { class: 'utrecht-paragraph', text: 'Geen gemeenten op de kaart.' }),
      el('h3', { class: 'utrecht-heading-4', text: `Deelnemers zonder vorm op de kaart (${nf.format(off.length)})` }),
      off.length ? list(off.map((o) => orgItem(o, 0)))
        : el('p', { class: 'utrecht-paragraph', text: 'Geen: alle deelnemers zijn gemeenten op de kaart.' }));
  }

  function gemeenteLists(g) {
    const w = state.met && state.met !== g.code ? byCode(state.met) : null;
    const collabs = data.samenwerkingsverbanden.filter((c) =>
      c.deelnemers.includes(g.code) && (!w || c.deelnemers.includes(w.code)));
    const shared = new Map();
    for (const c of collabs) {
      for (const code of c.deelnemers) {
        if (byCode(code)) continue;
        const o = offMap(code);
        if (o && (o.soort === 'waterschap' || !o.inProvincie)) shared.set(code, (shared.get(code) || 0) + 1);
      }
    }
    const partners = data.zonderKaartvorm.filter((o) => shared.has(o.code));
    const box = el('div', { id: 'paneel-lijsten' },
      el('h3', { class: 'utrecht-heading-4', text: `${w ? `Gedeeld met ${w.naam}` : 'Samenwerkingsverbanden'} (${nf.format(collabs.length)})` }),
      collabs.length ? list(collabs.map((c) => el('li', {}, link(`/samenwerkingsverbanden/${encodeURIComponent(c.id)}`, c.naam))))
        : el('p', { class: 'utrecht-paragraph', text: 'Geen met deze filters.' }),
      el('h3', { class: 'utrecht-heading-4', text: `Waterschappen en partners buiten de provincie (${nf.format(partners.length)})` }),
      partners.length ? el('p', { class: 'utrecht-paragraph atlas-muted', text: 'Deze deelnemers hebben geen vorm op de kaart. Tussen haakjes: in hoeveel van de samenwerkingsverbanden hierboven.' }) : null,
      partners.length ? list(partners.map((o) => orgItem(o, shared.get(o.code))))
        : el('p', { class: 'utrecht-paragraph', text: 'Geen in deze samenwerkingsverbanden.' }));
    return { box, collabs, w };
  }

  function gemeenteSection(g) {
    const sel = el('select', { class: 'utrecht-select utrecht-select--html-select', id: 'f-met', name: 'met' },
      el('option', { value: '', text: 'Geen (alle samenwerkingsverbanden)' }),
      ...feats().filter((p) => p.code !== g.code)
        .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
        .map((p) => el('option', { value: p.code, text: p.naam, selected: p.code === state.met })));
    sel.value = state.met && state.met !== g.code ? state.met : '';
    sel.addEventListener('change', () => {
      state.met = sel.value;
      const { box, collabs, w } = gemeenteLists(g);
      document.getElementById('paneel-lijsten').replaceWith(box);
      syncUrl();
      announce(w ? `${g.naam} en ${w.naam} delen ${plural(collabs.length, 'samenwerkingsverband', 'samenwerkingsverbanden')}.`
        : `${g.naam}: ${plural(collabs.length, 'samenwerkingsverband', 'samenwerkingsverbanden')}.`);
    });
    return el('section', { class: 'atlas-map__section', 'aria-labelledby': 'paneel-gemeente' },
      el('h2', { class: 'utrecht-heading-3', id: 'paneel-gemeente', text: g.naam }),
      el('p', { class: 'utrecht-paragraph' }, 'Neemt deel aan ',
        el('strong', { text: plural(g.aantal, 'actief samenwerkingsverband', 'actieve samenwerkingsverbanden') }),
        ' (met de gekozen filters). ', link(`/organisaties/${encodeURIComponent(g.code)}`, 'Alle gegevens van deze gemeente'), '.'),
      el('div', { class: 'atlas-map__compare' },
        el('div', { class: 'utrecht-form-field atlas-form-field' },
          el('div', { class: 'utrecht-form-field__label' }, el('label', { class: 'utrecht-form-label', for: 'f-met', text: 'Gedeeld met gemeente' })),
          el('div', { class: 'utrecht-form-field__input' }, sel))),
      gemeenteLists(g).box);
  }

  function hintSection() {
    return el('section', { class: 'atlas-map__section atlas-map__hint', 'aria-labelledby': 'paneel-hint' },
      el('h2', { class: 'utrecht-heading-3', id: 'paneel-hint', text: 'Details' }),
      el('p', { class: 'utrecht-paragraph', text: 'Kies een gemeente op de kaart (met de muis, of met Tab en Enter; pijltjestoetsen gaan naar de volgende gemeente) om te zien aan welke samenwerkingsverbanden ze deelneemt en met welke waterschappen en partners buiten de provincie.' }),
      el('p', { class: 'utrecht-paragraph', text: 'Of kies bij ‘Samenwerkingsverband uitlichten’ een verband: de deelnemende gemeenten worden omlijnd en de andere deelnemers staan hier.' }));
  }

  function renderPanel() {
    if (!panel) return;
    const parts = [];
    if (data.verband) parts.push(verbandSection());
    const g = state.gemeente ? byCode(state.gemeente) : null;
    if (g) parts.push(gemeenteSection(g));
    if (!parts.length) parts.push(hintSection());
    panel.replaceChildren(...parts);
  }

  function render() {
    renderMap();
    renderLegend();
    renderSummary();
    renderVerbandOptions();
    renderTable();
    renderPanel();
    syncUrl();
  }

  async function refresh(message) {
    const my = ++seq;
    root.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(withQuery(api, apiQuery()), { headers: { Accept: 'application/geo+json' } });
      const body = await res.json();
      if (my !== seq) return; // a newer request is on its way
      if (!res.ok) {
        announce(body.detail || 'De kaart kon niet worden bijgewerkt.');
        return;
      }
      data = body;
      if (state.gemeente && !byCode(state.gemeente)) state.gemeente = '';
      render();
      if (message) announce(message());
    } catch (err) {
      console.error('kaart:', err);
      if (my === seq) announce('De kaart kon niet worden bijgewerkt. Gebruik de knop ‘Kaart bijwerken’.');
    } finally {
      if (my === seq) root.removeAttribute('aria-busy');
    }
  }

  function filterMessage() {
    const inAny = feats().filter((p) => p.aantal > 0).length;
    let m = `Kaart bijgewerkt: ${plural(data.aantalSamenwerkingsverbanden, 'actief samenwerkingsverband', 'actieve samenwerkingsverbanden')}; ${nf.format(inAny)} gemeenten doen mee.`;
    if (data.verband) {
      const n = feats().filter((p) => p.inVerband).length;
      m += ` Uitgelicht: ${data.verband.naam}, met ${plural(n, 'gemeente', 'gemeenten')} op de kaart.`;
    }
    return m;
  }

  function readForm() {
    for (const k of FILTERS) {
      const s = form.elements.namedItem(k);
      if (s) state.f[k] = s.value;
    }
    if (verbandSelect) state.verband = verbandSelect.value;
  }

  if (form) {
    form.addEventListener('change', (e) => {
      if (!e.target.name || (!FILTERS.includes(e.target.name) && e.target.name !== 'verband')) return;
      readForm();
      refresh(filterMessage);
    });
    form.addEventListener('submit', (e) => {
      // another view, a comparison, a layer or another date: let the server render it
      const v = (k) => (form.elements.namedItem(k) ? form.elements.namedItem(k).value : '');
      const layer = form.elements.namedItem('waterschappen');
      if ((v('weergave') && v('weergave') !== 'aantal') || v('vergelijk') || (layer && layer.checked) || v('peildatum') !== peildatum) return;
      e.preventDefault();
      readForm();
      refresh(filterMessage);
    });
  }

  function selectGemeente(code, moveFocus) {
    const p = byCode(code);
    if (!p) return;
    state.gemeente = code;
    if (state.met === code) state.met = '';
    renderMap();
    renderTable();
    renderPanel();
    syncUrl();
    announce(`${label(p)}. De details staan naast de kaart.`);
    if (moveFocus && panel) panel.focus();
  }

  for (const a of links) {
    a.addEventListener('click', (e) => {
      if (!data || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      // keyboard activation (Enter) gives detail 0: then focus moves to the
      // panel, as the link's #kaart-paneel would without JavaScript
      selectGemeente(a.dataset.code, e.detail === 0);
    });
    a.addEventListener('keydown', (e) => {
      const i = links.indexOf(a);
      if (e.key === ' ' || e.key === 'Spacebar') {
        e.preventDefault();
        if (data) selectGemeente(a.dataset.code, true);
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
        e.preventDefault();
        links[(i + 1) % links.length].focus();
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
        e.preventDefault();
        links[(i - 1 + links.length) % links.length].focus();
      } else if (e.key === 'Home') {
        e.preventDefault();
        links[0].focus();
      } else if (e.key === 'End') {
        e.preventDefault();
        links[links.length - 1].focus();
      }
    });
  }

  if (tableBox) {
    tableBox.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-sort]');
      if (!a || !data) return;
      e.preventDefault();
      state.sorteer = a.dataset.sort;
      renderTable();
      syncUrl();
      const again = tableBox.querySelector(`a[data-sort]${state.sorteer === 'naam' ? '[data-sort="naam"]' : ':not([data-sort="naam"])'}`);
      if (again) again.focus();
      announce(state.sorteer === 'naam' ? 'Tabel gesorteerd op gemeente (A-Z).'
        : state.sorteer === 'aantal' ? 'Tabel gesorteerd op aantal, oplopend.' : 'Tabel gesorteerd op aantal, aflopend.');
    });
  }

  // the page as served is already correct; fetch the data the panel and
  // the in-place updates need, without announcing anything
  refresh(null);
}
