#!/usr/bin/env bash
# Issue #6: the campaign allocator on generated Hengyang instances against the optimum's bounds
# (OR-Tools max flow = LP relaxation; SCIP MIP on the smaller sizes). Prints a Markdown table.
# Usage: bench/allocation.sh [sizes] [seeds] [mip-seconds] [mip-max-needs] [money-share]
#   e.g. bench/allocation.sh 1000x50,10000x200,100000x1000 3 60 10000
#   money-share: the share of medical and education needs that are money lines (divisible), e.g. 0.3
# Set MVN_OFFLINE=-o to build without the network once the dependencies are in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE:-} test-compile
CP_FILE=target/allocation-bench.classpath
mvn -q -B ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" \
  org.bangfu.campaign.allocation.bench.AllocationBenchmark "$@"
