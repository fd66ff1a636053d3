package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A client derived with another base URL (another API, region or gateway) has its own
 * retry budget: an outage of one API does not stop the retries towards a healthy other.
 */
class DerivedClientBudgetTests {

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	@RegisterExtension
	static WireMockExtension down = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension flaky = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aDerivedClientOnAnotherApiDoesNotSpendTheBudgetOfTheFirst() {
		down.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));
		flaky.stubFor(get(urlPathEqualTo("/v1/tokens")).inScenario("blip")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		flaky.stubFor(get(urlPathEqualTo("/v1/tokens")).inScenario("blip")
			.whenScenarioStateIs("up")
			.willReturn(okJson(ApiExamples.page("t", 1, null))));
		TokensClient first = clients
			.add(TestClients.builder(down).retryBudget(RetryBudget.of(0, 2, Duration.ofMinutes(1))).build());
		TokensClient other = first.mutate().baseUrl(flaky.baseUrl()).build();

		// the first API is down: its call spends both retries of the floor
		StepVerifier.create(first.listPage(0, 1))
			.expectError(LagrelloApiException.class)
			.verify(Duration.ofSeconds(10));

		// the other API answers one 503, then the page: one retry is all it needs
		StepVerifier.create(other.listPage(0, 1)).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
	}

}
