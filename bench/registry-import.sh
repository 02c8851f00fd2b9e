#!/usr/bin/env bash
# Imports a generated registry of HOUSEHOLDS households (about 3 members each) through the running
# application (JVM heap capped at 512 MB), and loads the same file with PostgreSQL's own COPY into
# a table of the same columns, on the same server, in the same run; prints rows per second of each
# and their ratio. Needs: a built target/bangfu.jar, curl, jq, psql (PostgreSQL client), /usr/bin/time.
# Usage: bench/registry-import.sh [households=1000000]
# REGISTRY_FILE=path reuses a file generated earlier (same generator, same seed) instead of generating one.
set -euo pipefail
cd "$(dirname "$0")/.."
HOUSEHOLDS=${1:-1000000}
JAR=target/bangfu.jar
PORT=18090
PGPORT=15499
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
DIR=$(mktemp -d /tmp/bangfu-registry-bench.XXXXXX)
FILE="$DIR/registry.csv"
APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; wait 2>/dev/null; rm -rf "$DIR"' EXIT

if [ -n "${REGISTRY_FILE:-}" ]; then
  FILE=$REGISTRY_FILE
else
  echo "== generating $HOUSEHOLDS households for the villages of 衡阳县 (430421)"
  /usr/bin/time -f 'generator: %e s, max RSS %M KB' \
    java -jar "$JAR" generate-registry --region=430421 --households="$HOUSEHOLDS" --seed=2017 --out="$FILE" \
    --bangfu.data-dir="$DIR/data" --bangfu.embedded-db.port=$PGPORT
fi
ROWS=$(( $(wc -l < "$FILE") - 2 ))  # minus the title and header rows
echo "file: $(du -h "$FILE" | cut -f1), $ROWS member rows"

echo "== starting the application with -Xmx512m"
java -Xmx512m -jar "$JAR" --bangfu.data-dir="$DIR/data" --server.port=$PORT --bangfu.embedded-db.port=$PGPORT >"$DIR/app.log" 2>&1 &
APP=$!
until curl -sf "localhost:$PORT/actuator/health" | grep -q UP; do sleep 0.5; kill -0 $APP; done
PGPASSWORD=$(cat "$DIR/data/postgres-password"); export PGPASSWORD # generated on the first start
TOKEN=null
until [ "$TOKEN" != null ]; do   # the demo accounts are seeded just after the server starts
  sleep 0.5
  TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"phone":"13800000002","password":"Bangfu@2017"}' \
    "localhost:$PORT/api/v1/auth/login" | jq -r .token)
done

echo "== the application's import (upload, check, encrypt, stage, merge)"
ID=$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$FILE;type=text/csv" "localhost:$PORT/api/v1/households/imports" | jq -r .id)
[ "$ID" != null ] || { echo "upload refused" >&2; exit 1; }
while :; do
  JOB=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/households/imports/$ID")
  STATUS=$(echo "$JOB" | jq -r .job.status)
  [ "$STATUS" = DONE ] || [ "$STATUS" = FAILED ] && break
  sleep 1
done
echo "$JOB" | jq -c '.job | {status, rowsRead, rowsRejected, households, members, error}'
APP_SECONDS=$(psql -h 127.0.0.1 -p $PGPORT -U postgres -d bangfu -Atc \
  "SELECT extract(epoch FROM finished_at - started_at) FROM household_import WHERE id = $ID")
APP_RSS=$(awk '/VmHWM/ {print $2}' /proc/$APP/status)
grep -o 'registry import [0-9]*: .*' "$DIR/app.log" || true

echo "== PostgreSQL COPY of the same rows: into a plain table of the file's columns, then into one shaped like household_member"
# the generated file has a title row, then the header: COPY gets the rows below them
COLUMNS=$(sed -n 2p "$FILE" | tr ',' '\n' | awk '{printf "%sc%d text", (NR>1?", ":""), NR}')
COLS=$(sed -n 2p "$FILE" | tr ',' '\n' | awk '{printf "%sc%d", (NR>1?",":""), NR}')
tail -n +3 "$FILE" > "$DIR/rows.csv"
PSQL="psql -q -h 127.0.0.1 -p $PGPORT -U postgres -d bangfu"
copy_seconds() { # $1 = table setup SQL
  $PSQL -c "DROP TABLE IF EXISTS bench_copy" -c "$1"
  local start; start=$(date +%s.%N)
  $PSQL -c "\\copy bench_copy ($COLS) FROM '$DIR/rows.csv' WITH (FORMAT csv)"
  echo "$(date +%s.%N) - $start" | bc
}
PLAIN_SECONDS=$(copy_seconds "CREATE TABLE bench_copy ($COLUMNS)")
# same shape as household_member: identity key, unique ID number, household and village indexes (columns 4, 7, 3 of the file)
SHAPED_SECONDS=$(copy_seconds "CREATE TABLE bench_copy (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, $COLUMNS);
  CREATE UNIQUE INDEX ON bench_copy (c7); CREATE INDEX ON bench_copy (c4); CREATE INDEX ON bench_copy (c3 text_pattern_ops)")
$PSQL -c "DROP TABLE bench_copy"

rate() { echo "$ROWS / $1" | bc -l; }
printf '\napplication import:              %d rows in %6.1f s = %7.0f rows/s (JVM peak RSS %d MB, heap capped at 512 MB)\n' \
  "$ROWS" "$APP_SECONDS" "$(rate "$APP_SECONDS")" $((APP_RSS / 1024))
printf 'COPY into a plain table:         %d rows in %6.1f s = %7.0f rows/s\n' "$ROWS" "$PLAIN_SECONDS" "$(rate "$PLAIN_SECONDS")"
printf 'COPY into a table of that shape: %d rows in %6.1f s = %7.0f rows/s\n' "$ROWS" "$SHAPED_SECONDS" "$(rate "$SHAPED_SECONDS")"
printf 'ratio application / COPY (rows per second): %.2f against the plain table, %.2f against the shaped one\n' \
  "$(echo "$PLAIN_SECONDS / $APP_SECONDS" | bc -l)" "$(echo "$SHAPED_SECONDS / $APP_SECONDS" | bc -l)"
