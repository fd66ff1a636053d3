package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@link LagrelloTimeoutException} carries its original cause, as every
 * {@link LagrelloException} does: a {@link TimeoutException} naming the timer that ran
 * out.
 */
class TimeoutCauseTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void anAnswerAfterTheReadTimeoutFailsWithATimeoutExceptionAsCause() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null)).withFixedDelay(2_000)));
		try (WebClientTokensClient client = TestClients.builder(api).readTimeout(Duration.ofMillis(200)).build()) {
			assertThatExceptionOfType(LagrelloTimeoutException.class)
				.isThrownBy(() -> client.listPage(0, 1).block(Duration.ofSeconds(10)))
				.havingCause()
				.isInstanceOf(TimeoutException.class)
				.withMessageContaining("read timeout")
				.withMessageContaining("200 ms");
		}
	}

	@Test
	void anAnswerAfterTheCallTimeoutFailsWithATimeoutExceptionAsCause() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null)).withFixedDelay(2_000)));
		try (WebClientTokensClient client = TestClients.builder(api)
			.readTimeout(Duration.ofSeconds(5))
			.callTimeout(Duration.ofMillis(200))
			.build()) {
			assertThatExceptionOfType(LagrelloTimeoutException.class)
				.isThrownBy(() -> client.listPage(0, 1).block(Duration.ofSeconds(10)))
				.havingCause()
				.isInstanceOf(TimeoutException.class)
				.withMessageContaining("call timeout")
				.withMessageContaining("200 ms");
		}
	}

}
