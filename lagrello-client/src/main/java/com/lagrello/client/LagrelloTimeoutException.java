package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * No complete answer arrived within the read timeout, or the call was not done within the
 * call timeout ({@code lagrello.call-timeout}). The request may have reached the server.
 * The cause, a {@link TimeoutException}, says which timer ran out.
 */
public class LagrelloTimeoutException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	/** The property that sets the call timeout, named in messages. */
	public static final String CALL_TIMEOUT_PROPERTY = "lagrello.call-timeout";

	private final Duration timeout;

	/**
	 * Creates an exception.
	 * @param operation the API operation, for example {@code tokens/list}
	 * @param timeout the timeout that ran out
	 * @param cause the original failure
	 */
	public LagrelloTimeoutException(String operation, Duration timeout, Throwable cause) {
		super(operation + " failed: no answer within " + timeout.toMillis()
				+ " ms; raise the read timeout (readTimeout) if the API is known to be this slow", cause);
		this.timeout = timeout;
	}

	/**
	 * Creates an exception for a timeout set by the given property.
	 * @param operation the API operation, for example {@code tokens/list}
	 * @param timeout the timeout that ran out
	 * @param property the property that sets it, for example
	 * {@code lagrello.call-timeout}
	 * @param cause the original failure, or {@code null}
	 */
	public LagrelloTimeoutException(String operation, Duration timeout, String property, @Nullable Throwable cause) {
		super(operation + " failed: not done within " + timeout.toMillis() + " ms (" + property
				+ "), every attempt and wait included; nothing more is sent", cause);
		this.timeout = timeout;
	}

	/**
	 * The read timeout ran out before a complete answer arrived.
	 */
	static LagrelloTimeoutException readTimeout(String operation, Duration readTimeout) {
		return new LagrelloTimeoutException(operation, readTimeout, new TimeoutException(
				"no complete answer within the read timeout (readTimeout) of " + readTimeout.toMillis() + " ms"));
	}

	/**
	 * Returns the failure of a call whose call timeout ran out.
	 * @param operation the API operation, for example {@code tokens/list}
	 * @param callTimeout the call timeout
	 * @param why what ran out, for the cause: the attempt in flight, a wait, a batch
	 * @return the exception, its cause a {@link TimeoutException} saying why
	 */
	public static LagrelloTimeoutException callTimeout(String operation, Duration callTimeout, String why) {
		return new LagrelloTimeoutException(operation, callTimeout, CALL_TIMEOUT_PROPERTY, new TimeoutException(
				"the call timeout (" + CALL_TIMEOUT_PROPERTY + ") of " + callTimeout.toMillis() + " ms " + why));
	}

	/**
	 * Returns the timeout that ran out.
	 * @return the read timeout or the call timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
