#!/usr/bin/env bash
# bench/indicatoren_dashboard.sh — the gemeente dashboard of issue 18 on the
# bundled indicator data (data/indicatoren: 342 gemeenten of 2023 plus former
# ones, 326 indicators, 131,956 values) in a fresh seeded SQLite database:
# N sequential requests (uncached: the dashboard is read per request) of the
# page and the API for one gemeente (Houten, gm0321) with peers by size
# class (the default, ~90 peers), by stedelijkheid, and an explicit list of
# three. Prints p50/p95/p99/max per URL against the 20 ms target. A
# benchmark, not a test: exits 0 whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
N=${BENCH_DASHBOARD_N:-100}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-dashboard.XXXXXX")
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
echo "Gemeentedashboard (bench/indicatoren_dashboard.sh): Houten tegen de gebundelde cijfers"
# the first request builds the in-memory indicator model (app/indicatoren_model.c)
first=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/organisaties/gm0321/kennis")
awk -v t="$first" 'BEGIN { printf "  %-58s %.1f ms\n", "eerste aanvraag na de start (model opbouwen)", t * 1000 }'
measure "GET /organisaties/gm0321/kennis (grootteklasse)" "$BASE/organisaties/gm0321/kennis" 20
measure "GET /organisaties/gm0321/kennis?klasse=stedelijkheid" "$BASE/organisaties/gm0321/kennis?klasse=stedelijkheid" 20
measure "GET /organisaties/gm0321/kennis?vergelijk=… (3)" "$BASE/organisaties/gm0321/kennis?vergelijk=gm0344,gm0355,gm0356" 20
measure "GET /api/v1/kennis/gemeenten/gm0321/dashboard" "$BASE/api/v1/kennis/gemeenten/gm0321/dashboard" 20
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
