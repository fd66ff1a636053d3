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
	 */
	@Override
	public String getAccessToken() {
		String token = this.properties.getAccessToken();
		return (token != null) ? token.strip() : null;
	}

	@Override
	public String toString() {
		return "PropertiesLagrelloConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
