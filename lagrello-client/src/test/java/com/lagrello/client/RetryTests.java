package com.lagrello.client;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are retried, how often, and which never are.
 */
class RetryTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final TokensClient client = clients.add(TestClients.client(api));

	private void failOnceThen(Supplier<MappingBuilder> request, ResponseDefinitionBuilder failure,
			ResponseDefinitionBuilder success) {
		api.stubFor(request.get()
			.inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("recovered"));
		api.stubFor(request.get().inScenario("flaky").whenScenarioStateIs("recovered").willReturn(success));
	}

	@Test
	void listPageRetries503AndSucceeds() {
		failOnceThen(() -> get(urlPathEqualTo("/v1/tokens")), aResponse().withStatus(503),
				okJson(ApiExamples.page("a", 1, null)));

		StepVerifier.create(this.client.listPage(0, 1)).expectNextCount(1).verifyComplete();

		api.verify(2, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void listPageRetries429And502And504() {
		for (int status : new int[] { 429, 502, 504 }) {
			api.resetAll();
			failOnceThen(() -> get(urlPathEqualTo("/v1/tokens")), aResponse().withStatus(status),
					okJson(ApiExamples.page("a", 1, null)));

			StepVerifier.create(this.client.listPage(0, 1)).expectNextCount(1).verifyComplete();

			api.verify(2, getRequestedFor(urlPathEqualTo("/v1/tokens")));
		}
	}

	@Test
	void listPageRetriesAConnectionResetBeforeAnyResponse() {
		failOnceThen(() -> get(urlPathEqualTo("/v1/tokens")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				okJson(ApiExamples.page("a", 1, null)));

		StepVerifier.create(this.client.listPage(0, 1)).expectNextCount(1).verifyComplete();

		api.verify(2, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void deleteRetries503AndSucceeds() {
		failOnceThen(() -> delete("/v1/tokens/abc"), aResponse().withStatus(503), aResponse().withStatus(204));

		StepVerifier.create(this.client.delete("abc")).verifyComplete();

		api.verify(2, deleteRequestedFor(urlPathEqualTo("/v1/tokens/abc")));
	}

	@Test
	void listAllRetriesAFailedPageAndGoesOn() {
		failOnceThen(() -> get(urlPathEqualTo("/v1/tokens")), aResponse().withStatus(503),
				okJson(ApiExamples.page("a", 2, null)));

		StepVerifier.create(this.client.listAll(2)).expectNextCount(2).verifyComplete();
	}

	@Test
	void internalServerErrorIsNotRetried() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(500)));

		StepVerifier.create(this.client.listPage(0, 1)).expectError(LagrelloApiException.class).verify();

		api.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void notFoundIsNotRetried() {
		api.stubFor(delete("/v1/tokens/gone").willReturn(aResponse().withStatus(404)));

		StepVerifier.create(this.client.delete("gone")).expectError(LagrelloApiException.class).verify();

		api.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/tokens/gone")));
	}

	@Test
	void retriesStopAfterMaxAttemptsWithTheLastFailure() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));

		StepVerifier.create(this.client.listPage(0, 1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(503)))
			.verify();

		api.verify(3, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void maxAttemptsOfOneDisablesRetries() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));
		TokensClient once = clients.add(TestClients.builder(api)
			.retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
			.build());

		StepVerifier.create(once.listPage(0, 1)).expectError(LagrelloApiException.class).verify();

		api.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void retryAfterLongerThanMaxRetryAfterFailsAtOnce() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

		StepVerifier.create(this.client.listPage(0, 1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.retryAfter()).contains(Duration.ofHours(1))))
			.verify();

		api.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "9999999999", "9223372036854775807", "99999999999999999999999",
			"Fri, 31 Dec 9999 23:59:59 GMT" })
	void aRetryAfterBeyondAnyWaitFailsAtOnceWithTheAnswer(String retryAfter) {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", retryAfter)));
		Duration day = TokensClientBuilder.MAX_TIMEOUT;
		TokensClient patient = clients
			.add(TestClients.builder(api).retryPolicy(new RetryPolicy(3, day, day, day)).build());

		StepVerifier.create(patient.listPage(0, 1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.retryAfter())
						.hasValueSatisfying((hint) -> assertThat(hint).isGreaterThan(day))))
			.verify(Duration.ofSeconds(10));

		api.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	@Test
	void createIsNotRetriedAfterAConnectionReset() {
		api.stubFor(post("/v1/tokens").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		StepVerifier.create(this.client.create(CreateTokenRequest.of("ci")))
			.expectError(LagrelloTransportException.class)
			.verify();

		api.verify(1, postRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

}
