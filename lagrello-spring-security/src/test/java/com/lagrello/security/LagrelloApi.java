package com.lagrello.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.RetryPolicy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock standing in for Lagrello's sign-in endpoints, and a real client pointed at it
 * with retries and timeouts short enough for tests.
 */
public final class LagrelloApi {

	public static final String ACCESS_TOKEN = "test-access-token-0123456789";

	/** How long a slow answer takes: well past {@link #READ_TIMEOUT}. */
	public static final int SLOW_ANSWER_MILLIS = 3_000;

	public static final Duration READ_TIMEOUT = Duration.ofMillis(500);

	private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofSeconds(60));

	private LagrelloApi() {
	}

	public static WireMockExtension server() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
	}

	public static LagrelloClient client(WireMockExtension server) {
		return client(server.baseUrl());
	}

	public static LagrelloClient client(String baseUrl) {
		return LagrelloClient.builder()
			.baseUrl(baseUrl)
			.accessToken(ACCESS_TOKEN)
			.retryPolicy(FAST_RETRIES)
			.readTimeout(READ_TIMEOUT)
			.build();
	}

	public static MappingBuilder sendMagicLink(String userId) {
		return post(urlEqualTo("/v1/users/" + userId + "/email"));
	}

	public static MappingBuilder redeemMagicLink() {
		return get(urlPathEqualTo("/v1/users/email"));
	}

	public static MappingBuilder verifyTotp(String userId) {
		return get(urlPathEqualTo("/v1/users/" + userId + "/totp"));
	}

	public static ResponseDefinitionBuilder user(String userId) {
		return json(200, "{\"userId\":\"" + userId + "\",\"email\":\"" + userId + "@example.com\"}");
	}

	public static ResponseDefinitionBuilder status(int status) {
		return (status == 204) ? aResponse().withStatus(204)
				: json(status, "{\"errorType\":\"E" + status + "\",\"message\":\"status " + status + "\"}");
	}

	public static ResponseDefinitionBuilder slow() {
		return aResponse().withStatus(204).withFixedDelay(SLOW_ANSWER_MILLIS);
	}

	public static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** A loopback port that nothing listens on: connecting to it is refused. */
	public static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public static List<LoggedRequest> requests(WireMockExtension server) {
		return server.findAll(anyRequestedFor(anyUrl()));
	}

}
