#!/bin/sh
# sqlmap.sh — run Debian's sqlmap (bounded in time) against a local atlas on
# 127.0.0.1 only: the read API (filters, paging, {id}/{code}), the search and
# the login form (with its CSRF token). Not part of `make test`: it takes a
# few minutes. Exit 0 when sqlmap reports no injection, 1 when it finds one,
# 2 on setup errors.
#
#   sh bench/sqlmap.sh                 # default: 90 s per target
#   SQLMAP_TIMEOUT=300 LEVEL=3 RISK=2 sh bench/sqlmap.sh
#
# Needs: apt-get install -y sqlmap; build/atlas (make).
set -u
cd "$(dirname "$0")/.." || exit 2
command -v sqlmap >/dev/null || { echo "sqlmap ontbreekt: apt-get install -y sqlmap" >&2; exit 2; }
[ -x build/atlas ] || { echo "build/atlas ontbreekt: make" >&2; exit 2; }

PER=${SQLMAP_TIMEOUT:-90}
LEVEL=${LEVEL:-2}
RISK=${RISK:-1}
PORT=${PORT:-18642}
TMP=$(mktemp -d)
DB=$TMP/atlas.db
BASE=http://127.0.0.1:$PORT
PW=een-lang-sqlmap-wachtwoord

build/atlas migrate --db "$DB" >/dev/null && build/atlas import seed --db "$DB" >/dev/null || exit 2
printf '%s\n' "$PW" | build/atlas user add sqlmap-gebruiker --rol programmateam --wachtwoord-stdin --db "$DB" >/dev/null || exit 2
build/atlas serve --db "$DB" --listen 127.0.0.1 --port "$PORT" >"$TMP/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
i=0
until curl -fs "$BASE/api/v1/health" >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -gt 100 ] && { echo "server start mislukt" >&2; exit 2; }
	sleep 0.1
done

found=0
run() { # name, sqlmap args...
	name=$1; shift
	echo "== $name"
	timeout "$PER" sqlmap --batch --level="$LEVEL" --risk="$RISK" --flush-session --disable-coloring \
		--output-dir="$TMP/out" --threads="${THREADS:-4}" "$@" >"$TMP/$name.log" 2>&1
	rc=$?
	if grep -qiE "is vulnerable|sqlmap identified the following injection" "$TMP/$name.log"; then
		echo "   INJECTIE GEVONDEN"; grep -iE "Parameter:|Type:|Title:" "$TMP/$name.log" | head -20; found=1
	elif grep -q "CRITICAL" "$TMP/$name.log"; then
		echo "   sqlmap-fout:"; grep CRITICAL "$TMP/$name.log" | head -3; found=2
	elif [ $rc -eq 124 ]; then
		echo "   geen injectie gevonden binnen ${PER}s (tijdslimiet bereikt)"
	else
		echo "   geen injectie gevonden ($(grep -ciE 'does not seem to be injectable|not injectable' "$TMP/$name.log") parameters getest)"
	fi
}

run api-list -u "$BASE/api/v1/samenwerkingsverbanden?beleidsdomein=veiligheid&fase=groei&deelnemer=gm0344&sorteer=naam&pagina=1&paginaGrootte=10&status=actief"
run api-org -u "$BASE/api/v1/organisaties/gm0344*" 
run api-orgs -u "$BASE/api/v1/organisaties?soort=gemeente&pagina=1"
run api-collab -u "$BASE/api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht*"
run api-people -u "$BASE/api/v1/personen?organisatie=gm0344"
run search -u "$BASE/zoeken?q=regio&pagina=1"
THREADS=1
run login -u "$BASE/inloggen" --data="gebruikersnaam=sqlmap-gebruiker&wachtwoord=fout&csrf=x&terug=/" \
	--csrf-token=csrf --csrf-url="$BASE/inloggen" -p gebruikersnaam,wachtwoord,terug

if grep -qE ' 5[0-9][0-9] [0-9]+ ' "$TMP/server.log"; then
	echo "server antwoordde met 5xx:"; grep -E ' 5[0-9][0-9] [0-9]+ ' "$TMP/server.log" | head
fi
curl -fs "$BASE/api/v1/health" >/dev/null && echo "server antwoordt nog" || { echo "server antwoordt niet meer"; found=1; }
exit $found
