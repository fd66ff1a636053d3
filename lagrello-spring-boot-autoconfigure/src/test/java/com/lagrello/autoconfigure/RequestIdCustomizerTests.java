package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.ClientRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The per-request header example of docs/operations.md: a
 * {@link LagrelloClientCustomizer} that sends the caller's request id, the same on every
 * attempt of a call, with no API of the client's own.
 */
class RequestIdCustomizerTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	// docs/operations.md: per-request headers
	static LagrelloClientCustomizer requestIds() {
		return (builder) -> builder.filter((request,
				next) -> Mono.deferContextual((context) -> next.exchange(ClientRequest.from(request)
					.header("X-Request-Id", context.getOrDefault("requestId", UUID.randomUUID().toString()))
					.build())));
	}

	@Test
	void everyAttemptOfACallSendsTheCallersRequestId() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}")));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
			.withPropertyValues("lagrello.base-url=" + api.baseUrl(), "lagrello.access-token=request-id-token",
					"lagrello.retry.initial-backoff=1ms", "lagrello.retry.max-backoff=2ms")
			.withBean(LagrelloClientCustomizer.class, RequestIdCustomizerTests::requestIds)
			.run((context) -> StepVerifier
				.create(context.getBean(TokensClient.class)
					.listPage(0, 20)
					.contextWrite(Context.of("requestId", "support-4711")))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10)));
		api.verify(2,
				getRequestedFor(urlPathEqualTo("/v1/tokens")).withHeader("X-Request-Id", equalTo("support-4711")));
	}

}
