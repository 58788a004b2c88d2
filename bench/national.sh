#!/usr/bin/env bash
# bench/national.sh — the national-scale benchmark of issue 7, on SQLite and
# on PostgreSQL.
#
# Builds a synthetic national registry in a temporary directory
# (bench/gen_national.py: 12 provinces, 342 gemeenten, 21 water boards, 3,000
# collaborations with 2–30 participants, 20,000 people with seats; loaded
# with `atlas import roo` and `atlas import seed` into SQLite), creates a
# programmateam user and API token with the CLI, and — for PostgreSQL —
# starts a throw-away cluster (scripts/pg-cluster, as `nobody`, on a free
# local port, in its own temporary directory), creates a database and fills
# it with `atlas copy --from sqlite:… --to postgresql://…` (same data, same
# user and token). Then, per engine: starts `atlas serve` on 127.0.0.1 on a
# free port, times single requests on the idle server (BENCH_PATCHES (30)
# PATCHes one after the other, each with a fresh If-Match ETag: p50 and p99;
# the overlap analysis, a collaboration page and the search page uncached,
# i.e. first after a write), runs a burst of writes (bench/burst.mjs: 200
# writes from 20 concurrent clients on BENCH_BURST_KEYS (10) collaborations,
# 412 → refetch and retry, with 4 reader connections alongside; write and
# read p99), on PostgreSQL measures how soon an edit on this instance is
# visible on a second `atlas serve` on the same database (bench/visibility.mjs,
# 100 rounds; p50/p99), and runs wrk (-t1 -c50
# --latency, 2 s warm-up, BENCH_DURATION per scenario) on: the JSON list
# (paginaGrootte=50), one collaboration page, an organisation page, the map
# data, the overlap analysis (first page), search, a mixed 95/5 read/write
# scenario (bench/mixed.lua) and a static file of similar size as the
# ceiling. Per scenario: req/s, p50/p99/max, non-2xx, server RSS, server CPU
# µs per request (utime+stime from /proc/PID/stat around the measured run)
# and, for PostgreSQL, the CPU of the PostgreSQL processes per request.
# Peak RSS is the atlas process' VmHWM through all of this (instance A only).
# Prints one table with both engines, checks the targets of issues 7 and 16
# per engine (PATCH p50 ≤ 3 / 5 ms; mixed ≥ 10,000 / 5,000 req/s, p99 ≤ 20 ms,
# 0 errors; burst all acknowledged, write p99 ≤ 50 ms, read p99 ≤ 10 ms;
# VmHWM ≤ 64 MB; visibility p99 ≤ 20 ms on PostgreSQL) and
# replaces the section between the markers in docs/benchmarks.md ("## National
# scale (issue 7)"; created once).
#
# A benchmark, not a test: exits 0 whatever the figures; non-zero on set-up
# failure (also when PostgreSQL cannot be started: the SQLite figures are
# still printed and written, with the reason). Builds nothing (`make bench`
# builds first). Environment: BENCH_DURATION (10s), BENCH_CONNECTIONS (50),
# BENCH_THREADS (1), BENCH_WARMUP (2s), ATLAS_BIN, BENCH_SERVER_ARGS,
# BENCH_ENGINES ("sqlite postgresql"; e.g. "sqlite" for SQLite only),
# BENCH_PATCHES (30), BENCH_BURST_KEYS (10), BURST_CLIENTS (20), BURST_WRITES
# (10), BURST_READERS (4) (read by bench/burst.mjs), VIS_ROUNDS (100; read by
# bench/visibility.mjs), BENCH_NO_DOC=1 (do not touch docs/benchmarks.md), BENCH_KEEP=1 (keep the
# temporary directory: database, generated data, server.log).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-1}
WARMUP=${BENCH_WARMUP:-2s}
ENGINES=${BENCH_ENGINES:-sqlite postgresql}
NPATCH=${BENCH_PATCHES:-30}
BURST_KEYS=${BENCH_BURST_KEYS:-10}
read -r -a SERVER_ARGS <<<"${BENCH_SERVER_ARGS:-}"
for tool in wrk curl python3 node; do
	command -v "$tool" >/dev/null || { echo "national: $tool is not installed" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "national: $BIN missing; run 'make bench'" >&2; exit 1; }
BIN=$(realpath "$BIN")

TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-national.XXXXXX")
PGDIR=
PID=
PID_B=
cleanup() {
	local p
	for p in "$PID" "$PID_B"; do
		if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
			kill -TERM "$p" 2>/dev/null || true
			wait "$p" 2>/dev/null || true
		fi
	done
	if [ -n "$PGDIR" ]; then
		scripts/pg-cluster stop "$PGDIR" >/dev/null 2>&1 || true
		rm -rf "$PGDIR"
	fi
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_START=$(load_avg)
echo "Landelijke schaal (issue 7; engines: $ENGINES; load average at the start $LOAD_START):"
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
echo "  personen/zetels: $(grep -E '^(personen|zetels):' "$TMP/roo.txt" | tr '\n' ' ')"

# --- PostgreSQL: throw-away cluster, loaded with `atlas copy` before any
# benchmark write, so both engines start from the same data (and token) ---
PG_URL=
PG_SKIP=
PG_VERSION=
if [[ " $ENGINES " == *" postgresql "* ]]; then
	if ! command -v psql >/dev/null; then
		PG_SKIP="psql (postgresql-client) is not installed"
	elif ! PGDIR=$(mktemp -d /tmp/atlas-national-pg.XXXXXX); then
		PG_SKIP="no temporary directory for the cluster"
	elif ! base=$(scripts/pg-cluster start "$PGDIR" 2>"$TMP/pg.err"); then
		PG_SKIP="scripts/pg-cluster start failed: $(tail -n 3 "$TMP/pg.err" | tr '\n' ' ')"
	elif ! psql "$base" -qXc 'CREATE DATABASE atlas_bench' >/dev/null 2>"$TMP/pg.err"; then
		PG_SKIP="CREATE DATABASE failed: $(tail -n 3 "$TMP/pg.err" | tr '\n' ' ')"
	else
		PG_URL=${base%/*}/atlas_bench
		PG_VERSION=$(psql "$PG_URL" -qXAtc 'SHOW server_version' 2>/dev/null || echo '?')
		if ! "$BIN" copy --from "sqlite:$DB" --to "$PG_URL" >"$TMP/copy.txt" 2>&1; then
			PG_SKIP="atlas copy failed: $(tail -n 3 "$TMP/copy.txt" | tr '\n' ' ')"
			PG_URL=
		else
			echo "  PostgreSQL $PG_VERSION: $(head -n1 "$TMP/copy.txt" | sed 's/ gekopieerd van.*//') gekopieerd (atlas copy)"
		fi
	fi
	[ -n "$PG_SKIP" ] && echo "national: PostgreSQL not measured: $PG_SKIP" >&2
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT
SERVER_DB=
# access log on (as in production) but to /dev/null; stderr (snapshot log) kept
start_server() {
	"$BIN" serve --db "$SERVER_DB" --listen 127.0.0.1 --port "$PORT" ${SERVER_ARGS[@]+"${SERVER_ARGS[@]}"} \
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
stop_server() {
	kill -TERM "$PID" 2>/dev/null || true
	wait "$PID" 2>/dev/null || true
	PID=
}
# a second instance (B) on the same database, for the visibility measurement
PORT_B=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE_B=http://127.0.0.1:$PORT_B
start_server_b() {
	"$BIN" serve --db "$SERVER_DB" --listen 127.0.0.1 --port "$PORT_B" ${SERVER_ARGS[@]+"${SERVER_ARGS[@]}"} \
		>/dev/null 2>>"$TMP/server-b.log" &
	PID_B=$!
	for _ in $(seq 200); do
		curl -fs -o /dev/null "$BASE_B/" && return 0
		kill -0 "$PID_B" 2>/dev/null || { echo "national: instance B exited:" >&2; cat "$TMP/server-b.log" >&2; PID_B=; return 1; }
		sleep 0.1
	done
	echo "national: instance B not ready after 20 s" >&2
	return 1
}
stop_server_b() {
	kill -TERM "$PID_B" 2>/dev/null || true
	wait "$PID_B" 2>/dev/null || true
	PID_B=
}

etag_of() { curl -fs -o /dev/null -D - "$BASE$1" | awk -F': ' 'tolower($1) == "etag" { gsub("\r", "", $2); print $2 }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# nearest-rank percentile $1 of the numbers on stdin
percentile() { sort -g | awk -v p="$1" '{ a[NR] = $1 } END { i = int(p * NR / 100); if (i < p * NR / 100) i++; if (i < 1) i = 1; print a[i] }'; }
patch_once() { # key etag → "status seconds"
	curl -s -o /dev/null -w '%{http_code} %{time_total}' -X PATCH -H "Authorization: Bearer $TOKEN" \
		-H "If-Match: $2" -H 'Content-Type: application/merge-patch+json' \
		-d '{"opmerking":"Synthetische benchmarkwijziging"}' "$BASE/api/v1/samenwerkingsverbanden/$1"
}
# median time of GET $2 right after a write to testregeling-<$1 + i> (i = 1..3):
# the write clears the reply cache, so the GET is rendered anew
cold_get_ms() {
	local t=() i k
	for i in 1 2 3; do
		k=testregeling-$(printf '%04d' $(($1 + i)))
		patch_once "$k" "$(etag_of "/api/v1/samenwerkingsverbanden/$k")" >/dev/null
		t+=("$(curl -s -o /dev/null -w '%{time_total}' "$BASE$2")")
	done
	ms "$(printf '%s\n' "${t[@]}" | median)"
}
size_of() { curl -fs -o /dev/null -w '%{size_download}' "$BASE$1"; }
CLK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# utime+stime (clock ticks) of the PostgreSQL postmaster and its children
# (the backends); processes may come and go while /proc is read
pg_ticks() {
	python3 - "$PGDIR/data/postmaster.pid" <<'PY'
import os, sys
try:
    pm = open(sys.argv[1]).readline().strip()
except OSError:
    print(0); sys.exit()
n = 0
for d in os.listdir("/proc"):
    if not d.isdigit():
        continue
    try:
        st = open(f"/proc/{d}/stat").read()
    except OSError:
        continue
    f = st[st.rindex(")") + 2:].split()
    if d == pm or f[1] == pm:
        n += int(f[11]) + int(f[12])
print(n)
PY
}
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$PID/status"; }
to_ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}

JSON_URL="/api/v1/samenwerkingsverbanden?paginaGrootte=50"
SCENARIO_NAMES=("JSON-lijst (50)" "Samenwerkingspagina" "Organisatiepagina" "Kaartdata" "Overlapanalyse"
	"Zoeken" "Gemengd 95/5" "Statisch bestand")
declare -A RPS P99 ERR ROW SCEN_URL MEAS CRASHED HWM RSS_END LOADS
STATIC_URL=

# run_engine LABEL DB-ARGUMENT: everything measured on one engine
run_engine() {
	local eng=$1
	SERVER_DB=$2
	local load0
	load0=$(load_avg)
	start_server
	echo "  $eng: $(grep 'snapshot v' "$TMP/server.log" | tail -n1 | sed 's/^.*snapshot/snapshot/')"

	# --- single requests on the idle server ---
	local wt=() i k code secs
	for i in $(seq 1 "$NPATCH"); do # PATCH: write + audit + read-model update, one after the other
		k=testregeling-$(printf '%04d' $((101 + (i - 1) % 50)))
		read -r code secs <<<"$(patch_once "$k" "$(etag_of "/api/v1/samenwerkingsverbanden/$k")")"
		[ "$code" = 200 ] || { echo "national: $eng: PATCH $k gave $code" >&2; MEAS[$eng|patch_err]=$((${MEAS[$eng|patch_err]:-0} + 1)); }
		wt+=("$secs")
	done
	MEAS[$eng|patch]=$(ms "$(printf '%s\n' "${wt[@]}" | percentile 50)")
	MEAS[$eng|patch_p99]=$(ms "$(printf '%s\n' "${wt[@]}" | percentile 99)")
	MEAS[$eng|get]=$(ms "$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/samenwerkingsverbanden/testregeling-0101")")
	MEAS[$eng|ovl]=$(cold_get_ms 200 /api/v1/analyse/overlap)
	MEAS[$eng|ovl_cached]=$(ms "$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/analyse/overlap")")
	MEAS[$eng|page]=$(cold_get_ms 300 /samenwerkingsverbanden/testregeling-0001)
	MEAS[$eng|search]=$(cold_get_ms 400 "/zoeken?q=test")
	MEAS[$eng|ovl_page]=$(cold_get_ms 500 /analyse/overlap)
	MEAS[$eng|ovl_page_bytes]=$(size_of /analyse/overlap)
	MEAS[$eng|hwm_single]=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$PID/status")
	echo "    (single requests done: PATCH p50 ${MEAS[$eng|patch]} ms, p99 ${MEAS[$eng|patch_p99]} ms over $NPATCH; RSS $(rss_mb) MB, VmHWM ${MEAS[$eng|hwm_single]} MB)"

	# --- a burst of writes from concurrent clients, with reads alongside ---
	local bkeys=() out
	for i in $(seq 1 "$BURST_KEYS"); do bkeys+=("testregeling-$(printf '%04d' $((2000 + 11 * i)))"); done
	if out=$(node bench/burst.mjs "$BASE" "$TOKEN" "${bkeys[@]}" 2>&1); then
		grep -v '^BURST' <<<"$out" | sed 's/^/  /'
		MEAS[$eng|burst]=$(grep '^BURST' <<<"$out" || true)
	else
		echo "national: $eng: bench/burst.mjs failed: $out" >&2
	fi

	# --- PostgreSQL: an edit on instance A seen on instance B ---
	if [ "$eng" = PostgreSQL ]; then
		if start_server_b; then
			local vkeys=()
			for i in 1 2 3 4 5; do vkeys+=("testregeling-$(printf '%04d' $((2500 + 17 * i)))"); done
			if out=$(node bench/visibility.mjs "$BASE" "$BASE_B" "$TOKEN" "${vkeys[@]}" 2>&1); then
				grep -v '^VISIBILITY' <<<"$out" | sed 's/^/  /'
				MEAS[$eng|vis]=$(grep '^VISIBILITY' <<<"$out" || true)
			else
				echo "national: bench/visibility.mjs failed: $out" >&2
			fi
			stop_server_b
		fi
	fi

	if [ -z "$STATIC_URL" ]; then # the static file closest in size to the JSON list
		local json_size best= u s d
		json_size=$(size_of "$JSON_URL")
		for u in $(curl -fs "$BASE/" | grep -oE '(href|src)="/static/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
			s=$(size_of "$u") || continue
			d=$(awk -v a="$s" -v b="$json_size" 'BEGIN { x = log((a + 1) / (b + 1)); if (x < 0) x = -x; printf "%d", x * 1000 }')
			if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; STATIC_URL=$u; fi
		done
		[ -n "$STATIC_URL" ] || { echo "national: no /static/ file linked from /" >&2; exit 1; }
	fi

	# write keys for the mixed scenario: key=id from the ETag "c<id>-v..."
	local wk= rk= id
	for i in $(seq 1 10); do
		k=testregeling-$(printf '%04d' $((1000 + 7 * i)))
		id=$(etag_of "/api/v1/samenwerkingsverbanden/$k" | sed -E 's/^W?\/?"c([0-9]+)-.*/\1/')
		wk+="$k=$id "
	done
	for i in $(seq 1 30); do rk+="testregeling-$(printf '%04d' $((13 * i))) "; done
	export MIXED_TOKEN=$TOKEN MIXED_WRITE_KEYS=$wk MIXED_READ_KEYS=$rk

	# name|path|lua script (optional)
	local scenarios=(
		"JSON-lijst (50)|$JSON_URL|"
		"Samenwerkingspagina|/samenwerkingsverbanden/testregeling-0001|"
		"Organisatiepagina|/organisaties/gm8005|"
		"Kaartdata|/api/v1/kaart|"
		"Overlapanalyse|/api/v1/analyse/overlap|"
		"Zoeken|/zoeken?q=test|"
		"Gemengd 95/5|/|bench/mixed.lua"
		"Statisch bestand|$STATIC_URL|"
	)
	local hwm=0 sc name path script args bytes c0 c1 p0 p1 out rss st reqs rps p50 p99 max non2xx sock cpu dbcpu errs
	for sc in "${scenarios[@]}"; do
		IFS='|' read -r name path script <<<"$sc"
		SCEN_URL[$name]=${script:-$path}
		args=(-t"$THREADS" -c"$CONNS")
		[ -n "$script" ] && args+=(-s "$script")
		bytes=$([ -n "$script" ] && echo "–" || size_of "$path")
		wrk "${args[@]}" -d"$WARMUP" "$BASE$path" >/dev/null
		c0=$(cpu_ticks "$PID")
		p0=$([ "$eng" = PostgreSQL ] && pg_ticks || echo 0)
		out=$(wrk "${args[@]}" -d"$DURATION" --latency "$BASE$path")
		c1=$(cpu_ticks "$PID")
		p1=$([ "$eng" = PostgreSQL ] && pg_ticks || echo 0)
		if ! kill -0 "$PID" 2>/dev/null; then
			wait "$PID" 2>/dev/null && st=0 || st=$?
			CRASHED[$eng]+="$name: server died during the run (exit status $st$([ "$st" -gt 128 ] && echo ", signal $((st - 128))" || true)); restarted for the next scenario. "
			echo "national: $eng: server died during '$name' (status $st); restarting" >&2
			rss="–"
			start_server
		else
			rss=$(rss_mb)
			hwm=$(awk -v m="$hwm" '/^VmHWM:/ { h = $2 / 1024; printf "%.1f", (h > m ? h : m) }' "/proc/$PID/status")
		fi
		reqs=$(awk '/requests in/ { print $1 }' <<<"$out")
		rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
		p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
		p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
		max=$(to_ms "$(awk '$1 == "Latency" { print $4 }' <<<"$out")")
		non2xx=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' <<<"$out")
		sock=$(awk '/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
		cpu=$(awk -v d=$((c1 - c0)) -v hz="$CLK" -v n="$reqs" 'BEGIN { printf "%.0f", n ? d * 1e6 / hz / n : 0 }')
		dbcpu="–"
		[ "$eng" = PostgreSQL ] && dbcpu=$(awk -v d=$((p1 - p0)) -v hz="$CLK" -v n="$reqs" 'BEGIN { printf "%.0f", n ? d * 1e6 / hz / n : 0 }')
		errs="$non2xx"
		[ "$sock" != 0 ] && errs+=" (+$sock socket)"
		if [ -n "$script" ]; then
			local ml conflicts other
			ml=$(grep '^MIXED' <<<"$out" || true)
			MEAS[$eng|mixed]=$ml
			conflicts=$(sed -nE 's/.*conflicts_412=([0-9]+).*/\1/p' <<<"$ml")
			other=$(sed -nE 's/.*other_non2xx=([0-9]+).*/\1/p' <<<"$ml")
			errs="${other:-?} (+${conflicts:-?} × 412)"
			ERR[$eng|$name]=$((${other:-1} + sock))
		else
			ERR[$eng|$name]=$((non2xx + sock))
		fi
		RPS[$eng|$name]=$rps
		P99[$eng|$name]=$p99
		ROW[$eng|$name]="$bytes | $rps | $p50 | $p99 | $max | $errs | $rss | $cpu | $dbcpu"
		printf '    %-20s %8s req/s  p99 %8s ms  RSS %6s MB  VmHWM %6s MB\n' "$name" "$rps" "$p99" "$rss" "$hwm"
	done
	HWM[$eng]=$(awk -v m="$hwm" '/^VmHWM:/ { h = $2 / 1024; printf "%.1f", (h > m ? h : m) }' "/proc/$PID/status")
	RSS_END[$eng]=$(rss_mb)
	stop_server
	LOADS[$eng]="$load0 → $(load_avg)"
}

RUN_ENGINES=()
if [[ " $ENGINES " == *" sqlite "* ]]; then
	RUN_ENGINES+=(SQLite)
	run_engine SQLite "$DB"
fi
if [ -n "$PG_URL" ]; then
	RUN_ENGINES+=(PostgreSQL)
	run_engine PostgreSQL "$PG_URL"
fi
[ "${#RUN_ENGINES[@]}" -gt 0 ] || { echo "national: no engine measured (BENCH_ENGINES=$ENGINES; $PG_SKIP)" >&2; exit 1; }

verdict() { [ "$1" = 1 ] && echo "gehaald" || echo "**NIET gehaald**"; }
kv() { sed -nE "s/^.* $1=([^ ]+).*$/\1/p" <<<"$2"; } # value of key $1 in a "NAME k=v ..." line
TABLE="| scenario | engine | bytes | req/s | p50 ms | p99 ms | max ms | non-2xx | RSS MB | server CPU µs/req | PostgreSQL CPU µs/req |
|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|"
for name in "${SCENARIO_NAMES[@]}"; do
	first=1
	for eng in "${RUN_ENGINES[@]}"; do
		label=$([ "$first" = 1 ] && echo "$name (\`${SCEN_URL[$name]}\`)" || echo "")
		TABLE+=$'\n'"| $label | $eng | ${ROW[$eng|$name]} |"
		first=0
	done
	[ -n "$PG_SKIP" ] && [[ " $ENGINES " == *" postgresql "* ]] && TABLE+=$'\n'"| | PostgreSQL | niet gemeten | | | | | | | | |"
done

SINGLES=""
TARGETS=""
t_json_all=""
for eng in "${RUN_ENGINES[@]}"; do
	b=${MEAS[$eng|burst]:-}
	v=${MEAS[$eng|vis]:-}
	SINGLES+="- **$eng**: one PATCH on the idle server (write + audit + read-model update), $NPATCH in a row,
  each with a fresh If-Match ETag: p50 ${MEAS[$eng|patch]} ms, p99 ${MEAS[$eng|patch_p99]} ms$([ -n "${MEAS[$eng|patch_err]:-}" ] && echo ", ${MEAS[$eng|patch_err]} not 200" || true) (a cached GET of the same record: ${MEAS[$eng|get]} ms). Uncached (first
  request after a write, median of 3): overlap API ${MEAS[$eng|ovl]} ms (cached ${MEAS[$eng|ovl_cached]} ms),
  overlap page ${MEAS[$eng|ovl_page]} ms (${MEAS[$eng|ovl_page_bytes]} bytes), collaboration page
  ${MEAS[$eng|page]} ms, \`/zoeken?q=test\` ${MEAS[$eng|search]} ms. Mixed: ${MEAS[$eng|mixed]:-(no counters)}.
  RSS after the runs ${RSS_END[$eng]} MB, peak (VmHWM) ${HWM[$eng]} MB (${MEAS[$eng|hwm_single]} MB after the single requests). Load average before → after: ${LOADS[$eng]}.
"
	if [ -n "$b" ]; then
		SINGLES+="  Burst (bench/burst.mjs, after the single requests): $(kv writes "$b") writes from ${BURST_CLIENTS:-20} concurrent clients on
  $BURST_KEYS collaborations, each GET for the ETag + PATCH with If-Match, 412 → fetch again and retry; $(kv acknowledged "$b")
  acknowledged in $(kv duration_ms "$b") ms, $(kv patches "$b") PATCH requests ($(kv conflicts_412 "$b") × 412, $(kv write_errors "$b") errors), PATCH p50
  $(kv write_p50 "$b") ms, p99 $(kv write_p99 "$b") ms, max $(kv write_max "$b") ms (per acknowledged write incl. retries: p99 $(kv e2e_p99 "$b") ms);
  ${BURST_READERS:-4} reader connections meanwhile: $(kv reads "$b") reads ($(kv read_errors "$b") not 200), p50 $(kv read_p50 "$b") ms,
  p99 $(kv read_p99 "$b") ms, max $(kv read_max "$b") ms.
"
	else
		SINGLES+="  Burst: not measured (bench/burst.mjs failed).
"
	fi
	if [ "$eng" = PostgreSQL ]; then
		if [ -n "$v" ]; then
			SINGLES+="  Second instance (bench/visibility.mjs): a second \`atlas serve\` on the same database; $(kv rounds "$v") PATCHes on
  A one after the other, each followed by GETs of the JSON detail on B in a tight loop until B shows the new
  record version: seen $(kv seen "$v"), missed $(kv missed "$v") (5 s limit); delay from A's reply p50 $(kv p50 "$v") ms, p99 $(kv p99 "$v") ms,
  max $(kv max "$v") ms ($(kv polls_p50 "$v") polls of B at the median; B often has the change before A's reply arrives,
  then the delay is one poll); from sending the PATCH on A: p50 $(kv send_p50 "$v") ms, p99 $(kv send_p99 "$v") ms.
"
		else
			SINGLES+="  Second instance: not measured (instance B did not start or bench/visibility.mjs failed).
"
		fi
	fi
	[ -n "${CRASHED[$eng]:-}" ] && SINGLES+="  **Server crash:** ${CRASHED[$eng]}
"
	ratio=$(awk -v j="${RPS[$eng|JSON-lijst (50)]}" -v s="${RPS[$eng|Statisch bestand]}" 'BEGIN { printf "%.0f", s ? 100 * j / s : 0 }')
	t_json=$(awk -v r="$ratio" 'BEGIN { print (r >= 50) }')
	t_pages=1
	pages_p99=
	for n in "Samenwerkingspagina" "Organisatiepagina" "Zoeken"; do
		ok=$(awk -v p="${P99[$eng|$n]}" 'BEGIN { print (p <= 10) }')
		[ "$ok" = 1 ] || t_pages=0
		pages_p99+="${pages_p99:+, }$n ${P99[$eng|$n]} ms"
	done
	t_ovl=$(awk -v p="${MEAS[$eng|ovl]}" 'BEGIN { print (p <= 50) }')
	min_rps=$([ "$eng" = SQLite ] && echo 10000 || echo 5000)
	min_rps_txt=$([ "$eng" = SQLite ] && echo 10,000 || echo 5,000)
	t_mixed=$(awk -v p="${P99[$eng|Gemengd 95/5]}" -v e="${ERR[$eng|Gemengd 95/5]}" -v r="${RPS[$eng|Gemengd 95/5]}" -v m="$min_rps" \
		-v c="$(grep -c 'Gemengd' <<<"${CRASHED[$eng]:-}" || true)" 'BEGIN { print (p <= 20 && e == 0 && c == 0 && r >= m) }')
	max_patch=$([ "$eng" = SQLite ] && echo 3 || echo 5)
	t_patch=$(awk -v p="${MEAS[$eng|patch]}" -v m="$max_patch" -v e="${MEAS[$eng|patch_err]:-0}" 'BEGIN { print (p <= m && e == 0) }')
	if [ -n "$b" ]; then
		t_burst=$(awk -v a="$(kv acknowledged "$b")" -v n="$(kv writes "$b")" -v w="$(kv write_p99 "$b")" \
			-v r="$(kv read_p99 "$b")" -v re="$(kv read_errors "$b")" 'BEGIN { print (a == n && w <= 50 && r <= 10 && re == 0) }')
		burst_txt="$(kv acknowledged "$b")/$(kv writes "$b") acknowledged, write p99 $(kv write_p99 "$b") ms, read p99 $(kv read_p99 "$b") ms ($(kv read_errors "$b") reads not 200) — $(verdict "$t_burst")"
	else
		burst_txt="not measured — $(verdict 0)"
	fi
	t_rss=$(awk -v h="${HWM[$eng]}" 'BEGIN { print (h <= 64) }')
	TARGETS+="- $eng — JSON list ≥ 50 % of the static file: $ratio % — $(verdict "$t_json")
- $eng — page p99 ≤ 10 ms ($pages_p99): $(verdict "$t_pages")
- $eng — overlap analysis ≤ 50 ms (uncached API call, first page): ${MEAS[$eng|ovl]} ms — $(verdict "$t_ovl")
- $eng — one PATCH on the idle server p50 ≤ $max_patch ms: p50 ${MEAS[$eng|patch]} ms (p99 ${MEAS[$eng|patch_p99]} ms, $NPATCH PATCHes) — $(verdict "$t_patch")
- $eng — mixed 95/5 ≥ $min_rps_txt req/s, p99 ≤ 20 ms, 0 errors: ${RPS[$eng|Gemengd 95/5]} req/s, p99 ${P99[$eng|Gemengd 95/5]} ms, ${ERR[$eng|Gemengd 95/5]} errors (non-2xx other than 412 + socket errors) — $(verdict "$t_mixed")
- $eng — burst of $(kv writes "$b" || true) writes from ${BURST_CLIENTS:-20} clients all acknowledged, write p99 ≤ 50 ms, reads during the burst p99 ≤ 10 ms: $burst_txt
- $eng — server RSS ≤ 64 MB (peak VmHWM of the atlas process through the whole run): ${HWM[$eng]} MB — $(verdict "$t_rss")
"
	if [ "$eng" = PostgreSQL ]; then
		if [ -n "$v" ]; then
			t_vis=$(awk -v p="$(kv p99 "$v")" -v s="$(kv seen "$v")" -v n="$(kv rounds "$v")" 'BEGIN { print (p <= 20 && s == n) }')
			TARGETS+="- $eng — an edit on instance A visible on instance B within 20 ms p99: p99 $(kv p99 "$v") ms ($(kv seen "$v")/$(kv rounds "$v") seen, p50 $(kv p50 "$v") ms) — $(verdict "$t_vis")
"
		else
			TARGETS+="- $eng — an edit on instance A visible on instance B within 20 ms p99: not measured — $(verdict 0)
"
		fi
	fi
done
[ -n "$PG_SKIP" ] && TARGETS+="- PostgreSQL — **niet gemeten**: $PG_SKIP
"

MACHINE="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores (nproc), $(free -m | awk '/^Mem:/ { printf "%d MB RAM (%d MB free)", $2, $4 }'), $(uname -sr)"
REV=$(git rev-parse --short HEAD 2>/dev/null || echo onbekend)
[ -n "$(git status --porcelain 2>/dev/null | head -n1)" ] && REV+=" (+ uncommitted changes)"
REPORT=$(
	cat <<EOF
Run $(date -u +%Y-%m-%dT%H:%MZ), git $REV. Machine: $MACHINE; load average at the start
$LOAD_START, at the end $(load_avg) (the machine is shared with other jobs and wrk runs on the same
2 cores: figures vary between runs). Engines: SQLite $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)' 2>/dev/null || echo '?') (WAL, the
default) and $([ -n "$PG_URL" ] && echo "PostgreSQL $PG_VERSION (a throw-away cluster from scripts/pg-cluster on loopback, default
settings plus shared_buffers 128MB; loaded with \`atlas copy\` from the SQLite database)" || echo "PostgreSQL: not measured (${PG_SKIP:-BENCH_ENGINES=$ENGINES})").
wrk -t$THREADS -c$CONNS -d$DURATION --latency after a $WARMUP warm-up per scenario; server \`atlas serve${BENCH_SERVER_ARGS:+ $BENCH_SERVER_ARGS}\`
(default options: 4 worker threads; access log to /dev/null). "Server CPU" is the atlas process;
"PostgreSQL CPU" is the postmaster and its backends (with SQLite the database work is in the server CPU).
Data (bench/gen_national.py): $(sed 's/ → .*//; s/^gen_national: //' <<<"$GEN_LINE"); $(grep -E '^personen:' "$TMP/roo.txt" | awk '{ print $2 }') people with $(grep -E '^zetels:' "$TMP/roo.txt" | awk '{ print $2 }') seats.

$TABLE

Single requests on the idle server:
$SINGLES
Targets (issues 7 and 16, meant for a 2-core machine at 50 connections):
$TARGETS
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
[ -z "$PG_SKIP" ] || exit 1
