#!/usr/bin/env bash
# bench/soak.sh — the load test of issue 8, item 7 (`make soak`).
#
# Starts `atlas serve` on 127.0.0.1 (free port) on a fresh SQLite database
# loaded with the bundled seed (data/seed), creates a programmateam user and
# an API token with the CLI, builds the list of every public page and API
# path from the seed (home, lists with filters, every collaboration and
# organisation page, map, network, overlap, search, the API lists and
# details, /api/v1/kaart; each checked once for 200 before the run) and runs
# wrk with bench/soak.lua: a SOAK_WARMUP warm-up, then SOAK_DURATION (60 s)
# of mixed load at SOAK_CONNECTIONS (64) connections — reads of the URL list
# plus authenticated PATCH writes with If-Match at a low rate (ETag fetched
# first; 412 counts as conflict, not error). Samples the server's RSS after
# the warm-up, every 10 s and at the end; reads the access log (stderr of the
# server) for responses ≥ 500.
#
# Targets (exit 1 when one is missed): 0 wrk socket errors (connect, read,
# write, timeout), 0 responses ≥ 500 in the access log and in wrk, 0 other
# 4xx (every URL answered 200 before the run), at least one successful PATCH,
# RSS at the end within 10 % of the RSS after warm-up, server still alive and
# answering. Bounded in time: wrk stops after SOAK_DURATION, the whole script
# takes about SOAK_WARMUP + SOAK_DURATION + 10 s.
#
# Builds nothing (`make soak` builds first). Environment: SOAK_DURATION (60s),
# SOAK_WARMUP (10s), SOAK_CONNECTIONS (64), SOAK_THREADS (2),
# SOAK_WRITE_PERMILLE (5), ATLAS_BIN (build/atlas), SOAK_KEEP=1 keeps the
# temporary directory (database, access log) for inspection.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
DURATION=${SOAK_DURATION:-60s}
WARMUP=${SOAK_WARMUP:-10s}
CONNS=${SOAK_CONNECTIONS:-64}
THREADS=${SOAK_THREADS:-2}
export SOAK_WRITE_PERMILLE=${SOAK_WRITE_PERMILLE:-5}
for tool in wrk curl jq python3; do
	command -v "$tool" >/dev/null || { echo "soak: $tool is not installed" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "soak: $BIN missing; run 'make'" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-soak.XXXXXX")
PID=
cleanup() {
	if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
		kill -TERM "$PID" 2>/dev/null || true
		wait "$PID" 2>/dev/null || true
	fi
	if [ "${SOAK_KEEP:-0}" = 1 ]; then echo "soak: kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT INT TERM

DB=$TMP/soak.db
"$BIN" migrate --db "$DB" >/dev/null
"$BIN" import seed --db "$DB" >/dev/null
echo "soak-wachtwoord-$$-$RANDOM-$RANDOM" | "$BIN" user add soak --rol programmateam --naam "Belastingtest" \
	--wachtwoord-stdin --db "$DB" >/dev/null
TOKEN=$("$BIN" user token soak --naam soak --db "$DB" 2>/dev/null | head -n1)
[ -n "$TOKEN" ] || { echo "soak: no API token" >&2; exit 2; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT
LOG=$TMP/access.log
# access log on, as in production: stderr of the server (one line per request)
"$BIN" serve --db "$DB" --listen 127.0.0.1 --port "$PORT" >/dev/null 2>"$LOG" &
PID=$!
for _ in $(seq 200); do
	curl -fs -o /dev/null "$BASE/" && break
	kill -0 "$PID" 2>/dev/null || { echo "soak: server exited:" >&2; cat "$LOG" >&2; exit 2; }
	sleep 0.1
done
curl -fs -o /dev/null "$BASE/" || { echo "soak: server not ready after 20 s" >&2; exit 2; }

# --- the URL list: every public page and API path, from the seed ---
CKEYS=$(curl -fs "$BASE/api/v1/samenwerkingsverbanden?paginaGrootte=100" | jq -r '.samenwerkingsverbanden[].id')
OCODES=$(curl -fs "$BASE/api/v1/organisaties?paginaGrootte=100" | jq -r '.organisaties[].code')
DOMAINS=$(curl -fs "$BASE/api/v1/beleidsdomeinen" | jq -r '.beleidsdomeinen[:4][].code')
# a gemeente inside the province (the map only knows those)
GM=$(curl -fs "$BASE/api/v1/organisaties?soort=gemeente&paginaGrootte=100" |
	jq -r '[.organisaties[] | select(.inProvincie)][0].code')
{
	printf '%s\n' / /samenwerkingsverbanden "/samenwerkingsverbanden?status=actief" \
		"/samenwerkingsverbanden?soort=wgr&sorteer=deelnemers" "/samenwerkingsverbanden?deelnemer=$GM" \
		"/samenwerkingsverbanden?pagina=2" /organisaties "/organisaties?soort=gemeente" \
		"/organisaties?status=actief" /kaart "/kaart?gemeente=$GM" /netwerk /analyse/overlap \
		"/zoeken?q=utrecht" "/zoeken?q=afval" "/zoeken?q=regio" /over /toegankelijkheid /wijzigingen \
		/open-data /kalender \
		"/api/v1/samenwerkingsverbanden" "/api/v1/samenwerkingsverbanden?paginaGrootte=50" \
		"/api/v1/samenwerkingsverbanden?status=actief&sorteer=naam" \
		"/api/v1/samenwerkingsverbanden?deelnemer=$GM" "/api/v1/organisaties" \
		"/api/v1/organisaties?soort=gemeente" /api/v1/beleidsdomeinen /api/v1/kaart /api/v1/netwerk \
		/api/v1/analyse/overlap "/api/v1/geo/organisaties"
	for d in $DOMAINS; do
		echo "/samenwerkingsverbanden?beleidsdomein=$d"
		echo "/api/v1/samenwerkingsverbanden?beleidsdomein=$d"
	done
	for k in $CKEYS; do
		echo "/samenwerkingsverbanden/$k"
		echo "/api/v1/samenwerkingsverbanden/$k"
	done
	for c in $OCODES; do
		echo "/organisaties/$c"
		echo "/api/v1/organisaties/$c"
		echo "/api/v1/organisaties/$c/deelnames"
	done
} >"$TMP/candidates.txt"
: >"$TMP/urls.txt"
DROPPED=()
while read -r u; do
	code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$u")
	if [ "$code" = 200 ]; then echo "$u" >>"$TMP/urls.txt"; else DROPPED+=("$u → $code"); fi
done <"$TMP/candidates.txt"
NURLS=$(wc -l <"$TMP/urls.txt")
[ "${#DROPPED[@]}" -gt 0 ] && printf 'soak: not 200 before the run, left out: %s\n' "${DROPPED[@]}" >&2

# writable collaborations: key=id from the ETag "c<id>-v..." (the first five)
WRITE_KEYS=
for k in $(head -n5 <<<"$CKEYS"); do
	id=$(curl -fs -o /dev/null -D - "$BASE/api/v1/samenwerkingsverbanden/$k" |
		awk -F': ' 'tolower($1) == "etag" { gsub("\r", "", $2); print $2 }' | sed -E 's/^W?\/?"c([0-9]+)-.*/\1/')
	[ -n "$id" ] && WRITE_KEYS+="$k=$id "
done
export SOAK_URLS_FILE=$TMP/urls.txt SOAK_TOKEN=$TOKEN SOAK_WRITE_KEYS=$WRITE_KEYS

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status" 2>/dev/null || echo 0; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "soak: $NURLS URLs, writes on: ${WRITE_KEYS:-(none)}; warm-up $WARMUP, run $DURATION, -t$THREADS -c$CONNS"
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s bench/soak.lua "$BASE/" >"$TMP/warmup.txt"
RSS_IDLE_WARM=$(rss_kb)
# RSS once a second while the measured run goes on. The baseline is the
# sample 5 s into the run (after the warm-up, under load) and the end value
# the last sample taken while wrk still ran: both under the same load, so
# per-request buffers (freed, and given back by malloc, when the server is
# idle) do not count as growth. The idle values are printed for reference.
(
	t=0
	while sleep 1; do
		t=$((t + 1))
		r=$(awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status" 2>/dev/null) || exit 0
		echo "$t $r"
	done
) >"$TMP/rss.txt" &
SAMPLER=$!
OUT=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/soak.lua "$BASE/")
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
ALIVE=1
kill -0 "$PID" 2>/dev/null || ALIVE=0
RSS_WARM=$(awk '$1 == 5 { print $2 }' "$TMP/rss.txt")
DUR_S=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; else if (d ~ /h$/) n *= 3600; print n }')
RSS_END=$(awk -v e=$((DUR_S - 1)) 'NF == 2 && $1 <= e { r = $2 } END { print r + 0 }' "$TMP/rss.txt")
RSS_MIN=$(awk -v e=$((DUR_S - 1)) 'NF == 2 && $1 >= 5 && $1 <= e { if (!m || $2 < m) m = $2 } END { print m + 0 }' "$TMP/rss.txt")
RSS_MAX=$(awk -v e=$((DUR_S - 1)) 'NF == 2 && $1 >= 5 && $1 <= e { if ($2 > m) m = $2 } END { print m + 0 }' "$TMP/rss.txt")
SAMPLES=()
for t in 5 10 20 30 40 50; do
	v=$(awk -v t="$t" '$1 == t { print $2 }' "$TMP/rss.txt")
	[ -z "$v" ] || SAMPLES+=("${t}s:$(awk -v k="$v" 'BEGIN { printf "%.1f", k / 1024 }')")
done
RSS_IDLE_END=$(rss_kb)
HWM=$(awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status" 2>/dev/null || echo 0)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
AFTER=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/api/v1/health" || echo 000)

printf '  %s\n' "${OUT//$'\n'/$'\n'  }"
SOAK_LINE=$(grep '^SOAK' <<<"$OUT" || true)
num() { sed -nE "s/.*[ ^]$1=([0-9]+).*/\1/p" <<<"$SOAK_LINE"; }
REQS=$(awk '/requests in/ { print $1 }' <<<"$OUT")
RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$OUT")
P50=$(awk '$1 == "50%" { print $2 }' <<<"$OUT")
P99=$(awk '$1 == "99%" { print $2 }' <<<"$OUT")
MAXL=$(awk '$1 == "Latency" { print $4 }' <<<"$OUT")
SOCK=$(awk '/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$OUT")
SOCK_TXT=$(grep 'Socket errors:' <<<"$OUT" | sed 's/^ *//' || echo "Socket errors: none")
PATCHES=$(num patches)
CONFL=$(num conflicts_412)
C4=$(num other_4xx)
C5=$(num 5xx)
# access log lines: "METHOD path status bytes NNNus" (from the start of the server)
LOG_5XX=$(awk 'NF >= 5 && $(NF-2) ~ /^[0-9][0-9][0-9]$/ && $(NF-2) >= 500 { n++ } END { print n + 0 }' "$LOG")
LOG_REQS=$(awk 'NF >= 5 && $(NF-2) ~ /^[0-9][0-9][0-9]$/ { n++ } END { print n + 0 }' "$LOG")
PATCH_OK=$(awk '$1 == "PATCH" && $(NF-2) ~ /^2/ { n++ } END { print n + 0 }' "$LOG")
PATCH_412=$(awk '$1 == "PATCH" && $(NF-2) == 412 { n++ } END { print n + 0 }' "$LOG")
RSS_WARM=${RSS_WARM:-0}
RSS_PCT=$(awk -v a="$RSS_WARM" -v b="$RSS_END" 'BEGIN { printf "%+.1f", a ? 100 * (b - a) / a : 0 }')
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

FAIL=()
[ "$ALIVE" = 1 ] && [ "$AFTER" = 200 ] || FAIL+=("server not answering after the run (alive=$ALIVE, health=$AFTER)")
[ "$SOCK" = 0 ] || FAIL+=("wrk socket errors: $SOCK")
[ "$LOG_5XX" = 0 ] || FAIL+=("access log: $LOG_5XX responses >= 500")
[ "${C5:-1}" = 0 ] || FAIL+=("wrk saw ${C5:-?} responses >= 500")
[ "${C4:-1}" = 0 ] || FAIL+=("wrk saw ${C4:-?} 4xx responses other than 412")
[ "$RSS_WARM" != 0 ] || FAIL+=("no RSS baseline at 5 s (SOAK_DURATION must be at least 10s)")
[ "$PATCH_OK" -gt 0 ] || FAIL+=("no successful PATCH")
awk -v p="$RSS_PCT" 'BEGIN { exit !(p <= 10 && p >= -10) }' || FAIL+=("RSS end vs. after warm-up: $RSS_PCT % (limit ±10 %)")

REV=$(git rev-parse --short HEAD 2>/dev/null || echo onbekend)
[ -n "$(git status --porcelain 2>/dev/null | head -n1)" ] && REV+=" (+ uncommitted changes)"
cat <<EOF

== Soak summary ($(date -u +%Y-%m-%dT%H:%MZ), git $REV) ==
machine:    $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); load average before $LOAD_START, after $LOAD_END
load:       wrk -t$THREADS -c$CONNS -d$DURATION (after $WARMUP warm-up), $NURLS URLs, writes ${SOAK_WRITE_PERMILLE}‰
requests:   $REQS in $DURATION, $RPS req/s; latency p50 $P50, p99 $P99, max $MAXL
wrk:        $SOAK_LINE
            $SOCK_TXT
writes:     ${PATCHES:-0} PATCH sent in the run, $((${PATCHES:-0} - ${CONFL:-0})) succeeded, ${CONFL:-0} conflicts (412, not errors)
access log: $LOG_REQS requests logged (warm-up + run + set-up), $LOG_5XX with status >= 500; PATCH 2xx $PATCH_OK, PATCH 412 $PATCH_412
RSS:        under load: 5 s into the run $(mb "$RSS_WARM") MB, end of the run $(mb "$RSS_END") MB ($RSS_PCT %); range $(mb "$RSS_MIN")–$(mb "$RSS_MAX") MB
            samples: ${SAMPLES[*]:-–}; idle after warm-up $(mb "$RSS_IDLE_WARM") MB, idle after the run $(mb "$RSS_IDLE_END") MB, peak (VmHWM) $(mb "$HWM") MB
server:     alive=$ALIVE, /api/v1/health after the run: $AFTER
EOF
if [ "${#FAIL[@]}" -gt 0 ]; then
	printf 'FAILED: %s\n' "${FAIL[@]}"
	exit 1
fi
echo "OK: all targets met"
