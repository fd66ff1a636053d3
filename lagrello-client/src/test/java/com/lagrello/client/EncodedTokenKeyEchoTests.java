package com.lagrello.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A token key with characters a path segment encodes (a base64 key's {@code /}, a space)
 * is sent encoded, and a server that echoes the path it was asked for echoes it encoded:
 * that form is the same credential and is redacted too.
 */
class EncodedTokenKeyEchoTests {

	// base64 alphabet: '/' is encoded in a path segment
	private static final String KEY = "dG9rLXNlY3Jl/dC1rZXk+MDEy";

	private static final String ENCODED_KEY = "dG9rLXNlY3Jl%2FdC1rZXk%2BMDEy";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	@Test
	void aKeyEchoedInItsEncodedFormIsRedacted() {
		api.stubFor(delete(urlPathMatching("/v1/tokens/.*")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorType\":\"NOT_FOUND\",\"message\":\"nothing at /v1/tokens/" + ENCODED_KEY + "\"}")));

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> clients.add(TestClients.client(api)).delete(KEY).block(Duration.ofSeconds(10)));

		assertThat(api.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getUrl()).isEqualTo("/v1/tokens/" + ENCODED_KEY));
		assertThat(failure.statusCode()).isEqualTo(404);
		StringWriter printed = new StringWriter();
		failure.printStackTrace(new PrintWriter(printed));
		assertThat(printed.toString()).doesNotContain(ENCODED_KEY).doesNotContain(KEY);
	}

}
