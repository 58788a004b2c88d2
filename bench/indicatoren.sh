#!/usr/bin/env bash
# bench/indicatoren.sh — the indicator store at the scale of issue 18: a
# synthetic, fictional set of 342 gemeenten × 200 indicators × 5 periods
# (342,000 values, made here with Python's standard library) imported with
# `atlas import indicatoren` into a fresh SQLite database (target ≤ 5 s),
# the same file a second time (idempotent: nothing written), and then 200
# sequential requests each of /kennis/indicatoren, one indicator page and
# one page of its values through the API (read per request, never cached).
# Prints the import times and p50/p95/p99/max per URL. A benchmark, not a
# test: exits 0 whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_INDICATOREN_N:-200}
# shellcheck source=bench/lib_serve.sh
. bench/lib_serve.sh

/usr/bin/env python3 - "$TMP" <<'PY'
import random, sys
out = sys.argv[1]
random.seed(18)
areas = [f"GM{9000 + i:04d}" for i in range(342)]
with open(f"{out}/gebieden.csv", "w") as f:
    f.write("code,naam,niveau,provincie\n")
    for i, a in enumerate(areas):
        f.write(f"{a},Testgemeente {i},gemeente,{'PV26' if i < 26 else 'PV99'}\n")
with open(f"{out}/indicatoren.csv", "w") as f:
    f.write("key,naam,definitie,eenheid,thema,bron,bron_url,licentie,richting,gebiedsniveau,waarschuwing\n")
    for k in range(200):
        f.write(f"bench_{k:03d},Testindicator {k},Fictief.,aantal,Testthema {k % 12},Testbron,,CC BY 4.0 (fictief),"
                f"{['hoger_beter', 'lager_beter', 'neutraal'][k % 3]},gemeente,\n")
with open(f"{out}/waarden.csv", "w") as f:
    f.write("indicator,gebied,periode,waarde,bron\n")
    for k in range(200):
        for a in areas:
            for p in range(2020, 2025):
                v = "" if random.random() < 0.01 else f"{random.uniform(0, 1000):.2f}"
                f.write(f"bench_{k:03d},{a},{p},{v},Testbron {p}\n")
PY
DB=$TMP/i.db
"$BIN" migrate --db "$DB" >/dev/null
"$BIN" import indicatoren "$TMP/gebieden.csv" --db "$DB" >/dev/null
"$BIN" import indicatoren "$TMP/indicatoren.csv" --db "$DB" >/dev/null
timed() { # label command...
	local label=$1 t0 t1
	shift
	t0=$(date +%s.%N)
	"$@" >"$TMP/out.txt"
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" -v label="$label" 'BEGIN { printf "  %-46s %.2f s — doel ≤ 5 s\n", label, b - a }'
	sed 's/^/    /' "$TMP/out.txt"
}
echo "Indicatoren (bench/indicatoren.sh): 342 gemeenten × 200 indicatoren × 5 perioden"
timed "import 342.000 waarden (nieuw)" "$BIN" import indicatoren "$TMP/waarden.csv" --db "$DB"
timed "dezelfde import nogmaals (niets gewijzigd)" "$BIN" import indicatoren "$TMP/waarden.csv" --db "$DB"

bench_serve "$DB"
measure "GET /kennis/indicatoren" "$BASE/kennis/indicatoren" 50
measure "GET /kennis/indicatoren/bench_000" "$BASE/kennis/indicatoren/bench_000" 20
measure "GET /api/v1/kennis/indicatoren/bench_000/waarden" "$BASE/api/v1/kennis/indicatoren/bench_000/waarden?periode=2024" 20
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
