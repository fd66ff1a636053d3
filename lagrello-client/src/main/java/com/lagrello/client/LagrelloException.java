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

}
