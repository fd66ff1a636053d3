package com.lagrello.test;

import java.time.Duration;
import java.util.UUID;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer-token check of {@link FakeLagrelloServer}.
 */
@ExtendWith(FakeLagrelloExtension.class)
class FakeLagrelloServerAuthenticationTests {

	private final FakeLagrelloServer server;

	private final RawHttp http;

	FakeLagrelloServerAuthenticationTests(FakeLagrelloServer server) {
		this.server = server;
		this.http = new RawHttp(server.baseUrl());
	}

	@Test
	void requestWithoutAuthorizationAnswers401WithErrorBody() {
		RawHttp.Response response = this.http.get("/v1/tokens", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("UNAUTHORIZED");
		assertThat(response.json().get("message").stringValue()).contains("Authorization");
		assertThat(response.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "a-token-without-scheme", "Bearer two words" })
	void requestWithMalformedAuthorizationAnswers401WithErrorBody(String authorization) {
		RawHttp.Response response = this.http.get("/v1/tokens", authorization);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void requestWithUnknownTokenAnswers403WithErrorBody() {
		RawHttp.Response response = this.http.get("/v1/tokens", RawHttp.bearer(UUID.randomUUID().toString()));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("FORBIDDEN");
		assertThat(response.json().get("message").stringValue()).isNotBlank();
	}

	@Test
	void clientWithUnknownTokenFailsWith403AndTheErrorType() {
		TokensClient stranger = TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken(UUID.randomUUID().toString())
			.build();
		StepVerifier.create(stranger.listPage(0, 1))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.statusCode()).isEqualTo(403);
						assertThat(api.errorType()).isEqualTo("FORBIDDEN");
					}))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void bearerSchemeIsCaseInsensitive() {
		RawHttp.Response response = this.http.get("/v1/tokens", "bearer " + this.server.adminToken());
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void tokenCreatedThroughTheApiCanAuthenticate() {
		Token created = this.server.tokensClient()
			.create(CreateTokenRequest.of("reader"))
			.block(Duration.ofSeconds(10));
		TokensClient reader = TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken(created.tokenKey())
			.build();
		StepVerifier.create(reader.listAll()).expectNextCount(2).verifyComplete();
	}

	@Test
	void deletedTokenNoLongerAuthenticates() {
		Token token = this.server.addToken("short-lived");
		this.server.tokensClient().delete(token.tokenKey()).block(Duration.ofSeconds(10));
		RawHttp.Response response = this.http.get("/v1/tokens", RawHttp.bearer(token.tokenKey()));
		assertThat(response.status()).isEqualTo(403);
	}

}
