#!/usr/bin/env bash
# bench/indicatoren_vergelijk.sh — the compare page (/kennis/vergelijk) on
# the bundled indicator data (data/indicatoren: 342 gemeenten of 2023 plus
# former ones, 326 indicators, 131,956 values) in a fresh seeded SQLite
# database: N sequential requests (uncached: the page is read per request)
# of the form, a comparison of three gemeenten, Houten with its size-class
# peers (~90), the CSV of all gemeenten and the API. Prints p50/p95/p99/max
# per URL against the 50 ms target. A benchmark, not a test: exits 0
# whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
N=${BENCH_VERGELIJK_N:-100}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-vergelijk.XXXXXX")
PID=
cleanup() {
	[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

DB=$TMP/d.db
"$BIN" migrate --db "$DB" >/dev/null
"$BIN" import seed --db "$DB" >/dev/null
for f in gebieden indicatoren waarden; do
	"$BIN" import indicatoren "data/indicatoren/$f.csv" --db "$DB" >/dev/null
done

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --db "$DB" --port "$PORT" --quiet >"$TMP/serve.out" 2>"$TMP/serve.log" &
PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/api/v1/health" && break; sleep 0.1; done

measure() { # label url target-ms
	local label=$1 url=$2 target=$3
	curl -s -o /dev/null "$url" # warm-up
	for _ in $(seq "$N"); do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url"
	done >"$TMP/t.txt"
	local bad
	bad=$(awk '$1 != 200' "$TMP/t.txt" | wc -l)
	awk '{ print $2 * 1000 }' "$TMP/t.txt" | sort -n | awk -v label="$label" -v bad="$bad" -v target="$target" '
		{ t[NR] = $1 }
		END {
			n = NR
			printf "  %-58s n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (niet-200: %d) — doel ≤ %d ms\n",
				label, n, t[int(n * 0.50)], t[int(n * 0.95)], t[int(n * 0.99)], t[n], bad, target
		}'
}
echo "Gemeenten vergelijken (bench/indicatoren_vergelijk.sh): bevolkingsdichtheid tegen de gebundelde cijfers"
Q="indicator=bevolkingsdichtheid"
measure "GET /kennis/vergelijk (formulier)" "$BASE/kennis/vergelijk" 50
measure "GET /kennis/vergelijk?…&gebieden=… (3)" "$BASE/kennis/vergelijk?$Q&gebieden=gm0321&gebieden=gm0344&gebieden=gm0363" 50
measure "GET /kennis/vergelijk?…&van=gm0321 (grootteklasse)" "$BASE/kennis/vergelijk?$Q&van=gm0321" 50
measure "GET /kennis/vergelijk.csv?…&alle=ja" "$BASE/kennis/vergelijk.csv?$Q&gebieden=gm0321&alle=ja" 50
measure "GET /api/v1/kennis/vergelijk?…&gebieden=… (3)" "$BASE/api/v1/kennis/vergelijk?$Q&gebieden=gm0321,gm0344,gm0363" 50
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
