package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The blocking {@code deleteAll} is one call: bounded by the call timeout as a whole.
 * What is not deleted by then is a failure with a {@link LagrelloTimeoutException}, and
 * nothing is sent after it.
 */
class BlockingDeleteAllTimeoutTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(40))
		.build();

	@Test
	void aListingNotDoneWithinTheCallTimeoutFailsTheCallAndDeletesNothing() {
		// four pages of 300 ms each: the listing alone takes longer than the 500 ms call
		// timeout, although every page is well within it
		TestClients.stubPage(api, "/v1/tokens?size=1", ApiExamples.page("p0", 1, "/v1/tokens?page=1&size=1"));
		for (int page = 1; page < 4; page++) {
			String next = (page < 3) ? "/v1/tokens?page=" + (page + 1) + "&size=1" : null;
			api.stubFor(com.github.tomakehurst.wiremock.client.WireMock
				.get(urlEqualTo("/v1/tokens?page=" + page + "&size=1"))
				.willReturn(okJson(ApiExamples.page("p" + page, 1, next)).withFixedDelay(300)));
		}
		api.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));
		try (WebClientTokensClient client = TestClients.builder(api)
			.pageSize(1)
			.callTimeout(Duration.ofMillis(500))
			.build()) {
			assertThatExceptionOfType(LagrelloTimeoutException.class)
				.isThrownBy(() -> client.blocking().deleteAll((token) -> true))
				.withMessageContaining("lagrello.call-timeout")
				.havingCause()
				.isInstanceOf(TimeoutException.class);
		}
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			api.verify(0, deleteRequestedFor(anyUrl()));
			api.verify(0, getRequestedFor(urlEqualTo("/v1/tokens?page=3&size=1")));
		});
	}

	@Test
	void aDeleteInFlightAtTheDeadlineIsCancelledAndTheRestAreNeverSent() {
		api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson(ApiExamples.tokens("a", "b", "c"))));
		api.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204).withFixedDelay(2_000)));
		try (WebClientTokensClient client = TestClients.builder(api)
			.bulkConcurrency(1)
			.callTimeout(Duration.ofMillis(500))
			.build()) {
			DeleteAllResult result = client.blocking().deleteAll((token) -> true);

			assertThat(result.deleted()).isEmpty();
			assertThat(result.failures()).hasSize(3)
				.allSatisfy((token, failure) -> assertThat(failure).isInstanceOf(LagrelloTimeoutException.class)
					.hasMessageContaining("lagrello.call-timeout")
					.cause()
					.isInstanceOf(TimeoutException.class));
		}
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			api.verify(1, deleteRequestedFor(anyUrl()));
			api.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/tokens/a")));
		});
	}

	@Test
	void aRetryAfterEndingAfterTheDeadlineEndsTheBatchAtOnce() {
		api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson(ApiExamples.tokens("a", "b", "c"))));
		api.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
		try (WebClientTokensClient client = TestClients.builder(api)
			.bulkConcurrency(1)
			.callTimeout(Duration.ofSeconds(2))
			.build()) {
			// a 2 s timeout and a 3 s hold: waiting is for nothing, so the batch ends at
			// once instead of at the deadline (the failures say why)
			DeleteAllResult result = client.blocking().deleteAll((token) -> true);

			assertThat(result.deleted()).isEmpty();
			assertThat(result.failures()).hasSize(3);
			assertThat(result.failures().values()).filteredOn(LagrelloTimeoutException.class::isInstance)
				.hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((failure) -> assertThat(failure.getCause()).hasMessageContaining("Retry-After"));
		}
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			api.verify(1, deleteRequestedFor(anyUrl()));
			api.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/tokens/a")));
		});
	}

	@Test
	void aBatchDoneWithinTheCallTimeoutDeletesEverything() {
		api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson(ApiExamples.tokens("a", "b", "c"))));
		api.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));
		try (WebClientTokensClient client = TestClients.builder(api).callTimeout(Duration.ofSeconds(5)).build()) {
			DeleteAllResult result = client.blocking().deleteAll((token) -> true);

			assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a", "b", "c");
			assertThat(result.failures()).isEmpty();
		}
	}

}
