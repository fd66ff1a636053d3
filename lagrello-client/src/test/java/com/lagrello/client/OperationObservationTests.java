package com.lagrello.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code lagrello.client.operations} observation per call, around its attempts, with
 * the attempts' {@code http.client.requests} as children.
 */
class OperationObservationTests {

	private static final Predicate<Observation.ContextView> IS_OPERATION = (context) -> context.getName()
		.equals("lagrello.client.operations");

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static void answer503Then503Then200() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("once"));
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).inScenario("flaky")
			.whenScenarioStateIs("once")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("twice"));
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).inScenario("flaky")
			.whenScenarioStateIs("twice")
			.willReturn(okJson(ApiExamples.page("a", 1, null))));
	}

	private static TokensClient observedClient(ObservationRegistry registry) {
		return clients.add(TestClients.builder(api)
			.webClientBuilder(WebClient.builder().observationRegistry(registry))
			.observationRegistry(registry)
			.build());
	}

	@Test
	void aCallAnswered503Then503Then200IsOneSuccessfulOperationAndThreeHttpRequests() {
		answer503Then503Then200();
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

		StepVerifier.create(observedClient(registry).listPage(0, 1)).expectNextCount(1).verifyComplete();

		Timer operations = meters.get("lagrello.client.operations").timer();
		assertThat(operations.count()).isEqualTo(1);
		assertThat(operations.getId().getTag("operation")).isEqualTo("tokens/list");
		assertThat(operations.getId().getTag("outcome")).isEqualTo("SUCCESS");
		assertThat(operations.getId().getTag("lagrello.attempts")).as("high cardinality: no tag").isNull();
		assertThat(meters.get("http.client.requests").timers().stream().mapToLong(Timer::count).sum()).isEqualTo(3);
	}

	@Test
	void theOperationHoldsItsAttemptsAndWaitsAndIsTheParentOfEachHttpRequest() {
		answer503Then503Then200();
		TestObservationRegistry registry = TestObservationRegistry.create();

		StepVerifier.create(observedClient(registry).listPage(0, 1)).expectNextCount(1).verifyComplete();

		assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lagrello.client.operations", 1)
			.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3)
			.hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasContextualNameEqualTo("tokens/list")
			.hasLowCardinalityKeyValue("operation", "tokens/list")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("lagrello.attempts", "3")
			.hasBeenStarted()
			.hasBeenStopped();
		assertThat(registry).forAllObservationsWithNameEqualTo("http.client.requests",
				(http) -> http.hasParentObservationContextMatching(IS_OPERATION));
	}

	@Test
	void aFailedCallsOutcomeIsTheSimpleNameOfItsException() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(400)));
		TestObservationRegistry registry = TestObservationRegistry.create();

		StepVerifier.create(observedClient(registry).listPage(0, 1))
			.expectError(LagrelloApiException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lagrello.client.operations", 1)
			.hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasLowCardinalityKeyValue("outcome", "LagrelloApiException")
			.hasHighCardinalityKeyValue("lagrello.attempts", "1")
			.hasError();
	}

	@Test
	void aCancelledCallIsStoppedWithTheOutcomeCancelled() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(okJson(ApiExamples.page("a", 1, null)).withFixedDelay(5_000)));
		TestObservationRegistry registry = TestObservationRegistry.create();

		StepVerifier.create(observedClient(registry).listPage(0, 1)).expectSubscription().thenCancel().verify();

		assertThat(registry).hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasLowCardinalityKeyValue("outcome", "CANCELLED")
			.hasBeenStopped();
	}

	@Test
	void eachPageOfListAllIsOneOperation() {
		TestClients.stubPage(api, "/v1/tokens?size=1",
				ApiExamples.page("a", 1, api.baseUrl() + "/v1/tokens?page=1&size=1"));
		TestClients.stubPage(api, "/v1/tokens?page=1&size=1", ApiExamples.page("b", 1, null));
		TestObservationRegistry registry = TestObservationRegistry.create();

		StepVerifier.create(observedClient(registry).listAll(1)).expectNextCount(2).verifyComplete();

		assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lagrello.client.operations", 2)
			.forAllObservationsWithNameEqualTo("lagrello.client.operations",
					(operation) -> operation.hasLowCardinalityKeyValue("outcome", "SUCCESS"));
	}

	@Test
	void spansOfTheHttpRequestsAreChildrenOfTheOperationsSpan() {
		answer503Then503Then200();
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));

		StepVerifier.create(observedClient(registry).listPage(0, 1)).expectNextCount(1).verifyComplete();

		List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
		SimpleSpan operation = spans.stream().filter((span) -> span.getName().equals("tokens/list")).findFirst().get();
		List<SimpleSpan> children = spans.stream().filter((span) -> span != operation).toList();
		assertThat(children).hasSize(3)
			.allSatisfy((child) -> assertThat(child.getParentId()).isEqualTo(operation.getSpanId()))
			.allSatisfy((child) -> assertThat(child.getTraceId()).isEqualTo(operation.getTraceId()));
		assertThat(operation.getTags()).containsEntry("operation", "tokens/list")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("lagrello.attempts", "3")
			.containsKey("lagrello.retry.wait");
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.page("a", 1, null))));
		TestObservationRegistry elsewhere = TestObservationRegistry.create();
		TokensClient unobserved = clients
			.add(TestClients.builder(api).webClientBuilder(WebClient.builder().observationRegistry(elsewhere)).build());

		StepVerifier.create(unobserved.listPage(0, 1)).expectNextCount(1).verifyComplete();

		assertThat(elsewhere).hasNumberOfObservationsWithNameEqualTo("lagrello.client.operations", 0);
		assertThat(Observation.NOOP.isNoop()).isTrue();
	}

	@Test
	void withoutARegistryACallReadsNoTokenAndSendsNothingUntilSubscribedAndEachSubscriptionIsACall() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.page("a", 1, null))));
		AtomicInteger tokenReads = new AtomicInteger();
		TokensClient unobserved = clients
			.add(TestClients.builder(api).accessToken(() -> "token-" + tokenReads.incrementAndGet()).build());

		Mono<TokenList> page = unobserved.listPage(0, 1);

		assertThat(tokenReads).hasValue(0);
		assertThat(api.getAllServeEvents()).isEmpty();
		page.block(Duration.ofSeconds(10));
		page.block(Duration.ofSeconds(10));
		assertThat(tokenReads).hasValue(2);
		assertThat(api.getAllServeEvents()).hasSize(2);
	}

}
