package com.lagrello.test;

import java.net.URI;

import com.lagrello.autoconfigure.LagrelloConnectionDetails;

/**
 * {@link LagrelloConnectionDetails} of a {@link FakeLagrelloServer}: its origin and its
 * admin token. As a bean it takes the place of {@code lagrello.base-url} and
 * {@code lagrello.access-token}.
 */
public final class FakeLagrelloConnectionDetails implements LagrelloConnectionDetails {

	private final FakeLagrelloServer server;

	/**
	 * Creates connection details of a server.
	 * @param server the server, running by the time the client is built
	 */
	public FakeLagrelloConnectionDetails(FakeLagrelloServer server) {
		this.server = server;
	}

	@Override
	public URI getBaseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public String getAccessToken() {
		return this.server.adminToken();
	}

	@Override
	public String toString() {
		return "FakeLagrelloConnectionDetails[" + this.server + "]";
	}

}
