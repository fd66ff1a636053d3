package com.lagrello.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
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

	/**
	 * A root client pointed at the server, with the same settings as {@link #builder}.
	 */
	static LagrelloClientBuilder lagrello(WireMockExtension server) {
		return LagrelloClient.builder()
			.baseUrl(server.baseUrl())
			.accessToken(ACCESS_TOKEN)
			.retryPolicy(FAST_RETRIES)
			.readTimeout(Duration.ofSeconds(5));
	}

	/** Answers a GET of exactly this path and query with the given page. */
	static void stubPage(WireMockExtension server, String pathAndQuery, String body) {
		server.stubFor(WireMock.get(WireMock.urlEqualTo(pathAndQuery)).willReturn(WireMock.okJson(body)));
	}

	/** The URLs the server received, sorted. */
	static List<String> requestedUrls(WireMockExtension server) {
		return server.getAllServeEvents().stream().map((event) -> event.getRequest().getUrl()).sorted().toList();
	}

	static WebClientTokensClient client(WireMockExtension server) {
		return builder(server).build();
	}

}
