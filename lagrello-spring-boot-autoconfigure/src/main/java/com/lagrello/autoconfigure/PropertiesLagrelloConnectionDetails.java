package com.lagrello.autoconfigure;

import java.net.URI;

/**
 * {@link LagrelloConnectionDetails} read from {@link LagrelloProperties}.
 */
final class PropertiesLagrelloConnectionDetails implements LagrelloConnectionDetails {

	private final LagrelloProperties properties;

	PropertiesLagrelloConnectionDetails(LagrelloProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	/**
	 * The token without surrounding whitespace, such as the newline that ends a secret
	 * file.
	 * @throws MissingAccessTokenException if {@code lagrello.access-token} is not set or
	 * blank: a non-null method has no null answer, and this failure's analysis names the
	 * property to set
	 */
	@Override
	public String getAccessToken() {
		String token = this.properties.getAccessToken();
		if (token == null || token.isBlank()) {
			throw new MissingAccessTokenException();
		}
		return token.strip();
	}

	@Override
	public String toString() {
		return "PropertiesLagrelloConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
