#!/usr/bin/env python3
"""Check a chain of change-set folders against the seed and report the merged result.

Usage (from the project root, Python 3 standard library only):

    python3 scripts/check-changeset.py [--seed data/seed] [--min-confidence medium]
                                       [--gaps] FOLDER [FOLDER ...]

Each FOLDER is a change set in the format of `registry/utrecht-2026` (see its
SOURCES.md): `sources.csv`, `new_organisations.csv`, `organisation_changes.csv`,
`new_collaborations.csv`, `collaboration_changes.csv`, `new_participations.csv`,
`participation_changes.csv`. Every file is optional. The folders are applied in
the order given, each on top of the result of the previous ones, in the order
sources -> new organisations -> organisation changes -> new collaborations ->
collaboration changes -> new participations -> participation changes ->
membership statements. A later row for the same record and field wins.

Checks: headers, UTF-8 without BOM, LF line ends, field counts, ids and keys
that exist (in the seed or in an earlier/same folder's new records), source ids
that exist with the same URL, vocabularies, ISO dates, confidence, source_date
equal to the source's reference_date, sources used, no source id defined twice,
no row that repeats an earlier folder's change (same record, field and value),
no (record, field) set twice in one folder, purpose at most 200 characters,
and after applying: every `current_participants` list equals the participations
without `left`. Rows below --min-confidence are checked but not applied.

With --gaps it prints, for every active collaboration of the merged result
(no `end_date` and `phase` not `beeindigd`), which of legal_form, start_date,
seat, purpose and phase are still empty, plus the low rows that exist for them.

Nothing is written. Exit code 0 = all checks passed.
"""
import argparse
import csv
import os
import re
import sys

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a file-system path (a value copied from someone's disk): a slash at the
# start of the value or after a space, followed by at least two directory
# names — URLs ("https://…") and "en/of" do not match
ABS_PATH = re.compile(r"(?:^|\s)/[\w.-]+/[\w.-]+")
KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s]+$")
CONF = ["low", "medium", "high"]
ORG_KIND = {"province", "municipality", "water_board", "joint_arrangement_body", "national", "other"}
COLL_KIND = {"joint_arrangement", "private_law", "network"}
LEGAL = {"", "OL", "GO", "BVO", "CC", "RZM", "stichting", "vereniging", "bv", "nv", "cooperatie",
         "convenant", "netwerk"}
PHASE = {"", "initiatief", "groei", "stabilisatie", "transformatie", "beeindigd"}
BODY = {"", "raad", "college", "burgemeester", "algemeen_bestuur"}
ROLE = {"deelnemer", "centrumgemeente", "penvoerder", "trekker", "toehoorder"}
ORG_FIELDS = {"name", "valid_from", "valid_to", "successor_code", "tooi", "cbs_code", "ended", "note",
              "source_id"}
COLL_FIELDS = {"name", "short_name", "legal_form", "phase", "purpose", "seat", "start_date", "end_date",
               "website", "note", "source_id", "current_participants", "participants_body"}
ACTIONS = {"add", "end", "update"}
SRC_HEADER = ["id", "title", "publisher", "url", "licence", "attribution", "reference_date", "retrieved",
              "note"]
CHANGE_META = ["source_id", "source_url", "source_date", "confidence", "note"]
ORG_CH_HEADER = ["code", "field", "new_value"] + CHANGE_META
COLL_CH_HEADER = ["key", "field", "new_value"] + CHANGE_META
PAR_CH_HEADER = ["collaboration_key", "organisation_code", "action", "date", "body", "role"] + CHANGE_META
GAP_FIELDS = ["legal_form", "start_date", "seat", "purpose", "phase"]

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def read(path, required=True):
    if not os.path.exists(path):
        if required:
            err("%s: missing" % path)
        return None, []
    with open(path, "rb") as f:
        data = f.read()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % path)
        raw = data.decode("utf-8", "replace")
    if raw.startswith("\ufeff"):
        err("%s: has a BOM" % path)
        raw = raw[1:]
    if "\r" in raw:
        err("%s: has CR line ends" % path)
    rows = list(csv.reader(raw.splitlines()))
    if not rows:
        err("%s: empty file" % path)
        return [], []
    header, body = rows[0], rows[1:]
    out = []
    for i, r in enumerate(body, 2):
        if len(r) != len(header):
            err("%s line %d: %d fields, header has %d" % (path, i, len(r), len(header)))
            continue
        d = dict(zip(header, r))
        d["_where"] = "%s line %d" % (os.path.relpath(path), i)
        out.append(d)
    return header, out


class State:
    """The merged registry while the folders are applied."""

    def __init__(self, seed):
        p = lambda n: os.path.join(seed, n)
        self.org_h, org = read(p("organisations.csv"))
        self.col_h, col = read(p("collaborations.csv"))
        self.par_h, par = read(p("participations.csv"))
        _, src = read(p("sources.csv"))
        _, dom = read(p("domains.csv"))
        self.sources = {s["id"]: s for s in src}
        self.domains = {d["key"] for d in dom}
        self.orgs = {o["code"]: o for o in org}
        self.cols = {c["key"]: c for c in col}
        self.pars = {(x["collaboration_key"], x["organisation_code"]): x for x in par}
        # (kind, id, field) -> (value, folder, confidence) of every change row seen so far
        self.changes = {}
        # (key, field) -> low rows not applied, for the gap report
        self.low = {}
        self.applied = 0
        self.skipped = 0


def check_folder(st, folder, minc):
    f = lambda n: os.path.join(folder, n)
    name = os.path.basename(os.path.normpath(folder))
    src_h, src = read(f("sources.csv"), required=False)
    no_h, new_org = read(f("new_organisations.csv"), required=False)
    oc_h, org_ch = read(f("organisation_changes.csv"), required=False)
    nc_h, new_col = read(f("new_collaborations.csv"), required=False)
    cc_h, col_ch = read(f("collaboration_changes.csv"), required=False)
    np_h, new_par = read(f("new_participations.csv"), required=False)
    pc_h, par_ch = read(f("participation_changes.csv"), required=False)
    meta = ["source_url", "source_date", "confidence"]
    if src_h is not None and src_h != SRC_HEADER:
        err("%s/sources.csv: header differs from the seed's" % name)
    if no_h is not None and no_h != st.org_h + meta:
        err("%s/new_organisations.csv: columns must be the seed's plus %s" % (name, ", ".join(meta)))
    if nc_h is not None and nc_h != st.col_h + meta:
        err("%s/new_collaborations.csv: columns must be the seed's plus %s" % (name, ", ".join(meta)))
    if np_h is not None and np_h != st.par_h + meta:
        err("%s/new_participations.csv: columns must be the seed's plus %s" % (name, ", ".join(meta)))
    for h, want, fn in ((oc_h, ORG_CH_HEADER, "organisation_changes"), (cc_h, COLL_CH_HEADER, "collaboration_changes"),
                        (pc_h, PAR_CH_HEADER, "participation_changes")):
        if h is not None and h != want:
            err("%s/%s.csv: header must be %s" % (name, fn, ",".join(want)))

    own_src = []
    for s in src:
        w = s["_where"]
        if s["id"] in st.sources:
            err("%s: source id %s already exists (seed or earlier folder)" % (w, s["id"]))
        if not KEY.match(s["id"]):
            err("%s: bad source id %s" % (w, s["id"]))
        for k in SRC_HEADER[1:]:
            if not s[k]:
                err("%s: empty %s" % (w, k))
        for k in ("reference_date", "retrieved"):
            if s[k] and not DATE.match(s[k]):
                err("%s: bad %s %r" % (w, k, s[k]))
        if s["url"] and not URL.match(s["url"]):
            err("%s: bad url %r" % (w, s["url"]))
        st.sources[s["id"]] = s
        own_src.append(s["id"])

    used, notes = set(), []

    def common(r, date_cols):
        w = r["_where"]
        sid = r["source_id"]
        used.add(sid)
        notes.append(r.get("note", ""))
        if sid not in st.sources:
            err("%s: unknown source_id %s" % (w, sid))
        elif r["source_url"] != st.sources[sid]["url"]:
            err("%s: source_url differs from the url of source %s" % (w, sid))
        if r["confidence"] not in CONF:
            err("%s: bad confidence %r" % (w, r["confidence"]))
        if r["source_date"] and not DATE.match(r["source_date"]):
            err("%s: bad source_date %r" % (w, r["source_date"]))
        if r["source_date"] and sid in st.sources and r["source_date"] != st.sources[sid]["reference_date"]:
            err("%s: source_date differs from the reference_date of source %s" % (w, sid))
        for k in date_cols:
            if r.get(k) and not DATE.match(r[k]):
                err("%s: bad date in %s: %r" % (w, k, r[k]))
        for k, v in r.items():
            if k == "_where":
                continue
            if v != v.strip():
                err("%s: untrimmed %s" % (w, k))
            if ABS_PATH.search(v):
                err("%s: machine path in %s" % (w, k))

    def ok(r):
        return r["confidence"] in CONF and CONF.index(r["confidence"]) >= minc

    seen_here = set()

    def track(kind, ident, field, r):
        """Record a change; complain about repeats of earlier folders and double rows in this one."""
        k = (kind, ident, field)
        if field not in ("current_participants", "participants_body"):
            if k in seen_here:
                err("%s: %s %s.%s is set twice in this folder" % (r["_where"], kind, ident, field))
            seen_here.add(k)
        prev = st.changes.get(k)
        if prev and prev[1] != name and prev[0] == r["new_value"] and prev[2] == r["confidence"]:
            err("%s: repeats the %s row of %s for %s.%s (same value and confidence)"
                % (r["_where"], prev[1], kind, ident, field))
        st.changes[k] = (r["new_value"], name, r["confidence"])

    # ---- new organisations
    for o in new_org:
        w = o["_where"]
        common(o, ["valid_from", "valid_to", "population_date", "last_confirmed"])
        if o["code"] in st.orgs:
            err("%s: organisation %s already exists" % (w, o["code"]))
        if not KEY.match(o["code"]) or len(o["code"]) > 80:
            err("%s: bad code" % w)
        if o["kind"] not in ORG_KIND or o["ended"] not in ("0", "1") or o["in_province"] not in ("0", "1"):
            err("%s: bad kind/ended/in_province" % w)
        if o["source_id"] in st.sources and o["last_confirmed"] != st.sources[o["source_id"]]["reference_date"]:
            err("%s: last_confirmed must equal the source's reference_date" % w)
        if o["confidence"] == "low":
            err("%s: a new record carries only high or medium facts (put doubtful fields in change rows)" % w)
        st.orgs[o["code"]] = o

    # ---- organisation changes
    for r in org_ch:
        w = "%s (%s.%s)" % (r["_where"], r["code"], r["field"])
        common(r, [])
        if r["code"] not in st.orgs:
            err("%s: unknown organisation" % w)
            continue
        v = r["new_value"]
        if r["field"] not in ORG_FIELDS:
            err("%s: field not allowed" % w)
        if r["field"] in ("valid_from", "valid_to") and not DATE.match(v):
            err("%s: not a date" % w)
        if r["field"] == "successor_code" and v not in st.orgs:
            err("%s: unknown successor" % w)
        if r["field"] == "ended" and v not in ("0", "1"):
            err("%s: ended must be 0/1" % w)
        if r["field"] == "tooi" and not re.match(r"^(gm|pv|ws)\d{4}$|^pv\d{2}$", v):
            err("%s: odd tooi %r" % (w, v))
        if r["field"] == "source_id" and v != r["source_id"]:
            err("%s: new_value must equal the row's source_id" % w)
        track("organisation", r["code"], r["field"], r)
        if ok(r):
            st.orgs[r["code"]][r["field"]] = v
            st.applied += 1
        else:
            st.skipped += 1

    # ---- new collaborations
    for c in new_col:
        w = c["_where"]
        common(c, ["start_date", "end_date", "last_confirmed"])
        if c["key"] in st.cols:
            err("%s: collaboration %s already exists" % (w, c["key"]))
        if not KEY.match(c["key"]) or c["kind"] not in COLL_KIND or c["legal_form"] not in LEGAL \
                or c["phase"] not in PHASE:
            err("%s: bad key/kind/legal_form/phase" % w)
        if not c["domains"] or any(d not in st.domains for d in c["domains"].split(";")):
            err("%s: bad domains" % w)
        if c["confidence"] == "low":
            err("%s: a new record carries only high or medium facts (put doubtful fields in change rows)" % w)
        st.cols[c["key"]] = c

    # ---- collaboration changes (record fields; membership statements after the participations)
    member_rows = []
    for r in col_ch:
        w = "%s (%s.%s)" % (r["_where"], r["key"], r["field"])
        common(r, [])
        if r["key"] not in st.cols:
            err("%s: unknown collaboration" % w)
            continue
        fld, v = r["field"], r["new_value"]
        if fld not in COLL_FIELDS:
            err("%s: field not allowed" % w)
        if fld in ("start_date", "end_date") and not DATE.match(v):
            err("%s: not a date" % w)
        if (fld == "legal_form" and v not in LEGAL) or (fld == "phase" and v not in PHASE):
            err("%s: value %r not in the vocabulary" % (w, v))
        if fld == "participants_body" and v not in BODY:
            err("%s: bad body" % w)
        if fld == "source_id" and v != r["source_id"]:
            err("%s: new_value must equal the row's source_id" % w)
        if fld == "website" and not URL.match(v):
            err("%s: bad website %r" % (w, v))
        if fld == "purpose" and len(v) > 200:
            warn("%s: purpose longer than 200 characters (%d)" % (w, len(v)))
        if fld in ("name", "purpose", "seat") and not v:
            err("%s: empty %s" % (w, fld))
        track("collaboration", r["key"], fld, r)
        if fld in ("current_participants", "participants_body"):
            member_rows.append(r)
            continue
        if ok(r):
            st.cols[r["key"]][fld] = v
            st.low.pop((r["key"], fld), None)
            st.applied += 1
        else:
            st.low.setdefault((r["key"], fld), []).append("%s (%s)" % (v, name))
            st.skipped += 1

    # ---- new participations
    for p in new_par:
        w = p["_where"]
        common(p, ["joined", "left", "last_confirmed"])
        k = (p["collaboration_key"], p["organisation_code"])
        if k[0] not in st.cols or k[1] not in st.orgs:
            err("%s: unknown collaboration or organisation %s/%s" % (w, k[0], k[1]))
        if p["body"] not in BODY or p["role"] not in ROLE:
            err("%s: bad body/role" % w)
        if k in st.pars:
            err("%s: duplicate participation %s/%s" % (w, k[0], k[1]))
        if p["confidence"] == "low":
            err("%s: a new record carries only high or medium facts (use a low participation_changes row)" % w)
        st.pars[k] = p
    for c in new_col:
        if not any(k[0] == c["key"] for k in st.pars):
            err("%s: new collaboration %s has no participants" % (name, c["key"]))

    # ---- participation changes
    for r in par_ch:
        k = (r["collaboration_key"], r["organisation_code"])
        w = "%s (%s/%s %s)" % (r["_where"], k[0], k[1], r["action"])
        common(r, ["date"])
        if k[0] not in st.cols or k[1] not in st.orgs:
            err("%s: unknown collaboration or organisation" % w)
            continue
        if r["action"] not in ACTIONS or r["body"] not in BODY or (r["role"] and r["role"] not in ROLE):
            err("%s: bad action/body/role" % w)
        if r["action"] == "add" and k in st.pars:
            err("%s: participation already exists" % w)
        if r["action"] in ("end", "update") and k not in st.pars:
            err("%s: participation does not exist" % w)
        if r["action"] == "end" and not r["date"]:
            err("%s: end needs a date" % w)
        if not ok(r):
            st.skipped += 1
            continue
        st.applied += 1
        if r["action"] == "add":
            st.pars[k] = dict(collaboration_key=k[0], organisation_code=k[1], body=r["body"],
                              role=r["role"] or "deelnemer", joined=r["date"], left="",
                              source_id=r["source_id"])
        elif r["action"] == "end":
            st.pars[k]["left"] = r["date"]
        else:
            if r["body"]:
                st.pars[k]["body"] = r["body"]
            if r["role"]:
                st.pars[k]["role"] = r["role"]

    # ---- membership statements
    for r in member_rows:
        w = "%s (%s.%s)" % (r["_where"], r["key"], r["field"])
        current = sorted(o for (c, o), p in st.pars.items() if c == r["key"] and not p.get("left"))
        if r["field"] == "current_participants":
            listed = r["new_value"].split(";")
            if len(set(listed)) != len(listed) or any(o not in st.orgs for o in listed):
                err("%s: duplicate or unknown organisation in the list" % w)
            if ok(r) and sorted(listed) != current:
                err("%s: list %s != current participations after the changes %s" % (w, sorted(listed), current))
        if ok(r):
            for (c, o), p in st.pars.items():
                if c == r["key"] and not p.get("left"):
                    if r["field"] == "participants_body":
                        p["body"] = r["new_value"]
                    else:
                        p["source_id"] = r["source_id"]
            st.applied += 1
        else:
            st.skipped += 1

    # ---- every source of this folder is used (by source_id, or named in a note)
    joined_notes = " ".join(notes)
    for sid in own_src:
        if sid not in used and sid not in joined_notes:
            err("%s/sources.csv: %s is never referenced" % (name, sid))

    print("%s: sources %d, new_organisations %d, organisation_changes %d, new_collaborations %d, "
          "collaboration_changes %d, new_participations %d, participation_changes %d"
          % (name, len(src), len(new_org), len(org_ch), len(new_col), len(col_ch), len(new_par), len(par_ch)))


def active(c):
    return not c.get("end_date") and c.get("phase") != "beeindigd"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", help="change-set folders, applied in this order")
    ap.add_argument("--seed", default="data/seed", help="the project's data/seed directory")
    ap.add_argument("--min-confidence", default="medium", choices=CONF,
                    help="rows below this confidence are checked but not applied")
    ap.add_argument("--gaps", action="store_true",
                    help="list the empty key fields of every active collaboration after merging")
    a = ap.parse_args()
    minc = CONF.index(a.min_confidence)
    st = State(a.seed)
    for folder in a.folders:
        if not os.path.isdir(folder):
            err("%s: not a folder" % folder)
            continue
        check_folder(st, folder, minc)

    for o in st.orgs.values():
        if o.get("successor_code") and o["successor_code"] not in st.orgs:
            err("merged: successor of %s unknown" % o["code"])
    for (c, o) in st.pars:
        if c not in st.cols or o not in st.orgs:
            err("merged: dangling participation %s/%s" % (c, o))

    print("applied %d change rows, skipped %d below '%s' confidence" % (st.applied, st.skipped, a.min_confidence))
    print("merged: %d organisations, %d collaborations, %d participations"
          % (len(st.orgs), len(st.cols), len(st.pars)))
    act = sorted(k for k, c in st.cols.items() if active(c))
    print("active collaborations: %d" % len(act))
    for fld in GAP_FIELDS:
        print("  without %s: %d" % (fld, sum(1 for k in act if not st.cols[k].get(fld))))
    if a.gaps:
        print("gaps (active collaborations; low rows in brackets):")
        for k in act:
            c = st.cols[k]
            miss = []
            for fld in GAP_FIELDS:
                if not c.get(fld):
                    low = st.low.get((k, fld))
                    miss.append(fld + (" [low: %s]" % "; ".join(low) if low else ""))
            print("  %s: %s" % (k, ", ".join(miss) if miss else "complete"))
    for w in warnings:
        print("warning: " + w)
    if errors:
        print("%d ERROR(S):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
