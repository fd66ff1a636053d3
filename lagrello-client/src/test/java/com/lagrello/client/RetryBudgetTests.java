package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry budget on the wire: in an outage, requests stay near the number of calls.
 */
class RetryBudgetTests {

	private static final int CALLS = 200;

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private void outage() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));
	}

	/** Makes the calls, 8 at a time, and returns how many failed. */
	private static long callDuringOutage(TokensClient client, int calls) {
		return Flux.range(0, calls)
			.flatMap((i) -> client.listPage(0, 1).then(Mono.just(0)).onErrorReturn(1), 8)
			.reduce(0L, Long::sum)
			.block(Duration.ofSeconds(60));
	}

	private static int requestsSent() {
		return api.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v1/tokens")).build()).getCount();
	}

	@Test
	void inAnOutageRequestsStayNearTheNumberOfCalls() {
		outage();
		TokensClient client = clients.add(TestClients.client(api));

		assertThat(callDuringOutage(client, CALLS)).isEqualTo(CALLS);

		// every call once, plus 20 % of the calls and the floor of 10 retries
		assertThat(requestsSent()).isBetween(CALLS, CALLS + CALLS * 20 / 100 + 10);
	}

	@Test
	void withoutABudgetEveryCallSendsEveryAttempt() {
		outage();
		TokensClient client = clients.add(TestClients.builder(api).retryBudget(RetryBudget.UNLIMITED).build());

		callDuringOutage(client, CALLS);

		assertThat(requestsSent()).isEqualTo(3 * CALLS);
	}

	@Test
	void whenTheBudgetIsSpentTheCallFailsWithTheLastAnswerSayingSo() {
		outage();
		TokensClient client = clients
			.add(TestClients.builder(api).retryBudget(RetryBudget.of(0, 0, Duration.ofSeconds(10))).build());

		StepVerifier.create(client.listPage(0, 1))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.statusCode()).isEqualTo(503);
						assertThat(api.getMessage()).contains("not retried: the retry budget")
							.contains("lagrello.retry.budget");
					}))
			.verify(Duration.ofSeconds(10));
		assertThat(requestsSent()).isEqualTo(1);
	}

	@Test
	void aQuietClientStillRetries() {
		outage();
		TokensClient client = clients
			.add(TestClients.builder(api).retryBudget(RetryBudget.of(0, 2, Duration.ofSeconds(10))).build());

		callDuringOutage(client, 1);

		assertThat(requestsSent()).isEqualTo(3);
	}

	@Test
	void derivedClientsSpendTheBudgetOfTheirOriginal() {
		outage();
		TokensClient original = clients
			.add(TestClients.builder(api).retryBudget(RetryBudget.of(0, 2, Duration.ofSeconds(10))).build());
		TokensClient tenant = original.mutate().accessToken("another-tenant").build();

		callDuringOutage(original, 1);
		callDuringOutage(tenant, 1);

		// the original spent both retries of the floor: the tenant's call is not retried
		assertThat(requestsSent()).isEqualTo(3 + 1);
	}

	@Test
	void aDerivedClientGivenAnotherBudgetHasItsOwn() {
		outage();
		TokensClient original = clients
			.add(TestClients.builder(api).retryBudget(RetryBudget.of(0, 2, Duration.ofSeconds(10))).build());
		TokensClient tenant = original.mutate().retryBudget(RetryBudget.of(0, 2, Duration.ofSeconds(20))).build();

		callDuringOutage(original, 1);
		callDuringOutage(tenant, 1);

		assertThat(requestsSent()).isEqualTo(3 + 3);
	}

}
