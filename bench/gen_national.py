#!/usr/bin/env python3
"""gen_national — a deterministic, SYNTHETIC national-scale registry for `make bench`.

Writes, from a fixed random seed (identical output on every run):

  OUTDIR/seed/{sources,domains,organisations,collaborations,participations}.csv
      in the seed CSV format of data/seed/README.md, loaded with
      `atlas import seed --seed-dir OUTDIR/seed`;
  OUTDIR/people.xml
      a ROO export (schema oo-export 2.6.x, the shape of bench/roo_gen.py)
      with the same gemeenten, provincies, waterschappen and the
      gemeenschappelijke regelingen among the collaborations (same titles and
      participants), each with a regionaal samenwerkingsorgaan, and 20,000
      people with one seat each in those bodies; loaded with
      `atlas import roo OUTDIR/people.xml`.

Load order: migrate, import roo, import seed. The ROO import creates the
regelingen (keys are slugs of the titles, "testregeling-0001") with their
bodies and seats; the seed import then fills in what the ROO has no field
for (kind, domains, phase, the private-law and network collaborations, ended
participations, cost shares). Collaborations cannot be matched the other way
round: a seed collaboration has no ROO systeemId/TOOI.

Shape: 12 provinces, 342 gemeenten (all flagged in_province so that the map
and the overlap analysis work on the whole country: the worst case), 21
water boards, 3,000 collaborations with 2-30 participants (mostly from one
province, skewed towards small groups), about 5 % ended participations,
about 3 % ended collaborations, 20,000 people with seats. Every name is
clearly synthetic ("Testgemeente 001", "Testregeling 0001", "Testpersoon
00001"); codes use the unused ranges gm8xxx, pv8x, ws8xxx; the only source
is "synthetisch", marked as synthetic.

Usage: bench/gen_national.py OUTDIR
"""
import csv
import os
import random
import sys

N_PV, N_GM, N_WS, N_COLLABS, N_SEATS = 12, 342, 21, 3000, 20000
SEED = 20260701
SRC = "synthetisch"
DATE = "2026-01-01"
NS = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"
T = "https://identifier.overheid.nl/tooi/id/"
DOMAINS = [
    ("afval", "Afval"), ("bedrijfsvoering", "Bedrijfsvoering"), ("bestuur", "Bestuur"),
    ("cultuur-en-erfgoed", "Cultuur en erfgoed"), ("economie", "Economie"),
    ("energie-en-klimaat", "Energie en klimaat"),
    ("financien-en-belastingen", "Financiën en belastingen"), ("gezondheid", "Gezondheid"),
    ("milieu-en-omgeving", "Milieu en omgeving"), ("mobiliteit", "Mobiliteit"),
    ("recreatie-en-natuur", "Recreatie en natuur"), ("ruimte-en-wonen", "Ruimte en wonen"),
    ("sociaal-domein", "Sociaal domein"), ("veiligheid", "Veiligheid"), ("water", "Water"),
    ("werk-en-inkomen", "Werk en inkomen"),
]
GR_FORMS = [("OL", "Openbaar lichaam"), ("GO", "Gemeenschappelijk orgaan"),
            ("BVO", "Bedrijfsvoeringsorganisatie"), ("CC", "Centrumconstructie"),
            ("RZM", "'Regeling zonder meer'")]
PRIVATE_FORMS = ["stichting", "vereniging", "bv", "cooperatie"]
NETWORK_FORMS = ["convenant", "netwerk"]
PHASES = ["", "initiatief", "groei", "stabilisatie", "stabilisatie", "transformatie"]
BODIES = ["", "raad", "college", "college", "burgemeester", "algemeen_bestuur"]
SEAT_FUNCS = ["Voorzitter", "Lid dagelijks bestuur", "Lid algemeen bestuur"]


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    seed_dir = os.path.join(out, "seed")
    os.makedirs(seed_dir, exist_ok=True)
    rnd = random.Random(SEED)

    # --- organisations: (code, kind, name, tooi path, province index) ---
    provinces = [(f"pv{80 + i}", f"Testprovincie {i:02d}") for i in range(1, N_PV + 1)]
    gemeenten = [(f"gm{8000 + i}", f"Testgemeente {i:03d}", (i - 1) * N_PV // N_GM)
                 for i in range(1, N_GM + 1)]
    waterboards = [(f"ws{8000 + i}", f"Testwaterschap {i:02d}", (i - 1) * N_PV // N_WS)
                   for i in range(1, N_WS + 1)]
    org_rows = []
    for code, name in provinces:
        org_rows.append([code, "province", name, code.upper(), code, 1, "", "", "", "", "", "",
                         "", SRC, DATE, "Synthetisch (benchmark).", 0])
    for code, name, _ in gemeenten:
        pop = rnd.randint(5_000, 300_000)
        org_rows.append([code, "municipality", name, code.upper(), code, 1, "", "", "", pop, DATE,
                         f"{rnd.uniform(20, 400):.2f}", "", SRC, DATE,
                         "Synthetisch (benchmark).", 0])
    for code, name, _ in waterboards:
        org_rows.append([code, "water_board", name, "", "", 0, "", "", "", "", "", "", "", SRC,
                         DATE, "Synthetisch (benchmark).", 0])
    org_rows.sort(key=lambda r: r[0])
    write_csv(os.path.join(seed_dir, "organisations.csv"),
              ["code", "kind", "name", "cbs_code", "tooi", "in_province", "valid_from",
               "valid_to", "successor_code", "population", "population_date", "area_km2",
               "collaboration_key", "source_id", "last_confirmed", "note", "ended"], org_rows)

    write_csv(os.path.join(seed_dir, "sources.csv"),
              ["id", "title", "publisher", "url", "licence", "attribution", "reference_date",
               "retrieved", "note"],
              [[SRC, "Synthetisch landelijk register (benchmark)", "Samenwerkingsatlas (benchmark)",
                "", "", "Synthetische gegevens, geen echte organisaties", DATE, DATE,
                "SYNTHETISCH: gegenereerd door bench/gen_national.py voor de benchmark. "
                "Geen echte organisaties, regelingen of personen."]])
    write_csv(os.path.join(seed_dir, "domains.csv"), ["key", "name", "description"],
              [[k, n, f"{n} (synthetische benchmarkomschrijving)."] for k, n in DOMAINS])

    # --- collaborations and participations ---
    by_prov = [[g for g in gemeenten if g[2] == p] for p in range(N_PV)]
    ws_by_prov = [[w for w in waterboards if w[2] == p] for p in range(N_PV)]
    collabs = []  # dicts
    parts = []    # rows
    for c in range(1, N_COLLABS + 1):
        key = f"testregeling-{c:04d}"
        name = f"Testregeling {c:04d}"
        r = rnd.random()
        if r < 0.6:
            kind, form = "joint_arrangement", GR_FORMS[c % len(GR_FORMS)][0]
        elif r < 0.85:
            kind, form = "private_law", rnd.choice(PRIVATE_FORMS)
        else:
            kind, form = "network", rnd.choice(NETWORK_FORMS)
        if c == 1:  # the detail page of the benchmark: a large GR
            kind, form = "joint_arrangement", "OL"
        ended = c != 1 and rnd.random() < 0.03
        # 2..30 participants, skewed towards small groups; testregeling-0001 has 30
        n = 30 if c == 1 else 2 + int(28 * rnd.random() ** 2.2)
        prov = rnd.randrange(N_PV) if c != 1 else 0
        pool = list(by_prov[prov])
        members = []
        if n > len(pool) or rnd.random() < 0.1:  # cross-province: a national network
            pool = list(gemeenten)
        members = [g[0] for g in rnd.sample(pool, min(n, len(pool)))]
        if len(members) < n:
            extra = [g[0] for g in gemeenten if g[0] not in members]
            members += rnd.sample(extra, n - len(members))
        if n > 3 and rnd.random() < 0.3:
            members[-1] = provinces[prov][0]
        if n > 4 and rnd.random() < 0.25 and ws_by_prov[prov]:
            members[-2] = rnd.choice(ws_by_prov[prov])[0]
        members = list(dict.fromkeys(members))
        doms = sorted(k for k, _ in rnd.sample(DOMAINS, rnd.randint(1, 3)))
        start = f"{rnd.randint(1990, 2024)}-{rnd.randint(1, 12):02d}-01"
        col = {
            "key": key, "name": name, "kind": kind, "form": form, "members": members,
            "start": start, "end": f"{rnd.randint(2025, 2025)}-06-30" if ended else "",
            "phase": "beeindigd" if ended else rnd.choice(PHASES), "domains": ";".join(doms),
            "seat": f"Testplaats {rnd.randint(1, 500):03d}",
            "purpose": f"Synthetisch doel van testregeling {c:04d} (benchmark).",
            "left": set(),
        }
        for i, m in enumerate(members):
            role = "deelnemer"
            if i == 0 and kind == "joint_arrangement" and form == "CC":
                role = "centrumgemeente"
            elif i == 0 and rnd.random() < 0.5:
                role = "penvoerder"
            elif rnd.random() < 0.02:
                role = "toehoorder"
            left = ""
            if c != 1 and len(members) > 2 and i > 0 and rnd.random() < 0.05:
                left = f"{rnd.randint(2016, 2024)}-01-01"
                col["left"].add(m)
            share = f"{1 / len(members):.4f}" if rnd.random() < 0.3 else ""
            contrib = str(rnd.randint(1, 500) * 1000) if share else ""
            parts.append([key, m, rnd.choice(BODIES), role, share, contrib, "2015-01-01", left,
                          SRC, DATE, ""])
        collabs.append(col)
    write_csv(os.path.join(seed_dir, "collaborations.csv"),
              ["key", "name", "short_name", "kind", "legal_form", "powers", "domains", "phase",
               "purpose", "seat", "start_date", "end_date", "website", "source_id",
               "last_confirmed", "note"],
              [[c["key"], c["name"], "", c["kind"], c["form"], "", c["domains"], c["phase"],
                c["purpose"], c["seat"], c["start"], c["end"], "", SRC, DATE,
                "Synthetisch (benchmark)."] for c in collabs])
    parts.sort(key=lambda r: (r[0], r[1]))
    write_csv(os.path.join(seed_dir, "participations.csv"),
              ["collaboration_key", "organisation_code", "body", "role", "cost_share",
               "contribution_eur", "joined", "left", "source_id", "last_confirmed", "note"],
              parts)

    # --- ROO export with the regelingen, their bodies and 20,000 seats ---
    grs = [c for c in collabs if c["kind"] == "joint_arrangement"]
    sids = {}
    sid = 1_000_000
    with open(os.path.join(out, "people.xml"), "w", encoding="utf-8", buffering=1 << 20) as w:
        w.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        w.write(f'<p:overheidsorganisaties xmlns:p="{NS}" p:timestamp="2026-01-01T06:00:00">\n')
        w.write("<p:organisaties>\n")
        for path, typ, lst in (("gemeente", "Gemeente", [(g[0], g[1]) for g in gemeenten]),
                               ("provincie", "Provincie", provinces),
                               ("waterschap", "Waterschap", [(x[0], x[1]) for x in waterboards])):
            for code, name in lst:
                sid += 1
                sids[code] = (sid, f"{T}{path}/{code}", name)
                w.write(f'<p:organisatie p:systeemId="{sid}" p:resourceIdentifierTOOI="{T}{path}/{code}">'
                        f"<p:naam>{name}</p:naam><p:types><p:type>{typ}</p:type></p:types>"
                        "</p:organisatie>\n")
        body0 = sid
        for g, c in enumerate(grs, 1):
            w.write(f'<p:organisatie p:systeemId="{body0 + g}"><p:naam>Testorgaan van {c["name"]}'
                    "</p:naam><p:types><p:type>Regionaal samenwerkingsorgaan</p:type></p:types>"
                    "</p:organisatie>\n")
        w.write("</p:organisaties>\n<p:gemeenschappelijkeRegelingen>\n")
        seats_left = N_SEATS
        person = 5_000_000
        form_names = dict(GR_FORMS)
        for g, c in enumerate(grs, 1):
            body = body0 + g
            # seats proportional-ish to the size, every regeling at least one
            n_seats = seats_left // (len(grs) - g + 1)
            if g == 1:
                n_seats = max(n_seats, 40)
            seats_left -= n_seats
            w.write(f'<p:regeling p:systeemId="{2_000_000 + g}" '
                    f'p:resourceIdentifierTOOI="{T}gr/gr8{g:04d}"><p:titel>{xml_escape(c["name"])}</p:titel>'
                    "<p:types><p:type>Gemeenschappelijke regeling</p:type></p:types>"
                    f'<p:samenwerkingsvorm p:afkorting="{c["form"]}">{xml_escape(form_names[c["form"]])}'
                    "</p:samenwerkingsvorm>"
                    f'<p:regionaalSamenwerkingsorgaan p:systeemId="{body}">Testorgaan van {c["name"]}'
                    "</p:regionaalSamenwerkingsorgaan><p:taalcode>nl-NL</p:taalcode>"
                    f"<p:doel>{xml_escape(c['purpose'])}</p:doel>"
                    f"<p:datumInwerkingtreding>{c['start']}</p:datumInwerkingtreding>"
                    "<p:functies>")
            for k in range(n_seats):
                person += 1
                w.write(f'<p:functie p:systeemId="{2_000_000 + g}{k:03d}"><p:naam>{SEAT_FUNCS[min(k, 2)]}'
                        f'</p:naam><p:medewerkers><p:medewerker p:systeemId="{person}">'
                        f"<p:naam>Testpersoon {person - 5_000_000:05d}</p:naam>"
                        f"<p:partijLidmaatschap>Testpartij {person % 7}</p:partijLidmaatschap>"
                        "<p:startDatum>2023-01-01</p:startDatum></p:medewerker></p:medewerkers>"
                        "</p:functie>")
            w.write("</p:functies><p:deelnemendeOrganisaties>")
            for m in c["members"]:
                if m in c["left"]:
                    continue
                psid, ptooi, pname = sids[m]
                w.write(f'<p:deelnemendeOrganisatie p:systeemId="{psid}" p:resourceIdentifierTOOI="{ptooi}">'
                        f"<p:naam>{pname}</p:naam><p:toetredingsDatum>2015-01-01</p:toetredingsDatum>"
                        "</p:deelnemendeOrganisatie>")
            w.write("</p:deelnemendeOrganisaties></p:regeling>\n")
        w.write("</p:gemeenschappelijkeRegelingen>\n</p:overheidsorganisaties>\n")
    print(f"gen_national: {len(org_rows)} organisaties, {len(collabs)} samenwerkingsverbanden "
          f"({len(grs)} GR in de ROO-export), {len(parts)} deelnames, {N_SEATS} zetels → {out}")


if __name__ == "__main__":
    main()
