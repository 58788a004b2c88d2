#!/usr/bin/env bash
# bench/national.sh — the national-scale benchmark of issue 7 (SQLite store).
#
# Builds a synthetic national registry in a temporary directory
# (bench/gen_national.py: 12 provinces, 342 gemeenten, 21 water boards, 3,000
# collaborations with 2–30 participants, 20,000 people with seats; loaded
# with `atlas import roo` and `atlas import seed`), starts `atlas serve` on
# 127.0.0.1 on a free port, creates a programmateam user and API token with
# the CLI and runs wrk (-t1 -c50 --latency, 2 s warm-up, BENCH_DURATION per
# scenario) on: the JSON list (paginaGrootte=50), one collaboration page,
# an organisation page, the map data, the overlap analysis, search, a mixed
# 95/5 read/write scenario (bench/mixed.lua) and a static file of similar
# size as the ceiling. Per scenario: req/s, p50/p99/max, non-2xx, server RSS
# and server CPU µs per request (utime+stime from /proc/PID/stat around the
# measured run). Also times one snapshot rebuild (a PATCH on the idle
# server) and the overlap analysis uncached. Prints one table, checks the
# targets and replaces the section between the markers in
# docs/benchmarks.md ("## National scale (issue 7)"; created once).
#
# Only SQLite: there is no PostgreSQL store yet. A benchmark, not a test:
# exits 0 whatever the figures (non-zero only on set-up failure). Builds
# nothing (`make bench` builds first). Environment: BENCH_DURATION (10s),
# BENCH_CONNECTIONS (50), BENCH_THREADS (1), BENCH_WARMUP (2s), ATLAS_BIN,
# BENCH_SERVER_ARGS, BENCH_NO_DOC=1 (do not touch docs/benchmarks.md).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-1}
WARMUP=${BENCH_WARMUP:-2s}
read -r -a SERVER_ARGS <<<"${BENCH_SERVER_ARGS:-}"
for tool in wrk curl python3; do
	command -v "$tool" >/dev/null || { echo "national: $tool is not installed" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "national: $BIN missing; run 'make bench'" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-national.XXXXXX")
PID=
cleanup() {
	if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
		kill -TERM "$PID" 2>/dev/null || true
		wait "$PID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

echo "Landelijke schaal (issue 7, alleen SQLite):"
DB=$TMP/national.db
GEN_LINE=$(python3 bench/gen_national.py "$TMP/gen")
echo "  $GEN_LINE"
"$BIN" migrate --db "$DB" >/dev/null
"$BIN" import roo "$TMP/gen/people.xml" --db "$DB" >"$TMP/roo.txt"
"$BIN" import seed --seed-dir "$TMP/gen/seed" --db "$DB" >"$TMP/seed.txt"
echo "benchmark-wachtwoord-$$-$RANDOM" | "$BIN" user add bench --rol programmateam --naam "Benchmark" \
	--wachtwoord-stdin --db "$DB" >/dev/null
TOKEN=$("$BIN" user token bench --naam benchmark --db "$DB" 2>/dev/null | head -n1)
[ -n "$TOKEN" ] || { echo "national: no API token" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT
# access log on (as in production) but to /dev/null; stderr (snapshot log) kept
start_server() {
	"$BIN" serve --db "$DB" --listen 127.0.0.1 --port "$PORT" ${SERVER_ARGS[@]+"${SERVER_ARGS[@]}"} \
		>/dev/null 2>>"$TMP/server.log" &
	PID=$!
	for _ in $(seq 200); do
		curl -fs -o /dev/null "$BASE/" && return 0
		kill -0 "$PID" 2>/dev/null || { echo "national: server exited:" >&2; cat "$TMP/server.log" >&2; exit 1; }
		sleep 0.1
	done
	echo "national: server not ready after 20 s" >&2
	exit 1
}
start_server
grep -m1 'snapshot v' "$TMP/server.log" | sed 's/^.*snapshot/  snapshot/'
echo "  personen/zetels: $(grep -E '^(personen|zetels):' "$TMP/roo.txt" | tr '\n' ' ')"

etag_of() { curl -fs -o /dev/null -D - "$BASE$1" | awk -F': ' 'tolower($1) == "etag" { gsub("\r", "", $2); print $2 }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
patch_once() { # key etag → "status seconds"
	curl -s -o /dev/null -w '%{http_code} %{time_total}' -X PATCH -H "Authorization: Bearer $TOKEN" \
		-H "If-Match: $2" -H 'Content-Type: application/merge-patch+json' \
		-d '{"opmerking":"Synthetische benchmarkwijziging"}' "$BASE/api/v1/samenwerkingsverbanden/$1"
}

# --- cost of one write: PATCH on the idle server (write + audit + the
# synchronous snapshot rebuild of server_snapshot_changed()) vs. a GET ---
WRITE_TIMES=()
for i in 1 2 3 4 5; do
	k=testregeling-$(printf '%04d' $((100 + i)))
	e=$(etag_of "/api/v1/samenwerkingsverbanden/$k")
	read -r code secs <<<"$(patch_once "$k" "$e")"
	[ "$code" = 200 ] || echo "national: PATCH $k gave $code" >&2
	WRITE_TIMES+=("$secs")
done
PATCH_MS=$(ms "$(printf '%s\n' "${WRITE_TIMES[@]}" | median)")
GET_MS=$(ms "$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/samenwerkingsverbanden/testregeling-0101")")

# --- overlap analysis, uncached: first request after a write (new snapshot) ---
OVL_TIMES=()
for i in 1 2 3; do
	k=testregeling-$(printf '%04d' $((200 + i)))
	patch_once "$k" "$(etag_of "/api/v1/samenwerkingsverbanden/$k")" >/dev/null
	OVL_TIMES+=("$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/analyse/overlap")")
done
OVL_MS=$(ms "$(printf '%s\n' "${OVL_TIMES[@]}" | median)")
OVL_CACHED_MS=$(ms "$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/analyse/overlap")")
OVL_BENCH=
if [ -x build/bench/overlap_bench ]; then
	OVL_BENCH=$(build/bench/overlap_bench 2>/dev/null | grep -iE 'median|mediaan' | head -n1 || true)
fi

# --- a collaboration page, uncached: first request after a write ---
PAGE_COLD=()
for i in 1 2 3; do
	k=testregeling-$(printf '%04d' $((300 + i)))
	patch_once "$k" "$(etag_of "/api/v1/samenwerkingsverbanden/$k")" >/dev/null
	PAGE_COLD+=("$(curl -s -o /dev/null -w '%{time_total}' "$BASE/samenwerkingsverbanden/testregeling-0001")")
done
PAGE_COLD_MS=$(ms "$(printf '%s\n' "${PAGE_COLD[@]}" | median)")

size_of() { curl -fs -o /dev/null -w '%{size_download}' "$BASE$1"; }
JSON_URL="/api/v1/samenwerkingsverbanden?paginaGrootte=50"
JSON_SIZE=$(size_of "$JSON_URL")
STATIC_URL=
best=
for u in $(curl -fs "$BASE/" | grep -oE '(href|src)="/static/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
	s=$(size_of "$u") || continue
	d=$(awk -v a="$s" -v b="$JSON_SIZE" 'BEGIN { x = log((a + 1) / (b + 1)); if (x < 0) x = -x; printf "%d", x * 1000 }')
	if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; STATIC_URL=$u; fi
done
[ -n "$STATIC_URL" ] || { echo "national: no /static/ file linked from /" >&2; exit 1; }

# write keys for the mixed scenario: key=id from the ETag "c<id>-v..."
WRITE_KEYS=
for i in $(seq 1 10); do
	k=testregeling-$(printf '%04d' $((1000 + 7 * i)))
	id=$(etag_of "/api/v1/samenwerkingsverbanden/$k" | sed -E 's/^W?\/?"c([0-9]+)-.*/\1/')
	WRITE_KEYS+="$k=$id "
done
READ_KEYS=
for i in $(seq 1 30); do READ_KEYS+="testregeling-$(printf '%04d' $((13 * i))) "; done

CLK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$PID/stat"; }
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$PID/status"; }
to_ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}

# name|path|lua script (optional)
SCENARIOS=(
	"JSON-lijst (50)|$JSON_URL|"
	"Samenwerkingspagina|/samenwerkingsverbanden/testregeling-0001|"
	"Organisatiepagina|/organisaties/gm8005|"
	"Kaartdata|/api/v1/kaart|"
	"Overlapanalyse|/api/v1/analyse/overlap|"
	"Zoeken|/zoeken?q=test|"
	"Gemengd 95/5|/|bench/mixed.lua"
	"Statisch bestand|$STATIC_URL|"
)
export MIXED_TOKEN=$TOKEN MIXED_WRITE_KEYS=$WRITE_KEYS MIXED_READ_KEYS=$READ_KEYS
ROWS=()
CRASHES=()
HWM_MAX=0
declare -A RPS P99 ERR
MIXED_LINE=
for s in "${SCENARIOS[@]}"; do
	IFS='|' read -r name path script <<<"$s"
	args=(-t"$THREADS" -c"$CONNS")
	[ -n "$script" ] && args+=(-s "$script")
	bytes=$([ -n "$script" ] && echo "–" || size_of "$path")
	wrk "${args[@]}" -d"$WARMUP" "$BASE$path" >/dev/null
	c0=$(cpu_ticks)
	out=$(wrk "${args[@]}" -d"$DURATION" --latency "$BASE$path")
	c1=$(cpu_ticks 2>/dev/null || echo "$c0")
	if ! kill -0 "$PID" 2>/dev/null; then
		wait "$PID" 2>/dev/null && st=0 || st=$?
		CRASHES+=("$name: server died during the run (exit status $st$([ "$st" -gt 128 ] && echo ", signal $((st - 128))" || true)); restarted for the next scenario")
		echo "national: server died during '$name' (status $st); restarting" >&2
		rss="–"
		start_server
	else
		rss=$(rss_mb)
		HWM_MAX=$(awk -v m="$HWM_MAX" '/^VmHWM:/ { h = $2 / 1024; printf "%.1f", (h > m ? h : m) }' "/proc/$PID/status")
	fi
	reqs=$(awk '/requests in/ { print $1 }' <<<"$out")
	rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	max=$(to_ms "$(awk '$1 == "Latency" { print $4 }' <<<"$out")")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' <<<"$out")
	sock=$(awk '/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
	cpu=$(awk -v d=$((c1 - c0)) -v hz="$CLK" -v n="$reqs" 'BEGIN { printf "%.0f", n ? d * 1e6 / hz / n : 0 }')
	errs="$non2xx"
	[ "$sock" != 0 ] && errs+=" (+$sock socket)"
	if [ -n "$script" ]; then
		MIXED_LINE=$(grep '^MIXED' <<<"$out" || true)
		conflicts=$(sed -nE 's/.*conflicts_412=([0-9]+).*/\1/p' <<<"$MIXED_LINE")
		other=$(sed -nE 's/.*other_non2xx=([0-9]+).*/\1/p' <<<"$MIXED_LINE")
		errs="${other:-?} (+${conflicts:-?} × 412)"
		ERR[$name]=$((${other:-1} + sock))
	else
		ERR[$name]=$((non2xx + sock))
	fi
	RPS[$name]=$rps
	P99[$name]=$p99
	ROWS+=("| $name | \`${script:-$path}\` | $bytes | $rps | $p50 | $p99 | $max | $errs | $rss | $cpu |")
done
HWM_NOTE=""
[ "${#CRASHES[@]}" -gt 0 ] && HWM_NOTE=" (highest VmHWM read after each scenario the server survived; the crashed run is not included)"
HWM=$(awk -v m="$HWM_MAX" '/^VmHWM:/ { h = $2 / 1024; printf "%.1f", (h > m ? h : m) }' "/proc/$PID/status")
RSS_END=$(rss_mb)

kill -TERM "$PID" 2>/dev/null || true
wait "$PID" 2>/dev/null || true
PID=

verdict() { [ "$1" = 1 ] && echo "gehaald" || echo "**NIET gehaald**"; }
ratio=$(awk -v j="${RPS[JSON-lijst (50)]}" -v s="${RPS[Statisch bestand]}" 'BEGIN { printf "%.0f", 100 * j / s }')
t_json=$(awk -v r="$ratio" 'BEGIN { print (r >= 50) }')
t_pages=1
PAGES_P99=
for n in "Samenwerkingspagina" "Organisatiepagina" "Zoeken"; do
	ok=$(awk -v p="${P99[$n]}" 'BEGIN { print (p <= 10) }')
	[ "$ok" = 1 ] || t_pages=0
	PAGES_P99+="${PAGES_P99:+, }$n ${P99[$n]} ms"
done
t_ovl=$(awk -v p="$OVL_MS" 'BEGIN { print (p <= 50) }')
t_mixed=$(awk -v p="${P99[Gemengd 95/5]}" -v e="${ERR[Gemengd 95/5]}" -v c="$(printf '%s\n' "${CRASHES[@]}" | grep -c '^Gemengd' || true)" 'BEGIN { print (p <= 20 && e == 0 && c == 0) }')
t_rss=$(awk -v h="$HWM" 'BEGIN { print (h <= 64) }')

MACHINE="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores (nproc), $(free -m | awk '/^Mem:/ { printf "%d MB RAM (%d MB free)", $2, $4 }'), $(uname -sr); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
REV=$(git rev-parse --short HEAD 2>/dev/null || echo onbekend)
[ -n "$(git status --porcelain 2>/dev/null | head -n1)" ] && REV+=" (+ uncommitted changes)"
REPORT=$(
	cat <<EOF
Run $(date -u +%Y-%m-%dT%H:%MZ), git $REV, store **SQLite** (there is no PostgreSQL store yet: the
PostgreSQL column of the issue is not measured). Machine: $MACHINE. The machine is shared with
other jobs; figures can vary between runs. wrk -t$THREADS -c$CONNS -d$DURATION --latency after a $WARMUP warm-up per
scenario; server \`$BIN serve ${BENCH_SERVER_ARGS:-}\` (default options, access log to /dev/null).
Data (bench/gen_national.py): $(sed 's/ → .*//; s/^gen_national: //' <<<"$GEN_LINE"); $(grep -E '^personen:' "$TMP/roo.txt" | awk '{ print $2 }') people with $(grep -E '^zetels:' "$TMP/roo.txt" | awk '{ print $2 }') seats.

| scenario | URL / script | bytes | req/s | p50 ms | p99 ms | max ms | non-2xx | RSS MB | CPU µs/req |
|---|---|---:|---:|---:|---:|---:|---|---:|---:|
$(printf '%s\n' "${ROWS[@]}")

Mixed scenario: ${MIXED_LINE:-(no counters)}. RSS after the runs $RSS_END MB, peak (VmHWM) $HWM MB$HWM_NOTE.
$([ "${#CRASHES[@]}" -gt 0 ] && printf '**Server crash:** %s.\n' "${CRASHES[@]}")
One PATCH on the idle server (write + audit + synchronous snapshot rebuild): median $PATCH_MS ms
(a cached GET of the same record: $GET_MS ms). Overlap analysis uncached (first request after a
write): median $OVL_MS ms; cached $OVL_CACHED_MS ms$([ -n "$OVL_BENCH" ] && echo "; bench/overlap_bench: $OVL_BENCH").
Collaboration page testregeling-0001 uncached (first request after a write): median $PAGE_COLD_MS ms.

Targets (issue 7, meant for a 2-core machine at 50 connections):
- JSON list ≥ 50 % of the static file: $ratio % — $(verdict "$t_json")
- page p99 ≤ 10 ms ($PAGES_P99): $(verdict "$t_pages")
- overlap analysis ≤ 50 ms (uncached API call): $OVL_MS ms — $(verdict "$t_ovl")
- mixed scenario 0 errors, p99 ≤ 20 ms: ${ERR[Gemengd 95/5]} errors (non-2xx other than 412 + socket errors), p99 ${P99[Gemengd 95/5]} ms — $(verdict "$t_mixed")
- server RSS ≤ 64 MB (peak): $HWM MB — $(verdict "$t_rss")
EOF
)
echo
echo "$REPORT"

# --- docs/benchmarks.md: replace the marked section (create it once) ---
if [ "${BENCH_NO_DOC:-0}" != 1 ]; then
	DOC=docs/benchmarks.md
	BEGIN='<!-- national-bench:begin (bench/national.sh replaces this section) -->'
	END='<!-- national-bench:end -->'
	if ! grep -qF "$BEGIN" "$DOC"; then
		printf '\n## National scale (issue 7)\n\n%s\n%s\n' "$BEGIN" "$END" >>"$DOC"
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
	echo "(section \"National scale (issue 7)\" in $DOC updated)"
fi
