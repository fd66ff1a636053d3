package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing with offset pages shifts when a token is created while it is read: the last
 * token of a page comes again first on the next one. {@code deleteAll} deletes such a
 * token once and reports it once.
 */
class DeleteAllShiftedListingTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	@Test
	void aTokenListedTwiceIsDeletedOnceAndReportedOnce() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=2")).willReturn(okJson(ApiExamples.tokens("t-key-1", "t-key-2")
			.replace("\"next\":null", "\"next\":\"/v1/tokens?page=1&size=2\""))));
		// a token created meanwhile shifted t-key-2 onto the second page
		api.stubFor(get(urlEqualTo("/v1/tokens?page=1&size=2"))
			.willReturn(okJson(ApiExamples.tokens("t-key-2", "t-key-3"))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/t-key-1")).willReturn(aResponse().withStatus(204)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/t-key-2")).willReturn(aResponse().withStatus(204)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/t-key-3")).willReturn(aResponse().withStatus(204)));

		DeleteAllResult result = clients.add(TestClients.builder(api).pageSize(2).build())
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("t-key-1", "t-key-2", "t-key-3");
		assertThat(result.failures()).isEmpty();
		api.verify(1, deleteRequestedFor(urlEqualTo("/v1/tokens/t-key-2")));
	}

}
