#!/usr/bin/env python3
"""build_indicatoren — the bundled indicator store (issue 18).

Reads ../shared/data/stats, ../shared/data/municipalities and
../shared/data/finance (override with --shared DIR) and writes, in
data/indicatoren/:

  indicatoren.csv  one row per indicator: definition, unit, theme, source,
                   licence, direction, area level, warning
  gebieden.csv     the areas values may refer to (every gemeente of the
                   divisions 2020-2025) with name and province code
  waarden.csv      indicator, area, period, value (empty = missing), source note

beleidsdomein_taakvelden.csv (which Iv3 taakvelden belong to a registry
policy domain; maintained by hand) is validated against data/seed/domains.csv
and the indicators written here. Which source column becomes which indicator
is data/indicatoren/mapping.csv
(matched by the column label; CBS's per-table numeric suffixes such as
`_4` are ignored; a number is a column position for files without a usable
header). The definitions below are the product's own text. Python 3
standard library only; rows are sorted so regenerating gives identical
files. Attribution: data/indicatoren/SOURCES.md.
"""
import argparse
import csv
import io
import os
import re
import sys

OUT = "data/indicatoren"

CBS = "CBS"
CBS_LICENCE = "CC BY 4.0 (Bron: CBS)"
IV3_SOURCE = "CBS Iv3, bewerkt door begrotingsanalysetool (michielsd)"
IV3_LICENCE = "CC BY 4.0 (Bron: CBS); bewerking Apache-2.0"
IV3_URL = "https://github.com/michielsd/begrotingsanalysetool"
KWB_URL = "https://github.com/Marlinehuman/ProgrammingForEconG5"
KERN_URL = "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/70072NED"
INK_URL = "https://github.com/Swienn/ScientificDataAnalysisProject"
IIV_URL = "https://github.com/edugis-repo/cbsbuurtwijkgemeente"
AUTO_URL = "https://github.com/edugis-repo/cbsbuurtwijkgemeente"
AREA_URL = "https://github.com/Lars-Janssen/Lars-Janssen.github.io"

W_KWB = ("Gemeentelijke indeling verschilt per jaar (2020: 355, 2023-2025: 342 gemeenten); "
         "KWB 2025 is deels voorlopig.")
W_PROV = "Voorlopig cijfer (CBS: 2024*)."
W_AREA = ("Oppervlakte uit een afgeleid bestand (gdf.csv, Lars-Janssen); zwakkere herkomst dan "
          "een CBS-tabel.")
W_IV3 = ("Afgeleid door een analyse-repository uit de ruwe Iv3-data van CBS, geen officiële "
         "publicatie; steekproefsgewijs controleren.")
# The booking rules of the sociaal domein and volksgezondheid changed from
# begrotingsjaar 2023 (data.overheid.nl, "Iv3 gemeenten", dataset
# 0cacf773-110a-4237-a596-dbbb0b3c4ddb; docs/facts finance part A).
W_IV3_2023 = (" Sinds begrotingsjaar 2023 gelden voor dit taakveld andere boekingsvoorschriften "
              "(sociaal domein en volksgezondheid, bron: data.overheid.nl, Iv3 gemeenten); "
              "vergelijken met eerdere jaren is onbetrouwbaar.")


def iv3_warning(tv_code):
    """The warning of an Iv3 taakveld indicator."""
    if tv_code.startswith("6.") or tv_code == "7.1":
        return W_IV3 + W_IV3_2023
    return W_IV3

# key: (name, theme, unit, direction, definition, source, url, licence, warning)
DEFS = {
    "inwoners": ("Inwoners", "Bevolking", "personen", "neutraal",
                 "Aantal inwoners op 1 januari van het KWB-jaar.", CBS, KWB_URL, CBS_LICENCE, W_KWB),
    "bevolkingsdichtheid": ("Bevolkingsdichtheid", "Bevolking", "inwoners per km² land", "neutraal",
                            "Inwoners per km² landoppervlak.", CBS, KWB_URL, CBS_LICENCE, W_KWB),
    "huishoudens": ("Particuliere huishoudens", "Bevolking", "huishoudens", "neutraal",
                    "Aantal particuliere huishoudens.", CBS, KWB_URL, CBS_LICENCE, W_KWB),
    "woningvoorraad": ("Woningvoorraad", "Wonen", "woningen", "neutraal",
                       "Aantal woningen in de gemeente.", CBS, KWB_URL, CBS_LICENCE, W_KWB),
    "leegstand_woningen": ("Leegstaande woningen", "Wonen", "% van de woningvoorraad", "neutraal",
                           "Woningen zonder bewoners als percentage van de voorraad.", CBS, KWB_URL,
                           CBS_LICENCE, W_KWB),
    "woz_waarde_woningen": ("Gemiddelde WOZ-waarde van woningen", "Wonen", "x 1.000 euro",
                            "neutraal", "Gemiddelde WOZ-waarde van woningen.", CBS, KWB_URL,
                            CBS_LICENCE, W_KWB),
    "koopwoningen": ("Koopwoningen", "Wonen", "% van de woningen", "neutraal",
                     "Koopwoningen als percentage van de woningvoorraad.", CBS, KWB_URL,
                     CBS_LICENCE, W_KWB),
    "huurwoningen": ("Huurwoningen", "Wonen", "% van de woningen", "neutraal",
                     "Huurwoningen (alle verhuurders) als percentage van de woningvoorraad.", CBS,
                     KWB_URL, CBS_LICENCE, W_KWB),
    "huurwoningen_corporatie": ("Huurwoningen van woningcorporaties", "Wonen", "% van de woningen",
                                "neutraal", "Huurwoningen in bezit van woningcorporaties als "
                                "percentage van de woningvoorraad.", CBS, KWB_URL, CBS_LICENCE, W_KWB),
    "huurwoningen_overig": ("Huurwoningen van overige verhuurders", "Wonen", "% van de woningen",
                            "neutraal", "Huurwoningen van andere verhuurders dan corporaties als "
                            "percentage van de woningvoorraad.", CBS, KWB_URL, CBS_LICENCE, W_KWB),
    "stedelijkheid_kwb": ("Mate van stedelijkheid (KWB)", "Vergelijkingsklassen", "klasse 1-5",
                          "neutraal", "Omgevingsadressendichtheid in klassen: 1 zeer sterk "
                          "stedelijk, 2 sterk, 3 matig, 4 weinig, 5 niet stedelijk.", CBS, KWB_URL,
                          CBS_LICENCE, W_KWB),
    "eenpersoonshuishoudens": ("Eenpersoonshuishoudens", "Bevolking", "% van de huishoudens",
                               "neutraal", "Eenpersoonshuishoudens op 1 januari als percentage van "
                               "de particuliere huishoudens.", CBS, KERN_URL, CBS_LICENCE, ""),
    "huishoudens_zonder_kinderen": ("Meerpersoonshuishoudens zonder kinderen", "Bevolking",
                                    "% van de huishoudens", "neutraal", "Meerpersoonshuishoudens "
                                    "zonder kinderen op 1 januari als percentage van de particuliere "
                                    "huishoudens.", CBS, KERN_URL, CBS_LICENCE, ""),
    "huishoudens_met_kinderen": ("Huishoudens met kinderen", "Bevolking", "% van de huishoudens",
                                 "neutraal", "Meerpersoonshuishoudens met kinderen op 1 januari als "
                                 "percentage van de particuliere huishoudens.", CBS, KERN_URL,
                                 CBS_LICENCE, ""),
    "huishoudensgrootte": ("Gemiddelde huishoudensgrootte", "Bevolking", "personen per huishouden",
                           "neutraal", "Gemiddeld aantal personen per particulier huishouden op 1 "
                           "januari.", CBS, KERN_URL, CBS_LICENCE, ""),
    "demografische_druk": ("Demografische druk", "Bevolking", "%", "neutraal",
                           "Personen jonger dan 20 en van 65 jaar of ouder als percentage van de "
                           "personen van 20 tot 65 jaar (1 januari).", CBS, KERN_URL, CBS_LICENCE, ""),
    "groene_druk": ("Groene druk", "Bevolking", "%", "neutraal",
                    "Personen jonger dan 20 jaar als percentage van de personen van 20 tot 65 jaar.",
                    CBS, KERN_URL, CBS_LICENCE, ""),
    "grijze_druk": ("Grijze druk", "Bevolking", "%", "neutraal",
                    "Personen van 65 jaar of ouder als percentage van de personen van 20 tot 65 jaar.",
                    CBS, KERN_URL, CBS_LICENCE, ""),
    "inkomen_gestandaardiseerd_gemiddeld": ("Gemiddeld gestandaardiseerd huishoudensinkomen",
                                            "Inkomen", "x 1.000 euro", "hoger_beter",
                                            "Gemiddeld besteedbaar inkomen van particuliere "
                                            "huishoudens, gecorrigeerd voor grootte en samenstelling.",
                                            CBS, INK_URL, CBS_LICENCE, W_PROV),
    "inkomen_gestandaardiseerd_mediaan": ("Mediaan gestandaardiseerd huishoudensinkomen", "Inkomen",
                                          "x 1.000 euro", "hoger_beter",
                                          "Mediaan van het gestandaardiseerd inkomen van particuliere "
                                          "huishoudens.", CBS, INK_URL, CBS_LICENCE, W_PROV),
    "inkomen_besteedbaar_gemiddeld": ("Gemiddeld besteedbaar huishoudensinkomen", "Inkomen",
                                      "x 1.000 euro", "hoger_beter", "Gemiddeld besteedbaar inkomen "
                                      "van particuliere huishoudens.", CBS, INK_URL, CBS_LICENCE,
                                      W_PROV),
    "inkomen_besteedbaar_mediaan": ("Mediaan besteedbaar huishoudensinkomen", "Inkomen",
                                    "x 1.000 euro", "hoger_beter", "Mediaan van het besteedbaar "
                                    "inkomen van particuliere huishoudens.", CBS, INK_URL, CBS_LICENCE,
                                    W_PROV),
    "inkomen_persoonlijk_per_inwoner": ("Gemiddeld persoonlijk inkomen per inwoner", "Inkomen",
                                        "x 1.000 euro", "hoger_beter", "Gemiddeld persoonlijk "
                                        "inkomen per inwoner in een particulier huishouden "
                                        "(indeling 2023).", "CBS (IIV)", IIV_URL, CBS_LICENCE, ""),
    "huishoudens_laagste_40pct_inkomen": ("Huishoudens met een laag inkomen", "Inkomen",
                                          "% van de huishoudens", "lager_beter",
                                          "Particuliere huishoudens die behoren tot de 40% met het "
                                          "laagste besteedbaar inkomen van Nederland.", "CBS (IIV)",
                                          IIV_URL, CBS_LICENCE, ""),
    "huishoudens_hoogste_20pct_inkomen": ("Huishoudens met een hoog inkomen", "Inkomen",
                                          "% van de huishoudens", "neutraal",
                                          "Particuliere huishoudens die behoren tot de 20% met het "
                                          "hoogste besteedbaar inkomen van Nederland.", "CBS (IIV)",
                                          IIV_URL, CBS_LICENCE, ""),
    "autos_per_huishouden": ("Personenauto's per huishouden", "Mobiliteit", "auto's per huishouden",
                             "neutraal", "Gemiddeld aantal personenauto's per huishouden op 1 "
                             "januari (afgerond).", "CBS/RDW", AUTO_URL, "CC BY 4.0 (Bron: CBS/RDW)",
                             ""),
    "oppervlakte_totaal": ("Oppervlakte totaal", "Ruimte", "km²", "neutraal",
                           "Totale oppervlakte van de gemeente (land en water).", CBS, AREA_URL,
                           CBS_LICENCE, W_AREA),
    "oppervlakte_land": ("Oppervlakte land", "Ruimte", "km²", "neutraal",
                         "Landoppervlakte van de gemeente.", CBS, AREA_URL, CBS_LICENCE, W_AREA),
    "oppervlakte_water": ("Oppervlakte water", "Ruimte", "km²", "neutraal",
                          "Wateroppervlakte van de gemeente.", CBS, AREA_URL, CBS_LICENCE, W_AREA),
    "iv3_rekening_inwonertal": ("Inwonertal in de Iv3-jaarrekening 2023", "Financiën", "inwoners",
                                "neutraal", "Het inwonertal waarmee de Iv3-jaarrekening 2023 in "
                                "het bronbestand per inwoner is omgerekend.", IV3_SOURCE, IV3_URL,
                                IV3_LICENCE, W_IV3),
    "iv3_begroting_inwonertal": ("Inwonertal in de Iv3-begroting 2024", "Financiën", "inwoners",
                                 "neutraal", "Het inwonertal waarmee de Iv3-begroting 2024 in het "
                                 "bronbestand per inwoner is omgerekend.", IV3_SOURCE, IV3_URL,
                                 IV3_LICENCE, W_IV3),
    "klasse_gemeentegrootte": ("Gemeentegrootteklasse", "Vergelijkingsklassen", "klasse 1-8",
                               "neutraal", "CBS-grootteklasse naar inwonertal: 1 minder dan 5.000, "
                               "2 5.000-10.000, 3 10.000-20.000, 4 20.000-50.000, 5 50.000-100.000, "
                               "6 100.000-150.000, 7 150.000-250.000, 8 250.000 of meer.",
                               IV3_SOURCE, IV3_URL, IV3_LICENCE, ""),
    "klasse_stedelijkheid": ("Stedelijkheidsklasse", "Vergelijkingsklassen", "klasse 1-5",
                             "neutraal", "CBS-stedelijkheid: 1 zeer sterk stedelijk, 2 sterk, 3 "
                             "matig, 4 weinig, 5 niet stedelijk.", IV3_SOURCE, IV3_URL, IV3_LICENCE,
                             ""),
    "klasse_centrumfunctie": ("Centrumfunctie", "Vergelijkingsklassen", "klasse 1-4", "neutraal",
                              "Gemeentefondsindeling centrumfunctie: 1 zonder, 2 weinig, 3 redelijk, "
                              "4 sterk. Leeg voor de G4. Jaar en methode van de indeling zijn in de "
                              "bron niet vermeld.", IV3_SOURCE, IV3_URL, IV3_LICENCE, ""),
    "klasse_sociale_structuur": ("Sociale structuur", "Vergelijkingsklassen", "klasse 1-4",
                                 "neutraal", "Gemeentefondsindeling sociale structuur: 1 goed, 2 "
                                 "redelijk, 3 matig, 4 zwak. Jaar en methode van de indeling zijn in "
                                 "de bron niet vermeld.", IV3_SOURCE, IV3_URL, IV3_LICENCE, ""),
}
AGES = [("leeftijd_0_4", "jonger dan 5 jaar"), ("leeftijd_5_9", "5 tot 10 jaar"),
        ("leeftijd_10_14", "10 tot 15 jaar"), ("leeftijd_15_19", "15 tot 20 jaar"),
        ("leeftijd_20_24", "20 tot 25 jaar"), ("leeftijd_25_44", "25 tot 45 jaar"),
        ("leeftijd_45_64", "45 tot 65 jaar"), ("leeftijd_65_79", "65 tot 80 jaar"),
        ("leeftijd_80_plus", "80 jaar of ouder")]
for key, label in AGES:
    DEFS[key] = ("Inwoners " + label, "Bevolking", "% van de inwoners", "neutraal",
                 "Inwoners " + label + " op 1 januari als percentage van alle inwoners.", CBS,
                 KERN_URL, CBS_LICENCE, "")

CLASS_CODES = {
    "klasse_gemeentegrootte": {"minderdan5000inwoners": 1, "5000tot10000inwoners": 2,
                               "10000tot20000inwoners": 3, "20000tot50000inwoners": 4,
                               "50000tot100000inwoners": 5, "100000tot150000inwoners": 6,
                               "150000tot250000inwoners": 7, "250000inwonersofmeer": 8},
    "klasse_stedelijkheid": {"Zeersterkstedelijk": 1, "Sterkstedelijk": 2, "Matigstedelijk": 3,
                             "Weinigstedelijk": 4, "Nietstedelijk": 5},
    "klasse_centrumfunctie": {"Zonder": 1, "Weinig": 2, "Redelijk": 3, "Sterk": 4},
    "klasse_sociale_structuur": {"Goed": 1, "Redelijk": 2, "Matig": 3, "Zwak": 4},
}

GM = re.compile(r"^GM[0-9]{4}$")


def die(msg):
    print("build_indicatoren: " + msg, file=sys.stderr)
    sys.exit(1)


def read_rows(path, delim):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=delim))


def number(text, comma):
    """The value of a source cell; None for missing ('' or '.')."""
    t = text.strip()
    if t in ("", "."):
        return None
    if comma:
        t = t.replace(".", "").replace(",", ".") if "," in t else t
    try:
        return float(t)
    except ValueError:
        die("geen getal: %r" % text)


def fmt(v):
    if v is None:
        return ""
    r = round(v, 4)
    if r == int(r):
        return str(int(r))
    return ("%.4f" % r).rstrip("0")


def label_matches(header, kolom):
    h = re.sub(r"_[0-9]+$", "", header.strip())
    return h == kolom or h.endswith("/" + kolom)


def column(header, kolom, path):
    if kolom.isdigit():
        return int(kolom) - 1
    hits = [i for i, h in enumerate(header) if label_matches(h, kolom)]
    if len(hits) != 1:
        die("%s: kolom %r %s" % (path, kolom, "niet gevonden" if not hits else "niet eenduidig"))
    return hits[0]


def check_domains(keys):
    """Validate and normalise beleidsdomein_taakvelden.csv (maintained by hand):
    every policy domain of data/seed/domains.csv exactly once, every listed
    indicator key generated here, each key once; an empty list means "no Iv3
    taakveld fits this domain" and needs a toelichting. Rewritten sorted by
    domain, keys in the order given, so the file is stable."""
    path = os.path.join(OUT, "beleidsdomein_taakvelden.csv")
    with open(os.path.join("data", "seed", "domains.csv"), encoding="utf-8", newline="") as f:
        domains = {r["key"] for r in csv.DictReader(f)}
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    seen, out = set(), []
    for r in rows:
        d = r["beleidsdomein"].strip()
        if d not in domains:
            die("%s: onbekend beleidsdomein %s" % (path, d))
        if d in seen:
            die("%s: beleidsdomein %s staat er meer dan eens in" % (path, d))
        seen.add(d)
        ks = [k.strip() for k in r["indicatoren"].split(";") if k.strip()]
        for k in ks:
            if k not in keys:
                die("%s: %s: onbekende indicator %s" % (path, d, k))
        if len(set(ks)) != len(ks):
            die("%s: %s: een indicator staat er meer dan eens in" % (path, d))
        if not r["toelichting"].strip():
            die("%s: %s: toelichting ontbreekt" % (path, d))
        out.append([d, ";".join(ks), r["toelichting"].strip()])
    if seen != domains:
        die("%s: beleidsdomeinen ontbreken: %s" % (path, sorted(domains - seen)))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["beleidsdomein", "indicatoren", "toelichting"])
    w.writerows(sorted(out))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared/data")
    args = ap.parse_args()
    stats = os.path.join(args.shared, "stats")
    fin = os.path.join(args.shared, "finance", "begrotingsanalysetool")
    muni = os.path.join(args.shared, "municipalities")
    with open(os.path.join(OUT, "mapping.csv"), encoding="utf-8", newline="") as f:
        mapping = list(csv.DictReader(f))

    values = {}  # (key, area, period) -> (value, note)
    defs = dict(DEFS)
    areas = {}  # code -> (name, province)

    def put(key, area, period, v, note):
        if key not in defs:
            die("indicator %s heeft geen definitie" % key)
        k = (key, area, period)
        if k in values:
            die("dubbele waarde %s %s %s" % k)
        values[k] = (v, note)

    def maps(bron):
        return [m for m in mapping if m["bron"] == bron]

    # Areas: the 2023 division with provinces, plus the former gemeenten of KWB 2020-2022.
    for r in csv.DictReader(open(os.path.join(muni, "gemeenten_2023.csv"), encoding="utf-8")):
        areas[r["gemeentecode_gm"]] = (r["gemeentenaam"], r["provinciecode_pv"])
    name_to_code = {n: c for c, (n, _) in areas.items()}
    if len(areas) != 342:
        die("verwacht 342 gemeenten in gemeenten_2023.csv")

    # KWB wonen, one file per year.
    for year in range(2020, 2026):
        bron = "cbs_kwb_{jaar}_gemeente_wonen.csv"
        path = os.path.join(stats, bron.replace("{jaar}", str(year)))
        rows = read_rows(path, ",")
        hdr = rows[0]
        for r in rows[1:]:
            code = r[hdr.index("gwb_code")]
            if not GM.match(code):
                die("%s: geen gemeentecode %r" % (path, code))
            if code not in areas:
                areas[code] = (r[hdr.index("gm_naam")], "")
            for m in maps(bron):
                v = number(r[column(hdr, m["kolom"], path)], False)
                if v is not None and m["factor"]:
                    v *= float(m["factor"])
                put(m["indicator"], code, r[hdr.index("year")], v, "CBS KWB %d" % year)

    # 70072NED 2025 and income 2024: ';', decimal comma, code column added by the stager.
    for bron, note in (("cbs_regionale_kerncijfers_2025_gemeente.csv", "CBS 70072NED"),
                       ("cbs_inkomen_huishoudens_2024_gemeente.csv", "CBS Inkomen van huishoudens; regio")):
        path = os.path.join(stats, bron)
        rows = read_rows(path, ";")
        hdr = rows[0]
        for r in rows[1:]:
            code = r[0]
            if code == "NL00":
                continue
            if code not in areas:
                die("%s: onbekende gemeente %s" % (path, code))
            period = r[hdr.index("Perioden")]
            n = note + (" (voorlopig)" if period.endswith("*") else "")
            for m in maps(bron):
                put(m["indicator"], code, period.rstrip("*"), number(r[column(hdr, m["kolom"], path)], True), n)

    # Income 2020 (IIV) and car ownership 2023: title/footer lines around the table.
    path = os.path.join(stats, "cbs_inkomen_2020_gemeente_wijk_indeling2023.csv")
    for r in read_rows(path, ";"):
        if len(r) == 6 and r[0].startswith("GM") and r[1] == "Totaal":
            for m in maps("cbs_inkomen_2020_gemeente_wijk_indeling2023.csv"):
                put(m["indicator"], r[0], m["periode"], number(r[column([], m["kolom"], path)], True),
                    "CBS IIV 2020, indeling 2023")
    path = os.path.join(stats, "cbs_autobezit_per_huishouden_2023_gemeente.csv")
    rows = read_rows(path, ";")
    hdr = next(r for r in rows if len(r) == 3 and r[1] == "Gemeentecode")
    for r in rows:
        if len(r) == 3 and GM.match(r[1]):
            for m in maps("cbs_autobezit_per_huishouden_2023_gemeente.csv"):
                put(m["indicator"], r[1], m["periode"], number(r[column(hdr, m["kolom"], path)], True),
                    "CBS/RDW autobezit 1 januari 2023")

    # Area (2023 division).
    path = os.path.join(muni, "gemeenten_2023.csv")
    rows = read_rows(path, ",")
    hdr = rows[0]
    for r in rows[1:]:
        for m in maps("gemeenten_2023.csv"):
            put(m["indicator"], r[1], m["periode"], number(r[column(hdr, m["kolom"], path)], False),
                "CBS-oppervlakte via gdf.csv (Lars-Janssen)")

    # Iv3: one row per gemeente x taakveld, amounts in 1 000 euro; per inhabitant
    # with the file's own Inwonertal. Peer classes from the same files.
    for bron, kind in (("Analysedata_Iv3_2023_jaarrekening.csv", "jaarrekening"),
                       ("Analysedata_Iv3_2024_begroting.csv", "begroting")):
        path = os.path.join(fin, bron)
        rows = read_rows(path, ";")
        hdr = rows[0]
        ti, ii, gi = hdr.index("Taakveld"), hdr.index("Inwonertal"), hdr.index("Gemeenten")
        # A gemeente whose every lasten and baten amount is 0 did not report (the
        # tool wrote 0 for "no data": Vijfheerenlanden in both files): its amounts
        # are missing, not zero.
        amount_cols = [hdr.index("Lasten"), hdr.index("Baten")]
        reported = set()
        for r in rows[1:]:
            if any((number(r[c], False) or 0) != 0 for c in amount_cols):
                reported.add(r[gi])
        classes_done = set()
        for r in rows[1:]:
            if r[gi] == "Nederland":
                continue
            code = name_to_code.get(r[gi])
            if not code:
                die("%s: onbekende gemeente %r" % (path, r[gi]))
            inw = number(r[ii], False)
            tv_code, tv_label = r[ti].split(" ", 1)
            for m in maps(bron):
                ind = m["indicator"]
                col = column(hdr, m["kolom"], path)
                if "{taakveld}" not in ind:
                    # once per gemeente: a peer class or the file's own inwonertal
                    if (code, ind) in classes_done:
                        continue
                    classes_done.add((code, ind))
                    cell = r[col].strip()
                    v = None
                    if ind.startswith("klasse_"):
                        if cell:
                            v = CLASS_CODES[ind].get(cell)
                            if v is None:
                                die("%s: onbekende klasse %r" % (path, cell))
                    else:
                        v = number(cell, False)
                    put(ind, code, m["periode"], v, "Iv3 %s %s" % (kind, m["periode"]))
                    continue
                key = ind.replace("{taakveld}", tv_code.replace(".", "_"))
                if key not in defs:
                    what = "lasten" if "lasten" in ind else "baten"
                    label = tv_label.strip().rstrip(".").strip()
                    defs[key] = ("%s per inwoner, taakveld %s %s (%s %s)" % (
                        what.capitalize(), tv_code, label, kind, m["periode"]),
                        "Financiën", "euro per inwoner", "neutraal",
                        "%s op Iv3-taakveld %s (%s) volgens de %s %s, gedeeld door het "
                        "inwonertal in het bronbestand." % (what.capitalize(), tv_code, label,
                                                          kind, m["periode"]),
                        IV3_SOURCE, IV3_URL, IV3_LICENCE, iv3_warning(tv_code))
                note = "Iv3 %s %s" % (kind, m["periode"])
                v = number(r[col], False)
                if r[gi] not in reported:
                    v = None
                    note += "; geen bedragen in de bron (alle taakvelden 0)"
                if v is not None:
                    if not inw:
                        die("%s: geen inwonertal voor %s" % (path, r[gi]))
                    v = v * 1000.0 / inw
                put(key, code, m["periode"], v, note)

    # Invariants.
    for (key, area, period) in values:
        if area not in areas:
            die("waarde voor onbekend gebied %s" % area)
    utrecht = [c for c, (_, p) in areas.items() if p == "PV26"]
    if len(utrecht) != 26:
        die("verwacht 26 Utrechtse gemeenten, gevonden %d" % len(utrecht))
    used = {k for (k, _, _) in values}
    if used != set(defs):
        die("definities zonder waarden: %s" % sorted(set(defs) - used))

    def write(name, header, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())

    write("indicatoren.csv",
          ["key", "naam", "definitie", "eenheid", "thema", "bron", "bron_url", "licentie",
           "richting", "gebiedsniveau", "waarschuwing"],
          [[k, d[0], d[4], d[2], d[1], d[5], d[6], d[7], d[3], "gemeente", d[8]]
           for k, d in sorted(defs.items())])
    write("gebieden.csv", ["code", "naam", "niveau", "provincie"],
          [[c, n, "gemeente", p] for c, (n, p) in sorted(areas.items())])
    write("waarden.csv", ["indicator", "gebied", "periode", "waarde", "bron"],
          [[k, a, p, fmt(v), note] for (k, a, p), (v, note) in sorted(values.items())])
    check_domains(set(defs))
    print("build_indicatoren: %d indicatoren, %d gebieden, %d waarden (%d ontbrekend)" % (
        len(defs), len(areas), len(values), sum(1 for v, _ in values.values() if v is None)))


if __name__ == "__main__":
    main()
