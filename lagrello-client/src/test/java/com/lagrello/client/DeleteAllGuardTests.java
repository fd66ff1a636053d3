package com.lagrello.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards of {@link TokensClient#deleteAll} on the wire: a token without a key, a
 * filter that throws, an access token with whitespace around it, and an access token
 * supplier that rotates during the batch.
 */
class DeleteAllGuardTests {

	private static final String OLD_TOKEN = "old-own-token-0123456789";

	private static final String NEW_TOKEN = "new-own-token-9876543210";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static List<String> deletedOnTheWire() {
		return api.findAll(deleteRequestedFor(urlPathMatching("/v1/tokens/.*")))
			.stream()
			.map(LoggedRequest::getUrl)
			.sorted()
			.toList();
	}

	private static String page(String next, String... keys) {
		return ApiExamples.tokens(keys).replace("\"next\":null", "\"next\":\"" + next + "\"");
	}

	private static void answerEveryDelete() {
		api.stubFor(delete(urlPathMatching("/v1/tokens/.*")).willReturn(aResponse().withStatus(204)));
	}

	/** The old token for the first {@code calls} asks, then the new one. */
	private static Supplier<String> rotatingAfter(int calls) {
		AtomicInteger asked = new AtomicInteger();
		return () -> (asked.incrementAndGet() <= calls) ? OLD_TOKEN : NEW_TOKEN;
	}

	@Test
	void aTokenWithoutKeyIsReportedAndNothingIsSentForIt() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson("{\"data\":["
				+ "{\"tokenName\":\"keyless\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\"},"
				+ "{\"tokenKey\":\"a\",\"tokenName\":\"a\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\"}"
				+ "],\"paging\":{}}")));
		answerEveryDelete();

		DeleteAllResult result = clients.add(TestClients.client(api))
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a");
		assertThat(result.failures()).hasSize(1)
			.hasEntrySatisfying(result.failures().keySet().iterator().next(),
					(failure) -> assertThat(failure).isExactlyInstanceOf(LagrelloException.class)
						.hasMessageContaining("no tokenKey")
						.hasMessageContaining("not deleted"));
		assertThat(result.failures().keySet()).extracting(Token::tokenName).containsExactly("keyless");
		assertThat(deletedOnTheWire()).containsExactly("/v1/tokens/a");
	}

	@Test
	void aFilterThatThrowsFailsTheCallWithALagrelloExceptionAndDeletesNothing() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.tokens("a", "b"))));
		answerEveryDelete();
		IllegalStateException broken = new IllegalStateException("the filter is broken");

		StepVerifier.create(clients.add(TestClients.client(api)).deleteAll((token) -> {
			if (token.tokenKey().equals("b")) {
				throw broken;
			}
			return true;
		}))
			.expectErrorSatisfies((failure) -> assertThat(failure).isExactlyInstanceOf(LagrelloException.class)
				.hasMessageContaining("filter")
				.hasCause(broken))
			.verify(Duration.ofSeconds(10));
		assertThat(deletedOnTheWire()).isEmpty();
	}

	@Test
	void anAccessTokenSupplierThatFailsFailsTheCallWithALagrelloExceptionAndSendsNothing() {
		IllegalStateException vaultDown = new IllegalStateException("the vault is down");

		StepVerifier.create(clients.add(TestClients.builder(api).accessToken(() -> {
			throw vaultDown;
		}).build()).deleteAll((token) -> true))
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(LagrelloException.class)
				.hasCause(vaultDown)
				.hasMessageNotContaining("vault"))
			.verify(Duration.ofSeconds(10));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void theDefaultImplementationReportsAKeylessTokenAndWrapsWhatTheFilterThrows() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson("{\"data\":["
				+ "{\"tokenName\":\"keyless\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\"},"
				+ "{\"tokenKey\":\"a\",\"tokenName\":\"a\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\"}"
				+ "],\"paging\":{}}")));
		answerEveryDelete();
		TokensClient library = clients.add(TestClients.client(api));
		// an application's own implementation: only the five methods of 0.1
		TokensClient own = new TokensClient() {

			@Override
			public Mono<Token> create(CreateTokenRequest request) {
				return library.create(request);
			}

			@Override
			public Mono<TokenList> listPage(int page, int size) {
				return library.listPage(page, size);
			}

			@Override
			public Flux<Token> listAll() {
				return library.listAll();
			}

			@Override
			public Flux<Token> listAll(int pageSize) {
				return library.listAll(pageSize);
			}

			@Override
			public Mono<Void> delete(String tokenId) {
				return library.delete(tokenId);
			}

		};

		DeleteAllResult result = own.deleteAll((token) -> true).block(Duration.ofSeconds(10));

		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a");
		assertThat(result.failures().keySet()).extracting(Token::tokenName).containsExactly("keyless");
		assertThat(deletedOnTheWire()).containsExactly("/v1/tokens/a");
		StepVerifier.create(own.deleteAll((token) -> {
			throw new IllegalStateException("broken");
		})).expectError(LagrelloException.class).verify(Duration.ofSeconds(10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "own-token-abc-0123 ", " own-token-abc-0123", "\town-token-abc-0123",
			"own-token-abc-0123\t", " \town-token-abc-0123 \t" })
	void theGuardComparesTheTokenAsSentWhateverWhitespaceSurroundsIt(String configured) {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson(ApiExamples.tokens("a", "own-token-abc-0123", "b"))));
		answerEveryDelete();

		DeleteAllResult result = clients.add(TestClients.builder(api).accessToken(configured).build())
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(deletedOnTheWire()).containsExactly("/v1/tokens/a", "/v1/tokens/b");
		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a", "b");
		assertThat(result.failures()).isEmpty();
		assertThat(api.findAll(anyRequestedFor(anyUrl()))).allSatisfy(
				(request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer own-token-abc-0123"));
	}

	@Test
	void aTokenRotatedDuringTheListingIsNotDeletedNorTheOneBeforeIt() {
		// the batch reads the token once as it starts, once per page: the second page
		// goes with the new token
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson(page("/v1/tokens?page=1&size=20", "a", OLD_TOKEN))));
		api.stubFor(
				get(urlEqualTo("/v1/tokens?page=1&size=20")).willReturn(okJson(ApiExamples.tokens(NEW_TOKEN, "b"))));
		answerEveryDelete();

		DeleteAllResult result = clients
			.add(TestClients.builder(api).accessToken(rotatingAfter(2)).bulkConcurrency(1).build())
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(deletedOnTheWire()).containsExactly("/v1/tokens/a", "/v1/tokens/b");
		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a", "b");
		assertThat(result.failures().keySet()).extracting(Token::tokenKey)
			.containsExactlyInAnyOrder(OLD_TOKEN, NEW_TOKEN);
		assertThat(result.failures().values())
			.allSatisfy((skipped) -> assertThat(skipped).isExactlyInstanceOf(LagrelloException.class)
				.hasMessageContaining("access token")
				.hasMessageContaining("not deleted")
				.hasMessageNotContaining(OLD_TOKEN)
				.hasMessageNotContaining(NEW_TOKEN));
	}

	@Test
	void aTokenRotatedDuringTheDeletesIsNotDeletedNorTheOneBeforeIt() {
		// as it starts, then the only page: the old token; every delete: the new one
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson(ApiExamples.tokens("a", OLD_TOKEN, "b", NEW_TOKEN, "c"))));
		answerEveryDelete();

		DeleteAllResult result = clients.add(TestClients.builder(api).accessToken(rotatingAfter(2)).build())
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(deletedOnTheWire()).containsExactly("/v1/tokens/a", "/v1/tokens/b", "/v1/tokens/c");
		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactlyInAnyOrder("a", "b", "c");
		assertThat(result.failures().keySet()).extracting(Token::tokenKey)
			.containsExactlyInAnyOrder(OLD_TOKEN, NEW_TOKEN);
	}

}
