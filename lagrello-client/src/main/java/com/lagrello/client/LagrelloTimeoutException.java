package com.lagrello.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * No complete answer arrived within the read timeout. The request may have reached the
 * server.
 */
public class LagrelloTimeoutException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	private final Duration timeout;

	/**
	 * Creates an exception.
	 * @param operation the API operation, for example {@code tokens/list}
	 * @param timeout the timeout that ran out
	 * @param cause the original failure
	 */
	public LagrelloTimeoutException(String operation, Duration timeout, Throwable cause) {
		super(operation + " failed: no answer within " + timeout.toMillis()
				+ " ms; raise the read timeout (lagrello.read-timeout) if the API is known to be this slow", cause);
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
	 * Returns the timeout that ran out.
	 * @return the read timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
