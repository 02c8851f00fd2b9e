#!/usr/bin/env bash
# Issue #5: the public need list at NEEDS open needs across the country. Imports the national division
# file, generates the needs with the jar's generate-needs mode, starts the application (default JVM
# settings, as in production) with per-request latency histograms, and then, for each kind of query,
# runs side by side in the same run:
#   wrk     -t2 -c8 against GET /api/v1/needs?... rotating over a fixed set of filters (bench/needs-list.lua)
#   pgbench -j2 -c8 -M prepared running the statements the application runs per request (the region
#           lookup when a region is given, the list, the names of the page's households, the items of the
#           page's 20 needs) with the same
#           parameters, rotating over the same set
# and prints requests/s, transactions/s, their ratio, and the server-side p95 of the requests of that
# run (from the difference of /actuator/prometheus's histogram buckets before and after it).
# Needs: a built target/bangfu.jar, curl, jq, psql and pgbench (PostgreSQL client; /usr/bin/pgbench),
#        wrk (Debian: apt-get install -y wrk).
# Usage: bench/needs-list.sh [needs=1000000] [seconds=30] [connections=8]
# Environment: BENCH_DIR=dir keeps the data directory there and reuses it when it already holds that
#              many generated needs (generating 1,000,000 takes 5–15 minutes here); GZIP=0 sends no
#              Accept-Encoding (default 1: gzip, as browsers and the app do); KINDS="all region keyword
#              county-keyword" chooses the query kinds; APP_OPTS="--name=value ..." adds application options.
set -euo pipefail
cd "$(dirname "$0")/.."
NEEDS=${1:-1000000}
SECONDS_EACH=${2:-30}
CONNS=${3:-8}
KINDS=${KINDS:-"all region keyword county-keyword"}
GZIP=${GZIP:-1}
FILE=${DIVISIONS:-../shared/data/china-divisions.csv.gz}
JAR=target/bangfu.jar
PORT=18095
PGPORT=15495
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
[ -f "$FILE" ] || { echo "no division file at $FILE" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
if [ -n "${BENCH_DIR:-}" ]; then DIR=$(realpath -m "$BENCH_DIR"); mkdir -p "$DIR"; KEEP=1; else DIR=$(mktemp -d /tmp/bangfu-needs-bench.XXXXXX); KEEP=0; fi
APP=
stop_app() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi; }
trap 'stop_app; [ "$KEEP" = 1 ] || rm -rf "$DIR"' EXIT
export PGCLIENTENCODING=UTF8
PSQL="psql -q -X -h 127.0.0.1 -p $PGPORT -U postgres -d bangfu -v ON_ERROR_STOP=1"

start_app() { # extra options...
  java -jar "$JAR" --bangfu.data-dir="$DIR/data" --server.port=$PORT --bangfu.embedded-db.port=$PGPORT "$@" >>"$DIR/app.log" 2>&1 &
  APP=$!
  until curl -sf "localhost:$PORT/actuator/health" | grep -q UP; do sleep 0.5; kill -0 $APP; done
  PGPASSWORD=$(cat "$DIR/data/postgres-password"); export PGPASSWORD # generated on the first start
}

if [ ! -f "$DIR/needs-$NEEDS.done" ]; then
  [ ! -e "$DIR/data" ] || { echo "$DIR/data exists but holds no complete generation of $NEEDS needs: remove it" >&2; exit 1; }
  echo "== importing the country's divisions into $DIR/data"
  java -jar "$JAR" import-divisions "$FILE" --bangfu.data-dir="$DIR/data" --bangfu.embedded-db.port=$PGPORT | grep -v WARN
  echo "== first start (the demo seed gives the staff account the needs are posted by)"
  start_app
  until [ "$($PSQL -Atc "SELECT count(*) FROM role_grant WHERE role = 'CITY_ADMIN'")" -gt 0 ]; do sleep 0.5; done
  stop_app
  echo "== generating $NEEDS open needs over the country's villages"
  /usr/bin/time -f 'generator process: %e s, max RSS %M KB' \
    java -jar "$JAR" generate-needs --count="$NEEDS" --seed=2026 --bangfu.data-dir="$DIR/data" --bangfu.embedded-db.port=$PGPORT 2>&1 | grep -v WARN
  touch "$DIR/needs-$NEEDS.done"
fi

echo "== starting the application with latency histograms for http.server.requests"
# (client-side percentiles, management.metrics.distribution.percentiles, are not exported in the Prometheus format
# once the histogram is on; the histogram's buckets, differenced per run, give each run's own p95)
# /actuator/prometheus answers a configured scraper address (or the city office's token): this machine is the scraper
start_app --management.metrics.distribution.percentiles-histogram.http.server.requests=true \
  --bangfu.metrics.allowed-addresses=127.0.0.1,::1 ${APP_OPTS:-}
$PSQL -Atc "SELECT 'open needs: ' || count(*) FROM need WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED')"

echo "== the cases (the same set for wrk and pgbench)"
KEYWORDS=(轮椅 学费 助听 茶油 脐橙 被褥 危房 降压 透析 蜂蜜 冬衣 路灯)
$PSQL <<'SQL'
DROP TABLE IF EXISTS bench_case;
CREATE TABLE bench_case (kind text, i int, code text, prefix text, len int, pair text, keyword text, ids text, hids text, path text,
                         PRIMARY KEY (kind, i));
-- four provinces, Hengyang city and three cities, 衡阳县 and three counties, picked by a fixed hash
INSERT INTO bench_case (kind, i, code)
SELECT 'region', row_number() OVER (), code FROM (
  (SELECT code FROM region WHERE code IN ('430000', '520000', '410000', '620000') ORDER BY code)
  UNION ALL (SELECT code FROM region WHERE code = '430400')
  UNION ALL (SELECT code FROM region WHERE level = 'CITY' AND code <> '430400' ORDER BY md5(code) LIMIT 3)
  UNION ALL (SELECT code FROM region WHERE code = '430421')
  UNION ALL (SELECT code FROM region WHERE level = 'COUNTY' AND code <> '430421' ORDER BY md5(code) LIMIT 3)) r;
INSERT INTO bench_case (kind, i, code)
SELECT 'county-keyword', row_number() OVER (), code FROM (
  (SELECT code FROM region WHERE code = '430421')
  UNION ALL (SELECT code FROM region WHERE level = 'COUNTY' AND code <> '430421' ORDER BY md5(code || 'k') LIMIT 11)) r;
INSERT INTO bench_case (kind, i) SELECT 'keyword', i FROM generate_series(1, 12) i;
INSERT INTO bench_case (kind, i) VALUES ('all', 1);
UPDATE bench_case c SET prefix = r.prefix, len = length(r.prefix) FROM region r WHERE r.code = c.code;
SQL
for i in "${!KEYWORDS[@]}"; do
  k=${KEYWORDS[$i]}
  $PSQL -c "UPDATE bench_case SET keyword = '$k', pair = '% $k %' WHERE kind IN ('keyword', 'county-keyword') AND i = $((i + 1))"
done
# the API paths, and the ids of the page each answers (what the application passes to its items query)
$PSQL -Atc "SELECT kind, i, coalesce(code, ''), coalesce(keyword, '') FROM bench_case ORDER BY kind, i" |
while IFS='|' read -r kind i code keyword; do
  path="/api/v1/needs?"
  [ -z "$code" ] || path+="region=$code&"
  [ -z "$keyword" ] || path+="q=$(jq -rn --arg k "$keyword" '$k|@uri')&"
  path+="page=0"
  ids=$(curl -sf "localhost:$PORT$path" | jq -r '"{" + (.needs | map(.id | tostring) | join(",")) + "}"')
  $PSQL -c "UPDATE bench_case SET path = '$path', ids = '$ids' WHERE kind = '$kind' AND i = $i"
done
# the households of each page (what the application passes to Households.publicNames)
$PSQL -c "UPDATE bench_case SET hids = (SELECT '{' || coalesce(string_agg(DISTINCT household_id::text, ','), '') || '}' FROM need WHERE id = ANY(ids::bigint[]))"
$PSQL -c "SELECT kind, count(*) AS cases, min(cardinality(ids::bigint[])) AS min_page, max(cardinality(ids::bigint[])) AS max_page FROM bench_case GROUP BY kind ORDER BY kind"

# The statements of NeedListing.open, Households.publicNames and Needs.itemsOf (and Regions.get), as the application sends them.
CARD_SELECT="SELECT n.id, n.state, n.category, n.title, n.story, n.urgency, n.region_code, n.household_id, n.producer, n.total_quantity,
       n.pledged_quantity, n.total_value_fen, n.published_at,
       concat_ws(' · ', c.name, t.name, CASE WHEN length(n.region_code) = 12 THEN v.name END) AS place
FROM need n
LEFT JOIN region v ON v.code = n.region_code
LEFT JOIN region t ON t.code = left(n.region_code, 9)
LEFT JOIN region c ON c.code = left(n.region_code, 6)"
region_condition() { # prefix length → NeedListing's condition for it
  if [ "$1" -ge 12 ]; then echo " AND n.region_code = :prefix"; else echo " AND left(n.region_code, $1) = :prefix"; fi
}
pgbench_script() { # kind
  local kind=$1 n cols where="n.state IN ('PUBLISHED', 'PARTLY_PLEDGED')" keyword len first=1
  n=$($PSQL -Atc "SELECT count(*) FROM bench_case WHERE kind = '$kind'")
  keyword=" AND n.search_pairs LIKE :pair AND strpos(regexp_replace(lower(n.title || n.story), '\\s+', '', 'g'), :keyword) > 0"
  cols="ids, hids"
  case $kind in
    region) cols+=", code, prefix, len" ;;
    keyword) cols+=", pair, keyword" ;;
    county-keyword) cols+=", code, prefix, len, pair, keyword" ;;
  esac
  echo "\\set i random(1, $n)"
  echo "\\set lim 21"
  echo "\\set off 0"
  echo "SELECT $cols FROM bench_case WHERE kind = '$kind' AND i = :i \\gset"
  case $kind in
    region|county-keyword)
      echo "SELECT code, name, level, parent_code, prefix FROM region WHERE code = :code;"
      # the application's SQL text depends on the region's level: one branch per level in the set
      for len in $($PSQL -Atc "SELECT DISTINCT len FROM bench_case WHERE kind = '$kind' ORDER BY len"); do
        if [ $first = 1 ]; then echo "\\if :len = $len"; first=0; else echo "\\elif :len = $len"; fi
        printf '%s\nWHERE %s%s%s\nORDER BY n.urgency DESC, n.published_at, n.id\nLIMIT :lim OFFSET :off;\n' "$CARD_SELECT" "$where" \
          "$(region_condition "$len")" "$([ "$kind" = region ] || echo "$keyword")"
      done
      echo "\\endif" ;;
    keyword) printf '%s\nWHERE %s%s\nORDER BY n.urgency DESC, n.published_at, n.id\nLIMIT :lim OFFSET :off;\n' "$CARD_SELECT" "$where" "$keyword" ;;
    *) printf '%s\nWHERE %s\nORDER BY n.urgency DESC, n.published_at, n.id\nLIMIT :lim OFFSET :off;\n' "$CARD_SELECT" "$where" ;;
  esac
  echo "SELECT h.id, h.head_name, array(SELECT m.name FROM household_member m WHERE m.household_id = h.id) AS members FROM household h WHERE h.id = ANY(:hids);"
  echo "SELECT * FROM need_item WHERE need_id = ANY(:ids) ORDER BY need_id, position;"
}

source bench/lib.sh

run_kind() { # kind
  local kind=$1
  $PSQL -Atc "SELECT path FROM bench_case WHERE kind = '$kind' ORDER BY i" > "$DIR/paths-$kind.txt"
  pgbench_script "$kind" > "$DIR/pgbench-$kind.sql"
  histogram /api/v1/needs > "$DIR/before"
  [ -s "$DIR/before" ] || { echo "no latency histogram from /actuator/prometheus (is it open to this address?)" >&2; exit 1; }
  WRK=$(PATHS="$DIR/paths-$kind.txt" GZIP=$GZIP wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" -s bench/needs-list.lua "http://localhost:$PORT" | grep '^wrk:')
  histogram /api/v1/needs > "$DIR/after"
  P95=$(server_p95 "$DIR/before" "$DIR/after")
  PG=$(pgbench -n -M prepared -h 127.0.0.1 -p $PGPORT -U postgres -c "$CONNS" -j 2 -T "$SECONDS_EACH" -f "$DIR/pgbench-$kind.sql" bangfu 2>&1)
  echo "$PG" | grep -q 'number of failed transactions: 0' || { echo "$PG" >&2; exit 1; }
  RPS=$(echo "$WRK" | sed -E 's/.*, ([0-9.]+) req\/s.*/\1/')
  TPS=$(echo "$PG" | sed -nE 's/^tps = ([0-9.]+) .*/\1/p')
  PG_LAT=$(echo "$PG" | sed -nE 's/^latency average = ([0-9.]+) ms/\1/p')
  printf '%-15s server p95 %-28s wrk %7.1f req/s  pgbench %7.1f tps (avg %s ms)  ratio %.2f\n' \
    "$kind" "$P95" "$RPS" "$TPS" "$PG_LAT" "$(echo "$RPS / $TPS" | bc -l)"
  echo "  $WRK" | sed 's/^/ /'
}

echo "== warm-up: every path once, then ${SECONDS_EACH}s of wrk and pgbench over all kinds (not counted)"
for kind in $KINDS; do
  $PSQL -Atc "SELECT path FROM bench_case WHERE kind = '$kind'" | while read -r p; do curl -sf -o /dev/null "localhost:$PORT$p"; done
  pgbench_script "$kind" > "$DIR/pgbench-$kind.sql"
  $PSQL -Atc "SELECT path FROM bench_case WHERE kind = '$kind' ORDER BY i" > "$DIR/paths-$kind.txt"
  PATHS="$DIR/paths-$kind.txt" GZIP=$GZIP wrk -t2 -c"$CONNS" -d"$(( (SECONDS_EACH + 3) / 4 ))s" -s bench/needs-list.lua "http://localhost:$PORT" >/dev/null
  pgbench -n -M prepared -h 127.0.0.1 -p $PGPORT -U postgres -c "$CONNS" -j 2 -T "$(( (SECONDS_EACH + 3) / 4 ))" -f "$DIR/pgbench-$kind.sql" bangfu >/dev/null 2>&1
done

echo "== measured: ${SECONDS_EACH}s each, $CONNS connections, wrk -t2, pgbench -j2 -M prepared, gzip=$GZIP, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in $KINDS; do run_kind "$kind"; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
