#!/usr/bin/env bash
# Load benchmark: Seedfleet in-process against the load limit (COPY x2, then keys) and naive JDBC inserts.
# Usage: bench/load.sh [--rows N] [--repeats R] [--diagnose]   (defaults: 1,000,000 rows, 3 repetitions;
# --diagnose adds Seedfleet into the bare table, to show what the keys cost it)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
if [[ ! -f $jar || -n $(find benchmarks/src core/src testkit/src -newer "$jar" -name '*.java' -print -quit) ]]; then
  mvn -o -q -B install -DskipTests -pl benchmarks -am
fi
exec java -Xmx2g -cp "$jar" io.seedfleet.benchmarks.LoadBenchmark "$@"
