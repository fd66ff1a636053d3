package com.lagrello.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link TokensClient#listAll} on the wire: following links, demand, guards.
 */
class ListAllTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final TokensClient client = clients.add(TestClients.client(api));

	private void page(String pathAndQuery, String body) {
		TestClients.stubPage(api, pathAndQuery, body);
	}

	private List<String> requestedUrls() {
		return TestClients.requestedUrls(api);
	}

	@Test
	void listAllAsksForTheFirstPageWithoutPageParameter() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 1, null));

		StepVerifier.create(this.client.listAll(2)).expectNextCount(1).verifyComplete();

		api.verify(getRequestedFor(urlPathEqualTo("/v1/tokens")).withQueryParam("size", equalTo("2"))
			.withQueryParam("page", absent())
			.withHeader("Authorization", equalTo("Bearer " + TestClients.ACCESS_TOKEN)));
	}

	@Test
	void listAllFollowsAbsoluteNextLinks() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, api.baseUrl() + "/v1/tokens?page=1&size=2"));
		page("/v1/tokens?page=1&size=2", ApiExamples.page("b", 2, api.baseUrl() + "/v1/tokens?page=2&size=2"));
		page("/v1/tokens?page=2&size=2", ApiExamples.page("c", 1, null));

		StepVerifier.create(this.client.listAll(2).map(Token::tokenName))
			.expectNext("a-1", "a-2", "b-1", "b-2", "c-1")
			.verifyComplete();
	}

	@Test
	void listAllResolvesRelativeNextLinksAgainstTheBaseUrl() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "/v1/tokens?page=1&size=2"));
		page("/v1/tokens?page=1&size=2", ApiExamples.page("b", 1, null));

		StepVerifier.create(this.client.listAll(2).map(Token::tokenName))
			.expectNext("a-1", "a-2", "b-1")
			.verifyComplete();
	}

	@Test
	void listAllFollowsTheNextLinkExactlyAsGiven() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "/v1/tokens?cursor=abc%2Fdef&size=2"));
		page("/v1/tokens?cursor=abc%2Fdef&size=2", ApiExamples.page("b", 1, null));

		StepVerifier.create(this.client.listAll(2)).expectNextCount(3).verifyComplete();

		assertThat(requestedUrls()).contains("/v1/tokens?cursor=abc%2Fdef&size=2");
	}

	@Test
	void listAllStopsWhenNextIsEmpty() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, ""));

		StepVerifier.create(this.client.listAll(2)).expectNextCount(2).verifyComplete();

		assertThat(requestedUrls()).hasSize(1);
	}

	@Test
	void listAllStopsAtAPageWithoutData() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "/v1/tokens?page=1&size=2"));
		page("/v1/tokens?page=1&size=2", ApiExamples.page("b", 0, "/v1/tokens?page=2&size=2"));

		StepVerifier.create(this.client.listAll(2)).expectNextCount(2).verifyComplete();

		assertThat(requestedUrls()).hasSize(2);
	}

	@Test
	void listAllUsesTheConfiguredPageSize() {
		page("/v1/tokens?size=7", ApiExamples.page("a", 1, null));

		StepVerifier.create(clients.add(TestClients.builder(api).pageSize(7).build()).listAll())
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void listAllTakeOfOnePageSendsOneRequest() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "/v1/tokens?page=1&size=2"));
		page("/v1/tokens?page=1&size=2", ApiExamples.page("b", 2, null));

		StepVerifier.create(this.client.listAll(2).take(2)).expectNextCount(2).verifyComplete();

		assertThat(requestedUrls()).containsExactly("/v1/tokens?size=2");
	}

	@Test
	void listAllRequestsNoPageWhileDemandIsCoveredByTokensReceived() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "/v1/tokens?page=1&size=2"));
		page("/v1/tokens?page=1&size=2", ApiExamples.page("b", 2, null));

		StepVerifier.create(this.client.listAll(2), 2)
			.expectNextCount(2)
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(requestedUrls()).containsExactly("/v1/tokens?size=2"))
			.thenRequest(1)
			.expectNextCount(1)
			.thenCancel()
			.verify();

		assertThat(requestedUrls()).hasSize(2);
	}

	@Test
	void listAllRequestsTheNextPageAsSoonAsThePreviousArrivesForAnUnboundedSubscriber() {
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "/v1/tokens?page=1&size=1"));
		page("/v1/tokens?page=1&size=1", ApiExamples.page("b", 1, "/v1/tokens?page=2&size=1"));
		page("/v1/tokens?page=2&size=1", ApiExamples.page("c", 1, null));

		StepVerifier.create(this.client.listAll(1))
			.expectNextMatches((token) -> token.tokenName().equals("a-1"))
			.then(() -> await().atMost(Duration.ofSeconds(5)).until(() -> requestedUrls().size() >= 2))
			.expectNextCount(2)
			.verifyComplete();
	}

	@Test
	void listAllStopsRequestingWhenCancelled() {
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "/v1/tokens?page=1&size=1"));
		page("/v1/tokens?page=1&size=1", ApiExamples.page("b", 1, "/v1/tokens?page=2&size=1"));
		page("/v1/tokens?page=2&size=1", ApiExamples.page("c", 1, null));

		StepVerifier.create(this.client.listAll(1), 1).expectNextCount(1).thenCancel().verify();

		assertThat(requestedUrls()).containsExactly("/v1/tokens?size=1");
	}

	@Test
	void listAllRefusesANextLinkToAnotherOriginWithoutRequestingIt() {
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "https://evil.example.com/v1/tokens?page=1&size=1"));

		StepVerifier.create(this.client.listAll(1))
			.expectNextCount(1)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloPagingException.class)
				.hasMessageContaining("evil.example.com"))
			.verify();

		assertThat(requestedUrls()).hasSize(1);
	}

	@Test
	void listAllRefusesANextLinkToAnotherPortOfTheSameHost() {
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "http://localhost:1/v1/tokens?page=1&size=1"));

		StepVerifier.create(this.client.listAll(1))
			.expectNextCount(1)
			.expectError(LagrelloPagingException.class)
			.verify();
	}

	@Test
	void listAllRefusesACycleWithoutRequestingTheRepeatedLink() {
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "/v1/tokens?page=1&size=1"));
		page("/v1/tokens?page=1&size=1", ApiExamples.page("b", 1, "/v1/tokens?page=2&size=1"));
		page("/v1/tokens?page=2&size=1", ApiExamples.page("c", 1, "/v1/tokens?page=1&size=1"));

		StepVerifier.create(this.client.listAll(1))
			.expectNextCount(3)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloPagingException.class)
				.hasMessageContaining("cycle"))
			.verify();

		assertThat(requestedUrls()).hasSize(3);
	}

	@Test
	void listAllFailsBeyondMaxPagesAfterExactlyThatManyPages() {
		for (int i = 0; i < 5; i++) {
			String path = (i == 0) ? "/v1/tokens?size=1" : "/v1/tokens?page=" + i + "&size=1";
			page(path, ApiExamples.page("p" + i, 1, "/v1/tokens?page=" + (i + 1) + "&size=1"));
		}
		TokensClient limited = clients.add(TestClients.builder(api).maxPages(3).build());

		StepVerifier.create(limited.listAll(1))
			.expectNextCount(3)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloPagingException.class)
				.hasMessageContaining("3 pages"))
			.verify();

		assertThat(requestedUrls()).hasSize(3);
	}

	@Test
	void listAllWithInvalidPageSizeFailsWithoutRequest() {
		StepVerifier.create(this.client.listAll(21)).expectError(LagrelloInvalidArgumentException.class).verify();
		StepVerifier.create(this.client.listAll(0)).expectError(LagrelloInvalidArgumentException.class).verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void listAllIsColdAndEachSubscriptionStartsAgain() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, null));
		var tokens = this.client.listAll(2);

		StepVerifier.create(tokens).expectNextCount(2).verifyComplete();
		StepVerifier.create(tokens).expectNextCount(2).verifyComplete();

		assertThat(requestedUrls()).hasSize(2);
	}

	@Test
	void listAllRefusesAnotherOriginOnlyWhenDemandNeedsTheLink() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "https://evil.example.com/v1/tokens?page=1&size=2"));

		StepVerifier.create(this.client.listAll(2), 2)
			.expectNextCount(2)
			.expectNoEvent(Duration.ofMillis(100))
			.thenRequest(1)
			.expectError(LagrelloPagingException.class)
			.verify(Duration.ofSeconds(5));
	}

}
