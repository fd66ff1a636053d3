package com.lagrello.client;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokensClient#listPages} and {@link TokensClient#listPagesFrom} on the wire: the
 * page view, resuming, and the cycle guard's view of links.
 */
class ListPagesTests {

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
	void listPagesEmitsEveryPageWithItsLinks() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "/v1/tokens?page=1&size=2"));
		page("/v1/tokens?page=1&size=2", ApiExamples.page("b", 1, null));

		StepVerifier.create(this.client.listPages(2))
			.assertNext((first) -> assertThat(first.paging().next()).isEqualTo("/v1/tokens?page=1&size=2"))
			.assertNext((last) -> assertThat(last.data()).extracting(Token::tokenName).containsExactly("b-1"))
			.verifyComplete();
	}

	@Test
	void listPagesTakeOneSendsOneRequest() {
		page("/v1/tokens?size=2", ApiExamples.page("a", 2, "/v1/tokens?page=1&size=2"));
		page("/v1/tokens?page=1&size=2", ApiExamples.page("b", 1, null));

		StepVerifier.create(this.client.listPages(2).take(1)).expectNextCount(1).verifyComplete();

		assertThat(requestedUrls()).containsExactly("/v1/tokens?size=2");
	}

	@Test
	void listPagesFromResumesADrainAtTheLinkItWasGiven() {
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "/v1/tokens?page=1&size=1"));
		page("/v1/tokens?page=1&size=1", ApiExamples.page("b", 1, "/v1/tokens?page=2&size=1"));
		page("/v1/tokens?page=2&size=1", ApiExamples.page("c", 1, null));
		String resumeAt = this.client.listPages(1).take(1).blockLast().paging().next();
		api.resetRequests();

		StepVerifier.create(this.client.listPagesFrom(resumeAt).map((p) -> p.data().get(0).tokenName()))
			.expectNext("b-1", "c-1")
			.verifyComplete();

		assertThat(requestedUrls()).containsExactly("/v1/tokens?page=1&size=1", "/v1/tokens?page=2&size=1");
	}

	@Test
	void listPagesFromRefusesAnotherOriginAndSendsNothing() {
		StepVerifier.create(this.client.listPagesFrom("https://evil.example.com/v1/tokens?page=1&size=1"))
			.expectError(LagrelloPagingException.class)
			.verify();

		assertThat(requestedUrls()).isEmpty();
	}

	@Test
	void listPagesFromRefusesABlankLink() {
		StepVerifier.create(this.client.listPagesFrom(" "))
			.expectError(LagrelloInvalidArgumentException.class)
			.verify();
	}

	@Test
	void aLinkThatDiffersOnlyByItsFragmentIsACycle() {
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "/v1/tokens?page=1&size=1#1"));
		page("/v1/tokens?page=1&size=1", ApiExamples.page("b", 1, "/v1/tokens?page=1&size=1#2"));

		StepVerifier.create(this.client.listAll(1))
			.expectNextCount(2)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloPagingException.class)
				.hasMessageContaining("cycle"))
			.verify();

		assertThat(requestedUrls()).containsExactly("/v1/tokens?page=1&size=1", "/v1/tokens?size=1");
	}

	@Test
	void aCycleMessageDoesNotRepeatAnEightKilobyteLink() {
		String longQuery = "x".repeat(8192);
		page("/v1/tokens?size=1", ApiExamples.page("a", 1, "/v1/tokens?size=1&q=" + longQuery));
		page("/v1/tokens?size=1&q=" + longQuery, ApiExamples.page("b", 1, "/v1/tokens?size=1&q=" + longQuery));

		StepVerifier.create(this.client.listAll(1))
			.expectNextCount(2)
			.expectErrorSatisfies((error) -> assertThat(error.getMessage()).hasSizeLessThan(300))
			.verify();
	}

}
