/**
 * Benchmarks of the Lagrello client against a fast local server of pre-rendered pages:
 * JMH benchmarks of {@code listPage}, {@code create} and a sequential drain
 * ({@link com.lagrello.benchmarks.ClientBenchmarks}) side by side with a plain
 * {@code WebClient} and raw reactor-netty, the same for {@code AuthClient.verifyTotp}
 * ({@link com.lagrello.benchmarks.TotpBenchmarks},
 * {@link com.lagrello.benchmarks.BlockingTotpCallers}), and a small
 * {@link com.lagrello.benchmarks.Harness} for what needs fresh JVMs (start-up, a drain in
 * {@code -Xmx64m}). Run them with {@code ./benchmarks/run.sh}.
 * <p>
 * Not published and not part of the starter.
 */
package com.lagrello.benchmarks;
