package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Clients pointed at a WireMock server, with retries fast enough for tests.
 */
final class TestClients {

	static final String ACCESS_TOKEN = "test-access-token-0123456789";

	static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofSeconds(60));

	private TestClients() {
	}

	static TokensClientBuilder builder(WireMockExtension server) {
		return TokensClient.builder()
			.baseUrl(server.baseUrl())
			.accessToken(ACCESS_TOKEN)
			.retryPolicy(FAST_RETRIES)
			.readTimeout(Duration.ofSeconds(5));
	}

	static WebClientTokensClient client(WireMockExtension server) {
		return builder(server).build();
	}

}
