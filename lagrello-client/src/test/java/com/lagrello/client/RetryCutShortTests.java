package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A call that stops retrying because the next wait would end after the call timeout fails
 * with its last attempt's exception, whose message says so: the attempts made and the
 * timeout.
 */
class RetryCutShortTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aRetryAfterBeyondTheCallTimeoutEndsTheCallWithAMessageSayingSo() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")));
		try (WebClientTokensClient client = TestClients.builder(api).callTimeout(Duration.ofSeconds(1)).build()) {
			assertThatExceptionOfType(LagrelloApiException.class)
				.isThrownBy(() -> client.listPage(0, 1).block(Duration.ofSeconds(10)))
				.satisfies((failure) -> assertThat(failure.statusCode()).isEqualTo(503))
				.withMessageContaining("call timeout (lagrello.call-timeout, 1000 ms) cut the retries short")
				.withMessageContaining("after 1 of 3 attempts");
		}
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> api.verify(1, anyRequestedFor(anyUrl())));
	}

	@Test
	void aRetryAfterWithinTheCallTimeoutIsWaitedForAndTheMessageSaysNothingOfIt() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
		try (WebClientTokensClient client = TestClients.builder(api)
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(60)))
			.callTimeout(Duration.ofSeconds(5))
			.build()) {
			assertThatExceptionOfType(LagrelloApiException.class)
				.isThrownBy(() -> client.listPage(0, 1).block(Duration.ofSeconds(10)))
				.withMessageNotContaining("cut the retries short");
		}
		api.verify(2, anyRequestedFor(anyUrl()));
	}

}
