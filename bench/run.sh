#!/usr/bin/env bash
# The benchmark suite, one command (also `./seedfleet bench`). Every figure is a ratio to a baseline
# measured in the same run; the full run appends its results to BENCHMARKS.md with the command,
# the machine and the date.
#
# Usage: bench/run.sh [--quick] [engine] [load] [fleet]
#   (no section named: all three)
#   engine  JMH: the users row and the example schema's tables rendered to COPY text, beside Datafaker per value
#   load    the users table, 1M rows: Seedfleet in-process against the load limit and the naive JDBC loop
#   fleet   the users table at 10M rows through the fleet (1 and 2 workers) beside the same baselines, the example
#           schema at 10M rows, small-request latency, worker memory and coordinator headroom
#   --quick small sizes and single repetitions, to check the suite runs (nothing is appended)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
sections=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    engine|load|fleet) sections+=("$arg") ;;
    *) echo "bench/run.sh: unknown argument '$arg' (see the usage at the top of the script)" >&2; exit 2 ;;
  esac
done
[ ${#sections[@]} -gt 0 ] || sections=(engine load fleet)

jar=benchmarks/target/benchmarks.jar
if [[ ! -f $jar || -n $(find . -path ./.git -prune -o -path '*/src/main/*' -newer "$jar" -print -quit) ]]; then
  echo "bench: building (services, CLI and benchmarks)..." >&2
  mvn -q -B -DskipTests install >&2
fi

if [ $quick = 1 ]; then
  jmh=(-wi 1 -w 1 -i 1 -r 1 -f 1); tables=(-wi 0 -i 1 -r 1 -f 1 -p table=app.users,app.audit_events); load=(--rows 100000 --repeats 1)
  fleet=(--rows 200000 --repeats 1 --schema-rows 200000 --latency-runs 2 --coordinator-chunks 2000)
else
  jmh=(-wi 3 -w 2 -i 5 -r 2 -f 2); tables=(-wi 1 -w 1 -i 2 -r 1 -f 1); load=(--rows 1000000 --repeats 3)
  fleet=(--rows 10000000 --repeats 2 --schema-rows 10000000 --latency-runs 5 --coordinator-chunks 50000)
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
for s in "${sections[@]}"; do
  case "$s" in
    engine) echo "### engine" >>"$out"
            results=$(mktemp)
            java -jar "$jar" UsersRowBenchmark "${jmh[@]}" -rf text -rff "$results" >&2
            cat "$results" | tee -a "$out"
            java -jar "$jar" ExampleSchemaBenchmark "${tables[@]}" -rf text -rff "$results" >&2
            cat "$results" | tee -a "$out"
            rm -f "$results" ;;
    load)   echo "### load" >>"$out"
            java -Xmx2g -cp "$jar" io.seedfleet.benchmarks.LoadBenchmark "${load[@]}" | tee -a "$out" ;;
    fleet)  echo "### fleet" >>"$out"
            java -Xmx2g -Dseedfleet.home="$PWD" -cp "$jar" io.seedfleet.benchmarks.FleetBenchmark "${fleet[@]}" | tee -a "$out" ;;
  esac
done

if [ $quick = 0 ]; then
  {
    echo
    echo "## Suite run of $(date -u +%Y-%m-%d) (\`bench/run.sh ${*:-}\`)"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | sed -n 1p), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
    echo
    cat "$out"
  } >>BENCHMARKS.md
  echo "bench: results appended to BENCHMARKS.md" >&2
fi
