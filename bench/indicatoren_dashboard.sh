#!/usr/bin/env bash
# bench/indicatoren_dashboard.sh — the gemeente dashboard of issue 18 on the
# bundled indicator data (data/indicatoren: 342 gemeenten of 2023 plus former
# ones, 328 indicators, 132,640 values) in a fresh seeded SQLite database:
# N sequential requests (uncached: the dashboard is read per request) of the
# page and the API for one gemeente (Houten, gm0321) with peers by size
# class (the default, ~90 peers), by stedelijkheid, and an explicit list of
# three. Prints p50/p95/p99/max per URL against the 20 ms target. A
# benchmark, not a test: exits 0 whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_DASHBOARD_N:-100}
# shellcheck source=bench/lib_serve.sh
. bench/lib_serve.sh
bench_bundled_indicators "$TMP/d.db"
bench_serve "$TMP/d.db"
echo "Gemeentedashboard (bench/indicatoren_dashboard.sh): Houten tegen de gebundelde cijfers"
# the first request builds the in-memory indicator model (app/indicatoren_model.c)
first=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/organisaties/gm0321/kennis")
awk -v t="$first" 'BEGIN { printf "  %-58s %.1f ms\n", "eerste aanvraag na de start (model opbouwen)", t * 1000 }'
measure "GET /organisaties/gm0321/kennis (grootteklasse)" "$BASE/organisaties/gm0321/kennis" 20
measure "GET /organisaties/gm0321/kennis?klasse=stedelijkheid" "$BASE/organisaties/gm0321/kennis?klasse=stedelijkheid" 20
measure "GET /organisaties/gm0321/kennis?vergelijk=… (3)" "$BASE/organisaties/gm0321/kennis?vergelijk=gm0344,gm0355,gm0356" 20
measure "GET /api/v1/kennis/gemeenten/gm0321/dashboard" "$BASE/api/v1/kennis/gemeenten/gm0321/dashboard" 20
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
