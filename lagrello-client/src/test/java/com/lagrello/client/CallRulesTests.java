package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call timeout over all attempts and waits, and {@code delete} after a lost answer.
 */
class CallRulesTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static final String NOT_FOUND = "{\"errorType\":\"NOT_FOUND\",\"message\":\"token could not be found\"}";

	@Test
	void aRetryAfterThatWouldEndAfterTheCallTimeoutFailsAtOnce() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
		TokensClient client = clients.add(TestClients.builder(api).callTimeout(Duration.ofSeconds(10)).build());

		StepVerifier.create(client.listPage(0, 1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(503)))
			.verify(Duration.ofSeconds(15));

		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void whenTheCallTimeoutRunsOutTheCallFailsAndNothingMoreIsSent() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
		// counts each request as the client sends it: the server may record the one in
		// flight at the deadline only after the call failed
		AtomicInteger started = new AtomicInteger();
		TokensClient client = clients
			.add(TestClients.builder(api).webClientBuilder(WebClient.builder().filter((request, next) -> {
				started.incrementAndGet();
				return next.exchange(request);
			}))
				.retryPolicy(
						new RetryPolicy(100, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(60)))
				.callTimeout(Duration.ofMillis(500))
				.build());

		StepVerifier.create(client.listPage(0, 1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloException.class))
			.verify(Duration.ofSeconds(15));
		int sent = started.get();

		assertThat(sent).isBetween(2, 10);
		StepVerifier.create(reactor.core.publisher.Mono.delay(Duration.ofMillis(400)))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(started).as("requests sent after the call failed").hasValue(sent);
		assertThat(api.getAllServeEvents()).as("requests the server received").hasSizeBetween(sent - 1, sent);
	}

	@Test
	void aDeleteWhoseAnswerWasLostCompletesWhenItsRetryGets404() {
		api.stubFor(delete(anyUrl()).inScenario("lost")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
			.willSetStateTo("deleted"));
		api.stubFor(delete(anyUrl()).inScenario("lost")
			.whenScenarioStateIs("deleted")
			.willReturn(
					aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));

		StepVerifier.create(clients.add(TestClients.client(api)).delete("abc")).verifyComplete();

		api.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDeleteAnswered503AndThen404Completes() {
		api.stubFor(delete(anyUrl()).inScenario("503")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("deleted"));
		api.stubFor(delete(anyUrl()).inScenario("503")
			.whenScenarioStateIs("deleted")
			.willReturn(
					aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));

		StepVerifier.create(clients.add(TestClients.client(api)).delete("abc")).verifyComplete();
	}

	@Test
	void a404ToTheFirstAttemptIsStillAnError() {
		api.stubFor(delete(anyUrl()).willReturn(
				aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));

		StepVerifier.create(clients.add(TestClients.client(api)).delete("abc"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(404)))
			.verify(Duration.ofSeconds(15));
	}

	@Test
	void a404AfterA429IsStillAnError() {
		api.stubFor(delete(anyUrl()).inScenario("429")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("refused"));
		api.stubFor(delete(anyUrl()).inScenario("429")
			.whenScenarioStateIs("refused")
			.willReturn(
					aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));

		StepVerifier.create(clients.add(TestClients.client(api)).delete("abc"))
			.expectError(LagrelloApiException.class)
			.verify(Duration.ofSeconds(15));
	}

}
