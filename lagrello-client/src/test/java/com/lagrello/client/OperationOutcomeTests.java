package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The outcome of a call's {@code lagrello.client.operations} observation must be what the
 * caller saw.
 */
class OperationOutcomeTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static TokensClientBuilder observed(ObservationRegistry registry) {
		return TestClients.builder(api)
			.webClientBuilder(WebClient.builder().observationRegistry(registry))
			.observationRegistry(registry);
	}

	/**
	 * A delete answered 503 and then 404 completes for the caller (the first attempt most
	 * likely deleted the token), but its observation says it failed with
	 * LagrelloApiException: the 404 is forgiven outside the observed call.
	 */
	@Test
	void aDeleteWhoseLostAnswerIsForgivenIsObservedAsSuccess() {
		api.stubFor(delete("/v1/tokens/abc").inScenario("lost")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("deleted"));
		api.stubFor(delete("/v1/tokens/abc").inScenario("lost")
			.whenScenarioStateIs("deleted")
			.willReturn(aResponse().withStatus(404)));
		TestObservationRegistry registry = TestObservationRegistry.create();

		StepVerifier.create(clients.add(observed(registry).build()).delete("abc"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lagrello.client.operations", 1)
			.hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.doesNotHaveError();
	}

	/**
	 * A blocking call that runs into lagrello.call-timeout throws
	 * LagrelloTimeoutException, but the adapter's own timeout (Reactor's parallel
	 * scheduler) beats the client's (a 100 ms wheel) and cancels the call: the metric
	 * says CANCELLED.
	 */
	@Test
	void aBlockingCallThatRunsIntoTheCallTimeoutIsObservedAsATimeout() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(okJson(ApiExamples.page("a", 1, null)).withFixedDelay(5_000)));
		TestObservationRegistry registry = TestObservationRegistry.create();
		BlockingTokensClient blocking = clients
			.add(observed(registry).readTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofMillis(500)).build())
			.blocking();

		assertThatExceptionOfType(LagrelloTimeoutException.class).isThrownBy(() -> blocking.listPage(0, 1));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(registry).hasObservationWithNameEqualTo("lagrello.client.operations")
				.that()
				.hasBeenStopped());
		assertThat(registry).hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasLowCardinalityKeyValue("outcome", "LagrelloTimeoutException");
	}

	/**
	 * An access token supplier that fails (a secret store that is down) reaches the
	 * caller as its own exception, not a LagrelloException, and the metric's outcome
	 * becomes that class's name.
	 */
	@Test
	void aFailingAccessTokenSupplierIsALagrelloExceptionAndItsOutcome() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.page("a", 1, null))));
		TestObservationRegistry registry = TestObservationRegistry.create();
		TokensClient client = clients.add(observed(registry).accessToken(() -> {
			throw new IllegalStateException("the secret store is sealed");
		}).build());

		StepVerifier.create(client.listPage(0, 1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloException.class))
			.verify(Duration.ofSeconds(10));

		assertThat(registry).hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasLowCardinalityKeyValue("outcome", "LagrelloException");
	}

	/**
	 * A blocking call made where an observation is current (an MVC request's
	 * http.server.requests, in scope on the thread) should be its child; creating the
	 * operation with parentObservation(null from the empty Reactor context) drops the
	 * parent the thread had, so the call starts a trace of its own.
	 */
	@Test
	void aBlockingCallInsideAnObservationInScopeIsItsChild() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.page("a", 1, null))));
		TestObservationRegistry registry = TestObservationRegistry.create();
		BlockingTokensClient blocking = clients.add(observed(registry).build()).blocking();

		Observation.createNotStarted("http.server.requests", registry).observe(() -> blocking.listPage(0, 1));

		assertThat(registry).hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasParentObservationContextMatching((parent) -> parent.getName().equals("http.server.requests"));
	}

}
