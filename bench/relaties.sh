#!/usr/bin/env bash
# bench/relaties.sh — the relations overview at national scale: a synthetic
# registry (bench/gen_national.py: 342 gemeenten in the province) with 20,000
# contact moments, 2,000 signals, 2,000 follow-ups, an accounthouder per
# gemeente and 400 events (2025-2028) with 16,000 registrations of the
# gemeenten's users and of guests naming a gemeente (the "next event"
# column), written straight into the SQLite database (fictional text).
# Then, on a fresh `atlas serve`, 200 sequential requests each of the
# overview as JSON (GET /api/v1/relaties, a staff token) and as a page
# (GET /relaties, a signed-in session), and 200 of one partner's page. Signed-in
# replies are never cached, so every request computes the overview anew.
# Prints p50/p95/p99/max per URL against the target (≤ 50 ms uncached), and
# the server's CPU time per request.
# A benchmark, not a test: exits 0 whatever the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${ATLAS_BIN:-build/atlas}
N=${BENCH_RELATIES_N:-200}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atlas-relaties.XXXXXX")
PID=
cleanup() {
	[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

python3 bench/gen_national.py "$TMP/gen" >/dev/null
DB=$TMP/r.db
"$BIN" migrate --db "$DB" >/dev/null
"$BIN" import seed --seed-dir "$TMP/gen/seed" --db "$DB" >/dev/null
PW="benchmark-wachtwoord-$$-$RANDOM"
echo "$PW" | "$BIN" user add bench --rol programmateam --naam "Benchmark" --wachtwoord-stdin --db "$DB" >/dev/null
TOKEN=$("$BIN" user token bench --naam bench --db "$DB" 2>/dev/null | head -n1)

# the relation records, fictional, spread over every gemeente
/usr/bin/env python3 - "$DB" <<'PY'
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
random.seed(17)
orgs = [r[0] for r in db.execute("SELECT code FROM organisation WHERE kind = 'municipality'")]
uid = db.execute("SELECT id FROM app_user WHERE username = 'bench'").fetchone()[0]
now = "2026-12-01T09:00:00.000Z"
kinds = ["bestuurlijk", "ambtelijk", "werkbezoek", "telefonisch", "netwerkdag", "anders"]
def day(i):
    return f"20{22 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"
db.executemany("INSERT INTO account_manager (org_code, user_id, start_date, created_at) VALUES (?, ?, '2025-01-01', ?)",
               [(o, uid, now) for o in orgs])
db.executemany("INSERT INTO contact_moment (org_code, held_on, kind, subject, summary, confidentiality, created_by, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, 'gebruiker:bench', ?)",
               [(random.choice(orgs), day(i), kinds[i % 6], f"Testoverleg {i}", "Fictieve samenvatting.",
                 "intern" if i % 3 else "partner", now) for i in range(20000)])
db.executemany("INSERT INTO relation_signal (org_code, title, severity, status, confidentiality, created_by, created_at, updated_at) "
               "VALUES (?, ?, 'middel', ?, 'intern', 'gebruiker:bench', ?, ?)",
               [(random.choice(orgs), f"Testsignaal {i}", ["open", "in_behandeling", "opgelost"][i % 3], now, now) for i in range(2000)])
db.executemany("INSERT INTO follow_up (org_code, title, owner_id, due_date, status, confidentiality, created_by, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, 'intern', 'gebruiker:bench', ?, ?)",
               [(random.choice(orgs), f"Testactie {i}", uid, day(i), ["open", "afgerond"][i % 2], now, now) for i in range(2000)])
# events for the "next event" column: 400 events from two years back to two
# years ahead, 40 places each, taken by users of the gemeenten (one per
# gemeente) and by guests who typed a gemeente's name
ids = dict(db.execute("SELECT code, id FROM organisation WHERE kind = 'municipality'"))
names = [r[0] for r in db.execute("SELECT name FROM organisation WHERE kind = 'municipality'")]
db.executemany("INSERT INTO app_user (username, display_name, role, org_id, created_at) VALUES (?, ?, 'redacteur', ?, ?)",
               [(f"bench-{o}", f"Testredacteur {o}", ids[o], now) for o in orgs])
users = [r[0] for r in db.execute("SELECT id FROM app_user WHERE username LIKE 'bench-%'")]
for i in range(400):
    start = f"20{25 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}T{9 + i % 8:02d}:00"
    eid = db.execute("INSERT INTO event (kind, title, starts_at, ends_at, capacity, organiser, created_by, created_at, updated_at) "
                     "VALUES ('netwerkdag', ?, ?, ?, 40, 'Provincie Utrecht', 'gebruiker:bench', ?, ?)",
                     (f"Testbijeenkomst {i}", start, start[:11] + "17:00", now, now)).lastrowid
    regs = [(eid, u, None, f"Testdeelnemer {u}", "", ["bevestigd", "bevestigd", "wachtlijst", "geannuleerd"][j % 4])
            for j, u in enumerate(random.sample(users, 25))]
    regs += [(eid, None, f"gast{j}-{eid}@example.org", f"Testgast {j}", random.choice(names), "bevestigd") for j in range(15)]
    db.executemany("INSERT INTO event_registration (event_id, user_id, email, name, organisation, status, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [r + (now, now) for r in regs])
db.commit()
print(f"  {len(orgs)} gemeenten, 20000 contactmomenten, 2000 signalen, 2000 vervolgacties, 400 bijeenkomsten met 16000 aanmeldingen")
PY

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --db "$DB" --port "$PORT" >"$TMP/serve.out" 2>"$TMP/serve.log" &
PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/api/v1/health" && break; sleep 0.1; done

# a web session for the page
JAR=$TMP/jar
CSRF=$(curl -s -c "$JAR" "$BASE/inloggen" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "gebruikersnaam=bench" --data-urlencode "wachtwoord=$PW" \
	--data-urlencode "csrf=$CSRF" --data-urlencode "terug=/" "$BASE/inloggen"
PARTNER=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/relaties" | python3 -c 'import json,sys; print(json.load(sys.stdin)["relaties"][0]["organisatie"])')

measure() { # label url curl-args...
	local label=$1 url=$2
	shift 2
	curl -s -o /dev/null "$@" "$url" # warm-up
	local c0 cpu
	c0=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
	for _ in $(seq "$N"); do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$@" "$url"
	done >"$TMP/t.txt"
	# the server's CPU time (user + system) per request: steadier than the
	# wall-clock figures on a shared machine
	cpu=$(awk -v c0="$c0" -v n="$N" -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 - c0) * 1000 / hz / n }' "/proc/$PID/stat")
	local bad
	bad=$(awk '$1 != 200' "$TMP/t.txt" | wc -l)
	awk '{ print $2 * 1000 }' "$TMP/t.txt" | sort -n | awk -v label="$label" -v bad="$bad" -v cpu="$cpu" '
		{ t[NR] = $1 }
		END {
			n = NR
			printf "  %-34s n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  cpu %s ms/verzoek  (niet-200: %d) — doel ≤ 50 ms\n",
				label, n, t[int(n * 0.50)], t[int(n * 0.95)], t[int(n * 0.99)], t[n], cpu, bad
		}'
}
echo "Relaties op landelijke schaal (bench/relaties.sh, $N opeenvolgende verzoeken, ongecachet):"
measure "GET /api/v1/relaties (sleutel)" "$BASE/api/v1/relaties" -H "Authorization: Bearer $TOKEN"
measure "GET /relaties (sessie)" "$BASE/relaties" -b "$JAR"
measure "GET /relaties/$PARTNER (sessie)" "$BASE/relaties/$PARTNER" -b "$JAR"
echo "  RSS na afloop: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' /proc/$PID/status)"
