package com.lagrello.client;

import java.time.Duration;

/**
 * How the client retries transient failures: connect errors, connections closed before
 * any answer, and HTTP 429, 502, 503 and 504.
 * <p>
 * Only idempotent calls are retried on every transient failure ({@code listPage},
 * {@code listAll}'s page requests and {@code delete}); {@code create} is retried only
 * when the connection could not be made, so it is never sent twice. Back-off grows
 * exponentially from {@code initialBackoff} to {@code maxBackoff} with jitter; a
 * {@code Retry-After} hint is waited for as given, even beyond {@code maxBackoff}, up to
 * {@code maxRetryAfter}, and a longer hint fails the call at once. No duration may be
 * longer than {@link TokensClientBuilder#MAX_TIMEOUT}: a call never lasts longer, and so
 * every wait fits the nanosecond arithmetic of Reactor's clock.
 *
 * @param maxAttempts attempts in all, the first included; {@code 1} disables retries
 * @param initialBackoff the first back-off
 * @param maxBackoff the longest back-off of the exponential schedule
 * @param maxRetryAfter the longest {@code Retry-After} hint that is waited for
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/** Default of {@link #maxAttempts()}. */
	public static final int DEFAULT_MAX_ATTEMPTS = 3;

	/** Default of {@link #initialBackoff()}. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

	/** Default of {@link #maxBackoff()}. */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

	/** Default of {@link #maxRetryAfter()}. */
	public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

	/**
	 * The defaults: 3 attempts, 200 ms to 5 s back-off, {@code Retry-After} up to 60 s.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF,
			DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER);

	/** A policy that never retries. */
	public static final RetryPolicy NONE = new RetryPolicy(1, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF,
			DEFAULT_MAX_RETRY_AFTER);

	/**
	 * Creates a policy, validating it.
	 * @throws LagrelloInvalidArgumentException if a value is out of range
	 */
	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new LagrelloInvalidArgumentException("maxAttempts",
					"retry max-attempts must be at least 1 (1 disables retries), but is " + maxAttempts);
		}
		requireNotNegative("initialBackoff", initialBackoff);
		requireNotNegative("maxBackoff", maxBackoff);
		requireNotNegative("maxRetryAfter", maxRetryAfter);
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new LagrelloInvalidArgumentException("maxBackoff", "retry max-backoff (" + maxBackoff
					+ ") must not be shorter than initial-backoff (" + initialBackoff + ")");
		}
	}

	private static void requireNotNegative(String name, Duration value) {
		if (value == null || value.isNegative()) {
			throw new LagrelloInvalidArgumentException(name,
					"retry " + name + " must be zero or more, but is " + value);
		}
		if (value.compareTo(ClientOptions.MAX_TIMEOUT) > 0) {
			throw new LagrelloInvalidArgumentException(name, "retryPolicy " + name + " must be at most 1d"
					+ " (ClientOptions.MAX_TIMEOUT, the longest call timeout), but is " + value);
		}
	}

	/**
	 * Returns the back-off before the given retry, before jitter: {@code initialBackoff}
	 * doubled for every earlier retry, capped at {@code maxBackoff}.
	 * @param retry the retry, {@code 0} for the first
	 * @return the back-off
	 */
	public Duration backoff(long retry) {
		Duration backoff = this.initialBackoff;
		// a zero back-off stays zero: no point doubling it retry times
		for (long i = 0; i < retry && !backoff.isZero() && backoff.compareTo(this.maxBackoff) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return (backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff;
	}

}
