package com.lagrello.client.call;

import java.time.Duration;

import com.lagrello.client.ClientOptions;

/**
 * The end of one call, set by its call timeout, on {@link ReactorClock}: after it nothing
 * more of the call is sent.
 *
 * @param endsAt when the call must be done, in Reactor's nanoseconds
 * @param callTimeout the timeout that set it, for messages
 */
public record Deadline(long endsAt, Duration callTimeout) {

	/** No deadline: a retry on its own, in tests. */
	public static final Deadline NONE = new Deadline(Long.MAX_VALUE, ClientOptions.MAX_TIMEOUT);

	/**
	 * Starts the deadline of a call now.
	 */
	public static Deadline start(Duration callTimeout) {
		return new Deadline(ReactorClock.now() + callTimeout.toNanos(), callTimeout);
	}

	/**
	 * Returns the time left, never negative.
	 */
	public Duration left() {
		return Duration.ofNanos(Math.max(this.endsAt - ReactorClock.now(), 0));
	}

	/**
	 * Whether a wait that starts now would end before the deadline.
	 */
	public boolean allows(Duration wait) {
		return ReactorClock.now() + wait.toNanos() <= this.endsAt;
	}

}
