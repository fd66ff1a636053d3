package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Read timeouts of one client and the clients derived from it, on a timer wheel shared by
 * the open clients of the JVM and stopped when the last of them is closed.
 * <p>
 * {@code Mono.timeout(Duration)} schedules every timeout on Reactor's parallel scheduler,
 * which wakes one of its threads for each request; with sequential requests that alone
 * cost about a tenth of the throughput in the benchmarks. A wheel only adds the timeout
 * to a bucket, and its one daemon thread, started with the first request, ticks every 100
 * ms: precise enough for timeouts of seconds. Netty wants few wheels per JVM, hence one
 * shared wheel, counted by its users rather than one per client. A timeout that fires is
 * handed to the parallel scheduler, so that the caller's error handling never stalls the
 * wheel.
 */
final class ReadTimeouts implements AutoCloseable {

	private static final Object lock = new Object();

	// guarded by lock
	private static @Nullable HashedWheelTimer shared;

	// guarded by lock
	private static int users;

	private final HashedWheelTimer timer;

	private final AtomicBoolean closed = new AtomicBoolean();

	private ReadTimeouts(HashedWheelTimer timer) {
		this.timer = timer;
	}

	/**
	 * Returns timeouts on the shared wheel, started anew if every earlier user closed.
	 */
	static ReadTimeouts open() {
		synchronized (lock) {
			HashedWheelTimer timer = shared;
			if (timer == null) {
				timer = new HashedWheelTimer(new DefaultThreadFactory("lagrello-read-timeouts", true), 100,
						TimeUnit.MILLISECONDS);
				shared = timer;
			}
			users++;
			return new ReadTimeouts(timer);
		}
	}

	/**
	 * Returns a publisher that signals once the given time has passed after each
	 * subscription, for {@code Mono.timeout(Publisher)}; cancelling it removes the timer.
	 * Once closed, it fails every subscription.
	 */
	Mono<Long> after(Duration timeout) {
		return Mono.create((sink) -> {
			if (this.closed.get()) {
				sink.error(new LagrelloException("the client is closed"));
				return;
			}
			Timeout expiry = this.timer.newTimeout((expired) -> Schedulers.parallel().schedule(() -> sink.success(0L)),
					timeout.toNanos(), TimeUnit.NANOSECONDS);
			sink.onCancel(expiry::cancel);
		});
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		synchronized (lock) {
			if (--users == 0 && shared == this.timer) {
				shared = null;
				this.timer.stop();
			}
		}
	}

}
