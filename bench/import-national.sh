#!/usr/bin/env bash
# Imports the country's 665,276 division codes with the jar's import mode, on a fresh data
# directory, twice: the first run inserts, the second finds every row unchanged. Prints the
# import's own timing and the whole process's (GNU time).
# Needs: a built target/bangfu.jar, /usr/bin/time (Debian package "time").
# Usage: bench/import-national.sh [path/to/china-divisions.csv.gz]
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-../shared/data/china-divisions.csv.gz}
JAR=target/bangfu.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
[ -f "$FILE" ] || { echo "no division file at $FILE" >&2; exit 1; }
DIR=$(mktemp -d /tmp/bangfu-bench.XXXXXX)
trap 'rm -rf "$DIR"' EXIT

# first start of the data dir (PostgreSQL initialised, Hengyang loaded), so the runs below time the import
java -jar "$JAR" import-divisions src/main/resources/regions/hengyang-divisions.csv --bangfu.data-dir="$DIR" --bangfu.embedded-db.port=0 >/dev/null

for run in insert unchanged; do
  echo "== $run"
  /usr/bin/time -f 'process: %e s wall, %U s user, %S s sys, max RSS %M KB' \
    java -Xmx512m -jar "$JAR" import-divisions "$FILE" --bangfu.data-dir="$DIR" --bangfu.embedded-db.port=0
done
