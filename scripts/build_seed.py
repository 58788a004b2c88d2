#!/usr/bin/env python3
"""Build the bundled real seed dataset of the Samenwerkingsatlas.

What it does
------------
Reads the public source files collected under ``shared/data`` (by default
``<repo root>/../shared/data``; override with ``--shared DIR``, where DIR may be
either the ``shared`` directory or its ``data`` subdirectory) and writes:

* ``data/seed/sources.csv``        - every source a record refers to
* ``data/seed/domains.csv``        - the policy domains (editorial list)
* ``data/seed/organisations.csv``  - province, gemeenten, water boards, GR bodies, ...
* ``data/seed/collaborations.csv`` - GRs, networks, regions
* ``data/seed/participations.csv`` - organisation x collaboration
* ``data/geo/*.geojson``           - byte copies of three boundary files

Inputs used (all in shared/data):

* ``municipalities/gemeenten_2023.csv``            CBS division 2023 + population 2024 + area
* ``municipalities/gemeenten-alfabetisch-2023.csv`` CBS list 2023 (codes of non-Utrecht gemeenten)
* ``municipalities/gemeenten-alfabetisch-2021.csv`` CBS list 2021 (gemeenten that ended 2021-2023)
* ``registry/openstate-datasets/opengr_provincies.csv`` Open State OpenGR (2015 Wob/Who data)
* ``registry/openstate-datasets/regioatlas-2016/Bestuurlijk/provincies.csv`` (CBS code of Vianen)
* ``geo/utrecht_gemeenten_2023.geojson``, ``utrecht_gemeenten_2025.geojson``,
  ``utrecht_provincie_2023.geojson``
Facts taken from web pages (VRU, U10, Regio Amersfoort, Foodvalley, ...) come from
``shared/docs/facts/registry-roo-wgr.md`` (and the stored copies of those pages); they
are typed in below as constants, each with its source id.

Honesty rules applied: nothing is invented. Unknown values stay empty. Every
organisation, collaboration and participation carries a ``source_id`` (a row of
sources.csv) and a ``last_confirmed`` date (the reference date of that source).

Judgement calls (also reported in data/SOURCES.md and data/seed/README.md):

* Names from OpenGR are trimmed and mojibake is repaired (latin-1 -> utf-8 round trip).
* Merges: ``Waterschap Rivierenland `` / ``Hoogheemraadschap Amstel, Gooi en Vecht ``
  (trailing spaces) are the same organisations as the water boards covering the
  province; trimming merges them.  ``Recreatieschap Plassenschap Loosdrecht en
  omgeving`` only occurs in the Noord-Holland rows of OpenGR (not imported), so no merge
  with ``Plassenschap Loosdrecht en omgeving`` was needed.  Participants whose trimmed
  name equals the name of one of the 32 Utrecht GRs are that GR (kind
  joint_arrangement_body, collaboration_key set).
* Veiligheidsregio Utrecht appears in OpenGR and in current sources: one collaboration;
  its 26 current participants come from vru.nl, plus Vianen (2015) with left=2019-01-01.
  The other 25 OpenGR VRU rows are not imported (they are superseded by vru.nl).
* Vianen rows in other GRs also get left=2019-01-01 (Vianen ceased to exist on that day:
  jblorenz source), except in Bestuur Regio Utrecht, which itself ended on 2015-01-01.
* Ended gemeenten without a sourced date (Doorn, Maarn, Driebergen-Rijsenburg: not in
  the CBS 2021 list; Weesp: in 2021, not in 2023) get ended=1, empty valid_to and the note
  "beëindigd; datum en opvolger niet in de bronnen".
* "Coöperatie ParkeerService" was reported by the province as a GR, but its name
  says it is a coöperatie: kind private_law, legal_form cooperatie (note explains).
* "(opgeheven)" / "(voorheen ...)" are dropped from collaboration keys (not from names,
  except "(opgeheven)", which becomes phase=beeindigd).
* Bestuur Regio Utrecht: end_date 2015-01-01. beterzeist.com only says "per januari
  2015"; the exact day comes from a Nieuwegein council letter of 26 Feb 2015 ("per 1
  januari j.l. is vervallen"), which is therefore the collaboration's source_id.
* Vianen's CBS code (0620) comes from the RegioAtlas 2016 scrape (CBS lists 2021/2023 no
  longer contain it); TOOI codes are only filled for gemeenten in the CBS 2023 list.
* Regio Amersfoort: body=college for the 7 gemeenten (the source says the colleges
  concluded the bestuursconvenant); Barneveld and Nijkerk are role=toehoorder.
* Domains are an editorial classification (source atlas-indeling), see OPENGR_GR below.

Run from the repository root:  python3 scripts/build_seed.py [--shared DIR]
Python 3 standard library only.  Output is deterministic (rows sorted by key).
"""

import argparse
import csv
import io
import os
import re
import shutil
import sys
import unicodedata

RETRIEVED = "2026-11-28"  # date the shared/ copies were collected
OPENGR_DATE = "2015-10-07"

# --------------------------------------------------------------------------- helpers


def fail(msg):
    sys.stderr.write("build_seed: ASSERTION FAILED: %s\n" % msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def fix_mojibake(s):
    """Repair UTF-8 text that was decoded as latin-1 (e.g. 'FryslÃ¢n' -> 'Fryslân')."""
    try:
        t = s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s
    return t


def clean(s):
    return re.sub(r"\s+", " ", fix_mojibake(s)).strip()


def slugify(s, maxlen=80):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    if len(s) > maxlen:
        s = s[:maxlen].rsplit("-", 1)[0]
    return s


def read_csv(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        check(set(r.keys()) <= set(header), "%s: unknown columns %s" % (path, set(r) - set(header)))
        w.writerow([r.get(h, "") if r.get(h) is not None else "" for h in header])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


# --------------------------------------------------------------------------- constants

# The 26 gemeenten of province Utrecht, facts doc §4.1 (must match CBS 2023 exactly).
UTRECHT_CODES = sorted("""
GM0307 GM0308 GM0310 GM0312 GM0313 GM0317 GM0321 GM0327 GM0331 GM0335 GM0356 GM0351
GM0589 GM0339 GM0340 GM0736 GM0342 GM1904 GM0344 GM1581 GM0345 GM1961 GM0352 GM0632
GM0355 GM0353
""".split())

SOURCES = [
    # id, title, publisher, url, licence, attribution, reference_date, retrieved, note
    dict(id="atlas-indeling",
         title="Beleidsdomein-indeling van de Samenwerkingsatlas",
         publisher="Samenwerkingsatlas (eigen redactie)", url="", licence="",
         attribution="", reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Eigen redactionele indeling van samenwerkingsverbanden in beleidsdomeinen, "
              "op basis van naam en doel. Geen officiële bron."),
    dict(id="beterzeist-u10-u16", title="Regio's U10 en U16",
         publisher="Stichting Beter Zeist", url="https://beterzeist.com/regio-u10-u16/",
         licence="Onbekend; alleen feiten overgenomen",
         attribution="Stichting Beter Zeist (beterzeist.com)",
         reference_date="2023-02-08", retrieved=RETRIEVED,
         note="Pagina 'bijgewerkt 08-02-2023'. Secundaire bron (burgerstichting). Noemt 12 "
              "U10-gemeenten (schrijfwijze bron: 'Vijfherenlanden'), de U16 en de vier "
              "waterschappen, en de opheffing van Bestuur Regio Utrecht 'per januari 2015'."),
    dict(id="bureauregioamersfoort-bestuurlijke-samenwerking",
         title="Bestuurlijke samenwerking", publisher="Bureau Regio Amersfoort",
         url="https://www.bureauregioamersfoort.nl/organisatie/bestuurlijke-samenwerking",
         licence="Onbekend; alleen feiten overgenomen", attribution="Bureau Regio Amersfoort",
         reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Publicatiedatum onbekend; referentiedatum is de ophaaldatum."),
    dict(id="cbs-gemeenten-2021",
         title="Gemeentelijke indeling op 1 januari 2021 (gemeenten alfabetisch)",
         publisher="Centraal Bureau voor de Statistiek (CBS)",
         url="https://github.com/edugis-repo/cbsbuurtwijkgemeente",
         licence="CC BY 4.0", attribution="Bron: CBS",
         reference_date="2021-01-01", retrieved=RETRIEVED,
         note="Ongewijzigde kopie uit GitHub edugis-repo/cbsbuurtwijkgemeente, bestand "
              "gemeenten-alfabetisch-2021.csv (commit 9a3127283d22f92f635f6decc90e1353017ff900)."),
    dict(id="cbs-gemeenten-2023",
         title="Gemeentelijke indeling op 1 januari 2023 (gemeenten alfabetisch)",
         publisher="Centraal Bureau voor de Statistiek (CBS)",
         url="https://github.com/edugis-repo/cbsbuurtwijkgemeente",
         licence="CC BY 4.0", attribution="Bron: CBS",
         reference_date="2023-01-01", retrieved=RETRIEVED,
         note="Ongewijzigde kopie uit GitHub edugis-repo/cbsbuurtwijkgemeente, bestand "
              "gemeenten-alfabetisch-2023.csv (commit 9a3127283d22f92f635f6decc90e1353017ff900). "
              "Bron van namen en codes van gemeenten en provincies."),
    dict(id="cbs-kerncijfers-2024",
         title="Kerncijfers wijken en buurten 2024 (85984NED): inwoners op 1 januari 2024 en oppervlakte",
         publisher="Centraal Bureau voor de Statistiek (CBS)",
         url="https://github.com/edugis-org/cartogram",
         licence="CC BY 4.0", attribution="Bron: CBS",
         reference_date="2024-01-01", retrieved=RETRIEVED,
         note="Inwoners: AantalInwoners_5 uit CBS-tabel 85984NED via edugis-org/cartogram "
              "(commit 8b0c6154686fc9035b8d2adea8b3d0d847bfc65f). Oppervlakte: gdf.csv in "
              "Lars-Janssen/Lars-Janssen.github.io (commit 935c4436aed77738b9b47aaa936d2615c3956ccc); "
              "van CBS afgeleid, maar met zwakkere herkomst."),
    dict(id="cbs-pdok-gebiedsindelingen",
         title="CBS Gebiedsindelingen, gegeneraliseerd: gemeenten 2023 en 2025, provincies 2023",
         publisher="Centraal Bureau voor de Statistiek (CBS), Kadaster / PDOK; vereenvoudigd door cartomap/nl",
         url="https://cartomap.github.io/nl/",
         licence="CC BY 4.0", attribution="Bron: CBS, Kadaster / PDOK; vereenvoudiging cartomap/nl",
         reference_date="2023-01-01", retrieved=RETRIEVED,
         note="Gemeentegrenzen indeling 2023 en 2025 (zelfde 26 gemeenten) en provinciegrens 2023, "
              "sterk vereenvoudigd. Kopieën via Lars-Janssen/Lars-Janssen.github.io en "
              "edugis-org/cartogram; zie data/SOURCES.md."),
    dict(id="dewoudenberger-foodvalley", title="Regio FoodValley wil meer geld van gemeenten",
         publisher="De Woudenberger",
         url="https://dewoudenberger.nl/lokaal/regio-foodvalley-wil-meer-geld-van-gemeenten-117616",
         licence="Onbekend; alleen feiten overgenomen", attribution="De Woudenberger",
         reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Publicatiedatum onbekend; referentiedatum is de ophaaldatum. Noemt dagelijks bestuur, "
              "regiobestuur en ontwerpbegroting van Regio FoodValley en de acht gemeenten."),
    dict(id="jblorenz-vijfheerenlanden",
         title="Pragmatisch uitvoeringsarrangement GR Avres | herindeling gemeenten Vijfheerenlanden en West Betuwe",
         publisher="JB Lorenz",
         url="https://www.jblorenz.nl/projecten/pragmatisch-uitvoeringsarrangement-gr-avres-herindeling-gemeenten-vijfheerenlanden-en-west-betuwe/",
         licence="Onbekend; alleen feiten overgenomen", attribution="JB Lorenz",
         reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Publicatiedatum onbekend; referentiedatum is de ophaaldatum. Vermeldt: per 1 januari "
              "2019 vormen Leerdam, Zederik en Vianen de gemeente Vijfheerenlanden."),
    dict(id="nieuwegein-raadsbrief-2015",
         title="Toekomst van regionale samenwerking (brief van het college aan de gemeenteraad, 26 februari 2015)",
         publisher="Gemeente Nieuwegein",
         url="https://adoc.pub/download/postbus-aa-bezoekadres-stadsplein-lz.html",
         licence="Onbekend; alleen feiten overgenomen", attribution="Gemeente Nieuwegein",
         reference_date="2015-02-26", retrieved=RETRIEVED,
         note="Kopie op adoc.pub, niet de officiële vindplaats. Vermeldt dat de basis voor de "
              "gemeenschappelijke regeling Bestuur Regio Utrecht per 1 januari 2015 is vervallen."),
    dict(id="omroepgelderland-foodvalley",
         title="2,6 miljoen euro naar Foodvalley: wat gaat daarmee gebeuren?",
         publisher="Omroep Gelderland",
         url="https://www.omroepgelderland.nl/nieuws/2436891/2-6-miljoen-euro-naar-Foodvalley-wat-gaat-daarmee-gebeuren",
         licence="Onbekend; alleen feiten overgenomen", attribution="Omroep Gelderland",
         reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Gepubliceerd in februari 2020 (dag onbekend); referentiedatum is daarom de ophaaldatum. "
              "Noemt de acht gemeenten van Regio Foodvalley en dat de samenwerking sinds 2010 bestaat."),
    dict(id="openstate-opengr-2015",
         title="OpenGR: gemeenschappelijke regelingen per provincie (opengr_provincies.csv)",
         publisher="Open State Foundation",
         url="https://github.com/openstate/datasets",
         licence="ODC-PDDL-1.0",
         attribution="Open State Foundation (OpenGR), gegevens van de provincies na een Wob/Who-verzoek",
         reference_date=OPENGR_DATE, retrieved=RETRIEVED,
         note="Pad gemeenschappelijke_regelingen/provincies/opengr_provincies.csv (snapshot commit "
              "d103612313c2da0b9de99cb2318d911225dba55e). Gegevens zoals de provincies ze leverden na "
              "het Wob/Who-verzoek van 7 oktober 2015; onvolledig, niet bijgehouden, van vóór de "
              "herindelingen van 2019. Zie ook https://openstate.eu/en/opengr/."),
    dict(id="openstate-regioatlas-2016",
         title="RegioAtlas-indelingen, Bestuurlijk: provincies (provincies.csv)",
         publisher="Open State Foundation (scrape van regioatlas.nl, Ministerie van BZK)",
         url="https://github.com/openstate/datasets",
         licence="ODC-PDDL-1.0", attribution="Open State Foundation; RegioAtlas (BZK)",
         reference_date="2016-03-21", retrieved=RETRIEVED,
         note="Pad gemeenschappelijke_regelingen/regioatlas/Bestuurlijk/provincies.csv (commit "
              "54bf9c65a5f1b1bcdec5476019cb0123b5d5957e, 2016-03-21; datum = commitdatum van de scrape). "
              "Gebruikt voor de CBS-code van de voormalige gemeente Vianen (0620)."),
    dict(id="overheidvannu-foodvalley",
         title="Regio Foodvalley: voedingsbodem voor innovatie en samenwerking",
         publisher="Overheid van Nu",
         url="https://www.overheidvannu.nl/opgaven/regionale-economie/artikelen/2022/03/09/foodvalley",
         licence="Onbekend; alleen feiten overgenomen", attribution="Overheid van Nu",
         reference_date="2022-03-09", retrieved=RETRIEVED,
         note="Datum uit de URL. Vermeldt dat de Regio Deal Foodvalley ook is ondertekend door de "
              "provincies Utrecht en Gelderland en waterschap Vallei en Veluwe."),
    dict(id="provincie-utrecht-openbare-orde-en-veiligheid",
         title="Openbare orde en veiligheid", publisher="Provincie Utrecht",
         url="https://www.provincie-utrecht.nl/openbare-orde-en-veiligheid",
         licence="Onbekend; alleen feiten overgenomen", attribution="Provincie Utrecht",
         reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Publicatiedatum onbekend; referentiedatum is de ophaaldatum. Vermeldt dat de "
              "Veiligheidsregio Utrecht op 12 januari 2006 formeel van start ging en een algemeen en "
              "een dagelijks bestuur heeft."),
    dict(id="utrecht10-over-u10", title="Over U10", publisher="U10",
         url="https://www.utrecht10.nl/over-u10/",
         licence="Onbekend; alleen feiten overgenomen", attribution="U10",
         reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Publicatiedatum onbekend; referentiedatum is de ophaaldatum. U10 noemt zich een "
              "netwerkorganisatie van 16 gemeenten (niet bij naam) en presenteert zich met Regio "
              "Amersfoort en de provincie Utrecht als Metropoolregio Utrecht."),
    dict(id="vru-onze-regio", title="Onze regio", publisher="Veiligheidsregio Utrecht (VRU)",
         url="https://vru.nl/wij-zijn-de-vru/onze-regio/",
         licence="Onbekend; alleen feiten overgenomen", attribution="Veiligheidsregio Utrecht",
         reference_date=RETRIEVED, retrieved=RETRIEVED,
         note="Publicatiedatum onbekend; referentiedatum is de ophaaldatum. Noemt de 26 gemeenten "
              "die samen de Veiligheidsregio Utrecht vormen."),
]
SRC_DATE = {s["id"]: s["reference_date"] for s in SOURCES}

DOMAINS = [
    ("afval", "Afval", "Inzameling en verwerking van afval en nazorg van stortplaatsen."),
    ("bedrijfsvoering", "Bedrijfsvoering",
     "Gezamenlijke ondersteuning en uitvoering: ICT, personeel, inkoop, ambtelijke samenwerking."),
    ("bestuur", "Bestuur", "Bestuurlijke en regionale samenwerking in brede zin en belangenbehartiging."),
    ("cultuur-en-erfgoed", "Cultuur en erfgoed", "Archieven, monumenten, erfgoed en cultuur."),
    ("economie", "Economie", "Regionale economie, vestigingsklimaat en innovatie."),
    ("energie-en-klimaat", "Energie en klimaat",
     "Energietransitie (zoals de Regionale Energiestrategie), energievoorziening en klimaat."),
    ("financien-en-belastingen", "Financiën en belastingen",
     "Heffing en inning van lokale belastingen, WOZ en financieel beheer."),
    ("gezondheid", "Gezondheid", "Publieke gezondheid."),
    ("milieu-en-omgeving", "Milieu en omgeving",
     "Vergunningverlening, toezicht en handhaving in het omgevingsrecht en milieu."),
    ("mobiliteit", "Mobiliteit", "Verkeer, vervoer, parkeren en bereikbaarheid."),
    ("recreatie-en-natuur", "Recreatie en natuur", "Recreatiegebieden, groen, natuur en landschap."),
    ("ruimte-en-wonen", "Ruimte en wonen", "Ruimtelijke ontwikkeling, wonen en welstand."),
    ("sociaal-domein", "Sociaal domein", "Jeugd, maatschappelijke ondersteuning (Wmo) en participatie."),
    ("veiligheid", "Veiligheid", "Brandweerzorg, crisisbeheersing, rampenbestrijding en openbare orde."),
    ("water", "Water", "Waterbeheer en samenwerking van waterschappen."),
    ("werk-en-inkomen", "Werk en inkomen",
     "Participatiewet, sociale werkvoorziening, bijstand en re-integratie."),
]

# The 32 OpenGR GRs (names after clean()): editorial domain(s) and short name.
# Domains are our own classification from the name (source atlas-indeling).
OPENGR_GR = {
    "Afvalverwijdering Utrecht (AVU)": ("afval", "AVU"),
    "BEL Combinatie": ("bedrijfsvoering", ""),
    "Belastingsamenwerking Gemeenten en Hoogheemraadschap Utrecht (BGHU)":
        ("financien-en-belastingen", "BGHU"),
    "Bestuur Regio Utrecht": ("bestuur", "BRU"),
    "Coöperatie ParkeerService": ("mobiliteit", ""),
    "Ferm Werk (voorheen De Sluis)": ("werk-en-inkomen;sociaal-domein", "Ferm Werk"),
    "Fonds nazorg gesloten stortplaatsen Provincie Utrecht": ("afval;milieu-en-omgeving", ""),
    "Gasdistributie Zeist en Omstreken (GZO)": ("energie-en-klimaat", "GZO"),
    "Gemeentelijke Gezondheidsdienst regio Utrecht (voorheen GGD Midden-Nederland)":
        ("gezondheid", "GGD regio Utrecht"),
    "Het Waterschapshuis": ("water", ""),
    "Instituut voor Sociale Werkvoorziening Zuid-Oost Utrecht (IW4)":
        ("werk-en-inkomen;sociaal-domein", "IW4"),
    "Omgevingsdienst Regio Utrecht (ODRU)": ("milieu-en-omgeving", "ODRU"),
    "Plassenschap Loosdrecht en omgeving": ("recreatie-en-natuur", ""),
    "Recreatie Midden-Nederland": ("recreatie-en-natuur", ""),
    "Recreatieschap Stichtse Groenlanden": ("recreatie-en-natuur", ""),
    "Recreatieschap Utrechtse Heuvelrug, Vallei- en Kromme Rijngebied": ("recreatie-en-natuur", ""),
    "Recreatieschap Vinkeveense Plassen": ("recreatie-en-natuur", ""),
    "Regionaal Historisch Centrum Rijnstreek en Lopikerwaard": ("cultuur-en-erfgoed", "RHC Rijnstreek en Lopikerwaard"),
    "Regionaal Historisch Centrum Vecht en Venen": ("cultuur-en-erfgoed", "RHC Vecht en Venen"),
    "Regionaal Historisch Centrum Zuidoost Utrecht": ("cultuur-en-erfgoed", "RHC Zuidoost Utrecht"),
    "Regionaal Sociaal Werkvoorzieningschap Amersfoort e.o. (RWA)":
        ("werk-en-inkomen;sociaal-domein", "RWA"),
    "Regionale Dienst Werk en Inkomen Kromme Rijn Heuvelrug (RDWI)":
        ("werk-en-inkomen;sociaal-domein", "RDWI"),
    "Regionale ICT-dienst Utrecht (RID)": ("bedrijfsvoering", "RID"),
    "Regionale Uitvoeringsdienst (RUD) Utrecht": ("milieu-en-omgeving", "RUD Utrecht"),
    "Reinigingsbedrijf Midden Nederland (RMN)": ("afval", "RMN"),
    "Samenwerking Werk en Inkomen Baarn, Bunschoten en Soest": ("werk-en-inkomen;sociaal-domein", ""),
    "Servicebureau | Gemeenten (opgeheven)": ("bedrijfsvoering", ""),
    "Sociaal Werkvoorzieningschap Het Westelijk gebied van Utrecht (Pauw Bedrijven)":
        ("werk-en-inkomen;sociaal-domein", "Pauw Bedrijven"),
    "Utrechtse Waarden Samenwerking": ("bedrijfsvoering", ""),
    "Veiligheidsregio Utrecht": ("veiligheid", "VRU"),
    "Welstand en Monumenten Midden-Nederland": ("ruimte-en-wonen;cultuur-en-erfgoed", ""),
    "Werk en Inkomen Lekstroom": ("werk-en-inkomen;sociaal-domein", "WIL"),
}

NOTE_OPENGR = "Deelnemers volgens de OpenGR-gegevens van 2015; huidige samenstelling niet bekend."
NOTE_ENDED_NODATE = "beëindigd; datum en opvolger niet in de bronnen"
NOTE_VIANEN = "Opgegaan in Vijfheerenlanden (herindeling 1 januari 2019)"

# Water boards covering the province (facts §4.2, source beterzeist). Names as in OpenGR.
WATER_BOARDS_PROVINCE = {
    "Hoogheemraadschap De Stichtse Rijnlanden": "ws0636",
    "Hoogheemraadschap Amstel, Gooi en Vecht": "hoogheemraadschap-amstel-gooi-en-vecht",
    "Waterschap Vallei en Veluwe": "waterschap-vallei-en-veluwe",
    "Waterschap Rivierenland": "waterschap-rivierenland",
}

# The 26 gemeenten listed on vru.nl/wij-zijn-de-vru/onze-regio/ (stored copy, 2026-11-28).
VRU_NAMED = ["Amersfoort", "Baarn", "Bunnik", "Bunschoten", "De Bilt", "De Ronde Venen", "Eemnes",
             "Houten", "IJsselstein", "Leusden", "Lopik", "Montfoort", "Nieuwegein", "Oudewater",
             "Renswoude", "Rhenen", "Soest", "Stichtse Vecht", "Utrecht", "Utrechtse Heuvelrug",
             "Veenendaal", "Vijfheerenlanden", "Wijk bij Duurstede", "Woerden", "Woudenberg", "Zeist"]

# Gemeenten named by beterzeist as U10 (2023 list); spelled 'Vijfherenlanden' there.
U10_NAMED = ["Bunnik", "De Bilt", "Houten", "IJsselstein", "Nieuwegein", "Stichtse Vecht",
             "Utrecht", "Utrechtse Heuvelrug", "Vijfheerenlanden", "Wijk bij Duurstede",
             "Woerden", "Zeist"]
U16_EXTRA = ["De Ronde Venen", "Lopik", "Montfoort", "Oudewater"]
REGIO_AMERSFOORT = ["Amersfoort", "Baarn", "Bunschoten", "Eemnes", "Leusden", "Soest", "Woudenberg"]
REGIO_AMERSFOORT_PARTLY = ["Barneveld", "Nijkerk"]
FOODVALLEY = ["Barneveld", "Ede", "Nijkerk", "Renswoude", "Rhenen", "Scherpenzeel",
              "Veenendaal", "Wageningen"]

# Ended gemeenten from the 2015 data whose end is documented in a source.
VIANEN = dict(name="Vianen", valid_to="2019-01-01", successor="gm1961",
              source="jblorenz-vijfheerenlanden")

# --------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", metavar="DIR",
                    help="shared directory (or its data/ subdirectory); default ../shared/data "
                         "relative to the repository root")
    args = ap.parse_args()

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = args.shared or os.path.join(repo, "..", "shared", "data")
    if os.path.isdir(os.path.join(shared, "data", "municipalities")):
        shared = os.path.join(shared, "data")
    shared = os.path.normpath(shared)
    check(os.path.isdir(os.path.join(shared, "municipalities")), "no municipalities/ in %s" % shared)

    seed_dir = os.path.join(repo, "data", "seed")
    geo_dir = os.path.join(repo, "data", "geo")
    os.makedirs(seed_dir, exist_ok=True)
    os.makedirs(geo_dir, exist_ok=True)

    # ---------------------------------------------------------------- CBS lists
    g23 = read_csv(os.path.join(shared, "municipalities", "gemeenten_2023.csv"))
    l23 = read_csv(os.path.join(shared, "municipalities", "gemeenten-alfabetisch-2023.csv"))
    l21 = read_csv(os.path.join(shared, "municipalities", "gemeenten-alfabetisch-2021.csv"))
    by_name23 = {r["Gemeentenaam"]: r for r in l23}
    by_name21 = {r["Gemeentenaam"]: r for r in l21}
    check(len(by_name23) == len(l23) == 342, "CBS 2023 list: expected 342 unique names")
    check(len(by_name21) == len(l21) == 352, "CBS 2021 list: expected 352 unique names")
    prov_pv = {}
    for r in l23:
        prov_pv[r["Provincienaam"]] = r["ProvinciecodePV"]

    utr = [r for r in g23 if r["provinciecode_pv"] == "PV26"]
    check(sorted(r["gemeentecode_gm"] for r in utr) == UTRECHT_CODES,
          "the 26 Utrecht gemeenten in gemeenten_2023.csv differ from facts §4.1")
    utr_by_name = {r["gemeentenaam"]: r for r in utr}
    check(len(utr_by_name) == 26, "duplicate Utrecht gemeente names")
    for r in utr:
        check(by_name23.get(r["gemeentenaam"], {}).get("GemeentecodeGM") == r["gemeentecode_gm"],
              "name/code mismatch with CBS list 2023: %s" % r["gemeentenaam"])

    # RegioAtlas 2016 (only for the code of Vianen).
    ra = read_csv(os.path.join(shared, "registry", "openstate-datasets", "regioatlas-2016",
                               "Bestuurlijk", "provincies.csv"), delimiter=";")
    ra_vianen = [r for r in ra if r["Gemeente"] == "Vianen"]
    check(len(ra_vianen) == 1 and ra_vianen[0]["CBS"] == "0620", "Vianen not found in RegioAtlas 2016")

    # ---------------------------------------------------------------- organisations
    orgs = {}        # code -> row
    name2code = {}   # participant name (cleaned) -> code

    def add_org(row, names=()):
        code = row["code"]
        check(code not in orgs, "duplicate organisation code %s" % code)
        base = dict(code="", kind="", name="", cbs_code="", tooi="", in_province="0",
                    valid_from="", valid_to="", successor_code="", population="",
                    population_date="", area_km2="", collaboration_key="", source_id="",
                    last_confirmed="", note="", ended="0")
        base.update(row)
        if not base["last_confirmed"]:
            base["last_confirmed"] = SRC_DATE[base["source_id"]]
        orgs[code] = base
        for n in (base["name"],) + tuple(names):
            check(name2code.get(n, code) == code, "name %r maps to two codes" % n)
            name2code[n] = code
        return base

    add_org(dict(code="pv26", kind="province", name="Provincie Utrecht", cbs_code=prov_pv["Utrecht"],
                 tooi="pv26", in_province="1", source_id="cbs-gemeenten-2023"))
    for r in sorted(utr, key=lambda r: r["gemeentecode_gm"]):
        gm = r["gemeentecode_gm"]
        note = ""
        valid_from = ""
        if gm == "GM1961":
            valid_from = "2019-01-01"
            note = ("Ontstaan op 1 januari 2019 uit Leerdam, Zederik en Vianen "
                    "(bron: jblorenz.nl). CBS-code GM1961.")
        add_org(dict(code=gm.lower(), kind="municipality", name=r["gemeentenaam"], cbs_code=gm,
                     tooi=gm.lower(), in_province="1", valid_from=valid_from,
                     population=r["inwoners_2024"], population_date="2024-01-01",
                     area_km2=r["oppervlakte_totaal_km2"], source_id="cbs-gemeenten-2023",
                     note=note))
    for name, code in sorted(WATER_BOARDS_PROVINCE.items()):
        add_org(dict(code=code, kind="water_board", name=name,
                     tooi="ws0636" if code == "ws0636" else "",
                     source_id="beterzeist-u10-u16",
                     note=("TOOI-code ws0636 gevonden in openbare code (niet rechtstreeks in de "
                           "TOOI-waardelijst gecontroleerd)." if code == "ws0636" else "")))

    def ensure_gemeente(name, fallback_source):
        """Organisation for a gemeente outside province Utrecht (or an ended one)."""
        if name in name2code:
            return name2code[name]
        if name == VIANEN["name"]:
            return add_org(dict(code="gm0620", kind="municipality", name="Vianen", cbs_code="GM0620",
                                valid_to=VIANEN["valid_to"], successor_code=VIANEN["successor"],
                                source_id=VIANEN["source"], ended="1",
                                note="Opgegaan in Vijfheerenlanden (herindeling 1 januari 2019). "
                                     "CBS-code 0620 volgens RegioAtlas 2016 (Open State)."))["code"]
        if name in by_name23:
            gm = by_name23[name]["GemeentecodeGM"]
            return add_org(dict(code=gm.lower(), kind="municipality", name=name, cbs_code=gm,
                                tooi=gm.lower(), source_id="cbs-gemeenten-2023"))["code"]
        if name in by_name21:
            gm = by_name21[name]["GemeentecodeGM"]
            return add_org(dict(code=gm.lower(), kind="municipality", name=name, cbs_code=gm,
                                source_id="cbs-gemeenten-2021", ended="1",
                                note=NOTE_ENDED_NODATE + ". In de CBS-gemeentelijke indeling van "
                                     "2021, niet meer in die van 2023."))["code"]
        return add_org(dict(code="gemeente-" + slugify(name), kind="municipality", name=name,
                            source_id=fallback_source, ended="1",
                            note=NOTE_ENDED_NODATE + ". Niet meer in de CBS-gemeentelijke indeling "
                                 "van 2021 en 2023."))["code"]

    # ---------------------------------------------------------------- OpenGR
    opengr_path = os.path.join(shared, "registry", "openstate-datasets", "opengr_provincies.csv")
    all_rows = read_csv(opengr_path)
    rows = [r for r in all_rows if r["Provincie"].strip() == "Provincie Utrecht"]
    check(len(rows) == 297, "expected 297 OpenGR rows for Provincie Utrecht, got %d" % len(rows))
    grs = {}
    for r in rows:
        gr = clean(r["Gemeenschappelijke regeling"])
        grs.setdefault(gr, set()).add((clean(r["Plaats"]), clean(r["Postcode"])))
    check(len(grs) == 32, "expected 32 OpenGR GRs, got %d" % len(grs))
    check(set(grs) == set(OPENGR_GR), "OpenGR GR names differ from the mapping table: %s"
          % sorted(set(grs) ^ set(OPENGR_GR)))
    seen = set()
    dups = []
    uniq_rows = []
    for r in rows:
        key = tuple(r[k] for k in ("Deelnemer", "Gemeenschappelijke regeling", "Postcode",
                                   "Plaats", "Provincie"))
        if key in seen:
            dups.append(key)
            continue
        seen.add(key)
        uniq_rows.append(r)

    def gr_key(name):
        n = re.sub(r"\s*\((voorheen [^)]*|opgeheven)\)", "", name)
        return slugify(n)

    colls = {}

    def add_coll(row):
        base = dict(key="", name="", short_name="", kind="", legal_form="", powers="", domains="",
                    phase="", purpose="", seat="", start_date="", end_date="", website="",
                    source_id="", last_confirmed="", note="")
        base.update(row)
        check(base["key"] not in colls, "duplicate collaboration key %s" % base["key"])
        if not base["last_confirmed"]:
            base["last_confirmed"] = SRC_DATE[base["source_id"]]
        colls[base["key"]] = base
        return base

    gr_name2key = {}
    for gr in sorted(grs):
        places = grs[gr]
        check(len(places) == 1, "GR %s has several addresses" % gr)
        seat = next(iter(places))[0]
        domains, short = OPENGR_GR[gr]
        key = gr_key(gr)
        gr_name2key[gr] = key
        row = dict(key=key, name=gr, short_name=short, kind="joint_arrangement", domains=domains,
                   seat=seat, source_id="openstate-opengr-2015", note=NOTE_OPENGR)
        if gr == "Veiligheidsregio Utrecht":
            row.update(legal_form="OL", start_date="2006-01-12", website="https://vru.nl/",
                       source_id="vru-onze-regio",
                       purpose=("Veiligheidsregio (Wet veiligheidsregio's) van de 26 gemeenten in de "
                                "provincie Utrecht: openbaar lichaam met een algemeen en een dagelijks "
                                "bestuur, formeel van start gegaan op 12 januari 2006."),
                       note=("Deelnemers volgens vru.nl; Vianen volgens de OpenGR-gegevens van 2015. "
                             "Startdatum en bestuursorganen volgens provincie-utrecht.nl "
                             "(Openbare orde en veiligheid)."))
        elif gr == "Bestuur Regio Utrecht":
            row.update(phase="beeindigd", end_date="2015-01-01", source_id="nieuwegein-raadsbrief-2015",
                       purpose="Voormalige plusregio (Wgr-plus) van negen gemeenten in de regio Utrecht.",
                       note=("Opgeheven per 1 januari 2015 (brief gemeente Nieuwegein, 26 februari 2015; "
                             "beterzeist.com: 'per januari 2015'). Deelnemers volgens de "
                             "OpenGR-gegevens van 2015."))
        elif gr == "Servicebureau | Gemeenten (opgeheven)":
            row.update(name="Servicebureau | Gemeenten", phase="beeindigd",
                       note=("In de OpenGR-gegevens van 2015 aangeduid als '(opgeheven)'; datum van "
                             "opheffing niet bekend. Deelnemers volgens die gegevens."))
        elif gr == "Coöperatie ParkeerService":
            row.update(kind="private_law", legal_form="cooperatie",
                       note=("In de OpenGR-gegevens van 2015 door de provincie als gemeenschappelijke "
                             "regeling opgegeven; volgens de naam een coöperatie (privaatrecht). "
                             + NOTE_OPENGR))
        elif gr == "Plassenschap Loosdrecht en omgeving":
            row.update(note=(NOTE_OPENGR + " In de Noord-Hollandse OpenGR-gegevens heet deze regeling "
                             "'Recreatieschap Plassenschap Loosdrecht en omgeving' (zelfde deelnemers)."))
        elif gr == "Fonds nazorg gesloten stortplaatsen Provincie Utrecht":
            row.update(note=(NOTE_OPENGR + " Enige deelnemer in de bron is Provincie Utrecht."))
        add_coll(row)

    # GR bodies as organisations (participants that are themselves GRs).
    gr_participants = sorted({clean(r["Deelnemer"]) for r in uniq_rows} & set(grs))
    for gr in gr_participants:
        add_org(dict(code=gr_name2key[gr], kind="joint_arrangement_body", name=gr,
                     collaboration_key=gr_name2key[gr], source_id="openstate-opengr-2015"))

    # Network organisations (u10 and regio-amersfoort are participants of Metropoolregio Utrecht).
    add_org(dict(code="u10", kind="other", name="U10", collaboration_key="u10",
                 source_id="utrecht10-over-u10"))
    add_org(dict(code="regio-amersfoort", kind="other", name="Regio Amersfoort",
                 collaboration_key="regio-amersfoort", source_id="utrecht10-over-u10"))
    # The other regional networks the province works with, as organisations of their own
    # (the relations module's partners: each has accounthouders like a gemeente).
    add_org(dict(code="u16", kind="other", name="U16", collaboration_key="u16",
                 source_id="beterzeist-u10-u16"))
    add_org(dict(code="regio-foodvalley", kind="other", name="Regio Foodvalley",
                 collaboration_key="regio-foodvalley", source_id="omroepgelderland-foodvalley"))

    # Every other OpenGR participant.
    for r in uniq_rows:
        n = clean(r["Deelnemer"])
        check(n, "empty participant name in OpenGR")
        if n in name2code:
            continue
        if n.startswith("Provincie "):
            pname = n[len("Provincie "):]
            check(pname in prov_pv, "unknown province %s" % n)
            pv = prov_pv[pname]
            # TOOI pv27 for Noord-Holland is given in the facts doc §2.4 (pv23, pv26..pv31).
            tooi = pv.lower() if pv in ("PV23", "PV26", "PV27", "PV28", "PV29", "PV30", "PV31") else ""
            add_org(dict(code=pv.lower(), kind="province", name=n, cbs_code=pv, tooi=tooi,
                         source_id="cbs-gemeenten-2023"))
        elif re.match(r"^(Hoogheemraadschap|Waterschap|Wetterskip) ", n):
            add_org(dict(code=slugify(n), kind="water_board", name=n, source_id="openstate-opengr-2015"))
        else:
            ensure_gemeente(n, "openstate-opengr-2015")

    # Gemeenten from the network sources that are not yet organisations.
    for n in REGIO_AMERSFOORT_PARTLY + FOODVALLEY:
        check(n in name2code or n in by_name23, "gemeente %s not in CBS 2023 list" % n)
        ensure_gemeente(n, "cbs-gemeenten-2023")

    # ---------------------------------------------------------------- networks (facts §4.3)
    add_coll(dict(key="u10", name="U10", short_name="U10", kind="network", legal_form="convenant",
                  domains="bestuur;mobiliteit;economie;ruimte-en-wonen;gezondheid;recreatie-en-natuur;energie-en-klimaat",
                  website="https://www.utrecht10.nl/", source_id="utrecht10-over-u10",
                  purpose=("Netwerkorganisatie van gemeenten in de regio Utrecht, gebaseerd op een "
                           "convenant zonder juridisch afdwingbare verplichtingen. Thema's: mobiliteit, "
                           "economie, wonen, gezondheid en inclusiviteit, groen en landschap en "
                           "duurzaamheid. Begonnen als de negen gemeenten van Bestuur Regio Utrecht "
                           "plus Woerden."),
                  note=("U10 meldt nu 16 deelnemende gemeenten; slechts 12 daarvan worden door een "
                        "bron bij naam genoemd (beterzeist.com, bijgewerkt 8 februari 2023).")))
    add_coll(dict(key="u16", name="U16", short_name="U16", kind="network",
                  domains="energie-en-klimaat", source_id="beterzeist-u10-u16",
                  purpose=("Energieregio (RES-regio) U16 voor de Regionale Energiestrategie en de "
                           "Transitievisie Warmte: de 12 U10-gemeenten plus De Ronde Venen, Lopik, "
                           "Montfoort en Oudewater, samen met de provincie Utrecht en vier waterschappen."),
                  note="Deelnemers volgens beterzeist.com (bijgewerkt 8 februari 2023)."))
    add_coll(dict(key="regio-amersfoort", name="Regio Amersfoort", short_name="", kind="network",
                  legal_form="convenant", domains="bestuur",
                  website="https://www.bureauregioamersfoort.nl/",
                  source_id="bureauregioamersfoort-bestuurlijke-samenwerking",
                  purpose=("Vrijwillige samenwerking op basis van een bestuursconvenant dat de colleges "
                           "van B&W van Amersfoort, Baarn, Bunschoten, Eemnes, Leusden, Soest en "
                           "Woudenberg in 2008 sloten. Barneveld en Nijkerk (Gelderland) nemen op "
                           "onderdelen deel; Eemnes neemt op onderdelen ook deel aan Regio Gooi- en "
                           "Vechtstreek. Elke gemeente blijft volledig autonoom."),
                  note="Startdatum: alleen het jaar 2008 is bekend."))
    add_coll(dict(key="metropoolregio-utrecht", name="Metropoolregio Utrecht", kind="network",
                  domains="ruimte-en-wonen;economie", source_id="utrecht10-over-u10",
                  purpose=("Gezamenlijke presentatie van U10, Regio Amersfoort en de provincie Utrecht; "
                           "samenwerking aan gezamenlijke ruimtelijk-economische opgaven.")))
    add_coll(dict(key="regio-foodvalley", name="Regio Foodvalley", short_name="Foodvalley",
                  kind="joint_arrangement", domains="economie", seat="Ede",
                  source_id="omroepgelderland-foodvalley",
                  purpose=("Samenwerkingsverband van acht gemeenten in Gelderland en Utrecht, sinds "
                           "2010, met een dagelijks bestuur, een regiobestuur en een eigen begroting; "
                           "richt zich op landbouw en voeding (agrofood). De Regio Deal Foodvalley is "
                           "ook ondertekend door de provincies Utrecht en Gelderland en waterschap "
                           "Vallei en Veluwe."),
                  note=("In de OpenGR-gegevens van 2015 als gemeenschappelijke regeling onder Gelderland "
                        "opgegeven (vestigingsplaats Ede, zelfde acht gemeenten). Juridische vorm niet "
                        "bekend. Startjaar 2010 volgens Omroep Gelderland; exacte datum onbekend.")))

    # ---------------------------------------------------------------- participations
    parts = []

    def add_part(ck, oc, source_id, role="deelnemer", body="", left="", note="", last=""):
        parts.append(dict(collaboration_key=ck, organisation_code=oc, body=body, role=role,
                          cost_share="", contribution_eur="", joined="", left=left,
                          source_id=source_id, last_confirmed=last or SRC_DATE[source_id],
                          note=note))

    vru_key = gr_name2key["Veiligheidsregio Utrecht"]
    bru_key = gr_name2key["Bestuur Regio Utrecht"]
    vianen_code = None
    for r in uniq_rows:
        gr = clean(r["Gemeenschappelijke regeling"])
        n = clean(r["Deelnemer"])
        ck = gr_name2key[gr]
        oc = name2code[n]
        left = note = ""
        if n == "Vianen":
            vianen_code = oc
            if ck != bru_key:  # BRU itself ended on 2015-01-01
                left, note = VIANEN["valid_to"], NOTE_VIANEN
        if ck == vru_key and n != "Vianen":
            continue  # superseded by the current list from vru.nl (below)
        add_part(ck, oc, "openstate-opengr-2015", left=left, note=note)
    check(vianen_code == "gm0620", "Vianen not found in OpenGR rows")

    check(sorted(VRU_NAMED) == sorted(utr_by_name), "vru.nl list differs from the CBS 2023 names")
    for n in VRU_NAMED:
        add_part(vru_key, name2code[n], "vru-onze-regio")
    for n in U10_NAMED:
        add_part("u10", name2code[n], "beterzeist-u10-u16")
    for n in U10_NAMED + U16_EXTRA:
        add_part("u16", name2code[n], "beterzeist-u10-u16")
    add_part("u16", "pv26", "beterzeist-u10-u16")
    for code in sorted(WATER_BOARDS_PROVINCE.values()):
        add_part("u16", code, "beterzeist-u10-u16")
    for n in REGIO_AMERSFOORT:
        add_part("regio-amersfoort", name2code[n], "bureauregioamersfoort-bestuurlijke-samenwerking",
                 body="college")
    for n in REGIO_AMERSFOORT_PARTLY:
        add_part("regio-amersfoort", name2code[n], "bureauregioamersfoort-bestuurlijke-samenwerking",
                 role="toehoorder", note="Neemt deel aan een deel van de onderwerpen")
    for oc in ("u10", "regio-amersfoort", "pv26"):
        add_part("metropoolregio-utrecht", oc, "utrecht10-over-u10")
    for n in FOODVALLEY:
        add_part("regio-foodvalley", name2code[n], "omroepgelderland-foodvalley")

    # ---------------------------------------------------------------- checks
    code_re = re.compile(r"^[a-z0-9-]{2,80}$")
    key_re = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    src_ids = {s["id"] for s in SOURCES}
    dom_keys = {d[0] for d in DOMAINS}
    check(len(src_ids) == len(SOURCES), "duplicate source ids")
    check(len(dom_keys) == len(DOMAINS), "duplicate domain keys")
    for s in SOURCES:
        check(key_re.match(s["id"]), "bad source id %s" % s["id"])
        check(re.match(r"^\d{4}-\d{2}-\d{2}$", s["reference_date"]), "bad date in %s" % s["id"])
    for k in dom_keys:
        check(key_re.match(k) and len(k) <= 80, "bad domain key %s" % k)

    in_prov = [o for o in orgs.values() if o["kind"] == "municipality" and o["in_province"] == "1"]
    check(sorted(o["cbs_code"] for o in in_prov) == UTRECHT_CODES,
          "in-province gemeenten differ from facts §4.1")
    check(sorted(o["code"] for o in in_prov) == sorted(c.lower() for c in UTRECHT_CODES),
          "in-province gemeente codes are not the lower-case CBS codes")
    for o in orgs.values():
        check(code_re.match(o["code"]), "bad organisation code %r" % o["code"])
        check(o["name"].strip() == o["name"] and o["name"], "bad organisation name %r" % o["name"])
        check(o["source_id"] in src_ids, "organisation %s: unknown source %s" % (o["code"], o["source_id"]))
        check(o["kind"] in ("province", "municipality", "water_board", "joint_arrangement_body",
                            "national", "other"), "bad kind %s" % o["kind"])
        check(not o["successor_code"] or o["successor_code"] in orgs, "successor of %s" % o["code"])
        check(not o["collaboration_key"] or o["collaboration_key"] in colls,
              "organisation %s: unknown collaboration %s" % (o["code"], o["collaboration_key"]))
        check("Ã" not in o["name"], "mojibake left in %r" % o["name"])
    for c in colls.values():
        check(key_re.match(c["key"]) and len(c["key"]) <= 80, "bad collaboration key %r" % c["key"])
        check(c["name"].strip() == c["name"] and c["name"], "bad collaboration name %r" % c["name"])
        check("Ã" not in c["name"], "mojibake left in %r" % c["name"])
        check(c["source_id"] in src_ids, "collaboration %s: unknown source" % c["key"])
        check(c["kind"] in ("joint_arrangement", "private_law", "network"), "bad kind %s" % c["kind"])
        check(c["legal_form"] in ("", "OL", "GO", "BVO", "CC", "RZM", "stichting", "vereniging", "bv",
                                  "nv", "cooperatie", "convenant", "netwerk"), "bad legal form")
        check(c["phase"] in ("", "initiatief", "groei", "stabilisatie", "transformatie", "beeindigd"),
              "bad phase")
        ds = c["domains"].split(";")
        check(ds and all(d in dom_keys for d in ds), "collaboration %s: bad domains %r" % (c["key"], ds))
        check(len(set(ds)) == len(ds), "duplicate domain in %s" % c["key"])
    pairs = set()
    for p in parts:
        check(p["collaboration_key"] in colls, "participation: unknown collaboration %s" % p["collaboration_key"])
        check(p["organisation_code"] in orgs, "participation: unknown organisation %s" % p["organisation_code"])
        check(p["source_id"] in src_ids, "participation: unknown source %s" % p["source_id"])
        check(p["role"] in ("deelnemer", "centrumgemeente", "penvoerder", "trekker", "toehoorder"), "role")
        check(p["body"] in ("", "raad", "college", "burgemeester", "algemeen_bestuur"), "body")
        pair = (p["collaboration_key"], p["organisation_code"])
        check(pair not in pairs, "duplicate participation %s" % (pair,))
        pairs.add(pair)
    vru_active = [p for p in parts if p["collaboration_key"] == vru_key and not p["left"]]
    check(len(vru_active) == 26, "VRU must have 26 active participations, has %d" % len(vru_active))
    check({p["organisation_code"] for p in vru_active} == {c.lower() for c in UTRECHT_CODES},
          "VRU active participants are not the 26 gemeenten")
    check(vru_key == "veiligheidsregio-utrecht", "VRU key")
    used_colls = {p["collaboration_key"] for p in parts}
    check(used_colls == set(colls), "collaborations without participants: %s" % (set(colls) - used_colls))
    for o in orgs.values():
        for k in ("valid_from", "valid_to", "population_date", "last_confirmed"):
            check(not o[k] or re.match(r"^\d{4}-\d{2}-\d{2}$", o[k]), "date %s of %s" % (k, o["code"]))

    # ---------------------------------------------------------------- write
    write_csv(os.path.join(seed_dir, "sources.csv"),
              ["id", "title", "publisher", "url", "licence", "attribution", "reference_date",
               "retrieved", "note"],
              sorted(SOURCES, key=lambda s: s["id"]))
    write_csv(os.path.join(seed_dir, "domains.csv"), ["key", "name", "description"],
              [dict(key=k, name=n, description=d) for k, n, d in sorted(DOMAINS)])
    write_csv(os.path.join(seed_dir, "organisations.csv"),
              ["code", "kind", "name", "cbs_code", "tooi", "in_province", "valid_from", "valid_to",
               "successor_code", "population", "population_date", "area_km2", "collaboration_key",
               "source_id", "last_confirmed", "note", "ended"],
              [orgs[k] for k in sorted(orgs)])
    write_csv(os.path.join(seed_dir, "collaborations.csv"),
              ["key", "name", "short_name", "kind", "legal_form", "powers", "domains", "phase",
               "purpose", "seat", "start_date", "end_date", "website", "source_id", "last_confirmed",
               "note"],
              [colls[k] for k in sorted(colls)])
    write_csv(os.path.join(seed_dir, "participations.csv"),
              ["collaboration_key", "organisation_code", "body", "role", "cost_share",
               "contribution_eur", "joined", "left", "source_id", "last_confirmed", "note"],
              sorted(parts, key=lambda p: (p["collaboration_key"], p["organisation_code"])))

    geo_files = ["utrecht_gemeenten_2025.geojson", "utrecht_gemeenten_2023.geojson",
                 "utrecht_provincie_2023.geojson"]
    for g in geo_files:
        shutil.copyfile(os.path.join(shared, "geo", g), os.path.join(geo_dir, g))

    # ---------------------------------------------------------------- summary
    print("build_seed: read %d OpenGR rows for Provincie Utrecht, %d GRs; exact duplicate rows "
          "skipped: %d%s" % (len(rows), len(grs), len(dups),
                             "" if not dups else " " + repr(dups)))
    print("  sources.csv        %4d" % len(SOURCES))
    print("  domains.csv        %4d" % len(DOMAINS))
    kinds = {}
    for o in orgs.values():
        kinds[o["kind"]] = kinds.get(o["kind"], 0) + 1
    print("  organisations.csv  %4d  (%s; ended %d)" % (
        len(orgs), ", ".join("%s %d" % kv for kv in sorted(kinds.items())),
        sum(o["ended"] == "1" for o in orgs.values())))
    ckinds = {}
    for c in colls.values():
        ckinds[c["kind"]] = ckinds.get(c["kind"], 0) + 1
    print("  collaborations.csv %4d  (%s)" % (
        len(colls), ", ".join("%s %d" % kv for kv in sorted(ckinds.items()))))
    print("  participations.csv %4d  (VRU active %d)" % (len(parts), len(vru_active)))
    print("  data/geo           %4d files copied" % len(geo_files))


if __name__ == "__main__":
    main()
