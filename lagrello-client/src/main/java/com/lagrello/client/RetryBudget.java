package com.lagrello.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many retries a client may send, as a share of its recent calls: within any
 * {@link #window()}, at most {@link #minRetries()} plus {@link #percent()} % of the calls
 * made. It keeps an outage from multiplying the load on an API that is already failing:
 * with the default, a client whose every request fails sends about 1.2 requests per call
 * instead of {@link RetryPolicy#maxAttempts()}. A client and the clients derived from it
 * with {@link TokensClient#mutate()} spend one budget.
 * <p>
 * The model is Finagle's retry budget (a deposit per call, a withdrawal per retry, over a
 * sliding window, with a floor for quiet clients), the anchor Envoy's and gRPC's retry
 * throttles follow too. Instances are immutable.
 */
public final class RetryBudget {

	/** Default of {@link #percent()}. */
	public static final int DEFAULT_PERCENT = 20;

	/** Default of {@link #minRetries()}. */
	public static final int DEFAULT_MIN_RETRIES = 10;

	/** Default of {@link #window()}. */
	public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

	/** The largest {@link #percent()}: beyond it a budget no longer limits anything. */
	public static final int MAX_PERCENT = 1000;

	/** The default budget: 20 % of the calls of the last 10 seconds, plus 10 retries. */
	public static final RetryBudget DEFAULT = new RetryBudget(DEFAULT_PERCENT, DEFAULT_MIN_RETRIES, DEFAULT_WINDOW,
			true);

	/** No budget: every retry the {@link RetryPolicy} allows is sent. */
	public static final RetryBudget UNLIMITED = new RetryBudget(MAX_PERCENT, Integer.MAX_VALUE, DEFAULT_WINDOW, false);

	private final int percent;

	private final int minRetries;

	private final Duration window;

	private final boolean limited;

	private RetryBudget(int percent, int minRetries, Duration window, boolean limited) {
		this.percent = percent;
		this.minRetries = minRetries;
		this.window = window;
		this.limited = limited;
	}

	/**
	 * Returns a budget.
	 * @param percent share of the window's calls that may be retried, from 0 to 1000
	 * @param minRetries retries allowed in every window whatever the traffic, 0 or more
	 * @param window how far back calls and retries count, from a second to a day
	 * @return the budget
	 * @throws LagrelloInvalidArgumentException if a value is out of range
	 */
	public static RetryBudget of(int percent, int minRetries, Duration window) {
		if (percent < 0 || percent > MAX_PERCENT) {
			throw new LagrelloInvalidArgumentException("percent",
					"retry budget percent must be from 0 to " + MAX_PERCENT + ", but is " + percent);
		}
		if (minRetries < 0) {
			throw new LagrelloInvalidArgumentException("minRetries",
					"retry budget min-retries must be 0 or more, but is " + minRetries);
		}
		if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0
				|| window.compareTo(ClientOptions.MAX_TIMEOUT) > 0) {
			throw new LagrelloInvalidArgumentException("window",
					"retry budget window must be from 1s to a day, but is " + window);
		}
		return new RetryBudget(percent, minRetries, window, true);
	}

	/**
	 * Returns the share of the window's calls that may be retried, in percent.
	 * @return from 0 to 1000
	 */
	public int percent() {
		return this.percent;
	}

	/**
	 * Returns the retries allowed in every window whatever the traffic, so that a quiet
	 * client still retries.
	 * @return 0 or more
	 */
	public int minRetries() {
		return this.minRetries;
	}

	/**
	 * Returns how far back calls and retries count.
	 * @return the window
	 */
	public Duration window() {
		return this.window;
	}

	/**
	 * Whether this budget limits retries at all ({@code false} for {@link #UNLIMITED}).
	 * @return whether retries are budgeted
	 */
	public boolean isLimited() {
		return this.limited;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof RetryBudget that && this.percent == that.percent && this.minRetries == that.minRetries
				&& this.window.equals(that.window) && this.limited == that.limited;
	}

	@Override
	public int hashCode() {
		return (31 * (31 * this.percent + this.minRetries) + this.window.hashCode()) * 2 + (this.limited ? 1 : 0);
	}

	@Override
	public String toString() {
		return this.limited
				? "RetryBudget[" + this.percent + "% of calls + " + this.minRetries + " per " + this.window + "]"
				: "RetryBudget[unlimited]";
	}

}
