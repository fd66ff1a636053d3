package com.lagrello.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defects an adversarial review found: a {@code Retry-After} too long to wait for, or one
 * on a delete's last attempt, and endless timeouts.
 */
class BulkDeleteRetryAfterTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static long loggedAt(String key) {
		List<ServeEvent> events = api.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals("/v1/tokens/" + key))
			.toList();
		assertThat(events).hasSize(1);
		return events.get(0).getRequest().getLoggedDate().getTime();
	}

	// 1. A Retry-After the client refuses to wait for (longer than max-retry-after) still
	// holds back the whole batch for that long: deleteAll does not complete for an hour.
	@Test
	void aRefusedRetryAfterMustNotHoldTheBatch() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.tokens("a", "b"))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));
		api.stubFor(delete(urlEqualTo("/v1/tokens/b")).willReturn(aResponse().withStatus(204)));
		try (WebClientTokensClient client = TestClients.builder(api)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1)))
			.bulkConcurrency(1)
			.build()) {
			DeleteAllResult result = client.deleteAll((token) -> true).block(Duration.ofSeconds(10));
			assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("b");
			assertThat(result.failures()).hasSize(1);
		}
	}

	// 2. A huge Retry-After on one delete overflows Duration.toNanos in HoldBack.until:
	// the whole deleteAll Mono fails with ArithmeticException (not even a
	// LagrelloException),
	// though the listing succeeded.
	@Test
	void aHugeRetryAfterMustNotFailTheWholeBatch() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.tokens("a", "b"))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "99999999999999")));
		api.stubFor(delete(urlEqualTo("/v1/tokens/b")).willReturn(aResponse().withStatus(204)));
		try (WebClientTokensClient client = TestClients.builder(api).bulkConcurrency(1).build()) {
			DeleteAllResult result = client.deleteAll((token) -> true).block(Duration.ofSeconds(10));
			assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("b");
			assertThat(result.failures()).hasSize(1);
		}
	}

	// 3. A Retry-After on a delete's last attempt (here: retries disabled) holds back
	// nothing: the next delete of the batch is sent at once.
	@Test
	void aRetryAfterOnTheLastAttemptStillHoldsBackTheBatch() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.tokens("a", "b"))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
		api.stubFor(delete(urlEqualTo("/v1/tokens/b")).willReturn(aResponse().withStatus(204)));
		try (WebClientTokensClient client = TestClients.builder(api)
			.retryPolicy(RetryPolicy.NONE)
			.bulkConcurrency(1)
			.build()) {
			client.deleteAll((token) -> true).block(Duration.ofSeconds(10));
			assertThat(loggedAt("b") - loggedAt("a")).isGreaterThanOrEqualTo(1900);
		}
	}

	// 4b. Duration.ofSeconds(Long.MAX_VALUE) is accepted by build() but every call then
	// fails with ArithmeticException.
	@Test
	void anEndlessCallTimeoutIsRefusedOrWorks() {
		api.stubFor(get(urlEqualTo("/v1/tokens?page=0&size=20")).willReturn(okJson(ApiExamples.tokens("a"))));
		WebClientTokensClient client;
		try {
			client = TestClients.builder(api).callTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build();
		}
		catch (LagrelloInvalidArgumentException refused) {
			return; // refusing it at build time would be fine
		}
		try (client) {
			assertThat(client.listPage(0, 20).block(Duration.ofSeconds(10)).data()).hasSize(1);
		}
	}

}
