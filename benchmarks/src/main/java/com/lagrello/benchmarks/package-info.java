/**
 * Benchmarks of the Lagrello client against a fast local server of pre-rendered pages:
 * {@code listPage} throughput, draining with {@code listAll}, a slow consumer, and the
 * start-up cost of the auto-configuration. Run them with {@code ./benchmarks/run.sh};
 * {@link com.lagrello.benchmarks.BenchmarkMain} is the entry point.
 * <p>
 * Not published and not part of the starter.
 */
package com.lagrello.benchmarks;
