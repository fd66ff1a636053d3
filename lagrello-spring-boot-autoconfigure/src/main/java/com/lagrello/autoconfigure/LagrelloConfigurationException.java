package com.lagrello.autoconfigure;

import com.lagrello.client.LagrelloException;

/**
 * Start-up failed because the Lagrello configuration cannot work together with the rest
 * of the application (an SSL bundle that does not exist, a proxy the connector cannot
 * authenticate to); {@link LagrelloConfigurationFailureAnalyzer} explains it with what to
 * do instead. Its texts never hold a secret.
 */
final class LagrelloConfigurationException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Creates an exception.
	 * @param description what is wrong, naming the property
	 * @param action what to do about it
	 * @param cause the failure found, or {@code null}
	 */
	LagrelloConfigurationException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
