#!/usr/bin/env bash
# bench/peer-directus.sh — compare the JSON list with Directus, a headless CMS
# a province might pick instead (issue 7). Not run by CI or `make bench`: it
# downloads about 1,100 npm packages (≈ 600 MB) and builds native modules.
#
# What it does, all in one temporary directory (removed at the end):
#   1. `npm view directus@11.3.5 version` — 11.3.5 is the last release that
#      supports Node 20 (this machine's Node); stops with the reason when the
#      registry does not have it;
#   2. `npm install --prefix TMP/directus --save-exact directus@11.3.5` (never
#      the repository's node_modules or package.json), then checks that the
#      installed version is exactly 11.3.5 and that the native sqlite3 driver
#      loads (it is built with node-gyp against /usr/include/node when no
#      prebuilt binary can be downloaded);
#   3. bootstraps Directus on SQLite (`directus bootstrap`, admin with a static
#      token), starts it on 127.0.0.1 and creates two collections shaped like
#      our summaries: `samenwerkingsverbanden` (id, naam, korteNaam, soort,
#      juridischeVorm, fase, beleidsdomeinen, actief, aantalDeelnemers,
#      laatstBevestigd, opmerking; naam and actief indexed) and `organisaties`; read
#      access for the public policy (anonymous, like our API);
#   4. builds the national registry as bench/national.sh does
#      (bench/gen_national.py, atlas import roo + seed), starts `atlas serve`,
#      creates a programmateam user with an API token for the writes,
#      reads all 3,000 collaborations and 2,178 organisations from our API
#      and loads them into Directus through its REST API (POST /items, 100
#      per request), then checks the counts;
#   5. runs the same list scenario on both with wrk (-t1 -c50, 2 s warm-up,
#      BENCH_DURATION): ours GET /api/v1/samenwerkingsverbanden?paginaGrootte=50
#      (active ones, sorted by name, with the total), Directus GET
#      /items/samenwerkingsverbanden?filter[actief][_eq]=true&sort=naam&limit=50
#      &meta=filter_count (the same page and the same count), with Directus'
#      response cache off (its default) and on (CACHE_ENABLED, memory store);
#   6. runs the mixed 95/5 read/write scenario on both (issue 16), with the
#      same three set-ups: ours bench/mixed.lua with MIXED_JSON_ONLY=1 (50 %
#      the list above, 45 % JSON detail of one of 40 collaborations, 5 %
#      authenticated PATCH of the text field "opmerking" of one of 10, with
#      If-Match after fetching the ETag; 412 counted apart), Directus
#      bench/directus-mixed.lua (the same list, GET /items/…/<key> of the
#      same keys, 5 % PATCH /items/…/<key> of the same field "opmerking" with
#      the admin token; Directus has no If-Match);
#   7. prints both tables with the ratios (goal on reads: ours ≥ 10×
#      Directus; on mixed work the ratio is reported) and replaces the
#      section between the markers in docs/benchmarks.md (unless
#      BENCH_NO_DOC=1).
#
# Exits non-zero, saying exactly why, when Directus cannot be installed or
# started here. Environment: BENCH_DURATION (10s), BENCH_CONNECTIONS (50),
# BENCH_WARMUP (2s), ATLAS_BIN (build/atlas), BENCH_NO_DOC=1, KEEP_TMP=1.
set -euo pipefail

cd "$(dirname "$0")/.."
VERSION=11.3.5
BIN=${ATLAS_BIN:-build/atlas}
DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-50}
WARMUP=${BENCH_WARMUP:-2s}

fail() {
	echo "peer-directus: $*" >&2
	exit 1
}
for tool in node npm wrk curl python3; do
	command -v "$tool" >/dev/null || fail "$tool is not installed"
done
[ -x "$BIN" ] || fail "$BIN missing; run 'make'"
BIN=$(realpath "$BIN")

TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-directus.XXXXXX")
D_PID=
A_PID=
stop_pid() {
	if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
		kill -TERM "$1" 2>/dev/null || true
		wait "$1" 2>/dev/null || true
	fi
}
cleanup() {
	stop_pid "$D_PID"
	stop_pid "$A_PID"
	if [ "${KEEP_TMP:-0}" = 1 ]; then echo "peer-directus: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

echo "Directus $VERSION tegenover de Samenwerkingsatlas (issue 7)"
# --- 1. does the registry have it? ---
if ! got=$(npm view "directus@$VERSION" version 2>"$TMP/npm-view.err") || [ "$got" != "$VERSION" ]; then
	fail "the npm registry ($(npm config get registry)) has no directus@$VERSION: $(tr '\n' ' ' <"$TMP/npm-view.err")${got:+ (got '$got')}"
fi
echo "  npm registry: directus@$got"

# --- 2. install into the temporary directory only ---
DIR=$TMP/directus
mkdir -p "$DIR"
printf '{ "name": "atlas-peer-directus", "private": true }\n' >"$DIR/package.json"
t0=$(date +%s)
if ! npm install --prefix "$DIR" --save-exact --no-audit --no-fund --loglevel=error \
	"directus@$VERSION" >"$TMP/npm-install.log" 2>&1; then
	tail -n 30 "$TMP/npm-install.log" >&2
	fail "npm install directus@$VERSION failed (log above)"
fi
installed=$(node -p "require('$DIR/node_modules/directus/package.json').version" 2>/dev/null || echo '?')
[ "$installed" = "$VERSION" ] || fail "npm installed directus $installed, not $VERSION"
if ! node -e "require('$DIR/node_modules/sqlite3')" 2>"$TMP/sqlite3.err"; then
	fail "Directus is installed but its native SQLite driver (npm sqlite3) does not load — no prebuilt binary could be downloaded and the node-gyp build failed or was skipped: $(head -n 3 "$TMP/sqlite3.err" | tr '\n' ' ')"
fi
echo "  npm install: directus@$installed in $(($(date +%s) - t0)) s ($(du -sm "$DIR/node_modules" | cut -f1) MB in node_modules); native sqlite3 driver loads"

# --- 3. bootstrap and start Directus on SQLite ---
D_PORT=$(free_port)
D_BASE=http://127.0.0.1:$D_PORT
D_TOKEN="peer-bench-$RANDOM$RANDOM$RANDOM"
mkdir -p "$TMP/drun/extensions" "$TMP/drun/uploads"
directus_env=(
	DB_CLIENT=sqlite3 "DB_FILENAME=$TMP/drun/data.db"
	"KEY=peer-bench-key-$RANDOM$RANDOM" "SECRET=peer-bench-secret-$RANDOM$RANDOM$RANDOM"
	ADMIN_EMAIL=admin@example.com "ADMIN_PASSWORD=peer-bench-$RANDOM$RANDOM$RANDOM" "ADMIN_TOKEN=$D_TOKEN"
	HOST=127.0.0.1 "PORT=$D_PORT" "PUBLIC_URL=$D_BASE" TELEMETRY=false LOG_LEVEL=warn
	"EXTENSIONS_PATH=$TMP/drun/extensions" "STORAGE_LOCAL_ROOT=$TMP/drun/uploads"
	RATE_LIMITER_ENABLED=false
	# Directus answers 503 ("under pressure") when its event loop is busy
	# (on by default); a throughput comparison needs every request served
	PRESSURE_LIMITER_ENABLED=false
)
env "${directus_env[@]}" "$DIR/node_modules/.bin/directus" bootstrap >"$TMP/bootstrap.log" 2>&1 ||
	{ tail -n 20 "$TMP/bootstrap.log" >&2; fail "directus bootstrap failed (log above)"; }
start_directus() { # extra env assignments for this run
	env "${directus_env[@]}" "$@" "$DIR/node_modules/.bin/directus" start >>"$TMP/directus.log" 2>&1 &
	D_PID=$!
	for _ in $(seq 120); do
		curl -fs -o /dev/null "$D_BASE/server/ping" && return 0
		kill -0 "$D_PID" 2>/dev/null || { tail -n 20 "$TMP/directus.log" >&2; fail "directus start exited (log above)"; }
		sleep 0.5
	done
	fail "Directus did not answer /server/ping within 60 s"
}
start_directus CACHE_ENABLED=false

# --- 4. the national registry, served by atlas ---
DB=$TMP/national.db
GEN_LINE=$(python3 bench/gen_national.py "$TMP/gen")
"$BIN" migrate --db "$DB" >/dev/null
"$BIN" import roo "$TMP/gen/people.xml" --db "$DB" >/dev/null
"$BIN" import seed --seed-dir "$TMP/gen/seed" --db "$DB" >/dev/null
echo "benchmark-wachtwoord-$$-$RANDOM" | "$BIN" user add bench --rol programmateam --naam "Benchmark" \
	--wachtwoord-stdin --db "$DB" >/dev/null
A_TOKEN=$("$BIN" user token bench --naam benchmark --db "$DB" 2>/dev/null | head -n1)
[ -n "$A_TOKEN" ] || fail "no atlas API token"
A_PORT=$(free_port)
A_BASE=http://127.0.0.1:$A_PORT
"$BIN" serve --db "$DB" --listen 127.0.0.1 --port "$A_PORT" >/dev/null 2>"$TMP/atlas.log" &
A_PID=$!
for _ in $(seq 200); do
	curl -fs -o /dev/null "$A_BASE/" && break
	kill -0 "$A_PID" 2>/dev/null || { cat "$TMP/atlas.log" >&2; fail "atlas serve exited"; }
	sleep 0.1
done
echo "  registry: $(sed 's/ → .*//; s/^gen_national: //' <<<"$GEN_LINE")"

# schema, public read access, and the data through Directus' REST API
LOAD_LINE=$(python3 - "$A_BASE" "$D_BASE" "$D_TOKEN" <<'PY'
import json, sys, time, urllib.request

atlas, directus, token = sys.argv[1:]

def call(method, url, body=None, auth=True):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if auth:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            raw = r.read()
            return json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        sys.exit(f"peer-directus: {method} {url} -> {e.code}: {e.read()[:500]!r}")

def atlas_all(path, key):
    items, page = [], 1
    while True:
        d = call("GET", f"{atlas}{path}&paginaGrootte=100&pagina={page}", auth=False)
        items += d[key]
        if page >= d["aantalPaginas"]:
            return items
        page += 1

def field(name, typ, pk=False, indexed=False):
    f = {"field": name, "type": typ, "meta": {}, "schema": {}}
    if pk:
        f["schema"] = {"is_primary_key": True, "is_nullable": False, "max_length": 64}
    elif indexed:
        f["schema"] = {"is_indexed": True}
    return f

collabs = atlas_all("/api/v1/samenwerkingsverbanden?status=alle", "samenwerkingsverbanden")
orgs = atlas_all("/api/v1/organisaties?status=alle", "organisaties")
for x in collabs + orgs:
    x.pop("_links", None)

call("POST", f"{directus}/collections", {
    "collection": "samenwerkingsverbanden", "meta": {}, "schema": {},
    "fields": [field("id", "string", pk=True), field("naam", "string", indexed=True),
               field("korteNaam", "string"), field("soort", "string"),
               field("juridischeVorm", "string"), field("fase", "string"),
               field("beleidsdomeinen", "json"), field("actief", "boolean", indexed=True),
               field("aantalDeelnemers", "integer"), field("laatstBevestigd", "date"),
               field("opmerking", "text")]})
call("POST", f"{directus}/collections", {
    "collection": "organisaties", "meta": {}, "schema": {},
    "fields": [field("code", "string", pk=True), field("naam", "string", indexed=True),
               field("soort", "string"), field("cbsCode", "string"), field("tooiCode", "string"),
               field("inProvincie", "boolean"), field("opgeheven", "boolean"),
               field("aantalActieveVerbanden", "integer")]})
# anonymous read, like our API (Directus 11: permissions belong to a policy)
pols = call("GET", f"{directus}/policies?fields=id,name&limit=-1")["data"]
public = [p["id"] for p in pols if p["name"] == "$t:public_label"]
if not public:
    sys.exit("peer-directus: no public policy in Directus")
for coll in ("samenwerkingsverbanden", "organisaties"):
    call("POST", f"{directus}/permissions", {"policy": public[0], "collection": coll,
                                             "action": "read", "fields": ["*"]})
t0 = time.time()
for coll, items in (("samenwerkingsverbanden", collabs), ("organisaties", orgs)):
    for i in range(0, len(items), 100):
        call("POST", f"{directus}/items/{coll}", items[i:i + 100])
secs = time.time() - t0
counts = []
for coll, items in (("samenwerkingsverbanden", collabs), ("organisaties", orgs)):
    d = call("GET", f"{directus}/items/{coll}?aggregate[count]=*", auth=False)
    n = int(d["data"][0]["count"] if isinstance(d["data"][0]["count"], (int, str)) else d["data"][0]["count"]["*"])
    if n != len(items):
        sys.exit(f"peer-directus: Directus holds {n} {coll}, expected {len(items)}")
    counts.append(n)
print(f"{counts[0]} samenwerkingsverbanden en {counts[1]} organisaties via POST /items geladen in {secs:.1f} s")
PY
) || fail "loading the registry into Directus failed"
echo "  Directus: $LOAD_LINE"

OUR_URL="/api/v1/samenwerkingsverbanden?paginaGrootte=50"
D_URL="/items/samenwerkingsverbanden?filter%5Bactief%5D%5B_eq%5D=true&sort=naam&limit=50&meta=filter_count"
# the same page: same ids in the same order, same total
python3 - "$A_BASE$OUR_URL" "$D_BASE$D_URL" <<'PY' || fail "Directus and atlas do not return the same page"
import json, sys, urllib.request
a = json.load(urllib.request.urlopen(sys.argv[1]))
d = json.load(urllib.request.urlopen(sys.argv[2]))
ids_a = [x["id"] for x in a["samenwerkingsverbanden"]]
ids_d = [x["id"] for x in d["data"]]
if ids_a != ids_d or a["totaal"] != d["meta"]["filter_count"]:
    sys.exit(f"atlas {ids_a[:3]}… totaal {a['totaal']}; Directus {ids_d[:3]}… filter_count {d['meta']['filter_count']}")
PY

to_ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}
rss_of() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo '?'; }
declare -A RPS MRPS MERR
ROWS=()
MROWS=()
measure() { # name url pid
	local out rps p50 p99 errs bytes
	bytes=$(curl -fs -o /dev/null -w '%{size_download}' "$2")
	wrk -t1 -c"$CONNS" -d"$WARMUP" "$2" >/dev/null
	out=$(wrk -t1 -c"$CONNS" -d"$DURATION" --latency "$2")
	rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	errs=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
	RPS[$1]=$rps
	ROWS+=("| $1 | $bytes | $rps | $p50 | $p99 | $errs | $(rss_of "$3") |")
	printf '  %-40s %8s req/s  p50 %7s ms  p99 %8s ms\n' "$1" "$rps" "$p50" "$p99"
}
# the mixed scenario: the same keys on both (bench/national.sh's choice)
WKEYS=
RKEYS=
MIXED_WK=
for i in $(seq 1 10); do
	k=testregeling-$(printf '%04d' $((1000 + 7 * i)))
	id=$(curl -fs -o /dev/null -D - "$A_BASE/api/v1/samenwerkingsverbanden/$k" |
		awk -F': ' 'tolower($1) == "etag" { gsub("\r", "", $2); print $2 }' | sed -E 's/^W?\/?"c([0-9]+)-.*/\1/')
	[ -n "$id" ] || fail "no ETag for $k"
	WKEYS+="$k "
	MIXED_WK+="$k=$id "
done
for i in $(seq 1 30); do RKEYS+="testregeling-$(printf '%04d' $((13 * i))) "; done
for k in $WKEYS $RKEYS; do
	curl -fs -o /dev/null "$D_BASE/items/samenwerkingsverbanden/$k" || fail "Directus has no item $k"
done
export MIXED_TOKEN=$A_TOKEN MIXED_WRITE_KEYS=$MIXED_WK MIXED_READ_KEYS=$RKEYS MIXED_JSON_ONLY=1
export DMIXED_TOKEN=$D_TOKEN DMIXED_LIST_URL=$D_URL DMIXED_WRITE_KEYS=$WKEYS DMIXED_READ_KEYS=$RKEYS
# Directus: updates of the collaborations recorded in its activity log (the
# writes it acknowledged; directus-mixed.lua cannot tell which reply is a PATCH's)
d_updates() {
	curl -fs -H "Authorization: Bearer $D_TOKEN" \
		"$D_BASE/activity?filter%5Baction%5D%5B_eq%5D=update&filter%5Bcollection%5D%5B_eq%5D=samenwerkingsverbanden&aggregate%5Bcount%5D=*" |
		python3 -c 'import json, sys; c = json.load(sys.stdin)["data"][0]["count"]; print(int(c["*"] if isinstance(c, dict) else c))' 2>/dev/null ||
		echo '?'
}
measure_mixed() { # name base-url script pid
	local out rps p50 p99 ml writes conflicts errs sock u0 u1
	wrk -t1 -c"$CONNS" -d"$WARMUP" -s "$3" "$2/" >/dev/null
	[[ "$3" == *directus* ]] && u0=$(d_updates)
	out=$(wrk -t1 -c"$CONNS" -d"$DURATION" --latency -s "$3" "$2/")
	[[ "$3" == *directus* ]] && u1=$(d_updates)
	rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	sock=$(awk '/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
	ml=$(grep -E '^(MIXED|DMIXED)' <<<"$out" || true)
	writes=$(sed -nE 's/.* patches=([0-9]+).*/\1/p' <<<"$ml")
	if [[ "$ml" == MIXED* ]]; then
		conflicts=$(sed -nE 's/.*conflicts_412=([0-9]+).*/\1/p' <<<"$ml")
		errs=$(sed -nE 's/.*other_non2xx=([0-9]+).*/\1/p' <<<"$ml")
		writes="$((${writes:-0} - ${conflicts:-0})) (+${conflicts:-?} × 412)"
	else
		errs=$(sed -nE 's/.* non2xx=([0-9]+).*/\1/p' <<<"$ml")
		if [ "$u0" != '?' ] && [ "$u1" != '?' ]; then
			writes="$((u1 - u0)) of ${writes:-?}"
		else
			writes="? of ${writes:-?} (activity log not readable)"
		fi
	fi
	MRPS[$1]=$rps
	MERR[$1]=$((${errs:-0} + sock))
	MROWS+=("| $1 | $rps | $p50 | $p99 | $writes | $((${errs:-0} + sock)) | $(rss_of "$4") |")
	printf '  %-40s %8s req/s  p50 %7s ms  p99 %8s ms  (gemengd 95/5: %s)\n' "$1" "$rps" "$p50" "$p99" "$ml"
}
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
measure "Samenwerkingsatlas (SQLite)" "$A_BASE$OUR_URL" "$A_PID"
measure_mixed "Samenwerkingsatlas (SQLite)" "$A_BASE" bench/mixed.lua "$A_PID"
stop_pid "$A_PID"
A_PID=
# Directus runs one Node process (no cluster mode by default)
measure "Directus $VERSION, cache uit (standaard)" "$D_BASE$D_URL" "$D_PID"
measure_mixed "Directus $VERSION, cache uit (standaard)" "$D_BASE" bench/directus-mixed.lua "$D_PID"
stop_pid "$D_PID"
start_directus CACHE_ENABLED=true CACHE_STORE=memory CACHE_AUTO_PURGE=true
measure "Directus $VERSION, cache aan (geheugen)" "$D_BASE$D_URL" "$D_PID"
measure_mixed "Directus $VERSION, cache aan (geheugen)" "$D_BASE" bench/directus-mixed.lua "$D_PID"
stop_pid "$D_PID"
D_PID=

ours=${RPS["Samenwerkingsatlas (SQLite)"]}
r_off=$(awk -v a="$ours" -v b="${RPS["Directus $VERSION, cache uit (standaard)"]}" 'BEGIN { printf "%.1f", b ? a / b : 0 }')
r_on=$(awk -v a="$ours" -v b="${RPS["Directus $VERSION, cache aan (geheugen)"]}" 'BEGIN { printf "%.1f", b ? a / b : 0 }')
goal() { awk -v r="$1" 'BEGIN { print (r >= 10 ? "gehaald" : "**NIET gehaald**") }'; }
ours_m=${MRPS["Samenwerkingsatlas (SQLite)"]}
m_off=$(awk -v a="$ours_m" -v b="${MRPS["Directus $VERSION, cache uit (standaard)"]}" 'BEGIN { printf "%.1f", b ? a / b : 0 }')
m_on=$(awk -v a="$ours_m" -v b="${MRPS["Directus $VERSION, cache aan (geheugen)"]}" 'BEGIN { printf "%.1f", b ? a / b : 0 }')
REV=$(git rev-parse --short HEAD 2>/dev/null || echo onbekend)
[ -n "$(git status --porcelain 2>/dev/null | head -n1)" ] && REV+=" (+ uncommitted changes)"
REPORT=$(
	cat <<EOF
Run $(date -u +%Y-%m-%dT%H:%MZ), git $REV, Node $(node --version), Directus $installed from npm on SQLite
(npm sqlite3 driver), one Node process; atlas on SQLite with default options. Machine:
$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores; load average $LOAD0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (shared machine).
Data: $(sed 's/ → .*//; s/^gen_national: //' <<<"$GEN_LINE"); in Directus: $LOAD_LINE.
wrk -t1 -c$CONNS -d$DURATION --latency after a $WARMUP warm-up. Both return the same 50 active collaborations
sorted by name with the total count (checked): ours \`$OUR_URL\`, Directus \`$D_URL\`.

| server | bytes | req/s | p50 ms | p99 ms | errors | RSS MB |
|---|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${ROWS[@]}")

Ratio (goal ≥ 10×): $r_off× Directus with its cache off (default) — $(goal "$r_off"); $r_on× with its memory cache on — $(goal "$r_on").

Mixed 95/5 (issue 16), same connections and duration: ours \`bench/mixed.lua\` with MIXED_JSON_ONLY=1 (50 % the list
above, 45 % the JSON detail of one of 40 collaborations, 5 % PATCH of the text field \`opmerking\` of one of 10 of
them with If-Match after fetching the ETag; 412 = a concurrent write got there first, not an error), Directus
\`bench/directus-mixed.lua\` (the same list, \`GET /items/samenwerkingsverbanden/<key>\` of the same keys, 5 % \`PATCH\`
of the same field with the admin token; Directus has no If-Match, so no conflicts; its cache, when on, is purged on
every write, CACHE_AUTO_PURGE). Writes acknowledged: ours PATCHes sent minus 412s; Directus the updates its activity
log recorded during the run, "of" the PATCHes sent. Directus' pressure limiter (503 when its event loop is busy) is
off, so every request is served.

| server | req/s | p50 ms | p99 ms | writes acknowledged | errors | RSS MB |
|---|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${MROWS[@]}")

Ratio on mixed work: $m_off× Directus with its cache off (default) ($r_off× on reads); $m_on× with its memory cache on ($r_on× on reads).$(
	n=0
	for k in "${!MERR[@]}"; do n=$((n + MERR[$k])); done
	[ "$n" = 0 ] || echo " **$n mixed requests failed** (column errors): those ratios count failed requests as work.")
EOF
)
echo
echo "$REPORT"
if [ "${BENCH_NO_DOC:-0}" != 1 ]; then
	DOC=docs/benchmarks.md
	BEGIN='<!-- directus-bench:begin (bench/peer-directus.sh replaces this section) -->'
	END='<!-- directus-bench:end -->'
	if ! grep -qF "$BEGIN" "$DOC"; then
		printf '\n### Compared with Directus (bench/peer-directus.sh)\n\n%s\n%s\n' "$BEGIN" "$END" >>"$DOC"
	fi
	printf '%s\n' "$REPORT" >"$TMP/report.md"
	python3 - "$DOC" "$BEGIN" "$END" "$TMP/report.md" <<'PY'
import sys
doc, begin, end, rep = sys.argv[1:]
text = open(doc, encoding="utf-8").read()
a = text.index(begin) + len(begin)
b = text.index(end, a)
body = open(rep, encoding="utf-8").read().strip()
open(doc, "w", encoding="utf-8").write(text[:a] + "\n" + body + "\n" + text[b:])
PY
	echo "(section \"Compared with Directus\" in $DOC updated)"
fi
