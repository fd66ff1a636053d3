package com.lagrello.client;

import org.jspecify.annotations.Nullable;

/**
 * Every failure of the Lagrello client: unchecked, with the original cause attached.
 * Subclasses tell the kind of failure apart; messages name the operation that failed and
 * never contain the access token.
 */
public class LagrelloException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what failed, and what to do about it where that is known
	 * @param cause the original failure, or {@code null}
	 */
	public LagrelloException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates an exception without a cause.
	 * @param message what failed
	 */
	public LagrelloException(String message) {
		super(message);
	}

	/**
	 * Creates the copy of a failure that {@link #notRetried(String)} returns: its message
	 * with the reason added, its cause, stack trace and suppressed exceptions.
	 * @param failure the failure the call ended with
	 * @param notRetriedBecause why the client stopped retrying
	 */
	// a copy made from a finished exception: Throwable's setters are all it calls
	@SuppressWarnings("this-escape")
	protected LagrelloException(LagrelloException failure, String notRetriedBecause) {
		super(failure.getMessage() + "; not retried: " + notRetriedBecause, failure.getCause());
		setStackTrace(failure.getStackTrace());
		for (Throwable suppressed : failure.getSuppressed()) {
			addSuppressed(suppressed);
		}
	}

	/**
	 * Returns this failure as the call ends with it when the client stopped retrying for
	 * a reason of its own (a spent retry budget, a call timeout that would end before the
	 * next attempt): an exception of the same class with the same details, cause and
	 * stack trace, whose message says why it was not retried. It is still the last
	 * answer's failure, which a caller may handle as such. This exception is unchanged.
	 * Subclasses whose failures the client retries return their own class.
	 * @param reason why the client did not retry
	 * @return the failure to end the call with
	 */
	public LagrelloException notRetried(String reason) {
		return new LagrelloException(this, reason);
	}

}
