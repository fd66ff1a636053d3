package com.lagrello.client;

/**
 * {@link TokensClient#listAll(int)} refused to follow a {@code paging.next} link: it
 * points to another origin than the base URL, it was visited already (a cycle), it is
 * malformed, or following it would go beyond the maximum number of pages. The refused
 * link is not requested.
 */
public class LagrelloPagingException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message why the link was refused
	 */
	public LagrelloPagingException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message why the link was refused
	 * @param cause the original failure
	 */
	public LagrelloPagingException(String message, Throwable cause) {
		super(message, cause);
	}

}
