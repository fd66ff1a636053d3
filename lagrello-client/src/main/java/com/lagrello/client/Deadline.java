package com.lagrello.client;

import java.time.Duration;

/**
 * The end of one call, set by its call timeout, on {@link ReactorClock}: after it nothing
 * more of the call is sent.
 *
 * @param endsAt when the call must be done, in Reactor's nanoseconds
 * @param callTimeout the timeout that set it, for messages
 */
record Deadline(long endsAt, Duration callTimeout) {

	/** No deadline: a retry on its own, in tests. */
	static final Deadline NONE = new Deadline(Long.MAX_VALUE, ClientOptions.MAX_TIMEOUT);

	/**
	 * Starts the deadline of a call now.
	 */
	static Deadline start(Duration callTimeout) {
		return new Deadline(ReactorClock.now() + callTimeout.toNanos(), callTimeout);
	}

	/**
	 * Returns the time left, never negative.
	 */
	Duration left() {
		return Duration.ofNanos(Math.max(this.endsAt - ReactorClock.now(), 0));
	}

	/**
	 * Whether a wait that starts now would end before the deadline.
	 */
	boolean allows(Duration wait) {
		return ReactorClock.now() + wait.toNanos() <= this.endsAt;
	}

}
