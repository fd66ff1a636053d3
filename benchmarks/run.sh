#!/usr/bin/env bash
# Builds the benchmarks (and the starter they measure), runs them, prints the table of
# figures and ratios, and writes benchmarks/results/results.md and chart.png.
# About four minutes on two cores, the build included. Options are passed on to the
# harness: --quick (a short trial run), --only=drain,throughput,timeout,heap,slow,startup,
# --out=DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am -DskipTests package
exec java -Dlagrello.bench.command="./benchmarks/run.sh" -jar benchmarks/target/benchmarks.jar "$@"
