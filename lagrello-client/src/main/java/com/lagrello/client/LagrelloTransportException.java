package com.lagrello.client;

/**
 * The exchange failed below HTTP: the connection could not be made, or it was closed or
 * reset before a complete answer arrived.
 */
public class LagrelloTransportException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	private final boolean requestSent;

	private final boolean responseStarted;

	/**
	 * Creates an exception.
	 * @param message what failed
	 * @param requestSent whether the request may have reached the server
	 * @param responseStarted whether the server had started to answer
	 * @param cause the original failure
	 */
	public LagrelloTransportException(String message, boolean requestSent, boolean responseStarted, Throwable cause) {
		super(message, cause);
		this.requestSent = requestSent;
		this.responseStarted = responseStarted;
	}

	/**
	 * Creates the copy of a failure that {@link #notRetried(String)} returns.
	 * @param failure the failure the call ended with
	 * @param notRetriedBecause why the client stopped retrying
	 */
	protected LagrelloTransportException(LagrelloTransportException failure, String notRetriedBecause) {
		super(failure, notRetriedBecause);
		this.requestSent = failure.requestSent;
		this.responseStarted = failure.responseStarted;
	}

	@Override
	public LagrelloTransportException notRetried(String reason) {
		return new LagrelloTransportException(this, reason);
	}

	/**
	 * Whether the request may have reached the server. {@code false} only when the
	 * connection could not even be made.
	 * @return {@code false} if the request provably never left the client
	 */
	public boolean requestSent() {
		return this.requestSent;
	}

	/**
	 * Whether the server had started to answer (status and headers arrived) before the
	 * connection failed, for example a body cut off half-way.
	 * @return {@code true} if a response had started
	 */
	public boolean responseStarted() {
		return this.responseStarted;
	}

}
