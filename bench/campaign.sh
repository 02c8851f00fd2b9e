#!/usr/bin/env bash
# Issue #6: a campaign end to end, through the application. Generates NEEDS open needs over Hengyang's
# villages (the jar's generate-needs mode), starts the application (default JVM settings), creates a
# city-wide campaign as the demo city admin, gives it DONORS enterprise donors with budgets,
# categories and county/township areas (SQL, seeded), and times with curl:
#   POST /api/v1/campaigns/{id}/allocate   (candidate query, allocator, cutting into units, storing the proposals) RUNS times
#   GET  /api/v1/campaigns/{id}            (the whole plan as JSON)
#   GET  /campaigns/{id}                   (the review page, first 300 proposed needs)
#   POST /api/v1/campaigns/{id}/send       (invitations and one notice + SMS per donor)
# and prints the plan's figures (candidates, needs met, value, share of the LP bound).
# Needs: a built target/bangfu.jar, curl, jq, psql.
# Usage: bench/campaign.sh [needs=100000] [donors=1000] [runs=3]
# Environment: BENCH_DIR=dir keeps the data directory and reuses its generated needs.
#   MONEY_SHARE=0.3 first turns the first line of that share of the open medical and education needs (nothing pledged
#   of it yet) into a money line (quantity 1, the line's value), given through the fund (issue 14). It stays so in
#   BENCH_DIR: run without it first for the goods-only figures.
set -euo pipefail
cd "$(dirname "$0")/.."
NEEDS=${1:-100000}
DONORS=${2:-1000}
RUNS=${3:-3}
JAR=target/bangfu.jar
PORT=18096
PGPORT=15496
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
for c in curl jq psql; do command -v $c >/dev/null || { echo "$c is missing" >&2; exit 1; }; done
if [ -n "${BENCH_DIR:-}" ]; then DIR=$(realpath -m "$BENCH_DIR"); mkdir -p "$DIR"; KEEP=1; else DIR=$(mktemp -d /tmp/bangfu-campaign-bench.XXXXXX); KEEP=0; fi
APP=
stop_app() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi; }
trap 'stop_app; [ "$KEEP" = 1 ] || rm -rf "$DIR"' EXIT
export PGCLIENTENCODING=UTF8
PSQL="psql -q -X -h 127.0.0.1 -p $PGPORT -U postgres -d bangfu -v ON_ERROR_STOP=1"
start_app() {
  java -jar "$JAR" --bangfu.data-dir="$DIR/data" --server.port=$PORT --bangfu.embedded-db.port=$PGPORT "$@" >>"$DIR/app.log" 2>&1 &
  APP=$!
  until curl -sf "localhost:$PORT/actuator/health" | grep -q UP; do sleep 0.5; kill -0 $APP; done
  PGPASSWORD=$(cat "$DIR/data/postgres-password"); export PGPASSWORD # generated on the first start
}

if [ ! -f "$DIR/needs-$NEEDS.done" ]; then
  [ ! -e "$DIR/data" ] || { echo "$DIR/data exists but holds no complete generation of $NEEDS needs: remove it" >&2; exit 1; }
  echo "== first start (the demo seed: accounts, and the staff account the needs are posted by)"
  start_app
  until [ "$($PSQL -Atc "SELECT count(*) FROM campaign")" -gt 0 ]; do sleep 0.5; done
  stop_app
  echo "== generating $NEEDS open needs over Hengyang's villages"
  java -jar "$JAR" generate-needs --count="$NEEDS" --seed=2026 --region=430400 --bangfu.data-dir="$DIR/data" --bangfu.embedded-db.port=$PGPORT 2>&1 | grep -v WARN
  touch "$DIR/needs-$NEEDS.done"
fi

start_app
# earlier runs' campaigns hold their needs for their invitations' answer period: start from none
$PSQL -c "DELETE FROM campaign WHERE name LIKE 'benchmark %'"
if [ -n "${MONEY_SHARE:-}" ]; then
  $PSQL <<SQL
SELECT setseed(0.14);
UPDATE need_item i SET money = true, quantity = 1
FROM need n
WHERE n.id = i.need_id AND i.position = 0 AND i.pledged_quantity = 0 AND NOT i.money AND n.state = 'PUBLISHED'
  AND n.category IN ('MEDICAL', 'EDUCATION') AND n.region_code LIKE '4304%' AND random() < $MONEY_SHARE;
SQL
fi
$PSQL -Atc "SELECT 'money lines: ' || count(*) || ', ' || (coalesce(sum(value_fen), 0) / 100)::bigint || ' yuan' FROM need_item WHERE money"
login() { curl -sf -H 'Content-Type: application/json' -d "{\"phone\":\"$1\",\"password\":\"Bangfu@2017\"}" localhost:$PORT/api/v1/auth/login | jq -r .token; }
CITY=$(login 13800000001)
$PSQL -Atc "SELECT 'open needs in 430400: ' || count(*) FROM need WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED') AND region_code LIKE '4304%'"
C=$(curl -sf -H "Authorization: Bearer $CITY" -H 'Content-Type: application/json' localhost:$PORT/api/v1/campaigns \
  -d "{\"name\":\"benchmark $(date +%s)\",\"regionCode\":\"430400\"}" | jq .id)
echo "== campaign $C: $DONORS donors (budgets 2,000–200,000 yuan; 0–2 categories; anywhere, or 1–2 counties or townships)"
$PSQL <<SQL
SELECT setseed(0.2026);
CREATE TEMP TABLE d AS SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM generate_series(1, $DONORS) i;
CREATE TEMP TABLE areas AS SELECT row_number() OVER (ORDER BY code) AS n, prefix FROM region WHERE level IN ('COUNTY', 'TOWNSHIP') AND code LIKE '4304%';
CREATE TEMP TABLE cats AS SELECT row_number() OVER () AS n, c FROM unnest(ARRAY['MEDICAL','EDUCATION','HOUSING','ORPHAN_CARE','ELDERLY_CARE','CENTRAL_SUPPORT','PRODUCT_SALES','VILLAGE','OTHER']) c;
CREATE TEMP TABLE donors AS
  WITH a AS (INSERT INTO account (name, donor_type, created_at) SELECT 'bench donor ' || i || ' c$C', 'ENTERPRISE', now() FROM d RETURNING id, name)
  SELECT a.id, d.* FROM a JOIN d ON a.name = 'bench donor ' || d.i || ' c$C';
INSERT INTO role_grant (account_id, role, granted_at) SELECT id, 'DONOR', now() FROM donors;
INSERT INTO campaign_donor (campaign_id, donor_id, budget_fen, categories, region_prefixes)
SELECT $C, id, (200000 + floor(r1 * 19800000))::bigint,
       CASE WHEN r2 < 0.4 THEN ARRAY[]::text[]
            WHEN r2 < 0.7 THEN ARRAY[(SELECT c FROM cats WHERE n = 1 + floor(r3 * 9)::int)]
            ELSE ARRAY(SELECT DISTINCT c FROM cats WHERE n IN (1 + floor(r3 * 9)::int, 1 + floor(r4 * 9)::int)) END,
       CASE WHEN r4 < 0.3 THEN ARRAY[]::text[]
            ELSE ARRAY(SELECT DISTINCT prefix FROM areas WHERE n IN (1 + floor(r1 * (SELECT count(*) FROM areas))::int,
                                                               1 + floor(r3 * (SELECT count(*) FROM areas))::int)) END
FROM donors;
SQL
$PSQL -Atc "SELECT 'budgets: ' || count(*) || ' donors, ' || sum(budget_fen) / 100 || ' yuan' FROM campaign_donor WHERE campaign_id = $C"

for run in $(seq 1 "$RUNS"); do
  OUT=$(curl -s -o "$DIR/plan.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $CITY" localhost:$PORT/api/v1/campaigns/$C/allocate)
  echo "allocate run $run: HTTP ${OUT% *}, ${OUT#* } s, $(jq -r '"\(.proposedNeeds) needs, \(.proposedValueFen) fen"' "$DIR/plan.json")"
done
jq -r '"candidates \(.campaign.candidateNeeds) (\(.campaign.candidateValueFen / 100) yuan); met \(.proposedNeeds) needs, \(.proposedValueFen / 100) yuan, \(.shareOfBound * 100 | . * 1000 | round / 1000)% of the LP bound \(.campaign.fractionalBoundFen / 100) yuan; rounding loss \(.campaign.roundingLossFen / 100) yuan; \(.invitations | length) invitations"' "$DIR/plan.json"
jq -r '[.invitations[] | select(.moneyPosition != null)] | "money invitations \(length), \((map(.valueFen) | add // 0) / 100) yuan, over \(map(.needId) | unique | length) needs"' "$DIR/plan.json"
curl -s -o /dev/null -w 'GET /api/v1/campaigns/%{url_effective}: %{http_code} %{time_total} s, %{size_download} bytes\n' -H "Authorization: Bearer $CITY" localhost:$PORT/api/v1/campaigns/$C \
  | sed "s#http://localhost:$PORT/api/v1/campaigns/##"
# the page needs a session: log in with the form (CSRF token from the login page)
JAR_COOKIES="$DIR/cookies"; rm -f "$JAR_COOKIES"
CSRF=$(curl -s -c "$JAR_COOKIES" localhost:$PORT/login | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "phone=13800000001" --data-urlencode "password=Bangfu@2017" --data-urlencode "_csrf=$CSRF" localhost:$PORT/login
curl -s -b "$JAR_COOKIES" -o /dev/null -w "GET /campaigns/$C (review page): %{http_code} %{time_total} s, %{size_download} bytes\n" localhost:$PORT/campaigns/$C
OUT=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $CITY" -H 'Content-Type: application/json' -d '{"respondDays":7}' localhost:$PORT/api/v1/campaigns/$C/send)
echo "send: HTTP ${OUT% *}, ${OUT#* } s ($($PSQL -Atc "SELECT count(DISTINCT donor_id) FROM campaign_invitation WHERE campaign_id = $C AND state = 'SENT'") donors told)"
