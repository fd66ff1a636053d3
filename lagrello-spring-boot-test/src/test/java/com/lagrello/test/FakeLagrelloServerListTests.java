package com.lagrello.test;

import java.time.Duration;
import java.util.List;

import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/tokens} on {@link FakeLagrelloServer}: paging, its links and its
 * validation. The server holds its admin token and 4 seeded tokens, 5 in all.
 */
class FakeLagrelloServerListTests {

	private FakeLagrelloServer server;

	private RawHttp http;

	private TokensClient client;

	@BeforeEach
	void start() {
		this.server = FakeLagrelloServer.builder().seedTokens(4).start();
		this.http = new RawHttp(this.server.baseUrl());
		this.client = this.server.tokensClient();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void firstPageIsAnsweredWhenPageIsAbsent() {
		RawHttp.Response response = this.http.get("/v1/tokens?size=2", admin());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(tokenKeys(response.json())).containsExactlyElementsOf(keys(this.server.tokens().subList(0, 2)));
		assertThat(response.json().get("paging").get("previous").isNull()).isTrue();
		assertThat(response.json().get("paging").get("next").stringValue()).isEqualTo(link(1, 2));
	}

	@Test
	void pageSizeIs20WhenSizeIsAbsent() {
		for (int i = 0; i < 20; i++) {
			this.server.addToken("extra-" + i);
		}
		RawHttp.Response response = this.http.get("/v1/tokens", admin());
		assertThat(response.json().get("data").size()).isEqualTo(20);
		assertThat(response.json().get("paging").get("next").stringValue()).isEqualTo(link(1, 20));
	}

	@Test
	void pagingLinksAreAbsoluteOnTheServersOwnOriginAcrossPages() {
		StepVerifier.create(this.client.listPage(0, 2))
			.assertNext((page) -> assertThat(page.paging().next()).isEqualTo(link(1, 2)))
			.verifyComplete();
		StepVerifier.create(this.client.listPage(1, 2)).assertNext((page) -> {
			assertThat(page.paging().next()).isEqualTo(link(2, 2));
			assertThat(page.paging().previous()).isEqualTo(link(0, 2));
		}).verifyComplete();
		StepVerifier.create(this.client.listPage(2, 2)).assertNext((page) -> {
			assertThat(page.data()).hasSize(1);
			assertThat(page.paging().next()).isNull();
			assertThat(page.paging().previous()).isEqualTo(link(1, 2));
		}).verifyComplete();
	}

	@Test
	void firstPageHasNoPreviousLink() {
		StepVerifier.create(this.client.listPage(0, 20))
			.assertNext((page) -> assertThat(page.paging().previous()).isNull())
			.verifyComplete();
	}

	@Test
	void pagesHoldTheTokensInCreationOrder() {
		List<Token> pages = List.of(0, 1, 2)
			.stream()
			.map((page) -> this.client.listPage(page, 2).block(Duration.ofSeconds(10)))
			.map(TokenList::data)
			.flatMap(List::stream)
			.toList();
		assertThat(pages).isEqualTo(this.server.tokens());
	}

	@Test
	void followingTheNextLinksListsEveryTokenOnce() {
		StepVerifier.create(this.client.listAll(2).collectList())
			.assertNext((tokens) -> assertThat(tokens).isEqualTo(this.server.tokens()))
			.verifyComplete();
		assertThat(this.server.requests()).extracting(RecordedRequest::uri)
			.containsExactly("/v1/tokens?size=2", "/v1/tokens?page=1&size=2", "/v1/tokens?page=2&size=2");
	}

	@Test
	void pageBeyondTheLastIsEmptyWithoutNextLink() {
		StepVerifier.create(this.client.listPage(9, 2)).assertNext((page) -> {
			assertThat(page.data()).isEmpty();
			assertThat(page.paging().next()).isNull();
		}).verifyComplete();
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=0", "size=21", "size=-1", "size=abc", "size=", "size=2.5" })
	void sizeOutside1To20Answers400WithErrorBody(String query) {
		RawHttp.Response response = this.http.get("/v1/tokens?" + query, admin());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("BAD_REQUEST");
		assertThat(response.json().get("message").stringValue()).contains("size");
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=-1", "page=abc", "page=", "page=99999999999" })
	void negativeOrNonNumericPageAnswers400WithErrorBody(String query) {
		RawHttp.Response response = this.http.get("/v1/tokens?" + query, admin());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("BAD_REQUEST");
		assertThat(response.json().get("message").stringValue()).contains("page");
	}

	@Test
	void sizeOf1And20AreAccepted() {
		assertThat(this.http.get("/v1/tokens?size=1", admin()).status()).isEqualTo(200);
		assertThat(this.http.get("/v1/tokens?size=20", admin()).status()).isEqualTo(200);
	}

	private String link(int page, int size) {
		return this.server.baseUrl() + "/v1/tokens?page=" + page + "&size=" + size;
	}

	private String admin() {
		return RawHttp.bearer(this.server.adminToken());
	}

	private static List<String> tokenKeys(JsonNode page) {
		return page.get("data").valueStream().map((token) -> token.get("tokenKey").stringValue()).toList();
	}

	private static List<String> keys(List<Token> tokens) {
		return tokens.stream().map(Token::tokenKey).toList();
	}

}
