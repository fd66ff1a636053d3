package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lagrello.pagination.rebase-links}: a {@code next} link to another origin (a
 * gateway that rewrites hosts) is followed on the base URL's origin; the token never goes
 * to the other one.
 */
class RebaseLinksTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private void pagesLinkingToTheOtherOrigin() {
		TestClients.stubPage(api, "/v1/tokens?size=1",
				ApiExamples.page("a", 1, elsewhere.baseUrl() + "/v1/tokens?page=1&size=1#frag"));
		TestClients.stubPage(api, "/v1/tokens?page=1&size=1", ApiExamples.page("b", 1, null));
	}

	@Test
	void aForeignLinkIsFollowedOnTheBaseUrlsOriginWithItsPathAndQuery() {
		pagesLinkingToTheOtherOrigin();
		TokensClient client = clients.add(TestClients.builder(api).rebasePageLinks(true).build());

		StepVerifier.create(client.listAll(1).map(Token::tokenName)).expectNext("a-1", "b-1").verifyComplete();

		assertThat(TestClients.requestedUrls(api)).containsExactly("/v1/tokens?page=1&size=1", "/v1/tokens?size=1");
		assertThat(elsewhere.getAllServeEvents()).isEmpty();
	}

	@Test
	void withoutRebasingAForeignLinkIsRefusedAndNotSent() {
		pagesLinkingToTheOtherOrigin();
		TokensClient client = clients.add(TestClients.builder(api).build());

		StepVerifier.create(client.listAll(1).map(Token::tokenName))
			.expectNext("a-1")
			.expectError(LagrelloPagingException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(elsewhere.getAllServeEvents()).isEmpty();
	}

	@Test
	void listPagesFromRebasesAForeignLinkToo() {
		pagesLinkingToTheOtherOrigin();
		TokensClient client = clients.add(TestClients.builder(api).rebasePageLinks(true).build());

		StepVerifier.create(client.listPagesFrom(elsewhere.baseUrl() + "/v1/tokens?page=1&size=1"))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(elsewhere.getAllServeEvents()).isEmpty();
	}

}
