#!/usr/bin/env bash
# bench/toezicht.sh — the public IBT view at national scale: a synthetic
# registry (bench/gen_national.py: 342 gemeenten in the province) with an
# established, fictional assessment for every gemeente × the four bundled
# gemeente domains × 10 years (13,680 assessments), written straight into the
# SQLite database. Then, on a fresh `atlas serve`, 200 sequential anonymous
# requests each of /toezicht for one domain and year (map and tables), its
# CSV export, the open API list of that domain and year, and one gemeente's
# history. Module pages are never cached (no-store), so every request
# queries anew. Prints p50/p95/p99/max per URL against the target (≤ 30 ms
# uncached for /toezicht), and the server's CPU time per request.
# A benchmark, not a test: exits 0 whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
N=${BENCH_TOEZICHT_N:-200}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-toezicht.XXXXXX")
PID=
cleanup() {
	[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

python3 bench/gen_national.py "$TMP/gen" >/dev/null
DB=$TMP/t.db
"$BIN" migrate --db "$DB" >/dev/null
"$BIN" import seed --seed-dir "$TMP/gen/seed" --db "$DB" >/dev/null
YEAR=$(date -u +%Y)

/usr/bin/env python3 - "$DB" "$YEAR" <<'PY'
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
year = int(sys.argv[2])
random.seed(19)
orgs = [r[0] for r in db.execute("SELECT code FROM organisation WHERE kind = 'municipality'")]
doms = [r[0] for r in db.execute("SELECT id FROM ibt_domain WHERE org_kinds LIKE '%gemeente%'")]
now = "2026-12-01T09:00:00.000Z"
rows = [(o, d, y, random.randint(1, 3), random.randint(1, 3), "Fictieve motivering (benchmark).",
         "https://voorbeeld.invalid/rapport", "Benchmark", f"{y + 1}-03-01", "vastgesteld", f"{y + 1}-04-01", now, now)
        for o in orgs for d in doms for y in range(year - 10, year)]
db.executemany("INSERT INTO ibt_assessment (org_code, domain_id, year, level, own_level, motivation, links, assessor, "
               "assessed_on, status, established_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
db.commit()
print(f"  {len(orgs)} gemeenten × {len(doms)} domeinen × 10 jaar = {len(rows)} vastgestelde beoordelingen (fictief)")
PY

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --db "$DB" --port "$PORT" >"$TMP/serve.out" 2>"$TMP/serve.log" &
PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/api/v1/health" && break; sleep 0.1; done
ORG=$(sqlite3 "$DB" "SELECT org_code FROM ibt_assessment LIMIT 1" 2>/dev/null ||
	python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT org_code FROM ibt_assessment LIMIT 1').fetchone()[0])" "$DB")
Q="domein=financieel-toezicht&jaar=$((YEAR - 2))"

measure() { # label url target
	local label=$1 url=$2 target=$3
	curl -s -o /dev/null "$url" # warm-up
	local c0 cpu
	c0=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
	for _ in $(seq "$N"); do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url"
	done >"$TMP/t.txt"
	cpu=$(awk -v c0="$c0" -v n="$N" -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 - c0) * 1000 / hz / n }' "/proc/$PID/stat")
	local bad
	bad=$(awk '$1 != 200' "$TMP/t.txt" | wc -l)
	awk '{ print $2 * 1000 }' "$TMP/t.txt" | sort -n | awk -v label="$label" -v bad="$bad" -v cpu="$cpu" -v target="$target" '
		{ t[NR] = $1 }
		END {
			n = NR
			printf "  %-44s n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  cpu %s ms/verzoek  (niet-200: %d)%s\n",
				label, n, t[int(n * 0.50)], t[int(n * 0.95)], t[int(n * 0.99)], t[n], cpu, bad, target
		}'
}
echo "Toezicht op landelijke schaal (bench/toezicht.sh, $N opeenvolgende verzoeken, ongecachet):"
measure "GET /toezicht?$Q" "$BASE/toezicht?$Q" " — doel ≤ 30 ms"
measure "GET /toezicht.csv?$Q" "$BASE/toezicht.csv?$Q" ""
measure "GET /api/v1/toezicht/beoordelingen?$Q" "$BASE/api/v1/toezicht/beoordelingen?$Q" ""
measure "GET /organisaties/$ORG/toezicht" "$BASE/organisaties/$ORG/toezicht" ""
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
