package com.lagrello.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokensClient#listPage} on the wire.
 */
class ListPageTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final TokensClient client = clients.add(TestClients.client(api));

	@Test
	void listPageSendsPageAndSizeWithBearerToken() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.page("t", 2, null))));

		StepVerifier.create(this.client.listPage(3, 2)).expectNextCount(1).verifyComplete();

		api.verify(1,
				getRequestedFor(urlPathEqualTo("/v1/tokens")).withQueryParam("page", equalTo("3"))
					.withQueryParam("size", equalTo("2"))
					.withHeader("Authorization", equalTo("Bearer " + TestClients.ACCESS_TOKEN))
					.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void listPageDecodesDataAndPagingLinks() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(okJson(ApiExamples.page("t", 2, "https://api.lagrello.com/v1/tokens?page=1&size=2"))));

		TokenList page = this.client.listPage(0, 2).block();

		assertThat(page).isNotNull();
		assertThat(page.data()).extracting(Token::tokenName).containsExactly("t-1", "t-2");
		assertThat(page.paging().next()).isEqualTo("https://api.lagrello.com/v1/tokens?page=1&size=2");
		assertThat(page.paging().previous()).isNull();
	}

	@Test
	void listPageDecodesWithAnApplicationMapperThatMayNotOverrideAccessModifiers() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.page("t", 1, null))));
		JsonMapper strict = JsonMapper.builder().disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS).build();
		WebClient.Builder webClient = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict)));
		TokensClient strictClient = clients.add(TestClients.builder(api).webClientBuilder(webClient).build());

		StepVerifier.create(strictClient.listPage(0, 1))
			.assertNext((page) -> assertThat(page.data().get(0).createdAt()).isNotNull())
			.verifyComplete();
	}

	@Test
	void listPageAcceptsPageZero() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.page("t", 1, null))));

		StepVerifier.create(this.client.listPage(0, 1)).expectNextCount(1).verifyComplete();
	}

	@Test
	void listPageWithNegativePageFailsWithoutRequest() {
		StepVerifier.create(this.client.listPage(-1, 5)).expectError(LagrelloInvalidArgumentException.class).verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void listPageWithSizeZeroFailsWithoutRequest() {
		StepVerifier.create(this.client.listPage(0, 0)).expectError(LagrelloInvalidArgumentException.class).verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void listPageWithSizeAbove20FailsWithoutRequest() {
		StepVerifier.create(this.client.listPage(0, 21))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloInvalidArgumentException.class)
				.hasMessageContaining("1 to 20"))
			.verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
