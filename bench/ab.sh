#!/usr/bin/env bash
# bench/ab.sh — compare two builds of atlas on the bundled seed, alternating
# A, B, A, B so that load from elsewhere on the machine hits both alike.
#   bench/ab.sh OLD_BIN NEW_BIN [ROUNDS]
# Per build and round: wrk -t1 -c50 -d${AB_DURATION:-5s} on the JSON list,
# the list page and a detail page (req/s and p99), 20 API PATCHes one after
# another (median ms: write + audit + snapshot rebuild), and the server's
# VmHWM. Prints one line per build and round. A benchmark, not a test.
set -euo pipefail
command -v wrk >/dev/null || { echo "bench/ab.sh: wrk is not installed (apt-get install wrk; make bench installs it)" >&2; exit 1; }
cd "$(dirname "$0")/.."
OLD=${1:?old binary}
NEW=${2:?new binary}
ROUNDS=${3:-2}
DUR=${AB_DURATION:-5s}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-ab.XXXXXX")
PID=
cleanup() {
	[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }

one() { # label binary
	local bin=$1 db=$TMP/$RANDOM.db p base tok
	"$bin" migrate --db "$db" >/dev/null
	"$bin" import seed --db "$db" >/dev/null
	echo "benchmark-wachtwoord-1" | "$bin" user add bench --rol beheerder --naam Bench --wachtwoord-stdin --db "$db" >/dev/null
	tok=$("$bin" user token bench --naam ab --db "$db" 2>/dev/null | grep -oE '[A-Za-z0-9_-]{30,}' | head -n1)
	p=$(port)
	base=http://127.0.0.1:$p
	"$bin" serve --db "$db" --listen 127.0.0.1 --port "$p" >/dev/null 2>&1 &
	PID=$!
	for _ in $(seq 100); do curl -fs -o /dev/null "$base/" && break; sleep 0.1; done
	local line="$bin:"
	for u in /api/v1/samenwerkingsverbanden /samenwerkingsverbanden /samenwerkingsverbanden/veiligheidsregio-utrecht; do
		wrk -t1 -c50 -d1s "$base$u" >/dev/null
		out=$(wrk -t1 -c50 -d"$DUR" --latency "$base$u")
		line+=" $u $(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out") req/s p99 $(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")") ms;"
	done
	local key=veiligheidsregio-utrecht ts=()
	for i in $(seq 20); do
		etag=$(curl -fs -o /dev/null -D - "$base/api/v1/samenwerkingsverbanden/$key" | awk -F': ' 'tolower($1) == "etag" { gsub("\r", "", $2); print $2 }')
		read -r code secs <<<"$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X PATCH -H "Authorization: Bearer $tok" \
			-H "If-Match: $etag" -H 'Content-Type: application/merge-patch+json' \
			-d "{\"opmerking\":\"Benchmarkwijziging $i\"}" "$base/api/v1/samenwerkingsverbanden/$key")"
		[ "$code" = 200 ] || echo "ab: PATCH gave $code" >&2
		ts+=("$secs")
	done
	line+=" PATCH median $(printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]*1000}') ms;"
	line+=" VmHWM $(awk '/VmHWM/ {print $2, $3}' /proc/$PID/status)"
	kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=
	echo "$line"
}
echo "bench/ab.sh $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t1 -c50 -d$DUR"
for r in $(seq "$ROUNDS"); do
	echo "round $r"
	one "$OLD"
	one "$NEW"
done
