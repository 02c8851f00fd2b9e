#!/usr/bin/env bash
# Measures how long the application takes from `java -jar` to /actuator/health answering UP:
# cold (a fresh data directory: PostgreSQL unpacked and initialised, migrations, Hengyang's
# divisions, demo seed) and warm (the same directory again), RUNS times each; then the JVM's
# resident memory after idling. Needs: a built target/bangfu.jar, curl, bc.
# Usage: bench/startup.sh [runs] [idle-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
IDLE=${2:-60}
JAR=target/bangfu.jar
PORT=18080
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
PID=
DIR=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null; [ -n "$DIR" ] && rm -rf "$DIR"' EXIT

start() { # $1 = label; leaves the application running in $PID
  local t0
  t0=$(date +%s.%N)
  java -jar "$JAR" --bangfu.data-dir="$DIR" --server.port=$PORT --bangfu.embedded-db.port=0 >>"$DIR.log" 2>&1 &
  PID=$!
  until curl -sf "localhost:$PORT/actuator/health" | grep -q '"UP"'; do
    kill -0 $PID 2>/dev/null || { echo "application died, see $DIR.log" >&2; exit 1; }
    sleep 0.2
  done
  printf '%s start to health UP: %.1f s\n' "$1" "$(echo "$(date +%s.%N) - $t0" | bc)"
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

for i in $(seq "$RUNS"); do
  DIR=$(mktemp -d /tmp/bangfu-bench.XXXXXX)
  start "cold #$i"; stop
  rm -rf "$DIR" "$DIR.log"
done
DIR=$(mktemp -d /tmp/bangfu-bench.XXXXXX)
start "first"; stop
for i in $(seq "$RUNS"); do start "warm #$i"; [ "$i" = "$RUNS" ] || stop; done

for p in / /regions/430421 /regions/430421100 /api/v1/regions/430400/children /login; do
  curl -s -o /dev/null "localhost:$PORT$p"
done
sleep "$IDLE"
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
postmaster=$(head -1 "$DIR/pgdata/postmaster.pid")
pg_kb=$(ps -o rss= -p "$postmaster" --ppid "$postmaster" | awk '{s+=$1} END {print s+0}')
printf 'JVM resident memory after %s s idle: %d MB\n' "$IDLE" $((rss_kb / 1024))
printf '(the embedded PostgreSQL, its processes added up, shared buffers counted in each: %d MB)\n' $((pg_kb / 1024))
