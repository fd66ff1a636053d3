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

	@Override
	public String getAccessToken() {
		return this.properties.getAccessToken();
	}

	@Override
	public String toString() {
		return "PropertiesLagrelloConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
