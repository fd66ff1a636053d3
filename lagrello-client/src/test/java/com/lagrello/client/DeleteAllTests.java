package com.lagrello.client;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
 * {@link TokensClient#deleteAll} on the wire: the client's own token is never deleted,
 * failures are collected, and a {@code Retry-After} holds back the rest of the batch.
 */
class DeleteAllTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static Date deleteOf(String key, int nth) {
		List<ServeEvent> deletes = api.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals("/v1/tokens/" + key))
			.sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
			.toList();
		return deletes.get(nth).getRequest().getLoggedDate();
	}

	@Test
	void theClientsOwnTokenIsNeverDeletedAndFailuresAreCollected() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson(ApiExamples.tokens("a", TestClients.ACCESS_TOKEN, "b", "c"))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a")).willReturn(aResponse().withStatus(204)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/b")).willReturn(aResponse().withStatus(404)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/c")).willReturn(aResponse().withStatus(403)));

		DeleteAllResult result = clients.add(TestClients.client(api))
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a", "b");
		assertThat(result.failures()).hasSize(1)
			.allSatisfy((token, failure) -> assertThat(failure).isInstanceOf(LagrelloApiException.class));
		assertThat(api.getAllServeEvents())
			.noneMatch((event) -> event.getRequest().getUrl().equals("/v1/tokens/" + TestClients.ACCESS_TOKEN));
	}

	@Test
	void aRetryAfterOnOneDeleteHoldsBackEveryLaterOne() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.tokens("a", "b", "c", "d"))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a")).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("open"));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a")).inScenario("limited")
			.whenScenarioStateIs("open")
			.willReturn(aResponse().withStatus(204)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/b")).willReturn(aResponse().withStatus(204).withFixedDelay(200)));
		for (String key : List.of("c", "d")) {
			api.stubFor(delete(urlEqualTo("/v1/tokens/" + key)).willReturn(aResponse().withStatus(204)));
		}

		DeleteAllResult result = clients.add(TestClients.builder(api).bulkConcurrency(2).build())
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(result.deleted()).hasSize(4);
		long limitedAt = deleteOf("a", 0).getTime();
		assertThat(deleteOf("c", 0).getTime() - limitedAt).as("ms from the 429 to the next delete started")
			.isGreaterThanOrEqualTo(950);
		assertThat(deleteOf("d", 0).getTime() - limitedAt).isGreaterThanOrEqualTo(950);
	}

}
