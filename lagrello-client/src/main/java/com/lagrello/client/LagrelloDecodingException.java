package com.lagrello.client;

import org.jspecify.annotations.Nullable;

/**
 * A successful answer could not be read: malformed or truncated JSON, a content type
 * other than JSON, or a body larger than the configured in-memory limit.
 */
public class LagrelloDecodingException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what could not be read
	 * @param cause the original failure, or {@code null}
	 */
	public LagrelloDecodingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
