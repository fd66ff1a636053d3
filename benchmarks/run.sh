#!/usr/bin/env bash
# Builds the benchmarks (and the client they measure), then runs:
#  1. JMH (ClientBenchmarks: listPage, create and a 250-page drain, each for the TokensClient,
#     a plain WebClient and raw reactor-netty, with -prof gc), then listPage and drain again,
#     ROUNDS rounds in all (default 2), the order of the clients rotating every round, so
#     that a shared machine's noise falls on all of them;
#  2. the table of the rounds' medians and the ratios to the plain WebClient;
#  3. the Harness: start-up with and without the auto-configuration, and the -Xmx64m drain
#     of 10,000 pages with 8 KB next links (SKIP_HARNESS=1 skips it);
#  4. the latency scenarios, answers 20 ms late: 500 pages drained at concurrency 1 and 8
#     (at 8 against pages counted from 0 and from 1),
#     1,000 tokens deleted with deleteAll at concurrency 1 and 8 (SKIP_LATENCY=1 skips it,
#     about 2.5 minutes);
#  5. TOTP (SKIP_TOTP=1 skips it, about 4 minutes): JMH TotpBenchmarks (verifyTotp of the
#     AuthClient and a plain WebClient, one at a time and 64 in flight), ROUNDS rounds, the
#     order rotating, their table, then 200 blocking callers (Harness totp-blocking).
# About 14 minutes on 2 cores. BENCHMARKS=regex runs only those, in every round; further
# arguments go to every JMH run: -prof stack, -p pages=500...
# The build is offline (-o): drop it on a machine whose ~/.m2 lacks a dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-2}"
./mvnw -B -q -o package -pl benchmarks -am -DskipTests
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/jmh
rm -rf "$out" && mkdir -p "$out"
orders=(tokensClient,webClient,reactorNetty webClient,reactorNetty,tokensClient reactorNetty,tokensClient,webClient)
for round in $(seq 1 "$rounds"); do
  echo "JMH round $round of $rounds (log: $out/round-$round.log)"
  select="${BENCHMARKS:-$([[ $round == 1 ]] && echo . || echo 'listPage|drain')}"
  java -jar "$jar" "$select" -e TotpBenchmarks -prof gc -p client="${orders[$(((round - 1) % 3))]}" \
    -rf json -rff "$out/round-$round.json" "$@" > "$out/round-$round.log"
  sed -n '/^Benchmark /,$p' "$out/round-$round.log" | grep -v -E 'gc\.(alloc\.rate|count|time) '
done
java -cp "$jar" com.lagrello.benchmarks.Harness summarize "$out"/round-*.json | tee "$out/summary.md"
if [[ -z "${SKIP_HARNESS:-}" ]]; then
  java -cp "$jar" com.lagrello.benchmarks.Harness startup 3
  java -cp "$jar" com.lagrello.benchmarks.Harness heap 10000 8192
fi
if [[ -z "${SKIP_LATENCY:-}" ]]; then
  java -cp "$jar" com.lagrello.benchmarks.Harness latency 3 500 1000 | tee "$out/latency.md"
fi
if [[ -z "${SKIP_TOTP:-}" ]]; then
  totp_orders=(authClient,webClient webClient,authClient)
  for round in $(seq 1 "$rounds"); do
    echo "JMH TOTP round $round of $rounds (log: $out/totp-round-$round.log)"
    java -jar "$jar" TotpBenchmarks -prof gc -p client="${totp_orders[$(((round - 1) % 2))]}" \
      -rf json -rff "$out/totp-round-$round.json" "$@" > "$out/totp-round-$round.log"
  done
  java -cp "$jar" com.lagrello.benchmarks.Harness summarize "$out"/totp-round-*.json | tee "$out/totp-summary.md"
  java -cp "$jar" com.lagrello.benchmarks.Harness totp-blocking 200 | tee "$out/totp-blocking.md"
fi
