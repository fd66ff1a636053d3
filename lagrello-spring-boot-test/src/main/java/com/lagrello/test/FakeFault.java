package com.lagrello.test;

import java.time.Duration;

import com.lagrello.fake.Fault;
import org.jspecify.annotations.Nullable;

/**
 * A failure the {@link FakeLagrelloServer} answers with instead of its normal answer,
 * planned with {@link FakeLagrelloServer#failNext(int, FakeFault)}: <pre class="code">
 * lagrello.failNext(HttpMethod.POST, 1, FakeFault.status(429).retryAfter(Duration.ofSeconds(1)));
 * lagrello.failNext(HttpMethod.DELETE, 1, FakeFault.responseLost());
 * lagrello.failNext(3, FakeFault.delay(Duration.ofMillis(200)));
 * </pre> Instances are immutable. Each is a {@link Fault} of the Spring-free fake
 * ({@code lagrello-fake}), which holds the rules.
 */
public final class FakeFault {

	private final Fault fault;

	private FakeFault(Fault fault) {
		this.fault = fault;
	}

	/**
	 * Answers with that status and the API's {@code Error} body; the request is not
	 * applied.
	 * @param status an error status, from 400 to 599
	 * @return the fault
	 */
	public static FakeFault status(int status) {
		return new FakeFault(Fault.status(status));
	}

	/**
	 * Adds a {@code Retry-After} header, in whole seconds (rounded up), to a
	 * {@link #status(int)} fault.
	 * @param wait how long the client should wait, from zero to a day
	 * @return a new fault with the header
	 */
	public FakeFault retryAfter(Duration wait) {
		return new FakeFault(this.fault.retryAfter(wait));
	}

	/**
	 * Answers normally, that much later, without blocking a thread. The request is
	 * applied when the answer is sent.
	 * @param delay from zero to ten minutes
	 * @return the fault
	 */
	public static FakeFault delay(Duration delay) {
		return new FakeFault(Fault.delay(delay));
	}

	/**
	 * Closes the connection before any answer; the request is not applied. The client
	 * cannot tell whether it was.
	 * @return the fault
	 */
	public static FakeFault connectionReset() {
		return new FakeFault(Fault.connectionReset());
	}

	/**
	 * Applies the request (a token is created or deleted), then closes the connection
	 * without answering: the answer is lost on its way.
	 * @return the fault
	 */
	public static FakeFault responseLost() {
		return new FakeFault(Fault.responseLost());
	}

	/**
	 * Returns the fake's own fault, which this one is.
	 */
	Fault fault() {
		return this.fault;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof FakeFault that && this.fault.equals(that.fault);
	}

	@Override
	public int hashCode() {
		return this.fault.hashCode();
	}

	@Override
	public String toString() {
		// Fault.status(503) -> FakeFault.status(503)
		return "Fake" + this.fault;
	}

}
