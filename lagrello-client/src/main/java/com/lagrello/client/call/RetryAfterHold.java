package com.lagrello.client.call;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

/**
 * The time before which no further request of a batch starts (the rest of a bulk delete,
 * the pages still to fetch of a concurrent drain), set by the {@code Retry-After} one of
 * its requests met: the server's rate limit is the batch's, not the request's.
 * Thread-safe; time is Reactor's clock, so tests can run it in virtual time.
 */
public final class RetryAfterHold {

	// no hold until a Retry-After is met
	private static final long NONE = Long.MIN_VALUE;

	private final AtomicLong notBefore = new AtomicLong(NONE);

	/**
	 * Holds back what starts from now on for the given time.
	 */
	public void until(Duration wait) {
		long nanos;
		try {
			nanos = wait.toNanos();
		}
		catch (ArithmeticException beyondLong) {
			nanos = Long.MAX_VALUE;
		}
		long now = ReactorClock.now();
		long until = (nanos > Long.MAX_VALUE - now) ? Long.MAX_VALUE : now + nanos;
		this.notBefore.accumulateAndGet(until, Math::max);
	}

	/**
	 * Completes once the hold, if any, is over.
	 */
	public Mono<Void> await() {
		return Mono.defer(() -> {
			long until = this.notBefore.get();
			long wait = (until != NONE) ? until - ReactorClock.now() : 0;
			return (wait > 0) ? Mono.delay(Duration.ofNanos(wait)).then() : Mono.empty();
		});
	}

}
