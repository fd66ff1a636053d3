package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Read timeouts on one shared timer wheel.
 * <p>
 * {@code Mono.timeout(Duration)} schedules every timeout on Reactor's parallel scheduler,
 * which wakes one of its threads for each request; with sequential requests that alone
 * cost about a tenth of the throughput in the benchmarks. A wheel only adds the timeout
 * to a bucket, and its one daemon thread ticks every 100 ms, precise enough for timeouts
 * of seconds. A timeout that fires is handed to the parallel scheduler. The timer thread
 * lives as long as the JVM (it is shared by every client, so no one client may stop it).
 */
final class ReadTimeouts {

	private static final HashedWheelTimer TIMER = new HashedWheelTimer(
			new DefaultThreadFactory("lagrello-read-timeouts", true), 100, TimeUnit.MILLISECONDS);

	private ReadTimeouts() {
	}

	/**
	 * Returns a publisher that signals once the given time has passed after each
	 * subscription, for {@code Mono.timeout(Publisher)}; cancelling it removes the timer.
	 */
	static Mono<Long> after(Duration timeout) {
		return Mono.create((sink) -> {
			// the caller's error handling must not run on, and stall, the one timer thread
			Timeout expiry = TIMER.newTimeout((expired) -> Schedulers.parallel().schedule(() -> sink.success(0L)),
					timeout.toNanos(), TimeUnit.NANOSECONDS);
			sink.onCancel(expiry::cancel);
		});
	}

}
