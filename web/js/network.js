/*
 * network.js — the interactive drawing on /netwerk (progressive
 * enhancement: without it the page shows the same data as tables).
 *
 * Reads the nodes and edges from the open API (the URL is in the section's
 * data-api attribute, with the page's filters), computes a layout with
 * d3-force (loaded before this file as window.d3; the layout is computed in
 * one go, so nothing moves on screen), and draws our own SVG:
 *   - every node is a <g role="button" tabindex> with a <title> and an
 *     accessible name; one node is in the tab order at a time (roving
 *     tabindex), all are focusable;
 *   - keyboard: arrows move to the next/previous neighbour of the chosen
 *     node (or the next/previous node by name when nothing is chosen);
 *     Enter/Space chooses; Page Up/Down and Home/End walk all nodes by name;
 *     Escape clears the choice;
 *   - choosing a node highlights it and its neighbours and lists the
 *     neighbours (links to their pages) in the side panel.
 * Issue 5: with personen=ja the API also returns person nodes (soort
 * "persoon", drawn as green diamonds, linked to /personen/{id}) and one
 * edge per current seat in a collaboration's body.
 * No inline styles (CSP): looks come from web/css/network.css classes and
 * SVG presentation attributes.
 */
(function () {
	'use strict';

	var SVGNS = 'http://www.w3.org/2000/svg';
	var W = 960, H = 680, PAD = 28;
	var ORG_COLOURS = { gemeente: '#0b4f9c', provincie: '#5a2a82', waterschap: '#00606b' };
	var COLLAB_COLOUR = '#a04a00';
	var PERSON_COLOUR = '#1a6e2e';
	var TYPE_LABELS = {
		gemeente: 'gemeente', provincie: 'provincie', waterschap: 'waterschap',
		samenwerkingsorgaan: 'samenwerkingsorgaan', rijk: 'rijksoverheid', overig: 'organisatie',
		wgr: 'gemeenschappelijke regeling', privaatrechtelijk: 'privaatrechtelijke samenwerking',
		netwerk: 'netwerk of convenant'
	};
	var ROLE_LABELS = {
		centrumgemeente: 'centrumgemeente', penvoerder: 'penvoerder', trekker: 'trekker',
		toehoorder: 'toehoorder'
	};

	var section = document.getElementById('netwerk-weergave');
	if (!section || !window.d3 || !window.d3.forceSimulation || !window.fetch) return;

	function el(name, attrs, ns) {
		var e = ns ? document.createElementNS(SVGNS, name) : document.createElement(name);
		if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
		return e;
	}

	function pageHref(n) {
		var base = n.soort === 'organisatie' ? '/organisaties/'
			: n.soort === 'persoon' ? '/personen/' : '/samenwerkingsverbanden/';
		return base + encodeURIComponent(n.code);
	}

	function describe(n) {
		if (n.soort === 'persoon') {
			var z = n.nbrs.length;
			return n.naam + ' (persoon, zetel in ' +
				(z === 1 ? '1 samenwerkingsverband' : z + ' samenwerkingsverbanden') + ')';
		}
		var what = TYPE_LABELS[n.type] || (n.soort === 'organisatie' ? 'organisatie' : 'samenwerkingsverband');
		var count = n.nbrs.filter(function (x) { return x.node.soort !== 'persoon'; }).length;
		var rel = n.soort === 'organisatie'
			? (count === 1 ? '1 samenwerkingsverband' : count + ' samenwerkingsverbanden')
			: (count === 1 ? '1 deelnemer' : count + ' deelnemers');
		return n.naam + ' (' + what + ', ' + rel + ')';
	}

	function radius(n) {
		return (n.soort === 'organisatie' ? 5 : 4) + 1.7 * Math.sqrt(n.nbrs.length);
	}

	function build(data) {
		var nodes = data.knopen.map(function (k) {
			return { id: k.id, soort: k.soort, code: k.code, naam: k.naam, type: k.type, nbrs: [] };
		});
		var byId = {};
		nodes.forEach(function (n) { byId[n.id] = n; });
		var links = [];
		data.verbindingen.forEach(function (v) {
			var a = byId[v.bron], b = byId[v.doel];
			if (!a || !b) return;
			links.push({ source: v.bron, target: v.doel, rol: v.rol, zetel: v.soort === 'zetel' });
			if (a.nbrs.every(function (x) { return x.node !== b; })) a.nbrs.push({ node: b, rol: v.rol });
			if (b.nbrs.every(function (x) { return x.node !== a; })) b.nbrs.push({ node: a, rol: v.rol });
		});
		if (!nodes.length) return;
		var byName = nodes.slice().sort(function (a, b) { return a.naam.localeCompare(b.naam, 'nl'); });

		/* layout: computed up front, so the drawing appears settled */
		var d3 = window.d3;
		var sim = d3.forceSimulation(nodes)
			.force('link', d3.forceLink(links).id(function (d) { return d.id; }).distance(55).strength(0.4))
			.force('charge', d3.forceManyBody().strength(-170))
			.force('x', d3.forceX(0).strength(0.07))
			.force('y', d3.forceY(0).strength(0.09))
			.force('collide', d3.forceCollide(function (d) { return radius(d) + 4; }))
			.stop();
		for (var i = 0; i < 320; i++) sim.tick();

		var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
		nodes.forEach(function (n) {
			minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
			minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
		});
		var padX = PAD + 90; /* room for labels right of the nodes */
		var k = Math.min((W - PAD - padX) / Math.max(maxX - minX, 1), (H - 2 * PAD) / Math.max(maxY - minY, 1));
		nodes.forEach(function (n) {
			n.px = PAD + (n.x - minX) * k;
			n.py = PAD + (n.y - minY) * k;
		});

		/* drawing */
		var canvas = document.getElementById('netwerk-tekening');
		var svg = el('svg', {
			'class': 'net-svg', viewBox: '0 0 ' + W + ' ' + H, role: 'group',
			'aria-labelledby': 'netwerk-svg-titel', 'aria-describedby': 'netwerk-uitleg'
		}, true);
		var title = el('title', { id: 'netwerk-svg-titel' }, true);
		var nOrg = nodes.filter(function (n) { return n.soort === 'organisatie'; }).length;
		var nPers = nodes.filter(function (n) { return n.soort === 'persoon'; }).length;
		var nSeat = links.filter(function (l) { return l.zetel; }).length;
		title.textContent = 'Netwerk van ' + nOrg + ' organisaties en ' + (nodes.length - nOrg - nPers) +
			' samenwerkingsverbanden met ' + (links.length - nSeat) + ' deelnames' +
			(nPers ? ', en ' + nPers + ' personen met ' + nSeat + ' zetels' : '');
		svg.appendChild(title);

		var gEdges = el('g', { 'class': 'net-edges', 'aria-hidden': 'true' }, true);
		links.forEach(function (l) {
			var line = el('line', {
				'class': l.zetel ? 'net-edge net-edge--seat' : 'net-edge', x1: l.source.px.toFixed(1), y1: l.source.py.toFixed(1),
				x2: l.target.px.toFixed(1), y2: l.target.py.toFixed(1)
			}, true);
			l.el = line;
			gEdges.appendChild(line);
		});
		svg.appendChild(gEdges);

		var gNodes = el('g', { 'class': 'net-nodes' }, true);
		/* collaborations first, so the organisations' labels are drawn on top */
		var drawOrder = nodes.filter(function (n) { return n.soort === 'samenwerkingsverband'; })
			.concat(nodes.filter(function (n) { return n.soort !== 'samenwerkingsverband'; }));
		drawOrder.forEach(function (n) {
			var org = n.soort === 'organisatie';
			var pers = n.soort === 'persoon';
			var r = radius(n);
			var g = el('g', {
				'class': 'net-node ' + (org ? 'net-node--org' : pers ? 'net-node--person' : 'net-node--collab'),
				role: 'button', tabindex: '-1', 'aria-pressed': 'false',
				'aria-label': describe(n), 'data-id': n.id,
				transform: 'translate(' + n.px.toFixed(1) + ' ' + n.py.toFixed(1) + ')'
			}, true);
			var t = el('title', null, true);
			t.textContent = describe(n);
			g.appendChild(t);
			if (pers) {
				var d = function (k) {
					return '0,' + (-k).toFixed(1) + ' ' + k.toFixed(1) + ',0 0,' + k.toFixed(1) + ' ' + (-k).toFixed(1) + ',0';
				};
				g.appendChild(el('polygon', { 'class': 'net-halo', points: d(r + 6) }, true));
				g.appendChild(el('polygon', { 'class': 'net-shape', points: d(r + 1), fill: PERSON_COLOUR }, true));
			} else if (org) {
				g.appendChild(el('circle', { 'class': 'net-halo', r: (r + 5).toFixed(1) }, true));
				g.appendChild(el('circle', {
					'class': 'net-shape', r: r.toFixed(1), fill: ORG_COLOURS[n.type] || '#545454'
				}, true));
			} else {
				g.appendChild(el('rect', {
					'class': 'net-halo', x: (-r - 5).toFixed(1), y: (-r - 5).toFixed(1),
					width: (2 * r + 10).toFixed(1), height: (2 * r + 10).toFixed(1)
				}, true));
				g.appendChild(el('rect', {
					'class': 'net-shape', x: (-r).toFixed(1), y: (-r).toFixed(1),
					width: (2 * r).toFixed(1), height: (2 * r).toFixed(1), fill: COLLAB_COLOUR
				}, true));
			}
			var label = el('text', {
				'class': 'net-label ' + (org || pers ? 'net-label--org' : 'net-label--collab'),
				x: (r + 4).toFixed(1), y: '4', 'aria-hidden': 'true'
			}, true);
			label.textContent = n.naam.length > 34 ? n.naam.slice(0, 32) + '…' : n.naam;
			g.appendChild(label);
			n.el = g;
			gNodes.appendChild(g);
		});
		svg.appendChild(gNodes);
		canvas.appendChild(svg);

		var panel = document.getElementById('netwerk-paneel');
		var status = el('p', { 'class': 'net-status', role: 'status' });
		section.insertBefore(status, panel.parentNode);
		var selected = null;
		var current = byName[0];
		current.el.setAttribute('tabindex', '0');

		function focusNode(n) {
			if (current) current.el.setAttribute('tabindex', '-1');
			current = n;
			n.el.setAttribute('tabindex', '0');
			n.el.focus();
		}

		function renderPanel(n) {
			panel.textContent = '';
			if (!n) {
				var p0 = el('p', { 'class': 'utrecht-paragraph' });
				p0.textContent = 'Kies een knoop om te zien met wie die verbonden is.';
				panel.appendChild(p0);
				return;
			}
			var h = el('h3', { 'class': 'utrecht-heading-3 net-panel__title' });
			h.textContent = n.naam;
			panel.appendChild(h);
			var p = el('p', { 'class': 'utrecht-paragraph' });
			var a = el('a', { 'class': 'utrecht-link utrecht-link--html-a', href: pageHref(n) });
			a.textContent = 'Naar de pagina van ' + n.naam;
			p.appendChild(a);
			panel.appendChild(p);
			var intro = el('p', { 'class': 'utrecht-paragraph' });
			var c = n.nbrs.length;
			intro.textContent = n.soort === 'organisatie'
				? 'Neemt deel aan ' + (c === 1 ? '1 samenwerkingsverband' : c + ' samenwerkingsverbanden') + ':'
				: n.soort === 'persoon'
					? 'Heeft een zetel in ' + (c === 1 ? '1 samenwerkingsverband' : c + ' samenwerkingsverbanden') + ':'
					: nPers
						? (c === 1 ? '1 verbonden organisatie of persoon' : c + ' verbonden organisaties en personen') + ' in dit netwerk:'
						: (c === 1 ? '1 deelnemer' : c + ' deelnemers') + ' in dit netwerk:';
			panel.appendChild(intro);
			var ul = el('ul', { 'class': 'utrecht-unordered-list net-panel__list' });
			n.nbrs.slice().sort(function (x, y) { return x.node.naam.localeCompare(y.node.naam, 'nl'); })
				.forEach(function (nb) {
					var li = el('li');
					var link = el('a', { 'class': 'utrecht-link utrecht-link--html-a', href: pageHref(nb.node) });
					link.textContent = nb.node.naam;
					li.appendChild(link);
					if (ROLE_LABELS[nb.rol]) li.appendChild(document.createTextNode(' (' + ROLE_LABELS[nb.rol] + ')'));
					li.appendChild(document.createTextNode(' '));
					var btn = el('button', {
						type: 'button', 'class': 'net-panel__pick',
						'data-id': nb.node.id, 'aria-label': 'Kies ' + nb.node.naam + ' in het netwerk'
					});
					btn.textContent = 'Kies';
					li.appendChild(btn);
					ul.appendChild(li);
				});
			panel.appendChild(ul);
		}

		function select(n) {
			selected = n;
			svg.classList.toggle('net-svg--selection', !!n);
			nodes.forEach(function (m) {
				var isSel = m === n;
				var isNbr = !!n && n.nbrs.some(function (x) { return x.node === m; });
				m.el.classList.toggle('net-node--selected', isSel);
				m.el.classList.toggle('net-node--neighbour', isNbr);
				m.el.setAttribute('aria-pressed', isSel ? 'true' : 'false');
			});
			links.forEach(function (l) {
				l.el.classList.toggle('net-edge--hl', !!n && (l.source === n || l.target === n));
			});
			renderPanel(n);
			status.textContent = n ? n.naam + ' gekozen: ' + n.nbrs.length +
				(n.nbrs.length === 1 ? ' buur.' : ' buren.') + ' Pijltjestoetsen gaan langs de buren.'
				: 'Keuze opgeheven.';
		}

		function step(list, from, delta) {
			if (!list.length) return null;
			var i = list.indexOf(from);
			if (i < 0) return delta > 0 ? list[0] : list[list.length - 1];
			return list[(i + delta + list.length) % list.length];
		}

		function nodeOf(target) {
			var g = target && target.closest ? target.closest('.net-node') : null;
			return g ? byId[g.getAttribute('data-id')] : null;
		}

		svg.addEventListener('click', function (ev) {
			var n = nodeOf(ev.target);
			if (!n) return;
			focusNode(n);
			select(n === selected ? null : n);
		});

		svg.addEventListener('keydown', function (ev) {
			var n = nodeOf(ev.target);
			if (!n) return;
			var next = null;
			var nbrList = selected ? selected.nbrs.map(function (x) { return x.node; })
				.sort(function (x, y) { return x.naam.localeCompare(y.naam, 'nl'); }) : null;
			switch (ev.key) {
			case 'Enter':
			case ' ':
				select(n === selected ? null : n);
				break;
			case 'Escape':
				if (selected) { var back = selected; select(null); focusNode(back); }
				break;
			case 'ArrowRight':
			case 'ArrowDown':
				next = nbrList ? step(nbrList, n, 1) : step(byName, n, 1);
				break;
			case 'ArrowLeft':
			case 'ArrowUp':
				next = nbrList ? step(nbrList, n, -1) : step(byName, n, -1);
				break;
			case 'PageDown':
				next = step(byName, n, 1);
				break;
			case 'PageUp':
				next = step(byName, n, -1);
				break;
			case 'Home':
				next = byName[0];
				break;
			case 'End':
				next = byName[byName.length - 1];
				break;
			default:
				return;
			}
			ev.preventDefault();
			if (next) focusNode(next);
		});

		panel.addEventListener('click', function (ev) {
			var btn = ev.target.closest ? ev.target.closest('.net-panel__pick') : null;
			if (!btn) return;
			var n = byId[btn.getAttribute('data-id')];
			if (!n) return;
			select(n);
			focusNode(n);
		});

		/* the "go to" select */
		var pick = document.getElementById('netwerk-kies');
		var groups = [['organisatie', 'Organisaties'], ['samenwerkingsverband', 'Samenwerkingsverbanden'],
			['persoon', 'Personen']];
		groups.forEach(function (gdef) {
			if (gdef[0] === 'persoon' && !nPers) return;
			var og = el('optgroup', { label: gdef[1] });
			byName.forEach(function (n) {
				if (n.soort !== gdef[0]) return;
				var o = el('option', { value: n.id });
				o.textContent = n.naam;
				og.appendChild(o);
			});
			pick.appendChild(og);
		});
		document.getElementById('netwerk-kies-knop').addEventListener('click', function () {
			var n = byId[pick.value];
			if (!n) return;
			select(n);
			focusNode(n);
		});

		section.hidden = false;
	}

	fetch(section.getAttribute('data-api'), { headers: { Accept: 'application/json' } })
		.then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)); })
		.then(build)
		.catch(function () { /* the tables below remain the way to the data */ });
})();
