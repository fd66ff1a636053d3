package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default {@link TokensClient#deleteAll} over an application's own client whose
 * {@code delete} throws rather than returning a failed {@code Mono}: that token fails,
 * with a {@link LagrelloException}, and the others are deleted.
 */
class DeleteAllOverAnyClientTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	@Test
	void aDeleteThatThrowsFailsItsTokenOnly() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.tokens("a", "b/c", "d"))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a")).willReturn(aResponse().withStatus(204)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/d")).willReturn(aResponse().withStatus(204)));
		TokensClient own = new RefusingSlashes(clients.add(TestClients.client(api)));

		DeleteAllResult result = own.deleteAll((token) -> true).block(Duration.ofSeconds(10));

		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a", "d");
		assertThat(result.failures()).hasSize(1);
		result.failures().forEach((token, failure) -> {
			assertThat(token.tokenKey()).isEqualTo("b/c");
			assertThat(failure).hasCauseInstanceOf(IllegalArgumentException.class);
		});
	}

	/** An application's own client, which refuses some keys by throwing. */
	private record RefusingSlashes(TokensClient delegate) implements TokensClient {

		@Override
		public Mono<Token> create(CreateTokenRequest request) {
			return this.delegate.create(request);
		}

		@Override
		public Mono<TokenList> listPage(int page, int size) {
			return this.delegate.listPage(page, size);
		}

		@Override
		public Flux<Token> listAll() {
			return this.delegate.listAll();
		}

		@Override
		public Flux<Token> listAll(int pageSize) {
			return this.delegate.listAll(pageSize);
		}

		@Override
		public Mono<Void> delete(String tokenId) {
			if (tokenId.contains("/")) {
				throw new IllegalArgumentException("keys with '/' are not supported");
			}
			return this.delegate.delete(tokenId);
		}

	}

}
