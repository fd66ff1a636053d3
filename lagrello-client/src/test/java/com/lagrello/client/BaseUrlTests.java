package com.lagrello.client;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A base URL with a path: every operation goes below it, encoded the same way.
 */
class BaseUrlTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private List<String> requestedUrls() {
		return api.getAllServeEvents().stream().map(ServeEvent::getRequest).map((r) -> r.getUrl()).toList();
	}

	@Test
	void everyOperationGoesBelowAnEncodedBasePathEncodedOnce() {
		api.stubFor(post(urlPathMatching(".*/v1/tokens")).willReturn(okJson(ApiExamples.TOKEN)));
		api.stubFor(get(urlPathMatching(".*/v1/tokens")).willReturn(okJson(ApiExamples.page("a", 1, null))));
		api.stubFor(delete(urlPathMatching(".*/v1/tokens/.*")).willReturn(aResponse().withStatus(204)));
		TokensClient client = clients
			.add(TestClients.builder(api).baseUrl(api.baseUrl() + "/team%20a/caf%C3%A9/").build());

		client.create(CreateTokenRequest.of("ci")).block();
		client.listPage(0, 1).block();
		client.listAll(1).blockLast();
		client.delete("a b").block();

		assertThat(requestedUrls()).hasSize(4)
			.allSatisfy((url) -> assertThat(url).startsWith("/team%20a/caf%C3%A9/v1/tokens"));
		assertThat(requestedUrls()).contains("/team%20a/caf%C3%A9/v1/tokens/a%20b");
	}

	@Test
	void nonAsciiBasePathIsSentEncoded() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		TokensClient client = clients.add(TestClients.builder(api).baseUrl(api.baseUrl() + "/café").build());

		client.delete("abc").block();

		assertThat(requestedUrls()).containsExactly("/caf%C3%A9/v1/tokens/abc");
	}

}
