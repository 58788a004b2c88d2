#!/usr/bin/env python3
"""roo_gen — write a national-scale SYNTHETIC ROO export for the benchmark.

Shape (schema oo-export 2.6.x, see shared/data/registry/overheid-roo-schema):
342 gemeenten, 12 provincies, 21 waterschappen, one regionaal
samenwerkingsorgaan per regeling, 3,000 regelingen (OL/GO/BVO/CC/RZM) with
5-12 deelnemende organisaties each, and 20,000 seats (medewerkers under
functies of the regelingen) plus a burgemeester per gemeente. Every name is
clearly synthetic ("Synthetische gemeente 0001"); codes use the unused
ranges gm8xxx, pv8x, ws8xxx. Deterministic (fixed random seed).

Usage: bench/roo_gen.py OUT.xml
"""
import random
import sys

NS = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"
T = "https://identifier.overheid.nl/tooi/id/"
N_GM, N_PV, N_WS, N_GR, N_SEATS = 342, 12, 21, 3000, 20000
FORMS = [("OL", "Openbaar lichaam"), ("GO", "Gemeenschappelijk orgaan"),
         ("BVO", "Bedrijfsvoeringsorganisatie"), ("CC", "Centrumconstructie"),
         ("RZM", "'Regeling zonder meer'")]
POWERS = ["Attributie", "Delegatie", "Mandaat", "Zonder mandaat"]
TERMS = ["Afval", "Bestuur", "Economie", "Gezondheid", "Jeugd", "Milieu", "Verkeer",
         "Veiligheid", "Water", "Werk en inkomen", "Synthetisch onbekend terrein"]
FUNCS = ["Voorzitter", "Lid dagelijks bestuur", "Lid algemeen bestuur"]
FILLER = ("Synthetische tekst voor de benchmark; geen echte bevoegdheid. " * 40).strip()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rnd = random.Random(20260101)
    w = open(sys.argv[1], "w", encoding="utf-8", buffering=1 << 20)
    w.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    w.write(f'<p:overheidsorganisaties xmlns:p="{NS}" p:timestamp="2026-11-01T06:00:00">\n')
    w.write("<p:organisaties>\n")
    parts = []  # (sid, tooi, name)
    sid = 1_000_000
    person = 5_000_000
    for i in range(1, N_GM + 1):
        sid += 1
        code = f"gm{8000 + i}"
        name = f"Synthetische gemeente {i:04d}"
        parts.append((sid, T + "gemeente/" + code, name))
        person += 1
        w.write(f'<p:organisatie p:systeemId="{sid}" p:resourceIdentifierTOOI="{T}gemeente/{code}">'
                f"<p:naam>{name}</p:naam><p:types><p:type>Gemeente</p:type></p:types>"
                f"<p:startDatum>2001-01-01</p:startDatum>"
                f'<p:functies><p:functie p:systeemId="{sid}1"><p:naam>Burgemeester</p:naam>'
                f'<p:medewerkers><p:medewerker p:systeemId="{person}"><p:naam>Synthetisch persoon {person}</p:naam>'
                f"<p:startDatum>2020-01-01</p:startDatum></p:medewerker></p:medewerkers></p:functie></p:functies>"
                "</p:organisatie>\n")
    for i in range(1, N_PV + 1):
        sid += 1
        code = f"pv{80 + i}"
        parts.append((sid, T + "provincie/" + code, f"Synthetische provincie {i:02d}"))
        w.write(f'<p:organisatie p:systeemId="{sid}" p:resourceIdentifierTOOI="{T}provincie/{code}">'
                f"<p:naam>Synthetische provincie {i:02d}</p:naam><p:types><p:type>Provincie</p:type></p:types>"
                "</p:organisatie>\n")
    for i in range(1, N_WS + 1):
        sid += 1
        code = f"ws{8000 + i}"
        parts.append((sid, T + "waterschap/" + code, f"Synthetisch waterschap {i:02d}"))
        w.write(f'<p:organisatie p:systeemId="{sid}" p:resourceIdentifierTOOI="{T}waterschap/{code}">'
                f"<p:naam>Synthetisch waterschap {i:02d}</p:naam><p:types><p:type>Waterschap</p:type></p:types>"
                "</p:organisatie>\n")
    rso0 = sid
    for g in range(1, N_GR + 1):
        sid += 1
        w.write(f'<p:organisatie p:systeemId="{sid}"><p:naam>Synthetisch samenwerkingsorgaan {g:04d}</p:naam>'
                "<p:types><p:type>Regionaal samenwerkingsorgaan</p:type></p:types></p:organisatie>\n")
    w.write("</p:organisaties>\n<p:gemeenschappelijkeRegelingen>\n")
    seats_left = N_SEATS
    for g in range(1, N_GR + 1):
        gsid = 2_000_000 + g
        afk, vorm = FORMS[g % len(FORMS)]
        n_seats = seats_left // (N_GR - g + 1)
        seats_left -= n_seats
        rso = rso0 + g
        title = f"Synthetische regeling {g:04d}"
        w.write(f'<p:regeling p:systeemId="{gsid}" p:resourceIdentifierTOOI="{T}gr/gr8{g:04d}">'
                f"<p:titel>{title}</p:titel><p:types><p:type>Gemeenschappelijke regeling</p:type></p:types>"
                f'<p:samenwerkingsvorm p:afkorting="{afk}">{vorm}</p:samenwerkingsvorm>'
                f"<p:bevoegdheidsverkrijgingen><p:bevoegdheidsverkrijging>{rnd.choice(POWERS)}"
                "</p:bevoegdheidsverkrijging></p:bevoegdheidsverkrijgingen>"
                f'<p:regionaalSamenwerkingsorgaan p:systeemId="{rso}">Synthetisch samenwerkingsorgaan {g:04d}'
                f'</p:regionaalSamenwerkingsorgaan><p:bronhouder p:systeemId="{rso}">Synthetisch '
                f"samenwerkingsorgaan {g:04d}</p:bronhouder>"
                "<p:taalcode>nl-NL</p:taalcode><p:registratiehouder>Ministerie van Binnenlandse Zaken en "
                "Koninkrijksrelaties</p:registratiehouder>"
                f"<p:bevoegdheden><p:bevoegdheid><p:kopArtikel>Artikel 1</p:kopArtikel><p:inhoudArtikel>{FILLER}"
                "</p:inhoudArtikel></p:bevoegdheid></p:bevoegdheden>"
                f"<p:doel>Synthetisch doel van regeling {g:04d}.</p:doel>"
                f"<p:datumInwerkingtreding>{2000 + g % 25}-01-01</p:datumInwerkingtreding>"
                "<p:beleidsterreinen>")
        for t in rnd.sample(TERMS, 2):
            w.write(f"<p:beleidsterrein><p:naam>{t}</p:naam></p:beleidsterrein>")
        w.write("</p:beleidsterreinen><p:functies>")
        for k in range(n_seats):
            person += 1
            w.write(f'<p:functie p:systeemId="{gsid}{k:02d}"><p:naam>{FUNCS[min(k, 2)]}</p:naam>'
                    f'<p:medewerkers><p:medewerker p:systeemId="{person}"><p:naam>Synthetisch persoon {person}'
                    f"</p:naam><p:partijLidmaatschap>Synthetische partij {person % 7}</p:partijLidmaatschap>"
                    "<p:startDatum>2023-01-01</p:startDatum></p:medewerker></p:medewerkers></p:functie>")
        w.write("</p:functies><p:deelnemendeOrganisaties>")
        members = rnd.sample(parts, rnd.randint(5, 12))
        share = 100 // len(members)
        for psid, ptooi, pname in members:
            w.write(f'<p:deelnemendeOrganisatie p:systeemId="{psid}" p:resourceIdentifierTOOI="{ptooi}">'
                    f"<p:naam>{pname}</p:naam><p:toetredingsDatum>2015-01-01</p:toetredingsDatum>"
                    f"<p:verdeelsleutel>0,{share:02d}</p:verdeelsleutel><p:bestuursorganen><p:bestuursorgaan>"
                    "<p:naam>College</p:naam></p:bestuursorgaan></p:bestuursorganen></p:deelnemendeOrganisatie>")
        w.write("</p:deelnemendeOrganisaties></p:regeling>\n")
    w.write("</p:gemeenschappelijkeRegelingen>\n</p:overheidsorganisaties>\n")
    w.close()


if __name__ == "__main__":
    main()
