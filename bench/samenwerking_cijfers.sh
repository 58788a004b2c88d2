#!/usr/bin/env bash
# bench/samenwerking_cijfers.sh — the collaboration page with its section
# "Cijfers van de deelnemers" on the bundled indicator data (data/indicatoren:
# 326 indicators, 131,956 values, the policy-domain mapping) in a fresh
# seeded SQLite database: N sequential requests, each with its own
# (undeclared, dropped) query parameter so the reply cache never answers,
# of the page of Veiligheidsregio Utrecht (26 gemeenten, one domain), of
# Ferm Werk (4 gemeenten, two domains) and of the API. Prints p50/p95/p99/max
# per URL. Run it with ATLAS_BIN=<an older build> for the figure before the
# section (the mapping import is then skipped). A benchmark, not a test:
# exits 0 whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
N=${BENCH_CIJFERS_N:-200}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-cijfers.XXXXXX")
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
"$BIN" import indicatoren data/indicatoren/beleidsdomein_taakvelden.csv --db "$DB" >/dev/null 2>&1 ||
	echo "  (dit programma kent de koppeling van beleidsdomeinen niet: meting zonder cijfers)"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --db "$DB" --port "$PORT" --quiet >"$TMP/serve.out" 2>"$TMP/serve.log" &
PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/api/v1/health" && break; sleep 0.1; done

measure() { # label url
	local label=$1 url=$2
	curl -s -o /dev/null "$url" # warm-up
	for i in $(seq "$N"); do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url?b=$i"
	done >"$TMP/t.txt"
	local bad
	bad=$(awk '$1 != 200 && $1 != 404' "$TMP/t.txt" | wc -l)
	awk '{ print $2 * 1000 }' "$TMP/t.txt" | sort -n | awk -v label="$label" -v bad="$bad" '
		{ t[NR] = $1 }
		END {
			n = NR
			printf "  %-58s n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (fout: %d)\n",
				label, n, t[int(n * 0.50)], t[int(n * 0.95)], t[int(n * 0.99)], t[n], bad
		}'
}
echo "Samenwerkingsverband met cijfers van de deelnemers (bench/samenwerking_cijfers.sh), ongecachet"
measure "GET /samenwerkingsverbanden/veiligheidsregio-utrecht" "$BASE/samenwerkingsverbanden/veiligheidsregio-utrecht"
measure "GET /samenwerkingsverbanden/ferm-werk" "$BASE/samenwerkingsverbanden/ferm-werk"
measure "GET /api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht/cijfers" "$BASE/api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht/cijfers"
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
