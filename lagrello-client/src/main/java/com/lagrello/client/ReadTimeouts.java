package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Read timeouts of one client and the clients derived from it, on a timer wheel that the
 * client releases when it is closed.
 * <p>
 * {@code Mono.timeout(Duration)} schedules every timeout on Reactor's parallel scheduler,
 * which wakes one of its threads for each request; with sequential requests that alone
 * cost about a tenth of the throughput in the benchmarks. A wheel only adds the timeout
 * to a bucket, and its one daemon thread, started with the first request, ticks every 100
 * ms: precise enough for timeouts of seconds. A timeout that fires is handed to the
 * parallel scheduler, so that the caller's error handling never stalls the wheel.
 */
final class ReadTimeouts implements AutoCloseable {

	private final HashedWheelTimer timer = new HashedWheelTimer(
			new DefaultThreadFactory("lagrello-read-timeouts", true), 100, TimeUnit.MILLISECONDS);

	/**
	 * Returns a publisher that signals once the given time has passed after each
	 * subscription, for {@code Mono.timeout(Publisher)}; cancelling it removes the timer.
	 * Once closed, it fails every subscription.
	 */
	Mono<Long> after(Duration timeout) {
		return Mono.create((sink) -> {
			Timeout expiry;
			try {
				expiry = this.timer.newTimeout((expired) -> Schedulers.parallel().schedule(() -> sink.success(0L)),
						timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (IllegalStateException stopped) {
				sink.error(new LagrelloException("the client is closed", stopped));
				return;
			}
			sink.onCancel(expiry::cancel);
		});
	}

	@Override
	public void close() {
		this.timer.stop();
	}

}
