#!/usr/bin/env bash
# Issue 15: dashboards from read models. With NEEDS needs (default 5,000,000) and their pledges over the whole
# country's divisions, in one run:
#   1. the figures a dashboard shows (needs by category and state; matching by count and value, staff self-pledges
#      apart, for each child region; the trend by month) computed twice with pgbench -c1 for SECONDS each, for the city
#      (衡阳市), a county (衡阳县) and the root (the whole country):
#        rollup — the statements NeedRollups runs (need_rollup, kept by triggers), and
#        base   — the plain GROUP BY over need (and pledge for the staff self-pledges) computing the same numbers;
#      both outputs are compared row by row (the run stops if they differ), and the speed-up is printed;
#   2. the application's GET /api/v1/stats/overview?region= for the city and the county with wrk, server-side p95
#      from the /actuator/prometheus histogram;
#   3. the pledge path: wrk POSTing pledges of one unit (rotating over open needs of Hunan, a fresh Idempotency-Key each)
#      with the read models' triggers enabled and disabled, alternately, three times each after a warm-up: the cost of
#      keeping them.
# Data: the jar's generate-needs (open needs, bench/needs-list.sh), then turned into a history by SQL: states
# (drafts to closed, expired, withdrawn), creation over 24 months, verification, the reporting unit, staff self-help,
# and one pledge per pledged need (received for confirmed ones). The read models are then rebuilt with the SQL of
# their migrations (V18, V31). Needs' items are left as generated (neither the dashboard nor this pledge path reads them
# for the needs moved to pledged states).
# Needs: a built target/bangfu.jar, curl, jq, psql, pgbench, wrk.
# Usage: bench/dashboard.sh [needs=5000000] [seconds=20]
# Environment: BENCH_DIR=dir keeps the data there and reuses a complete generation of that many needs (5,000,000
#              take 30–60 minutes here); PHASES="figures overview pledges" chooses what to measure ("rebuild" rebuilds
#              the read models from the needs, as the pledge phase does after its runs).
set -euo pipefail
cd "$(dirname "$0")/.."
NEEDS=${1:-5000000}
SECS=${2:-20}
PHASES=${PHASES:-"figures overview pledges"}
FILE=${DIVISIONS:-../shared/data/china-divisions.csv.gz}
JAR=target/bangfu.jar
PORT=18096
PGPORT=15496
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
for tool in curl jq psql pgbench wrk; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
if [ -n "${BENCH_DIR:-}" ]; then DIR=$(realpath -m "$BENCH_DIR"); mkdir -p "$DIR"; KEEP=1; else DIR=$(mktemp -d /tmp/bangfu-dash-bench.XXXXXX); KEEP=0; fi
APP=
stop_app() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi; }
trap 'stop_app; [ "$KEEP" = 1 ] || rm -rf "$DIR"' EXIT
export PGCLIENTENCODING=UTF8
PSQL="psql -q -X -h 127.0.0.1 -p $PGPORT -U postgres -d bangfu -v ON_ERROR_STOP=1"
start_app() {
  java -jar "$JAR" --bangfu.data-dir="$DIR/data" --server.port=$PORT --bangfu.embedded-db.port=$PGPORT "$@" >>"$DIR/app.log" 2>&1 &
  APP=$!
  until curl -sf "localhost:$PORT/actuator/health" | grep -q UP; do sleep 0.5; kill -0 $APP; done
  PGPASSWORD=$(cat "$DIR/data/postgres-password"); export PGPASSWORD
}

# The read models rebuilt as their migrations build them (V18, V31), in one transaction: after the history (made with
# the triggers off) and after the pledge runs (half of them with the read models' triggers off).
REBUILD_SQL=$(cat <<'SQL'
BEGIN;
TRUNCATE need_state_count, need_rollup, need_unit_report;
INSERT INTO need_state_count (region_code, state, n)
SELECT left(c.region_code, l.len), c.state, count(*) FROM need c CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
WHERE length(c.region_code) >= l.len GROUP BY 1, 2;
INSERT INTO need_rollup (region_code, verified_month, category, state, staff_met, n, value_fen, delta)
SELECT left(c.region_code, l.len), need_month(c.verified_at), c.category, c.state, c.staff_met, count(*), sum(c.total_value_fen), false
FROM need c CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len) WHERE length(c.region_code) >= l.len GROUP BY 1, 2, 3, 4, 5;
INSERT INTO need_unit_report (reporting_unit, collected_on, category, submitted_on, n, delta)
SELECT reporting_unit, need_day(created_at), category, need_day(submitted_at), count(*), false
FROM need WHERE reporting_unit IS NOT NULL AND submitted_at IS NOT NULL AND state NOT IN ('DRAFT', 'REJECTED') GROUP BY 1, 2, 3, 4;
COMMIT;
SQL
)

if [ ! -f "$DIR/history-$NEEDS.done" ]; then
  if [ ! -f "$DIR/needs-$NEEDS.done" ]; then
    [ ! -e "$DIR/data" ] || { echo "$DIR/data exists but holds no complete generation of $NEEDS needs: remove it" >&2; exit 1; }
    echo "== importing the country's divisions into $DIR/data"
    java -jar "$JAR" import-divisions "$FILE" --bangfu.data-dir="$DIR/data" --bangfu.embedded-db.port=$PGPORT | grep -v WARN
    echo "== first start (the demo seed gives the staff and donor accounts)"
    start_app
    until [ "$($PSQL -Atc "SELECT count(*) FROM role_grant WHERE role = 'CITY_ADMIN'")" -gt 0 ]; do sleep 0.5; done
    sleep 20 # the demo seed's history
    $PSQL -Atc "SELECT coalesce(max(id), 0) FROM need" > "$DIR/last-demo-need"
    stop_app
    echo "== generating $NEEDS needs over the country's villages"
    java -jar "$JAR" generate-needs --count="$NEEDS" --seed=2026 --bangfu.data-dir="$DIR/data" --bangfu.embedded-db.port=$PGPORT 2>&1 | grep -v WARN
    touch "$DIR/needs-$NEEDS.done"
  fi
  echo "== turning the generated needs into a history (states, months, reporting units, pledges)"
  start_app --bangfu.needs.figures-compaction=1h
  LAST_DEMO=$(cat "$DIR/last-demo-need")
  time $PSQL <<SQL
\timing on
-- generated needs only: the demo's own needs keep their real history
CREATE TEMP TABLE generated AS SELECT id FROM need WHERE id > $LAST_DEMO;
-- the secondary indexes of need (the trigram one above all) are dropped and built again after the update, as
-- generate-needs does: updating 5 million rows through them would take hours
CREATE TEMP TABLE need_indexes AS
SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() AND tablename = 'need'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname);
DO \$\$ DECLARE r record; BEGIN FOR r IN SELECT indexname FROM need_indexes LOOP EXECUTE 'DROP INDEX ' || r.indexname; END LOOP; END \$\$;
SET maintenance_work_mem = '512MB';
ALTER TABLE need DISABLE TRIGGER USER;
UPDATE need n SET
  state = s.state,
  created_at = s.created, updated_at = s.created + interval '3 days',
  submitted_at = CASE WHEN s.state = 'DRAFT' THEN NULL ELSE s.created + interval '1 day' END,
  verified_at = CASE WHEN s.state IN ('DRAFT', 'SUBMITTED', 'REJECTED') THEN NULL ELSE s.created + interval '2 days' END,
  published_at = CASE WHEN s.state IN ('DRAFT', 'SUBMITTED', 'REJECTED', 'VERIFIED') THEN NULL ELSE s.created + interval '2 days' END,
  verified_by = CASE WHEN s.state IN ('DRAFT', 'SUBMITTED', 'REJECTED') THEN NULL ELSE n.verified_by END,
  pledged_quantity = CASE WHEN s.state IN ('PLEDGED', 'DELIVERED', 'CONFIRMED', 'CLOSED') THEN n.total_quantity
                          WHEN s.state = 'PARTLY_PLEDGED' THEN n.pledged_quantity ELSE 0 END,
  staff_met = s.state IN ('CONFIRMED', 'CLOSED') AND s.h2 % 100 < 8,
  reporting_unit = CASE WHEN s.h2 % 10 < 7 THEN n.region_code WHEN s.h2 % 10 < 9 THEN left(n.region_code, 9) END
FROM (SELECT g.id, h2,
        now() - ((h % 730) * interval '1 day') AS created,
        CASE WHEN h % 1000 < 30 THEN 'DRAFT' WHEN h % 1000 < 70 THEN 'SUBMITTED' WHEN h % 1000 < 90 THEN 'REJECTED'
             WHEN h % 1000 < 100 THEN 'VERIFIED' WHEN h % 1000 < 400 THEN 'PUBLISHED' WHEN h % 1000 < 500 THEN 'PARTLY_PLEDGED'
             WHEN h % 1000 < 580 THEN 'PLEDGED' WHEN h % 1000 < 650 THEN 'DELIVERED' WHEN h % 1000 < 850 THEN 'CONFIRMED'
             WHEN h % 1000 < 950 THEN 'CLOSED' WHEN h % 1000 < 980 THEN 'EXPIRED' ELSE 'WITHDRAWN' END AS state
      FROM (SELECT id, abs(hashtext(id::text)) AS h, abs(hashtext('u' || id)) AS h2 FROM generated) g) s
WHERE n.id = s.id;
-- PUBLISHED needs wait for a first pledge: their items too
UPDATE need_item i SET pledged_quantity = 0 FROM need n WHERE n.id = i.need_id AND n.state = 'PUBLISHED' AND i.pledged_quantity > 0;
ALTER TABLE need ENABLE TRIGGER USER;
DO \$\$ DECLARE r record; BEGIN FOR r IN SELECT indexdef FROM need_indexes LOOP EXECUTE r.indexdef; END LOOP; END \$\$;
INSERT INTO pledge (need_id, region_code, donor_id, state, quantity, value_fen, staff_in_scope, deadline, created_at, shipped_at, received_at)
SELECT n.id, n.region_code, (SELECT min(account_id) FROM role_grant WHERE role = 'DONOR'),
       CASE WHEN n.state IN ('CONFIRMED', 'CLOSED') THEN 'RECEIVED' WHEN n.state = 'DELIVERED' THEN 'IN_TRANSIT' ELSE 'COMMITTED' END,
       greatest(n.pledged_quantity, 1), n.total_value_fen, n.staff_met, n.created_at + interval '30 days', n.created_at + interval '3 days',
       CASE WHEN n.state IN ('DELIVERED', 'CONFIRMED', 'CLOSED') THEN n.created_at + interval '4 days' END,
       CASE WHEN n.state IN ('CONFIRMED', 'CLOSED') THEN n.created_at + interval '6 days' END
FROM need n JOIN generated g ON g.id = n.id
WHERE n.state IN ('PARTLY_PLEDGED', 'PLEDGED', 'DELIVERED', 'CONFIRMED', 'CLOSED');
$REBUILD_SQL
SQL
  $PSQL -c "VACUUM (ANALYZE) need" -c "VACUUM (ANALYZE) pledge" -c "VACUUM (ANALYZE) need_rollup" -c "VACUUM (ANALYZE) need_item"
  stop_app
  touch "$DIR/history-$NEEDS.done"
fi

echo "== starting the application with latency histograms"
start_app --management.metrics.distribution.percentiles-histogram.http.server.requests=true \
  --bangfu.metrics.allowed-addresses=127.0.0.1,::1 ${APP_OPTS:-}
$PSQL -Atc "SELECT 'needs: ' || count(*) || ', pledges: ' || (SELECT count(*) FROM pledge) || ', rollup rows: ' || (SELECT count(*) FROM need_rollup) FROM need"
$PSQL -Atc "SELECT 'needs of 衡阳市: ' || count(*) FROM need WHERE region_code LIKE '4304%'"
$PSQL -Atc "SELECT 'needs of 衡阳县: ' || count(*) FROM need WHERE region_code LIKE '430421%'"
TO=$($PSQL -Atc "SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-01')")
FROM=$($PSQL -Atc "SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai') - interval '11 months', 'YYYY-MM-01')")

# The dashboard's figures of a region (prefix :p, children's prefix length :cl), the two ways. Same columns, same order.
cat > "$DIR/rollup.sql" <<'SQL'
SELECT category, state, sum(n), sum(value_fen) FROM need_rollup WHERE region_code = :'p'
GROUP BY category, state HAVING sum(n) <> 0 ORDER BY 1, 2;
SELECT region_code, sum(n), sum(value_fen),
       coalesce(sum(n) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED')), 0), coalesce(sum(value_fen) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED')), 0),
       coalesce(sum(n) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED') AND staff_met), 0),
       coalesce(sum(value_fen) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED') AND staff_met), 0)
FROM need_rollup WHERE region_code IN (SELECT prefix FROM region WHERE parent_code = :'code') AND verified_month BETWEEN :'from' AND :'to'
GROUP BY region_code HAVING sum(n) <> 0 ORDER BY 1;
SELECT verified_month, sum(n), sum(value_fen),
       coalesce(sum(n) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED')), 0), coalesce(sum(value_fen) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED')), 0),
       coalesce(sum(n) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED') AND staff_met), 0),
       coalesce(sum(value_fen) FILTER (WHERE state IN ('CONFIRMED', 'CLOSED') AND staff_met), 0)
FROM need_rollup WHERE region_code = :'p' AND verified_month BETWEEN :'from' AND :'to'
GROUP BY verified_month HAVING sum(n) <> 0 ORDER BY 1;
SQL
cat > "$DIR/base.sql" <<'SQL'
SELECT category, state, count(*), sum(total_value_fen) FROM need WHERE region_code LIKE :'p' || '%'
GROUP BY category, state ORDER BY 1, 2;
WITH v AS (
  SELECT n.region_code, n.total_value_fen AS value, n.state IN ('CONFIRMED', 'CLOSED') AS confirmed,
         n.state IN ('CONFIRMED', 'CLOSED') AND EXISTS (SELECT 1 FROM pledge p WHERE p.need_id = n.id AND p.state = 'RECEIVED' AND p.staff_in_scope) AS by_staff
  FROM need n
  WHERE n.region_code LIKE :'p' || '%' AND n.verified_at >= (:'from'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
    AND n.verified_at < ((:'to'::date + interval '1 month')::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
SELECT r.prefix, count(*), sum(value), count(*) FILTER (WHERE confirmed), coalesce(sum(value) FILTER (WHERE confirmed), 0),
       count(*) FILTER (WHERE by_staff), coalesce(sum(value) FILTER (WHERE by_staff), 0)
FROM v JOIN region r ON r.parent_code = :'code' AND v.region_code LIKE r.prefix || '%'
GROUP BY r.prefix ORDER BY 1;
WITH v AS (
  SELECT date_trunc('month', n.verified_at AT TIME ZONE 'Asia/Shanghai')::date AS month, n.total_value_fen AS value,
         n.state IN ('CONFIRMED', 'CLOSED') AS confirmed,
         n.state IN ('CONFIRMED', 'CLOSED') AND EXISTS (SELECT 1 FROM pledge p WHERE p.need_id = n.id AND p.state = 'RECEIVED' AND p.staff_in_scope) AS by_staff
  FROM need n
  WHERE n.region_code LIKE :'p' || '%' AND n.verified_at >= (:'from'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
    AND n.verified_at < ((:'to'::date + interval '1 month')::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
SELECT month, count(*), sum(value), count(*) FILTER (WHERE confirmed), coalesce(sum(value) FILTER (WHERE confirmed), 0),
       count(*) FILTER (WHERE by_staff), coalesce(sum(value) FILTER (WHERE by_staff), 0)
FROM v GROUP BY month ORDER BY 1;
SQL

figures() { # code label
  local code=$1 label=$2 p
  p=$($PSQL -Atc "SELECT prefix FROM region WHERE code = '$code'")
  local vars=(-v "p=$p" -v "code=$code" -v "from=$FROM" -v "to=$TO")
  $PSQL -At "${vars[@]}" -f "$DIR/rollup.sql" > "$DIR/rollup-$code.out"
  $PSQL -At "${vars[@]}" -f "$DIR/base.sql" > "$DIR/base-$code.out"
  if ! diff -q "$DIR/rollup-$code.out" "$DIR/base-$code.out" >/dev/null; then
    echo "$label: the read models and the GROUP BY DIFFER:" >&2; diff "$DIR/rollup-$code.out" "$DIR/base-$code.out" | head -20 >&2; exit 1
  fi
  local rows; rows=$(wc -l < "$DIR/rollup-$code.out")
  # pgbench wants its variables set inside the script
  for side in rollup base; do
    { echo "\\set unused 0"; sed -e "s/:'p'/'$p'/g; s/:'code'/'$code'/g; s/:'from'/'$FROM'/g; s/:'to'/'$TO'/g" "$DIR/$side.sql"; } > "$DIR/pgbench-$side-$code.sql"
  done
  local R B
  R=$(pgbench -n -h 127.0.0.1 -p $PGPORT -U postgres -c 1 -T "$SECS" -f "$DIR/pgbench-rollup-$code.sql" bangfu 2>&1 | sed -nE 's/^latency average = ([0-9.]+) ms/\1/p')
  B=$(pgbench -n -h 127.0.0.1 -p $PGPORT -U postgres -c 1 -T "$SECS" -f "$DIR/pgbench-base-$code.sql" bangfu 2>&1 | sed -nE 's/^latency average = ([0-9.]+) ms/\1/p')
  printf '%-22s same numbers (%d rows)  read models %8.3f ms  GROUP BY %9.2f ms  speed-up %7.0f×\n' "$label" "$rows" "$R" "$B" "$(echo "$B / $R" | bc -l)"
}

source bench/lib.sh

overview() { # code label
  local path="/api/v1/stats/overview?region=$1"
  curl -sf -o /dev/null "localhost:$PORT$path" || { echo "$path does not answer 200" >&2; exit 1; }
  wrk -t1 -c2 -d5s "http://localhost:$PORT$path" >/dev/null
  histogram /api/v1/stats/overview > "$DIR/before"
  local W; W=$(wrk -t2 -c4 -d"${SECS}s" "http://localhost:$PORT$path" | grep 'Requests/sec' | awk '{print $2}')
  histogram /api/v1/stats/overview > "$DIR/after"
  printf '%-22s GET %s  %8.1f req/s  server p95 %s\n' "$2" "$path" "$W" "$(server_p95 "$DIR/before" "$DIR/after")"
}

pledges() { # label
  RUN=$((RUN + 1))
  local W; W=$(RUN=$RUN TOKEN=$TOKEN NEEDS_FILE="$DIR/open-needs.txt" wrk -t2 -c4 -d"${SECS}s" -s bench/pledge.lua "http://localhost:$PORT" 2>>"$DIR/pledge-refusals.txt" | tee "$DIR/wrk-pledge.txt" | grep 'Requests/sec' | awk '{print $2}')
  printf '%-34s %8.1f pledges/s  %s\n' "$1" "$W" "$(grep -E 'Non-2xx|errors' "$DIR/wrk-pledge.txt" | tr -s ' ' | tr '\n' ' ')"
}

echo "== measured on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); months $FROM .. $TO"
for phase in $PHASES; do
  case $phase in
    figures)
      echo "-- the dashboard's figures: read models vs the plain GROUP BY (pgbench -c1, ${SECS}s each, average latency)"
      figures 430400 "city 衡阳市"
      figures 430421 "county 衡阳县"
      ROOT=$($PSQL -Atc "SELECT code FROM region WHERE prefix = '' LIMIT 1")
      [ -z "$ROOT" ] || figures "$ROOT" "root (the country)"
      ;;
    overview)
      echo "-- the application's overview (wrk -t2 -c4, ${SECS}s each)"
      overview 430400 "city 衡阳市"
      overview 430421 "county 衡阳县"
      ;;
    pledges)
      echo "-- the pledge path with and without the read models' triggers (wrk -t2 -c4, ${SECS}s each)"
      TOKEN=$(curl -sf -H 'Content-Type: application/json' -d '{"phone":"13800000021","password":"Bangfu@2017"}' "localhost:$PORT/api/v1/auth/login" | jq -r .token)
      # open needs waiting for their first pledge, with room left on their first line (not product sales: most are outside
      # their sales window, refused at once), 100,000 of them so that no run comes back to a need a run before it filled;
      # the first answer of each refusal kind goes to pledge-refusals.txt
      $PSQL -Atc "SELECT n.id FROM need n JOIN need_item i ON i.need_id = n.id AND i.position = 0
                  WHERE n.state = 'PUBLISHED' AND n.category <> 'PRODUCT_SALES' AND i.quantity - i.pledged_quantity >= 1
                  ORDER BY n.id DESC LIMIT 100000" > "$DIR/open-needs.txt"
      wc -l < "$DIR/open-needs.txt" | sed 's/^/   open needs rotated over: /'
      # warm-up, not counted: the JIT compiles the pledge path and the caches fill (the first run after a start was the
      # slowest of all by far, whatever the triggers)
      RUN=0 TOKEN=$TOKEN NEEDS_FILE="$DIR/open-needs.txt" wrk -t2 -c4 -d"${SECS}s" -s bench/pledge.lua "http://localhost:$PORT" >/dev/null
      RUN=0
      for round in 1 2 3; do
        $PSQL -c "ALTER TABLE need ENABLE TRIGGER need_rollups_insert, ENABLE TRIGGER need_rollups_update"
        pledges "with the read models (round $round)"
        $PSQL -c "ALTER TABLE need DISABLE TRIGGER need_rollups_insert, DISABLE TRIGGER need_rollups_update"
        pledges "without them (round $round)"
      done
      $PSQL -c "ALTER TABLE need ENABLE TRIGGER need_rollups_insert, ENABLE TRIGGER need_rollups_update"
      echo "   (the read models missed the pledges made without their triggers: rebuilding them)"
      echo "$REBUILD_SQL" | $PSQL
      $PSQL -c "VACUUM (ANALYZE) need_rollup" -c "VACUUM (ANALYZE) need_unit_report" -c "VACUUM (ANALYZE) need_state_count"
      ;;
    rebuild)
      echo "-- rebuilding the read models"
      echo "$REBUILD_SQL" | $PSQL
      # as autovacuum would leave them: statistics for the planner, the visibility map for index-only scans
      $PSQL -c "VACUUM (ANALYZE) need_rollup" -c "VACUUM (ANALYZE) need_unit_report" -c "VACUUM (ANALYZE) need_state_count"
      ;;
  esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
