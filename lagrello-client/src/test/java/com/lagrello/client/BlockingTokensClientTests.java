package com.lagrello.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link BlockingTokensClient} on the wire: the same requests and exceptions as the
 * reactive client, lazy paging, bounded waits, and a refusal on non-blocking threads.
 */
class BlockingTokensClientTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(120))
		.build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final BlockingTokensClient client = clients.add(TestClients.client(api)).blocking();

	@Test
	void aFailedCallThrowsTheLagrelloExceptionItself() {
		api.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(ApiExamples.NOT_FOUND)));

		assertThatExceptionOfType(LagrelloApiException.class).isThrownBy(() -> this.client.delete("gone"))
			.satisfies((error) -> assertThat(error.errorType()).isEqualTo("NOT_FOUND"));
	}

	@Test
	void listAllFetchesPagesAsTheStreamIsConsumedAndStopsOnClose() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=1"))
			.willReturn(okJson(ApiExamples.page("a", 1, "/v1/tokens?page=1&size=1"))));
		for (int page = 1; page < 10; page++) {
			api.stubFor(get(urlEqualTo("/v1/tokens?page=" + page + "&size=1"))
				.willReturn(okJson(ApiExamples.page("p" + page, 1, "/v1/tokens?page=" + (page + 1) + "&size=1"))));
		}

		try (Stream<Token> tokens = this.client.listAll(1)) {
			Iterator<Token> iterator = tokens.iterator();
			assertThat(iterator.next().tokenName()).isEqualTo("a-1");
			assertThat(iterator.next().tokenName()).isEqualTo("p1-1");
		}
		// the page read ahead, if any, may reach the server after the close: what is
		// asserted is that nothing beyond it is ever asked for
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(api.getAllServeEvents()).as("pages fetched for two tokens, one read ahead at most")
						.hasSizeBetween(2, 3)
						.noneMatch((event) -> event.getRequest().getUrl().startsWith("/v1/tokens?page=3")));
	}

	@Test
	void onANonBlockingThreadEveryMethodRefusesAndSendsNothing() {
		List<Throwable> refusals = Mono.fromCallable(() -> {
			List<Throwable> seen = new ArrayList<>();
			List<Runnable> calls = List.of(() -> this.client.create(CreateTokenRequest.of("ci")),
					() -> this.client.listPage(0, 1), () -> this.client.listAll(), () -> this.client.listAll(5),
					() -> this.client.delete("x"), () -> this.client.deleteAll((token) -> true));
			for (Runnable call : calls) {
				try {
					call.run();
				}
				catch (LagrelloException ex) {
					seen.add(ex);
				}
			}
			return seen;
		}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));

		assertThat(refusals).hasSize(6)
			.allSatisfy((refusal) -> assertThat(refusal).hasMessageContaining("use TokensClient"));
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aBlockingCallWaitsAtMostTheCallTimeout() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null)).withFixedDelay(3_000)));
		BlockingTokensClient impatient = clients
			.add(TestClients.builder(api).callTimeout(Duration.ofMillis(300)).build())
			.blocking();

		assertThatExceptionOfType(LagrelloTimeoutException.class).isThrownBy(() -> impatient.listPage(0, 1))
			.withMessageContaining("lagrello.call-timeout");
	}

}
