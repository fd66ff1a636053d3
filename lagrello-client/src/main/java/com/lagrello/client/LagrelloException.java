package com.lagrello.client;

import org.jspecify.annotations.Nullable;

/**
 * Every failure of the Lagrello client: unchecked, with the original cause attached.
 * Subclasses tell the kind of failure apart; messages name the operation that failed and
 * never contain the access token.
 */
public class LagrelloException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	// why the client gave up on the call, when that is not the failure itself
	private volatile @Nullable String givenUpBecause;

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
	 * Returns what failed, and why the client stopped retrying when that was its decision
	 * (for example a spent retry budget).
	 * @return the message
	 */
	@Override
	public String getMessage() {
		String reason = this.givenUpBecause;
		return (reason != null) ? super.getMessage() + "; not retried: " + reason : super.getMessage();
	}

	/**
	 * Adds to the message why the client did not retry: the failure is still the last
	 * answer's, which a caller may handle as such.
	 */
	void givenUpBecause(String reason) {
		this.givenUpBecause = reason;
	}

}
