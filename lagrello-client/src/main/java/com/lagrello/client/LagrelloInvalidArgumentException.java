package com.lagrello.client;

/**
 * An argument was rejected before any request was sent.
 */
public class LagrelloInvalidArgumentException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	private final String argument;

	/**
	 * Creates an exception.
	 * @param argument the name of the rejected argument, for example {@code tokenName}
	 * @param message why it was rejected
	 */
	public LagrelloInvalidArgumentException(String argument, String message) {
		super(message);
		this.argument = argument;
	}

	/**
	 * Returns the name of the rejected argument.
	 * @return for example {@code pageSize}
	 */
	public String argument() {
		return this.argument;
	}

}
