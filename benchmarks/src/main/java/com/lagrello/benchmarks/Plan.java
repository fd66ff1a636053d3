package com.lagrello.benchmarks;

import java.time.Duration;

/**
 * How much of each benchmark to run.
 *
 * @param pages pages of the drain server
 * @param pageSize tokens per page
 * @param warmup warm-up of every contender and concurrency of the throughput benchmark
 * @param slice one measured slice of the throughput benchmark
 * @param throughputRounds rounds of the throughput benchmark, each measuring every
 * contender once at every concurrency
 * @param drainWarmups unmeasured drains of each contender
 * @param drainRounds measured drains of each contender
 * @param smallHeapRepetitions drains of each contender in the {@code -Xmx64m} JVM
 * @param slowTokens tokens drained by the slow consumer
 * @param spinNanos the slow consumer's busy work per token
 * @param latency the latency that the second slow-consumer server adds to every answer
 * @param slowRounds rounds of the slow-consumer benchmark
 * @param startupRuns fresh JVMs with and without the auto-configuration, each, for the
 * minimal application and again for one that builds a {@code WebClient} of its own
 */
public record Plan(int pages, int pageSize, Duration warmup, Duration slice, int throughputRounds, int drainWarmups,
		int drainRounds, int smallHeapRepetitions, int slowTokens, long spinNanos, Duration latency, int slowRounds,
		int startupRuns) {

	/**
	 * The full run: about four minutes on two cores.
	 * @return the plan
	 */
	public static Plan full() {
		return new Plan(5_000, 20, Duration.ofSeconds(2), Duration.ofSeconds(1), 5, 3, 5, 3, 20_000, 50_000,
				Duration.ofNanos(500_000), 3, 7);
	}

	/**
	 * A quick look: every scenario, small and short, for trying the harness out.
	 * @return the plan
	 */
	public static Plan quick() {
		return new Plan(1_000, 20, Duration.ofMillis(300), Duration.ofMillis(300), 2, 1, 2, 1, 2_000, 50_000,
				Duration.ofNanos(500_000), 1, 2);
	}

	/**
	 * A smoke run for tests: a handful of operations of every scenario.
	 * @return the plan
	 */
	public static Plan smoke() {
		return new Plan(50, 20, Duration.ofMillis(50), Duration.ofMillis(50), 1, 0, 1, 1, 200, 10_000,
				Duration.ofNanos(200_000), 1, 1);
	}

	/**
	 * Returns the tokens of the drain server.
	 * @return pages times page size
	 */
	public long tokens() {
		return (long) this.pages * this.pageSize;
	}

}
