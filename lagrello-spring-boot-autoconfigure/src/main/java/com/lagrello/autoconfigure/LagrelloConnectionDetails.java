package com.lagrello.autoconfigure;

import java.net.URI;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Lagrello API is and how to authenticate to it. Define a bean of this type to
 * take the place of {@code lagrello.base-url} and {@code lagrello.access-token}, for
 * example to read the token from a secret store; the test support module contributes one
 * for its fake server.
 */
public interface LagrelloConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the API origin.
	 * @return the base URL, for example {@code https://api.lagrello.com}
	 */
	URI getBaseUrl();

	/**
	 * Returns the bearer token every request carries.
	 * @return the access token
	 */
	String getAccessToken();

}
