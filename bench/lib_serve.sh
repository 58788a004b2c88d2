# bench/lib_serve.sh — sourced by the benchmarks that measure pages of one
# server (bench/indicatoren.sh, bench/indicatoren_dashboard.sh,
# bench/financien.sh): $BIN, $TMP (removed on exit, with the server),
# `bench_serve DB` (a server on a free port: $BASE, $PID) and
# `measure LABEL URL TARGET-MS` ($N sequential curl requests after one
# warm-up; prints p50/p95/p99/max and the count of non-200 answers).
BIN=${ATLAS_BIN:-build/atlas}
N=${N:-100}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-bench.XXXXXX")
PID=
cleanup() {
	[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

bench_serve() { # db
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$BIN" serve --db "$1" --port "$port" --quiet >"$TMP/serve.out" 2>"$TMP/serve.log" &
	PID=$!
	BASE=http://127.0.0.1:$port
	for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/api/v1/health" && break; sleep 0.1; done
}

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

# A fresh seeded database with the bundled indicator data (data/indicatoren).
bench_bundled_indicators() { # db
	"$BIN" migrate --db "$1" >/dev/null
	"$BIN" import seed --db "$1" >/dev/null
	for f in gebieden indicatoren waarden; do
		"$BIN" import indicatoren "data/indicatoren/$f.csv" --db "$1" >/dev/null
	done
}
