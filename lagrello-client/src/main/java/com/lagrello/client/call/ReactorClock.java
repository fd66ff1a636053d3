package com.lagrello.client.call;

import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Schedulers;

/**
 * The client's one clock: Reactor's parallel scheduler's, which tests make virtual
 * ({@code StepVerifier.withVirtualTime}), so that deadlines, back-offs, holds and the
 * retry budget all run on the time the test drives.
 */
public final class ReactorClock {

	private ReactorClock() {
	}

	/**
	 * Returns the time on Reactor's clock, in nanoseconds.
	 */
	public static long now() {
		return Schedulers.parallel().now(TimeUnit.NANOSECONDS);
	}

}
