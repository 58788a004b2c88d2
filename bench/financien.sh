#!/usr/bin/env bash
# bench/financien.sh — the financial scan's comparison of lasten and baten
# on the bundled indicator data (data/indicatoren: the Iv3 jaarrekening 2023
# and begroting 2024 of all 342 gemeenten as per-inhabitant indicators) in
# a fresh seeded SQLite database: BENCH_FINANCIEN_N sequential requests
# (uncached: read per request from the indicator read model) of
# /financien/gm0321 with each peer group and of the API, against the 30 ms
# target. A benchmark, not a test: exits 0 whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_FINANCIEN_N:-100}
# shellcheck source=bench/lib_serve.sh
. bench/lib_serve.sh
bench_bundled_indicators "$TMP/d.db"
bench_serve "$TMP/d.db"
echo "Financiën (bench/financien.sh): Houten tegen de gebundelde Iv3-cijfers"
first=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/financien/gm0321")
awk -v t="$first" 'BEGIN { printf "  %-58s %.1f ms\n", "eerste aanvraag na de start (model opbouwen)", t * 1000 }'
measure "GET /financien/gm0321 (grootte en stedelijkheid)" "$BASE/financien/gm0321" 30
measure "GET /financien/gm0321?vergelijking=land" "$BASE/financien/gm0321?vergelijking=land" 30
measure "GET /financien/gm0321?soort=begroting&vergelijking=provincie" "$BASE/financien/gm0321?soort=begroting&vergelijking=provincie" 30
measure "GET /api/v1/financien/gemeenten/gm0321" "$BASE/api/v1/financien/gemeenten/gm0321" 30
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
