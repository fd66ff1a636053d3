package com.lagrello.health;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code lagrello} health indicator reports, and how often it asks.
 */
class LagrelloHealthIndicatorTests {

	private static final String TOKEN = "health-access-token-secret";

	private static final String ONE_TOKEN_PAGE = "{\"data\":[{\"tokenKey\":\"k\",\"tokenName\":\"n\",\"createdBy\":\"c\","
			+ "\"createdAt\":\"2024-01-01T00:00:00Z\",\"permissions\":[\"READ\"]}],\"paging\":{\"next\":\"/v1/tokens?page=1&size=1\"}}";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TokensClient client = TokensClient.builder()
		.baseUrl(api.baseUrl())
		.accessToken(TOKEN)
		.retryPolicy(RetryPolicy.NONE)
		.build();

	private LagrelloHealthIndicator indicator(Duration timeout, Duration interval) {
		return new LagrelloHealthIndicator(this.client, URI.create(api.baseUrl()), timeout, interval);
	}

	private static Health health(LagrelloHealthIndicator indicator) {
		return indicator.health().block(Duration.ofSeconds(10));
	}

	@Test
	void upWhenAnAuthenticatedOneTokenPageComesBack() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ONE_TOKEN_PAGE)));

		Health health = health(indicator(Duration.ofSeconds(2), Duration.ZERO));

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("baseUrl", api.baseUrl()).containsKeys("latency", "lastSuccess");
		api.verify(1,
				getRequestedFor(urlPathEqualTo("/v1/tokens")).withQueryParam("size", equalTo("1"))
					.withQueryParam("page", absent())
					.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void downWithStatusAndErrorTypeWhenTheApiRefuses() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorType\":\"FORBIDDEN\",\"message\":\"wrong token\"}")));

		Health health = health(indicator(Duration.ofSeconds(2), Duration.ZERO));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 403).containsEntry("errorType", "FORBIDDEN");
		assertThat(health.toString()).doesNotContain(TOKEN);
	}

	@Test
	void downWithinTheTimeoutWhenTheApiTakesTenSeconds() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ONE_TOKEN_PAGE).withFixedDelay(10_000)));

		Health health = health(indicator(Duration.ofMillis(200), Duration.ZERO));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("lagrello.health.timeout");
	}

	@Test
	void manyHealthCallsWithinTheIntervalAskTheApiOnce() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ONE_TOKEN_PAGE)));
		LagrelloHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofMinutes(10));

		Flux.range(0, 1_000).flatMap((i) -> indicator.health()).blockLast(Duration.ofSeconds(30));

		api.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void zeroIntervalAsksTheApiOnEveryCall() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ONE_TOKEN_PAGE)));
		LagrelloHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ZERO);

		health(indicator);
		health(indicator);
		health(indicator);

		api.verify(3, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void lastResultIsReportedBetweenProbes() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));
		LagrelloHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofMinutes(10));
		assertThat(health(indicator).getStatus()).isEqualTo(Status.DOWN);

		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ONE_TOKEN_PAGE)));

		assertThat(health(indicator).getStatus()).isEqualTo(Status.DOWN);
		api.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void downWithStatusAtOnceWhenTheApiAsksToRetryLater() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
		TokensClient retrying = TokensClient.builder().baseUrl(api.baseUrl()).accessToken(TOKEN).build();

		Health health = health(
				new LagrelloHealthIndicator(retrying, URI.create(api.baseUrl()), Duration.ofSeconds(2), Duration.ZERO));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 503);
		api.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void zeroTimeoutIsRejected() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> indicator(Duration.ZERO, Duration.ZERO))
			.withMessageContaining("lagrello.health.timeout");
	}

}
